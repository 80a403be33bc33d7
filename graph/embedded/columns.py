"""The graph's links as numpy columns, kept beside the object index for analytics.

:class:`LinkColumns` holds every link of :func:`qkg.graph.merge.links` without a window
(one per relation, one per pair of an agreement's parties; self-links left out) as arrays
over a sorted id table, and each link's evidence grouped by document with the document's
publication day, so that a projection, with or without a time window, is a few numpy
operations (:meth:`LinkColumns.select`) instead of a Python pass over relation objects.

The index builds them in one pass on the first analytics read after a write
(:meth:`qkg.graph.embedded.index.GraphIndex.link_columns`); the store writes them beside
the snapshot (:func:`encode` / :func:`decode`: a checked header and raw little-endian
arrays, nothing a decoder would act on) and reads them back at open, so analytics after a
restart need no pass at all.

Columns file layout (all integers little-endian)::

    b"QKGLINKS"                  magic (8 bytes)
    u32 header length, header    JSON: format, graph version, relation type names (the
                                 codes' meaning), counts, and each array's (name, dtype,
                                 length, offset)
    arrays                       at 8-aligned offsets, then the ids: UTF-8, one per line
"""

from __future__ import annotations

import datetime as dt
import struct
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations, islice
from operator import lt
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import orjson

from qkg.schemas import SYMMETRIC_TYPES, Agreement, Entity, Relation, RelationType

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from ..merge import AsOf
    from .index import EdgeArrays

__all__ = ["FORMAT", "ColumnsOutdated", "ColumnsRefused", "LinkColumns", "build", "decode", "encode"]

#: Bumped whenever the layout changes; a columns file of another format is not used.
FORMAT = 3
_MAGIC = b"QKGLINKS"
#: Relation types by code (the file records the names, so a reader maps them back).
_TYPES: tuple[RelationType, ...] = tuple(sorted(RelationType, key=lambda t: t.value))
_CODE = {t: i for i, t in enumerate(_TYPES)}
_PARTY = RelationType.PARTY_TO
#: Links that join both ways: symmetric relations and co-party links, per type code.
_BOTH = np.array([t in SYMMETRIC_TYPES or t is _PARTY for t in _TYPES], dtype=bool)
#: The arrays of the file, in order, with their dtype and what their length counts.
_ARRAYS: tuple[tuple[str, str, str], ...] = (
    ("source", "<i4", "links"),
    ("target", "<i4", "links"),
    ("rtype", "|u1", "links"),
    ("weight", "<i4", "links"),
    ("ev_link", "<i4", "evidence"),
    ("ev_day", "<i4", "evidence"),
    ("ev_count", "<i4", "evidence"),
    ("ev_from", "<i4", "evidence"),
    ("ev_to", "<i4", "evidence"),
    ("desc_end", "<i8", "ids"),
)
#: The arrays that hold links and evidence (``desc_end`` locates the descriptions).
_LINK_ARRAYS = tuple(name for name, _, _ in _ARRAYS if name != "desc_end")
#: ``ev_day`` of a document without a publication date, ``ev_from``/``ev_to`` of a part
#: without that bound.
UNDATED = 0
_FAR = np.iinfo(np.int32).max
_T = TypeVar("_T")


class ColumnsRefused(ValueError):
    """A columns file that is not one this module wrote for this graph (the reason says why)."""


class ColumnsOutdated(ColumnsRefused):
    """A columns file of another format (written by another version of qkg)."""


@dataclass(frozen=True, eq=False)
class LinkColumns:
    """Link ``i`` joins ``ids[source[i]]`` and ``ids[target[i]]`` (``ids`` sorted, each an
    actor with a link), has type ``rtype[i]`` (a code of :data:`_TYPES`) and ``weight[i]``
    pieces of evidence; rows sorted by (source, target, type). Evidence row ``j`` says that
    ``ev_count[j]`` pieces of link ``ev_link[j]``'s evidence come from one document
    published on day ``ev_day[j]`` (a proleptic ordinal, :data:`UNDATED` when unknown),
    which gives the relation as valid from ``ev_from[j]`` to ``ev_to[j]`` (ordinals,
    :data:`UNDATED` where it gives no bound; always so for co-party links)."""

    ids: list[str]
    source: NDArray[np.int32]
    target: NDArray[np.int32]
    rtype: NDArray[np.uint8]
    weight: NDArray[np.int32]
    ev_link: NDArray[np.int32]
    ev_day: NDArray[np.int32]
    ev_count: NDArray[np.int32]
    ev_from: NDArray[np.int32]
    ev_to: NDArray[np.int32]
    #: Read from a file written with descriptions: ``ids[i]``'s entity as JSON is
    #: ``descriptions[desc_end[i - 1]:desc_end[i]]`` (see :meth:`describe`).
    desc_end: NDArray[np.int64] | None = None
    descriptions: bytes = b""

    def __len__(self) -> int:
        return len(self.source)

    def describe(self, ids: Iterable[str]) -> dict[str, Entity] | None:
        """The entities of ``ids`` (in that order, once each) from the descriptions saved with
        the columns, or None when one of them is not in the id table (an actor without a
        link) or the columns carry no descriptions: the caller then asks the index."""
        if self.desc_end is None or not self.descriptions:
            return None
        out: dict[str, Entity] = {}
        table, ends = self.ids, self.desc_end
        for i in ids:
            if i in out:
                continue
            at = bisect_left(table, i)
            if at == len(table) or table[at] != i:
                return None
            start = 0 if at == 0 else int(ends[at - 1])
            out[i] = Entity.model_validate_json(self.descriptions[start : int(ends[at])])
        return out

    def select(
        self,
        types: Iterable[RelationType] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        asked: AsOf | None = None,
    ) -> EdgeArrays:
        """The links of ``types`` (all if None) as :class:`EdgeArrays`, weighed by their
        evidence published inside ``[since, until]`` (links without any left out; undated
        documents are outside a window), as :func:`qkg.graph.merge.links` weighs them.

        With ``asked``: only the relations (co-party links are left to the caller: an
        agreement's parties depend on which documents are known) that hold as asked, as
        :func:`qkg.graph.merge.relation_view` decides it: the documents published by the day
        (all when it is None), at least ``min_support`` of them, their validity containing
        the day; weighed by those documents' evidence only."""
        from .index import EdgeArrays

        keep: NDArray[np.bool_] | None = None
        if types is not None:
            wanted = np.zeros(len(_TYPES), dtype=bool)
            wanted[[_CODE[RelationType(t)] for t in types]] = True
            keep = wanted[self.rtype]
        counted: NDArray[np.bool_] | None = None  # the evidence rows that weigh
        if asked is not None:
            keep = (self.rtype != _CODE[_PARTY]) if keep is None else keep & (self.rtype != _CODE[_PARTY])
            counted, holds = self._holding(asked)
            keep &= holds
        if since is not None or until is not None:
            inside = self.ev_day != UNDATED
            if since is not None:
                inside &= self.ev_day >= since.toordinal()
            if until is not None:
                inside &= self.ev_day <= until.toordinal()
            counted = inside if counted is None else counted & inside
        if counted is None:
            weight = self.weight.astype(np.float64)
        else:
            summed = np.bincount(self.ev_link[counted], weights=self.ev_count[counted], minlength=len(self))
            weight = np.asarray(summed, dtype=np.float64)
            keep = weight > 0 if keep is None else keep & (weight > 0)
        source, target, rtype = self.source, self.target, self.rtype
        if keep is not None:
            source, target, rtype, weight = source[keep], target[keep], rtype[keep], weight[keep]
        return EdgeArrays(self.ids, source, target, weight, _BOTH[rtype])

    def _holding(self, asked: AsOf) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
        """The evidence rows of the documents known as ``asked`` and, per link, whether the
        relation holds then (:meth:`select`)."""
        m = len(self)
        day = None if asked.day is None else asked.day.toordinal()
        known = (
            np.ones(len(self.ev_link), dtype=bool)
            if day is None
            else (self.ev_day != UNDATED) & (self.ev_day <= day)
        )
        link = self.ev_link[known]
        holds = np.bincount(link, minlength=m) >= max(1, asked.min_support or 1)
        if day is not None:
            start = np.full(m, _FAR, dtype=np.int32)
            bounded = self.ev_from[known] != UNDATED
            np.minimum.at(start, link[bounded], self.ev_from[known][bounded])
            end = np.zeros(m, dtype=np.int32)
            np.maximum.at(end, link, self.ev_to[known])
            holds &= ((start == _FAR) | (start <= day)) & ((end == UNDATED) | (end >= day))
        return known, holds


def build(
    relations: Iterable[Relation],
    agreements: Iterable[Agreement],
    published: Callable[[str], dt.date | None],
    parts_of: Callable[[tuple[str, str, str]], Mapping[str, Relation]] | None = None,
) -> LinkColumns:
    """The columns of merged facts (one Python pass over them; see :class:`LinkColumns`);
    ``parts_of`` gives a relation's parts by document (their validity), else none is known."""
    ends: list[str] = []
    codes: list[int] = []
    weights: list[int] = []
    evidence: list[tuple[int, int, int, int, int]] = []  # (link row, day, pieces, from, to)
    days: dict[str, int] = {}

    def day(doc: str) -> int:
        found = days.get(doc)
        if found is None:
            p = published(doc)
            found = days[doc] = UNDATED if p is None else p.toordinal()
        return found

    def told(row: int, docs: Iterable[str], parts: Mapping[str, Relation] | None = None) -> None:
        counts: dict[str, int] = {}
        for d in docs:
            counts[d] = counts.get(d, 0) + 1
        for d, n in counts.items():
            part = None if parts is None else parts.get(d)
            start = None if part is None else part.valid_from
            end = None if part is None else part.valid_to
            evidence.append(
                (
                    row,
                    day(d),
                    n,
                    UNDATED if start is None else start.toordinal(),
                    UNDATED if end is None else end.toordinal(),
                )
            )

    for r in relations:
        if r.source == r.target:
            continue
        told(len(codes), [e.document_id for e in r.evidence], None if parts_of is None else parts_of(r.key))
        ends += (r.source, r.target)
        codes.append(_CODE[r.type])
        weights.append(len(r.evidence))
    party = _CODE[_PARTY]
    for a in agreements:
        docs = [e.document_id for e in a.evidence]
        for p, q in combinations(sorted(a.parties), 2):
            if p != q:
                told(len(codes), docs)
                ends += (p, q)
                codes.append(party)
                weights.append(len(docs))
    ids = sorted(set(ends))
    position = {n: i for i, n in enumerate(ids)}
    both = np.fromiter(map(position.__getitem__, ends), dtype=np.int32, count=len(ends))
    ev = np.array(evidence, dtype=np.int32).reshape(-1, 5)
    return _sorted(
        ids,
        both[0::2],
        both[1::2],
        np.asarray(codes, dtype=np.uint8),
        np.asarray(weights, dtype=np.int32),
        ev[:, 0],
        ev[:, 1],
        ev[:, 2],
        ev[:, 3],
        ev[:, 4],
    )


def _sorted(ids: list[str], *arrays: NDArray[Any]) -> LinkColumns:
    """Rows in (source, target, type) order and evidence rows in link order: one canonical
    form for one set of links, whatever order the facts were written in."""
    source, target, rtype, weight, ev_link, ev_day, ev_count, ev_from, ev_to = arrays
    order = np.lexsort((rtype, target, source))
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    ev_link = rank[ev_link]
    ev_order = np.lexsort((ev_to, ev_from, ev_count, ev_day, ev_link))
    return LinkColumns(
        ids,
        np.ascontiguousarray(source[order]),
        np.ascontiguousarray(target[order]),
        np.ascontiguousarray(rtype[order]),
        np.ascontiguousarray(weight[order]),
        np.ascontiguousarray(ev_link[ev_order]),
        np.ascontiguousarray(ev_day[ev_order]),
        np.ascontiguousarray(ev_count[ev_order]),
        np.ascontiguousarray(ev_from[ev_order]),
        np.ascontiguousarray(ev_to[ev_order]),
    )


def equal(a: LinkColumns, b: LinkColumns) -> bool:
    """Whether two columns hold the same links and evidence."""
    return a.ids == b.ids and all(np.array_equal(getattr(a, name), getattr(b, name)) for name in _LINK_ARRAYS)


# -- the file ---------------------------------------------------------------------------
def encode(
    columns: LinkColumns, version: str, describe: Callable[[str], Entity | None] | None = None
) -> bytes:
    """The columns as file bytes for graph ``version`` (deterministic), with each id's entity
    as JSON when ``describe`` gives every one (what an analytics answer names its actors by)."""
    counts = {"ids": len(columns.ids), "links": len(columns), "evidence": len(columns.ev_link)}
    blob = "\n".join(columns.ids).encode()
    entities = [] if describe is None else list(map(describe, columns.ids))
    described = [] if None in entities else [e.model_dump_json().encode() for e in entities if e is not None]
    sizes = np.fromiter(map(len, described), dtype=np.int64, count=len(described))
    ends = np.cumsum(sizes) if described else np.zeros(len(columns.ids), dtype=np.int64)
    descriptions = b"".join(described)
    parts: list[bytes] = []
    table: list[list[Any]] = []
    offset = 0
    for name, dtype, _ in _ARRAYS:
        value = ends if name == "desc_end" else getattr(columns, name)
        raw = np.ascontiguousarray(value, dtype=np.dtype(dtype)).tobytes()
        table.append([name, dtype, len(raw) // np.dtype(dtype).itemsize, offset])
        parts.append(raw + b"\0" * (-len(raw) % 8))
        offset += len(parts[-1])
    head = {
        "format": FORMAT,
        "version": version,
        "types": [t.value for t in _TYPES],
        "counts": counts,
        "arrays": table,
        "ids": [offset, len(blob)],
        "descriptions": [offset + len(blob), len(descriptions)],
    }
    return framed(_MAGIC, head) + b"".join(parts) + blob + descriptions


def framed(magic: bytes, head: dict[str, Any]) -> bytes:
    """The start of a file of arrays: ``magic``, the length of the JSON header, the header,
    padded so that the arrays after it are 8-aligned in the file (see :func:`unframed`)."""
    raw = orjson.dumps(head)
    pad = b" " * (-(len(magic) + 4 + len(raw)) % 8)
    return magic + struct.pack("<I", len(raw) + len(pad)) + raw + pad


def unframed(
    data: bytes | memoryview | Any,
    magic: bytes,
    kind: str,
    form: int,
    version: str,
    refused: type[ColumnsRefused],
    outdated: type[ColumnsRefused],
) -> tuple[dict[str, Any], int]:
    """The header of a file :func:`framed` started and where its arrays begin, if it is a
    ``kind`` file of format ``form`` for graph ``version``; else ``refused`` saying why
    (``outdated`` for another format)."""
    if data[: len(magic)] != magic:
        raise refused(f"not a {kind} file (no magic number)")
    (size,) = struct.unpack_from("<I", data, len(magic))
    start = len(magic) + 4
    head = orjson.loads(data[start : start + size])
    if not isinstance(head, dict) or head.get("format") != form:
        raise outdated(f"{kind} of another format (this code reads format {form})")
    if head.get("version") != version:
        raise refused(f"{kind} of graph version {head.get('version')!r}, not {version!r}")
    return head, start + size


def refusing(read: Callable[[], _T], kind: str, refused: type[ColumnsRefused]) -> _T:
    """``read()``, its malformed-data errors raised as ``refused`` (saying what they were)."""
    try:
        return read()
    except ColumnsRefused:
        raise
    except (ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError, struct.error) as exc:
        raise refused(f"malformed {kind} file ({type(exc).__name__}: {exc})") from None


def decode(data: bytes, version: str) -> LinkColumns:
    """The columns in ``data`` if it is a columns file of this format for graph ``version``
    with every array in bounds; :class:`ColumnsRefused` (saying why) otherwise. The arrays
    are read-only views of ``data``."""
    return refusing(lambda: _decode(data, version), "columns", ColumnsRefused)


def _decode(data: bytes, version: str) -> LinkColumns:
    head, base = unframed(data, _MAGIC, "columns", FORMAT, version, ColumnsRefused, ColumnsOutdated)
    names = head["types"]
    try:
        recode = np.array([_CODE[RelationType(n)] for n in names], dtype=np.uint8)
    except ValueError:
        raise ColumnsRefused(f"unknown relation types in {names!r}") from None
    counts = head["counts"]
    table = head["arrays"]
    if [row[:2] for row in table] != [[n, d] for n, d, _ in _ARRAYS]:
        raise ColumnsRefused("the arrays are not the ones this format holds")
    arrays: dict[str, NDArray[Any]] = {}
    for (name, dtype, counted), (_, _, length, offset) in zip(_ARRAYS, table, strict=True):
        if length != counts[counted] or not isinstance(offset, int) or offset < 0 or offset % 8:
            raise ColumnsRefused(f"array {name}: {length} values at {offset} for {counts[counted]} {counted}")
        if base + offset + length * np.dtype(dtype).itemsize > len(data):
            raise ColumnsRefused(f"array {name} runs past the end of the file")
        arrays[name] = np.frombuffer(data, dtype=np.dtype(dtype), count=length, offset=base + offset)
    at, blob_size = head["ids"]
    described_at, described_size = head["descriptions"]
    if described_at != at + blob_size or base + described_at + described_size != len(data):
        raise ColumnsRefused("the id table and the descriptions do not end the file")
    blob = data[base + at : base + at + blob_size].decode()
    ids = blob.split("\n") if blob else []
    n, m = len(ids), counts["links"]
    if n != counts["ids"] or not all(map(lt, ids, islice(ids, 1, None))):
        raise ColumnsRefused("the id table is not the sorted distinct ids it announces")
    for name, bound in (("source", n), ("target", n), ("ev_link", m)):
        a = arrays[name]
        if len(a) and (int(a.min()) < 0 or int(a.max()) >= bound):
            raise ColumnsRefused(f"array {name} refers outside its table")
    ends = arrays["desc_end"]
    if described_size and (
        int(ends[-1]) != described_size or int(ends[0]) < 0 or bool((np.diff(ends) < 0).any())
    ):
        raise ColumnsRefused("the descriptions' offsets do not fit them")
    rtype = arrays["rtype"]
    if len(rtype) and int(rtype.max()) >= len(names):
        raise ColumnsRefused("a relation type code outside the type table")
    if not np.array_equal(recode, np.arange(len(names))):
        rtype = recode[rtype]
    for name in ("weight", "ev_count", "ev_day", "ev_from", "ev_to"):
        if len(arrays[name]) and int(arrays[name].min()) < 0:
            raise ColumnsRefused(f"negative values in {name}")
    return LinkColumns(
        ids,
        arrays["source"],
        arrays["target"],
        rtype,
        arrays["weight"],
        arrays["ev_link"],
        arrays["ev_day"],
        arrays["ev_count"],
        arrays["ev_from"],
        arrays["ev_to"],
        ends,
        data[base + described_at :] if described_size else b"",
    )
