"""Organisation-internal naming (rules/units.py) and membership read from clause structure
(rules/clauses.py: relative clauses, passive admission; acquisitions are rules/deals.py).

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]

KESSLER = "Kessler Group"
ORBION = "Orbion Systems"
ALLIANCE = "Veltra Quantum Alliance"
ACADEMY = "Tamsin Academy of Sciences"
INSTITUTE = "Varnholt Institute for Quantum Optics"
UNIVERSITY = "University of Tamsin"
CENTRE = "Varnholt Centre for Quantum Engineering"


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        # the unit's kind after its name, the owner the mention "its" stands for
        ("Kessler Group spun out its Orbion Systems division in 2021.", ORBION, KESSLER),
        ("Kessler Group, through its Orbion Systems unit, sells ion traps.", ORBION, KESSLER),
        # the parent said as such, after or before the part
        ("Orbion Systems' parent company, Kessler Group, is considering a listing.", ORBION, KESSLER),
        ("Kessler Group, the parent company of Orbion Systems, is considering a listing.", ORBION, KESSLER),
        ("Kessler Group is the parent of Orbion Systems.", ORBION, KESSLER),
        ("Orbion Systems and its parent Kessler Group signed the deal.", ORBION, KESSLER),
        # the unit's kind in a possessed apposition, either way round
        (f"The {CENTRE}, the {UNIVERSITY}'s new research centre, opened on Monday.", CENTRE, UNIVERSITY),
        (f"The {UNIVERSITY}'s new research centre, the {CENTRE}, opened on Monday.", CENTRE, UNIVERSITY),
        # the unit's kind in a predicate or an apposition
        (f"The {CENTRE} is a research centre of the {UNIVERSITY}.", CENTRE, UNIVERSITY),
        (
            f"The {CENTRE}, an interdisciplinary institute of the {UNIVERSITY}, trains engineers.",
            CENTRE,
            UNIVERSITY,
        ),
        (f"The {INSTITUTE} is one of the institutes of the {ACADEMY}.", INSTITUTE, ACADEMY),
        # the unit in brackets after its parent
        (f"The strategic partner is the {ACADEMY} ({INSTITUTE}).", INSTITUTE, ACADEMY),
        # verbs of belonging and housing
        (f"The {INSTITUTE} belongs to the {ACADEMY}.", INSTITUTE, ACADEMY),
        (f"The {CENTRE} is housed within the {UNIVERSITY}.", CENTRE, UNIVERSITY),
        # what was bought (rules/deals.py), also in a relative clause
        ("Kessler Group, which acquired Orbion Systems in 2020, makes lasers.", ORBION, KESSLER),
        ("Kessler Group acquired its French peer Orbion Systems in 2022.", ORBION, KESSLER),
    ],
)
def test_a_unit_named_with_its_parent_is_part_of_it(facts: Run, text: str, part: str, whole: str) -> None:
    f = facts(text)
    assert f.has(part, "PART_OF", whole)
    assert not f.has(whole, "PART_OF", part)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a partner, an investment, a spin-out: no part
        ("Kessler Group's partner Orbion Systems builds ion traps.", ORBION, KESSLER),
        ("Orbion Systems, Kessler Group's portfolio company, builds ion traps.", ORBION, KESSLER),
        ("Kessler Group took a stake in Orbion Systems last year.", ORBION, KESSLER),
        ("Orbion Systems was spun out of the University of Tamsin.", ORBION, UNIVERSITY),
        # a place is never a parent
        (f"The {INSTITUTE} in Tamsin builds clocks.", INSTITUTE, "Tamsin"),
        # a bracket holding an acronym, or a company, is no unit
        (f"The {ACADEMY} (TAS) and {KESSLER} (Orbion Systems) signed.", ORBION, KESSLER),
    ],
)
def test_no_part_without_a_structure_of_belonging(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert not f.has(a, "PART_OF", b)


def test_a_parent_named_in_apposition_owns_the_part_not_the_reverse(facts: Run) -> None:
    f = facts("Kessler Group, the parent company of Orbion Systems, is considering a listing.")
    assert ("Kessler Group", "PART_OF", "Orbion Systems") not in f.triples()


PROGRAMME = "Qubit Horizon Programme"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # relative clauses: the antecedent is the subject, or the object
        (f"Orbion Systems, which joined the {ALLIANCE} in 2021, builds ion traps.", ALLIANCE),
        (f"The {ALLIANCE}, which Orbion Systems joined in 2021, has 40 members.", ALLIANCE),
        (f"The {ALLIANCE}, to which Orbion Systems belongs, met in Lyon.", ALLIANCE),
        (f"The {PROGRAMME}, in which Orbion Systems participates, funds start-ups.", PROGRAMME),
        # a participle after the name, and a verb phrase coordinated after a first one
        (f"Orbion Systems, having joined the {ALLIANCE} in 2021, builds ion traps.", ALLIANCE),
        (f"Orbion Systems was founded in 2019 and joined the {ALLIANCE} in 2021.", ALLIANCE),
        (f"Orbion Systems signed a deal with Kessler Photonics and joined the {ALLIANCE}.", ALLIANCE),
        # passive admission into a group
        (f"Orbion Systems was admitted to the {ALLIANCE} in May.", ALLIANCE),
        (f"Orbion Systems has been accepted into the {ALLIANCE}.", ALLIANCE),
        # what a programme gives or picks, its recipients take part in
        (f"Orbion Systems received €2 million under the {PROGRAMME}.", PROGRAMME),
        (f"Orbion Systems was awarded a grant through the {PROGRAMME}.", PROGRAMME),
        (f"Orbion Systems is participating in the {PROGRAMME}.", PROGRAMME),
        # the programme's side
        (f"The {PROGRAMME} has selected Orbion Systems and Kessler Photonics.", PROGRAMME),
    ],
)
def test_membership_in_every_clause_shape(facts: Run, text: str, group: str) -> None:
    assert facts(text).has(ORBION, "PART_OF", group)


def test_a_relative_pronoun_stands_for_the_name_right_before_it(facts: Run) -> None:
    f = facts(f"Orbion Systems signed a deal with Kessler Photonics, which joined the {ALLIANCE} in 2021.")
    assert f.has("Kessler Photonics", "PART_OF", ALLIANCE)
    assert not f.has(ORBION, "PART_OF", ALLIANCE)


@pytest.mark.parametrize(
    "text",
    [
        "Kessler Group bought an Orbion Systems quantum computer.",
        "Kessler Group acquired Orbion Systems' laser unit.",
        "The Tamsin Competition Authority approved the acquisition of Orbion Systems.",
        "Kessler Group could acquire Orbion Systems next year.",
        f"Orbion Systems did not join the {ALLIANCE}.",
    ],
)
def test_no_membership_from_goods_approvals_or_hedges(facts: Run, text: str) -> None:
    f = facts(text)
    parts = {(s, o) for s, t, o in f.triples() if t == "PART_OF"}
    assert (ORBION, KESSLER) not in parts
    assert (ORBION, ALLIANCE) not in parts
    assert (ORBION, "Tamsin Competition Authority") not in parts


def test_operating_a_programme_develops_it(facts: Run) -> None:
    f = facts("The Tamsin Science Agency operates the Qubit Horizon Programme.")
    assert f.has("Tamsin Science Agency", "DEVELOPS", "Qubit Horizon Programme")


def test_the_possessor_of_the_members_holds_them_whatever_its_type(facts: Run) -> None:
    # a one-word name is read as a company; "its founding partners" still makes it a group
    f = facts(
        "The Polvara Center and the Kessler Quantum Exchange partnered to launch Qubitrix, an accelerator "
        "for quantum start-ups. "
        "Led by the Polvara Center, Qubitrix's founding partners also include the University of Tamsin, "
        "Orbion Systems and Veltra Photonics."
    )
    for member in ("University of Tamsin", ORBION, "Veltra Photonics"):
        assert f.has(member, "PART_OF", "Qubitrix")
        assert not f.has(member, "PART_OF", "Kessler Quantum Exchange")


@pytest.mark.parametrize(
    ("text", "made"),
    [
        # a name read as a company is still made when its apposition says it is a body that is made
        (
            "The Polvara Center and Orbion Systems partnered to launch Qubitrix, an accelerator for start-ups.",
            True,
        ),
        ("The Polvara Center launched Qubitrix, a new quantum incubator, on Monday.", True),
        # a product or a company launched with no such apposition is no made body
        ("The Polvara Center launched Qubitrix, a Lyon start-up, on Monday.", False),
    ],
)
def test_a_launched_name_described_as_a_facility_is_developed(facts: Run, text: str, made: bool) -> None:
    f = facts(text)
    assert f.has("Polvara Center", "DEVELOPS", "Qubitrix") is made


@pytest.mark.parametrize(
    "text",
    [
        # a body that is no programme picks contractors, not members
        "The Tamsin Science Ministry has selected Orbion Systems and Kessler Photonics.",
        # money through a partner is no programme
        "Orbion Systems received €2 million through its partnership with Kessler Group.",
        # a programme choosing its host or leader makes it no member
        f"The {PROGRAMME} selected Orbion Systems as lead partner.",
    ],
)
def test_no_participation_without_a_programme_taking_members(facts: Run, text: str) -> None:
    parts = {(s, o) for s, t, o in facts(text).triples() if t == "PART_OF"}
    assert not any(s == ORBION for s, _ in parts)


def test_a_unit_named_before_its_parent_in_brackets(facts: Run) -> None:
    f = facts(f"The {INSTITUTE} ({UNIVERSITY}) builds clocks.")
    assert f.has(INSTITUTE, "PART_OF", UNIVERSITY)


def test_who_makes_a_body_together_with_the_subject_develops_it(facts: Run) -> None:
    f = facts(f"Kessler Group is developing the Veltra Quantum Hub together with the {UNIVERSITY}.")
    assert f.has(KESSLER, "DEVELOPS", "Veltra Quantum Hub")
    assert f.has(UNIVERSITY, "DEVELOPS", "Veltra Quantum Hub")


def test_coordinated_verbs_share_their_subject_but_not_a_reported_clause(facts: Run) -> None:
    f = facts(
        f"Kessler Group and the {UNIVERSITY} will jointly establish and operate the Veltra Quantum Hub."
    )
    assert f.has(KESSLER, "DEVELOPS", "Veltra Quantum Hub")
    assert f.has(UNIVERSITY, "DEVELOPS", "Veltra Quantum Hub")
    g = facts(f"Orbion Systems said that the ministry approved its plan and joined the {ALLIANCE}.")
    assert not g.has(ORBION, "PART_OF", ALLIANCE)


@pytest.mark.parametrize(
    "text",
    [
        f"Orbion Systems' membership of the {ALLIANCE} began in 2020.",
        f"The participation of Orbion Systems and Kessler Photonics in the {ALLIANCE} was confirmed.",
        f"Orbion Systems' involvement in the {ALLIANCE} grew last year.",
    ],
)
def test_membership_said_by_its_noun(facts: Run, text: str) -> None:
    assert facts(text).has(ORBION, "PART_OF", ALLIANCE)


def test_a_company_has_partners_not_members_by_a_noun(facts: Run) -> None:
    f = facts("Orbion Systems' participation in Kessler Group's quantum programme was confirmed.")
    assert not f.has(ORBION, "PART_OF", KESSLER)


@pytest.mark.parametrize(
    "text",
    [
        # a technology named in the modifiers of the unit's kind
        "Kessler Group's quantum computing division, Orbion Quantum, opened a lab.",
        "Orbion Quantum, the quantum computing arm of Kessler Group, opened a lab.",
        "Orbion Quantum, a quantum sensing subsidiary of Kessler Group, opened a lab.",
        "Orbion Quantum is the quantum computing unit of Kessler Group.",
        "Orbion Quantum, Kessler Group's quantum computing unit, opened a lab.",
    ],
)
def test_a_technology_may_qualify_the_kind_of_unit(facts: Run, text: str) -> None:
    assert facts(text).has("Orbion Quantum", "PART_OF", KESSLER)


def test_another_actor_before_the_kind_is_no_modifier(facts: Run) -> None:
    f = facts("Orbion Quantum is the Veltra Photonics unit of Kessler Group.")
    assert not f.has("Orbion Quantum", "PART_OF", KESSLER)
