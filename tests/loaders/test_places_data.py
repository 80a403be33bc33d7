"""The generated places (``loaders/data/places.yaml``): countries, first-level regions and large
cities beyond the curated list, which a curated name outranks (made-up organisations)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.gazetteer import default_gazetteer
from qkg.schemas import EntityType

from .conftest import Facts

Run = Callable[[str], Facts]
E = EntityType


@pytest.mark.parametrize(
    ("name", "etype", "country"),
    [
        ("Karnataka", E.REGION, "IN"),
        ("Gyeonggi", E.REGION, "KR"),
        ("Anhui", E.REGION, "CN"),
        ("Queensland", E.REGION, "AU"),
        ("Wuhan", E.CITY, "CN"),
        ("Ahmedabad", E.CITY, "IN"),
        ("Mongolia", E.COUNTRY, "MN"),
    ],
)
def test_places_beyond_the_curated_list(name: str, etype: EntityType, country: str) -> None:
    hits = [e for e in default_gazetteer().lookup(name) if e.type is etype]
    assert hits, name
    assert hits[0].country == country


def test_a_native_spelling_is_an_alias_of_the_plain_one() -> None:
    (entry,) = [e for e in default_gazetteer().lookup("Karnātaka") if e.type is E.REGION]
    assert entry.name == "Karnataka"


@pytest.mark.parametrize("word", ["Centre", "Nord", "Central", "Will", "Grace"])
def test_plain_words_and_given_names_are_no_generated_places(word: str) -> None:
    assert not [e for e in default_gazetteer().lookup(word) if e.type in {E.CITY, E.REGION}]


def test_a_generated_region_locates_an_organisation(facts: Run) -> None:
    f = facts("Qubix Systems, based in Karnataka, builds quantum sensors.")
    assert f.has("Qubix Systems", "LOCATED_IN", "Karnataka"), f.triples()


def test_places_of_different_countries_in_a_list_are_no_location(facts: Run) -> None:
    f = facts("Cooperation between Hong Kong, Macao and mainland China will grow.")
    assert not f.has("Hong Kong", "LOCATED_IN", "Macao"), f.triples()
