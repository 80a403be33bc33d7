"""Hypothesis strategies for valid deltas (shared by the RDF, SHACL and export tests)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from qkg.schemas import (
    SIGNATURES,
    Agreement,
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    Document,
    Entity,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    Relation,
    allows,
    entity_id,
)
from qkg.schemas.life import STAGES

__all__ = ["deltas", "nasty_text", "partial_dates"]

#: Everything that needs escaping in N-Quads and Turtle, plus other scripts and astral characters.
_NASTY = 'KAIST 한국과학기술원 대전 "quoted" \\back\\slash\nnew\rline\ttab \x00\x1f\x7f é 😀 <>{}|^`'
nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(_NASTY), st.characters(blacklist_categories=("Cs",))),
    min_size=1,
    max_size=40,
)
_RELATION_TYPES = sorted(t for t, s in SIGNATURES.items() if not s.structural)


@st.composite
def _evidence(draw: st.DrawFn, doc: Document) -> Evidence:
    n = len(doc.text)
    start = draw(st.integers(0, n - 1))
    end = draw(st.integers(start + 1, n))
    return Evidence(
        document_id=doc.id,
        sentence=doc.text[start:end],
        start=start,
        end=end,
        rule=draw(st.sampled_from(["gazetteer", "pattern:mou", 'rule "x"\n2'])),
        confidence=draw(st.floats(0.0, 1.0)),
    )


def _partial_date(d: dt.date, cut: int) -> str:
    return d.isoformat()[:cut]


@st.composite
def partial_dates(draw: st.DrawFn) -> str | None:
    """None, or a date from year 1000 on at the precision of a year, a month or a day."""
    date = draw(st.one_of(st.none(), st.dates(dt.date(1000, 1, 1))))
    return None if date is None else _partial_date(date, draw(st.sampled_from([4, 7, 10])))


@st.composite
def _events(draw: st.DrawFn, doc: Document) -> tuple[AgreementEvent, ...]:
    return tuple(
        AgreementEvent(
            status=draw(st.sampled_from(STAGES)),
            date=draw(partial_dates()),
            ends=draw(partial_dates()),
            evidence=draw(_evidence(doc)),
        )
        for _ in range(draw(st.integers(0, 3)))
    )


@st.composite
def deltas(draw: st.DrawFn, max_entities: int = 6) -> KnowledgeGraph:
    """Any valid delta: random entities, relations allowed by the ontology, agreements, goals."""
    text = draw(nasty_text)
    doc = Document.from_text(
        text,
        title=draw(st.one_of(st.just(""), nasty_text)),
        source=draw(st.one_of(st.none(), nasty_text)),
        published=draw(st.one_of(st.none(), st.dates())),
        media_type=draw(st.sampled_from(["text/plain", "text/html"])),
    )
    evs = st.lists(_evidence(doc), min_size=1, max_size=3)
    entities: dict[str, Entity] = {}
    for _ in range(draw(st.integers(0, max_entities))):
        etype = draw(st.sampled_from(sorted(EntityType)))
        name = draw(nasty_text.filter(lambda s: bool(s.strip())))
        country = draw(st.one_of(st.none(), st.sampled_from(["KR", "FR", "US"])))
        eid = entity_id(name, etype, country)
        if eid in entities or len(eid) > 300:
            continue
        entities[eid] = Entity(
            id=eid,
            type=etype,
            name=name,
            aliases=tuple(draw(st.lists(nasty_text, max_size=3))),
            external_ids=draw(
                st.dictionaries(
                    st.sampled_from(["wikidata", "ror", "grid", "x=y:z", "위키"]),
                    st.one_of(st.sampled_from(["Q42", "Q0", "04t3en479"]), nasty_text),
                    max_size=3,
                )
            ),
            country=country,
            description=draw(st.one_of(st.none(), nasty_text)),
        )
    ids = sorted(entities)
    relations: dict[tuple[str, str, str], Relation] = {}
    agreements: dict[str, Agreement] = {}
    goals: dict[str, Goal] = {}
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 8))):
            s, o = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
            rtype = draw(st.sampled_from(_RELATION_TYPES))
            if s == o or not allows(rtype, entities[s].type, entities[o].type):
                continue
            rel = Relation(
                source=s,
                type=rtype,
                target=o,
                evidence=draw(evs),
                confidence=draw(st.floats(0.0, 1.0)),
                valid_from=draw(st.one_of(st.none(), st.dates())),
                valid_to=draw(st.one_of(st.none(), st.dates())),
            )
            relations.setdefault(rel.key, rel)
        for _ in range(draw(st.integers(0, 3))):
            agr = Agreement.build(
                draw(st.sampled_from(sorted(AgreementKind))),
                draw(st.lists(st.sampled_from(ids), min_size=2, max_size=4, unique=True)),
                date=draw(partial_dates()),
                title=draw(st.one_of(st.just(""), nasty_text)),
                place=draw(st.one_of(st.none(), st.sampled_from(ids))),
                topics=draw(st.lists(nasty_text, max_size=3)),
                status=draw(st.sampled_from(sorted(AgreementStatus))),
                evidence=draw(evs),
                # deliberately unordered, and status/ends drawn apart: the mapping keeps what it is given
                events=draw(_events(doc)),
                ends=draw(partial_dates()),
            )
            agreements.setdefault(agr.id, agr)
    for _ in range(draw(st.integers(0, 2))):
        goal = Goal.build(
            draw(nasty_text),
            draw(st.floats(allow_nan=False)),
            draw(st.one_of(st.just(""), nasty_text)),
            target_year=draw(st.one_of(st.none(), st.integers(1900, 2200))),
            owner=draw(st.one_of(st.none(), st.sampled_from(ids))) if ids else None,
            evidence=draw(evs),
        )
        goals.setdefault(goal.id, goal)
    # Deliberately not in canonical order: the mapping must not depend on it.
    return KnowledgeGraph(
        document=doc,
        entities=tuple(reversed(entities.values())),
        relations=tuple(relations.values()),
        agreements=tuple(agreements.values()),
        goals=tuple(goals.values()),
    )
