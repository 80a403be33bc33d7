"""Organisation name boundaries: a known name's unit, "and" before an acronym, plural possessives
(made-up names; "Thales", "Raytheon", "Fraunhofer" and "IBM" are the gazetteer's own)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


def _types(f: Facts) -> dict[str, str]:
    return {e.name: e.type.value for e in f.kg.entities}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Thales Alenia Space signed an agreement with Kvantra Labs.", "Thales Alenia Space", "Company"),
        ("Raytheon Velmar Systems will supply the cryostats.", "Raytheon Velmar Systems", "Company"),
        ("Raytheon QTX signed an agreement with Orbion.", "Raytheon QTX", "Company"),
        ("Engineers of Fraunhofer QMV built the amplifier.", "Fraunhofer QMV", "ResearchInstitute"),
    ],
)
def test_known_name_and_its_unit(facts: Run, text: str, name: str, kind: str) -> None:
    assert _types(facts(text)).get(name) == kind


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        # a product after a known company's name: the company stays
        ("IBM Quantum System One was installed at the University of Varno.", "IBM", "IBM Quantum System One"),
        # a place after it: the place, not a unit
        ("The deal between Thales and Orbion was signed at Thales Paris offices.", "Thales", "Thales Paris"),
    ],
)
def test_known_name_before_no_unit(facts: Run, text: str, name: str, wrong: str) -> None:
    names = _types(facts(text))
    assert name in names
    assert wrong not in names


def test_acronym_after_and_is_a_second_name(facts: Run) -> None:
    names = _types(facts("The project brings together the University of Varno and KTB to build sensors."))
    assert names.get("University of Varno") == "University"
    assert "KTB" in names
    assert "University of Varno and KTB" not in names


def test_words_after_and_stay_in_one_name(facts: Run) -> None:
    names = _types(facts("The Institute of Optics and Photonics of Varno signed the agreement."))
    assert "Institute of Optics and Photonics of Varno" in names


def test_plural_possessive_inside_a_name(facts: Run) -> None:
    f = facts("The Varno Quantum Industry Leaders' Alliance and Orbion signed a memorandum of understanding.")
    names = _types(f)
    assert names.get("Varno Quantum Industry Leaders' Alliance") == "Cluster"
    assert "Orbion" in names


def test_plural_possessive_of_a_company_is_two_phrases(facts: Run) -> None:
    names = _types(facts("Kvantra Labs' Quantum Platform was shown to Orbion on Monday."))
    assert "Kvantra Labs" in names
    assert not any("'" in n for n in names)


def test_plural_possessive_of_a_company_in_a_party_list(facts: Run) -> None:
    names = _types(facts("Kvantra Labs' Quantum Platform and Orbion signed a memorandum of understanding."))
    assert "Orbion" in names
    assert not any("'" in n for n in names)


def test_possessive_of_a_name_ending_in_s_is_two_names(facts: Run) -> None:
    names = _types(facts("Researchers at Varno Tech Kessels’ Centre for Quantum Optics built the chip."))
    assert not any("’" in n for n in names)


def test_list_item_after_a_possessive_name(facts: Run) -> None:
    text = (
        "Orbion signed agreements with the Varno Institute of Optics (VIO), Varno Quantum Industry "
        "Leaders’ Alliance (VQILA), and Kestrel."
    )
    names = _types(facts(text))
    assert names.get("Varno Quantum Industry Leaders’ Alliance") == "Cluster"
    assert "Kestrel" in names


def test_plural_memorandums_are_one_with_each_party(facts: Run) -> None:
    f = facts(
        "In June, Quantum Machines signed Memorandums of Understanding with the Varno Institute of "
        "Optics (VIO), Varno Quantum Industry Leaders’ Alliance (VQILA), and Kestrel."
    )
    assert f.has("Quantum Machines", "PARTNERS_WITH", "Kestrel")
    assert f.has("Quantum Machines", "PARTNERS_WITH", "Varno Institute of Optics")
    assert not f.has("Kestrel", "PARTNERS_WITH", "Varno Institute of Optics")
    assert len(f.agreements()) == 3


def test_possessive_before_a_role_keeps_the_name(facts: Run) -> None:
    names = _types(facts("Veltria Systems' Vice President of Sales, Lena Marsh, spoke on Monday."))
    assert "Veltria Systems" in names
    assert not any("'" in n for n in names)
