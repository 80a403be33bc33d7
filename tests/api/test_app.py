"""``create_app(settings)`` without a store opens the configured one when it starts and
closes it when it stops; ``/health`` reports it."""

from __future__ import annotations

from pathlib import Path

import httpx

from qkg.api import create_app, graphql_router
from qkg.api.settings import Settings
from qkg.graph.embedded import EmbeddedStore

from .server import serving


def test_app_opens_and_closes_the_configured_store(tmp_path: Path) -> None:
    app = create_app(Settings(store="embedded", data_dir=tmp_path / "data"), extras=[])
    with serving(app) as base:
        health = httpx.get(base + "/health").json()
        assert health["status"] == "ok"
        assert health["store"]["kind"] == "embedded"
        r = httpx.post(base + "/graphql", json={"query": "{ stats { documents store } }"})
        assert r.json() == {"data": {"stats": {"documents": 0, "store": "embedded"}}}
    # closed on shutdown: the folder's lock is free again
    EmbeddedStore(tmp_path / "data").close()


def test_public_surface() -> None:
    import qkg.api

    assert {"create_app", "graphql_router", "Settings", "BodySizeLimit", "sdl"} <= set(qkg.api.__all__)
    assert callable(graphql_router)


def test_the_served_store_is_ready_before_the_first_request_without_its_index(tmp_path: Path) -> None:
    from qkg.api.app import open_store

    from .graphs import daejeon

    with EmbeddedStore(tmp_path / "data") as store:
        for delta in daejeon():
            store.upsert(delta)
    # a plain open reads only the snapshot's header and decodes the index on first use
    with EmbeddedStore(tmp_path / "data") as plain:
        opened = plain.rebuild_seconds
        assert len(plain.documents()) == len(daejeon())
        assert plain.rebuild_seconds > opened
    # the server's open maps the facts file and builds its tables before any request (the
    # documents listed from it); the index is decoded only by a question that needs it (links)
    served = open_store(Settings(store="embedded", data_dir=tmp_path / "data"))
    try:
        assert isinstance(served, EmbeddedStore)
        assert served._idx is None
        opened = served.rebuild_seconds
        assert served.stats().documents == len(daejeon())
        assert len(served.documents()) == len(daejeon())
        assert served.rebuild_seconds == opened
        assert list(served.links())
        assert served.rebuild_seconds > opened
    finally:
        served.close()
    # without a facts file to answer from, the server's open decodes the index before any request
    (tmp_path / "data" / "facts.columns").unlink()
    served = open_store(Settings(store="embedded", data_dir=tmp_path / "data"))
    try:
        assert isinstance(served, EmbeddedStore)
        assert served._idx is not None
        opened = served.rebuild_seconds
        assert len(served.documents()) == len(daejeon())
        assert served.rebuild_seconds == opened
    finally:
        served.close()
