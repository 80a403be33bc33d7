"""Collaborators to depth N, and the links (with evidence) behind walks and paths.

The walk is breadth-first, run for every actor of a group at once, over the store's light
neighbour expansion (:meth:`~qkg.graph.store.GraphStore.steps`: ids and types, no evidence),
so each level costs one store call for the union of every actor's frontier. Only the
collaborators an answer shows get their relations and agreements (with evidence) loaded, in
one keyed call each for the whole group: ``actors(first: 50) { collaborators(depth: 2) }``
costs two calls for the walk and two for the evidence, and a hub two hops away costs its
neighbour ids, not its neighbours' evidence.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from qkg.schemas import Hop, LimitExceeded, RelationType

from .context import Group, Loader
from .types import Actor, Agreement, Collaborator, CollaboratorBatch, Evidence, Link

if TYPE_CHECKING:
    from qkg.graph.store import RelKey
    from qkg.schemas import Agreement as AgreementModel
    from qkg.schemas import Relation

__all__ = ["collaborators", "links_of", "load_links"]

# One step of the walk: (from, to, type, agreement id or None, reversed).
_Edge = tuple[str, str, RelationType, str | None, bool]
# One reached actor: (id, distance, the edges reaching it from one hop nearer).
_Row = tuple[str, int, list[_Edge]]


def _walk(
    loader: Loader, roots: Sequence[str], depth: int, vias: tuple[RelationType, ...], budget: int
) -> dict[str, list[_Row]]:
    """Breadth-first from every root at once; ``budget`` bounds the actors reached in total
    (a depth-3 walk from a hub could otherwise touch most of a large graph)."""
    reached = 0
    dist: dict[str, dict[str, int]] = {r: {r: 0} for r in roots}
    links: dict[str, dict[str, list[_Edge]]] = {r: {} for r in roots}
    frontier: dict[str, list[str]] = {r: [r] for r in roots}
    for level in range(1, depth + 1):
        union = list(dict.fromkeys(u for r in roots for u in frontier[r]))
        if not union:
            break
        steps = loader.steps(union, vias)
        for r in roots:
            seen, found = dist[r], links[r]
            nxt: list[str] = []
            for u in frontier[r]:
                for v, rtype, agreement, rev in steps[u]:
                    d = seen.get(v)
                    if d is None:
                        seen[v] = level
                        found[v] = [(u, v, rtype, agreement, rev)]
                        nxt.append(v)
                        reached += 1
                        if reached > budget:
                            raise LimitExceeded(
                                f"collaborators(depth: {depth}) reached more than {budget} actors "
                                "(walk limit, QKG_MAX_WALK_NODES): lower the depth or narrow `via`"
                            )
                    elif d == level:
                        found[v].append((u, v, rtype, agreement, rev))
            frontier[r] = nxt
    return {r: [(v, dist[r][v], edges) for v, edges in links[r].items()] for r in roots}


def _hops(edges: Iterable[_Edge]) -> list[Hop]:
    return [
        Hop.model_construct(source=u, target=v, type=t, agreement=a, reversed=rev)
        for u, v, t, a, rev in edges
    ]


def load_links(
    loader: Loader, hops: Iterable[Hop]
) -> tuple[dict[RelKey, Relation], dict[str, AgreementModel]]:
    """The relations and agreements behind ``hops``, fetched in one call each unless already
    loaded; what they refer to (ends, evidence documents, parties) is registered for the
    next level's batch."""
    hops = list(hops)
    rels = loader.relations_by_key(k for h in hops if (k := h.relation_key) is not None)
    ags = loader.agreements_by_id(h.agreement for h in hops if h.agreement is not None)
    loader.prime_relations(rels.values())
    loader.prime_agreements(ags.values())
    return rels, ags


def links_of(loader: Loader, hops: Sequence[Hop], group: Group) -> list[Link]:
    """GraphQL links for ``hops`` (of paths or walks), each with its ends and the relation
    or agreement behind it, all loaded in one batch (one call per kind)."""
    rels, ags = load_links(loader, hops)
    ents = {
        e.id: Actor(model=e, group=group)
        for e in loader.entities([x for h in hops for x in (h.source, h.target)])
    }
    out = []
    for h in hops:
        rel = rels.get(k) if (k := h.relation_key) is not None else None
        ag = ags.get(h.agreement) if h.agreement is not None else None
        evidence = rel.evidence if rel is not None else ag.evidence if ag is not None else ()
        out.append(
            Link(
                type=h.type,
                reversed=h.reversed,
                source=ents.get(h.source),
                target=ents.get(h.target),
                agreement=Agreement(model=ag, group=group) if ag is not None else None,
                evidence=[Evidence(model=ev) for ev in evidence],
                source_id=h.source,
                target_id=h.target,
                relation=rel,
                agreement_model=ag,
            )
        )
    return out


def collaborators(
    loader: Loader,
    group: Group,
    root: str,
    depth: int,
    vias: tuple[RelationType, ...],
    first: int,
    *,
    budget: int = 100_000,
) -> list[Collaborator]:
    """The first ``first`` collaborators of ``root`` (computed, on first use, for every
    actor of ``group``): nearest first, then the most strongly linked (most links from the
    previous hop), then id.

    The order needs no names or evidence: only the collaborators shown are fetched (one
    call for the whole group), and their links' evidence only for the page of links an
    answer asks for (see :class:`~qkg.api.types.CollaboratorBatch`).
    """
    key = ("collaborators", depth, vias, first)
    memo: dict[str, list[tuple[str, int, int, list[Hop]]]] = loader.memo.setdefault(key, {})
    batch: CollaboratorBatch = loader.memo.setdefault((*key, id(group)), CollaboratorBatch(group.child(key)))
    if root not in memo:
        roots = [r for r in dict.fromkeys([*group.ids, root]) if r not in memo]
        found = _walk(loader, roots, depth, vias, budget)
        for r in roots:
            best = heapq.nsmallest(first, found[r], key=lambda row: (row[1], -len(row[2]), row[0]))
            memo[r] = [(v, d, len(edges), _hops(sorted(edges, key=_edge_order))) for v, d, edges in best]
            batch.add(v for v, _, _, _ in memo[r])
            batch.hops.extend(hops for _, _, _, hops in memo[r])
        loader.want_entities(v for r in roots for v, _, _, _ in memo[r])
    shown = memo[root]
    ents = {e.id: e for e in loader.entities([v for v, _, _, _ in shown])}
    return [
        Collaborator(
            actor=Actor(model=ents[v], group=batch.group),
            distance=d,
            link_count=count,
            hops=hops,
            batch=batch,
        )
        for v, d, count, hops in shown
        if v in ents
    ]


def _edge_order(e: _Edge) -> tuple[str, str, str, bool]:
    return (e[0], e[2].value, e[3] or "", e[4])
