"""schemathesis (GraphQL mode) fuzzes every root field from the shipped SDL over real HTTP:
no 5xx, and no masked (unexpected) error: every failure must be a readable, expected one.
Mutations are fuzzed with a valid API key, so ``ingestDocument`` feeds drawn text to the
loaders' extractor and ``removeDocument`` drawn ids to the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings

from qkg.api.app import create_app
from qkg.api.schema import SDL_PATH
from qkg.api.settings import Settings
from qkg.graph.embedded import EmbeddedStore

from .graphs import daejeon
from .server import serving

SCHEMA = schemathesis.graphql.from_path(SDL_PATH)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = EmbeddedStore(Path(tmp_path_factory.mktemp("fuzz")) / "store")
    for delta in daejeon():
        store.upsert(delta)
    app = create_app(Settings(api_keys=("fuzz-key",), response_cache_size=0), store=store, extras=[])
    try:
        with serving(app) as url:
            yield url
    finally:
        store.close()


def test_every_root_field_is_fuzzed() -> None:
    labels = {op.label for op in OPERATIONS}
    assert {"Query.actor", "Query.paths", "Query.search", "Mutation.removeDocument"} <= labels


@pytest.mark.slow
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_fuzz_no_server_errors(operation: schemathesis.APIOperation, base: str) -> None:
    @given(case=operation.as_strategy())
    @hsettings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: schemathesis.Case) -> None:
        # mutations with the key, so ingestion runs the extractor on whatever text is drawn
        headers = {"x-api-key": "fuzz-key"} if operation.label.startswith("Mutation.") else None
        response = case.call(base_url=base + "/graphql", headers=headers)
        assert response.status_code < 500, (case.body, response.text)
        body = response.json()
        messages = [e.get("message", "") for e in body.get("errors") or []]
        assert "Unexpected error." not in messages, (case.body, body)

    run()
