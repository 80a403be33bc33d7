"""Membership, groups with partner lists, takeovers and making, read as classes of phrasing.

Every sentence is written for these tests with made-up names; none comes from a corpus or an
article.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The four hubs will be led by the universities of Halden, Morvik, Tarsley and Quillon.",
            {
                "University of Halden",
                "University of Morvik",
                "University of Tarsley",
                "University of Quillon",
            },
        ),
        (
            "Staff from the Universities of Halden and Morvik met in Oslo.",
            {"University of Halden", "University of Morvik"},
        ),
    ],
)
def test_universities_of_a_list_of_places_are_each_a_university(
    facts: Run, text: str, names: set[str]
) -> None:
    f = facts(text)
    for name in names:
        assert f.kg.entities[[e.name for e in f.kg.entities].index(name)].type.value == "University"


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        # the possessor and an amount between "part of" and the group only qualify it
        (
            "The Veltra Quantum Programme is part of the EU's €1 billion Quantum Flagship.",
            "Veltra Quantum Programme",
            "Quantum Flagship",
        ),
        # the subject's kind noun after its name
        (
            "The Qu-Fleet programme is part of the EU's Quantum Flagship.",
            "Qu-Fleet",
            "Quantum Flagship",
        ),
        # the programme named once, then "the program"
        (
            "The Ministry of Science chose Kessler Group to lead its Qu-Fleet initiative. "
            "The program is part of the EU's 1 billion Quantum Flagship investment.",
            "Qu-Fleet",
            "Quantum Flagship",
        ),
        # "one of the N <kind> of G", set off by a bracket or commas
        (
            "Work began when the Kessler Network (one of the three governing bodies of the Veltra Quantum "
            "Initiative) asked for it.",
            "Kessler Network",
            "Veltra Quantum Initiative",
        ),
        (
            "Orbion Systems, one of the five founding members of the Veltra Quantum Alliance, builds traps.",
            "Orbion Systems",
            "Veltra Quantum Alliance",
        ),
    ],
)
def test_part_of_said_through_qualifiers_and_brackets(facts: Run, text: str, member: str, group: str) -> None:
    assert facts(text).has(member, "PART_OF", group)


def test_one_of_the_fastest_growing_companies_in_a_place_is_no_membership(facts: Run) -> None:
    f = facts("Orbion Systems (one of the fastest-growing companies in Norway) builds ion traps.")
    assert not [t for t in f.triples() if t[1] == "PART_OF"]
