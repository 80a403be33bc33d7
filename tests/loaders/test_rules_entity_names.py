"""Organisation names an English article borrows from other languages, and names read by their
place in the clause (the other party of a partnership, the company bought). Made-up names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.schemas import EntityType

from .conftest import Facts

Run = Callable[[str], Facts]
E = EntityType


def _types(f: Facts) -> dict[str, EntityType]:
    return {e.name: e.type for e in f.kg.entities}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "Researchers at the Politecnico di Varenna built the detector.",
            "Politecnico di Varenna",
            E.UNIVERSITY,
        ),
        (
            "The Università degli Studi di Castelmora joined the network.",
            "Università degli Studi di Castelmora",
            E.UNIVERSITY,
        ),
        (
            "Universitat Politècnica de Morella hosts the new cryostat.",
            "Universitat Politècnica de Morella",
            E.UNIVERSITY,
        ),
        (
            "The Rijksuniversiteit Veldhoven opened a quantum lab.",
            "Rijksuniversiteit Veldhoven",
            E.UNIVERSITY,
        ),
        ("The Hochschule Brennwald will train the engineers.", "Hochschule Brennwald", E.UNIVERSITY),
        (
            "The Instituto de Óptica Larvana built the source.",
            "Instituto de Óptica Larvana",
            E.RESEARCH_INSTITUTE,
        ),
        (
            "The Istituto Nazionale di Fisica Velarna coordinates the network.",
            "Istituto Nazionale di Fisica Velarna",
            E.RESEARCH_INSTITUTE,
        ),
        (
            "The Ministerio de Ciencia e Innovación funds the project.",
            "Ministerio de Ciencia e Innovación",
            E.GOVERNMENT_BODY,
        ),
        ("Quantix Srl will supply the lasers.", "Quantix Srl", E.COMPANY),
        # the EU's funding programmes, European regions under their English or their own name
        ("The work is funded under Horizon 2020.", "Horizon 2020", E.PROGRAM),
        ("The money comes from NextGenerationEU.", "NextGenerationEU", E.PROGRAM),
        ("The QuantERA call funds twelve projects.", "QuantERA", E.PROGRAM),
        ("Lombardy signed an agreement with the Politecnico di Varenna.", "Lombardy", E.REGION),
        ("The Regione Lombardia funds the new centre.", "Lombardy", E.REGION),
        ("Orbion opened a lab in Thüringen.", "Thuringia", E.REGION),
        # a group named by capitalised words before its lower-case kind
        (
            "The Quantum Industry Lakeport association welcomed Orbion.",
            "Quantum Industry Lakeport Association",
            E.CLUSTER,
        ),
        ("Orbion leads the Varenna Photonics alliance.", "Varenna Photonics Alliance", E.CLUSTER),
    ],
)
def test_a_name_in_another_language_or_a_known_one_takes_its_type(
    facts: Run, text: str, name: str, etype: EntityType
) -> None:
    assert _types(facts(text)).get(name) is etype


def test_a_foreign_university_is_not_read_as_its_place(facts: Run) -> None:
    f = facts("The Universitat Politècnica de Morella and the Rijksuniversiteit Veldhoven signed an MOU.")
    assert f.has("Universitat Politècnica de Morella", "PARTNERS_WITH", "Rijksuniversiteit Veldhoven")


#: Sentences and the relations of the names found by their place in the clause alone.
_BY_PLACE = [
    (
        "The University of Lakeport partnered with Veltrix on the sensor.",
        [("University of Lakeport", "Veltrix")],
    ),
    ("Orbion has teamed up with Veltrix to build a quantum network.", [("Orbion", "Veltrix")]),
    ("Orbion signed a memorandum of understanding with Veltrix in May.", [("Orbion", "Veltrix")]),
    ("Orbion collaborates with Veltrix, the company said.", [("Orbion", "Veltrix")]),
    (
        "Orbion partnered with Veltrix and Kessmark on the testbed.",
        [("Orbion", "Veltrix"), ("Orbion", "Kessmark")],
    ),
    ("Orbion has acquired Veltrix for $20 million.", [("Veltrix", "PART_OF", "Orbion")]),
    # a subject set apart from its verb by an aside
    ("Orbion, in collaboration with Veltrix, demonstrated a network.", [("Orbion", "Veltrix")]),
    ("Orbion, backed by Tarnwood, raised $10 million.", [("Tarnwood", "INVESTS_IN", "Orbion")]),
    # who joins a group of organisations is one
    (
        "Orbion is a founding member of the Lakeport Quantum Alliance.",
        [("Orbion", "PART_OF", "Lakeport Quantum Alliance")],
    ),
    (
        "Orbion, Veltrix and Kessmark have joined the QLX consortium.",
        [("Orbion", "PART_OF", "QLX"), ("Veltrix", "PART_OF", "QLX"), ("Kessmark", "PART_OF", "QLX")],
    ),
]


@pytest.mark.parametrize(("text", "facts_stated"), _BY_PLACE)
def test_a_name_read_by_its_place_in_the_clause_takes_part_in_what_it_states(
    facts: Run, text: str, facts_stated: list[tuple[str, ...]]
) -> None:
    f = facts(text)
    for fact in facts_stated:
        a, rel, b = fact if len(fact) == 3 else (fact[0], "PARTNERS_WITH", fact[1])
        assert f.has(a, rel, b), fact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The sensor was developed by Veltrix.", "Veltrix"),
        ("Veltrix is owned by Tarnwood.", "Tarnwood"),
        ("Orbion is a spin-off of Kessmark.", "Kessmark"),
        ("Orbion is a spin-off of Kessmark.", "Orbion"),
        ("Researchers at Kessmark have built a new sensor.", "Kessmark"),
        ("Kessmark was founded in 2019 by two physicists.", "Kessmark"),
        ("Orbion is headquartered in Varenna.", "Orbion"),
        # what only a business owns
        ("Kessmark's headquarters are in Varenna.", "Kessmark"),
        ("Veltrix's new quantum processor has 50 qubits.", "Veltrix"),
        ("The chip was made at Brellow's facility in Varenna.", "Brellow"),
        # the other party of a deal or of joint work, the subject of a joint plan or a contract won
        ("Orbion has signed a deal with Kessmark.", "Kessmark"),
        ("Orbion is working with Kessmark to deploy the network.", "Kessmark"),
        ("Veltrix and Orbion will jointly develop a photonic chip.", "Veltrix"),
        ("Orbion won a contract from the ministry to build a sensor.", "Orbion"),
        # names among the partners or investors of something
        ("Kessmark, Tarnwood and Brellow are among the partners.", "Brellow"),
    ],
)
def test_a_name_whose_work_or_property_a_thing_is_is_an_organisation(
    facts: Run, text: str, name: str
) -> None:
    assert _types(facts(text)).get(name) is E.COMPANY


#: A person, a thing bought, a description and a verb's object are no counterpart organisation.
_NOT_COUNTERPARTS = {
    "Orbion partnered with Ada Lin on the design.": "Ada Lin",
    "Orbion acquired Series A funding last year.": "Series A",
    "Orbion partnered with Veltrix Labs' team of engineers.": "Veltrix",
    "The ministry will work with Brexit rules in mind.": "Brexit",
    "The company was founded by Ada Lin in 2019.": "Ada Lin",
    "The sensor was designed by Veltrix Labs' founder Tom Berg.": "Tom Berg",
    "Lin's team built the chip.": "Lin",
    "The ministry has to deal with Brexit.": "Brexit",
}


def test_no_counterpart_organisation(facts: Run) -> None:
    found = {text: _types(facts(text)).get(name) for text, name in _NOT_COUNTERPARTS.items()}
    assert all(t in {None, E.PERSON} for t in found.values()), found


@pytest.mark.parametrize(
    "text",
    [
        "The Varenna Region signed an agreement with Orbion.",
        "The Region of Varenna signed an agreement with Orbion.",
    ],
)
def test_a_region_named_with_its_level_is_the_region(facts: Run, text: str) -> None:
    f = facts(text)
    region = next(e for e in f.kg.entities if e.name == "Varenna")
    assert region.type is E.REGION
    assert any(a.startswith(("Varenna Region", "Region of Varenna")) for a in region.aliases)
    assert f.has("Varenna", "PARTNERS_WITH", "Orbion")


def test_a_body_whose_portfolio_ends_in_a_field_is_one_name_with_its_acronym(facts: Run) -> None:
    f = facts(
        "The Secretariat of State for Digitalization and Artificial Intelligence (SEDIA) leads the programme."
    )
    body = next(e for e in f.kg.entities if e.type is E.GOVERNMENT_BODY)
    assert (body.name, body.aliases) == (
        "Secretariat of State for Digitalization and Artificial Intelligence",
        ("SEDIA",),
    )


def test_a_person_joining_a_group_or_a_project_stays_a_person(facts: Run) -> None:
    types = {
        **_types(facts("Ada Lin joined the Lakeport Quantum Alliance as director.")),
        **_types(facts("Lin joined the project in 2020.")),
    }
    assert types.get("Ada Lin") is E.PERSON
    assert "Lin" not in types


def test_a_plural_acronym_is_no_organisation(facts: Run) -> None:
    f = facts("Orbion makes QPUs for Veltrix. Veltrix buys QPUs and SMEs buy them too. SMEs like it.")
    assert not f.has_entity("QPUs")
    assert not f.has_entity("SMEs")


def test_a_company_with_its_legal_form_between_commas_is_one_actor(facts: Run) -> None:
    f = facts("Orbion agreed to buy Tarnwood Photonics, Inc., (TPI) the photonics unit of Tarnwood Group.")
    tpi = [e for e in f.kg.entities if e.name.startswith("Tarnwood Photonics")]
    assert [(e.name, "TPI" in e.aliases) for e in tpi] == [("Tarnwood Photonics, Inc.", True)]


def test_an_unknown_name_between_a_company_and_a_university_is_a_company(facts: Run) -> None:
    f = facts(
        "The new members are Kessmark Labs, IBM, Quaxon, Brellow, Varenna State University and the University of Lakeport."
    )
    types = _types(f)
    assert (types.get("Quaxon"), types.get("Brellow")) == (E.COMPANY, E.COMPANY)


def test_a_named_funding_call_is_a_programme_and_a_verb_call_no_name(facts: Run) -> None:
    named = _types(facts("The project was funded by the agency under its Quantum Ecosystems Call."))
    verb = _types(facts("Call Orbion today about the offer."))
    assert named.get("Quantum Ecosystems Call") is E.PROGRAM
    assert "Call Orbion" not in verb
