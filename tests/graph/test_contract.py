"""THE contract suite: every ``GraphStore`` answers these the same way.

Runs on every store through the ``store`` fixture (embedded and Neo4j). Expected values are
derived by hand from the small corpus in :mod:`tests.factories` or by a reference
implementation of the merge rules written here, never by asking another store. The last
test loads the same corpus into both stores and compares every answer.

Rules pinned here beyond the ``GraphStore`` docstring (both stores follow them):

- a relation seen in several documents: evidence union, confidence the maximum,
  ``valid_from`` the earliest and ``valid_to`` the latest any document gives;
- ``relations(None, filter)``: ``direction`` is ignored and ``entity_types`` keeps a
  relation when either end has one of the types;
- ``links(since=, until=)``: keeps links with evidence from documents published in the
  window, and ``weight``/``first_seen``/``last_seen`` count only that evidence;
- ``paths(a, a)`` is the one path of length 0; hops sort by type, then agreement, then
  ``reversed``; unknown ends raise ``NotFound``; caps raise ``LimitExceeded`` first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import networkx as nx
import pytest

from qkg.graph.store import MAX_PATH_HOPS, MAX_PATHS, GraphStore, NameFinder
from qkg.schemas import (
    SYMMETRIC_TYPES,
    AgreementKind,
    Direction,
    Entity,
    EntityFilter,
    EntityType,
    KnowledgeGraph,
    LimitExceeded,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    normalise_name,
    step_relation_key,
)
from qkg.schemas.rdf import canonical_delta
from tests import factories as f
from tests.factories import (
    AWS,
    DAEJEON,
    DAEJEON_REGION,
    IBM,
    INSTITUT_QUANTIQUE,
    IONQ,
    KAIST,
    NEUTRAL_ATOMS,
    PASQAL,
    SHERBROOKE,
    TRAPPED_IONS,
    aws_pasqal,
    canonical_dump,
    corpus,
    ionq_kaist,
    kaist_pasqal,
    kaist_pasqal_v2,
    sherbrooke_consortium,
)

R = RelationType
E = EntityType


def load(store: GraphStore, deltas: Iterable[KnowledgeGraph] | None = None) -> list[KnowledgeGraph]:
    loaded = list(corpus() if deltas is None else deltas)
    for d in loaded:
        store.upsert(d)
    return loaded


def keys(relations: Iterable[Relation]) -> list[tuple[str, str, str]]:
    return [r.key for r in relations]


def ids(items: Iterable[Entity]) -> list[str]:
    return [e.id for e in items]


def expected_entity(entity_id: str, deltas: Iterable[KnowledgeGraph]) -> Entity:
    """Reference implementation of the entity merge rule of ``qkg.graph.store``."""
    parts = {d.document.id: e for d in deltas for e in d.entities if e.id == entity_id}
    order = sorted(parts)
    external: dict[str, str] = {}
    for doc_id in reversed(order):
        external.update(parts[doc_id].external_ids)
    first = parts[order[0]]
    return first.model_copy(
        update={
            "aliases": tuple(sorted({a for p in parts.values() for a in p.aliases})),
            "external_ids": dict(sorted(external.items())),
        }
    )


# -- lifecycle -------------------------------------------------------------------------------
def test_empty_store_answers_empty(store: GraphStore) -> None:
    assert store.kind in {"embedded", "neo4j"}
    assert store.health()["ok"] is True
    s = store.stats()
    assert (s.documents, s.entities, s.relations, s.agreements, s.goals, s.evidence) == (0, 0, 0, 0, 0, 0)
    assert store.entities() == []
    assert store.relations() == []
    assert store.agreements() == []
    assert store.goals() == []
    assert store.documents() == []
    assert list(store.links()) == []
    assert list(store.deltas()) == []
    assert store.count_entities() == 0


def test_health_reports_the_same_keys_on_every_store(store: GraphStore) -> None:
    store.warm()  # what a server does before taking requests: nothing changes
    store.upsert(kaist_pasqal())
    report = store.health()
    assert sorted(report) == ["details", "documents", "error", "kind", "location", "ok", "version"]
    assert (report["ok"], report["kind"], report["error"]) == (True, store.kind, None)
    assert (report["documents"], report["version"]) == (1, store.version)


def test_upsert_is_idempotent(store: GraphStore) -> None:
    load(store)
    before, version = canonical_dump(store), store.version
    results = [store.upsert(d) for d in corpus()]
    assert [r.changed for r in results] == [False] * 4
    assert all(r.replaced == () for r in results)
    assert canonical_dump(store) == before
    assert store.version == version


def test_upsert_reports_change_and_version_moves(store: GraphStore) -> None:
    v0 = store.version
    first = store.upsert(kaist_pasqal())
    assert first.changed is True
    assert first.document_id == kaist_pasqal().document.id
    v1 = store.version
    assert v1 != v0
    store.upsert(aws_pasqal())
    v2 = store.version
    assert v2 not in {v0, v1}
    store.remove_document(aws_pasqal().document.id)
    assert store.version != v2
    store.remove_document(kaist_pasqal().document.id)
    store.upsert(aws_pasqal())  # as many documents as after the first upsert, other content
    assert store.version not in {v0, v1}


def test_load_order_does_not_matter(store: GraphStore) -> None:
    load(store)
    forward = canonical_dump(store)
    store.clear()
    load(store, reversed(corpus()))
    assert canonical_dump(store) == forward


def test_clear_empties_everything(store: GraphStore) -> None:
    load(store)
    store.clear()
    assert store.stats().documents == 0
    assert store.entities() == []
    assert list(store.links()) == []


# -- entities --------------------------------------------------------------------------------
def test_entity_lookup_and_not_found(store: GraphStore) -> None:
    deltas = load(store)
    assert store.entity(KAIST) == expected_entity(KAIST, deltas)
    with pytest.raises(NotFound, match="university:nowhere"):
        store.entity("university:nowhere")
    got = store.entities_by_id([PASQAL, "company:missing", AWS])
    assert set(got) == {PASQAL, AWS}
    assert got[PASQAL] == expected_entity(PASQAL, deltas)


@pytest.mark.parametrize("entity_id", [KAIST, PASQAL, DAEJEON, NEUTRAL_ATOMS, AWS, SHERBROOKE])
def test_entity_merge_rules(store: GraphStore, entity_id: str) -> None:
    deltas = load(store)
    assert store.entity(entity_id) == expected_entity(entity_id, deltas)


def test_entity_merge_picks_smallest_document_on_conflict(store: GraphStore) -> None:
    deltas = load(store)
    kaist = store.entity(KAIST)
    assert kaist.aliases == (
        "KAIST University",
        "Korea Advanced Institute of Science and Technology",
        "한국과학기술원",
    )
    assert kaist.external_ids["wikidata"] == "Q1133498"
    holders = sorted(
        d.document.id for d in deltas for e in d.entities if e.id == KAIST and "ror" in e.external_ids
    )
    smallest = next(d for d in deltas if d.document.id == holders[0])
    assert (
        kaist.external_ids["ror"] == next(e for e in smallest.entities if e.id == KAIST).external_ids["ror"]
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KAIST", [KAIST]),
        ("kaist", [KAIST]),
        ("  korea advanced institute of SCIENCE and technology ", [KAIST]),
        ("한국과학기술원", [KAIST]),
        ("universite de sherbrooke", [SHERBROOKE]),
        ("UNIVERSITÉ DE SHERBROOKE", [SHERBROOKE]),
        ("AWS", [AWS]),
        ("daejeon", sorted([DAEJEON, DAEJEON_REGION])),
        ("대전", [DAEJEON]),
        ("Nowhere Quantum", []),
    ],
)
def test_find_entities_by_name_or_alias(store: GraphStore, name: str, expected: list[str]) -> None:
    load(store)
    assert ids(store.find_entities(name)) == expected


def test_several_names_found_in_one_call_as_one_by_one(store: GraphStore) -> None:
    # a store that looks names up together (Neo4j: one statement) answers as find_entities does
    load(store)
    names = ["AWS", "daejeon", "대전", "Nowhere Quantum", "AWS"]
    if isinstance(store, NameFinder):
        assert store.find_entities_named(names) == {n: store.find_entities(n) for n in names}


def test_a_name_prefix_follows_writes_and_removals(store: GraphStore) -> None:
    # the embedded store reads a prefix off its sorted name keys: they follow every change
    prefix = EntityFilter(name_prefix="한국")
    load(store, [kaist_pasqal()])
    assert ids(store.entities(prefix)) == []
    load(store, [sherbrooke_consortium()])  # KAIST's Korean alias arrives here
    assert ids(store.entities(prefix)) == [KAIST]
    store.remove_document(sherbrooke_consortium().document.id)
    assert ids(store.entities(prefix)) == []


def test_entities_are_ordered_by_normalised_name_then_id(store: GraphStore) -> None:
    load(store)
    got = store.entities()
    assert len(got) == 11
    assert [(normalise_name(e.name), e.id) for e in got] == sorted(
        (normalise_name(e.name), e.id) for e in got
    )
    assert ids(got)[:2] == [AWS, DAEJEON]  # "amazon web services", then "daejeon" (city < region by id)
    assert store.count_entities() == 11


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EntityFilter(types=frozenset({E.COMPANY})), [AWS, IBM, IONQ, PASQAL]),
        (
            EntityFilter(types=frozenset({E.UNIVERSITY, E.RESEARCH_INSTITUTE})),
            [INSTITUT_QUANTIQUE, KAIST, SHERBROOKE],
        ),
        (EntityFilter(country="KR"), [DAEJEON, DAEJEON_REGION, KAIST]),
        (EntityFilter(country="US", types=frozenset({E.COMPANY})), [AWS, IBM, IONQ]),
        (EntityFilter(name_prefix="univ"), [SHERBROOKE]),
        (EntityFilter(name_prefix="Korea"), [KAIST]),  # prefix of an alias
        (
            EntityFilter(name_contains="QUANT"),
            [INSTITUT_QUANTIQUE, NEUTRAL_ATOMS],
        ),  # alias "neutral-atom quantum computing"
        (EntityFilter(name_contains="sherbrooke"), [SHERBROOKE]),
        (EntityFilter(name_contains="atom"), [NEUTRAL_ATOMS]),
        (EntityFilter(technology=NEUTRAL_ATOMS), [AWS, PASQAL]),
        (EntityFilter(technology=TRAPPED_IONS), [IONQ]),
        (EntityFilter(technology=NEUTRAL_ATOMS, types=frozenset({E.COMPANY}), country="FR"), [PASQAL]),
        (EntityFilter(types=frozenset({E.PERSON})), []),
    ],
)
def test_entity_filters(store: GraphStore, flt: EntityFilter, expected: list[str]) -> None:
    load(store)
    assert ids(store.entities(flt)) == expected
    assert store.count_entities(flt) == len(expected)


def test_entities_paginate(store: GraphStore) -> None:
    load(store)
    everything = ids(store.entities())
    assert ids(store.entities(limit=3)) == everything[:3]
    assert ids(store.entities(limit=3, offset=3)) == everything[3:6]
    assert ids(store.entities(offset=10)) == everything[10:]
    assert store.entities(limit=5, offset=50) == []


# -- relations -------------------------------------------------------------------------------
ALL_RELATIONS = sorted(
    [
        (AWS, "PARTNERS_WITH", PASQAL),
        (AWS, "WORKS_ON", NEUTRAL_ATOMS),
        (IBM, "PARTNERS_WITH", SHERBROOKE),
        (IONQ, "DEVELOPS", TRAPPED_IONS),
        (IONQ, "PARTNERS_WITH", KAIST),
        (PASQAL, "DEVELOPS", NEUTRAL_ATOMS),
        (INSTITUT_QUANTIQUE, "PART_OF", SHERBROOKE),
        (KAIST, "LOCATED_IN", DAEJEON),
        (PASQAL, "PARTNERS_WITH", KAIST),
        (KAIST, "PARTNERS_WITH", SHERBROOKE),
    ]
)


def test_all_relations_in_order(store: GraphStore) -> None:
    load(store)
    assert keys(store.relations()) == ALL_RELATIONS
    assert keys(store.relations(limit=2, offset=1)) == ALL_RELATIONS[1:3]


def test_symmetric_relations_are_stored_once_with_sorted_ends(store: GraphStore) -> None:
    load(store)
    pw = store.relations(filter=RelationFilter(types=frozenset({R.PARTNERS_WITH})))
    assert all(r.source < r.target for r in pw)
    assert (AWS, "PARTNERS_WITH", PASQAL) in keys(pw)


def test_relation_shared_by_two_documents_merges(store: GraphStore) -> None:
    load(store)
    (rel,) = store.relations(PASQAL, RelationFilter(types=frozenset({R.DEVELOPS})))
    docs = sorted([kaist_pasqal().document.id, aws_pasqal().document.id])
    assert [e.document_id for e in rel.evidence] == docs
    assert [(e.document_id, e.start, e.end, e.rule) for e in rel.evidence] == sorted(
        (e.document_id, e.start, e.end, e.rule) for e in rel.evidence
    )
    assert rel.confidence == pytest.approx(0.95)
    assert rel.valid_from == dt.date(2019, 1, 1)
    assert rel.valid_to is None
    for ev in rel.evidence:
        assert "PASQAL develops neutral-atom quantum processors" in ev.sentence
    (located,) = store.relations(KAIST, RelationFilter(types=frozenset({R.LOCATED_IN})))
    assert located.confidence == pytest.approx(1.0)
    assert len(located.evidence) == 2


@pytest.mark.parametrize(
    ("entity_id", "flt", "expected"),
    [
        (
            KAIST,
            None,
            [
                (IONQ, "PARTNERS_WITH", KAIST),
                (KAIST, "LOCATED_IN", DAEJEON),
                (PASQAL, "PARTNERS_WITH", KAIST),
                (KAIST, "PARTNERS_WITH", SHERBROOKE),
            ],
        ),
        (
            KAIST,
            RelationFilter(direction=Direction.OUT),
            [
                (IONQ, "PARTNERS_WITH", KAIST),
                (KAIST, "LOCATED_IN", DAEJEON),
                (PASQAL, "PARTNERS_WITH", KAIST),
                (KAIST, "PARTNERS_WITH", SHERBROOKE),
            ],
        ),
        (DAEJEON, RelationFilter(direction=Direction.OUT), []),
        (DAEJEON, RelationFilter(direction=Direction.IN), [(KAIST, "LOCATED_IN", DAEJEON)]),
        (
            KAIST,
            RelationFilter(direction=Direction.IN),
            [
                (IONQ, "PARTNERS_WITH", KAIST),
                (PASQAL, "PARTNERS_WITH", KAIST),
                (KAIST, "PARTNERS_WITH", SHERBROOKE),
            ],
        ),
        (
            PASQAL,
            RelationFilter(types=frozenset({R.DEVELOPS, R.WORKS_ON})),
            [(PASQAL, "DEVELOPS", NEUTRAL_ATOMS)],
        ),
        (
            NEUTRAL_ATOMS,
            RelationFilter(direction=Direction.IN),
            [(AWS, "WORKS_ON", NEUTRAL_ATOMS), (PASQAL, "DEVELOPS", NEUTRAL_ATOMS)],
        ),
        (
            KAIST,
            RelationFilter(entity_types=frozenset({E.COMPANY})),
            [(IONQ, "PARTNERS_WITH", KAIST), (PASQAL, "PARTNERS_WITH", KAIST)],
        ),
        (
            KAIST,
            RelationFilter(entity_types=frozenset({E.CITY, E.UNIVERSITY})),
            [(KAIST, "LOCATED_IN", DAEJEON), (KAIST, "PARTNERS_WITH", SHERBROOKE)],
        ),
        (
            KAIST,
            RelationFilter(document_id=ionq_kaist().document.id),
            [(IONQ, "PARTNERS_WITH", KAIST), (KAIST, "LOCATED_IN", DAEJEON)],
        ),
        (
            KAIST,
            RelationFilter(since=dt.date(2024, 1, 1)),
            [
                (IONQ, "PARTNERS_WITH", KAIST),
                (KAIST, "LOCATED_IN", DAEJEON),
                (PASQAL, "PARTNERS_WITH", KAIST),
            ],
        ),
        (
            KAIST,
            RelationFilter(until=dt.date(2024, 12, 31)),
            [(KAIST, "LOCATED_IN", DAEJEON), (PASQAL, "PARTNERS_WITH", KAIST)],
        ),
        (
            KAIST,
            RelationFilter(since=dt.date(2024, 6, 12), until=dt.date(2024, 6, 12)),
            [(KAIST, "LOCATED_IN", DAEJEON), (PASQAL, "PARTNERS_WITH", KAIST)],
        ),
        (SHERBROOKE, RelationFilter(since=dt.date(1900, 1, 1)), []),  # undated documents never match a window
        (
            PASQAL,
            RelationFilter(until=dt.date(2023, 12, 31)),
            [(AWS, "PARTNERS_WITH", PASQAL), (PASQAL, "DEVELOPS", NEUTRAL_ATOMS)],
        ),
        (TRAPPED_IONS, RelationFilter(types=frozenset({R.PARTNERS_WITH})), []),
    ],
)
def test_relation_filters(
    store: GraphStore, entity_id: str, flt: RelationFilter | None, expected: list[tuple[str, str, str]]
) -> None:
    load(store)
    assert keys(store.relations(entity_id, flt)) == sorted(expected)


def test_relations_of_everything_with_filters(store: GraphStore) -> None:
    load(store)
    companies = RelationFilter(entity_types=frozenset({E.TECHNOLOGY}))
    assert keys(store.relations(None, companies)) == [
        (AWS, "WORKS_ON", NEUTRAL_ATOMS),
        (IONQ, "DEVELOPS", TRAPPED_IONS),
        (PASQAL, "DEVELOPS", NEUTRAL_ATOMS),
    ]
    only_sherbrooke_doc = RelationFilter(document_id=sherbrooke_consortium().document.id)
    assert keys(store.relations(None, only_sherbrooke_doc)) == [
        (IBM, "PARTNERS_WITH", SHERBROOKE),
        (INSTITUT_QUANTIQUE, "PART_OF", SHERBROOKE),
        (KAIST, "PARTNERS_WITH", SHERBROOKE),
    ]


def test_relations_of_unknown_entity(store: GraphStore) -> None:
    load(store)
    with pytest.raises(NotFound, match="company:ghost"):
        store.relations("company:ghost")


def test_relations_of_batch(store: GraphStore) -> None:
    load(store)
    flt = RelationFilter(types=frozenset({R.PARTNERS_WITH}))
    got = store.relations_of([KAIST, "company:ghost", TRAPPED_IONS, AWS], flt)
    assert set(got) == {KAIST, TRAPPED_IONS, AWS}
    assert got[TRAPPED_IONS] == []
    assert got[KAIST] == store.relations(KAIST, flt)
    assert keys(got[AWS]) == [(AWS, "PARTNERS_WITH", PASQAL)]


def test_relations_by_key(store: GraphStore) -> None:
    load(store)
    every = store.relations()
    asked = [r.key for r in reversed(every)] + [(KAIST, "PARTNERS_WITH", "company:ghost")]
    got = store.relations_by_key(asked)
    assert list(got) == [r.key for r in reversed(every)]  # asked order, unknown keys omitted
    assert all(got[r.key] == r for r in every)
    assert store.relations_by_key([]) == {}


def expected_steps(store: GraphStore, node: str) -> list[tuple[str, RelationType, str | None, bool]]:
    """Steps derived from the full relations and agreements of ``node``."""
    out = []
    for r in store.relations(node):
        forward = r.source == node
        other = r.target if forward else r.source
        out.append((other, r.type, None, not forward and r.type not in SYMMETRIC_TYPES))
    for a in store.agreements(party=node):
        out.extend((p, R.PARTY_TO, a.id, False) for p in a.parties if p != node)
    return sorted(out, key=lambda s: (s[0], s[1].value, s[2] or "", s[3]))


def test_steps_are_the_light_form_of_relations_and_agreements(store: GraphStore) -> None:
    load(store)
    nodes = [e.id for e in store.entities()]
    got = store.steps([*nodes, "company:ghost"])
    assert got["company:ghost"] == []
    for n in nodes:
        assert got[n] == expected_steps(store, n), n
        for nxt, rtype, agreement, rev in got[n]:
            if agreement is None:  # every relation step leads back to its stored relation
                (rel,) = store.relations_by_key([step_relation_key(n, rtype, nxt, rev)]).values()
                assert {rel.source, rel.target} == {n, nxt}
    assert (KAIST, R.LOCATED_IN, None, True) in got[DAEJEON]  # walked against its direction
    only = store.steps([KAIST], [R.PARTY_TO])[KAIST]
    assert only
    assert all(s[1] is R.PARTY_TO and s[2] is not None for s in only)
    assert store.steps([KAIST], [R.PARTNERS_WITH])[KAIST] == [
        s for s in got[KAIST] if s[1] is R.PARTNERS_WITH
    ]


def test_steps_of_a_hub_follow_writes(store: GraphStore) -> None:
    star = f.hub(70)
    hub = star.entities[0]
    store.upsert(star)
    assert len(store.steps([hub.id])[hub.id]) == 70
    late = f.entity("Late Spoke", E.UNIVERSITY, "KR")
    text2 = "Hub Quantum and Late Spoke signed an MOU."
    doc2 = f.document(text2, title="late")
    mou = f.agreement(AgreementKind.MOU, [hub.id, late.id], doc2, text2)
    assert store.stats().agreements == 0
    store.upsert(f.delta(doc2, [hub, late], agreements=[mou]))
    assert store.stats().agreements == 1  # counts follow writes too
    after = store.steps([hub.id])[hub.id]
    assert len(after) == 71
    assert (late.id, R.PARTY_TO, mou.id, False) in after
    store.remove_document(doc2.id)
    assert len(store.steps([hub.id])[hub.id]) == 70
    assert store.stats().agreements == 0


def test_relation_evidence_quotes_its_document(store: GraphStore) -> None:
    load(store)
    for rel in store.relations():
        for ev in rel.evidence:
            assert store.document(ev.document_id).text[ev.start : ev.end] == ev.sentence


# -- agreements and goals --------------------------------------------------------------------
def test_agreements_ordered_and_filtered(store: GraphStore) -> None:
    load(store)
    everything = store.agreements()
    assert [(a.kind, a.date) for a in everything] == [
        (AgreementKind.MOU, "2024-06-12"),
        (AgreementKind.PARTNERSHIP, "2025-01"),
        (AgreementKind.CONSORTIUM, None),
    ]
    mou = everything[0]
    assert mou.parties == (PASQAL, KAIST) or mou.parties == tuple(sorted([KAIST, PASQAL]))
    assert mou.place == DAEJEON
    assert store.agreement(mou.id) == mou
    assert [a.kind for a in store.agreements(party=KAIST)] == [AgreementKind.MOU, AgreementKind.PARTNERSHIP]
    assert [a.kind for a in store.agreements(party=IBM)] == [AgreementKind.CONSORTIUM]
    assert store.agreements(party="company:ghost") == []
    assert [a.kind for a in store.agreements(kind=AgreementKind.CONSORTIUM)] == [AgreementKind.CONSORTIUM]
    assert [a.kind for a in store.agreements(since="2025")] == [AgreementKind.PARTNERSHIP]
    assert [a.kind for a in store.agreements(since="2024-06-12", until="2024-06-12")] == [AgreementKind.MOU]
    assert [a.kind for a in store.agreements(until="2024")] == [AgreementKind.MOU]
    assert [a.kind for a in store.agreements(since="2024", until="2025-01")] == [
        AgreementKind.MOU,
        AgreementKind.PARTNERSHIP,
    ]
    assert store.agreements(since="2026") == []
    assert [a.kind for a in store.agreements(document_id=ionq_kaist().document.id)] == [
        AgreementKind.PARTNERSHIP
    ]
    with pytest.raises(NotFound, match="agreement:mou:nope"):
        store.agreement("agreement:mou:nope")


def test_agreements_of_batch(store: GraphStore) -> None:
    load(store)
    got = store.agreements_of([KAIST, "company:ghost", AWS, SHERBROOKE])
    assert set(got) == {KAIST, AWS, SHERBROOKE}
    assert got[AWS] == []
    assert got[KAIST] == store.agreements(party=KAIST)
    assert [a.kind for a in got[SHERBROOKE]] == [AgreementKind.CONSORTIUM]


def test_agreements_by_id(store: GraphStore) -> None:
    load(store)
    every = store.agreements()
    got = store.agreements_by_id([a.id for a in reversed(every)] + ["agreement:ghost"])
    assert list(got.values()) == list(reversed(every))
    assert store.agreements_by_id([]) == {}


def test_agreement_seen_twice_merges_evidence_and_topics(store: GraphStore) -> None:
    first = kaist_pasqal()
    # an unrelated document (new id, other source) that reports the same MOU with another topic
    second = kaist_pasqal_v2()
    second = second.model_copy(
        update={
            "document": second.document.model_copy(update={"source": "https://example.org/other"}),
            "agreements": tuple(
                a.model_copy(update={"topics": ("quantum education",)}) for a in second.agreements
            ),
        }
    )
    store.upsert(first)
    store.upsert(second)
    (mou,) = store.agreements()
    assert mou.topics == ("neutral atoms", "quantum education")
    assert sorted(e.document_id for e in mou.evidence) == sorted([first.document.id, second.document.id])
    smallest = min([first, second], key=lambda d: d.document.id)
    assert mou.title == smallest.agreements[0].title


def test_goals(store: GraphStore) -> None:
    load(store)
    (g,) = store.goals()
    assert (g.metric, g.value, g.unit, g.target_year, g.owner) == (
        "quantum professionals trained",
        2500.0,
        "people",
        2030,
        DAEJEON,
    )
    assert store.goals(owner=DAEJEON) == [g]
    assert store.goals(owner=KAIST) == []


# -- documents -------------------------------------------------------------------------------
def test_documents_ordered_with_counts(store: GraphStore) -> None:
    deltas = load(store)
    docs = store.documents()
    assert [d.published for d in docs] == [
        dt.date(2023, 3, 1),
        dt.date(2024, 6, 12),
        dt.date(2025, 1, 20),
        None,
    ]
    by_id = {d.document.id: d for d in deltas}
    for info in docs:
        d = by_id[info.id]
        assert (info.title, info.source, info.media_type) == (
            d.document.title,
            d.document.source,
            d.document.media_type,
        )
        assert (info.entities, info.relations, info.agreements, info.goals) == (
            len(d.entities),
            len(d.relations),
            len(d.agreements),
            len(d.goals),
        )
    got = store.documents_by_id([deltas[0].document.id, "0" * 64])
    assert list(got) == [deltas[0].document.id]


def test_document_and_delta_round_trip(store: GraphStore) -> None:
    deltas = load(store)
    for d in deltas:
        assert store.document(d.document.id) == d.document
        assert canonical_delta(store.delta(d.document.id)) == canonical_delta(d)
    assert [x.document.id for x in store.deltas()] == [i.id for i in store.documents()]
    with pytest.raises(NotFound, match="0000"):
        store.document("0" * 64)
    with pytest.raises(NotFound):
        store.delta("0" * 64)


def test_replacement_by_same_source(store: GraphStore) -> None:
    load(store)
    old, new = kaist_pasqal(), kaist_pasqal_v2()
    result = store.upsert(new)
    assert result.changed is True
    assert result.replaced == (old.document.id,)
    assert old.document.id not in {d.id for d in store.documents()}
    with pytest.raises(NotFound):
        store.document(old.document.id)
    # facts only the old version supported are gone; shared ones keep their other evidence
    (dev,) = store.relations(PASQAL, RelationFilter(types=frozenset({R.DEVELOPS})))
    assert [e.document_id for e in dev.evidence] == [aws_pasqal().document.id]
    (loc,) = store.relations(KAIST, RelationFilter(types=frozenset({R.LOCATED_IN})))
    assert [e.document_id for e in loc.evidence] == [ionq_kaist().document.id]
    (pw,) = [r for r in store.relations(KAIST) if PASQAL in (r.source, r.target)]
    assert [e.document_id for e in pw.evidence] == [new.document.id]
    (g,) = store.goals()
    assert [e.document_id for e in g.evidence] == [new.document.id]
    # the result equals a clean load of the surviving documents
    replaced = canonical_dump(store)
    store.clear()
    load(store, [aws_pasqal(), sherbrooke_consortium(), ionq_kaist(), new])
    assert canonical_dump(store) == replaced


def test_same_document_with_other_facts_replaces_its_own_contribution(store: GraphStore) -> None:
    full = kaist_pasqal()
    store.upsert(full)
    trimmed = full.model_copy(update={"relations": full.relations[:1], "goals": ()})
    result = store.upsert(trimmed)
    assert result.changed is True
    assert result.replaced == ()
    assert len(store.relations()) == 1
    assert store.goals() == []
    assert canonical_delta(store.delta(full.document.id)) == canonical_delta(trimmed)


def test_remove_document_keeps_shared_evidence(store: GraphStore) -> None:
    load(store)
    d1 = kaist_pasqal().document.id
    store.remove_document(d1)
    assert d1 not in {d.id for d in store.documents()}
    (dev,) = store.relations(PASQAL, RelationFilter(types=frozenset({R.DEVELOPS})))
    assert [e.document_id for e in dev.evidence] == [aws_pasqal().document.id]
    assert dev.confidence == pytest.approx(0.95)
    assert (PASQAL, "PARTNERS_WITH", KAIST) not in keys(store.relations())
    assert store.goals() == []
    assert [a.kind for a in store.agreements()] == [AgreementKind.PARTNERSHIP, AgreementKind.CONSORTIUM]
    # Daejeon (city) is still mentioned by the IonQ document; its alias from the removed one is gone
    assert store.entity(DAEJEON).aliases == ()
    kaist = store.entity(KAIST)
    assert "Korea Advanced Institute of Science and Technology" not in kaist.aliases
    assert store.find_entities("Korea Advanced Institute of Science and Technology") == []
    # removing the IonQ document too makes entities only they mentioned disappear
    store.remove_document(ionq_kaist().document.id)
    with pytest.raises(NotFound):
        store.entity(DAEJEON)
    with pytest.raises(NotFound):
        store.entity(IONQ)
    assert store.entities_by_id([DAEJEON, KAIST]).keys() == {KAIST}
    # and the result equals a clean load of what is left
    left = canonical_dump(store)
    store.clear()
    load(store, [aws_pasqal(), sherbrooke_consortium()])
    assert canonical_dump(store) == left


def test_remove_unknown_document(store: GraphStore) -> None:
    load(store)
    with pytest.raises(NotFound, match="f" * 64):
        store.remove_document("f" * 64)


# -- links and projection --------------------------------------------------------------------
def test_links_include_relations_and_co_party_links(store: GraphStore) -> None:
    load(store)
    links = list(store.links())
    order = [(x.source, x.type.value, x.target, x.agreement or "") for x in links]
    assert order == sorted(order)
    rel_links = [x for x in links if x.agreement is None]
    assert [(x.source, x.type.value, x.target) for x in rel_links] == ALL_RELATIONS
    party = [(x.source, x.target) for x in links if x.type is R.PARTY_TO]
    assert sorted(party) == sorted(
        [
            (KAIST, PASQAL) if KAIST < PASQAL else (PASQAL, KAIST),
            (IONQ, KAIST),
            tuple(sorted([IBM, SHERBROOKE])),
            tuple(sorted([IBM, INSTITUT_QUANTIQUE])),
            tuple(sorted([INSTITUT_QUANTIQUE, SHERBROOKE])),
        ]
    )
    assert all(x.source < x.target and x.agreement for x in links if x.type is R.PARTY_TO)
    dev = next(x for x in links if x.source == PASQAL and x.type is R.DEVELOPS)
    assert (dev.weight, dev.first_seen, dev.last_seen) == (2, dt.date(2023, 3, 1), dt.date(2024, 6, 12))
    consortium = next(x for x in links if x.type is R.PARTY_TO and x.source == IBM)
    assert (consortium.weight, consortium.first_seen, consortium.last_seen) == (1, None, None)


def test_links_filtered_by_type_and_window(store: GraphStore) -> None:
    load(store)
    pw = list(store.links([R.PARTNERS_WITH]))
    assert {x.type for x in pw} == {R.PARTNERS_WITH}
    assert len(pw) == 5
    party = list(store.links([R.PARTY_TO]))
    assert {x.type for x in party} == {R.PARTY_TO}
    assert len(party) == 5
    window = list(store.links(since=dt.date(2024, 1, 1), until=dt.date(2024, 12, 31)))
    assert [(x.source, x.type.value, x.target) for x in window if x.agreement is None] == sorted(
        [
            (KAIST, "LOCATED_IN", DAEJEON),
            (PASQAL, "PARTNERS_WITH", KAIST),
            (PASQAL, "DEVELOPS", NEUTRAL_ATOMS),
        ]
    )
    dev = next(x for x in window if x.type is R.DEVELOPS)
    assert (dev.weight, dev.first_seen, dev.last_seen) == (1, dt.date(2024, 6, 12), dt.date(2024, 6, 12))
    assert [x.type for x in window if x.agreement] == [R.PARTY_TO]


def test_to_networkx(store: GraphStore) -> None:
    load(store)
    g = store.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == 11
    assert g.nodes[KAIST] == {"type": "University", "name": "KAIST", "country": "KR"}
    assert g.number_of_edges() == len(list(store.links()))
    assert g.has_edge(PASQAL, NEUTRAL_ATOMS, key="DEVELOPS")
    assert g.edges[PASQAL, NEUTRAL_ATOMS, "DEVELOPS"]["weight"] == 2
    mou = store.agreements(kind=AgreementKind.MOU)[0]
    a, b = sorted([KAIST, PASQAL])
    assert g.edges[a, b, mou.id]["type"] == "PARTY_TO"
    recent = store.to_networkx(since=dt.date(2025, 1, 1))
    assert recent.number_of_nodes() == 11  # every entity stays a node; only edges are filtered
    assert sorted((u, v, k) for u, v, k in recent.edges(keys=True)) == sorted(
        [
            (IONQ, KAIST, "PARTNERS_WITH"),
            (IONQ, TRAPPED_IONS, "DEVELOPS"),
            (KAIST, DAEJEON, "LOCATED_IN"),
            (IONQ, KAIST, store.agreements(kind=AgreementKind.PARTNERSHIP)[0].id),
        ]
    )
    only_pw = store.to_networkx([R.PARTNERS_WITH])
    assert {t for _, _, t in only_pw.edges(data="type")} == {"PARTNERS_WITH"}
    assert only_pw.number_of_nodes() == 11


# -- paths -----------------------------------------------------------------------------------
def node_paths(store: GraphStore, a: str, b: str, **kw: object) -> list[tuple[str, ...]]:
    return [p.nodes for p in store.paths(a, b, **kw)]  # type: ignore[arg-type]


def test_paths_shortest_first_in_node_order(store: GraphStore) -> None:
    load(store)
    paths = store.paths(AWS, IBM, max_hops=4, k=100)
    assert paths, "AWS reaches IBM through PASQAL, KAIST and Sherbrooke"
    assert paths[0].nodes == (AWS, PASQAL, KAIST, SHERBROOKE, IBM)
    lengths = [p.length for p in paths]
    assert lengths == sorted(lengths)
    assert all(p.nodes[0] == AWS and p.nodes[-1] == IBM for p in paths)
    assert all(len(set(p.nodes)) == len(p.nodes) for p in paths)
    keys_ = [
        (p.length, p.nodes, tuple(h.type.value for h in p.hops), tuple(h.agreement or "" for h in p.hops))
        for p in paths
    ]
    assert keys_ == sorted(keys_)
    # each hop joins consecutive nodes
    for p in paths:
        assert [(h.source, h.target) for h in p.hops] == list(zip(p.nodes, p.nodes[1:], strict=False))
    # parallel edges give distinct paths: KAIST-PASQAL by PARTNERS_WITH and by the MOU; IBM-Sherbrooke likewise
    assert [tuple(h.type.value for h in p.hops) for p in paths[:4]] == [
        ("PARTNERS_WITH", "PARTNERS_WITH", "PARTNERS_WITH", "PARTNERS_WITH"),
        ("PARTNERS_WITH", "PARTNERS_WITH", "PARTNERS_WITH", "PARTY_TO"),
        ("PARTNERS_WITH", "PARTY_TO", "PARTNERS_WITH", "PARTNERS_WITH"),
        ("PARTNERS_WITH", "PARTY_TO", "PARTNERS_WITH", "PARTY_TO"),
    ]
    assert len(paths) == 4  # via Institut quantique or the technologies takes 5 hops
    longer = store.paths(AWS, IBM, max_hops=5, k=100)
    assert longer[:4] == paths
    assert {p.length for p in longer[4:]} == {5}
    assert (AWS, NEUTRAL_ATOMS, PASQAL, KAIST, SHERBROOKE, IBM) in {p.nodes for p in longer}
    assert (AWS, PASQAL, KAIST, SHERBROOKE, INSTITUT_QUANTIQUE, IBM) in {p.nodes for p in longer}


def test_paths_k_and_hop_limit(store: GraphStore) -> None:
    load(store)
    assert len(store.paths(AWS, IBM, k=1)) == 1
    assert store.paths(AWS, IBM, max_hops=3) == []
    assert store.paths(AWS, IBM, max_hops=4, k=2) == store.paths(AWS, IBM, max_hops=6, k=100)[:2]


def test_paths_direction_flags(store: GraphStore) -> None:
    load(store)
    (p,) = store.paths(DAEJEON, IONQ, max_hops=2, types=[R.LOCATED_IN, R.PARTNERS_WITH])
    assert p.nodes == (DAEJEON, KAIST, IONQ)
    assert [(h.type, h.reversed) for h in p.hops] == [(R.LOCATED_IN, True), (R.PARTNERS_WITH, False)]
    (q,) = store.paths(KAIST, DAEJEON, max_hops=1)
    assert q.hops[0].reversed is False


def test_paths_type_filter_and_party_links(store: GraphStore) -> None:
    load(store)
    only_party = store.paths(KAIST, PASQAL, max_hops=1, types=[R.PARTY_TO])
    assert len(only_party) == 1
    (hop,) = only_party[0].hops
    assert hop.type is R.PARTY_TO
    assert hop.agreement == store.agreements(kind=AgreementKind.MOU)[0].id
    assert store.paths(NEUTRAL_ATOMS, TRAPPED_IONS, types=[R.PARTNERS_WITH]) == []
    assert node_paths(store, IBM, INSTITUT_QUANTIQUE, max_hops=1) == [(IBM, INSTITUT_QUANTIQUE)]
    assert node_paths(store, IBM, INSTITUT_QUANTIQUE, max_hops=2, types=[R.PARTNERS_WITH, R.PART_OF]) == [
        (IBM, SHERBROOKE, INSTITUT_QUANTIQUE)
    ]


def test_paths_no_path_and_same_node(store: GraphStore) -> None:
    load(store, [aws_pasqal(), sherbrooke_consortium()])
    assert store.paths(AWS, IBM, max_hops=6) == []
    (same,) = store.paths(AWS, AWS)
    assert same.nodes == (AWS,)
    assert same.hops == ()


def test_paths_limits_and_unknown_ends(store: GraphStore) -> None:
    load(store)
    with pytest.raises(LimitExceeded, match="max_hops"):
        store.paths(AWS, IBM, max_hops=MAX_PATH_HOPS + 1)
    with pytest.raises(LimitExceeded, match="max_hops"):
        store.paths(AWS, IBM, max_hops=0)
    with pytest.raises(LimitExceeded, match="k="):
        store.paths(AWS, IBM, k=MAX_PATHS + 1)
    with pytest.raises(NotFound, match="company:ghost"):
        store.paths(AWS, "company:ghost")
    with pytest.raises(NotFound, match="company:ghost"):
        store.paths("company:ghost", AWS)


# -- stats -----------------------------------------------------------------------------------
def test_stats(store: GraphStore) -> None:
    load(store)
    s = store.stats()
    assert (s.documents, s.entities, s.relations, s.agreements, s.goals, s.evidence) == (4, 11, 10, 3, 1, 16)
    assert s.entities_by_type == {
        "City": 1,
        "Company": 4,
        "Region": 1,
        "ResearchInstitute": 1,
        "Technology": 2,
        "University": 2,
    }
    assert s.relations_by_type == {
        "DEVELOPS": 2,
        "LOCATED_IN": 1,
        "PARTNERS_WITH": 5,
        "PART_OF": 1,
        "WORKS_ON": 1,
    }


# -- both stores, one corpus -----------------------------------------------------------------
@pytest.mark.neo4j
def test_embedded_and_neo4j_answer_identically(tmp_path: object, request: pytest.FixtureRequest) -> None:
    from pathlib import Path

    from qkg.graph.embedded import EmbeddedStore

    neo4j: GraphStore = request.getfixturevalue("neo4j_store")
    neo4j.clear()
    embedded = EmbeddedStore(Path(str(tmp_path)) / "store")
    try:
        for s in (embedded, neo4j):
            load(s)
            s.upsert(kaist_pasqal_v2())
        assert canonical_dump(neo4j) == canonical_dump(embedded)
        everyone = [e.id for e in embedded.entities()]
        filters = [
            None,
            RelationFilter(direction=Direction.OUT),
            RelationFilter(direction=Direction.IN, types=frozenset({R.PARTNERS_WITH, R.LOCATED_IN})),
            RelationFilter(entity_types=frozenset({E.COMPANY})),
            RelationFilter(since=dt.date(2024, 1, 1)),
        ]
        for flt in filters:
            assert neo4j.relations_of(everyone, flt) == embedded.relations_of(everyone, flt)
        assert neo4j.agreements_of(everyone) == embedded.agreements_of(everyone)
        for name in ["kaist", "Daejeon", "대전", "IBM", "nobody"]:
            assert neo4j.find_entities(name) == embedded.find_entities(name)
        for a in everyone:
            for b in everyone:
                assert neo4j.paths(a, b, max_hops=4, k=20) == embedded.paths(a, b, max_hops=4, k=20)
        assert nx.utils.edges_equal(
            list(neo4j.to_networkx().edges(keys=True, data=True)),
            list(embedded.to_networkx().edges(keys=True, data=True)),
        )
    finally:
        embedded.close()
