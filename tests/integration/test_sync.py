"""``qkg sync`` between the embedded store and a real Neo4j: both directions, idempotent,
and with ``--prune`` the two stores answer identically (canonical dump)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qkg.api.cli import main
from qkg.graph.embedded import EmbeddedStore
from qkg.graph.neo4j import Neo4jStore
from qkg.graph.sync import sync_stores
from tests.factories import aws_pasqal, canonical_dump, corpus, ionq_kaist, kaist_pasqal, kaist_pasqal_v2
from tests.neo4j.fixtures import Neo4jTarget

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, neo4j_server: Neo4jTarget) -> Path:
    data = tmp_path / "embedded"
    monkeypatch.setenv("QKG_DATA_DIR", str(data))
    monkeypatch.setenv("QKG_NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("QKG_NEO4J_DATABASE", neo4j_server.database)
    if neo4j_server.auth is not None:
        monkeypatch.setenv("QKG_NEO4J_USER", neo4j_server.auth[0])
        monkeypatch.setenv("QKG_NEO4J_PASSWORD", neo4j_server.auth[1])
    monkeypatch.delenv("QKG_STORE", raising=False)
    return data


def test_sync_to_neo4j_copies_every_document_and_is_idempotent(
    env: Path, neo4j_store: Neo4jStore, capsys: pytest.CaptureFixture[str]
) -> None:
    with EmbeddedStore(env) as embedded:
        for d in corpus():
            embedded.upsert(d)
        expected = canonical_dump(embedded)

    assert main(["sync", "--to", "neo4j", "--quiet"]) == 0
    assert f"{len(corpus())} copied" in capsys.readouterr().out
    assert canonical_dump(neo4j_store) == expected
    version = neo4j_store.version

    assert main(["sync", "--to", "neo4j", "-q"]) == 0
    assert f"0 copied, {len(corpus())} already there" in capsys.readouterr().out
    assert neo4j_store.version == version


def test_sync_from_neo4j_with_prune_makes_the_embedded_store_identical(
    env: Path, neo4j_store: Neo4jStore, capsys: pytest.CaptureFixture[str]
) -> None:
    for d in (kaist_pasqal_v2(), aws_pasqal(), ionq_kaist()):
        neo4j_store.upsert(d)
    with EmbeddedStore(env) as embedded:
        embedded.upsert(kaist_pasqal())  # an older version of the same source
        embedded.upsert(corpus()[2])  # a document Neo4j does not have

    assert main(["sync", "--from", "neo4j", "--prune", "-q"]) == 0
    out = capsys.readouterr().out
    assert "3 copied" in out
    assert "1 pruned" in out
    with EmbeddedStore(env) as embedded:
        assert canonical_dump(embedded) == canonical_dump(neo4j_store)


def test_sync_without_prune_keeps_extra_target_documents(tmp_path: Path, neo4j_store: Neo4jStore) -> None:
    neo4j_store.upsert(ionq_kaist())
    with EmbeddedStore(tmp_path / "e") as embedded:
        embedded.upsert(aws_pasqal())
        summary = sync_stores(embedded, neo4j_store)
    assert (summary.documents, summary.changed, summary.pruned) == (1, 1, 0)
    assert {d.id for d in neo4j_store.documents()} == {aws_pasqal().document.id, ionq_kaist().document.id}


def test_sync_needs_exactly_one_direction_and_a_neo4j_uri(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QKG_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("QKG_NEO4J_URI", raising=False)
    assert main(["sync"]) == 2
    assert main(["sync", "--to", "neo4j", "--from", "neo4j"]) == 2
    assert main(["sync", "--to", "neo4j"]) == 2
    assert "QKG_NEO4J_URI" in capsys.readouterr().err
