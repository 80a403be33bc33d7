"""No N+1: a query over 50 actors makes a bounded number of store calls, independent of 50.

``CountingStore`` implements the real ``GraphStore`` Protocol around a real store and counts
each call, so the test sees exactly what the API asks the store.
"""

from __future__ import annotations

from collections import Counter

import pytest

from qkg.graph.store import GraphStore

from .conftest import Serve
from .counting import CountingStore
from .graphs import daejeon, ring

QUERY = """query($n: Int!) {
  actors(first: $n, filter: {types: [COMPANY]}) {
    totalCount
    nodes {
      name
      relations(first: 100) {
        totalCount
        nodes {
          type firstSeen
          counterpart { name relations { totalCount } agreements { title } }
          evidence { sentence start end confidence document { title url publishedAt } }
        }
      }
      agreements { title parties { name } evidence { document { title } } }
      collaborators(depth: 2) { distance actor { name }
        links { type source { name } agreement { parties { name } } evidence { sentence document { title } } } }
      goals { metric }
      documents { title }
    }
  }
}"""


@pytest.fixture
def counted(store: GraphStore) -> CountingStore:
    store.upsert(ring(60))
    for delta in daejeon():
        store.upsert(delta)
    return CountingStore(store)


def test_counting_store_implements_the_protocol(counted: CountingStore) -> None:
    assert isinstance(counted, GraphStore)


def test_store_calls_do_not_grow_with_the_number_of_actors(counted: CountingStore, serve: Serve) -> None:
    assert isinstance(counted, GraphStore)
    with serve(counted, response_cache_size=0) as gql:
        calls: dict[int, Counter[str]] = {}
        for n in (5, 50):
            counted.calls.clear()
            data = gql(QUERY, {"n": n})
            nodes = data["actors"]["nodes"]
            assert len(nodes) == n
            assert all(a["relations"]["totalCount"] == 4 for a in nodes if a["name"].startswith("Qubit"))
            assert all(len(a["collaborators"]) >= 4 for a in nodes if a["name"].startswith("Qubit"))
            calls[n] = Counter(counted.calls)
    total = {n: sum(c.values()) for n, c in calls.items()}
    assert total[50] == total[5], calls
    assert total[50] <= 16, calls[50]
    # one call per level for each batched kind
    assert calls[50]["relations_of"] <= 4
    assert calls[50]["agreements_of"] <= 4
    # the collaborator walk: both levels' light expansion in one call, evidence only for what is shown
    assert calls[50]["steps_within"] == 1, calls[50]
    assert calls[50]["steps"] == 0, calls[50]
    assert calls[50]["relations_by_key"] <= 1, calls[50]
    assert calls[50]["agreements_by_id"] <= 1, calls[50]
    assert not {"relations", "entity", "agreement"} & set(calls[50])


AS_OF_QUERY = """query($n: Int!, $asOf: Date!) {
  actors(first: $n, filter: {types: [COMPANY]}) {
    nodes {
      name
      agreements(asOf: $asOf) { title status parties { name agreements(asOf: $asOf) { title } } evidence { document { title } } }
      documents(asOf: $asOf) { title publishedAt }
      goals(asOf: $asOf) { metric evidence { document { publishedAt } } }
      relations(asOf: $asOf) { totalCount }
    }
  }
}"""


def test_as_of_fields_make_no_more_calls_with_more_actors(counted: CountingStore, serve: Serve) -> None:
    """``asOf`` on an actor's agreements, documents and goals loads the whole level's views in
    one keyed call (``agreements_by_id`` with the date), whatever the number of actors."""
    with serve(counted, response_cache_size=0) as gql:
        calls: dict[int, Counter[str]] = {}
        for n in (5, 50):
            counted.calls.clear()
            nodes = gql(AS_OF_QUERY, {"n": n, "asOf": "2030-01-01"})["actors"]["nodes"]
            assert len(nodes) == n
            assert any(a["agreements"] for a in nodes)
            assert any(a["documents"] for a in nodes)
            calls[n] = Counter(counted.calls)
    assert sum(calls[50].values()) == sum(calls[5].values()), calls
    assert calls[50]["agreements_by_id"] <= 2, calls[50]  # one per level of agreements
    assert not {"relations", "entity", "agreement"} & set(calls[50])
