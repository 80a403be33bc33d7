"""Centrality and community scores for the API, from :mod:`qkg.graph.analytics`.

The analytics service owns the measures, their fast engines and the bounds on large graphs;
its results are cached per graph version in the app's caches of the store
(:class:`qkg.api.state.StoreCaches`: identical requests in flight share one computation).
The API maps the results to GraphQL and decides where and how long they are computed:

- in worker processes (:class:`qkg.graph.worker.Workers`, ``QKG_ANALYTICS_WORKERS`` of
  them per store), so a long measure never stalls the server's other requests: igraph
  holds the interpreter lock for the whole of a measure;
- under a deadline (``QKG_ANALYTICS_TIMEOUT`` seconds): past it the worker is stopped and
  the request answered with a limit error;
- with an exact-computation size limit that depends on the caller: API-key holders get
  ``QKG_ANALYTICS_EXACT_NODES``, anonymous callers ``QKG_ANALYTICS_EXACT_NODES_ANONYMOUS``
  (above it betweenness is sampled, closeness and harmonic refused).

The worker processes receive only the projection's arrays and never open the store (see
:mod:`qkg.graph.worker`). ``CentralityMetric`` lists the service's ``METRICS`` (a test
checks the two never drift apart).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from contextlib import nullcontext
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from qkg.schemas import EntityType, RelationType

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from qkg.graph.analytics import Analytics, CommunityResult
    from qkg.graph.store import GraphStore

    from .context import Context
    from .settings import Settings
    from .state import StoreCaches
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


def _default(name: str) -> Any:
    from .settings import Settings

    return Settings.model_fields[name].default


def _window(
    via: Iterable[RelationType],
    types: Iterable[EntityType] | None,
    since: str | None,
    until: str | None,
    as_of: dt.date | None,
    min_support: int | None,
) -> dict[str, Any]:
    """The projection keywords of the analytics service."""
    kinds = list(types) if types else None
    return {
        "via": list(via),
        "types": kinds,
        "since": since,
        "until": until,
        "as_of": as_of,
        "min_support": min_support,
    }


class Scores:
    """Scores of one store through the analytics service (cached per graph version there),
    computed in worker processes under the settings' deadline and size limits; each request
    timed (and traced) by ``telemetry`` when given."""

    def __init__(
        self,
        store: GraphStore,
        telemetry: Telemetry | None = None,
        *,
        settings: Settings | None = None,
        authenticated: bool = False,
        caches: StoreCaches | None = None,
    ) -> None:
        from .state import StoreCaches

        self.store = store
        self.telemetry = telemetry
        #: The results and worker processes kept for ``store`` (the app's, or these scores' own).
        self.caches = caches if caches is not None else StoreCaches()
        get = (lambda name: getattr(settings, name)) if settings is not None else _default
        self.timeout: float = get("analytics_timeout")
        self.processes: int = get("analytics_workers")
        self.exact_nodes: int = get(
            "analytics_exact_nodes" if authenticated else "analytics_exact_nodes_anonymous"
        )

    @classmethod
    def for_store(cls, store: GraphStore, telemetry: Telemetry | None = None) -> Scores:
        """Scores with the default settings, as an anonymous caller."""
        return cls(store, telemetry)

    @classmethod
    def for_request(cls, context: Context) -> Scores:
        """Scores with the app's settings, caches and workers and the caller's rights (an API
        key or not)."""
        return cls(
            context.store,
            context.telemetry,
            settings=context.settings,
            authenticated=context.authenticated,
            caches=context.caches,
        )

    def _timed(self, analysis: str, measure: str) -> AbstractContextManager[None]:
        if self.telemetry is None:
            return nullcontext()
        return self.telemetry.analytics(analysis, measure)

    def _computed(self, analysis: str, measure: str) -> None:
        metrics = self.telemetry.metrics if self.telemetry is not None else None
        if metrics is not None:
            metrics.analytics_computed(analysis, measure)

    def _service(self) -> Analytics:
        from qkg.graph.analytics import Analytics

        return Analytics(
            self.store,
            max_exact_nodes=self.exact_nodes,
            pool=self.caches.workers(self.processes),
            timeout=self.timeout,
            computed=self._computed,
            cache=self.caches.analytics,
        )

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
                metric.value,
                via=list(via),
                types=list(types) if types else None,
                since=since,
                until=until,
                top=0,
            )
        return dict(result.scores)

    def score(
        self,
        metric: CentralityMetric,
        entity_id: str,
        *,
        via: Iterable[RelationType],
        as_of: dt.date | None = None,
        min_support: int | None = None,
    ) -> float | None:
        """One actor's score (None outside the projection), without copying every score; on
        the projection of what holds ``as_of`` a date with ``min_support`` documents when given."""
        window = _window(via, None, None, None, as_of, min_support)
        with self._timed("centrality", metric.value):
            result = self._service().centrality(metric.value, top=0, **window)
        return result.scores.get(entity_id)

    def ranking(
        self,
        metric: CentralityMetric,
        *,
        via: Iterable[RelationType],
        types: Iterable[EntityType] | None = None,
        since: str | None = None,
        until: str | None = None,
        top: int = 10,
        as_of: dt.date | None = None,
        min_support: int | None = None,
    ) -> list[tuple[str, float]]:
        """The ``top`` actors by score (the service's order: ties by id; low first for constraint),
        on the projection of what holds ``as_of`` a date with ``min_support`` documents when given."""
        window = _window(via, types, since, until, as_of, min_support)
        with self._timed("centrality", metric.value):
            result = self._service().centrality(metric.value, top=top, **window)
        return [(s.id, s.score) for s in result.ranking]

    def communities(
        self,
        *,
        via: Iterable[RelationType],
        types: Iterable[EntityType] | None = None,
        since: str | None = None,
        until: str | None = None,
        as_of: dt.date | None = None,
        min_support: int | None = None,
    ) -> CommunityResult:
        """Louvain communities (seeded), largest first."""
        window = _window(via, types, since, until, as_of, min_support)
        with self._timed("communities", "louvain"):
            return self._service().communities(**window)
