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

What each fact's documents say apart (format 5), so that ``asOf``, ``minSupport``, a document
and a window are answered here too: each piece of evidence carries its document's part of the
relation (``e_pconf``, ``e_pfrom``, ``e_pto``: the confidence and validity that document
gives), each document its publication day (``doc_pub``, an ordinal, 0 when undated), each
step the relation row behind it (``st_rel``, -1 for an agreement's co-party step), and each
agreement its documents (``ag_doc[ag_doc_end[g - 1]:ag_doc_end[g]]``), whether the count of
its published documents decides it (``agr_counted``, :meth:`GraphIndex._agr_counted`), and,
where it does not or several documents give it, each document's part as JSON
(``agreement_parts``, bytes ``ap_end[j - 1]:ap_end[j]`` for ``ag_doc`` row ``j``, empty
otherwise). A fact the count decides is decided for a whole frontier at once with numpy;
the others by the rules of :mod:`qkg.graph.merge` over their parts, built for them only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mmap
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice
from operator import lt
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import orjson
from pydantic import BaseModel, TypeAdapter

from qkg.schemas import (
    SYMMETRIC_TYPES,
    Agreement,
    AgreementKind,
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

from ..merge import (
    AsOf,
    agreement_order,
    agreement_view,
    date_prefix_match,
    entity_order,
    relation_view,
)
from ..store import RelKey, Step
from . import snapshot
from .columns import _CODE as _TYPE_CODE
from .columns import _TYPES, ColumnsRefused, framed, refusing, unframed

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from .index import GraphIndex

__all__ = ["FORMAT", "FactColumns", "FactsRefused", "encode", "load"]

#: Bumped whenever the layout changes; a facts file of another format is not used.
FORMAT = 5
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
_KEPT = 100_000
#: Actors with more relations than this keep their built relations (a hub's relations are in
#: most 2-hop answers), up to :data:`_PINNED` relations so kept in all, the largest hubs first
#: (:meth:`FactColumns.warm`).
_HUB_RELATIONS = 64
_PINNED = 300_000
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
    ("e_pconf", "<f8", "evidence"),
    ("e_pfrom", "<i4", "evidence"),
    ("e_pto", "<i4", "evidence"),
    ("st_rel", "<i4", "steps"),
    ("doc_pub", "<i4", "documents"),
    ("agr_counted", "|u1", "agreements"),
    ("ag_doc_end", "<i8", "agreements"),
    ("ag_doc", "<i4", "agreement_documents"),
    ("ap_end", "<i8", "agreement_documents"),
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
    "agreement_parts",
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


def _by_documents(f: RelationFilter | None) -> bool:
    """Whether ``f`` reads each relation's documents (a document, a window, ``asOf``,
    ``minSupport``), which the merged relations alone do not answer."""
    return f is not None and (
        f.document_id is not None or f.since is not None or f.until is not None or f.timed
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

    def agreements_by_id(self, ids: Sequence[str], asked: AsOf | None = None) -> dict[str, Agreement]:
        """:meth:`GraphIndex.agreements_by_id`; with ``asked``, :meth:`agreement_view`."""
        if self._agreement_position is None:
            self._agreement_position = {n: i for i, n in enumerate(self.agreement_ids)}
        out: dict[str, Agreement] = {}
        for i in ids:
            row = None if i in out else self._agreement_position.get(i)
            if row is not None:
                found = self._agreement_at(row) if asked is None else self.agreement_view(row, asked)
                if found is not None:
                    out[i] = found
        return out

    def agreements(
        self,
        party: str | None,
        kind: AgreementKind | None,
        since: str | None,
        until: str | None,
        document_id: str | None,
        as_of: dt.date | None,
    ) -> list[Agreement] | None:
        """:meth:`GraphIndex.agreements`: the agreements (of ``party``) of ``kind``, dated
        within ``since``/``until``, given by ``document_id``, as of a day (each as the
        documents published by then give it, ``party`` named by one of them), in agreement
        order; None for a party the graph does not describe (the index answers it)."""
        arrays = self.arrays
        if party is None:
            rows: list[int] = list(range(len(self.agreement_ids)))
        else:
            me = self._entity_row(party)
            if me is None:
                return None
            a, b = self._range("party_end", me)
            rows = arrays["party_agr"][a:b].tolist()
        asked = None if as_of is None else AsOf(as_of)
        wanted = None if document_id is None else self._document_row(document_id)
        if document_id is not None and wanted is None:
            return []
        day = _UNDATED if as_of is None else as_of.toordinal()
        ends, docs, published = arrays["ag_doc_end"], arrays["ag_doc"], arrays["doc_pub"]
        out = []
        for g in rows:
            start = 0 if g == 0 else int(ends[g - 1])
            known = docs[start : int(ends[g])]
            if asked is not None:
                on = published[known]
                known = known[(on != _UNDATED) & (on <= day)]
                if not len(known):
                    continue
            if wanted is not None and wanted not in known.tolist():
                continue
            found = self._agreement_at(g) if asked is None else self.agreement_view(g, asked)
            if found is None or (kind is not None and found.kind != kind):
                continue
            if not date_prefix_match(found.date, since, until):
                continue
            if asked is not None and party is not None and not self._named_by(g, party, known):
                continue
            out.append(found)
        return sorted(out, key=agreement_order)

    def _named_by(self, g: int, party: str, known: NDArray[Any]) -> bool:
        """Whether one of agreement row ``g``'s documents ``known`` names ``party`` a party."""
        if self.arrays["agr_counted"][g]:  # every part names the parties of the merge
            return party in self._agreement_at(g).parties
        parts = self._agreement_parts(g)
        return any(party in parts[self.document_ids[d]].parties for d in known.tolist())

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
        """:meth:`GraphIndex.relations`."""
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
            hub = None if _by_documents(f) else self._hub(me, a, b)
            if hub is not None:
                kept = hub if f is None else list(compress(hub, self._matching(rows, me, f).tolist()))
                return kept[offset:] if limit is None else kept[offset : offset + limit]
        if f is not None:
            rows = rows[self._matching(rows, me, f)]
            if _by_documents(f):
                return self._documented(rows, f, limit, offset)
        rows = rows[offset:] if limit is None else rows[offset : offset + limit]
        return self.relations_at(rows.tolist())

    def _hub(self, me: int, a: int, b: int) -> list[Relation] | None:
        """Actor ``me``'s relations (rows ``adj_rel[a:b]``), built and kept, if it is a hub
        and :data:`_PINNED` leaves room; None otherwise. Never handed out: answers copy it."""
        found = self._hub_relations.get(me)
        if found is None and b - a > _HUB_RELATIONS and self._pinned + (b - a) <= _PINNED:
            found = self._hub_relations[me] = self.relations_at(self.arrays["adj_rel"][a:b].tolist())
            self._pinned += b - a
        return found

    def relations_of(self, entity_ids: Sequence[str], f: RelationFilter | None) -> dict[str, list[Relation]]:
        """:meth:`GraphIndex.relations_of`: the relations of every entity of ``entity_ids``
        (the others left out), the rows of those that are no hub read and built in one batch."""
        arrays = self.arrays
        if _by_documents(f):
            known = [i for i in dict.fromkeys(entity_ids) if self._entity_row(i) is not None]
            return {i: self.relations(i, f, None, 0) for i in known}
        self.position("")
        assert self._position is not None
        found = self._position.get
        named = [(i, p) for i in dict.fromkeys(entity_ids) if (p := found(i)) is not None]
        places = np.fromiter((p for _, p in named), dtype=np.int64, count=len(named))
        ends = arrays["adj_end"][places].tolist()
        starts = _starts(arrays["adj_end"], places).tolist()
        entity = (arrays["ent_type"][places] != _NO_ENTITY).tolist()
        out: dict[str, list[Relation]] = {}
        cold: list[tuple[str, int]] = []
        for (i, me), is_entity, a, b in zip(named, entity, starts, ends, strict=True):
            if not is_entity:
                continue
            if b - a > _HUB_RELATIONS and self._hub(me, a, b) is not None:
                out[i] = self.relations(i, f, None, 0)
            else:
                out[i] = []  # its place in the answer's order
                cold.append((i, me))
        if not cold:
            return out
        me_rows = np.fromiter((me for _, me in cold), dtype=np.int64, count=len(cold))
        at, counts = _gather(arrays["adj_end"], me_rows)
        rows = arrays["adj_rel"][at]
        if f is not None:
            owner = np.repeat(np.arange(len(cold)), counts)
            keep = self._matching(rows, me_rows[owner], f)
            rows, counts = rows[keep], np.bincount(owner[keep], minlength=len(cold))
        built = self.relations_at(rows.tolist())
        taken = 0
        for (i, _), n in zip(cold, counts.tolist(), strict=True):
            out[i] = built[taken : taken + n]
            taken += n
        return out

    def _matching(
        self, rows: NDArray[Any], me: int | NDArray[np.int64] | None, f: RelationFilter
    ) -> NDArray[np.bool_]:
        """Which of ``rows`` pass ``f`` (see :meth:`GraphIndex._rel_matches`), ``me`` being the
        row of the actor asked about (or each row's actor, an array as long as ``rows``)."""
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

    def relations_by_key(self, keys: Iterable[RelKey], asked: AsOf | None = None) -> dict[RelKey, Relation]:
        """:meth:`GraphIndex.relations_by_key`; with ``asked``, each as the documents
        published by then give it (:meth:`_views`), those not in force then left out."""
        found = self._rows_of_keys(keys)
        if asked is None:
            return dict(zip(found, self.relations_at(list(found.values())), strict=True))
        rows = np.fromiter(found.values(), dtype=np.int64, count=len(found))
        views = self._views(rows, asked, np.ones(len(rows), dtype=bool))
        return {k: r for k, r in zip(found, views, strict=True) if r is not None}

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

    # -- by documents: a document, a window, as of a day, with support -------------------
    def _published_on(self) -> dict[str, dt.date | None]:
        """Each document's publication day (None: undated), by id."""
        if self._published is None:
            day = dt.date.fromordinal
            self._published = {
                d: None if on == _UNDATED else day(on)
                for d, on in zip(self.document_ids, self.arrays["doc_pub"].tolist(), strict=True)
            }
        return self._published

    def _first_of_document(self) -> NDArray[np.bool_]:
        """Whether each evidence row is its relation's first of its document (a relation's
        evidence is in :func:`~qkg.graph.merge.evidence_key` order, so by document)."""
        if self._ev_first is None:
            doc, ends = self.arrays["e_doc"], self.arrays["ev_end"]
            first = np.ones(len(doc), dtype=bool)
            first[1:] = doc[1:] != doc[:-1]
            first[ends[:-1][ends[:-1] < len(doc)]] = True
            self._ev_first = first
        return self._ev_first

    def _support(
        self, rows: NDArray[Any], day: dt.date | None
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
        """For relation ``rows``: how many documents give each, how many of them are
        published by ``day`` (all when None), and their evidence (rows, how many a relation
        has, whether each one's document is published by ``day``)."""
        ev, counts = _gather(self.arrays["ev_end"], rows)
        first = self._first_of_document()[ev]
        owner = np.repeat(np.arange(len(rows)), counts)
        total = np.bincount(owner[first], minlength=len(rows))
        if day is None:
            return total, total, ev, counts, np.ones(len(ev), dtype=bool)
        on = self.arrays["doc_pub"][self.arrays["e_doc"][ev]]
        known_ev = (on != _UNDATED) & (on <= day.toordinal())
        return total, np.bincount(owner[first & known_ev], minlength=len(rows)), ev, counts, known_ev

    def _views(self, rows: NDArray[Any], asked: AsOf, wanted: NDArray[np.bool_]) -> list[Relation | None]:
        """Each relation of ``rows`` that ``wanted`` marks as ``asked`` gives it (None when it
        does not hold then, and for the rows not wanted): the stored merge where every one of
        its documents counts and the count decides (no validity, as :meth:`GraphIndex._rel_counted`),
        else :func:`qkg.graph.merge.relation_view` of its parts."""
        total, known, ev, counts, _ = self._support(rows, asked.day)
        need = max(asked.min_support or 1, 1)
        arrays = self.arrays
        counted = (arrays["r_from"][rows] == _UNDATED) & (arrays["r_to"][rows] == _UNDATED)
        if asked.day is None:
            counted[:] = True
        whole = wanted & (known >= need) & (known == total) & counted
        ruled = wanted & (known >= need) & ~(counted & (known == total))
        out: list[Relation | None] = [None] * len(rows)
        at = np.flatnonzero(whole)
        for j, r in zip(at.tolist(), self.relations_at(rows[at].tolist()), strict=True):
            out[j] = r
        if ruled.any():
            starts = (np.cumsum(counts) - counts).tolist()
            for j in np.flatnonzero(ruled).tolist():
                out[j] = relation_view(
                    self._parts(int(rows[j]), ev[starts[j] : starts[j] + int(counts[j])]),
                    self._published_on().get,
                    asked,
                )
        return out

    def _parts(self, row: int, ev: NDArray[np.int64]) -> dict[str, Relation]:
        """Relation ``row`` as each of its documents gives it (its evidence rows ``ev``)."""
        arrays, ids = self.arrays, self.ids
        pieces = self._evidence(ev)
        source, kind, target = (
            ids[int(arrays["r_src"][row])],
            _TYPES[int(arrays["r_type"][row])],
            ids[int(arrays["r_tgt"][row])],
        )
        out: dict[str, Relation] = {}
        for j, e in enumerate(pieces):
            if e.document_id not in out:
                mine = tuple(p for p in pieces if p.document_id == e.document_id)
                at = int(ev[j])
                out[e.document_id] = _relation_of(
                    source,
                    kind,
                    target,
                    mine,
                    float(arrays["e_pconf"][at]),
                    int(arrays["e_pfrom"][at]),
                    int(arrays["e_pto"][at]),
                )
        return out

    def _documented(
        self, rows: NDArray[Any], f: RelationFilter, limit: int | None, offset: int
    ) -> list[Relation]:
        """:meth:`relations` of ``rows`` (which pass ``f``'s other conditions) for a filter
        that reads their documents: a document, a window (any of the documents that count
        published inside it), ``asOf`` and ``minSupport`` (:meth:`_views`)."""
        asked = AsOf(f.as_of, f.min_support) if f.timed else None
        _, _, ev, counts, known_ev = self._support(rows, None if asked is None else asked.day)
        keep = np.ones(len(rows), dtype=bool)
        owner = np.repeat(np.arange(len(rows)), counts)
        arrays = self.arrays
        if f.document_id is not None:  # one of the documents that count is it
            found = self._document_row(f.document_id)
            cites = known_ev & (arrays["e_doc"][ev] == (-1 if found is None else found))
            keep &= np.bincount(owner[cites], minlength=len(rows)) > 0
        if f.since is not None or f.until is not None:  # one of them is published inside
            on = arrays["doc_pub"][arrays["e_doc"][ev]]
            inside = known_ev & (on != _UNDATED)
            if f.since is not None:
                inside &= on >= f.since.toordinal()
            if f.until is not None:
                inside &= on <= f.until.toordinal()
            keep &= np.bincount(owner[inside], minlength=len(rows)) > 0
        if asked is None:
            kept = rows[keep]
            kept = kept[offset:] if limit is None else kept[offset : offset + limit]
            return self.relations_at(kept.tolist())
        views = [r for r in self._views(rows, asked, keep) if r is not None]
        return views[offset:] if limit is None else views[offset : offset + limit]

    def _document_row(self, document_id: str) -> int | None:
        if self._document_rows is None:
            self._document_rows = {d: i for i, d in enumerate(self.document_ids)}
        return self._document_rows.get(document_id)

    def steps_as_of(
        self, nodes: Sequence[str], types: frozenset[RelationType] | None, asked: AsOf
    ) -> dict[str, list[Step]]:
        """:meth:`GraphIndex.steps_as_of`: the steps that hold as ``asked``, a frontier's facts
        decided at once by counting their published documents (by the rule of their parts
        where the count does not decide, :meth:`_views`, :meth:`agreement_view`)."""
        arrays = self.arrays
        places = [self.position(n) for n in nodes]
        at, counts = _gather(
            arrays["st_end"], np.asarray([i for i in places if i is not None], dtype=np.int64)
        )
        rel, agr = arrays["st_rel"][at], arrays["st_agr"][at]
        holds = np.zeros(len(at), dtype=bool)
        of_rel = rel >= 0
        if of_rel.any():
            rows, where = np.unique(rel[of_rel], return_inverse=True)
            holds[of_rel] = self._holding(rows, asked)[where]
        parties: dict[int, tuple[str, ...] | None] = {}
        if (~of_rel).any():
            groups, where = np.unique(agr[~of_rel], return_inverse=True)
            _, known = self._agreement_support(groups, asked.day)
            need = max(asked.min_support or 1, 1)
            # an agreement whose parts name other parties holds for the parties of its view
            counted = arrays["agr_counted"][groups].astype(bool)
            holds[~of_rel] = (counted & (known >= need))[where]
            for g in groups[~counted].tolist():  # the rule decides, with the parties it gives
                view = self.agreement_view(g, asked)
                parties[g] = None if view is None else view.parties
        out: dict[str, list[Step]] = {}
        taken = 0
        sizes = iter(counts.tolist())
        for n, i in zip(nodes, places, strict=True):
            if i is None:
                out[n] = []
                continue
            size = next(sizes)
            every = self._every_step(i)
            kept = []
            for j, s in enumerate(every):
                if types is not None and s[1] not in types:
                    continue
                g = int(agr[taken + j]) if s[2] is not None else -1
                if g in parties:
                    held_by = parties[g]
                    if held_by is not None and n in held_by and s[0] in held_by:
                        kept.append(s)
                elif holds[taken + j]:
                    kept.append(s)
            out[n] = kept
            taken += size
        return out

    def _holding(self, rows: NDArray[Any], asked: AsOf) -> NDArray[np.bool_]:
        """Whether each relation of ``rows`` holds as ``asked`` (:meth:`_views`), decided by
        counting where the count decides, without building the relation."""
        _, known, _, _, _ = self._support(rows, asked.day)
        arrays = self.arrays
        counted = (arrays["r_from"][rows] == _UNDATED) & (arrays["r_to"][rows] == _UNDATED)
        if asked.day is None:
            counted[:] = True
        enough = known >= max(asked.min_support or 1, 1)
        holds: NDArray[np.bool_] = counted & enough
        rest = np.flatnonzero(~counted & enough)
        if len(rest):
            views = self._views(rows[rest], asked, np.ones(len(rest), dtype=bool))
            holds[rest] = [v is not None for v in views]
        return holds

    def _agreement_support(
        self, groups: NDArray[Any], day: dt.date | None
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """How many documents give each agreement of ``groups`` (rows), and how many of them
        are published by ``day`` (all when None)."""
        at, counts = _gather(self.arrays["ag_doc_end"], groups)
        if day is None:
            return counts, counts
        on = self.arrays["doc_pub"][self.arrays["ag_doc"][at]]
        owner = np.repeat(np.arange(len(groups)), counts)
        fits = (on != _UNDATED) & (on <= day.toordinal())
        return counts, np.bincount(owner[fits], minlength=len(groups))

    def agreement_view(self, g: int, asked: AsOf) -> Agreement | None:
        """Agreement row ``g`` as ``asked`` (:meth:`GraphIndex._agreement_view`): its merge
        when it is counted (``agr_counted``) and all its documents count, else
        :func:`qkg.graph.merge.agreement_view` of its parts."""
        total, known = self._agreement_support(np.asarray([g]), asked.day)
        need = max(asked.min_support or 1, 1)
        if self.arrays["agr_counted"][g] or asked.day is None:
            if int(known[0]) < need:
                return None
            if int(known[0]) == int(total[0]):
                return self._agreement_at(g)
        return agreement_view(self._agreement_parts(g), self._published_on().get, asked)

    def _agreement_parts(self, g: int) -> dict[str, Agreement]:
        """Agreement row ``g`` as each of its documents gives it (stored for the agreements
        whose merge alone does not answer every day: several documents, or not counted)."""
        a, b = self._range("ag_doc_end", g)
        docs, ends = self.arrays["ag_doc"], self.arrays["ap_end"]
        out: dict[str, Agreement] = {}
        for j in range(a, b):
            start = 0 if j == 0 else int(ends[j - 1])
            out[self.document_ids[int(docs[j])]] = Agreement.model_validate_json(
                self._blob("agreement_parts", start, int(ends[j]))
            )
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

    def warm(self) -> None:
        """Build every hub's steps, the largest hubs' relations (:data:`_PINNED`) and the
        look-up tables now (what a server does before it takes requests, so that no request
        pays for them)."""
        self.position("")
        self.documents_by_id(())
        self.agreements_by_id(())
        self.goals(None)
        sizes = np.diff(self.arrays["st_end"], prepend=0)
        for i in np.flatnonzero(sizes > _HUB_STEPS).tolist():
            self._every_step(i)
        ends = self.arrays["adj_end"]
        degree = np.diff(ends, prepend=0)
        hubs = np.flatnonzero(degree > _HUB_RELATIONS)
        for i in hubs[np.argsort(-degree[hubs], kind="stable")].tolist():
            if self._pinned + int(degree[i]) <= _PINNED and int(self.arrays["ent_type"][i]) != _NO_ENTITY:
                self._hub(i, int(ends[i]) - int(degree[i]), int(ends[i]))


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
    e_pconf: list[float] = []
    e_pfrom: list[int] = []
    e_pto: list[int] = []
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
        parts = index.rel_parts[k]
        for e in r.evidence:
            part = parts[e.document_id]
            e_pconf.append(part.confidence)
            e_pfrom.append(_UNDATED if part.valid_from is None else part.valid_from.toordinal())
            e_pto.append(_UNDATED if part.valid_to is None else part.valid_to.toordinal())
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
    st_rel = np.concatenate([rows, rows, np.full(len(cp), -1, dtype=np.int32)])
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
    # each agreement's documents; the parts themselves where the count of published
    # documents does not decide it (:meth:`GraphIndex._agr_counted`) or several give it
    ag_docs = [sorted(index.agr_parts[a]) for a in agreement_ids]
    ag_counted = [index._agr_counted(a) is not None for a in agreement_ids]
    ag_parts = [
        b"" if counted and len(docs) == 1 else index.agr_parts[a][d].model_dump_json().encode()
        for a, docs, counted in zip(agreement_ids, ag_docs, ag_counted, strict=True)
        for d in docs
    ]
    ag_doc = [documents.setdefault(d, len(documents)) for docs in ag_docs for d in docs]
    published = {d.id: d.published for d in index.documents()}
    doc_pub = [_UNDATED if (on := published.get(d)) is None else on.toordinal() for d in documents]
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
        "e_pconf": e_pconf,
        "e_pfrom": e_pfrom,
        "e_pto": e_pto,
        "st_rel": st_rel[steps],
        "doc_pub": doc_pub,
        "agr_counted": ag_counted,
        "ag_doc_end": np.cumsum([len(d) for d in ag_docs], dtype=np.int64),
        "ag_doc": ag_doc,
        "ap_end": np.cumsum([len(b) for b in ag_parts], dtype=np.int64),
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
        "agreement_parts": b"".join(ag_parts),
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
        "documents": len(facts.document_ids),
        "agreement_documents": len(a["ag_doc"]),
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
        "st_rel": (-1, sizes["relations"]),
        "doc_pub": (0, dt.date.max.toordinal() + 1),
        "e_pfrom": (0, dt.date.max.toordinal() + 1),
        "e_pto": (0, dt.date.max.toordinal() + 1),
        "agr_counted": (0, 2),
        "ag_doc": (0, len(facts.document_ids)),
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
        "ag_doc_end": sizes["agreement_documents"],
        "ap_end": facts.blobs["agreement_parts"][1],
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
