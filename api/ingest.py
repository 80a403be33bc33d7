"""Text or an uploaded file in, stored delta out: the one place the API calls the loaders.

The ``ingestDocument`` mutation turns a document into a
:class:`~qkg.schemas.KnowledgeGraph` here, with the loaders' default (deterministic,
offline) extractor, and upserts it, so the API stores exactly what ``qkg load`` would.
An uploaded file goes through the loaders' reader (:func:`qkg.loaders.read.read_bytes`):
the same decoding, encoding detection, boilerplate removal and bounded HTML/PDF parsing
as ``qkg load`` gives that file, with the ingest cap (``limit``) as the reader's size cap.

Replacement belongs to the key that ingested: a document's ``source`` is stored with the
ingesting API key's fingerprint appended (``<source>#qkg-key=<16 hex digits>``, a salted
SHA-256 of the key, never the key), so a later ingest with the same ``source`` replaces it
only when it comes with the same key. Another key's document with that source is added
beside it, and documents loaded with ``qkg load`` are never replaced through the API.
:func:`cited_source` gives the source as the client sent it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol, TypeGuard

from qkg.schemas import Document, DocumentRejected, KnowledgeGraph, LimitExceeded

if TYPE_CHECKING:
    from collections.abc import Callable

    from qkg.graph.store import GraphStore
    from qkg.schemas import UpsertResult

__all__ = [
    "UploadedFile",
    "check_size",
    "cited_source",
    "document_from_text",
    "document_from_upload",
    "ingest",
    "key_fingerprint",
    "owned_source",
    "owner_of",
]

#: Content types a client may declare for an upload; anything else (``application/
#: octet-stream``, ``text/x-foo``) leaves the choice to the file name and sniffing.
_MEDIA_TYPES = {
    "text/plain": "text/plain",
    "text/markdown": "text/markdown",
    "text/x-markdown": "text/markdown",
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "application/pdf": "application/pdf",
}


class UploadedFile(Protocol):
    """What an upload must offer (starlette's ``UploadFile`` does): a name, a declared
    content type and a synchronously readable file."""

    @property
    def filename(self) -> str | None: ...

    @property
    def content_type(self) -> str | None: ...

    @property
    def file(self) -> BinaryIO: ...


def check_size(size: int, limit: int) -> None:
    """Refuse a document above the ingest cap, naming the cap and its setting."""
    if size > limit:
        raise LimitExceeded(
            f"document of {size} bytes is above the ingest limit of {limit} bytes (QKG_MAX_INGEST_BYTES)"
        )


def document_from_text(
    text: str, *, title: str = "", source: str | None = None, published: dt.date | None = None
) -> Document:
    """A document from plain text given inline (the ``text`` argument)."""
    if not text.strip():
        raise DocumentRejected(source or "-", "the document is empty")
    return Document.from_text(text, title=title, source=source, published=published)


def document_from_upload(
    file: object, *, limit: int, title: str = "", source: str | None = None, published: dt.date | None = None
) -> Document:
    """A document from an uploaded file, read as ``qkg load`` reads that file.

    The media type comes from the file name, else from a declared content type we know,
    else from sniffing the bytes. ``title`` and ``published`` default to what the reader
    finds (HTML ``<title>``, Markdown heading, PDF metadata, first line; HTML date meta),
    then to the file name. ``source`` (the citation or URL) is never the client's file
    name, so two clients' ``report.pdf`` uploads do not replace each other.
    """
    if not _is_upload(file):
        raise DocumentRejected(
            "file", "not an uploaded file: send it as a multipart request (GraphQL multipart request spec)"
        )
    name = Path(file.filename or "").name or "upload"
    from qkg.loaders.pipeline import LOADABLE_SUFFIXES
    from qkg.loaders.read import ReadOptions, read_bytes
    from qkg.loaders.structured import STRUCTURED_SUFFIXES

    suffix = Path(name).suffix.lower()
    if suffix in STRUCTURED_SUFFIXES:
        raise DocumentRejected(
            name,
            f"structured data ({suffix}) is loaded with `qkg load`; upload a text, Markdown, HTML or PDF document",
        )
    data = file.file.read(limit + 1)
    check_size(len(data), limit)
    declared = (file.content_type or "").split(";")[0].strip().lower()
    media_type = None if suffix in LOADABLE_SUFFIXES else _MEDIA_TYPES.get(declared)
    doc = read_bytes(data, name, media_type=media_type, options=ReadOptions(max_bytes=limit)).document
    return Document.from_text(
        doc.text,
        title=title or doc.title or Path(name).stem,
        source=source,
        published=published or doc.published,
        media_type=doc.media_type,
    )


_KEY_MARK = "#qkg-key="


def key_fingerprint(key: str) -> str:
    """A short, stable name of an API key for provenance: 16 hex digits of a salted SHA-256,
    from which the key cannot be read back.

    >>> key_fingerprint("k-0123456789abcdef") == key_fingerprint("k-0123456789abcdef")
    True
    >>> len(key_fingerprint("k-0123456789abcdef"))
    16
    """
    return hashlib.sha256(b"qkg document owner\x00" + key.encode()).hexdigest()[:16]


def owned_source(source: str | None, key: str | None) -> str | None:
    """The ``source`` stored for a document ingested with ``key``: the fingerprint appended,
    so only the same key's later ingest matches it (and replaces the document).

    >>> owned_source("https://example.org/a", "k-0123456789abcdef").startswith("https://example.org/a#qkg-key=")
    True
    >>> owned_source(None, "k-0123456789abcdef") is None
    True
    """
    if source is None or key is None:
        return source
    return f"{source}{_KEY_MARK}{key_fingerprint(key)}"


def owner_of(stored: str | None) -> str | None:
    """The fingerprint of the key that ingested a document with this stored source, if any.

    >>> owner_of(owned_source("https://example.org/a", "k-0123456789abcdef")) == key_fingerprint("k-0123456789abcdef")
    True
    >>> owner_of("/data/news/a.txt") is None
    True
    """
    if stored is None:
        return None
    _, mark, fingerprint = stored.rpartition(_KEY_MARK)
    if mark and len(fingerprint) == 16 and all(c in "0123456789abcdef" for c in fingerprint):
        return fingerprint
    return None


def cited_source(stored: str | None) -> str | None:
    """The source as the client gave it: :func:`owned_source`'s fingerprint removed.

    >>> cited_source(owned_source("https://example.org/a", "k-0123456789abcdef"))
    'https://example.org/a'
    >>> cited_source("/data/news/a.txt")
    '/data/news/a.txt'
    """
    if owner_of(stored) is None:
        return stored
    assert stored is not None
    return stored.rpartition(_KEY_MARK)[0]


def _is_upload(value: object) -> TypeGuard[UploadedFile]:
    return all(hasattr(value, attr) for attr in ("filename", "content_type", "file"))


def ingest(
    store: GraphStore,
    document: Document,
    *,
    time_limit: float | None = None,
    key: str | None = None,
    before_write: Callable[[], None] | None = None,
) -> tuple[KnowledgeGraph, UpsertResult]:
    """Extract ``document`` with the loaders' default extractor and upsert it into ``store``.

    Extraction past ``time_limit`` seconds (default: the loaders' 60 s) raises LimitExceeded.
    With ``key`` (the caller's API key), the document's source is :func:`owned_source`, so it
    replaces only a document that key ingested. ``before_write`` runs between extraction and
    the write and may raise to store nothing (the API's request deadline: a client that had
    its timeout answer never sees the document stored behind it).
    """
    from qkg.loaders.deadline import DEFAULT_TIME_LIMIT
    from qkg.loaders.extract import RuleExtractor

    if key is not None and document.source is not None:
        document = document.model_copy(update={"source": owned_source(document.source, key)})
    delta = RuleExtractor(time_limit=time_limit or DEFAULT_TIME_LIMIT).extract(document)
    if before_write is not None:
        before_write()
    return delta, store.upsert(delta)
