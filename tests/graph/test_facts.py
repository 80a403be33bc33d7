"""The embedded store's facts file (issue 14): the merged graph as columns, read after a reopen.

Every answer read from the facts file must equal the object index's for the same graph
(relations with their evidence, in order, filtered and paged; steps; relations by key;
entities and agreements by id), without decoding the index; a write or a question the
columns do not answer goes to the index; a facts file that is not the one the snapshot
records is refused with a log line, answered from the index, and written again at close.
"""

from __future__ import annotations

import logging
import struct
from pathlib import Path

import orjson
import pytest

from qkg.graph import EmbeddedStore
from qkg.graph.embedded import facts
from qkg.graph.embedded.index import GraphIndex
from qkg.schemas import Direction, EntityType, KnowledgeGraph, NotFound, RelationFilter, RelationType
from qkg.schemas.rdf import canonical_delta
from tests.factories import kaist_pasqal_v2
from tests.graph.test_columns import VIAS, _deltas, _index, damaged_store

R = RelationType
FILTERS: list[RelationFilter | None] = [
    None,
    RelationFilter(),
    RelationFilter(types=frozenset({R.PARTNERS_WITH})),
    RelationFilter(types=frozenset({R.DEVELOPS, R.WORKS_ON}), direction=Direction.OUT),
    RelationFilter(direction=Direction.IN),
    RelationFilter(entity_types=frozenset({EntityType.COMPANY, EntityType.UNIVERSITY})),
]


def _same_answers(store: EmbeddedStore, index: GraphIndex) -> None:
    """``store``'s reads equal ``index``'s, for every actor, filter, projection and key."""
    ids = sorted(index.ent)
    for f in FILTERS:
        for i in ids:
            assert store.relations(i, f) == index.relations(i, f, None, 0), (i, f)
        assert store.relations(None, f, limit=7, offset=3) == index.relations(None, f, 7, 3)
    assert store.relations(ids[5], limit=2, offset=1) == index.relations(ids[5], None, 2, 1)
    assert store.relations() == index.relations(None, None, None, 0)
    asked = [*ids[::7], "organisation:nobody", ids[0]]
    assert store.relations_of(asked) == index.relations_of(asked, None)
    for via in VIAS:
        wanted = None if via is None else frozenset(via)
        assert store.steps([*ids, "organisation:nobody"], via) == index.steps(
            [*ids, "organisation:nobody"], wanted
        )
    keys = [
        *sorted(index.rel),
        ("organisation:nobody", "PARTNERS_WITH", ids[0]),
        (ids[0], "NOT_A_TYPE", ids[1]),
    ]
    assert store.relations_by_key(keys[::-1]) == index.relations_by_key(keys[::-1])
    agreements = [*sorted(index.agr), "agreement:none"]
    assert store.agreements_by_id(agreements) == index.agreements_by_id(agreements)
    assert store.entities_by_id([*ids, "organisation:nobody", ids[1]]) == index.entities_by_id(ids)
    with pytest.raises(NotFound):
        store.relations("organisation:nobody")


def test_the_facts_file_answers_as_the_index_without_decoding_it(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    deltas = _deltas()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
        for d in deltas[1:4]:  # merged facts of fewer documents
            store.remove_document(d.document.id)
    assert (folder / "facts.columns").is_file()
    reference = _index([deltas[0], *deltas[4:]])
    assert len(reference.rel) > 500
    assert len(reference.agr) > 10
    with EmbeddedStore(folder) as store:
        _same_answers(store, reference)
        assert store._idx is None  # every answer above was read from the file
        store.upsert(kaist_pasqal_v2())  # a write: the index answers from now on, with it
        canon = canonical_delta(kaist_pasqal_v2())
        for old in [d for d in reference.docs if reference.docs[d].info.source == canon.document.source]:
            reference.remove(old)
        reference.add(canon, canon.document.id)
        _same_answers(store, reference)
    with EmbeddedStore(folder) as store:  # the file written at that close follows the write
        _same_answers(store, reference)
        assert store._idx is None


def test_questions_the_columns_do_not_answer_go_to_the_index(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    deltas = _deltas()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
    reference = _index(deltas)
    some = sorted(reference.ent)[3]
    with EmbeddedStore(folder) as store:
        assert store.relations(
            some, RelationFilter(types=frozenset({R.PARTNERS_WITH}))
        ) == reference.relations(some, RelationFilter(types=frozenset({R.PARTNERS_WITH})), None, 0)
        assert store._idx is None
        timed = RelationFilter(document_id=deltas[0].document.id)
        assert store.relations(some, timed) == reference.relations(some, timed, None, 0)
        assert store._idx is not None


def test_a_damaged_or_missing_facts_file_is_refused_logged_and_written_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deltas, path, data = damaged_store(tmp_path / "store", "facts.columns")
    folder = path.parent
    reference = _index(deltas)
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        _same_answers(store, reference)
        assert store._idx is not None  # answered from the index
    assert any("facts file" in r.message and "refused" in r.message for r in caplog.records)
    assert path.read_bytes() != bytes(data)  # written again, from the index, at close
    path.unlink()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        _same_answers(store, reference)
    assert any("facts file" in r.message for r in caplog.records)
    assert path.is_file()
    with EmbeddedStore(folder) as store:
        _same_answers(store, reference)
        assert store._idx is None


def test_the_facts_file_is_refused_when_it_does_not_fit(tmp_path: Path) -> None:
    """A file of ours for another graph, or whose header or arrays point outside it, is refused
    even when its digest is the one asked (what a planted file with a planted digest gets)."""
    index = _index(_deltas())
    data = facts.encode(index)
    path = tmp_path / "facts.columns"

    def load(raw: bytes, version: str = index.version) -> facts.FactColumns:
        path.write_bytes(raw)
        return facts.load(path, _sha(raw), version)

    assert load(data).relations_by_key(sorted(index.rel)) == index.relations_by_key(sorted(index.rel))
    with pytest.raises(facts.FactsRefused, match="not the file"):
        facts.load(path, "0" * 64, index.version)
    with pytest.raises(facts.FactsRefused, match="graph version"):
        load(data, "another")
    with pytest.raises(facts.FactsRefused, match="magic"):
        load(b"\x80\x04pickle" + data[10:])
    with pytest.raises(facts.FactsRefused):
        load(data[: len(data) // 2])
    (size,) = struct.unpack_from("<I", data, 8)
    head = orjson.loads(data[12 : 12 + size])
    body = data[12 + size :]
    for change, why in (
        (lambda h: h["arrays"][4].__setitem__(3, 1 << 40), "past the end"),
        (lambda h: h.__setitem__("format", 0), "another format"),
        (lambda h: h.__setitem__("types", ["NOT_A_TYPE"]), "type tables"),
    ):
        bad = orjson.loads(orjson.dumps(head))
        change(bad)
        raw = orjson.dumps(bad)
        with pytest.raises(facts.FactsRefused, match=why):
            load(data[:8] + struct.pack("<I", len(raw)) + raw + body)
    start = 12 + size + head["arrays"][4][3]  # the first relation's source
    with pytest.raises(facts.FactsRefused, match=r"outside|key order"):
        load(data[:start] + struct.pack("<i", len(index.ent) + 99) + data[start + 4 :])


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_one_graph_one_facts_file_whatever_the_order_of_its_documents() -> None:
    deltas: list[KnowledgeGraph] = _deltas()
    assert facts.encode(_index(deltas)) == facts.encode(_index(deltas[::-1]))


def test_answers_stay_the_same_when_built_relations_are_let_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "store"
    deltas = _deltas()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
    reference = _index(deltas)
    monkeypatch.setattr(facts, "_KEPT", 5)  # fewer than most answers hold
    with EmbeddedStore(folder) as store:
        for i in sorted(reference.ent)[::3]:
            assert store.relations(i) == reference.relations(i, None, None, 0)
        assert store.relations() == reference.relations(None, None, None, 0)
        assert store._idx is None
