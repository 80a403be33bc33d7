"""Founders: people listed after "founded by" (no title needed) are affiliated with what they founded."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "founders", "org"),
    [
        (
            "Founded in 2019 by Ada Lin, Tom Berg and Eva Holm, Orbion Quantum builds sensors.",
            ["Ada Lin", "Tom Berg", "Eva Holm"],
            "Orbion Quantum",
        ),
        (
            "Founded in 2019 by Dr. Ada Lin, Dr. Tom Berg and Dr. Eva Holm, Orbion Quantum builds sensors.",
            ["Ada Lin", "Tom Berg", "Eva Holm"],
            "Orbion Quantum",
        ),
        (
            "Orbion Quantum was founded in 2020 by Prof. Ada Lin and Tom Berg.",
            ["Ada Lin", "Tom Berg"],
            "Orbion Quantum",
        ),
        ("Ada Lin and Tom Berg founded Orbion Quantum in 2020.", ["Ada Lin", "Tom Berg"], "Orbion Quantum"),
        ("In 2020, Ada Lin co-founded Orbion Quantum.", ["Ada Lin"], "Orbion Quantum"),
    ],
)
def test_every_founder_listed_is_affiliated_with_what_they_founded(
    facts: Run, text: str, founders: list[str], org: str
) -> None:
    f = facts(text)
    for person in founders:
        assert f.has(person, "AFFILIATED_WITH", org), f.triples()


def test_organisations_that_founded_something_are_no_people(facts: Run) -> None:
    f = facts("The consortium was founded by Orbion Quantum and Veltra Labs.")
    types = {e.name: e.type.value for e in f.kg.entities}
    assert types.get("Orbion Quantum") == "Company", types
    assert "Person" not in types.values(), types


def test_a_founders_list_ends_at_its_last_name(facts: Run) -> None:
    f = facts("Founded in 2019 by Ada Lin and Tom Berg, Orbion Quantum builds sensors.")
    assert {e.name: e.type.value for e in f.kg.entities}.get("Orbion Quantum") == "Company"


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum – whose motto is “a useful quantum computer” – was founded in 2016 by Ada Lin, Tom Berg and Eva Holm.",
        "Orbion Quantum, whose first lab is in Lyon, was founded by Ada Lin, Tom Berg and Eva Holm.",
    ],
)
def test_founders_after_an_aside(facts: Run, text: str) -> None:
    f = facts(text)
    for person in ("Ada Lin", "Tom Berg", "Eva Holm"):
        assert f.has(person, "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
