"""Agreements whose parties the next sentence names (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]

THREE = frozenset({"Kvantra Labs", "Orbion Systems", "University of Varno"})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "A memorandum of understanding was signed on Monday in Telmar. "
            "It brings together Kvantra Labs, Orbion Systems and the University of Varno.",
            "MOU",
        ),
        (
            "A new quantum alliance was announced on Tuesday. "
            "The alliance unites Kvantra Labs, Orbion Systems and the University of Varno.",
            "Partnership",
        ),
        (
            "A five-year agreement on quantum networks was concluded last week. "
            "It was signed by Kvantra Labs, Orbion Systems and the University of Varno.",
            "Partnership",
        ),
        (
            "A letter of intent on quantum sensing was published today. "
            "The signatories are Kvantra Labs, Orbion Systems and the University of Varno.",
            "MOU",
        ),
        (
            "The signatories of the agreement are Kvantra Labs, Orbion Systems and the University of Varno.",
            "Partnership",
        ),
    ],
)
def test_parties_named_after_the_agreement(facts: Run, text: str, kind: str) -> None:
    f = facts(text)
    assert (kind, THREE) in f.agreements()
    assert f.has("Orbion Systems", "PARTNERS_WITH", "University of Varno")


def test_pact_with_counterparts_adds_the_announcer(facts: Run) -> None:
    f = facts(
        "Kvantra Labs announced a strategic partnership today. "
        "The partnership with Orbion Systems and the University of Varno will focus on quantum sensing."
    )
    assert ("Partnership", THREE) in f.agreements()
    assert f.has("Kvantra Labs", "PARTNERS_WITH", "Orbion Systems")
    assert f.has("Kvantra Labs", "PARTNERS_WITH", "University of Varno")


def test_counted_counterparts_named_next(facts: Run) -> None:
    f = facts(
        "The Ruritania Ministry of Science announced a partnership with three universities. "
        "The University of Varno, Telmar University and the Norvia Institute of Technology will jointly "
        "run the training programme."
    )
    parties = frozenset(
        {
            "Ruritania Ministry of Science",
            "University of Varno",
            "Telmar University",
            "Norvia Institute of Technology",
        }
    )
    assert ("Partnership", parties) in f.agreements()
    assert f.has("Ruritania Ministry of Science", "PARTNERS_WITH", "Telmar University")


@pytest.mark.parametrize(
    "text",
    [
        # the count and the names disagree
        "The Ruritania Ministry of Science announced a partnership with three universities. "
        "The University of Varno and Telmar University will jointly run the training programme.",
        # no agreement before "It brings together"
        "The conference opened on Monday in Telmar. It brings together Kvantra Labs, Orbion Systems and the University of Varno.",
        # too far from the agreement
        "A memorandum of understanding was signed on Monday. The weather was fine. Many guests came. "
        "It brings together Kvantra Labs, Orbion Systems and the University of Varno.",
    ],
)
def test_no_later_parties(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(len(parties) >= 2 for _, parties in f.agreements())


def test_agreement_with_its_parties_takes_none_later(facts: Run) -> None:
    f = facts(
        "Kvantra Labs signed an agreement with Orbion Systems. "
        "The partners are Kvantra Labs, Orbion Systems and the University of Varno."
    )
    assert ("Partnership", frozenset({"Kvantra Labs", "Orbion Systems"})) in f.agreements()
    assert not f.has("Orbion Systems", "PARTNERS_WITH", "University of Varno")


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        (
            "Leaders from Ruritania, Estland and Norvia met in Telmar. "
            "The three countries signed a joint declaration on quantum technologies.",
            "JointStatement",
            frozenset({"Ruritania", "Estland", "Norvia"}),
        ),
        (
            "Veltra Quantum and Orbion Systems both reported losses. They also signed a memorandum of understanding.",
            "MOU",
            frozenset({"Veltra Quantum", "Orbion Systems"}),
        ),
    ],
)
def test_signers_named_in_the_sentence_before(
    facts: Run, text: str, kind: str, parties: frozenset[str]
) -> None:
    f = facts(text)
    assert (kind, parties) in f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        # the actors before play different roles: no coordinated list
        "Veltra Quantum hired Ada Vell from Orbion Systems. They signed a contract on Monday.",
        # the count disagrees with the names
        "Leaders from Ruritania, Estland and Norvia met in Telmar. The two countries signed a joint declaration.",
    ],
)
def test_no_signers_before(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(len(parties) >= 2 for _, parties in f.agreements()), f.agreements()


def test_other_signatories_join_the_first(facts: Run) -> None:
    f = facts(
        "The University of Varno has signed a memorandum of understanding on quantum sensing. "
        "The other signatories are Kvantra Labs and Orbion Systems."
    )
    assert ("MOU", THREE) in f.agreements()


def test_signed_by_officials_of_governments(facts: Run) -> None:
    f = facts(
        "The agreement was signed by officials of the State of Varno, Telmar County and the City of Telmar."
    )
    assert f.has("Telmar County", "PARTNERS_WITH", "Varno")
    assert f.has("Telmar", "PARTNERS_WITH", "Telmar County")


@pytest.mark.parametrize(
    "text",
    [
        "The Quantum Valley Initiative – a partnership with Kvantra Labs and Orbion Systems – will spur investment.",
        "Mara Lind announced the Quantum Valley Initiative in January – a public-private partnership with "
        "Kvantra Labs and Orbion Systems.",
    ],
)
def test_a_programme_named_as_a_partnership_is_no_party_of_it(facts: Run, text: str) -> None:
    f = facts(text)
    assert ("Partnership", frozenset({"Kvantra Labs", "Orbion Systems"})) in f.agreements()
    assert not f.has("Quantum Valley Initiative", "PARTNERS_WITH", "Kvantra Labs")


def test_the_announcer_of_a_named_partnership_signs_for_its_government(facts: Run) -> None:
    f = facts(
        "The Government of Estland announced the Quantum Valley Initiative – a public-private partnership "
        "with Kvantra Labs and Orbion Systems."
    )
    assert (
        "Partnership",
        frozenset({"Government of Estland", "Kvantra Labs", "Orbion Systems"}),
    ) in f.agreements()
    assert f.has("Government of Estland", "PARTNERS_WITH", "Orbion Systems")
