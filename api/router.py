"""The mountable GraphQL router: qkg inside any FastAPI app, under any prefix, on any store.

Example::

    from fastapi import FastAPI
    from qkg.api import graphql_router
    from qkg.graph.embedded import EmbeddedStore

    store = EmbeddedStore("data/qkg")
    app = FastAPI()
    app.include_router(graphql_router(store), prefix="/kg")   # POST /kg/graphql

Each operation's resolvers run synchronously in a worker thread: resolvers batch store calls
themselves (see :mod:`qkg.api.context`), the event loop stays free while the store works,
and sync execution is cheaper than async resolvers. Answers to queries are
cached per (normalised query, variables, operation, graph version) in a cache bounded in
bytes (:mod:`qkg.api.caches`), so a repeated question costs one lookup until the graph
changes, and comments or whitespace cannot make it a new entry.

Every request has a deadline (``QKG_REQUEST_TIMEOUT``): past it the client gets a GraphQL
error with ``extensions.code`` ``REQUEST_TIMEOUT`` (HTTP 200, as every other limit error of a
well-formed request), and the worker thread stops at its next field. Request bodies are
decoded with orjson, which refuses lone surrogates and nesting deeper than 1,024 levels: such
a body gets HTTP 400 naming the problem and one request-log line, never a traceback.

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

Built on strawberry's documented hooks only: ``context_getter`` builds the
:class:`~qkg.api.context.Context`, ``encode_json`` / ``decode_json`` use orjson, schema
extensions hold the limits, the parsed-document cache and the answer cache
(:class:`~qkg.api.answers.RequestHooks`: a cached answer is set as the execution's result in
``on_execute``, so strawberry skips execution), and ``execution_context_class`` the lean
executor, which runs each operation in a worker thread under the request deadline
(:mod:`qkg.api.execution`, through graphql-core's documented ``Executor.execute_operation``
returning an awaitable). The request's record (metrics, span, request id, log line) around
everything FastAPI and strawberry do, the upload checks before strawberry reads a multipart
body (a ``map`` it cannot walk is a 400, not a 500; a multipart request must carry a
mutation) and closing spooled upload files are FastAPI's documented custom route class
(``route_class``). No method of strawberry's view is overridden beyond those hooks;
``tests/api/test_strawberry_hooks.py`` pins what qkg relies on, and pyproject caps
strawberry at the version the suite ran on.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, cast

import orjson
from cross_web import HTTPException
from fastapi import APIRouter, Request
from fastapi.routing import APIRoute
from graphql import GraphQLError, OperationType, get_operation_ast, parse
from starlette.responses import PlainTextResponse, Response
from strawberry.fastapi import GraphQLRouter
from strawberry.file_uploads.utils import replace_placeholders_with_files

from .answers import AnswerCache, RequestHooks, is_multipart
from .caches import ByteLRU, DocumentCache
from .context import Context, check_api_key
from .limits import api_key_from_headers, token_limit_error
from .logs import REQUEST_ID
from .requestlog import client_of, log_request, server_span
from .schema import build_schema
from .settings import Settings
from .state import AppState
from .telemetry import InstrumentedStore, RequestRecord, Telemetry, outcome_of_status

if TYPE_CHECKING:
    import strawberry
    from opentelemetry.trace import TracerProvider
    from prometheus_client import CollectorRegistry
    from strawberry.extensions import SchemaExtension

    from qkg.graph.store import GraphStore

__all__ = ["QkgGraphQLRouter", "graphql_router", "make_router", "telemetry_for"]

StoreProvider = Callable[[], "GraphStore"]


class QkgGraphQLRouter(GraphQLRouter[Context, None]):
    """strawberry's FastAPI router with the request context, the request record and the upload
    checks (``caches``: its query keys, parsed documents and answers, see :mod:`qkg.api.caches`)."""

    def __init__(
        self,
        schema: strawberry.Schema,
        *,
        get_store: StoreProvider,
        settings: Settings,
        telemetry: Telemetry | None = None,
        state: AppState | None = None,
        answers: AnswerCache | None = None,
        **kw: Any,
    ) -> None:
        self._get_store = get_store
        #: What this router keeps about each store it serves between requests (analytics
        #: results, search titles, analytics workers): its own unless the app shares one.
        self.state = state if state is not None else AppState()
        self._settings = settings
        self._keys = tuple(k.get_secret_value() for k in settings.api_keys)
        #: The answer cache the schema's :class:`~qkg.api.answers.RequestHooks` use (none when
        #: the schema was built without them).
        self.answer_cache = answers
        self._telemetry = telemetry or Telemetry()
        self._instrumented: tuple[GraphStore, GraphStore] | None = None
        super().__init__(schema, context_getter=self._context, route_class=_recorded_by(self), **kw)

    @property
    def caches(self) -> dict[str, ByteLRU[Any, Any]]:
        """Every cache serving this router, by name (``keys``, ``documents``, ``answers``): their
        ``bytes``, ``hits`` and ``misses`` for operators and tests."""
        out: dict[str, ByteLRU[Any, Any]] = {}
        answers = self.answer_cache
        if answers is not None and answers.keys is not None:
            out["keys"] = answers.keys.cache
        for ext in getattr(self.schema, "extensions", ()):
            if isinstance(ext, functools.partial) and ext.func is DocumentCache:
                out["documents"] = ext.args[0]
        if answers is not None and answers.answers is not None:
            out["answers"] = answers.answers
        return out

    def _instrumented_store(self, store: GraphStore) -> GraphStore:
        """``store``, wrapped to report its calls when metrics or tracing are on."""
        if not self._telemetry.active:
            return store
        pair = self._instrumented
        if pair is None or pair[0] is not store:
            pair = self._instrumented = (store, cast("GraphStore", InstrumentedStore(store, self._telemetry)))
        return pair[1]

    def encode_json(self, data: object) -> bytes:
        """orjson instead of ``json.dumps``: several times faster on large answers."""
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        """orjson instead of ``json.loads``: it refuses lone surrogates (which no answer could
        encode) and nesting past 1,024 levels (``json`` recurses until RecursionError); both
        are the client's mistake, answered with 400 and the reason."""
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError as e:
            reason = e.msg
            if "surrogate" in reason:
                reason = (
                    f"a string holds a lone UTF-16 surrogate (\\ud800-\\udfff without its pair): {reason}"
                )
            elif "depth" in reason or "recursion" in reason.lower():
                reason = f"it nests deeper than 1,024 levels: {reason}"
            raise HTTPException(400, f"Unable to parse request body as JSON: {reason}") from None

    async def _context(self, request: Request) -> Context:
        presented = api_key_from_headers(request.scope.get("headers", []))
        authenticated = bool(self._keys) and check_api_key(presented, self._keys)
        store = self._get_store()
        return Context(
            self._instrumented_store(store),
            self._settings,
            authenticated=authenticated,
            telemetry=self._telemetry,
            deadline=time.monotonic() + self._settings.request_timeout,
            caches=self.state.caches(store),
        )

    async def _serve(self, request: Request, handler: Callable[[Request], Awaitable[Response]]) -> Response:
        """Serve one request through FastAPI's ``handler`` (the context getter, then strawberry)
        and record it (metrics, span; the log line and ``X-Request-ID`` when no
        :class:`~qkg.api.requestlog.RequestLog` is outside), then close the files a multipart
        body spooled to disk. strawberry's HTTP errors arrive as its plain-text responses."""
        record, owner = RequestRecord.begin(request.scope)
        token = REQUEST_ID.set(record.request_id) if owner else None
        status = 500
        try:
            with ExitStack() as stack:
                name = f"{request.method} {request.scope['path']}" if owner else "qkg.graphql"
                span = server_span(stack, self._telemetry, request.scope, name, server=owner)
                try:
                    response = await self._refuse_upload(request) or await handler(request)
                    status = response.status_code
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

    async def _refuse_upload(self, request: Request) -> Response | None:
        """A multipart (upload) request without a valid key is refused before its body is read;
        one whose ``operations`` / ``map`` strawberry could not walk (it follows ``map``'s paths
        without checking their shape) gets 400 naming the expected shape. None: serve it.

        The form is parsed here, once: Starlette keeps it on the request, and strawberry's
        own multipart parsing reads it from there."""
        if not is_multipart(request.headers.get("content-type")):
            return None
        if not self._keys:
            return PlainTextResponse(
                "File uploads are disabled: no API key is configured (set QKG_API_KEYS)", 400
            )
        if not check_api_key(api_key_from_headers(request.scope.get("headers", [])), self._keys):
            return PlainTextResponse(
                "File uploads need a valid API key: send it as 'Authorization: Bearer <key>' "
                "or 'X-API-Key: <key>'",
                401,
            )
        form = await request.form()
        raw_operations, raw_map = form.get("operations", "{}"), form.get("map", "{}")
        try:
            operations = self.decode_json(raw_operations) if isinstance(raw_operations, str) else None
            files_map = self.decode_json(raw_map) if isinstance(raw_map, str) else None
            requests = operations if isinstance(operations, list) else [operations]
            if not all(isinstance(r, dict) for r in requests) or not isinstance(files_map, dict):
                raise TypeError(operations, files_map)
            replace_placeholders_with_files(cast("dict[str, Any]", operations), files_map, form)
        except HTTPException as e:  # not JSON: decode_json's reason
            return PlainTextResponse(e.reason, e.status_code)
        except KeyError:  # a file the map names is missing: strawberry answers it
            return None
        except (AttributeError, TypeError, IndexError, ValueError):
            return PlainTextResponse(
                "Malformed multipart request: `operations` must be a JSON object and `map` an "
                'object of file field -> list of paths ("variables.file")',
                400,
            )
        if not all(self._a_mutation(r) for r in cast("list[dict[str, Any]]", requests)):
            return PlainTextResponse("A multipart request (file upload) may only carry a mutation", 400)
        return None

    def _a_mutation(self, request: dict[str, Any]) -> bool:
        """False when ``request`` names an operation that is not a mutation; True otherwise (a
        text too long or that does not parse is left to strawberry, which refuses it)."""
        query, name = request.get("query"), request.get("operationName")
        if not isinstance(query, str) or token_limit_error(query, self._settings.max_tokens):
            return True
        try:
            operation = get_operation_ast(parse(query), name if isinstance(name, str) else None)
        except GraphQLError:
            return True
        return operation is None or operation.operation is OperationType.MUTATION


def _recorded_by(router: QkgGraphQLRouter) -> type[APIRoute]:
    """FastAPI's documented way to wrap a route's request handling (a custom ``APIRoute``):
    every request to ``router``'s paths goes through :meth:`QkgGraphQLRouter._serve`."""

    class RecordedRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def serve(request: Request) -> Response:
                return await router._serve(request, handler)

            return serve

    return RecordedRoute


def make_router(
    get_store: StoreProvider,
    settings: Settings,
    *,
    path: str = "/graphql",
    telemetry: Telemetry | None = None,
    extensions: Sequence[Callable[[], SchemaExtension]] = (),
    state: AppState | None = None,
) -> QkgGraphQLRouter:
    """The router over a store provider (used by :func:`qkg.api.app.create_app`); ``extensions``
    run before qkg's request hooks and limits (the tracing extension)."""
    telemetry = telemetry or Telemetry()
    answers = AnswerCache(settings)
    hooks = functools.partial(RequestHooks, settings, answers, telemetry)
    router = QkgGraphQLRouter(
        build_schema(settings, extensions=[*extensions, hooks]),
        get_store=get_store,
        settings=settings,
        telemetry=telemetry,
        state=state,
        answers=answers,
        path=path,
        graphql_ide="graphiql" if settings.environment == "development" else None,
        allow_queries_via_get=True,
        subscription_protocols=(),
        # uploads only where mutations are possible; see _refuse_upload for the CSRF defence
        multipart_uploads_enabled=bool(settings.api_keys),
    )
    answers.documents = router.caches.get("documents")
    return router


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
