"""Actors are found under the names articles use (made-up article, real extractor, real HTTP)."""

from __future__ import annotations

import pytest

from qkg.api.names import name_variants
from qkg.graph.store import GraphStore
from qkg.loaders.extract import extract
from qkg.schemas import Document

from .conftest import Serve

ARTICLE = (
    "Orbion Inc., the City of Lakeport and the Government of Ruritania signed a memorandum of "
    "understanding on quantum sensing. The Free State of Bavaria and Veltra Quantum signed a "
    "partnership agreement. Veltra Quantum and UK Research and Innovation also signed an MOU."
)

QUERY = """query($name: String!) { actor(name: $name) { __typename
  ... on Actor { name collaborators(depth: 1) { actor { name } } } } }"""


@pytest.mark.parametrize(
    ("asked", "partner"),
    [
        ("City of Lakeport", "Orbion Inc"),
        ("the City of Lakeport", "Orbion Inc"),
        ("Lakeport", "Orbion Inc"),
        ("Government of Ruritania", "Orbion Inc"),
        ("Orbion Inc.", "Government of Ruritania"),
        ("Free State of Bavaria", "Veltra Quantum"),
        ("Bavaria", "Veltra Quantum"),
        ("UK Research & Innovation", "Veltra Quantum"),
    ],
)
def test_actor_found_under_the_article_name(
    memory: GraphStore, serve: Serve, asked: str, partner: str
) -> None:
    memory.upsert(extract(Document.from_text(ARTICLE)))
    with serve(memory, response_cache_size=0) as gql:
        actor = gql(QUERY, {"name": asked})["actor"]
    assert actor["__typename"] == "Actor", asked
    names = {c["actor"]["name"] for c in actor["collaborators"]}
    assert any(partner.casefold() in n.casefold() for n in names), names


def test_unknown_name_stays_not_found(memory: GraphStore, serve: Serve) -> None:
    with serve(memory, response_cache_size=0) as gql:
        actor = gql(QUERY, {"name": "the City of Atlantis"})["actor"]
    assert actor["__typename"] == "ActorNotFound"


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("the City of Lakeport", "Lakeport"),
        ("Province of Quebec", "Quebec"),
        ("Government of Ruritania", "Ruritania Government"),
        ("Ruritania government", "Government of Ruritania"),
        ("UK Research & Innovation", "UK Research and Innovation"),
        ("U.S.", "US"),
        ("Sanko Electric Co., Ltd.", "Sanko Electric"),
    ],
)
def test_name_variants(name: str, variant: str) -> None:
    assert variant in name_variants(name)


def test_exact_name_is_not_a_variant() -> None:
    assert name_variants("IBM") == []
