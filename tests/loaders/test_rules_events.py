"""Events (fairs, conferences, summits, expos): found, and never organisations (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.gazetteer import default_gazetteer
from qkg.loaders.rules.events import event_spans
from qkg.loaders.segment import Sentence

from .conftest import Facts

Run = Callable[[str], Facts]


def _events(text: str) -> list[str]:
    sent = Sentence(0, 0, len(text), text, 0)
    return sorted({e.name for e in event_spans(sent, default_gazetteer())})


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("At Orbicon Expo, the two firms met.", "Orbicon Expo"),
        (
            "Veltra Quantum will exhibit at the Quantum World Congress 2026 in Lyon.",
            "Quantum World Congress 2026",
        ),
        (
            "Today the International Conference on Photonic Qubits opened.",
            "International Conference on Photonic Qubits",
        ),
        ("Delegates gathered for the Nordic Leaders' Summit.", "Nordic Leaders' Summit"),
        ("Orbion unveiled its chip at Q2B Tokyo last week.", "Q2B Tokyo"),
        ("The hosting of Quantum Korea 2027 in June drew crowds.", "Quantum Korea 2027"),
        ("Ministers met at the Davos forum.", "Davos forum"),
        ("Orbion presented at the “Qubit Futures 2026” event.", "Qubit Futures 2026"),
        ("World Photon Day is marked each year.", "World Photon Day"),
        ("The firms met during Ruritania Quantum Week.", "Ruritania Quantum Week"),
    ],
)
def test_event_names(text: str, event: str) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The US Congress passed the bill.",
        "The Korea Fair Trade Commission fined the company.",
        "Sales rose during Q3 2026.",
        "The European Commission meeting was postponed.",
        "Orbion raised $5 million in 2026 from Kessler Ventures.",
        "Veltra Quantum opened an office in Lyon in 2026.",
    ],
)
def test_not_events(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Orbion showcased its sensor at Orbicon Expo 2026.",
        "Veltra Quantum spoke at the Quantum World Congress in Lyon.",
        "Kessler Ventures attended the International Symposium on Photonic Qubits.",
        "Veltra Quantum demonstrated its chip at Quantum.Tech Boston.",
    ],
)
def test_events_are_not_organisations(facts: Run, text: str) -> None:
    f = facts(text)
    names = set(f.names.values())
    assert not any(w in n for n in names for w in ("Expo", "Congress", "Symposium", "Quantum.Tech"))


def test_actors_at_an_event_still_partner(facts: Run) -> None:
    f = facts("At Orbicon Expo 2026, Orbion and Veltra Quantum signed a memorandum of understanding.")
    assert f.has("Orbion", "PARTNERS_WITH", "Veltra Quantum")
    assert not f.has_entity("Orbicon Expo 2026")


def test_place_of_a_lowercase_event_stays(facts: Run) -> None:
    f = facts("At the Lyon summit, Orbion and Veltra Quantum signed a partnership agreement.")
    assert f.has("Orbion", "PARTNERS_WITH", "Veltra Quantum")
    assert f.has_entity("Lyon")
    assert not any("summit" in n for n in f.names.values())


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Inc. took part in the Nordic Qubit exhibition. We thank the Nordic Qubit organisers.",
        "The Nordic Qubit fair opened on Monday. Nordic Qubit said 9,000 visitors came.",
        "Orbion Inc. exhibited at Quantum Days 2026. The Quantum Days team counted 300 visitors.",
    ],
)
def test_a_name_read_as_an_event_is_an_event_elsewhere_in_the_text(facts: Run, text: str) -> None:
    names = set(facts(text).names.values())
    assert not any(n.startswith(("Nordic Qubit", "Quantum Days")) for n in names)


def test_a_one_word_event_modifier_keeps_its_company_elsewhere(facts: Run) -> None:
    f = facts("Orbion Inc. hosted the Orbion workshop. Later Orbion Inc. raised $5 million.")
    assert f.has_entity("Orbion Inc")


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Inc. signed during the Nordic Qubit event in Paris. Nordic Qubit drew 3,000 visitors.",
        "Kessler Labs spoke at the Quantum Readiness webinar on Tuesday.",
        "Orbion Inc. won at the Northern Sensing awards.",
    ],
)
def test_events_webinars_and_awards_are_not_actors(facts: Run, text: str) -> None:
    names = set(facts(text).names.values())
    assert not any(n.startswith(("Nordic Qubit", "Quantum Readiness", "Northern Sensing")) for n in names)


@pytest.mark.parametrize(
    ("text", "document"),
    [
        (
            "The Minister of Digital Affairs has signed the Baltic Declaration on Quantum Technologies.",
            "Declaration",
        ),
        ("Twelve cities adopted the Kelmar Charter for Open Quantum Research.", "Charter"),
        ("Veltria and Norway signed the Photon Treaty of Quantum Technologies.", "Treaty"),
        # laws, "and" inside them: no part of one is an organisation
        ("The QUBITS and Photonics Act set aside money for regional hubs.", "QUBITS"),
        ("The Qubit Readiness Act of 2027 passed the Senate.", "Act"),
    ],
)
def test_signed_texts_are_no_actors(facts: Run, text: str, document: str) -> None:
    f = facts(text)
    assert not any(document in n for n in f.names.values()), f.names


def test_a_person_or_a_programme_named_like_a_law_stays(facts: Run) -> None:
    f = facts(
        "Orbion co-founder Bill Harrow praised the Beyond Kessler's Law project of the Ruritanian Quantum Agency."
    )
    assert f.has_entity("Bill Harrow")
    assert f.has_entity("Beyond Kessler's Law Project")


def test_a_news_outlet_told_something_is_no_actor_and_a_person_told_stays(facts: Run) -> None:
    outlet = facts("Orbion CEO Ada Lin told Fierce Photonics via email that the round closed.")
    person = facts("Orbion told Ada Lin that the deal was done.")
    assert not outlet.has_entity("Fierce Photonics")
    assert outlet.has_entity("Orbion")
    assert person.has_entity("Ada Lin")
