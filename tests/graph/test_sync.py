"""``sync_stores`` between two embedded stores: every document copied once, a newer version
replaces the older one, and with ``prune`` the target ends up answering as the source does.

The same function between the embedded store and a real Neo4j is
``tests/integration/test_sync.py``."""

from __future__ import annotations

from pathlib import Path

from qkg.graph.embedded import EmbeddedStore
from qkg.graph.sync import sync_stores
from tests.factories import aws_pasqal, canonical_dump, corpus, ionq_kaist, kaist_pasqal, kaist_pasqal_v2


def test_sync_copies_every_document_once_and_reports_progress(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with EmbeddedStore(tmp_path / "a") as source, EmbeddedStore(tmp_path / "b") as target:
        for d in corpus():
            source.upsert(d)
        first = sync_stores(source, target, progress=lambda done, total: seen.append((done, total)))
        version = target.version
        again = sync_stores(source, target)

        assert canonical_dump(target) == canonical_dump(source)
        assert (first.documents, first.changed, first.unchanged) == (len(corpus()), len(corpus()), 0)
        assert (again.changed, again.unchanged) == (0, len(corpus()))
        assert target.version == version
        assert seen[-1] == (len(corpus()), len(corpus()))


def test_prune_removes_what_the_source_lacks_and_a_newer_version_replaces_the_older(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "a") as source, EmbeddedStore(tmp_path / "b") as target:
        for d in (kaist_pasqal_v2(), aws_pasqal()):
            source.upsert(d)
        target.upsert(kaist_pasqal())  # an older version of the same source
        target.upsert(ionq_kaist())  # a document the source does not have

        kept = sync_stores(source, target)
        assert kept.pruned == 0
        assert ionq_kaist().document.id in {d.id for d in target.documents()}
        assert kaist_pasqal().document.id not in {d.id for d in target.documents()}

        pruned = sync_stores(source, target, prune=True)
        assert pruned.pruned == 1
        assert canonical_dump(target) == canonical_dump(source)
        assert str(pruned) == "2 documents: 0 copied, 2 already there, 1 pruned"
