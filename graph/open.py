"""Open the configured store: one place that turns settings into a :class:`GraphStore`.

``graph`` must not depend on ``api``, so :func:`open_store_from_settings` takes any object
with the fields of :class:`qkg.api.settings.Settings` (duck-typed by :class:`StoreSettings`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from qkg.schemas import ConfigurationError

from .store import GraphStore

__all__ = ["StoreSettings", "open_store", "open_store_from_settings"]


class _Secret(Protocol):
    def get_secret_value(self) -> str: ...


class StoreSettings(Protocol):
    """The settings fields :func:`open_store_from_settings` reads."""

    @property
    def store(self) -> str: ...
    @property
    def data_dir(self) -> Path: ...
    @property
    def neo4j_uri(self) -> str | None: ...
    @property
    def neo4j_user(self) -> str: ...
    @property
    def neo4j_password(self) -> _Secret | None: ...
    @property
    def neo4j_database(self) -> str: ...


def open_store(
    *,
    kind: str,
    data_dir: Path,
    neo4j_uri: str | None = None,
    neo4j_auth: tuple[str, str] | None = None,
    neo4j_database: str = "neo4j",
) -> GraphStore:
    """Open the store of ``kind`` (``"embedded"`` in ``data_dir``, or ``"neo4j"`` at ``neo4j_uri``)."""
    if kind == "embedded":
        from .embedded import EmbeddedStore

        return EmbeddedStore(Path(data_dir))
    if kind == "neo4j":
        if not neo4j_uri:
            raise ConfigurationError(
                "QKG_STORE=neo4j needs QKG_NEO4J_URI (for example bolt://127.0.0.1:7687)"
            )
        from .neo4j import Neo4jStore

        store: GraphStore = Neo4jStore(neo4j_uri, auth=neo4j_auth, database=neo4j_database)
        return store
    raise ConfigurationError(f"QKG_STORE: unknown store kind {kind!r} (use 'embedded' or 'neo4j')")


def open_store_from_settings(settings: StoreSettings) -> GraphStore:
    """Open the store the settings describe (``QKG_STORE``, ``QKG_DATA_DIR``, ``QKG_NEO4J_*``)."""
    password = settings.neo4j_password
    auth = None if password is None else (settings.neo4j_user, password.get_secret_value())
    return open_store(
        kind=settings.store,
        data_dir=settings.data_dir,
        neo4j_uri=settings.neo4j_uri,
        neo4j_auth=auth,
        neo4j_database=settings.neo4j_database,
    )
