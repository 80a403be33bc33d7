"""Technology phrases as mentions, and WORKS_ON from the wordings of focus, making and description."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.gazetteer import default_gazetteer
from qkg.loaders.rules.technologies import specific_technology, technology_mentions
from qkg.loaders.rules.words import word_list
from qkg.loaders.segment import split_sentences

from .conftest import Facts

Run = Callable[[str], Facts]


def _phrases(text: str) -> list[tuple[str, str]]:
    gaz = default_gazetteer()
    return [(m.text, m.name) for s in split_sentences(text) for m in technology_mentions(s, gaz)]


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        (
            "Orbion sells trapped-ion quantum computers.",
            "trapped-ion quantum computers",
            "trapped-ion quantum computing",
        ),
        ("It studies quantum imaging and timing.", "quantum imaging", "quantum imaging"),
        ("It studies quantum imaging and timing.", "timing", "quantum timing"),
        (
            "It offers hybrid quantum-classical computing.",
            "hybrid quantum-classical computing",
            "hybrid quantum-classical computing",
        ),
        ("It sells post-quantum cryptography.", "post-quantum cryptography", "post-quantum cryptography"),
        (
            "It builds neutral-atom quantum computers.",
            "neutral-atom quantum computers",
            "neutral-atom quantum computing",
        ),
        ("It makes optical quantum chips.", "optical quantum chips", "optical quantum chips"),
        ("It makes quantum sensors.", "quantum sensors", "quantum sensing"),
        ("It makes quantum gyroscopes.", "quantum gyroscopes", "quantum gyroscopes"),
        ("It builds quantum inertial sensors.", "quantum inertial sensors", "quantum inertial sensing"),
        ("It studies atom interferometry.", "atom interferometry", "atom interferometry"),
        ("It sells quantum control software.", "quantum control software", "quantum control software"),
        ("It works on quantum error mitigation.", "quantum error mitigation", "quantum error mitigation"),
        (
            "It offers quantum information processing.",
            "quantum information processing",
            "quantum information processing",
        ),
        ("It tests quantum optimisation.", "quantum optimisation", "quantum optimization"),
        (
            "It runs hybrid HPC-quantum computing.",
            "hybrid HPC-quantum computing",
            "hybrid HPC-quantum computing",
        ),
        (
            "It uses quantum-enhanced machine learning.",
            "quantum-enhanced machine learning",
            "quantum-enhanced machine learning",
        ),
        ("Quantum networking is hard.", "Quantum networking", "quantum networks"),
        ("They sell quantum computing technology.", "quantum computing", "quantum computing"),
        (
            "It funds quantum information sciences and technologies.",
            "quantum information sciences and technologies",
            "quantum information sciences and technologies",
        ),
    ],
)
def test_technology_phrases_and_their_canonical_names(text: str, surface: str, name: str) -> None:
    assert (surface, name) in _phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Quantum Computing Inc. raised money.",  # a company, not a technology
        "Orbion Quantum Systems signed a deal.",
        "The team built a 256-qubit machine.",  # a machine's size, no technology phrase
        "The national security strategy was published.",  # no quantum word
        "It is a quantum leap for the region.",  # "leap" heads no technology
    ],
)
def test_no_technology_phrase(text: str) -> None:
    assert _phrases(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Orbion develops quantum sensing, computing and communication products.",
            ["quantum sensing", "quantum computing", "quantum communication"],
        ),
        (
            "Veltra studies quantum imaging, sensing and timing.",
            ["quantum imaging", "quantum sensing", "quantum timing"],
        ),
        (
            "Kessler builds trapped-ion quantum computers and sensors.",
            ["trapped-ion quantum computing", "trapped-ion quantum sensing"],
        ),
        (
            "Orbion sells quantum key distribution or encryption.",
            ["quantum key distribution", "quantum encryption"],
        ),
        ("Veltra makes superconducting qubits and processors.", ["superconducting processors"]),
        # pairs naming one field or offering stay one
        ("It funds quantum science and technology.", ["quantum science and technology"]),
        ("Orbion sells quantum hardware and software.", ["quantum hardware and software"]),
    ],
)
def test_heads_coordinated_after_a_phrase_share_its_qualifiers(text: str, names: list[str]) -> None:
    found = [n for _, n in _phrases(text)]
    assert all(n in found for n in names), found


@pytest.mark.parametrize(
    "text",
    [
        "Orbion studies quantum sensing, computing, and more.",  # no closing "and <head>"
        "Veltra works on quantum sensing and sensor networks.",  # the item is a phrase of its own
        "Orbion sells quantum sensors and other devices.",  # not a head of its own
    ],
)
def test_no_elided_head(text: str) -> None:
    names = [n for _, n in _phrases(text)]
    assert not {
        "quantum computing",
        "quantum sensor networks",
        "quantum devices",
        "quantum sensing networks",
    } & set(names[1:]), names


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        (
            "The two firms will work in the field of Quantum Sensing this year.",
            "Quantum Sensing",
            "quantum sensing",
        ),
        (
            "In 2019 Orbion built a tiny Quantum Random Number Generator for phones.",
            "Quantum Random Number Generator",
            "quantum random number generation",
        ),
        (
            "Veltra wants to build the best Quantum Computer in Europe.",
            "Quantum Computer",
            "quantum computing",
        ),
    ],
)
def test_a_technology_in_title_case(text: str, surface: str, name: str) -> None:
    assert (surface, name) in _phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Orbion joined the Quantum Sensing Hub last year.",  # a capitalised word after: a longer name
        "Veltra Quantum Sensing raised money.",  # a capitalised word before
        "Orbion Quantum Computing Ltd signed a deal.",
        "The Quantum Leap Fund invests in start-ups.",  # no technology head
        "Analog Quantum Circuits, Orbion and Veltra won contracts.",  # a sentence's start: a name as often
    ],
)
def test_no_technology_in_title_case(text: str) -> None:
    assert not [s for s, _ in _phrases(text) if s[:1].isupper()]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Orbion builds trapped-ion computers for banks.", "trapped-ion computers"),
        ("The lab studies error correction on small chips.", "error correction"),
        ("Its superconducting processors run at 10 mK.", "superconducting processors"),
        ("Veltra sells neutral atom simulators.", "neutral atom simulators"),
        ("Navies want optical clock networks at sea.", "optical clock networks"),
        ("Orbion builds entanglement-based networking gear.", "entanglement-based networking"),
        ("It reported progress on erbium qubits.", "erbium qubits"),
        ("It tests an on-chip quantum repeater.", "on-chip quantum repeater"),
    ],
)
def test_a_way_of_building_quantum_devices_makes_a_phrase_without_the_word_quantum(
    text: str, surface: str
) -> None:
    assert surface in [s for s, _ in _phrases(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The carbon neutral computing centre opened in Lyon.",  # "neutral" alone is no modality
        "It makes photonic chips for data centres.",  # photonics without quantum is no quantum technology
        "Orbion improved its error budget and its correction software.",  # the words apart
        "A superconducting magnet was delivered.",  # no technology head
        "The team tested fault-tolerant computing schemes.",  # a quality, not a way of building
    ],
)
def test_no_phrase_from_a_lone_modality_word(text: str) -> None:
    assert _phrases(text) == []


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Orbion Quantum and Veltra Quantum have developed a superconducting quantum computer.",
            "Veltra Quantum",
            "superconducting quantum computing",
        ),
        (
            "Orbion Quantum and Veltra Quantum have developed a superconducting quantum computer.",
            "Orbion Quantum",
            "superconducting quantum computing",
        ),
        (
            "Veltra Quantum is a developer of optical quantum chips.",
            "Veltra Quantum",
            "optical quantum chips",
        ),
        ("Veltra Quantum, a pioneer in quantum sensing, grew fast.", "Veltra Quantum", "quantum sensing"),
        (
            "Quantum computing start-up Veltra Quantum hired two engineers.",
            "Veltra Quantum",
            "quantum computing",
        ),
        (
            "The neutral-atom quantum computing company Veltra Quantum hired staff.",
            "Veltra Quantum",
            "neutral-atom quantum computing",
        ),
        ("Lyon-based quantum sensing start-up Veltra Quantum opened.", "Veltra Quantum", "quantum sensing"),
        (
            "Veltra Quantum, Portugal's newest quantum sensing startup, won a contract.",
            "Veltra Quantum",
            "quantum sensing",
        ),
        (
            "Officials met Stanford University, which is renowned for its work on quantum imaging and timing.",
            "Stanford University",
            "quantum imaging",
        ),
        (
            "Officials met Stanford University, which is renowned for its work on quantum imaging and timing.",
            "Stanford University",
            "quantum timing",
        ),
        (
            "The ministry backs the development of superconducting quantum systems by Veltra Quantum.",
            "Veltra Quantum",
            "superconducting quantum systems",
        ),
        (
            "Veltra Quantum, which produces quantum optical atomic clocks, won a contract.",
            "Veltra Quantum",
            "quantum optical atomic clocks",
        ),
        (
            "Orbion Quantum and Veltra Quantum have been working together on quantum encryption.",
            "Orbion Quantum",
            "quantum encryption",
        ),
        (
            "Veltra Quantum focuses on hybrid quantum-classical computing.",
            "Veltra Quantum",
            "hybrid quantum-classical computing",
        ),
        (
            "Veltra Quantum specialises in post-quantum cryptography.",
            "Veltra Quantum",
            "post-quantum cryptography",
        ),
        (
            "Veltra University is teaming up with Orbion Quantum to develop and commercialise quantum sensing technology.",
            "Veltra University",
            "quantum sensing",
        ),
        (
            "Veltra University is teaming up with Orbion Quantum to develop and commercialise quantum sensing technology.",
            "Orbion Quantum",
            "quantum sensing",
        ),
        (
            "Veltra Quantum will explore several technologies, including quantum sensors, lasers and cryogenics.",
            "Veltra Quantum",
            "cryogenics",
        ),
        (
            "Veltra Quantum will build a testbed with 24 superconducting qubits.",
            "Veltra Quantum",
            "superconducting quantum computing",
        ),
        (
            "Veltra Quantum will assemble hardware systems based on neutral atoms.",
            "Veltra Quantum",
            "neutral-atom quantum computing",
        ),
        (
            "Orbion Quantum and Veltra Quantum take different approaches to photonic quantum computing.",
            "Orbion Quantum",
            "photonic quantum computing",
        ),
        # a copula or bracket before "<technology> company"
        (
            "Veltra Quantum is a trapped-ion quantum computing company with 40 staff.",
            "Veltra Quantum",
            "trapped-ion quantum computing",
        ),
        ("Orbion Labs (a quantum sensing startup) hired a CFO.", "Orbion Labs", "quantum sensing"),
        ("Veltra Quantum is a Kestrel-based quantum software firm.", "Veltra Quantum", "quantum software"),
        # a descriptor noun and what it does
        ("Veltra Quantum is a spin-out developing quantum sensors.", "Veltra Quantum", "quantum sensing"),
        (
            "Veltra Quantum is one of the few companies building topological qubits.",
            "Veltra Quantum",
            "topological qubits",
        ),
        (
            "Orbion Labs, a start-up focused on quantum key distribution, opened an office.",
            "Orbion Labs",
            "quantum key distribution",
        ),
        # the actor's own line of work
        (
            "Veltra Quantum's core business is quantum key distribution.",
            "Veltra Quantum",
            "quantum key distribution",
        ),
        (
            "Veltra Quantum's mission is to build fault-tolerant quantum computers.",
            "Veltra Quantum",
            "fault-tolerant quantum computing",
        ),
        (
            "Veltra Quantum has an ambitious plan to build a quantum internet.",
            "Veltra Quantum",
            "quantum internet",
        ),
        # leading or moving a field on
        ("Veltra Quantum is at the forefront of quantum networking.", "Veltra Quantum", "quantum networks"),
        (
            "Orbion Labs has made significant progress in quantum error correction.",
            "Orbion Labs",
            "quantum error correction",
        ),
        (
            "Veltra Quantum is active in quantum sensing and quantum communication.",
            "Veltra Quantum",
            "quantum communication",
        ),
        # the way it builds
        (
            "Veltra Quantum uses neutral atoms to build quantum computers.",
            "Veltra Quantum",
            "neutral-atom quantum computing",
        ),
        # a body gathering those who work on a technology
        (
            "The Kestrel Quantum Alliance brings together researchers working on quantum photonics.",
            "Kestrel Quantum Alliance",
            "quantum photonics",
        ),
        # focus on what is done to a technology
        (
            "Veltra Quantum specializes in the development of quantum networking hardware.",
            "Veltra Quantum",
            "quantum networks",
        ),
        # coordinated verbs of making, and supplying
        (
            "Veltra Quantum designs and manufactures superconducting quantum processors.",
            "Veltra Quantum",
            "superconducting quantum processors",
        ),
        (
            "Veltra Quantum will supply quantum random number generators to Orbion Labs.",
            "Veltra Quantum",
            "quantum random number generation",
        ),
        # a relative of possession, a participle clause before the verb, a launched product
        (
            "Orbion Labs, whose quantum sensors are used by navies, raised $5 million.",
            "Orbion Labs",
            "quantum sensing",
        ),
        (
            "Orbion Labs, spun out of the University of Kestrel in 2019, makes neutral-atom quantum computers.",
            "Orbion Labs",
            "neutral-atom quantum computing",
        ),
        (
            "Orbion Labs unveiled a 100-qubit trapped-ion quantum computer.",
            "Orbion Labs",
            "trapped-ion quantum computing",
        ),
        (
            "Orbion Labs launched its first quantum sensor for medical imaging.",
            "Orbion Labs",
            "quantum sensing",
        ),
        # more descriptor nouns, a descriptor with a purpose, a selection to supply
        ("Orbion Labs is an expert in quantum error correction.", "Orbion Labs", "quantum error correction"),
        ("Orbion Labs has been a trailblazer in quantum photonics.", "Orbion Labs", "quantum photonics"),
        (
            "Orbion Labs is the world's first company to commercialise quantum memories.",
            "Orbion Labs",
            "quantum memories",
        ),
        (
            "Orbion Labs is a quantum technology company specialising in cold-atom sensors.",
            "Orbion Labs",
            "cold-atom sensing",
        ),
        (
            "Orbion Labs was selected to supply quantum key distribution equipment to Veltra Telecom.",
            "Orbion Labs",
            "quantum key distribution",
        ),
        (
            "Orbion Labs and the University of Kestrel will work together on research projects in quantum photonics.",
            "Orbion Labs",
            "quantum photonics",
        ),
        (
            "It is the intention for the Kestrel Institute and Orbion Labs to deepen their partnership "
            "by sharing staff in areas such as: quantum metrology, computing and clocks.",
            "Kestrel Institute",
            "quantum metrology",
        ),
        (
            "The partnership between Orbion Labs and Veltra Quantum focuses on quantum key distribution.",
            "Orbion Labs",
            "quantum key distribution",
        ),
        (  # a country, not its ministry: a government body's support is funding (extract._NOT_READ_AS_SUBJECT)
            "Norway has invested heavily in quantum computing.",
            "Norway",
            "quantum computing",
        ),
        (
            "Lyon plans to promote quantum sensing as part of its strategy.",
            "Lyon",
            "quantum sensing",
        ),
        (
            "Veltra Quantum will use the funding to scale its quantum networking platform.",
            "Veltra Quantum",
            "quantum networks",
        ),
        # a focus verb coordinated after a first predicate holding other names in its phrases
        (
            "Orbion Quantum Ltd was spun out of the University of Kestrel in 2019 by founders Ada Lin and "
            "Bo Chen, and works on trapped-ion technology.",
            "Orbion Quantum Ltd",
            "trapped-ion technology",
        ),
        # ... or after a relative clause: the antecedent works on it
        (
            "Veltra Quantum, which is based in Lyon and also works on neutral-atom quantum computing, said "
            "the deal had closed.",
            "Veltra Quantum",
            "neutral-atom quantum computing",
        ),
        (
            "Kessler Capital partnered with Orbion Quantum Ltd, which is based in Lyon and also develops "
            "quantum sensors.",
            "Orbion Quantum Ltd",
            "quantum sensing",
        ),
    ],
)
def test_works_on(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Kessler Ventures provides funding to quantum sensing companies.",
            "Kessler Ventures",
            "quantum sensing",
        ),
        (
            "Founded as a spinoff from the Kessler Institute of Physics, Veltra Quantum is developing quantum sensors.",
            "Kessler Institute of Physics",
            "quantum sensing",
        ),
        (
            "Orbion Quantum will use quantum computing services from Veltra Quantum.",
            "Orbion Quantum",
            "quantum computing",
        ),
        (
            "The Orbion Quantum's first quantum computer adoption project began.",
            "Orbion Quantum",
            "quantum computing",
        ),
        (
            "Students will train on Veltra Quantum's fourth quantum computer.",
            "Veltra Quantum",
            "quantum computing",
        ),
        (
            "Veltra Quantum is a maker of semiconductor wafer-processing tools.",
            "Veltra Quantum",
            "semiconductors",
        ),
        # a customer or partner of such companies is not one
        (
            "Veltra Bank is a partner of companies building topological qubits.",
            "Veltra Bank",
            "topological qubits",
        ),
        ("Veltra Bank is a quantum computing customer of Orbion Labs.", "Veltra Bank", "quantum computing"),
        # using a technology for something other than building is not working on it
        (
            "Veltra Bank uses quantum computing to optimise its portfolios.",
            "Veltra Bank",
            "quantum computing",
        ),
        # launching a programme, a course or a trial of a technology is not making it
        (
            "Veltra Bank launched a quantum computing challenge for students.",
            "Veltra Bank",
            "quantum computing",
        ),
        ("Veltra Bank and Orbion Labs launch quantum network trial", "Veltra Bank", "quantum networks"),
        # supporting another's development, or investing in companies, is no focus of one's own
        (
            "The Ministry of Science of Veltria is supporting the development of quantum sensors by Orbion Labs.",
            "Ministry of Science of Veltria",
            "quantum sensing",
        ),
        (
            "The Ministry of Science of Veltria has invested heavily in quantum computing startups.",
            "Ministry of Science of Veltria",
            "quantum computing",
        ),
        # a company's support of a field is a customer's or funder's word
        ("Veltra Bank is supporting quantum computing.", "Veltra Bank", "quantum computing"),
        (
            "The Orbion Centre brings together Kestrelia's best scientists working on quantum photonics.",
            "Kestrelia",
            "quantum photonics",
        ),
        # the relative clause speaks of the partner, not of the subject
        (
            "Kessler Capital partnered with Orbion Quantum Ltd, which is based in Lyon and also develops "
            "quantum sensors.",
            "Kessler Capital",
            "quantum sensing",
        ),
        # a place in a phrase of location is no subject of the verb after it
        (
            "Kessler Capital partnered with Orbion Quantum Ltd, which is based in Lyon and also develops "
            "quantum sensors.",
            "Lyon",
            "quantum sensing",
        ),
        (
            "Veltra Quantum, which is based in Lyon and also works on neutral-atom quantum computing, said "
            "the deal had closed.",
            "Lyon",
            "neutral-atom quantum computing",
        ),
        # places coordinated in a phrase of origin are no subjects of the relative clause after them
        (
            "Orbion Labs was founded by a team of academics from the UK and Australia who had been "
            "developing photonic quantum processors.",
            "Australia",
            "photonic quantum processors",
        ),
        # a name no mention holds owns the relative clause: nothing is read
        (
            "Kessler Capital partnered with Orbion, which is based in Lyon and also develops quantum sensors.",
            "Kessler Capital",
            "quantum sensing",
        ),
        # a place's expertise or leadership is its firms' or an aim, no work of the place
        (
            "The prototype will demonstrate Portugal's expertise in building quantum computers.",
            "Portugal",
            "quantum computing",
        ),
        (
            "The ministry aims to establish Portugal as a global leader in quantum sensing.",
            "Portugal",
            "quantum sensing",
        ),
    ],
)
def test_no_works_on(facts: Run, text: str, actor: str, tech: str) -> None:
    f = facts(text)
    assert not any(s == actor and t == "WORKS_ON" for s, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        (
            "The Portuguese Government released its National Quantum Roadmap in May 2024.",
            "Portuguese Government",
            "National Quantum Roadmap",
        ),
        (
            "Orbion Quantum Alliance and Veltra Quantum Consortium signed a memorandum of understanding "
            "to formally establish the Global Council of Quantum Makers.",
            "Veltra Quantum Consortium",
            "Global Council of Quantum Makers",
        ),
        (
            "The hub, called the Kessler Quantum Hub, is created in partnership with Orbion Ventures.",
            "Orbion Ventures",
            "Kessler Quantum Hub",
        ),
        (
            "The Kessler Quantum Hub was jointly established by Orbion Ventures and Veltra University.",
            "Veltra University",
            "Kessler Quantum Hub",
        ),
    ],
)
def test_develops(facts: Run, text: str, actor: str, made: str) -> None:
    assert facts(text).has(actor, "DEVELOPS", made)


def test_released_names_the_subjects_own_programme(facts: Run) -> None:
    f = facts("Orbion Ventures praised the Veltra Institute, which released its Quantum Roadmap.")
    assert not f.has("Orbion Ventures", "DEVELOPS", "Quantum Roadmap")


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        (
            "The Orbion Quantum Institute, founded by Veltra University, opened in May.",
            "Veltra University",
            "Orbion Quantum Institute",
        ),
        (
            "The Orbion Quantum Hub, established by Veltra University in 2019, has ten staff.",
            "Veltra University",
            "Orbion Quantum Hub",
        ),
        (
            "The Orbion Quantum Programme, which was launched in 2021 by Kessler Ventures and Veltra University, is large.",
            "Kessler Ventures",
            "Orbion Quantum Programme",
        ),
        (
            "Founded by Veltra University in 2019, the Orbion Quantum Institute has ten staff.",
            "Veltra University",
            "Orbion Quantum Institute",
        ),
        (
            "Launched in 2020 by the Ministry of Science, the Orbion Quantum Programme funds start-ups.",
            "Ministry of Science",
            "Orbion Quantum Programme",
        ),
        (
            "Veltra University is creating a quantum hub called the Orbion Quantum Hub.",
            "Veltra University",
            "Orbion Quantum Hub",
        ),
        (
            "Veltra University will open a new research centre named Orbion Quantum Centre.",
            "Veltra University",
            "Orbion Quantum Centre",
        ),
        (
            "Kessler Ventures and Veltra University have been confirmed as the final contractors for the Orbion Quantum Programme.",
            "Veltra University",
            "Orbion Quantum Programme",
        ),
        (
            "Kessler Ventures won the contract to build the Orbion Quantum Centre.",
            "Kessler Ventures",
            "Orbion Quantum Centre",
        ),
        (
            "Veltra University started the Orbion Quantum Programme last year.",
            "Veltra University",
            "Orbion Quantum Programme",
        ),
        (
            "The Orbion Quantum Mission is an initiative by the Ministry of Science of Veltria to foster research.",
            "Ministry of Science of Veltria",
            "Orbion Quantum Mission",
        ),
        (
            "Orbion Labs and the University of Kestrel have co-founded the Kestrel Quantum Alliance.",
            "Orbion Labs",
            "Kestrel Quantum Alliance",
        ),
        (
            "Orbion Labs, which created the Kestrel Quantum Hub, raised funds.",
            "Orbion Labs",
            "Kestrel Quantum Hub",
        ),
        (
            "The Kestrel Quantum Hub, which Orbion Labs set up in 2019, now has 30 members.",
            "Orbion Labs",
            "Kestrel Quantum Hub",
        ),
        ("Orbion Labs is the founder of the Kestrel Quantum Hub.", "Orbion Labs", "Kestrel Quantum Hub"),
        ("Orbion Labs is behind the Kestrel Quantum Hub.", "Orbion Labs", "Kestrel Quantum Hub"),
        (
            "Orbion Labs is the driving force behind the Kestrel Quantum Hub.",
            "Orbion Labs",
            "Kestrel Quantum Hub",
        ),
        (
            "Orbion Labs is building a quantum computing centre, the Kestrel Quantum Centre, in Lyon.",
            "Orbion Labs",
            "Kestrel Quantum Centre",
        ),
    ],
)
def test_develops_more_wordings(facts: Run, text: str, actor: str, made: str) -> None:
    assert facts(text).has(actor, "DEVELOPS", made)


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        # funding, joining or leading a programme is not making it
        (
            "The Orbion Quantum Programme, funded by Veltra University, is large.",
            "Veltra University",
            "Orbion Quantum Programme",
        ),
        (
            "The Orbion Quantum Programme, joined by Veltra University in 2021, is large.",
            "Veltra University",
            "Orbion Quantum Programme",
        ),
        # a contractor for a body is not the body's maker
        (
            "Kessler Ventures is a contractor for the Ministry of Science.",
            "Kessler Ventures",
            "Ministry of Science",
        ),
        # a company is no initiative's product
        ("Veltra Quantum is a project of Kessler Ventures.", "Kessler Ventures", "Veltra Quantum"),
        # hosting a named event is not making a programme
        ("Veltra University hosted a talk called Quantum Futures.", "Veltra University", "Quantum Futures"),
        # falling behind is no making
        (
            "Orbion Labs fell behind the Kestrel Quantum Hub in rankings.",
            "Orbion Labs",
            "Kestrel Quantum Hub",
        ),
        ("Orbion Labs lags behind the Kestrel Quantum Hub.", "Orbion Labs", "Kestrel Quantum Hub"),
        # a founding member joins what it did not make alone
        (
            "Orbion Labs is a founding member of the Kestrel Quantum Hub.",
            "Orbion Labs",
            "Kestrel Quantum Hub",
        ),
        # funding is not making
        (
            "Orbion Labs, which funded the Kestrel Quantum Hub, raised funds.",
            "Orbion Labs",
            "Kestrel Quantum Hub",
        ),
        (
            "The Kestrel Quantum Hub, which Orbion Labs joined in 2019, now has 30 members.",
            "Orbion Labs",
            "Kestrel Quantum Hub",
        ),
    ],
)
def test_no_develops_more(facts: Run, text: str, actor: str, made: str) -> None:
    assert not facts(text).has(actor, "DEVELOPS", made)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Veltra Quantum, for example, will build a testbed with 24 superconducting qubits.",
            "Veltra Quantum",
            "superconducting quantum computing",
        ),
        (
            "Veltra Quantum builds a processor that exploits spin qubits.",
            "Veltra Quantum",
            "silicon spin qubits",
        ),
        (
            "Orbion Quantum backs photonic quantum computing, an approach also being pursued by tech giants like IBM and Google.",
            "Google",
            "photonic quantum computing",
        ),
        (
            "Trapped-ion quantum computing is being developed by Veltra Quantum and Kessler Systems.",
            "Kessler Systems",
            "trapped-ion quantum computing",
        ),
        (
            "The city works with Veltra University — a global hub for quantum materials research — on sensors.",
            "Veltra University",
            "quantum materials",
        ),
        (
            "Research at the Orbion Lab — especially its work on quantum sensing — is strong.",
            "Orbion Lab",
            "quantum sensing",
        ),
        (
            "Two grants, awarded to Veltra Quantum and Kessler Systems (formerly Kessler Labs), will assemble systems based on neutral atoms.",
            "Kessler Systems",
            "neutral-atom quantum computing",
        ),
        (
            "The Veltra Quantum Institute, dedicated to accelerating the development of quantum computing, opened.",
            "Veltra Quantum Institute",
            "quantum computing",
        ),
        (
            "Veltra University, which is committed to advancing quantum cryptography, hired staff.",
            "Veltra University",
            "quantum cryptography",
        ),
        ("Veltra Quantum is taking a new approach to quantum sensing.", "Veltra Quantum", "quantum sensing"),
    ],
)
def test_works_on_more_wordings(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # funding a technology is investing in it, not working on it
        ("Quantum sensing is funded by Veltra Quantum.", "Veltra Quantum", "quantum sensing"),
        # the rival approach is the giants', not the backer's
        (
            "Orbion Quantum backs photonic quantum computing, an approach also being pursued by tech giants like IBM and Google.",
            "Orbion Quantum",
            "photonic quantum computing",
        ),
        # committed to a pact about a technology, not to the technology
        (
            "Veltra University is committed to the Orbion pact on quantum cryptography.",
            "Veltra University",
            "quantum cryptography",
        ),
    ],
)
def test_no_works_on_more(facts: Run, text: str, actor: str, tech: str) -> None:
    assert not facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Orbion built a 64 qubit quantum computer.", "quantum computer", "quantum computing"),
        (
            "Orbion plans a 1,000 qubit superconducting quantum computer.",
            "superconducting quantum computer",
            "superconducting quantum computing",
        ),
        ("Orbion makes silicon spin qubits.", "silicon spin qubits", "silicon spin qubits"),
    ],
)
def test_a_counted_qubit_opens_no_name(text: str, surface: str, name: str) -> None:
    assert (surface, name) in _phrases(text)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Veltra Quantum emphasises integration with quantum machine learning.",
            "Veltra Quantum",
            "quantum machine learning",
        ),
        (
            "The Orbion Institute prioritises quantum sensing and quantum key distribution.",
            "Orbion Institute",
            "quantum key distribution",
        ),
        (
            "Kessler Quantum Labs is centred on quantum error correction.",
            "Kessler Quantum Labs",
            "quantum error correction",
        ),
        (
            "Veltra Quantum concentrates on trapped-ion quantum computing.",
            "Veltra Quantum",
            "trapped-ion quantum computing",
        ),
        (
            "The two ministers launched the Orbion Institute to accelerate collaboration on quantum sensing.",
            "Orbion Institute",
            "quantum sensing",
        ),
        (
            "Kessler Ventures invested $5 million in Veltra Quantum to speed up the development of quantum key distribution.",
            "Veltra Quantum",
            "quantum key distribution",
        ),
        (
            "Veltra Quantum set up a laboratory in 2024 to advance research in quantum cryptography.",
            "Veltra Quantum",
            "quantum cryptography",
        ),
    ],
)
def test_works_on_by_focus(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # a country advancing a field is a policy, not a focus of work
        (
            "Germany launched a call in 2025 to advance the commercialisation of quantum sensing.",
            "Germany",
            "quantum sensing",
        ),
        # the purpose clause belongs to the nearer actor, not the far subject
        (
            "Kessler Ventures invested $5 million in Veltra Quantum to speed up the development of quantum key distribution.",
            "Kessler Ventures",
            "quantum key distribution",
        ),
        # a person emphasising a field is a quotation, not an actor's focus
        ("R K Menon emphasised quantum sensing.", "R K Menon", "quantum sensing"),
    ],
)
def test_no_works_on_by_focus(facts: Run, text: str, actor: str, tech: str) -> None:
    assert not facts(text).has(actor, "WORKS_ON", tech)


def test_made_by_a_partner_known_by_its_acronym(facts: Run) -> None:
    # the long name goes unrecognised; the acronym in brackets still names a maker
    f = facts(
        "The hub, called the Quantum Forge, is created in partnership with Kessler Ventures "
        "and Pôle d'Innovation Quantique (CEA), an incubator based in Lyon."
    )
    assert f.has("Kessler Ventures", "DEVELOPS", "Quantum Forge")
    assert f.has("CEA", "DEVELOPS", "Quantum Forge")
    assert not f.has("Lyon", "DEVELOPS", "Quantum Forge")


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Kessler Ventures is backing Orbion Quantum with $20 million to fund its ongoing quest to build "
            "the world's first scalable, fault-tolerant quantum computer.",
            "Orbion Quantum",
            "fault-tolerant quantum computing",
        ),
        (
            "Veltra Quantum Inc. said the grant supports its bid to commercialise trapped-ion quantum computers.",
            "Veltra Quantum Inc",
            "trapped-ion quantum computing",
        ),
    ],
)
def test_works_on_by_its_mission(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


def test_a_mission_is_the_nearest_organisations(facts: Run) -> None:
    f = facts(
        "Kessler Ventures is backing Orbion Quantum with $20 million to fund its quest to build a quantum computer."
    )
    assert not f.has("Kessler Ventures", "WORKS_ON", "quantum computing")


def test_works_on_by_building_its_own(facts: Run) -> None:
    f = facts(
        "Orbion Quantum has raised $4.5 million in order to build its very own trapped-ion quantum computer."
    )
    assert f.has("Orbion Quantum", "WORKS_ON", "trapped-ion quantum computing")


def test_a_counted_set_is_no_body_to_develop(facts: Run) -> None:
    # a plural capitalised group the text counts is a class of groups, not one (rules/group_names)
    f = facts("The Veltran Ministry of Science launched three Quantum Research Hubs in 2024.")
    assert not f.has_entity("Quantum Research Hubs")
    assert not any(t == "DEVELOPS" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    ("text", "actor", "tech", "expected"),
    [
        (
            "Orbion Quantum and Veltra University today announced a new agreement, extending their joint efforts "
            "in quantum sensing and quantum key distribution.",
            "Veltra University",
            "quantum key distribution",
            True,
        ),
        (
            "Veltra University announced on Monday that it would continue its research into quantum sensing.",
            "Veltra University",
            "quantum sensing",
            True,
        ),
        # "their" with a single subject points elsewhere
        (
            "Orbion Quantum welcomed the customers and their efforts in quantum sensing.",
            "Orbion Quantum",
            "quantum sensing",
            False,
        ),
    ],
)
def test_works_on_by_own_efforts(facts: Run, text: str, actor: str, tech: str, expected: bool) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech) is expected


def test_second_aim_far_from_the_subject_develops(facts: Run) -> None:
    f = facts(
        "Orbion Quantum and the Kessler Institute have entered into an agreement to establish a joint "
        "lab and begin building Austria's first quantum computer."
    )
    for maker in ("Orbion Quantum", "Kessler Institute"):
        assert f.has(maker, "DEVELOPS", "Austria's first quantum computer"), f.triples()


def test_countries_agree_to_launch_a_joint_call(facts: Run) -> None:
    f = facts("Canada and Germany have agreed to launch a joint call for proposals in January 2026.")
    for country in ("Canada", "Germany"):
        assert f.has(country, "DEVELOPS", "joint call for proposals"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Sanko won the Korean government's first quantum computer adoption project.",
        "Orbion's first quantum computer was sold in May.",
    ],
)
def test_first_machine_only_of_a_place_and_not_a_project_named_after_it(facts: Run, text: str) -> None:
    assert not [e for e in facts(text).kg.entities if "first quantum computer" in e.name]


def test_gapped_focus_list_gives_each_its_technology(facts: Run) -> None:
    f = facts(
        "The Kessler Institute focuses on quantum computing, Veltra University with the Nordlys Laboratory on "
        "quantum communication, and Orbion Systems on quantum sensing."
    )
    assert f.has("Kessler Institute", "WORKS_ON", "quantum computing"), f.triples()
    assert f.has("Nordlys Laboratory", "WORKS_ON", "quantum communication"), f.triples()
    assert f.has("Veltra University", "WORKS_ON", "quantum communication"), f.triples()
    assert f.has("Orbion Systems", "WORKS_ON", "quantum sensing"), f.triples()
    assert not f.has("Orbion Systems", "WORKS_ON", "quantum computing"), f.triples()


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # the way an actor builds is its technology
        (
            "Orbion Inc.'s technique involves building quantum computers using silicon spin qubits.",
            "Orbion Inc",
            "silicon spin qubits",
        ),
        (
            "Kessler Systems' platform is based on trapped-ion qubits.",
            "Kessler Systems",
            "trapped-ion qubits",
        ),
        (
            "Orbion Inc.'s processors rely on superconducting qubits.",
            "Orbion Inc",
            "superconducting quantum computing",
        ),
        # money raised for the development of its own technology
        (
            "Orbion Inc. has raised £42 million to help fund development of its silicon-based quantum chips.",
            "Orbion Inc",
            "silicon-based quantum chips",
        ),
        (
            "Kessler Systems will spend the money on the commercialisation of its quantum gravimeters.",
            "Kessler Systems",
            "quantum gravimeters",
        ),
        # a co-developer, and a collection of made things
        (
            "Veltra Labs, who will co-develop quantum networking solutions with Orbion Inc., said so.",
            "Veltra Labs",
            "quantum networks",
        ),
        ("Orbion Inc. is developing a suite of quantum sensor products.", "Orbion Inc", "quantum sensing"),
        ("Orbion Inc. designs a range of trapped-ion computers.", "Orbion Inc", "trapped-ion computing"),
        # knowledge in a field
        (
            "Kessler University's deep knowledge in quantum photonics helps.",
            "Kessler University",
            "quantum photonics",
        ),
    ],
)
def test_works_on_from_technique_development_and_collections(
    facts: Run, text: str, actor: str, tech: str
) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        # a goal or plan of deploying a technology is no focus of the owner's
        (
            "The Ruritanian Space Agency's goal of deploying quantum sensors is clear.",
            "Ruritanian Space Agency",
            "quantum sensing",
        ),
        # the technique's machine is not what the actor is said to work on
        (
            "Orbion Inc.'s technique involves building quantum computers using silicon spin qubits.",
            "Orbion Inc",
            "quantum computing",
        ),
        # a funder of another's development
        (
            "Orbion Inc. said Kessler Systems funds the development of its quantum sensors.",
            "Kessler Systems",
            "quantum sensing",
        ),
    ],
)
def test_no_works_on_from_a_goal_a_machine_or_a_funder(facts: Run, text: str, actor: str, tech: str) -> None:
    assert not facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Veltra Ventures led $50 million in Orbion Inc., focusing on superconducting qubits.",
            "Orbion Inc",
            "superconducting quantum computing",
        ),
        ("Orbion Inc., which specialises in quantum sensing, grew.", "Orbion Inc", "quantum sensing"),
        (
            "Kessler Systems, working on trapped-ion computers, grew.",
            "Kessler Systems",
            "trapped-ion computing",
        ),
    ],
)
def test_works_on_from_an_apposed_focus(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


def test_an_apposed_focus_is_the_nearest_actors(facts: Run) -> None:
    f = facts("Veltra Ventures led $50 million in Orbion Inc., focusing on superconducting qubits.")
    assert not f.has("Veltra Ventures", "WORKS_ON", "superconducting quantum computing")


def test_a_focus_list_with_plain_items_gives_each_technology(facts: Run) -> None:
    f = facts(
        "Orbion Inc. specializes in trapped-ion quantum computers, entanglement-based networking, "
        "high-performance quantum clocks, and inertial sensors."
    )
    assert f.has("Orbion Inc", "WORKS_ON", "quantum clocks")
    assert f.has("Orbion Inc", "WORKS_ON", "entanglement-based networking")


def test_a_purpose_clause_is_no_stated_focus_of_the_first_partner(facts: Run) -> None:
    f = facts("Kessler Labs partnered with Orbion Inc. to advance research in quantum sensing.")
    assert not f.has("Kessler Labs", "WORKS_ON", "quantum sensing")


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        (
            "Norway and Finland on Monday announced establishment of a Nordic Network Centre on Quantum Sensing.",
            "Norway",
            "Nordic Network Centre on Quantum Sensing",
        ),
        ("Orbion Inc. welcomed the launch of the Kessler Quantum Hub.", "Orbion Inc", "Kessler Quantum Hub"),
        (
            "Veltra Labs completed the setting up of its Orbion Research Centre.",
            "Veltra Labs",
            "Orbion Research Centre",
        ),
    ],
)
def test_develops_from_announced_making(facts: Run, text: str, actor: str, made: str) -> None:
    assert facts(text).has(actor, "DEVELOPS", made)


def test_announced_making_needs_a_named_thing(facts: Run) -> None:
    f = facts("Orbion Inc. announced the opening of a new office in Kessler Park.")
    assert not [t for t in f.triples() if t[1] == "DEVELOPS"]


@pytest.mark.parametrize("modality", sorted(word_list("technology_modalities")))
def test_every_listed_modality_makes_a_phrase(modality: str) -> None:
    hyphenated = modality.replace(" ", "-")
    assert _phrases(f"Orbion studies {hyphenated} sensors."), hyphenated
    assert _phrases(f"{hyphenated.capitalize()} sensors are studied."), hyphenated


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Earlier this year, Kessler Systems launched its first quantum computer using trapped ions.",
            "Kessler Systems",
            "trapped-ion quantum computing",
        ),
        (
            "Orbion Inc. unveiled a quantum sensor based on cold-atom interferometry.",
            "Orbion Inc",
            "cold-atom interferometry",
        ),
    ],
)
def test_works_on_the_way_a_made_machine_works(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    ("text", "actor", "tech"),
    [
        (
            "Orbion Inc. raised $5 million for the commercialisation of quantum gravimeters.",
            "Orbion Inc",
            "quantum gravimeters",
        ),
        (
            "Kessler Systems will spend the proceeds on the scale-up of trapped-ion computers.",
            "Kessler Systems",
            "trapped-ion computing",
        ),
    ],
)
def test_works_on_what_money_develops(facts: Run, text: str, actor: str, tech: str) -> None:
    assert facts(text).has(actor, "WORKS_ON", tech)


def test_a_funder_of_anothers_development_does_not_work_on_it(facts: Run) -> None:
    f = facts("Kessler Labs funds the development of quantum gravimeters at Orbion Inc.")
    assert not f.has("Kessler Labs", "WORKS_ON", "quantum gravimeters")


def test_a_place_works_on_what_its_efforts_advance(facts: Run) -> None:
    assert facts("Portugal's efforts in advancing quantum sensing got a boost.").has(
        "Portugal", "WORKS_ON", "quantum sensing"
    )


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        # a strategy or plan is made when its maker announces it
        (
            'The Ministry of Science (MOS) announced the "Quantum Leap Strategy" for the country on June 27th.',
            "Ministry of Science",
            "Quantum Leap Strategy",
        ),
        (
            "The Ruritanian Research Agency unveiled its National Quantum Plan today.",
            "Ruritanian Research Agency",
            "National Quantum Plan",
        ),
        # founders of a consortium form it
        (
            "Orbion Labs and Veltra Systems have joined forces to form the Quantum Applications Consortium.",
            "Veltra Systems",
            "Quantum Applications Consortium",
        ),
    ],
)
def test_develops_by_announcing_or_forming(facts: Run, text: str, actor: str, made: str) -> None:
    got = facts(text)
    assert got.has(actor, "DEVELOPS", made), got.triples()


@pytest.mark.parametrize(
    ("text", "actor", "made"),
    [
        # a call or a grant announced under a programme is no making of the programme
        (
            "The Ruritanian Research Agency announced the Quantum Leap Programme call for proposals.",
            "Ruritanian Research Agency",
            "Quantum Leap Programme",
        ),
        # what another made is presented, not made
        (
            "The Ruritanian Research Agency presented the National Quantum Plan by the Veltra Institute.",
            "Ruritanian Research Agency",
            "National Quantum Plan",
        ),
        # a member that forms part of a group does not make it
        (
            "Orbion Labs forms part of the Quantum Applications Consortium.",
            "Orbion Labs",
            "Quantum Applications Consortium",
        ),
    ],
)
def test_no_develops_by_announcing_or_forming(facts: Run, text: str, actor: str, made: str) -> None:
    got = facts(text)
    assert not got.has(actor, "DEVELOPS", made), got.triples()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The field has moved fast since trapped-ion quantum computers first ran in a lab.",
            "trapped-ion quantum computing",
        ),
        ("Interest in superconducting qubits has grown in Kestrel.", "superconducting qubits"),
        ("Banks are looking at quantum key distribution again.", "quantum key distribution"),
        ("The report weighs post-quantum cryptography against older schemes.", "post-quantum cryptography"),
        ("Silicon spin qubits were the theme of the day.", "silicon spin qubits"),
    ],
)
def test_a_specific_technology_is_kept_without_a_relation(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert f.has_entity(name)
    assert not f.kg.relations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The quantum computing industry is taking another step.", "quantum computing"),
        ("Quantum technology is on every minister's lips.", "quantum technology"),
        ("A fault-tolerant quantum computer is years away.", "fault-tolerant quantum computing"),
        ("The report covers quantum processors at length.", "quantum processors"),
        ("Talk of quantum key technologies filled the hall.", "quantum key technology"),
    ],
)
def test_a_common_technology_noun_needs_a_relation(facts: Run, text: str, name: str) -> None:
    assert not facts(text).has_entity(name)


@pytest.mark.parametrize(
    ("name", "specific"),
    [
        ("neutral-atom quantum computing", True),
        ("photonic quantum computing", True),
        ("quantum annealing", True),
        ("quantum random number generators", True),
        ("quantum computing", False),
        ("quantum software", False),
        ("quantum science and technology", False),
        ("superconducting quantum technology", False),
    ],
)
def test_which_technologies_are_specific(name: str, specific: bool) -> None:
    assert specific_technology(name) is specific


def test_a_count_spelled_out_opens_no_name() -> None:
    assert ("quantum computer", "quantum computing") in _phrases(
        "Orbion built a five-qubit quantum computer."
    )
    assert _phrases("Orbion studies spin-qubit sensors.")


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "Orbion Quantum is known for its neutral atom platforms.",
            "neutral-atom quantum computing",
            "neutral atom platform",
        ),
        (
            "Orbion Quantum sells quantum key distribution technologies.",
            "quantum key distribution",
            "quantum key distribution technology",
        ),
        (
            "Orbion Quantum is developing a trapped-ion approach.",
            "trapped-ion quantum computing",
            "trapped-ion approach",
        ),
    ],
)
def test_a_technology_answers_to_its_platform_wording(facts: Run, text: str, name: str, alias: str) -> None:
    f = facts(text)
    assert alias in f.kg.entities[[e.name for e in f.kg.entities].index(name)].aliases
    assert f.has("Orbion Quantum", "WORKS_ON", name)


@pytest.mark.parametrize(
    ("text", "actor", "other"),
    [
        # a purpose after the object of a preposition is the clause subject's
        (
            "Orbion Quantum was spun out of Kestrel University to commercialise quantum sensing research.",
            "Orbion Quantum",
            "Kestrel University",
        ),
        (
            "Orbion Quantum received a grant from the Kestrel Science Agency to develop quantum sensors.",
            "Orbion Quantum",
            "Kestrel Science Agency",
        ),
        # money put "in" a company to develop: the company develops, not the investor
        (
            "Kestrel Ventures invested in Orbion Quantum to develop quantum sensors.",
            "Orbion Quantum",
            "Kestrel Ventures",
        ),
    ],
)
def test_a_purpose_is_the_subjects_not_a_prepositions_object(
    facts: Run, text: str, actor: str, other: str
) -> None:
    f = facts(text)
    assert f.has(actor, "WORKS_ON", "quantum sensing")
    assert f.has_entity(other)
    assert not f.has(other, "WORKS_ON", "quantum sensing")


def test_researchers_at_a_university_develop_for_it(facts: Run) -> None:
    assert facts("Researchers at Kestrel University have developed a new quantum sensor.").has(
        "Kestrel University", "WORKS_ON", "quantum sensing"
    )


def test_a_scare_quote_inside_a_phrase_does_not_end_it(facts: Run) -> None:
    f = facts("Orbion Quantum chose superconducting “qubits” for its first machine.")
    assert f.has_entity("superconducting quantum computing")


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum prefers superconducting “qubits,” a route taken by Quantix Labs.",
        "Orbion Quantum uses superconducting qubits, the approach adopted by Quantix Labs.",
    ],
)
def test_an_approach_taken_by_an_actor(facts: Run, text: str) -> None:
    assert facts(text).has("Quantix Labs", "WORKS_ON", "superconducting quantum computing")


@pytest.mark.parametrize(
    ("text", "investor", "tech"),
    [
        (
            "Kestrel Ventures, an investor in quantum sensing start-ups, raised a new fund.",
            "Kestrel Ventures",
            "quantum sensing",
        ),
        (
            "Kestrel Bank, a customer of quantum key distribution firms, signed a deal.",
            "Kestrel Bank",
            "quantum key distribution",
        ),
        (
            "Kestrel Ventures focuses on investing in quantum computing companies.",
            "Kestrel Ventures",
            "quantum computing",
        ),
        (
            "Kestrel Ventures specialises in funding quantum sensing start-ups.",
            "Kestrel Ventures",
            "quantum sensing",
        ),
        # "its" after a preposition's object is the subject's
        (
            "Orbion Quantum raised $20m from Kestrel Ventures to scale its quantum sensing platform.",
            "Kestrel Ventures",
            "quantum sensing",
        ),
        # the technology names the makers or deals a focus is on
        (
            "Kestrel Capital's quantum fund focuses on quantum computing start-ups.",
            "Kestrel Capital",
            "quantum computing",
        ),
        (
            "Kestrel Ventures has deep expertise in quantum sensing investments.",
            "Kestrel Ventures",
            "quantum sensing",
        ),
        # a person's work in a relative clause is not their employer's statement
        (
            "Orbion Quantum hired Ada Lin, a former Quantix Labs engineer who worked on superconducting qubits.",
            "Quantix Labs",
            "superconducting quantum computing",
        ),
    ],
)
def test_investors_and_customers_of_makers_make_nothing(
    facts: Run, text: str, investor: str, tech: str
) -> None:
    f = facts(text)
    assert f.has_entity(investor)
    assert not f.has(investor, "WORKS_ON", tech)


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum, one of the companies building topological qubits, raised money.",
        "Orbion Quantum, a developer of topological qubits, raised money.",
        "Orbion Quantum focuses on the design of topological qubits.",
    ],
)
def test_makers_described_in_an_apposition_or_a_focus(facts: Run, text: str) -> None:
    assert facts(text).has("Orbion Quantum", "WORKS_ON", "topological qubits")


def test_its_technology_after_the_subject_stays(facts: Run) -> None:
    f = facts("Orbion Quantum will use the money to scale its quantum sensing platform.")
    assert f.has("Orbion Quantum", "WORKS_ON", "quantum sensing")
