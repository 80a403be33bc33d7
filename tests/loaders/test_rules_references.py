"""References across sentences: pronouns and descriptions resolve to an actor named earlier
when type, nationality and recency agree on one candidate, and facts read through them keep
the antecedent's sentence as a second evidence span. All texts are made up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.extract import extract
from qkg.loaders.gazetteer import default_gazetteer
from qkg.loaders.mentions import find_mentions
from qkg.loaders.resolve import resolve
from qkg.loaders.rules.nationality import place_country
from qkg.loaders.rules.references import ANTECEDENT_RULE, Reference
from qkg.loaders.segment import split_sentences
from qkg.schemas import Document

from .conftest import Facts

Run = Callable[[str], Facts]


def references(text: str) -> dict[str, list[str]]:
    """Each reference's surface text -> the names of the entities it resolved to."""
    gaz = default_gazetteer()
    sents = split_sentences(text)
    res = resolve(find_mentions(text, sents, gaz), gaz, sents)
    out: dict[str, list[str]] = {}
    for m, eid in res.mentions:
        if isinstance(m, Reference):
            out.setdefault(m.text, []).append(res.drafts[eid].name)
    return out


# -- what a reference stands for ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "names"),
    [
        # "It" opening a sentence: the previous sentence's subject organisation
        (
            "Orbion Quantum was founded in 2020 in Lyon. It has now teamed up with Veltra Quantum.",
            "It",
            ["Orbion Quantum"],
        ),
        # nationality: the French start-up is the French company, not the latest one
        (
            "Orbion Quantum, a French start-up, builds photonic chips. Kessler Technologies, a German "
            "company, makes lasers. The French start-up will open a lab in Lyon.",
            "The French start-up",
            ["Orbion Quantum"],
        ),
        # a nationality adjective before the name, a US company two sentences back
        (
            "American chipmaker Nevrix Technologies reported record sales. Orbion Quantum was "
            "founded in Lyon in 2020. It has now teamed up with the American chipmaker.",
            "the American chipmaker",
            ["Nevrix Technologies"],
        ),
        # a place name as modifier: the span leaves "US" to the place rules
        (
            "Nevrix Technologies, a US company, builds chips. Orbion Quantum signed a deal with "
            "the US tech giant.",
            "tech giant",
            ["Nevrix Technologies"],
        ),
        # "X-based" from the text: Lyon is in France
        (
            "Orbion Quantum, based in Lyon, builds photonic chips. Kessler Technologies, a German "
            "company, makes lasers. The French firm raised money.",
            "The French firm",
            ["Orbion Quantum"],
        ),
        # where it was founded says its country: Lyon is in France, Munich is not
        (
            "Orbion Quantum was founded in 2019 in Lyon. Kessler Technologies was founded in Munich. "
            "The French start-up has teamed up with Veltra Quantum.",
            "The French start-up",
            ["Orbion Quantum"],
        ),
        # the university: the only one named so far
        (
            "Veltra Quantum and the University of Tarnow signed an agreement. Veltra Quantum will "
            "fund two chairs. The university will host a new laboratory.",
            "The university",
            ["University of Tarnow"],
        ),
        # "it" inside a sentence after a reporting verb: the subject
        (
            "Orbion Quantum announced that it would open an office in Lyon.",
            "it",
            ["Orbion Quantum"],
        ),
        # the two companies: the last two
        (
            "Orbion Quantum builds chips. Veltra Quantum builds software. The two companies "
            "signed a memorandum of understanding.",
            "The two companies",
            ["Orbion Quantum", "Veltra Quantum"],
        ),
        # the description whose head noun is in one candidate's name
        (
            "The Nordic Quantum Council was set up by Veltra Quantum and Orbion Quantum. "
            "The council will meet twice a year.",
            "The council",
            ["Nordic Quantum Council"],
        ),
        # a possessive names the nationality: "Japan's Kessler Technologies"
        (
            "Japan's Kessler Technologies builds lasers. Orbion Quantum, a French start-up, builds "
            "chips. The Japanese company will supply Orbion Quantum.",
            "The Japanese company",
            ["Kessler Technologies"],
        ),
        # the country of the city named last, when that country is in the text
        (
            "South Korea and the United States signed a statement. Daejeon wants to become the "
            "country's leading quantum city.",
            "the country",
            ["South Korea"],
        ),
        # a park, an accelerator, an incubator named before
        (
            "The Kestrel Quantum Park opened in May. The park is funded by the State of Ohio.",
            "The park",
            ["Kestrel Quantum Park"],
        ),
        # the country of the city named last, not the last country
        (
            "Orbion Quantum opened an office in the United States. Daejeon wants to become "
            "the country's leading quantum city.",
            "the country",
            [],
        ),
    ],
)
def test_reference_resolves(text: str, ref: str, names: list[str]) -> None:
    assert references(text).get(ref, []) == names


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # wrong nationality: no German company was named
        (
            "Orbion Quantum, a French start-up, builds photonic chips. The German company said "
            "it will invest.",
            "The German company",
        ),
        # wrong type: no university was named
        ("Orbion Quantum builds photonic chips. The university will host a laboratory.", "The university"),
        # no antecedent at all
        ("The company said it will open an office in Lyon.", "The company"),
        # two equally good antecedents, coordinated in the previous sentence
        (
            "Orbion Quantum and Veltra Quantum signed an agreement. The company will build a lab.",
            "The company",
        ),
        # three companies in one sentence: which two is unclear
        (
            "Orbion Quantum, Veltra Quantum and Kessler Technologies met in Lyon. The two companies "
            "signed a deal.",
            "The two companies",
        ),
        # a rival named in the same sentence as the description
        (
            "Orbion Quantum and Kessler Technologies agreed to work together. Kessler Technologies "
            "will invest $5 million in Orbion Quantum and take a stake in the company.",
            "the company",
        ),
        # expletive "it"
        ("Orbion Quantum builds chips. It is likely that prices will fall.", "It"),
        # "It" after a sentence whose subject is a person
        ("Professor Jane Morrow of the University of Tarnow spoke in Lyon. It has a lab there.", "It"),
        # a description that says more than can be checked
        (
            "Orbion Quantum builds chips. The multinational professional services firm will use them.",
            "The multinational professional services firm",
        ),
    ],
)
def test_reference_stays_unresolved(text: str, ref: str) -> None:
    assert ref not in references(text)


def test_apposition_and_name_modifier_are_not_references() -> None:
    refs = references(
        "Orbion Quantum, the French start-up, raised money. The French start-up Lumeris said hello."
    )
    assert refs == {}
    # a description followed by the name it introduces ("founded the company, Orbion Inc. where ...")
    refs = references(
        "Ada Lin joined Veltra Systems in 2019. She founded the company, Orbion Inc. where she serves as CEO."
    )
    assert "the company" not in refs


def test_reference_is_never_an_entity_nor_an_alias(facts: Run) -> None:
    f = facts("Orbion Quantum was founded in Lyon. The company has now teamed up with Veltra Quantum.")
    names = {e.name for e in f.kg.entities} | {a for e in f.kg.entities for a in e.aliases}
    assert not {"The company", "the company", "It"} & names


# -- facts read through references ------------------------------------------------------------


def test_partnership_through_two_references_keeps_both_antecedents(facts: Run) -> None:
    text = (
        "American chipmaker Nevrix Technologies reported record sales. Orbion Quantum was "
        "founded in 2020 in Lyon. It has now teamed up with the American chipmaker."
    )
    f = facts(text)
    assert f.has("Orbion Quantum", "PARTNERS_WITH", "Nevrix Technologies")
    rel = next(r for r in f.kg.relations if r.type.value == "PARTNERS_WITH")
    rules = [e.rule for e in rel.evidence]
    assert rules[0] != ANTECEDENT_RULE  # the stating sentence comes first
    assert rules.count(ANTECEDENT_RULE) == 2
    for e in rel.evidence:
        assert text[e.start : e.end] == e.sentence
    assert "teamed up" in rel.evidence[0].sentence


def test_agreement_through_a_plural_reference(facts: Run) -> None:
    text = (
        "Orbion Quantum builds photonic chips. Veltra Quantum writes control software. "
        "The two companies signed a memorandum of understanding in March."
    )
    f = facts(text)
    assert ("MOU", frozenset({"Orbion Quantum", "Veltra Quantum"})) in f.agreements()
    ag = f.kg.agreements[0]
    assert [e.rule for e in ag.evidence].count(ANTECEDENT_RULE) == 2
    assert all(text[e.start : e.end] == e.sentence for e in ag.evidence)


def test_description_in_a_sentence_feeds_relation_rules(facts: Run) -> None:
    f = facts(
        "Orbion Quantum, a French start-up, builds photonic chips. Kessler Ventures invested "
        "EUR 5 million in the French start-up."
    )
    assert f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum")


def test_possessive_before_a_role(facts: Run) -> None:
    f = facts("Orbion Quantum opened a lab in Lyon. Its CEO Jane Morrow said the lab will grow.")
    assert f.has("Jane Morrow", "AFFILIATED_WITH", "Orbion Quantum")


def test_unresolved_reference_produces_nothing(facts: Run) -> None:
    f = facts(
        "Orbion Quantum and Veltra Quantum met in Lyon. The company has now teamed up with Kessler Technologies."
    )
    assert not f.has("Orbion Quantum", "PARTNERS_WITH", "Kessler Technologies")
    assert not f.has("Veltra Quantum", "PARTNERS_WITH", "Kessler Technologies")


def test_fact_with_names_only_has_no_antecedent_span() -> None:
    kg = extract(Document.from_text("Orbion Quantum has teamed up with Veltra Quantum."))
    assert all(e.rule != ANTECEDENT_RULE for r in kg.relations for e in r.evidence)


@pytest.mark.parametrize(
    ("word", "country"),
    [("French", "FR"), ("US", "US"), ("Lyon-based", "FR"), ("South Korean", "KR"), ("Orbion", None)],
)
def test_place_country(word: str, country: str | None) -> None:
    assert place_country(word, default_gazetteer()) == country


def test_place_modifier_of_a_reference_still_locates(facts: Run) -> None:
    f = facts(
        "Orbion Quantum, a French start-up, builds photonic chips. Veltra Technologies has signed a "
        "supply contract with the Lyon-based firm."
    )
    assert f.has("Orbion Quantum", "LOCATED_IN", "Lyon")
    assert ("Contract", frozenset({"Orbion Quantum", "Veltra Technologies"})) in f.agreements()


def test_the_centre_is_the_centre_named_before(facts: Run) -> None:
    f = facts(
        "The Tarnow Center for Photonics was opened by Orbion Quantum. The center will be part of "
        "the Chicago Quantum Exchange."
    )
    assert f.has("Tarnow Center for Photonics", "PART_OF", "Chicago Quantum Exchange")


@pytest.mark.parametrize(
    ("text", "ref", "names"),
    [
        # a press release capitalises the head of a description of its own organisation
        (
            "The Kessler Institute opened a lab in Lyon. The Institute will hire forty engineers.",
            "The Institute",
            ["Kessler Institute"],
        ),
        # "He" opening a sentence: the one person of the sentences before
        (
            "Professor Ada Lindqvist, director of the Kessler Institute, spoke in Lyon. She joined the "
            "institute in 2019.",
            "She",
            ["Ada Lindqvist"],
        ),
        # "he" opening a clause inside a sentence
        (
            "Dr Tomas Berg spoke in Lyon. He joins Orbion University from Veltra University, where he "
            "is a professor.",
            "he",
            ["Tomas Berg"],
        ),
    ],
)
def test_capitalised_heads_and_personal_pronouns(text: str, ref: str, names: list[str]) -> None:
    assert references(text).get(ref, []) == names


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # two people in the sentence before, neither its subject: who is unclear
        ("The prize went to Dr Ada Lindqvist and Dr Tomas Berg of Orbion University. He thanked them.", "He"),
        # no person named nearby
        ("Orbion Quantum builds chips in Lyon. He said the plant will open soon.", "He"),
        # a person named too long before
        (
            "Dr Ada Lindqvist spoke in Lyon. Orbion Quantum builds chips. Veltra Quantum builds lasers. "
            "The two firms met in Paris. She said the plant will open soon.",
            "She",
        ),
        # "he" inside a word or after a noun is no clause subject
        ("Dr Tomas Berg praised the shepherd. The prize he won was large.", "he"),
        # the head of a name, not a description: "the Institute of Physics"
        ("The Kessler Institute opened a lab. The Institute of Physics will use it.", "The Institute"),
    ],
)
def test_personal_pronouns_and_capitalised_heads_unresolved(text: str, ref: str) -> None:
    assert ref not in references(text)


def test_a_role_through_a_personal_pronoun(facts: Run) -> None:
    f = facts(
        "Professor Ada Lindqvist will lead the Kessler Institute from May. Since 2011, she has been a "
        "professor of physics at Orbion University."
    )
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Orbion University"), f.triples()
    rel = next(r for r in f.kg.relations if f.names[r.target] == "Orbion University")
    assert any(e.rule == ANTECEDENT_RULE for e in rel.evidence)


def test_a_capitalised_head_before_a_role_and_name(facts: Run) -> None:
    f = facts(
        "The Kessler Institute named Ada Lindqvist as its director. She takes over from the Institute's "
        "founding Director Tomas Berg."
    )
    assert f.has("Tomas Berg", "AFFILIATED_WITH", "Kessler Institute"), f.triples()


def test_a_place_of_two_words_modifies_a_description(facts: Run) -> None:
    text = (
        "Orbion Quantum, based in Palo Alto, builds chips. The Silicon Valley company will work with the "
        "Kessler Institute."
    )
    assert references(text).get("company") == ["Orbion Quantum"]
    f = facts(text)
    assert f.has("Orbion Quantum", "PARTNERS_WITH", "Kessler Institute"), f.triples()
    assert not f.has("Silicon Valley", "PARTNERS_WITH", "Kessler Institute")


def test_a_description_of_a_zone(facts: Run) -> None:
    f = facts(
        "The Tarnow Quantum Industry Zone opened in May. Ada Lindqvist, deputy director of the zone, said "
        "it will grow."
    )
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Tarnow Quantum Industry Zone"), f.triples()


def test_a_possessive_description_inside_an_apposition_refers(facts: Run) -> None:
    f = facts(
        "Orbion Quantum raised $20m. Ada Lindqvist, the company's chief executive, said the money will "
        "fund hiring."
    )
    assert f.has("Ada Lindqvist", "AFFILIATED_WITH", "Orbion Quantum"), f.triples()


def test_a_personal_pronoun_after_two_people_makes_no_fact(facts: Run) -> None:
    f = facts(
        "Dr Ada Lindqvist, CEO of Orbion Quantum, met Dr Tomas Berg in Lyon. He is also a professor at "
        "Veltra University."
    )
    assert not any(o == "Veltra University" for _, _, o in f.triples()), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        "Quorvane Labs raised $20 million in a round led by Harrowgate Venture Partners. "
        "Existing investors Harrowgate and Orlen Capital also joined.",
        "Harrowgate Venture Partners led the round in Quorvane Labs. The investor Harrowgate "
        "has backed four quantum start-ups.",
    ],
)
def test_a_leading_short_form_is_the_longer_organisation(facts: Run, text: str) -> None:
    f = facts(text)
    names = sorted(f.names.values())
    assert "Harrowgate Venture Partners" in names, names
    assert "Harrowgate" not in names, names


def test_a_short_form_that_is_a_place_or_a_person_stays_apart(facts: Run) -> None:
    f = facts(
        "Denver Quantum Partners opened an office. The lab in Denver hired staff. "
        "The Mira Sol Foundation funds fellowships. Its founder, Mira Sol, said so."
    )
    types = {e.name: e.type.value for e in f.kg.entities}
    assert types.get("Denver") == "City", types
    assert types.get("Mira Sol") == "Person", types
    assert "Denver Quantum Partners" in types, types
    assert "Mira Sol Foundation" in types, types


def test_an_acronym_before_a_longer_name_is_its_parent(facts: Run) -> None:
    f = facts(
        "The NORVA partners launched the NORVA Subsea Sensing Systems effort. NORVA members meet yearly. "
        "NORVA was founded in 2021."
    )
    names = sorted(f.names.values())
    assert "NORVA" in names, names


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Labs builds chips. Ada Lin, who heads the quantum group at Kessler University, welcomed the news.",
        "Orbion Labs builds chips. Ada Lin leads the photonics team within the Lakeside Institute.",
    ],
)
def test_a_description_attached_to_a_name_after_it_refers_to_nothing_before(facts: Run, text: str) -> None:
    f = facts(text)
    assert not [t for t in f.triples() if t[0] == "Ada Lin" and t[2] == "Orbion Labs"], f.triples()


@pytest.mark.parametrize(
    "second",
    [
        "The Boston company is also working with Nvidia on a deployment.",
        "The Boston-based firm has teamed up with Nvidia.",
    ],
)
def test_a_place_modifying_a_description_with_no_antecedent_is_no_party(facts: Run, second: str) -> None:
    # Orbion's country is not known, so "the Boston company" finds no one to stand for;
    # Boston, which only qualifies it, must not become Nvidia's partner
    f = facts(f"Orbion Quantum raised money in March. {second}")
    assert not [t for t in f.triples() if "Boston" in (t[0], t[2])], f.triples()


def test_a_place_modifying_a_resolved_description_leaves_the_antecedent_the_party(facts: Run) -> None:
    f = facts("IonQ raised money in March. The Boston company is also working with Nvidia on a deployment.")
    assert f.has("IonQ", "PARTNERS_WITH", "Nvidia"), f.triples()
    assert not f.has("Boston", "PARTNERS_WITH", "Nvidia")


@pytest.mark.parametrize(
    ("text", "company", "place"),
    [
        (
            "French start-up Orbion Quantum raised money. The Lyon company will hire 40 people.",
            "Orbion Quantum",
            "Lyon",
        ),
        (
            "British firm Veltra Systems raised money. Rather than building chips, the Bristol-based firm writes code.",
            "Veltra Systems",
            "Bristol",
        ),
    ],
)
def test_a_place_qualifying_a_resolved_description_locates_its_antecedent(
    facts: Run, text: str, company: str, place: str
) -> None:
    f = facts(text)
    assert f.has(company, "LOCATED_IN", place), f.triples()


def test_a_description_is_never_the_party_named_after_it_in_its_own_sentence(facts: Run) -> None:
    # Nvidia is named more often than anyone, but "the Boston company ... with Nvidia" is not Nvidia
    f = facts(
        "Nvidia makes chips. Nvidia sells them widely, and Nvidia also backed IonQ. Analysts were surprised. "
        "The Boston company is also working with Nvidia on a deployment."
    )
    assert not f.has("Nvidia", "LOCATED_IN", "Boston"), f.triples()
    assert f.has("IonQ", "PARTNERS_WITH", "Nvidia"), f.triples()


def test_a_description_prefers_the_subject_of_the_sentence_before(facts: Run) -> None:
    # PsiQuantum is named twice, IonQ once, but IonQ is what the sentence before is about
    f = facts(
        "PsiQuantum raised $1 billion, and Nvidia is investing in PsiQuantum. "
        "IonQ announced a larger round that already included Google. "
        "The US company is also working with Nvidia on a deployment in Japan."
    )
    assert f.has("IonQ", "PARTNERS_WITH", "Nvidia"), f.triples()
    assert not f.has("PsiQuantum", "PARTNERS_WITH", "Nvidia")


@pytest.mark.parametrize(
    ("text", "ref", "names"),
    [
        (
            "Orbion Quantum and Veltra Quantum announced a partnership. As part of the deal, the companies "
            "will share a lab.",
            "the companies",
            ["Orbion Quantum", "Veltra Quantum"],
        ),
        (
            "Orbion Quantum signed an agreement with Veltra Quantum and the University of Tarnow. The partners "
            "will meet in Lyon.",
            "The partners",
            ["Orbion Quantum", "Veltra Quantum", "University of Tarnow"],
        ),
        (
            "Orbion Quantum and the University of Tarnow signed an agreement. The two organisations will share a lab.",
            "The two organisations",
            ["Orbion Quantum", "University of Tarnow"],
        ),
    ],
)
def test_a_plural_without_a_number_is_the_few_just_named(text: str, ref: str, names: list[str]) -> None:
    assert references(text).get(ref, []) == names


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # one company only: a plural stands for several
        ("Orbion Quantum builds chips. The companies will buy more of them.", "The companies"),
        # four named: which of them is unclear
        (
            "Orbion Quantum, Veltra Quantum, Kessler Technologies and Tarnow Photonics Inc. met in Lyon. "
            "The companies signed a deal.",
            "The companies",
        ),
    ],
)
def test_a_plural_without_a_number_stays_unresolved(text: str, ref: str) -> None:
    assert ref not in references(text)


def test_joint_work_through_a_plural_reference(facts: Run) -> None:
    f = facts(
        "Orbion Quantum and Veltra Quantum announced a partnership. As part of the collaboration, the "
        "companies will focus on quantum sensing."
    )
    assert f.has("Orbion Quantum", "WORKS_ON", "quantum sensing")
    assert f.has("Veltra Quantum", "WORKS_ON", "quantum sensing")


def test_a_plural_describing_names_of_its_own_sentence_is_no_reference() -> None:
    text = "Orbion Quantum builds chips. Veltra Quantum and Kessler Technologies are among the companies to win a contract."
    assert "the companies" not in references(text)


# -- a description of a kind the text gives no name of: the one name typed by its shape ---------


@pytest.mark.parametrize(
    ("text", "ref", "names"),
    [
        # "uOttawa" reads as a company by its shape; "the university" says what it is
        (
            "This is the second development for uVarno in a month. In June, the university announced "
            "a partnership with Orbion Quantum.",
            "the university",
            ["uVarno"],
        ),
        # the latest of two such names: "the institute" is what the sentence before named
        (
            "KorvaNet opened a lab in Lyon in May. In June, QuantaLab was set up in Lyon. The institute "
            "will hire ten researchers.",
            "The institute",
            ["QuantaLab"],
        ),
    ],
)
def test_a_description_corrects_a_type_guessed_from_a_name_shape(
    text: str, ref: str, names: list[str]
) -> None:
    assert references(text).get(ref, []) == names


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # the text introduced a university it does not name: "the university" is that one
        ("KorvaNet will work with a university in Seoul. The university will host a lab.", "The university"),
        # a company description already stood for it: no university
        (
            "KorvaNet opened a lab in Lyon. The company hired ten people. The university will host the lab.",
            "The university",
        ),
        # a nationality the guessed name has no evidence of
        ("KorvaNet opened a lab in Lyon. The French institute will hire ten people.", "The French institute"),
        # a company description never takes this path
        ("KorvaNet opened a lab in Lyon. The German company will supply it.", "The German company"),
    ],
)
def test_a_guessed_type_is_not_corrected_without_cause(text: str, ref: str) -> None:
    assert ref not in references(text)


# -- "the new institute": the one the text already called an institute -----------------------


def test_the_new_description_is_the_actor_already_given_that_head() -> None:
    text = "Kessler University launched the Varno Quantum Institute in May. The new institute is directed by Ada Lin."
    assert references(text).get("The new institute") == ["Varno Quantum Institute"]


def test_the_new_company_two_firms_form_is_no_earlier_one() -> None:
    text = (
        "UK-based Orbion Quantum is joining with US-based Kessler Technologies to form a new company. "
        "Kessler Technologies will invest $300m in the new company."
    )
    assert "the new company" not in references(text)


def test_leaders_of_the_new_institute(facts: Run) -> None:
    f = facts(
        "Kessler University launched the Varno Quantum Institute in May. The new institute is being "
        "co-directed by Dr. Ada Lin and Dr. Tom Berg."
    )
    assert f.has("Ada Lin", "LEADS", "Varno Quantum Institute"), f.triples()
    assert f.has("Tom Berg", "LEADS", "Varno Quantum Institute"), f.triples()


# -- "these universities", "the announcement by X that it ..." ----------------------------------


def test_these_plural_and_the_author_of_an_announcement(facts: Run) -> None:
    text = (
        "Professor Ada Lin of Kessler University met Professor Tom Berg of Tarnow University in Lyon. "
        "The meeting follows the announcement by Orbion Quantum that it would work with these universities."
    )
    assert references(text).get("it") == ["Orbion Quantum"]
    assert references(text).get("these universities") == ["Kessler University", "Tarnow University"]
    f = facts(text)
    assert f.has("Orbion Quantum", "PARTNERS_WITH", "Kessler University"), f.triples()
    assert f.has("Orbion Quantum", "PARTNERS_WITH", "Tarnow University"), f.triples()


def test_an_announcement_about_another_actor_is_not_its_author() -> None:
    # "the deal with Orbion that it signed": Orbion is no author of an announcement
    text = "Kessler Technologies praised the deal with Orbion Quantum that it signed in May."
    assert references(text).get("it") != ["Orbion Quantum"]


def test_these_before_the_names_it_introduces_is_no_reference() -> None:
    text = (
        "Kessler University and Tarnow University opened labs. These universities include Varno "
        "University and Lund University."
    )
    assert "These universities" not in references(text)


# -- a stake a person holds, read through a reference ------------------------------------------


def test_a_person_holding_a_stake_in_the_company(facts: Run) -> None:
    f = facts(
        "Orbion Quantum, a French start-up, builds lasers. Ada Lin personally holds an 11 percent "
        "equity stake in the company."
    )
    assert f.has("Ada Lin", "INVESTS_IN", "Orbion Quantum"), f.triples()


def test_a_person_named_beside_a_stake_holder_holds_none(facts: Run) -> None:
    f = facts("Ada Lin said Kessler Ventures holds a 5 percent stake in Orbion Quantum.")
    assert not f.has("Ada Lin", "INVESTS_IN", "Orbion Quantum"), f.triples()


# -- "they": the organisations coordinated as a subject ----------------------------------------


def test_they_are_the_coordinated_subjects_of_the_sentence_before(facts: Run) -> None:
    text = (
        "Orbion Quantum and Kessler Technologies signed a deal in May. They will also work with "
        "the University of Tarnow."
    )
    assert references(text).get("They") == ["Orbion Quantum", "Kessler Technologies"]
    f = facts(text)
    assert f.has("Orbion Quantum", "PARTNERS_WITH", "University of Tarnow"), f.triples()
    assert f.has("Kessler Technologies", "PARTNERS_WITH", "University of Tarnow"), f.triples()


@pytest.mark.parametrize(
    "text",
    [
        # one subject: "they" is not the one company and its partner
        "Orbion Quantum signed a deal with Kessler Technologies. They will build a lab in Lyon.",
        # people are no organisations
        "Ada Lin and Tom Berg founded Orbion Quantum. They will build a lab in Lyon.",
        # "they" inside a clause that is not a reported one
        "Orbion Quantum and Kessler Technologies signed a deal. Analysts expect that prices they set will fall.",
    ],
)
def test_they_stays_unresolved_without_a_coordinated_subject(text: str) -> None:
    assert not any(r.lower() == "they" for r in references(text))


# -- "its investors", "its parent company", "its subsidiary": the possessor's holders --------


@pytest.mark.parametrize(
    ("second", "triple"),
    [
        (
            "Its backers include Kessler Ventures and Brask Capital.",
            ("Brask Capital", "INVESTS_IN", "Orbion Quantum"),
        ),
        (
            "Its parent company, Kessler Technologies, is based in Munich.",
            ("Orbion Quantum", "PART_OF", "Kessler Technologies"),
        ),
        (
            "Its subsidiary, Orbion Sensors GmbH, is based in Munich.",
            ("Orbion Sensors GmbH", "PART_OF", "Orbion Quantum"),
        ),
    ],
)
def test_its_holders_and_units(facts: Run, second: str, triple: tuple[str, str, str]) -> None:
    f = facts(f"Orbion Quantum, a French start-up, builds lasers. {second}")
    assert f.has(*triple), f.triples()


def test_its_holders_after_two_candidates_stay_unresolved(facts: Run) -> None:
    f = facts("Orbion Quantum and Kessler Technologies met in Lyon. Its investors include Brask Capital.")
    assert not any(t[1] == "INVESTS_IN" for t in f.triples()), f.triples()


def test_co_investors_alongside_the_round_lead(facts: Run) -> None:
    f = facts(
        "Orbion Quantum, a French start-up, raised €100m. Kessler Ventures led the round alongside "
        "Brask Capital and Tessaly Partners."
    )
    assert f.has("Brask Capital", "INVESTS_IN", "Orbion Quantum"), f.triples()
    assert f.has("Tessaly Partners", "INVESTS_IN", "Orbion Quantum"), f.triples()
    g = facts("Orbion Quantum raised €100m. Kessler Ventures led the talks alongside Brask Capital.")
    assert not g.has("Brask Capital", "INVESTS_IN", "Orbion Quantum"), g.triples()


# -- a description's kind and the roles of a funding sentence ---------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "names"),
    [
        # the kind the text gave one candidate ("chips from X") decides over the subject
        (
            "Kvantra Labs will use chips from Orbion Quantum. The chip giant will also partner "
            "with Veltra University.",
            "The chip giant",
            ["Orbion Quantum"],
        ),
        (
            "Kvantra Labs will use chips from Orbion Quantum, and the chip giant's fabs in Varno "
            "will make them.",
            "the chip giant",
            ["Orbion Quantum"],
        ),
        (
            "Kvantra Labs signed a deal with chipmaker Orbion Quantum. The chipmaker will deliver "
            "processors next year.",
            "The chipmaker",
            ["Orbion Quantum"],
        ),
        # a fund is no start-up, whatever the subject
        (
            "Kessler Ventures led a $20m Series A round in Orbion Quantum, with participation from "
            "Nordvik Capital. The start-up will hire engineers.",
            "The start-up",
            ["Orbion Quantum"],
        ),
        # "the company" after a round is the company funded, not the fund that led it
        (
            "Kessler Ventures led a $20m round in Orbion Quantum. The company will use the money "
            "to hire engineers.",
            "The company",
            ["Orbion Quantum"],
        ),
        (
            "Orbion Quantum raised $20m in a round led by Kessler Ventures. The company will hire engineers.",
            "The company",
            ["Orbion Quantum"],
        ),
        # must keep working: no funding sentence, the subject is the company
        (
            "Kvantra Labs signed an agreement with Orbion Quantum. The company will open a lab.",
            "The company",
            ["Kvantra Labs"],
        ),
        (
            "Kessler Ventures announced a new fund. The firm will open an office in Lyon.",
            "The firm",
            ["Kessler Ventures"],
        ),
        # "the fund" is the investor
        (
            "Kessler Ventures led a $20m round in Orbion Quantum. The fund has backed ten firms.",
            "The fund",
            ["Kessler Ventures"],
        ),
    ],
)
def test_description_kind_and_funding_roles(text: str, ref: str, names: list[str]) -> None:
    assert references(text).get(ref, []) == names


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # two candidates of the kind named: which chipmaker is unclear
        (
            "Kvantra Labs will use chips from Orbion Quantum and Tessel Semiconductor. The chipmaker "
            "will also open a fab.",
            "The chipmaker",
        ),
        # two funds and no recipient named: "the start-up" has nobody to stand for
        (
            "Kessler Ventures and Nordvik Capital set up a joint fund. The start-up will hire engineers.",
            "The start-up",
        ),
    ],
)
def test_description_kind_unresolved(text: str, ref: str) -> None:
    assert ref not in references(text)
