"""Word lists of the rules, read from ``loaders/data/words`` (package data), once per process.

A list file holds one entry per line (``#`` starts a comment; entries keep inner spaces);
a table file holds ``entry = value`` lines. Keeping the vocabulary in data files lets a
reader review it apart from the phrasing logic, and lets a rule family grow its words
without touching code.

>>> "ceo" in word_list("not_org_caps") or "CEO" in word_list("not_org_caps")
True
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

__all__ = ["alternation", "letter_words", "may_hold", "word_list", "word_table"]


def _lines(name: str) -> list[str]:
    path = resources.files("qkg.loaders").joinpath(f"data/words/{name}.txt")
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``data/words/<name>.txt``."""
    return frozenset(_lines(name))


@cache
def word_table(name: str) -> dict[str, str]:
    """The ``entry = value`` pairs of ``data/words/<name>.txt``, in file order."""
    table: dict[str, str] = {}
    for line in _lines(name):
        key, sep, value = line.rpartition("=")
        if not sep:
            raise ValueError(f"data/words/{name}.txt: {line!r} is not 'entry = value'")
        table[key.strip()] = value.strip()
    return table


@cache
def alternation(name: str) -> str:
    """A regular-expression alternation of the list's entries, longest first."""
    return "|".join(re.escape(w) for w in sorted(word_list(name), key=lambda w: (-len(w), w)))


_LETTERS = re.compile(r"[a-z]+")
#: The only characters outside ASCII that a case-insensitive pattern matches to an ASCII letter,
#: or whose lower case holds one (U+0130 İ, U+0131 ı, U+017F ſ, U+212A Kelvin sign).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=16)
def letter_words(text: str) -> frozenset[str] | None:
    """The runs of ASCII letters of ``text``, in lower case, computed once per sentence and shared
    by the rule families; ``None`` when the text holds a character that folds to an ASCII letter
    (then a word set says nothing exact about what a case-insensitive pattern matches).

    >>> sorted(letter_words("Orbion named Ada Lin CEO-elect."))
    ['ada', 'ceo', 'elect', 'lin', 'named', 'orbion']
    """
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return None
    return frozenset(_LETTERS.findall(text.lower()))


def may_hold(text: str, words: frozenset[str], stems: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` may match a pattern that needs one of ``words`` as a whole run of letters
    (in any case) or one of ``stems`` (lower case) inside a word: ``False`` only when it cannot.

    A set intersection with the sentence's :func:`letter_words` (and a substring test per stem),
    so a rule's own pattern runs only where its cue words occur and finds exactly what it found
    before: a gate that needs a word ``w`` between word boundaries (``\\bw\\b``) needs ``w`` as a
    run of letters.

    >>> may_hold("Orbion appointed Ada Lin.", frozenset({"named"}), ("appoint",))
    True
    >>> may_hold("Orbion hired Ada Lin.", frozenset({"named"}))
    False
    """
    found = letter_words(text)
    if found is None or not found.isdisjoint(words):
        return True
    if stems:
        low = text.lower()
        return any(s in low for s in stems)
    return False
