"""Safety limits of the public endpoint: body size, query depth, aliases, tokens, error masking.

- :class:`BodySizeLimit` caps request bodies by counting the bytes actually streamed, so a
  chunked body without ``Content-Length`` is capped too (SECURITY.md). Requests carrying a
  valid API key get the larger ingest cap: only authenticated callers may send big bodies.
- :func:`limit_extensions` returns strawberry extension *factories* (never instances) for
  the depth, alias and token limits, the parsed-document cache (:mod:`qkg.api.caches`),
  introspection blocking (off unless ``QKG_INTROSPECTION`` or development turns it on), and
  error masking that hides only resolver exceptions, so validation and limit messages stay
  readable.
- :func:`alias_limit` counts aliases as strawberry's ``MaxAliasesLimiter`` does (a fragment's
  aliases once per spread), but measures each fragment once: strawberry's walks every spread
  again, so 25 fragments each spreading the next twice (260 tokens) took minutes of CPU.
- :func:`depth_limit` counts introspection too (strawberry's depth limiter skips every
  ``__`` field, so a depth-40 ``__schema { types { fields { type { ofType ... } } } }`` went
  through): ordinary selections against ``QKG_MAX_QUERY_DEPTH``, selections under ``__schema``
  or ``__type`` against ``QKG_MAX_INTROSPECTION_DEPTH`` (the standard introspection query of
  GraphiQL and code generators is 14 deep).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

import orjson
from graphql import (
    ASTValidationRule,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    SchemaExtension,
)

from qkg.schemas import LimitExceeded, ValidationError

from .caches import ByteLRU, CachedDocument, DocumentCache
from .context import check_api_key

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from .settings import Settings

__all__ = [
    "MASKED_MESSAGE",
    "BodySizeLimit",
    "alias_limit",
    "depth_limit",
    "limit_extensions",
    "should_mask",
    "token_limit_error",
]

#: What a client reads in place of an unexpected error's message.
MASKED_MESSAGE = "Unexpected error."

ExtensionFactory = Callable[[], SchemaExtension]
_M = TypeVar("_M")


def should_mask(error: GraphQLError) -> bool:
    """Mask resolver exceptions except a caller's own mistakes (limits, invalid arguments);
    never validation or parse errors, which carry no ``original_error``."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return not isinstance(original, LimitExceeded | ValidationError)


# GraphQL's lexical tokens (spec section 2.1), strings first so their contents count once;
# ignored tokens (whitespace, commas, comments, BOM) are skipped by ``_IGNORED``.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # block string
    r'|"(?:[^"\\\n\r]|\\.)*"'  # string
    r"|\.\.\.|[!$&()\:=@\[\]{|}]"  # punctuators
    r"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"  # numbers
    r"|[_A-Za-z][_0-9A-Za-z]*"  # names
)
_IGNORED = re.compile(r"(?:[ \t\n\r,\ufeff]+|#[^\n\r]*)+")


def token_limit_error(query: str, limit: int) -> GraphQLError | None:
    """The token limit's error when ``query`` has more than ``limit`` tokens, else None.

    graphql-core's parser counts tokens as it parses (about 8 us a token here), so a
    document at the limit takes ~16 ms to refuse; this regular-expression lexer refuses it
    in about a millisecond. It counts well-formed documents as graphql-core does (comments
    and commas are not tokens; ``tests/api/test_limits.py`` compares the two) and stops at
    the first character it does not know, leaving that document to the parser.
    """
    if len(query) <= limit:  # every token takes at least one character
        return None
    count, pos, end = 0, 0, len(query)
    while pos < end:
        ignored = _IGNORED.match(query, pos)
        if ignored is not None:
            pos = ignored.end()
            if pos >= end:
                break
        token = _TOKEN.match(query, pos)
        if token is None:
            return None
        count += 1
        if count > limit:
            return GraphQLError(f"Syntax Error: Document contains more than {limit} tokens. Parsing aborted.")
        pos = token.end()
    return None


def limit_extensions(settings: Settings) -> list[type[SchemaExtension] | ExtensionFactory]:
    """Extension factories enforcing ``settings``' limits, in the order they must run."""
    # The depth and alias limits are validation rules built once, so every request validates
    # with the same rule classes (the document cache remembers a document passed them).
    rules: list[type[ASTValidationRule]] = [
        depth_limit(settings.max_query_depth, settings.max_introspection_depth),
        alias_limit(settings.max_aliases),
    ]
    exts: list[type[SchemaExtension] | ExtensionFactory] = [
        functools.partial(MaxTokensLimiter, max_token_count=settings.max_tokens)
    ]
    if settings.cache_bytes:
        documents: ByteLRU[bytes, CachedDocument] = ByteLRU(
            settings.cache_bytes, settings.cache_max_entry_bytes
        )
        exts.append(functools.partial(DocumentCache, documents))
    exts.append(functools.partial(AddValidationRules, rules))
    if not settings.introspection:
        exts.append(DisableIntrospection)
    exts.append(functools.partial(MaskErrors, should_mask_error=should_mask, error_message=MASKED_MESSAGE))
    return exts


class _Fragments(Generic[_M]):
    """A document's fragments, each measured once by ``measure`` however often it is spread;
    a spread of an unknown or cyclic fragment measures None (other rules report those)."""

    def __init__(
        self, context: ValidationContext, measure: Callable[[SelectionSetNode, _Fragments[_M]], _M]
    ) -> None:
        self._defs = {
            d.name.value: d for d in context.document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self._measure = measure
        self._measured: dict[str, _M] = {}
        self._open: set[str] = set()

    def spread(self, node: FragmentSpreadNode) -> _M | None:
        name = node.name.value
        fragment = self._defs.get(name)
        if fragment is None or name in self._open:
            return None
        if name not in self._measured:
            self._open.add(name)
            self._measured[name] = self._measure(fragment.selection_set, self)
            self._open.discard(name)
        return self._measured[name]


def _operations(context: ValidationContext) -> list[OperationDefinitionNode]:
    return [d for d in context.document.definitions if isinstance(d, OperationDefinitionNode)]


def alias_limit(max_aliases: int) -> type[ValidationRule]:
    """A validation rule refusing a document with more than ``max_aliases`` aliased fields,
    counting a fragment's aliases at every spread (its count is measured once)."""

    class AliasLimit(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            fragments = _Fragments(context, _aliases)
            total = sum(_aliases(op.selection_set, fragments) for op in _operations(context))
            if total > max_aliases:
                context.report_error(GraphQLError(f"{total} aliases found. Allowed: {max_aliases}"))

    return AliasLimit


def _aliases(selections: SelectionSetNode, fragments: _Fragments[int]) -> int:
    count = 0
    for sel in selections.selections:
        if isinstance(sel, FragmentSpreadNode):
            count += fragments.spread(sel) or 0
        elif isinstance(sel, FieldNode | InlineFragmentNode):
            count += 1 if isinstance(sel, FieldNode) and sel.alias is not None else 0
            if sel.selection_set is not None:
                count += _aliases(sel.selection_set, fragments)
    return count


_Depths = tuple[int, int]  # (deepest ordinary selection, deepest introspection selection)


def depth_limit(max_depth: int, max_introspection_depth: int) -> type[ValidationRule]:
    """A validation rule refusing an operation deeper than ``max_depth`` (counted as
    strawberry's ``QueryDepthLimiter`` counts: fields with a selection set, fragments
    inlined), or whose introspection selections (under ``__schema`` / ``__type``) are deeper
    than ``max_introspection_depth``. Each fragment is measured once, so nested spreads cost
    linear time."""

    class DepthLimit(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            fragments = _Fragments(context, _depths)
            for op in _operations(context):
                plain, intro = _depths(op.selection_set, fragments)
                name = op.name.value if op.name else "anonymous"
                if plain > max_depth:
                    context.report_error(
                        GraphQLError(f"'{name}' exceeds maximum operation depth of {max_depth}", op)
                    )
                elif intro > max_introspection_depth:
                    context.report_error(
                        GraphQLError(
                            f"'{name}' exceeds maximum introspection depth of {max_introspection_depth}", op
                        )
                    )

    return DepthLimit


def _depths(selections: SelectionSetNode, fragments: _Fragments[_Depths]) -> _Depths:
    plain = intro = 0
    for sel in selections.selections:
        if isinstance(sel, FragmentSpreadNode):
            p, i = fragments.spread(sel) or (0, 0)
            plain, intro = max(plain, p), max(intro, i)
        elif isinstance(sel, InlineFragmentNode):
            p, i = _depths(sel.selection_set, fragments)
            plain, intro = max(plain, p), max(intro, i)
        elif isinstance(sel, FieldNode) and sel.selection_set is not None:
            p, i = _depths(sel.selection_set, fragments)
            if sel.name.value.startswith("__"):
                intro = max(intro, 1 + max(p, i))
            else:
                plain, intro = max(plain, 1 + p), max(intro, 1 + i if i else 0)
    return plain, intro


class BodySizeLimit:
    """ASGI middleware: reject HTTP bodies above ``max_bytes`` with 413, counting streamed bytes.

    ``max_bytes_with_key`` applies instead when the request presents one of ``api_keys``
    (``Authorization: Bearer <key>`` or ``X-API-Key``), for document ingestion.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        max_bytes_with_key: int | None = None,
        api_keys: Sequence[str] = (),
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_bytes_with_key = max_bytes_with_key or max_bytes
        self.api_keys = tuple(api_keys)

    def _limit(self, scope: Scope) -> tuple[int, str]:
        if self.api_keys and self.max_bytes_with_key > self.max_bytes:
            key = api_key_from_headers(scope.get("headers", []))
            if check_api_key(key, self.api_keys):
                return self.max_bytes_with_key, "QKG_MAX_INGEST_BYTES"
        return self.max_bytes, "QKG_MAX_BODY_BYTES"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, setting = self._limit(scope)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    await _too_large(send, limit, setting)
                    return
        # Read the whole (bounded) body first, so an oversized stream is refused before the
        # application sees any of it; then replay it.
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            total += len(body)
            if total > limit:
                await _too_large(send, limit, setting)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def api_key_from_headers(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The API key a request presents, from ``Authorization: Bearer`` or ``X-API-Key``."""
    for name, value in headers:
        if name == b"authorization":
            raw = value.decode("latin-1")
            if raw[:7].lower() == "bearer ":
                return raw[7:].strip()
        elif name == b"x-api-key":
            return value.decode("latin-1").strip()
    return None


async def _too_large(send: Send, limit: int, setting: str) -> None:
    body = orjson.dumps(
        {"errors": [{"message": f"request body is above the body size limit of {limit} bytes ({setting})"}]}
    )
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
