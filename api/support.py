"""The ``Support`` of a fact in GraphQL: how many documents and independent publishers back it.

A thin view of :func:`qkg.graph.timeline.support` (the one rule both stores and the API use)
over the evidence of a relation, an agreement or a link, with the documents looked up in the
request's batch (one store call for every document of the batch).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import strawberry

from qkg.graph.timeline import support

if TYPE_CHECKING:
    from qkg.schemas import DocumentInfo, Evidence

    from .context import Loader

__all__ = ["Support", "support_of"]


@strawberry.type(
    description="How well a fact is supported: distinct documents, distinct publishers (a URL's host; "
    "a file, or a document with no source, counts as its own publisher) and when it was first and "
    "last seen (publication dates)."
)
class Support:
    documents: int
    sources: int
    first_seen: dt.date | None
    last_seen: dt.date | None


def support_of(loader: Loader, evidence: Iterable[Evidence]) -> Support:
    """The support of ``evidence``, its documents looked up in the request's batch."""
    evs = list(evidence)
    ids = list(dict.fromkeys(e.document_id for e in evs))
    loader.want_documents(ids)
    documents: dict[str, DocumentInfo] = {d: info for d in ids if (info := loader.document(d)) is not None}
    s = support(evs, documents)
    return Support(documents=s.documents, sources=s.sources, first_seen=s.first_seen, last_seen=s.last_seen)
