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

from .engines import choose, networkx_of, to_igraph
from .projection import Network

#: networkx's own loops beat building the arrays below this many edges.
_SMALL = 10_000

if TYPE_CHECKING:
    import networkx as nx
    from numpy.typing import NDArray

__all__ = ["constraint", "effective_size"]

_ENGINES = ("networkx", "numpy")


class _Mutual:
    """The undirected graph of mutual weights, as arrays, with its triangles."""

    def __init__(self, G: nx.Graph | Network, weight: str | None) -> None:
        view = to_igraph(G)
        self.nodes = view.nodes
        n = self.n = len(view.nodes)
        el = view.edge_array
        if el is None:
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
        simple = view.graph.as_undirected(mode="collapse") if G.is_directed() else view.graph
        tri = np.asarray(simple.list_triangles(), dtype=np.int64).reshape(-1, 3)
        tri.sort(axis=1)
        # Each triangle x < y < z with the index (into keys) and mutual weight of its ties.
        self.x, self.y, self.z = tri[:, 0], tri[:, 1], tri[:, 2]
        self.e_xy = np.searchsorted(keys, self.x * n + self.y)
        self.e_xz = np.searchsorted(keys, self.x * n + self.z)
        self.e_yz = np.searchsorted(keys, self.y * n + self.z)
        self.m_xy, self.m_xz, self.m_yz = mutual[self.e_xy], mutual[self.e_xz], mutual[self.e_yz]

    def result(self, values: NDArray[Any]) -> dict[Any, float]:
        out = np.where(self.degree > 0, values, math.nan)
        return dict(zip(self.nodes, out.tolist(), strict=True))


def constraint(G: nx.Graph | Network, *, weight: str | None = None, engine: str = "auto") -> dict[Any, float]:
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
    if G.number_of_edges() == 0:  # networkx refuses a graph without edges; every node is isolated
        return dict.fromkeys(G, math.nan)
    if choose("constraint", engine, _ENGINES) == "networkx" or (
        engine == "auto" and G.number_of_edges() < _SMALL
    ):
        import networkx as nx

        return dict(nx.constraint(networkx_of(G), weight=weight))
    m = _Mutual(G, weight)
    n, ties = m.n, len(m.mutual)
    # Direct share p_uv for both orientations of every tie: index e is (a -> b), e + ties (b -> a).
    src = np.concatenate([m.a, m.b])
    p = np.concatenate([m.mutual, m.mutual]) / m.strength[src]
    # Indirect share through each triangle's third actor w: p_uw * p_wv, for the six orders.
    S, x, y, z = m.strength, m.x, m.y, m.z
    terms = [
        (m.e_xy, m.m_xz / S[x] * m.m_yz / S[z]),  # x -> y via z
        (m.e_xy + ties, m.m_yz / S[y] * m.m_xz / S[z]),  # y -> x via z
        (m.e_xz, m.m_xy / S[x] * m.m_yz / S[y]),  # x -> z via y
        (m.e_xz + ties, m.m_yz / S[z] * m.m_xy / S[y]),  # z -> x via y
        (m.e_yz, m.m_xy / S[y] * m.m_xz / S[x]),  # y -> z via x
        (m.e_yz + ties, m.m_xz / S[z] * m.m_xy / S[x]),  # z -> y via x
    ]
    indirect = np.zeros(2 * ties)
    for idx, contrib in terms:
        indirect += np.bincount(idx, weights=contrib, minlength=2 * ties)
    values = np.bincount(src, weights=(p + indirect) ** 2, minlength=n)
    return m.result(values)


def effective_size(
    G: nx.Graph | Network, *, weight: str | None = None, engine: str = "auto"
) -> dict[Any, float]:
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
        return dict(nx.effective_size(networkx_of(G), nodes=list(G), weight=weight))
    m = _Mutual(G, weight)
    S, top, x, y, z = m.strength, m.strongest, m.x, m.y, m.z
    # Redundancy of ego u's alter v through w, both tied to u and v: p_uw * m_vw, six orders.
    terms = [
        (x, m.m_xz / S[x] * m.m_yz / top[y]),  # ego x, alter y, via z
        (y, m.m_yz / S[y] * m.m_xz / top[x]),  # ego y, alter x, via z
        (x, m.m_xy / S[x] * m.m_yz / top[z]),  # ego x, alter z, via y
        (z, m.m_yz / S[z] * m.m_xy / top[x]),  # ego z, alter x, via y
        (y, m.m_xy / S[y] * m.m_xz / top[z]),  # ego y, alter z, via x
        (z, m.m_xz / S[z] * m.m_xy / top[y]),  # ego z, alter y, via x
    ]
    redundancy = np.zeros(m.n)
    for ego, contrib in terms:
        redundancy += np.bincount(ego, weights=contrib, minlength=m.n)
    return m.result(m.degree - redundancy)
