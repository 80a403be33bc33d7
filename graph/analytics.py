"""The analytics service: centrality, communities and brokers of a store's graph, cached.

``Analytics(store)`` reads the store's links (:meth:`GraphStore.links`) straight into the
chosen simple graph as arrays (:func:`qkg.graph.projection.network`: no networkx graph on
the way), runs a measure from :mod:`~qkg.graph.centrality`, :mod:`~qkg.graph.communities`
or :mod:`~qkg.graph.brokerage` on their fast engines and returns a typed result stamped
with the graph version, the projection and the parameters. Results are cached until
``store.version`` changes, in the :class:`AnalyticsCache` the caller owns and passes as
``cache`` (an API keeps one per store in its state and builds an ``Analytics`` per request;
without one, each ``Analytics`` caches for itself); identical requests made while one is
being computed wait for that computation instead of starting their own.

Projection parameters (every method): ``via`` relation types (default: collaboration
links, ``PARTNERS_WITH`` plus agreement co-parties ``PARTY_TO``), ``types`` entity types
kept, ``since``/``until`` (a date, a year, or a partial ISO date: only links with evidence
published inside the window), ``directed``, ``weighted`` (evidence counts as tie
strength; path-based measures then use ``1 / count`` as the length of a tie), and
``as_of``/``min_support`` (only relations and agreements in force on that date, as the
documents published by then give them, backed by that many distinct documents).

Bounded: exact betweenness above ``max_exact_nodes`` actors switches to sampling
``sample_size`` sources (the result says so in ``stamp.sampled``); closeness and harmonic
above it are refused with :class:`qkg.schemas.LimitExceeded`.

``workers`` > 1 runs the path-based measures in that many forked processes (``qkg
centrality --workers N``). A server passes ``pool`` (:class:`qkg.graph.worker.Workers`)
and ``timeout``: every computation then runs in a worker process under that deadline, so
the server's other requests keep being answered; only the compact arrays cross over.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Literal, Protocol, get_args, runtime_checkable

import numpy as np

from qkg.schemas import EntityType, LimitExceeded, RelationType, ValidationError

from . import brokerage, centrality, communities
from .engines import FAST_ENGINE, SMALL_GRAPH_EDGES
from .merge import AsOf
from .projection import Network, network, reduce_columns
from .reduction import COLLABORATION
from .results import (
    ActorScore,
    Broker,
    BrokerageResult,
    CentralityResult,
    Community,
    CommunityResult,
    Projection,
    Score,
    Stamp,
    parse_when,
    scores_for_export,
)

if TYPE_CHECKING:
    import networkx as nx
    from numpy.typing import NDArray

    from qkg.schemas import Entity, Link

    from .embedded.index import EdgeArrays
    from .worker import Workers

__all__ = [
    "METRICS",
    "ActorScore",
    "Analytics",
    "AnalyticsCache",
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


class NetworkSource(Protocol):
    """What analytics needs from a store: its version, its links and its entities."""

    @property
    def version(self) -> str: ...

    def links(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterable[Link]: ...

    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]: ...


@runtime_checkable
class TimedSource(Protocol):
    """A store that gives the links of what holds as of a date and with a support
    (:meth:`qkg.graph.store.GraphStore.links_as_of`, same arguments): projections with
    ``as_of`` or ``min_support`` read these."""

    links_as_of: Callable[..., Iterable[Link]]


@runtime_checkable
class ColumnSource(Protocol):
    """A store that also gives its links as columns over sorted ids (the embedded store's
    :meth:`~qkg.graph.embedded.EmbeddedStore.edge_arrays`, same arguments as ``links``): the
    projection then reads arrays instead of one :class:`~qkg.schemas.Link` object per link."""

    def edge_arrays(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        asked: AsOf | None = None,
    ) -> EdgeArrays: ...


def _rank_order(values: NDArray[np.float64], *, ascending: bool) -> NDArray[np.intp]:
    """Positions best first: scores compared to 12 significant digits (so that engines'
    last-digit noise does not reorder ties), ties by position (the ids are sorted), NaN last.

    >>> _rank_order(np.array([0.5, float("nan"), 0.7, 0.5 + 1e-15]), ascending=False).tolist()
    [2, 0, 3, 1]
    >>> _rank_order(np.array([1e-320, 0.0, 2e-320]), ascending=True).tolist()
    [1, 0, 2]
    """
    missing = np.isnan(values)
    finite = np.where(missing | (values == 0) | np.isinf(values), 1.0, np.abs(values))
    with np.errstate(over="ignore", invalid="ignore"):  # tiny values: a scale beyond floats
        scale = 10.0 ** (11 - np.floor(np.log10(finite)))
        rounded = np.round(values * scale) / scale
    rounded = np.where(missing, 0.0, np.where(np.isfinite(rounded), rounded, values))
    return np.lexsort((np.arange(len(values)), rounded if ascending else -rounded, missing))


class AnalyticsCache:
    """Results over one store, dropped whenever the store's version changes.

    Its owner decides how long it lives (the API keeps one per store in the app's state and
    clears it when the store closes); nothing else refers to it. Single flight: a key asked
    while it is being computed waits for that computation (and gets its result or its
    error) instead of starting another one. At most ``capacity`` results are kept (least
    recently used go first).
    """

    def __init__(self, capacity: int = 64) -> None:
        self.lock = threading.RLock()
        self.version: str | None = None
        self.items: OrderedDict[Hashable, Any] = OrderedDict()
        self.pending: dict[tuple[str, Hashable], Future[Any]] = {}
        self.capacity = capacity

    def get_or(self, version: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self.lock:
            if version != self.version:
                self.items.clear()
                self.version = version
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
            flight = self.pending.get((version, key))
            leader = flight is None
            if flight is None:
                flight = self.pending[(version, key)] = Future()
        if not leader:
            return flight.result()
        try:
            value = compute()  # outside the lock: other keys stay readable meanwhile
        except BaseException as exc:
            flight.set_exception(exc)
            raise
        else:
            flight.set_result(value)
        finally:
            with self.lock:
                self.pending.pop((version, key), None)
        with self.lock:
            if version == self.version:
                self.items[key] = value
                while len(self.items) > self.capacity:
                    self.items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self.items)

    def clear(self) -> None:
        """Drop every result (the store closed); computations in flight finish uncached."""
        with self.lock:
            self.items.clear()
            self.version = None


# -- what a worker computes: arrays in, arrays out -------------------------------------
def _in_order(G: Network, values: Mapping[Any, float]) -> NDArray[np.float64]:
    return np.fromiter((values[i] for i in G.ids), dtype=np.float64, count=len(G))


def measure(
    G: Network, metric: str, *, weighted: bool, sampled: int | None, seed: int, engine: str, workers: int
) -> NDArray[np.float64]:
    """Scores of ``metric`` on ``G``, one per vertex in ``G.ids`` order (NaN where undefined)."""
    weight = ("distance" if metric in _PATH_BASED else "weight") if weighted else None
    values: Mapping[Any, float]
    if metric in ("degree", "in_degree", "out_degree"):
        direction = {"degree": "total", "in_degree": "in", "out_degree": "out"}[metric]
        values = centrality.degree(G, direction=direction, weight=weight)  # type: ignore[arg-type]
    elif metric == "betweenness":
        values = centrality.betweenness(
            G, k=sampled, weight=weight, seed=seed, engine=engine, workers=workers
        )
    elif metric == "closeness":
        values = centrality.closeness(G, distance=weight, engine=engine, workers=workers)
    elif metric == "harmonic":
        values = centrality.harmonic(G, distance=weight, engine=engine, workers=workers)
    elif metric == "eigenvector":
        values = centrality.eigenvector(G, weight=weight, engine=engine) if G.number_of_edges() else {}
    elif metric == "pagerank":
        values = centrality.pagerank(G, weight=weight, engine=engine)
    elif metric == "katz":
        values = centrality.katz(G, weight=weight, engine=engine)
    elif metric == "constraint":
        values = brokerage.constraint(G, weight=weight, engine=engine)
    elif metric == "effective_size":
        values = brokerage.effective_size(G, weight=weight, engine=engine)
    else:
        values = {k: float(v) for k, v in communities.core_number(G, engine=engine).items()}
    return _in_order(G, values) if values else np.full(len(G), math.nan)


def partition(
    G: Network, method: str, *, weighted: bool, resolution: float, seed: int, engine: str
) -> tuple[NDArray[np.int32], float]:
    """Community of each vertex of ``G`` (in ``G.ids`` order) and the partition's modularity."""
    weight = "weight" if weighted else None
    if method == "louvain":
        parts = communities.louvain(G, weight=weight, resolution=resolution, seed=seed, engine=engine)
    elif method == "leiden":
        parts = communities.leiden(G, weight=weight, resolution=resolution, seed=seed)
    else:
        parts = communities.components(G, engine=engine)
    q = communities.modularity(G, parts, weight=weight, resolution=resolution) if parts else 0.0
    index = {node: i for i, node in enumerate(G.ids)}
    membership = np.zeros(len(G), dtype=np.int32)
    for c, group in enumerate(parts):
        membership[[index[m] for m in group]] = c
    return membership, q


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
        pool: Workers | None = None,
        timeout: float = 30.0,
        computed: Callable[[str, str], None] | None = None,
        cache: AnalyticsCache | None = None,
    ) -> None:
        if max_exact_nodes < 1 or sample_size < 1:
            raise ValidationError("max_exact_nodes and sample_size must be positive")
        if timeout <= 0:
            raise ValidationError(f"timeout={timeout} must be positive")
        self.store = store
        self.max_exact_nodes = max_exact_nodes
        self.sample_size = sample_size
        self.engine = engine
        self.workers = max(1, workers)
        self.pool = pool
        self.timeout = timeout
        #: Called with (analysis, measure) each time a result is computed, not cached or shared.
        self.computed = computed
        #: Where results are kept: the caller's (shared by every ``Analytics`` given it), or
        #: this instance's own.
        self.cache = cache if cache is not None else AnalyticsCache()

    def _run(self, analysis: str, name: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        if self.computed is not None:
            self.computed(analysis, name)
        if self.pool is None:
            return fn(*args, **kw)
        return self.pool.run(_call, fn, args, kw, timeout=self.timeout)

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
        as_of: dt.date | int | str | None = None,
        min_support: int | None = None,
    ) -> Projection:
        """Normalise projection parameters (sorted, typed) so equal requests share a cache key.
        ``as_of`` (a date, or a year or partial date meaning its last day) and ``min_support``:
        only the relations and agreements that hold then, with that many documents."""
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
        if min_support is not None and min_support < 1:
            raise ValidationError(f"min_support={min_support} must be at least 1")
        day = parse_when(as_of, end=True)
        shape = {"directed": directed, "weighted": weighted, "as_of": day, "min_support": min_support}
        return Projection(via=vias, types=tys, since=start, until=stop, **shape)

    def arrays(self, projection: Projection | None = None) -> Network:
        """The simple graph of a projection as arrays (cached per graph version)."""
        p = projection or self.projection()
        store = self.store

        def build() -> Network:
            def kinds(ids: list[str]) -> dict[str, EntityType]:
                return {i: e.type for i, e in store.entities_by_id(ids).items()}

            timed = p.as_of is not None or p.min_support is not None
            asked = AsOf(p.as_of, p.min_support) if timed else None
            if isinstance(store, ColumnSource):
                columns = store.edge_arrays(p.via, since=p.since, until=p.until, asked=asked)
                keep = None
                if p.types is not None:
                    wanted = frozenset(p.types)
                    found = kinds(columns.ids)
                    keep = np.fromiter(
                        (found.get(i) in wanted for i in columns.ids), dtype=bool, count=len(columns.ids)
                    )
                return reduce_columns(*columns, keep=keep, directed=p.directed, ids_sorted=True)
            if asked is not None:
                if not isinstance(store, TimedSource):
                    raise ValidationError("this source cannot answer as of a date or with a minimum support")
                timed_links = store.links_as_of(p.via, since=p.since, until=p.until, asked=asked)
                return network(timed_links, via=p.via, kinds=kinds, types=p.types, directed=p.directed)
            links = store.links(p.via, since=p.since, until=p.until)
            return network(links, via=p.via, kinds=kinds, types=p.types, directed=p.directed)

        key = ("arrays", p.via, p.types, p.since, p.until, p.directed, p.as_of, p.min_support)
        found: Network = self.cache.get_or(store.version, key, build)
        return found

    def network(self, projection: Projection | None = None) -> nx.Graph:
        """The simple graph of a projection in networkx, nodes carrying ``type``, ``name`` and
        ``country`` (cached per graph version): for drawing, export and reference checks."""
        p = projection or self.projection()

        def build() -> nx.Graph:
            G = self.arrays(p)
            found = self.store.entities_by_id(list(G.ids))
            attrs = {
                i: {"type": e.type.value, "name": e.name, "country": e.country} for i, e in found.items()
            }
            return G.to_networkx(attrs)

        key = ("network", p.via, p.types, p.since, p.until, p.directed, p.as_of, p.min_support)
        graph: nx.Graph = self.cache.get_or(self.store.version, key, build)
        return graph

    def _stamp(
        self, version: str, p: Projection, G: Network, engine: str, sampled: int | None = None, **params: Any
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

    def _described(self, ids: Sequence[str]) -> dict[str, Entity]:
        return self.store.entities_by_id(list(ids))

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
        as_of: dt.date | int | str | None = None,
        min_support: int | None = None,
    ) -> CentralityResult:
        """Score every actor of the projection under ``metric`` (one of :data:`METRICS`)."""
        if metric not in METRICS:
            raise ValidationError(f"metric {metric!r} is not one of {', '.join(METRICS)}")
        if top is not None and top < 0:
            raise ValidationError(f"top={top} must not be negative")
        window: dict[str, Any] = {"since": since, "until": until, "as_of": as_of, "min_support": min_support}
        p = self.projection(via=via, types=types, directed=directed, weighted=weighted, **window)
        version = self.store.version
        if progress:
            progress("projecting the graph")
        G = self.arrays(p)
        n = G.number_of_nodes()
        if metric in ("closeness", "harmonic") and n > self.max_exact_nodes:
            raise LimitExceeded(
                f"{metric} on {n} actors is above the exact limit of {self.max_exact_nodes}: "
                "narrow the projection (entity types, time window) or raise the limit"
            )
        sampled = min(self.sample_size, n) if metric == "betweenness" and n > self.max_exact_nodes else None
        # Keyed by what is computed (exact or how many samples), not by the limit asked, so
        # callers with different limits share the results they have in common.
        key = ("scores", metric, p, seed, self.engine, sampled)

        def compute() -> tuple[Stamp, NDArray[np.intp], NDArray[np.float64]]:
            if progress:
                progress(f"computing {metric} on {n} actors and {G.number_of_edges()} links")
            values = self._run(
                "centrality",
                metric,
                measure,
                G,
                metric,
                weighted=p.weighted,
                sampled=sampled,
                seed=seed,
                engine=self.engine,
                workers=self.workers,
            )
            order = _rank_order(values, ascending=metric in ASCENDING)
            kind = {"in_degree": "degree", "out_degree": "degree"}.get(metric, metric)
            used = FAST_ENGINE.get(kind, "networkx") if self.engine == "auto" else self.engine
            stamp = self._stamp(version, p, G, used, sampled, metric=metric, seed=seed)
            return stamp, order, values

        stamp, order, values = self.cache.get_or(version, key, compute)

        def result() -> CentralityResult:
            ids = [G.ids[i] for i in order.tolist()]
            ranked = values[order].tolist()
            chosen = ids if top is None else ids[:top]
            found = self._described(chosen)
            ranking = tuple(
                Score(
                    rank=r,
                    id=i,
                    name=found[i].name if i in found else i,
                    type=found[i].type.value if i in found else "",
                    score=v,
                )
                for r, (i, v) in enumerate(zip(chosen, ranked, strict=False), start=1)
            )
            return CentralityResult(
                metric=metric,
                stamp=stamp,
                total=n,
                scores=dict(zip(ids, ranked, strict=True)),
                ranking=ranking,
            )

        built: CentralityResult = self.cache.get_or(version, (*key, "top", top), result)
        return built

    def scores_of(self, entity_id: str, metric: str, **projection: Any) -> ActorScore:
        """One actor's score and rank under ``metric`` (same projection keywords as
        :meth:`centrality`); ``score`` and ``rank`` are None when the actor has no link in
        the projection."""
        result = self.centrality(metric, top=0, **projection)
        score = result.scores.get(entity_id)
        rank = None
        if score is not None:
            rank = list(result.scores).index(entity_id) + 1
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
        as_of: dt.date | int | str | None = None,
        min_support: int | None = None,
    ) -> CommunityResult:
        """Partition the (undirected) projection: Louvain, Leiden, or connected components."""
        if method not in ("louvain", "leiden", "components"):
            raise ValidationError(f"method {method!r} is not one of louvain, leiden, components")
        if resolution <= 0:
            raise ValidationError(f"resolution={resolution} must be positive")
        window: dict[str, Any] = {"since": since, "until": until, "as_of": as_of, "min_support": min_support}
        p = self.projection(via=via, types=types, weighted=weighted, **window)
        version = self.store.version
        key = ("communities", method, resolution, seed, p, self.engine)

        def compute() -> CommunityResult:
            if progress:
                progress("projecting the graph")
            G = self.arrays(p)
            if progress:
                progress(f"finding {method} communities among {G.number_of_nodes()} actors")
            membership, q = self._run(
                "communities",
                method,
                partition,
                G,
                method,
                weighted=p.weighted,
                resolution=resolution,
                seed=seed,
                engine=self.engine,
            )
            deg = G.degrees()
            groups: dict[int, list[int]] = {}
            for i, c in enumerate(membership.tolist()):
                groups.setdefault(c, []).append(i)
            # Larger groups first, ties by smallest member (ids are sorted: by position).
            ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
            parts = tuple(
                Community(
                    index=i,
                    size=len(g),
                    members=tuple(G.ids[m] for m in sorted(g, key=lambda m: (-deg[m], m))),
                )
                for i, g in enumerate(ordered)
            )
            used = self.engine
            if used == "auto":
                small = G.number_of_edges() < SMALL_GRAPH_EDGES and method == "louvain"
                used = "networkx" if small else FAST_ENGINE.get(method, "igraph")
            stamp = self._stamp(version, p, G, used, method=method, resolution=resolution, seed=seed)
            return CommunityResult(
                method=method, stamp=stamp, modularity=q, count=len(parts), communities=parts
            )

        full: CommunityResult = self.cache.get_or(version, key, compute)
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
        cons = self.centrality("constraint", progress=progress, top=0, **kw)
        eff = self.centrality("effective_size", progress=progress, top=0, **kw).scores
        G = self.arrays(cons.stamp.projection)
        deg = dict(zip(G.ids, G.degrees().tolist(), strict=True))
        rows = [
            (c, -eff[node], node)
            for node, c in cons.scores.items()
            if deg.get(node, 0) >= min_degree and not math.isnan(c)
        ]
        rows.sort()
        chosen = rows if top is None else rows[:top]
        found = self._described([node for _, _, node in chosen])
        brokers = tuple(
            Broker(
                rank=i,
                id=node,
                name=found[node].name if node in found else node,
                type=found[node].type.value if node in found else "",
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


def _call(fn: Callable[..., Any], args: tuple[Any, ...], kw: dict[str, Any]) -> Any:
    """Run ``fn(*args, **kw)`` (the form a worker process receives a task in)."""
    return fn(*args, **kw)
