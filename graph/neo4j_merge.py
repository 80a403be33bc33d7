"""Per-document bookkeeping for the Neo4j store, as pure functions (no driver here).

Neo4j properties cannot hold maps, so each stored fact keeps its per-document contributions
in parallel lists (``docs``, ``dates``, ``counts``, ``contrib``) next to its merged value. The
merge rules are those of :mod:`qkg.graph.store`: fields from the smallest document id,
evidence as a set union, confidence the maximum, a relation's validity from the earliest
start to the latest end, aliases and topics the sorted union,
external ids the union with the smallest document id winning conflicts.

Entities are merged incrementally: :class:`EntityState` is a commutative, associative
summary (the smallest document, its description, the alias union and, per external id, the
document it came from), so adding a document needs only the stored summary, never every
other document's description; removal re-merges from the remaining MENTIONS edges.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel

from qkg.schemas import Agreement, Entity, EntityType, Evidence, Goal, Relation, RelationType, normalise_name

__all__ = [
    "EntityState",
    "Parts",
    "agreement_props",
    "entity_props",
    "evidence_from_json",
    "evidence_to_json",
    "goal_props",
    "merge_states",
    "parts_from_props",
    "relation_props",
]

_M = TypeVar("_M", Agreement, Goal, Relation)
#: One fact's contributions: document id -> (published date or "", the fact as that document gave it).
Parts = dict[str, tuple[str, _M]]


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def _ev_key(e: Evidence) -> tuple[str, int, int, str, float]:
    return (e.document_id, e.start, e.end, e.rule, e.confidence)


def evidence_to_json(e: Evidence) -> str:
    return _dumps(
        {
            "document_id": e.document_id,
            "sentence": e.sentence,
            "start": e.start,
            "end": e.end,
            "rule": e.rule,
            "confidence": e.confidence,
        }
    )


def evidence_from_json(values: Iterable[str]) -> tuple[Evidence, ...]:
    """Stored evidence back to models (already validated on write, so constructed directly)."""
    return tuple(Evidence.model_construct(**orjson.loads(v)) for v in values)


# -- entities ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityState:
    """What the merged entity depends on: combine two with :meth:`combine` in any order."""

    primary: str
    base: Entity
    aliases: frozenset[str]
    external: Mapping[str, tuple[str, str]]  # key -> (document id, value)

    @classmethod
    def of(cls, document_id: str, entity: Entity) -> EntityState:
        return cls(
            document_id,
            Entity.model_construct(
                id=entity.id,
                type=entity.type,
                name=entity.name,
                aliases=(),
                external_ids={},
                country=entity.country,
                description=entity.description,
            ),
            frozenset(entity.aliases),
            {k: (document_id, v) for k, v in entity.external_ids.items()},
        )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> EntityState | None:
        """From the properties :func:`entity_props` wrote (``None`` for a new placeholder)."""
        if row.get("primary") is None:
            return None
        values: dict[str, str] = json.loads(row["external_ids"] or "{}")
        sources: dict[str, str] = json.loads(row["ext_src"] or "{}")
        base = Entity.model_construct(
            id=row["id"],
            type=EntityType(row["type"]),
            name=row["name"],
            aliases=(),
            external_ids={},
            country=row.get("country"),
            description=row.get("description"),
        )
        return cls(
            row["primary"],
            base,
            frozenset(row.get("aliases") or ()),
            {k: (sources[k], v) for k, v in values.items()},
        )

    def combine(self, other: EntityState | None) -> EntityState:
        if other is None:
            return self
        first = self if self.primary <= other.primary else other
        external = dict(self.external)
        for k, src in other.external.items():
            if k not in external or src[0] < external[k][0]:
                external[k] = src
        return EntityState(first.primary, first.base, self.aliases | other.aliases, external)

    def entity(self) -> Entity:
        """The merged entity, as every store answers it."""
        return self.base.model_copy(
            update={
                "aliases": tuple(sorted(self.aliases)),
                "external_ids": {k: v for k, (_, v) in sorted(self.external.items())},
            }
        )


def merge_states(states: Iterable[EntityState]) -> EntityState | None:
    out: EntityState | None = None
    for s in states:
        out = s.combine(out)
    return out


def entity_props(state: EntityState) -> dict[str, Any]:
    """Node properties of a merged entity (merged fields plus what :class:`EntityState` needs)."""
    e = state.entity()
    return {
        "id": e.id,
        "type": e.type.value,
        "name": e.name,
        "aliases": list(e.aliases),
        "external_ids": _dumps(e.external_ids),
        "ext_src": _dumps({k: src for k, (src, _) in state.external.items()}),
        "country": e.country,
        "description": e.description,
        "primary": state.primary,
        "name_key": normalise_name(e.name),
        "keys": list(dict.fromkeys(normalise_name(n) for n in (e.name, *e.aliases))),
    }


# -- relations, agreements and goals ----------------------------------------------------------


def _date(published: dt.date | None) -> str:
    return published.isoformat() if published else ""


def parts_from_props(
    kind: type[_M], props: Mapping[str, Any], base: Mapping[str, Any] | None = None
) -> dict[str, tuple[str, _M]]:
    """Rebuild per-document contributions from stored properties.

    ``contrib`` holds, per document, the fact's fields without evidence (JSON); the evidence
    of each document is the merged evidence filtered by document id.
    """
    docs: Sequence[str] = props.get("docs") or ()
    if not docs:
        return {}
    evidence = evidence_from_json(props.get("evidence") or ())
    by_doc: dict[str, list[Evidence]] = {}
    for e in evidence:
        by_doc.setdefault(e.document_id, []).append(e)
    out: dict[str, tuple[str, _M]] = {}
    for doc, day, raw in zip(docs, props["dates"], props["contrib"], strict=True):
        fields = {**(base or {}), **json.loads(raw), "evidence": tuple(by_doc.get(doc, ()))}
        out[doc] = (day, kind.model_validate(fields))
    return out


def _merged(parts: Mapping[str, tuple[str, _M]]) -> tuple[_M, dict[str, Any]]:
    """The merged fact (fields of the smallest document, evidence union) and the bookkeeping."""
    order = sorted(parts)
    first = parts[order[0]][1]
    evidence = sorted({e for _, (_, m) in parts.items() for e in m.evidence}, key=_ev_key)
    counts = [len(set(parts[d][1].evidence)) for d in order]
    book = {
        "docs": order,
        "dates": [parts[d][0] for d in order],
        "counts": counts,
        "evidence": [evidence_to_json(e) for e in evidence],
    }
    return first.model_copy(update={"evidence": tuple(evidence)}), book


def _contrib(model: BaseModel, exclude: set[str]) -> str:
    return _dumps(model.model_dump(mode="json", exclude=exclude | {"evidence"}))


def relation_props(parts: Mapping[str, tuple[str, Relation]]) -> dict[str, Any]:
    """Relationship properties of a merged relation."""
    _, book = _merged(parts)
    contrib = [_contrib(parts[d][1], {"source", "type", "target"}) for d in book["docs"]]
    starts = [m.valid_from for _, m in parts.values() if m.valid_from is not None]
    ends = [m.valid_to for _, m in parts.values() if m.valid_to is not None]
    return {
        **book,
        "contrib": contrib,
        "confidence": max(m.confidence for _, m in parts.values()),
        "valid_from": min(starts).isoformat() if starts else None,
        "valid_to": max(ends).isoformat() if ends else None,
    }


def agreement_props(parts: Mapping[str, tuple[str, Agreement]]) -> dict[str, Any]:
    merged, book = _merged(parts)
    topics = sorted({t for _, m in parts.values() for t in m.topics})
    return {
        **book,
        "contrib": [_contrib(parts[d][1], set()) for d in book["docs"]],
        "id": merged.id,
        "kind": merged.kind.value,
        "title": merged.title,
        "parties": list(merged.parties),
        "date": merged.date,
        "place": merged.place,
        "topics": topics,
        "status": merged.status.value,
    }


def goal_props(parts: Mapping[str, tuple[str, Goal]]) -> dict[str, Any]:
    merged, book = _merged(parts)
    return {
        **book,
        "contrib": [_contrib(parts[d][1], set()) for d in book["docs"]],
        "id": merged.id,
        "metric": merged.metric,
        "value": merged.value,
        "unit": merged.unit,
        "target_year": merged.target_year,
        "owner": merged.owner,
    }


def relation_base(source: str, rtype: str, target: str) -> dict[str, Any]:
    return {"source": source, "type": RelationType(rtype), "target": target}


def published(day: dt.date | None) -> str:
    """A document's publication date as stored in the ``dates`` lists ("" when unknown)."""
    return _date(day)
