"""Gates a pattern derives from its own text: the literals every match of it must contain.

Most rule patterns fail on most sentences, and a failing search still walks the whole
sentence (4-10 us where the engine cannot skip to a fixed first character). Every match of
``\\b(?:signed|inked)\\s+an?\\s+(?i:mou)\\b`` holds "signed" or "inked" as written and "mou" in
some case; where a sentence holds neither, the search cannot succeed. :func:`gated` reads
those literals from the compiled pattern itself (so a new phrasing added to a rule changes its
gate with it, and no gate can hide a match its pattern finds), and one Aho-Corasick scan per
text tells every gated pattern at once which of them occur (remembered for the last texts).

>>> rx = gated(re.compile(r"\\b(?:signed|inked)\\s+an?\\s+(?i:MoU)"))
>>> rx.search("Orbion and Nordlys signed an MOU.") is not None
True
>>> rx.search("Orbion raised money.") is None
True
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import itemgetter
from re import _constants as sc  # type: ignore[attr-defined]
from re import _parser as sp  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

__all__ = ["Gated", "compile_gated", "gated", "needed_literals"]

#: The shortest literal worth a gate: shorter ones occur in nearly every sentence.
MIN_LITERAL = 3
#: Characters outside ASCII that a case-insensitive pattern matches to an ASCII letter, or whose
#: lower case holds one (U+0130 İ, U+0131 ı, U+017F ſ, U+212A Kelvin sign): where a text holds
#: one, the lower-cased text says nothing exact about case-insensitive literals.
_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")
#: Keys of literals matched in any case carry this prefix; a text holding a fold character
#: counts as holding :data:`_ANY_CASE` (every case-insensitive clause lists it).
_CI = "\x00"
_ANY_CASE = "\x00\x00"

#: A clause: the keys of which a match holds at least one (case-sensitive literals as written,
#: case-insensitive ones as ``_CI`` + lower case).
Clause = frozenset[str]


def _best(clauses: list[Clause]) -> Clause | None:
    """The most selective clause: the one whose shortest literal is longest."""
    return max(clauses, key=_shortest, default=None)


def _shortest(c: Clause) -> int:
    return min((len(k) - (1 if k.startswith(_CI) else 0) for k in c), default=0)


def _sequence(items: list[tuple[Any, Any]], ci: bool) -> list[Clause]:
    """Clauses every match of the sequence ``items`` satisfies (a run of literal characters
    is one literal; anything else ends the run)."""
    out: list[Clause] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            text = "".join(run)
            out.append(frozenset({_CI + text.lower()} if ci else {text}))
            run.clear()

    for op, av in items:
        if op is sc.LITERAL and (not ci or chr(av).isascii()):
            run.append(chr(av))
            continue
        flush()
        if op is sc.SUBPATTERN:
            _group, add, drop, sub = av
            out += _sequence(list(sub), (ci or bool(add & re.IGNORECASE)) and not drop & re.IGNORECASE)
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT, sc.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                out += _sequence(list(sub), ci)
        elif op is sc.ATOMIC_GROUP:
            out += _sequence(list(av), ci)
        elif op is sc.BRANCH:
            keys: set[str] = set()
            for branch in av[1]:
                best = _best(_sequence(list(branch), ci))
                if best is None:
                    break  # an alternative without literals: the alternation needs none
                keys |= best
            else:
                out.append(frozenset(keys))
        elif op is sc.ASSERT:
            # a look-ahead or look-behind that must hold reads the text around the match
            out += _sequence(list(av[1]), ci)
        # classes, categories, anchors, negative look-arounds, back references: no literal
    flush()
    return out


def needed_literals(pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    """What every match of ``pattern`` holds: per clause, one of its keys (literals of at least
    :data:`MIN_LITERAL` characters; a case-insensitive one as ``"\\x00"`` + its lower case).

    >>> needed_literals(re.compile(r"(?:signed|inked)\\s+an?\\s+(?i:MoU)"))
    (frozenset({'inked', 'signed'}), frozenset({'\\x00mou'}))
    """
    tree = sp.parse(pattern.pattern, pattern.flags)
    clauses = _sequence(list(tree), bool(tree.state.flags & re.IGNORECASE))
    out = []
    for c in clauses:
        if _shortest(c) < MIN_LITERAL or c in out:
            continue
        out.append(c | {_ANY_CASE} if any(k.startswith(_CI) for k in c) else c)
    return tuple(out)


class _Scanner:
    """One Aho-Corasick automaton per case over the literals of every gated pattern."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.version = 0
        self.lock = threading.Lock()
        self.exact: ahocorasick.Automaton | None = None
        self.any_case: ahocorasick.Automaton | None = None

    def add(self, clauses: tuple[Clause, ...]) -> None:
        with self.lock:
            new = {k for c in clauses for k in c if k != _ANY_CASE} - self.keys
            if new:
                self.keys |= new
                self.exact = self.any_case = None  # built again at the next scan
                self.version += 1

    def build(self) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        with self.lock:
            exact, any_case = ahocorasick.Automaton(), ahocorasick.Automaton()
            for k in self.keys:
                if k.startswith(_CI):
                    any_case.add_word(k[1:], k)
                else:
                    exact.add_word(k, k)
            for a in (exact, any_case):
                if len(a):
                    a.make_automaton()
            self.exact, self.any_case = exact, any_case
            return exact, any_case


_SCANNER = _Scanner()
_VALUE = itemgetter(1)


@lru_cache(maxsize=64)
def _found(text: str, version: int) -> frozenset[str]:
    """The keys of every gated literal ``text`` holds (``version``: the scanner's literals)."""
    exact, any_case = (_SCANNER.exact, _SCANNER.any_case) if _SCANNER.exact is not None else _SCANNER.build()
    assert exact is not None
    assert any_case is not None
    found = set(map(_VALUE, exact.iter(text))) if len(exact) else set()
    if len(any_case):
        if not text.isascii() and any(c in text for c in _FOLDS):
            found.add(_ANY_CASE)
        else:
            found.update(map(_VALUE, any_case.iter(text.lower())))
    return frozenset(found)


class Gated:
    """A compiled pattern that first asks whether the text holds its needed literals; answers
    exactly as the pattern (a text without them has no match, so nothing to find)."""

    __slots__ = ("_clauses", "_rx", "flags", "groupindex", "groups", "pattern")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._rx = rx
        self._clauses = needed_literals(rx)
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.groups = rx.groups
        self.groupindex = rx.groupindex
        _SCANNER.add(self._clauses)

    def may_match(self, text: str) -> bool:
        """``False`` only where ``text`` cannot hold a match."""
        if not self._clauses:
            return True
        found = _found(text, _SCANNER.version)
        for c in self._clauses:  # noqa: SIM110 (a loop: no generator made per call)
            if found.isdisjoint(c):
                return False
        return True

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._rx.search(string, pos, endpos) if self.may_match(string) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._rx.match(string, pos, endpos) if self.may_match(string) else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._rx.fullmatch(string, pos, endpos) if self.may_match(string) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self._rx.finditer(string, pos, endpos) if self.may_match(string) else iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._rx.findall(string, pos, endpos) if self.may_match(string) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self._rx.sub(repl, string, count) if self.may_match(string) else string

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self._rx.split(string, maxsplit) if self.may_match(string) else [string]

    def __repr__(self) -> str:
        return f"gated({self._rx!r})"


def gated(rx: re.Pattern[str]) -> Gated:
    """``rx`` behind the gate of its own needed literals (see the module docstring)."""
    return Gated(rx)


def compile_gated(pattern: str, flags: int = 0) -> Gated:
    """``re.compile(pattern, flags)`` behind the gate of its needed literals: for rule patterns
    that fail on most sentences."""
    return Gated(re.compile(pattern, flags))
