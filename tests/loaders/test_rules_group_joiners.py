"""A party named a sentence after the partnership it joins (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    "text",
    [
        "Kvantra Labs has signed an MOU with Orbion Systems. The MOU also involves the University of Varno.",
        "Kvantra Labs is working with Orbion Systems. The collaboration also involves the University of Varno.",
        "Kvantra Labs announced a partnership with Orbion Systems on Monday. The University of Varno will "
        "also take part in the partnership.",
        "Kvantra Labs and Orbion Systems signed a memorandum of understanding. The University of Varno has "
        "since joined the agreement.",
    ],
)
def test_a_later_party_partners_each_party_told_before(facts: Run, text: str) -> None:
    f = facts(text)
    for party in ("Kvantra Labs", "Orbion Systems"):
        assert f.has("University of Varno", "PARTNERS_WITH", party), f.triples()
    assert any(len(parties) == 3 for _, parties in f.agreements()), f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        # a consortium's later member is a member, not a partner of each founder
        "Kvantra Labs and Orbion Systems have launched the Qubit Link consortium. The University of Varno "
        "has since joined the consortium.",
        # too far back: three sentences between
        "Kvantra Labs has signed an MOU with Orbion Systems. Kvantra Labs builds ion traps. Orbion Systems "
        "makes lasers. The sensors ship in May. The University of Varno also joined the agreement.",
        # another agreement of its own, not the one told before
        "Kvantra Labs has signed an MOU with Orbion Systems. The University of Varno signed a separate "
        "contract with Brandt Instruments.",
    ],
)
def test_no_later_party_without_the_partnership_referred_to(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("University of Varno", "PARTNERS_WITH", "Kvantra Labs"), f.triples()


def test_a_later_member_of_a_consortium_is_part_of_it(facts: Run) -> None:
    f = facts(
        "Kvantra Labs and Orbion Systems have launched the Qubit Link consortium. The University of Varno "
        "has since joined the consortium."
    )
    assert f.has("University of Varno", "PART_OF", "Qubit Link Consortium"), f.triples()


def test_other_partners_of_the_group_in_focus(facts: Run) -> None:
    """ "Other partners include ..." with no determiner: members of the group named before."""
    f = facts(
        "The Qubit Link Project is led by Kvantra Labs. Other partners include Orbion Systems and the "
        "University of Varno."
    )
    for member in ("Orbion Systems", "University of Varno"):
        assert f.has(member, "PART_OF", "Qubit Link Project"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Two Canadian quantum firms are joining forces to build a network. Kvantra Labs and Orbion Systems "
        "intend to invest $5m.",
        "Two companies have teamed up, the firms said. Kvantra Labs and Orbion Systems will build sensors.",
    ],
)
def test_a_lede_counts_the_partners_the_next_sentence_names(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Kvantra Labs", "PARTNERS_WITH", "Orbion Systems"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # the count does not match the names
        "Two companies are joining forces. Kvantra Labs, Orbion Systems and Brandt Instruments will invest.",
        # the names are not the subject of the next sentences
        "Two companies are joining forces. The deal was praised by Kvantra Labs and Orbion Systems.",
        # no partnering verb in the lede
        "Two companies raised money. Kvantra Labs and Orbion Systems will invest $5m.",
    ],
)
def test_no_counted_partners(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Kvantra Labs", "PARTNERS_WITH", "Orbion Systems"), f.triples()
