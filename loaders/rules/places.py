"""Places: where an organisation is (LOCATED_IN) from stated location wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORGS, PLACES, Fact, SentView, ids_in
from .rule import f as _f
from .rule import ok as _ok

__all__ = ["GATE", "location_facts"]

E = EntityType
R = RelationType


GATE = (
    "based",
    "headquarter",
    "located",
    "situated",
    "registered",
    "anchored",
    "housed",
    "factory",
    "plant",
    "campus",
    "facilit",
    "site",
    "office",
    "premises",
    "hq",
    " in ",
)


def location_facts(v: SentView, m: str) -> Iterator[Fact]:
    pl = PLACES | {E.CLUSTER}
    for x in re.finditer(
        rf"({LIST})\s+(?:(?:is|are|was|were|will|be|been|has|have|now|also|currently)\s+)*(?:\w+\s+)?(?:based|headquartered|located|situated|registered|anchored|housed)\s+(?:in|at)\s+(?:the\s+)?{ENT}",
        m,
    ):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, pl) and v.type(a) not in {E.TECHNOLOGY, E.PROGRAM}:
                yield _f(v, a, R.LOCATED_IN, b, "based-in", 0.9)
    for x in re.finditer(
        rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}(?:headquarters|HQ|head\s+office|offices?|factory|plant|campus|facility|site|premises)\s+(?:in|at)\s+(?:the\s+)?{ENT}",
        m,
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "facility-in", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+(?:factory|plant|headquarters|HQ|campus|facility|site)\s+(?:in|at)\s+(?:the\s+)?{ENT}", m
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "facility-in", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+to\s+(?:establish|open|build|set\s+up|move|relocate)\s+its\s+(?:[\w§-]+\s+){{0,3}}(?:headquarters|HQ|head\s+office)\s+in\s+(?:the\s+)?{ENT}",
        m,
    ):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "headquarters-in", 0.9)
    for x in re.finditer(rf"{ENT}\s+(?:from|of)\s+the\s+{ENT}\s+in\s+(?:the\s+)?{ENT}", m):
        a, b = int(x.group(2)), int(x.group(3))
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "x-in-place", 0.7)
