"""COMPETES_WITH from the wordings of stated rivalry (verbs of contest, rival nouns, mutual rivalry)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "Orbion Quantum's key rivals are Veltra Quantum, Kessler Systems and Quarkon Labs.",
            "Orbion Quantum",
            "Quarkon Labs",
        ),
        (
            "Orbion Inc. faces competitors such as Veltra Quantum and Kessler Systems.",
            "Orbion Inc",
            "Kessler Systems",
        ),
        (
            "Orbion Inc. is competing with Veltra Quantum in the sensing market.",
            "Orbion Inc",
            "Veltra Quantum",
        ),
        (
            "Orbion Inc. is in a race with Veltra Quantum to build a quantum computer.",
            "Orbion Inc",
            "Veltra Quantum",
        ),
        ("The start-up Orbion Inc. hopes to catch up with IBM and Google.", "Orbion Inc", "Google"),
        ("Orbion Inc. is challenging IBM in trapped-ion hardware.", "Orbion Inc", "IBM"),
        ("Orbion Inc., a rival of Veltra Quantum, raised money.", "Orbion Inc", "Veltra Quantum"),
        ("Orbion Inc. is one of Veltra Quantum's main competitors.", "Orbion Inc", "Veltra Quantum"),
        # racing, facing competition from, going up against, vying, rivals set against the subject
        (
            "Orbion Systems is racing against Veltra Quantum to build a machine.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        ("Orbion Systems faces stiff competition from Veltra Quantum.", "Orbion Systems", "Veltra Quantum"),
        ("Orbion Systems goes up against Veltra Quantum in sensing.", "Orbion Systems", "Veltra Quantum"),
        (
            "Orbion Systems and Veltra Quantum are vying for the same customers.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        (
            "Unlike rivals Veltra Quantum and Kessler Systems, Orbion Systems uses trapped ions.",
            "Orbion Systems",
            "Kessler Systems",
        ),
        # a rival named by its owner's possessive, as predicate or apposition
        ("Veltra Quantum's main rival is Orbion Systems.", "Veltra Quantum", "Orbion Systems"),
        ("Orbion Systems is Veltra Quantum's biggest competitor.", "Orbion Systems", "Veltra Quantum"),
        ("Orbion Systems, Veltra Quantum's closest rival, raised $10m.", "Orbion Systems", "Veltra Quantum"),
        ("Orbion Inc. goes head-to-head with IBM.", "Orbion Inc", "IBM"),
        ("Orbion Inc. is vying with Veltra Quantum for contracts.", "Orbion Inc", "Veltra Quantum"),
        (
            "Orbion Inc., which agreed to buy British rival Veltra Quantum in May, grew fast.",
            "Orbion Inc",
            "Veltra Quantum",
        ),
        ("Orbion Inc. and Veltra Quantum are fierce rivals.", "Orbion Inc", "Veltra Quantum"),
        (
            "Orbion Inc. launched its sensor alongside rivals Veltra Quantum and Kessler Systems.",
            "Orbion Inc",
            "Veltra Quantum",
        ),
        (
            "Orbion Inc. hired two engineers to take on heavyweights like IBM and Google in quantum computing.",
            "Orbion Inc",
            "IBM",
        ),
        (
            "For years Veltra Quantum held its own against companies like IBM and Google.",
            "Veltra Quantum",
            "Google",
        ),
        (
            "Orbion Quantum is locked in a head-to-head battle with Veltra Quantum.",
            "Orbion Quantum",
            "Veltra Quantum",
        ),
        ("The rivalry between the United States and China is growing.", "United States", "China"),
        (
            "China spends 15 billion dollars on quantum research, far outpacing the United States.",
            "China",
            "United States",
        ),
        ("IBM vs Google vs start-ups: who leads quantum computing?", "IBM", "Google"),
        (
            "Veltra Quantum versus Kessler Systems: two paths to quantum sensing",
            "Veltra Quantum",
            "Kessler Systems",
        ),
        (
            "Last week Orbion Inc. unveiled a sensor that could prove competitive with those of Veltra Quantum or IBM.",
            "Orbion Inc",
            "IBM",
        ),
        (
            "Kessler Systems says its processors are now on par with Veltra Quantum.",
            "Kessler Systems",
            "Veltra Quantum",
        ),
        ("Orbion Inc. built a machine competitive with the ones made by IBM.", "Orbion Inc", "IBM"),
        (
            "Germany is spending 3 billion euros on quantum technology, a push to compete with the United States and China.",
            "Germany",
            "China",
        ),
    ],
)
def test_stated_rivalry(facts: Run, text: str, a: str, b: str) -> None:
    assert facts(text).has(a, "COMPETES_WITH", b)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a contest is not a rivalry
        ("Orbion Inc. won the competition organised by Veltra Quantum.", "Orbion Inc", "Veltra Quantum"),
        # a race against time, a partner set beside the subject, a race won in a contest
        ("Like its partner Veltra Quantum, Orbion Systems uses ions.", "Orbion Systems", "Veltra Quantum"),
        (
            "Orbion Systems won the race against Veltra Quantum in the competition organised by Kessler.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        # a possessive before another role noun
        ("Orbion Systems is Veltra Quantum's biggest customer.", "Orbion Systems", "Veltra Quantum"),
        ("Orbion Systems, Veltra Quantum's partner, raised $10m.", "Orbion Systems", "Veltra Quantum"),
        (
            "Orbion Inc. entered the challenge with Veltra Quantum as a partner.",
            "Orbion Inc",
            "Veltra Quantum",
        ),
        # "take on" a partner, a debt
        ("Orbion Inc. took on Veltra Quantum as a partner.", "Orbion Inc", "Veltra Quantum"),
        ("Orbion Inc. will take on Veltra Quantum's debt.", "Orbion Inc", "Veltra Quantum"),
        # another actor between the subject and the verb is the rival's subject
        ("Orbion Inc. partnered with Veltra Quantum to take on IBM.", "Orbion Inc", "IBM"),
        # a place named as the rivals' origin is no rival of a company, and a company no rival of a country
        ("Orbion Inc. is in a global race with US and Chinese tech giants.", "Orbion Inc", "United States"),
        ("Orbion Inc. is challenging Japan in quantum sensing.", "Orbion Inc", "Japan"),
        ("China is racing to catch up with IBM.", "China", "IBM"),
        # being competitive is not a rival named
        ("Orbion Inc. offers salaries competitive with the market in Lyon.", "Orbion Inc", "Lyon"),
        # a person's former employer is no rival of the person
        (
            "Jane Roe, the former chief executive at rival Veltra Quantum, joined.",
            "Jane Roe",
            "Veltra Quantum",
        ),
    ],
)
def test_no_rivalry(facts: Run, text: str, a: str, b: str) -> None:
    assert not facts(text).has(a, "COMPETES_WITH", b)
