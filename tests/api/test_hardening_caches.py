"""Issue 13, caches: over real HTTP, the answer and parsed-document caches are keyed by the
normalised document (comments, commas, whitespace out) plus variables and operation name,
stay within their byte bound (``QKG_CACHE_BYTES``), and keep no query or answer above
``QKG_CACHE_MAX_ENTRY_BYTES``; error locations still point into the text each client sent."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from qkg.api.answers import OFF_LOOP_PARSE_CHARS
from qkg.api.settings import Settings
from qkg.graph.store import GraphStore

from .conftest import Client
from .conftest import served as served_app

STATS = "{ stats { documents } }"
#: A comment longer than the text the event loop parses itself (OFF_LOOP_PARSE_CHARS).
LONG_COMMENT = "# " + "x" * (OFF_LOOP_PARSE_CHARS + 100) + "\n"
NAMED = "query Named($name: String!) { actor(name: $name) { ... on Actor { name } } }"


def served(store: GraphStore, **settings: Any) -> AbstractContextManager[tuple[Client, FastAPI]]:
    return served_app(store, Settings(metrics=True, **settings))


def answer_hits(client: Client) -> float:
    text = httpx.get(client.base + "/metrics").text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "qkg_answer_cache_hits_total":
                return sample.value
    raise AssertionError("no qkg_answer_cache_hits_total in /metrics")


def padded(query: str, i: int, size: int) -> str:
    """``query`` behind a distinct comment of about ``size`` characters."""
    return f"# request {i} " + "x" * size + "\n" + query


def test_comment_padded_requests_share_one_cached_answer(memory: GraphStore) -> None:
    with served(memory) as (api, app):
        documents = api(STATS)["stats"]["documents"]
        for i in range(12):  # 0.9 MB each: the bench (bench/cache_memory.py) sends 150
            assert api(padded(STATS, i, 900_000))["stats"]["documents"] == documents
        assert answer_hits(api) == 12
        caches = app.state.graphql.caches
        assert len(caches["answers"]) == 1
        # the parsed-document cache keeps one entry for the document, not one per padding
        assert len(caches["documents"]) == 1
        assert caches["documents"].bytes < 1_000_000


def test_comments_commas_and_whitespace_do_not_make_a_new_answer(memory: GraphStore) -> None:
    variants = [
        "{stats{documents}}",
        "  {\n  stats {\n    documents\n  }\n}\n",
        "# count them\n{ stats, { documents, } }",
        "\ufeff{ stats { documents } } # trailing",
    ]
    with served(memory) as (api, _):
        answers = [api(v) for v in variants]
        assert all(a == answers[0] for a in answers)
        assert answer_hits(api) == len(variants) - 1


def test_variables_and_operation_name_are_part_of_the_key(memory: GraphStore) -> None:
    two_ops = NAMED + ' query Other { actor(name: "PASQAL") { ... on Actor { name } } }'
    with served(memory) as (api, _):
        assert api(NAMED, {"name": "KAIST"})["actor"]["name"] == "KAIST"
        assert api(NAMED, {"name": "PASQAL"})["actor"]["name"] == "PASQAL"
        assert answer_hits(api) == 0
        r = api.http.post(api.url, json={"query": two_ops, "operationName": "Other", "variables": {}})
        assert r.json()["data"]["actor"]["name"] == "PASQAL"
        r = api.http.post(
            api.url, json={"query": two_ops, "operationName": "Named", "variables": {"name": "KAIST"}}
        )
        assert r.json()["data"]["actor"]["name"] == "KAIST"
        assert answer_hits(api) == 0
        # the same variables in another key order are the same question
        flt = "query F($f: ActorFilter) { actors(filter: $f) { totalCount } }"
        one = api(flt, {"f": {"country": "KR", "types": ["UNIVERSITY"]}})
        assert api(flt, {"f": {"types": ["UNIVERSITY"], "country": "KR"}}) == one
        assert answer_hits(api) == 1


def test_every_cache_stays_within_its_byte_bound(memory: GraphStore) -> None:
    bound = 20_000
    with served(memory, cache_bytes=bound) as (api, app):
        for i in range(60):
            # distinct documents (a different alias each) and distinct answers
            q = f"{{ a{i}: documents {{ nodes {{ title text }} }} }}"
            assert f"a{i}" in api(q)
        caches = app.state.graphql.caches
        assert set(caches) == {"keys", "documents", "answers"}
        for name, cache in caches.items():
            assert 0 < cache.bytes <= bound, name
        assert len(caches["answers"]) < 60  # the oldest were evicted
        assert len(caches["documents"]) < 60
        # an evicted answer is computed again, correctly
        assert (
            api("{ a0: documents { nodes { title text } } }")["a0"]
            == api(STATS.replace("stats { documents }", "documents { nodes { title text } }"))["documents"]
        )


def test_queries_and_answers_above_the_entry_size_are_not_cached(memory: GraphStore) -> None:
    big_answer = "{ " + " ".join(f"d{i}: documents {{ nodes {{ text }} }}" for i in range(14)) + " }"
    big_query = "{ stats { " + " ".join(["documents"] * 150) + " } }"
    with served(memory, cache_max_entry_bytes=5_000) as (api, app):
        documents = app.state.graphql.caches["documents"]
        text = api(big_answer)
        assert len(httpx.post(api.url, json={"query": big_answer}).content) > 5_000
        assert api(big_answer) == text
        assert answer_hits(api) == 0
        assert api(big_query) == api(big_query)
        assert answer_hits(api) == 1  # its small answer is cached, its large document is not
        assert len(documents) == 0
        assert api(STATS) == api(STATS)
        assert answer_hits(api) == 2
        assert len(documents) == 1


def test_error_locations_point_into_the_text_sent(memory: GraphStore) -> None:
    with served(memory, response_cache_size=0) as (api, app):
        for query, line in [
            ("{ stats { nope } }", 1),
            ("\n\n{ stats { nope } }", 3),
            ("{ actors(first: 1000) { totalCount } }", 1),
            ("# padding\n{ actors(first: 1000) { totalCount } }", 2),
            # long texts are parsed in a worker thread: the same locations, syntax errors included
            (LONG_COMMENT + "{ stats { nope } }", 2),
            (LONG_COMMENT + "\n{ stats { documents }", 3),
        ]:
            for _ in range(2):  # the second time from the parsed-document cache
                (error,) = api.post(query).json()["errors"]
                assert error["locations"][0]["line"] == line, (query, error)
        assert app.state.graphql.caches["documents"].hits >= 2
