"""Gates read from a pattern's own literals never hide a match: a text the pattern matches
always holds them, whatever its case or script, so the gates only save time."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.loaders.extract import RuleExtractor
from qkg.loaders.rules.literals import Gated, gated, needed_literals
from qkg.schemas import Document

_REPO = Path(__file__).resolve().parents[2]

#: Patterns of the shapes the rules use: alternations, optional and repeated groups, scoped and
#: global case-insensitivity, look-arounds, tags of masked text.
_SHAPES = [
    r"\b(?:signed|inked)\s+an?\s+(?i:MoU|memorandum)\b",
    r"§(\d+)§'s?\s+(?:[\w-]+\s+){0,3}?(?:arm|unit|fund)\b",
    r"(?i)\b(?:led|backed)\s+by\b(?!\s+the)",
    r"(?:teamed\s+up|partnered)?\s*with\s+§(\d+)§",
    r"(?<=Mr\. )[A-Z]\w+(?=\s+said)",
    r"(?:raised|secured)+\s+(?:€|\$)\d+",
    r"(?i:kelvin|sıgned|Straße)\s+§\d+§",
    # alternations written as prefix trees (words.prefix_tree), a literal space
    r"s(?:igned|old)\s+an?\s+(?i:m(?:ou|emorandum))",
    r"\bno longer\s+(?:le(?:d|ads)|wi[t]h)",
]

#: What news text puts around the patterns' words: the words in several cases, the characters that
#: fold to ASCII letters case-insensitively (the Kelvin sign, the long s, dotted and dotless i),
#: letters outside ASCII, tags, digits and spaces.
_PIECE_TEXT = (
    "signed|SIGNED|inked|an |a |MoU|mou|memorandum|MEMORANDUM|led|Backed| by| the|teamed up|partnered"
    "| with |§3§|'s |arm|unit|fund|Mr. |Lin| said|raised|€|$|12|\u212aelvin|ſigned|İNKED|sıgned"
    "|STRASSE|straße| |-|, |sold|SOLD|no| longer|no longer|led|leads|wit|h"
)
_PIECES = st.sampled_from(_PIECE_TEXT.split("|"))


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_a_text_a_pattern_matches_always_passes_its_literal_gate(text: str) -> None:
    for shape in _SHAPES:
        for flags in (0, re.IGNORECASE):
            rx = re.compile(shape, flags)
            g = gated(rx)
            if rx.search(text):
                assert g.may_match(text), (shape, flags, text)
            found, want = g.search(text), rx.search(text)
            assert (found and found.span()) == (want and want.span())
            assert [m.span() for m in g.finditer(text)] == [m.span() for m in rx.finditer(text)]
            assert g.sub("#", text) == rx.sub("#", text)
            assert g.split(text) == rx.split(text)
            assert g.findall(text) == rx.findall(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join), st.data())
def test_a_piece_of_a_text_a_pattern_matches_passes_the_gate_of_the_whole_text(
    text: str, data: st.DataObject
) -> None:
    """A slice of the text, or one with a part replaced by a space, as the negation guard reads
    between two names with the asides left out."""
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    cut_lo = data.draw(st.integers(lo, hi))
    cut_hi = data.draw(st.integers(cut_lo, hi))
    pieces = [text[lo:hi], text[lo:cut_lo] + " " + text[cut_hi:hi]]
    for shape in _SHAPES:
        for flags in (0, re.IGNORECASE):
            rx = re.compile(shape, flags)
            if any(rx.search(p) for p in pieces):
                assert gated(rx).may_match_within(text), (shape, flags, text, pieces)


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        # one of the alternatives as written, and the scoped case-insensitive word in lower case
        (r"\b(?:signed|inked)\s+an?\s+(?i:MoU)", ({"signed", "inked"}, {"\x00mou", "\x00\x00"})),
        # an optional group needs nothing; a repeated one needs its literal
        (r"(?:joint\s+)?venture(?:s)?", ({"venture"},)),
        (r"(?:led\s+by\s+)+§", ({"led"},)),
        # an alternative without a literal: the alternation needs none
        (r"(?:funded|\d+)\s+project", ({"project"},)),
        # a look-ahead that must hold reads the text; a negative one needs nothing
        (r"round(?=\s+led)(?!\s+by)", ({"round"}, {"led"})),
        # letters outside ASCII end a case-insensitive literal; short pieces are no gate
        (r"(?i)straße\s+of", ({"\x00stra", "\x00\x00"},)),
        (r"§(\d+)§,\s+a", ()),
        # literal text through groups, alternations and small classes: a prefix tree of words
        (r"c(?:hief|hair(?:man|))\s+of", ({"chief", "chairman", "chair"},)),
        (r"rais(?:e[sd]|ing)\s+(?i:funds)", ({"raises", "raised", "raising"}, {"\x00funds", "\x00\x00"})),
    ],
)
def test_needed_literals_of_a_pattern(pattern: str, needed: tuple[set[str], ...]) -> None:
    assert needed_literals(re.compile(pattern)) == tuple(frozenset(n) for n in needed)


def test_a_gated_pattern_turns_away_a_text_without_its_literals_and_keeps_the_patterns_surface() -> None:
    rx = re.compile(r"(?P<who>§\d+§)\s+(?:signed|inked)\s+with")
    g = gated(rx)
    assert not g.may_match("§0§ raised money from §1§.")
    assert g.may_match("§0§ signed with §1§.")
    assert (g.pattern, g.flags, g.groups, g.groupindex) == (rx.pattern, rx.flags, rx.groups, rx.groupindex)
    # a fold character makes every case-insensitive literal possible
    ci = gated(re.compile(r"(?i)\bkey\s+partner"))
    assert not ci.may_match("a main partner")
    assert ci.may_match("a \u212aey partner")
    assert ci.search("a \u212aey partner") is not None


def test_a_pattern_gated_after_others_searched_gates_with_its_own_literals() -> None:
    first = gated(re.compile(r"\bsigned\s+with"))
    assert first.may_match("§0§ signed with §1§.")  # the literals read so far are scanned
    later = gated(re.compile(r"\bco-?developed\s+(?i:Widgets)"))
    assert not later.may_match("§0§ signed with §1§.")
    assert later.may_match("§0§ codeveloped WIDGETS.")
    assert later.search("§0§ Co-developed widgets.") is None  # the case of "co" counts


def _texts() -> list[str]:
    """Articles to run the extractor on: the sample corpus and the development corpora where this
    checkout has them, documents of the throughput benchmark, and a paragraph written here."""
    paths = sorted((_REPO / "docs" / "sample-corpus").rglob("*.txt"))
    for corpus in ("dev", "dev2"):
        paths += sorted((_REPO.parent / "shared" / "corpus" / corpus / "docs").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    from bench.extract_throughput import _pools, make_document

    rng, pools = random.Random(5), _pools()
    texts += [make_document(rng, pools, 600) for _ in range(6)]
    texts.append(
        "Veltra Quantum, a Lyon-based start-up, signed a memorandum of understanding with the "
        "University of Kestrel on 3 May. The round was led by Nordlys Capital with participation "
        "from Arvo Ventures. Its chief executive, Ada Lin, said the company will open an office in "
        "Tampere. The two firms are members of the Quantum Fjord consortium, which is headed by "
        "Orbion. ſome İNVESTORS, including Kestrel Fund, backed the \u212aelvin Labs spin-off."
    )
    return texts


def test_no_gate_of_a_rule_hides_a_match_while_extracting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every gated pattern of the rules, on every text the extractor asks it about: where the
    gate turns a text away, the pattern finds nothing in it."""
    turned_away: list[str] = []
    real = Gated.may_match

    def checked(self: Gated, text: str) -> bool:
        ok = real(self, text)
        if not ok:
            assert self._rx.search(text) is None, (self.pattern, text)
            turned_away.append(self.pattern)
        return ok

    monkeypatch.setattr(Gated, "may_match", checked)
    ex = RuleExtractor(time_limit=None)
    for i, text in enumerate(_texts()):
        ex.extract(Document.from_text(text, title=f"text {i}"))
    assert len(set(turned_away)) > 50  # the gates were asked, and turned texts away
