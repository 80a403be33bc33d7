"""Collaborators to depth N: a breadth-first walk run for every actor of a group at once.

Each level of the walk asks the store once for the relations and once for the agreements of
the union of every actor's frontier, so ``actors(first: 50) { collaborators(depth: 2) }``
costs four store calls for the walk, not two hundred.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qkg.schemas import Agreement as AgreementModel
from qkg.schemas import LimitExceeded, RelationFilter, RelationType
from qkg.schemas import Relation as RelationModel

from .context import Group, Loader
from .types import Actor, Collaborator, Link

__all__ = ["collaborators"]


@dataclass(frozen=True, slots=True)
class _Step:
    source: str
    target: str
    type: RelationType
    reversed: bool
    relation: RelationModel | None
    agreement: AgreementModel | None


def _neighbours(
    loader: Loader, frontier: Sequence[str], vias: tuple[RelationType, ...]
) -> dict[str, list[_Step]]:
    out: dict[str, list[_Step]] = {u: [] for u in frontier}
    rel_types = frozenset(v for v in vias if v is not RelationType.PARTY_TO)
    if rel_types:
        for u, rels in loader.relations_many(
            frontier, RelationFilter(types=rel_types), register=False
        ).items():
            for r in rels:
                forward = r.source == u
                other = r.target if forward else r.source
                symmetric = r.type in (RelationType.PARTNERS_WITH, RelationType.COMPETES_WITH)
                out[u].append(_Step(u, other, r.type, not forward and not symmetric, r, None))
    if RelationType.PARTY_TO in vias:
        for u, ags in loader.agreements_many(frontier, register=False).items():
            for a in ags:
                for p in a.parties:
                    if p != u:
                        out[u].append(_Step(u, p, RelationType.PARTY_TO, False, None, a))
    return out


def _walk(
    loader: Loader, roots: Sequence[str], depth: int, vias: tuple[RelationType, ...], budget: int
) -> dict[str, list[tuple[str, int, list[_Step]]]]:
    """Breadth-first from every root at once; ``budget`` bounds the actors reached in total
    (a depth-3 walk from a hub could otherwise touch most of a large graph)."""
    reached = 0
    dist: dict[str, dict[str, int]] = {r: {r: 0} for r in roots}
    links: dict[str, dict[str, list[_Step]]] = {r: {} for r in roots}
    frontier: dict[str, list[str]] = {r: [r] for r in roots}
    for level in range(1, depth + 1):
        union = list(dict.fromkeys(u for r in roots for u in frontier[r]))
        if not union:
            break
        steps = _neighbours(loader, union, vias)
        for r in roots:
            nxt: list[str] = []
            for u in frontier[r]:
                for s in steps.get(u, []):
                    d = dist[r].get(s.target)
                    if d is None:
                        dist[r][s.target] = level
                        links[r][s.target] = [s]
                        nxt.append(s.target)
                        reached += 1
                        if reached > budget:
                            raise LimitExceeded(
                                f"collaborators(depth: {depth}) reached more than {budget} actors "
                                "(walk limit, QKG_MAX_WALK_NODES): lower the depth or narrow `via`"
                            )
                    elif d == level:
                        links[r][s.target].append(s)
            frontier[r] = nxt
    return {r: [(v, dist[r][v], links[r][v]) for v in links[r]] for r in roots}


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
    """Collaborators of ``root`` (computed, on first use, for every actor of ``group``):
    nearest first, then the most strongly linked (most links from the previous hop), then id.

    The order needs no names, so only the collaborators shown are fetched, in one call for
    the whole group.
    """
    key = ("collaborators", depth, vias)
    memo: dict[str, list[tuple[str, int, list[_Step]]]] = loader.memo.setdefault(key, {})
    if root not in memo:
        roots = [r for r in dict.fromkeys([*group.ids, root]) if r not in memo]
        found = _walk(loader, roots, depth, vias, budget)
        for r in roots:
            memo[r] = sorted(found[r], key=lambda row: (row[1], -len(row[2]), row[0]))
        loader.want_entities(v for r in roots for v, _, _ in memo[r][:first])
    rows = memo[root]
    child = group.child((key, first), lambda: [v for r in group.ids for v, _, _ in memo.get(r, [])[:first]])
    ents = {e.id: e for e in loader.entities([v for v, _, _ in rows[:first]])}
    shown = [row for row in rows[:first] if row[0] in ents]
    # register only what the answer shows (links' documents, agreements' parties), so the
    # next level loads it in one batch without fetching the walk's whole frontier
    for _, _, steps in shown:
        for s in steps:
            if s.relation is not None:
                loader.prime_relations([s.relation])
            if s.agreement is not None:
                loader.prime_agreements([s.agreement])
    out = []
    for v, d, steps in shown:
        out.append(
            Collaborator(
                actor=Actor(model=ents[v], group=child),
                distance=d,
                links=[
                    Link(
                        source_id=s.source,
                        target_id=s.target,
                        type=s.type,
                        reversed=s.reversed,
                        relation=s.relation,
                        agreement_model=s.agreement,
                        group=child,
                    )
                    for s in steps
                ],
            )
        )
    return out
