"""``qkg centrality``, ``communities``, ``brokers`` and ``plot`` over a real embedded store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from qkg.api.cli import main
from qkg.graph.embedded import EmbeddedStore
from tests.factories import KAIST, PASQAL, corpus


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    with EmbeddedStore(folder) as store:
        for d in corpus():
            store.upsert(d)
    monkeypatch.setenv("QKG_DATA_DIR", str(folder))
    monkeypatch.setenv("QKG_STORE", "embedded")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_centrality_table_json_and_csv(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "centrality", "--metric", "degree", "--top", "3")
    assert code == 0
    assert "degree centrality" in out
    assert "KAIST" in out
    assert "graph version" in out
    code, out, _ = _run(
        capsys, "centrality", "-m", "betweenness", "-n", "2", "--format", "json", "--workers", "2"
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["metric"] == "betweenness"
    assert len(payload["ranking"]) == 2
    assert payload["stamp"]["projection"]["via"] == ["PARTNERS_WITH", "PARTY_TO"]
    assert len(payload["scores"]) == 2  # only the listed actors
    code, out, _ = _run(capsys, "centrality", "-m", "pagerank", "--format", "csv", "--via", "all")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["#", "id", "name", "type", "score"]
    assert {KAIST, PASQAL} <= {r[1] for r in rows[1:]}


def test_projection_options(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "centrality",
        "-m",
        "degree",
        "--types",
        "University",
        "--via",
        "PARTNERS_WITH,PARTY_TO,LOCATED_IN",
        "--from",
        "2020",
        "--to",
        "2025",
        "--weighted",
        "--format",
        "json",
    )
    assert code == 0
    payload = json.loads(out)
    assert {s["type"] for s in payload["ranking"]} <= {"University"}
    assert payload["stamp"]["projection"]["since"] == "2020-01-01"
    assert payload["stamp"]["projection"]["until"] == "2025-12-31"


def test_communities_and_brokers(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "communities", "--via", "all")
    assert code == 0
    assert "modularity" in out
    code, out, _ = _run(capsys, "communities", "--via", "all", "--format", "csv")
    assert out.splitlines()[0] == "community,size,member"
    code, out, _ = _run(capsys, "brokers", "--via", "all", "--format", "json")
    assert code == 0
    brokers = json.loads(out)["brokers"]
    assert brokers
    assert [b["rank"] for b in brokers] == list(range(1, len(brokers) + 1))


def test_plot_writes_png_and_svg(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "net.png"
    code, out, _ = _run(capsys, "plot", "--out", str(png), "--via", "all", "--colour", "type")
    assert code == 0
    assert png.stat().st_size > 10_000
    assert "wrote" in out
    svg = tmp_path / "ego.svg"
    code, _, _ = _run(capsys, "plot", "-o", str(svg), "--ego", KAIST, "--via", "all")
    assert code == 0
    assert "KAIST" in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["centrality", "--metric", "fame"], "metric 'fame'"),
        (["centrality", "--via", "FRIENDS_WITH"], "FRIENDS_WITH"),
        (["centrality", "--from", "soon"], "'soon' is not a year"),
        (["plot", "--out", "x.gif"], "'x.gif'"),
        (["plot", "--out", "x.png", "--ego", "company:nobody"], "'company:nobody' is not in the graph"),
    ],
)
def test_errors_are_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = _run(capsys, *argv)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1
