"""The strawberry schema: root types, limits and configuration from settings.

The SDL does not depend on settings (limits are extensions, not types), so
``qkg schema`` and the drift test print it from default settings.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import strawberry
from strawberry.schema.config import StrawberryConfig

from .execution import LeanExecutionContext
from .limits import limit_extensions, should_mask
from .resolvers import Mutation, Query
from .settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from graphql import GraphQLError
    from strawberry.extensions import SchemaExtension
    from strawberry.types import ExecutionContext

__all__ = ["SDL_PATH", "QkgSchema", "build_schema", "sdl"]

logger = logging.getLogger("qkg.api")

#: The exported SDL shipped beside this module (``qkg schema`` writes it).
SDL_PATH = Path(__file__).with_name("schema.graphql")


class QkgSchema(strawberry.Schema):
    """strawberry's schema, logging only what operators must see.

    strawberry logs every error at ERROR level with the query's source around it; a client
    could then flood the log (and spend the server's time formatting a 100 kB query) with
    requests that are rejected anyway. Unexpected resolver errors are logged with their
    traceback; rejected requests (validation, limits) only at DEBUG, truncated.
    """

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if should_mask(error):
                original = error.original_error
                logger.error("unexpected error at %s: %r", error.path, original, exc_info=original)
            elif logger.isEnabledFor(logging.DEBUG):
                logger.debug("rejected: %s", error.message[:200])


def build_schema(
    settings: Settings | None = None, *, extensions: Sequence[Callable[[], SchemaExtension]] = ()
) -> strawberry.Schema:
    """The schema with ``settings``' limits; field suggestions only in development.
    ``extensions`` (factories) run first, around the limits (the tracing extension)."""
    s = settings if settings is not None else Settings()
    return QkgSchema(
        query=Query,
        mutation=Mutation,
        extensions=[*extensions, *limit_extensions(s)],
        config=StrawberryConfig(disable_field_suggestions=s.environment != "development"),
        execution_context_class=LeanExecutionContext,
    )


def sdl() -> str:
    """The schema's SDL, as written to ``schema.graphql``."""
    return build_schema(Settings(environment="production")).as_str().rstrip() + "\n"
