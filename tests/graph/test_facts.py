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
from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.graph import EmbeddedStore
from qkg.graph.embedded import fact_table, fact_walks, facts
from qkg.graph.embedded.index import GraphIndex
from qkg.schemas import (
    Direction,
    Entity,
    EntityFilter,
    EntityType,
    KnowledgeGraph,
    NotFound,
    RelationFilter,
    RelationType,
)
from qkg.schemas.rdf import canonical_delta
from tests.factories import NEUTRAL_ATOMS, delta, document, entity, kaist_pasqal_v2
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


def _homonyms() -> KnowledgeGraph:
    """Actors that share a name or an alias (made-up names), with accents and case to
    normalise: what a look-up by name must answer in entity order."""
    E = EntityType
    doc = document("Nordhavn Qubit, Nordhavn Qubit and Zürich Quantique.", title="homonyms")
    return delta(
        doc,
        [
            entity("Nordhavn Qubit", E.COMPANY, "DK", aliases=["NQ", "Zürich Quantique"]),
            entity("Nordhavn Qubit", E.UNIVERSITY, "NO", aliases=["nq"]),
            entity("Zürich  Quantique", E.RESEARCH_INSTITUTE, "CH", aliases=["ZQ", "Nordhavn"]),
            entity("Nordhavn", E.CITY, "DK"),
        ],
    )


def _deltas_named() -> list[KnowledgeGraph]:
    return [*_deltas(), _homonyms()]


def _same_names(store: EmbeddedStore, index: GraphIndex) -> None:
    """``store``'s look-ups by name equal ``index``'s: every name and alias, as written, in
    capitals, padded, without accents, and names nobody has."""
    names = sorted({n for e in index.ent.values() for n in (e.name, *e.aliases)})
    asked = [
        *names,
        *(n.upper() for n in names[::3]),
        *(f"  {n}  " for n in names[::5]),
        "zurich quantique",
        "NORDHAVN",
        "nobody at all",
        "Nordhavn Qubi",
        "",
    ]
    assert any(len(index.find_entities(n)) > 1 for n in asked)  # homonyms, in entity order
    for n in asked:
        assert store.find_entities(n) == index.find_entities(n), n
    assert store.find_entities_named(asked) == {n: index.find_entities(n) for n in asked}


E = EntityType
ENTITY_FILTERS: list[EntityFilter | None] = [
    None,
    EntityFilter(),
    EntityFilter(types=frozenset({E.COMPANY})),
    EntityFilter(types=frozenset({E.UNIVERSITY, E.CITY}), country="kr"),
    EntityFilter(country="DK"),
    EntityFilter(country="ZZ"),
    EntityFilter(name_prefix="nordhavn"),
    EntityFilter(name_prefix="Nordhavn Q", types=frozenset({E.UNIVERSITY})),
    EntityFilter(name_prefix="s"),
    EntityFilter(name_prefix=""),
    EntityFilter(name_prefix="zzz"),
    EntityFilter(name_contains="QU"),
    EntityFilter(name_contains="zurich", country="CH"),
    EntityFilter(name_contains="nobody"),
    EntityFilter(technology=NEUTRAL_ATOMS),
    EntityFilter(technology=NEUTRAL_ATOMS, name_prefix="pas"),
    EntityFilter(technology="technology:nothing"),
]


def _same_listings(store: EmbeddedStore, index: GraphIndex) -> None:
    """``store``'s entity listings, counts and document descriptions equal ``index``'s."""
    assert any(index.count_entities(f) for f in ENTITY_FILTERS[3:])
    for f in ENTITY_FILTERS:
        assert store.entities(f) == index.entities(f, None, 0), f
        assert store.entities(f, limit=3, offset=1) == index.entities(f, 3, 1), f
        assert store.count_entities(f) == index.count_entities(f), f
    asked = [*sorted(index.docs)[::-1], "document:none", min(index.docs)]
    assert store.documents_by_id(asked) == index.documents_by_id(asked)
    parties = [*sorted(index.ent)[::-1], "organisation:nobody", min(index.ent)]
    assert sum(map(len, index.agreements_of(parties).values())) > 10
    assert store.agreements_of(parties) == index.agreements_of(parties)
    assert index.goals(None)
    for owner in [None, "organisation:nobody", *sorted({g.owner for g in index.goal.values() if g.owner})]:
        assert store.goals(owner) == index.goals(owner), owner


def _same_answers(store: EmbeddedStore, index: GraphIndex) -> None:
    """``store``'s reads equal ``index``'s, for every actor, filter, projection, key and name."""
    _same_names(store, index)
    _same_listings(store, index)
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
    deltas = _deltas_named()
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
        assert store.documents() == reference.documents()  # from the index (see the store)
        store.upsert(kaist_pasqal_v2())  # a write: the index answers from now on, with it
        canon = canonical_delta(kaist_pasqal_v2())
        for old in [d for d in reference.docs if reference.docs[d].info.source == canon.document.source]:
            reference.remove(old)
        reference.add(canon, canon.document.id)
        _same_answers(store, reference)
    with EmbeddedStore(folder) as store:  # the file written at that close follows the write
        store.warm()  # what a server does first: the index stays undecoded
        assert store._idx is None
        _same_answers(store, reference)
        assert store._idx is None


def test_questions_the_columns_do_not_answer_go_to_the_index(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    deltas = _deltas_named()
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
        assert store._idx is None  # read by the documents of each relation's evidence
        assert store.agreements(kind=reference.agr[sorted(reference.agr)[0]].kind)
        assert store._idx is None  # the agreements' documents and parts are in the file too
        assert list(store.links()) == reference.links(None, None, None)
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
    _, at, length = next(b for b in head["blobs"] if b[0] == "name_keys")
    keys = orjson.loads(body[at : at + length])
    shuffled = orjson.dumps(keys[::-1])  # the same bytes in another order: no bisection holds
    assert len(shuffled) == length
    with pytest.raises(facts.FactsRefused, match="not sorted"):
        load(data[: 12 + size + at] + shuffled + data[12 + size + at + length :])
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
    deltas = _deltas_named()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
    reference = _index(deltas)
    monkeypatch.setattr(fact_table, "_KEPT", 5)  # fewer than most answers hold
    with EmbeddedStore(folder) as store:
        for i in sorted(reference.ent)[::3]:
            assert store.relations(i) == reference.relations(i, None, None, 0)
        assert store.relations() == reference.relations(None, None, None, 0)
        assert store._idx is None


_WORDS = st.sampled_from(
    ["Nordhavn", "nordhavn", "Zürich", "Zurich", "Qubit", "QUBIT", "Lab", "  ", "Ølund", "Labs"]
)
_NAMES = st.lists(_WORDS, min_size=1, max_size=3).map(" ".join).filter(str.strip)


@st.composite
def _named_graphs(draw: st.DrawFn) -> list[KnowledgeGraph]:
    """Documents naming actors whose names and aliases collide in case, accents, spacing and
    prefixes (made-up names), the same actor sometimes named by two documents."""
    types = st.sampled_from([EntityType.COMPANY, EntityType.UNIVERSITY, EntityType.CITY])
    countries = st.sampled_from([None, "DK", "NO", "CH"])
    out = []
    for n in range(draw(st.integers(1, 3))):
        actors = [
            entity(name, kind, country, aliases=aliases)
            for name, kind, country, aliases in draw(
                st.lists(st.tuples(_NAMES, types, countries, st.lists(_NAMES, max_size=2)), max_size=6)
            )
        ]
        by_id: dict[str, Entity] = {e.id: e for e in actors}  # one description per document
        out.append(delta(document(f"Document {n} names some actors."), by_id.values()))
    return out


@settings(max_examples=60, deadline=None)
@given(graphs=_named_graphs(), asked=st.lists(_NAMES, max_size=5))
def test_look_ups_by_name_from_the_facts_file_equal_the_index(
    tmp_path_factory: pytest.TempPathFactory, graphs: list[KnowledgeGraph], asked: list[str]
) -> None:
    index = _index(graphs)
    path = tmp_path_factory.mktemp("facts") / "facts.columns"
    path.write_bytes(facts.encode(index))
    columns = facts.load(path, _sha(path.read_bytes()), index.version)
    names = [n for e in index.ent.values() for n in (e.name, *e.aliases)]
    for n in [*names, *asked]:
        assert columns.find_entities(n) == index.find_entities(n), n


_FILTERS = st.builds(
    EntityFilter,
    types=st.none() | st.frozensets(st.sampled_from([E.COMPANY, E.UNIVERSITY, E.CITY]), min_size=1),
    country=st.none() | st.sampled_from(["dk", "NO", "CH", "ZZ"]),
    name_prefix=st.none() | _NAMES.map(lambda n: n[: len(n) // 2 + 1]),
    name_contains=st.none() | st.sampled_from(["qu", "ZÜR", "lab", " ", "x"]),
)


@settings(max_examples=60, deadline=None)
@given(
    graphs=_named_graphs(),
    filters=st.lists(_FILTERS, max_size=4),
    page=st.tuples(st.integers(0, 3), st.none() | st.integers(0, 3)),
)
def test_entity_listings_from_the_facts_file_equal_the_index(
    tmp_path_factory: pytest.TempPathFactory,
    graphs: list[KnowledgeGraph],
    filters: list[EntityFilter],
    page: tuple[int, int | None],
) -> None:
    index = _index(graphs)
    path = tmp_path_factory.mktemp("facts") / "facts.columns"
    path.write_bytes(facts.encode(index))
    columns = facts.load(path, _sha(path.read_bytes()), index.version)
    offset, limit = page
    for f in [None, *filters]:
        assert columns.entities(f, limit, offset) == index.entities(f, limit, offset), f
        assert columns.count_entities(f) == index.count_entities(f), f
    assert columns.documents() == index.documents()


@pytest.mark.parametrize(("hub_size", "pinned"), [(0, 10**9), (3, 40), (8, 10**9)])
def test_hubs_kept_built_answer_as_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hub_size: int, pinned: int
) -> None:
    """Hubs' relations built at ``warm`` (every actor a hub, a budget that holds a few, the
    largest only) and frontiers read in one batch answer as the index, filtered and paged."""
    folder = tmp_path / "store"
    deltas = _deltas_named()
    with EmbeddedStore(folder) as store:
        store.upsert_many(deltas)
    reference = _index(deltas)
    monkeypatch.setattr(fact_walks, "_HUB_RELATIONS", hub_size)
    monkeypatch.setattr(fact_walks, "_PINNED", pinned)
    with EmbeddedStore(folder) as store:
        store.warm()
        merged = store._facts
        assert merged is not None
        assert merged._hub_relations
        assert merged._pinned <= pinned
        ids = sorted(reference.ent)
        asked = [*ids[::-1], "organisation:nobody", ids[0], ids[2]]
        for f in FILTERS:
            assert store.relations_of(asked, f) == reference.relations_of(asked, f)
            assert list(store.relations_of(asked, f)) == list(reference.relations_of(asked, f))
            for i in ids[::4]:
                assert store.relations(i, f, limit=3, offset=1) == reference.relations(i, f, 3, 1)
        hub = max(merged._hub_relations, key=lambda i: len(merged._hub_relations[i]))
        answer = store.relations(merged.ids[hub])
        answer.clear()  # an answer is the caller's: the hub's kept list is not it
        assert store.relations(merged.ids[hub]) == reference.relations(merged.ids[hub], None, None, 0)
        assert store._idx is None
