"""The embedded index's snapshot: JSON and numeric arrays that cannot run code, used only
when it is the one the store recorded.

The snapshot saves the start-up cost of reading every document graph back from RDF. It is
data only: two lines of JSON, then the relation columns as raw numbers. The first
line, the :class:`Header`, holds the version, the counts and each document's digest, enough
to reconcile the snapshot with the RDF store and to answer ``stats`` without building the
index; the second holds the id table and tables of field values for entities, agreements,
goals and documents (facts refer to evidence and to each other by position) and the list
of columns (name, item type among four integer and float types, length); after it come
the relation and evidence columns of :class:`~qkg.graph.index.GraphIndex` exactly as the
index keeps them (numbers, and the evidence sentences as one UTF-8 byte array), read into
``array`` objects (no numpy needed to open a store) and checked for lengths and ranges. :func:`decode` gives the
same index that :meth:`GraphIndex.add` builds. Nothing in it is a type name, a callable or
anything else a decoder would act on, so a planted or edited file can at worst be refused.

It is also never taken on trust: the embedded store records the SHA-256 of the snapshot it
wrote in its RDF store (the record), and uses a snapshot only when the file's digest
equals the recorded one (:class:`~qkg.graph.embedded.EmbeddedStore`). Files are read and
written without following symbolic links (``O_NOFOLLOW``), written atomically (a fresh
``0600`` file renamed over the old one).

Lookups derived from the facts (names, the sorted relation view and its adjacency, party and
owner indexes, the version) are not stored: they are recomputed, so they cannot disagree
with the facts.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import operator
import os
import stat
import sys
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import orjson
from pydantic import BaseModel

from qkg.schemas import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    DocumentInfo,
    Entity,
    EntityType,
    Evidence,
    Goal,
    Relation,
    RelationType,
    Stats,
)

from .index import _TYPES, GraphIndex, _Doc, _Names

__all__ = [
    "FORMAT",
    "Header",
    "SnapshotRefused",
    "decode",
    "digest_and_header",
    "encode",
    "header",
    "read_file",
    "write_file",
]

#: Bumped whenever the layout below changes; a snapshot of another format is not used.
FORMAT = 5

_M = TypeVar("_M", bound=BaseModel)
_ENTITY_TYPE = {t.value: t for t in EntityType}
_RELATION_TYPE = {t.value: t for t in RelationType}
_KIND = {k.value: k for k in AgreementKind}
_STATUS = {s.value: s for s in AgreementStatus}


class SnapshotRefused(Exception):
    """The snapshot file is not a plain file of ours (a symbolic link, or unreadable)."""


#: The columns of each table: the model's fields, in the model's order.
_COLUMNS: dict[type[BaseModel], tuple[str, ...]] = {
    c: tuple(c.model_fields) for c in (Evidence, Entity, Relation, Agreement, Goal, DocumentInfo)
}
_ALL_SET: dict[type[BaseModel], set[str]] = {c: set(names) for c, names in _COLUMNS.items()}


def _names(values: list[str]) -> tuple[str, ...]:
    return tuple(map(sys.intern, values))


def _by_value(enum: type[Enum]) -> Callable[[str], Any]:
    return {e.value: e for e in enum}.__getitem__


#: How a column's JSON values become the field's values, where they differ (orjson writes
#: enums as their value, tuples as arrays and dates as ISO strings): converters for every
#: value, then converters for the values that are not None. Ids, which recur in every fact
#: about them, are interned: one string object each, as when the index is built from deltas.
_DECODE: dict[type[BaseModel], tuple[dict[str, Callable[[Any], Any]], dict[str, Callable[[Any], Any]]]] = {
    Evidence: ({"document_id": sys.intern, "rule": sys.intern}, {}),
    Entity: ({"id": sys.intern, "type": _by_value(EntityType), "aliases": tuple}, {}),
    Relation: (
        {"source": sys.intern, "type": _by_value(RelationType), "target": sys.intern},
        {"valid_from": dt.date.fromisoformat, "valid_to": dt.date.fromisoformat},
    ),
    Agreement: (
        {
            "id": sys.intern,
            "kind": _by_value(AgreementKind),
            "parties": _names,
            "topics": tuple,
            "status": _by_value(AgreementStatus),
        },
        {"place": sys.intern},
    ),
    Goal: ({"id": sys.intern}, {"owner": sys.intern}),
    DocumentInfo: ({"id": sys.intern}, {"published": dt.date.fromisoformat}),
}


def _rows(cls: type[_M], rows: list[list[Any]], evidence: list[Evidence] | None = None) -> list[_M]:
    """Models from ``rows`` (emptied) of values they were validated with when first built
    (the file is ours, checked by digest), without validating again: start-up time is the
    point. Converted column by column (a C-level loop per column where the converter allows)."""
    names = _COLUMNS[cls]
    columns: list[Any] = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    rows.clear()  # the rows' lists are garbage now: free them before building the objects
    always, optional = _DECODE[cls]
    for name, f in always.items():
        columns[names.index(name)] = list(map(f, columns[names.index(name)]))
    for name, f in optional.items():
        columns[names.index(name)] = [None if v is None else f(v) for v in columns[names.index(name)]]
    if evidence is not None:
        pick = evidence.__getitem__
        columns[names.index("evidence")] = [
            tuple(map(pick, refs)) for refs in columns[names.index("evidence")]
        ]
    fields_set = _ALL_SET[cls]  # shared: frozen models never change it
    new, put = cls.__new__, object.__setattr__
    out: list[_M] = []
    for values in zip(*columns, strict=True):
        obj = new(cls)
        put(obj, "__dict__", dict(zip(names, values, strict=True)))
        put(obj, "__pydantic_fields_set__", fields_set)
        put(obj, "__pydantic_extra__", None)
        put(obj, "__pydantic_private__", None)
        out.append(obj)
    return out


class _Table:
    """Distinct objects of one model as rows of field values, numbered in first-seen order
    and by identity (the index shares one object between a document's part and the merged
    view when they are equal; the snapshot keeps that sharing)."""

    def __init__(self, cls: type[BaseModel], evidence: _Table | None = None) -> None:
        self._names = _COLUMNS[cls]
        self._evidence = evidence
        self._ids: dict[int, int] = {}
        self._keep: list[object] = []  # keeps the ids of encoded objects from being reused
        self.rows: list[list[Any]] = []

    def ref(self, obj: BaseModel) -> int:
        found = self._ids.get(id(obj))
        if found is None:
            found = self._ids[id(obj)] = len(self.rows)
            fields = obj.__dict__
            row = [fields[n] for n in self._names]
            if self._evidence is not None:
                row[self._names.index("evidence")] = self._evidence.refs(fields["evidence"])
            self.rows.append(row)
            self._keep.append(obj)
        return found

    def refs(self, objs: Iterable[BaseModel]) -> list[int]:
        return [self.ref(o) for o in objs]


def encode(index: GraphIndex) -> bytes:
    """The index as snapshot bytes (deterministic for one index state): two lines of JSON,
    then the relation columns' little-endian bytes one after the other (the second line
    lists each column's name, item type and length)."""
    import numpy as np

    index._compact()  # no dead rows: the columns are written as they are
    rels = index.rels
    evidence = _Table(Evidence)
    entities = _Table(Entity)
    agreements, goals = (_Table(c, evidence) for c in (Agreement, Goal))
    infos = _Table(DocumentInfo)
    docs = []
    for doc_id in sorted(index.docs):
        d = index.docs[doc_id]
        docs.append(
            [
                infos.ref(d.info),
                d.digest,
                entities.refs(index.ent_parts[e][doc_id] for e in d.entities),
                list(d.relations),
                agreements.refs(index.agr_parts[a][doc_id] for a in d.agreements),
                goals.refs(index.goal_parts[g][doc_id] for g in d.goals),
            ]
        )
    merged = [
        entities.refs(index.ent[k] for k in sorted(index.ent)),
        agreements.refs(index.agr[k] for k in sorted(index.agr)),
        goals.refs(index.goal[k] for k in sorted(index.goal)),
    ]
    head = {
        "format": FORMAT,
        "version": index.version,
        "stats": index.stats().model_dump(mode="json"),
        "digests": {d: index.docs[d].digest for d in sorted(index.docs)},
    }
    body = {
        "by_source": dict(sorted(index.by_source.items())),
        "names": index.ids.names,
        "tables": [t.rows for t in (evidence, entities, agreements, goals, infos)],
        "documents": docs,
        "merged": merged,
    }
    index.rels._numpy()
    tables = [(f"p_{c}", t, rels.p[c]) for c, t in rels.PART.items()]
    tables += [(f"e_{c}", t, rels.e[c]) for c, t in rels.EVID.items()]
    tables.append(("text", "B", rels.text))
    body["columns"] = [[name, t, len(v)] for name, t, v in tables]
    raw = b"".join(np.ascontiguousarray(v, dtype=_LE[t]).tobytes() for _, t, v in tables)
    return orjson.dumps(head) + b"\n" + orjson.dumps(body) + b"\n" + raw


#: The columns' item types (``array`` type codes) and their little-endian numpy dtypes.
_LE = {"i": "<i4", "b": "i1", "d": "<f8", "q": "<i8", "B": "u1"}


def _columns(spec: list[list[Any]], raw: memoryview) -> dict[str, array[Any]]:
    """The relation columns: ``spec`` lists each one's name, item type and length, ``raw``
    holds their little-endian bytes one after the other. Only plain numbers: an unknown
    item type, a length that does not fit the bytes, or any byte left over is refused."""
    out: dict[str, array[Any]] = {}
    at = 0
    for name, code, n in spec:
        if code not in _LE or not isinstance(n, int) or n < 0:
            raise ValueError(f"snapshot column {name!r} has an unknown item type or length")
        col: array[Any] = array(code)
        size = col.itemsize * n
        if at + size > len(raw):
            raise ValueError(f"snapshot column {name!r} is longer than the file")
        col.frombytes(raw[at : at + size])
        if sys.byteorder == "big" and col.itemsize > 1:
            col.byteswap()
        out[name] = col
        at += size
    if at != len(raw):
        raise ValueError("snapshot columns do not fill the file")
    return out


@dataclass(frozen=True, slots=True)
class Header:
    """What a snapshot says about its index without decoding it: enough to reconcile it with
    the RDF store's markers and to answer ``stats`` and ``version``."""

    version: str
    stats: Stats
    #: document id -> digest of its delta (the markers' values)
    digests: dict[str, str]


def header(data: bytes) -> Header | None:
    """The header of snapshot ``data``, or None when it is of another format."""
    end = data.find(b"\n")
    raw = orjson.loads(data[: len(data) if end < 0 else end])
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    return Header(version=raw["version"], stats=Stats.model_validate(raw["stats"]), digests=raw["digests"])


def decode(data: bytes) -> GraphIndex | None:
    """The index saved in ``data``, or None when it is of another format.

    ``data`` must be a snapshot this module wrote (the store checks its digest first);
    malformed content raises an ordinary exception (``ValueError``, ``KeyError``, ...).
    """
    head = header(data)
    if head is None:
        return None
    first = data.index(b"\n") + 1
    second = data.index(b"\n", first)
    raw = orjson.loads(memoryview(data)[first:second])
    ev_rows, ent_rows, agr_rows, goal_rows, info_rows = raw["tables"]
    ev = _rows(Evidence, ev_rows)
    ents = _rows(Entity, ent_rows)
    agrs = _rows(Agreement, agr_rows, ev)
    goals = _rows(Goal, goal_rows, ev)
    infos = _rows(DocumentInfo, info_rows)
    index = GraphIndex(ids=_Names(list(map(sys.intern, raw["names"]))))
    rels = index.rels
    columns = _columns(raw["columns"], memoryview(data)[second + 1 :])
    for table, spec, prefix in ((rels.p, rels.PART, "p_"), (rels.e, rels.EVID, "e_")):
        for c, t in spec.items():
            col = columns.get(prefix + c)
            if col is None or col.typecode != t:
                raise ValueError(f"snapshot column {prefix + c!r} is missing or of another type")
            table[c] = col
    text = columns.get("text")
    if text is None or text.typecode != "B":
        raise ValueError("snapshot column 'text' is missing or of another type")
    rels.text = text
    p, e = rels.p, rels.e
    rows, n_ev, n_names = len(p["src"]), len(e["doc"]), len(index.ids.names)
    if any(len(v) != rows for v in p.values()) or any(len(v) != n_ev for v in e.values()):
        raise ValueError("snapshot relation columns differ in length")
    if rows and max(max(p["src"]), max(p["dst"]), max(p["doc"])) >= n_names:
        raise ValueError("snapshot relation columns refer to unknown ids")
    if rows and min(min(p["src"]), min(p["dst"]), min(p["doc"]), min(p["type"])) < 0:
        raise ValueError("snapshot relation columns refer to unknown ids")
    if rows and max(p["type"]) >= len(_TYPES):
        raise ValueError("snapshot relation columns refer to unknown types")
    if rows and (max(map(operator.add, p["ev0"], p["evn"])) > n_ev or min(p["ev0"]) < 0 or min(p["evn"]) < 0):
        raise ValueError("snapshot evidence rows are out of range")
    if n_ev and (
        max(e["doc"]) >= n_names or max(e["rule"]) >= n_names or min(e["doc"]) < 0 or min(e["rule"]) < 0
    ):
        raise ValueError("snapshot evidence columns are out of range")
    if n_ev and (
        max(map(operator.add, e["soff"], e["slen"])) > len(text) or min(e["soff"]) < 0 or min(e["slen"]) < 0
    ):
        raise ValueError("snapshot evidence text is out of range")
    for info_ref, digest, de, (r0, r1), da, dg in raw["documents"]:
        info = infos[info_ref]
        doc_id = info.id
        if not 0 <= r0 <= r1 <= rows:
            raise ValueError(f"snapshot rows of document {doc_id!r} are out of range")
        index.docs[doc_id] = _Doc(
            info=info,
            digest=digest,
            entities=tuple([ents[j].id for j in de]),
            relations=(int(r0), int(r1)),
            agreements=tuple([agrs[j].id for j in da]),
            goals=tuple([goals[j].id for j in dg]),
        )
        for j in de:
            index.ent_parts.setdefault(ents[j].id, {})[doc_id] = ents[j]
        for j in da:
            index.agr_parts.setdefault(agrs[j].id, {})[doc_id] = agrs[j]
        for j in dg:
            index.goal_parts.setdefault(goals[j].id, {})[doc_id] = goals[j]
    me, ma, mg = raw["merged"]
    index.ent = {ents[j].id: ents[j] for j in me}
    index.agr = {agrs[j].id: agrs[j] for j in ma}
    index.goal = {goals[j].id: goals[j] for j in mg}
    index.by_source = dict(raw["by_source"])
    index.derive()
    if index.version != head.version:
        raise ValueError(f"snapshot version {head.version!r} does not match its documents ({index.version})")
    return index


def _open(path: Path) -> BinaryIO | None:
    """``path`` opened for reading, None if it does not exist; :class:`SnapshotRefused` for
    a symbolic link or anything but a regular file (never followed, never read)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SnapshotRefused(f"{path} is a symbolic link; it is not followed") from None
        raise SnapshotRefused(f"cannot read {path}: {exc.strerror}") from None
    f = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        f.close()
        raise SnapshotRefused(f"{path} is not a regular file")
    return f


def read_file(path: Path) -> bytes | None:
    """The file's bytes (see :func:`_open` for what is refused), None if it does not exist."""
    f = _open(path)
    if f is None:
        return None
    with f:
        return f.read()


def digest_and_header(path: Path) -> tuple[str, bytes] | None:
    """The file's SHA-256 and its first line, read in chunks (the header is all that open
    needs; the file may be hundreds of megabytes), None if it does not exist."""
    f = _open(path)
    if f is None:
        return None
    sha = hashlib.sha256()
    first: list[bytes] = []
    complete = False
    with f:
        while chunk := f.read(1 << 20):
            sha.update(chunk)
            if not complete:
                end = chunk.find(b"\n")
                complete = end >= 0
                first.append(chunk[:end] if complete else chunk)
    return sha.hexdigest(), b"".join(first)


def write_file(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically (owner-only, links not followed); its SHA-256."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)  # removes a link itself, never its target
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)  # replaces a link at ``path`` itself, never its target
    return hashlib.sha256(data).hexdigest()
