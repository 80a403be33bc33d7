"""Organisation-internal naming: a unit named inside or beside the organisation it belongs to.

News names a unit with its parent in a handful of structures whatever the words filling them:
the unit's kind after its name ("Kessler spun out its §Orbion§ division"), the parent said
as such ("§Orbion§'s parent company, §Kessler§", "§Kessler§, the parent of §Orbion§"), the
unit's kind in a predicate or an apposition ("§V§ is a research centre of §U§", "§V§, an
institute of the §Academy§,"), the unit in brackets after its parent ("the §Academy§ (§Institute
for ...§)"), and verbs of belonging or housing ("§V§ belongs to §U§", "§V§ is housed within
§U§"). Each gives PART_OF from the unit to its parent. A place is never a parent, and a
partner, a spin-out or an investor is no part ("§A§'s partner §B§", "spun out of §U§").
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, MODIFIER, ORGS, UNFOLDED, Fact, SentView, modifiers_ok
from . import fastre as re
from .literals import compile_gated
from .rule import f as _f
from .rule import gate

__all__ = ["UNIT_GATE", "unit_facts"]

E = EntityType
R = RelationType

#: What may be a unit, and what a parent.
_UNITS = frozenset(ORGS | {E.PROGRAM})
_PARENTS = frozenset(ORGS - {E.CLUSTER})
#: Nouns of a unit that an organisation owns or houses.
_UNIT_NOUN = (
    r"(?:division|unit|subsidiary|arm|business|affiliate|branch|department|lab|laboratory|labs|institute|"
    r"centre|center|school|faculty|college|office|agency|campus|spin-?off\s+unit)"
)
_BE = r"(?:is|are|was|were|remains|has\s+been|have\s+been|had\s+been|became|has\s+become|will\s+be|operates\s+as|serves\s+as)"
_PARENT = r"parent(?:\s+(?:company|group|firm|organi[sz]ation|corporation|institution|body))?"

#: "§o§ spun out its §a§ division", "§o§, through its §a§ unit,": the owner is the mention "its"
#: stands for, the nearest before it (no other mention between them).
_ITS_NAMED_UNIT = compile_gated(
    rf"{ENT}[^§]{{0,120}}?\bits\s+(?:(?:own|new|former|then|wholly[\s-]owned)\s+)?§(\d+)§\s+{_UNIT_NOUN}\b"
)
#: "§a§'s parent company, §b§", "§a§ and its parent §b§": the parent named after the part.
_PARENT_AFTER = compile_gated(
    rf"{ENT}'s?\s+(?:(?:former|new|current|ultimate)\s+)?{_PARENT},?\s+(?:the\s+)?{ENT}"
    rf"|{ENT}\s+and\s+its\s+(?:(?:former|new|current|ultimate)\s+)?{_PARENT},?\s+(?:the\s+)?{ENT}"
)
#: "§b§, the parent company of §a§", "§b§ is the parent of §a§", "§b§, §a§'s parent,": the parent first.
_PARENT_BEFORE = compile_gated(
    rf"{ENT}(?:,\s+|\s+{_BE}\s+)(?:(?:the|its|a)\s+)?(?:(?:[\w-]+\s+){{0,2}}?{_PARENT}\s+(?:of|to)\s+(?:the\s+)?{ENT}"
    rf"|{ENT}'s?\s+(?:[\w-]+\s+)?{_PARENT}\b)"
)
#: "§a§ is a research centre of §b§", "§a§, an institute of the §b§,", "§a§ is one of the
#: schools of §b§": the unit's kind in its predicate or apposition.
_KIND_OF = compile_gated(
    rf"{ENT}(?:,\s+|\s+{_BE}\s+(?:(?:now|also|still)\s+)?)(?:(?:a|an|the|one\s+of\s+the)\s+)"
    rf"(?:(?!of\b|in\b|for\b|and\b){MODIFIER}\s+){{0,3}}?{_UNIT_NOUN}s?\s+(?:of|within)\s+(?:the\s+)?{ENT}"
)
#: "§a§ belongs to §b§", "§a§ is housed within §b§", "§a§ sits within §b§".
_BELONGS = compile_gated(
    rf"{ENT},?\s+(?:(?:which|that)\s+)?(?:{_BE}\s+)?(?:(?:now|also|still|officially|formally)\s+)?"
    r"(?:belongs|belonged|belong|housed\s+(?:with)?in|embedded\s+(?:with)?in|sits\s+within|sat\s+within|(?:will|would|to)\s+sit\s+within|operates\s+within|"
    rf"operated\s+within|nested\s+within|(?:located|based|situated|hosted)\s+within)\s+(?:to\s+)?(?:the\s+)?{ENT}"
)
#: A name that says it is a unit: its last head word or "X of Y" head.
_UNIT_NAME = re.compile(
    r"\b(?:Institute|Centre|Center|Laborator(?:y|ies)|Lab|Labs|School|Department|Faculty|College|Division|Unit)\b"
)

#: "the §Mission Secretariat§ under the §Department§", "§a§, an autonomous institute under the
#: §ministry§,", "§a§ operates under the §ministry§", "§a§ is affiliated with §U§": a body placed
#: under a public body, or an institute affiliated with a university or institute (never a
#: programme: "funded under the §G§ programme" is :mod:`.membership`'s).
_UNDER_BODY = compile_gated(
    rf"{ENT}(?:,\s+(?:an?|the)\s+|\s+(?:{_BE}\s+)(?:an?|the)\s+)?"
    r"(?:(?:(?!(?:of|in|for|and|by|with|from|to|that|which)\b)[a-z][\w-]*\s+){0,3}?"
    r"(?:institute|institution|body|agency|organi[sz]ation|centre|center|laborator(?:y|ies)|lab|unit|society|"
    r"council|secretariat|office|cell|bureau|department|division|wing|enterprise|company|corporation))?"
    r"\s+(?:(?:operates|operating|functions|functioning|works|working|operated|functioned)\s+)?"
    r"(?:(?:is|are|was|were|remains|has\s+been|have\s+been)\s+)?(?:under|affiliated\s+(?:with|to))\s+(?:the\s+)?"
    rf"{ENT}(?!['’]s?\s)"
)
_UNDER_PARENTS = {
    E.GOVERNMENT_BODY: frozenset({E.GOVERNMENT_BODY, E.RESEARCH_INSTITUTE, E.CLUSTER, E.COMPANY}),
    E.UNIVERSITY: frozenset({E.RESEARCH_INSTITUTE}),
    E.RESEARCH_INSTITUTE: frozenset({E.RESEARCH_INSTITUTE}),
}

UNIT_GATE = ("its ", "parent", "belong", "housed", "embedded", "within", " of ", "under ", "affiliated ")


def _part(v: SentView, a: int, b: int, rule: str, conf: float) -> Iterator[Fact]:
    if v.id(a) != v.id(b) and v.type(a) in _UNITS and v.type(b) in _PARENTS:
        yield _f(v, a, R.PART_OF, b, rule, conf)


def _bracketed(v: SentView) -> Iterator[Fact]:
    """A unit and its parent, one in brackets right after the other, read on the sentence's own
    text (a bracket folds into the name before it in the masked text): "the §Academy§ (§Institute
    for ...§)", "the §Institute for ...§ (§University of X§)". The unit's own name says it is a
    unit and the parent's does not; an acronym in brackets is an alias or another body."""
    text, at = v.sent.text, v.sent.start
    for b, a in zip(range(len(v.mentions)), range(1, len(v.mentions)), strict=False):
        mb, ma = v.mentions[b], v.mentions[a]
        if text[mb.end - at : ma.start - at].strip() not in ("(", "(the") or not text[
            ma.end - at :
        ].lstrip().startswith(")"):
            continue
        inner, outer = _is_unit(v, a), _is_unit(v, b)
        if inner and not outer:
            yield from _part(v, a, b, "bracketed-unit", 0.7)
        elif outer and not inner and len(ma.text.split()) >= 2:
            yield from _part(v, b, a, "bracketed-parent", 0.7)


def _is_unit(v: SentView, i: int) -> bool:
    """Whether mention ``i`` is named as a unit (three words or more, a unit's head word)."""
    name = v.mentions[i].text
    return len(name.split()) >= 3 and _UNIT_NAME.search(name) is not None and v.type(i) is not E.COMPANY


def unit_facts(v: SentView, m: str) -> Iterator[Fact]:
    """PART_OF from a unit to its parent, in the structures of the module docstring."""
    if "(" in v.sent.text and len(v.mentions) > 1:
        yield from _bracketed(v)
    unfolded = v.memo.get(UNFOLDED)
    texts = (m,) if not isinstance(unfolded, str) or unfolded == m else (m, unfolded)
    for text in texts:
        if text.count("§") < 4 or not gate(text.lower(), UNIT_GATE):
            continue
        for x in _ITS_NAMED_UNIT.finditer(text):
            yield from _part(v, int(x.group(2)), int(x.group(1)), "its-named-unit", 0.8)
        for x in _PARENT_AFTER.finditer(text):
            a, b = (1, 2) if x.group(1) is not None else (3, 4)
            yield from _part(v, int(x.group(a)), int(x.group(b)), "parent-named", 0.8)
        for x in _PARENT_BEFORE.finditer(text):
            b, a = int(x.group(1)), int(x.group(2) or x.group(3))
            yield from _part(v, a, b, "parent-named", 0.8)
        for x in _KIND_OF.finditer(text):
            if modifiers_ok(v, x.group(0), x.group(1), x.group(2)):
                yield from _part(v, int(x.group(1)), int(x.group(2)), "unit-kind-of", 0.8)
        for x in _BELONGS.finditer(text):
            yield from _part(v, int(x.group(1)), int(x.group(2)), "belongs-to", 0.8)
        for x in _UNDER_BODY.finditer(text) if "under " in text or "affiliated " in text else ():
            a, b = int(x.group(1)), int(x.group(2))
            if v.type(a) in _UNDER_PARENTS.get(v.type(b), ()):
                yield from _part(v, a, b, "under-body", 0.7)
