"""Contracts, procurement and takeovers told in the frames news uses most (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]

ORBION, KVANTRA, VARNO = "Orbion Systems", "Kvantra Labs", "University of Varno"
AGENCY = "Varno Space Agency"


@pytest.mark.parametrize(
    ("text", "client", "contractor"),
    [
        # a deal to supply names its client after the goods
        (
            "Orbion Systems has inked a deal to deliver a 100-qubit quantum computer to the University of Varno.",
            VARNO,
            ORBION,
        ),
        (
            "Orbion Systems signed a contract to supply two cryostats for the University of Varno.",
            VARNO,
            ORBION,
        ),
        # the two sides of a contract around "under"
        (
            "Kvantra Labs will build the payload under a €12 million contract with the Varno Space Agency.",
            AGENCY,
            KVANTRA,
        ),
        (
            "Under a €12 million contract with the Varno Space Agency, Kvantra Labs will design the payload.",
            AGENCY,
            KVANTRA,
        ),
        # a selection that names a role or a stage instead of a task
        ("The Varno Space Agency selected Kvantra Labs as its hardware supplier.", AGENCY, KVANTRA),
        (
            "Kvantra Labs was chosen by the Varno Space Agency for the second phase of the programme.",
            AGENCY,
            KVANTRA,
        ),
        # study contracts of space and defence agencies
        ("Kvantra Labs has been tasked by the Varno Space Agency to study a quantum link.", AGENCY, KVANTRA),
        ("The Varno Space Agency tasked Kvantra Labs to assess a quantum clock payload.", AGENCY, KVANTRA),
        # a contract signed with a described contractor
        (
            "The Varno Space Agency signed a €50 million contract with aerospace company Kvantra Labs.",
            AGENCY,
            KVANTRA,
        ),
        # a licence is a contract
        ("Kvantra Labs licensed its photonic chip designs to Orbion Systems in 2023.", ORBION, KVANTRA),
        ("Orbion Systems has licensed the technology from the University of Varno.", ORBION, VARNO),
        # a supply with a contract in the sentence
        (
            "Orbion Systems will provide the University of Varno with cloud access under a three-year contract.",
            VARNO,
            ORBION,
        ),
        # a machine delivered to a named client
        (
            "Orbion Systems has completed the installation of a 127-qubit system at the University of Varno.",
            VARNO,
            ORBION,
        ),
        ("Orbion Systems delivered its first quantum computer to the University of Varno.", VARNO, ORBION),
        (
            "Orbion Systems will install a 50-qubit system at the University of Varno next year.",
            VARNO,
            ORBION,
        ),
        ("Orbion Systems deployed its neutral-atom processor at the University of Varno.", VARNO, ORBION),
        # the winner of a client's tender
        (
            "Kvantra Labs has been selected as the winner of the Varno Space Agency tender for a clock.",
            AGENCY,
            KVANTRA,
        ),
        # money paid for goods, and a purchase named as a noun
        (
            "Kvantra Labs paid $10 million to start-up Orbion Systems for the computer and its support.",
            KVANTRA,
            ORBION,
        ),
        (
            "The Varno Space Agency announced the purchase of its first quantum computer from Kvantra Labs.",
            AGENCY,
            KVANTRA,
        ),
        ("The Varno Space Agency purchases first quantum computer from Kvantra Labs.", AGENCY, KVANTRA),
        # a leased machine
        ("The University of Varno will lease a trapped-ion system from Orbion Systems.", VARNO, ORBION),
    ],
)
def test_contract_frames(facts: Run, text: str, client: str, contractor: str) -> None:
    f = facts(text)
    assert ("Contract", frozenset({client, contractor})) in f.agreements(), f.agreements()
    assert not f.has(client, "PARTNERS_WITH", contractor)


def test_a_place_describing_the_contractor_signs_nothing(facts: Run) -> None:
    f = facts("The Varno Space Agency has signed the contract with US firm Kvantra Labs to build a clock.")
    assert ("Contract", frozenset({AGENCY, KVANTRA})) in f.agreements(), f.agreements()
    assert not any("United States" in ps for _, ps in f.agreements()), f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        # its own site, a place: no client
        "Orbion Systems installed its first quantum computer at its headquarters in Lyon.",
        # a service without a contract, deal or order
        "Orbion Systems will provide the University of Varno with training and support.",
        # a partner is no supplier
        "Orbion Systems selected Kvantra Labs as its partner for outreach.",
        # an award is no tender; a client's project named by a possessive is not its procurement
        "Orbion Systems was selected as the winner of the 2024 Varno Innovation Award.",
        "Orbion Systems was selected as the winner of the University of Varno's first quantum project.",
        "Orbion Systems will install a quantum computer at its own facility in Lyon.",
        # money for a stake buys no goods
        "Kvantra Labs paid $10 million to Orbion Systems for its stake in the University of Varno spin-out.",
        # a bare agreement may be an MOU: "under" reads contracts and deals only
        "Under the agreement with Kvantra Labs, Orbion Systems will share research data.",
    ],
)
def test_near_misses_make_no_contract(facts: Run, text: str) -> None:
    assert not [a for a in facts(text).agreements() if a[0] == "Contract"], facts(text).agreements()


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("Orbion Systems announced the acquisition of Kvantra Labs for $22 million.", False),
        ("Orbion Systems closed the previously announced purchase of Kvantra Labs.", True),
        ("Orbion Systems completed its acquisition of Kvantra Labs in March.", True),
        ("Kvantra Labs, which Orbion Systems bought last year, makes cryogenic amplifiers.", True),
        ("Orbion Systems's agreement to acquire Kvantra Labs was announced on Monday.", False),
    ],
)
def test_takeover_frames(facts: Run, text: str, done: bool) -> None:
    f = facts(text)
    assert ("Contract", frozenset({ORBION, KVANTRA})) in f.agreements(), f.agreements()
    assert f.has(KVANTRA, "PART_OF", ORBION) is done, f.triples()


def test_an_agreement_to_merge_is_a_contract(facts: Run) -> None:
    f = facts(
        "There were two deals, with Orbion Systems's agreement to merge with Kvantra Labs in a $500 million transaction."
    )
    assert ("Contract", frozenset({ORBION, KVANTRA})) in f.agreements(), f.agreements()
    assert not f.has(KVANTRA, "PART_OF", ORBION)


@pytest.mark.parametrize(
    "text",
    [
        # a rejected offer is no deal
        "Orbion Systems's offer to buy Kvantra Labs was rejected.",
        # founded, not bought
        "Kvantra Labs, which Orbion Systems founded in 2019, makes lasers.",
        # goods bought from a company: the company is not taken over
        "The University of Varno's plan to buy more hardware from Orbion Systems was approved.",
    ],
)
def test_takeover_near_misses(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "PART_OF" for _, t, _ in f.triples()), f.triples()
    assert ("Contract", frozenset({ORBION, KVANTRA})) not in f.agreements(), f.agreements()
