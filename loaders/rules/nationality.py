"""Nationality: the country an actor belongs to, from the gazetteer or from the text.

References such as "the French start-up" or "the American chipmaker" need the country of
the actors named earlier. The gazetteer knows it for known actors; for the others the text
often says it next to the name: "French start-up Orbion", "US quantum firm Orbion",
"Lyon-based Orbion", "Japan's Orbion", "Orbion, a Chinese startup", "Orbion, the Lyon-based
company", "Orbion, headquartered in Lyon", "Orbion was founded in 2019 in Lyon". Adjectives
are read through the gazetteer's demonyms, place names through its places (a city gives its
country).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer
from ..segment import Sentence
from . import fastre as re
from .mention import Mention
from .words import word_table

__all__ = ["nationalities", "place_country"]

E = EntityType
_ORGLIKE = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM})
_PLACES = frozenset({E.CITY, E.REGION, E.COUNTRY})
_HEAD_ALT = "|".join(re.escape(h) for h in sorted(word_table("reference_heads"), key=lambda h: (-len(h), h)))


def place_country(word: str, gaz: Gazetteer) -> str | None:
    """The country a nationality adjective or a place name used as a modifier stands for."""
    word = word.removesuffix("-based")
    for w in (word, word.split()[-1]):
        ent = gaz.by_demonym(w)
        if ent is not None and ent.country:
            return ent.country
        for e in gaz.lookup(w):
            if e.type in _PLACES and e.country:
                return e.country
    return None


_PLACE_WORD = r"(?P<w>U\.S\.|U\.K\.|[A-Z][\w]*(?:\s[A-Z][a-z]+)?)"
_HEAD_WORDS = rf"(?:{_HEAD_ALT}|investor|fund)"
_ADJ = r"(?:(?!(?:with|to|for|of|in|from|by|and|or|at|on)\s)[a-z][\w-]*\s+)"
#: "French start-up Orbion", "US quantum firm Orbion", "Lyon-based Orbion", "Japan's SBI"
_NAT_BEFORE = re.compile(
    rf"(?:^|[^\w-]){_PLACE_WORD}(?:(?:-based|['’]s)\s+|(?:-based)?\s+{_ADJ}{{0,2}}{_HEAD_WORDS}\s+)$"
)
#: "Orbion, a French start-up", "Orbion, the Lyon-based company", "Orbion is a Chinese startup"
_NAT_AFTER = re.compile(
    rf"^\s*(?:\([^()]{{0,40}}\)\s*)?(?:,\s+(?:which\s+is\s+)?|\s+is\s+)(?:a|an|the|one\s+of\s+the)\s+"
    rf"{_ADJ}{{0,2}}?{_PLACE_WORD}(?:-based)?\s+{_ADJ}{{0,3}}?{_HEAD_WORDS}\b"
)
#: "Orbion, based in Lyon", "Orbion, headquartered in Lyon", "Orbion was founded in 2019 in Lyon",
#: "Orbion is based in Lyon"
_NAT_BASED = re.compile(
    r"^\s*(?:,\s+|\s+(?:is|was|has\s+been)\s+|\s+)(?:which\s+(?:is|was)\s+)?(?:(?:originally|first)\s+)?"
    r"(?:based|headquartered|located|founded|established|set\s+up|incorporated)\s+(?:in\s+\d{4}\s+)?in\s+(?:the\s+)?"
    rf"{_PLACE_WORD}"
)


def nationalities(
    named: Sequence[tuple[Mention, str]],
    sents: Sequence[Sentence],
    types: dict[str, EntityType],
    countries: dict[str, str | None],
    gaz: Gazetteer,
) -> dict[str, str]:
    """Each organisation's country: the gazetteer's, else what the text around a name says."""
    known: dict[str, str] = {e: c for e, c in countries.items() if c}
    found: dict[str, set[str]] = {}
    starts = [s.start for s in sents]
    for m, eid in named:
        if eid in known or types.get(eid) not in _ORGLIKE:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0:
            continue
        s = sents[k]
        before = s.text[max(0, m.start - s.start - 60) : m.start - s.start]
        after = s.text[m.end - s.start : m.end - s.start + 90]
        for rx, text in ((_NAT_BEFORE, before), (_NAT_AFTER, after), (_NAT_BASED, after)):
            x = rx.search(text)
            if x:
                c = place_country(x.group("w"), gaz)
                if c:
                    found.setdefault(eid, set()).add(c)
    for eid, cs in found.items():
        if len(cs) == 1:
            known[eid] = next(iter(cs))
    return known
