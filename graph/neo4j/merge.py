"""Per-document bookkeeping for the Neo4j store, as pure functions (no driver here).

Neo4j properties cannot hold maps, so each stored fact keeps its per-document contributions
in parallel lists (``docs``, ``dates``, ``counts``, ``contrib``) next to its merged value. The
merge rules are :mod:`qkg.graph.merge`'s, called here; this module only lays the merged
fact and its bookkeeping out as properties.

Entities are merged incrementally with :class:`qkg.graph.merge.EntityState`, a commutative,
associative summary stored on the node, so adding a document needs only the stored summary,
never every other document's description; removal re-merges from the remaining MENTIONS
edges.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel

from qkg.schemas import Agreement, Entity, EntityType, Evidence, Goal, Relation, RelationType, normalise_name

from ..merge import EntityState, life_steps, merge_agreement, merge_goal, merge_relation, union_evidence

__all__ = [
    "Parts",
    "agreement_life",
    "agreement_props",
    "entity_props",
    "entity_state_from_row",
    "evidence_from_json",
    "evidence_to_json",
    "goal_props",
    "parts_from_props",
    "relation_bounds",
    "relation_props",
    "relation_props_added",
    "relation_span",
]

_M = TypeVar("_M", Agreement, Goal, Relation)
#: One fact's contributions: document id -> (published date or "", the fact as that document gave it).
Parts = dict[str, tuple[str, _M]]


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


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


_EVIDENCE_ORDER = tuple(Evidence.model_fields)
_EVIDENCE_FIELDS = frozenset(_EVIDENCE_ORDER)


def evidence_from_json(values: Iterable[str]) -> tuple[Evidence, ...]:
    """Stored evidence back to models (already validated on write, so constructed directly:
    the decoded dict becomes the model's fields, as ``model_construct`` would make them with
    every field given, at a third of its cost; a collaborator answer decodes thousands)."""
    out: list[Evidence] = []
    new, put, loads, full, order = (
        Evidence.__new__,
        object.__setattr__,
        orjson.loads,
        _EVIDENCE_FIELDS,
        _EVIDENCE_ORDER,
    )
    for v in values:
        d = loads(v)
        if d.keys() != full:  # not as evidence_to_json writes it: let pydantic fill defaults
            out.append(Evidence.model_construct(**d))
            continue
        e = new(Evidence)
        put(e, "__dict__", {k: d[k] for k in order})  # the model's field order, as model_construct
        put(e, "__pydantic_fields_set__", full)
        put(e, "__pydantic_extra__", None)
        put(e, "__pydantic_private__", None)
        out.append(e)
    return tuple(out)


# -- entities ---------------------------------------------------------------------------------


def entity_state_from_row(row: Mapping[str, Any]) -> EntityState | None:
    """The :class:`~qkg.graph.merge.EntityState` :func:`entity_props` wrote (``None`` for a
    new placeholder node)."""
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
    return EntityState(
        row["primary"],
        base,
        frozenset(row.get("aliases") or ()),
        {k: (sources[k], v) for k, v in values.items()},
    )


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


def _book(parts: Mapping[str, tuple[str, _M]], merged: _M) -> dict[str, Any]:
    """The bookkeeping stored beside a merged fact: its documents in id order, their
    publication dates and evidence counts, and the merged evidence as JSON."""
    order = sorted(parts)
    return {
        "docs": order,
        "dates": [parts[d][0] for d in order],
        "counts": [len(set(parts[d][1].evidence)) for d in order],
        "evidence": [evidence_to_json(e) for e in merged.evidence],
    }


def _models(parts: Mapping[str, tuple[str, _M]]) -> dict[str, _M]:
    return {d: m for d, (_, m) in parts.items()}


def _contrib(model: BaseModel, exclude: set[str]) -> str:
    return _dumps(model.model_dump(mode="json", exclude=exclude | {"evidence"}))


def _bound(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def relation_bounds(contrib: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each document's validity bounds (``vfrom``, ``vto`` of :func:`relation_props`) from its
    stored contribution alone: what a relation written before the bounds were kept lacks."""
    given = [json.loads(raw) for raw in contrib]
    return [c.get("valid_from") or "" for c in given], [c.get("valid_to") or "" for c in given]


#: :func:`relation_span`'s placeholders: before every day, after every day.
_NEVER, _EVER = "0000-00-00", "9999-99-99"


def relation_span(dates: Sequence[str], valid_from: str | None, valid_to: str | None) -> str | None:
    """One fixed-width string that decides most of a relation's ``asOf`` steps with a single
    property read (the timed step statements, no ``minSupport``): the earliest document date
    (before it no document is published: the step does not hold), the day from which every
    document is published (then the merged validity decides: its start and end follow).
    Undated documents and no validity bound read as :data:`_EVER` / :data:`_NEVER`. ``None``
    when a value is no ISO date (the statement then reads the lists)."""
    known = [d for d in dates if d]
    parts = [
        min(known, default=_EVER),
        max(known) if known and len(known) == len(dates) else _EVER,
        valid_from or _NEVER,
        valid_to or _EVER,
    ]
    return "".join(parts) if all(len(x) == 10 for x in parts) else None


def relation_props(parts: Mapping[str, tuple[str, Relation]]) -> dict[str, Any]:
    """Relationship properties of a merged relation; besides the bookkeeping, each document's
    validity bounds (``vfrom``, ``vto``: ISO or ""), for the timed step statements."""
    merged = merge_relation(_models(parts))
    book = _book(parts, merged)
    valid_from = merged.valid_from.isoformat() if merged.valid_from else None
    valid_to = merged.valid_to.isoformat() if merged.valid_to else None
    return {
        **book,
        "contrib": [_contrib(parts[d][1], {"source", "type", "target"}) for d in book["docs"]],
        "vfrom": [_bound(parts[d][1].valid_from) for d in book["docs"]],
        "vto": [_bound(parts[d][1].valid_to) for d in book["docs"]],
        "confidence": merged.confidence,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "span": relation_span(book["dates"], valid_from, valid_to),
    }


#: The fields :func:`relation_props_added` knows how to merge; a model with others takes the full path.
_RELATION_FIELDS = frozenset({"source", "type", "target", "evidence", "confidence", "valid_from", "valid_to"})


def relation_props_added(
    stored: Mapping[str, Any], new: Mapping[str, tuple[str, Relation]]
) -> dict[str, Any] | None:
    """:func:`relation_props` of the stored parts plus ``new`` ones (documents not among the
    stored), from the stored properties alone: each new document's entries are inserted at its
    place in the lists, with no stored part parsed or dumped again. The result is what
    :func:`relation_props` gives on all parts, since the merge is the evidence union in
    :func:`~qkg.graph.merge.evidence_key` order (document id first, so a document's evidence
    sits after that of every smaller id: its ``counts`` say where), the highest confidence,
    the earliest ``valid_from`` and the latest ``valid_to`` (ISO dates compare as strings).
    ``None`` when the stored properties do not allow it (a document already there, lists that
    do not line up, a model with other fields): the caller merges from the parts."""
    docs = list(stored.get("docs") or ())
    dates = list(stored.get("dates") or ())
    counts = list(stored.get("counts") or ())
    contrib = list(stored.get("contrib") or ())
    evidence = list(stored.get("evidence") or ())
    vfrom, vto = list(stored.get("vfrom") or ()), list(stored.get("vto") or ())
    if (
        not docs
        or set(Relation.model_fields) != _RELATION_FIELDS
        or not len(docs) == len(dates) == len(counts) == len(contrib) == len(vfrom) == len(vto)
        or sum(counts) != len(evidence)
        or any(d in new for d in docs)
    ):
        return None
    confidence = stored.get("confidence")
    valid_from, valid_to = stored.get("valid_from"), stored.get("valid_to")
    for doc in sorted(new):
        day, rel = new[doc]
        at = bisect_left(docs, doc)
        start = sum(counts[:at])
        own = union_evidence([rel.evidence])
        docs.insert(at, doc)
        dates.insert(at, day)
        counts.insert(at, len(own))
        contrib.insert(at, _contrib(rel, {"source", "type", "target"}))
        vfrom.insert(at, _bound(rel.valid_from))
        vto.insert(at, _bound(rel.valid_to))
        evidence[start:start] = [evidence_to_json(e) for e in own]
        confidence = rel.confidence if confidence is None else max(confidence, rel.confidence)
        if rel.valid_from is not None:
            day_from = rel.valid_from.isoformat()
            valid_from = day_from if valid_from is None else min(valid_from, day_from)
        if rel.valid_to is not None:
            day_to = rel.valid_to.isoformat()
            valid_to = day_to if valid_to is None else max(valid_to, day_to)
    return {
        "docs": docs,
        "dates": dates,
        "counts": counts,
        "evidence": evidence,
        "contrib": contrib,
        "vfrom": vfrom,
        "vto": vto,
        "confidence": confidence,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "span": relation_span(dates, valid_from, valid_to),
    }


def agreement_props(parts: Mapping[str, tuple[str, Agreement]]) -> dict[str, Any]:
    """Node properties of a merged agreement; with events, also when it is in force as of a
    day once all its documents are published (``life_from``, ``life_on``:
    :func:`qkg.graph.merge.life_steps`), for the timed step statements."""
    models = _models(parts)
    merged = merge_agreement(models)
    steps = life_steps(models)
    book = _book(parts, merged)
    return {
        **book,
        "contrib": [_contrib(parts[d][1], set()) for d in book["docs"]],
        "id": merged.id,
        "kind": merged.kind.value,
        "title": merged.title,
        "parties": list(merged.parties),
        "date": merged.date,
        "place": merged.place,
        "topics": list(merged.topics),
        "status": merged.status.value,
        "events": [e.model_dump_json() for e in merged.events],
        "ends": merged.ends,
        "life_from": None if steps is None else steps[0],
        "life_on": None if steps is None else steps[1],
    }


def agreement_life(props: Mapping[str, Any]) -> tuple[list[str], list[bool]] | None:
    """The life steps (``life_from``, ``life_on`` of :func:`agreement_props`) of a stored
    agreement, from its stored contributions: what one written before they were kept lacks."""
    return life_steps(_models(parts_from_props(Agreement, props)))


def goal_props(parts: Mapping[str, tuple[str, Goal]]) -> dict[str, Any]:
    merged = merge_goal(_models(parts))
    book = _book(parts, merged)
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
