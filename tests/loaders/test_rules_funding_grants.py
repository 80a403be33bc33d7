"""Grant recipients named after the funder's announcement (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]

RECIPIENTS = ("Kvantra Labs", "Orbion Systems", "Veltra Quantum")


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritania Innovation Agency announced €10 million for quantum start-ups on Monday. "
        "The funding will go to Kvantra Labs, Orbion Systems and Veltra Quantum.",
        "The Ruritania Innovation Agency announced €10 million in grants on Monday. "
        "Recipients include Kvantra Labs, Orbion Systems and Veltra Quantum.",
        "The Ruritania Innovation Agency has awarded new grants worth €10 million. "
        "Among the recipients are Kvantra Labs, Orbion Systems and Veltra Quantum.",
    ],
)
def test_recipients_named_after_the_grants(facts: Run, text: str) -> None:
    f = facts(text)
    for r in RECIPIENTS:
        assert f.has("Ruritania Innovation Agency", "INVESTS_IN", r), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # no public funder opened the grants
        "Kvantra Labs reported €10 million in revenue on Monday. Recipients include Orbion Systems and Veltra Quantum.",
        # recipients of something else, far from the money
        "The Ruritania Innovation Agency announced €10 million in grants on Monday. The agency has 40 staff. "
        "It was founded in 2001. Its offices are in Telmar. The prize recipients include Orbion Systems and Veltra Quantum.",
    ],
)
def test_no_grant_recipients(facts: Run, text: str) -> None:
    f = facts(text)
    assert not any(t == "INVESTS_IN" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritania Science Agency launched the Qubit Challenge in May. "
        "The £30m programme has been funded through the Ruritania Missions Fund and the Varno Quantum Centre.",
        "The Ruritania Science Agency launched the Qubit Challenge in May. "
        "The $1.2 billion programme is funded by the Ruritania Missions Fund and the Varno Quantum Centre.",
    ],
)
def test_a_programme_described_with_its_amount_is_funded(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ruritania Missions Fund", "INVESTS_IN", "Qubit Challenge"), f.triples()
    assert f.has("Varno Quantum Centre", "INVESTS_IN", "Qubit Challenge"), f.triples()
    # paid through a fund is no part of it
    assert not f.has("Qubit Challenge", "PART_OF", "Ruritania Missions Fund")


def test_a_start_up_funded_under_a_programme_is_still_part_of_it(facts: Run) -> None:
    f = facts("Kvantra Labs was funded under the Quantum Flagship programme.")
    assert f.has("Kvantra Labs", "PART_OF", "Quantum Flagship"), f.triples()
