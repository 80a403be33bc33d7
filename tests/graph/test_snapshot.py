"""The embedded store's data folder as an attacker or a careless user leaves it (issue 13).

The snapshot of the in-memory index must not run code, must not change answers when it is
edited, and files in the folder are not followed through symbolic links; a damaged RDF
store is a readable error, not a traceback. The tests find the snapshot by its ``index.*``
name so that they also run against the pickle-based store they replace (where they fail).
"""

from __future__ import annotations

import logging
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from qkg.graph import EmbeddedStore
from qkg.graph.embedded import snapshot
from qkg.graph.embedded.index import GraphIndex
from qkg.schemas import StoreError
from qkg.schemas.rdf import canonical_delta
from tests.factories import canonical_dump, corpus, hub, kaist_pasqal, kaist_pasqal_v2

REPO = Path(__file__).resolve().parents[2]


def _snapshot_file(folder: Path) -> Path:
    (found,) = [p for p in folder.glob("index.*") if not p.name.endswith(".tmp")]
    return found


def _loaded(folder: Path) -> dict[str, object]:
    with EmbeddedStore(folder) as store:
        for d in corpus():
            store.upsert(d)
        return canonical_dump(store)


class _Planted:
    """What an attacker pickles: unpickling it calls ``open(marker, "w")``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_planted_pickle_does_not_run(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "store"
    expected = _loaded(folder)
    marker = tmp_path / "pwned"
    payload = pickle.dumps((2, _Planted(marker)))
    for name in ("index.pickle", "index.json"):  # the old name and the current one
        (folder / name).write_bytes(payload)
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        assert not marker.exists()
        assert store.rebuilt_from == "rdf"
        assert canonical_dump(store) == expected
    assert not marker.exists()
    assert not (folder / "index.pickle").exists()
    assert "not the one recorded" in caplog.text


def test_edited_snapshot_is_detected_and_rebuilt_from_rdf(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.upsert(kaist_pasqal())
        (kaist,) = store.find_entities("KAIST")
    path = _snapshot_file(folder)
    data = path.read_bytes()
    assert b"KAIST" in data
    path.write_bytes(data.replace(b"KAIST", b"EVILX"))  # same length: a well-formed edit
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "rdf"
        assert store.entity(kaist.id).name == "KAIST"
        assert store.find_entities("EVILX") == []
    assert "not the one recorded" in caplog.text
    with EmbeddedStore(folder) as store:  # the rebuilt index was saved and recorded again
        assert store.rebuilt_from == "snapshot"
        assert store.entity(kaist.id).name == "KAIST"


def test_symlinked_snapshot_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "store"
    expected = _loaded(folder)
    path = _snapshot_file(folder)
    elsewhere = tmp_path / "elsewhere"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "rdf"
        assert canonical_dump(store) == expected
    assert "symbolic link" in caplog.text
    assert not path.is_symlink()  # replaced by our own file ...
    assert elsewhere.read_bytes() == before  # ... never written through the link


def test_symlinked_lock_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    (folder / "qkg.lock").symlink_to(victim)
    with pytest.raises(StoreError, match="symbolic link"):
        EmbeddedStore(folder)
    assert victim.read_text() == "precious\n"


def test_data_folder_is_owner_only(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    with EmbeddedStore(fresh) as store:
        store.upsert(kaist_pasqal())
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    assert stat.S_IMODE(_snapshot_file(fresh).stat().st_mode) & 0o077 == 0
    wide = tmp_path / "wide"
    wide.mkdir(mode=0o755)
    os.chmod(wide, 0o755)
    EmbeddedStore(wide).close()
    assert stat.S_IMODE(wide.stat().st_mode) == 0o700


def test_damaged_rdf_store_is_a_store_error_that_says_how_to_recover(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    _loaded(folder)
    (folder / "oxigraph" / "CURRENT").write_text("garbage\n")
    for _ in range(2):  # the lock is released: the second try reports the same damage
        with pytest.raises(StoreError, match="qkg sync --from neo4j") as info:
            EmbeddedStore(folder)
        assert "Corruption" in str(info.value)
    cli = subprocess.run(
        [sys.executable, "-m", "qkg.api.cli", "stats"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QKG_DATA_DIR": str(folder), "QKG_STORE": "embedded"},
        timeout=120,
        check=False,
    )
    assert cli.returncode == 1
    assert "Traceback" not in cli.stderr
    assert "qkg sync --from neo4j" in cli.stderr


def _state(index: GraphIndex) -> dict[str, object]:
    """Everything the index answers from (its caches left out)."""
    return {
        name: getattr(index, name)
        for name in index.__dataclass_fields__
        if name not in {"_entity_sorted", "_rel_sorted", "_adj_sorted", "_steps_sorted", "_stats"}
    }


def test_decode_rebuilds_exactly_what_add_built() -> None:
    index = GraphIndex()
    for d in [*corpus(), kaist_pasqal_v2(), hub(70)]:
        canon = canonical_delta(d)
        index.add(canon, f"digest-{canon.document.id}")
    index.remove(corpus()[-1].document.id)
    restored = snapshot.decode(snapshot.encode(index))
    assert restored is not None
    assert _state(restored) == _state(index)
    assert restored.version == index.version
    assert restored.stats() == index.stats()
    nodes = list(index.ent)
    assert restored.steps(nodes, None) == index.steps(nodes, None)


def test_decode_refuses_other_formats_and_broken_content() -> None:
    assert snapshot.decode(b'{"format": 2}') is None
    with pytest.raises(ValueError):
        snapshot.decode(b"\x80\x04not json")


def test_snapshot_swapped_after_open_is_not_used(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The index is decoded on first use, after open checked the file: the file is checked
    again then, so a snapshot replaced in between changes nothing either."""
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.upsert(kaist_pasqal())
        (kaist,) = store.find_entities("KAIST")
        counts = store.stats()
    path = _snapshot_file(folder)
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        assert store.rebuilt_from == "snapshot"
        assert store.stats() == counts  # from the checked header
        path.write_bytes(path.read_bytes().replace(b"KAIST", b"EVILX"))
        assert store.entity(kaist.id).name == "KAIST"
        assert store.find_entities("EVILX") == []
        # a question only the index answers (the facts file answers the two above)
        assert list(store.links())
        assert store.find_entities("EVILX") == []
        assert store.rebuilt_from == "rdf"
        assert store.stats() == counts
    assert "changed since it was checked" in caplog.text


def test_counts_before_and_after_decoding_agree(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        for d in [*corpus(), kaist_pasqal_v2(), hub(70)]:
            store.upsert(d)
        expected, version = store.stats(), store.version
    with EmbeddedStore(folder) as store:
        assert (store.stats(), store.version, store.health()["documents"]) == (
            expected,
            version,
            expected.documents,
        )
        assert len(store.entities()) == expected.entities  # decodes the index
        assert (store.stats(), store.version) == (expected, version)


def test_warm_decodes_at_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """What a server does before taking requests: after warm() the snapshot file is not
    read again (a later change to it goes unnoticed until the next open)."""
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.upsert(kaist_pasqal())
        (kaist,) = store.find_entities("KAIST")
    with caplog.at_level(logging.WARNING, logger="qkg.store"), EmbeddedStore(folder) as store:
        store.warm()
        _snapshot_file(folder).unlink()
        assert store.entity(kaist.id).name == "KAIST"
        assert store.rebuilt_from == "snapshot"
    assert caplog.text == ""


@pytest.mark.parametrize("size", [0, 10, (1 << 20) - 1, 1 << 20, (1 << 20) + 5, 3 << 20])
def test_digest_and_header_read_in_chunks(tmp_path: Path, size: int) -> None:
    import hashlib

    data = b"h" * size + b"\n" + b"b" * (2 << 20)
    path = tmp_path / "f"
    path.write_bytes(data)
    assert snapshot.digest_and_header(path) == (hashlib.sha256(data).hexdigest(), b"h" * size)
    path.write_bytes(b"no newline")
    assert snapshot.digest_and_header(path) == (hashlib.sha256(b"no newline").hexdigest(), b"no newline")
    assert snapshot.digest_and_header(tmp_path / "missing") is None
