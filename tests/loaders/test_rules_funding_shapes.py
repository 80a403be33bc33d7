"""Funding told in sentence shapes: two objects, a fronted participle, agreements with money,
and an investment into a described name (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "funder", "funded"),
    [
        # two objects: the funder gives the funded money
        (
            "The Federal Ministry of Research of Estland will grant Kvantor Labs 500 million euros in funding.",
            "Federal Ministry of Research of Estland",
            "Kvantor Labs",
        ),
        (
            "The Ministry of Energy of Ruritania awarded Telmar University a $2 million grant.",
            "Ministry of Energy of Ruritania",
            "Telmar University",
        ),
        (
            "Kessler Ventures gave Orbion Systems €3 million in seed funding last year.",
            "Kessler Ventures",
            "Orbion Systems",
        ),
        (
            "The Ruritania Science Agency has allocated Veltra Quantum about $4m of funding.",
            "Ruritania Science Agency",
            "Veltra Quantum",
        ),
        # amounts in rand, rupees (crore) and reais are money too
        (
            "The Department of Science of Ruritania has awarded Telmar University R40-million in funding.",
            "Department of Science of Ruritania",
            "Telmar University",
        ),
        (
            "The Ruritania Innovation Agency granted Qubix Systems ₹25 crore for its sensor.",
            "Ruritania Innovation Agency",
            "Qubix Systems",
        ),
        (
            "The Ruritania Research Foundation will provide Veltra Quantum BRL 31 million over five years.",
            "Ruritania Research Foundation",
            "Veltra Quantum",
        ),
        # a fronted participle: the main clause's subject is funded
        (
            "Funded by the National Research Agency under its Discovery 2030 plan, Orbion Systems will hire 40 people.",
            "National Research Agency",
            "Orbion Systems",
        ),
        (
            "Backed by Kessler Ventures, Veltra Quantum has opened a lab in Lyon.",
            "Kessler Ventures",
            "Veltra Quantum",
        ),
        # a public funder's agreements that carry money
        (
            "The Government of Estland has signed agreements with Estonian firms Qubix Systems, Lumora Photonics "
            "and Vexel Quantum for up to $20 million each.",
            "Government of Estland",
            "Lumora Photonics",
        ),
        # a description before the funder's name
        (
            "Orbion Systems received $27.1M from the government Export and Investment Fund of Estland.",
            "Export and Investment Fund of Estland",
            "Orbion Systems",
        ),
        (
            "Veltra Quantum secured €4 million from state-owned bank Nordlys Bank.",
            "Nordlys Bank",
            "Veltra Quantum",
        ),
        # a funding list after a colon
        (
            "The effort is anchored by the Ruritania Quantum Strategy, a S$300 million plan funding four main "
            "initiatives: the Kestrel Centre for Quantum Technologies, the Quantum Engineering Programme and "
            "the Ruritania Quantum Processor Initiative.",
            "Ruritania Quantum Strategy",
            "Quantum Engineering Programme",
        ),
        # money in a relative clause
        (
            "That pales beside the $1 billion the Ruritania Government and the Estland Government have "
            "committed to Orvane Quantum.",
            "Estland Government",
            "Orvane Quantum",
        ),
        # joining investors, and investors listed after lower-case items
        (
            "The Kessler Growth Fund joins investors in Qubix Systems including several pension funds, "
            "Alder Capital, and Telmar University.",
            "Kessler Growth Fund",
            "Qubix Systems",
        ),
        (
            "The Kessler Growth Fund joins investors in Qubix Systems including several pension funds, "
            "Alder Capital, and Telmar University.",
            "Alder Capital",
            "Qubix Systems",
        ),
        # an investment into a name the sentence describes first
        (
            "Kessler Ventures and the Halden Foundation, an independent enterprise foundation, are investing "
            "€60 million in a new quantum initiative, Kvantor.",
            "Halden Foundation",
            "Kvantor",
        ),
        ("Kessler Ventures invested $5 million in a start-up called Qorient.", "Kessler Ventures", "Qorient"),
    ],
)
def test_funding_shapes_name_the_funder_and_the_funded(
    facts: Run, text: str, funder: str, funded: str
) -> None:
    f = facts(text)
    assert f.has(funder, "INVESTS_IN", funded), f.triples()


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a grant of a licence or a contract is no funding
        (
            "The Ruritania Patent Office granted Orbion Systems a patent for its ion trap.",
            "Ruritania Patent Office",
            "Orbion Systems",
        ),
        (
            "Kessler Ventures gave Orbion Systems advice on its hiring plans.",
            "Kessler Ventures",
            "Orbion Systems",
        ),
        # a list after a colon that no funding word introduces
        (
            "The Ruritania Quantum Strategy names three priorities: Qubix Systems, Alder Capital and Vexel Labs.",
            "Ruritania Quantum Strategy",
            "Qubix Systems",
        ),
        # time given, not money
        (
            "The two hours the Ruritania Government has committed to Orvane Quantum were spent on talks.",
            "Ruritania Government",
            "Orvane Quantum",
        ),
        # an agreement without money, and a company's agreement, fund nothing
        (
            "The Government of Estland signed agreements with Qubix Systems and Lumora Photonics on training.",
            "Government of Estland",
            "Qubix Systems",
        ),
        (
            "Orbion Systems signed contracts with Qubix Systems and Lumora Photonics worth $2 million.",
            "Orbion Systems",
            "Qubix Systems",
        ),
    ],
)
def test_near_misses_fund_nothing(facts: Run, text: str, source: str, target: str) -> None:
    assert not facts(text).has(source, "INVESTS_IN", target)


def test_the_government_is_the_government_named_before(facts: Run) -> None:
    f = facts(
        "The Government of Estland launched the Kvantor Challenge on Monday. As part of the challenge, the "
        "government has signed agreements with firms Qubix Systems and Vexel Quantum for up to $20 million each."
    )
    assert f.has("Government of Estland", "INVESTS_IN", "Qubix Systems"), f.triples()
    assert f.has("Government of Estland", "INVESTS_IN", "Vexel Quantum"), f.triples()


def test_an_introductory_phrase_is_no_apposition(facts: Run) -> None:
    """ "As part of the challenge, the government has signed ...": "the government" opens the
    clause; it is not a description of the challenge."""
    f = facts(
        "The Government of Estland launched the Kvantor Challenge on Monday. As part of the Kvantor Challenge, "
        "the government has signed agreements with Qubix Systems and Vexel Quantum worth $40 million."
    )
    assert f.has("Government of Estland", "INVESTS_IN", "Qubix Systems"), f.triples()
    assert not f.has("Kvantor Challenge", "INVESTS_IN", "Qubix Systems")


def test_a_national_initiative_described_is_not_a_named_one(facts: Run) -> None:
    """ "to set up a national quantum initiative" describes a plan; it is not the US National
    Quantum Initiative the gazetteer holds."""
    f = facts(
        "A Telmar University-led consortium was awarded funding to set up a national quantum initiative."
    )
    assert not f.has_entity("National Quantum Initiative")


@pytest.mark.parametrize(
    ("text", "funders", "funded"),
    [
        # money given to the funded, by each of several governments
        (
            "The State of Varno and the City of Telmar will each contribute $10 million to the Qubit Valley hub.",
            ["Varno", "Telmar"],
            "Qubit Valley",
        ),
        (
            "The Ruritania Innovation Agency pledged €4 million towards Kvantra Labs.",
            ["Ruritania Innovation Agency"],
            "Kvantra Labs",
        ),
        # the funded supported by money from its funder
        (
            "The Telmar Quantum Hub is supported by €20 million from the State of Varno.",
            ["Varno"],
            "Telmar Quantum Hub",
        ),
        (
            "Kvantra Labs will be backed by $5 million in funding from the Varno Regional Fund.",
            ["Varno Regional Fund"],
            "Kvantra Labs",
        ),
        # a fronted source of money for the clause's subject
        (
            "With funding from the Varno Regional Fund, Kvantra Labs will build a new factory.",
            ["Varno Regional Fund"],
            "Kvantra Labs",
        ),
        # counted among the funded
        (
            "Kvantra Labs is one of 12 companies to receive funding from the Quantum Catalyst Fund.",
            ["Quantum Catalyst Fund"],
            "Kvantra Labs",
        ),
    ],
)
def test_money_given_to_or_received_from(facts: Run, text: str, funders: list[str], funded: str) -> None:
    f = facts(text)
    for funder in funders:
        assert f.has(funder, "INVESTS_IN", funded), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # support without money may be advice
        "With support from the Varno Regional Fund, Kvantra Labs will build a new factory.",
        # supported by people, not money
        "The Telmar Quantum Hub is supported by engineers from the Varno Institute of Technology.",
        # the company is one of many to sign, no money from the named one
        "Kvantra Labs is one of 12 companies to sign the pledge from the Quantum Catalyst Fund.",
    ],
)
def test_no_money_given(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "INVESTS_IN" for _, t, _ in f.triples()), f.triples()
