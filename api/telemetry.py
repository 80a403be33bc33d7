"""What one request did, for metrics, the request log and traces; and a store that reports its calls.

A :class:`RequestRecord` lives in the ASGI scope for the duration of one request. The
outermost qkg layer creates it (:class:`qkg.api.requestlog.RequestLog` under ``qkg serve``,
else the GraphQL router itself) and owns it: it writes the log line and sets the
``X-Request-ID`` header; the router fills in the operation and its outcome.

:class:`Telemetry` bundles what is switched on (Prometheus metrics, an OpenTelemetry
tracer); with both off the router wraps nothing. :class:`InstrumentedStore` is a
``GraphStore`` that times every call into the metrics and opens a span for it.
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qkg.graph.store import OPTIONAL_PROTOCOLS, GraphStore, protocol_methods
from qkg.schemas import LimitExceeded

from .limits import MASKED_MESSAGE, should_mask

if TYPE_CHECKING:
    from graphql import GraphQLError
    from opentelemetry.trace import Tracer

    from .metrics import Metrics

__all__ = [
    "SCOPE_KEY",
    "InstrumentedStore",
    "RequestRecord",
    "Telemetry",
    "new_request_id",
    "operation_name",
    "outcome_of",
    "outcome_of_status",
    "request_id_from",
]

#: Where the record of the current request sits in the ASGI scope.
SCOPE_KEY = "qkg.request"

_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:\-]{1,128}")
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,127}")
# The operation a document starts with, after ignored tokens (whitespace, commas, comments, BOM).
_LEADING_OPERATION = re.compile(
    r"(?:[ \t\n\r,\ufeff]+|#[^\n\r]*)*(?:query|mutation|subscription)[ \t\n\r,]+([_A-Za-z][_0-9A-Za-z]*)"
)
_LEADING_FRAGMENT = re.compile(r"(?:[ \t\n\r,\ufeff]+|#[^\n\r]*)*fragment[ \t\n\r,]")
_ANY_OPERATION = re.compile(
    r"(?<![_0-9A-Za-z$])(?:query|mutation|subscription)[ \t\n\r,]+([_A-Za-z][_0-9A-Za-z]*)[ \t\n\r,]*[({@]"
)
# The messages of the depth, alias and token limits (validation or parse errors, no original error).
_LIMIT_MESSAGE = re.compile(
    r"exceeds maximum operation depth of \d+|\d+ aliases found\. Allowed: \d+|"
    r"Document contains more than \d+ tokens"
)


def new_request_id() -> str:
    """A fresh request id: 32 hexadecimal digits."""
    return os.urandom(16).hex()


def request_id_from(headers: Sequence[tuple[bytes, bytes]]) -> str:
    """The caller's ``X-Request-ID`` when it is a plain token of up to 128 characters
    (letters, digits, ``. _ : -``: nothing that could forge a log line), else a new one."""
    for name, value in headers:
        if name == b"x-request-id":
            if _REQUEST_ID.fullmatch(value):
                return value.decode("ascii")
            break
    return new_request_id()


def operation_name(query: str | None, given: str | None) -> str | None:
    """The operation a request names: ``operationName`` when it is a valid GraphQL name, else
    the name of the document's operation (the first one when it opens the document, else the
    first named one after its fragments); None for an anonymous operation."""
    if given:
        return given if _NAME.fullmatch(given) else None
    if not query:
        return None
    found = _LEADING_OPERATION.match(query)
    if found is None and _LEADING_FRAGMENT.match(query):
        found = _ANY_OPERATION.search(query)
    if found is None:
        return None
    name = found.group(1)
    return name if len(name) <= 128 else None


def outcome_of(errors: Sequence[GraphQLError] | None, *, denied: bool = False) -> str:
    """How an executed request ended: ``ok``, ``unauthorized`` (a mutation without a valid
    key), ``unexpected`` (a masked resolver error), ``limit`` (depth, aliases, tokens, or a
    resolver's :class:`~qkg.schemas.LimitExceeded`) or ``validation_error``."""
    if not errors:
        return "unauthorized" if denied else "ok"
    if any(should_mask(e) or (e.message == MASKED_MESSAGE and e.original_error is None) for e in errors):
        return "unexpected"
    for e in errors:
        if isinstance(e.original_error, LimitExceeded) or _LIMIT_MESSAGE.search(e.message):
            return "limit"
    return "validation_error"


def outcome_of_status(status: int) -> str:
    """The outcome of a response qkg's GraphQL code did not classify, from its HTTP status."""
    if status < 400:
        return "ok"
    if status in (401, 403):
        return "unauthorized"
    if status in (413, 431):
        return "limit"
    return "validation_error" if status < 500 else "unexpected"


@dataclass(slots=True)
class RequestRecord:
    """One request as the log line and the metrics see it."""

    request_id: str
    start: float
    #: The operation's name as the request gives it (a valid GraphQL name), ``""`` for an
    #: anonymous operation, None when the request never got as far as naming one.
    operation: str | None = None
    #: One of :data:`qkg.api.metrics.OUTCOMES`, once known.
    outcome: str | None = None
    #: Whether the answer came from the answer cache.
    cached: bool = False
    #: Whether the GraphQL router counted it in the metrics.
    counted: bool = False

    @classmethod
    def begin(cls, scope: MutableMapping[str, Any]) -> tuple[RequestRecord, bool]:
        """The scope's record, or a new one stored there; True when this caller created it."""
        record = scope.get(SCOPE_KEY)
        if isinstance(record, RequestRecord):
            return record, False
        record = cls(request_id_from(scope.get("headers", ())), time.perf_counter())
        scope[SCOPE_KEY] = record
        return record, True


class Telemetry:
    """The instruments switched on for one router: metrics, a tracer, both or neither."""

    def __init__(self, metrics: Metrics | None = None, tracer: Tracer | None = None) -> None:
        self.metrics = metrics
        self.tracer = tracer

    @property
    def active(self) -> bool:
        return self.metrics is not None or self.tracer is not None

    def span(self, name: str, **attributes: str | bool | int) -> Any:
        """A span as a context manager (a no-op one without a tracer)."""
        if self.tracer is None:
            return nullcontext()
        return self.tracer.start_as_current_span(name, attributes=attributes)

    @contextmanager
    def analytics(self, analysis: str, measure: str) -> Iterator[None]:
        """Time (and trace) one analytics request."""
        t0 = time.perf_counter()
        with self.span(f"qkg.analytics.{analysis}", measure=measure):
            yield
        if self.metrics is not None:
            self.metrics.analytics(analysis, measure, time.perf_counter() - t0)

    def document(self, outcome: str) -> None:
        if self.metrics is not None:
            self.metrics.document(outcome)


class InstrumentedStore:
    """A ``GraphStore`` forwarding to ``inner`` that times every call (and traces it).

    Its methods are made from the ``GraphStore`` Protocol's, so it keeps up with the contract.
    ``version`` is timed too: the answer cache reads it on every request, and on Neo4j it is a
    round trip. Methods returning iterators (``links``, ``deltas``) are timed until they return.

    Of the optional protocols (:data:`~qkg.graph.store.OPTIONAL_PROTOCOLS`: one call for a
    whole collaborator walk, a path's hops, several names) it has exactly those ``inner`` has,
    each forwarded and timed as one call: constructing one gives an instance of a subclass
    made for that set, so ``isinstance(wrapper, CollaboratorWalker)`` says what it says of the
    store, and the API takes the store's fast path with metrics or tracing on as with them off.
    """

    def __new__(cls, inner: GraphStore, telemetry: Telemetry) -> InstrumentedStore:
        if cls is InstrumentedStore:
            cls = _with_protocols(tuple(p for p in OPTIONAL_PROTOCOLS if isinstance(inner, p)))
        return super().__new__(cls)

    def __init__(self, inner: GraphStore, telemetry: Telemetry) -> None:
        self.inner = inner
        self.telemetry = telemetry

    @property
    def kind(self) -> str:
        return self.inner.kind

    @property
    def version(self) -> str:
        return self._call("version", lambda: self.inner.version)  # type: ignore[no-any-return]

    def _call(self, method: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        failed = True
        try:
            if self.telemetry.tracer is None:
                result = fn()
            else:
                with self.telemetry.tracer.start_as_current_span(
                    f"qkg.store.{method}", attributes={"qkg.store": self.inner.kind}
                ):
                    result = fn()
            failed = False
            return result
        finally:
            if self.telemetry.metrics is not None:
                self.telemetry.metrics.store_call(method, time.perf_counter() - t0, failed=failed)


def _instrumented(name: str) -> Callable[..., Any]:
    def method(self: InstrumentedStore, *args: Any, **kwargs: Any) -> Any:
        return self._call(name, lambda: getattr(self.inner, name)(*args, **kwargs))

    method.__name__ = method.__qualname__ = name
    return method


for _name in protocol_methods(GraphStore):
    setattr(InstrumentedStore, _name, _instrumented(_name))


@functools.cache
def _with_protocols(protocols: tuple[type, ...]) -> type[InstrumentedStore]:
    """The :class:`InstrumentedStore` that also has the methods of ``protocols``, timed."""
    if not protocols:
        return InstrumentedStore
    methods = {name: _instrumented(name) for p in protocols for name in protocol_methods(p)}
    return type("InstrumentedStore", (InstrumentedStore,), methods)
