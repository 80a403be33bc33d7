"""Brokerage and structural holes: Burt's constraint and effective size.

An actor whose partners are not partners of each other spans a structural hole: it has a
low *constraint* and a large *effective size* (non-redundant partners). Both are defined
exactly as networkx defines them (mutual weights ``w(u, v) + w(v, u)``, isolated nodes
NaN). networkx computes them in pure Python, minutes on a million edges; the vectorised
engine here gets the same numbers from the graph's triangles, because every indirect term
of both formulas runs through a third actor linked to both ends of a tie.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from .engines import choose, to_igraph

#: networkx's own loops beat building the arrays below this many edges.
_SMALL = 10_000

if TYPE_CHECKING:
    import networkx as nx
    from numpy.typing import NDArray

__all__ = ["constraint", "effective_size"]

_ENGINES = ("networkx", "numpy")


class _Mutual:
    """The undirected graph of mutual weights, as arrays, with its triangles."""

    def __init__(self, G: nx.Graph, weight: str | None) -> None:
        import igraph

        view = to_igraph(G)
        self.nodes = view.nodes
        n = self.n = len(view.nodes)
        el = np.asarray(view.graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        w = view.weights(weight)
        data = np.ones(len(el)) if w is None else np.asarray(w, dtype=float)
        lo, hi = np.minimum(el[:, 0], el[:, 1]), np.maximum(el[:, 0], el[:, 1])
        # Sum both directions of a directed pair into one undirected mutual weight.
        keys, inverse = np.unique(lo * n + hi, return_inverse=True)
        mutual = np.bincount(inverse, weights=data)
        if not G.is_directed():
            mutual = mutual * 2  # networkx adds w(u, v) and w(v, u), both present
        self.keys = keys  # sorted lo * n + hi
        self.mutual = mutual
        a, b = keys // n, keys % n
        self.degree = np.bincount(a, minlength=n) + np.bincount(b, minlength=n)
        self.strength = np.bincount(a, weights=mutual, minlength=n) + np.bincount(
            b, weights=mutual, minlength=n
        )
        self.strongest = np.zeros(n)
        np.maximum.at(self.strongest, a, mutual)
        np.maximum.at(self.strongest, b, mutual)
        self.a, self.b = a, b
        simple = igraph.Graph(n=n, edges=np.stack([a, b], axis=1).tolist(), directed=False)
        tri = np.asarray(simple.list_triangles(), dtype=np.int64).reshape(-1, 3)
        self.triangles = tri

    def weight_of(self, u: NDArray[Any], v: NDArray[Any]) -> NDArray[Any]:
        lo, hi = np.minimum(u, v), np.maximum(u, v)
        idx = np.searchsorted(self.keys, lo * self.n + hi)
        return np.asarray(self.mutual[idx], dtype=float)

    def ordered_triples(self) -> list[tuple[NDArray[Any], NDArray[Any], NDArray[Any]]]:
        """Each triangle as its six (u, v, w) orders: the tie u-v and the third actor w."""
        x, y, z = self.triangles[:, 0], self.triangles[:, 1], self.triangles[:, 2]
        return [(x, y, z), (y, x, z), (x, z, y), (z, x, y), (y, z, x), (z, y, x)]

    def result(self, values: NDArray[Any]) -> dict[Any, float]:
        out = np.where(self.degree > 0, values, math.nan)
        return dict(zip(self.nodes, out.tolist(), strict=True))


def constraint(G: nx.Graph, *, weight: str | None = None, engine: str = "auto") -> dict[Any, float]:
    """Burt's constraint: how much an actor's ties lead back to the same few others.

    Low constraint marks a broker. ``weight`` (tie strength, e.g. evidence count) is
    optional; isolated nodes get NaN.

    Examples
    --------
    >>> import networkx as nx
    >>> c = constraint(nx.star_graph(3))
    >>> round(c[0], 4), c[1]
    (0.3333, 1.0)
    """
    if choose("constraint", engine, _ENGINES) == "networkx" or (
        engine == "auto" and G.number_of_edges() < _SMALL
    ):
        import networkx as nx

        return dict(nx.constraint(G, weight=weight))
    m = _Mutual(G, weight)
    n = m.n
    # Direct share p_uv for both orientations of every tie.
    src = np.concatenate([m.a, m.b])
    dst = np.concatenate([m.b, m.a])
    mutual2 = np.concatenate([m.mutual, m.mutual])
    p = mutual2 / m.strength[src]
    indirect = np.zeros(len(src))
    order = np.argsort(src * n + dst)
    sorted_keys = (src * n + dst)[order]
    for u, v, w in m.ordered_triples():
        contrib = (m.weight_of(u, w) / m.strength[u]) * (m.weight_of(w, v) / m.strength[w])
        idx = order[np.searchsorted(sorted_keys, u * n + v)]
        np.add.at(indirect, idx, contrib)
    values = np.bincount(src, weights=(p + indirect) ** 2, minlength=n)
    return m.result(values)


def effective_size(G: nx.Graph, *, weight: str | None = None, engine: str = "auto") -> dict[Any, float]:
    """Burt's effective size: the number of an actor's partners, less their redundancy.

    On an unweighted undirected graph it is ``degree - 2 * ties_among_partners / degree``.

    Examples
    --------
    >>> import networkx as nx
    >>> effective_size(nx.star_graph(3))[0]
    3.0
    >>> effective_size(nx.complete_graph(3))[0]
    1.0
    """
    if choose("effective_size", engine, _ENGINES) == "networkx":
        import networkx as nx

        # The per-node loop: networkx's sparse shortcut (taken without ``nodes``) departs
        # from the definition on weighted and directed graphs.
        return dict(nx.effective_size(G, nodes=list(G), weight=weight))
    m = _Mutual(G, weight)
    redundancy = np.zeros(m.n)
    for u, v, w in m.ordered_triples():
        contrib = (m.weight_of(u, w) / m.strength[u]) * (m.weight_of(v, w) / m.strongest[v])
        np.add.at(redundancy, u, contrib)
    return m.result(m.degree - redundancy)
