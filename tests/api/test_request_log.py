"""The request log over real HTTP: one line per request with its id, duration, operation,
outcome and client; ids taken from ``X-Request-ID`` or made and returned; never the query
text or its variables; the JSON format parses; a mounted router logs its own requests."""

from __future__ import annotations

import io
import json
import logging

import httpx
import pytest
from fastapi import FastAPI

from qkg.api import graphql_router
from qkg.api.cli import main
from qkg.api.logs import REQUEST_ID, JsonFormatter, TextFormatter
from qkg.graph.store import GraphStore
from qkg.schemas import Stats

from .conftest import Serve
from .counting import CountingStore
from .server import serving

KAIST = "query KaistPartners($name: String!) { actor(name: $name) { ... on Actor { name } } }"


def request_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "qkg.request"]


def test_a_request_line_carries_its_id_and_duration(
    memory: GraphStore, serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="qkg")
    with serve(memory) as api:
        r = api.post(KAIST, {"name": "KAIST"}, headers={"X-Request-ID": "req-42.a:b"})
        assert r.status_code == 200
        assert r.headers["x-request-id"] == "req-42.a:b"
    (line,) = request_lines(caplog)
    assert line.levelno == logging.INFO
    assert vars(line)["request_id"] == "req-42.a:b"
    assert vars(line)["duration_ms"] > 0
    assert vars(line)["operation"] == "KaistPartners"
    assert vars(line)["outcome"] == "ok"
    assert vars(line)["status"] == 200
    assert vars(line)["client"] == "127.0.0.1"
    assert (vars(line)["method"], vars(line)["path"]) == ("POST", "/graphql")
    message = line.getMessage()
    assert message.startswith("POST /graphql 200 op=KaistPartners outcome=ok ")
    assert message.endswith(" ms client=127.0.0.1 id=req-42.a:b")


@pytest.mark.parametrize("given", [None, "has space", "x" * 129, "line\tbreak"])
def test_an_id_is_made_when_none_or_an_unsafe_one_is_given(
    memory: GraphStore, serve: Serve, caplog: pytest.LogCaptureFixture, given: str | None
) -> None:
    caplog.set_level(logging.INFO, logger="qkg")
    headers = {} if given is None else {"X-Request-ID": given}
    with serve(memory) as api:
        first = api.post("{ stats { documents } }", headers=headers).headers["x-request-id"]
        second = api.post("{ stats { documents } }", headers=headers).headers["x-request-id"]
    assert len(first) == 32
    int(first, 16)
    assert first != second
    assert [vars(r)["request_id"] for r in request_lines(caplog)] == [first, second]


def test_every_path_gets_an_id_and_probes_log_at_debug(
    memory: GraphStore, serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="qkg")
    with serve(memory, max_body_bytes=2048) as api:
        health = httpx.get(api.base + "/health")
        refused = api.post("{ stats { documents } }" + " " * 4096)
    assert len(health.headers["x-request-id"]) == 32
    assert refused.status_code == 413
    assert len(refused.headers["x-request-id"]) == 32
    probe, big = request_lines(caplog)
    assert (probe.levelno, vars(probe)["path"], vars(probe)["outcome"]) == (logging.DEBUG, "/health", "ok")
    assert (big.levelno, vars(big)["status"], vars(big)["outcome"], vars(big)["operation"]) == (
        logging.INFO,
        413,
        "limit",
        "-",
    )


def test_no_query_text_or_variables_at_info(
    memory: GraphStore, serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.INFO, logger="qkg")
    with serve(memory) as api:
        api.post('query Q($v: String!) { actor(name: $v) { __typename } search(text: "QueryMarker") { score } }',
                 {"v": "VariableMarker"})  # fmt: skip
        api.post("{ stats { nope_QueryMarker } }")
    assert len(request_lines(caplog)) == 2
    assert "Marker" not in caplog.text
    for record in caplog.records:
        assert "Marker" not in json.dumps(vars(record), default=str)


class _Broken(CountingStore):
    def stats(self) -> Stats:
        raise RuntimeError("secret internals")


def test_json_lines_parse_and_an_error_line_carries_the_request_id(memory: GraphStore, serve: Serve) -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter())
    qkg_logger = logging.getLogger("qkg")
    qkg_logger.addHandler(handler)
    level = qkg_logger.level
    qkg_logger.setLevel(logging.INFO)
    try:
        with serve(_Broken(memory)) as api:
            r = api.post("query Stats { stats { documents } }")
    finally:
        qkg_logger.removeHandler(handler)
        qkg_logger.setLevel(level)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    rid = r.headers["x-request-id"]
    error = next(line for line in lines if line["logger"] == "qkg.api")
    request = next(line for line in lines if line["logger"] == "qkg.request")
    assert error["level"] == "error"
    assert error["request_id"] == rid
    assert "RuntimeError: secret internals" in error["exception"]
    assert request["request_id"] == rid
    assert request["operation"] == "Stats"
    assert request["outcome"] == "unexpected"
    assert request["duration_ms"] > 0
    assert set(request) >= {"time", "level", "logger", "message", "method", "path", "status", "client"}


def test_text_lines_name_the_request_they_belong_to() -> None:
    record = logging.LogRecord("qkg.api", logging.ERROR, __file__, 1, "boom %s", ("x",), None)
    token = REQUEST_ID.set("abc")
    try:
        line = TextFormatter().format(record)
    finally:
        REQUEST_ID.reset(token)
    assert line.endswith(" ERROR qkg.api: boom x [abc]")
    assert TextFormatter().format(record).endswith("boom x")


def test_a_mounted_router_logs_and_returns_ids_itself(
    memory: GraphStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="qkg")
    app = FastAPI()
    app.include_router(graphql_router(memory), prefix="/kg")
    with serving(app) as base:
        ok = httpx.post(base + "/kg/graphql", json={"query": "query S { stats { documents } }"},
                        headers={"X-Request-ID": "mine"})  # fmt: skip
        bad = httpx.post(
            base + "/kg/graphql", content=b"{not json", headers={"content-type": "application/json"}
        )
    assert ok.headers["x-request-id"] == "mine"
    assert bad.status_code == 400
    assert len(bad.headers["x-request-id"]) == 32
    first, second = request_lines(caplog)
    assert (vars(first)["request_id"], vars(first)["path"], vars(first)["operation"]) == (
        "mine",
        "/kg/graphql",
        "S",
    )
    assert (vars(second)["status"], vars(second)["outcome"]) == (400, "validation_error")


def test_a_bad_log_format_is_refused_at_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QKG_LOG_FORMAT", "yaml")
    assert main(["schema"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("qkg: configuration error: QKG_LOG_FORMAT:")
    assert len(err.strip().splitlines()) == 1
