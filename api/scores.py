"""Centrality and community scores for the API, from :mod:`qkg.graph.analytics`.

The analytics service owns the measures, their fast engines, the bounds on large graphs and
a cache per graph version shared by every ``Analytics`` over one store; the API only maps
its results to GraphQL. ``CentralityMetric`` lists the service's ``METRICS`` (a test checks
the two never drift apart).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from qkg.schemas import EntityType, RelationType

if TYPE_CHECKING:
    from qkg.graph.analytics import Analytics, CommunityResult
    from qkg.graph.store import GraphStore

__all__ = ["CentralityMetric", "Scores"]


class CentralityMetric(StrEnum):
    """Measures of :data:`qkg.graph.analytics.METRICS`."""

    DEGREE = "degree"
    IN_DEGREE = "in_degree"
    OUT_DEGREE = "out_degree"
    BETWEENNESS = "betweenness"
    CLOSENESS = "closeness"
    HARMONIC = "harmonic"
    EIGENVECTOR = "eigenvector"
    PAGERANK = "pagerank"
    KATZ = "katz"
    CONSTRAINT = "constraint"
    EFFECTIVE_SIZE = "effective_size"
    KCORE = "kcore"


class Scores:
    """Scores of one store through the analytics service (cached per graph version there)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    @classmethod
    def for_store(cls, store: GraphStore) -> Scores:
        return cls(store)

    def _service(self) -> Analytics:
        from qkg.graph.analytics import Analytics

        return Analytics(self.store)

    def centrality(
        self,
        metric: CentralityMetric,
        *,
        via: Iterable[RelationType],
        types: Iterable[EntityType] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> dict[str, float]:
        """Scores of every actor of the projection, keyed by entity id, in rank order."""
        result = self._service().centrality(
            metric.value, via=list(via), types=list(types) if types else None, since=since, until=until
        )
        return dict(result.scores)

    def score(self, metric: CentralityMetric, entity_id: str, *, via: Iterable[RelationType]) -> float | None:
        return self.centrality(metric, via=via).get(entity_id)

    def ranking(
        self,
        metric: CentralityMetric,
        *,
        via: Iterable[RelationType],
        types: Iterable[EntityType] | None = None,
        since: str | None = None,
        until: str | None = None,
        top: int = 10,
    ) -> list[tuple[str, float]]:
        """The ``top`` actors by score (the service's order: ties by id; low first for constraint)."""
        result = self._service().centrality(
            metric.value,
            via=list(via),
            types=list(types) if types else None,
            since=since,
            until=until,
            top=top,
        )
        return [(s.id, s.score) for s in result.ranking]

    def communities(
        self,
        *,
        via: Iterable[RelationType],
        types: Iterable[EntityType] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> CommunityResult:
        """Louvain communities (seeded), largest first."""
        return self._service().communities(
            via=list(via), types=list(types) if types else None, since=since, until=until
        )
