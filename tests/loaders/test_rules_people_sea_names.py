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
