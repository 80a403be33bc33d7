"""People's roles, places and units read from noun-phrase structure: role words as a word class
(informal and non-English forms included), titles before names, predicates that describe like
appositions; near-misses that must not fire.

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
        # informal and short forms of a job
        (
            "Ana Berg, the former Veltra Quantum exec who built the chip, joined Orbion.",
            "Ana Berg",
            "Veltra Quantum",
        ),
        (
            "Pan Wei, an academic of the Kestrel Academy of Sciences, spoke.",
            "Pan Wei",
            "Kestrel Academy of Sciences",
        ),
        ("Tom Lind is an academic at the University of Kestrel.", "Tom Lind", "University of Kestrel"),
        (
            "Ana Berg, chief investigator at the Kestrel Quantum Institute, spoke.",
            "Ana Berg",
            "Kestrel Quantum Institute",
        ),
        # the common French, Italian and Spanish forms of director and president
        ("Ana Berg, directrice of the Kestrel Institute, spoke.", "Ana Berg", "Kestrel Institute"),
        ("Tom Lind, président of Veltra Quantum, spoke.", "Tom Lind", "Veltra Quantum"),
        ("Eva Roe, direttore of the Kestrel Institute, spoke.", "Eva Roe", "Kestrel Institute"),
    ],
)
def test_role_word_class_gives_affiliation(facts: Run, text: str, person: str, org: str) -> None:
    assert facts(text).has(person, "AFFILIATED_WITH", org)


@pytest.mark.parametrize(
    "text",
    [
        # "academic" qualifying a noun is no one's role
        "The academic partners of Veltra Quantum include the University of Kestrel.",
        # an investigator of a case, no organisation named with the role
        "Ana Berg, an investigator, praised Veltra Quantum.",
    ],
)
def test_role_words_without_a_holder_give_nothing(facts: Run, text: str) -> None:
    assert not {t for t in facts(text).triples() if t[1] in {"AFFILIATED_WITH", "LEADS"}}


@pytest.mark.parametrize(
    ("text", "person", "rtype", "org"),
    [
        # a relative clause is read as a clause whose subject is the person it follows
        (
            "Ana Berg, who previously worked at Orbion Technologies, joined Veltra Quantum.",
            "Ana Berg",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Ana Berg, who spent ten years at Orbion Technologies, joined Veltra Quantum.",
            "Ana Berg",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Ana Berg, who teaches physics at the University of Kestrel, joined Veltra Quantum.",
            "Ana Berg",
            "AFFILIATED_WITH",
            "University of Kestrel",
        ),
        (
            "Tom Lind, a physicist who now heads the Kestrel Quantum Institute, spoke.",
            "Tom Lind",
            "LEADS",
            "Kestrel Quantum Institute",
        ),
        (
            "Tom Lind, a former researcher at Orbion Technologies who now heads the Kestrel Quantum Institute, spoke.",
            "Tom Lind",
            "LEADS",
            "Kestrel Quantum Institute",
        ),
        # the same verbs in a main clause
        (
            "Ana Berg spent a decade at Orbion Technologies before she moved to Lyon.",
            "Ana Berg",
            "AFFILIATED_WITH",
            "Orbion Technologies",
        ),
        (
            "Eva Roe taught chemistry at the University of Kestrel for years.",
            "Eva Roe",
            "AFFILIATED_WITH",
            "University of Kestrel",
        ),
    ],
)
def test_relative_clause_of_a_person_is_read_as_a_clause(
    facts: Run, text: str, person: str, rtype: str, org: str
) -> None:
    f = facts(text)
    assert f.has(person, rtype, org), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # the clause is about the person it follows, not about a person it names
        ("Ana Berg, who met Tom Lind at Orbion Technologies, spoke.", "Ana Berg", "Orbion Technologies"),
        # what the clause says of someone else's organisation is no job
        ("Ana Berg, who praised the work of Orbion Technologies, spoke.", "Ana Berg", "Orbion Technologies"),
    ],
)
def test_relative_clause_without_a_job_gives_no_affiliation(
    facts: Run, text: str, person: str, org: str
) -> None:
    f = facts(text)
    assert not f.has(person, "AFFILIATED_WITH", org), f.triples()
    assert not f.has(person, "LEADS", org), f.triples()


@pytest.mark.parametrize(
    ("text", "located"),
    [
        # a distributive apposition after a coordination says the same of each conjunct
        (
            "Orbion Technologies and Veltra Quantum, both based in Munich, signed a deal.",
            [("Orbion Technologies", "Munich"), ("Veltra Quantum", "Munich")],
        ),
        (
            "Researchers at the University of Lyon and Orbion Technologies, both in Lyon, built it.",
            [("University of Lyon", "Lyon"), ("Orbion Technologies", "Lyon")],
        ),
        (
            "Orbion Technologies, Veltra Quantum and Kestrel Labs, all of which are headquartered in Munich, met.",
            [("Orbion Technologies", "Munich"), ("Veltra Quantum", "Munich"), ("Kestrel Labs", "Munich")],
        ),
        # a relative clause about an organisation is read as its own clause
        (
            "Orbion Technologies, which was founded in Grenoble in 2019, raised money.",
            [("Orbion Technologies", "Grenoble")],
        ),
        (
            "Orbion Technologies, which opened an office in Lyon last year, raised money.",
            [("Orbion Technologies", "Lyon")],
        ),
    ],
)
def test_distributed_and_relative_clauses_locate_each_organisation(
    facts: Run, text: str, located: list[tuple[str, str]]
) -> None:
    f = facts(text)
    for org, place in located:
        assert f.has(org, "LOCATED_IN", place), f.triples()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        # where it sells is not where it is
        ("Orbion Technologies, which sells sensors in Japan, raised money.", "Orbion Technologies", "Japan"),
        # "both" says a date, and the place belongs to the main clause's event
        (
            "Orbion Technologies and Veltra Quantum, both founded in 2019, signed a deal in Munich.",
            "Orbion Technologies",
            "Munich",
        ),
    ],
)
def test_clauses_without_location_wording_locate_nothing(facts: Run, text: str, org: str, place: str) -> None:
    assert not facts(text).has(org, "LOCATED_IN", place)


@pytest.mark.parametrize(
    ("text", "facts_wanted"),
    [
        # people each described in passing still form the list a verb's rule reads
        (
            "Orbion Technologies was founded in 2019 by Ana Berg, a professor at the University of Kestrel,"
            " and Tom Lind, a researcher at the university.",
            [
                ("Ana Berg", "AFFILIATED_WITH", "Orbion Technologies"),
                ("Tom Lind", "AFFILIATED_WITH", "Orbion Technologies"),
                ("Ana Berg", "AFFILIATED_WITH", "University of Kestrel"),
            ],
        ),
        (
            "The Kestrel Quantum Institute is led by Ana Berg, a physicist, and Tom Lind, a chemist.",
            [
                ("Ana Berg", "LEADS", "Kestrel Quantum Institute"),
                ("Tom Lind", "LEADS", "Kestrel Quantum Institute"),
            ],
        ),
    ],
)
def test_lists_of_people_with_appositions(
    facts: Run, text: str, facts_wanted: list[tuple[str, str, str]]
) -> None:
    f = facts(text)
    for s, t, o in facts_wanted:
        assert f.has(s, t, o), f.triples()


def test_an_apposition_naming_an_organisation_adds_it_to_no_list(facts: Run) -> None:
    f = facts("Orbion Technologies was founded by Ana Berg, the former CEO of Veltra Quantum, and Tom Lind.")
    assert f.has("Tom Lind", "AFFILIATED_WITH", "Orbion Technologies"), f.triples()
    assert not f.has("Veltra Quantum", "LEADS", "Orbion Technologies")
    assert not f.has("Tom Lind", "AFFILIATED_WITH", "Veltra Quantum")


@pytest.mark.parametrize(
    "text",
    [
        "Speakers included Ana Berg, Orbion Technologies, and Tom Lind, University of Kestrel.",
        "Speakers included Dr Ana Berg, Orbion Technologies, and Prof. Tom Lind, the University of Kestrel.",
        "The panel: Ana Berg, Orbion Technologies; Tom Lind, University of Kestrel.",
        "The hub is led by Professor Ana Berg, Orbion Technologies and Professor Tom Lind, University of Kestrel.",
    ],
)
def test_a_list_alternating_people_and_organisations_pairs_them(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ana Berg", "AFFILIATED_WITH", "Orbion Technologies"), f.triples()
    assert f.has("Tom Lind", "AFFILIATED_WITH", "University of Kestrel"), f.triples()
    assert not f.has("Tom Lind", "AFFILIATED_WITH", "Orbion Technologies")


@pytest.mark.parametrize(
    "text",
    [
        # one person then organisations: a list of actors, not a pair
        "Investors include Ana Berg, Orbion Technologies and Veltra Quantum.",
        "The deal was signed by Ana Berg, Veltra Quantum and the University of Kestrel.",
    ],
)
def test_a_person_listed_among_organisations_is_paired_with_none(facts: Run, text: str) -> None:
    assert not {t for t in facts(text).triples() if t[1] == "AFFILIATED_WITH"}


@pytest.mark.parametrize(
    ("text", "located", "place"),
    [
        # the region around a known city is a place of its own, named as the text names it
        ("Orbion Technologies opened a lab in the Lyon region.", ["Orbion Technologies"], "Lyon region"),
        # a list elaborating actors in a place puts each of them there
        (
            "The hub has five partners in the Boston area: Orbion Technologies, Veltra Quantum and the University of Kestrel.",
            ["Orbion Technologies", "Veltra Quantum", "University of Kestrel"],
            "Boston area",
        ),
        (
            "Orbion Technologies and four other partners in the Boston area: Veltra Quantum and the University of Kestrel.",
            ["Orbion Technologies", "Veltra Quantum"],
            "Boston area",
        ),
        (
            "Universities in France, including the University of Kestrel and the University of Lyon, joined.",
            ["University of Kestrel", "University of Lyon"],
            "France",
        ),
    ],
)
def test_actors_listed_in_a_place_are_there(facts: Run, text: str, located: list[str], place: str) -> None:
    f = facts(text)
    for org in located:
        assert f.has(org, "LOCATED_IN", place), f.triples()


def test_the_region_of_an_unknown_word_is_no_place(facts: Run) -> None:
    f = facts("Orbion Technologies opened a lab in the Kestrel region.")
    assert not f.has_entity("Kestrel region")


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        # an apposition whose head noun is a kind of site or zone says where its head is
        ("The Kestrel Hub, the quantum innovation zone of Sherbrooke, opened.", "Kestrel Hub", "Sherbrooke"),
        ("The Kestrel Hub, a research zone in Lyon, opened.", "Kestrel Hub", "Lyon"),
        (
            "Orbion Technologies, a Kestrel University spin-off located in Lyon, raised money.",
            "Orbion Technologies",
            "Lyon",
        ),
        # the same apposition set off by brackets
        ("The Kestrel Hub (the quantum innovation zone of Sherbrooke) opened.", "Kestrel Hub", "Sherbrooke"),
        ("Orbion Technologies (a startup in Lyon) raised money.", "Orbion Technologies", "Lyon"),
        # a participle of founding with its place, set off by commas
        (
            "Orbion Technologies, started in Berkeley, California, raised money.",
            "Orbion Technologies",
            "Berkeley",
        ),
        # a district written before its city is a part of it
        ("Orbion Technologies is in Haidian District, Beijing.", "Haidian District", "Beijing"),
    ],
)
def test_appositions_and_chains_of_places(facts: Run, text: str, org: str, place: str) -> None:
    f = facts(text)
    assert f.has(org, "LOCATED_IN", place), f.triples()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        # a bracket that is no description (a gloss, an amount) locates nothing
        ("Orbion Technologies (Lyon) and Veltra Quantum (Munich) signed a deal.", "Veltra Quantum", "Lyon"),
        # a district after a city is not inside it
        ("Orbion Technologies is in Beijing, Haidian District.", "Beijing", "Haidian District"),
        # an apposition about a technology, not a place of the head
        (
            "Orbion Technologies (a leader in quantum sensing) raised money in Lyon.",
            "Orbion Technologies",
            "Lyon",
        ),
    ],
)
def test_brackets_and_chains_that_locate_nothing(facts: Run, text: str, org: str, place: str) -> None:
    assert not facts(text).has(org, "LOCATED_IN", place)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a relative clause or a distributive apposition about an organisation says what it is part of
        ("Veltra Quantum, which is part of Orbion Technologies, raised money.", ["Veltra Quantum"]),
        (
            "Veltra Quantum and Kestrel Labs, both subsidiaries of Orbion Technologies, raised money.",
            ["Veltra Quantum", "Kestrel Labs"],
        ),
        # an apposition naming a kind of arm under its owner
        (
            "Veltra Holdings, an investment platform under Orbion Technologies, raised money.",
            ["Veltra Holdings"],
        ),
    ],
)
def test_clauses_and_appositions_of_membership(facts: Run, text: str, parts: list[str]) -> None:
    f = facts(text)
    for part in parts:
        assert f.has(part, "PART_OF", "Orbion Technologies"), f.triples()


def test_a_relative_clause_about_a_partner_makes_no_part(facts: Run) -> None:
    f = facts("Veltra Quantum, which is a partner of Orbion Technologies, raised money.")
    assert not f.has("Veltra Quantum", "PART_OF", "Orbion Technologies")


def test_an_associate_professors_title_ends_no_sentence(facts: Run) -> None:
    f = facts("The Kestrel Devices Laboratory, led by Chief Investigator A/Prof. Arkon Fedorin, opened.")
    assert f.has("Arkon Fedorin", "LEADS", "Kestrel Devices Laboratory"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # honours after the first name and a role and title before the second
        "The Kestrel Condensate Laboratory, led by Prof. Ana Berg AO and Associate Investigator Dr Tom Lind, opened.",
        "The Kestrel Condensate Laboratory is led by Ana Berg and chief scientist Tom Lind.",
    ],
)
def test_each_conjunct_of_a_list_of_leaders_may_carry_its_own_title(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ana Berg", "LEADS", "Kestrel Condensate Laboratory"), f.triples()
    assert f.has("Tom Lind", "LEADS", "Kestrel Condensate Laboratory"), f.triples()


def test_coordinated_organisations_each_led_by_their_own_people(facts: Run) -> None:
    f = facts(
        "Two labs opened: the Kestrel Devices Laboratory, led by Prof. Ana Berg, and the Kestrel"
        " Condensate Laboratory, led by Dr Tom Lind and Dr Eva Roe."
    )
    assert f.has("Ana Berg", "LEADS", "Kestrel Devices Laboratory"), f.triples()
    assert f.has("Tom Lind", "LEADS", "Kestrel Condensate Laboratory"), f.triples()
    assert f.has("Eva Roe", "LEADS", "Kestrel Condensate Laboratory"), f.triples()
    assert not f.has("Kestrel Condensate Laboratory", "LEADS", "Kestrel Devices Laboratory")


@pytest.mark.parametrize(
    ("text", "part", "whole", "is_part"),
    [
        # a predicate noun phrase is read as the apposition it would be
        (
            "Veltra Holdings is an investment platform under the University of Kestrel.",
            "Veltra Holdings",
            "University of Kestrel",
            True,
        ),
        (
            "Veltra Holdings is an investment platform under Lyon's University of Kestrel.",
            "Veltra Holdings",
            "University of Kestrel",
            True,
        ),
        (
            "Veltra Holdings became the research arm of the University of Kestrel in 2020.",
            "Veltra Holdings",
            "University of Kestrel",
            True,
        ),
        # partnership or origin is no part
        (
            "Veltra Quantum is a partner of Orbion Technologies.",
            "Veltra Quantum",
            "Orbion Technologies",
            False,
        ),
        (
            "Veltra Quantum is a spin-off of Orbion Technologies.",
            "Veltra Quantum",
            "Orbion Technologies",
            False,
        ),
    ],
)
def test_a_predicate_noun_phrase_of_membership(
    facts: Run, text: str, part: str, whole: str, is_part: bool
) -> None:
    f = facts(text)
    assert f.has(part, "PART_OF", whole) is is_part, f.triples()


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # coordinated roles before the name: a chair's leads, a job's affiliates
        ("Former Veltra Quantum chairman and CEO Ana Berg spoke.", ["LEADS", "AFFILIATED_WITH"], []),
        ("Veltra Quantum chair Ana Berg spoke.", ["LEADS"], ["AFFILIATED_WITH"]),
        ("Veltra Quantum CEO Ana Berg spoke.", ["AFFILIATED_WITH"], ["LEADS"]),
        # a person's predicate noun phrase reads as the apposition it would be
        ("Ana Berg is a longtime Veltra Quantum board member.", ["AFFILIATED_WITH"], ["LEADS"]),
        (
            "Ana Berg, who was formerly a researcher at Orbion and is a Veltra Quantum board member, spoke.",
            ["AFFILIATED_WITH"],
            [],
        ),
    ],
)
def test_roles_in_premodifiers_and_predicates(
    facts: Run, text: str, wanted: list[str], unwanted: list[str]
) -> None:
    f = facts(text)
    for rtype in wanted:
        assert f.has("Ana Berg", rtype, "Veltra Quantum"), f.triples()
    for rtype in unwanted:
        assert not f.has("Ana Berg", rtype, "Veltra Quantum"), f.triples()


def test_a_predicate_about_someone_else_gives_the_subject_nothing(facts: Run) -> None:
    f = facts("Ana Berg said Tom Lind is a Veltra Quantum board member.")
    assert not f.has("Ana Berg", "AFFILIATED_WITH", "Veltra Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "unit", "part"),
    [
        # a unit's name opening with its owner's one-word name is the owner's unit
        (
            "The lab opened at UCL. The new rooms are part of the UCL Kestrel Quantum Institute.",
            "UCL Kestrel Quantum Institute",
            True,
        ),
        # the owner named only inside the unit's name: nothing to be a part of
        (
            "The new rooms are part of the UCL Kestrel Quantum Institute.",
            "UCL Kestrel Quantum Institute",
            False,
        ),
    ],
)
def test_a_unit_named_by_its_owner(facts: Run, text: str, unit: str, part: bool) -> None:
    f = facts(text)
    assert f.has(unit, "PART_OF", "University College London") is part, f.triples()
