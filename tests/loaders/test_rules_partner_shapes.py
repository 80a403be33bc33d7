"""Partners named by shape: places joined by a dash before a pact noun, and parties set off by
descriptions in "a collaboration between ..." (made-up names; real countries)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "The minister announced £4m for UK-Canada partnerships covering 11 projects.",
            "United Kingdom",
            "Canada",
        ),
        ("Japan–Germany cooperation on quantum sensing will deepen.", "Japan", "Germany"),
        ("The two leaders issued a US-Korea joint statement on quantum.", "United States", "South Korea"),
        ("France/Italy research projects in photonics start next year.", "France", "Italy"),
        (
            "The collaboration between the nation's oil giant, Norsk Petrol, and French tech company Orvane "
            "Quantum will lead to a new machine.",
            "Norsk Petrol",
            "Orvane Quantum",
        ),
    ],
)
def test_partners_by_shape(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert f.has(a, "PARTNERS_WITH", b), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a dash between places that is no pact: a route, a border, a score
        ("The Paris-Berlin train line reopened.", "Paris", "Berlin"),
        ("The Japan-Germany match ended 2-1.", "Japan", "Germany"),
        # a place glued to a word is no second place ("Indo-Pacific", "pan-European")
        ("The Indo-Pacific partnership grows.", "India", "Pacific"),
    ],
)
def test_dashes_that_join_no_partners(facts: Run, text: str, a: str, b: str) -> None:
    assert not facts(text).has(a, "PARTNERS_WITH", b)


def test_a_kind_noun_names_an_unknown_party(facts: Run) -> None:
    """ "the oil giant, Norsk Petrol," is a company the gazetteer does not hold."""
    f = facts("The deal was struck with the nation's oil giant, Norsk Petrol, in May.")
    assert next(e.type.value for e in f.kg.entities if e.name == "Norsk Petrol") == "Company"
