"""Pytest fixtures for a real Neo4j server (registered as a plugin by ``tests/conftest.py``).

``neo4j_server`` starts ONE Neo4j 5.26 per test session (see :mod:`tests.neo4j.server`), or,
when ``QKG_NEO4J_URI`` is set (with ``QKG_NEO4J_USER``/``QKG_NEO4J_PASSWORD`` and optionally
``QKG_NEO4J_DATABASE``), connects to that server instead. A Neo4j that cannot be started or
reached FAILS the tests that need it with the reason: Neo4j tests are never skipped.

``neo4j_store`` is a :class:`qkg.graph.neo4j.Neo4jStore` on that server, emptied first.
The database is shared by the whole session, so tests that use it run one at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from .server import TEST_JVM_FLAGS, Neo4jServer, Neo4jStartError

if TYPE_CHECKING:
    from qkg.graph.neo4j import Neo4jStore

__all__ = ["Neo4jTarget", "neo4j_server", "neo4j_store"]


@dataclass(frozen=True)
class Neo4jTarget:
    """Where the session's Neo4j answers."""

    uri: str
    auth: tuple[str, str] | None
    database: str
    #: The launcher process when the session started it; ``None`` for an external server.
    server: Neo4jServer | None


def external_target() -> Neo4jTarget | None:
    """The server named by ``QKG_NEO4J_URI``, if any."""
    uri = os.environ.get("QKG_NEO4J_URI")
    if not uri:
        return None
    password = os.environ.get("QKG_NEO4J_PASSWORD")
    auth = (os.environ.get("QKG_NEO4J_USER", "neo4j"), password) if password else None
    return Neo4jTarget(uri, auth, os.environ.get("QKG_NEO4J_DATABASE", "neo4j"), None)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jTarget]:
    """The session's Neo4j: the one in ``QKG_NEO4J_URI``, else a fresh local 5.26 server."""
    external = external_target()
    if external is not None:
        yield external
        return
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j-data"), page_cache_mib=128, jvm_flags=TEST_JVM_FLAGS)
    problem = None
    try:
        server.start()
    except Neo4jStartError as exc:
        problem = str(exc)
    if problem is not None:
        pytest.fail(
            f"could not start Neo4j 5.26 for the Neo4j tests: {problem}\n"
            "Fix the cause above, or set QKG_NEO4J_URI (and QKG_NEO4J_USER/QKG_NEO4J_PASSWORD) "
            "to a running Neo4j 5.x server.",
            pytrace=False,
        )
    try:
        yield Neo4jTarget(server.uri, None, "neo4j", server)
    finally:
        server.stop()


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jTarget) -> Iterator[Neo4jStore]:
    """An empty :class:`~qkg.graph.neo4j.Neo4jStore` on the session's server."""
    from qkg.graph.neo4j import Neo4jStore
    from qkg.schemas import StoreUnavailable

    try:
        store = Neo4jStore(neo4j_server.uri, auth=neo4j_server.auth, database=neo4j_server.database)
    except StoreUnavailable as exc:
        problem = str(exc)
    else:
        problem = None
    if problem is not None:
        pytest.fail(f"Neo4j at {neo4j_server.uri} is not reachable: {problem}", pytrace=False)
    try:
        store.clear()
        yield store
    finally:
        store.close()
