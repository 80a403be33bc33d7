"""Fallback rules: cue words within a clause where no phrasing rule matched.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]

HUB = "Sable Quantum Hub"


def _rules(f: Facts, s: str, t: str, o: str) -> set[str]:
    """The rules of the evidence for one relation (either direction for symmetric types)."""
    out: set[str] = set()
    for r in f.kg.relations:
        ends = (f.names[r.source], f.names[r.target])
        if r.type.value == t and (ends == (s, o) or (t == "PARTNERS_WITH" and ends == (o, s))):
            out |= {e.rule for e in r.evidence}
    return out


def _fallback(f: Facts, s: str, t: str, o: str) -> bool:
    return any(rule.startswith("fallback.") for rule in _rules(f, s, t, o))


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        (
            f"The {HUB}, funded by the Ministry of Science, counts Orbion Quantum, Veltria Systems and "
            "Brackwell Labs among its members.",
            ["Orbion Quantum", "Veltria Systems", "Brackwell Labs"],
            HUB,
        ),
        (
            f"The new line-up of the {HUB} features Orbion Quantum, Veltria Systems and Brackwell Labs.",
            ["Brackwell Labs"],
            HUB,
        ),
        (
            "Boeing, Orbion Quantum and Veltria Systems, as well as the Ministry of Energy, make up the "
            "Sable Quantum Consortium's newly formed steering committee.",
            ["Orbion Quantum", "Veltria Systems"],
            "Sable Quantum Consortium",
        ),
    ],
)
def test_a_group_and_a_listed_membership_make_members(
    facts: Run, text: str, members: list[str], group: str
) -> None:
    f = facts(text)
    for m in members:
        assert f.has(m, "PART_OF", group), (m, sorted(f.triples()))


def test_the_group_of_the_sentence_before_takes_the_members_of_its_reference(facts: Run) -> None:
    f = facts(
        f"The {HUB} opened in Lyon on Monday. The hub's initial line-up counts Orbion Quantum, "
        "Veltria Systems and Brackwell Labs."
    )
    for m in ("Orbion Quantum", "Veltria Systems", "Brackwell Labs"):
        assert f.has(m, "PART_OF", HUB), sorted(f.triples())


def test_a_member_list_in_lines_after_a_colon(facts: Run) -> None:
    f = facts(
        f"Members of the {HUB} are listed below:\nOrbion Quantum, a photonics firm\nVeltria Systems\n"
        "Brackwell Labs\n"
    )
    for m in ("Orbion Quantum", "Veltria Systems", "Brackwell Labs"):
        assert _fallback(f, m, "PART_OF", HUB), sorted(f.triples())


@pytest.mark.parametrize(
    "text",
    [
        f"The {HUB} did not include Orbion Quantum or Veltria Systems.",
        f"The {HUB} may soon include Orbion Quantum and Veltria Systems.",
        f"Customers of the {HUB} include Orbion Quantum and Veltria Systems, which raised funding last year.",
        f"The {HUB} was funded by Orbion Quantum and Veltria Systems, members said.",
        f"The {HUB} competes with Orbion Quantum and Veltria Systems for members.",
    ],
)
def test_no_membership_when_denied_hedged_paid_or_rivalled(facts: Run, text: str) -> None:
    f = facts(text)
    assert not _fallback(f, "Orbion Quantum", "PART_OF", HUB), sorted(f.triples())
    assert not _fallback(f, "Veltria Systems", "PART_OF", HUB), sorted(f.triples())


def test_members_of_an_alliance_form_a_consortium(facts: Run) -> None:
    f = facts(
        "The Sable Quantum Alliance, backed by the Ministry of Science, counts Orbion Quantum, "
        "Veltria Systems and Brackwell Labs among its founding members."
    )
    assert (
        "Consortium",
        frozenset({"Orbion Quantum", "Veltria Systems", "Brackwell Labs"}),
    ) in f.agreements()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "Orbion Quantum cooperates closely with Kalm University and the Ministry of Energy.",
            "Orbion Quantum",
            "Ministry of Energy",
        ),
        (
            "Under the deal, Orbion Quantum will work closely with Brackwell Labs to test the chips.",
            "Orbion Quantum",
            "Brackwell Labs",
        ),
        (
            "Orbion Quantum is also in a joint development programme with Veltria Systems.",
            "Orbion Quantum",
            "Veltria Systems",
        ),
        (
            "Kalm University's separate partnerships with Veltria Systems and Brackwell Labs began in May.",
            "Kalm University",
            "Brackwell Labs",
        ),
    ],
)
def test_a_collaboration_cue_relates_the_subject_to_the_organisations_after_it(
    facts: Run, text: str, a: str, b: str
) -> None:
    assert facts(text).has(a, "PARTNERS_WITH", b)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "Orbion Quantum works with customers such as Veltria Systems and Brackwell Labs.",
            "Orbion Quantum",
            "Veltria Systems",
        ),
        (
            "Orbion Quantum is the first partner on the Sable Network and will serve Kalm University, "
            "which partners with Brackwell Labs.",
            "Orbion Quantum",
            "Brackwell Labs",
        ),
        (
            "Orbion Quantum may collaborate with Veltria Systems next year.",
            "Orbion Quantum",
            "Veltria Systems",
        ),
        (
            "Kalm University's partnerships with Veltria Systems are part of a programme run by Orbion Quantum.",
            "Kalm University",
            "Orbion Quantum",
        ),
        (
            "The lab sits near Veltria Systems, with which Orbion Quantum has long collaborations, along with "
            "researchers at Kalm University.",
            "Orbion Quantum",
            "Kalm University",
        ),
        (
            "The chips are made at Orbion Quantum's and Kalm University's joint clean room Brackwell Labs.",
            "Orbion Quantum",
            "Brackwell Labs",
        ),
        (
            "According to Orbion Quantum, Kalm University has teamed up with the city of Lyon.",
            "Orbion Quantum",
            "Kalm University",
        ),
    ],
)
def test_no_partnership_with_examples_relatives_hedges_or_sources(
    facts: Run, text: str, a: str, b: str
) -> None:
    assert not _fallback(facts(text), a, "PARTNERS_WITH", b)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The National Supercomputing Centre bought a quantum computer from Orbion Quantum.",
            {"National Supercomputing Centre", "Orbion Quantum"},
        ),
        (
            "Kalm University ordered two dilution refrigerators from Brackwell Labs.",
            {"Kalm University", "Brackwell Labs"},
        ),
        (
            "Veltria Systems will supply a 50-qubit system to the National Supercomputing Centre.",
            {"Veltria Systems", "National Supercomputing Centre"},
        ),
        (
            "Brackwell Labs was selected by the Ministry of Defence to deliver a quantum sensor.",
            {"Brackwell Labs", "Ministry of Defence"},
        ),
    ],
)
def test_a_purchase_or_supply_is_a_contract_of_buyer_and_supplier(
    facts: Run, text: str, parties: set[str]
) -> None:
    f = facts(text)
    assert ("Contract", frozenset(parties)) in f.agreements(), f.agreements()
    a, b = sorted(parties)
    assert not f.has(a, "INVESTS_IN", b)
    assert not f.has(b, "INVESTS_IN", a)


@pytest.mark.parametrize(
    "text",
    [
        "Kalm University bought Brackwell Labs from Orbion Quantum in 2021.",
        "Orbion Quantum sold a quantum computer to Kalm University's rival Brackwell Labs last year, "
        "said Veltria Systems.",
    ],
)
def test_no_contract_for_a_takeover_or_an_unnamed_buyer(facts: Run, text: str) -> None:
    f = facts(text)
    rules = {e.rule for a in f.kg.agreements for e in a.evidence}
    assert not any(r.startswith("fallback.") for r in rules), f.agreements()


def test_fallback_facts_are_less_confident_than_phrasing_rules(facts: Run) -> None:
    f = facts(f"The new line-up of the {HUB} features Orbion Quantum, Veltria Systems and Brackwell Labs.")
    rel = next(
        r for r in f.kg.relations if f.names[r.source] == "Brackwell Labs" and f.names[r.target] == HUB
    )
    assert all(e.rule.startswith("fallback.") for e in rel.evidence)
    assert rel.confidence < 0.6


@pytest.mark.parametrize(
    ("text", "person", "org", "affiliated"),
    [
        (
            "Other speakers were Veltria Systems' Vice President of Quantum Software, Lena Marsh; and two "
            "students.",
            "Lena Marsh",
            "Veltria Systems",
            True,
        ),
        (
            "Anna Kowal will step down as CEO of Kalm Instruments in March, the board said.",
            "Anna Kowal",
            "Kalm Instruments",
            True,
        ),
        # the next list item, a chair (who leads), someone else's role
        (
            "The jury included Prof. Anna Kowal from Kalm University and Prof. Lena Marsh from Orbion Institute.",
            "Lena Marsh",
            "Kalm University",
            False,
        ),
        (
            "The Orbion Advisory Group chaired by Prof. Lena Marsh met in May.",
            "Lena Marsh",
            "Orbion Advisory Group",
            False,
        ),
        (
            "Lena Marsh praised the chief executive of Veltria Systems.",
            "Lena Marsh",
            "Veltria Systems",
            False,
        ),
        ("Lena Marsh said Veltria Systems would hire a new CTO.", "Lena Marsh", "Veltria Systems", False),
    ],
)
def test_a_role_word_between_a_person_and_an_organisation_affiliates_them(
    facts: Run, text: str, person: str, org: str, affiliated: bool
) -> None:
    f = facts(text)
    if affiliated:
        assert f.has(person, "AFFILIATED_WITH", org), sorted(f.triples())
    else:
        assert not _fallback(f, person, "AFFILIATED_WITH", org), sorted(f.triples())


@pytest.mark.parametrize(
    ("text", "funded"),
    [
        ("The Ministry of Science has committed $12 million to quantum research at Kalm University.", True),
        ("The Ministry of Science said Kalm University's revenue grew to $5 million.", False),
        ("The Ministry of Science could fund Kalm University next year.", False),
        ("Kalm University said the Ministry of Science needs to back the plan with public funding.", False),
        ("The Ministry of Science and Kalm University have invested $30 million in a new testbed.", False),
        (
            "The Ministry of Science put $5 million into research in support of Kalm University's roadmap.",
            False,
        ),
    ],
)
def test_a_public_funder_money_and_one_recipient_make_an_investment(
    facts: Run, text: str, funded: bool
) -> None:
    f = facts(text)
    assert _fallback(f, "Ministry of Science", "INVESTS_IN", "Kalm University") is funded, sorted(f.triples())


@pytest.mark.parametrize(
    "text",
    [
        "Alder Capital led the new funding, joined by Birch Ventures, Cedar Partners and Dune Capital.",
        "The round is led by Alder Capital and also includes existing investors Birch Ventures and Cedar Partners.",
        "Other investors in the round included Birch Ventures and Cedar Partners.",
    ],
)
def test_a_co_investor_listed_with_funders_is_no_recipient(facts: Run, text: str) -> None:
    # no recipient is named: nobody in the list is funded by the others
    f = facts(text)
    assert not any(t == "INVESTS_IN" and o == "Cedar Partners" for _, t, o in f.triples()), sorted(
        f.triples()
    )


def test_a_recipient_beside_a_funder_list_is_still_funded(facts: Run) -> None:
    f = facts("The Estland Innovation Fund and Alder Capital put $4 million into Cedar Partners.")
    assert f.has("Alder Capital", "INVESTS_IN", "Cedar Partners"), sorted(f.triples())


def test_a_purpose_clause_names_no_partner(facts: Run) -> None:
    f = facts(
        "Orbion Quantum and the Ministry of Science sign MoU to support a Quantum Sensing Centre in Lyon."
    )
    assert f.has("Orbion Quantum", "PARTNERS_WITH", "Ministry of Science")
    assert not any(t == "PARTNERS_WITH" and "Quantum Sensing Centre" in (s, o) for s, t, o in f.triples()), (
        sorted(f.triples())
    )


def test_joining_forces_is_no_membership(facts: Run) -> None:
    f = facts(
        "Kalm University and Orbion Quantum have joined forces to support start-ups in the Sable Quantum Hub."
    )
    assert f.has("Kalm University", "PARTNERS_WITH", "Orbion Quantum")
    assert not any(t == "PART_OF" for _, t, _ in f.triples()), sorted(f.triples())


def test_a_pact_that_names_its_parties_leaves_out_the_subject(facts: Run) -> None:
    f = facts("Veltria Systems' CEO praised the collaboration between Orbion Quantum and Brackwell Labs.")
    assert f.has("Orbion Quantum", "PARTNERS_WITH", "Brackwell Labs")
    assert not _fallback(f, "Veltria Systems", "PARTNERS_WITH", "Orbion Quantum"), sorted(f.triples())
