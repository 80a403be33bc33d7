"""Loading into a real store: idempotence, replacement, removal and rejection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qkg.graph.store import GraphStore
from qkg.loaders.pipeline import expand_paths, load_paths


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[GraphStore]:
    from qkg.graph.embedded import EmbeddedStore

    s = EmbeddedStore(tmp_path / "store")
    try:
        yield s
    finally:
        s.close()


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    p = folder / name
    p.write_bytes(text.encode() if isinstance(text, str) else text)
    return p


def test_batch_with_rejections(tmp_path: Path, embedded: GraphStore) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a.txt", "KAIST and Pasqal signed an MOU in Daejeon on quantum sensing.")
    _write(docs, "b.md", "# IBM\nIBM invested $10 million in Qedma.")
    _write(docs, "empty.txt", "")
    _write(docs, "bin.txt", b"\x00\x01\x02" * 100)
    _write(docs, "laughs.html", '<!DOCTYPE x [<!ENTITY a "a">]><p>&a;</p>')
    s = load_paths([str(docs), str(tmp_path / "missing.txt")], embedded, progress=False)
    assert s.documents == 2
    rejected = dict(s.rejected)
    assert set(rejected) == {
        str(docs / "empty.txt"),
        str(docs / "bin.txt"),
        str(docs / "laughs.html"),
        str(tmp_path / "missing.txt"),
    }
    assert "empty" in rejected[str(docs / "empty.txt")]
    loaded = {d.source for d in embedded.documents()}
    assert loaded == {str(docs / "a.txt"), str(docs / "b.md")}


def test_idempotent_replace_and_remove(tmp_path: Path, embedded: GraphStore) -> None:
    f = _write(tmp_path, "a.txt", "KAIST and Pasqal signed an MOU in Daejeon.")
    first = load_paths([str(f)], embedded, progress=False)
    assert first.documents == 1
    version = embedded.version
    again = load_paths([str(f)], embedded, progress=False)
    assert (again.documents, again.unchanged) == (0, 1)
    assert embedded.version == version
    _write(tmp_path, "a.txt", "IBM and Wits University signed a partnership.")
    changed = load_paths([str(f)], embedded, progress=False)
    assert changed.replaced == 1
    names = {e.name for e in embedded.entities()}
    assert "IBM" in names
    assert "KAIST" not in names
    (doc,) = embedded.documents()
    embedded.remove_document(doc.id)
    assert embedded.documents() == []
    assert embedded.entities() == []


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for n in ("a.txt", "b.html", "sub/c.md", "d.exe", ".hidden.txt"):
        _write(tmp_path, n, "x")
    got = expand_paths([str(tmp_path), str(tmp_path / "*.txt"), "-"])
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "b.html"), str(tmp_path / "sub" / "c.md"), "-"]
