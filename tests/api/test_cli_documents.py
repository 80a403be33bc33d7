"""The load/extract CLI: one JSON object on stdout, load/documents/remove, eval; what a
loaded document records as its source (standard input never replaces anything); the
extraction time limit as the commands report it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qkg.api.cli import main

TEXT = "KAIST and Pasqal signed an MOU in Daejeon on quantum sensing. Pasqal is based in Paris.\n"


def test_extract_json_is_one_object(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = env / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(f), "--format", "json"]) == 0
    out = capsys.readouterr().out
    obj = json.loads(out)  # the whole of stdout is one JSON value
    assert set(obj) == {"document", "entities", "relations", "agreements", "goals"}
    assert {"id", "name", "type", "aliases"} <= set(obj["entities"][0])
    rel = obj["relations"][0]
    assert {"source", "type", "target", "evidence"} <= set(rel)
    ag = obj["agreements"][0]
    assert ag["kind"] == "MOU"
    assert {"id", "kind", "parties", "date", "place", "topics", "evidence"} <= set(ag)


def test_extract_table_and_ttl(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = env / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(f), "-f", "table"]) == 0
    assert "Agreements (1)" in capsys.readouterr().out
    assert main(["extract", str(f), "-f", "ttl"]) == 0
    assert "qkg:Document" in capsys.readouterr().out


def test_extract_rejection_is_one_line(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = env / "e.txt"
    f.write_text("", encoding="utf-8")
    assert main(["extract", str(f)]) == 1
    cap = capsys.readouterr()
    assert cap.out == ""
    assert "empty document" in cap.err
    assert len(cap.err.strip().splitlines()) == 1


def test_load_documents_remove(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = env / "a.txt", env / "b.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad.write_bytes(b"\x00\x00\x00")
    assert main(["load", str(good), str(bad), "--no-progress"]) == 1
    cap = capsys.readouterr()
    assert "loaded 1 document(s)" in cap.out
    assert "b.txt: binary file" in cap.err
    assert main(["documents", "--json"]) == 0
    docs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [d["source"] for d in docs] == [str(good)]
    assert main(["remove", docs[0]["id"]]) == 0
    capsys.readouterr()
    assert main(["documents", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_eval_on_a_small_corpus(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = env / "corpus"
    (corpus / "docs").mkdir(parents=True)
    (corpus / "gold").mkdir()
    (corpus / "docs" / "01_x.txt").write_text("source: test\ntitle: t\n\n" + TEXT, encoding="utf-8")
    gold = {
        "doc": "01_x.txt",
        "entities": [
            {"id": "kaist", "name": "KAIST", "type": "University", "aliases": []},
            {"id": "pasqal", "name": "PASQAL", "type": "Company", "aliases": []},
            {"id": "daejeon", "name": "Daejeon", "type": "City", "aliases": []},
            {"id": "paris", "name": "Paris", "type": "City", "aliases": []},
        ],
        "relations": [{"source": "pasqal", "type": "LOCATED_IN", "target": "paris", "evidence": "x"}],
        "agreements": [
            {
                "id": "a",
                "kind": "MOU",
                "parties": ["kaist", "pasqal"],
                "date": None,
                "place": "daejeon",
                "topics": [],
                "evidence": "x",
            }
        ],
    }
    (corpus / "gold" / "01_x.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", str(corpus), "--json", "-"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["overall"]["entities"]["recall"] == 1.0
    assert rep["overall"]["pairs"]["f1"] == 1.0
    assert rep["overall"]["relations"]["recall"] == 1.0


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


def test_cli_load_and_extract_report_the_time_limit(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = env / "one.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert main(["load", "--no-progress", "--time-limit", "0.000000001", str(doc)]) == 1
    assert "one.txt: extraction failed: extraction took longer than its time limit" in capsys.readouterr().err
    assert main(["extract", "--time-limit", "0.000000001", str(doc)]) == 1
    monkeypatch.setenv("QKG_EXTRACT_TIME_LIMIT", "0.000000001")
    assert main(["load", "--no-progress", str(doc)]) == 1
    assert "time limit" in capsys.readouterr().err
