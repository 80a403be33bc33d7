"""Scoring rules of ANNOTATION.md on hand-built cases."""

from __future__ import annotations

import pytest

from qkg.loaders.evaluate import norm, score_document
from qkg.schemas import Agreement, AgreementKind, Document, Entity, Evidence, KnowledgeGraph, Relation

DOC = Document.from_text("A and B partner. C is in D.")


def _ev() -> Evidence:
    return Evidence(document_id=DOC.id, sentence="A and B partner.", start=0, end=16, rule="t")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The University of X", "university of x"),
        ("O’Brien", "OBrien"),
        ("  IBM   Research ", "ibm research"),
    ],
)
def test_norm(a: str, b: str) -> None:
    assert norm(a) == norm(b)


def test_scores() -> None:
    ents = [
        Entity(id="company:a", type="Company", name="Alpha", aliases=("A",)),
        Entity(id="company:b", type="Company", name="Beta"),
        Entity(id="city:z", type="City", name="Zeta"),
    ]
    kg = KnowledgeGraph(
        document=DOC,
        entities=ents,
        relations=[Relation(source="company:a", type="PARTNERS_WITH", target="company:b", evidence=[_ev()])],
        agreements=[Agreement.build(AgreementKind.MOU, ["company:a", "company:b"], evidence=[_ev()])],
    )
    gold = {
        "entities": [
            {"id": "a", "name": "A", "type": "Company", "aliases": []},
            {"id": "b", "name": "the Beta", "type": "Company", "aliases": []},
            {"id": "c", "name": "Gamma", "type": "Company", "aliases": []},
        ],
        "relations": [
            {"source": "b", "type": "PARTNERS_WITH", "target": "a"},
            {"source": "c", "type": "LOCATED_IN", "target": "a"},
        ],
        "agreements": [{"parties": ["a", "b", "c"]}],
    }
    s = score_document(kg, gold)
    assert (s.entities.precision, s.entities.recall) == pytest.approx((2 / 3, 2 / 3))
    assert (s.pairs.precision, s.pairs.recall) == pytest.approx((1.0, 1 / 3))
    assert (s.relations.precision, s.relations.recall) == pytest.approx((1.0, 0.5))
    assert s.missed["entities"] == ["Gamma"]
