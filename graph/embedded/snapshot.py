"""The embedded index's snapshot: plain JSON that cannot run code, used only when it is the
one the store recorded.

The snapshot saves the start-up cost of reading every document graph back from RDF. It is
data only: two lines of JSON. The first, the :class:`Header`, holds the version, the
counts and each document's digest, enough to reconcile the snapshot with the RDF store and
to answer ``stats`` without building the index; the second holds tables of field values
(facts refer to evidence and to each other by position), decoded by :func:`decode` into
the same :class:`~qkg.graph.embedded.index.GraphIndex` that :meth:`GraphIndex.add` builds. Nothing
in it is a type name, a callable or anything else a decoder would act on, so a planted or
edited file can at worst be refused.

It is also never taken on trust: the embedded store records the SHA-256 of the snapshot it
wrote in its RDF store (the record), and uses a snapshot only when the file's digest
equals the recorded one (:class:`~qkg.graph.embedded.EmbeddedStore`). Files are read and
written without following symbolic links (``O_NOFOLLOW``), written atomically (a fresh
``0600`` file renamed over the old one).

Lookups derived from the facts (names, adjacency, party and owner indexes, the version)
are not stored: :func:`decode` recomputes them, so they cannot disagree with the facts.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import orjson
from pydantic import BaseModel

from qkg.schemas import (
    Agreement,
    AgreementEvent,
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

from .index import GraphIndex, _Doc

__all__ = [
    "FORMAT",
    "Header",
    "SnapshotRefused",
    "decode",
    "digest_and_header",
    "encode",
    "header",
    "open_file",
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
            "events": lambda events: tuple(map(AgreementEvent.model_validate, events)),
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


def encode(index: GraphIndex, columns: str | None = None, facts: str | None = None) -> bytes:
    """The index as snapshot bytes (deterministic for one index state); ``columns`` and
    ``facts``: the SHA-256 of the columns file (:mod:`qkg.graph.embedded.columns`) and of the
    facts file (:mod:`qkg.graph.embedded.facts`) written with it, which the header records so
    that those files are trusted exactly as far as the snapshot is."""
    evidence = _Table(Evidence)
    entities = _Table(Entity)
    relations, agreements, goals = (_Table(c, evidence) for c in (Relation, Agreement, Goal))
    infos = _Table(DocumentInfo)
    docs = []
    for doc_id in sorted(index.docs):
        d = index.docs[doc_id]
        docs.append(
            [
                infos.ref(d.info),
                d.digest,
                entities.refs(index.ent_parts[e][doc_id] for e in d.entities),
                relations.refs(index.rel_parts[k][doc_id] for k in d.relations),
                agreements.refs(index.agr_parts[a][doc_id] for a in d.agreements),
                goals.refs(index.goal_parts[g][doc_id] for g in d.goals),
            ]
        )
    merged = [
        entities.refs(index.ent[k] for k in sorted(index.ent)),
        relations.refs(index.rel[k] for k in sorted(index.rel)),
        agreements.refs(index.agr[k] for k in sorted(index.agr)),
        goals.refs(index.goal[k] for k in sorted(index.goal)),
    ]
    head = {
        "format": FORMAT,
        "version": index.version,
        "stats": index.stats().model_dump(mode="json"),
        "digests": {d: index.docs[d].digest for d in sorted(index.docs)},
        "columns": columns,
        "facts": facts,
    }
    body = {
        "by_source": dict(sorted(index.by_source.items())),
        "tables": [t.rows for t in (evidence, entities, relations, agreements, goals, infos)],
        "documents": docs,
        "merged": merged,
    }
    return orjson.dumps(head) + b"\n" + orjson.dumps(body, default=_event_json)


def _event_json(value: object) -> object:
    """An agreement's events, the one nested model of a row, as plain JSON."""
    if isinstance(value, AgreementEvent):
        return value.model_dump(mode="json")
    raise TypeError(f"{type(value).__name__} is not a snapshot value")


@dataclass(frozen=True, slots=True)
class Header:
    """What a snapshot says about its index without decoding it: enough to reconcile it with
    the RDF store's markers and to answer ``stats`` and ``version``."""

    version: str
    stats: Stats
    #: document id -> digest of its delta (the markers' values)
    digests: dict[str, str]
    #: SHA-256 of the columns file written with the snapshot (None: none was)
    columns: str | None = None
    #: SHA-256 of the facts file written with the snapshot (None: none was)
    facts: str | None = None


def header(data: bytes) -> Header | None:
    """The header of snapshot ``data``, or None when it is of another format."""
    end = data.find(b"\n")
    raw = orjson.loads(data[: len(data) if end < 0 else end])
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    columns, facts = raw.get("columns"), raw.get("facts")
    return Header(
        version=raw["version"],
        stats=Stats.model_validate(raw["stats"]),
        digests=raw["digests"],
        columns=columns if isinstance(columns, str) else None,
        facts=facts if isinstance(facts, str) else None,
    )


def decode(data: bytes) -> GraphIndex | None:
    """The index saved in ``data``, or None when it is of another format.

    ``data`` must be a snapshot this module wrote (the store checks its digest first);
    malformed content raises an ordinary exception (``ValueError``, ``KeyError``, ...).
    """
    head = header(data)
    if head is None:
        return None
    raw = orjson.loads(memoryview(data)[data.index(b"\n") + 1 :])
    ev_rows, ent_rows, rel_rows, agr_rows, goal_rows, info_rows = raw["tables"]
    ev = _rows(Evidence, ev_rows)
    ents = _rows(Entity, ent_rows)
    rels = _rows(Relation, rel_rows, ev)
    agrs = _rows(Agreement, agr_rows, ev)
    goals = _rows(Goal, goal_rows, ev)
    infos = _rows(DocumentInfo, info_rows)
    distinct: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    keys = [distinct.setdefault(r.key, r.key) for r in rels]  # one key tuple per fact
    index = GraphIndex()
    for info_ref, digest, de, dr, da, dg in raw["documents"]:
        info = infos[info_ref]
        doc_id = info.id
        index.docs[doc_id] = _Doc(
            info=info,
            digest=digest,
            entities=tuple([ents[j].id for j in de]),
            relations=tuple([keys[j] for j in dr]),
            agreements=tuple([agrs[j].id for j in da]),
            goals=tuple([goals[j].id for j in dg]),
        )
        for j in de:
            index.ent_parts.setdefault(ents[j].id, {})[doc_id] = ents[j]
        for j in dr:
            index.rel_parts.setdefault(keys[j], {})[doc_id] = rels[j]
        for j in da:
            index.agr_parts.setdefault(agrs[j].id, {})[doc_id] = agrs[j]
        for j in dg:
            index.goal_parts.setdefault(goals[j].id, {})[doc_id] = goals[j]
    me, mr, ma, mg = raw["merged"]
    index.ent = {ents[j].id: ents[j] for j in me}
    index.rel = {keys[j]: rels[j] for j in mr}
    index.agr = {agrs[j].id: agrs[j] for j in ma}
    index.goal = {goals[j].id: goals[j] for j in mg}
    index.by_source = dict(raw["by_source"])
    index.derive()
    if index.version != head.version:
        raise ValueError(f"snapshot version {head.version!r} does not match its documents ({index.version})")
    return index


def open_file(path: Path) -> BinaryIO | None:
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
    """The file's bytes (see :func:`open_file` for what is refused), None if it does not exist."""
    f = open_file(path)
    if f is None:
        return None
    with f:
        return f.read()


def digest_and_header(path: Path) -> tuple[str, bytes] | None:
    """The file's SHA-256 and its first line, read in chunks (the header is all that open
    needs; the file may be hundreds of megabytes), None if it does not exist."""
    f = open_file(path)
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
