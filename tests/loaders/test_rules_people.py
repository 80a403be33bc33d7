"""People: names with titles, roles and initials; AFFILIATED_WITH from job roles, LEADS from chairs.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.rules.organisations import is_headline

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("R K Menon, director of the Kessler Institute, spoke at the event.", "R K Menon"),
        ("R. K. Menon, director of the Kessler Institute, spoke at the event.", "R. K. Menon"),
        ("Kim Min-jae, CEO of Veltra Quantum, signed the agreement.", "Kim Min-jae"),
        ("Li Wenjun, president of Orbion University, signed the agreement.", "Li Wenjun"),
        ("Nguyen Van An, a professor at Orbion University, led the study.", "Nguyen Van An"),
        ("Dr. Priya Raghavan, chief scientist at Veltra Quantum, presented the results.", "Priya Raghavan"),
        ("Yoshiko Tanaka-Mori, head of research at Orbion Technologies, said so.", "Yoshiko Tanaka-Mori"),
        ("The Quantum Advisory Council is chaired by Ana Ferreira.", "Ana Ferreira"),
        ("Ana Ferreira, who heads the Veltra Institute, praised the team.", "Ana Ferreira"),
        ("Ana Ferreira, who has run Orbion Technologies' quantum unit since 2019, left.", "Ana Ferreira"),
        ("Tomas Berg was appointed chief technology officer of Orbion Technologies.", "Tomas Berg"),
        ("Orbion Technologies hired Tomas Berg as chief operating officer.", "Tomas Berg"),
        ("Tomas Berg joins Veltra Quantum as chief financial officer.", "Tomas Berg"),
        ("Ana Ferreira chairs the Quantum Advisory Council.", "Ana Ferreira"),
        ("The Veltra Institute is led by Professor Miguel Santos.", "Miguel Santos"),
        ("Joop van 't Klooster, general partner at Orbion Capital, said so.", "Joop van 't Klooster"),
    ],
)
def test_person_names(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert f.has_entity(name)
    assert next(e for e in f.kg.entities if e.name == name).type.value == "Person"


@pytest.mark.parametrize(
    ("text", "name", "org"),
    [
        # Latin Extended letters (Polish, Czech, Turkish, Latvian) open and fill names
        (
            "Professor Łukasz Żmuda, director of the Vistula Quantum Institute, spoke.",
            "Łukasz Żmuda",
            "Vistula Quantum Institute",
        ),
        ("Ayşe Şahin, CEO of Bosphorus Quantum, said so.", "Ayşe Şahin", "Bosphorus Quantum"),
        (
            "Dr. Tomáš Dvořák, professor at the Vltava University of Technology, signed.",
            "Tomáš Dvořák",
            "Vltava University of Technology",
        ),
        (
            "Ēriks Ozoliņš was appointed chief executive of Daugava Photonics Ltd.",
            "Ēriks Ozoliņš",
            "Daugava Photonics Ltd",
        ),
    ],
)
def test_names_in_latin_extended_letters(facts: Run, text: str, name: str, org: str) -> None:
    f = facts(text)
    assert f.has(name, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        # a name after "CEO of" owns the role; it is not a second person
        (
            '"We are excited," Tomas Berg, co-founder and CEO of Veltra Quantum, told reporters.',
            "Veltra Quantum",
        ),
        # an active "has appointed" names the employer, not the appointee
        ("Veltra Quantum has appointed Ana Ferreira as its new chief executive officer.", "Veltra Quantum"),
        # a funding round "led by" an investor names no person
        ("The round was led by Kessler Ventures with participation from Orbion Capital.", "Kessler Ventures"),
        # the name of an organisation's unit after a role is no person's
        ("The Director of the Orbion Policy Division, Nadia Okonkwo, spoke.", "Policy Division"),
        # a role's field list and an organisation's name after it are no people
        (
            "It was signed by Tomas Berg, Minister for Space, Digital Economy and Trade and Director of the "
            "Veltra Summit Organisation, and Ana Lind, Secretary-General of the Council.",
            "Digital Economy",
        ),
        (
            "It was signed by Tomas Berg, Minister for Space, Digital Economy and Trade and Director of the "
            "Veltra Summit Organisation, and Ana Lind, Secretary-General of the Council.",
            "Summit Organisation",
        ),
        ("The vice-chancellor said, South African universities must grow.", "South African"),
    ],
)
def test_not_people(facts: Run, text: str, not_person: str) -> None:
    f = facts(text)
    assert not any(e.name == not_person and e.type.value == "Person" for e in f.kg.entities)


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Ana Ferreira, director of the Veltra Institute, welcomed the decision.",
            "Ana Ferreira",
            "Veltra Institute",
        ),
        ("Veltra Quantum's CEO Tomas Berg said the round would fund hiring.", "Tomas Berg", "Veltra Quantum"),
        ("Tomas Berg, Veltra Quantum's chief executive, announced the deal.", "Tomas Berg", "Veltra Quantum"),
        ("Former Orbion Technologies CEO Tomas Berg joined the board.", "Tomas Berg", "Orbion Technologies"),
        # a head of a part of the organisation is affiliated with it, not its leader
        (
            "Former Orbion Technologies quantum software head Tomas Berg joined.",
            "Tomas Berg",
            "Orbion Technologies",
        ),
        ("Portugal's Science Minister Ana Ferreira met her counterpart.", "Ana Ferreira", "Portugal"),
        (
            "Portugal's Minister for Higher Education and Science, Ana Ferreira, met him.",
            "Ana Ferreira",
            "Portugal",
        ),
        ("Ana Ferreira, Minister of Science of Portugal, met her counterpart.", "Ana Ferreira", "Portugal"),
        (
            "R K Menon, director of the Kessler Institute, spoke at the event.",
            "R K Menon",
            "Kessler Institute",
        ),
        ("Kim Min-jae, CEO of Veltra Quantum, signed the agreement.", "Kim Min-jae", "Veltra Quantum"),
        (
            "Ana Ferreira, who has run Orbion Technologies' quantum unit since 2019, left.",
            "Ana Ferreira",
            "Orbion Technologies",
        ),
        (
            "Tomas Berg was appointed chief technology officer of Orbion Technologies.",
            "Tomas Berg",
            "Orbion Technologies",
        ),
        ("Tomas Berg has been named chief scientist at Veltra Quantum.", "Tomas Berg", "Veltra Quantum"),
        (
            "Orbion Technologies hired Tomas Berg as chief operating officer.",
            "Tomas Berg",
            "Orbion Technologies",
        ),
        (
            "Veltra Quantum has appointed Ana Ferreira as its new chief executive officer.",
            "Ana Ferreira",
            "Veltra Quantum",
        ),
        ("Veltra Quantum named Ana Ferreira chief executive officer.", "Ana Ferreira", "Veltra Quantum"),
        ("Tomas Berg joins Veltra Quantum as chief financial officer.", "Tomas Berg", "Veltra Quantum"),
        ("Accompanied by CTO of Ericsson Tomas Berg, the minister toured the lab.", "Tomas Berg", "Ericsson"),
        (
            "Professor Miguel Santos of the University of Toronto leads the National Quantum Initiative.",
            "Miguel Santos",
            "University of Toronto",
        ),
    ],
)
def test_affiliation(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "The Quantum Advisory Council is chaired by Ana Ferreira.",
            "Ana Ferreira",
            "Quantum Advisory Council",
        ),
        ("Ana Ferreira chairs the Quantum Advisory Council.", "Ana Ferreira", "Quantum Advisory Council"),
        (
            "Ana Ferreira, the chair of the Quantum Advisory Council, opened the meeting.",
            "Ana Ferreira",
            "Quantum Advisory Council",
        ),
        (
            "Ana Ferreira was named chair of the Quantum Advisory Council.",
            "Ana Ferreira",
            "Quantum Advisory Council",
        ),
        (
            "Ana Ferreira, who heads the Veltra Institute, praised the team.",
            "Ana Ferreira",
            "Veltra Institute",
        ),
        ("The Veltra Institute is led by Professor Miguel Santos.", "Miguel Santos", "Veltra Institute"),
        (
            "Ana Ferreira, the minister responsible for the Quantum Agency, spoke.",
            "Ana Ferreira",
            "Quantum Agency",
        ),
        (
            "Ana Ferreira, Minister of Digital Affairs and Minister responsible for the Quantum Agency, spoke.",
            "Ana Ferreira",
            "Quantum Agency",
        ),
        (
            "Professor Miguel Santos of the University of Toronto leads the National Quantum Initiative.",
            "Miguel Santos",
            "National Quantum Initiative",
        ),
    ],
)
def test_person_leads(facts: Run, text: str, person: str, body: str) -> None:
    f = facts(text)
    assert f.has(person, "LEADS", body), f.triples()


def test_led_by_a_job_title_is_both_leadership_and_affiliation(facts: Run) -> None:
    f = facts("The Veltra Quantum Cluster, which is led by executive director Ana Ferreira, has 40 members.")
    assert f.has("Ana Ferreira", "LEADS", "Veltra Quantum Cluster")
    assert f.has("Ana Ferreira", "AFFILIATED_WITH", "Veltra Quantum Cluster")


def test_chair_is_leadership_not_affiliation(facts: Run) -> None:
    f = facts("Ana Ferreira, the chair of the Quantum Advisory Council, opened the meeting.")
    assert not f.has("Ana Ferreira", "AFFILIATED_WITH", "Quantum Advisory Council")


def test_head_of_a_unit_does_not_lead_the_organisation(facts: Run) -> None:
    f = facts("Ana Ferreira, who has run Orbion Technologies' quantum unit since 2019, left.")
    assert not f.has("Ana Ferreira", "LEADS", "Orbion Technologies")


def test_coordination_is_not_apposition(facts: Run) -> None:
    f = facts(
        "Portugal's Minister for Science, Ana Ferreira, and the Minister of State for Science, "
        "Research and Innovation, Tomas Berg met in Paris."
    )
    assert not any(
        s == "Ana Ferreira" and t == "AFFILIATED_WITH" and o != "Portugal" for s, t, o in f.triples()
    )


def test_organisation_of_person_does_not_lead(facts: Run) -> None:
    f = facts("Professor Miguel Santos of the University of Toronto leads the National Quantum Initiative.")
    assert not f.has("University of Toronto", "LEADS", "National Quantum Initiative")


def test_bylines_and_reporters_are_not_entities(facts: Run) -> None:
    for text in ("By Ana Ferreira, staff writer", "Ana Ferreira reports for Quantum Daily."):
        assert not facts(text).has_entity("Ana Ferreira")


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("German Chancellor Ana Berg met Japanese Prime Minister Kenji Sato.", "Ana Berg", "Germany"),
        ("German Chancellor Ana Berg met Japanese Prime Minister Kenji Sato.", "Kenji Sato", "Japan"),
        (
            "The deal was reviewed by Australian Prime Minister Tomas Berg on Monday.",
            "Tomas Berg",
            "Australia",
        ),
    ],
)
def test_nationality_of_an_office(facts: Run, text: str, person: str, place: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", place), f.triples()
    assert not f.has_entity(f"Australian Prime Minister {person}")


def test_nationality_alone_makes_no_country(facts: Run) -> None:
    f = facts("The German start-up Orbion Technologies hired twenty engineers.")
    assert not f.has_entity("Germany")


def test_honorifics_are_not_part_of_the_name(facts: Run) -> None:
    f = facts(
        "Today, the Honourable Ana Ferreira, Minister of Digital Innovation and Minister responsible "
        "for the Kessler Innovation Agency, met the press."
    )
    assert f.has_entity("Ana Ferreira")
    assert f.has("Ana Ferreira", "LEADS", "Kessler Innovation Agency")
    assert not f.has("Ana Ferreira", "AFFILIATED_WITH", "Kessler Innovation Agency")


def test_joint_roles(facts: Run) -> None:
    f = facts('"This round will fuel our growth," said Veltra Quantum co-founder and co-CEO Tomas Berg.')
    assert f.has("Tomas Berg", "AFFILIATED_WITH", "Veltra Quantum")
    assert not any(e.name == "Veltra Quantum" and e.type.value == "Person" for e in f.kg.entities)


def test_a_given_name_that_is_a_title_stays(facts: Run) -> None:
    f = facts("Dean Smith, a professor at Orbion University, spoke.")
    assert f.has("Dean Smith", "AFFILIATED_WITH", "Orbion University")


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Ilana Berg stepped down as CEO of Orbion Technologies in May.",
            "Ilana Berg",
            "Orbion Technologies",
        ),
        (
            "Tomas Berg served as chief scientist at the Kessler Institute until 2020.",
            "Tomas Berg",
            "Kessler Institute",
        ),
        ("Ana Ferreira is the chief executive of Veltra Quantum.", "Ana Ferreira", "Veltra Quantum"),
        (
            "Veltra Quantum announced that it had promoted Ana Ferreira to co-CEO.",
            "Ana Ferreira",
            "Veltra Quantum",
        ),
        ("Veltra Quantum appointed Tomas Berg as interim-CEO last week.", "Tomas Berg", "Veltra Quantum"),
        (
            "The board met Orbion Technologies Director Walter G. Copan.",
            "Walter G. Copan",
            "Orbion Technologies",
        ),
    ],
)
def test_roles_held_or_given_up(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Principal Scientific Advisor Prof A K Sood said the hubs matter.", "A K Sood"),
        ("The Orbion Agency chairman Samir K Kamat attended the meeting.", "Samir K Kamat"),
    ],
)
def test_initials_inside_names(facts: Run, text: str, name: str) -> None:
    assert facts(text).has_entity(name)


def test_a_title_case_role_is_not_a_name(facts: Run) -> None:
    f = facts('"Industry has a key role," V K Saraswat, Member Niti Aayog, said.')
    assert not f.has_entity("Member Niti Aayog")


def test_is_the_largest_is_no_role(facts: Run) -> None:
    f = facts("Orbion Technologies is the largest company in Lyon.")
    assert not any(e.type.value == "Person" for e in f.kg.entities)


def test_minister_responsible_after_an_earlier_mention(facts: Run) -> None:
    f = facts(
        "LISBON, May 8 - Today, Ana Ferreira, Minister of Digital Innovation and Minister responsible "
        "for the Kessler Innovation Agency, met the press."
    )
    assert f.has("Ana Ferreira", "LEADS", "Kessler Innovation Agency"), f.triples()


def test_relative_clause_after_an_organisation_role(facts: Run) -> None:
    f = facts(
        "According to IBM Chief Innovation Officer Ana Ferreira, who also leads the Veltra Quantum Cluster, demand is high."
    )
    assert f.has("Ana Ferreira", "AFFILIATED_WITH", "IBM")
    assert f.has("Ana Ferreira", "LEADS", "Veltra Quantum Cluster"), f.triples()


def test_founders_pair(facts: Run) -> None:
    f = facts("Orbion Systems was spun out of Orbion University in 2019 by founders Chris Berg and Tom Lind.")
    assert f.has_entity("Chris Berg")
    assert f.has_entity("Tom Lind")


def test_apposition_ends_at_its_comma(facts: Run) -> None:
    f = facts(
        "Tomas Berg, the Vice Minister of Science, held a briefing on the launch of the Quantum Advisory Council."
    )
    assert not f.has("Tomas Berg", "AFFILIATED_WITH", "Quantum Advisory Council")


def test_surname_alone_after_a_role_is_no_person(facts: Run) -> None:
    f = facts(
        "Over 450 people attended, including Vice Minister Lee and Professor Kim Jae-wan from Orbion University."
    )
    assert not f.has_entity("Vice Minister Lee")
    assert f.has("Kim Jae-wan", "AFFILIATED_WITH", "Orbion University")


def test_a_person_named_again_by_surname(facts: Run) -> None:
    f = facts(
        "Ana Ferreira, director of the Veltra Institute, spoke on Monday. "
        "Ferreira also chairs the Quantum Advisory Council."
    )
    assert f.has("Ana Ferreira", "LEADS", "Quantum Advisory Council"), f.triples()
    assert not any(e.name == "Ferreira" for e in f.kg.entities)


def test_a_shared_surname_names_no_one(facts: Run) -> None:
    f = facts(
        "Ana Berg, director of the Veltra Institute, met Tomas Berg, CEO of Veltra Quantum. "
        "Berg also chairs the Quantum Advisory Council."
    )
    assert not any(t == "LEADS" for _, t, _ in f.triples())


def test_a_minister_chairing_a_body_is_not_its_employee(facts: Run) -> None:
    f = facts("The Quantum Advisory Council is chaired by Minister Tomas Berg.")
    assert f.has("Tomas Berg", "LEADS", "Quantum Advisory Council")
    assert not f.has("Tomas Berg", "AFFILIATED_WITH", "Quantum Advisory Council")


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Kessler Institute associate professor of physics Tomas Berg won the award.",
            "Tomas Berg",
            "Kessler Institute",
        ),
        (
            "Ana Berg, Ph.D., Veltra Quantum vice president for research, said the tests passed.",
            "Ana Berg",
            "Veltra Quantum",
        ),
    ],
)
def test_roles_with_fields_and_degrees(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ferreira thanked Orbion Technologies for its support.",
        "The report, written by Ana Ferreira and Tomas Berg, was published by Quantum Daily.",
        "Orbion Technologies is the first company in Lyon to build a trapped-ion computer.",
    ],
)
def test_no_affiliation(facts: Run, text: str) -> None:
    assert not any(t in {"AFFILIATED_WITH", "LEADS"} for _, t, _ in facts(text).triples())


def test_head_of_a_part_of_an_organisation_works_there(facts: Run) -> None:
    f = facts("Ana Ferreira, head of Orbion Quantum's sensing laboratory, said the results were promising.")
    assert f.has("Ana Ferreira", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
    assert not f.has("Ana Ferreira", "LEADS", "Orbion Quantum")
    g = facts("Ana Ferreira, head of Orbion Quantum, said the results were promising.")
    assert g.has("Ana Ferreira", "LEADS", "Orbion Quantum"), g.triples()


def test_officers_elected_in_one_list_are_people(facts: Run) -> None:
    f = facts(
        "The council elected Ana Ferreira of Orbion Labs as President and Tomas Berg of Veltra Systems "
        "as Treasurer."
    )
    assert f.has_entity("Ana Ferreira")
    assert f.has_entity("Tomas Berg")  # the second officer of the list, after "and"
    assert not f.has_entity("Tomas Berg of Veltra Systems")


def test_founders_with_lower_case_titles_after_their_company(facts: Run) -> None:
    f = facts(
        "Both Orbion Systems founders, doctor Ada Lindqvist and doctor Tom Harrow, are expected to remain "
        "with Veltra Quantum."
    )
    for person in ("Ada Lindqvist", "Tom Harrow"):
        assert f.has(person, "AFFILIATED_WITH", "Orbion Systems"), f.triples()
        assert not f.has(person, "AFFILIATED_WITH", "Veltra Quantum"), f.triples()


def test_fronted_headed_by_runs_the_subject(facts: Run) -> None:
    f = facts(
        "Founded in 2016 and headed up by co-founder and chief executive Jon Berget, Kelvion Technologies "
        "is working on sensors."
    )
    assert f.has("Jon Berget", "LEADS", "Kelvion Technologies"), f.triples()
    assert f.has("Jon Berget", "AFFILIATED_WITH", "Kelvion Technologies"), f.triples()


def test_lower_case_doctor_without_a_name_is_no_person(facts: Run) -> None:
    f = facts("The professor said the results of the doctor study were good.")
    assert not [e for e in f.kg.entities if e.type.value == "Person"]


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "It is a culmination, said Tom Berget, Prorector for Research and Innovation at the University of "
            "Copenhagen.",
            "Tom Berget",
            "University of Copenhagen",
        ),
        ("Maryland Gov. Ada Lindqvist welcomed the lab.", "Ada Lindqvist", "Maryland"),
    ],
)
def test_prorectors_and_governors(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_an_unknown_company_after_founder_and_ceo_of(facts: Run) -> None:
    f = facts("“It is fast,” said Ravi Menon, Founder and CEO of Kestrel Labs, which runs a lab in Pune.")
    assert f.has("Ravi Menon", "AFFILIATED_WITH", "Kestrel Labs"), f.triples()


def test_a_board_seat_is_an_affiliation(facts: Run) -> None:
    f = facts("Ada Lin, Senior Director at the Kessler Institute, is on the board of Orbion Quantum.")
    assert f.has("Ada Lin", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()


def test_a_person_after_an_acronym_company_is_no_company_name(facts: Run) -> None:
    f = facts("Image: CEO at Orbion Quantum Ada Lindqvist and CEO at KVTX Tom Harrow.")
    assert not f.has_entity("KVTX Tom Harrow"), sorted(f.names.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Professor Ada McKendry, director of the Kessler Institute, spoke.", "Ada McKendry"),
        ("Tomas DiVenuto, CEO of Veltra Quantum, signed the deal.", "Tomas DiVenuto"),
        ("The board thanked JoAnne Berget, who led the Orbion Institute until May.", "JoAnne Berget"),
    ],
)
def test_surnames_with_an_inner_capital(facts: Run, text: str, name: str) -> None:
    assert facts(text).has_entity(name), sorted(facts(text).names.values())


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        # an honorific after a role is the start of the name, not its end
        ("Kessland's Chief Scientist Dr. Ada Lindqvist will chair the panel.", "Scientist Dr"),
        # the board of an institute is no one
        (
            "That will also make him Chair of the Management Board of the Orbion Institute.",
            "Management Board",
        ),
    ],
)
def test_honorifics_and_boards_are_not_names(facts: Run, text: str, not_person: str) -> None:
    assert not facts(text).has_entity(not_person)


def test_chief_scientist_with_a_title_is_affiliated_with_the_country(facts: Run) -> None:
    f = facts("Sweden's Chief Scientist Dr. Ada Lindqvist will chair the panel.")
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Sweden"), f.triples()


def test_a_person_named_again_in_full_without_a_cue(facts: Run) -> None:
    f = facts(
        "Ada Lindqvist, a physicist, spoke on Monday. The Kessler Institute announced the appointment of "
        "Ada Lindqvist as its new Director."
    )
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Kessler Institute"), f.triples()


def test_a_korean_name_written_family_name_first_is_named_again_by_it(facts: Run) -> None:
    f = facts(
        "The Kessler Institute appointed Kim Jae-hoon as director. Professor Kim, who will be leading the "
        "Orbion Centre for Ion Science, resigned from Veltra University."
    )
    assert f.has("Kim Jae-hoon", "LEADS", "Orbion Centre for Ion Science"), f.triples()
    assert not any(e.name == "Kim" for e in f.kg.entities)
    # a family name written last stays the last word
    g = facts(
        "Ana Ferreira, director of the Veltra Institute, spoke. Ferreira also chairs the Quantum Advisory Council."
    )
    assert g.has("Ana Ferreira", "LEADS", "Quantum Advisory Council"), g.triples()


@pytest.mark.parametrize(
    ("text", "person", "rel", "org"),
    [
        # an apposition between the person and the verb
        (
            "Dr Ada Lindqvist, quantum lead at Orbion Instruments, has been appointed the interim director "
            "of the Kessler Institute.",
            "Ada Lindqvist",
            "AFFILIATED_WITH",
            "Kessler Institute",
        ),
        (
            "Tomas Berg, who previously served as vice president of Veltra University, has been officially "
            "appointed as the head of the Orbion Research Group.",
            "Tomas Berg",
            "LEADS",
            "Orbion Research Group",
        ),
        # the role names its own organisation: not the appointer's
        (
            "The Kessler Institute announced on Monday that they have appointed Ana Ferreira, a professor at "
            "Orbion University, as the head of the newly established Veltra Centre for Ion Science.",
            "Ana Ferreira",
            "LEADS",
            "Veltra Centre for Ion Science",
        ),
        (
            "Kessler Institute appoints Ana Ferreira to head Veltra Centre for Ion Science.",
            "Ana Ferreira",
            "LEADS",
            "Veltra Centre for Ion Science",
        ),
        # the organisation's own role after a copula or an appointment
        (
            "Professor Ada Lindqvist will be the Orbion Institute's new Director of Research from May.",
            "Ada Lindqvist",
            "AFFILIATED_WITH",
            "Orbion Institute",
        ),
        (
            "Tomas Berg, a physicist, was named Veltra Quantum's chief technology officer.",
            "Tomas Berg",
            "AFFILIATED_WITH",
            "Veltra Quantum",
        ),
        ("Dr Ana Ferreira is Veltra Quantum's chair.", "Ana Ferreira", "LEADS", "Veltra Quantum"),
        # a role held where the sentence names the place
        (
            "Professor Tomas Berg joins the Kessler Institute from Orbion University, where he is a full "
            "professor of physics.",
            "Tomas Berg",
            "AFFILIATED_WITH",
            "Orbion University",
        ),
        # a team of the organisation
        (
            "Dr Ada Lindqvist has been heading a research group at the Kessler Institute since 2015.",
            "Ada Lindqvist",
            "AFFILIATED_WITH",
            "Kessler Institute",
        ),
        # a former role after the verb
        (
            "Professor Tomas Berg was formerly a partner at Orbion Capital Partners.",
            "Tomas Berg",
            "AFFILIATED_WITH",
            "Orbion Capital Partners",
        ),
        # the progressive of running something
        (
            "Professor Ada Lindqvist, who will be leading the Veltra Quantum Hub, resigned from Orbion University.",
            "Ada Lindqvist",
            "LEADS",
            "Veltra Quantum Hub",
        ),
        # a technology as the field of a role
        (
            "Dr Tomas Berg, innovation lead for quantum sensing at the Kessler Agency, spoke.",
            "Tomas Berg",
            "AFFILIATED_WITH",
            "Kessler Agency",
        ),
        (
            "Professor Ada Lindqvist, quantum computing prof at Orbion University, is deputy director.",
            "Ada Lindqvist",
            "AFFILIATED_WITH",
            "Orbion University",
        ),
    ],
)
def test_roles_taken_and_held(facts: Run, text: str, person: str, rel: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, rel, org), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # the appointer is not where the appointee's role is
        (
            "The Kessler Institute appointed Ana Ferreira, a professor at Orbion University, as head of the "
            "Veltra Centre for Ion Science.",
            "Ana Ferreira",
            "Kessler Institute",
        ),
        # an apposition holding reported speech is not the appointee's
        (
            "Ada Lindqvist, CEO of Orbion Quantum, said Tomas Berg has been appointed chief scientist of "
            "the Kessler Institute.",
            "Ada Lindqvist",
            "Kessler Institute",
        ),
        # an apposition naming another person
        (
            "Ada Lindqvist, Tomas Berg and Ana Ferreira, all physicists, have been named fellows of the "
            "Kessler Institute.",
            "Ada Lindqvist",
            "Orbion Quantum",
        ),
        # a place inside a longer name is not where the person works
        (
            "Dr Ana Ferreira, who served as vice president of the Sweden Institute for Advanced Study, spoke.",
            "Ana Ferreira",
            "Sweden",
        ),
    ],
)
def test_roles_not_read(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert not any(s == person and o == org and t in {"AFFILIATED_WITH", "LEADS"} for s, t, o in f.triples())


def test_a_place_before_a_role_is_where_the_role_is(facts: Run) -> None:
    f = facts("The statement was signed by Ana Ferreira, UK Minister for Science, in London.")
    assert f.has("Ana Ferreira", "AFFILIATED_WITH", "United Kingdom"), f.triples()


def test_a_customer_of_an_organisation_holds_no_role(facts: Run) -> None:
    f = facts("Ada Lindqvist was Orbion Quantum's first customer in Lyon.")
    assert not any(t in {"AFFILIATED_WITH", "LEADS"} for _, t, _ in f.triples())


@pytest.mark.parametrize(
    "text",
    [
        "The Orbion Quantum Institute will recruit eight faculty. Led by Steven Kardell and Mack Virna, the "
        "institute is designed to strengthen research at Orbion University.",
        "The Orbion Quantum Institute opened in May. Headed by Professor Steven Kardell and Mack Virna, the "
        "institute will hire forty researchers.",
    ],
)
def test_fronted_led_by_plain_names_leads_the_body_described_next(facts: Run, text: str) -> None:
    f = facts(text)
    for person in ("Steven Kardell", "Mack Virna"):
        assert f.has(person, "LEADS", "Orbion Quantum Institute"), f.triples()


def test_fronted_led_by_investors_names_no_person(facts: Run) -> None:
    f = facts(
        "Orbion Quantum raised $20m. Led by Alpha Partners and Beta Capital, the round will fund hiring."
    )
    assert not [e for e in f.kg.entities if e.type.value == "Person"]
    # people by their given names (bare_names), but a round is led by investors, not headed
    g = facts("Led by Steven Kardell and Mack Virna, the round will fund hiring at Orbion Quantum.")
    assert not [r for r in g.kg.relations if r.type.value == "LEADS"], g.triples()


@pytest.mark.parametrize(
    "text",
    [
        "- The Orbion Sensing Hub (Q-OSH), led by: Professor Ada McKendry, Orbion University and Professor "
        "Tomas Berg, Veltra University. It will receive £10 million.",
        "The Orbion Sensing Hub is led by Professor Ada McKendry, Orbion University, and Professor Tomas Berg, "
        "Veltra University.",
    ],
)
def test_leaders_listed_with_their_organisations(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ada McKendry", "LEADS", "Orbion Sensing Hub"), f.triples()
    assert f.has("Tomas Berg", "LEADS", "Orbion Sensing Hub"), f.triples()
    assert f.has("Ada McKendry", "AFFILIATED_WITH", "Orbion University"), f.triples()
    assert f.has("Tomas Berg", "AFFILIATED_WITH", "Veltra University"), f.triples()
    assert not f.has("Ada McKendry", "AFFILIATED_WITH", "Veltra University")


@pytest.mark.parametrize(
    ("text", "people", "org"),
    [
        (
            "Three of the top scientists, namely Guo Wenhai, Du Lanfeng and Pan Jiewei, academicians at the "
            "Orbion Academy of Sciences, work at the university.",
            ["Guo Wenhai", "Du Lanfeng", "Pan Jiewei"],
            "Orbion Academy of Sciences",
        ),
        (
            "Ada Lindqvist and Tomas Berg, both professors of physics at Orbion University, won the prize.",
            ["Ada Lindqvist", "Tomas Berg"],
            "Orbion University",
        ),
        (
            "Ada Lindqvist and Tomas Berg, co-founders of Orbion Quantum, won the prize.",
            ["Ada Lindqvist", "Tomas Berg"],
            "Orbion Quantum",
        ),
    ],
)
def test_people_listed_before_a_plural_role(facts: Run, text: str, people: list[str], org: str) -> None:
    f = facts(text)
    for person in people:
        assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_organisations_listed_as_partners_are_not_people(facts: Run) -> None:
    f = facts("Orbion Quantum and Veltra Systems, partners of the Kessler Institute, signed a deal.")
    assert not [e for e in f.kg.entities if e.type.value == "Person"]
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "person", "rel", "org"),
    [
        (
            "Dr Tomas Berg, a 30-year industry veteran who led sales at a bank, has joined Orbion Quantum as "
            "Vice President of Corporate Development.",
            "Tomas Berg",
            "AFFILIATED_WITH",
            "Orbion Quantum",
        ),
        (
            "Dr Ada Lindqvist, a physicist who was previously Vice President for Research at Veltra Systems, "
            "spoke in Lyon.",
            "Ada Lindqvist",
            "AFFILIATED_WITH",
            "Veltra Systems",
        ),
        (
            "The plan will be finalised at a meeting of the Kessland Innovation Council chaired by Chief "
            "Cabinet Secretary Hiro Tanabe.",
            "Hiro Tanabe",
            "LEADS",
            "Kessland Innovation Council",
        ),
    ],
)
def test_roles_in_relative_clauses_and_reduced_relatives(
    facts: Run, text: str, person: str, rel: str, org: str
) -> None:
    f = facts(text)
    assert f.has(person, rel, org), f.triples()


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        (
            "Following this, Orbion Quantum Deputy Director, Associate Professor Ken Sato, spoke.",
            "Deputy Director",
        ),
        ('We discuss the rise of the "Chief Quantum Officer" at large banks.', "Quantum Officer"),
    ],
)
def test_a_title_ending_in_a_role_is_no_name(facts: Run, text: str, not_person: str) -> None:
    assert not facts(text).has_entity(not_person)


def test_the_appointment_of_a_person_names_them(facts: Run) -> None:
    f = facts("Analysts noted the appointment of Ada Lindqvist to head research at a bank.")
    assert f.has_entity("Ada Lindqvist")


def test_a_body_chaired_by_a_company_is_no_person_fact(facts: Run) -> None:
    f = facts("The Kessland Innovation Council chaired by Orbion Quantum met in May.")
    assert not [e for e in f.kg.entities if e.type.value == "Person"]


def test_a_place_beginning_a_name_in_a_relative_clause(facts: Run) -> None:
    f = facts(
        "Physicist Ada Lindqvist, who previously served as Vice President of the Sweden Institute for "
        "Advanced Study, has been appointed as the head of the Orbion Research Group."
    )
    assert not f.has("Ada Lindqvist", "AFFILIATED_WITH", "Sweden"), f.triples()
    assert f.has("Ada Lindqvist", "LEADS", "Orbion Research Group"), f.triples()


@pytest.mark.parametrize(
    ("text", "people", "org"),
    [
        ("Dr Ada Lindqvist works at the Kessler Institute in Lyon.", ["Ada Lindqvist"], "Kessler Institute"),
        (
            "Guo Wenhai, Du Lanfeng and Pan Jiewei, academicians at the Orbion Academy of Sciences, work at "
            "Veltra University.",
            ["Guo Wenhai", "Du Lanfeng", "Pan Jiewei"],
            "Veltra University",
        ),
    ],
)
def test_people_working_at_an_organisation(facts: Run, text: str, people: list[str], org: str) -> None:
    f = facts(text)
    for person in people:
        assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_an_organisation_working_with_another_is_no_affiliation(facts: Run) -> None:
    f = facts("Dr Ada Lindqvist said Orbion Quantum works with the Kessler Institute.")
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # an office of a place with a capitalised title and field, or a title and a comma
        (
            "It was good, said the Danish Minister for Higher Education and Science, Soren Pindborg.",
            "Soren Pindborg",
            "Denmark",
        ),
        (
            "The deal was signed before visiting Finnish Economic Affairs Minister, Mika Lintunen.",
            "Mika Lintunen",
            "Finland",
        ),
        (
            "The lab was opened by the UK Minister for Science and Innovation, Ada Lindqvist.",
            "Ada Lindqvist",
            "United Kingdom",
        ),
        # people named with the organisation they come from
        (
            "Attendees included Jean Paul Malot from the European Innovation Council and others.",
            "Jean Paul Malot",
            "European Innovation Council",
        ),
        # advisers to an organisation
        (
            "Orbion University has renowned researchers, including Professor Jae-Wook Ahnsung who serves as a "
            "scientific advisor to Veltra Quantum.",
            "Jae-Wook Ahnsung",
            "Veltra Quantum",
        ),
        (
            "Dr Ada Lindqvist serves as an adviser to the Kessler Institute.",
            "Ada Lindqvist",
            "Kessler Institute",
        ),
        (
            "Kessler Institute board member Lars Frolander gave a speech.",
            "Lars Frolander",
            "Kessler Institute",
        ),
    ],
)
def test_offices_origins_and_advisers(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_according_to_is_no_role_at_the_source(facts: Run) -> None:
    f = facts("Dr Ada Lindqvist is the CEO, according to the Kessler Institute.")
    assert not f.has("Ada Lindqvist", "AFFILIATED_WITH", "Kessler Institute")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The two leaders, Professors Ada Lindqvist and Tomas Berg, spoke.", ["Ada Lindqvist", "Tomas Berg"]),
        ("Presidents Ana Ferreira and Kenji Sato met in Lyon.", ["Ana Ferreira", "Kenji Sato"]),
    ],
)
def test_a_plural_title_before_two_names(facts: Run, text: str, names: list[str]) -> None:
    f = facts(text)
    for name in names:
        assert f.has_entity(name), sorted(f.names.values())


def test_a_company_from_an_organisation_is_no_person(facts: Run) -> None:
    f = facts("Attendees included Orbion Capital from the European Innovation Council.")
    assert not [e for e in f.kg.entities if e.type.value == "Person"]


@pytest.mark.parametrize(
    "text",
    [
        "Orbion University opened a lab. The university also leads initiatives like the Kessler Quantum "
        "Institute and the Veltra Quantum Hub.",
        "Orbion University leads several projects such as the Kessler Quantum Institute and the Veltra "
        "Quantum Hub.",
    ],
)
def test_an_organisation_leading_bodies_named_as_examples(facts: Run, text: str) -> None:
    f = facts(text)
    for body in ("Kessler Quantum Institute", "Veltra Quantum Hub"):
        assert f.has("Orbion University", "LEADS", body), f.triples()


def test_taking_part_in_examples_is_no_leadership(facts: Run) -> None:
    f = facts("Orbion University joins initiatives like the Kessler Quantum Institute.")
    assert not any(t == "LEADS" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Orbion University has world-renowned researchers in the quantum field, including Professor Ada "
            "Lindqvist.",
            ["Ada Lindqvist"],
        ),
        (
            "Orbion University's researchers, including Dr Ada Lindqvist and Dr Tomas Berg, built the device.",
            ["Ada Lindqvist", "Tomas Berg"],
        ),
    ],
)
def test_staff_named_as_examples(facts: Run, text: str, people: list[str]) -> None:
    f = facts(text)
    for person in people:
        assert f.has(person, "AFFILIATED_WITH", "Orbion University"), f.triples()


def test_partners_named_as_examples_are_no_staff(facts: Run) -> None:
    f = facts("Orbion Quantum has partners including Dr Ada Lindqvist.")
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples())


def test_heads_of_a_part_named_after_a_plural_role(facts: Run) -> None:
    f = facts(
        "Orbion Quantum builds chips. The company's research and development operations are led by two top "
        "quantum computing scientists, Guo Wenhai and Guo Lanfeng."
    )
    for person in ("Guo Wenhai", "Guo Lanfeng"):
        assert f.has(person, "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
        assert not f.has(person, "LEADS", "Orbion Quantum")


def test_names_after_a_plural_role_that_companies_share_are_no_people(facts: Run) -> None:
    f = facts("The round drew two partners, Alpha Partners and Beta Capital.")
    assert not [e for e in f.kg.entities if e.type.value == "Person"]


def test_an_apposition_before_a_verb_of_running(facts: Run) -> None:
    f = facts("Ada Lindqvist, Orbion Quantum's former CEO, now chairs the Kessler Council.")
    assert f.has("Ada Lindqvist", "LEADS", "Kessler Council"), f.triples()
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
    g = facts("Dr Ada Lindqvist, who met Dr Tomas Berg, chairs the Kessler Council.")
    assert not g.has("Tomas Berg", "LEADS", "Kessler Council"), g.triples()


@pytest.mark.parametrize(
    "text",
    [
        "“We are pleased,” said CEO at Orbion Computing Robert Haysen.",
        "The board met CEO of Orbion Computing Robert Haysen.",
    ],
)
def test_a_keyword_company_name_does_not_run_on_into_the_person(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Robert Haysen", "AFFILIATED_WITH", "Orbion Computing"), f.triples()


def test_a_keyword_name_with_more_keywords_keeps_its_words(facts: Run) -> None:
    f = facts("He is CEO of Veltra Quantum Computing Systems.")
    assert f.has_entity("Veltra Quantum Computing Systems"), sorted(f.names.values())


def test_a_co_founder_role_is_no_company_name(facts: Run) -> None:
    f = facts("I spoke with Tomas Berg, Chief Scientist and Co-Founder of Orbion Quantum, about it.")
    assert f.has("Tomas Berg", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
    assert not any(n.startswith("Co-Founder") for n in f.names.values())


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Orbion Quantum was founded in 2019 by Ada Lindqvist and Tomas Berg.",
            ["Ada Lindqvist", "Tomas Berg"],
        ),
        (
            "Orbion Quantum was co-founded by physicists Ada Lindqvist and Tomas Berg.",
            ["Ada Lindqvist", "Tomas Berg"],
        ),
        ("Ada Lindqvist founded Orbion Quantum in 2019.", ["Ada Lindqvist"]),
        ("Founded in 2019 by Ada Lindqvist, Orbion Quantum builds chips.", ["Ada Lindqvist"]),
        ("Orbion Quantum, founded in Lyon by Ada Lindqvist, builds chips.", ["Ada Lindqvist"]),
    ],
)
def test_founders_are_affiliated(facts: Run, text: str, people: list[str]) -> None:
    f = facts(text)
    for person in people:
        assert f.has(person, "AFFILIATED_WITH", "Orbion Quantum"), f.triples()


def test_organisations_founding_a_body_are_no_people(facts: Run) -> None:
    f = facts("The Kessler Council was founded by Orbion Quantum and Veltra Systems.")
    assert not [e for e in f.kg.entities if e.type.value == "Person"]
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "person", "rel", "org"),
    [
        # a programme has leaders, no staff
        (
            "Today, Ada Lindqvist, the Frederick Keyes Professor of Chemistry, has been appointed faculty "
            "director of the Orbion Quantum Initiative.",
            "Ada Lindqvist",
            "LEADS",
            "Orbion Quantum Initiative",
        ),
        # an appointment announced by a body named with its acronym, a title before the name
        (
            "The European Quantum Industry Council (EQIC) announced the appointment of Dr Thierry Bottel as "
            "its first Executive Director.",
            "Thierry Bottel",
            "AFFILIATED_WITH",
            "European Quantum Industry Council",
        ),
        # a role held where the sentence names the place, without a comma
        (
            "Dr Thierry Bottel joins the council from Airbus where he was deputy-head of central research.",
            "Thierry Bottel",
            "AFFILIATED_WITH",
            "Airbus",
        ),
        # a second role in the apposition
        (
            '"It is good", said Laure Le Bars, president of the Kessler Quantum Council and research project '
            "director at SAP.",
            "Laure Le Bars",
            "AFFILIATED_WITH",
            "SAP",
        ),
        # people named after a plural role of the organisation
        (
            "The Orbion Quantum Institute is a joint research entity. Its former co-directors, Ivan Deutschel "
            "and Tzvetan Metodin, are still part of the institute.",
            "Ivan Deutschel",
            "AFFILIATED_WITH",
            "Orbion Quantum Institute",
        ),
    ],
)
def test_roles_in_announcements(facts: Run, text: str, person: str, rel: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, rel, org), f.triples()


def test_a_deputy_head_where_a_person_worked_leads_nothing(facts: Run) -> None:
    f = facts("Dr Thierry Bottel joins the council from Airbus where he was deputy-head of central research.")
    assert not any(t == "LEADS" for _, t, _ in f.triples())


def test_a_name_described_as_a_team_is_no_person(facts: Run) -> None:
    f = facts("Ada Lindqvist was head of Airbus Blue Sky, a research team dedicated to new technologies.")
    assert not f.has_entity("Blue Sky")
    # the head of a part of Airbus works there (served-role reads it so); membership's "leads"
    # rule still reads "was head of §Airbus§" as leading Airbus (not this module's: reported)
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Airbus"), f.triples()


def test_organisations_running_a_body_together(facts: Run) -> None:
    f = facts("Orbion Quantum and Veltra Systems run the Kessler Quantum Hub.")
    assert f.has("Orbion Quantum", "LEADS", "Kessler Quantum Hub"), f.triples()
    assert f.has("Veltra Systems", "LEADS", "Kessler Quantum Hub"), f.triples()
    g = facts("Orbion Quantum and Veltra Systems run tests on the Kessler Quantum Hub's machine.")
    assert not any(t == "LEADS" for _, t, _ in g.triples())


def test_the_office_a_role_is_of_rather_than_the_place_before_it(facts: Run) -> None:
    f = facts(
        "The statement was signed by Dr Eric Landen, US Director of the White House Office of Science and "
        "Technology Policy, in May."
    )
    assert f.has("Eric Landen", "AFFILIATED_WITH", "White House Office of Science and Technology Policy"), (
        f.triples()
    )
    assert not f.has("Eric Landen", "AFFILIATED_WITH", "United States")


def test_an_office_with_a_field_listed_with_commas(facts: Run) -> None:
    f = facts(
        "Dr Andrew Griffin spoke. Later, the British Minister of State for Science, Research and Innovation, "
        "Andrew Griffin convened in Paris."
    )
    assert f.has("Andrew Griffin", "AFFILIATED_WITH", "United Kingdom"), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "This is key, according to Ada Lindqvist, who leads the quantum team at Orbion Quantum.",
            "Ada Lindqvist",
            "Orbion Quantum",
        ),
        (
            "Dr Ada Lindqvist will take over as CEO of Orbion Quantum in May.",
            "Ada Lindqvist",
            "Orbion Quantum",
        ),
        ("Dr Ada Lindqvist succeeds Tomas Berg as CEO of Orbion Quantum.", "Ada Lindqvist", "Orbion Quantum"),
        ("Dr Ada Lindqvist succeeds Tomas Berg as CEO of Orbion Quantum.", "Tomas Berg", "Orbion Quantum"),
        (
            "Orbion Quantum's new CEO, Ada Lindqvist, previously worked at Veltra Systems.",
            "Ada Lindqvist",
            "Veltra Systems",
        ),
        (
            "Before joining Orbion Quantum, Dr Ada Lindqvist spent ten years at Veltra Systems.",
            "Ada Lindqvist",
            "Orbion Quantum",
        ),
        (
            "Before joining Orbion Quantum, Dr Ada Lindqvist spent ten years at Veltra Systems.",
            "Ada Lindqvist",
            "Veltra Systems",
        ),
        (
            "Dr Ada Lindqvist, who joined Orbion Quantum in 2020, said it works.",
            "Ada Lindqvist",
            "Orbion Quantum",
        ),
    ],
)
def test_careers(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_a_company_replacing_another_names_no_people(facts: Run) -> None:
    f = facts("Orbion Quantum replaced Veltra Systems as the supplier of the Kessler Institute.")
    assert not [e for e in f.kg.entities if e.type.value == "Person"]
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples())


def test_passive_leadership_after_a_place_phrase(facts: Run) -> None:
    f = facts(
        "The Kessler Quantum Hub across Illinois, Indiana and Wisconsin will be led by the Orbion Quantum "
        "Institute."
    )
    assert f.has("Orbion Quantum Institute", "LEADS", "Kessler Quantum Hub"), f.triples()
    assert not any(s in {"Illinois", "Indiana"} and t == "LEADS" for s, t, _ in f.triples())


@pytest.mark.parametrize(
    "text",
    [
        "Dr Ada Lindqvist has been selected to lead the Kessler Quantum Hub.",
        "Dr Ada Lindqvist was chosen to head the new Kessler Quantum Hub.",
    ],
)
def test_a_person_chosen_to_lead(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ada Lindqvist", "LEADS", "Kessler Quantum Hub"), f.triples()


def test_a_person_chosen_to_join_leads_nothing(facts: Run) -> None:
    f = facts("Dr Ada Lindqvist has been selected to join the Kessler Quantum Hub.")
    assert not any(t == "LEADS" for _, t, _ in f.triples())


def test_a_name_before_which_is_no_person(facts: Run) -> None:
    f = facts(
        "They cited the Joint Statement on Quantum Science and Technology Cooperation, which was made during "
        "President Ada Lindqvist's visit."
    )
    assert not f.has_entity("Technology Cooperation")


@pytest.mark.parametrize(
    "text",
    [
        "Kessland's Chief Scientist Dr. Cathy Fowler will be the chair of the National Quantum Committee.",
        "Orbion Quantum CEO Cathy Fowler chairs the National Quantum Committee.",
    ],
)
def test_a_person_after_an_organisation_role_leads_what_follows(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Cathy Fowler", "LEADS", "National Quantum Committee"), f.triples()


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Ada Lin of Kessler University said the grant matters.", [("Ada Lin", "Kessler University")]),
        (
            "The project is led by Jonas Berg of the University of Eastport.",
            [("Jonas Berg", "University of Eastport")],
        ),
        (
            "The panel includes Ada Lin of Kessler University and Tom Berg of Orbion Quantum Ltd.",
            [("Ada Lin", "Kessler University"), ("Tom Berg", "Orbion Quantum Ltd")],
        ),
    ],
)
def test_a_person_of_an_organisation(facts: Run, text: str, pairs: list[tuple[str, str]]) -> None:
    f = facts(text)
    for person, org in pairs:
        assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # names of the same shape that are organisations or places, not people
        ("Royal Bank of Canada joined the round.", "Royal Bank of Canada"),
        ("The Free State of Bavaria funds the centre.", "Bavaria"),
    ],
)
def test_organisations_shaped_like_a_person_of_something(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert f.has_entity(name), sorted(f.names.values())
    assert not [i for i in f.names if i.startswith("person:")], sorted(f.names)


@pytest.mark.parametrize(
    ("text", "pairs", "not_pairs"),
    [
        (
            "Quorvane Labs and Talvia Systems opened a lab.\n\n"
            "Ada Lin, CEO of Quorvane Labs, Jonas Berg, Director of Talvia Systems\n",
            [("Jonas Berg", "Talvia Systems")],
            [("Jonas Berg", "Quorvane Labs"), ("Ada Lin", "Talvia Systems")],
        ),
        (
            "Pictured: Mira Sol, Head of Research at Orlen Holdings, and Tomas Rik, Chief Scientist of Veltra Quantum\n",
            [("Mira Sol", "Orlen Holdings"), ("Tomas Rik", "Veltra Quantum")],
            [("Tomas Rik", "Orlen Holdings"), ("Mira Sol", "Veltra Quantum")],
        ),
        (
            "The CEO of Brannic Photonics, Ines Palu, said the chip was ready.",
            [("Ines Palu", "Brannic Photonics")],
            [],
        ),
    ],
)
def test_caption_lists_give_each_person_their_own_organisation(
    facts: Run, text: str, pairs: list[tuple[str, str]], not_pairs: list[tuple[str, str]]
) -> None:
    f = facts(text)
    for person, org in pairs:
        assert f.has(person, "AFFILIATED_WITH", org) or f.has(person, "LEADS", org), f.triples()
    for person, org in not_pairs:
        assert not f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_title_case_lines_without_role_items_stay_headlines() -> None:
    assert is_headline("Orvane Names Ada Lin Chief Executive Of Its Quantum Unit")
    assert not is_headline("Ada Lin, CEO of Quorvane Labs, Jonas Berg, Director of Talvia Systems")


def test_roles_named_before_their_holders_keep_their_holders(facts: Run) -> None:
    f = facts(
        "Also attending were the Director of Brannic Photonics, Ines Palu, Head of Research at "
        "Orlen Holdings, Mira Sol, and two ministers."
    )
    assert f.has("Ines Palu", "AFFILIATED_WITH", "Brannic Photonics"), f.triples()
    assert f.has("Mira Sol", "AFFILIATED_WITH", "Orlen Holdings"), f.triples()
    assert not f.has("Mira Sol", "AFFILIATED_WITH", "Brannic Photonics"), f.triples()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a title and a surname alone name a person where no full name of the document has it
        ('"We lead in quantum," President Okonkwo said at the signing.', "Okonkwo"),
        ("Minister Lindqvist announced the plan on Monday.", "Lindqvist"),
    ],
)
def test_titled_surname_alone(facts: Run, text: str, person: str) -> None:
    f = facts(text)
    assert any(e.name == person and e.type.value == "Person" for e in f.kg.entities), f.names


def test_titled_surname_is_the_full_names_later_mention(facts: Run) -> None:
    f = facts("Nadia Okonkwo leads Orbion University. Later, President Okonkwo signed the letter.")
    assert [e.name for e in f.kg.entities if e.type.value == "Person"] == ["Nadia Okonkwo"]


@pytest.mark.parametrize(
    "text",
    [
        "Professor John said so.",  # a given name alone is no surname
        "President Partnerships were announced.",
        "The Minister Council met.",
    ],
)
def test_titled_word_that_is_no_surname(facts: Run, text: str) -> None:
    assert not [e for e in facts(text).kg.entities if e.type.value == "Person"]


def test_city_glued_to_a_capitalised_word_opens_a_name(facts: Run) -> None:
    """ "Jian-Wei Pan": a city's name before "-Wei" is part of the person's given name."""
    f = facts("Professor Ji'an-Wei is absent. Professor Jian-Wei Pan spoke at the event.")
    assert f.has_entity("Jian-Wei Pan"), f.names
