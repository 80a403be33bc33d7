"""WORKS_ON from what actors aim at together or support: the fields named after the verb.

Agreements and policy texts state a technology as the field of a joint effort or of a
government's support rather than as what one actor makes: "§A§ and §B§ will work together on
research projects in §T§", "§A§ and §B§ advance their partnership ... in areas such as: §T§,
computing and clocks", "§X§ has been one of the most proactive governments in supporting §T§",
"§X§ is championing §T§". Every actor of the sentence's subject works on the field; support of
another's work ("§X§ is supporting the development of §T§ by §Y§") is no focus of the supporter's.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import LIST, ORG_NOUN, ORGS, PLACES, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .rule import f as _f
from .rule import gate
from .rule import ok as _ok
from .works_on import _AUX, _QUAL, _TECH_LIST

__all__ = ["aim_facts"]

E = EntityType
R = RelationType

_TECH = frozenset({E.TECHNOLOGY})
_ACTING = frozenset(ORGS | PLACES | {E.PROGRAM})
#: Support of a field is a stated focus for governments, places, programmes and clusters; for a
#: company or an investor it is too often a customer's or a funder's word.
_PUBLIC = frozenset(PLACES | {E.GOVERNMENT_BODY, E.PROGRAM, E.CLUSTER, E.RESEARCH_INSTITUTE, E.UNIVERSITY})

#: A list of fields whose items may be mentions or plain words ("§T§, computing and clocks").
_FIELD = r"(?:§\d+§|(?!and\b)[a-z][\w-]*(?:\s+(?!and\b)[a-z][\w-]*)?)"
_FIELDS = rf"({_FIELD}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_FIELD}){{0,8}})"
#: Joint work: a verb or noun of collaboration.
_JOINT = (
    r"(?:partnership|collaboration|cooperation|co-operation|alliance|joint\s+(?:work|research|efforts?)|"
    r"work(?:s|ing)?\s+(?:together|jointly)|collaborat(?:e|es|ing)|cooperat(?:e|es|ing))"
)
#: The field of the joint work: "in areas such as", "on research projects in", "in the fields of".
_IN_AREAS = (
    r"(?:(?:in|on|across|into)\s+(?:the\s+)?(?:(?:key|critical|priority|strategic|specific|emerging)\s+)?"
    r"(?:areas?|fields?|domains?|topics?|sectors?|disciplines?)\s+(?:of|such\s+as|including|like|related\s+to)\s*:?"
    r"|on\s+(?:(?:joint|collaborative|research|r&d|development|and|\s)+)?(?:projects?|programmes?|programs?|"
    r"research|studies|work)\s+(?:in|on|into|related\s+to|around))"
)
#: Support of a field: "in supporting §T§", "is championing §T§", "to promoting §T§".
_SUPPORTS = (
    r"(?:(?:support(?:s|ed|ing)?|champion(?:s|ed|ing)?|promot(?:e|es|ed|ing)|prioriti[sz](?:e|es|ed|ing)|"
    r"back(?:s|ed|ing)?|nurtur(?:e|es|ed|ing)|foster(?:s|ed|ing)?)\s+(?:the\s+(?:development|"
    r"growth|adoption|commerciali[sz]ation)\s+of\s+)?|invest(?:s|ed|ing)?\s+(?:heavily\s+|significantly\s+|"
    r"substantially\s+|massively\s+|early\s+)?in\s+)"
)

_JOINT_FIELDS = compile_gated(
    rf"^[^§]{{0,60}}?(?:the\s+)?({LIST})[^.;]{{0,160}}?\b{_JOINT}\b[^.;]{{0,120}}?{_IN_AREAS}\s+"
    rf"(?:(?:{_QUAL})\s+){{0,2}}?{_FIELDS}"
)
_SUPPORT = re.compile(
    rf"(?:^|,\s+|\bwhile\s+|\band\s+)(?:[Tt]he\s+)?({LIST}){_AUX}\s+(?:[^§.;]{{0,80}}?\b(?:in|by|for|at)\s+)?{_SUPPORTS}"
    rf"(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}(?!\s+(?:by|at|in|from|of|developed)\s)"
    rf"(?!\s+(?:[a-z][\w-]*\s+)?{ORG_NOUN})"
)

#: "The partnership between §A§ and §B§ focuses on §T§": the joint work's parties work on it.
_JOINT_FOCUS = compile_gated(
    rf"\b(?:partnership|collaboration|cooperation|co-operation|alliance|agreement|joint\s+venture|consortium)\s+"
    rf"(?:between|of|among|with)\s+(?:the\s+)?({LIST})(?:,[^§.;]{{0,60}}?,)?\s+(?:(?:will|would|is|was|also|mainly|"
    rf"primarily|initially)\s+)*(?:focus(?:es|ed|ing)?\s+on|cent(?:er|re)(?:s|d)?\s+on|(?:is|are)\s+focused\s+on|"
    rf"targets?|covers?|concerns?)\s+(?:(?:{_QUAL})\s+){{0,2}}?{_TECH_LIST}"
)


#: Cue words (lower case substrings) without which a pattern is not tried.
_JOINT_CUES = ("partner", "collaborat", "cooperat", "co-operat", "alliance", "joint", "together", "agreement")
_SUPPORT_CUES = ("support", "champion", "promot", "prioriti", "back", "nurtur", "foster", "invest")


def aim_facts(v: SentView, m: str) -> Iterator[Fact]:
    """WORKS_ON from joint work in named fields and from public support of a field."""
    low = m.lower()
    joint = gate(low, _JOINT_CUES)
    joint_rules = (
        (_JOINT_FIELDS, joint and (" in " in m or " on " in m), "joint-work-in-fields", 0.7),
        (_JOINT_FOCUS, joint, "joint-focus", 0.8),
    )
    for rx, on, rule, conf in joint_rules:
        for x in rx.finditer(m) if on else ():
            for a in ids_in(x.group(1)):
                if v.type(a) not in _ACTING:
                    continue
                for b in ids_in(x.group(2)):
                    if _ok(v, a, b, _TECH):
                        yield _f(v, a, R.WORKS_ON, b, rule, conf)
    for x in _SUPPORT.finditer(m) if gate(low, _SUPPORT_CUES) else ():
        for a in ids_in(x.group(1)):
            if v.type(a) not in _PUBLIC:
                continue
            for b in ids_in(x.group(2)):
                if _ok(v, a, b, _TECH):
                    yield _f(v, a, R.WORKS_ON, b, "supports-field", 0.7)
