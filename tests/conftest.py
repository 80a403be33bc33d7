"""Fixtures shared by every test folder.

``store`` is parametrised over both stores: the embedded store in a temporary folder and a
real Neo4j server (started by ``tests/neo4j`` or given by ``QKG_NEO4J_URI``), emptied
before each test. Tests that take ``store`` therefore run on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qkg.graph.store import GraphStore

pytest_plugins = ["tests.neo4j.fixtures"]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each kind."""
    if request.param == "embedded":
        from qkg.graph.embedded import EmbeddedStore

        s: GraphStore = EmbeddedStore(tmp_path / "store")
    else:
        s = request.getfixturevalue("neo4j_store")
        s.clear()
    try:
        yield s
    finally:
        if request.param == "embedded":
            s.close()
