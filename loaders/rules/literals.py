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

import itertools
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from re import _constants as sc  # type: ignore[attr-defined]
from re import _parser as sp  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

from . import fastre as re

__all__ = ["Gated", "compile_gated", "found_keys", "gated", "needed_literals", "scan_keys"]

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
    is one literal, also through groups and alternations of literal text, which make it one of
    several: ``c(?:hief|hair)`` needs "chief" or "chair"; anything else ends the run)."""
    out: list[Clause] = []
    runs = [""]

    def flush() -> None:
        nonlocal runs
        if runs != [""] and all(runs):
            out.append(frozenset(_CI + r.lower() for r in runs) if ci else frozenset(runs))
        runs = [""]

    for op, av in items:
        if op is sc.LITERAL and (not ci or chr(av).isascii()):
            runs = [r + chr(av) for r in runs]
            continue
        if op is sc.SUBPATTERN or op is sc.BRANCH:
            texts = _texts([(op, av)], ci)
            if texts is not None and len(runs) * len(texts) <= _MAX_TEXTS:
                runs = [r + t for r in runs for t in texts]
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


#: The most texts a run of literal text and alternations is followed through (a prefix tree of a
#: word list is one alternation of its words; a longer product ends the run).
_MAX_TEXTS = 512


def _texts(items: list[tuple[Any, Any]], ci: bool) -> list[str] | None:
    """Every text the sequence ``items`` matches, where it is made of literal characters, classes
    of them, groups and alternations only (in the same case mode), at most :data:`_MAX_TEXTS`; else ``None``."""
    out = [""]
    for op, av in items:
        if op is sc.LITERAL and (not ci or chr(av).isascii()):
            out = [r + chr(av) for r in out]
            continue
        if op is sc.SUBPATTERN:
            _group, add, drop, sub = av
            if ((ci or bool(add & re.IGNORECASE)) and not drop & re.IGNORECASE) != ci:
                return None
            more = _texts(list(sub), ci)
        elif op is sc.BRANCH:
            more = []
            for branch in av[1]:
                texts = _texts(list(branch), ci)
                if texts is None:
                    return None
                more += texts
        elif op is sc.IN and all(o is sc.LITERAL and (not ci or chr(c).isascii()) for o, c in av):
            more = [chr(c) for _, c in av]  # a class of a few characters ("rais[ed]" of "raised|raises")
        else:
            return None
        if more is None or len(out) * len(more) > _MAX_TEXTS:
            return None
        out = [r + t for r in out for t in more]
    return out


def needed_literals(pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    """What every match of ``pattern`` holds: per clause, one of its keys (literals of at least
    :data:`MIN_LITERAL` characters; a case-insensitive one as ``"\\x00"`` + its lower case, and
    its clause also holds :data:`_ANY_CASE`).

    >>> [sorted(c) for c in needed_literals(re.compile(r"(?:signed|inked)\\s+an?\\s+(?i:MoU)"))]
    [['inked', 'signed'], ['\\x00\\x00', '\\x00mou']]
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
    """One Aho-Corasick automaton over the lower case of every key asked about: the literals of
    every gated pattern and the words of every :func:`.words.any_in` list. One pass over a text's
    lower case answers all of them (a text holding a key holds its lower case in its lower case);
    the answers for the last texts are kept, per set of keys.

    The state is one tuple: the automaton (``None`` until the first scan builds it), the answers
    found, and the keys added since the automaton was built, which each scan looks for one by
    one until the automaton is built again with them (after :data:`_MAX_EXTRA` such keys or
    :data:`_EXTRA_SCANS` scans: word lists are first asked about one after the other while the
    first documents are read, and building the automaton for each cost more than the document).
    A new key replaces the state at once, so no answer found before the key was known is read
    after it."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.lock = threading.Lock()
        self.state: tuple[ahocorasick.Automaton | None, dict[str, frozenset[str]], tuple[str, ...]] = (
            None,
            {},
            (),
        )
        self.extra_scans = 0

    def add(self, keys: Iterable[str]) -> None:
        with self.lock:
            new = set(keys) - self.keys
            if new:
                self.keys |= new
                automaton, _, extra = self.state
                self.state = (automaton, {}, extra + tuple(sorted(new)))

    def found(self, text: str) -> frozenset[str]:
        """The keys whose lower case occurs in the lower case of ``text`` (and :data:`_ANY_CASE`
        where ``text`` holds a character that folds to an ASCII letter)."""
        state = self.state
        got = state[1].get(text)
        if got is not None:
            return got
        automaton, answers, extra = state
        if automaton is None or (extra and (len(extra) > _MAX_EXTRA or self.extra_scans >= _EXTRA_SCANS)):
            with self.lock:
                if self.state is not state:
                    return self.found(text)  # another thread built it, or a key came
                automaton = ahocorasick.Automaton()
                for k in self.keys:
                    automaton.add_word(k, k)
                if self.keys:
                    automaton.make_automaton()
                extra = ()
                self.extra_scans = 0
                # the answers found so far stand: they were found for the same keys
                self.state = (automaton, answers, extra)
        low = text.lower()
        ascii_text = text.isascii()
        # an ASCII text and its lower case have one answer (the rules ask about both)
        got = answers.get(low) if ascii_text else None
        if got is None:
            hits = set(map(_VALUE, automaton.iter(low))) if len(automaton) else set()
            if extra:
                self.extra_scans += 1
                hits.update(k for k in extra if k in low)
            if not ascii_text and any(c in text for c in _FOLDS):
                hits.add(_ANY_CASE)
            got = frozenset(hits)
        if len(answers) >= _ANSWERS:
            # the older half goes: the texts of the sentences read last are asked about again
            # (a document's passes read each sentence's text, lower case and masked text)
            for old in list(itertools.islice(answers, _ANSWERS // 2)):
                answers.pop(old, None)
        answers[text] = got
        if ascii_text:
            answers[low] = got
        return got


#: Texts whose answers are kept (about a thousand-word document's sentences, lower-cased and
#: masked sentences: its later passes find their answers).
_ANSWERS = 1024
#: Keys added since the automaton was built that a scan looks for one by one, at most, and scans
#: that do so before the automaton is built again.
_MAX_EXTRA = 64
_EXTRA_SCANS = 32
_SCANNER = _Scanner()
_VALUE = itemgetter(1)
#: Characters whose lower case depends on the characters around them (the final sigma): a key
#: holding one may not occur in a text's lower case as it does alone.
_CONTEXT_CASE = ("\u03a3", "\u03c3", "\u03c2")


def scan_keys(keys: Iterable[str]) -> frozenset[str] | None:
    """``keys`` in lower case, for :func:`found_keys`, added to the shared scan; ``None`` where one
    of them cannot be answered by it (empty, or holding a sigma)."""
    low = frozenset(k.lower() for k in keys)
    if "" in low or any(c in k for k in low for c in _CONTEXT_CASE):
        return None
    _SCANNER.add(low)
    return low


def found_keys(text: str) -> frozenset[str]:
    """Which keys added by :func:`scan_keys` occur in ``text``, in any case: one scan per text."""
    return _SCANNER.found(text)


def _gate_clauses(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """The clauses of :func:`needed_literals` as the shared scan answers them: every key in lower
    case (a text holding a literal as written holds its lower case in its lower case, so the gate
    stays a necessary condition), :data:`_ANY_CASE` kept; a clause the scan cannot answer (a key
    holding a sigma, whose lower case depends on its neighbours) is left out."""
    out = []
    for c in clauses:
        keys = frozenset(k[len(_CI) :] if k.startswith(_CI) else k.lower() for k in c if k != _ANY_CASE)
        if any(ch in k for k in keys for ch in _CONTEXT_CASE):
            continue
        out.append(keys | {_ANY_CASE} if _ANY_CASE in c else keys)
    return tuple(out)


#: Gated patterns whose literals are not read yet, and the lock that reads them all at once.
_PENDING: list[Gated] = []
_PENDING_LOCK = threading.Lock()


def _read_pending(g: Gated) -> tuple[Clause, ...]:
    """Read the needed literals of every gated pattern made so far (once: 0.1-0.2 s for the rules'
    patterns), add them to the shared scan before any pattern uses them, and return ``g``'s."""
    with _PENDING_LOCK:
        todo = [p for p in _PENDING if p._clauses is None]
        _PENDING.clear()
        read = [(p, _gate_clauses(needed_literals(p._rx))) for p in todo]
        _SCANNER.add(k for _, clauses in read for c in clauses for k in c if k != _ANY_CASE)
        for p, clauses in read:
            p._clauses = clauses
    assert g._clauses is not None
    return g._clauses


class Gated:
    """A compiled pattern that first asks whether the text holds its needed literals; answers
    exactly as the pattern (a text without them has no match, so nothing to find)."""

    __slots__ = ("_clauses", "_rx", "_spaced", "flags", "groupindex", "groups", "pattern")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._rx = rx
        #: the needed literals in lower case (see :func:`_gate_clauses`), read at the first search
        #: of any gated pattern: module constants cost no parsing at import
        self._clauses: tuple[Clause, ...] | None = None
        #: whether a needed literal holds a space (see :meth:`may_match_within`), read with them
        self._spaced: bool | None = None
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.groups = rx.groups
        self.groupindex = rx.groupindex
        with _PENDING_LOCK:
            _PENDING.append(self)

    def may_match(self, text: str) -> bool:
        """``False`` only where ``text`` cannot hold a match."""
        clauses = self._clauses
        if clauses is None:
            clauses = _read_pending(self)
        if not clauses:
            return True
        found = _SCANNER.state[1].get(text)
        if found is None:
            found = _SCANNER.found(text)
        for c in clauses:  # noqa: SIM110 (a loop: no generator made per call)
            if found.isdisjoint(c):
                return False
        return True

    def may_match_within(self, text: str) -> bool:
        """``False`` only where no text made of pieces of ``text`` joined by spaces (a slice of
        it, or one with parts replaced by a space) can hold a match: for a caller that searches
        many such pieces of one sentence, whose scan answer is remembered (a new piece would be
        scanned anew). A literal holding a space could span a join, so such a gate says ``True``."""
        spaced = self._spaced
        if spaced is None:
            clauses = self._clauses if self._clauses is not None else _read_pending(self)
            spaced = self._spaced = any(" " in k for c in clauses for k in c)
        return spaced or self.may_match(text)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The pattern itself, ungated: to search a piece of a text :meth:`may_match_within` passed."""
        return self._rx

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
