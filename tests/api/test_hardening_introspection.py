"""Issue 13, introspection: off by default in production, on in development (GraphiQL), and
when on, the depth, alias and token limits apply to it as to any query."""

from __future__ import annotations

import pytest
from graphql import build_client_schema, get_introspection_query

from qkg.api.schema import sdl
from qkg.graph.store import GraphStore

from .conftest import Serve


def nested_of_type(depth: int) -> str:
    """``__schema { types { fields { type { ofType { ofType ... } } } } }``, ``depth`` fields deep."""
    inner = "name"
    for _ in range(depth - 4):
        inner = f"ofType {{ {inner} }}"
    return f"{{ __schema {{ types {{ fields {{ type {{ {inner} }} }} }} }} }}"


def test_introspection_is_off_by_default_in_production(memory: GraphStore, serve: Serve) -> None:
    with serve(memory) as api:
        for q in ("{ __schema { types { name } } }", '{ __type(name: "Actor") { name } }'):
            (msg, *_) = api.errors(q)
            assert "introspection has been disabled" in msg
        # __typename is not introspection of the schema: clients use it to tell union members apart
        assert api("{ __typename }") == {"__typename": "Query"}


def test_a_deep_introspection_query_is_refused(memory: GraphStore, serve: Serve) -> None:
    with serve(memory, introspection=True) as api:
        (msg,) = api.errors(nested_of_type(40))
        assert "exceeds maximum introspection depth of 15" in msg
        # through a fragment, and inside an ordinary field's selection, too
        (msg,) = api.errors(
            '{ ...F } fragment F on Query { __type(name: "Actor") { '
            + "ofType { " * 30
            + "name"
            + " }" * 30
            + " } }"
        )
        assert "introspection depth" in msg
        assert api(nested_of_type(15))["__schema"]["types"]


def test_the_standard_introspection_query_works_where_introspection_is_on(
    memory: GraphStore, serve: Serve
) -> None:
    """GraphiQL and code generators send it (14 deep): the client schema it yields is ours."""
    with serve(memory, environment="development") as api:
        data = api(get_introspection_query(descriptions=True))
    schema = build_client_schema(data)  # type: ignore[arg-type]
    assert "Actor" in schema.type_map
    assert set(schema.query_type.fields) >= {"actor", "actors", "paths", "search"}  # type: ignore[union-attr]
    assert "type Actor" in sdl()


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("{ " + " ".join(f"a{i}: __schema {{ queryType {{ name }} }}" for i in range(4)) + " }", "aliases"),
        ("{ __schema { types { " + " ".join(["name"] * 450) + " } } }", "tokens"),
    ],
    ids=["aliases", "tokens"],
)
def test_alias_and_token_limits_apply_to_introspection(
    memory: GraphStore, serve: Serve, query: str, needle: str
) -> None:
    with serve(memory, introspection=True, max_aliases=3, max_tokens=400) as api:
        (msg,) = api.errors(query)
        assert needle in msg


def test_ordinary_depth_is_counted_as_before(memory: GraphStore, serve: Serve) -> None:
    q = '{ actor(name: "KAIST") { ... on Actor { relations { nodes { counterpart { name } } } } } }'
    with serve(memory, max_query_depth=4) as api:
        assert api(q)["actor"]["relations"]["nodes"]
    with serve(memory, max_query_depth=3) as api:
        (msg,) = api.errors(q)
        assert msg == "'anonymous' exceeds maximum operation depth of 3"
