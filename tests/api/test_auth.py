"""Mutations need an API key (constant-time comparison); without keys they are disabled."""

from __future__ import annotations

import pytest

from qkg.api.context import check_api_key
from qkg.graph.store import GraphStore

from .conftest import Serve
from .counting import CountingStore

REMOVE = "mutation($id: ID!) { removeDocument(id: $id) { __typename ... on RemoveSuccess { id message } "
REMOVE += "... on MutationsDisabled { message } ... on Unauthorized { message } ... on DocumentNotFound { message } } }"
INGEST = """mutation($text: String!) { ingestDocument(text: $text, title: "t") { __typename
  ... on IngestRejected { message } ... on MutationsDisabled { message } ... on Unauthorized { message } } }"""
KEY = "k-0123456789abcdef"


@pytest.fixture
def doc_id(loaded: GraphStore) -> str:
    return loaded.documents()[0].id


def test_check_api_key_compares_every_key() -> None:
    assert check_api_key("b", ["a", "b", "c"])
    assert not check_api_key("bb", ["a", "b"])
    assert not check_api_key(None, ["a"])
    assert not check_api_key("", [])
    assert check_api_key("클라우드", ["클라우드"])


def test_without_keys_mutations_are_disabled(loaded: GraphStore, serve: Serve, doc_id: str) -> None:
    with serve(loaded) as api:
        got = api(REMOVE, {"id": doc_id})["removeDocument"]
        assert got["__typename"] == "MutationsDisabled"
        assert "QKG_API_KEYS" in got["message"]
        assert api(INGEST, {"text": "x"})["ingestDocument"]["__typename"] == "MutationsDisabled"
    assert loaded.stats().documents == 2


@pytest.mark.parametrize(
    "headers",
    [{}, {"authorization": "Bearer wrong"}, {"x-api-key": KEY + "x"}, {"authorization": KEY}],
)
def test_wrong_or_missing_key_is_unauthorized(
    loaded: GraphStore, serve: Serve, doc_id: str, headers: dict[str, str]
) -> None:
    with serve(loaded, api_keys=(KEY,)) as api:
        got = api(REMOVE, {"id": doc_id}, headers=headers)["removeDocument"]
        assert got["__typename"] == "Unauthorized"
        assert "API key" in got["message"]
    assert loaded.stats().documents == 2


@pytest.mark.parametrize("header", ["authorization", "x-api-key"])
def test_remove_document_with_a_key(loaded: GraphStore, serve: Serve, doc_id: str, header: str) -> None:
    value = f"Bearer {KEY}" if header == "authorization" else KEY
    with serve(loaded, api_keys=("other", KEY)) as api:
        before = api("{ stats { documents graphVersion } }")["stats"]
        got = api(REMOVE, {"id": doc_id}, headers={header: value})["removeDocument"]
        assert got == {"__typename": "RemoveSuccess", "id": doc_id, "message": f"Removed document {doc_id!r}"}
        after = api("{ stats { documents graphVersion } }")["stats"]
        assert after["documents"] == before["documents"] - 1
        assert after["graphVersion"] != before["graphVersion"]
        again = api(REMOVE, {"id": doc_id}, headers={header: value})["removeDocument"]
        assert again["__typename"] == "DocumentNotFound"


def test_answers_are_cached_until_the_graph_changes(loaded: GraphStore, serve: Serve, doc_id: str) -> None:
    q = "{ documents { totalCount } }"
    with serve(loaded, api_keys=(KEY,), response_cache_size=16) as api:
        assert api(q)["documents"]["totalCount"] == 2
        assert api(q)["documents"]["totalCount"] == 2
        api(REMOVE, {"id": doc_id}, headers={"x-api-key": KEY})
        assert api(q)["documents"]["totalCount"] == 1


def test_ingest_size_cap(loaded: GraphStore, serve: Serve) -> None:
    with serve(loaded, api_keys=(KEY,), max_body_bytes=4096, max_ingest_bytes=8192) as api:
        big = "Qubits. " * 2000  # 16 kB: above the ingest cap, below the key holder's body cap
        got = api(INGEST, {"text": big}, headers={"x-api-key": KEY})["ingestDocument"]
        assert got["__typename"] == "IngestRejected"
        assert "ingest limit of 8192 bytes" in got["message"]
        # without a key the same body is refused at the door
        r = api.post(INGEST, {"text": big})
        assert r.status_code == 413
        huge = "Qubits. " * 20000
        r = api.post(INGEST, {"text": huge}, headers={"x-api-key": KEY})
        assert r.status_code == 413
        assert "QKG_MAX_INGEST_BYTES" in r.json()["errors"][0]["message"]


def test_ingest_document_with_a_key_extracts_and_stores(loaded: GraphStore, serve: Serve) -> None:
    text = (
        "Pasqal and KAIST signed a memorandum of understanding on neutral-atom quantum computing in 2025. "
        "IBM partners with Pasqal."
    )
    q = """mutation($text: String!) { ingestDocument(text: $text, title: "A note", source: "https://example.org/note",
      publishedAt: "2025-03-01") { __typename ... on IngestSuccess { changed replaced entities relations agreements
      document { id title url publishedAt contributed { entities relations agreements } } }
      ... on IngestRejected { message } } }"""
    with serve(loaded, api_keys=(KEY,)) as api:
        got = api(q, {"text": text}, headers={"x-api-key": KEY})["ingestDocument"]
        assert got["__typename"] == "IngestSuccess", got
        assert got["changed"] is True
        assert got["entities"] >= 3
        assert got["document"]["title"] == "A note"
        assert got["document"]["publishedAt"] == "2025-03-01"
        assert got["document"]["contributed"]["entities"] == got["entities"]
        docs = api("{ documents { totalCount } }")["documents"]["totalCount"]
        assert docs == 3
        again = api(q, {"text": text}, headers={"x-api-key": KEY})["ingestDocument"]
        assert again["changed"] is False
        empty = api(q, {"text": "   "}, headers={"x-api-key": KEY})["ingestDocument"]
        assert empty["__typename"] == "IngestRejected"
        assert "empty" in empty["message"]


def test_a_cached_answer_is_the_fresh_answer_byte_for_byte(loaded: GraphStore, serve: Serve) -> None:
    counted = CountingStore(loaded)
    q = """{ actor(name: "KAIST") { ... on Actor { name collaborators(depth: 2) { distance linkCount
      actor { id name } links { type agreement { kind date } evidence { sentence confidence
      document { title url publishedAt } } } } } } }"""
    with serve(counted, response_cache_size=16) as api:
        fresh = api.post(q)
        assert fresh.json()["data"]["actor"]["collaborators"]
        counted.calls.clear()
        cached = api.post(q)
        assert cached.content == fresh.content
        assert sum(counted.calls.values()) == 0  # answered from the cache
