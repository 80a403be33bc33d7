"""qkg's GraphQL API, FastAPI app and command line.

``create_app(settings)`` builds the standalone service; ``graphql_router(store)`` mounts the
GraphQL endpoint in your own FastAPI app. Both import FastAPI and strawberry lazily, so the
``qkg`` command starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .app import create_app
    from .limits import BodySizeLimit
    from .router import graphql_router
    from .schema import build_schema, sdl

__all__ = [
    "BodySizeLimit",
    "Settings",
    "build_schema",
    "create_app",
    "graphql_router",
    "load_settings",
    "sdl",
]

_LAZY = {
    "create_app": "app",
    "graphql_router": "router",
    "BodySizeLimit": "limits",
    "build_schema": "schema",
    "sdl": "schema",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
