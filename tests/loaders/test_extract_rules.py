"""Table-driven checks of the extraction rules on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.schemas import Document, KnowledgeGraph

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "The Helsinki Quantum Institute opened a new lab.",
            "Helsinki Quantum Institute",
            "ResearchInstitute",
        ),
        (
            "Officials from the Ministry of Digital Affairs attended.",
            "Ministry of Digital Affairs",
            "GovernmentBody",
        ),
        ("Qubitek Technologies Inc. raised money.", "Qubitek Technologies Inc", "Company"),
        ("The Northern Quantum Cluster grew fast.", "Northern Quantum Cluster", "Cluster"),
        ("Funding came from the Alpine Quantum Initiative.", "Alpine Quantum Initiative", "Program"),
        ("Students of the University of Tartu joined.", "University of Tartu", "University"),
        ("A deal with Nordic Photonics Oy was signed.", "Nordic Photonics Oy", "Company"),
        ("said CEO Maria Lindqvist on Monday.", "Maria Lindqvist", "Person"),
        ("Prof. Ana Souza leads the group.", "Ana Souza", "Person"),
    ],
)
def test_unknown_names_by_pattern(facts: Run, text: str, name: str, etype: str) -> None:
    f = facts(text)
    ent = next(e for e in f.kg.entities if e.name == name)
    assert ent.type.value == etype


def test_acronym_definition_collapses(facts: Run) -> None:
    f = facts(
        "The Baltic Quantum Research Centre (BQRC) signed an MOU with IBM. "
        "BQRC will host the machine. The centre is new."
    )
    e = next(e for e in f.kg.entities if e.name == "Baltic Quantum Research Centre")
    assert "BQRC" in e.aliases
    assert [x.name for x in f.kg.entities].count("Baltic Quantum Research Centre") == 1
    assert ("MOU", frozenset({"Baltic Quantum Research Centre", "IBM"})) in f.agreements()


def test_a_short_name_the_text_defines_beats_a_gazetteer_entry_of_that_name(facts: Run) -> None:
    # CQT is a gazetteer alias of Singapore's Centre for Quantum Technologies; this text
    # defines it as another centre, so every later CQT is that centre
    f = facts(
        "The Kestrel Center for Quantum Technologies (CQT) opened in Ohio. "
        "CQT signed a memorandum of understanding with IBM."
    )
    assert ("MOU", frozenset({"Kestrel Center for Quantum Technologies", "IBM"})) in f.agreements()
    assert not f.has_entity("Centre for Quantum Technologies")
    # without the definition the gazetteer's reading stands
    g = facts("CQT signed a memorandum of understanding with IBM.")
    assert ("MOU", frozenset({"Centre for Quantum Technologies", "IBM"})) in g.agreements()


def test_city_government_is_the_city(facts: Run) -> None:
    f = facts("Espoo is growing. A partnership among IQM, VTT, and the city government was announced.")
    assert (
        "Partnership",
        frozenset({"IQM Quantum Computers", "VTT Technical Research Centre of Finland", "Espoo"}),
    ) in f.agreements()


def test_governments_are_distinct_from_countries(facts: Run) -> None:
    f = facts("The Canadian and Ontario governments invested $40 million in Xanadu.")
    assert f.has("Canadian Government", "INVESTS_IN", "Xanadu")
    assert f.has("Ontario Government", "INVESTS_IN", "Xanadu")
    assert not f.has_entity("Canada")


def test_homonyms_are_not_merged() -> None:
    from qkg.loaders.extract import RuleExtractor
    from qkg.loaders.gazetteer import Entry, Gazetteer
    from qkg.schemas import EntityType

    gaz = Gazetteer()
    gaz.add(Entry("Orion", EntityType.COMPANY, "US"))
    gaz.add(Entry("Orion", EntityType.COMPANY, "FI"))
    gaz.add(Entry("Orion", EntityType.PROGRAM, None))
    assert len({e.id for e in gaz.lookup("Orion")}) == 3
    kg = RuleExtractor(gaz).extract(Document.from_text("Orion raised funds."))
    assert len([e for e in kg.entities if e.name == "Orion"]) == 1


def test_fuzzy_merge_only_above_threshold(facts: Run) -> None:
    # one letter off a gazetteer name: merged; a different institute: not
    f = facts(
        "Researchers at the Max Plank Institute of Quantum Optics and the Max Born Institute of Optics met."
    )
    assert f.has_entity("Max Planck Institute of Quantum Optics")
    assert f.has_entity("Max Born Institute of Optics")


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Oslo-based Qubitrix signed a deal.", ("Qubitrix", "LOCATED_IN", "Oslo")),
        ("Rigetti is headquartered in Berkeley.", ("Rigetti Computing", "LOCATED_IN", "Berkeley")),
        ("The lab is at Aarhus University in Aarhus, Denmark.", ("Aarhus", "LOCATED_IN", "Denmark")),
        (
            "IonQ and Hyundai announced a partnership to build quantum cars.",
            ("IonQ", "PARTNERS_WITH", "Hyundai"),
        ),
        ("Bpifrance invested €20 million in Alice & Bob.", ("Bpifrance", "INVESTS_IN", "Alice & Bob")),
        (
            "Quandela raised €50 million from Bpifrance and Quantonation.",
            ("Quantonation", "INVESTS_IN", "Quandela"),
        ),
        (
            "Delft University of Technology is a member of the Quantum Delta NL.",
            ("Delft University of Technology", "PART_OF", "Quantum Delta NL"),
        ),
        ("Pasqal, one of IQM's competitors, grew.", ("Pasqal", "COMPETES_WITH", "IQM Quantum Computers")),
        ("Quantinuum competes with IonQ in trapped ions.", ("Quantinuum", "COMPETES_WITH", "IonQ")),
        (
            "Riverlane focuses on quantum error correction.",
            ("Riverlane", "WORKS_ON", "quantum error correction"),
        ),
        ("IBM Research is leading the Quantum Flagship.", ("IBM Research", "LEADS", "Quantum Flagship")),
        ("Lena Berg, chief technology officer of Pasqal, spoke.", ("Lena Berg", "AFFILIATED_WITH", "Pasqal")),
        ("Google CEO Sundar Pichai said hello.", ("Sundar Pichai", "AFFILIATED_WITH", "Google")),
        (
            "KAIST and Samsung will establish the Daedeok Quantum Cluster.",
            ("KAIST", "DEVELOPS", "Daedeok Quantum Cluster"),
        ),
    ],
)
def test_relation_rules(facts: Run, text: str, triple: tuple[str, str, str]) -> None:
    f = facts(text)
    assert f.has(*triple), f.triples()


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        (
            "Japan and India signed a memorandum of understanding on quantum sensing.",
            "MOU",
            {"Japan", "India"},
        ),
        (
            "A tripartite partnership among Pasqal, KAIST, and Daejeon was formed.",
            "Partnership",
            {"Pasqal", "KAIST", "Daejeon"},
        ),
        (
            "Germany has signed an agreement with France on quantum networks.",
            "Partnership",
            {"Germany", "France"},
        ),
        (
            "The leaders of Canada and Denmark issued a joint statement on quantum.",
            "JointStatement",
            {"Canada", "Denmark"},
        ),
    ],
)
def test_agreement_rules(facts: Run, text: str, kind: str, parties: set[str]) -> None:
    assert (kind, frozenset(parties)) in facts(text).agreements()


def test_agreement_place_date_topics(facts: Run) -> None:
    f = facts(
        "On 3 March 2025, Japan and Singapore signed a memorandum of understanding in Tokyo on quantum key distribution."
    )
    a = f.kg.agreements[0]
    assert a.date == "2025-03-03"
    assert a.place == f.entity("Tokyo")
    assert a.topics == ("quantum key distribution",)


def test_consortium_members_in_next_sentence(facts: Run) -> None:
    f = facts("The consortium comprises four companies. They are: IonQ, Rigetti, Quantinuum and Infleqtion.")
    assert (
        "Consortium",
        frozenset({"IonQ", "Rigetti Computing", "Quantinuum", "Infleqtion"}),
    ) in f.agreements()


def test_list_members_are_organisations(facts: Run) -> None:
    f = facts("The funders are Quantonation, Zentrix, and Bpifrance, which agreed.")
    assert f.has_entity("Zentrix")


def test_unlinked_technologies_are_not_entities(facts: Run) -> None:
    f = facts("Quantum computing is popular. IBM builds things.")
    assert not f.has_entity("quantum computing")


def test_goals(facts: Run) -> None:
    f = facts(
        "The strategy aims for 500 quantum startups and a 5% market share by 2030, and a €3 billion market by 2032."
    )
    got = {(g.metric, g.value, g.unit, g.target_year) for g in f.kg.goals}
    assert ("quantum startups", 500.0, "quantum startups", 2030) in got
    assert ("market share", 5.0, "%", 2030) in got
    assert ("market", 3e9, "EUR", 2032) in got


def test_no_goal_without_target_language(facts: Run) -> None:
    assert facts("The chip reached a fidelity of 99.9% in tests.").kg.goals == ()


def test_deterministic(facts: Run) -> None:
    text = "KAIST and Pasqal signed an MOU in Daejeon on 1 May 2024. IBM invested $5 million in Pasqal."
    a, b = facts(text).kg, facts(text).kg
    assert a.model_dump_json() == b.model_dump_json()


def test_delta_is_valid_and_self_contained(facts: Run) -> None:
    kg = facts("Oslo-based Qubitrix and the University of Oslo signed an MOU on quantum sensing.").kg
    assert isinstance(KnowledgeGraph.model_validate(kg.model_dump()), KnowledgeGraph)


def test_news_sample_end_to_end(facts: Run) -> None:
    """A short article written for this test (not from the development corpus)."""
    from pathlib import Path

    f = facts((Path(__file__).parent / "news_sample.txt").read_text(encoding="utf-8"))
    assert (
        "Partnership",
        frozenset({"Oxford Ionics", "National Quantum Computing Centre"}),
    ) in f.agreements()
    ionics = f.entity("Oxford Ionics")
    part = next(a for a in f.kg.agreements if a.kind.value == "Partnership" and ionics in a.parties)
    assert part.date == "2024-03-14"
    assert f.has("planqc", "LOCATED_IN", "Munich")
    assert f.has("European Innovation Council Fund", "INVESTS_IN", "planqc")
    assert f.has("UVC Partners", "INVESTS_IN", "planqc")
    assert f.has("Chris Ballance", "AFFILIATED_WITH", "Oxford Ionics")
    assert f.has("Microsoft", "PARTNERS_WITH", "Quantinuum")
    assert f.has("Nvidia", "PARTNERS_WITH", "University of Toronto")
    assert f.has("Dutch Government", "INVESTS_IN", "Quantum Delta NL")
    assert f.has("Quantum Delta NL", "LOCATED_IN", "Delft")
    assert "NQCC" in next(e for e in f.kg.entities if e.name == "National Quantum Computing Centre").aliases
    assert not f.has_entity("Separately")
    assert not f.has_entity("Leave a comment")
    assert any(g.value == 3000 and g.target_year == 2030 for g in f.kg.goals)


def test_news_sample_2_end_to_end(facts: Run) -> None:
    """A second article written for this test: appositions, participles, letters of intent."""
    from pathlib import Path

    f = facts((Path(__file__).parent / "news_sample_2.txt").read_text(encoding="utf-8"))
    assert f.has_entity("Moonshot Research and Development Program")
    assert f.has("Alice & Bob", "LOCATED_IN", "Paris")
    assert f.has("Alice & Bob", "PART_OF", "Quantum Flagship")
    assert ("MOU", frozenset({"Alice & Bob", "Université de Sherbrooke"})) in f.agreements()
    assert f.has("IQM Quantum Computers", "LOCATED_IN", "Espoo")
    assert f.has("IQM Quantum Computers", "COMPETES_WITH", "Rigetti Computing")
    assert f.has("Photonic Inc.", "LOCATED_IN", "Waterloo")
    assert f.has("Photonic Inc.", "PARTNERS_WITH", "Microsoft")
    assert f.has("Théau Peronnin", "AFFILIATED_WITH", "Alice & Bob")


def test_opening_definite_reference_is_the_main_subject(facts: Run) -> None:
    f = facts(
        "Quandela opened a factory in Massy. The French start-up raised €50 million from Bpifrance and Quantonation. "
        "The company focuses on photonic quantum computing and competes with Pasqal."
    )
    assert f.has("Quantonation", "INVESTS_IN", "Quandela")
    assert f.has("Quandela", "WORKS_ON", "photonic quantum computing")
    assert f.has("Quandela", "COMPETES_WITH", "Pasqal")
    assert not f.has("Quantonation", "WORKS_ON", "photonic quantum computing")


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "text",
    [
        "IBM and Google and Intel and " * 5000 + "signed an MOU.",
        "(AB) " * 20000,
        "Quantum Art, " * 20000 + "and IBM signed.",
        "University of " * 5000 + "Tokyo.",
        "said Professor Anna Berg, CEO of Acme Inc., " * 3000,
        "A" * 500000,
    ],
    ids=["coordination", "brackets", "list", "of-chain", "roles", "one-word"],
)
def test_run_on_text_stays_linear(facts: Run, text: str) -> None:
    """Run-on 'sentences' (lists, repeated phrases) must not make the rules quadratic or names huge."""
    kg = facts(text).kg
    assert all(len(e.id) <= 300 for e in kg.entities)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Talvia Quantum Hub, the regional hub for three states (Colorado, New Mexico, and Wyoming), "
            "partnered with Quorvane Labs.",
            ("Talvia Quantum Hub", "PARTNERS_WITH", "Quorvane Labs"),
        ),
        (
            "Orvane Labs, the quantum start-up (Denver, Boulder and Golden), was acquired by Brannic Photonics.",
            ("Orvane Labs", "PART_OF", "Brannic Photonics"),
        ),
    ],
)
def test_an_apposition_with_a_bracketed_place_list_folds_whole(
    facts: Run, text: str, fact: tuple[str, str, str]
) -> None:
    f = facts(text)
    assert f.has(*fact), f.triples()
    assert not {t for t in f.triples() if t[2] in {"Wyoming", "Golden"} and t[1] != "LOCATED_IN"}, f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # a hyphenated role's first part is no company ending ("Co." of "Co-Founder")
        (
            "Ada Lin, the CEO and Co-Founder of Kestrel Venture Studios, said so.",
            "Ada Lin",
            "Kestrel Venture Studios",
        ),
        ("Tom Berg, co-founder of Orbion Studios, spoke.", "Tom Berg", "Orbion Studios"),
        # titles ending in an agent noun are titles, not names
        ("Orbion Quantum's Chief Technology Strategist, Ada Lin, said so.", "Ada Lin", "Orbion Quantum"),
        ("Veltra Systems' chief quantum evangelist, Tom Berg, spoke.", "Tom Berg", "Veltra Systems"),
    ],
)
def test_role_phrases_name_the_person_and_the_organisation(
    facts: Run, text: str, person: str, org: str
) -> None:
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()
    names = {e.name for e in f.kg.entities}
    assert not any(n.startswith(("Co-Founder", "co-founder")) for n in names), names
    assert not any(n.endswith(("Strategist", "Evangelist")) for n in names), names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ministry announced the £15m Kestrel Quantum Fund in May.", "Kestrel Quantum Fund"),
        ("The ministry announced the $2.5bn Kestrel Quantum Programme in May.", "Kestrel Quantum Programme"),
        ("The ministry announced the €40M Kestrel Quantum Initiative in May.", "Kestrel Quantum Initiative"),
    ],
)
def test_an_amount_before_a_name_is_not_part_of_it(facts: Run, text: str, name: str) -> None:
    names = {e.name for e in facts(text).kg.entities}
    assert name in names, names


@pytest.mark.parametrize("name", ["5G Quantum Lab", "1QBit"])
def test_names_may_open_with_digits(facts: Run, name: str) -> None:
    names = {e.name for e in facts(f"{name} signed a memorandum of understanding with IBM.").kg.entities}
    assert name in names, names


def test_organisations_listed_with_their_chiefs_end_before_the_role(facts: Run) -> None:
    f = facts("Orbion CEO Ada Lin and Veltra Labs CEO Tom Berg signed the agreement on Monday.")
    assert ("Partnership", frozenset({"Orbion", "Veltra Labs"})) in f.agreements(), f.agreements()
    assert f.has("Ada Lin", "AFFILIATED_WITH", "Orbion"), f.triples()
    assert f.has("Tom Berg", "AFFILIATED_WITH", "Veltra Labs"), f.triples()


@pytest.mark.parametrize("title", ["President", "Minister", "Dr.", "Prof."])
def test_a_surname_after_a_title_is_no_organisation(facts: Run, title: str) -> None:
    f = facts(f"Kestrel University hired Ada Lin in 2020. On Monday, {title} Lin signed the letter.")
    types = {e.name: e.type.value for e in f.kg.entities}
    assert types.get("Lin") in {None, "Person"}, types


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "- Orbion Quantum: Former CEO and co-founder Ada Lin took the reins again.",
            "Ada Lin",
            "Orbion Quantum",
        ),
        (
            "• Veltra Systems (VSY): In March, Tom Berg was named CEO and President.",
            "Tom Berg",
            "Veltra Systems",
        ),
        (
            "- Veltra Systems: Eva Holm stepped down as CEO of the company in May.",
            "Eva Holm",
            "Veltra Systems",
        ),
    ],
)
def test_a_round_up_item_headed_by_an_organisation_gives_it_the_roles_it_names(
    facts: Run, text: str, person: str, org: str
) -> None:
    assert facts(text).has(person, "AFFILIATED_WITH", org)


def test_a_round_up_item_naming_another_organisation_leaves_roles_to_the_rules(facts: Run) -> None:
    f = facts("- Orbion Quantum: Ada Lin, CEO of Veltra Systems, praised the deal.")
    assert not f.has("Ada Lin", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ada Lin, a physicist who in 2018 started the Paris-based fund Kestrel Capital, spoke.", "Paris"),
        (
            "Tom Berg, founding director of two initiatives in the Netherlands, Orbion Delft and Veltra NL, spoke.",
            "Netherlands",
        ),
    ],
)
def test_a_place_in_a_persons_apposition_that_locates_something_else_is_no_employer(
    facts: Run, text: str, place: str
) -> None:
    f = facts(text)
    assert not [t for t in f.triples() if t[1] == "AFFILIATED_WITH" and t[2] == place], f.triples()


def test_a_place_a_person_works_for_stays_an_affiliation(facts: Run) -> None:
    f = facts("Ada Lin, minister of science of Finland, spoke.")
    assert f.has("Ada Lin", "AFFILIATED_WITH", "Finland"), f.triples()


@pytest.mark.parametrize(
    ("text", "leader", "programme"),
    [
        (
            "The ministry announced the £15m Kestrel Quantum Fund – delivered by Orbion Agency – in May.",
            "Orbion Agency",
            "Kestrel Quantum Fund",
        ),
        (
            "The Kestrel Quantum Programme — led by the Orbion Institute — funds fellowships.",
            "Orbion Institute",
            "Kestrel Quantum Programme",
        ),
        (
            "The Veltra Department of Science also implements the Kestrel Quantum Mission.",
            "Veltra Department of Science",
            "Kestrel Quantum Mission",
        ),
    ],
)
def test_the_body_that_carries_a_programme_out_leads_it(
    facts: Run, text: str, leader: str, programme: str
) -> None:
    assert facts(text).has(leader, "LEADS", programme)


def test_implementing_a_technique_is_no_leadership(facts: Run) -> None:
    assert not [
        t
        for t in facts("Orbion Quantum implements quantum algorithms for Veltra Bank.").triples()
        if t[1] == "LEADS"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Kestrel Quantum Alliance brings together Orbion, Veltra and Kestrel Labs.",
        "The consortium comprises Orbion, Veltra and Kestrel Labs.",
        "Its partners are Orbion, Veltra and Kestrel Labs.",
    ],
)
def test_names_listed_after_a_membership_cue_are_organisations(facts: Run, text: str) -> None:
    types = {e.name: e.type.value for e in facts(text).kg.entities}
    assert types.get("Orbion") == "Company", types
    assert types.get("Veltra") == "Company", types


def test_people_listed_after_a_membership_cue_are_no_organisations(facts: Run) -> None:
    types = {
        e.name: e.type.value for e in facts("The panel brings together Ada Lin and Tom Berg.").kg.entities
    }
    assert "Company" not in types.values(), types


def test_names_inside_a_web_address_are_no_mentions(facts: Run) -> None:
    f = facts(
        "Orbion Quantum (www.orbion-quantum.com) builds sensors. "
        "Read more at https://example.org/news/ibm-and-orbion-quantum-partner-on-quantum-sensing today."
    )
    assert not f.has("IBM", "PARTNERS_WITH", "Orbion Quantum"), f.triples()
    assert "IBM" not in {e.name for e in f.kg.entities}


def test_a_word_that_joins_names_does_not_join_across_the(facts: Run) -> None:
    """'and Digital' may continue one name ('Ministry of Science and Digital'); 'and the Digital'
    opens the next one."""
    f = facts("Funding comes from the Varno Quantum Technologies Programme and the Digital Varno scheme.")
    assert f.has_entity("Varno Quantum Technologies Programme")
    assert not any("and the" in e.name for e in f.kg.entities)
    g = facts("The Ministry of Science and Digital Affairs of Varno funds the hub.")
    assert g.has_entity("Ministry of Science and Digital Affairs of Varno")
