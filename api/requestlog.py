"""One log line per request, with its id, and the request's span.

:class:`RequestLog` is the outermost middleware of ``qkg serve``'s app. For every HTTP
request it takes the id from ``X-Request-ID`` (a plain token of up to 128 characters) or
makes one, returns it in the response's ``X-Request-ID`` header, makes it the current
:data:`~qkg.api.logs.REQUEST_ID` (so every line logged meanwhile carries it), opens the
request's span when tracing is on, and when the response is complete logs one line on the
``qkg.request`` logger::

    POST /graphql 200 op=CollaboratorsOfKaist outcome=ok 1.84 ms client=10.0.0.7 id=4bf92f35...

with the same fields as ``extra`` (``request_id``, ``method``, ``path``, ``status``,
``operation``, ``outcome``, ``duration_ms``, ``client``, ``cached``) for the JSON format. Never
the query text or its variables. ``/health`` and ``/metrics`` are logged at DEBUG (probes
call them every few seconds), everything else at INFO.

A GraphQL router mounted in another app, without this middleware, does the same for its own
requests (see :class:`qkg.api.router.QkgGraphQLRouter`).
"""

from __future__ import annotations

import logging
import time
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from .logs import REQUEST_ID
from .telemetry import RequestRecord, Telemetry, outcome_of_status

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["RequestLog", "log_request", "server_span"]

logger = logging.getLogger("qkg.request")

#: Paths probes call all the time: logged at DEBUG.
QUIET_PATHS = frozenset({"/health", "/metrics"})


def log_request(record: RequestRecord, *, method: str, path: str, status: int, client: str) -> None:
    """Write ``record``'s line (see the module docstring), if the level is enabled."""
    level = logging.DEBUG if path in QUIET_PATHS else logging.INFO
    if not logger.isEnabledFor(level):
        return
    duration_ms = round((time.perf_counter() - record.start) * 1000, 3)
    outcome = record.outcome or outcome_of_status(status)
    operation = "-" if record.operation is None else record.operation or "anonymous"
    logger.log(
        level,
        "%s %s %d op=%s outcome=%s %.2f ms client=%s id=%s",
        method,
        path,
        status,
        operation,
        outcome,
        duration_ms,
        client,
        record.request_id,
        extra={
            "request_id": record.request_id,
            "method": method,
            "path": path,
            "status": status,
            "operation": operation,
            "outcome": outcome,
            "duration_ms": duration_ms,
            "client": client,
            "cached": record.cached,
        },
    )


def client_of(scope: Scope | dict[str, Any]) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "-"


def server_span(
    stack: ExitStack, telemetry: Telemetry, scope: Scope | dict[str, Any], name: str, *, server: bool = True
) -> Any:
    """Enter the request's span on ``stack`` (SERVER kind, continuing the caller's
    ``traceparent``; or INTERNAL under another server span); None without a tracer."""
    if telemetry.tracer is None:
        return None
    from opentelemetry.trace import SpanKind

    from .tracing import extract_context

    context = None
    if server:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", ())}
        context = extract_context(headers)
    return stack.enter_context(
        telemetry.tracer.start_as_current_span(
            name, context=context, kind=SpanKind.SERVER if server else SpanKind.INTERNAL
        )
    )


class RequestLog:
    """ASGI middleware: request ids, one log line per request, the request span, and the count
    of requests refused before the GraphQL router saw them (413, body too large)."""

    def __init__(self, app: ASGIApp, *, telemetry: Telemetry | None = None) -> None:
        self.app = app
        self.telemetry = telemetry or Telemetry()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        record, owner = RequestRecord.begin(scope)
        if not owner:
            await self.app(scope, receive, send)
            return
        header = (b"x-request-id", record.request_id.encode("ascii"))
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", ()), header]}
            await send(message)

        method, path = scope["method"], scope["path"]
        token = REQUEST_ID.set(record.request_id)
        try:
            with ExitStack() as stack:
                span = server_span(stack, self.telemetry, scope, f"{method} {path}")
                try:
                    await self.app(scope, receive, send_with_id)
                except BaseException:
                    record.outcome = record.outcome or "unexpected"
                    raise
                finally:
                    if span is not None:
                        span.set_attribute("http.request.method", method)
                        span.set_attribute("url.path", path)
                        span.set_attribute("http.response.status_code", status)
                        span.set_attribute("qkg.request_id", record.request_id)
        finally:
            REQUEST_ID.reset(token)
            metrics = self.telemetry.metrics
            if metrics is not None and status == 413 and not record.counted:
                # refused by the body size limit before the router parsed it: no operation name
                metrics.request("unknown", "limit", time.perf_counter() - record.start)
            log_request(record, method=method, path=path, status=status, client=client_of(scope))
