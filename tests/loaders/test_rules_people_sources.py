"""Where a person comes from when the organisation is named right after them: an unknown name after
"of"/"at"/"from" a person (or a role apposed to one) is an organisation; people coordinated before
it each come from it; an apposition between a person and their verb does not hide the verb.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "person", "rel", "org"),
    [
        # an unknown one-word organisation after a role apposed to a person
        (
            '"The chip is ready," said Nadia Okonkwo, president of Kvorsa.',
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kvorsa",
        ),
        (
            "Tobias Lindqvist, vice president of Qubitek, spoke first.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Qubitek",
        ),
        # no given name of the lexicon: the apposed role marks the person
        (
            "An interview with Yarden Torvalc, President of Psirano, opens the issue.",
            "Yarden Torvalc",
            "AFFILIATED_WITH",
            "Psirano",
        ),
        # a person, then "of"/"at"/"from" and a name without an organisation word
        (
            "Si-Ling Tan of Horizon Qubits and Amir Vahidi of Eonix joined the panel.",
            "Amir Vahidi",
            "AFFILIATED_WITH",
            "Eonix",
        ),
        (
            "According to Nadia Okonkwo at Kvorsa, the chip is ready.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kvorsa",
        ),
        (
            "The board is led by Dr Tobias Lindqvist of Orvane Quantum.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Orvane Quantum",
        ),
        # two people coordinated before the organisation they come from
        (
            "Dr Nadia Okonkwo and researcher Dr Tobias Lindqvist of the Veltra Photonics Group presented the device.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Veltra Photonics Group",
        ),
        (
            "Nadia Okonkwo and Tobias Lindqvist, both of Orvane Quantum, presented the device.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Orvane Quantum",
        ),
        (
            "Nadia Okonkwo and Tobias Lindqvist, both of Orvane Quantum, presented the device.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
            "Orvane Quantum",
        ),
        (
            "Professor Nadia Okonkwo and Dr Tobias Lindqvist from Kessler University built the sensor.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kessler University",
        ),
        # an apposition naming another body does not hide the person's own verb
        (
            "Professor Nadia Okonkwo, a Fellow of the Veltra Academy, will serve as the Director of the new "
            "Kessler Quantum Centre.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kessler Quantum Centre",
        ),
        (
            "Nadia Okonkwo will serve as the director of the newly formed Kessler Quantum Centre.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Kessler Quantum Centre",
        ),
    ],
)
def test_person_sources(facts: Run, text: str, person: str, rel: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, rel, org), f.triples()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a field or area a role names is no organisation
        ("Nadia Okonkwo, professor of Physics, said the chip was ready.", "Physics"),
        ("Nadia Okonkwo, Minister of Finance, said the chip was ready.", "Finance"),
        ("Tobias Lindqvist, vice president of Engineering, said the chip was ready.", "Engineering"),
        (
            "Tobias Lindqvist, Professor of Theoretical Physics, said the chip was ready.",
            "Theoretical Physics",
        ),
        # a known place after "from" stays a place
        ("Nadia Okonkwo from Boston said the chip was ready.", "Boston"),
    ],
)
def test_no_organisation_after_person(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    people = {f.names[r.source] for r in f.kg.relations if r.type.value == "AFFILIATED_WITH"}
    assert not any(f.names[r.target] == name for r in f.kg.relations if r.type.value == "AFFILIATED_WITH"), (
        people
    )
    assert not any(
        e.name == name and e.type.value not in {"City", "Region", "Country"} for e in f.kg.entities
    )


def test_own_role_before_the_first_of_two(facts: Run) -> None:
    """ "Orvane Quantum CEO A and B of Veltrix Labs": A comes from Orvane, only B from Veltrix."""
    f = facts("Orvane Quantum CEO Nadia Okonkwo and Tobias Lindqvist of Veltrix Labs presented the device.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()
    assert f.has("Tobias Lindqvist", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()
    assert not f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()


def test_each_of_two_with_own_organisations(facts: Run) -> None:
    f = facts("Nadia Okonkwo of Veltrix Labs and Tobias Lindqvist of Orvane Quantum presented the device.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()
    assert not f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()
    assert f.has("Tobias Lindqvist", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "rel", "body"),
    [
        # a principal investigator leads the programme
        (
            "Nadia Okonkwo is the principal investigator of the Qubit Horizon Programme.",
            "Nadia Okonkwo",
            "LEADS",
            "Qubit Horizon Programme",
        ),
        (
            "The Qubit Horizon Programme's principal investigator, Nadia Okonkwo, spoke.",
            "Nadia Okonkwo",
            "LEADS",
            "Qubit Horizon Programme",
        ),
        # former roles count
        (
            "Nadia Okonkwo, who previously led Orvane Quantum, joined Veltrix Labs.",
            "Nadia Okonkwo",
            "LEADS",
            "Orvane Quantum",
        ),
        (
            "Tobias Lindqvist, who formerly headed the Kessler Institute, spoke.",
            "Tobias Lindqvist",
            "LEADS",
            "Kessler Institute",
        ),
        # a cabinet chaired by its head, a society's fellow
        (
            "The mission was approved at a meeting of the Estrian Cabinet chaired by Prime Minister Tobias Lindqvist.",
            "Tobias Lindqvist",
            "LEADS",
            "Estrian Cabinet",
        ),
        (
            "Nadia Okonkwo, a Fellow of the Veltra Society, spoke.",
            "Nadia Okonkwo",
            "AFFILIATED_WITH",
            "Veltra Society",
        ),
    ],
)
def test_leaders(facts: Run, text: str, person: str, rel: str, body: str) -> None:
    f = facts(text)
    assert f.has(person, rel, body), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Qubit Horizon Programme is led by Orvane Quantum's Nadia Okonkwo.",
        "The Qubit Horizon Programme is led by Orvane Quantum's chief scientist Dr Nadia Okonkwo.",
    ],
)
def test_led_by_a_possessed_person(facts: Run, text: str) -> None:
    """ "led by O's P": the person leads and works for O; O leads nothing."""
    f = facts(text)
    assert f.has("Nadia Okonkwo", "LEADS", "Qubit Horizon Programme"), f.triples()
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()
    assert not f.has("Orvane Quantum", "LEADS", "Qubit Horizon Programme"), f.triples()


def test_led_by_an_organisation_stays(facts: Run) -> None:
    f = facts("The Qubit Horizon Programme is led by Orvane Quantum and Veltrix Labs.")
    assert f.has("Orvane Quantum", "LEADS", "Qubit Horizon Programme"), f.triples()
    assert f.has("Veltrix Labs", "LEADS", "Qubit Horizon Programme"), f.triples()


def test_principal_investigator_at_a_university_is_staff(facts: Run) -> None:
    """A principal investigator named with a university works there; no programme is led."""
    f = facts("Nadia Okonkwo, the principal investigator at Kessler University, spoke.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Kessler University"), f.triples()
    assert not f.has("Nadia Okonkwo", "LEADS", "Kessler University"), f.triples()


def test_who_joined_is_no_leader(facts: Run) -> None:
    f = facts("Nadia Okonkwo, who previously joined Orvane Quantum, spoke.")
    assert not f.has("Nadia Okonkwo", "LEADS", "Orvane Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "rel"),
    [
        (
            "Orvane Quantum's CEO Nadia Okonkwo and CTO Tobias Lindqvist presented the device.",
            "Tobias Lindqvist",
            "AFFILIATED_WITH",
        ),
        (
            "Orvane Quantum chairman Nadia Okonkwo, CEO Tobias Lindqvist and chief financial officer Mia Okafor spoke.",
            "Mia Okafor",
            "AFFILIATED_WITH",
        ),
        (
            "Orvane Quantum CEO Tobias Lindqvist and chairwoman Nadia Okonkwo spoke.",
            "Nadia Okonkwo",
            "LEADS",
        ),
    ],
)
def test_more_holders_of_one_organisations_roles(facts: Run, text: str, person: str, rel: str) -> None:
    f = facts(text)
    assert f.has(person, rel, "Orvane Quantum"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # no role of their own: "and B" may be anyone
        "Orvane Quantum's CEO Nadia Okonkwo and Tobias Lindqvist presented the device.",
        # an academic or public title is no role of the organisation
        "Orvane Quantum CEO Nadia Okonkwo and Professor Tobias Lindqvist presented the device.",
        # another organisation's role
        "Orvane Quantum CEO Nadia Okonkwo and Veltrix Labs CTO Tobias Lindqvist presented the device.",
    ],
)
def test_no_role_of_the_organisation_before(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Tobias Lindqvist", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()


def test_head_of_a_part_works_there(facts: Run) -> None:
    """ "O's head of research P": the head of a part of O works at O; O itself is not led."""
    f = facts("Orvane Quantum's head of research Nadia Okonkwo said the chip was ready.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()
    assert not f.has("Nadia Okonkwo", "LEADS", "Orvane Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Kvorsa's chief scientist, Nadia Okonkwo, said the chip was ready.", "Kvorsa"),
        ("Kvorsa's new director, Dr Tobias Lindqvist, said the chip was ready.", "Kvorsa"),
    ],
)
def test_unknown_owner_of_a_role_held_by_a_person(facts: Run, text: str, org: str) -> None:
    f = facts(text)
    person = "Nadia Okonkwo" if "Nadia" in text else "Tobias Lindqvist"
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_no_organisation_owning_a_role_of_a_place_or_a_reference(facts: Run) -> None:
    f = facts("The company's chief scientist, Nadia Okonkwo, said the chip was ready.")
    assert not any(e.type.value == "Company" for e in f.kg.entities), f.names


@pytest.mark.parametrize(
    "text",
    [
        "Orvane Quantum poached two leaders, the startup said. Former Veltrix Labs software head Nadia Okonkwo "
        "is joining as the vice president of software.",
        "Orvane Quantum raised $5m on Monday. Nadia Okonkwo was named chief executive in May.",
        "Orvane Quantum raised $5m on Monday. Nadia Okonkwo will take over as CEO in June.",
        "Orvane Quantum raised $5m on Monday. And Nadia Okonkwo, the previous chief business officer at "
        "Veltrix Labs, a rival to Orvane Quantum, is coming onboard as the vice president of sales.",
    ],
)
def test_joining_the_organisation_in_focus(facts: Run, text: str) -> None:
    """A person taking a role with no organisation named takes it at the one the document is about."""
    f = facts(text)
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # the role's own organisation is named
        "Orvane Quantum raised $5m on Monday. Nadia Okonkwo was named chief executive of Veltrix Labs in May.",
        # no organisation named before
        "Nadia Okonkwo is joining as chief executive.",
        # another organisation named beside the move may be the one joined
        "Orvane Quantum raised $5m on Monday. Nadia Okonkwo was named chief executive in May, Veltrix Labs said.",
        # an honour, no role
        "Orvane Quantum raised $5m on Monday. Nadia Okonkwo was named one of the most influential people.",
        # the organisation in focus is not the first one named and another is named more often
        "Veltrix Labs hired two people. Veltrix Labs also bought Orvane Quantum. Veltrix Labs grew. "
        "Nadia Okonkwo is joining as chief executive.",
    ],
)
def test_no_organisation_in_focus_joined(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Orvane Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "leader", "body"),
    [
        # the helm of an organisation, a fronted leadership phrase
        ("Nadia Okonkwo took the helm of Orvane Quantum in 2020.", "Nadia Okonkwo", "Orvane Quantum"),
        (
            "Tobias Lindqvist is at the helm of the Kessler Institute.",
            "Tobias Lindqvist",
            "Kessler Institute",
        ),
        (
            "Under the leadership of Kessler University, the Qubit Horizon Programme started in May.",
            "Kessler University",
            "Qubit Horizon Programme",
        ),
    ],
)
def test_helm_and_fronted_leadership(facts: Run, text: str, leader: str, body: str) -> None:
    f = facts(text)
    assert f.has(leader, "LEADS", body), f.triples()


def test_fronted_leadership_of_a_place_is_none(facts: Run) -> None:
    f = facts("Under the leadership of Kessler University, Estria grew.")
    assert not any(t == "LEADS" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," said Nadia Okonkwo, Veltrix Labs.',
        "Nadia Okonkwo, Veltrix Labs, said the chip was ready.",
        "According to Nadia Okonkwo, Veltrix Labs, the chip is ready.",
    ],
)
def test_speaker_with_the_organisation_alone(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # a list of parties, not a speaker's organisation
        "The deal was signed by Nadia Okonkwo, Veltrix Labs and Orvane Quantum.",
        '"We are ready," said Nadia Okonkwo, Veltrix Labs and Orvane Quantum.',
    ],
)
def test_no_speaker_organisation_in_a_list(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Veltrix Labs"), f.triples()


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Nadia Okonkwo left IBM for Google in 2021.", ("IBM", "Google")),
        ("Nadia Okonkwo said she decided to leave IBM for Google because of the chips.", ("IBM", "Google")),
        (
            "Nadia Okonkwo left Kessler University to join Orvane Quantum in 2021.",
            ("Kessler University", "Orvane Quantum"),
        ),
        (
            "Nadia Okonkwo moved to Orvane Quantum after eight years at Kessler University.",
            ("Orvane Quantum", "Kessler University"),
        ),
        (
            "Nadia Okonkwo spent a decade at Kessler University before joining Orvane Quantum.",
            ("Orvane Quantum",),
        ),
    ],
)
def test_career_moves(facts: Run, text: str, orgs: tuple[str, ...]) -> None:
    f = facts(text)
    for org in orgs:
        assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # a place moved to says where, not for whom
        "Nadia Okonkwo moved to Boston after she retired.",
        # an organisation leaving a group is no person's career
        "Orvane Quantum left the Kessler Consortium for the Estrian Alliance.",
        # two people: whose years they were is not said
        "Nadia Okonkwo and Tobias Lindqvist met before joining Orvane Quantum.",
    ],
)
def test_no_career_move(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # an apposition between dashes reads as one between commas
        ("Nadia Okonkwo – CEO of Orvane Quantum – said the chip was ready.", "Orvane Quantum"),
        ('"We are ready," said Nadia Okonkwo — chief scientist at Orvane Quantum.', "Orvane Quantum"),
        ("Nadia Okonkwo – CEO of Psirano – said the chip was ready.", "Psirano"),
        # leading an activity or a unit at an organisation is working there
        (
            "Nadia Okonkwo, who led the research at Kessler University, said the chip was ready.",
            "Kessler University",
        ),
        ("Nadia Okonkwo leads the quantum programme at Orvane Quantum.", "Orvane Quantum"),
    ],
)
def test_dashes_and_activities(facts: Run, text: str, org: str) -> None:
    f = facts(text)
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", org), f.triples()
    assert not f.has("Nadia Okonkwo", "LEADS", org), f.triples()


def test_leading_research_at_a_university_leads_no_university(facts: Run) -> None:
    f = facts("Orvane Quantum led the research at Kessler University.")
    assert not f.has("Orvane Quantum", "LEADS", "Kessler University"), f.triples()


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Nadia Okonkwo, a member of the Kessler Academy of Sciences, spoke.", "Kessler Academy of Sciences"),
        ("Nadia Okonkwo, a member of the board of Orvane Quantum, spoke.", "Orvane Quantum"),
        ("Nadia Okonkwo is a founding member of the Estrian Quantum Council.", "Estrian Quantum Council"),
        ("Nadia Okonkwo, who advises Orvane Quantum, spoke.", "Orvane Quantum"),
    ],
)
def test_person_member_of_a_body(facts: Run, text: str, org: str) -> None:
    f = facts(text)
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", org), f.triples()


def test_organisation_member_is_no_affiliation(facts: Run) -> None:
    """An organisation a member of a body is PART_OF it; AFFILIATED_WITH is a person's."""
    f = facts("Orvane Quantum, a member of the Estrian Quantum Council, raised $5m.")
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # a speaker with no given name of the lexicon, named with where they come from
        ("Oyelaran Adeyemi of Orvane Quantum said the chip was ready.", "Oyelaran Adeyemi", "Orvane Quantum"),
        ('"We are ready," Oyelaran Adeyemi from Kvorsa told reporters.', "Oyelaran Adeyemi", "Kvorsa"),
    ],
)
def test_speaker_of_an_organisation(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Nadia Okonkwo, Science Lead at the Kessler Quantum Center told reporters the chip was ready.",
        "The Bank of Estria said rates would rise.",
    ],
)
def test_no_speaker_person_from_a_role_or_a_name(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(e.name in {"Science Lead", "Bank", "The Bank"} for e in f.kg.entities), f.names


def test_people_listed_each_with_an_unknown_organisation(facts: Run) -> None:
    """ "A of X and Dr B of Y": the next person of the list ends X's name."""
    f = facts("Nadia Okonkwo of Kvorsa and Dr Tobias Lindqvist of Psirano joined the panel.")
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Kvorsa"), f.triples()
    assert f.has("Tobias Lindqvist", "AFFILIATED_WITH", "Psirano"), f.triples()
    assert not f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Psirano"), f.triples()
