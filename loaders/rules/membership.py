"""Membership: PART_OF (members, subsidiaries, joins, participation).

LEADS lives in :mod:`.leadership` and groups named by a description in :mod:`.group_refs`; both
are re-exported here for the callers that read them from this module.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import (
    ENT,
    GROUPS,
    LIST,
    MODIFIER,
    ORGS,
    PLACES,
    UNFOLDED,
    Fact,
    SentView,
    ids_in,
    modifiers_ok,
)
from . import fastre as re
from .group_refs import BRINGS_TOGETHER, brought_together, referred_group_facts
from .leadership import LEAD_GATE, leadership_facts, may_lead, passive_leads
from .literals import compile_gated
from .member_lists import MEMBERS, QUALIFIES_SUBJECT
from .rule import f as _f
from .rule import gate
from .rule import ok as _ok
from .words import may_hold

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


MEMBER_GATE = (
    "member",
    "centre",
    "center",
    "institute",
    "school",
    "department",
    "faculty",
    "college",
    "branch",
    "involvement",
    "accession",
    "admission",
    "entry",
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


#: Members and parts: what can belong, and what can be belonged to.
_MEMBER_TYPES = frozenset(ORGS | {E.PROGRAM})
_ORG_TYPES = frozenset(ORGS)
_PROGRAMS = frozenset({E.PROGRAM})
#: A partner "of" a company is a partner, not a part; of a consortium or programme it is a member.
_BE = (
    r"(?:is|are|was|were|has\s+become|have\s+become|had\s+become|became|becomes|become|will\s+become|will\s+be|remains|remain|"
    r"has\s+been|have\s+been|had\s+been|operates\s+as|operated\s+as|functions\s+as|serves\s+as|joined\s+as)"
)

#: "§a§ is (now) a founding member of §b§", "§a§ became part of §b§", "§a§ is a wholly owned subsidiary of §b§".
_MEMBER_OF = compile_gated(
    # "the §Qu-Fleet§ programme is part of ...": the subject's kind noun after its name
    rf"{ENT}(?:\s+(?:programme|program|project|initiative|network|consortium|alliance|hub|centre|center|lab|unit))?"
    rf"(?:,\s+(?:established|founded|based|headquartered|created)\s+[^,;]{{0,60}},)?\s+{_BE}\s+(?:(?:now|also|already|officially|formally)\s+)?(?:(?:a|an|the)\s+)?(?:{MODIFIER}\s+){{0,3}}?"
    r"(member|members|part|partner|partners|subsidiary|division|unit|arm|affiliate|"
    r"participant|participants|constituent|component|finalist|finalists|winner|winners|laureate)\s+"
    # "part of the §EU§'s €1 billion §Quantum Flagship§": the possessor and an amount only qualify the group
    rf"(?:of|on|in|to|from|within)\s+(?:the\s+)?(?:§\d+§['’]s?\s+(?:[^\s§]+\s+){{0,3}}?)?"
    # "a partner in the §EU§ project §G§", "part of the national programme §G§": the group's noun before its name
    r"(?:(?:(?:§\d+§(?:-[a-z]+)?|[a-z][\w-]*)\s+){0,3}?(?:programme|program|project|initiative|consortium|alliance|"
    rf"coalition|hub|cluster|testbed|mission|strategy)\s+)?{ENT}"
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
#: Its verbs, each a whole run of letters between spaces (for :func:`.words.may_hold`).
_TAKE_PART_WORDS = frozenset(
    {"participate", "participating", "participated", "join", "joining", "joined", "take", "taking", "took"}
)
#: "§a§ and §c§ are among the members of §b§" / "§a§ is one of the five partners of §b§".
_AMONG = compile_gated(
    rf"({LIST})\s+(?:is|are|was|were|has\s+been|have\s+been|became|become|will\s+be)\s+(?:(?:now|also)\s+)?"
    r"(?:among|one\s+of|two\s+of|three\s+of|some\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:members|partners|participants|shareholders|subsidiaries|units|institutions|winners|finalists|awardees|"
    r"companies|firms|organi[sz]ations|universities|start-?ups|founders|co-founders|hubs|centres|centers|nodes|"
    r"projects|consortia)\s+"
    # "... partners in the §EU§-funded §b§", "... companies selected for the §b§", "... hubs set up under §b§"
    r"(?:of|in|(?:selected|chosen|picked)\s+(?:for|to\s+join)|(?:established|set\s+up|created|funded|supported|"
    r"launched)\s+(?:under|by|through|as\s+part\s+of))\s+(?:the\s+|an?\s+)?(?:§\d+§-(?:funded|backed|led)\s+)?"
    rf"{ENT}"
)
#: "§a§ is one of §b§'s founding members", "§a§ is one of its members" ("its" marked as the group): the
#: group named by its possessive.
_AMONG_POSSESSED = compile_gated(
    rf"({LIST})\s+(?:is|are|was|were|has\s+been|have\s+been|became|become|will\s+be)\s+(?:(?:now|also)\s+)?"
    r"(?:among|one\s+of|two\s+of|three\s+of|some\s+of)\s+§(\d+)§(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:members|participants|member\s+(?:companies|firms|organi[sz]ations|institutions|universities))\b"
)
#: "Both §a§ and §c§ are key partners in §b§" / "§a§ and §c§ are also §b§'s members": a list of
#: subjects stated to be members of one group.
_LIST_ARE_MEMBERS = compile_gated(
    rf"(?:\b[Bb]oth\s+)?({LIST})\s+(?:are|were|have\s+been|have\s+become|became|will\s+be|remain)\s+"
    r"(?:(?:now|also|already|all|both|officially|formally)\s+)*(?:(?:the|among\s+the)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:members|partners|participants|constituents)\s+(?:of|in|within)\s+(?:the\s+)?"
    rf"{ENT}|{ENT}['’]s?\s+(?:[\w-]+\s+)?(?:members|partners|participants|subsidiaries)\b"
    # "§a§ and §c§ are part of §b§" (each is, whatever kind of organisation §b§ is); a possessor only
    # qualifies the whole: "are part of the §EU§'s §b§"
    rf"|part\s+of\s+(?:the\s+)?(?:§\d+§['’]s?\s+)?{ENT}(?!['’]s?\s))"
)
#: "§b§'s members include §a§ and §c§" / "members of §b§ include ..." / "§b§ brings together §a§, §c§".
_MEMBER_LIST = compile_gated(
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
_GROUP_OF = compile_gated(
    rf"{ENT},?\s+(?:(?:is|was|remains|has\s+become|became)\s+)?(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:alliance|consortium|coalition|network|partnership|association|federation|collective|grouping)\s+"
    rf"(?:of|between|among)\s+(?:the\s+)?({MEMBERS})"
    # "the trilateral §b§ partnership between §a§, §c§ and §d§": the group named before its kind
    rf"|{ENT}\s+(?:alliance|consortium|coalition|partnership|pact)\s+(?:between|among)\s+(?:the\s+)?({LIST})"
    rf"|\b(?i:among)\s+(?:the\s+)?{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}?(?:members|partners|participants)\s+(?:are|is|were)\s+"
    rf"((?:[^§.;]{{0,60}}?){LIST})"
)


#: "§a§, §c§ and §d§ make up the §b§ (steering committee)" / "... form the founding members of §b§".
_MAKE_UP = compile_gated(
    rf"({LIST})\s+(?:(?:now|together|jointly|will|also)\s+)*(?:make\s+up|makes\s+up|made\s+up|form|formed|constitute|constituted)\s+"
    rf"(?:the\s+)?(?:(?:founding|core|initial|first)\s+(?:members|partners)\s+of\s+(?:the\s+)?)?{ENT}"
)


#: "... an alliance of §a§ and five other partners in the §city§ region: §c§, §d§ and §e§".
_GROUP_OF_COLON = compile_gated(
    rf"{ENT},?\s+(?:(?:is|was|remains|has\s+become|became)\s+)?(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:alliance|consortium|coalition|network|partnership|association|federation|collective|grouping)\s+of\s+"
    rf"[^:;.]{{0,160}}?:\s*({MEMBERS})"
)


#: "§a§ (a §b§ founding member)" / "§a§ (a member of the §b§)": membership in brackets.
_BRACKETED = compile_gated(
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
_PICKED_FOR = compile_gated(
    r"\b(?:identified|selected|chosen|chose|picked|nominated|named|designated)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:institutes|institutions|universities|companies|organi[sz]ations|partners|members|centres|centers|labs|laboratories)\s*"
    rf"(?:,|:|\s+(?:viz\.?|namely|including|such\s+as|—|–))\s*(?:(?:viz\.?|namely)\s+)?({LIST}),?\s+(?:for|to\s+join|to\s+form|as\s+members\s+of)\s+(?:the\s+)?{ENT}"
)


#: "A, B and C signed an MoU to formally establish the §council§" / "A and B formed the §alliance§":
#: the founders of a group are its first members.
_FOUNDED_GROUP = compile_gated(
    rf"({LIST})\s+(?:[^§.;]{{0,80}}?\s)?(?:to\s+)?(?:(?:formally|jointly|officially)\s+)?"
    r"(?:establish|establishes|established|form|forms|formed|found|founds|founded|set\s+up|sets\s+up|co-found|co-founded|"
    r"launch|launches|launched|co-launched|create|creates|created)\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?:new\s+)?{ENT}"
)


#: "§b§'s quantum division, §a§" / "§b§'s research arm §a§".
_POSS_UNIT = re.compile(
    rf"{ENT}'s?\s+(?:{MODIFIER}\s+){{0,3}}?(?:unit|division|subsidiary|arm|lab|laboratory|labs|affiliate|business|"
    rf"centre|center|institute|school|department|faculty|college|branch)\s*,?\s+(?:the\s+)?{ENT}"
)
#: "§b§ said it is spinning out its quantum group, §a§", "§b§ and its research arm §a§": the owner is the
#: mention "its" refers to, the nearest one before it (no other mention between them).
_ITS_UNIT = re.compile(
    rf"{ENT}[^§]{{0,120}}?\b(?:its|their)\s+(?:(?:[\w-]+|§\d+§)\s+){{0,3}}?"
    r"(?:unit|division|subsidiary|arm|lab|laboratory|labs|affiliate|business|group)\s*,?\s+(?:the\s+)?"
    rf"{ENT}"
)
#: (A spin-out is no part of what it was spun out of: "§a§ was spun out of §b§" names its origin,
#: and the annotators give it no PART_OF: dev2 02, I 01.)
#: Acquisitions make the bought a part of the buyer (README convention): "§b§ acquired §a§",
#: "§a§ was acquired by §b§", "§b§'s acquisition of §a§", "the acquisition of §a§ by §b§".
_BOUGHT = re.compile(
    rf"{ENT}\s+(?:(?:has|have|had|will|recently|also)\s+)*(?:acquired|acquires|acquire|bought|buys|buy|took\s+over|takes\s+over|"
    rf"completed\s+(?:the|its)\s+acquisition\s+of|completes\s+(?:the|its)\s+acquisition\s+of)\s+(?:the\s+)?"
    # "acquired another photonics company, §a§", "bought the software start-up §a§": what was bought described first
    r"(?:(?:another|an?|the)\s+(?:(?!(?:of|in|by|with|and|for|from)\b)(?:[\w-]+|§\d+§)\s+){0,3}?"
    r"(?:company|firm|start-?up|startup|business|maker|developer|specialist|provider|supplier)(?:,\s+|\s+called\s+|\s+))?"
    rf"{ENT}"
    # "acquired §X§'s laser unit", "acquired the §X§ stake": what was bought is not §X§
    r"(?!'|\s+stake)"
    rf"|{ENT}'s?\s+acquisition\s+of\s+(?:the\s+)?{ENT}"
)
#: "§b§ owns §a§", "§a§, which §b§ acquired in 2020, ...": ownership said from the owner's side.
_OWNS = re.compile(
    rf"{ENT}\s+(?:(?:also|now|still|fully|wholly)\s+)*(?:owns|owned)\s+(?:the\s+)?{ENT}(?!['’]s?\s|\s+(?:shares|stock)\b)"
    rf"|{ENT},\s+which\s+(?:the\s+)?{ENT}\s+(?:(?:has|had|also|later)\s+)*(?:acquired|bought|took\s+over|owns|purchased)\b"
    # "§b§-owned §a§", "the §b§-owned research lab §a§": the owner written as a modifier
    rf"|{ENT}[-–](?:owned|controlled)\s+(?:(?!(?:by|and|or|in|of|with)\b)[a-z][\w-]*\s+){{0,3}}{ENT}"
)
_BOUGHT_BY = re.compile(
    # "§a§, now owned by §b§", "§a§, which was later acquired by §b§"
    rf"{ENT},?\s+(?:(?:which|that)\s+)?(?:(?:was|is|has\s+been|had\s+been|were|will\s+be)\s+)?"
    rf"(?:(?:now|later|since|recently|subsequently|eventually)\s+)?(?:acquired|bought|taken\s+over|(?:wholly\s+|fully\s+|majority[\s-])?owned)\s+by\s+(?:the\s+)?{ENT}"
    rf"|\bacquisition\s+of\s+(?:the\s+)?{ENT}\s+by\s+(?:the\s+)?{ENT}"
)


#: "§a§, where §p§ once taught, was set up under the national §b§ programme": a centre or
#: scheme created by a programme is a part of it.
_SET_UP_UNDER = compile_gated(
    rf"{ENT}(?:,[^,;]{{0,160}},|,)?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be)\s+)?"
    r"(?:originally\s+|first\s+|initially\s+)?(?:set\s+up|established|created|founded|launched|formed|started|funded|"
    r"supported|financed)\s+"
    r"(?:in\s+\d{4}\s+)?(?:as\s+part\s+of|under)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w\u2019'-]+\s+){0,3}?"
    rf"{ENT}"
)
#: "§a§, the venture arm of the conglomerate §b§" / "§a§, a growth fund tied to §b§": an arm named
#: in apposition (the verbless twin of "§a§ is a subsidiary of §b§").
_ARM_APPOSED = re.compile(
    rf"{ENT},\s+(?:the|a|an|its)\s+(?:{MODIFIER}\s+){{0,3}}?"
    r"(?:arm|unit|division|subsidiary|affiliate|fund|lab|laboratory|branch)\s+"
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
#: "§a§'s membership of §G§", "the participation of §a§ and §b§ in §G§", "§a§'s accession to §G§":
#: membership said by its noun.
_MEMBERSHIP_NOUN = compile_gated(
    rf"({LIST})'s?\s+(?:(?:new|full|continued|active|formal|recent)\s+)?(?:membership|participation|involvement|accession|admission|entry)\s+"
    rf"(?:in|of|to|into|within)\s+(?:the\s+)?{ENT}"
    rf"|\b(?:membership|participation|involvement|accession|admission|entry)\s+of\s+(?:the\s+)?({LIST})\s+(?:in|to|into)\s+(?:the\s+)?{ENT}"
)
#: "The §G§ programme has selected §a§ and §b§", "§G§ admitted §a§": a group picking its members,
#: said from the group's side (a programme or cluster only: a ministry selecting firms picks contractors).
_GROUP_PICKED = re.compile(
    rf"{ENT}(?:\s+(?:programme|program|initiative|project|scheme|accelerator|incubator|consortium|alliance|network|hub))?"
    r"\s+(?:(?:has|have|had|also|now|recently|today|officially|formally)\s+)*(?:selected|selects|chose|chosen|picked|picks|"
    rf"admitted|admits|accepted|accepts)\s+(?:(?:the|its|their|a|an|new|first)\s+)?(?:[a-z][\w-]*\s+){{0,2}}?({LIST})"
    r"(?!\s+(?:as|to)\s+(?:lead|host|coordinat|run|manag|operat|partner))"
)
_WINNERS = re.compile(
    rf"\b(?i:the\s+)?(?i:winners|finalists|awardees|recipients|selected\s+companies|cohort)\s+(?:of|in|for)\s+(?:the\s+)?{ENT}\s+"
    rf"(?:are|were|include|included|includes)\s*:?\s+({LIST})"
    rf"|{ENT}\s+(?:winners|finalists|awardees|cohort)\s+(?:are|were|include|included|includes)\s*:?\s+({LIST})"
)
_PICKED_GATE = (
    "membership",
    "participation",
    "involvement",
    "accession",
    "admission",
    "entry",
    "chose",
    "picked",
    "picks",
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
    """Units and acquisitions: one organisation becomes a part of another."""
    for x in _POSS_UNIT.finditer(m):
        if modifiers_ok(v, x.group(0), x.group(1), x.group(2)):
            yield from _part(v, int(x.group(2)), int(x.group(1)), "possessive-unit", 0.8)
    for x in _ITS_UNIT.finditer(m) if " its " in m or " their " in m else ():
        yield from _part(v, int(x.group(2)), int(x.group(1)), "its-unit", 0.7, _ORG_TYPES)
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
                (int(x.group(1)), int(x.group(2)))
                if x.group(1)
                else (int(x.group(4)), int(x.group(3)))
                if x.group(3)
                else (int(x.group(5)), int(x.group(6)))
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
            yield from _part(v, a, b, "welcomed-member", 0.8, GROUPS)
    for x in _SELECTED.finditer(m):
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "selected-for", 0.8, _PROGRAMS)
    for x in _MEMBERSHIP_NOUN.finditer(m):
        listed, g = (x.group(1), x.group(2)) if x.group(1) else (x.group(3), x.group(4))
        for a in ids_in(listed):
            yield from _part(v, a, int(g), "membership-noun", 0.8, GROUPS)
    for x in _GROUP_PICKED.finditer(m):
        g = int(x.group(1))
        if v.type(g) in GROUPS:
            for a in ids_in(x.group(2)):
                yield from _part(v, a, g, "group-picked", 0.8, GROUPS)
    for x in _WINNERS.finditer(m):
        b, listed = _filled(x)
        for a in ids_in(listed):
            yield from _part(v, a, b, "programme-winners", 0.8, _PROGRAMS)


def _group_of(v: SentView, m: str) -> Iterator[Fact]:
    """A group described by its members: "§b§, an alliance of §a§ and §c§" (also read before the fold)."""
    for x in _GROUP_OF.finditer(m):
        b, listed = _filled(x)
        for a in ids_in(listed):
            yield from _part(v, a, b, "group-of", 0.8, GROUPS)


def _listed_members(v: SentView, m: str) -> Iterator[Fact]:
    """Members named in a list: "§a§ and §c§ are among the members of §b§", "§b§'s members include ..."."""
    for x in _AMONG.finditer(m):
        # the winners of a company's prize are not its members: winners join programmes only
        won = re.search(r"\b(?:winners|finalists|awardees)\b", x.group(0)) is not None
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "among-members", 0.8, _PROGRAMS if won else _MEMBER_TYPES)
    for x in _AMONG_POSSESSED.finditer(m):
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "among-possessed-members", 0.8, GROUPS)
    for x in _LIST_ARE_MEMBERS.finditer(m):
        subjects, b = ids_in(x.group(1)), int(x.group(2) or x.group(3) or x.group(4))
        if len(subjects) >= 2:  # one subject: "member-of" reads it
            for a in subjects:
                yield from _part(v, a, b, "list-are-members", 0.8, _MEMBER_TYPES if x.group(4) else GROUPS)
    for x in _MEMBER_LIST.finditer(m):
        if QUALIFIES_SUBJECT.search(m, max(0, x.start() - 40), x.start()):
            continue  # "Investors in the §Fund§ include ...": the group only qualifies the subject
        b, listed = _filled(x)
        for a in ids_in(listed):
            yield from _part(v, a, b, "members-include", 0.8, GROUPS)
    for x in _PARTICIPANTS_INCLUDE.finditer(m) if may_hold(m, _TAKE_PART_WORDS) else ():
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
            yield from _part(v, a, int(x.group(2)), "make-up", 0.8, GROUPS)
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
            if a != group and v.type(a) in _MEMBER_TYPES | PLACES and v.type(group) in GROUPS:
                yield _f(v, a, R.PART_OF, group, "named-as-one-of", 0.8)
    for x in _PICKED_FOR.finditer(m):
        for a in ids_in(x.group(1)):
            yield from _part(v, a, int(x.group(2)), "picked-for", 0.8, GROUPS)
    if gate(m.lower(), _PICKED_GATE):
        yield from _picked_members(v, m)
    for x in _GROUP_OF_COLON.finditer(m):
        for a in ids_in(x.group(2)):
            yield from _part(v, a, int(x.group(1)), "group-of-listed", 0.8, GROUPS)


#: "The §a§ network forms part of the government's §b§", "§a§ will form an integral part of §b§".
_FORMS_PART = re.compile(
    rf"{ENT}(?:\s+(?:network|consortium|alliance|hub|hubs|programme|program|project|initiative|centre|center))?\s+"
    r"(?:(?:now|also|will|would|already)\s+)*(?:forms|formed|form|forming)\s+(?:an?\s+)?(?:(?:integral|key|central|core|major|important)\s+)?"
    rf"part\s+of\s+(?:the\s+)?(?:(?:§\d+§|government|country|state|region|nation)['’]s?\s+)?{ENT}"
)
#: "§a§, part of the §b§", "§a§ – now part of §Ruritania§'s §b§ –": a comma or a dash sets it off.
_PART_OF_APPOSED = compile_gated(
    rf"{ENT}(?:,|\s+[–—]|\s+-)\s+(?:now\s+|(as)\s+)?part\s+of\s+(?:the\s+)?(?:§\d+§['’]s?\s+)?{ENT}"
)
_JOINS = compile_gated(
    rf"({LIST})\s+(?:has\s+|have\s+|had\s+)?(?:joins|joined|join|to\s+join|will\s+join|"
    r"signed\s+up\s+(?:to|with|for)|signs\s+up\s+(?:to|with|for)|enrolled\s+in|enrols\s+in|enrolls\s+in)\s+(?:the\s+)?"
    # "§Israel§ joined the §EU§'s §Horizon Europe§ programme": the possessor only qualifies the group
    r"(?:§\d+§['’]s?\s+)?§(\d+)§"
)
_PROGRAMME_OF = re.compile(
    rf"{ENT}\s+(?:initiative|programme|program|project|scheme)?\s*(?:of|within|under)\s+the\s+{ENT}"
)
_UNDER = compile_gated(rf"{ENT}\s+under\s+the\s+{ENT}")
_PARTICIPATES = compile_gated(
    rf"{ENT}\s+(?:have\s+|has\s+|had\s+)?(?:won|wins|win|entered|enters|participated\s+in|participates\s+in|took\s+part\s+in|takes\s+part\s+in|competed\s+in|competes\s+in)\s+(?:the\s+|a\s+)?{ENT}"
)

#: "§a§ participates in §P§ alongside §b§ and §c§", "§a§ has joined §G§ along with §b§": the companions
#: named after the group take part as well.
_ALONGSIDE = compile_gated(
    rf"{ENT}\s+(?:(?:has|have|had|is|are|was|were|will|also|now)\s+)*(?:participates|participated|participating|"
    rf"participate|joins|joined|joining|join|takes\s+part|took\s+part|taking\s+part|is\s+a\s+member|"
    rf"is\s+a\s+partner)\s+(?:in|of)?\s*(?:the\s+)?{ENT}\s+(?:alongside|along\s+with|together\s+with)\s+"
    rf"(?:the\s+)?({LIST})"
)


def membership_facts(v: SentView, m: str) -> Iterator[Fact]:
    for x in _MEMBER_OF.finditer(m):
        a, b, word = int(x.group(1)), int(x.group(3)), x.group(2)
        if not modifiers_ok(v, m[x.start() : x.start(2)], a):
            continue  # "§a§ is a §c§ member of §b§": §c§ is another actor
        if _MODIFIER_OF.search(m, max(0, x.start() - 40), x.start()):
            continue  # "the board members of §a§ are part of §b§": §a§ is not the subject
        to = GROUPS if word.startswith("partner") else _MEMBER_TYPES
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
    for x in _ALONGSIDE.finditer(m) if "along" in m or "together" in m else ():
        b = int(x.group(2))
        for a in [int(x.group(1)), *ids_in(x.group(3))]:
            if v.type(a) in ORGS and _ok(v, a, b, GROUPS):
                yield _f(v, a, R.PART_OF, b, "participates-alongside", 0.7)


def apposition_facts(v: SentView) -> Iterator[Fact]:
    """Leadership said inside an apposition that folded into its head before the rules ran:
    "COFIDES, the §fund§ managed by §a§, ...", "§a§, the venture arm of the conglomerate §b§, ..."."""
    unfolded = v.memo.get(UNFOLDED)
    if not isinstance(unfolded, str):
        unfolded = v.masked
    low = unfolded.lower()
    if unfolded != v.masked and gate(low, LEAD_GATE):
        yield from passive_leads(v, unfolded)
    if unfolded != v.masked and gate(low, _GROUP_GATE):
        yield from _group_of(v, unfolded)
    if unfolded.count("§") >= 4 and "-led" in unfolded:
        # "the §a§-led §b§", "§b§, a §a§-led partnership": the modifier leads
        for x in _HYPHEN_LED.finditer(unfolded):
            a, b = int(x.group(1) or x.group(4)), int(x.group(2) or x.group(3))
            if v.type(a) in ORGS and may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "hyphen-led", 0.8)
    if unfolded.count("§") >= 4 and gate(low, _ARM_GATE):
        for x in _ARM_APPOSED.finditer(unfolded):
            if modifiers_ok(v, x.group(0), x.group(1), x.group(2)):
                yield from _part(v, int(x.group(1)), int(x.group(2)), "arm-apposed", 0.8, _ORG_TYPES)
        for x in _OWNED_APPOSED.finditer(unfolded):
            yield from _part(v, int(x.group(1)), int(x.group(2)), "arm-apposed", 0.8, _ORG_TYPES)


#: "the §a§-led §b§ consortium", "§b§, a §a§-led partnership of ...": a leader named as a modifier.
_HYPHEN_LED = re.compile(
    r"§(\d+)§-(?:led|co-led|headed|run|coordinated)\s+(?:[a-z][\w-]*\s+){0,3}?§(\d+)§"
    r"|§(\d+)§,\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,2}?§(\d+)§-(?:led|co-led|headed|run|coordinated)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:partnership|consortium|alliance|network|hub|project|programme|program|initiative|collaboration|centre|center|group)\b"
)
