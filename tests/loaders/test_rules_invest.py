"""Money and leadership told by shape: hyphenated leaders and rounds, funding named by its
owner, public packages shared out, portfolios, investor rosters (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "leader", "led"),
    [
        # a leader as a hyphenated modifier of what it leads
        ("QuantIC is a Telmar University-led research hub.", "Telmar University", "QuantIC"),
        (
            "The Quantum Imaging Hub (QIH), a Telmar University-led research hub, focuses on imaging.",
            "Telmar University",
            "Quantum Imaging Hub",
        ),
        (
            "The Telmar University-led Estland Quantum Network has 12 members.",
            "Telmar University",
            "Estland Quantum Network",
        ),
        # a role's holder leads, whatever stands before the role
        (
            "The Estland Quantum Council was set up in 2023. It is chaired by former minister Jonas Weller.",
            "Jonas Weller",
            "Estland Quantum Council",
        ),
        (
            "The Estland Quantum Council is chaired by Orbion Systems co-founder Jonas Weller.",
            "Jonas Weller",
            "Estland Quantum Council",
        ),
        # a chair or head named before the person
        (
            "The head of the Telmar Quantum Network, Ada Lindqvist, said the award was a milestone.",
            "Ada Lindqvist",
            "Telmar Quantum Network",
        ),
        (
            "Chair of the Estland Quantum Council, Jonas Weller, spoke.",
            "Jonas Weller",
            "Estland Quantum Council",
        ),
        # a body drives a programme, or guides or supervises it
        (
            "The Estland Quantum Strategy is driven by the National Quantum Office.",
            "National Quantum Office",
            "Estland Quantum Strategy",
        ),
        (
            "The National Quantum Office has developed the Estland Quantum Strategy under the guidance of the "
            "National Quantum Steering Committee.",
            "National Quantum Steering Committee",
            "Estland Quantum Strategy",
        ),
        (
            "The Mission Coordination Cell will function under the overall supervision and guidance of the "
            "Mission Technology Council.",
            "Mission Technology Council",
            "Mission Coordination Cell",
        ),
    ],
)
def test_leaders_by_shape(facts: Run, text: str, leader: str, led: str) -> None:
    f = facts(text)
    assert f.has(leader, "LEADS", led), f.triples()


@pytest.mark.parametrize(
    ("text", "not_leader", "led"),
    [
        # a hyphenated leader of a round is its investor, not a leader of the company
        (
            "The Kessler Ventures-led investment in Orbion Quantum closed in May.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
        # a person described by where they come from leads nothing
        ("Ada Lindqvist, a Telmar University-led researcher, spoke.", "Telmar University", "Ada Lindqvist"),
        # panelists listed with semicolons: the last one's role is not the others'
        (
            "The panel featured Ada Lindqvist, principal at Kessler Ventures; Jonas Weller, manager at Orbion "
            "Systems; and Mira Sol, senior director of the Qubit Futures Programme.",
            "Ada Lindqvist",
            "Qubit Futures Programme",
        ),
        # a head of a part of the organisation does not lead the organisation
        ("Head of research at Orbion Systems, Jonas Weller, spoke.", "Jonas Weller", "Orbion Systems"),
        # what drives demand leads nothing; a student's supervisor leads no student
        (
            "Demand for the Estland Quantum Strategy is driven by Orbion Systems.",
            "Orbion Systems",
            "Estland Quantum Strategy",
        ),
        (
            "Ada Lindqvist wrote her thesis under the supervision of Prof. Jonas Weller.",
            "Jonas Weller",
            "Ada Lindqvist",
        ),
        (
            "Orbion Systems was built under the guidance of Telmar University.",
            "Telmar University",
            "Orbion Systems",
        ),
    ],
)
def test_no_leader_in_near_misses(facts: Run, text: str, not_leader: str, led: str) -> None:
    f = facts(text)
    assert not f.has(not_leader, "LEADS", led), f.triples()


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        # a round led by a hyphenated investor
        (
            "Orbion Quantum raised $5 million in a Kessler Ventures-led round.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
        (
            "The Kessler Ventures-led investment in Orbion Quantum closed in May.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
        # funding named by its owner, then its source
        (
            "The Telmar Quantum Centre's core funding is provided by the Ruritania Science Agency.",
            "Ruritania Science Agency",
            "Telmar Quantum Centre",
        ),
        (
            "Orbion Quantum's seed money came from Kessler Ventures and Nordlys Capital.",
            "Nordlys Capital",
            "Orbion Quantum",
        ),
        # portfolios told from the held company's side, or with the holder as subject
        (
            "Orbion Quantum is the first unicorn in the portfolio of Kessler Ventures.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
        (
            "Orbion Quantum is part of the portfolio of Kessler Ventures, the venture fund set up by Telmar University.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
        (
            "Kessler Ventures has Orbion Quantum and Qubix Systems in its portfolio.",
            "Kessler Ventures",
            "Qubix Systems",
        ),
        (
            "Kessler Ventures' previous $15 million fund focused on Lyon and backed startups such as Orbion Quantum, "
            "Qubix Systems and Vexel Photonics.",
            "Kessler Ventures",
            "Vexel Photonics",
        ),
        # an investor without a name cue, listed after the round's lead
        (
            "Orbion Quantum raised $20m in a series C round in 2020. The series D was again led by Kessler Ventures "
            "and involved Marrowind Gifford, Nordlys Capital and Brightwater Partners.",
            "Marrowind Gifford",
            "Orbion Quantum",
        ),
    ],
)
def test_investments_by_shape(facts: Run, text: str, investor: str, recipient: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", recipient), f.triples()


def test_an_owner_in_apposition_is_no_investor(facts: Run) -> None:
    f = facts(
        "Orbion Quantum raised $20m in a series C round in 2020. The series D was led by Kessler Ventures and "
        "involved Nordlys Capital and Tamsek, the Estland Government's investment firm."
    )
    assert f.has("Tamsek", "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert not f.has("Estland Government", "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_holdings_make_no_investment_agreement(facts: Run) -> None:
    f = facts("Kessler Ventures has Orbion Quantum and Qubix Systems in its portfolio.")
    assert f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert f.agreements() == [], f.agreements()


def test_a_public_package_shared_out(facts: Run) -> None:
    f = facts(
        "The Estland Government is set to distribute $2 billion in grants to nine firms. Under the plan, "
        "$1 billion of the $2 billion package will be awarded to Orbion Quantum, while Vexel Photonics is "
        "scheduled to receive $375 million. Other companies are expected to receive $100 million each. "
        "Those firms include Qubix Systems, Lumora Photonics and Telmar Instruments. "
        "Kessler Quantum is listed to receive $38 million."
    )
    for r in ("Orbion Quantum", "Vexel Photonics", "Qubix Systems", "Telmar Instruments", "Kessler Quantum"):
        assert f.has("Estland Government", "INVESTS_IN", r), (r, f.triples())


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum's main customer is the Ruritania Science Agency.",
        "Orbion Quantum's funding came as a surprise to the Ruritania Science Agency.",
        "Orbion Quantum's products are given to Ruritania Science Agency staff.",
    ],
)
def test_no_funding_from_an_owner_in_near_misses(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Ruritania Science Agency", "INVESTS_IN", "Orbion Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "maker", "made"),
    [
        # who leads the making makes it
        (
            "Orbion Systems will lead the establishment of the Estland Quantum Computing Centre with other companies.",
            "Orbion Systems",
            "Estland Quantum Computing Centre",
        ),
        # the launch of a phase of a programme
        (
            "The Ruritania Science Agency announced the launch of Phase 1 of the Quantum Champions Programme.",
            "Ruritania Science Agency",
            "Quantum Champions Programme",
        ),
        # a new fund launched with its money before its name
        (
            "The Ruritania Science Agency launched a $100 million Quantum Growth Fund in May.",
            "Ruritania Science Agency",
            "Quantum Growth Fund",
        ),
        # a new programme announced with its money
        (
            "The Department for Science has announced the £15m Quantum Catalyst Fund to help the government.",
            "Department for Science",
            "Quantum Catalyst Fund",
        ),
    ],
)
def test_makers_by_shape(facts: Run, text: str, maker: str, made: str) -> None:
    f = facts(text)
    assert f.has(maker, "DEVELOPS", made), f.triples()


@pytest.mark.parametrize(
    ("text", "maker", "made"),
    [
        # money for an existing programme, or a grant named after one, makes nothing
        (
            "The Department for Science has announced a $5m investment in the Quantum Catalyst Fund.",
            "Department for Science",
            "Quantum Catalyst Fund",
        ),
        ("Orbion Systems has unveiled a $5m Kessler Programme grant.", "Orbion Systems", "Kessler Programme"),
    ],
)
def test_no_maker_in_near_misses(facts: Run, text: str, maker: str, made: str) -> None:
    f = facts(text)
    assert not f.has(maker, "DEVELOPS", made), f.triples()


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        # a round named by what it adds to its recipient's total
        (
            "The $34 million Series B round, co-led by Kessler Ventures, Nordlys Capital and Brightwater Holdings' "
            "Quantum Fund, brings Orbion Quantum's total funding to over $50 million.",
            "Brightwater Holdings",
            "Orbion Quantum",
        ),
        (
            "The seed round, led by Kessler Ventures, takes Veltra Photonics' total capital to $9 million.",
            "Kessler Ventures",
            "Veltra Photonics",
        ),
        # a fronted participle whose plan holds names and commas of its own
        (
            "Funded by the Ruritania Research Foundation under Ruritania's Research, Innovation and Enterprise "
            "2025 (RIE 2025) plan, the Estland Quantum Strategy will see S$300 million invested.",
            "Ruritania Research Foundation",
            "Estland Quantum Strategy",
        ),
        # money into a described newcomer named after its kind
        (
            "Kessler Ventures and the Nordlys Foundation, an independent Danish foundation, are investing €80 "
            "million in a new Nordic quantum initiative, QuBorealis, to advance the region.",
            "Nordlys Foundation",
            "QuBorealis",
        ),
        (
            "Kessler Ventures committed $12 million to a quantum start-up called VeltriQ last week.",
            "Kessler Ventures",
            "VeltriQ",
        ),
        # followers named after the round's lead
        (
            "Orbion Quantum raised $215m. The round was led by Kessler Ventures, joined by Nordlys Capital and "
            "Redpoint Ventures.",
            "Redpoint Ventures",
            "Orbion Quantum",
        ),
        # a prize programme funds its winner
        (
            "Qubix Systems, another Lyon-based sensing company, recently won the Ruritania Defence Challenge, "
            "securing ₹25 crore in government funding.",
            "Ruritania Defence Challenge",
            "Qubix Systems",
        ),
        (
            "Lumora Photonics has won the Estland Quantum Challenge, worth €500,000.",
            "Estland Quantum Challenge",
            "Lumora Photonics",
        ),
    ],
)
def test_more_funding_shapes(facts: Run, text: str, investor: str, recipient: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", recipient), f.triples()


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        # a prize won without money, or money that is not the prize's
        (
            "Qubix Systems won the Ruritania Defence Challenge last year and hired 20 people.",
            "Ruritania Defence Challenge",
            "Qubix Systems",
        ),
        # money put into a place, said by someone else
        (
            "Kessler Ventures is investing $5 million in a new office in Lyon, Orbion Quantum said.",
            "Kessler Ventures",
            "Lyon",
        ),
        # a round's lead said with another company's total
        (
            "The round, led by Kessler Ventures, was smaller than Orbion Quantum's total revenue.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
    ],
)
def test_no_funding_in_more_near_misses(facts: Run, text: str, investor: str, recipient: str) -> None:
    f = facts(text)
    assert not f.has(investor, "INVESTS_IN", recipient), f.triples()


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        ("Kessler Ventures put $5 million into Orbion Quantum.", "Kessler Ventures", "Orbion Quantum"),
        (
            "Kessler Ventures has poured another €20m of its own money into Orbion Quantum.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
        (
            "Kessler Ventures and Nordlys Capital are among the backers of Orbion Quantum.",
            "Nordlys Capital",
            "Orbion Quantum",
        ),
    ],
)
def test_money_moved_in_and_backers_counted(facts: Run, text: str, investor: str, recipient: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", recipient), f.triples()


def test_among_the_customers_is_no_backer(facts: Run) -> None:
    f = facts("Kessler Ventures is among the customers of Orbion Quantum.")
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "holder", "held"),
    [
        (
            "The Ruritania Science Agency is Orbion Quantum's largest shareholder.",
            "Ruritania Science Agency",
            "Orbion Quantum",
        ),
        (
            "Orbion Quantum counts the Ruritania Science Agency and Kessler Ventures as shareholders.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
    ],
)
def test_holders_invest_without_a_deal(facts: Run, text: str, holder: str, held: str) -> None:
    f = facts(text)
    assert f.has(holder, "INVESTS_IN", held), f.triples()
    assert f.agreements() == [], f.agreements()


def test_a_customer_is_no_holder(facts: Run) -> None:
    f = facts("Kessler Ventures is Orbion Quantum's largest customer.")
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_hosted_and_led_by(facts: Run) -> None:
    f = facts("The Telmar Quantum Hub will be hosted and led by Telmar University.")
    assert f.has("Telmar University", "LEADS", "Telmar Quantum Hub"), f.triples()
