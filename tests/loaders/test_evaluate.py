"""Scoring rules of ANNOTATION.md and dev2's README on hand-built cases, and ``qkg eval``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from qkg.loaders.evaluate import CorpusScore, match_agreements, norm, score_document
from qkg.schemas import (
    Agreement,
    AgreementKind,
    Document,
    Entity,
    Evidence,
    KnowledgeGraph,
    Relation,
)

DOC = Document.from_text("A and B partner. C is in D.")


def _ev() -> Evidence:
    return Evidence(document_id=DOC.id, sentence="A and B partner.", start=0, end=16, rule="t")


_TYPES = {"D": "City", "E": "City", "T": "Technology"}  # every other letter is a company


def _ents(*names: str) -> list[Entity]:
    return [Entity(id=f"e:{n.lower()}", type=_TYPES.get(n, "Company"), name=n) for n in names]


def _rel(s: str, t: str, o: str) -> Relation:
    return Relation(source=f"e:{s.lower()}", type=t, target=f"e:{o.lower()}", evidence=[_ev()])


def _gold(
    names: str, relations: Sequence[tuple[str, str, str]] = (), agreements: Sequence[str] = ()
) -> dict[str, Any]:
    """Gold over one-letter ids whose names are the upper-case letters."""
    return {
        "entities": [{"id": x, "name": x.upper(), "type": "Company"} for x in names],
        "relations": [
            {"source": s, "type": t, "target": o, "evidence": f"{s} {t} {o}."} for s, t, o in relations
        ],
        "agreements": [{"kind": "MOU", "parties": list(p)} for p in agreements],
    }


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
    # {a, b} against {a, b, c}: Jaccard 2/3
    assert (s.agreements.precision, s.agreements.recall) == (1.0, 1.0)
    assert s.missed.entities == [("Gamma", "Company")]
    assert s.spurious.entities == [("Zeta", "City")]
    assert [(r.source, r.type, r.target) for r in s.missed.relations] == [("Gamma", "LOCATED_IN", "A")]


def _sets(*groups: str) -> list[frozenset[str]]:
    return [frozenset(g) for g in groups]


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        pytest.param(["ab"], ["abcd"], {0: 0}, id="jaccard 2/4 = 0.5 matches"),
        pytest.param(["ab"], ["abcde"], {}, id="jaccard 2/5 does not"),
        pytest.param(["abx"], ["abc"], {0: 0}, id="a party gold lacks counts in the union: 2/4"),
        pytest.param(["abxy"], ["abc"], {}, id="two parties gold lacks: 2/5"),
        pytest.param(["ab", "ab"], ["ab"], {0: 0}, id="each gold at most once"),
        pytest.param(["ab", "abc"], ["abc"], {1: 0}, id="the exact match kept, the weaker one spurious"),
        pytest.param(["ab"], ["ab", "ab"], {0: 0}, id="each predicted at most once"),
        pytest.param(["ab", "abe"], ["ab", "abcd"], {0: 1, 1: 0}, id="maximum matching, not first come"),
        pytest.param(["abc", "cd"], ["abc", "cde"], {0: 0, 1: 1}, id="best overlap first"),
        pytest.param([], ["ab"], {}, id="nothing predicted"),
    ],
)
def test_match_agreements(predicted: list[str], gold: list[str], expected: dict[int, int]) -> None:
    assert match_agreements(_sets(*predicted), _sets(*gold)) == expected


@pytest.mark.parametrize(
    ("parties", "gold_parties", "matched"),
    [
        pytest.param(["A", "B"], ["abcd"], 1, id="0.5 after mapping"),
        pytest.param(["A", "B"], ["abcde"], 0, id="0.4 after mapping"),
        pytest.param(["A", "B", "X"], ["abc"], 1, id="unknown party X: 2/4"),
        pytest.param(["A", "X", "Y"], ["abc"], 0, id="unknown parties X, Y: 1/5"),
    ],
)
def test_agreement_score_maps_parties_through_the_entity_matching(
    parties: list[str], gold_parties: list[str], matched: int
) -> None:
    kg = KnowledgeGraph(
        document=DOC,
        entities=_ents("A", "B", "X", "Y"),
        # kind is ignored: a Contract may match a gold MOU
        agreements=[
            Agreement.build(AgreementKind.CONTRACT, [f"e:{p.lower()}" for p in parties], evidence=[_ev()])
        ],
    )
    s = score_document(kg, _gold("abcde", agreements=gold_parties))
    assert (s.agreements.tp_pred, s.agreements.pred, s.agreements.tp_gold, s.agreements.gold) == (
        matched,
        1,
        matched,
        1,
    )
    assert len(s.missed.agreements) == 1 - matched
    assert len(s.spurious.agreements) == 1 - matched


def test_unmatched_agreements_are_listed_by_party_names() -> None:
    kg = KnowledgeGraph(
        document=DOC,
        entities=_ents("A", "X"),
        agreements=[Agreement.build(AgreementKind.MOU, ["e:a", "e:x"], evidence=[_ev()])],
    )
    s = score_document(kg, _gold("abc", agreements=["abc"]))
    assert [(a.kind, a.parties) for a in s.missed.agreements] == [("MOU", ("A", "B", "C"))]
    assert [(a.kind, a.parties) for a in s.spurious.agreements] == [("MOU", ("A", "X"))]


_TYPED_GOLD = [
    ("a", "PARTNERS_WITH", "b"),
    ("c", "LOCATED_IN", "d"),
    ("a", "WORKS_ON", "t"),
    ("b", "WORKS_ON", "t"),
    ("c", "COMPETES_WITH", "a"),
]
_TYPED_PRED = [
    _rel("B", "PARTNERS_WITH", "A"),  # symmetric: matches a-b
    _rel("C", "LOCATED_IN", "E"),  # the wrong place
    _rel("A", "WORKS_ON", "T"),
    _rel("A", "INVESTS_IN", "B"),  # not in gold
    _rel("A", "COMPETES_WITH", "C"),  # symmetric: matches c-a
]


@pytest.mark.parametrize(
    ("rtype", "gold", "pred", "hits", "prf"),
    [
        ("COMPETES_WITH", 1, 1, 1, (1.0, 1.0, 1.0)),
        ("INVESTS_IN", 0, 1, 0, (0.0, 1.0, 0.0)),
        ("LOCATED_IN", 1, 1, 0, (0.0, 0.0, 0.0)),
        ("PARTNERS_WITH", 1, 1, 1, (1.0, 1.0, 1.0)),
        ("WORKS_ON", 2, 1, 1, (1.0, 0.5, 2 / 3)),
    ],
)
def test_per_type_scores(
    rtype: str, gold: int, pred: int, hits: int, prf: tuple[float, float, float]
) -> None:
    kg = KnowledgeGraph(document=DOC, entities=_ents("A", "B", "C", "D", "E", "T"), relations=_TYPED_PRED)
    s = score_document(kg, _gold("abcdet", _TYPED_GOLD)).by_type[rtype]
    assert (s.gold, s.pred, s.tp_gold, s.tp_pred) == (gold, pred, hits, hits)
    assert (s.precision, s.recall, s.f1) == pytest.approx(prf)


def test_per_type_scores_add_up_to_the_relation_score_and_sum_over_documents() -> None:
    kg = KnowledgeGraph(document=DOC, entities=_ents("A", "B", "C", "D", "E", "T"), relations=_TYPED_PRED)
    s = score_document(kg, _gold("abcdet", _TYPED_GOLD))
    assert sorted(s.by_type) == ["COMPETES_WITH", "INVESTS_IN", "LOCATED_IN", "PARTNERS_WITH", "WORKS_ON"]
    assert sum(t.tp_gold for t in s.by_type.values()) == s.relations.tp_gold == 3
    assert sum(t.pred for t in s.by_type.values()) == s.relations.pred == 5
    both = CorpusScore("two", [s, s])
    assert (both.by_type["WORKS_ON"].gold, both.by_type["WORKS_ON"].tp_gold) == (4, 2)
    assert both.overall["relations"].gold == 10


# -- the command ----------------------------------------------------------------------------
