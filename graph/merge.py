"""Every merge rule of the stores, once, as pure functions (no store, no I/O).

A fact may be given by several documents; each store keeps every document's contribution
(its *parts*, by document id) and answers the merge of them. The rules, which
:mod:`qkg.graph.store` states and the contract suite pins:

- **smallest document id wins** the descriptive fields (an entity's name, type, country,
  description; a relation's, agreement's or goal's fields other than those below);
- **evidence** is the union of every part's, in :func:`evidence_key` order;
- a relation's **confidence** is the highest any part gives; its **validity** runs from the
  earliest ``valid_from`` to the latest ``valid_to`` any part gives;
- **aliases** and **topics** are the sorted union; **external ids** the union, where the
  smallest document id wins a conflict (:class:`EntityState`, a summary that merges
  incrementally, in any order);
- a **link** (the analytics edge of a relation or an agreement's co-party pair) inside a time
  window counts only the evidence of documents published inside it (:func:`link_window`),
  and links sort by :func:`link_order`;
- a document's **digest** (:func:`delta_digest`) is that of its canonical delta, and the
  graph's **version** (:class:`Version`) is the count and the XOR of one token per
  ``(document id, digest)``: equal contents, equal versions, whatever the order of writes.

The embedded index (:mod:`qkg.graph.embedded.index`), the Neo4j writer
(:mod:`qkg.graph.neo4j.merge`) and export (:mod:`qkg.graph.export`) call these; a rule
written twice is a bug waiting for its second half.

>>> from qkg.schemas import Evidence, Relation, RelationType
>>> d1, d2 = "1" * 64, "2" * 64  # document ids are SHA-256 digests
>>> ev = lambda d: Evidence(document_id=d, sentence="x", start=0, end=1, rule="r")
>>> a = Relation(source="a", type=RelationType.PARTNERS_WITH, target="b", evidence=[ev(d2)], confidence=0.9)
>>> b = Relation(source="a", type=RelationType.PARTNERS_WITH, target="b", evidence=[ev(d1)], confidence=0.5)
>>> merged = merge_relation({d2: a, d1: b})
>>> [e.document_id[0] for e in merged.evidence], merged.confidence
(['1', '2'], 0.9)
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from qkg.schemas import Agreement, Entity, Evidence, Goal, Link, Relation, RelationType, normalise_name
from qkg.schemas.life import bounds

from .timeline import life_as_of, merged_life, relation_in_force

if TYPE_CHECKING:
    from qkg.schemas import KnowledgeGraph

__all__ = [
    "AsOf",
    "Change",
    "EntityState",
    "Event",
    "Ledger",
    "LedgerRow",
    "Merged",
    "Version",
    "agreement_order",
    "agreement_view",
    "canonical_digest",
    "canonical_json",
    "date_prefix_match",
    "delta_digest",
    "document_token",
    "entity_order",
    "event_changes",
    "evidence_key",
    "fact_history",
    "fact_keys",
    "fact_of",
    "first_part",
    "goal_order",
    "held_rows",
    "in_window",
    "is_version",
    "ledger_changes",
    "ledger_cut",
    "life_steps",
    "link_order",
    "link_window",
    "links",
    "merge_agreement",
    "merge_deltas",
    "merge_entity",
    "merge_goal",
    "merge_relation",
    "merge_states",
    "record_text",
    "record_time",
    "relation_view",
    "union_evidence",
    "validity",
    "whole_agreement_view",
]

_T = TypeVar("_T")

# -- orders ------------------------------------------------------------------------------------


def evidence_key(e: Evidence) -> tuple[str, int, int, str, float]:
    """The order of evidence inside a fact: ``(document_id, start, end, rule, confidence)``."""
    return (e.document_id, e.start, e.end, e.rule, e.confidence)


def entity_order(e: Entity) -> tuple[str, str]:
    return (normalise_name(e.name), e.id)


def agreement_order(a: Agreement) -> tuple[bool, str, str]:
    return (a.date is None, a.date or "", a.id)


def goal_order(g: Goal) -> tuple[bool, int, str]:
    return (g.target_year is None, g.target_year or 0, g.id)


def link_order(link: Link) -> tuple[str, str, str, str]:
    """Links sort by ``(source, type, target, agreement or "")``."""
    return (link.source, link.type.value, link.target, link.agreement or "")


# -- facts -------------------------------------------------------------------------------------


def union_evidence(parts: Iterable[Iterable[Evidence]]) -> tuple[Evidence, ...]:
    """The evidence of every part, once each, in :func:`evidence_key` order."""
    return tuple(sorted({e for p in parts for e in p}, key=evidence_key))


def first_part(parts: Mapping[str, _T]) -> _T:
    """The part of the smallest document id: it gives the merged fact's fields."""
    return parts[min(parts)]


def validity(relations: Iterable[Relation]) -> tuple[dt.date | None, dt.date | None]:
    """``(earliest valid_from, latest valid_to)`` of the parts; ``None`` where none gives one."""
    starts, ends = [], []
    for r in relations:
        if r.valid_from is not None:
            starts.append(r.valid_from)
        if r.valid_to is not None:
            ends.append(r.valid_to)
    return (min(starts) if starts else None, max(ends) if ends else None)


def _copy(first: _T, update: Mapping[str, Any]) -> _T:
    """``first`` itself when the merge changes nothing (one part, or all alike), else a copy."""
    if all(getattr(first, name) == value for name, value in update.items()):
        return first
    out: _T = first.model_copy(update=dict(update))  # type: ignore[attr-defined]
    return out


def merge_relation(parts: Mapping[str, Relation]) -> Relation:
    """One relation from its parts (by document id): see the module docstring."""
    values = parts.values()
    valid_from, valid_to = validity(values)
    return _copy(
        first_part(parts),
        {
            "evidence": union_evidence(p.evidence for p in values),
            "confidence": max(p.confidence for p in values),
            "valid_from": valid_from,
            "valid_to": valid_to,
        },
    )


def merge_agreement(parts: Mapping[str, Agreement]) -> Agreement:
    """One agreement from its parts: fields of the smallest document, evidence and topics unions,
    its life (events, status, end) from every part's events (:func:`qkg.graph.timeline.merged_life`)."""
    values = parts.values()
    events, status, ends = merged_life(parts)
    return _copy(
        first_part(parts),
        {
            "evidence": union_evidence(p.evidence for p in values),
            "topics": tuple(sorted({t for p in values for t in p.topics})),
            "events": events,
            "status": status,
            "ends": ends,
        },
    )


# -- facts as of a date -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AsOf:
    """What a timed answer asks: facts in force on ``day`` as the documents published by then
    give them (every document when ``day`` is None), supported by at least ``min_support`` of
    those documents (any number when None)."""

    day: dt.date | None = None
    min_support: int | None = None

    def known(self, parts: Mapping[str, _T], published: Callable[[str], dt.date | None]) -> dict[str, _T]:
        """The parts of the documents published by ``day`` (on or before it; an undated
        document never is: :func:`qkg.graph.timeline.published_by`), none when they are fewer
        than ``min_support``."""
        day = self.day
        known = (
            dict(parts)
            if day is None
            else {d: p for d, p in parts.items() if (on := published(d)) is not None and on <= day}
        )
        return {} if self.min_support is not None and len(known) < self.min_support else known


def relation_view(
    parts: Mapping[str, Relation], published: Callable[[str], dt.date | None], asked: AsOf
) -> Relation | None:
    """A relation as the documents published by ``asked.day`` give it (their merge), or
    ``None`` when none does, when their validity does not contain the day (in force: see
    :mod:`qkg.graph.timeline`) or when fewer than ``asked.min_support`` of them support it:
    what a store holding only those documents answers, filtered."""
    known = asked.known(parts, published)
    if not known or (asked.day is not None and not relation_in_force(known, asked.day)):
        return None
    return merge_relation(known)


def agreement_view(
    parts: Mapping[str, Agreement], published: Callable[[str], dt.date | None], asked: AsOf
) -> Agreement | None:
    """An agreement as the documents published by ``asked.day`` give it, with its life as of
    that day (events that happened by then; ENDED once its end has passed), or ``None`` when
    no such document mentions it, when it is not in force then or when fewer than
    ``asked.min_support`` of them support it."""
    known = asked.known(parts, published)
    if not known:
        return None
    merged = merge_agreement(known)
    if asked.day is None:
        return merged
    life = life_as_of(known, asked.day)
    if not life.in_force:
        return None
    return _copy(merged, {"events": life.events, "status": life.status, "ends": life.ends})


def whole_agreement_view(merged: Agreement, day: dt.date) -> Agreement:
    """:func:`agreement_view` as of ``day`` of an agreement whose every document is published by
    then and which is in force then, from its merge alone: the merge's events are the union of
    every part's, and without events its status and end are the smallest document's, so the
    merge as one part has the same life as all the parts."""
    life = life_as_of({merged.id: merged}, day)
    return _copy(merged, {"events": life.events, "status": life.status, "ends": life.ends})


def life_steps(parts: Mapping[str, Agreement]) -> tuple[list[str], list[bool]] | None:
    """Whether an agreement with events is in force as of a day, as its parts (all of them)
    tell it (:func:`qkg.graph.timeline.life_as_of`), as a step function: ``(days, flags)``,
    in force on a day exactly when ``flags[i]`` for the last ``days[i]`` (ISO) on or before it
    (``days[0]`` is ``""``: before any). It changes only on an event's first day or the day
    after an end an event states, so the rule decides each of those days and the first.
    ``None`` for an agreement without events."""
    events = [e for p in parts.values() for e in p.events]
    if not events:
        return None
    points = {bounds(e.date)[0] for e in events if e.date is not None}
    for e in events:
        if e.ends is not None and (last := bounds(e.ends)[1]) < dt.date.max:
            points.add(last + dt.timedelta(days=1))
    days, flags = [""], [life_as_of(parts, dt.date.min).in_force]
    for day in sorted(points):
        flag = life_as_of(parts, day).in_force
        if flag != flags[-1]:
            days.append(day.isoformat())
            flags.append(flag)
    return days, flags


def date_prefix_match(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an agreement's (partial) ISO date is in ``[since, until]``, compared as string
    prefixes of the bounds' own precision; an undated agreement is outside any window.

    >>> date_prefix_match("2024-06-12", "2024", "2024-06"), date_prefix_match(None, "2024", None)
    (True, False)
    """
    if since is None and until is None:
        return True
    if date is None:
        return False
    return (since is None or date[: len(since)] >= since) and (until is None or date[: len(until)] <= until)


def merge_goal(parts: Mapping[str, Goal]) -> Goal:
    """One goal from its parts: fields of the smallest document, evidence union."""
    return _copy(first_part(parts), {"evidence": union_evidence(p.evidence for p in parts.values())})


# -- entities ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityState:
    """What a merged entity depends on, as a commutative, associative summary: the smallest
    document, its description, the alias union and, per external id, the document it came
    from. Combine two with :meth:`combine` in any order; :meth:`entity` is the merged entity.
    A store that keeps only the summary (Neo4j) adds a document without reading the others."""

    primary: str
    base: Entity
    aliases: frozenset[str]
    external: Mapping[str, tuple[str, str]]  # key -> (document id, value)

    @classmethod
    def of(cls, document_id: str, entity: Entity) -> EntityState:
        return cls(
            document_id,
            Entity.model_construct(
                id=entity.id,
                type=entity.type,
                name=entity.name,
                aliases=(),
                external_ids={},
                country=entity.country,
                description=entity.description,
            ),
            frozenset(entity.aliases),
            {k: (document_id, v) for k, v in entity.external_ids.items()},
        )

    def combine(self, other: EntityState | None) -> EntityState:
        if other is None:
            return self
        first = self if self.primary <= other.primary else other
        external = dict(self.external)
        for k, src in other.external.items():
            if k not in external or src[0] < external[k][0]:
                external[k] = src
        return EntityState(first.primary, first.base, self.aliases | other.aliases, external)

    def entity(self) -> Entity:
        """The merged entity, as every store answers it."""
        return self.base.model_copy(
            update={
                "aliases": tuple(sorted(self.aliases)),
                "external_ids": {k: v for k, (_, v) in sorted(self.external.items())},
            }
        )


def merge_states(states: Iterable[EntityState]) -> EntityState | None:
    """The combination of ``states`` (``None`` for none)."""
    out: EntityState | None = None
    for s in states:
        out = s.combine(out)
    return out


def merge_entity(parts: Mapping[str, Entity]) -> Entity:
    """One entity from its parts (by document id). One part is its own merge (a validated
    entity's aliases are already sorted)."""
    if len(parts) == 1:
        return next(iter(parts.values()))
    state = merge_states(EntityState.of(d, e) for d, e in parts.items())
    assert state is not None
    return state.entity()


# -- links -------------------------------------------------------------------------------------


def in_window(day: dt.date | None, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether a document published on ``day`` is inside ``[since, until]`` (no window: all;
    a window: undated documents are outside)."""
    if since is None and until is None:
        return True
    if day is None:
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def link_window(
    documents: Iterable[tuple[dt.date | None, int]], since: dt.date | None, until: dt.date | None
) -> tuple[int, dt.date | None, dt.date | None] | None:
    """A link's ``(weight, first_seen, last_seen)`` inside a window, from each supporting
    document's ``(published date, pieces of evidence)``; ``None`` when no evidence is inside.

    >>> link_window([(dt.date(2024, 1, 1), 2), (None, 1)], None, None)
    (3, datetime.date(2024, 1, 1), datetime.date(2024, 1, 1))
    >>> link_window([(None, 1)], dt.date(2024, 1, 1), None) is None
    True
    """
    weight = 0
    first = last = None
    for day, count in documents:
        if not in_window(day, since, until):
            continue
        weight += count
        if day is not None:
            first = day if first is None or day < first else first
            last = day if last is None or day > last else last
    return None if weight == 0 else (weight, first, last)


def links(
    relations: Iterable[Relation],
    agreements: Iterable[Agreement],
    published: Callable[[str], dt.date | None],
    types: frozenset[RelationType] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Link]:
    """The projected edges of merged facts (see :class:`qkg.schemas.Link`), in
    :func:`link_order`: one per relation and one per pair of an agreement's parties
    (``PARTY_TO``), of ``types`` (all when ``None``), weighed by their evidence inside the
    window; ``published`` gives a document's publication date."""
    out: list[Link] = []

    def seen(evidence: Iterable[Evidence]) -> tuple[int, dt.date | None, dt.date | None] | None:
        counts: dict[str, int] = {}
        for e in evidence:
            counts[e.document_id] = counts.get(e.document_id, 0) + 1
        return link_window(((published(d), n) for d, n in counts.items()), since, until)

    for r in relations:
        if types is not None and r.type not in types:
            continue
        window = seen(r.evidence)
        if window is not None:
            out.append(
                Link.model_construct(
                    source=r.source, target=r.target, type=r.type, agreement=None,
                    weight=window[0], first_seen=window[1], last_seen=window[2],
                )
            )  # fmt: skip
    if types is None or RelationType.PARTY_TO in types:
        for a in agreements:
            window = seen(a.evidence)
            if window is None:
                continue
            for p, q in combinations(sorted(a.parties), 2):
                out.append(
                    Link.model_construct(
                        source=p, target=q, type=RelationType.PARTY_TO, agreement=a.id,
                        weight=window[0], first_seen=window[1], last_seen=window[2],
                    )
                )  # fmt: skip
    out.sort(key=link_order)
    return out


# -- whole graphs ------------------------------------------------------------------------------


@dataclass
class Merged:
    """Some documents merged in memory (:func:`merge_deltas`): the facts by id or key, as a
    store holding only these documents answers them, and each document's publication date."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], Relation] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    published: dict[str, dt.date | None] = field(default_factory=dict)


def merge_deltas(deltas: Iterable[KnowledgeGraph]) -> Merged:
    """Merge documents' deltas (one per document id; a later one with the same id replaces
    the earlier) by the rules above, in memory.

    >>> merge_deltas([]).entities
    {}
    """
    by_id = {d.document.id: d for d in deltas}
    ent: dict[str, dict[str, Entity]] = {}
    rel: dict[tuple[str, str, str], dict[str, Relation]] = {}
    agr: dict[str, dict[str, Agreement]] = {}
    goal: dict[str, dict[str, Goal]] = {}
    for doc_id, d in by_id.items():
        for e in d.entities:
            ent.setdefault(e.id, {})[doc_id] = e
        for r in d.relations:
            rel.setdefault(r.key, {})[doc_id] = r
        for a in d.agreements:
            agr.setdefault(a.id, {})[doc_id] = a
        for g in d.goals:
            goal.setdefault(g.id, {})[doc_id] = g
    return Merged(
        {k: merge_entity(p) for k, p in ent.items()},
        {k: merge_relation(p) for k, p in rel.items()},
        {k: merge_agreement(p) for k, p in agr.items()},
        {k: merge_goal(p) for k, p in goal.items()},
        {doc_id: d.document.published for doc_id, d in by_id.items()},
    )


# -- digests and the version -------------------------------------------------------------------


def delta_digest(delta: KnowledgeGraph) -> str:
    """SHA-256 of a delta's canonical JSON, independent of the order of its collections: two
    deltas with the same digest contribute exactly the same facts, so re-upserting one is a
    no-op. For a delta already canonical (:func:`qkg.schemas.rdf.canonical_delta`),
    :func:`canonical_digest` skips the reordering."""
    return canonical_json(delta)[0]


def canonical_json(delta: KnowledgeGraph) -> tuple[str, str]:
    """A delta's :func:`delta_digest` and the canonical JSON it is the digest of, made once
    (a store that keeps the canonical delta needs both)."""
    from qkg.schemas.rdf import canonical_delta

    text = canonical_delta(delta).model_dump_json()
    return hashlib.sha256(text.encode()).hexdigest(), text


def canonical_digest(canonical: KnowledgeGraph) -> str:
    """SHA-256 of an already canonical delta's JSON (see :func:`delta_digest`)."""
    return hashlib.sha256(canonical.model_dump_json().encode()).hexdigest()


def document_token(document_id: str, digest: str) -> int:
    """One document's share of the version (128 bits of SHA-256 of ``id:digest``)."""
    return int.from_bytes(hashlib.sha256(f"{document_id}:{digest}".encode()).digest()[:16], "big")


@dataclass(slots=True)
class Version:
    """The graph's version: the number of documents and the XOR of their tokens, written
    ``"<count>-<32 hex digits>"``. Adding then removing a document restores it.

    >>> v = Version()
    >>> v.add("d1", "abc"); v.add("d2", "def"); v.remove("d1", "abc")
    >>> str(v) == str(Version.of([("d2", "def")]))
    True
    """

    count: int = 0
    acc: int = 0

    def add(self, document_id: str, digest: str) -> None:
        self.count += 1
        self.acc ^= document_token(document_id, digest)

    def remove(self, document_id: str, digest: str) -> None:
        self.count -= 1
        self.acc ^= document_token(document_id, digest)

    def __str__(self) -> str:
        return f"{self.count}-{self.acc:032x}"

    @classmethod
    def of(cls, documents: Iterable[tuple[str, str]]) -> Version:
        """The version of a graph of these ``(document id, digest)`` pairs."""
        v = cls()
        for document_id, digest in documents:
            v.add(document_id, digest)
        return v

    @classmethod
    def parse(cls, text: str | None) -> Version:
        """Back from :meth:`__str__` (an empty graph for ``None`` or "")."""
        if not text:
            return cls()
        count, _, acc = text.partition("-")
        return cls(int(count), int(acc, 16))


# -- record time: the ledger -------------------------------------------------------------------
#
# Valid time (``asOf``) asks what the documents say held on a date; record time (``knownAt``)
# asks what the graph held at a moment. Each store keeps a *ledger*: one row per version of a
# document it recorded (document id, digest, the store's clock at the write, the facts it
# states) and, once the document is removed or replaced, the moment of its retraction; the
# retracted version's delta is kept beside its row, never erased. From the rows alone:
#
# - a document version is **held at** a moment when it was recorded at or before it and not
#   retracted at or before it (:meth:`LedgerRow.held_at`); the graph held at a moment is the
#   merge (by the rules above) of the versions held then;
# - a fact is **known** over the union of its supporting versions' held intervals;
# - the **change feed** lists, event by event (a recording or a retraction, in the order the
#   store made them), each fact the document version states: ADDED when it is recorded,
#   RETRACTED when it is retracted, with the document, the moment and the graph version
#   right after the event (:func:`ledger_changes`); ``since`` is such a version or a moment
#   (:func:`ledger_cut`).


def fact_keys(delta: KnowledgeGraph) -> tuple[str, ...]:
    """The facts a document states, as the ledger keeps them: ``"R\\t<source>\\t<type>\\t<target>"``
    per relation and ``"A\\t<agreement id>\\t<party>..."`` per agreement, sorted.

    >>> from qkg.schemas import Document, KnowledgeGraph
    >>> d = Document.from_text("x")
    >>> ev = Evidence(document_id=d.id, sentence="x", start=0, end=1, rule="r")
    >>> r = Relation(source="a", type=RelationType.PARTNERS_WITH, target="b", evidence=[ev])
    >>> fact_keys(KnowledgeGraph.model_construct(document=d, relations=[r], agreements=[]))
    ('R\\ta\\tPARTNERS_WITH\\tb',)
    """
    out = {f"R\t{r.source}\t{r.type.value}\t{r.target}" for r in delta.relations}
    out |= {"\t".join(("A", a.id, *sorted(a.parties))) for a in delta.agreements}
    return tuple(sorted(out))


def fact_of(key: str) -> tuple[str, str, str, str | None]:
    """A ledger fact key back to ``(source, type, target, agreement)``; an agreement's key
    gives ``("", "PARTY_TO", "", id)``.

    >>> fact_of("R\\ta\\tPARTNERS_WITH\\tb"), fact_of("A\\tag1\\ta\\tb")
    (('a', 'PARTNERS_WITH', 'b', None), ('', 'PARTY_TO', '', 'ag1'))
    """
    kind, *rest = key.split("\t")
    if kind == "A":
        return ("", RelationType.PARTY_TO.value, "", rest[0])
    return (rest[0], rest[1], rest[2], None)


def record_time(moment: dt.datetime) -> dt.datetime:
    """A moment as the ledger keeps it: timezone-aware UTC, to the microsecond (a naive
    moment is taken as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def record_text(moment: dt.datetime) -> str:
    """A ledger moment as fixed-width ISO text, so text order is time order (Neo4j and RDF
    keep it so).

    >>> record_text(dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    '2026-01-02T03:04:05.000000+00:00'
    """
    return record_time(moment).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One recorded version of a document: its id and digest, the event number (``seq``,
    the store's order of writes), moment and graph version right after it was recorded, the
    facts it states (:func:`fact_keys`), and the same for its retraction (``None`` while held)."""

    document_id: str
    digest: str
    seq: int
    recorded: dt.datetime
    version: str
    facts: tuple[str, ...]
    retracted_seq: int | None = None
    retracted: dt.datetime | None = None
    retracted_version: str | None = None

    def held_at(self, moment: dt.datetime) -> bool:
        """Whether the graph held this version at ``moment``."""
        return self.recorded <= moment and (self.retracted is None or moment < self.retracted)

    def retract(self, seq: int, moment: dt.datetime, version: str) -> LedgerRow:
        """This row, retracted by event ``seq`` at ``moment`` (leaving the graph at ``version``)."""
        return LedgerRow(
            self.document_id, self.digest, self.seq, self.recorded, self.version, self.facts,
            seq, moment, version,
        )  # fmt: skip


class Change(NamedTuple):
    """One line of the change feed: ``kind`` ADDED or RETRACTED, the fact (:func:`fact_keys`),
    the document version whose recording or retraction caused it, the moment, the event
    number and the graph version right after the event. Immutable; a named tuple, since a
    whole feed makes thousands of them (a frozen dataclass took five times longer to make)."""

    seq: int
    at: dt.datetime
    kind: str
    fact: str
    document_id: str
    digest: str
    version: str


def is_version(text: str) -> bool:
    """Whether ``since`` text is a graph version (else it is read as a moment)."""
    return _VERSION_RE.fullmatch(text.strip()) is not None


def ledger_cut(rows: Iterable[LedgerRow], since: str) -> int:
    """The event number after which changes are asked: ``since`` is a graph version
    (``stats { graphVersion }``: the latest event that left the graph at that version; the
    empty graph's version: before every event) or an ISO moment (events after it; a naive
    one is UTC). An unknown version or unreadable text raises ValueError.

    >>> row = LedgerRow("d", "x", 1, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "1-ab", ())
    >>> ledger_cut([row], "1-ab"), ledger_cut([row], "2025-12-31T00:00:00Z"), ledger_cut([row], "0-0")
    (1, 0, 0)
    """
    rows = list(rows)
    text = since.strip()
    if _VERSION_RE.fullmatch(text):
        empty = Version.parse(text)
        cut = -1
        for r in rows:
            if r.version == text:
                cut = max(cut, r.seq)
            if r.retracted_version == text and r.retracted_seq is not None:
                cut = max(cut, r.retracted_seq)
        if cut >= 0:
            return cut
        if empty.count == 0 and empty.acc == 0:
            return 0
        raise ValueError(f"{since!r} is not a version this graph has had (see stats {{ graphVersion }})")
    moment = _moment(since)
    events = [r.seq for r in rows if r.recorded <= moment]
    events += [
        r.retracted_seq for r in rows if r.retracted is not None and r.retracted <= moment and r.retracted_seq
    ]
    return max(events, default=0)


_VERSION_RE = re.compile(r"[0-9]+-[0-9a-f]+")


def _moment(since: str) -> dt.datetime:
    """``since`` read as an ISO moment (naive: UTC), else ValueError saying what it may be."""
    try:
        return record_time(dt.datetime.fromisoformat(since.strip().replace("Z", "+00:00")))
    except ValueError:
        raise ValueError(
            f"since must be a graph version (stats {{ graphVersion }}) or an ISO date-time, got {since!r}"
        ) from None


#: One event of the ledger as the change feed reads it: its number, moment, whether a
#: retraction, the facts of the document version, the document id and digest, and the graph
#: version right after it.
Event = tuple[int, dt.datetime, bool, Sequence[str], str, str, str]


def ledger_changes(rows: Iterable[LedgerRow], after: int) -> list[Change]:
    """Every change after event ``after``, in event order, then fact order: a recording
    ADDS each fact its version states, a retraction RETRACTS them. Each event is one row's,
    so the events are put in order and each one's facts in order (no sort of every change)."""
    events: list[Event] = []
    for r in rows:
        if r.seq > after:
            events.append((r.seq, r.recorded, False, r.facts, r.document_id, r.digest, r.version))
        if r.retracted_seq is not None and r.retracted_seq > after:
            assert r.retracted is not None
            assert r.retracted_version is not None
            events.append(
                (r.retracted_seq, r.retracted, True, r.facts, r.document_id, r.digest, r.retracted_version)
            )
    events.sort(key=lambda e: e[0])
    return event_changes(events)


def event_changes(events: Iterable[Event]) -> list[Change]:
    """The changes of these events, given in event order: each event's facts in fact order,
    ADDED for a recording, RETRACTED for a retraction (two events of one number, which only a
    concurrent write can leave, are ordered as :func:`ledger_changes` orders them: by fact)."""
    out: list[Change] = []
    last, twice = None, False
    for seq, at, gone, facts, document, digest, version in events:
        twice = twice or seq == last
        last = seq
        kind = "RETRACTED" if gone else "ADDED"
        out += [Change(seq, at, kind, f, document, digest, version) for f in sorted(facts)]
    if twice:  # two rows claim one event: order as written
        out.sort(key=lambda c: (c.seq, c.fact))
    return out


def held_rows(rows: Iterable[LedgerRow], moment: dt.datetime) -> list[LedgerRow]:
    """The document versions the graph held at ``moment``, by document id."""
    return sorted((r for r in rows if r.held_at(moment)), key=lambda r: r.document_id)


def fact_history(rows: Iterable[LedgerRow], wanted: Callable[[str], bool]) -> list[Change]:
    """Every change of the facts ``wanted`` selects, oldest first (what ``qkg history`` prints)."""
    return [c for c in ledger_changes(rows, 0) if wanted(c.fact)]


class Ledger:
    """A store's ledger in memory: the rows by event and each document's held row. A store's
    write asks :meth:`write` for the rows it makes (retractions first, then recordings, each
    its own event with the graph version right after it), persists them in the write's own
    transaction and, once that succeeded, :meth:`commit` s them here."""

    def __init__(self, rows: Iterable[LedgerRow] = ()) -> None:
        self.rows: dict[int, LedgerRow] = {}  # by recording event
        self.open: dict[str, int] = {}  # document id -> its held row's event
        self.next_seq = 1
        # every event (a recording or a retraction) in order, with its moment and its row;
        # per graph version, the last event that left the graph at it: what `changes` reads
        self._events: list[int] = []
        self._moments: dict[int, dt.datetime] = {}
        self._event_row: dict[int, int] = {}
        self._version_at: dict[str, int] = {}
        self.commit(rows)

    def commit(self, rows: Iterable[LedgerRow]) -> None:
        for row in rows:
            self.rows[row.seq] = row
            self.next_seq = max(self.next_seq, row.seq + 1, (row.retracted_seq or 0) + 1)
            self._event(row.seq, row.recorded, row.seq, row.version)
            if row.retracted is None:
                self.open[row.document_id] = row.seq
            else:
                assert row.retracted_seq is not None
                assert row.retracted_version is not None
                self._event(row.retracted_seq, row.retracted, row.seq, row.retracted_version)
                if self.open.get(row.document_id) == row.seq:
                    del self.open[row.document_id]

    def _event(self, seq: int, moment: dt.datetime, row: int, version: str) -> None:
        if seq in self._event_row:
            return
        if not self._events or seq > self._events[-1]:
            self._events.append(seq)
        else:
            bisect.insort(self._events, seq)
        self._moments[seq] = moment
        self._event_row[seq] = row
        self._version_at[version] = max(seq, self._version_at.get(version, 0))

    def changes(self, since: str) -> list[Change]:
        """:func:`ledger_changes` after :func:`ledger_cut` of every row, read from the event
        index: a version is one lookup and the rows after the cut are a bisection away, so
        the cost follows the changes asked, not the ledger's length."""
        text = since.strip()
        if is_version(text):
            cut = self._version_at.get(text)
            if cut is None:
                cut = ledger_cut([], since)  # the empty graph's version: before every event; else raises
        else:
            moment = _moment(since)
            cut = max((e for e in self._events if self._moments[e] <= moment), default=0)
        after = self._events[bisect.bisect_right(self._events, cut) :]
        rows = sorted({self._event_row[e] for e in after})
        return ledger_changes([self.rows[r] for r in rows], cut)

    def held(self, document_id: str) -> LedgerRow | None:
        seq = self.open.get(document_id)
        return None if seq is None else self.rows[seq]

    def write(
        self,
        moment: dt.datetime,
        version: str,
        removed: Iterable[tuple[str, str]] = (),
        added: Iterable[tuple[str, str, tuple[str, ...]]] = (),
    ) -> list[LedgerRow]:
        """The rows of one write at ``moment`` on a graph at ``version``: the retraction of
        each of ``removed`` ``(document id, digest)`` (one the ledger does not hold leaves
        no row) and the recording of each of ``added`` ``(document id, digest, facts)``.
        Nothing changes here until :meth:`commit`."""
        v = Version.parse(version)
        seq = self.next_seq
        at = record_time(moment)
        out: list[LedgerRow] = []
        for d, digest in removed:
            v.remove(d, digest)
            held = self.held(d)
            if held is None:
                continue
            out.append(held.retract(seq, at, str(v)))
            seq += 1
        for d, digest, facts in added:
            v.add(d, digest)
            out.append(LedgerRow(d, digest, seq, at, str(v), facts))
            seq += 1
        return out

    def all(self) -> list[LedgerRow]:
        return [self.rows[k] for k in sorted(self.rows)]
