"""Founders of a group are its first members, and members that formed a group founded it.

Read over the whole document, after the sentence rules, because the two halves of the fact
are often told apart:

* founders of a membership body (an alliance, consortium, council, association, ...; the head
  words are ``data/words/group_membership_heads.txt``) are its members: when one sentence says
  two or more organisations made the group ("§a§ and §b§ launched the §X Alliance§", "§G§,
  founded by §a§, §b§ and §c§"), each is also PART_OF it. A hub, zone or programme may be made
  by others without their joining it ("the ministry set up the §Hub§"), so only membership
  bodies count, and only with two founders or more;
* a fronted founding with its founders described first: "Founded in 2017 by European leaders
  in the field, §a§, §b§ and §c§, the §G§ (...) is ..." -- each founder DEVELOPS the group
  (and is a member of a membership body);
* a group formed by organisations the sentence only counts ("Ten leading companies joined
  forces to form the §G§"; the plural nouns are ``data/words/group_founder_nouns.txt``) was
  founded by the members the document lists for it elsewhere ("Its members are §a§, §b§ and
  §c§"): each DEVELOPS it, its evidence the sentence of the forming. Members said to join later
  ("§d§ joined the alliance in 2023") are not founders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, Fact, SentView
from . import fastre as re
from .member_lists import MEMBERS, list_members, readings
from .words import alternation, word_list

__all__ = ["group_founder_facts", "membership_body"]

E = EntityType
R = RelationType

_HEADS = word_list("group_membership_heads")
_WORD = re.compile(r"[a-z]+")
_FOUNDERS = frozenset(ORGS)


def membership_body(name: str) -> bool:
    """Whether a group's name says organisations belong to it ("the Quantum Alliance")."""
    return any(w in _HEADS for w in _WORD.findall(name.lower()))


#: "Founded in 2017 by European leaders in the field, §a§, §b§ and §c§, the §G§ ...": a fronted
#: founding, a description of the founders (no mention in it) before their list.
_FRONTED = re.compile(
    r"^\s*(?:(?:Jointly|Originally)\s+)?(?:Founded|Co-founded|Established|Launched|Created|Formed|Set\s+up|Started)\s+"
    r"(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?\d{4}\s+)?(?:jointly\s+)?by\s+"
    r"(?:[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,7}?,\s+)?"
    rf"({MEMBERS}),\s+(?:the\s+)?§(\d+)§"
)
_FRONT_WORDS = ("Founded", "Co-founded", "Established", "Launched", "Created", "Formed", "Set up", "Started")

#: "Ten leading German companies have joined forces to form the §G§": founders counted, not named.
_COUNTED_FORM = re.compile(
    r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|several|some)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    rf"(?:{alternation('group_founder_nouns')})\s+"
    r"(?:(?:have|has|had|will|also|now|recently|jointly|today)\s+)*"
    r"(?:(?:joined\s+forces|come\s+together|came\s+together|teamed\s+up|banded\s+together|partnered|united)\s+"
    r"(?:to\s+)?)?"
    r"(?:form|formed|found|founded|launch|launched|establish|established|create|created|set\s+up)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:new\s+)?§(\d+)§"
)
_FORM_WORDS = ("form", "found", "launch", "establish", "creat", "set up")
#: A member said to have joined: not a founder.
_JOINED = re.compile(r"\bjoin(?:s|ed|ing)?\b", re.I)

Rel = Mapping[tuple[str, RelationType, str], Sequence[tuple[int, str, float]]]


def group_founder_facts(
    views: Sequence[SentView], rel: Rel, types: Mapping[str, EntityType], names: Mapping[str, str]
) -> list[tuple[int, Fact]]:
    """PART_OF for the founders of membership bodies and DEVELOPS for members that formed a
    group (see the module docstring), as ``(sentence, fact)``."""
    out: list[tuple[int, Fact]] = []
    founded: dict[tuple[str, int], set[str]] = defaultdict(set)
    for (s, t, g), hits in rel.items():
        if t is R.DEVELOPS and types.get(g) is E.CLUSTER and types.get(s) in _FOUNDERS:
            for k, _, _ in hits:
                founded[(g, k)].add(s)
    for k, v in enumerate(views):
        m = v.masked
        if "§" not in m:
            continue
        # (read before appositions fold: "..., §c§ and §d§, the §G§ (§QIA§) is ..." folds §G§ into §d§)
        for x in (
            (x for r in readings(v) for x in _FRONTED.finditer(r))
            if m.lstrip().startswith(_FRONT_WORDS)
            else ()
        ):
            made = int(x.group(2))
            if v.type(made) not in {E.CLUSTER, E.PROGRAM}:
                continue
            for a in list_members(v, x.group(1)):
                if a != made and v.type(a) in _FOUNDERS:
                    out.append((k, Fact(v.id(a), R.DEVELOPS, v.id(made), "fronted-founders", 0.8)))
                    founded[(v.id(made), k)].add(v.id(a))
        low = m.lower()
        if any(w in low for w in _FORM_WORDS):
            for x in _COUNTED_FORM.finditer(m):
                g = v.id(x.group(1))
                if types.get(g) is E.CLUSTER and membership_body(names.get(g, "")):
                    out += [
                        (k, Fact(a, R.DEVELOPS, g, "counted-founders", 0.7))
                        for a in _listed_members(g, rel, views, types)
                    ]
    for (g, k), founders in founded.items():
        if len(founders) >= 2 and membership_body(names.get(g, "")):
            out += [(k, Fact(a, R.PART_OF, g, "founders-are-members", 0.7)) for a in sorted(founders)]
    return out


def _listed_members(
    g: str, rel: Rel, views: Sequence[SentView], types: Mapping[str, EntityType]
) -> Iterable[str]:
    """The organisations the document lists as a group's members, none said to have joined it."""
    for (a, t, b), hits in rel.items():
        if (
            t is R.PART_OF
            and b == g
            and types.get(a) in _FOUNDERS
            and not any(_JOINED.search(views[k].sent.text) for k, _, _ in hits)
        ):
            yield a
