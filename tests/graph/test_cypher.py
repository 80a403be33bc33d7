"""The Cypher builders of the Neo4j store, checked on their output without a server.

What matters: labels and relationship types only ever come from the ontology (or the store's
fixed names), every value is a parameter, and statements that run once per document have a
fixed text so Neo4j plans them once.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from qkg.graph.neo4j import cypher as q
from qkg.schemas import (
    AgreementKind,
    Direction,
    EntityFilter,
    EntityType,
    RelationFilter,
    RelationType,
    normalise_name,
)

HOSTILE = "x'}) DETACH DELETE n //"


def _labels_and_types(text: str) -> set[str]:
    """Every ``:Name`` that follows a ``(`` variable or a ``[`` variable in the query."""
    return set(re.findall(r"[(\[][a-z_]*:([A-Za-z_]+)", text)) | set(
        re.findall(r"\):([A-Z][A-Za-z_]+)", text)
    )


ALLOWED = (
    {t.value for t in EntityType}
    | {t.value for t in RelationType}
    | {q.ACTOR, q.AGREEMENT, q.GOAL, q.DOCUMENT, q.META, q.MENTIONS}
)


def test_schema_has_an_idempotent_uniqueness_constraint_per_node_kind() -> None:
    statements = q.schema_statements()
    for label in (q.ACTOR, q.AGREEMENT, q.GOAL, q.DOCUMENT):
        assert any(f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in s for s in statements)
    assert all("IF NOT EXISTS" in s for s in statements)


@pytest.mark.parametrize(
    "query",
    [
        q.lock_documents([HOSTILE]),
        q.claim_documents([HOSTILE]),
        q.documents_with_source([HOSTILE]),
        q.lock_entities([HOSTILE]),
        q.entity_mentions([HOSTILE], [HOSTILE]),
        q.read_relations([(HOSTILE, "PARTNERS_WITH", HOSTILE)]),
        q.lock_nodes(q.AGREEMENT, [HOSTILE]),
        q.write_entities([(EntityType.COMPANY, {"id": HOSTILE, "name": HOSTILE})]),
        q.write_relations([((HOSTILE, "LEADS", HOSTILE), {"evidence": [HOSTILE]})]),
        q.update_relations([(HOSTILE, {"evidence": [HOSTILE]})]),
        q.delete_relations([(HOSTILE, "LEADS", HOSTILE)])[0],
        q.delete_nodes(actors=[HOSTILE], documents=[HOSTILE]),
        q.write_documents([({"id": HOSTILE, "title": HOSTILE}, [{"id": HOSTILE, "entity": HOSTILE}])]),
        q.find_entities_query(HOSTILE),
        q.entities_query(EntityFilter(country="KR", name_prefix=HOSTILE), normalise_name, limit=5, offset=2),
        q.relations_query([HOSTILE], RelationFilter(document_id=HOSTILE)),
        q.agreements_query(party=HOSTILE, since="2020", document_id=HOSTILE),
        q.goals_query(HOSTILE),
        q.steps_query([HOSTILE], None),
    ],
)
def test_values_only_travel_as_parameters(query: q.Query) -> None:
    text, params = query
    assert HOSTILE not in text
    assert "DETACH DELETE n //" not in text
    assert _labels_and_types(text) <= ALLOWED
    assert any(HOSTILE in repr(v) or normalise_name(HOSTILE) in repr(v) for v in params.values())


def test_labels_and_types_outside_the_ontology_are_refused() -> None:
    with pytest.raises(ValueError):
        q.lock_nodes("Person) DETACH DELETE (n", ["a"])
    with pytest.raises(ValueError):
        q.write_relations([(("a", "KNOWS]->() DELETE r //", "b"), {})])
    with pytest.raises(ValueError):
        q.read_relations([("a", "Knows", "b")])
    with pytest.raises(ValueError):  # structural: never a relationship between two actors
        q.write_relations([(("a", "PARTY_TO", "b"), {})])


def test_per_document_statements_have_a_fixed_text() -> None:
    """Neo4j caches plans by query text: the per-document writes must not vary with the data."""
    one, _ = q.write_relations([(("a", "LEADS", "b"), {"x": 1})])
    two, params = q.write_relations([(("c", "LEADS", "d"), {"y": 2}), (("c", "WORKS_ON", "d"), {})])
    assert two == one == q.write_relations([])[0]
    assert params["rows"][0] == {"type": "LEADS", "s": "c", "t": "d", "props": {"y": 2}}
    assert len(params["rows"]) == 2
    assert q.read_relations([("a", "LEADS", "b")])[0] == q.read_relations([("c", "WORKS_ON", "d")])[0]
    assert q.delete_relations([("a", "LEADS", "b")])[0][0] == q.delete_relations([("x", "LEADS", "y")])[0][0]
    assert (
        q.write_entities([(EntityType.CITY, {"id": "a"})])[0]
        == q.write_entities([(EntityType.PERSON, {"id": "b"})])[0]
    )


def test_write_entities_leaves_exactly_one_type_label() -> None:
    _, params = q.write_entities([(EntityType.CITY, {"id": "city:daejeon:kr"})])
    row = params["rows"][0]
    assert row["label"] == "City"
    assert set(row["others"]) == {t.value for t in EntityType} - {"City"}


def test_entity_filter_becomes_where_clauses_with_normalised_names() -> None:
    f = EntityFilter(
        types=frozenset({EntityType.UNIVERSITY}), country="kr", name_prefix="Univérsité ", technology="t"
    )
    text, params = q.entities_query(f, normalise_name, limit=10, offset=20)
    assert "n.type IN $types" in text
    assert "n.country = $country" in text
    assert "STARTS WITH $prefix" in text
    assert "EXISTS" in text
    assert params["types"] == ["University"]
    assert params["country"] == "KR"
    assert params["prefix"] == "universite"
    assert params["technology"] == "t"
    assert text.index("ORDER BY n.name_key, n.id") < text.index("SKIP $offset") < text.index("LIMIT $limit")
    assert (params["offset"], params["limit"]) == (20, 10)


def test_unfiltered_entities_have_no_where_and_no_limit() -> None:
    text, _params = q.entities_query(None, normalise_name, limit=None, offset=0)
    assert "WHERE" not in text
    assert "LIMIT" not in text
    count, _ = q.count_entities_query(None, normalise_name)
    assert count.endswith("RETURN count(n) AS n")


@pytest.mark.parametrize(
    ("direction", "fragment"),
    [
        (Direction.OUT, "(startNode(r) = a OR type(r) IN $symmetric)"),
        (Direction.IN, "(endNode(r) = a OR type(r) IN $symmetric)"),
        (Direction.BOTH, None),
    ],
)
def test_relation_direction_is_relative_to_the_anchor_and_symmetric_types_match_both(
    direction: Direction, fragment: str | None
) -> None:
    text, params = q.relations_query(["e"], RelationFilter(direction=direction))
    if fragment is None:
        assert "startNode(r) = a" not in text
        assert "endNode(r) = a" not in text
    else:
        assert fragment in text
        assert params["symmetric"] == ["COMPETES_WITH", "PARTNERS_WITH"]
    assert text.endswith("ORDER BY anchor, source, type, target")


def test_relation_type_filter_limits_the_pattern_and_excludes_structural_types() -> None:
    text, _ = q.relations_query(None, None)
    assert "PARTY_TO" not in text
    assert "HAS_GOAL" not in text
    assert "MENTIONS" not in text
    text, _ = q.relations_query(
        ["e"], RelationFilter(types=frozenset({RelationType.LEADS, RelationType.DEVELOPS}))
    )
    assert "[r:DEVELOPS|LEADS]" in text
    empty, _ = q.relations_query(["e"], RelationFilter(types=frozenset({RelationType.PARTY_TO})))
    assert "LIMIT 0" in empty


def test_relation_window_and_document_filters_are_parameters() -> None:
    f = RelationFilter(since=dt.date(2020, 1, 1), until=dt.date(2021, 12, 31), document_id="d" * 64)
    text, params = q.relations_query(None, f, limit=3, offset=1)
    assert "$document IN r.docs" in text
    assert "d >= $since" in text
    assert "d <= $until" in text
    assert (params["since"], params["until"]) == ("2020-01-01", "2021-12-31")
    assert "(a.type IN $etypes" not in text  # no entity_types asked
    text, _ = q.relations_query(None, RelationFilter(entity_types=frozenset({EntityType.CITY})))
    assert "(a.type IN $etypes OR b.type IN $etypes)" in text


def test_agreement_date_range_is_a_prefix_comparison() -> None:
    text, params = q.agreements_query(kind=AgreementKind.MOU, since="2024", until="2024-06")
    assert "left(g.date, size($since)) >= $since" in text
    assert "left(g.date, size($until)) <= $until" in text
    assert params == {"kind": "MOU", "since": "2024", "until": "2024-06"}
    assert "ORDER BY g.date IS NULL, g.date, g.id" in text


def test_steps_expand_relations_and_co_parties_unless_filtered() -> None:
    text, params = q.steps_query(["a", "b", "a"], None)
    assert params["nodes"] == ["a", "b"]
    assert "UNION ALL" in text
    assert "PARTY_TO" in text
    text, _ = q.steps_query(["a"], {RelationType.LEADS})
    assert "UNION ALL" not in text
    assert "[r:LEADS]" in text
    text, _ = q.steps_query(["a"], {RelationType.PARTY_TO})
    assert "[r:" not in text
    assert "g.id AS agreement" in text


def test_clear_only_touches_the_stores_labels() -> None:
    text, params = q.clear_batch(500)
    assert "WHERE n:Actor OR n:Agreement OR n:Goal OR n:Document OR n:QkgMeta" in text
    assert params == {"batch": 500}
