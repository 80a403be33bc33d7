"""The seed article end to end: every actor, agreement, relation and goal issue 3 lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from qkg.loaders.extract import extract
from qkg.loaders.read import read_path
from qkg.schemas import AgreementKind, KnowledgeGraph, RelationType

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seed" / "daejeon.txt"
PACKAGED = Path(__file__).resolve().parents[2] / "loaders" / "data" / "seed_daejeon.txt"


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    path = SEED if SEED.exists() else PACKAGED
    return extract(read_path(path).document)


def _id(kg: KnowledgeGraph, name: str) -> str:
    hits = [e.id for e in kg.entities if e.name == name or name in e.aliases]
    assert hits, f"{name!r} not among {[e.name for e in kg.entities]}"
    return hits[0]


@pytest.mark.parametrize(
    ("name", "etype"),
    [
        ("KAIST", "University"),
        ("Pasqal", "Company"),
        ("Amazon Web Services", "Company"),
        ("Daejeon", "City"),
        ("South Korea", "Country"),
        ("United States", "Country"),
        ("Washington DC", "City"),
        ("Daedeok Quantum Cluster", "Cluster"),
        ("Quantum Strategy Committee", "GovernmentBody"),
        ("National Quantum Strategy", "Program"),
        ("quantum sensing", "Technology"),
        ("quantum networks", "Technology"),
        ("quantum cryptography", "Technology"),
        ("neutral-atom quantum computing", "Technology"),
    ],
)
def test_entities(kg: KnowledgeGraph, name: str, etype: str) -> None:
    ent = next(e for e in kg.entities if e.id == _id(kg, name))
    assert ent.type.value == etype


def test_aws_alias_and_korean_names(kg: KnowledgeGraph) -> None:
    aws = next(e for e in kg.entities if e.name == "Amazon Web Services")
    assert "AWS" in aws.aliases
    assert "대전" in next(e for e in kg.entities if e.name == "Daejeon").aliases
    assert "한국과학기술원" in next(e for e in kg.entities if e.name == "KAIST").aliases


def test_no_boilerplate_entity(kg: KnowledgeGraph) -> None:
    assert "发表回复" not in kg.document.text
    assert all("发表" not in e.name for e in kg.entities)


def test_agreements(kg: KnowledgeGraph) -> None:
    by_parties = {frozenset(a.parties): a for a in kg.agreements}
    mou = by_parties[frozenset({_id(kg, "Daejeon"), _id(kg, "AWS")})]
    assert mou.kind is AgreementKind.MOU
    assert {"quantum sensing", "quantum networks", "quantum cryptography"} <= set(mou.topics)
    tri = by_parties[frozenset({_id(kg, "Pasqal"), _id(kg, "KAIST"), _id(kg, "Daejeon")})]
    assert tri.kind is AgreementKind.PARTNERSHIP
    js = by_parties[frozenset({_id(kg, "South Korea"), _id(kg, "United States")})]
    assert js.kind is AgreementKind.JOINT_STATEMENT
    assert js.place == _id(kg, "Washington DC")
    assert "quantum information science" in js.topics


@pytest.mark.parametrize(
    ("source", "rtype", "target"),
    [
        ("Pasqal", RelationType.DEVELOPS, "Daedeok Quantum Cluster"),
        ("KAIST", RelationType.DEVELOPS, "Daedeok Quantum Cluster"),
        ("Daejeon", RelationType.DEVELOPS, "Daedeok Quantum Cluster"),
        ("Pasqal", RelationType.WORKS_ON, "neutral-atom quantum computing"),
        ("Daejeon", RelationType.LOCATED_IN, "South Korea"),
        ("Quantum Strategy Committee", RelationType.LEADS, "National Quantum Strategy"),
    ],
)
def test_relations(kg: KnowledgeGraph, source: str, rtype: RelationType, target: str) -> None:
    keys = {r.key for r in kg.relations}
    assert (_id(kg, source), rtype.value, _id(kg, target)) in keys


@pytest.mark.parametrize(
    ("value", "unit", "year"),
    [
        (85.0, "%", 2035),
        (2500.0, "quantum professionals", None),
        (1200.0, "quantum firms", None),
        (10.0, "%", None),
        (24.6e9, "USD", 2033),
    ],
)
def test_goals(kg: KnowledgeGraph, value: float, unit: str, year: int | None) -> None:
    hits = [g for g in kg.goals if g.value == pytest.approx(value) and g.unit == unit]
    assert hits, [(g.metric, g.value, g.unit) for g in kg.goals]
    if year is not None:
        assert hits[0].target_year == year


def test_goal_metrics(kg: KnowledgeGraph) -> None:
    metrics = {g.metric for g in kg.goals}
    assert {"parity with global quantum leaders", "workforce", "global market share", "industry"} <= metrics


def test_every_fact_quotes_the_document(kg: KnowledgeGraph) -> None:
    text = kg.document.text
    for item in (*kg.relations, *kg.agreements, *kg.goals):
        for ev in item.evidence:
            assert text[ev.start : ev.end] == ev.sentence
            assert ev.rule
            assert 0 < ev.confidence <= 1
