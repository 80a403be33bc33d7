"""What the API keeps between requests (analytics results, the search's titles, analytics
workers) belongs to the app that serves a store: two apps over two stores share nothing,
and when an app stops serving a store, what it kept for that store goes."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from qkg.api.settings import Settings
from qkg.api.state import AppState
from qkg.graph.embedded import EmbeddedStore
from qkg.graph.store import GraphStore

from .conftest import served
from .graphs import ring

TOP = "{ centrality(metric: DEGREE, top: 1) { actor { name } } }"
SETTINGS = Settings(response_cache_size=0)  # every request reaches the store's caches
DOCUMENTS = '{ search(text: "ring") { node { ... on Document { title } } } }'


def test_two_apps_over_two_stores_keep_their_own_results(memory: GraphStore, tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "ring") as other:
        other.upsert(ring(6))
        with (
            served(memory, SETTINGS) as (daejeon_api, daejeon_app),
            served(other, SETTINGS) as (ring_api, ring_app),
        ):
            assert daejeon_api(TOP)["centrality"][0]["actor"]["name"] in {"KAIST", "Daejeon"}
            assert ring_api(TOP)["centrality"][0]["actor"]["name"].startswith("Qubit Works")
            assert ring_api(DOCUMENTS)["search"] == [{"node": {"title": "Ring"}}]
            assert daejeon_api(DOCUMENTS)["search"] == []

            daejeon_state, ring_state = daejeon_app.state.graphql.state, ring_app.state.graphql.state
            assert daejeon_state is not ring_state
            assert len(daejeon_state) == len(ring_state) == 1  # each app knows only its store
            mine, theirs = daejeon_state.caches(memory), ring_state.caches(other)
            assert mine is not theirs
            assert len(mine.analytics) > 0
            assert len(theirs.analytics) > 0
            # a projection both computed is two entries, one per app, each of its own graph
            common = set(mine.analytics.items) & set(theirs.analytics.items)
            assert common
            assert all(mine.analytics.items[k] is not theirs.analytics.items[k] for k in common)


def test_an_app_that_stops_serving_a_store_frees_what_it_kept(memory: GraphStore) -> None:
    with served(memory, SETTINGS) as (api, app):
        api(TOP)
        state = app.state.graphql.state
        kept = state.caches(memory)
        assert len(kept.analytics) > 0
    assert len(state) == 0
    assert len(kept.analytics) == 0


def test_a_freed_store_takes_its_caches_with_it(tmp_path: Path) -> None:
    state = AppState()
    store = EmbeddedStore(tmp_path / "ring")
    store.upsert(ring(5))
    kept = state.caches(store)
    assert state.caches(store) is kept
    assert kept.analytics.get_or(store.version, "probe", lambda: "computed") == "computed"
    freed = weakref.ref(kept)
    store.close()
    del store, kept
    gc.collect()
    assert len(state) == 0
    assert freed() is None
