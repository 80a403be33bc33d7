"""Investment phrasings: funding rounds across sentences, grants, stakes, backers (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


def _investment(f: Facts) -> set[frozenset[str]]:
    return {parties for kind, parties in f.agreements() if kind == "Investment"}


@pytest.mark.parametrize(
    ("text", "investors", "recipient"),
    [
        (
            "Veltra Quantum raised $12 million from Kessler Ventures and Alder Capital.",
            ["Kessler Ventures", "Alder Capital"],
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum has closed a $25 million Series A. Kessler Ventures led the round, "
            "joined by Alder Capital and Brightwater Capital.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum raised $30 million in a Series A round. "
            "Existing investors Kessler Ventures and Alder Capital also took part.",
            ["Kessler Ventures", "Alder Capital"],
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum completed a $30 million Series A round. "
            "Investors include Kessler Ventures, Alder Capital and Brightwater Capital.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
            "Veltra Quantum",
        ),
        (
            "Orbion Systems secured €8 million in seed funding. "
            "The round was led by Kessler Ventures, with Alder Capital and Brightwater Capital also participating.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
            "Orbion Systems",
        ),
        (
            "Orbion Systems raised €40 million in a Series B round led by Kessler Ventures "
            "with participation from Alder Capital and Brightwater Capital.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
            "Orbion Systems",
        ),
        (
            "Orbion Systems picked up $9 million in new financing. "
            "Other backers in the round included Alder Capital and Brightwater Capital.",
            ["Alder Capital", "Brightwater Capital"],
            "Orbion Systems",
        ),
        (
            "Veltra Quantum is backed by Kessler Ventures and Alder Capital.",
            ["Kessler Ventures", "Alder Capital"],
            "Veltra Quantum",
        ),
    ],
)
def test_round_investors_invest_in_recipient(
    facts: Run, text: str, investors: list[str], recipient: str
) -> None:
    f = facts(text)
    for investor in investors:
        assert f.has(investor, "INVESTS_IN", recipient), (investor, f.triples())
    # one Investment agreement: the recipient and every named investor, nobody else
    assert frozenset([recipient, *investors]) in _investment(f)


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        (
            "A €2 million grant was awarded to Veltra Quantum by the Nordic Innovation Fund.",
            "Nordic Innovation Fund",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum received a €2 million grant from the Nordic Innovation Fund.",
            "Nordic Innovation Fund",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum was awarded €2 million by the Nordic Innovation Fund.",
            "Nordic Innovation Fund",
            "Veltra Quantum",
        ),
        ("Kessler Ventures took a stake in Veltra Quantum.", "Kessler Ventures", "Veltra Quantum"),
        (
            "Veltra Quantum is setting up operations in Lyon thanks to an investment by Kessler Ventures.",
            "Kessler Ventures",
            "Veltra Quantum",
        ),
        (
            "The Veltra Quantum Project will receive €4 million in EU support.",
            "European Union",
            "Veltra Quantum Project",
        ),
        (
            "The first machine was unveiled by Veltra Quantum in 2023 with funding from the Nordic Innovation Fund.",
            "Nordic Innovation Fund",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum announced that it gained a $230,000 grant from the Nordic Innovation Fund.",
            "Nordic Innovation Fund",
            "Veltra Quantum",
        ),
        ("Samsung's venture arm invested in Veltra Quantum.", "Samsung", "Veltra Quantum"),
        (
            "Kessler Ventures and Alder Capital are backing Veltra Quantum with a $5 million investment.",
            "Alder Capital",
            "Veltra Quantum",
        ),
    ],
)
def test_grants_stakes_and_arms(facts: Run, text: str, investor: str, recipient: str) -> None:
    assert facts(text).has(investor, "INVESTS_IN", recipient)


@pytest.mark.parametrize(
    ("text", "investors"),
    [
        # an appositive between the recipient and its verb; investors with a comma before "including"
        (
            "Veltra Quantum (Lyon), a French photonics startup, completed a Series A round led by Kessler Ventures. "
            "Several previous investors, including Alder Capital and Brightwater Capital, participated as well.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
        ),
        # the recipient named inside the investors' phrase, and "The" opening a name
        (
            "Other previous investors in Veltra Quantum include The Nordic Innovation Fund and Alder Capital.",
            ["Nordic Innovation Fund", "Alder Capital"],
        ),
        # the rest of the money, several sentences on
        (
            "Veltra Quantum closed a €90 million Series C. The round was led by Kessler Ventures. "
            "The startup plans to hire. It will open a lab. "
            "The remaining capital came from a long list including Alder Capital and Brightwater Capital.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
        ),
        # "collected ... from investors including", then "have also invested in the business"
        (
            "Veltra Quantum has collected $15 million in funding from investors including Kessler Ventures. "
            "Alder Capital and Brightwater Capital have also invested in the business.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
        ),
    ],
)
def test_round_phrasing_variants(facts: Run, text: str, investors: list[str]) -> None:
    f = facts(text)
    for investor in investors:
        assert f.has(investor, "INVESTS_IN", "Veltra Quantum"), (investor, f.triples())


def test_roster_with_fund_managers_and_commitments(facts: Run) -> None:
    f = facts(
        "Veltra Quantum closed a €90 million Series C. "
        "The Nordic Growth Bank committed €30 million, a third of the total. "
        "The remaining capital came from investors including Alder Capital, Brightwater Fund managed by "
        "Kessler Ventures, and Orbion Capital."
    )
    for investor in ["Nordic Growth Bank", "Alder Capital", "Brightwater Fund", "Orbion Capital"]:
        assert f.has(investor, "INVESTS_IN", "Veltra Quantum"), (investor, f.triples())
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum")  # the fund's manager


def test_long_roster_with_unknown_names_and_appositions(facts: Run) -> None:
    f = facts(
        "Veltra Quantum closed a €90 million Series C. "
        "The remaining capital came from a long roster including Zyxo advised by Qwerta, Alder Capital, "
        "the Brightwater Fund managed by Kessler Ventures, Orbion Capital, and Nordic Capital."
    )
    for investor in ["Alder Capital", "Orbion Capital", "Nordic Capital"]:
        assert f.has(investor, "INVESTS_IN", "Veltra Quantum"), (investor, f.triples())
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum")


def test_a_funded_consortium_is_party_to_the_investment(facts: Run) -> None:
    f = facts("The Nordic Quantum Consortium has received €615 million from the Nordic Innovation Fund.")
    assert (
        "Investment",
        frozenset({"Nordic Quantum Consortium", "Nordic Innovation Fund"}),
    ) in f.agreements()


@pytest.mark.parametrize(
    ("text", "investor"),
    [
        ("Kessler Ventures co-led a $450 million round for Veltra Quantum in 2021.", "Kessler Ventures"),
        ("Kessler Ventures, known for deep-tech bets, invested in Veltra Quantum.", "Kessler Ventures"),
        (
            "Veltra Quantum, which is developing quantum sensing hardware, has raised a €11.45m seed round from "
            "a group of investors including Zy.vc, Alder Capital (the regional fund), and Kessler Ventures.",
            "Alder Capital",
        ),
        (
            "Veltra Quantum was recently spun out and raised an unspecified round. "
            "Those participating in the round include Kessler Ventures and Alder Capital.",
            "Alder Capital",
        ),
    ],
)
def test_more_round_shapes(facts: Run, text: str, investor: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", "Veltra Quantum"), f.triples()


def test_money_pooled_for_a_hub(facts: Run) -> None:
    f = facts(
        "Private and public investments of more than $435 million have been confirmed for the Nordic Quantum Consortium. "
        "From this amount, $131 million is injected by the Ministry of Defence to support 13 projects. "
        "Other companies that have confirmed investments include Veltra Quantum and Orbion Systems."
    )
    for investor in ["Ministry of Defence", "Veltra Quantum", "Orbion Systems"]:
        assert f.has(investor, "INVESTS_IN", "Nordic Quantum Consortium"), (investor, f.triples())
    # backers of a hub commit side by side: no single Investment agreement binds them
    assert [k for k, _ in f.agreements()] == []


def test_funded_through(facts: Run) -> None:
    f = facts("The Veltra Quantum Programme has been funded through the Nordic Innovation Fund.")
    assert f.has("Nordic Innovation Fund", "INVESTS_IN", "Veltra Quantum Programme")


def test_round_reference_reaches_back_but_not_forever(facts: Run) -> None:
    text = (
        "Veltra Quantum raised $30 million in a Series A round. "
        "The company builds trapped-ion processors. "
        "The round was led by Kessler Ventures."
    )
    assert facts(text).has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum")
    far = (
        "Veltra Quantum raised $30 million in a Series A round. "
        + "The weather in the valley was mild that spring. " * 7
        + "The round was led by Kessler Ventures."
    )
    assert not facts(far).has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum")


@pytest.mark.parametrize(
    "text",
    [
        # a project led by a university is leadership, not money
        "Veltra Quantum raised $30 million in a Series A round. The testbed project is led by Kessler University.",
        # research funding of the whole sector is not this round
        "Veltra Quantum raised $30 million in a Series A round. "
        "The sector has major research funding from giants such as Kessler Ventures and Alder Capital.",
        # supplying a technology is not funding it
        "Kessler Ventures will provide quantum sensing hardware.",
        # the funded lab belongs to a company named after the money, not to the one named before it
        "Veltra Quantum staff visited Kessler University, which runs a lab with funding from Kessler Ventures.",
        # an investor of another company in the same sentence
        "Veltra Quantum raised $30 million in a Series A round. Kessler Ventures also invested in Orbion Systems.",
    ],
)
def test_no_spurious_investors(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Kessler University", "INVESTS_IN", "Veltra Quantum")
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum")
    assert not f.has("Alder Capital", "INVESTS_IN", "Veltra Quantum")
    assert not any(t == "INVESTS_IN" and o == "quantum sensing" for _, t, o in f.triples())


def test_roster_of_unknown_investors_with_advisers(facts: Run) -> None:
    f = facts(
        "Orbion Quantum raised £20 million in a Series B. The round was led by Kessler Capital. The remaining "
        "capital came from a long roster including Veltrix advised by Nordaco, Sarenti, and Obrix Ventures."
    )
    for investor in ("Veltrix", "Sarenti", "Obrix Ventures"):
        assert f.has(investor, "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert f.has_entity("Nordaco")
    assert not f.has("Nordaco", "INVESTS_IN", "Orbion Quantum")


def test_round_opened_by_a_description_and_named_in_the_next_sentence(facts: Run) -> None:
    f = facts(
        "A Lyon-based quantum sensing startup has closed a €40 million Series B raise. "
        "Founded in 2019 and headed by Ada Lin, Orbion Quantum is building gravimeters. "
        "The round is led by Kessler Capital and also includes existing investors Sarenti and Obrix. "
        "Nordic VC Veltrix contributed for the first time, along with Tamura Holdings."
    )
    for investor in ("Kessler Capital", "Sarenti", "Obrix", "Veltrix", "Tamura Holdings"):
        assert f.has(investor, "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_a_described_opener_takes_no_recipient_that_is_not_a_subject(facts: Run) -> None:
    f = facts(
        "A Lyon-based quantum sensing startup has closed a €40 million Series B raise. "
        "Analysts at Kessler Capital praised the deal. The round is led by Sarenti."
    )
    assert not [t for t in f.triples() if t[1] == "INVESTS_IN"], f.triples()


def test_the_round_is_the_last_one_opened_and_a_relative_clause_stays_out_of_the_list(facts: Run) -> None:
    f = facts(
        "Kelvion Technologies recently added $27 million to its Series B round, Sanko Electric brought in $36 "
        "million in its Series A round, and Lyon-based startup Orbion Quantum this week announced a $2 million "
        "seed round. The round was led by Kessler Capital, which has invested in several sector companies, "
        "Veltrix Ventures, and the Nordlys Innovation Fund."
    )
    for investor in ("Kessler Capital", "Veltrix Ventures", "Nordlys Innovation Fund"):
        assert f.has(investor, "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert not f.has("Kessler Capital", "INVESTS_IN", "Sanko Electric"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum has previously received £9m from the Danish government.",
        "Orbion Quantum will receive an initial, five-year, $26 million grant from the Danish government.",
    ],
)
def test_received_and_will_receive_money_from(facts: Run, text: str) -> None:
    assert facts(text).has("Danish Government", "INVESTS_IN", "Orbion Quantum")


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        # an investor named before "other investors in X include ..."
        (
            "In addition to Kessler Ventures, other previous investors in Veltra Quantum include Alder Capital.",
            "Kessler Ventures",
            "Veltra Quantum",
        ),
        (
            "In addition to Kessler Ventures, the other backers of Veltra Quantum are Alder Capital and Obrix.",
            "Kessler Ventures",
            "Veltra Quantum",
        ),
        # a description between the recipient and its verb
        (
            "Veltra Quantum, a consortium of firms in Lyon (France), has won a grant of $4 million from the "
            "Nordic Innovation Fund.",
            "Nordic Innovation Fund",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum, which makes lasers, received $2 million from Kessler Ventures.",
            "Kessler Ventures",
            "Veltra Quantum",
        ),
        # the money secured by the recipient, then its location, then the funders
        (
            "The sector's largest deal was a $60 million funding package secured by Veltra Quantum, located in "
            "Lyon, France, from the Nordic Innovation Fund and Kessler Ventures.",
            "Kessler Ventures",
            "Veltra Quantum",
        ),
        # a loan through a government programme: the programme is named as the funder
        (
            "Veltra Quantum received a $7 million loan from the federal government under the Nordic Innovation Fund.",
            "Nordic Innovation Fund",
            "Veltra Quantum",
        ),
        # supported with a funder's award
        (
            "The Veltra Quantum Project is supported with a Nordic Innovation Fund research award.",
            "Nordic Innovation Fund",
            "Veltra Quantum Project",
        ),
        # a fund named with its owner in a round's roster
        (
            "Veltra Quantum secured a $30 million round, attracting investments from players like Kessler "
            "Ventures's Growth Fund and Alder Capital.",
            "Alder Capital",
            "Veltra Quantum",
        ),
    ],
)
def test_funders_in_more_phrasings(facts: Run, text: str, investor: str, recipient: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", recipient), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # a rival's investors are not this company's
        "Besides Kessler Ventures, other firms such as Alder Capital invest in Orbion Systems.",
        # a package secured by someone for another party, with no funder after it
        "The package secured by Kessler Ventures, located in Lyon, France, goes to Veltra Quantum.",
        # support that is not money
        "Veltra Quantum is supported with a Nordic Innovation Fund mentoring scheme.",
    ],
)
def test_no_funding_in_near_miss_phrasings(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Orbion Systems"), f.triples()
    assert not f.has("Nordic Innovation Fund", "INVESTS_IN", "Veltra Quantum"), f.triples()
    assert not f.has("Veltra Quantum", "INVESTS_IN", "Kessler Ventures"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum landed a package of $600 million from the Australian Commonwealth and Queensland "
        "governments to build a factory.",
        "Orbion Quantum received $600 million from the Australian federal and Queensland state governments.",
    ],
)
def test_two_levels_of_government_fund_together(facts: Run, text: str) -> None:
    f = facts(text)
    for funder in ("Australian Government", "Queensland Government"):
        assert f.has(funder, "INVESTS_IN", "Orbion Quantum"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Today, the Nordic Innovation Fund announced a total investment of C$9.5 million to help 3 local "
        "companies grow. These three companies include Orbion Quantum, Veltra Systems and Kelvion Technologies.",
        "The Nordic Innovation Fund awarded grants to three start-ups in May. The work starts in June. "
        "The recipients are Orbion Quantum, Veltra Systems and Kelvion Technologies.",
    ],
)
def test_a_grant_to_a_counted_group_named_next(facts: Run, text: str) -> None:
    f = facts(text)
    recipients = {"Orbion Quantum", "Veltra Systems", "Kelvion Technologies"}
    for r in recipients:
        assert f.has("Nordic Innovation Fund", "INVESTS_IN", r), f.triples()
    # each recipient's grant is its own Investment agreement with the funder (no pairs among recipients)
    assert _investment(f) == {frozenset({r, "Nordic Innovation Fund"}) for r in recipients}, f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        # the companies listed are customers, not recipients
        "The Nordic Innovation Fund awarded grants to three start-ups in May. Its customers include "
        "Orbion Quantum and Veltra Systems.",
        # listed far from the money
        "The Nordic Innovation Fund awarded grants to three start-ups in May. The work starts in June. "
        "It will take years. The recipients are Orbion Quantum and Veltra Systems.",
        # no count: a general statement
        "The Nordic Innovation Fund invests in companies. These companies include Orbion Quantum and Veltra Systems.",
    ],
)
def test_no_counted_grant(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Nordic Innovation Fund", "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_levels_of_government_add_money_to_a_hubs_grant(facts: Run) -> None:
    f = facts(
        "The Kessler Quantum Hub has won a grant of $40 million from the Nordic Innovation Fund. In addition, "
        "the state of Norland is providing funding of $77 million for a lab. Also, the state of Estavia is "
        "providing $10 million to support a facility. Veltra Capital will chip in $5 million."
    )
    for funder in ("Nordic Innovation Fund", "Norland", "Estavia", "Veltra Capital"):
        assert f.has(funder, "INVESTS_IN", "Kessler Quantum Hub"), f.triples()


def test_a_hub_named_in_passing_opens_no_grant(facts: Run) -> None:
    f = facts(
        "The Kessler Quantum Hub has won praise from the Nordic Innovation Fund. In addition, the state of "
        "Norland is providing $77 million for roads."
    )
    assert not f.has("Norland", "INVESTS_IN", "Kessler Quantum Hub"), f.triples()


@pytest.mark.parametrize(
    ("text", "investors", "recipient"),
    [
        # a list of participants with an aside, and a round date before its recipient
        (
            "Sanko Electric, Tarvel Bank and Hanbit Telecom, for example, took part in a $33m series B funding "
            "round in May 2022 for Orbion Quantum.",
            ["Sanko Electric", "Tarvel Bank", "Hanbit Telecom"],
            "Orbion Quantum",
        ),
        (
            "Sanko Electric and Hanbit Telecom backed a $10m series B round of Orbion Quantum in March.",
            ["Sanko Electric", "Hanbit Telecom"],
            "Orbion Quantum",
        ),
        # participants named with "among" and "as an investor"
        (
            "Orbion Quantum announced a $1 billion Series E funding round, with Kessler Ventures among the "
            "participants.",
            ["Kessler Ventures"],
            "Orbion Quantum",
        ),
        (
            "Orbion Quantum closed a $230 million funding round. It expanded the round to include Kessler "
            "Ventures as an investor.",
            ["Kessler Ventures"],
            "Orbion Quantum",
        ),
        # the owner announces the raise for the company it owns; others join
        (
            "Orbion Quantum majority owner Sanko Electric announced a $600 million equity raising for Orbion "
            "Quantum, with Kessler Ventures and others joining a list of existing investors.",
            ["Kessler Ventures"],
            "Orbion Quantum",
        ),
        # a stake held in a company described in apposition
        (
            "The deal is about Orbion Quantum, a firm in which Sanko Electric holds a majority stake.",
            ["Sanko Electric"],
            "Orbion Quantum",
        ),
    ],
)
def test_participants_in_more_round_phrasings(
    facts: Run, text: str, investors: list[str], recipient: str
) -> None:
    f = facts(text)
    for investor in investors:
        assert f.has(investor, "INVESTS_IN", recipient), f.triples()


def test_a_bulleted_news_item_starts_its_own_story(facts: Run) -> None:
    f = facts(
        "This week in funding:\n"
        "• Orbion Quantum announced a $600 million equity raising, with Sanko Electric among the investors.\n"
        "• Veltra Systems of Lyon announced fresh money this month for its lab, led by Kessler Ventures as usual.\n"
    )
    assert f.has("Sanko Electric", "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        # money taken from a named fund and put into a company
        (
            "The government said it would invest $8.7 million from the Nordic Innovation Fund in Orbion Quantum.",
            "Nordic Innovation Fund",
            "Orbion Quantum",
        ),
        # a stake in a company described by its technology; the money named after it
        (
            "The science arm of the state of Ohio is taking a stake in quantum sensing company Orbion Quantum. "
            "The money comes from Kessler Ventures, a state agency.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
        # a state named with three words
        (
            "The New South Wales government has committed $500,000 to Orbion University.",
            "New South Wales Government",
            "Orbion University",
        ),
    ],
)
def test_funds_stakes_and_states(facts: Run, text: str, investor: str, recipient: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", recipient), f.triples()
    assert not any(t == "INVESTS_IN" and o == "quantum sensing" for _, t, o in f.triples())


def test_a_public_grant_programme_shared_out_in_the_next_sentences(facts: Run) -> None:
    f = facts(
        "The Ohio Government has delivered a $50 million boost to quantum research. "
        "The grants were announced on Friday. "
        "Kessler University, which trains most of the state's engineers, has scored $28 million. "
        "Tarvel University has secured $9 million, while the Orbion Institute netted $4 million."
    )
    recipients = {"Kessler University", "Tarvel University", "Orbion Institute"}
    for r in recipients:
        assert f.has("Ohio Government", "INVESTS_IN", r), f.triples()
    assert _investment(f) == {frozenset({r, "Ohio Government"}) for r in recipients}, f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        # money from a named investor is that investor's, not the programme's
        "The Ohio Government has delivered a $50 million boost to quantum research. "
        "Kessler University has secured $9 million from Sanko Electric.",
        # too far from the programme
        "The Ohio Government has delivered a $50 million boost to quantum research. It was a busy year. "
        "Prices rose. Staff moved. Offices closed. Kessler University has secured $9 million.",
    ],
)
def test_no_share_of_a_grant_programme(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Ohio Government", "INVESTS_IN", "Kessler University"), f.triples()


def test_grants_paid_out_through_an_agency_and_kept_on_stage_by_references(facts: Run) -> None:
    f = facts(
        "Nine Ohio companies are receiving $12 million in repayable funding. "
        "The investments, being made through the Ohio Development Agency, support new products. "
        "The state launched its strategy last year. Officials were pleased. "
        "The government said these latest investments are part of the strategy. Demand is rising. "
        "The new funding for all nine companies is repayable. "
        "Kessler Systems is receiving $3 million to build sensors. "
        "Tarvel Photonics has also received a $2-million repayable investment."
    )
    for r in ("Kessler Systems", "Tarvel Photonics"):
        assert f.has("Ohio Development Agency", "INVESTS_IN", r), f.triples()


def test_a_funded_by_list_ends_at_its_and_item(facts: Run) -> None:
    f = facts(
        "In the Quantix Programme, mainly funded by the Nordic Innovation Fund, Sanko Electric and the "
        "Kessler Institute, the Ohio Development Agency is supporting four projects."
    )
    for funder in ("Nordic Innovation Fund", "Sanko Electric", "Kessler Institute"):
        assert f.has(funder, "INVESTS_IN", "Quantix Programme"), f.triples()
    assert not f.has("Ohio Development Agency", "INVESTS_IN", "Quantix Programme"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum, a spin-off from Kessler University, has issued 24 million shares to Sanko Holdings.",
        "Orbion Quantum will issue new shares worth $20 million to Sanko Holdings.",
    ],
)
def test_shares_issued_to_a_buyer(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Sanko Holdings", "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_shares_sold_by_a_holder_are_no_investment_in_it(facts: Run) -> None:
    f = facts("Sanko Holdings sold its shares in Orbion Quantum to pension funds.")
    assert not f.has("Sanko Holdings", "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert not any(t == "INVESTS_IN" and o == "Sanko Holdings" for _, t, o in f.triples()), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum, a US-based quantum firm setting up operations in Lyon thanks to an investment by "
        "Kessler Ventures, scored the largest contract.",
        "Orbion Quantum, the sensor maker backed by Kessler Ventures, won the tender.",
    ],
)
def test_funders_named_inside_an_apposition(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Quantix Innovation Fund, a $1 billion initiative supported by $500 million from state-owned banks "
        "(like Sanko Bank and Hanbit Bank) and $500 million from private investors, will open in May.",
        "The Quantix Innovation Fund is backed by $500 million from Sanko Bank and Hanbit Bank.",
    ],
)
def test_money_from_named_sources_backs_a_fund(facts: Run, text: str) -> None:
    f = facts(text)
    for bank in ("Sanko Bank", "Hanbit Bank"):
        assert f.has(bank, "INVESTS_IN", "Quantix Innovation Fund"), f.triples()


@pytest.mark.parametrize(
    ("text", "investor", "recipient"),
    [
        ("Kessler Ventures led Orbion Quantum's $10 million Series A.", "Kessler Ventures", "Orbion Quantum"),
        (
            "Kessler Ventures participated in Nordal Quantum's seed round.",
            "Kessler Ventures",
            "Nordal Quantum",
        ),
        (
            "Tarvel Capital, an early investor in Veltra Quantum, praised the team.",
            "Tarvel Capital",
            "Veltra Quantum",
        ),
        ("Kessler Ventures is an investor in Orbion Quantum.", "Kessler Ventures", "Orbion Quantum"),
        (
            "Sanko Quantum counts Kessler Ventures and Tarvel Capital among its investors.",
            "Tarvel Capital",
            "Sanko Quantum",
        ),
        ("Orbion Quantum is a portfolio company of Tarvel Capital.", "Tarvel Capital", "Orbion Quantum"),
        (
            "Tarvel Capital made a $5 million investment in Orbion Quantum.",
            "Tarvel Capital",
            "Orbion Quantum",
        ),
        (
            "Kessler Ventures has poured $40 million into Orbion Quantum.",
            "Kessler Ventures",
            "Orbion Quantum",
        ),
    ],
)
def test_investor_relations_stated_outright(facts: Run, text: str, investor: str, recipient: str) -> None:
    f = facts(text)
    assert f.has(investor, "INVESTS_IN", recipient), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Kessler Ventures, an investor relations firm in Lyon, advised Orbion Quantum.",
        "Kessler Ventures made a visit to Orbion Quantum.",
        "Kessler Ventures led Orbion Quantum's team for two years.",
    ],
)
def test_no_investor_relation_in_near_misses(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "A $2 million grant from the Ohio Development Agency will support Kessler University.",
        "Kessler University is the recipient of a $2 million grant from the Ohio Development Agency.",
        "The Ohio Development Agency's $2 million grant to Kessler University will fund a lab.",
        "The Ohio Development Agency has earmarked $2 million for Kessler University.",
        "Most of the funding for Kessler University comes from the Ohio Development Agency.",
        "The Ohio Development Agency contributed $2 million toward Kessler University's new lab.",
        "The Ohio Development Agency is supporting Kessler University with a $2 million grant.",
        "The Ohio Development Agency selected Kessler University for a $2 million grant.",
        "The Ohio Development Agency is also committing to significant research funding at Kessler University.",
    ],
)
def test_grant_phrasings(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ohio Development Agency", "INVESTS_IN", "Kessler University"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Ohio Development Agency is supporting Kessler University with advice on hiring.",
        "The Ohio Development Agency selected Kessler University for a training course.",
        "A letter from the Ohio Development Agency will support Kessler University's bid.",
    ],
)
def test_support_without_money_is_no_grant(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Ohio Development Agency", "INVESTS_IN", "Kessler University"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Nordic Innovation Fund and the Ohio Development Agency signed an investment agreement with quantum "
        "firm Orbion Quantum.",
        "The Nordic Innovation Fund and the Sanko Bank celebrated an investment agreement with French quantum "
        "sensing firm Orbion Quantum.",
    ],
)
def test_funders_signing_an_investment_agreement_with_a_company(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Nordic Innovation Fund", "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert not any(t == "PARTNERS_WITH" for _, t, _ in f.triples()), f.triples()
    assert all(kind == "Investment" for kind, _ in f.agreements()), f.agreements()


def test_two_companies_signing_an_investment_agreement_say_no_direction(facts: Run) -> None:
    f = facts("Orbion Quantum signed an investment agreement with Veltra Systems.")
    assert not any(t == "INVESTS_IN" for _, t, _ in f.triples()), f.triples()
    # the deal is still an investment, not a partnership
    assert f.agreements() == [("Investment", frozenset({"Orbion Quantum", "Veltra Systems"}))], f.agreements()
    assert not any(t == "PARTNERS_WITH" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Sanko Electric-backed Orbion Quantum raised $5 million.",
        "Orbion Quantum, a Sanko Electric-backed start-up, raised $5 million.",
    ],
)
def test_a_backer_named_as_a_modifier(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Sanko Electric", "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_matching_funds_from_a_state(facts: Run) -> None:
    f = facts("The Kessler Quantum Hub will also receive matching funds from the state of Ohio.")
    assert f.has("Ohio", "INVESTS_IN", "Kessler Quantum Hub"), f.triples()


def test_a_companys_own_budget_is_no_grant_programme(facts: Run) -> None:
    f = facts(
        "Sanko Electric has announced a $50 million boost to its research. Kessler University has secured $9 million."
    )
    assert not f.has("Sanko Electric", "INVESTS_IN", "Kessler University"), f.triples()


def test_receiving_support_without_money_is_no_investment(facts: Run) -> None:
    f = facts("Orbion Quantum will receive support from Kessler University researchers.")
    assert not [t for t in f.triples() if t[1] == "INVESTS_IN"], f.triples()


@pytest.mark.parametrize(
    ("text", "investors", "recipient"),
    [
        (
            "Quorvane Labs raised $20 million in a Series A round led by Kestrel Equity.",
            ["Kestrel Equity"],
            "Quorvane Labs",
        ),
        (
            "Talvia Systems closed a seed round co-led by Harlow Ridge and Pennant Field.",
            ["Harlow Ridge", "Pennant Field"],
            "Talvia Systems",
        ),
        (
            "Orvane raised $8 million, with participation from Marrowind and Kestrel Equity.",
            ["Marrowind", "Kestrel Equity"],
            "Orvane",
        ),
        (
            "Talvia Systems secured new funding backed by Selwyn Harbour.",
            ["Selwyn Harbour"],
            "Talvia Systems",
        ),
    ],
)
def test_investor_slot_needs_no_keyword(facts: Run, text: str, investors: list[str], recipient: str) -> None:
    f = facts(text)
    for investor in investors:
        assert f.has(investor, "INVESTS_IN", recipient), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The $5 million project is led by Jonas Berg.",
        "The $12 million seed round was led by Ada Lin and Mira Sol, two angel investors.",
        "The new lab, led by Mira Sol, opened in Denver.",
    ],
)
def test_people_leading_a_project_or_round_are_no_companies(facts: Run, text: str) -> None:
    f = facts(text)
    assert not {e.name for e in f.kg.entities if e.type.value == "Company"} & {
        "Jonas Berg",
        "Ada Lin",
        "Mira Sol",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Ventures invested €5 million in Orbion Labs and Veltra Quantum.",
        "The Eastport Quantum Fund made its first investments in Orbion Labs and Veltra Quantum last year.",
        "Kestrel Ventures has invested in Orbion Labs, Veltra Quantum and Helix Quantum AB.",
    ],
)
def test_funding_reaches_every_coordinated_recipient(facts: Run, text: str) -> None:
    f = facts(text)
    funder = "Kestrel Ventures" if "Kestrel" in text else "Eastport Quantum Fund"
    for r in ("Orbion Labs", "Veltra Quantum"):
        assert f.has(funder, "INVESTS_IN", r), f.triples()


def test_a_coordinated_subject_of_a_new_clause_is_no_recipient(facts: Run) -> None:
    f = facts("Kestrel Ventures invested in Orbion Labs and Veltra Quantum announced a new product.")
    assert f.has("Kestrel Ventures", "INVESTS_IN", "Orbion Labs"), f.triples()
    assert not f.has("Kestrel Ventures", "INVESTS_IN", "Veltra Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "investor", "held"),
    [
        (
            "Kessler Ventures has backed start-ups including Veltra Quantum, Orbion Systems and Quarkly Labs.",
            "Kessler Ventures",
            ["Veltra Quantum", "Orbion Systems", "Quarkly Labs"],
        ),
        (
            "Kessler Ventures invested in several quantum hardware companies, such as Veltra Quantum and Orbion Systems.",
            "Kessler Ventures",
            ["Veltra Quantum", "Orbion Systems"],
        ),
        (
            "Alder Capital, a Lyon fund, has funded firms like Veltra Quantum.",
            "Alder Capital",
            ["Veltra Quantum"],
        ),
        (
            "Kessler Ventures's portfolio includes Veltra Quantum and Orbion Systems.",
            "Kessler Ventures",
            ["Veltra Quantum", "Orbion Systems"],
        ),
        (
            "Kessler Ventures' quantum portfolio features Veltra Quantum.",
            "Kessler Ventures",
            ["Veltra Quantum"],
        ),
    ],
)
def test_a_backer_named_with_its_portfolio(facts: Run, text: str, investor: str, held: list[str]) -> None:
    f = facts(text)
    for h in held:
        assert f.has(investor, "INVESTS_IN", h), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # customers and partners listed as examples are not a portfolio
        "Kessler Ventures sells software to companies such as Veltra Quantum and Orbion Systems.",
        "Kessler Ventures works with start-ups including Veltra Quantum.",
    ],
)
def test_examples_after_other_verbs_are_no_portfolio(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "INVESTS_IN" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "investors", "recipient"),
    [
        # a date between the recipient and its verb still opens the round
        (
            "Veltra Quantum on Sept. 9 announced new funding of $40 million, led by Kessler Ventures.",
            ["Kessler Ventures"],
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum on Tuesday closed a $12 million seed round. Alder Capital led the round.",
            ["Alder Capital"],
            "Veltra Quantum",
        ),
        # the recipient introduced by a relative clause
        (
            "Leading the pack was Veltra Quantum, which raised $50 million in its Series C round. "
            "The round, led by Kessler Ventures and Alder Capital, brought in new investors including Brightwater Capital.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
            "Veltra Quantum",
        ),
        # investors who "took part" with nothing after the verb
        (
            "Veltra Quantum closed a $15 million seed round. Kessler Ventures, Alder Capital and Brightwater Capital took part.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital"],
            "Veltra Quantum",
        ),
    ],
)
def test_round_openers_with_dates_and_relatives(
    facts: Run, text: str, investors: list[str], recipient: str
) -> None:
    f = facts(text)
    for i in investors:
        assert f.has(i, "INVESTS_IN", recipient), f.triples()


def test_a_later_round_takes_over_from_an_earlier_one(facts: Run) -> None:
    f = facts(
        "Orbion Systems announced a $1 billion Series E round. "
        "Veltra Quantum on Sept. 3 announced new funding of $300 million, led by Kessler Ventures."
    )
    assert f.has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum"), f.triples()
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Orbion Systems"), f.triples()


def test_took_part_in_something_else_is_no_round(facts: Run) -> None:
    f = facts(
        "Veltra Quantum closed a $15 million seed round. Kessler Ventures took part in a panel on quantum policy."
    )
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Kessler Ventures has taken a minority stake in Veltra Quantum.",
        "Kessler Ventures is buying a 20% stake in Veltra Quantum.",
        "Kessler Ventures purchased a stake in Veltra Quantum last year.",
    ],
)
def test_stake_verbs(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "funder", "recipients"),
    [
        (
            "The Ministry of Kestrel has unveiled a £121 million investment package. "
            "The package assigns £46 million via the Kestrel Innovation Agency for sensing, "
            "£21 million to the University of Kestrel and £10 million to Orbion Systems.",
            "Ministry of Kestrel",
            ["University of Kestrel", "Orbion Systems"],
        ),
        (
            "The Ministry of Kestrel announced a $30 million funding package on Monday. "
            "It includes $12 million for the Veltra Quantum Institute.",
            "Ministry of Kestrel",
            ["Veltra Quantum Institute"],
        ),
    ],
)
def test_a_public_package_shared_out_by_amount(
    facts: Run, text: str, funder: str, recipients: list[str]
) -> None:
    f = facts(text)
    for r in recipients:
        assert f.has(funder, "INVESTS_IN", r), f.triples()


def test_money_another_actor_pays_is_no_share_of_the_package(facts: Run) -> None:
    f = facts(
        "The Ministry of Kestrel has unveiled a £121 million investment package. "
        "Orbion Systems paid £21 million to the University of Kestrel for a licence."
    )
    assert not any(t == "INVESTS_IN" and o == "University of Kestrel" for _, t, o in f.triples()), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Kessler Ventures first invested in Veltra Quantum for its seed round in 2019.",
        "Kessler Ventures previously funded Veltra Quantum.",
    ],
)
def test_funding_verb_after_an_adverb_of_time(facts: Run, text: str) -> None:
    assert facts(text).has("Kessler Ventures", "INVESTS_IN", "Veltra Quantum")


@pytest.mark.parametrize(
    ("text", "funder", "recipient"),
    [
        (
            "Orbion Systems will acquire about a 3% stake in Veltra Quantum.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum is the sole startup receiving direct support from the Kestrel Innovation Agency, "
            "through a $1.8-million loan.",
            "Kestrel Innovation Agency",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum gets a $2 million grant from the Kestrel Innovation Agency.",
            "Kestrel Innovation Agency",
            "Veltra Quantum",
        ),
    ],
)
def test_stakes_and_support_received(facts: Run, text: str, funder: str, recipient: str) -> None:
    f = facts(text)
    assert f.has(funder, "INVESTS_IN", recipient), f.triples()


def test_support_that_is_not_money_is_no_investment(facts: Run) -> None:
    f = facts(
        "Veltra Quantum is the only company receiving political support from the Kestrel Innovation Agency."
    )
    assert not any(t == "INVESTS_IN" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "investors", "recipient"),
    [
        # a round named with its recipient opens the round; "joined A and B in a round" names co-investors
        (
            "The award goes to Kessler Ventures for its part in the $450m Series D round for Veltra Quantum. "
            "Its first involvement came in 2020, when it joined Alder Capital and Brightwater Capital in a $215m Series C round.",
            ["Alder Capital", "Brightwater Capital"],
            "Veltra Quantum",
        ),
        # "led by X and involved A, B and C"
        (
            "Veltra Quantum closed a $90 million Series C. The round was led by Kessler Ventures and involved "
            "Alder Capital, Brightwater Capital and Corvan Partners.",
            ["Kessler Ventures", "Alder Capital", "Brightwater Capital", "Corvan Partners"],
            "Veltra Quantum",
        ),
    ],
)
def test_rounds_named_with_their_recipient_and_joined_investors(
    facts: Run, text: str, investors: list[str], recipient: str
) -> None:
    f = facts(text)
    for i in investors:
        assert f.has(i, "INVESTS_IN", recipient), f.triples()


def test_a_place_qualifying_an_investor_is_no_investor(facts: Run) -> None:
    f = facts(
        "Veltra Quantum has raised $320 million in a new funding round. "
        "The funding round included a French investor for the first time, namely Kessler Ventures."
    )
    assert not any(t == "INVESTS_IN" and s == "France" for s, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        ("Kelmar State University was awarded a $12.5 million grant from the U.S. Air Force.", "Air Force"),
        ("Orbion Quantum secured $2m from the U.S. Department of Energy.", "Department of Energy"),
    ],
)
def test_the_funder_is_the_body_a_place_qualifies(facts: Run, text: str, funder: str) -> None:
    """ "the U.S. Air Force": the country before the body's name says whose it is; the body pays."""
    f = facts(text)
    assert any(s == funder and t == "INVESTS_IN" for s, t, _ in f.triples()), f.triples()
    assert not any(s in {"United States", "United Kingdom"} and t == "INVESTS_IN" for s, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "investors"),
    [
        # "former Veltra CEO Ada Lind" in a roster is a person (and not Veltra): the list goes on
        (
            "Orbion Quantum raised an undisclosed round. Those taking part in the round include Kessler "
            "Ventures, former Veltra CEO Ada Lind, Marlow Capital and Tervo Partners.",
            ["Kessler Ventures", "Marlow Capital", "Tervo Partners"],
        ),
        # a capitalised "First" or "New" inside a list opens a name
        (
            "Orbion Quantum raised $5m from Kessler Ventures, First Dawn Capital Group and New Harbor Partners.",
            ["Kessler Ventures", "First Dawn Capital Group", "New Harbor Partners"],
        ),
        # an item described instead of named: the roster goes on past it
        (
            "Orbion Quantum raised an undisclosed round. Those taking part in the round include Kessler Ventures, "
            "funds and accounts advised by T. Brand Associates, Marlow Capital and Tervo Partners.",
            ["Kessler Ventures", "Marlow Capital", "Tervo Partners"],
        ),
        # an aside between two names is no item: the second name is the one speaking
        (
            "Orbion Quantum raised $5m from Kessler Ventures, according to a filing, Marlow Capital said.",
            ["Kessler Ventures"],
        ),
    ],
)
def test_every_investor_of_a_roster(facts: Run, text: str, investors: list[str]) -> None:
    triples = facts(text).triples()
    assert {s for s, t, o in triples if t == "INVESTS_IN" and o == "Orbion Quantum"} == set(investors), (
        triples
    )


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        (
            "Veltra Quantum received $20 million from Alder Capital and $5 million from Birch Ventures.",
            {"Alder Capital", "Birch Ventures"},
        ),
        (
            "Veltra Quantum raised $20 million from Alder Capital, $5 million from Birch Ventures and "
            "$1 million from Cedar Partners.",
            {"Alder Capital", "Birch Ventures", "Cedar Partners"},
        ),
    ],
)
def test_each_amount_from_its_own_funder(facts: Run, text: str, funders: set[str]) -> None:
    f = facts(text)
    assert {s for s, t, o in f.triples() if t == "INVESTS_IN" and o == "Veltra Quantum"} == funders


def test_supported_by_a_grant_from_a_funder(facts: Run) -> None:
    f = facts("The Veltra Quantum Park is supported by a $10 million grant from the Ministry of Science.")
    assert f.has("Ministry of Science", "INVESTS_IN", "Veltra Quantum Park")


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        # the leader and its companions of an investment are co-investors, not partners
        (
            "Alder Capital has led a $40 million investment in Veltra Quantum, alongside Birch Ventures and Cedar Partners.",
            {"Alder Capital", "Birch Ventures", "Cedar Partners"},
        ),
        (
            "Alder Capital has led a $40 million investment in Veltra Quantum with Birch Ventures and Cedar Partners.",
            {"Alder Capital", "Birch Ventures", "Cedar Partners"},
        ),
        ("The $40 million round in Veltra Quantum was led by Alder Capital.", {"Alder Capital"}),
        # the round's further participants, named in the next sentence
        (
            "Veltra Quantum has closed a $40 million Series B led by Alder Capital. Other participants included "
            "Birch Ventures, as well as the Estland Innovation Fund.",
            {"Alder Capital", "Birch Ventures", "Estland Innovation Fund"},
        ),
    ],
)
def test_a_rounds_leader_and_companions_invest(facts: Run, text: str, funders: set[str]) -> None:
    f = facts(text)
    assert {s for s, t, o in f.triples() if t == "INVESTS_IN" and o == "Veltra Quantum"} == funders
    assert not any(t == "PARTNERS_WITH" for _, t, _ in f.triples()), sorted(f.triples())
    assert any(k == "Investment" and funders | {"Veltra Quantum"} == p for k, p in f.agreements()), (
        f.agreements()
    )


@pytest.mark.parametrize(
    ("text", "investors"),
    [
        (
            "Orbion has raised £42 million in equity financing. This funding round was led by Kessler "
            "Ventures with Varno Capital and Lindqvist Partners, while the company said that existing "
            "investors from earlier rounds have also taken part, including Halvorsen Capital and "
            "Brightwater Ventures.",
            [
                "Kessler Ventures",
                "Varno Capital",
                "Lindqvist Partners",
                "Halvorsen Capital",
                "Brightwater Ventures",
            ],
        ),
        (
            "Orbion raised $30 million in a Series B round. "
            "Investors include Kessler Ventures, alongside Varno Capital and Lindqvist Partners.",
            ["Kessler Ventures", "Varno Capital", "Lindqvist Partners"],
        ),
        (
            "Orbion raised $30 million in a Series B round. The raise was led by Kessler Ventures, including Varno Capital.",
            ["Kessler Ventures", "Varno Capital"],
        ),
    ],
)
def test_co_investors_after_the_lead(facts: Run, text: str, investors: list[str]) -> None:
    f = facts(text)
    for investor in investors:
        assert f.has(investor, "INVESTS_IN", "Orbion"), (investor, f.triples())
    assert frozenset(["Orbion", *investors]) in _investment(f)  # one round, not an earlier one apart


def test_grant_awarded_by_reaches_the_winner(facts: Run) -> None:
    f = facts(
        "Kvantra Labs won a £2m grant last month. The grant, awarded by the Norwegian Research Council, will fund a pilot line."
    )
    assert f.has("Norwegian Research Council", "INVESTS_IN", "Kvantra Labs"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # "with" after a programme's lead, not a round's
        "Orbion raised $30 million in a Series B round. The funding will support a programme led by the "
        "University of Varno with Kvantra Labs.",
        # a list of customers, not of investors
        "Orbion raised $30 million in a Series B round. Its customers include Kvantra Labs, alongside Varno Capital.",
        # leading a market is no round
        "Kvantra Labs led the market in quantum deals last year. Orbion builds ion traps with Varno Capital.",
    ],
)
def test_lead_with_near_misses(facts: Run, text: str) -> None:
    got = {s for s, t, o in facts(text).triples() if t == "INVESTS_IN" and o == "Orbion"}
    assert not got & {"Kvantra Labs", "Varno Capital"}, got


def test_round_of_another_company_keeps_its_own_investors(facts: Run) -> None:
    text = (
        "Orbion raised $30 million in a Series B round last week. Separately, Varnik Quantum's seed round "
        "was led by Kessler Ventures with Varno Capital."
    )
    got = {(s, o) for s, t, o in facts(text).triples() if t == "INVESTS_IN"}
    assert got == {("Kessler Ventures", "Varnik Quantum"), ("Varno Capital", "Varnik Quantum")}, got


def test_the_round_with_two_recipients_in_focus_names_nobody(facts: Run) -> None:
    two = facts(
        "Orbion raised $30 million in a Series B round. Kvantra Labs raised $5 million in a seed round. "
        "The round was led by Kessler Ventures."
    )
    assert not {s for s, t, _ in two.triples() if t == "INVESTS_IN"} & {"Kessler Ventures"}, two.triples()
    one = facts(
        "Orbion raised $30 million in a Series B round in 2021. In 2023, Orbion raised $50 million more. "
        "The round was led by Kessler Ventures."
    )
    assert one.has("Kessler Ventures", "INVESTS_IN", "Orbion"), one.triples()
