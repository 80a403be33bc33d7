"""Appointments and successions told in more words: "O announced A as its new chair", "A replaces
B at the helm of O" (both lead O), "O is run by A" (a person runs any organisation; an organisation
"runs" only a programme).

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "triples"),
    [
        ("Orbion Labs announced Tom Lind as its new chair.", [("Tom Lind", "LEADS", "Orbion Labs")]),
        (
            "Orbion Labs introduced Eva Roe as chief technology officer on Monday.",
            [("Eva Roe", "AFFILIATED_WITH", "Orbion Labs")],
        ),
        (
            "Tom Lind replaces Eva Roe at the helm of Orbion Labs.",
            [("Tom Lind", "LEADS", "Orbion Labs"), ("Eva Roe", "LEADS", "Orbion Labs")],
        ),
        ("Kvantra Labs is run by Eva Roe.", [("Eva Roe", "LEADS", "Kvantra Labs")]),
    ],
)
def test_appointments(facts: Run, text: str, triples: list[tuple[str, str, str]]) -> None:
    f = facts(text)
    for t in triples:
        assert f.has(*t), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # an organisation announced as a customer is no appointment
        "Orbion Labs announced a deal with Kvantra Labs as its first customer.",
        # a company run by another company: no leadership read from "run"
        "Kvantra Labs is run by Orbion Labs.",
    ],
)
def test_no_appointment(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t in {"LEADS", "AFFILIATED_WITH"} for _, t, _ in f.triples()), f.triples()
