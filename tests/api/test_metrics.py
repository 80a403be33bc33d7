"""Prometheus metrics over real HTTP: ``/metrics`` counts each operation by name and outcome,
the answer cache, store calls, analytics and ingested documents; an embedding app gets them
through its own registry; label values stay bounded."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import CollectorRegistry, make_asgi_app

from qkg.api import graphql_router
from qkg.api.app import create_app
from qkg.api.metrics import Metrics
from qkg.api.settings import Settings, load_settings
from qkg.api.telemetry import InstrumentedStore, Telemetry, operation_name
from qkg.graph.store import OPTIONAL_PROTOCOLS, CollaboratorWalker, GraphStore, LinkReader
from qkg.schemas import ConfigurationError, Stats

from .conftest import Serve
from .counting import CountingStore
from .graphs import ring
from .server import free_port, serving

KAIST = 'query KaistPartners { actor(name: "KAIST") { ... on Actor { name relations { totalCount } } } }'


def sample(text: str, name: str, **labels: str) -> float | None:
    """The value of one sample in Prometheus text format, or None when it is absent."""
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith("#") or " " not in line:
            continue
        key, value = line.rsplit(" ", 1)
        series, _, rest = key.partition("{")
        got = ",".join(sorted(p for p in rest.rstrip("}").split(",") if p))
        if series == name and got == want:
            return float(value)
    return None


def query(base: str, path: str, text: str) -> httpx.Response:
    r = httpx.post(base + path, json={"query": text})
    assert r.status_code == 200, r.text
    assert "errors" not in r.json()
    return r


def scrape(base: str, path: str = "/metrics") -> str:
    r = httpx.get(base + path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    return r.text


def test_a_named_query_is_counted(memory: GraphStore, serve: Serve) -> None:
    with serve(memory, metrics=True) as api:
        assert api(KAIST)["actor"]["name"] == "KAIST"
        assert api(KAIST)["actor"]["name"] == "KAIST"  # the answer cache serves the repeat
        text = scrape(api.base)
    assert sample(text, "qkg_graphql_requests_total", operation="KaistPartners", outcome="ok") == 2
    assert sample(text, "qkg_graphql_request_duration_seconds_count", operation="KaistPartners") == 2
    assert sample(text, "qkg_answer_cache_hits_total") == 1
    assert sample(text, "qkg_answer_cache_misses_total") == 1
    # the first request looked the actor up and loaded its relations; the repeat only read the version
    assert sample(text, "qkg_store_call_duration_seconds_count", method="find_entities") == 1
    assert sample(text, "qkg_store_call_duration_seconds_count", method="relations_of") == 1
    assert sample(text, "qkg_store_call_duration_seconds_count", method="version") == 2
    assert sample(text, "qkg_store_call_errors_total", method="find_entities") == 0
    assert re.search(r'^qkg_build_info\{version="[^"]+"\} 1\.0$', text, re.M)
    assert sample(text, "process_cpu_seconds_total") is not None


COLLABORATORS = """query($id: ID!) { actor(id: $id) { ... on Actor {
  collaborators(depth: 2, first: 20) { distance actor { id } links(first: 5) { source { id } } } } } }"""
PATH = """query($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 4, first: 1) {
  ... on Paths { paths { length nodes { id } hops { evidence { sentence } } } } } }"""


def test_with_metrics_on_each_store_keeps_its_own_fast_paths(store: GraphStore, serve: Serve) -> None:
    """The instrumented store has exactly the optional protocols of the store it wraps, each
    timed as one call: Neo4j answers a depth-2 collaborator walk in one ``collaborator_walk``
    and a path's hops with their actors in one ``relations_and_entities`` with metrics on as
    with them off; the embedded store, which has neither, is walked step by step as before.
    The answers are those given with metrics off."""
    graph = ring(12)
    store.upsert(graph)
    wrapped = InstrumentedStore(store, Telemetry())
    for protocol in OPTIONAL_PROTOCOLS:
        assert isinstance(wrapped, protocol) == isinstance(store, protocol), protocol
    ids = [e.id for e in graph.entities]
    asks = [(COLLABORATORS, {"id": ids[0]}), (PATH, {"from": ids[0], "to": ids[4]})]
    with (
        serve(store, response_cache_size=0) as plain,
        serve(store, metrics=True, response_cache_size=0) as timed,
    ):
        for text, variables in asks:
            assert timed(text, variables) == plain(text, variables)
        scraped = scrape(timed.base)

    def calls(method: str) -> float:
        return sample(scraped, "qkg_store_call_duration_seconds_count", method=method) or 0

    walker = isinstance(store, CollaboratorWalker)
    assert calls("collaborator_walk") == (1 if walker else 0)
    assert (calls("steps_within") + calls("steps") == 0) == walker
    linker = isinstance(store, LinkReader)
    assert calls("relations_and_entities") == (1 if linker else 0)
    assert (calls("relations_by_key") == 0) == linker
    assert store.kind == "embedded" or (walker and linker)


class _Broken(CountingStore):
    def stats(self) -> Stats:
        raise RuntimeError("secret internals")


DEEP = '{ actor(name: "KAIST") { ... on Actor { relations { nodes { counterpart { relations { nodes { counterpart { name } } } } } } } } }'


@pytest.mark.parametrize(
    ("query", "operation", "outcome"),
    [
        ("query Fine { stats { documents } }", "Fine", "ok"),
        ("{ stats { documents } }", "anonymous", "ok"),
        ("query Typo { stats { nope } }", "Typo", "validation_error"),
        ("query Broken { stats { documents", "Broken", "validation_error"),  # a parse error
        (DEEP.replace("{ actor", "query TooDeep { actor", 1), "TooDeep", "limit"),
        (
            "query Aliases { a: stats { documents } b: stats { documents } c: stats { documents } }",
            "Aliases",
            "limit",
        ),
        ('query Far { paths(from: "KAIST", to: "Daejeon", maxHops: 9) { __typename } }', "Far", "limit"),
        ('mutation Drop { removeDocument(id: "x") { __typename } }', "Drop", "unauthorized"),
    ],
)
def test_outcomes(memory: GraphStore, serve: Serve, query: str, operation: str, outcome: str) -> None:
    with serve(memory, metrics=True, max_query_depth=4, max_aliases=2) as api:
        api.post(query)
        text = scrape(api.base)
    assert sample(text, "qkg_graphql_requests_total", operation=operation, outcome=outcome) == 1
    assert sum(float(x) for x in re.findall(r"^qkg_graphql_requests_total\{.*\} (\S+)$", text, re.M)) == 1


def test_an_unknown_operation_name_is_a_400_counted_as_the_clients_mistake(
    memory: GraphStore, serve: Serve
) -> None:
    with serve(memory, metrics=True) as api:
        r = api.http.post(
            api.url, json={"query": "query One { stats { documents } }", "operationName": "Two"}
        )
        assert r.status_code == 400
        text = scrape(api.base)
    assert sample(text, "qkg_graphql_requests_total", operation="Two", outcome="validation_error") == 1


def test_unexpected_errors_and_refused_bodies(memory: GraphStore, serve: Serve) -> None:
    with serve(_Broken(memory), metrics=True, max_body_bytes=2048) as api:
        assert api.errors("query Stats { stats { documents } }") == ["Unexpected error."]
        assert api.post("{ stats { documents } }" + " " * 4096).status_code == 413
        text = scrape(api.base)
    assert sample(text, "qkg_graphql_requests_total", operation="Stats", outcome="unexpected") == 1
    # refused before the router read the body: no operation name is known
    assert sample(text, "qkg_graphql_requests_total", operation="unknown", outcome="limit") == 1


def test_wrong_api_key_and_ingested_documents(memory: GraphStore, serve: Serve) -> None:
    ingest = "mutation Add($t: String!) { ingestDocument(text: $t) { __typename } }"
    with serve(memory, metrics=True, api_keys="k1") as api:
        assert api(ingest, {"t": "KAIST and Pasqal signed an MOU."}, headers={"x-api-key": "nope"}) == {
            "ingestDocument": {"__typename": "Unauthorized"}
        }
        for text in ("KAIST and Pasqal signed an MOU.", "KAIST and Pasqal signed an MOU.", "   "):
            api(ingest, {"t": text}, headers={"x-api-key": "k1"})
        metrics = scrape(api.base)
    assert sample(metrics, "qkg_graphql_requests_total", operation="Add", outcome="unauthorized") == 1
    assert sample(metrics, "qkg_graphql_requests_total", operation="Add", outcome="ok") == 3
    assert sample(metrics, "qkg_documents_ingested_total", outcome="loaded") == 1
    assert sample(metrics, "qkg_documents_ingested_total", outcome="unchanged") == 1
    assert sample(metrics, "qkg_documents_ingested_total", outcome="rejected") == 1
    assert sample(metrics, "qkg_store_call_duration_seconds_count", method="upsert") == 2


def test_analytics_are_timed(memory: GraphStore, serve: Serve) -> None:
    with serve(memory, metrics=True) as api:
        api("{ centrality(metric: BETWEENNESS, top: 3) { score } communities { size } }")
        text = scrape(api.base)
    assert (
        sample(text, "qkg_analytics_duration_seconds_count", analysis="centrality", measure="betweenness")
        == 1
    )
    assert (
        sample(text, "qkg_analytics_duration_seconds_count", analysis="communities", measure="louvain") == 1
    )
    # One read of the links serves both analyses (the projection is cached per graph version).
    assert sample(text, "qkg_store_call_duration_seconds_count", method="links") == 1
    assert sample(text, "qkg_store_call_duration_seconds_count", method="to_networkx") is None
    assert sample(text, "qkg_analytics_computations_total", analysis="centrality", measure="betweenness") == 1


def test_off_by_default(memory: GraphStore, serve: Serve) -> None:
    with serve(memory) as api:
        api(KAIST)
        assert httpx.get(api.base + "/metrics").status_code == 404


def test_on_a_port_of_their_own(memory: GraphStore) -> None:
    port = free_port()
    app = create_app(Settings(metrics_port=port), store=memory, extras=[])
    with serving(app) as base:
        query(base, "/graphql", KAIST)
        assert httpx.get(base + "/metrics").status_code == 404
        text = scrape(f"http://127.0.0.1:{port}")
    assert sample(text, "qkg_graphql_requests_total", operation="KaistPartners", outcome="ok") == 1
    with pytest.raises(httpx.TransportError):  # stopped with the app
        httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2)


def test_an_embedding_app_exports_them_through_its_registry(memory: GraphStore) -> None:
    registry = CollectorRegistry()
    app = FastAPI()
    app.include_router(graphql_router(memory, registry=registry), prefix="/kg")
    app.include_router(graphql_router(memory, registry=registry), prefix="/kg2")  # shares the metrics
    app.mount("/metrics", make_asgi_app(registry))
    with serving(app) as base:
        query(base, "/kg/graphql", KAIST)
        query(base, "/kg2/graphql", KAIST)
        text = scrape(base, "/metrics/")
    assert sample(text, "qkg_graphql_requests_total", operation="KaistPartners", outcome="ok") == 2
    assert "process_cpu_seconds_total" not in text  # only what the app registered


def test_the_metrics_port_must_not_be_the_api_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QKG_PORT", "8123")
    monkeypatch.setenv("QKG_METRICS_PORT", "8123")
    with pytest.raises(ConfigurationError, match="QKG_METRICS_PORT"):
        load_settings()


def test_operation_labels_are_bounded() -> None:
    m = Metrics(CollectorRegistry(), max_operations=2)
    assert [m.operation_label(n) for n in ("A", "B", "C", "A", "", None)] == [
        "A",
        "B",
        "other",
        "A",
        "anonymous",
        "unknown",
    ]


@pytest.mark.parametrize(
    ("query", "given", "name"),
    [
        ("query Q { a }", None, "Q"),
        ("  # comment\n, mutation M($x: Int) { a }", None, "M"),
        ("{ a }", None, None),
        ("query { a }", None, None),
        ("fragment F on Query { a } query Late { ...F }", None, "Late"),
        ("query Q { a } query R { b }", "R", "R"),
        ("query Q { a }", "not a name\n", None),
        (None, None, None),
    ],
)
def test_operation_name(query: str | None, given: str | None, name: str | None) -> None:
    assert operation_name(query, given) == name
