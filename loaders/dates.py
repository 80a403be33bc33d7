"""Dates in text: explicit dates, the article's dateline, and relative references."""

from __future__ import annotations

from .rules import fastre as re
from .rules.literals import compile_gated

__all__ = ["dateline", "find_date", "resolve_date"]

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_ISO = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_DMY = compile_gated(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+((?:19|20)\d{{2}})\b")
_MDY = compile_gated(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b")
_MY = compile_gated(rf"\b{_MON},?\s+((?:19|20)\d{{2}})\b")
_YEAR = re.compile(r"\b(?:in|since|from|during|started\s+in|signed\s+in)\s+((?:19|20)\d{2})\b")
_LAST_MONTH = re.compile(rf"\b(?:last|this\s+past)\s+{_MON}")
_TODAY = re.compile(
    r"\b(?:today|this\s+week|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on\s+the\s+\d{1,2}(?:st|nd|rd|th))\b"
)


def find_date(text: str) -> str | None:
    """The first explicit date in ``text`` as a (partial) ISO string.

    >>> find_date("signed on 11 June, 2024 in Paris"), find_date("in February 2022"), find_date("Jun 12, 2019")
    ('2024-06-11', '2022-02', '2019-06-12')
    """
    best: tuple[int, str] | None = None
    for rx, fmt in ((_ISO, "iso"), (_DMY, "dmy"), (_MDY, "mdy"), (_MY, "my")):
        m = rx.search(text)
        if not m:
            continue
        if fmt == "iso":
            val = m.group(0)
        elif fmt == "dmy":
            val = f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
        elif fmt == "mdy":
            val = f"{m.group(3)}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
        else:
            val = f"{m.group(2)}-{_MONTHS[m.group(1).lower()]:02d}"
        if best is None or m.start() < best[0] or (m.start() == best[0] and len(val) > len(best[1])):
            best = (m.start(), val)
    return best[1] if best else None


def dateline(lines: list[str]) -> str | None:
    """The publication date given near the top of an article (first five lines)."""
    for line in lines[:5]:
        d = find_date(line)
        if d and len(d) >= 7:
            return d
    return None


def resolve_date(sentence: str, doc_date: str | None) -> str | None:
    """The date an event in ``sentence`` happened: explicit, relative to the dateline, or None."""
    d = find_date(sentence)
    if d:
        return d
    y = _YEAR.search(sentence)
    if y:
        return y.group(1)
    if doc_date:
        lm = _LAST_MONTH.search(sentence)
        if lm:
            month = _MONTHS[lm.group(1).lower()]
            year = int(doc_date[:4])
            cur = int(doc_date[5:7]) if len(doc_date) >= 7 else 12
            return f"{year - 1 if month >= cur else year}-{month:02d}"
        if _TODAY.search(sentence):
            return doc_date
    return None
