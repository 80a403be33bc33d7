"""Partnership shapes read outside the agreement finder (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "Together with Orbion Systems, Veltra Quantum will build a testbed.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        (
            "In May, together with the University of Kestrel, Veltra Quantum opened a lab.",
            "University of Kestrel",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum is joining hands with Orbion Systems to build a testbed.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        (
            "Veltra Quantum has selected Orbion Systems as its technology partner.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        ("Veltra Quantum named Orbion Systems a strategic partner.", "Veltra Quantum", "Orbion Systems"),
        # "its" before a role word ("its partner") stands marked as the company it refers to
        ("Veltra Quantum selected Orbion Systems as its partner.", "Veltra Quantum", "Orbion Systems"),
        # the partners an organisation says it has
        (
            "Veltra Quantum said its partners include Orbion Systems and Kessler University.",
            "Veltra Quantum",
            "Kessler University",
        ),
        (
            "Veltra Quantum and its partners Orbion Systems and Kessler University will build a testbed.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        ("Orbion Systems is a long-standing partner of Veltra Quantum.", "Orbion Systems", "Veltra Quantum"),
        (
            "Veltra Quantum co-developed the control chip with Orbion Systems.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        (
            "Veltra Quantum jointly developed a new qubit with the University of Kestrel.",
            "Veltra Quantum",
            "University of Kestrel",
        ),
        # the subject across a relative clause closed by a comma
        (
            "Orbion Labs, whose customers include Kessler Bank and Veltra Systems, signed a partnership with "
            "Norland Telecom.",
            "Orbion Labs",
            "Norland Telecom",
        ),
        (
            "Orbion Labs partnered with Veltra Systems, Ada Lin of Kessler Bank said.",
            "Orbion Labs",
            "Veltra Systems",
        ),
    ],
)
def test_partnership_shapes(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert f.has(a, "PARTNERS_WITH", b), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a partner of a consortium or a programme is a member, not a partner of it
        (
            "Orbion Systems is a founding partner of the Kestrel Quantum Alliance.",
            "Orbion Systems",
            "Kestrel Quantum Alliance",
        ),
        # a choice of supplier without "partner" is a contract, not a partnership
        (
            "Veltra Quantum has selected Orbion Systems as its supplier of cryostats.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        # "its partners" after another organisation are that one's, not the subject's
        (
            "Veltra Quantum praised Orbion Systems and its partners Kessler University and Alder Telecom.",
            "Veltra Quantum",
            "Kessler University",
        ),
        # partners listed together are each the possessor's partner, not each other's
        (
            "Veltra Quantum said its partners include Orbion Systems and Kessler University.",
            "Orbion Systems",
            "Kessler University",
        ),
        # chosen as another organisation's partner: not the chooser's
        (
            "The Kessler Foundation selected Orbion Systems as Veltra Quantum's partner.",
            "Kessler Foundation",
            "Orbion Systems",
        ),
        # building with a tool, not with a partner
        (
            "Veltra Quantum co-developed the chip with funding it raised in 2023.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        # the speaker of a reporting clause, and the organisation named with them, sign nothing
        (
            "Orbion Labs partnered with Veltra Systems, Ada Lin of Kessler Bank said.",
            "Kessler Bank",
            "Orbion Labs",
        ),
        (
            "Orbion Labs partnered with Veltra Systems, Ada Lin of Kessler Bank said.",
            "Kessler Bank",
            "Veltra Systems",
        ),
        # an academic acts for themselves: the university named with their post is no partner
        (
            "KTU physics professor Ada Lin's dream of a quantum internet is closer thanks to a strategic "
            "collaboration with Veltra Systems.",
            "KTU",
            "Veltra Systems",
        ),
        # customers listed in a relative clause are no subject of the verb after it
        (
            "Orbion Labs, whose customers include Kessler Bank and Veltra Systems, signed a partnership with "
            "Norland Telecom.",
            "Veltra Systems",
            "Norland Telecom",
        ),
        (
            "Orbion Labs, whose customers include Kessler Bank and Veltra Systems, signed a partnership with "
            "Norland Telecom.",
            "Kessler Bank",
            "Veltra Systems",
        ),
    ],
)
def test_partnership_near_misses(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert not f.has(a, "PARTNERS_WITH", b), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "The University of Kestrel (UK) and the global photonics firm Orbion Systems have established "
            "a strategic partnership to train engineers.",
            "University of Kestrel",
            "Orbion Systems",
        ),
        (
            "LYON, May 3, 2025 - The University of Kestrel and the photonics firm Orbion Systems have signed a memorandum.",
            "University of Kestrel",
            "Orbion Systems",
        ),
        (
            "A joint venture between Lyon quantum computing company Veltra Quantum and privately held "
            "investment firm Alder Capital will run the centre.",
            "Veltra Quantum",
            "Alder Capital",
        ),
        (
            "French startup Veltra Quantum and German chipmaker Orbion Systems signed a memorandum of understanding.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
    ],
)
def test_parties_introduced_by_a_description(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert f.has(a, "PARTNERS_WITH", b), f.triples()


def test_a_place_inside_a_description_is_no_party(facts: Run) -> None:
    f = facts(
        "A joint venture between Lyon quantum computing company Veltra Quantum and privately held "
        "investment firm Alder Capital will run the centre."
    )
    assert not any(t == "PARTNERS_WITH" and "Lyon" in (s, o) for s, t, o in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b", "kind"),
    [
        # a deal with no money said is a partnership; a pact, a tie-up, a joint venture likewise
        ("Veltra Quantum inks deal with Orbion Systems.", "Veltra Quantum", "Orbion Systems", "Partnership"),
        (
            "Veltra Quantum teams with Orbion Systems on quantum sensing.",
            "Veltra Quantum",
            "Orbion Systems",
            "Partnership",
        ),
        (
            "Veltra Quantum, Orbion Systems and Kestrel Labs ink quantum computing partnership.",
            "Orbion Systems",
            "Kestrel Labs",
            "Partnership",
        ),
        (
            "Veltra Quantum announced a deal struck with Orbion Systems and the University of Kestrel.",
            "Orbion Systems",
            "University of Kestrel",
            "Partnership",
        ),
        (
            "Veltra Quantum and Orbion Systems sign pact on quantum sensing.",
            "Veltra Quantum",
            "Orbion Systems",
            "Partnership",
        ),
        (
            "Veltra Quantum has tied up with Orbion Systems to build sensors.",
            "Veltra Quantum",
            "Orbion Systems",
            "Partnership",
        ),
        (
            "Veltra Quantum's tie-up with Orbion Systems covers sensing.",
            "Veltra Quantum",
            "Orbion Systems",
            "Partnership",
        ),
        (
            "A joint venture of Veltra Quantum and Orbion Systems will make chips.",
            "Veltra Quantum",
            "Orbion Systems",
            "Partnership",
        ),
        # a fronted phrase: the name after its comma is the subject, not another partner
        (
            "Through a partnership with Orbion Systems, Veltra Quantum will build sensors.",
            "Veltra Quantum",
            "Orbion Systems",
            "Partnership",
        ),
        (
            "As part of its collaboration with Orbion Systems and Kestrel Labs, Veltra Quantum will build sensors.",
            "Veltra Quantum",
            "Kestrel Labs",
            "Partnership",
        ),
        # money or a licence makes a deal a contract: its parties are a pair, not partners
        (
            "Veltra Quantum signed a $10 million deal with the Ministry of Defence to supply sensors.",
            "Veltra Quantum",
            "Ministry of Defence",
            "Contract",
        ),
        (
            "Veltra Quantum signed a licensing deal with Orbion Systems.",
            "Veltra Quantum",
            "Orbion Systems",
            "Contract",
        ),
    ],
)
def test_an_agreement_named_by_a_deal_pact_tie_up_or_fronted_phrase(
    facts: Run, text: str, a: str, b: str, kind: str
) -> None:
    f = facts(text)
    assert any(k == kind and {a, b} <= parties for k, parties in f.agreements()), f.agreements()
    assert f.has(a, "PARTNERS_WITH", b) is (kind == "Partnership"), sorted(f.triples())
    # a contract is no investment either
    assert not any(t == "INVESTS_IN" for _, t, _ in f.triples()), sorted(f.triples())


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Veltra Quantum partners Orbion Systems on quantum sensing.", "Veltra Quantum", "Orbion Systems"),
        (
            "Orbion Systems, a long-standing partner of Veltra Quantum, builds lasers.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        (
            "The project is a collaboration of Veltra Quantum, Orbion Systems and the University of Kestrel.",
            "Orbion Systems",
            "University of Kestrel",
        ),
    ],
)
def test_a_partner_told_by_the_bare_verb_an_apposition_or_a_collaboration_of(
    facts: Run, text: str, a: str, b: str
) -> None:
    assert facts(text).has(a, "PARTNERS_WITH", b)


@pytest.mark.parametrize(
    "text",
    [
        "A great deal of work remains for Veltra Quantum and Orbion Systems.",
        "Veltra Quantum has struggled to deal with Orbion Systems' patents.",
        "The deal values Veltra Quantum at $1 billion, Orbion Systems said.",
        # a team is a noun here
        "Veltra Quantum hired a team with experience at Orbion Systems.",
        # a noun: the hub's partners joined, they do not partner the hub
        "The Sable Hub partners Orbion Systems and Veltra Quantum joined in 2021.",
        # a partner of a group is its member
        "Orbion Systems, a partner of the Sable Quantum Consortium, builds lasers.",
    ],
)
def test_no_partnership_from_other_deals_or_partners(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "PARTNERS_WITH" for _, t, _ in f.triples()), sorted(f.triples())
    assert not any(k == "Partnership" for k, _ in f.agreements()), f.agreements()


@pytest.mark.parametrize(
    ("text", "together"),
    [
        ("Veltra Quantum and Orbion Systems have developed a superconducting quantum computer.", True),
        ("Last year Veltra Quantum and Orbion Systems unveiled a photonic chip.", True),
        ("Veltra Quantum, Orbion Systems and Kestrel Labs have built a quantum network.", True),
        # no one object: each made their own
        ("Veltra Quantum and Orbion Systems have developed superconducting qubits.", False),
        ("Veltra Quantum and Orbion Systems have each built a quantum computer.", False),
        ("Veltra Quantum and Orbion Systems have built the largest quantum computers so far.", False),
    ],
)
def test_coordinated_makers_of_one_thing_made_it_together(facts: Run, text: str, together: bool) -> None:
    assert facts(text).has("Veltra Quantum", "PARTNERS_WITH", "Orbion Systems") is together


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a new clause after ", and" is no partner of the first
        (
            "Veltra Quantum partnered with Orbion Systems, and Kestrel Labs raised $5 million from Alder Capital.",
            "Veltra Quantum",
            "Kestrel Labs",
        ),
        # a person's former work is no signature of the company she joins
        (
            "Ada Lin, who previously worked with Orbion Systems, joined Veltra Quantum as CEO.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        # a verb coordinated to the subject's first predicate is the subject's
        (
            "Veltra Quantum is a spin-off of the University of Kestrel and works with Orbion Systems.",
            "University of Kestrel",
            "Orbion Systems",
        ),
        # examples of companies partnering with others are not partners of each other
        (
            "Companies such as Veltra Quantum, Orbion Systems and Kestrel Labs are partnering with universities.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        # the possessor of rivals partners with no one
        (
            "Veltra Quantum's rivals Orbion Systems and Kestrel Labs have also partnered with IBM.",
            "Veltra Quantum",
            "IBM",
        ),
        # customers are a contract's parties, not partners
        (
            "Veltra Quantum has worked with customers such as Orbion Systems and Kestrel Labs.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        # counterparts listed after "with" are each someone else's partner, not each other's
        (
            "Kestrel Tech's separate partnerships with Orbion Systems and Veltra Quantum are part of a"
            " first round of collaborations announced by the Alder Institute.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        (
            "Researchers working alongside Orbion Systems and Veltra Quantum joined the new collaboration.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
    ],
)
def test_no_partnership_across_clauses_people_examples_or_customers(
    facts: Run, text: str, a: str, b: str
) -> None:
    f = facts(text)
    assert not f.has(a, "PARTNERS_WITH", b), sorted(f.triples())


def test_customers_worked_with_are_a_contract_and_examples_after_a_comma_are_partners(facts: Run) -> None:
    f = facts("Veltra Quantum has worked with customers such as Orbion Systems and Kestrel Labs.")
    assert any(k == "Contract" and {"Veltra Quantum", "Orbion Systems"} <= p for k, p in f.agreements())
    g = facts(
        "Veltra Quantum collaborates with universities and companies, including the University of Kestrel "
        "and Orbion Systems."
    )
    assert g.has("Veltra Quantum", "PARTNERS_WITH", "University of Kestrel")
    assert g.has("Veltra Quantum", "PARTNERS_WITH", "Orbion Systems")


@pytest.mark.parametrize(
    ("text", "together"),
    [
        ("Veltra Quantum and Orbion Systems were founded in 2019 and have collaborated since 2021.", True),
        ("Veltra Quantum and Orbion Systems will work together on sensors.", True),
        # another clause's cooperation, a cooperation with others, a noun, a rare one
        (
            "Veltra Quantum and Orbion Systems lead the field, but smaller firms partner with universities.",
            False,
        ),
        ("Veltra Quantum and Orbion Systems build ion traps; both partner with universities.", False),
        (
            "Veltra Quantum and Orbion Systems follow strategies that encourage international collaboration.",
            False,
        ),
        ("Veltra Quantum and Orbion Systems are competitors that rarely cooperate.", False),
    ],
)
def test_a_subject_list_cooperates_only_in_its_own_clause(facts: Run, text: str, together: bool) -> None:
    assert facts(text).has("Veltra Quantum", "PARTNERS_WITH", "Orbion Systems") is together
