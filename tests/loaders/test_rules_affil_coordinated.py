"""More than one organisation in one person's apposition: "A, Professor of Physics at KLENS & the
University of Varno and former president of the Kvorsa Research Council" (each), a second role
that chairs its body ("and chair of O", "and Co-Chair, O": LEADS), and prime ministers'
abbreviated titles ("PM Ardent", "DPM Heng").

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


def test_coordinated_organisations_and_second_role(facts: Run) -> None:
    f = facts(
        "Massimo Varni, Professor of Physics at KLENS & the University of Varno and former president "
        "of the Kvorsa Research Council (Estland), spoke."
    )
    for org in ("KLENS", "University of Varno", "Kvorsa Research Council"):
        assert f.has("Massimo Varni", "AFFILIATED_WITH", org), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Tom Lind, who is also Professor at Orbion Labs and chair of the Varno Quantum Steering Committee, spoke.",
        "Tom Lind, who is also Professor at Orbion Labs and Co-Chair, Varno Quantum Steering Committee, spoke.",
    ],
)
def test_second_role_chairs(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Tom Lind", "LEADS", "Varno Quantum Steering Committee"), f.triples()
    assert f.has("Tom Lind", "AFFILIATED_WITH", "Orbion Labs"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # the coordinated name begins a new clause with its own verb
        "Ana Berg, professor at the University of Varno and Orbion Labs announced a deal.",
        # the second organisation follows the apposition, after its closing comma
        "Ana Berg, CEO of Kvantra Labs, and Orbion Labs signed a deal.",
    ],
)
def test_no_coordinated_affiliation(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Ana Berg", "AFFILIATED_WITH", "Orbion Labs"), f.triples()


def test_prime_minister_abbreviations(facts: Run) -> None:
    f = facts("PM Ardent visited the Varno Institute at 3 PM Friday.")
    assert f.has_entity("Ardent")
    assert not f.has_entity("Friday")
