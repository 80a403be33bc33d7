"""The strawberry schema: root types, limits and configuration from settings.

The SDL does not depend on settings (limits are extensions, not types), so
``qkg schema`` and the drift test print it from default settings.
"""

from __future__ import annotations

from pathlib import Path

import strawberry
from strawberry.schema.config import StrawberryConfig

from .limits import limit_extensions
from .resolvers import Mutation, Query
from .settings import Settings

__all__ = ["SDL_PATH", "build_schema", "sdl"]

#: The exported SDL shipped beside this module (``qkg schema`` writes it).
SDL_PATH = Path(__file__).with_name("schema.graphql")


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with ``settings``' limits; field suggestions only in development."""
    s = settings if settings is not None else Settings()
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=limit_extensions(s),
        config=StrawberryConfig(disable_field_suggestions=s.environment != "development"),
    )


def sdl() -> str:
    """The schema's SDL, as written to ``schema.graphql``."""
    return build_schema(Settings(environment="production")).as_str().rstrip() + "\n"
