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

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORGS, Fact, SentView, ids_in
from .rule import f as _f
from .rule import gate

__all__ = ["GROUP_SHAPE_GATE", "group_shape_facts"]

E = EntityType
R = RelationType

_GROUPS = frozenset({E.CLUSTER, E.PROGRAM})
_MEMBERS = frozenset(ORGS | {E.PROGRAM})
_AUX = r"(?:(?:has|have|had|will|would|also|now|recently|officially|formally|jointly|today|been|be)\s+)*"
#: "§G§, led by §a§ with §b§ and §c§", "§G§ is led by §a§ together with partners §b§ and §c§"
_LED_WITH = re.compile(
    rf"{ENT},?\s+(?:(?:is|was|will\s+be|which\s+is)\s+)?(?:led|headed|coordinated|co-led)\s+by\s+(?:the\s+)?§\d+§"
    r"(?:\s*\([^()]{0,40}\))?,?\s+(?:together\s+|along\s+)?with\s+(?:the\s+)?"
    rf"(?:(?:partners?|members?|support\s+from|[a-z]+\s+partners?)\s+)?({LIST})"
)
#: "§a§ leads §G§ (together) with §b§ and §c§", "§a§ will coordinate the §G§ with §b§"
_LEADS_WITH = re.compile(
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
#: Substrings one of which a sentence needs for any shape here.
GROUP_SHAPE_GATE = (" with ", " as ")


def _members(v: SentView, group: int, listed: str, rule: str) -> Iterator[Fact]:
    if v.type(group) not in _GROUPS:
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
    if " as " in low:
        for x in _JOINS_AS.finditer(m):
            a, g = (int(x.group(1)), int(x.group(2))) if x.group(1) else (int(x.group(3)), int(x.group(4)))
            yield from _members(v, g, f"§{a}§", "joins-as")
