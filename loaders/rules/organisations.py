"""Organisations: names found by keyword heads, descriptors, party slots, government phrases,
acronym definitions, name shapes and list membership.

Sources, in order of trust: government phrases ("the Australian and Queensland
governments"), capitalised phrases headed by an organisation keyword ("... Institute",
"Ministry of ..."), acronyms defined in parentheses ("Amazon Web Services (AWS)"), names in
the party slots of agreement phrasing, names whose shape marks them ("IonQ", repeated
acronyms) and names coordinated in a list with known organisations.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from qkg.schemas import EntityType

from ..gazetteer import Entry, Gazetteer, default_gazetteer, norm
from ..patterns import ACADEMIC_FIELDS, CAPW, KEYWORDS, LEADING_NOISE, ROLE_WORDS, head_type
from ..segment import Sentence
from .mention import Mention
from .org_cues import cue_names, plausible
from .words import word_list

__all__ = [
    "MAX_NAME",
    "MAX_PATTERN_SENTENCE",
    "definitions",
    "extend_program",
    "government_mentions",
    "is_headline",
    "list_members",
    "org_mentions",
    "shaped_names",
]

E = EntityType
#: Longer "sentences" are lists or run-on text; only the gazetteer reads them (linear time).
MAX_PATTERN_SENTENCE = 3000


MAX_NAME = 150


_PHRASE = re.compile(
    rf"{CAPW}(?:(?:\s+|\s*[-–]\s*)(?:(?:of|for|and|the|de|du|des|la|le|et|für|und|on|at|d['’])\s+)*{CAPW})*"
)


_QUOTED_PROGRAM = re.compile(
    r"[“\"]([A-Z][^”\"]{2,80}?)[,.]?[”\"],?\s+(program|programme|initiative|project|plan|strategy|fund|scheme)\b"
)


_DESCRIPTOR = re.compile(
    r"(?:\b[A-Z][\w]*-based\s+(?:[a-z][\w-]*\s+){0,3}?|"
    r"\b(?:(?:technology|tech|quantum|software|hardware|deep-tech|French|German|British|American|Canadian|Israeli|Finnish|Dutch|Swiss|Japanese|Korean|Chinese|Australian)\s+)?"
    r"(start-?ups?|startup|company|firm|developer|manufacturer|maker|provider|spin-?off|spinout|scale-?up|chipmaker|"
    r"unicorn|supplier|vendor|investor)\s+|"
    r"\b(infrastructure|facility|laboratory|research\s+cent(?:re|er))\s+)"
    rf"({CAPW}(?:\s+{CAPW}){{0,3}})"
)


#: "IonQ, the leading developer of ...", "Quandela, one of the French start-ups ...": the name before
#: an apposition that says what it is.
_APPOS_KIND = re.compile(
    rf"(?<![\w-])({CAPW}(?:\s+{CAPW}){{0,2}}),\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w-]+\s+){{0,5}}?"
    r"(?:(start-?ups?|compan(?:y|ies)|firms?|developer|manufacturer|maker|provider|supplier|vendor|investor|"
    r"(?:chip|hardware|software)\s*maker|spin-?off|spin-?out|unicorn|operator|giant)|(universit(?:y|ies)|institute|research\s+institution|"
    r"laboratory|research\s+cent(?:re|er))|(agency|ministry|regulator))\b"
)


#: Names in the party slots of an agreement or funding phrase: "VTT and IQM have entered into",
#: "organised by Airbus, BMW and Amazon", "between Qubitrix and Nordlys". Unknown ones are organisations.
_PARTY_ITEM = rf"(?:the\s+)?{CAPW}(?:\s+{CAPW}){{0,4}}(?:\s+of\s+(?:the\s+)?{CAPW}(?:\s+{CAPW}){{0,2}})?"


_PARTY_SLOTS = re.compile(
    rf"(?:\b(?:between|among|amongst|organi[sz]ed\s+by|funded\s+by|backed\s+by|led\s+by|from)\s+"
    rf"({_PARTY_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PARTY_ITEM})+))"
    rf"|(?:(?:^|(?<=[.;:,]\s))({_PARTY_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PARTY_ITEM})+)\s+"
    r"(?:(?:have|has|had|today|recently|jointly|officially|formally|also|will)\s+)*"
    r"(?:signed|entered\s+into|announced|agreed|inked|formed|launched|partnered|teamed\s+up|established|created))"
)


_NATIONAL_PROGRAM = re.compile(
    r"\b[Nn]ational\s+(?:[Qq]uantum\s+)(?:[Tt]echnology\s+|[Ss]cience\s+)?(strategy|initiative|programme|program|plan|mission|roadmap)\b"
)


_GOV = re.compile(r"\b[Gg]overnments?\b")


_GOV_OF = re.compile(
    r"\b([Gg]overnment|[Gg]ouvernement)\s+(?:of|du|de)\s+(?:the\s+)?(" + CAPW + r"(?:\s+" + CAPW + r")?)"
)


_GOV_MOD = frozenset(
    ["federal", "state", "provincial", "national", "central", "regional", "local", "territorial"]
)


_ACRONYM = re.compile(r"\s?\(([A-Z][A-Za-z&\-]{1,9}|[A-Z]{2,}[0-9]?)\)")


_OR_ALIAS = re.compile(rf",\s+or\s+((?:the\s+)?{CAPW}(?:\s+{CAPW}){{0,2}})")


_ROLE_CAP = r"(?:President|CEO|CTO|Director|Chair|Chairman|Minister|Professor|Prof\.?|Dr\.?|Vice-Chancellor|Chancellor|Founder|Head|Leader|Secretary|Ambassador|Dean|Governor|Mayor)"


_STOP_ACRONYMS = frozenset(
    {"MOU", "MOUS", "MOUs", "MoU", "LOI", "LoI", "CEO", "CTO", "R&D", "AI", "PhD", "NDA"}
)


_NONSPACE = re.compile(r"\S+")
_ROLE_CAP_RX = re.compile(_ROLE_CAP)


def _clean_phrase(t: str, s: int, e: int) -> tuple[int, int] | None:
    """Trim leading noise words and trailing connectors of a capitalised run."""
    words = list(_NONSPACE.finditer(t, s, e))
    while words and words[0].group().lower().strip("“\"‘'") in LEADING_NOISE:
        words.pop(0)
    for i, w in enumerate(words):
        if i > 0 and _ROLE_CAP_RX.fullmatch(w.group()):
            words = words[:i]
            break
    while words and (
        words[-1].group().lower()
        in {"of", "for", "and", "the", "de", "du", "des", "la", "le", "et", "on", "at"}
        or words[-1].group().lower().strip(".") in LEADING_NOISE
    ):
        words.pop()
    if not words:
        return None
    return words[0].start(), words[-1].end()


_DESCRIPTOR_WORDS = (
    "-based",
    "start",
    "compan",
    "firm",
    "develop",
    "manufactur",
    "maker",
    "provid",
    "spin",
    "scale",
    "unicorn",
    "supplier",
    "vendor",
    "investor",
    "infrastructure",
    "facilit",
    "laborator",
    "research cent",
)


_PARTY_WORDS = (
    "between",
    "among",
    "by ",
    "from ",
    "signed",
    "entered",
    "announced",
    "agreed",
    "inked",
    "formed",
    "launched",
    "partnered",
    "teamed",
    "established",
    "created",
)


#: Adjectives of regions that stand before nouns in party phrases ("between Western and Korean
#: organisations"), not names.
#: Last words of the names of newspapers, news sites and wires (not actors, per the annotation rules).
_MEDIA_FINALS = frozenset(
    [
        "news",
        "times",
        "post",
        "journal",
        "herald",
        "gazette",
        "tribune",
        "newswire",
        "daily",
        "magazine",
        "weekly",
    ]
)
_ROLE_WORD = re.compile(rf"\b(?i:{ROLE_WORDS})\b")
_ORG_TYPES = frozenset(
    {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM}
)
_REGION_ADJECTIVES = frozenset(
    ["Western", "Eastern", "Northern", "Southern", "Global", "International", "Local", "Foreign", "Domestic"]
)


#: Last words that make a name a company ("... Capital Partners", "... Co., Ltd.").
_COMPANY_FINALS = word_list("company_finals")


_SPACE = re.compile(r"\s")
#: One search each instead of a Python loop over the words per sentence.
_DESCRIPTOR_GATE = re.compile("|".join(map(re.escape, _DESCRIPTOR_WORDS)))
_PARTY_GATE = re.compile("|".join(map(re.escape, _PARTY_WORDS)))


#: Words that follow "and" inside one name ("Research and Development", "Science and Technology").
_COLLOCATED = word_list("collocated")


def org_mentions(
    sent: Sentence, gaz: Gazetteer, known: frozenset[tuple[int, int]] = frozenset()
) -> list[Mention]:
    out: list[Mention] = []
    t = sent.text
    low = t.lower()
    for m in _PHRASE.finditer(t):
        if (sent.start + m.start(), sent.start + m.end()) in known:
            continue  # exactly a gazetteer name: nothing to add
        if not _SPACE.search(m.group()):
            continue  # one word: a candidate needs two (the shapes and cues find single names)
        span = _clean_phrase(t, m.start(), m.end())
        if span is None:
            continue
        s, e = span
        phrase = t[s:e]
        # "X and Y" is two names unless "and" joins words of one "... of A and B" name
        cuts = []
        for p in re.finditer(r"\sand\s+(?:the\s+)?", phrase):
            left, right = phrase[: p.start()], phrase[p.end() :]
            of_before = re.search(r"\b(?:of|for)\b", left) is not None
            if right.split(" ", 1)[0].lower() in _COLLOCATED:
                continue  # "Research and Development Program", "Science and Technology Council"
            if not of_before or p.group().rstrip().endswith("the") or (head_type(right) and head_type(left)):
                cuts.append(p)
        cands = []
        prev = s
        for p in cuts:
            cands.append((prev, s + p.start()))
            prev = s + p.end()
        cands.append((prev, e))
        for cs, ce in cands:
            _org_candidate(out, sent, t, cs, ce, gaz)
    for m in _DESCRIPTOR.finditer(t) if _DESCRIPTOR_GATE.search(low) else ():
        name = m.group(3)
        words = name.split()
        if words[0].lower() in LEADING_NOISE or re.fullmatch(_ROLE_CAP, words[0]):
            continue
        if any(x.type in {E.CITY, E.REGION, E.COUNTRY, E.TECHNOLOGY} for x in gaz.lookup(name)):
            continue
        etype = head_type(name) or (E.COMPANY if m.group(1) else E.RESEARCH_INSTITUTE)
        st = sent.start + m.start(3)
        out.append(Mention(st, st + len(name), name, etype, name, "descriptor"))
    for m in _PARTY_SLOTS.finditer(t) if _PARTY_GATE.search(low) else ():
        group = 1 if m.group(1) else 2
        base = m.start(group)
        for item in re.finditer(_PARTY_ITEM, m.group(group)):
            name = re.sub(r"^the\s+", "", item.group())
            if (
                name.split()[0].lower() in LEADING_NOISE
                or gaz.lookup(name)
                or (" " not in name and any(gaz.by_demonym(p) for p in name.split("-")))
                or name in _REGION_ADJECTIVES
                or re.fullmatch(_ROLE_CAP, name.split()[0])
            ):
                continue
            if len(name) < 2 or name.isdigit() or (" " not in name and name.lower().endswith("ly")):
                continue
            if not plausible(name, gaz, trusted=False):
                continue  # "Jane Smith and Ada Lin announced": people, not parties
            st = sent.start + base + item.end() - len(name)
            out.append(Mention(st, st + len(name), name, head_type(name) or E.COMPANY, name, "list"))
    for m in _APPOS_KIND.finditer(t) if (", a" in t or ", the" in t or ", one" in t) else ():
        name = m.group(1)
        if name.split()[0].lower() in LEADING_NOISE or (" " not in name and name.endswith("ly")):
            continue  # "Separately, the two firms ..." is no apposition
        if any(x.type in {E.CITY, E.REGION, E.COUNTRY, E.TECHNOLOGY, E.PERSON} for x in gaz.lookup(name)):
            continue
        etype = (
            E.COMPANY
            if m.group(2)
            else E.UNIVERSITY
            if "univ" in (m.group(3) or "")
            else (E.RESEARCH_INSTITUTE if m.group(3) else E.GOVERNMENT_BODY)
        )
        st = sent.start + m.start(1)
        out.append(Mention(st, st + len(name), name, head_type(name) or etype, name, "descriptor"))
    for m in _QUOTED_PROGRAM.finditer(t) if ("“" in t or '"' in t) else ():
        name = m.group(1).strip()
        if head_type(name) is None or head_type(name) is E.PROGRAM or True:
            st = sent.start + m.start(1)
            out.append(Mention(st, st + len(name), name, E.PROGRAM, name, "quoted"))
    for m in _NATIONAL_PROGRAM.finditer(t) if "ational" in t else ():
        st = sent.start + m.start()
        name = "National Quantum " + m.group(1).capitalize()
        out.append(Mention(st, sent.start + m.end(), m.group(), E.PROGRAM, name, "org"))
    out += cue_names(sent, gaz)
    out += _field_lists(sent)
    return [_with_abbreviation_stop(t, sent.start, m) for m in out]


_FIELD = rf"(?:{CAPW})"
_FIELD_HEAD = re.compile(
    r"\b(?:Ministry|Department|Bureau|Office|Agency|Council|Committee|Secretariat|Directorate)\s+(?:of|for)\s"
)
#: "... of Research, Technology and Space": the fields after the head, commas included.
_FIELD_TAIL = re.compile(
    rf"\w+\s+(?:of|for)\s+(?:the\s+)?(?:{CAPW}\s+){{0,2}}{CAPW}((?:,\s+{_FIELD}(?:\s+{_FIELD})?){{1,4}}),?\s+"
    rf"(?:and|&)\s+({_FIELD}(?:\s+{_FIELD})?)(?![\w-])"
)
_BEFORE_HEAD = re.compile(rf"(?:{CAPW}\s+){{1,3}}$")


def _field_lists(sent: Sentence) -> list[Mention]:
    """Bodies whose names list fields with commas ("the Ministry of Economy, Trade and Industry",
    "German Federal Ministry of Research, Technology and Space"); each item must be a field word."""
    t = sent.text
    if ", " not in t:
        return []
    out = []
    for h in _FIELD_HEAD.finditer(t):
        m = _FIELD_TAIL.match(t, h.start())
        if m is None:
            continue
        items = [x.strip() for x in m.group(1).split(",") if x.strip()] + [m.group(2)]
        if not all(i.split()[0].lower() in _COLLOCATED for i in items):
            continue
        before = _BEFORE_HEAD.search(t, max(0, h.start() - 60), h.start())
        span = _clean_phrase(t, before.start() if before else h.start(), m.end())
        if span is None:
            continue
        name = t[span[0] : span[1]]
        st = sent.start + span[0]
        out.append(Mention(st, st + len(name), name, head_type(name) or E.GOVERNMENT_BODY, name, "org"))
    return out


_ABBREVIATED = ("Inc", "Ltd", "Corp", "Co", "Bhd", "Pty", "Ltda")


def _with_abbreviation_stop(t: str, base: int, m: Mention) -> Mention:
    """ "Orbion Inc., Veltra and ..." : the full stop of "Inc." belongs to the name, not to the
    sentence (left outside, it cuts the list of parties in the masked sentence)."""
    e = m.end - base
    if m.text.endswith(_ABBREVIATED) and t[e : e + 1] == "." and e + 1 < len(t.rstrip()):
        return replace(m, end=m.end + 1, text=m.text + ".")
    return m


def _org_candidate(out: list[Mention], sent: Sentence, t: str, s: int, e: int, gaz: Gazetteer) -> None:
    phrase = t[s:e]
    at = re.search(r"\sat\s+", phrase)
    if at:
        rest = phrase[at.end() :]
        if not any(x.type in {E.CITY, E.REGION, E.COUNTRY} for x in gaz.lookup(rest)):
            after = re.match(r"(?:the\s+)?", rest)
            skip = at.end() + (after.end() if after else 0)
            _org_candidate(out, sent, t, s + skip, e, gaz)
            phrase = phrase[: at.start()]
            e = s + len(phrase)
    of = re.search(r"\s(?:of|du|de)\s+", phrase)
    if of:
        rest = phrase[of.end() :]
        hits = gaz.find(rest)
        if (
            hits
            and hits[0].start == 0
            and hits[0].entry.type in {E.CITY, E.REGION, E.COUNTRY}
            and len(rest[hits[0].end :].split()) >= 2
            and rest.split()[-1].lower().strip(".,") not in _COMPANY_FINALS
        ):
            phrase = phrase[: of.end() + hits[0].end]
            e = s + len(phrase)
    for m in re.finditer(r"\sand\s+", phrase):
        if gaz.lookup(phrase[m.end() :]):
            _org_candidate(out, sent, t, s + m.end(), e, gaz)
            phrase = phrase[: m.start()]
            e = s + len(phrase)
            break
    if phrase.rsplit(" ", 1)[-1].lower() in _MEDIA_FINALS:
        return  # "Research Community News", "Lakeport Herald": media outlets are not actors
    fr = re.search(r"\sfor\s", phrase)
    if fr and any(x.type in _ORG_TYPES for x in gaz.lookup(phrase[: fr.start()])):
        return  # "European Commission for Tech Sovereignty": a known body and a portfolio
    words = phrase.split()
    low = [w.lower() for w in words]
    etype = head_type(phrase)
    if etype is not None and len(words) >= 2 and low[-1].strip(".,") in _COMPANY_FINALS:
        etype = E.COMPANY  # "University of Tokyo Edge Capital Partners", "Sanko Electric Co."
    if etype is None and re.search(r"\sof\s", phrase):
        # "Country Manager of Pfizer Oy": the name is after "of"
        of_m = re.search(r"\sof\s+(?:the\s+)?", phrase)
        assert of_m is not None
        if _ROLE_WORD.search(phrase[: of_m.start()]):  # not "List of Critical Technologies"
            _org_candidate(out, sent, t, s + of_m.end(), e, gaz)
        return
    if etype is None:
        # "Quantum Australia" (programme named for a place) / "Quantum Art" (company)
        if len(words) == 2 and low[0] == "quantum" and words[1][0].isupper():
            place = gaz.lookup(words[1])
            etype = E.PROGRAM if any(p.type in {E.COUNTRY, E.REGION, E.CITY} for p in place) else E.COMPANY
        elif len(words) >= 2 and low[-1] == "quantum" and all(w[0].isupper() for w in words):
            etype = E.COMPANY
        elif _subsidiary(words, gaz):
            etype = E.COMPANY  # "Lockheed Martin Australia", "Orbion Japan": a national arm
        else:
            return
    if len(words) < 2:
        return
    if (
        low[0] in {"department", "school", "faculty", "college"}
        and len(low) > 2
        and low[2] in ACADEMIC_FIELDS
    ):
        return
    if all(w in KEYWORDS or w in {"of", "for", "and", "the"} for w in low):
        return  # "Research Institute", "Innovation Authority" alone are references, resolved later
    if all(w in _COLLOCATED or w in {"of", "for", "and", "the", "&"} for w in low):
        return  # "Research and Innovation", "Science and Technology": fields, not names
    st = sent.start + s
    out.append(Mention(st, st + len(phrase), phrase, etype, phrase, "org"))
    # "Institute of Physics of the Academia Sinica": the tail is an organisation too
    tail = re.search(r"\s(?:of|at)\s+the\s+(" + CAPW + r"(?:\s+" + CAPW + r")*)$", phrase)
    if tail and (head_type(tail.group(1)) or gaz.lookup(tail.group(1))):
        ts = st + tail.start(1)
        tt = head_type(tail.group(1)) or gaz.lookup(tail.group(1))[0].type
        out.append(Mention(ts, ts + len(tail.group(1)), tail.group(1), tt, tail.group(1), "org-nested"))


def government_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = level_mentions(sent, gaz)
    if "overnment" not in sent.text and "ouvernement" not in sent.text:
        return out
    t = sent.text
    for g in _GOV.finditer(t):
        # walk back over "the Australian federal and Queensland state"
        words = list(re.finditer(r"[\w’'\-]+|,", t[: g.start()]))
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
            for span in (2, 1):
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
    r"\b((?:[Ff]ree\s+)?[Ss]tate|[Cc]ity|[Tt]own|[Pp]rovince|Commonwealth|[Pp]refecture|Canton|[Mm]unicipality|"
    rf"County|Metropolitan\s+City|Special\s+City)\s+of\s+({CAPW}(?:\s+{CAPW}){{0,2}})(?![\w-])(?!\s+[A-Z])"
)
#: "Franklin County", "Saitama Prefecture", "Binhu District": a place named with its level.
_LEVEL_NAME = re.compile(
    rf"(?<![\w-])({CAPW}(?:\s+{CAPW}){{0,1}})\s+(County|Prefecture|Province|District|Oblast|Canton|Municipality)\b"
)
_LEVEL_SUFFIX = re.compile(r"\b(?:County|Prefecture|Province|District|Oblast|Canton|Municipality|City)$")
_NAMED_GOV = re.compile(
    rf"(?<![\w-])({CAPW}(?:\s+{CAPW})?)\s+(?:Metropolitan|Prefectural|Provincial|Municipal|City|County|State|"
    r"Regional|Federal|Cantonal)\s+Government\b"
)
_LEVEL_WORDS = (
    "tate of",
    "ity of",
    "own of",
    "rovince of",
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
    if not any(w in t for w in _LEVEL_WORDS):
        return []
    out: list[Mention] = []
    for m in _LEVEL_OF.finditer(t):
        level, place = m.group(1), m.group(2)
        etype = E.CITY if level.lower().endswith(("city", "town", "municipality")) else E.REGION
        entry = _place_entry(place, gaz)
        if entry is None and not _could_be_place(place, gaz):
            continue
        st = sent.start + m.start()
        long = t[m.start() : m.end()]
        if entry is not None:
            out.append(
                Mention(
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
            )
        else:
            out.append(Mention(st, st + len(long), long, etype, place, "government", aliases=[long]))
    for m in _LEVEL_NAME.finditer(t):
        place = m.group(1)
        if place.split()[0].lower() in LEADING_NOISE or not _could_be_place(place, gaz):
            continue
        if gaz.lookup(m.group()):
            continue  # the gazetteer knows "Saitama Prefecture" already
        entry = _place_entry(place, gaz)
        st = sent.start + m.start()
        name = m.group()
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


def _initials_match(acr: str, words: Sequence[str]) -> int:
    """How many trailing ``words`` spell ``acr`` by initials (0 when they do not)."""
    letters = [c for c in acr if c.isalpha()]
    i, n = len(letters) - 1, 0
    for w in reversed(words):
        n += 1
        lw = w.lower()
        if lw in {
            "of",
            "the",
            "and",
            "for",
            "de",
            "du",
            "des",
            "et",
            "-",
            "–",
            "&",
            "la",
            "le",
            "für",
            "und",
        }:
            continue
        if i < 0:
            return 0
        if w[0].lower() == letters[i].lower():
            i -= 1
            if i < 0:
                return n
        else:
            # a word may contribute two letters ("TechNet" rare); give up otherwise
            return 0
    return 0


_PROGRAM_TAIL = re.compile(r"\s+(fund|programme|program|initiative|project|strategy)\b")


def extend_program(text: str, m: Mention) -> Mention:
    """ "the European Innovation Council fund": a programme named after its owner."""
    if m.type in {E.PERSON, E.TECHNOLOGY, E.PROGRAM} or m.rule == "org-nested":
        return m
    t = _PROGRAM_TAIL.match(text, m.end)
    if not t:
        return m
    name = f"{m.name} {t.group(1).capitalize()}"
    return Mention(
        m.start, t.end(), text[m.start : t.end()], E.PROGRAM, name, "org", aliases=[text[m.start : t.end()]]
    )


_CAMEL = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)(?![\w-])"
)


_ALLCAPS = re.compile(r"(?<![\w&.-])[A-Z][A-Z0-9]{1,5}(?![\w&.-])")


#: Two words run together by a lost space in page boilerplate ("contentSkip", "footerHelp",
#: "blogTechnologies"): a lower-case word of four letters or more, then one capitalised word.
_GLUED = re.compile(r"[a-z]{4,}[A-Z][a-z]{3,}")


#: Upper-case words that are not organisations.
_NOT_ORG_CAPS = word_list("not_org_caps")


def shaped_names(text: str, gaz: Gazetteer) -> list[Mention]:
    """Names whose shape marks them as proper names of organisations even without a keyword:
    inner capitals ("IonQ", "PsiQuantum", "OVHcloud") anywhere, and unknown all-capital
    acronyms used at least twice ("VTT", "IQM")."""
    out: list[Mention] = []
    for m in _CAMEL.finditer(text):
        name = m.group()
        if (
            len(name) < 4
            or name.upper() in _NOT_ORG_CAPS
            or name.startswith(("Mc", "Mac"))
            or gaz.lookup(name)
            or _GLUED.fullmatch(name)
        ):
            continue
        out.append(Mention(m.start(), m.end(), name, E.COMPANY, name, "shape"))
    caps: dict[str, list[re.Match[str]]] = {}
    for m in _ALLCAPS.finditer(text):
        caps.setdefault(m.group(), []).append(m)
    for name, hits in caps.items():
        if len(hits) < 2 or name in _NOT_ORG_CAPS or gaz.lookup(name) or name.isdigit():
            continue
        out += [Mention(h.start(), h.end(), name, E.COMPANY, name, "shape") for h in hits]
    return out


def is_headline(text: str) -> bool:
    """Title-case lines ("... Officially Launches with Investments") defeat the phrase chunker."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    if len(words) < 4 or text.rstrip().endswith((".", "”", '"', ":")):
        return False
    return bool(sum(w[0].isupper() for w in words) >= 0.75 * len(words))


def definitions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Acronyms and alternative names given in parentheses or after ", or"; then their other uses."""
    by_end = {m.end: m for m in mentions}
    new_aliases: dict[str, Mention] = {}
    extra: list[Mention] = []
    for m in _ACRONYM.finditer(text):
        acr = m.group(1)
        if acr in _STOP_ACRONYMS or acr.lower() in {"photo", "left", "right", "pictured"}:
            continue
        owner = by_end.get(m.start())
        if owner is None:
            # backwards by initials over the words before the bracket
            line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 300)
            before = list(re.finditer(r"[\w’'&]+|[-–]", text[line_start : m.start()]))
            n = _initials_match(acr, [w.group() for w in before])
            if n:
                s = line_start + before[-n].start()
                long = text[s : m.start()]
                etype = head_type(long)
                if etype and long[0].isupper():
                    owner = Mention(s, m.start(), long, etype, long, "acronym")
                    extra.append(owner)
        if owner is None or (owner.type in {E.PERSON, E.TECHNOLOGY} and not acr.isupper()):
            continue
        if acr not in owner.aliases and norm(acr) != owner.key:
            owner.aliases.append(acr)
        new_aliases[acr] = owner
    for m in _OR_ALIAS.finditer(text):
        owner = by_end.get(m.start())
        if owner is not None and owner.type not in {E.PERSON, E.TECHNOLOGY}:
            alias = re.sub(r"^the\s+", "", m.group(1))
            owner.aliases.append(alias)
            new_aliases[alias] = owner
    mentions = mentions + extra
    if not new_aliases:
        return sorted(mentions, key=lambda x: (x.start, -x.end))
    taken = [(x.start, x.end) for x in mentions if x.rule != "org-nested"]
    for alias, owner in new_aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mentions.append(
                replace(
                    owner, start=m.start(), end=m.end(), text=alias, rule="alias", aliases=list(owner.aliases)
                )
            )
            taken.append((m.start(), m.end()))
    # a mention's own surface overlapping an alias span of someone else is kept as is
    return sorted(mentions, key=lambda x: (x.start, -x.end))


_LIST_GAP = re.compile(r"^(?:\s*(?:,|;)\s*(?:and\s+)?|\s+(?:and|&)\s+|,\s+and\s+)(?:the\s+)?")


_ACTOR_TYPES = {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE}


def list_members(text: str, sentences: Sequence[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Unknown capitalised names coordinated with known organisations are organisations too."""
    extra: list[Mention] = []
    item = re.compile(rf"^(?:the\s+)?({CAPW}(?:\s+{CAPW}){{0,2}})(?:\s+(?:funds?|group))?$")

    starts = [s.start for s in sentences]
    per_sent: list[list[Mention]] = [[] for _ in sentences]
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.type in _ACTOR_TYPES and m.rule != "org-nested":
            per_sent[k].append(m)
    for sent, orgs in zip(sentences, per_sent, strict=True):
        if len(orgs) < 2 or len(orgs) > 60 or len(sent.text) > MAX_PATTERN_SENTENCE:
            continue
        types = [m.type for m in orgs]
        majority = max(set(types), key=types.count)
        for a, b in itertools.pairwise(orgs):
            gap = _PAREN.sub("", text[a.end : b.start])  # "Q-CTRL ($3.2m), Orbion ($2m) and ..."
            if "\n" in gap or len(gap) > 80 or not re.match(r"^\s*(?:,|;|and\b|&)", gap):
                continue
            parts = [p.strip() for p in re.split(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+", gap)]
            parts = [p for p in parts if p]
            if not parts or not all(item.match(p) for p in parts):
                continue
            for p in parts:
                mm = item.match(p)
                assert mm is not None
                name = mm.group(1)
                if name.split()[0].lower() in LEADING_NOISE or _demonym(name):
                    continue
                off = text.find(name, a.end, b.start)
                if off >= 0:
                    extra.append(Mention(off, off + len(name), name, majority, name, "list"))
        # a trailing ", and Name" after the last of a list of known names
        last = orgs[-1]
        prev = orgs[-2]
        if _PAREN.sub("", text[prev.end : last.start]).strip() in {",", ";"}:
            extra += _list_tail(text, last.end, sent.end, mentions, majority)
    if not extra:
        return mentions
    taken = [(m.start, m.end) for m in mentions if m.rule != "org-nested"]
    keep = [x for x in extra if not any(x.start < e and s < x.end for s, e in taken)]
    return sorted(mentions + keep, key=lambda x: (x.start, -x.end))


_PAREN = re.compile(r"\s*\([^()\n]{0,40}\)")
#: One more item after a list of known names: ", Orbion", ", and Orbion", " and Orbion", each
#: possibly followed by a parenthesis ("Orbion ($3.1m)").
_TAIL_ITEM = re.compile(
    rf"(?:\s*\([^()\n]{{0,40}}\))?(,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?({CAPW}(?:\s+{CAPW}){{0,2}})"
)


def _list_tail(text: str, pos: int, end: int, mentions: list[Mention], etype: EntityType) -> list[Mention]:
    """Unknown names that continue a comma list of known organisations, up to its "and" item."""
    out: list[Mention] = []
    for _ in range(12):  # bounded: a list, not a paragraph
        tail = _TAIL_ITEM.match(text, pos, end)
        if tail is None:
            break
        name = tail.group(2)
        first = name.split()[0]
        if first.lower() in LEADING_NOISE or re.fullmatch(_ROLE_CAP, first):
            break
        off = tail.start(2)
        if not any(m.start < off + len(name) and off < m.end for m in mentions):
            out.append(Mention(off, off + len(name), name, etype, name, "list"))
        pos = tail.end(2)
        if "and" in tail.group(1):
            break
    return out


def _subsidiary(words: Sequence[str], gaz: Gazetteer) -> bool:
    """A known company's name followed by a country or continent: its national arm."""
    for n in (1, 2):
        if len(words) <= n:
            break
        place, owner = " ".join(words[-n:]), " ".join(words[:-n])
        if any(x.type in {E.COUNTRY, E.REGION} for x in gaz.lookup(place)) and any(
            x.type is E.COMPANY for x in gaz.lookup(owner)
        ):
            return True
    return False


def _demonym(name: str) -> bool:
    """ "Japanese", "Japanese-European": nationality words, not names (bundled demonyms)."""
    gaz = default_gazetteer()
    return " " not in name and any(gaz.by_demonym(p) for p in name.split("-"))
