"""The answer cache and each request's bookkeeping, as a strawberry schema extension.

:class:`AnswerCache` keeps encoded answers to queries, keyed by a hash of (normalised
document, variables as canonical JSON, operation name, HTTP method, graph version) and
bounded in bytes (:mod:`qkg.api.caches`). :class:`RequestHooks` applies it through
strawberry's documented lifecycle hooks, per request:

- ``on_operation``: names the request's operation on its record, refuses a document above
  the token limit before anything lexes or parses it, and (in a worker thread: normalising
  lexes the whole text, and reading the graph version is a round trip on Neo4j) computes
  the answer's key and looks it up; the document's key goes to the context for the
  parsed-document cache. After the operation it keeps a fresh answer (no errors, no
  mutation) and records the outcome, whether it was cached, and the cache's hit or miss.
- ``on_parse``: raises the token limit's error, so the text is never parsed; for a cached
  answer, supplies the document from the parsed-document cache (only error-free answers are
  cached, so no error location can point into another text's formatting; a document too
  large to keep there is parsed again) ...
  A text longer than :data:`OFF_LOOP_PARSE_CHARS` (a long comment parses at about 1 us a
  character) is parsed in a worker thread, not on the event loop, and kept in that cache;
- ``on_validate``: ... and skips validation, which that document passed (for a document
  parsed here, validation runs once and its verdict is kept with it);
- ``on_execute``: a cached answer becomes ``execution_context.result``, which strawberry
  then returns without executing (the documented way to skip execution).

So a repeated question costs two lookups: no lexing beyond the key, no parsing, no
validation, no execution. File uploads (multipart requests) are never cached.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, cast

import anyio
import orjson
from cross_web import parse_content_type
from graphql import GraphQLError, parse
from starlette.requests import Request
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from .caches import ByteLRU, CachedDocument, DocumentKeys, parsed_from, remember
from .context import Context
from .execution import timeout_error
from .limits import token_limit_error
from .telemetry import SCOPE_KEY, RequestRecord, Telemetry, operation_name, outcome_of

if TYPE_CHECKING:
    from .settings import Settings

__all__ = ["OFF_LOOP_PARSE_CHARS", "AnswerCache", "RequestHooks", "is_multipart"]

#: Texts longer than this are parsed in a worker thread (about 8 ms of parsing on the loop).
OFF_LOOP_PARSE_CHARS = 8_192


def is_multipart(content_type_header: str | None) -> bool:
    """Whether a request's ``Content-Type`` is ``multipart/form-data`` (a file upload)."""
    content_type, _ = parse_content_type(content_type_header or "")
    return bool(content_type == "multipart/form-data")


def _encoded(data: object) -> tuple[ExecutionResult, int]:
    """An answer with its data kept as encoded JSON (an ``orjson.Fragment`` the encoder copies
    as it is: far smaller than the object tree, and nothing for the garbage collector to
    walk), and that JSON's size."""
    encoded = orjson.dumps(data)
    return ExecutionResult(data=cast("dict[str, object]", orjson.Fragment(encoded)), errors=None), len(
        encoded
    )


class AnswerCache:
    """Query texts' normalised keys and the encoded answers, each bounded in bytes
    (``QKG_CACHE_BYTES``, ``QKG_CACHE_MAX_ENTRY_BYTES``, ``QKG_RESPONSE_CACHE_SIZE``)."""

    def __init__(self, settings: Settings) -> None:
        self.keys = DocumentKeys(settings.cache_bytes) if settings.cache_bytes else None
        self.answers: ByteLRU[bytes, ExecutionResult] | None = (
            ByteLRU(settings.cache_bytes, settings.cache_max_entry_bytes, settings.response_cache_size)
            if settings.cache_bytes and settings.response_cache_size
            else None
        )
        #: The schema's parsed-document cache (:class:`~qkg.api.caches.DocumentCache`), where a
        #: cached answer's document is found without parsing; set by the router's maker.
        self.documents: ByteLRU[bytes, CachedDocument] | None = None

    def key(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation: str | None,
        method: str,
        context: Context,
    ) -> bytes | None:
        """The answer's key, or None (do not cache) with the answer cache off, for a text that
        does not lex or variables that cannot be encoded. The document's key goes to the
        context for the parsed-document cache."""
        if self.keys is None:
            return None
        document = self.keys.key(query)
        context.document_key = document or b""
        if document is None or self.answers is None:
            return None
        try:
            encoded = orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:  # nested past orjson's depth: executed, never cached
            return None
        h = hashlib.sha256(document)
        for part in (encoded, (operation or "").encode(), method.encode()):
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
        h.update(context.store.version.encode())
        return h.digest()


class RequestHooks(SchemaExtension):
    """One request's token pre-check, answer cache and record (see the module docstring)."""

    def __init__(self, settings: Settings, cache: AnswerCache, telemetry: Telemetry) -> None:
        super().__init__()
        self.settings = settings
        self.cache = cache
        self.telemetry = telemetry
        self._refused: GraphQLError | None = None
        self._key: bytes | None = None
        self._hit: ExecutionResult | None = None
        self._document: CachedDocument | None = None
        #: A long text's document, parsed (or found) here rather than by the document cache.
        self._parsed: CachedDocument | None = None

    async def on_operation(self) -> AsyncIterator[None]:
        ec = self.execution_context
        context = ec.context
        request = getattr(context, "request", None)
        if not isinstance(context, Context) or not isinstance(request, Request):
            yield  # the schema used directly: nothing to record or cache
            return
        record = request.scope.get(SCOPE_KEY)
        record = record if isinstance(record, RequestRecord) else None
        query = ec.query
        if record is not None:
            record.operation = operation_name(query, ec.operation_name) or ""
        if query and (refused := token_limit_error(query, self.settings.max_tokens)):
            self._refused = refused
        elif query and self.cache.keys is not None and not is_multipart(request.headers.get("content-type")):
            await self._look_up(query, request.method, context)
        try:
            yield
        except GraphQLError as error:  # raised here: the token limit, a deadline, a syntax error
            self._finish(record, context, raised=error)
            raise
        # anything else raised (no operation to run, one the method does not allow) becomes an
        # HTTP error, and the record's outcome its status
        self._finish(record, context)

    async def _look_up(self, query: str, method: str, context: Context) -> None:
        ec = self.execution_context
        with anyio.move_on_after(max(0.0, context.deadline - time.monotonic())) as scope:
            self._key = await anyio.to_thread.run_sync(
                self.cache.key,
                query,
                ec.variables,
                ec.operation_name,
                method,
                context,
                abandon_on_cancel=True,
            )
        if scope.cancelled_caught:
            self._refused = timeout_error(self.settings.request_timeout)
            return
        if self._key is None or self.cache.answers is None:
            return
        self._hit = self.cache.answers.get(self._key)
        if self._hit is None:
            return
        documents, document_key = self.cache.documents, getattr(ec.context, "document_key", None)
        found = documents.get(document_key) if documents is not None and document_key else None
        if found is not None and found.valid:
            self._document = found  # else (a document too large to keep) it is parsed again

    async def on_parse(self) -> AsyncIterator[None]:
        ec = self.execution_context
        if self._refused is not None:
            raise self._refused  # before the parser sees the text
        if self._document is not None:  # a cached answer: its document, unparsed
            ec.graphql_document = self._document.document
        elif ec.query and len(ec.query) > OFF_LOOP_PARSE_CHARS and ec.graphql_document is None:
            await self._parse_off_loop(ec.query)
        yield

    async def _parse_off_loop(self, query: str) -> None:
        """Parse a long text in a worker thread (reusing the parsed-document cache's entry for
        exactly this text), keeping the result there; a syntax error is raised as strawberry's
        parser would have."""
        ec = self.execution_context
        documents, key = self.cache.documents, getattr(ec.context, "document_key", None)
        found = documents.get(key) if documents is not None and key else None
        if found is not None and parsed_from(found, query):
            self._parsed = found
            ec.graphql_document = found.document
            return
        document = await anyio.to_thread.run_sync(lambda: parse(query, **ec.parse_options))
        ec.graphql_document = document
        if documents is not None and key:
            self._parsed = remember(documents, key, query, document, found.valid if found else None)

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        parsed = self._parsed
        if self._hit is not None or (parsed is not None and parsed.valid):
            ec.pre_execution_errors = []  # it passed validation before: strawberry skips it
            yield
            return
        yield
        if parsed is not None:
            parsed.valid = not ec.pre_execution_errors

    def on_execute(self) -> Iterator[None]:
        hit = self._hit
        if hit is not None:  # strawberry returns it instead of executing
            self.execution_context.result = ExecutionResult(data=hit.data, errors=None)
        yield

    def _finish(
        self, record: RequestRecord | None, context: Context, raised: GraphQLError | None = None
    ) -> None:
        ec = self.execution_context
        result = ec.result if raised is None else None
        errors = (
            [raised]
            if raised is not None
            else result.errors
            if result is not None
            else ec.pre_execution_errors
        )
        cached = self._hit is not None
        answers, key = self.cache.answers, self._key
        fresh = not cached and not errors and not context.mutated and not context.volatile
        if fresh and key is not None and answers is not None and result is not None:
            value, size = _encoded(result.data)
            answers.put(key, value, size)
        if record is not None:
            record.cached = cached
            record.outcome = "ok" if cached else outcome_of(errors, denied=context.denied)
        metrics = self.telemetry.metrics
        if metrics is not None and key is not None:
            (metrics.cache_hits if cached else metrics.cache_misses).inc()
