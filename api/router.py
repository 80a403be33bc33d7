"""The mountable GraphQL router: qkg inside any FastAPI app, under any prefix, on any store.

Example::

    from fastapi import FastAPI
    from qkg.api import graphql_router
    from qkg.graph.embedded import EmbeddedStore

    store = EmbeddedStore("data/qkg")
    app = FastAPI()
    app.include_router(graphql_router(store), prefix="/kg")   # POST /kg/graphql

Each operation runs synchronously in a worker thread (``execute_sync``): resolvers batch
store calls themselves (see :mod:`qkg.api.context`), the event loop stays free while the
store works, and sync execution is cheaper than async resolvers. Answers to queries are
cached per (query, variables, operation, graph version), so a repeated question costs one
dictionary lookup until the graph changes.

Observability (see :mod:`qkg.api.telemetry`): each request's operation name and outcome go
to the metrics and the request log; the store is wrapped in an
:class:`~qkg.api.telemetry.InstrumentedStore` only when metrics or tracing are on. Mounted
without :class:`~qkg.api.requestlog.RequestLog` (in another app), the router itself takes
or makes the request id, returns it in ``X-Request-ID`` and logs the request's line.

File uploads (the GraphQL multipart request spec) are parsed only when API keys are
configured, and a multipart request must present a valid key and carry a mutation: a
cross-site HTML form can send ``multipart/form-data`` without a CORS preflight, but it
cannot set the ``Authorization`` / ``X-API-Key`` header, so such a request is refused
before its body is parsed.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, cast

import orjson
from cross_web import HTTPException, parse_content_type
from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import PlainTextResponse, Response
from strawberry.exceptions import MissingQueryError
from strawberry.fastapi import GraphQLRouter
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET

from .context import Context, check_api_key
from .limits import api_key_from_headers, token_limit_error
from .logs import REQUEST_ID
from .requestlog import client_of, log_request, server_span
from .schema import build_schema
from .settings import Settings
from .telemetry import (
    SCOPE_KEY,
    InstrumentedStore,
    RequestRecord,
    Telemetry,
    operation_name,
    outcome_of,
    outcome_of_status,
)

if TYPE_CHECKING:
    import strawberry
    from opentelemetry.trace import TracerProvider
    from prometheus_client import CollectorRegistry
    from strawberry.extensions import SchemaExtension
    from strawberry.http import GraphQLRequestData

    from qkg.graph.store import GraphStore

__all__ = ["QkgGraphQLRouter", "graphql_router", "make_router", "telemetry_for"]

StoreProvider = Callable[[], "GraphStore"]


class _AnswerCache:
    """A small thread-safe LRU of execution results keyed by request and graph version."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[tuple[str, ...], ExecutionResult] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> ExecutionResult | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
            return hit

    def put(self, key: tuple[str, ...], value: ExecutionResult) -> ExecutionResult:
        """Keep (and return) the answer's data as encoded JSON (an ``orjson.Fragment`` that the encoder
        copies as it is): far smaller than the object tree, and nothing for the
        garbage collector to walk through on every full collection."""
        data = orjson.Fragment(orjson.dumps(value.data))
        value = ExecutionResult(
            data=cast("dict[str, object]", data), errors=None, extensions=value.extensions
        )
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value


class QkgGraphQLRouter(GraphQLRouter[Context, None]):
    """strawberry's FastAPI router with sync execution in a thread and an answer cache."""

    def __init__(
        self,
        schema: strawberry.Schema,
        *,
        get_store: StoreProvider,
        settings: Settings,
        telemetry: Telemetry | None = None,
        **kw: Any,
    ) -> None:
        self._get_store = get_store
        self._settings = settings
        self._keys = tuple(k.get_secret_value() for k in settings.api_keys)
        self._cache = _AnswerCache(settings.response_cache_size) if settings.response_cache_size else None
        self._telemetry = telemetry or Telemetry()
        self._instrumented: tuple[GraphStore, GraphStore] | None = None
        super().__init__(schema, context_getter=self._context, **kw)

    def _store(self) -> GraphStore:
        """The store, wrapped to report its calls when metrics or tracing are on."""
        store = self._get_store()
        if not self._telemetry.active:
            return store
        pair = self._instrumented
        if pair is None or pair[0] is not store:
            pair = self._instrumented = (store, cast("GraphStore", InstrumentedStore(store, self._telemetry)))
        return pair[1]

    def encode_json(self, data: object) -> bytes:
        """orjson instead of ``json.dumps``: several times faster on large answers."""
        return orjson.dumps(data)

    async def _context(self, request: Request) -> Context:
        presented = api_key_from_headers(request.scope.get("headers", []))
        authenticated = bool(self._keys) and check_api_key(presented, self._keys)
        return Context(self._store(), self._settings, authenticated=authenticated, telemetry=self._telemetry)

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        """Serve one request and record it (metrics, span; the log line and ``X-Request-ID``
        when no :class:`~qkg.api.requestlog.RequestLog` is outside), then close the files a
        multipart body spooled to disk."""
        if not isinstance(request, Request):  # pragma: no cover - websockets are not served
            return await super().run(request, context=context, root_value=root_value)
        record, owner = RequestRecord.begin(request.scope)
        token = REQUEST_ID.set(record.request_id) if owner else None
        status = 500
        try:
            with ExitStack() as stack:
                name = f"{request.method} {request.scope['path']}" if owner else "qkg.graphql"
                span = server_span(stack, self._telemetry, request.scope, name, server=owner)
                try:
                    response: Response = await super().run(request, context=context, root_value=root_value)
                    status = response.status_code
                except HTTPException as e:  # strawberry's own handler answers these the same way
                    status = e.status_code
                    record.outcome = record.outcome or outcome_of_status(status)
                    response = PlainTextResponse(e.reason, status_code=status)
                except BaseException:
                    record.outcome = "unexpected"
                    raise
                finally:
                    self._record(record, status, span)
            if owner:
                response.headers["x-request-id"] = record.request_id
            return response
        finally:
            await request.close()
            if token is not None:
                REQUEST_ID.reset(token)
                log_request(
                    record,
                    method=request.method,
                    path=request.scope["path"],
                    status=status,
                    client=client_of(request.scope),
                )

    def _record(self, record: RequestRecord, status: int, span: Any) -> None:
        """Count the request in the metrics and describe it on its span."""
        outcome = record.outcome = record.outcome or outcome_of_status(status)
        metrics = self._telemetry.metrics
        if metrics is not None:
            label = metrics.operation_label(record.operation)
            metrics.request(label, outcome, time.perf_counter() - record.start)
            record.counted = True
        if span is not None:
            span.set_attribute("graphql.operation.name", record.operation or "")
            span.set_attribute("qkg.outcome", outcome)
            span.set_attribute("qkg.cached", record.cached)
            span.set_attribute("qkg.request_id", record.request_id)

    async def parse_http_body(self, request: Any) -> GraphQLRequestData | list[GraphQLRequestData]:
        """Refuse a multipart (upload) request without a valid key before parsing its body."""
        if _is_multipart(request):
            if not self._keys:
                raise HTTPException(
                    400, "File uploads are disabled: no API key is configured (set QKG_API_KEYS)"
                )
            raw = ((k.encode("latin-1"), v.encode("latin-1")) for k, v in request.headers.items())
            if not check_api_key(api_key_from_headers(raw), self._keys):
                raise HTTPException(
                    401,
                    "File uploads need a valid API key: send it as 'Authorization: Bearer <key>' "
                    "or 'X-API-Key: <key>'",
                )
            try:
                return await super().parse_http_body(request)
            except json.JSONDecodeError:
                raise
            except (AttributeError, TypeError, IndexError, ValueError) as e:
                # strawberry walks `map` paths without checking their shape
                raise HTTPException(
                    400,
                    "Malformed multipart request: `operations` must be a JSON object and `map` an "
                    'object of file field -> list of paths ("variables.file")',
                ) from e
        return await super().parse_http_body(request)

    async def execute_single(
        self,
        request: Any,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        record: RequestRecord | None = request.scope.get(SCOPE_KEY) if isinstance(request, Request) else None
        if record is not None:
            record.operation = operation_name(request_data.query, request_data.operation_name) or ""
        if request_data.query and (
            refused := token_limit_error(request_data.query, self._settings.max_tokens)
        ):
            if record is not None:
                record.outcome = "limit"
            return ExecutionResult(data=None, errors=[refused])  # before any parsing
        multipart = _is_multipart(request_adapter)
        allowed = {OperationType.MUTATION} if multipart else OperationType.from_http(request_adapter.method)
        request_key: tuple[str, ...] | None = None
        if self._cache is not None and request_data.query and not multipart:
            variables = orjson.dumps(request_data.variables or {}, option=orjson.OPT_SORT_KEYS).decode()
            request_key = (
                request_data.query,
                variables,
                request_data.operation_name or "",
                request_adapter.method,
            )

        def run() -> tuple[tuple[str, ...] | None, ExecutionResult, bool]:
            # in the worker thread: reading the graph version is a round trip on Neo4j
            key = None if request_key is None else (*request_key, context.store.version)
            if key is not None and self._cache is not None and (hit := self._cache.get(key)) is not None:
                return key, hit, True
            try:
                result = self.schema.execute_sync(
                    request_data.query,
                    root_value=root_value,
                    variable_values=request_data.variables,
                    context_value=context,
                    operation_name=request_data.operation_name,
                    allowed_operation_types=allowed,
                    operation_extensions=request_data.extensions,
                )
            finally:
                context.release()
            return key, result, False

        try:
            key, result, cached = await run_in_threadpool(run)
        except CannotGetOperationTypeError as e:
            raise HTTPException(400, e.as_http_error_reason()) from e
        except InvalidOperationTypeError as e:
            if multipart:
                raise HTTPException(400, "A multipart request (file upload) may only carry a mutation") from e
            raise HTTPException(400, e.as_http_error_reason(request_adapter.method)) from e
        except MissingQueryError as e:
            raise HTTPException(400, "No GraphQL query found in the request") from e
        if (
            not cached
            and key is not None
            and self._cache is not None
            and not result.errors
            and not context.mutated
        ):
            result = self._cache.put(key, result)  # the response copies the encoded answer
        if record is not None:
            record.cached = cached
            record.outcome = "ok" if cached else outcome_of(result.errors, denied=context.denied)
        metrics = self._telemetry.metrics
        if metrics is not None and key is not None:
            (metrics.cache_hits if cached else metrics.cache_misses).inc()
        return result


def make_router(
    get_store: StoreProvider,
    settings: Settings,
    *,
    path: str = "/graphql",
    telemetry: Telemetry | None = None,
    extensions: Sequence[Callable[[], SchemaExtension]] = (),
) -> QkgGraphQLRouter:
    """The router over a store provider (used by :func:`qkg.api.app.create_app`); ``extensions``
    run before qkg's limits (the tracing extension)."""
    return QkgGraphQLRouter(
        build_schema(settings, extensions=extensions),
        get_store=get_store,
        settings=settings,
        telemetry=telemetry,
        path=path,
        graphql_ide="graphiql" if settings.environment == "development" else None,
        allow_queries_via_get=True,
        subscription_protocols=(),
        # uploads only where mutations are possible; see parse_http_body for the CSRF defence
        multipart_uploads_enabled=bool(settings.api_keys),
    )


def _is_multipart(request: Any) -> bool:
    content_type, _ = parse_content_type(request.content_type or "")
    return bool(content_type == "multipart/form-data")


def telemetry_for(
    settings: Settings,
    *,
    registry: CollectorRegistry | None,
    tracer_provider: TracerProvider | None,
) -> tuple[Telemetry, list[Callable[[], SchemaExtension]]]:
    """The instruments ``settings`` (or an explicit registry / tracer provider) switch on, and
    the schema extensions they need."""
    from .metrics import metrics_for

    metrics = metrics_for(registry) if registry is not None else None
    if tracer_provider is None and not settings.otel:
        return Telemetry(metrics), []
    from .tracing import graphql_tracing_extension, tracer_from

    return Telemetry(metrics, tracer_from(tracer_provider)), [graphql_tracing_extension(tracer_provider)]


def graphql_router(
    store: GraphStore,
    settings: Settings | None = None,
    *,
    path: str = "/graphql",
    registry: CollectorRegistry | None = None,
    tracer_provider: TracerProvider | None = None,
) -> APIRouter:
    """A FastAPI router serving qkg's GraphQL API over ``store`` at ``path``.

    Include it in your own app under any prefix. ``settings`` (default: production limits,
    no API keys, so mutations are off) sets limits, keys and GraphiQL. The caller owns the
    store: open it before serving and close it after.

    ``registry``: count qkg's Prometheus metrics in this ``CollectorRegistry`` (export it as
    your app does); with ``QKG_METRICS=true`` and none given, prometheus_client's default
    registry. ``tracer_provider``: trace with it (default: the global provider, when
    ``QKG_OTEL`` or a standard ``OTEL_*`` variable turns tracing on).
    """
    s = settings if settings is not None else Settings()
    if registry is None and s.metrics_enabled:
        from prometheus_client import REGISTRY

        registry = REGISTRY
    telemetry, extensions = telemetry_for(s, registry=registry, tracer_provider=tracer_provider)
    return make_router(lambda: store, s, path=path, telemetry=telemetry, extensions=extensions)
