"""Group names told by the noun that governs them (made-up names and sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders import extract
from qkg.schemas import Document

from .conftest import Facts

Types = Callable[[str], dict[str, str]]
Run = Callable[[str], Facts]


@pytest.fixture
def types() -> Types:
    def run(text: str) -> dict[str, str]:
        return {e.name: e.type.value for e in extract(Document.from_text(text)).entities}

    return run


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("The government approved a programme called Q-Leap Tarnow last year.", "Q-Leap Tarnow", "Program"),
        ("A new hub, dubbed Qubit Harbour, opened in the port district.", "Qubit Harbour", "Cluster"),
        ("The city joined the 'Photon Bridge' initiative in May.", "Photon Bridge", "Program"),
        ("Orbion Technologies backs the “Lumen Qubit” consortium.", "Lumen Qubit", "Cluster"),
        (
            'The ministry promotes initiatives such as "Quantum Ready Vetra" and "Qubits for Schools".',
            "Qubits for Schools",
            "Program",
        ),
        (
            'The ministry promotes initiatives such as "Quantum Ready Vetra" and "Qubits for Schools".',
            "Quantum Ready Vetra",
            "Program",
        ),
        # a name set right beside its group noun
        ("Orbion Technologies received money from the national programme Q-Vetra.", "Q-Vetra", "Program"),
        ("Orbion Technologies is a member of the QuVetra consortium.", "QuVetra", "Cluster"),
        ("Orbion Technologies joined QVETRA, an EU project on quantum sensing.", "QVETRA", "Program"),
        # the name's own head word wins over the governing noun
        (
            "They launched a project known as the Nordvik Photonics Alliance.",
            "Nordvik Photonics Alliance",
            "Cluster",
        ),
    ],
)
def test_group_named_by_its_noun(types: Types, text: str, name: str, etype: str) -> None:
    found = types(text)
    assert found.get(name) == etype, found


@pytest.mark.parametrize(
    "text",
    [
        # a quoted remark is no name, nor a lower-case phrase after a naming verb
        'The minister said the hub would "create a culture of innovation" in the region.',
        "The programme, called a milestone by critics, starts in May.",
    ],
)
def test_no_group_without_a_name(types: Types, text: str) -> None:
    found = types(text)
    assert not [n for n, t in found.items() if t in {"Program", "Cluster"} and n[:1].islower()], found
    assert "a milestone" not in found, found
    assert "create a culture of innovation" not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name with a company's last word is the company's
        ("The city set up an investment fund called Harper Lane Ventures.", "Harper Lane Ventures"),
        ("Orbion Technologies, a quantum computing platform, raised money.", "Orbion Technologies"),
    ],
)
def test_named_firm_stays_a_firm(types: Types, text: str, name: str) -> None:
    assert types(text).get(name) == "Company", types(text)


def test_an_amount_after_the_noun_is_no_name(types: Types) -> None:
    found = types("The ministry granted the project EUR 20.7 million last year.")
    assert not [n for n, t in found.items() if t in {"Program", "Cluster"}], found


def test_a_group_named_once_is_that_group_again(types: Types) -> None:
    found = types("Orbion Technologies is a member of the QuVetra consortium. QuVetra met in Riga in May.")
    assert found.get("QuVetra") == "Cluster", found


def test_member_of_a_group_named_after_its_noun(facts: Run) -> None:
    f = facts("Orbion Technologies is a partner in the EU project QVETRA.")
    assert f.has("Orbion Technologies", "PART_OF", "QVETRA"), f.triples()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ministry established four Thematic Hubs to anchor the Vetra Quantum Mission.", "Thematic Hubs"),
        ("The work spans 17 Project Teams in nine cities.", "Project Teams"),
    ],
)
def test_counted_plural_is_a_class_not_a_group(types: Types, text: str, name: str) -> None:
    assert name not in types(text), types(text)


def test_one_of_a_counted_designation_stays(types: Types) -> None:
    found = types("The state was named one of 12 Regional Photonics Hubs by the agency.")
    assert found.get("Regional Photonics Hubs") in {"Program", "Cluster"}, found
