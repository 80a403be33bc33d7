"""Where a pattern's matches can start: the set of first characters, given to the engine.

Python's engine searches a pattern by trying a match at every position of the text, unless the
compiled pattern says which characters a match can start with (a literal prefix, or a class
that opens the pattern). It works that out only for the simplest openings: a pattern that opens
with a look-ahead (``(?=[A-Z])``), a word boundary (``\\b(?:signed|inked)``), an optional word
(``(?:The\\s+)?``), a repeated class (``[A-Z]{3}``) or an alternation whose branches open with
classes is tried at every position, and most positions fail at once, at the cost of a call into
the matcher each (72 % of the rules' search time was spent in such patterns).

:func:`compile_with_start_set` compiles a pattern as ``re.compile`` does (one parse, the same
program: same groups, same text, same flags), and where the engine would find no prefix or set
of its own it reads from the parse the set of characters every match must start with and puts it
in the block the engine reads before searching: the engine then skips in C to the positions
where a match can start. Only the search's skipping changes, so every search answers exactly as
before (tests compare them on random and real text, for every rule pattern). The rule modules
compile their patterns so through :mod:`.fastre`.

>>> rx = with_start_set(re.compile(r"\\b(?:signed|inked)\\s+an?\\s+MoU"))
>>> rx.search("Orbion and Veltra signed an MoU.").span()
(18, 31)
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
import sys
from re import _compiler as _rc  # type: ignore[attr-defined]
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _rp  # type: ignore[attr-defined]
from typing import Any

__all__ = ["compile_with_start_set", "first_chars", "with_start_set"]

#: The engine's internals this module writes to (``re._parser``, ``re._compiler``, ``_sre.compile``
#: and the information block's layout) are private: start sets are given only on the CPython
#: versions whose engine the equivalence tests (``tests/loaders/test_rule_starts.py``) have run on;
#: elsewhere every pattern is ``re.compile``'s own, with the same answers and no start set.
ENGINE_CHECKED = sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)

#: A set of characters as the engine's class items: (LITERAL, code), (RANGE, (lo, hi)),
#: (CATEGORY, category).
Items = list[tuple[Any, Any]]

_ZERO_WIDTH = (_c.AT, _c.ASSERT_NOT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


#: The characters outside ASCII that match an ASCII letter case-insensitively (dotted and dotless
#: i, the long s, the Kelvin sign: a test checks the list over all of Unicode).
_FOLDS = {"i": (0x130, 0x131), "s": (0x17F,), "k": (0x212A,)}


def _cases(lo: int, hi: int) -> Items | None:
    """Every character a case-insensitive class of the ASCII letters ``lo``-``hi`` matches (``None``
    where the range holds anything else: its matching is left to the engine)."""
    first, last = chr(lo), chr(hi)
    if not (first.isascii() and last.isascii() and (first + last).isalpha()):
        return None
    if not (first.islower() == last.islower() and first <= last):
        return None
    a, b = first.lower(), last.lower()
    out: Items = [(_c.RANGE, (ord(a), ord(b))), (_c.RANGE, (ord(a.upper()), ord(b.upper())))]
    for letter, folds in _FOLDS.items():
        if a <= letter <= b:
            out += [(_c.LITERAL, x) for x in folds]
    return out


def _class(items: Any, cased: Any) -> Items | None:
    """The characters a class matches (``None`` where it is negated, or case-insensitive and holds
    a cased character beyond the ASCII letters)."""
    out: Items = []
    for op, av in items:
        if op is _c.NEGATE:
            return None
        lo, hi = (av, av) if op is _c.LITERAL else av if op is _c.RANGE else (0, 0)
        if (
            cased is not None
            and op in (_c.LITERAL, _c.RANGE)
            and (hi > 0xFFFF or any(map(cased, range(lo, hi + 1))))
        ):
            folded = _cases(lo, hi) if hi <= 0x7F else None
            if folded is None:
                return None
            out += folded
            continue
        out.append((op, av))
    return out


def _sequence(items: Any, flags: int) -> tuple[Items, bool] | None:
    """The characters a match of the sequence ``items`` can start with, and whether it can match
    without consuming one (then its first character is what follows it); ``None``: any."""
    out: Items = []
    for op, av in items:
        one = _item(op, av, flags)
        if one is None:
            return None
        chars, empty = one
        out += chars
        if not empty:
            return out, False
    return out, True


def _item(op: Any, av: Any, flags: int) -> tuple[Items, bool] | None:
    cased = _rc._get_iscased(flags) if flags & re.IGNORECASE else None
    if op is _c.LITERAL:
        members = _class([(op, av)], cased)
        return None if members is None else (members, False)
    if op is _c.IN:
        members = _class(av, cased)
        return None if members is None else (members, False)
    if op in _ZERO_WIDTH or (op is _c.ASSERT and av[0] < 0):
        return [], True  # boundaries, negative look-arounds and look-behinds consume nothing
    if op is _c.ASSERT:
        # a look-ahead that must consume a character says what the next one is
        ahead = _sequence(av[1], flags)
        return ahead if ahead is not None and not ahead[1] else ([], True)
    if op is _c.SUBPATTERN:
        _group, add, drop, sub = av
        return _sequence(sub, (flags | add) & ~drop)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av, flags)
    if op is _c.BRANCH:
        out: Items = []
        empty = False
        for branch in av[1]:
            one = _sequence(branch, flags)
            if one is None:
                return None
            out += one[0]
            empty = empty or one[1]
        return out, empty
    if op in _REPEATS:
        low, _high, body = av
        one = _sequence(body, flags)
        return None if one is None else (one[0], one[1] or low == 0)
    return None  # any character, a back reference, a conditional group: no set


def first_chars(pattern: re.Pattern[str]) -> Items | None:
    """The class items every match of ``pattern`` starts with one of, as
    :func:`compile_with_start_set` gives them to the engine; ``None`` where it gives none (the
    engine finds a prefix or set of its own, the pattern may match empty text, or the set is
    unknown).

    >>> first_chars(re.compile(r"(?=[A-Z])\\w+")) == [(_c.RANGE, (65, 90))]
    True
    >>> first_chars(re.compile(r"\\b(?:to|by)\\b")) == [(_c.LITERAL, 116), (_c.LITERAL, 98)]
    True
    >>> first_chars(re.compile(r"signed")) is None  # a literal prefix: the engine's own
    True
    """
    tree = _rp.parse(pattern.pattern, pattern.flags)
    return _start_set(tree, tree.state.flags | pattern.flags)


def _start_set(tree: Any, flags: int) -> Items | None:
    lo, _hi = tree.getwidth()
    if lo == 0:
        return None
    prefix, _skip, _all = _rc._get_literal_prefix(tree, flags)
    if prefix or _rc._get_charset_prefix(tree, flags):
        return None  # the engine's own is as good
    found = _sequence(tree.data, flags)
    return found[0] if found is not None and not found[1] and found[0] else None


def with_start_set(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled again by :func:`compile_with_start_set` (the same answers)."""
    return compile_with_start_set(pattern.pattern, pattern.flags)


def compile_with_start_set(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, the pattern parsed and compiled once, with the set of
    characters its matches start with where the engine would find no prefix or set of its own
    (a pattern that can match empty text gets none). Raises :class:`re.error` as ``re.compile``."""
    if not ENGINE_CHECKED or flags & (re.LOCALE | re.DEBUG):
        return re.compile(pattern, flags)
    try:
        tree = _rp.parse(pattern, flags)
        flags |= tree.state.flags
        code = _code(tree, flags)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, i in tree.state.groupdict.items():
            indexgroup[i] = name
        compiled: re.Pattern[str] = _sre.compile(
            pattern, flags, code, tree.state.groups - 1, tree.state.groupdict, tuple(indexgroup)
        )
        return compiled
    except Exception:  # an error in the pattern (raised below as re.compile raises it), or
        # an engine whose internals differ from these: the pattern as re.compile makes it
        return re.compile(pattern, flags)


def _code(tree: Any, flags: int) -> list[int]:
    """The engine's program for the parsed pattern, its information block holding the start set
    where :func:`_start_set` finds one (as ``re._compiler._code`` makes it otherwise)."""
    found = _start_set(tree, flags)
    if found is None:
        plain: list[int] = _rc._code(tree, flags)
        return plain
    lo, hi = tree.getwidth()
    charset, _cased = _rc._optimize_charset(found)
    code: list[int] = [_c.INFO, 0, _c.SRE_INFO_CHARSET, min(lo, _rc.MAXCODE), min(hi, _rc.MAXCODE)]
    _rc._compile_charset(charset, flags, code)
    code[1] = len(code) - 1
    _rc._compile(code, tree.data, flags)
    code.append(_c.SUCCESS)
    return code
