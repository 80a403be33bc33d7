"""The ``qkg`` command's subcommands, one module per concern; each exposes ``register(app)``."""

from __future__ import annotations

__all__: list[str] = []
