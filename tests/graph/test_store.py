"""The store protocols themselves: what a wrapper forwards, and the writer's default bulk write."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from qkg.graph.embedded import EmbeddedStore
from qkg.graph.store import GraphReader, GraphStore, GraphWriter, protocol_methods
from qkg.schemas import KnowledgeGraph, UpsertResult
from tests.factories import corpus, kaist_pasqal


class _OneByOne(GraphWriter):
    """A writer that only knows how to write one document (it inherits ``upsert_many``)."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.calls = 0

    def upsert(self, delta: KnowledgeGraph) -> UpsertResult:
        self.calls += 1
        return self.store.upsert(delta)

    def remove_document(self, document_id: str) -> None:
        self.store.remove_document(document_id)

    def clear(self) -> None:
        self.store.clear()


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(tmp_path / "store") as store:
        yield store


def test_a_wrapper_forwards_every_method_of_the_reader_the_writer_and_the_store() -> None:
    names = set(protocol_methods(GraphStore))
    assert set(protocol_methods(GraphReader)) <= names
    assert set(protocol_methods(GraphWriter)) <= names
    assert {"upsert_many", "steps", "paths", "to_networkx", "document", "close"} <= names
    assert "version" not in names  # a property: wrappers define it themselves


def test_the_default_upsert_many_is_upsert_on_each(embedded: EmbeddedStore, tmp_path: Path) -> None:
    writer = _OneByOne(embedded)
    deltas = [*corpus(), kaist_pasqal()]
    with EmbeddedStore(tmp_path / "reference") as reference:
        expected = [reference.upsert(d) for d in deltas]
    assert writer.upsert_many(deltas) == expected
    assert writer.calls == len(deltas)
    assert [r.changed for r in writer.upsert_many(deltas)] == [False] * len(deltas)


def test_the_stores_satisfy_the_protocols(embedded: EmbeddedStore) -> None:
    assert isinstance(embedded, GraphStore)
    assert isinstance(embedded, GraphReader)
    assert isinstance(embedded, GraphWriter)


def test_a_store_leaves_the_garbage_collector_to_the_process(tmp_path: Path) -> None:
    """Library code never changes process-wide state: opening, loading, warming and closing
    a store leave the collector enabled and freeze nothing (entry points decide that)."""
    frozen = gc.get_freeze_count()
    with EmbeddedStore(tmp_path / "store") as store:
        store.upsert_many(corpus())
        assert gc.isenabled()
    with EmbeddedStore(tmp_path / "store") as store:
        store.warm()
        store.upsert(kaist_pasqal())
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
