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
    ],
)
def test_a_negated_partnership_is_no_partnership(facts: Run, text: str) -> None:
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
