"""Membership said through the shape of a sentence rather than a word of membership.

Articles about centres and programmes place an organisation inside another without "member"
or "part of": "the other universities involved in §G§ are §a§, §b§ and §c§", "§X§ is hosted
by §Y§", "§X§ is one of §Y§'s five flagship centres", "designated in 2021 as one of only three
§G§", "§X§, the applied research pillar of §Y§", "§X§ joined the §EU§'s §G§ programme". A
centre with "nodes at §a§, §b§ and §c§" works with each of them: PARTNERS_WITH (its nodes are
partner institutions, not its parts). Each rule is a structure; the words filling it vary.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, GROUPS, ORGS, Fact, SentView
from . import fastre as re
from .literals import compile_gated
from .member_lists import MEMBERS, list_members
from .rule import f as _f
from .rule import gate

__all__ = ["MEMBER_SHAPE_GATE", "member_shape_facts"]

E = EntityType
R = RelationType

_MEMBER_TYPES = frozenset(ORGS | {E.PROGRAM})
#: What an organisation may be hosted by, be one of, or be a pillar of.
_HOSTS = frozenset(ORGS | {E.PROGRAM})
#: Plural nouns of organisations that take part in something.
_PARTICIPANTS = (
    r"(?:universities|institutions|institutes|organi[sz]ations|companies|firms|start-?ups|partners|members|"
    r"centres|centers|labs|laboratories|agencies|schools|participants|entities|bodies|groups)"
)
#: "The other universities involved in §G§ are ...", "Companies taking part in §G§ include ...":
#: group 1 is the group, group 2 the list. A group right after another name ("§SA§ §QuTI§") is a
#: name the mentions split: its members would go to half a name, so nothing is said.
_INVOLVED_ARE = compile_gated(
    rf"\b{_PARTICIPANTS}\s+(?:(?:that|which|who)\s+(?:are|were)\s+)?(?:(?:also|currently|now)\s+)?"
    r"(?:involved|participating|taking\s+part|engaged|collaborating)\s+in\s+(?:the\s+)?"
    rf"{ENT}(?:\s+(?:project|programme|program|initiative|consortium))?,?\s+(?:are|were|include|includes|included)\s*:?\s+"
    rf"({MEMBERS})"
)
#: "§X§ is hosted by the §Y§", "§X§, hosted by §Y§, ...", "the §RCE§ hosted by §Y§".
_HOSTED_BY = re.compile(
    rf"{ENT}(?:\s*\(§\d+§\))?(?:,|\s+(?:(?:is|was|are|were|will\s+be|has\s+been|had\s+been)\s+)?(?:(?:jointly|also|now)\s+)?)"
    rf"\s*hosted\s+(?:jointly\s+)?(?:by|at)\s+(?:the\s+)?{ENT}"
)
#: "... as §S§'s first §RCE§ hosted by": what is hosted is the clause subject, named as one.
_AS_WHAT = re.compile(r"\bas\s+(?:(?:a|an|the)\s+)?(?:§\d+§['’]s?\s+)?(?:[\w-]+\s+){0,2}?$")
_SUBJECT = re.compile(r"\s*(?:[A-Z][^§,;.]{0,60},\s+)?(?:[Tt]he\s+)?§(\d+)§")
#: "§X§ is one of §Y§'s (five) flagship research centres": a part of the possessor.
_ONE_OF_POSS = re.compile(
    rf"{ENT}\s+(?:is|was|remains|has\s+become|became)\s+(?:now\s+)?one\s+of\s+(?:the\s+)?{ENT}['’]s?\s+"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|[a-z]+)\s+){0,3}?"
    r"(?:centres|centers|institutes|labs|laboratories|units|divisions|schools|faculties|hubs|subsidiaries|"
    r"companies|members|programmes|programs|initiatives|facilities)\b"
)
#: "§X§ is ..., having been designated in 2021 as one of only three §G§": the subject of the
#: clause was made one of a named set.
_DESIGNATED_ONE_OF = re.compile(
    rf"^\s*(?:[A-Z][^§,;.]{{0,60}},\s+)?(?:[Tt]he\s+)?{ENT}[^;.]{{0,160}}?,\s+(?:having\s+been|after\s+being|being)\s+"
    r"(?:designated|named|selected|chosen|recogni[sz]ed|accredited)\s+(?:in\s+\d{4}\s+)?as\s+one\s+of\s+"
    rf"(?:only\s+)?(?:the\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(?:the\s+)?{ENT}"
)
#: "§X§, the applied research pillar of §Y§", "§X§, a key pillar of §Y§'s §P§".
_PILLAR = re.compile(
    rf"{ENT},\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,3}}?(?:pillar|wing|branch|institute|centre|center|agency)\s+of\s+"
    rf"(?:the\s+)?(?:§\d+§['’]s?\s+|[A-Z][\w-]*['’]s?\s+)?{ENT}"
)
#: "§X§ will have nodes at §a§, §b§ and §c§", "§X§ now holds 200 researchers and has nodes at ...":
#: the nodes' hosts are the centre's partners.
_NODES_AT = re.compile(
    rf"{ENT}\s+(?:[^§.;]{{0,60}}?\s)?(?:(?:will|would|also|now|currently)\s+)*(?:has|have|had|operates|operate|includes|include|with)\s+"
    rf"(?:(?:\d+|two|three|four|five|six|several)\s+)?(?:[a-z]+\s+)?nodes\s+(?:at|in|across)\s+({MEMBERS})"
)

#: "the signing of participation agreements by §a§, §b§ and §c§", "§a§ and §b§ signed membership
#: agreements": the contract by which one joins a consortium; the group is the sentence's own.
_MEMBERSHIP_AGREEMENT = re.compile(
    r"\b(?:participation|membership|consortium|accession)\s+agreements?\s+(?:(?:were|was)\s+)?(?:signed\s+)?"
    rf"(?:by|with|from)\s+({MEMBERS})"
)
#: The nouns of membership in a group (plural and singular).
_MEMBER_NOUN = (
    r"(?:members?|partners?|participants?|affiliates?|shareholders?|constituents?|signatories|signatory|"
    r"affiliated\s+(?:organi[sz]ations|institutions))"
)
#: "§G§ ..., in which §a§ is a founding member", "§G§, of which §a§ and §b§ are partners": the
#: group is the last one named before the relative clause.
_WHICH_MEMBER = compile_gated(
    r",?\s+(?:in|of|to)\s+which\s+(?:(?:the|our|its|their)\s+)?(?:[\w-]+\s+){0,3}?"
    rf"({MEMBERS}),?\s+(?:is|are|was|were|has\s+been|have\s+been|became|become|becomes|remains|remain)\s+"
    r"(?:(?:now|also|already|all)\s+)?(?:(?:a|an|the|one\s+of\s+the)\s+)?(?:[\w-]+\s+){0,2}?"
    rf"{_MEMBER_NOUN}\b"
)
#: "§G§ counts §a§ and §b§ among its members", "§G§ lists §a§ among its founding partners".
_COUNTS_AMONG = re.compile(
    rf"{ENT}\s+(?:(?:now|also|already|currently)\s+)*(?:counts|count|counted|lists|listed|numbers|includes|included)\s+"
    # ("its" may be read as a reference to the group: "among §G§ partners")
    rf"({MEMBERS})\s+among\s+(?:its|their|§\d+§)\s+(?:[\w-]+\s+){{0,2}}?{_MEMBER_NOUN}\b"
)
#: "§G§ will have two out-of-region affiliates: §a§ and §b§", "§G§ has 12 founding partners: ...".
_NOUN_COLON = re.compile(
    rf"{ENT}\s+(?:(?:will|now|also|currently|already)\s+)*(?:has|have|had|have|counts|includes|gained|added|welcomes|welcomed|"
    r"be\s+joined\s+by)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|new)\s+)?(?:[\w-]+\s+){0,2}?"
    rf"{_MEMBER_NOUN}\s*:\s+({MEMBERS})"
)
#: "§a§ is one of the §G§'s 12 partners": partners of a group (a company's partners are no parts).
_ONE_OF_GROUPS = re.compile(
    rf"{ENT}\s+(?:is|was|remains|has\s+become|became)\s+(?:now\s+)?one\s+of\s+(?:the\s+)?{ENT}['’]s?\s+"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|[a-z]+)\s+){0,3}?"
    r"(?:partners|participants|affiliates|signatories|shareholders)\b"
)
_MEMBER_NOUN_GATE = ("member", "partner", "participant", "affiliat", "shareholder", "constituent", "signator")


def _member_noun_facts(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """PART_OF from a member noun governing a list in a clause about a group: a relative clause
    ("in which §a§ is a member"), "counts ... among its members", "N affiliates: ...",
    "one of the §G§'s partners". The group must be a cluster or a programme."""
    if not gate(low, _MEMBER_NOUN_GATE):
        return
    for x in _WHICH_MEMBER.finditer(m) if "which" in low else ():
        groups = [i for i in v.indices(lambda t: t in GROUPS) if m.find(f"§{i}§") < x.start()]
        if groups:
            yield from _members(v, groups[-1], x.group(1), "which-member")
    for x in _COUNTS_AMONG.finditer(m) if "among" in low else ():
        yield from _members(v, int(x.group(1)), x.group(2), "counts-among")
    for x in _NOUN_COLON.finditer(m) if ":" in m else ():
        yield from _members(v, int(x.group(1)), x.group(2), "member-noun-colon")
    for x in _ONE_OF_GROUPS.finditer(m) if "one of" in low else ():
        a, g = int(x.group(1)), int(x.group(2))
        if a != g and v.type(g) in GROUPS and v.type(a) in _MEMBER_TYPES:
            yield _f(v, a, R.PART_OF, g, "one-of-groups", 0.8)


def _members(v: SentView, g: int, listed: str, rule: str) -> Iterator[Fact]:
    if v.type(g) not in GROUPS:
        return
    for a in list_members(v, listed):
        if a != g and v.id(a) != v.id(g):
            yield _f(v, a, R.PART_OF, g, rule, 0.8)


#: Substrings one of which a sentence needs for any rule here.
MEMBER_SHAPE_GATE = (
    "involved",
    "participating",
    "taking part",
    "engaged",
    "hosted",
    "one of",
    "pillar",
    "nodes",
    "agreement",
)
_ARM_WORDS = ("pillar", "wing", "branch", "institute", "centre", "center", "agency")


def member_shape_facts(v: SentView, m: str) -> Iterator[Fact]:
    """PART_OF (and PARTNERS_WITH for nodes) from the shapes of the module docstring."""
    low = m.lower()
    yield from _member_noun_facts(v, m, low)
    if not gate(low, MEMBER_SHAPE_GATE):
        return
    for x in _INVOLVED_ARE.finditer(m) if "in " in m else ():
        g = int(x.group(1))
        if v.type(g) in _HOSTS:
            for a in list_members(v, x.group(2)):
                if a != g and v.id(a) != v.id(g):
                    yield _f(v, a, R.PART_OF, g, "involved-in-are", 0.8)
    for x in _HOSTED_BY.finditer(m) if "hosted" in low else ():
        a, b = int(x.group(1)), int(x.group(2))
        subject = _AS_WHAT.search(m, 0, x.start()) and _SUBJECT.match(m)
        if subject:
            a = int(
                subject.group(1)
            )  # "§X§ was established as §S§'s first §RCE§ hosted by §Y§": §X§ is hosted
        if a != b and v.type(a) in _MEMBER_TYPES - {E.COMPANY} and v.type(b) in _HOSTS:
            yield _f(v, a, R.PART_OF, b, "hosted-by", 0.7)
    if "one of" in low:
        for x in _ONE_OF_POSS.finditer(m):
            a, b = int(x.group(1)), int(x.group(2))
            if a != b and v.type(a) in _MEMBER_TYPES and v.type(b) in _HOSTS:
                yield _f(v, a, R.PART_OF, b, "one-of-possessor's", 0.8)
        for x in _DESIGNATED_ONE_OF.finditer(m):
            a, b = int(x.group(1)), int(x.group(2))
            if a != b and v.type(a) in _MEMBER_TYPES and v.type(b) in _HOSTS:
                yield _f(v, a, R.PART_OF, b, "designated-one-of", 0.7)
    for x in _PILLAR.finditer(m) if gate(low, _ARM_WORDS) else ():
        a, b = int(x.group(1)), int(x.group(2))
        if a != b and v.type(a) in _MEMBER_TYPES and v.type(b) in ORGS:
            yield _f(v, a, R.PART_OF, b, "pillar-of", 0.8)
    for x in _MEMBERSHIP_AGREEMENT.finditer(m) if "agreement" in low else ():
        groups = [i for i in v.indices(lambda t: t in {E.CLUSTER, E.PROGRAM}) if m.find(f"§{i}§") < x.start()]
        if not groups:
            continue
        g = groups[0]  # the group the sentence is about, named before the agreements
        for a in list_members(v, x.group(1)):
            if a != g and v.type(a) in ORGS and v.id(a) != v.id(g):
                yield _f(v, a, R.PART_OF, g, "membership-agreement", 0.8)
    for x in _NODES_AT.finditer(m) if "nodes" in low else ():
        a = int(x.group(1))
        if v.type(a) not in ORGS:
            continue
        for b in list_members(v, x.group(2)):
            if b != a and v.type(b) in ORGS and v.id(b) != v.id(a):
                yield _f(v, a, R.PARTNERS_WITH, b, "nodes-at", 0.8)
