"""Funding rounds told without their recipient, investors named by a kind, contracts given as a
second object, and earlier rounds kept apart (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    "text",
    [
        # the round named only by reference; its recipient is the organisation the article is about
        "Kvantra Labs builds trapped-ion machines in Varno. Kvantra Labs was founded in 2019 by two "
        "physicists. Orbis Ventures led the new funding, joined by Helix Capital and Tarn Capital.",
        "Kvantra Labs builds trapped-ion machines in Varno. The new funding round was co-led by Orbis "
        "Ventures and Helix Capital, with participation from Tarn Capital. Kvantra Labs will hire 40 engineers.",
        "Investors in the round include Orbis Ventures, Helix Capital and Tarn Capital. Kvantra Labs will "
        "use the funds to build a quantum computer. Kvantra Labs was founded in 2019.",
    ],
)
def test_round_named_by_reference_funds_the_organisation_in_focus(facts: Run, text: str) -> None:
    f = facts(text)
    for investor in ("Orbis Ventures", "Helix Capital", "Tarn Capital"):
        assert f.has(investor, "INVESTS_IN", "Kvantra Labs")
    assert ("Investment", frozenset({"Kvantra Labs", "Orbis Ventures", "Helix Capital", "Tarn Capital"})) in (
        f.agreements()
    )


@pytest.mark.parametrize(
    "text",
    [
        # two organisations named as often: no focus
        "Orbion and Kvantra Labs both build quantum sensors. Orbis Ventures led the new funding, joined by Helix Capital.",
        # the most named organisation is the lead investor itself
        "Orbis Ventures has invested in many start-ups. Orbis Ventures led the new funding, joined by "
        "Helix Capital. Orbis Ventures manages $2 billion.",
        # no round named by reference
        "Kvantra Labs builds quantum sensors. Kvantra Labs is hiring. Orbis Ventures led a study, joined by Helix Capital.",
    ],
)
def test_no_focus_no_round(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "INVESTS_IN" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "investor"),
    [
        (
            "In the past, Kvantra Labs raised funds in an angel round from such investors as KESTREL.",
            "KESTREL",
        ),
        (
            "Kvantra Labs raised $9 million. The round was led by Orbis Ventures, with additional "
            "participants, including Helix Capital and KVB International.",
            "KVB International",
        ),
    ],
)
def test_investors_named_by_their_kind_are_organisations(facts: Run, text: str, investor: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", "Kvantra Labs")


def test_participants_alone_name_no_organisation(facts: Run) -> None:
    f = facts("The workshop had 40 participants, including Mara Velin and Tomas Egger.")
    assert not any(e.type.value == "Company" for e in f.kg.entities)


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritania Space Agency awarded Kvantra Labs a $3 million contract to build a quantum clock.",
        "The Ruritania Space Agency has awarded Kvantra Labs a four-year contract to deliver quantum sensors.",
    ],
)
def test_contract_as_second_object_is_a_contract(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("Contract", frozenset({"Ruritania Space Agency", "Kvantra Labs"})) in f.agreements()
    assert not f.has("Ruritania Space Agency", "INVESTS_IN", "Kvantra Labs")


def test_grant_as_second_object_stays_funding(facts: Run) -> None:
    f = facts("The Ruritania Science Agency awarded Kvantra Labs a $3 million grant.")
    assert f.has("Ruritania Science Agency", "INVESTS_IN", "Kvantra Labs")
    assert not any(kind == "Contract" for kind, _ in f.agreements())


def test_earlier_round_is_a_deal_of_its_own(facts: Run) -> None:
    f = facts(
        "Kvantra Labs has raised $30 million in a Series A round led by Orbis Ventures with participation "
        "from Helix Capital. In the past, Kvantra Labs raised funds in an angel round from Tarn Capital."
    )
    assert ("Investment", frozenset({"Kvantra Labs", "Orbis Ventures", "Helix Capital"})) in f.agreements()
    assert ("Investment", frozenset({"Kvantra Labs", "Tarn Capital"})) in f.agreements()


def test_previous_investors_joining_this_round_stay_in_it(facts: Run) -> None:
    f = facts(
        "Kvantra Labs has raised $30 million in a Series A round led by Orbis Ventures. "
        "Previous investors Helix Capital and Tarn Capital also participated."
    )
    assert ("Investment", frozenset({"Kvantra Labs", "Orbis Ventures", "Helix Capital", "Tarn Capital"})) in (
        f.agreements()
    )


def test_people_in_an_investor_roster_are_angels(facts: Run) -> None:
    f = facts(
        "Kvantra Labs raised $9 million. Those participating in the round include Orbis Ventures, "
        "former Helix CEO Ada Vell and Tomas Egger."
    )
    assert f.has("Ada Vell", "INVESTS_IN", "Kvantra Labs")
    assert f.has("Tomas Egger", "INVESTS_IN", "Kvantra Labs")
    assert not f.has("Helix", "INVESTS_IN", "Kvantra Labs")


def test_a_person_speaking_for_an_investor_is_no_angel(facts: Run) -> None:
    f = facts("Kvantra Labs raised $9 million. The round was led by Orbis Ventures partner Ada Vell.")
    assert not f.has("Ada Vell", "INVESTS_IN", "Kvantra Labs")


@pytest.mark.parametrize(
    ("text", "invested"),
    [
        # the relative clause ends at its comma: the names after it are co-leads
        (
            "The round was led by Orbis Ventures, which has invested in several sector companies, "
            "Helix Capital, and the Tarn Fund.",
            False,
        ),
        # a count announces the names as the clause's objects
        (
            "The round was led by Orbis Ventures, which has invested in two start-ups, Kvantra Labs and Veltra Quantum.",
            True,
        ),
    ],
)
def test_relative_clause_objects(facts: Run, text: str, invested: bool) -> None:
    f = facts(text)
    names = [n for n in ("Helix Capital", "Tarn Fund", "Kvantra Labs", "Veltra Quantum") if f.has_entity(n)]
    assert any(f.has("Orbis Ventures", "INVESTS_IN", n) for n in names) is invested


def test_investors_of_the_round_on_stage_invested(facts: Run) -> None:
    f = facts(
        "Kvantra Labs announced a €5 million seed round. Orbis Ventures, Helix Capital and Tarn Capital invested."
    )
    for investor in ("Orbis Ventures", "Helix Capital", "Tarn Capital"):
        assert f.has(investor, "INVESTS_IN", "Kvantra Labs")


def test_investing_elsewhere_is_no_part_of_the_round(facts: Run) -> None:
    f = facts(
        "Kvantra Labs announced a €5 million seed round. Orbis Ventures invested in Veltra Quantum last year."
    )
    assert not f.has("Orbis Ventures", "INVESTS_IN", "Kvantra Labs")
