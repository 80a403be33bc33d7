"""``qkg eval``: misses named, several corpora and JSON, bad gold refused naming the file, and
the README's sample corpus scored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qkg.api.cli import main

CORPUS = Path(__file__).resolve().parents[2] / "docs" / "sample-corpus"


TEXT = "KAIST and Pasqal signed an MOU in Daejeon. The weather in Daejeon was mild.\n"


GOLD: dict[str, Any] = {
    "doc": "01_mou.txt",
    "entities": [
        {"id": "kaist", "name": "KAIST", "type": "University", "aliases": []},
        {"id": "pasqal", "name": "Pasqal", "type": "Company", "aliases": []},
        {"id": "daejeon", "name": "Daejeon", "type": "City", "aliases": []},
        {"id": "orbion", "name": "Orbion Dynamics", "type": "Company", "aliases": []},
    ],
    "relations": [
        {
            "source": "kaist",
            "type": "PARTNERS_WITH",
            "target": "pasqal",
            "evidence": TEXT.split(". ")[0] + ".",
        },
        # no rule makes a university compete with a city: always missed
        {
            "source": "kaist",
            "type": "COMPETES_WITH",
            "target": "daejeon",
            "evidence": "The weather in Daejeon was mild.",
        },
    ],
    "agreements": [
        {"id": "mou", "kind": "MOU", "parties": ["kaist", "pasqal"], "place": "daejeon", "evidence": "x"},
        {"id": "deal", "kind": "Contract", "parties": ["pasqal", "orbion"], "evidence": "Orbion was bought."},
    ],
}


def _corpus(root: Path, gold: dict[str, Any] | str = GOLD, text: str = TEXT) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "docs" / "01_mou.txt").write_text(f"source: test\ntitle: t\n\n{text}", encoding="utf-8")
    raw = gold if isinstance(gold, str) else json.dumps(gold)
    (root / "gold" / "01_mou.json").write_text(raw, encoding="utf-8")
    return root


def test_eval_misses_names_what_was_missed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path / "c")
    assert main(["eval", str(corpus), "--misses"]) == 0
    out = capsys.readouterr().out
    assert '    missed relation: KAIST COMPETES_WITH Daejeon  "The weather in Daejeon was mild."' in out
    assert "    missed entity: Orbion Dynamics (Company)" in out
    assert "    missed agreement: Contract of Pasqal, Orbion Dynamics" in out
    assert "missed relation: KAIST PARTNERS_WITH Pasqal" not in out
    assert "relation type" in out
    assert "COMPETES_WITH" in out
    assert main(["eval", str(corpus)]) == 0
    assert "missed" not in capsys.readouterr().out


def test_eval_scores_several_corpora_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = _corpus(tmp_path / "one"), _corpus(tmp_path / "two")
    report = tmp_path / "report.json"
    assert main(["eval", str(one), str(two), "--json", str(report)]) == 0
    out = capsys.readouterr().out
    assert "== one (1 document)" in out
    assert "== two (1 document)" in out
    assert "== one + two" in out
    rep = json.loads(report.read_text(encoding="utf-8"))
    assert [c["name"] for c in rep["corpora"]] == ["one", "two"]
    assert rep["overall"]["relations"]["gold"] == 4
    assert rep["overall"]["agreements"]["gold"] == 4
    assert rep["relation_types"]["COMPETES_WITH"]["gold"] == 2
    assert rep["relation_types"]["COMPETES_WITH"]["matched_gold"] == 0
    missed = rep["corpora"][0]["documents"][0]["missed"]
    assert {
        "source": "KAIST",
        "type": "COMPETES_WITH",
        "target": "Daejeon",
        "evidence": "The weather in Daejeon was mild.",
    } in missed["relations"]
    assert main(["eval", str(one), "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["corpora"][0]["name"] == "one"


def _with(**change: Any) -> dict[str, Any]:
    return {**GOLD, **change}


@pytest.mark.parametrize(
    ("gold", "says"),
    [
        pytest.param('{"entities": [', "not valid JSON", id="truncated JSON"),
        pytest.param("[]", "bad gold annotation", id="not an object"),
        pytest.param(
            _with(entities=[{"id": "kaist", "type": "University"}]), "entities.0.name", id="no name"
        ),
        pytest.param(
            _with(relations=[{"source": "kaist", "type": "LIKES", "target": "pasqal"}]),
            "relations.0.type",
            id="unknown relation type",
        ),
        pytest.param(
            _with(relations=[{"source": "kaist", "type": "PARTNERS_WITH", "target": "ghost"}]),
            "'ghost' is not an entity id",
            id="dangling id",
        ),
    ],
)
def test_eval_bad_gold_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gold: dict[str, Any] | str, says: str
) -> None:
    corpus = _corpus(tmp_path / "c", gold)
    assert main(["eval", str(corpus)]) == 2
    cap = capsys.readouterr()
    assert cap.out == ""
    lines = cap.err.strip().splitlines()
    assert len(lines) == 1
    assert str(corpus / "gold" / "01_mou.json") in lines[0]
    assert says in lines[0]


def test_eval_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _corpus(tmp_path / "c")
    assert main(["eval", str(good), str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"{tmp_path / 'nowhere'}: not an annotated corpus" in err[0]


def test_qkg_eval_runs_on_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(CORPUS), "--json", "-"]) == 0
    report = json.loads(capsys.readouterr().out)
    (corpus,) = report["corpora"]
    assert [d["doc"] for d in corpus["documents"]] == [
        "01_lumora_eastmere_mou",
        "02_qubitline_funding",
        "03_baltic_sensing_consortium",
        "04_skills_programme",
    ]
    assert corpus["overall"]["entities"]["gold"] == 26
    assert corpus["overall"]["entities"]["matched_gold"] > 0
