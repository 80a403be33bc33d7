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
