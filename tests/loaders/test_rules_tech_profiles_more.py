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


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Orbion Ltd, a leading supplier of cold-atom gravimeters, raised $5m.",
            "Orbion Ltd",
            "cold-atom gravimeters",
        ),
        (
            "Orbion Ltd, a vendor of quantum-safe encryption, hired Ada Lin.",
            "Orbion Ltd",
            "quantum-safe encryption",
        ),
        (
            "Kvantra Labs, the designer of single-photon detectors, opened a plant.",
            "Kvantra Labs",
            "single-photon detectors",
        ),
    ],
)
def test_a_supplier_in_apposition_works_on_what_it_supplies(
    facts: Run, text: str, actor: str, tech: str
) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Ltd, a customer of quantum-safe encryption vendors, raised $5m.",
        "Orbion Ltd, an investor in single-photon detectors makers, raised $5m.",
    ],
)
def test_a_customer_or_investor_in_apposition_works_on_nothing(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "WORKS_ON"]


@pytest.mark.parametrize(
    ("text", "actor", "techs"),
    [
        (
            "The ministry said that Orbion Ltd remains at the forefront of quantum research, "
            "contributing to areas such as quantum sensing and post-quantum cryptography.",
            "Orbion Ltd",
            ["quantum sensing", "post-quantum cryptography"],
        ),
        (
            "Officials stated that Kvantra Labs covers areas such as quantum sensing and quantum networking.",
            "Kvantra Labs",
            ["quantum sensing", "quantum networks"],
        ),
    ],
)
def test_a_reported_focus_list_is_the_reported_subjects(
    facts: Run, text: str, actor: str, techs: list[str]
) -> None:
    f = facts(text)
    for t in techs:
        assert f.has(actor, "WORKS_ON", t), t


def test_a_reported_clause_with_no_named_subject_is_not_the_speakers(facts: Run) -> None:
    f = facts(
        "Orbion Ltd said that the ministry is contributing to areas such as quantum sensing and quantum networking."
    )
    assert not [t for t in f.triples() if t[1] == "WORKS_ON"]


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "As a member of the Varno Quantum Mission, Orbion Ltd is dedicated to promoting local innovation "
            "and developing sovereign quantum technologies.",
            "Orbion Ltd",
            "quantum technology",
        ),
        (
            "Kvantra Labs is committed to training engineers and building quantum sensors.",
            "Kvantra Labs",
            "quantum sensing",
        ),
        ("Kvantra Labs is dedicated to developing trapped-ion qubits.", "Kvantra Labs", "trapped-ion qubits"),
    ],
)
def test_dedicated_to_making_as_a_second_aim(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        "Kvantra Labs is committed to supporting quantum computing in Lyon.",  # support is no making
        "Kvantra Labs is committed to investing in quantum sensing.",
    ],
)
def test_dedicated_to_support_or_money_is_no_work(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "WORKS_ON"]


@pytest.mark.parametrize(
    ("text", "actor", "techs"),
    [
        (
            "The Varno Quantum Centre focuses on three key technologies: atomic clocks, quantum gravimeters "
            "and quantum magnetometers.",
            "Varno Quantum Centre",
            ["quantum gravimeters", "quantum magnetometers"],
        ),
        (
            "The Varno Quantum Centre focuses on core areas, which include quantum sensing and quantum networking.",
            "Varno Quantum Centre",
            ["quantum sensing", "quantum networks"],
        ),
        (
            "Led by the Solid State Lab, the Varno Quantum Centre focuses on key foundational technologies. "
            "These include an atomic magnetometer with optically pumped magnetometry for detecting weak fields, "
            "and single-photon detectors, the ministry stated.",
            "Varno Quantum Centre",
            ["atomic magnetometers", "optically pumped magnetometry", "single-photon detectors"],
        ),
        (
            "Kvantra Labs will concentrate on three research areas. They include quantum sensing and quantum imaging.",
            "Kvantra Labs",
            ["quantum sensing", "quantum imaging"],
        ),
    ],
)
def test_fields_named_after_a_focus(facts: Run, text: str, actor: str, techs: list[str]) -> None:
    f = facts(text)
    for t in techs:
        assert f.has(actor, "WORKS_ON", t), t


@pytest.mark.parametrize(
    "text",
    [
        # the next sentence is about something else's plans
        "Kvantra Labs focuses on key technologies. Ruritania's plans include quantum sensing.",
        # no focus left unnamed: the first sentence names its field
        "Kvantra Labs focuses on quantum imaging. These include quantum sensing devices for hospitals.",
        # a place's focus is its policy, not its work
        "Finland focuses on key technologies. These include quantum sensing and quantum imaging.",
        # the sentence between breaks the link
        "Kvantra Labs focuses on key technologies. It was founded in 2019. These include quantum sensing.",
    ],
)
def test_no_fields_named_after_a_focus(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [t for t in f.triples() if t[1] == "WORKS_ON" and t[2] == "quantum sensing"]


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        (
            "The Varno Quantum Centre, a facility built by Kvantra Labs, opened in May.",
            "Kvantra Labs",
            "Varno Quantum Centre",
        ),
        (
            "The Varno Quantum Centre, a research hub set up in 2020 by the Ministry of Science, hosts 40 people.",
            "Ministry of Science",
            "Varno Quantum Centre",
        ),
        (
            "Kvantra Labs' newly established Varno Quantum Centre will employ 40 people.",
            "Kvantra Labs",
            "Varno Quantum Centre",
        ),
        (
            "The Ministry of Science's recently launched Quantum Valley Programme funds start-ups.",
            "Ministry of Science",
            "Quantum Valley Programme",
        ),
    ],
)
def test_develops_from_an_apposition_or_a_newly_made_possession(
    facts: Run, text: str, actor: str, made: str
) -> None:
    assert facts(text).has(actor, "DEVELOPS", made)


@pytest.mark.parametrize(
    "text",
    [
        "The Varno Quantum Centre, a facility visited by Kvantra Labs, opened in May.",
        "Kvantra Labs' newly hired director visited the Varno Quantum Centre.",
        "Kvantra Labs' long-established Varno Quantum Centre hosts 40 people.",
    ],
)
def test_no_develops_from_a_visit_or_an_old_possession(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "DEVELOPS"]


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Kvantra Labs’ mission is to build the world's most powerful photonic quantum computers.",
            "Kvantra Labs",
            "photonic quantum computing",
        ),
        (
            "Kvantra Labs is one of the leading companies in photonic quantum computing.",
            "Kvantra Labs",
            "photonic quantum computing",
        ),
        (
            "The University of Varno has a strong track record in quantum optics.",
            "University of Varno",
            "quantum optics",
        ),
        (
            "Kvantra Labs achieved a milestone in quantum error correction.",
            "Kvantra Labs",
            "quantum error correction",
        ),
        (
            "Kvantra Labs harnesses neutral atoms for quantum computing.",
            "Kvantra Labs",
            "neutral-atom quantum computing",
        ),
        (
            "Kvantra Labs' chip has 100 superconducting qubits.",
            "Kvantra Labs",
            "superconducting quantum computing",
        ),
    ],
)
def test_works_on_from_a_profile_sentence(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        "Kvantra Labs uses quantum computing for drug discovery.",  # a user, not a maker
        "Kvantra Labs’ mission is to invest in quantum computing start-ups.",
        "Kvantra Labs is one of the largest investors in quantum computing.",
        "Kvantra Labs hailed a milestone in quantum error correction by Orbion Ltd.",
    ],
)
def test_no_works_on_from_use_money_or_anothers_milestone(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [t for t in f.triples() if t[1] == "WORKS_ON" and t[0] == "Kvantra Labs"]


def test_a_centres_capabilities_name_its_technologies(facts: Run) -> None:
    f = facts(
        "The key capabilities of the Varno Quantum Centre include test-beds for evaluating single-photon "
        "sources; and experimental platforms for validating quantum key distribution techniques, "
        "spearheaded by the Solid State Lab."
    )
    assert f.has("Varno Quantum Centre", "WORKS_ON", "single-photon sources")
    assert f.has("Varno Quantum Centre", "WORKS_ON", "quantum key distribution")
    assert not [t for t in f.triples() if t[1] == "WORKS_ON" and t[0] == "Solid State Lab"]


@pytest.mark.parametrize(
    "text",
    [
        "The facilities of Lyon include quantum sensing labs.",  # a place's facilities are its firms'
        "The capabilities of Kvantra Labs impressed Orbion Ltd, which builds quantum sensors.",  # no "include"
    ],
)
def test_no_capabilities_of_a_place_or_without_a_list(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [t for t in f.triples() if t[1] == "WORKS_ON" and t[0] in {"Lyon", "Kvantra Labs"}]


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        (
            "A new research centre with the potential to change sensing was launched by the University of Varno "
            "in 2020. The Varno Quantum Centre, which will be opened by Ada Lin, hosts 70 scientists.",
            "University of Varno",
            "Varno Quantum Centre",
        ),
        (
            "Kvantra Labs has opened a new quantum hub in Lyon. The Lyon Quantum Hub will host start-ups.",
            "Kvantra Labs",
            "Lyon Quantum Hub",
        ),
        (
            "The Ministry of Science will establish a new research institute. Named the Varno Institute for "
            "Quantum Optics, it will open in 2026.",
            "Ministry of Science",
            "Varno Institute for Quantum Optics",
        ),
    ],
)
def test_a_new_body_described_then_named(facts: Run, text: str, actor: str, made: str) -> None:
    assert facts(text).has(actor, "DEVELOPS", made)


@pytest.mark.parametrize(
    "text",
    [
        # the name is of another kind than the description
        "Kvantra Labs has opened a new quantum hub in Lyon. The Lyon Quantum Centre will host start-ups.",
        # a visit makes nothing
        "A new research centre was visited by Kvantra Labs. The Varno Quantum Centre hosts 70 scientists.",
        # the next sentence names two hubs, and opens on neither
        "Kvantra Labs has opened a new quantum hub. Ada Lin praised the Varno Quantum Hub and the Lyon Quantum Hub.",
    ],
)
def test_no_body_described_then_named(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "DEVELOPS"]


@pytest.mark.parametrize(
    ("text", "bodies", "tech"),
    [
        (
            "Members of the Varno group joined two national quantum centres: the Varno Quantum Hub and the "
            "Lyon Photonics Hub. These centres bring together universities and industry to develop and "
            "construct quantum sensors.",
            ["Varno Quantum Hub", "Lyon Photonics Hub"],
            "quantum sensing",
        ),
        (
            "The ministry funds three new hubs: the Varno Quantum Hub, the Lyon Photonics Hub and the Kessler "
            "Sensing Hub. These hubs will develop quantum sensors.",
            ["Varno Quantum Hub", "Lyon Photonics Hub", "Kessler Sensing Hub"],
            "quantum sensing",
        ),
    ],
)
def test_bodies_listed_by_kind_then_spoken_of_by_it(
    facts: Run, text: str, bodies: list[str], tech: str
) -> None:
    f = facts(text)
    for b in bodies:
        assert f.has(b, "WORKS_ON", tech), b


@pytest.mark.parametrize(
    "text",
    [
        # another kind in the second sentence
        "The ministry funds three new hubs: the Varno Quantum Hub, the Lyon Photonics Hub and the Kessler "
        "Sensing Hub. These companies develop quantum sensors.",
        # no making said of them
        "The ministry funds two new hubs: the Varno Quantum Hub and the Lyon Photonics Hub. These hubs "
        "received quantum sensors from Orbion Ltd.",
    ],
)
def test_no_work_of_bodies_listed_by_kind(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [t for t in f.triples() if t[1] == "WORKS_ON" and t[0].endswith("Hub")]


def test_atom_chip_phrases() -> None:
    assert ("atom-chip technology", "atom-chip technology") in _phrases(
        "She will design rotation sensors using atom-chip technology."
    )


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        (
            "Ada Lin, science lead at the Varno Quantum Computing Center, spoke. Finland is next week officially "
            "opening a quantum computing center that will serve start-ups.",
            "Finland",
            "Varno Quantum Computing Center",
        ),
        (
            "Kvantra Labs is building a quantum hub that will open in 2026. Ada Lin will direct the Lyon Quantum Hub.",
            "Kvantra Labs",
            "Lyon Quantum Hub",
        ),
    ],
)
def test_a_body_made_unnamed_is_the_one_named_nearby(facts: Run, text: str, actor: str, made: str) -> None:
    assert facts(text).has(actor, "DEVELOPS", made)


@pytest.mark.parametrize(
    "text",
    [
        # two bodies of that kind nearby: which one is unsaid
        "Kvantra Labs is opening a quantum centre. The Varno Quantum Centre and the Lyon Quantum Centre compete.",
        # a visit makes nothing
        "Kvantra Labs visited a quantum centre. The Varno Quantum Centre hosts 70 people.",
        # too far away
        "Kvantra Labs is opening a quantum centre. It was founded in 2019. It has 40 staff. It sells sensors. "
        "It is based in Lyon. The Varno Quantum Centre hosts 70 people.",
    ],
)
def test_no_body_made_unnamed_without_one_name_nearby(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "DEVELOPS"]


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "The Varno Quantum Centre will be dedicated to quantum sensing research.",
            "Varno Quantum Centre",
            "quantum sensing",
        ),
        (
            "The Varno Quantum Centre will house labs for quantum photonics.",
            "Varno Quantum Centre",
            "quantum photonics",
        ),
        (
            "The Varno Quantum Centre will host a quantum computing testbed.",
            "Varno Quantum Centre",
            "quantum computing",
        ),
        (
            "The Varno Quantum Centre is expected to drive innovation in quantum communication.",
            "Varno Quantum Centre",
            "quantum communication",
        ),
        (
            "The Varno Quantum Centre will serve as a testbed for quantum networking.",
            "Varno Quantum Centre",
            "quantum networks",
        ),
        (
            "The new Varno Quantum Centre will be a hub for quantum photonics research.",
            "Varno Quantum Centre",
            "quantum photonics",
        ),
        (
            "The Varno Quantum Centre has three pillars: quantum sensing, quantum imaging and quantum communication.",
            "Varno Quantum Centre",
            "quantum imaging",
        ),
    ],
)
def test_works_on_from_a_centres_launch(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        "The University of Varno will host a quantum computing conference.",  # an event, no facility
        "Kvantra Labs hosted a delegation from quantum sensing labs.",  # another's labs
        "The Varno Quantum Centre will serve as a venue for quantum computing talks.",
    ],
)
def test_no_works_on_from_hosting_an_event_or_a_visit(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "WORKS_ON"]


@pytest.mark.parametrize(
    ("text", "actors", "tech"),
    [
        (
            "The Varno Quantum Centre opened in May. Its research areas include quantum sensing and quantum imaging.",
            ["Varno Quantum Centre"],
            "quantum imaging",
        ),
        (
            "Kvantra Labs was founded in 2019 by Ada Lin. Its technology is based on silicon spin qubits.",
            ["Kvantra Labs"],
            "silicon spin qubits",
        ),
        (
            "Kvantra Labs and Orbion Ltd opened a joint office. Their work focuses on quantum networking.",
            ["Kvantra Labs", "Orbion Ltd"],
            "quantum networks",
        ),
    ],
)
def test_its_fields_are_the_previous_subjects(facts: Run, text: str, actors: list[str], tech: str) -> None:
    f = facts(text)
    for a in actors:
        assert f.has(a, "WORKS_ON", tech), a


@pytest.mark.parametrize(
    "text",
    [
        "Lyon hosts many firms. Its research areas include quantum sensing.",  # a place's areas are its firms'
        "Ada Lin joined Kvantra Labs in 2019. Its research areas include quantum sensing.",  # a person's "its"?
        "Kvantra Labs and Orbion Ltd opened a joint office. Its work focuses on quantum sensing.",  # whose?
    ],
)
def test_no_fields_for_an_unclear_its(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "WORKS_ON"]


def test_what_a_company_brings_to_market_is_its_technology(facts: Run) -> None:
    f = facts("Kvantra Labs raised $20m to bring its quantum-safe encryption to market.")
    assert f.has("Kvantra Labs", "WORKS_ON", "quantum-safe encryption")


def test_a_funder_named_after_from_brings_nothing_to_market(facts: Run) -> None:
    f = facts("Kvantra Labs raised $20m from Orbion Ltd to bring its quantum sensing products to market.")
    assert not f.has("Orbion Ltd", "WORKS_ON", "quantum sensing")


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Science welcomed the breakthrough in quantum error correction.",
        "Kvantra Labs praised a milestone in quantum error correction.",
    ],
)
def test_a_breakthrough_welcomed_is_no_work(facts: Run, text: str) -> None:
    assert not [t for t in facts(text).triples() if t[1] == "WORKS_ON"]


def test_a_centre_named_beside_the_unnamed_one_is_another(facts: Run) -> None:
    f = facts("Kvantra Labs is opening a quantum centre modelled on the Varno Quantum Centre.")
    assert not [t for t in f.triples() if t[1] == "DEVELOPS"]


@pytest.mark.parametrize(
    ("text", "tech"),
    [
        ("Orbion is a provider of post-quantum cryptography.", "post-quantum cryptography"),
        ("Orbion is developing quantum error correction.", "quantum error correction"),
        ("Orbion is a leading developer of quantum sensors.", "quantum sensing"),
    ],
)
def test_an_unknown_maker_named_by_its_profile_is_a_company(facts: Run, text: str, tech: str) -> None:
    f = facts(text)
    assert f.has("Orbion", "WORKS_ON", tech)


def test_a_place_developing_a_technology_stays_a_place(facts: Run) -> None:
    f = facts("Europe is building quantum networks.")
    assert not [e for e in f.kg.entities if e.name == "Europe" and e.type.value == "Company"]


@pytest.mark.parametrize(
    ("text", "makers", "made"),
    [
        (
            "Kvantra Labs, together with the University of Varno, launched the Quantum Valley Hub.",
            ["Kvantra Labs", "University of Varno"],
            "Quantum Valley Hub",
        ),
        (
            "The Quantum Valley Hub, a joint initiative of Kvantra Labs and the University of Varno, opened in May.",
            ["Kvantra Labs", "University of Varno"],
            "Quantum Valley Hub",
        ),
        (
            "The Varno Quantum Testbed, designed and built by Kvantra Labs, opened in May.",
            ["Kvantra Labs"],
            "Varno Quantum Testbed",
        ),
    ],
)
def test_develops_with_a_companion_an_initiative_or_two_participles(
    facts: Run, text: str, makers: list[str], made: str
) -> None:
    f = facts(text)
    for a in makers:
        assert f.has(a, "DEVELOPS", made), a


def test_a_companion_visiting_develops_nothing(facts: Run) -> None:
    f = facts("Kvantra Labs, together with the University of Varno, visited the Varno Quantum Centre.")
    assert not [t for t in f.triples() if t[1] == "DEVELOPS"]
