"""Two writers on one Neo4j graph at once: the graph version counts every document.

The version (a count and XOR of ``(document, digest)`` tokens on the ``QkgMeta`` node) is
read and written back in each write transaction; read without the write lock, two
transactions that overlap both start from the same version and the later one's bump drops
the earlier one's documents (a lost update: the version then names another graph).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bench.synthetic import generate_deltas
from qkg.graph import EmbeddedStore
from qkg.graph.neo4j import Neo4jStore


@pytest.mark.neo4j
def test_concurrent_writers_keep_every_document_in_the_version(
    neo4j_store: Neo4jStore, tmp_path: Path
) -> None:
    deltas = list(generate_deltas(400, 400, seed=7, relations_per_doc=4))
    with EmbeddedStore(tmp_path / "reference") as reference:
        reference.upsert_many(deltas)
        expected = reference.version
    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def write(part: list[object]) -> None:
        try:
            barrier.wait()
            for d in part:
                neo4j_store.upsert(d)  # type: ignore[arg-type]
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(deltas[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert neo4j_store.stats().documents == len(deltas)
    assert neo4j_store.version == expected
