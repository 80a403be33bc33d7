"""An unknown acronym whose role a person holds is the organisation they work for: "Ana Berg,
KVRA research director at the Varno Centre" (both), "KVRA director Ana Berg said"; business
functions before a role ("HR manager", "QA engineer") are no organisation.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("KVRA director Ana Berg said the chip is ready.", [("Ana Berg", "KVRA")]),
        (
            "Ana Berg, KVRA research director at the Varno Centre, said the chip is ready.",
            [("Ana Berg", "KVRA"), ("Ana Berg", "Varno Centre")],
        ),
        (
            "The board includes Ana Sanvik, KVRA Professor of quantum optics at the University of Varno.",
            [("Ana Sanvik", "KVRA"), ("Ana Sanvik", "University of Varno")],
        ),
    ],
)
def test_acronym_role(facts: Run, text: str, pairs: list[tuple[str, str]]) -> None:
    f = facts(text)
    for person, org in pairs:
        assert f.has(person, "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("HR manager Tom Lind and QA engineer Jan Kos met the press.", "HR"),
        ("HR manager Tom Lind and QA engineer Jan Kos met the press.", "QA"),
        # an acronym with no person holding its role
        ("The KVRA director post is vacant.", "KVRA"),
    ],
)
def test_no_acronym_organisation(facts: Run, text: str, acronym: str) -> None:
    assert not facts(text).has_entity(acronym)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Lind, Kvorsa's head of quantum, said it works.",
        "Tom Lind, Kvorsa's chief scientist, said the test worked.",
    ],
)
def test_owner_of_an_apposed_role(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Tom Lind", "AFFILIATED_WITH", "Kvorsa"), f.triples()


def test_owner_of_an_apposed_role_needs_a_person(facts: Run) -> None:
    # no person before the comma: the possessive names no organisation
    f = facts("In the report, Kvorsa's head of quantum said it works.")
    assert not f.has_entity("Kvorsa")
