"""The GraphQL endpoint's caches: bounded in bytes, keyed by the normalised document.

A query's key is the SHA-256 of its normalised text: graphql-core's
``strip_ignored_characters`` (comments, commas and insignificant whitespace removed), so
``{ stats { documents } }`` behind a 0.9 MB comment is the same entry as without it, and
a flood of padded variants cannot fill memory. Every cache is a :class:`ByteLRU`: it
accounts each entry's size, evicts the least recently used past its byte bound, and refuses
an entry above the largest size it keeps (``QKG_CACHE_BYTES``, ``QKG_CACHE_MAX_ENTRY_BYTES``).

Three caches, each bounded on its own:

- :class:`DocumentKeys`: raw text (its SHA-256) -> normalised key. Normalising lexes the
  whole text in Python (about 0.5 ms for a 200-character query), more than a cached answer
  costs; a repeated text skips it with one hash.
- parsed documents (:class:`DocumentCache`, a schema extension): normalised key -> the
  parsed document and whether it passed validation. A hit whose text differs from the cached
  one (other formatting) is parsed again, so error locations always point into the text the
  client sent; its validation is still skipped.
- answers (:class:`~qkg.api.router.QkgGraphQLRouter`): a hash of (normalised key, variables
  as canonical JSON, operation name, HTTP method, graph version) -> encoded JSON.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from graphql import GraphQLError
from graphql.utilities import strip_ignored_characters
from strawberry.extensions import SchemaExtension

if TYPE_CHECKING:
    from graphql import DocumentNode

__all__ = [
    "ENTRY_OVERHEAD",
    "ByteLRU",
    "CachedDocument",
    "DocumentCache",
    "DocumentKeys",
    "normalised_key",
    "parsed_from",
    "remember",
]

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")

#: Bytes accounted per entry beyond its value: the key, the dictionary slot, the wrapper.
ENTRY_OVERHEAD = 200
#: Bytes a parsed token holds in a graphql-core document (its ``Token`` and its share of the
#: AST, measured at 380-550 bytes a token on typical queries); an estimate, on the high side.
_BYTES_PER_TOKEN = 500


class ByteLRU(Generic[_K, _V]):
    """A thread-safe LRU bounded by the total accounted size of its entries.

    ``put`` refuses (returns False) an entry above ``max_entry_bytes``; past ``max_bytes`` the
    least recently used entries go. ``max_entries`` (optional) bounds the count as well.
    """

    def __init__(self, max_bytes: int, max_entry_bytes: int, max_entries: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._bytes = 0
        self._data: OrderedDict[_K, tuple[_V, int]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def bytes(self) -> int:
        """The accounted size of what the cache holds now."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: _K) -> _V | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                self.misses += 1
                return None
            self.hits += 1
            self._data.move_to_end(key)
            return hit[0]

    def put(self, key: _K, value: _V, size: int) -> bool:
        """Keep ``value`` (accounted as ``size`` bytes plus :data:`ENTRY_OVERHEAD`) unless it is
        above the entry limit; whether it was kept."""
        size += ENTRY_OVERHEAD
        if size > self.max_entry_bytes:
            return False
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._data[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes or (
                self.max_entries is not None and len(self._data) > self.max_entries
            ):
                _, (_, dropped) = self._data.popitem(last=False)
                self._bytes -= dropped
        return True


def _digest(text: str) -> bytes:
    # a lone surrogate cannot come through JSON (the router refuses it) but may through a URL
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def normalised_key(query: str) -> bytes | None:
    """The SHA-256 of ``query`` without comments, commas and insignificant whitespace, or
    None when it does not lex (the parser reports why).

    >>> normalised_key("# padding\\n{ stats  { documents } }") == normalised_key("{stats{documents}}")
    True
    """
    try:
        return _digest(strip_ignored_characters(query))
    except GraphQLError:
        return None


class DocumentKeys:
    """Raw text -> normalised key, memoised by the text's hash (see the module docstring)."""

    _NONE = b""

    def __init__(self, max_bytes: int) -> None:
        self.cache: ByteLRU[bytes, bytes] = ByteLRU(max_bytes, max_bytes)

    def key(self, query: str) -> bytes | None:
        raw = _digest(query)
        found = self.cache.get(raw)
        if found is None:
            found = normalised_key(query) or self._NONE
            self.cache.put(raw, found, len(raw) + len(found))
        return found or None


@dataclass
class CachedDocument:
    """A parsed document and whether it passed validation (None: not validated yet)."""

    document: DocumentNode
    valid: bool | None = None


def _document_size(query: str, document: DocumentNode) -> int:
    """An estimate of the memory ``document`` holds: the text it refers to plus its tokens."""
    tokens = 0
    loc = document.loc
    token = loc.start_token if loc is not None else None
    while token is not None:
        tokens += 1
        token = token.next
    return len(query) * (1 if query.isascii() else 4) + tokens * _BYTES_PER_TOKEN


def remember(
    cache: ByteLRU[bytes, CachedDocument],
    key: bytes,
    query: str,
    document: DocumentNode,
    valid: bool | None = None,
) -> CachedDocument | None:
    """Keep ``document`` (parsed from ``query``) under ``key``; the entry, or None when it is
    above the cache's entry size."""
    entry = CachedDocument(document, valid)
    return entry if cache.put(key, entry, _document_size(query, document)) else None


def parsed_from(entry: CachedDocument | None, query: str) -> bool:
    """Whether ``entry``'s document was parsed from exactly ``query``: only then is it reused
    as it is, so that error locations point into the text the client sent."""
    return entry is not None and entry.document.loc is not None and entry.document.loc.source.body == query


class DocumentCache(SchemaExtension):
    """Parse and validate each normalised document once (see the module docstring).

    The key comes from the request context's ``document_key`` (the router computes it once for
    both caches); without one (the schema used directly), from :func:`normalised_key`.
    """

    def __init__(self, cache: ByteLRU[bytes, CachedDocument]) -> None:
        super().__init__()
        self.cache = cache
        self._key: bytes | None = None
        self._entry: CachedDocument | None = None

    def on_parse(self) -> Iterator[None]:
        ec = self.execution_context
        query = ec.query
        if ec.graphql_document is not None or not query:
            yield
            return
        key = self._key = _context_key(ec.context, query)
        entry = self._entry = self.cache.get(key) if key is not None else None
        reuse = parsed_from(entry, query)
        if reuse and entry is not None:
            ec.graphql_document = entry.document
        yield
        document = ec.graphql_document
        if key is not None and not reuse and document is not None:
            valid = entry.valid if entry is not None else None
            self._entry = remember(self.cache, key, query, document, valid)

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        entry = self._entry
        if entry is not None and entry.valid:
            ec.pre_execution_errors = []  # strawberry skips validation when it is set
            yield
            return
        yield
        if entry is not None:
            entry.valid = not ec.pre_execution_errors


def _context_key(context: object, query: str) -> bytes | None:
    key = getattr(context, "document_key", None)
    if isinstance(key, bytes):
        return key or None
    return normalised_key(query)
