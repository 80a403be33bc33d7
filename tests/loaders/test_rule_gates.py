"""The rules' cheap gates never hide a match: a sentence a rule's pattern matches always passes
the gate in front of it, whatever its case or script, so the gates only save time."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.loaders.rules.words import any_in, leading_letters, letter_words, may_hold

#: Letters, the characters that fold to ASCII letters case-insensitively (İ ı ſ K), other scripts,
#: word joiners and spaces: what news text puts around a cue word.
_PIECES = st.sampled_from(
    [
        "appointed",
        "Appoint",
        "NAMED",
        "name",
        "names",
        "ſaid",
        "İt",
        "ıt",
        "Kelvin",
        "K",
        "é",
        "-",
        "_",
        "2",
        " ",
        ", ",
        "§3§",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=12).map("".join)

_WORDS = frozenset({"named", "said", "it"})
_STEMS = ("appoint",)
#: What a person-cue gate searches: whole words, or words opening with a stem, in any case.
_GATE = re.compile(r"\b(?:named|said|it|appoint\w*)\b", re.I)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_a_case_insensitive_cue_word_always_passes_the_word_set_gate(text: str) -> None:
    if _GATE.search(text):
        assert may_hold(text, _WORDS, _STEMS)


def test_the_word_set_gate_turns_away_sentences_without_the_cue() -> None:
    assert not may_hold("Orbion hired Ada Lin as chief scientist.", _WORDS, _STEMS)
    assert may_hold("Orbion has appointed Ada Lin.", _WORDS, _STEMS)
    assert may_hold("Orbion NAMED Ada Lin its chair.", _WORDS, _STEMS)


def test_letter_words_are_lower_case_runs_of_letters_or_nothing_where_case_folding_is_not_exact() -> None:
    found = letter_words("Veltra's co-founder, Ada Lin (CEO2), said so.")
    assert found == frozenset({"veltra", "s", "co", "founder", "ada", "lin", "ceo", "said", "so"})
    # the Kelvin sign matches "k" case-insensitively: no word set can stand in for the pattern
    assert letter_words("\u212aelvin Quantum said so.") is None


def test_leading_letters_of_a_list_with_a_word_opening_otherwise_is_no_gate() -> None:
    assert leading_letters(["start-up", "Firm"]) == frozenset({"start", "firm"})
    assert leading_letters(["5G network", "firm"]) is None
    assert may_hold("anything at all", None)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_any_in_finds_a_substring_exactly_where_a_search_for_it_does(text: str) -> None:
    for words in (("appoint", "§3§"), ("ſaid",), ("k", "ıt"), ("nam", "ed ")):
        assert any_in(text, words) == (re.search("|".join(map(re.escape, words)), text) is not None)


def test_any_in_answers_for_word_lists_asked_about_later() -> None:
    text = "Orbion and Veltra signed a memorandum of understanding."
    assert any_in(text, ("memorandum",))
    # a list first asked about after the text was scanned is still answered for that text
    assert any_in(text, ("understanding", "letter of intent"))
    assert not any_in(text, ("letter of intent",))


def test_any_in_is_case_exact_though_the_scan_reads_lower_case() -> None:
    text = "Orbion Signed an MoU with the ΣIGMA Lab in Kestrel."
    assert not any_in(text, ("signed", "mou"))  # here only in other cases
    assert any_in(text, ("MoU",))
    assert any_in(text, ("ΣIGMA",))  # a sigma: searched as written
    assert not any_in(text, ("σigma",))
    assert any_in(text, ())  # an empty list, as an empty alternation, always matches


#: Pieces of masked sentences around the relation rules' cues: tags, titles, prepositions, unit and
#: site words, funding words and amounts in several cases and scripts.
_MASKED_PIECES = st.sampled_from(
    [
        "§1§",
        "§22§",
        "§",
        "1",
        "2.5",
        " ",
        ", ",
        "-",
        "Mr ",
        "Dr.",
        "CEO of ",
        "director at the ",
        "researchers ",
        " at ",
        " with ",
        "the ",
        "leads a ",
        "team ",
        "Lab ",
        "has opened ",
        "an Office ",
        "in ",
        "partnered",
        "will Collaborate",
        "teamed up ",
        "FUNDED",
        "investment",
        "fundamental",
        "ſubsidy",
        "\u212a",
        "İ",
        "$",
        "€",
        "EUR",
        "USD ",
        "R",
        "million",
        " euros",
        "٣",
    ]
)
_MASKED = st.lists(_MASKED_PIECES, max_size=14).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_MASKED)
def test_the_relation_rules_gates_pass_every_sentence_their_patterns_match(m: str) -> None:
    from qkg.loaders.rules import affiliation, affiliation_shapes, agreements, fallback, person_roles, places

    if affiliation_shapes._ROLE_OF_TITLED.search(m):
        assert affiliation_shapes._TITLED_TAGS.search(m)
    if person_roles._ROLE_THEN_PEOPLE_AT.search(m):
        assert person_roles._TAG_PREP_TAG.search(m)
    if affiliation._TEAM_AT.search(m):
        assert may_hold(m, affiliation._TEAM_WORDS)
    if agreements._SUBJECTS_COLLABORATE.search(m):
        assert may_hold(m, agreements._CO_VERB_WORDS, agreements._CO_VERB_STEMS)
    if places._SETS_UP_IN.search(m):
        assert may_hold(m, places._SITE_WORDS)
    if affiliation._ROLE_OF_NAME.search(m):
        assert affiliation._TAG_SPACE_TAG.search(m)
    if affiliation._ROLE_OF_COMMA.search(m):
        assert affiliation._COMMA_TAG.search(m)
    full, fast = fallback._FUNDING.search(m), fallback._funding_cue(m)
    assert (full and full.span()) == (fast and fast.span())


def test_the_relation_rules_gates_pass_sentences_of_each_shape() -> None:
    from qkg.loaders.rules import (
        affiliation,
        affiliation_shapes,
        agreements,
        deals,
        fallback,
        membership,
        organisations,
        partners,
        person_roles,
        places,
    )

    cases = [
        (
            affiliation_shapes._ROLE_OF_TITLED,
            "Chairman of the §1§ Mr §2§ said",
            affiliation_shapes._TITLED_TAGS.search,
        ),
        (
            person_roles._ROLE_THEN_PEOPLE_AT,
            "researchers §1§ and §2§ at the §3§",
            person_roles._TAG_PREP_TAG.search,
        ),
        (
            affiliation._TEAM_AT,
            "§1§ leads the photonics group at §2§",
            lambda m: may_hold(m, affiliation._TEAM_WORDS),
        ),
        (
            agreements._SUBJECTS_COLLABORATE,
            "§1§ and §2§ will co-develop chips",
            lambda m: may_hold(m, agreements._CO_VERB_WORDS, agreements._CO_VERB_STEMS),
        ),
        (places._SETS_UP_IN, "§1§ has opened a new HQ in §2§", lambda m: may_hold(m, places._SITE_WORDS)),
        (
            deals._MEMBER_LIST,
            "The consortium comprises §1§, §2§ and §3§",
            lambda m: may_hold(m, deals._MEMBER_LIST_WORDS),
        ),
        (
            membership._PARTICIPANTS_INCLUDE,
            "Companies taking part in the §1§ include §2§ and §3§",
            lambda m: may_hold(m, membership._TAKE_PART_WORDS),
        ),
        (
            places._CALLED_IN,
            "a start-up based in §1§ called §2§",
            lambda m: may_hold(m, places._CALLED_WORDS),
        ),
        (affiliation._ROLE_OF_NAME, "Director of the §1§ §2§ said", affiliation._TAG_SPACE_TAG.search),
        (affiliation._ROLE_OF_COMMA, "CEO of the start-up, Dr. §2§", affiliation._COMMA_TAG.search),
        (
            partners._DESCRIBED_SUBJECTS,
            "§1§ and the global firm §2§ have signed a strategic partnership",
            lambda m: may_hold(m, partners._SIGN_VERBS),
        ),
        (
            organisations._DESCRIPTOR,
            "the Lyon-based deep-tech start-up Orvel Quantum",
            lambda m: may_hold(m, organisations._DESCRIPTOR_RUNS),
        ),
        (
            organisations._APPOS_KIND,
            "Orvel, a French not-for-profit that",
            lambda m: may_hold(m, organisations._APPOS_KIND_RUNS),
        ),
    ]
    for rx, m, passes in cases:
        assert rx.search(m), m
        assert passes(m), m
    for m in ("§1§ raised €5 million", "§1§ got USD 3m from §2§", "§3§ backed §1§", "§1§ met §22§ in 2024"):
        full, fast = fallback._FUNDING.search(m), fallback._funding_cue(m)
        assert (full and full.span()) == (fast and fast.span()), m


_ORG_PIECES = st.sampled_from(
    [
        "Orvel",
        " Quantum",
        "Lyon",
        ", a ",
        ", the ",
        ", one of the ",
        "the ",
        " ",
        "-based ",
        "start-up ",
        "Start-ups ",
        "startup",
        "company ",
        "companies",
        "firms",
        "spin-off ",
        "non-profit",
        "chip maker",
        "research centre ",
        "laboratory ",
        "French ",
        "é",
        "\u212a",
        "ſ",
        "2",
        "_",
        "-",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_ORG_PIECES, max_size=10).map("".join))
def test_the_organisation_descriptor_gates_pass_every_sentence_their_patterns_match(t: str) -> None:
    from qkg.loaders.rules import organisations

    if organisations._DESCRIPTOR.search(t):
        assert may_hold(t, organisations._DESCRIPTOR_RUNS)
    if organisations._APPOS_KIND.search(t):
        assert may_hold(t, organisations._APPOS_KIND_RUNS)


_CUE_PIECES = st.sampled_from(
    [
        "Such as",
        "SUCH AS",
        "ſuch as",
        "ſ",
        "\u212a",
        "İ",
        "ı",
        "é",
        "areas",
        "Fields",
        "rang",
        "ing",
        " ",
        ", ",
        "incl",
        "udes",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_CUE_PIECES, max_size=8).map("".join))
def test_the_field_cue_test_answers_as_its_case_insensitive_pattern(t: str) -> None:
    from qkg.loaders.rules import technologies

    assert technologies._field_cue(t) == (technologies._FIELD_CUE_GATE.search(t) is not None)


def test_the_level_and_own_work_gates_pass_sentences_of_each_shape() -> None:
    from qkg.loaders.rules import governments, works_on

    t = "officials of Franklin County said"
    assert governments._LEVEL_NAME.search(t)
    assert any_in(t, governments._LEVEL_NAME_WORDS)
    from qkg.loaders.rules import develops

    made = "§1§ launched a new programme named §2§"
    named = next(rx for rx, _, name in develops._DEVELOPS_MORE if name == "makes-named")
    assert named.search(made)
    assert may_hold(made, develops._RULE_WORDS["makes-named"])
    rules = {r.name: r for r in works_on._MAKES_RULES + works_on._FOCUS_RULES}
    for name, m in (
        ("develops-its-own", "§1§ will speed up the development of its own §2§"),
        ("builds-its-own", "§1§ plans to build its own §2§"),
    ):
        assert rules[name].pattern.search(m), name
        assert may_hold(m, works_on._RULE_WORDS[name]), name


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="aZq ,.-_2é’“ÄßİıſKÅ\u0301\t§", max_size=14))
def test_letter_words_are_the_runs_of_ascii_letters_of_the_lower_cased_text(text: str) -> None:
    found = letter_words(text)
    if any(c in text for c in "\u0130\u0131\u017f\u212a"):
        assert found is None
    else:
        assert found == frozenset(re.findall("[a-z]+", text.lower()))


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="aBz éÉßĀ’'.&-_2\u00c0x", max_size=12))
def test_the_capitalised_word_of_bare_names_matches_as_with_its_look_behind_in_front(text: str) -> None:
    from qkg.loaders.patterns import LOWER, UPPER
    from qkg.loaders.rules import bare_names

    before = re.compile(rf"(?<![\w'’.&-])[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?(?![\w'’&])")
    assert [m.span() for m in bare_names._CAP.finditer(text)] == [m.span() for m in before.finditer(text)]
