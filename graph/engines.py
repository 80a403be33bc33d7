"""Fast engines behind the analytics functions, chosen by measurement.

Every measure has a networkx implementation (the reference) and, where one is faster, an
engine that computes the same values: python-igraph (C core) or scipy sparse matrices.
The choice below was measured on the synthetic 100k-actor / 1M-relation ecosystem
(``bench/analytics.py``, figures in ``docs/bench-analytics.md``): igraph beat rustworkx
and networkx on every path-based and spectral measure; scipy matches igraph for Katz,
which igraph lacks. Tests check each engine against networkx on random graphs.

Converting a networkx graph costs about a second per million edges, so the converted forms
are kept on the graph object itself (dropped when the graph's size changes, freed with the
graph, never pickled with it to a worker): several measures on one projection convert once.
No module-level table refers to a graph.
"""

from __future__ import annotations

import multiprocessing
import random
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from qkg.schemas import ValidationError

from .projection import Network

if TYPE_CHECKING:
    import igraph
    import networkx as nx
    import scipy.sparse

__all__ = [
    "ENGINES",
    "FAST_ENGINE",
    "PARALLEL_MIN_NODES",
    "Engine",
    "IGraphView",
    "adopt",
    "cached_igraph",
    "choose",
    "in_chunks",
    "networkx_of",
    "seeded_igraph",
    "to_csr",
    "to_igraph",
]

#: ``auto`` picks the measured fastest engine for the measure; the others force one.
Engine = Literal["auto", "networkx", "igraph", "scipy", "numpy"]
ENGINES: tuple[str, ...] = ("auto", "networkx", "igraph", "scipy", "numpy")

#: The fastest engine per measure, from bench/analytics.py (see docs/bench-analytics.md).
FAST_ENGINE: dict[str, str] = {
    "degree": "networkx",  # a dict comprehension over the adjacency; conversion would cost more
    "betweenness": "igraph",
    "closeness": "igraph",
    "harmonic": "igraph",
    "eigenvector": "igraph",
    "pagerank": "scipy",  # networkx's iteration on a cached matrix; PRPACK was slower
    "katz": "scipy",
    "louvain": "igraph",
    "leiden": "igraph",
    "kcore": "igraph",
    "components": "igraph",
    "constraint": "numpy",  # vectorised over triangles (brokerage.py)
    "effective_size": "numpy",
}
#: Below this many edges networkx is fast enough and is the reference, so ``auto`` keeps
#: it for measures whose engines legitimately differ (community detection's randomness).
SMALL_GRAPH_EDGES = 20_000


def choose(measure: str, engine: str, supported: tuple[str, ...]) -> str:
    """The engine to run ``measure`` with: ``engine`` itself, or the fastest for ``auto``.

    >>> choose("betweenness", "auto", ("networkx", "igraph"))
    'igraph'
    >>> choose("betweenness", "networkx", ("networkx", "igraph"))
    'networkx'
    """
    if engine == "auto":
        fast = FAST_ENGINE.get(measure, "networkx")
        return fast if fast in supported else "networkx"
    if engine not in supported:
        raise ValidationError(
            f"engine {engine!r} cannot compute {measure} (choose one of {', '.join(('auto', *supported))})"
        )
    return engine


@dataclass(frozen=True, slots=True)
class IGraphView:
    """A networkx graph as igraph: vertex ``i`` is ``nodes[i]`` (the networkx node order)."""

    graph: igraph.Graph
    nodes: list[Any]
    index: dict[Any, int]
    skipped: frozenset[str] = frozenset()
    #: The edge list as an (m, 2) integer array, for building sparse matrices without
    #: going back through Python tuples.
    edge_array: Any = None

    def weights(self, attribute: str | None) -> list[float] | None:
        """Edge weights from a networkx edge attribute, or None for all 1.

        As in networkx, edges without the attribute count 1 (so a graph without it at all
        is unweighted); an attribute with non-numeric values is an error.
        """
        if attribute is None:
            return None
        key = f"w:{attribute}"
        if key not in self.graph.es.attributes():
            if attribute in self.skipped:
                raise ValidationError(f"edge attribute {attribute!r} has values that are not numbers")
            return None
        return list(self.graph.es[key])

    def to_dict(self, values: Any) -> dict[Any, float]:
        return dict(zip(self.nodes, (float(v) for v in values), strict=True))


class _Forms:
    """The converted forms of one graph, for as long as its size stays ``fingerprint``.

    Kept on the graph object (:func:`_forms`), so they live and die with it; pickled (a
    :class:`~qkg.graph.projection.Network` sent to a worker process) as an empty holder, so
    only the graph's own arrays cross over. Two threads converting the same graph at once
    may both convert; the last one's form is kept (both are equal).
    """

    __slots__ = ("csr", "fingerprint", "igraph", "networkx")

    def __init__(self, fingerprint: tuple[int, int]) -> None:
        self.fingerprint = fingerprint
        self.igraph: IGraphView | None = None
        self.csr: dict[str | None, tuple[scipy.sparse.csr_array, list[Any]]] = {}
        self.networkx: nx.Graph | None = None

    def __reduce__(self) -> tuple[type[_Forms], tuple[tuple[int, int]]]:
        return (_Forms, (self.fingerprint,))


#: The attribute of a graph object holding its :class:`_Forms`.
_FORMS = "_qkg_engine_forms"


def _forms(G: nx.Graph | Network) -> _Forms:
    """``G``'s converted forms, emptied first if its size changed since they were made."""
    fp = _fingerprint(G)
    forms = vars(G).get(_FORMS)
    if not isinstance(forms, _Forms) or forms.fingerprint != fp:
        forms = _Forms(fp)
        object.__setattr__(G, _FORMS, forms)  # a Network is a frozen dataclass
    return forms


def _fingerprint(G: nx.Graph | Network) -> tuple[int, int]:
    return (G.number_of_nodes(), G.number_of_edges())


def _edge_attributes(G: nx.Graph) -> tuple[list[str], frozenset[str]]:
    """Edge attributes whose values are all numbers, and the others."""
    names: set[str] = set()
    bad: set[str] = set()
    for _, _, data in G.edges(data=True):
        for k, v in data.items():
            if isinstance(v, bool) or not isinstance(v, int | float):
                bad.add(k)
            else:
                names.add(k)
    return sorted(names - bad), frozenset(bad)


def cached_igraph(G: nx.Graph | Network) -> IGraphView | None:
    """The igraph form of ``G`` if it is already converted and current, else None."""
    return _forms(G).igraph


def to_igraph(G: nx.Graph | Network) -> IGraphView:
    """``G`` as an igraph graph with its numeric edge attributes (cached per graph object).

    A :class:`~qkg.graph.projection.Network` converts from its arrays, without a pass over
    Python objects per edge.

    >>> import networkx as nx
    >>> view = to_igraph(nx.path_graph(["a", "b", "c"]))
    >>> view.graph.vcount(), view.graph.ecount(), view.nodes
    (3, 2, ['a', 'b', 'c'])
    """
    import igraph

    if G.is_multigraph():
        raise ValidationError("the fast engines need a simple graph: reduce the multigraph first")
    forms = _forms(G)
    if forms.igraph is not None:
        return forms.igraph
    if isinstance(G, Network):
        forms.igraph = _network_view(G)
        return forms.igraph
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    attrs, skipped = _edge_attributes(G)
    edges = []
    columns: dict[str, list[float]] = {a: [] for a in attrs}
    for u, v, data in G.edges(data=True):
        edges.append((index[u], index[v]))
        for a in attrs:
            columns[a].append(float(data.get(a, 1)))
    g = igraph.Graph(n=len(nodes), edges=edges, directed=G.is_directed())
    for a, col in columns.items():
        g.es[f"w:{a}"] = col
    view = forms.igraph = IGraphView(
        g, nodes, index, skipped, np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    )
    return view


def _network_view(G: Network) -> IGraphView:
    import igraph

    edges = np.column_stack([G.source, G.target]).astype(np.int64)
    g = igraph.Graph(n=len(G), edges=edges, directed=G.directed)
    weight = G.weight.tolist()
    g.es["w:weight"] = weight
    g.es["w:distance"] = (1.0 / G.weight).tolist()
    g.es["w:links"] = G.links.astype(np.float64).tolist()
    nodes = list(G.ids)
    return IGraphView(g, nodes, {n: i for i, n in enumerate(nodes)}, edge_array=edges)


def networkx_of(G: nx.Graph | Network) -> nx.Graph:
    """``G`` itself, or the networkx form of a :class:`~qkg.graph.projection.Network`
    (cached per object): for the measures whose engine is networkx's own function."""
    if not isinstance(G, Network):
        return G
    forms = _forms(G)
    if forms.networkx is None:
        forms.networkx = G.to_networkx()
    return forms.networkx


def adopt(G: nx.Graph, edges: Sequence[tuple[int, int]], columns: dict[str, list[float]]) -> IGraphView:
    """Cache the igraph form of ``G`` built by its maker from arrays it already has.

    ``edges`` index ``list(G)``; ``columns`` are numeric edge attributes in edge order.
    Saves the pass over networkx's edge dicts that :func:`to_igraph` would make.
    """
    import igraph

    nodes = list(G)
    g = igraph.Graph(n=len(nodes), edges=edges, directed=G.is_directed())
    for a, col in columns.items():
        g.es[f"w:{a}"] = col
    view = _forms(G).igraph = IGraphView(
        g,
        nodes,
        {n: i for i, n in enumerate(nodes)},
        edge_array=np.asarray(edges, dtype=np.int64).reshape(-1, 2),
    )
    return view


def to_csr(G: nx.Graph | Network, weight: str | None = None) -> tuple[scipy.sparse.csr_array, list[Any]]:
    """The adjacency matrix of ``G`` (rows = sources) in networkx node order, cached.

    Undirected edges appear in both directions; missing weights count 1.

    >>> import networkx as nx
    >>> A, nodes = to_csr(nx.path_graph(3))
    >>> A.toarray().tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    import scipy.sparse

    forms = _forms(G)
    cached = forms.csr.get(weight)
    if cached is not None:
        return cached
    if isinstance(G, Network):  # straight from the arrays: no igraph graph needed
        nodes = list(G.ids)
        rows, cols = G.source.astype(np.int64), G.target.astype(np.int64)
        data = np.ones(len(rows)) if weight is None else G.edge_values(weight)
    else:
        view = to_igraph(G)
        nodes = view.nodes
        el = view.edge_array
        if el is None:
            el = np.asarray(view.graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        w = view.weights(weight)
        data = np.ones(len(el)) if w is None else np.asarray(w, dtype=float)
        rows, cols = el[:, 0], el[:, 1]
    n = len(nodes)
    if not G.is_directed():
        rows, cols, data = (
            np.concatenate([rows, cols]),
            np.concatenate([cols, rows]),
            np.concatenate([data, data]),
        )
    A = scipy.sparse.csr_array((data, (rows, cols)), shape=(n, n))
    forms.csr[weight] = (A, nodes)
    return A, nodes


_RNG_LOCK = threading.Lock()


@contextmanager
def seeded_igraph(seed: int | None) -> Iterator[None]:
    """Run igraph's randomised algorithms with a private seeded generator, then restore it.

    python-igraph draws from one process-wide generator; the lock keeps two seeded runs
    from interleaving their draws.
    """
    import igraph

    with _RNG_LOCK:
        igraph.set_random_number_generator(random.Random(seed))  # noqa: S311 - reproducible
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


#: Below this many nodes a worker process costs more than it saves.
PARALLEL_MIN_NODES = 2_000
_FORKED: tuple[Callable[[IGraphView, list[int]], Any], IGraphView] | None = None
_FORK_LOCK = threading.Lock()


def _run_chunk(chunk: list[int]) -> Any:
    assert _FORKED is not None
    fn, view = _FORKED
    return fn(view, chunk)


def in_chunks(
    fn: Callable[[IGraphView, list[int]], Any], view: IGraphView, items: Sequence[int], *, workers: int = 1
) -> list[Any]:
    """``fn(view, chunk)`` over ``workers`` chunks of ``items``, in forked processes.

    Path-based measures cost one search per source (or target) node and python-igraph
    holds the GIL, so separate processes are the way to use several cores. Workers are
    forked (the graph is shared copy-on-write, nothing is pickled but the results); where
    fork is unavailable, or the graph is small, the chunks run in this process. Results
    come back in chunk order, so the answer does not depend on ``workers``.

    The collector is left as the caller set it: a collection in a worker touches every
    object and copies the parent's pages, so the entry point that asks for workers (``qkg
    centrality --workers N``) turns it off around the computation, and the forked workers
    inherit that.
    """
    global _FORKED
    workers = max(1, min(workers, len(items)))
    size = -(-len(items) // workers) if items else 0
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)] if items else []
    parallel = (
        workers > 1
        and len(view.nodes) >= PARALLEL_MIN_NODES
        and "fork" in multiprocessing.get_all_start_methods()
    )
    if not parallel:
        return [fn(view, c) for c in chunks]
    with _FORK_LOCK:  # one forked computation at a time: _FORKED is process-wide
        _FORKED = (fn, view)
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                return pool.map(_run_chunk, chunks)
        finally:
            _FORKED = None
