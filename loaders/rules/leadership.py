"""Leadership: LEADS of programmes, bodies and groups (chairs, heads, steers, runs, organises).

Split from :mod:`.membership` (which re-exports :data:`LEAD_GATE` and :func:`leadership_facts`):
a leader is named with what it leads ("§a§ chairs the §b§", "the §b§, led by §a§", "under the
leadership of §a§", "§a§ was chosen to lead §b§"), or leads the programme in focus ("the
mission will be implemented by §a§").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qkg.schemas import EntityType, RelationType

from ..context import ENT, GROUPS, LIST, ORGS, PLACES, Fact, SentView, ids_in
from ..patterns import HONORIFIC, ROLE_WORDS
from . import fastre as re
from .literals import Gated, compile_gated
from .rule import ACTORS as _ACTORS
from .rule import f as _f

__all__ = [
    "LEAD_GATE",
    "elide_person_appositions",
    "leadership_facts",
    "may_lead",
    "meeting_chair_facts",
    "passive_leads",
    "possessed_person",
]

E = EntityType
R = RelationType
#: A group is led; a partner "of" a company is no part of it.

_LEAD_VERB = (
    r"(?:chairs|chair|chairing|chaired|leads|lead|leading|led|heads|heading|headed|steers|steering|steered|"
    r"oversees|overseeing|oversaw|executing|executes|executed|coordinates|coordinating|coordinated|runs|running|"
    r"manages|managing|managed|spearheads|spearheading|spearheaded|oversee|steer|head|spearhead|coordinate|manage|"
    # "the department also implements the national mission": the body that carries a programme out
    r"implements|implementing|administers|administering|"
    # "§p§ presides over the §b§"
    r"presides\s+over|presided\s+over|presiding\s+over)"
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
    "guidance",
    "supervision",
    "aegis",
    "presid",
    "facilitat",
    "helm",
)


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


def may_lead(v: SentView, a: int, b: int) -> bool:
    if a == b:
        return False
    if v.type(a) is E.PERSON:
        return v.type(b) in _LED_BY_PERSON
    return v.type(a) in _ACTORS and v.type(b) in _LED_BY_ORG


#: What may stand before a leader's role: "former minister", "§Orbion§ co-founder", "§Orbion§'s CEO".
_ROLE_LEAD_IN = (
    r"(?:(?:former|then|current|outgoing|incoming|interim|acting|newly\s+appointed)\s+)?"
    rf"(?:§\d+§['’]?s?\s+(?=(?:(?:former|then|current|interim|acting)\s+)?(?i:{ROLE_WORDS})\s)"
    r"(?:(?:former|then|current|interim|acting)\s+)?)?"
)
#: A title before the leader's name: "chaired by Dr. Ana Berg".
#: Passive leadership: "§b§ is chaired by §a§", "§b§, which is led by executive director §a§",
#: "§b§, coordinated by §a§ and §c§", "the §b§ will be led by §a§", "§b§ is delivered by §a§".
_LED_BY = compile_gated(
    rf"{ENT}(?:,?\s+(?:which|that|who)\s+(?:(?:is|was|will|be|has|have|been|being|are|were|currently|now|also|jointly)\s+)+"
    r"|\s+(?:(?:is|was|will|be|has|have|been|being|are|were|currently|now|also|jointly)\s+)+|(?:,|\s+[–—-])\s+(?:(?:currently|now|also|jointly)\s+)?)"
    # "hosted and led by §a§": a verb of making or housing may come first
    r"(?:(?:hosted|founded|established|created|funded|set\s+up|owned|supported|organi[sz]ed|convened)\s+and\s+)?"
    # "organized and facilitated by §a§": who organises a group leads it
    # ("headed up by §a§", "is being co-directed by §a§")
    r"(led|headed(?:\s+up)?|chaired|co-chaired|co-led|co-directed|co-headed|coordinated|steered|directed|overseen|spearheaded|run|managed|"
    r"administered|delivered|operated|implemented|convened|driven|organi[sz]ed|facilitated)"
    r"(?:\s+and\s+(?:led|headed|run|managed|operated|coordinated|facilitated))?\s+by\s+"
    # "chaired by former minister §p§", "chaired by §org§ co-founder §p§": the role's holder leads
    rf"(?:(?:its|the|their|a)\s+)?{_ROLE_LEAD_IN}((?:(?i:{ROLE_WORDS})\s+){{0,3}}){HONORIFIC}({LIST})"
)
#: "the §b§ project, which is worth $40m and is led by the §a§": a relative clause after other facts.
_WHICH_LED_BY = compile_gated(
    rf"{ENT}(?:\s+(?:project|programme|program|initiative|scheme|fund|mission|plan|strategy|consortium|network))?,?\s+"
    r"(?:which|that)\s+[^§;]{0,80}?\band\s+(?:is|was|will\s+be|has\s+been)\s+(?:jointly\s+|also\s+)?"
    r"(?:led|headed|chaired|coordinated|run|managed|overseen|administered|operated)\s+by\s+(?:the\s+)?"
    rf"{ENT}"
)
#: Verbs of running that only say who leads when the thing run is a programme or fund.
_RUN_ONLY = frozenset(
    {"run", "managed", "administered", "delivered", "operated", "implemented", "convened", "driven"}
)
_RUN_TARGETS = frozenset({E.PROGRAM, E.CLUSTER, E.RESEARCH_INSTITUTE})
#: "the §fund§ managed by §a§", "the §programme§ run by §a§": a participle right after the name.
_MANAGED_BY = compile_gated(
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
    r"^\s*(?:Led|Headed|Chaired|Co-chaired|Coordinated|Steered|Directed|Overseen|Spearheaded|Run|Managed|Operated|"
    r"Organi[sz]ed|Convened|Facilitated)"
    rf"(?:\s+and\s+\w+)?\s+by\s+(?:(?:its|the)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}({LIST}),\s+(?:the\s+)?"
    # "Led by §a§, the 24 members of §b§ are ...": the group whose members are the subject
    r"(?:(?:[\w-]+\s+){0,2}?(?:members|partners|participants)\s+of\s+(?:the\s+)?)?"
    rf"{ENT}"
)
#: "§b§, under the leadership of §a§" / "§b§ is under the direction of §a§".
#: "Under the leadership of §a§, the §b§ ...": the fronted phrase names who leads the subject.
_UNDER_FRONTED = compile_gated(
    r"^\W*[Uu]nder\s+the\s+(?:overall\s+|general\s+|direct\s+)?(?:leadership|direction|chairmanship|stewardship|"
    rf"coordination)\s+of\s+(?:(?:its|the)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}({LIST}),\s+(?:the\s+)?{ENT}"
)
_UNDER_LEADERSHIP = compile_gated(
    # "§b§ will function under the overall supervision and guidance of §a§", "... under the guidance of §a§"
    rf"{ENT},?\s+(?:(?:is|was|will|be|are|were|now|been|has|have|had|function|functions|operate|operates|developed|"
    r"run|placed|put)\s+)*under\s+the\s+(?:overall\s+|general\s+|direct\s+)?"
    r"(?:leadership|direction|chairmanship|stewardship|coordination|guidance|supervision|oversight|aegis)"
    r"(?:\s+and\s+(?:leadership|direction|coordination|guidance|supervision|oversight))?\s+of\s+"
    rf"(?:(?:its|the)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}({LIST})"
)
#: "The first meeting of the §b§ was held under the chairmanship of §a§", "a session of the §b§,
#: chaired by §a§,": who presides over a body's meeting leads the body.
_MEETING_LED = compile_gated(
    r"\b(?:meetings?|sessions?|sitting|plenary)\s+of\s+(?:the\s+|its\s+)?§(\d+)§(?:\s+\(§\d+§\))?"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?§\d+§(?:\s+\(§\d+§\))?)?"
    r"(?:,\s+|\s+(?:(?:was|were|is|will|be|has|had|been)\s+)+(?:(?:held|convened|conducted)\s+(?:(?:[^§;.,]|§\d+§){0,50}?\s)?)?)"
    r"(?:under\s+the\s+(?:leadership|chairmanship|presidency|direction)\s+of|(?:co-)?chaired\s+by|presided\s+over\s+by)\s+"
    rf"(?:(?:its|the)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}({LIST})"
)
#: "§b§ is a growing hub of research, training and outreach organized and facilitated by §a§",
#: "§b§, a regional alliance led by §a§,": a predicate noun or an apposition describes §b§, then
#: says who leads it (no other name between; an apposition stops at its comma).
_DESCRIBED_LED_BY = compile_gated(
    # (a technology may qualify the description: "a hub of §quantum technology§ research")
    r"§(\d+)§(?:\s+(?:is|was|remains|became|has\s+become|will\s+be)\s+(?:an?|the)\s+(?:[^§;()]|§\d+§){1,120}?"
    r"|,\s+(?:an?|the)\s+(?:[^§;(),]|§\d+§){1,80}?)"
    r"\s(?:led|co-led|headed|chaired|co-chaired|coordinated|steered|organi[sz]ed|facilitated|convened)"
    r"(?:\s+and\s+(?:led|coordinated|facilitated|run|operated|hosted|organi[sz]ed))?\s+by\s+"
    rf"(?:(?:its|the)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}({LIST})"
)
#: "§b§, under §a§'s leadership, ...", "Under §a§'s chairmanship, the §b§ ...": the leader as the possessor.
_UNDER_POSSESSED = compile_gated(
    r"§(\d+)§,?\s+(?:(?:is|was|will|be|are|were|now|been|has|have|had|operates|developed|grew)\s+)*under\s+§(\d+)§['’]s?\s+"
    r"(?:(?:overall|general|direct|new)\s+)?(?:leadership|direction|chairmanship|stewardship)\b"
    r"|^\W*[Uu]nder\s+§(\d+)§['’]s?\s+(?:(?:overall|general|direct|new)\s+)?(?:leadership|direction|chairmanship|stewardship),\s+"
    r"(?:the\s+)?§(\d+)§"
)
#: "At the helm of the §b§ is §p§": the inverted statement of who leads.
_AT_HELM_OF = compile_gated(
    r"\b[Aa]t\s+the\s+helm\s+of\s+(?:the\s+)?§(\d+)§\s+(?:is|was|are|were|stands|sits|remains)\s+"
    rf"(?:(?:[a-z][\w-]*\s+){{0,2}}?(?i:{ROLE_WORDS})\s+)?{HONORIFIC}({LIST})"
)
#: Patterns naming a list of leaders and the body they lead, each as (pattern, the leaders' group,
#: the body's group, rule name, whether only people lead), read in this order.
_LEADER_LISTS: tuple[tuple[re.Pattern[str] | Gated, int, int, str, bool], ...] = (
    (_LED_BY_FRONT, 1, 2, "led-by-front", False),
    (_UNDER_LEADERSHIP, 2, 1, "under-leadership", False),
    (_MEETING_LED, 2, 1, "meeting-led-by", True),
    (_UNDER_FRONTED, 1, 2, "under-leadership", False),
    (_DESCRIBED_LED_BY, 2, 1, "described-led-by", False),
    (_AT_HELM_OF, 2, 1, "at-helm-of", False),
)
#: A job title in "led by executive director §p§" (also an affiliation), not a chair or a title.
_JOB_ROLE = re.compile(
    r"(?i)(?!(?:co-?|vice[\s-]|deputy\s|prime\s)?(?:chair|head|leader|professor|minister|secretary|ambassador|governor|mayor|"
    r"premier|senator|president)\b)\w"
)
#: Money words: "funding for §a§ was led by §b§" is a funding round, not leadership.
_FUNDED_BEFORE = re.compile(r"\b(?:for|in|into|round|funding|financing)\s+(?:the\s+)?$", re.I)


#: "the §a§-led §b§", "the §a§-led quantum hub §b§": the leader as a hyphenated modifier of the led.
_HYPHEN_LED = re.compile(
    r"§(\d+)§-(?:led|co-led|headed|chaired|run|coordinated)\s+"
    r"(?:(?!(?:in|of|for|with|to|by|and|or|on|at|from|into|round|funding|investment|financing)\b)[a-z][\w-]*\s+){0,3}?§(\d+)§"
)
#: What a hyphenated leader may be told to lead: "§b§ is a §a§-led research hub".
_LED_KIND = (
    r"(?:hubs?|consortium|consortia|centres?|centers?|programmes?|programs?|projects?|initiatives?|networks?|"
    r"clusters?|alliances?|partnerships?|institutes?|missions?|schemes?|testbeds?|facilit(?:y|ies)|"
    r"collaborations?|coalitions?|platforms?)"
)
#: "§b§, a §a§-led research hub", "§b§ is a §a§-led consortium": the kind noun says §b§ is led.
_HYPHEN_LED_APPOSED = re.compile(
    r"§(\d+)§(?:,\s+|\s+)(?:(?:is|was|will\s+be|has\s+been|remains|becomes|became)\s+)?(?:,\s+)?(?:an?|the)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?§(\d+)§-(?:led|co-led|headed|chaired|run|coordinated)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_LED_KIND}\b"
)
_HYPHEN_LED_TYPES = frozenset(ORGS | {E.PROGRAM})


def hyphen_led_facts(v: SentView, m: str) -> Iterator[Fact]:
    """LEADS from a leader written as a hyphenated modifier: "the §a§-led §b§", "§b§, a §a§-led hub".

    The kind noun ("hub", "consortium") says what is led, so the led name needs no group type."""
    if (
        "-led" not in m
        and "-headed" not in m
        and "-chaired" not in m
        and "-run" not in m
        and "-coordinated" not in m
    ):
        return
    for x in _HYPHEN_LED.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "hyphen-led", 0.8)
    for x in _HYPHEN_LED_APPOSED.finditer(m):
        b, a = int(x.group(1)), int(x.group(2))
        if a != b and v.type(a) in _ACTORS and v.type(b) in _HYPHEN_LED_TYPES:
            yield _f(v, a, R.LEADS, b, "hyphen-led", 0.8)


#: A person's apposition (", an academic of the §o§", ", a researcher at the university") up to
#: the comma, "and", semicolon or full stop that ends it; the closing comma goes too when the
#: person's own verb follows it (", a fellow of the §o§, will serve as" -> "§p§ will serve as").
_PERSON_APPOSITION = re.compile(
    r"§(\d+)§,\s+(?:an?|the|its|their|former)\s+(?:[^§;,()]|§\d+§){1,80}?(?=,|\s+and\s+§|;|\.?\s*$)"
    r"(?:,(?=\s+(?!(?:and|or|but|as|who|which|said|says)\b)[a-z]))?"
)


#: Honours written after a name ("§p§ AO", "§p§ CBE"), and the role and title of a second person
#: of a coordination ("and Associate Investigator Dr §q§").
_POSTNOMINAL = re.compile(r"§(\d+)§\s+(?:AO|AC|AM|OBE|CBE|MBE|KBE|DBE|FRS|FRSE|FREng|FAA|MP)\b")
_CONJUNCT_ROLE = re.compile(
    rf"(,?\s+and\s+)(?:(?:(?!(?:by|of|at|for|with|from|to|in|the|a|an)\b)[A-Za-z][\w-]*\s+){{0,2}}?"
    rf"(?i:{ROLE_WORDS})\s+{HONORIFIC}|{HONORIFIC.removesuffix('?')})§(\d+)§"
)


def elide_person_appositions(v: SentView, m: str) -> str:
    """The masked sentence with every person's apposition left out, so that a list of people
    each described in passing reads as a plain list: "founded by §p§, an academic of §o§, and
    §q§, a researcher at §u§" -> "founded by §p§, and §q§"; "led by Prof. §p§ AO and Associate
    Investigator Dr §q§" -> "led by Prof. §p§ and §q§" (honours after a name, and the role and
    title of a later conjunct, left out too)."""

    def keep(x: re.Match[str]) -> str:
        return f"§{x.group(1)}§" if v.type(int(x.group(1))) is E.PERSON else x.group(0)

    def conjunct(x: re.Match[str]) -> str:
        return f"{x.group(1)}§{x.group(2)}§" if v.type(int(x.group(2))) is E.PERSON else x.group(0)

    if "§, " in m:
        m = _PERSON_APPOSITION.sub(keep, m)
    if "§ " in m:
        m = _POSTNOMINAL.sub(keep, m)
    if " and " in m:
        m = _CONJUNCT_ROLE.sub(conjunct, m)
    return m


def passive_leads(v: SentView, m: str) -> Iterator[Fact]:
    """Leaders after "led by" and its kin; read again with the people's appositions left out
    ("led by §p§, a physicist, and §q§, a chemist": both lead)."""
    yield from _passive_leads(v, m)
    bare = elide_person_appositions(v, m)
    if bare != m:
        yield from _passive_leads(v, bare)


#: A person named through the organisation they belong to: "led by §o§'s §p§", "led by §o§'s
#: chief scientist Dr §p§".
_POSSESSED_PERSON = re.compile(rf"['’]s?\s+(?:[a-z][\w-]*\s+){{0,3}}?{HONORIFIC}§(\d+)§")


def possessed_person(v: SentView, m: str, a: int, start: int) -> int:
    """The leader ``a`` stands for: the person an organisation's possessive names right after it
    ("led by §o§'s §p§": §p§, whose affiliation the possessive shape reads), else ``a``."""
    if v.type(a) is E.PERSON:
        return a
    tag = f"§{a}§"
    x = _POSSESSED_PERSON.match(m, m.find(tag, start) + len(tag))
    return int(x.group(1)) if x is not None and v.type(int(x.group(1))) is E.PERSON else a


def _passive_leads(v: SentView, m: str) -> Iterator[Fact]:
    at = 0
    while (x := _LED_BY.search(m, at)) is not None:
        at = x.end()
        b, verb, role = int(x.group(1)), x.group(2), x.group(3)
        if _FUNDED_BEFORE.search(m, max(0, x.start() - 30), x.start()):
            continue
        leaders = ids_in(x.group(4))
        if v.type(leaders[0]) is E.PERSON and any(v.type(a) is not E.PERSON for a in leaders):
            # "the §lab§, led by Prof. §p§, and the §other lab§, led by ...": the list of people
            # ends where a coordinated organisation begins, whose own apposition is read next
            cut = next(i for i, a in enumerate(leaders) if v.type(a) is not E.PERSON)
            at = m.find(f"§{leaders[cut]}§", x.start(4))
            leaders = leaders[:cut]
        leaders = [possessed_person(v, m, a, x.start(4)) for a in leaders]
        for a in leaders:
            # "§o§ is run by §p§": a person runs any organisation; an organisation only runs programmes
            person_runs = verb in {"run", "managed"} and v.type(a) is E.PERSON
            if verb in _RUN_ONLY and v.type(b) not in _RUN_TARGETS and not person_runs:
                continue
            if may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "led-by", 0.8)
                if v.type(a) is E.PERSON and _JOB_ROLE.match(role):
                    yield _f(v, a, R.AFFILIATED_WITH, b, "led-by-role", 0.7)
    for x in _MANAGED_BY.finditer(m):
        b = int(x.group(1))
        if v.type(b) in GROUPS and not _FUNDED_BEFORE.search(m, max(0, x.start() - 30), x.start()):
            a = int(x.group(2))
            if may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "managed-by", 0.7)
    for x in _WHICH_LED_BY.finditer(m):
        b, a = int(x.group(1)), int(x.group(2))
        if v.type(b) in _RUN_TARGETS | {E.GOVERNMENT_BODY} and may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "which-led-by", 0.8)
    for x in _UNDER_POSSESSED.finditer(m) if "under" in m.lower() else ():
        b, a = (int(x.group(1)), int(x.group(2))) if x.group(1) else (int(x.group(4)), int(x.group(3)))
        if may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "under-leadership", 0.8)
    for rx, leaders_at, body_at, rule, persons_only in _LEADER_LISTS:
        for x in rx.finditer(m):
            b = int(x.group(body_at))
            if rx is _DESCRIBED_LED_BY and any(
                v.type(i) is not E.TECHNOLOGY for i in ids_in(m[x.end(1) + 1 : x.start(2)])
            ):
                continue  # another actor in the description may be what is led
            for a in ids_in(x.group(leaders_at)):
                if (not persons_only or v.type(a) is E.PERSON) and may_lead(v, a, b):
                    yield _f(v, a, R.LEADS, b, rule, 0.8)


#: "§a§ leads the §b§", "§a§ and §c§ are jointly leading the §b§" (the subject list right before the verb).
_LEADS = compile_gated(
    rf"({LIST})(?:,\s+(?:which|who)|\s+which)?\s+(?:(?:is|are|was|were|will|be|has|have|been|also|currently|now|jointly)\s+)*"
    # "led the research at §o§": an activity at the organisation, no lead of it
    rf"(?:(?:co-?)?founded\s+and\s+)?{_LEAD_VERB}\s+"
    # "chairs the board of the §b§": the board stands for its body
    r"(?:the\s+(?:(?:supervisory|governing|executive|advisory)\s+)?(?:board|council|steering\s+committee)\s+of\s+)?"
    rf"(?:the\s+|this\s+|an?\s+|its\s+)?(?:(?!(?:by|at|in|within|inside)\b)[\w-]+\s+){{0,2}}?{ENT}(?!'s?\s)"
)


#: "§a§ is the lead partner of §b§", "§a§ will serve as the lead institution for §b§", "§a§, the coordinator of §b§".
_LEAD_ROLE = compile_gated(
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
_CHOSEN_TO_LEAD = compile_gated(
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
            if may_lead(v, a, b):
                yield _f(v, a, R.LEADS, b, "leads", 0.8)
    yield from passive_leads(v, m)
    yield from hyphen_led_facts(v, m)
    for x in _LEAD_ROLE.finditer(m):
        # "§a§ is the lead partner of the §b§", "§a§ will serve as the coordinator of §b§"
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(a) in ORGS and may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "lead-role-of", 0.8)
    for x in _TO_LEAD.finditer(m) if " lead" in m or " head" in m else ():
        # "§a§ will receive a $26m grant from §F§ to establish and lead a new §b§": the subject leads
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(a) in ORGS and may_lead(v, a, b):
            yield _f(v, a, R.LEADS, b, "funded-to-lead", 0.7)
    for x in _CHOSEN_TO_LEAD.finditer(m):
        b = int(x.group(2) or x.group(4))
        for a in ids_in(x.group(1) or x.group(3)):
            if v.type(a) is not E.PERSON and may_lead(v, a, b):
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


#: "... at the first meeting of the §b§ on Tuesday." then "It was chaired by §p§": who presides
#: over the meeting the previous sentence names leads the body (see :data:`_MEETING_LED` for one
#: sentence).
_MEETING_OF = re.compile(r"\b(?:meetings?|sessions?|sitting|plenary)\s+of\s+(?:the\s+|its\s+)?§(\d+)§")
_IT_CHAIRED = re.compile(
    r"^\W*(?:It|The\s+(?:(?:first|second|third|inaugural|latest|next|annual|plenary)\s+)?(?:meeting|session|sitting))\s+"
    r"(?:(?:was|is|will|be|has|been|also)\s+)+(?:co-)?(?:chaired|presided\s+over|convened)\s+by\s+"
    rf"(?:§\d+§['’]?s?\s+)?(?:(?:former|then|current)\s+)?(?:(?i:{ROLE_WORDS})\s+){{0,3}}{HONORIFIC}§(\d+)§"
)
_MEETING_BODIES = frozenset({E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE})


def meeting_chair_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """LEADS across two sentences: the chair of a meeting the sentence before names leads its body
    ("The decision was taken at the first meeting of the §b§. It was chaired by §p§."); the last
    meeting named there, a person only."""
    out: list[tuple[int, Fact]] = []
    for k in range(1, len(views)):
        v = views[k]
        if "chaired" not in v.masked and "presided" not in v.masked and "convened" not in v.masked:
            continue
        y = _IT_CHAIRED.match(v.masked)
        if y is None or v.type(int(y.group(1))) is not E.PERSON:
            continue
        prev = views[k - 1]
        bodies = [int(x.group(1)) for x in _MEETING_OF.finditer(prev.masked)]
        if bodies and prev.type(bodies[-1]) in _MEETING_BODIES:
            out.append((k, Fact(v.id(int(y.group(1))), R.LEADS, prev.id(bodies[-1]), "meeting-chaired", 0.7)))
    return out
