"""Membership (PART_OF) and leadership of programmes and bodies (LEADS).

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]

ALLIANCE = "Veltra Quantum Alliance"


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        (
            "Orbion Technologies joins the Quantum Economic Development Consortium.",
            "Orbion Technologies",
            "Quantum Economic Development Consortium",
        ),
        (
            "Orbion Technologies has joined the Veltra Quantum Alliance as a founding member.",
            "Orbion Technologies",
            ALLIANCE,
        ),
        (
            "Orbion Technologies became a member of the Veltra Quantum Alliance in 2022.",
            "Orbion Technologies",
            ALLIANCE,
        ),
        (
            "Orbion Technologies is part of the National Quantum Initiative.",
            "Orbion Technologies",
            "National Quantum Initiative",
        ),
        ("Orbion Technologies is now part of Kessler Group.", "Orbion Technologies", "Kessler Group"),
        # each of a coordinated subject is part of the whole, whatever kind of organisation it is
        (
            "The Veltra Institute of Photonics and the Marrow Centre for Optics are part of the Kessler Research Council.",
            "Veltra Institute of Photonics",
            "Kessler Research Council",
        ),
        (
            "The Veltra Institute of Photonics and the Marrow Centre for Optics are part of the Kessler Research Council.",
            "Marrow Centre for Optics",
            "Kessler Research Council",
        ),
        (
            "Orbion Technologies and Tessaly Labs are now part of the University of Kessler.",
            "Orbion Technologies",
            "University of Kessler",
        ),
        ("Orbion Systems, a unit of Kessler Group, builds ion traps.", "Orbion Systems", "Kessler Group"),
        (
            "Orbion Systems, a subsidiary of Kessler Group, builds ion traps.",
            "Orbion Systems",
            "Kessler Group",
        ),
        ("Orbion Systems is a wholly owned subsidiary of Kessler Group.", "Orbion Systems", "Kessler Group"),
        (
            "The contest is delivered by the Kessler Innovation Agency, part of the Ministry of Science.",
            "Kessler Innovation Agency",
            "Ministry of Science",
        ),
        (
            # set off by dashes, the group named with its country's possessive
            "The Quantum Office of Norway – part of Norway’s Kessler Research Agency – runs the strategy.",
            "Quantum Office of Norway",
            "Kessler Research Agency",
        ),
        (
            "Kessler Group's quantum division, Orbion Systems, builds ion traps.",
            "Orbion Systems",
            "Kessler Group",
        ),
        (
            "Orbion University is one of the five partners of the Veltra Quantum Alliance.",
            "Orbion University",
            ALLIANCE,
        ),
        (
            "Orbion University, one of the five partners of the Veltra Quantum Alliance, hosts it.",
            "Orbion University",
            ALLIANCE,
        ),
        (
            "Orbion University and the Kessler Institute are among the members of the Veltra Quantum Alliance.",
            "Kessler Institute",
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance's members include Orbion University, Kessler Institute and Orbion Technologies.",
            "Kessler Institute",
            ALLIANCE,
        ),
        (
            "Members of the Veltra Quantum Alliance include Orbion University and Orbion Technologies.",
            "Orbion Technologies",
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance brings together Orbion University, the Kessler Institute and Orbion Technologies.",
            "Orbion University",
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance consortium comprises Orbion University and the Kessler Institute.",
            "Kessler Institute",
            ALLIANCE,
        ),
        (
            "Orbion Technologies participates in the National Quantum Initiative.",
            "Orbion Technologies",
            "National Quantum Initiative",
        ),
        ("Kessler Group acquired Orbion Systems in 2021.", "Orbion Systems", "Kessler Group"),
        (
            "Orbion Systems, acquired by Kessler Group in 2021, builds ion traps.",
            "Orbion Systems",
            "Kessler Group",
        ),
        ("Orbion Systems is owned by Kessler Group.", "Orbion Systems", "Kessler Group"),
        ("Kessler Group's Orbion Systems builds ion traps.", "Orbion Systems", "Kessler Group"),
    ],
)
def test_part_of(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a partner of a company is its partner, not a part of it
        ("Orbion Technologies is a partner of Kessler Group.", "Orbion Technologies", "Kessler Group"),
        # a place's possessive only qualifies the whole; the place takes no member
        (
            "Orbion Technologies and Tessaly Labs are part of Lyon's growing quantum cluster.",
            "Orbion Technologies",
            "Lyon",
        ),
        # a stake is an investment, not ownership of the whole
        ("Kessler Group acquired a stake in Orbion Systems.", "Orbion Systems", "Kessler Group"),
        (
            "Orbion Technologies signed a partnership with the Veltra Quantum Alliance.",
            "Orbion Technologies",
            ALLIANCE,
        ),
        # a supplier or customer picked by a company is no part of it
        (
            "Orbion Technologies has been selected as a supplier by Nexra Systems.",
            "Orbion Technologies",
            "Nexra Systems",
        ),
        (
            "Nexra Systems added Orbion Technologies to its list of suppliers.",
            "Orbion Technologies",
            "Nexra Systems",
        ),
        # a company (not a group) welcoming a partner takes no member
        ("Nexra Systems welcomed Orbion Technologies as a partner.", "Orbion Technologies", "Nexra Systems"),
        # a fund that invested in a company is not its arm
        (
            "The round drew Orbion Capital, a growth fund that backed Veltra Partners before.",
            "Orbion Capital",
            "Veltra Partners",
        ),
        # set up under a law or agreement between companies is no programme membership
        (
            "The Kessler Quantum Institute was established under an agreement with Nexra Systems.",
            "Kessler Quantum Institute",
            "Nexra Systems",
        ),
        # the winners of a company's prize are not its members
        (
            "Lumora Photonics was among the winners of the Nexra Systems innovation prize.",
            "Lumora Photonics",
            "Nexra Systems",
        ),
        # a company's partnership between two others makes neither a part of it
        (
            "The Nexra Systems partnership between Lumora Photonics and Orbion University was renewed.",
            "Lumora Photonics",
            "Nexra Systems",
        ),
    ],
)
def test_not_part_of(facts: Run, text: str, a: str, b: str) -> None:
    assert not facts(text).has(a, "PART_OF", b)


@pytest.mark.parametrize(
    ("text", "leader", "led"),
    [
        (
            "The Quantum Valley Programme, led by the Kessler Institute, will fund ten projects.",
            "Kessler Institute",
            "Quantum Valley Programme",
        ),
        (
            "The Quantum Valley Programme is coordinated by the Kessler Institute and Orbion University.",
            "Orbion University",
            "Quantum Valley Programme",
        ),
        (
            "Orbion University leads the Quantum Valley initiative.",
            "Orbion University",
            "Quantum Valley Initiative",
        ),
        (
            "The Kessler Institute chairs the National Quantum Council.",
            "Kessler Institute",
            "National Quantum Council",
        ),
        (
            "The Ministry of Science will oversee the Quantum Valley Programme.",
            "Ministry of Science",
            "Quantum Valley Programme",
        ),
        (
            "The Quantum Valley Programme, under the leadership of the Kessler Institute, starts in May.",
            "Kessler Institute",
            "Quantum Valley Programme",
        ),
        (
            "Headed and operated by Orbion Technologies, the Kessler Quantum Centre opened in 2023.",
            "Orbion Technologies",
            "Kessler Quantum Centre",
        ),
        (
            "The Quantum Sensing Challenge is delivered by the Kessler Innovation Agency.",
            "Kessler Innovation Agency",
            "Quantum Sensing Challenge",
        ),
    ],
)
def test_leads(facts: Run, text: str, leader: str, led: str) -> None:
    f = facts(text)
    assert f.has(leader, "LEADS", led), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion University and the Kessler Institute are leading the Quantum Valley initiative.",
        "Orbion University and the Kessler Institute jointly lead the Quantum Valley Initiative.",
        "Orbion University, Tarvel University and the Kessler Institute will lead the Quantum Valley Initiative.",
    ],
)
def test_coordinated_leaders_all_lead(facts: Run, text: str) -> None:
    f = facts(text)
    for leader in ("Orbion University", "Kessler Institute"):
        assert f.has(leader, "LEADS", "Quantum Valley Initiative"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Science has chosen Nordic research institute Kessler Institute to lead its Quantum "
        "Valley Initiative.",
        "The Kessler Institute has been selected to coordinate the Quantum Valley Initiative.",
        "The Ministry of Science named the Kessler Institute as the coordinator of the Quantum Valley Initiative.",
    ],
)
def test_chosen_to_lead(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Kessler Institute", "LEADS", "Quantum Valley Initiative"), f.triples()
    assert not f.has("Ministry of Science", "LEADS", "Quantum Valley Initiative"), f.triples()


def test_funded_to_establish_and_lead(facts: Run) -> None:
    f = facts(
        "Tarvel University will receive a $26 million grant from the Ohio Science Agency to establish and lead "
        "a new Quantum Sensing Center."
    )
    assert f.has("Tarvel University", "LEADS", "Quantum Sensing Center"), f.triples()
    assert not f.has("Ohio Science Agency", "LEADS", "Quantum Sensing Center"), f.triples()
    g = facts(
        "The Ohio Science Agency has awarded Tarvel University a grant to lead a new Quantum Sensing Center."
    )
    assert not g.has("Ohio Science Agency", "LEADS", "Quantum Sensing Center"), g.triples()


def test_programme_in_focus_implemented_by_after_an_adverb(facts: Run) -> None:
    f = facts(
        "The cabinet approved the Quantix Mission in 2023. Currently, the mission is being implemented by the "
        "innovation hub (KQH) at Kessler University."
    )
    hub = f.names[f.entity("KQH")]  # the acronym names the hub however its long form reads
    assert f.has(hub, "LEADS", "Quantix Mission"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Kessler University is the lead partner of the Quantix Consortium.",
        "Kessler University will serve as the lead institution for the Quantix Consortium.",
        "Kessler University is the coordinator of the Quantix Consortium.",
        "Kessler University, which leads the Quantix Consortium, hired staff.",
    ],
)
def test_lead_roles_of_an_organisation(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Kessler University", "LEADS", "Quantix Consortium"), f.triples()


def test_a_lead_investor_or_lead_author_is_no_leader_of_a_group(facts: Run) -> None:
    f = facts(
        "Kessler University is the lead author of the Quantix Report, and a partner of the Quantix Consortium."
    )
    assert not f.has("Kessler University", "LEADS", "Quantix Consortium"), f.triples()


def test_chosen_to_join_is_no_leadership(facts: Run) -> None:
    f = facts("The Kessler Institute has been selected to join the Quantum Valley Initiative.")
    assert not f.has("Kessler Institute", "LEADS", "Quantum Valley Initiative"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Orbion Quantum Network forms part of the government's National Quantum Programme.",
        "The Orbion Quantum Network will form an integral part of the National Quantum Programme.",
    ],
)
def test_forms_part_of(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Orbion Quantum Network", "PART_OF", "National Quantum Programme"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Sanko Quantum, a fully owned Sanko Electric subsidiary, will hold 23% of the shares.",
        "Sanko Quantum, a wholly-owned Sanko Electric unit, builds sensors.",
    ],
)
def test_owned_subsidiary_named_with_its_owner_as_modifier(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Sanko Quantum", "PART_OF", "Sanko Electric"), f.triples()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        ("Sanko Quantum operates as a unit of Sanko Electric.", "Sanko Quantum", "Sanko Electric"),
        ("Sanko Electric owns Sanko Quantum.", "Sanko Quantum", "Sanko Electric"),
        (
            "Sanko Quantum, which Sanko Electric acquired in 2020, builds lasers.",
            "Sanko Quantum",
            "Sanko Electric",
        ),
        (
            "Orbion Quantum has been a member of the Quantix Alliance since 2020.",
            "Orbion Quantum",
            "Quantix Alliance",
        ),
        ("Orbion Quantum signed up to the Quantix Alliance.", "Orbion Quantum", "Quantix Alliance"),
        (
            "Orbion Quantum is one of eight companies in the Quantix Alliance.",
            "Orbion Quantum",
            "Quantix Alliance",
        ),
    ],
)
def test_ownership_and_membership_phrasings(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Sanko Electric owns Sanko Quantum's building.",
        "Sanko Electric owns Sanko Quantum shares.",
        "The state of Ohio owns the Kessler Quantum Hub.",
    ],
)
def test_owning_a_thing_or_a_public_owner_is_no_membership(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "PART_OF" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        (
            "The Kessler Centre for Quantum Technology (part of Sanko Electric's Quantix Accelerator Programme) opened.",
            "Kessler Centre for Quantum Technology",
            "Quantix Accelerator Programme",
        ),
        (
            "The Quantix Fund positions itself as an agnostic investor and as the investment arm of the Quantix "
            "Accelerator Programme.",
            "Quantix Fund",
            "Quantix Accelerator Programme",
        ),
        (
            "The ministry has identified three institutes, namely Kessler University, Tarvel University and "
            "Sanko Electric, to join the Quantix Network.",
            "Tarvel University",
            "Quantix Network",
        ),
    ],
)
def test_parts_in_brackets_arms_and_picked_members(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()
    assert not f.has("Sanko Electric", "PART_OF", "Quantix Accelerator Programme"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Kessler University-led Quantix Consortium received $5 million.",
        "The Quantix Consortium, a Kessler University-led partnership, received $5 million.",
    ],
)
def test_a_leader_named_as_a_modifier(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Kessler University", "LEADS", "Quantix Consortium"), f.triples()


def test_whose_members_include(facts: Run) -> None:
    f = facts(
        "The Quantix Alliance, whose founding members include Sanko Electric and Hanbit Telecom, met in May."
    )
    for member in ("Sanko Electric", "Hanbit Telecom"):
        assert f.has(member, "PART_OF", "Quantix Alliance"), f.triples()


def test_named_as_one_of_a_groups_members(facts: Run) -> None:
    f = facts(
        "The administration in July jointly named Ohio and Kentucky as one of 12 Regional Innovation Hubs."
    )
    for region in ("Ohio", "Kentucky"):
        assert f.has(region, "PART_OF", "Regional Innovation Hubs"), f.triples()
    g = facts("The board named Kessler University as the winner of the prize.")
    assert not any(t == "PART_OF" for _, t, _ in g.triples()), g.triples()


def test_an_organisation_as_part_of_another(facts: Run) -> None:
    f = facts(
        "The work gained £2 million in funding from the Kessler Research Council, as part of Ruritania Research "
        "Agency, and from the Tarvel Institute, as part of the Quantix Programme."
    )
    assert f.has("Kessler Research Council", "PART_OF", "Ruritania Research Agency"), f.triples()
    assert not f.has("Tarvel Institute", "PART_OF", "Quantix Programme"), f.triples()


def test_a_fronted_place_does_not_lead_with_the_organisations(facts: Run) -> None:
    f = facts("In Lyon, Orbion University and the Kessler Institute lead the Quantum Valley Initiative.")
    assert f.has("Kessler Institute", "LEADS", "Quantum Valley Initiative"), f.triples()
    assert not f.has("Lyon", "LEADS", "Quantum Valley Initiative")


def test_passive_leader_is_not_reversed(facts: Run) -> None:
    f = facts("The Quantum Valley Programme is coordinated by the Kessler Institute and Orbion University.")
    assert not f.has("Quantum Valley Programme", "LEADS", "Kessler Institute")


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum's Series B was led by Kessler Ventures.",
        "Funding for Veltra Quantum was led by Kessler Ventures.",
        "The round was led by Kessler Ventures with participation from Orbion Capital.",
    ],
)
def test_funding_rounds_are_not_leadership(facts: Run, text: str) -> None:
    assert not any(t == "LEADS" for _, t, _ in facts(text).triples())


def test_operating_a_company_is_not_leading_it(facts: Run) -> None:
    # "run by" an organisation only says who leads a programme, cluster or institute
    f = facts("Orbion Systems is run by Kessler Group.")
    assert not f.has("Kessler Group", "LEADS", "Orbion Systems")


def test_apposed_partner_of_a_company_is_not_a_part(facts: Run) -> None:
    f = facts("Orbion Technologies, a long-time partner of Kessler Group, builds ion traps.")
    assert not f.has("Orbion Technologies", "PART_OF", "Kessler Group")


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        (
            "The Veltra Quantum Alliance is an alliance of Orbion University and four other partners in the "
            "region: the Kessler Institute, Orbion Technologies and Veltra University.",
            "Veltra University",
            ALLIANCE,
        ),
        (
            "Also among the Veltra Quantum Alliance's partners are research centres such as the Kessler "
            "Institute and Orbion University.",
            "Kessler Institute",
            ALLIANCE,
        ),
        (
            "The Kessler Innovation Agency, the Ministry of Science's funding agency, committed £100 million.",
            "Kessler Innovation Agency",
            "Ministry of Science",
        ),
        (
            "The Veltra Quantum Alliance welcomed Orbion Technologies and Nexra Systems as new members.",
            "Nexra Systems",
            ALLIANCE,
        ),
        (
            "Last year the Kessler Quantum Exchange added four new corporate partners, including Nexra Systems "
            "and Lumora Photonics.",
            "Lumora Photonics",
            "Kessler Quantum Exchange",
        ),
        (
            "Orbion Technologies and Nexra Systems have been selected for the Horizon Quantum Accelerator Programme.",
            "Orbion Technologies",
            "Horizon Quantum Accelerator Programme",
        ),
        (
            "The winners of the Quantum Sensing Challenge are Nexra Systems, Lumora Photonics and Orbion Technologies.",
            "Lumora Photonics",
            "Quantum Sensing Challenge",
        ),
        (
            "The Veltra Centre for Quantum Optics, where R K Menon once taught, was set up under the national "
            "Quantum Frontiers Programme to advance research.",
            "Veltra Centre for Quantum Optics",
            "Quantum Frontiers Programme",
        ),
        (
            "The Kessler Quantum Institute was established in 2019 under the Horizon Quantum Initiative.",
            "Kessler Quantum Institute",
            "Horizon Quantum Initiative",
        ),
        (
            "The round was led by Kessler Ventures, the venture arm of the conglomerate Kessler Group, and others.",
            "Kessler Ventures",
            "Kessler Group",
        ),
        (
            "The seed money came from Orbion Capital, a growth fund tied to the bank Veltra Partners.",
            "Orbion Capital",
            "Veltra Partners",
        ),
        (
            "Lumora Photonics and Nexra Systems were among the winners of the Quantum Sensing Challenge.",
            "Nexra Systems",
            "Quantum Sensing Challenge",
        ),
        (
            "The Veltra Quantum Alliance's founding partners also include Nexra Systems and Orbion University.",
            "Orbion University",
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance, a partnership between Orbion University and Nexra Systems, opened a lab.",
            "Nexra Systems",
            ALLIANCE,
        ),
        (
            "The trilateral Kessler Quantum Consortium partnership between Nexra Systems, Lumora Photonics and "
            "Orbion University has set up working groups.",
            "Lumora Photonics",
            "Kessler Quantum Consortium",
        ),
    ],
)
def test_part_of_groups_and_arms(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


def test_fund_managed_by(facts: Run) -> None:
    f = facts("The remaining capital came from the Veltra Growth Fund managed by Kessler Capital Management.")
    assert f.has("Kessler Capital Management", "LEADS", "Veltra Growth Fund")


def test_this_programme_led_by(facts: Run) -> None:
    f = facts(
        "Portugal and Japan launched the Quantum Bridge Programme in May. "
        "This initiative will be led by the Kessler Institute and the Ministry of Science."
    )
    assert f.has("Kessler Institute", "LEADS", "Quantum Bridge Programme"), f.triples()
    assert f.has("Ministry of Science", "LEADS", "Quantum Bridge Programme")


def test_listed_organisations_make_up_a_group(facts: Run) -> None:
    f = facts(
        "Orbion Technologies, Kessler Systems and the Kessler Institute make up the Veltra Quantum Alliance."
    )
    assert f.has("Kessler Systems", "PART_OF", ALLIANCE), f.triples()
    assert f.has("Kessler Institute", "PART_OF", ALLIANCE)


def test_leadership_inside_an_apposition(facts: Run) -> None:
    f = facts(
        "The rest came from Orbion Capital, the Veltra Growth Fund managed by Kessler Capital Management, "
        "Lumen Ventures and Aster Capital."
    )
    assert f.has("Kessler Capital Management", "LEADS", "Veltra Growth Fund"), f.triples()
    assert not f.has("Lumen Ventures", "LEADS", "Veltra Growth Fund")


def test_owner_named_as_a_modifier(facts: Run) -> None:
    f = facts("Tomas Berg, CEO of Kessler Systems, an Orbion Technologies company, spoke next.")
    assert f.has("Kessler Systems", "PART_OF", "Orbion Technologies"), f.triples()


def test_a_qualified_mention_is_not_the_member(facts: Run) -> None:
    f = facts(
        "The advisory board members of the new Kessler Institute are all part of the Veltra Quantum Alliance."
    )
    assert not f.has("Kessler Institute", "PART_OF", ALLIANCE)


def test_members_listed_after_a_colon(facts: Run) -> None:
    f = facts(
        "The Veltra Quantum Alliance is an alliance of Orbion University and three other partners in the "
        "Lyon region: the Kessler Institute, Orbion Technologies and Kessler Systems."
    )
    assert f.has("Kessler Systems", "PART_OF", ALLIANCE), f.triples()
    assert f.has("Orbion University", "PART_OF", ALLIANCE)
    assert not f.has("Lyon", "PART_OF", ALLIANCE)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ferreira, CEO of Orbion Technologies (a Veltra Quantum Alliance founding member), spoke first.",
        "Orbion Technologies (a member of the Veltra Quantum Alliance) spoke first.",
    ],
)
def test_membership_in_brackets(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Orbion Technologies", "PART_OF", ALLIANCE), f.triples()


def test_participants_include(facts: Run) -> None:
    f = facts(
        "Institutions that will participate in the Veltra Quantum Alliance include Orbion University, "
        "the Kessler Institute and Kessler Systems."
    )
    assert f.has("Kessler Systems", "PART_OF", ALLIANCE), f.triples()


def test_joining_a_centre(facts: Run) -> None:
    f = facts("Orbion University has joined the Kessler Quantum Centre.")
    assert f.has("Orbion University", "PART_OF", "Kessler Quantum Centre"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Technologies partnered with Veltra Quantum, which is led by a team of former Kessler Institute researchers.",
        "The deal was announced by Orbion Technologies and Veltra Quantum on Monday.",
        "Kessler Ventures led the round, and Orbion Capital joined.",
        "Orbion Technologies and Veltra Quantum are members of the board.",
        "The workshop was chaired by a representative of Orbion Technologies.",
        "Orbion University is a partner of Veltra Quantum in the project.",
        "Veltra Quantum acquired a 10% stake in Orbion Technologies.",
        "Veltra Quantum bought equipment from Orbion Technologies.",
    ],
)
def test_no_membership_or_leadership(facts: Run, text: str) -> None:
    assert not any(t in {"PART_OF", "LEADS"} for _, t, _ in facts(text).triples())


def test_led_by_in_a_later_relative_clause(facts: Run) -> None:
    f = facts(
        "Orbion Technologies won the Quantum Bridge Programme project, which is worth $40 million and is led "
        "by the Ministry of Science."
    )
    assert f.has("Ministry of Science", "LEADS", "Quantum Bridge Programme"), f.triples()


def test_fronted_leader_with_a_title_named_by_surname(facts: Run) -> None:
    f = facts(
        "The first meeting was held under the leadership of Dr. Ana Chowdhry. "
        "Chaired by Dr. Chowdhry, the Quantum Advisory Council approved the plan."
    )
    assert f.has("Ana Chowdhry", "LEADS", "Quantum Advisory Council"), f.triples()


def test_founders_of_a_group_are_members(facts: Run) -> None:
    f = facts(
        "Orbion Technologies, Kessler Systems and the Kessler Institute signed a memorandum of understanding "
        "to formally establish the Veltra Quantum Alliance."
    )
    assert f.has("Kessler Systems", "PART_OF", ALLIANCE), f.triples()


def test_groups_launched_together_have_their_launchers_as_members(facts: Run) -> None:
    f = facts(
        "Orbion Technologies, Kessler Systems and the Kessler Institute launched the Veltra Quantum Alliance."
    )
    for member in ("Orbion Technologies", "Kessler Systems", "Kessler Institute"):
        assert f.has(member, "PART_OF", ALLIANCE), f.triples()
    g = facts("Orbion Technologies and Kessler Systems launched the Veltra Quantum Programme.")
    assert not any(t == "PART_OF" for _, t, _ in g.triples()), g.triples()  # a programme, not a group


def test_one_founder_is_not_a_membership(facts: Run) -> None:
    f = facts("Orbion Technologies established the Veltra Quantum Alliance in 2020.")
    assert not f.has("Orbion Technologies", "PART_OF", ALLIANCE)


def test_founders_of_a_council(facts: Run) -> None:
    f = facts(
        "The Veltra Quantum Alliance and the Orbion Quantum Consortium formed the Quantum Industry Council."
    )
    assert f.has("Orbion Quantum Consortium", "PART_OF", "Quantum Industry Council"), f.triples()


def test_ministries_founding_an_office_are_not_its_members(facts: Run) -> None:
    f = facts("The Ministry of Science and the Ministry of Finance established the National Quantum Office.")
    assert not any(t == "PART_OF" for _, t, _ in f.triples())


def test_selected_to_lead_is_no_membership(facts: Run) -> None:
    f = facts("Orbion Technologies was selected to lead the Horizon Quantum Accelerator Programme.")
    assert not f.has("Orbion Technologies", "PART_OF", "Horizon Quantum Accelerator Programme")


def test_admitted_to_a_programme(facts: Run) -> None:
    f = facts(
        "Nexra Systems and Orbion Technologies were admitted to the Horizon Quantum Accelerator Programme."
    )
    assert f.has("Nexra Systems", "PART_OF", "Horizon Quantum Accelerator Programme"), f.triples()


def test_members_of_a_group_listed_after_are_and_a_colon(facts: Run) -> None:
    f = facts(
        "The new members of the Northern Quantum Alliance are: Veltra Institute, Orbion Quantum and Kessler University."
    )
    for member in ("Veltra Institute", "Orbion Quantum", "Kessler University"):
        assert f.has(member, "PART_OF", "Northern Quantum Alliance"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Quantix Alliance was launched on Monday. Founding members of the consortium include "
        "Sanko Electric and Hanbit Telecom.",
        "The Quantix Alliance was launched on Monday. Sanko Electric and Hanbit Telecom are also the group's members.",
        "The Quantix Alliance was launched on Monday. Sanko Electric and Hanbit Telecom are members of the network.",
        "The Quantix Alliance was launched on Monday. The alliance, which includes Sanko Electric and Hanbit "
        "Telecom, will train engineers.",
        "The Quantix Alliance was launched on Monday. The network now includes Sanko Electric, Hanbit Telecom "
        "and Orbion Systems.",
    ],
)
def test_members_listed_against_the_description_of_a_group_named_before(facts: Run, text: str) -> None:
    f = facts(text)
    for member in ("Sanko Electric", "Hanbit Telecom"):
        assert f.has(member, "PART_OF", "Quantix Alliance"), f.triples()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        (
            "The Quantix Challenge closed in May. The winning companies are: Orbion Systems and Kelvion Technologies.",
            "Orbion Systems",
            "Quantix Challenge",
        ),
        (
            "Both the Nordlys Institute and Kessler University are key partners in the Quantix Programme.",
            "Kessler University",
            "Quantix Programme",
        ),
    ],
)
def test_winners_of_a_competition_named_before_and_listed_partners(
    facts: Run, text: str, member: str, group: str
) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


def test_members_bulleted_after_the_named_group(facts: Run) -> None:
    f = facts(
        "The county launched the Quantix Consortium in May.\n"
        "Members of the Quantix Consortium include:\n"
        "• Sanko Electric\n"
        "• The Coding Guild\n"
        "• Hanbit Telecom\n"
        "The group meets monthly."
    )
    for member in ("Sanko Electric", "Hanbit Telecom"):
        assert f.has(member, "PART_OF", "Quantix Consortium"), f.triples()


@pytest.mark.parametrize(
    "intro", ["Its members are:", "The consortium comprises:", "The consortium members include:"]
)
def test_members_bulleted_after_a_description_of_the_group_in_focus(facts: Run, intro: str) -> None:
    f = facts(
        f"The county launched the Quantix Consortium in May.\n{intro}\n• Sanko Electric\n• Hanbit Telecom\n"
        "The group meets monthly."
    )
    for member in ("Sanko Electric", "Hanbit Telecom"):
        assert f.has(member, "PART_OF", "Quantix Consortium"), f.triples()


def test_new_members_of_the_group_in_focus_and_its_leader(facts: Run) -> None:
    f = facts(
        "Last year we reported on the formation of the Quantix Alliance. This organization has since grown. "
        "It now counts 24 organisations. The new members include Sanko Electric and Hanbit Telecom. "
        "Membership is free. The alliance is led by Kessler University. "
        "The other original participants include Orbion Systems and Tarvel University."
    )
    for member in ("Sanko Electric", "Hanbit Telecom", "Orbion Systems", "Tarvel University"):
        assert f.has(member, "PART_OF", "Quantix Alliance"), f.triples()
    assert f.has("Kessler University", "LEADS", "Quantix Alliance"), f.triples()


def test_new_members_without_a_group_in_focus_join_nothing(facts: Run) -> None:
    f = facts("Sanko Electric hired staff. The new members include Hanbit Telecom and Orbion Systems.")
    assert not any(t == "PART_OF" for _, t, _ in f.triples()), f.triples()


def test_a_group_description_including_things_that_are_not_organisations(facts: Run) -> None:
    f = facts(
        "The Quantix Alliance was launched on Monday. The network includes a mix of large and small firms. "
        "The initiative, which includes Sanko Electric, trains engineers."
    )
    # "the initiative" is no cluster, and no programme was named before it
    assert not f.has("Sanko Electric", "PART_OF", "Quantix Alliance"), f.triples()


def test_a_description_takes_only_a_group_of_its_kind(facts: Run) -> None:
    # "the consortium" is no programme: the only group named before is the Quantix Programme
    f = facts(
        "The Quantix Programme was launched on Monday. Founding members of the consortium include "
        "Sanko Electric and Hanbit Telecom."
    )
    assert not f.has("Sanko Electric", "PART_OF", "Quantix Programme"), f.triples()


def test_winners_listed_line_by_line_join_the_competition_named_before(facts: Run) -> None:
    f = facts(
        "Minister Ada Lin announced the results of the £30m quantum computing testbed competition.\n"
        "The programme is funded through the Kessler Missions Fund.\n"
        "The winning companies are:\n"
        "• Orbion Systems, Lyon\n"
        "• Kelvion Technologies, Tarnow\n"
        "In other news, Sanko Electric opened a lab."
    )
    for member in ("Orbion Systems", "Kelvion Technologies"):
        assert f.has(member, "PART_OF", "quantum computing testbed competition"), f.triples()
        assert not f.has(member, "PART_OF", "Kessler Missions Fund"), f.triples()
    assert not f.has("Sanko Electric", "PART_OF", "quantum computing testbed competition")


def test_first_members_of_a_house_named_before(facts: Run) -> None:
    f = facts(
        "The House of Quantum opened a second building in Delft. The first members who are setting up "
        "offices in this building are Sanko Electric, Hanbit Telecom & Nordlys Bank."
    )
    assert {e.name: e.type.value for e in f.kg.entities}.get("House of Quantum") == "Cluster"
    for member in ("Sanko Electric", "Hanbit Telecom", "Nordlys Bank"):
        assert f.has(member, "PART_OF", "House of Quantum"), f.triples()


def test_the_new_hub_led_funded_and_bringing_together_named_members(facts: Run) -> None:
    f = facts(
        "The Northern Quantum Networks Hub will develop quantum links. Led by Kessler University and supported "
        "by £12M of EPSRC funding, the new Hub brings together the expertise of four "
        "leading universities (Tarnow, Elbing, Imperial and Queen's Veltra), two laboratories – the Nordlys "
        "Institute and the Sanko Laboratory – and 20 industrial partners to secure the region's lead in sensing."
    )
    hub = "Northern Quantum Networks Hub"
    assert f.has("Kessler University", "LEADS", hub), f.triples()
    assert f.has("EPSRC", "INVESTS_IN", hub), f.triples()
    for member in ("Tarnow", "Queen's Veltra", "Nordlys Institute", "Sanko Laboratory"):
        assert f.has(member, "PART_OF", hub), f.triples()
    consortia = [ps for kind, ps in f.agreements() if kind == "Consortium"]
    assert consortia
    assert {"Kessler University", "Tarnow", "Sanko Laboratory"} <= consortia[0]


def test_an_event_bringing_people_together_makes_no_members(facts: Run) -> None:
    f = facts(
        "The Quantix Alliance met in May. The summit brought together Kessler University, Orbion Systems and "
        "the Nordlys Institute."
    )
    assert not [t for t in f.triples() if t[1] == "PART_OF"], f.triples()
    assert not [ps for kind, ps in f.agreements() if kind == "Consortium"]


def test_a_centre_at_its_host_is_part_of_it_and_no_party(facts: Run) -> None:
    f = facts(
        "The Center for Quantum Optics (CQO) at Kessler University and the Institute for Qubit Physics at "
        "Veltra University have announced a new agreement on academic exchange."
    )
    assert f.has("Center for Quantum Optics", "PART_OF", "Kessler University"), f.triples()
    assert f.has("Institute for Qubit Physics", "PART_OF", "Veltra University"), f.triples()
    assert f.has("Center for Quantum Optics", "PARTNERS_WITH", "Institute for Qubit Physics"), f.triples()
    assert not f.has("Kessler University", "PARTNERS_WITH", "Veltra University"), f.triples()


def test_finalist_of_an_agencys_challenge_and_no_member_of_a_company(facts: Run) -> None:
    f = facts(
        "Orbion Quantum, established in Quebec in 2017, is also a finalist in the Kessler Agency’s Veltra "
        "Challenge. Nordlys Labs is the winner of Sanko Electric."
    )
    assert f.has("Orbion Quantum", "PART_OF", "Veltra Challenge"), f.triples()
    assert not f.has("Nordlys Labs", "PART_OF", "Sanko Electric"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Nordic Quantum Platform was set up in May. The platform consists of nine partners: Kessler "
        "University, Helix Quantum AB and Orbion Labs.",
        "The Eastport Quantum Alliance was launched in May. The alliance is made up of Kessler University, "
        "Helix Quantum AB and Orbion Labs.",
        "The Eastport Quantum Alliance was launched in May. This alliance brings together Kessler University, "
        "Helix Quantum AB and Orbion Labs.",
    ],
)
def test_a_described_group_consisting_of_a_counted_list(facts: Run, text: str) -> None:
    f = facts(text)
    group = "Nordic Quantum Platform" if "Platform" in text else "Eastport Quantum Alliance"
    for member in ("Kessler University", "Helix Quantum AB", "Orbion Labs"):
        assert f.has(member, "PART_OF", group), f.triples()


def test_a_group_consisting_of_customers_is_no_membership(facts: Run) -> None:
    f = facts(
        "The Eastport Quantum Alliance was launched in May. Orbion Labs sells to Kessler University, which "
        "consists of nine faculties."
    )
    assert not f.has("Kessler University", "PART_OF", "Eastport Quantum Alliance"), f.triples()


# --- member lists as articles write them (loaders/rules/member_lists.py) ---------------------


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        (
            # kinds before the members, "as well as" between them
            "The Veltra Quantum Alliance includes the start-ups Orbion Systems and Kessler Photonics, the chipmaker "
            "Nordica Semiconductor as well as the University of Kestrel.",
            ("Orbion Systems", "Kessler Photonics", "Nordica Semiconductor", "University of Kestrel"),
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance is anchored by the University of Kestrel, the Halvard Institute of "
            "Technology and Orbion Systems.",
            ("University of Kestrel", "Halvard Institute of Technology", "Orbion Systems"),
            ALLIANCE,
        ),
        (
            "The ten partners of the Kestrel Quantum Project are Orbion Systems (France), Kessler Photonics "
            "(Germany) and the University of Kestrel.",
            ("Orbion Systems", "Kessler Photonics", "University of Kestrel"),
            "Kestrel Quantum Project",
        ),
        (
            "The Kestrel Quantum Project involves Orbion Systems, Kessler Photonics and Nordica Semiconductor.",
            ("Orbion Systems", "Kessler Photonics", "Nordica Semiconductor"),
            "Kestrel Quantum Project",
        ),
        (
            "Kessler Photonics joined the Veltra Quantum Alliance alongside Nordica Semiconductor and the "
            "University of Kestrel.",
            ("Kessler Photonics", "Nordica Semiconductor", "University of Kestrel"),
            ALLIANCE,
        ),
        (
            "Orbion Systems, Kessler Photonics and Nordica Semiconductor are taking part in the Kestrel "
            "Quantum Project.",
            ("Orbion Systems", "Kessler Photonics", "Nordica Semiconductor"),
            "Kestrel Quantum Project",
        ),
        (
            # a group the mentions typed as a company: "brings together" says it has members
            "QuantaBay Labs brings together Orbion Systems, Kessler Photonics and Nordica Semiconductor.",
            ("Orbion Systems", "Kessler Photonics", "Nordica Semiconductor"),
            "QuantaBay Labs",
        ),
        (
            "Orbion Systems was established in 2022 under the National Science Foundation's Kestrel Quantum "
            "Program.",
            ("Orbion Systems",),
            "Kestrel Quantum Program",
        ),
        (
            "The Veltra Quantum Alliance was founded in 2021. "
            "These new industry partners are Orbion Systems, Kessler Photonics and Nordica Semiconductor.",
            ("Orbion Systems", "Kessler Photonics", "Nordica Semiconductor"),
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance was founded in 2021. "
            "The three other new partners include Orbion Systems and Kessler Photonics.",
            ("Orbion Systems", "Kessler Photonics"),
            ALLIANCE,
        ),
    ],
)
def test_member_lists_as_articles_write_them(
    facts: Run, text: str, members: tuple[str, ...], group: str
) -> None:
    f = facts(text)
    for member in members:
        assert f.has(member, "PART_OF", group), (member, f.triples())


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            # an apposition inside a list names one more member, not the same one again
            "A new consortium presented today includes Europe's leading start-ups Orbion Systems and Kessler "
            "Photonics, the chipmaker Nordica Semiconductor, the research centre Halvard Institute of Technology "
            "and the University of Kestrel.",
            {
                "Orbion Systems",
                "Kessler Photonics",
                "Nordica Semiconductor",
                "Halvard Institute of Technology",
                "University of Kestrel",
            },
        ),
        (
            "Orbion Systems, Kessler Photonics and the University of Kestrel have launched the Veltra Quantum "
            "Alliance.",
            {"Orbion Systems", "Kessler Photonics", "University of Kestrel"},
        ),
        (
            "The Veltra Quantum Alliance is anchored by the University of Kestrel, the Halvard Institute of "
            "Technology and Orbion Systems.",
            {"University of Kestrel", "Halvard Institute of Technology", "Orbion Systems"},
        ),
    ],
)
def test_member_lists_give_one_consortium(facts: Run, text: str, parties: set[str]) -> None:
    f = facts(text)
    assert ("Consortium", frozenset(parties)) in f.agreements(), f.agreements()
    assert len([a for a in f.agreements() if a[0] == "Consortium"]) == 1, f.agreements()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a place qualifying a member is not one
        (
            "The Kestrel Quantum Project involves Orbion Systems in Germany and Kessler Photonics.",
            "Germany",
            "Kestrel Quantum Project",
        ),
        # the list stops where the sentence goes on
        (
            "The Veltra Quantum Alliance includes Orbion Systems and Kessler Photonics, and plans to work with "
            "Nordica Semiconductor.",
            "Nordica Semiconductor",
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance includes Orbion Systems and Kessler Photonics, which sells lasers to "
            "Nordica Semiconductor.",
            "Nordica Semiconductor",
            ALLIANCE,
        ),
        # a company's partners and customers are not its members
        (
            "Kessler Photonics includes Orbion Systems and Nordica Semiconductor among its customers.",
            "Orbion Systems",
            "Kessler Photonics",
        ),
        (
            "Kessler Photonics links Orbion Systems and Nordica Semiconductor.",
            "Orbion Systems",
            "Kessler Photonics",
        ),
        # one launcher of a programme: a joint programme, no group
        (
            "Orbion Systems and Kessler Photonics launched the Veltra Quantum Programme.",
            "Orbion Systems",
            "Veltra Quantum Programme",
        ),
    ],
)
def test_member_list_near_misses(facts: Run, text: str, a: str, b: str) -> None:
    assert not facts(text).has(a, "PART_OF", b)


def test_examples_of_members_make_no_consortium(facts: Run) -> None:
    f = facts(
        "Also among the Veltra Quantum Alliance's partners are research centres such as the Halvard Institute "
        "of Technology (Norway) and the University of Kestrel (Denmark)."
    )
    assert f.has("University of Kestrel", "PART_OF", ALLIANCE), f.triples()
    assert not [a for a in f.agreements() if a[0] == "Consortium"], f.agreements()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        ("Orbion Systems is a Kessler Group company.", "Orbion Systems", "Kessler Group"),
        (
            "As a member of the Veltra Quantum Alliance, Orbion Systems will share its roadmap.",
            "Orbion Systems",
            ALLIANCE,
        ),
        (
            "The Veltra Quantum Alliance has welcomed Orbion Systems as its newest member.",
            "Orbion Systems",
            ALLIANCE,
        ),
        (
            "Orbion Systems is one of the partners in the EU-funded Kestrel Quantum Project.",
            "Orbion Systems",
            "Kestrel Quantum Project",
        ),
        (
            "Orbion Systems is among the 12 companies selected for the Kestrel Quantum Programme.",
            "Orbion Systems",
            "Kestrel Quantum Programme",
        ),
        (
            "The Kestrel Quantum Project, with partners Orbion Systems, Kessler Photonics and the University of "
            "Kestrel, aims to build a quantum computer.",
            "Kessler Photonics",
            "Kestrel Quantum Project",
        ),
        (
            "Orbion Systems coordinates the Kestrel Quantum Project, with partners Kessler Photonics and the "
            "University of Kestrel.",
            "University of Kestrel",
            "Kestrel Quantum Project",
        ),
        (
            # partners after a passive of leadership are the subject's, not its last leader's
            "The Qorridor Programme is led by the Kessler Institute and the Baltic Quantum Alliance, with founding partners "
            "including Orbion Systems and the University of Kestrel.",
            "Orbion Systems",
            "Qorridor Programme",
        ),
        (
            # a consortium carrying out the project named before
            "The Kestrel Quantum Project started in May. The consortium partners are Orbion Systems (France), "
            "Kessler Photonics (Germany) and the University of Kestrel (Norway).",
            "Kessler Photonics",
            "Kestrel Quantum Project",
        ),
        (
            "The Kestrel Quantum Project started in May. The consortium is made up of Orbion Systems, Kessler "
            "Photonics and the University of Kestrel.",
            "Orbion Systems",
            "Kestrel Quantum Project",
        ),
    ],
)
def test_parents_modifiers_and_partners_of_a_group(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a company's partners and a place as modifier are no parents
        (
            "Kessler Group, with partners Orbion Systems and Nordica Semiconductor, built the lab.",
            "Orbion Systems",
            "Kessler Group",
        ),
        ("Orbion Systems is a Lyon company.", "Orbion Systems", "Lyon"),
        ("Orbion Systems is a Kessler Group partner.", "Orbion Systems", "Kessler Group"),
        # membership of a company is no part of it
        ("Orbion Systems is a Kessler Group member.", "Orbion Systems", "Kessler Group"),
        (
            "The Qorridor Programme is led by the Kessler Institute and the Baltic Quantum Alliance, with founding partners "
            "including Orbion Systems and the University of Kestrel.",
            "University of Kestrel",
            "Baltic Quantum Alliance",
        ),
        (
            "The Kestrel Quantum Project started in May. The consortium partners are in Lyon.",
            "Lyon",
            "Kestrel Quantum Project",
        ),
    ],
)
def test_parent_near_misses(facts: Run, text: str, a: str, b: str) -> None:
    assert not facts(text).has(a, "PART_OF", b)


def test_a_member_list_as_the_subject_of_taking_part(facts: Run) -> None:
    f = facts(
        "The Veltra Quantum Alliance was launched in Lyon on Monday. The host thanked the guests. "
        "Twelve companies such as Orbion Systems and Kessler Photonics, and research centres such as the "
        "Halvard Institute of Technology, participated in the alliance."
    )
    for member in ("Orbion Systems", "Kessler Photonics", "Halvard Institute of Technology"):
        assert f.has(member, "PART_OF", ALLIANCE), (member, f.triples())
    assert not [a for a in f.agreements() if a[0] == "Consortium"], f.agreements()  # examples only
    g = facts(
        "Orbion Systems (France), Kessler Photonics and the University of Kestrel are taking part in the "
        "Kestrel Quantum Project."
    )
    parties = frozenset({"Orbion Systems", "Kessler Photonics", "University of Kestrel"})
    assert ("Consortium", parties) in g.agreements(), g.agreements()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "Orbion Systems and Kessler Photonics joined Veltra Quantum as investors.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        (
            "The Veltra Quantum Alliance met in May. Orbion Systems and Kessler Photonics participated in the "
            "funding round.",
            "Orbion Systems",
            ALLIANCE,
        ),
    ],
)
def test_taking_part_near_misses(facts: Run, text: str, a: str, b: str) -> None:
    assert not facts(text).has(a, "PART_OF", b)


def test_a_consortium_composed_of_with_its_leader_and_a_joint_venture(facts: Run) -> None:
    f = facts(
        "The consortium led by Orbion Systems is composed of Kessler Photonics, Nordica Semiconductor "
        "(a Kessler Group and Halvard Institute of Technology joint venture) and the University of Kestrel."
    )
    parties = frozenset(
        {"Orbion Systems", "Kessler Photonics", "Nordica Semiconductor", "University of Kestrel"}
    )
    assert ("Consortium", parties) in f.agreements(), f.agreements()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        ("Orbion Systems is one of the founders of the Veltra Quantum Alliance.", "Orbion Systems", ALLIANCE),
        (
            "The research network of the Veltra Quantum Alliance will also include the University of Kestrel, "
            "Kessler Photonics as well as Nordica Semiconductor.",
            "Nordica Semiconductor",
            ALLIANCE,
        ),
    ],
)
def test_founders_and_future_members(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


def test_bulleted_members_after_a_joining_intro(facts: Run) -> None:
    f = facts(
        "The Veltra Quantum Alliance was launched in 2020.\n"
        "The new schools joining the alliance are:\n"
        "• University of Kestrel\n"
        "• Halvard Institute of Technology\n"
        "• Orbion University\n"
        "The alliance will meet in May."
    )
    for member in ("University of Kestrel", "Halvard Institute of Technology", "Orbion University"):
        assert f.has(member, "PART_OF", ALLIANCE), (member, f.triples())
    parties = frozenset({"University of Kestrel", "Halvard Institute of Technology", "Orbion University"})
    assert ("Consortium", parties) in f.agreements(), f.agreements()


def test_joining_a_company_in_a_bulleted_intro_is_no_membership(facts: Run) -> None:
    f = facts(
        "Kessler Group was founded in 2020.\n"
        "The new engineers joining the company are:\n"
        "• Ada Lin\n"
        "• Orbion University\n"
    )
    assert not f.has("Orbion University", "PART_OF", "Kessler Group"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        '"We are proud to be a founding member of the Veltra Quantum Alliance," said Ada Lin, CEO of Orbion Systems.',
        '"We are delighted to have joined the Veltra Quantum Alliance," said Orbion Systems\'s CEO Ada Lin.',
        '"We have joined the Veltra Quantum Alliance to grow," Orbion Systems said.',
    ],
)
def test_a_speakers_first_person_membership_is_their_organisations(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Orbion Systems", "PART_OF", ALLIANCE), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        '"We are a member of many networks," said Ada Lin, CEO of Orbion Systems, at the Veltra Quantum Alliance summit.',
        '"We welcome Kessler Photonics as a member of the Veltra Quantum Alliance," said Ada Lin, CEO of Orbion Systems.',
    ],
)
def test_first_person_near_misses(facts: Run, text: str) -> None:
    assert not facts(text).has("Orbion Systems", "PART_OF", ALLIANCE)


@pytest.mark.parametrize(
    "text",
    [
        "Kessler Group said it is spinning out its quantum technology group, Orbion Quantum, into a new company.",
        "Vantor Labs, Kessler Group and its quantum computing unit Orbion Quantum signed the agreement.",
        "Kessler Group has merged its research arm, the Orbion Quantum lab, with a start-up.",
    ],
)
def test_unit_named_after_its_owners_pronoun(facts: Run, text: str) -> None:
    f = facts(text)
    assert any(
        s.startswith("Orbion Quantum") and t == "PART_OF" and o == "Kessler Group" for s, t, o in f.triples()
    ), f.triples()
    assert not f.has("Vantor Labs", "PART_OF", "Kessler Group"), f.triples()


def test_what_its_owner_holds_a_stake_in_is_no_unit(facts: Run) -> None:
    f = facts("Kessler Group sold its stake in Orbion Quantum to Vantor Labs.")
    assert not f.has("Orbion Quantum", "PART_OF", "Kessler Group"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Quantix Alliance was launched in 2021. Sanko Electric is one of its founding members.",
        "The Quantix Alliance was launched in 2021. Sanko Electric is among its member companies.",
    ],
)
def test_its_members_is_the_group_of_the_sentence_before(facts: Run, text: str) -> None:
    """ "its" before a group's members stands for the group in focus, never the member before it."""
    f = facts(text)
    assert f.has("Sanko Electric", "PART_OF", "Quantix Alliance"), f.triples()


def test_its_members_after_a_company_name_no_group(facts: Run) -> None:
    f = facts("Hanbit Telecom builds networks. Sanko Electric is one of its founding members.")
    assert not any(t == "PART_OF" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        (
            "Kessler University participates in the Photon Bridge Programme alongside Sanko Electric and "
            "Hanbit Telecom.",
            "Hanbit Telecom",
            "Photon Bridge Programme",
        ),
        (
            "Sanko Electric has joined the Quantix Alliance along with Hanbit Telecom.",
            "Hanbit Telecom",
            "Quantix Alliance",
        ),
    ],
)
def test_companions_of_a_participant_take_part_too(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


def test_companions_of_one_who_joined_a_company_are_no_members(facts: Run) -> None:
    f = facts("Sanko Electric joined Hanbit Telecom alongside Kessler Systems.")
    assert not f.has("Kessler Systems", "PART_OF", "Hanbit Telecom"), f.triples()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        # the owner written as a modifier
        ("Hanbit Telecom-owned Sanko Electric builds sensors.", "Sanko Electric", "Hanbit Telecom"),
        # a reduced participle of funding under a programme
        (
            "The Kessler Hub, funded under the Photon Bridge Programme, opened in May.",
            "Kessler Hub",
            "Photon Bridge Programme",
        ),
        # one of several hubs in or set up under a programme
        (
            "The Kessler Hub is one of five hubs in the Photon Bridge Programme.",
            "Kessler Hub",
            "Photon Bridge Programme",
        ),
        (
            "The Kessler Hub is one of five hubs established under the Photon Bridge Programme.",
            "Kessler Hub",
            "Photon Bridge Programme",
        ),
    ],
)
def test_owned_funded_under_and_one_of_the_hubs(facts: Run, text: str, member: str, group: str) -> None:
    f = facts(text)
    assert f.has(member, "PART_OF", group), f.triples()


def test_an_owner_modifier_is_not_owned(facts: Run) -> None:
    f = facts("Hanbit Telecom-owned Sanko Electric builds sensors.")
    assert not f.has("Hanbit Telecom", "PART_OF", "Sanko Electric"), f.triples()
