"""WORKS_ON from how an actor is profiled: what it is, is becoming, or is known to do.

News and press releases introduce a company by a description more often than by a verb of
focus: "X is a §trapped-ion quantum computing§ company", "X (a §quantum sensing§ start-up)",
"X is a spin-out developing §quantum sensors§", "one of the few firms building §topological
qubits§", "X's core business is §QKD§", "X is at the forefront of §quantum networking§",
"X has made strides in §error correction§", "the §Centre§ brings together scientists working
on §T§". Each rule here is one such shape, whatever the words filling it; the verbs of making
and focus themselves live in :mod:`.works_on`.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORG_NOUN, ORGS, Fact, SentView
from . import fastre as re
from .rule import ACTORS as _ACTORS
from .rule import f as _f
from .rule import gate, members
from .rule import ok as _ok
from .tech_aims import aim_facts
from .works_on import _AUX, _MAKES, _QUAL, _TECH_LIST, _subjects

__all__ = ["profile_facts"]

E = EntityType
R = RelationType

_TECH = frozenset({E.TECHNOLOGY})
_ORGS = frozenset(ORGS)
_FOCUSED = frozenset(ORGS | {E.PROGRAM})

#: How a description attaches to its actor: an apposition, a bracket, or a copula.
_IS = (
    r"(?:,\s+|\s+\(\s*|\s+(?:is|was|are|were|has\s+been|remains|became|becomes|is\s+now|was\s+once)\s+"
    r"(?:(?:also|now|still|already)\s+)?)"
)
#: A place used as a qualifier: "a §Lyon§-based", "a Kestrel-based", "a US-headquartered".
_BASED = r"(?:(?:§\d+§|[A-Z][\w]*)-(?:based|headquartered)\s+)?"
#: A word qualifying a descriptor noun, never a preposition ("a partner of companies building ...").
_DESC_WORD = r"(?!(?:of|for|with|to|in|on|at|by|from|and|or|as|that|which|who)\b)[\w'-]+"
#: Participles and relative verbs that say what a described organisation does with a technology.
_DOING = (
    r"(?:(?:that|which|who)\s+(?:is\s+|are\s+)?)?(?:co-?)?(?:developing|develops|building|builds|making|makes|"
    r"producing|produces|designing|designs|commerciali[sz]ing|offering|offers|providing|provides|pioneering|"
    r"manufacturing|manufactures|selling|sells|delivering|delivers|supplying|supplies|researching|"
    r"(?:specialising|specializing|specialised|specialized|specialises|specializes)\s+in|"
    r"(?:focused|focusing|focussed|focuses)\s+on|(?:working|works)\s+on|"
    r"to\s+(?:build|develop|make|commerciali[sz]e|offer|sell|deliver|deploy|demonstrate|produce|manufacture))"
)
#: A design made on a technology, between the doing and the technology: "a start-up pioneering a
#: distributed, fault-tolerant §quantum computer§ architecture built on §silicon spin qubits§".
_DESIGN_ON = (
    r"(?:a|an|the|its)\s+(?:(?:[\w-]+,?|§\d+§)\s+){0,4}?(?:architectures?|platforms?|approach(?:es)?|designs?|"
    r"systems?|processors?|computers?|machines?|chips?|devices?)\s+(?:built|based)\s+on\s+"
)
#: Nouns of an actor's own line of work: "X's core business is §T§", "X's mission is to build §T§".
_LINE = (
    r"(?:business|focus|speciality|specialty|expertise|mission|goal|aim|ambition|vision|strategy|"
    r"plan|purpose|objective|priority|strength)"
)
#: Being in the lead of a field or moving it on: "at the forefront of", "made strides in".
_AHEAD = (
    r"(?:(?:is|are|was|were|remains?|has\s+been|have\s+been|stands?)\s+(?:(?:firmly|now|already)\s+)?at\s+the\s+"
    r"(?:forefront|cutting\s+edge|leading\s+edge|vanguard|frontier|heart)|"
    r"(?:made|makes|making|make)\s+(?:[a-z]+\s+){0,2}?(?:progress|strides|advances|breakthroughs?|headway|"
    r"contributions?|investments?)|"
    r"(?:is|are|was|were|has\s+been|have\s+been|remains?)\s+(?:(?:very|also|highly|particularly|deeply|"
    r"heavily|increasingly)\s+)?(?:active|involved|engaged))"
)
#: A launched technology is a product, not what names a programme, a body, an event or a trial
#: ("launched a §quantum computing§ programme / challenge / course", "launch §quantum network§ trial").
_PRODUCT = (
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:projects?|programmes?|programs?|initiatives?|events?|conferences?|summits?|"
    r"weeks?|centers?|centres?|hubs?|labs?|laborator(?:y|ies)|institutes?|funds?|courses?|challenges?|competitions?|"
    r"calls?|strateg(?:y|ies)|roadmaps?|alliances?|consorti(?:um|a)|networks?\s+of|cluster|academy|"
    r"degrees?|training|curricul\w+|school|scholarships?|prizes?|awards?|trials?|pilots?|tests?|testbeds?|"
    r"stud(?:y|ies)|demonstrations?|partnerships?|collaborations?|campaigns?|reports?|surveys?)\b)"
)
#: A way of building something: "uses §neutral atoms§ to build quantum computers".
_TO_BUILD = (
    r"(?:to\s+(?:build|make|create|construct|develop|encode|store|realise|realize|implement)\b|for\s+(?=§))"
)
#: A body gathering people or firms by what they work on.
_GATHERS = (
    r"(?:brings?|brought|bringing)\s+together|unites?|united|gathers?|gathered|connects?|convenes?|"
    r"(?:is|are)\s+home\s+to|hosts?|houses?|comprises?"
)
_WORKING = (
    r"(?:working|specialising|specializing|specialised|specialized|active|engaged|researching|"
    r"focused|focusing|focussed)\s+(?:on|in)"
)

#: Each rule: its pattern, its source types, its name and confidence, and the words (lower case,
#: as substrings) one of which the sentence must hold for the pattern to be tried at all.

#: the stems of the organisation nouns ORG_NOUN names: the cheap gate of the two profile rules
#: that end on such a noun ("a trapped-ion quantum computing company", "a start-up developing")
_ORG_NOUN_STEMS = (
    "compan",
    "firm",
    "start",
    "develop",
    "maker",
    "manufactur",
    "specialist",
    "provider",
    "supplier",
    "vendor",
    "pioneer",
    "player",
    "unicorn",
    "spin",
    "group",
    "giant",
    "incubator",
    "lab",
    "institute",
    "operator",
    "business",
    "venture",
    "outfit",
)

_RULES: tuple[tuple[re.Pattern[str], frozenset[EntityType], str, float, tuple[str, ...]], ...] = (
    # "§X§ is a §trapped-ion quantum computing§ company", "§X§ (a §quantum sensing§ start-up)",
    # "§X§ is a Kestrel-based §quantum software§ firm"
    (
        re.compile(
            rf"{ENT}{_IS}(?:a|an|the|one\s+of\s+the)\s+(?:{_QUAL}\s+){{0,3}}?{_BASED}(?:{_QUAL}\s+){{0,2}}?"
            rf"{_TECH_LIST}\s+(?:[a-z][\w-]*\s+)?{ORG_NOUN}\b"
            # (a possessed noun is another actor: "§X§, the §quantum computing§ firm's German subsidiary")
            r"(?!['’])"
        ),
        _ORGS,
        "is-a-technology-company",
        0.8,
        _ORG_NOUN_STEMS,
    ),
    # "§X§ is a spin-out developing §quantum sensors§", "§X§, one of the few companies building
    # §topological qubits§", "§X§, a start-up that makes §quantum random number generators§"
    (
        re.compile(
            rf"{ENT}{_IS}(?:(?:a|an|the)\s+|one\s+of\s+(?:the\s+)?)(?:(?:{_DESC_WORD}|§\d+§)\s+){{0,3}}?{_BASED}(?:(?:{_DESC_WORD}|§\d+§)\s+){{0,2}}?{ORG_NOUN}\s+"
            rf"{_DOING}\s+(?:{_DESIGN_ON})?(?:(?:both|mainly|primarily|chiefly)\s+)?(?:{_QUAL}\s+){{0,3}}?{_TECH_LIST}"
        ),
        _ORGS,
        "company-doing-technology",
        0.8,
        _ORG_NOUN_STEMS,
    ),
    # "§X§'s core business is §quantum key distribution§", "§X§'s mission is to build §T§",
    # "§X§'s main focus remains on §T§"
    (
        re.compile(
            rf"{ENT}'s?\s+(?:(?:core|main|primary|chief|key|principal|sole|stated|current|own)\s+)?{_LINE}\s+"
            rf"(?:is|was|has\s+been|remains|lies|will\s+be)\s+(?:(?:on|in)\s+)?(?:to\s+{_MAKES}\s+)?"
            rf"(?:{_QUAL}\s+){{0,3}}?{_TECH_LIST}"
        ),
        frozenset(_ACTORS),
        "line-of-work-is",
        0.8,
        ("'",),
    ),
    # "§X§ has an ambitious plan to build a §quantum internet§"
    (
        re.compile(
            rf"({LIST}){_AUX}\s+(?:has|have|had|set\s+out|unveiled|announced)\s+(?:an?|the|its|their)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?(?:plan|goal|aim|ambition|mission|vision|roadmap|bid)\s+to\s+{_MAKES}\s+"
            rf"(?:{_QUAL}\s+){{0,3}}?{_TECH_LIST}"
        ),
        frozenset(_ACTORS),
        "plan-to-make",
        0.7,
        ("plan", "goal", "aim", "ambition", "mission", "vision", "roadmap", "bid"),
    ),
    # "§X§ is at the forefront of §quantum networking§", "§X§ has made significant progress in
    # §quantum error correction§", "§X§ is active in §quantum sensing§ and §quantum communication§"
    (
        re.compile(
            rf"({LIST}){_AUX}\s+{_AHEAD}\s+(?:in|of|on|into)\s+(?:the\s+(?:fields?|areas?|development|domains?)\s+of\s+)?"
            rf"(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
        ),
        frozenset(_ACTORS),
        "ahead-in",
        0.8,
        (
            "forefront",
            "edge",
            "vanguard",
            "frontier",
            "heart",
            "progress",
            "stride",
            "advance",
            "breakthrough",
            "headway",
            "contribution",
            "investment",
            "active",
            "involved",
            "engaged",
        ),
    ),
    # "§X§ uses §neutral atoms§ to build quantum computers", "§X§ harnesses §neutral atoms§ for §quantum
    # computing§": the way it builds is its technology
    (
        re.compile(
            rf"({LIST}){_AUX}\s+(?:uses?|used|using|harness\w*|leverag\w+|exploits?|exploited|relies\s+on|relied\s+on|"
            rf"employs?|employed)\s+{_TECH_LIST}\s+(?:as\s+[^§.;]{{0,30}}?\s)?{_TO_BUILD}"
        ),
        _ORGS,
        "uses-to-build",
        0.7,
        (" to ", " for "),
    ),
    # "§X§, whose §quantum sensors§ are used by navies"
    (
        re.compile(rf"{ENT},?\s+whose\s+(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"),
        _ORGS,
        "whose-technology",
        0.7,
        ("whose",),
    ),
    # "§X§, spun out of §U§ in 2019, makes §neutral-atom quantum computers§": a participle clause
    # between the subject and its verb
    (
        re.compile(
            rf"{ENT},\s+(?:(?:founded|spun\s+(?:out|off)|based|headquartered|established|created|launched|backed|"
            rf"owned|incubated|born)\b[^.;]{{0,80}}?),{_AUX}\s+{_MAKES}\s+(?:{_QUAL}\s+){{0,3}}?{_TECH_LIST}"
        ),
        _ORGS,
        "participle-then-makes",
        0.8,
        (
            "founded",
            "spun",
            "based",
            "headquartered",
            "established",
            "created",
            "launched",
            "backed",
            "owned",
            "incubated",
            "born",
        ),
    ),
    # "§X§ launched its first §quantum sensor§ for medical imaging", "§X§ unveiled a 100-qubit
    # §trapped-ion quantum computer§": a product of the technology, not a programme or an event
    (
        re.compile(
            rf"({LIST}){_AUX}\s+(?:launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|"
            rf"releas(?:e|es|ed|ing)|debut(?:s|ed|ing)?|roll(?:s|ed|ing)?\s+out|showcas(?:e|es|ed|ing))\s+"
            rf"(?:(?:{_QUAL}|\d[\w-]*)\s+){{0,4}}?{_TECH_LIST}{_PRODUCT}"
        ),
        _ORGS,
        "launches-product",
        0.7,
        ("launch", "unveil", "introduc", "releas", "debut", "roll", "showcas"),
    ),
    # "the §Centre§ brings together scientists working on §superconducting quantum technologies§"
    (
        re.compile(
            rf"({LIST})(?:\s*\(§\d+§\))?{_AUX}\s+(?:{_GATHERS})\s+(?:[^.;]{{0,80}}?\s)?(?:researchers|scientists|experts|engineers|"
            rf"groups|teams|companies|firms|start-?ups|partners|members|organi[sz]ations|academics)\s+"
            rf"(?:(?:who|that)\s+(?:are|work)\s+)?{_WORKING}\s+(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
        ),
        _FOCUSED,
        "gathers-workers-on",
        0.7,
        ("together", "unite", "gather", "connect", "convene", "home to", "host", "house", "compris"),
    ),
)


def profile_facts(v: SentView, m: str) -> Iterator[Fact]:
    """WORKS_ON from the descriptions of an actor (see the module's docstring), and from the
    fields of joint work and public support (:mod:`.tech_aims`)."""
    yield from aim_facts(v, m)
    low = m.lower()
    for rx, sources, name, conf, cues in _RULES:
        if not gate(low, cues):
            continue
        for x in rx.finditer(m):
            group = x.group(1)
            subjects = _subjects(group) if not group.isdigit() else [int(group)]
            for a in subjects:
                if v.type(a) not in sources:
                    continue
                for b in members(x.group(2)):
                    if _ok(v, a, b, _TECH):
                        yield _f(v, a, R.WORKS_ON, b, name, conf)
