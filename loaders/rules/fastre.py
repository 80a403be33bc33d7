"""The ``re`` module as the rule modules use it: ``compile`` gives a pattern its start set.

The rule modules import it in place of ``re`` (``from . import fastre as re``), so that the 800
patterns they compile are parsed once, at import, as before, and searched with the set of
characters their matches can start with (:mod:`.starts`): the same answers, found with fewer
tries. Everything else is :mod:`re`'s own.

>>> compile(r"(?=[A-Z])\\w+").findall("Orbion and Veltra")
['Orbion', 'Veltra']
"""

from __future__ import annotations

from re import (
    ASCII,
    DEBUG,
    DOTALL,
    IGNORECASE,
    LOCALE,
    MULTILINE,
    UNICODE,
    VERBOSE,
    A,
    I,
    L,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    search,
    split,
    sub,
    subn,
)

from .starts import compile_with_start_set

__all__ = [
    "ASCII",
    "DEBUG",
    "DOTALL",
    "IGNORECASE",
    "LOCALE",
    "MULTILINE",
    "UNICODE",
    "VERBOSE",
    "A",
    "I",
    "L",
    "M",
    "Match",
    "Pattern",
    "RegexFlag",
    "S",
    "U",
    "X",
    "compile",
    "error",
    "escape",
    "findall",
    "finditer",
    "fullmatch",
    "match",
    "search",
    "split",
    "sub",
    "subn",
]

#: Patterns compiled so far, by text and flags (a rule that compiles one per call finds it here,
#: as ``re``'s own cache would); bounded.
_CACHE: dict[tuple[str, int], Pattern[str]] = {}
_CACHE_SIZE = 4096


def compile(pattern: str | Pattern[str], flags: int = 0) -> Pattern[str]:
    """``re.compile``, with the start set (:func:`.starts.compile_with_start_set`)."""
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (pattern, int(flags))
    got = _CACHE.get(key)
    if got is None:
        got = compile_with_start_set(pattern, int(flags))
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = got
    return got
