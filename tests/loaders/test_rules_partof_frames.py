"""Membership, units and leadership frames that recur across many pages (qkg issue 12).

Every sentence is written for these tests with made-up names; none comes from a corpus or an
article. Each frame has near misses that must not fire.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "person", "kind", "org"),
    [
        # a role and its holder in brackets after the organisation
        (
            "The Varno Quantum Centre (Director: Dr. Ada Lin) opened in May.",
            "Ada Lin",
            "AFFILIATED_WITH",
            "Varno Quantum Centre",
        ),
        (
            "The Varno Quantum Centre (head: Ada Lin) opened in May.",
            "Ada Lin",
            "LEADS",
            "Varno Quantum Centre",
        ),
        (
            "The Okinawa Institute of Physics (OIP, President and CEO Ada Lin) launched a new centre.",
            "Ada Lin",
            "AFFILIATED_WITH",
            "Okinawa Institute of Physics",
        ),
        # a role told as a position taken
        (
            "Ada Lin has assumed the position of Director of the Kvantra Institute.",
            "Ada Lin",
            "AFFILIATED_WITH",
            "Kvantra Institute",
        ),
        (
            "Ada Lin took up the post of head of the Kvantra Institute.",
            "Ada Lin",
            "LEADS",
            "Kvantra Institute",
        ),
        (
            "Ada Lin took over the role of chair of the Varno Quantum Council.",
            "Ada Lin",
            "LEADS",
            "Varno Quantum Council",
        ),
        # "chief of" is a head's role; "chief scientist of" a job
        (
            "Ada Lin, chief of the Kvantra Institute, said the work was done.",
            "Ada Lin",
            "LEADS",
            "Kvantra Institute",
        ),
        (
            "Ada Lin, chief scientist of the Kvantra Institute, said the work was done.",
            "Ada Lin",
            "AFFILIATED_WITH",
            "Kvantra Institute",
        ),
    ],
)
def test_role_frames(facts: Run, text: str, person: str, kind: str, org: str) -> None:
    assert facts(text).has(person, kind, org)


def test_a_name_alone_in_brackets_holds_no_role(facts: Run) -> None:
    f = facts("The Varno Quantum Centre (Ada Lin) opened in May.")
    assert not f.has("Ada Lin", "AFFILIATED_WITH", "Varno Quantum Centre")
    assert not f.has("Ada Lin", "LEADS", "Varno Quantum Centre")


def test_chief_scientist_does_not_lead(facts: Run) -> None:
    f = facts("Ada Lin, chief scientist of the Kvantra Institute, said the work was done.")
    assert not f.has("Ada Lin", "LEADS", "Kvantra Institute")


@pytest.mark.parametrize(
    ("text", "leader", "body"),
    [
        # passive: organised / facilitated by
        (
            "The Varno Quantum Alliance is organized and facilitated by the University of Varno.",
            "University of Varno",
            "Varno Quantum Alliance",
        ),
        # a predicate noun describes the group, then says who leads it
        (
            "The 24-member Varno Quantum Alliance is a growing hub of quantum technology research, training "
            "and outreach organized and facilitated by the University of Varno.",
            "University of Varno",
            "Varno Quantum Alliance",
        ),
        # an apposition describes the group, then says who leads it
        (
            "The Varno Hub, a regional alliance led by Tarsley University, grew fast.",
            "Tarsley University",
            "Varno Hub",
        ),
        # fronted participle before the members of the group
        (
            "Led by the University of Varno, the 24 members of the Varno Quantum Alliance are building an "
            "ecosystem.",
            "University of Varno",
            "Varno Quantum Alliance",
        ),
        # the inverted helm
        (
            "At the helm of the Kvantra Initiative is Ada Lin, co-founder of Orbion.",
            "Ada Lin",
            "Kvantra Initiative",
        ),
        # the board stands for its body
        (
            "Ada Lin, who chairs the board of the Varno Quantum Council, said so.",
            "Ada Lin",
            "Varno Quantum Council",
        ),
    ],
)
def test_leadership_frames(facts: Run, text: str, leader: str, body: str) -> None:
    assert facts(text).has(leader, "LEADS", body)


def test_another_actor_in_the_description_is_what_is_led(facts: Run) -> None:
    # the hub, not Kvantra Labs, is led by Tarsley University
    f = facts("Kvantra Labs is a partner of the Varno Hub led by Tarsley University.")
    assert not f.has("Tarsley University", "LEADS", "Kvantra Labs")


def test_an_apposition_stops_at_its_comma(facts: Run) -> None:
    f = facts("The Varno Hub, a regional alliance, said a project led by Tarsley University had begun.")
    assert not f.has("Tarsley University", "LEADS", "Varno Hub")


@pytest.mark.parametrize(
    ("text", "unit", "parent"),
    [
        # the unit's kind possessed by its parent, adjectives before it
        (
            "Orbion Quantum Initiative, the University of Varno's interdisciplinary hub dedicated to quantum "
            "technology, got a grant.",
            "Orbion Quantum Initiative",
            "University of Varno",
        ),
        # "a vertical of" and a description of the parent before its name
        (
            "The Kvantra Centre, a vertical of the recently founded research institute Orbion Labs, signed an MoU.",
            "Kvantra Centre",
            "Orbion Labs",
        ),
        # a centre inside an institute; a bracket between the centre and its host
        (
            "The Varno Quantum Centre in the Tarsley National Institute is new.",
            "Varno Quantum Centre",
            "Tarsley National Institute",
        ),
        (
            "The Varno Quantum Centre (Director: Dr. Ada Lin) at the Tarsley Research Institute opened.",
            "Varno Quantum Centre",
            "Tarsley Research Institute",
        ),
    ],
)
def test_unit_frames(facts: Run, text: str, unit: str, parent: str) -> None:
    assert facts(text).has(unit, "PART_OF", parent)


def test_a_centre_in_a_town_is_no_part(facts: Run) -> None:
    f = facts("The Varno Quantum Centre in Tarsley is new.")
    assert not any(t == "PART_OF" for _, t, _ in f.triples())


def test_a_description_with_a_preposition_names_no_parent(facts: Run) -> None:
    f = facts("Kvantra, a member of the team at Orbion Labs, said so.")
    assert not any(t == "PART_OF" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "The decision was taken at the first meeting of the Orvia Governing Board (OGB) here on Tuesday. "
            "It was chaired by Kvantra Systems co-founder Ada Lin.",
            "Ada Lin",
            "Orvia Governing Board",
        ),
        (
            "The first meeting of the Orvia Council was held in May. The meeting was chaired by Minister Tom Lind.",
            "Tom Lind",
            "Orvia Council",
        ),
    ],
)
def test_the_chair_of_a_meeting_named_the_sentence_before_leads_its_body(
    facts: Run, text: str, person: str, body: str
) -> None:
    assert facts(text).has(person, "LEADS", body)


@pytest.mark.parametrize(
    "text",
    [
        # no meeting named before
        "The board of Orbion Labs met on Monday. It was chaired by Ada Lin.",
        # a meeting named, but what follows is no chair
        "Orbion Labs presented at a meeting of the Orvia Council. It was founded by Ada Lin.",
    ],
)
def test_no_meeting_no_chair(facts: Run, text: str) -> None:
    assert not any(t == "LEADS" for _, t, _ in facts(text).triples())


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        # ownership with an adverb
        ("Kvantra Labs, now owned by Orbion Group, makes lasers.", "Kvantra Labs", "Orbion Group"),
        (
            "Kvantra Labs, which was later acquired by Orbion Group, makes lasers.",
            "Kvantra Labs",
            "Orbion Group",
        ),
        # what was bought described before its name
        (
            "Orbion Group has acquired another photonics company, Kvantra Labs, in 2022.",
            "Kvantra Labs",
            "Orbion Group",
        ),
        ("Orbion Group bought the software start-up Kvantra Labs in 2022.", "Kvantra Labs", "Orbion Group"),
        # a body made up of the people other bodies send
        (
            "The Varno Council comprises key secretaries from the Varno Ministry of Science, the Varno Space "
            "Agency and the Varno Defence Agency.",
            "Varno Space Agency",
            "Varno Council",
        ),
        # housed within, said of the future
        (
            "The Varno Quantum Alliance will sit within the Varno Technology Council.",
            "Varno Quantum Alliance",
            "Varno Technology Council",
        ),
    ],
)
def test_structure_frames(facts: Run, text: str, part: str, whole: str) -> None:
    assert facts(text).has(part, "PART_OF", whole)


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Group acquired the rights to Kvantra Labs' patents.",
        "Orbion Group has acquired a company with Kvantra Labs.",
        # a ministry that "includes" names no members; meeting representatives is no membership
        "The Varno Ministry of Science includes Kvantra Labs and Orbion.",
        "The Varno Council meets representatives from Kvantra Labs and Orbion.",
    ],
)
def test_structure_near_misses(facts: Run, text: str) -> None:
    assert not any(t == "PART_OF" for _, t, _ in facts(text).triples())


@pytest.mark.parametrize(
    ("text", "leader", "body"),
    [
        ("The Varno Quantum Centre is headed up by Ada Lin.", "Ada Lin", "Varno Quantum Centre"),
        ("Ada Lin, the project lead for the Varno Quantum Hub, said it.", "Ada Lin", "Varno Quantum Hub"),
        (
            "The Varno Quantum Programme, under Ada Lin's leadership, grew.",
            "Ada Lin",
            "Varno Quantum Programme",
        ),
        ("Under Ada Lin's leadership, the Varno Quantum Council grew.", "Ada Lin", "Varno Quantum Council"),
        ("Ada Lin presides over the Varno Quantum Council.", "Ada Lin", "Varno Quantum Council"),
        ("Ada Lin became chair of the Varno Quantum Council in 2020.", "Ada Lin", "Varno Quantum Council"),
        ("Ada Lin, Varno Quantum Council chair, said it.", "Ada Lin", "Varno Quantum Council"),
    ],
)
def test_more_leadership_frames(facts: Run, text: str, leader: str, body: str) -> None:
    assert facts(text).has(leader, "LEADS", body)


@pytest.mark.parametrize(
    "text",
    [
        # a hub's director is its staff; a chairman's adviser is neither
        "Ada Lin, director of the Varno Quantum Hub, said it.",
        "Ada Lin, Orbion chairman's adviser, said it.",
    ],
)
def test_leadership_near_misses(facts: Run, text: str) -> None:
    assert not any(t == "LEADS" for _, t, _ in facts(text).triples())


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "The Varno Quantum Institute, an autonomous institute under the Varno Ministry of Science, grew.",
            "Varno Quantum Institute",
            "Varno Ministry of Science",
        ),
        (
            "The Varno Quantum Institute is an autonomous body under the Varno Ministry of Science.",
            "Varno Quantum Institute",
            "Varno Ministry of Science",
        ),
        (
            "The Varno Quantum Institute operates under the Varno Ministry of Science.",
            "Varno Quantum Institute",
            "Varno Ministry of Science",
        ),
        (
            "Kvantra Institute is affiliated with the Varno Quantum Institute.",
            "Kvantra Institute",
            "Varno Quantum Institute",
        ),
    ],
)
def test_a_body_under_a_public_body(facts: Run, text: str, part: str, whole: str) -> None:
    assert facts(text).has(part, "PART_OF", whole)


@pytest.mark.parametrize(
    "text",
    [
        # growing under a ministry, or a grant under its programme, is no membership
        "Orbion Labs grew under the Varno Ministry of Science.",
        "Orbion received a grant under the Varno Ministry of Science's programme.",
    ],
)
def test_under_near_misses(facts: Run, text: str) -> None:
    assert not any(t == "PART_OF" for _, t, _ in facts(text).triples())
