"""The analytics service: centrality, communities and brokers of a store's graph, cached.

``Analytics(store)`` projects the store (:meth:`GraphStore.to_networkx`) onto the chosen
simple graph (:func:`qkg.graph.reduction.simple_graph`), runs a measure from
:mod:`~qkg.graph.centrality`, :mod:`~qkg.graph.communities` or :mod:`~qkg.graph.brokerage`
and returns a typed result stamped with the graph version, the projection and the
parameters. Results are cached per store until ``store.version`` changes; every
``Analytics`` over the same store object shares the cache, so an API may build one per
request.

Projection parameters (every method): ``via`` relation types (default: collaboration
links, ``PARTNERS_WITH`` plus agreement co-parties ``PARTY_TO``), ``types`` entity types
kept, ``since``/``until`` (a date, a year, or a partial ISO date: only links with evidence
published inside the window), ``directed``, and ``weighted`` (evidence counts as tie
strength; path-based measures then use ``1 / count`` as the length of a tie).

Bounded: exact betweenness above ``max_exact_nodes`` actors switches to sampling
``sample_size`` sources (the result says so in ``stamp.sampled``); closeness and harmonic
above it are refused with :class:`qkg.schemas.LimitExceeded`.

``workers`` > 1 runs the path-based measures in that many forked processes (``qkg
centrality --workers N``; a server embedding the service keeps the default of one,
in-process).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Protocol, get_args

from pydantic import BaseModel, ConfigDict

from qkg.schemas import EntityType, LimitExceeded, RelationType, ValidationError

from . import brokerage, centrality, communities
from .engines import FAST_ENGINE, SMALL_GRAPH_EDGES
from .reduction import COLLABORATION, simple_graph

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "METRICS",
    "ActorScore",
    "Analytics",
    "Broker",
    "BrokerageResult",
    "CentralityResult",
    "Community",
    "CommunityResult",
    "Projection",
    "Score",
    "Stamp",
    "parse_when",
    "scores_for_export",
]

Metric = Literal[
    "degree",
    "in_degree",
    "out_degree",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "katz",
    "constraint",
    "effective_size",
    "kcore",
]
METRICS: tuple[str, ...] = get_args(Metric)
#: Measures where a low score ranks first (a low constraint marks a broker).
ASCENDING = frozenset({"constraint"})
_PATH_BASED = frozenset({"betweenness", "closeness", "harmonic"})
CommunityMethod = Literal["louvain", "leiden", "components"]
Progress = Callable[[str], None]
_CFG = ConfigDict(extra="forbid", frozen=True)
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class NetworkSource(Protocol):
    """What analytics needs from a store: its version and its networkx projection."""

    @property
    def version(self) -> str: ...

    def to_networkx(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> nx.MultiDiGraph: ...


# -- results ---------------------------------------------------------------------------
class Projection(BaseModel):
    """Which simple graph a result was computed on."""

    model_config = _CFG
    via: tuple[RelationType, ...]
    types: tuple[EntityType, ...] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    directed: bool = False
    weighted: bool = False


class Stamp(BaseModel):
    """Provenance of a result: graph version, projection, parameters, engine, size."""

    model_config = _CFG
    graph_version: str
    projection: Projection
    parameters: dict[str, str | int | float | bool | None]
    engine: str
    nodes: int
    edges: int
    #: Number of sampled sources when an exact computation was too large, else None.
    sampled: int | None = None


class Score(BaseModel):
    """One actor's place in a ranking."""

    model_config = _CFG
    rank: int
    id: str
    name: str
    type: str
    score: float


class CentralityResult(BaseModel):
    """A measure over every actor of the projection.

    ``scores`` holds every actor's score keyed by id, in rank order; ``ranking`` the
    ``top`` actors with their names (all of them when no ``top`` was asked).
    """

    model_config = _CFG
    metric: str
    stamp: Stamp
    total: int
    scores: dict[str, float]
    ranking: tuple[Score, ...]


class ActorScore(BaseModel):
    """One actor's score and rank under a measure; ``score`` is None outside the projection."""

    model_config = _CFG
    id: str
    metric: str
    score: float | None
    rank: int | None
    of: int
    stamp: Stamp


class Community(BaseModel):
    """A group of actors; ``members`` by decreasing degree inside the projection, then id."""

    model_config = _CFG
    index: int
    size: int
    members: tuple[str, ...]


class CommunityResult(BaseModel):
    """A partition of the projection's actors, largest group first."""

    model_config = _CFG
    method: str
    stamp: Stamp
    modularity: float
    count: int
    communities: tuple[Community, ...]

    def membership(self) -> dict[str, int]:
        """Actor id -> community index."""
        return {m: c.index for c in self.communities for m in c.members}


class Broker(BaseModel):
    """An actor's brokerage position: low constraint and large effective size span holes."""

    model_config = _CFG
    rank: int
    id: str
    name: str
    type: str
    degree: int
    constraint: float
    effective_size: float


class BrokerageResult(BaseModel):
    """Actors ranked as brokers: by constraint (ascending), then effective size, then id."""

    model_config = _CFG
    stamp: Stamp
    total: int
    brokers: tuple[Broker, ...]


# -- helpers ---------------------------------------------------------------------------
def parse_when(value: dt.date | int | str | None, *, end: bool = False) -> dt.date | None:
    """A window bound from a date, a year or a partial ISO date; ``end`` takes the last day.

    >>> parse_when("2023"), parse_when(2023, end=True), parse_when("2024-02", end=True)
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), datetime.date(2024, 2, 29))
    """
    if value is None or isinstance(value, dt.date):
        return value
    m = _WHEN.match(str(value).strip())
    if not m:
        raise ValidationError(f"{value!r} is not a year or an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            return dt.date(year, int(month or 1), int(day))
        if month:
            first = dt.date(year, int(month), 1)
            if not end:
                return first
            nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise ValidationError(f"{value!r} is not a valid date") from None


def _ranked(values: Mapping[Any, float], *, ascending: bool) -> list[tuple[str, float]]:
    """Scores best first, ties (to 12 significant digits) broken by id, NaN last."""

    def key(item: tuple[Any, float]) -> tuple[int, float, str]:
        v = item[1]
        if v is None or math.isnan(v):
            return (1, 0.0, str(item[0]))
        r = float(f"{v:.12g}")
        return (0, r if ascending else -r, str(item[0]))

    return [(str(k), float(v)) for k, v in sorted(values.items(), key=key)]


def scores_for_export(results: Iterable[CentralityResult]) -> dict[str, dict[str, float]]:
    """Scores by metric then actor id: the ``scores`` mapping that
    :func:`qkg.graph.export.export` writes into GraphML, GEXF and CSV.

    NaN scores (undefined, e.g. the constraint of an isolated actor) are left out, so the
    exported attribute is simply missing.

    >>> from qkg.graph.analytics import Analytics  # doctest: +SKIP
    >>> a = Analytics(store)  # doctest: +SKIP
    >>> export(store, "graphml", "out.graphml",
    ...        scores=scores_for_export([a.centrality("pagerank"), a.centrality("betweenness")]))  # doctest: +SKIP
    """
    out: dict[str, dict[str, float]] = {}
    for result in results:
        out[result.metric] = {node: value for node, value in result.scores.items() if not math.isnan(value)}
    return out


class _Cache:
    """Results of one store, dropped whenever the store's version changes."""

    def __init__(self, capacity: int = 64) -> None:
        self.lock = threading.RLock()
        self.version: str | None = None
        self.items: OrderedDict[Hashable, Any] = OrderedDict()
        self.capacity = capacity

    def get_or(self, version: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self.lock:
            if version != self.version:
                self.items.clear()
                self.version = version
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()  # outside the lock: other keys stay readable meanwhile
        with self.lock:
            if version == self.version:
                self.items[key] = value
                while len(self.items) > self.capacity:
                    self.items.popitem(last=False)
        return value


_CACHES: weakref.WeakKeyDictionary[Any, _Cache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def _cache_of(store: object) -> _Cache:
    with _CACHES_LOCK:
        try:
            cache = _CACHES.get(store)
            if cache is None:
                cache = _CACHES[store] = _Cache()
            return cache
        except TypeError:  # not weakly referenceable: a private cache
            return _Cache()


# -- the service -----------------------------------------------------------------------
class Analytics:
    """Centrality, communities and brokerage over a store, cached per graph version.

    Examples
    --------
    >>> from qkg.graph.analytics import Analytics  # doctest: +SKIP
    >>> Analytics(store).centrality("betweenness", top=10).ranking  # doctest: +SKIP
    """

    def __init__(
        self,
        store: NetworkSource,
        *,
        max_exact_nodes: int = 20_000,
        sample_size: int = 256,
        engine: str = "auto",
        workers: int = 1,
    ) -> None:
        if max_exact_nodes < 1 or sample_size < 1:
            raise ValidationError("max_exact_nodes and sample_size must be positive")
        self.store = store
        self.max_exact_nodes = max_exact_nodes
        self.sample_size = sample_size
        self.engine = engine
        self.workers = max(1, workers)
        self._cache = _cache_of(store)

    # -- projection --------------------------------------------------------------------
    def projection(
        self,
        *,
        via: Iterable[RelationType | str] | None = None,
        types: Iterable[EntityType | str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        directed: bool = False,
        weighted: bool = False,
    ) -> Projection:
        """Normalise projection parameters (sorted, typed) so equal requests share a cache key."""
        try:
            vias = (
                tuple(sorted({RelationType(v) for v in via}))
                if via is not None
                else tuple(sorted(COLLABORATION))
            )
            tys = tuple(sorted({EntityType(t) for t in types})) if types is not None else None
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
        if not vias:
            raise ValidationError("via names no relation type")
        start, stop = parse_when(since), parse_when(until, end=True)
        if start and stop and start > stop:
            raise ValidationError(f"the window starts ({start}) after it ends ({stop})")
        return Projection(via=vias, types=tys, since=start, until=stop, directed=directed, weighted=weighted)

    def network(self, projection: Projection | None = None) -> nx.Graph:
        """The simple graph of a projection (cached per graph version)."""
        p = projection or self.projection()
        version = self.store.version

        def build() -> nx.Graph:
            links = self.store.to_networkx(p.via, since=p.since, until=p.until)
            return simple_graph(links, via=p.via, types=p.types, directed=p.directed)

        key = ("network", p.via, p.types, p.since, p.until, p.directed)
        graph: nx.Graph = self._cache.get_or(version, key, build)
        return graph

    def _stamp(
        self, version: str, p: Projection, G: nx.Graph, engine: str, sampled: int | None = None, **params: Any
    ) -> Stamp:
        return Stamp(
            graph_version=version,
            projection=p,
            parameters=params,
            engine=engine,
            nodes=G.number_of_nodes(),
            edges=G.number_of_edges(),
            sampled=sampled,
        )

    def _score(self, G: nx.Graph, ranked: list[tuple[str, float]], top: int | None) -> tuple[Score, ...]:
        chosen = ranked if top is None else ranked[:top]
        nodes = G.nodes
        return tuple(
            Score(
                rank=i,
                id=node,
                name=str(nodes[node].get("name") or node),
                type=str(nodes[node].get("type") or ""),
                score=value,
            )
            for i, (node, value) in enumerate(chosen, start=1)
        )

    # -- centrality --------------------------------------------------------------------
    def centrality(
        self,
        metric: str,
        *,
        via: Iterable[RelationType | str] | None = None,
        types: Iterable[EntityType | str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        directed: bool = False,
        weighted: bool = False,
        top: int | None = None,
        seed: int = 0,
        progress: Progress | None = None,
    ) -> CentralityResult:
        """Score every actor of the projection under ``metric`` (one of :data:`METRICS`)."""
        if metric not in METRICS:
            raise ValidationError(f"metric {metric!r} is not one of {', '.join(METRICS)}")
        if top is not None and top < 0:
            raise ValidationError(f"top={top} must not be negative")
        p = self.projection(
            via=via, types=types, since=since, until=until, directed=directed, weighted=weighted
        )
        version = self.store.version
        key = ("centrality", metric, p, seed, self.engine, self.max_exact_nodes, self.sample_size)
        full: CentralityResult = self._cache.get_or(
            version, key, lambda: self._centrality(version, metric, p, seed, progress)
        )
        if top is None or top >= len(full.ranking):
            return full
        return full.model_copy(update={"ranking": full.ranking[:top]})

    def _centrality(
        self, version: str, metric: str, p: Projection, seed: int, progress: Progress | None
    ) -> CentralityResult:
        if progress:
            progress("projecting the graph")
        G = self.network(p)
        n = G.number_of_nodes()
        weight = ("distance" if metric in _PATH_BASED else "weight") if p.weighted else None
        eng = self.engine
        sampled: int | None = None
        if progress:
            progress(f"computing {metric} on {n} actors and {G.number_of_edges()} links")
        if metric in ("closeness", "harmonic") and n > self.max_exact_nodes:
            raise LimitExceeded(
                f"{metric} on {n} actors is above the exact limit of {self.max_exact_nodes}: "
                "narrow the projection (entity types, time window) or raise the limit"
            )
        values: Mapping[Any, float]
        if metric in ("degree", "in_degree", "out_degree"):
            direction = {"degree": "total", "in_degree": "in", "out_degree": "out"}[metric]
            values = centrality.degree(G, direction=direction, weight=weight)  # type: ignore[arg-type]
        elif metric == "betweenness":
            if n > self.max_exact_nodes:
                sampled = min(self.sample_size, n)
            values = centrality.betweenness(
                G, k=sampled, weight=weight, seed=seed, engine=eng, workers=self.workers
            )
        elif metric == "closeness":
            values = centrality.closeness(G, distance=weight, engine=eng, workers=self.workers)
        elif metric == "harmonic":
            values = centrality.harmonic(G, distance=weight, engine=eng, workers=self.workers)
        elif metric == "eigenvector":
            values = centrality.eigenvector(G, weight=weight, engine=eng) if G.number_of_edges() else {}
        elif metric == "pagerank":
            values = centrality.pagerank(G, weight=weight, engine=eng)
        elif metric == "katz":
            values = centrality.katz(G, weight=weight, engine=eng)
        elif metric == "constraint":
            values = brokerage.constraint(G, weight=weight, engine=eng)
        elif metric == "effective_size":
            values = brokerage.effective_size(G, weight=weight, engine=eng)
        else:
            values = {k: float(v) for k, v in communities.core_number(G, engine=eng).items()}
        ranked = _ranked(values, ascending=metric in ASCENDING)
        measure = {"in_degree": "degree", "out_degree": "degree"}.get(metric, metric)
        used = FAST_ENGINE.get(measure, "networkx") if eng == "auto" else eng
        stamp = self._stamp(version, p, G, used, sampled, metric=metric, seed=seed)
        return CentralityResult(
            metric=metric, stamp=stamp, total=n, scores=dict(ranked), ranking=self._score(G, ranked, None)
        )

    def scores_of(self, entity_id: str, metric: str, **projection: Any) -> ActorScore:
        """One actor's score and rank under ``metric`` (same projection keywords as
        :meth:`centrality`); ``score`` and ``rank`` are None when the actor has no link in
        the projection."""
        result = self.centrality(metric, **projection)
        score = result.scores.get(entity_id)
        rank = None
        if score is not None:
            rank = next(s.rank for s in result.ranking if s.id == entity_id)
        return ActorScore(
            id=entity_id, metric=metric, score=score, rank=rank, of=result.total, stamp=result.stamp
        )

    # -- communities -------------------------------------------------------------------
    def communities(
        self,
        *,
        method: str = "louvain",
        resolution: float = 1.0,
        seed: int = 0,
        via: Iterable[RelationType | str] | None = None,
        types: Iterable[EntityType | str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        weighted: bool = False,
        top: int | None = None,
        progress: Progress | None = None,
    ) -> CommunityResult:
        """Partition the (undirected) projection: Louvain, Leiden, or connected components."""
        if method not in ("louvain", "leiden", "components"):
            raise ValidationError(f"method {method!r} is not one of louvain, leiden, components")
        if resolution <= 0:
            raise ValidationError(f"resolution={resolution} must be positive")
        p = self.projection(via=via, types=types, since=since, until=until, weighted=weighted)
        version = self.store.version
        key = ("communities", method, resolution, seed, p, self.engine)

        def compute() -> CommunityResult:
            if progress:
                progress("projecting the graph")
            G = self.network(p)
            if progress:
                progress(f"finding {method} communities among {G.number_of_nodes()} actors")
            weight = "weight" if p.weighted else None
            if method == "louvain":
                parts = communities.louvain(
                    G, weight=weight, resolution=resolution, seed=seed, engine=self.engine
                )
            elif method == "leiden":
                parts = communities.leiden(G, weight=weight, resolution=resolution, seed=seed)
            else:
                parts = communities.components(G, engine=self.engine)
            q = communities.modularity(G, parts, weight=weight, resolution=resolution) if parts else 0.0
            deg = dict(G.degree())
            groups = tuple(
                Community(
                    index=i, size=len(c), members=tuple(sorted(map(str, c), key=lambda m: (-deg[m], m)))
                )
                for i, c in enumerate(parts)
            )
            used = self.engine
            if used == "auto":
                small = G.number_of_edges() < SMALL_GRAPH_EDGES and method == "louvain"
                used = "networkx" if small else FAST_ENGINE.get(method, "igraph")
            stamp = self._stamp(version, p, G, used, method=method, resolution=resolution, seed=seed)
            return CommunityResult(
                method=method, stamp=stamp, modularity=q, count=len(groups), communities=groups
            )

        full: CommunityResult = self._cache.get_or(version, key, compute)
        if top is None or top >= full.count:
            return full
        return full.model_copy(update={"communities": full.communities[:top]})

    # -- brokerage ---------------------------------------------------------------------
    def brokers(
        self,
        *,
        top: int | None = None,
        min_degree: int = 2,
        via: Iterable[RelationType | str] | None = None,
        types: Iterable[EntityType | str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        weighted: bool = False,
        progress: Progress | None = None,
    ) -> BrokerageResult:
        """Actors with at least ``min_degree`` partners ranked by Burt's constraint (low first),
        then effective size (high first), then id."""
        kw: dict[str, Any] = dict(via=via, types=types, since=since, until=until, weighted=weighted)
        cons = self.centrality("constraint", progress=progress, **kw)
        eff = self.centrality("effective_size", progress=progress, **kw).scores
        G = self.network(cons.stamp.projection)
        deg = dict(G.degree())
        rows = [
            (c, -eff[node], node)
            for node, c in cons.scores.items()
            if deg.get(node, 0) >= min_degree and not math.isnan(c)
        ]
        rows.sort()
        chosen = rows if top is None else rows[:top]
        brokers = tuple(
            Broker(
                rank=i,
                id=node,
                name=str(G.nodes[node].get("name") or node),
                type=str(G.nodes[node].get("type") or ""),
                degree=int(deg[node]),
                constraint=c,
                effective_size=-neg_eff,
            )
            for i, (c, neg_eff, node) in enumerate(chosen, start=1)
        )
        stamp = cons.stamp.model_copy(
            update={"parameters": {**cons.stamp.parameters, "metric": "brokerage", "min_degree": min_degree}}
        )
        return BrokerageResult(stamp=stamp, total=len(rows), brokers=brokers)
