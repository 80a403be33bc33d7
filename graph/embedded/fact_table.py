"""The facts file's columns read back: rows of its arrays made into the models of an answer.

:class:`FactTable` holds one facts file mapped (:mod:`qkg.graph.embedded.facts` describes the
layout) and answers what reads single rows: look-ups by id and name, entity listings, the
documents, goals and each party's agreements, relations by key, and each actor's steps. It
builds relations with their evidence from their rows and keeps the ones used last
(:meth:`FactTable.relations_at`) and hubs' steps; the reads by documents
(:mod:`.fact_dated`) and the walks (:mod:`.fact_walks`) are built over it.
"""

from __future__ import annotations

import datetime as dt
import mmap
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
from pydantic import BaseModel, TypeAdapter

from qkg.schemas import (
    SYMMETRIC_TYPES,
    Agreement,
    DocumentInfo,
    Entity,
    EntityFilter,
    EntityType,
    Evidence,
    Goal,
    Relation,
    RelationType,
    normalise_name,
)

from ..store import RelKey, Step
from .columns import _TYPES

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["FactTable"]

_ENTITY_TYPES: tuple[EntityType, ...] = tuple(sorted(EntityType, key=lambda t: t.value))
_ENTITY_CODE = {t: i for i, t in enumerate(_ENTITY_TYPES)}
#: ``ent_type`` of an id that is no entity (an end or a party the graph does not describe).
_NO_ENTITY = 255
_SYMMETRIC = np.array([t in SYMMETRIC_TYPES for t in _TYPES], dtype=bool)
_BY_VALUE = {t.value: i for i, t in enumerate(_TYPES)}
#: The relation types by which an entity works on a technology (``EntityFilter.technology``).
_TECH = np.array([t in (RelationType.WORKS_ON, RelationType.DEVELOPS) for t in _TYPES], dtype=bool)
_DOCUMENTS = TypeAdapter(list[DocumentInfo])
_GOALS = TypeAdapter(list[Goal])
#: Actors with more steps than this keep their built steps (as the object index keeps its hubs').
_HUB_STEPS = 64
#: How many built relations are kept for later answers (about 1.5 KB each with evidence).
_KEPT = 100_000
#: ``r_from`` / ``r_to`` of a relation without that bound.
_UNDATED = 0
_M = TypeVar("_M", bound=BaseModel)


def _maker(cls: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """What makes a model of values it was validated with when first built (the file is
    ours, checked by digest and bounds) without validating again, as :mod:`.snapshot` does:
    the model's slots set through their descriptors (a relation question builds thousands)."""
    slots = BaseModel.__dict__
    put_dict = slots["__dict__"].__set__
    put_set = slots["__pydantic_fields_set__"].__set__
    put_extra = slots["__pydantic_extra__"].__set__
    put_private = slots["__pydantic_private__"].__set__
    fields_set = set(cls.model_fields)  # shared: frozen models never change it
    new = cls.__new__

    def made(values: dict[str, Any]) -> _M:
        obj = new(cls)
        put_dict(obj, values)
        put_set(obj, fields_set)
        put_extra(obj, None)
        put_private(obj, None)
        return obj

    return made


_EVIDENCE = _maker(Evidence)
_RELATION = _maker(Relation)


def _relation_of(
    source: str,
    kind: RelationType,
    target: str,
    evidence: tuple[Evidence, ...],
    conf: float,
    start: int,
    end: int,
) -> Relation:
    """A relation of values from the file (``start``/``end``: ordinals, :data:`_UNDATED` for none)."""
    day = dt.date.fromordinal
    return _RELATION(
        {
            "source": source,
            "type": kind,
            "target": target,
            "evidence": evidence,
            "confidence": conf,
            "valid_from": None if start == _UNDATED else day(start),
            "valid_to": None if end == _UNDATED else day(end),
        },
    )


def _row_keys(arrays: dict[str, NDArray[Any]], n: int) -> NDArray[np.int64]:
    """Each relation row's key ``(source, type, target)`` as one number, in key order."""
    keys: NDArray[np.int64] = (arrays["r_src"].astype(np.int64) * len(_TYPES) + arrays["r_type"]) * max(
        1, n
    ) + arrays["r_tgt"]
    return keys


def _starts(ends: NDArray[np.int64], at: NDArray[np.int64]) -> NDArray[np.int64]:
    """Where the ranges of a CSR ``ends`` array numbered ``at`` start."""
    before = at - 1
    return np.where(at > 0, ends[np.maximum(before, 0)], 0)


def _gather(ends: NDArray[np.int64], at: NDArray[Any]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The positions of the ranges of a CSR ``ends`` array numbered ``at``, one after the
    other, and how many each range holds."""
    at = np.asarray(at, dtype=np.int64)
    first = _starts(ends, at)
    counts = ends[at] - first
    shift = np.repeat(first - (np.cumsum(counts) - counts), counts)
    return np.arange(int(counts.sum()), dtype=np.int64) + shift, counts


@dataclass(eq=False)
class FactTable:
    """The merged graph of one graph version as columns (see :mod:`.facts`). Answers
    equal the object index's (:class:`~qkg.graph.embedded.index.GraphIndex`) for the same
    graph; models are built per answer, relations and hubs' steps kept once built."""

    version: str
    ids: list[str]
    #: The documents evidence cites (``e_doc`` rows).
    document_ids: list[str]
    rules: list[str]
    agreement_ids: list[str]
    #: Every name key (normalised name or alias of an entity), sorted.
    name_keys: list[str]
    countries: list[str]
    arrays: dict[str, NDArray[Any]]
    #: The file (mapped) and where each blob of it starts and how long it is.
    data: mmap.mmap
    blobs: dict[str, tuple[int, int]]
    _position: dict[str, int] | None = None
    _agreement_position: dict[str, int] | None = None
    _documents: list[DocumentInfo] | None = None
    _goals: list[Goal] | None = None
    _document_position: dict[str, DocumentInfo] | None = None
    #: Which name key each row of ``name_ent`` belongs to (for ``name_contains``), on first use.
    _name_owner: NDArray[np.int64] | None = None
    _keys: NDArray[np.int64] | None = None
    _built: dict[int, Relation] = field(default_factory=dict)
    _older: dict[int, Relation] = field(default_factory=dict)
    _hub_steps: dict[int, list[Step]] = field(default_factory=dict)
    #: Hubs' relations, built (see :data:`_PINNED`), and how many relations they hold.
    _hub_relations: dict[int, list[Relation]] = field(default_factory=dict)
    _pinned: int = 0
    _published: dict[str, dt.date | None] | None = None
    _document_rows: dict[str, int] | None = None
    #: Whether each evidence row is its relation's first of its document (on first use).
    _ev_first: NDArray[np.bool_] | None = None
    #: A step's agreement by ``st_agr + 1`` (None for a relation's step).
    _step_agreements: list[str | None] = field(default_factory=list)

    # -- lookups --------------------------------------------------------------------------
    def position(self, node: str) -> int | None:
        """``node``'s row in the id table, None if the graph does not name it."""
        if self._position is None:
            self._position = {n: i for i, n in enumerate(self.ids)}
        return self._position.get(node)

    def _entity_row(self, entity_id: str) -> int | None:
        i = self.position(entity_id)
        return None if i is None or int(self.arrays["ent_type"][i]) == _NO_ENTITY else i

    def _blob(self, name: str, a: int, b: int) -> bytes:
        start = self.blobs[name][0]
        return self.data[start + a : start + b]

    def _range(self, name: str, i: int) -> tuple[int, int]:
        ends = self.arrays[name]
        return (0 if i == 0 else int(ends[i - 1])), int(ends[i])

    def _entity_at(self, row: int) -> Entity:
        a, b = self._range("desc_end", row)
        return Entity.model_validate_json(self._blob("entities", a, b))

    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for i in ids:
            row = None if i in out else self._entity_row(i)
            if row is not None:
                out[i] = self._entity_at(row)
        return out

    def find_entities(self, name: str) -> list[Entity]:
        """:meth:`GraphIndex.find_entities`: the entities ``name`` names (name or alias,
        normalised), in entity order; a bisection of the sorted name keys."""
        keys, key = self.name_keys, normalise_name(name)
        k = bisect_left(keys, key)
        if k == len(keys) or keys[k] != key:
            return []
        a, b = self._range("name_end", k)
        return [self._entity_at(row) for row in self.arrays["name_ent"][a:b].tolist()]

    def entities(self, f: EntityFilter | None, limit: int | None, offset: int) -> list[Entity]:
        """:meth:`GraphIndex.entities`: the entities ``f`` keeps, in entity order, paged."""
        rows = self._listed(f)
        rows = rows[offset:] if limit is None else rows[offset : offset + limit]
        return [self._entity_at(row) for row in rows.tolist()]

    def count_entities(self, f: EntityFilter | None) -> int:
        return len(self._listed(f))

    def _listed(self, f: EntityFilter | None) -> NDArray[Any]:
        """The rows of the entities ``f`` keeps, in entity order (see
        :meth:`GraphIndex._entity_matches`): one mask over the id table per condition."""
        arrays, order = self.arrays, self.arrays["ent_order"]
        if f is None:
            return order
        keep = np.ones(len(self.ids), dtype=bool)
        if f.types is not None:
            kinds = np.zeros(256, dtype=bool)
            kinds[[_ENTITY_CODE[EntityType(t)] for t in f.types]] = True
            keep &= kinds[arrays["ent_type"]]
        if f.country is not None:
            country = f.country.upper()
            found = bisect_left(self.countries, country)
            if found == len(self.countries) or self.countries[found] != country:
                return order[:0]
            keep &= arrays["ent_country"] == found
        if f.technology is not None:
            tech = self.position(f.technology)
            if tech is None:
                return order[:0]
            a, b = self._range("adj_end", tech)
            rows = arrays["adj_rel"][a:b]
            rows = rows[(arrays["r_tgt"][rows] == tech) & _TECH[arrays["r_type"][rows]]]
            working = np.zeros(len(self.ids), dtype=bool)
            working[arrays["r_src"][rows]] = True
            keep &= working
        keys = self.name_keys
        if f.name_prefix is not None:
            prefix = normalise_name(f.name_prefix)
            low = bisect_left(keys, prefix)
            high = low
            while high < len(keys) and keys[high].startswith(prefix):
                high += 1
            named = np.zeros(len(self.ids), dtype=bool)
            start = 0 if low == 0 else int(arrays["name_end"][low - 1])
            named[arrays["name_ent"][start : start if high == low else int(arrays["name_end"][high - 1])]] = (
                True
            )
            keep &= named
        if f.name_contains is not None:
            part = normalise_name(f.name_contains)
            if self._name_owner is None:
                sizes = np.diff(arrays["name_end"], prepend=0)
                self._name_owner = np.repeat(np.arange(len(keys), dtype=np.int64), sizes)
            hit = np.fromiter((part in k for k in keys), dtype=bool, count=len(keys))
            named = np.zeros(len(self.ids), dtype=bool)
            named[arrays["name_ent"][hit[self._name_owner]]] = True
            keep &= named
        kept: NDArray[Any] = order[keep[order]]
        return kept

    # -- documents ------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """:meth:`GraphIndex.documents`: every loaded document's description, in its order."""
        if self._documents is None:
            start, size = self.blobs["document_infos"]
            self._documents = _DOCUMENTS.validate_json(self.data[start : start + size])
        return list(self._documents)

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]:
        if self._document_position is None:
            self._document_position = {d.id: d for d in self.documents()}
        found = self._document_position
        return {i: found[i] for i in ids if i in found}

    def _agreement_at(self, row: int) -> Agreement:
        a, b = self._range("agr_end", row)
        return Agreement.model_validate_json(self._blob("agreements", a, b))

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        """:meth:`GraphIndex.agreements_of`: each entity's agreements, in agreement order."""
        out: dict[str, list[Agreement]] = {}
        for p in dict.fromkeys(party_ids):
            row = self._entity_row(p)
            if row is not None:
                a, b = self._range("party_end", row)
                out[p] = [self._agreement_at(g) for g in self.arrays["party_agr"][a:b].tolist()]
        return out

    def goals(self, owner: str | None) -> list[Goal]:
        """:meth:`GraphIndex.goals`: every goal, or ``owner``'s, in goal order."""
        if self._goals is None:
            start, size = self.blobs["goals"]
            self._goals = _GOALS.validate_json(self.data[start : start + size])
        return [g for g in self._goals if owner is None or g.owner == owner]

    # -- rows of relations -----------------------------------------------------------------
    def _rows_of_keys(self, keys: Iterable[RelKey]) -> dict[RelKey, int]:
        """The row of each of ``keys`` that is a relation of the graph, in the order asked."""
        if self._keys is None:
            self._keys = _row_keys(self.arrays, len(self.ids))
        wanted: list[tuple[RelKey, int]] = []
        for k in keys:
            s, t, code = self.position(k[0]), self.position(k[2]), _BY_VALUE.get(k[1])
            if s is not None and t is not None and code is not None:
                wanted.append((k, (s * len(_TYPES) + code) * max(1, len(self.ids)) + t))
        if not wanted:
            return {}
        asked = np.fromiter((c for _, c in wanted), dtype=np.int64, count=len(wanted))
        at = np.searchsorted(self._keys, asked)
        at = np.minimum(at, len(self._keys) - 1)
        found = self._keys[at] == asked
        return {k: r for (k, _), r, hit in zip(wanted, at.tolist(), found.tolist(), strict=True) if hit}

    def _published_on(self) -> dict[str, dt.date | None]:
        """Each document's publication day (None: undated), by id."""
        if self._published is None:
            day = dt.date.fromordinal
            self._published = {
                d: None if on == _UNDATED else day(on)
                for d, on in zip(self.document_ids, self.arrays["doc_pub"].tolist(), strict=True)
            }
        return self._published

    def _document_row(self, document_id: str) -> int | None:
        if self._document_rows is None:
            self._document_rows = {d: i for i, d in enumerate(self.document_ids)}
        return self._document_rows.get(document_id)

    def relations_at(self, rows: list[int]) -> list[Relation]:
        """The relations of ``rows``, built with their evidence and kept for later answers:
        about the :data:`_KEPT` used last (two generations: a relation asked again moves to
        the young one; when it is full, the old one is let go and the young one becomes old)."""
        built, older = self._built, self._older
        missing = []
        for r in dict.fromkeys(rows):
            if r not in built:
                found = older.get(r)
                if found is None:
                    missing.append(r)
                else:
                    built[r] = found
        if missing:
            self._build(missing)
        out = [built[r] for r in rows]
        if len(built) > _KEPT // 2:
            self._older, self._built = built, {}
        return out

    def _build(self, rows: list[int]) -> None:
        arrays = self.arrays
        at = np.asarray(rows, dtype=np.int64)
        ev, counts = _gather(arrays["ev_end"], at)
        pieces = self._evidence(ev)
        ids, built, types, relation, day = self.ids, self._built, _TYPES, _RELATION, dt.date.fromordinal
        taken = 0
        for r, s, ty, t, n, conf, start, end in zip(
            rows,
            arrays["r_src"][at].tolist(),
            arrays["r_type"][at].tolist(),
            arrays["r_tgt"][at].tolist(),
            counts.tolist(),
            arrays["r_conf"][at].tolist(),
            arrays["r_from"][at].tolist(),
            arrays["r_to"][at].tolist(),
            strict=True,
        ):
            built[r] = relation(  # as _relation_of, inline: a 2-hop answer builds thousands
                {
                    "source": ids[s],
                    "type": types[ty],
                    "target": ids[t],
                    "evidence": tuple(pieces[taken : taken + n]),
                    "confidence": conf,
                    "valid_from": None if start == _UNDATED else day(start),
                    "valid_to": None if end == _UNDATED else day(end),
                },
            )
            taken += n

    def _evidence(self, ev: NDArray[np.int64]) -> list[Evidence]:
        """The evidence of rows ``ev``, built."""
        arrays, data = self.arrays, self.data
        text = self.blobs["sentences"][0]
        text_from = (_starts(arrays["text_end"], ev) + text).tolist()
        text_to = (arrays["text_end"][ev] + text).tolist()
        docs, rules, evidence = self.document_ids, self.rules, _EVIDENCE
        return [
            evidence(
                {
                    "document_id": docs[d],
                    "sentence": data[a:b].decode(),
                    "start": start,
                    "end": stop,
                    "rule": rules[rule],
                    "confidence": conf,
                },
            )
            for d, a, b, start, stop, rule, conf in zip(
                arrays["e_doc"][ev].tolist(),
                text_from,
                text_to,
                arrays["e_start"][ev].tolist(),
                arrays["e_stop"][ev].tolist(),
                arrays["e_rule"][ev].tolist(),
                arrays["e_conf"][ev].tolist(),
                strict=True,
            )
        ]

    # -- steps ----------------------------------------------------------------------------
    def steps(self, nodes: Sequence[str], types: frozenset[RelationType] | None) -> dict[str, list[Step]]:
        """:meth:`GraphIndex.steps`: every step of each node, of ``types`` (all if None)."""
        out: dict[str, list[Step]] = {}
        for n in nodes:
            i = self.position(n)
            every = [] if i is None else self._every_step(i)
            out[n] = list(every) if types is None else [s for s in every if s[1] in types]
        return out

    def _every_step(self, i: int) -> list[Step]:
        found = self._hub_steps.get(i)
        if found is not None:
            return found
        a, b = self._range("st_end", i)
        arrays, ids = self.arrays, self.ids
        agreements = self._step_agreements
        if not agreements:
            agreements.extend([None, *self.agreement_ids])
        found = [
            (ids[v], _TYPES[t], agreements[g + 1], bool(rev))
            for v, t, g, rev in zip(
                arrays["st_node"][a:b].tolist(),
                arrays["st_type"][a:b].tolist(),
                arrays["st_agr"][a:b].tolist(),
                arrays["st_rev"][a:b].tolist(),
                strict=True,
            )
        ]
        if b - a > _HUB_STEPS:
            self._hub_steps[i] = found
        return found
