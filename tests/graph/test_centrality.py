"""Centrality measures: hand-derived values on small named graphs, and agreement with networkx.

Every engine is checked against networkx's own function on named graphs and on random
graphs of a few hundred nodes (directed, undirected, weighted, with isolated nodes):
same values within tolerance and the same top-20 ranking.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np
import pytest

from qkg.graph import centrality as c
from qkg.graph.projection import reduce_columns
from qkg.schemas import ValidationError

Measure = Callable[..., dict[Any, float]]


def _close(got: dict[Any, float], want: dict[Any, float], rel: float = 1e-6, abs_: float = 1e-9) -> None:
    assert got.keys() == want.keys()
    for k in want:
        assert got[k] == pytest.approx(want[k], rel=rel, abs=abs_), k


def _top20(scores: dict[Any, float]) -> list[Any]:
    return [k for k, _ in sorted(scores.items(), key=lambda kv: (-round(kv[1], 9), str(kv[0])))[:20]]


def _random_graph(directed: bool, seed: int = 2) -> nx.Graph:
    G = nx.gnm_random_graph(300, 1200, seed=seed, directed=directed)
    G.add_nodes_from(range(300, 304))  # isolated actors
    rng = random.Random(seed)
    for u, v in G.edges:
        G.edges[u, v]["w"] = rng.randint(1, 5)
    return G


# -- hand-derived values -------------------------------------------------------------------
P3 = nx.path_graph(["a", "b", "c"])
STAR = nx.star_graph(4)  # hub 0 with leaves 1..4


@pytest.mark.parametrize("engine", ["networkx", "auto"])
def test_path_of_three(engine: str) -> None:
    assert c.betweenness(P3, normalized=False, engine=engine) == {"a": 0.0, "b": 1.0, "c": 0.0}
    assert c.betweenness(P3, engine=engine) == {"a": 0.0, "b": 1.0, "c": 0.0}
    _close(c.closeness(P3, engine=engine), {"a": 2 / 3, "b": 1.0, "c": 2 / 3})
    _close(c.harmonic(P3, engine=engine), {"a": 1.5, "b": 2.0, "c": 1.5})
    # Katz, alpha=0.1, unnormalised: x_a = 1 + 0.1 x_b and x_b = 1 + 0.2 x_a
    # give x_a = 1.1 / 0.98 and x_b = 1.2 / 0.98.
    _close(
        c.katz(P3, alpha=0.1, normalized=False, engine=engine, tol=1e-12),
        {"a": 1.1 / 0.98, "b": 1.2 / 0.98, "c": 1.1 / 0.98},
        rel=1e-9,
    )
    # Eigenvector of P3: (1, sqrt 2, 1) / 2
    _close(
        c.eigenvector(P3, engine=engine, tol=1e-10, max_iter=1000),
        {"a": 0.5, "b": 0.5**0.5, "c": 0.5},
        rel=1e-4,
    )


@pytest.mark.parametrize("engine", ["networkx", "auto"])
def test_star(engine: str) -> None:
    assert c.degree(STAR) == {0: 4.0, 1: 1.0, 2: 1.0, 3: 1.0, 4: 1.0}
    assert c.degree(STAR, normalized=True)[0] == 1.0
    b = c.betweenness(STAR, engine=engine)
    assert b[0] == pytest.approx(1.0)
    assert b[1] == 0.0
    assert c.betweenness(STAR, normalized=False, engine=engine)[0] == pytest.approx(6.0)  # C(4, 2) pairs
    cl = c.closeness(STAR, engine=engine)
    assert cl[0] == pytest.approx(1.0)
    assert cl[1] == pytest.approx(4 / 7)
    # PageRank, hub h and leaves l: h = (1-a)/5 + 4al and l = (1-a)/5 + ah/4
    # give h = (1 + 4a) / (5 (1 + a)).
    pr = c.pagerank(STAR, engine=engine)
    a = 0.85
    assert pr[0] == pytest.approx((1 + 4 * a) / (5 * (1 + a)), rel=1e-4)
    assert sum(pr.values()) == pytest.approx(1.0)


def test_directed_degree_and_closeness_use_incoming_links() -> None:
    G = nx.DiGraph([("a", "b"), ("c", "b"), ("b", "d")])
    assert c.degree(G, direction="in") == {"a": 0.0, "b": 2.0, "c": 0.0, "d": 1.0}
    assert c.degree(G, direction="out") == {"a": 1.0, "b": 1.0, "c": 1.0, "d": 0.0}
    _close(c.closeness(G), nx.closeness_centrality(G))
    _close(c.harmonic(G), nx.harmonic_centrality(G))


def test_weighted_degree_sums_evidence() -> None:
    G = nx.Graph()
    G.add_edge("a", "b", weight=3)
    G.add_edge("a", "c", weight=1)
    assert c.degree(G, weight="weight") == {"a": 4.0, "b": 3.0, "c": 1.0}


def test_bad_options_raise() -> None:
    with pytest.raises(ValidationError, match="k=9"):
        c.betweenness(P3, k=9)
    with pytest.raises(ValidationError, match=r"alpha=1\.5"):
        c.pagerank(P3, alpha=1.5)
    with pytest.raises(ValidationError, match="direction 'sideways'"):
        c.degree(P3, direction="sideways")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="engine 'scipy' cannot compute betweenness"):
        c.betweenness(P3, engine="scipy")


# -- agreement with networkx ---------------------------------------------------------------
NAMED = {
    "karate": nx.karate_club_graph(),
    "florentine": nx.florentine_families_graph(),
    "les_miserables": nx.les_miserables_graph(),
    "davis": nx.davis_southern_women_graph(),
}

CASES: list[tuple[str, Measure, Callable[[nx.Graph], dict[Any, float]], dict[str, Any], float]] = [
    ("betweenness", c.betweenness, nx.betweenness_centrality, {}, 1e-9),
    ("betweenness-raw", c.betweenness, nx.betweenness_centrality, {"normalized": False}, 1e-9),
    ("closeness", c.closeness, nx.closeness_centrality, {}, 1e-9),
    ("harmonic", c.harmonic, nx.harmonic_centrality, {}, 1e-9),
    ("pagerank", c.pagerank, nx.pagerank, {"tol": 1e-12, "max_iter": 1000}, 1e-6),
    ("katz", c.katz, nx.katz_centrality, {"alpha": 0.05}, 1e-5),
    ("eigenvector", c.eigenvector, nx.eigenvector_centrality, {"max_iter": 1000}, 1e-3),
]


@pytest.mark.parametrize("graph", NAMED, ids=list(NAMED))
@pytest.mark.parametrize(("name", "ours", "theirs", "options", "rel"), CASES, ids=[x[0] for x in CASES])
def test_named_graphs_match_networkx(
    graph: str,
    name: str,
    ours: Measure,
    theirs: Callable[..., dict[Any, float]],
    options: dict[str, Any],
    rel: float,
) -> None:
    G = NAMED[graph]
    want = theirs(G, **options)
    for engine in ("networkx", "auto"):
        _close(ours(G, engine=engine, **options), want, rel=rel, abs_=1e-7)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize(
    ("measure", "options", "rel"),
    [
        (c.betweenness, {}, 1e-9),
        (c.betweenness, {"normalized": False}, 1e-9),
        (c.betweenness, {"k": 40, "seed": 3}, 1e-9),
        (c.betweenness, {"k": 40, "seed": 3, "normalized": False}, 1e-9),
        (c.betweenness, {"weight": "w"}, 1e-9),
        (c.closeness, {}, 1e-9),
        (c.closeness, {"distance": "w"}, 1e-9),
        (c.harmonic, {}, 1e-9),
        (c.harmonic, {"distance": "w"}, 1e-9),
        (c.pagerank, {"tol": 1e-12, "max_iter": 1000}, 1e-6),
        (c.pagerank, {"weight": "w", "tol": 1e-12, "max_iter": 1000}, 1e-6),
        (c.katz, {}, 1e-5),
        (c.katz, {"weight": "w"}, 1e-5),
    ],
)
def test_fast_engine_matches_networkx_on_random_graphs(
    directed: bool, measure: Measure, options: dict[str, Any], rel: float
) -> None:
    G = _random_graph(directed)
    want = measure(G, engine="networkx", **options)
    got = measure(G, engine="auto", **options)
    _close(got, want, rel=rel, abs_=1e-7)
    assert _top20(got) == _top20(want)


@pytest.mark.parametrize("weight", [None, "w"])
def test_fast_eigenvector_matches_networkx_on_a_connected_random_graph(weight: str | None) -> None:
    G = nx.gnm_random_graph(300, 1500, seed=5)
    G = G.subgraph(max(nx.connected_components(G), key=len)).copy()
    for u, v in G.edges:
        G.edges[u, v]["w"] = 1 + (u * v) % 4
    want = nx.eigenvector_centrality(G, weight=weight, max_iter=1000, tol=1e-10)
    got = c.eigenvector(G, weight=weight)
    _close(got, want, rel=1e-5, abs_=1e-8)
    assert _top20(got) == _top20(want)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_every_pagerank_engine_agrees(directed: bool) -> None:
    G = _random_graph(directed)
    exact = c.pagerank(G, engine="igraph", weight="w")
    tight = c.pagerank(G, engine="scipy", weight="w", tol=1e-14, max_iter=1000)
    _close(tight, exact, rel=1e-8)
    # At networkx's default tolerance the fast engine is networkx's own iteration.
    _close(c.pagerank(G, weight="w"), nx.pagerank(G, weight="w"), rel=1e-9)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("weight", [None, "weight"], ids=["unweighted", "weighted"])
def test_pagerank_on_arrays_is_networkx_iteration(directed: bool, weight: str | None) -> None:
    """On a :class:`Network` PageRank runs on the arc arrays (no matrix): networkx's values,
    dangling actors (directed, no out-arc) included."""
    rng = random.Random(3)
    n = 200
    pairs = sorted({(a, b) for a, b in ((rng.randrange(n), rng.randrange(n)) for _ in range(500)) if a != b})
    G = reduce_columns(
        [f"n{i:03d}" for i in range(n)],
        np.array([a for a, _ in pairs]),
        np.array([b for _, b in pairs]),
        np.array([1.0 + (a * b) % 3 for a, b in pairs]),
        np.zeros(len(pairs), dtype=bool),
        directed=directed,
    )
    ref = G.to_networkx()
    assert not directed or any(d == 0 for _, d in ref.out_degree)
    _close(c.pagerank(G, weight=weight), nx.pagerank(ref, weight=weight), rel=1e-9)


def test_default_katz_alpha_converges_where_networkx_default_does_not() -> None:
    G = nx.star_graph(200)  # spectral radius sqrt(200) > 1 / 0.1
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.katz_centrality(G)
    scores = c.katz(G)
    radius = c.spectral_radius(G)
    assert radius == pytest.approx(math.sqrt(200))
    _close(scores, nx.katz_centrality(G, alpha=0.85 / radius), rel=1e-5)


def test_empty_graph() -> None:
    G = nx.Graph()
    for measure in (c.betweenness, c.closeness, c.harmonic, c.pagerank, c.katz, c.eigenvector):
        assert measure(G, engine="auto") == {}


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_worker_processes_give_the_same_answer(directed: bool) -> None:
    G = nx.gnm_random_graph(2100, 5000, seed=11, directed=directed)
    for u, v in G.edges:
        G.edges[u, v]["w"] = 1 + (u + v) % 3
    for measure, options in [
        (c.betweenness, {}),
        (c.betweenness, {"k": 50, "seed": 1}),
        (c.betweenness, {"weight": "w"}),
        (c.closeness, {}),
        (c.harmonic, {"distance": "w"}),
    ]:
        one = measure(G, workers=1, **options)
        two = measure(G, workers=2, **options)
        _close(two, one, rel=1e-12, abs_=1e-12)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_degree_is_the_same_before_and_after_conversion(directed: bool) -> None:
    G = _random_graph(directed)
    before = {(d, w): c.degree(G, direction=d, weight=w) for d in ("total", "in", "out") for w in (None, "w")}
    c.pagerank(G)  # converts G for the fast engines
    after = {(d, w): c.degree(G, direction=d, weight=w) for d in ("total", "in", "out") for w in (None, "w")}
    assert after == before
