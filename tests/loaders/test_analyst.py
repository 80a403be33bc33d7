"""The analyst's measure (``bench/analyst.py``) on a three-document corpus with figures derived by hand.

The extractor is a double that returns, for each document, facts written out below (some
right, some missed, some wrong), so the expected figures follow from the gold and those
facts alone; the store, the API and its name lookup are the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.analyst import AnalystScore, analyst_measure, gold_network, partners
from qkg.loaders.gold import GoldDocument, read_corpus
from qkg.schemas import (
    Agreement,
    AgreementKind,
    Document,
    DocumentRejected,
    Entity,
    EntityType,
    Evidence,
    KnowledgeGraph,
    Relation,
    entity_id,
)

DOCS = {
    "one": "Alpha Quantum, Beta University and Gamma Labs signed a memorandum of understanding.",
    "two": "Beta Univ. works with Delta Corp, a company based in Zeta City.",
    "three": "Epsilon Institute partners with Alpha Quantum.",
}


def _e(i: str, name: str, type_: str = "Company", *aliases: str) -> dict[str, Any]:
    return {"id": i, "name": name, "type": type_, "aliases": list(aliases)}


GOLD = {
    "one": {
        "entities": [
            _e("alpha", "Alpha Quantum", "Company", "Alpha"),
            _e("beta", "Beta University", "University"),
            _e("gamma", "Gamma Labs", "Company", "Gamma"),
        ],
        "relations": [],
        "agreements": [{"kind": "MOU", "parties": ["alpha", "beta", "gamma"]}],
    },
    "two": {
        "entities": [
            _e("beta", "Beta University", "University", "Beta Univ."),
            _e("delta", "Delta Corp"),
            _e("zeta", "Zeta City", "City"),
        ],
        "relations": [
            {"source": "beta", "type": "PARTNERS_WITH", "target": "delta"},
            {"source": "delta", "type": "LOCATED_IN", "target": "zeta"},
        ],
    },
    "three": {
        "entities": [_e("epsilon", "Epsilon Institute", "ResearchInstitute"), _e("alpha", "Alpha Quantum")],
        "relations": [{"source": "epsilon", "type": "PARTNERS_WITH", "target": "alpha"}],
    },
}

# What the double extracts: (name, type) entities, (source, type, target) relations, agreement parties.
FACTS: dict[str, dict[str, Any]] = {
    "one": {
        # Gamma Labs found under its alias only; an actor gold does not annotate
        "entities": [
            ("Alpha Quantum", "Company"),
            ("Beta University", "University"),
            ("Gamma", "Company"),
            ("Omega Fund", "Company"),
        ],
        "relations": [
            ("Gamma", "PARTNERS_WITH", "Alpha Quantum"),
            ("Alpha Quantum", "PARTNERS_WITH", "Omega Fund"),
        ],
        "agreement": ["Alpha Quantum", "Beta University"],  # Gamma Labs missing from the MOU
    },
    "two": {
        # the university under another name (a separate actor in the store); a wrong partner
        "entities": [("Beta Univ.", "University"), ("Delta Corp", "Company"), ("Zeta City", "City")],
        "relations": [
            ("Beta Univ.", "PARTNERS_WITH", "Delta Corp"),
            ("Delta Corp", "PARTNERS_WITH", "Zeta City"),
            ("Delta Corp", "LOCATED_IN", "Zeta City"),
        ],
    },
    "three": {"entities": [("Alpha Quantum", "Company")], "relations": []},  # Epsilon Institute missed
}


class ScriptedExtractor:
    """An :class:`~qkg.loaders.extract.Extractor` that returns the facts written for each document."""

    name = "scripted"

    def extract(self, document: Document) -> KnowledgeGraph:
        facts = FACTS[document.title]
        ids = {n: entity_id(n, EntityType(t)) for n, t in facts["entities"]}
        ev = (
            Evidence(
                document_id=document.id, sentence=document.text, start=0, end=len(document.text), rule="x"
            ),
        )
        agreements = []
        if "agreement" in facts:
            parties = [ids[n] for n in facts["agreement"]]
            agreements.append(Agreement.build(AgreementKind.MOU, parties, evidence=ev))
        return KnowledgeGraph(
            document=document,
            entities=[Entity(id=ids[n], type=t, name=n) for n, t in facts["entities"]],
            relations=[
                Relation(source=ids[s], type=t, target=ids[o], evidence=ev) for s, t, o in facts["relations"]
            ],
            agreements=agreements,
        )


def _corpus(root: Path, source: str = "https://example.org/{stem}") -> Path:
    (root / "docs").mkdir()
    (root / "gold").mkdir()
    for i, (stem, text) in enumerate(DOCS.items()):
        head = f"source: {source.format(stem=stem)}\ntitle: {stem}\n\n"
        (root / "docs" / f"0{i}_{stem}.txt").write_text(f"{head}{text}\n", encoding="utf-8")
        (root / "gold" / f"0{i}_{stem}.json").write_text(json.dumps(GOLD[stem]), encoding="utf-8")
    return root


def test_gold_actors_merge_across_documents_by_names_and_aliases() -> None:
    actors, links = gold_network(GoldDocument.model_validate(g) for g in GOLD.values())
    names = sorted(a.names for a in actors)
    assert names == [
        ("Alpha Quantum", "Alpha"),
        ("Beta University", "Beta Univ."),
        ("Delta Corp",),
        ("Epsilon Institute",),
        ("Gamma Labs", "Gamma"),
        ("Zeta City",),
    ]
    named = {a.names[0]: i for i, a in enumerate(actors)}
    pairs = {frozenset(actors[i].names[0] for i in link) for link in links}
    # the MOU's three pairs, one PARTNERS_WITH in each of two and three; LOCATED_IN is no link
    assert pairs == {
        frozenset({"Alpha Quantum", "Beta University"}),
        frozenset({"Alpha Quantum", "Gamma Labs"}),
        frozenset({"Beta University", "Gamma Labs"}),
        frozenset({"Beta University", "Delta Corp"}),
        frozenset({"Epsilon Institute", "Alpha Quantum"}),
    }
    assert named["Zeta City"] not in partners(links)


def test_the_analyst_measure_on_a_hand_written_corpus(tmp_path: Path) -> None:
    s = analyst_measure([read_corpus(_corpus(tmp_path))], extractor=ScriptedExtractor())
    # Asked, with the gold partners (10 questions) and what comes back:
    #   Alpha Quantum {Beta, Gamma, Epsilon}: Beta University, Gamma, Omega Fund -> 2 answered; 2 right, 1 unknown
    #   Beta University {Alpha, Gamma, Delta}: Alpha Quantum (the MOU) -> 1 answered; 1 right
    #   Delta Corp {Beta}: Beta Univ., Zeta City -> 1 answered; 1 right, 1 wrong
    #   Epsilon Institute {Alpha}: not found -> 0 answered
    #   Gamma Labs {Alpha, Beta}: not found by name, found by its alias "Gamma": Alpha Quantum -> 1; 1 right
    assert s == AnalystScore(
        actors=5,
        found=4,
        links=10,
        answered=5,
        returned=6,
        correct=5,
        unknown=1,
        not_found=["Epsilon Institute"],
    )
    assert (s.found_share, s.answered_share, s.precision) == pytest.approx((0.8, 0.5, 5 / 6))


def test_documents_sharing_a_source_are_refused(tmp_path: Path) -> None:
    # the store keeps one document per source: the measure would silently lose the others
    corpus = read_corpus(_corpus(tmp_path, source="https://example.org/same"))
    with pytest.raises(DocumentRejected, match=r"01_two\.txt: has the source of another document"):
        analyst_measure([corpus], extractor=ScriptedExtractor())
