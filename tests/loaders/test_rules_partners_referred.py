"""Partners named around a relative, a frame, a rank or a joint agent (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "a", "partners"),
    [
        # the antecedents of "with whom" partner the relative clause's subject
        (
            "The site sits near two national laboratories—Kessler Lab and Brandt Lab—with whom "
            "Veltra Quantum has long-standing collaborations.",
            "Veltra Quantum",
            ["Kessler Lab", "Brandt Lab"],
        ),
        (
            "Kessler Lab and Brandt Lab, with whom Veltra Quantum has worked for years, will host the testbed.",
            "Veltra Quantum",
            ["Kessler Lab", "Brandt Lab"],
        ),
        # a bare "it": the one organisation named before the antecedents
        (
            "The move puts Veltra Quantum close to two labs, Kessler Lab and Brandt Lab, with whom it "
            "has close ties.",
            "Veltra Quantum",
            ["Kessler Lab", "Brandt Lab"],
        ),
        # a frame that refers to a partnership around a clause of two organisations
        (
            "Through the partnership, Orbion Systems will give Kvantra Labs access to its machines.",
            "Orbion Systems",
            ["Kvantra Labs"],
        ),
        (
            "Orbion Systems will supply cryostats to Kvantra Labs as part of the collaboration.",
            "Orbion Systems",
            ["Kvantra Labs"],
        ),
        # partners ranked or counted
        ("Orbion Systems is one of Kvantra Labs' closest partners.", "Kvantra Labs", ["Orbion Systems"]),
        (
            "Kvantra Labs builds ion traps. The company counts Orbion Systems and Brandt Instruments "
            "among its partners.",
            "Kvantra Labs",
            ["Orbion Systems", "Brandt Instruments"],
        ),
        (
            "Kvantra Labs builds ion traps. Its partners include Orbion Systems and Brandt Instruments.",
            "Kvantra Labs",
            ["Orbion Systems", "Brandt Instruments"],
        ),
        # work done jointly by a list
        (
            "The research was carried out jointly by Kvantra Labs and the University of Varno.",
            "Kvantra Labs",
            ["University of Varno"],
        ),
        (
            "Joint research by Kvantra Labs and the University of Varno produced a new qubit.",
            "Kvantra Labs",
            ["University of Varno"],
        ),
        # what coordinated subjects run, pool or make together
        (
            "The University of Varno and Kvantra Labs will establish a joint laboratory for sensing.",
            "Kvantra Labs",
            ["University of Varno"],
        ),
        (
            "Kvantra Labs and Orbion Systems have a joint research programme.",
            "Kvantra Labs",
            ["Orbion Systems"],
        ),
        (
            "Kvantra Labs and Orbion Systems said they would combine their technologies.",
            "Kvantra Labs",
            ["Orbion Systems"],
        ),
        (
            "Kvantra Labs and Orbion Systems will pool their expertise to build a network.",
            "Kvantra Labs",
            ["Orbion Systems"],
        ),
        ("Kvantra Labs and Orbion Systems built the network together.", "Kvantra Labs", ["Orbion Systems"]),
        # joining an organisation's programme as partners
        (
            "The University of Varno announced that Kvantra Labs and Orbion Systems have joined the "
            "university's Qubit Initiative as industry partners.",
            "University of Varno",
            ["Kvantra Labs", "Orbion Systems"],
        ),
        (
            "Kvantra Labs has joined Orbion Systems' quantum network as a partner.",
            "Kvantra Labs",
            ["Orbion Systems"],
        ),
        # one partner named after its possessor, "its" standing for the name before "and"
        (
            "Kvantra Labs' long-time partner Orbion Systems will build a network.",
            "Kvantra Labs",
            ["Orbion Systems"],
        ),
        (
            "Kvantra Labs and its long-time partner Orbion Systems will build a network.",
            "Kvantra Labs",
            ["Orbion Systems"],
        ),
        (
            "Kessler Ventures praised Orbion Systems and its partner Kvantra Labs.",
            "Orbion Systems",
            ["Kvantra Labs"],
        ),
        # chosen for joint work
        (
            "Kvantra Labs has selected Orbion Systems to co-develop its next processor.",
            "Kvantra Labs",
            ["Orbion Systems"],
        ),
        # verbs of closer ties
        ("Kvantra Labs deepened ties with Orbion Systems.", "Kvantra Labs", ["Orbion Systems"]),
        ("Kvantra Labs works hand in hand with Orbion Systems.", "Kvantra Labs", ["Orbion Systems"]),
    ],
)
def test_partners_referred_to(facts: Run, text: str, a: str, partners: list[str]) -> None:
    f = facts(text)
    for b in partners:
        assert f.has(a, "PARTNERS_WITH", b), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # the antecedents of "with whom" are the subject's partners, not each other's
        (
            "The site sits near two national laboratories—Kessler Lab and Brandt Lab—with whom "
            "Veltra Quantum has long-standing collaborations.",
            "Kessler Lab",
            "Brandt Lab",
        ),
        # sharing a building is no collaboration
        (
            "Kessler Lab and Brandt Lab, with whom Veltra Quantum shares a building, will host the testbed.",
            "Veltra Quantum",
            "Kessler Lab",
        ),
        # a bare "agreement" may be a sale: no frame
        (
            "Under the agreement, Orbion Systems will buy two machines from Kvantra Labs.",
            "Orbion Systems",
            "Kvantra Labs",
        ),
        # three organisations in a framed clause: who works with whom is not said
        (
            "Through the partnership, Orbion Systems will give Kvantra Labs and Brandt Instruments access "
            "to its machines.",
            "Kvantra Labs",
            "Brandt Instruments",
        ),
        # chosen to supply, a partner of another possessor
        ("Kvantra Labs has selected Orbion Systems to supply cryostats.", "Kvantra Labs", "Orbion Systems"),
        (
            "Kvantra Labs and Orbion Systems' partner Brandt Instruments signed.",
            "Kvantra Labs",
            "Brandt Instruments",
        ),
        # joined as something else than a partner
        ("Kvantra Labs has joined Orbion Systems' board as a director.", "Kvantra Labs", "Orbion Systems"),
        # a customer is no partner
        ("Orbion Systems is one of Kvantra Labs' customers.", "Orbion Systems", "Kvantra Labs"),
        # gathering others, being listed, raising money or each doing it is no work together
        (
            "Kvantra Labs and Orbion Systems brought together 50 researchers.",
            "Kvantra Labs",
            "Orbion Systems",
        ),
        (
            "Kvantra Labs and Orbion Systems are listed together in the index.",
            "Kvantra Labs",
            "Orbion Systems",
        ),
        (
            "Kvantra Labs and Orbion Systems have raised together more than $100m.",
            "Kvantra Labs",
            "Orbion Systems",
        ),
        (
            "Kvantra Labs and Orbion Systems each built a network and later linked them together.",
            "Kvantra Labs",
            "Orbion Systems",
        ),
        ("Kvantra Labs and Orbion Systems share their office building.", "Kvantra Labs", "Orbion Systems"),
    ],
)
def test_partners_referred_to_near_misses(facts: Run, text: str, a: str, b: str) -> None:
    assert not facts(text).has(a, "PARTNERS_WITH", b)
