"""Office holders of one place listed together: "Australian Prime Minister A and Science Minister
B", "Finland Deputy Prime Minister and Minister for Economic Policies, Mr A and Senior Minister and
Minister for Security, Ms B" (each holds an office of the place); a professor or a company's
officer after "and" holds none.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Australian Prime Minister Tom Lind and Science Minister Eva Roe attended the event.", "Australia"),
        ("Finland's Prime Minister Tom Lind and Education Minister Eva Roe attended the event.", "Finland"),
        (
            "Finland Deputy Prime Minister and Minister for Economic Policies, Mr Tom Lind and Senior "
            "Minister and Minister for Security, Ms Eva Roe, visited the lab.",
            "Finland",
        ),
    ],
)
def test_offices_of_one_place(facts: Run, text: str, place: str) -> None:
    f = facts(text)
    for person in ("Tom Lind", "Eva Roe"):
        assert f.has(person, "AFFILIATED_WITH", place), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Finland Deputy Prime Minister and Minister for Economy, Mr Tom Lind and Professor Eva Roe visited.",
        "Kvantra Labs CEO Tom Lind and Science Minister Eva Roe attended the event.",
    ],
)
def test_second_person_holds_no_office_of_the_place(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(s == "Eva Roe" and o in {"Finland", "Kvantra Labs"} for s, _, o in f.triples()), (
        f.triples()
    )
