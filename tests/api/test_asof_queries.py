"""``asOf`` and ``minSupport`` over real HTTP on both stores, on a made-up history of
documents dated years apart (:mod:`tests.history`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from qkg.graph.store import GraphStore
from tests.history import BRISK, KESTREL, ORVANE, TELMAR, history

from .conftest import Client, Serve

NAMES = {a.id: a.name for a in (ORVANE, TELMAR, BRISK, KESTREL)}


@pytest.fixture
def client(store: GraphStore, serve: Serve) -> Iterator[Client]:
    for delta in history():
        store.upsert(delta)
    with serve(store, response_cache_size=0) as c:
        yield c


RELATIONS = """query($id: ID!, $asOf: Date, $min: Int) { actor(id: $id) { ... on Actor {
  relations(asOf: $asOf, minSupport: $min) { totalCount nodes { counterpart { name }
    support { documents firstSeen lastSeen } evidence { document { publishedAt } } } } } } }"""


def _relations(client: Client, as_of: str | None = None, min_support: int | None = None) -> list[dict]:
    got = client(RELATIONS, {"id": ORVANE.id, "asOf": as_of, "min": min_support})["actor"]["relations"]
    assert got["totalCount"] == len(got["nodes"])
    return list(got["nodes"])


def test_relations_as_of_a_date(client: Client) -> None:
    assert [n["counterpart"]["name"] for n in _relations(client, "2020-01-01")] == ["Telmar University"]
    (brisk,) = _relations(client, "2022-01-01")
    assert brisk["counterpart"]["name"] == "Brisk Photonics"
    # as of 2022 only the 2021 document supports it; later, the 2024 one too
    assert brisk["support"] == {"documents": 1, "firstSeen": "2021-05-04", "lastSeen": "2021-05-04"}
    assert [e["document"]["publishedAt"] for e in brisk["evidence"]] == ["2021-05-04"]
    later = {n["counterpart"]["name"]: n["support"]["documents"] for n in _relations(client, "2025-01-01")}
    assert later == {"Brisk Photonics": 2, "Kestrel Quantum": 1}
    assert _relations(client, "2018-01-01") == []


def test_relations_with_min_support(client: Client) -> None:
    every = {n["counterpart"]["name"]: n["support"]["documents"] for n in _relations(client)}
    assert every == {"Telmar University": 1, "Brisk Photonics": 2, "Kestrel Quantum": 2}
    assert {n["counterpart"]["name"] for n in _relations(client, min_support=2)} == {
        "Brisk Photonics",
        "Kestrel Quantum",
    }
    assert [n["counterpart"]["name"] for n in _relations(client, "2025-01-01", 2)] == ["Brisk Photonics"]


def test_min_support_below_one_is_refused(client: Client) -> None:
    (message,) = client.errors(RELATIONS, {"id": ORVANE.id, "min": 0})
    assert "minSupport must be at least 1" in message
    (message,) = client.errors(RELATIONS, {"id": ORVANE.id, "asOf": "2024-13-01"})
    assert "Date" in message or "date" in message


AGREEMENTS = """query($asOf: Date, $status: AgreementStatus) {
  agreements(filter: {asOf: $asOf, status: $status}) { totalCount nodes { status ends
    parties { name } support { documents } } } }"""


def test_agreements_as_of_a_date(client: Client) -> None:
    def ask(as_of: str | None, status: str | None = None) -> list[tuple[str, str | None]]:
        got = client(AGREEMENTS, {"asOf": as_of, "status": status})["agreements"]
        assert got["totalCount"] == len(got["nodes"])
        return [(n["status"], n["ends"]) for n in got["nodes"]]

    assert ask("2019-01-01") == []
    assert ask("2021-06-01") == [("SIGNED", "2022-04-02")]
    assert ask("2021-06-01", "SIGNED") == [("SIGNED", "2022-04-02")]
    assert ask("2021-06-01", "EXTENDED") == []
    assert ask("2023-01-01") == []  # the three-year MOU of 2019 was not extended
    assert ask(None) == [("SIGNED", "2022-04-02")]


COLLABORATORS = """query($id: ID!, $asOf: Date, $min: Int) { actor(id: $id) { ... on Actor {
  collaborators(asOf: $asOf, minSupport: $min) { actor { name } linkCount
    links { type support { documents lastSeen } } } } } }"""


def _collaborators(client: Client, as_of: str | None = None, min_support: int | None = None) -> dict:
    got = client(COLLABORATORS, {"id": ORVANE.id, "asOf": as_of, "min": min_support})["actor"]
    return {c["actor"]["name"]: c for c in got["collaborators"]}


def test_collaborators_as_of_a_date(client: Client) -> None:
    early = _collaborators(client, "2020-01-01")
    assert {n: c["linkCount"] for n, c in early.items()} == {"Telmar University": 2}
    mid = _collaborators(client, "2022-01-01")  # the partnership has ended, the MOU has not
    assert {n: [link["type"] for link in c["links"]] for n, c in mid.items()} == {
        "Brisk Photonics": ["PARTNERS_WITH"],
        "Telmar University": ["PARTY_TO"],
    }
    # a link as of a date is supported only by the documents published by then
    assert mid["Brisk Photonics"]["links"][0]["support"] == {"documents": 1, "lastSeen": "2021-05-04"}
    assert set(_collaborators(client, "2023-01-01")) == {"Brisk Photonics"}
    assert set(_collaborators(client, "2025-01-01")) == {"Brisk Photonics", "Kestrel Quantum"}
    assert set(_collaborators(client, min_support=2)) == {"Brisk Photonics", "Kestrel Quantum"}
    assert set(_collaborators(client, "2025-01-01", 2)) == {"Brisk Photonics"}
    assert set(_collaborators(client)) == {"Brisk Photonics", "Kestrel Quantum", "Telmar University"}


PATHS = """query($from: String!, $to: String!, $asOf: Date, $min: Int, $rank: PathRank) {
  paths(from: $from, to: $to, asOf: $asOf, minSupport: $min, rankBy: $rank) { ... on Paths {
    found paths { nodes { name } hops { type support { documents } } } } } }"""


def _paths(client: Client, a: str, b: str, **kw: object) -> list[list[tuple[str, int]]]:
    variables = {
        "from": a,
        "to": b,
        "asOf": kw.get("as_of"),
        "min": kw.get("min"),
        "rank": kw.get("rank", "LENGTH"),
    }
    got = client(PATHS, variables)["paths"]
    return [[(h["type"], h["support"]["documents"]) for h in p["hops"]] for p in got["paths"]]


def test_paths_as_of_a_date_and_ranked_by_their_weakest_hop(client: Client) -> None:
    assert _paths(client, "Telmar University", "Brisk Photonics", as_of="2020-01-01") == []
    assert _paths(client, "Telmar University", "Brisk Photonics", as_of="2021-06-01") == [
        [("PARTNERS_WITH", 1), ("PARTNERS_WITH", 1)],
        [("PARTY_TO", 1), ("PARTNERS_WITH", 1)],
    ]
    assert _paths(client, "Telmar University", "Brisk Photonics", min=2) == []
    # Telmar to Kestrel: through Orvane (2 paths, weakest hop 1 document each) ...
    every = _paths(client, "Telmar University", "Kestrel Quantum", as_of="2025-01-01")
    assert every == []  # ... not as of 2025: Telmar's links had ended
    ranked = _paths(client, "Kestrel Quantum", "Telmar University", rank="WEAKEST_SUPPORT")
    assert [min(n for _, n in p) for p in ranked] == sorted(
        (min(n for _, n in p) for p in ranked), reverse=True
    )


ANALYTICS = """query($asOf: Date, $min: Int) {
  centrality(metric: DEGREE, asOf: $asOf, minSupport: $min) { rank actor { name } }
  communities(asOf: $asOf, minSupport: $min) { size members { name } }
  stats(asOf: $asOf) { documents entities relations agreements evidence } }"""


def test_centrality_communities_and_stats_as_of_a_date(client: Client) -> None:
    early = client(ANALYTICS, {"asOf": "2020-01-01"})
    assert {c["actor"]["name"] for c in early["centrality"]} == {"Orvane Labs", "Telmar University"}
    assert [sorted(m["name"] for m in c["members"]) for c in early["communities"]] == [
        ["Orvane Labs", "Telmar University"]
    ]
    assert early["stats"] == {"documents": 1, "entities": 2, "relations": 1, "agreements": 1, "evidence": 2}
    late = client(ANALYTICS, {"asOf": "2025-01-01"})
    assert late["centrality"][0]["actor"]["name"] == "Orvane Labs"
    assert {c["actor"]["name"] for c in late["centrality"]} == {
        "Orvane Labs",
        "Brisk Photonics",
        "Kestrel Quantum",
    }
    assert late["stats"]["relations"] == 2
    corroborated = client(ANALYTICS, {"min": 2})
    assert {c["actor"]["name"] for c in corroborated["centrality"]} == {
        "Orvane Labs",
        "Brisk Photonics",
        "Kestrel Quantum",
    }
    every = client(ANALYTICS, {})
    assert every["stats"]["documents"] == 4


def test_cli_as_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from qkg.api.cli import main
    from qkg.graph.embedded import EmbeddedStore

    folder = tmp_path / "data"
    with EmbeddedStore(folder) as store:
        store.upsert_many(history())
    for name, value in (("QKG_DATA_DIR", str(folder)), ("QKG_STORE", "embedded")):
        monkeypatch.setenv(name, value)
    assert main(["stats", "--json", "--as-of", "2020"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["documents"], stats["relations"], stats["agreements"]) == (1, 1, 1)
    assert main(["centrality", "-m", "degree", "--as-of", "2025-01-01", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Kestrel Quantum" in out
    assert "Telmar University" not in out
    assert main(["centrality", "-m", "degree", "--min-support", "2", "--format", "csv"]) == 0
    assert "Telmar University" not in capsys.readouterr().out
    assert main(["communities", "--as-of", "2020", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 3  # header and the two 2019 partners


def _documented() -> list[tuple[str, dict]]:
    """The query and output pairs of docs/queries.md's section on questions over time."""
    import re

    from .readme_queries import DOC

    section = DOC.read_text(encoding="utf-8").split("## Questions over time")[1].split("\n## ")[0]
    pairs = re.findall(r"```graphql\n(.*?)```\s*\n.*?```json\n(.*?)```", section, re.S)
    return [(q, json.loads(a)) for q, a in pairs]


def test_documented_questions_over_time_are_real(client: Client) -> None:
    pairs = _documented()
    assert len(pairs) == 3
    for query, expected in pairs:
        assert {"data": client(query)} == expected


def test_paths_ranked_by_their_weakest_hop(store: GraphStore, serve: Serve) -> None:
    """Alder to Drift: through Birch (its second hop told once) or through Cedar (every hop told
    twice). By length both are equal and Birch comes first (node ids); by the weakest hop's
    support Cedar's path comes first."""
    from qkg.schemas import EntityType, RelationType
    from tests import factories as f

    alder, birch, cedar, drift = (
        f.entity(n, EntityType.COMPANY) for n in ("Alder Qubits", "Birch Optics", "Cedar Cryo", "Drift Labs")
    )
    hops = {
        1: [(alder, birch), (alder, cedar), (cedar, drift), (birch, drift)],
        2: [(alder, birch), (alder, cedar), (cedar, drift)],
    }
    for n, pairs in hops.items():
        text = f"Report {n}: Alder Qubits, Birch Optics, Cedar Cryo and Drift Labs partner."
        doc = f.document(text, source=f"https://wire-{n}.example/", published=f"202{n}-01-01")
        rels = [f.relation(a.id, RelationType.PARTNERS_WITH, b.id, doc, text) for a, b in pairs]
        store.upsert(f.delta(doc, (alder, birch, cedar, drift), rels))
    with serve(store, response_cache_size=0) as c:

        def middle(rank: str) -> list[tuple[str, list[int]]]:
            got = c(PATHS, {"from": "Alder Qubits", "to": "Drift Labs", "rank": rank})["paths"]["paths"]
            return [(p["nodes"][1]["name"], [h["support"]["documents"] for h in p["hops"]]) for p in got]

        assert middle("LENGTH") == [("Birch Optics", [2, 1]), ("Cedar Cryo", [2, 2])]
        assert middle("WEAKEST_SUPPORT") == [("Cedar Cryo", [2, 2]), ("Birch Optics", [2, 1])]


ACTOR_AS_OF = """query($id: ID!, $asOf: Date) { actor(id: $id) { ... on Actor {
  degree: centrality(asOf: $asOf) betweenness: centrality(metric: BETWEENNESS, asOf: $asOf)
  documents(asOf: $asOf) { publishedAt url }
  agreements(asOf: $asOf) { id status ends events { status } support { documents } } } }
  centrality(asOf: $asOf, top: 100) { score actor { id } }
  agreements(filter: {party: $id, asOf: $asOf}) { nodes { id status ends events { status } support { documents } } } }"""

DAYS = ("2018-01-01", "2020-01-01", "2022-01-01", "2023-01-01", "2025-01-01", None)


def test_actor_centrality_as_of_a_date_is_the_ranking_s_score(client: Client) -> None:
    degrees = {}
    for day in DAYS:
        got = client(ACTOR_AS_OF, {"id": ORVANE.id, "asOf": day})
        ranked = {r["actor"]["id"]: r["score"] for r in got["centrality"]}
        assert got["actor"]["degree"] == ranked.get(ORVANE.id)
        degrees[day] = got["actor"]["degree"]
    # no fact yet in 2018; Telmar (partner, then MOU co-party) in 2020; Telmar's MOU and Brisk in
    # 2022; Brisk alone in 2023 (the MOU ended 2022-04-02); Brisk and Kestrel in 2025; all three
    assert list(degrees.values()) == [None, 1.0, 2.0, 1.0, 2.0, 3.0]
    assert client(ACTOR_AS_OF, {"id": ORVANE.id, "asOf": "2022-01-01"})["actor"]["betweenness"] == 1.0
    corroborated = """query($id: ID!, $asOf: Date) { actor(id: $id) { ... on Actor {
      centrality(asOf: $asOf, minSupport: 2) } }
      centrality(asOf: $asOf, minSupport: 2, top: 100) { score actor { id } } }"""
    for day, degree in (("2025-01-01", 1.0), (None, 2.0)):  # Brisk; Brisk and Kestrel
        got = client(corroborated, {"id": ORVANE.id, "asOf": day})
        assert got["actor"]["centrality"] == degree
        assert {r["actor"]["id"]: r["score"] for r in got["centrality"]}[ORVANE.id] == degree
    (message,) = client.errors(corroborated.replace("minSupport: 2)", "minSupport: 0)", 1), {"id": ORVANE.id})
    assert "minSupport must be at least 1" in message


def test_actor_documents_as_of_a_date(client: Client) -> None:
    def ask(day: str | None) -> list[tuple[str | None, str | None]]:
        docs = client(ACTOR_AS_OF, {"id": ORVANE.id, "asOf": day})["actor"]["documents"]
        return [(d["publishedAt"], d["url"]) for d in docs]

    assert ask("2018-01-01") == []
    assert ask("2020-01-01") == [("2019-04-02", "https://news-a.example/2019")]
    # the 2019 partnership has ended but its MOU has not: the 2019 document still counts
    assert ask("2022-01-01") == [
        ("2019-04-02", "https://news-a.example/2019"),
        ("2021-05-04", "https://news-b.example/2021"),
    ]
    # by 2025 both 2019 facts have ended; the undated note never counts as of a date
    assert ask("2025-01-01") == [
        ("2021-05-04", "https://news-b.example/2021"),
        ("2024-02-01", "https://news-a.example/2024"),
    ]
    assert len(ask(None)) == 4


def test_actor_agreements_and_agreement_as_of_a_date(client: Client) -> None:
    query = """query($id: ID!, $asOf: Date) { agreement(id: $id, asOf: $asOf) { __typename
      ... on Agreement { id status ends events { status } support { documents } }
      ... on AgreementNotFound { message requested } } }"""
    (mou,) = client(ACTOR_AS_OF, {"id": ORVANE.id})["agreements"]["nodes"]
    for day in DAYS:
        got = client(ACTOR_AS_OF, {"id": ORVANE.id, "asOf": day})
        # the actor's agreements as of a date are the party filter's, field for field
        assert got["actor"]["agreements"] == got["agreements"]["nodes"]
        one = client(query, {"id": mou["id"], "asOf": day})["agreement"]
        if got["agreements"]["nodes"]:
            assert one == {"__typename": "Agreement", **got["agreements"]["nodes"][0]}
        else:
            assert one == {
                "__typename": "AgreementNotFound",
                "message": f"Agreement {mou['id']!r} is not in force on {day}",
                "requested": mou["id"],
            }
    in_force = [d for d in DAYS if client(query, {"id": mou["id"], "asOf": d})["agreement"].get("status")]
    assert in_force == ["2020-01-01", "2022-01-01", None]
    missing = client(query, {"id": "agreement:none", "asOf": "2020-01-01"})["agreement"]
    assert missing["message"] == "No agreement with id 'agreement:none' is in the graph"


def test_actor_goals_as_of_a_date(store: GraphStore, serve: Serve) -> None:
    """Orvane states a 100-qubit goal in 2020 and again in 2023, and a 1,000-qubit one in 2024:
    as of a date its goals are those stated by then, each with those documents' evidence,
    and ``stats(asOf) { goals }`` counts the same ones."""
    from tests import factories as f

    for delta in history():
        store.upsert(delta)
    stated = (("2020-03-01", 100.0), ("2023-03-01", 100.0), ("2024-03-01", 1000.0))
    for n, (day, value) in enumerate(stated):
        text = f"Orvane Labs aims for {value:g} qubits by 2030 (report {n})."
        doc = f.document(text, source=f"https://goals.example/{n}", published=day)
        goal = f.goal("qubits", value, "qubits", doc, text, target_year=2030, owner=ORVANE.id)
        store.upsert(f.delta(doc, (ORVANE,), goals=[goal]))
    query = """query($id: ID!, $asOf: Date) { stats(asOf: $asOf) { goals }
      actor(id: $id) { ... on Actor { goals(asOf: $asOf) { value evidence { document { publishedAt } } } } } }"""
    with serve(store, response_cache_size=0) as c:

        def ask(day: str | None) -> dict[float, list[str]]:
            got = c(query, {"id": ORVANE.id, "asOf": day})
            goals = got["actor"]["goals"]
            if day is not None:
                assert got["stats"]["goals"] == len(goals)
            return {g["value"]: sorted(e["document"]["publishedAt"] for e in g["evidence"]) for g in goals}

        assert ask("2019-01-01") == {}
        assert ask("2021-01-01") == {100.0: ["2020-03-01"]}
        assert ask("2024-01-01") == {100.0: ["2020-03-01", "2023-03-01"]}
        assert ask("2025-01-01") == {100.0: ["2020-03-01", "2023-03-01"], 1000.0: ["2024-03-01"]}
        assert ask(None) == ask("2025-01-01")
