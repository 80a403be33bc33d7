"""Membership said through a sentence's shape (member_shapes) rather than a word of membership."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "triples"),
    [
        (
            "The other universities involved in the Nordic Quantum Alliance are the University of Tromso, "
            "Aalto University and the University of Bergen.",
            [
                ("University of Tromso", "PART_OF", "Nordic Quantum Alliance"),
                ("Aalto University", "PART_OF", "Nordic Quantum Alliance"),
                ("University of Bergen", "PART_OF", "Nordic Quantum Alliance"),
            ],
        ),
        (
            "Companies taking part in the Quantum Valley Initiative include Orbion Labs and Kestrel Photonics.",
            [
                ("Orbion Labs", "PART_OF", "Quantum Valley Initiative"),
                ("Kestrel Photonics", "PART_OF", "Quantum Valley Initiative"),
            ],
        ),
        (
            "The Veltra Quantum Institute is hosted by the University of Bergen.",
            [("Veltra Quantum Institute", "PART_OF", "University of Bergen")],
        ),
        (
            "The Veltra Quantum Institute was set up in 2019 as Norway's first Centre of Excellence hosted by "
            "the University of Bergen.",
            [("Veltra Quantum Institute", "PART_OF", "University of Bergen")],
        ),
        (
            "The Veltra Quantum Institute is one of Aalto University's five flagship research centres.",
            [("Veltra Quantum Institute", "PART_OF", "Aalto University")],
        ),
        (
            "The Veltra Quantum Institute is the largest lab in Norway, having been designated in 2022 as one "
            "of only four Quantum Research Hubs.",
            [("Veltra Quantum Institute", "PART_OF", "Quantum Research Hubs")],
        ),
        (
            "The deal was signed with the Veltra Quantum Institute, the applied research pillar of the "
            "Nordic Research Council.",
            [("Veltra Quantum Institute", "PART_OF", "Nordic Research Council")],
        ),
        (
            "The Veltra Quantum Institute will have nodes at Aalto University, the University of Bergen and "
            "the University of Tromso.",
            [
                ("Veltra Quantum Institute", "PARTNERS_WITH", "Aalto University"),
                ("Veltra Quantum Institute", "PARTNERS_WITH", "University of Bergen"),
            ],
        ),
        # the possessor of the joined programme only qualifies it
        (
            "Last year, Orbion Labs joined the European Union's Quantum Flagship research programme.",
            [("Orbion Labs", "PART_OF", "Quantum Flagship")],
        ),
    ],
)
def test_membership_shapes(facts: Run, text: str, triples: list[tuple[str, str, str]]) -> None:
    got = facts(text)
    for s, t, o in triples:
        assert got.has(s, t, o), ((s, t, o), got.triples())


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a company hosting an event or a visit makes no part of it
        (
            "Orbion Labs hosted by Kestrel Photonics gave a talk on quantum sensing.",
            ("Orbion Labs", "PART_OF", "Kestrel Photonics"),
        ),
        # the nodes' hosts are partners, not parts
        (
            "The Veltra Quantum Institute will have nodes at Aalto University and the University of Bergen.",
            ("Aalto University", "PART_OF", "Veltra Quantum Institute"),
        ),
        # one of a possessor's rivals is no part of it
        (
            "Orbion Labs is one of Kestrel Photonics's main rivals.",
            ("Orbion Labs", "PART_OF", "Kestrel Photonics"),
        ),
    ],
)
def test_no_membership_shape(facts: Run, text: str, absent: tuple[str, str, str]) -> None:
    got = facts(text)
    assert not got.has(*absent), got.triples()


def test_the_consortium_after_a_group_that_brings_others_together(facts: Run) -> None:
    got = facts(
        "Orbion Labs is taking part in NORDQ, a project funded by the Research Council of Norway. "
        "NORDQ brings together nine organisations from across Norway. In addition to Orbion Labs, the "
        "consortium includes KESTREL (Kestrel Photonics Centre), the Japanese multinational Fujitsu, the "
        "tech startup Veltra Quantum, and the technology centres Arktis and Polaris."
    )
    for member in ("Kestrel Photonics Centre", "Fujitsu", "Veltra Quantum"):
        assert got.has(member, "PART_OF", "NORDQ"), (member, got.triples())


def test_the_consortium_needs_a_group_in_focus(facts: Run) -> None:
    got = facts(
        "Orbion Labs opened a new office in Oslo last year. Two years later, the consortium includes "
        "Fujitsu and Veltra Quantum."
    )
    assert not got.has("Fujitsu", "PART_OF", "Orbion Labs"), got.triples()


def test_taking_part_in_a_name_apposed_as_a_project(facts: Run) -> None:
    got = facts(
        "Orbion Labs is actively participating in NORDQ, a project funded by the Research Council of Norway. "
        "NORDQ brings together nine organisations."
    )
    assert got.has("Orbion Labs", "PART_OF", "NORDQ"), got.triples()


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        (
            "The Nordic Quantum Alliance has formed its board with the signing of participation agreements by "
            "Orbion Labs, Kestrel Photonics and Veltra Quantum.",
            ["Orbion Labs", "Kestrel Photonics", "Veltra Quantum"],
            "Nordic Quantum Alliance",
        ),
        (
            "The Nordic Quantum Alliance welcomed new partners after membership agreements were signed with "
            "Orbion Labs and Kestrel Photonics.",
            ["Orbion Labs", "Kestrel Photonics"],
            "Nordic Quantum Alliance",
        ),
    ],
)
def test_membership_agreements_make_members_of_the_sentences_group(
    facts: Run, text: str, members: list[str], group: str
) -> None:
    got = facts(text)
    for a in members:
        assert got.has(a, "PART_OF", group), (a, got.triples())


def test_other_agreements_make_no_members(facts: Run) -> None:
    got = facts(
        "The Nordic Quantum Alliance said licensing agreements with Orbion Labs and Kestrel Photonics were signed."
    )
    assert not got.has("Orbion Labs", "PART_OF", "Nordic Quantum Alliance"), got.triples()


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        (
            "On Monday the Vetra Quantum Valley initiative for quantum research in Bavaria, in which Orbion "
            "Technologies is a founding member, was established.",
            ("Orbion Technologies",),
            "Vetra Quantum Valley Initiative",
        ),
        (
            "The Qubit Alliance, of which Orbion Technologies and Qubeon Labs are partners, met in May.",
            ("Orbion Technologies", "Qubeon Labs"),
            "Qubit Alliance",
        ),
        (
            "The Tarnow Quantum Hub counts Orbion Technologies and Qubeon Labs among its partners.",
            ("Orbion Technologies", "Qubeon Labs"),
            "Tarnow Quantum Hub",
        ),
        (
            "The Lumen Testbed Consortium will have two affiliates: Orbion Technologies and the Vetra Institute "
            "of Optics.",
            ("Orbion Technologies", "Vetra Institute of Optics"),
            "Lumen Testbed Consortium",
        ),
        (
            "Orbion Technologies is one of the Lakeside Quantum Cluster's 12 partners.",
            ("Orbion Technologies",),
            "Lakeside Quantum Cluster",
        ),
    ],
)
def test_member_noun_governs_a_list(facts: Run, text: str, members: tuple[str, ...], group: str) -> None:
    got = facts(text)
    for a in members:
        assert got.has(a, "PART_OF", group), got.triples()


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a company's partners and shareholders are not its parts
        (
            "Orbion Technologies is one of Kessler Group's partners.",
            ("Orbion Technologies", "PART_OF", "Kessler Group"),
        ),
        (
            "Kessler Group, in which Orbion Technologies is a shareholder, builds lasers.",
            ("Orbion Technologies", "PART_OF", "Kessler Group"),
        ),
    ],
)
def test_member_noun_of_a_company_is_no_membership(
    facts: Run, text: str, absent: tuple[str, str, str]
) -> None:
    got = facts(text)
    assert not got.has(*absent), got.triples()
