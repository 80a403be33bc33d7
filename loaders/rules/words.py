"""Word lists of the rules, read from ``loaders/data/words`` (package data), once per process.

A list file holds one entry per line (``#`` starts a comment; entries keep inner spaces);
a table file holds ``entry = value`` lines. Keeping the vocabulary in data files lets a
reader review it apart from the phrasing logic, and lets a rule family grow its words
without touching code.

>>> "ceo" in word_list("not_org_caps") or "CEO" in word_list("not_org_caps")
True
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from . import fastre as re
from .literals import _SCANNER, found_keys, scan_keys

__all__ = [
    "alternation",
    "any_in",
    "leading_letters",
    "letter_words",
    "may_hold",
    "prefix_tree",
    "word_list",
    "word_table",
]


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
    """A regular-expression alternation of the list's entries, longest first (as a
    :func:`prefix_tree`)."""
    return prefix_tree(sorted(word_list(name), key=lambda w: (-len(w), w)))


def prefix_tree(words: Iterable[str]) -> str:
    """The alternation of ``words`` (literal text, tried in the order given) as a prefix tree: a
    pattern that matches what ``"|".join(map(re.escape, words))`` matches, with the same
    preference between alternatives, in any case mode.

    The engine tries an alternation's branches one after the other at every position it tests; a
    case-insensitive branch cannot even be skipped on its first character, so a list of 137 role
    words cost about 10 us a sentence. Grouped by their opening text, the words are tried a few
    letters at a time. Reordering two words changes what matches only where both can match at one
    position, so only words whose first characters differ (also in another case) change places,
    and an empty rest (a word that another extends) keeps its place among the rest. Where a word
    or its rest opens with a character outside ASCII, which may fold to another, those words stay
    a plain alternation.

    >>> prefix_tree(["chief executive", "chair", "cto", "dean"])
    'c(?:h(?:ief\\ executive|air)|to)|dean'
    """
    items = list(words)
    if any(not w or not w[0].isascii() for w in items):
        return "|".join(re.escape(w) for w in items)
    return _tree(items)


def _tree(rests: list[str]) -> str:
    if any(w and not w[0].isascii() for w in rests):
        return "|".join(re.escape(w) for w in rests)
    groups: list[list[str]] = []
    open_groups: dict[str, list[str]] = {}
    for w in rests:
        if not w:
            groups.append([w])
            open_groups = {}  # nothing moves past the empty rest, which matches wherever a word does
            continue
        group = open_groups.get(w[0].lower())
        if group is None:
            group = open_groups[w[0].lower()] = []
            groups.append(group)
        group.append(w)
    out = []
    for group in groups:
        if len(group) == 1 or len({w[0] for w in group}) > 1:
            # one word, or words opening with one letter in two cases: as they are
            out += [re.escape(w) for w in group]
            continue
        # the longest opening text they share (at most the whole of the shortest)
        n = min(map(len, group))
        while any(w[:n] != group[0][:n] for w in group):
            n -= 1
        out.append(re.escape(group[0][:n]) + "(?:" + _tree([w[n:] for w in group]) + ")")
    return "|".join(out)


_LETTERS = re.compile(r"[a-z]+")
#: The only characters outside ASCII that a case-insensitive pattern matches to an ASCII letter,
#: or whose lower case holds one (U+0130 İ, U+0131 ı, U+017F ſ, U+212A Kelvin sign).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
#: Lower-case ASCII letters stay, every other byte becomes a space.
_LETTER_BYTES = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=16)
def letter_words(text: str) -> frozenset[str] | None:
    """The runs of ASCII letters of ``text``, in lower case, computed once per sentence and shared
    by the rule families; ``None`` when the text holds a character that folds to an ASCII letter
    (then a word set says nothing exact about what a case-insensitive pattern matches).

    >>> sorted(letter_words("Orbion named Ada Lin CEO-elect."))
    ['ada', 'ceo', 'elect', 'lin', 'named', 'orbion']
    """
    if not text.isascii() and (
        "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text  # _FOLDS_TO_ASCII
    ):
        return None
    # the runs of [a-z] of the lower-cased text: every other character (each non-ASCII one is
    # encoded as "?") becomes a space by one bytes translation, which runs in C (a str translation
    # or a findall cost 1.5-4x as much on a sentence)
    return frozenset(text.lower().encode("ascii", "replace").translate(_LETTER_BYTES).decode("ascii").split())


def leading_letters(words: Iterable[str]) -> frozenset[str] | None:
    """The lower-case run of letters each of ``words`` opens with, for :func:`may_hold`; ``None``
    (no test: the text may always hold one) when one of them opens with something else.

    >>> sorted(leading_letters(["start-up", "Co-founder", "firm"]))
    ['co', 'firm', 'start']
    """
    out = set()
    for w in words:
        m = _LETTERS.match(w.lower())
        if m is None:
            return None
        out.add(m.group())
    return frozenset(out)


def may_hold(text: str, words: frozenset[str] | None, stems: tuple[str, ...] = ()) -> bool:
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
    if words is None:
        return True
    found = letter_words(text)
    if found is None or not found.isdisjoint(words):
        return True
    if stems:
        low = text.lower()
        return any(s in low for s in stems)
    return False


#: Every word list :func:`any_in` was asked about, by value, and by the identity of the first tuple
#: of each value (kept alive, so the identity stays its own) for a lookup that need not hash the
#: tuple: that tuple, its words' lower case in the shared scan of :mod:`.literals` (``None``: no
#: scan answers the list, each word is searched) and the words by their lower case.
_Known = tuple[tuple[str, ...], frozenset[str] | None, dict[str, tuple[str, ...]]]
_BY_VALUE: dict[tuple[str, ...], _Known] = {}
_LISTS: dict[int, _Known] = {}
_LISTS_LOCK = threading.Lock()


def _register(words: tuple[str, ...]) -> _Known:
    with _LISTS_LOCK:
        known = _BY_VALUE.get(words)
        if known is None:
            by_low: dict[str, tuple[str, ...]] = {}
            for w in dict.fromkeys(words):
                by_low[w.lower()] = (*by_low.get(w.lower(), ()), w)
            known = (words, scan_keys(words) if words else None, by_low)
            _BY_VALUE[words] = known
            _LISTS[id(words)] = known
        return known


def any_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text`` (a substring test, case as given).

    One pass of an Aho-Corasick automaton over the text's lower case finds which words of every
    list asked about (and the literals of every gated pattern, :mod:`.literals`) occur in some
    case, remembered for the last texts; a word found so is then looked for as written. The rules'
    gates on one sentence cost one scan and a set intersection each, not one search per gate.

    >>> any_in("orbion signed an mou", ("mou", "memorandum"))
    True
    >>> any_in("orbion signed an mou", ("letter of intent",))
    False
    >>> any_in("Orbion signed an MoU", ("mou",))
    False
    """
    known = _LISTS.get(id(words))
    if known is None or known[0] is not words:
        known = _register(words)
    _, low, by_low = known
    if low is None:
        return not words or any(w in text for w in words)
    # the scan's answer for a text asked about before, read here (the rules ask 20-30 times a
    # sentence: two calls fewer each); else the scan itself
    found = _SCANNER.state[1].get(text)
    if found is None:
        found = found_keys(text)
    if found.isdisjoint(low):
        return False
    # the words whose lower case occurs: as written?
    return any(w in text for k in low.intersection(found) for w in by_low[k])
