"""Serve the ``/explore`` web page: the built explorer assets shipped inside the package.

The page is built from ``api/explorer`` (TypeScript, Cytoscape.js) by ``.ci/build-frontend``
into ``api/static/explore`` and committed, so ``pip install`` users get it without Node.
Only the files found there at mount time are served (a fixed table: no path from the URL
ever reaches the file system), each with its content type, a strict Content-Security-Policy
that allows nothing but this origin (the page makes no other request), long-lived caching
for content-hashed assets and revalidation for the HTML.

Example::

    from fastapi import FastAPI
    from qkg.api.explore import mount_explorer

    app = FastAPI()
    mount_explorer(app, prefix="/explore")  # the page then talks to /graphql
"""

from __future__ import annotations

import gzip
import hashlib
import html
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

__all__ = ["CONTENT_SECURITY_POLICY", "STATIC_DIR", "ExplorerAsset", "load_assets", "mount_explorer"]

#: Where ``.ci/build-frontend`` writes the built page.
STATIC_DIR = Path(__file__).resolve().parent / "static" / "explore"

#: Everything from this origin only; no inline script or style; images also from blob:
#: (the PNG export); nothing may frame the page, post forms or change the base URL.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)

_SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}
_COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".svg", ".json", ".txt")
_IMMUTABLE = "public, max-age=31536000, immutable"
_REVALIDATE = "no-cache"

_MISSING_PAGE = (
    "<!doctype html><meta charset=utf-8><title>qkg explorer not built</title>"
    "<p>The explorer's assets are missing from this installation. From a source checkout, run "
    "<code>.ci/build-frontend</code> (needs Node.js 20 and npm) and reload.</p>"
)


@dataclass(frozen=True, slots=True)
class ExplorerAsset:
    """One servable file, held in memory with its gzip form and validators."""

    body: bytes
    gzipped: bytes | None
    media_type: str
    etag: str
    cache_control: str


def _asset(path: str, body: bytes) -> ExplorerAsset:
    suffix = Path(path).suffix.lower()
    media = _TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    gz = (
        gzip.compress(body, compresslevel=9, mtime=0)
        if suffix in _COMPRESSIBLE and len(body) > 1024
        else None
    )
    # Vite names built assets by content hash; everything else (the HTML) must revalidate.
    cache = _IMMUTABLE if path.startswith("assets/") else _REVALIDATE
    return ExplorerAsset(body, gz, media, f'"{hashlib.sha256(body).hexdigest()[:32]}"', cache)


def load_assets(static_dir: Path = STATIC_DIR, *, graphql_path: str = "/graphql") -> dict[str, ExplorerAsset]:
    """The table of servable files, keyed by their path relative to the page ("" = the page).

    ``graphql_path`` is written into the page's ``qkg-graphql`` meta tag, which tells the
    page where to send its queries.
    """
    assets: dict[str, ExplorerAsset] = {}
    if not (static_dir / "index.html").is_file():
        assets[""] = _asset("index.html", _MISSING_PAGE.encode())
        return assets
    for file in sorted(p for p in static_dir.rglob("*") if p.is_file()):
        rel = file.relative_to(static_dir).as_posix()
        body = file.read_bytes()
        if rel == "index.html":
            body = _point_at(body, graphql_path)
        assets[rel] = _asset(rel, body)
    assets[""] = assets["index.html"]
    return assets


def _point_at(page: bytes, graphql_path: str) -> bytes:
    text = page.decode("utf-8")
    marker = '<meta name="qkg-graphql" content="'
    start = text.find(marker)
    if start < 0:
        return page
    end = text.index('"', start + len(marker))
    return (text[: start + len(marker)] + html.escape(graphql_path, quote=True) + text[end:]).encode("utf-8")


def _respond(request: Request, asset: ExplorerAsset) -> Response:
    headers = dict(_SECURITY_HEADERS)
    headers["cache-control"] = asset.cache_control
    headers["etag"] = asset.etag
    headers["vary"] = "accept-encoding"
    inm = request.headers.get("if-none-match")
    if inm is not None and asset.etag in {t.strip().removeprefix("W/") for t in inm.split(",")}:
        return Response(status_code=304, headers=headers)
    body = asset.body
    accepts = request.headers.get("accept-encoding", "")
    if asset.gzipped is not None and "gzip" in accepts.lower():
        body = asset.gzipped
        headers["content-encoding"] = "gzip"
    if request.method == "HEAD":
        headers["content-length"] = str(len(body))
        return Response(status_code=200, headers=headers, media_type=asset.media_type)
    return Response(content=body, headers=headers, media_type=asset.media_type)


def mount_explorer(
    app: FastAPI,
    *,
    prefix: str = "/explore",
    graphql_path: str = "/graphql",
    static_dir: Path = STATIC_DIR,
) -> None:
    """Serve the explorer page at ``{prefix}/`` and its assets below it on ``app``.

    ``graphql_path`` is where the page sends its GraphQL queries (same origin). The files are
    read once, here; a rebuilt page needs a restart.
    """
    prefix = "/" + prefix.strip("/")
    assets = load_assets(static_dir, graphql_path=graphql_path)
    not_found_headers = dict(_SECURITY_HEADERS)

    async def redirect(request: Request) -> Response:
        target = f"{prefix}/"
        if request.url.query:
            target += f"?{request.url.query}"
        return RedirectResponse(target, status_code=308)

    async def serve(request: Request, path: str = "") -> Response:
        asset = assets.get(path)
        if asset is None:
            return Response(
                f"no explorer file {path!r}\n",
                status_code=404,
                media_type="text/plain; charset=utf-8",
                headers=not_found_headers,
            )
        return _respond(request, asset)

    methods = ["GET", "HEAD"]
    app.add_api_route(prefix, redirect, methods=methods, include_in_schema=False)
    app.add_api_route(f"{prefix}/", serve, methods=methods, include_in_schema=False)
    app.add_api_route(f"{prefix}/{{path:path}}", serve, methods=methods, include_in_schema=False)
