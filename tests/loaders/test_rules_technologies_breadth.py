"""Technology frames that recur across many pages (session of 2026-12-08, helper "techno"):
partners named after a pact's "with" who work on what it is made for, a place qualifying a
partner's kind noun, a design "built on" a technology after what a described start-up does, the
examples of a technology's class of actors, research "conducted by", and the first person of a
quotation. Sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


# a pact's counterpart after "with" works on what the pact is made to do
def test_memorandum_with_partner_to_collaborate_on_technology(facts: Run) -> None:
    f = facts(
        "The Varno Institute has signed a memorandum of understanding with Kvantor Corp. to collaborate "
        "on the research and development of quantum computing technology."
    )
    assert f.has("Varno Institute", "WORKS_ON", "quantum computing")
    assert f.has("Kvantor Corp", "WORKS_ON", "quantum computing")


def test_forces_joined_to_build_technology(facts: Run) -> None:
    f = facts("Orbion Inc. joined forces with Kvantor Corp. to build trapped-ion quantum computers.")
    assert f.has("Kvantor Corp", "WORKS_ON", "trapped-ion quantum computing")
    assert f.has("Orbion Inc", "WORKS_ON", "trapped-ion quantum computing")


def test_memorandum_to_promote_a_field_is_no_work(facts: Run) -> None:
    f = facts("Orbion Inc. signed an MOU with the Varno Institute to promote quantum computing.")
    assert not f.has("Varno Institute", "WORKS_ON", "quantum computing")


# a place qualifying a partner's kind noun locates the partner; the place is no party
def test_place_before_kind_noun_and_partner(facts: Run) -> None:
    f = facts(
        "The Varno Institute has signed an MOU with US chipmaker Kvantor Corp. to develop quantum sensors."
    )
    assert f.agreements() == [("MOU", frozenset({"Varno Institute", "Kvantor Corp"}))]
    assert f.has("Kvantor Corp", "LOCATED_IN", "United States")
    assert not f.has("United States", "PARTNERS_WITH", "Varno Institute")
    assert f.has("Kvantor Corp", "WORKS_ON", "quantum sensing")


def test_place_before_technology_kind_noun_and_partner(facts: Run) -> None:
    f = facts("Orbion Inc. partnered with UK quantum computing firm Kvantor Corp.")
    assert f.has("Kvantor Corp", "PARTNERS_WITH", "Orbion Inc")
    assert f.has("Kvantor Corp", "WORKS_ON", "quantum computing")
    assert f.has("Kvantor Corp", "LOCATED_IN", "United Kingdom")
    assert not f.has("United Kingdom", "PARTNERS_WITH", "Orbion Inc")


def test_place_before_a_list_still_locates_each(facts: Run) -> None:
    f = facts("US firms Orbion Inc. and Kvantor Corp. raised money last year.")
    assert f.has("Orbion Inc", "LOCATED_IN", "United States")
    assert f.has("Kvantor Corp", "LOCATED_IN", "United States")


# a design "built on" or "based on" a technology, after what a described start-up does
def test_startup_pioneering_architecture_built_on_technology(facts: Run) -> None:
    f = facts(
        "Orbion Inc. is a Lyon-based quantum computing startup pioneering a distributed, fault-tolerant "
        "quantum computer architecture built on silicon spin qubits."
    )
    assert f.has("Orbion Inc", "WORKS_ON", "silicon spin qubits")


def test_startup_developing_processor_based_on_technology(facts: Run) -> None:
    f = facts("Orbion Inc. is a Lyon-based quantum startup developing a processor based on trapped ions.")
    assert f.has("Orbion Inc", "WORKS_ON", "trapped-ion quantum computing")


def test_platform_for_customers_of_technology_is_no_work(facts: Run) -> None:
    f = facts(
        "Orbion Inc. is a startup developing a platform for customers of trapped-ion quantum computers."
    )
    assert not f.has("Orbion Inc", "WORKS_ON", "trapped-ion quantum computing")


# the examples a technology's class of actors is named by, and who does research in a field
def test_names_before_and_other_technology_companies(facts: Run) -> None:
    f = facts("Orbion Inc., Kvantor Corp. and other quantum computing companies are hiring.")
    assert f.has("Orbion Inc", "WORKS_ON", "quantum computing")
    assert f.has("Kvantor Corp", "WORKS_ON", "quantum computing")


def test_and_other_investors_in_technology_makers_is_no_work(facts: Run) -> None:
    f = facts("Orbion Inc. and other investors in quantum computing start-ups met in Lyon.")
    assert not f.has("Orbion Inc", "WORKS_ON", "quantum computing")


def test_research_in_technology_conducted_by_companies(facts: Run) -> None:
    f = facts(
        "Research in superconducting quantum computing is conducted by companies such as Orbion Inc. "
        "and Kvantor Corp."
    )
    assert f.has("Orbion Inc", "WORKS_ON", "superconducting quantum computing")
    assert f.has("Kvantor Corp", "WORKS_ON", "superconducting quantum computing")


def test_work_on_technology_carried_out_by(facts: Run) -> None:
    f = facts("Work on quantum sensing is being carried out by Orbion Inc. and the Varno Institute.")
    assert f.has("Varno Institute", "WORKS_ON", "quantum sensing")


# a possessed technology that describes another named actor is not the possessor's
def test_possessed_technology_of_a_named_spin_out(facts: Run) -> None:
    f = facts("The round included the University of Varno's quantum sensing spin-out Kvantra Labs.")
    assert f.has("Kvantra Labs", "WORKS_ON", "quantum sensing")
    assert not f.has("University of Varno", "WORKS_ON", "quantum sensing")


def test_possessed_technology_of_a_lab_is_the_possessor_s(facts: Run) -> None:
    f = facts("The Varno Institute's quantum computing lab opened in 2020.")
    assert f.has("Varno Institute", "WORKS_ON", "quantum computing")


# the first person of a quotation is the organisation of its speaker
@pytest.mark.parametrize(
    ("text", "tech"),
    [
        (
            "“Our trapped-ion quantum computers are the most accurate in the world,” said Ada Lin, CEO of Orbion Inc.",
            "trapped-ion quantum computing",
        ),
        (
            "“We are building neutral-atom quantum computers,” said Ada Lin, chief executive of Orbion Inc.",
            "neutral-atom quantum computing",
        ),
        (
            "Ada Lin, CEO of Orbion Inc., said: “Our quantum key distribution systems protect banks.”",
            "quantum key distribution",
        ),
    ],
)
def test_quoted_first_person_is_the_speaker_s_organisation(facts: Run, text: str, tech: str) -> None:
    assert facts(text).has("Orbion Inc", "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        # a future, customers, another's work, an unquoted first person: no work of the speaker's
        "“We are building a future where quantum computers will be available to developers,” said Ada Lin, CEO of Orbion Inc.",
        "“Our quantum computing customers are happy,” said Ada Lin, CEO of Orbion Inc.",
        "Our trapped-ion quantum computers are the best, said Ada Lin of Orbion Inc.",
    ],
)
def test_quoted_first_person_near_misses(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "WORKS_ON" for _, t, _ in f.triples()), f.triples()


def test_quoted_first_person_needs_one_organisation_outside(facts: Run) -> None:
    f = facts("“Our quantum sensors are ready,” said Ada Lin of Orbion Inc., after meeting Kvantor Corp.")
    assert not f.has("Orbion Inc", "WORKS_ON", "quantum sensing")


# standing in a field: "leads the world in", "a strong presence in" (an organisation's, not a place's)
@pytest.mark.parametrize(
    ("text", "tech"),
    [
        ("Orbion Inc. leads the world in quantum key distribution.", "quantum key distribution"),
        ("Orbion Inc. has a strong presence in quantum sensing.", "quantum sensing"),
    ],
)
def test_standing_in_a_field(facts: Run, text: str, tech: str) -> None:
    assert facts(text).has("Orbion Inc", "WORKS_ON", tech)


def test_a_place_s_presence_in_a_field_is_its_firms(facts: Run) -> None:
    f = facts("Norway has a strong presence in quantum communications.")
    assert not any(t == "WORKS_ON" for _, t, _ in f.triples())


def test_leading_a_round_in_a_technology_company_is_no_work(facts: Run) -> None:
    f = facts("Kvantor Corp. leads the funding round in Orbion Inc., a quantum sensing start-up.")
    assert not f.has("Kvantor Corp", "WORKS_ON", "quantum sensing")
