"""``support`` on relations, agreements and collaborator links, and an agreement's life
(``status``, ``ends``, ``events``), over real HTTP (made-up actors and documents)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from qkg.graph.store import GraphStore
from qkg.schemas import (
    Agreement,
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    Document,
    Entity,
    EntityType,
    KnowledgeGraph,
    Relation,
    RelationType,
    entity_id,
)
from tests.factories import evidence

from .conftest import Client, Serve

ORVANE = Entity(id=entity_id("Orvane Labs", EntityType.COMPANY), type=EntityType.COMPANY, name="Orvane Labs")
TELMAR = Entity(
    id=entity_id("Telmar University", EntityType.UNIVERSITY),
    type=EntityType.UNIVERSITY,
    name="Telmar University",
)
SIGNED = "Orvane Labs and Telmar University signed a three-year MOU in 2022."
RENEWED = "The two renewed the MOU in 2024."
SOURCES = [
    ("https://www.orvane-news.example/a", dt.date(2022, 3, 10)),
    ("https://Orvane-News.example/b", dt.date(2023, 6, 1)),
    ("/data/press/telmar.txt", dt.date(2024, 9, 1)),
]


def _deltas() -> list[KnowledgeGraph]:
    out = []
    for i, (source, published) in enumerate(SOURCES):
        doc = Document.from_text(f"{SIGNED} {RENEWED}" + " Again." * i, source=source, published=published)
        relation = Relation(
            source=ORVANE.id,
            type=RelationType.PARTNERS_WITH,
            target=TELMAR.id,
            evidence=[evidence(doc, SIGNED)],
        )
        agreements = ()
        if i == 0:
            events = (
                AgreementEvent(
                    status=AgreementStatus.SIGNED, date="2022", ends="2025", evidence=evidence(doc, SIGNED)
                ),
                AgreementEvent(status=AgreementStatus.EXTENDED, date="2024", evidence=evidence(doc, RENEWED)),
            )
            agreements = (
                Agreement.build(
                    AgreementKind.MOU,
                    [ORVANE.id, TELMAR.id],
                    date="2022",
                    status=AgreementStatus.EXTENDED,
                    events=events,
                    evidence=[evidence(doc, SIGNED), evidence(doc, RENEWED)],
                ),
            )
        out.append(
            KnowledgeGraph(
                document=doc, entities=(ORVANE, TELMAR), relations=(relation,), agreements=agreements
            )
        )
    return out


def _load(store: GraphStore) -> GraphStore:
    for delta in _deltas():
        store.upsert(delta)
    return store


@pytest.fixture
def client(store: GraphStore, serve: Serve) -> Iterator[Client]:
    with serve(_load(store), response_cache_size=0) as c:
        yield c


def test_support_counts_documents_and_publishers_on_relations_links_and_agreements(client: Client) -> None:
    q = """query($id: ID!) { actor(id: $id) { ... on Actor {
      relations { nodes { support { documents sources firstSeen lastSeen } } }
      collaborators(depth: 1, via: [PARTNERS_WITH]) { links { support { documents sources } } }
      agreements { support { documents sources firstSeen lastSeen } } } } }"""
    actor = client(q, {"id": ORVANE.id})["actor"]
    (relation,) = actor["relations"]["nodes"]
    # three documents, two publishers: one news site (with and without www., any case) and a file
    assert relation["support"] == {
        "documents": 3,
        "sources": 2,
        "firstSeen": "2022-03-10",
        "lastSeen": "2024-09-01",
    }
    (collaborator,) = actor["collaborators"]
    assert [link["support"] for link in collaborator["links"]] == [{"documents": 3, "sources": 2}]
    (agreement,) = actor["agreements"]
    assert agreement["support"] == {
        "documents": 1,
        "sources": 1,
        "firstSeen": "2022-03-10",
        "lastSeen": "2022-03-10",
    }


def test_agreement_life_status_ends_and_events(client: Client) -> None:
    q = """{ agreements(filter: {kind: MOU}) { nodes { title status ends
      events { status date ends evidence { sentence document { url publishedAt } } } } } }"""
    nodes = [n for n in client(q)["agreements"]["nodes"] if "Orvane" in n["title"] or n["title"] == ""]
    (mou,) = [n for n in nodes if n["events"]]
    assert (mou["status"], mou["ends"]) == ("EXTENDED", None)
    assert [(e["status"], e["date"], e["ends"]) for e in mou["events"]] == [
        ("SIGNED", "2022", "2025"),
        ("EXTENDED", "2024", None),
    ]
    assert [e["evidence"]["sentence"] for e in mou["events"]] == [SIGNED, RENEWED]
    assert mou["events"][0]["evidence"]["document"] == {
        "url": "https://www.orvane-news.example/a",
        "publishedAt": "2022-03-10",
    }


def test_agreements_filter_by_status(client: Client) -> None:
    q = """query($s: AgreementStatus) { agreements(filter: {status: $s}) { totalCount nodes { status } } }"""
    every = client(q)["agreements"]
    assert every["totalCount"] == 1
    extended = client(q, {"s": "EXTENDED"})["agreements"]
    assert extended == every
    assert client(q, {"s": "SIGNED"})["agreements"] == {"totalCount": 0, "nodes": []}


SUPPORT_OF_MANY = """query($n: Int!) { actors(first: $n, filter: {types: [COMPANY]}) { nodes {
  relations(first: 100) { nodes { support { documents sources firstSeen } } }
  agreements { support { documents } events { status evidence { document { title } } } }
  collaborators(depth: 2) { links { support { documents sources } } } } } }"""


def test_support_adds_no_store_call_per_fact(store: GraphStore, serve: Serve) -> None:
    from .counting import CountingStore
    from .graphs import ring

    store.upsert(ring(60))
    _load(store)
    counted = CountingStore(store)
    with serve(counted, response_cache_size=0) as gql:
        calls = {}
        for n in (5, 50):
            counted.calls.clear()
            nodes = gql(SUPPORT_OF_MANY, {"n": n})["actors"]["nodes"]
            assert len(nodes) == n
            assert all(r["support"]["documents"] >= 1 for a in nodes for r in a["relations"]["nodes"])
            calls[n] = sum(counted.calls.values())
    assert calls[50] == calls[5]
