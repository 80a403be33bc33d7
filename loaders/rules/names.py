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
from collections.abc import Sequence
from dataclasses import replace

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer, norm
from ..patterns import ACADEMIC_FIELDS, CAPW, KEYWORDS, LEADING_NOISE, ROLE_WORDS, head_type
from ..segment import Sentence
from . import fastre as re
from .bare_names import COMMON_WORDS, opens_with_given
from .mention import Mention
from .org_cues import PLURAL_ACRONYM, plausible
from .organisations import MAX_PATTERN_SENTENCE, ROLE_CAP, URL, is_demonym, is_headline
from .words import word_list

__all__ = [
    "ALLCAPS",
    "coordinated_names",
    "definitions",
    "initials_match",
    "list_members",
    "shaped_names",
    "unit_names",
]

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


#: A place's noun after an acronym: "the DMV area", "the GTA region", "the NCR metro area".
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:area|region|metro(?:politan)?\s+area|corridor)\b")


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
            or PLURAL_ACRONYM.fullmatch(name)
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
        if any(_PLACE_NOUN_AFTER.match(text, h.end()) for h in hits):
            continue  # "the DMV area", "the GTA region": the acronym of a place
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
                long = text[s : m.start()].rstrip(" ,;:")  # "Orbion Photonics, Inc., (OPI)"
                etype = head_type(long)
                if etype and long[0].isupper():
                    owner = Mention(s, s + len(long), long, etype, long, "acronym")
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
        majority = max(types, key=types.count)  # a tie: the type named first (not a set's hash order)
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
                if name.split()[0].lower() in LEADING_NOISE or is_demonym(name) or _ROLE_ITEM.fullmatch(name):
                    continue  # "Professor at §NUS§ and Co-Chair, §Committee§": a role, no item
                off = text.find(name, a.end, b.start)
                if off >= 0:
                    # beside a company, a company whatever the sentence's majority ("IBM,
                    # Protiviti, Quaxys, Bowie State University, Georgetown University"), as
                    # unknown names with no keyword mostly are
                    etype = E.COMPANY if a.type is not b.type and E.COMPANY in {a.type, b.type} else majority
                    extra.append(Mention(off, off + len(name), name, etype, name, "list"))
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
#: A role written like a name between list items: "Co-Chair", "Vice President", "Deputy Director".
_ROLE_ITEM = re.compile(
    rf"(?:(?:Co-|Vice[ -]|Deputy\s+|Senior\s+|Executive\s+)?{ROLE_CAP}|(?i:{ROLE_WORDS}))"
)
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


#: Organisation types a coordinated list may hold.
_LIST_TYPES = (E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.CLUSTER, E.GOVERNMENT_BODY)
#: A list item's name (up to four capitalised words) and what may close the item: an amount or
#: a place in brackets ("Orbion ($3.1m)", "Veltra (Lyon)").
_COORD_NAME = re.compile(
    rf"(?:the\s+)?({CAPW}(?:\s+{CAPW}){{0,3}}(?:\s+\d{{1,4}}(?=\s*[,;]|\s+(?:and|&)\s))?)"
)
_THE = re.compile(r"the\s+")
_COORD_PAREN = re.compile(r"\s*\([^()\n]{0,60}\)")
#: The joints of a coordination: ", ", ", and ", " and ", " & ", "; ".
_COORD_SEP = re.compile(r"\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")  # ("&": a name's, see below)
#: The word after a list's last item: another capitalised word is a longer name cut short.
_CAPITAL_NEXT = re.compile(r"\s+[A-Z0-9]")
#: A particle and a capitalised word after a name, or a name's words before it: the name runs on.
_PARTICLES = r"(?:of|for|de|du|des|di|del|della|der|la|le|et|für|und|on|at|d['’])"
_NAME_GOES_ON = re.compile(rf"\s+{_PARTICLES}\s*(?:the\s+)?[A-Z]|\s*d['’][A-Z]")
_NAME_BEFORE = re.compile(rf"(?:[A-Z][\w&.’'-]*\s+(?:(?:{_PARTICLES}\s*|&\s+)(?:the\s+)?)?|\d\s+)$")
#: The last words of things that are no organisations: laws, prizes, plans and events ("the
#: CHIPS and Science Act", "the Orbion and Veltra Summit"); a list with such an item is none.
_NOT_ORG_HEADS = frozenset(
    {"act", "acts", "bill", "law", "treaty", "accord", "agreement", "award", "awards", "prize"}
    | {"programme", "program", "strategy", "plan", "roadmap"}
    | {h.split()[-1] for h in word_list("event_heads")}
)


def _coordination(
    text: str, pos: int, end: int, at: dict[int, Mention]
) -> tuple[list[tuple[int, int, Mention | None]], bool]:
    """The items of the coordination opening at ``pos`` (each a known mention or an unknown
    name's span) and whether an "and" joins two of them; at most twelve items. A name that
    goes on past a particle ("Accélérateur de Création ...") or an ampersand ("Research &
    Innovation") ends the list and is no item: it was cut short."""
    items: list[tuple[int, int, Mention | None]] = []
    joined = False
    while len(items) < 12:
        the = _THE.match(text, pos, end)
        start = the.end() if the else pos
        m = at.get(start)
        if m is not None:
            items.append((m.start, m.end, m))
            pos = m.end
        else:
            x = _COORD_NAME.match(text, pos, end)
            if x is None or x.start(1) in at:
                break
            if _NAME_GOES_ON.match(text, x.end(1), end) or (
                not items and _NAME_BEFORE.search(text, max(0, x.start() - 60), x.start())
            ):
                break
            items.append((x.start(1), x.end(1), None))
            pos = x.end(1)
        p = _COORD_PAREN.match(text, pos, end)
        if p is not None:
            pos = p.end()
        sep = _COORD_SEP.match(text, pos, end)
        if sep is None:
            break
        if "&" in sep.group():
            if items[-1][2] is None:
                items.pop()
            break
        joined = joined or "and" in sep.group()
        pos = sep.end()
    return items, joined


def coordinated_names(
    text: str, sentences: Sequence[Sentence], mentions: list[Mention], gaz: Gazetteer
) -> list[Mention]:
    """Unknown capitalised names coordinated with one known organisation are organisations of
    the list's type: "Telstra, the Kessler Bank and Norvik are backing ...", "Orvel Quantum,
    Kessler Labs and Q-Nord are among ...". Only lists of organisations and unknown names count
    (a person, place, technology or programme in the list leaves it alone), joined by "and" or
    "&" or of three items at least ("Monday, IBM said": no list); each unknown name must be
    plausible as an organisation (no personal name, place, demonym, month or common opener)."""
    orgs = [m for m in mentions if m.type in _LIST_TYPES and m.rule != "org-nested"]
    if not orgs:
        return mentions
    at = {m.start: m for m in mentions if m.rule != "org-nested"}
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    starts = [s.start for s in sentences]
    done: set[int] = set()
    extra: list[Mention] = []
    for o in orgs:
        k = bisect.bisect_right(starts, o.start) - 1
        if k < 0 or k in done or not _beside_joint(text, o):
            continue
        done.add(k)
        sent = sentences[k]
        if len(sent.text) > MAX_PATTERN_SENTENCE or is_headline(sent.text):
            continue
        pos, seen = sent.start, -1
        for w in re.finditer(r"(?<![\w&.-])(?:the\s+)?(?=[A-Z0-9])", text[sent.start : sent.end]):
            pos = sent.start + w.start()
            if pos <= seen:
                continue
            items, joined = _coordination(text, pos, sent.end, at)
            if items:
                seen = items[-1][1]
            extra += _typed_items(text, items, joined, gaz, covered)
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda x: (x.start, -x.end))


#: Lower-case words after a list's last item ending in a noun of organisations or their staff:
#: the names qualify that noun ("Argonne and Fermi national labs", "Ruritanian and Nordic
#: organisations"); the kind-list rules read such lists, not this one.
_MODIFIED_NOUN = re.compile(
    r"\s+(?:(?!(?:are|is|was|were|have|has|had|will|would|can|could|and|or|to|the|a|an|with|for|of|in|on|at|as|by)\b)"
    r"[a-z][\w-]*\s+){0,2}?(?:labs?|laborator(?:y|ies)|organi[sz]ations?|compan(?:y|ies)|firms?|universit(?:y|ies)|"
    r"institut(?:e|es|ions?)|researchers|scientists|teams?|groups?|funds?|banks?|start-?ups?|cent(?:re|er)s?)\b"
)
_PLAIN_WORDS = COMMON_WORDS | ACADEMIC_FIELDS | frozenset(KEYWORDS)


def _not_a_name(item: str) -> bool:
    """An item that names a thing, not an organisation: a law, prize, plan or event by its last
    word, or plain words only ("Quantum Engineering, Science, and Technology": a title)."""
    words = item.lower().split()
    return words[-1] in _NOT_ORG_HEADS or (
        not any(c.isdigit() for c in item) and all(w in _PLAIN_WORDS for w in words)
    )


_JOINT_AFTER = re.compile(r"(?:\s*\([^()\n]{0,60}\))?(?:\s*[,;]|\s+(?:and|&)\s)")
_JOINT_BEFORE = re.compile(r"(?:[,;]|\s(?:and|&))\s+(?:the\s+)?$")


def _beside_joint(text: str, m: Mention) -> bool:
    """Whether a list's joint stands right after or before ``m`` (else it is in no list)."""
    return bool(_JOINT_AFTER.match(text, m.end) or _JOINT_BEFORE.search(text, max(0, m.start - 12), m.start))


def _typed_items(
    text: str,
    items: list[tuple[int, int, Mention | None]],
    joined: bool,
    gaz: Gazetteer,
    covered: bytearray,
) -> list[Mention]:
    """The unknown items of one coordination, typed by its known organisations."""
    if len(items) < 2 or not (joined or len(items) >= 3):
        return []
    known = [m for _, _, m in items if m is not None]
    if any(m.type not in _LIST_TYPES for m in known):
        return []
    # a name another list rule typed is no evidence of its own ("between Western and Ruritanian")
    known = [m for m in known if m.rule != "list"]
    if not known:
        return []
    unknown = [text[s:e] for s, e, m in items if m is None]
    if (
        _CAPITAL_NEXT.match(text, items[-1][1])
        or _MODIFIED_NOUN.match(text, items[-1][1])
        or any(_not_a_name(u) for u in unknown)
        or any(text[s:e].rsplit(None, 1)[-1].lower() in _NOT_ORG_HEADS for s, e, _ in items)
    ):
        return []
    # unknown names with no keyword are mostly companies ("Orvane and Kessler University signed"):
    # another type only when two known items or more all have it
    types = {m.type for m in known}
    etype = types.pop() if len(known) >= 2 and len(types) == 1 else E.COMPANY
    out = []
    for s, e, m in items:
        if m is not None or covered.find(1, s, e) >= 0:
            continue
        name = text[s:e]
        first = name.split()[0]
        if (
            first.lower() in LEADING_NOISE
            or re.fullmatch(ROLE_CAP, first)
            or is_demonym(name)
            or opens_with_given(name)
            or not plausible(name, gaz, trusted=False)
        ):
            continue
        out.append(Mention(s, e, name, etype, name, "list"))
    return out


#: "CEA List", "CNRS-NEEL", "Fraunhofer IAF": a known institution's acronym or one-word name, then
#: the acronym or one-word name of one of its units.
_UNIT_NAME = re.compile(r"([A-Z][A-Za-z]{1,11})[ -]([A-Z]{2,6}|[A-Z][a-z]{2,10})")
_PARENT_TYPES = frozenset({E.RESEARCH_INSTITUTE, E.UNIVERSITY, E.GOVERNMENT_BODY})


def unit_names(mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A unit named after the public institution it belongs to takes the institution's type
    ("CEA List", "CNRS-NEEL", "Fraunhofer IAF" are research institutes, whatever the list or cue
    that found them took them for); a company's units keep theirs."""
    out = mentions
    for i, m in enumerate(mentions):
        if m.type is not E.COMPANY or m.rule == "gazetteer" or len(m.name) > 24:
            continue
        u = _UNIT_NAME.fullmatch(m.name)
        if u is None:
            continue
        parents = {e.type for e in gaz.lookup(u.group(1))}
        if len(parents) != 1 or not parents <= _PARENT_TYPES:
            continue
        if out is mentions:
            out = list(mentions)
        out[i] = replace(m, type=parents.pop())
    return out
