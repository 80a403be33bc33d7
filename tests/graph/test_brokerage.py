"""Burt's constraint and effective size: hand-derived values, and agreement with networkx.

networkx 3.6 has two code paths for ``effective_size``: a per-node loop that follows the
documented definition (Burt 1992, as networkx's docstring gives it) and a sparse-matrix
shortcut taken when no ``nodes`` are given, which normalises the redundancy by the
maximum tie of the wrong actor on weighted and directed graphs. We follow the definition
and compare with the loop (``nodes=list(G)``); on unweighted undirected graphs both paths
agree and we check that too.
"""

from __future__ import annotations

import math
import random
from typing import Any

import networkx as nx
import pytest

from qkg.graph.brokerage import constraint, effective_size


def _same(got: dict[Any, float], want: dict[Any, float], skip: set[Any] | None = None) -> None:
    assert got.keys() == want.keys()
    for k, v in want.items():
        if skip and k in skip:
            continue
        if math.isnan(v):
            assert math.isnan(got[k]), k
        else:
            assert got[k] == pytest.approx(v, rel=1e-9, abs=1e-12), k


def _random(directed: bool, seed: int = 4) -> nx.Graph:
    G = nx.gnm_random_graph(250, 1000, seed=seed, directed=directed)
    G.add_nodes_from(range(250, 253))
    rng = random.Random(seed)
    for u, v in G.edges:
        G.edges[u, v]["w"] = rng.randint(1, 6)
    return G


@pytest.mark.parametrize("engine", ["networkx", "auto"])
def test_star_hub_is_the_least_constrained(engine: str) -> None:
    G = nx.star_graph(3)
    c = constraint(G, engine=engine)
    # Hub: three disconnected alters, each p = 1/3, no indirect ties: 3 * (1/3)^2.
    assert c[0] == pytest.approx(1 / 3)
    # A leaf depends entirely on the hub: (1 + 0)^2.
    assert c[1] == pytest.approx(1.0)
    e = effective_size(G, engine=engine)
    assert e[0] == pytest.approx(3.0)
    assert e[1] == pytest.approx(1.0)


@pytest.mark.parametrize("engine", ["networkx", "auto"])
def test_triangle_is_fully_redundant(engine: str) -> None:
    G = nx.complete_graph(3)
    # Each actor: two alters with p = 1/2, each reached indirectly with 1/2 * 1/2:
    # 2 * (1/2 + 1/4)^2 = 1.125.
    assert constraint(G, engine=engine)[0] == pytest.approx(1.125)
    # Effective size: 2 - 2 * 1 / 2 = 1.
    assert effective_size(G, engine=engine)[0] == pytest.approx(1.0)


@pytest.mark.parametrize("engine", ["networkx", "auto"])
def test_isolated_actor_is_nan(engine: str) -> None:
    G = nx.Graph([("a", "b")])
    G.add_node("z")
    assert math.isnan(constraint(G, engine=engine)["z"])
    assert math.isnan(effective_size(G, engine=engine)["z"])


@pytest.mark.parametrize("engine", ["networkx", "numpy", "auto"])
def test_a_graph_without_ties_is_all_nan(engine: str) -> None:
    # a projection that keeps actors but none of their ties (found by the API fuzz test)
    G = nx.Graph()
    G.add_nodes_from(["a", "b"])
    assert all(math.isnan(v) for v in constraint(G, engine=engine).values())
    assert all(math.isnan(v) for v in effective_size(G, engine=engine).values())
    assert constraint(nx.Graph(), engine=engine) == {}


@pytest.mark.parametrize("name", ["karate", "florentine", "les_miserables"])
def test_named_graphs_match_networkx(name: str) -> None:
    G = {
        "karate": nx.karate_club_graph,
        "florentine": nx.florentine_families_graph,
        "les_miserables": nx.les_miserables_graph,
    }[name]()
    for weight in (None, "weight"):
        _same(constraint(G, weight=weight), nx.constraint(G, weight=weight))
        _same(effective_size(G, weight=weight), nx.effective_size(G, nodes=list(G), weight=weight))
    _same(effective_size(G), nx.effective_size(G))  # the sparse shortcut agrees when unweighted


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("weight", [None, "w"])
def test_random_graphs_match_networkx(directed: bool, weight: str | None) -> None:
    G = _random(directed)
    _same(constraint(G, weight=weight), nx.constraint(G, weight=weight))
    # networkx's loop marks an actor NaN when it has no *out*-link on a directed graph,
    # although the definition (ties in either direction) gives it a value: skip those.
    no_out = {n for n in G if G.is_directed() and G.out_degree(n) == 0 and G.degree(n) > 0}
    _same(effective_size(G, weight=weight), nx.effective_size(G, nodes=list(G), weight=weight), skip=no_out)
