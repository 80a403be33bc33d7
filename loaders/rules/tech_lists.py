"""WORKS_ON from a list of technologies attached to the actor of its clause, whatever the cue.

Profiles of centres, missions and companies name their fields as a list after a cue that
varies from article to article ("§X§ covers the full spectrum of quantum science including
§A§, §B§ and §C§", "across §X§'s areas of specialisation, such as §A§, §B§", "the mission
aims to establish hubs in domains such as §A§, §B§", "§X§ is seeking to develop §A§",
"§X§ is teaming up with industry to develop §A§"). The phrasing rules of :mod:`.works_on`
each need their own wording; this module reads the structure instead:

1. a *cue* says the clause is about an actor's fields (a verb of scope, a noun of fields, an
   aim to make, a joint effort to make);
2. the *list* is every technology mention coordinated after the cue, up to where the clause
   goes on (a name of another kind, a verb, a full stop);
3. the *actor* is the possessor of the cue noun ("§X§'s areas"), else the subject of the
   clause (its first mention, after a fronted phrase), else, for "the mission/programme/
   initiative", the programme in focus (the one named most recently). A pronoun the
   reference step read as a place ("it" for a city) is no subject: the sentence's is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ORG_NOUN, ORGS, PLACES, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .member_lists import MEMBERS, list_members
from .rule import gate

__all__ = [
    "TECH_LIST_GATE",
    "examples_after_focus_facts",
    "its_fields_facts",
    "listed_technologies",
    "tech_list_facts",
    "these_kinds_facts",
]

E = EntityType
R = RelationType

#: Who may work on a listed field: organisations, programmes, countries and regions (a city's
#: fields are too often its firms').
_SOURCES = frozenset(ORGS | {E.PROGRAM, E.COUNTRY, E.REGION})
#: (Not "advance": "partnered with §B§ to advance research in §T§" is a purpose, no stated focus.)
_MAKE = r"(?:develop|build|commerciali[sz]e|deliver|produce|create|pioneer|design)"
#: Research as the aim of joint work: "to conduct research into", "to carry out research on".
_RESEARCH = r"(?:conduct|carry\s+out|pursue|undertake|do)\s+(?:joint\s+)?research\s+(?:into|on|in)"
#: Joint work in a field, its parties' field: "have completed a joint experiment in §T§", "an
#: agreement to partner in the area of §T§", "are collaborating on §T§".
_JOINT_FIELD = (
    r"(?:joint\s+(?:[a-z]+\s+)?(?:experiments?|research|projects?|trials?|pilots?|stud(?:y|ies)|work|efforts?)\s+"
    r"(?:in|on|into|of)|(?:partner|collaborat(?:e|es|ed|ing|ion)|cooperat(?:e|es|ed|ing|ion))\s+(?:in|on|into))\s+"
    r"(?:the\s+(?:areas?|fields?|domains?)\s+of\s+)?"
)
#: Plural nouns of fields a focus names before its examples ("key technologies", "core areas").
_KINDS_OF_FIELD = (
    r"(?:technologies|areas|fields|domains|topics|themes|pillars|priorities|verticals|applications)"
)
#: Cues that the clause is about an actor's fields (see the module docstring).
_CUE = compile_gated(
    r"\b(?:"
    # scope: "covers the full spectrum of", "spans", "encompasses"
    r"(?:cover(?:s|ed|ing)?|span(?:s|ned|ning)?|encompass(?:es|ed|ing)?)\b"
    # fields: "areas of specialisation, such as", "domains such as", "research areas including"
    r"|(?:(?:research|focus|priority|key|core|thematic)\s+)?(?:areas?|fields?|domains?|disciplines?|themes?)\s+"
    r"(?:of\s+(?:specialisation|specialization|expertise|research|focus|activity|work|interest|excellence)\s*,?\s+)?"
    r"(?:such\s+as|including|like|spanning|include|includes|are|cover|covers|span|spans)\b"
    # focus on kinds named by examples: "focuses on technologies such as", "works on fields including"
    r"|(?:focus(?:es|ed|ing)?|concentrat(?:es|ed|ing))\s+on\s+(?:[a-z][\w-]*\s+){1,3}?(?:such\s+as|including|like)\b"
    # fields counted and listed after a colon: "§X§ has three pillars: §A§, §B§ and §C§"
    rf"|(?:has|have|had|comprises?|with)\s+(?:[a-z][\w-]*\s+){{0,3}}?{_KINDS_OF_FIELD}\s*:"
    # ... or after a colon or a relative: "focuses on three key technologies: §A§, §B§ and §C§",
    # "focuses on core areas, which include §A§ and §B§"
    rf"|(?:focus(?:es|ed|ing)?|concentrat(?:es|ed|ing))\s+on\s+(?:[a-z][\w-]*\s+){{0,3}}?{_KINDS_OF_FIELD}"
    r"(?:\s*:|\s*,\s+(?:(?:which|that)\s+(?:include|includes|included|are|were)|namely)\b)"
    # an aim to make: "aims to develop", "is seeking to build"
    rf"|(?:aims?|aiming|seeks?|seeking|plans?|planning|wants?|intends?|intending|hopes?|strives?|striving)\s+to\s+"
    rf"(?:(?:help\s+)?(?:accelerate|speed\s+up|advance)\s+(?:the\s+)?(?:development|commerciali[sz]ation)\s+of|{_MAKE})\b"
    # a joint effort to make: "collaboration to develop", "teaming up with industry to develop"
    r"|(?:collaboration|partnership|cooperation|co-operation|team(?:s|ed|ing)?\s+up|join(?:s|ed|ing)?\s+forces|"
    r"work(?:s|ed|ing)?\s+together)\b[^§.;]{0,60}?\bto\s+(?:jointly\s+)?"
    rf"(?:(?:accelerate|speed\s+up|advance)\s+(?:the\s+)?(?:development|commerciali[sz]ation)\s+of|{_MAKE}|{_RESEARCH})\b"
    # joint work in a field: "a joint experiment in", "an agreement to partner in the area of",
    # "to conduct research into", "collaborating on"
    rf"|(?P<joint>{_JOINT_FIELD})"
    # a purpose of hastening a field: "has established working groups to hasten the development of"
    # (a place's purpose is its call's or fund's: "§Germany§ launched a call to advance ...")
    r"|(?P<purpose>to\s+(?:help\s+)?(?:hasten|accelerate|speed\s+up|advance|drive|further)\s+(?:the\s+)?"
    r"(?:development|commerciali[sz]ation|adoption|deployment)\s+of)\b"
    r")"
)
#: Substrings one of which a sentence needs before :data:`_CUE` is tried.
TECH_LIST_GATE = (
    "cover",
    "focus",
    "concentrat",
    "span",
    "encompass",
    "area",
    "field",
    "domain",
    "discipline",
    "capabilit",
    "pillar",
    "priorit",
    "vertical",
    "topic",
    "technologies:",
    "facilit",
    "theme",
    " to ",
    "such as",
    "including",
    " like ",
    "namely",
    " of ",
    "and also ",
    "joint ",
    "partner",
    "collaborat",
    "cooperat",
    "research ",
    " and works ",
    " and focuses ",
    " and develops ",
    " and builds ",
    " and designs ",
    " and makes ",
    " and manufactures ",
    " and produces ",
    " and specialises ",
    " and specializes ",
)
#: What may stand between the cue and the list, or between two listed items: a few lower-case
#: words and joiners, never a verb of a new clause.
_GAP = re.compile(
    r"(?:(?!(?:is|are|was|were|will|would|has|have|had|which|who|that|while|whereas|but|said|says|to|by|for|"
    r"with|at|from)\b)[a-z][\w-]*+|[,:&]|\s)*+",
)
#: Nouns of a programme ("the mission aims to ..."): the subject is the programme in focus.
_PROGRAMME = re.compile(
    r"(?i:the|this)\s+(?:mission|programme|program|initiative|strategy|scheme|plan|project)\b(?!\s*§)"
)
#: A clause's opening before its subject: a bullet, a dateline ("Washington | "), a fronted phrase
#: ending in a comma with no name in it ("With over 70 researchers, ", "Currently, "), "the" and a
#: few adjectives ("The trilateral §AUKUS§ partnership").
_FRONTED = re.compile(
    r"\s*(?:[•·*▪◦‣–-]\s*)?(?:[A-Z][^§,;.|]{0,40}\s+[|–—]\s+|§\d+§\s+\|\s+)?(?:[A-Z][^§,;.]{0,60},\s+)?"
    r"(?:(?:the|The)\s+(?:(?!(?:and|with|of|in|for|between|among|at|by|from|to|on)\b)[a-z][\w-]*\s+){0,2})?"
    # a description before the name: "Tech giant §X§", "Canadian operator §X§"
    rf"(?:[A-Z][\w-]*\s+(?:[a-z][\w-]*\s+){{0,2}}?{ORG_NOUN}\s+(?=§))?"
)
#: Where a new clause opens inside a sentence, and its subject after it; a reported clause is one
#: ("the ministry said that §X§ contributes to areas such as §T§": §X§ does).
_CLAUSE = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+"
    r"|\b(?:said|says|stated|states|added|adds|noted|notes|announced|explained|confirmed)\s+that\s+"
)
#: Words that say the text between a subject and the cue opens a clause of its own.
_OTHER_CLAUSE = re.compile(
    r"\b(?:said|says|where|when|if|because|after|before|while)\b"
    # a funder's purpose is the funded one's work: "§K§ invested in §O§ to accelerate the development of"
    r"|\b(?:invest\w*|fund\w*|back(?:s|ed|ing)|grant\w*|award\w*|financ\w*|support\w*)\b"
)
#: What joins a name to the previous one in a list ("between §A§, the §B§ and §C§").
_JOINED = re.compile(r"§\d+§(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
_POSSESSOR = re.compile(r"§(\d+)§['’]s?\s+(?:[a-z][\w-]*\s+){0,2}$")
_SUBJECT = re.compile(r"§(\d+)§(?:(?:\s*,\s*|\s+)(?:and\s+|&\s+)?(?:the\s+)?§(\d+)§)*")
#: A name after one of these is inside a phrase, not a new subject ("the largest centre in §Japan§").
_PREP = re.compile(
    r"(?:\b(?:in|at|of|from|with|by|for|across|under|on|to|into|between|among|and|including|as|via)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}|\()$"
)


def _listed(v: SentView, m: str, start: int) -> list[int]:
    """The technology mentions coordinated from ``start``: each item follows the cue or the
    previous item through a gap of a few lower-case words and joiners."""
    out: list[int] = []
    pos = start
    for x in re.finditer(r"§(\d+)§", m[start:]):
        s = start + x.start()
        gap = m[pos:s]
        if len(gap) > 70 or _GAP.fullmatch(gap) is None:
            break
        i = int(x.group(1))
        if v.type(i) is not E.TECHNOLOGY:
            break
        out.append(i)
        pos = start + x.end()
    return out


def _clause_subjects(v: SentView, m: str, begin: int, cue: int) -> list[int] | None:
    """The mentions opening the clause from ``begin`` whose cue is at ``cue`` (several when
    coordinated); ``None`` when the clause opens on no name, or on "it" read as a city."""
    f = _FRONTED.match(m, begin)
    x = _SUBJECT.match(m, f.end() if f else begin)
    if x is None:
        return None
    ids = ids_in(x.group())
    if any(v.mentions[i].rule == "anaphor" and v.type(i) is E.CITY for i in ids):
        return None  # "it" read as a city names no actor here
    if cue >= 0:
        between = m[x.end() : cue]
        if _OTHER_CLAUSE.search(between):
            return []
        inside = False  # the previous name was inside a phrase: names coordinated with it are too
        for y in re.finditer(r"§(\d+)§", between):
            before = between[: y.start()]
            coordinated = inside and _JOINED.search(before) is not None
            inside = _PREP.search(before) is not None or coordinated
            if v.type(y.group(1)) in _SOURCES and not inside:
                return []  # another name opens a clause of its own before the cue
    return [i for i in ids if v.type(i) in _SOURCES]


#: A focus or making verb in the third person, coordinated after a first predicate of its
#: subject: "§X§ was spun out of §U§ in 2019, and works on §T§", "§X§, which is based in §P§ and
#: also develops §T§".
_COORDINATED_FOCUS = re.compile(
    r"(?:,\s+|\s+)and\s+(?:(?:also|now|currently|mainly|primarily|chiefly)\s+)?"
    r"(?:(?:works|focuses|concentrates)\s+on|speciali[sz]es\s+in|"
    r"(?:develops|builds|designs|manufactures|makes|produces|commerciali[sz]es))\s+"
    r"(?:(?:the\s+)?(?:development|design|commerciali[sz]ation|manufacture)\s+of\s+)?"
    r"(?:(?:a|an|its|their|own|new)\s+){0,2}(?=§)"
)
#: Its verbs (the gate of :func:`_coordinated_focus`).
_COORDINATED_GATE = ("and ",)
#: The one a relative clause before the verb speaks of: "§X§, which ...".
_RELATIVE = re.compile(r"§(\d+)§\s*,\s+(?:which|that|who)\s+[^§;]*(?:§\d+§[^§;]*)*$")
_WHICH = re.compile(r",\s+(?:which|that|who)\s")
#: Who may focus on a technology by such a predicate: companies, universities, labs and groups,
#: never a government, a place or a person.
_FOCUSED = frozenset(ORGS - {E.GOVERNMENT_BODY})


def _coordinated_focus(v: SentView, m: str) -> Iterator[Fact]:
    """WORKS_ON from a focus verb coordinated after a first predicate: its subject is the
    clause's (or the relative pronoun's antecedent), whatever names the first predicate holds
    inside its phrases ("spun out of §U§ ... by founders §A§ and §B§")."""
    for x in _COORDINATED_FOCUS.finditer(m) if gate(m, _COORDINATED_GATE) else ():
        listed = _listed(v, m, x.end())
        if not listed:
            continue
        head = m[: x.start()]
        rel = _RELATIVE.search(head)
        if rel is not None and _CLAUSE.search(head, rel.end(1)) is None:
            sources = [int(rel.group(1))]
        elif _WHICH.search(head):
            continue  # a relative clause of a name no mention holds
        else:
            begin = 0
            for cl in _CLAUSE.finditer(head):
                begin = cl.end()
            sources = _clause_subjects(v, m, begin, x.start()) or []
        for a in dict.fromkeys(v.id(i) for i in sources if v.type(i) in _FOCUSED):
            for b in listed:
                if v.id(b) != a:
                    yield Fact(a, R.WORKS_ON, v.id(b), "coordinated-focus", 0.7)


def tech_list_facts(v: SentView, m: str, recent_program: str | None) -> Iterator[Fact]:
    """WORKS_ON from each technology list after a field cue (see the module docstring)."""
    yield from _partners_to_make(v, m)
    yield from _coordinated_focus(v, m)
    yield from _kind_examples(v, m)
    yield from _owned_fields(v, m)
    yield from _capabilities(v, m)
    for c in _CUE.finditer(m):
        listed = _listed(v, m, c.end())
        if not listed:
            continue
        rule = "tech-list"
        sources: list[str] = []
        owner = _POSSESSOR.search(m, 0, c.start())
        if owner is not None:
            if v.type(owner.group(1)) in _SOURCES:
                sources = [v.id(owner.group(1))]
        else:
            begin, reported = 0, False
            for cl in _CLAUSE.finditer(m, 0, c.start()):
                begin, reported = cl.end(), cl.group().rstrip().endswith("that")
            clause = _clause_subjects(v, m, begin, c.start())
            if clause is None and begin > 0 and not reported:
                # the sentence's own subject when the clause's is no name ("the mission is run
                # by §X§, and it aims to ...")
                clause = _clause_subjects(v, m, 0, -1)
            if clause is not None:
                sources = [v.id(i) for i in clause]
            elif recent_program is not None and _PROGRAMME.match(m, _skip_fronted(m, 0)):
                sources, rule = [recent_program], "tech-list-programme"
        if c.group("purpose") is not None or c.group("joint") is not None:
            # a place's purpose is its call's or fund's, and countries collaborating on a field
            # state a policy: no work of their own
            places = {v.id(i) for i in range(len(v.ids)) if v.type(i) in PLACES}
            sources = [a for a in sources if a not in places]
        for a in dict.fromkeys(sources):
            for b in listed:
                if v.id(b) != a:
                    yield Fact(a, R.WORKS_ON, v.id(b), rule, 0.7)


_FRONTED_PHRASE = re.compile(r"\s*(?:[A-Z][^§,;.]{0,60},\s+)?")


#: "signed agreements with firms §A§, §B§ and §C§ to accelerate the development of §T§", "is
#: partnering with §A§ and §B§ to build §T§": the partners work on it as well as the subject.
_WITH_TO_MAKE = compile_gated(
    r"\b(?:agreements?|contracts?|partnerships?|partner(?:s|ed|ing)?|team(?:s|ed|ing)?\s+up|collaborat(?:e|es|ed|ing)|"
    r"work(?:s|ed|ing)?|cooperat(?:e|es|ed|ing)|memorand(?:um|a)\s+of\s+understanding|MOUs?|MoUs?|"
    r"collaborations?|alliances?|forces)\s+with\s+(?:(?!to\b)[\w-]+\s+){0,3}?"
    rf"({MEMBERS})[^§.;]{{0,60}}?\bto\s+(?:jointly\s+)?(?:help\s+)?"
    rf"(?:(?:accelerate|speed\s+up|advance)\s+(?:the\s+)?(?:development|commerciali[sz]ation)\s+of|{_MAKE}|{_RESEARCH}"
    # "signed an MOU with §B§ to collaborate on the research and development of §T§"
    r"|(?:collaborate|cooperate|co-operate|work\s+together|partner)\s+(?:on|in)(?:\s+the\s+(?:joint\s+)?"
    r"(?:research\s+and\s+development|development|research)\s+of)?)\b"
)


#: "several §quantum computing§ companies, including §A§, §B§ and §C§", "§quantum sensing§ start-ups
#: such as §A§": the technology describes every listed example.
_KIND_EXAMPLES = re.compile(
    rf"§(\d+)§\s+(?:[a-z][\w-]*\s+)?{ORG_NOUN},?\s+(?:such\s+as|including|like|namely|among\s+them)\s+({MEMBERS})"
)


#: "The work of §X§ includes §A§ and §B§", "the research areas of §X§ span ...": the owner after "of".
_OWNED_FIELDS = compile_gated(
    r"\b(?:work|research|activities|expertise|portfolio|focus|interests?|areas?|fields?|domains?|strengths?|"
    r"specialities|specialties)\s+of\s+(?:the\s+)?§(\d+)§\s+(?:(?:also|now)\s+)?"
    r"(?:includes?|included|spans?|spanned|covers?|covered|are|were|encompass(?:es)?)\s+"
)


#: "The key capabilities of §X§ include ...", "§X§'s facilities include ...": what a centre can do,
#: told as a long list of set-ups; every technology named after it is the owner's, up to the
#: first name of another kind (an actor that spearheads one of them).
_CAPABILITIES = compile_gated(
    r"\b(?:(?:key|core|main|new)\s+)?(?:capabilities|facilities)\s+of\s+(?:the\s+)?§(\d+)§\s+"
    r"(?:will\s+)?(?:include|includes|included|comprise|comprises|cover|covers|span|spans)\b"
    r"|§(\d+)§['’]s?\s+(?:(?:key|core|main|new)\s+)?(?:capabilities|facilities)\s+"
    r"(?:will\s+)?(?:include|includes|included|comprise|comprises|cover|covers|span|spans)\b"
)


def _capabilities(v: SentView, m: str) -> Iterator[Fact]:
    for x in _CAPABILITIES.finditer(m) if "capabilit" in m or "facilit" in m else ():
        a = int(x.group(1) or x.group(2))
        if v.type(a) not in _SOURCES or v.type(a) in PLACES:
            continue
        for y in re.finditer(r"§(\d+)§", m[x.end() :]):
            b = int(y.group(1))
            if v.type(b) is not E.TECHNOLOGY:
                break
            if v.id(b) != v.id(a):
                yield Fact(v.id(a), R.WORKS_ON, v.id(b), "capabilities-include", 0.7)


def _owned_fields(v: SentView, m: str) -> Iterator[Fact]:
    for x in _OWNED_FIELDS.finditer(m) if " of " in m else ():
        a = int(x.group(1))
        if v.type(a) not in _SOURCES:
            continue
        for b in _listed(v, m, x.end() - 1):
            if v.id(b) != v.id(a):
                yield Fact(v.id(a), R.WORKS_ON, v.id(b), "tech-list", 0.7)


def _kind_examples(v: SentView, m: str) -> Iterator[Fact]:
    for x in (
        _KIND_EXAMPLES.finditer(m)
        if gate(m, (" such as ", " including ", " like ", " namely ", " among "))
        else ()
    ):
        t = int(x.group(1))
        if v.type(t) is not E.TECHNOLOGY:
            continue
        for a in list_members(v, x.group(2)):
            if v.type(a) in ORGS:
                yield Fact(v.id(a), R.WORKS_ON, v.id(t), "technology-kind-examples", 0.8)


_PUBLIC_SUBJECTS = frozenset({E.GOVERNMENT_BODY, E.COUNTRY, E.REGION, E.CITY})


def _partners_to_make(v: SentView, m: str) -> Iterator[Fact]:
    for x in _WITH_TO_MAKE.finditer(m) if " with " in m else ():
        listed = _listed(v, m, x.end())
        if not listed:
            continue
        partners = [a for a in list_members(v, x.group(1)) if v.type(a) in _SOURCES]
        begin = 0
        for cl in _CLAUSE.finditer(m, 0, x.start()):
            begin = cl.end()
        # a government signing agreements with firms to develop a technology funds it: the firms do it
        partners += [
            a for a in _clause_subjects(v, m, begin, x.start()) or [] if v.type(a) not in _PUBLIC_SUBJECTS
        ]
        for a in dict.fromkeys(v.id(i) for i in partners):
            for b in listed:
                if v.id(b) != a:
                    yield Fact(a, R.WORKS_ON, v.id(b), "partners-to-make", 0.7)


def _skip_fronted(m: str, at: int) -> int:
    f = _FRONTED_PHRASE.match(m, at)
    return f.end() if f else at


def tech_list_gate(low: str) -> bool:
    return gate(low, TECH_LIST_GATE)


#: Three or more technology mentions coordinated with nothing else between them.
_TECH_RUN = re.compile(r"§\d+§(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)§\d+§){2,}")


def listed_technologies(views: Iterable[SentView]) -> set[str]:
    """The technologies a document lists three or more together ("hubs in §A§, §B§, §C§ and
    §D§"): such a list names fields of the ecosystem even where no relation attaches it to an
    actor, so they are kept as entities (a technology otherwise stays only when related)."""
    out: set[str] = set()
    for v in views:
        if E.TECHNOLOGY not in v.types or v.masked.count("§") < 6:
            continue
        for x in _TECH_RUN.finditer(v.masked):
            ids = ids_in(x.group())
            if all(v.type(i) is E.TECHNOLOGY for i in ids):
                out.update(v.id(i) for i in ids)
    return out


#: A focus on fields left unnamed at the end of a sentence: "§X§ focuses on key foundational
#: technologies.", "§X§ will concentrate on three research areas." (the actor right before the verb).
_FOCUS_UNNAMED = re.compile(
    r"§(\d+)§\s+(?:(?:also|mainly|primarily|chiefly|now|currently|will)\s+)?(?:focus(?:es|ed)?|concentrat(?:es|ed|e)|"
    r"speciali[sz](?:es|ed|e))\s+(?:on|in)\s+(?:[a-z][\w-]*\s+){0,3}?"
    rf"{_KINDS_OF_FIELD}\s*[.:]?\s*$"
)
#: The next sentence names them: "These include §A§, §B§ and §C§", "These technologies are ...".
_THESE_INCLUDE = re.compile(
    rf"\s*(?:These|They|Such)\s+(?:{_KINDS_OF_FIELD}\s+)?(?:include|includes|are|cover|span|comprise)\b"
)


def examples_after_focus_facts(views: list[SentView]) -> list[tuple[int, Fact]]:
    """WORKS_ON across two sentences: a focus on fields left unnamed, then the fields named by
    "These include ..." in the next sentence ("The §centre§ focuses on key foundational
    technologies. These include an ultra-small §atomic clock§ ... and an §atomic magnetometer§"):
    each technology of the second sentence is the focused actor's. The fact's sentence is the
    second, where the technologies are named."""
    out: list[tuple[int, Fact]] = []
    for k in range(1, len(views)):
        v, prev = views[k], views[k - 1]
        if E.TECHNOLOGY not in v.types or _THESE_INCLUDE.match(v.masked) is None:
            continue
        x = _FOCUS_UNNAMED.search(prev.masked)
        if x is None or prev.type(x.group(1)) not in _SOURCES or prev.type(x.group(1)) in PLACES:
            continue
        a = prev.id(x.group(1))
        for i in dict.fromkeys(v.id(j) for j in range(len(v.ids)) if v.type(j) is E.TECHNOLOGY):
            if i != a:
                out.append((k, Fact(a, R.WORKS_ON, i, "examples-after-focus", 0.7)))
    return out


#: Kinds of bodies a sentence may list after naming their kind: "two major national quantum
#: centres: §A§ and §B§", "three new hubs, namely §A§, §B§ and §C§".
_BODY_KINDS = (
    r"(?:centres|centers|hubs|institutes|companies|firms|start-?ups|universities|labs|laboratories|groups|"
    r"consortia|networks|programmes|programs|projects|partners)"
)
_KINDS_LISTED = re.compile(
    rf"\b(?P<kind>{_BODY_KINDS})\s*(?::|,?\s+namely|,\s+including)\s+(?:the\s+)?(?P<list>{MEMBERS})"
)
#: The next sentence speaks of them by that kind and says what they make or focus on: "These
#: centres bring together universities and industry to develop and construct §quantum technologies§".
_THESE_KINDS = re.compile(
    rf"^\s*(?:These|Those|Both|The\s+(?:two|three|four|five|six))\s+(?:new\s+)?(?P<kind>{_BODY_KINDS})\b"
    rf"(?P<rest>[^.;]*?\b(?:(?:to|will|also|jointly)\s+)?(?:develop|build|construct|design|research|study|"
    rf"commerciali[sz]e|advance|focus(?:es)?\s+on|concentrate\s+on|specialise\s+in|specialize\s+in|work\s+on)\w*"
    rf"(?:\s+and\s+[a-z]+)?\s+(?:[a-z][\w-]*\s+){{0,3}}?)(?=§)"
)


def these_kinds_facts(views: list[SentView]) -> list[tuple[int, Fact]]:
    """WORKS_ON across two sentences: bodies listed after their kind noun ("... two national quantum
    centres: the §A§ and the §B§.") and spoken of by that kind in the next sentence, which says
    what they make ("These centres ... develop and construct §quantum technologies§"): each listed
    body works on each technology listed there (two or more bodies; places never)."""
    out: list[tuple[int, Fact]] = []
    for k in range(1, len(views)):
        v, prev = views[k], views[k - 1]
        if E.TECHNOLOGY not in v.types:
            continue
        y = _THESE_KINDS.match(v.masked)
        if y is None:
            continue
        x = _KINDS_LISTED.search(prev.masked)
        if x is None or x.group("kind")[:4].lower() != y.group("kind")[:4].lower():
            continue
        bodies = [prev.id(i) for i in list_members(prev, x.group("list")) if prev.type(i) not in PLACES]
        if len(set(bodies)) < 2:
            continue
        for b in _listed(v, v.masked, y.end("rest")):
            for a in dict.fromkeys(bodies):
                if a != v.id(b):
                    out.append((k, Fact(a, R.WORKS_ON, v.id(b), "these-kinds", 0.7)))
    return out


#: A sentence opening on the possessive of the previous one's subject and naming its fields:
#: "Its research areas include §A§ and §B§", "Its platform is based on §T§", "Their work focuses on §T§".
_ITS_FIELDS = re.compile(
    r"^\s*(?P<pron>Its|Their)\s+(?:(?:main|core|key|current|own|principal|flagship|research|primary)\s+){0,2}"
    r"(?:research|work|activities|focus|expertise|portfolio|products|technology|technologies|platform|areas|fields|"
    r"specialit(?:y|ies)|specialt(?:y|ies)|strengths?|hardware|approach|offerings?|solutions?)\s+"
    r"(?:(?:areas?|fields?|interests?)\s+)?(?:(?:also|now|mainly|primarily|chiefly)\s+)?"
    r"(?:includes?|included|focus(?:es|ed)?\s+on|cover(?:s|ed)?|spans?|cent(?:re|er)s?\s+on|revolves?\s+around|"
    r"(?:is|are|was|were)\s+(?:based\s+on|focused\s+on|cent(?:red|ered)\s+on|built\s+on)|uses?|relies\s+on|"
    r"harnesses|exploits|leverages|(?:is|are))\s*:?\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}?(?=§)"
)


def its_fields_facts(views: list[SentView]) -> list[tuple[int, Fact]]:
    """WORKS_ON across two sentences: "§X§ opened in May. Its research areas include §A§ and §B§",
    "§X§ was founded in 2019. Its platform is based on §T§": "Its" is the previous sentence's
    subject (one organisation or programme, never a place), "Their" its coordinated subjects (two
    or more)."""
    out: list[tuple[int, Fact]] = []
    for k in range(1, len(views)):
        v = views[k]
        if E.TECHNOLOGY not in v.types:
            continue
        y = _ITS_FIELDS.match(v.masked)
        if y is None:
            continue
        prev = views[k - 1]
        subjects = [
            prev.id(i)
            for i in _clause_subjects(prev, prev.masked, 0, -1) or []
            if prev.type(i) in _SOURCES and prev.type(i) not in PLACES
        ]
        subjects = list(dict.fromkeys(subjects))
        if (len(subjects) == 1) != (y.group("pron") == "Its") or not subjects:
            continue
        for b in _listed(v, v.masked, y.end()):
            for a in subjects:
                if a != v.id(b):
                    out.append((k, Fact(a, R.WORKS_ON, v.id(b), "its-fields", 0.7)))
    return out
