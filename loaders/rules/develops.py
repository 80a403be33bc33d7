"""DEVELOPS: an actor makes a cluster, programme or facility (builds, establishes, launches).

Split from the technology rules (:mod:`.technologies`) because it relates actors to the bodies
they make, not to technologies: "X launched the §Y§", "§Y§, founded by X", "X is creating a hub
called §Y§".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, UNFOLDED, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .money import MONEY
from .rule import ACTORS as _ACTORS
from .rule import f as _f
from .rule import gate
from .rule import ok as _ok
from .words import may_hold

E = EntityType
R = RelationType

__all__ = [
    "DEVELOP_GATE",
    "apposed_made_facts",
    "described_then_named_facts",
    "develops_facts",
    "owner_named_facts",
]

_DEVELOP = (
    r"(?:build|builds|building|built|establish|establishes|establishing|established|create|creates|creating|"
    r"created|launch|launches|launching|launched|develop|develops|developing|developed|set\s+up|sets\s+up|"
    r"setting\s+up|construct|constructs|constructing|constructed|found|founded|co-?found\w*|co-?creat\w+|"
    r"co-?establish\w*|open|opens|opened|opening|"
    r"deploy|deploys|deployed|deploying|host|hosts|hosting|release|releases|released|unveil|unveils|unveiled|"
    r"publish|publishes|published|adopt|adopts|adopted|introduce|introduces|introduced|roll\s+out|rolls\s+out|"
    r"rolled\s+out|inaugurat\w+|initiat\w+|start|starts|started|starting|kick\w*\s+off|kicked\s+off|"
    # "§A§ and §B§ have joined forces to form the §Consortium§"
    r"form|forms|formed|forming)"
)
#: Passive making: "§X§ is created in partnership with §A§ and §B§", "§X§, established by §A§".
_MADE_BY = (
    r"(?:built|established|created|launched|developed|set\s+up|founded|constructed|opened|initiated|inaugurated|"
    r"co-founded|co-created|co-developed|unveiled|started|kicked\s+off|rolled\s+out)"
)


DEVELOP_GATE = (
    "announc",
    "build",
    "behind",
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
    "releas",
    "unveil",
    "publish",
    "adopt",
    "introduc",
    "roll",
    "inaugurat",
    "initiat",
    "start",
    "kick",
    "contract",
    "formation",
    " form",
    "ground",
    "foundation",
    "laid",
)


#: Nouns of made bodies and places that an apposition may name: "a quantum computing centre, the §Y§".
_FACILITY = (
    r"(?:centres?|centers?|hubs?|facility|facilities|campus|labs?|laborator(?:y|ies)|institutes?|programmes?|"
    r"programs?|initiatives?|clusters?|consortium|consortia|funds?|networks?|testbeds?|test\s+beds?|foundry|"
    r"park|zone|alliance|platform|accelerator|incubator)"
)
_YEAR = r"(?:(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?"
#: Nouns of making: "the launch of", "§X§'s establishment of".
_MAKING_NOUN = (
    r"(?:launch|opening|creation|establishment|inauguration|founding|formation|setting\s+up|construction)"
)
#: Further wordings of making, each with whether a new body may be read as a company or agency.
_DEVELOPS_MORE: tuple[tuple[re.Pattern[str], bool, str], ...] = (
    # "the §Y§, founded by §X§ in 2019", "the §Y§ initiative, which was launched in 2021 by §X§"
    (
        re.compile(
            rf"(?P<made>§\d+§)(?:,\s+(?:which\s+|that\s+)?|\s+(?:which|that)\s+)(?:(?:is|was|were|has\s+been|had\s+been)\s+)?"
            rf"(?:(?:first|originally|jointly|recently|officially|initially)\s+)?{_YEAR}"
            # ("designed and built by §X§")
            rf"(?:(?:designed|developed|conceived|planned|engineered)\s+and\s+)?{_MADE_BY}\s+{_YEAR}(?:jointly\s+)?"
            rf"(?:by|in\s+(?:partnership|collaboration|cooperation)\s+with)\s+(?P<maker>{LIST})"
        ),
        True,
        "apposed-made-by",
    ),
    # "§X§'s newly established §Y§", "§X§'s recently launched §Y§ programme": the possessor made it
    (
        re.compile(
            rf"(?P<maker>§\d+§)['’]s?\s+(?:newly|recently|just|freshly)[\s-]+(?:{_MADE_BY})\s+(?:new\s+)?(?P<made>§\d+§)"
        ),
        True,
        "newly-made-by-owner",
    ),
    # "§A§, together with §B§, launched the §Y§": the companion in the aside makes it too
    (
        re.compile(
            rf"(?P<maker>{LIST},\s+(?:together|along|jointly)\s+with\s+(?:the\s+)?{LIST}),\s+"
            rf"(?:(?:has|have|had|will|also|jointly|officially|formally|today)\s+)*{_DEVELOP}\s+"
            rf"(?:(?:a|an|the|its|their|new|joint)\s+)*(?P<made>§\d+§)"
        ),
        True,
        "made-with-companion",
    ),
    # "Founded by §X§ in 2019, the §Y§ ..."
    (
        re.compile(
            rf"(?:^|[.;:]\s+|\s-\s)(?:(?:First|Originally|Jointly|Recently)\s+)?(?i:{_MADE_BY})\s+{_YEAR}(?:jointly\s+)?by\s+"
            rf"(?P<maker>{LIST})(?:\s+(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?\d{{4}})?,\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        True,
        "fronted-made-by",
    ),
    # "§X§ is creating a quantum hub called the §Y§", "§X§ launched a new programme named §Y§"
    (
        re.compile(
            rf"(?P<maker>{LIST})\s+(?:[^§.;]{{0,40}}?\s)?(?:to\s+)?{_DEVELOP}\s+(?:a|an|the|its|their)\s+"
            rf"(?:[a-z][\w-]*\s+){{0,4}}?(?:called|named|dubbed|known\s+as|branded)\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        True,
        "makes-named",
    ),
    # "the §Y§, which §X§ set up in 2019": the maker named inside the made thing's relative clause
    (
        re.compile(
            rf"(?P<made>§\d+§),?\s+(?:which|that)\s+(?P<maker>{LIST})\s+(?:(?:has|have|had|jointly|first|originally|"
            rf"recently|officially)\s+)*{_DEVELOP}\b"
        ),
        True,
        "made-by-relative",
    ),
    # "§X§ is the founder of the §Y§", "§X§, a co-founder of the §Y§"
    (
        re.compile(
            rf"(?P<maker>{LIST})(?:,\s+|\s+(?:is|was|are|were|as)\s+)(?:the|a|an|one\s+of\s+the)\s+"
            rf"(?:(?:original|founding|joint)\s+)?(?:co-?)?(?:founders?|creators?|architects?|initiators?)\s+of\s+"
            rf"(?:the\s+)?(?P<made>§\d+§)"
        ),
        True,
        "founder-of",
    ),
    # "§X§ is the organisation behind the §Y§", "§X§, the company behind the §Y§"
    (
        re.compile(
            rf"(?P<maker>{LIST})(?:,\s+|\s+(?:is|was|are|were)\s+)(?:(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?)?"
            rf"(?:compan(?:y|ies)|firm|organi[sz]ations?|group|team|institut\w+|universit\w+|ministry|agency|"
            rf"government|body|force|partners?|consortium|startup|start-up|one|ones|driving\s+force)?\s*"
            rf"behind\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        True,
        "behind",
    ),
    # "§X§ is building a quantum computing centre, the §Y§": the made thing named in apposition
    (
        re.compile(
            rf"(?P<maker>{LIST})\s+(?:[^§.;]{{0,40}}?\s)?(?:to\s+)?{_DEVELOP}\s+(?:a|an|the|its|their)\s+"
            rf"(?:[\w-]+\s+|§\d+§\s+){{0,3}}?{_FACILITY},\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        True,
        "makes-apposed",
    ),
    # "§Y§ is an initiative by the §X§", "§Y§ was a flagship programme of §X§"
    (
        re.compile(
            rf"(?P<made>§\d+§)(?:,\s+|\s+(?:is|was|remains)\s+)(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:initiative|programme|"
            rf"program|project|scheme|mission|effort)\s+(?:launched\s+|led\s+|run\s+)?(?:by|of)\s+(?P<maker>{LIST})"
        ),
        False,
        "initiative-of",
    ),
    # "§X§'s launch of the §Y§", "the opening of the §Y§ by §X§": making said by its noun
    (
        re.compile(
            rf"(?P<maker>§\d+§)['’]s?\s+(?:[a-z][\w-]*\s+)?{_MAKING_NOUN}\s+of\s+(?:(?:a|an|the|its|their|new)\s+)*(?P<made>§\d+§)"
            # (only a date between: "the launch of §Y§ was attended by §X§" names no maker)
            rf"|\b(?i:{_MAKING_NOUN})\s+of\s+(?:(?:a|an|the|its|their|new)\s+)*(?P<made2>§\d+§)\s+"
            rf"(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?\d{{1,4}}\s+|last\s+[a-z]+\s+)?by\s+(?:the\s+)?(?P<maker2>{LIST})"
        ),
        True,
        "making-noun",
    ),
    # "§X§ has begun construction of the §Y§", "§X§ broke ground on the §Y§", "§X§, alongside the
    # governor, laid the foundation stone for the §Y§"
    (
        re.compile(
            rf"(?P<maker>{LIST})(?:,\s+(?:alongside|along\s+with|together\s+with)\s+(?:[^§,;.]|§\d+§){{0,100}}?,)?\s+"
            r"(?:(?:has|have|had|will|also|now|officially|formally|jointly)\s+)*"
            r"(?:(?:started|starts|start|began|begun|begins|begin|commenced|commences|completed|completes)\s+"
            r"(?:the\s+)?(?:construction|building|work)\s+(?:of|on)|broke\s+ground\s+on|breaks\s+ground\s+on|"
            # ("the foundation" may have been read as a reference to a foundation)
            r"(?:laid|lays|lay)\s+(?:the\s+foundation(?:\s+stone)?s?|§\d+§\s+stones?)\s+(?:for|of))\s+"
            rf"(?:(?:a|an|the|its|their|new)\s+)*(?P<made>§\d+§)"
        ),
        False,
        "began-building",
    ),
    # "§X§ and §Z§ have been confirmed as the final contractor for the §Y§ project",
    # "§X§ won the contract to build the §Y§"
    (
        re.compile(
            rf"(?P<maker>{LIST})\s+[^§.;]{{0,60}}?\b(?:contractors?|developers?|builders?|contract)\s+"
            rf"(?:for|to\s+(?:build|develop|deliver|construct|run|operate)|of)\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        False,
        "contractor-for",
    ),
)


#: A list's last member known only by its acronym, its long name unrecognised: "with §A§ and
#: Agence de Recherche Nouvelle (§ARN§)".
_ACRONYM_LAST = r"(?:,?\s+and\s+[A-Z][^§.;()]{0,80}?\s\((§\d+§)\))?"


#: How many were made: "launched five §research centres§".
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3})"


#: Making named by its noun after a verb of saying or agreeing: "A and B on Monday announced
#: establishment of an §Y§", "A celebrated the launch of the §Y§".
_ANNOUNCED_MAKING = compile_gated(
    rf"({LIST})\s+(?:[^§.;]{{0,60}}?\s)?(?:announc\w+|unveil\w+|agreed\s+(?:on|to)|approv\w+|celebrat\w+|"
    rf"marked|welcom\w+|complet\w+|finaliz\w+|finalis\w+|"
    # "§A§ will lead the establishment of the §Y§": who leads the making makes it
    rf"lead|leads|leading|led|spearhead\w*)\s+(?:the\s+)?(?:establishment|creation|launch|founding|"
    rf"opening|inauguration|formation|setting\s+up|start)\s+of\s+"
    # "the launch of Phase 1 of the §Y§"
    rf"(?:(?:the\s+)?(?:first\s+|second\s+|next\s+)?(?:[Pp]hase|[Ss]tage)(?:\s+(?:\d|[IV]+|one|two))?\s+of\s+)?"
    rf"(?:(?:a|an|the|its|their|new|joint)\s+)*{ENT}"
)
#: "§A§ has announced the £15m §Fund§": a new programme announced with its money.
_ANNOUNCED_WITH_MONEY = re.compile(
    rf"({LIST})\s+(?:(?:has|have|had|today|also|now|just|recently|formally|officially)\s+)*"
    rf"(?:announced|announces|unveiled|unveils)\s+(?:an?|the|its|their)\s+(?:new\s+)?(?:{MONEY})\s+"
    rf"(?:(?!(?:in|into|for|to|from|of|investment|funding|grant|grants|loan)\b)[a-z][\w-]*\s+){{0,2}}?{ENT}"
    # "a $5m §Programme§ grant": the programme only names the grant
    r"(?!\s+(?:grants?|awards?|investments?|funding|loans?|call|round)\b)"
)
#: "§The ministry§ announced the "§Quantum Strategy§"": a programme announced by its maker (a
#: strategy, plan or initiative is made when it is announced; a company or a hub announced may
#: be someone else's).
_ANNOUNCED_PROGRAMME = re.compile(
    rf"({LIST})\s+(?:\(§\d+§\)\s+)?(?:(?:has|have|had|today|also|now|just|recently|formally|officially|jointly)\s+)*"
    rf"(?:announced|announces|unveiled|unveils|presented|presents)\s+(?:(?:the|its|their|a|an|new|first|national)\s+)*"
    rf"[\"“']?{ENT}(?![\"”']?\s+(?:grants?|awards?|investments?|funding|loans?|call|round|by)\b)"
)
_MADE_BY_NEXT = re.compile(r"\s+by\s+(?:the\s+)?§")
_BEGIN_BUILDING = compile_gated(
    rf"({LIST})\s+[^§.;]{{0,120}}?\b(?:and|to)\s+(?:begin|start|commence)\s+"
    rf"(?:building|constructing|developing|deploying)\s+(?:the\s+|a\s+|an\s+)?{ENT}"
)


#: A verb that picks someone else to do the making: "§A§ tapped §B§ / them to establish §C§".
_CHOSE_TO = re.compile(
    r"\b(?:tapped|taps|selected|selects|chose|chosen|picked|picks|asked|asks|commissioned|commissions|"
    r"contracted|contracts|appointed|appoints|invited|invites|hired|hires|engaged|engages|mandated|mandates|"
    r"tasked|tasks|charged)\s+(?:(?:the\s+)?§(\d+)§|them|it|him|her|us|[a-z]+\s+[a-z]+)\s+(?:with\s+)?to\s+"
)
#: Wordings read before appositions fold into their heads.
_ON_UNFOLDED = frozenset({"fronted-made-by", "initiative-of"})


#: Makers named after the made thing: "... the §Y§ together with / in partnership with §Z§ and §W§".
_JOINT_MAKERS = re.compile(
    rf"(?:\s+(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?\d{{4}})?,?\s+(?:together\s+with|jointly\s+with|alongside|"
    rf"in\s+(?:close\s+)?(?:partnership|collaboration|cooperation|co-operation)\s+with)\s+(?:the\s+)?({LIST})"
)
#: "§Y§, an accelerator for start-ups": an apposition that says the name is a made body.
_FACILITY_APPOSED = re.compile(rf",\s+(?:a|an|the)\s+(?:new\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_FACILITY}\b")


def _facility_apposed(v: SentView, b: int) -> bool:
    """Whether the text before appositions folded describes mention ``b`` as a facility or a
    programme right after it (a made body whatever type its name was read as)."""
    unfolded = v.memo.get(UNFOLDED)
    text = unfolded if isinstance(unfolded, str) else v.masked
    at = text.find(f"§{b}§")
    return at >= 0 and _FACILITY_APPOSED.match(text, at + len(f"§{b}§")) is not None


def develops_facts(v: SentView, m: str) -> Iterator[Fact]:
    targets = {E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE}
    #: a new body or hub may be read as a company or an agency: founding it is still making it
    founded = targets | {E.COMPANY, E.GOVERNMENT_BODY}
    for x in re.finditer(
        rf"({LIST})(?:,\s+(?:which|that|who)(?:\s+(?:has|have|had))?)?\s+(?:[^§.;]{{0,60}}?\s|[^§.;]{{0,40}}?\(§\d+§\)\s+)?"
        rf"(?:to\s+)?(?:[a-z]+ly\s+)?{_DEVELOP}\s+"
        # "launches a ₩1 trillion §Fund§": the money the new body holds may stand before its name
        rf"(?:(?:a|an|the|its|their|new|first|national|updated|revised|{_COUNT})\s+|(?:{MONEY})\s+|(§\d+§)\s+(?=§))*{ENT}"
        # "unveiled a $5m §Programme§ grant": the programme only names what was made
        r"(?!\s+(?:grants?|awards?|investments?|funding|loans?|call|round)\b)",
        m,
    ):
        b = int(x.group(3))
        if re.search(r"\b(?:developer|in\s+the\s+field)\b", x.group(0)):
            continue
        subjects = ids_in(x.group(1))
        # "X is developing the §Y§ together with §Z§": who makes it with the subject makes it too
        if (joint := _JOINT_MAKERS.match(m, x.end())) is not None:
            subjects += ids_in(joint.group(1))
        chose = _CHOSE_TO.search(x.group(0))
        if chose is not None:
            # "§A§ tapped §B§ (or: them) to establish §C§": the one chosen makes it, not the chooser
            subjects = [int(chose.group(1))] if chose.group(1) else []
        # "released its §strategy§": the pronoun must be the subject's own
        if x.group(2) and v.id(ids_in(x.group(2))[0]) not in {v.id(a) for a in subjects}:
            continue
        made = (
            founded
            if re.search(r"\b(?:establish\w*|creat\w+|set\s+up|found\w*)\s", x.group(0))
            or _facility_apposed(v, b)
            else targets
        )
        for a in subjects:
            if _ok(v, a, b, made) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "develops", 0.8)
    # "A and B announced the establishment of a §Y§": making said by its noun
    for x in _ANNOUNCED_MAKING.finditer(m) if " of " in m else ():
        if _MADE_BY_NEXT.match(m, x.end()):
            continue  # "§A§ welcomed the launch of §Y§ by §B§": §B§ made it
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, founded) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "announced-making", 0.8)
    for x in _ANNOUNCED_WITH_MONEY.finditer(m) if "announc" in m or "unveil" in m else ():
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if v.type(b) is E.PROGRAM and _ok(v, a, b, targets) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "announced-with-money", 0.7)
    for x in _ANNOUNCED_PROGRAMME.finditer(m) if "announc" in m or "unveil" in m or "present" in m else ():
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if v.type(b) is E.PROGRAM and _ok(v, a, b, targets) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "announced-programme", 0.7)
    # "A and B have entered into an agreement to set up a partnership and begin building §b§": the
    # second of two coordinated aims, far from the subject
    for x in _BEGIN_BUILDING.finditer(m):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, targets) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "begin-building", 0.7)
    for x in re.finditer(
        rf"{ENT},?\s+(?:is|was|were|are|has\s+been|have\s+been|had\s+been|will\s+be|being)\s+(?:[a-z]+ly\s+)?"
        rf"{_MADE_BY}\s+(?:jointly\s+)?(?:by|in\s+(?:partnership|collaboration|cooperation)\s+with)\s+({LIST}){_ACRONYM_LAST}",
        m,
    ):
        b = int(x.group(1))
        for a in ids_in(x.group(2)) + ids_in(x.group(3) or ""):
            if _ok(v, a, b, founded) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "made-by", 0.8)
    unfolded = v.memo.get(UNFOLDED)
    for rx, new_body, name in _DEVELOPS_MORE:
        # "Founded by §X§, the §Y§ ...": the apposition fold would hide the made thing
        # and so would ", an initiative of §X§," after the made thing
        text = unfolded if name in _ON_UNFOLDED and isinstance(unfolded, str) else m
        needs = _RULE_WORDS.get(name)
        if needs is not None and not may_hold(text, needs):
            continue
        for x in rx.finditer(text):
            two = "made2" in rx.groupindex and x.group("made2") is not None
            b = ids_in(x.group("made2") if two else x.group("made"))[0]
            for a in ids_in(x.group("maker2") if two else x.group("maker")):
                if _ok(v, a, b, founded if new_body else targets) and v.type(a) in _ACTORS - {E.PROGRAM}:
                    yield _f(v, a, R.DEVELOPS, b, name, 0.8)


#: Words (whole runs of letters) every match of a rule holds, asked of the sentence's word set
#: first: "... launched a new programme named §Y§" (~680 us a sentence without them).
_RULE_WORDS = {"makes-named": frozenset({"called", "named", "dubbed", "known", "branded"})}


#: A launch said without its maker: "The §DLR Quantum Computing Initiative§ has now been launched".
_LAUNCHED_BARE = re.compile(
    rf"{ENT}(?:\s*\(§\d+§\))?(?:\s+(?:programme|program|initiative|project|hub|centre|center))?\s+"
    r"(?:(?:has|have|had|was|were|is|are|will)\s+)?(?:(?:now|officially|formally|just|recently)\s+)*"
    r"(?:been\s+|be\s+)?(?:launched|established|set\s+up|created|unveiled|inaugurated|started|founded)\b(?!\s+by\b)"
)


def owner_named_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """DEVELOPS for a programme launched without a stated maker whose name opens with the name of
    an organisation the document names ("the §DLR Quantum Computing Initiative§ has been launched",
    DLR named elsewhere): an organisation names its own programmes after itself."""
    launched = [
        (k, v, int(x.group(1)))
        for k, v in enumerate(views)
        if "§" in v.masked and gate(v.masked, _LAUNCH_WORDS)
        for x in _LAUNCHED_BARE.finditer(v.masked)
        if v.type(x.group(1)) in {E.PROGRAM, E.CLUSTER}
    ]
    if not launched:
        return []
    names: dict[str, str] = {}
    for v in views:
        for i, m in enumerate(v.mentions):
            if v.types[i] in _OWNERS:
                names.setdefault(m.text, v.ids[i])
    out: list[tuple[int, Fact]] = []
    for k, v, b in launched:
        first = v.mentions[b].text.split()
        for n in (1, 2, 3):
            owner = names.get(" ".join(first[:n])) if len(first) > n else None
            if owner is not None and owner != v.id(b):
                out.append((k, Fact(owner, R.DEVELOPS, v.id(b), "owner-named-launch", 0.7)))
                break
    return out


_LAUNCH_WORDS = (
    "launched",
    "established",
    "set up",
    "created",
    "unveiled",
    "inaugurated",
    "started",
    "founded",
)
#: Who names a programme after itself: companies, universities, institutes, agencies.
_OWNERS = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY})


#: "the §Y§, a facility built by §X§,", "§Y§, a research hub set up in 2020 by §X§,": the
#: apposition's kind noun before the participle. The apposition fold leaves one name in the
#: masked text, so this reads the text before the fold.
_APPOSED_KIND_MADE_BY = re.compile(
    rf"(?P<made>§\d+§),\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,3}}?{_FACILITY}\s+(?:(?:which|that)\s+"
    rf"(?:is|was|were|has\s+been)\s+)?(?:(?:first|originally|jointly|recently|officially|initially)\s+)?{_YEAR}"
    rf"{_MADE_BY}\s+{_YEAR}(?:jointly\s+)?(?:by|in\s+(?:partnership|collaboration|cooperation)\s+with)\s+"
    rf"(?P<maker>{LIST})"
)


#: What a maker may make without founding a body: a cluster, programme or institute.
_TARGETS = frozenset({E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE})
#: The "initiative-of" wording of :data:`_DEVELOPS_MORE`, for sentences the apposition fold left with one name.
_INITIATIVE_OF = next(rx for rx, _, name in _DEVELOPS_MORE if name == "initiative-of")
#: What a maker may found: a cluster, programme or institute, or a new body read as a company or agency.
_FOUNDED = frozenset({E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE, E.COMPANY, E.GOVERNMENT_BODY})


def apposed_made_facts(v: SentView) -> Iterator[Fact]:
    """DEVELOPS from an apposition naming its maker: "the §Y§, a facility built by §X§," (see
    :data:`_APPOSED_KIND_MADE_BY`)."""
    unfolded = v.memo.get(UNFOLDED)
    if not isinstance(unfolded, str):
        return
    for x in _APPOSED_KIND_MADE_BY.finditer(unfolded) if " by " in unfolded or " with " in unfolded else ():
        b = int(x.group("made")[1:-1])
        for a in ids_in(x.group("maker")):
            if _ok(v, a, b, _FOUNDED) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "apposed-kind-made-by", 0.8)
    if v.masked.count("§") >= 4:
        return  # the phrasing rules read the sentence (the initiative's apposition among them)
    # "The §Y§, a joint initiative of §A§ and §B§, opened in May": the fold left one name
    for x in _INITIATIVE_OF.finditer(unfolded):
        b = int(x.group("made")[1:-1])
        for a in ids_in(x.group("maker")):
            if _ok(v, a, b, _TARGETS) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "initiative-of", 0.8)


#: A new body made and described, not yet named: "A new research centre ... was launched by §X§
#: in 2020." / "§X§ has opened a new quantum hub." (the kind noun in group "kind").
_MADE_DESCRIBED = re.compile(
    rf"^\s*(?:An?\s+new\s+(?:[\w-]+\s+){{0,3}}?(?P<kind>{_FACILITY})\b[^§.;]{{0,120}}?\b(?:was|has\s+been|have\s+been|is\s+being|"
    rf"will\s+be)\s+(?:officially\s+|formally\s+|jointly\s+)?{_MADE_BY}\s+(?:{_YEAR})?by\s+(?:the\s+)?(?P<maker>{LIST})"
    rf"|(?:the\s+|The\s+)?(?P<maker2>{LIST})\s+(?:(?:has|have|had|will|is|are|was|were|officially|formally|jointly|today|"
    rf"recently|just|to|be|plans?|planning|aims?|intends?|set)\s+)*(?:launch(?:es|ed|ing)?|open(?:s|ed|ing)?|establish(?:es|ed|ing)?|sets?\s+up|setting\s+up|"
    rf"creat(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|inaugurat(?:e|es|ed|ing)|founded|buil(?:d|ds|t|ding))\s+an?\s+new\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?P<kind2>{_FACILITY})\b(?:[^§]|§\d+§)*$)"
)
#: The next sentence opens on the body's name: "The §Sheffield Quantum Centre§, which ...".
_OPENS_ON_NAME = re.compile(r"^\s*(?:The\s+|Named\s+(?:the\s+)?|Called\s+(?:the\s+)?)?§(\d+)§")
_KIND_STEMS = {
    "center": "cent",
    "centre": "cent",
    "laboratory": "lab",
    "laboratories": "lab",
    "program": "program",
}


def _kind_stem(kind: str) -> str:
    """The stem of a kind noun that the body's name must hold ("centres" -> "cent", "hubs" -> "hub")."""
    word = kind.split()[-1].lower()
    if word in _KIND_STEMS:
        return _KIND_STEMS[word]
    return _KIND_STEMS.get(word.rstrip("s"), word.rstrip("s")[:4])


#: A body made and described without a name, the new-ness unsaid too: "§Israel§ is next week
#: officially opening a quantum computing center that ...".
_MADE_UNNAMED = re.compile(
    rf"(?:^|[,;]\s+)(?:the\s+|The\s+)?(?P<maker>{LIST})\s+(?:(?!(?:and|but|which|that|who|by|of|with|from)\b)[a-z]+\s+){{0,4}}?"
    rf"(?:launch(?:es|ed|ing)?|open(?:s|ed|ing)?|establish(?:es|ed|ing)?|sets?\s+up|setting\s+up|creat(?:e|es|ed|ing)|"
    rf"unveil(?:s|ed|ing)?|inaugurat(?:e|es|ed|ing)|buil(?:d|ds|t|ding))\s+an?\s+(?P<desc>(?:[a-z][\w-]*\s+|§\d+§\s+){{0,3}}?)"
    rf"(?P<kind>{_FACILITY})\b"
)
#: How far from the description its one name may stand (sentences before and after).
_NAME_WINDOW = 3


def _unique_named(views: Sequence[SentView], k: int, stem: str) -> str | None:
    """The one body of a founded type named within :data:`_NAME_WINDOW` sentences of ``k`` (not in
    ``k`` itself) whose name holds ``stem``; ``None`` when none or several are."""
    # (not the sentence itself: "opening a quantum centre modelled on the §Y Centre§" names another)
    found = {
        w.ids[i]
        for j, w in enumerate(
            views[max(0, k - _NAME_WINDOW) : k + _NAME_WINDOW + 1], start=max(0, k - _NAME_WINDOW)
        )
        if j != k
        for i in range(len(w.ids))
        if w.types[i] in _FOUNDED and stem in w.mentions[i].text.lower()
    }
    return next(iter(found)) if len(found) == 1 else None


def described_then_named_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """DEVELOPS across two sentences: a new body made and only described ("A new research centre
    ... was launched by §X§ in 2020.", "§X§ has opened a new quantum hub.") and named at the
    opening of the next sentence ("The §Sheffield Quantum Centre§, which ..."), whose name holds
    the kind noun of the description (a centre is a "... Centre", a hub a "... Hub"). Also a body
    made with no name ("§Israel§ is next week opening a §quantum computing§ center") when one body
    only, of a name holding that kind noun, is named within three sentences before or after
    (`_unique_named`). The fact's sentence is the one where the making is told."""
    out: list[tuple[int, Fact]] = []
    for k in range(len(views) - 1):
        v, nxt = views[k], views[k + 1]
        if " new " not in v.masked:
            continue
        x = _MADE_DESCRIBED.search(v.masked)
        if x is None:
            continue
        y = _OPENS_ON_NAME.match(nxt.masked)
        if y is None:
            continue
        b = int(y.group(1))
        kind = x.group("kind") or x.group("kind2")
        if nxt.type(b) not in _FOUNDED or _kind_stem(kind) not in nxt.mentions[b].text.lower():
            continue
        for a in ids_in(x.group("maker") or x.group("maker2")):
            if v.type(a) in _ACTORS - {E.PROGRAM} and v.id(a) != nxt.id(b):
                out.append((k, Fact(v.id(a), R.DEVELOPS, nxt.id(b), "described-then-named", 0.7)))
    for k, v in enumerate(views):
        if "§" not in v.masked:
            continue
        for x in _MADE_UNNAMED.finditer(v.masked):
            if any(v.type(i) is not E.TECHNOLOGY for i in ids_in(x.group("desc"))):
                continue  # "a §Lyon§ centre" is no description of a new body alone
            named = _unique_named(views, k, _kind_stem(x.group("kind")))
            if named is None:
                continue
            for a in ids_in(x.group("maker")):
                if v.type(a) in _ACTORS - {E.PROGRAM} and v.id(a) != named:
                    out.append((k, Fact(v.id(a), R.DEVELOPS, named, "made-then-named-nearby", 0.6)))
    return out
