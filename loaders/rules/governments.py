"""Governments and levels of government as actors and places.

"the Australian federal and Queensland state governments" gives two government bodies,
"Government of X" / "X Metropolitan Government" a government body; "the City of X" is the
city X, "the State/Province/Free State of X" the region X and "X County" a region, with the
long form as an alias (the annotators' convention: a city government is the city).
"""

from __future__ import annotations

from qkg.schemas import EntityType

from ..gazetteer import Entry, Gazetteer
from ..patterns import CAPW, KEYWORDS, LEADING_NOISE
from ..segment import Sentence
from . import fastre as re
from .literals import compile_gated
from .mention import Mention
from .words import any_in

__all__ = ["government_mentions", "level_mentions"]

E = EntityType


_GOV = re.compile(r"\b[Gg]overnments?\b")


_GOV_OF = re.compile(
    r"\b([Gg]overnment|[Gg]ouvernement)\s+(?:of|du|de)\s+(?:the\s+)?("
    + CAPW
    + r"(?:\s+"
    + CAPW
    + r")?(?:\s+of\s+(?:the\s+)?"  # "the Government of the Republic of Korea"
    + CAPW
    + r")?)"
)


_GOV_MOD = frozenset(
    # "the Australian Commonwealth and Queensland governments": the Commonwealth is the federal level
    [
        "federal",
        "state",
        "provincial",
        "national",
        "central",
        "regional",
        "local",
        "territorial",
        "commonwealth",
    ]
)


#: The words before "government", initials whole ("the U.S. government", "the U.K. government").
_GOV_WORD = re.compile(r"(?:[A-Z]\.){2,}|[\w’'\-]+|,")


def government_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = level_mentions(sent, gaz)
    if "overnment" not in sent.text and "ouvernement" not in sent.text:
        return out
    t = sent.text
    for g in _GOV.finditer(t):
        # walk back over "the Australian federal and Queensland state"
        words = list(_GOV_WORD.finditer(t, 0, g.start()))
        places: list[tuple[int, int, Entry, str]] = []
        i = len(words) - 1
        while i >= 0:
            w = words[i].group()
            lw = w.lower()
            if lw in _GOV_MOD or lw in {"and", ","}:
                i -= 1
                continue
            if not w[0].isupper():
                break
            hit = None
            for span in (3, 2, 1):  # "New South Wales", "South Korean", "Quebec"
                if i - span + 1 < 0:
                    continue
                cand = t[words[i - span + 1].start() : words[i].end()]
                ent = gaz.by_demonym(cand) or next(
                    (x for x in gaz.lookup(cand) if x.type in {E.COUNTRY, E.REGION, E.CITY}), None
                )
                if ent:
                    hit = (words[i - span + 1].start(), ent, cand, span)
                    break
            if hit is None:
                break
            places.append((hit[0], g.end(), hit[1], hit[2]))
            i -= hit[3]
        places.sort()
        for n, (s, e, ent, surface) in enumerate(places):
            if n + 1 < len(places):
                # "Australian federal" in "the Australian federal and Queensland state governments"
                seg = t[s : places[n + 1][0]]
                e = s + len(re.sub(r"(?:\s*,|\s+and|\s+)+$", "", seg))
            out.append(_gov_mention(sent, s, e, ent, surface, t))
    for m in _GOV_OF.finditer(t):
        ent = next((x for x in gaz.lookup(m.group(2)) if x.type in {E.COUNTRY, E.REGION}), None)
        if ent:
            out.append(_gov_mention(sent, m.start(), m.end(), ent, m.group(2), t))
        elif m.group(1)[0] == "G" or _LEVEL_SUFFIX.search(m.group(2)):
            # "the Government of Ruritania", "the government of Binhu District": named as written
            name = t[m.start() : m.end()]
            st = sent.start + m.start()
            out.append(Mention(st, st + len(name), name, E.GOVERNMENT_BODY, name, "government"))
    for m in _NAMED_GOV.finditer(t):
        # "Seoul Metropolitan Government", "the Saitama Prefectural Government": a proper name
        if m.group(1).split()[0].lower() in LEADING_NOISE:
            continue
        name = m.group()
        place = m.group(1)
        st = sent.start + m.start()
        aliases = [f"{place} government"]
        out.append(Mention(st, st + len(name), name, E.GOVERNMENT_BODY, name, "government", aliases=aliases))
    return out


#: "the City of Columbus", "the Free State of Bavaria", "the Province of Quebec": the place, with
#: the long form as an alias (the annotators' convention: "City of Sherbrooke" is the city).
_LEVEL_OF = re.compile(
    r"\b((?:[Ff]ree\s+)?[Ss]tate|[Cc]ity|[Tt]own|[Pp]rovince|Region|Commonwealth|[Pp]refecture|Canton|[Mm]unicipality|"
    rf"County|Metropolitan\s+City|Special\s+City)\s+of\s+({CAPW}(?:\s+{CAPW}){{0,2}})(?![\w-])(?!\s+[A-Z])"
)


#: "Franklin County", "Saitama Prefecture", "Binhu District": a place named with its level.
#: Levels of local government written after a place's name.
_LEVELS = "County|Prefecture|Province|Region|District|Oblast|Canton|Municipality"
_LEVEL_NAME = re.compile(rf"(?<![\w-])({CAPW}(?:\s+{CAPW}){{0,1}})\s+({_LEVELS})\b")
#: The level words every match of it holds, as written (its capitalised words make it slow to fail).
_LEVEL_NAME_WORDS = tuple(_LEVELS.split("|"))


_LEVEL_SUFFIX = re.compile(rf"\b(?:{_LEVELS}|City)$")


_NAMED_GOV = compile_gated(
    rf"(?<![\w-])({CAPW}(?:\s+{CAPW})?)\s+(?:Metropolitan|Prefectural|Provincial|Municipal|City|County|State|"
    r"Regional|Federal|Cantonal)\s+Government\b"
)


_LEVEL_WORDS = (
    "tate of",
    "ity of",
    "own of",
    "rovince of",
    "Region",
    "Commonwealth of",
    "Prefecture of",
    "Canton of",
    "Municipality of",
    "County",
    "Prefecture",
    "Province",
    "District",
    "Oblast",
    "Canton",
)


def level_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Places named with their level of government ("the State of Ohio", "Franklin County")."""
    t = sent.text
    if not any_in(t, _LEVEL_WORDS):
        return []
    out: list[Mention] = []
    for m in _LEVEL_OF.finditer(t):
        level, place = m.group(1), m.group(2)
        etype = E.CITY if level.lower().endswith(("city", "town", "municipality")) else E.REGION
        entry = _place_entry(place, gaz)
        # "the city of New Haven": after a level, "New" opens a place's name
        unknown = place[4:] if place.startswith("New ") else place
        if entry is None and not _could_be_place(unknown, gaz):
            continue
        out.append(_level_place(sent.start + m.start(), t[m.start() : m.end()], place, etype, entry))
    for m in _LEVEL_NAME.finditer(t) if any_in(t, _LEVEL_NAME_WORDS) else ():
        place, start = m.group(1), m.start()
        first, _, rest = place.partition(" ")
        if rest and first.lower() in LEADING_NOISE:  # "The Lombardy Region": the name after "The"
            place, start = rest, m.start(1) + len(first) + 1
        name = t[start : m.end()]
        entry = _place_entry(place, gaz)
        st = sent.start + start
        if m.group(2) == "Region" and place.split()[0].lower() not in LEADING_NOISE:
            # "the Lombardy Region" is Lombardy, the region as a government ("Franklin County" is
            # the county's name)
            if entry is not None or _could_be_place(place, gaz):
                out.append(_level_place(st, name, place, E.REGION, entry))
            continue
        if place.split()[0].lower() in LEADING_NOISE or not _could_be_place(place, gaz):
            continue
        if gaz.lookup(name):
            continue  # the gazetteer knows "Saitama Prefecture" already
        aliases: list[str] = []
        out.append(
            Mention(
                st,
                st + len(name),
                name,
                E.REGION,
                name,
                "government",
                aliases=aliases,
                country=entry.country if entry else None,
            )
        )
    return out


def _level_place(st: int, long: str, place: str, etype: EntityType, entry: Entry | None) -> Mention:
    """The place a level of government names ("the City of X", "the X Region"), the long form
    as an alias."""
    if entry is not None:
        return Mention(
            st,
            st + len(long),
            long,
            entry.type,
            entry.name,
            "government",
            entry=entry,
            country=entry.country,
            aliases=[long],
        )
    return Mention(st, st + len(long), long, etype, place, "government", aliases=[long])


def _place_entry(name: str, gaz: Gazetteer) -> Entry | None:
    return next((x for x in gaz.lookup(name) if x.type in {E.CITY, E.REGION, E.COUNTRY}), None)


def _could_be_place(name: str, gaz: Gazetteer) -> bool:
    """An unknown capitalised name that is not an organisation word, a technology or noise."""
    low = name.lower().split()
    if low[0] in LEADING_NOISE or any(w in KEYWORDS or w == "quantum" for w in low):
        return False
    if low[-1] in {"award", "awards", "prize", "report", "index", "act", "lecture", "medal"}:
        return False  # "the City of Light Award", "the State of Quantum Report"
    return not gaz.lookup(name)


def _gov_mention(sent: Sentence, s: int, e: int, place: Entry, surface: str, t: str) -> Mention:
    if place.type is E.CITY:
        return Mention(sent.start + s, sent.start + e, t[s:e], E.CITY, place.name, "government", entry=place)
    name = f"{place.demonym} Government" if place.demonym else f"{place.name} Government"
    aliases = [f"Government of {place.name}", f"{place.name} Government", t[s:e]]
    if place.demonym:
        aliases.append(f"{place.demonym} federal government")
    for a in place.aliases:
        if not a.isupper():
            aliases.append(f"Government of {a}")
    return Mention(
        sent.start + s,
        sent.start + e,
        t[s:e],
        E.GOVERNMENT_BODY,
        name,
        "government",
        country=place.country,
        aliases=aliases,
    )
