"""Goals: quantified targets ("85% parity with global leaders by 2035", "1,200 quantum firms").

Only sentences that speak of the future or of targets are read (aim, goal, target,
ambition, plan, projected, by <year>, will, expected). Three shapes are recognised:
percentages with what they measure, money amounts with what they size, and counts of
a kind of thing (professionals, firms, qubits, jobs, ...). The owner is the actor the
sentence is about (its first country, programme or organisation), else the closest one
before it in the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import fastre as re
from .rules.literals import compile_gated

__all__ = ["GoalDraft", "find_goals"]

_CUE = re.compile(
    r"\b(?:aim\w*|goals?|targets?|ambitions?|ambitious|plans?|planned|projects|projected|projections?|forecasts?|"
    r"expect\w*|estimat\w*|will|by\s+(?:19|20)\d{2}|seeks?|intends?|pledg\w*|vision|strategy)\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\bby\s+((?:20|21)\d{2})\b")
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_CURRENCY = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "A$": "AUD",
    "C$": "CAD",
}
_PCT = re.compile(
    rf"{_NUM}\s?(?:%|per\s?cent|percent)\s+((?:[a-z][\w-]*\s+){{0,5}}?[a-z][\w-]*)(?=\s+(?:by|in|within|of\s+the|and|,|\.|;)|[,.;]|$)"
)
_MONEY = re.compile(
    rf"(US\$|A\$|C\$|[$€£¥₩])\s?{_NUM}\s*(thousand|million|billion|trillion|bn)?\s+((?:[a-z][\w-]*\s+){{0,2}}?(?:industry|market|economy|sector|revenue|revenues|turnover|investment|funding|budget|business))\b"
)
_COUNT_UNITS = (
    r"professionals|experts|researchers|scientists|engineers|workers|jobs|specialists|students|graduates|phds|"
    r"firms|companies|startups|start-ups|enterprises|businesses|qubits|users|patents|centres|centers|hubs|"
    r"facilities|computers|devices|machines|talents|people"
)
_COUNT = compile_gated(
    rf"{_NUM}(?:\s+(thousand|million))?\s+((?:[a-z][\w-]*\s+){{0,2}}?(?:{_COUNT_UNITS}))\b", re.I
)
_QUBIT_DEVICE = compile_gated(
    rf"\b{_NUM}-qubit\s+((?:[a-z][\w-]*\s+){{0,1}}(?:device|computer|processor|machine|system))\b"
)


@dataclass
class GoalDraft:
    """A quantified target found in one sentence."""

    metric: str
    value: float
    unit: str
    year: int | None
    sentence: int
    rule: str


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def find_goals(sentences: list[str]) -> list[GoalDraft]:
    """Goals in each sentence (by index)."""
    out: list[GoalDraft] = []
    for k, text in enumerate(sentences):
        if not _DIGIT.search(text) or not _CUE.search(text):
            continue
        years = _YEAR.findall(text)
        default_year = int(years[0]) if len(years) == 1 else None

        def year_of(pos: int, text: str = text, default: int | None = default_year) -> int | None:
            return _year_after(text, pos) or default

        taken: list[tuple[int, int]] = []
        for m in _PCT.finditer(text):
            metric = m.group(2).strip()
            if metric.split()[0] in {"of", "in", "by", "from", "to"}:
                continue
            out.append(GoalDraft(metric, _num(m.group(1)), "%", year_of(m.end()), k, "goal-percentage"))
            taken.append(m.span())
        for m in _MONEY.finditer(text):
            value = _num(m.group(2)) * _SCALE.get((m.group(3) or "").lower(), 1.0)
            out.append(
                GoalDraft(
                    m.group(4).strip(),
                    value,
                    _CURRENCY.get(m.group(1), m.group(1)),
                    year_of(m.end()),
                    k,
                    "goal-money",
                )
            )
            taken.append(m.span())
        for m in _COUNT.finditer(text):
            if any(s <= m.start() < e for s, e in taken) or _is_year(m.group(1)):
                continue
            before = text[max(0, m.start() - 25) : m.start()].lower()
            if re.search(r"(?:\$|€|£|%)\s*$", before):
                continue
            value = _num(m.group(1)) * _SCALE.get((m.group(2) or "").lower(), 1.0)
            unit = m.group(3).strip()
            metric = (
                "workforce"
                if re.search(
                    r"workforce\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+|over\s+|more\s+than\s+)?$",
                    before,
                )
                else unit
            )
            out.append(GoalDraft(metric, value, unit, year_of(m.end()), k, "goal-count"))
        for m in _QUBIT_DEVICE.finditer(text):
            out.append(
                GoalDraft(m.group(2).strip(), _num(m.group(1)), "qubits", year_of(m.end()), k, "goal-qubits")
            )
    return out


def _is_year(s: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", s))


def _year_after(text: str, pos: int) -> int | None:
    m = re.match(r"\s*(?:[^,;.]{0,40}?)\bby\s+((?:20|21)\d{2})\b", text[pos:])
    return int(m.group(1)) if m else None
