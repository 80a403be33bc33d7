"""Negated statements: "A did not partner with B" states no partnership.

Every phrasing rule reads a relation from the words between or around two names; none of them
reads a negation, so "A has never collaborated with B", "A is not a member of G" and "A denied it
had signed an MOU with B" came out as facts. This guard runs once over every fact and agreement a
sentence yields: a fact is dropped when the text between the nearest mentions of its two ends
negates (``not``, ``n't``, ``never``, ``no longer``, ``denied``), with asides set off by commas,
brackets or dashes left out ("A, which has not disclosed the amount, partnered with B" still
states the partnership), only the last clause of the text between them read, and the
non-negating idioms "not only", "not just", "not to mention" left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..context import SentView

__all__ = ["negated", "negated_parties"]

_NEGATOR = re.compile(
    r"\bnot\b(?!\s+(?:only|just|merely|simply|least|to\s+mention)\b)"
    r"|n[’']t\b|\bnever\b|\bno\s+longer\b|\bdeni(?:ed|es)\b|\bdeny(?:ing)?\b",
    re.IGNORECASE,
)
#: Asides that say something else about a name: ", which/who ... ,", "( ... )", " – ... – ".
_ASIDE = re.compile(r",\s*(?:which|who|whose|where|when)\b[^,]*,|\([^()]*\)|\s[–—]\s[^–—]*\s[–—]\s")
#: Where a new clause opens: only the last clause of the gap states the link ("while A has not
#: bought as many, it has bought B": the negation is another clause's).
_CLAUSE = re.compile(
    r"[;:]|,\s*(?:but|and|while|whereas|having|after|before|as|since|although|though|it|they)\b",
    re.IGNORECASE,
)


def _spans(v: SentView, eid: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m, i in zip(v.mentions, v.ids, strict=False) if i == eid]


def negated(v: SentView, a: str, b: str) -> bool:
    """Whether the sentence negates what links ``a`` and ``b`` (False when either is not named in it).

    The text between the closest pair of their mentions is read, asides left out.
    """
    sa, sb = _spans(v, a), _spans(v, b)
    if not sa or not sb:
        return False
    best: tuple[int, int] | None = None
    for x in sa:
        for y in sb:
            lo, hi = (x[1], y[0]) if x[0] <= y[0] else (y[1], x[0])
            if hi >= lo and (best is None or hi - lo < best[1] - best[0]):
                best = (lo, hi)
    if best is None:
        return False
    off = v.sent.start
    between = _ASIDE.sub(" ", v.sent.text[best[0] - off : best[1] - off])
    start = max((m.end() for m in _CLAUSE.finditer(between)), default=0)
    return _NEGATOR.search(between, start) is not None


def negated_parties(v: SentView, parties: Iterable[str]) -> bool:
    """Whether every pair of the parties the sentence names is negated (and there is a pair)."""
    named = [p for p in dict.fromkeys(parties) if _spans(v, p)]
    pairs = [(a, b) for i, a in enumerate(named) for b in named[i + 1 :]]
    return bool(pairs) and all(negated(v, a, b) for a, b in pairs)
