"""Loading into a real store: idempotence, replacement, removal and rejection."""

from __future__ import annotations

import logging
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


def test_each_document_outcome_is_logged(
    tmp_path: Path, embedded: GraphStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="qkg")
    good = tmp_path / "a.txt"
    good.write_text("KAIST and Pasqal signed an MOU in Daejeon on quantum sensing.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    load_paths([str(good), str(empty)], embedded, progress=False)
    load_paths([str(good)], embedded, progress=False)

    records = [r for r in caplog.records if r.name == "qkg.loaders.pipeline"]
    per_document = [
        (vars(r)["outcome"], vars(r)["source"], r.levelno) for r in records if "outcome" in vars(r)
    ]
    assert per_document == [
        ("loaded", str(good), logging.INFO),
        ("rejected", str(empty), logging.WARNING),
        ("unchanged", str(good), logging.INFO),
    ]
    loaded = next(r for r in records if vars(r).get("outcome") == "loaded")
    assert len(vars(loaded)["document"]) == 64
    assert vars(loaded)["entities"] >= 2
    rejected = next(r for r in records if vars(r).get("outcome") == "rejected")
    assert vars(rejected)["reason"] in rejected.getMessage()
    totals = [
        (vars(r)["loaded"], vars(r)["unchanged"], vars(r)["rejected"]) for r in records if "loaded" in vars(r)
    ]
    assert totals == [(1, 0, 1), (0, 1, 0)]


def test_an_impossible_page_date_is_no_date_and_the_folder_loads(
    tmp_path: Path, embedded: GraphStore
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(
        docs,
        "a.html",
        '<html><head><meta property="article:published_time" content="2024-13-45T10:00:00Z"></head>'
        "<body><article><p>KAIST and Pasqal signed an MOU in Daejeon.</p></article></body></html>",
    )
    _write(docs, "b.txt", "IBM and Wits University signed a partnership.")
    s = load_paths([str(docs)], embedded, progress=False)
    assert (s.documents, s.rejected) == (2, [])
    assert (str(docs / "a.html"), "publication date '2024-13-45' is not a date; ignored") in s.notes
    assert {d.published for d in embedded.documents()} == {None}
