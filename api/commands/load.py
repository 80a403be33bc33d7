"""``qkg`` subcommands: load."""

from __future__ import annotations

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add this module's subcommands to ``app``."""
