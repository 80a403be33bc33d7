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

from qkg.schemas import Agreement, Document, Entity, NotFound, Path, RelationType

from .paths import check_path_limits, k_shortest_paths

if TYPE_CHECKING:  # networkx and numpy load where used: `qkg stats` never needs them
    import networkx as nx

    from .store import GraphReader, Step

__all__ = ["ReaderOperations", "agreement", "document", "entity", "paths", "steps_within", "to_networkx"]


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


def paths(
    reader: GraphReader,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    types: Iterable[RelationType] | None = None,
    k: int = 10,
) -> list[Path]:
    """Up to ``k`` shortest simple paths between two known entities (see
    :meth:`qkg.graph.store.GraphStore.paths`): caps checked first, then
    :func:`qkg.graph.paths.k_shortest_paths` over the reader's ``steps``, then, when no
    path was found, the ids (an unknown one raises :class:`~qkg.schemas.NotFound`)."""
    check_path_limits(max_hops, k)
    wanted = None if types is None else frozenset(RelationType(t) for t in types)
    if source == target:
        _known(reader, source, target)
    # Both ends' steps come in the first call (each side's first level): one round trip
    # less on a remote store; later levels are asked as the search grows them.
    seen: dict[str, list[Step]] = {}

    def expand(nodes: Sequence[str]) -> Mapping[str, Sequence[Step]]:
        asked = [n for n in nodes if n not in seen]
        if asked:
            extra = [n for n in (source, target) if n not in seen and n not in asked]
            seen.update(reader.steps([*asked, *extra], wanted))
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
    reader: GraphReader, nodes: Sequence[str], hops: int, types: Iterable[RelationType] | None = None
) -> dict[str, list[Step]]:
    """The steps (:meth:`~qkg.graph.store.GraphReader.steps`) of each of ``nodes`` and of every
    actor within ``hops`` hops of them: what a breadth-first walk to depth ``hops + 1`` reads,
    asked at once. Here one ``steps`` call per level; a store that can find the frontiers
    itself (Neo4j) answers in one round trip."""
    out = reader.steps(list(dict.fromkeys(nodes)), types)
    frontier = out
    for _ in range(hops):
        nxt = list(dict.fromkeys(s[0] for steps in frontier.values() for s in steps if s[0] not in out))
        if not nxt:
            break
        frontier = reader.steps(nxt, types)
        out.update(frontier)
    return out


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

    entity = entity
    agreement = agreement
    document = document
    paths = paths
    steps_within = steps_within
    to_networkx = to_networkx
