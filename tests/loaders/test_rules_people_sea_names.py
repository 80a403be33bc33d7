"""Names written family name first in Southeast Asian romanisations: Hokkien, Cantonese and
Vietnamese family names ("Goh", "Wong", "Nguyen") before one or two given syllables ("Goh Teck
Seng", "Nguyen Van An"), and long pinyin given names ("Loh Huanqian"); the family name alone
then names the person again.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Goh Teck Seng, director of the Varno Institute, spoke on Monday.",
            "Goh Teck Seng",
            "Varno Institute",
        ),
        (
            "Nguyen Van An, a researcher at the Kvorsa Institute, built the trap.",
            "Nguyen Van An",
            "Kvorsa Institute",
        ),
        ("Tran Thi Mai of Orbion Labs presented the chip.", "Tran Thi Mai", "Orbion Labs"),
        (
            "Quek Boon Kiat, chief scientist of Kvantra Labs, said the test worked.",
            "Quek Boon Kiat",
            "Kvantra Labs",
        ),
    ],
)
def test_family_name_first(facts: Run, text: str, person: str, org: str) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_long_pinyin_given_name(facts: Run) -> None:
    f = facts("Loh Huanqian described how neutral atoms could hold more qubits.")
    assert f.has_entity("Loh Huanqian")


def test_family_name_alone_later(facts: Run) -> None:
    f = facts("Goh Teck Seng heads the Varno Institute. Goh said the lab was ready.")
    assert f.has("Goh Teck Seng", "LEADS", "Varno Institute"), f.triples()
    assert "Goh" not in f.names.values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a family name before an organisation word or a common word is no person
        ("Wong Tech and Tay Road are in Kvorsa City.", "Wong Tech"),
        ("Ong Building Services won the contract.", "Ong Building"),
    ],
)
def test_not_a_person(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert not any(n == name and t == "Person" for n, t in ((e.name, e.type.value) for e in f.kg.entities))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # family names that are English words, before two given syllables
        ("The visit was led by Governing Board Chairman Low Teck Seng of Kvantra Labs.", "Low Teck Seng"),
        ("Le Van Thanh of Kvantra Labs and Tran Thi Hoa spoke.", "Tran Thi Hoa"),
        ("Do Thi Hoa presented the Kvantra Labs chip.", "Do Thi Hoa"),
    ],
)
def test_common_word_family_names(facts: Run, text: str, person: str) -> None:
    assert facts(text).has_entity(person)


@pytest.mark.parametrize(
    "text",
    [
        "Kvantra Labs studies Low Earth Orbit links near Le Mans.",
        "Low Tech Solutions and Do Not Disturb are its products.",
    ],
)
def test_common_word_family_names_need_two_syllables(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(e.type.value == "Person" for e in f.kg.entities), sorted(f.names.values())


def test_person_after_organisation_and(facts: Run) -> None:
    # "A of O and B spoke": the second person ends the organisation's name
    f = facts("Ana Berg of Kvantra Labs and Tom Lind spoke on Monday.")
    assert f.has("Ana Berg", "AFFILIATED_WITH", "Kvantra Labs"), f.triples()
