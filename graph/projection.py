"""Project the graph for analytics: compact arrays for computing, networkx as the reference.

Two projections, pure and shared by both stores:

- :func:`network` reduces the store's links (:meth:`GraphStore.links`, a primitive of every
  store) straight to a :class:`Network`: the simple graph an analysis runs on, as sorted
  actor ids and edge arrays. No networkx object is built on the way; the fast engines
  (:mod:`qkg.graph.engines`) read the arrays directly, and the arrays are what a worker
  process receives (a few bytes per edge).
- :func:`project` builds the full link multigraph in networkx (every link a parallel edge
  with its fields), for export and as the reference the tests hold :func:`network` to
  (:func:`qkg.graph.reduction.simple_graph` of it is the same simple graph).

Insertion order follows sorted ids, so the graph (and anything seeded computed on it) is
deterministic whichever store the links came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from qkg.schemas import SYMMETRIC_TYPES, Entity, EntityType, Link, RelationType, ValidationError

if TYPE_CHECKING:
    import networkx as nx
    from numpy.typing import NDArray

__all__ = ["Network", "network", "project", "reduce_columns"]

#: Links that give two arcs on a directed projection: symmetric relations and co-parties.
_BOTH_WAYS = frozenset(SYMMETRIC_TYPES) | {RelationType.PARTY_TO}


@dataclass(frozen=True, eq=False)
class Network:
    """A simple graph as arrays: vertex ``i`` is ``ids[i]`` (sorted), edge ``e`` joins
    ``source[e]`` and ``target[e]`` (``source < target`` when undirected), sorted by
    ``(source, target)``; ``weight`` is its pieces of evidence, ``links`` the parallel links
    merged into it. Equality is identity: engines cache their forms per object.

    It answers the few questions the measures ask a networkx graph (``len``, iteration over
    the ids, ``is_directed``, ``number_of_edges``), so :mod:`qkg.graph.centrality` and the
    other measure modules take either; :meth:`to_networkx` gives the reference graph.

    >>> from qkg.schemas import Link, RelationType
    >>> g = network([Link(source="b", target="a", type=RelationType.PARTNERS_WITH, weight=2)])
    >>> g.ids, g.source.tolist(), g.target.tolist(), g.weight.tolist()
    (('a', 'b'), [0], [1], [2.0])
    """

    ids: tuple[str, ...]
    source: NDArray[np.int32]
    target: NDArray[np.int32]
    weight: NDArray[np.float64]
    links: NDArray[np.int32]
    directed: bool = False

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def is_directed(self) -> bool:
        return self.directed

    def is_multigraph(self) -> bool:
        return False

    def number_of_nodes(self) -> int:
        return len(self.ids)

    def number_of_edges(self) -> int:
        return len(self.source)

    def edge_values(self, attribute: str) -> NDArray[np.float64]:
        """An edge attribute of :meth:`to_networkx` as an array: ``weight``, ``links`` or
        ``distance``."""
        if attribute == "weight":
            return self.weight
        if attribute == "distance":
            return np.asarray(1.0 / self.weight, dtype=np.float64)
        if attribute == "links":
            return self.links.astype(np.float64)
        raise ValidationError(f"edge attribute {attribute!r} is not one of weight, links, distance")

    def degrees(self, weight: str | None = None) -> NDArray[np.float64]:
        """Links (or the sum of an edge attribute) per vertex, both directions counted, as
        networkx's ``degree``."""
        w = None if weight is None else self.edge_values(weight)
        n = len(self.ids)
        total = np.bincount(self.source, weights=w, minlength=n) + np.bincount(
            self.target, weights=w, minlength=n
        )
        return np.asarray(total, dtype=np.float64)

    def to_networkx(self, attributes: Mapping[str, Mapping[str, Any]] | None = None) -> nx.Graph:
        """The same graph in networkx (``weight``, ``links`` and ``distance = 1 / weight`` on
        each edge, nodes in id order with ``attributes``), as
        :func:`qkg.graph.reduction.simple_graph` builds it from the multigraph."""
        import networkx as nx

        G: nx.Graph = nx.DiGraph() if self.directed else nx.Graph()
        attrs = attributes or {}
        G.add_nodes_from((i, dict(attrs.get(i, {}))) for i in self.ids)
        ids = self.ids
        G.add_edges_from(
            (ids[a], ids[b], {"weight": int(w), "links": int(k), "distance": 1.0 / w})
            for a, b, w, k in zip(
                self.source.tolist(),
                self.target.tolist(),
                self.weight.tolist(),
                self.links.tolist(),
                strict=True,
            )
        )
        return G


def _empty(directed: bool) -> Network:
    none = np.zeros(0, dtype=np.int32)
    return Network((), none, none, np.zeros(0), none, directed)


def network(
    links: Iterable[Link],
    *,
    via: Iterable[RelationType] | None = None,
    kinds: Callable[[list[str]], Mapping[str, EntityType]] | None = None,
    types: Iterable[EntityType] | None = None,
    directed: bool = False,
) -> Network:
    """Reduce links to the simple graph over ``via`` links between actors of ``types``.

    Parallel links merge into one edge whose weight is their total evidence; self-links
    are dropped, and so are actors left without a link. Directed: each relation keeps its
    direction; symmetric relations and co-party links become two arcs. ``kinds`` maps ids
    to entity types (only called when ``types`` is given; unknown ids are dropped).
    One pass over the links interns their ends; the rest is numpy on whole arrays
    (:func:`reduce_columns`, which a store holding its links as columns can call directly).
    """
    wanted = None if via is None else frozenset(RelationType(t) for t in via)
    index: dict[str, int] = {}
    intern = index.setdefault
    src: list[int] = []
    dst: list[int] = []
    evidence: list[int] = []
    both: list[bool] = []
    for link in links:
        if (wanted is None or link.type in wanted) and link.source != link.target:
            src.append(intern(link.source, len(index)))
            dst.append(intern(link.target, len(index)))
            evidence.append(link.weight)
            both.append(link.type in _BOTH_WAYS)
    ids = list(index)
    keep = None
    if types is not None and kinds is not None:
        keep_kinds = frozenset(EntityType(t) for t in types)
        found = kinds(ids)
        keep = np.fromiter((found.get(i) in keep_kinds for i in ids), dtype=bool, count=len(ids))
    return reduce_columns(
        ids,
        np.asarray(src, dtype=np.int64),
        np.asarray(dst, dtype=np.int64),
        np.asarray(evidence, dtype=np.float64),
        np.asarray(both, dtype=bool),
        keep=keep,
        directed=directed,
    )


def reduce_columns(
    ids: list[str],
    source: NDArray[np.integer[Any]],
    target: NDArray[np.integer[Any]],
    evidence: NDArray[np.float64],
    both_ways: NDArray[np.bool_],
    *,
    keep: NDArray[np.bool_] | None = None,
    directed: bool = False,
    ids_sorted: bool = False,
) -> Network:
    """The :class:`Network` of links given as columns: ``source``/``target`` index ``ids``
    (any order, no self-links), ``evidence`` per link, ``both_ways`` for symmetric and
    co-party links, ``keep`` per id (actors of the wanted types). ``ids_sorted``: the caller
    knows ``ids`` are sorted (the embedded store's columns), which saves sorting them."""
    n = len(ids)
    if n == 0:
        return _empty(directed)
    if ids_sorted:
        src, dst = source.astype(np.int64), target.astype(np.int64)
        sorted_ids = ids
    else:  # rank of each id in sorted order: comparing ranks compares ids
        order = sorted(range(n), key=ids.__getitem__)
        rank = np.empty(n, dtype=np.int64)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(n)
        src, dst = rank[source], rank[target]
        sorted_ids = [ids[i] for i in order]
    if keep is not None:
        kept = keep[source] & keep[target]
        src, dst, evidence, both_ways = src[kept], dst[kept], evidence[kept], both_ways[kept]
    if directed:
        a = np.concatenate([src, dst[both_ways]])
        b = np.concatenate([dst, src[both_ways]])
        evidence = np.concatenate([evidence, evidence[both_ways]])
    else:
        a, b = np.minimum(src, dst), np.maximum(src, dst)
    keys, slot = _distinct(a * n + b)
    weight = np.bincount(slot, weights=evidence, minlength=len(keys))
    count = np.bincount(slot, minlength=len(keys))
    a, b = keys // n, keys % n
    # Renumber over the actors that kept a link (still in id order).
    linked = np.zeros(n, dtype=bool)
    linked[a] = True
    linked[b] = True
    used = np.flatnonzero(linked)
    renumber = np.full(n, -1, dtype=np.int64)
    renumber[used] = np.arange(len(used))
    return Network(
        ids=tuple(sorted_ids) if len(used) == n else tuple(map(sorted_ids.__getitem__, used.tolist())),
        source=renumber[a].astype(np.int32),
        target=renumber[b].astype(np.int32),
        weight=np.asarray(weight, dtype=np.float64),
        links=count.astype(np.int32),
        directed=directed,
    )


def _distinct(keys: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.intp]]:
    """``np.unique(keys, return_inverse=True)`` by one stable sort (``np.unique`` imports
    ``numpy.ma`` on first use, which costs more than the sort on a hundred thousand links).

    >>> [x.tolist() for x in _distinct(np.array([5, 2, 5, 7]))]
    [[2, 5, 7], [1, 0, 1, 2]]
    """
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    slot = np.empty(len(keys), dtype=np.intp)
    slot[order] = np.cumsum(first) - 1
    return ordered[first], slot


def project(entities: Iterable[Entity], links: Iterable[Link]) -> nx.MultiDiGraph:
    """Build the analytics multigraph from entities and links (export, reference).

    >>> from qkg.schemas import EntityType, RelationType
    >>> a = Entity(id="company:a", type=EntityType.COMPANY, name="A")
    >>> b = Entity(id="company:b", type=EntityType.COMPANY, name="B")
    >>> g = project([a, b], [Link(source=a.id, target=b.id, type=RelationType.PARTNERS_WITH)])
    >>> list(g.edges(keys=True, data="weight"))
    [('company:a', 'company:b', 'PARTNERS_WITH', 1)]
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    for e in entities:
        graph.add_node(e.id, type=e.type.value, name=e.name, country=e.country)
    for link in links:
        graph.add_edge(
            link.source,
            link.target,
            key=link.agreement or link.type.value,
            type=link.type.value,
            agreement=link.agreement,
            weight=link.weight,
            first_seen=link.first_seen,
            last_seen=link.last_seen,
        )
    return graph
