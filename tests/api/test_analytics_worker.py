"""Analytics over HTTP never stall the server (issue 13): worker processes, a deadline,
one computation for identical concurrent requests, and a smaller exact limit for anonymous
callers than for API-key holders.

The graph is dense on purpose: 30 consortia of 80 companies each make about 94,000
co-party links among 1,670 actors, so exact betweenness or closeness takes seconds of
igraph time (with the interpreter lock held), while the store holds one document.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from qkg.graph.embedded import EmbeddedStore
from qkg.schemas import AgreementKind, EntityType, KnowledgeGraph
from tests.factories import agreement, delta, document, entity

from .conftest import Serve

pytestmark = pytest.mark.slow

KEY = "analytics-test-key"


def _dense(actors: int = 3000, consortia: int = 30, size: int = 80, seed: int = 0) -> KnowledgeGraph:
    rng = random.Random(seed)
    sentences = [f"Consortium number {i} gathers its members." for i in range(consortia)]
    doc = document(" ".join(sentences), published="2024-01-01")
    ents = [entity(f"Dense Company {i:05d}", EntityType.COMPANY, "KR") for i in range(actors)]
    ags = [
        agreement(AgreementKind.CONSORTIUM, sorted(e.id for e in rng.sample(ents, size)), doc, s)
        for s in sentences
    ]
    return delta(doc, ents, (), ags)


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(Path(tmp_path_factory.mktemp("dense")) / "store")
    store.upsert(_dense())
    try:
        yield store
    finally:
        store.close()


def _metric(text: str, name: str, **labels: str) -> float | None:
    """The value of one Prometheus sample, or None when absent."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        m = re.fullmatch(rf"{re.escape(name)}\{{(.*)\}} (\S+)", line)
        if m and ",".join(sorted(m[1].split(","))) == wanted:
            return float(m[2])
    return None


def _query(metric: str) -> str:
    return f"{{ centrality(metric: {metric}, top: 3) {{ rank score actor {{ id }} }} }}"


def test_health_answers_while_a_long_analytics_request_runs(dense: EmbeddedStore, serve: Serve) -> None:
    with serve(dense, response_cache_size=0, metrics=True) as client:
        finished: dict[str, Any] = {}

        def analytics() -> None:
            finished["answer"] = client.post(_query("BETWEENNESS"))
            finished["at"] = time.monotonic()

        worker = threading.Thread(target=analytics)
        worker.start()
        # Wait until the store has handed over the links (the projection is built and the
        # measure about to run), then ask for /health again and again until the answer.
        with httpx.Client(base_url=client.base, timeout=120) as http:
            while worker.is_alive():
                text = http.get("/metrics").text
                if any(
                    _metric(text, "qkg_store_call_duration_seconds_count", method=m)
                    for m in ("links", "to_networkx")
                ):
                    break
                time.sleep(0.02)
            ready = time.monotonic()
            waits = []
            while worker.is_alive():
                asked = time.monotonic()
                assert http.get("/health").status_code == 200
                waits.append(time.monotonic() - asked)
                time.sleep(0.05)
        worker.join()
    assert finished["answer"].status_code == 200
    assert "errors" not in finished["answer"].json()
    computing = finished["at"] - ready
    assert computing > 0.5, "the analytics request was too fast to say anything"
    assert len(waits) >= 3
    # A generous bound: with igraph holding the interpreter lock in the server's own
    # process, one /health waited for the whole measure, about half of this time.
    assert max(waits) < computing / 8, (max(waits), computing)


def test_identical_concurrent_requests_share_one_computation(dense: EmbeddedStore, serve: Serve) -> None:
    with serve(dense, response_cache_size=0, metrics=True) as client:
        answers: list[Any] = [None, None]

        def ask(i: int) -> None:
            with httpx.Client(timeout=120) as http:
                answers[i] = http.post(client.url, json={"query": _query("CLOSENESS")}).json()

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        text = client.http.get(client.base + "/metrics").text
    assert answers[0] == answers[1]
    assert "errors" not in answers[0]
    assert len(answers[0]["data"]["centrality"]) == 3
    labels = {"analysis": "centrality", "measure": "closeness"}
    assert _metric(text, "qkg_analytics_duration_seconds_count", **labels) == 2.0  # two requests
    assert _metric(text, "qkg_analytics_computations_total", **labels) == 1.0  # one computation


def test_a_computation_past_the_deadline_is_stopped_with_a_limit_error(
    dense: EmbeddedStore, serve: Serve
) -> None:
    with serve(dense, response_cache_size=0, analytics_timeout=0.5) as client:
        started = time.monotonic()
        messages = client.errors(_query("HARMONIC"))
        took = time.monotonic() - started
        assert messages == [
            "the computation took longer than the 0.5 s limit and was stopped: narrow the projection "
            "(entity types, time window) or ask for a cheaper measure"
        ]
        assert took < 60
        assert client.http.get(client.base + "/health").status_code == 200
        assert client("{ centrality(metric: DEGREE, top: 1) { rank } }")["centrality"] == [{"rank": 1}]


def test_anonymous_callers_have_a_smaller_exact_limit_than_key_holders(
    dense: EmbeddedStore, serve: Serve
) -> None:
    settings = {"response_cache_size": 0, "api_keys": KEY, "analytics_exact_nodes_anonymous": 1000}
    with serve(dense, **settings) as client:
        query = "{ centrality(metric: CLOSENESS, top: 2) { rank actor { id } } }"
        actors = len({p for a in _dense().agreements for p in a.parties})
        assert client.errors(query) == [
            f"closeness on {actors} actors is above the exact limit of 1000: narrow the projection "
            "(entity types, time window) or raise the limit"
        ]
        keyed = client(query, headers={"X-API-Key": KEY})["centrality"]
        assert [row["rank"] for row in keyed] == [1, 2]
        # an actor's own score obeys the same limits as the ranking
        actor = keyed[0]["actor"]["id"]
        own = f'{{ actor(id: "{actor}") {{ ... on Actor {{ centrality(metric: CLOSENESS) }} }} }}'
        assert "above the exact limit of 1000" in client.errors(own)[0]
        assert client(own, headers={"X-API-Key": KEY})["actor"]["centrality"] > 0
        # Betweenness above the anonymous limit is sampled, not refused.
        assert len(client("{ centrality(metric: BETWEENNESS, top: 2) { rank } }")["centrality"]) == 2
