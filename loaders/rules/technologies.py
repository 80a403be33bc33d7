"""Technologies and what actors build: WORKS_ON (focus, specialism) and DEVELOPS (builds, launches)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORGS, Fact, SentView, ids_in
from .rule import ACTORS as _ACTORS
from .rule import Rule, apply
from .rule import f as _f
from .rule import ok as _ok

__all__ = ["DEVELOP_GATE", "develops_facts", "works_on_facts"]

E = EntityType
R = RelationType


_DEVELOP = (
    r"(?:build|builds|building|built|establish|establishes|establishing|established|create|creates|creating|"
    r"created|launch|launches|launching|launched|develop|develops|developing|developed|set\s+up|sets\s+up|"
    r"setting\s+up|construct|constructs|constructing|constructed|found|founded|open|opens|opened|opening|"
    r"deploy|deploys|deployed|deploying|host|hosts|hosting)"
)


_WORK = (
    r"(?:focus|focuses|focused|focusing|focussed|specializ\w+|specialis\w+|work|works|working|worked|research\w*|"
    r"expertise|finesse|strength|strengths|efforts?|pioneer\w*|leader|excel\w*|experience|know-how|capabilit\w+|"
    r"activit\w+|programme|program|bets?|betting)"
)


DEVELOP_GATE = (
    "build",
    "built",
    "establish",
    "creat",
    "launch",
    "develop",
    "set",
    "construct",
    "found",
    "open",
    "deploy",
    "host",
)


_TECH_LIST = r"((?:§\d+§)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)§\d+§)*)"


_TECH = frozenset({E.TECHNOLOGY})


#: Focus on a technology; actors (or organisations, for the weaker phrasings) work on it.
_WORKS_ON_RULES = (
    Rule(
        re.compile(
            rf"{ENT}(?:'s?)?\s+(?:[\w-]+\s+){{0,4}}?{_WORK}\s+(?:[\w-]+\s+){{0,3}}?(?:on|in|into|to)\s+(?:the\s+field\s+of\s+)?(?:[\w-]+\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "works-on",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    Rule(
        re.compile(rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,3}}?{_TECH_LIST}"),
        1,
        2,
        "possessive-technology",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    Rule(
        re.compile(
            rf"{ENT}[^§]{{0,60}}?\bits\s+{_TECH_LIST}\s+(?:efforts|research|programme|program|business|capabilit\w+|hardware|roadmap|ambitions|activities|work|expertise|portfolio)"
        ),
        1,
        2,
        "its-technology",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    Rule(
        re.compile(
            rf"{ENT}\s+(?:[\w-]+\s+){{0,3}}?(?:focus(?:es|ed)?\s+on|specializ\w+\s+in|specialis\w+\s+in|works?\s+on|researche?s?)\s+{_TECH_LIST}"
        ),
        1,
        2,
        "focus-on",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
)


def works_on_facts(v: SentView, m: str) -> Iterator[Fact]:
    yield from apply(v, m, _WORKS_ON_RULES, R.WORKS_ON)


def develops_facts(v: SentView, m: str) -> Iterator[Fact]:
    targets = {E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE}
    for x in re.finditer(
        rf"({LIST})\s+(?:[^§.;]{{0,40}}?\s)?(?:to\s+)?{_DEVELOP}\s+(?:(?:a|an|the|its|their|new|first|national)\s+)*{ENT}",
        m,
    ):
        b = int(x.group(2))
        if re.search(r"\b(?:developer|in\s+the\s+field)\b", x.group(0)):
            continue
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, targets) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "develops", 0.8)
