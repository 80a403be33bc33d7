"""Issue 13, what answers reveal and how far they reach, over real HTTP: negative cursors are
refused, ``/health`` and ``documents { url }`` keep server paths and the Neo4j URI out (the
log keeps what operators need), and one request's collaborator walks share one budget."""

from __future__ import annotations

import base64
import logging
from collections.abc import Mapping
from pathlib import Path

import httpx
import pytest

from qkg.graph.embedded import EmbeddedStore
from qkg.graph.store import GraphStore
from qkg.schemas import Document, KnowledgeGraph

from .conftest import Serve
from .counting import CountingStore
from .graphs import ring


def cursor(position: str) -> str:
    return base64.urlsafe_b64encode(f"qkg:v1:{position}".encode()).decode()


@pytest.mark.parametrize("position", ["-5", "-1", "+3", " 2", "1_0", "٣"])
@pytest.mark.parametrize(
    "field",
    [
        "actors(after: $after) { totalCount }",
        "agreements(after: $after) { totalCount }",
        "documents(after: $after) { totalCount }",
        'actor(name: "KAIST") { ... on Actor { relations(after: $after) { totalCount } } }',
    ],
    ids=["actors", "agreements", "documents", "relations"],
)
def test_a_cursor_not_at_a_whole_position_is_refused(
    memory: GraphStore, serve: Serve, position: str, field: str
) -> None:
    with serve(memory) as api:
        (msg,) = api.errors(f"query($after: String) {{ {field} }}", {"after": cursor(position)})
        assert "is not a cursor this API issued" in msg
        assert "whole number from 0" in msg


def test_issued_cursors_still_page(memory: GraphStore, serve: Serve) -> None:
    q = "query($after: String) { actors(first: 2, after: $after) { edges { cursor node { id } } } }"
    with serve(memory) as api:
        seen: list[str] = []
        after = None
        while True:
            edges = api(q, {"after": after})["actors"]["edges"]
            if not edges:
                break
            seen += [e["node"]["id"] for e in edges]
            after = edges[-1]["cursor"]
        assert len(seen) == len(set(seen)) == 6


def test_health_shows_no_data_folder(tmp_path: Path, serve: Serve) -> None:
    folder = tmp_path / "secret-data-folder"
    store = EmbeddedStore(folder)
    try:
        with serve(store) as api:
            r = httpx.get(api.base + "/health")
    finally:
        store.close()
    assert r.status_code == 200
    assert r.json()["store"]["kind"] == "embedded"
    assert "secret-data-folder" not in r.text
    assert str(tmp_path) not in r.text


class _Neo4jLike(CountingStore):
    """A store reporting health the way the Neo4j store does, up or down."""

    up = True

    def health(self) -> Mapping[str, object]:
        uri = "neo4j+s://secret-host.internal:7687"
        if not self.up:
            return {"ok": False, "store": "neo4j", "uri": uri, "error": f"cannot reach {uri}"}
        return {"ok": True, "store": "neo4j", "uri": uri, "database": "neo4j", "server": "Neo4j/5.26.30"}


def test_health_shows_no_neo4j_uri_and_logs_why_it_is_down(
    memory: GraphStore, serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    store = _Neo4jLike(memory)
    with serve(store) as api:
        up = httpx.get(api.base + "/health")
        store.up = False
        with caplog.at_level(logging.WARNING, logger="qkg"):
            down = httpx.get(api.base + "/health")
    assert up.status_code == 200
    assert up.json()["store"]["ok"] is True
    assert down.status_code == 503
    assert down.json()["status"] == "unavailable"
    for r in (up, down):
        assert "secret-host" not in r.text
    assert any("cannot reach neo4j+s://secret-host.internal:7687" in m for m in caplog.messages)


def _document(source: str | None, text: str) -> KnowledgeGraph:
    return KnowledgeGraph(document=Document.from_text(text, title=text[:20], source=source))


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("/srv/qkg/private/news/2024/kaist-mou.html", "kaist-mou.html"),
        ("C:\\Users\\analyst\\Desktop\\notes.md", "notes.md"),
        ("file:///home/analyst/reports/q3.pdf", "q3.pdf"),
        ("relative/folder/brief.txt", "brief.txt"),
        ("https://example.org/news/kaist?id=3", "https://example.org/news/kaist?id=3"),
        (None, None),
    ],
)
def test_document_urls_show_a_file_by_its_name_only(
    tmp_path: Path, serve: Serve, source: str | None, shown: str | None
) -> None:
    store = EmbeddedStore(tmp_path / "store")
    try:
        delta = _document(source, "KAIST and PASQAL signed an agreement on quantum computing.")
        store.upsert(delta)
        with serve(store) as api:
            listed = api("{ documents { nodes { id url } } }")["documents"]["nodes"]
            one = api(
                "query($id: ID!) { document(id: $id) { ... on Document { url } } }", {"id": delta.document.id}
            )
    finally:
        store.close()
    assert listed == [{"id": delta.document.id, "url": shown}]
    assert one["document"]["url"] == shown


def test_collaborator_walks_share_one_budget_per_request(tmp_path: Path, serve: Serve) -> None:
    """Each depth-3 walk in a ring of partners reaches 12 actors: 8 walks fit a budget of 100,
    15 (one per alias, each a different page size) do not, although each alone does."""
    store = EmbeddedStore(tmp_path / "ring")
    delta = ring(200)
    store.upsert(delta)
    root = delta.entities[0].id

    def aliases(n: int) -> str:
        fields = " ".join(f"c{i}: collaborators(depth: 3, first: {i + 1}) {{ distance }}" for i in range(n))
        return f'{{ actor(id: "{root}") {{ ... on Actor {{ {fields} }} }} }}'

    try:
        with serve(store, max_walk_nodes=100) as api:
            assert len(api(aliases(8))["actor"]["c7"]) == 8
            (msg,) = set(api.errors(aliases(15)))
            assert "reached more than 100 actors in this request" in msg
            assert "QKG_MAX_WALK_NODES" in msg
            # the budget is the request's: the next request has all of it again
            assert len(api(aliases(8))["actor"]["c0"]) == 1
    finally:
        store.close()
