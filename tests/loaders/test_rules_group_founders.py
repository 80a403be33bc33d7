"""Founders of a membership body are its members; members that formed a group founded it
(made-up names and sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.rules.group_founders import membership_body

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "group", "founders"),
    [
        (
            "Founded in 2018 by leading labs of the region, Vantor Labs, Kestrel Photonics, the University of "
            "Tromso and the Brenner Institute of Optics, the Nordic Qubit Alliance (NQA) now counts 30 partners.",
            "Nordic Qubit Alliance",
            {"Vantor Labs", "Kestrel Photonics", "University of Tromso", "Brenner Institute of Optics"},
        ),
        (
            "Halvard Systems and Orbion Technologies launched the Baltic Photonics Consortium in Riga.",
            "Baltic Photonics Consortium",
            {"Halvard Systems", "Orbion Technologies"},
        ),
        (
            "The Eastern Quantum Association was established by Vantor Labs, Qubeon and Kestrel Photonics in 2020.",
            "Eastern Quantum Association",
            {"Vantor Labs", "Qubeon", "Kestrel Photonics"},
        ),
    ],
)
def test_founders_of_a_membership_body_are_members(
    facts: Run, text: str, group: str, founders: set[str]
) -> None:
    f = facts(text)
    for a in founders:
        assert f.has(a, "DEVELOPS", group), f.triples()
        assert f.has(a, "PART_OF", group), f.triples()


@pytest.mark.parametrize(
    ("text", "maker", "group"),
    [
        # one maker of a hub: the ministry made it, it is no member
        (
            "The Ministry of Research set up the Tromso Quantum Hub in 2021.",
            "Ministry of Research",
            "Tromso Quantum Hub",
        ),
        # two makers of a programme: a joint scheme, not a body with members
        (
            "Halvard Systems and Orbion Technologies launched the Qubit Skills Programme.",
            "Halvard Systems",
            "Qubit Skills Programme",
        ),
    ],
)
def test_makers_of_other_groups_are_no_members(facts: Run, text: str, maker: str, group: str) -> None:
    f = facts(text)
    assert not f.has(maker, "PART_OF", group), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Eight German firms have joined forces to form the Rhine Quantum Applications Consortium (RQAC). "
        "Its members are Orbion Technologies, Kestrel Photonics and Halvard Systems.",
        "Three research institutes and two banks founded the Alpine Quantum Alliance last year. "
        "Members of the alliance include Orbion Technologies, Kestrel Photonics and Halvard Systems.",
    ],
)
def test_counted_founders_are_the_listed_members(facts: Run, text: str) -> None:
    f = facts(text)
    group = "Rhine Quantum Applications Consortium" if "Rhine" in text else "Alpine Quantum Alliance"
    for a in ("Orbion Technologies", "Kestrel Photonics", "Halvard Systems"):
        assert f.has(a, "DEVELOPS", group), f.triples()


def test_a_member_that_joined_later_is_no_founder(facts: Run) -> None:
    f = facts(
        "Six companies formed the Lakeside Quantum Alliance in 2019. Its members are Orbion Technologies "
        "and Kestrel Photonics. Halvard Systems joined the Lakeside Quantum Alliance in 2023."
    )
    assert f.has("Orbion Technologies", "DEVELOPS", "Lakeside Quantum Alliance"), f.triples()
    assert f.has("Halvard Systems", "PART_OF", "Lakeside Quantum Alliance"), f.triples()
    assert not f.has("Halvard Systems", "DEVELOPS", "Lakeside Quantum Alliance"), f.triples()


def test_membership_bodies_by_their_head_words() -> None:
    assert membership_body("International Council of Photonics Associations")
    assert membership_body("Nordic Qubit Alliance")
    assert not membership_body("Tromso Quantum Hub")
    assert not membership_body("Qubit Skills Programme")
