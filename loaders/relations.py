"""Relation rules: typed, evidence-backed edges from the phrasing of one sentence.

Each rule is a regular expression over a masked sentence (see :mod:`qkg.loaders.context`)
plus a type check against the ontology. Rules are phrased for the language of press
releases and news (funding verbs, "based in", "one of X's competitors", "X, CEO of Y",
"organised by A, B and C"), never for a particular article. Every fact carries the rule
name and a confidence reflecting how direct the phrasing is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from qkg.schemas import EntityType, RelationType

from .context import ENT, LIST, ORGS, PLACES, Fact, SentView, ids_in
from .patterns import ROLE_WORDS

__all__ = ["MONEY", "relation_facts"]

E = EntityType
R = RelationType
_ACTORS = ORGS | PLACES | {E.PROGRAM}
MONEY = (
    r"(?:(?:US|A|C|NZ|S)?[$€£¥₩]\s?\d[\d,.]*|(?:AUD|USD|EUR|CAD|GBP|NIS|DKK|SEK|NOK|KRW|JPY|CHF|INR|CNY)\s?\d[\d,.]*)"
    r"(?:\s*(?:million|billion|trillion|bn|mn|m|k)\b)?"
    r"|\d[\d,.]*\s*(?:million|billion|trillion)?\s*(?:€|euros?|dollars|DKK|NIS|won|yen|pounds|francs)"
)
_INVEST_NOUN = r"(?:investment|funding|grant|financing|contribution|injection|backing|capital|loan)s?"
_INVEST_VERB = (
    r"(?:granted|grants|invested|invests|investing|invest|provided|providing|provides|provide|injected|injects|"
    r"committed|commits|awarded|awards|funded|funds|funding|backed|backs|pledged|pledges|allocated|allocates|"
    r"financed|finances|contributed|contributes)"
)
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
_LEAD_VERB = (
    r"(?:chairs|chair|chairing|chaired|leads|lead|leading|led|heads|heading|headed|steers|steering|steered|"
    r"oversees|overseeing|oversaw|executing|executes|executed|coordinates|coordinating|coordinated|runs|running|"
    r"manages|managing|managed|spearheads|spearheading|spearheaded)"
)
_ROLE = rf"(?i:{ROLE_WORDS})"
_LEADER_ROLE = r"(?i:leader|chair|chairman|chairwoman|chairperson|head|director|coordinator|lead)"


# cheap gates: a rule family runs only when its vocabulary occurs in the sentence
_G_INVEST = (
    "invest",
    "fund",
    "grant",
    "financ",
    "rais",
    "receiv",
    "secur",
    "stake",
    "paid",
    "pay",
    "provid",
    "inject",
    "back",
    "pledg",
    "alloc",
    "award",
    "contribut",
    "commit",
    "capital",
    "loan",
)
_G_LOCATED = (
    "based",
    "headquarter",
    "located",
    "situated",
    "registered",
    "anchored",
    "housed",
    "factory",
    "plant",
    "campus",
    "facilit",
    "site",
    "office",
    "premises",
    "hq",
    " in ",
)
_G_PART = (
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
_G_DEVELOP = (
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
_G_LEAD = (
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
_G_COMPETE = ("compet", "rival", "vie")


def _gate(low: str, words: tuple[str, ...]) -> bool:
    return any(w in low for w in words)


def _ok(v: SentView, a: int, b: int, types: AbstractSet[EntityType] | None = None) -> bool:
    return a != b and (types is None or v.type(b) in types)


def _f(v: SentView, a: int, t: RelationType, b: int, rule: str, conf: float) -> Fact:
    return Fact(v.id(a), t, v.id(b), rule, conf)


def relation_facts(v: SentView, recent_program: str | None) -> Iterator[Fact]:
    """Every relation the sentence states (partnerships are handled with agreements)."""
    yield from v.facts
    m = v.masked
    if m.count("§") < 4 and not (recent_program and m.count("§") >= 2):
        return  # every rule relates two mentions (or one and the programme in focus)
    low = m.lower()
    if _gate(low, _G_INVEST):
        yield from _invest(v, m)
    if _gate(low, _G_LOCATED):
        yield from _located(v, m)
    if _gate(low, _G_PART):
        yield from _part_of(v, m)
    if _gate(low, _G_DEVELOP):
        yield from _develops(v, m)
    if E.TECHNOLOGY in v.types:
        yield from _works_on(v, m)
    if _gate(low, _G_LEAD):
        yield from _leads(v, m, recent_program)
    if "§" in m and any(v.type(i) is E.PERSON for i in range(len(v.types))):
        yield from _affiliation(v, m)
    if _gate(low, _G_COMPETE):
        yield from _competes(v, m)


@dataclass(frozen=True, slots=True)
class _Rule:
    """One phrasing: which groups hold the source(s) and the target(s), and what it is worth."""

    pattern: re.Pattern[str]
    source: int
    target: int
    name: str
    confidence: float
    source_types: frozenset[EntityType] | None = None
    target_types: frozenset[EntityType] | None = None


def _members(group: str) -> list[int]:
    return [int(group)] if group.isdigit() else ids_in(group)


#: Funding phrasings; sources invest in targets.
_INVEST_RULES = (
    _Rule(
        re.compile(
            rf"{_INVEST_NOUN}\s+(?:of\s+(?:{MONEY})\s+)?(?:from|by)\s+({LIST})\s+(?:to|in|into|for)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-noun",
        0.8,
    ),
    _Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:has|have|had|will|is|are|was|were|also|jointly|recently|today|already|been|be)\s+)*"
            rf"{_INVEST_VERB}\s+(?:(?:an?\s+)?(?:additional\s+|further\s+|nearly\s+|about\s+|around\s+|some\s+)?(?:{MONEY})\s*(?:in\s+\w+\s+)?(?:{_INVEST_NOUN}\s+)?)?"
            rf"(?:(?:to|in|into|for)\s+)?(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-verb",
        0.8,
        frozenset(EntityType) - {E.PERSON},
    ),
    _Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:has|have|had|also|just|recently)\s+)*(?:raised|received|secured|obtained|won|closed|landed|attracted)\b[^§]{{0,80}}?"
            rf"\b(?:from|by|led\s+by|with\s+participation\s+from|backed\s+by)\s+({LIST})"
        ),
        2,
        1,
        "funding-raised",
        0.8,
    ),
    _Rule(
        re.compile(
            rf"(?:paid|provided|invested|funded|financed|injected|backed|led|contributed)\s+by\s+(?:the\s+)?{ENT}'s?\s+[^§:]{{0,50}}?"
            rf"(?:shareholders|investors|backers|funders)\s*:?\s*({LIST})"
        ),
        2,
        1,
        "funding-shareholders",
        0.8,
    ),
    _Rule(
        re.compile(
            rf"{ENT}\s+[^§]{{0,50}}?\b(?:acquire|acquired|acquires|take|took|takes|taking|buy|bought)\s+an?\s+(?:\w+\s+)?stake\s+in\s+{ENT}"
        ),
        1,
        2,
        "funding-stake",
        0.8,
    ),
    _Rule(
        re.compile(
            rf"(?:through|via)\s+the\s+{ENT}[^§]{{0,60}}?\b(?:contribution|funding|investment)[^§]{{0,40}}?{ENT}"
        ),
        1,
        2,
        "funding-through",
        0.6,
    ),
    _Rule(
        re.compile(
            rf"{ENT}'s?\s+(?:\w+\s+){{0,2}}{_INVEST_NOUN}\s+(?:of\s+(?:{MONEY})\s+)?(?:in|into|to|for)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-possessive",
        0.8,
    ),
    _Rule(
        re.compile(
            rf"(?:{MONEY})\s+(?:{_INVEST_NOUN}\s+)?(?:is\s+|was\s+|will\s+be\s+)?(?:injected|invested|provided)?\s*(?:in|into|to)\s+(?:the\s+)?{ENT}"
            rf"\s+(?:from|by)\s+({LIST})"
        ),
        2,
        1,
        "funding-amount",
        0.8,
    ),
    _Rule(
        re.compile(
            rf"\bfrom\s+the\s+{ENT}[^.;]{{0,90}}?\b(?:will|to|would|shall)\s+(?:pay\s+for|fund|finance|help\s+(?:fund|finance|build))\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-pays-for",
        0.7,
        frozenset(_ACTORS),
    ),
    _Rule(
        re.compile(rf"(?:investments?|funding)\s+(?:in|into)\s+(?:the\s+)?{ENT}\s+(?:from|by)\s+({LIST})"),
        2,
        1,
        "funding-in-from",
        0.8,
    ),
)


def _apply(v: SentView, m: str, rules: tuple[_Rule, ...], rtype: RelationType) -> Iterator[Fact]:
    for rule in rules:
        for x in rule.pattern.finditer(m):
            targets = _members(x.group(rule.target))
            for a in _members(x.group(rule.source)):
                if rule.source_types is not None and v.type(a) not in rule.source_types:
                    continue
                for b in targets:
                    if _ok(v, a, b, rule.target_types):
                        yield _f(v, a, rtype, b, rule.name, rule.confidence)


def _invest(v: SentView, m: str) -> Iterator[Fact]:
    yield from _apply(v, m, _INVEST_RULES, R.INVESTS_IN)


def _located(v: SentView, m: str) -> Iterator[Fact]:
    pl = PLACES | {E.CLUSTER}
    for x in re.finditer(
        rf"({LIST})\s+(?:(?:is|are|was|were|will|be|been|has|have|now|also|currently)\s+)*(?:\w+\s+)?(?:based|headquartered|located|situated|registered|anchored|housed)\s+(?:in|at)\s+(?:the\s+)?{ENT}",
        m,
    ):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, pl) and v.type(a) not in {E.TECHNOLOGY, E.PROGRAM}:
                yield _f(v, a, R.LOCATED_IN, b, "based-in", 0.9)
    for x in re.finditer(
        rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}(?:headquarters|HQ|head\s+office|offices?|factory|plant|campus|facility|site|premises)\s+(?:in|at)\s+(?:the\s+)?{ENT}",
        m,
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "facility-in", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+(?:factory|plant|headquarters|HQ|campus|facility|site)\s+(?:in|at)\s+(?:the\s+)?{ENT}", m
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "facility-in", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+to\s+(?:establish|open|build|set\s+up|move|relocate)\s+its\s+(?:[\w§-]+\s+){{0,3}}(?:headquarters|HQ|head\s+office)\s+in\s+(?:the\s+)?{ENT}",
        m,
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "headquarters-in", 0.9)
    for x in re.finditer(rf"{ENT}\s+(?:from|of)\s+the\s+{ENT}\s+in\s+(?:the\s+)?{ENT}", m):
        a, b = int(x.group(2)), int(x.group(3))
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "x-in-place", 0.7)


def _part_of(v: SentView, m: str) -> Iterator[Fact]:
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


def _develops(v: SentView, m: str) -> Iterator[Fact]:
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


_TECH_LIST = r"((?:§\d+§)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)§\d+§)*)"
_TECH = frozenset({E.TECHNOLOGY})

#: Focus on a technology; actors (or organisations, for the weaker phrasings) work on it.
_WORKS_ON_RULES = (
    _Rule(
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
    _Rule(
        re.compile(rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,3}}?{_TECH_LIST}"),
        1,
        2,
        "possessive-technology",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    _Rule(
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
    _Rule(
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


def _works_on(v: SentView, m: str) -> Iterator[Fact]:
    yield from _apply(v, m, _WORKS_ON_RULES, R.WORKS_ON)


def _leads(v: SentView, m: str, recent_program: str | None) -> Iterator[Fact]:
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


def _affiliation(v: SentView, m: str) -> Iterator[Fact]:
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


def _competes(v: SentView, m: str) -> Iterator[Fact]:
    for x in re.finditer(
        rf"{ENT}'s?\s+(?:main\s+|key\s+|biggest\s+|chief\s+|closest\s+)?(?:competitors?|rivals?),?\s+(?:including\s+|such\s+as\s+)?({LIST})",
        m,
    ):
        a = int(x.group(1))
        for b in ids_in(x.group(2)):
            if _ok(v, a, b, ORGS) and v.type(a) in ORGS:
                yield _f(v, a, R.COMPETES_WITH, b, "competitor", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+(?:([^.;]{{0,80}}?)\s)?(?:competes|compete|competing|rivals|rivalling|vies|vying)\s+(?:with|against)\s+({LIST})",
        m,
    ):
        a = int(x.group(1))
        gap = x.group(2) or ""
        if any(v.type(i) is not E.TECHNOLOGY for i in ids_in(gap)):
            continue  # another actor in between may be the competitor's real subject
        for b in ids_in(x.group(3)):
            if _ok(v, a, b, ORGS) and v.type(a) in ORGS:
                yield _f(v, a, R.COMPETES_WITH, b, "competes-with", 0.8)
