"""``ingestDocument`` over real HTTP against hostile or careless input: a file whose text
expands past the ingest cap, extraction past its time limit, and replacement of another
key's document. Each refusal names the problem and stores nothing."""

from __future__ import annotations

import time

from qkg.graph.store import GraphStore
from tests.pdf import minimal_pdf

from .conftest import Serve
from .test_upload import INGEST, KEY, TEXT, documents, ingested, upload


def test_an_upload_whose_text_expands_past_the_ingest_cap_is_rejected(
    memory: GraphStore, serve: Serve
) -> None:
    # 1.4 KB on the wire, 183 KB of text once the PDF's page is inflated
    pdf = minimal_pdf("IonQ partners with Hyundai on trapped-ion quantum computing.", repeat=3000, flate=True)
    with serve(memory, api_keys=(KEY,), max_ingest_bytes=100_000) as api:
        before = api("{ stats { documents graphVersion } }")["stats"]
        got = ingested(upload(api, pdf, "expands.pdf", "application/pdf"))
        assert got["__typename"] == "IngestRejected", got
        assert "expands.pdf" in got["message"]
        assert "extracted text is over the document cap of 100,000 bytes" in got["message"]
        assert api("{ stats { documents graphVersion } }")["stats"] == before
    # under a cap its text fits, the same upload loads
    with serve(memory, api_keys=(KEY,), max_ingest_bytes=200_000) as api:
        got = ingested(upload(api, pdf, "expands.pdf", "application/pdf"))
        assert got["__typename"] == "IngestSuccess", got


def test_api_ingest_obeys_the_extraction_time_limit(memory: GraphStore, serve: Serve) -> None:
    with serve(memory, api_keys=(KEY,), extract_time_limit=1e-9) as api:
        before = documents(api)
        for response in (
            api.post(INGEST, {"text": TEXT}, headers={"x-api-key": KEY}),
            upload(api, TEXT.encode(), "ionq.txt"),
        ):
            got = ingested(response)
            assert got["__typename"] == "IngestRejected", got
            assert "time limit of 1e-09 s" in got["message"]
            assert "QKG_EXTRACT_TIME_LIMIT" in got["message"]
        assert documents(api) == before


def test_api_extraction_stops_within_the_request_deadline(memory: GraphStore, serve: Serve) -> None:
    # a long document whose extraction outlasts the request's deadline: the client gets a
    # rejection, and nothing is stored behind its back after the answer
    long = " ".join(
        f"Orbion Lab {i} and the University of Lyon {i} signed a memorandum of understanding."
        for i in range(8000)
    )
    with serve(memory, api_keys=(KEY,), request_timeout=2.0, max_body_bytes=2_000_000) as api:
        before = documents(api)
        got = ingested(api.post(INGEST, {"text": long}, headers={"x-api-key": KEY}))
        assert got["__typename"] == "IngestRejected", got
        assert "extraction took longer than its time limit" in got["message"]
        assert "QKG_REQUEST_TIMEOUT" in got["message"]
        time.sleep(1.0)  # an extraction left running would store its document by now
        assert documents(api) == before


OTHER_KEY = "k-other-9876543210"
SOURCE = "https://news.example/ionq-maryland"
NEWS = (
    "mutation($text: String, $source: String) { ingestDocument(text: $text, source: $source) { __typename "
    "... on IngestSuccess { changed replaced document { id url } } ... on IngestRejected { message } } }"
)


def test_only_the_ingesting_key_replaces_a_document(memory: GraphStore, serve: Serve) -> None:
    first = TEXT
    forged = "Quantinuum and the University of Maryland signed a memorandum of understanding in 2025."
    update = TEXT + " IonQ opened a factory in Seattle."

    def send(api_key: str, text: str) -> dict[str, object]:
        got = api(NEWS, {"text": text, "source": SOURCE}, headers={"x-api-key": api_key})["ingestDocument"]
        assert got["__typename"] == "IngestSuccess", got
        return dict(got)

    with serve(memory, api_keys=(KEY, OTHER_KEY), response_cache_size=0) as api:
        before = documents(api)
        mine = send(KEY, first)
        # another key reusing the source adds its own document and replaces nothing
        theirs = send(OTHER_KEY, forged)
        assert theirs["replaced"] == []
        assert documents(api) == before + 2
        actor = api('{ actor(name: "IonQ") { __typename } }')["actor"]
        assert actor["__typename"] == "Actor"  # the first document's facts are still there
        # the ingesting key replaces its own version, and only that one
        again = send(KEY, update)
        assert again["replaced"] == [mine["document"]["id"]]  # type: ignore[index]
        ids = {d["id"] for d in api("{ documents(first: 100) { nodes { id } } }")["documents"]["nodes"]}
        assert theirs["document"]["id"] in ids  # type: ignore[index]
        assert mine["document"]["id"] not in ids  # type: ignore[index]
        assert documents(api) == before + 2
        # answers show the source as it was sent, never the key's fingerprint
        urls = [d["url"] for d in api("{ documents(first: 100) { nodes { url } } }")["documents"]["nodes"]]
        assert urls.count(SOURCE) == 2
        assert not any("qkg-key" in (u or "") for u in urls)
        assert again["document"]["url"] == SOURCE  # type: ignore[index]


REMOVE = (
    "mutation($id: ID!) { removeDocument(id: $id) { __typename "
    "... on RemoveSuccess { id } ... on Unauthorized { message } } }"
)


def test_only_the_ingesting_key_removes_its_document(memory: GraphStore, serve: Serve) -> None:
    with serve(memory, api_keys=(KEY, OTHER_KEY), response_cache_size=0) as api:
        got = api(NEWS, {"text": TEXT, "source": SOURCE}, headers={"x-api-key": KEY})["ingestDocument"]
        mine = got["document"]["id"]
        before = documents(api)
        refused = api(REMOVE, {"id": mine}, headers={"x-api-key": OTHER_KEY})["removeDocument"]
        assert refused["__typename"] == "Unauthorized", refused
        assert "ingested with another API key" in refused["message"]
        assert documents(api) == before
        removed = api(REMOVE, {"id": mine}, headers={"x-api-key": KEY})["removeDocument"]
        assert removed == {"__typename": "RemoveSuccess", "id": mine}
        assert documents(api) == before - 1


def test_a_document_whose_key_is_retired_can_be_removed_by_another(memory: GraphStore, serve: Serve) -> None:
    with serve(memory, api_keys=(KEY,), response_cache_size=0) as api:
        got = api(NEWS, {"text": TEXT, "source": SOURCE}, headers={"x-api-key": KEY})["ingestDocument"]
        orphan = got["document"]["id"]
    with serve(memory, api_keys=(OTHER_KEY,), response_cache_size=0) as api:
        removed = api(REMOVE, {"id": orphan}, headers={"x-api-key": OTHER_KEY})["removeDocument"]
        assert removed == {"__typename": "RemoveSuccess", "id": orphan}
