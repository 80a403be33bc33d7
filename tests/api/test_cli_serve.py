"""``qkg demo`` and ``qkg serve`` as a user runs them: a subprocess on a free port over the
embedded store, queried over HTTP; the README's example queries answer from the seed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .server import free_port


def _start(args: list[str], data: Path) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    env = {**os.environ, "QKG_DATA_DIR": str(data), "QKG_PORT": str(port), "QKG_STORE": "embedded"}
    env.pop("QKG_API_KEYS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "qkg.api.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _, err = proc.communicate()
            raise AssertionError(f"qkg {args} exited with {proc.returncode}: {err}")
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    proc.communicate()
    raise AssertionError("qkg did not become healthy within 60 s")


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    proc, base = _start(["demo"], tmp_path_factory.mktemp("demo"))
    try:
        yield base
    finally:
        err = _stop(proc)
        assert "seed document" in err


def gql(base: str, query: str) -> dict[str, object]:
    r = httpx.post(base + "/graphql", json={"query": query}, timeout=30)
    assert r.status_code == 200, r.text
    body = r.json()
    assert "errors" not in body, body
    data: dict[str, object] = body["data"]
    return data


def test_demo_serves_the_seed(demo: str) -> None:
    health = httpx.get(demo + "/health").json()
    assert health["status"] == "ok"
    assert health["store"]["kind"] == "embedded"
    stats = gql(demo, "{ stats { documents entities agreements } }")["stats"]
    assert stats["documents"] == 1  # type: ignore[index]
    assert stats["entities"] >= 10  # type: ignore[index,operator]


def test_readme_queries_answer_from_the_seed(demo: str) -> None:
    from .readme_queries import EXPECTED, QUERIES

    for name, query in QUERIES.items():
        r = httpx.post(demo + "/graphql", json={"query": query}, timeout=30)
        assert r.json() == EXPECTED[name], name


def test_serve_on_an_empty_store_and_a_second_process_is_refused(tmp_path: Path) -> None:
    proc, base = _start(["serve"], tmp_path)
    try:
        assert gql(base, "{ stats { documents } }") == {"stats": {"documents": 0}}
        env = {**os.environ, "QKG_DATA_DIR": str(tmp_path), "QKG_PORT": str(free_port())}
        second = subprocess.run(
            [sys.executable, "-m", "qkg.api.cli", "serve"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode != 0
        assert second.stderr.startswith("qkg: ")
        assert len(second.stderr.strip().splitlines()) == 1
    finally:
        _stop(proc)
