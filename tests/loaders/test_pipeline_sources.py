"""What a loaded document records as its source, and so what a reload replaces: standard
input never replaces anything, and one file is one source however its path is written."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from qkg.api.cli import main
from qkg.graph.embedded import EmbeddedStore
from qkg.loaders.pipeline import load_paths

FIRST = "KAIST and Pasqal signed an MOU in Daejeon on quantum sensing."
SECOND = "IBM and Wits University signed a partnership on quantum computing."


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def _documents(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["documents", "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_second_stdin_document_does_not_replace_the_first(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, FIRST)
    assert main(["load", "--no-progress", "-"]) == 0
    _stdin(monkeypatch, SECOND)
    assert main(["load", "--no-progress", "-"]) == 0
    assert "0 replaced" in capsys.readouterr().out
    docs = _documents(capsys)
    assert sorted(str(d["title"])[:4] for d in docs) == ["IBM ", "KAIS"]
    assert [d["source"] for d in docs] == [None, None]  # nothing a later load could match
    # a file's document still replaces its older version
    f = env / "note.txt"
    f.write_text(FIRST + " Pasqal is based in Paris.", encoding="utf-8")
    assert main(["load", "--no-progress", str(f)]) == 0
    f.write_text(SECOND + " Wits is in Johannesburg.", encoding="utf-8")
    assert main(["load", "--no-progress", str(f)]) == 0
    assert "1 replaced" in capsys.readouterr().out
    assert len(_documents(capsys)) == 3


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
