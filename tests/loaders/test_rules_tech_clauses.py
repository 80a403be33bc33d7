"""WORKS_ON from a clause whose objects hold a technology, whatever word governs it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # a recipient of money at work: the grant's purpose is its own research
        (
            "Kessler University has received a grant of $5 million to accelerate fundamental and applied "
            "research in quantum computing.",
            "Kessler University",
            "quantum computing",
        ),
        (
            "Orbion Labs secured new funding last week to expand its research into quantum networking.",
            "Orbion Labs",
            "quantum networks",
        ),
        # a fronted phrase, then the subject and a verb of focus reaching through a noun
        (
            "According to its founders, Orbion Labs will focus on the expanses of quantum chemistry and "
            "quantum finance.",
            "Orbion Labs",
            "quantum finance",
        ),
        # coordinated subjects and a relative clause of their collaboration
        (
            "Veltra Bank and Orbion Labs announced a collaboration that is exploring quantum optimisation.",
            "Veltra Bank",
            "quantum optimization",
        ),
        # the owner of a work noun
        ("Veltra Systems' foray into quantum sensing began in 2021.", "Veltra Systems", "quantum sensing"),
        # a programme's own objects
        (
            "The Arctic Quantum Programme will build expertise in quantum clocks over five years.",
            "Arctic Quantum Programme",
            "quantum clocks",
        ),
    ],
)
def test_a_work_word_reaches_the_technology(facts: Run, text: str, actor: str, tech: str) -> None:
    got = facts(text)
    assert got.has(actor, "WORKS_ON", tech), got.triples()


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # a funder's purpose is the funded one's work
        (
            "Orbion Capital funds research in quantum sensing at Kessler University.",
            "Orbion Capital",
            "quantum sensing",
        ),
        # another clause's subject
        (
            "Orbion Labs said the Veltra Institute does research in quantum sensing.",
            "Orbion Labs",
            "quantum sensing",
        ),
        # a person's relative clause
        (
            "Orbion Labs hired Ada Lin, who does research in quantum sensing.",
            "Orbion Labs",
            "quantum sensing",
        ),
        # what a made thing holds
        (
            "Orbion Labs is building industry clusters consisting of quantum computing and photonics.",
            "Orbion Labs",
            "quantum computing",
        ),
        # the work word is too far, or a verb of using comes between
        (
            "Orbion Labs develops software that banks can use for quantum computing.",
            "Orbion Labs",
            "quantum computing",
        ),
        # a government body promotes a field, it does not work on it
        (
            "The Ministry of Research will focus on quantum sensing and quantum imaging.",
            "Ministry of Research",
            "quantum sensing",
        ),
    ],
)
def test_no_work_word_reaches_the_technology(facts: Run, text: str, actor: str, tech: str) -> None:
    got = facts(text)
    assert not got.has(actor, "WORKS_ON", tech), got.triples()


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Orbion Labs, which was acquired by Veltra Systems in 2021 and has since developed portable "
            "quantum gravimeters, employs 40 people.",
            "Orbion Labs",
            "quantum gravimeters",
        ),
        (
            "Kessler Capital partnered with Orbion Labs, which is based in Lyon and also builds quantum clocks.",
            "Orbion Labs",
            "quantum clocks",
        ),
    ],
)
def test_a_relative_clause_works_for_its_antecedent(facts: Run, text: str, actor: str, tech: str) -> None:
    got = facts(text)
    assert got.has(actor, "WORKS_ON", tech), got.triples()
    assert not got.has("Kessler Capital", "WORKS_ON", tech)
    assert not got.has("Veltra Systems", "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        "Backed by Veltra Capital, the quantum computing firm's German subsidiary will build a lab in Lyon.",
        "Veltra Capital, the quantum sensing start-up's largest investor, met officials in Lyon.",
    ],
)
def test_a_possessed_noun_is_no_apposition_of_the_name_before(facts: Run, text: str) -> None:
    got = facts(text)
    assert not any(s == "Veltra Capital" and t == "WORKS_ON" for s, t, _ in got.triples()), got.triples()


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # an opening phrase of time, then the name right before its verb; a bracketed aside
        (
            "In 2017 Orbion Labs developed the world's smallest (5x5 mm) quantum random number generator.",
            "Orbion Labs",
            "quantum random number generation",
        ),
        # a technology in title case after a bracket
        (
            "Last year Veltra Systems built a tiny (2 mm) Quantum Random Number Generator for phones.",
            "Veltra Systems",
            "quantum random number generation",
        ),
        # a class of companies with a place, in apposition
        (
            "Last month, one of the few quantum tech companies in the world, Orbion Labs, went public.",
            "Orbion Labs",
            "quantum technology",
        ),
        (
            "One of the largest quantum sensing firms in Europe, Veltra Systems, opened a lab in Lyon.",
            "Veltra Systems",
            "quantum sensing",
        ),
    ],
)
def test_opening_phrases_asides_and_classes(facts: Run, text: str, actor: str, tech: str) -> None:
    got = facts(text)
    assert got.has(actor, "WORKS_ON", tech), got.triples()


def test_a_name_inside_the_opening_phrase_is_no_subject(facts: Run) -> None:
    got = facts("In a deal with Kessler Capital, Orbion Labs developed quantum clocks.")
    assert not got.has("Kessler Capital", "WORKS_ON", "quantum clocks"), got.triples()


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # a clause reported after its speaker: its own subject works
        (
            "Orbion Quantum said that it is also trying to develop trapped-ion quantum computers.",
            "Orbion Quantum",
            "trapped-ion quantum computing",
        ),
        # the main verb after a relative clause the commas close is the antecedent's
        (
            "Quantix Labs, which acquired Orbion Quantum last year, focuses on quantum sensing.",
            "Quantix Labs",
            "quantum sensing",
        ),
        # an aside between the subject and its verb names no other worker, nor blocks the subject
        (
            "Orbion Quantum, funded by Kestrel Ventures in 2021, develops trapped-ion quantum computers.",
            "Orbion Quantum",
            "trapped-ion quantum computing",
        ),
    ],
)
def test_reported_clauses_and_closed_asides(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Quantix Labs, which acquired Orbion Quantum last year, focuses on quantum sensing.",
            "Orbion Quantum",
            "quantum sensing",
        ),
        (
            "Orbion Quantum, funded by Kestrel Ventures in 2021, develops trapped-ion quantum computers.",
            "Kestrel Ventures",
            "trapped-ion quantum computing",
        ),
        (
            "Kestrel Ventures, which invested in Orbion Quantum, said it develops quantum sensors.",
            "Kestrel Ventures",
            "quantum sensing",
        ),
        # "also" is no article: the startups building sensors are not the name before it
        (
            "Kestrel Ventures, which invested in Orbion Quantum, also backs startups building quantum sensors.",
            "Orbion Quantum",
            "quantum sensing",
        ),
    ],
)
def test_no_worker_from_an_aside_or_a_funder(facts: Run, text: str, actor: str, tech: str) -> None:
    f = facts(text)
    assert f.has_entity(actor)
    assert not f.has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum along with its partners at Kestrel University and the Tarnow Institute of Optics have "
        "received a grant to research photonic quantum computers.",
        "Orbion Quantum, together with Kestrel University and the Tarnow Institute of Optics, received a grant "
        "to study photonic quantum computers.",
    ],
)
def test_companions_of_the_subject_work_with_it(facts: Run, text: str) -> None:
    f = facts(text)
    for actor in ("Orbion Quantum", "Kestrel University", "Tarnow Institute of Optics"):
        assert f.has(actor, "WORKS_ON", "photonic quantum computing"), actor


def test_a_companion_of_an_investor_is_no_worker(facts: Run) -> None:
    f = facts(
        "Orbion Quantum, along with Kestrel Ventures, invested in Veltra Photonics GmbH to develop quantum sensors."
    )
    assert f.has("Veltra Photonics GmbH", "WORKS_ON", "quantum sensing")
    assert not f.has("Kestrel Ventures", "WORKS_ON", "quantum sensing")
    assert not f.has("Orbion Quantum", "WORKS_ON", "quantum sensing")


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum and Kestrel University signed a memorandum of understanding. "
        "The partnership will focus on quantum sensing.",
        "Orbion Quantum has entered a strategic partnership with Kestrel University. "
        "The collaboration aims to develop quantum sensors for navigation.",
    ],
)
def test_an_agreement_as_subject_makes_its_parties_work(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Orbion Quantum", "WORKS_ON", "quantum sensing")
    assert f.has("Kestrel University", "WORKS_ON", "quantum sensing")


@pytest.mark.parametrize(
    "text",
    [
        # skills pooled, not work done together
        "Orbion Quantum and Kestrel University signed a memorandum of understanding. "
        "The cooperation will bring together expertise in quantum sensing.",
        # a round's parties do not work together
        "Kestrel Ventures invested $5 million in Orbion Quantum. The agreement will focus on quantum sensing.",
        # too long ago
        "Orbion Quantum and Kestrel University signed a memorandum of understanding. Both are in Lyon. "
        "Lyon has many labs. The city is growing. The partnership will focus on quantum sensing.",
    ],
)
def test_no_work_from_an_agreement_subject(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has_entity("Orbion Quantum")
    assert not f.has("Orbion Quantum", "WORKS_ON", "quantum sensing")


def test_joint_work_with_a_partner_on_a_technology(facts: Run) -> None:
    f = facts("Orbion Quantum has partnered with Kestrel University on quantum sensing research.")
    assert f.has("Orbion Quantum", "WORKS_ON", "quantum sensing")
    assert f.has("Kestrel University", "WORKS_ON", "quantum sensing")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("France has partnered with Germany on quantum sensing.", "Germany"),
        ("Orbion Quantum partnered with Kestrel Ventures on quantum sensing start-ups.", "Kestrel Ventures"),
    ],
)
def test_no_joint_work_for_places_or_on_makers(facts: Run, text: str, actor: str) -> None:
    f = facts(text)
    assert f.has_entity(actor)
    assert not f.has(actor, "WORKS_ON", "quantum sensing")
