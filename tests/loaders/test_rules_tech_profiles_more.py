"""Technologies named in centre launches and company profiles: sensing and photon-counting
phrases, suppliers in apposition, reported focus lists, a second aim after "dedicated to",
fields named after a focus (after a colon, a relative, or in the next sentence); and makers of
a centre named in its apposition or as its possessor ("newly established")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts
from .test_rules_technologies import _phrases

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Orbion makes single-photon detectors.", "single-photon detectors", "single-photon detectors"),
        (
            "Orbion builds superconducting nanowire single-photon detectors.",
            "superconducting nanowire single-photon detectors",
            "superconducting nanowire single-photon detectors",
        ),
        ("The lab tests single-photon sources.", "single-photon sources", "single-photon sources"),
        ("It sells an atomic magnetometer.", "atomic magnetometer", "atomic magnetometers"),
        (
            "It studies optically pumped magnetometry.",
            "optically pumped magnetometry",
            "optically pumped magnetometry",
        ),
        ("It builds NV-diamond magnetometers.", "NV-diamond magnetometers", "NV-diamond magnetometers"),
        ("It runs optical lattice clocks.", "optical lattice clocks", "optical lattice clocks"),
        ("It designs cryo-CMOS chips.", "cryo-CMOS chips", "cryo-CMOS chips"),
        ("It demonstrated logical qubits.", "logical qubits", "logical qubits"),
        ("It builds quantum LiDAR.", "quantum LiDAR", "quantum lidar"),
        ("It builds Rydberg sensors.", "Rydberg sensors", "Rydberg sensing"),
        ("It traps Rydberg atoms in tweezers.", "Rydberg atoms", "Rydberg atoms"),
        (
            "It unveiled a quantum-centric supercomputing architecture.",
            "quantum-centric supercomputing",
            "quantum-centric supercomputing",
        ),
    ],
)
def test_sensing_and_photon_counting_phrases(text: str, surface: str, name: str) -> None:
    assert (surface, name) in _phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "The photon source was bright.",  # no modality: "photon" alone
        "It named a single source of funding.",
        "Its detectors were built in Lyon.",
        "The supercomputer at Varno is fast.",  # no quantum word
        "It uses CMOS chips in its cameras.",
        "An atomic energy agency opened an office.",
        "Atoms of gold were used.",  # atoms with no way of building named
        "The Rydberg family said so.",  # a family name, not a head
    ],
)
def test_no_sensing_phrase_without_its_modality(text: str) -> None:
    assert _phrases(text) == []
