"""The store-neutral reads, written once over a :class:`~qkg.graph.store.GraphReader`'s
primitives: one entity or agreement by id, a document's full view, k shortest paths (over
``steps``) and the networkx projection (over ``entities`` and ``links``).

Every store answers them identically because they are the same code: the stores inherit
:class:`ReaderOperations`, whose methods call these functions with the store itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from qkg.schemas import Agreement, Document, Entity, NotFound, Path, RelationType

from .paths import check_path_limits, k_shortest_paths

if TYPE_CHECKING:  # networkx and numpy load where used: `qkg stats` never needs them
    import networkx as nx

    from .store import GraphReader

__all__ = ["ReaderOperations", "agreement", "document", "entity", "paths", "to_networkx"]


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
    :meth:`qkg.graph.store.GraphStore.paths`): caps checked first, then the ids, then
    :func:`qkg.graph.paths.k_shortest_paths` over the reader's ``steps``."""
    check_path_limits(max_hops, k)
    known = reader.entities_by_id([source, target])
    for node in (source, target):
        if node not in known:
            raise NotFound("entity", node)
    wanted = None if types is None else frozenset(RelationType(t) for t in types)
    return k_shortest_paths(lambda nodes: reader.steps(nodes, wanted), source, target, max_hops=max_hops, k=k)


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
    to_networkx = to_networkx
