"""Centrality measures: who is a hub, who lies between others, who is close to everyone.

One function per measure, ``G`` first and keyword-only options after, returning
``{node: score}`` exactly as networkx's function of the same name does (same definitions,
same normalisation, same handling of directed graphs and disconnected parts). ``engine``
picks the implementation: ``"networkx"`` is the reference; ``"auto"`` runs the measured
fastest engine (:mod:`qkg.graph.engines`), whose values the tests check against networkx.

Path-based measures read ``weight``/``distance`` as a *length* (networkx's convention);
the analytics service turns evidence counts into lengths ``1 / count`` for them.
"""

from __future__ import annotations

import math
import random
import warnings
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from qkg.schemas import ValidationError

from .engines import IGraphView, cached_igraph, choose, in_chunks, networkx_of, to_csr, to_igraph
from .projection import Network

if TYPE_CHECKING:
    import networkx as nx
    from numpy.typing import NDArray

__all__ = [
    "betweenness",
    "closeness",
    "degree",
    "eigenvector",
    "harmonic",
    "katz",
    "pagerank",
]

Scores = dict[Any, float]
_IG = ("networkx", "igraph")


def degree(
    G: nx.Graph | Network,
    *,
    direction: Literal["total", "in", "out"] = "total",
    weight: str | None = None,
    normalized: bool = False,
) -> Scores:
    """Number of links of each node (or their summed ``weight``: evidence counts).

    ``normalized`` divides by ``n - 1`` as :func:`networkx.degree_centrality` does.
    On an undirected graph ``in`` and ``out`` equal ``total``.

    Examples
    --------
    >>> import networkx as nx
    >>> degree(nx.star_graph(3))
    {0: 3, 1: 1, 2: 1, 3: 1}
    >>> degree(nx.DiGraph([("a", "b"), ("c", "b")]), direction="in")
    {'a': 0, 'b': 2, 'c': 0}
    """
    if direction not in ("total", "in", "out"):
        raise ValidationError(f"direction {direction!r} is not one of total, in, out")
    scale = 1.0 / (len(G) - 1) if normalized and len(G) > 1 else 1.0
    if isinstance(G, Network):  # counted from the arrays
        arcs = None if weight is None else G.edge_values(weight)
        n = len(G)
        ins = np.bincount(G.target, weights=arcs, minlength=n)
        outs = np.bincount(G.source, weights=arcs, minlength=n)
        directional = G.directed and direction != "total"
        counts = (ins if direction == "in" else outs) if directional else ins + outs
        values = counts.tolist() if weight is not None else counts.astype(np.int64).tolist()
        if scale != 1.0:
            values = [d * scale for d in values]
        return dict(zip(G.ids, values, strict=True))
    ig = cached_igraph(G)
    if ig is not None:  # already converted for another measure: count in C
        mode = {"total": "all", "in": "in", "out": "out"}[direction] if G.is_directed() else "all"
        w = ig.weights(weight)
        counts = ig.graph.degree(mode=mode) if w is None else ig.graph.strength(mode=mode, weights=w)
        if scale == 1.0:  # counts (ints) or strengths (floats) as they are, like networkx
            return dict(zip(ig.nodes, counts, strict=True))
        return dict(zip(ig.nodes, (d * scale for d in counts), strict=True))
    if G.is_directed() and direction == "in":
        view = G.in_degree(weight=weight)
    elif G.is_directed() and direction == "out":
        view = G.out_degree(weight=weight)
    else:
        view = G.degree(weight=weight)
    return dict(view) if scale == 1.0 else {n: d * scale for n, d in view}


def _betweenness_scale(n: int, *, normalized: bool, directed: bool, k: int | None) -> tuple[float, float]:
    """networkx's rescaling (endpoints excluded) as (factor for sampled sources, for others)."""
    big_n = n - 1
    if big_n < 2:
        return 1.0, 1.0
    c = 1 if directed else 2
    if k is None:
        s = 1 / (big_n * (big_n - 1)) if normalized else 1 / c
        return s, s
    src = 1 / ((k - 1) * (big_n - 1)) if normalized else big_n / ((k - 1) * c)
    other = 1 / (k * (big_n - 1)) if normalized else big_n / (k * c)
    return (src if k > 1 else math.nan), other


def betweenness(
    G: nx.Graph | Network,
    *,
    k: int | None = None,
    normalized: bool = True,
    weight: str | None = None,
    seed: int | None = None,
    engine: str = "auto",
    workers: int = 1,
) -> Scores:
    """Share of shortest paths between other nodes that pass through each node: brokers.

    With ``k``, only ``k`` source nodes (drawn with ``seed`` exactly as networkx draws
    them) are used and the sum is scaled up: an estimate for large graphs. ``workers``
    processes share the sources (same answer, see :func:`qkg.graph.engines.in_chunks`).

    Examples
    --------
    >>> import networkx as nx
    >>> betweenness(nx.path_graph(["a", "b", "c"]), normalized=False)
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    >>> betweenness(nx.star_graph(3))[0]
    1.0
    """
    n = len(G)
    if k is not None and not 0 < k <= n:
        raise ValidationError(f"sample size k={k} must be between 1 and the number of nodes ({n})")
    if k == n:
        k = None
    if choose("betweenness", engine, _IG) == "networkx":
        import networkx as nx

        return dict(
            nx.betweenness_centrality(networkx_of(G), k=k, normalized=normalized, weight=weight, seed=seed)
        )
    if n == 0:
        return {}
    view = to_igraph(G)
    sources = None if k is None else random.Random(seed).sample(list(G), k)  # noqa: S311 - seeded, as networkx
    if workers > 1:
        picked_idx = range(n) if sources is None else [view.index[s] for s in sources]
        parts = in_chunks(partial(_betweenness_from, weight=weight), view, list(picked_idx), workers=workers)
        raw = np.sum(parts, axis=0).tolist()
    else:
        raw = view.graph.betweenness(
            directed=G.is_directed(),
            weights=view.weights(weight),
            sources=None if sources is None else [view.index[s] for s in sources],
        )
    # On undirected graphs igraph counts each pair once where networkx's raw sum counts
    # both orders; then networkx's own rescaling applies.
    twice = 1.0 if G.is_directed() else 2.0
    s_src, s_other = _betweenness_scale(n, normalized=normalized, directed=G.is_directed(), k=k)
    picked = set(sources or ())
    return {
        node: value * twice * (s_src if node in picked else s_other)
        for node, value in zip(view.nodes, raw, strict=True)
    }


def _betweenness_from(view: IGraphView, sources: list[int], *, weight: str | None) -> Any:
    g = view.graph
    return np.asarray(g.betweenness(directed=g.is_directed(), weights=view.weights(weight), sources=sources))


def _closeness_of(view: IGraphView, vertices: list[int], *, distance: str | None) -> Any:
    g = view.graph
    mode = "in" if g.is_directed() else "all"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # igraph warns on disconnected graphs
        values = g.closeness(vertices=vertices, mode=mode, weights=view.weights(distance), normalized=True)
    reach = g.neighborhood_size(vertices=vertices, order=g.vcount(), mode="in") if g.is_directed() else None
    return values, reach


def _harmonic_of(view: IGraphView, vertices: list[int], *, distance: str | None) -> Any:
    g = view.graph
    mode = "in" if g.is_directed() else "all"
    return g.harmonic_centrality(
        vertices=vertices, mode=mode, weights=view.weights(distance), normalized=False
    )


def closeness(
    G: nx.Graph | Network, *, distance: str | None = None, engine: str = "auto", workers: int = 1
) -> Scores:
    """Inverse mean distance to each node, scaled by the share of nodes that reach it.

    The Wasserman–Faust form networkx uses (``wf_improved=True``), so that small
    components do not look central; incoming distances on directed graphs. ``workers``
    processes share the nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> closeness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.6666666666666666, 'b': 1.0, 'c': 0.6666666666666666}
    """
    if choose("closeness", engine, _IG) == "networkx":
        import networkx as nx

        return dict(nx.closeness_centrality(networkx_of(G), distance=distance))
    n = len(G)
    if n <= 1:
        return dict.fromkeys(G, 0.0)
    view = to_igraph(G)
    parts = in_chunks(partial(_closeness_of, distance=distance), view, list(range(n)), workers=workers)
    per_reach = [v for values, _ in parts for v in values]
    if G.is_directed():
        reach = [int(r) for _, counts in parts for r in counts]
    else:
        membership = view.graph.connected_components().membership
        sizes = np.bincount(membership)
        reach = [int(sizes[m]) for m in membership]
    out: Scores = {}
    for node, c, r in zip(view.nodes, per_reach, reach, strict=True):
        out[node] = 0.0 if r <= 1 or c is None or math.isnan(c) else c * (r - 1) / (n - 1)
    return out


def harmonic(
    G: nx.Graph | Network, *, distance: str | None = None, engine: str = "auto", workers: int = 1
) -> Scores:
    """Sum of inverse distances to each node: closeness that adds up across components.

    Examples
    --------
    >>> import networkx as nx
    >>> harmonic(nx.path_graph(["a", "b", "c"]))
    {'a': 1.5, 'b': 2.0, 'c': 1.5}
    """
    if choose("harmonic", engine, _IG) == "networkx":
        import networkx as nx

        return {k: float(v) for k, v in nx.harmonic_centrality(networkx_of(G), distance=distance).items()}
    if len(G) == 0:
        return {}
    view = to_igraph(G)
    parts = in_chunks(partial(_harmonic_of, distance=distance), view, list(range(len(G))), workers=workers)
    return view.to_dict([v for part in parts for v in part])


def eigenvector(
    G: nx.Graph | Network,
    *,
    weight: str | None = None,
    max_iter: int = 100,
    tol: float = 1e-6,
    engine: str = "auto",
) -> Scores:
    """Importance from important neighbours: the principal eigenvector, unit Euclidean norm.

    Incoming links on directed graphs, as networkx.

    Examples
    --------
    >>> import networkx as nx
    >>> s = eigenvector(nx.star_graph(2))
    >>> round(s[0], 4), round(s[1], 4)
    (0.7071, 0.5)
    """
    if choose("eigenvector", engine, _IG) == "networkx":
        import networkx as nx

        return dict(nx.eigenvector_centrality(networkx_of(G), max_iter=max_iter, tol=tol, weight=weight))
    n = len(G)
    if n == 0:
        return {}
    if G.number_of_edges() == 0:
        return dict.fromkeys(G, 1.0 / math.sqrt(n))
    view = to_igraph(G)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        values = np.asarray(
            view.graph.eigenvector_centrality(weights=view.weights(weight)),
            dtype=float,
        )
    norm = float(np.linalg.norm(values))
    return view.to_dict(values / norm if norm > 0 else values)


def pagerank(
    G: nx.Graph | Network,
    *,
    alpha: float = 0.85,
    weight: str | None = "weight",
    max_iter: int = 100,
    tol: float = 1e-6,
    engine: str = "auto",
) -> Scores:
    """PageRank with damping ``alpha``; dangling nodes spread their rank evenly.

    As networkx, ``weight`` defaults to the ``weight`` attribute (1 where missing), and
    iterates until the total change is below ``n * tol``. The fast engine runs that very
    iteration on a cached sparse matrix; ``engine="igraph"`` solves exactly (PRPACK), which
    measured slower on a million edges.

    Examples
    --------
    >>> import networkx as nx
    >>> s = pagerank(nx.star_graph(2))
    >>> round(s[0], 4), round(s[1], 4)
    (0.4865, 0.2568)
    """
    if not 0 < alpha < 1:
        raise ValidationError(f"alpha={alpha} must be between 0 and 1")
    chosen = choose("pagerank", engine, ("networkx", "igraph", "scipy"))
    if chosen == "networkx":
        import networkx as nx

        return dict(nx.pagerank(networkx_of(G), alpha=alpha, weight=weight, max_iter=max_iter, tol=tol))
    n = len(G)
    if n == 0:
        return {}
    if chosen == "igraph":
        view = to_igraph(G)
        values = view.graph.pagerank(directed=G.is_directed(), damping=alpha, weights=view.weights(weight))
        return view.to_dict(values)
    if isinstance(G, Network):  # the same iteration on the arc arrays: no matrix, no scipy import
        return dict(zip(G.ids, _pagerank_arcs(G, alpha, weight, max_iter, tol).tolist(), strict=True))
    # networkx's own power iteration and stopping rule, on the cached sparse matrix.
    A, nodes = to_csr(G, weight)
    out_strength = np.asarray(A.sum(axis=1)).ravel()
    dangling = out_strength == 0
    inverse = np.divide(1.0, out_strength, out=np.zeros(n), where=~dangling)
    transition_t = (A.T.multiply(inverse)).tocsr()  # column j scaled by 1 / strength(j)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (transition_t @ last + last[dangling].sum() / n) + (1 - alpha) / n
        if float(np.abs(x - last).sum()) < n * tol:
            return dict(zip(nodes, x.tolist(), strict=True))
    import networkx as nx

    raise nx.PowerIterationFailedConvergence(max_iter)


def _pagerank_arcs(
    G: Network, alpha: float, weight: str | None, max_iter: int, tol: float
) -> NDArray[np.float64]:
    """networkx's power iteration and stopping rule (as the matrix path above) over ``G``'s
    arcs: each step gathers the sources' rank and sums it per target (``np.bincount``).
    Importing scipy.sparse alone costs more than this on a hundred thousand edges."""
    n = len(G)
    src, dst = G.source, G.target
    w = None if weight is None else G.edge_values(weight)
    if not G.directed:
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
        w = None if w is None else np.concatenate([w, w])
    order = np.argsort(dst, kind="stable")  # arcs by target: the sums read memory in order
    src, dst = src[order], dst[order]
    out_strength = np.bincount(src, weights=None if w is None else w[order], minlength=n)
    dangling = np.flatnonzero(out_strength == 0)
    share = np.divide(1.0, out_strength, out=np.zeros(n), where=out_strength != 0)
    coef = share[src] if w is None else w[order] * share[src]
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        spread = np.bincount(dst, weights=last[src] * coef, minlength=n)
        x = alpha * (spread + last[dangling].sum() / n) + (1 - alpha) / n
        if float(np.abs(x - last).sum()) < n * tol:
            return np.asarray(x, dtype=np.float64)
    import networkx as nx

    raise nx.PowerIterationFailedConvergence(max_iter)


def spectral_radius(G: nx.Graph | Network, *, weight: str | None = None) -> float:
    """Largest eigenvalue of the adjacency matrix (0 for a graph without cycles)."""
    if G.number_of_edges() == 0:
        return 0.0
    view = to_igraph(G)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        # directed=False is rejected by igraph 1.0; undirected graphs need no flag.
        _, value = view.graph.eigenvector_centrality(weights=view.weights(weight), return_eigenvalue=True)
    return float(abs(value))


def katz(
    G: nx.Graph | Network,
    *,
    alpha: float | None = None,
    beta: float = 1.0,
    weight: str | None = None,
    max_iter: int = 1000,
    tol: float = 1e-6,
    normalized: bool = True,
    engine: str = "auto",
) -> Scores:
    """Katz centrality: walks of every length reaching a node, longer ones damped by ``alpha``.

    ``alpha`` defaults to ``0.85 / λ_max`` (the series converges only below ``1 / λ_max``;
    networkx's fixed default of 0.1 diverges on graphs with hubs). The fast engine solves
    the linear system to 1e-10 where networkx stops its power iteration at ``tol``.

    Examples
    --------
    >>> import networkx as nx
    >>> s = katz(nx.path_graph(["a", "b", "c"]), alpha=0.1, normalized=False)
    >>> round(s["a"], 4), round(s["b"], 4)
    (1.1224, 1.2245)
    """
    if alpha is None:
        radius = spectral_radius(G, weight=weight)
        alpha = 0.85 / radius if radius > 0 else 0.1
    if alpha <= 0:
        raise ValidationError(f"alpha={alpha} must be positive")
    if choose("katz", engine, ("networkx", "scipy")) == "networkx":
        import networkx as nx

        return dict(
            nx.katz_centrality(
                networkx_of(G),
                alpha=alpha,
                beta=beta,
                max_iter=max_iter,
                tol=tol,
                normalized=normalized,
                weight=weight,
            )
        )
    n = len(G)
    if n == 0:
        return {}
    import scipy.sparse
    import scipy.sparse.linalg

    if alpha * spectral_radius(G, weight=weight) >= 1:
        import networkx as nx

        raise nx.PowerIterationFailedConvergence(max_iter)  # the series diverges, as networkx finds
    A, nodes = to_csr(G, weight)
    # Katz scores solve (I - alpha A^T) x = beta; a Krylov solver needs a few dozen
    # products where the power iteration needs hundreds near alpha = 1 / lambda_max.
    M = (scipy.sparse.identity(n, format="csr") - alpha * A.T).tocsr()
    b = np.full(n, float(beta))
    solve = scipy.sparse.linalg.cg if not G.is_directed() else scipy.sparse.linalg.bicgstab
    x, info = solve(M, b, rtol=min(tol, 1e-10), maxiter=max_iter)
    if info != 0:
        import networkx as nx

        raise nx.PowerIterationFailedConvergence(max_iter)
    if normalized:
        norm = float(np.linalg.norm(x))
        x = x / norm if norm > 0 else x
    return dict(zip(nodes, x.tolist(), strict=True))
