"""Where a person comes from when the organisation is named right after them: an unknown name after
"of"/"at"/"from" a person (or a role apposed to one) is an organisation; people coordinated before
it each come from it; an apposition between a person and their verb does not hide the verb.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "person", "rel", "org"),
    [
        # an unknown one-word organisation after a role apposed to a person
        (
            '"The chip is ready," said Nadia Okonkwo, president of Kvorsa.',
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kvorsa",
        ),
        (
            "Tobias Lindqvist, vice president of Qubitek, spoke first.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Qubitek",
        ),
        # no given name of the lexicon: the apposed role marks the person
        (
            "An interview with Yarden Torvalc, President of Psirano, opens the issue.",
            "Yarden Torvalc",
            "AFFILIATED_WITH",
            "Psirano",
        ),
        # a person, then "of"/"at"/"from" and a name without an organisation word
        (
            "Si-Ling Tan of Horizon Qubits and Amir Vahidi of Eonix joined the panel.",
            "Amir Vahidi",
            "AFFILIATED_WITH",
            "Eonix",
        ),
        (
            "According to Nadia Okonkwo at Kvorsa, the chip is ready.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kvorsa",
        ),
        (
            "The board is led by Dr Tobias Lindqvist of Orvane Quantum.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Orvane Quantum",
        ),
        # two people coordinated before the organisation they come from
        (
            "Dr Nadia Okonkwo and researcher Dr Tobias Lindqvist of the Veltra Photonics Group presented the device.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Veltra Photonics Group",
        ),
        (
            "Nadia Okonkwo and Tobias Lindqvist, both of Orvane Quantum, presented the device.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Orvane Quantum",
        ),
        (
            "Nadia Okonkwo and Tobias Lindqvist, both of Orvane Quantum, presented the device.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Orvane Quantum",
        ),
        (
            "Professor Nadia Okonkwo and Dr Tobias Lindqvist from Kessler University built the sensor.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kessler University",
        ),
        # an apposition naming another body does not hide the person's own verb
        (
            "Professor Nadia Okonkwo, a Fellow of the Veltra Academy, will serve as the Director of the new "
            "Kessler Quantum Centre.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kessler Quantum Centre",
        ),
        (
            "Nadia Okonkwo will serve as the director of the newly formed Kessler Quantum Centre.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kessler Quantum Centre",
        ),
    ],
)
def test_person_sources(facts: Run, text: str, person: str, rel: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, rel, org), f.triples()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a field or area a role names is no organisation
        ("Nadia Okonkwo, professor of Physics, said the chip was ready.", "Physics"),
        ("Nadia Okonkwo, Minister of Finance, said the chip was ready.", "Finance"),
        ("Tobias Lindqvist, vice president of Engineering, said the chip was ready.", "Engineering"),
        (
            "Tobias Lindqvist, Professor of Theoretical Physics, said the chip was ready.",
            "Theoretical Physics",
        ),
        # a known place after "from" stays a place
        ("Nadia Okonkwo from Boston said the chip was ready.", "Boston"),
    ],
)
def test_no_organisation_after_person(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    people = {f.names[r.source] for r in f.kg.relations if r.type.value == "AFFILIATED_WITH"}
    assert not any(f.names[r.target] == name for r in f.kg.relations if r.type.value == "AFFILIATED_WITH"), (
        people
    )
    assert not any(
        e.name == name and e.type.value not in {"City", "Region", "Country"} for e in f.kg.entities
    )


def test_own_role_before_the_first_of_two(facts: Run) -> None:
    """ "Orvane Quantum CEO A and B of Veltrix Labs": A comes from Orvane, only B from Veltrix."""
    f = facts("Orvane Quantum CEO Nadia Okonkwo and Tobias Lindqvist of Veltrix Labs presented the device.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()
    assert f.has("Tobias Lindqvist", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()
    assert not f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()


def test_each_of_two_with_own_organisations(facts: Run) -> None:
    f = facts("Nadia Okonkwo of Veltrix Labs and Tobias Lindqvist of Orvane Quantum presented the device.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()
    assert not f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()
    assert f.has("Tobias Lindqvist", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "rel", "body"),
    [
        # a principal investigator leads the programme
        (
            "Nadia Okonkwo is the principal investigator of the Qubit Horizon Programme.",
            "Nadia Okonkwo",
            "LEADS",
            "Qubit Horizon Programme",
        ),
        (
            "The Qubit Horizon Programme's principal investigator, Nadia Okonkwo, spoke.",
            "Nadia Okonkwo",
            "LEADS",
            "Qubit Horizon Programme",
        ),
        # former roles count
        (
            "Nadia Okonkwo, who previously led Orvane Quantum, joined Veltrix Labs.",
            "Nadia Okonkwo",
            "LEADS",
            "Orvane Quantum",
        ),
        (
            "Tobias Lindqvist, who formerly headed the Kessler Institute, spoke.",
            "Tobias Lindqvist",
            "LEADS",
            "Kessler Institute",
        ),
        # a cabinet chaired by its head, a society's fellow
        (
            "The mission was approved at a meeting of the Estrian Cabinet chaired by Prime Minister Tobias Lindqvist.",
            "Tobias Lindqvist",
            "LEADS",
            "Estrian Cabinet",
        ),
        (
            "Nadia Okonkwo, a Fellow of the Veltra Society, spoke.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Veltra Society",
        ),
    ],
)
def test_leaders(facts: Run, text: str, person: str, rel: str, body: str) -> None:
    f = facts(text)
    assert f.has(person, rel, body), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Qubit Horizon Programme is led by Orvane Quantum's Nadia Okonkwo.",
        "The Qubit Horizon Programme is led by Orvane Quantum's chief scientist Dr Nadia Okonkwo.",
    ],
)
def test_led_by_a_possessed_person(facts: Run, text: str) -> None:
    """ "led by O's P": the person leads and works for O; O leads nothing."""
    f = facts(text)
    assert f.has("Nadia Okonkwo", "LEADS", "Qubit Horizon Programme"), f.triples()
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()
    assert not f.has("Orvane Quantum", "LEADS", "Qubit Horizon Programme"), f.triples()


def test_led_by_an_organisation_stays(facts: Run) -> None:
    f = facts("The Qubit Horizon Programme is led by Orvane Quantum and Veltrix Labs.")
    assert f.has("Orvane Quantum", "LEADS", "Qubit Horizon Programme"), f.triples()
    assert f.has("Veltrix Labs", "LEADS", "Qubit Horizon Programme"), f.triples()


def test_principal_investigator_at_a_university_is_staff(facts: Run) -> None:
    """A principal investigator named with a university works there; no programme is led."""
    f = facts("Nadia Okonkwo, the principal investigator at Kessler University, spoke.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Kessler University"), f.triples()
    assert not f.has("Nadia Okonkwo", "LEADS", "Kessler University"), f.triples()


def test_who_joined_is_no_leader(facts: Run) -> None:
    f = facts("Nadia Okonkwo, who previously joined Orvane Quantum, spoke.")
    assert not f.has("Nadia Okonkwo", "LEADS", "Orvane Quantum"), f.triples()
