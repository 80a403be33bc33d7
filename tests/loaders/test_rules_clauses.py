"""The clause reader: a verb or noun of a known class relates the clause's subject and objects.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.context import build_views
from qkg.loaders.gazetteer import default_gazetteer
from qkg.loaders.mentions import find_mentions
from qkg.loaders.resolve import resolve
from qkg.loaders.rules.clauses import clause_facts, inflections
from qkg.loaders.segment import split_sentences

from .conftest import Facts

Run = Callable[[str], Facts]


def _read(text: str) -> set[tuple[str, str, str]]:
    """What the clause reader alone finds in ``text`` (names, type, names)."""
    gaz = default_gazetteer()
    sents = split_sentences(text)
    res = resolve(find_mentions(text, sents, gaz), gaz, sents)
    types = {eid: d.type for eid, d in res.drafts.items()}
    names = {eid: d.name for eid, d in res.drafts.items()}
    views = build_views(sents, res.mentions, types)
    return {(names[f.source], f.type.value, names[f.target]) for _, f in clause_facts(views, set(), types)}


def test_inflections_are_made_from_the_lemma() -> None:
    assert inflections("partner") == {"partner", "partners", "partnered", "partnering"}
    assert {"teams up", "teamed up", "teaming up"} <= inflections("team up")
    assert {"finances", "financed", "financing"} <= inflections("finance")
    assert {"led", "leads", "leading"} <= inflections("lead")
    assert {"was part of", "are part of", "been part of"} <= inflections("be part of")


@pytest.mark.parametrize(
    ("text", "triples"),
    [
        # a coordinated subject, adverbs between it and the verb
        (
            "Orbion Quantum and Veltra Systems have now teamed up with Kessler University to build a testbed.",
            [
                ("Orbion Quantum", "PARTNERS_WITH", "Kessler University"),
                ("Veltra Systems", "PARTNERS_WITH", "Kessler University"),
            ],
        ),
        # a subject list and no object: the subjects partner one another
        (
            "Orbion Quantum, Veltra Systems and Brackwell Labs are partnering to set up a quantum foundry.",
            [
                ("Orbion Quantum", "PARTNERS_WITH", "Veltra Systems"),
                ("Orbion Quantum", "PARTNERS_WITH", "Brackwell Labs"),
            ],
        ),
        # a noun with "with" after the subject's verb phrase
        (
            "Brackwell Labs is striking up a strategic partnership with photonics maker Veltra Systems.",
            [("Brackwell Labs", "PARTNERS_WITH", "Veltra Systems")],
        ),
        # a passive after an aside
        (
            "The Lyon Quantum Alliance, which was founded in 2021, is led by Kessler University.",
            [("Kessler University", "LEADS", "Lyon Quantum Alliance")],
        ),
        # a reduced participle: the agents back the head
        (
            "The Baltic Quantum Consortium, backed by Nordic Photonics and Brackwell Labs, opened in May.",
            [
                ("Nordic Photonics", "INVESTS_IN", "Baltic Quantum Consortium"),
                ("Brackwell Labs", "INVESTS_IN", "Baltic Quantum Consortium"),
            ],
        ),
        # a round led or backed by investors is the raiser's
        (
            "Veltra Systems said on Monday it raised $12 million in a round that was led by venture funds, "
            "backed by Brackwell Capital and Nordic Photonics.",
            [
                ("Brackwell Capital", "INVESTS_IN", "Veltra Systems"),
                ("Nordic Photonics", "INVESTS_IN", "Veltra Systems"),
            ],
        ),
        # money "from" a list, the raiser named after it
        (
            "With the investments from Brackwell Capital and Nordic Photonics, Veltra Systems said its "
            "total funds raised reached $40 million.",
            [("Brackwell Capital", "INVESTS_IN", "Veltra Systems")],
        ),
        # joining with is partnering, joining a group is membership
        (
            "Veltra Systems is joining with Orbion Quantum to form a new company.",
            [("Veltra Systems", "PARTNERS_WITH", "Orbion Quantum")],
        ),
        (
            "Nordic Photonics has joined the Baltic Quantum Consortium alongside other firms.",
            [("Nordic Photonics", "PART_OF", "Baltic Quantum Consortium")],
        ),
        (
            "The Kessler Institute of Physics will coordinate the Photon Bridge Programme.",
            [("Kessler Institute of Physics", "LEADS", "Photon Bridge Programme")],
        ),
        (
            "Nordic Photonics competes with Veltra Systems in photonic chips.",
            [("Nordic Photonics", "COMPETES_WITH", "Veltra Systems")],
        ),
        # an infinitive takes its subject from the verb before it
        (
            "Kessler University will collaborate with Veltra Systems to set up the Photon Bridge Programme.",
            [("Kessler University", "DEVELOPS", "Photon Bridge Programme")],
        ),
        # a participle opening the sentence: its head follows the agents
        (
            "Founded in 2019 by Kessler University and Nordic Photonics, the Baltic Quantum Consortium "
            "now counts 30 partners.",
            [
                ("Kessler University", "DEVELOPS", "Baltic Quantum Consortium"),
                ("Nordic Photonics", "DEVELOPS", "Baltic Quantum Consortium"),
            ],
        ),
        # "in partnership with" after the agent of a participle
        (
            "The Photon Bridge Programme, run by Kessler University in partnership with Brackwell Labs, "
            "opened in June.",
            [("Kessler University", "PARTNERS_WITH", "Brackwell Labs")],
        ),
        # a name written as a modifier before the object is no object
        (
            "Nordic Photonics is participating in the EU-funded Photon Bridge Programme.",
            [("Nordic Photonics", "PART_OF", "Photon Bridge Programme")],
        ),
        # selected or chosen to join: a member
        (
            "Nordic Photonics has been selected to join the Baltic Quantum Consortium.",
            [("Nordic Photonics", "PART_OF", "Baltic Quantum Consortium")],
        ),
        # "in collaboration with" in a clause an organisation reports after it
        (
            "The chip was developed in collaboration with Brackwell Labs, Nordic Photonics said.",
            [("Nordic Photonics", "PARTNERS_WITH", "Brackwell Labs")],
        ),
        # nouns of making, and verbs of announcing a programme
        (
            "The Ministry of Quantum Affairs announced the creation of the Photon Bridge Programme.",
            [("Ministry of Quantum Affairs", "DEVELOPS", "Photon Bridge Programme")],
        ),
        (
            "The Ministry of Quantum Affairs has published the Photon Bridge Programme.",
            [("Ministry of Quantum Affairs", "DEVELOPS", "Photon Bridge Programme")],
        ),
    ],
)
def test_a_clause_relates_its_subject_and_objects(
    facts: Run, text: str, triples: list[tuple[str, str, str]]
) -> None:
    f = facts(text)
    for s, t, o in triples:
        assert f.has(s, t, o), ((s, t, o), sorted(f.triples()))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a list after a preposition is nobody's subject
        (
            "Experts from Orbion Quantum and Veltra Systems have teamed up to write a report.",
            ("Orbion Quantum", "Veltra Systems"),
        ),
        # what did not happen, or might
        (
            "Orbion Quantum did not partner with Veltra Systems in the end.",
            ("Orbion Quantum", "Veltra Systems"),
        ),
        ("Orbion Quantum could partner with Veltra Systems next year.", ("Orbion Quantum", "Veltra Systems")),
        # a place written after an organisation is its site, "-based" a modifier
        (
            "Kessler University is teaming up with a Lyon-based company to build sensors.",
            ("Kessler University", "Lyon"),
        ),
        # a contract is no investment
        (
            "Veltra Systems funded a contract with Brackwell Labs for cryostats.",
            ("Veltra Systems", "Brackwell Labs"),
        ),
        # a list after a noun of whom the objects serve, or of customers, is no object of the verb
        (
            "Orbion Quantum develops sensors for labs such as the Kessler Institute of Optics.",
            ("Orbion Quantum", "Kessler Institute of Optics"),
        ),
        (
            "Veltra Systems has worked with customers such as Brackwell Labs and Tessaly Photonics.",
            ("Veltra Systems", "Brackwell Labs"),
        ),
    ],
)
def test_a_clause_relates_nothing_it_does_not_state(text: str, pair: tuple[str, str]) -> None:
    found = _read(text)
    a, b = pair
    assert not any({s, o} == {a, b} for s, _, o in found), sorted(found)


def test_the_types_decide_what_a_verb_relates() -> None:
    # a company joining a company is no member; a company leading a company led its round
    assert _read("Nordic Photonics joined Veltra Systems on a photonics testbed.") == set()
    assert _read("Brackwell Capital led Veltra Systems's seed round.") == set()
    assert _read("Kessler University joined the Baltic Quantum Consortium.") == {
        ("Kessler University", "PART_OF", "Baltic Quantum Consortium")
    }


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # a direct object or a preposition of the class; an adverb inside a multi-word form
        (
            "The Ministry of Quantum Affairs granted Orbion Quantum €2 million last week.",
            ("Ministry of Quantum Affairs", "INVESTS_IN", "Orbion Quantum"),
        ),
        (
            "The Ministry of Quantum Affairs awarded €3 million to Kessler University for a lab.",
            ("Ministry of Quantum Affairs", "INVESTS_IN", "Kessler University"),
        ),
        (
            "Veltra Systems is now part of the Baltic Quantum Consortium.",
            ("Veltra Systems", "PART_OF", "Baltic Quantum Consortium"),
        ),
        # a round led is an investment
        (
            "Brackwell Capital and Nordic Photonics co-led the round in Veltra Systems.",
            ("Nordic Photonics", "INVESTS_IN", "Veltra Systems"),
        ),
        # coordinated participles share their head
        (
            "The Photon Bridge Programme is coordinated by the Kessler Institute of Physics and funded by "
            "the Ministry of Quantum Affairs.",
            ("Ministry of Quantum Affairs", "INVESTS_IN", "Photon Bridge Programme"),
        ),
    ],
)
def test_the_reader_alone_finds(text: str, triple: tuple[str, str, str]) -> None:
    found = _read(text)
    assert triple in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "triples"),
    [
        # a plural kind noun announcing its list, after a colon, a comma or "including"
        (
            "The Kessler Research Council will set up three new research hubs: the Marrow Quantum Hub, the "
            "Tessaly Centre for Quantum Sensing and the Brackwell Quantum Institute.",
            [
                ("Kessler Research Council", "DEVELOPS", "Marrow Quantum Hub"),
                ("Kessler Research Council", "DEVELOPS", "Tessaly Centre for Quantum Sensing"),
                ("Kessler Research Council", "DEVELOPS", "Brackwell Quantum Institute"),
            ],
        ),
        (
            "Orbion Quantum invested in two start-ups, Veltra Systems and Brackwell Labs.",
            [
                ("Orbion Quantum", "INVESTS_IN", "Veltra Systems"),
                ("Orbion Quantum", "INVESTS_IN", "Brackwell Labs"),
            ],
        ),
        (
            "Veltra Systems joined two consortia: the Baltic Quantum Consortium and the Nordic Qubit Alliance.",
            [
                ("Veltra Systems", "PART_OF", "Baltic Quantum Consortium"),
                ("Veltra Systems", "PART_OF", "Nordic Qubit Alliance"),
            ],
        ),
    ],
)
def test_a_kind_noun_announces_the_objects_listed_after_it(
    text: str, triples: list[tuple[str, str, str]]
) -> None:
    found = _read(text)
    for t in triples:
        assert t in found, (t, sorted(found))
