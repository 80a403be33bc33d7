"""People named by what only people do: "Scott Faris departed", "Ada Lin resigned in May",
"Tom Berg retired and Eva Holm took over", "the firm hired Ada Lin", "Kim succeeds Tom Berg".

A capitalised name of two to five parts with none of an organisation's words, right before a
verb of a person's career or life (or right after a verb whose object is always a person),
is a person even with no title or role. What is named there is never read as an
organisation.

>>> from qkg.loaders.segment import split_sentences
>>> s = split_sentences("Matthew Kerr stepped in after Scott Fell departed in April.")[0]
>>> [m.name for m in human_verb_mentions(s)]
['Matthew Kerr', 'Scott Fell']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, Fact, SentView
from ..segment import Sentence
from . import fastre as re
from .mention import Mention
from .people import NAME, ROLE, bare_personal_name
from .words import may_hold

__all__ = ["career_facts", "focus_join_facts", "hire_facts", "human_verb_mentions"]

E = EntityType

#: verbs of a person's career or life, after the name ("Ada Lin resigned", "... has stepped down")
_AFTER = (
    r"(?:has\s+|had\s+|have\s+|will\s+|was\s+|is\s+)?(?:also\s+|since\s+|later\s+|then\s+)?"
    r"(?:resigned|retired|departed|stepped\s+(?:down|in|aside|up)|steps\s+(?:down|in|aside)|took\s+over|takes\s+over|"
    r"took\s+the\s+(?:helm|reins)|picked\s+up\s+the|earned\s+(?:his|her|a)|received\s+(?:his|her)|graduated|"
    r"studied|was\s+born|died|passed\s+away|returned\s+as|returns\s+as|will\s+succeed|succeeded|succeeds|replaces|"
    r"replaced|was\s+hired|has\s+been\s+hired|was\s+promoted|has\s+been\s+promoted|was\s+elected|was\s+re-elected)\b"
)
#: verbs whose object is always a person ("hired Ada Lin", "succeeds Tom Berg", "from Rob Hayes"
#: after "the reins")
_BEFORE = (
    r"\b(?:hired|hires|recruited|recruits|poached|succeeds|succeeded|succeeding|replaces|replaced|replacing|"
    r"reins\s+(?:again\s+)?from|took\s+over\s+from|takes\s+over\s+from|taking\s+over\s+from)\s+"
)
_NAME_AFTER = re.compile(
    rf"(?:^\W*|[,;:(]\s+|\b(?:and|but|after|before|when|while|since|as|until)\s+)({NAME}),?\s+{_AFTER}"
)
_NAME_BEFORE = re.compile(rf"{_BEFORE}({NAME})")
#: A speaker named with where they come from: "Oyelaran Adeyemi of Orbion Quantum said" (a plain
#: name, "of"/"at"/"from", a capitalised name, a verb of speech).
_SPEAKER_OF = re.compile(
    rf"(?:^\W*|[,;:(“\"]\s*|\b(?:and|but)\s+)({NAME})\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;.()]{{0,60}}?\s+"
    r"(?:said|says|told|added|explained|noted)\b"
)
_WORDS = frozenset(
    {
        "resigned",
        "retired",
        "departed",
        "stepped",
        "steps",
        "took",
        "takes",
        "picked",
        "earned",
        "received",
        "graduated",
        "studied",
        "born",
        "died",
        "passed",
        "returned",
        "returns",
        "succeed",
        "succeeded",
        "succeeds",
        "replaces",
        "replaced",
        "hired",
        "said",
        "says",
        "told",
        "added",
        "explained",
        "noted",
        "promoted",
        "elected",
        "re-elected",
        "hires",
        "recruited",
        "recruits",
        "poached",
        "succeeding",
        "replacing",
        "reins",
        "taking",
    }
)


def human_verb_mentions(sent: Sentence) -> list[Mention]:
    """The people of ``sent`` named beside a verb only people are the subject or object of."""
    t = sent.text
    if not may_hold(t, _WORDS):
        return []
    out: list[Mention] = []
    for rx in (_NAME_AFTER, _NAME_BEFORE, _SPEAKER_OF):
        for m in rx.finditer(t):
            name, at = m.group(1), m.start(1)
            title = _LEADING_TITLE.match(name)
            if title:  # "Dr Ada Lin succeeds ...": the title is no part of the name
                name, at = name[title.end() :], at + title.end()
            if " " not in name or not bare_personal_name(name):
                continue
            if rx is _SPEAKER_OF and _ROLE_WORD.search(name):
                continue  # "..., Science Lead at the X told": a role, not a name
            st = sent.start + at
            out.append(Mention(st, st + len(name), name, E.PERSON, name, "person"))
    return out


_ROLE_WORD = re.compile(rf"\b{ROLE}\b")
_LEADING_TITLE = re.compile(
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame|President|Minister|Senator|Governor|Mayor|Chairman|CEO)\.?\s+)+"
)


#: masked: "§org§ (has) hired / recruited / poached (its new CTO) §p§"
_HIRED = re.compile(
    r"§(\d+)§\s+(?:has\s+|have\s+|had\s+|also\s+|recently\s+)*(?:hired|hires|recruited|recruits|poached)\s+"
    r"(?:(?:its|a|an|the)\s+)?(?:(?:[a-z][\w-]*\s+){0,3})?§(\d+)§"
)


def hire_facts(v: SentView, m: str) -> Iterator[Fact]:
    """AFFILIATED_WITH from a person an organisation hired to the organisation."""
    if "hire" not in m and "recruit" not in m and "poached" not in m:
        return
    for x in _HIRED.finditer(m):
        org, p = int(x.group(1)), int(x.group(2))
        if v.type(org) in ORGS and v.type(p) is E.PERSON:
            yield Fact(v.id(p), RelationType.AFFILIATED_WITH, v.id(org), "hired", 0.8)


#: "§p§ is joining as the vice president of software", "§p§, ..., is coming onboard as CTO", "§p§
#: was named chief executive", "§p§ will take over as CEO": a person taking (or leaving) a role
#: with no organisation named after the verb or the role.
_JOINS_AS_BARE = re.compile(
    r"§(\d+)§(,[^;]{0,200}?,)?\s+(?:(?:is|was|has|have|had|will|would|been|be|also|now|officially)\s+)*"
    r"(?:(?:joining|joins|joined|join|(?:coming|comes|came|come)\s+(?:onboard|on\s+board|aboard)|"
    r"(?:takes|took|take|taking)\s+over|(?:steps|stepped|step|stepping)\s+down|returns|returned|return)\s+as|"
    r"(?:named|appointed|promoted\s+to|elevated\s+to)(?:\s+as)?)\s+"
    rf"(?:(?:the|a|an|its|their|new|our|interim|acting|permanent)\s+)*(?:[\w-]+\s+){{0,3}}?{ROLE}\b"
    # the role's own organisation named after it ("named CEO of §o§") is read by the role rules
    r"(?![^§;.]{0,40}?\b(?:of|at|for|with|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?§)"
)
_TAG = re.compile(r"§(\d+)§")
_JOIN_GATE = re.compile(r" as |named|appointed|promoted|elevated")
_PLACED_AT = re.compile(r"\b(?:at|of|with|from)\s+(?:the\s+)?§(\d+)§")
#: How far back (in sentences) the organisation in focus must have been named.
_FOCUS_WINDOW = 3
_FOCUS_TYPES = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE})


def _joins_focus(v: SentView, counts: Counter[str], last_seen: dict[str, int], k: int) -> Iterator[Fact]:
    focus = next(iter(counts))  # the first organisation the document names (insertion order)
    if counts[focus] < max(counts.values()) or k - last_seen[focus] > _FOCUS_WINDOW:
        return
    for x in _JOINS_AS_BARE.finditer(v.masked):
        p = int(x.group(1))
        if v.type(p) is not E.PERSON or "§" in v.masked[x.end(2) if x.group(2) else x.end(1) + 1 : x.end()]:
            continue
        # another organisation named outside the person's apposition may be the one joined
        apposed = {int(i) for i in _TAG.findall(x.group(2) or "")}
        others = {
            v.id(int(i)) for i in _TAG.findall(v.masked) if int(i) not in apposed and v.type(int(i)) in ORGS
        }
        if others - {focus}:
            continue
        # "§p§, formerly of §o§, is joining as ...": the organisation the apposition places the
        # person at is where they come from, not where they go
        if focus not in {v.id(int(i)) for i in _PLACED_AT.findall(x.group(2) or "")}:
            yield Fact(v.id(p), RelationType.AFFILIATED_WITH, focus, "joins-as-focus", 0.6)


def focus_join_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """AFFILIATED_WITH from a person joining in a role, the organisation unnamed ("Ada Lin is
    joining as the vice president of software"), to the organisation the document is about: the
    first one it names, when no other is named more often before that sentence and it is named in
    the last three sentences too, and not one the person's own apposition places them at (a former
    employer); no other organisation may be named in the sentence outside that apposition."""
    out: list[tuple[int, Fact]] = []
    counts: Counter[str] = Counter()
    last_seen: dict[str, int] = {}
    for k, v in enumerate(views):
        if counts and E.PERSON in v.types and _JOIN_GATE.search(v.masked):
            out.extend((k, f) for f in _joins_focus(v, counts, last_seen, k))
        for eid, t in zip(v.ids, v.types, strict=True):
            if t in _FOCUS_TYPES:
                counts[eid] += 1
                last_seen[eid] = k
    return out


#: A career move from one organisation to another: "§p§ left §a§ for §b§", "§p§ decided to leave
#: §a§ to join §b§" (nothing named between the person and the verb: the person is its subject).
_LEFT_FOR = re.compile(
    r"§(\d+)§[^§;]{0,60}?\b(?:left|leaves|leave|leaving|quit|quits|quitting)\s+(?:the\s+)?§(\d+)§\s+"
    r"(?:for|to\s+(?:join|rejoin|become\s+[^§;]{0,40}?\s(?:at|of)))\s+(?:the\s+)?§(\d+)§"
)
#: "§p§ moved to §b§", "§p§ returned to §b§" (an organisation; a place says where, not for whom).
_MOVED_TO = re.compile(
    r"§(\d+)§[^§;]{0,40}?\b(?:moved|moves|moving|returned|returns|returning|went|switched)\s+to\s+(?:the\s+)?§(\d+)§"
)
#: Where a sentence's one person was or goes: "before joining §b§", "after eight years at §a§",
#: "following a decade with §a§".
_SPELL_AT = re.compile(
    r"\b(?:(?:before|after|prior\s+to|since)\s+joining|(?:after|following|with)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:years?|decades?|months?|stint|tenure|career)\s+(?:at|with))\s+(?:the\s+)?§(\d+)§"
)
_CAREER_GATE = re.compile(
    r"\b(?:left|leaves?|leaving|quit\w*|moved|moves|moving|returned|returns|returning|went|switched|joining|years?|decades?|months|stint|tenure|career)\b"
)
_EMPLOYERS = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY})


def career_facts(v: SentView, m: str) -> Iterator[Fact]:
    """AFFILIATED_WITH from the organisations of a career move: both of "§p§ left §a§ for §b§"
    (former roles count), the one moved to, and, for a sentence's one person, "before joining
    §b§" and "after eight years at §a§"."""
    if not _CAREER_GATE.search(m):
        return
    out: list[tuple[int, int]] = []
    for x in _LEFT_FOR.finditer(m):
        out += [(int(x.group(1)), int(x.group(2))), (int(x.group(1)), int(x.group(3)))]
    for x in _MOVED_TO.finditer(m):
        out.append((int(x.group(1)), int(x.group(2))))
    people = v.indices(lambda t: t is E.PERSON)
    if len({v.id(p) for p in people}) == 1:
        out += [(people[0], int(x.group(1))) for x in _SPELL_AT.finditer(m)]
    for p, o in out:
        if v.type(p) is E.PERSON and v.type(o) in _EMPLOYERS:
            yield Fact(v.id(p), RelationType.AFFILIATED_WITH, v.id(o), "career-move", 0.7)
