"""The standalone service: ``create_app(settings)`` builds the FastAPI app ``qkg serve`` runs.

It opens the configured store when the app starts (or uses the one given) and closes it on
shutdown, serves ``/graphql`` (GraphiQL only in development), ``/health`` with the store's
status (kind, documents, graph version: never its folder, URI or error text; why a store is
unavailable goes to the log), applies CORS from settings and caps request bodies. Every request gets an id and a
log line (:mod:`qkg.api.requestlog`); with ``QKG_METRICS=true`` the app serves Prometheus
metrics at ``/metrics`` (or, with ``QKG_METRICS_PORT``, on a port of their own), and with
tracing on (:mod:`qkg.api.tracing`) it opens spans. Other features hook in through
:data:`EXTENSIONS`-style callables in :func:`create_app` (the web explorer mounts itself there).
"""

from __future__ import annotations

import gc
import importlib.util
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from qkg.schemas import QkgError, StoreUnavailable

from .limits import BodySizeLimit
from .requestlog import RequestLog
from .router import make_router, telemetry_for
from .settings import Settings, load_settings
from .state import AppState

if TYPE_CHECKING:
    from opentelemetry.trace import TracerProvider
    from prometheus_client import CollectorRegistry

    from qkg.graph.store import GraphStore

__all__ = ["create_app", "open_store"]

logger = logging.getLogger("qkg.api")

#: What ``/health`` shows of a store's report; the rest (data folder, Neo4j URI, server
#: details) would tell an anonymous caller how the service is laid out.
_PUBLIC_HEALTH = ("ok", "documents", "version")


def _qkg_version() -> str:
    try:
        return dist_version("qkg")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def open_store(settings: Settings) -> GraphStore:
    """The store ``settings`` configure (embedded folder or Neo4j), ready to serve: warmed
    (:meth:`~qkg.graph.store.GraphStore.warm`: the embedded store builds the look-up tables of
    its facts file now, or decodes its index when it has no valid facts file; opening reads
    only the snapshot's header), so the first request does not pay for it."""
    from qkg.graph.open import open_store_from_settings  # type: ignore[import-not-found,unused-ignore]

    store: GraphStore = open_store_from_settings(settings)
    try:
        store.warm()
    except BaseException:
        store.close()
        raise
    return store


class _StoreHolder:
    def __init__(self, store: GraphStore | None) -> None:
        self.store = store

    def get(self) -> GraphStore:
        if self.store is None:
            raise StoreUnavailable("the store is not open (the app has not started)")
        return self.store


def create_app(
    settings: Settings | None = None,
    *,
    store: GraphStore | None = None,
    extras: list[Callable[[FastAPI], None]] | None = None,
    registry: CollectorRegistry | None = None,
    tracer_provider: TracerProvider | None = None,
) -> FastAPI:
    """Build the qkg service.

    ``store``: serve this store (the caller closes it); by default the app opens the store
    ``settings`` configure when it starts and closes it when it stops. ``extras``: callables
    that add routes to the app (by default the web explorer, when installed).
    ``registry``: count metrics in this Prometheus registry (default: a registry of the
    app's own, when ``QKG_METRICS`` or ``QKG_METRICS_PORT`` is set). ``tracer_provider``:
    trace with it (default: the global provider, when tracing is configured).
    """
    s = settings if settings is not None else load_settings()
    holder = _StoreHolder(store)
    owns_store = store is None
    state = AppState()
    if registry is None and s.metrics_enabled:
        from .metrics import app_registry

        registry = app_registry()
    telemetry, extensions = telemetry_for(s, registry=registry, tracer_provider=tracer_provider)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        metrics_server = None
        if registry is not None and s.metrics_port is not None:
            from .metrics import serve_metrics

            metrics_server = serve_metrics(registry, s.host, s.metrics_port)
        try:
            if owns_store:
                # The process's garbage collector is the entry point's to tune, never the
                # store's: building a large index of long-lived objects would trigger full
                # collections over and over, so pause it while opening, then freeze what is
                # loaded (full collections no longer walk it).
                enabled = gc.isenabled()
                gc.disable()
                try:
                    holder.store = open_store(s)
                finally:
                    if enabled:
                        gc.enable()
                gc.collect()
                gc.freeze()
            if s.api_keys:
                # ingestion is on: import the extractor (compiling its rules) and load its gazetteer now
                # (about a second), not inside the first ingest request's deadline
                import qkg.loaders.extract  # noqa: F401
                from qkg.loaders.gazetteer import default_gazetteer

                default_gazetteer()
            yield
        finally:
            if holder.store is not None:
                state.close(holder.store)  # the app stops serving it: its caches and workers go
            if owns_store and holder.store is not None:
                holder.store.close()
                holder.store = None
            if metrics_server is not None:
                metrics_server.shutdown()
                metrics_server.server_close()

    app = FastAPI(
        title="qkg",
        version=_qkg_version(),
        description="A knowledge graph of quantum-technology ecosystem actors, with evidence for every edge.",
        lifespan=lifespan,
        docs_url="/docs" if s.environment == "development" else None,
        redoc_url=None,
        openapi_url="/openapi.json" if s.environment == "development" else None,
    )
    app.state.settings = s
    app.state.store_holder = holder

    @app.get("/health", tags=["service"])
    def health() -> JSONResponse:
        body: dict[str, Any] = {"status": "ok", "version": _qkg_version()}
        try:
            st = holder.get()
            report = dict(st.health())
            body["store"] = {"kind": st.kind, **{k: report[k] for k in _PUBLIC_HEALTH if k in report}}
            ok = bool(report.get("ok", True))
            if not ok:
                logger.warning("health: the store is unavailable: %s", report.get("error", report))
        except QkgError as exc:
            logger.warning("health: the store is unavailable: %s", exc)
            body["store"] = {"ok": False, "error": "the store is unavailable (the server log says why)"}
            ok = False
        if not ok:
            body["status"] = "unavailable"
        return JSONResponse(body, status_code=200 if ok else 503)

    graphql = make_router(holder.get, s, telemetry=telemetry, extensions=extensions, state=state)
    app.include_router(graphql)
    app.state.graphql = graphql  # its caches (graphql.caches, graphql.state), for operators and tests
    if registry is not None and s.metrics and s.metrics_port is None:
        from .metrics import mount_metrics

        mount_metrics(app, registry)

    for extra in extras if extras is not None else _default_extras():
        extra(app)

    if s.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(s.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["content-type", "authorization", "x-api-key"],
        )
    app.add_middleware(
        BodySizeLimit,
        max_bytes=s.max_body_bytes,
        max_bytes_with_key=max(s.max_body_bytes, s.max_ingest_bytes + 64 * 1024),
        api_keys=[k.get_secret_value() for k in s.api_keys],
    )
    app.add_middleware(RequestLog, telemetry=telemetry)  # outermost: sees every response
    app.state.registry = registry
    return app


def _default_extras() -> list[Callable[[FastAPI], None]]:
    """Optional features that mount themselves: the web explorer, when its module exists."""
    out: list[Callable[[FastAPI], None]] = []
    if importlib.util.find_spec("qkg.api.explore") is not None:
        from . import explore  # type: ignore[attr-defined,unused-ignore]

        mount = getattr(explore, "mount_explorer", None)
        if callable(mount):
            out.append(mount)
    return out
