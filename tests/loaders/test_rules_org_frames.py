"""Organisations, government bodies and people read from frames that recur across news of the
ecosystem, and the near misses that look like them: a surname used alone after the person was
named, a title read as a company, a unit named after its institution, a centre "for A and B"
defined by its acronym, an acronym of a place, a representative's seat, research foundations.
Made-up names throughout."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.schemas import EntityType

from .conftest import Facts

Run = Callable[[str], Facts]
E = EntityType


def _types(f: Facts) -> dict[str, EntityType]:
    return {e.name: e.type for e in f.kg.entities}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a unit named after the public institution it belongs to takes the institution's type
        ("The close ties between CEA List, CEA IRIG and Kelvara grew.", "CEA List", E.RESEARCH_INSTITUTE),
        ("The synergy between CNRS-NEOL, Orbion and Kelvara is strong.", "CNRS-NEOL", E.RESEARCH_INSTITUTE),
        # "Centre for A and B (ACR)": the acronym, not the part after "and", closes the name
        (
            "A Centre for Quantum Computing and Quantum Technologies (ZQV) will be established in Varno.",
            "Centre for Quantum Computing and Quantum Technologies",
            E.RESEARCH_INSTITUTE,
        ),
        # research and science foundations are public funders
        (
            "The Varno Research Foundation (VRF) funds the hub.",
            "Varno Research Foundation",
            E.GOVERNMENT_BODY,
        ),
        (
            "The Norland Science Foundation gave Orbion a grant.",
            "Norland Science Foundation",
            E.GOVERNMENT_BODY,
        ),
        # a private foundation stays what it was
        ("The Kelvara Foundation gave Orbion a grant.", "Kelvara Foundation", E.COMPANY),
        # an unknown one-word name that speaks "in a statement" or receives money
        ("Velstrom said in a statement that the deal had closed.", "Velstrom", E.COMPANY),
        ("Orbion received funding from the Varno Agency.", "Orbion", E.COMPANY),
        # the recipient of backing or a grant, the owner of a round, what investors are in
        ("The Varno Agency has also backed Kelvara and Brannick.", "Brannick", E.COMPANY),
        ("The Varno Agency awarded Kelvara a grant.", "Kelvara", E.COMPANY),
        ("The Varno Agency led Kelvara's seed round.", "Kelvara", E.COMPANY),
        ("Brannick's $12 million Series A round closed in May.", "Brannick", E.COMPANY),
        ("Investors in Kelvara include the Varno Agency.", "Kelvara", E.COMPANY),
        # whom researchers work for, before what they did
        ("Researchers at KTB built the clock.", "KTB", E.COMPANY),
        ("A team from Velmora demonstrated the link.", "Velmora", E.COMPANY),
        # the owner of an investing arm
        ("Halvorsen, the venture arm of Brannick, invested.", "Brannick", E.COMPANY),
        ("M12, the corporate venture capital arm of Kelvara Systems, led it.", "Kelvara Systems", E.COMPANY),
        # "the Honourable X, Member of Parliament for Y": a person with a title
        (
            "Today, on behalf of the Honourable Mara Velt, Minister responsible for the Varno Agency; "
            "the Honourable Tova Kell, Member of Parliament for Varno; along with Bryn Moe, "
            "Parliamentary Secretary, announced an investment.",
            "Tova Kell",
            E.PERSON,
        ),
        (
            "The Honourable Tova Kell, Member of Parliament for Varno, said it was welcome.",
            "Tova Kell",
            E.PERSON,
        ),
    ],
)
def test_frame_names_an_actor(facts: Run, text: str, name: str, etype: EntityType) -> None:
    assert _types(facts(text)).get(name) is etype


@pytest.mark.parametrize(
    ("text", "not_an_org"),
    [
        # a surname used alone after the full name is the person, not a company the verb made
        ("Kvantra Labs was founded by Ada Lin in 2019. Lin develops ion traps at the company.", "Lin"),
        # titles are not companies: a group-wide role, a seat in parliament
        (
            "Kim Krogh Vell, Group Executive Product & Technology at Orbion, said it was pleased.",
            "Group Executive Product",
        ),
        ("Ada Lin, Global Head of Quantum at Orbion Bank, said so.", "Global Head"),
        (
            "They were joined by Tova Kell, Member of Parliament for Varno, and Ivo Lund, "
            "Member of Parliament for Norland.",
            "Member of Parliament",
        ),
        # an acronym of a place used twice ("the DMV area") is no company
        ("Connected Varno hosts the fair to make the DMV area a destination. DMV leaders will come.", "DMV"),
        ("Engineers from Ada Lin said it works.", "Ada Lin"),
        # rounds, prizes and people after a backing word are no recipients of their own
        ("The fund backed Series A rounds in Varno.", "Series A"),
        ("The agency awarded Ada Lin the Kelvara Prize.", "Kelvara Prize"),
        # a person has no investing arm, and "said in a statement" after a named person is her
        ("He joined the investment arm of Ada Lin.", "Ada Lin"),
        ("Ada Lin received the award. Lin said in a statement that she was proud.", "Lin"),
    ],
)
def test_near_miss_is_no_organisation(facts: Run, text: str, not_an_org: str) -> None:
    etype = _types(facts(text)).get(not_an_org)
    assert etype is None or etype is E.PERSON


def test_surname_inside_a_company_name_stays_the_company(facts: Run) -> None:
    # "Lin Quantum" holds the word: "Lin" alone may be the company, which keeps its reading
    f = facts("Ada Lin founded Lin Quantum in 2019. Lin develops ion traps.")
    assert _types(f).get("Lin Quantum") is E.COMPANY


def test_centre_and_company_with_its_own_acronym_stay_two(facts: Run) -> None:
    # the bracketed acronym spells the second name's initials: two names
    t = _types(facts("The University of Varno and Orbion Technologies (OT) signed an MOU."))
    assert t.get("University of Varno") is E.UNIVERSITY
    assert t.get("Orbion Technologies") is E.COMPANY


def test_unknown_acronym_used_twice_is_still_a_company(facts: Run) -> None:
    t = _types(facts("KVX and Orbion signed an MOU. KVX said the deal was its largest."))
    assert t.get("KVX") is E.COMPANY


def test_representative_seat_is_no_affiliation(facts: Run) -> None:
    f = facts("Ivo Lund, Member of Parliament for Toronto, agreed.")
    assert f.has_entity("Ivo Lund")
    assert not any(t == "AFFILIATED_WITH" for _, t, _ in f.triples())


def test_mayor_of_a_city_keeps_the_affiliation(facts: Run) -> None:
    f = facts("Ivo Lund, mayor of Toronto, agreed.")
    assert f.has("Ivo Lund", "AFFILIATED_WITH", "Toronto")


def test_a_text_a_body_signs_is_no_person(facts: Run) -> None:
    # "the Joint Statement of the X Council": the council, and no person named "Joint Statement"
    f = facts(
        "Full documentation is in the Letter of Intent, the Joint Statement of the Varno "
        "Partnership Council, and other documents."
    )
    assert _types(f).get("Varno Partnership Council") is E.GOVERNMENT_BODY
    assert not any(t is E.PERSON for t in _types(f).values())


def test_person_of_an_organisation_stays(facts: Run) -> None:
    f = facts("Ada Lin of Kessler University said so.")
    assert f.has("Ada Lin", "AFFILIATED_WITH", "Kessler University")
