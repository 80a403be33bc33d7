"""Typed results of the analytics service (:mod:`qkg.graph.analytics`), and their helpers.

Every result is a frozen pydantic model stamped with the graph version, the projection and
the parameters it was computed with (:class:`Stamp`), so a cached answer says what it is.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from qkg.schemas import EntityType, RelationType, ValidationError

__all__ = [
    "ActorScore",
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

_CFG = ConfigDict(extra="forbid", frozen=True)
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class Projection(BaseModel):
    """Which simple graph a result was computed on."""

    model_config = _CFG
    via: tuple[RelationType, ...]
    types: tuple[EntityType, ...] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    directed: bool = False
    weighted: bool = False
    #: Only relations and agreements in force on this date, as the documents published by then give them.
    as_of: dt.date | None = None
    #: Only relations and agreements backed by at least this many distinct documents.
    min_support: int | None = None


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
