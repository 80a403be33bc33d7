"""qkg's GraphQL API, FastAPI app and command line."""

from __future__ import annotations

from .settings import Settings, load_settings

__all__ = ["Settings", "load_settings"]
