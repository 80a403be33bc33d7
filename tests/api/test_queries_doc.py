"""docs/queries.md stays true: each example query, run over the shipped seed document in the
embedded store through real HTTP, answers exactly the documented output."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from qkg.api.app import create_app
from qkg.api.settings import Settings
from qkg.graph.embedded import EmbeddedStore
from qkg.loaders.seed import load_seed

from .readme_queries import EXPECTED, QUERIES
from .server import serving


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_documented_query_output_is_real(name: str, tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    try:
        load_seed(store)
        with serving(create_app(Settings(), store=store, extras=[])) as base:
            got = httpx.post(base + "/graphql", json={"query": QUERIES[name]}, timeout=30).json()
    finally:
        store.close()
    assert got == EXPECTED[name]
