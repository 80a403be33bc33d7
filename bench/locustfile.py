"""Locust users for the load test against ``qkg serve`` (run by :mod:`bench.loadtest`).

Each simulated analyst mixes five GraphQL questions (written in :mod:`bench.loadtest`) on
the synthetic ecosystem, named so that locust reports each on its own line:

- ``actor``: one actor by id with its first 10 relations;
- ``collaborators``: depth-2 collaborators with links and evidence (the API benchmark's query);
- ``paths``: up to 10 paths of at most 4 hops between two actors, with evidence;
- ``search``: actors, agreements and documents by a name;
- ``centrality``: the top 10 by PageRank or degree, in one of a few time windows.

The ids, pairs and names come from the JSON file in ``QKG_LOADTEST_SAMPLE`` (written by
:mod:`bench.loadtest`). A GraphQL answer with ``errors`` counts as a failure, as does any
status other than 200. Only ``127.0.0.1`` is accepted as the host.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.loadtest import ACTOR, CENTRALITY, CENTRALITY_ASKS, COLLAB, PATHS, SEARCH

_SAMPLE: dict[str, Any] = json.loads(Path(os.environ["QKG_LOADTEST_SAMPLE"]).read_text())


@events.test_start.add_listener
def _local_only(environment: Any, **_: Any) -> None:
    host = urlsplit(environment.host or "").hostname
    if host != "127.0.0.1":
        raise SystemExit(f"the load test runs against 127.0.0.1 only, not {host!r}")


class Analyst(HttpUser):
    """One analyst: a question every 0.5-1.5 s, weighted towards lookups."""

    wait_time = between(0.5, 1.5)

    def _ask(self, name: str, query: str, variables: dict[str, Any]) -> None:
        with self.client.post(
            "/graphql", json={"query": query, "variables": variables}, name=name, catch_response=True
        ) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}: {r.text[:200]}")
                return
            body = r.json()
            if body.get("errors"):
                r.failure(f"GraphQL errors: {json.dumps(body['errors'])[:200]}")
            elif not body.get("data"):
                r.failure("an answer without data")
            else:
                r.success()

    @task(4)
    def actor(self) -> None:
        self._ask("actor", ACTOR, {"id": random.choice(_SAMPLE["ids"])})

    @task(3)
    def collaborators(self) -> None:
        self._ask("collaborators", COLLAB, {"id": random.choice(_SAMPLE["ids"])})

    @task(2)
    def paths(self) -> None:
        source, target = random.choice(_SAMPLE["pairs"])
        self._ask("paths", PATHS, {"from": source, "to": target})

    @task(3)
    def search(self) -> None:
        self._ask("search", SEARCH, {"text": random.choice(_SAMPLE["names"])})

    @task(1)
    def centrality(self) -> None:
        metric, since, until = random.choice(CENTRALITY_ASKS)
        self._ask("centrality", CENTRALITY, {"metric": metric, "from": since, "to": until})
