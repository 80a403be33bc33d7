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

__all__ = ["Network", "network", "project"]

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
    The work after reading the links is done by numpy on whole arrays.
    """
    wanted = None if via is None else frozenset(RelationType(t) for t in via)
    rows = [link for link in links if (wanted is None or link.type in wanted) and link.source != link.target]
    if not rows:
        return _empty(directed)
    ends = np.array([link.source for link in rows] + [link.target for link in rows])
    # Sorted unique ids; index order is string order, so (lo, hi) below is the id order.
    ids, inverse = np.unique(ends, return_inverse=True)
    m, n = len(rows), len(ids)
    src, dst = inverse[:m].astype(np.int64), inverse[m:].astype(np.int64)
    evidence = np.fromiter((link.weight for link in rows), dtype=np.float64, count=m)
    if types is not None and kinds is not None:
        keep_kinds = frozenset(EntityType(t) for t in types)
        found = kinds(ids.tolist())
        keep = np.fromiter((found.get(i) in keep_kinds for i in ids.tolist()), dtype=bool, count=n)
        mask = keep[src] & keep[dst]
        src, dst, evidence = src[mask], dst[mask], evidence[mask]
        both = np.fromiter((link.type in _BOTH_WAYS for link in rows), dtype=bool, count=m)[mask]
    else:
        both = np.fromiter((link.type in _BOTH_WAYS for link in rows), dtype=bool, count=m)
    if directed:
        a = np.concatenate([src, dst[both]])
        b = np.concatenate([dst, src[both]])
        evidence = np.concatenate([evidence, evidence[both]])
    else:
        a, b = np.minimum(src, dst), np.maximum(src, dst)
    keys, slot = np.unique(a * n + b, return_inverse=True)
    weight = np.bincount(slot, weights=evidence, minlength=len(keys))
    count = np.bincount(slot, minlength=len(keys))
    a, b = keys // n, keys % n
    # Renumber over the actors that kept a link (still in id order).
    used = np.unique(np.concatenate([a, b]))
    renumber = np.full(n, -1, dtype=np.int64)
    renumber[used] = np.arange(len(used))
    return Network(
        ids=tuple(ids[used].tolist()),
        source=renumber[a].astype(np.int32),
        target=renumber[b].astype(np.int32),
        weight=np.asarray(weight, dtype=np.float64),
        links=count.astype(np.int32),
        directed=directed,
    )


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
