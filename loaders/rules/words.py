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
from functools import cache
from importlib import resources

__all__ = ["alternation", "word_list", "word_table"]


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
