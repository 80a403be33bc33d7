"""API test fixtures: the hand-written graph loaded into each real store, served over HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from qkg.api.app import create_app
from qkg.api.settings import Settings
from qkg.graph.embedded import EmbeddedStore
from qkg.graph.store import GraphStore

from .graphs import daejeon
from .server import serving


class Client:
    """A tiny GraphQL-over-HTTP client (httpx) that keeps the last raw response."""

    def __init__(self, base: str, path: str = "/graphql") -> None:
        self.base = base
        self.url = base + path
        self.http = httpx.Client(timeout=30)

    def post(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> httpx.Response:
        return self.http.post(self.url, json={"query": query, "variables": variables or {}}, **kw)

    def __call__(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
        """POST a query; return ``data``; fail on any error."""
        r = self.post(query, variables, **kw)
        assert r.status_code == 200, r.text
        body = r.json()
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    def errors(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> list[str]:
        """POST a query that must fail; return the error messages."""
        r = self.post(query, variables, **kw)
        body = r.json()
        assert body.get("errors"), body
        return [e["message"] for e in body["errors"]]


Serve = Callable[..., AbstractContextManager[Client]]


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    """Each real store with the hand-written Daejeon graph."""
    for delta in daejeon():
        store.upsert(delta)
    return store


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[GraphStore]:
    """One embedded store with the test graph, for what does not depend on the store kind
    (limits, metrics, logs, traces)."""
    store = EmbeddedStore(tmp_path / "store")
    for d in daejeon():
        store.upsert(d)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def served(store: GraphStore, settings: Settings) -> Iterator[tuple[Client, FastAPI]]:
    """create_app over ``store`` under uvicorn: a client of it and the app (its state)."""
    app = create_app(settings, store=store, extras=[])
    with serving(app) as base:
        client = Client(base)
        try:
            yield client, app
        finally:
            client.http.close()


@pytest.fixture
def serve() -> Serve:
    """``with serve(store, **settings) as client:`` runs create_app under uvicorn."""

    @contextmanager
    def run(store: GraphStore, **settings: Any) -> Iterator[Client]:
        with served(store, Settings(**settings)) as (client, _):
            yield client

    return run


@pytest.fixture
def gql(loaded: GraphStore, serve: Serve) -> Iterator[Client]:
    """A client of the production-configured app over the loaded store."""
    with serve(loaded, response_cache_size=0) as client:
        yield client


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder whose embedded store the CLI uses (QKG_DATA_DIR, QKG_STORE)."""
    monkeypatch.setenv("QKG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QKG_STORE", "embedded")
    return tmp_path
