"""Technology lists attached to the actor of their clause, whatever the cue (tech_lists), and
fields listed beside a quantum field (technologies._field_items)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.gazetteer import default_gazetteer
from qkg.loaders.rules.technologies import technology_mentions
from qkg.loaders.segment import split_sentences

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "actor", "techs"),
    [
        (
            "With over 40 staff, the Veltra Institute is the largest lab of its kind in Norway and covers "
            "quantum sensing, quantum imaging and quantum biology.",
            "Veltra Institute",
            ["quantum sensing", "quantum imaging", "quantum biology"],
        ),
        (
            "The grant supports research across Kestrel University's areas of expertise, such as quantum "
            "optics, advanced materials, robotics and digital security.",
            "Kestrel University",
            ["quantum optics", "advanced materials", "robotics", "digital security"],
        ),
        (
            "Norland Quantum Alliance spans quantum networking, quantum cryptography and quantum metrology.",
            "Norland Quantum Alliance",
            ["quantum networks", "quantum cryptography", "quantum metrology"],
        ),
        (
            "Portugal, with its growing start-up scene, is seeking to develop quantum communication.",
            "Portugal",
            ["quantum communication"],
        ),
        (
            "Orbion Labs is teaming up with universities and start-ups to develop quantum gyroscopes.",
            "Orbion Labs",
            ["quantum gyroscopes"],
        ),
        (
            "The Tarvel Centre hosts four hubs in domains such as quantum computing, quantum sensing & "
            "metrology and quantum materials & devices.",
            "Tarvel Centre",
            ["quantum computing", "quantum sensing & metrology", "quantum materials & devices"],
        ),
        # joint work in a field is each party's field
        (
            "Kessler Systems and Orbion Technologies announced an agreement to partner in the area of "
            "quantum computing.",
            "Orbion Technologies",
            ["quantum computing"],
        ),
        (
            "The Veltra Bank and Kessler Systems launched a joint pilot of quantum key distribution.",
            "Veltra Bank",
            ["quantum key distribution"],
        ),
        # a description before the subject ("Tech giant X")
        (
            "Tech giant Kessler Systems and Orbion Technologies are furthering their collaboration to "
            "develop quantum-safe algorithms.",
            "Kessler Systems",
            ["quantum-safe algorithms"],
        ),
        (
            "Kessler Systems has teamed up with Orbion Technologies to conduct research into quantum-safe "
            "networks.",
            "Orbion Technologies",
            ["quantum-safe networks"],
        ),
    ],
)
def test_listed_technologies_are_the_actors(facts: Run, text: str, actor: str, techs: list[str]) -> None:
    got = facts(text)
    for t in techs:
        assert got.has(actor, "WORKS_ON", t), (t, got.triples())


def test_the_mission_is_the_programme_in_focus(facts: Run) -> None:
    got = facts(
        "Norway launched the Arctic Quantum Programme in 2024. The programme aims to develop quantum "
        "clocks, secure networks and quantum sensors."
    )
    assert got.has("Arctic Quantum Programme", "WORKS_ON", "quantum clocks")
    assert got.has("Arctic Quantum Programme", "WORKS_ON", "quantum sensing")


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # countries collaborating on a field state a policy, no work of their own
        (
            "Portugal and Spain will collaborate on quantum sensing and quantum imaging.",
            "Portugal",
            "quantum sensing",
        ),
        # the cue's clause has a subject of its own
        (
            "Orbion Labs said the Veltra Institute covers quantum sensing and quantum imaging.",
            "Orbion Labs",
            "quantum sensing",
        ),
        # a place named inside a phrase is no subject
        (
            "With over 40 staff, the Veltra Institute is the largest lab in Norway and covers quantum "
            "sensing and quantum imaging.",
            "Norway",
            "quantum sensing",
        ),
        # a city works on no listed field
        ("Lyon covers quantum sensing, quantum imaging and quantum clocks.", "Lyon", "quantum sensing"),
        # a government body funds, promotes or organises a field; it does not work on it
        (
            "The Ministry of Digital Affairs has organised six forums that cover quantum sensing, quantum "
            "networks and quantum software.",
            "Ministry of Digital Affairs",
            "quantum sensing",
        ),
        (
            "The Ministry of Digital Affairs focuses on quantum sensing and quantum software.",
            "Ministry of Digital Affairs",
            "quantum sensing",
        ),
    ],
)
def test_no_listed_technology(facts: Run, text: str, actor: str, tech: str) -> None:
    got = facts(text)
    assert not got.has(actor, "WORKS_ON", tech), got.triples()


def _fields(text: str) -> list[str]:
    gaz = default_gazetteer()
    return [m.name for s in split_sentences(text) for m in technology_mentions(s, gaz)]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "It works in areas such as quantum, autonomous robotics, cryptography and advanced materials.",
            ["autonomous robotics", "cryptography", "advanced materials"],
            [],
        ),
        # a lone head shortens the quantum item before it
        (
            "It shares staff in areas such as quantum metrology, computing and clocks.",
            ["quantum metrology"],
            ["computing"],
        ),
        # no quantum field in the list: no field of its own
        (
            "It invests in sectors such as retail, clean energy and cloud computing.",
            [],
            ["clean energy", "cloud computing"],
        ),
    ],
)
def test_fields_listed_beside_a_quantum_field(text: str, expected: list[str], absent: list[str]) -> None:
    got = _fields(text)
    for e in expected:
        assert e in got, got
    for a in absent:
        assert a not in got, got


@pytest.mark.parametrize(
    ("text", "actors", "tech"),
    [
        (
            "The ministry signed agreements with Nordic firms Orbion Labs, Kestrel Photonics and Veltra Quantum "
            "to accelerate the development of quantum sensors.",
            ["Orbion Labs", "Kestrel Photonics", "Veltra Quantum"],
            "quantum sensing",
        ),
        (
            "Orbion Labs is partnering with Kestrel Photonics and the start-up Veltra Quantum to build quantum "
            "gyroscopes.",
            ["Orbion Labs", "Kestrel Photonics", "Veltra Quantum"],
            "quantum gyroscopes",
        ),
        (
            "Orbion Labs and Kestrel Photonics are furthering their collaboration to develop quantum clocks.",
            ["Orbion Labs", "Kestrel Photonics"],
            "quantum clocks",
        ),
    ],
)
def test_partners_joined_to_make_a_technology_all_work_on_it(
    facts: Run, text: str, actors: list[str], tech: str
) -> None:
    got = facts(text)
    for a in actors:
        assert got.has(a, "WORKS_ON", tech), (a, got.triples())


def test_fault_tolerance_names_a_class_of_machines(facts: Run) -> None:
    got = facts("Orbion Labs is developing the first fault-tolerant quantum computer.")
    assert got.has("Orbion Labs", "WORKS_ON", "fault-tolerant quantum computing"), got.triples()


@pytest.mark.parametrize(
    ("text", "maker", "chooser", "made"),
    [
        (
            "Orbion Labs said that the Nordic Innovation Agency tapped them to establish the Arctic Quantum Centre.",
            None,
            "Nordic Innovation Agency",
            "Arctic Quantum Centre",
        ),
        (
            "The Nordic Innovation Agency selected Orbion Labs to establish the Arctic Quantum Centre.",
            "Orbion Labs",
            "Nordic Innovation Agency",
            "Arctic Quantum Centre",
        ),
    ],
)
def test_the_one_chosen_to_establish_makes_it(
    facts: Run, text: str, maker: str | None, chooser: str, made: str
) -> None:
    got = facts(text)
    assert not got.has(chooser, "DEVELOPS", made), got.triples()
    if maker is not None:
        assert got.has(maker, "DEVELOPS", made), got.triples()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Aalto University works on Quantum Sensing & Metrology, and Kestrel Labs on Quantum Materials & Devices.",
            ["quantum sensing & metrology", "quantum materials & devices"],
        ),
        ("The Quantum Sensing & Metrology hub opened in 2024.", ["quantum sensing & metrology"]),
        # a capitalised word around it makes it part of a longer name
        ("Acme Quantum Sensing & Metrology Ltd was founded in 2021.", []),
        ("Quantum Sensing & Metrology Ventures invested in it.", []),
    ],
)
def test_a_field_named_in_title_case_with_an_ampersand(text: str, expected: list[str]) -> None:
    got = [n for n in _fields(text) if "&" in n]
    assert got == expected


def test_three_listed_technologies_are_entities_without_a_relation(facts: Run) -> None:
    got = facts("Four hubs will be set up in quantum computing, quantum communication and quantum clocks.")
    for t in ("quantum computing", "quantum communication", "quantum clocks"):
        assert got.has_entity(t), t


def test_a_lone_technology_without_a_relation_is_no_entity(facts: Run) -> None:
    got = facts("The conference discussed quantum computing at length.")
    assert not got.has_entity("quantum computing")


def test_a_technology_kind_describes_each_listed_example(facts: Run) -> None:
    got = facts(
        "Kestrel Capital has backed several quantum sensing start-ups, including Orbion Labs and Veltra Quantum."
    )
    assert got.has("Orbion Labs", "WORKS_ON", "quantum sensing"), got.triples()
    assert got.has("Veltra Quantum", "WORKS_ON", "quantum sensing"), got.triples()
    assert not got.has("Kestrel Capital", "WORKS_ON", "quantum sensing"), got.triples()


@pytest.mark.parametrize(
    ("text", "owner", "made", "expected"),
    [
        (
            "Fujitsu is hiring. The Fujitsu Quantum Initiative has now been launched.",
            "Fujitsu",
            "Fujitsu Quantum Initiative",
            True,
        ),
        # a stated maker wins over the name
        (
            "Fujitsu is hiring. The Fujitsu Quantum Initiative was launched by the Nordic Innovation Agency.",
            "Fujitsu",
            "Fujitsu Quantum Initiative",
            False,
        ),
    ],
)
def test_a_launched_programme_named_after_an_organisation_is_its_own(
    facts: Run, text: str, owner: str, made: str, expected: bool
) -> None:
    got = facts(text)
    assert got.has(owner, "DEVELOPS", made) is expected, got.triples()


def test_a_purpose_of_hastening_a_field_is_the_subjects(facts: Run) -> None:
    got = facts(
        "Oslo | The trilateral Nordic Quantum Alliance between Norway, the UK and Finland has set up working "
        "groups to hasten the development of quantum sensors, quantum clocks and undersea capabilities."
    )
    assert got.has("Nordic Quantum Alliance", "WORKS_ON", "quantum sensing"), got.triples()
    assert got.has("Nordic Quantum Alliance", "WORKS_ON", "quantum clocks"), got.triples()
    assert not got.has("Norway", "WORKS_ON", "quantum sensing"), got.triples()


def test_a_funders_purpose_is_the_funded_ones(facts: Run) -> None:
    got = facts(
        "Kestrel Capital invested $5 million in Orbion Labs to accelerate the development of quantum sensors."
    )
    assert not got.has("Kestrel Capital", "WORKS_ON", "quantum sensing"), got.triples()


def test_a_government_signing_with_firms_to_develop_funds_it(facts: Run) -> None:
    got = facts(
        "The Norwegian Ministry of Trade signed agreements with Orbion Labs and Kestrel Photonics to develop "
        "quantum gyroscopes."
    )
    assert got.has("Orbion Labs", "WORKS_ON", "quantum gyroscopes"), got.triples()
    assert not any(t[0].startswith("Norwegian Ministry") and t[1] == "WORKS_ON" for t in got.triples()), (
        got.triples()
    )


@pytest.mark.parametrize(
    ("text", "actor", "tech", "expected"),
    [
        (
            "Aalto University's research areas include quantum optics and quantum clocks.",
            "Aalto University",
            "quantum clocks",
            True,
        ),
        (
            "Orbion Labs' focus areas are quantum sensing and quantum imaging.",
            "Orbion Labs",
            "quantum imaging",
            True,
        ),
        # the areas are another's
        (
            "Orbion Labs said the ministry's priority areas include quantum sensing and quantum imaging.",
            "Orbion Labs",
            "quantum sensing",
            False,
        ),
    ],
)
def test_areas_named_with_their_owner(facts: Run, text: str, actor: str, tech: str, expected: bool) -> None:
    got = facts(text)
    assert got.has(actor, "WORKS_ON", tech) is expected, got.triples()


@pytest.mark.parametrize(
    ("text", "actor", "tech", "expected"),
    [
        (
            "Orbion Labs focuses on technologies such as quantum sensing, quantum clocks and quantum networks.",
            "Orbion Labs",
            "quantum clocks",
            True,
        ),
        (
            "The work of Orbion Labs includes quantum sensing and quantum clocks.",
            "Orbion Labs",
            "quantum clocks",
            True,
        ),
        # a name inside the subject's phrase is no subject
        (
            "The cooperation with Orbion Labs focuses on exchanging studies in fields such as quantum sensing.",
            "Orbion Labs",
            "quantum sensing",
            False,
        ),
    ],
)
def test_kinds_named_by_examples_and_owners_after_of(
    facts: Run, text: str, actor: str, tech: str, expected: bool
) -> None:
    got = facts(text)
    assert got.has(actor, "WORKS_ON", tech) is expected, got.triples()
