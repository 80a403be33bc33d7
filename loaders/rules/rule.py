"""What every relation family shares: a phrasing rule, its application, gates and type checks."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, PLACES, SEP, Fact, SentView, ids_in
from . import fastre as re
from .literals import Gated, gated
from .words import any_in

__all__ = ["ACTORS", "Rule", "apply", "f", "gate", "members", "ok"]

E = EntityType


ACTORS = ORGS | PLACES | {E.PROGRAM}


#: Whether any of ``words`` occurs in ``low``: one multi-pattern scan of the text shared by every
#: gate (see :func:`.words.any_in`; a compiled alternation per gate cost 5-12 us a search). The
#: function itself, not a wrapper: the families ask about 20 gates a sentence.
gate = any_in


def ok(v: SentView, a: int, b: int, types: AbstractSet[EntityType] | None = None) -> bool:
    return a != b and (types is None or v.type(b) in types)


def f(v: SentView, a: int, t: RelationType, b: int, rule: str, conf: float) -> Fact:
    return Fact(v.id(a), t, v.id(b), rule, conf)


@dataclass(frozen=True, slots=True)
class Rule:
    """One phrasing: which groups hold the source(s) and the target(s), and what it is worth.

    The pattern is searched behind the gate of its own needed literals (:mod:`.literals`): a
    sentence without them is not searched, and the answers are the pattern's."""

    pattern: re.Pattern[str] | Gated
    source: int
    target: int
    name: str
    confidence: float
    source_types: frozenset[EntityType] | None = None
    target_types: frozenset[EntityType] | None = None

    def __post_init__(self) -> None:
        if isinstance(self.pattern, re.Pattern):
            object.__setattr__(self, "pattern", gated(self.pattern))


def members(group: str) -> list[int]:
    return [int(group)] if group.isdigit() else ids_in(group)


#: More mentions coordinated after a rule's single target, then the clause goes on without a
#: verb of their own: "X invested in §1§ and §2§." / "... in §1§, §2§ and §3§ last year".
_MORE_TARGETS = re.compile(
    rf"(?:{SEP}(?:the\s+§|§)\d+§)+(?=\s*(?:[.,;:)]|$)|\s+(?:in|for|to|with|on|as|at|since|through|over|from|last|this|earlier|during)\b)"
)


def _with_coordinated(m: str, x: re.Match[str], group: int, targets: list[int]) -> list[int]:
    if len(targets) != 1 or x.end() != x.end(group) + 1 or not m.startswith("§", x.end(group)):
        return targets
    more = _MORE_TARGETS.match(m, x.end())
    return targets + ids_in(more.group()) if more else targets


def apply(v: SentView, m: str, rules: tuple[Rule, ...], rtype: RelationType) -> Iterator[Fact]:
    for rule in rules:
        for x in rule.pattern.finditer(m):
            targets = _with_coordinated(m, x, rule.target, members(x.group(rule.target)))
            for a in members(x.group(rule.source)):
                if rule.source_types is not None and v.type(a) not in rule.source_types:
                    continue
                for b in targets:
                    if ok(v, a, b, rule.target_types):
                        yield f(v, a, rtype, b, rule.name, rule.confidence)
