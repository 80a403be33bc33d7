"""Sentence segmentation with character offsets.

Evidence must quote ``document.text[start:end]`` exactly, so segmentation never rewrites
text: it only returns spans. Lines are hard boundaries (articles put headings, datelines
and captions on lines of their own); inside a line a sentence ends at ``.``, ``!`` or ``?``
(plus closing quotes or brackets) followed by a space and something that can start a
sentence, unless the word before the full stop is a known abbreviation.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .rules import fastre as re

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "a/prof",
        "st",
        "sr",
        "jr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "gov",
        "sen",
        "rep",
        "hon",
        "rt",
        "asst",
        "assoc",
        "smt",
        "dept",
        "univ",
        "fig",
        "approx",
        "est",
        "ph.d",
        "mt",
        "ave",
    ]
)
_END = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ\u0100-\u024f\u1100-\u11ff\uac00-\ud7af\u4e00-\u9fff])"
)
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its index, its text and its span in the document."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


_DOTTED_ABBREVIATION = re.compile(r"(?:[a-z]\.)+[a-z]")
#: Nouns that take a letter as their name: "a Series B.", "Plan A.", "Phase C." end a sentence
#: where "J." before a surname does not.
_LETTER_NAMED = frozenset(
    [
        "series",
        "class",
        "phase",
        "plan",
        "type",
        "stage",
        "tier",
        "round",
        "grade",
        "part",
        "section",
        "block",
    ]
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _is_abbreviation(line: str, dot: int) -> bool:
    j = dot
    while j > 0 and not line[j - 1].isspace():
        j -= 1
    word = line[j:dot].lower().lstrip("(\"'“‘")
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        # a single initial ("J. Smith"), unless a noun names the letter ("in a Series B.")
        before = _WORD_BEFORE.search(line, max(0, j - 20), j)
        return before is None or before.group(1).lower() not in _LETTER_NAMED
    # dotted acronyms ("U.S.")
    return bool(_DOTTED_ABBREVIATION.fullmatch(word))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose spans quote it exactly.

    >>> [s.text for s in split_sentences("IBM and Wits partner. Dr. Smith said so.\\nNext line")]
    ['IBM and Wits partner.', 'Dr. Smith said so.', 'Next line']
    """
    out: list[Sentence] = []
    for para, m in enumerate(_LINE.finditer(text)):
        line, base = m.group(), m.start()
        cuts = [0]
        for e in _END.finditer(line):
            if line[e.start()] == "." and e.end() - e.start() == 1 and _is_abbreviation(line, e.start()):
                continue
            cuts.append(e.end())
        cuts.append(len(line))
        for a, b in itertools.pairwise(cuts):
            seg = line[a:b]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            if seg:
                s = base + a + lead
                out.append(Sentence(len(out), s, s + len(seg), seg, para))
    return out
