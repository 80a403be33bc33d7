"""WORKS_ON: what an actor works on, from the wordings of focus, making and description.

The targets are the technology mentions of :mod:`.technologies`; the sources are actors (or
organisations, for the weaker phrasings): "X specialises in §T§", "X, a developer of §T§",
"§T§ start-up X", "X's §T§ efforts".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORG_NOUN, ORGS, PLACES, Fact, SentView, ids_in
from . import fastre as re
from .literals import Gated, compile_gated
from .rule import ACTORS as _ACTORS
from .rule import Rule, apply, members
from .rule import f as _f
from .rule import ok as _ok
from .words import may_hold

E = EntityType
R = RelationType

__all__ = ["MAKERS_AND_DEALS", "works_on_facts"]

_WORK = (
    r"(?:focus|focuses|focused|focusing|focussed|specializ\w+|specialis\w+|work|works|working|worked|research\w*|"
    r"expertise|finesse|strength|strengths|efforts?|pioneer\w*|leader|excel\w*|experience|know-how|capabilit\w+|"
    r"activit\w+|programme|program|bets?|betting|knowledge|skills?|competenc\w+|track\s+record|"
    # "X has a strong presence in §T§", "X leads the world in §T§" (a place's presence is its firms')
    r"presence|leads)"
)


_TECH_LIST = r"((?:§\d+§)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)§\d+§)*)"


_TECH = frozenset({E.TECHNOLOGY})


#: The technology does not merely qualify a name or a project ("§X§'s §AI§ and Cyber Week",
#: "§X§'s first §quantum computer§ adoption project").
_NOT_A_MODIFIER = (
    r"(?!\s+(?:and\s+)?[A-Z][a-z])(?!\s+(?:[\w-]+\s+){0,2}?(?:projects?|programmes?|programs?|initiatives?|"
    r"events?|conferences?|summits?|weeks?|centers?|centres?)\b)"
)


#: The actor is not the funder of another's development ("§K§ funds the development of its ...").
_NOT_FUNDER = (
    r"(?!\s+(?:[a-z]+\s+)?(?:funds|funded|invests|invested|backs|backed|awards|awarded|grants|granted|finances|"
    r"financed)\b)"
)
#: A word that may qualify a possessed technology ("§X§'s first §quantum computer§"), never a
#: preposition or a verb opening a clause ("§X§'s goal of deploying §quantum sensors§").
_MODIFIER = (
    r"(?!(?:of|for|to|in|on|at|by|with|from|into|and|or|but|is|are|was|were|has|have|had|will|would|can|could|"
    r"involves?|uses?|using|includes?|including|said|says)\b)[\w-]+"
)


#: A list of focus areas whose items may be qualified mentions or plain words ("specialises in
#: §trapped ion quantum technologies§, entanglement-based networking, high-performance §quantum
#: clocks§ and inertial sensors"): its mentions are the technologies.
_FOCUS_ITEM = r"(?:(?:[a-z][\w-]*\s+){0,2}?§\d+§|(?!and\b)[a-z][\w-]*(?:\s+(?!and\b)[a-z][\w-]*)?)"
#: What is done to a technology one focuses on: "specialises in the development of §T§".
_WORK_ON_IT = (
    r"(?:development|design|commerciali[sz]ation|manufactur\w+|production|engineering|study|research|"
    r"application|deployment|integration|industriali[sz]ation)"
)
_FOCUS_LIST = rf"§\d+§(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_FOCUS_ITEM}){{0,8}}"


#: Money and ownership words: a focus on investing in or buying what a technology's makers make is
#: no work on the technology ("focuses on investing in §T§ companies", "specialises in funding §T§ start-ups").
_NOT_MONEY = r"(?!(?:invest|fund|financ|back|acquir|buy|bought)\w*\s)"


#: The technology qualifies its makers or deals, not a field of work: "focuses on §T§ start-ups", "expertise
#: in §T§ investments" (an investor's).
MAKERS_AND_DEALS = (
    r"(?:start-?ups?|companies|firms|businesses|ventures|scale-?ups?|investments?|deals?|portfolios?)\b"
)
_NOT_THEIR_MAKERS = rf"(?!\s+{MAKERS_AND_DEALS})"


def _works_on_tail(work: str) -> str:
    return (
        rf"(?:\s+[—–])?\s+(?:(?!(?:to|who|whom|whose)\s)[\w-]+\s+){{0,4}}?{work}\s+(?:{_NOT_MONEY}[\w-]+\s+){{0,3}}?"
        rf"(?:on|in|into|to)\s+(?:the\s+field\s+of\s+)?(?:{_NOT_MONEY}[\w-]+\s+){{0,2}}?(?:(?:both\s+)?quantum\s+and\s+)?"
        # (another's work: "§X§ hailed a milestone in §T§ by §Y§")
        rf"{_TECH_LIST}{_NOT_THEIR_MAKERS}(?!\s+by\s+(?:the\s+)?§)"
    )


_WORKS_ON_TAIL = _works_on_tail(_WORK)
#: What a place itself does about a technology: its efforts, programmes, focus and bets (its policy).
#: A place's "expertise", "strength" or "leadership" in a field ("demonstrate §Finland§'s
#: expertise in building §quantum computers§", "establish §Japan§ as a global leader in §T§") is
#: its firms' and people's, or an aim: no work of the place.
_PLACE_WORK = (
    r"(?:focus|focuses|focused|focusing|efforts?|programmes?|programs?|bets?|betting|investments?|push)"
)
_PEOPLE = r"(?:scientists|researchers|experts|engineers|students|academics|physicists|people|talents?|workers|teams)"


#: A preposition right before a subject list, and a purpose right after it: "spun out of §U§ to
#: commercialise", "a grant from §F§ to develop", "researchers from §U§ to build" ("in" is not
#: one: "invested in §Y§ to develop" is §Y§'s work).
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|from|with|by|at|for|into|on|under)\s$")
_TO_PURPOSE = re.compile(r",?\s+to\s")


class _PurposeOfTheSubject(Gated):
    """A rule whose first group (the actor) is not the object of a preposition: a purpose after such
    an object, or "its" after it, is the clause subject's ("§X§ was spun out of §U§ to commercialise
    §T§", "§X§ raised $20m from §K§ to scale its §T§ platform" say nothing of §U§ or §K§). With
    ``purpose_only`` the object is refused only before "to". Checked on each match, so the pattern
    keeps its fast first token."""

    __slots__ = ("_purpose_only",)

    def __init__(self, pattern: str, *, purpose_only: bool = True) -> None:
        super().__init__(re.compile(pattern))
        self._purpose_only = purpose_only

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        for x in super().finditer(string, pos, endpos):
            s = x.start(1) - (string[x.start(1) - 1 : x.start(1)] == "§")  # "§12§": from its marker
            after = not self._purpose_only or _TO_PURPOSE.match(string, x.end(1))
            if not (after and _PREPOSITION_BEFORE.search(string, max(0, s - 7), s)):
                yield x


#: Focus on a technology; actors (or organisations, for the weaker phrasings) work on it.
_WORKS_ON_RULES = (
    Rule(
        # (a funder's research money is the funded one's work: "§K§ funds research in §T§")
        re.compile(rf"{ENT}(?:'s?)?{_NOT_FUNDER}{_WORKS_ON_TAIL}"),
        1,
        2,
        "works-on",
        0.8,
        frozenset(_ACTORS - PLACES),
        _TECH,
    ),
    # a place works on what it does, not on what its people do: "§Britain§'s most experienced
    # scientists working on §superconducting quantum technologies§" says nothing of Britain
    Rule(
        re.compile(rf"{ENT}(?!'s?\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b)(?:'s?)?{_works_on_tail(_PLACE_WORK)}"),
        1,
        2,
        "works-on",
        0.8,
        frozenset(PLACES),
        _TECH,
    ),
    Rule(
        # (the technology describes another, named actor: "§U§'s §quantum security§ spin-out §K§")
        re.compile(
            rf"{ENT}'s?\s+(?:{_MODIFIER}\s+){{0,3}}?{_TECH_LIST}{_NOT_A_MODIFIER}"
            rf"(?!\s+(?:[\w-]+\s+){{0,2}}?{ORG_NOUN}\s+(?:called\s+|named\s+)?§)"
        ),
        1,
        2,
        "possessive-technology",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    Rule(
        _PurposeOfTheSubject(
            rf"{ENT}(?:(?!\b(?:it|they)\s)[^§]){{0,60}}?\bits\s+{_TECH_LIST}\s+(?:technology|technologies|efforts|research|programme|program|business|capabilit\w+|hardware|roadmap|ambitions|activities|work|expertise|portfolio|"
            rf"platforms?|products?|solutions?|offerings?)",
            purpose_only=False,
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
            rf"{ENT}(?:,\s+(?:(?:which|that|who)\s+)?(?=[a-z])|\s+)(?:[\w-]+\s+){{0,3}}?(?:focus(?:es|ed|ing)?\s+on|specializ\w+\s+in|"
            rf"specialis\w+\s+in|works?\s+on|working\s+on|researche?s?)\s+(?:(?:both|mainly|primarily|chiefly)\s+)?"
            rf"(?:(?:the\s+)?{_WORK_ON_IT}\s+(?:of|on|into)\s+(?:(?!and\b)[a-z][\w-]*\s+){{0,2}}?)?({_FOCUS_LIST})"
        ),
        1,
        2,
        "focus-on",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
)


#: A list whose items may be plain words ("§quantum sensors§, devices, §cryogenics§ and laser control").
_LOOSE_ITEM = r"(?:§\d+§|(?!and\b)[a-z][\w-]*(?:\s+(?!and\b)[a-z][\w-]*)?)"
_LOOSE_LIST = rf"{_LOOSE_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LOOSE_ITEM}){{0,8}}"
#: Words between a subject and its verb: auxiliaries, adverbs, relative pronouns.
_AUX = (
    r"(?:,?\s+(?:has|have|had|is|are|was|were|will|would|can|could|to|be|been|being|also|now|already|jointly|"
    r"successfully|together|currently|recently|further|still|which|that|who|plans?|planning|aims?|aiming|"
    r"seeks?|continues?|set|and|co-?|selected|chosen|contracted|commissioned|tapped|appointed)|,\s+(?:for\s+(?:example|instance)|meanwhile|however|in\s+turn|too),"
    r"|\s*\((?:formerly|previously|now|also\s+known\s+as)\s+§\d+§\))*"
)
#: Verbs that say an actor makes or advances a technology (not merely uses or funds it).
_MAKES = (
    r"(?:co-?)?(?:develop|develops|developing|developed|build|builds|building|built|make|makes|making|made|produce|produces|"
    r"producing|produced|manufactur\w+|design|designs|designing|designed|commerciali[sz]\w+|offer|offers|offering|"
    r"offered|provide|provides|providing|provided|deliver|delivers|delivering|delivered|demonstrat\w+|pursu\w+|"
    r"explor\w+|advanc\w+|exploit\w*|pioneer\w*|sell|sells|selling|sold|research\w*|stud\w+|assembl\w+|"
    r"suppl(?:y|ies|ying|ied)|create|creates|creating|created|(?:take|takes|taking|took)\s+(?:[a-z]+\s+){0,2}?approach(?:es)?\s+to)"
)
#: A collection of made things before the technology: "develops a suite of §quantum sensor§ products".
_COLLECTION = r"(?:(?:suite|range|portfolio|family|line|series|set|variety|generation)\s+of\s+(?:[a-z][\w-]*\s+){0,2}?)?"
#: A word qualifying the technology ("a", "state-of-the-art", "its own"), never a preposition.
_QUAL = (
    r"(?!(?:to|for|with|on|in|of|by|from|at|into|and|or|but|as|than|funding|money|access|services?|support|"
    r"grants?|investment|capital|customers?|users?|clients?)\b)[a-z][\w-]*"
)
#: A maker's description: "a developer of", "the leading provider of", "a pioneer in".
_MAKER = (
    r"(?:developers?|providers?|makers?|manufacturers?|suppliers?|pioneers?|leaders?|specialists?|vendors?|"
    r"designers?|builders?|innovators?|hubs?|centres?|centers?|powerhouses?|experts?|trailblazers?|frontrunners?|"
    r"front-runners?|forerunners?|champions?|authorit(?:y|ies)|compan(?:y|ies)|firms?|players?|testbeds?|test-beds?|"
    r"platforms?)"
)
_ITS = r"(?:its|their|§\d+§)"

#: A made thing's use of a technology: "a processor that exploits §spin qubits§".
_USES = r"(?:that|which)\s+(?:uses|exploits|harnesses|leverages|relies\s+on|is\s+based\s+on)"
#: Joint work with a partner on a technology: "§A§ has partnered / teamed up / worked closely with §B§
#: on §T§ (research)"; places state a policy there, no work of their own.
_WORK_WITH_ON = compile_gated(
    rf"({LIST}){_AUX}\s+(?:partner(?:s|ed|ing)?|team(?:s|ed|ing)?\s+up|collaborat\w+|cooperat\w+|work(?:s|ed|ing)?)\s+"
    rf"(?:(?:together|jointly|closely)\s+)?with\s+({LIST})\s+on\s+(?:the\s+development\s+of\s+)?"
    rf"(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}{_NOT_THEIR_MAKERS}"
)
#: Wordings where the technology is what an actor builds, is described by, or is known for.
_MAKES_RULES = (
    # "§Fujitsu§ and §RIKEN§ have developed a §superconducting quantum computer§",
    # "§QuantX§, which produces state-of-the-art §quantum optical atomic clocks§"
    # (a purpose after the object of a preposition is the clause subject's: "§X§ was spun out of
    # §U§ to commercialise §T§" says nothing of §U§)
    Rule(
        _PurposeOfTheSubject(
            rf"({LIST}){_AUX}\s+{_MAKES}(?:,?\s+(?:and|&)\s+{_MAKES})?\s+(?:{_QUAL}\s+){{0,3}}?{_COLLECTION}(?:(?:based\s+on|built\s+on|using|with|{_USES})\s+(?:\d+\s+)?)?"
            rf"{_TECH_LIST}"
        ),
        1,
        2,
        "makes-technology",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§Honeywell§ launched its first §quantum computer§ using §trapped ions§": the way a made
    # machine works is the maker's technology
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+(?:launch\w*|unveil\w*|introduc\w+|debut\w*|releas\w+|{_MAKES})\s+(?:{_QUAL}\s+){{0,3}}?"
            rf"§\d+§\s+(?:using|based\s+on|built\s+on|that\s+uses|which\s+uses|with)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "made-using",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§A§ has partnered with §B§ on §quantum sensing§ research": both sides of the joint work
    *(
        Rule(_WORK_WITH_ON, side, 3, "work-with-on", 0.8, frozenset(_ACTORS - PLACES), _TECH)
        for side in (1, 2)
    ),
    # "§BT§ and §Toshiba§ have been working together on §quantum encryption§"
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+(?:work|works|working|worked|collaborat\w+|cooperat\w+)\s+"
            rf"(?:(?:together|jointly|closely)\s+)?on\s+(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "work-together-on",
        0.8,
        # countries working together on a field state a policy ("§Portugal§ and §Spain§ will
        # collaborate on §T§"): no work of their own
        frozenset(_ACTORS - PLACES),
        _TECH,
    ),
    # "§the city§ will explore different technologies, including §quantum sensors§, devices and §cryogenics§"
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+{_MAKES}\s+(?:{_QUAL}\s+){{0,2}}?(?:technologies|areas|fields|domains)\s*,?\s+"
            rf"(?:including|such\s+as|like|notably)\s*:?\s+({_LOOSE_LIST})"
        ),
        1,
        2,
        "technologies-including",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§TuringQ§ is a developer of §optical quantum chips§", "§Orbion§, a pioneer in §quantum sensing§"
    Rule(
        re.compile(
            rf"({LIST})(?:,|\s+[—–])?\s+(?:is|was|are|were|has\s+been|remains|becomes|became|will\s+be|would\s+be|"
            rf"(?:(?:will|would|to|also)\s+)?(?:serves?|serving|served|acts?|acting|acted)\s+as)?\s*(?:a|an|the|one\s+of\s+the)\s+"
            rf"(?:{_QUAL}\s+){{0,3}}?{_MAKER}\s+(?:of|in|for)\s+(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
            # ("a platform for §quantum computing§ start-ups" serves the makers)
            rf"(?!\s+[a-z]+-[a-z]+){_NOT_A_MODIFIER}{_NOT_THEIR_MAKERS}"
        ),
        1,
        2,
        "maker-of-technology",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "§quantum computing§ start-up §IonQ§", "the §neutral-atom quantum computing§ company §QuEra§"
    Rule(
        # ("one of the few §quantum tech§ companies in the world, §Orbion§": a place of the class may follow)
        re.compile(
            rf"{_TECH_LIST}\s+(?:[a-z][\w-]*\s+)?{ORG_NOUN}"
            rf"(?:\s+(?:in|across|from)\s+(?:the\s+)?(?:world|country|region|sector|industry|market|§\d+§))?,?\s+({LIST})"
        ),
        2,
        1,
        "technology-descriptor",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "§IonQ§, §Rigetti§ and other §quantum computing§ companies": the examples the class is named by
    Rule(
        re.compile(
            # (the group keeps its "and": each name is an example, not a fronted phrase's last)
            rf"({LIST},?\s+and\s+)(?:many\s+|several\s+|various\s+|numerous\s+)?other\s+{_TECH_LIST}\s+"
            rf"(?:[a-z][\w-]*\s+)?{ORG_NOUN}\b"
        ),
        1,
        2,
        "examples-of-technology-class",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "Research in §T§ is conducted by companies such as §A§ and §B§": who does the research
    Rule(
        re.compile(
            rf"\b(?:[Rr]esearch|[Ww]ork|[Dd]evelopment)\s+(?:in|on|into)\s+(?:the\s+field\s+of\s+)?{_TECH_LIST}\s+"
            r"(?:is|are|was|were|has\s+been|have\s+been|is\s+being|are\s+being)\s+(?:(?:also|now|mainly|largely)\s+)?"
            r"(?:conducted|carried\s+out|done|pursued|undertaken|performed)\s+by\s+"
            rf"(?:(?:companies|firms|groups|teams|labs|institutions|organi[sz]ations)\s+(?:such\s+as|including|like)\s+)?({LIST})"
        ),
        2,
        1,
        "research-done-by",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "§DeteQt§, §Australia§'s newest §quantum sensing§ start-up"
    Rule(
        re.compile(
            rf"{ENT},\s+(?:§\d+§'s?|the|a|an)\s+(?:{_QUAL}\s+){{0,3}}?{_TECH_LIST}\s+(?:[a-z][\w-]*\s+)?{ORG_NOUN}\b"
            # (a possessed noun is another actor: "..., the §quantum computing§ firm's German subsidiary")
            r"(?!['’])"
        ),
        1,
        2,
        "apposition-technology-descriptor",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "§Stanford§, which is renowned for its development of §neutral atom-based quantum computing§"
    Rule(
        re.compile(
            rf"{ENT},?\s+(?:which|that|who)?\s*(?:is|are|was|were|has\s+been|have\s+been)?\s*(?:best\s+|well\s+|widely\s+)?"
            rf"(?:known|renowned|famous|recogni[sz]ed|noted|celebrated|acclaimed)\s+for\s+(?:{_ITS}\s+)?"
            rf"(?:{_QUAL}\s+){{0,3}}?(?:(?:of|in|on)\s+)?{_TECH_LIST}"
        ),
        1,
        2,
        "known-for-technology",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "the §Veltra Institute§, dedicated to accelerating the development of §quantum computing§",
    # "§Orbion§, which is committed to advancing §quantum cryptography§", "§Orbion§ is dedicated to
    # promoting local innovation and developing sovereign §quantum technologies§" (making comes
    # second; "committed to supporting §T§" is no making)
    Rule(
        re.compile(
            rf"({LIST}),?\s+(?:(?:which|that)\s+)?(?:(?:is|are|was|were|remains|will\s+be|has\s+been|have\s+been)\s+)?"
            rf"(?:(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?)?(?:dedicated|devoted|committed)\s+to\s+(?:(?:[a-z]+ing\s+(?:(?!and\b)[\w-]+\s+){{0,3}}?and\s+)?"
            rf"(?:developing|building|creating|designing|producing|researching|commerciali[sz]ing)\s+(?:{_QUAL}\s+){{0,2}}?|"
            rf"(?:advancing|accelerating|furthering|promoting|driving|the)\s+)?"
            rf"(?:(?:the\s+)?(?:development|research|study|commerciali[sz]ation|advancement)\s+(?:of|on|in|into)\s+)?"
            rf"{_TECH_LIST}"
        ),
        1,
        2,
        "dedicated-to",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "the development of §superconducting quantum systems§ by §Fujitsu§"
    Rule(
        re.compile(
            rf"(?:development|commerciali[sz]ation|production|manufactur\w+|design|research)\s+(?:of|on|into)\s+"
            rf"{_TECH_LIST}\s+by\s+({LIST})"
        ),
        2,
        1,
        "development-by",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§superconducting qubits§, an approach also being pursued by tech giants like §IBM§ and §Google§"
    Rule(
        re.compile(
            rf"{_TECH_LIST}(?:\s+by\s+§\d+§)?,?\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:method|approach|technology|"
            rf"technique|platform|modality|path|route)\s+)?(?:(?:(?:that|which)\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
            rf"(?:also\s+|already\s+|now\s+)?(?:being\s+)?(?:pursued|developed|explored|studied|researched|"
            rf"commerciali[sz]ed|built|favou?red|championed|taken|adopted|chosen|followed|preferred)\s+by\s+"
            rf"(?:(?:§\d+§\s+)?[^§.;]{{0,30}}?\b(?:like|such\s+as|including)\s+)?({LIST})"
        ),
        2,
        1,
        "pursued-by",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
)


#: Verbs of emphasis: "§Q§ emphasises integration with §T§", "the §programme§ is centred on §T§".
_EMPHASIS = r"(?:emphasi[sz]\w*|prioriti[sz]\w*|concentrat\w+\s+on|cent(?:er|re)(?:s|d)?\s+(?:on|around)|revolves?\s+around)"
#: Advancing a field: "to accelerate collaboration on §T§", "to hasten the development of §T§".
_ADVANCE = (
    r"(?:accelerat\w+|advanc\w+|hasten\w*|boost\w*|promot\w+|foster\w*|strengthen\w*|deepen\w*|spur\w*|"
    r"speed\s+up|drive|drives|driving)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:collaboration|cooperation|research|development|"
    r"commerciali[sz]ation|adoption|innovation|progress)\s+(?:on|in|of|into|around)"
)
_FOCUSED = frozenset(ORGS | {E.PROGRAM})
#: Wordings where an organisation or programme states its focus without a verb of making.
_FOCUS_RULES = (
    # "the §initiative§ emphasises integration with §quantum machine learning§"
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+{_EMPHASIS}\s+(?:(?:the\s+)?(?:integration|development|use|application|adoption|"
            rf"study)\s+(?:with|of|on|in|into)\s+)?(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "emphasises",
        0.8,
        _FOCUSED,
        _TECH,
    ),
    # "the ministers launched the §Alliance§ to accelerate collaboration on §AI§": the nearest
    # organisation or programme before the purpose clause is what advances the field
    Rule(
        re.compile(
            rf"{ENT}(?:\s+[^§.;:]{{0,50}}?)?\s+to\s+(?:help\s+)?{_ADVANCE}\s+(?:[\w-]+\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "to-advance",
        0.7,
        _FOCUSED,
        _TECH,
    ),
    # "backing §X§ to fund its ongoing quest to build the world's first scalable §quantum computer§":
    # the mission is the nearest organisation's
    Rule(
        re.compile(
            rf"{ENT}[^§.;]{{0,60}}?\b(?:its|their)\s+(?:[a-z]+\s+)?(?:quest|mission|bid|drive|ambition|race|push|"
            rf"efforts?)\s+to\s+{_MAKES}\s+(?:[\w'-]+,?\s+){{0,6}}?{_TECH_LIST}"
        ),
        1,
        2,
        "its-quest",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ will host a §quantum computing§ testbed", "§X§ houses labs for §quantum photonics§": the
    # facilities a body holds for a technology
    *(
        Rule(
            re.compile(
                rf"({LIST}){_AUX}\s+(?:hosts?|hosting|hosted|houses?|housing|housed)\s+(?:(?:an?|the|its|their|new|several|"
                rf"two|three|four|five)\s+)?(?:(?!(?:from|of|with|by|at|for|to|in|on)\b)[a-z][\w-]*\s+){{0,2}}?{held}"
            ),
            1,
            2,
            "hosts-facility-for",
            0.7,
            frozenset(ORGS),
            _TECH,
        )
        for held in (
            rf"{_TECH_LIST}\s+(?:testbeds?|test-beds?|labs?|laborator(?:y|ies)|facilit(?:y|ies)|platforms?)\b",
            rf"(?:testbeds?|test-beds?|labs?|laborator(?:y|ies)|facilit(?:y|ies))\s+for\s+(?:[a-z][\w-]*\s+)?{_TECH_LIST}",
        )
    ),
    # "§X§'s mission is to build the world's most powerful §photonic quantum computers§": a stated
    # aim of the named actor (its pronoun's is "its-quest")
    Rule(
        re.compile(
            rf"{ENT}['’]s?\s+(?:[a-z]+\s+)?(?:mission|goal|aim|ambition|vision|purpose|objective)\s+(?:is|was|has\s+been)\s+"
            rf"to\s+{_MAKES}\s+(?:[\w'’-]+,?\s+){{0,6}}?{_TECH_LIST}"
        ),
        1,
        2,
        "named-mission",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§'s technique involves building quantum computers using §silicon spin qubits§": the way an
    # actor builds is its technology
    Rule(
        re.compile(
            rf"{ENT}'s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:technique|approach|method|technology|platform|architecture|"
            rf"design|hardware|processors?|chips?|devices?|systems?|machines?)\s+(?:involves?|uses?|used|rel(?:y|ies)\s+on|"
            rf"(?:is|are)\s+based\s+on|leverages|harnesses|exploits|employs|combines|has|have|features?|contains?|boasts?)\s+"
            rf"(?:(?:[a-z][\w-]*\s+|§\d+§\s+){{0,5}}?(?:using|with|on)\s+)?(?:[\d,]+\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "technique-uses",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ has raised £42 million to help fund development of its §silicon-based quantum chips§"
    Rule(
        re.compile(
            rf"{ENT}{_NOT_FUNDER}"
            rf"(?:[^§.;]|\.(?=\d)){{0,80}}?\b(?:development|commerciali[sz]ation|production|manufactur\w+|"
            rf"scale-up|scaling)\s+of\s+(?:its|their)\s+(?:own\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "develops-its-own",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ said it will use the funds to accelerate the development of an on-chip §quantum repeater§":
    # money raised or spent on developing a technology is the raiser's
    Rule(
        re.compile(
            rf"{ENT}{_NOT_FUNDER}(?:[^§.;]|\.(?=\d)){{0,80}}?\b(?:funds|funding|money|proceeds|capital|financing|raised?|"
            rf"raises|raising)\b[^§.;]{{0,60}}?\b(?:development|commerciali[sz]ation|production|manufactur\w+|scale-up|"
            rf"scaling)\s+of\s+(?:(?:its|their|an?|the)\s+)?(?:own\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "funds-development",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ achieved a milestone in §T§", "§X§'s breakthrough in §T§": its own breakthrough (not one
    # it welcomed or praised)
    Rule(
        re.compile(
            rf"{ENT}(?:['’]s?\s+(?:[\w-]+\s+){{0,2}}?|\s+(?:(?:has|have|had|also|now|recently|just)\s+)*"
            rf"(?:achieved|achieves|reached|reaches|made|makes|reported|reports|announced|announces|hit|hits|passed|"
            rf"passes|demonstrated|demonstrates|marked|marks|claimed|claims)\s+(?:a|an|the|its|their|another|several|"
            rf"two|three|new|major|key)\s+(?:[\w-]+\s+){{0,2}}?)(?:breakthroughs?|milestones?)\s+(?:in|on|for|towards?)\s+"
            rf"(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}(?!\s+by\s+(?:the\s+)?§)"
        ),
        1,
        2,
        "own-breakthrough",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ raised $20m to bring its §quantum-safe encryption§ to market": what it takes to market
    # (not the object of a preposition: "§X§ raised $20m from §K§ to bring its ..." is §X§'s)
    Rule(
        _PurposeOfTheSubject(
            rf"{ENT}(?:[^§.;]|\.(?=\d)){{0,80}}?\b(?:bring|brings|bringing|brought|take|takes|taking|took)\s+"
            rf"(?:its|their)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}\s+(?:[a-z][\w-]*\s+)?to\s+(?:the\s+)?markets?\b",
            purpose_only=False,
        ),
        1,
        2,
        "its-to-market",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ has raised $4.5 million in order to build its very own §quantum computer§"
    Rule(
        re.compile(
            rf"{ENT}(?:[^§.;]|\.(?=\d)){{0,60}}?\bto\s+{_MAKES}\s+(?:its|their)\s+(?:very\s+)?own\s+(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "builds-its-own",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
)


def _subjects(group: str) -> list[int]:
    """The subjects of a verb: a list needs its "and" ("§A§, §B§ and §C§"); without one, the
    commas close a fronted phrase ("Founded at §CAS§, §Orbion§ develops ...") and the last is it."""
    if group.isdigit():
        return [int(group)]
    ids = ids_in(group)
    return ids if "," not in group or re.search(r"\b(?:and|&)\s", group) else ids[-1:]


#: "§A§ is teaming up with §B§ (or "with a §Toronto§-based company") to develop and commercialise
#: §quantum computing§ technology": partners joined for a technology both work on it.
_PARTNERS_TO_MAKE = compile_gated(
    rf"({LIST})[^§.;]{{0,40}}?\b(?:team\w*\s+up|partner\w*|collaborat\w+|join\w*\s+forces|work\w*\s+together|"
    rf"cooperat\w+)\s+with\s+(?:({LIST})|(?:a|an|the)\s+[^.;]{{0,50}}?)\s+to\s+(?:jointly\s+)?{_MAKES}(?:\s+and\s+{_MAKES})?\s+(?:{_QUAL}\s+){{0,3}}?"
    rf"{_TECH_LIST}"
)


#: A machine rather than a field: "§IBM§'s fourth §quantum computer§", "§X§'s §quantum hardware§".
_INSTANCE = re.compile(r"(?i)quantum\s+(?:computer|hardware|systems?|devices?|processors?|chips?)")


#: The sentence's subject and, later, its pronoun's efforts: "§A§ and §B§ announced ..., extending
#: their joint efforts in §T§"; "its" needs one subject, "their" several.
_OWN_EFFORTS = compile_gated(
    rf"^(?:the\s+)?({LIST})\s+[^.;]{{0,160}}?\b(its|their)\s+(?:(?:joint|shared|ongoing|own|continued)\s+)?"
    rf"(?:efforts?|work|research|collaboration|cooperation|activities)\s+(?:in|on|into)\s+"
    rf"(?:the\s+(?:fields?|areas?)\s+of\s+)?{_TECH_LIST}"
)


def _own_efforts(v: SentView, m: str) -> Iterator[Fact]:
    x = _OWN_EFFORTS.search(m)
    if x is None:
        return
    subjects = _subjects(x.group(1))
    if (len(subjects) > 1) != (x.group(2) == "their"):
        return  # the pronoun is someone else's
    for a in subjects:
        if v.type(a) not in _FOCUSED:
            continue
        for b in members(x.group(3)):
            if _ok(v, a, b, _TECH):
                yield _f(v, a, R.WORKS_ON, b, "own-efforts", 0.7)


#: Gapped focus lists: "§A§ focuses on §t§, §B§ with §C§ on §u§, and §D§ on §w§": the verb is said once.
_GAPPED_FOCUS = re.compile(
    r"(?:focus(?:es|ed)?|concentrates?|concentrated|specialis\w+|specializ\w+)\s+(?:on|in)\s+§\d+§"
    r"((?:[^§,;.]{0,20},\s+(?:and\s+)?(?:the\s+)?§\d+§(?:\s+(?:with|and)\s+(?:the\s+)?(?:§\d+§|[A-Z][\w-]*))?"
    r"\s+(?:on|in)\s+§\d+§)+)"
)
_GAPPED_ITEM = re.compile(
    r"§(\d+)§(?:\s+(?:with|and)\s+(?:the\s+)?(?:§(\d+)§|[A-Z][\w-]*))?\s+(?:on|in)\s+§(\d+)§"
)


def _gapped_focus(v: SentView, m: str) -> Iterator[Fact]:
    for x in _GAPPED_FOCUS.finditer(m) if "," in m else ():
        for it in _GAPPED_ITEM.finditer(x.group(1)):
            t = int(it.group(3))
            for a in (int(it.group(1)), int(it.group(2) or it.group(1))):
                if v.type(a) in ORGS and _ok(v, a, t, _TECH):
                    yield _f(v, a, R.WORKS_ON, t, "gapped-focus", 0.7)


#: Words (whole runs of letters) every match of a rule holds, asked of the sentence's word set first:
#: "... development of its own ..." (60 us a sentence without them), "... to build their own ...".
_RULE_WORDS = {"develops-its-own": frozenset({"its", "their"}), "builds-its-own": frozenset({"own"})}


#: A place named inside a phrase of location ("based in §Lyon§", "from §Ruritania§"): never
#: the subject of a verb that follows it ("§X§, which is based in §Lyon§ and also develops §T§").
_LOCATED = re.compile(
    r"\b(?:in|at|from|near|across|throughout|to)\s+(?:the\s+)?(?:(?:city|state|region|province|country)\s+of\s+)?"
    # and the places coordinated after the first ("from the §UK§ and §Australia§")
    r"(?:§\d+§(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?:the\s+)?)*$"
)


def works_on_facts(v: SentView, m: str) -> Iterator[Fact]:
    located = _located_places(v, m) if PLACES & set(v.types) else frozenset()
    for fact in _works_on_facts(v, m):
        if fact.source not in located:
            yield fact


def _located_places(v: SentView, m: str) -> frozenset[str]:
    """The places of the sentence every mention of which sits in a phrase of location."""
    inside: dict[str, bool] = {}
    for x in re.finditer(r"§(\d+)§", m):
        i = int(x.group(1))
        if v.type(i) in PLACES:
            pid = v.id(i)
            inside[pid] = (
                inside.get(pid, True) and _LOCATED.search(m, max(0, x.start() - 40), x.start()) is not None
            )
    return frozenset(p for p, yes in inside.items() if yes)


#: The technology qualifies others than the speaker's organisation: its makers, deals, customers.
_NOT_OTHERS = (
    rf"(?!\s+(?:[a-z]+\s+)?(?:{MAKERS_AND_DEALS}|(?:customers?|clients?|users?|partners?|investors?|"
    r"competitors?|rivals?|community|ecosystem|industry|market)\b))"
)
#: A quotation in the sentence as written (the masked text drops the quotation marks).
_QUOTE = re.compile(r"“[^”]{10,400}”|\"[^\"]{10,400}\"")
#: What the speaker's organisation does, said in the first person inside the quotation: "our
#: §T§", "we are building §T§".
_WE_WORK = re.compile(
    rf"\b[Oo]ur\s+(?:(?:own|new|first|latest|next-generation)\s+)?{_TECH_LIST}{_NOT_OTHERS}"
    rf"|\b[Ww]e(?:['’]re|['’]ve|\s+(?:are|were|have\s+been|have|will\s+be|will|also|now|continue\s+to))*\s+"
    rf"(?:(?:also|now|already|currently)\s+)?(?:{_MAKES}|focus(?:ed|ing)?\s+on|speciali[sz]\w+\s+in|working\s+on|work\s+on)\s+"
    rf"(?:(?:a|an|the|new|next-generation)\s+)?(?:(?!(?:where|which|that|when|who|whose)\b){_QUAL}\s+){{0,2}}?{_TECH_LIST}"
    rf"{_NOT_OTHERS}"
)
#: A speech verb outside the quotation.
_SAID = re.compile(
    r"\b(?:said|says|added|adds|explained|explains|noted|notes|told|commented|stated|remarked)\b"
)


def _quoted_work(v: SentView, m: str) -> Iterator[Fact]:
    """ "“Our §trapped-ion quantum computers§ are the most accurate,” said Ada Lin, CEO of §X§": the
    first person of a quotation is its speaker's organisation, the one organisation named outside
    the quotation of a sentence with a speech verb (none when two or more are named there)."""
    text, base = v.sent.text, v.sent.start
    quotes = [q.span() for q in _QUOTE.finditer(text)]
    if not quotes:
        return

    def quoted(i: int) -> bool:
        s = v.mentions[i].start - base
        return any(a < s < b for a, b in quotes)

    outside = "".join(
        text[b:a]
        for b, a in zip([0] + [e for _, e in quotes], [s for s, _ in quotes] + [len(text)], strict=True)
    )
    if _SAID.search(outside) is None:
        return
    orgs = {
        v.id(i)
        for i in ids_in(m)
        if not quoted(i) and v.type(i) in ORGS and v.type(i) is not E.GOVERNMENT_BODY
    }
    if len(orgs) != 1:
        return
    (org,) = orgs
    for x in _WE_WORK.finditer(m):
        for b in members(x.group(1) or x.group(2)):
            if v.type(b) is E.TECHNOLOGY and quoted(b):
                yield Fact(org, R.WORKS_ON, v.id(b), "quoted-first-person", 0.6)


def _works_on_facts(v: SentView, m: str) -> Iterator[Fact]:
    yield from _gapped_focus(v, m)
    for fact in apply(v, m, _WORKS_ON_RULES, R.WORKS_ON):
        if fact.rule == "possessive-technology" and any(
            _INSTANCE.fullmatch(v.mentions[i].text) for i in range(len(v.ids)) if v.ids[i] == fact.target
        ):
            continue  # owning a machine is not a stated focus
        yield fact
    for x in _PARTNERS_TO_MAKE.finditer(m):
        for a in _subjects(x.group(1)) + ids_in(x.group(2) or ""):
            if v.type(a) not in _ACTORS:
                continue
            for b in ids_in(x.group(3)):
                if _ok(v, a, b, _TECH):
                    yield _f(v, a, R.WORKS_ON, b, "partners-to-make", 0.8)
    yield from _own_efforts(v, m)
    if may_hold(m, frozenset({"our", "we"})) and ("“" in v.sent.text or '"' in v.sent.text):
        yield from _quoted_work(v, m)
    for rule in _MAKES_RULES + _FOCUS_RULES:
        needs = _RULE_WORDS.get(rule.name)
        if needs is not None and not may_hold(m, needs):
            continue
        for x in rule.pattern.finditer(m):
            for a in _subjects(x.group(rule.source)):
                if rule.source_types is not None and v.type(a) not in rule.source_types:
                    continue
                for b in members(x.group(rule.target)):
                    if _ok(v, a, b, rule.target_types):
                        yield _f(v, a, R.WORKS_ON, b, rule.name, rule.confidence)
