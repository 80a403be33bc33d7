"""Datelines: the city a news item was filed from, its state, and the wire service credited."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        ("KESTRELVILLE, Md. — Orbion Quantum opened a laboratory.", "Kestrelville", "Maryland"),
        ("NORTH KESTREL, Colo., March 3, 2025 -- Orbion Quantum raised money.", "North Kestrel", "Colorado"),
        ("ST. KESTREL, Mo., Jan. 5 /PRNewswire/ -- Orbion Quantum hired staff.", "St. Kestrel", "Missouri"),
    ],
)
def test_a_dateline_names_its_city_and_the_state_holding_it(
    facts: Run, text: str, city: str, region: str
) -> None:
    f = facts(text)
    types = {e.name: e.type.value for e in f.kg.entities}
    assert types.get(city) == "City", types
    assert types.get(region) == "Region", types
    assert f.has(city, "LOCATED_IN", region), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "KESTRELVILLE, Nov. 4, 2025 /PRNewswire/ -- Orbion Quantum announced a partnership with IBM.",
        "KESTRELVILLE, Nov. 4, 2025 (BUSINESS WIRE) -- Orbion Quantum announced a partnership with IBM.",
        "KESTRELVILLE, Nov. 4, 2025 /EINPresswire.com/ -- Orbion Quantum announced a partnership with IBM.",
    ],
)
def test_a_wire_service_credited_in_a_dateline_is_no_actor(facts: Run, text: str) -> None:
    f = facts(text)
    names = {e.name for e in f.kg.entities}
    assert not any("wire" in n.lower() for n in names), names
    assert "Kestrelville" in names, names


@pytest.mark.parametrize(
    "text",
    [
        "ORBION, Inc. — The company opened a lab.",  # a company's name in capitals, no dateline
        "NASA, IBM and Google signed a memorandum of understanding.",
        "IBM — the company said — opened a lab.",
        "The lab opened in May. KESTREL, the new hub, will open in June.",
    ],
)
def test_capitals_without_a_dateline_shape_name_no_city(facts: Run, text: str) -> None:
    types = {e.name: e.type.value for e in facts(text).kg.entities}
    assert "City" not in types.values(), types


@pytest.mark.parametrize(
    "text",
    [
        "(NordNews) Kelmar University will house an incubator, the school has announced.",
        "Kelmar University opened a lab.\n(NordNews) The university will house an incubator.",
        "(NordNews) Kelmar University will house an incubator.\nThe dean told NordNews.",
    ],
)
def test_a_publication_in_brackets_opening_a_paragraph_is_no_actor(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has_entity("NordNews"), f.names
    assert f.has_entity("Kelmar University"), f.names


def test_a_name_in_brackets_inside_a_paragraph_stays(facts: Run) -> None:
    f = facts("The grant went to Kelmar University and its partner (Orbion Quantum) last year.")
    assert f.has_entity("Orbion Quantum"), f.names
