"""`qkg serve` on a reopened embedded store (issue 14): the common reads answered from the facts
file, without decoding the object index, and exactly as the index answers them.

The store the app opens is warmed as ``qkg serve`` warms it; the same questions are asked
before and after the index is decoded (the answer cache off), and the answers compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.synthetic import generate_deltas
from qkg.api.app import open_store
from qkg.api.settings import Settings
from qkg.graph.embedded import EmbeddedStore

from .conftest import Serve
from .graphs import daejeon

ACTOR = """query($name: String!) { actor(name: $name) { __typename
  ... on Actor { id name type country aliases }
  ... on ActorNotFound { message } } }"""
COLLABORATORS = """query($name: String!, $depth: Int!) { actor(name: $name) { ... on Actor {
  collaborators(depth: $depth, first: 100) { distance linkCount actor { id name type }
    links { type reversed agreement { id kind parties { id } }
      evidence { sentence start documentId document { title url publishedAt } } } }
  relations(first: 20) { totalCount edges { node { type source { id } target { id } confidence } } }
  agreements { id kind date }
  goals { id metric value }
  documents { id title publishedAt contributed { relations } } } } }"""
PATHS = """query($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 4, first: 3) {
  ... on Paths { found paths { length nodes { id name } hops { type source { name } target { name }
    agreement { kind } evidence { sentence document { title } } } } } } }"""
LISTINGS = """query($part: String!) {
  actors(filter: { nameContains: $part }, first: 7) { totalCount nodes { id name } }
  everyone: actors(first: 5, after: null) { totalCount nodes { id } }
  companies: actors(filter: { types: [COMPANY], country: "kr" }) { totalCount nodes { id } }
  stats { documents entities relations agreements goals evidence graphVersion entitiesByType { type count } } }"""


def _questions(store: EmbeddedStore) -> list[tuple[str, dict[str, Any]]]:
    ids = store.edge_arrays().ids  # the link columns: no index needed to choose them
    named = store.entities_by_id(ids[::9])
    names = [e.name for e in named.values()]
    aliases = [a for e in named.values() for a in e.aliases]
    asked: list[tuple[str, dict[str, Any]]] = []
    for n in [*names, *aliases, "KAIST", "kaist", "Korea Advanced Institute", "Nobody Labs Inc.", "Daejeon"]:
        asked.append((ACTOR, {"name": n}))
    for n in [*names[::3], "KAIST"]:
        for depth in (1, 2):
            asked.append((COLLABORATORS, {"name": n, "depth": depth}))
    for a, b in zip(names[::4], names[2::4], strict=False):
        asked.append((PATHS, {"from": a, "to": b}))
    asked.append((PATHS, {"from": "KAIST", "to": "PASQAL"}))
    for part in ("qu", "kai", "zz"):
        asked.append((LISTINGS, {"part": part}))
    return asked


def test_a_served_store_answers_from_its_facts_file_as_from_its_index(tmp_path: Path, serve: Serve) -> None:
    folder = tmp_path / "data"
    with EmbeddedStore(folder) as written:
        written.upsert_many([*daejeon(), *generate_deltas(150, 900, seed=3)])
    store = open_store(Settings(data_dir=folder))  # what `qkg serve` opens, warmed
    try:
        assert isinstance(store, EmbeddedStore)
        assert store._idx is None  # warmed without decoding the index
        asked = _questions(store)
        with serve(store, response_cache_size=0) as client:
            from_columns = [client(q, v) for q, v in asked]
        assert store._idx is None  # every answer above came from the facts file
        assert store._index is not None  # decoded now: the index answers from here on
        with serve(store, response_cache_size=0) as client:
            from_index = [client(q, v) for q, v in asked]
    finally:
        store.close()
    assert sum(1 for a in from_columns if a.get("actor", {}).get("__typename") == "Actor") > 10
    walked = [
        a["actor"].get("collaborators", [])
        for (q, _), a in zip(asked, from_columns, strict=True)
        if q is COLLABORATORS
    ]
    assert sum(len(c) for c in walked) > 100
    assert any(
        e["document"]["title"] for c in walked for x in c for link in x["links"] for e in link["evidence"]
    )
    assert any(p["paths"]["found"] for (q, _), p in zip(asked, from_columns, strict=True) if q is PATHS)
    for (q, v), got, expected in zip(asked, from_columns, from_index, strict=True):
        assert got == expected, (q[:40], v)
