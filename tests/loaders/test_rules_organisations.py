"""Organisations: names found by their context, government bodies and levels (made-up names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.gazetteer import default_gazetteer
from qkg.loaders.mentions import find_mentions
from qkg.loaders.rules.mention import Mention
from qkg.loaders.rules.organisations import recurring_names
from qkg.loaders.segment import split_sentences
from qkg.schemas import EntityType

from .conftest import Facts

Run = Callable[[str], Facts]


def _types(f: Facts) -> dict[str, str]:
    return {e.name: e.type.value for e in f.kg.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Orbion announced a new sensor on Tuesday.", "Orbion"),
        ("In March, Veltra Quantum has raised $20 million.", "Veltra Quantum"),
        ("Analysts said that Orbion will supply the cryostats.", "Orbion"),
        ("Orbion's CEO Ada Lin said the chip is ready.", "Orbion"),
        ("Orbion CEO Ada Lin said the chip is ready.", "Orbion"),
        ("Shares of Orbion rose 5% on Monday.", "Orbion"),
        ("Kessler Ventures invested in Orbion last year.", "Orbion"),
        ("The French research agency Cerelia will coordinate the work.", "Cerelia"),
        ("Ruritania's metrology institute PTQ joined the project.", "PTQ"),
        ("The round was led by the investment bank Nordlys.", "Nordlys"),
        ("Italy's CRNQ signed the agreement.", "CRNQ"),
        ("Hanbit Telecom announced a quantum network trial.", "Hanbit Telecom"),
        ("Sanko Electric will supply the cryostats.", "Sanko Electric"),
        ("Funding came from the Nordic Kessler Bank.", "Nordic Kessler Bank"),
        ("Brightwater Partners, Alder Capital and Sanko Securities joined the round.", "Sanko Securities"),
        (
            "Brightwater Partners, Alder Capital and Sanko Securities joined the round.",
            "Brightwater Partners",
        ),
        ("The trial was run with Tamura Holdings.", "Tamura Holdings"),
    ],
)
def test_unknown_names_with_a_cue(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert f.has_entity(name), sorted(f.names.values())


def test_ticker_marks_a_company(facts: Run) -> None:
    f = facts("Orbion Systems (NASDAQ: ORBS) reported revenue growth.")
    assert _types(f).get("Orbion Systems") == "Company"


def test_company_final_word_wins_over_an_inner_university(facts: Run) -> None:
    f = facts("The fund is run by University of Ruritania Edge Capital Partners.")
    assert _types(f).get("University of Ruritania Edge Capital Partners") == "Company"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The French research agency Cerelia will coordinate the work.", "GovernmentBody"),
        ("Ruritania's metrology institute PTQ joined the project.", "ResearchInstitute"),
    ],
)
def test_kind_noun_gives_the_type(facts: Run, text: str, kind: str) -> None:
    f = facts(text)
    assert kind in _types(f).values()


@pytest.mark.parametrize(
    "text",
    [
        "Researchers announced a breakthrough.",
        "Today announced the winners.",
        "Jane Smith announced her resignation.",
        "March announced nothing new.",
        "It raised $5 million.",
        "The news agency Tidings reported the deal.",
        "Officials unveiled the plan.",
        "Sales rose during Q3 2026.",
    ],
)
def test_no_organisation_without_a_name(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [
        e for e in f.kg.entities if e.type.value in {"Company", "ResearchInstitute", "GovernmentBody"}
    ]


def test_demonym_in_a_between_phrase_is_no_company(facts: Run) -> None:
    f = facts("The letter strengthens cooperation between Ruritanian and Japanese stakeholders.")
    assert not f.has_entity("Japanese")


@pytest.mark.parametrize(
    ("text", "name", "etype", "alias"),
    [
        ("The City of Lakeport and Orbion signed an MOU.", "Lakeport", "City", "City of Lakeport"),
        ("The State of Ruritania and Orbion signed an MOU.", "Ruritania", "Region", "State of Ruritania"),
        ("The Free State of Bavaria and Orbion signed an MOU.", "Bavaria", "Region", "Free State of Bavaria"),
        ("The Province of Quebec and Orbion signed an MOU.", "Quebec", "Region", "Province of Quebec"),
    ],
)
def test_level_of_place(facts: Run, text: str, name: str, etype: str, alias: str) -> None:
    f = facts(text)
    e = next(e for e in f.kg.entities if e.name == name)
    assert e.type.value == etype
    assert alias in e.aliases
    assert f.has(name, "PARTNERS_WITH", "Orbion")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lakeport Metropolitan Government and Orbion signed an MOU.", "Lakeport Metropolitan Government"),
        ("The Government of Ruritania and Orbion signed an MOU.", "Government of Ruritania"),
        ("The government of Lakeside District invested in Orbion.", "government of Lakeside District"),
    ],
)
def test_named_governments(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert _types(f).get(name) == "GovernmentBody"


def test_county_and_many_levels_of_government(facts: Run) -> None:
    f = facts(
        "Orbion, the State of Ruritania, Franklin County and the City of Lakeport announced a quantum hub."
    )
    assert _types(f).get("Franklin County") == "Region"
    assert f.has_entity("Orbion")
    assert f.has_entity("City of Lakeport")


@pytest.mark.parametrize(
    "text",
    [
        "The State of Quantum report was released.",
        "The City of Light Award went to a photonics team.",
    ],
)
def test_levels_need_a_place(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [e for e in f.kg.entities if e.type.value in {"City", "Region"}]


def test_legal_suffix_full_stop_keeps_the_party_list(facts: Run) -> None:
    f = facts("Orbion Inc., Veltra Quantum and Kessler Ventures signed a memorandum of understanding.")
    assert f.has("Orbion Inc", "PARTNERS_WITH", "Veltra Quantum")
    assert f.has("Orbion Inc", "PARTNERS_WITH", "Kessler Ventures")


def test_sentence_final_legal_suffix_stays_outside(facts: Run) -> None:
    f = facts("Veltra Quantum signed a supply deal with Sanko Electric Co.")
    assert f.has_entity("Sanko Electric Co")


def test_list_continues_after_parenthesised_amounts(facts: Run) -> None:
    f = facts(
        "Contracts went to Q-CTRL ($3.1m), Veltra Quantum ($2.9m), Kelvora ($2.1m) and Tamsin Atomics ($1.9m)."
    )
    for name in ("Veltra Quantum", "Kelvora", "Tamsin Atomics"):
        assert f.has_entity(name), name


def test_list_tail_stops_at_a_role(facts: Run) -> None:
    f = facts("IBM, Google, Chief Executive Ada Lin said the deal was good.")
    assert not f.has_entity("Chief Executive Ada Lin")


def test_national_arm_of_a_known_company(facts: Run) -> None:
    f = facts("The contract was won by IBM Australia.")
    assert _types(f).get("IBM Australia") == "Company"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The newly launched QX-LINK project has been selected for funding.", "QX-LINK"),
        ("Orbion coordinates the QUANTIX programme.", "QUANTIX"),
    ],
)
def test_coined_project_names(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert _types(f).get(name) == "Program"


def test_abbreviations_are_not_projects(facts: Run) -> None:
    f = facts("The AI initiative and the HPC project were discussed.")
    assert not f.has_entity("AI")
    assert not f.has_entity("HPC")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Officials of the Ruritanian Ministry of Research, Technology and Space met Orbion.",
            "Ruritanian Ministry of Research, Technology and Space",
        ),
        (
            "The post sits within the Department for Commerce, Energy and Industrial Policy.",
            "Department for Commerce, Energy and Industrial Policy",
        ),
    ],
)
def test_field_list_in_a_ministry_name(facts: Run, text: str, name: str) -> None:
    assert facts(text).has_entity(name)


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        (
            "Ada Lin is director of the Kestrel Computing and Simulation Hub.",
            "Kestrel Computing and Simulation Hub",
            "Simulation Hub",
        ),
        ("The Nordvik Sensing and Timing Hub opened in May.", "Nordvik Sensing and Timing Hub", "Timing Hub"),
        (
            "Orbion joined the Kestrel Networks and Sensing Centre last year.",
            "Kestrel Networks and Sensing Centre",
            "Kestrel Networks",
        ),
    ],
)
def test_fields_coordinated_inside_a_hub_name(facts: Run, text: str, name: str, wrong: str) -> None:
    """ "A and B <head>" with two fields is one name, not a company and a hub."""
    f = facts(text)
    assert f.has_entity(name)
    assert not f.has_entity(wrong)


def test_a_company_and_a_named_lab_stay_two(facts: Run) -> None:
    f = facts("Kessler Photonics and Orbion Labs signed an MOU in Lyon.")
    assert f.has_entity("Kessler Photonics")
    assert f.has_entity("Orbion Labs")


def test_actors_listed_after_a_ministry_stay_apart(facts: Run) -> None:
    f = facts("The Ministry of Science, Orbion and Veltra Quantum signed an MOU.")
    assert f.has_entity("Orbion")
    assert f.has_entity("Ministry of Science")


def test_hyphenated_demonym_is_no_party(facts: Run) -> None:
    f = facts("The round was led by Kessler Ventures and the Japanese-European fund NordicNinja.")
    assert not f.has_entity("Japanese-European")


def test_legal_suffix_of_a_known_company_resolves_to_it(facts: Run) -> None:
    f = facts("Samir Patel, general manager of Microsoft Corp.'s venture unit, invested in Orbion.")
    assert not f.has_entity("Microsoft Corp")
    assert f.has_entity("Microsoft")


def test_investor_leading_a_round(facts: Run) -> None:
    f = facts("Kelvora led the new funding, joined by Alder Capital.")
    assert f.has_entity("Kelvora")


def test_gazetteer_entries_have_only_known_fields() -> None:
    """A comma in an unquoted flow-style name silently splits it (YAML): catch that here."""
    from importlib import resources

    import yaml

    text = resources.files("qkg.loaders").joinpath("data/gazetteer.yaml").read_text(encoding="utf-8")
    fields = {"name", "country", "wikidata", "aliases", "demonym"}
    stray = [e for entries in yaml.safe_load(text).values() for e in entries if set(e) - fields]
    assert stray == []


def test_lowercase_level_and_a_named_park(facts: Run) -> None:
    f = facts(
        "The State of Ruritania, Lake County and the city of Lakeport announced that the new Ruritania "
        "Quantum and Microelectronics Park will be built on a former steel site."
    )
    types = _types(f)
    assert types.get("Lakeport") == "City"
    assert types.get("Lake County") == "Region"
    assert types.get("Ruritania Quantum and Microelectronics Park") == "Cluster"


def test_region_adjectives_are_no_parties(facts: Run) -> None:
    f = facts("There was cooperation between Western and Ruritanian organisations.")
    assert not f.has_entity("Western")


def test_ampersand_spelling_of_a_known_name(facts: Run) -> None:
    f = facts("UK Research & Innovation and Orbion signed an MOU.")
    assert f.has_entity("UK Research and Innovation")
    assert not f.has_entity("UK Research")


def test_known_body_with_a_portfolio_is_the_body(facts: Run) -> None:
    f = facts(
        "Ada Lin, Executive Vice-President of the European Commission for Tech Sovereignty, met Orbion."
    )
    assert not f.has_entity("European Commission for Tech Sovereignty")


@pytest.mark.parametrize(
    "text",
    [
        "The Minister of State for Science, Research and Innovation met Orbion.",
        "Quantum is on the List of Critical Technologies in the National Interest.",
        "Skip to contentSkip to navigationSkip to footerHelp.",
        "The LiDAR market grew.",
    ],
)
def test_not_organisations(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [e for e in f.kg.entities if e.type.value in {"Company", "ResearchInstitute"}]


def test_role_before_of_still_names_the_company(facts: Run) -> None:
    f = facts("Ada Lin, Country Manager of Sanko Electric Oy, joined the panel.")
    assert f.has_entity("Sanko Electric Oy")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Funding came from existing investors such as Tessa, Elmwood Mutual Pension Insurance and World Fund.",
            ["Tessa", "Elmwood Mutual Pension Insurance"],
        ),
        (
            "The initiative supports companies including Sanko, and startups like OptiQ and Jijo.",
            ["Sanko", "Jijo"],
        ),
        ("Orbion and Kelvion have developed a superconducting quantum computer.", ["Orbion", "Kelvion"]),
        ("Backers include Alder Capital (the regional fund), and Kelvion.", ["Kelvion"]),
    ],
)
def test_names_in_example_lists_and_subject_lists(facts: Run, text: str, names: list[str]) -> None:
    f = facts(text)
    for name in names:
        assert f.has_entity(name), (name, sorted(f.names.values()))


@pytest.mark.parametrize(
    "text",
    [
        "In May, Jane Smith and Ada Lin announced their plans.",
        "Separately, the two firms announced results.",
        "Investors including Zy.vc joined the round.",
    ],
)
def test_no_company_from_people_adverbs_or_domains(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [
        e
        for e in f.kg.entities
        if e.type.value == "Company" and e.name in {"Jane Smith", "Ada Lin", "Separately", "Zy"}
    ]


def test_dotted_legal_forms(facts: Run) -> None:
    f = facts("Orbion S.A. and Nordlys A/S signed an MOU. The host was Sanko K.K., the organiser.")
    assert f.has("Orbion", "PARTNERS_WITH", "Nordlys")
    assert "Sanko K.K." in next(e.aliases for e in f.kg.entities if e.name == "Sanko")


def test_media_outlets_are_not_organisations(facts: Run) -> None:
    f = facts("The Lakeport Research News and the Ruritania Daily Herald reported that Orbion raised money.")
    assert not f.has_entity("Lakeport Research News")
    assert not f.has_entity("Ruritania Daily Herald")
    f = facts('"Our focus is single photons," Ada Lin, the CEO of Orbion Labs, tells TechDaily.')
    assert not f.has_entity("TechDaily")


def test_spin_out_apposition(facts: Run) -> None:
    f = facts("The minister visited Kelvora Magnetics, a University of Lakeport spin-out company.")
    assert f.has_entity("Kelvora Magnetics")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The rest was paid by its historical shareholders: Kesslerbank and the Alderix, Nordvik and Sarentis funds.",
            ["Kesslerbank", "Alderix", "Nordvik", "Sarentis"],
        ),
        ("Grants went to the Ruritania and Veltra universities.", ["Ruritania", "Veltra"]),
        ("In January, Veltrano, one of Orbion's competitors, raised $10 million.", ["Veltrano"]),
        ("The round was paid by Orbion's four historical shareholders.", ["Orbion"]),
    ],
)
def test_names_listed_with_a_plural_kind_a_colon_or_as_a_peer(
    facts: Run, text: str, names: list[str]
) -> None:
    f = facts(text)
    for name in names:
        assert f.has_entity(name), (name, sorted(f.names.values()))


def test_plural_kind_list_gives_the_type(facts: Run) -> None:
    f = facts("Grants went to the Ruritania and Veltra universities.")
    assert _types(f).get("Veltra") == "University"


def test_shareholders_after_a_colon_invest_in_the_owner(facts: Run) -> None:
    f = facts(
        "Orbion raised €50 million in May. The balance was paid by Orbion's four historical "
        "shareholders: Kesslerbank and the Alderix, Nordvik and Sarentis funds."
    )
    for investor in ("Kesslerbank", "Alderix", "Nordvik", "Sarentis"):
        assert f.has(investor, "INVESTS_IN", "Orbion"), f.triples()


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The House of Quantum opened a building in Delft.", "House of Quantum", "Cluster"),
        ("The House of Commons debated the quantum strategy.", "House of Commons", "GovernmentBody"),
        (
            "She announced the £30m quantum computing testbed competition.",
            "quantum computing testbed competition",
            "Program",
        ),
    ],
)
def test_houses_and_described_quantum_competitions(facts: Run, text: str, name: str, kind: str) -> None:
    assert _types(facts(text)).get(name) == kind


def test_a_list_ending_with_an_ampersand_item(facts: Run) -> None:
    f = facts("Tenants are Equal1, Obrix, Xairan & Qblox.")
    for name in ("Obrix", "Xairan"):
        assert f.has_entity(name), sorted(f.names.values())


def test_universities_named_by_their_place_in_brackets(facts: Run) -> None:
    f = facts(
        "The hub brings together 12 leading UK universities (Bristol, Cambridge, Imperial, Queen's Belfast and York)."
    )
    for name in ("Bristol", "Cambridge", "Imperial", "Queen's Belfast", "York"):
        assert _types(f).get(name) == "University", (name, _types(f))


def test_acronyms_named_by_their_campus(facts: Run) -> None:
    f = facts(
        "The mission set up hubs at KQIT Tarnow and KQIT Elbing. KQIT Tarnow focuses on quantum sensing. "
        "Researchers from IBM Zurich also joined."
    )
    for name in ("KQIT Tarnow", "KQIT Elbing"):
        assert _types(f).get(name) == "University", _types(f)
    assert not f.has_entity("KQIT")
    assert "IBM Zurich" not in _types(f)  # a known company before a known city stays two
    assert _types(f).get("IBM") == "Company"


def test_names_written_as_web_domains_in_an_investor_list(facts: Run) -> None:
    f = facts(
        "Veltra Quantum has raised a €11m seed round from a group of investors including Zy.vc, Nordvik Funds, "
        "and Kessler Ventures."
    )
    for investor in ("Zy.vc", "Nordvik Funds"):
        assert f.has(investor, "INVESTS_IN", "Veltra Quantum"), f.triples()


def test_a_nationality_before_a_name_used_alone_elsewhere_is_no_part_of_it(facts: Run) -> None:
    f = facts(
        "The fund announces an investment in the American Orbion Computing. Orbion Computing will open "
        "an office in Denmark."
    )
    assert f.has_entity("Orbion Computing")
    assert not [e for e in f.kg.entities if e.name == "American Orbion Computing"]


def test_a_name_with_a_nationality_said_twice_keeps_it(facts: Run) -> None:
    f = facts(
        "The Ruritanian Quantum Computing Center opened in May. Researchers at the Ruritanian Quantum "
        "Computing Center use it. The British Orbion Bank funded it; the British Orbion Bank said so."
    )
    assert f.has_entity("British Orbion Bank"), sorted(f.names.values())


def test_a_nationality_stays_when_the_rest_only_follows_another_name(facts: Run) -> None:
    f = facts("The Danish Orbion Agency and the European Orbion Agency signed an MOU.")
    assert f.has_entity("Danish Orbion Agency"), sorted(f.names.values())


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "Orbion signed a sensing contract with the Ruritanian Defence Force.",
            "Ruritanian Defence Force",
            "GovernmentBody",
        ),
        (
            "Orbion will test its gravimeter with the Northland Navy next year.",
            "Northland Navy",
            "GovernmentBody",
        ),
        (
            "Orbion and Kessler Systems joined the Quantum Readiness Coalition in May.",
            "Quantum Readiness Coalition",
            "Cluster",
        ),
        (
            "Funding came from Kessler Bank, Orbion Capital and the Northland Government.",
            "Northland Government",
            "GovernmentBody",
        ),
        (
            "The round was led by Marlow Automobil Holding SE with Orbion Capital.",
            "Marlow Automobil Holding SE",
            "Company",
        ),
        (
            "Orbion is a spin-out of the University of Ruritania at Eastfield.",
            "University of Ruritania at Eastfield",
            "University",
        ),
        (
            "Orbion is a spin-out of the University of Texas at Arlington.",
            "University of Texas at Arlington",
            "University",
        ),
        (
            "Orbion was founded by Ada Lin, Research Associate Professor of Physics at the Lakeside University.",
            "Lakeside University",
            "University",
        ),
        # a name before an academic post is a university
        ("KTU physics professor Ada Lin said the chip works.", "KTU", "University"),
        ("The former VKU lecturer Bo Chen joined Orbion Labs.", "VKU", "University"),
        # banks named head first, as French, Spanish, Portuguese and Italian write them
        ("The Banque de Valmora and Orbion signed an agreement.", "Banque de Valmora", "Company"),
        ("Orbion signed a deal with the Banco de Valmora on Monday.", "Banco de Valmora", "Company"),
    ],
)
def test_names_by_their_head_word(facts: Run, text: str, name: str, etype: str) -> None:
    assert _types(facts(text)).get(name) == etype


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # a role's qualifiers are no research body
        ("Ada Lin, Research Associate Professor at Orbion Labs, said so.", "Research Associate"),
        ("Ada Lin, Senior Vice President of Orbion, said so.", "Senior Vice"),
        # a kind of investor is no name
        ("The San Mateo-based VC firm backed Orbion last year.", "VC"),
    ],
)
def test_role_qualifiers_and_investor_kinds_are_no_names(facts: Run, text: str, fragment: str) -> None:
    assert not [n for n in _types(facts(text)) if n.startswith(fragment)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brightwave raises $5 million for quantum sensors.", "Brightwave"),
        ("Veltra Quantum develops trapped-ion computers.", "Veltra Quantum"),
        ("Orbion specialises in quantum error correction.", "Orbion"),
        ("Last year Kessler Photonics partners with Orbion Inc. on a sensor.", "Kessler Photonics"),
        ("Brightwave's CIO Ada Lin said the event is big.", "Brightwave"),
        ("Orbion's chief information officer Ada Lin spoke.", "Orbion"),
        # plural subjects of a joint verb, as headlines write them
        ("Orbion Inc. and Brightwave team up for quantum testing in Lakeport", "Brightwave"),
        ("Orbion Inc. and Brightwave join forces on quantum sensing.", "Brightwave"),
        ("Orbion Inc. and Brightwave are collaborating on a network trial.", "Brightwave"),
    ],
)
def test_subjects_of_present_tense_verbs_and_officers(facts: Run, text: str, name: str) -> None:
    assert name in _types(facts(text))


@pytest.mark.parametrize(
    "text",
    [
        "Science Minister Ada Lin announces the winners of the competition.",
        "Technology Secretary Ada Lin announced a fund.",
        "She develops software for the lab.",
    ],
)
def test_a_portfolio_or_a_pronoun_before_the_verb_is_no_organisation(facts: Run, text: str) -> None:
    assert not [n for n, t in _types(facts(text)).items() if t == "Company"]


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "The webinar was hosted by Brightloop, the nation's first startup accelerator for quantum.",
            "Brightloop",
            "Program",
        ),
        ("Support came from Q77, a nonprofit committed to making Lyon a hub.", "Q77", "Company"),
        # a technology accelerator or incubator in apposition is an organisation
        (
            "Kessler Systems teamed up with Numara, a Canadian technology collaboration “macro-accelerator”, "
            "on a trial.",
            "Numara",
            "Company",
        ),
        ("The hub is run by Numara, a tech incubator based in Lyon.", "Numara", "Company"),
        ("Orbion Inc. joined Kessler Guild, an association of sensor makers.", "Kessler Guild", "Cluster"),
        (
            "Researchers work on the Advanced Sensing and Timing program.",
            "Advanced Sensing and Timing Program",
            "Program",
        ),
        ("Its Beyond Moore's Law project ends in May.", "Beyond Moore's Law Project", "Program"),
        (
            "They joined the National Ruritanian Security Administration's Advanced Timing program.",
            "Advanced Timing Program",
            "Program",
        ),
        (
            "Smaller firms — such as Lyon-based Orbion and Kessler Quantum Technology — attract money.",
            "Kessler Quantum Technology",
            "Company",
        ),
        ("Smaller firms — such as Lyon-based Orbion and Kessler — attract money.", "Orbion", "Company"),
        ("Yesterday Lyon-based Orbion opened an office.", "Orbion", "Company"),
    ],
)
def test_names_by_apposition_programme_word_or_list(facts: Run, text: str, name: str, etype: str) -> None:
    assert _types(facts(text)).get(name) == etype


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Inc. left the UK program in May.",  # a place's programme
        "Ada Lin joined the CEO program.",  # an abbreviation of a role
        "He joined the Quantum Leap Challenge program.",  # named as a programme already
    ],
)
def test_no_programme_named_by_a_place_a_role_or_twice(facts: Run, text: str) -> None:
    assert not [n for n in _types(facts(text)) if n.endswith(" Program")]


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "Hosted by the Senate Committee on Commerce, Science, and Transportation, the gathering grew.",
            "Senate Committee on Commerce, Science, and Transportation",
            "GovernmentBody",
        ),
        (
            "Orbion Inc. joined QuantumNord, an innovation initiative that pools expertise.",
            "QuantumNord",
            "Program",
        ),
        ("Orbion Inc. joined Kessler Hub, a regional network of labs.", "Kessler Hub", "Cluster"),
    ],
)
def test_field_lists_after_on_and_appositions_of_programmes_and_networks(
    facts: Run, text: str, name: str, etype: str
) -> None:
    assert _types(facts(text)).get(name) == etype


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Section 32: Backed Quantinuum, a spinout.", "Backed"),
        ("Attending the Flagship's stand was Ada Lin.", "Attending"),
        ("Led by Veltra Ventures, the round closed.", "Led"),
    ],
)
def test_a_verb_opening_a_bullet_or_clause_is_no_part_of_a_name(facts: Run, text: str, fragment: str) -> None:
    assert not [n for n in _types(facts(text)) if n.startswith(fragment)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Orbion Inc. will work with the RQA and Kessler Labs on clocks.", "RQA"),
        ("The grant from the NQRA was approved.", "NQRA"),
        ("The RMI said the sensor works.", "RMI"),
    ],
)
def test_an_acronym_used_as_a_definite_name(facts: Run, text: str, name: str) -> None:
    assert name in _types(facts(text))


@pytest.mark.parametrize(
    "text",
    [
        "The RQA network and the GPS signal were tested by Orbion Inc.",  # acronyms before a noun
        "The team reached the NISQ era, and the SPAC closed.",  # kinds of things, not names
    ],
)
def test_an_acronym_qualifying_a_noun_or_naming_a_kind_is_no_name(facts: Run, text: str) -> None:
    assert not [n for n in _types(facts(text)) if n.isupper()]


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "The Orbion Fund is the investment arm of the Kessler Accelerator.",
            "Kessler Accelerator",
            "Program",
        ),
        (
            "Orbion Inc. won a grant from the Regional Sensing Hubs program.",
            "Regional Sensing Hubs",
            "Program",
        ),
    ],
)
def test_accelerators_and_hub_programmes(facts: Run, text: str, name: str, etype: str) -> None:
    assert _types(facts(text)).get(name) == etype


@pytest.mark.parametrize(
    "text",
    [
        "Referring to the summit between Prime Ministers Ada Lindqvist and Sanna Korhonen, he spoke.",
        "Ruritania's Science and Technology Minister Ada Lin signed it.",
    ],
)
def test_people_with_plural_roles_and_portfolios_are_no_organisations(facts: Run, text: str) -> None:
    assert not [n for n, t in _types(facts(text)).items() if t not in {"Person", "Country"}]


def test_a_name_found_once_is_the_same_actor_where_it_recurs(facts: Run) -> None:
    f = facts(
        "Canadian firm Brightwave raised money. Brightwave's technique involves building quantum "
        "computers using silicon spin qubits."
    )
    assert f.has("Brightwave", "WORKS_ON", "silicon spin qubits")


def test_a_recurring_name_before_a_technology_word_is_part_of_a_phrase(facts: Run) -> None:
    f = facts(
        "Canadian firm Photonic raised money. Photonic chips are hard to make, and Photonic's "
        "processors rely on trapped-ion qubits."
    )
    assert f.has("Photonic", "WORKS_ON", "trapped-ion qubits")
    assert not [t for t in f.triples() if t[0] == "Photonic" and "chips" in t[2]]


def test_an_undefined_acronym_spelling_one_name_of_the_text_is_that_name(facts: Run) -> None:
    f = facts("Silicon Quantum Works raised $5 million from Telstra. SQW CEO Ada Lin said the money helps.")
    assert f.has("Ada Lin", "AFFILIATED_WITH", "Silicon Quantum Works")
    assert not f.has_entity("SQW") or f.entity("SQW") == f.entity("Silicon Quantum Works")


def test_an_acronym_spelling_two_names_stays_itself(facts: Run) -> None:
    f = facts(
        "Kessler Quantum Labs raised money and Kessler Quantum Ltd raised money. KQL CEO Ada Lin said so."
    )
    assert f.has("Ada Lin", "AFFILIATED_WITH", "KQL")


def test_a_word_of_a_persons_name_read_once_as_an_organisation_is_not_spread() -> None:
    text = "The board thanked Kim and Orbion. Kim Ki-hwan, CEO of Orbion, said Kim would stay."
    kim = text.index("Kim")
    slip = Mention(kim, kim + 3, "Kim", EntityType.COMPANY, "Kim", "org-list")
    person = Mention(
        text.index("Kim Ki-hwan"),
        text.index("Kim Ki-hwan") + 11,
        "Kim Ki-hwan",
        EntityType.PERSON,
        "Kim Ki-hwan",
        "person-role",
    )
    out = recurring_names(text, [slip, person])
    assert [m.start for m in out if m.name == "Kim" and m.type is EntityType.COMPANY] == [kim]


def test_a_name_inside_a_web_address_is_no_repeat() -> None:
    text = "Canadian firm Brightwave raised money (https://example.com/Brightwave/news). Brightwave said so."
    found = find_mentions(text, split_sentences(text), default_gazetteer())
    url = text.index("https://")
    spans = [(m.start, m.text) for m in found if m.text == "Brightwave"]
    assert len(spans) == 2
    assert all(not (url <= start < text.index(")", url)) for start, _ in spans)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Orbion raised money, with Kessler's Zentures unit among the participants.", "Zentures"),
        ("Veltra Systems' Q12 venture arm joined the round for Orbion Inc.", "Q12"),
        ("Brightwave Labs' Nordlys Capital investment arm led it.", "Nordlys Capital"),
    ],
)
def test_an_owners_unit_named_before_its_kind(facts: Run, text: str, unit: str) -> None:
    assert _types(facts(text)).get(unit) == "Company"


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Inc.'s Korean subsidiary opened in Seoul.",  # a nationality, not a name
        "The agency's VC arm backed Orbion Inc.",  # a kind of unit
    ],
)
def test_a_units_nationality_or_kind_is_no_name(facts: Run, text: str) -> None:
    assert set(_types(facts(text))) <= {"Orbion Inc", "Seoul"}


def test_a_government_of_a_country_named_with_of_is_that_countrys_government(facts: Run) -> None:
    f = facts("The Government of the Republic of Korea and Orbion Inc. signed an MOU.")
    assert f.has_entity("Government of the Republic of Korea")
    assert _types(f).get(f.names[f.entity("Government of the Republic of Korea")]) == "GovernmentBody"
    assert not f.has_entity("Government of the Republic")


@pytest.mark.parametrize(
    ("text", "place", "org"),
    [
        ("The Province of Quebec and Orbion Inc. signed an MOU.", "Quebec", "Orbion Inc"),
        (
            "The Commonwealth of Massachusetts and Kessler Labs signed an MOU.",
            "Massachusetts",
            "Kessler Labs",
        ),
    ],
)
def test_a_level_of_government_ends_before_and_an_organisation(
    facts: Run, text: str, place: str, org: str
) -> None:
    assert facts(text).has(org, "PARTNERS_WITH", place)


@pytest.mark.parametrize(
    "text",
    [
        "The deal matters, CEO of Orbion Quantum Ada Lindqvist said.",
        "Chief Executive of Orbion Quantum Ada Lindqvist said the deal matters.",
    ],
)
def test_a_speaker_after_a_role_of_a_company_is_no_part_of_its_name(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()
    assert not f.has_entity("Orbion Quantum Ada Lindqvist")


@pytest.mark.parametrize(
    "text",
    [
        # a four-word name after the role with no speaker after it keeps its words
        "She joined as Director of Kessler Harbor Quantum Laboratory.",
        # the verb follows a name that is all organisation words
        "The grant helps Orbion, Director of Lakeside Quantum Research Centre said.",
    ],
)
def test_names_after_a_role_keep_their_words_without_a_speaker(facts: Run, text: str) -> None:
    names = set(_types(facts(text)))
    assert any(n.endswith(("Quantum Laboratory", "Research Centre")) for n in names), names


@pytest.mark.parametrize(
    ("text", "name", "not_name"),
    [
        (
            "Brannic Photonics on Jan. 15 said it would expand.",
            "Brannic Photonics",
            "Brannic Photonics on Jan",
        ),
        ("Orvel Quantum on Sept. 3 unveiled a processor.", "Orvel Quantum", "Orvel Quantum on Sept"),
        ("Tessaly Labs on Dec. 1 opened a cleanroom.", "Tessaly Labs", "Tessaly Labs on Dec"),
        ("Tessaly Labs on March 4 opened a cleanroom.", "Tessaly Labs", "Tessaly Labs on March"),
        # a leading "New" stays only when it opens a known place
        ("Researchers at New York University built a qubit.", "New York University", "York University"),
        (
            "The New Mexico Quantum Consortium met in Santa Fe.",
            "New Mexico Quantum Consortium",
            "Mexico Quantum Consortium",
        ),
        ("New Quorvane Labs chips were shown on Monday.", "Quorvane Labs", "New Quorvane Labs"),
    ],
)
def test_name_edges_dates_and_places(facts: Run, text: str, name: str, not_name: str) -> None:
    f = facts(text)
    assert f.has_entity(name), sorted(f.names.values())
    assert not f.has_entity(not_name), sorted(f.names.values())


def test_no_name_is_read_from_a_web_address(facts: Run) -> None:
    f = facts(
        "title: Quorvane Labs opens a lab\n"
        "source: https://www.example.com/news/JulienLemyre/QVX/quorvane-labs-opens-lab\n\n"
        "Quorvane Labs opened a lab in Denver with TessaPhotonics. QVX and QVX staff moved in."
    )
    names = sorted(f.names.values())
    assert not f.has_entity("JulienLemyre"), names
    assert f.has_entity("TessaPhotonics"), names
    assert f.has_entity("QVX"), names


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "The Nordic Quantum Platform brings together Kessler University and Helix Quantum AB.",
            "Nordic Quantum Platform",
            "Cluster",
        ),
        (
            "The Lakeside Quantum Industry Association welcomed Helix Quantum AB.",
            "Lakeside Quantum Industry Association",
            "Cluster",
        ),
        ("Orbion joined the Eastport Quantum Testbed last year.", "Eastport Quantum Testbed", "Program"),
        ("The Kessler Cryogenic Facility opened in May.", "Kessler Cryogenic Facility", "ResearchInstitute"),
    ],
)
def test_platforms_associations_testbeds_and_facilities_are_named_bodies(
    facts: Run, text: str, name: str, etype: str
) -> None:
    assert _types(facts(text)).get(name) == etype, _types(facts(text))


def test_platform_groups_its_members(facts: Run) -> None:
    f = facts(
        "The Nordic Quantum Platform brings together Kessler University, Helix Quantum AB and Orbion Labs."
    )
    for member in ("Kessler University", "Helix Quantum AB", "Orbion Labs"):
        assert f.has(member, "PART_OF", "Nordic Quantum Platform"), f.triples()


@pytest.mark.parametrize(
    "name",
    [
        "Lakeside Robotics",
        "Vistula Tech",
        "Kessler Networks",
        "Orbion Devices",
        "Eastport Microsystems",
    ],
)
def test_industry_words_head_company_names(facts: Run, name: str) -> None:
    f = facts(f"Helix Quantum AB signed an agreement with {name} in May.")
    assert _types(f).get(name) == "Company", _types(f)
    assert f.has("Helix Quantum AB", "PARTNERS_WITH", name), f.triples()


@pytest.mark.parametrize(
    "name",
    ["Ministry of Energy", "Department of Energy", "Institute of Semiconductors", "Institute of Software"],
)
def test_bodies_named_for_a_field_stay_names(facts: Run, name: str) -> None:
    f = facts(f"Orbion works with the {name} and Kalm University.")
    assert name in _types(f), _types(f)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. government will give $2 billion to Orbion Quantum.",
        "Orbion Quantum received $2 billion from the U.K. government.",
    ],
)
def test_a_government_named_by_initials(facts: Run, text: str) -> None:
    """ "the U.S. government": the initials are the country, the phrase its government."""
    f = facts(text)
    govs = [e for e in f.kg.entities if e.type.value == "GovernmentBody"]
    assert govs, f.names
    assert f.has(govs[0].name, "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_a_bank_named_head_first_keeps_its_acronym(facts: Run) -> None:
    f = facts(
        "The Banque de Valmora (BdV) and the Orbion Agency completed a trial. "
        "Ada Lin, first deputy governor, BdV, said it went well."
    )
    assert f.has("Ada Lin", "AFFILIATED_WITH", "Banque de Valmora")
    assert not f.has_entity("Valmora")


def test_a_university_whose_professor_founded_a_company_develops_nothing(facts: Run) -> None:
    f = facts("KTU physics professor Ada Lin founded Orbion Labs in 2020.")
    assert f.has("Ada Lin", "AFFILIATED_WITH", "KTU")
    assert not f.has("KTU", "DEVELOPS", "Orbion Labs")
