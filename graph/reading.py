"""The store-neutral reads, written once over a :class:`~qkg.graph.store.GraphReader`'s
primitives: one entity or agreement by id, a document's full view, k shortest paths (over
``steps``) and the networkx projection (over ``entities`` and ``links``).

Every store answers them identically because they are the same code: the stores inherit
:class:`ReaderOperations`, whose methods call these functions with the store itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from qkg.schemas import (
    Agreement,
    Document,
    Entity,
    Link,
    NotFound,
    Path,
    RelationFilter,
    RelationType,
    Stats,
    step_relation_key,
)

from .paths import check_path_limits, k_shortest_paths

if TYPE_CHECKING:  # networkx and numpy load where used: `qkg stats` never needs them
    import networkx as nx

    from .merge import AsOf, Change
    from .store import GraphReader, Step

__all__ = [
    "ReaderOperations",
    "agreement",
    "changes_page",
    "document",
    "entity",
    "links_as_of",
    "paths",
    "stats_as_of",
    "steps_as_of",
    "steps_within",
    "timed_steps",
    "to_networkx",
]


def entity(reader: GraphReader, entity_id: str) -> Entity:
    """The entity with this id, else :class:`~qkg.schemas.NotFound`."""
    found = reader.entities_by_id([entity_id]).get(entity_id)
    if found is None:
        raise NotFound("entity", entity_id)
    return found


def agreement(reader: GraphReader, agreement_id: str) -> Agreement:
    """The agreement with this id, else :class:`~qkg.schemas.NotFound`."""
    found = reader.agreements_by_id([agreement_id]).get(agreement_id)
    if found is None:
        raise NotFound("agreement", agreement_id)
    return found


def document(reader: GraphReader, document_id: str) -> Document:
    """The full document, text included, as it was upserted."""
    return reader.delta(document_id).document


def timed_steps(
    reader: GraphReader, found: Mapping[str, Sequence[Step]], asked: AsOf
) -> dict[str, list[Step]]:
    """``found`` (steps by node) without the steps whose relation or agreement does not hold
    as ``asked`` (in force on its day, with its support): one keyed call for the relations
    and one for the agreements behind them all, whose views decide
    (:meth:`~qkg.graph.store.GraphReader.relations_by_key`). A co-party step holds when both
    ends are parties of the agreement as the documents published by then give it."""
    keys: dict[tuple[str, str, str], None] = {}
    ids: dict[str, None] = {}
    for n, steps in found.items():
        for s in steps:
            if s[2] is None:
                keys[step_relation_key(n, s[1], s[0], s[3])] = None
            else:
                ids[s[2]] = None
    rels = reader.relations_by_key(list(keys), asked=asked) if keys else {}
    ags = reader.agreements_by_id(list(ids), asked=asked) if ids else {}

    def holds(n: str, s: Step) -> bool:
        if s[2] is None:
            return step_relation_key(n, s[1], s[0], s[3]) in rels
        a = ags.get(s[2])
        return a is not None and n in a.parties and s[0] in a.parties

    return {n: [s for s in steps if holds(n, s)] for n, steps in found.items()}


def steps_as_of(
    reader: GraphReader, nodes: Sequence[str], types: Iterable[RelationType] | None, asked: AsOf | None
) -> dict[str, list[Step]]:
    """The reader's :meth:`~qkg.graph.store.GraphReader.steps`, only those that hold as
    ``asked`` (all when None)."""
    found = reader.steps(nodes, types)
    return found if asked is None else timed_steps(reader, found, asked)


def paths(
    reader: GraphReader,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    types: Iterable[RelationType] | None = None,
    k: int = 10,
    asked: AsOf | None = None,
) -> list[Path]:
    """Up to ``k`` shortest simple paths between two known entities (see
    :meth:`qkg.graph.store.GraphStore.paths`): caps checked first, then
    :func:`qkg.graph.paths.k_shortest_paths` over the reader's ``steps``, then, when no
    path was found, the ids (an unknown one raises :class:`~qkg.schemas.NotFound`).
    ``asked``: only over relations and agreements that hold as of its day, with its support
    (:func:`timed_steps`)."""
    check_path_limits(max_hops, k)
    wanted = None if types is None else frozenset(RelationType(t) for t in types)
    if source == target:
        _known(reader, source, target)
    # Both ends' steps come in the first call (each side's first level): one round trip
    # less on a remote store; later levels are asked as the search grows them.
    seen: dict[str, list[Step]] = {}

    def expand(nodes: Sequence[str]) -> Mapping[str, Sequence[Step]]:
        ask = [n for n in nodes if n not in seen]
        if ask:
            extra = [n for n in (source, target) if n not in seen and n not in ask]
            seen.update(reader.steps_as_of([*ask, *extra], wanted, asked))
        return {n: seen.get(n, []) for n in nodes}

    found = k_shortest_paths(expand, source, target, max_hops=max_hops, k=k)
    if not found:  # a path proves both ends exist; no path may mean an unknown id
        _known(reader, source, target)
    return found


def _known(reader: GraphReader, *ids: str) -> None:
    """Raise :class:`~qkg.schemas.NotFound` for the first of ``ids`` the reader does not hold."""
    known = reader.entities_by_id(list(dict.fromkeys(ids)))
    for node in ids:
        if node not in known:
            raise NotFound("entity", node)


def steps_within(
    reader: GraphReader,
    nodes: Sequence[str],
    hops: int,
    types: Iterable[RelationType] | None = None,
    *,
    asked: AsOf | None = None,
) -> dict[str, list[Step]]:
    """The steps (:meth:`~qkg.graph.store.GraphReader.steps`) of each of ``nodes`` and of every
    actor within ``hops`` hops of them: what a breadth-first walk to depth ``hops + 1`` reads,
    asked at once. Here one ``steps`` call per level; a store that can find the frontiers
    itself (Neo4j) answers in one round trip."""
    out = reader.steps_as_of(list(dict.fromkeys(nodes)), types, asked)
    frontier = out
    for _ in range(hops):
        nxt = list(dict.fromkeys(s[0] for steps in frontier.values() for s in steps if s[0] not in out))
        if not nxt:
            break
        frontier = reader.steps_as_of(nxt, types, asked)
        out.update(frontier)
    return out


def links_as_of(
    reader: GraphReader,
    types: Iterable[RelationType] | None = None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    asked: AsOf,
) -> list[Link]:
    """The projected edges (:meth:`~qkg.graph.store.GraphReader.links`) of the relations and
    agreements that hold as ``asked``, each weighed by the evidence of the documents published
    by its day (inside the window): the links of a store of only those documents. Three
    calls: the relations, the agreements, their documents' dates."""
    from .merge import links

    wanted = None if types is None else frozenset(RelationType(t) for t in types)
    flt = RelationFilter(types=wanted, as_of=asked.day, min_support=asked.min_support)
    rels = reader.relations(None, flt) if wanted is None or wanted - {RelationType.PARTY_TO} else []
    ags: list[Agreement] = []
    if wanted is None or RelationType.PARTY_TO in wanted:
        ids = [a.id for a in reader.agreements(as_of=asked.day)]
        ags = list(reader.agreements_by_id(ids, asked=asked).values()) if ids else []
    docs = {e.document_id for r in rels for e in r.evidence} | {
        e.document_id for a in ags for e in a.evidence
    }
    dates = {d: info.published for d, info in reader.documents_by_id(sorted(docs)).items()} if docs else {}
    return links(rels, ags, dates.get, wanted, since, until)


def changes_page(reader: GraphReader, since: str, offset: int, first: int) -> tuple[int, list[Change]]:
    """How many changes the feed since ``since`` has, and ``first`` of them from ``offset``
    (:meth:`~qkg.graph.store.GraphReader.changes`)."""
    found = reader.changes(since)
    return len(found), found[offset : offset + first]


def stats_as_of(reader: GraphReader, day: dt.date) -> Stats:
    """What the graph holds as of ``day``: the documents published by then, the relations and
    agreements in force then (as those documents give them), the goals those documents state,
    the evidence of all these from those documents, and the actors they involve."""
    documents = [d for d in reader.documents() if d.published is not None and d.published <= day]
    known = {d.id for d in documents}
    rels = reader.relations(None, RelationFilter(as_of=day))
    ags = reader.agreements(as_of=day)
    goals = [g for g in reader.goals() if any(e.document_id in known for e in g.evidence)]
    actors = {x for r in rels for x in (r.source, r.target)}
    actors |= {p for a in ags for p in a.parties} | {g.owner for g in goals if g.owner is not None}
    by_type: dict[str, int] = {}
    for e in reader.entities_by_id(sorted(actors)).values():
        by_type[e.type.value] = by_type.get(e.type.value, 0) + 1
    rel_by_type: dict[str, int] = {}
    for r in rels:
        rel_by_type[r.type.value] = rel_by_type.get(r.type.value, 0) + 1
    evidence = sum(len(r.evidence) for r in rels) + sum(len(a.evidence) for a in ags)
    evidence += sum(1 for g in goals for e in g.evidence if e.document_id in known)
    return Stats(
        documents=len(documents),
        entities=sum(by_type.values()),
        relations=len(rels),
        agreements=len(ags),
        goals=len(goals),
        evidence=evidence,
        entities_by_type=dict(sorted(by_type.items())),
        relations_by_type=dict(sorted(rel_by_type.items())),
    )


def to_networkx(
    reader: GraphReader,
    types: Iterable[RelationType] | None = None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> nx.MultiDiGraph:
    """The analytics projection (see :meth:`qkg.graph.store.GraphStore.to_networkx`)."""
    from .projection import project

    return project(reader.entities(), reader.links(types, since=since, until=until))


class ReaderOperations:
    """The functions above as methods: a store class inherits this next to its primitives,
    and ``store.paths(a, b)`` is ``paths(store, a, b)``."""

    def known_at(self, moment: dt.datetime, *, max_documents: int | None = None) -> GraphReader:
        """What the store held at ``moment`` (record time: :func:`qkg.graph.known.known_at`)."""
        from .known import known_at

        return known_at(self, moment, max_documents=max_documents)  # type: ignore[arg-type]

    entity = entity
    agreement = agreement
    changes_page = changes_page
    document = document
    links_as_of = links_as_of
    paths = paths
    stats_as_of = stats_as_of
    steps_as_of = steps_as_of
    steps_within = steps_within
    to_networkx = to_networkx
