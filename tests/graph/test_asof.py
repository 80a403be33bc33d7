"""Valid time and corroboration on both stores: ``as_of`` and ``min_support``.

A made-up history of documents dated years apart (2019, 2021, 2024 and one undated): each
answer as of a date is checked by hand, and a property test checks that the answer as of
any date equals the answer of a store holding only the documents published by then,
filtered to what is in force (the rule of :mod:`qkg.graph.timeline`).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qkg.graph.merge import AsOf, merge_deltas
from qkg.graph.reading import timed_steps
from qkg.graph.store import GraphStore
from qkg.graph.timeline import relation_in_force
from qkg.schemas import (
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    KnowledgeGraph,
    RelationFilter,
    RelationType,
)
from tests import factories as f
from tests.history import ACTORS, BRISK, KESTREL, ORVANE, TELMAR, history

R = RelationType
D = dt.date


def _load(store: GraphStore, deltas: list[KnowledgeGraph]) -> None:
    for d in deltas:
        store.upsert(d)


def _others(store: GraphStore, flt: RelationFilter) -> list[str]:
    return [r.target if r.source == ORVANE.id else r.source for r in store.relations(ORVANE.id, flt)]


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2018, 12, 31), []),
        (D(2019, 4, 2), [TELMAR.id]),
        (D(2021, 12, 31), [BRISK.id, TELMAR.id]),
        (D(2022, 1, 1), [BRISK.id]),  # the Telmar partnership ran to the end of 2021
        (D(2025, 1, 1), [BRISK.id, KESTREL.id]),
    ],
)
def test_relations_as_of_a_date(store: GraphStore, as_of: dt.date, expected: list[str]) -> None:
    _load(store, history())
    assert sorted(_others(store, RelationFilter(as_of=as_of))) == sorted(expected)


def test_a_relation_as_of_a_date_carries_only_the_evidence_published_by_then(store: GraphStore) -> None:
    deltas = history()
    _load(store, deltas)
    (brisk_2022,) = [r for r in store.relations(ORVANE.id, RelationFilter(as_of=D(2022, 1, 1)))]
    assert {e.document_id for e in brisk_2022.evidence} == {deltas[1].document.id}
    later = store.relations(
        ORVANE.id, RelationFilter(as_of=D(2025, 1, 1), types=frozenset({R.PARTNERS_WITH}))
    )
    brisk = next(r for r in later if BRISK.id in (r.source, r.target))
    assert {e.document_id for e in brisk.evidence} == {deltas[1].document.id, deltas[2].document.id}
    # without a date every document counts, the undated one too
    assert sorted(_others(store, RelationFilter())) == sorted([BRISK.id, KESTREL.id, TELMAR.id])


def test_min_support_counts_distinct_documents(store: GraphStore) -> None:
    _load(store, history())
    assert sorted(_others(store, RelationFilter(min_support=2))) == sorted([BRISK.id, KESTREL.id])
    assert _others(store, RelationFilter(min_support=3)) == []
    # as of a date only the documents published by then count (Kestrel's second is undated)
    assert _others(store, RelationFilter(min_support=2, as_of=D(2025, 1, 1))) == [BRISK.id]
    assert _others(store, RelationFilter(min_support=2, as_of=D(2022, 1, 1))) == []
    # pages count what the filter keeps
    both = store.relations(ORVANE.id, RelationFilter(min_support=2))
    assert store.relations(ORVANE.id, RelationFilter(min_support=2), limit=1, offset=1) == both[1:2]
    assert store.relations_of([ORVANE.id, TELMAR.id], RelationFilter(min_support=2)) == {
        ORVANE.id: both,
        TELMAR.id: [],
    }


def test_relations_of_the_whole_graph_as_of_a_date(store: GraphStore) -> None:
    _load(store, history())
    early = store.relations(None, RelationFilter(as_of=D(2020, 1, 1)))
    assert [{r.source, r.target} for r in early] == [{ORVANE.id, TELMAR.id}]
    assert store.relations(None, RelationFilter(as_of=D(2020, 1, 1), since=D(2021, 1, 1))) == []


# -- property: as of a date = a store of only the documents published by then ------------------

_DAYS = st.dates(D(2018, 1, 1), D(2027, 12, 31))
_PAIRS = [(ORVANE, TELMAR), (ORVANE, BRISK), (BRISK, KESTREL), (TELMAR, KESTREL)]


@st.composite
def _deltas(draw: st.DrawFn) -> list[KnowledgeGraph]:
    out = []
    for i in range(draw(st.integers(1, 5))):
        published = draw(st.one_of(st.none(), _DAYS))
        text = f"Report {i}: Orvane Labs, Telmar University, Brisk Photonics and Kestrel Quantum."
        doc = f.document(text, source=f"https://news-{i % 3}.example/{i}", published=published)
        rels = []
        for a, b in (
            _PAIRS[j]
            for j in draw(st.lists(st.sampled_from(range(len(_PAIRS))), min_size=1, max_size=3, unique=True))
        ):
            start = draw(st.one_of(st.none(), _DAYS))
            end = draw(st.one_of(st.none(), _DAYS))
            if start is not None and end is not None and end < start:
                start, end = end, start
            rels.append(f.relation(a.id, R.PARTNERS_WITH, b.id, doc, text, valid_from=start, valid_to=end))
        out.append(f.delta(doc, ACTORS, rels))
    return out


#: Property tests run on both stores, each example on the emptied store.
_EXAMPLES = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_SUPPORT = st.one_of(st.none(), st.integers(1, 3))


@_EXAMPLES
@given(deltas=_deltas(), as_of=_DAYS, min_support=_SUPPORT)
def test_as_of_equals_the_store_of_the_documents_published_by_then(
    store: GraphStore, deltas: list[KnowledgeGraph], as_of: dt.date, min_support: int | None
) -> None:
    store.clear()
    _load(store, deltas)
    got = store.relations(None, RelationFilter(as_of=as_of, min_support=min_support))
    known = [d for d in deltas if d.document.published is not None and d.document.published <= as_of]
    reference = merge_deltas(known)
    counts = {k: len({e.document_id for e in r.evidence}) for k, r in reference.relations.items()}
    expected = [
        r
        for k, r in sorted(reference.relations.items())
        if relation_in_force({"": r}, as_of) and counts[k] >= (min_support or 1)
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2019, 4, 1), None),
        (D(2021, 6, 1), ("signed", "2022-04-02")),
        (D(2022, 4, 2), ("signed", "2022-04-02")),  # its end is inclusive
        (D(2022, 4, 3), None),  # a three-year MOU not extended has ended
    ],
)
def test_agreements_as_of_a_date(store: GraphStore, as_of: dt.date, expected: tuple[str, str] | None) -> None:
    deltas = history()
    _load(store, deltas)
    got = store.agreements(as_of=as_of)
    assert [(a.status.value, a.ends) for a in got] == ([expected] if expected else [])
    assert store.agreements(party=TELMAR.id, as_of=as_of) == got
    assert store.agreements(party=BRISK.id, as_of=as_of) == []
    assert store.agreements(kind=AgreementKind.MOU, since="2019", until="2019-04", as_of=as_of) == got
    assert store.agreements(document_id=deltas[0].document.id, as_of=as_of) == got
    assert store.agreements(document_id=deltas[1].document.id, as_of=as_of) == []
    assert store.agreements(kind=AgreementKind.CONTRACT, as_of=as_of) == []
    (every,) = store.agreements()
    assert (every.status.value, every.ends) == ("signed", "2022-04-02")


def _near(store: GraphStore, node: str, asked: AsOf) -> dict[str, set[str]]:
    steps = store.steps_as_of([node], None, asked)[node]
    out: dict[str, set[str]] = {}
    for s in steps:
        out.setdefault(s[0], set()).add(s[1].value)
    return out


def test_steps_and_paths_as_of_a_date(store: GraphStore) -> None:
    _load(store, history())
    party, partner = R.PARTY_TO.value, R.PARTNERS_WITH.value
    assert _near(store, ORVANE.id, AsOf(D(2020, 1, 1))) == {TELMAR.id: {party, partner}}
    # the 2019 partnership ran to the end of 2021; the MOU to 2022-04-02
    assert _near(store, ORVANE.id, AsOf(D(2022, 1, 1))) == {TELMAR.id: {party}, BRISK.id: {partner}}
    assert _near(store, ORVANE.id, AsOf(D(2025, 1, 1))) == {BRISK.id: {partner}, KESTREL.id: {partner}}
    assert _near(store, ORVANE.id, AsOf(min_support=2)) == {BRISK.id: {partner}, KESTREL.id: {partner}}
    assert store.steps_as_of([ORVANE.id], None, None) == store.steps([ORVANE.id])
    # paths walk only what holds
    assert store.paths(TELMAR.id, BRISK.id, asked=AsOf(D(2020, 1, 1))) == []
    mid = store.paths(TELMAR.id, BRISK.id, asked=AsOf(D(2021, 6, 1)))
    assert [(p.nodes, [h.type.value for h in p.hops]) for p in mid] == [
        ((TELMAR.id, ORVANE.id, BRISK.id), [partner, partner]),
        ((TELMAR.id, ORVANE.id, BRISK.id), [party, partner]),
    ]
    assert store.paths(TELMAR.id, BRISK.id, asked=AsOf(D(2023, 1, 1))) == []
    assert store.paths(TELMAR.id, BRISK.id, asked=AsOf(min_support=2)) == []
    assert len(store.paths(KESTREL.id, BRISK.id, asked=AsOf(min_support=2))) == 1
    # a walk two levels deep, level by level as of the date
    within = store.steps_within([TELMAR.id], 1, None, asked=AsOf(D(2022, 1, 1)))
    assert set(within) == {TELMAR.id, ORVANE.id}
    assert {s[0] for s in within[ORVANE.id]} == {TELMAR.id, BRISK.id}


def test_links_and_stats_as_of_a_date(store: GraphStore) -> None:
    _load(store, history())
    early = store.links_as_of(asked=AsOf(D(2020, 1, 1)))
    assert [(lk.type.value, lk.weight, lk.agreement is not None) for lk in early] == [
        (R.PARTNERS_WITH.value, 1, False),
        (R.PARTY_TO.value, 1, True),
    ]
    assert {frozenset((lk.source, lk.target)) for lk in early} == {frozenset((ORVANE.id, TELMAR.id))}
    late = store.links_as_of([R.PARTNERS_WITH], asked=AsOf(D(2025, 1, 1)))
    weights = {frozenset((lk.source, lk.target)) - {ORVANE.id}: lk.weight for lk in late}
    assert weights == {frozenset({BRISK.id}): 2, frozenset({KESTREL.id}): 1}
    # a window inside the date counts only its evidence
    windowed = store.links_as_of([R.PARTNERS_WITH], since=D(2022, 1, 1), asked=AsOf(D(2025, 1, 1)))
    assert sorted(lk.weight for lk in windowed) == [1, 1]
    assert store.links_as_of([R.PARTY_TO], asked=AsOf(min_support=2)) == []
    s2020 = store.stats_as_of(D(2020, 1, 1))
    assert (s2020.documents, s2020.entities, s2020.relations, s2020.agreements, s2020.evidence) == (
        1,
        2,
        1,
        1,
        2,
    )
    s2025 = store.stats_as_of(D(2025, 1, 1))
    assert (s2025.documents, s2025.entities, s2025.relations, s2025.agreements, s2025.evidence) == (
        3,
        3,
        2,
        0,
        3,
    )
    assert s2025.relations_by_type == {R.PARTNERS_WITH.value: 2}
    assert store.stats_as_of(D(2000, 1, 1)).documents == 0


_STAGES = [s for s in AgreementStatus if s is not AgreementStatus.UNKNOWN]
_PARTIAL = st.one_of(
    st.none(), st.builds(lambda d, cut: d.isoformat()[:cut], _DAYS, st.sampled_from([4, 7, 10]))
)


@st.composite
def _histories(draw: st.DrawFn) -> list[KnowledgeGraph]:
    """Documents (some undated) that partner actors with validity bounds and tell parts of the
    life of one MOU (events with partial dates and ends)."""
    out = []
    for delta in draw(_deltas()):
        doc = delta.document
        agreements = []
        if draw(st.booleans()):
            events = [
                AgreementEvent(status=s, date=d, ends=e, evidence=f.evidence(doc, doc.text))
                for s, d, e in draw(
                    st.lists(st.tuples(st.sampled_from(_STAGES), _PARTIAL, _PARTIAL), max_size=3)
                )
            ]
            parties = [ORVANE.id, TELMAR.id, *([BRISK.id] if draw(st.booleans()) else [])]
            mou = f.agreement(AgreementKind.MOU, parties, doc, doc.text, date="2020", events=events)
            agreements.append(
                mou.model_copy(
                    update={
                        "id": f.agreement(
                            AgreementKind.MOU, [ORVANE.id, TELMAR.id], doc, doc.text, date="2020"
                        ).id
                    }
                )
            )
        out.append(delta.model_copy(update={"agreements": tuple(agreements)}))
    return out


@_EXAMPLES
@given(history_=_histories(), day=_DAYS, min_support=_SUPPORT)
def test_agreements_and_links_as_of_equal_a_store_of_the_documents_published_by_then(
    store: GraphStore, history_: list[KnowledgeGraph], day: dt.date, min_support: int | None
) -> None:
    import tempfile

    from qkg.graph.embedded import EmbeddedStore
    from qkg.graph.merge import agreement_order, links
    from qkg.graph.timeline import life_as_of

    deltas, as_of = history_, day
    store.clear()
    _load(store, deltas)
    known = [d for d in deltas if d.document.published is not None and d.document.published <= as_of]
    with tempfile.TemporaryDirectory() as tmp:
        ref = EmbeddedStore(tmp)
        try:
            ref.upsert_many(known)
            rels = [
                r
                for r in ref.relations()
                if relation_in_force({"": r}, as_of)
                and len({e.document_id for e in r.evidence}) >= (min_support or 1)
            ]
            ags = []
            for a in ref.agreements():
                life = life_as_of({"": a}, as_of)
                if life.in_force:
                    ags.append(
                        a.model_copy(update={"events": life.events, "status": life.status, "ends": life.ends})
                    )
            dates = {d.id: d.published for d in ref.documents()}
        finally:
            ref.close()
    assert store.agreements(as_of=as_of) == sorted(ags, key=agreement_order)
    # a store's own step filter (the embedded index's) follows the rule written over the reader
    every = [a.id for a in ACTORS]
    asked = AsOf(as_of, min_support)
    assert store.steps_as_of(every, None, asked) == timed_steps(store, store.steps(every), asked)
    supported = [a for a in ags if len({e.document_id for e in a.evidence}) >= (min_support or 1)]
    assert store.links_as_of(asked=AsOf(as_of, min_support)) == links(rels, supported, dates.get)


def _hub_documents() -> list[KnowledgeGraph]:
    """A hub partnering with 70 spokes over four dated documents: most partnerships told
    once, some again later, a few with validity, and one MOU of the hub with two spokes."""
    from qkg.schemas import EntityType

    center = f.entity("Hub Quantum", EntityType.COMPANY, "KR")
    ends = [f.entity(f"Spoke {i:02d}", EntityType.UNIVERSITY, "KR") for i in range(70)]
    out = []
    for n, (year, spokes) in enumerate(
        [(2016, range(0, 40)), (2019, range(30, 70)), (2022, range(0, 70, 7)), (None, range(60, 70))]
    ):
        text = f"Bulletin {n}. " + " ".join(f"Hub Quantum partners with {ends[i].name}." for i in spokes)
        if n == 1:
            text += " Hub Quantum, Spoke 01 and Spoke 02 signed an MOU."
        doc = f.document(text, source=f"https://news-{n}.example/hub", published=year and D(year, 3, 1))
        rels = [
            f.relation(
                center.id, R.PARTNERS_WITH, ends[i].id, doc, f"Hub Quantum partners with {ends[i].name}.",
                **({"valid_to": D(2020, 1, 1)} if i % 11 == 0 and n == 1 else {}),
            )
            for i in spokes
        ]  # fmt: skip
        ags = []
        if n == 1:
            mou = "Hub Quantum, Spoke 01 and Spoke 02 signed an MOU."
            ags.append(
                f.agreement(AgreementKind.MOU, [center.id, ends[1].id, ends[2].id], doc, mou, date="2019")
            )
        out.append(f.delta(doc, [center, *ends], rels, ags))
    return out


def test_a_hubs_steps_as_of_follow_every_write(store: GraphStore) -> None:
    """A hub's steps as of a date (the embedded store keeps its facts' counts beside its
    steps) stay those of the rule over the reader as documents are added, replaced, removed."""
    docs = _hub_documents()
    hub = docs[0].relations[0].source
    askeds = [
        AsOf(D(2015, 1, 1)),
        AsOf(D(2017, 1, 1)),
        AsOf(D(2019, 6, 1)),
        AsOf(D(2021, 1, 1), 2),
        AsOf(None, 2),
        AsOf(None, 3),
        AsOf(D(2030, 1, 1)),
    ]

    def check() -> None:
        for asked in askeds:
            assert store.steps_as_of([hub], None, asked) == timed_steps(store, store.steps([hub]), asked)

    _load(store, docs[:2])
    store.warm()
    check()
    store.upsert(docs[2])
    check()
    store.upsert(docs[3])
    check()
    store.remove_document(docs[2].document.id)  # its partnerships stay, told by fewer documents
    check()
    store.remove_document(docs[1].document.id)
    check()
    store.upsert(docs[1])
    store.warm()
    check()
    redated = docs[0].model_copy(
        update={"document": docs[0].document.model_copy(update={"published": D(2023, 1, 1)})}
    )
    store.remove_document(docs[0].document.id)
    store.upsert(redated)
    check()
