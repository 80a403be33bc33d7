"""People named by what only people do (resign, retire, step down, succeed, get hired), with no
title or role, and the organisation that hired them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Matthew Kerr stepped in after Scott Fell departed in April.", ["Matthew Kerr", "Scott Fell"]),
        ("Ada Lin resigned in May.", ["Ada Lin"]),
        ("Tom Berg retired last year and Eva Holm took over.", ["Tom Berg", "Eva Holm"]),
        ("Orbion Quantum hired Ada Lin in 2021.", ["Ada Lin"]),
        ("Ben Bloom picked up the CEO reins again from Rob Hayes.", ["Ben Bloom", "Rob Hayes"]),
        ("Kim Min-jae succeeds Tom Berg as head of the lab.", ["Kim Min-jae", "Tom Berg"]),
    ],
)
def test_people_named_beside_a_verb_only_people_do(facts: Run, text: str, people: list[str]) -> None:
    types = {e.name: e.type.value for e in facts(text).kg.entities}
    for person in people:
        assert types.get(person) == "Person", types


@pytest.mark.parametrize(
    "text",
    [
        "Quantum Machines retired its old platform.",  # an organisation's name
        "New York City stepped in with funding.",  # a place
        "Orbion Labs succeeded Veltra Systems as the coordinator.",  # organisations succeed too
    ],
)
def test_organisations_and_places_beside_those_verbs_stay_what_they_are(facts: Run, text: str) -> None:
    types = {e.name: e.type.value for e in facts(text).kg.entities}
    assert "Person" not in types.values(), types


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum hired Ada Lin in 2021.",
        "Orbion Quantum has recruited its new chief technology officer Ada Lin.",
    ],
)
def test_a_person_an_organisation_hired_is_affiliated_with_it(facts: Run, text: str) -> None:
    assert facts(text).has("Ada Lin", "AFFILIATED_WITH", "Orbion Quantum")


def test_an_organisation_hired_as_a_contractor_is_no_affiliate(facts: Run) -> None:
    assert not facts("Orbion Quantum hired Veltra Labs to build the lab.").triples()
