"""Many-party agreements in one sentence: parties agreeing together, consortia named by their
leader (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania, Estland and Norvia have agreed to build a shared quantum communication network.",
        "Ruritania, Estland and Norvia agreed on a common research agenda for quantum sensing.",
    ],
)
def test_parties_agreeing_together_partner(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ruritania", "PARTNERS_WITH", "Estland")
    assert f.has("Estland", "PARTNERS_WITH", "Norvia")


@pytest.mark.parametrize(
    "text",
    [
        "Kvantra Labs and Orbion Systems agreed to merge.",
        "Kvantra Labs and Orbion Systems agreed to pay the fine.",
        "Kvantra Labs agreed to acquire Orbion Systems.",
    ],
)
def test_agreeing_to_a_takeover_or_payment_is_no_partnership(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Kvantra Labs", "PARTNERS_WITH", "Orbion Systems")


@pytest.mark.parametrize(
    "text",
    [
        "Kvantra Labs and Orbion Systems are part of a consortium led by the University of Varno.",
        "Kvantra Labs and Orbion Systems are members of the new alliance coordinated by the University of Varno.",
    ],
)
def test_members_of_a_consortium_led_by_its_leader(facts: Run, text: str) -> None:
    f = facts(text)
    assert (
        "Consortium",
        frozenset({"Kvantra Labs", "Orbion Systems", "University of Varno"}),
    ) in f.agreements()


def test_a_programme_led_by_is_no_consortium(facts: Run) -> None:
    f = facts("Kvantra Labs and Orbion Systems are part of a programme led by the University of Varno.")
    assert not any(kind == "Consortium" for kind, _ in f.agreements())


def test_the_state_is_the_region_named_before(facts: Run) -> None:
    f = facts(
        "Maryland Gov. Wes Moore announced that Kvantra Labs will open a lab in College Park. Under this "
        "agreement, Kvantra Labs will partner with the state and Orbion Systems to establish the lab."
    )
    assert ("Partnership", frozenset({"Kvantra Labs", "Maryland", "Orbion Systems"})) in f.agreements()
    assert f.has("Kvantra Labs", "PARTNERS_WITH", "Maryland")


@pytest.mark.parametrize(
    "text",
    [
        # no region named before
        "The state of the art in quantum sensing is advancing. Kvantra Labs will partner with the state.",
        # "state-owned" is no reference
        "Maryland is growing. Kvantra Labs will partner with the state-owned Telmar Bank.",
    ],
)
def test_no_state_reference(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Kvantra Labs", "PARTNERS_WITH", "Maryland")


@pytest.mark.parametrize(
    "text",
    [
        "The project, coordinated by Kvantra Labs, brings together Orbion Systems and the University of Varno.",
        "Kvantra Labs leads the Q-Link project, whose partners include Orbion Systems and the University of Varno.",
        "Kvantra Labs is the coordinator of a consortium that also includes Orbion Systems and the University of Varno.",
    ],
)
def test_a_project_coordinator_and_its_partners_are_a_consortium(facts: Run, text: str) -> None:
    f = facts(text)
    assert (
        "Consortium",
        frozenset({"Kvantra Labs", "Orbion Systems", "University of Varno"}),
    ) in f.agreements()


def test_a_project_involving_one_actor_is_no_consortium(facts: Run) -> None:
    f = facts("The project involves a new laboratory in Telmar and Kvantra Labs.")
    assert not any(kind == "Consortium" for kind, _ in f.agreements())
