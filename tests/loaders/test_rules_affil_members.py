"""A person's apposed membership and the field of a role: "Dr A, Member of Kvorsa Varn" (an
unknown name after the bare role "Member of" is the body the person belongs to, initials before
the surname too); "A, Director of Quantum and Exploratory Computing at imec" (capitalised words
between a role's "of" and "at" name its field, not an organisation).

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Dr. Ana Berg, Member of Kvorsa Varn, highlighted the need for industry.",
            "Ana Berg",
            "Kvorsa Varn",
        ),
        (
            "Dr. V K Saraswat, Member of Kvorsa Varn, stressed the role of industry.",
            "V K Saraswat",
            "Kvorsa Varn",
        ),
        (
            "Tom Lind, member of the Varno Science Council, opened the meeting.",
            "Tom Lind",
            "Varno Science Council",
        ),
        (
            "Eva Roe, Founding Member of the Orvia Quantum Alliance, spoke first.",
            "Eva Roe",
            "Orvia Quantum Alliance",
        ),
    ],
)
def test_member_of_body(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org", "field"),
    [
        (
            "Eva Roe, Director of Quantum and Exploratory Computing at imec, spoke.",
            "Eva Roe",
            "imec",
            "Exploratory Computing",
        ),
        (
            "Tom Lind, Head of Quantum Networking at Orbion Labs, said the link held.",
            "Tom Lind",
            "Orbion Labs",
            "Quantum Networking",
        ),
    ],
)
def test_role_field_before_organisation(facts: Run, text: str, person: str, org: str, field: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()
    assert not f.has_entity(field)


def test_organisation_of_a_role_without_at(facts: Run) -> None:
    # no "at" after it: the name after the role's "of" is the organisation
    f = facts("Eva Roe, Chief Executive Officer of Kvorsa Computing, said the chip is ready.")
    assert f.has("Eva Roe", "AFFILIATED_WITH", "Kvorsa Computing"), f.triples()


def test_organisation_member_is_no_person(facts: Run) -> None:
    f = facts("Kvantra Labs, a member of the Orvia Quantum Alliance, grew quickly.")
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples()), f.triples()


def test_caption_chair_leads(facts: Run) -> None:
    # "Name, Chair, Body": a caption's role and body, a comma between
    f = facts("Ana Berg, Chair, Kvorsa Quantum Alliance, and Tom Lind, Director, Orbion Labs, spoke.")
    assert f.has("Ana Berg", "LEADS", "Kvorsa Quantum Alliance"), f.triples()
    assert f.has("Tom Lind", "AFFILIATED_WITH", "Orbion Labs"), f.triples()
    assert not f.has("Tom Lind", "LEADS", "Orbion Labs")


def test_co_chair_between_bodies_is_no_organisation(facts: Run) -> None:
    f = facts("Tom Lind is Professor at Orbion Labs and Co-Chair, Varno Quantum Steering Committee.")
    assert not f.has_entity("Co-Chair")
    assert f.has("Tom Lind", "AFFILIATED_WITH", "Orbion Labs"), f.triples()
