"""What the money rules share: how an amount is written and who gives or receives money.

Kept apart so that :mod:`.investments` (sentence rules and rounds) and :mod:`.grants` (public
money shared out over sentences) read the same definitions without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, PLACES, Fact, SentView
from ..patterns import CURRENCY_CODE

__all__ = ["FUNDED", "INVESTORS", "MONEY", "RECIPIENTS", "funding_facts"]

E = EntityType
R = RelationType

#: Who can receive a round (and so become the recipient of an Investment agreement).
RECIPIENTS = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE})
#: Who an Investment agreement can be made with: funded organisations, hubs and consortia included.
FUNDED = RECIPIENTS | {E.CLUSTER}


MONEY = (
    rf"(?:(?:US|A|C|NZ|S|HK|NT|R)?[$€£¥₩₹]\s?\d[\d,.]*|{CURRENCY_CODE}\.?\s?\d[\d,.]*)"
    r"(?:[\s-]*(?:million|billion|trillion|crore|lakh|bn|mn|m|k)\b)?"
    # "R54-million", "R2 billion": a bare R is a rand only with its magnitude
    r"|\bR\d[\d,.]*[\s-]?(?:million|billion|bn|m)\b"
    r"|\d[\d,.]*\s*(?:million|billion|trillion|crore|lakh)?\s*(?:€|euros?|dollars|DKK|NIS|won|yen|pounds|francs|rupees|"
    r"yuan|rand|reais|shekels)"
)


def funding_facts(
    v: SentView,
    funders: Iterable[int],
    funded: Iterable[int],
    funder_types: AbstractSet[EntityType],
    funded_types: AbstractSet[EntityType],
    rule: str,
) -> Iterator[Fact]:
    """INVESTS_IN from each funder of an allowed type to each funded mention of an allowed type."""
    funded = list(funded)
    for a in funders:
        if v.type(a) not in funder_types:
            continue
        for b in funded:
            if b != a and v.type(b) in funded_types:
                yield Fact(v.id(a), R.INVESTS_IN, v.id(b), rule, 0.8)


#: Who can be named as an investor in a round (people are left out: "led by CEO X" is not money).
INVESTORS = frozenset(ORGS | PLACES | {E.PROGRAM})
