"""The canonical model: validation, invariants, deterministic ids."""

from __future__ import annotations

import re
import unicodedata

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qkg.schemas import (
    SIGNATURES,
    SYMMETRIC_TYPES,
    Agreement,
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    Document,
    Entity,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    Relation,
    RelationType,
    agreement_id,
    allows,
    content_hash,
    entity_id,
    goal_id,
    id_from_iri,
    iri,
    normalise_name,
)

TEXT = "KAIST and PASQAL signed an MOU in Daejeon. PASQAL works on neutral atoms."
DOC = Document.from_text(TEXT, title="fixture", source="fixture.txt", published="2024-05-01")
S1 = "KAIST and PASQAL signed an MOU in Daejeon."
S2 = "PASQAL works on neutral atoms."
EV1 = Evidence(document_id=DOC.id, sentence=S1, start=0, end=len(S1), rule="test", confidence=0.9)
EV2 = Evidence(
    document_id=DOC.id, sentence=S2, start=TEXT.index(S2), end=TEXT.index(S2) + len(S2), rule="test"
)
KAIST = Entity(
    id=entity_id("KAIST", EntityType.UNIVERSITY, "KR"), type="University", name="KAIST", country="KR"
)
PASQAL = Entity(id=entity_id("PASQAL", EntityType.COMPANY, "FR"), type="Company", name="PASQAL", country="FR")
NEUTRAL = Entity(
    id=entity_id("neutral-atom quantum computing", EntityType.TECHNOLOGY),
    type="Technology",
    name="neutral-atom quantum computing",
)
DAEJEON = Entity(id=entity_id("Daejeon", EntityType.CITY, "KR"), type="City", name="Daejeon", country="KR")


def test_ontology_is_closed_and_complete() -> None:
    required_entities = {
        "Company", "University", "ResearchInstitute", "GovernmentBody", "City", "Region",
        "Country", "Cluster", "Program", "Technology", "Person",
    }  # fmt: skip
    required_relations = {
        "PARTNERS_WITH", "PARTY_TO", "INVESTS_IN", "PART_OF", "LOCATED_IN", "DEVELOPS",
        "WORKS_ON", "COMPETES_WITH", "LEADS", "AFFILIATED_WITH", "HAS_GOAL",
    }  # fmt: skip
    assert required_entities <= {t.value for t in EntityType}
    assert required_relations <= {t.value for t in RelationType}
    assert set(SIGNATURES) == set(RelationType), "every relation type has a signature"
    assert {RelationType.PARTNERS_WITH, RelationType.COMPETES_WITH} == SYMMETRIC_TYPES
    with pytest.raises(ValueError, match="Spaceship"):
        EntityType("Spaceship")


@pytest.mark.parametrize(
    ("rtype", "source", "target", "ok"),
    [
        (RelationType.WORKS_ON, EntityType.COMPANY, EntityType.TECHNOLOGY, True),
        (RelationType.WORKS_ON, EntityType.COMPANY, EntityType.CITY, False),
        (RelationType.LOCATED_IN, EntityType.UNIVERSITY, EntityType.CITY, True),
        (RelationType.LOCATED_IN, EntityType.CITY, EntityType.COUNTRY, True),
        (RelationType.AFFILIATED_WITH, EntityType.PERSON, EntityType.UNIVERSITY, True),
        (RelationType.AFFILIATED_WITH, EntityType.COMPANY, EntityType.UNIVERSITY, False),
        (RelationType.PARTNERS_WITH, EntityType.CITY, EntityType.COMPANY, True),
        (RelationType.PARTNERS_WITH, EntityType.TECHNOLOGY, EntityType.COMPANY, False),
        (RelationType.PARTY_TO, EntityType.COMPANY, EntityType.COMPANY, False),
    ],
)
def test_domain_and_range(rtype: RelationType, source: EntityType, target: EntityType, ok: bool) -> None:
    assert allows(rtype, source, target) is ok


def test_ids_are_deterministic_and_separate_homonyms() -> None:
    assert entity_id("KAIST", EntityType.UNIVERSITY, "KR") == entity_id(
        " kaist ", EntityType.UNIVERSITY, "KR"
    )
    assert entity_id("Daejeon", EntityType.CITY, "KR") != entity_id("Daejeon", EntityType.REGION, "KR")
    assert entity_id("Cambridge", EntityType.CITY, "GB") != entity_id("Cambridge", EntityType.CITY, "US")
    assert entity_id("Université Laval", EntityType.UNIVERSITY) == entity_id(
        "Universite Laval", EntityType.UNIVERSITY
    )
    assert agreement_id(AgreementKind.MOU, ["a", "b"], "2024") == agreement_id(
        AgreementKind.MOU, ["b", "a", "a"], "2024"
    )
    assert agreement_id(AgreementKind.MOU, ["a", "b"]) != agreement_id(AgreementKind.CONTRACT, ["a", "b"])
    assert goal_id("market share", 10, "%", 2035, None) == goal_id("Market  Share", 10.0, "%", 2035, None)
    assert normalise_name("한국과학기술원") == "한국과학기술원"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_names_normalise_as_unicode_ones(name: str) -> None:
    """ASCII names take a shortcut; their keys are what the Unicode rule gives."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    assert normalise_name(name) == re.sub(r"\s+", " ", kept.casefold()).strip()


@pytest.mark.parametrize("node_id", ["university:kaist:kr", "city:대전:kr", DOC.id, "goal:0123abcd"])
def test_iri_round_trip(node_id: str) -> None:
    value = iri(node_id)
    assert value.startswith("https://w3id.org/qkg/id/")
    assert " " not in value
    assert id_from_iri(value) == node_id


def test_document_id_is_content_hash() -> None:
    assert DOC.id == content_hash(TEXT)
    with pytest.raises(pydantic.ValidationError, match="SHA-256"):
        Document(id="0" * 64, text=TEXT)


@pytest.mark.parametrize(
    ("fields", "field", "value"),
    [
        ({"name": 5}, "name", "5"),
        ({"country": "kr"}, "country", "kr"),
        ({"type": "Spaceship"}, "type", "Spaceship"),
        ({"colour": "red"}, "colour", "red"),
        ({"name": ""}, "name", "''"),
    ],
)
def test_validation_errors_name_field_and_value(fields: dict[str, object], field: str, value: str) -> None:
    base: dict[str, object] = {"id": "company:x", "type": "Company", "name": "X"}
    with pytest.raises(pydantic.ValidationError) as info:
        Entity(**{**base, **fields})
    message = str(info.value)
    assert field in message
    assert value in message


def test_models_are_frozen() -> None:
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        KAIST.name = "Other"  # type: ignore[misc]


def test_evidence_span_must_match_sentence_length() -> None:
    with pytest.raises(pydantic.ValidationError, match="length"):
        Evidence(document_id=DOC.id, sentence="abc", start=0, end=10, rule="r")
    with pytest.raises(pydantic.ValidationError, match="greater than start"):
        Evidence(document_id=DOC.id, sentence="abc", start=5, end=5, rule="r")


def test_symmetric_relations_have_one_form() -> None:
    a = Relation(source=PASQAL.id, type="PARTNERS_WITH", target=KAIST.id, evidence=[EV1])
    b = Relation(source=KAIST.id, type="PARTNERS_WITH", target=PASQAL.id, evidence=[EV1])
    assert a == b
    assert a.source < a.target
    directed = Relation(source=PASQAL.id, type="WORKS_ON", target=NEUTRAL.id, evidence=[EV2])
    assert directed.source == PASQAL.id


def test_structural_types_are_not_relations() -> None:
    with pytest.raises(pydantic.ValidationError, match="structural"):
        Relation(source=KAIST.id, type="PARTY_TO", target=PASQAL.id, evidence=[EV1])


def test_agreement_needs_two_distinct_parties() -> None:
    with pytest.raises(pydantic.ValidationError, match="at least two distinct parties"):
        Agreement.build(AgreementKind.MOU, [KAIST.id, KAIST.id], evidence=[EV1])
    mou = Agreement.build(AgreementKind.MOU, [PASQAL.id, KAIST.id], evidence=[EV1], date="2024-05")
    assert mou.parties == tuple(sorted([PASQAL.id, KAIST.id]))
    with pytest.raises(pydantic.ValidationError, match="date"):
        Agreement.build(AgreementKind.MOU, [PASQAL.id, KAIST.id], evidence=[EV1], date="May 2024")


def test_agreement_events_report_a_stage_with_partial_dates() -> None:
    signed = AgreementEvent(status="signed", date="2024-05", ends="2027", evidence=EV1)
    assert signed.status is AgreementStatus.SIGNED
    mou = Agreement.build(
        AgreementKind.MOU, [PASQAL.id, KAIST.id], evidence=[EV1], events=[signed], ends="2027"
    )
    assert mou.events == (signed,)
    assert Agreement.build(AgreementKind.MOU, [PASQAL.id, KAIST.id], evidence=[EV1]).events == ()
    with pytest.raises(pydantic.ValidationError, match="not 'unknown'"):
        AgreementEvent(status=AgreementStatus.UNKNOWN, evidence=EV1)
    with pytest.raises(pydantic.ValidationError, match="ends"):
        AgreementEvent(status="ended", ends="next year", evidence=EV1)


def _graph(**parts: object) -> KnowledgeGraph:
    fields: dict[str, object] = {"document": DOC, "entities": [KAIST, PASQAL, NEUTRAL, DAEJEON]}
    return KnowledgeGraph(**{**fields, **parts})


def test_valid_delta_round_trips_through_json() -> None:
    delta = _graph(
        relations=[
            Relation(source=PASQAL.id, type="PARTNERS_WITH", target=KAIST.id, evidence=[EV1]),
            Relation(source=PASQAL.id, type="WORKS_ON", target=NEUTRAL.id, evidence=[EV2]),
        ],
        agreements=[
            Agreement.build(
                AgreementKind.MOU,
                [PASQAL.id, KAIST.id],
                evidence=[EV1],
                place=DAEJEON.id,
                events=[AgreementEvent(status="signed", date="2024", ends="2026-06", evidence=EV1)],
                status="signed",
                ends="2026-06",
            )
        ],
        goals=[Goal.build("quantum professionals", 2500, "people", target_year=2035, evidence=[EV2])],
    )
    assert KnowledgeGraph.model_validate_json(delta.model_dump_json()) == delta
    # the Neo4j store keeps each document's fields as JSON-mode dicts and validates them back
    (mou,) = delta.agreements
    assert Agreement.model_validate(mou.model_dump(mode="json")) == mou


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (
            {"relations": [Relation(source=KAIST.id, type="WORKS_ON", target=PASQAL.id, evidence=[EV1])]},
            "WORKS_ON does not allow University -> Company",
        ),
        (
            {"relations": [Relation(source=KAIST.id, type="LEADS", target="company:ghost", evidence=[EV1])]},
            "'company:ghost', which is not among the entities",
        ),
        (
            {
                "relations": [
                    Relation(
                        source=PASQAL.id,
                        type="WORKS_ON",
                        target=NEUTRAL.id,
                        evidence=[EV2.model_copy(update={"start": 1, "end": 1 + len(S2)})],
                    )
                ]
            },
            "does not quote the document",
        ),
        (
            {
                "relations": [
                    Relation(
                        source=PASQAL.id,
                        type="WORKS_ON",
                        target=NEUTRAL.id,
                        evidence=[EV2.model_copy(update={"document_id": "f" * 64})],
                    )
                ]
            },
            "evidence names document",
        ),
        ({"entities": [KAIST, KAIST]}, "appears twice"),
        (
            {
                "agreements": [
                    Agreement.build(
                        AgreementKind.MOU,
                        [PASQAL.id, KAIST.id],
                        evidence=[EV1],
                        events=[
                            AgreementEvent(
                                status="ended",
                                evidence=EV2.model_copy(update={"start": 1, "end": 1 + len(S2)}),
                            )
                        ],
                    )
                ]
            },
            "event ended: evidence span .* does not quote the document",
        ),
    ],
)
def test_inconsistent_delta_is_refused(parts: dict[str, object], message: str) -> None:
    with pytest.raises(pydantic.ValidationError, match=message):
        _graph(**parts)
