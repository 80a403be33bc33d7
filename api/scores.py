"""Centrality and community scores for the API, from :mod:`qkg.graph.analytics`.

The analytics service owns the measures, their fast engines, the bounds on large graphs and
a cache per graph version shared by every ``Analytics`` over one store; the API only maps
its results to GraphQL. ``CentralityMetric`` lists the service's ``METRICS`` (a test checks
the two never drift apart).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from enum import StrEnum
from typing import TYPE_CHECKING

from qkg.schemas import EntityType, RelationType

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from qkg.graph.analytics import Analytics, CommunityResult
    from qkg.graph.store import GraphStore

    from .telemetry import Telemetry

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
    """Scores of one store through the analytics service (cached per graph version there);
    each request timed (and traced) by ``telemetry`` when given."""

    def __init__(self, store: GraphStore, telemetry: Telemetry | None = None) -> None:
        self.store = store
        self.telemetry = telemetry

    @classmethod
    def for_store(cls, store: GraphStore, telemetry: Telemetry | None = None) -> Scores:
        return cls(store, telemetry)

    def _timed(self, analysis: str, measure: str) -> AbstractContextManager[None]:
        if self.telemetry is None:
            return nullcontext()
        return self.telemetry.analytics(analysis, measure)

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
        with self._timed("centrality", metric.value):
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
        with self._timed("centrality", metric.value):
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
        with self._timed("communities", "louvain"):
            return self._service().communities(
                via=list(via), types=list(types) if types else None, since=since, until=until
            )
