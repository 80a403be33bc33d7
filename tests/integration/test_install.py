"""Packaging: ``pip install .`` gives only the ``qkg.*`` namespace, and an editable install works.

The fresh environments get qkg's dependencies from the development environment through a
``.pth`` line (not the repository), so the test checks packaging, not PyPI.
"""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.install, pytest.mark.slow]

PROBE = """
import importlib.util, sys
import qkg.api, qkg.graph, qkg.loaders, qkg.schemas
from qkg.schemas import EntityType
assert EntityType.UNIVERSITY.value == "University"
bare = [m for m in ("api", "graph", "schemas", "loaders") if importlib.util.find_spec(m) is not None]
assert not bare, f"bare top-level modules importable: {bare}"
print(qkg.api.__file__)
"""


def _fresh_env(where: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(where)
    python = where / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib) / "qkg_test_deps.pth").write_text("\n".join(deps) + "\n")
    # the setuptools bundled with a new venv may predate our pyproject (PEP 639 licence):
    # drop it so the development environment's (>= 77) builds
    subprocess.run([python, "-m", "pip", "uninstall", "-q", "-y", "setuptools"], check=True)
    return python


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(REPO)],
        check=True,
    )  # fmt: skip
    (found,) = out.glob("qkg-*.whl")
    return found


def test_wheel_holds_only_the_qkg_namespace(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"qkg"}
    for package in ("api", "graph", "schemas", "loaders"):
        assert f"qkg/{package}/__init__.py" in names
        assert f"qkg/{package}/py.typed" in names
    assert "qkg/__init__.py" not in names, "qkg is a namespace package"
    assert "qkg/loaders/data/seed_daejeon.txt" in names, "the seed ships as package data"
    assert "qkg/api/static/explore/index.html" in names, "the built explorer ships in the wheel"
    assert "qkg/api/schema.graphql" in names
    assert "qkg/schemas/vocab.ttl" in names or not (REPO / "schemas" / "vocab.ttl").exists()


def test_pip_install_gives_qkg_and_no_bare_modules(wheel: Path, tmp_path: Path) -> None:
    python = _fresh_env(tmp_path / "env")
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    result = subprocess.run([python, "-c", PROBE], cwd=tmp_path, check=True, capture_output=True, text=True)
    assert "site-packages/qkg/api/__init__.py" in result.stdout
    version = subprocess.run(
        [tmp_path / "env" / "bin" / "qkg", "--version"], check=True, capture_output=True, text=True
    )
    assert version.stdout.startswith("qkg ")


def test_strict_editable_install_maps_the_source_folders(tmp_path: Path) -> None:
    python = _fresh_env(tmp_path / "env")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
         "--config-settings", "editable_mode=strict", "-e", str(REPO)],
        check=True, cwd=tmp_path,
    )  # fmt: skip
    result = subprocess.run([python, "-c", PROBE], cwd=tmp_path, check=True, capture_output=True, text=True)
    assert "qkg/api/__init__.py" in result.stdout
