"""A sentence that makes X a member of a group G does not also make G X's partner.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

from .conftest import Facts

Run = Callable[[str], Facts]


def test_members_joining_alongside_are_members_not_partners(facts: Run) -> None:
    f = facts(
        "Orbion Quantum Ltd joined the Kestrel Quantum Consortium alongside Veltra Systems Inc. "
        "and Brackwell Labs Ltd."
    )
    parts = {(s, o) for s, t, o in f.triples() if t == "PART_OF"}
    assert ("Veltra Systems Inc", "Kestrel Quantum Consortium") in parts
    assert ("Brackwell Labs Ltd", "Kestrel Quantum Consortium") in parts
    assert not any(t == "PARTNERS_WITH" and "Kestrel Quantum Consortium" in (s, o) for s, t, o in f.triples())
    assert not any(kind == "Partnership" for kind, _ in f.agreements())


def test_a_partnership_between_organisations_stays(facts: Run) -> None:
    f = facts("Orbion Quantum Ltd partnered with Veltra Systems Inc. to build a quantum sensor.")
    assert f.has("Orbion Quantum Ltd", "PARTNERS_WITH", "Veltra Systems Inc")
    assert any(kind == "Partnership" for kind, _ in f.agreements())
