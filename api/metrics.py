"""Prometheus metrics of the GraphQL service, in a registry the caller chooses.

:class:`Metrics` defines every qkg metric once, in one ``CollectorRegistry``:
``create_app`` gives each app its own registry (served at ``/metrics`` with
``QKG_METRICS=true``, or on ``QKG_METRICS_PORT``); an app that mounts
:func:`qkg.api.graphql_router` passes its own (``registry=prometheus_client.REGISTRY``) and
exports it as it already does. :func:`metrics_for` returns the one instance per registry,
so several routers share it instead of registering the same names twice.

Label values are bounded: operation names are GraphQL names that clients choose, so only
the first :data:`MAX_OPERATIONS` distinct names get their own series; later ones are
counted as ``other``, requests without a name as ``anonymous``. Outcomes, store methods,
document outcomes and analytics measures are closed sets.

Cheap on the hot path: label children are looked up in a plain dict (prometheus_client's
``labels()`` takes a lock and builds a key each call), so a cached answer costs two counter
increments and one histogram observation.
"""

from __future__ import annotations

import threading
import weakref
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from typing import TYPE_CHECKING, Any

from fastapi import Request, Response
from prometheus_client import (
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Histogram,
    Info,
)
from prometheus_client.exposition import choose_encoder

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = [
    "MAX_OPERATIONS",
    "OUTCOMES",
    "Metrics",
    "app_registry",
    "metrics_for",
    "mount_metrics",
    "serve_metrics",
]

#: Distinct operation names that get their own series; later names count as ``other``.
MAX_OPERATIONS = 200
#: How a GraphQL request ended (the ``outcome`` label).
OUTCOMES = ("ok", "validation_error", "limit", "unauthorized", "unexpected")

# A cached answer takes about a millisecond, a store call a tenth of that.
_REQUEST_BUCKETS = (
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
)
_CALL_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0)
_ANALYTICS_BUCKETS = (0.001, 0.01, 0.05, 0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


def _qkg_version() -> str:
    try:
        return dist_version("qkg")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


class Metrics:
    """qkg's metrics registered in ``registry``; use :func:`metrics_for` to share one per registry."""

    def __init__(self, registry: CollectorRegistry, *, max_operations: int = MAX_OPERATIONS) -> None:
        self.registry = registry
        self.max_operations = max_operations
        self.requests = Counter(
            "qkg_graphql_requests",
            "GraphQL requests by operation name and outcome.",
            ["operation", "outcome"],
            registry=registry,
        )
        self.request_seconds = Histogram(
            "qkg_graphql_request_duration_seconds",
            "Time to answer a GraphQL request, by operation name.",
            ["operation"],
            buckets=_REQUEST_BUCKETS,
            registry=registry,
        )
        self.cache_hits = Counter(
            "qkg_answer_cache_hits", "GraphQL answers served from the answer cache.", registry=registry
        )
        self.cache_misses = Counter(
            "qkg_answer_cache_misses",
            "Cacheable GraphQL requests that had to be executed.",
            registry=registry,
        )
        self.store_seconds = Histogram(
            "qkg_store_call_duration_seconds",
            "Time of each graph store call, by method (the count is the number of calls).",
            ["method"],
            buckets=_CALL_BUCKETS,
            registry=registry,
        )
        self.store_errors = Counter(
            "qkg_store_call_errors",
            "Graph store calls that raised, by method.",
            ["method"],
            registry=registry,
        )
        self.documents = Counter(
            "qkg_documents_ingested",
            "Documents sent to ingestDocument: loaded, unchanged (already loaded) or rejected.",
            ["outcome"],
            registry=registry,
        )
        self.analytics_seconds = Histogram(
            "qkg_analytics_duration_seconds",
            "Time of an analytics request (centrality, communities), cached results included.",
            ["analysis", "measure"],
            buckets=_ANALYTICS_BUCKETS,
            registry=registry,
        )
        self.analytics_computations = Counter(
            "qkg_analytics_computations",
            "Analytics results computed, by analysis and measure (cached results and requests "
            "that shared a computation already running are not counted).",
            ["analysis", "measure"],
            registry=registry,
        )
        Info("qkg_build", "The qkg version serving.", registry=registry).info({"version": _qkg_version()})
        self._names: dict[str, str] = {}
        self._names_lock = threading.Lock()
        self._by_request: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._by_method: dict[str, tuple[Any, Any]] = {}

    def operation_label(self, name: str | None) -> str:
        """The ``operation`` label of ``name``: a valid GraphQL name, ``""`` (anonymous) or None
        (the request was refused before it named an operation: ``unknown``)."""
        if name is None:
            return "unknown"
        if not name:
            return "anonymous"
        label = self._names.get(name)
        if label is not None:
            return label
        with self._names_lock:
            if name not in self._names:
                self._names[name] = name if len(self._names) < self.max_operations else "other"
            return self._names[name]

    def request(self, operation: str, outcome: str, seconds: float) -> None:
        """Count one request of ``operation`` (a label) that ended with ``outcome``."""
        pair = self._by_request.get((operation, outcome))
        if pair is None:
            pair = self._by_request[(operation, outcome)] = (
                self.requests.labels(operation, outcome),
                self.request_seconds.labels(operation),
            )
        pair[0].inc()
        pair[1].observe(seconds)

    def store_call(self, method: str, seconds: float, *, failed: bool = False) -> None:
        pair = self._by_method.get(method)
        if pair is None:
            pair = self._by_method[method] = (
                self.store_seconds.labels(method),
                self.store_errors.labels(method),
            )
        pair[0].observe(seconds)
        if failed:
            pair[1].inc()

    def document(self, outcome: str) -> None:
        """Count one ingested document: ``loaded``, ``unchanged`` or ``rejected``."""
        self.documents.labels(outcome).inc()

    def analytics(self, analysis: str, measure: str, seconds: float) -> None:
        self.analytics_seconds.labels(analysis, measure).observe(seconds)

    def analytics_computed(self, analysis: str, measure: str) -> None:
        """Count one computation actually started (in a worker process under ``qkg serve``)."""
        self.analytics_computations.labels(analysis, measure).inc()


_BY_REGISTRY: weakref.WeakKeyDictionary[CollectorRegistry, Metrics] = weakref.WeakKeyDictionary()
_BY_REGISTRY_LOCK = threading.Lock()


def metrics_for(registry: CollectorRegistry) -> Metrics:
    """The :class:`Metrics` registered in ``registry``, created on first use.

    Example::

        >>> from prometheus_client import CollectorRegistry
        >>> registry = CollectorRegistry()
        >>> metrics_for(registry) is metrics_for(registry)
        True
    """
    with _BY_REGISTRY_LOCK:
        found = _BY_REGISTRY.get(registry)
        if found is None:
            found = _BY_REGISTRY[registry] = Metrics(registry)
        return found


def app_registry() -> CollectorRegistry:
    """A fresh registry for one app: qkg's metrics plus the process, platform and GC collectors."""
    registry = CollectorRegistry(auto_describe=True)
    for collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
        registry.register(collector)
    return registry


def mount_metrics(app: FastAPI, registry: CollectorRegistry, *, path: str = "/metrics") -> None:
    """Serve ``registry`` at ``path`` (Prometheus text format, or OpenMetrics when asked)."""

    def metrics(request: Request) -> Response:
        encoder, content_type = choose_encoder(request.headers.get("accept", ""))
        return Response(encoder(registry), media_type=content_type)

    app.add_api_route(path, metrics, methods=["GET"], include_in_schema=False)


def serve_metrics(registry: CollectorRegistry, host: str, port: int) -> Any:
    """Serve ``registry`` on its own port in a daemon thread; return the server (``.shutdown()``)."""
    from prometheus_client import start_http_server

    server, _thread = start_http_server(port, addr=host, registry=registry)
    return server
