"""The embedded store's own promises: persistence, the data folder, locking, crash safety."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from qkg.graph import EmbeddedStore, open_store, open_store_from_settings
from qkg.graph.embedded import snapshot
from qkg.graph.embedded.index import GraphIndex
from qkg.graph.projection import network, reduce_columns
from qkg.schemas import ConfigurationError, RelationType, StoreError, StoreLocked
from qkg.schemas.rdf import canonical_delta
from tests.factories import (
    IBM,
    KAIST,
    SHERBROOKE,
    aws_pasqal,
    canonical_dump,
    corpus,
    delta,
    document,
    evidence,
    hub,
    kaist_pasqal,
    kaist_pasqal_v2,
    sherbrooke_consortium,
)

REPO = Path(__file__).resolve().parents[2]


def run_child(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        check=False,
    )


def test_survives_reopen(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        for d in corpus():
            store.upsert(d)
        store.upsert(kaist_pasqal_v2())
        before, version = canonical_dump(store), store.version
    with EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "snapshot"
        assert canonical_dump(store) == before
        assert store.version == version
    (folder / "index.json").unlink()
    with EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "rdf"
        assert canonical_dump(store) == before
        assert store.version == version


def test_snapshot_keeps_data_not_caches(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        for d in [*corpus(), hub(70)]:
            store.upsert(d)
        nodes = [e.id for e in store.entities()]
        steps = store.steps(nodes)  # fills the hub's cache before the snapshot is written
    index = snapshot.decode((folder / "index.json").read_bytes())
    assert index is not None
    assert index._steps_sorted == {}
    assert index.steps(nodes, None) == steps
    with EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "snapshot"
        assert store.steps(nodes) == steps  # the hub's steps were sorted at open
        center = hub(70).entities[0].id
        store.upsert(kaist_pasqal_v2())
        store.upsert(hub(71))  # another document: one more spoke
        assert len(store.steps([center])[center]) == 71


_CRASH_AFTER_UPSERTS = """
    import os
    import sys
    from pathlib import Path
    from qkg.graph import EmbeddedStore
    from tests.factories import corpus, kaist_pasqal_v2

    store = EmbeddedStore(Path(sys.argv[1]))
    for d in corpus()[1:]:
        store.upsert(d)
    store.upsert(kaist_pasqal_v2())  # replaces the only document the snapshot knows
    os._exit(0)  # a crash: no close, so the snapshot on disk is the earlier one
"""


def test_stale_or_broken_snapshot_is_reconciled_with_rdf(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.upsert(kaist_pasqal())
    recorded = (folder / "index.json").read_bytes()
    child = run_child(_CRASH_AFTER_UPSERTS, str(folder))
    assert child.returncode == 0, child.stderr
    assert (folder / "index.json").read_bytes() == recorded  # stale, but the recorded one
    with EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "snapshot+rdf"
        expected = canonical_dump(store)
        assert {d.id for d in store.documents()} == {
            d.document.id for d in [*corpus()[1:], kaist_pasqal_v2()]
        }
    with EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "snapshot"
        assert canonical_dump(store) == expected
    (folder / "index.json").write_bytes(b"not a snapshot")
    with EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "rdf"
        assert canonical_dump(store) == expected


def test_data_dir_is_created_from_settings(tmp_path: Path) -> None:
    from qkg.api.settings import Settings

    folder = tmp_path / "deep" / "er" / "qkg"
    store = open_store_from_settings(Settings(data_dir=folder))
    try:
        assert store.kind == "embedded"
        assert (folder / "qkg.lock").exists()
        assert store.health()["location"] == str(folder)
    finally:
        store.close()


def test_open_store_rejects_bad_configuration(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="'sqlite'"):
        open_store(kind="sqlite", data_dir=tmp_path)
    with pytest.raises(ConfigurationError, match="QKG_NEO4J_URI"):
        open_store(kind="neo4j", data_dir=tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="not a folder"):
        EmbeddedStore(tmp_path / "file")


def test_second_process_gets_store_locked(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    code = """
        import sys
        from pathlib import Path
        from qkg.graph import EmbeddedStore
        from qkg.schemas import StoreLocked
        try:
            EmbeddedStore(Path(sys.argv[1]))
        except StoreLocked as exc:
            print("LOCKED", exc)
        else:
            print("OPENED")
    """
    with EmbeddedStore(folder) as store:
        store.upsert(kaist_pasqal())
        child = run_child(code, str(folder))
        assert child.returncode == 0, child.stderr
        assert child.stdout.startswith("LOCKED")
        assert str(folder) in child.stdout
        assert f"pid {os.getpid()}" in child.stdout
        with pytest.raises(StoreLocked, match="already open"):
            EmbeddedStore(folder)  # a second store object in this process too
    child = run_child(code, str(folder))
    assert child.stdout.startswith("OPENED"), child.stdout + child.stderr


def test_closed_store_refuses_work(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.upsert(kaist_pasqal())


_LOADER = """
    import sys
    from pathlib import Path
    from bench.synthetic import generate_deltas
    from qkg.graph import EmbeddedStore

    store = EmbeddedStore(Path(sys.argv[1]))

    def deltas():
        for i, delta in enumerate(generate_deltas(300, 4000, seed=7, relations_per_doc=20)):
            yield delta
            print(i, flush=True)

    if sys.argv[2] == "one":
        for delta in deltas():
            store.upsert(delta)
    else:
        store.upsert_many(deltas(), batch_quads=3000)
    store.close()
    print("done", flush=True)
"""


def test_upsert_many_equals_upsert_one_by_one(tmp_path: Path) -> None:
    stream = [*corpus(), kaist_pasqal(), kaist_pasqal_v2(), kaist_pasqal()]
    with EmbeddedStore(tmp_path / "one") as one:
        expected = [one.upsert(d) for d in stream]
        dump = canonical_dump(one)
    with EmbeddedStore(tmp_path / "many") as many:
        # 50 quads a load: every document here is written in several bulk loads
        assert many.upsert_many(stream, batch_quads=50) == expected
        assert canonical_dump(many) == dump
    with EmbeddedStore(tmp_path / "many") as reopened:
        assert canonical_dump(reopened) == dump
    (tmp_path / "many" / "index.json").unlink()
    with EmbeddedStore(tmp_path / "many") as from_rdf:
        assert from_rdf.rebuilt_from == "rdf"
        assert canonical_dump(from_rdf) == dump


@pytest.mark.slow
def test_sigkill_during_load_then_rerun_equals_clean_load(tmp_path: Path) -> None:
    """Kill the loading process at random points; reopen, re-run: same graph as a clean load."""
    from bench.synthetic import generate_deltas

    deltas = list(generate_deltas(300, 4000, seed=7, relations_per_doc=20))
    assert len(deltas) >= 200

    clean_folder = tmp_path / "clean"
    assert run_child(_LOADER, str(clean_folder), "one", timeout=600).stdout.endswith("done\n")
    with EmbeddedStore(clean_folder) as clean:
        expected = canonical_dump(clean)

    folder = tmp_path / "crashed"
    rng = random.Random(20261125)
    for mode in ["one", "many", "many", "one"]:
        with subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(_LOADER), str(folder), mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=REPO,
        ) as proc:
            assert proc.stdout is not None
            target = rng.randrange(5, len(deltas) - 5)
            for line in proc.stdout:
                if line.strip() == "done" or int(line) >= target:
                    break
            time.sleep(rng.random() * 0.05)  # land inside an upsert, not only between two
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert proc.returncode == -signal.SIGKILL
        # after the crash: every document present is complete, exactly as loaded
        with EmbeddedStore(folder) as store:
            by_id = {d.document.id: d for d in deltas}
            loaded = store.documents()
            assert loaded, "the child loaded some documents before it was killed"
            for info in loaded[:: max(1, len(loaded) // 20)]:
                assert canonical_delta(store.delta(info.id)) == canonical_delta(by_id[info.id])
    done = run_child(_LOADER, str(folder), "many", timeout=600)
    assert done.stdout.endswith("done\n"), done.stderr
    with EmbeddedStore(folder) as store:
        assert canonical_dump(store) == expected


def test_graph_without_marker_is_dropped_on_open(tmp_path: Path) -> None:
    """What a crash inside a bulk batch leaves: quads of a document but no "loaded" marker."""
    import pyoxigraph as ox

    from qkg.schemas import iri
    from qkg.schemas.rdf import delta_to_nquads

    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.upsert(aws_pasqal())
        expected = canonical_dump(store)
    half = kaist_pasqal()
    raw = ox.Store(str(folder / "oxigraph"))
    raw.load(input=delta_to_nquads(canonical_delta(half)).encode(), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    (folder / "index.json").unlink()
    with EmbeddedStore(folder) as store:
        assert canonical_dump(store) == expected
    raw = ox.Store(str(folder / "oxigraph"))
    assert ox.NamedNode(iri(half.document.id)) not in set(raw.named_graphs())


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize(
    "via",
    [
        None,
        [RelationType.PARTNERS_WITH],
        [RelationType.PARTY_TO],
        [RelationType.DEVELOPS, RelationType.PART_OF],
    ],
)
def test_edge_arrays_reduce_to_the_network_of_the_links(
    directed: bool, via: list[RelationType] | None
) -> None:
    """The index's links as columns give the same analytics network as its Link objects."""
    index = GraphIndex()
    for d in [*corpus(), kaist_pasqal_v2(), hub(70)]:
        canon = canonical_delta(d)
        index.add(canon, canon.document.id)
    expected = network(index.links(via, None, None), via=via, directed=directed)
    got = reduce_columns(*index.edge_arrays(via), directed=directed)
    assert got.ids == expected.ids
    assert len(got.ids) > 0
    for name in ("source", "target", "weight", "links"):
        assert getattr(got, name).tolist() == getattr(expected, name).tolist(), name


def test_an_agreement_id_with_other_parties_in_another_document_leaves_no_stale_party() -> None:
    """Curated data may give one agreement id different parties in two documents: removing the
    document that named a party takes that party off the agreement's index, and removing both
    leaves no entry behind (listing the party's agreements must not fail)."""
    first = sherbrooke_consortium()
    doc = document(
        "Université de Sherbrooke, IBM and KAIST formed a quantum consortium.",
        title="Sherbrooke consortium, second report",
        source="https://example.org/news/sherbrooke-consortium-2",
    )
    agr = first.agreements[0]
    second = delta(
        doc,
        [e for e in first.entities if e.id in {SHERBROOKE, IBM, KAIST}],
        [],
        [
            agr.model_copy(
                update={
                    "parties": tuple(sorted({SHERBROOKE, IBM, KAIST})),
                    "evidence": (evidence(doc, doc.text),),
                }
            )
        ],
    )
    only_second = {SHERBROOKE, IBM, KAIST} - set(first.agreements[0].parties)
    for gone, kept in ((second, first), (first, second)):
        index = GraphIndex()
        for d in (first, second):
            canon = canonical_delta(d)
            index.add(canon, canon.document.id)
        index.remove(canonical_delta(gone).document.id)
        left = set(canonical_delta(kept).agreements[0].parties)
        for p in {SHERBROOKE, IBM, KAIST, *first.agreements[0].parties}:
            listed = [a.id for a in index.agreements(p, None, None, None, None)]
            assert listed == ([agr.id] if p in left else []), (p, listed)
        index.remove(canonical_delta(kept).document.id)
        for p in {SHERBROOKE, IBM, KAIST, *only_second, *first.agreements[0].parties}:
            assert index.agreements(p, None, None, None, None) == []
            assert index.agreements_of([p]) in ({}, {p: []})
