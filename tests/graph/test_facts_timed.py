"""The facts file answers the questions that read each fact's documents (issue 14): relations
with a document, a window, ``asOf`` and ``minSupport``, the walks' steps as of a day, and the
facts an answer shows as of a day, without decoding the object index, each answer equal to
the index's, on generated graphs (the synthetic ecosystem, with repeated relations and
agreements over several dated documents) and on histories with validity bounds, undated
documents and agreements whose events and ends change their life.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from bench.synthetic import generate_deltas
from qkg.graph import EmbeddedStore
from qkg.graph.embedded.index import GraphIndex
from qkg.graph.merge import AsOf
from qkg.schemas import Direction, KnowledgeGraph, RelationFilter, RelationType
from tests.graph.test_asof import _DAYS, _histories
from tests.graph.test_columns import _index

R = RelationType
_VIAS: list[frozenset[RelationType] | None] = [None, frozenset({R.PARTNERS_WITH}), frozenset({R.PARTY_TO})]


def _filters(days: list[dt.date], document: str) -> list[RelationFilter]:
    out = [
        RelationFilter(document_id=document),
        RelationFilter(document_id="document:none"),
        RelationFilter(min_support=2),
        RelationFilter(min_support=1, types=frozenset({R.PARTNERS_WITH}), direction=Direction.OUT),
    ]
    for day in days:
        out += [
            RelationFilter(as_of=day),
            RelationFilter(as_of=day, min_support=2),
            RelationFilter(since=day),
            RelationFilter(until=day, document_id=document),
            RelationFilter(since=day, until=day + dt.timedelta(days=400), as_of=day + dt.timedelta(days=200)),
        ]
    return out


def _same_timed_answers(store: EmbeddedStore, index: GraphIndex, days: list[dt.date]) -> None:
    """``store``'s answers by documents equal ``index``'s: relations of each actor and of the
    graph, filtered and paged; steps as of each day; shown relations and agreements as of it."""
    ids = sorted(index.ent)
    document = sorted(index.docs)[len(index.docs) // 2]
    for f in _filters(days, document):
        for i in ids:
            assert store.relations(i, f) == index.relations(i, f, None, 0), (i, f)
        assert store.relations(None, f) == index.relations(None, f, None, 0), f
        assert store.relations(None, f, limit=5, offset=2) == index.relations(None, f, 5, 2), f
        asked = [*ids[::3], "organisation:nobody"]
        assert store.relations_of(asked, f) == index.relations_of(asked, f)
    parties = [None, *ids[::5]]
    kinds = [None, *sorted({a.kind for a in index.agr.values()})]
    for day in [*days, None]:
        for party in parties:
            for kind in kinds:
                assert store.agreements(party=party, kind=kind, as_of=day) == index.agreements(
                    party, kind, None, None, None, day
                ), (party, kind, day)
        for since, until in (("2015", None), (None, "2019-06"), ("2016", "2020")):
            assert store.agreements(since=since, until=until, as_of=day) == index.agreements(
                None, None, since, until, None, day
            )
        assert store.agreements(document_id=document, as_of=day) == index.agreements(
            None, None, None, None, document, day
        )
    assert store.documents() == index.documents()
    keys = sorted(index.rel)
    agreements = [*sorted(index.agr), "agreement:none"]
    for day in [*days, None]:
        for support in (None, 1, 2, 3):
            if day is None and support is None:
                continue
            asked = AsOf(day, support)
            for via in _VIAS:
                assert store.steps_as_of([*ids, "organisation:nobody"], via, asked) == index.steps_as_of(
                    [*ids, "organisation:nobody"], via, asked
                ), (day, support, via)
            assert store.relations_by_key(keys, asked=asked) == index.relations_by_key(keys, asked)
            assert store.agreements_by_id(agreements, asked=asked) == index.agreements_by_id(
                agreements, asked
            )


def _reopened(folder: Path, deltas: list[KnowledgeGraph]) -> EmbeddedStore:
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
    return EmbeddedStore(folder)


def test_answers_by_documents_from_the_facts_file_equal_the_index_on_a_generated_graph(
    tmp_path: Path,
) -> None:
    deltas = list(
        generate_deltas(60, 900, seed=3, relations_per_doc=6, agreement_share=0.15, repeat_share=0.45)
    )
    index = _index(deltas)
    assert any(len(p) > 1 for p in index.rel_parts.values())
    assert index.agr  # agreements of several documents: the histories below
    dates = sorted({d.document.published for d in deltas if d.document.published is not None})
    days = [dates[0] - dt.timedelta(days=1), dates[len(dates) // 3], dates[2 * len(dates) // 3], dates[-1]]
    with _reopened(tmp_path / "store", deltas) as store:
        store.warm()
        _same_timed_answers(store, index, days)
        assert store._idx is None  # every answer above was read from the file


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=_histories(), day=_DAYS)
def test_answers_by_documents_equal_the_index_with_validity_and_agreement_lives(
    history: list[KnowledgeGraph], day: dt.date
) -> None:
    index = _index(history)
    with tempfile.TemporaryDirectory() as tmp, _reopened(Path(tmp) / "store", history) as store:
        _same_timed_answers(store, index, [day, day + dt.timedelta(days=700)])
        assert store._idx is None


@pytest.mark.parametrize("support", [1, 2])
def test_a_write_after_a_timed_read_goes_to_the_index(tmp_path: Path, support: int) -> None:
    deltas = list(generate_deltas(30, 200, seed=1, relations_per_doc=5, repeat_share=0.4))
    with _reopened(tmp_path / "store", deltas[1:]) as store:
        some = sorted(_index(deltas[1:]).ent)[0]
        store.relations(some, RelationFilter(min_support=support))
        assert store._idx is None
        store.upsert(deltas[0])
        index = _index(deltas)
        f = RelationFilter(min_support=support)
        assert store.relations(some, f) == index.relations(some, f, None, 0)
