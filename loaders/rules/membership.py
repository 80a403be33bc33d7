"""Membership and leadership: PART_OF (members, subsidiaries, joins, participation) and LEADS."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORGS, Fact, SentView, ids_in
from .rule import ACTORS as _ACTORS
from .rule import f as _f
from .rule import ok as _ok

__all__ = ["LEAD_GATE", "MEMBER_GATE", "leadership_facts", "membership_facts"]

E = EntityType
R = RelationType


_LEAD_VERB = (
    r"(?:chairs|chair|chairing|chaired|leads|lead|leading|led|heads|heading|headed|steers|steering|steered|"
    r"oversees|overseeing|oversaw|executing|executes|executed|coordinates|coordinating|coordinated|runs|running|"
    r"manages|managing|managed|spearheads|spearheading|spearheaded)"
)


MEMBER_GATE = (
    "member",
    "part",
    "subsidiar",
    "division",
    "unit",
    "arm",
    "affiliate",
    "spin",
    "join",
    "won",
    "win",
    "enter",
    "particip",
    "compet",
    "took",
    "takes",
    " of ",
    " under ",
)


LEAD_GATE = (
    "chair",
    "lead",
    "led",
    "head",
    "steer",
    "overs",
    "execut",
    "coordinat",
    "run",
    "manag",
    "spearhead",
    "organi",
    "arrang",
    "host",
    "conven",
    "sponsor",
    "driv",
)


def membership_facts(v: SentView, m: str) -> Iterator[Fact]:
    for x in re.finditer(
        rf"{ENT}\s+(?:is|are|was|were|has\s+become|have\s+become|became|becomes|will\s+be|remains)\s+(?:now\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:member|part|partner|subsidiary|division|unit|arm|affiliate|spin-off|spinout|participant)\s+(?:of|on|in|to)\s+(?:the\s+)?{ENT}",
        m,
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, ORGS | {E.PROGRAM}):
            yield _f(v, a, R.PART_OF, b, "member-of", 0.9)
    for x in re.finditer(
        rf"({LIST})\s+(?:has\s+|have\s+|had\s+)?(?:joins|joined|join|to\s+join|will\s+join)\s+(?:the\s+)?{ENT}",
        m,
    ):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, {E.CLUSTER, E.PROGRAM}):
                yield _f(v, a, R.PART_OF, b, "joins", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+(?:initiative|programme|program|project|scheme)?\s*(?:of|within|under)\s+the\s+{ENT}", m
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b) and v.type(a) is E.PROGRAM and v.type(b) is E.PROGRAM:
            yield _f(v, a, R.PART_OF, b, "programme-of", 0.8)
    for x in re.finditer(rf"{ENT}\s+under\s+the\s+{ENT}", m):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, ORGS) and v.type(a) in ORGS:
            yield _f(v, a, R.PART_OF, b, "under", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+(?:have\s+|has\s+|had\s+)?(?:won|wins|win|entered|enters|participated\s+in|participates\s+in|took\s+part\s+in|takes\s+part\s+in|competed\s+in|competes\s+in)\s+(?:the\s+|a\s+)?{ENT}",
        m,
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, {E.PROGRAM}) and v.type(a) in ORGS:
            yield _f(v, a, R.PART_OF, b, "participates-in", 0.7)


def leadership_facts(v: SentView, m: str, recent_program: str | None) -> Iterator[Fact]:
    for x in re.finditer(
        rf"{ENT}\s+(?:(?:is|are|was|were|will|be|has|have|been|also|currently)\s+)*{_LEAD_VERB}\s+(?:the\s+|this\s+|an?\s+|its\s+)?(?:[\w-]+\s+){{0,2}}?{ENT}",
        m,
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, {E.PROGRAM, E.GOVERNMENT_BODY, E.CLUSTER}) and v.type(a) in _ACTORS | {E.PERSON}:
            yield _f(v, a, R.LEADS, b, "leads", 0.8)
    if recent_program is not None:
        inv = re.match(
            rf"^\s*(?:Steering|Leading|Chairing|Heading|Overseeing|Spearheading|Coordinating|Driving)\s+(?:this|the|these)\s+[^§]{{0,60}}?\s+(?:is|are)\s+(?:the\s+)?{ENT}",
            m,
        )
        if inv and v.type(inv.group(1)) in _ACTORS and v.id(inv.group(1)) != recent_program:
            yield Fact(v.id(inv.group(1)), R.LEADS, recent_program, "leads-inverted", 0.7)
    org = re.search(
        rf"(?:organi[sz]ed|arranged|hosted|co-hosted|convened|sponsored|run|launched)\s+by\s+({LIST})", m
    )
    if org:
        organisers = ids_in(org.group(1))
        subj = re.match(rf"^\s*(?:The\s+)?(?:[\w-]+\s+){{0,3}}?{ENT}", m)
        target: str | None = None
        if subj and v.type(subj.group(1)) is E.PROGRAM:
            target = v.id(subj.group(1))
        elif re.match(
            r"^\s*(?:The|This)\s+(?:[\w-]+\s+){0,2}(?:competition|challenge|programme|program|initiative|project|prize|contest)\b",
            m,
        ):
            target = recent_program
        if target is not None:
            for a in organisers:
                if v.type(a) in ORGS and v.id(a) != target:
                    yield Fact(v.id(a), R.LEADS, target, "organised-by", 0.7)
