"""Issue 13, odd request bodies: a lone surrogate or variables nested 5,000 deep are the
client's mistake: HTTP 400 naming the problem and one request-log line, never a 500 with a
traceback in the log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from qkg.graph.store import GraphStore

from .conftest import Serve


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def every_log_record() -> Iterator[list[logging.LogRecord]]:
    """What the root logger and uvicorn's (which does not propagate) receive, INFO and up."""
    handler = _Records()
    loggers = [logging.getLogger(), logging.getLogger("uvicorn"), logging.getLogger("qkg")]
    handled = loggers[:2]  # qkg's records reach the root's handler
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.INFO)
    for lg in handled:
        lg.addHandler(handler)
    try:
        yield handler.records
    finally:
        for lg in handled:
            lg.removeHandler(handler)
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


STATS = '"{ stats { documents } }"'
SEARCH = '"query($t: String!) { search(text: $t) { score } }"'


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('{"query": ' + STATS + ', "variables": {"a": "\\ud800"}}', "lone utf-16 surrogate"),
        ('{"query": ' + SEARCH + ', "variables": {"t": "KAIST \\udc00"}}', "lone utf-16 surrogate"),
        (
            '{"query": ' + STATS + ', "variables": {"a": ' + "[" * 5000 + "]" * 5000 + "}}",
            "nests deeper than 1,024 levels",
        ),
        (
            '{"query": ' + SEARCH + ', "variables": {"t": ' + '{"x": ' * 5000 + "1" + "}" * 5000 + "}}",
            "nests deeper than 1,024 levels",
        ),
    ],
    ids=["surrogate", "surrogate-in-used-variable", "deep-list", "deep-object"],
)
def test_a_bad_body_is_a_400_with_one_log_line(
    memory: GraphStore, serve: Serve, body: str, reason: str
) -> None:
    with serve(memory) as api, every_log_record() as records:
        r = api.http.post(api.url, content=body.encode(), headers={"content-type": "application/json"})
        assert r.status_code == 400, r.text
        assert "Unable to parse request body as JSON" in r.text
        assert reason in r.text.lower()
        # the server still answers
        assert api("{ stats { documents } }")["stats"]["documents"] == 2
    bad = [rec for rec in records if vars(rec).get("status") == 400]
    assert len(bad) == 1, [rec.getMessage() for rec in records]
    assert not [rec for rec in records if rec.exc_info or rec.levelno >= logging.ERROR]


def test_deep_variables_within_the_json_depth_are_executed_not_cached(
    memory: GraphStore, serve: Serve
) -> None:
    """1,000 levels parse as JSON but are past what the cache key encodes: the request runs."""
    deep = "[" * 1000 + "]" * 1000
    body = '{"query": ' + SEARCH + ', "variables": {"t": "KAIST", "unused": ' + deep + "}}"
    with serve(memory) as api, every_log_record() as records:
        r = api.http.post(api.url, content=body.encode(), headers={"content-type": "application/json"})
        assert r.status_code == 200, r.text
        assert r.json()["data"]["search"]
    assert not [rec for rec in records if rec.exc_info or rec.levelno >= logging.ERROR]


def test_a_surrogate_in_a_get_request_is_a_400(memory: GraphStore, serve: Serve) -> None:
    with serve(memory) as api:
        r = api.http.get(
            api.url, params={"query": "{ stats { documents } }", "variables": '{"a": "\\ud800"}'}
        )
        assert r.status_code == 400
        assert "lone utf-16 surrogate" in r.text.lower()
