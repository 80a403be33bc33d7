"""Record time on both stores: the ledger, ``known_at``, the change feed and history.

The made-up history of :mod:`tests.history` is loaded, replaced and removed at injected clock
times (the store's ``clock``); every answer is checked by hand, and the graph held at a
moment is checked against a store that holds only the documents held then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qkg.graph.known import history as fact_history
from qkg.graph.merge import merge_deltas
from qkg.graph.store import GraphStore
from qkg.schemas import KnowledgeGraph, RelationFilter
from tests.history import BRISK, KESTREL, ORVANE, TELMAR, history


def at(hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, 1, hour, tzinfo=dt.UTC)


def _at(store: GraphStore, hour: int, write: Callable[[], object]) -> None:
    store.clock = lambda: at(hour)  # type: ignore[attr-defined]
    write()


def _others(reader: object, flt: RelationFilter | None = None) -> list[str]:
    rels = reader.relations(ORVANE.id, flt)  # type: ignore[attr-defined]
    return sorted(r.target if r.source == ORVANE.id else r.source for r in rels)


def _timeline(store: GraphStore) -> tuple[list[KnowledgeGraph], dict[str, str]]:
    """01:00 the 2019 document; 02:00 the 2021 and 2024 ones (one bulk write); 03:00 the 2019
    one removed; 04:00 the 2021 one replaced by a new version from the same source (it drops
    Brisk for Kestrel). The graph version after each step, by hour."""
    deltas = history()
    versions = {"00": store.version}
    _at(store, 1, lambda: store.upsert(deltas[0]))
    versions["01"] = store.version
    _at(store, 2, lambda: store.upsert_many(deltas[1:3]))
    versions["02"] = store.version
    _at(store, 3, lambda: store.remove_document(deltas[0].document.id))
    versions["03"] = store.version
    newer = _replacement(deltas[1])
    _at(store, 4, lambda: store.upsert(newer))
    versions["04"] = store.version
    return [*deltas[:3], newer], versions


def _replacement(old: KnowledgeGraph, note: str = "") -> KnowledgeGraph:
    from qkg.schemas import RelationType
    from tests import factories as f
    from tests.history import ACTORS

    text = f"Orvane Labs partners with Kestrel Quantum (corrected{note})."
    doc = f.document(text, source=old.document.source, published="2021-05-04")
    return f.delta(doc, ACTORS, [f.relation(ORVANE.id, RelationType.PARTNERS_WITH, KESTREL.id, doc, text)])


def test_the_ledger_records_each_write_and_keeps_retractions(store: GraphStore) -> None:
    deltas, _ = _timeline(store)
    rows = store.ledger()  # type: ignore[attr-defined]
    assert [(r.document_id, r.recorded.hour, r.retracted.hour if r.retracted else None) for r in rows] == [
        (deltas[0].document.id, 1, 3),
        (deltas[1].document.id, 2, 4),
        (deltas[2].document.id, 2, None),
        (deltas[3].document.id, 4, None),
    ]
    assert [r.seq for r in rows] == [1, 2, 3, 6]
    assert [r.retracted_seq for r in rows] == [4, 5, None, None]
    assert rows[-1].version == store.version


def test_known_at_sees_what_the_graph_held_then_with_its_evidence(store: GraphStore) -> None:
    deltas, _ = _timeline(store)
    # now: the 2019 document is gone, the 2021 one replaced
    assert _others(store) == [BRISK.id, KESTREL.id]
    assert store.known_at(at(5)) is store  # type: ignore[attr-defined]
    before = store.known_at(at(2))  # type: ignore[attr-defined]
    assert _others(before) == [BRISK.id, KESTREL.id, TELMAR.id]
    telmar = next(r for r in before.relations(ORVANE.id) if TELMAR.id in (r.source, r.target))
    assert {e.document_id for e in telmar.evidence} == {deltas[0].document.id}
    assert telmar.evidence[0].sentence.startswith("Orvane Labs and Telmar University")
    brisk = next(r for r in before.relations(ORVANE.id) if BRISK.id in (r.source, r.target))
    assert {e.document_id for e in brisk.evidence} == {deltas[1].document.id, deltas[2].document.id}
    # the agreement of the removed document too, and valid time composes with record time
    assert [a.id for a in before.agreements(party=ORVANE.id)] == [deltas[0].agreements[0].id]
    assert _others(before, RelationFilter(as_of=dt.date(2020, 1, 1))) == [TELMAR.id]
    # at 01:30 only the first document was held; before it nothing was
    assert _others(store.known_at(at(1) + dt.timedelta(minutes=30))) == [TELMAR.id]  # type: ignore[attr-defined]
    assert store.known_at(at(0)).stats().documents == 0  # type: ignore[attr-defined]
    # a retraction takes effect at its moment: at 03:00 the 2019 document is no longer held
    assert TELMAR.id not in _others(store.known_at(at(3)))  # type: ignore[attr-defined]


@pytest.mark.parametrize("hour", [1, 2, 3, 4])
def test_known_at_equals_a_store_of_the_documents_held_then(store: GraphStore, hour: int) -> None:
    deltas, _ = _timeline(store)
    held = {1: [0], 2: [0, 1, 2], 3: [1, 2], 4: [2, 3]}[hour]
    expected = merge_deltas([deltas[i] for i in held])
    view = store.known_at(at(hour) + dt.timedelta(minutes=1))  # type: ignore[attr-defined]
    assert {r.key: r for r in view.relations()} == expected.relations
    assert {a.id: a for a in view.agreements()} == expected.agreements
    assert {e.id for e in view.entities()} == set(expected.entities)
    paths = view.paths(TELMAR.id, KESTREL.id, max_hops=3) if TELMAR.id in expected.entities else []
    assert bool(paths) == (hour == 2)


def test_the_feed_lists_adds_and_retractions_in_order(store: GraphStore) -> None:
    deltas, versions = _timeline(store)
    feed = store.changes(versions["00"])  # type: ignore[attr-defined]
    lines = [(c.seq, c.at.hour, c.kind, c.document_id, c.fact.split("\t")[0]) for c in feed]
    d0, d1, d2, d3 = (d.document.id for d in deltas)
    assert lines == [
        (1, 1, "ADDED", d0, "A"),
        (1, 1, "ADDED", d0, "R"),
        (2, 2, "ADDED", d1, "R"),
        (3, 2, "ADDED", d2, "R"),
        (3, 2, "ADDED", d2, "R"),
        (4, 3, "RETRACTED", d0, "A"),
        (4, 3, "RETRACTED", d0, "R"),
        (5, 4, "RETRACTED", d1, "R"),
        (6, 4, "ADDED", d3, "R"),
    ]
    assert feed[-1].version == store.version
    # since a version: what came after the write that left the graph at it
    assert [c.seq for c in store.changes(versions["02"])] == [4, 4, 5, 6]  # type: ignore[attr-defined]
    assert store.changes(store.version) == []  # type: ignore[attr-defined]
    # since a moment (ISO, naive = UTC)
    assert [c.seq for c in store.changes("2026-03-01T03:00:00")] == [5, 6]  # type: ignore[attr-defined]
    assert [c.seq for c in store.changes("2026-03-01T02:59:59Z")] == [4, 4, 5, 6]  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="not a version"):
        store.changes("9-abc")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="ISO date-time"):
        store.changes("yesterday")  # type: ignore[attr-defined]


def test_history_of_an_actor(store: GraphStore) -> None:
    _timeline(store)
    lines = [(c.at.hour, c.kind, c.fact.split("\t")[0]) for c in fact_history(store, TELMAR.id)]  # type: ignore[arg-type]
    assert lines == [(1, "ADDED", "A"), (1, "ADDED", "R"), (3, "RETRACTED", "A"), (3, "RETRACTED", "R")]
    assert len(fact_history(store, KESTREL.id)) == 2  # type: ignore[arg-type]


def test_the_same_document_twice_records_nothing(store: GraphStore) -> None:
    deltas = history()
    _at(store, 1, lambda: store.upsert(deltas[0]))
    _at(store, 2, lambda: store.upsert(deltas[0]))
    _at(store, 3, lambda: store.upsert_many(deltas[:1]))
    assert [r.seq for r in store.ledger()] == [1]  # type: ignore[attr-defined]


def test_clear_forgets_the_history(store: GraphStore) -> None:
    _timeline(store)
    store.clear()
    assert store.ledger() == []  # type: ignore[attr-defined]
    assert store.changes("0-0") == []  # type: ignore[attr-defined]


def test_the_embedded_ledger_survives_reopening(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qkg.graph.embedded.store import EmbeddedStore

    store = EmbeddedStore(tmp_path / "s")
    deltas, versions = _timeline(store)  # type: ignore[arg-type]
    rows = store.ledger()
    store.close()
    with EmbeddedStore(tmp_path / "s") as again:
        assert again.ledger() == rows
        assert [c.seq for c in again.changes(versions["02"])] == [4, 4, 5, 6]
        assert _others(again.known_at(at(2))) == [BRISK.id, KESTREL.id, TELMAR.id]
        again.clock = lambda: at(5)
        again.remove_document(deltas[2].document.id)
        assert [r.retracted_seq for r in again.ledger()] == [4, 5, 7, None]


def test_documents_loaded_before_the_ledger_are_recorded_on_first_use(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qkg.graph.embedded import ledger as rdf_ledger
    from qkg.graph.embedded.store import EmbeddedStore

    with EmbeddedStore(tmp_path / "s") as store:
        store.upsert_many(history()[:2])
        version = store.version
        store._ox().remove_graph(rdf_ledger.LEDGER)  # a store of before the ledger
    (tmp_path / "s" / "index.json").unlink()
    with EmbeddedStore(tmp_path / "s") as store:
        store.clock = lambda: at(7)
        rows = store.ledger()
        assert [(r.seq, r.recorded.hour) for r in rows] == [(1, 7), (2, 7)]
        assert rows[-1].version == version == store.version


@pytest.mark.neo4j
def test_neo4j_documents_loaded_before_the_ledger_are_recorded_on_first_use(neo4j_store) -> None:  # type: ignore[no-untyped-def]
    store = neo4j_store
    store.upsert_many(history()[:2])
    version = store.version
    store._driver.execute_query("MATCH (l:QkgLedger) DETACH DELETE l")  # a store of before the ledger
    store._driver.execute_query("MATCH (m:QkgMeta) REMOVE m.ledger_seq, m.ledger_complete")
    store.clock = lambda: at(7)
    rows = store.ledger()
    assert [(r.seq, r.recorded.hour) for r in rows] == [(1, 7), (2, 7)]
    assert rows[-1].version == version == store.version
    assert store.ledger() == rows  # once


def test_the_ledger_index_answers_as_the_rule(store: GraphStore) -> None:
    """:meth:`Ledger.changes` (the embedded store's event index) equals the rule over every
    row (:func:`ledger_changes` after :func:`ledger_cut`), for every version and moment."""
    from qkg.graph.merge import Ledger, ledger_changes, ledger_cut

    _, versions = _timeline(store)
    rows = store.ledger()  # type: ignore[attr-defined]
    ledger = Ledger(rows)
    moments = [f"2026-03-01T0{h}:{m}:00Z" for h in range(6) for m in ("00", "30")]
    for since in [*versions.values(), "0-0", *moments]:
        assert ledger.changes(since) == ledger_changes(rows, ledger_cut(rows, since))
        assert store.changes(since) == ledger.changes(since)  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="not a version"):
        ledger.changes("5-abc")


def test_a_page_of_the_feed_is_the_feed_cut(store: GraphStore) -> None:
    """``changes_page`` (Neo4j: counted and cut by its statement) is the whole feed's length
    and the slice asked, for every version and moment, at every offset and a few sizes."""
    _, versions = _timeline(store)
    moments = [f"2026-03-01T0{h}:{m}:00Z" for h in range(6) for m in ("00", "30")]
    for since in [*versions.values(), "0-0", *moments]:
        feed = store.changes(since)  # type: ignore[attr-defined]
        for first in (1, 2, 4, 50):
            for offset in range(len(feed) + 2):
                assert (
                    store.changes_page(since, offset, first)
                    == (  # type: ignore[attr-defined]
                        len(feed),
                        feed[offset : offset + first],
                    )
                ), (since, offset, first)
    with pytest.raises(ValueError, match="not a version"):
        store.changes_page("9-abc", 0, 5)  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="ISO date-time"):
        store.changes_page("yesterday", 0, 5)  # type: ignore[attr-defined]


_OPS = st.lists(
    st.tuples(st.sampled_from(["load", "remove", "replace"]), st.integers(0, 3)), min_size=1, max_size=8
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_OPS, probe=st.integers(0, 9))
def test_known_at_is_the_merge_of_the_documents_held_then(tmp_path_factory, ops, probe) -> None:  # type: ignore[no-untyped-def]
    """Any sequence of loads, removals and replacements, one hour apart: the graph known at
    any moment is the merge of the document versions held then, as a store holding only
    those would answer it; the feed since the start replays to the same set."""
    from qkg.graph.embedded.store import EmbeddedStore

    deltas = history()
    held: dict[str, KnowledgeGraph] = {}  # by source (or id): what the store holds
    snapshots: list[dict[str, KnowledgeGraph]] = [{}]
    with EmbeddedStore(tmp_path_factory.mktemp("prop") / "s") as store:
        for hour, (op, i) in enumerate(ops, start=1):
            store.clock = lambda h=hour: at(h)
            d = deltas[i]
            key = d.document.source or d.document.id
            if op == "load":
                store.upsert(d)
                held[key] = d
            elif op == "remove" and key in held:
                store.remove_document(held.pop(key).document.id)
            elif op == "replace" and d.document.source is not None:
                newer = _replacement(d, f", {d.document.source}")  # one document per source
                store.upsert(newer)
                held[key] = newer
            snapshots.append(dict(held))
        hour = min(probe, len(ops))
        view = store.known_at(at(hour) + dt.timedelta(minutes=30))
        expected = merge_deltas(snapshots[hour].values())
        assert {r.key: r for r in view.relations()} == expected.relations
        assert {a.id: a for a in view.agreements()} == expected.agreements
        # replaying the feed from the start: the facts of the held versions, once per version
        live: dict[tuple[str, str], int] = {}
        for c in store.changes("0-0"):
            k = (c.fact, c.document_id)
            live[k] = live.get(k, 0) + (1 if c.kind == "ADDED" else -1)
        facts = {f for (f, _), n in live.items() if n}
        from qkg.graph.merge import fact_keys

        assert facts == {f for d in held.values() for f in fact_keys(d)}
