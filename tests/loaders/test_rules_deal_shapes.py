"""Takeovers and mergers told in shapes the plain "A acquired B" rules miss (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


def test_a_participle_says_what_the_subject_bought(facts: Run) -> None:
    f = facts(
        "Qubix Systems is no newcomer to deals, having acquired another photonics company, Lumora Photonics "
        "in 2022, and later software firm Vexel Labs."
    )
    assert f.has("Lumora Photonics", "PART_OF", "Qubix Systems"), f.triples()
    assert f.has("Vexel Labs", "PART_OF", "Qubix Systems"), f.triples()
    assert ("Contract", frozenset({"Qubix Systems", "Lumora Photonics"})) in f.agreements()


def test_a_letter_of_intent_to_merge_is_a_takeover_not_a_partnership(facts: Run) -> None:
    f = facts(
        "Orvane Quantum has entered into a non-binding letter of intent to merge with SPAC dMY Kestrel "
        "Acquisition Corp in a deal that values Orvane at $500m."
    )
    assert ("Contract", frozenset({"Orvane Quantum", "dMY Kestrel Acquisition Corp"})) in f.agreements()
    assert not any(kind in {"MOU", "Partnership"} for kind, _ in f.agreements()), f.agreements()
    assert not f.has("Orvane Quantum", "PARTNERS_WITH", "dMY Kestrel Acquisition Corp")


def test_it_after_and_now_is_the_clause_s_subject(facts: Run) -> None:
    f = facts(
        "Qubix Systems appeared poised to make an acquisition, and now it has agreed to buy Lumora Photonics, "
        "the photonic unit of Vexel Group."
    )
    assert ("Contract", frozenset({"Qubix Systems", "Lumora Photonics"})) in f.agreements()
    assert f.has("Lumora Photonics", "PART_OF", "Vexel Group"), f.triples()


def test_names_opening_in_lower_case_before_a_capital(facts: Run) -> None:
    """ "qOrbit", "dMY Kestrel": a few lower-case letters before a capital still open a name."""
    f = facts("Kessler Ventures invested $4 million in qOrbit, and backed dMY Kestrel in 2023.")
    assert f.has("Kessler Ventures", "INVESTS_IN", "qOrbit"), f.triples()


def test_accelerator_awarding_contracts_is_their_client(facts: Run) -> None:
    # a body named like a programme ("... Accelerator") that awards contracts; the contractors
    # follow sentence after sentence, each keeping the client on stage
    f = facts(
        "The Frontier Capabilities Accelerator has awarded more than $60 million in research contracts to "
        "local companies. Kvantra Labs and Orbion Systems are among the startups to score contracts under "
        "the Frontier program. Three of the projects were delayed by a year. Many proposals came from "
        "universities. The accelerator was set up in 2023. It has a staff of 40. Budgets were tight. "
        "Veltra Quantum also scored a contract ($3.2 million)."
    )
    for taker in ("Kvantra Labs", "Orbion Systems", "Veltra Quantum"):
        assert ("Contract", frozenset({"Frontier Capabilities Accelerator", taker})) in f.agreements()


def test_contractors_too_far_from_the_client_take_none(facts: Run) -> None:
    f = facts(
        "The Frontier Capabilities Accelerator has awarded more than $60 million in research contracts to "
        "local companies. Three of the projects were delayed by a year. Many proposals came from "
        "universities. The accelerator was set up in 2023. It has a staff of 40. Budgets were tight. "
        "Costs rose. Veltra Quantum also scored a contract ($3.2 million)."
    )
    assert not any(kind == "Contract" for kind, _ in f.agreements())


def test_selected_to_lead_a_consortium_is_a_contract(facts: Run) -> None:
    f = facts(
        "The Ruritania Space Agency has selected Orbion Systems to lead a consortium of companies to study a quantum network."
    )
    assert ("Contract", frozenset({"Ruritania Space Agency", "Orbion Systems"})) in f.agreements()


def test_selected_to_lead_a_discussion_is_no_contract(facts: Run) -> None:
    f = facts("The Ruritania Space Agency has selected Orbion Systems to lead the discussion at the fair.")
    assert not any(kind == "Contract" for kind, _ in f.agreements())


def test_a_command_is_a_government_body_partner(facts: Run) -> None:
    f = facts(
        "The Varno Research Laboratory said Monday it partnered with Telmar Combat Capabilities Development "
        "Command and Orbion Systems to launch the Telmar Quantum Network."
    )
    assert f.has(
        "Varno Research Laboratory", "PARTNERS_WITH", "Telmar Combat Capabilities Development Command"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kvantra Labs has won a tender from the Ruritania Space Agency to deliver quantum sensors.",
        "Kvantra Labs received a $4 million order from the Ruritania Space Agency.",
        "The Ruritania Space Agency has chosen Kvantra Labs to develop quantum clocks.",
    ],
)
def test_work_ordered_by_a_client_is_a_contract_not_funding(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("Contract", frozenset({"Ruritania Space Agency", "Kvantra Labs"})) in f.agreements()
    assert not f.has("Ruritania Space Agency", "INVESTS_IN", "Kvantra Labs")
    assert not any(kind == "Investment" for kind, _ in f.agreements())


def test_a_grant_received_stays_funding(facts: Run) -> None:
    f = facts("Kvantra Labs received a $4 million grant from the Ruritania Space Agency.")
    assert f.has("Ruritania Space Agency", "INVESTS_IN", "Kvantra Labs")


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum, a joint venture of Kvantra Labs and Orbion Systems, was founded in 2021.",
        "Veltra Quantum, a 50/50 joint venture between Kvantra Labs and Orbion Systems, builds sensors.",
        "Kvantra Labs and Orbion Systems have formed a joint venture, Veltra Quantum.",
    ],
)
def test_a_joint_venture_belongs_to_its_owners(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Veltra Quantum", "PART_OF", "Kvantra Labs"), f.triples()
    assert f.has("Veltra Quantum", "PART_OF", "Orbion Systems"), f.triples()


def test_a_venture_fund_is_no_joint_venture(facts: Run) -> None:
    f = facts("Veltra Quantum, a venture fund of Kvantra Labs and Orbion Systems, was founded in 2021.")
    assert not f.has("Veltra Quantum", "PART_OF", "Orbion Systems")
