"""Datelines: the place a news item was filed from, written before its first sentence.

Press releases and wire stories open with a dateline: "GAITHERSBURG, Md. — The consortium
...", "SEOUL, Sept. 22 (Yonhap) -- South Korea ...", "BOULDER, Colo., March 3, 2025 /PRNewswire/
-- Orbion ...". The city there is a place the text names (in capitals, so a name the
gazetteer does not hold is still read as a city), the state or country after it holds the
city, and the wire service or agency credited in brackets or slashes is a media outlet,
not an actor.

>>> from qkg.loaders.segment import split_sentences
>>> [m.name for m in dateline_mentions(split_sentences("GAITHERSBURG, Md. — The hub opened.")[0])]
['Gaithersburg', 'Maryland']
"""

from __future__ import annotations

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer
from ..segment import Sentence
from . import fastre as re
from .literals import compile_gated
from .mention import Mention
from .words import word_table

__all__ = ["credit_spans", "dateline_mentions", "media_names"]

E = EntityType
_STATES = word_table("state_abbreviations")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"
_STATE = "|".join(re.escape(s) for s in sorted(_STATES, key=len, reverse=True))
#: "CITY[, State|Country][, Month Day[, Year]] [(Agency)|/Wire/] --": the city in capitals
_DATELINE = re.compile(
    rf"^(?P<city>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){{0,3}}),\s+"
    rf"(?:(?P<state>(?i:{_STATE}))(?=[\s,])|(?P<region>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)(?=\s*[,(/–—-]))?"
    rf"(?:,?\s*{_MONTH})?"
    r"\s*(?P<credit>\([^()]{2,40}\)|/[^/]{2,40}/)?\s*(?:--|—|–|-)\s"
)
#: a wire service credited anywhere ("/PRNewswire/", "(BUSINESS WIRE)", "/EINPresswire.com/")
_CREDIT = re.compile(
    r"/\s*[A-Za-z][\w .-]{1,30}?(?i:wire|newsfile)[\w.]*\s*/|\(\s*(?i:business\s+wire|globe\s+newswire)\s*\)"
)


def dateline_mentions(sent: Sentence, gaz: Gazetteer | None = None) -> list[Mention]:
    """The city (and state) of a dateline opening ``sent``; nothing when it has none."""
    t = sent.text
    if not t[:1].isupper() or "," not in t[:40]:
        return []
    m = _DATELINE.match(t)
    if m is None or not (
        m.group("state") or m.group("region") or m.group("credit") or re.search(_MONTH, m.group())
    ):
        return []
    out: list[Mention] = []
    city = m.group("city").rstrip(".")
    name = " ".join(w.capitalize() if not w.endswith(".") else w.title() for w in city.split())
    known = gaz.lookup(name) if gaz is not None else []
    if len(city) >= 3 and not known and not any(c.islower() for c in city):
        st = sent.start + m.start("city")
        out.append(Mention(st, st + len(city), city, E.CITY, name, "dateline", country=None))
    if m.group("state"):
        state = _STATES[m.group("state").lower()]
        entry = next((x for x in gaz.lookup(state) if x.type is E.REGION), None) if gaz is not None else None
        st = sent.start + m.start("state")
        out.append(
            Mention(
                st,
                st + len(m.group("state")),
                m.group("state"),
                E.REGION,
                entry.name if entry else state,
                "gazetteer" if entry else "dateline",
                entry=entry,
                country="US",
            )
        )
    return out


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` credits a wire service: names found there are media outlets, not actors."""
    if "wire" not in text.lower() and "newsfile" not in text.lower():
        return []
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


#: Where a name stands as a publication: "told TechCrunch", "TechCrunch reported", "the news
#: outlet CTech"; media outlets are not actors (annotation rules). ("according to X" is left
#: out: data providers and ministries are cited so too.)
_MEDIA_BEFORE = compile_gated(
    r"(?:\b(?:told|tells)|\b(?:news\s+)?(?:outlet|newspaper|daily|broadcaster|magazine|publication|news\s+site|"
    r"news\s+agency|wire\s+service))\s+(?:the\s+)?$"
)
#: What follows a publication someone told something: the end of the clause ("told TechCrunch:",
#: "told CTech in an interview"), not a noun ("told Orbion staff" tells the company's people).
_TOLD_END = re.compile(r"^\s*(?:[:,.;)\"”’']|$|(?:that|in|during|on|last|this|earlier|after|when)\b)")
#: A reporting clause closing a sentence: "..., CTech reported." ("Orbion reported record sales"
#: is a company reporting, not a publication).
_MEDIA_AFTER = re.compile(
    r"^\s+(?:reported|reports|first\s+reported)\s*(?:[.;]|$|(?:on|in|last|earlier|this)\b)"
)
_REPORTING_CLAUSE = re.compile(r",\s*(?:the\s+)?(?:[\w-]+\s+){0,5}$")


def _wire_credit(text: str, start: int, end: int) -> bool:
    """A name in brackets opening a paragraph is the publication credited with it: "(Reuters) -
    ...", "(EdScoop) The university will ..."."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    line = text.rfind("\n", 0, start - 1) + 1
    return not text[line : start - 1].strip()


def media_names(text: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """Names (of ``spans``: start, end, name) that every mention uses as a publication."""
    media: dict[str, bool] = {}
    for start, end, name in spans:
        before = _MEDIA_BEFORE.search(text[max(0, start - 40) : start])
        as_media = bool(
            _wire_credit(text, start, end)
            or (before and _TOLD_END.match(text[end : end + 12]))
            or (
                _MEDIA_AFTER.match(text[end : end + 30])
                and _REPORTING_CLAUSE.search(text[max(0, start - 60) : start])
            )
        )
        media[name] = media.get(name, True) and as_media
    return {n for n, m in media.items() if m}
