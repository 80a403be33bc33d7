"""A role with a capitalised portfolio before its holder's name: "Minister of Science and ICT Bae
Kyung-hun", "Secretary of State for Science, Research and Innovation Tom Lind" (the portfolio's
words end where a personal name begins); a group named by a technology: "heads the photonics
group at O".

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Minister of Science and ICT Bae Kyung-hun visited the Varno Quantum Institute.", "Bae Kyung-hun"),
        ("Minister for Trade and Industry Ana Berg opened the Varno Quantum Institute.", "Ana Berg"),
        ("Secretary of State for Science, Research and Innovation Tom Lind announced the fund.", "Tom Lind"),
        ("Minister for Digital Affairs Goh Teck Seng spoke in Varno.", "Goh Teck Seng"),
    ],
)
def test_portfolio_holder(facts: Run, text: str, person: str) -> None:
    f = facts(text)
    assert f.has_entity(person), sorted(f.names.values())
    assert not any(person in n and n != person for n in f.names.values()), sorted(f.names.values())


@pytest.mark.parametrize(
    "text",
    [
        "The Minister for Digital Economy and Innovation visited Varno on Monday.",
        "The Director of Research Infrastructure Planning spoke in Varno.",
    ],
)
def test_portfolio_without_holder(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(e.type.value == "Person" for e in f.kg.entities), sorted(f.names.values())


@pytest.mark.parametrize(
    "text",
    [
        "Eva Roe heads the photonics group at the Varno Quantum Institute.",
        "Dr.-Ing. Eva Roe leads the quantum sensing team at the Varno Quantum Institute.",
    ],
)
def test_heads_technology_group_at(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Eva Roe", "AFFILIATED_WITH", "Varno Quantum Institute"), f.triples()
