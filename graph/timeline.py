"""Time and trust over plain inputs: what holds as of a date, and how well it is supported.

Pure functions of a fact's *parts* (what each document said of it, by document id, as the
stores keep them) and of the documents' publication dates and sources; no store, no I/O.
Both stores and the API answer ``asOf``, ``support`` and an agreement's status through these,
so the rules exist once:

- a document is **published by** a date when its ``published`` date is on or before it; a
  document without a date is published by no date (it counts when no date is asked);
- a fact is **known as of** a date when a document published by then supports it, and
  everything said of it as of that date is what those documents say: the answer as of a
  date equals the answer computed over only the documents published by that date;
- a relation is **in force** as of a date when it is known and the validity those documents
  give (earliest ``valid_from``, latest ``valid_to``) contains the date; an agreement when
  it is known and its life as of the date (:func:`agreement_as_of`) has not ended, by an
  ENDED event or by its end having passed;
- **support** counts distinct documents and distinct publishers (:func:`publisher`).

>>> import datetime as dt
>>> publisher("https://WWW.Example.org/news/1", "d1"), publisher(None, "d2")
('example.org', 'document:d2')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from qkg.schemas import Agreement, AgreementEvent, AgreementStatus, Relation
from qkg.schemas.life import bounds, life, ordered_events

__all__ = [
    "AgreementLife",
    "Dated",
    "Support",
    "agreement_as_of",
    "in_force",
    "known_parts",
    "life_as_of",
    "merged_life",
    "published_by",
    "publisher",
    "relation_in_force",
    "support",
    "valid_on",
]


_F = TypeVar("_F", Relation, Agreement)


class Dated(Protocol):
    """What the timeline needs of a document: where it came from and when it was published
    (:class:`qkg.schemas.Document` and :class:`qkg.schemas.DocumentInfo` both fit)."""

    @property
    def source(self) -> str | None: ...

    @property
    def published(self) -> dt.date | None: ...


class _Cited(Protocol):
    @property
    def document_id(self) -> str: ...


def publisher(source: str | None, document_id: str) -> str:
    """Who published a document: a URL's host (lowercased, without ``www.``), else the file
    path itself; a document without a source (stdin, ``-``) is its own publisher.

    >>> publisher("http://news.example.org:8080/a", "d"), publisher("/data/a.txt", "d")
    ('news.example.org', 'file:/data/a.txt')
    """
    if source is None or source in {"", "-"}:
        return f"document:{document_id}"
    parts = urlsplit(source)
    if parts.scheme in {"http", "https"} and parts.hostname:
        return parts.hostname.removeprefix("www.")
    return f"file:{source}"


def published_by(documents: Mapping[str, Dated], document_id: str, as_of: dt.date | None) -> bool:
    """Whether a document counts as of ``as_of`` (every known document when ``as_of`` is None)."""
    if as_of is None:
        return True
    doc = documents.get(document_id)
    return doc is not None and doc.published is not None and doc.published <= as_of


@dataclass(frozen=True, slots=True)
class Support:
    """How well a fact is supported: distinct documents and publishers, first and last seen."""

    documents: int
    sources: int
    first_seen: dt.date | None
    last_seen: dt.date | None


def support(
    evidence: Iterable[_Cited], documents: Mapping[str, Dated], *, as_of: dt.date | None = None
) -> Support:
    """Support of a fact from its evidence, counting only documents published by ``as_of``.

    A document missing from ``documents`` counts (when no date is asked) as its own,
    undated publisher.
    """
    ids = {e.document_id for e in evidence if published_by(documents, e.document_id, as_of)}
    publishers = set()
    dates = []
    for d in ids:
        doc = documents.get(d)
        publishers.add(publisher(doc.source if doc else None, d))
        if doc is not None and doc.published is not None:
            dates.append(doc.published)
    return Support(len(ids), len(publishers), min(dates, default=None), max(dates, default=None))


def known_parts(
    parts: Mapping[str, _F], documents: Mapping[str, Dated], as_of: dt.date | None
) -> dict[str, _F]:
    """The parts (by document id) of the documents published by ``as_of``."""
    return {d: p for d, p in parts.items() if published_by(documents, d, as_of)}


@dataclass(frozen=True, slots=True)
class AgreementLife:
    """An agreement's life as of a date: the events known and happened by then, the status
    and end they give (:func:`qkg.schemas.life.life`), and whether it is still in force."""

    events: tuple[AgreementEvent, ...]
    status: AgreementStatus
    ends: str | None
    in_force: bool


def _happened(event: AgreementEvent, as_of: dt.date | None) -> bool:
    return as_of is None or event.date is None or bounds(event.date)[0] <= as_of


def merged_life(
    parts: Mapping[str, Agreement], as_of: dt.date | None = None
) -> tuple[tuple[AgreementEvent, ...], AgreementStatus, str | None]:
    """``(events, status, ends)`` of an agreement from its parts (by document id): the union of
    every part's events that happened by ``as_of``, in life order, and the status and end they
    give. When no part has events (structured input states a status without them), the part of
    the smallest document id gives status and end, as it gives the other fields. For the
    stores' merge (``as_of`` None) and for :func:`agreement_as_of`."""
    events = ordered_events(e for p in parts.values() for e in p.events)
    if not events:
        first = parts[min(parts)]
        return (), first.status, first.ends
    happened = tuple(e for e in events if _happened(e, as_of))
    status, ends = life(happened)
    return happened, status, ends


def agreement_as_of(
    parts: Mapping[str, Agreement], documents: Mapping[str, Dated], as_of: dt.date | None = None
) -> AgreementLife | None:
    """The agreement's life as its documents published by ``as_of`` tell it, counting only
    events that happened by then; ``None`` when no such document mentions it.

    Without ``as_of`` every document and event counts and an end never passes (there is no
    "now" in a pure function): the status is the latest event's.
    """
    known = known_parts(parts, documents, as_of)
    if not known:
        return None
    return life_as_of(known, as_of)


def life_as_of(known: Mapping[str, Agreement], as_of: dt.date | None) -> AgreementLife:
    """The life of an agreement as of ``as_of`` from the parts already known by then (see
    :func:`agreement_as_of`, which picks them)."""
    events, status, ends = merged_life(known, as_of)
    passed = as_of is not None and ends is not None and bounds(ends)[1] < as_of
    if passed:
        status = AgreementStatus.ENDED
    return AgreementLife(events, status, ends, in_force=status is not AgreementStatus.ENDED)


def relation_in_force(known: Mapping[str, Relation], as_of: dt.date) -> bool:
    """Whether the validity the parts already known by ``as_of`` give contains it."""
    return _relation_in_force(known, as_of)


def _relation_in_force(parts: Mapping[str, Relation], as_of: dt.date) -> bool:
    starts = [p.valid_from for p in parts.values() if p.valid_from is not None]
    ends = [p.valid_to for p in parts.values() if p.valid_to is not None]
    return valid_on(starts, ends, as_of)


def valid_on(starts: Sequence[dt.date], ends: Sequence[dt.date], day: dt.date) -> bool:
    """Whether the validity the documents give (the earliest of ``starts``, the latest of
    ``ends``; open where they give none) contains ``day``."""
    return (not starts or min(starts) <= day) and (not ends or max(ends) >= day)


def in_force(
    parts: Mapping[str, Relation] | Mapping[str, Agreement], as_of: dt.date, documents: Mapping[str, Dated]
) -> bool:
    """Whether a relation or an agreement, given by its parts, is in force on ``as_of``
    (see the module docstring)."""
    relations = {d: p for d, p in parts.items() if isinstance(p, Relation)}
    if relations:
        known = known_parts(relations, documents, as_of)
        return bool(known) and _relation_in_force(known, as_of)
    agreements = {d: p for d, p in parts.items() if isinstance(p, Agreement)}
    found = agreement_as_of(agreements, documents, as_of)
    return found is not None and found.in_force
