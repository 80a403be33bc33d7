"""Organisations the gazetteer does not hold, found by the context they stand in: coordinated
with a known organisation (:func:`qkg.loaders.rules.names.coordinated_names`), after a person's
role and "at"/"with", or as the source of money after a funding word (both in
:mod:`qkg.loaders.rules.org_cues`). People, places, laws, events and names cut short stay out.
Made-up names throughout."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.schemas import EntityType

from .conftest import Facts

Run = Callable[[str], Facts]
E = EntityType
_ORGS = {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.CLUSTER}


def _types(f: Facts) -> dict[str, EntityType]:
    return {e.name: e.type for e in f.kg.entities}


@pytest.mark.parametrize(
    ("text", "names", "etype"),
    [
        # one known organisation (a keyword's) in a list of three, the unknown ones before and after it
        (
            "Orvane, Kessler Labs and Tarnwick are backing the new fab in Lyon.",
            ["Orvane", "Tarnwick"],
            E.COMPANY,
        ),
        # a plain pair joined by "and"
        ("Quelmark and Brivane Robotics have built a shared test bed.", ["Quelmark"], E.COMPANY),
        # items with amounts in brackets
        (
            "Contracts went to Halvern Photonics ($3.1m), Qorvath ($2.9m) and Nessly Q ($2.2m).",
            ["Qorvath", "Nessly Q"],
            E.COMPANY,
        ),
        # the list's type is its known members': universities here
        (
            "Tarnwick University, Halvern University and Orskmere share the grant.",
            ["Orskmere"],
            E.UNIVERSITY,
        ),
        # one university beside an unknown name: a company (the name has no university's word)
        ("Orvane and Kessler University signed a research agreement.", ["Orvane"], E.COMPANY),
        # names with a number, and lists in an investor roster
        ("Brivane Robotics, Section 12, and Halvern Capital signed the charter.", ["Section 12"], E.COMPANY),
        # acronyms and digits are names too
        ("The first tenants are Velq, QNX-3 and Brivane Robotics.", ["Velq", "QNX-3"], E.COMPANY),
        # the employer after a role
        ("Ada Lin, head of research at Veltrix, said the chip works.", ["Veltrix"], E.COMPANY),
        ("Ada Lin, a senior engineer with Orvane, said the chip works.", ["Orvane"], E.COMPANY),
        ("Tom Berg, vice president of sales and marketing at Kestmoor, said so.", ["Kestmoor"], E.COMPANY),
        ('"We are ready," said Tom Berg, managing director at Brivane.', ["Brivane"], E.COMPANY),
        ("Orbion hired two former leaders at Quelvo and a designer.", ["Quelvo"], E.COMPANY),
        # an academic post: a university, unless the name says another kind
        ("Ada Lin, a professor at Tarnwick, led the study.", ["Tarnwick"], E.UNIVERSITY),
        (
            "Ada Lin, a research fellow at the Centre for Quantum Orbits, led it.",
            ["Centre for Quantum Orbits"],
            E.RESEARCH_INSTITUTE,
        ),
        # a capitalised word hyphenated to a lower-case one opens a name
        (
            "The grant comes from the Info-tech Media Development Authority of Ruritania.",
            ["Info-tech Media Development Authority of Ruritania"],
            E.GOVERNMENT_BODY,
        ),
        (
            "The Agri-photonics Research Institute said it would fund the network.",
            ["Agri-photonics Research Institute"],
            E.RESEARCH_INSTITUTE,
        ),
        # a title-case headline's subject before an organisation's verb
        (
            "Quantum Sensing Orbits Inc Signs Deal With Kessler Labs",
            ["Quantum Sensing Orbits Inc"],
            E.COMPANY,
        ),
        ("French Startup Orvane Secures €12 Million Series A", ["Orvane"], E.COMPANY),
        ("Tarnwick Quantum Zone Officially Launches New Programme", ["Tarnwick Quantum Zone"], E.CLUSTER),
        # the source of money
        (
            "The company picked up $18.1 million in a Series A round from Kessmark along with others.",
            ["Kessmark"],
            E.COMPANY,
        ),
        ("The minister announced a further £4m funding from Velq for joint research.", ["Velq"], E.COMPANY),
        (
            "Orbion opened a lab in Lyon thanks to an investment by Tarnwood Invest.",
            ["Tarnwood Invest"],
            E.COMPANY,
        ),
        ("Orbion received a €2m grant from Brannock to build the chip.", ["Brannock"], E.COMPANY),
        ("The startup won two contracts from Quelmark, it said.", ["Quelmark"], E.COMPANY),
    ],
)
def test_an_unknown_name_typed_by_its_context(
    facts: Run, text: str, names: list[str], etype: EntityType
) -> None:
    found = _types(facts(text))
    for n in names:
        assert found.get(n) is etype, (n, found)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # two items set apart by a comma only: an opener, not a list
        ("Yesterday, Brivane Robotics said it would hire.", "Yesterday"),
        ("On Tarnday, Brivane Robotics said it would hire.", "On Tarnday"),
        # a person in the list: its other names may be people too
        ("Brivane Robotics, Ada Lin and Korvel met in Lyon.", "Korvel"),
        # a place in the list
        ("Brivane Robotics, Lyon and Korvel are on the map.", "Korvel"),
        # a name cut at its particle or ampersand is no item
        ("It works with Brivane Robotics and Centre de Calcul Avancé.", "Centre"),
        ("It funds Brivane Robotics and Research & Development.", "Research"),
        # the names qualify a noun after the list: the kind-list rules read those
        ("It hired Orvane and Kessler Labs researchers.", "Orvane"),
        # a law, a prize, an event, or plain words in title case
        ("The Orvane and Kessler Labs Act passed in May.", "Orvane"),
        ("It covers Quantum Engineering, Science, and Technology.", "Science"),
        # a name cut after its fourth word, or after a year
        ("It partnered with Army Combat Readiness Development Command, Kessler Labs and Orvane.", "Command"),
        # a participle, a place adjective or a prefix before a name is no part of it
        ("The Lyon-based Quantum Labs said it would fund the network.", "Lyon-based Quantum Labs"),
        ("Orbion and the Non-profit Quantum Alliance met.", "Non-profit Quantum Alliance"),
        # a person joins; a headline's adverb is no part of the name
        ("Nadia Karsten Joins Orvane As Chief Technology Officer", "Nadia Karsten"),
        ("Tarnwick Quantum Zone Officially Launches New Programme", "Tarnwick Quantum Zone Officially"),
        # a given name opens a person's name
        ("Brivane Robotics and Nadia joined.", "Nadia"),
        # after a role: a person, no role, a name that runs on
        # a person after "with"
        ("She was an engineer with Nadia Karsten for years.", "Nadia Karsten"),
        # no role before "at"
        ("The team met at Orvane Hall, where they said so.", "Orvane Hall"),
        # the name runs on past the cue's window: not closed by a clause boundary
        ("Ada Lin, an engineer at Veltrix Quantum Orbits Systems Lab Group now, spoke.", "Veltrix"),
        # after a funding word: a person or a place; no funding word
        # a person or a place gives the money: no organisation
        ("It raised $3 million from Nadia Karsten and friends.", "Nadia Karsten"),
        ("The round drew $2m from Japan.", "Japan"),
        # no funding word before "by"
        ("The plan was drawn up by Orvane Tarn, the mayor.", "Orvane Tarn"),
    ],
)
def test_no_organisation(facts: Run, text: str, absent: str) -> None:
    found = _types(facts(text))
    assert found.get(absent) not in _ORGS, found


def test_a_tie_in_a_list_takes_the_type_named_first() -> None:
    """Two known organisations of different types type the names between them by the one named
    first, whatever the process's string hashing (a set's order made it vary from run to run)."""
    from qkg.loaders.rules.mention import Mention
    from qkg.loaders.rules.names import list_members
    from qkg.loaders.segment import split_sentences

    text = "Kessler University, Orvane and the Tarnwick Research Institute met."
    known = [
        Mention(0, 18, "Kessler University", E.UNIVERSITY, "Kessler University", "org"),
        Mention(
            35, 62, "Tarnwick Research Institute", E.RESEARCH_INSTITUTE, "Tarnwick Research Institute", "org"
        ),
    ]
    found = {m.name: m.type for m in list_members(text, split_sentences(text), known)}
    assert found.get("Orvane") is E.UNIVERSITY
    known = [
        Mention(
            0, 27, "Tarnwick Research Institute", E.RESEARCH_INSTITUTE, "Tarnwick Research Institute", "org"
        ),
        Mention(44, 62, "Kessler University", E.UNIVERSITY, "Kessler University", "org"),
    ]
    text = "Tarnwick Research Institute, Orvane and the Kessler University met."
    found = {m.name: m.type for m in list_members(text, split_sentences(text), known)}
    assert found.get("Orvane") is E.RESEARCH_INSTITUTE
