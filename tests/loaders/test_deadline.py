"""The extraction time limit: a document past it is rejected with a message; the batch goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from qkg.graph.embedded import EmbeddedStore
from qkg.loaders.extract import RuleExtractor
from qkg.loaders.pipeline import load_paths
from qkg.schemas import Document, KnowledgeGraph, LimitExceeded

TEXT = (
    "Orbion Quantum, a start-up based in Lyon, signed an MOU with the Veltra Institute. "
    "The agreement covers trapped-ion quantum computing."
)


def test_no_limit_and_a_generous_limit_extract_the_same() -> None:
    doc = Document.from_text(TEXT)
    assert RuleExtractor(time_limit=None).extract(doc) == RuleExtractor(time_limit=600).extract(doc)


def test_past_the_limit_extraction_raises_and_names_the_limit() -> None:
    with pytest.raises(LimitExceeded, match=r"time limit of 1e-09 s.*QKG_EXTRACT_TIME_LIMIT"):
        RuleExtractor(time_limit=1e-9).extract(Document.from_text(TEXT))


class SlowOnLong:
    """A real rule extractor whose limit is spent at once on documents titled 'long'."""

    name = "rules"

    def extract(self, document: Document) -> KnowledgeGraph:
        limit = 1e-9 if document.title == "long" else None
        return RuleExtractor(time_limit=limit).extract(document)


def test_a_document_past_its_limit_is_rejected_and_the_rest_of_the_batch_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "long.txt").write_text(TEXT.replace("Lyon", "Grenoble"), encoding="utf-8")
    (tmp_path / "z.txt").write_text("KAIST and Pasqal signed an MOU in Daejeon.", encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    try:
        summary = load_paths([str(tmp_path)], store, extractor=SlowOnLong(), progress=False)
        assert summary.documents == 2
        assert [Path(src).name for src, _ in summary.rejected] == ["long.txt"]
        assert "time limit" in summary.rejected[0][1]
        assert sorted(Path(d.source).name for d in store.documents()) == ["a.txt", "z.txt"]
    finally:
        store.close()


class FailsOnBroken:
    """A real rule extractor, except that documents titled 'broken' hit a bug."""

    name = "rules"

    def extract(self, document: Document) -> KnowledgeGraph:
        if document.title == "broken":
            raise RuntimeError("index out of range in a rule")
        return RuleExtractor().extract(document)


def test_an_unexpected_error_rejects_that_document_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "broken.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text("KAIST and Pasqal signed an MOU in Daejeon.", encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    try:
        summary = load_paths([str(tmp_path)], store, extractor=FailsOnBroken(), progress=False)
        assert summary.documents == 2
        assert [Path(src).name for src, _ in summary.rejected] == ["broken.txt"]
        assert "RuntimeError: index out of range in a rule" in summary.rejected[0][1]
    finally:
        store.close()
