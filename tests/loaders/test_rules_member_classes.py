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


@pytest.mark.parametrize(
    ("text", "bought", "buyer"),
    [
        # a takeover given as an example of the subject's deals
        (
            "Kessler Group has grown through deals over the past year, such as the acquisition of "
            "Lyon-based startup Orbion Systems, which makes lasers.",
            "Orbion Systems",
            "Kessler Group",
        ),
        # "it" after a fronted "While ..." clause is that clause's subject, not the name before the comma
        (
            "While Kessler Group has not bought as many firms as Norvald Corp, it is no newcomer, having "
            "acquired another laser company, Orbion Systems in 2022.",
            "Orbion Systems",
            "Kessler Group",
        ),
        (
            "Although Kessler Group lost money last year, it acquired Orbion Systems.",
            "Orbion Systems",
            "Kessler Group",
        ),
    ],
)
def test_takeovers_told_in_passing(facts: Run, text: str, bought: str, buyer: str) -> None:
    f = facts(text)
    assert f.has(bought, "PART_OF", buyer)
    assert ("Contract", frozenset({bought, buyer})) in f.agreements()
    assert not [t for t in f.triples() if t[1] == "PART_OF" and t[2] == "Norvald Corp"]


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        (
            "The first meeting for the Veltra Quantum Project took place in Oslo, hosted by the project "
            "partners Halden University and Morvik Research Centre.",
            {"Halden University", "Morvik Research Centre"},
            "Veltra Quantum Project",
        ),
        (
            "The Veltra Quantum Alliance was launched in May. It met in Oslo with consortium members "
            "Halden University, Orbion Systems and Morvik Research Centre.",
            {"Halden University", "Orbion Systems", "Morvik Research Centre"},
            "Veltra Quantum Alliance",
        ),
    ],
)
def test_members_named_by_their_role_in_the_group_in_focus(
    facts: Run, text: str, members: set[str], group: str
) -> None:
    f = facts(text)
    for a in members:
        assert f.has(a, "PART_OF", group)


@pytest.mark.parametrize(
    "text",
    [
        # a deal that buys shares is no takeover
        "Kessler Group signed deals with banks, such as the acquisition of shares in Orbion Systems.",
        # a company's project partners are its partners, not its parts
        "Kessler Group met its project partners Halden University and Orbion Systems.",
    ],
)
def test_no_part_from_shares_or_a_company_s_partners(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "PART_OF"]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # an unknown first item after the list cue, and an item qualified by a bracket naming others
        (
            "The consortium is composed of Gravik, Orbion Systems, PwC Norway, Telmar (a Gravik and Halden "
            "Group 60/40 joint venture), and the Morvik Research Centre.",
            {"Gravik", "Orbion Systems", "PwC Norway", "Telmar", "Morvik Research Centre"},
        ),
        ("Partners include Gravik, Orbion Systems and the Morvik Research Centre.", None),
    ],
)
def test_consortium_lists_with_unknown_names_and_brackets(
    facts: Run, text: str, members: set[str] | None
) -> None:
    f = facts(text)
    assert f.has_entity("Gravik")
    if members is not None:
        assert ("Consortium", frozenset(members)) in f.agreements()


@pytest.mark.parametrize(
    ("text", "maker", "made"),
    [
        (
            "Kessler Group's launch of the Veltra Quantum Programme drew praise.",
            "Kessler Group",
            "Veltra Quantum Programme",
        ),
        (
            "The opening of the Halden Quantum Centre by Kessler Group was delayed.",
            "Kessler Group",
            "Halden Quantum Centre",
        ),
        (
            "The launch of the Halden Quantum Centre in 2021 by Kessler Group was a success.",
            "Kessler Group",
            "Halden Quantum Centre",
        ),
        (
            "Kessler Group has begun construction of the Halden Quantum Centre.",
            "Kessler Group",
            "Halden Quantum Centre",
        ),
        (
            "Kessler Group broke ground on the Halden Quantum Centre in May.",
            "Kessler Group",
            "Halden Quantum Centre",
        ),
    ],
)
def test_making_said_by_its_noun(facts: Run, text: str, maker: str, made: str) -> None:
    assert facts(text).has(maker, "DEVELOPS", made)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The launch of the Halden Quantum Centre was attended by Kessler Group.", "Kessler Group"),
        # who welcomes a launch by another body makes nothing
        (
            "Kessler Group welcomed the launch of the Veltra Quantum Programme by the Ministry of Science.",
            "Kessler Group",
        ),
    ],
)
def test_no_maker_beside_a_making_noun(facts: Run, text: str, absent: str) -> None:
    assert not [t for t in facts(text).triples() if t[0] == absent and t[1] == "DEVELOPS"]


def test_laying_the_foundation_stone_makes_the_centre(facts: Run) -> None:
    f = facts("Kessler Group laid the foundation stone for the Halden Quantum Centre.")
    assert f.has("Kessler Group", "DEVELOPS", "Halden Quantum Centre")


@pytest.mark.parametrize(
    "text",
    [
        # the group only qualifies the plural subject of "include"
        "Investors in the Veltra Quantum Fund include Orbion Systems, Kessler Group and Halden University.",
        # a programme named as an agency's is the agency's programme, no part of the agency
        "The Quantum Technologies Programme of the National Research Agency awarded grants to Orbion Systems.",
    ],
)
def test_no_membership_in_what_only_qualifies(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "PART_OF"]


def test_a_company_s_partners_form_no_consortium_without_it(facts: Run) -> None:
    f = facts(
        "Kessler Group works with partners including Orbion Systems, Gravik Labs and Halden University."
    )
    assert not [a for a in f.agreements() if a[0] == "Consortium"]


def test_a_network_listed_among_a_programme_s_partners_is_a_member(facts: Run) -> None:
    f = facts(
        "The Veltra Programme will deliver investments from partners including Halden Research Council, "
        "Orbion Systems, Gravik Labs and the Morvik Transfer Network."
    )
    assert f.has("Morvik Transfer Network", "PART_OF", "Veltra Programme")
    assert any(
        "Morvik Transfer Network" in parties for kind, parties in f.agreements() if kind == "Consortium"
    )
