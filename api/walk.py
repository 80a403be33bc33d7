"""The collaborator walk: breadth-first to depth N over the store's light neighbour expansion.

The walk is run for every actor of a group at once, over
:meth:`~qkg.graph.store.GraphStore.steps` (ids and types, no evidence), so each level costs
one store call for the union of every actor's frontier. Only the collaborators an answer
shows get their relations and agreements (with evidence) loaded, in one keyed call each for
the whole group: ``actors(first: 50) { collaborators(depth: 2) }`` costs two calls for the
walk and two for the evidence, and a hub two hops away costs its neighbour ids, not its
neighbours' evidence.

This module knows no GraphQL type: :mod:`qkg.api.types` builds its answers from the rows
found here, so the two never import each other.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from qkg.graph.store import CollaboratorWalker
from qkg.schemas import Hop, RelationType

from .context import Group, Loader, WalkBudget

if TYPE_CHECKING:
    from qkg.graph.merge import AsOf
    from qkg.graph.store import RelKey
    from qkg.schemas import Agreement as AgreementModel
    from qkg.schemas import Entity, Relation

__all__ = ["LinkBatch", "load_links", "merge_rows", "walk"]

# One step of the walk: (from, to, type, agreement id or None, reversed).
_Edge = tuple[str, str, RelationType, str | None, bool]


class _Reach:
    """What a walk from one root found: each actor's distance and link count, and the
    frontier of every level (to find the links of the few actors an answer shows)."""

    __slots__ = ("counts", "dist", "levels")

    def __init__(self, root: str) -> None:
        self.dist: dict[str, int] = {root: 0}
        self.counts: dict[str, int] = {}
        self.levels: list[list[str]] = [[root]]

    def best(self, first: int) -> list[tuple[str, int, int]]:
        """The ``first`` nearest, then most strongly linked, then by id: (id, distance, links)."""
        dist = self.dist
        top = heapq.nsmallest(first, self.counts.items(), key=lambda kv: (dist[kv[0]], -kv[1], kv[0]))
        return [(v, dist[v], n) for v, n in top]

    def edges(
        self, loader: Loader, shown: Iterable[str], vias: tuple[RelationType, ...], asked: AsOf | None
    ) -> dict[str, list[_Edge]]:
        """Every edge reaching a ``shown`` actor from an actor one hop nearer, in walk order."""
        out: dict[str, list[_Edge]] = {v: [] for v in shown}
        for d in sorted({self.dist[v] for v in out}):
            wanted = {v for v in out if self.dist[v] == d}
            frontier = self.levels[d - 1]
            steps = loader.steps(frontier, vias, asked)  # cached by the walk
            for u in frontier:
                for v, rtype, agreement, rev in steps[u]:
                    if v in wanted:
                        out[v].append((u, v, rtype, agreement, rev))
        return out


def _walk(
    loader: Loader,
    roots: Sequence[str],
    depth: int,
    vias: tuple[RelationType, ...],
    budget: WalkBudget,
    asked: AsOf | None,
) -> dict[str, _Reach]:
    """Breadth-first from every root at once, counting links without keeping them (a
    depth-2 walk next to a hub reaches tens of thousands of actors, of which an answer shows
    fifty); ``budget`` bounds the actors the request's walks reach in total (a depth-3 walk
    from a hub could otherwise touch most of a large graph)."""
    found = {r: _Reach(r) for r in roots}
    # the first two levels' steps in one store call (deeper levels, bounded by the budget, as walked)
    loader.steps_within(roots, min(depth, 2) - 1, vias, asked)
    for level in range(1, depth + 1):
        union = list(dict.fromkeys(u for r in roots for u in found[r].levels[-1]))
        if not union:
            break
        steps = loader.steps(union, vias, asked)
        for r in roots:
            reach = found[r]
            seen, counts = reach.dist, reach.counts
            nxt: list[str] = []
            for u in reach.levels[-1]:
                for step in steps[u]:
                    v = step[0]
                    d = seen.get(v)
                    if d is None:
                        seen[v] = level
                        counts[v] = 1
                        nxt.append(v)
                    elif d == level:
                        counts[v] += 1
            budget.spend(len(nxt), depth)
            reach.levels.append(nxt)
    return found


def _hops(edges: Iterable[_Edge]) -> list[Hop]:
    return [
        Hop.model_construct(source=u, target=v, type=t, agreement=a, reversed=rev)
        for u, v, t, a, rev in edges
    ]


def load_links(
    loader: Loader, hops: Iterable[Hop], asked: AsOf | None = None
) -> tuple[dict[RelKey, Relation], dict[str, AgreementModel]]:
    """The relations and agreements behind ``hops`` (as ``asked`` when given: as of its day),
    fetched in one call each unless already loaded; what they refer to (ends, evidence
    documents, parties) is registered for the next level's batch."""
    hops = list(hops)
    rels = loader.relations_by_key((k for h in hops if (k := h.relation_key) is not None), asked)
    ags = loader.agreements_by_id((h.agreement for h in hops if h.agreement is not None), asked)
    loader.prime_relations(rels.values())
    loader.prime_agreements(ags.values())
    return rels, ags


class LinkBatch:
    """Every collaborator at one place of an answer (for every actor of a group): their
    links' relations and agreements (with evidence) load in one call for all of them, for
    the page of links asked."""

    def __init__(self, group: Group, asked: AsOf | None = None, loader: Loader | None = None) -> None:
        self.group = group
        #: The walk's ``asOf``/``minSupport``: its links' facts load as of that day.
        self.asked = asked
        #: The loader the walk ran on (a view of the past for ``knownAt``): its links load there.
        self.loader = loader
        self.hops: list[list[Hop]] = []
        self._loaded: dict[int, int] = {}

    def load(self, loader: Loader, first: int) -> None:
        """Load the first ``first`` links of every collaborator of the batch not loaded yet."""
        done = self._loaded.get(first, 0)
        if done < len(self.hops):
            self._loaded[first] = len(self.hops)
            load_links(loader, (h for row in self.hops[done:] for h in row[:first]), self.asked)


#: One collaborator found by :func:`walk`: (actor, distance, link count, links from the previous hop).
Row = tuple["Entity", int, int, list[Hop]]


def walk(
    loader: Loader,
    group: Group,
    root: str,
    depth: int,
    vias: tuple[RelationType, ...],
    first: int,
    *,
    budget: WalkBudget | None = None,
    asked: AsOf | None = None,
    links: int = 5,
) -> tuple[LinkBatch, list[Row]]:
    """The first ``first`` collaborators of ``root`` (computed, on first use, for every
    actor of ``group``): nearest first, then the most strongly linked (most links from the
    previous hop), then id; and the batch their links load in.

    The order needs no names or evidence: only the collaborators shown are fetched (one
    call for the whole group), and their links' evidence only for the page of links an
    answer asks for (:meth:`LinkBatch.load`). ``budget``: the request's walk budget
    (:attr:`qkg.api.context.Context.walk_budget`), shared by every field of the request;
    without one, 100,000 actors for this call alone. ``asked``: only over relations and
    agreements that hold as of its day, with its support; their links as of that day.
    ``links``: how many links of each collaborator the answer shows (a hint: a store that
    walks in one call, :class:`~qkg.graph.store.CollaboratorWalker`, returns their facts with
    the walk; any other link loads as usual).
    """
    key = ("collaborators", depth, vias, first, asked)
    memo: dict[str, list[tuple[str, int, int, list[Hop]]]] = loader.memo.setdefault(key, {})
    batch: LinkBatch = loader.memo.setdefault((*key, id(group)), LinkBatch(group.child(key), asked, loader))
    if root not in memo:
        roots = [r for r in dict.fromkeys([*group.ids, root]) if r not in memo]
        budget = budget or WalkBudget(100_000)
        store = loader.store
        rest = roots
        if depth <= 2 and isinstance(store, CollaboratorWalker):
            rest = _walk_in_store(loader, store, memo, roots, depth, vias, first, links, budget, asked)
        if rest:
            found = _walk(loader, rest, depth, vias, budget, asked)
            for r in rest:
                best = found[r].best(first)
                edges = found[r].edges(loader, [v for v, _, _ in best], vias, asked)
                memo[r] = [(v, d, n, _hops(sorted(edges[v], key=_edge_order))) for v, d, n in best]
        for r in roots:
            batch.group.add(v for v, _, _, _ in memo[r])
            batch.hops.extend(hops for _, _, _, hops in memo[r])
        loader.want_entities(v for r in roots for v, _, _, _ in memo[r])
    shown = memo[root]
    ents = {e.id: e for e in loader.entities([v for v, _, _, _ in shown])}
    return batch, [(ents[v], d, count, hops) for v, d, count, hops in shown if v in ents]


def merge_rows(rows: Iterable[Row], roots: Iterable[str], first: int) -> list[Row]:
    """The rows of walks from several roots that are one actor (:func:`qkg.api.names.same_actor`)
    as one walk's: the roots themselves left out, each collaborator at its nearest distance with
    the links of every root at that distance, in the walk's order (nearest, most strongly
    linked, id), the first ``first``."""
    skip = set(roots)
    best: dict[str, Row] = {}
    for e, d, n, hops in rows:
        if e.id in skip:
            continue
        had = best.get(e.id)
        if had is None or d < had[1]:
            best[e.id] = (e, d, n, list(hops))
        elif d == had[1]:
            best[e.id] = (had[0], d, had[2] + n, had[3] + list(hops))
    return sorted(best.values(), key=lambda r: (r[1], -r[2], r[0].id))[:first]


def _walk_in_store(
    loader: Loader,
    store: CollaboratorWalker,
    memo: dict[str, list[tuple[str, int, int, list[Hop]]]],
    roots: list[str],
    depth: int,
    vias: tuple[RelationType, ...],
    first: int,
    links: int,
    budget: WalkBudget,
    asked: AsOf | None,
) -> list[str]:
    """The walk of every root by the store itself, in one call (Neo4j: one round trip, the
    walk, the order and the cut in the statement): the same rows as :func:`_walk` and
    :meth:`_Reach.best`, with the shown actors and the facts of their first ``links`` links
    kept in the loader (as ``asked``). Returns the roots the store left open (a timed step
    only the full rule decides), for :func:`_walk`."""
    got = store.collaborator_walk(roots, depth, vias, first, links, asked)
    loader.prime(got.entities.values())
    loader.prime_keyed(got.relations, got.agreements, asked)
    for r in roots:
        if r in got.open:
            continue
        sizes, rows = got.found.get(r, ([], []))
        for n in sizes:
            budget.spend(n, depth)
        memo[r] = [
            (v, d, n, _hops(sorted(((u, v, t, a, rev) for u, t, a, rev in steps), key=_edge_order)))
            for v, d, n, steps in sorted(rows, key=lambda row: (row[1], -row[2], row[0]))
        ]
    return [r for r in roots if r in got.open]


def _edge_order(e: _Edge) -> tuple[str, str, str, bool]:
    return (e[0], e[2].value, e[3] or "", e[4])
