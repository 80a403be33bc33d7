"""Every ``qkg`` command imports only what it runs (issue 14: start-up is paid by each command).

Each command runs in a fresh interpreter on a real embedded store; the test reads which
heavy libraries ended up in ``sys.modules``. No timing here: ``bench/cli_startup.py``
measures the seconds and megabytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qkg.graph.embedded import EmbeddedStore
from tests import factories as f

#: Libraries no store-reading command needs: graph analytics, the RDF mapping, the server.
HEAVY = ("networkx", "numpy", "scipy", "igraph", "rdflib", "strawberry", "fastapi", "uvicorn", "neo4j")

_CHILD = f"""
import json, sys
from qkg.api.cli import main
code = main(sys.argv[1:])
print(json.dumps({{"code": code, "loaded": sorted(m for m in {HEAVY!r} if m in sys.modules)}}))
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-imports") / "store"
    store = EmbeddedStore(folder)
    for d in f.corpus():
        store.upsert(d)
    store.close()
    return folder


def _run(data_dir: Path, *args: str, child: str = _CHILD) -> tuple[dict[str, object], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QKG_", "OTEL_"))}
    env["QKG_DATA_DIR"] = str(data_dir)
    done = subprocess.run(
        [sys.executable, "-c", child, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    *output, last = done.stdout.strip().splitlines()
    return json.loads(last), "\n".join(output)


def test_stats_counts_without_heavy_imports(data_dir: Path) -> None:
    result, out = _run(data_dir, "stats", "--json")
    assert result == {"code": 0, "loaded": []}
    stats = json.loads(out)
    assert stats["store"] == "embedded"
    assert stats["documents"] == len(f.corpus())


def test_documents_lists_without_heavy_imports(data_dir: Path) -> None:
    result, out = _run(data_dir, "documents", "--json")
    assert result == {"code": 0, "loaded": []}
    ids = sorted(json.loads(line)["id"] for line in out.splitlines())
    assert ids == sorted(d.document.id for d in f.corpus())


def test_help_lists_every_command_without_heavy_imports(data_dir: Path) -> None:
    result, out = _run(data_dir, "--help")
    assert result == {"code": 0, "loaded": []}
    for command in ("stats", "documents", "export", "load", "serve", "centrality", "sync"):
        assert command in out


@pytest.mark.parametrize(
    ("package", "heavy"),
    [
        ("qkg.schemas", ("pydantic", "rdflib")),
        ("qkg.graph", ("pyoxigraph", "networkx", "numpy", "rdflib")),
        ("qkg.loaders", ("qkg.loaders.extract", "rdflib", "networkx")),
        ("qkg.api", ("pydantic_settings", "fastapi", "strawberry")),
    ],
)
def test_packages_load_their_names_on_first_use(package: str, heavy: tuple[str, ...]) -> None:
    """Importing a package costs nothing heavy, and every public name still resolves."""
    code = f"""
import importlib, json, sys
pkg = importlib.import_module({package!r})
before = sorted(m for m in {heavy!r} if m in sys.modules)
missing = [n for n in pkg.__all__ if getattr(pkg, n, None) is None]
print(json.dumps({{"before": before, "missing": missing, "dir": sorted(set(pkg.__all__) - set(dir(pkg)))}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"before": [], "missing": [], "dir": []}


def test_loaders_extract_stays_the_function_after_its_module_loads() -> None:
    """``qkg.loaders.extract`` is the extraction function, as when the package imported eagerly."""
    code = """
import qkg.loaders.extract as via_submodule
from qkg.loaders import extract
from qkg.schemas import Document
kg = extract(Document.from_text("KAIST and Pasqal signed an MOU in Daejeon."))
print(callable(extract), extract is via_submodule, [a.kind.value for a in kg.agreements])
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "['MOU']"]


def test_loading_a_curated_csv_does_not_import_the_extraction_rules(tmp_path: Path) -> None:
    """A curated CSV (or JSON, or RDF) is loaded as it is: ``qkg load`` does not import the
    rule extractor, whose patterns cost about 1.5 s of CPU to compile; a text file given in
    the same command is still extracted."""
    csv = tmp_path / "partners.csv"
    csv.write_text(
        "source,source_type,type,target,target_type\n"
        "Brindle Qubits,Company,PARTNERS_WITH,Halvorsen Photonics,Company\n",
        encoding="utf-8",
    )
    text = tmp_path / "news.txt"
    text.write_text("Brindle Qubits and Halvorsen Photonics signed an MOU in Daejeon.", encoding="utf-8")
    code = """
import json, sys
from qkg.api.cli import main
code = main(["load", "--no-progress", *sys.argv[1:]])
print(json.dumps({"code": code, "rules": "qkg.loaders.extract" in sys.modules}))
"""
    for files, rules in (([csv], False), ([csv, text], True)):
        result, out = _run(tmp_path / f"store-{len(files)}", *map(str, files), child=code)
        assert result == {"code": 0, "rules": rules}
        assert f"loaded {len(files)} document(s)" in out
