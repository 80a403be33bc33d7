"""``ingestDocument(file: Upload)`` over real HTTP, per the GraphQL multipart request spec:
an upload is read as ``qkg load`` reads that file, needs a valid API key and a mutation,
obeys the ingest cap, and a rejected file stores nothing."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest

from qkg.graph.store import GraphStore

from .conftest import Client, Serve

KEY = "k-upload-0123456789"
TEXT = (
    "IonQ and the University of Maryland signed a memorandum of understanding on trapped-ion "
    "quantum computing in 2025. Quantinuum partners with IonQ."
)
HTML = f"""<!doctype html><html><head><title>Trapped ions in Maryland</title>
<meta property="article:published_time" content="2025-04-02T09:00:00Z"></head>
<body><nav>Home | News</nav><article><h1>Trapped ions in Maryland</h1><p>{TEXT}</p></article>
<footer>We use cookies.</footer></body></html>"""
INGEST = """mutation($file: Upload, $text: String, $title: String! = "") {
  ingestDocument(file: $file, text: $text, title: $title) { __typename
    ... on IngestSuccess { changed entities relations agreements
      document { id title url publishedAt mediaType text } }
    ... on IngestRejected { message } ... on MutationsDisabled { message } ... on Unauthorized { message } } }"""
IONQ = """{ actor(name: "IonQ") { __typename ... on Actor { name
  relations { nodes { counterpart { name } } } } } }"""


def upload(
    api: Client,
    content: bytes,
    filename: str,
    content_type: str = "text/plain",
    *,
    query: str = INGEST,
    variables: dict[str, Any] | None = None,
    key: str | None = KEY,
) -> httpx.Response:
    """POST one file as a multipart request: ``operations`` + ``map`` + the file part."""
    operations = {"query": query, "variables": {"file": None, **(variables or {})}}
    return api.http.post(
        api.url,
        data={"operations": orjson.dumps(operations).decode(), "map": '{"0": ["variables.file"]}'},
        files={"0": (filename, content, content_type)},
        headers={"x-api-key": key} if key else {},
    )


def ingested(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["ingestDocument"]
    return result


def documents(api: Client) -> int:
    count: int = api("{ stats { documents } }")["stats"]["documents"]
    return count


def test_text_upload_is_extracted_and_queryable(loaded: GraphStore, serve: Serve) -> None:
    with serve(loaded, api_keys=(KEY,)) as api:
        got = ingested(upload(api, TEXT.encode(), "ionq-note.txt"))
        assert got["__typename"] == "IngestSuccess", got
        assert got["changed"] is True
        # the MOU of IonQ and the University of Maryland, and the partnership Quantinuum states
        assert (got["entities"], got["relations"], got["agreements"]) == (4, 2, 2)
        doc = got["document"]
        assert doc["text"] == TEXT
        assert doc["mediaType"] == "text/plain"
        assert doc["title"] == "ionq-note"  # the first line is too long for a title: the file name
        assert doc["url"] is None  # a client's file name is not a source
        actor = api(IONQ)["actor"]
        assert actor["name"] == "IonQ"
        assert {n["counterpart"]["name"] for n in actor["relations"]["nodes"]} == {
            "Quantinuum",
            "University of Maryland",
        }
        assert documents(api) == 3
        # the same file again changes nothing
        assert ingested(upload(api, TEXT.encode(), "ionq-note.txt"))["changed"] is False
        # a caller's title wins over the reader's
        titled = ingested(upload(api, b"IonQ partners with Quantinuum.", "n.md", variables={"title": "Note"}))
        assert (titled["document"]["title"], titled["document"]["mediaType"]) == ("Note", "text/markdown")


def test_html_upload_is_read_like_qkg_load(loaded: GraphStore, serve: Serve) -> None:
    with serve(loaded, api_keys=(KEY,)) as api:
        # the file name decides the media type over a vague declared content type
        got = ingested(upload(api, HTML.encode(), "ions.html", "application/octet-stream"))
        assert got["__typename"] == "IngestSuccess", got
        doc = got["document"]
        assert doc["mediaType"] == "text/html"
        assert doc["title"] == "Trapped ions in Maryland"
        assert doc["publishedAt"] == "2025-04-02"
        assert TEXT in doc["text"]
        assert "cookies" not in doc["text"]
        assert "Home | News" not in doc["text"]
        assert api(IONQ)["actor"]["__typename"] == "Actor"
        # no file name suffix: the declared content type decides
        named = ingested(upload(api, HTML.replace("2025", "2024").encode(), "blob", "text/html"))
        assert named["document"]["mediaType"] == "text/html"


@pytest.mark.parametrize(
    ("content", "filename", "problem"),
    [
        (b"\x00\x01\x02PK\x03\x04" * 200, "junk.txt", "binary file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "photo.txt", "binary file"),
        (
            b'<!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><html><body>&b;</body></html>',
            "lol.html",
            "billion-laughs",
        ),
        (b"   \n\t ", "blank.txt", "empty document"),
        (b"@prefix ex: <http://example.org/> .", "graph.ttl", "qkg load"),
    ],
)
def test_unreadable_upload_is_rejected_and_nothing_stored(
    loaded: GraphStore, serve: Serve, content: bytes, filename: str, problem: str
) -> None:
    with serve(loaded, api_keys=(KEY,)) as api:
        before = api("{ stats { documents graphVersion } }")["stats"]
        got = ingested(upload(api, content, filename, "application/octet-stream"))
        assert got["__typename"] == "IngestRejected"
        assert problem in got["message"]
        assert filename in got["message"]
        assert api("{ stats { documents graphVersion } }")["stats"] == before


def test_upload_above_the_ingest_cap_names_the_limit(loaded: GraphStore, serve: Serve) -> None:
    big = ("Qubits. " * 1500).encode()  # 12 kB: above the ingest cap, below the key holder's body cap
    with serve(loaded, api_keys=(KEY,), max_body_bytes=4096, max_ingest_bytes=8192) as api:
        got = ingested(upload(api, big, "big.txt"))
        assert got["__typename"] == "IngestRejected"
        assert "ingest limit of 8192 bytes (QKG_MAX_INGEST_BYTES)" in got["message"]
        # far larger bodies are refused at the door, before multipart parsing
        r = upload(api, big * 20, "huge.txt")
        assert r.status_code == 413
        assert "QKG_MAX_INGEST_BYTES" in r.json()["errors"][0]["message"]
        # without a key the small body cap applies
        r = upload(api, big, "big.txt", key=None)
        assert r.status_code == 413
        assert "QKG_MAX_BODY_BYTES" in r.json()["errors"][0]["message"]
        assert documents(api) == 2


@pytest.mark.parametrize("key", [None, "wrong-key"])
def test_upload_without_a_valid_key_is_refused(loaded: GraphStore, serve: Serve, key: str | None) -> None:
    with serve(loaded, api_keys=(KEY,)) as api:
        r = upload(api, TEXT.encode(), "ionq-note.txt", key=key)
        assert r.status_code == 401
        assert "File uploads need a valid API key" in r.text
        assert documents(api) == 2


def test_upload_without_configured_keys_is_refused(loaded: GraphStore, serve: Serve) -> None:
    with serve(loaded) as api:
        r = upload(api, TEXT.encode(), "ionq-note.txt")
        assert r.status_code == 400
        assert "File uploads are disabled" in r.text
        assert "QKG_API_KEYS" in r.text
        assert documents(api) == 2


def test_multipart_request_must_be_a_mutation(loaded: GraphStore, serve: Serve) -> None:
    with serve(loaded, api_keys=(KEY,)) as api:
        r = upload(api, TEXT.encode(), "x.txt", query="query($file: Upload) { stats { documents } }")
        assert r.status_code == 400
        assert "may only carry a mutation" in r.text


def test_exactly_one_of_text_or_file(loaded: GraphStore, serve: Serve) -> None:
    message = "ingestDocument needs exactly one of `text` or `file`"
    with serve(loaded, api_keys=(KEY,)) as api:
        r = upload(api, TEXT.encode(), "x.txt", variables={"text": TEXT})
        assert [e["message"] for e in r.json()["errors"]] == [message]
        assert api.errors(INGEST, headers={"x-api-key": KEY}) == [message]
        # a file given as a plain JSON value is not an upload
        got = api(INGEST, {"file": "IonQ partners with Quantinuum."}, headers={"x-api-key": KEY})
        assert got["ingestDocument"]["__typename"] == "IngestRejected"
        assert "multipart request" in got["ingestDocument"]["message"]
        # text callers are unchanged
        text = api(INGEST, {"text": TEXT}, headers={"x-api-key": KEY})["ingestDocument"]
        assert text["__typename"] == "IngestSuccess"
        assert documents(api) == 3


_OP = '{"query": "mutation { __typename }", "variables": {"a": [1]}}'


@pytest.mark.parametrize(
    ("operations", "files_map", "reason"),
    [
        (_OP, "[1]", "Malformed multipart request"),  # map must be an object
        (_OP, '{"0": [1]}', "Malformed multipart request"),  # paths must be strings
        (_OP, '{"0": ["variables.a.x"]}', "Malformed multipart request"),  # list index
        ('"just a string"', "{}", "Malformed multipart request"),
        ("{not json", "{}", "Unable to parse request body as JSON"),
        (_OP, '{"9": ["variables.file"]}', "File(s) missing"),
    ],
)
def test_malformed_multipart_is_a_clear_400(
    loaded: GraphStore, serve: Serve, operations: str, files_map: str, reason: str
) -> None:
    with serve(loaded, api_keys=(KEY,)) as api:
        r = api.http.post(
            api.url,
            data={"operations": operations, "map": files_map},
            files={"0": ("a.txt", b"IonQ partners with Quantinuum.", "text/plain")},
            headers={"x-api-key": KEY},
        )
        assert r.status_code == 400
        assert reason in r.text
