"""The store contract: :class:`GraphReader` (read primitives), :class:`GraphWriter`
(writes, with a default :meth:`~GraphWriter.upsert_many`) and :class:`GraphStore`, both with
a lifecycle, which every store implements identically. What can be written over the read
primitives (one entity or agreement, a document's view, paths, the networkx projection) is
written once in :mod:`qkg.graph.reading`, which the stores inherit.

Two implementations: :mod:`qkg.graph.embedded` (on-disk RDF quad store, the default) and
:mod:`qkg.graph.neo4j` (a Neo4j server over Bolt). Loaders write to either and the API
reads from either without knowing which; one contract test suite
(``tests/graph/test_contract.py``) runs on both and checks they answer identically.

Ordering rules (the same on every store):

- entities: by ``(normalise_name(name), id)``;
- relations: by ``(source, type, target)``; evidence inside a relation, agreement or goal
  by ``(document_id, start, end, rule)``;
- agreements: by ``(date is None, date, id)``; goals: by ``(target_year is None, target_year, id)``;
- documents: by ``(published is None, published, id)``;
- paths: by length, then by the sequence of node ids, then by the hop types.

Merging across documents: one entity may be described by several documents. Its
``aliases`` are the sorted union; ``external_ids`` the union, where on a conflict the value
from the lexicographically smallest document id wins; ``name``, ``type``, ``country`` and
``description`` likewise come from the smallest document id. A relation seen in several
documents is one relation whose evidence is the union; its confidence is the maximum.
Agreements and goals merge the same way (evidence union; other fields from the smallest
document id, topics as the sorted union).

Pinned by the contract suite (``tests/graph/test_contract.py``): a merged relation's
``valid_from`` is the earliest and ``valid_to`` the latest any document gives;
``relations(None, f)`` ignores ``f.direction`` and keeps a relation when either end has one
of ``f.entity_types``; ``links`` with a time window count only the evidence inside it
(``weight``, ``first_seen``, ``last_seen``); ``paths`` uses :mod:`qkg.graph.paths` on both
stores (same node at both ends: one path of length 0; caps checked before ids).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol, runtime_checkable

from qkg.schemas import (
    Agreement,
    AgreementKind,
    DocumentInfo,
    Entity,
    EntityFilter,
    Goal,
    KnowledgeGraph,
    Link,
    Path,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
    UpsertResult,
)

if TYPE_CHECKING:
    import networkx as nx

    from qkg.schemas import Document

    from .merge import AsOf, Change, LedgerRow

__all__ = [
    "COLLABORATION",
    "MAX_PATHS",
    "MAX_PATH_HOPS",
    "OPTIONAL_PROTOCOLS",
    "CollaboratorWalker",
    "GraphReader",
    "GraphStore",
    "GraphWriter",
    "LinkReader",
    "NameFinder",
    "RelKey",
    "Step",
    "Vias",
    "Walked",
    "health_report",
    "protocol_methods",
    "step_order",
]

#: The default collaboration projection (the API's ``via``): partnerships plus co-parties of
#: agreements.
COLLABORATION: tuple[RelationType, ...] = (RelationType.PARTNERS_WITH, RelationType.PARTY_TO)

#: Hard caps on path queries, whatever a caller asks.
MAX_PATH_HOPS = 6
MAX_PATHS = 100

#: One step leaving a node: ``(neighbour, type, agreement id or None, reversed)``. A relation
#: step has no agreement and is ``reversed`` when it walks a directed relation backwards; a
#: co-party step has type ``PARTY_TO`` and the agreement's id.
Step = tuple[str, RelationType, str | None, bool]


def step_order(s: Step) -> tuple[str, str, str, bool]:
    """The order of a node's steps: ``(neighbour, type, agreement or "", reversed)``."""
    return (s[0], s[1].value, s[2] or "", s[3])


#: A relation's identity, :attr:`qkg.schemas.Relation.key`: ``(source, type value, target)``.
RelKey = tuple[str, str, str]
#: The relation types a walk goes over (None: every type).
Vias = Iterable[RelationType] | None


class Walked(NamedTuple):
    """A collaborator walk a store answered itself (:class:`CollaboratorWalker`)."""

    #: Per root asked and known: (actors reached at each distance, the rows shown), a row
    #: being (actor, distance, links from actors one hop nearer, those steps as
    #: ``(nearer actor, type, agreement or None, reversed)``).
    found: dict[
        str, tuple[list[int], list[tuple[str, int, int, list[tuple[str, RelationType, str | None, bool]]]]]
    ]
    #: The actors shown and the nearer ends of the steps whose facts are given.
    entities: dict[str, Entity]
    #: The relations and agreements behind the first steps of each row (as many as asked).
    relations: dict[RelKey, Relation]
    agreements: dict[str, Agreement]
    #: Roots of a timed walk the store could not decide alone (a step that needs the full
    #: rule): not in ``found``, the caller walks them over :meth:`GraphReader.steps_as_of`.
    open: frozenset[str] = frozenset()


@runtime_checkable
class NameFinder(Protocol):
    """A store that looks up several names in one call (Neo4j: one statement for the lot, where
    :meth:`GraphReader.find_entities` is a statement each). Optional: callers loop otherwise."""

    def find_entities_named(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        """For each of ``names``, what :meth:`GraphReader.find_entities` answers (same order)."""
        ...


@runtime_checkable
class CollaboratorWalker(Protocol):
    """A store that answers a whole collaborator walk (to depth 2) in one call: Neo4j in one
    round trip. Optional: the API walks over :meth:`GraphReader.steps` otherwise."""

    def collaborator_walk(
        self, roots: Sequence[str], depth: int, types: Vias, first: int, links: int, asked: AsOf | None
    ) -> Walked:
        """The walk of :func:`qkg.api.walk.walk` from each root to ``depth`` (1 or 2) over
        ``types``: the first ``first`` actors by distance, then links (descending), then id,
        each with every step reaching it from a nearer actor (sorted by nearer actor, type,
        agreement, reversed), and the facts and nearer actors of the first ``links`` steps.
        ``asked``: only over the steps that hold as of its day with its support, the facts as
        of that day (:meth:`GraphReader.relations_by_key`); a root the store cannot decide
        alone is left in :attr:`Walked.open`."""
        ...


@runtime_checkable
class LinkReader(Protocol):
    """A store that reads relations by key and actors by id in one call (Neo4j: one round
    trip): a path's hops and the actors on it. Optional, like :class:`CollaboratorWalker`."""

    def relations_and_entities(
        self, keys: Iterable[RelKey], ids: Sequence[str]
    ) -> tuple[dict[RelKey, Relation], dict[str, Entity]]:
        """``(relations_by_key(keys), entities_by_id(ids))``."""
        ...


#: The optional protocols a store may add to :class:`GraphStore` for speed; a caller checks
#: with ``isinstance`` and falls back to the read primitives. A wrapper (instrumentation)
#: forwards exactly those its store has, so the check says the truth through it too.
OPTIONAL_PROTOCOLS: tuple[type, ...] = (NameFinder, CollaboratorWalker, LinkReader)


@runtime_checkable
class GraphReader(Protocol):
    """The read primitives every store provides, and all that the store-neutral operations
    (:mod:`qkg.graph.reading`: paths, the projection, a document's view) need. All methods
    are synchronous; results are plain ``qkg.schemas`` models in the deterministic order
    described in the module docstring. Unknown ids raise :class:`qkg.schemas.NotFound`;
    batch methods (``*_by_id``, ``*_of``) omit unknown ids instead.
    """

    @property
    def version(self) -> str:
        """Changes whenever the graph changes (upsert or remove); used to key caches."""
        ...

    # -- entities ----------------------------------------------------------------------
    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]: ...

    def find_entities(self, name: str) -> list[Entity]:
        """Entities whose name or an alias equals ``name`` (case- and accent-insensitive)."""
        ...

    def entities(
        self, filter: EntityFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Entity]: ...

    def count_entities(self, filter: EntityFilter | None = None) -> int: ...

    # -- relations ---------------------------------------------------------------------
    def relations(
        self,
        entity_id: str | None = None,
        filter: RelationFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Relation]:
        """Relations touching ``entity_id`` (all relations when ``None``), filtered."""
        ...

    def relations_of(
        self, entity_ids: Sequence[str], filter: RelationFilter | None = None
    ) -> dict[str, list[Relation]]:
        """Batch form of :meth:`relations` for many entities in one call (DataLoaders)."""
        ...

    def relations_by_key(
        self, keys: Iterable[RelKey], *, asked: AsOf | None = None
    ) -> dict[RelKey, Relation]:
        """The relations with these keys (``Relation.key``), in one call; unknown keys omitted.
        ``asked``: each as of its day and with its support (:func:`qkg.graph.merge.relation_view`),
        those that do not hold omitted."""
        ...

    # -- agreements and goals ----------------------------------------------------------
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
        """Agreements, filtered. ``since``/``until`` are (partial) ISO dates compared on the
        agreement's own date as a string prefix range; undated agreements never match.
        ``as_of``: only those in force on that date, each as the documents published by then
        give it, with its life as of then (:func:`qkg.graph.merge.agreement_view`); the other
        conditions apply to that view."""
        ...

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]: ...

    def agreements_by_id(self, ids: Sequence[str], *, asked: AsOf | None = None) -> dict[str, Agreement]:
        """The agreements with these ids, in one call; unknown ids omitted. ``asked``: each as
        of its day and with its support (:func:`qkg.graph.merge.agreement_view`), those that
        do not hold omitted."""
        ...

    def goals(self, owner: str | None = None) -> list[Goal]: ...

    # -- documents ---------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]: ...

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]: ...

    def delta(self, document_id: str) -> KnowledgeGraph:
        """Exactly what one document contributed, as it was upserted (for export and sync)."""
        ...

    def deltas(self) -> Iterator[KnowledgeGraph]:
        """Every document's delta, in document order (for export and sync)."""
        ...

    # -- traversal and analytics -------------------------------------------------------
    def links(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Link]:
        """Every projected edge (see :class:`qkg.schemas.Link`), in (source, type, target,
        agreement) order. ``PARTY_TO`` in ``types`` selects agreement co-party links."""
        ...

    def steps(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None = None
    ) -> dict[str, list[Step]]:
        """Every step leaving each node asked (an unknown node has none), over relations of
        ``types`` in either direction and, when ``PARTY_TO`` is among them (or ``types`` is
        ``None``), to each co-party of each agreement. Light: ids and types, no evidence; one
        call for a whole frontier. Sorted by ``(neighbour, type, agreement or "", reversed)``.
        The neighbour expansion behind :meth:`paths` and the API's collaborator walk."""
        ...

    def steps_as_of(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None, asked: AsOf | None
    ) -> dict[str, list[Step]]:
        """:meth:`steps` that hold as ``asked`` (all when None): the rule of
        :func:`qkg.graph.reading.timed_steps`, which is the default (two keyed calls); the
        embedded store decides it in its index."""
        ...

    def steps_within(
        self,
        nodes: Sequence[str],
        hops: int,
        types: Iterable[RelationType] | None = None,
        *,
        asked: AsOf | None = None,
    ) -> dict[str, list[Step]]:
        """:meth:`steps` of ``nodes`` and of every actor within ``hops`` hops of them, asked
        at once (:func:`qkg.graph.reading.steps_within`): a walk to depth ``hops + 1`` in one
        call, which Neo4j answers in one round trip. ``asked``: only the steps that hold as of
        its day, with its support (:func:`qkg.graph.reading.timed_steps`), level by level."""
        ...

    def stats(self) -> Stats: ...

    # -- record time (qkg.graph.merge's ledger) ------------------------------------------
    def ledger(self) -> list[LedgerRow]:
        """Every recorded document version (:class:`qkg.graph.merge.LedgerRow`), by event:
        when the store recorded it and, once removed or replaced, when it was retracted."""
        ...

    def ledger_deltas(self, rows: Sequence[LedgerRow]) -> dict[int, KnowledgeGraph]:
        """The deltas of these ledger rows by event (a retracted version's as it was recorded)."""
        ...

    def changes(self, since: str) -> list[Change]:
        """Facts added and retracted since a graph version or an ISO moment, in event order
        (:func:`qkg.graph.merge.ledger_changes`); ValueError for a ``since`` it cannot place."""
        ...

    def changes_page(self, since: str, offset: int, first: int) -> tuple[int, list[Change]]:
        """``(len(changes(since)), changes(since)[offset:offset + first])``: a page of the feed
        and its total (:func:`qkg.graph.reading.changes_page`; Neo4j cuts it in its statement)."""
        ...


@runtime_checkable
class GraphWriter(Protocol):
    """The writes: one document (:meth:`upsert`), many (:meth:`upsert_many`, with a default
    that loops), removal, and clearing."""

    # -- writes ------------------------------------------------------------------------
    def upsert(self, delta: KnowledgeGraph) -> UpsertResult:
        """Add one document's contribution, all or nothing.

        The same document twice changes nothing (``changed=False``). A document whose
        ``source`` equals that of a loaded document with a different id replaces it: the
        old version's contribution is removed in the same transaction.
        """
        ...

    def upsert_many(self, deltas: Iterable[KnowledgeGraph]) -> list[UpsertResult]:
        """Upsert many documents: the same results as :meth:`upsert` on each in order. A
        store writes them in bulk where it can (several documents per transaction); this
        default is the loop."""
        return [self.upsert(d) for d in deltas]

    def remove_document(self, document_id: str) -> None:
        """Remove a document and every fact only it supported; shared facts keep their
        other evidence. Entities no longer mentioned by any document disappear."""
        ...

    def clear(self) -> None:
        """Remove everything (used by ``qkg sync`` and tests)."""
        ...


@runtime_checkable
class GraphStore(GraphReader, GraphWriter, Protocol):
    """A knowledge-graph store: a reader and a writer with a lifecycle, plus the
    conveniences written once over the reader (:class:`qkg.graph.reading.ReaderOperations`)."""

    # -- lifecycle ---------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """``"embedded"`` or ``"neo4j"``."""
        ...

    def close(self) -> None:
        """Release files, locks and connections. Idempotent."""
        ...

    def health(self) -> Mapping[str, object]:
        """A small status report for ``/health``, the same keys on every store
        (:func:`health_report`)."""
        ...

    def warm(self) -> None:
        """Load now what the first request would otherwise pay for (the embedded store builds
        its facts file's tables, or decodes its index when it has no valid facts file; Neo4j
        plans the collaborator statements). A server calls it before taking requests."""
        ...

    # -- written once over the reader (qkg.graph.reading) --------------------------------
    def links_as_of(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        asked: AsOf,
    ) -> list[Link]:
        """:meth:`links` of what holds as ``asked`` (:func:`qkg.graph.reading.links_as_of`)."""
        ...

    def known_at(self, moment: dt.datetime, *, max_documents: int | None = None) -> GraphReader:
        """What the store held at ``moment`` (record time: :func:`qkg.graph.known.known_at`):
        the store itself when nothing was recorded or retracted since, else a read-only view
        (LimitExceeded when it would hold more than ``max_documents``)."""
        ...

    def stats_as_of(self, day: dt.date) -> Stats:
        """What the graph holds as of ``day`` (:func:`qkg.graph.reading.stats_as_of`)."""
        ...

    def entity(self, entity_id: str) -> Entity: ...

    def agreement(self, agreement_id: str) -> Agreement: ...

    def document(self, document_id: str) -> Document:
        """The full document including its text."""
        ...

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        types: Iterable[RelationType] | None = None,
        k: int = 10,
        asked: AsOf | None = None,
    ) -> list[Path]:
        """Up to ``k`` shortest simple paths, undirected, over relations and agreement
        co-party links (``PARTY_TO``). ``max_hops`` <= MAX_PATH_HOPS, ``k`` <= MAX_PATHS,
        else :class:`qkg.schemas.LimitExceeded`. No path: an empty list. ``asked``: only over
        relations and agreements that hold as of its day, with its support."""
        ...

    def to_networkx(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> nx.MultiDiGraph:
        """The graph projected for analytics: nodes are entity ids with ``type``, ``name``
        and ``country`` attributes; edges are :meth:`links` with their fields as attributes
        (key = relation type, or the agreement id for co-party links)."""
        ...


def health_report(
    kind: str,
    location: str,
    *,
    documents: int | None = None,
    version: str | None = None,
    error: str | None = None,
    details: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """A store's health report: ``ok`` (no ``error``), ``kind``, ``location`` (data folder or
    URI), ``documents`` and ``version`` (``None`` when the store cannot say), ``error`` and
    store-specific ``details``. Every store answers these keys, so a reader need not know
    which store it has.

    >>> sorted(health_report("embedded", "/data", documents=0, version="0-0"))
    ['details', 'documents', 'error', 'kind', 'location', 'ok', 'version']
    """
    return {
        "ok": error is None,
        "kind": kind,
        "location": location,
        "documents": documents,
        "version": version,
        "error": error,
        "details": dict(details or {}),
    }


def protocol_methods(protocol: type = GraphStore) -> list[str]:
    """The public methods of a store protocol, its bases' included, by name: what a
    wrapper (instrumentation, a test double) forwards to keep up with the contract."""
    names: dict[str, None] = {}
    for cls in reversed(protocol.__mro__):
        if cls is object or cls.__name__ == "Protocol" or cls.__name__ == "Generic":
            continue
        for name, member in vars(cls).items():
            if callable(member) and not name.startswith("_"):
                names[name] = None
    return list(names)
