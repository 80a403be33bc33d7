"""Investments: funding verbs and nouns, rounds, stakes and grants (INVESTS_IN)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, Fact, SentView
from .rule import ACTORS, Rule, apply

__all__ = ["GATE", "MONEY", "investment_facts"]

E = EntityType
R = RelationType


MONEY = (
    r"(?:(?:US|A|C|NZ|S)?[$€£¥₩]\s?\d[\d,.]*|(?:AUD|USD|EUR|CAD|GBP|NIS|DKK|SEK|NOK|KRW|JPY|CHF|INR|CNY)\s?\d[\d,.]*)"
    r"(?:\s*(?:million|billion|trillion|bn|mn|m|k)\b)?"
    r"|\d[\d,.]*\s*(?:million|billion|trillion)?\s*(?:€|euros?|dollars|DKK|NIS|won|yen|pounds|francs)"
)


_INVEST_NOUN = r"(?:investment|funding|grant|financing|contribution|injection|backing|capital|loan)s?"


_INVEST_VERB = (
    r"(?:granted|grants|invested|invests|investing|invest|provided|providing|provides|provide|injected|injects|"
    r"committed|commits|awarded|awards|funded|funds|funding|backed|backs|pledged|pledges|allocated|allocates|"
    r"financed|finances|contributed|contributes)"
)


# cheap gates: a rule family runs only when its vocabulary occurs in the sentence
GATE = (
    "invest",
    "fund",
    "grant",
    "financ",
    "rais",
    "receiv",
    "secur",
    "stake",
    "paid",
    "pay",
    "provid",
    "inject",
    "back",
    "pledg",
    "alloc",
    "award",
    "contribut",
    "commit",
    "capital",
    "loan",
)


#: Funding phrasings; sources invest in targets.
_INVEST_RULES = (
    Rule(
        re.compile(
            rf"{_INVEST_NOUN}\s+(?:of\s+(?:{MONEY})\s+)?(?:from|by)\s+({LIST})\s+(?:to|in|into|for)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-noun",
        0.8,
    ),
    Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:has|have|had|will|is|are|was|were|also|jointly|recently|today|already|been|be)\s+)*"
            rf"{_INVEST_VERB}\s+(?:(?:an?\s+)?(?:additional\s+|further\s+|nearly\s+|about\s+|around\s+|some\s+)?(?:{MONEY})\s*(?:in\s+\w+\s+)?(?:{_INVEST_NOUN}\s+)?)?"
            rf"(?:(?:to|in|into|for)\s+)?(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-verb",
        0.8,
        frozenset(EntityType) - {E.PERSON},
    ),
    Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:has|have|had|also|just|recently)\s+)*(?:raised|received|secured|obtained|won|closed|landed|attracted)\b[^§]{{0,80}}?"
            rf"\b(?:from|by|led\s+by|with\s+participation\s+from|backed\s+by)\s+({LIST})"
        ),
        2,
        1,
        "funding-raised",
        0.8,
    ),
    Rule(
        re.compile(
            rf"(?:paid|provided|invested|funded|financed|injected|backed|led|contributed)\s+by\s+(?:the\s+)?{ENT}'s?\s+[^§:]{{0,50}}?"
            rf"(?:shareholders|investors|backers|funders)\s*:?\s*({LIST})"
        ),
        2,
        1,
        "funding-shareholders",
        0.8,
    ),
    Rule(
        re.compile(
            rf"{ENT}\s+[^§]{{0,50}}?\b(?:acquire|acquired|acquires|take|took|takes|taking|buy|bought)\s+an?\s+(?:\w+\s+)?stake\s+in\s+{ENT}"
        ),
        1,
        2,
        "funding-stake",
        0.8,
    ),
    Rule(
        re.compile(
            rf"(?:through|via)\s+the\s+{ENT}[^§]{{0,60}}?\b(?:contribution|funding|investment)[^§]{{0,40}}?{ENT}"
        ),
        1,
        2,
        "funding-through",
        0.6,
    ),
    Rule(
        re.compile(
            rf"{ENT}'s?\s+(?:\w+\s+){{0,2}}{_INVEST_NOUN}\s+(?:of\s+(?:{MONEY})\s+)?(?:in|into|to|for)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-possessive",
        0.8,
    ),
    Rule(
        re.compile(
            rf"(?:{MONEY})\s+(?:{_INVEST_NOUN}\s+)?(?:is\s+|was\s+|will\s+be\s+)?(?:injected|invested|provided)?\s*(?:in|into|to)\s+(?:the\s+)?{ENT}"
            rf"\s+(?:from|by)\s+({LIST})"
        ),
        2,
        1,
        "funding-amount",
        0.8,
    ),
    Rule(
        re.compile(
            rf"\bfrom\s+the\s+{ENT}[^.;]{{0,90}}?\b(?:will|to|would|shall)\s+(?:pay\s+for|fund|finance|help\s+(?:fund|finance|build))\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-pays-for",
        0.7,
        frozenset(ACTORS),
    ),
    Rule(
        re.compile(rf"(?:investments?|funding)\s+(?:in|into)\s+(?:the\s+)?{ENT}\s+(?:from|by)\s+({LIST})"),
        2,
        1,
        "funding-in-from",
        0.8,
    ),
)


def investment_facts(v: SentView, m: str) -> Iterator[Fact]:
    yield from apply(v, m, _INVEST_RULES, R.INVESTS_IN)
