"""Acronyms a document uses without defining them (rules/initials.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "acronym", "name"),
    [
        (
            "Veltra Labs has joined the Nordic Photonics Alliance. The 24 members of NPA meet in May.",
            "NPA",
            "Nordic Photonics Alliance",
        ),
        (
            "Orbion Quantum signed with the Kelmar Quantum Computing Centre. KQCC will host its chip.",
            "KQCC",
            "Kelmar Quantum Computing Centre",
        ),
        (
            "The Mid-Baltic Qubit Consortium was launched. MQC counts 12 universities.",
            "MQC",
            "Mid-Baltic Qubit Consortium",
        ),
    ],
)
def test_an_undefined_acronym_is_the_one_name_it_spells(
    facts: Run, text: str, acronym: str, name: str
) -> None:
    f = facts(text)
    entity = next(e for e in f.kg.entities if e.name == name)
    assert acronym in entity.aliases, entity
    assert not any(e.name == acronym for e in f.kg.entities), f.names


@pytest.mark.parametrize(
    "text",
    [
        # two full names spell it: no guess
        "The Nordic Photonics Alliance and the Nordic Physics Academy met. NPA will report.",
        # the acronym comes first: it names something else
        "NPA said so. Later the Nordic Photonics Alliance was formed.",
    ],
)
def test_an_acronym_spelling_no_single_earlier_name_is_left_alone(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any("NPA" in e.aliases for e in f.kg.entities), [(e.name, e.aliases) for e in f.kg.entities]
