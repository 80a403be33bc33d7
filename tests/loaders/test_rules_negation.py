"""Negated statements state no relation: "A did not partner with B".

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]

_A, _B = "Orbion Quantum Ltd", "Veltra Systems Inc."


@pytest.mark.parametrize(
    "text",
    [
        f"{_A} did not partner with {_B} in the end.",
        f"{_A} didn't partner with {_B} in the end.",
        f"{_A} has never collaborated with {_B}.",
        f"{_A} no longer works with {_B} on its sensors.",
        f"{_A} denied it had signed a memorandum of understanding with {_B}.",
        # hedged: what might be is not
        f"{_A} could partner with {_B} next year.",
        f"{_A} may collaborate with {_B} on sensing.",
        f"{_A} might team up with {_B}.",
        f"{_A} is in talks to partner with {_B}.",
        f"{_A} is considering a partnership with {_B}.",
        f"{_A} and {_B} could sign a memorandum of understanding next year.",
        f"{_A} and {_B} are in talks about a partnership.",
        f"{_A} and {_B} did not sign an agreement.",
        # wished, planned or called for; discussed; ended
        f"{_A} hopes to collaborate with {_B}.",
        f"{_A} plans to partner with {_B} next year.",
        f"{_A} is open to cooperation with {_B}.",
        f"{_A} called for closer cooperation with {_B}.",
        f"{_A} and {_B} discussed cooperation on quantum sensing.",
        f"{_A} ended its partnership with {_B}.",
        f"{_A} terminated its agreement with {_B}.",
    ],
)
def test_a_negated_or_hedged_partnership_is_no_partnership(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has_entity("Orbion Quantum") or f.has_entity(_A)
    assert not any(t == "PARTNERS_WITH" for _, t, _ in f.triples())
    assert f.agreements() == []


@pytest.mark.parametrize(
    "text",
    [
        f"{_A} has partnered with {_B} to build a quantum sensor.",
        # the negation is an aside's, not the link's
        f"{_A}, which has not disclosed the terms, partnered with {_B}.",
        f"{_A} has not only partnered with {_B} but also opened a lab.",
        # the negation is another clause's
        f"While {_A} has not raised money this year, it has partnered with {_B}.",
        # the modality is the purpose's or a later clause's, not the partnership's
        f"{_A} and {_B} signed a memorandum of understanding that may lead to a joint lab.",
        f"{_A} and {_B} signed an agreement to explore possible uses of quantum sensing.",
        f"{_A} partnered with {_B} in May.",
        f"{_A}, {_B} and Brackwell Labs Ltd. signed an agreement, which could grow.",
    ],
)
def test_an_affirmed_partnership_stays(facts: Run, text: str) -> None:
    assert any(t == "PARTNERS_WITH" for _, t, _ in facts(text).triples())


def test_a_negated_membership_is_no_membership(facts: Run) -> None:
    said = facts("Veltra Systems Inc. is a member of the Kestrel Quantum Consortium.")
    denied = facts("Veltra Systems Inc. is not a member of the Kestrel Quantum Consortium.")
    assert any(t == "PART_OF" for _, t, _ in said.triples())
    assert not any(t == "PART_OF" for _, t, _ in denied.triples())


def test_the_negation_stays_with_the_name_it_governs(facts: Run) -> None:
    # "not with C": only the pair across the negation is dropped
    f = facts(f"{_A} partnered with {_B}, not with Brackwell Labs Ltd.")
    pairs = {frozenset((s, o)) for s, t, o in f.triples() if t == "PARTNERS_WITH"}
    assert any("Brackwell" not in " ".join(p) for p in pairs)
    assert not any(any("Brackwell" in n for n in p) for p in pairs)


def test_a_hedged_investment_is_no_investment(facts: Run) -> None:
    said = facts("Alder Capital invested $5 million in Veltra Quantum.")
    hedged = facts("Alder Capital could invest $5 million in Veltra Quantum.")
    assert said.has("Alder Capital", "INVESTS_IN", "Veltra Quantum")
    assert not any(t == "INVESTS_IN" for _, t, _ in hedged.triples())


def test_a_planned_office_is_still_a_location(facts: Run) -> None:
    # a wish hedges a partnership, not where a company says it will be
    f = facts("Veltra Quantum is planning to open an office in Dublin, Ireland.")
    assert f.has("Veltra Quantum", "LOCATED_IN", "Dublin")


def test_a_word_of_possibility_about_something_else_keeps_a_technology(facts: Run) -> None:
    f = facts("Veltra Quantum is exploring quantum sensing.")
    assert f.has("Veltra Quantum", "WORKS_ON", "quantum sensing"), sorted(f.triples())
