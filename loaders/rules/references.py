"""References: definite descriptions and pronouns that stand for an actor named earlier."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qkg.schemas import EntityType

from ..segment import Sentence
from .mention import Mention

__all__ = ["reference_mentions", "resolve_references"]

E = EntityType


_CITY_GOV = re.compile(r"\b[Tt]he\s+(?:city|metropolitan|municipal)(?:\s+government)?\b(?!\s+of)")


_COUNTRY_ANA = re.compile(r"\b[Tt]he\s+country\b(?!['’]s\s+(?:first|largest))")


#: "The company raised ...", "The French start-up focuses on ...": a sentence that opens with a
#: definite description of an organisation is about the closest preceding one of that kind.
_OPENING_REF = re.compile(
    r"^(?:(?:Meanwhile|Separately|Now|Today|Last\s+year|This\s+year),?\s+)?(?:The|the)\s+(?:[A-Z]?[a-z][\w-]*\s+){0,2}?"
    r"(company|start-?up|firm|university|institute|laboratory|ministry|agency)\b(?!\s+(?:of|for)\b)"
)


_OPENING_TYPES = {
    "company": E.COMPANY,
    "startup": E.COMPANY,
    "start-up": E.COMPANY,
    "firm": E.COMPANY,
    "university": E.UNIVERSITY,
    "institute": E.RESEARCH_INSTITUTE,
    "laboratory": E.RESEARCH_INSTITUTE,
    "ministry": E.GOVERNMENT_BODY,
    "agency": E.GOVERNMENT_BODY,
}


def reference_mentions(sent: Sentence) -> list[Mention]:
    out: list[Mention] = []
    opening = _OPENING_REF.match(sent.text)
    if opening:
        typ = _OPENING_TYPES[opening.group(1).lower()]
        st = sent.start + opening.start()
        out.append(
            Mention(
                st, sent.start + opening.end(), opening.group(), typ, opening.group(), "anaphor", anaphor=typ
            )
        )
    if (
        "the city" not in sent.text.lower()
        and "the country" not in sent.text.lower()
        and "metropolitan" not in sent.text
        and "municipal" not in sent.text
    ):
        return out
    for rx, typ in ((_CITY_GOV, E.CITY), (_COUNTRY_ANA, E.COUNTRY)):
        for m in rx.finditer(sent.text):
            st = sent.start + m.start()
            out.append(Mention(st, st + len(m.group()), m.group(), typ, m.group(), "anaphor", anaphor=typ))
    return out


_ORGLIKE = {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM}


def resolve_references(
    mentions: Sequence[Mention], named: Sequence[tuple[Mention, str]], types: dict[str, EntityType]
) -> list[tuple[Mention, str]]:
    """The entity each reference mention stands for; unresolved references are dropped.

    Places ("the city government") take the closest preceding entity of their type;
    organisations ("The company ...") the one the text is about so far (most mentioned,
    then most recent).
    """
    out: list[tuple[Mention, str]] = []
    # one pass in document order (references before names at the same offset, which they
    # cannot see), keeping per type the latest entity and the most-mentioned-then-latest one
    refs = [m for m in mentions if m.rule == "anaphor"]
    events = sorted(
        [(pm.start, 1, i, eid) for i, (pm, eid) in enumerate(named)]
        + [(m.start, 0, i, "") for i, m in enumerate(refs)]
    )
    counts: dict[str, int] = {}
    latest: dict[EntityType, str] = {}
    best: dict[EntityType, str] = {}

    def seen(eid: str) -> None:
        t = types[eid]
        counts[eid] = counts.get(eid, 0) + 1
        latest[t] = eid
        cur = best.get(t)
        if cur is None or counts[eid] >= counts[cur]:
            best[t] = eid

    for _, is_name, i, eid in events:
        if is_name:
            seen(eid)
            continue
        m = refs[i]
        assert m.anaphor is not None
        choice = (best if m.anaphor in _ORGLIKE else latest).get(m.anaphor)
        if choice is None:
            continue
        out.append((m, choice))
        seen(choice)
    return out
