"""Query-side models: the filters the graph stores take and the shapes they answer with.

They are part of the canonical model so that the stores, the API and analytics all speak
the same plain, validated types.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .ontology import SYMMETRIC_TYPES, EntityType, RelationType

__all__ = [
    "Direction",
    "DocumentInfo",
    "EntityFilter",
    "Hop",
    "Link",
    "Path",
    "RelationFilter",
    "Stats",
    "UpsertResult",
    "step_relation_key",
]

_CFG = ConfigDict(extra="forbid", frozen=True)


class Direction(StrEnum):
    """Direction of a relation seen from one entity."""

    OUT = "out"
    IN = "in"
    BOTH = "both"


class EntityFilter(BaseModel):
    """Which entities to list. Name matching is case- and accent-insensitive over name and aliases.

    ``technology`` keeps entities with a WORKS_ON or DEVELOPS relation to that technology id.
    """

    model_config = _CFG
    types: frozenset[EntityType] | None = None
    country: str | None = None
    name_prefix: str | None = None
    name_contains: str | None = None
    technology: str | None = None


class RelationFilter(BaseModel):
    """Which relations to return around an entity.

    ``direction`` is relative to the entity asked about (symmetric relations match every
    direction). ``entity_types`` filters the counterpart. ``document_id`` keeps relations
    with evidence from that document. ``since``/``until`` (inclusive) keep relations with at
    least one piece of evidence from a document published inside the window; documents
    without a date never match a window.

    ``as_of`` keeps the relations in force on that date, each as the documents published by
    then give it (its evidence, confidence and validity from those documents only; see
    :mod:`qkg.graph.timeline`). ``min_support`` keeps the relations supported by at least
    that many distinct documents (those published by ``as_of`` when it is given).
    """

    model_config = _CFG
    types: frozenset[RelationType] | None = None
    direction: Direction = Direction.BOTH
    entity_types: frozenset[EntityType] | None = None
    document_id: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    as_of: dt.date | None = None
    min_support: Annotated[int | None, Field(ge=1)] = None

    @property
    def timed(self) -> bool:
        """Whether ``as_of`` or ``min_support`` asks for each relation's view by its documents."""
        return self.as_of is not None or self.min_support is not None


class Link(BaseModel):
    """One edge of the projected graph used for paths and analytics.

    A stored relation gives one link of its own type. Every pair of parties of an agreement
    gives one ``PARTY_TO`` link with ``agreement`` set and ``source < target``: the
    collaboration link the agreement implies, derived, never stored.
    ``weight`` is the number of pieces of evidence; ``first_seen``/``last_seen`` are the
    earliest and latest publication dates of the documents behind it.
    """

    model_config = _CFG
    source: str
    target: str
    type: RelationType
    agreement: str | None = None
    weight: int = 1
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


class Hop(BaseModel):
    """One step of a path: from ``source`` to ``target`` over a relation or a shared agreement.

    ``reversed`` is true when the hop walks a directed relation against its direction.
    """

    model_config = _CFG
    source: str
    target: str
    type: RelationType
    agreement: str | None = None
    reversed: bool = False

    @property
    def relation_key(self) -> tuple[str, str, str] | None:
        """The :attr:`~qkg.schemas.Relation.key` of the stored relation this hop walks, or
        ``None`` for a co-party hop (``agreement`` set)."""
        if self.agreement is not None:
            return None
        return step_relation_key(self.source, self.type, self.target, self.reversed)


def step_relation_key(node: str, type: RelationType, neighbour: str, reversed: bool) -> tuple[str, str, str]:
    """The key of the relation behind a step from ``node`` to ``neighbour``: symmetric
    relations are stored with ``source < target``, directed ones as they point."""
    if type in SYMMETRIC_TYPES:
        a, b = (node, neighbour) if node < neighbour else (neighbour, node)
        return (a, type.value, b)
    return (neighbour, type.value, node) if reversed else (node, type.value, neighbour)


class Path(BaseModel):
    """A path between two entities: the entity ids visited and the hops between them."""

    model_config = _CFG
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    @property
    def length(self) -> int:
        return len(self.hops)


class DocumentInfo(BaseModel):
    """A loaded document without its text, with what it contributed."""

    model_config = _CFG
    id: str
    title: str
    source: str | None
    published: dt.date | None
    media_type: str
    entities: int
    relations: int
    agreements: int
    goals: int


class Stats(BaseModel):
    """Counts of what the graph holds."""

    model_config = _CFG
    documents: int
    entities: int
    relations: int
    agreements: int
    goals: int
    evidence: int
    entities_by_type: dict[str, int] = Field(default_factory=dict)
    relations_by_type: dict[str, int] = Field(default_factory=dict)


class UpsertResult(BaseModel):
    """What an upsert did: ``changed`` is false when the document was already loaded as is;
    ``replaced`` lists older versions (same ``source``) that the new one replaced."""

    model_config = _CFG
    document_id: str
    changed: bool
    replaced: Annotated[tuple[str, ...], Field(default=())]
