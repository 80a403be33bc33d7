"""Record time, written once over any store's ledger: what the graph held at a moment
(``knownAt``), and the history of an actor's facts.

A store keeps a ledger (:class:`qkg.graph.merge.LedgerRow` per recorded document version,
with its retraction) and the deltas of retracted versions (:meth:`ledger` and
:meth:`ledger_deltas` on both stores). The graph held at a moment is the merge, by the rules
of :mod:`qkg.graph.merge`, of the document versions held then (:func:`qkg.graph.merge.held_rows`):
:func:`known_at` builds it as a read-only in-memory reader (:class:`KnownView`, over the
embedded store's index structure), on which every read (relations, steps, paths, the
collaborator walk) runs unchanged. Both stores give it the same rows and the same deltas, so
they answer identically by construction. When the moment holds exactly what the store holds
now, the store itself answers.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from qkg.schemas import (
    Agreement,
    AgreementKind,
    DocumentInfo,
    Entity,
    EntityFilter,
    Goal,
    KnowledgeGraph,
    LimitExceeded,
    Link,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
)

from .merge import AsOf, Change, LedgerRow, fact_of, held_rows, ledger_changes, record_time
from .reading import ReaderOperations

if TYPE_CHECKING:
    from .embedded.index import GraphIndex
    from .store import GraphReader, RelKey, Step

__all__ = ["KnownView", "Recorded", "history", "known_at", "touches"]


class Recorded(Protocol):
    """What a store with record time provides (both stores do)."""

    def ledger(self) -> list[LedgerRow]: ...

    def ledger_deltas(self, rows: Sequence[LedgerRow]) -> dict[int, KnowledgeGraph]: ...


class KnownView(ReaderOperations):
    """A read-only :class:`~qkg.graph.store.GraphReader` of the document versions held at
    ``moment``; the documents' deltas as they were recorded."""

    def __init__(
        self,
        moment: dt.datetime,
        deltas: Iterable[tuple[KnowledgeGraph, str]],
        *,
        retracted: Iterable[str] = (),
        live: GraphReader | None = None,
    ) -> None:
        from .embedded.index import GraphIndex

        self.moment = moment
        self._idx: GraphIndex = GraphIndex()
        #: The retracted versions' deltas (the held ones are ``live``'s, text included).
        self._deltas: dict[str, KnowledgeGraph] = {}
        self._live = live
        gone = set(retracted)
        for delta, digest in deltas:
            self._idx.add(delta, digest)
            if delta.document.id in gone or live is None:
                self._deltas[delta.document.id] = delta
        self._idx.warm()
        self._mutex = threading.Lock()

    @property
    def kind(self) -> str:
        return "known"

    @property
    def version(self) -> str:
        return self._idx.version

    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        with self._mutex:
            return self._idx.entities_by_id(ids)

    def find_entities(self, name: str) -> list[Entity]:
        with self._mutex:
            return self._idx.find_entities(name)

    def entities(
        self, filter: EntityFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Entity]:
        with self._mutex:
            return self._idx.entities(filter, limit, offset)

    def count_entities(self, filter: EntityFilter | None = None) -> int:
        with self._mutex:
            return self._idx.count_entities(filter)

    def relations(
        self,
        entity_id: str | None = None,
        filter: RelationFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Relation]:
        with self._mutex:
            return self._idx.relations(entity_id, filter, limit, offset)

    def relations_of(
        self, entity_ids: Sequence[str], filter: RelationFilter | None = None
    ) -> dict[str, list[Relation]]:
        with self._mutex:
            return self._idx.relations_of(entity_ids, filter)

    def relations_by_key(
        self, keys: Iterable[RelKey], *, asked: AsOf | None = None
    ) -> dict[RelKey, Relation]:
        with self._mutex:
            return self._idx.relations_by_key(keys, asked)

    def agreements(
        self,
        *,
        party: str | None = None,
        kind: AgreementKind | None = None,
        since: str | None = None,
        until: str | None = None,
        document_id: str | None = None,
        as_of: dt.date | None = None,
    ) -> list[Agreement]:
        with self._mutex:
            return self._idx.agreements(party, kind, since, until, document_id, as_of)

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        with self._mutex:
            return self._idx.agreements_of(party_ids)

    def agreements_by_id(self, ids: Sequence[str], *, asked: AsOf | None = None) -> dict[str, Agreement]:
        with self._mutex:
            return self._idx.agreements_by_id(ids, asked)

    def goals(self, owner: str | None = None) -> list[Goal]:
        with self._mutex:
            return self._idx.goals(owner)

    def documents(self) -> list[DocumentInfo]:
        with self._mutex:
            return self._idx.documents()

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]:
        with self._mutex:
            return self._idx.documents_by_id(ids)

    def delta(self, document_id: str) -> KnowledgeGraph:
        found = self._deltas.get(document_id)
        if found is not None:
            return found
        if self._live is None or self._idx.digest_of(document_id) is None:
            raise NotFound("document", document_id)
        return self._live.delta(document_id)

    def deltas(self) -> Iterator[KnowledgeGraph]:
        for d in self.documents():
            yield self.delta(d.id)

    def links(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Link]:
        with self._mutex:
            return iter(self._idx.links(types, since, until))

    def steps(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None = None
    ) -> dict[str, list[Step]]:
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        with self._mutex:
            return self._idx.steps(nodes, wanted)

    def steps_as_of(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None, asked: AsOf | None
    ) -> dict[str, list[Step]]:
        if asked is None:
            return self.steps(nodes, types)
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        with self._mutex:
            return self._idx.steps_as_of(nodes, wanted, asked)

    def stats(self) -> Stats:
        with self._mutex:
            return self._idx.stats()

    # a view of the past keeps no ledger of its own
    def ledger(self) -> list[LedgerRow]:
        return []

    def ledger_deltas(self, rows: Sequence[LedgerRow]) -> dict[int, KnowledgeGraph]:
        return {}

    def changes(self, since: str) -> list[Change]:
        return []


#: Views built lately, per store: (store id, store version, held rows) -> view. A few only:
#: a view holds a whole graph.
_VIEWS: OrderedDict[tuple[int, str, tuple[int, ...]], KnownView] = OrderedDict()
_VIEWS_LOCK = threading.Lock()
_VIEWS_KEPT = 2


def known_at(store: Recorded, moment: dt.datetime, *, max_documents: int | None = None) -> GraphReader:
    """What ``store`` held at ``moment`` (a naive moment is UTC): the store itself when it
    held then exactly what it holds now, else a :class:`KnownView` of the versions held then
    (built once per moment and version, a few kept). ``max_documents``: a view not built yet
    of more documents than this raises :class:`~qkg.schemas.LimitExceeded` (a view costs
    about a millisecond per document)."""
    at = record_time(moment)
    rows = store.ledger()
    held = held_rows(rows, at)
    now = {r.seq for r in rows if r.retracted is None}
    if {r.seq for r in held} == now:
        return store  # type: ignore[return-value]
    key = (id(store), getattr(store, "version", ""), tuple(r.seq for r in held))
    with _VIEWS_LOCK:
        found = _VIEWS.get(key)
        if found is not None:
            _VIEWS.move_to_end(key)
            return found
    deltas = store.ledger_deltas(held)
    if max_documents is not None and len(held) > max_documents:
        raise LimitExceeded(
            f"knownAt rebuilds the graph of that moment, which held {len(held):,} documents: more than "
            f"the {max_documents:,} allowed (QKG_MAX_KNOWN_AT_DOCUMENTS)"
        )
    view = KnownView(
        at,
        ((deltas[r.seq], r.digest) for r in held if r.seq in deltas),
        retracted=[r.document_id for r in held if r.retracted is not None],
        live=store,  # type: ignore[arg-type]
    )
    with _VIEWS_LOCK:
        _VIEWS[key] = view
        while len(_VIEWS) > _VIEWS_KEPT:
            _VIEWS.popitem(last=False)
    return view


def touches(fact: str, entity_id: str) -> bool:
    """Whether a ledger fact key (:func:`qkg.graph.merge.fact_keys`) involves ``entity_id``:
    a relation at either end, an agreement among its parties."""
    parts = fact.split("\t")
    return entity_id in parts[1:] if parts[0] == "R" else entity_id in parts[2:]


def history(store: Recorded, entity_id: str) -> list[Change]:
    """When each fact involving ``entity_id`` was added and retracted, oldest first."""
    return [c for c in ledger_changes(store.ledger(), 0) if touches(c.fact, entity_id)]


def describe(fact: str) -> str:
    """A ledger fact key for people: ``"a PARTNERS_WITH b"`` or ``"agreement <id>"``."""
    source, kind, target, agreement = fact_of(fact)
    return f"agreement {agreement}" if agreement is not None else f"{source} {kind} {target}"
