"""The /explore page server: content types, CSP, caching, compression, no path traversal."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from qkg.api.explore import CONTENT_SECURITY_POLICY, STATIC_DIR, load_assets, mount_explorer


class AppClient:
    """Synchronous requests to an ASGI app in process (no server, no network)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://qkg.test") as c:
                return await c.request(method, path, **kw)

        return asyncio.run(go())

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("GET", path, **kw)

    def head(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("HEAD", path, **kw)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><meta name="qkg-graphql" content="../graphql" />'
        '<script type="module" src="./assets/app-abc123.js"></script>' + "<!-- pad -->" * 200
    )
    (tmp_path / "assets" / "app-abc123.js").write_text("console.log('qkg');\n" * 200)
    (tmp_path / "assets" / "app-abc123.css").write_text("body{margin:0}\n")
    (tmp_path / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return tmp_path


@pytest.fixture
def client(site: Path) -> AppClient:
    app = FastAPI()
    mount_explorer(app, prefix="/explore", graphql_path="/api/graphql", static_dir=site)
    return AppClient(app)


@pytest.mark.parametrize(
    ("path", "media"),
    [
        ("/explore/", "text/html; charset=utf-8"),
        ("/explore/index.html", "text/html; charset=utf-8"),
        ("/explore/assets/app-abc123.js", "text/javascript; charset=utf-8"),
        ("/explore/assets/app-abc123.css", "text/css; charset=utf-8"),
        ("/explore/favicon.svg", "image/svg+xml"),
    ],
)
def test_files_have_their_content_type_and_security_headers(client: AppClient, path: str, media: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"] == media
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_csp_allows_only_this_origin() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert "http" not in CONTENT_SECURITY_POLICY


def test_hashed_assets_are_immutable_and_the_page_revalidates(client: AppClient) -> None:
    assert client.get("/explore/assets/app-abc123.js").headers["cache-control"] == (
        "public, max-age=31536000, immutable"
    )
    assert client.get("/explore/").headers["cache-control"] == "no-cache"


def test_etag_gives_not_modified(client: AppClient) -> None:
    first = client.get("/explore/assets/app-abc123.js")
    again = client.get("/explore/assets/app-abc123.js", headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_text_is_gzipped_when_the_client_accepts_it(client: AppClient, site: Path) -> None:
    r = client.get("/explore/assets/app-abc123.js", headers={"accept-encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    assert r.content == (site / "assets" / "app-abc123.js").read_bytes()  # httpx decodes it
    raw = client.get("/explore/assets/app-abc123.js", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in raw.headers


def test_page_points_at_the_configured_graphql_path(client: AppClient) -> None:
    assert '<meta name="qkg-graphql" content="/api/graphql" />' in client.get("/explore/").text


def test_bare_prefix_redirects_to_the_page_keeping_the_query(client: AppClient) -> None:
    r = client.get("/explore?actor=kaist", follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == "/explore/?actor=kaist"


def test_head_answers_without_a_body(client: AppClient) -> None:
    r = client.head("/explore/assets/app-abc123.js")
    assert r.status_code == 200
    assert r.content == b""
    assert int(r.headers["content-length"]) > 0


@pytest.mark.parametrize(
    "path",
    [
        "/explore/../pyproject.toml",
        "/explore/%2e%2e/%2e%2e/etc/passwd",
        "/explore/assets/../../explore.py",
        "/explore/missing.js",
        "/explore/assets",
    ],
)
def test_only_built_files_are_served(client: AppClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text


def test_missing_build_serves_an_explanation(tmp_path: Path) -> None:
    app = FastAPI()
    mount_explorer(app, static_dir=tmp_path / "nothing")
    r = AppClient(app).get("/explore/")
    assert r.status_code == 200
    assert ".ci/build-frontend" in r.text


def test_the_shipped_build_is_complete() -> None:
    assets = load_assets(STATIC_DIR)
    page = assets["index.html"].body.decode()
    assert "<script" in page
    scripts = [p for p in assets if p.startswith("assets/") and p.endswith(".js")]
    styles = [p for p in assets if p.startswith("assets/") and p.endswith(".css")]
    assert scripts
    assert styles
    for p in scripts + styles:
        assert f"./{p}" in page
    # No inline script or style: the CSP would block them.
    assert "<style" not in page
    assert "style=" not in page
    assert all(f'src="./{p}"' in page or "src=" not in page for p in scripts)
    js = assets[scripts[0]].body
    assert gzip.decompress(assets[scripts[0]].gzipped or gzip.compress(js)) == js
