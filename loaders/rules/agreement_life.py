"""The life of an agreement: what its sentences say about its stage and its end.

For each sentence quoted by an agreement (the agreements family finds them), status cues
give events: "announced", "will sign" -> ANNOUNCED; "signed", "inked" -> SIGNED; "in force",
"launched", "began" -> ACTIVE; "extended", "renewed" -> EXTENDED; "expired", "ended",
"terminated", "pulled out" -> ENDED. Each event carries the sentence as evidence and the
date stated in its part of the sentence (the text from its cue up to the next cue; text
before the first cue belongs to the first), else the document's date; an announced plan
("will sign in March") is dated by the document, since the date is the plan's.

Ends: "until 2030", "runs through 2027", "from 2024 to 2028", "will expire in 2026" state an
end; a duration ("a three-year MOU signed in 2022", "for five years") ends that many years
after its event's date. The end belongs to the event whose part of the sentence says it; a
sentence stating an end without a cue gives an ACTIVE event. An extension without a new end
clears an earlier end (:func:`qkg.schemas.life.life`), so "unless an extension is stated"
holds within a document and across documents alike.

>>> from qkg.schemas import Document
>>> doc = Document.from_text("Orvane Labs and Telmar University signed a three-year MOU in 2022.")
>>> ev = Evidence(document_id=doc.id, sentence=doc.text, start=0, end=len(doc.text), rule="r")
>>> life = agreement_life([ev], doc_date="2024-05-02")
>>> life.status.value, life.ends, [e.date for e in life.events]
('signed', '2025', ['2022'])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qkg.schemas import AgreementEvent, AgreementStatus, Evidence
from qkg.schemas.life import add_years, life, ordered_events

from ..dates import find_date, resolve_date
from . import fastre as re
from .references import ANTECEDENT_RULE

__all__ = ["Life", "agreement_life", "sentence_events"]

S = AgreementStatus

#: a plan to sign ("will sign", "agreed to formally sign") is an announcement, not a signing
_PLAN_SIGN = re.compile(
    r"\b(?:will|would|shall|to|is\s+set\s+to|are\s+set\s+to|plans?\s+to|planning\s+to|expected\s+to|"
    r"intends?\s+to)\s+(?:(?:formally|officially|jointly|soon|also)\s+)?(?:be\s+sign(?:ing|ed)|sign)\b",
    re.I,
)
#: status cues (a plan to end or expire states an end instead, see _ENDS)
_CUES: list[tuple[AgreementStatus, re.Pattern[str]]] = [
    (S.ANNOUNCED, re.compile(r"\bannounc(?:e|es|ed|ing)\b|" + _PLAN_SIGN.pattern, re.I)),
    (
        S.SIGNED,
        re.compile(
            r"\b(?:sign|signed|signs|signing|inked|inks|sealed|concluded)\b|\bentered\s+into\b(?!\s+force)",
            re.I,
        ),
    ),
    (
        S.ACTIVE,
        re.compile(
            r"\b(?:(?:entered|entering|enters|came|comes)\s+into\s+(?:force|effect)|in\s+force|"
            r"took\s+effect|takes\s+effect|(?<!will\s)(?:launched|began|begun|started|kicked\s+off)|"
            r"went\s+live|in\s+effect)\b",
            re.I,
        ),
    ),
    (S.EXTENDED, re.compile(r"\b(?:extended|extends|extending|renewed|renews|renewing|prolonged)\b", re.I)),
    (
        S.ENDED,
        re.compile(
            r"\b(?:expired|(?<!-)ended(?!\s+up)|terminated|cancell?ed|scrapped|dissolved|lapsed|"
            r"came\s+to\s+an\s+end|pulled\s+out|withdrew\s+from|walked\s+away\s+from)\b",
            re.I,
        ),
    ),
]
#: a date as it follows an end phrase: "2030", "March 2027", "31 December 2026", "June 30, 2028"
_DATE = r"((?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{2}(?:-\d{2}-\d{2})?)"
_ENDS = re.compile(
    r"(?i:\b(?:until|till|through|thru|up\s+to|to\s+the\s+end\s+of|ending\s+in|"
    r"(?:expire|expires|expiring|end|ends|terminate|terminates|conclude|concludes|run|runs|last|lasts)\s+"
    r"(?:in|on|at\s+the\s+end\s+of|by))\s+(?:(?:the\s+)?end\s+of\s+)?)"
    + _DATE
    + r"|(?i:\bfrom\s+(?:19|20)\d{2}\s+(?:to|until|through)\s+)((?:19|20)\d{2})\b",
)
_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBERS = {w: i for i, w in enumerate(_WORDS, start=1)}
_N = rf"({'|'.join(_WORDS)}|\d{{1,2}})"
#: a term: "a three-year MOU", "a five year deal", "for a period of four years" (not "for three
#: years" after "have been", which is how long something has lasted, nor "a 40-year-old")
_DURATION = re.compile(
    rf"\b{_N}[- ]year\b(?!-old|\s+old)|\bfor\s+(?:a\s+(?:further|period\s+of)\s+|another\s+)?{_N}\s+(?:more\s+)?years\b",
    re.I,
)
_LASTED = re.compile(r"\b(?:have|has|had)\s+been\b", re.I)
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")
#: Substrings of the lower-cased sentence one of which each pattern's every match contains: a
#: cheap gate (a substring test costs a fraction of a case-insensitive search of the sentence).
_GATES: dict[AgreementStatus, tuple[str, ...]] = {
    S.ANNOUNCED: ("announc", "sign"),
    S.SIGNED: ("sign", "ink", "sealed", "concluded", "entered"),
    S.ACTIVE: ("force", "effect", "launch", "began", "begun", "start", "kicked", "live"),
    S.EXTENDED: ("extend", "renew", "prolong"),
    S.ENDED: (
        "expired",
        "ended",
        "terminated",
        "cancel",
        "scrapped",
        "dissolved",
        "lapsed",
        "came",
        "pulled",
        "withdrew",
        "walked",
    ),
}
_ENDS_GATE = (
    "until",
    "till",
    "through",
    "thru",
    "up",
    "end",
    "expir",
    "terminat",
    "conclud",
    "run",
    "last",
    "from",
)


def _gate(lower: str, words: tuple[str, ...]) -> bool:
    return any(w in lower for w in words)


@dataclass(frozen=True, slots=True)
class Life:
    """An agreement's events in one document, and the status and end they give."""

    events: tuple[AgreementEvent, ...]
    status: AgreementStatus
    ends: str | None


def agreement_life(evidence: Iterable[Evidence], *, doc_date: str | None) -> Life:
    """The events the agreement's sentences tell (sentences quoted only to name a party excluded)."""
    events = ordered_events(
        e for ev in evidence if ev.rule != ANTECEDENT_RULE for e in sentence_events(ev, doc_date=doc_date)
    )
    status, ends = life(events)
    return Life(events, status, ends)


def _stated_date(text: str) -> str | None:
    d = find_date(text)
    if d is not None:
        return d
    y = _BARE_YEAR.search(text)
    return y.group(0) if y else None


def sentence_events(ev: Evidence, *, doc_date: str | None) -> list[AgreementEvent]:
    """The events one sentence tells, in the order of their cues (see the module docstring)."""
    text = ev.sentence
    lower = text.lower()
    plans = [m.span() for m in _PLAN_SIGN.finditer(text)] if "sign" in lower else []
    cues: dict[AgreementStatus, tuple[int, int]] = {}
    for status, rx in _CUES:
        if not _gate(lower, _GATES[status]):
            continue
        for m in rx.finditer(text):
            # "will sign" is the plan's cue, not a signing
            if status is S.SIGNED and any(a <= m.start() < b for a, b in plans):
                continue
            cues[status] = m.span()
            break
    order = sorted(cues.items(), key=lambda item: item[1][0])
    ends: list[tuple[int, str]] = []
    masked = text
    dated = _gate(lower, _ENDS_GATE) and _BARE_YEAR.search(text) is not None
    for m in _ENDS.finditer(text) if dated else ():
        stated = _stated_date(m.group(1) or m.group(2))
        if stated is not None:
            ends.append((m.start(), stated))
            masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    durations = [
        (m.start(), _years(m.group(1) or m.group(2)))
        for m in (_DURATION.finditer(text) if "year" in lower else ())
        if m.group(1) or not _LASTED.search(text)
    ]
    if not order:
        if not ends and not durations:
            return []
        order = [(S.ACTIVE, (0, 0))]
    out = []
    for i, (status, (start, _)) in enumerate(order):
        lo = 0 if i == 0 else start
        hi = order[i + 1][1][0] if i + 1 < len(order) else len(text)
        if status is S.ANNOUNCED and any(a == start for a, _ in plans):
            date = doc_date
        else:
            date = resolve_date(masked[lo:hi], doc_date) or doc_date
        end = next((d for at, d in ends if lo <= at < hi), None)
        if end is None and date is not None and status is not S.ENDED:
            years = next((n for at, n in durations if lo <= at < hi), None)
            end = add_years(date, years) if years else None
        out.append(AgreementEvent(status=status, date=date, ends=end, evidence=ev))
    return out


def _years(word: str) -> int:
    return _NUMBERS.get(word.lower()) or int(word)
