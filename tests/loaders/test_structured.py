"""Structured input: CSV/JSON/YAML schemas, RDF round trip, and hostile structured files."""

from __future__ import annotations

import json

import pytest

from qkg.loaders.extract import extract
from qkg.loaders.structured import read_structured
from qkg.schemas import Document, DocumentRejected, RelationType


def test_actors_csv() -> None:
    data = "name,type,country,aliases,wikidata\nKAIST,University,KR,한국과학기술원;Korea Advanced Institute of Science and Technology,\nPasqal,Company,FR,,\n"
    kg = read_structured(data.encode(), "actors.csv")[0]
    kaist = next(e for e in kg.entities if e.name == "KAIST")
    assert kaist.id == "university:kaist:kr"
    assert "한국과학기술원" in kaist.aliases
    assert kg.document.media_type == "text/csv"


def test_relations_csv_quotes_its_rows() -> None:
    data = "source,source_type,type,target,target_type\nKAIST,University,PARTNERS_WITH,Pasqal,Company\nPasqal,Company,LOCATED_IN,Paris,City\n"
    kg = read_structured(data.encode(), "rels.csv")[0]
    assert {r.type for r in kg.relations} == {RelationType.PARTNERS_WITH, RelationType.LOCATED_IN}
    for r in kg.relations:
        ev = r.evidence[0]
        assert kg.document.text[ev.start : ev.end] == ev.sentence
        assert ev.sentence.count(",") == 4


def test_relations_csv_repeated_actor_keeps_its_last_spelling() -> None:
    """An actor named again in another case is one entity, named as its last row names it;
    every row, the last one included, quotes its own line."""
    data = (
        "source,source_type,type,target,target_type\n"
        "Brightfield Qubits,Company,PARTNERS_WITH,Lumen Ion Works,Company\n"
        "BRIGHTFIELD QUBITS,Company,PARTNERS_WITH,Harrowgate Photonics,Company\n"
        "Lumen Ion Works,Company,COMPETES_WITH,Brightfield Qubits,Company"
    )
    kg = read_structured(data.encode(), "rels.csv")[0]
    names = {e.id: e.name for e in kg.entities}
    assert names["company:brightfield-qubits"] == "Brightfield Qubits"
    assert len(names) == 3
    lines = data.split("\n")[1:]
    quoted = sorted(ev.sentence for r in kg.relations for ev in r.evidence)
    assert quoted == sorted(lines)
    for r in kg.relations:
        ev = r.evidence[0]
        assert kg.document.text[ev.start : ev.end] == ev.sentence


YAML = """
title: Curated Korea
actors:
  - {name: Daejeon, type: City, country: KR}
  - {name: Amazon Web Services, type: Company, country: US, aliases: [AWS]}
  - {name: South Korea, type: Country, country: KR}
relations:
  - {source: Daejeon, type: LOCATED_IN, target: South Korea}
agreements:
  - {kind: MOU, parties: [Daejeon, AWS], date: "2024-05", place: Daejeon, topics: [quantum sensing]}
goals:
  - {owner: South Korea, metric: quantum professionals, value: 2500, unit: people, year: 2035}
"""


def test_yaml_and_json_give_the_same_graph() -> None:
    import yaml

    a = read_structured(YAML.encode(), "k.yaml")[0]
    b = read_structured(json.dumps(yaml.safe_load(YAML)).encode(), "k.json")[0]
    assert a.entities == b.entities
    assert [r.key for r in a.relations] == [r.key for r in b.relations]
    assert a.agreements[0].parties == b.agreements[0].parties
    assert a.agreements[0].date == "2024-05"
    assert a.goals[0].target_year == 2035


def test_rdf_round_trip_of_an_extraction() -> None:
    from qkg.loaders.output import extraction_turtle

    kg = extract(Document.from_text("KAIST and Pasqal signed an MOU in Daejeon on quantum sensing."))
    back = read_structured(extraction_turtle(kg).encode(), "x.ttl")[0]
    assert back.document.id == kg.document.id
    assert {e.id for e in back.entities} == {e.id for e in kg.entities}
    assert {a.id for a in back.agreements} == {a.id for a in kg.agreements}


def test_markup_quoted_in_turtle_text_is_not_a_declaration() -> None:
    from qkg.loaders.output import extraction_turtle

    text = (
        "KAIST and Pasqal signed an MOU in Daejeon. Their report starts with <!DOCTYPE html> and <!ENTITY x>."
    )
    kg = extract(Document.from_text(text))
    back = read_structured(extraction_turtle(kg).encode(), "quoting.ttl")[0]
    assert back.document.text == text


def test_rdf_actor_with_a_document_iri_is_refused() -> None:
    from qkg.loaders.output import extraction_turtle
    from qkg.schemas import iri

    kg = extract(Document.from_text("KAIST and Pasqal signed an MOU in Daejeon on quantum sensing."))
    kaist = next(e for e in kg.entities if e.name == "KAIST")
    squat = iri("document:" + "b" * 64)  # the IRI of another (possible) document
    ttl = extraction_turtle(kg).replace(iri(kaist.id), squat)
    assert squat in ttl
    with pytest.raises(DocumentRejected) as exc:
        read_structured(ttl.encode(), "squat.ttl")
    assert "actor 'KAIST'" in exc.value.reason
    assert "no '<type>:' prefix (a bare id names a document)" in exc.value.reason


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"name,colour\nx,red\n", "a.csv", "needs the columns"),
        (b"name,type\nX,Spaceship\n", "a.csv", "unknown entity type"),
        (b"source,type,target\nA,PARTNERS_WITH,B\n", "a.csv", "not an actor"),
        (b"[" * 5000 + b"]" * 5000, "deep.json", "nested"),
        (b'{"actors": ' + b'{"a":' * 50 + b"1" + b"}" * 50 + b"}", "deep2.json", "nested"),
        (b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "bomb.yaml", "aliases"),
        (b"{not json", "bad.json", "cannot be parsed"),
        (b'{"@context": "https://schema.org/", "@id": "x"}', "remote.jsonld", "remote context"),
        (b'{"@context": [{"@import": "http://evil/ctx"}], "@id": "x"}', "import.jsonld", "@import"),
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "a">]><r/>', "laughs.rdf", "DOCTYPE"),
        # the declaration anywhere in the file, not only in its first megabyte, and in UTF-16
        (
            b'<?xml version="1.0"?><!--' + b"x" * 1_100_000 + b'--><!DOCTYPE r [<!ENTITY a "a">]><r/>',
            "late.rdf",
            "DOCTYPE",
        ),
        ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "a">]><r/>'.encode("utf-16"), "utf16.rdf", "DOCTYPE"),
        # a repeated key: the check would see one @context and the RDF parser use another
        (
            b'{"@context": "https://evil.example/ctx", "@context": {}, "@id": "x"}',
            "twice.jsonld",
            "duplicate key '@context' in a JSON object",
        ),
        (
            b'{"actors": [{"name": "IonQ", "type": "Company"}], "actors": []}',
            "twice.json",
            "duplicate key 'actors' in a JSON object",
        ),
        (
            b"actors:\n- {name: IonQ, type: Company, name: Evil Corp}\n",
            "twice.yaml",
            "duplicate key 'name' in a YAML mapping (line 2)",
        ),
        (b"actors: []\nactors:\n- {name: IonQ, type: Company}\n", "twice-top.yaml", "duplicate key 'actors'"),
        # an actor id that is another node's: a document's IRI, an agreement's, a bare id
        (
            b'{"actors": [{"id": "document:' + b"a" * 64 + b'", "name": "IonQ", "type": "Company"}]}',
            "squat.json",
            "actors[0]: id 'document:aaaa",
        ),
        (b"id,name,type\nagreement:mou:1234,IonQ,Company\n", "squat.csv", "reserved prefix 'agreement:'"),
        (b"actors:\n- {id: Goal:x, name: IonQ, type: Company}\n", "squat.yaml", "reserved prefix 'Goal:'"),
        (b"id,name,type\n" + b"a" * 64 + b",IonQ,Company\n", "bare.csv", "no '<type>:' prefix"),
        (b"@prefix x: <http://x/> . x:a x:b x:c .", "plain.ttl", "qkg:Document"),
        (b"", "empty.csv", "empty"),
    ],
)
def test_bad_structured_input(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(DocumentRejected) as exc:
        read_structured(data, name)
    assert exc.value.source == name
    assert reason in exc.value.reason
