"""Members of a group named with its leader or its founders, or joining it "as" a member.

Three shapes the membership rules did not read, each a structure whatever words fill it:

* partners named with the leader: "§G§, led by §a§ with §b§ and §c§, ...", "§a§ leads §G§
  together with §b§" -- §b§ and §c§ are members of the group (the leader LEADS it, read by
  :mod:`.leadership`);
* founders coordinated around one subject: "§a§, together with §b§ and §c§, forms §G§" -- all
  three are its members;
* joining in a role: "§a§ has signed on as a founding partner of §G§", "§a§ joined §G§ as its
  50th member" -- §a§ is a member.

The group must be a group (a cluster or a programme): "§a§ leads the market with §b§" names
no group, and a company's partners are its partners, not its parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, GROUPS, LIST, ORGS, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .member_lists import readings
from .rule import f as _f
from .rule import gate

__all__ = ["GROUP_SHAPE_GATE", "group_shape_facts"]

E = EntityType
R = RelationType

_MEMBERS = frozenset(ORGS | {E.PROGRAM})
_AUX = r"(?:(?:has|have|had|will|would|also|now|recently|officially|formally|jointly|today|been|be)\s+)*"
#: "§G§, led by §a§ with §b§ and §c§", "§G§ is led by §a§ together with partners §b§ and §c§"
_LED_WITH = re.compile(
    rf"{ENT},?\s+(?:(?:is|was|will\s+be|which\s+is)\s+)?(?:led|headed|coordinated|co-led)\s+by\s+(?:the\s+)?§\d+§"
    r"(?:\s*\([^()]{0,40}\))?,?\s+(?:together\s+|along\s+)?with\s+(?:the\s+)?"
    rf"(?:(?:partners?|members?|support\s+from|[a-z]+\s+partners?)\s+)?({LIST})"
)
#: "§a§ leads §G§ (together) with §b§ and §c§", "§a§ will coordinate the §G§ with §b§"
_LEADS_WITH = compile_gated(
    rf"§\d+§\s+{_AUX}(?:leads|lead|led|heads|coordinates|co-leads|is\s+leading)\s+(?:the\s+)?{ENT}"
    r",?\s+(?:together\s+|along\s+)?with\s+(?:the\s+)?(?:(?:partners?|members?)\s+)?"
    rf"({LIST})"
)
#: "§a§, together with §b§ and §c§, forms §G§", "§a§ along with §b§ make up the §G§"
_TOGETHER_FORM = re.compile(
    rf"{ENT},?\s+(?:together|along)\s+with\s+(?:the\s+)?({LIST}),?\s+{_AUX}"
    r"(?:forms?|formed|forming|make\s+up|makes\s+up|made\s+up|constitutes?|constituted|founded|co-founded|"
    r"set\s+up|sets\s+up|launched|launches|established|establishes|created|creates)\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?:new\s+)?{ENT}"
)
#: "§a§ has signed on as a founding partner of §G§", "§a§ joined as the 50th member of §G§"
_JOINS_AS = re.compile(
    rf"{ENT},?\s+{_AUX}(?:signed\s+on|signs\s+on|signed\s+up|signs\s+up|came\s+on\s+board|comes\s+on\s+board|came\s+aboard|"
    r"joined|joins|enrolled|enrols|enrolls|was\s+admitted|has\s+been\s+admitted|was\s+accepted|was\s+welcomed)\s+"
    r"as\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?(?:member|partner|participant|signatory|shareholder)\s+"
    rf"(?:of|in|to)\s+(?:the\s+)?{ENT}"
    # "§a§ joined §G§ as its 50th member"
    rf"|{ENT},?\s+{_AUX}(?:joined|joins|signed\s+up\s+to|signs\s+up\s+to)\s+(?:the\s+)?{ENT}\s+as\s+(?:an?|the|its)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:member|partner|participant|signatory)\b"
)
#: "§X§ was established in 2007 as §S§'s first §G§", "§X§ was designated as a §G§": one of a kind
#: of centres a programme names (an ordinal, "a" or "one of"; "established as the §Y§" renames)
_ESTABLISHED_AS = re.compile(
    rf"{ENT}(?:,[^,;]{{0,80}},)?\s+(?:(?:was|were|is|are|has\s+been|had\s+been|will\s+be)\s+)(?:[a-z]+\s+)?"
    r"(?:established|set\s+up|founded|created|launched|designated|recogni[sz]ed|accredited|selected|named|chosen)\s+"
    r"(?:in\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?as\s+(?:an?\s+|one\s+of\s+(?:the\s+)?(?:\w+\s+)?|(?:the\s+)?(?:§\d+§['’]s?\s+|[A-Z][\w-]*['’]s\s+)?"
    r"(?:first|second|third|fourth|fifth|newest|latest|\d+(?:st|nd|rd|th))\s+)(?:[a-z][\w-]*\s+){0,2}?"
    rf"{ENT}"
)
#: "As part of §G§, §X§ will establish §Y§", "Under §G§, §X§ will launch §Y§": what is created
#: under a programme is a part of it; "Under §G§, §X§ will be elevated into ...": so is §X§.
_FRONTED_UNDER = re.compile(
    rf"^\s*(?:[A-Z][\w ,]{{0,30}},\s+)?(?:[Aa]s\s+(?:a\s+)?part\s+of|[Uu]nder|[Ww]ithin|[Tt]hrough)\s+(?:the\s+|its\s+)?"
    rf"(?:§\d+§['’]s?\s+)?{ENT},\s+(?:the\s+)?{ENT}\s+{_AUX}"
    r"(?:(?P<make>establish|establishes|established|launch|launches|launched|create|creates|created|set\s+up|sets\s+up|"
    r"build|builds|built|open|opens|opened|fund|funds|funded)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:new\s+)?(?P<made>§\d+§)"
    r"|(?:be|been|was|were|is|are)\s+(?:[a-z]+ly\s+)?(?:elevated|upgraded|designated|established|set\s+up|created|"
    r"expanded|transformed|developed|funded|supported|launched|named|selected))"
)
#: "Funded by §F§ under §S§'s §G§ plan, §Y§ will see ...": what the fronted participle describes
#: is a part of the programme named after "under".
_FUNDED_UNDER_FRONT = re.compile(
    rf"^\s*(?:Funded|Financed|Supported|Backed|Launched|Established|Set\s+up|Created)\s+(?:by\s+(?:the\s+)?§\d+§\s+)?"
    rf"(?:under|as\s+part\s+of|within)\s+(?:the\s+)?(?:§\d+§['’]s?\s+)?{ENT}(?:\s+[a-z]+)?,\s+(?:the\s+)?{ENT}"
)
#: "§a§ received €2m under the §G§ programme", "§a§ was awarded a grant through §G§", "§a§ and §b§ were
#: selected under §G§": what a programme gives or picks, its recipients take part in (§G§ a programme).
_RECEIVED_UNDER = compile_gated(
    rf"({LIST})\s+(?:(?:has|have|had|was|were|is|are|been|be|also|now|will|recently|already|jointly)\s+)*"
    r"(?:received|receives|receive|won|wins|secured|secures|obtained|obtains|awarded|granted|funded|financed|supported|"
    r"selected|chosen)\s+(?:[^§.;]{0,60}?\s)?(?:under|through|via|as\s+part\s+of)\s+(?:the\s+|its\s+|a\s+)?"
    rf"(?:§\d+§['’]s?\s+)?{ENT}"
)
_PAID_THROUGH = re.compile(r"\b(?:funded|financed)\s+(?:[^§.;]{0,60}?\s)?(?:through|via)\b")
#: "§G§ was founded by §a§, §b§ and §c§ in 2021": founders of an alliance are its first members
_FOUNDED_BY = re.compile(
    rf"{ENT},?\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:(?:jointly|originally|first)\s+)?"
    rf"(?:founded|co-founded|formed|set\s+up)\s+(?:in\s+\d{{4}}\s+)?by\s+(?:the\s+)?({LIST})"
)
#: "The §G§ project, involving §a§, §b§ and §c§, ...": a participle after the group lists its members
_INVOLVING = re.compile(
    rf"{ENT}(?:\s+(?:project|programme|program|initiative|consortium|alliance|network|hub|partnership))?,\s+"
    r"(?:which\s+(?:involves|includes|comprises|unites|brings\s+together)|involving|comprising|uniting|"
    r"bringing\s+together|gathering)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    rf"({LIST})"
)
_PROGRAMS = frozenset({E.PROGRAM})
#: Substrings one of which a sentence needs for any shape here.
GROUP_SHAPE_GATE = (
    " with ",
    " as ",
    "as ",
    "under ",
    "within ",
    "through ",
    "part of",
    " by ",
    "involv",
    "compris",
    "uniting",
    "together",
    "gathering",
)


def _members(v: SentView, group: int, listed: str, rule: str) -> Iterator[Fact]:
    if v.type(group) not in GROUPS:
        return
    for a in ids_in(listed):
        if a != group and v.type(a) in _MEMBERS and v.id(a) != v.id(group):
            yield _f(v, a, R.PART_OF, group, rule, 0.8)


def group_shape_facts(v: SentView, m: str) -> Iterator[Fact]:
    """PART_OF from the three shapes of the module docstring."""
    low = m.lower()
    if not gate(low, GROUP_SHAPE_GATE):
        return
    if " with " in low:
        if "led by" in low or "headed by" in low or "coordinated by" in low:
            for x in _LED_WITH.finditer(m):
                yield from _members(v, int(x.group(1)), x.group(2), "led-by-with")
        for x in _LEADS_WITH.finditer(m):
            yield from _members(v, int(x.group(1)), x.group(2), "leads-with")
        if "together" in low or "along" in low:
            for x in _TOGETHER_FORM.finditer(m):
                yield from _members(v, int(x.group(3)), f"§{x.group(1)}§ {x.group(2)}", "together-form")
    if "under" in low or "part of" in low or "within" in low or "through" in low:
        # (read before appositions folded: "As part of the §G§, the §X§ will establish §Y§" is one)
        for text in readings(v):
            front = _FRONTED_UNDER.match(text)
            if front and v.type(int(front.group(1))) in _PROGRAMS:
                g, subject, made = int(front.group(1)), int(front.group(2)), front.group("made")
                yield from _members(v, g, made if made else f"§{subject}§", "fronted-under")
            y = _FUNDED_UNDER_FRONT.match(text)
            if y and v.type(int(y.group(1))) in _PROGRAMS:
                yield from _members(v, int(y.group(1)), f"§{y.group(2)}§", "funded-under-front")
        for x in _RECEIVED_UNDER.finditer(m):
            # "The £30m programme has been funded through the Missions Fund": a programme paid by
            # a fund is no part of it (the fund invests in it)
            if _PAID_THROUGH.search(x.group(0)) and all(v.type(i) is E.PROGRAM for i in ids_in(x.group(1))):
                continue
            if v.type(int(x.group(2))) in _PROGRAMS:
                yield from _members(v, int(x.group(2)), x.group(1), "received-under")
    if " by " in low and ("founded" in low or "formed" in low or "set up" in low):
        for x in _FOUNDED_BY.finditer(m):
            founders = [a for a in ids_in(x.group(2)) if v.type(a) in ORGS]
            if v.type(int(x.group(1))) is E.CLUSTER and len(founders) >= 2:
                yield from _members(v, int(x.group(1)), x.group(2), "founded-by")
    if "involv" in low or "compris" in low or "uniting" in low or "together" in low or "gathering" in low:
        for text in readings(v):
            for x in _INVOLVING.finditer(text):
                if len(ids_in(x.group(2))) >= 2:
                    yield from _members(v, int(x.group(1)), x.group(2), "group-involving")
    if " as " in low:
        for x in _ESTABLISHED_AS.finditer(m):
            a, g = int(x.group(1)), int(x.group(2))
            kinds = v.type(g) in GROUPS | {E.RESEARCH_INSTITUTE} and v.type(a) in ORGS - {E.COMPANY}
            if kinds and a != g and v.id(a) != v.id(g):
                yield _f(v, a, R.PART_OF, g, "established-as-one-of", 0.7)
        for x in _JOINS_AS.finditer(m):
            a, g = (int(x.group(1)), int(x.group(2))) if x.group(1) else (int(x.group(3)), int(x.group(4)))
            yield from _members(v, g, f"§{a}§", "joins-as")
