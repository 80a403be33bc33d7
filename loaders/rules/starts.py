"""Where a pattern's matches can start: the set of first characters, given to the engine.

Python's engine searches a pattern by trying a match at every position of the text, unless the
compiled pattern says which characters a match can start with (a literal prefix, or a class
that opens the pattern). It works that out only for the simplest openings: a pattern that opens
with a look-ahead (``(?=[A-Z])``), a word boundary (``\\b(?:signed|inked)``), an optional word
(``(?:The\\s+)?``), a repeated class (``[A-Z]{3}``) or an alternation whose branches open with
classes is tried at every position, and most positions fail at once, at the cost of a call into
the matcher each (a third of the rules' search time went to such positions).

:func:`with_start_set` reads the set of characters every match of a pattern must start with from
its parse tree, and compiles the same pattern with that set in the block the engine reads before
searching: the engine then skips in C to the positions where a match can start. The program the
matcher runs is the one ``re.compile`` makes (same groups, same text, same flags); only the
search's skipping changes, so every search answers exactly as before (tests compare them on
random and real text).

>>> rx = with_start_set(re.compile(r"\\b(?:signed|inked)\\s+an?\\s+MoU"))
>>> rx.search("Orbion and Veltra signed an MoU.").span()
(18, 31)
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
import sys
import threading
from re import _compiler as _rc  # type: ignore[attr-defined]
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _rp  # type: ignore[attr-defined]
from typing import Any

__all__ = ["first_chars", "give_start_sets", "with_start_set"]

#: A set of characters as the engine's class items: (LITERAL, code), (RANGE, (lo, hi)),
#: (CATEGORY, category).
Items = list[tuple[Any, Any]]

_ZERO_WIDTH = (_c.AT, _c.ASSERT_NOT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def _class(items: Any, cased: Any) -> Items | None:
    """The members of a class (``None`` where it is negated or, case-insensitively, cased: its
    matching then folds case, which a start set does not)."""
    out: Items = []
    for op, av in items:
        if op is _c.NEGATE:
            return None
        if cased is not None:
            if op is _c.LITERAL and cased(av):
                return None
            if op is _c.RANGE and (av[1] > 0xFFFF or any(map(cased, range(av[0], av[1] + 1)))):
                return None
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
        return None if cased is not None and cased(av) else ([(op, av)], False)
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
    """The class items every match of ``pattern`` starts with one of, where the pattern must
    consume a character and the set is known; ``None`` otherwise.

    >>> first_chars(re.compile(r"(?=[A-Z])\\w+")) == [(_c.RANGE, (65, 90))]
    True
    >>> first_chars(re.compile(r"\\b(?:to|by)\\b")) == [(_c.LITERAL, 116), (_c.LITERAL, 98)]
    True
    >>> first_chars(re.compile(r"(?:the\\s+)?\\w")) is None or True  # ("t" and every word character)
    True
    """
    tree = _rp.parse(pattern.pattern, pattern.flags)
    found = _sequence(tree.data, tree.state.flags | pattern.flags)
    return found[0] if found is not None and not found[1] and found[0] else None


def with_start_set(pattern: re.Pattern[str], tree: Any = None) -> re.Pattern[str]:
    """``pattern`` compiled with the set of characters its matches start with (see the module
    docstring); ``pattern`` itself where the engine finds a prefix or set of its own, where the
    set is unknown, or where the pattern can match empty text. ``tree``: its parse, where the
    caller has it (it is read, not changed)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.DEBUG):
        return pattern
    try:
        return _compiled(pattern, _rp.parse(pattern.pattern, pattern.flags) if tree is None else tree)
    except Exception:
        return pattern


def _compiled(pattern: re.Pattern[str], tree: Any) -> re.Pattern[str]:
    flags = tree.state.flags | pattern.flags
    lo, hi = tree.getwidth()
    if lo == 0:
        return pattern
    prefix, _skip, _all = _rc._get_literal_prefix(tree, flags)
    if prefix or _rc._get_charset_prefix(tree, flags):
        return pattern  # the engine's own is as good
    found = _sequence(tree.data, flags)
    if found is None or found[1] or not found[0]:
        return pattern
    charset, _cased = _rc._optimize_charset(found[0])
    code: list[int] = [_c.INFO, 0, _c.SRE_INFO_CHARSET, min(lo, _rc.MAXCODE), min(hi, _rc.MAXCODE)]
    _rc._compile_charset(charset, flags, code)
    code[1] = len(code) - 1
    _rc._compile(code, tree.data, flags)
    code.append(_c.SUCCESS)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, i in tree.state.groupdict.items():
        indexgroup[i] = name
    compiled: re.Pattern[str] = _sre.compile(
        pattern.pattern, flags, code, tree.state.groups - 1, tree.state.groupdict, tuple(indexgroup)
    )
    return compiled


#: Modules whose patterns were given their start sets, and how many modules were loaded then.
_GIVEN: set[str] = set()
_LOADED = [0]
_LOCK = threading.Lock()


def give_start_sets(package: str = "qkg.loaders") -> None:
    """Give every compiled pattern a module of ``package`` holds as a module attribute its start
    set (:func:`with_start_set`), once per module, for the modules loaded so far.

    The rule modules compile some 800 patterns, and the rule sessions add more every day: this
    reads them where they are, so that no module needs to compile its patterns another way.
    Parsing them costs about half a second of CPU once per process, so the extractor asks for it
    at its first document rather than at import (commands that never extract do not pay for it)."""
    if len(sys.modules) == _LOADED[0]:
        return
    with _LOCK:
        for name, module in list(sys.modules.items()):
            if name in _GIVEN or module is None or not (name == package or name.startswith(package + ".")):
                continue
            _GIVEN.add(name)
            for attr, value in list(vars(module).items()):
                if isinstance(value, re.Pattern) and not _starts_plainly(value):
                    faster = with_start_set(value)
                    if faster is not value:
                        setattr(module, attr, faster)
        _LOADED[0] = len(sys.modules)


#: Characters that are not literal at the start of a pattern.
_SPECIAL = frozenset("\\.^$*+?{}[]|()")


def _starts_plainly(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` opens with a literal character or an escaped class, not repeated (the
    engine then mostly finds a prefix of its own), or with a cased letter while case-insensitive
    (no start set either): left as it is, unparsed. (A pattern left so is searched as before.)"""
    text = pattern.pattern
    if not isinstance(text, str) or not text:
        return True
    first = text[0]
    if first in _SPECIAL:
        return text[:2] in ("\\s", "\\d", "\\w", "\\S", "\\W") and text[2:3] not in ("*", "?", "+", "{")
    if pattern.flags & re.IGNORECASE and first.isalpha():
        return True
    return text[1:2] not in ("*", "?", "+", "{")
