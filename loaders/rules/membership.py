"""Membership and leadership: PART_OF (members, subsidiaries, joins, participation) and LEADS."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORGS, PLACES, UNFOLDED, Fact, SentView, ids_in
from ..patterns import HONORIFIC, ROLE_WORDS
from .member_lists import MEMBERS
from .rule import ACTORS as _ACTORS
from .rule import f as _f
from .rule import gate
from .rule import ok as _ok

__all__ = [
    "BRINGS_TOGETHER",
    "LEAD_GATE",
    "MEMBER_GATE",
    "apposition_facts",
    "brought_together",
    "leadership_facts",
    "membership_facts",
    "referred_group_facts",
]

E = EntityType
R = RelationType


_LEAD_VERB = (
    r"(?:chairs|chair|chairing|chaired|leads|lead|leading|led|heads|heading|headed|steers|steering|steered|"
    r"oversees|overseeing|oversaw|executing|executes|executed|coordinates|coordinating|coordinated|runs|running|"
    r"manages|managing|managed|spearheads|spearheading|spearheaded|oversee|steer|head|spearhead|coordinate|manage|"
    # "the department also implements the national mission": the body that carries a programme out
    r"implements|implementing|administers|administering)"
)


MEMBER_GATE = (
    "member",
    "named",
    "recogni",
    "identified",
    "nominated",
    "designated",
    "launch",
    "creat",
    "owns",
    "owned",
    "signed up",
    "signs up",
    "enrol",
    "finalist",
    "laureate",
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
    "among",
    "one of",
    "include",
    "comprise",
    "together",
    "consist",
    "unite",
    "gather",
    "establish",
    "found",
    "set up",
    "sets up",
    "alliance",
    "make up",
    "made up",
    "composed of",
    "form",
    "constitut",
    "consortium",
    "coalition",
    "network",
    "association",
    "acqui",
    "owned",
    "bought",
    "buy",
    "spun",
    "lab",
    "business",
    " of ",
    " under ",
    "select",
    "chosen",
    "shortlist",
    "welcom",
    "admit",
    "added",
    "onboard",
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
    "deliver",
    "administ",
    "operat",
    "implement",
    "leadership",
    "direct",
)


#: Members and parts: what can belong, and what can be belonged to.
_MEMBER_TYPES = frozenset(ORGS | {E.PROGRAM})
_ORG_TYPES = frozenset(ORGS)
_PROGRAMS = frozenset({E.PROGRAM})
#: A partner "of" a company is a partner, not a part; of a consortium or programme it is a member.
_GROUP_TYPES = frozenset({E.CLUSTER, E.PROGRAM})
_BE = (
    r"(?:is|are|was|were|has\s+become|have\s+become|had\s+become|became|becomes|become|will\s+become|will\s+be|remains|remain|"
    r"has\s+been|have\s+been|had\s+been|operates\s+as|operated\s+as|functions\s+as|serves\s+as|joined\s+as)"
)

#: "§a§ is (now) a founding member of §b§", "§a§ became part of §b§", "§a§ is a wholly owned subsidiary of §b§".
_MEMBER_OF = re.compile(
    rf"{ENT}(?:,\s+(?:established|founded|based|headquartered|created)\s+[^,;]{{0,60}},)?\s+{_BE}\s+(?:(?:now|also|already|officially|formally)\s+)?(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,3}}?"
    r"(member|members|part|partner|partners|subsidiary|division|unit|arm|affiliate|spin-off|spinoff|spinout|spin-out|"
    r"participant|participants|constituent|component|finalist|finalists|winner|winners|laureate)\s+"
    rf"(?:of|on|in|to|from|within)\s+(?:the\s+)?(?:§\d+§['’]s?\s+)?{ENT}"
)
#: "... members of the new §a§ are ...": the mention only qualifies the subject.
_MODIFIER_OF = re.compile(r"\b(?:of|for|at)\s+(?:the\s+)?(?:[\w-]+\s+)?$")
#: What an organisation joins or takes part in: groups, and centres run as networks.
_JOINABLE = frozenset({E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE})
#: "Institutions that will participate in the §b§ include §a§, §c§" / "companies joining §b§ are ...".
_PARTICIPANTS_INCLUDE = re.compile(
    r"\b(?i:institutions|members|partners|companies|universities|organi[sz]ations|participants|firms|startups|start-ups)\s+"
    r"(?:(?:that|which|who)\s+)?(?:(?:will|have|has|had|now|already)\s+)*(?:participate|participating|participated|join|joining|joined|"
    rf"take\s+part|taking\s+part|took\s+part)\s+(?:in\s+)?(?:the\s+)?{ENT}\s+(?:include|includes|are|were|will\s+be)\s+({LIST})"
)
#: "§a§ and §c§ are among the members of §b§" / "§a§ is one of the five partners of §b§".
_AMONG = re.compile(
    rf"({LIST})\s+(?:is|are|was|were|has\s+been|have\s+been|became|become|will\s+be)\s+(?:(?:now|also)\s+)?"
    r"(?:among|one\s+of|two\s+of|three\s+of|some\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:members|partners|participants|shareholders|subsidiaries|units|institutions|winners|finalists|awardees|"
    r"companies|firms|organi[sz]ations|universities|start-?ups|founders|co-founders)\s+"
    # "... partners in the §EU§-funded §b§", "... companies selected for the §b§"
    r"(?:of|in|(?:selected|chosen|picked)\s+(?:for|to\s+join))\s+(?:the\s+|an?\s+)?(?:§\d+§-(?:funded|backed|led)\s+)?"
    rf"{ENT}"
)
#: "Both §a§ and §c§ are key partners in §b§" / "§a§ and §c§ are also §b§'s members": a list of
#: subjects stated to be members of one group.
_LIST_ARE_MEMBERS = re.compile(
    rf"(?:\b[Bb]oth\s+)?({LIST})\s+(?:are|were|have\s+been|have\s+become|became|will\s+be|remain)\s+"
    r"(?:(?:now|also|already|all|both|officially|formally)\s+)*(?:(?:the|among\s+the)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:members|partners|participants|constituents)\s+(?:of|in|within)\s+(?:the\s+)?"
    rf"{ENT}|{ENT}['’]s?\s+(?:[\w-]+\s+)?(?:members|partners|participants|subsidiaries)\b)"
)
#: "§b§'s members include §a§ and §c§" / "members of §b§ include ..." / "§b§ brings together §a§, §c§".
_MEMBER_LIST = re.compile(
    rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}?(?:members|partners|participants|founding\s+members)\s+"
    rf"(?:(?:also|now)\s+)?(?:include|includes|including|are|comprise|were)\s+({MEMBERS})"
    rf"|\b(?i:members|partners|participants)\s+of\s+(?:the\s+)?{ENT}\s+(?:include|includes|are|comprise|were)\s*:?\s+({MEMBERS})"
    rf"|{ENT}(?:\s+(?:consortium|alliance|network|cluster|partnership|initiative|programme|program|project|hub))?"
    r"(?:,\s*which\s+|\s+)(?:now\s+)?(?:includes|include|comprises|comprise|brings\s+together|consists\s+of|is\s+(?:made\s+up|composed)\s+of|unites|gathers)\s+"
    rf"({MEMBERS})"
    # "the §G§, whose members include §a§ and §b§, ..."
    rf"|{ENT},\s+whose\s+(?:[\w-]+\s+)?(?:members|partners|participants)\s+(?:include|includes|included|are|were)\s+({MEMBERS})"
)
#: "§b§ is an alliance of §a§ and five other partners: §c§, §d§" / "§b§, a partnership between §a§ and
#: §c§" / "among §b§'s partners are
#: research centres such as §a§ and §c§".
_GROUP_OF = re.compile(
    rf"{ENT},?\s+(?:(?:is|was|remains|has\s+become|became)\s+)?(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:alliance|consortium|coalition|network|partnership|association|federation|collective|grouping)\s+"
    rf"(?:of|between|among)\s+(?:the\s+)?({MEMBERS})"
    # "the trilateral §b§ partnership between §a§, §c§ and §d§": the group named before its kind
    rf"|{ENT}\s+(?:alliance|consortium|coalition|partnership|pact)\s+(?:between|among)\s+(?:the\s+)?({LIST})"
    rf"|\b(?i:among)\s+(?:the\s+)?{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}?(?:members|partners|participants)\s+(?:are|is|were)\s+"
    rf"((?:[^§.;]{{0,60}}?){LIST})"
)


#: "§a§, §c§ and §d§ make up the §b§ (steering committee)" / "... form the founding members of §b§".
_MAKE_UP = re.compile(
    rf"({LIST})\s+(?:(?:now|together|jointly|will|also)\s+)*(?:make\s+up|makes\s+up|made\s+up|form|formed|constitute|constituted)\s+"
    rf"(?:the\s+)?(?:(?:founding|core|initial|first)\s+(?:members|partners)\s+of\s+(?:the\s+)?)?{ENT}"
)


#: "... an alliance of §a§ and five other partners in the §city§ region: §c§, §d§ and §e§".
_GROUP_OF_COLON = re.compile(
    rf"{ENT},?\s+(?:(?:is|was|remains|has\s+become|became)\s+)?(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:alliance|consortium|coalition|network|partnership|association|federation|collective|grouping)\s+of\s+"
    rf"[^:;.]{{0,160}}?:\s*({MEMBERS})"
)


#: "§a§ (a §b§ founding member)" / "§a§ (a member of the §b§)": membership in brackets.
_BRACKETED = re.compile(
    r"§(\d+)§\s*\((?:(?:a|an|the)\s+(?:§(\d+)§\s+(?:[\w-]+\s+)?(?:member|partner|subsidiary|company|unit|division)"
    r"|(?:[\w-]+\s+)?(?:member|partner|subsidiary|unit|division)\s+of\s+(?:the\s+)?§(\d+)§)"
    # "§a§ (part of §NATO§'s §DIANA§)": the possessor only qualifies the group
    r"|(?:now\s+)?part\s+of\s+(?:the\s+)?(?:§\d+§['’]s?\s+)?§(\d+)§)"
)
#: "The administration named §A§ and §B§ as one of 12 §Tech Hubs§", "§A§ was designated as one of the §G§".
_NAMED_AS_ONE_OF = re.compile(
    r"\b(?:named|designated|selected|chose|chosen|picked|recogni[sz]ed|confirmed)\s+(?:(?:jointly|together)\s+)?"
    rf"(?:the\s+)?({LIST})\s+(?:(?:jointly|together)\s+)?as\s+(?:one\s+of\s+)?(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|a\s+dozen)?\s*(?:new\s+|designated\s+|official\s+)?§(\d+)§"
    rf"|({LIST})\s+(?:(?:was|were|has\s+been|have\s+been|is|are|will\s+be)\s+)(?:jointly\s+)?(?:named|designated|selected|chosen|picked|"
    r"recogni[sz]ed|confirmed)\s+as\s+one\s+of\s+(?:the\s+)?(?:\d+\s+|[a-z]+\s+)?§(\d+)§"
)
#: "§X§ positions itself ... as the investment arm of the §Y§", "§X§ serves as the research unit of §Y§".
_AS_ARM_OF = re.compile(
    rf"{ENT}\s+(?:[^§.;]{{0,100}}?\s)?as\s+(?:the|an?|its)\s+(?:[\w-]+\s+){{0,2}}?(?:arm|unit|division|subsidiary|branch)\s+of\s+"
    rf"(?:the\s+)?(?:§\d+§['’]s?\s+)?{ENT}"
)
#: "The ministry has identified three institutes viz §A§, §B§ and §C§ for the §G§": chosen to take part.
_PICKED_FOR = re.compile(
    r"\b(?:identified|selected|chosen|chose|picked|nominated|named|designated)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:institutes|institutions|universities|companies|organi[sz]ations|partners|members|centres|centers|labs|laboratories)\s*"
    rf"(?:,|:|\s+(?:viz\.?|namely|including|such\s+as|—|–))\s*(?:(?:viz\.?|namely)\s+)?({LIST}),?\s+(?:for|to\s+join|to\s+form|as\s+members\s+of)\s+(?:the\s+)?{ENT}"
)


#: "A, B and C signed an MoU to formally establish the §council§" / "A and B formed the §alliance§":
#: the founders of a group are its first members.
_FOUNDED_GROUP = re.compile(
    rf"({LIST})\s+(?:[^§.;]{{0,80}}?\s)?(?:to\s+)?(?:(?:formally|jointly|officially)\s+)?"
    r"(?:establish|establishes|established|form|forms|formed|found|founds|founded|set\s+up|sets\s+up|co-found|co-founded|"
    r"launch|launches|launched|co-launched|create|creates|created)\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?:new\s+)?{ENT}"
)


#: "§b§'s quantum division, §a§" / "§b§'s research arm §a§".
_POSS_UNIT = re.compile(
    rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,3}}?(?:unit|division|subsidiary|arm|lab|laboratory|labs|spin-off|spinout|affiliate|business)\s*,?\s+{ENT}"
)
#: "§a§ was spun out of §b§" / "§a§, spun off from §b§".
_SPUN = re.compile(
    rf"{ENT},?\s+(?:(?:was|is|has\s+been|had\s+been)\s+)?spun\s+(?:out|off)\s+(?:of|from)\s+(?:the\s+)?{ENT}"
)
#: Acquisitions make the bought a part of the buyer (README convention): "§b§ acquired §a§",
#: "§a§ was acquired by §b§", "§b§'s acquisition of §a§", "the acquisition of §a§ by §b§".
_BOUGHT = re.compile(
    rf"{ENT}\s+(?:(?:has|have|had|will|recently|also)\s+)*(?:acquired|acquires|acquire|bought|buys|buy|took\s+over|takes\s+over|"
    rf"completed\s+(?:the|its)\s+acquisition\s+of|completes\s+(?:the|its)\s+acquisition\s+of)\s+(?:the\s+)?{ENT}(?!\s+stake)"
    rf"|{ENT}'s?\s+acquisition\s+of\s+(?:the\s+)?{ENT}"
)
#: "§b§ owns §a§", "§a§, which §b§ acquired in 2020, ...": ownership said from the owner's side.
_OWNS = re.compile(
    rf"{ENT}\s+(?:(?:also|now|still|fully|wholly)\s+)*(?:owns|owned)\s+(?:the\s+)?{ENT}(?!['’]s?\s|\s+(?:shares|stock)\b)"
    rf"|{ENT},\s+which\s+(?:the\s+)?{ENT}\s+(?:(?:has|had|also|later)\s+)*(?:acquired|bought|took\s+over|owns|purchased)\b"
)
_BOUGHT_BY = re.compile(
    rf"{ENT},?\s+(?:(?:which|that)\s+)?(?:(?:was|is|has\s+been|had\s+been|were|will\s+be)\s+)?(?:acquired|bought|taken\s+over|(?:wholly\s+|fully\s+|majority[\s-])?owned)\s+by\s+(?:the\s+)?{ENT}"
    rf"|\bacquisition\s+of\s+(?:the\s+)?{ENT}\s+by\s+(?:the\s+)?{ENT}"
)


#: "§a§, where §p§ once taught, was set up under the national §b§ programme": a centre or
#: scheme created by a programme is a part of it.
_SET_UP_UNDER = re.compile(
    rf"{ENT}(?:,[^,;]{{0,160}},)?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be)\s+)?"
    r"(?:originally\s+|first\s+|initially\s+)?(?:set\s+up|established|created|founded|launched|formed|started)\s+"
    r"(?:in\s+\d{4}\s+)?(?:as\s+part\s+of|under)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w\u2019'-]+\s+){0,3}?"
    rf"{ENT}"
)
#: "§a§, the venture arm of the conglomerate §b§" / "§a§, a growth fund tied to §b§": an arm named
#: in apposition (the verbless twin of "§a§ is a subsidiary of §b§").
_ARM_APPOSED = re.compile(
    rf"{ENT},\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:arm|unit|division|subsidiary|affiliate|fund|lab|laboratory|branch|spin-off|spinoff|spinout|spin-out)\s+"
    r"(?:of|tied\s+to|owned\s+by|belonging\s+to|linked\s+to|within|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    rf"{ENT}"
)


#: "§a§, a fully owned §b§ subsidiary", "§a§, the wholly-owned §b§ unit": the owner as a modifier.
_OWNED_APPOSED = re.compile(
    rf"{ENT},\s+(?:the|a|an|its)\s+(?:(?:fully|wholly|majority|100%)[\s-]+owned\s+)(?:§\d+§['’]s?\s+)?(?:[\w-]+\s+)?"
    rf"(?<=\s)(?:§(\d+)§)\s+(?:subsidiary|unit|division|arm|affiliate|company)\b"
)
#: "§b§ welcomed §a§ and §c§ as new members" / "§b§ added four corporate partners, including §a§":
#: a group taking in members, said from the group's side.
_WELCOMED = re.compile(
    rf"{ENT}\s+(?:(?:has|have|had|also|recently|now)\s+)*(?:welcomed|welcomes|admitted|admits|added|adds|onboarded|accepted)\s+"
    rf"(?:({LIST})\s+as\s+(?:(?:a|an|its|their|the|new|newest|latest|founding|corporate|associate|full|first|\d+\w*)\s+)*"
    r"(?:members?|partners?|participants?)\b"
    r"|(?:[\w-]+\s+){0,3}?(?:members|partners|participants)\s*(?:,\s*|:\s*)?(?:including|such\s+as|among\s+them|:)\s+"
    rf"({LIST}))"
)
#: "§a§ has been selected for the §b§ programme" / "the winners of the §b§ are §a§ and §c§":
#: a company picked into a programme or competition takes part in it.
_SELECTED = re.compile(
    rf"({LIST})\s+(?:(?:has|have|had|was|were|is|are|been|be|will|also|now)\s+)+(?:selected|chosen|accepted|admitted|shortlisted)\s+"
    r"(?:(?:to\s+(?:join|take\s+part\s+in|participate\s+in)|for|into|in)\s+(?:the\s+|a\s+|its\s+)?(?:(?!by\b)[\w-]+\s+){0,2}?"
    rf"|to\s+(?:the\s+)?){ENT}"
)
_WINNERS = re.compile(
    rf"\b(?i:the\s+)?(?i:winners|finalists|awardees|recipients|selected\s+companies|cohort)\s+(?:of|in|for)\s+(?:the\s+)?{ENT}\s+"
    rf"(?:are|were|include|included|includes)\s*:?\s+({LIST})"
    rf"|{ENT}\s+(?:winners|finalists|awardees|cohort)\s+(?:are|were|include|included|includes)\s*:?\s+({LIST})"
)
_PICKED_GATE = (
    "welcom",
    "admit",
    "added",
    "adds",
    "onboard",
    "accept",
    "select",
    "chosen",
    "shortlist",
    "winners",
    "finalist",
    "awardee",
    "recipient",
    "cohort",
)


_GROUP_GATE = (
    "alliance",
    "consortium",
    "coalition",
    "network",
    "partnership",
    "association",
    "federation",
    "pact",
)
_ARM_GATE = ("arm ", "unit ", "division", "subsidiar", "affiliate", "fund ", "lab", "branch", "spin", "owned")


_BOUGHT_GATE = (
    "acqui",
    "bought",
    "buy",
    "took over",
    "takes over",
    "taken over",
    "owned by",
    "owns",
    "owned",
)


def _part(
    v: SentView, a: int, b: int, rule: str, conf: float, to: frozenset[EntityType] = _MEMBER_TYPES
) -> Iterator[Fact]:
    if a != b and v.type(a) in _MEMBER_TYPES and v.type(b) in to:
        yield _f(v, a, R.PART_OF, b, rule, conf)


def _pair(x: re.Match[str], first: int) -> tuple[int, int]:
    """The two mention ids of a two-alternative pattern whose second alternative starts at ``first``."""
    if x.group(1) is not None:
        return int(x.group(1)), int(x.group(2))
    return int(x.group(first)), int(x.group(first + 1))


def _structure_facts(v: SentView, m: str) -> Iterator[Fact]:
    """Units, spin-offs and acquisitions: one organisation becomes a part of another."""
    for x in _POSS_UNIT.finditer(m):
        yield from _part(v, int(x.group(2)), int(x.group(1)), "possessive-unit", 0.8)
    for x in _SPUN.finditer(m):
        yield from _part(v, int(x.group(1)), int(x.group(2)), "spun-out", 0.8)
    for x in _SET_UP_UNDER.finditer(m):
        yield from _part(v, int(x.group(1)), int(x.group(2)), "set-up-under", 0.8, _PROGRAMS)
    if gate(m, _BOUGHT_GATE):
        for x in _BOUGHT.finditer(m):
            buyer, bought = _pair(x, 3)
            yield from _part(v, bought, buyer, "acquired", 0.8)
        for x in _BOUGHT_BY.finditer(m):
            bought, buyer = _pair(x, 3)
            yield from _part(v, bought, buyer, "acquired-by", 0.8)
        for x in _OWNS.finditer(m):
            owner, owned = (
                (int(x.group(1)), int(x.group(2))) if x.group(1) else (int(x.group(4)), int(x.group(3)))
            )
            if v.type(owner) in ORGS:
                yield from _part(v, owned, owner, "owned-by", 0.8, _ORG_TYPES)


def _filled(x: re.Match[str]) -> tuple[int, str]:
    """The (group, members) pair of whichever alternative of a two-group-per-alternative pattern matched."""
    groups = x.groups()
    k = next(i for i in range(0, len(groups), 2) if groups[i] is not None)
    return int(groups[k]), groups[k + 1]


def _picked_members(v: SentView, m: str) -> Iterator[Fact]:
    """Members taken in by the group, picked for a programme, or named as its winners."""
    for x in _WELCOMED.finditer(m):
        b = int(x.group(1))
        for a in ids_in(x.group(2) or x.group(3)):
            yield from _part(v, a, b, "welcomed-member", 0.8, _GROUP_TYPES)
    for x in _SELECTED.finditer(m):
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "selected-for", 0.8, _PROGRAMS)
    for x in _WINNERS.finditer(m):
        b, listed = _filled(x)
        for a in ids_in(listed):
            yield from _part(v, a, b, "programme-winners", 0.8, _PROGRAMS)


def _group_of(v: SentView, m: str) -> Iterator[Fact]:
    """A group described by its members: "§b§, an alliance of §a§ and §c§" (also read before the fold)."""
    for x in _GROUP_OF.finditer(m):
        b, listed = _filled(x)
        for a in ids_in(listed):
            yield from _part(v, a, b, "group-of", 0.8, _GROUP_TYPES)


def _listed_members(v: SentView, m: str) -> Iterator[Fact]:
    """Members named in a list: "§a§ and §c§ are among the members of §b§", "§b§'s members include ..."."""
    for x in _AMONG.finditer(m):
        # the winners of a company's prize are not its members: winners join programmes only
        won = re.search(r"\b(?:winners|finalists|awardees)\b", x.group(0)) is not None
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "among-members", 0.8, _PROGRAMS if won else _MEMBER_TYPES)
    for x in _LIST_ARE_MEMBERS.finditer(m):
        subjects, b = ids_in(x.group(1)), int(x.group(2) or x.group(3))
        if len(subjects) >= 2:  # one subject: "member-of" reads it
            for a in subjects:
                yield from _part(v, a, b, "list-are-members", 0.8, _GROUP_TYPES)
    for x in _MEMBER_LIST.finditer(m):
        b, listed = _filled(x)
        for a in ids_in(listed):
            yield from _part(v, a, b, "members-include", 0.8, _GROUP_TYPES)
    for x in _PARTICIPANTS_INCLUDE.finditer(m):
        for a in ids_in(x.group(2)):
            yield from _part(v, a, int(x.group(1)), "participants-include", 0.8, _JOINABLE)
    for x in _FOUNDED_GROUP.finditer(m):
        founders, b = ids_in(x.group(1)), int(x.group(2))
        if len(founders) < 2 or v.type(b) not in {E.CLUSTER, E.GOVERNMENT_BODY}:
            continue
        # a council founded by associations or companies is their group; one founded by ministries is an office
        if v.type(b) is E.GOVERNMENT_BODY and any(v.type(a) is E.GOVERNMENT_BODY for a in founders):
            continue
        for a in founders:
            yield from _part(v, a, b, "founded-group", 0.8, frozenset({E.CLUSTER, E.GOVERNMENT_BODY}))
    for x in _MAKE_UP.finditer(m):
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "make-up", 0.8, _GROUP_TYPES)
    yield from _group_of(v, m)
    for x in _BRACKETED.finditer(m):
        yield from _part(
            v, int(x.group(1)), int(x.group(2) or x.group(3) or x.group(4)), "bracketed-member", 0.8
        )
    for x in _AS_ARM_OF.finditer(m) if " as " in m else ():
        yield from _part(v, int(x.group(1)), int(x.group(2)), "as-arm-of", 0.8)
    for x in _NAMED_AS_ONE_OF.finditer(m) if " as " in m else ():
        group = int(x.group(2) or x.group(4))
        for a in ids_in(x.group(1) or x.group(3)):
            # regions named as one of the hubs are part of it as well as organisations
            if a != group and v.type(a) in _MEMBER_TYPES | PLACES and v.type(group) in _GROUP_TYPES:
                yield _f(v, a, R.PART_OF, group, "named-as-one-of", 0.8)
    for x in _PICKED_FOR.finditer(m):
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "picked-for", 0.8, _GROUP_TYPES)
    if gate(m.lower(), _PICKED_GATE):
        yield from _picked_members(v, m)
    for x in _GROUP_OF_COLON.finditer(m):
        for a in ids_in(x.group(2)):
            yield from _part(v, a, int(x.group(1)), "group-of-listed", 0.8, _GROUP_TYPES)


#: "The §a§ network forms part of the government's §b§", "§a§ will form an integral part of §b§".
_FORMS_PART = re.compile(
    rf"{ENT}(?:\s+(?:network|consortium|alliance|hub|hubs|programme|program|project|initiative|centre|center))?\s+"
    r"(?:(?:now|also|will|would|already)\s+)*(?:forms|formed|form|forming)\s+(?:an?\s+)?(?:(?:integral|key|central|core|major|important)\s+)?"
    rf"part\s+of\s+(?:the\s+)?(?:(?:§\d+§|government|country|state|region|nation)['’]s?\s+)?{ENT}"
)
_PART_OF_APPOSED = re.compile(rf"{ENT},\s+(?:now\s+|(as)\s+)?part\s+of\s+(?:the\s+)?{ENT}")
_JOINS = re.compile(
    rf"({LIST})\s+(?:has\s+|have\s+|had\s+)?(?:joins|joined|join|to\s+join|will\s+join|"
    r"signed\s+up\s+(?:to|with|for)|signs\s+up\s+(?:to|with|for)|enrolled\s+in|enrols\s+in|enrolls\s+in)\s+(?:the\s+)?"
    # "§Israel§ joined the §EU§'s §Horizon Europe§ programme": the possessor only qualifies the group
    r"(?:§\d+§['’]s?\s+)?§(\d+)§"
)
_PROGRAMME_OF = re.compile(
    rf"{ENT}\s+(?:initiative|programme|program|project|scheme)?\s*(?:of|within|under)\s+the\s+{ENT}"
)
_UNDER = re.compile(rf"{ENT}\s+under\s+the\s+{ENT}")
_PARTICIPATES = re.compile(
    rf"{ENT}\s+(?:have\s+|has\s+|had\s+)?(?:won|wins|win|entered|enters|participated\s+in|participates\s+in|took\s+part\s+in|takes\s+part\s+in|competed\s+in|competes\s+in)\s+(?:the\s+|a\s+)?{ENT}"
)


def membership_facts(v: SentView, m: str) -> Iterator[Fact]:
    for x in _MEMBER_OF.finditer(m):
        a, b, word = int(x.group(1)), int(x.group(3)), x.group(2)
        if _MODIFIER_OF.search(m, max(0, x.start() - 40), x.start()):
            continue  # "the board members of §a§ are part of §b§": §a§ is not the subject
        to = _GROUP_TYPES if word.startswith("partner") else _MEMBER_TYPES
        if word.startswith(("finalist", "winner", "laureate")):
            to = _PROGRAMS  # the winner of a company's prize is not its member
        yield from _part(v, a, b, "member-of", 0.9, to)
    yield from _listed_members(v, m)
    for x in _PART_OF_APPOSED.finditer(m):
        a, b = int(x.group(1)), int(x.group(3))
        if x.group(2) and (v.type(a) not in ORGS or v.type(b) not in _ORG_TYPES):
            continue  # "funding from §A§, as part of the §programme§": the money is part of it, not §A§
        yield from _part(v, a, b, "part-of-apposed", 0.8)
    for x in _FORMS_PART.finditer(m) if "form" in m else ():
        yield from _part(v, int(x.group(1)), int(x.group(2)), "forms-part-of", 0.8)
    yield from _structure_facts(v, m)
    for x in _JOINS.finditer(m):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, _JOINABLE) and v.type(a) is not E.PERSON:
                yield _f(v, a, R.PART_OF, b, "joins", 0.8)
    for x in _PROGRAMME_OF.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b) and v.type(a) is E.PROGRAM and v.type(b) is E.PROGRAM:
            yield _f(v, a, R.PART_OF, b, "programme-of", 0.8)
    for x in _UNDER.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, ORGS) and v.type(a) in ORGS:
            yield _f(v, a, R.PART_OF, b, "under", 0.8)
    for x in _PARTICIPATES.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, {E.PROGRAM}) and v.type(a) in ORGS:
            yield _f(v, a, R.PART_OF, b, "participates-in", 0.7)


#: What an organisation can lead: programmes, bodies, clusters; a person can lead any organisation.
_LED_BY_ORG = frozenset({E.PROGRAM, E.GOVERNMENT_BODY, E.CLUSTER, E.RESEARCH_INSTITUTE})
_LED_BY_PERSON = frozenset(ORGS | {E.PROGRAM})


#: "§p§ of §org§ leads ...": the person, not their organisation, is the subject.
_OWNER_OF = re.compile(r"§(\d+)§\s+(?:of|at|from)\s+(?:the\s+)?$")


def _leader(v: SentView, m: str, a: int, at: int) -> int:
    """The subject of a leading verb: the person whose organisation ``a`` is, if one is named."""
    own = _OWNER_OF.search(m, max(0, at - 40), at)
    if own and v.type(own.group(1)) is E.PERSON:
        return int(own.group(1))
    return a


def _may_lead(v: SentView, a: int, b: int) -> bool:
    if a == b:
        return False
    if v.type(a) is E.PERSON:
        return v.type(b) in _LED_BY_PERSON
    return v.type(a) in _ACTORS and v.type(b) in _LED_BY_ORG


#: A title before the leader's name: "chaired by Dr. Ana Berg".
#: Passive leadership: "§b§ is chaired by §a§", "§b§, which is led by executive director §a§",
#: "§b§, coordinated by §a§ and §c§", "the §b§ will be led by §a§", "§b§ is delivered by §a§".
_LED_BY = re.compile(
    rf"{ENT}(?:,?\s+(?:which|that|who)\s+(?:(?:is|was|will|be|has|have|been|are|were|currently|now|also|jointly)\s+)+"
    r"|\s+(?:(?:is|was|will|be|has|have|been|are|were|currently|now|also|jointly)\s+)+|(?:,|\s+[–—-])\s+(?:(?:currently|now|also|jointly)\s+)?)"
    r"(led|headed|chaired|co-chaired|co-led|coordinated|steered|directed|overseen|spearheaded|run|managed|administered|"
    r"delivered|operated|implemented|convened)(?:\s+and\s+(?:led|headed|run|managed|operated|coordinated))?\s+by\s+"
    rf"(?:(?:its|the|their|a)\s+)?((?:(?i:{ROLE_WORDS})\s+){{0,3}}){HONORIFIC}({LIST})"
)
#: "the §b§ project, which is worth $40m and is led by the §a§": a relative clause after other facts.
_WHICH_LED_BY = re.compile(
    rf"{ENT}(?:\s+(?:project|programme|program|initiative|scheme|fund|mission|plan|strategy|consortium|network))?,?\s+"
    r"(?:which|that)\s+[^§;]{0,80}?\band\s+(?:is|was|will\s+be|has\s+been)\s+(?:jointly\s+|also\s+)?"
    r"(?:led|headed|chaired|coordinated|run|managed|overseen|administered|operated)\s+by\s+(?:the\s+)?"
    rf"{ENT}"
)
#: Verbs of running that only say who leads when the thing run is a programme or fund.
_RUN_ONLY = frozenset({"run", "managed", "administered", "delivered", "operated", "implemented", "convened"})
_RUN_TARGETS = frozenset({E.PROGRAM, E.CLUSTER, E.RESEARCH_INSTITUTE})
#: "the §fund§ managed by §a§", "the §programme§ run by §a§": a participle right after the name.
_MANAGED_BY = re.compile(
    r"§(\d+)§\s+(?:led|headed|chaired|coordinated|steered|directed|overseen|run|managed|administered|delivered|operated|convened)"
    rf"\s+by\s+(?:(?:its|the|their)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}{ENT}"
)
#: "This initiative will be led by §a§ and §b§": the programme in focus.
_THIS_LED_BY = re.compile(
    # "Currently, the mission is being implemented by §a§": an adverb may open the sentence
    r"^\s*(?:(?:Currently|Today|Now|Since\s+\d{4}|In\s+\d{4}|At\s+present|So\s+far),\s+)?"
    r"(?:This|The|That|this|the|that)\s+(?:new\s+|joint\s+|national\s+)?(?:initiative|programme|program|project|call|scheme|fund|effort|"
    r"consortium|partnership|challenge|competition|centre|center|hub|strategy|plan|mission)\s+"
    r"(?:(?:will|is|was|has|have|had|be|been|being|to|jointly|also|currently)\s+)+"
    r"(?:led|headed|chaired|co-chaired|co-led|coordinated|steered|directed|overseen|spearheaded|run|managed|administered|delivered|operated|implemented)"
    # "by the technology innovation hub (§TIH§)": a description with the name in brackets
    rf"\s+by\s+(?:(?:its|the|their)\s+)?(?:(?:[a-z][\w-]*\s+){{1,4}}\((?=§))?({LIST})"
)


#: "Headed and operated by §a§, the §b§ ..." / "Led by §a§, the §b§ programme ...".
_LED_BY_FRONT = re.compile(
    r"^\s*(?:Led|Headed|Chaired|Co-chaired|Coordinated|Steered|Directed|Overseen|Spearheaded|Run|Managed|Operated)"
    rf"(?:\s+and\s+\w+)?\s+by\s+(?:(?:its|the)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}({LIST}),\s+(?:the\s+)?{ENT}"
)
#: "§b§, under the leadership of §a§" / "§b§ is under the direction of §a§".
_UNDER_LEADERSHIP = re.compile(
    rf"{ENT},?\s+(?:(?:is|was|will|be|are|were|now)\s+)*under\s+the\s+(?:leadership|direction|chairmanship|stewardship|coordination)\s+of\s+"
    rf"(?:(?:its|the)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}({LIST})"
)
#: A job title in "led by executive director §p§" (also an affiliation), not a chair or a title.
_JOB_ROLE = re.compile(
    r"(?i)(?!(?:co-?|vice[\s-]|deputy\s|prime\s)?(?:chair|head|leader|professor|minister|secretary|ambassador|governor|mayor|"
    r"premier|senator|president)\b)\w"
)
#: Money words: "funding for §a§ was led by §b§" is a funding round, not leadership.
_FUNDED_BEFORE = re.compile(r"\b(?:for|in|into|round|funding|financing)\s+(?:the\s+)?$", re.I)


def _passive_leads(v: SentView, m: str) -> Iterator[Fact]:
    for x in _LED_BY.finditer(m):
        b, verb, role = int(x.group(1)), x.group(2), x.group(3)
        if _FUNDED_BEFORE.search(m, max(0, x.start() - 30), x.start()):
            continue
        for a in ids_in(x.group(4)):
            if verb in _RUN_ONLY and v.type(b) not in _RUN_TARGETS:
                continue
            if _may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "led-by", 0.8)
                if v.type(a) is E.PERSON and _JOB_ROLE.match(role):
                    yield _f(v, a, R.AFFILIATED_WITH, b, "led-by-role", 0.7)
    for x in _MANAGED_BY.finditer(m):
        b = int(x.group(1))
        if v.type(b) in _GROUP_TYPES and not _FUNDED_BEFORE.search(m, max(0, x.start() - 30), x.start()):
            a = int(x.group(2))
            if _may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "managed-by", 0.7)
    for x in _WHICH_LED_BY.finditer(m):
        b, a = int(x.group(1)), int(x.group(2))
        if v.type(b) in _RUN_TARGETS | {E.GOVERNMENT_BODY} and _may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "which-led-by", 0.8)
    for x in _LED_BY_FRONT.finditer(m):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "led-by-front", 0.8)
    for x in _UNDER_LEADERSHIP.finditer(m):
        b = int(x.group(1))
        for a in ids_in(x.group(2)):
            if _may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "under-leadership", 0.8)


#: "§a§ leads the §b§", "§a§ and §c§ are jointly leading the §b§" (the subject list right before the verb).
_LEADS = re.compile(
    rf"({LIST})(?:,\s+(?:which|who)|\s+which)?\s+(?:(?:is|are|was|were|will|be|has|have|been|also|currently|now|jointly)\s+)*"
    rf"{_LEAD_VERB}\s+(?:the\s+|this\s+|an?\s+|its\s+)?(?:(?!by\b)[\w-]+\s+){{0,2}}?{ENT}(?!'s?\s)"
)


#: "§a§ is the lead partner of §b§", "§a§ will serve as the lead institution for §b§", "§a§, the coordinator of §b§".
_LEAD_ROLE = re.compile(
    r"§(\d+)§(?:,\s+|\s+(?:(?:is|was|will\s+be|has\s+been|had\s+been|remains|serves\s+as|served\s+as|will\s+serve\s+as|"
    r"acts\s+as|will\s+act\s+as|was\s+named|has\s+been\s+named)\s+))(?:the\s+|a\s+|its\s+)?"
    r"(?:lead\s+(?:partner|institution|organi[sz]ation|university|agency|member|applicant|entity)|coordinator|coordinating\s+"
    r"(?:partner|institution|organi[sz]ation|body))\s+(?:of|for|on)\s+(?:the\s+)?§(\d+)§"
)
#: "§a§ will receive a grant from §F§ to establish and lead a new §b§": the subject opening the sentence.
_TO_LEAD = re.compile(
    r"^\s*(?:The\s+)?§(\d+)§\s+(?:(?:has|have|had|will|would|also|is|are)\s+)*"
    # the subject receives the money ("was awarded"), not gives it ("has awarded", "has chosen X to lead")
    r"(?:receive[sd]?|receiving|won|wins|win|secured?|secures|(?:was|were|been)\s+(?:awarded|granted|given))\b"
    r"[^.;]{0,120}?\bto\s+(?:(?:establish|create|build|launch|set\s+up|found|form)\s+and\s+)?(?:lead|head|run|direct)\s+"
    r"(?:a|an|the|its)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?§(\d+)§"
)
#: "The Commission has chosen research institute §a§ to lead its §b§", "§a§ was selected to coordinate the §b§".
_CHOSEN_TO_LEAD = re.compile(
    r"\b(?:chosen|chose|selected|selects|select|picked|tapped|appointed|named|designated|commissioned|mandated)\s+"
    rf"(?:(?:the|its|their)\s+)?(?:(?!to\b)[\w-]+\s+){{0,3}}?({LIST})\s+"
    r"(?:as\s+(?:the\s+)?(?:lead|leader|coordinator)\s+(?:of|for)|to\s+(?:lead|head|coordinate|run|chair|steer|spearhead|manage|direct))\s+"
    rf"(?:the\s+|its\s+|their\s+)?(?:(?!by\b)[\w-]+\s+){{0,2}}?{ENT}"
    rf"|({LIST})\s+(?:(?:has|have|had|was|were|is|are|been|be|will|also)\s+)+"
    r"(?:chosen|selected|picked|tapped|appointed|named|designated|commissioned|mandated)\s+"
    r"(?:as\s+(?:the\s+)?(?:lead|leader|coordinator)\s+(?:of|for)|to\s+(?:lead|head|coordinate|run|chair|steer|spearhead|manage|direct))\s+"
    rf"(?:the\s+|its\s+|their\s+)?(?:(?!by\b)[\w-]+\s+){{0,2}}?{ENT}"
)


def leadership_facts(v: SentView, m: str, recent_program: str | None) -> Iterator[Fact]:
    for x in _LEADS.finditer(m):
        # "§A§ and §B§ are leading the §X§": every coordinated subject leads
        subjects, b = ids_in(x.group(1)), int(x.group(2))
        if len(subjects) > 1 and " and " in x.group(1):
            # "In §Lyon§, §A§ and §B§ lead ...": a place before organisations is no subject
            if any(v.type(a) not in PLACES for a in subjects):
                subjects = [a for a in subjects if v.type(a) not in PLACES]
        else:
            subjects = [_leader(v, m, subjects[-1], x.start(1) + x.group(1).rfind("§", 0, -1))]
        for a in subjects:
            if _may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "leads", 0.8)
    yield from _passive_leads(v, m)
    for x in _LEAD_ROLE.finditer(m):
        # "§a§ is the lead partner of the §b§", "§a§ will serve as the coordinator of §b§"
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(a) in ORGS and _may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "lead-role-of", 0.8)
    for x in _TO_LEAD.finditer(m) if " lead" in m or " head" in m else ():
        # "§a§ will receive a $26m grant from §F§ to establish and lead a new §b§": the subject leads
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(a) in ORGS and _may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "funded-to-lead", 0.7)
    for x in _CHOSEN_TO_LEAD.finditer(m):
        b = int(x.group(2) or x.group(4))
        for a in ids_in(x.group(1) or x.group(3)):
            if v.type(a) is not E.PERSON and _may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "chosen-to-lead", 0.8)
    if recent_program is not None:
        this = _THIS_LED_BY.match(m)
        if this:
            for a in ids_in(this.group(1)):
                if v.type(a) in _ACTORS and v.id(a) != recent_program:
                    yield Fact(v.id(a), R.LEADS, recent_program, "this-led-by", 0.7)
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


def apposition_facts(v: SentView) -> Iterator[Fact]:
    """Leadership said inside an apposition that folded into its head before the rules ran:
    "COFIDES, the §fund§ managed by §a§, ...", "§a§, the venture arm of the conglomerate §b§, ..."."""
    unfolded = v.memo.get(UNFOLDED)
    if not isinstance(unfolded, str):
        unfolded = v.masked
    low = unfolded.lower()
    if unfolded != v.masked and gate(low, LEAD_GATE):
        yield from _passive_leads(v, unfolded)
    if unfolded != v.masked and gate(low, _GROUP_GATE):
        yield from _group_of(v, unfolded)
    if unfolded.count("§") >= 4 and "-led" in unfolded:
        # "the §a§-led §b§", "§b§, a §a§-led partnership": the modifier leads
        for x in _HYPHEN_LED.finditer(unfolded):
            a, b = int(x.group(1) or x.group(4)), int(x.group(2) or x.group(3))
            if v.type(a) in ORGS and _may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "hyphen-led", 0.8)
    if unfolded.count("§") >= 4 and gate(low, _ARM_GATE):
        for x in _ARM_APPOSED.finditer(unfolded):
            yield from _part(v, int(x.group(1)), int(x.group(2)), "arm-apposed", 0.8, _ORG_TYPES)
        for x in _OWNED_APPOSED.finditer(unfolded):
            yield from _part(v, int(x.group(1)), int(x.group(2)), "arm-apposed", 0.8, _ORG_TYPES)


#: "the §a§-led §b§ consortium", "§b§, a §a§-led partnership of ...": a leader named as a modifier.
_HYPHEN_LED = re.compile(
    r"§(\d+)§-(?:led|co-led|headed|run|coordinated)\s+(?:[a-z][\w-]*\s+){0,3}?§(\d+)§"
    r"|§(\d+)§,\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,2}?§(\d+)§-(?:led|co-led|headed|run|coordinated)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:partnership|consortium|alliance|network|hub|project|programme|program|initiative|collaboration|centre|center|group)\b"
)


#: A group named by a description instead of its name: "the consortium", "this group", "the network".
_GROUP_WORD = (
    r"(?:the|this|that|its)\s+(?:new\s+|same\s+)?"
    r"(group|consortium|alliance|network|hub|coalition|association|council|exchange|initiative|programme|program|"
    r"mission|partnership|cluster|competition|challenge)"
)
#: The description's head gives the type of the group it may stand for.
_PROGRAM_WORDS = frozenset({"initiative", "programme", "program", "mission", "competition", "challenge"})
#: Descriptions that may stand for a group of members or for the project (named so) they carry out.
_EITHER_GROUP = frozenset({"consortium", "partnership", "group"})
#: Members of a group met earlier, listed against its description: "Founding members of the
#: consortium include §a§, §b§", "§a§ and §b§ are also the group's members", "The first members of
#: the network are: §a§ ...", "The winning companies are: §a§, §b§".
_REFERRED_MEMBERS = re.compile(
    rf"\b(?i:(?:founding|first|initial|new|current|other|core)\s+)?(?i:members|partners|participants)\s+of\s+{_GROUP_WORD}\s+"
    rf"(?:(?:also|now)\s+)?(?:include|includes|included|are|were|comprise)\s*:?\s+({MEMBERS})"
    rf"|({LIST})\s+(?:are|were|have\s+become|became|will\s+be)\s+(?:(?:now|also|all|both)\s+)*(?:among\s+)?"
    rf"(?:{_GROUP_WORD}['’]s\s+(?:[\w-]+\s+)?(?:members|partners|participants)"
    rf"|(?:the\s+)?(?:[\w-]+\s+)?(?:members|partners|participants)\s+of\s+{_GROUP_WORD})\b"
    rf"|\b(?i:the\s+)(?i:winning|successful|selected)\s+(?:companies|teams|firms|projects|applicants|bids)\s+"
    rf"(?:are|were|include|included)\s*:?\s+({LIST})"
    # "The partnership, which includes §a§, §b§ and the city of §c§, ...": the description heads the list
    r"|\b(?i:the|this|that)\s+(?:new\s+)?(group|consortium|alliance|network|hub|coalition|association|partnership|"
    r"cluster|initiative|programme|program|platform|federation)(?:,\s+(?:which|that)|\s+(?:now|also|currently))?\s+"
    r"(?:includes|included|comprises|comprised|counts|unites|gathers|consists\s+of|is\s+(?:made\s+up|composed)\s+of|brings\s+together)\s+"
    # "... consists of nine partners: §a§, §b§", "... includes members such as §a§"
    r"(?:(?:members|partners)\s+(?:such\s+as|like|including)\s+"
    r"|(?:[\w-]+\s+){0,2}?(?:members|partners|participants|institutions|organi[sz]ations|universities|companies)\s*:\s*)?"
    rf"({MEMBERS})"
    # "The new members include §a§, §b§", "The other original participants include ...": of the group in focus
    # "These new industry partners are ...", "The three other new partners include ..."
    r"|^\s*(?i:the|its|these|those|their)\s+(?:(?i:new|founding|first|initial|other|original|current|latest|additional|"
    r"industry|industrial|corporate|academic|research|international|government|key|core|full|associate|\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|remaining|consortium|project|alliance|network|programme|program|hub)\s+)*"
    rf"(?i:members|partners|participants)\s+(?:include|includes|included|are|were)\s*:?\s+({MEMBERS})"
)
_REFERRED_GATE = (
    "members",
    "partners",
    "participants",
    "winning",
    "successful",
    "selected",
    "includes",
    "included",
    "compris",
    "counts",
    "unites",
    "gathers",
    "consists",
    "made up",
    "composed of",
    "brings together",
)
#: "The first members who are setting up offices in this building are §a§, §b§": a group's first
#: members, the group itself left to the context.
_FIRST_MEMBERS = re.compile(
    r"\b(?i:the\s+)(?i:first|founding|initial|inaugural)\s+(?:members|partners|tenants|residents)\s+"
    rf"(?:(?:who|that)\s+[^§.;]{{0,80}}?\s+)?(?:are|were|include|included)\s*:?\s+(?:[^§.;,]{{1,20}},\s+)?({LIST})"
)
#: The same introductions closing a sentence before a bulleted list: "The winning companies are:".
_LIST_FOLLOWS = re.compile(
    r"\b(?i:the\s+)(?:(winning|successful|selected)\s+(?:companies|teams|firms|projects|applicants)"
    r"|(?:first|founding|initial|new)\s+(?:members|partners))\s+(?:are|were|include)\s*:\s*$"
    # "Its members are:", "The consortium members include:", "The consortium comprises:"
    r"|^\s*(?i:its|their|the)\s+(?:(?:current|other|core|full|consortium|alliance|network|hub|cluster)\s+)?"
    r"(?:members|partners|participants)\s+(?:are|were|include|includes)\s*:\s*$"
    r"|^\s*(?i:the|this)\s+(?:consortium|alliance|network|hub|cluster|coalition)\s+(?:comprises|includes|consists\s+of|brings\s+together)\s*:\s*$"
    # "The new schools joining the alliance are:", "The companies taking part in the network include:"
    r"|^\s*(?i:the|its|our)\s+(?:[\w-]+\s+){0,2}?(?:schools|universities|institutions|companies|organi[sz]ations|firms|"
    r"start-?ups|members|partners)\s+(?:joining|in|of|taking\s+part\s+in|participating\s+in)\s+(?:the|this|our)\s+"
    r"(?:[\w-]+\s+)?(?:alliance|consortium|network|hub|cluster|coalition|association)\s+(?:are|were|include|includes)\s*:\s*$"
)
#: "Members of the §G§ include:", "§G§'s founding partners are:" closing a sentence before a bulleted list.
_NAMED_LIST_FOLLOWS = re.compile(
    r"\b(?i:members|partners|participants)\s+of\s+(?:the\s+)?§(\d+)§\s+(?:include|includes|are|were)\s*:\s*$"
    r"|§(\d+)§['’]s?\s+(?:(?:[\w-]+\s+)?(?:members|partners|participants))\s+(?:include|includes|are|were)\s*:\s*$"
)
#: A line opening with a bullet mark.
_BULLET_MARK = re.compile(r"^\s*[•·*▪◦‣–-]\s*\S")
#: A bulleted or one-item line: "• Orbion, Lyon".
_BULLET = re.compile(r"^\s*(?:[•·*▪◦‣–-]\s*)?§(\d+)§(?:,\s+(?:§\d+§|[^§,;.]{1,40}))?\s*[.;,]?\s*$")
#: Names of contests: what "the winning companies" won.
_CONTEST = re.compile(r"(?i:competition|challenge|prize|contest|call|award)")
#: "§G§ (or: the new Hub) brings together the expertise of 12 universities (§a§, §b§), two
#: laboratories – §c§ and §d§ – and 40 partners to ...": every organisation named before the
#: purpose clause is a member.
BRINGS_TOGETHER = re.compile(
    r"(?:§(\d+)§|\b(?i:the\s+(?:new\s+)?(hub|consortium|network|alliance|cluster|centre|center|project|programme|"
    r"initiative|partnership)))\s+(?:brings|brought|will\s+bring|bring)\s+together\s+([^.;]*?)"
    r"(?=\s+to\s+(?!§)[a-z]+\b|[.;]|$)"
)


def brought_together(v: SentView, x: re.Match[str]) -> list[int]:
    """The organisations a "brings together" phrase names (no places, people or technologies)."""
    return [i for i in ids_in(x.group(3)) if v.type(i) in ORGS and v.type(i) is not E.CLUSTER]


#: "Led by §a§ and supported by £42M of §b§ funding, the new Hub ...": a leader and a funder of
#: the group the description stands for.
_LED_FRONT_DESCRIBED = re.compile(
    rf"^\s*(?:Led|Headed|Coordinated|Chaired)\s+by\s+({LIST})(?:\s+and\s+(?:supported|funded|backed)\s+by\s+"
    r"([^,;]{0,120}?))?,\s+the\s+(?:new\s+)?(hub|consortium|network|alliance|cluster|centre|center|project|"
    r"programme|initiative|partnership)\b",
    re.I,
)


#: "The alliance is led by §a§", "This consortium will be coordinated by §a§ and §b§".
_DESCRIBED_LED_BY = re.compile(
    r"^\s*(?:The|This|Its)\s+(?:new\s+)?(alliance|consortium|hub|network|coalition|cluster|partnership|association|"
    r"initiative|programme|program|mission)\s+(?:(?:is|was|will|be|has|have|been|are|currently|jointly|also)\s+)+"
    rf"(?:led|headed|chaired|co-chaired|co-led|coordinated|steered|run|managed)\s+by\s+(?:the\s+)?({LIST})"
)
#: A sentence naming a group by its description keeps that group in focus.
_REFERS_TO_GROUP = re.compile(
    r"\b(?i:the|this|that|its)\s+(?:new\s+)?(alliance|consortium|network|coalition|cluster|association|organi[sz]ation|"
    r"group|initiative|programme|program)\b"
)


def _unfolded(v: SentView) -> str:
    """The masked sentence before appositions folded: a member list keeps every member
    ("the consortium includes §a§ (§b§), the chipmaker §c§, ...")."""
    text = v.memo.get(UNFOLDED)
    return text if isinstance(text, str) else v.masked


#: How many sentences back the group may have been named.
_GROUP_WINDOW = 4


def referred_group_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """PART_OF for members listed against a group's description, to the group named last.

    "Quantix Alliance was launched on Monday. Founding members of the consortium include Sanko
    and Hanbit." gives ``Sanko PART_OF Quantix Alliance``: the group is the latest cluster or
    programme named in the last few sentences (a programme for "the winning companies").
    When none is, or the listed members are the only candidates, nothing is produced.
    """
    out: list[tuple[int, Fact]] = []
    recent: dict[EntityType, tuple[int, str]] = {}
    contest: tuple[int, str] | None = None  # the latest programme named as a competition
    described: tuple[int, str] | None = None  # the latest organisation said to bring others together

    def group_of(k: int, kinds: tuple[EntityType, ...]) -> str | None:
        named = [recent[t] for t in kinds if t in recent and k - recent[t][0] <= _GROUP_WINDOW]
        return max(named)[1] if named else None

    def add(k: int, v: SentView, listed: list[int], group: str) -> None:
        for a in listed:
            if v.type(a) in _MEMBER_TYPES and v.id(a) != group:
                out.append((k, Fact(v.id(a), R.PART_OF, group, "referred-group-members", 0.7)))

    for k, v in enumerate(views):
        m = v.masked
        intro = _LIST_FOLLOWS.search(v.sent.text) if ":" in m else None
        named_intro = _NAMED_LIST_FOLLOWS.search(m) if intro is None and ":" in m else None
        if intro is not None or named_intro is not None:
            if named_intro is not None:
                g = int(named_intro.group(1) or named_intro.group(2))
                group = v.id(g) if v.type(g) in _GROUP_TYPES else None
            elif intro is not None:
                group = group_of(k, (E.PROGRAM,) if intro.group(1) else (E.CLUSTER,))
                if intro.group(1) and contest is not None and k - contest[0] <= 2 * _GROUP_WINDOW:
                    group = contest[1]
            for j in range(k + 1, min(len(views), k + 41)):
                item = _BULLET.match(views[j].masked)
                if item is None:
                    if _BULLET_MARK.match(views[j].sent.text):
                        continue  # "• The Coding School": a listed name the mentions did not catch
                    break
                if group is not None:
                    add(j, views[j], [int(item.group(1))], group)
        for x in _LED_FRONT_DESCRIBED.finditer(m) if "§" in m else ():
            named = group_of(k, (E.PROGRAM,) if x.group(3).lower() in _PROGRAM_WORDS else (E.CLUSTER,))
            if named is None:
                continue
            for a in ids_in(x.group(1)):
                if v.type(a) in ORGS | {E.PERSON} and v.id(a) != named:
                    out.append((k, Fact(v.id(a), R.LEADS, named, "led-by-front-described", 0.7)))
            for a in (
                ids_in(x.group(2) or "")
                if re.search(r"\b(?:funding|grant|investment)", x.group(2) or "")
                else ()
            ):
                if v.type(a) in ORGS and v.id(a) != named:
                    out.append((k, Fact(v.id(a), R.INVESTS_IN, named, "supported-by-funding", 0.7)))
        for x in BRINGS_TOGETHER.finditer(m) if "together" in m else ():
            if x.group(1) is not None:
                host = v.id(x.group(1)) if v.type(x.group(1)) in _GROUP_TYPES else None
            else:
                host = group_of(k, (E.PROGRAM,) if x.group(2).lower() in _PROGRAM_WORDS else (E.CLUSTER,))
            if host is not None:
                add(k, v, brought_together(v, x), host)
        for x in _FIRST_MEMBERS.finditer(m) if "§" in m else ():
            group = group_of(k, (E.CLUSTER,))
            if group is not None:
                add(k, v, ids_in(x.group(1)), group)
        for x in BRINGS_TOGETHER.finditer(m) if "together" in m else ():
            # "§QUORUM§ brings together eight organisations": whatever its type, the group in focus
            if x.group(1) is not None and v.type(x.group(1)) in ORGS - {E.CLUSTER}:
                described = (k, v.id(x.group(1)))
        whole = _unfolded(v)
        if "§" in m and gate(whole.lower(), _REFERRED_GATE):
            for x in _REFERRED_MEMBERS.finditer(whole):
                listed = ids_in(x.group(2) or x.group(3) or x.group(6) or x.group(8) or x.group(9))
                head = x.group(1) or x.group(4) or x.group(5) or x.group(7)
                kinds: tuple[EntityType, ...] = (
                    (E.PROGRAM,) if head is None or head.lower() in _PROGRAM_WORDS else (E.CLUSTER,)
                )
                if x.group(9) is not None:
                    kinds = (E.CLUSTER, E.PROGRAM)  # no head word: the latest group of either kind
                group = group_of(k, kinds)
                if group is None and described is not None and k - described[0] <= 1 and E.CLUSTER in kinds:
                    group = described[1]  # "the consortium" right after "§G§ brings together ..."
                if group is None and (head or "").lower() in _EITHER_GROUP:
                    # a consortium carries out a project (not a whole programme): "the consortium is made up of"
                    project = group_of(k, (E.PROGRAM,))
                    group = project if project is not None and "project" in project else None
                if group is not None:
                    add(k, v, listed, group)
        for x in _DESCRIBED_LED_BY.finditer(m) if "§" in m and " by " in m else ():
            # "The alliance is led by §a§": the leader of the group the description stands for
            led = group_of(k, (E.PROGRAM,) if x.group(1).lower() in _PROGRAM_WORDS else (E.CLUSTER,))
            if led is None:
                continue
            for a in ids_in(x.group(2)):
                if v.type(a) in ORGS and v.id(a) != led:
                    out.append((k, Fact(v.id(a), R.LEADS, led, "described-group-led-by", 0.7)))
        for x in _REFERS_TO_GROUP.finditer(m) if recent else ():
            # "This organization has grown ...", "the alliance": the group stays in focus
            kind = E.PROGRAM if x.group(1).lower() in _PROGRAM_WORDS else E.CLUSTER
            if kind in recent and k - recent[kind][0] <= _GROUP_WINDOW:
                recent[kind] = (k, recent[kind][1])
        for i in v.indices(lambda t: t in _GROUP_TYPES):
            recent[v.type(i)] = (k, v.id(i))
            if v.type(i) is E.PROGRAM and _CONTEST.search(v.mentions[i].text):
                contest = (k, v.id(i))
    return out
