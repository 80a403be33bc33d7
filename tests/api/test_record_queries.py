"""Record time over real HTTP on both stores: ``knownAt`` and the change feed, on the made-up
history of :mod:`tests.history` loaded, removed and replaced at injected clock times
(:func:`tests.graph.test_record._timeline`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qkg.graph.store import GraphStore
from tests.graph.test_record import _timeline, at
from tests.history import KESTREL, ORVANE, TELMAR, history

from .conftest import Client, Serve

RELATIONS = """query($id: ID!, $at: DateTime) { actor(id: $id) { ... on Actor {
  relations(knownAt: $at) { totalCount nodes { counterpart { name } support { documents }
    evidence { sentence document { title publishedAt } } } } } } }"""

COLLABORATORS = """query($id: ID!, $at: DateTime) { actor(id: $id) { ... on Actor {
  collaborators(knownAt: $at) { actor { name } distance links { type evidence { sentence } } } } } }"""

PATHS = """query($a: String!, $b: String!, $at: DateTime) { paths(from: $a, to: $b, maxHops: 3, knownAt: $at) {
  ... on Paths { found paths { length nodes { name } hops { type evidence { sentence } } } } } }"""

CHANGES = """query($since: String!, $first: Int!, $after: String) { changes(since: $since, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { event kind at documentId type source target agreement graphVersion } } }"""


@pytest.fixture
def timeline(store: GraphStore) -> tuple[GraphStore, dict[str, str]]:
    _, versions = _timeline(store)
    return store, versions


@pytest.fixture
def client(timeline: tuple[GraphStore, dict[str, str]], serve: Serve) -> Iterator[Client]:
    with serve(timeline[0]) as c:  # the answer cache on: record-time answers must bypass it
        yield c


def _names(client: Client, at: str | None) -> dict[str, int]:
    got = client(RELATIONS, {"id": ORVANE.id, "at": at})["actor"]["relations"]
    return {n["counterpart"]["name"]: n["support"]["documents"] for n in got["nodes"]}


def test_relations_known_at_a_moment(client: Client) -> None:
    assert _names(client, None) == {"Brisk Photonics": 1, "Kestrel Quantum": 2}
    assert _names(client, "2026-03-01T02:30:00Z") == {
        "Telmar University": 1,
        "Brisk Photonics": 2,
        "Kestrel Quantum": 1,
    }
    # the removed document's evidence, and its document, are still there at that moment
    got = client(RELATIONS, {"id": ORVANE.id, "at": "2026-03-01T02:30:00"})["actor"]["relations"]
    telmar = next(n for n in got["nodes"] if n["counterpart"]["name"] == "Telmar University")
    (ev,) = telmar["evidence"]
    assert ev["sentence"].startswith("Orvane Labs and Telmar University")
    assert ev["document"]["publishedAt"] == "2019-04-02"
    assert _names(client, "2026-03-01T01:30:00+00:00") == {"Telmar University": 1}
    assert _names(client, "2026-03-01T00:30:00Z") == {}


def test_collaborators_and_paths_known_at_a_moment(client: Client) -> None:
    def names(at: str | None) -> list[str]:
        got = client(COLLABORATORS, {"id": ORVANE.id, "at": at})["actor"]["collaborators"]
        return sorted(c["actor"]["name"] for c in got)

    assert names(None) == ["Brisk Photonics", "Kestrel Quantum"]
    assert names("2026-03-01T02:30:00Z") == ["Brisk Photonics", "Kestrel Quantum", "Telmar University"]
    got = client(COLLABORATORS, {"id": ORVANE.id, "at": "2026-03-01T02:30:00Z"})["actor"]["collaborators"]
    telmar = next(c for c in got if c["actor"]["name"] == "Telmar University")
    assert {link["type"] for link in telmar["links"]} == {"PARTNERS_WITH", "PARTY_TO"}
    now = client(PATHS, {"a": TELMAR.id, "b": KESTREL.id})["paths"]
    assert now["found"] is False
    then = client(PATHS, {"a": TELMAR.id, "b": KESTREL.id, "at": "2026-03-01T02:30:00Z"})["paths"]
    assert then["found"] is True
    assert [n["name"] for n in then["paths"][0]["nodes"]] == [
        "Telmar University",
        "Orvane Labs",
        "Kestrel Quantum",
    ]
    assert (
        client(PATHS, {"a": TELMAR.id, "b": KESTREL.id, "at": "2026-03-01T00:00:00Z"})["paths"]["found"]
        is False
    )


def test_the_change_feed_pages_in_order(client: Client, timeline: tuple[GraphStore, dict[str, str]]) -> None:
    _, versions = timeline
    pages, after = [], None
    while True:
        got = client(CHANGES, {"since": versions["00"], "first": 4, "after": after})["changes"]
        assert got["totalCount"] == 9
        pages.append([(n["event"], n["kind"]) for n in got["nodes"]])
        if not got["pageInfo"]["hasNextPage"]:
            break
        after = got["pageInfo"]["endCursor"]
    assert pages == [
        [(1, "ADDED"), (1, "ADDED"), (2, "ADDED"), (3, "ADDED")],
        [(3, "ADDED"), (4, "RETRACTED"), (4, "RETRACTED"), (5, "RETRACTED")],
        [(6, "ADDED")],
    ]
    got = client(CHANGES, {"since": versions["03"], "first": 10})["changes"]["nodes"]
    assert [(n["event"], n["kind"], n["source"], n["target"]) for n in got] == [
        (5, "RETRACTED", "company:brisk-photonics", ORVANE.id),
        (6, "ADDED", "company:kestrel-quantum", ORVANE.id),
    ]
    assert got[-1]["graphVersion"] == versions["04"]
    assert got[0]["at"].startswith("2026-03-01T04:00:00")
    since_moment = client(CHANGES, {"since": "2026-03-01T03:30:00Z", "first": 10})["changes"]["nodes"]
    assert since_moment == got
    agreement = client(CHANGES, {"since": versions["02"], "first": 1})["changes"]["nodes"][0]
    assert (agreement["type"], agreement["source"], agreement["agreement"] is not None) == (
        "PARTY_TO",
        None,
        True,
    )


def test_bad_since_and_page_sizes_are_refused(client: Client) -> None:
    (message,) = client.errors(CHANGES, {"since": "last tuesday", "first": 5})
    assert "ISO date-time" in message
    (message,) = client.errors(CHANGES, {"since": "7-abc", "first": 5})
    assert "not a version" in message
    (message,) = client.errors(CHANGES, {"since": "0-0", "first": 100_000})
    assert "page size limit" in message


def test_record_time_answers_are_not_cached(
    client: Client, timeline: tuple[GraphStore, dict[str, str]]
) -> None:
    store, _ = timeline
    version = store.version
    ask = {"since": "2026-03-01T04:30:00Z", "first": 10}
    assert client(CHANGES, ask)["changes"]["totalCount"] == 0
    extra = history()[3]
    store.clock = lambda: at(5)  # type: ignore[attr-defined]
    store.upsert(extra)
    store.remove_document(extra.document.id)
    assert store.version == version  # the same graph: the same version, but not the same history
    assert client(CHANGES, ask)["changes"]["totalCount"] == 2


def test_documented_record_time_questions_are_real(client: Client) -> None:
    """The query and output pairs of docs/queries.md's section on what changed since a version."""
    import json
    import re

    from .readme_queries import DOC

    section = DOC.read_text(encoding="utf-8").split("## What changed since a version")[1].split("\n## ")[0]
    pairs = re.findall(r"```graphql\n(.*?)```\s*\n.*?```json\n(.*?)```", section, re.S)
    assert len(pairs) == 2
    for query, expected in pairs:
        assert {"data": client(query)} == json.loads(expected)


def test_agreements_known_at_a_moment(client: Client) -> None:
    query = """query($at: DateTime) { agreements(filter: {knownAt: $at}) { totalCount
      nodes { kind parties { name } evidence { sentence } } } }"""
    assert client(query, {"at": None})["agreements"]["totalCount"] == 0  # its document was removed
    then = client(query, {"at": "2026-03-01T02:30:00Z"})["agreements"]
    assert then["totalCount"] == 1
    (mou,) = then["nodes"]
    assert (mou["kind"], sorted(p["name"] for p in mou["parties"])) == (
        "MOU",
        ["Orvane Labs", "Telmar University"],
    )
    assert mou["evidence"][0]["sentence"].startswith("Orvane Labs and Telmar University")


def test_known_at_rebuilds_at_most_the_documents_allowed(
    timeline: tuple[GraphStore, dict[str, str]], serve: Serve
) -> None:
    from qkg.graph import known

    known._VIEWS.clear()  # the limit bounds views not built yet
    with serve(timeline[0], max_known_at_documents=2) as c:
        (message,) = c.errors(RELATIONS, {"id": ORVANE.id, "at": "2026-03-01T02:30:00Z"})
        assert "QKG_MAX_KNOWN_AT_DOCUMENTS" in message
        assert "3 documents" in message
        # a moment that held two documents, or what the store holds now, is within the limit
        assert _names(c, "2026-03-01T04:30:00Z") == {"Brisk Photonics": 1, "Kestrel Quantum": 2}
        assert _names(c, "2026-03-01T01:30:00Z") == {"Telmar University": 1}


AGREEMENT = """query($id: ID!, $at: DateTime) { agreement(id: $id, knownAt: $at) {
  ... on Agreement { id status parties { name } evidence { sentence document { publishedAt } } }
  ... on AgreementNotFound { message } } }"""

ACTOR_FIELDS = """query($id: ID!, $at: DateTime) { actor(id: $id) { ... on Actor {
  agreements(knownAt: $at) { id status }
  goals(knownAt: $at) { metric value evidence { sentence } }
  documents(knownAt: $at) { publishedAt url } } } }"""


def test_an_agreement_and_an_actors_fields_known_at_a_moment(
    timeline: tuple[GraphStore, dict[str, str]], serve: Serve
) -> None:
    """``agreement(id, knownAt)`` and ``Actor.agreements/goals/documents(knownAt)`` answer as
    the graph held them then: the 2019 MOU removed at 03:00 is found at 02:30 (with its
    evidence) and not now; a goal loaded at 05:00 and removed at 06:00 is seen only between."""
    from tests import factories as f
    from tests.graph.test_record import _at
    from tests.history import ACTORS

    store, _ = timeline
    text = "Orvane Labs aims to build a 40-qubit processor by 2028."
    doc = f.document(text, source="https://news-c.example/goal", published="2025-01-10")
    goal = f.goal("qubits", 40, "qubits", doc, text, owner=ORVANE.id, target_year=2028)
    _at(store, 5, lambda: store.upsert(f.delta(doc, ACTORS, goals=[goal])))
    _at(store, 6, lambda: store.remove_document(doc.id))
    (mou,) = [a for d in history() for a in d.agreements]
    with serve(store) as client:
        then = client(AGREEMENT, {"id": mou.id, "at": "2026-03-01T02:30:00Z"})["agreement"]
        assert then["id"] == mou.id
        assert then["status"] == "SIGNED"
        assert sorted(p["name"] for p in then["parties"]) == ["Orvane Labs", "Telmar University"]
        assert [e["document"]["publishedAt"] for e in then["evidence"]] == ["2019-04-02"]
        assert "is in the graph" in client(AGREEMENT, {"id": mou.id, "at": None})["agreement"]["message"]
        before = client(AGREEMENT, {"id": mou.id, "at": "2026-03-01T00:30:00Z"})["agreement"]
        assert "held at 2026-03-01T00:30:00" in before["message"]

        def fields(at: str | None) -> dict[str, list[object]]:
            got = client(ACTOR_FIELDS, {"id": ORVANE.id, "at": at})["actor"]
            return {
                "agreements": [(a["id"], a["status"]) for a in got["agreements"]],
                "goals": [(g["metric"], g["value"], len(g["evidence"])) for g in got["goals"]],
                "documents": [(d["publishedAt"], d["url"]) for d in got["documents"]],
            }

        assert fields("2026-03-01T02:30:00Z") == {
            "agreements": [(mou.id, "SIGNED")],
            "goals": [],
            "documents": [
                ("2019-04-02", "https://news-a.example/2019"),
                ("2021-05-04", "https://news-b.example/2021"),
                ("2024-02-01", "https://news-a.example/2024"),
            ],
        }
        assert fields("2026-03-01T05:30:00Z")["goals"] == [("qubits", 40.0, 1)]
        now = fields(None)
        assert now["agreements"] == now["goals"] == []
        assert ("2019-04-02", "https://news-a.example/2019") not in now["documents"]
        assert fields("2026-03-01T06:30:00Z") == now
