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

This module is the file: its layout, :func:`encode`, and :func:`load` with its checks. The
reads are built in layers, each a module: :mod:`.fact_table` (rows made into models, look-ups,
listings, the relations and hubs' steps kept), :mod:`.fact_dated` (the reads by documents:
``asOf``, ``minSupport``, a document, a window, agreements as of a day) and
:mod:`.fact_walks` (:class:`FactColumns`: an actor's or a frontier's relations, hubs kept,
``warm``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mmap
from itertools import islice
from operator import lt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson

from qkg.schemas import RelationType

from ..merge import agreement_order, entity_order
from . import snapshot
from .columns import _CODE as _TYPE_CODE
from .columns import _TYPES, ColumnsRefused, framed, refusing, unframed
from .fact_table import (
    _DOCUMENTS,
    _ENTITY_CODE,
    _ENTITY_TYPES,
    _GOALS,
    _NO_ENTITY,
    _SYMMETRIC,
    _UNDATED,
    _row_keys,
)
from .fact_walks import FactColumns

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from .index import GraphIndex

__all__ = ["FORMAT", "FactColumns", "FactsRefused", "encode", "load"]

#: Bumped whenever the layout changes; a facts file of another format is not used.
FORMAT = 5
_MAGIC = b"QKGFACTS"
_PARTY = RelationType.PARTY_TO
#: ``ent_country`` of an id without a country.
_NO_COUNTRY = -1
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


class FactsRefused(ColumnsRefused):
    """A facts file that is not one this module wrote for this graph (the reason says why)."""


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
