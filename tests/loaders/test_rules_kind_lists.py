"""Unknown names the sentence types by a kind noun: a plural kind before a list ("the technology
centers Telmar and Kestra"), a described name ("a new quantum initiative, Kvantor") and a
singular kind ("the Japanese multinational Sanko"). Made-up names throughout."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.schemas import EntityType

from .conftest import Facts

Run = Callable[[str], Facts]
E = EntityType


def _type(f: Facts, name: str) -> EntityType:
    return next(e.type for e in f.kg.entities if e.name == name)


@pytest.mark.parametrize(
    ("text", "names", "etype"),
    [
        (
            "The study was run together with deeptech VCs Bluefjord and Starhaven.",
            ["Bluefjord", "Starhaven"],
            E.COMPANY,
        ),
        (
            "The consortium also includes the technology centers TELMAR and KESTRA.",
            ["TELMAR", "KESTRA"],
            E.RESEARCH_INSTITUTE,
        ),
        (
            "The ministry signed agreements with Estonian firms Qubix, Lumora and Vexel last week.",
            ["Qubix", "Lumora", "Vexel"],
            E.COMPANY,
        ),
        ("Grants went to the universities Kestrel and Marrow.", ["Kestrel", "Marrow"], E.UNIVERSITY),
        ("The agencies Norvia and Estmark will review the bids.", ["Norvia", "Estmark"], E.GOVERNMENT_BODY),
        # the last name of the list is taken whole, not cut before its second word
        ("The companies Quarlia, Brovane and Tessmark Optics joined.", ["Tessmark Optics"], E.COMPANY),
        # a counted kind sets its list off with a comma, a colon or a dash
        (
            "Orbix said three companies, Velnor Systems, Quarlia and Tessmark Optics, have joined.",
            ["Velnor Systems", "Quarlia", "Tessmark Optics"],
            E.COMPANY,
        ),
        (
            "Two startups–Quarlia and Tessmark Optics–and one society have joined the hub.",
            ["Quarlia", "Tessmark Optics"],
            E.COMPANY,
        ),
        (
            "It named four universities, Korvath, Nessing and Lattenburg, as partners.",
            ["Korvath", "Nessing"],
            E.UNIVERSITY,
        ),
    ],
)
def test_a_plural_kind_types_the_list_after_it(
    facts: Run, text: str, names: list[str], etype: EntityType
) -> None:
    f = facts(text)
    for name in names:
        assert f.has_entity(name), sorted(f.names.values())
        assert _type(f, name) is etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Two funds are investing €60 million in a new quantum initiative, Kvantor.", "Kvantor", E.PROGRAM),
        ("Kessler Ventures invested $5 million in a start-up called Qorient.", "Qorient", E.COMPANY),
        (
            "The region set up a research centre, dubbed Lumenhaus, in 2021.",
            "Lumenhaus",
            E.RESEARCH_INSTITUTE,
        ),
        ("The two labs formed an alliance known as Qorridor to share equipment.", "Qorridor", E.CLUSTER),
        ("The consortium includes the Japanese multinational Sanko.", "Sanko", E.COMPANY),
        # an apposition whose head is a kind noun types the name before it
        (
            "NORVIK, the export and investment fund of Estland, and two banks backed the plan.",
            "NORVIK",
            E.COMPANY,
        ),
        ("Kestra, a Helsinki research institute, will host the machine.", "Kestra", E.RESEARCH_INSTITUTE),
        ("Qorvane, the national research agency of Ruritania, will fund it.", "Qorvane", E.GOVERNMENT_BODY),
    ],
)
def test_a_described_name_takes_the_description_s_kind(
    facts: Run, text: str, name: str, etype: EntityType
) -> None:
    f = facts(text)
    assert f.has_entity(name), sorted(f.names.values())
    assert _type(f, name) is etype


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        # a plural before one name is no list: the name is typed by what else the sentence says
        ("The startups Orvane said they need more funding.", ["Orvane Said"]),
        # a described thing followed by a lower-case clause names nothing
        ("They launched a new initiative, which aims at training.", ["Which"]),
        # an apposition whose kind noun sits after a preposition describes a person's post
        ("Ada Lin, a professor at the university of Lyon, said the work matters.", ["Ada Lin"]),
        # months and weekdays after a kind are no names
        ("The firms Monday and Tuesday met.", ["Monday", "Tuesday"]),
    ],
)
def test_kind_nouns_name_no_common_words(facts: Run, text: str, not_names: list[str]) -> None:
    f = facts(text)
    for name in not_names:
        assert not f.has_entity(name) or _type(f, name) is E.PERSON, sorted(f.names.values())


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Ada Lin, general partner at Orvane Capital, told QuantaByte: we have seen great research.",
            "QuantaByte",
        ),
        ("The startup raised $29 million, the Israeli technology news outlet TechOra reported.", "TechOra"),
        ("Orvane Capital closed its fund, QuantaByte reported on Monday.", "QuantaByte"),
    ],
)
def test_a_publication_is_no_actor(facts: Run, text: str, outlet: str) -> None:
    f = facts(text)
    assert not f.has_entity(outlet), sorted(f.names.values())


def test_a_company_told_something_stays_a_company(facts: Run) -> None:
    """ "told Qubix Systems staff" tells the company's people: the name is still an actor."""
    f = facts('"It matters," Tom Berg told Qubix Systems staff. Qubix Systems hired 40 people.')
    assert f.has_entity("Qubix Systems")
