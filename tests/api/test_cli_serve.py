"""``qkg demo`` and ``qkg serve`` as a user runs them: a subprocess on a free port over the
embedded store, queried over HTTP; the README's example queries answer from the seed."""

from __future__ import annotations

import json
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


def _start(args: list[str], data: Path, **extra_env: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    env = {
        **os.environ,
        "QKG_DATA_DIR": str(data),
        "QKG_PORT": str(port),
        "QKG_STORE": "embedded",
        **extra_env,
    }
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
    return _stop_with_output(proc)[1]


def _stop_with_output(proc: subprocess.Popen[str]) -> tuple[str, str]:
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return out, err


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


def test_serve_as_an_operator_runs_it(tmp_path: Path) -> None:
    """Metrics on, JSON logs, traces to the console: what ``curl /metrics`` shows after a named
    query, the request's JSON log line with its id, and its spans when the server stops."""
    proc, base = _start(
        ["serve"], tmp_path, QKG_METRICS="true", QKG_LOG_FORMAT="json", OTEL_TRACES_EXPORTER="console"
    )
    try:
        r = httpx.post(
            base + "/graphql",
            json={"query": "query Census { stats { documents } }"},
            headers={"X-Request-ID": "op-1"},
        )
        assert r.json() == {"data": {"stats": {"documents": 0}}}
        metrics = httpx.get(base + "/metrics").text
        assert 'qkg_graphql_requests_total{operation="Census",outcome="ok"} 1.0' in metrics.splitlines()
    finally:
        out, err = _stop_with_output(proc)
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    (request,) = [line for line in lines if line["logger"] == "qkg.request" and line["path"] == "/graphql"]
    assert (request["request_id"], request["operation"], request["outcome"]) == ("op-1", "Census", "ok")
    assert request["duration_ms"] > 0
    assert '"name": "GraphQL Query: Census"' in out
    assert '"name": "qkg.store.stats"' in out


def _refused(port: int) -> bool:
    """True once nothing accepts connections on ``port`` any more."""
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except ConnectionRefusedError:
        return True
    return False


def test_sigterm_finishes_the_request_in_flight_then_exits_0(tmp_path: Path) -> None:
    """What an orchestrator relies on when it stops a container: on SIGTERM the server stops
    accepting connections, still answers the request it is receiving with 200, then closes
    the store, flushes its traces and exits 0 within a bound (before the fix: killed by the
    signal uvicorn re-raises, exit -15, the store left open and the spans lost)."""
    proc, base = _start(["serve"], tmp_path, OTEL_TRACES_EXPORTER="console")
    port = int(base.rsplit(":", 1)[1])
    query = json.dumps({"query": "query InFlight { stats { documents } }"}).encode()
    stopping: dict[str, float] = {}

    def slow_body() -> Iterator[bytes]:
        yield query[:10]
        time.sleep(0.5)  # the server holds the request line, the headers and part of the body
        proc.send_signal(signal.SIGTERM)
        stopping["sent"] = time.monotonic()
        deadline = stopping["sent"] + 20
        while not _refused(port):
            assert time.monotonic() < deadline, "still accepting connections 20 s after SIGTERM"
            time.sleep(0.1)
        stopping["refusing"] = time.monotonic()
        yield query[10:]

    try:
        r = httpx.post(
            base + "/graphql", content=slow_body(), headers={"Content-Type": "application/json"}, timeout=60
        )
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    exited = time.monotonic()
    assert "refusing" in stopping, "the request ended before SIGTERM was sent"
    assert r.status_code == 200, r.text
    assert r.json() == {"data": {"stats": {"documents": 0}}}
    assert proc.returncode == 0, err
    assert exited - stopping["sent"] < 30, "the server took more than 30 s to stop"
    assert "Traceback" not in err, err
    assert '"name": "GraphQL Query: InFlight"' in out  # traces flushed after the store closed
