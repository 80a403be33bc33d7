"""Issue 13, request deadline: a GraphQL request past ``QKG_REQUEST_TIMEOUT`` is answered with
a readable limit error (``extensions.code`` ``REQUEST_TIMEOUT``, HTTP 200 like every other
limit error of a well-formed request), the server keeps answering, and the worker thread
stops at its next field instead of finishing an answer nobody reads."""

from __future__ import annotations

import time

import httpx

from qkg.api.settings import Settings
from qkg.graph.store import GraphStore
from qkg.schemas import Stats

from .conftest import Serve
from .counting import CountingStore

TIMEOUT_CODE = "REQUEST_TIMEOUT"  # part of the API: clients may retry on it


class _Slow(CountingStore):
    """``stats`` takes ``delay`` seconds (a store call stuck on a slow disk or network)."""

    delay = 0.6

    def stats(self) -> Stats:
        self.calls["stats"] += 1
        time.sleep(self.delay)
        return self.inner.stats()


def test_the_default_deadline_is_thirty_seconds() -> None:
    assert Settings().request_timeout == 30


def test_a_slow_request_gets_a_timeout_error(memory: GraphStore, serve: Serve) -> None:
    slow = _Slow(memory)
    with serve(slow, request_timeout=0.2, response_cache_size=0) as api:
        r = api.post("{ stats { documents } }")
        assert r.status_code == 200
        (error,) = r.json()["errors"]
        assert r.json()["data"] is None
        assert error["extensions"]["code"] == TIMEOUT_CODE
        assert "request time limit of 0.2 s (QKG_REQUEST_TIMEOUT)" in error["message"]
        # other requests are served meanwhile and after
        health = httpx.get(api.base + "/health")
        assert health.status_code == 200
        assert api("{ actors { totalCount } }")["actors"]["totalCount"] == 6


def test_the_worker_stops_at_its_next_field(memory: GraphStore, serve: Serve) -> None:
    slow = _Slow(memory)
    three = "{ a: stats { documents } b: stats { documents } c: stats { documents } }"
    with serve(slow, request_timeout=0.2, response_cache_size=0) as api:
        (error,) = api.post(three).json()["errors"]
        assert error["extensions"]["code"] == TIMEOUT_CODE
        time.sleep(3 * slow.delay + 0.5)  # time for the worker to run all three, had it gone on
    assert slow.calls["stats"] == 1


def test_a_request_within_the_deadline_is_answered(memory: GraphStore, serve: Serve) -> None:
    slow = _Slow(memory)
    with serve(slow, request_timeout=5, response_cache_size=0) as api:
        assert api("{ stats { documents } }")["stats"]["documents"] == 2
