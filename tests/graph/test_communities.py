"""Communities, k-cores and components: named graphs with known structure, networkx parity."""

from __future__ import annotations

import networkx as nx
import pytest

from qkg.graph.communities import components, core_number, leiden, louvain, modularity, ordered
from qkg.schemas import ValidationError


def _caveman(groups: int = 4, size: int = 6) -> nx.Graph:
    return nx.connected_caveman_graph(groups, size)


@pytest.mark.parametrize("method", [louvain, leiden])
@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_barbell_splits_into_its_two_cliques(method: object, engine: str) -> None:
    G = nx.barbell_graph(5, 0)
    if method is leiden and engine == "networkx":
        with pytest.raises(ValidationError, match="engine 'networkx' cannot compute leiden"):
            leiden(G, engine=engine)
        return
    parts = method(G, seed=1, engine=engine)  # type: ignore[operator]
    assert parts == [frozenset(range(5)), frozenset(range(5, 10))]


def test_caveman_caves_are_found_by_every_method() -> None:
    G = _caveman()
    want = sorted(sorted(c) for c in ordered(nx.community.louvain_communities(G, seed=0)))
    for parts in (louvain(G, engine="networkx"), louvain(G, engine="igraph"), leiden(G)):
        assert sorted(sorted(c) for c in parts) == want
        assert len(parts) == 4


def test_networkx_engine_is_networkx_exactly() -> None:
    G = nx.karate_club_graph()
    for seed in (0, 1, 2):
        want = nx.community.louvain_communities(G, weight="weight", seed=seed)
        assert louvain(G, seed=seed, engine="networkx") == ordered(want)
    assert louvain(G) == ordered(
        nx.community.louvain_communities(G, weight="weight", seed=0)
    )  # small: auto = nx


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fast_engines_find_partitions_as_good_as_networkx(seed: int) -> None:
    G = nx.planted_partition_graph(8, 40, 0.25, 0.01, seed=seed)
    reference = modularity(G, nx.community.louvain_communities(G, seed=seed), weight=None)
    for parts in (louvain(G, seed=seed, engine="igraph", weight=None), leiden(G, seed=seed, weight=None)):
        assert modularity(G, parts, weight=None) >= reference - 0.02
        assert sum(len(p) for p in parts) == G.number_of_nodes()


def test_seeded_methods_are_deterministic() -> None:
    G = nx.planted_partition_graph(6, 30, 0.3, 0.02, seed=3)
    assert louvain(G, seed=7, engine="igraph") == louvain(G, seed=7, engine="igraph")
    assert leiden(G, seed=7) == leiden(G, seed=7)


def test_modularity_matches_networkx_both_engines() -> None:
    G = nx.les_miserables_graph()
    parts = louvain(G, seed=0)
    want = nx.community.modularity(G, parts, weight="weight")
    assert modularity(G, parts) == pytest.approx(want)
    big = nx.gnm_random_graph(3000, 25_000, seed=1)  # above the small-graph threshold: igraph
    parts = louvain(big, seed=0, weight=None)
    assert modularity(big, parts, weight=None) == pytest.approx(
        nx.community.modularity(big, parts, weight=None), rel=1e-9
    )


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_core_numbers(engine: str) -> None:
    G = nx.lollipop_graph(4, 2)  # a 4-clique with a 2-node tail
    assert core_number(G, engine=engine) == {0: 3, 1: 3, 2: 3, 3: 3, 4: 1, 5: 1}
    R = nx.gnm_random_graph(300, 1500, seed=9)
    assert core_number(R, engine=engine) == nx.core_number(R)


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_components(engine: str) -> None:
    G = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")])
    G.add_node("z")
    assert components(G, engine=engine) == [frozenset("cde"), frozenset("ab"), frozenset("z")]
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    assert components(D, engine=engine) == [frozenset("abc")]
    assert components(D, strong=True, engine=engine) == [frozenset("ab"), frozenset("c")]
    R = nx.gnm_random_graph(400, 300, seed=2)
    assert components(R, engine=engine) == ordered(nx.connected_components(R))


def test_ordering_is_by_size_then_smallest_member() -> None:
    assert ordered([{"d"}, {"c", "b"}, {"a"}]) == [frozenset("bc"), frozenset("a"), frozenset("d")]
