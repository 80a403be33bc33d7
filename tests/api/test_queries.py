"""The query side of the API, over real HTTP, on every store (the ``store`` fixture)."""

from __future__ import annotations

import pytest

from qkg.graph.store import GraphStore

from .conftest import Client, Serve
from .graphs import AWS, DAEJEON, IBM, KAIST, PASQAL, ring

pytestmark = pytest.mark.usefixtures("loaded")

RELATIONS = """
query($id: ID!, $types: [RelationType!], $dir: Direction! = BOTH) {
  actor(id: $id) {
    ... on Actor {
      relations(types: $types, direction: $dir) {
        totalCount
        edges { node {
          type direction counterpart { id name } confidence firstSeen lastSeen
          evidence { sentence start end rule confidence document { id title url publishedAt } }
        } }
      }
    }
  }
}
"""


def test_actor_by_id_and_by_name_alias_and_not_found(gql: Client) -> None:
    q = "query($id: ID, $name: String) { actor(id: $id, name: $name) { __typename "
    q += "... on Actor { id name type country aliases externalIds { scheme value } iri } "
    q += "... on ActorNotFound { message requested } } }"
    by_id = gql(q, {"id": KAIST})["actor"]
    assert by_id["name"] == "KAIST"
    assert by_id["type"] == "UNIVERSITY"
    assert by_id["country"] == "KR"
    assert "한국과학기술원" in by_id["aliases"]
    assert by_id["externalIds"] == [{"scheme": "wikidata", "value": "Q359463"}]
    assert by_id["iri"].endswith("kaist:kr") or "kaist" in by_id["iri"]
    assert gql(q, {"name": "korea advanced institute of science and technology"})["actor"]["id"] == KAIST
    assert gql(q, {"name": "AWS"})["actor"]["id"] == AWS
    missing = gql(q, {"name": "Atlantis Quantum"})["actor"]
    assert missing["__typename"] == "ActorNotFound"
    assert "Atlantis Quantum" in missing["message"]
    assert gql(q, {"id": "company:nope"})["actor"]["__typename"] == "ActorNotFound"


def test_relations_carry_evidence_with_document_and_dates(gql: Client) -> None:
    rels = gql(RELATIONS, {"id": KAIST})["actor"]["relations"]
    assert rels["totalCount"] == 3
    by_other = {e["node"]["counterpart"]["id"]: e["node"] for e in rels["edges"]}
    assert set(by_other) == {IBM, PASQAL, DAEJEON}
    pasqal = by_other[PASQAL]
    assert pasqal["type"] == "PARTNERS_WITH"
    assert pasqal["direction"] == "BOTH"
    (ev,) = pasqal["evidence"]
    assert ev["sentence"] == "KAIST partners with PASQAL on neutral-atom quantum computing."
    assert ev["end"] - ev["start"] == len(ev["sentence"])
    assert ev["document"]["title"] == "Daejeon's quantum alliances"
    assert ev["document"]["url"] == "https://example.org/daejeon"
    assert ev["document"]["publishedAt"] == "2024-05-10"
    assert pasqal["firstSeen"] == pasqal["lastSeen"] == "2024-05-10"
    assert by_other[DAEJEON]["direction"] == "OUT"
    assert by_other[IBM]["firstSeen"] == "2023-01-15"


def test_relations_filter_by_type_and_direction(gql: Client) -> None:
    only = gql(RELATIONS, {"id": KAIST, "types": ["LOCATED_IN"]})["actor"]["relations"]
    assert [e["node"]["counterpart"]["id"] for e in only["edges"]] == [DAEJEON]
    incoming = gql(RELATIONS, {"id": DAEJEON, "dir": "IN"})["actor"]["relations"]
    assert [e["node"]["counterpart"]["id"] for e in incoming["edges"]] == [KAIST]
    assert gql(RELATIONS, {"id": DAEJEON, "dir": "OUT"})["actor"]["relations"]["totalCount"] == 0


def test_relations_pagination_cursors_are_stable(gql: Client) -> None:
    q = """query($after: String) { actor(name: "KAIST") { ... on Actor {
      relations(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { counterpart { id } } } } } } }"""
    first = gql(q)["actor"]["relations"]
    assert first["totalCount"] == 3
    assert first["pageInfo"]["hasNextPage"] is True
    again = gql(q)["actor"]["relations"]
    assert again == first
    rest = gql(q, {"after": first["pageInfo"]["endCursor"]})["actor"]["relations"]
    assert rest["pageInfo"]["hasNextPage"] is False
    ids = [e["node"]["counterpart"]["id"] for e in first["edges"] + rest["edges"]]
    assert sorted(ids) == sorted({IBM, PASQAL, DAEJEON})


def test_actors_connection_filters_and_pages(gql: Client) -> None:
    q = """query($f: ActorFilter, $first: Int!, $after: String) {
      actors(filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id name } } } }"""
    everything = gql(q, {"first": 100})["actors"]
    assert everything["totalCount"] == 6
    names = [e["node"]["name"] for e in everything["edges"]]
    assert names == sorted(names, key=str.casefold)
    page1 = gql(q, {"first": 4})["actors"]
    page2 = gql(q, {"first": 4, "after": page1["pageInfo"]["endCursor"]})["actors"]
    assert page1["pageInfo"]["hasNextPage"]
    assert not page2["pageInfo"]["hasNextPage"]
    assert page2["pageInfo"]["hasPreviousPage"]
    assert [e["node"]["name"] for e in page1["edges"] + page2["edges"]] == names
    companies = gql(q, {"first": 10, "f": {"types": ["COMPANY"], "country": "us"}})["actors"]
    assert {e["node"]["id"] for e in companies["edges"]} == {AWS, IBM}
    assert gql(q, {"first": 10, "f": {"nameContains": "amazon"}})["actors"]["totalCount"] == 1
    tech = gql(q, {"first": 10, "f": {"technology": "technology:neutral-atom-quantum-computing"}})["actors"]
    assert [e["node"]["id"] for e in tech["edges"]] == [PASQAL]


def test_collaborators_to_depth_two_with_linking_agreements(gql: Client) -> None:
    q = """query($d: Int!) { actor(name: "KAIST") { ... on Actor { collaborators(depth: $d) {
      distance actor { id } links { type source { id } target { id } agreement { kind title }
        evidence { sentence document { title } } } } } } }"""
    one = gql(q, {"d": 1})["actor"]["collaborators"]
    assert {c["actor"]["id"] for c in one} == {DAEJEON, IBM, PASQAL}
    pasqal = next(c for c in one if c["actor"]["id"] == PASQAL)
    assert {(lk["type"], (lk["agreement"] or {}).get("kind")) for lk in pasqal["links"]} == {
        ("PARTNERS_WITH", None),
        ("PARTY_TO", "PARTNERSHIP"),
    }
    two = gql(q, {"d": 2})["actor"]["collaborators"]
    aws = next(c for c in two if c["actor"]["id"] == AWS)
    assert aws["distance"] == 2
    (link,) = aws["links"]
    assert link["source"]["id"] == DAEJEON
    assert link["agreement"]["kind"] == "MOU"
    assert link["evidence"][0]["sentence"] == "Daejeon signed an MOU with Amazon Web Services (AWS)."
    assert [c["distance"] for c in two] == sorted(c["distance"] for c in two)


def test_collaborators_via_partnerships_only(gql: Client) -> None:
    q = """{ actor(name: "KAIST") { ... on Actor { collaborators(depth: 3, via: [PARTNERS_WITH]) {
      actor { id } distance } } } }"""
    got = gql(q)["actor"]["collaborators"]
    assert {c["actor"]["id"] for c in got} == {IBM, PASQAL}


def test_agreements_filter_by_date_kind_and_party(gql: Client) -> None:
    q = """query($f: AgreementFilter) { agreements(filter: $f) { totalCount
      nodes { id kind title date status topics place { name } parties { id }
        evidence { sentence document { title publishedAt } } } } }"""
    since = gql(q, {"f": {"from": "2024"}})["agreements"]
    assert since["totalCount"] == 2
    assert [a["date"] for a in since["nodes"]] == ["2024-04-02", "2024-05"]
    partnership = since["nodes"][1]
    assert partnership["kind"] == "PARTNERSHIP"
    assert partnership["place"] == {"name": "Daejeon"}
    assert partnership["status"] == "SIGNED"
    assert {p["id"] for p in partnership["parties"]} == {KAIST, PASQAL, DAEJEON}
    assert gql(q, {"f": {"to": "2023"}})["agreements"]["totalCount"] == 1
    assert gql(q, {"f": {"kind": "MOU"}})["agreements"]["totalCount"] == 2
    assert gql(q, {"f": {"party": "IBM"}})["agreements"]["nodes"][0]["title"] == "IBM-KAIST MOU"
    assert gql(q, {"f": {"party": "Nobody Inc"}})["agreements"]["totalCount"] == 0


def test_agreement_by_id_and_not_found(gql: Client) -> None:
    aid = gql("{ agreements { nodes { id } } }")["agreements"]["nodes"][0]["id"]
    q = "query($id: ID!) { agreement(id: $id) { __typename ... on Agreement { id } ... on AgreementNotFound { message } } }"
    assert gql(q, {"id": aid})["agreement"] == {"__typename": "Agreement", "id": aid}
    nf = gql(q, {"id": "agreement:none"})["agreement"]
    assert nf["__typename"] == "AgreementNotFound"
    assert "agreement:none" in nf["message"]


def test_actor_agreements_goals_documents(gql: Client) -> None:
    q = """{ actor(name: "Daejeon") { ... on Actor {
      agreements { kind } mous: agreements(kind: MOU) { title }
      goals { metric value unit targetYear owner { name } evidence { sentence } }
      documents { title contributed { entities relations agreements goals } } } } }"""
    d = gql(q)["actor"]
    assert sorted(a["kind"] for a in d["agreements"]) == ["MOU", "PARTNERSHIP"]
    assert d["mous"] == [{"title": "Daejeon-AWS quantum MOU"}]
    (goal,) = d["goals"]
    assert (goal["value"], goal["targetYear"], goal["owner"]["name"]) == (2500, 2030, "Daejeon")
    assert [doc["title"] for doc in d["documents"]] == ["Daejeon's quantum alliances"]
    assert d["documents"][0]["contributed"] == {"entities": 5, "relations": 3, "agreements": 2, "goals": 1}


def test_paths_between_aws_and_pasqal_with_evidence(gql: Client) -> None:
    q = """query($from: String!, $to: String!, $hops: Int!) { paths(from: $from, to: $to, maxHops: $hops) {
      __typename ... on Paths { found message maxHops from { id } to { id }
        paths { length nodes { name } hops { type reversed source { id } target { id }
          agreement { kind } evidence { sentence } } } }
      ... on ActorNotFound { message } } }"""
    got = gql(q, {"from": "AWS", "to": "PASQAL", "hops": 4})["paths"]
    assert got["found"] is True
    assert (got["from"]["id"], got["to"]["id"]) == (AWS, PASQAL)
    shortest = got["paths"][0]
    assert shortest["length"] == 2
    assert [n["name"] for n in shortest["nodes"]] == ["Amazon Web Services", "Daejeon", "PASQAL"]
    assert [h["agreement"]["kind"] for h in shortest["hops"]] == ["MOU", "PARTNERSHIP"]
    assert all(h["evidence"] for p in got["paths"] for h in p["hops"])
    assert [p["length"] for p in got["paths"]] == sorted(p["length"] for p in got["paths"])
    located = [h for p in got["paths"] for h in p["hops"] if h["type"] == "LOCATED_IN"]
    assert located
    assert all(h["evidence"][0]["sentence"] == "KAIST is located in Daejeon." for h in located)
    none = gql(q, {"from": "AWS", "to": "IBM", "hops": 1})["paths"]
    assert none["found"] is False
    assert none["paths"] == []
    assert "No path" in none["message"]
    nf = gql(q, {"from": "AWS", "to": "Nobody", "hops": 3})["paths"]
    assert nf["__typename"] == "ActorNotFound"


def test_search_ranks_exact_matches_first_across_kinds(gql: Client) -> None:
    q = """query($t: String!) { search(text: $t) { score node { __typename
      ... on Actor { name } ... on Agreement { title } ... on Document { title } } } }"""
    hits = gql(q, {"t": "KAIST"})["search"]
    assert hits[0]["node"] == {"__typename": "Actor", "name": "KAIST"}
    assert hits[0]["score"] == 1.0
    kinds = {h["node"]["__typename"] for h in hits}
    assert kinds == {"Actor", "Agreement", "Document"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert gql(q, {"t": "   "})["search"] == []


def test_documents_and_document_contribution(gql: Client) -> None:
    docs = gql("{ documents { totalCount nodes { id title publishedAt } } }")["documents"]
    assert docs["totalCount"] == 2
    assert [d["publishedAt"] for d in docs["nodes"]] == ["2023-01-15", "2024-05-10"]
    did = docs["nodes"][0]["id"]
    q = """query($id: ID!) { document(id: $id) { __typename ... on Document { title mediaType
      contributed { entities relations agreements goals } entities { name } agreements { title }
      relations { type source { name } target { name } } text }
      ... on DocumentNotFound { message } } }"""
    doc = gql(q, {"id": did})["document"]
    assert doc["contributed"] == {"entities": 2, "relations": 1, "agreements": 1, "goals": 0}
    assert {e["name"] for e in doc["entities"]} == {"IBM", "KAIST"}
    assert doc["relations"] == [
        {"type": "PARTNERS_WITH", "source": {"name": "IBM"}, "target": {"name": "KAIST"}}
    ]
    assert doc["text"].startswith("IBM partners with KAIST")
    assert gql(q, {"id": "0" * 64})["document"]["__typename"] == "DocumentNotFound"


def test_stats(gql: Client) -> None:
    s = gql(
        "{ stats { documents entities relations agreements goals evidence store graphVersion "
        "entitiesByType { type count } } }"
    )["stats"]
    assert (s["documents"], s["entities"], s["relations"], s["agreements"], s["goals"]) == (2, 6, 4, 3, 1)
    assert s["evidence"] == 8
    assert {"type": "Company", "count": 3} in s["entitiesByType"]
    assert s["store"] in {"embedded", "neo4j"}


def test_centrality_and_communities_are_computed(gql: Client) -> None:
    top = gql("{ centrality(metric: DEGREE, top: 3) { rank score actor { name } } }")["centrality"]
    assert [t["rank"] for t in top] == [1, 2, 3]
    # collaboration links: KAIST-PASQAL, KAIST-IBM, the tripartite (3 pairs), Daejeon-AWS
    assert {top[0]["actor"]["name"], top[1]["actor"]["name"]} == {"KAIST", "Daejeon"}
    own = gql('{ actor(name: "AWS") { ... on Actor { centrality(metric: DEGREE) } } }')["actor"]
    assert top[0]["score"] == pytest.approx(3 * own["centrality"])
    bet = gql("{ centrality(metric: BETWEENNESS, top: 1) { actor { name } } }")["centrality"]
    assert bet[0]["actor"]["name"] in {"KAIST", "Daejeon"}
    comms = gql("{ communities { id size members { name } } }")["communities"]
    members = {m["name"] for c in comms for m in c["members"]}
    assert {"KAIST", "Daejeon", "PASQAL", "IBM", "Amazon Web Services"} <= members
    assert all(c["size"] == len(c["members"]) for c in comms)
    together = next(c for c in comms if any(m["name"] == "Amazon Web Services" for m in c["members"]))
    assert "Daejeon" in {m["name"] for m in together["members"]}


def test_collaborators_rank_by_link_count_and_page_their_links(store: GraphStore, serve: Serve) -> None:
    store.upsert(ring(12))  # company i partners with i±1 and i±2
    q = """query($first: Int!, $links: Int!) { actor(name: "Qubit Works 000") { ... on Actor {
      collaborators(depth: 2, first: $first) { distance linkCount actor { name }
        links(first: $links) { source { name } target { name } evidence { sentence } } } } } }"""
    with serve(store, response_cache_size=0) as api:
        got = api(q, {"first": 50, "links": 5})["actor"]["collaborators"]
        assert [(c["distance"], c["linkCount"]) for c in got] == [(1, 1)] * 4 + [(2, 2)] * 2 + [(2, 1)] * 2
        three = got[4]  # reached from 001 and 002, nearer actors listed by id
        assert three["actor"]["name"] == "Qubit Works 003"
        assert [lk["source"]["name"] for lk in three["links"]] == ["Qubit Works 001", "Qubit Works 002"]
        assert (
            three["links"][0]["evidence"][0]["sentence"] == "Qubit Works 001 partners with Qubit Works 003."
        )
        paged = api(q, {"first": 5, "links": 1})["actor"]["collaborators"]
        assert len(paged) == 5
        assert paged[4]["linkCount"] == 2
        assert [lk["source"]["name"] for lk in paged[4]["links"]] == ["Qubit Works 001"]
        (message,) = api.errors(q, {"first": 5, "links": 10_000})
        assert "first (links)" in message
