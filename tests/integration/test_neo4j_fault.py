"""Crash safety against the real Neo4j process.

Load 200 documents, SIGKILL the Neo4j JVM at a random point of the load, restart it on the
same data folder, and check:

- right after recovery, the graph is exactly a clean load of the documents that were
  committed (no document half-written: every fact of a loaded document is there, nothing of
  an unloaded one is);
- no id is duplicated, no relationship is doubled;
- after re-running the whole load, the graph equals a clean load of all 200 (canonical dump).

The kill point is drawn at random (``QKG_FAULT_SEED`` replays one); it is in every message.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from bench.synthetic import generate_deltas
from qkg.graph.neo4j import Neo4jStore
from qkg.schemas import KnowledgeGraph, StoreError
from tests.factories import canonical_dump
from tests.neo4j.server import TEST_JVM_FLAGS, Neo4jServer, Neo4jStartError

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

N_DOCUMENTS = 200


@pytest.fixture(scope="module")
def corpus() -> list[KnowledgeGraph]:
    deltas = list(generate_deltas(400, 2400, seed=7, relations_per_doc=10))
    assert len(deltas) >= N_DOCUMENTS
    return deltas[:N_DOCUMENTS]


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Neo4jServer]:
    """A Neo4j of this test's own (the session's server is not ours to kill)."""
    server = Neo4jServer(tmp_path / "neo4j", page_cache_mib=64, jvm_flags=TEST_JVM_FLAGS)
    try:
        server.start()
    except Neo4jStartError as exc:
        pytest.fail(f"could not start Neo4j 5.26 for the fault test: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


def _load(
    store: Neo4jStore, deltas: list[KnowledgeGraph], done: list[str], errors: list[BaseException]
) -> None:
    try:
        for d in deltas:
            store.upsert(d)
            done.append(d.document.id)
    except StoreError as exc:  # the JVM died under us: expected
        errors.append(exc)


def _duplicates(store: Neo4jStore, uri: str) -> dict[str, int]:
    with neo4j.GraphDatabase.driver(uri, notifications_min_severity="OFF") as driver:
        out = {}
        for label in ("Actor", "Agreement", "Goal", "Document"):
            rows = driver.execute_query(
                f"MATCH (n:{label}) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n"
            ).records
            out[label] = rows[0]["n"]
        rows = driver.execute_query(
            "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1 RETURN count(*) AS n"
        ).records
        out["relationships"] = rows[0]["n"]
        rows = driver.execute_query("MATCH (n:Actor) WHERE n.primary IS NULL RETURN count(*) AS n").records
        out["placeholders"] = rows[0]["n"]
    return out


def test_sigkill_mid_load_then_restart_and_reload_equals_a_clean_load(
    own_server: Neo4jServer, neo4j_store: Neo4jStore, corpus: list[KnowledgeGraph]
) -> None:
    seed = int(os.environ.get("QKG_FAULT_SEED") or random.SystemRandom().randrange(1 << 30))
    rng = random.Random(seed)
    kill_after = rng.randrange(10, N_DOCUMENTS - 20)
    extra_ms = rng.uniform(0, 40)
    where = f"(QKG_FAULT_SEED={seed}: kill after {kill_after} documents + {extra_ms:.0f} ms)"

    loader = Neo4jStore(own_server.uri, max_retry_time=0.5)
    done: list[str] = []
    errors: list[BaseException] = []
    thread = threading.Thread(target=_load, args=(loader, corpus, done, errors), daemon=True)
    thread.start()
    deadline = time.monotonic() + 300
    while len(done) < kill_after and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(extra_ms / 1000)
    own_server.kill()
    thread.join(120)
    assert not thread.is_alive(), f"the loader hung after the kill {where}"
    loader.close()
    assert errors, f"the load finished before the kill landed {where}"

    own_server.start()
    recovered = Neo4jStore(own_server.uri)
    try:
        loaded = {d.id for d in recovered.documents()}
        # Every document acknowledged before the kill survived; at most the one in flight was added.
        assert set(done) <= loaded, where
        assert len(loaded - set(done)) <= 1, where
        assert _duplicates(recovered, own_server.uri) == dict.fromkeys(
            ("Actor", "Agreement", "Goal", "Document", "relationships", "placeholders"), 0
        ), where

        # Nothing half-written: the recovered graph is a clean load of exactly those documents.
        neo4j_store.upsert_many([d for d in corpus if d.document.id in loaded])
        assert canonical_dump(recovered) == canonical_dump(neo4j_store), where

        # Re-running the whole load converges on a clean load of everything (merges do not
        # depend on load order, so the clean store just gets the rest).
        for d in corpus:
            recovered.upsert(d)
        neo4j_store.upsert_many([d for d in corpus if d.document.id not in loaded])
        assert recovered.stats().documents == N_DOCUMENTS
        assert canonical_dump(recovered) == canonical_dump(neo4j_store), where
        assert _duplicates(recovered, own_server.uri)["relationships"] == 0, where
    finally:
        recovered.close()
