"""The in-memory index behind the embedded store: every query answered from memory.

The on-disk RDF store is the record; this index is a derived view kept in step with it on
every upsert and remove, and rebuilt (or restored from a snapshot) at start-up. It keeps
each document's contribution separately (so removal and the merge rules of
:mod:`qkg.graph.store` are exact) and the merged view that queries read. Entities,
agreements, goals and documents (a few per actor) are kept as models; relations, the bulk
of a graph, are columns (:class:`_Relations`): one row per (relation, document) part and
per piece of evidence in numpy arrays, every id once in one table (:class:`_Names`) and
referred to by an int32 code, evidence sentences in one byte array. The first read after a
write sorts the live parts into answer order (:class:`_Frozen`, a few numpy sorts), which
gives the merged relations (runs of parts) and a CSR adjacency; :class:`Relation` models
are built only for the relations an answer holds. All answers are plain ``qkg.schemas``
models in the orders the :class:`~qkg.graph.store.GraphStore` docstring fixes.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from qkg.schemas import (
    SYMMETRIC_TYPES,
    Agreement,
    AgreementKind,
    Direction,
    DocumentInfo,
    Entity,
    EntityFilter,
    Evidence,
    Goal,
    KnowledgeGraph,
    Link,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
    normalise_name,
)

from .store import RelKey, Step

if TYPE_CHECKING:  # numpy is imported where it is used: `qkg stats` never needs it
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["EdgeArrays", "GraphIndex", "RelKey", "delta_digest"]

_TECH_TYPES = frozenset({RelationType.WORKS_ON.value, RelationType.DEVELOPS.value})
_PARTY = RelationType.PARTY_TO
#: Nodes with more steps than this keep their sorted steps cached.
_HUB_STEPS = 64
#: At most this many built :class:`Relation` models are kept between writes (see warm).
_BUILT_MAX = 200_000
_RTYPE: dict[str, RelationType] = {t.value: t for t in RelationType}
_T = TypeVar("_T")
#: Relation types by code (the ``type`` column), and codes by type and by value.
_TYPES: tuple[RelationType, ...] = tuple(RelationType)
_TYPE_CODE: dict[RelationType, int] = {t: i for i, t in enumerate(_TYPES)}
_TYPE_CODE_STR: dict[str, int] = {t.value: i for i, t in enumerate(_TYPES)}
_SYMMETRIC_CODES = frozenset(_TYPE_CODE[t] for t in SYMMETRIC_TYPES)
_DT = {"i": "int32", "b": "int8", "d": "float64", "q": "int64"}


@functools.cache
def _type_rank() -> NDArray[np.int64]:
    """Each type code's position in the order of the types' values (the answer order)."""
    import numpy as np

    order = sorted(range(len(_TYPES)), key=lambda i: _TYPES[i].value)
    rank = np.empty(len(_TYPES), dtype=np.int64)
    rank[order] = np.arange(len(_TYPES), dtype=np.int64)
    return rank


def delta_digest(delta: KnowledgeGraph) -> str:
    """SHA-256 of a delta's canonical JSON, independent of the order of its collections.

    Two deltas with the same digest contribute exactly the same facts, so re-upserting one is
    a no-op.
    """
    from qkg.schemas.rdf import canonical_delta

    return hashlib.sha256(canonical_delta(delta).model_dump_json().encode()).hexdigest()


class EdgeArrays(NamedTuple):
    """The graph's links as columns (see :meth:`GraphIndex.edge_arrays`): link ``i`` joins
    ``ids[source[i]]`` and ``ids[target[i]]``, backed by ``weight[i]`` pieces of evidence;
    ``both_ways[i]`` for symmetric relations and co-party links. The arguments of
    :func:`qkg.graph.projection.reduce_columns`."""

    ids: list[str]
    source: NDArray[np.int32]
    target: NDArray[np.int32]
    weight: NDArray[np.float64]
    both_ways: NDArray[np.bool_]


@dataclass(slots=True)
class _Doc:
    """What one document contributed, by id."""

    info: DocumentInfo
    digest: str
    entities: tuple[str, ...]
    #: the range of part rows its relations took in :class:`_Relations`
    relations: tuple[int, int]
    agreements: tuple[str, ...]
    goals: tuple[str, ...]


def _ev_key(e: Evidence) -> tuple[str, int, int, str, float]:
    return (e.document_id, e.start, e.end, e.rule, e.confidence)


def _union_evidence(parts: Iterable[tuple[Evidence, ...]]) -> tuple[Evidence, ...]:
    return tuple(sorted({e for p in parts for e in p}, key=_ev_key))


def _entity_order(e: Entity) -> tuple[str, str]:
    return (normalise_name(e.name), e.id)


def _agreement_order(a: Agreement) -> tuple[bool, str, str]:
    return (a.date is None, a.date or "", a.id)


def _goal_order(g: Goal) -> tuple[bool, int, str]:
    return (g.target_year is None, g.target_year or 0, g.id)


def _in_window(day: dt.date | None, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    if day is None:
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def _date_prefix_match(date: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if date is None:
        return False
    return (since is None or date[: len(since)] >= since) and (until is None or date[: len(until)] <= until)


class _Relations:
    """Every document's relations as columns: one row per (relation, document) part, one row
    per piece of evidence, ids as codes into one name table (:class:`_Names`). Rows are
    appended by writes (to ``array`` tails) and marked dead by removals; the first read after
    a write sorts the live parts into answer order (:meth:`freeze`), which also gives the
    merged view (a relation is the run of its parts in that order) and the adjacency (CSR).
    No Python object is kept per relation: :class:`Relation` models are built when asked for.
    """

    PART: ClassVar[dict[str, str]] = {
        "src": "i",
        "type": "b",
        "dst": "i",
        "doc": "i",
        "conf": "d",
        "vfrom": "i",
        "vto": "i",
        "ev0": "q",
        "evn": "i",
        "alive": "b",
    }
    EVID: ClassVar[dict[str, str]] = {
        "doc": "i",
        "start": "q",
        "end": "q",
        "rule": "i",
        "conf": "d",
        "hash": "q",
        "soff": "q",
        "slen": "i",
    }

    def __init__(self, names: _Names) -> None:
        self.names = names
        #: The columns: ``array`` objects until the first write or read needs numpy (so that
        #: opening the store, or a snapshot, for counting or listing never imports it), then
        #: numpy arrays (see :meth:`_numpy`).
        self.p: dict[str, Any] = {c: array(t) for c, t in self.PART.items()}
        self.e: dict[str, Any] = {c: array(t) for c, t in self.EVID.items()}
        self.text: Any = array("B")
        self._p_tail: dict[str, array[Any]] = {c: array(t) for c, t in self.PART.items()}
        self._e_tail: dict[str, array[Any]] = {c: array(t) for c, t in self.EVID.items()}
        self._text_tail = bytearray()
        self.dead = 0
        self._frozen: _Frozen | None = None

    def __eq__(self, other: object) -> bool:
        """The same rows (live and dead) in the same order, over equal name tables."""
        import numpy as np

        if not isinstance(other, _Relations):
            return NotImplemented
        self._flush()
        other._flush()
        return (
            self.names == other.names
            and self.dead == other.dead
            and all(np.array_equal(v, other.p[c]) for c, v in self.p.items())
            and all(np.array_equal(v, other.e[c]) for c, v in self.e.items())
            and np.array_equal(self.text, other.text)
        )

    __hash__ = None  # type: ignore[assignment]

    # -- writes -------------------------------------------------------------------------
    def rows(self) -> int:
        return len(self.p["src"]) + len(self._p_tail["src"])

    def append(self, doc: str, rels: Sequence[Relation]) -> tuple[int, int]:
        """Append one document's relations; the range of part rows they took."""
        code = self.names.code
        d = code(doc)
        first = self.rows()
        pt, et = self._p_tail, self._e_tail
        n_ev = len(self.e["doc"]) + len(et["doc"])
        n_text = len(self.text) + len(self._text_tail)
        for r in rels:
            pt["src"].append(code(r.source))
            pt["type"].append(_TYPE_CODE[r.type])
            pt["dst"].append(code(r.target))
            pt["doc"].append(d)
            pt["conf"].append(r.confidence)
            pt["vfrom"].append(0 if r.valid_from is None else r.valid_from.toordinal())
            pt["vto"].append(0 if r.valid_to is None else r.valid_to.toordinal())
            pt["ev0"].append(n_ev)
            pt["evn"].append(len(r.evidence))
            pt["alive"].append(1)
            for ev in r.evidence:
                raw = ev.sentence.encode()
                et["doc"].append(code(ev.document_id))
                et["start"].append(ev.start)
                et["end"].append(ev.end)
                et["rule"].append(code(ev.rule))
                et["conf"].append(ev.confidence)
                et["hash"].append(
                    int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big", signed=True)
                )
                et["soff"].append(n_text)
                et["slen"].append(len(raw))
                self._text_tail += raw
                n_text += len(raw)
                n_ev += 1
        self._frozen = None
        return first, self.rows()

    def kill(self, rows: tuple[int, int]) -> None:
        """Mark part rows dead (in the arrays, or in the tails not flushed yet: a removal
        never copies the columns)."""
        self._numpy()
        base = len(self.p["alive"])
        self.p["alive"][rows[0] : min(rows[1], base)] = 0
        tail = self._p_tail["alive"]
        for r in range(max(rows[0], base), rows[1]):
            tail[r - base] = 0
        self.dead += rows[1] - rows[0]
        self._frozen = None

    def _numpy(self) -> None:
        """The columns as numpy arrays (views of the ``array`` objects they were)."""
        import numpy as np

        if not isinstance(self.text, np.ndarray):
            for table, spec in ((self.p, self.PART), (self.e, self.EVID)):
                for c, t in spec.items():
                    table[c] = np.frombuffer(table[c], dtype=_DT[t]) if len(table[c]) else np.zeros(0, _DT[t])
            self.text = np.frombuffer(self.text, dtype=np.uint8) if len(self.text) else np.zeros(0, np.uint8)

    def _flush(self) -> None:
        import numpy as np

        self._numpy()
        if self._p_tail["src"]:
            for c, t in self.PART.items():
                self.p[c] = np.concatenate([self.p[c], np.frombuffer(self._p_tail[c], dtype=_DT[t])])
                self._p_tail[c] = array(t)
        if self._e_tail["doc"]:
            for c, t in self.EVID.items():
                self.e[c] = np.concatenate([self.e[c], np.frombuffer(self._e_tail[c], dtype=_DT[t])])
                self._e_tail[c] = array(t)
            self.text = np.concatenate([self.text, np.frombuffer(bytes(self._text_tail), dtype=np.uint8)])
            self._text_tail = bytearray()

    def compact(self) -> NDArray[np.int64]:
        """Drop dead rows (and their evidence and text); old row -> new row for live rows
        (as a prefix count: ``new = out[old]``)."""
        import numpy as np

        self._flush()
        alive = self.p["alive"].astype(bool)
        before = np.concatenate([[0], np.cumsum(alive, dtype=np.int64)])
        if self.dead:
            keep = {c: v[alive] for c, v in self.p.items()}
            ev = _gather(keep["ev0"], keep["evn"])
            e = {c: v[ev] for c, v in self.e.items()}
            text_idx = _gather(e["soff"], e["slen"])
            self.text = self.text[text_idx]
            e["soff"] = np.concatenate([[0], np.cumsum(e["slen"], dtype=np.int64)])[:-1]
            keep["ev0"] = np.concatenate([[0], np.cumsum(keep["evn"], dtype=np.int64)])[:-1]
            self.p, self.e, self.dead = keep, e, 0
        self._frozen = None
        return before

    # -- the sorted view ----------------------------------------------------------------
    def frozen(self) -> _Frozen:
        if self._frozen is None:
            self._flush()
            self._frozen = _Frozen(self)
        return self._frozen


class _Frozen:
    """The live parts in answer order: relation ``k`` (in sorted key order) is the run
    ``srt[kptr[k]:kptr[k+1]]`` of part rows (by document id); its ends and type are
    ``k_src[k]``, ``k_type[k]``, ``k_dst[k]``; node ``c``'s relations are
    ``adj[aptr[c]:aptr[c+1]]`` (in key order)."""

    def __init__(self, rels: _Relations) -> None:
        import numpy as np

        names = rels.names
        rank = names.ranks()
        n = len(names.names)
        live = np.flatnonzero(rels.p["alive"])
        src, ty, dst, doc = (rels.p[c][live] for c in ("src", "type", "dst", "doc"))
        order = np.lexsort((rank[doc], rank[dst], _type_rank()[ty], rank[src]))
        self.srt = live[order]
        s, t, d = src[order], ty[order], dst[order]
        change = np.ones(len(s), dtype=bool)
        change[1:] = (s[1:] != s[:-1]) | (t[1:] != t[:-1]) | (d[1:] != d[:-1])
        starts = np.flatnonzero(change)
        self.kptr = np.append(starts, len(s)).astype(np.int64)
        self.k_src, self.k_type, self.k_dst = s[starts], t[starts], d[starts]
        self.lookup = _combined(rank, self.k_src, self.k_type, self.k_dst, n)
        kid = np.arange(len(starts), dtype=np.int64)
        loop = self.k_src == self.k_dst
        ends = np.concatenate([self.k_src, self.k_dst[~loop]])
        kids = np.concatenate([kid, kid[~loop]])
        by_end = np.lexsort((kids, ends))
        self.adj = kids[by_end]
        self.aptr = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=n), dtype=np.int64)])
        self._weights: NDArray[np.int64] | None = None
        self._rels = rels
        self._rank, self._n = rank, n
        #: Relations built for answers, kept (up to :data:`_BUILT_MAX`) until the next write.
        self.built: dict[int, Relation] = {}

    def __len__(self) -> int:
        return len(self.k_src)

    def weights(self) -> NDArray[np.int64]:
        """Distinct pieces of evidence per relation (the merged relation's evidence count)."""
        import numpy as np

        if self._weights is None:
            p, e = self._rels.p, self._rels.e
            key_of_part = np.repeat(np.arange(len(self), dtype=np.int64), np.diff(self.kptr))
            evn = p["evn"][self.srt]
            ev = _gather(p["ev0"][self.srt], evn)
            key_of_ev = np.repeat(key_of_part, evn)
            cols = [e[c][ev] for c in ("hash", "conf", "rule", "end", "start", "doc")]
            order = np.lexsort((*cols, key_of_ev))
            distinct = np.ones(len(ev), dtype=bool)
            if len(ev):
                same = key_of_ev[order][1:] == key_of_ev[order][:-1]
                for c in cols:
                    same &= c[order][1:] == c[order][:-1]
                distinct[1:] = ~same
            self._weights = np.bincount(key_of_ev[order][distinct], minlength=len(self)).astype(np.int64)
        return self._weights

    def find(self, key: RelKey) -> int | None:
        """The position of relation ``key``, None if absent."""
        import numpy as np

        names = self._rels.names
        s, d, t = names.get(key[0]), names.get(key[2]), _TYPE_CODE_STR.get(key[1])
        if s is None or d is None or t is None:
            return None
        if s >= self._n or d >= self._n:
            return None
        want = _combined(self._rank, np.array([s]), np.array([t]), np.array([d]), self._n)[0]
        i = int(np.searchsorted(self.lookup, want))
        return i if i < len(self.lookup) and self.lookup[i] == want else None

    def of_node(self, node: str) -> list[int]:
        c = self._rels.names.get(node)
        if c is None or c + 1 >= len(self.aptr):
            return []
        out: list[int] = self.adj[self.aptr[c] : self.aptr[c + 1]].tolist()
        return out


_M = TypeVar("_M", bound=Evidence | Relation)


def _construct(cls: type[_M], fields: dict[str, Any]) -> _M:
    """A model from values taken from validated models (the index's own columns), without
    validating them again: what ``model_construct`` does, without its per-field work."""
    obj = cls.__new__(cls)
    put = object.__setattr__
    put(obj, "__dict__", fields)
    put(obj, "__pydantic_fields_set__", _FIELDS_SET[cls])
    put(obj, "__pydantic_extra__", None)
    put(obj, "__pydantic_private__", None)
    return obj


_FIELDS_SET: dict[type, set[str]] = {c: set(c.model_fields) for c in (Evidence, Relation)}


def _combined(rank: Any, src: Any, ty: Any, dst: Any, n: int) -> Any:
    """One int64 per relation key, increasing in the keys' answer order."""
    import numpy as np

    n = max(n, 1)
    return (rank[src].astype(np.int64) * len(_TYPES) + _type_rank()[ty]) * n + rank[dst]


def _gather(starts: Any, lengths: Any) -> Any:
    """The concatenation of ``range(s, s + n)`` for each start and length, as one array."""
    import numpy as np

    lengths = np.asarray(lengths, dtype=np.int64)
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    return np.repeat(np.asarray(starts, dtype=np.int64) - offsets, lengths) + np.arange(total, dtype=np.int64)


class _Names:
    """The one id table: every id, document id and rule name once, as an int32 code."""

    def __init__(self, names: list[str] | None = None) -> None:
        self.names: list[str] = names if names is not None else []
        self._codes = {n: i for i, n in enumerate(self.names)}
        self._rank: Any = None

    def __eq__(self, other: object) -> bool:
        return self.names == other.names if isinstance(other, _Names) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def code(self, name: str) -> int:
        c = self._codes.get(name)
        if c is None:
            c = self._codes[name] = len(self.names)
            self.names.append(name)
        return c

    def get(self, name: str) -> int | None:
        return self._codes.get(name)

    def ranks(self) -> Any:
        """Each code's position in the names' string order."""
        import numpy as np

        if self._rank is None or len(self._rank) != len(self.names):
            order = sorted(range(len(self.names)), key=self.names.__getitem__)
            rank = np.empty(len(self.names), dtype=np.int64)
            rank[order] = np.arange(len(self.names), dtype=np.int64)
            self._rank = rank
        return self._rank


@dataclass
class GraphIndex:
    """Per-document contributions plus the merged view, with adjacency. Not thread-safe."""

    docs: dict[str, _Doc] = field(default_factory=dict)
    by_source: dict[str, str] = field(default_factory=dict)
    ent_parts: dict[str, dict[str, Entity]] = field(default_factory=dict)
    ent: dict[str, Entity] = field(default_factory=dict)
    ent_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    ids: _Names = field(default_factory=_Names)
    rels: _Relations = field(init=False)
    agr_parts: dict[str, dict[str, Agreement]] = field(default_factory=dict)
    agr: dict[str, Agreement] = field(default_factory=dict)
    party_agr: dict[str, set[str]] = field(default_factory=dict)
    goal_parts: dict[str, dict[str, Goal]] = field(default_factory=dict)
    goal: dict[str, Goal] = field(default_factory=dict)
    owner_goals: dict[str, set[str]] = field(default_factory=dict)
    _version: int = 0
    _entity_sorted: list[Entity] | None = None
    _steps_sorted: dict[str, list[Step]] = field(default_factory=dict)
    _stats: Stats | None = None

    def __post_init__(self) -> None:
        self.rels = _Relations(self.ids)

    # -- identity ---------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """Digest of the set of loaded ``(document id, delta digest)`` pairs: equal graphs,
        equal versions; any change to the set changes it."""
        return f"{len(self.docs)}-{self._version:032x}"

    @staticmethod
    def _doc_token(doc_id: str, digest: str) -> int:
        return int.from_bytes(hashlib.sha256(f"{doc_id}:{digest}".encode()).digest()[:16], "big")

    def digest_of(self, doc_id: str) -> str | None:
        d = self.docs.get(doc_id)
        return None if d is None else d.digest

    # -- writes -----------------------------------------------------------------------------
    def add(self, delta: KnowledgeGraph, digest: str) -> None:
        """Index one document's delta (the document must not be indexed yet)."""
        doc = delta.document
        if doc.id in self.docs:
            self.remove(doc.id)
        self.docs[doc.id] = _Doc(
            info=DocumentInfo(
                id=doc.id,
                title=doc.title,
                source=doc.source,
                published=doc.published,
                media_type=doc.media_type,
                entities=len(delta.entities),
                relations=len(delta.relations),
                agreements=len(delta.agreements),
                goals=len(delta.goals),
            ),
            digest=digest,
            entities=tuple(e.id for e in delta.entities),
            relations=self.rels.append(doc.id, delta.relations),
            agreements=tuple(a.id for a in delta.agreements),
            goals=tuple(g.id for g in delta.goals),
        )
        if doc.source is not None:
            self.by_source[doc.source] = doc.id
        self._version ^= self._doc_token(doc.id, digest)
        for e in delta.entities:
            parts = self.ent_parts.setdefault(e.id, {})
            merged = self.ent.get(e.id)
            if merged is not None and e == merged:
                parts[doc.id] = merged  # the same description again: share it; the merge cannot change
                continue
            parts[doc.id] = e
            self._merge_entity(e.id)
        for r in delta.relations:
            for end in (r.source, r.target):
                self._steps_sorted.pop(end, None)
        for a in delta.agreements:
            self.agr_parts.setdefault(a.id, {})[doc.id] = a
            before = self.agr.get(a.id)
            self._merge_agreement(a.id)
            for p in a.parties:
                self.party_agr.setdefault(p, set()).add(a.id)
            for p in {*a.parties, *(before.parties if before else ()), *self.agr[a.id].parties}:
                self._steps_sorted.pop(p, None)
        for g in delta.goals:
            self.goal_parts.setdefault(g.id, {})[doc.id] = g
            self._merge_goal(g.id)
        self._entity_sorted = None
        self._stats = None

    def remove(self, doc_id: str) -> None:
        """Forget one document's contribution; facts it alone supported disappear."""
        d = self.docs.pop(doc_id, None)
        if d is None:
            raise NotFound("document", doc_id)
        if d.info.source is not None and self.by_source.get(d.info.source) == doc_id:
            del self.by_source[d.info.source]
        self._version ^= self._doc_token(doc_id, d.digest)
        if d.relations[1] > d.relations[0]:
            self._steps_sorted = {}  # which nodes it touched is in the columns: drop every cache
            self.rels.kill(d.relations)
        for aid in d.agreements:
            aparts = self.agr_parts[aid]
            old = self.agr[aid]
            del aparts[doc_id]
            for p in old.parties:
                self._steps_sorted.pop(p, None)
            if aparts:
                self._merge_agreement(aid)
                for p in self.agr[aid].parties:
                    self._steps_sorted.pop(p, None)
            else:
                del self.agr_parts[aid], self.agr[aid]
                for p in old.parties:
                    _discard(self.party_agr, p, aid)
        for gid in d.goals:
            gparts = self.goal_parts[gid]
            del gparts[doc_id]
            if gparts:
                self._merge_goal(gid)
            else:
                del self.goal_parts[gid]
                old_goal = self.goal.pop(gid)
                if old_goal.owner is not None:
                    _discard(self.owner_goals, old_goal.owner, gid)
        for eid in d.entities:
            eparts = self.ent_parts[eid]
            del eparts[doc_id]
            if eparts:
                self._merge_entity(eid)
            else:
                del self.ent_parts[eid]
                self._unname(eid)
                del self.ent[eid]
        self._entity_sorted = None
        self._stats = None

    def derive(self) -> None:
        """Recompute every lookup derived from the facts (names, adjacency, the party and
        owner indexes, the version) after the facts were filled in directly (a snapshot)."""
        self.ent_names, self.names = {}, {}
        for e in self.ent.values():
            self._name(e)
        self.party_agr = {}
        for aid, parts in self.agr_parts.items():
            for a in parts.values():
                for p in a.parties:
                    self.party_agr.setdefault(p, set()).add(aid)
        self.owner_goals = {}
        for gid, g in self.goal.items():
            if g.owner is not None:
                self.owner_goals.setdefault(g.owner, set()).add(gid)
        self._version = 0
        for doc_id, d in self.docs.items():
            self._version ^= self._doc_token(doc_id, d.digest)
        self._entity_sorted = self._stats = None
        self._steps_sorted = {}

    def clear(self) -> None:
        fresh = GraphIndex()
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(fresh, name))

    # -- merging ----------------------------------------------------------------------------
    def _merge_entity(self, eid: str) -> None:
        parts = self.ent_parts[eid]
        if len(parts) == 1:
            merged = next(iter(parts.values()))
        else:
            order = sorted(parts)
            first = parts[order[0]]
            external: dict[str, str] = {}
            for doc_id in reversed(order):
                external.update(parts[doc_id].external_ids)
            aliases = sorted({a for p in parts.values() for a in p.aliases})
            merged = first.model_copy(
                update={"aliases": tuple(aliases), "external_ids": dict(sorted(external.items()))}
            )
        if eid in self.ent:
            self._unname(eid)
        self.ent[eid] = merged
        self._name(merged)

    def _name(self, e: Entity) -> None:
        keys = tuple(dict.fromkeys(normalise_name(n) for n in (e.name, *e.aliases)))
        self.ent_names[e.id] = keys
        for key in keys:
            self.names.setdefault(key, set()).add(e.id)

    def _unname(self, eid: str) -> None:
        for key in self.ent_names.pop(eid, ()):
            _discard(self.names, key, eid)

    def _view(self) -> _Frozen:
        """The relations in answer order (sorted again after a write; see :class:`_Frozen`).
        Dead part rows are dropped first when they are more than the live ones."""
        if self.rels._frozen is None and self.rels.dead > max(1024, self.rels.rows() // 2):
            self._compact()
        return self.rels.frozen()

    def _compact(self) -> None:
        new = self.rels.compact()
        for d in self.docs.values():
            a, b = d.relations
            d.relations = (int(new[a]), int(new[b]))

    def _relation(self, view: _Frozen, k: int) -> Relation:
        return self._build(view, [k])[0]

    def _build(self, view: _Frozen, keys: Sequence[int]) -> list[Relation]:
        """The merged relations ``keys`` of ``view``: kept ones from ``view.built``, the
        others built from the columns (and kept while fewer than :data:`_BUILT_MAX` are)."""
        built = view.built
        missing = [k for k in dict.fromkeys(keys) if k not in built]
        if not missing:
            return [built[k] for k in keys]
        fresh = dict(zip(missing, self._build_columns(view, missing), strict=True))
        room = _BUILT_MAX - len(built)
        if room > 0:
            built.update(fresh if len(fresh) <= room else dict(list(fresh.items())[:room]))
        return [built.get(k) or fresh[k] for k in keys]

    def _build_columns(self, view: _Frozen, keys: Sequence[int]) -> list[Relation]:
        """The merged relations ``keys`` of ``view``, each the first document's part (smallest
        id) with the union of the parts' evidence, the highest confidence and the widest
        validity; the columns are read once for the whole batch."""
        import numpy as np

        if not keys:
            return []
        rels = self.rels
        p, e, names = rels.p, rels.e, self.ids.names
        ks = np.asarray(keys, dtype=np.int64)
        lo, hi = view.kptr[ks], view.kptr[ks + 1]
        rows = view.srt[_gather(lo, hi - lo)]
        evn = p["evn"][rows]
        ev = _gather(p["ev0"][rows], evn)
        conf, vfrom, vto = p["conf"][rows].tolist(), p["vfrom"][rows].tolist(), p["vto"][rows].tolist()
        ev_n = evn.tolist()
        ed, es, ee, er, ec, eo, el = (
            e[c][ev].tolist() for c in ("doc", "start", "end", "rule", "conf", "soff", "slen")
        )
        text = memoryview(rels.text.data)
        src, ty, dst = view.k_src[ks].tolist(), view.k_type[ks].tolist(), view.k_dst[ks].tolist()
        out: list[Relation] = []
        i = j = 0
        for n, s, t, d in zip((hi - lo).tolist(), src, ty, dst, strict=True):
            m = sum(ev_n[i : i + n])
            seen = {
                (names[ed[x]], es[x], ee[x], names[er[x]], ec[x], str(text[eo[x] : eo[x] + el[x]], "utf-8"))
                for x in range(j, j + m)
            }
            starts = [v for v in vfrom[i : i + n] if v]
            ends = [v for v in vto[i : i + n] if v]
            evidence = tuple(
                _construct(
                    Evidence,
                    {
                        "document_id": dd,
                        "sentence": sen,
                        "start": st,
                        "end": en,
                        "rule": ru,
                        "confidence": cf,
                    },
                )
                for dd, st, en, ru, cf, sen in sorted(seen)
            )
            out.append(
                _construct(
                    Relation,
                    {
                        "source": names[s],
                        "type": _TYPES[t],
                        "target": names[d],
                        "evidence": evidence,
                        "confidence": max(conf[i : i + n]),
                        "valid_from": dt.date.fromordinal(min(starts)) if starts else None,
                        "valid_to": dt.date.fromordinal(max(ends)) if ends else None,
                    },
                )
            )
            i += n
            j += m
        return out

    def _part_docs(self, view: _Frozen, k: int) -> list[str]:
        rows = view.srt[view.kptr[k] : view.kptr[k + 1]]
        names = self.ids.names
        return [names[d] for d in self.rels.p["doc"][rows].tolist()]

    def relation_count(self) -> int:
        """How many (merged) relations the graph holds."""
        return len(self._view())

    def _merge_agreement(self, aid: str) -> None:
        parts = self.agr_parts[aid]
        first = parts[min(parts)]
        evidence = _union_evidence(p.evidence for p in parts.values())
        topics = tuple(sorted({t for p in parts.values() for t in p.topics}))
        if evidence == first.evidence and topics == first.topics:
            self.agr[aid] = first
        else:
            self.agr[aid] = first.model_copy(update={"evidence": evidence, "topics": topics})

    def _merge_goal(self, gid: str) -> None:
        parts = self.goal_parts[gid]
        first = parts[min(parts)]
        evidence = _union_evidence(p.evidence for p in parts.values())
        old = self.goal.get(gid)
        if old is not None and old.owner is not None:
            _discard(self.owner_goals, old.owner, gid)
        self.goal[gid] = (
            first if evidence == first.evidence else first.model_copy(update={"evidence": evidence})
        )
        if first.owner is not None:
            self.owner_goals.setdefault(first.owner, set()).add(gid)

    # -- entities ---------------------------------------------------------------------------
    def entity(self, entity_id: str) -> Entity:
        try:
            return self.ent[entity_id]
        except KeyError:
            raise NotFound("entity", entity_id) from None

    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        return {i: self.ent[i] for i in ids if i in self.ent}

    def find_entities(self, name: str) -> list[Entity]:
        ids = self.names.get(normalise_name(name), set())
        return sorted((self.ent[i] for i in ids), key=_entity_order)

    def _sorted_entities(self) -> list[Entity]:
        if self._entity_sorted is None:
            self._entity_sorted = sorted(self.ent.values(), key=_entity_order)
        return self._entity_sorted

    def _entity_matches(self, f: EntityFilter | None) -> Iterator[Entity]:
        if f is None:
            yield from self._sorted_entities()
            return
        tech: set[str] | None = None
        if f.technology is not None:
            view = self._view()
            tc = self.ids.get(f.technology)
            tech = {
                self.ids.names[int(view.k_src[k])]
                for k in view.of_node(f.technology)
                if view.k_dst[k] == tc and _TYPES[int(view.k_type[k])].value in _TECH_TYPES
            }
        prefix = None if f.name_prefix is None else normalise_name(f.name_prefix)
        contains = None if f.name_contains is None else normalise_name(f.name_contains)
        for e in self._sorted_entities():
            if f.types is not None and e.type not in f.types:
                continue
            if f.country is not None and e.country != f.country.upper():
                continue
            if tech is not None and e.id not in tech:
                continue
            names = self.ent_names[e.id]
            if prefix is not None and not any(n.startswith(prefix) for n in names):
                continue
            if contains is not None and not any(contains in n for n in names):
                continue
            yield e

    def entities(self, f: EntityFilter | None, limit: int | None, offset: int) -> list[Entity]:
        return _page(self._entity_matches(f), limit, offset)

    def count_entities(self, f: EntityFilter | None) -> int:
        return len(self.ent) if f is None else sum(1 for _ in self._entity_matches(f))

    # -- relations --------------------------------------------------------------------------
    def _published(self, doc_id: str) -> dt.date | None:
        published: dt.date | None = self.docs[doc_id].info.published
        return published

    def _rel_matches(self, view: _Frozen, k: int, entity_id: str | None, f: RelationFilter) -> bool:
        names = self.ids.names
        s, ty, t = names[int(view.k_src[k])], _TYPES[int(view.k_type[k])], names[int(view.k_dst[k])]
        if f.types is not None and ty not in f.types:
            return False
        if entity_id is not None and f.direction is not Direction.BOTH and ty not in SYMMETRIC_TYPES:
            if f.direction is Direction.OUT and s != entity_id:
                return False
            if f.direction is Direction.IN and t != entity_id:
                return False
        if f.entity_types is not None:
            if entity_id is None:
                if self.ent[s].type not in f.entity_types and self.ent[t].type not in f.entity_types:
                    return False
            elif self.ent[t if s == entity_id else s].type not in f.entity_types:
                return False
        if f.document_id is None and f.since is None and f.until is None:
            return True
        parts = self._part_docs(view, k)
        if f.document_id is not None and f.document_id not in parts:
            return False
        if f.since is not None or f.until is not None:
            return any(_in_window(self._published(d), f.since, f.until) for d in parts)
        return True

    def relations(
        self, entity_id: str | None, f: RelationFilter | None, limit: int | None, offset: int
    ) -> list[Relation]:
        if entity_id is not None and entity_id not in self.ent:
            raise NotFound("entity", entity_id)
        view = self._view()
        keys: Iterable[int] = range(len(view)) if entity_id is None else view.of_node(entity_id)
        if f is not None:
            keys = (k for k in keys if self._rel_matches(view, k, entity_id, f))
        return self._build(view, _page(keys, limit, offset))

    def relations_of(self, ids: Sequence[str], f: RelationFilter | None) -> dict[str, list[Relation]]:
        """Each entity's relations (as :meth:`relations`), every distinct relation built once."""
        view = self._view()
        wanted = {
            i: [k for k in view.of_node(i) if f is None or self._rel_matches(view, k, i, f)]
            for i in dict.fromkeys(ids)
            if i in self.ent
        }
        distinct = list(dict.fromkeys(k for keys in wanted.values() for k in keys))
        built = dict(zip(distinct, self._build(view, distinct), strict=True))
        return {i: [built[k] for k in keys] for i, keys in wanted.items()}

    def relations_by_key(self, keys: Iterable[RelKey]) -> dict[RelKey, Relation]:
        view = self._view()
        found = {key: k for key in keys if (k := view.find(key)) is not None}
        return dict(zip(found, self._build(view, list(found.values())), strict=True))

    # -- agreements and goals ---------------------------------------------------------------
    def agreement(self, agreement_id: str) -> Agreement:
        try:
            return self.agr[agreement_id]
        except KeyError:
            raise NotFound("agreement", agreement_id) from None

    def agreements(
        self,
        party: str | None,
        kind: AgreementKind | None,
        since: str | None,
        until: str | None,
        document_id: str | None,
    ) -> list[Agreement]:
        ids: Iterable[str] = self.agr if party is None else self.party_agr.get(party, ())
        out = [
            a
            for a in (self.agr[i] for i in ids)
            if (kind is None or a.kind == kind)
            and _date_prefix_match(a.date, since, until)
            and (document_id is None or document_id in self.agr_parts[a.id])
        ]
        return sorted(out, key=_agreement_order)

    def agreements_by_id(self, ids: Sequence[str]) -> dict[str, Agreement]:
        return {i: a for i in ids if (a := self.agr.get(i)) is not None}

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        return {
            p: sorted((self.agr[i] for i in self.party_agr.get(p, ())), key=_agreement_order)
            for p in dict.fromkeys(party_ids)
            if p in self.ent
        }

    def goals(self, owner: str | None) -> list[Goal]:
        ids: Iterable[str] = self.goal if owner is None else self.owner_goals.get(owner, ())
        return sorted((self.goal[i] for i in ids), key=_goal_order)

    # -- documents --------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        infos = [d.info for d in self.docs.values()]
        return sorted(infos, key=lambda i: (i.published is None, i.published or dt.date.min, i.id))

    def document_info(self, document_id: str) -> DocumentInfo:
        try:
            return self.docs[document_id].info
        except KeyError:
            raise NotFound("document", document_id) from None

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]:
        return {i: self.docs[i].info for i in ids if i in self.docs}

    # -- traversal --------------------------------------------------------------------------
    def _link_dates(
        self, evidence: tuple[Evidence, ...], since: dt.date | None, until: dt.date | None
    ) -> tuple[int, dt.date | None, dt.date | None] | None:
        kept = [e for e in evidence if _in_window(self._published(e.document_id), since, until)]
        if not kept:
            return None
        days = [d for d in (self._published(e.document_id) for e in kept) if d is not None]
        return len(kept), (min(days) if days else None), (max(days) if days else None)

    def links(
        self, types: Iterable[RelationType] | None, since: dt.date | None, until: dt.date | None
    ) -> list[Link]:
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        out: list[Link] = []
        view = self._view()
        codes = None if wanted is None else {_TYPE_CODE[t] for t in wanted}
        keys = [k for k, code in enumerate(view.k_type.tolist()) if codes is None or code in codes]
        chunks = (self._build(view, keys[i : i + 65536]) for i in range(0, len(keys), 65536))
        for r in (r for chunk in chunks for r in chunk):
            seen = self._link_dates(r.evidence, since, until)
            if seen is None:
                continue
            out.append(
                Link.model_construct(
                    source=r.source,
                    target=r.target,
                    type=r.type,
                    agreement=None,
                    weight=seen[0],
                    first_seen=seen[1],
                    last_seen=seen[2],
                )
            )
        if wanted is None or _PARTY in wanted:
            for a in self.agr.values():
                seen = self._link_dates(a.evidence, since, until)
                if seen is None:
                    continue
                for p, q in combinations(a.parties, 2):  # parties are sorted, so p < q
                    out.append(
                        Link.model_construct(
                            source=p,
                            target=q,
                            type=_PARTY,
                            agreement=a.id,
                            weight=seen[0],
                            first_seen=seen[1],
                            last_seen=seen[2],
                        )
                    )
        out.sort(key=lambda link: (link.source, link.type.value, link.target, link.agreement or ""))
        return out

    def edge_arrays(self, types: Iterable[RelationType] | None = None) -> EdgeArrays:
        """The links of :meth:`links` without a time window, of ``types`` (all if None),
        as columns over an id table, without a :class:`Link` object each; self-links are
        left out. In no particular order."""
        import numpy as np

        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        view = self._view()
        keep = view.k_src != view.k_dst
        if wanted is not None:
            keep &= np.isin(view.k_type, [_TYPE_CODE[t] for t in wanted])
        symmetric = np.isin(view.k_type[keep], sorted(_SYMMETRIC_CODES))
        src, dst, weight = view.k_src[keep], view.k_dst[keep], view.weights()[keep]
        rows = []
        if wanted is None or _PARTY in wanted:
            rows = [
                (self.ids.code(p), self.ids.code(q), len(a.evidence))
                for a in self.agr.values()
                for p, q in combinations(a.parties, 2)
            ]
        if rows:
            extra = np.array(rows, dtype=np.int64)
            src = np.concatenate([src, extra[:, 0].astype(np.int32)])
            dst = np.concatenate([dst, extra[:, 1].astype(np.int32)])
            weight = np.concatenate([weight, extra[:, 2]])
            symmetric = np.concatenate([symmetric, np.ones(len(rows), dtype=bool)])
        used, local = np.unique(np.concatenate([src, dst]), return_inverse=True)
        names = self.ids.names
        return EdgeArrays(
            [names[c] for c in used.tolist()],
            local[: len(src)].astype(np.int32),
            local[len(src) :].astype(np.int32),
            weight.astype(np.float64),
            symmetric.astype(np.bool_),
        )

    def steps(self, nodes: Sequence[str], types: frozenset[RelationType] | None) -> dict[str, list[Step]]:
        """Neighbour expansion (see :meth:`qkg.graph.store.GraphStore.steps`). Hubs' sorted
        steps are cached (see :meth:`warm`); a write drops the cache of the nodes it touches."""
        out: dict[str, list[Step]] = {}
        for n in nodes:
            every = self._steps_sorted.get(n)
            if every is None:
                every = self._all_steps(n)
                if len(every) > _HUB_STEPS:
                    self._steps_sorted[n] = every
            out[n] = list(every) if types is None else [s for s in every if s[1] in types]
        return out

    def warm(self) -> None:
        """Sort the relations now, at open (the first read after a load would otherwise), and
        build the relations of the hubs, most connected first (up to :data:`_BUILT_MAX`):
        most multi-hop answers go through them."""
        import numpy as np

        view = self._view()
        degree = np.diff(view.aptr)
        hubs = np.flatnonzero(degree > _HUB_STEPS)
        for c in hubs[np.argsort(-degree[hubs], kind="stable")].tolist():
            if len(view.built) >= _BUILT_MAX:
                break
            self._build(view, view.adj[view.aptr[c] : view.aptr[c + 1]].tolist())

    def _all_steps(self, n: str) -> list[Step]:
        steps: list[Step] = []
        view = self._view()
        names = self.ids.names
        me = self.ids.get(n)
        for k in view.of_node(n):
            rtype = _TYPES[int(view.k_type[k])]
            s, t = int(view.k_src[k]), int(view.k_dst[k])
            if s == me:
                steps.append((names[t], rtype, None, False))
            else:
                steps.append((names[s], rtype, None, rtype not in SYMMETRIC_TYPES))
        for aid in self.party_agr.get(n, ()):
            steps.extend((p, _PARTY, aid, False) for p in self.agr[aid].parties if p != n)
        steps.sort(key=_step_order)
        return steps

    # -- counts -----------------------------------------------------------------------------
    def stats(self) -> Stats:
        """Counts, computed once per version of the graph (a pass over every fact)."""
        if self._stats is None:
            self._stats = self._count()
        return self._stats

    def _count(self) -> Stats:
        by_type: dict[str, int] = {}
        for e in self.ent.values():
            by_type[e.type.value] = by_type.get(e.type.value, 0) + 1
        rel_by_type: dict[str, int] = {}
        evidence = 0
        import numpy as np

        view = self._view()
        counts = np.bincount(view.k_type, minlength=len(_TYPES)).tolist()
        for code, n in enumerate(counts):
            if n:
                rel_by_type[_TYPES[code].value] = n
        evidence += int(view.weights().sum())
        evidence += sum(len(a.evidence) for a in self.agr.values())
        evidence += sum(len(g.evidence) for g in self.goal.values())
        return Stats(
            documents=len(self.docs),
            entities=len(self.ent),
            relations=len(view),
            agreements=len(self.agr),
            goals=len(self.goal),
            evidence=evidence,
            entities_by_type=dict(sorted(by_type.items())),
            relations_by_type=dict(sorted(rel_by_type.items())),
        )


def _step_order(s: Step) -> tuple[str, str, str, bool]:
    return (s[0], s[1].value, s[2] or "", s[3])


def _discard(index: dict[str, set[str]], key: str, value: str) -> None:
    values = index.get(key)
    if values is not None:
        values.discard(value)
        if not values:
            del index[key]


def _page(items: Iterable[_T], limit: int | None, offset: int) -> list[_T]:
    out: list[_T] = []
    for i, item in enumerate(items):
        if i < offset:
            continue
        if limit is not None and len(out) >= limit:
            break
        out.append(item)
    return out
