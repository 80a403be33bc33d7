"""Relation rules: typed, evidence-backed edges from the phrasing of one sentence.

Each family lives in its own module of :mod:`qkg.loaders.rules` (investments, places,
membership and leadership, technologies (works_on, develops), affiliation of people, competition); a family runs only when its
vocabulary occurs in the sentence (a cheap substring gate). Rules are regular expressions
over a masked sentence (see :mod:`qkg.loaders.context`) plus a type check against the
ontology, phrased for the language of press releases and news, never for one article.
Every fact carries the rule name and a confidence reflecting how direct the phrasing is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from qkg.schemas import SIGNATURES, AgreementKind, EntityType, RelationType

from .context import Fact, SentView
from .rules import (
    affiliation,
    clauses,
    competition,
    develops,
    fallback,
    founders,
    funding_shapes,
    group_shapes,
    human_verbs,
    investments,
    member_lists,
    member_shapes,
    membership,
    partners,
    places,
    tech_clauses,
    tech_lists,
    tech_profiles,
    units,
    works_on,
)
from .rules.agreements import AgreementDraft
from .rules.investments import MONEY
from .rules.rule import gate

__all__ = ["MONEY", "fallback_pass", "relation_facts"]

E = EntityType

#: What a located thing may be located in (the ontology's range of LOCATED_IN).
_LOCATION_TARGETS = SIGNATURES[RelationType.LOCATED_IN].range


def relation_facts(v: SentView, recent_program: str | None) -> Iterator[Fact]:
    """Every relation the sentence states (partnerships are handled with agreements).

    A fact relates two different entities, which the families take from the view's mentions
    (or the programme in focus); the extractor drops any other, and one whose ends do not fit
    its type's signature. So a view naming fewer than two entities runs no family, and the
    location rules run only where the view names something a thing can be located in: the
    facts skipped are exactly those that would have been dropped."""
    yield from v.facts
    named = set(v.ids)
    if len(named) >= 2:
        yield from membership.apposition_facts(v)
        yield from member_lists.member_facts(v)
        yield from member_shapes.member_shape_facts(v, v.masked)
        yield from units.unit_facts(v, v.masked)
        yield from investments.folded_facts(v)
        yield from develops.apposed_made_facts(v)
    elif recent_program is None or recent_program in named:
        return
    m = v.masked
    if m.count("§") < 4 and not (recent_program and m.count("§") >= 2):
        return  # every rule relates two mentions (or one and the programme in focus)
    low = m.lower()
    if gate(low, investments.GATE):
        yield from investments.investment_facts(v, m)
    if gate(low, funding_shapes.GATE):
        yield from funding_shapes.shape_facts(v, m, low)
    if gate(low, places.GATE) and not _LOCATION_TARGETS.isdisjoint(v.types):
        yield from places.location_facts(v, m)
    yield from places.clause_facts(v, m)
    yield from partners.partner_facts(v, m, low)
    if gate(low, membership.MEMBER_GATE):
        yield from membership.membership_facts(v, m)
    yield from group_shapes.group_shape_facts(v, m)
    if gate(low, develops.DEVELOP_GATE):
        yield from develops.develops_facts(v, m)
    if E.TECHNOLOGY in v.types:
        yield from works_on.works_on_facts(v, m)
        yield from tech_profiles.profile_facts(v, m)
        if tech_lists.tech_list_gate(low):
            yield from tech_lists.tech_list_facts(v, m, recent_program)
        yield from tech_clauses.clause_object_facts(v, m)
    if gate(low, membership.LEAD_GATE):
        yield from membership.leadership_facts(v, m, recent_program)
        yield from affiliation.leads_examples(v, m)
    if "§" in m and any(v.type(i) is E.PERSON for i in range(len(v.types))):
        held = [
            *affiliation.affiliation_facts(v, m),
            *affiliation.charge_facts(v, m),
            *founders.founder_facts(v, m),
            *human_verbs.hire_facts(v, m),
            *human_verbs.career_facts(v, m),
        ]
        yield from held
        yield from affiliation.co_holder_facts(v, m, held)
    if gate(low, competition.GATE):
        yield from competition.competition_facts(v, m)


def fallback_pass(
    views: list[SentView],
    related: Iterable[tuple[tuple[str, RelationType, str], list[tuple[int, str, float]]]],
    types: dict[str, EntityType],
    drafts: list[AgreementDraft],
) -> tuple[list[tuple[int, Fact]], list[AgreementDraft]]:
    """After every family: cue-word rules for the pairs no phrasing rule related (lower confidence).

    ``related`` is every fact found so far with the sentences stating it."""
    pairs: set[frozenset[str]] = set()
    funded: set[int] = set()
    for (s, rtype, t), said in related:
        pairs.add(frozenset((s, t)))
        if rtype is RelationType.INVESTS_IN:
            funded.update(k for k, _, _ in said)
    # the parties of a contract are related by it: an order or a tender paid is no funding, and
    # contractors are no partners (the annotation gives contracts no PARTNERS_WITH)
    for d in drafts:
        if d.kind is AgreementKind.CONTRACT:
            pairs.update(frozenset((a, b)) for a in d.parties for b in d.parties if a != b)
    # the clause reader first: its subject, verb and objects say more than a cue word does
    facts = clauses.clause_facts(views, pairs, types)
    pairs.update(frozenset((f.source, f.target)) for _, f in facts)
    facts += fallback.fallback_facts(views, pairs, types, funded)
    return facts, fallback.fallback_agreements(views, drafts, types)
