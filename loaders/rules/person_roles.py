"""Roles written before their holders' names or in brackets beside them, with the organisation
named after: "mathematician §p§ at the §o§", "materials scientists §p§ and §q§ at §o§",
"CEO §p§ of §o§", "§p§ (Director of §o§)", "the appointment of §p§ to Head of Research at
§o§" (a bare "§p§ (§o§)" is read where the masking folds it, in :mod:`..context`).

The apposition rules of :mod:`.affiliation` read a role *after* a name ("§p§, CEO of §o§");
news and event reports as often put the role first, as a title, or in brackets after the
name. Whichever role word it is, the shape is the same, so one pattern per shape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, PLACES, Fact, SentView, ids_in
from . import fastre as re
from .people import PERSON_ROLES, ROLE

__all__ = ["role_first_facts"]

E = EntityType
R = RelationType

#: A lower-case field after a role ("professor of electrical and computer engineering").
_FIELD = r"(?:\s+(?:of|for)\s+[a-z][\w-]*(?:\s+(?:and\s+|&\s+)?[a-z][\w-]*){0,4})?"
_TITLE = r"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?|Professor|Sir|Dame)"
#: "researchers §p§ and §q§ at the §o§", "CEO §p§ of §o§": the role, its holders, where they work.
#: ("from" names an organisation, never a place: "a professor from Lyon" says where, not whose.)
_ROLE_THEN_PEOPLE_AT = re.compile(
    rf"\b(?:{ROLE}|(?i:{PERSON_ROLES})){_FIELD},?\s+(?:{_TITLE}\s+)?"
    rf"((?:§\d+§,\s+)*§\d+§(?:,?\s+and\s+(?:{_TITLE}\s+)?§\d+§)?)\s+(at|of|from|with)\s+(?:the\s+)?§(\d+)§(?!['’])"
)
#: What every match of it holds: a tag, the preposition and the organisation's tag (it opens with "§",
#: so it is found in C at once; the role alternation is tried at every word).
_TAG_PREP_TAG = re.compile(r"§\s+(?:at|of|from|with)\s+(?:the\s+)?§")
#: "§p§ (Director of the §o§)", "§p§ (chief scientist, §o§)": a role in brackets after the name.
_ROLE_IN_BRACKETS = re.compile(
    rf"§(\d+)§\s*\(\s*(?:the\s+)?([^()§;]{{0,60}}?\b{ROLE}\b[^()§;]{{0,40}}?)(?:\s+(?:of|at|for)|,)\s+(?:the\s+)?§(\d+)§"
    r"[^()§]{0,30}\)"
)

#: "the appointment of §p§ to Head of Quantum Research at §o§": an appointment told without the
#: appointer, the organisation after the role.
_APPOINTMENT_TO = re.compile(
    rf"\bappointment\s+of\s+(?:{_TITLE}\s+)?§(\d+)§\s+(?:as|to)\s+([^§;]{{0,60}}?\b{ROLE}\b[^§;]{{0,40}}?)"
    r"\s(?:of|at|for|with)\s+(?:the\s+)?§(\d+)§(?:\s+at\s+(?:the\s+)?§(\d+)§)?"
)

RoleFact = Callable[[SentView, int, str, int, str], "Fact | None"]


def role_first_facts(v: SentView, m: str, role_fact: RoleFact) -> Iterator[Fact]:
    """Facts of the three shapes; ``role_fact`` turns a (person, role, organisation) into
    AFFILIATED_WITH or LEADS (chairs and heads lead) as the apposition rules do."""
    for x in _ROLE_THEN_PEOPLE_AT.finditer(m) if _TAG_PREP_TAG.search(m) else ():
        b, prep = int(x.group(3)), x.group(2)
        people = ids_in(x.group(1))
        if v.type(b) in PLACES and prep != "of":
            continue
        if v.type(b) not in ORGS | PLACES or not all(v.type(p) is E.PERSON for p in people):
            continue
        role = m[x.start() : x.start(1)]
        for p in people:
            fact = role_fact(v, p, role, b, "role-then-person")
            if fact is not None:
                yield fact
    for x in _APPOINTMENT_TO.finditer(m) if "appointment" in m else ():
        # "Head of §part§ at §o§": the head of a part works for the organisation it is part of
        b, role = (
            (int(x.group(4)), f"{x.group(2)} of a part") if x.group(4) else (int(x.group(3)), x.group(2))
        )
        host = next((f.target for f in v.facts if f.rule == "centre-at-host" and f.source == v.id(b)), None)
        if host is not None and host in v.ids:  # the masking folded "§part§ at §o§" into the part
            b, role = v.ids.index(host), f"{role} of a part"
        fact = role_fact(v, int(x.group(1)), role, b, "appointment-to")
        if fact is not None:
            yield fact
    if "(" not in m:
        return
    for x in _ROLE_IN_BRACKETS.finditer(m):
        fact = role_fact(v, int(x.group(1)), x.group(2), int(x.group(3)), "role-in-brackets")
        if fact is not None:
            yield fact
