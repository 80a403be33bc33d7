"""Groups and their members: a consortium whose members are found is one Consortium agreement
among them, whatever shape named the members (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


def _consortia(f: Facts) -> list[frozenset[str]]:
    return [parties for kind, parties in f.agreements() if kind == "Consortium"]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            # the cue folded into an apposition of the fronted name still opens the list
            "Kessler Institute is taking part in NORQ. In addition to Kessler Institute, the consortium includes "
            "Vantor Labs (Nordic Photonics Centre), the Danish chipmaker Orbion Systems, the Agency for "
            "Innovation (AFI), the startup Qubeon, and the research centres ALVEN and MIRTA.",
            {
                "Kessler Institute",
                "Vantor Labs",
                "Orbion Systems",
                "Agency for Innovation",
                "Qubeon",
                "ALVEN",
                "MIRTA",
            },
        ),
        (
            # membership told by shape; the group's name says it is a consortium
            "The other universities involved in the Nordic Quantum Alliance are the University of Tromso, "
            "Aalto University and the University of Bergen.",
            {"University of Tromso", "Aalto University", "University of Bergen"},
        ),
        (
            "The Quantum Industry Consortium of Estland has formally set up its board with the signing of "
            "participation agreements by Orbion Systems, Vantor Labs and Kestrel Photonics.",
            {"Orbion Systems", "Vantor Labs", "Kestrel Photonics"},
        ),
        (
            # an unnamed consortium, its leader and the members of the one group the article names
            "A Kessler University-led consortium has been awarded R40-million by the Ministry of Research to "
            "set up the Baltic Quantum Technologies Initiative (BA QuTI). The other universities involved in "
            "BA QuTI are the University of Tromso, Aalto University and the University of Bergen. Kessler "
            "University will manage BA QuTI.",
            {"Kessler University", "University of Tromso", "Aalto University", "University of Bergen"},
        ),
        (
            "Besides Orbion Systems, the alliance comprises Vantor Labs, Kestrel Photonics and Qubeon.",
            {"Orbion Systems", "Vantor Labs", "Kestrel Photonics", "Qubeon"},
        ),
    ],
)
def test_a_consortium_is_one_agreement_of_its_members(facts: Run, text: str, members: set[str]) -> None:
    f = facts(text)
    assert any(parties >= members and len(parties) <= len(members) + 1 for parties in _consortia(f)), (
        f.agreements()
    )


@pytest.mark.parametrize(
    "text",
    [
        # a programme's participants are members, not a consortium
        "The other companies involved in the Quantum Valley Programme are Orbion Systems, Vantor Labs and "
        "Kestrel Photonics.",
        # a hub taking in tenants is no consortium either
        "The House of Qubits hub welcomed Orbion Systems and Kestrel Photonics as new members.",
        # one member is no agreement
        "Orbion Systems is a member of the Nordic Quantum Alliance.",
    ],
)
def test_members_of_what_is_no_consortium_sign_nothing(facts: Run, text: str) -> None:
    f = facts(text)
    assert not _consortia(f), f.agreements()


def test_a_two_word_acronym_is_one_name(facts: Run) -> None:
    f = facts(
        "The project is designated the Baltic Quantum Technologies Initiative (BA QuTI). Orbion Systems "
        "and Vantor Labs are members of BA QuTI."
    )
    assert not f.has_entity("QuTI"), sorted(f.names.values())
    assert f.has("Orbion Systems", "PART_OF", "Baltic Quantum Technologies Initiative"), f.triples()
