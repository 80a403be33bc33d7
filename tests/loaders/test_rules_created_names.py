"""Names first given as the object of a verb of creation (rules/created_names.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "maker", "made"),
    [
        (
            "Kelmar University will spend $25 million to create the Quantum Startup Foundry.",
            "Kelmar University",
            "Quantum Startup Foundry",
        ),
        (
            "The Ministry of Digital Affairs established the Nordic Qubit Forge last year.",
            "Ministry of Digital Affairs",
            "Nordic Qubit Forge",
        ),
        (
            "Orbion Quantum is setting up the Baltic Photon Bridge with local partners.",
            "Orbion Quantum",
            "Baltic Photon Bridge",
        ),
        (
            "In 2019 Veltra Labs inaugurated the Hall of Quantum Optics in Lyon.",
            "Veltra Labs",
            "Hall of Quantum Optics",
        ),
    ],
)
def test_a_name_created_is_what_its_creator_develops(facts: Run, text: str, maker: str, made: str) -> None:
    f = facts(text)
    assert f.has(maker, "DEVELOPS", made), f.triples()


def test_a_year_after_the_name_is_not_part_of_it(facts: Run) -> None:
    f = facts("Veltra Labs and Orbion Quantum formed the Kelmar Photonics Exchange in 2022.")
    assert f.has_entity("Kelmar Photonics Exchange"), f.names


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Researchers found the Higgs Boson Signal in the data.", "Higgs Boson Signal"),  # found: find
        ("The team will create a new Photon Forge.", "Photon Forge"),  # a description, not a name
        ("Orbion Quantum unveiled the Aster Processor on Monday.", "Aster Processor"),  # a product
        ("The grant will help create the Orbion Quantum jobs.", "Orbion Quantum jobs"),  # lower case ends it
    ],
)
def test_no_name_created(facts: Run, text: str, word: str) -> None:
    f = facts(text)
    assert not f.has_entity(word), f.names
