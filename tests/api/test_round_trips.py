"""What a collaborator or path answer costs the store: the calls (both stores) and the Bolt
read statements (Neo4j), so a remote store answers in few round trips."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from qkg.graph import reading
from qkg.graph.store import GraphStore
from qkg.schemas import RelationType

from .counting import CountingStore
from .graphs import ring

if TYPE_CHECKING:
    from qkg.graph.neo4j import Neo4jStore

    from .conftest import Serve

COLLAB = """query($id: ID!, $doc: Boolean!) { actor(id: $id) { ... on Actor {
  collaborators(depth: 2, via: [PARTNERS_WITH], first: 50) { distance actor { id }
    links(first: 50) { source { id } evidence { sentence documentId document @include(if: $doc) { title } } } } } } }"""
PATH = """query($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 4, first: 1) {
  ... on Paths { paths { length hops { evidence { sentence documentId } } } } } }"""
VIA = (RelationType.PARTNERS_WITH,)


def test_evidence_documents_are_read_only_when_asked(store: GraphStore, serve: Serve) -> None:
    graph = ring(12)
    store.upsert(graph)
    counted = CountingStore(store)
    root = graph.entities[0].id
    with serve(counted, response_cache_size=0) as gql:
        bare = gql(COLLAB, {"id": root, "doc": False})
        assert counted.calls["documents_by_id"] == 0, counted.calls
        counted.calls.clear()
        full = gql(COLLAB, {"id": root, "doc": True})
        assert counted.calls["documents_by_id"] == 1, counted.calls
    links = [lk for c in full["actor"]["collaborators"] for lk in c["links"]]
    assert links
    assert all(ev["document"]["title"] == "Ring" for lk in links for ev in lk["evidence"])
    for c in bare["actor"]["collaborators"]:
        for lk in c["links"]:
            assert all(ev["documentId"] == graph.document.id for ev in lk["evidence"])


def test_steps_within_is_the_walk_of_steps(store: GraphStore) -> None:
    graph = ring(12)
    store.upsert(graph)
    roots = [graph.entities[0].id, graph.entities[5].id]
    for hops in (0, 1, 2):
        assert store.steps_within(roots, hops, VIA) == reading.steps_within(store, roots, hops, VIA)
    assert store.steps_within(["no-such-actor"], 1, VIA) == {"no-such-actor": []}


@pytest.mark.neo4j
def test_neo4j_answers_in_few_round_trips(neo4j_store: Neo4jStore, serve: Serve) -> None:
    graph = ring(12)
    neo4j_store.upsert(graph)
    ids = [e.id for e in graph.entities]
    before = neo4j_store.reads
    neo4j_store.steps_within(ids[:1], 1, VIA)
    assert neo4j_store.reads - before == 1  # both levels of a depth-2 walk in one statement
    with serve(neo4j_store, response_cache_size=0) as gql:
        before = neo4j_store.reads
        data = gql(COLLAB, {"id": ids[0], "doc": False})
        # the actor, then the walk with the shown collaborators and their links' relations
        assert neo4j_store.reads - before <= 2
        assert len(data["actor"]["collaborators"]) == 8  # i+-1, i+-2 at distance 1; i+-3, i+-4 at 2
        before = neo4j_store.reads
        data = gql(PATH, {"from": ids[0], "to": ids[4]})
        assert [p["length"] for p in data["paths"]["paths"]] == [2]
        # both ends, one expansion of both ends, the hops' relations with the actors on the path
        assert neo4j_store.reads - before <= 3


COLLAB_AS_OF = """query($id: ID!, $asOf: Date, $min: Int) { actor(id: $id) { ... on Actor {
  collaborators(depth: 2, via: [PARTNERS_WITH], first: 50, asOf: $asOf, minSupport: $min) { distance
    links(first: 50) { support { documents } } } } } }"""


@pytest.mark.parametrize("asked", [{"asOf": "2025-06-01"}, {"min": 1}, {"asOf": "2025-06-01", "min": 1}])
def test_as_of_costs_the_same_store_calls_whatever_the_graph(
    store: GraphStore, serve: Serve, asked: dict[str, object]
) -> None:
    """A walk as of a date (or with a minimum support) decides its steps in a fixed number of
    store calls per level, and so of Bolt reads on Neo4j: never one per relation."""
    calls = {}
    for n in (12, 40):
        store.clear()
        graph = ring(n)
        store.upsert(graph)
        counted = CountingStore(store)
        with serve(counted, response_cache_size=0) as gql:
            data = gql(COLLAB_AS_OF, {"id": graph.entities[0].id, **asked})
        assert len(data["actor"]["collaborators"]) == 8
        calls[n] = dict(counted.calls)
    assert calls[12] == calls[40]


WALK = """query($id: ID!, $depth: Int!, $first: Int!, $links: Int!) { actor(id: $id) { ... on Actor {
  a: collaborators(depth: $depth, first: $first) { distance linkCount actor { id name }
    links(first: $links) { type reversed source { id } target { id } agreement { id parties { id } }
      evidence { sentence documentId start } } }
  b: collaborators(depth: $depth, via: [PARTNERS_WITH], first: $first) { actor { id } ...L } } } }
fragment L on Collaborator { links(first: 1) { source { id name } evidence { sentence } } }"""
PATHS = """query($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 4, first: 3) {
  ... on Paths { found paths { length nodes { id name } hops { type source { id } target { id }
    agreement { id } evidence { sentence documentId } } } } } }"""


@pytest.mark.neo4j
def test_neo4j_one_read_answers_as_the_reads_apart(neo4j_store: Neo4jStore, serve: Serve) -> None:
    """Neo4j's own collaborator walk (one statement: walk, order, cut, facts) answers exactly
    as the API's walk over the store's steps (the same store behind a wrapper that offers no
    walk of its own), for relations and co-parties, depth 1 and 2, pages of links larger and
    smaller than the hint; and paths, whose hops and actors come in one read, as when read apart."""
    from bench.synthetic import generate_deltas

    neo4j_store.upsert_many(generate_deltas(150, 900, seed=3))
    roots = sorted({lk.source for lk in neo4j_store.links()})[::17]
    counted = CountingStore(neo4j_store)
    with serve(neo4j_store, response_cache_size=0) as own, serve(counted, response_cache_size=0) as steps:
        for root in [*roots, "no-such-actor"]:
            for depth, first, links in ((1, 50, 5), (2, 200, 50), (2, 7, 0), (2, 3, 2)):
                v = {"id": root, "depth": depth, "first": first, "links": links}
                assert own(WALK, v) == steps(WALK, v), (root, depth, first, links)
        for a, b in zip(roots, roots[1:] + roots[:1], strict=True):
            v = {"from": a, "to": b}
            assert own(PATHS, v) == steps(PATHS, v), (a, b)
    assert counted.calls["steps_within"] > 0  # the wrapper walked over steps
    assert counted.calls["relations_by_key"] > 0  # the wrapper read hops and actors apart
