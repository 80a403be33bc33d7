"""Organisations: names found by keyword heads, legal forms, descriptors and party slots.

Capitalised phrases headed by an organisation keyword ("... Institute", "Ministry of ..."),
names introduced by what they are ("technology start-up X", "X, a Lyon-based company"),
names in the party slots of agreement phrasing, and the context cues of
:mod:`.org_cues`. Governments and levels of government are in :mod:`.governments`;
acronym definitions, name shapes and list members in :mod:`.names`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer, default_gazetteer
from ..patterns import ACADEMIC_FIELDS, CAPW, KEYWORDS, LEADING_NOISE, PERSON_RE, ROLE_WORDS, head_type
from ..segment import Sentence
from . import fastre as re
from .bare_names import COMMON_WORDS, opens_with_given
from .literals import compile_gated
from .mention import Mention
from .name_scan import bounded_names
from .org_cues import (
    DOCUMENT_NOUNS,
    PLAIN_NAME,
    ROLE_OF_BEFORE,
    cue_names,
    generic_board,
    person_of,
    plausible,
    speaker_runs_on,
)
from .words import any_in, may_hold, word_list, word_table

__all__ = [
    "MAX_NAME",
    "MAX_PATTERN_SENTENCE",
    "ROLE_CAP",
    "extend_program",
    "headline_subjects",
    "is_demonym",
    "is_headline",
    "org_mentions",
    "recurring_names",
]

E = EntityType
#: Longer "sentences" are lists or run-on text; only the gazetteer reads them (linear time).
MAX_PATTERN_SENTENCE = 3000


MAX_NAME = 150


#: A capitalised word hyphenated to a lower-case one opens a name ("the Info-communications Media
#: Development Authority"); not a prefix ("Non-profit", "Co-founder") nor a participle or an
#: adjective of scale or place ("Sydney-based", "World-leading", "Quebec-wide").
_HYPHEN_OPENER = (
    r"(?:(?=[A-Z])(?:The\s+)?(?!(?:Non|Co|Pre|Post|Multi|Cross|Pan|Semi|Sub|Ex|Anti|Inter|Trans|Self|Well|High|Low|Long|Short|Full|"
    r"Part|Half|Mid|Year|World|State|First|Next|Best|Top|Record|Market|Industry|Science|Research|Quantum|"
    r"Venture|Government|Cloud|Deep|Open)-)[A-Z][a-z]{3,}-(?!(?:based|wide|level|scale|class|style|like|"
    r"founder|led|run|born|made)\b)[a-z]{3,}(?<!ed)(?<!ing)(?<!ly)\s+(?=[A-Z]))?"
)
#: "the Korea Quantum Industry Leaders' Alliance": a plural possessive inside a name (kept only
#: where the whole has an organisation's head, see :func:`_possessive_cut`).
_PLURAL_POSSESSIVE = r"(?:(?<=s)['’](?=\s+[A-Z]))?"
_PHRASE = re.compile(
    rf"{_HYPHEN_OPENER}{CAPW}{_PLURAL_POSSESSIVE}(?:(?:\s+|\s*[-–]\s*)(?:(?:of|for|and|the|de|du|des|la|le|et|für|und|on|at|d['’]|di|del|della|delle|degli|dei|do|da|dos|das|der|zu|zur|van|voor|y|e)\s+)*{CAPW}{_PLURAL_POSSESSIVE})*"
)


_QUOTED_PROGRAM = re.compile(
    r"[“\"]([A-Z][^”\"]{2,80}?)[,.]?[”\"],?\s+(program|programme|initiative|project|plan|strategy|fund|scheme)\b"
)


_DESCRIPTOR = compile_gated(
    # "a Lyon-based photonics firm Orbion"; a preposition ends the description ("a US-based
    # company founded by Dutch physicists": no name follows the kind)
    r"(?:\b[A-Z][\w]*-based\s+(?:(?!(?:by|of|in|at|for|with|from|to|and|on|as)\b)[a-z][\w-]*\s+){0,3}?|"
    r"\b(?:(?:technology|tech|quantum|software|hardware|deep-tech|French|German|British|American|Canadian|Israeli|Finnish|Dutch|Swiss|Japanese|Korean|Chinese|Australian)\s+)?"
    r"(start-?ups?|startup|company|firm|developer|manufacturer|maker|provider|spin-?off|spinout|scale-?up|chipmaker|"
    r"unicorn|supplier|vendor|investor)\s+|"
    r"\b(infrastructure|facility|laboratory|research\s+cent(?:re|er))\s+)"
    rf"({CAPW}(?:\s+{CAPW}){{0,3}})"
)


#: "IonQ, the leading developer of ...", "Quandela, one of the French start-ups ...": the name before
#: an apposition that says what it is.
_APPOS_KIND = compile_gated(
    rf"(?<![\w-])({CAPW}(?:\s+{CAPW}){{0,2}}),\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w'’-]+\s+){{0,5}}?"
    # a technology accelerator or incubator named in apposition is an organisation, as annotators
    # type it ("a tech incubator"); a start-up accelerator stays a programme
    r"(?:(start-?ups?(?!\s+(?:accelerator|incubator))|(?<!startup\s)(?<!start-up\s)[“\"‘]?(?:[a-z]+-)?(?:accelerator|incubator)|"
    r"compan(?:y|ies)|firms?|"
    r"developer|manufacturer|maker|provider|supplier|vendor|investor|"
    r"(?:chip|hardware|software)\s*maker|spin-?off|spin-?out|unicorn|operator|giant|non-?profit|not-for-profit|"
    r"organi[sz]ation)|(universit(?:y|ies)|institute|research\s+institution|"
    r"laboratory|research\s+cent(?:re|er))|(agency|ministry|regulator)|(accelerator|incubator|initiative|programme|program)|"
    r"(association|coalition|alliance|consortium|network|cluster|hub))\b"
)


#: Names in the party slots of an agreement or funding phrase: "VTT and IQM have entered into",
#: "organised by Airbus, BMW and Amazon", "between Qubitrix and Nordlys". Unknown ones are organisations.
_PARTY_ITEM = rf"(?:the\s+)?{CAPW}(?:\s+{CAPW}){{0,4}}(?:(?<=s)['’]\s+{CAPW}(?:\s+{CAPW}){{0,2}})?(?:\s+of\s+(?:the\s+)?{CAPW}(?:\s+{CAPW}){{0,2}})?"


_PARTY_SLOTS = compile_gated(
    rf"(?:\b(?:between|among|amongst|organi[sz]ed\s+by|funded\s+by|backed\s+by|led\s+by|from|"
    # membership cues: "the alliance brings together A, B and C", "its partners are A, B and C"
    r"brings?\s+together|brought\s+together|comprises|comprising|consists\s+of|made\s+up\s+of|"
    r"(?:members|partners)\s+(?:are|were|include|included)|joined\s+by)\s+"
    rf"({_PARTY_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PARTY_ITEM})+))"
    rf"|(?:(?:^|(?<=[.;:,]\s))({_PARTY_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PARTY_ITEM})+)\s+"
    r"(?:(?:have|has|had|today|recently|jointly|officially|formally|also|will)\s+)*"
    r"(?:signed|entered\s+into|announced|agreed|inked|formed|launched|partnered|teamed\s+up|established|created))"
)


#: The investor slot of a funding phrase holds organisations even when a name has no keyword:
#: "a Series A round led by Kestrel Equity", "funding backed by Orlen", "with participation
#: from Marrowind and Tessaly". The cue must follow a funding noun ("the project is led by").
_INVESTOR_SLOT = re.compile(
    r"(?i:\b(?:round|financing|funding|investment|raise|tranche|seed|series\s+[a-f])\b[^.;()]{0,25}?"
    r"\b(?:(?:co-)?led|backed)\s+by|\bparticipation\s+(?:from|of|by)"
    # "existing investors A and B", "investors include A and B"
    r"|\b(?:existing|new|returning|other|previous|early)\s+(?:investors|backers)(?:\s+(?:include|included|including|such\s+as))?"
    r"|\b(?:investors|backers)\s+(?:include|included|including|such\s+as|are|were))\s*:?\s+"
    rf"({_PARTY_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PARTY_ITEM})*)"
)
#: "led by X and involved A, B and C": the round's further investors (its own pattern, as the slot
#: above already matches from "round ... led by").
_INVOLVED_SLOT = re.compile(
    r"\b(?:led|backed)\s+by\s+[^.;()]{0,60}?\s+and\s+(?:also\s+)?(?:involved|included)\s+"
    rf"({_PARTY_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PARTY_ITEM})*)"
)
_INVESTOR_GATE = compile_gated(r"led by|backed by|participation|investors|backers")
#: "led by Ada Lin and Mira Sol, two angel investors": the slot holds people.
_PERSONAL_APPOSITION = re.compile(
    r",\s+(?:a|an|two|three|both|who|whose|(?:co-?)?founder|chief|CEO|partner|managing|angel|former)\b"
)


#: An indefinite article right before a phrase: it describes a kind of thing, it names none.
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|new|another)\s+$")
_NATIONAL_PROGRAM = re.compile(
    r"\b[Nn]ational\s+(?:[Qq]uantum\s+)(?:[Tt]echnology\s+|[Ss]cience\s+)?(strategy|initiative|programme|program|plan|mission|roadmap)\b"
)


ROLE_CAP = r"(?:Co-)?(?:President|CEO|CTO|Director|Chair|Chairman|Minister|Professor|Prof\.?|Dr\.?|Vice-Chancellor|Chancellor|Co-[Ff]ounder|Cofounder|Founder|Head|Leader|Secretary|Ambassador|Dean|Governor|Mayor)"


_NONSPACE = re.compile(r"\S+")
#: a role inside a capitalised run, with the holder's name after it ("Orbion CEO Ada Lin")
_ROLE_INSIDE = re.compile(
    rf"(?:^|\s){ROLE_CAP}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&]*(?:\s+(?:and|&)\s+[A-Z][\w&]*)*)?\s+(?=[A-Z])"
)
_ROLE_CAP_RX = re.compile(ROLE_CAP)
#: Words that qualify a role before it ("Research Associate Professor", "Senior Vice President").
_ROLE_QUALIFIERS = frozenset(
    {
        "associate",
        "assistant",
        "adjunct",
        "research",
        "senior",
        "visiting",
        "emeritus",
        "deputy",
        "vice",
        "executive",
        "managing",
        "chief",
        "distinguished",
        "honorary",
        "acting",
        "interim",
        "general",
        "co",
    }
)
#: Words that open a compound role ("Chief Innovation Officer", "Managing Director", "Vice
#: President") and the heads that close one within three words.
_ROLE_OPENERS = frozenset({"Chief", "Vice", "Managing", "Deputy", "Senior", "Executive", "Acting", "Interim"})
_ROLE_HEADS = re.compile(rf"{ROLE_CAP}|Officer|Executive|Scientist|Manager|Partner|Engineer|Economist")


#: Words that give a role its scope before it ("Group CEO", "Global Head", "Regional Director").
_SCOPE_WORDS = frozenset({"Group", "Global", "Regional", "Corporate", "Country"})


def _opens_role(words: list[re.Match[str]], i: int) -> bool:
    """Whether word ``i`` of a capitalised run opens a compound role that ends the name before it
    ("Orbion Chief Technology Officer"); not inside a name's "of the" ("Office of the Chief
    Scientist" is one body's name)."""
    if words[i].group() not in _ROLE_OPENERS or words[i - 1].group().lower() in {"the", "of", "for", "and"}:
        return False
    return any(_ROLE_HEADS.fullmatch(x.group()) for x in words[i + 1 : i + 4])


#: A role inside a capitalised run and the organisation after it: "Professor of Physics at the
#: American University" (the run is cut at the role; the name after "at" is read on its own).
_ROLE_AT = re.compile(rf"\b{ROLE_CAP}\b.*?\sat\s+(?:the\s+)?")


_PLACE_TYPES = frozenset({E.CITY, E.REGION, E.COUNTRY})
#: "Orvel on Jan. 15": an abbreviated month before a day number is a date, not a name's tail.
_MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_DAY_AFTER = re.compile(r"\.?\s*\d")


def _opens_place(words: list[re.Match[str]], gaz: Gazetteer | None) -> bool:
    """The run opens with a place whose first word is also noise ("New York University")."""
    if gaz is None or len(words) < 2:
        return False
    return any(
        x.type in _PLACE_TYPES
        for n in (2, 3)
        if len(words) > n - 1
        for x in gaz.lookup(" ".join(w.group() for w in words[:n]))
    )


#: Noise words that also open names ("First Light Capital", "New Harbor Ventures"), and what stands
#: before such a word in the middle of a clause (a comma or a lower-case word), not at its start.
_NAME_OPENER = re.compile(r"First|New|Next")
_MID_CLAUSE = re.compile(r"(?:,|\b[a-z]+)\s+$")


#: An acronym in brackets right after a name: "... Quantum Technologies (ZQQ)".
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _defined_whole(t: str, end: int, right: str) -> bool:
    """Whether the acronym bracketed after a name of the "Centre for A and B" shape defines the
    whole name rather than the part after "and": "Centre for Quantum Computing and Quantum
    Technologies (ZQQ)" is one centre, "University of Varno and Orbion Technologies (OT)" two
    names (the acronym spells the second's initials)."""
    b = _BRACKETED_ACRONYM.match(t, end)
    if b is None:
        return False
    initials = "".join(w[0] for w in right.split() if w[:1].isupper())
    return b.group(1).upper() != initials.upper()


def _clean_phrase(t: str, s: int, e: int, gaz: Gazetteer | None = None) -> tuple[int, int] | None:
    """Trim leading noise words and trailing connectors of a capitalised run."""
    words = list(_NONSPACE.finditer(t, s, e))
    while words and words[0].group().lower().strip("“\"‘'") in LEADING_NOISE and not _opens_place(words, gaz):
        if (
            len(words) > 2
            and _NAME_OPENER.fullmatch(words[0].group())
            and _MID_CLAUSE.search(t, 0, words[0].start())
        ):
            break  # "Kessler Ventures, First Light Capital Group": mid-clause, the capital is the name's
        words.pop(0)
    if words and words[-1].group().lower() in _MONTH_ABBREVIATIONS and _DAY_AFTER.match(t, words[-1].end()):
        words.pop()
    if (
        len(words) > 1
        and words[0].group() in _SCOPE_WORDS
        and (words[1].group() in _ROLE_OPENERS or _ROLE_HEADS.fullmatch(words[1].group()))
        and not any(w.group() in {"of", "for"} for w in words[2:])  # "Country Manager of Pfizer Oy"
    ):
        return None  # "Group Executive Product & Technology at X", "Global Head of ...": a title
    for i, w in enumerate(words):
        if i > 0 and _opens_role(words, i):
            words = words[:i]  # "Kelmar University Chief Innovation Officer Ada Lin"
            break
        if i > 0 and _ROLE_CAP_RX.fullmatch(w.group()):
            words = words[:i]
            # "Research Associate Professor", "Senior Vice President": the role's qualifiers go too
            while words and words[-1].group().lower() in _ROLE_QUALIFIERS:
                words.pop()
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


#: The runs of letters a descriptor of ``_DESCRIPTOR`` ends with (each stands between a word boundary
#: or a hyphen and a space), for :func:`.words.may_hold`: sharper than the substrings above.
_DESCRIPTOR_RUNS = frozenset(
    [
        "based",
        "start",
        "startup",
        "startups",
        "company",
        "firm",
        "developer",
        "manufacturer",
        "maker",
        "provider",
        "spin",
        "spinoff",
        "spinout",
        "scale",
        "scaleup",
        "chipmaker",
        "unicorn",
        "supplier",
        "vendor",
        "investor",
        "infrastructure",
        "facility",
        "laboratory",
        "research",
    ]
)
#: The runs of letters a kind word of ``_APPOS_KIND`` opens with (each follows a space).
_APPOS_KIND_RUNS = frozenset(
    [
        "start",
        "startup",
        "startups",
        "company",
        "companies",
        "firm",
        "firms",
        "developer",
        "manufacturer",
        "maker",
        "provider",
        "supplier",
        "vendor",
        "investor",
        "chip",
        "chipmaker",
        "hardware",
        "hardwaremaker",
        "software",
        "softwaremaker",
        "spin",
        "spinoff",
        "spinout",
        "unicorn",
        "operator",
        "giant",
        "non",
        "nonprofit",
        "not",
        "organisation",
        "organization",
        "university",
        "universities",
        "institute",
        "research",
        "laboratory",
        "agency",
        "ministry",
        "regulator",
        "accelerator",
        "incubator",
        "initiative",
        "programme",
        "program",
        "association",
        "coalition",
        "alliance",
        "consortium",
        "network",
        "cluster",
        "hub",
    ]
)


_PARTY_WORDS = (
    "together",
    "compris",
    "consists",
    "made up",
    "members",
    "partners",
    "joined by",
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
_CLAUSE_END = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:said|says|told|added|noted|explained|commented|stated|and|who|has|is|was|will)\b"
)
_ROLE_PLURAL = re.compile(
    r"\b(?:Ministers|Presidents|Premiers|Chancellors|Governors|Mayors|Secretaries|Leaders)\b"
)
_ORG_TYPES = frozenset(
    {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM}
)
_REGION_ADJECTIVES = frozenset(
    ["Western", "Eastern", "Northern", "Southern", "Global", "International", "Local", "Foreign", "Domestic"]
)


#: Last words that make a name a company ("... Capital Partners", "... Co., Ltd.").
_COMPANY_FINALS = word_list("company_finals")


_SPACE = re.compile(r"\s")


#: Words that follow "and" inside one name ("Research and Development", "Science and Technology").
_COLLOCATED = word_list("collocated")


#: A level of government named "<level> of <place>": it ends before "and <organisation>".
_LEVEL_OF = re.compile(
    r"(?:The\s+|the\s+)?(?:City|State|Province|Free\s+State|Commonwealth|Government|Republic|Kingdom)\s+of\s"
)
_AND_IN_NAME = re.compile(r"\sand\s+(?:the\s+)?")
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_OF_OR_FOR = re.compile(r"\b(?:of|for)\b")
_LEADING_THE = re.compile(r"^the\s+")


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
        span = _clean_phrase(t, m.start(), m.end(), gaz)
        if span is None or span[1] < m.end():
            role_at = _ROLE_AT.search(t, span[1] if span else m.start(), m.end())
            if role_at is not None:
                _org_candidate(out, sent, t, role_at.end(), m.end(), gaz)
        if span is None:
            continue
        for s, e in _possessive_parts(t, *span, gaz):
            _phrase_candidates(out, sent, t, s, e, gaz)
    for m in (
        _DESCRIPTOR.finditer(t) if any_in(low, _DESCRIPTOR_WORDS) and may_hold(t, _DESCRIPTOR_RUNS) else ()
    ):
        name = m.group(3)
        words = name.split()
        if words[0].lower() in LEADING_NOISE or re.fullmatch(ROLE_CAP, words[0]):
            continue
        if any(x.type in {E.CITY, E.REGION, E.COUNTRY, E.TECHNOLOGY} for x in gaz.lookup(name)):
            continue
        if len(words) >= 3 and speaker_runs_on(t, words, m.end(3)):
            name = name[: name.rindex(words[-2])].rstrip()  # "CEO of Orbion Quantum Ada Lin said"
        if generic_board(name):
            continue
        etype = head_type(name) or (E.RESEARCH_INSTITUTE if m.group(2) else E.COMPANY)
        st = sent.start + m.start(3)
        out.append(Mention(st, st + len(name), name, etype, name, "descriptor"))
    for m in _PARTY_SLOTS.finditer(t) if any_in(low, _PARTY_WORDS) else ():
        group = 1 if m.group(1) else 2
        out += _party_names(sent, m.start(group), m.group(group), gaz, trusted=False)
    for m in _INVESTOR_SLOT.finditer(t) if _INVESTOR_GATE.search(low) else ():
        trusted = _PERSONAL_APPOSITION.match(t, m.end()) is None
        out += _party_names(sent, m.start(1), m.group(1), gaz, trusted=trusted)
    for m in _INVOLVED_SLOT.finditer(t) if "involved" in low or "included" in low else ():
        trusted = _PERSONAL_APPOSITION.match(t, m.end()) is None
        out += _party_names(sent, m.start(1), m.group(1), gaz, trusted=trusted)
    for m in (
        _APPOS_KIND.finditer(t)
        if (", a" in t or ", the" in t or ", one" in t) and may_hold(t, _APPOS_KIND_RUNS)
        else ()
    ):
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
            else E.RESEARCH_INSTITUTE
            if m.group(3)
            else E.PROGRAM
            if m.group(5)
            else E.CLUSTER
            if m.group(6)
            else E.GOVERNMENT_BODY
        )
        st = sent.start + m.start(1)
        out.append(Mention(st, st + len(name), name, head_type(name) or etype, name, "descriptor"))
    for m in _QUOTED_PROGRAM.finditer(t) if ("“" in t or '"' in t) else ():
        name = m.group(1).strip()
        if head_type(name) is None or head_type(name) is E.PROGRAM or True:
            st = sent.start + m.start(1)
            out.append(Mention(st, st + len(name), name, E.PROGRAM, name, "quoted"))
    for m in _NATIONAL_PROGRAM.finditer(t) if "ational" in t else ():
        if _INDEFINITE_BEFORE.search(t, max(0, m.start() - 12), m.start()):
            continue  # "to set up a national quantum initiative": a description, not the named one
        st = sent.start + m.start()
        name = "National Quantum " + m.group(1).capitalize()
        out.append(Mention(st, sent.start + m.end(), m.group(), E.PROGRAM, name, "org"))
    out += cue_names(sent, gaz)
    out += _field_lists(sent)
    return [_with_abbreviation_stop(t, sent.start, m) for m in out]


_POSSESSIVE_AT = re.compile(r"(?<=s)['’]\s+")


def _possessive_parts(t: str, s: int, e: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """A phrase with a plural possessive is one name when the whole has an organisation's head and
    the owner is no name of its own ("the Korea Quantum Industry Leaders' Alliance"), else two
    phrases ("Kvantra Labs' Quantum Platform": the company and what it owns)."""
    if t[e - 1] in "'’":
        e -= 1  # "Veltria Systems' Vice President ...": the role is cut, the owner's mark goes too
    phrase = t[s:e]
    pos = _POSSESSIVE_AT.search(phrase)
    if pos is None:
        return [(s, e)]
    if _one_possessive_name(phrase, pos, gaz):
        return [(s, e)]
    parts = [(s, s + pos.start())]
    rest = _clean_phrase(t, s + pos.end(), e, gaz)
    return parts + ([rest] if rest and _SPACE.search(t[rest[0] : rest[1]]) else [])


def _one_possessive_name(phrase: str, pos: re.Match[str], gaz: Gazetteer) -> bool:
    """Whether the plural possessive at ``pos`` is inside one name: the whole has an organisation's
    head and the owner before it is no name of its own."""
    before = phrase[: pos.start()]
    return (
        head_type(phrase) is not None
        and head_type(before.rsplit(" ", 1)[-1]) is None
        and not gaz.lookup(before)
        and before.rsplit(" ", 1)[-1].lower() not in _COMPANY_FINALS
        # the owner is a plural common noun ("Leaders'"), not a name ending in s ("IIT Madras'")
        and before.rsplit(" ", 1)[-1].lower().removesuffix("s") in COMMON_WORDS
        and _POSSESSIVE_AT.search(phrase, pos.end()) is None
    )


def _phrase_candidates(out: list[Mention], sent: Sentence, t: str, s: int, e: int, gaz: Gazetteer) -> None:
    """The organisation candidates of one cleaned capitalised phrase."""
    phrase = t[s:e]
    # "X and Y" is two names unless "and" joins words of one "... of A and B" name
    cuts = []
    for p in _AND_IN_NAME.finditer(phrase):
        left, right = phrase[: p.start()], phrase[p.end() :]
        of_before = _OF_OR_FOR.search(left) is not None
        if right.split(" ", 1)[0].lower() in _COLLOCATED and not p.group().rstrip().endswith("the"):
            continue  # "Research and Development Program", "Science and Technology Council"
        if (
            not of_before
            or p.group().rstrip().endswith("the")
            # "the University of Varno and KTB": an acronym after "and" is a second name
            or _ACRONYM_WORD.fullmatch(right) is not None
            or (
                head_type(right)
                and (head_type(left) or _LEVEL_OF.match(left))
                and not _defined_whole(t, e, right)
            )
        ):
            cuts.append(p)
    cands = []
    prev = s
    for p in cuts:
        cands.append((prev, s + p.start()))
        prev = s + p.end()
    cands.append((prev, e))
    for cs, ce in cands:
        _org_candidate(out, sent, t, cs, ce, gaz)


def _party_names(sent: Sentence, base: int, slot: str, gaz: Gazetteer, *, trusted: bool) -> list[Mention]:
    """The organisations named in one party slot (``slot`` starts at ``base`` in the sentence)."""
    out: list[Mention] = []
    for item in re.finditer(_PARTY_ITEM, slot):
        name = _LEADING_THE.sub("", item.group())
        offset = item.end() - len(name)
        role = _ROLE_INSIDE.search(name)
        if role:  # "Orbion CEO Ada Lin and ...": the organisation ends before the role
            name = name[: role.start()]
            if not name:
                continue
        pos = _POSSESSIVE_AT.search(name)
        if pos and not _one_possessive_name(name, pos, gaz):
            name = name[: pos.start()]  # "Kvantra Labs' Quantum Platform and ...": the owner
        if (
            name.split()[0].lower() in LEADING_NOISE
            or gaz.lookup(name)
            or (" " not in name and any(gaz.by_demonym(p) for p in name.split("-")))
            or name in _REGION_ADJECTIVES
            or re.fullmatch(ROLE_CAP, name.split()[0])
            or _ROLE_PLURAL.search(name)
        ):
            continue  # "between Prime Ministers Ada Lin and ...": people with their roles
        if len(name) < 2 or name.isdigit() or (" " not in name and name.lower().endswith("ly")):
            continue
        if not plausible(name, gaz, trusted=trusted):
            continue  # "Jane Smith and Ada Lin announced": people, not parties
        st = sent.start + base + offset
        out.append(Mention(st, st + len(name), name, head_type(name) or E.COMPANY, name, "list"))
    return out


_FIELD = rf"(?:{CAPW})"
_FIELD_HEAD = compile_gated(
    r"\b(?:Ministry|Department|Bureau|Office|Agency|Council|Committee|Secretariat|Directorate)\s+(?:of|for|on)\s"
)
#: "... of Research, Technology and Space": the fields after the head, commas included.
_FIELD_TAIL = re.compile(
    rf"\w+\s+(?:of|for|on)\s+(?:the\s+)?(?:{CAPW}\s+){{0,2}}{CAPW}((?:,\s+{_FIELD}(?:\s+{_FIELD})?){{1,4}}),?\s+"
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


_AT = re.compile(r"\sat\s+")
_THE_AFTER_AT = re.compile(r"(?:the\s+)?")
_OF_PLACE = re.compile(r"\s(?:of|du|de)\s+")
_AND = compile_gated(r"\sand\s+")
_FOR = re.compile(r"\sfor\s")
_OF = re.compile(r"\sof\s")
_OF_THE = re.compile(r"\sof\s+(?:the\s+)?")
_AND_PERSON_OF = re.compile(rf"\s+and\s+(?={PERSON_RE}\s+of\s)")
#: A role and the start of its capitalised portfolio: "Secretary of State for Science, ".
_PORTFOLIO_BEFORE = re.compile(
    rf"\b(?i:{ROLE_WORDS})\s+(?:of|for)\s+(?:[A-Z][\w&-]*(?:,?\s+(?:and|&|of|for)\s+|,?\s+))*$"
)
#: An organisation named after a role's field: "Head of Quantum Software at Orbion".
_ROLE_FIELD_AT = re.compile(r"\s+at\s+(?:the\s+)?([\w-]+)")
_ROLE_OF_BEFORE = re.compile(
    rf"\b(?i:{ROLE_WORDS})\s+(?:of|for)\s+(?:[A-Z][\w&-]*\s+(?:and\s+|&\s+)?){{0,3}}$"
)
_TAIL_OF_THE = re.compile(r"\s(?:of|at)\s+the\s+(" + CAPW + r"(?:\s+" + CAPW + r")*)$")


def _known_after_and(phrase: str, m: re.Match[str], gaz: Gazetteer) -> bool:
    """A known name after "and" is a second name, except a field that ends a portfolio
    ("Secretariat of State for Digitalization and Artificial Intelligence" is one body)."""
    hits = gaz.lookup(phrase[m.end() :])
    return bool(hits) and not (
        all(h.type is E.TECHNOLOGY for h in hits) and _OF_OR_FOR.search(phrase, 0, m.start()) is not None
    )


def _role_field(t: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """Whether ``t[s:e]`` is the field of a role with the organisation after "at": "Head of
    Quantum Software at Orbion", "Director of Quantum and Exploratory Computing at imec"."""
    at = _ROLE_FIELD_AT.match(t, e)
    if at is None or _ROLE_OF_BEFORE.search(t, max(0, s - 60), s) is None or gaz.lookup(t[s:e]):
        return False
    return at.group(1)[0].isupper() or any(h.type in _ORG_TYPES for h in gaz.lookup(at.group(1)))


def _org_candidate(out: list[Mention], sent: Sentence, t: str, s: int, e: int, gaz: Gazetteer) -> None:
    phrase = t[s:e]
    at = _AT.search(phrase)
    campus = False
    if at:
        rest = phrase[at.end() :]
        # "University of Illinois at Urbana-Champaign": a campus named by its place is one name
        campus = phrase.startswith("University of ") and " " not in rest and head_type(rest) is None
        if not campus and not any(x.type in {E.CITY, E.REGION, E.COUNTRY} for x in gaz.lookup(rest)):
            after = _THE_AFTER_AT.match(rest)
            skip = at.end() + (after.end() if after else 0)
            _org_candidate(out, sent, t, s + skip, e, gaz)
            phrase = phrase[: at.start()]
            e = s + len(phrase)
    if _role_field(t, s, e, gaz):
        return  # "Director of Quantum and Exploratory Computing at imec": the role's field
    of = None if at and campus else _OF_PLACE.search(phrase)
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
    for m in _AND.finditer(phrase):
        if _known_after_and(phrase, m, gaz):
            _org_candidate(out, sent, t, s + m.end(), e, gaz)
            phrase = phrase[: m.start()]
            e = s + len(phrase)
            break
    if phrase.rsplit(" ", 1)[-1].lower() in _MEDIA_FINALS:
        return  # "Research Community News", "Lakeport Herald": media outlets are not actors
    fr = _FOR.search(phrase)
    if fr and any(x.type in _ORG_TYPES for x in gaz.lookup(phrase[: fr.start()])):
        return  # "European Commission for Tech Sovereignty": a known body and a portfolio
    words = phrase.split()
    low = [w.lower() for w in words]
    etype = head_type(phrase)
    if etype is not None and len(words) >= 2 and low[-1].strip(".,") in _COMPANY_FINALS:
        etype = E.COMPANY  # "University of Tokyo Edge Capital Partners", "Sanko Electric Co."
    if etype is None and _OF.search(phrase):
        # "Country Manager of Pfizer Oy": the name is after "of"
        of_m = _OF_THE.search(phrase)
        assert of_m is not None
        before, rest_of = phrase[: of_m.start()], phrase[of_m.end() :]
        if _ROLE_WORD.search(before) or any(w.lower() in DOCUMENT_NOUNS for w in before.split()):
            # not "List of Critical Technologies"; "the Joint Statement of the X Council": the council
            _org_candidate(out, sent, t, s + of_m.end(), e, gaz)
        elif person_of(before, rest_of.split(" and ")[0], gaz):
            # "Ada Lin of Kessler University said": a person and the organisation she is from
            st = sent.start + s
            out.append(Mention(st, st + len(before), before, E.PERSON, before, "person-of"))
            # "... and Tom Berg of Orbion Quantum", "... and Orbion Quantum Ltd signed"
            nxt = _AND_PERSON_OF.search(rest_of) or next(
                (
                    a
                    for a in _AND.finditer(rest_of)
                    # "... and Ana Berg spoke": a second person ends the organisation too
                    if head_type(rest_of[a.end() :])
                    or gaz.lookup(rest_of[a.end() :])
                    or opens_with_given(rest_of[a.end() :])
                ),
                None,
            )
            org_end = s + of_m.end() + nxt.start() if nxt else e
            _org_candidate(out, sent, t, s + of_m.end(), org_end, gaz)
            if nxt:
                _org_candidate(out, sent, t, s + of_m.end() + nxt.end(), e, gaz)
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
        elif (unit := _known_unit(words, gaz)) is not None and _TEAM_AFTER.match(t, e) is None:
            etype = unit  # "Thales Alenia Space", "Raytheon BBN": a unit of a known organisation
        else:
            return
    if len(words) < 2 or low[0] == "government":
        return  # "Government of X" is read by the governments family ("NSW Government" is read here)
    if (
        low[0] in {"department", "school", "faculty", "college"}
        and len(low) > 2
        and low[2] in ACADEMIC_FIELDS
    ):
        return
    if all(w in KEYWORDS or w in {"of", "for", "and", "the"} for w in low):
        return  # "Research Institute", "Innovation Authority" alone are references, resolved later
    if generic_board(phrase):
        return  # "Governing Board Chairman A": a kind of board, no name
    # "Secretary of State for Science, Research and Innovation Ada Lin announced": a portfolio's
    # capitalised words run on into its holder's name
    portfolio = _PORTFOLIO_BEFORE.search(t, max(0, s - 80), s) is not None and opens_with_given(
        " ".join(words[-2:])
    )
    if (
        len(words) >= 3
        and (
            portfolio
            or (
                ROLE_OF_BEFORE.search(t, 0, s)
                and (
                    (len(words) >= 4 and head_type(" ".join(words[:-2])) is not None)
                    or speaker_runs_on(t, words, e)
                )
                and _CLAUSE_END.match(t, e)
            )
        )
        and low[-3] not in {"of", "for", "the", "&"}
        and (portfolio or low[-3] != "and")
        and all(PLAIN_NAME.fullmatch(w) for w in words[-2:])
        and head_type(" ".join(words[-2:])) is None
    ):
        # "CEO at Atom Computing Robert Hays.": the name runs on into the person holding the role
        phrase = phrase[: phrase.rindex(words[-2])].rstrip()
        words, low = words[:-2], low[:-2]
    if all(w in _COLLOCATED or w in {"of", "for", "and", "the", "&"} for w in low):
        return  # "Research and Innovation", "Science and Technology": fields, not names
    st = sent.start + s
    out.append(Mention(st, st + len(phrase), phrase, etype, phrase, "org"))
    # "Institute of Physics of the Academia Sinica": the tail is an organisation too
    tail = _TAIL_OF_THE.search(phrase)
    if tail and (head_type(tail.group(1)) or gaz.lookup(tail.group(1))):
        ts = st + tail.start(1)
        tt = head_type(tail.group(1)) or gaz.lookup(tail.group(1))[0].type
        out.append(Mention(ts, ts + len(tail.group(1)), tail.group(1), tt, tail.group(1), "org-nested"))


#: Types whose names, once found by a rule, are the same actor wherever the text repeats them.
_RECURRING = frozenset(
    {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM}
)
#: A technology word after a repeat makes it a technology phrase ("Photonic chips are ..."), not the name.
_TECH_NEXT = re.compile(
    r"[\s-]+(?:"
    + "|".join(
        re.escape(w)
        for w in sorted(word_list("technology_modifiers") | frozenset(word_table("technology_heads")))
    )
    + r")\b"
)


#: A web address: no name is read inside one.
URL = re.compile(r"(?:https?://|www\.)\S+")
_LINKS = frozenset({"of", "the", "and", "for", "&", "de", "du", "des", "et", "la", "le", "on", "in"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _LINKS).upper()


def _initialisms(mentions: list[Mention]) -> list[Mention]:
    """Unknown acronyms that spell the initials of one longer name of the text are that name:
    "Silicon Quantum Computing ... SQC CEO Ada Lin" (no "(SQC)" defines it)."""
    spelled: dict[str, Mention | None] = {}
    for m in mentions:
        if m.type in _RECURRING and m.name.count(" ") >= 1:
            key = _initials(m.name)
            if len(key) >= 2:
                other = spelled.get(key, m)
                spelled[key] = m if other is not None and other.name == m.name else None
    if not spelled:
        return mentions
    out = []
    for m in mentions:
        long = (
            spelled.get(m.text)
            if m.rule != "gazetteer" and m.text.isupper() and 2 <= len(m.text) <= 6
            else None
        )
        if long is not None and long.name != m.name:
            m = replace(m, name=long.name, type=long.type, entry=long.entry, aliases=[*m.aliases, m.text])
        out.append(m)
    return out


def recurring_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the later (and earlier) uses of organisation names that a rule found once:
    "Canadian firm Photonic raised money. Photonic's technique ..." (the second "Photonic" has no
    cue of its own). Exact, case-sensitive, word-bounded repeats that no mention covers."""
    mentions = _initialisms(mentions)
    found: dict[str, Mention] = {}
    # a word of a person's name ("Kim" of "Kim Ki-hwan") read once as an organisation is a
    # slip of a list rule, not a name to spread over the document
    personal = {w for m in mentions if m.type is E.PERSON for w in m.name.split()}
    for m in mentions:
        if m.rule == "gazetteer" or m.type not in _RECURRING or m.text != m.name or len(m.name) < 3:
            continue
        low = m.name.lower()
        if low in LEADING_NOISE or low in KEYWORDS or not m.name[0].isupper() or m.name in personal:
            continue  # a common word that happens to name something once
        found.setdefault(m.name, m)
    if not found:
        return mentions
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    for u in URL.finditer(text) if "://" in text or "www." in text else ():
        covered[u.start() : u.end()] = b"\x01" * (u.end() - u.start())  # no name inside an address
    extra = [
        replace(found[name], start=start, end=end, rule="recurring")
        for start, end, name in bounded_names(text, sorted(found, key=len, reverse=True), "&-")
        if covered.find(1, start, end) < 0 and not _TECH_NEXT.match(text, end)
    ]
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: (m.start, -m.end))


_PROGRAM_TAIL = re.compile(r"\s+(fund|programme|program|initiative|project|strategy)\b")


def extend_program(text: str, m: Mention) -> Mention:
    """ "the European Innovation Council fund": a programme named after its owner."""
    if m.type in {E.PERSON, E.TECHNOLOGY, E.PROGRAM, E.CITY, E.REGION, E.COUNTRY} or m.rule == "org-nested":
        return m
    t = _PROGRAM_TAIL.match(text, m.end)
    if not t:
        return m
    name = f"{m.name} {t.group(1).capitalize()}"
    return Mention(
        m.start, t.end(), text[m.start : t.end()], E.PROGRAM, name, "org", aliases=[text[m.start : t.end()]]
    )


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


#: "Ada Lin, CEO of Orbion, Jonas Berg, Director of Veltra": a caption or byline listing people
#: with their roles is no headline, however many of its words are capitalised.
_ROLE_OF_ITEM = re.compile(
    rf",\s+(?:[A-Z][\w&-]*\s+){{0,3}}?(?i:{ROLE_WORDS})\s+(?:of|at)\s+(?:the\s+)?[A-Z]"
)


def is_headline(text: str) -> bool:
    """Title-case lines ("... Officially Launches with Investments") defeat the phrase chunker."""
    if text.rstrip().endswith((".", "”", '"', ":")):
        return False  # most sentences: decided before any word is read
    if ", " in text and _ROLE_OF_ITEM.search(text):
        return False
    words = [w for w in _HEADLINE_WORD.findall(text) if len(w) > 3]
    if len(words) < 4:
        return False
    return bool(sum(w[0].isupper() for w in words) >= 0.75 * len(words))


#: Verbs a headline writes capitalised after an organisation, never after a person ("Orbion
#: Raises $5 Million", "Veltra Partners With ...", "Kessler Acquires ..."): people join, lead and
#: speak, they do not raise rounds or sign deals.
_HEADLINE_VERBS = (
    "Raises|Secures|Closes|Lands|Bags|Acquires|Buys|Signs|Inks|Partners|Teams|Launches|Unveils|Announces|"
    "Opens|Expands|Completes|Selects|Wins|Receives|Deploys|Delivers|Debuts|Introduces|Releases|Invests|"
    "Backs|Collaborates|Forms|Merges|Appoints|Hires|Taps|Names|Lists|Files|Picks|Scores|Nabs"
)
#: A headline's subject: up to five capitalised words (the first may be a technology phrase:
#: "Quantum Computing Inc Signs ...") right before such a verb at the headline's start; a kind
#: noun in it ("French Startup Orbion Raises") leaves the name after it.
_HEADLINE_SUBJECT = re.compile(rf"^\s*((?:{CAPW}\s+){{0,4}}{CAPW})\s+(?:{_HEADLINE_VERBS})\b")
_HEADLINE_KINDS = frozenset(
    {
        "startup",
        "start-up",
        "firm",
        "company",
        "giant",
        "maker",
        "unicorn",
        "spinout",
        "spin-off",
        "leader",
        "provider",
    }
)


def headline_subjects(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """The organisation a title-case headline opens with, before an organisation's verb (the
    phrase rules skip headlines, whose every word is capitalised)."""
    m = _HEADLINE_SUBJECT.match(sent.text)
    if m is None:
        return []
    words = list(re.finditer(r"\S+", m.group(1)))
    kinds = [i for i, w in enumerate(words) if w.group().lower() in _HEADLINE_KINDS]
    if kinds:
        words = words[kinds[-1] + 1 :]
    while words and (words[0].group().lower() in LEADING_NOISE or is_demonym(words[0].group())):
        words.pop(0)
    while words and (words[-1].group().endswith("ly") or words[-1].group().lower() in LEADING_NOISE):
        words.pop()  # "... Zone Officially Launches", "... Now Raises"
    if not words:
        return []
    s, e = m.start(1) + words[0].start(), m.start(1) + words[-1].end()
    name = sent.text[s:e]
    if opens_with_given(name) or not plausible(name, gaz, trusted=True):
        return []
    st = sent.start + s
    return [Mention(st, st + len(name), name, head_type(name) or E.COMPANY, name, "descriptor")]


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


#: Words after a known organisation's name that make the whole a product, not a unit.
_PRODUCT_WORDS = word_list("product_words")
_UNIT_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_UNIT_WORD = re.compile(r"[A-Z][a-z]+")
_CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|"
    r"October|November|December"
)
#: "Airbus Blue Sky, a research team ...": a team, not a unit the annotators name.
_TEAM_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:team|group)\b")
_UNIT_PARENTS = frozenset({E.COMPANY, E.RESEARCH_INSTITUTE, E.UNIVERSITY})


def _known_unit(words: Sequence[str], gaz: Gazetteer) -> EntityType | None:
    """The type of a known organisation's unit or subsidiary named by the organisation's name and
    an acronym or two or more capitalised words the gazetteer does not know ("Raytheon BBN",
    "Thales Alenia Space"): a research society's unit stays a research institute, a company's
    is a company. Products ("IBM Quantum System One") and places are no units."""
    for n in (1, 2):
        if len(words) <= n:
            break
        owner, rest = " ".join(words[:n]), words[n:]
        types = {x.type for x in gaz.lookup(owner)}
        if len(types) != 1 or not types <= _UNIT_PARENTS:
            continue
        if not (
            (len(rest) == 1 and _UNIT_ACRONYM.fullmatch(rest[0]))
            or (len(rest) in (2, 3) and all(_UNIT_WORD.fullmatch(w) for w in rest))
        ):
            return None
        if any(
            w.lower() in _PRODUCT_WORDS or gaz.lookup(w) or _CALENDAR_WORD.fullmatch(w) for w in rest
        ) or gaz.lookup(" ".join(rest)):
            return None
        return types.pop()
    return None


def is_demonym(name: str) -> bool:
    """ "Japanese", "Japanese-European": nationality words, not names (bundled demonyms)."""
    gaz = default_gazetteer()
    return " " not in name and any(gaz.by_demonym(p) for p in name.split("-"))
