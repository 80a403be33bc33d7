"""Partnership shapes read outside the agreement finder (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "Together with Orbion Systems, Veltra Quantum will build a testbed.",
            "Orbion Systems",
            "Veltra Quantum",
        ),
        (
            "In May, together with the University of Kestrel, Veltra Quantum opened a lab.",
            "University of Kestrel",
            "Veltra Quantum",
        ),
        (
            "Veltra Quantum is joining hands with Orbion Systems to build a testbed.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        (
            "Veltra Quantum has selected Orbion Systems as its technology partner.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        ("Veltra Quantum named Orbion Systems a strategic partner.", "Veltra Quantum", "Orbion Systems"),
        ("Orbion Systems is a long-standing partner of Veltra Quantum.", "Orbion Systems", "Veltra Quantum"),
        (
            "Veltra Quantum co-developed the control chip with Orbion Systems.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        (
            "Veltra Quantum jointly developed a new qubit with the University of Kestrel.",
            "Veltra Quantum",
            "University of Kestrel",
        ),
        # the subject across a relative clause closed by a comma
        (
            "Orbion Labs, whose customers include Kessler Bank and Veltra Systems, signed a partnership with "
            "Norland Telecom.",
            "Orbion Labs",
            "Norland Telecom",
        ),
        (
            "Orbion Labs partnered with Veltra Systems, Ada Lin of Kessler Bank said.",
            "Orbion Labs",
            "Veltra Systems",
        ),
    ],
)
def test_partnership_shapes(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert f.has(a, "PARTNERS_WITH", b), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # a partner of a consortium or a programme is a member, not a partner of it
        (
            "Orbion Systems is a founding partner of the Kestrel Quantum Alliance.",
            "Orbion Systems",
            "Kestrel Quantum Alliance",
        ),
        # a choice of supplier without "partner" is a contract, not a partnership
        (
            "Veltra Quantum has selected Orbion Systems as its supplier of cryostats.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        # building with a tool, not with a partner
        (
            "Veltra Quantum co-developed the chip with funding it raised in 2023.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
        # the speaker of a reporting clause, and the organisation named with them, sign nothing
        (
            "Orbion Labs partnered with Veltra Systems, Ada Lin of Kessler Bank said.",
            "Kessler Bank",
            "Orbion Labs",
        ),
        (
            "Orbion Labs partnered with Veltra Systems, Ada Lin of Kessler Bank said.",
            "Kessler Bank",
            "Veltra Systems",
        ),
        # an academic acts for themselves: the university named with their post is no partner
        (
            "KTU physics professor Ada Lin's dream of a quantum internet is closer thanks to a strategic "
            "collaboration with Veltra Systems.",
            "KTU",
            "Veltra Systems",
        ),
        # customers listed in a relative clause are no subject of the verb after it
        (
            "Orbion Labs, whose customers include Kessler Bank and Veltra Systems, signed a partnership with "
            "Norland Telecom.",
            "Veltra Systems",
            "Norland Telecom",
        ),
        (
            "Orbion Labs, whose customers include Kessler Bank and Veltra Systems, signed a partnership with "
            "Norland Telecom.",
            "Kessler Bank",
            "Veltra Systems",
        ),
    ],
)
def test_partnership_near_misses(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert not f.has(a, "PARTNERS_WITH", b), f.triples()


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        (
            "The University of Kestrel (UK) and the global photonics firm Orbion Systems have established "
            "a strategic partnership to train engineers.",
            "University of Kestrel",
            "Orbion Systems",
        ),
        (
            "LYON, May 3, 2025 - The University of Kestrel and the photonics firm Orbion Systems have signed a memorandum.",
            "University of Kestrel",
            "Orbion Systems",
        ),
        (
            "A joint venture between Lyon quantum computing company Veltra Quantum and privately held "
            "investment firm Alder Capital will run the centre.",
            "Veltra Quantum",
            "Alder Capital",
        ),
        (
            "French startup Veltra Quantum and German chipmaker Orbion Systems signed a memorandum of understanding.",
            "Veltra Quantum",
            "Orbion Systems",
        ),
    ],
)
def test_parties_introduced_by_a_description(facts: Run, text: str, a: str, b: str) -> None:
    f = facts(text)
    assert f.has(a, "PARTNERS_WITH", b), f.triples()


def test_a_place_inside_a_description_is_no_party(facts: Run) -> None:
    f = facts(
        "A joint venture between Lyon quantum computing company Veltra Quantum and privately held "
        "investment firm Alder Capital will run the centre."
    )
    assert not any(t == "PARTNERS_WITH" and "Lyon" in (s, o) for s, t, o in f.triples()), f.triples()
