"""Where a document repeats names it has already read, without compiling a pattern per document.

Two steps of mention finding look for the names one document introduced (the surnames of the
people it named in full, the organisation names a rule found once) everywhere else in it. A
compiled alternation of those names is new for every document, so compiling it cost more than
the search (1-3 ms a document: the names differ, so the pattern cache never hits).
:func:`bounded_names` finds the same spans with one substring search per name.

>>> bounded_names("Lin met Linton; Ada Lin-Berg and Ada Lin left.", ["Ada Lin", "Lin"], "-")
[(0, 3, 'Lin'), (33, 40, 'Ada Lin')]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["bounded_names"]


def bounded_names(text: str, names: Sequence[str], edge: str) -> list[tuple[int, int, str]]:
    """The spans ``re.finditer`` finds in ``text`` for the pattern
    ``(?<![\\w<edge>])(?:name|name|...)(?![\\w<edge>])`` of ``names`` escaped, in that order:
    (start, end, name) of each match, leftmost first, the first name of ``names`` that fits
    at a position winning, and no match overlapping the one before.

    ``edge`` holds the characters besides word characters (letters, digits, ``_``) that may not
    touch a match on either side. Every name must be non-empty.
    """
    found: list[tuple[int, int, int]] = []
    size = len(text)
    for rank, name in enumerate(names):
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if (i == 0 or not _touches(text[i - 1], edge)) and (j == size or not _touches(text[j], edge)):
                found.append((i, rank, j))
            i = text.find(name, i + 1)
    found.sort()
    out: list[tuple[int, int, str]] = []
    pos = 0
    for i, rank, j in found:
        if i < pos:
            continue  # inside the last match, or a later name at its start
        out.append((i, j, names[rank]))
        pos = j
    return out


def _touches(c: str, edge: str) -> bool:
    """Whether ``c`` is a word character of ``re`` (``\\w`` of a str pattern) or one of ``edge``."""
    return c.isalnum() or c == "_" or c in edge
