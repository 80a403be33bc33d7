"""Who presides over a body's meeting leads the body: "the first meeting of the X Board was held
under the chairmanship of A", "a session of the X Council, chaired by B"; a name ending in
"Board" is a body ("the Orvia Governing Board"), "the Board of Directors" is none.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "The inaugural meeting of the Orvia Governing Board (OGB) for the Varno Quantum Mission (VQM) "
            "was held under the leadership of Dr. Ana Berg, focusing on timelines.",
            "Ana Berg",
            "Orvia Governing Board",
        ),
        (
            "The first meeting of the Orvia Advisory Council was held on Tuesday in Varno under the "
            "chairmanship of Minister Tom Lind.",
            "Tom Lind",
            "Orvia Advisory Council",
        ),
        (
            "The second session of the Kvorsa Science Council was presided over by Professor Eva Roe.",
            "Eva Roe",
            "Kvorsa Science Council",
        ),
    ],
)
def test_meeting_chair_leads_body(facts: Run, text: str, person: str, body: str) -> None:
    f = facts(text)
    assert f.has(person, "LEADS", body), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # attending a meeting is no leading it
        "The first meeting of the Orvia Advisory Council was attended by Professor Tom Lind.",
        # the meeting is held under a law, not a person
        "The meeting of the Orvia Advisory Council was held under the terms of the Varno Act.",
    ],
)
def test_meeting_without_a_chair(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "LEADS" for _, t, _ in f.triples()), f.triples()


def test_board_as_last_word_is_a_body(facts: Run) -> None:
    f = facts("The Orvia Governing Board met on Tuesday to approve the Varno Quantum Mission.")
    assert f.has_entity("Orvia Governing Board")


def test_board_of_directors_is_no_body(facts: Run) -> None:
    f = facts("The Board of Directors of Kvorsa Labs approved the plan on Monday.")
    assert not f.has_entity("Board of Directors")


def test_kind_of_board_is_no_name(facts: Run) -> None:
    f = facts("The visit was led from the Varno Institute by Governing Board Chairman Tom Lind.")
    assert not f.has_entity("Governing Board")


def test_german_university_name_with_zu(facts: Run) -> None:
    f = facts("Ana Berg, professor of physics at Kessel-Universität zu Varnburg, built the trap.")
    assert f.has("Ana Berg", "AFFILIATED_WITH", "Kessel-Universität zu Varnburg"), f.triples()
