"""Agreement phrasings: collaboration verbs, many parties, member lists, contracts, takeovers (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]
VELTRA, ORBION, KESSLER = "Veltra Quantum", "Orbion Systems", "Kessler University"


def _kinds(f: Facts, parties: set[str]) -> set[str]:
    return {kind for kind, ps in f.agreements() if ps == frozenset(parties)}


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum teamed up with Orbion Systems to develop quantum chips.",
        "Veltra Quantum is teaming up with Orbion Systems.",
        "Veltra Quantum joined forces with Orbion Systems.",
        "Veltra Quantum is working with Orbion Systems on error correction.",
        "Veltra Quantum, alongside Orbion Systems, will build a testbed.",
        "Veltra Quantum, together with Orbion Systems, will build a testbed.",
        "Veltra Quantum developed the chip in collaboration with Orbion Systems.",
        "Veltra Quantum and Orbion Systems will co-develop a quantum processor.",
        "Veltra Quantum and Orbion Systems are partnering to build a quantum network.",
        "Veltra Quantum and Orbion Systems agreed to cooperate on quantum networking.",
        "Veltra Quantum has begun a collaboration with a Lyon-based photonics company, Orbion Systems.",
        "Veltra Quantum has long-standing relationships with Orbion Systems.",
        "Veltra Quantum has established close ties with Orbion Systems.",
    ],
)
def test_collaboration_verbs_give_a_partnership(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has(VELTRA, "PARTNERS_WITH", ORBION)
    assert _kinds(f, {VELTRA, ORBION}) == {"Partnership"}


def test_partner_with_named_examples(facts: Run) -> None:
    f = facts(
        "The Ministry of Defence will partner with major companies such as Veltra Quantum and Orbion Systems."
    )
    assert ("Partnership", frozenset({"Ministry of Defence", VELTRA, ORBION})) in f.agreements()
    assert not f.has(
        VELTRA, "PARTNERS_WITH", ORBION
    )  # examples of one partner's partners, not partners of each other


def test_a_city_after_the_partner_says_where_it_is(facts: Run) -> None:
    f = facts("Veltra Quantum cooperated with Orbion Systems, Lyon, to build a photonic chip line.")
    assert f.has(VELTRA, "PARTNERS_WITH", ORBION)
    assert not f.has(VELTRA, "PARTNERS_WITH", "Lyon")


def test_a_place_describing_the_partner_is_not_a_party(facts: Run) -> None:
    f = facts("Kessler University is teaming up with a Lyon-based company to develop quantum sensors.")
    assert f.agreements() == []


def test_a_country_qualifying_a_party_after_its_acronym_is_not_a_party(facts: Run) -> None:
    f = facts(
        "The National Quantum Office (NQO) of Norway, Veltra Quantum and Orbion Systems have signed a "
        "memorandum of understanding."
    )
    assert ("MOU", frozenset({"National Quantum Office", VELTRA, ORBION})) in f.agreements()
    assert not f.has(VELTRA, "PARTNERS_WITH", "Norway")


@pytest.mark.parametrize(
    "text",
    [
        "Kessler University has entered into a Memorandum of Intent (MOI) with Orbion Systems.",
        "Kessler University and Orbion Systems signed a Memorandum of Cooperation on quantum sensing.",
        "Kessler University and Orbion Systems signed an MoC on quantum sensing.",
    ],
)
def test_memoranda_of_intent_and_cooperation_are_mous(facts: Run, text: str) -> None:
    f = facts(text + " Officials attended the signing of the MOI in Lyon.")
    assert ("MOU", frozenset({KESSLER, ORBION})) in f.agreements()
    assert not f.has_entity("MOI")  # the memorandum's initials name no organisation


def test_a_town_written_after_an_organisation_is_its_site_not_a_party(facts: Run) -> None:
    f = facts("IBM Zurich and Orbion Systems will collaborate on quantum sensing.")
    assert f.has("IBM", "PARTNERS_WITH", ORBION)
    assert not f.has(ORBION, "PARTNERS_WITH", "Zurich")


def test_contractors_named_after_the_awarding_body(facts: Run) -> None:
    f = facts(
        "The Ministry of Defence has awarded $60 million in contracts to local companies. "
        "Veltra Quantum and Orbion Systems are among the startups to win contracts. "
        "Alder Systems scored the largest contract ($3.3m), as did Kessler Photonics ($2m)."
    )
    got = {ps for kind, ps in f.agreements() if kind == "Contract"}
    want = {"Veltra Quantum", "Orbion Systems", "Alder Systems", "Kessler Photonics"}
    assert got == {frozenset({"Ministry of Defence", p}) for p in want}


def test_winners_listed_after_the_client(facts: Run) -> None:
    f = facts(
        "Three hardware companies have been awarded contracts to build quantum testbeds at the Ministry of Defence.\n"
        "The winners will deliver by 2027.\n"
        "The winning companies are:\n"
        "- Veltra Quantum, Lyon\n"
        "- Orbion Systems\n"
        "- Kessler Photonics, Munich\n"
    )
    got = {ps for kind, ps in f.agreements() if kind == "Contract"}
    want = {"Veltra Quantum", "Orbion Systems", "Kessler Photonics"}
    assert got == {frozenset({"Ministry of Defence", p}) for p in want}


def test_a_contract_without_an_awarding_body_gives_nothing(facts: Run) -> None:
    assert (
        facts("Veltra Quantum scored a contract last year. Orbion Systems won two contracts.").agreements()
        == []
    )


def test_money_pledged_within_a_signed_agreement_is_no_second_agreement(facts: Run) -> None:
    f = facts(
        "Veltra Quantum and Orbion Systems signed a memorandum of understanding on Monday. "
        "Veltra Quantum is also committing to research funding at Orbion Systems."
    )
    assert f.has(VELTRA, "INVESTS_IN", ORBION), f.triples()
    assert [k for k, ps in f.agreements() if ps == frozenset({VELTRA, ORBION})] == ["MOU"], f.agreements()


def test_a_partnership_retelling_a_funding_round_is_that_round(facts: Run) -> None:
    f = facts(
        "Germany and Bavaria are backing Veltra Quantum with a €90 million investment. "
        "We are thrilled to partner with Germany and Bavaria, said Veltra Quantum."
    )
    assert [k for k, _ in f.agreements()] == ["Investment"]


def test_plural_reference_to_the_last_agreement(facts: Run) -> None:
    f = facts(
        "Germany and Canada signed a memorandum of understanding on quantum sensing. "
        "In 2024, the two countries released a joint statement on quantum networks."
    )
    kinds = {k for k, ps in f.agreements() if ps == frozenset({"Germany", "Canada"})}
    assert kinds == {"MOU", "JointStatement"}


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        (
            "Veltra Quantum and Orbion Systems held a signing ceremony in Lyon where the two companies entered "
            "into a research partnership agreement.",
            True,
        ),
        (
            "Veltra Quantum and Orbion Systems met in Lyon, and both parties signed a memorandum of understanding.",
            True,
        ),
        # three named, "the two" signed: which two is not said
        (
            "Veltra Quantum, Orbion Systems and Kessler University met, and the two organisations signed an MoU.",
            False,
        ),
        # the plural description did not sign
        (
            "Veltra Quantum and Orbion Systems met in Lyon, but the two companies did not sign an agreement.",
            False,
        ),
    ],
)
def test_signers_referred_to_by_a_plural_description(facts: Run, text: str, signed: bool) -> None:
    f = facts(text)
    assert any(ps == frozenset({VELTRA, ORBION}) for _, ps in f.agreements()) is signed, f.agreements()
    assert signed or not f.agreements()


def test_plural_reference_needs_an_agreement_on_stage(facts: Run) -> None:
    assert facts("The two countries released a joint statement on quantum networks.").agreements() == []


def test_statement_released_by_governments(facts: Run) -> None:
    f = facts("The joint statement was released by the Governments of Germany and Canada.")
    assert ("JointStatement", frozenset({"Germany", "Canada"})) in f.agreements()


def test_what_a_partnership_creates_is_not_a_partner(facts: Run) -> None:
    f = facts(
        "The Nordic Quantum Consortium was set up in partnership with Veltra Quantum and Orbion Systems."
    )
    assert f.agreements() == [("Partnership", frozenset({VELTRA, ORBION}))]
    assert not f.has("Nordic Quantum Consortium", "PARTNERS_WITH", VELTRA)


def test_a_retold_agreement_is_not_counted_twice(facts: Run) -> None:
    f = facts(
        "Veltra Quantum signed a memorandum of understanding with Orbion Systems. "
        "Veltra Quantum will work together with Orbion Systems on cryogenics."
    )
    assert [k for k, ps in f.agreements() if ps == frozenset({VELTRA, ORBION})] == ["MOU"]


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum signed a memorandum of understanding with Kessler University and Orbion Systems.",
        "Veltra Quantum, Orbion Systems and Kessler University announced a partnership on quantum sensing.",
        "The agreement between Veltra Quantum, Orbion Systems and Kessler University runs for five years.",
        "Veltra Quantum and Orbion Systems signed a trilateral agreement with Kessler University.",
    ],
)
def test_many_party_agreements_keep_every_party(facts: Run, text: str) -> None:
    assert any(ps == frozenset({VELTRA, ORBION, KESSLER}) for _, ps in facts(text).agreements())


@pytest.mark.parametrize(
    "text",
    [
        "The consortium comprises Veltra Quantum, Orbion Systems and Kessler University.",
        "The consortium's members include Veltra Quantum, Orbion Systems and Kessler University.",
        "The partners are Veltra Quantum, Orbion Systems and Kessler University.",
        "The Nordic Quantum Consortium brings together Veltra Quantum, Orbion Systems and Kessler University.",
        "The Nordic Quantum Consortium is an alliance of Veltra Quantum and two other partners in the region: "
        "Orbion Systems and Kessler University.",
        "The Nordic Quantum Consortium has three members:\n- Veltra Quantum\n- Orbion Systems\n- Kessler University\n",
    ],
)
def test_consortium_member_lists(facts: Run, text: str) -> None:
    f = facts(text)
    # the members, exactly: the consortium itself is not one of its parties
    assert ("Consortium", frozenset({VELTRA, ORBION, KESSLER})) in f.agreements()
    assert not f.has(
        VELTRA, "PARTNERS_WITH", ORBION
    )  # members of a consortium are not partners by that alone


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("The Ministry of Defence awarded a contract to Veltra Quantum.", [VELTRA]),
        ("The Ministry of Defence selected Veltra Quantum to supply quantum sensors.", [VELTRA]),
        ("Veltra Quantum won a contract from the Ministry of Defence.", [VELTRA]),
        ("Veltra Quantum was selected by the Ministry of Defence to build a quantum sensor.", [VELTRA]),
        (
            "The Ministry of Defence has awarded contracts to Veltra Quantum and Orbion Systems.",
            [VELTRA, ORBION],
        ),
        ("Veltra Quantum and Orbion Systems won contracts from the Ministry of Defence.", [VELTRA, ORBION]),
        (
            "The Ministry of Defence has selected two companies to take part in the programme, "
            "including Veltra Quantum and Orbion Systems.",
            [VELTRA, ORBION],
        ),
        ("Veltra Quantum received a $13.4 million contract to supply the Ministry of Defence.", [VELTRA]),
    ],
)
def test_contracts_one_per_contractor(facts: Run, text: str, pairs: list[str]) -> None:
    got = {ps for kind, ps in facts(text).agreements() if kind == "Contract"}
    assert got == {frozenset({"Ministry of Defence", p}) for p in pairs}


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("Veltra Quantum acquired Orbion Systems in March.", True),
        ("Orbion Systems was acquired by Veltra Quantum for $100 million.", True),
        ("Veltra Quantum completed the acquisition of Orbion Systems.", True),
        ("Veltra Quantum, which agreed to buy French rival Orbion Systems in June, is growing.", False),
        ("Veltra Quantum will acquire its French peer Orbion Systems for $1 billion.", False),
        ("French startup Orbion Systems has been acquired by German quantum company Veltra Quantum.", True),
        (
            "Veltra Quantum, which has a market value of nearly $10bn, today (Monday) agreed to buy Orbion Systems.",
            False,
        ),
        ("Veltra Quantum, which employs 300 people, acquired Orbion Systems on Friday.", True),
        ("Veltra Quantum snapped up Orbion Systems in a $1bn deal.", True),
        ("Veltra Quantum is buying Orbion Systems.", False),
        ("Orbion Systems agreed to be bought by Veltra Quantum.", False),
    ],
)
def test_acquisitions(facts: Run, text: str, done: bool) -> None:
    f = facts(text)
    assert ("Contract", frozenset({VELTRA, ORBION})) in f.agreements()
    assert f.has(ORBION, "PART_OF", VELTRA) is done
    assert not f.has(VELTRA, "PARTNERS_WITH", ORBION)


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum acquired a 20% stake in Orbion Systems.",
        "Veltra Quantum acquired equipment from Orbion Systems.",
        "Veltra Quantum bought a licence from Orbion Systems.",
    ],
)
def test_stakes_and_purchases_are_not_takeovers(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("Contract", frozenset({VELTRA, ORBION})) not in f.agreements()
    assert not f.has(ORBION, "PART_OF", VELTRA)


@pytest.mark.parametrize(
    "text",
    [
        # a person working with a company is not an agreement between organisations
        "Anna Berg, who is working with Orbion Systems, spoke in Lyon.",
        # neither is a contract that no organisation awards
        "Veltra Quantum said contracts were hard to find.",
        # a list of members with one name only
        "The consortium comprises Veltra Quantum and several universities.",
    ],
)
def test_no_agreement(facts: Run, text: str) -> None:
    assert facts(text).agreements() == []


# -- plural agreement nouns, 'formalised', joint research with, 'not only with A but also with B' --


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Veltra Quantum and Orbion Systems have formalised their ties with the signing of a memorandum of understanding.",
            "MOU",
        ),
        ("Veltra Quantum and Orbion Systems formalized a letter of intent on quantum sensing.", "MOU"),
        (
            "The two governments agreed to deepen partnerships between Veltra Quantum and Orbion Systems.",
            "Partnership",
        ),
        (
            "Officials welcomed new agreements between Veltra Quantum and Orbion Systems on photonics.",
            "Partnership",
        ),
        ("Veltra Quantum carries out joint research with Orbion Systems on trapped ions.", "Partnership"),
        ("Veltra Quantum has begun joint projects and staff exchanges with Orbion Systems.", "Partnership"),
    ],
)
def test_plural_and_formalised_agreements(facts: Run, text: str, kind: str) -> None:
    f = facts(text)
    assert kind in _kinds(f, {VELTRA, ORBION})


def test_not_only_with_but_also_with_gives_two_ties(facts: Run) -> None:
    f = facts(
        "Veltra Quantum has drawn up plans for joint research and student exchanges, not only with "
        "Kessler University, a hub for photonics research, but also with Orbion Systems, known for its ion traps."
    )
    assert "Partnership" in _kinds(f, {VELTRA, KESSLER})
    assert "Partnership" in _kinds(f, {VELTRA, ORBION})
    assert not _kinds(f, {VELTRA, KESSLER, ORBION})
    assert not f.has(KESSLER, "PARTNERS_WITH", ORBION)


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum competes not only with Orbion Systems but also with Kessler University.",
        "Veltra Quantum published joint research results, and Orbion Systems praised them.",
        "Veltra Quantum formalized its hiring plans, while Orbion Systems cut staff.",
        "Veltra Quantum has a relationship manager; Orbion Systems has ties to banks.",
    ],
)
def test_rivalry_and_unrelated_joint_work_give_no_agreement(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.agreements()
    assert not f.has(VELTRA, "PARTNERS_WITH", ORBION)


@pytest.mark.parametrize(
    "text",
    [
        "The project builds on the Norway–Chile Digital Partnership launched in 2021.",
        "Officials praised the Norway–Chile Joint Statement on Quantum Cooperation.",
        "It is the first call under the Norway–Chile Science Agreement.",
    ],
)
def test_hyphenated_named_agreement_names_its_parties(facts: Run, text: str) -> None:
    f = facts(text)
    assert _kinds(f, {"Norway", "Chile"})


@pytest.mark.parametrize(
    "text",
    [
        "Analysts watched the Norway–Chile trade dispute closely.",
        "The Norway–Chile route opened in 2021 under a new partnership.",
    ],
)
def test_hyphenated_pair_without_agreement_name_is_no_agreement(facts: Run, text: str) -> None:
    assert not _kinds(facts(text), {"Norway", "Chile"})


def test_its_cooperation_points_back_to_the_subject_place(facts: Run) -> None:
    f = facts(
        "Norway has become the centre of Europe's photonics industry, thanks to its cooperation with Chile."
    )
    assert f.has("Norway", "PARTNERS_WITH", "Chile")
    assert not f.has("Europe", "PARTNERS_WITH", "Chile")


def test_pronoun_subject_takes_the_named_subject_before(facts: Run) -> None:
    f = facts(
        "Veltra Quantum opened a new office in Norway last spring. This move gave it a foothold in Europe. "
        "It also began a collaboration with Orbion Systems on quantum sensing."
    )
    assert f.has(VELTRA, "PARTNERS_WITH", ORBION)
    assert "Partnership" in _kinds(f, {VELTRA, ORBION})


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before opens with no named actor within reach
        "Quantum sensing is growing fast. Demand rose in 2024. Prices fell. It also began a collaboration with Orbion Systems.",
        # 'it' here is a device, not the company that opens a sentence three sentences back
        "Veltra Quantum built a sensor. Engineers tested the sensor. The sensor worked well. It works with Orbion Systems software.",
    ],
)
def test_pronoun_subject_without_a_near_named_subject_gives_no_partner(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has(VELTRA, "PARTNERS_WITH", ORBION)


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum acquired by Veltra Systems in a $90 million deal.",
        "Orbion Quantum was acquired by Veltra Systems in a $90 million deal.",
        "Veltra Systems acquired Orbion Quantum in a $90 million deal.",
    ],
)
def test_takeover_reads_buyer_and_bought_in_either_voice(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Orbion Quantum", "PART_OF", "Veltra Systems"), f.triples()
    assert not f.has("Veltra Systems", "PART_OF", "Orbion Quantum")
    assert ("Contract", frozenset({"Orbion Quantum", "Veltra Systems"})) in f.agreements()


def test_round_participants_are_investors_not_a_consortium(facts: Run) -> None:
    f = facts(
        "Orbion Quantum raised €20 million in a Series A round led by Kessler Ventures with participants "
        "including Alder Capital and Brightwater Partners."
    )
    assert f.has("Alder Capital", "INVESTS_IN", "Orbion Quantum")
    assert not any(kind == "Consortium" for kind, _ in f.agreements()), f.agreements()


def test_consortium_participants_still_make_a_consortium(facts: Run) -> None:
    f = facts(
        "The consortium's participants include Veltra Institute, Orbion Quantum and Kessler University."
    )
    assert (
        "Consortium",
        frozenset({"Veltra Institute", "Orbion Quantum", "Kessler University"}),
    ) in f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum has been awarded a €40 million quantum sensing contract by the French Space Agency.",
        "Dutch start-up, Orbion Quantum, has been awarded a €40 million quantum sensing contract by the French Space Agency.",
        "Orbion Quantum has reportedly been awarded a €40 million ($43 million) contract by the French Space Agency.",
    ],
)
def test_contract_awarded_by_a_client_is_a_contract_not_funding(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("Contract", frozenset({"Orbion Quantum", "French Space Agency"})) in f.agreements()
    assert not f.has("French Space Agency", "INVESTS_IN", "Orbion Quantum")
    assert not any(kind == "Investment" for kind, _ in f.agreements())


@pytest.mark.parametrize(
    "text",
    [
        "Last year Veltra Quantum merged its quantum sensing unit with Orbion Systems to form a new company.",
        "This week the sector saw another merger, with Lyon-based Veltra Quantum, a developer of sensors, "
        "and Orbion Systems, a software developer, uniting.",
        "Veltra Quantum and Orbion Systems agreed to merge.",
    ],
)
def test_mergers_are_contracts_without_a_part(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("Contract", frozenset({VELTRA, ORBION})) in f.agreements()
    assert not f.has(ORBION, "PART_OF", VELTRA)
    assert not f.has(VELTRA, "PART_OF", ORBION)


def test_an_emerging_company_is_no_merger(facts: Run) -> None:
    f = facts("Veltra Quantum emerged with Orbion Systems as a leader of the field.")
    assert not [a for a in f.agreements() if a[0] == "Contract"]


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Systems expects to keep all customer relationships, including government partnerships in both "
        "the UK and US, Orbion Systems said.",
        "The administration jointly named New Mexico and Colorado as one of 12 technology hubs.",
    ],
)
def test_a_list_after_its_cooperation_word_is_no_partnership(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "PARTNERS_WITH"]


def test_a_list_before_its_cooperation_word_still_partners(facts: Run) -> None:
    f = facts("Veltra Quantum and Orbion Systems will work together on quantum sensors.")
    assert f.has(VELTRA, "PARTNERS_WITH", ORBION), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Panelists including representatives from Orvane Computing, Tessaly Technologies and Brannic Systems "
        "described how collaboration between startups and primes is changing defence.",
        "Speakers included Ada Lin of Orvane Computing, Jonas Berg of Tessaly Technologies and Mira Sol of "
        "Brannic Systems, who called for more cooperation.",
        "Ada Lin of Orvane Computing and Jonas Berg of Tessaly Technologies spoke on a panel about "
        "partnerships in quantum sensing.",
    ],
)
def test_sharing_a_panel_is_no_partnership(facts: Run, text: str) -> None:
    f = facts(text)
    assert not {t for t in f.triples() if t[1] == "PARTNERS_WITH"}, f.triples()


def test_a_list_that_works_together_still_partners(facts: Run) -> None:
    f = facts("Orvane Computing, Tessaly Technologies and Brannic Systems will work together on sensors.")
    assert f.has("Orvane Computing", "PARTNERS_WITH", "Brannic Systems"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Eight institutions signed a letter of intent on quantum sensing. The signatories are Kessler University, "
        "the University of Eastport and Orbion Labs.",
        "A memorandum of understanding was signed in Eastport on Monday. Signatories include Kessler University, "
        "the University of Eastport and Orbion Labs.",
    ],
)
def test_signatories_listed_after_the_agreement_are_its_parties(facts: Run, text: str) -> None:
    parties = {"Kessler University", "University of Eastport", "Orbion Labs"}
    assert ("MOU", frozenset(parties)) in facts(text).agreements(), facts(text).agreements()


def test_signatories_far_from_any_agreement_make_none(facts: Run) -> None:
    f = facts(
        "Eight institutions signed a letter of intent. The work starts in June. It will take years. "
        "The signatories are Kessler University, the University of Eastport and Orbion Labs."
    )
    assert not f.agreements(), f.agreements()


@pytest.mark.parametrize("verb", ["coordinated", "led", "headed"])
def test_an_unnamed_consortium_and_its_coordinator(facts: Run, verb: str) -> None:
    f = facts(
        f"The consortium, {verb} by Kessler University, includes the University of Eastport, Helix Quantum AB "
        "and Orbion Labs."
    )
    parties = frozenset({"Kessler University", "University of Eastport", "Helix Quantum AB", "Orbion Labs"})
    assert ("Consortium", parties) in f.agreements(), f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        # signatories named with their organisations in apposition
        "Ada Lin, president of Kestrel University, signed a memorandum of understanding with Tom Berg, "
        "president of Orbion University.",
        # a signatory named by title and surname, her organisation given a sentence before
        "Kestrel University President Ada Lin spoke in March. On Monday, President Lin signed a letter of intent "
        "with President Tom Berg of Orbion University to cooperate on quantum science.",
    ],
)
def test_signatories_sign_for_their_organisations(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("MOU", frozenset({"Kestrel University", "Orbion University"})) in f.agreements(), f.agreements()
    assert f.has("Kestrel University", "PARTNERS_WITH", "Orbion University"), f.triples()
    assert not [a for a in f.agreements() if "Ada Lin" in a[1] or "Tom Berg" in a[1]]


def test_a_place_beside_signatories_locates_the_signing(facts: Run) -> None:
    f = facts(
        "Kestrel University President Ada Lin spoke in March. On Monday, in Davos, Switzerland, President Lin "
        "signed a letter of intent with President Tom Berg of Orbion University."
    )
    assert not [a for a in f.agreements() if "Switzerland" in a[1]], f.agreements()
    assert ("MOU", frozenset({"Kestrel University", "Orbion University"})) in f.agreements(), f.agreements()


def test_people_with_no_known_organisation_make_no_agreement(facts: Run) -> None:
    assert facts("Ada Lin and Tom Berg signed a memorandum of understanding.").agreements() == []


@pytest.mark.parametrize(
    "text",
    [
        "At the G7 Summit in Japan, the University of Kestrel formalised agreements with Orbion Quantum.",
        "In Korea, Orbion Quantum and Veltra Labs signed a memorandum of understanding.",
        "The University of Kestrel signed an agreement with Orbion Quantum in Japan.",
    ],
)
def test_a_place_after_in_or_at_is_where_an_agreement_is_made_not_a_party(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.agreements(), f.agreements()
    assert not [a for a in f.agreements() if {"Japan", "South Korea"} & a[1]], f.agreements()


def test_a_place_that_signs_is_a_party(facts: Run) -> None:
    f = facts("Daejeon signed a memorandum of understanding with Orbion Quantum.")
    assert ("MOU", frozenset({"Daejeon", "Orbion Quantum"})) in f.agreements(), f.agreements()


def test_the_partnership_after_one_was_named_is_that_one(facts: Run) -> None:
    # "The partnership" refers to the partnership told before, not to the sentence before's names
    f = facts(
        "Kalm University and Orbion Quantum have joined forces to support start-ups. "
        "The programme is part of an ecosystem led by Kalm University, with benefits such as the "
        "Sable Quantum Hub and a fund called Brackwell Ventures. "
        "The partnership also extends to training for students."
    )
    assert f.has("Kalm University", "PARTNERS_WITH", "Orbion Quantum")
    assert not f.has("Sable Quantum Hub", "PARTNERS_WITH", "Brackwell Ventures"), sorted(f.triples())
    assert len(f.agreements()) == 1, f.agreements()


def test_parties_introduced_by_descriptions_sign_one_agreement(facts: Run) -> None:
    f = facts("The Boston company Orbion Systems and the Lyon start-up Veltra Quantum signed an MoU.")
    assert ("MOU", frozenset({"Orbion Systems", "Veltra Quantum"})) in f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum — a Lyon-based firm — signed an MoU with Orbion Systems.",
        "Veltra Quantum — the start-up spun out of the University of Kestrel — signed an MoU with Orbion Systems.",
    ],
)
def test_an_apposition_set_off_by_dashes_leaves_the_subject_signing(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("MOU", frozenset({"Orbion Systems", "Veltra Quantum"})) in f.agreements(), f.agreements()
    assert not f.has("University of Kestrel", "PARTNERS_WITH", "Orbion Systems")


@pytest.mark.parametrize(
    "text",
    [
        "The MoU was signed by Ada Lin, CEO of Veltra Quantum, and Tom Berg, president of the University of Kestrel.",
        "Ada Lin, CEO of Veltra Quantum, and Tom Berg, president of the University of Kestrel, signed the agreement.",
    ],
)
def test_signatories_with_their_roles_in_apposition_sign_for_their_organisations(
    facts: Run, text: str
) -> None:
    f = facts(text)
    assert f.has("Veltra Quantum", "PARTNERS_WITH", "University of Kestrel"), sorted(f.triples())
    assert any({"Veltra Quantum", "University of Kestrel"} == p for _, p in f.agreements()), f.agreements()


def test_the_host_of_a_signing_signs_nothing(facts: Run) -> None:
    f = facts(
        "Veltra Quantum signed the MoU with Orbion Systems at an event hosted by the Ministry of Science."
    )
    assert f.has("Veltra Quantum", "PARTNERS_WITH", "Orbion Systems")
    assert not f.has("Veltra Quantum", "PARTNERS_WITH", "Ministry of Science"), sorted(f.triples())


def test_the_signatories_of_an_agreement_already_told_make_no_second_one(facts: Run) -> None:
    # the deputy mayor signs for the city's government, whose MoU was told before
    f = facts(
        "Veltra Quantum signed an MoU with the Lyon Metropolitan Government. The MoU was signed by Ada Lin, "
        "CEO of Veltra Quantum, and Tom Berg, deputy mayor of Lyon."
    )
    assert len([k for k, _ in f.agreements() if k == "MOU"]) == 1, f.agreements()
    assert not f.has("Veltra Quantum", "PARTNERS_WITH", "Lyon"), sorted(f.triples())
