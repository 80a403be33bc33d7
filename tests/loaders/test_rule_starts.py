"""A pattern given the set of characters its matches start with answers exactly as the pattern:
only where the engine starts trying changes."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.loaders.rules import fastre
from qkg.loaders.rules.literals import Gated
from qkg.loaders.rules.starts import compile_with_start_set, first_chars, with_start_set
from qkg.loaders.segment import split_sentences

_REPO = Path(__file__).resolve().parents[2]

#: Openings the rules use: look-aheads, boundaries before words, optional words, repeated classes,
#: alternations of classes, look-behinds, scoped case-insensitivity, named groups, tags.
_SHAPES = {
    "a look-ahead, then a name": r"(?=[A-Z])(?<![\w-])([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*",
    "a boundary before words": r"\b(?:signed|inked)\s+an?\s+(?i:MoU)\b",
    "an optional word": r"(?:The\s+)?[A-Z][a-z]+\s+(?:Labs|Inc)",
    "a repeated class": r"[A-Z]{2,3}\b",
    "a repeated class alone": r"[\w-]+",
    "branches opening with classes": r"(?:[A-Z]\.|[a-z]+\s)(?P<rest>\w+)",
    "tags after a look-behind": r"(?<=\s)§(\d+)§|\bby\s+§(\d+)§",
    "a case-insensitive branch": r"(?i:\d+\s+(?:million|bn))|€\d+",
    "a clause opening": r"(?:^|(?<=[.;]\s))([A-Z]\w*)\s+(?:said|says)",
    "classes before words": r"\b(?:[Nn]ot|[Nn]ever)\b",
    "look-arounds around a word": r"(?=\w)(?!The\b)[A-Za-z]+(?=\s+of\b)",
    "a back reference": r"(a)?b\1?",
    "an empty branch": r"(?:x|)(?:y|z)+",
    "case-insensitive words": r"\b(?i:kelvin|signed|in)\b|(?i:[a-k]x)",
}
_PIECES = st.sampled_from(
    [
        "The ",
        "the ",
        "Orbion",
        "Labs",
        "Inc",
        " Inc",
        "signed",
        "SIGNED",
        "inked",
        " an ",
        "a ",
        "MoU",
        "mou",
        " said",
        "says",
        ". ",
        "; ",
        "§1§",
        "§12§",
        " by ",
        "by",
        "€",
        "5 ",
        " million",
        " BN",
        "Ada",
        "Lin",
        "ab",
        "b",
        "x",
        "y",
        "z",
        " of",
        "-",
        "A.",
        "J.",
        "K",
        "ſ",
        "İ",
        "ı",
        "KELVIN",
        "ſigned",
        "é",
        "ß",
        " ",
        "",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(0, 6))
def test_a_pattern_with_its_start_set_answers_as_the_pattern(text: str, pos: int) -> None:
    for shape in _SHAPES.values():
        for flags in (0, re.IGNORECASE):
            rx = re.compile(shape, flags)
            fast = with_start_set(rx)
            assert (fast.pattern, fast.flags, fast.groups, fast.groupindex) == (
                rx.pattern,
                rx.flags,
                rx.groups,
                rx.groupindex,
            )
            assert [(m.span(), m.groups()) for m in fast.finditer(text, pos)] == [
                (m.span(), m.groups()) for m in rx.finditer(text, pos)
            ], (shape, flags, text)
            want = rx.search(text, pos)
            got = fast.search(text, pos)
            assert (got and got.span()) == (want and want.span())
            assert fast.sub("#", text) == rx.sub("#", text)


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"(?=[A-Z])\w+", "AZ"),  # a look-ahead that consumes says what comes
        (r"\b(?:to|by)\b", "tb"),  # a boundary consumes nothing
        (r"(?:The\s+)?[a-z]+", "Taz"),  # an optional word, then what follows it
        (r"[A-Z]{3}", "AZ"),
        (r"(?<!\d)(?:[Nn]ot|[Cc]ould)", "NnCc"),
    ],
)
def test_the_characters_a_match_starts_with(pattern: str, starts: str) -> None:
    found = first_chars(re.compile(pattern))
    assert found is not None
    members = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32, 127)) + "]")
    opening = {c for c in map(chr, range(32, 127)) if members.match(c) and _in(found, c)}
    assert opening >= set(starts)
    assert all(
        c in starts or ("a" <= c <= "z" and "a" in starts) or ("A" <= c <= "Z" and "A" in starts)
        for c in opening
    )


def _in(items: list[tuple[object, object]], ch: str) -> bool:
    code = ord(ch)
    for op, av in items:
        if str(op) == "LITERAL" and av == code:
            return True
        if str(op) == "RANGE" and av[0] <= code <= av[1]:  # type: ignore[index]
            return True
    return False


def test_the_characters_outside_ascii_that_fold_to_an_ascii_letter_are_known() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folding = {c for c in re.findall("[a-z]", every, re.IGNORECASE) if not c.isascii()}
    from qkg.loaders.rules.starts import _FOLDS

    assert folding == {chr(x) for xs in _FOLDS.values() for x in xs}
    for letter, xs in _FOLDS.items():
        assert all(re.fullmatch(letter, chr(x), re.IGNORECASE) for x in xs)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?i:éte)\s+x",  # a cased letter beyond ASCII opens it, case-insensitive: no set
        r"(?:a|.)b",  # any character
        r"x?",  # may match empty text
        r"(a)\1",  # a literal opening: the engine's own prefix
        r"[a-z]x",  # a class opening: the engine's own set
    ],
)
def test_a_pattern_the_engine_skips_through_itself_or_not_at_all_gets_no_set(pattern: str) -> None:
    assert first_chars(re.compile(pattern)) is None
    assert compile_with_start_set(pattern).findall("the x ab aab xyz") == re.findall(
        pattern, "the x ab aab xyz"
    )


def test_the_rule_modules_compile_through_fastre_as_re_compiles() -> None:
    rx = fastre.compile(r"(?=[A-Z])(?<![\w-])[A-Z][a-z]+", fastre.MULTILINE)
    assert (rx.pattern, rx.flags, rx.groups) == (r"(?=[A-Z])(?<![\w-])[A-Z][a-z]+", re.M | re.U, 0)
    assert fastre.compile(rx.pattern, re.M) is rx  # compiled once
    assert fastre.compile(rx) is rx
    assert [m.span() for m in rx.finditer("Orbion and Veltra Labs")] == [(0, 6), (11, 17), (18, 22)]
    with pytest.raises(re.error):
        fastre.compile(r"(?=[A-Z]")
    with pytest.raises(ValueError, match="flags"):
        fastre.compile(rx, re.I)


def _texts() -> list[str]:
    paths = sorted((_REPO / "docs" / "sample-corpus").rglob("*.txt"))
    for corpus in ("dev", "dev2"):
        paths += sorted((_REPO.parent / "shared" / "corpus" / corpus / "docs").glob("*.txt"))[:6]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    from bench.extract_throughput import _pools, make_document

    rng, pools = random.Random(9), _pools()
    texts += [make_document(rng, pools, 400) for _ in range(3)]
    sentences = [s.text for t in texts for s in split_sentences(t)]
    # masked text as the relation rules read it: mentions as tags
    masked = [
        re.sub(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*", lambda m: f"§{len(m.group()) % 7}§", s) for s in sentences
    ]
    return sentences + masked


def test_every_rule_pattern_answers_as_before_with_its_start_set() -> None:
    """Every compiled pattern of the rule modules, as ``re.compile`` makes it and with its start
    set, on the sample corpus, the development corpora where this checkout has them and
    generated articles."""
    import qkg.loaders.extract  # noqa: F401 (loads every rule module)

    patterns: list[re.Pattern[str]] = []
    for name, module in list(sys.modules.items()):
        if name.startswith("qkg.loaders"):
            for value in vars(module).values():
                if isinstance(value, re.Pattern):
                    patterns.append(value)
                elif isinstance(value, Gated):
                    patterns.append(value.compiled)
    texts = _texts()
    given = 0
    for rx in patterns:
        if first_chars(rx) is None:
            continue
        given += 1
        plain = re.compile(rx.pattern, rx.flags)
        for text in texts:
            assert [(m.span(), m.groups()) for m in rx.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)
            ], (rx.pattern, text)
    assert given > 300


def test_an_engine_the_tests_have_not_checked_gets_re_compile_own_patterns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the start sets write into the engine's private program; on another interpreter or version
    # every pattern must be exactly what re.compile makes (same program, same answers)
    from qkg.loaders.rules import starts

    monkeypatch.setattr(starts, "ENGINE_CHECKED", False)
    for shape in _SHAPES.values():
        assert compile_with_start_set(shape) == re.compile(shape)
        assert compile_with_start_set(shape, re.I) == re.compile(shape, re.I)
