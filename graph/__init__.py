"""qkg's graph stores, queries and analytics."""

from __future__ import annotations

__all__: list[str] = []
