"""Names by definition, shape and company: acronyms defined in brackets, inner capitals and
repeated acronyms, and unknown names coordinated in a list with known organisations.

"Amazon Web Services (AWS)" (initials checked letter by letter) and "..., or Q-Lab" make
aliases whose later uses are mentions of the same actor; "IonQ", "PsiQuantum" and an
unknown acronym used twice ("VTT") are organisations by their shape; "Quantum Art,
Classic, Qedma" beside known organisations are organisations of the list's majority type.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer, norm
from ..patterns import CAPW, LEADING_NOISE, head_type
from ..segment import Sentence
from .mention import Mention
from .organisations import MAX_PATTERN_SENTENCE, ROLE_CAP, URL, is_demonym
from .words import word_list

__all__ = ["ALLCAPS", "definitions", "initials_match", "list_members", "shaped_names"]

E = EntityType


#: "(AWS)", "(QuIC)", "(NM-ICPS)", and a two-word one whose first word is all capitals ("(SA QuTI)")
_ACRONYM = re.compile(r"\s?\(([A-Z][A-Za-z&\-]{1,9}|[A-Z]{2,}[0-9]?|[A-Z]{1,3}\s[A-Z][A-Za-z&\-]{1,9})\)")


#: Places named in brackets after an actor say where it is; they are never its other name.
_BRACKETED_PLACES = frozenset({E.CITY, E.REGION, E.COUNTRY})
_OR_ALIAS = re.compile(rf",\s+or\s+((?:the\s+)?{CAPW}(?:\s+{CAPW}){{0,2}})")


_STOP_ACRONYMS = frozenset(
    {"MOU", "MOUS", "MOUs", "MoU", "LOI", "LoI", "CEO", "CTO", "R&D", "AI", "PhD", "NDA"}
)


def initials_match(acr: str, words: Sequence[str]) -> int:
    """How many trailing ``words`` spell ``acr`` by initials (0 when they do not); a mixed-case
    acronym may spell them by its capitals alone ("QuIC", "SA QuTI": Quantum Technologies Initiative)."""
    n = _spelled([c for c in acr if c.isalpha()], words)
    caps = [c for c in acr if c.isupper()]
    if not n and len(caps) >= 2 and any(c.islower() for c in acr):
        n = _spelled(caps, words)
    return n


def _spelled(letters: Sequence[str], words: Sequence[str]) -> int:
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


_CAMEL = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)(?![\w-])"
)


#: (The boundary is checked after the first characters, so the engine can skip to them.)
ALLCAPS = re.compile(r"[A-Z](?<![\w&.-][A-Z])[A-Z0-9]{1,5}(?![\w&.-])")


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
    # a document's source address ("https://example.org/AdaLin-news") names nobody
    urls = [(u.start(), u.end()) for u in URL.finditer(text)] if "://" in text or "www." in text else []

    def in_url(m: re.Match[str]) -> bool:
        return any(s <= m.start() < e for s, e in urls)

    for m in _CAMEL.finditer(text):
        name = m.group()
        if (
            in_url(m)
            or len(name) < 4
            or name.upper() in _NOT_ORG_CAPS
            or name.startswith(("Mc", "Mac"))
            or gaz.lookup(name)
            or _GLUED.fullmatch(name)
        ):
            continue
        out.append(Mention(m.start(), m.end(), name, E.COMPANY, name, "shape"))
    caps: dict[str, list[re.Match[str]]] = {}
    for m in ALLCAPS.finditer(text):
        if in_url(m):
            continue
        caps.setdefault(m.group(), []).append(m)
    for name, hits in caps.items():
        if len(hits) < 2 or name in _NOT_ORG_CAPS or gaz.lookup(name) or name.isdigit():
            continue
        out += [Mention(h.start(), h.end(), name, E.COMPANY, name, "shape") for h in hits]
    return out


def definitions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Acronyms and alternative names given in parentheses or after ", or"; then their other uses."""
    by_end = {m.end: m for m in mentions}
    new_aliases: dict[str, Mention] = {}
    extra: list[Mention] = []
    for m in _ACRONYM.finditer(text) if "(" in text else ():
        acr = m.group(1)
        if acr in _STOP_ACRONYMS or acr.lower() in {"photo", "left", "right", "pictured"}:
            continue
        if any(x.type in _BRACKETED_PLACES for x in gaz.lookup(acr)):
            continue  # "Veltra Labs (Denmark)": where it is (places.py), not another name of it
        owner = by_end.get(m.start())
        if owner is None:
            # backwards by initials over the words before the bracket
            line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 300)
            before = list(re.finditer(r"[\w’'&]+|[-–]", text[line_start : m.start()]))
            n = initials_match(acr, [w.group() for w in before])
            if n:
                s = line_start + before[-n].start()
                long = text[s : m.start()]
                etype = head_type(long)
                if etype and long[0].isupper():
                    owner = Mention(s, m.start(), long, etype, long, "acronym")
                    extra.append(owner)
        if owner is None or (owner.type in {E.PERSON, E.TECHNOLOGY} and not acr.isupper()):
            continue
        if owner.type is E.PERSON and not initials_match(acr, owner.text.split()):
            continue  # "Ada Lin (IF-USP)": where the person comes from, not another name of theirs
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
    # a gazetteer entry known by the same short name as one this document defines is another
    # actor: "the Centre for Orbits (CFO)" makes every later "CFO" that centre, not a
    # gazetteer entry whose alias is "CFO"
    known_as = {
        (x.start, x.end): i
        for i, x in enumerate(mentions)
        if x.rule == "gazetteer" and x.text in new_aliases and x.entry is not new_aliases[x.text].entry
    }
    for alias, owner in new_aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            use = replace(
                owner, start=m.start(), end=m.end(), text=alias, rule="alias", aliases=list(owner.aliases)
            )
            other = known_as.get((m.start(), m.end()))
            if other is not None and mentions[other].text == alias:
                mentions[other] = use
                continue
            over = [(s, e) for s, e in taken if m.start() < e and s < m.end()]
            if any(s < m.start() or e > m.end() or (s, e) == (m.start(), m.end()) for s, e in over):
                continue
            if over:  # "SA QuTI" holds "SA" and "QuTI": the defined name is the longer span
                inside = set(over)
                mentions = [x for x in mentions if (x.start, x.end) not in inside]
                taken = [t for t in taken if t not in inside]
            mentions.append(use)
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
        # "Telmar (a Norvald and Halcyon joint venture)": names inside a bracket only qualify an item
        orgs = [
            m for m in orgs if text.rfind("(", sent.start, m.start) <= text.rfind(")", sent.start, m.start)
        ]
        if len(orgs) < 2:
            continue
        types = [m.type for m in orgs]
        majority = max(set(types), key=types.count)
        for a, b in itertools.pairwise(orgs):
            gap = _PAREN.sub("", text[a.end : b.start])  # "Q-CTRL ($3.2m), Orbion ($2m) and ..."
            gap = _GAP_THE.sub("", gap)  # "..., Telmar, and the Morvik Centre"
            if gap.lstrip().startswith("&"):
                continue  # "UK Research & Innovation and the ...": a name cut at its ampersand
            if "\n" in gap or len(gap) > 80 or not re.match(r"^\s*(?:,|;|and\b|&)", gap):
                continue
            parts = [p.strip() for p in re.split(r"\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", gap)]
            parts = [p for p in parts if p]
            if not parts or not all(item.match(p) for p in parts):
                continue
            for p in parts:
                mm = item.match(p)
                assert mm is not None
                name = mm.group(1)
                if name.split()[0].lower() in LEADING_NOISE or is_demonym(name):
                    continue
                off = text.find(name, a.end, b.start)
                if off >= 0:
                    extra.append(Mention(off, off + len(name), name, majority, name, "list"))
        # "composed of Name, Orbion, Veltra and ...": an unknown first item after a list cue
        head = _LIST_HEAD.search(text, sent.start, orgs[0].start)
        if head is not None and re.match(r"\s*,", _PAREN.sub("", text[orgs[0].end : orgs[1].start])):
            name = head.group(1)
            if name.split()[0].lower() not in LEADING_NOISE and not is_demonym(name):
                extra.append(Mention(head.start(1), head.end(1), name, majority, name, "list"))
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


_PAREN = re.compile(r"\s*\([^()\n]{0,80}\)")
_GAP_THE = re.compile(r"(?<=\s)the\s+$")
#: A list cue, then one capitalised name and a comma right before the first known name.
_LIST_HEAD = re.compile(
    r"\b(?:composed\s+of|made\s+up\s+of|comprises|comprising|consists\s+of|consisting\s+of|includes|including|"
    rf"such\s+as|namely)\s+(?:the\s+)?({CAPW}(?:\s+{CAPW}){{0,2}})(?:\s*\([^()\n]{{0,80}}\))?\s*,\s*$"
)


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
        if first.lower() in LEADING_NOISE or re.fullmatch(ROLE_CAP, first):
            break
        off = tail.start(2)
        if not any(m.start < off + len(name) and off < m.end for m in mentions):
            out.append(Mention(off, off + len(name), name, etype, name, "list"))
        pos = tail.end(2)
        if "and" in tail.group(1):
            break
    return out


#: "12 leading UK universities (Bristol, Cambridge, Imperial and York)": universities named by
#: their place or short name in brackets after a counted plural.
_UNIVERSITY_BRACKET = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|other)\s+"
    r"(?:[a-z]+\s+){0,2}(?:[A-Z][\w-]*\s+)?universities\s*\(([^()\n]{3,400})\)"
)
_BRACKET_ITEM = re.compile(r"(?:the\s+)?([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2})")


#: "led by the universities of Halden, Morvik and Tarsley": one university per place after the
#: plural, each named "University of <place>" (the plural spells out the name each shares).
_UNIVERSITIES_OF = re.compile(
    r"\b[Uu]niversities\s+of\s+((?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})+)"
)
_OF_ITEM = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


def bracketed_universities(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each item of "N universities (A, B and C)" is a university named as written ("Bristol"),
    whatever else the name could be (a city); the annotators' aliases are these short names.
    Each place of "the universities of A, B and C" is the "University of A" (the mention spans
    the place word, the name is the university's)."""
    if "niversities" not in text:
        return mentions
    found: list[Mention] = []
    for m in _UNIVERSITIES_OF.finditer(text):
        for place in _OF_ITEM.finditer(text, m.start(1), m.end(1)):
            name = f"University of {place.group(0)}"
            found.append(Mention(place.start(), place.end(), place.group(0), E.UNIVERSITY, name, "org"))
    for m in _UNIVERSITY_BRACKET.finditer(text):
        pos = m.start(1)
        for part in re.split(r"(,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", m.group(1)):
            item = _BRACKET_ITEM.fullmatch(part.strip())
            start = text.find(part.strip(), pos) if part.strip() else -1
            if item is not None and start >= 0:
                s = start + item.start(1)
                name = item.group(1)
                found.append(Mention(s, s + len(name), name, E.UNIVERSITY, name, "org"))
            pos += len(part)
    if not found:
        return mentions
    spans = [(f.start, f.end) for f in found]
    kept = [x for x in mentions if not any(x.start < e and s < x.end for s, e in spans)]
    return sorted(kept + found, key=lambda x: (x.start, -x.end))


#: An institution's acronym and its campus: "IIT Madras", "IIT Bombay", "IISER Pune".
_CAMPUS_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,5}")
_CAMPUS = re.compile(r"\s+([A-Z][a-z]{2,})(?![\w-])(?!\s+[A-Z])")
_PLACE_TYPES = frozenset({E.CITY, E.REGION})
_ORG_LIKE = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE})


def acronym_campuses(text: str, mentions: list[Mention]) -> list[Mention]:
    """An unknown acronym followed by a place (or, when the acronym comes with two or more
    different such words in the document, by any capitalised word) is one institution named by its
    campus: "IIT Madras" and "IIT Delhi" are two universities, not "IIT" and a city. A known
    organisation before a city ("IBM Zurich") stays the organisation and the city."""
    orgs = [
        m
        for m in mentions
        if m.type in _ORG_LIKE
        and m.rule != "gazetteer"  # "IBM Zurich": a known company and a city stay two
        and _CAMPUS_ACRONYM.fullmatch(m.text)
        and sum(c.isupper() for c in m.text) >= 2
    ]
    if not orgs:
        return mentions
    starts = {m.start: m for m in mentions}
    campus: list[tuple[Mention, int, str]] = []
    words: dict[str, set[str]] = {}
    for m in orgs:
        c = _CAMPUS.match(text, m.end)
        if c is None:
            continue
        place = starts.get(c.start(1))
        if place is not None and place.type not in _PLACE_TYPES:
            continue  # the next word is another actor or a technology
        campus.append((m, c.end(1), "place" if place is not None else c.group(1)))
        words.setdefault(m.text, set()).add(c.group(1))
    found = []
    for m, end, how in campus:
        if how != "place" and len(words[m.text]) < 2:
            continue
        name = text[m.start : end]
        etype = E.UNIVERSITY if m.type is E.COMPANY else m.type  # an unknown acronym's campus: a university
        found.append(Mention(m.start, end, name, etype, name, "org"))
    if not found:
        return mentions
    spans = [(f.start, f.end) for f in found]
    kept = [x for x in mentions if not any(x.start < e and s < x.end for s, e in spans)]
    return sorted(kept + found, key=lambda x: (x.start, -x.end))
