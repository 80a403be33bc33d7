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
        # the subjects of joint work
        (
            "Kessler Systems and the Orbion Agency have completed a joint experiment in post-quantum "
            "cryptography.",
            "Kessler Systems",
            "Orbion Agency",
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


def test_agreements_in_the_plural_are_one_with_each_party(facts: Run) -> None:
    """ "Telmar University announced agreements with A and B": two agreements, so A and B are not
    partners of each other."""
    f = facts(
        "In May, Telmar University announced agreements with Orvane Quantum and Kestrel University to advance research."
    )
    assert f.has("Telmar University", "PARTNERS_WITH", "Orvane Quantum"), f.triples()
    assert f.has("Telmar University", "PARTNERS_WITH", "Kestrel University"), f.triples()
    assert not f.has("Orvane Quantum", "PARTNERS_WITH", "Kestrel University")


def test_a_public_funder_s_agreements_with_money_are_investments(facts: Run) -> None:
    f = facts(
        "The Government of Estland has signed agreements with Qubix Systems, Lumora Photonics and Vexel Quantum "
        "for up to $20 million each."
    )
    assert f.has("Government of Estland", "INVESTS_IN", "Vexel Quantum"), f.triples()
    assert not f.has("Government of Estland", "PARTNERS_WITH", "Vexel Quantum")
    assert not f.has("Qubix Systems", "PARTNERS_WITH", "Lumora Photonics")
    assert all(kind == "Investment" for kind, _ in f.agreements()), f.agreements()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        (
            "The fund backed Canadian-headquartered firms Qubix Systems, Lumora Photonics and Vexel Quantum.",
            "Lumora Photonics",
            "Canada",
        ),
        ("The French-based startup Orvane Quantum raised money.", "Orvane Quantum", "France"),
        (
            "Grants went to Lyon-headquartered companies Qubix Systems and Vexel Quantum.",
            "Vexel Quantum",
            "Lyon",
        ),
    ],
)
def test_a_located_kind_locates_each_name_after_it(facts: Run, text: str, org: str, place: str) -> None:
    f = facts(text)
    assert f.has(org, "LOCATED_IN", place), f.triples()


def test_a_bare_nationality_locates_nothing(facts: Run) -> None:
    """Annotators read "French start-up" as nationality, not location wording."""
    assert not facts("The French startup Orvane Quantum raised money.").has(
        "Orvane Quantum", "LOCATED_IN", "France"
    )
