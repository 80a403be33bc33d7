"""The sample corpus the README evaluates: consistent gold files, and ``qkg eval`` runs on it."""

from __future__ import annotations

from pathlib import Path

from qkg.loaders.gold import read_annotated, read_corpus

CORPUS = Path(__file__).resolve().parents[2] / "docs" / "sample-corpus"


def test_every_gold_file_reads_and_quotes_its_text() -> None:
    corpus = read_corpus(CORPUS)
    assert len(corpus.items) == 4
    for stem, text_path, gold in corpus.items:
        text = " ".join(read_annotated(text_path).text.split())
        assert gold.doc == f"{stem}.txt"
        for entity in gold.entities:
            assert entity.name in text, (stem, entity.name)
        for fact in (*gold.relations, *gold.agreements):
            assert fact.evidence, (stem, fact)
            assert " ".join(fact.evidence.split()) in text, (stem, fact.evidence)


def test_the_readme_agreement_after_loading_it(tmp_path: Path) -> None:
    """README, question 3: loading the sample gives the Lumora–Eastmere MOU of 2025-03-12."""
    from qkg.graph.embedded import EmbeddedStore
    from qkg.loaders import load_paths

    store = EmbeddedStore(tmp_path / "store")
    try:
        summary = load_paths([str(CORPUS / "docs")], store, progress=False)
        assert (summary.documents, summary.rejected) == (4, [])
        found = {
            (a.kind.value, a.date, frozenset(store.entity(p).name for p in a.parties))
            for a in store.agreements(since="2024")
        }
    finally:
        store.close()
    assert ("MOU", "2025-03-12", frozenset({"Lumora Quantum", "Eastmere University"})) in found
