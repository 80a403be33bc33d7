"""People named after a role or occupation, in lists, with honorifics or in brackets, and the
organisations those shapes give them; near-misses that must not fire.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a plural role then three holders, the comma after the role optional
        (
            "Its co-founders Ana Berg, Tom Lind and Eva Roe formed the company in 2016.",
            ["Ana Berg", "Tom Lind", "Eva Roe"],
        ),
        ("The paper is by physicists Ana Berg and Tom Lind.", ["Ana Berg", "Tom Lind"]),
        # occupations named before a person
        ("The study was led by mathematician Ana Berg.", ["Ana Berg"]),
        ("Economist Tom Lind disagreed.", ["Tom Lind"]),
        # a long field between the role and the name
        (
            "The speakers were professor of electrical and computer engineering Ana Berg and Tom Lind.",
            ["Ana Berg"],
        ),
        # honorifics that are no part of the name
        ("Senator the Hon. Ana Berg announced the round.", ["Ana Berg"]),
        ("Shri Tomas Lindqvist, Secretary-General of the Kestrel Chamber, spoke.", ["Tomas Lindqvist"]),
        # a personal name before "who" and a verb in the past
        ("Ana Berg, who received her PhD from the University of Kestrel, joined later.", ["Ana Berg"]),
        # a town's name as a surname, after a title
        ("Senator Ana Birmingham opened the lab.", ["Ana Birmingham"]),
    ],
)
def test_people_after_roles_lists_and_honorifics(facts: Run, text: str, names: list[str]) -> None:
    f = facts(text)
    persons = {e.name for e in f.kg.entities if e.type.value == "Person"}
    assert set(names) <= persons, persons


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        # organisations take "which", and a name with a company word is no person before "who"
        ("Veltra Quantum, who raised money last year, grew.", "Veltra Quantum"),
        # a city opening a name makes it no person's name
        ("According to Berlin Partner, the fund grew.", "Berlin Partner"),
        # a country in the name: a company's regional arm
        ("According to Orbion Japan, the fund grew.", "Orbion Japan"),
        # an honorific is not kept in the name
        ("Shri Tomas Lindqvist, Secretary-General of the Kestrel Chamber, spoke.", "Shri Tomas Lindqvist"),
    ],
)
def test_not_people(facts: Run, text: str, not_person: str) -> None:
    f = facts(text)
    assert not any(e.name == not_person and e.type.value == "Person" for e in f.kg.entities)


@pytest.mark.parametrize(
    ("text", "triples"),
    [
        # role, holders, and where they work
        (
            "The team joined materials scientists Ana Berg and Tom Lind at Orbion University.",
            [
                ("Ana Berg", "AFFILIATED_WITH", "Orbion University"),
                ("Tom Lind", "AFFILIATED_WITH", "Orbion University"),
            ],
        ),
        (
            "It hired mathematician Ana Berg at the University of Kestrel and researchers Tom Lind and Eva Roe "
            "from Veltra Quantum.",
            [
                ("Ana Berg", "AFFILIATED_WITH", "University of Kestrel"),
                ("Tom Lind", "AFFILIATED_WITH", "Veltra Quantum"),
                ("Eva Roe", "AFFILIATED_WITH", "Veltra Quantum"),
            ],
        ),
        # a chair named before the name leads
        (
            "Chairman Tomas Berg of Veltra Quantum opened the meeting.",
            [("Tomas Berg", "LEADS", "Veltra Quantum")],
        ),
        # a role in brackets after the name
        (
            "Professor Ana Berg (Director of the Kestrel Quantum Centre) gave an interview.",
            [("Ana Berg", "AFFILIATED_WITH", "Kestrel Quantum Centre")],
        ),
        # an organisation in brackets after a person
        (
            "The panel heard Professor Ana Berg (University of Kestrel) and Dr Tom Lind (Veltra Quantum).",
            [
                ("Ana Berg", "AFFILIATED_WITH", "University of Kestrel"),
                ("Tom Lind", "AFFILIATED_WITH", "Veltra Quantum"),
            ],
        ),
        # a compound role between an organisation the gazetteer does not hold and the holder
        (
            "Kelmar University Chief Innovation Officer Ada Lindqvist told the panel about it.",
            [("Ada Lindqvist", "AFFILIATED_WITH", "Kelmar University")],
        ),
        (
            "Veltra Labs Managing Director Jonas Berg signed the lease.",
            [("Jonas Berg", "AFFILIATED_WITH", "Veltra Labs")],
        ),
        # an aside in commas before "from"
        (
            "Union Minister Dr. Ana Berg, from the Ministry of Quantum Affairs, announced the hubs.",
            [("Ana Berg", "AFFILIATED_WITH", "Ministry of Quantum Affairs")],
        ),
    ],
)
def test_roles_before_names(facts: Run, text: str, triples: list[tuple[str, str, str]]) -> None:
    f = facts(text)
    for s, t, o in triples:
        assert f.has(s, t, o), f.triples()


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the second list's people are not the first organisation's staff
        (
            "The team joined mathematician Ana Berg at the University of Kestrel and materials scientists Tom "
            "Lind and Eva Roe at Orbion University.",
            [("Tom Lind", "University of Kestrel"), ("Eva Roe", "University of Kestrel")],
        ),
        # "from" a place says where someone comes from, not whose staff they are
        ("Researchers Ana Berg and Tom Lind from Lyon built the device.", [("Ana Berg", "Lyon")]),
        # a minister at a company's site holds no office there
        (
            "Announcing the grants at Veltra Quantum in Lyon on Monday, Industry minister Ana Berg praised them.",
            [("Ana Berg", "Veltra Quantum")],
        ),
        # a caption list: the role and organisation after a person are that person's
        (
            "Guests included Dr. Ana Berg, Chief Officer, Veltra Quantum, Prof. Tom Lind, Principal "
            "Investigator, University of Kestrel, and others.",
            [("Tom Lind", "Veltra Quantum")],
        ),
        # studying under someone at a university says nothing of where they work
        (
            "Lin studied at the University of Kestrel under physicist Tom Lind.",
            [("Tom Lind", "University of Kestrel")],
        ),
    ],
)
def test_role_shapes_that_must_not_fire(facts: Run, text: str, absent: list[tuple[str, str]]) -> None:
    f = facts(text)
    pairs = {(s, o) for s, _, o in f.triples()}
    for pair in absent:
        assert pair not in pairs, f.triples()


@pytest.mark.parametrize(
    ("text", "person", "ministry"),
    [
        # the ministry named in another sentence, the minister by the same field
        (
            "The Ministry of Science and ICT picked two firms. Tom Lind, Minister of Science and ICT, visited.",
            "Tom Lind",
            "Ministry of Science and ICT",
        ),
        # the minister's field begins the ministry's
        (
            "The Ministry of Economic Affairs and Employment funds it. So states Kestrel's Minister of Economic "
            "Affairs, Ana Berg.",
            "Ana Berg",
            "Ministry of Economic Affairs and Employment",
        ),
        # the field before the title
        (
            "The Ministry of Foreign Affairs signed. Foreign Minister Tom Lind spoke.",
            "Tom Lind",
            "Ministry of Foreign Affairs",
        ),
    ],
)
def test_ministers_of_the_ministry_named_elsewhere(facts: Run, text: str, person: str, ministry: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", ministry), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # two ministries fit the field: neither is chosen
        "The Ministry of Science and Culture and the Ministry of Science and Energy signed. Tom Lind, Minister "
        "of Science, spoke.",
        # a prime minister or a vice minister names no field
        "The Ministry of Science and ICT signed. Prime Minister Tom Lind and Vice Minister Ana Berg spoke.",
    ],
)
def test_ministers_without_one_fitting_ministry(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(r == "AFFILIATED_WITH" and o.startswith("Ministry") for _, r, o in f.triples()), (
        f.triples()
    )


@pytest.mark.parametrize(
    ("text", "triples", "absent"),
    [
        # British honorifics and the MP after the name
        (
            "The Rt Hon Tom Lind MP, Secretary of State for Science at the Kestrel Office, spoke.",
            [("Tom Lind", "AFFILIATED_WITH", "Kestrel Office")],
            [],
        ),
        # "of" an organisation in commas after a titled name
        (
            "Professor Erik Riis, of Kestrel University's Department of Physics, said so.",
            [("Erik Riis", "AFFILIATED_WITH", "Kestrel University")],
            [],
        ),
        # a chair written before the next person is that person's, not the previous item's
        (
            "Speakers include Professor Ana Berg, Vice-Chancellor of Kestrel University, and Chair of the "
            "Kestrel Quantum Programme Advisory Board, Dr Eva Roe.",
            [
                ("Ana Berg", "AFFILIATED_WITH", "Kestrel University"),
                # a name ending in "Board" is the body chaired (the programme's advisory board)
                ("Eva Roe", "LEADS", "Kestrel Quantum Programme Advisory Board"),
            ],
            [("Ana Berg", "LEADS", "Kestrel Quantum Programme Advisory Board")],
        ),
    ],
)
def test_british_and_caption_shapes(
    facts: Run, text: str, triples: list[tuple[str, str, str]], absent: list[tuple[str, str, str]]
) -> None:
    f = facts(text)
    for t in triples:
        assert f.has(*t), f.triples()
    for t in absent:
        assert not f.has(*t), f.triples()


@pytest.mark.parametrize(
    ("text", "triples"),
    [
        # a career move names both organisations, and the person
        (
            "Tom Lind has joined Veltra Quantum from Orbion Technologies.",
            [
                ("Tom Lind", "AFFILIATED_WITH", "Veltra Quantum"),
                ("Tom Lind", "AFFILIATED_WITH", "Orbion Technologies"),
            ],
        ),
        (
            "Tom Lind joins Veltra Quantum as chief scientist from the University of Kestrel.",
            [("Tom Lind", "AFFILIATED_WITH", "University of Kestrel")],
        ),
        # a former employer in commas
        (
            "Ana Berg, formerly of Veltra Quantum, now leads the lab.",
            [("Ana Berg", "AFFILIATED_WITH", "Veltra Quantum")],
        ),
        # a founder named before an apposition and "who", with a date and a description
        (
            "Eva Roe, a physicist at the University of Kestrel, who co-founded in 2015 quantum-computing firm "
            "Veltra Quantum, said so.",
            [
                ("Eva Roe", "AFFILIATED_WITH", "Veltra Quantum"),
                ("Eva Roe", "AFFILIATED_WITH", "University of Kestrel"),
            ],
        ),
    ],
)
def test_careers_and_founders(facts: Run, text: str, triples: list[tuple[str, str, str]]) -> None:
    f = facts(text)
    for t in triples:
        assert f.has(*t), f.triples()


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # joining someone of an organisation on stage is no career move
        (
            "Ana Berg, CEO of Orbion Labs, joined Veltra Quantum CEO Tom Lind on stage.",
            ("Ana Berg", "Veltra Quantum"),
        ),
        # an organisation's earlier name is no person's employer
        ("Veltra Quantum, formerly Orbion Labs, grew.", ("Veltra Quantum", "Orbion Labs")),
        # a founder's partner is not what they founded
        (
            "Ana Berg, CEO of Orbion Labs, co-founded the lab with Veltra Quantum.",
            ("Ana Berg", "Veltra Quantum"),
        ),
    ],
)
def test_career_shapes_that_must_not_fire(facts: Run, text: str, absent: tuple[str, str]) -> None:
    f = facts(text)
    assert absent not in {(s, o) for s, _, o in f.triples()}, f.triples()


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        # a role and a surname alone name nobody in full
        ("Physicist Lind, who previously served as director of Orbion Labs, spoke.", "Physicist Lind"),
        ("Minister Berg, who chaired the panel, spoke.", "Minister Berg"),
    ],
)
def test_a_role_before_a_surname_is_no_name(facts: Run, text: str, not_person: str) -> None:
    f = facts(text)
    assert not any(e.name == not_person for e in f.kg.entities)


def test_a_given_name_that_is_also_a_role_stays() -> None:
    from qkg.loaders.rules.people import person_mentions
    from qkg.loaders.segment import split_sentences

    (sent,) = split_sentences("Dean Smith, who chaired the panel, spoke.")
    assert [m.name for m in person_mentions(sent)] == ["Dean Smith"]


def test_an_appointment_told_without_the_appointer(facts: Run) -> None:
    f = facts("Take the appointment of Tom Lind to chief technology officer at Veltra Quantum, a first.")
    assert f.has("Tom Lind", "AFFILIATED_WITH", "Veltra Quantum"), f.triples()
    f = facts("The appointment of Ana Berg as chair of the Kestrel Quantum Council was welcomed.")
    assert f.has("Ana Berg", "LEADS", "Kestrel Quantum Council"), f.triples()


def test_the_head_of_a_part_named_at_its_organisation_works_there(facts: Run) -> None:
    f = facts("Take the appointment of Tom Lind to Head of Quantum Research at Veltra Quantum, a first.")
    assert f.has("Tom Lind", "AFFILIATED_WITH", "Veltra Quantum"), f.triples()


def test_a_role_inside_a_bodys_name_does_not_cut_it(facts: Run) -> None:
    f = facts("The grant came from the Office of the Chief Scientist at the Veltra Ministry.")
    assert f.has_entity("Office of the Chief Scientist"), f.names


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ada Lindqvist this week joined the president of Kelmar University to announce the plan.",
        "Minister Ada Lindqvist wrote to the chief executive of Veltra Labs last week.",
    ],
)
def test_a_role_someone_else_holds(facts: Run, text: str) -> None:
    """ "P joined the president of O": the president is another person; P holds no role at O."""
    f = facts(text)
    assert not [t for t in f.triples() if t[0] == "Ada Lindqvist" and t[1] == "AFFILIATED_WITH"], f.triples()


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Veltra Labs announced that it had promoted Ada Lind to co-CEO with Tomas Berg.",
            [("Ada Lind", "Veltra Labs"), ("Tomas Berg", "Veltra Labs")],
        ),
        (
            "Orbion Quantum announced that Mika Salo would join Jan Berg as co-CEO.",
            [("Mika Salo", "Orbion Quantum"), ("Jan Berg", "Orbion Quantum")],
        ),
    ],
)
def test_people_sharing_a_role_share_its_organisation(
    facts: Run, text: str, pairs: list[tuple[str, str]]
) -> None:
    f = facts(text)
    for person, org in pairs:
        assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org", "place"),
    [
        (
            "Ada Lind, vice president, Europe and Asia and director at Veltra Research, spoke.",
            "Ada Lind",
            "Veltra Research",
            "Europe",
        ),
        (
            "Ada Lind, CEO of Boulder-born sensing firm Orbion Quantum, spoke.",
            "Ada Lind",
            "Orbion Quantum",
            "Boulder",
        ),
    ],
)
def test_a_place_qualifying_a_role_or_a_firm_is_not_the_employer(
    facts: Run, text: str, person: str, org: str, place: str
) -> None:
    """The region a role covers and the place a firm comes from are no employers."""
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()
    assert not f.has(person, "AFFILIATED_WITH", place), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "The panel heard Dan Morrow, principal at venture capital firm Kestrel Capital.",
            "Dan Morrow",
            "Kestrel Capital",
        ),
        ("Mike Lantz, outreach coordinator for Tervo Labs, moderated.", "Mike Lantz", "Tervo Labs"),
    ],
)
def test_principals_and_coordinators_are_roles(facts: Run, text: str, person: str, org: str) -> None:
    assert facts(text).has(person, "AFFILIATED_WITH", org)


def test_founded_and_leads(facts: Run) -> None:
    f = facts("Ada Lind founded and leads Orbion Quantum.")
    assert f.has("Ada Lind", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
    assert f.has("Ada Lind", "LEADS", "Orbion Quantum"), f.triples()


def test_joined_after_an_apposed_former_role(facts: Run) -> None:
    """ "P, former CTO of Q, joined O": P worked at Q and works at O."""
    f = facts("Ada Lind, former CTO of Veltra Labs, joined Orbion Quantum in 2021.")
    assert f.has("Ada Lind", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
    assert f.has("Ada Lind", "AFFILIATED_WITH", "Veltra Labs"), f.triples()


def test_a_coordinator_of_fields_does_not_lead_the_programme(facts: Run) -> None:
    """ "strategy and outreach coordinator for §programme§" is a staff job; "coordinator of" leads."""
    staff = facts("Mike Lantz, strategy and outreach coordinator for the Tervo Accelerator Programme, spoke.")
    assert not staff.has("Mike Lantz", "LEADS", "Tervo Accelerator Programme"), staff.triples()
    lead = facts("Mike Lantz, coordinator of the Tervo Accelerator Programme, spoke.")
    assert lead.has("Mike Lantz", "LEADS", "Tervo Accelerator Programme"), lead.triples()
