"""Affiliation shapes around a person's name, whatever the role word: possessors, title lines,
bracketed organisations, jobs told as nouns, people running a body together.

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
        # "ORG's P"
        (
            "The forecast came from Orbion Technologies' Nadia Okonkwo.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Analysts quoted Veltra Quantum's Tobias Lindqvist on the deal.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Veltra Quantum",
        ),
        (
            "Orbion University's Dr Miriam Castellanos opened the lab.",
            "Miriam Castellanos",
            "AFFILIATED_WITH",
            "Orbion University",
        ),
        # "ROLE, ORG, ORG, P"
        (
            "Director, Veltra Institute for Photonics, Orbion University, Dr. Nadia Okonkwo, opened the event.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Veltra Institute for Photonics",
        ),
        (
            "Director, Veltra Institute for Photonics, Orbion University, Dr. Nadia Okonkwo, opened the event.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Orbion University",
        ),
        # "ROLE of ORG (ACR) TITLE P": a chair of the body itself leads it
        (
            "Chairman of the Veltra Research Foundation (VRF) Mr Tan Wei Ming announced the plan.",
            "Tan Wei Ming",
            "LEADS",
            "Veltra Research Foundation",
        ),
        (
            "CEO of Orbion Technologies Dr. Nadia Okonkwo spoke first.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        # a job told as a noun
        (
            "Tobias Lindqvist's new job on the board of Danish start-up Orbion Technologies starts in May.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Nadia Okonkwo's stint at Veltra Quantum ended last year.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Veltra Quantum",
        ),
        # "P (ACR)": an unknown acronym in brackets after a person is where they come from
        (
            "From left: Carlos Mendes Arruda (IF-OUQ) and Nadia Okonkwo (VRI).",
            "Carlos Mendes Arruda",
            "AFFILIATED_WITH",
            "IF-OUQ",
        ),
        (
            "From left: Carlos Mendes Arruda (IF-OUQ) and Nadia Okonkwo (VRI).",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "VRI",
        ),
        # people running a body together, with appositions
        (
            "Steven Marsh, professor of physics, and Nadia Okonkwo, professor of engineering, will co-direct "
            "the Veltra Research Institute.",
            "Nadia Okonkwo",
            "LEADS",
            "Veltra Research Institute",
        ),
        (
            "His Majesty King Anders Gustav XII of Norway visited the lab.",
            "Anders Gustav XII",
            "AFFILIATED_WITH",
            "Norway",
        ),
        (
            "Tobias Lindqvist co-directs the Veltra Research Institute.",
            "Tobias Lindqvist",
            "LEADS",
            "Veltra Research Institute",
        ),
    ],
)
def test_affiliation_shapes(facts: Run, text: str, person: str, rel: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, rel, org), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # a country's person is no affiliation (nationality says nothing of an employer)
        ("Germany's Tobias Lindqvist won the prize.", "Tobias Lindqvist", "Germany"),
        # a person's possession is not their employer
        ("Nadia Okonkwo's Veltra Institute opened a lab.", "Nadia Okonkwo", "Veltra Institute"),
        # meeting a body is not running it
        (
            "Tobias Lindqvist and Nadia Okonkwo met the Veltra Research Institute.",
            "Tobias Lindqvist",
            "Veltra Research Institute",
        ),
        # a party label in brackets is no organisation
        ("Senator Nadia Okonkwo (D-NY) backed the bill.", "Nadia Okonkwo", "D-NY"),
    ],
)
def test_not_affiliated(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert not any(s == person and o == org for s, _, o in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "rel", "org"),
    [
        # a round-up item headed by an organisation: its people work there
        (
            "Updates:\n- Orbion Technologies: Tobias Lindqvist stepped in after Nadia Okonkwo departed in May.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Updates:\n- Veltra Quantum: Former CEO Miriam Castellanos took the reins again from Tobias Lindqvist.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Veltra Quantum",
        ),
        # what a person left to set up
        (
            "Nadia Okonkwo departed in April to start Kessler Photonics.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kessler Photonics",
        ),
        # "remains X's ROLE"
        (
            "Tobias Lindqvist, who was once its CEO, remains Orbion Technologies' chief scientist.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        # joining an organisation described before its name, with adverbs and an apposition
        (
            "Tobias Lindqvist will join Finnish quantum computing company Orbion Technologies as a board member.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Nadia Okonkwo, a former Veltra Quantum executive, will also join Orbion Technologies as chair of the board.",
            "Nadia Okonkwo",
            "LEADS",
            "Orbion Technologies",
        ),
        # hiring told in other words, always with "as" and a role
        (
            "Orbion Technologies has added Nadia Okonkwo as chief technology officer.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Veltra Quantum brought on Tobias Lindqvist as its new CFO.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Veltra Quantum",
        ),
    ],
)
def test_career_shapes(facts: Run, text: str, person: str, rel: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, rel, org), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # people after a second organisation of the item may be that one's
        (
            "Updates:\n- Orbion Technologies: Veltra Quantum hired Nadia Okonkwo as CTO.",
            "Nadia Okonkwo",
            "Orbion Technologies",
        ),
        # an item without a career word says nothing of employment
        (
            "Highlights:\n- Orbion Technologies: a talk by Nadia Okonkwo on qubits.",
            "Nadia Okonkwo",
            "Orbion Technologies",
        ),
        # joining forces is no career move
        ("Tobias Lindqvist joined forces with Veltra Quantum.", "Tobias Lindqvist", "Veltra Quantum"),
        # urging others to start something is not leaving to found it
        ("Nadia Okonkwo urged students to start Kessler Photonics.", "Nadia Okonkwo", "Kessler Photonics"),
        # added to a list, no role: no hire
        (
            "Orbion Technologies added Nadia Okonkwo to the list of speakers.",
            "Nadia Okonkwo",
            "Orbion Technologies",
        ),
        # leading a country's mission is no employment by the country
        ("Nadia Okonkwo leads Germany's quantum computing mission.", "Nadia Okonkwo", "Germany"),
    ],
)
def test_not_career(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert not any(s == person and o == org for s, _, o in f.triples()), f.triples()


def test_head_of_a_named_part_works_there(facts: Run) -> None:
    """ "head of Orbion Blue Sky": the head of a part named after the organisation is affiliated."""
    f = facts("Tobias Lindqvist was appointed head of Orbion Technologies Blue Sky, its research unit.")
    assert not f.has("Tobias Lindqvist", "LEADS", "Orbion Technologies"), f.triples()


def test_bracketed_acronym_is_no_alias_of_a_person(facts: Run) -> None:
    f = facts("Nadia Okonkwo (VRI) spoke. Later VRI announced a grant.")
    assert "VRI" not in next(e for e in f.kg.entities if e.name == "Nadia Okonkwo").aliases
