"""What a loaded document records as its source, and so what a reload replaces: standard
input never replaces anything, and one file is one source however its path is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qkg.graph.embedded import EmbeddedStore
from qkg.loaders.pipeline import load_paths

FIRST = "KAIST and Pasqal signed an MOU in Daejeon on quantum sensing."
SECOND = "IBM and Wits University signed a partnership on quantum computing."


@pytest.mark.parametrize(
    ("name", "first", "second"),
    [
        ("note.txt", FIRST, SECOND),
        (
            "actors.csv",
            "name,type,country\nKAIST,University,KR\n",
            "name,type,country\nPasqal,Company,FR\n",
        ),
    ],
)
def test_one_file_by_relative_and_absolute_path_is_one_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, first: str, second: str
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    f = folder / name
    (folder / "link").symlink_to(folder)
    monkeypatch.chdir(tmp_path)
    store = EmbeddedStore(tmp_path / "store")
    try:
        f.write_text(first, encoding="utf-8")
        assert load_paths([os.path.join("news", name)], store, progress=False).documents == 1
        f.write_text(second, encoding="utf-8")
        again = load_paths([str(f)], store, progress=False)
        assert (again.documents, again.replaced) == (1, 1)
        (doc,) = store.documents()
        assert doc.source == str(f.resolve())
        # through a symlinked folder and a dotted path: still the same file, nothing new
        for path in (f"./news/link/{name}", f"news/../news/./{name}"):
            same = load_paths([path], store, progress=False)
            assert (same.documents, same.unchanged, same.rejected) == (0, 1, [])
        assert len(store.documents()) == 1
    finally:
        store.close()


def test_rejections_still_name_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty.txt").write_text("", encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    try:
        summary = load_paths(["empty.txt"], store, progress=False)
        assert summary.rejected == [("empty.txt", "empty document")]
    finally:
        store.close()
