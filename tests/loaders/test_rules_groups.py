"""Groups and their members: a consortium whose members are found is one Consortium agreement
among them, whatever shape named the members (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


def _consortia(f: Facts) -> list[frozenset[str]]:
    return [parties for kind, parties in f.agreements() if kind == "Consortium"]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            # the cue folded into an apposition of the fronted name still opens the list
            "Kessler Institute is taking part in NORQ. In addition to Kessler Institute, the consortium includes "
            "Vantor Labs (Nordic Photonics Centre), the Danish chipmaker Orbion Systems, the Agency for "
            "Innovation (AFI), the startup Qubeon, and the research centres ALVEN and MIRTA.",
            {
                "Kessler Institute",
                "Vantor Labs",
                "Orbion Systems",
                "Agency for Innovation",
                "Qubeon",
                "ALVEN",
                "MIRTA",
            },
        ),
        (
            # membership told by shape; the group's name says it is a consortium
            "The other universities involved in the Nordic Quantum Alliance are the University of Tromso, "
            "Aalto University and the University of Bergen.",
            {"University of Tromso", "Aalto University", "University of Bergen"},
        ),
        (
            "The Quantum Industry Consortium of Estland has formally set up its board with the signing of "
            "participation agreements by Orbion Systems, Vantor Labs and Kestrel Photonics.",
            {"Orbion Systems", "Vantor Labs", "Kestrel Photonics"},
        ),
        (
            # an unnamed consortium, its leader and the members of the one group the article names
            "A Kessler University-led consortium has been awarded R40-million by the Ministry of Research to "
            "set up the Baltic Quantum Technologies Initiative (BA QuTI). The other universities involved in "
            "BA QuTI are the University of Tromso, Aalto University and the University of Bergen. Kessler "
            "University will manage BA QuTI.",
            {"Kessler University", "University of Tromso", "Aalto University", "University of Bergen"},
        ),
        (
            "Besides Orbion Systems, the alliance comprises Vantor Labs, Kestrel Photonics and Qubeon.",
            {"Orbion Systems", "Vantor Labs", "Kestrel Photonics", "Qubeon"},
        ),
    ],
)
def test_a_consortium_is_one_agreement_of_its_members(facts: Run, text: str, members: set[str]) -> None:
    f = facts(text)
    assert any(parties >= members and len(parties) <= len(members) + 1 for parties in _consortia(f)), (
        f.agreements()
    )


@pytest.mark.parametrize(
    "text",
    [
        # a programme's participants are members, not a consortium
        "The other companies involved in the Quantum Valley Programme are Orbion Systems, Vantor Labs and "
        "Kestrel Photonics.",
        # a hub taking in tenants is no consortium either
        "The House of Qubits hub welcomed Orbion Systems and Kestrel Photonics as new members.",
        # one member is no agreement
        "Orbion Systems is a member of the Nordic Quantum Alliance.",
    ],
)
def test_members_of_what_is_no_consortium_sign_nothing(facts: Run, text: str) -> None:
    f = facts(text)
    assert not _consortia(f), f.agreements()


def test_a_two_word_acronym_is_one_name(facts: Run) -> None:
    f = facts(
        "The project is designated the Baltic Quantum Technologies Initiative (BA QuTI). Orbion Systems "
        "and Vantor Labs are members of BA QuTI."
    )
    assert not f.has_entity("QuTI"), sorted(f.names.values())
    assert f.has("Orbion Systems", "PART_OF", "Baltic Quantum Technologies Initiative"), f.triples()


@pytest.mark.parametrize(
    ("text", "unit", "host"),
    [
        (
            "The act also created the Quantum Coordination Office at the Ministry of Research of Estland, which "
            "oversees the plan.",
            "Quantum Coordination Office",
            "Ministry of Research of Estland",
        ),
        (
            "Engineers from the Quantum Sensing Laboratory at the National Space Agency built the probe.",
            "Quantum Sensing Laboratory",
            "National Space Agency",
        ),
        (
            "Kessler University held a forum on Monday on the progress made by its Thematic Center for Quantum "
            "Sensing.",
            "Thematic Center for Quantum Sensing",
            "Kessler University",
        ),
        (
            "Ada Lin, then a professor at Kessler University and director of its Centre for Quantum Photonics, "
            "founded the company.",
            "Centre for Quantum Photonics",
            "Kessler University",
        ),
    ],
)
def test_a_unit_belongs_to_its_host(facts: Run, text: str, unit: str, host: str) -> None:
    f = facts(text)
    assert f.has(unit, "PART_OF", host), f.triples()


@pytest.mark.parametrize(
    ("text", "unit", "host"),
    [
        # a kind of unit with no name of its own is no actor's part
        (
            "Orbion Systems, which operates its Centre of Excellence under the name Qulabs, opened in Oslo.",
            "Centre of Excellence",
            "Orbion Systems",
        ),
        # a ministry's office "at" a university is still read, but a university at a ministry is not its part
        (
            "Kessler University at the Ministry of Research of Estland presented its results.",
            "Kessler University",
            "Ministry of Research of Estland",
        ),
    ],
)
def test_no_unit_of_a_host(facts: Run, text: str, unit: str, host: str) -> None:
    f = facts(text)
    assert not f.has(unit, "PART_OF", host), f.triples()


def test_a_taskforce_is_a_group_companies_join(facts: Run) -> None:
    f = facts("Orbion Systems and Vantor Labs joined the Post-Quantum Telco Taskforce last year.")
    assert f.has("Orbion Systems", "PART_OF", "Post-Quantum Telco Taskforce"), f.triples()


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "The alliance, which includes Orbion Systems, Vantor Labs and Kessler University, was launched in Oslo.",
            {"Orbion Systems", "Vantor Labs", "Kessler University"},
        ),
        (
            # the leader of a consortium is one of its members
            "Kessler University leads a consortium of Orbion Systems, Vantor Labs and Norvik Labs.",
            {"Kessler University", "Orbion Systems", "Vantor Labs", "Norvik Labs"},
        ),
        (
            "Orbion Systems will lead the establishment of the centre with a consortium of other companies, "
            "including the chipmaker Vantor Labs, according to the release.",
            {"Orbion Systems", "Vantor Labs"},
        ),
    ],
)
def test_consortium_lists_with_a_leader_or_a_relative_clause(
    facts: Run, text: str, members: set[str]
) -> None:
    f = facts(text)
    assert members in _consortia(f), f.agreements()


def test_a_funding_round_s_lead_investor_leads_no_consortium(facts: Run) -> None:
    f = facts(
        "Kestrel Ventures led the round, with participation from partners including Orbion Systems and "
        "Vantor Labs."
    )
    assert not _consortia(f), f.agreements()


@pytest.mark.parametrize(
    ("text", "triples"),
    [
        (
            "The new Baltic Quantum Hub, led by Kessler University with Vantor Labs and Orbion Systems, will "
            "open in 2026.",
            [
                ("Vantor Labs", "PART_OF", "Baltic Quantum Hub"),
                ("Orbion Systems", "PART_OF", "Baltic Quantum Hub"),
                ("Kessler University", "LEADS", "Baltic Quantum Hub"),
            ],
        ),
        (
            "Kessler University leads the Baltic Quantum Hub together with partners Vantor Labs and Orbion Systems.",
            [
                ("Vantor Labs", "PART_OF", "Baltic Quantum Hub"),
                ("Orbion Systems", "PART_OF", "Baltic Quantum Hub"),
            ],
        ),
        (
            "Orbion Systems, together with Vantor Labs and Kessler University, forms the Baltic Quantum Hub.",
            [
                ("Orbion Systems", "PART_OF", "Baltic Quantum Hub"),
                ("Vantor Labs", "PART_OF", "Baltic Quantum Hub"),
                ("Kessler University", "PART_OF", "Baltic Quantum Hub"),
            ],
        ),
        (
            "Orbion Systems has signed on as a founding partner of the Baltic Quantum Hub.",
            [("Orbion Systems", "PART_OF", "Baltic Quantum Hub")],
        ),
        (
            "Vantor Labs joined the Nordic Quantum Alliance as its 50th member.",
            [("Vantor Labs", "PART_OF", "Nordic Quantum Alliance")],
        ),
    ],
)
def test_members_named_with_a_leader_founders_or_a_role(
    facts: Run, text: str, triples: list[tuple[str, str, str]]
) -> None:
    f = facts(text)
    for t in triples:
        assert f.has(*t), (t, f.triples())


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # no group: a company's co-leaders are not its parts
        (
            "Orbion Systems leads Vantor Labs together with Kessler University in the market for cryostats.",
            ("Kessler University", "PART_OF", "Vantor Labs"),
        ),
        # joining a company as an employee is no membership
        (
            "Kessler University joined Orbion Systems as a research partner.",
            ("Kessler University", "PART_OF", "Orbion Systems"),
        ),
    ],
)
def test_no_group_no_member(facts: Run, text: str, absent: tuple[str, str, str]) -> None:
    assert not facts(text).has(*absent)


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "The Centre for Quantum Matter was established in 2007 as Norway's first Research Centre of "
            "Excellence hosted by Kessler University.",
            "Centre for Quantum Matter",
            "Research Centre of Excellence",
        ),
        (
            "The Halden Photonics Institute was designated as one of the five Quantum Research Hubs.",
            "Halden Photonics Institute",
            "Quantum Research Hubs",
        ),
        (
            "Under the National Quantum Strategy, the Centre for Quantum Matter will be elevated into a national "
            "research centre.",
            "Centre for Quantum Matter",
            "National Quantum Strategy",
        ),
        (
            "As part of the Nordic Quantum Programme, the Norvik Research Council will establish the Quantum "
            "Benchmarking Platform initiative.",
            "Quantum Benchmarking Platform Initiative",
            "Nordic Quantum Programme",
        ),
        (
            # the apposition folded away still fronts the clause
            "As part of the Nordic Quantum Programme (NQP), the Norvik Research Council, a public body, will "
            "launch the Quantum Testbed Initiative.",
            "Quantum Testbed Initiative",
            "Nordic Quantum Programme",
        ),
    ],
)
def test_what_a_programme_creates_or_names_is_its_part(facts: Run, text: str, part: str, whole: str) -> None:
    f = facts(text)
    assert f.has(part, "PART_OF", whole), f.triples()


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the creator of a programme's part is not its part
        (
            "As part of the Nordic Quantum Programme, the Norvik Research Council will establish the Quantum "
            "Benchmarking Platform initiative.",
            ("Norvik Research Council", "PART_OF", "Nordic Quantum Programme"),
        ),
        # what takes part in no way but acts under a programme
        (
            "Under the National Quantum Strategy, Orbion Systems raised $10m from Kestrel Ventures.",
            ("Orbion Systems", "PART_OF", "National Quantum Strategy"),
        ),
        # "as the" renames: a body becomes the institute, it is not one of many
        (
            "The Halden Photonics Lab was established in 2010 as the Kessler Quantum Institute.",
            ("Halden Photonics Lab", "PART_OF", "Kessler Quantum Institute"),
        ),
    ],
)
def test_no_part_of_a_programme(facts: Run, text: str, absent: tuple[str, str, str]) -> None:
    assert not facts(text).has(*absent)


@pytest.mark.parametrize(
    ("text", "child", "origin"),
    [
        (
            "Orbion Systems, a spin-off from Orbion University, raised funds.",
            "Orbion Systems",
            "Orbion University",
        ),
        ("Orbion Systems was spun out of Orbion University in 2019.", "Orbion Systems", "Orbion University"),
        ("Orbion Systems is a University of Kestrel spin-out.", "Orbion Systems", "University of Kestrel"),
        (
            "Orbion Systems, a University of Kestrel spin-off, builds ion traps.",
            "Orbion Systems",
            "University of Kestrel",
        ),
        (
            "Orbion Systems is a spin-out of the University of Kestrel.",
            "Orbion Systems",
            "University of Kestrel",
        ),
        (
            "Kessler University's latest spinout, Orbion Systems, raised $4m.",
            "Orbion Systems",
            "Kessler University",
        ),
    ],
)
def test_a_spin_out_is_no_part_of_its_origin(facts: Run, text: str, child: str, origin: str) -> None:
    # the annotators give a spin-out no PART_OF of the university or company it came from
    f = facts(text)
    assert not f.has(child, "PART_OF", origin), f.triples()


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        (
            "The Baltic Quantum Hub has four partners:\n- Orbion Systems\n- Vantor Labs\n- Kessler University\n"
            "- Norvik Labs\n",
            {"Orbion Systems", "Vantor Labs", "Kessler University", "Norvik Labs"},
            "Baltic Quantum Hub",
        ),
        (
            "The Nordic Quantum Alliance was founded by Orbion Systems, Vantor Labs and Kessler University in 2021.",
            {"Orbion Systems", "Vantor Labs", "Kessler University"},
            "Nordic Quantum Alliance",
        ),
    ],
)
def test_a_listed_group_holds_its_members(facts: Run, text: str, members: set[str], group: str) -> None:
    f = facts(text)
    for m in members:
        assert f.has(m, "PART_OF", group), (m, f.triples())
    assert members in _consortia(f), f.agreements()


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "The programme will be delivered by a consortium led by Kessler University and including Orbion "
            "Systems, Vantor Labs and Norvik Labs.",
            {"Kessler University", "Orbion Systems", "Vantor Labs", "Norvik Labs"},
        ),
        (
            "The QLINK consortium consists of 12 partners from six countries, including Orbion Systems, Vantor "
            "Labs and Kessler University.",
            {"Orbion Systems", "Vantor Labs", "Kessler University"},
        ),
    ],
)
def test_consortium_lists_after_a_leader_or_a_count(facts: Run, text: str, members: set[str]) -> None:
    f = facts(text)
    assert members in _consortia(f), f.agreements()


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a programme named after the list is what the consortium works for, not what holds it
        (
            'The consortium of Orbion Systems and Vantor Labs was confirmed as the contractor for the "Quantum '
            'Cloud Service Initiative" project.',
            ("Orbion Systems", "PART_OF", "Quantum Cloud Service Initiative"),
        ),
        # a fund set up by a ministry holds no members; people found nothing as members
        (
            "The Nordic Quantum Fund was set up by the Ministry of Research and Kessler University.",
            ("Kessler University", "PART_OF", "Nordic Quantum Fund"),
        ),
    ],
)
def test_no_member_of_a_group_named_aside(facts: Run, text: str, absent: tuple[str, str, str]) -> None:
    assert not facts(text).has(*absent)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "Orbion Systems is joined in the consortium by Vantor Labs and Kessler University.",
            {"Orbion Systems", "Vantor Labs", "Kessler University"},
        ),
        (
            "Joining Orbion Systems in the consortium are Vantor Labs and Kessler University.",
            {"Orbion Systems", "Vantor Labs", "Kessler University"},
        ),
    ],
)
def test_the_joined_and_the_joining_are_one_consortium(facts: Run, text: str, members: set[str]) -> None:
    f = facts(text)
    assert members in _consortia(f), f.agreements()


def test_a_participle_after_a_group_lists_its_members(facts: Run) -> None:
    f = facts(
        "The QLINK project, involving Orbion Systems, Vantor Labs and Kessler University, received €5m from "
        "the European Commission."
    )
    for m in ("Orbion Systems", "Vantor Labs", "Kessler University"):
        assert f.has(m, "PART_OF", "QLINK"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # joined in a round: co-investors, no consortium
        "Orbion Systems is joined in the round by Vantor Labs and Kessler Ventures.",
        # a company's deal involving others has no members
        "Orbion Systems, involving Vantor Labs and Kessler University, raised $5m.",
    ],
)
def test_no_consortium_joined_or_involved(facts: Run, text: str) -> None:
    f = facts(text)
    assert not _consortia(f), f.agreements()
    assert not any(t == "PART_OF" for _, t, _ in f.triples()), f.triples()
