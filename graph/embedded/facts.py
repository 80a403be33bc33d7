"""The merged graph as columns: the reads the API makes, answered without the object index.

:class:`FactColumns` holds the merged view of the embedded index (every relation with its
evidence, each actor's relations and steps, the entities and agreements) as numpy arrays
over interned tables, in the orders the :class:`~qkg.graph.store.GraphStore` docstring
fixes, so that after a restart a relation question, a walk or a path search reads a slice of
an array and builds the models of its answer only (:meth:`FactColumns.relations`,
:meth:`FactColumns.steps`), instead of decoding one Python object per fact from the snapshot
first. The store writes the file at ``close`` beside the snapshot (:func:`encode`), records
its SHA-256 in the snapshot's header, and maps it read-only at open (:func:`load`): nothing
in it is code or a type name, every array is bounds-checked before use, and a file that is
not the one recorded is refused (the store then answers from the object index, as before).

File layout (all integers little-endian)::

    b"QKGFACTS"                  magic (8 bytes)
    u32 header length, header    JSON: format, graph version, the relation and entity type
                                 names (the codes' meaning), each array's (name, dtype,
                                 length, offset) and each blob's (name, offset, length)
    arrays                       at 8-aligned offsets
    blobs                        the string tables (JSON arrays), the sentences (UTF-8, one
                                 after the other), entity and agreement descriptions (JSON)

Relations are rows in key order ``(source, type, target)``; relation ``r``'s evidence is rows
``ev_end[r - 1]:ev_end[r]``, evidence ``j``'s sentence bytes ``text_end[j - 1]:text_end[j]``;
actor ``i``'s relations are ``adj_rel[adj_end[i - 1]:adj_end[i]]`` (rows, so in key order) and
its steps ``st_*[st_end[i - 1]:st_end[i]]`` in step order. The name keys (each entity's name
and aliases normalised, :func:`~qkg.schemas.normalise_name`) are a sorted string table; key
``k``'s entities are the rows ``name_ent[name_end[k - 1]:name_end[k]]``, in entity order, so a
look-up by name is a bisection and a name prefix a range of keys. ``ent_order`` holds every
entity's row in entity order (what a listing pages through), ``ent_country`` each id's
country (a row of the country table, -1 for none), and the documents' descriptions are one
JSON array in the order of :meth:`~qkg.graph.store.GraphStore.documents`. Actor ``i``'s
agreements are the rows ``party_agr[party_end[i - 1]:party_end[i]]`` of the agreement table,
in agreement order; the goals are one JSON array in goal order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mmap
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import lt
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import orjson
from pydantic import BaseModel, TypeAdapter

from qkg.schemas import (
    SYMMETRIC_TYPES,
    Agreement,
    Direction,
    DocumentInfo,
    Entity,
    EntityFilter,
    EntityType,
    Evidence,
    Goal,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    normalise_name,
)

from ..merge import agreement_order, entity_order
from ..store import RelKey, Step
from . import snapshot
from .columns import _CODE as _TYPE_CODE
from .columns import _TYPES, ColumnsRefused, framed, refusing, unframed

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from .index import GraphIndex

__all__ = ["FORMAT", "FactColumns", "FactsRefused", "encode", "load"]

#: Bumped whenever the layout changes; a facts file of another format is not used.
FORMAT = 4
_MAGIC = b"QKGFACTS"
_ENTITY_TYPES: tuple[EntityType, ...] = tuple(sorted(EntityType, key=lambda t: t.value))
_ENTITY_CODE = {t: i for i, t in enumerate(_ENTITY_TYPES)}
#: ``ent_type`` of an id that is no entity (an end or a party the graph does not describe).
_NO_ENTITY = 255
_PARTY = RelationType.PARTY_TO
_SYMMETRIC = np.array([t in SYMMETRIC_TYPES for t in _TYPES], dtype=bool)
_BY_VALUE = {t.value: i for i, t in enumerate(_TYPES)}
#: The relation types by which an entity works on a technology (``EntityFilter.technology``).
_TECH = np.array([t in (RelationType.WORKS_ON, RelationType.DEVELOPS) for t in _TYPES], dtype=bool)
#: ``ent_country`` of an id without a country.
_NO_COUNTRY = -1
_DOCUMENTS = TypeAdapter(list[DocumentInfo])
_GOALS = TypeAdapter(list[Goal])
#: Actors with more steps than this keep their built steps (as the object index keeps its hubs').
_HUB_STEPS = 64
#: How many built relations are kept for later answers (about 1.5 KB each with evidence).
_KEPT = 200_000
#: The arrays of the file, in order: (name, dtype, the table whose length it has).
_ARRAYS: tuple[tuple[str, str, str], ...] = (
    ("ent_type", "|u1", "ids"),
    ("desc_end", "<i8", "ids"),
    ("adj_end", "<i8", "ids"),
    ("st_end", "<i8", "ids"),
    ("r_src", "<i4", "relations"),
    ("r_tgt", "<i4", "relations"),
    ("r_type", "|u1", "relations"),
    ("r_conf", "<f8", "relations"),
    ("r_from", "<i4", "relations"),
    ("r_to", "<i4", "relations"),
    ("ev_end", "<i8", "relations"),
    ("e_doc", "<i4", "evidence"),
    ("e_start", "<i8", "evidence"),
    ("e_stop", "<i8", "evidence"),
    ("e_rule", "<i4", "evidence"),
    ("e_conf", "<f8", "evidence"),
    ("text_end", "<i8", "evidence"),
    ("adj_rel", "<i4", "adjacency"),
    ("st_node", "<i4", "steps"),
    ("st_type", "|u1", "steps"),
    ("st_agr", "<i4", "steps"),
    ("st_rev", "|u1", "steps"),
    ("agr_end", "<i8", "agreements"),
    ("name_end", "<i8", "names"),
    ("name_ent", "<i4", "named"),
    ("ent_order", "<i4", "entities"),
    ("ent_country", "<i4", "ids"),
    ("party_end", "<i8", "ids"),
    ("party_agr", "<i4", "party_agreements"),
)
#: The blobs; the first five are string tables (JSON arrays), read at open.
_BLOBS = (
    "ids",
    "documents",
    "rules",
    "agreement_ids",
    "name_keys",
    "countries",
    "sentences",
    "entities",
    "agreements",
    "document_infos",
    "goals",
)
_TABLES = 6
#: ``r_from`` / ``r_to`` of a relation without that bound.
_UNDATED = 0
_M = TypeVar("_M", bound=BaseModel)


class FactsRefused(ColumnsRefused):
    """A facts file that is not one this module wrote for this graph (the reason says why)."""


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


@dataclass(eq=False)
class FactColumns:
    """The merged graph of one graph version as columns (see the module docstring). Answers
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
    #: A step's agreement by ``st_agr + 1`` (None for a relation's step).
    _step_agreements: list[str | None] = field(default_factory=list)

    @staticmethod
    def answers(f: RelationFilter | None) -> bool:
        """Whether :meth:`relations` answers filter ``f``: all but the filters that read each
        relation's documents (a document, a window, ``asOf``, ``minSupport``)."""
        return f is None or (f.document_id is None and f.since is None and f.until is None and not f.timed)

    # -- lookups --------------------------------------------------------------------------
    def position(self, node: str) -> int | None:
        """``node``'s row in the id table, None if the graph does not name it."""
        if self._position is None:
            self._position = {n: i for i, n in enumerate(self.ids)}
        return self._position.get(node)

    def _entity_row(self, entity_id: str) -> int | None:
        i = self.position(entity_id)
        return None if i is None or int(self.arrays["ent_type"][i]) == _NO_ENTITY else i

    def entities_known(self, ids: Sequence[str]) -> list[str]:
        """``ids`` that are entities of the graph, once each, in order."""
        return [i for i in dict.fromkeys(ids) if self._entity_row(i) is not None]

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

    def agreements_by_id(self, ids: Sequence[str]) -> dict[str, Agreement]:
        if self._agreement_position is None:
            self._agreement_position = {n: i for i, n in enumerate(self.agreement_ids)}
        out: dict[str, Agreement] = {}
        for i in ids:
            row = None if i in out else self._agreement_position.get(i)
            if row is not None:
                out[i] = self._agreement_at(row)
        return out

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

    # -- relations ------------------------------------------------------------------------
    def relations(
        self, entity_id: str | None, f: RelationFilter | None, limit: int | None, offset: int
    ) -> list[Relation]:
        """:meth:`GraphIndex.relations` for a filter :func:`answers` accepts."""
        arrays = self.arrays
        if entity_id is None:
            me = None
            rows: NDArray[Any] = np.arange(len(arrays["r_src"]), dtype=np.int32)
        else:
            me = self._entity_row(entity_id)
            if me is None:
                raise NotFound("entity", entity_id)
            a, b = self._range("adj_end", me)
            rows = arrays["adj_rel"][a:b]
        if f is not None:
            rows = rows[self._matching(rows, me, f)]
        rows = rows[offset:] if limit is None else rows[offset : offset + limit]
        return self.relations_at(rows.tolist())

    def _matching(self, rows: NDArray[Any], me: int | None, f: RelationFilter) -> NDArray[np.bool_]:
        """Which of ``rows`` pass ``f`` (see :meth:`GraphIndex._rel_matches`), ``me`` being the
        row of the actor asked about."""
        arrays = self.arrays
        rtype = arrays["r_type"][rows]
        src, tgt = arrays["r_src"][rows], arrays["r_tgt"][rows]
        keep = np.ones(len(rows), dtype=bool)
        if f.types is not None:
            wanted = np.zeros(len(_TYPES), dtype=bool)
            wanted[[_TYPE_CODE[RelationType(t)] for t in f.types]] = True
            keep &= wanted[rtype]
        if me is not None and f.direction is not Direction.BOTH:
            mine = src if f.direction is Direction.OUT else tgt
            keep &= _SYMMETRIC[rtype] | (mine == me)
        if f.entity_types is not None:
            kinds = np.zeros(256, dtype=bool)
            kinds[[_ENTITY_CODE[EntityType(t)] for t in f.entity_types]] = True
            ent_type = arrays["ent_type"]
            if me is None:
                keep &= kinds[ent_type[src]] | kinds[ent_type[tgt]]
            else:
                keep &= kinds[ent_type[np.where(src == me, tgt, src)]]
        return keep

    def relations_by_key(self, keys: Iterable[RelKey]) -> dict[RelKey, Relation]:
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
        rows = at.tolist()
        built = self.relations_at([r for r, hit in zip(rows, found.tolist(), strict=True) if hit])
        out: dict[RelKey, Relation] = {}
        it = iter(built)
        for (k, _), hit in zip(wanted, found.tolist(), strict=True):
            if hit:
                out[k] = next(it)
        return out

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
        arrays, data = self.arrays, self.data
        at = np.asarray(rows, dtype=np.int64)
        first = _starts(arrays["ev_end"], at)
        counts = arrays["ev_end"][at] - first
        shift = np.repeat(first - (np.cumsum(counts) - counts), counts)
        ev = np.arange(int(counts.sum()), dtype=np.int64) + shift
        text = self.blobs["sentences"][0]
        text_from = (_starts(arrays["text_end"], ev) + text).tolist()
        text_to = (arrays["text_end"][ev] + text).tolist()
        docs, rules = self.document_ids, self.rules
        evidence, relation, day = _EVIDENCE, _RELATION, dt.date.fromordinal
        pieces = [
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
        ids, built = self.ids, self._built
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
            built[r] = relation(
                {
                    "source": ids[s],
                    "type": _TYPES[ty],
                    "target": ids[t],
                    "evidence": tuple(pieces[taken : taken + n]),
                    "confidence": conf,
                    "valid_from": None if start == _UNDATED else day(start),
                    "valid_to": None if end == _UNDATED else day(end),
                },
            )
            taken += n

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

    def warm(self) -> None:
        """Build every hub's steps and the look-up tables now (what a server does before it
        takes requests, so that no request pays for them)."""
        self.position("")
        self.documents_by_id(())
        self.agreements_by_id(())
        self.goals(None)
        sizes = np.diff(self.arrays["st_end"], prepend=0)
        for i in np.flatnonzero(sizes > _HUB_STEPS).tolist():
            self._every_step(i)


# -- the file ---------------------------------------------------------------------------
def _table(blob: bytes) -> list[str]:
    values = orjson.loads(blob)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise FactsRefused("a string table is not a list of strings")
    return values


def encode(index: GraphIndex) -> bytes:
    """The merged view of ``index`` as facts file bytes (deterministic for one graph)."""
    keys = sorted(index.rel)
    party_steps = [
        (n, p, aid)
        for n, aids in index.party_agr.items()
        for aid in aids
        for p in index.agr[aid].parties
        if p != n
    ]
    ids = sorted({*index.ent, *(k[0] for k in keys), *(k[2] for k in keys), *(p for _, p, _ in party_steps)})
    position = {n: i for i, n in enumerate(ids)}
    agreement_ids = sorted(index.agr)
    agreement_position = {a: i for i, a in enumerate(agreement_ids)}
    documents: dict[str, int] = {}
    rules: dict[str, int] = {}
    r_src, r_tgt, r_type, r_conf, r_from, r_to, ev_end = [], [], [], [], [], [], []
    e_doc, e_start, e_stop, e_rule, e_conf, text_end = [], [], [], [], [], []
    sentences: list[bytes] = []
    text_size = 0
    for k in keys:
        r = index.rel[k]
        r_src.append(position[r.source])
        r_tgt.append(position[r.target])
        r_type.append(_TYPE_CODE[r.type])
        r_conf.append(r.confidence)
        r_from.append(_UNDATED if r.valid_from is None else r.valid_from.toordinal())
        r_to.append(_UNDATED if r.valid_to is None else r.valid_to.toordinal())
        for e in r.evidence:
            e_doc.append(documents.setdefault(e.document_id, len(documents)))
            e_rule.append(rules.setdefault(e.rule, len(rules)))
            e_start.append(e.start)
            e_stop.append(e.end)
            e_conf.append(e.confidence)
            text = e.sentence.encode()
            sentences.append(text)
            text_size += len(text)
            text_end.append(text_size)
        ev_end.append(len(e_doc))
    n = len(ids)
    src = np.asarray(r_src, dtype=np.int32)
    tgt = np.asarray(r_tgt, dtype=np.int32)
    rtype = np.asarray(r_type, dtype=np.uint8)
    rows = np.arange(len(keys), dtype=np.int32)
    # each relation under both its ends, rows ascending within an actor (= key order)
    ends = np.concatenate([src, tgt])
    both = np.concatenate([rows, rows])
    order = np.lexsort((both, ends))
    adj_end = np.cumsum(np.bincount(ends, minlength=n)).astype(np.int64)
    # steps: a relation's from each end, then each co-party of each agreement
    symmetric = _SYMMETRIC[rtype]
    cp = np.asarray(
        [(position[a], position[b], agreement_position[g]) for a, b, g in party_steps], dtype=np.int32
    )
    cp = cp.reshape(-1, 3)
    st_from = np.concatenate([src, tgt, cp[:, 0]])
    st_node = np.concatenate([tgt, src, cp[:, 1]])
    st_type = np.concatenate([rtype, rtype, np.full(len(cp), _TYPE_CODE[_PARTY], dtype=np.uint8)])
    st_agr = np.concatenate([np.full(2 * len(keys), -1, dtype=np.int32), cp[:, 2]])
    st_rev = np.concatenate(
        [np.zeros(len(keys), dtype=np.uint8), ~symmetric, np.zeros(len(cp), dtype=np.uint8)]
    )
    st_rev = st_rev.astype(np.uint8)
    steps = np.lexsort((st_rev, st_agr, st_type, st_node, st_from))  # the step order of each actor
    st_end = np.cumsum(np.bincount(st_from, minlength=n)).astype(np.int64)
    described_entities = [index.ent.get(i) for i in ids]
    entities = [b"" if d is None else d.model_dump_json().encode() for d in described_entities]
    described = [index.agr[a].model_dump_json().encode() for a in agreement_ids]
    name_keys = sorted(index.names)
    named = [sorted(index.names[k], key=lambda e: entity_order(index.ent[e])) for k in name_keys]
    countries = sorted({e.country for e in index.ent.values() if e.country is not None})
    party_of = [
        sorted((index.agr[g] for g in index.party_agr.get(i, ())), key=agreement_order)
        if i in index.ent
        else []
        for i in ids
    ]
    country_row = {c: i for i, c in enumerate(countries)}
    values: dict[str, Any] = {
        "ent_type": [_NO_ENTITY if d is None else _ENTITY_CODE[d.type] for d in described_entities],
        "desc_end": np.cumsum([len(b) for b in entities], dtype=np.int64),
        "adj_end": adj_end,
        "st_end": st_end,
        "r_src": src,
        "r_tgt": tgt,
        "r_type": rtype,
        "r_conf": r_conf,
        "r_from": r_from,
        "r_to": r_to,
        "ev_end": ev_end,
        "e_doc": e_doc,
        "e_start": e_start,
        "e_stop": e_stop,
        "e_rule": e_rule,
        "e_conf": e_conf,
        "text_end": text_end,
        "adj_rel": both[order],
        "st_node": st_node[steps],
        "st_type": st_type[steps],
        "st_agr": st_agr[steps],
        "st_rev": st_rev[steps],
        "agr_end": np.cumsum([len(b) for b in described], dtype=np.int64),
        "name_end": np.cumsum([len(e) for e in named], dtype=np.int64),
        "name_ent": [position[e] for es in named for e in es],
        "ent_order": [position[e.id] for e in sorted(index.ent.values(), key=entity_order)],
        "ent_country": [
            _NO_COUNTRY if d is None or d.country is None else country_row[d.country]
            for d in described_entities
        ],
        "party_end": np.cumsum([len(g) for g in party_of], dtype=np.int64),
        "party_agr": [agreement_position[g.id] for gs in party_of for g in gs],
    }
    blobs = {
        "ids": orjson.dumps(ids),
        "documents": orjson.dumps(list(documents)),
        "rules": orjson.dumps(list(rules)),
        "agreement_ids": orjson.dumps(agreement_ids),
        "name_keys": orjson.dumps(name_keys),
        "countries": orjson.dumps(countries),
        "sentences": b"".join(sentences),
        "entities": b"".join(entities),
        "agreements": b"".join(described),
        "document_infos": _DOCUMENTS.dump_json(index.documents()),
        "goals": _GOALS.dump_json(index.goals(None)),
    }
    return _pack(index.version, values, blobs)


def _pack(version: str, values: dict[str, Any], blobs: dict[str, bytes]) -> bytes:
    parts: list[bytes] = []
    arrays: list[list[Any]] = []
    offset = 0
    for name, dtype, _ in _ARRAYS:
        raw = np.ascontiguousarray(values[name], dtype=np.dtype(dtype)).tobytes()
        arrays.append([name, dtype, len(raw) // np.dtype(dtype).itemsize, offset])
        parts.append(raw + b"\0" * (-len(raw) % 8))
        offset += len(parts[-1])
    table = []
    for name in _BLOBS:
        table.append([name, offset, len(blobs[name])])
        parts.append(blobs[name])
        offset += len(blobs[name])
    head = {
        "format": FORMAT,
        "version": version,
        "types": [t.value for t in _TYPES],
        "entity_types": [t.value for t in _ENTITY_TYPES],
        "arrays": arrays,
        "blobs": table,
    }
    return framed(_MAGIC, head) + b"".join(parts)


def load(path: Path, sha: str, version: str) -> FactColumns:
    """The facts file at ``path`` mapped read-only, if its SHA-256 is ``sha`` (what the
    snapshot in use records), it is of this format for graph ``version``, and every array
    is in bounds; :class:`FactsRefused` (saying why) otherwise, :class:`FileNotFoundError`
    when there is none. A symbolic link is refused, never followed."""
    f = snapshot.open_file(path)
    if f is None:
        raise FileNotFoundError(path)
    with f:
        if f.seek(0, 2) == 0:
            raise FactsRefused("the file is empty")
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    if hashlib.sha256(data).hexdigest() != sha:
        raise FactsRefused("it is not the file the snapshot records")
    return refusing(lambda: _unpack(data, version), "facts", FactsRefused)


def _unpack(data: mmap.mmap, version: str) -> FactColumns:
    head, base = unframed(data, _MAGIC, "facts", FORMAT, version, FactsRefused, FactsRefused)
    if head["types"] != [t.value for t in _TYPES] or head["entity_types"] != [t.value for t in _ENTITY_TYPES]:
        raise FactsRefused("the type tables are not this code's")
    if [row[:2] for row in head["arrays"]] != [[n, d] for n, d, _ in _ARRAYS]:
        raise FactsRefused("the arrays are not the ones this format holds")
    if [row[0] for row in head["blobs"]] != list(_BLOBS):
        raise FactsRefused("the blobs are not the ones this format holds")
    blobs: dict[str, tuple[int, int]] = {}
    for name, offset, length in head["blobs"]:
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
            raise FactsRefused(f"blob {name}: {length} bytes at {offset}")
        if base + offset + length > len(data):
            raise FactsRefused(f"blob {name} runs past the end of the file")
        blobs[name] = (base + offset, length)
    arrays: dict[str, NDArray[Any]] = {}
    for name, dtype, length, offset in head["arrays"]:
        if not isinstance(offset, int) or offset < 0 or offset % 8 or length < 0:
            raise FactsRefused(f"array {name}: {length} values at {offset}")
        if base + offset + length * np.dtype(dtype).itemsize > len(data):
            raise FactsRefused(f"array {name} runs past the end of the file")
        arrays[name] = np.frombuffer(data, dtype=np.dtype(dtype), count=length, offset=base + offset)
    tables = {name: _table(data[blobs[name][0] : sum(blobs[name])]) for name in _BLOBS[:_TABLES]}
    found = FactColumns(
        version,
        tables["ids"],
        tables["documents"],
        tables["rules"],
        tables["agreement_ids"],
        tables["name_keys"],
        tables["countries"],
        arrays,
        data,
        blobs,
    )
    _check(found)
    return found


def _check(facts: FactColumns) -> None:
    """Refuse columns whose arrays do not fit their tables (:class:`FactsRefused`)."""
    a, ids = facts.arrays, facts.ids
    for table in (ids, facts.agreement_ids, facts.name_keys, facts.countries):
        if not all(map(lt, table, islice(table, 1, None))):
            raise FactsRefused("an id or name table is not sorted and distinct")
    sizes = {
        "ids": len(ids),
        "relations": len(a["r_src"]),
        "evidence": len(a["e_doc"]),
        "adjacency": len(a["adj_rel"]),
        "steps": len(a["st_node"]),
        "agreements": len(facts.agreement_ids),
        "names": len(facts.name_keys),
        "named": len(a["name_ent"]),
        "entities": int((a["ent_type"] != _NO_ENTITY).sum()),
        "party_agreements": len(a["party_agr"]),
    }
    for name, _, counted in _ARRAYS:
        if len(a[name]) != sizes[counted]:
            raise FactsRefused(f"array {name} holds {len(a[name])} values for {sizes[counted]} {counted}")
    bounds: dict[str, tuple[int, int]] = {
        "r_src": (0, len(ids)),
        "r_tgt": (0, len(ids)),
        "st_node": (0, len(ids)),
        "r_type": (0, len(_TYPES)),
        "st_type": (0, len(_TYPES)),
        "adj_rel": (0, sizes["relations"]),
        "e_doc": (0, len(facts.document_ids)),
        "e_rule": (0, len(facts.rules)),
        "st_agr": (-1, len(facts.agreement_ids)),
        "name_ent": (0, len(ids)),
        "ent_order": (0, len(ids)),
        "ent_country": (_NO_COUNTRY, len(facts.countries)),
        "party_agr": (0, len(facts.agreement_ids)),
        "st_rev": (0, 2),
        "r_from": (0, dt.date.max.toordinal() + 1),
        "r_to": (0, dt.date.max.toordinal() + 1),
    }
    for name, (low, high) in bounds.items():
        values = a[name]
        if len(values) and (int(values.min()) < low or int(values.max()) >= high):
            raise FactsRefused(f"array {name} refers outside its table")
    blob_sizes = {
        "ev_end": sizes["evidence"],
        "text_end": facts.blobs["sentences"][1],
        "adj_end": sizes["adjacency"],
        "st_end": sizes["steps"],
        "desc_end": facts.blobs["entities"][1],
        "agr_end": facts.blobs["agreements"][1],
        "name_end": sizes["named"],
        "party_end": sizes["party_agreements"],
    }
    for name, total in blob_sizes.items():
        ends = a[name]
        if (
            (len(ends) and int(ends[-1]) != total)
            or (len(ends) == 0 and total)
            or bool((np.diff(ends, prepend=0) < 0).any())
        ):
            raise FactsRefused(f"the offsets of {name} do not fit what they locate")
    if bool((a["ent_type"][a["name_ent"]] == _NO_ENTITY).any()):
        raise FactsRefused("a name refers to an id that is no entity")
    listed = np.zeros(len(ids), dtype=bool)
    listed[a["ent_order"]] = True  # every entity once: as many rows as entities, none other
    if bool((listed != (a["ent_type"] != _NO_ENTITY)).any()):
        raise FactsRefused("the entity order does not list every entity once")
    rows_keys = _row_keys(a, len(ids))
    if bool((np.diff(rows_keys) <= 0).any()):
        raise FactsRefused("the relations are not in key order")
    facts._keys = rows_keys
