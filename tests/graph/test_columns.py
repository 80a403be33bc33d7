"""The embedded store's link columns (issue 14): what analytics read instead of the objects.

The columns must equal what the object index gives (its links, reduced to the analytics
network, with or without a time window) after upserts, removals and a reopen; the columns
file saved beside the snapshot must be used only when it is the one the snapshot records
for this graph, and a damaged one refused with a clear log line and written again.
"""

from __future__ import annotations

import datetime as dt
import logging
import struct
from pathlib import Path

import numpy as np
import orjson
import pytest
from hypothesis import HealthCheck, given, settings

from bench.synthetic import generate_deltas
from qkg.graph import EmbeddedStore
from qkg.graph.embedded import columns
from qkg.graph.embedded.index import GraphIndex
from qkg.graph.merge import AsOf
from qkg.graph.projection import Network, network, reduce_columns
from qkg.schemas import KnowledgeGraph, RelationType
from qkg.schemas.rdf import canonical_delta
from tests.factories import corpus, hub, kaist_pasqal_v2
from tests.graph.test_asof import _DAYS, _SUPPORT, _histories

R = RelationType
VIAS: list[list[RelationType] | None] = [
    None,
    [R.PARTNERS_WITH, R.PARTY_TO],
    [R.PARTY_TO],
    [R.DEVELOPS, R.PART_OF],
]
WINDOWS: list[tuple[dt.date | None, dt.date | None]] = [
    (None, None),
    (dt.date(2021, 1, 1), None),
    (None, dt.date(2022, 6, 30)),
    (dt.date(2022, 1, 1), dt.date(2023, 12, 31)),
]


def _deltas() -> list[KnowledgeGraph]:
    return [*corpus(), hub(70), *generate_deltas(120, 600, seed=3, relations_per_doc=40)]


def _same(got: Network, expected: Network) -> None:
    assert got.ids == expected.ids
    for name in ("source", "target", "weight", "links"):
        assert getattr(got, name).tolist() == getattr(expected, name).tolist(), name


def _check(source: GraphIndex | EmbeddedStore, index: GraphIndex) -> None:
    """``source``'s columns reduce to the network of ``index``'s Link objects, for every
    projection of :data:`VIAS` and :data:`WINDOWS`, both directions."""
    for via in VIAS:
        for since, until in WINDOWS:
            if isinstance(source, GraphIndex):
                arrays = source.edge_arrays(via, since, until)
            else:
                arrays = source.edge_arrays(via, since=since, until=until)
            links = index.links(via, since, until)
            for directed in (False, True):
                expected = network(links, via=via, directed=directed)
                _same(reduce_columns(*arrays, directed=directed, ids_sorted=True), expected)


def _index(deltas: list[KnowledgeGraph]) -> GraphIndex:
    index = GraphIndex()
    for d in deltas:
        canon = canonical_delta(d)
        index.add(canon, canon.document.id)
    return index


def test_columns_equal_the_links_of_the_object_index_after_writes() -> None:
    deltas = _deltas()
    index = _index(deltas)
    assert len(index.link_columns()) > 500
    _check(index, index)
    built = index.link_columns()
    for d in deltas[::3]:  # removals: the columns follow
        index.remove(d.document.id)
    assert index.link_columns() is not built
    _check(index, index)
    for d in deltas[::6]:  # and upserts again
        canon = canonical_delta(d)
        index.add(canon, canon.document.id)
    _check(index, index)
    # One canonical form for one set of links, whatever order the documents came in.
    again = _index([*deltas[1::3], *deltas[2::3], *deltas[::6]])
    assert columns.equal(again.link_columns(), index.link_columns())


def test_the_columns_file_round_trips_and_is_refused_when_damaged() -> None:
    index = _index(_deltas())
    cols = index.link_columns()
    data = columns.encode(cols, index.version, index.ent.get)
    decoded = columns.decode(data, index.version)
    assert columns.equal(decoded, cols)
    assert decoded.describe(cols.ids) == {i: index.ent[i] for i in cols.ids}
    assert columns.decode(columns.encode(cols, index.version), index.version).describe(cols.ids[:1]) is None
    with pytest.raises(columns.ColumnsRefused, match="graph version"):
        columns.decode(data, "another")
    with pytest.raises(columns.ColumnsRefused, match="magic"):
        columns.decode(b"\x80\x04pickle" + data[10:], index.version)
    with pytest.raises(columns.ColumnsRefused):
        columns.decode(data[: len(data) // 2], index.version)
    # A header that points an array at a place outside the file, or a source outside the ids.
    (size,) = struct.unpack_from("<I", data, 8)
    head = orjson.loads(data[12 : 12 + size])
    body = data[12 + size :]
    for change, why, error in (
        (lambda h: h["arrays"][0].__setitem__(3, 1 << 40), "past the end", columns.ColumnsRefused),
        (lambda h: h.__setitem__("format", 1), "another format", columns.ColumnsOutdated),
        (lambda h: h.__setitem__("types", ["NOT_A_TYPE"]), "unknown relation types", columns.ColumnsRefused),
    ):
        bad = orjson.loads(orjson.dumps(head))
        change(bad)
        raw = orjson.dumps(bad)
        with pytest.raises(error, match=why):
            columns.decode(data[:8] + struct.pack("<I", len(raw)) + raw + body, index.version)
    source = np.frombuffer(body, dtype="<i4", count=1, offset=head["arrays"][0][3]).copy()
    start = 12 + size + head["arrays"][0][3]
    wild = data[:start] + struct.pack("<i", len(cols.ids) + 5) + data[start + 4 :]
    assert source[0] != len(cols.ids) + 5
    with pytest.raises(columns.ColumnsRefused, match="outside"):
        columns.decode(wild, index.version)


def test_the_store_reads_its_columns_file_after_reopening_and_follows_writes(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    deltas = _deltas()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
    assert (folder / "links.columns").is_file()
    reference = _index(deltas)
    with EmbeddedStore(folder) as store:
        _check(store, reference)
        assert store._idx is None  # answered from the file: the index was not decoded
        store.remove_document(deltas[0].document.id)
        reference.remove(deltas[0].document.id)
        _check(store, reference)  # the graph changed: the index's own columns
        store.upsert(kaist_pasqal_v2())
        canon = canonical_delta(kaist_pasqal_v2())
        for old in [d for d in reference.docs if reference.docs[d].info.source == canon.document.source]:
            reference.remove(old)
        reference.add(canon, canon.document.id)
        _check(store, reference)
    with EmbeddedStore(folder) as store:
        _check(store, reference)
        assert store._idx is None


def test_an_analytics_answer_after_reopening_needs_no_index(tmp_path: Path) -> None:
    """The columns file describes every actor with a link: a ranking names its actors
    without decoding the index; an actor without a link is asked of the index."""
    from qkg.graph.analytics import Analytics

    folder = tmp_path / "store"
    deltas = _deltas()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
        before = Analytics(store).centrality("pagerank", top=10)
    reference = _index(deltas)
    (folder / "facts.columns").unlink()  # the columns file alone (the facts file describes every actor)
    with EmbeddedStore(folder) as store:
        after = Analytics(store).centrality("pagerank", top=10)
        assert store._idx is None
        assert after.ranking == before.ranking
        linked = reference.link_columns().ids
        assert store.entities_by_id([linked[3], linked[0], linked[3]]) == {
            i: reference.ent[i] for i in (linked[3], linked[0])
        }
        assert store._idx is None
        lonely = sorted(set(reference.ent) - set(linked))[0]
        assert store.entities_by_id([linked[0], lonely]) == {i: reference.ent[i] for i in (linked[0], lonely)}
        assert store._idx is not None


def damaged_store(folder: Path, name: str) -> tuple[list[KnowledgeGraph], Path, bytes]:
    """A store of :func:`_deltas` in ``folder`` whose file ``name`` has one byte changed near
    its end (so its digest is not the one recorded): the deltas, the file and its bytes."""
    deltas = _deltas()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
    path = folder / name
    data = bytearray(path.read_bytes())
    data[-40] ^= 0xFF
    path.write_bytes(bytes(data))
    return deltas, path, bytes(data)


def test_a_damaged_columns_file_is_refused_logged_and_written_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deltas, path, data = damaged_store(tmp_path / "store", "links.columns")
    folder = path.parent
    reference = _index(deltas)
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        _check(store, reference)
    assert any("columns file" in r.message and "refused" in r.message for r in caplog.records)
    assert path.read_bytes() != bytes(data)  # written again, from the index, at close
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        _check(store, reference)
        assert store._idx is None
    assert not [r for r in caplog.records if "columns" in r.message]
    path.unlink()
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        _check(store, reference)
    assert any("missing" in r.message for r in caplog.records)
    assert path.is_file()


def _check_as_of(store: EmbeddedStore, asked: AsOf) -> None:
    """The store's columns as ``asked`` reduce to the network of its :meth:`links_as_of`."""
    for via in VIAS:
        for since, until in WINDOWS:
            arrays = store.edge_arrays(via, since=since, until=until, asked=asked)
            links = store.links_as_of(via, since=since, until=until, asked=asked)
            for directed in (False, True):
                expected = network(links, via=via, directed=directed)
                _same(reduce_columns(*arrays, directed=directed, ids_sorted=True), expected)


def test_columns_as_of_a_date_equal_the_links_as_of_it(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        store.upsert_many(_deltas())
        for asked in (
            AsOf(None, 2),
            AsOf(dt.date(2021, 6, 30)),
            AsOf(dt.date(2023, 12, 31), 2),
            AsOf(dt.date(2026, 1, 1)),
        ):
            _check_as_of(store, asked)
    with EmbeddedStore(tmp_path / "store") as store:  # from the columns file, with the index
        _check_as_of(store, AsOf(dt.date(2023, 12, 31)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history_=_histories(), day=_DAYS, min_support=_SUPPORT)
def test_columns_as_of_follow_validity_support_and_agreement_lives(
    tmp_path_factory: pytest.TempPathFactory,
    history_: list[KnowledgeGraph],
    day: dt.date,
    min_support: int | None,
) -> None:
    with EmbeddedStore(tmp_path_factory.mktemp("store")) as store:
        store.upsert_many(history_)
        _check_as_of(store, AsOf(day, min_support))
        _check_as_of(store, AsOf(None, min_support))
