"""LOCATED_IN from stated location wording: X-based, headquartered in, a place as a modifier, offices."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("Veltra Quantum, a Lyon-based company, raised money.", "Veltra Quantum", "Lyon"),
        ("The Lyon-based Veltra Quantum raised money.", "Veltra Quantum", "Lyon"),
        ("Lyon-based quantum start-up Veltra Quantum raised money.", "Veltra Quantum", "Lyon"),
        ("Lyon-based quantum sensing start-up Veltra Quantum raised money.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum is headquartered in Lyon.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum, of Grenoble, joined the group.", "Veltra Quantum", "Grenoble"),
        ("Veltra Quantum opened an office in Tokyo last year.", "Veltra Quantum", "Tokyo"),
        ("Veltra Quantum will set up a new facility in Grenoble.", "Veltra Quantum", "Grenoble"),
        ("Veltra Quantum is planning to open an office in Dublin, Ireland.", "Veltra Quantum", "Dublin"),
        ("Veltra Quantum (Lyon, France) joined.", "Veltra Quantum", "Lyon"),
        ("The deal was signed with the UK company Veltra Quantum.", "Veltra Quantum", "United Kingdom"),
        ("Investors backed US quantum firm Veltra Quantum.", "Veltra Quantum", "United States"),
        (
            "The method is pursued by US tech giants like Orbion Systems and Veltra Quantum.",
            "Orbion Systems",
            "United States",
        ),
        (
            "Veltra Quantum, the UK photonic quantum computing company, raised money.",
            "Veltra Quantum",
            "United Kingdom",
        ),
        (
            "Based in Boston and built on decades of research, Veltra Quantum Ltd said it would grow.",
            "Veltra Quantum Ltd",
            "Boston",
        ),
        ("Headquartered in Lyon, Veltra Quantum employs 40 people.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum, Sheffield", "Veltra Quantum", "Sheffield"),
        (
            "The hub is run by the Kessler Research Institute (KRI), a tech incubator based in Lyon, France.",
            "Kessler Research Institute",
            "Lyon",
        ),
        ("Veltra Quantum, with headquarters in Lyon, hired staff.", "Veltra Quantum", "Lyon"),
        (
            "Veltra Quantum Ltd said its new factory in Grenoble opens in May.",
            "Veltra Quantum Ltd",
            "Grenoble",
        ),
        (
            "The start-ups are mainly based in the United States, such as Veltra Quantum.",
            "Veltra Quantum",
            "United States",
        ),
        (
            "Veltra Quantum Ltd, which is moving its Burnaby, BC head office to Boston, grew.",
            "Veltra Quantum Ltd",
            "Burnaby",
        ),
        (
            "The labs at the Veltra Institute facilities in Oxfordshire opened.",
            "Veltra Institute",
            "Oxfordshire",
        ),
        ("A start-up in Boulder, Colorado, called Veltra Quantum, is growing.", "Veltra Quantum", "Boulder"),
        ("Winners:\n• Veltra Quantum, Exeter\n• Orbion Quantum, Sheffield", "Orbion Quantum", "Sheffield"),
        (
            "Headquartered in Hefei, in the east of China, Veltra Quantum has 80 staff.",
            "Veltra Quantum",
            "Hefei",
        ),
        ("Veltra Quantum has branch offices in Chengdu and Wuhan.", "Veltra Quantum", "Chengdu"),
        (
            "Veltra Quantum plans to open a new research and development center in Pasadena.",
            "Veltra Quantum",
            "Pasadena",
        ),
        (
            "Its rivals are Orbion Systems and Veltra Quantum, a Berkeley-based startup.",
            "Veltra Quantum",
            "Berkeley",
        ),
        ("Veltra Quantum, which is based in Grenoble, sells sensors.", "Veltra Quantum", "Grenoble"),
        (
            "Veltra Quantum, which is headquartered in Grenoble and also makes lasers, grew.",
            "Veltra Quantum",
            "Grenoble",
        ),
        ("Veltra Quantum has opened a new lab and offices in Lyon, France.", "Veltra Quantum", "Lyon"),
        (
            "Veltra Quantum Ltd has offices spread across Germany, Japan and Canada.",
            "Veltra Quantum Ltd",
            "Japan",
        ),
        ("Veltra Quantum Ltd has offices in Germany, Japan and Canada.", "Veltra Quantum Ltd", "Canada"),
        (
            "Investment firm Orbion Capital plc (AQUIS: ORBC) announced it has established a European entity "
            "with headquarters in Copenhagen.",
            "Orbion Capital",
            "Copenhagen",
        ),
        (
            "Orbion Capital said it has set up a new European subsidiary headquartered in Copenhagen.",
            "Orbion Capital",
            "Copenhagen",
        ),
        ("The Kessler Institute opened in Waterloo, Ont. in 2019.", "Kessler Institute", "Waterloo"),
        (
            "This afternoon, the second location of the Kessler Quantum Hub will be inaugurated in Delft.",
            "Kessler Quantum Hub",
            "Delft",
        ),
        ("A new office of Veltra Quantum Ltd opened in Lyon in May.", "Veltra Quantum Ltd", "Lyon"),
        ("Veltra Quantum Ltd has locations in Tokyo and Osaka.", "Veltra Quantum Ltd", "Osaka"),
        ("Veltra Quantum is a Lyon company.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum was a Boston-based photonics start-up.", "Veltra Quantum", "Boston"),
        ("Veltra Quantum is based out of Lyon.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum was founded in 2018 in Lyon.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum calls Lyon home.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum operates from Lyon.", "Veltra Quantum", "Lyon"),
        ("Lyon is home to Veltra Quantum.", "Veltra Quantum", "Lyon"),
        (
            "Veltra Quantum is headquartered in Lyon, France, and has an office in Boston.",
            "Veltra Quantum",
            "Boston",
        ),
        ("Veltra Quantum has a research centre in Boston and a factory in Lyon.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum has sites in both Canada and Ireland.", "Veltra Quantum", "Ireland"),
        (
            "Ohio will be the ninth home for Veltra Quantum’s business, which has three sites in both Canada and "
            "Ireland, along with one location apiece in Japan and Germany.",
            "Veltra Quantum",
            "Germany",
        ),
        ("Veltra Quantum is expanding into Ohio.", "Veltra Quantum", "Ohio"),
        ("Veltra Quantum plans to expand in Lyon as the region courts investors.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum will expand its operations in Ohio next year.", "Veltra Quantum", "Ohio"),
        ("Veltra Quantum intends to expand into Ireland.", "Veltra Quantum", "Ireland"),
        # the location participle in an aside, in brackets, or after "one of the companies"
        ("Veltra Quantum, based out of Boston, raised money.", "Veltra Quantum", "Boston"),
        ("Veltra Quantum (headquartered in Lyon) raised money.", "Veltra Quantum", "Lyon"),
        ("Veltra Quantum is one of several quantum companies based in Boston.", "Veltra Quantum", "Boston"),
        ("Veltra Quantum is one of the start-ups from Lyon that raised money.", "Veltra Quantum", "Lyon"),
        # a site's place in an aside after it
        (
            "Veltra Quantum said it will move its headquarters, located in Lyon, to a new site.",
            "Veltra Quantum",
            "Lyon",
        ),
        (
            "Veltra Quantum opened a new laboratory, located in Grenoble, in May.",
            "Veltra Quantum",
            "Grenoble",
        ),
        ("Veltra Quantum has an office, based in Boston, with ten staff.", "Veltra Quantum", "Boston"),
        (
            "By broadening its presence into Ohio, Veltra Quantum will have sites in two states.",
            "Veltra Quantum",
            "Ohio",
        ),
    ],
)
def test_located_in(facts: Run, text: str, org: str, place: str) -> None:
    assert facts(text).has(org, "LOCATED_IN", place)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kessler Labs is in Waterloo, Ont., near the lake.", "Ontario"),
        ("The hub is in Sherbrooke, Qué., since 2020.", "Quebec"),
        ("The lab sits in Pasadena, Calif., near the campus.", "California"),
    ],
)
def test_state_abbreviations_are_regions(facts: Run, text: str, place: str) -> None:
    assert facts(text).has_entity(place)


@pytest.mark.parametrize(
    "text",
    [
        "The Veltra Quantum Hub across Ohio, Michigan and Kentucky will be led by Kessler University.",
        "The Veltra Quantum Hub, which spans Ohio, Michigan and Kentucky, opened in May.",
        "The Veltra Quantum Consortium covering the states of Ohio, Michigan and Kentucky was launched.",
    ],
)
def test_a_hub_across_several_places_is_in_each(facts: Run, text: str) -> None:
    f = facts(text)
    hub = next(n for n in f.names.values() if n.startswith("Veltra Quantum"))
    for place in ("Ohio", "Michigan", "Kentucky"):
        assert f.has(hub, "LOCATED_IN", place), f.triples()


def test_an_office_in_a_city_of_a_country_is_in_the_city(facts: Run) -> None:
    f = facts("Veltra Quantum Ltd decided to open a second office in Dublin, Ireland to hire engineers.")
    assert f.has("Veltra Quantum Ltd", "LOCATED_IN", "Dublin"), f.triples()
    assert not f.has("Veltra Quantum Ltd", "LOCATED_IN", "Ireland"), f.triples()


def test_a_company_selling_across_places_is_not_in_them(facts: Run) -> None:
    f = facts("Veltra Quantum Ltd sells sensors across Ohio, Michigan and Kentucky.")
    assert not any(t == "LOCATED_IN" for _, t, _ in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The partners include Orbion Systems and the city of New Brockton.", "New Brockton"),
        ("The grant comes from the State of New Estavia.", "New Estavia"),
    ],
)
def test_levels_of_government_name_new_places(facts: Run, text: str, place: str) -> None:
    assert facts(text).has_entity(place)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The French start-up Veltra Quantum raised money.", "Veltra Quantum"),  # nationality adjective
        ("Japan's Veltra Institute of Physics raised money.", "Veltra Institute of Physics"),  # possessive
        ("Veltra Quantum opened its second lab in Africa.", "Veltra Quantum"),  # a continent: where it works
        ("Veltra Quantum Ltd will open its Asia-Pacific headquarters soon.", "Veltra Quantum Ltd"),
        ("Veltra Quantum sells to customers in Lyon.", "Veltra Quantum"),
        ("Veltra Quantum provides funding to UK companies.", "Veltra Quantum"),
        ("Veltra Quantum sells to customers across Germany, Japan and Canada.", "Veltra Quantum"),
        ("Veltra Quantum, which is known in Lyon, sells sensors.", "Veltra Quantum"),
        ("Veltra Quantum opened in May with a new product.", "Veltra Quantum"),
        ("The location of Veltra Quantum's customers in Lyon was kept secret.", "Veltra Quantum"),
        ("Veltra Quantum is a French company.", "Veltra Quantum"),
        ("Veltra Quantum sells sensors, and Orbion Systems has an office in Boston.", "Veltra Quantum"),
        ("Veltra Quantum imports parts from Lyon.", "Veltra Quantum"),
        ("Veltra Quantum is expanding its product range to customers.", "Veltra Quantum"),
        ("Veltra Quantum is a partner of the Lyon start-up Orbion Quantum.", "Veltra Quantum"),
    ],
)
def test_no_location(facts: Run, text: str, org: str) -> None:
    f = facts(text)
    assert not any(s == org and t == "LOCATED_IN" for s, t, _ in f.triples())


def test_dateline_city_country(facts: Run) -> None:
    f = facts("LYON, France – May 4, 2024 – Veltra Quantum and Orbion Quantum signed an agreement.")
    assert f.has("Lyon", "LOCATED_IN", "France")


def test_city_region_based_locates_in_the_city_and_the_city_in_the_region(facts: Run) -> None:
    for text in (
        "Orbion Quantum, a Berkeley, California-based quantum computer maker, said it would expand.",
        "The Berkeley, California-based Orbion Quantum said it would expand.",
    ):
        f = facts(text)
        assert f.has("Orbion Quantum", "LOCATED_IN", "Berkeley"), f.triples()
        assert f.has("Berkeley", "LOCATED_IN", "California"), f.triples()
        assert not f.has("Orbion Quantum", "LOCATED_IN", "California"), f.triples()


def test_second_of_two_headquarters(facts: Run) -> None:
    f = facts("Orbion Quantum, which has dual headquarters in Graz, Austria, and Lyon, France, opened a lab.")
    for place in ("Graz", "Lyon"):
        assert f.has("Orbion Quantum", "LOCATED_IN", place), f.triples()
    assert f.has("Lyon", "LOCATED_IN", "France"), f.triples()


def test_a_country_opening_the_sentence_is_not_in_the_based_city(facts: Run) -> None:
    f = facts("In Austria, Graz-based Orbion Quantum opened a lab.")
    assert f.has("Orbion Quantum", "LOCATED_IN", "Graz"), f.triples()
    assert not any(s == "Austria" and t == "LOCATED_IN" for s, t, _ in f.triples())


def test_another_x_based_company_in_apposition(facts: Run) -> None:
    f = facts("Orbion Quantum, another Lyon-based quantum sensing company, recently won the prize.")
    assert f.has("Orbion Quantum", "LOCATED_IN", "Lyon"), f.triples()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("Orbion Quantum came to Broomfield, Colorado in 2016.", "Orbion Quantum", "Broomfield"),
        ("Orbion Quantum, established in Quebec in 2017, sells sensors.", "Orbion Quantum", "Quebec"),
        ("Orbion Quantum moved its headquarters to Lyon.", "Orbion Quantum", "Lyon"),
    ],
)
def test_where_an_organisation_settled(facts: Run, text: str, org: str, place: str) -> None:
    assert facts(text).has(org, "LOCATED_IN", place)


def test_city_region_before_in_a_year(facts: Run) -> None:
    assert facts("Orbion Quantum came to Broomfield, Colorado in 2016.").has(
        "Broomfield", "LOCATED_IN", "Colorado"
    )


def test_an_x_based_description_ends_at_its_verb(facts: Run) -> None:
    f = facts("After the investment, the California-based company has chosen Denmark as the site of its lab.")
    assert not f.has("Denmark", "LOCATED_IN", "California"), f.triples()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("Founded in Lyon in 2020, Orbion Quantum develops photonic chips.", "Orbion Quantum", "Lyon"),
        ("Established in Graz, Veltra Quantum sells ion traps.", "Veltra Quantum", "Graz"),
        ("Orbion Quantum's headquarters are in Lyon.", "Orbion Quantum", "Lyon"),
        ("Orbion Quantum's headquarters will be located in Graz.", "Orbion Quantum", "Graz"),
        ("Orbion Quantum's Lyon headquarters will host the new lab.", "Orbion Quantum", "Lyon"),
        ("Orbion Quantum's new Graz office opened in May.", "Orbion Quantum", "Graz"),
        ("Orbion Quantum, a start-up from Lyon, raised money.", "Orbion Quantum", "Lyon"),
        ("Orbion Quantum, a photonics firm in Graz, signed the deal.", "Orbion Quantum", "Graz"),
        # a participle of the past coordinated before the place's
        ("Founded in 2019 and based in Lyon, Orbion Quantum builds chips.", "Orbion Quantum", "Lyon"),
        (
            "Founded in March 2019 and headquartered in Graz, Veltra Quantum sells traps.",
            "Veltra Quantum",
            "Graz",
        ),
        # a place home to or hosting organisations, written as an apposition too
        ("Lyon, home to Orbion Quantum and Veltra Labs, is a hub.", "Veltra Labs", "Lyon"),
        ("Graz hosts Orbion Quantum and Veltra Labs.", "Orbion Quantum", "Graz"),
        ("The Kessler Quantum Hub is home to Orbion Quantum.", "Orbion Quantum", "Kessler Quantum Hub"),
        ("Companies based in Graz include Orbion Quantum and Veltra Labs.", "Veltra Labs", "Graz"),
        # where it moved to, not from
        ("Orbion Quantum relocated from Graz to Lyon in 2022.", "Orbion Quantum", "Lyon"),
        # a predicate noun described by a few words, set off by commas too
        (
            "Orbion Quantum is a nonprofit, independent R&D center headquartered in Lyon.",
            "Orbion Quantum",
            "Lyon",
        ),
        ("Orbion Quantum is an independent research institute located in Graz.", "Orbion Quantum", "Graz"),
        # further sites after "with", a site qualified by a place, a place chosen for a site
        (
            "Orbion Quantum is headquartered in Lyon with offices in Graz and Boston.",
            "Orbion Quantum",
            "Graz",
        ),
        ("Orbion Quantum is establishing its US headquarters in Boston.", "Orbion Quantum", "Boston"),
        ("Orbion Quantum has chosen Graz as the site of its new factory.", "Orbion Quantum", "Graz"),
        ("Orbion Quantum picked Graz for its European headquarters.", "Orbion Quantum", "Graz"),
        ("Orbion Quantum set up shop in Graz in 2020.", "Orbion Quantum", "Graz"),
        ("Orbion Quantum, from Lyon, and Veltra Labs, from Graz, signed a deal.", "Veltra Labs", "Graz"),
        # a country written with "the" after its city
        ("Orbion Quantum opened an office in Delft, the Netherlands.", "Delft", "Netherlands"),
        ("Orbion Quantum opened an office in Delft, the Netherlands.", "Orbion Quantum", "Delft"),
    ],
)
def test_more_ways_to_say_where_an_organisation_is(facts: Run, text: str, org: str, place: str) -> None:
    f = facts(text)
    assert f.has(org, "LOCATED_IN", place), f.triples()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("Orbion Quantum relocated from Graz to Lyon in 2022.", "Orbion Quantum", "Graz"),
        # a host that is an organisation, or an event hosted
        ("The University of Kessler hosts Orbion Quantum.", "Orbion Quantum", "University of Kessler"),
        ("Graz hosted a conference with Orbion Quantum.", "Orbion Quantum", "Graz"),
        # a place chosen for an event, another organisation's offices
        ("Orbion Quantum chose Graz for its summit.", "Orbion Quantum", "Graz"),
        ("Orbion Quantum signed with Veltra Labs, with offices in Graz.", "Orbion Quantum", "Graz"),
        # a preposition before the noun: another's site
        ("Orbion Quantum is a supplier to a research centre in Lyon.", "Orbion Quantum", "Lyon"),
        ("Orbion Quantum is a partner of companies in Graz.", "Orbion Quantum", "Graz"),
    ],
)
def test_not_where_an_organisation_is(facts: Run, text: str, org: str, place: str) -> None:
    f = facts(text)
    assert not f.has(org, "LOCATED_IN", place), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # founded in a year, not a place; a founder from a city is a person, not an organisation
        "Founded in 2020, Orbion Quantum develops photonic chips in Lyon's science park.",
        # a researcher from Lyon is no organisation located there
        "Anna Kestrel, a researcher from Lyon, joined Orbion Quantum.",
        # the area a site serves is not where the organisation is
        "Orbion Quantum's Asia-Pacific headquarters will open next year.",
    ],
)
def test_near_misses_of_where_an_organisation_is(facts: Run, text: str) -> None:
    f = facts(text)
    wrong = {(s, o) for s, t, o in f.triples() if t == "LOCATED_IN" and s == "Orbion Quantum" and o != "Lyon"}
    assert not wrong, f.triples()
    if "researcher" in text:
        assert not any(t == "LOCATED_IN" and o == "Lyon" for _, t, o in f.triples()), f.triples()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        (
            "Lyon is home to the Kestrel Institute for Quantum Optics and the University of Kestrel.",
            "University of Kestrel",
            "Lyon",
        ),
        (
            "Lyon is home to the Kestrel Institute for Quantum Optics and the University of Kestrel.",
            "Kestrel Institute for Quantum Optics",
            "Lyon",
        ),
        ("Veltra Quantum is setting up a Munich office.", "Veltra Quantum", "Munich"),
        ("Veltra Quantum opened its first Lyon lab in May.", "Veltra Quantum", "Lyon"),
    ],
)
def test_home_lists_and_sites_named_by_their_place(facts: Run, text: str, org: str, place: str) -> None:
    f = facts(text)
    assert f.has(org, "LOCATED_IN", place), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Veltra Quantum signed a deal with a Munich lab.",
        "Veltra Quantum opened Orbion Systems's Munich office.",
        # expanding with someone, or in a field, says nothing of where the subject is
        "Veltra Quantum plans to expand in partnership with Kessler Labs of Munich.",
        "Veltra Quantum plans to expand in quantum sensing with a Munich lab.",
        # the site located in the place is another organisation's
        "Veltra Quantum praised Orbion Systems, whose headquarters, located in Munich, will grow.",
        "Veltra Quantum will expand the offices of Kessler Labs, located in Munich.",
        # a former seat, or a place the subject only praises
        "Veltra Quantum, formerly based in Munich, now works from Lyon.",
        "Veltra Quantum (previously headquartered in Munich) raised money.",
        "Veltra Quantum praised researchers, based in Munich, who built the chip.",
    ],
)
def test_a_site_of_someone_else_does_not_locate_the_subject(facts: Run, text: str) -> None:
    f = facts(text)
    assert not f.has("Veltra Quantum", "LOCATED_IN", "Munich"), f.triples()


@pytest.mark.parametrize(
    ("text", "org", "town", "country"),
    [
        (
            "Orbion Quantum was founded in 2021 in Kelmar, Norway, by two physicists.",
            "Orbion Quantum",
            "Kelmar",
            "Norway",
        ),
        (
            "Veltra Labs, a start-up based in Tarnowo, Poland, builds cryostats.",
            "Veltra Labs",
            "Tarnowo",
            "Poland",
        ),
        (
            "Orbion Quantum has opened a lab in Ostermark, Bavaria.",
            "Orbion Quantum",
            "Ostermark",
            "Bavaria",
        ),
        # the next town of a list a preposition opened
        (
            "Orbion Quantum has dual headquarters in Colorado, USA, and Kelmar, Norway.",
            "Orbion Quantum",
            "Kelmar",
            "Norway",
        ),
        (
            "Orbion Quantum has offices in Lyon, France and Tarnowo, Poland.",
            "Orbion Quantum",
            "Tarnowo",
            "Poland",
        ),
    ],
)
def test_a_town_no_list_holds_named_with_its_country(
    facts: Run, text: str, org: str, town: str, country: str
) -> None:
    """ "in Kelmar, Norway": the capitalised word before a known country or region is a town of it."""
    f = facts(text)
    assert f.has(town, "LOCATED_IN", country), f.triples()
    assert f.has(org, "LOCATED_IN", town), f.triples()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The summit in May, Norway drew crowds.", "May"),  # a month
        ("Investors in Acme Labs, Norway were pleased.", "Acme Labs"),  # an organisation's keyword
        ("The award went to Ingrid, Norway's youngest physicist.", "Ingrid"),  # a given name
        # "and" without a place list opened by a preposition before it
        ("Orbion Quantum and Kelmar, Norway's largest bank, signed a deal.", "Kelmar"),
    ],
)
def test_no_town_before_a_country(facts: Run, text: str, word: str) -> None:
    f = facts(text)
    assert not [e for e in f.kg.entities if e.name == word and e.type.value == "City"], f.names


def test_a_place_in_brackets_is_where_an_actor_is_not_its_other_name(facts: Run) -> None:
    f = facts(
        "Partners include Veltra Labs (Denmark) and the Kestrel Institute of Physics (Finland). "
        "Denmark will fund the work."
    )
    assert f.has("Veltra Labs", "LOCATED_IN", "Denmark"), f.triples()
    assert f.has("Kestrel Institute of Physics", "LOCATED_IN", "Finland"), f.triples()
    assert "Denmark" not in next(e for e in f.kg.entities if e.name == "Veltra Labs").aliases


def test_an_x_based_description_ends_at_a_preposition(facts: Run) -> None:
    """ "a US-based company founded by Dutch physicists": the nationality names no company."""
    f = facts("The funding went to Brannic Photonics, a US-based company founded by Dutch physicists.")
    assert f.has("Brannic Photonics", "LOCATED_IN", "United States"), f.triples()
    assert not f.has_entity("Dutch"), f.names


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        (
            "Quantum computing firm Orbion Quantum is to develop a new facility in Bavaria.",
            "Orbion Quantum",
            "Bavaria",
        ),
        ("Veltra Labs is developing a second lab in Lyon.", "Veltra Labs", "Lyon"),
    ],
)
def test_a_site_developed_in_a_place(facts: Run, text: str, org: str, place: str) -> None:
    assert facts(text).has(org, "LOCATED_IN", place)


def test_a_product_developed_in_a_place_locates_nothing(facts: Run) -> None:
    f = facts("Veltra Labs developed its control software in Lyon.")
    assert not f.has("Veltra Labs", "LOCATED_IN", "Lyon"), f.triples()


@pytest.mark.parametrize(
    ("text", "located"),
    [
        (
            "The deal was signed by US quantum firm Orbion Quantum and the UK company Veltra Labs.",
            [("Orbion Quantum", "United States"), ("Veltra Labs", "United Kingdom")],
        ),
        ("Kessler Group, the US multinational bank, is investing.", [("Kessler Group", "United States")]),
        ("Investors such as the UK bank Kessler Group joined.", [("Kessler Group", "United Kingdom")]),
        (
            "Earlier, Sydney-Los Angeles quantum control company Orbion Quantum said it raised $5m.",
            [("Orbion Quantum", "Sydney"), ("Orbion Quantum", "Los Angeles")],
        ),
    ],
)
def test_places_as_modifiers_of_organisation_nouns(
    facts: Run, text: str, located: list[tuple[str, str]]
) -> None:
    """Each place qualifying an organisation noun locates the name it describes, one description each."""
    f = facts(text)
    for org, place in located:
        assert f.has(org, "LOCATED_IN", place), f.triples()
    assert not f.has("Veltra Labs", "LOCATED_IN", "United States"), f.triples()


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        (
            "Orbion Quantum, a sensing company based in Lowell, MA, USA, announced a deal.",
            "Lowell",
            "Massachusetts",
        ),
        ("Orbion Quantum has a lab in Lowell, MA.", "Lowell", "Massachusetts"),
        ("Orbion Quantum is headquartered in Tervo Falls, Massachusetts.", "Tervo Falls", "Massachusetts"),
    ],
)
def test_a_town_named_with_its_state(facts: Run, text: str, town: str, state: str) -> None:
    """A town no list holds, written with its US state (postal code or name) after location wording,
    is a city of that state, even when its name is also a given name."""
    f = facts(text)
    assert f.has("Orbion Quantum", "LOCATED_IN", town), f.triples()
    assert f.has(town, "LOCATED_IN", state), f.triples()


def test_a_two_letter_word_alone_is_no_state(facts: Run) -> None:
    f = facts("Orbion Quantum said IN a statement that OR AND logic is easy.")
    assert not any(e.type.value == "Region" for e in f.kg.entities), f.names


def test_a_region_written_with_its_unit_word_stays_an_apposition_in_a_list(facts: Run) -> None:
    f = facts("Veltra Quantum has branch offices in Chengdu, Sichuan Province, and Shenzhen.")
    assert f.has("Veltra Quantum", "LOCATED_IN", "Chengdu")
    assert f.has("Veltra Quantum", "LOCATED_IN", "Shenzhen")
    assert f.has("Chengdu", "LOCATED_IN", "Sichuan")
    assert not f.has("Veltra Quantum", "LOCATED_IN", "Sichuan")


def test_a_city_set_off_with_in_and_a_countrys_region(facts: Run) -> None:
    f = facts("Headquartered in Hefei, in China's Anhui Province, Veltra Quantum builds ion traps.")
    assert f.has("Veltra Quantum", "LOCATED_IN", "Hefei")
    assert f.has("Hefei", "LOCATED_IN", "Anhui")
    # a possessive gives no location
    assert not f.has("Anhui", "LOCATED_IN", "China")


def test_a_unit_word_that_opens_a_longer_name_is_left_alone(facts: Run) -> None:
    f = facts("Ohio State University and Veltra Quantum signed a memorandum of understanding.")
    assert f.has("Ohio State University", "PARTNERS_WITH", "Veltra Quantum")


def test_an_r_and_d_centre_opened_in_a_place(facts: Run) -> None:
    f = facts("Veltra Quantum plans to open an R&D center in the state of New Mexico.")
    assert f.has("Veltra Quantum", "LOCATED_IN", "New Mexico")


def test_a_place_in_an_apposition_set_off_by_dashes(facts: Run) -> None:
    assert facts("Veltra Quantum — a Lyon-based firm — builds ion traps.").has(
        "Veltra Quantum", "LOCATED_IN", "Lyon"
    )


@pytest.mark.parametrize(
    ("text", "place", "located"),
    [
        ("Veltra Quantum is a start-up from Lyon.", "Lyon", True),
        ("Veltra Quantum was a spin-off in Delft before it moved.", "Delft", True),
        # a continent is where it works; a possessive names an owner
        ("Veltra Quantum is the largest quantum company in Europe.", "Europe", False),
        ("Veltra Quantum is a partner in Germany's quantum programme.", "Germany", False),
    ],
)
def test_a_predicate_noun_says_where_the_subject_comes_from(
    facts: Run, text: str, place: str, located: bool
) -> None:
    assert facts(text).has("Veltra Quantum", "LOCATED_IN", place) is located
