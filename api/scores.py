"""Centrality and community scores for the API, cached per store and graph version.

The API asks :mod:`qkg.graph.analytics` when it is installed (the analytics service owns the
measures, their fast engines and their cache); otherwise it computes the same measures with
networkx on the store's projection. Either way a score is computed once per graph version,
not per request: every field of every request reads the cached table.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from qkg.schemas import EntityType, LimitExceeded, RelationType

if TYPE_CHECKING:
    from qkg.graph.store import GraphStore

__all__ = ["CentralityMetric", "Scores"]


class CentralityMetric(StrEnum):
    """Centrality measures the API serves."""

    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    CLOSENESS = "closeness"
    HARMONIC = "harmonic"
    EIGENVECTOR = "eigenvector"
    PAGERANK = "pagerank"


#: Above this many nodes, betweenness is sampled (k sources, seeded) instead of exact.
EXACT_LIMIT = 5_000
SAMPLE_K = 256

_Key = tuple[str, str, tuple[str, ...], tuple[str, ...]]
_registry: weakref.WeakKeyDictionary[Any, Scores] = weakref.WeakKeyDictionary()
_registry_lock = threading.Lock()


class Scores:
    """Score tables of one store, recomputed when ``store.version`` changes."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._tables: dict[_Key, dict[str, float]] = {}
        self._communities: dict[tuple[str, tuple[str, ...]], list[list[str]]] = {}

    @classmethod
    def for_store(cls, store: GraphStore) -> Scores:
        """The shared score cache of ``store``."""
        with _registry_lock:
            try:
                return _registry[store]
            except KeyError:
                s = cls(store)
                _registry[store] = s
                return s
            except TypeError:  # a store that cannot be weakly referenced: no sharing
                return cls(store)

    def centrality(
        self,
        metric: CentralityMetric,
        *,
        via: Iterable[RelationType],
        types: Iterable[EntityType] | None = None,
    ) -> dict[str, float]:
        """Scores of every node of the projection, keyed by entity id."""
        version = self.store.version
        vias = tuple(sorted(v.value for v in via))
        tys = tuple(sorted(t.value for t in types)) if types else ()
        key = (version, metric.value, vias, tys)
        with self._lock:
            if key not in self._tables:
                self._tables = {k: v for k, v in self._tables.items() if k[0] == version}
                self._tables[key] = self._compute(metric, vias, tys)
            return self._tables[key]

    def score(self, metric: CentralityMetric, entity_id: str, *, via: Iterable[RelationType]) -> float | None:
        return self.centrality(metric, via=via).get(entity_id)

    def ranking(
        self,
        metric: CentralityMetric,
        *,
        via: Iterable[RelationType],
        types: Iterable[EntityType] | None = None,
        top: int = 10,
    ) -> list[tuple[str, float]]:
        """The ``top`` nodes by score, ties broken by id."""
        table = self.centrality(metric, via=via, types=types)
        return sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))[:top]

    def communities(self, *, via: Iterable[RelationType]) -> list[list[str]]:
        """Louvain communities (seeded), largest first, members sorted by id."""
        version = self.store.version
        vias = tuple(sorted(v.value for v in via))
        key = (version, vias)
        with self._lock:
            if key not in self._communities:
                self._communities = {k: v for k, v in self._communities.items() if k[0] == version}
                self._communities[key] = self._compute_communities(vias)
            return self._communities[key]

    # -- computation ----------------------------------------------------------------------
    def _graph(self, vias: tuple[str, ...], tys: tuple[str, ...]) -> Any:
        import networkx as nx

        multi = self.store.to_networkx([RelationType(v) for v in vias])
        g = nx.Graph()
        for node, data in multi.nodes(data=True):
            if not tys or data.get("type") in tys:
                g.add_node(node)
        for u, v, data in multi.edges(data=True):
            if u in g and v in g and u != v:
                w = float(data.get("weight", 1))
                if g.has_edge(u, v):
                    g[u][v]["weight"] += w
                else:
                    g.add_edge(u, v, weight=w)
        return g

    def _compute(
        self, metric: CentralityMetric, vias: tuple[str, ...], tys: tuple[str, ...]
    ) -> dict[str, float]:
        analytics = _analytics_module()
        if analytics is not None:
            result = _from_analytics(analytics, self.store, metric, vias, tys)
            if result is not None:
                return result
        import networkx as nx

        g = self._graph(vias, tys)
        if g.number_of_nodes() == 0:
            return {}
        m = CentralityMetric
        if metric is m.DEGREE:
            out = nx.degree_centrality(g)
        elif metric is m.BETWEENNESS:
            k = SAMPLE_K if g.number_of_nodes() > EXACT_LIMIT else None
            out = nx.betweenness_centrality(g, k=k, seed=0 if k else None)
        elif metric is m.CLOSENESS:
            if g.number_of_nodes() > EXACT_LIMIT:
                raise LimitExceeded(
                    f"closeness on {g.number_of_nodes()} nodes is above the exact limit of {EXACT_LIMIT}"
                )
            out = nx.closeness_centrality(g)
        elif metric is m.HARMONIC:
            if g.number_of_nodes() > EXACT_LIMIT:
                raise LimitExceeded(
                    f"harmonic centrality on {g.number_of_nodes()} nodes is above the exact limit of {EXACT_LIMIT}"
                )
            out = nx.harmonic_centrality(g)
        elif metric is m.EIGENVECTOR:
            out = nx.eigenvector_centrality_numpy(g) if g.number_of_edges() else dict.fromkeys(g, 0.0)
        else:
            out = nx.pagerank(g)
        return {str(k): float(v) for k, v in out.items()}

    def _compute_communities(self, vias: tuple[str, ...]) -> list[list[str]]:
        import networkx as nx

        g = self._graph(vias, ())
        if g.number_of_nodes() == 0:
            return []
        parts = nx.community.louvain_communities(g, weight="weight", seed=0)
        comms = [sorted(str(n) for n in c) for c in parts]
        comms.sort(key=lambda c: (-len(c), c[0]))
        return comms


def _analytics_module() -> Any:
    try:
        from qkg.graph import analytics  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    return analytics


def _from_analytics(
    analytics: Any, store: GraphStore, metric: CentralityMetric, vias: tuple[str, ...], tys: tuple[str, ...]
) -> dict[str, float] | None:
    """Scores from :mod:`qkg.graph.analytics` when its API is the one we know; else None."""
    service = getattr(analytics, "Analytics", None)
    if service is None:
        return None
    try:
        result = service(store).centrality(
            metric.value,
            via=[RelationType(v) for v in vias],
            types=[EntityType(t) for t in tys] or None,
        )
    except TypeError:
        return None
    scores = getattr(result, "scores", result)
    if isinstance(scores, dict):
        return {str(k): float(v) for k, v in scores.items()}
    return None
