"""OpenTelemetry spans (``qkg[otel]``) over real HTTP, collected by the SDK's in-memory exporter:
the request continues the caller's trace, the GraphQL execution and every store call are
spans inside it, documents never become span attributes; tracing is off unless configured."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from qkg.api import graphql_router
from qkg.api.app import create_app
from qkg.api.settings import Settings
from qkg.graph.store import GraphStore

from .server import serving

TRACE = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = f"00-{TRACE}-b7ad6b7169203331-01"
KAIST = 'query Kaist { actor(name: "KAIST") { ... on Actor { name relations { totalCount } } } }'


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def provider(exporter: InMemorySpanExporter) -> Iterator[TracerProvider]:
    tp = TracerProvider()
    tp.add_span_processor(SimpleSpanProcessor(exporter))
    try:
        yield tp
    finally:
        tp.shutdown()


def by_name(spans: tuple[ReadableSpan, ...]) -> dict[str, ReadableSpan]:
    return {s.name: s for s in spans}


def parent_of(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


def test_request_execution_and_store_calls_are_one_trace(
    memory: GraphStore, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    app = create_app(Settings(), store=memory, extras=[], tracer_provider=provider)
    with serving(app) as base:
        r = httpx.post(base + "/graphql", json={"query": KAIST}, headers={"traceparent": TRACEPARENT})
        assert r.json() == {"data": {"actor": {"name": "KAIST", "relations": {"totalCount": 3}}}}
    spans = by_name(exporter.get_finished_spans())
    assert {f"{s.context.trace_id:032x}" for s in spans.values()} == {TRACE}
    request, graphql, operation = spans["POST /graphql"], spans["qkg.graphql"], spans["GraphQL Query: Kaist"]
    assert request.kind == SpanKind.SERVER
    assert parent_of(request) == int("b7ad6b7169203331", 16)  # the caller's span
    assert request.attributes is not None
    assert request.attributes["http.response.status_code"] == 200
    assert request.attributes["qkg.request_id"] == r.headers["x-request-id"]
    assert parent_of(graphql) == request.context.span_id
    assert graphql.attributes is not None
    assert (graphql.attributes["graphql.operation.name"], graphql.attributes["qkg.outcome"]) == (
        "Kaist",
        "ok",
    )
    assert parent_of(operation) == graphql.context.span_id  # strawberry's extension, in the worker thread
    assert parent_of(spans["GraphQL Parsing"]) == operation.context.span_id
    resolving = spans["GraphQL Resolving: actor"]
    assert parent_of(resolving) == operation.context.span_id
    assert parent_of(spans["qkg.store.find_entities"]) == resolving.context.span_id
    assert parent_of(spans["qkg.store.relations_of"]) == spans["GraphQL Resolving: relations"].context.span_id
    assert parent_of(spans["qkg.store.version"]) == graphql.context.span_id  # the answer cache's key


def test_a_cached_answer_is_a_short_trace(
    memory: GraphStore, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    app = create_app(Settings(), store=memory, extras=[], tracer_provider=provider)
    with serving(app) as base:
        httpx.post(base + "/graphql", json={"query": KAIST})
        # the request's span ends just after its response is sent
        deadline = time.monotonic() + 10
        while "POST /graphql" not in by_name(exporter.get_finished_spans()) and time.monotonic() < deadline:
            time.sleep(0.01)
        exporter.clear()
        httpx.post(base + "/graphql", json={"query": KAIST})
    names = sorted(s.name for s in exporter.get_finished_spans())
    assert {"POST /graphql", "qkg.graphql"} <= set(names)
    # no field is resolved; the one store call is the graph version (the answer's key)
    assert not [n for n in names if n.startswith("GraphQL Resolving")]
    assert [n for n in names if n.startswith("qkg.store.")] == ["qkg.store.version"]
    cached = by_name(exporter.get_finished_spans())["qkg.graphql"]
    assert cached.attributes is not None
    assert cached.attributes["qkg.cached"] is True


def test_documents_never_become_attributes(
    memory: GraphStore, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    app = create_app(Settings(api_keys="k"), store=memory, extras=[], tracer_provider=provider)
    text = "KAIST and Pasqal signed an MOU about DocumentMarker."
    with serving(app) as base:
        r = httpx.post(
            base + "/graphql",
            json={
                "query": 'mutation Add($t: String!) { ingestDocument(text: $t, title: "TitleKept") { __typename } }',
                "variables": {"t": text},
            },
            headers={"x-api-key": "k"},
        )
        assert r.json() == {"data": {"ingestDocument": {"__typename": "IngestSuccess"}}}
    spans = by_name(exporter.get_finished_spans())
    resolving = spans["GraphQL Resolving: ingestDocument"]
    assert resolving.attributes is not None
    assert resolving.attributes["graphql.param.title"] == "TitleKept"
    assert "graphql.param.text" not in resolving.attributes
    for span in spans.values():
        assert "DocumentMarker" not in str(dict(span.attributes or {}))
    assert "qkg.store.upsert" in spans


def test_a_mounted_router_opens_the_request_span(
    memory: GraphStore, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    app = FastAPI()
    app.include_router(graphql_router(memory, tracer_provider=provider), prefix="/kg")
    with serving(app) as base:
        httpx.post(base + "/kg/graphql", json={"query": KAIST}, headers={"traceparent": TRACEPARENT})
    spans = by_name(exporter.get_finished_spans())
    request = spans["POST /kg/graphql"]
    assert request.kind == SpanKind.SERVER
    assert parent_of(request) == int("b7ad6b7169203331", 16)
    assert parent_of(spans["GraphQL Query: Kaist"]) == request.context.span_id


def test_off_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "QKG_OTEL",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_TRACES_EXPORTER",
    ):
        monkeypatch.delenv(name, raising=False)
    assert Settings().otel is False
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
    assert Settings().otel is True
    monkeypatch.setenv("QKG_OTEL", "false")
    assert Settings().otel is False
    monkeypatch.delenv("QKG_OTEL")
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "none")
    assert Settings().otel is False
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console")
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT")
    assert Settings().otel is True
