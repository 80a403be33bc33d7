"""Actors are found under the names articles and analysts use (made-up names, real HTTP,
both stores), and a name that fits several actors only loosely finds none of them."""

from __future__ import annotations

import pytest

from qkg.api.names import generic_tail, legal_forms, name_variants
from qkg.graph.store import GraphStore
from qkg.loaders.extract import extract
from qkg.schemas import AgreementKind, Document, Entity, EntityType

from ..factories import agreement, delta, document, entity
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
        ("Nordhafen Quantum e.V.", "Nordhafen Quantum"),
        ("Accélérateur d'Entreprises", "Accélérateur d’Entreprises"),
        ("Max-Norden Society", "Max Norden Society"),
        ("Metropolitan Government of Lakeport", "Lakeport Metropolitan Government"),
        ("Ohio state government", "Ohio"),
        ("Franklin County government", "Franklin County"),
        ("Hefei municipal government", "Hefei"),
        ("Ruritania's Department of Energy", "Department of Energy"),
        ("Orbi Quantum", "OrbiQuantum"),
        ("the Lakeport City Council", "Lakeport"),
        ("Franklin County Council", "Franklin County"),
        ("the Varenna Region", "Varenna"),
        ("Region of Varenna", "Varenna"),
    ],
)
def test_name_variants(name: str, variant: str) -> None:
    assert variant in name_variants(name)


def test_exact_name_is_not_a_variant() -> None:
    assert name_variants("IBM") == []


E = EntityType
SIGNED = "Corvala Systems Ltd. and the Ministry of Energy signed a memorandum of understanding."
LOOSE_TEXT = SIGNED + " Velmora and Lakeport signed a partnership agreement."
CORVALA = entity("Corvala Systems Ltd.", E.COMPANY, "GB")
MINISTRY = entity("Ministry of Energy", E.GOVERNMENT_BODY, "RU")
VELMORA = entity("Velmora", E.COMPANY)
VELMORA_VENTURES = entity("Velmora Ventures", E.COMPANY)
LAKEPORT = entity("Lakeport", E.CITY, "RU")
LAKEPORT_REGION = entity("Lakeport", E.REGION, "RU")
MAX_NORDEN = entity("Max Norden Institute", E.RESEARCH_INSTITUTE, "DE")
ALDREN_GB = entity("Aldren Quantum Ltd", E.COMPANY, "GB")
ALDREN_DE = entity("Aldren Quantum GmbH", E.COMPANY, "DE")
LOOSE_QUERY = """query($name: String!) { actor(name: $name) { __typename
  ... on Actor { id collaborators(depth: 1) { actor { id } } }
  ... on ActorNotFound { message candidates { id } } } }"""


@pytest.fixture
def loose(store: GraphStore) -> GraphStore:
    """Actors named in one form, asked in another (each real store)."""
    doc = document(LOOSE_TEXT, source="test://loose")
    ents = [
        CORVALA,
        MINISTRY,
        VELMORA,
        VELMORA_VENTURES,
        LAKEPORT,
        LAKEPORT_REGION,
        MAX_NORDEN,
        ALDREN_GB,
        ALDREN_DE,
    ]
    ags = [
        agreement(AgreementKind.MOU, [CORVALA.id, MINISTRY.id], doc, SIGNED),
        agreement(AgreementKind.PARTNERSHIP, [VELMORA.id, LAKEPORT.id], doc, LOOSE_TEXT[len(SIGNED) + 1 :]),
    ]
    store.upsert(delta(doc, ents, agreements=ags))
    return store


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("Corvala Systems", CORVALA),  # the store's name has a legal suffix
        ("Corvala Systems Ltd", CORVALA),
        ("Corvala", CORVALA),  # the store knows no other Corvala
        ("Corvala Systems Technologies", CORVALA),
        ("Ruritania's Ministry of Energy", MINISTRY),
        ("the Ruritanian Ministry of Energy", MINISTRY),
        ("Velmora", VELMORA),  # the exact name, not the fund of that name
        ("Velmora Quantum", VELMORA),  # a generic tail, and the store has no "Velmora Quantum"
        ("Lakeport city government", LAKEPORT),  # the city, not the region of that name
        ("Lakeport's municipal government", LAKEPORT),
        ("Max-Norden Institute", MAX_NORDEN),
    ],
)
def test_actor_found_under_another_form_of_its_name(
    loose: GraphStore, serve: Serve, asked: str, found: Entity
) -> None:
    with serve(loose, response_cache_size=0) as gql:
        actor = gql(LOOSE_QUERY, {"name": asked})["actor"]
    assert actor.get("id") == found.id, (asked, actor)


def test_a_loose_form_finds_the_partners_of_the_actor(loose: GraphStore, serve: Serve) -> None:
    with serve(loose, response_cache_size=0) as gql:
        actor = gql(LOOSE_QUERY, {"name": "Corvala Systems"})["actor"]
    assert [c["actor"]["id"] for c in actor["collaborators"]] == [MINISTRY.id]


@pytest.mark.parametrize(
    "asked",
    [
        "Velmora Capital",  # a fund or an arm is another actor
        "Corvala Energy",
        "Lakeport Quantum",  # a place is never found by a loose form
        "Ministry of Energy and Mines",
    ],
)
def test_a_loose_form_never_finds_another_actor(loose: GraphStore, serve: Serve, asked: str) -> None:
    with serve(loose, response_cache_size=0) as gql:
        actor = gql(LOOSE_QUERY, {"name": asked})["actor"]
    assert actor == {"__typename": "ActorNotFound", "message": actor["message"], "candidates": []}


def test_a_name_that_fits_two_actors_loosely_gives_both_as_candidates(
    loose: GraphStore, serve: Serve
) -> None:
    with serve(loose, response_cache_size=0) as gql:
        actor = gql(LOOSE_QUERY, {"name": "Aldren Quantum"})["actor"]
    assert actor["__typename"] == "ActorNotFound"
    assert sorted(c["id"] for c in actor["candidates"]) == sorted([ALDREN_GB.id, ALDREN_DE.id])
    assert "could mean 2 actors" in actor["message"]


def test_the_actor_of_a_name_comes_before_one_that_has_it_as_an_alias(
    store: GraphStore, serve: Serve
) -> None:
    text = "Aardvark Systems and the Apollo institute signed an MOU."
    doc = document(text, source="test://apollo")
    aardvark = entity("Aardvark Systems", E.COMPANY, aliases=["Apollo"])  # first in the store's order
    apollo = entity("Apollo", E.RESEARCH_INSTITUTE)
    store.upsert(delta(doc, [aardvark, apollo]))
    with serve(store, response_cache_size=0) as gql:
        actor = gql(LOOSE_QUERY, {"name": "Apollo"})["actor"]
    assert actor["id"] == apollo.id


def test_exact_name_of_two_actors_keeps_the_first_in_store_order(loose: GraphStore, serve: Serve) -> None:
    # unchanged: the city and the region of one name; the exact name answers the first
    with serve(loose, response_cache_size=0) as gql:
        actor = gql(LOOSE_QUERY, {"name": "Lakeport"})["actor"]
    assert actor["id"] in {LAKEPORT.id, LAKEPORT_REGION.id}


@pytest.mark.parametrize(
    ("short", "long", "generic"),
    [
        ("Orbion", "Orbion Quantum Technologies Ltd.", True),
        ("Orbion", "Orbion Inc", True),
        ("Orbion", "Orbion Ventures", False),
        ("Orbion Quantum", "Orbion", False),
        ("Orbion", "Orbion", False),
    ],
)
def test_generic_tail(short: str, long: str, generic: bool) -> None:
    assert generic_tail(short, long) is generic


# -- one actor named differently by two documents ---------------------------------------------
MERGE_QUERY = """query($name: String!) { actor(name: $name) { ... on Actor { id
  mergedWith { id } collaborators(depth: 1) { actor { name } } } } }"""
OQT = entity("Orbion Quantum Technologies", E.COMPANY, "FR", aliases=["OQT"])
OQT_BARE = entity("OQT", E.COMPANY)  # the acronym, named bare in another document
OQT_INSTITUTE = entity("OQT", E.RESEARCH_INSTITUTE)  # another actor of that acronym
OQT_US = entity("Orbion Quantum Technologies", E.COMPANY, "US")  # another company of that name


def _pair(store: GraphStore, text: str, a: Entity, b: Entity, kind: AgreementKind) -> None:
    ents = [a, b]
    doc = document(text, source=f"test://split/{len(text)}-{text.split()[0]}")
    store.upsert(delta(doc, ents, agreements=[agreement(kind, [e.id for e in ents], doc, text)]))


@pytest.fixture
def split(store: GraphStore) -> GraphStore:
    """Four documents: two name one company differently, two name other actors alike."""
    lakeport_u = entity("Lakeport University", E.UNIVERSITY, "FR")
    _pair(
        store,
        "Orbion Quantum Technologies (OQT) and Lakeport University signed an MOU.",
        OQT,
        lakeport_u,
        AgreementKind.MOU,
    )
    _pair(
        store,
        "OQT and Brenna Labs signed a partnership.",
        OQT_BARE,
        entity("Brenna Labs", E.COMPANY),
        AgreementKind.PARTNERSHIP,
    )
    _pair(
        store,
        "OQT and Veltra signed a contract.",
        OQT_INSTITUTE,
        entity("Veltra", E.COMPANY),
        AgreementKind.CONTRACT,
    )
    _pair(
        store,
        "Orbion Quantum Technologies invested in Kestrel.",
        OQT_US,
        entity("Kestrel", E.COMPANY, "US"),
        AgreementKind.INVESTMENT,
    )
    return store


@pytest.mark.parametrize(
    ("asked", "found", "merged"), [("OQT", OQT_BARE, OQT), ("Orbion Quantum Technologies", OQT, OQT_BARE)]
)
def test_one_actor_named_differently_in_two_documents_answers_both_documents_partners(
    split: GraphStore, serve: Serve, asked: str, found: Entity, merged: Entity
) -> None:
    with serve(split, response_cache_size=0) as gql:
        actor = gql(MERGE_QUERY, {"name": asked})["actor"]
    assert actor["id"] == found.id
    assert [m["id"] for m in actor["mergedWith"]] == [merged.id]
    # must merge: the alias defined in one document, the bare acronym in the other;
    # must not merge: the institute of that acronym (a type), the US company of that name (a country)
    assert sorted(c["actor"]["name"] for c in actor["collaborators"]) == [
        "Brenna Labs",
        "Lakeport University",
    ]


def test_actors_alike_in_name_only_are_not_merged(split: GraphStore, serve: Serve) -> None:
    with serve(split, response_cache_size=0) as gql:
        veltra = gql(MERGE_QUERY, {"name": "Veltra"})["actor"]
        kestrel = gql(MERGE_QUERY, {"name": "Kestrel"})["actor"]
    assert [c["actor"]["name"] for c in veltra["collaborators"]] == ["OQT"]
    assert veltra["mergedWith"] == []
    assert kestrel["mergedWith"] == []
    assert [c["actor"]["name"] for c in kestrel["collaborators"]] == ["Orbion Quantum Technologies"]


def test_documents_naming_a_company_with_and_without_its_legal_form_give_one_actor(
    store: GraphStore, serve: Serve
) -> None:
    for text in (
        "Corvex Photonics Inc. and the Lakeport Institute of Technology signed a memorandum of understanding.",
        "Corvex Photonics and Brenna Labs signed a partnership agreement.",
        "Corvex AG and Orla Systems signed a partnership agreement.",  # another company
    ):
        store.upsert(extract(Document.from_text(text)))
    with serve(store, response_cache_size=0) as gql:
        for asked in ("Corvex Photonics Inc.", "Corvex Photonics"):
            actor = gql(MERGE_QUERY, {"name": asked})["actor"]
            names = sorted(c["actor"]["name"] for c in actor["collaborators"])
            assert names == ["Brenna Labs", "Lakeport Institute of Technology"], asked


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Orbion Inc.", ["Orbion"]),
        ("Sanko Denki Co., Ltd.", ["Sanko Denki"]),
        ("Quantum Systems Ltd", []),  # the bare name would name nothing
    ],
)
def test_legal_forms(name: str, forms: list[str]) -> None:
    assert legal_forms(name) == forms


def test_a_bare_company_name_is_looked_up_with_its_common_legal_forms() -> None:
    assert {"Orbion Inc.", "Orbion GmbH", "Orbion Ltd"} <= set(legal_forms("Orbion"))
