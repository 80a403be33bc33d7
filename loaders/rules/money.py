"""What the money rules share: how an amount is written and who gives or receives money.

Kept apart so that :mod:`.investments` (sentence rules and rounds) and :mod:`.grants` (public
money shared out over sentences) read the same definitions without importing each other.
"""

from __future__ import annotations

from qkg.schemas import EntityType

from ..context import ORGS, PLACES

__all__ = ["FUNDED", "INVESTORS", "MONEY", "RECIPIENTS"]

E = EntityType

#: Who can receive a round (and so become the recipient of an Investment agreement).
RECIPIENTS = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE})
#: Who an Investment agreement can be made with: funded organisations, hubs and consortia included.
FUNDED = RECIPIENTS | {E.CLUSTER}


MONEY = (
    r"(?:(?:US|A|C|NZ|S)?[$€£¥₩]\s?\d[\d,.]*|(?:AUD|USD|EUR|CAD|GBP|NIS|DKK|SEK|NOK|KRW|JPY|CHF|INR|CNY)\s?\d[\d,.]*)"
    r"(?:\s*(?:million|billion|trillion|bn|mn|m|k)\b)?"
    r"|\d[\d,.]*\s*(?:million|billion|trillion)?\s*(?:€|euros?|dollars|DKK|NIS|won|yen|pounds|francs)"
)
#: Who can be named as an investor in a round (people are left out: "led by CEO X" is not money).
INVESTORS = frozenset(ORGS | PLACES | {E.PROGRAM})
