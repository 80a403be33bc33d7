"""Competition: stated rivalry between organisations (COMPETES_WITH)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORGS, Fact, SentView, ids_in
from .rule import f as _f
from .rule import ok as _ok

__all__ = ["GATE", "competition_facts"]

E = EntityType
R = RelationType


GATE = ("compet", "rival", "vie")


def competition_facts(v: SentView, m: str) -> Iterator[Fact]:
    for x in re.finditer(
        rf"{ENT}'s?\s+(?:main\s+|key\s+|biggest\s+|chief\s+|closest\s+)?(?:competitors?|rivals?),?\s+(?:including\s+|such\s+as\s+)?({LIST})",
        m,
    ):
        a = int(x.group(1))
        for b in ids_in(x.group(2)):
            if _ok(v, a, b, ORGS) and v.type(a) in ORGS:
                yield _f(v, a, R.COMPETES_WITH, b, "competitor", 0.8)
    for x in re.finditer(
        rf"{ENT}\s+(?:([^.;]{{0,80}}?)\s)?(?:competes|compete|competing|rivals|rivalling|vies|vying)\s+(?:with|against)\s+({LIST})",
        m,
    ):
        a = int(x.group(1))
        gap = x.group(2) or ""
        if any(v.type(i) is not E.TECHNOLOGY for i in ids_in(gap)):
            continue  # another actor in between may be the competitor's real subject
        for b in ids_in(x.group(3)):
            if _ok(v, a, b, ORGS) and v.type(a) in ORGS:
                yield _f(v, a, R.COMPETES_WITH, b, "competes-with", 0.8)
