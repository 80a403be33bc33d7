"""First contact with the real Neo4j: model objects written through the store come back
through the official driver as the property graph docs/neo4j.md describes, the uniqueness
constraints exist, and both bolt:// and neo4j:// URIs work."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import neo4j
import pytest

from qkg.graph.neo4j import Neo4jStore
from qkg.schemas import KnowledgeGraph, StoreError, StoreUnavailable
from qkg.schemas.rdf import canonical_delta
from tests.factories import aws_pasqal, canonical_dump, ionq_kaist, kaist_pasqal, kaist_pasqal_v2
from tests.neo4j.fixtures import Neo4jTarget

pytestmark = pytest.mark.neo4j


@pytest.fixture
def driver(neo4j_server: Neo4jTarget) -> Iterator[neo4j.Driver]:
    with neo4j.GraphDatabase.driver(
        neo4j_server.uri, auth=neo4j_server.auth, notifications_min_severity="OFF"
    ) as d:
        yield d


def _one(driver: neo4j.Driver, db: str, query: str, **params: object) -> neo4j.Record:
    records = driver.execute_query(query, params, database_=db).records
    assert len(records) == 1, records
    return records[0]


def test_model_objects_read_back_through_the_driver(
    neo4j_store: Neo4jStore, driver: neo4j.Driver, neo4j_server: Neo4jTarget
) -> None:
    db = neo4j_server.database
    delta = kaist_pasqal()
    assert neo4j_store.upsert(delta).changed

    for e in delta.entities:
        rec = _one(driver, db, "MATCH (n:Actor {id: $id}) RETURN n, labels(n) AS labels", id=e.id)
        node = rec["n"]
        assert set(rec["labels"]) == {"Actor", e.type.value}
        assert (node["name"], node["type"], node["country"]) == (e.name, e.type.value, e.country)
        assert node["aliases"] == list(e.aliases)
        assert json.loads(node["external_ids"]) == e.external_ids

    for r in delta.relations:
        rec = _one(
            driver,
            db,
            "MATCH (a:Actor {id: $s})-[r]->(b:Actor {id: $t}) WHERE type(r) = $type RETURN r",
            s=r.source,
            t=r.target,
            type=r.type.value,
        )
        rel = rec["r"]
        assert [json.loads(x)["sentence"] for x in rel["evidence"]] == [ev.sentence for ev in r.evidence]
        assert rel["docs"] == [delta.document.id]
        assert rel["confidence"] == r.confidence

    for a in delta.agreements:
        rec = _one(
            driver,
            db,
            "MATCH (g:Agreement {id: $id}) OPTIONAL MATCH (p:Actor)-[:PARTY_TO]->(g) "
            "RETURN g, collect(p.id) AS parties",
            id=a.id,
        )
        assert sorted(rec["parties"]) == list(a.parties)
        assert rec["g"]["kind"] == a.kind.value

    for g in delta.goals:
        rec = _one(
            driver, db, "MATCH (o:Actor)-[:HAS_GOAL]->(g:Goal {id: $id}) RETURN o.id AS owner, g", id=g.id
        )
        assert rec["owner"] == g.owner
        assert rec["g"]["value"] == g.value

    doc = _one(driver, db, "MATCH (d:Document {id: $id}) RETURN d", id=delta.document.id)["d"]
    assert doc["loaded"] is True
    # the canonical delta (docs/neo4j.md), as the embedded store gives it back
    assert KnowledgeGraph.model_validate_json(doc["delta"]) == canonical_delta(delta)
    assert neo4j_store.delta(delta.document.id) == canonical_delta(delta)


def test_uniqueness_constraints_exist(
    neo4j_store: Neo4jStore, driver: neo4j.Driver, neo4j_server: Neo4jTarget
) -> None:
    rows = driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN type, labelsOrTypes, properties",
        database_=neo4j_server.database,
    ).records
    unique = {(r["labelsOrTypes"][0], tuple(r["properties"])) for r in rows if r["type"] == "UNIQUENESS"}
    for label in ("Actor", "Agreement", "Goal", "Document"):
        assert (label, ("id",)) in unique
    # idempotent: connecting again creates nothing new and fails on nothing
    Neo4jStore(neo4j_server.uri, auth=neo4j_server.auth, database=neo4j_server.database).close()
    again = driver.execute_query(
        "SHOW CONSTRAINTS YIELD name RETURN count(*) AS n", database_=neo4j_server.database
    )
    assert again.records[0]["n"] == len(rows)


def test_clients_opening_a_fresh_database_at_once_all_open(
    neo4j_store: Neo4jStore, driver: neo4j.Driver, neo4j_server: Neo4jTarget
) -> None:
    """``qkg serve`` and ``qkg load`` started together on a fresh database both create the
    schema; the one that commits second used to fail with EquivalentSchemaRuleAlreadyExists."""
    db = neo4j_server.database

    def drop_schema() -> None:
        for kind, plural in (("CONSTRAINT", "CONSTRAINTS"), ("INDEX", "INDEXES")):
            names = driver.execute_query(
                f"SHOW {plural} YIELD name WHERE name STARTS WITH 'qkg_' RETURN name", database_=db
            ).records
            for r in names:
                driver.execute_query(f"DROP {kind} {r['name']} IF EXISTS", database_=db)

    before = driver.execute_query("SHOW INDEXES YIELD name RETURN count(*) AS n", database_=db).records[0][
        "n"
    ]
    for _ in range(3):
        drop_schema()
        start = threading.Barrier(6)

        def open_one(start: threading.Barrier = start) -> None:
            start.wait()
            Neo4jStore(neo4j_server.uri, auth=neo4j_server.auth, database=db).close()

        with ThreadPoolExecutor(6) as pool:
            for f in [pool.submit(open_one) for _ in range(6)]:
                f.result()  # raises what a client raised
        after = driver.execute_query("SHOW INDEXES YIELD name RETURN count(*) AS n", database_=db).records[0][
            "n"
        ]
        assert after == before


def test_a_duplicate_id_is_refused_by_the_database(
    neo4j_store: Neo4jStore, driver: neo4j.Driver, neo4j_server: Neo4jTarget
) -> None:
    neo4j_store.upsert(kaist_pasqal())
    some = kaist_pasqal().entities[0].id
    with pytest.raises(neo4j.exceptions.ConstraintError):
        driver.execute_query("CREATE (:Actor {id: $id})", {"id": some}, database_=neo4j_server.database)


def test_neo4j_scheme_and_bolt_scheme_see_the_same_graph(
    neo4j_store: Neo4jStore, neo4j_server: Neo4jTarget
) -> None:
    neo4j_store.upsert(kaist_pasqal())
    neo4j_store.upsert(aws_pasqal())
    # The routing form of the session's URI (an external neo4j+s:// server is used as given).
    routed_uri = neo4j_server.uri.replace("bolt://", "neo4j://", 1)
    routed = Neo4jStore(routed_uri, auth=neo4j_server.auth, database=neo4j_server.database)
    try:
        assert canonical_dump(routed) == canonical_dump(neo4j_store)
        assert routed.version == neo4j_store.version
        assert routed.health()["ok"] is True
    finally:
        routed.close()


def test_unreachable_server_and_bad_uri_raise_store_errors() -> None:
    with pytest.raises(StoreUnavailable, match=r"127\.0\.0\.1:1"):
        Neo4jStore("bolt://127.0.0.1:1", connection_timeout=2.0)
    with pytest.raises(StoreError, match="not a Bolt URI"):
        Neo4jStore("http://127.0.0.1:7474")


def test_a_closed_store_says_so(neo4j_server: Neo4jTarget) -> None:
    store = Neo4jStore(neo4j_server.uri, auth=neo4j_server.auth, database=neo4j_server.database)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.documents()


def test_upsert_many_equals_one_upsert_per_document(neo4j_store: Neo4jStore) -> None:
    """Several documents per transaction (bulk loads, sync) give the same graph, results and
    replacements as one transaction per document, including a same-source replacement and a
    repeat inside one call."""
    sequence = [kaist_pasqal(), aws_pasqal(), kaist_pasqal_v2(), aws_pasqal(), ionq_kaist()]
    one_by_one = [neo4j_store.upsert(d) for d in sequence]
    expected = canonical_dump(neo4j_store)
    neo4j_store.clear()
    assert neo4j_store.upsert_many(sequence, batch_size=10) == one_by_one
    assert canonical_dump(neo4j_store) == expected
    assert [r.changed for r in neo4j_store.upsert_many(sequence[2:], batch_size=2)] == [False, False, False]


def test_concurrent_loaders_sharing_entities_lose_nothing(
    neo4j_store: Neo4jStore, neo4j_server: Neo4jTarget
) -> None:
    """Two processes' worth of writers on overlapping documents (shared entities, a shared
    relation) end in the same graph as one sequential load: writers lock what they touch."""
    import threading

    docs = [kaist_pasqal(), aws_pasqal(), ionq_kaist()]
    for d in docs:
        neo4j_store.upsert(d)
    expected = canonical_dump(neo4j_store)
    neo4j_store.clear()

    errors: list[BaseException] = []

    def load(order: list[KnowledgeGraph]) -> None:
        store = Neo4jStore(neo4j_server.uri, auth=neo4j_server.auth, database=neo4j_server.database)
        try:
            for _ in range(3):
                for d in order:
                    store.upsert(d)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=load, args=(o,)) for o in (docs, docs[::-1], docs[1:] + docs[:1])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert canonical_dump(neo4j_store) == expected
