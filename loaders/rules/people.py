"""People: personal names in a role, title or quotation context, and what they are to organisations.

Mentions: "Professor Ada Lin", "CEO Ada Lin", "Ada Lin, director of ...", "said Ada Lin".
Relations: AFFILIATED_WITH from appositions and roles ("§p§, CEO of §org§", "§org§ CEO §p§"),
LEADS for leader roles of programmes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, ORGS, PLACES, Fact, SentView, ids_in
from ..patterns import KEYWORDS, LEADING_NOISE, NAMEPART, PARTICLE, PERSON_RE, ROLE_WORDS, TITLES
from ..segment import Sentence
from .mention import Mention
from .rule import f as _f

__all__ = ["affiliation_facts", "person_mentions"]

E = EntityType
R = RelationType


_ROLE_ANY = rf"(?:{ROLE_WORDS})"
_ROLE = rf"(?i:{ROLE_WORDS})"


_PERSON_TITLE = re.compile(
    rf"\b{TITLES}\s+((?:{PARTICLE}\s+)?{NAMEPART}(?:\s+(?:{PARTICLE}\s+)*{NAMEPART}){{0,4}})"
)


_PERSON_ROLE_BEFORE = re.compile(rf"(?i:{_ROLE_ANY})\s+({PERSON_RE})")


_PERSON_APPOS = re.compile(rf"({PERSON_RE}),\s+(?:a|an|the)?\s*[^,]{{0,40}}?\b(?i:{_ROLE_ANY})\b")


_PERSON_AFTER_ROLE = re.compile(
    rf"(?i:{_ROLE_ANY})\b[^.;]{{0,90}}?,\s+({PERSON_RE})(?=\s*(?:[,.;:”\"]|\s+who\b|\s+and\b|$))"
)


_PERSON_SAID = re.compile(
    rf"(?:\b(?:said|says|according to|explains|explained|noted|added|stated|states)\s+({PERSON_RE}))|(?:({PERSON_RE}),?\s+(?:said|says|explained|explains|noted|added|told)\b)"
)


def _add_person(
    out: list[Mention], sent: Sentence, m: re.Match[str], group: int, rule: str = "person"
) -> None:
    name = m.group(group)
    if not name:
        return
    words = name.split()
    if words[0].lower() in LEADING_NOISE or any(w.lower().strip(".,") in KEYWORDS for w in words):
        return
    start = sent.start + m.start(group)
    out.append(Mention(start, start + len(name), name, E.PERSON, name, rule))


_HAS_TITLE = re.compile(r"\b(?:Prof|Dr|Mr|Mrs|Ms|Sir|Dame|Dean)\b")


_ROLE_FIRST = frozenset(w.split()[0].split("-")[0] for w in ROLE_WORDS.split("|"))


_WORDS = re.compile(r"[A-Za-z]+")


_HAS_SAID = re.compile(r"\b(?:said|says|according|explain|noted|added|stated|states|told)", re.I)


_HAS_NAME = re.compile(rf"{NAMEPART}\s+(?:{PARTICLE}\s+)*{NAMEPART}")


def person_mentions(sent: Sentence) -> list[Mention]:
    out: list[Mention] = []
    t = sent.text
    if not _HAS_NAME.search(t):
        return out
    if _HAS_TITLE.search(t):
        for m in _PERSON_TITLE.finditer(t):
            _add_person(out, sent, m, 1)
    role_at = [w.start() for w in _WORDS.finditer(t) if w.group().lower() in _ROLE_FIRST]
    if role_at:
        for pos in role_at:
            for rx in (_PERSON_ROLE_BEFORE, _PERSON_AFTER_ROLE):
                hit = rx.match(t, pos)
                if hit:
                    _add_person(out, sent, hit, 1)
        for m in _PERSON_APPOS.finditer(t):
            _add_person(out, sent, m, 1)
    if _HAS_SAID.search(t):
        for m in _PERSON_SAID.finditer(t):
            _add_person(out, sent, m, 1 if m.group(1) else 2)
    return [p for p in out if len(p.name.split()) >= 2 or p.name.split()[0].lower() in PARTICLE]


_LEADER_ROLE = r"(?i:leader|chair|chairman|chairwoman|chairperson|head|director|coordinator|lead)"


def affiliation_facts(v: SentView, m: str) -> Iterator[Fact]:
    persons = v.indices(lambda t: t is E.PERSON)
    aff_types = ORGS | PLACES | {E.PROGRAM}
    for p in persons:
        # "§p§, director general of the §org§" / "§p§, CEO, §org§" / "§p§, §org§ deputy vice-chancellor"
        x = re.search(
            rf"§{p}§,\s+(?:(?:a|an|the)\s+)?([^§;:]{{0,70}}?)(?:\b(?:at|of|for|from|with|in)\s+)?(?:the\s+)?{ENT}([^§]{{0,40}})",
            m,
        )
        apposed = False
        if x:
            gap, b, after = x.group(1), int(x.group(2)), x.group(3)
            rest = m[x.end(2) + 1 :]
            nxt = re.match(r"^[^§]{0,20}?,\s+§(\d+)§", rest)
            owned_by_next = nxt is not None and v.type(nxt.group(1)) is E.PERSON
            if (
                v.type(b) in aff_types
                and not owned_by_next
                and (
                    re.search(rf"\b{_ROLE}\b", gap)
                    or re.match(rf"^\s*(?:'s?\s+)?(?:[\w-]+\s+){{0,3}}{_ROLE}s?\b", after)
                )
            ):
                apposed = True
                if v.type(b) is E.PROGRAM and re.search(rf"\b{_LEADER_ROLE}\b", gap):
                    yield _f(v, p, R.LEADS, b, "person-leads", 0.8)
                elif v.type(b) is not E.PROGRAM:
                    yield _f(v, p, R.AFFILIATED_WITH, b, "person-apposition", 0.8)
            # further "Leader, §prog§" in the same apposition chain
            chain = m[x.start() : x.start() + 300].split(".")[0]
            for y in re.finditer(rf"\b{_LEADER_ROLE}\b,?\s+(?:of\s+)?(?:the\s+)?{ENT}", chain):
                c = int(y.group(1))
                if v.type(c) is E.PROGRAM and c != p:
                    yield _f(v, p, R.LEADS, c, "person-leads", 0.7)
        # "§p§ from the §org§" / "§p§ at §org§"
        for y in re.finditer(rf"§{p}§\s+(?:from|at|of)\s+(?:the\s+)?{ENT}", m):
            b = int(y.group(1))
            if v.type(b) in ORGS:
                yield _f(v, p, R.AFFILIATED_WITH, b, "person-from", 0.7)
        # "Ambassador of §Germany§ to §Finland§, §p§" / "Chair of the ... for §prog§ program, §p§"
        for y in re.finditer(rf"\b({_ROLE})\b\s+(?:of|at|for)\s+(?:the\s+)?([^,;]{{0,60}}?),\s+§{p}§", m):
            inner = ids_in(y.group(2))
            if not inner:
                continue
            b = inner[-1] if v.type(inner[-1]) is E.PROGRAM else inner[0]
            if v.type(b) is E.PROGRAM and re.fullmatch(_LEADER_ROLE, y.group(1).split()[0]):
                yield _f(v, p, R.LEADS, b, "role-person-leads", 0.7)
            elif v.type(b) in ORGS | PLACES:
                yield _f(v, p, R.AFFILIATED_WITH, b, "role-of-person", 0.7)
        # "..., said CEO §p§": the organisation the sentence is about
        if not apposed and re.search(
            rf"\b(?:said|says|according\s+to|states|stated)\s+{_ROLE}\s+(?:{_ROLE}\s+)?§{p}§", m
        ):
            orgs = v.indices(lambda t: t in ORGS)
            if orgs:
                yield _f(v, p, R.AFFILIATED_WITH, orgs[0], "quoted-role", 0.6)
