"""Every limit rejects over real HTTP with a message that names it; unexpected errors are masked."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import hypothesis_graphql
import pytest
from graphql import GraphQLSyntaxError, Lexer, Source, TokenKind, parse
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings

from qkg.api.limits import token_limit_error
from qkg.api.schema import SDL_PATH
from qkg.graph.store import GraphStore
from qkg.schemas import Stats

from .conftest import Client, Serve
from .counting import CountingStore


@pytest.fixture
def api(memory: GraphStore, serve: Serve) -> Iterator[Client]:
    with serve(memory, max_query_depth=6, max_aliases=3, max_tokens=400, max_body_bytes=4096) as c:
        yield c


def test_depth_limit(api: Client) -> None:
    q = '{ actor(name: "KAIST") { ... on Actor { relations { nodes { counterpart { relations { nodes { '
    q += "counterpart { relations { nodes { type } } } } } } } } } } }"
    (msg,) = api.errors(q)
    assert "exceeds maximum operation depth of 6" in msg


def test_alias_limit(api: Client) -> None:
    q = "{ a: stats { documents } b: stats { documents } c: stats { documents } d: stats { documents } }"
    (msg,) = api.errors(q)
    assert "aliases found. Allowed: 3" in msg


def test_alias_limit_counts_aliases_inside_fragments(api: Client) -> None:
    q = "{ ...F } fragment F on Query { a: stats { documents } b: stats { documents } "
    q += "c: stats { documents } d: stats { documents } }"
    (msg,) = api.errors(q)
    assert "aliases" in msg


def test_fragment_fan_out_is_counted_without_walking_every_spread(api: Client) -> None:
    """30 fragments each spreading the next twice (about 300 tokens) stand for 2**30 copies of
    the last one's alias: counted per fragment, refused at once (strawberry's own limiter
    walked every spread, minutes of CPU)."""
    n = 30
    q = "{ ...F0 } " + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n))
    q += f" fragment F{n} on Query {{ a: stats {{ documents }} }}"
    (msg,) = api.errors(q)
    assert msg == f"{2**n} aliases found. Allowed: 3"


def test_token_limit(api: Client) -> None:
    q = "{ stats { " + " ".join(["goals"] * 450) + " } }"
    assert len(q) < 4096
    (msg,) = api.errors(q)
    assert "token" in msg.lower()
    assert "400" in msg


def test_body_size_limit_with_content_length(api: Client) -> None:
    r = api.http.post(api.url, content=b'{"query": "' + b" " * 5000 + b'{ stats { documents } }"}')
    assert r.status_code == 413
    assert "body size limit of 4096 bytes" in r.json()["errors"][0]["message"]


def test_body_size_limit_with_a_chunked_body(api: Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"query": "'
        for _ in range(10):
            yield b" " * 1000
        yield b'{ stats { documents } }"}'

    r = api.http.post(api.url, content=chunks(), headers={"content-type": "application/json"})
    assert r.request.headers.get("transfer-encoding") == "chunked"
    assert r.status_code == 413
    assert "body size limit" in r.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ('{ paths(from: "AWS", to: "PASQAL", maxHops: 7) { __typename } }', "path hop limit"),
        ('{ paths(from: "AWS", to: "PASQAL", first: 101) { __typename } }', "path count limit"),
        ("{ actors(first: 101) { totalCount } }", "page size limit"),
        ('{ actor(name: "KAIST") { ... on Actor { collaborators(depth: 4) { distance } } } }', "depth limit"),
        ("{ centrality(top: 1000) { rank } }", "page size limit"),
        ('{ actors(after: "bm90LWEtY3Vyc29y") { totalCount } }', "not a cursor"),
    ],
)
def test_resolver_limits_are_readable(api: Client, query: str, needle: str) -> None:
    (msg,) = api.errors(query)
    assert needle in msg


def test_collaborator_walk_budget(memory: GraphStore, serve: Serve) -> None:
    q = '{ actor(name: "AWS") { ... on Actor { collaborators(depth: 3) { distance } } } }'
    with serve(memory, max_walk_nodes=2) as api:
        (msg,) = api.errors(q)
        assert "walk limit, QKG_MAX_WALK_NODES" in msg
    with serve(memory, max_walk_nodes=100) as api:
        assert len(api(q)["actor"]["collaborators"]) == 4


class _Broken(CountingStore):
    def stats(self) -> Stats:
        raise RuntimeError("secret internals /etc/passwd")


def test_unexpected_errors_are_masked(memory: GraphStore, serve: Serve) -> None:
    broken = _Broken(memory)
    with serve(broken) as api:
        (msg,) = api.errors("{ stats { documents } }")
        assert msg == "Unexpected error."
        # validation errors stay readable
        (msg,) = api.errors("{ stats { nope } }")
        assert "Cannot query field 'nope'" in msg


def test_no_field_suggestions_in_production_but_in_development(memory: GraphStore, serve: Serve) -> None:
    with serve(memory) as api:
        (msg,) = api.errors("{ stats { document } }")
        assert "Did you mean" not in msg
    with serve(memory, environment="development") as api:
        (msg,) = api.errors("{ stats { document } }")
        assert "Did you mean 'documents'" in msg


def test_introspection_is_off_in_production_unless_turned_on(memory: GraphStore, serve: Serve) -> None:
    q = "{ __schema { queryType { name } } }"
    with serve(memory) as api:
        msgs = api.errors(q)
        assert all("introspection has been disabled" in m for m in msgs)
    with serve(memory, introspection=True) as api:
        assert api(q)["__schema"]["queryType"]["name"] == "Query"
    with serve(memory, environment="development") as api:
        assert api(q)["__schema"]["queryType"]["name"] == "Query"
    with serve(memory, environment="development", introspection=False) as api:
        assert api.errors(q)


def test_graphiql_only_in_development(memory: GraphStore, serve: Serve) -> None:
    html = {"accept": "text/html"}
    with serve(memory) as api:
        r = api.http.get(api.url, headers=html)
        assert r.status_code == 404
    with serve(memory, environment="development") as api:
        r = api.http.get(api.url, headers=html)
        assert r.status_code == 200
        assert "graphiql" in r.text.lower()


def test_batching_is_off(api: Client) -> None:
    r = api.http.post(
        api.url, json=[{"query": "{ stats { documents } }"}, {"query": "{ stats { entities } }"}]
    )
    assert r.status_code == 400


def test_mutations_are_not_allowed_over_get(api: Client) -> None:
    r = api.http.get(api.url, params={"query": 'mutation { removeDocument(id: "x") { __typename } }'})
    assert r.status_code in {400, 405}


def test_health_reports_the_store(memory: GraphStore, serve: Serve) -> None:
    with serve(memory) as api:
        r = httpx.get(api.base + "/health")
        assert r.status_code == 200
        body = r.json()
        assert body["status"] == "ok"
        assert body["store"]["kind"] == "embedded"
        assert body["store"]["documents"] == 2


def test_cors_origins_from_settings(memory: GraphStore, serve: Serve) -> None:
    pre = {"origin": "https://analyst.example", "access-control-request-method": "POST"}
    with serve(memory, cors_origins=("https://analyst.example",)) as api:
        r = api.http.options(api.url, headers=pre)
        assert r.headers.get("access-control-allow-origin") == "https://analyst.example"
        other = api.http.options(api.url, headers={**pre, "origin": "https://evil.example"})
        assert other.headers.get("access-control-allow-origin") is None


def _graphql_core_tokens(query: str) -> int:
    """How many tokens graphql-core's parser counts against ``max_tokens``."""
    lexer = Lexer(Source(query))
    count = 0
    while lexer.advance().kind is not TokenKind.EOF:
        count += 1
    return count


@pytest.mark.parametrize(
    "query",
    [
        '{ actor(name: "KAIST, the \\"institute\\"") { ... on Actor { id } } }',
        "# a comment { { {\n{ stats { documents }, stats { entities } }  # trailing",
        'query Q($x: Int = -12.5e3) { search(text: """block "quoted" \\""" text""", first: $x) { score } }',
        "\ufeff{ a: stats { documents } b: stats { documents } }",
        "{ " + " ".join(["goals"] * 300) + " }",
    ],
)
def test_fast_token_count_matches_graphql_core(query: str) -> None:
    n = _graphql_core_tokens(query)
    assert token_limit_error(query, n) is None
    if len(query) > n - 1:
        refused = token_limit_error(query, n - 1)
        assert refused is not None
        with pytest.raises(GraphQLSyntaxError) as parsed:
            parse(query, max_tokens=n - 1)
        assert refused.message == parsed.value.message


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=hypothesis_graphql.queries(SDL_PATH.read_text()))
def test_fast_token_count_matches_graphql_core_on_generated_queries(query: str) -> None:
    n = _graphql_core_tokens(query)
    assert token_limit_error(query, n) is None
    if len(query) > n - 1:
        assert token_limit_error(query, n - 1) is not None


def test_unknown_characters_are_left_to_the_parser() -> None:
    q = "{ stats { " + " ".join(["goals"] * 10) + " ^ } }"
    assert token_limit_error(q, 5) is not None  # the limit comes first
    assert token_limit_error("{ ^ " + " ".join(["goals"] * 10) + " }", 5) is None
