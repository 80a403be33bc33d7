"""qkg's GraphQL API, FastAPI app and command line.

``create_app(settings)`` builds the standalone service; ``graphql_router(store)`` mounts the
GraphQL endpoint in your own FastAPI app. Every name here loads on first use (PEP 562), so
the ``qkg`` command imports neither FastAPI and strawberry nor pydantic-settings until a
subcommand needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qkg.schemas._lazy import lazy_exports

if TYPE_CHECKING:
    from .app import create_app
    from .limits import BodySizeLimit
    from .router import graphql_router
    from .schema import build_schema, sdl
    from .settings import Settings, load_settings

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
    "Settings": "settings",
    "load_settings": "settings",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__)
