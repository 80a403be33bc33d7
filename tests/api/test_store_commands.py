"""``qkg export`` and ``qkg stats`` over an embedded store in a temporary folder."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from qkg.api.cli import main
from qkg.graph.embedded import EmbeddedStore
from qkg.schemas.rdf import canonical_delta, deltas_from_nquads
from tests import factories as f


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "store"
    store = EmbeddedStore(folder)
    for d in f.corpus():
        store.upsert(d)
    store.close()
    for name in ("QKG_STORE", "QKG_NEO4J_URI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QKG_DATA_DIR", str(folder))
    return folder


def test_export_nquads_to_stdout(data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", "--format", "nq"]) == 0
    out, err = capsysbinary.readouterr()
    got = deltas_from_nquads(out)
    assert got == sorted((canonical_delta(d) for d in f.corpus()), key=lambda d: d.document.id)
    assert b"qkg: exported nq:" in err


def test_export_turtle_with_validation_and_filters(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "g.ttl"
    code = main(
        [
            "export",
            "-f",
            "ttl",
            "-o",
            str(out),
            "--validate",
            "--relation-types",
            "PARTNERS_WITH,PARTY_TO",
            "--entity-types",
            "Company,University",
            "--document",
            f.aws_pasqal().document.id,
        ]
    )
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "partnersWith" in text
    assert "qkg:develops" not in text


def test_export_graphml_and_csv(data_dir: Path, tmp_path: Path) -> None:
    assert main(["export", "--format", "graphml", "--output", str(tmp_path / "g.graphml")]) == 0
    assert nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True).number_of_nodes() > 5
    assert main(["export", "--format", "csv", "--output", str(tmp_path / "g.zip")]) == 0
    assert "nodes.csv" in zipfile.ZipFile(tmp_path / "g.zip").namelist()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "csv"], "csv needs --output"),
        (["export", "--format", "nq", "--relation-types", "KNOWS"], "unknown value 'KNOWS'"),
        (["export", "--format", "nq", "--entity-types", "Company,Planet"], "unknown value 'Planet'"),
        (["export", "--format", "graphml", "--validate"], "--validate applies to RDF formats"),
        (["export", "--format", "xlsx"], "xlsx"),
    ],
)
def test_bad_arguments_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_unknown_document_is_a_one_line_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "nq", "--document", "f" * 64]) == 1
    err = capsys.readouterr().err
    assert err.startswith("qkg: error:")
    assert "f" * 64 in err


def test_stats(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["store"] == "embedded"
    assert stats["documents"] == 4
    assert main(["stats"]) == 0
    text = capsys.readouterr().out
    assert "documents:" in text
    assert "relations by type:" in text
