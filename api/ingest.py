"""Text in, delta out: the one place the API calls the loaders' extractor.

The ``ingestDocument`` mutation and ``qkg demo`` both turn text into a
:class:`~qkg.schemas.KnowledgeGraph` here, with the loaders' default (deterministic,
offline) extractor, so the API stores exactly what ``qkg load`` would.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from qkg.schemas import Document, DocumentRejected, KnowledgeGraph

if TYPE_CHECKING:
    from qkg.graph.store import GraphStore

__all__ = ["extract", "load_text"]


def extract(
    text: str, *, title: str = "", source: str | None = None, published: dt.date | None = None
) -> KnowledgeGraph:
    """Extract one document's facts with the loaders' default extractor."""
    if not text.strip():
        raise DocumentRejected(source or "-", "the document is empty")
    doc = Document.from_text(text, title=title, source=source, published=published)
    from qkg.loaders.extract import extract as rule_extract

    return rule_extract(doc)


def load_text(
    store: GraphStore,
    text: str,
    *,
    title: str = "",
    source: str | None = None,
    published: dt.date | None = None,
) -> str:
    """Extract ``text`` and upsert it into ``store``; return the document id."""
    return store.upsert(extract(text, title=title, source=source, published=published)).document_id
