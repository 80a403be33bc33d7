"""What a collaborator or path answer costs the store: the calls (both stores) and the Bolt
read statements (Neo4j), so a remote store answers in few round trips."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pytest

from qkg.graph import reading
from qkg.graph.merge import AsOf
from qkg.graph.store import GraphStore, Step, Walked
from qkg.schemas import Agreement, AgreementEvent, AgreementStatus, KnowledgeGraph, RelationType

from .counting import CountingStore
from .graphs import ring

if TYPE_CHECKING:
    from qkg.graph.neo4j import Neo4jStore
    from tests.neo4j.fixtures import Neo4jTarget

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


class _OldReading(CountingStore):
    """The store with the old timed reading: its steps as of a day are the plain steps
    filtered by the full rule (:func:`qkg.graph.reading.timed_steps`, keyed reads of every
    step's parts), level by level; no walk of its own."""

    def steps_as_of(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None, asked: AsOf | None
    ) -> dict[str, list[Step]]:
        self.calls["steps_as_of"] += 1
        return reading.steps_as_of(self.inner, nodes, types, asked)

    def steps_within(self, *args: Any, asked: AsOf | None = None) -> dict[str, list[Step]]:
        self.calls["steps_within"] += 1
        return (
            self.inner.steps_within(*args)
            if asked is None
            else reading.steps_within(self, *args, asked=asked)
        )


TIMED_WALK = """query($id: ID!, $depth: Int!, $asOf: Date, $min: Int) { actor(id: $id) { ... on Actor {
  collaborators(depth: $depth, first: 60, asOf: $asOf, minSupport: $min) { distance linkCount actor { id }
    links(first: 5) { type reversed source { id } target { id } agreement { id status parties { id } }
      evidence { documentId start } } } } } }"""
#: asOf / minSupport shapes: before, among and after the synthetic documents (2012-2025).
TIMED = (
    {"asOf": "2013-03-01"},
    {"asOf": "2017-01-01"},
    {"asOf": "2019-01-01"},
    {"asOf": "2026-01-01"},
    {"min": 1},
    {"min": 2},
    {"asOf": "2019-01-01", "min": 2},
    {"asOf": "2024-06-30", "min": 1},
)


_S = AgreementStatus
#: An agreement's stated end at each precision, around the days of :data:`TIMED` (one on the
#: very day asked: not passed then), or its status ENDED, or events of its life (status, date,
#: end): signed, signed for a term, ended, extended after a gap, announced undated.
LIVES: tuple[dict[str, Any], ...] = (
    {"ends": "2016"},
    {"ends": "2019-06"},
    {"ends": "2019-01-01"},
    {"ends": "2018-12-31"},
    {"status": _S.ENDED},
    {},
    {"events": ((_S.SIGNED, "2018-03", None),)},
    {"events": ((_S.SIGNED, "2016-05-01", "2019-02"),)},
    {"events": ((_S.SIGNED, "2015", None), (_S.ENDED, "2020-06-30", None))},
    {"events": ((_S.SIGNED, "2014", "2016"), (_S.EXTENDED, "2017-01", "2021"))},
    {"events": ((_S.ANNOUNCED, None, None),)},
    {},
)


def _life(agreement: Agreement, shape: dict[str, Any]) -> Agreement:
    if shape.get("events") is None:
        return agreement.model_copy(update=shape)
    events = tuple(
        AgreementEvent(status=status, date=date, ends=ends, evidence=agreement.evidence[0])
        for status, date, ends in shape["events"]
    )
    return agreement.model_copy(update={"events": events, "status": events[-1].status})


def _with_validity(deltas: Iterable[KnowledgeGraph]) -> list[KnowledgeGraph]:
    """The deltas with validity bounds on some relations (start, end or both), so that
    relations given by several documents have bounds from some of them only, and with an
    end, an ENDED status or an event on most agreements (:data:`LIVES`)."""
    bounds = (
        (dt.date(2016, 1, 1), None),
        (None, dt.date(2020, 6, 30)),
        (dt.date(2014, 5, 1), dt.date(2022, 1, 1)),
    )
    out = []
    for n, delta in enumerate(deltas):
        rels = [
            r.model_copy(update=dict(zip(("valid_from", "valid_to"), bounds[(n + i) % 3], strict=True)))
            if (n + i) % 5 == 0
            else r
            for i, r in enumerate(delta.relations)
        ]
        ags = [_life(a, LIVES[(n + i) % len(LIVES)]) for i, a in enumerate(delta.agreements)]
        out.append(delta.model_copy(update={"relations": rels, "agreements": ags}))
    return out


@pytest.mark.neo4j
def test_neo4j_timed_steps_answer_as_the_full_rule(neo4j_store: Neo4jStore, serve: Serve) -> None:
    """Neo4j decides most timed steps from its bookkeeping in the statement
    (:meth:`Neo4jStore.steps_as_of`, and the whole walk in one statement,
    :meth:`Neo4jStore.collaborator_walk`): the steps and the collaborator answers as of a
    day and with a minimum support are those of the old reading (every step's parts read by
    key and decided by the full rule), for relations with and without validity bounds, given
    by one document or several, and co-parties of agreements with an end passed or not, an
    ENDED status or events. A root whose walk meets a step only the full rule decides (here:
    facts stored without per-document bounds or life steps, as an older store wrote them) is
    walked step by step: both kinds of root are asked."""
    from bench.synthetic import generate_deltas

    neo4j_store.upsert_many(_with_validity(generate_deltas(150, 900, seed=3)))
    # some facts as a store written before the per-document bounds and life steps were kept:
    # their steps are left to the full rule
    neo4j_store._driver.execute_query(
        "MATCH ()-[r]->() WHERE r.vfrom IS NOT NULL AND size(r.docs) > 1 AND r.valid_from IS NOT NULL "
        "WITH r ORDER BY elementId(r) WITH collect(r) AS rs "
        "UNWIND [i IN range(0, size(rs) - 1) WHERE i % 2 = 0 | rs[i]] AS r REMOVE r.vfrom, r.vto"
    )
    neo4j_store._driver.execute_query(
        "MATCH (g:Agreement) WHERE g.life_from IS NOT NULL WITH g ORDER BY g.id WITH collect(g) AS gs "
        "UNWIND [i IN range(0, size(gs) - 1) WHERE i % 2 = 0 | gs[i]] AS g REMOVE g.life_from, g.life_on"
    )
    actors = sorted({x for lk in neo4j_store.links() for x in (lk.source, lk.target)})
    for shape in TIMED:
        day = shape.get("asOf")
        asked = AsOf(dt.date.fromisoformat(day) if day else None, shape.get("min"))
        for types in (None, VIA, (RelationType.PARTY_TO,)):
            assert neo4j_store.steps_as_of(actors, types, asked) == reading.steps_as_of(
                neo4j_store, actors, types, asked
            ), (shape, types)
    roots = actors[::13]
    old = _OldReading(neo4j_store)
    walked = {"closed": 0, "open": 0}
    walk = neo4j_store.collaborator_walk

    def counted(*args: Any, **kw: Any) -> Walked:
        got = walk(*args, **kw)
        if args[5:] and args[5] is not None:
            walked["open"] += len(got.open)
            walked["closed"] += len(got.found)
        return got

    with (
        serve(neo4j_store, response_cache_size=0) as new,
        serve(old, response_cache_size=0) as then,
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr(neo4j_store, "collaborator_walk", counted)
        for root in roots:
            for shape in TIMED:
                for depth in (1, 2):
                    v = {"id": root, "depth": depth, **shape}
                    assert new(TIMED_WALK, v) == then(TIMED_WALK, v), (root, shape, depth)
    assert old.calls["relations_by_key"] > 0  # the old reading decided by the parts
    # timed walks both in one statement and by the full rule
    assert walked["closed"] > 0, walked
    assert walked["open"] > 0, walked


@pytest.mark.neo4j
def test_neo4j_fills_in_older_bookkeeping_on_opening(
    neo4j_store: Neo4jStore, neo4j_server: Neo4jTarget
) -> None:
    """A graph written before relations kept each document's validity bounds and agreements
    their life steps (as an older qkg wrote it: the timed walk leaves every root that meets
    such a fact to the slower step-by-step walk) has them filled in when a store is next
    opened on it, from what each document contributed: the same properties a write gives
    now, so the timed walk decides every root in its one statement again. Opening once more
    only reads the mark."""
    from bench.synthetic import generate_deltas
    from qkg.graph.neo4j import Neo4jStore

    neo4j_store.upsert_many(_with_validity(generate_deltas(150, 900, seed=3)))
    run = neo4j_store._driver.execute_query

    def bookkeeping() -> tuple[list[Any], list[Any]]:
        rels = run(
            "MATCH (:Actor)-[r]->(:Actor) WHERE r.docs IS NOT NULL "
            "RETURN elementId(r) AS id, r.vfrom AS f, r.vto AS t, r.span AS s ORDER BY id"
        ).records
        ags = run(
            "MATCH (g:Agreement) RETURN g.id AS id, g.life_from AS f, g.life_on AS o ORDER BY id"
        ).records
        return [tuple(r) for r in rels], [tuple(g) for g in ags]

    written = bookkeeping()
    assert any(f != [""] * len(f) for _, f, _, _ in written[0])  # some documents gave bounds
    assert all(s is not None for *_, s in written[0])
    assert any(f is not None for _, f, _ in written[1])  # some agreements have events
    run("MATCH (:Actor)-[r]->(:Actor) REMOVE r.vfrom, r.vto, r.span")
    run("MATCH (g:Agreement) REMOVE g.life_from, g.life_on")
    run("MATCH (m:QkgMeta) REMOVE m.bookkeeping")
    actors = sorted({x for lk in neo4j_store.links() for x in (lk.source, lk.target)})
    asked = AsOf(dt.date(2019, 1, 1), None)
    assert neo4j_store.collaborator_walk(actors, 2, None, 20, 5, asked).open  # older data: the slower walk

    with Neo4jStore(neo4j_server.uri, auth=neo4j_server.auth, database=neo4j_server.database) as reopened:
        assert bookkeeping() == written
        walked = reopened.collaborator_walk(actors, 2, None, 20, 5, asked)
        assert not walked.open
        assert set(walked.found) == set(actors)
        assert reopened.migrate() == (0, 0)  # marked: nothing left to fill in


@pytest.mark.neo4j
def test_neo4j_warm_plans_the_collaborator_statements_and_changes_nothing(neo4j_store: Neo4jStore) -> None:
    """``warm`` (run by ``qkg serve`` before taking requests) runs each shape of the
    collaborator statement once, on an id no actor has, so that the first timed question
    does not wait for the server to plan it; the graph is as it was."""
    graph = ring(12)
    neo4j_store.upsert(graph)
    version, before = neo4j_store.version, neo4j_store.reads
    neo4j_store.warm()
    assert neo4j_store.reads - before == 8  # depth 1 and 2; plain, a day, a support, both
    assert neo4j_store.version == version
    asked = AsOf(dt.date(2025, 6, 1), None)
    assert len(neo4j_store.collaborator_walk([graph.entities[0].id], 2, VIA, 50, 5, asked).found) == 1
