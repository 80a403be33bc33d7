"""A word list written as a prefix tree matches what the plain alternation matches: the same
spans, with the same preference between words, in either case mode, whatever follows it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.loaders.rules.words import alternation, prefix_tree, word_list

#: Letters in two cases, a space, a hyphen, and characters that fold to ASCII letters or have no
#: single-letter upper case (the long s, the Kelvin sign, the sharp s).
_ALPHABET = st.sampled_from([*"abcAB -", "\u017f", "\u212a", "ß", "k", "s"])
_WORDS = st.lists(st.text(_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=12)
#: What may follow the alternation in a rule: nothing, a boundary, an optional letter and a fixed
#: one (so that a shorter word must give way to a longer one), a look-ahead.
_AFTER = ["", r"\b", "s?c", r"(?=\s)", "(?:b|)a"]


@settings(max_examples=500, deadline=None)
@given(_WORDS, st.text(_ALPHABET, max_size=30))
def test_the_tree_matches_as_the_alternation(words: list[str], text: str) -> None:
    plain = "|".join(re.escape(w) for w in words)
    tree = prefix_tree(words)
    for after in _AFTER:
        for flags in (0, re.IGNORECASE):
            want = re.compile(f"(?:{plain}){after}", flags)
            got = re.compile(f"(?:{tree}){after}", flags)
            assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)], (
                words,
                text,
                after,
                flags,
            )
            assert [m.span() for m in got.finditer(text, 1)] == [m.span() for m in want.finditer(text, 1)]


def test_the_tree_of_a_word_list_groups_words_by_their_opening_text() -> None:
    assert prefix_tree(["chief executive", "chair", "cto", "dean"]) == r"c(?:h(?:ief\ executive|air)|to)|dean"
    # a word that another extends keeps its place: nothing moves past it
    assert prefix_tree(["coop", "co", "cold"]) == "co(?:op||ld)"
    # one letter in two cases stays as written; a character beyond ASCII leaves the list plain
    assert prefix_tree(["Chair", "chief"]) == "Chair|chief"
    assert prefix_tree(["\u017fome", "some"]) == "\u017fome|some"


def test_a_word_list_alternation_matches_as_the_plain_list() -> None:
    words = sorted(word_list("event_heads"), key=lambda w: (-len(w), w))
    text = " ".join(words) + " " + " ".join(w.upper() for w in words)
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
    tree = re.compile(r"\b(?:" + alternation("event_heads") + r")\b", re.I)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
