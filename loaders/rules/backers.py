"""Backers named with their portfolio: an investor and the companies it has funded (INVESTS_IN).

News about investors lists what they hold rather than one deal: "Kessler Ventures has backed
start-ups including Orbion, Veltra and Quarkly", "Kessler's portfolio includes Orbion and
Veltra", "the fund invested in quantum companies such as Orbion". Each listed company is
funded by the investor, whatever the noun between the verb and the list ("start-ups",
"several quantum companies", "firms"). Kept apart from :mod:`.investments` (already long)
and gated on its own cue words, so it costs nothing on sentences without a portfolio.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import LIST, Fact, SentView, ids_in
from . import fastre as re
from .money import funding_facts
from .rule import ACTORS, gate

__all__ = ["GATE", "backer_facts"]

E = EntityType
R = RelationType

#: The cue words without which no rule here can match ("including", "such as", "portfolio").
GATE = ("including", "such as", "like ", "among them", "notably", "portfolio")

#: Who a portfolio holds: companies, and spin-outs of universities or institutes.
_HELD = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE})
#: Who can hold a portfolio: organisations and programmes (funds), governments and their places.
_HOLDERS = frozenset(ACTORS)

#: The plural noun a portfolio is introduced by ("start-ups", "quantum hardware companies").
_HELD_NOUN = (
    r"(?:start-?ups|compan(?:y|ies)|firms|ventures|businesses|spin-?outs|spin-?offs|scale-?ups|developers|"
    r"makers|players|teams|projects)"
)
#: The cue that opens the list of examples.
_EXAMPLES = r"(?:including|such\s+as|like|among\s+them|notably)"
_AUX = r"(?:(?:has|have|had|also|already|previously|recently|since|now|so\s+far|to\s+date)\s+)*"
#: An apposition between the investor and its verb: "Kessler Ventures, a Lyon fund, has backed ...".
_APPOSITION = r"(?:,\s+(?:an?|the|which|who)\s+[^§;]{0,80}?,)?"

#: "§K§ has backed start-ups including §A§, §B§ and §C§", "§K§ invested in several quantum
#: companies, such as §A§", "§K§ supports more than 10 companies, including §A§".
_BACKED_EXAMPLES = re.compile(
    rf"({LIST}){_APPOSITION}\s+{_AUX}(?:backed|backs|backing|funded|funds|funding|financed|finances|"
    rf"supported|supports|supporting|invested\s+in|invests\s+in|investing\s+in)\s+"
    rf"(?:(?:[\w$€£.,-]+|§\d+§)\s+){{0,6}}?{_HELD_NOUN}\b[^§.;]{{0,40}}?,?\s+{_EXAMPLES}\s+(?:the\s+)?({LIST})"
)
#: "§K§'s previous €15m fund focused on X and backed start-ups such as §A§ and §B§": the owner's fund.
_FUND_BACKED_EXAMPLES = re.compile(
    r"§(\d+)§['’]s?\s+(?:[^§.;]{0,40}?\s)?(?:fund|funds|vehicle|arm|venture\s+arm)\s+(?:[^.;]{0,80}?\s+and\s+)?"
    r"(?:(?:has|have|had|also|already|previously)\s+)*(?:backed|funded|financed|supported|invested\s+in)\s+"
    rf"(?:(?:[\w$€£.,-]+|§\d+§)\s+){{0,6}}?{_HELD_NOUN}\b[^§.;]{{0,40}}?,?\s+{_EXAMPLES}\s+(?:the\s+)?({LIST})"
)
#: "§K§'s portfolio includes §A§ and §B§", "§K§'s quantum portfolio (of companies) features §A§".
_PORTFOLIO = re.compile(
    rf"§(\d+)§'s?\s+(?:[\w-]+\s+){{0,2}}?portfolio\s+(?:of\s+[^§.;]{{0,30}}?)?"
    rf"(?:includes|included|including|comprises|spans|features|counts|contains)\s+"
    rf"(?:(?:[a-z][\w-]*\s+){{1,3}}{_EXAMPLES}\s+)?(?:the\s+)?({LIST})"
)

#: "§A§ is the first unicorn in the portfolio of §K§", "§A§ and §B§ are part of §K§'s portfolio",
#: "§A§ joined §K§'s quantum portfolio": the held named first, the holder after.
_IN_PORTFOLIO = re.compile(
    rf"({LIST})\s+(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|became|becomes|remains|joined|joins|also|now)\s+)+"
    r"(?:[^§.;]{0,60}?\s)?(?:in|into|of|to|from|within)\s+"
    r"(?:(?:the|its|a)\s+(?:[\w-]+\s+){0,2}?portfolio\s+of\s+(?:the\s+)?§(\d+)§|§(\d+)§['’]s?\s+(?:[\w-]+\s+){0,2}?portfolio)"
)
#: "§K§ has §A§ and §B§ in its portfolio", "§K§ counts §A§ among its portfolio companies".
_HAS_IN_PORTFOLIO = re.compile(
    rf"§(\d+)§\s+{_AUX}(?:has|had|holds|held|counts|counted|includes|included|added|adds|keeps)\s+(?:the\s+)?({LIST})\s+"
    r"(?:in|to|among|into)\s+its\s+(?:[\w-]+\s+){0,2}?portfolio"
)


def backer_facts(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """INVESTS_IN from an investor to each company its portfolio is said to include."""
    if not gate(low, GATE):
        return
    for x in _BACKED_EXAMPLES.finditer(m):
        yield from _held(v, ids_in(x.group(1)), ids_in(x.group(2)), "funding-backed-examples")
    for x in _FUND_BACKED_EXAMPLES.finditer(m) if "fund" in low or "arm" in low or "vehicle" in low else ():
        yield from _held(
            v, [int(x.group(1))], _whole_names(m, x.start(2), x.group(2)), "funding-backed-examples"
        )
    for x in _PORTFOLIO.finditer(m) if "portfolio" in low else ():
        yield from _held(v, [int(x.group(1))], ids_in(x.group(2)), "funding-portfolio-includes")
    for x in _IN_PORTFOLIO.finditer(m) if "portfolio" in low else ():
        yield from _held(v, [int(x.group(2) or x.group(3))], ids_in(x.group(1)), "funding-in-portfolio")
    for x in _HAS_IN_PORTFOLIO.finditer(m) if "portfolio" in low else ():
        yield from _held(v, [int(x.group(1))], ids_in(x.group(2)), "funding-in-portfolio")


def _whole_names(m: str, at: int, group: str) -> list[int]:
    """The listed mentions that are whole names: "§Q§*Bird" is a name the mentions cut short."""
    end = at + len(group)
    return [
        i
        for i in ids_in(group)
        if not re.match(r"[\w*]", m[end : end + 1] if group.endswith(f"§{i}§") else "")
    ]


def _held(v: SentView, holders: list[int], held: list[int], rule: str) -> Iterator[Fact]:
    return funding_facts(v, holders, held, _HOLDERS, _HELD, rule)
