"""Engine selection and conversion: the fast engines see exactly the networkx graph."""

from __future__ import annotations

import doctest
import gc
import random

import igraph
import networkx as nx
import pytest

from qkg.graph import (
    analytics,
    brokerage,
    centrality,
    communities,
    engines,
    plot,
    projection,
    reduction,
    results,
    worker,
)
from qkg.graph.engines import FAST_ENGINE, choose, seeded_igraph, to_csr, to_igraph
from qkg.schemas import ValidationError


def test_auto_picks_the_measured_engine_and_falls_back_to_networkx() -> None:
    assert choose("betweenness", "auto", ("networkx", "igraph")) == FAST_ENGINE["betweenness"]
    assert choose("unknown-measure", "auto", ("networkx", "igraph")) == "networkx"
    assert choose("katz", "auto", ("networkx",)) == "networkx"
    with pytest.raises(ValidationError, match="engine 'rustworkx' cannot compute pagerank"):
        choose("pagerank", "rustworkx", ("networkx", "igraph"))


def test_igraph_view_keeps_nodes_edges_and_weights() -> None:
    G = nx.Graph()
    G.add_edge("b", "a", weight=2, label="text")
    G.add_edge("a", "c")
    view = to_igraph(G)
    assert view.nodes == ["b", "a", "c"]
    assert sorted(tuple(sorted((view.nodes[s], view.nodes[t]))) for s, t in view.graph.get_edgelist()) == [
        ("a", "b"),
        ("a", "c"),
    ]
    assert view.weights("weight") == [2.0, 1.0]  # a missing weight counts 1, as in networkx
    assert view.weights("absent") is None
    assert view.weights(None) is None
    with pytest.raises(ValidationError, match="'label' has values that are not numbers"):
        view.weights("label")


def test_conversion_is_cached_until_the_graph_changes() -> None:
    G = nx.path_graph(4)
    first = to_igraph(G)
    assert to_igraph(G) is first
    G.add_edge(3, 4)
    again = to_igraph(G)
    assert again is not first
    assert again.graph.ecount() == 4


def test_csr_is_the_adjacency_matrix() -> None:
    D = nx.DiGraph()
    D.add_edge("x", "y", weight=3)
    A, nodes = to_csr(D, "weight")
    assert nodes == ["x", "y"]
    assert A.toarray().tolist() == [[0.0, 3.0], [0.0, 0.0]]
    U, _ = to_csr(nx.Graph(D), None)
    assert U.toarray().tolist() == [[0.0, 1.0], [1.0, 0.0]]


def test_seeded_igraph_restores_the_global_generator() -> None:
    G = nx.planted_partition_graph(4, 20, 0.4, 0.02, seed=1)
    g = to_igraph(G).graph
    with seeded_igraph(5):
        a = g.community_multilevel().membership
    with seeded_igraph(5):
        b = g.community_multilevel().membership
    assert a == b
    random.seed(1)
    x = random.random()
    random.seed(1)
    with seeded_igraph(3):
        g.community_leiden(objective_function="modularity")
    assert random.random() == x  # our seeded run did not consume the global generator
    assert isinstance(g, igraph.Graph)


def test_multigraphs_must_be_reduced_first() -> None:
    with pytest.raises(ValidationError, match="reduce the multigraph"):
        to_igraph(nx.MultiGraph([(1, 2), (1, 2)]))


@pytest.mark.parametrize(
    "module",
    [analytics, brokerage, centrality, communities, engines, plot, projection, reduction, results, worker],
    ids=lambda m: m.__name__,
)
def test_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


def test_the_reduction_hands_over_an_equal_igraph() -> None:
    from qkg.graph.engines import cached_igraph
    from qkg.graph.reduction import simple_graph

    M = nx.MultiDiGraph()
    for n, t in [("a", "Company"), ("b", "University"), ("c", "Company")]:
        M.add_node(n, type=t, name=n.upper(), country=None)
    M.add_edge("a", "b", key="PARTNERS_WITH", type="PARTNERS_WITH", weight=2)
    M.add_edge("a", "b", key="agreement:x", type="PARTY_TO", weight=1)
    M.add_edge("b", "c", key="agreement:x", type="PARTY_TO", weight=1)
    G = simple_graph(M)
    adopted = cached_igraph(G)
    assert adopted is not None
    fresh = to_igraph(G.copy())
    assert adopted.nodes == fresh.nodes
    assert adopted.graph.get_edgelist() == fresh.graph.get_edgelist()
    for attr in ("weight", "distance", "links"):
        assert adopted.weights(attr) == fresh.weights(attr)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_network_arrays_convert_like_their_networkx_graph(directed: bool) -> None:
    from qkg.graph.projection import network
    from qkg.schemas import Link, RelationType

    rng = random.Random(7)
    ids = [f"company:{c}" for c in "abcdefghij"]
    links = [
        Link(source=s, target=t, type=rng.choice([RelationType.PARTNERS_WITH, RelationType.INVESTS_IN]),
             weight=rng.randint(1, 4))
        for s, t in (rng.sample(ids, 2) for _ in range(40))
    ]  # fmt: skip
    arrays = network(links, via=[RelationType.PARTNERS_WITH, RelationType.INVESTS_IN], directed=directed)
    G = arrays.to_networkx()
    assert G.is_directed() is directed
    fast, slow = to_igraph(arrays), to_igraph(G)
    assert fast.nodes == slow.nodes == list(arrays.ids)
    assert fast.graph.get_edgelist() == slow.graph.get_edgelist()
    for attr in (None, "weight", "distance", "links"):
        assert fast.weights(attr) == pytest.approx(slow.weights(attr)) if attr else fast.weights(attr) is None
        A, nodes = to_csr(arrays, attr)
        B, _ = to_csr(G, attr)
        assert nodes == list(arrays.ids)
        assert A.toarray().tolist() == B.toarray().tolist()
    assert centrality.degree(arrays, direction="in") == centrality.degree(G, direction="in")
    assert centrality.degree(arrays, weight="weight") == centrality.degree(G, weight="weight")


def test_converted_forms_belong_to_their_graph_and_stay_behind_when_it_is_pickled() -> None:
    import pickle

    from qkg.graph.projection import network
    from qkg.schemas import Link, RelationType

    links = [Link(source=s, target=t, type=RelationType.PARTNERS_WITH) for s, t in ("ab", "bc", "cd")]
    first = network(links, via=[RelationType.PARTNERS_WITH])
    twin = network(links, via=[RelationType.PARTNERS_WITH])
    view = to_igraph(first)
    assert to_igraph(first) is view
    assert to_igraph(twin) is not view  # equal arrays, another graph: its own conversion
    A, _ = to_csr(first)
    assert to_csr(first)[0] is A

    sent = pickle.loads(pickle.dumps(first))  # what a worker process receives
    assert sent.ids == first.ids
    assert engines.cached_igraph(sent) is None  # the arrays crossed over, not the conversions
    assert to_igraph(sent).graph.get_edgelist() == view.graph.get_edgelist()
    assert len(pickle.dumps(first)) == len(pickle.dumps(twin))


def _degrees(view: engines.IGraphView, chunk: list[int]) -> list[int]:
    return [int(d) for d in view.graph.degree(chunk)]


def test_forked_chunks_leave_the_collector_as_the_caller_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a process's entry point decides about the garbage collector: a parallel run
    neither freezes nor unfreezes it (unfreezing would undo what a server froze)."""
    monkeypatch.setattr(engines, "PARALLEL_MIN_NODES", 1)  # fork even for this small graph
    view = to_igraph(nx.path_graph(6))
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        parts = engines.in_chunks(_degrees, view, list(range(6)), workers=2)
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert [d for part in parts for d in part] == [1, 2, 2, 2, 2, 1]
