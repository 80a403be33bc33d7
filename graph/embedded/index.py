"""The in-memory index behind the embedded store: every query answered from dictionaries.

The on-disk RDF store is the record; this index is a derived view kept in step with it on
every upsert and remove, and rebuilt (or restored from a snapshot) at start-up. It keeps
each document's contribution separately (so removal and the merge rules, which
:mod:`qkg.graph.merge` applies, are exact) and the merged view that queries read, plus adjacency for
relations and agreement co-parties. All answers are plain ``qkg.schemas`` models in the
orders the :class:`~qkg.graph.store.GraphStore` docstring fixes.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from qkg.schemas import (
    SYMMETRIC_TYPES,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Direction,
    DocumentInfo,
    Entity,
    EntityFilter,
    Goal,
    KnowledgeGraph,
    Link,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
    normalise_name,
    step_relation_key,
)

from ..merge import (
    AsOf,
    Version,
    agreement_order,
    agreement_view,
    date_prefix_match,
    entity_order,
    goal_order,
    in_window,
    merge_agreement,
    merge_entity,
    merge_goal,
    merge_relation,
    relation_view,
)
from ..merge import links as merged_links
from ..store import RelKey, Step, step_order
from ..timeline import valid_on

if TYPE_CHECKING:  # numpy is imported where it is used: `qkg stats` never needs it
    import numpy as np
    from numpy.typing import NDArray

    from .columns import LinkColumns

__all__ = ["EdgeArrays", "GraphIndex", "RelKey"]

_TECH_TYPES = frozenset({RelationType.WORKS_ON.value, RelationType.DEVELOPS.value})
_PARTY = RelationType.PARTY_TO
#: Nodes with more steps than this keep their sorted steps cached.
_HUB_STEPS = 64
_RTYPE: dict[str, RelationType] = {t.value: t for t in RelationType}
_T = TypeVar("_T")


class EdgeArrays(NamedTuple):
    """The graph's links as columns (see :meth:`GraphIndex.edge_arrays`): link ``i`` joins
    ``ids[source[i]]`` and ``ids[target[i]]``, backed by ``weight[i]`` pieces of evidence;
    ``both_ways[i]`` for symmetric relations and co-party links. ``ids`` are sorted and may
    include actors without a selected link. The arguments of
    :func:`qkg.graph.projection.reduce_columns`."""

    ids: list[str]
    source: NDArray[np.int32]
    target: NDArray[np.int32]
    weight: NDArray[np.float64]
    both_ways: NDArray[np.bool_]


#: What one document says of a relation's time: (published, valid_from, valid_to).
_Told = tuple[dt.date | None, dt.date | None, dt.date | None]
#: A fact whose answer as of a day is a count of its documents (see :meth:`GraphIndex._counted`):
#: how many documents support it and the publication dates of the dated ones, sorted; or,
#: for a fact of one dated document (most facts), that document's date alone.
_Counted = dt.date | tuple[int, tuple[dt.date, ...]]


@dataclass(slots=True)
class _Doc:
    """What one document contributed, by id."""

    info: DocumentInfo
    digest: str
    entities: tuple[str, ...]
    relations: tuple[RelKey, ...]
    agreements: tuple[str, ...]
    goals: tuple[str, ...]


@dataclass
class GraphIndex:
    """Per-document contributions plus the merged view, with adjacency. Not thread-safe."""

    docs: dict[str, _Doc] = field(default_factory=dict)
    by_source: dict[str, str] = field(default_factory=dict)
    ent_parts: dict[str, dict[str, Entity]] = field(default_factory=dict)
    ent: dict[str, Entity] = field(default_factory=dict)
    ent_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    rel_parts: dict[RelKey, dict[str, Relation]] = field(default_factory=dict)
    rel: dict[RelKey, Relation] = field(default_factory=dict)
    adj: dict[str, set[RelKey]] = field(default_factory=dict)
    agr_parts: dict[str, dict[str, Agreement]] = field(default_factory=dict)
    agr: dict[str, Agreement] = field(default_factory=dict)
    party_agr: dict[str, set[str]] = field(default_factory=dict)
    goal_parts: dict[str, dict[str, Goal]] = field(default_factory=dict)
    goal: dict[str, Goal] = field(default_factory=dict)
    owner_goals: dict[str, set[str]] = field(default_factory=dict)
    _version: Version = field(default_factory=Version)
    _entity_sorted: list[Entity] | None = None
    #: Every name key, sorted (a name prefix is a range of it), built on first use.
    _keys_sorted: list[str] | None = None
    _rel_sorted: list[RelKey] | None = None
    _adj_sorted: dict[str, list[RelKey]] = field(default_factory=dict)
    _steps_sorted: dict[str, list[Step]] = field(default_factory=dict)
    _stats: Stats | None = None
    #: Per relation, each document's (published, valid_from, valid_to), dated first by date:
    #: what decides whether it holds as of a day (:meth:`_rel_holds`), built on first use;
    #: a relation whose documents give no validity is kept as counted (:data:`_Counted`).
    _rel_life: dict[RelKey, tuple[_Told, ...] | _Counted] = field(default_factory=dict)
    #: Per agreement whose answer as of a day is a count of its documents (:meth:`_counted`):
    #: its :data:`_Counted`; None for one the whole rule decides. Built on first use.
    _agr_life: dict[str, _Counted | None] = field(default_factory=dict)
    #: Beside a hub's sorted steps, each step's fact as counted (:meth:`_step_counts`):
    #: built on first use (or by :meth:`count_hubs`), dropped when its facts change.
    _counts_sorted: dict[str, list[_Counted | None]] = field(default_factory=dict)
    #: The links as numpy columns for analytics (:meth:`link_columns`): built on first use
    #: after a write, or given by the store from the columns file it saved with the snapshot.
    _links: LinkColumns | None = None

    # -- identity ---------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """Digest of the set of loaded ``(document id, delta digest)`` pairs: equal graphs,
        equal versions; any change to the set changes it."""
        return str(self._version)

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
            relations=tuple(r.key for r in delta.relations),
            agreements=tuple(a.id for a in delta.agreements),
            goals=tuple(g.id for g in delta.goals),
        )
        if doc.source is not None:
            self.by_source[doc.source] = doc.id
        self._version.add(doc.id, digest)
        for e in delta.entities:
            parts = self.ent_parts.setdefault(e.id, {})
            merged = self.ent.get(e.id)
            if merged is not None and e == merged:
                parts[doc.id] = merged  # the same description again: share it; the merge cannot change
                continue
            parts[doc.id] = e
            self._merge_entity(e.id)
        for r in delta.relations:
            k = r.key
            self.rel_parts.setdefault(k, {})[doc.id] = r
            self._merge_relation(k)
            self.adj.setdefault(r.source, set()).add(k)
            self.adj.setdefault(r.target, set()).add(k)
            for end in (r.source, r.target):
                self._adj_sorted.pop(end, None)
                self._forget_steps(end)
            self._rel_sorted = None
        for a in delta.agreements:
            self.agr_parts.setdefault(a.id, {})[doc.id] = a
            before = self.agr.get(a.id)
            self._merge_agreement(a.id)
            for p in a.parties:
                self.party_agr.setdefault(p, set()).add(a.id)
            for p in {*a.parties, *(before.parties if before else ()), *self.agr[a.id].parties}:
                self._forget_steps(p)
        for g in delta.goals:
            self.goal_parts.setdefault(g.id, {})[doc.id] = g
            self._merge_goal(g.id)
        self._entity_sorted = self._keys_sorted = None
        self._stats = None
        self._links = None

    def remove(self, doc_id: str) -> None:
        """Forget one document's contribution; facts it alone supported disappear."""
        d = self.docs.pop(doc_id, None)
        if d is None:
            raise NotFound("document", doc_id)
        if d.info.source is not None and self.by_source.get(d.info.source) == doc_id:
            del self.by_source[d.info.source]
        self._version.remove(doc_id, d.digest)
        for k in d.relations:
            parts = self.rel_parts[k]
            del parts[doc_id]
            if parts:
                self._merge_relation(k)
            else:
                del self.rel_parts[k], self.rel[k]
                self._rel_life.pop(k, None)
                self._rel_sorted = None
                for end in (k[0], k[2]):
                    self._adj_sorted.pop(end, None)
                    self._forget_steps(end)
                    keys = self.adj.get(end)
                    if keys is not None:
                        keys.discard(k)
                        if not keys:
                            del self.adj[end]
        for aid in d.agreements:
            aparts = self.agr_parts[aid]
            old = self.agr[aid]
            removed = aparts.pop(doc_id)
            for p in removed.parties:
                self._counts_sorted.pop(p, None)
            for p in {*old.parties, *removed.parties}:
                self._forget_steps(p)
            # the party index holds every part's parties (:meth:`derive`): a party only the
            # removed part named leaves it (curated data may give one id other parties)
            still = {p for part in aparts.values() for p in part.parties}
            for p in {*old.parties, *removed.parties} - still:
                _discard(self.party_agr, p, aid)
            if aparts:
                self._merge_agreement(aid)
                for p in self.agr[aid].parties:
                    self._forget_steps(p)
            else:
                del self.agr_parts[aid], self.agr[aid]
                self._agr_life.pop(aid, None)
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
        self._entity_sorted = self._keys_sorted = None
        self._stats = None
        self._links = None

    def derive(self) -> None:
        """Recompute every lookup derived from the facts (names, adjacency, the party and
        owner indexes, the version) after the facts were filled in directly (a snapshot)."""
        self.ent_names, self.names = {}, {}
        for e in self.ent.values():
            self._name(e)
        self.adj = {}
        for k in self.rel:
            self.adj.setdefault(k[0], set()).add(k)
            self.adj.setdefault(k[2], set()).add(k)
        self.party_agr = {}
        for aid, parts in self.agr_parts.items():
            for a in parts.values():
                for p in a.parties:
                    self.party_agr.setdefault(p, set()).add(aid)
        self.owner_goals = {}
        for gid, g in self.goal.items():
            if g.owner is not None:
                self.owner_goals.setdefault(g.owner, set()).add(gid)
        self._version = Version.of((doc_id, d.digest) for doc_id, d in self.docs.items())
        self._entity_sorted = self._keys_sorted = self._rel_sorted = self._stats = self._links = None
        self._adj_sorted, self._steps_sorted, self._counts_sorted = {}, {}, {}
        self._rel_life, self._agr_life = {}, {}

    def clear(self) -> None:
        fresh = GraphIndex()
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(fresh, name))

    # -- merging ----------------------------------------------------------------------------
    def _merge_entity(self, eid: str) -> None:
        merged = merge_entity(self.ent_parts[eid])
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

    def _forget_steps(self, node: str) -> None:
        """Drop what is kept of ``node``'s steps (its steps changed)."""
        self._steps_sorted.pop(node, None)
        self._counts_sorted.pop(node, None)

    def _merge_relation(self, k: RelKey) -> None:
        self.rel[k] = merge_relation(self.rel_parts[k])
        self._rel_life.pop(k, None)
        self._counts_sorted.pop(k[0], None)
        self._counts_sorted.pop(k[2], None)

    def _counted(self, docs: Iterable[str]) -> _Counted:
        """How many of ``docs`` there are, and the dates of the dated ones, sorted (the date
        alone for one dated document)."""
        docs = list(docs)
        if len(docs) == 1 and (on := self._published(docs[0])) is not None:
            return on
        return len(docs), tuple(sorted(on for d in docs if (on := self._published(d)) is not None))

    @staticmethod
    def _known_count(counted: _Counted, day: dt.date | None) -> int:
        """How many of a counted fact's documents are published by ``day`` (all when None)."""
        if counted.__class__ is dt.date:
            return 1 if day is None or counted <= day else 0
        total, dates = counted  # type: ignore[misc]
        return total if day is None else bisect_right(dates, day)

    @classmethod
    def _count_holds(cls, counted: _Counted, day: dt.date | None, need: int) -> bool:
        """The rule of ``asOf`` and ``minSupport`` for a fact that holds whenever documents
        support it: at least ``need`` (and one) of its documents published by ``day`` (every
        one when no day)."""
        return cls._known_count(counted, day) >= need

    def _rel_counted(self, k: RelKey) -> _Counted | None:
        """Relation ``k``'s :data:`_Counted` when its documents give no validity, so that it
        holds as of a day whenever enough of them are published by then; None otherwise."""
        life = self._rel_life.get(k)
        if life is None:
            parts = self.rel_parts.get(k)
            if parts is None:
                return None
            if all(p.valid_from is None and p.valid_to is None for p in parts.values()):
                life = self._rel_life[k] = self._counted(parts)
            else:
                told = [(self._published(d), p.valid_from, p.valid_to) for d, p in parts.items()]
                life = self._rel_life[k] = tuple(
                    sorted(told, key=lambda t: (t[0] is None, t[0] or dt.date.min))
                )
        if life.__class__ is dt.date or isinstance(life[0], int):  # type: ignore[index]
            return life  # type: ignore[return-value]
        return None

    def _rel_holds(self, k: RelKey, asked: AsOf) -> bool:
        """Whether relation ``k`` holds as ``asked``: the rule of
        :func:`qkg.graph.merge.relation_view` (documents published by the day, at least
        ``min_support`` of them, their validity containing the day), without merging it; a
        count for a relation whose documents give no validity (:meth:`_rel_counted`)."""
        counted = self._rel_counted(k)
        if counted is not None:
            return self._count_holds(counted, asked.day, asked.min_support or 1)
        if k not in self._rel_life:
            return False
        told: tuple[_Told, ...] = self._rel_life[k]  # type: ignore[assignment]
        day = asked.day
        known = told if day is None else [t for t in told if t[0] is not None and t[0] <= day]
        if not known or (asked.min_support is not None and len(known) < asked.min_support):
            return False
        if day is None:
            return True
        return valid_on(
            [t[1] for t in known if t[1] is not None], [t[2] for t in known if t[2] is not None], day
        )

    def _agr_counted(self, aid: str) -> _Counted | None:
        """An agreement's :data:`_Counted` when it holds, with the same parties, whenever
        documents support it: its parts name the same parties and tell no life (no event, no
        end, not ENDED), so that :func:`qkg.graph.merge.agreement_view` of any of them is in
        force with those parties; None otherwise (and for an unknown agreement)."""
        if aid in self._agr_life:
            return self._agr_life[aid]
        parts = self.agr_parts.get(aid)
        found = None
        if parts is not None:
            first = next(iter(parts.values()))
            if all(
                p.parties == first.parties
                and not p.events
                and p.ends is None
                and p.status is not AgreementStatus.ENDED
                for p in parts.values()
            ):
                found = self._counted(parts)
            self._agr_life[aid] = found
        return found

    def _merge_agreement(self, aid: str) -> None:
        parts = self.agr_parts[aid]
        self.agr[aid] = merge_agreement(parts)
        self._agr_life.pop(aid, None)
        for p in {p for part in parts.values() for p in part.parties}:
            self._counts_sorted.pop(p, None)

    def _merge_goal(self, gid: str) -> None:
        old = self.goal.get(gid)
        if old is not None and old.owner is not None:
            _discard(self.owner_goals, old.owner, gid)
        merged = self.goal[gid] = merge_goal(self.goal_parts[gid])
        if merged.owner is not None:
            self.owner_goals.setdefault(merged.owner, set()).add(gid)

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
        return sorted((self.ent[i] for i in ids), key=entity_order)

    def _sorted_entities(self) -> list[Entity]:
        if self._entity_sorted is None:
            self._entity_sorted = sorted(self.ent.values(), key=entity_order)
        return self._entity_sorted

    def _prefixed(self, prefix: str) -> list[Entity]:
        """The entities with a name key starting with ``prefix``, in entity order (a range of
        the sorted keys: a look-up by a name's first words costs no pass over every actor)."""
        if self._keys_sorted is None:
            self._keys_sorted = sorted(self.names)
        keys = self._keys_sorted
        ids: set[str] = set()
        for i in range(bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                break
            ids |= self.names[keys[i]]
        return sorted((self.ent[i] for i in ids), key=entity_order)

    def _entity_matches(self, f: EntityFilter | None) -> Iterator[Entity]:
        if f is None:
            yield from self._sorted_entities()
            return
        tech: set[str] | None = None
        if f.technology is not None:
            tech = {
                k[0] for k in self.adj.get(f.technology, ()) if k[2] == f.technology and k[1] in _TECH_TYPES
            }
        prefix = None if f.name_prefix is None else normalise_name(f.name_prefix)
        contains = None if f.name_contains is None else normalise_name(f.name_contains)
        for e in self._sorted_entities() if prefix is None else self._prefixed(prefix):
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

    def _rel_matches(
        self, k: RelKey, entity_id: str | None, f: RelationFilter, parts: Iterable[str] | None = None
    ) -> bool:
        """Whether relation ``k`` passes ``f`` (but ``as_of`` and ``min_support``), its documents
        being ``parts`` (all of its parts' when None)."""
        s, ty, t = k
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
        docs = self.rel_parts[k] if parts is None else parts
        if f.document_id is not None and f.document_id not in docs:
            return False
        if f.since is not None or f.until is not None:
            return any(in_window(self._published(d), f.since, f.until) for d in docs)
        return True

    def relation_view(self, k: RelKey, as_of: dt.date | None, min_support: int | None) -> Relation | None:
        """Relation ``k`` as the documents published by ``as_of`` give it, if in force then
        and supported by ``min_support`` of them (:func:`qkg.graph.merge.relation_view`)."""
        parts = self.rel_parts.get(k)
        if parts is None:
            return None
        if as_of is None and (min_support is None or len(parts) >= min_support):
            return self.rel[k]
        counted = self._rel_counted(k)
        if counted is not None:  # in force whenever enough documents say it: no merge needed
            known = self._known_count(counted, as_of)
            if known < (min_support or 1):
                return None
            if known == len(parts):
                return self.rel[k]
        return relation_view(parts, self._published, AsOf(as_of, min_support))

    def steps_as_of(
        self, nodes: Sequence[str], types: frozenset[RelationType] | None, asked: AsOf
    ) -> dict[str, list[Step]]:
        """:meth:`steps` that hold as ``asked`` (the rule of :func:`qkg.graph.reading.timed_steps`),
        decided from the parts without merging a fact. A walk's frontier costs a check per
        step: a count of dates for a fact whose documents give no validity or life (a hub's
        counts are kept beside its steps: :meth:`_step_counts`), the whole rule otherwise."""
        day, need = asked.day, asked.min_support or 1
        rels: dict[RelKey, bool] = {}
        #: per agreement, its parties as asked, or None when it does not hold
        ags: dict[str, tuple[str, ...] | None] = {}

        def whole_rule(n: str, s: Step) -> bool:
            v, rtype, aid, rev = s
            if aid is None:
                k = step_relation_key(n, rtype, v, rev)
                ok = rels.get(k)
                if ok is None:
                    ok = rels[k] = self._rel_holds(k, asked)
                return ok
            if aid not in ags:
                parts = self.agr_parts.get(aid)
                a = None if parts is None else agreement_view(parts, self._published, asked)
                ags[aid] = None if a is None else a.parties
            held = ags[aid]
            return held is not None and n in held and v in held

        count_holds = self._count_holds
        out: dict[str, list[Step]] = {}
        for n in nodes:
            every = self._every_step(n)
            kept = []
            for s, counted in zip(every, self._step_counts(n, every), strict=True):
                if types is not None and s[1] not in types:
                    continue
                if counted.__class__ is dt.date:  # one dated document: the common case, inline
                    if need <= 1 and (day is None or counted <= day):
                        kept.append(s)
                elif counted is None:
                    if whole_rule(n, s):
                        kept.append(s)
                elif count_holds(counted, day, need):
                    kept.append(s)
            out[n] = kept
        return out

    def _step_counts(self, n: str, every: list[Step]) -> list[_Counted | None]:
        """Beside each of ``n``'s steps, its fact's :data:`_Counted` (None for one the whole
        rule decides: :meth:`_rel_counted`, :meth:`_agr_counted`); kept for hubs until
        their facts change. An agreement counted names the same parties in every part, the ones its
        steps come from."""
        found = self._counts_sorted.get(n)
        if found is not None:
            return found
        found = [
            self._rel_counted(step_relation_key(n, rtype, v, rev)) if aid is None else self._agr_counted(aid)
            for v, rtype, aid, rev in every
        ]
        if len(every) > _HUB_STEPS:
            self._counts_sorted[n] = found
        return found

    def _timed_relations(
        self, keys: Iterable[RelKey], entity_id: str | None, f: RelationFilter
    ) -> Iterator[Relation]:
        for k in keys:
            r = self.relation_view(k, f.as_of, f.min_support)
            if r is not None and self._rel_matches(k, entity_id, f, {e.document_id for e in r.evidence}):
                yield r

    def relations(
        self, entity_id: str | None, f: RelationFilter | None, limit: int | None, offset: int
    ) -> list[Relation]:
        if entity_id is not None and entity_id not in self.ent:
            raise NotFound("entity", entity_id)
        keys = self._sorted_keys(entity_id)
        if f is not None and f.timed:
            return _page(self._timed_relations(keys, entity_id, f), limit, offset)
        if f is not None:
            keys = [k for k in keys if self._rel_matches(k, entity_id, f)]
        return _page((self.rel[k] for k in keys), limit, offset)

    def _sorted_keys(self, entity_id: str | None) -> list[RelKey]:
        """Relation keys in answer order, cached for the whole graph and for hubs."""
        if entity_id is None:
            if self._rel_sorted is None:
                self._rel_sorted = sorted(self.rel)
            return self._rel_sorted
        cached = self._adj_sorted.get(entity_id)
        if cached is not None:
            return cached
        keys = sorted(self.adj.get(entity_id, ()))
        if len(keys) > 64:
            self._adj_sorted[entity_id] = keys
        return keys

    def relations_of(self, ids: Sequence[str], f: RelationFilter | None) -> dict[str, list[Relation]]:
        return {i: self.relations(i, f, None, 0) for i in dict.fromkeys(ids) if i in self.ent}

    def relations_by_key(self, keys: Iterable[RelKey], asked: AsOf | None = None) -> dict[RelKey, Relation]:
        if asked is not None:
            return {
                k: r for k in keys if (r := self.relation_view(k, asked.day, asked.min_support)) is not None
            }
        return {k: r for k in keys if (r := self.rel.get(k)) is not None}

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
        as_of: dt.date | None = None,
    ) -> list[Agreement]:
        ids: Iterable[str] = self.agr if party is None else self.party_agr.get(party, ())
        asked = None if as_of is None else AsOf(as_of)
        out = []
        for i in ids:
            docs: Mapping[str, Agreement] = self.agr_parts[i]
            found: Agreement | None = self.agr[i]
            if asked is not None:  # as the documents published by then give it, party included
                docs = asked.known(docs, self._published)
                found = agreement_view(docs, self._published, asked)
                if party is not None and not any(party in p.parties for p in docs.values()):
                    continue
            if (
                found is not None
                and (kind is None or found.kind == kind)
                and date_prefix_match(found.date, since, until)
                and (document_id is None or document_id in docs)
            ):
                out.append(found)
        return sorted(out, key=agreement_order)

    def agreements_by_id(self, ids: Sequence[str], asked: AsOf | None = None) -> dict[str, Agreement]:
        if asked is not None:
            return {i: a for i in ids if (a := self._agreement_view(i, asked)) is not None}
        return {i: a for i in ids if (a := self.agr.get(i)) is not None}

    def _agreement_view(self, aid: str, asked: AsOf) -> Agreement | None:
        """:func:`qkg.graph.merge.agreement_view` of agreement ``aid``; a counted one
        (:meth:`_agr_counted`) whose every document is published by the day is its merge."""
        parts = self.agr_parts.get(aid)
        if parts is None:
            return None
        counted = self._agr_counted(aid)
        if counted is not None:
            known = self._known_count(counted, asked.day)
            if known < (asked.min_support or 1):
                return None
            if known == len(parts):
                return self.agr[aid]
        return agreement_view(parts, self._published, asked)

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        return {
            p: sorted((self.agr[i] for i in self.party_agr.get(p, ())), key=agreement_order)
            for p in dict.fromkeys(party_ids)
            if p in self.ent
        }

    def goals(self, owner: str | None) -> list[Goal]:
        ids: Iterable[str] = self.goal if owner is None else self.owner_goals.get(owner, ())
        return sorted((self.goal[i] for i in ids), key=goal_order)

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
    def links(
        self, types: Iterable[RelationType] | None, since: dt.date | None, until: dt.date | None
    ) -> list[Link]:
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        return merged_links(self.rel.values(), self.agr.values(), self._published, wanted, since, until)

    def link_columns(self) -> LinkColumns:
        """Every link of :meth:`links` without a window as numpy columns, with each link's
        evidence by document and publication day (:mod:`qkg.graph.embedded.columns`): built in
        one pass over the merged relations and agreements on the first call after a write."""
        if self._links is None:
            from .columns import build

            self._links = build(
                self.rel.values(), self.agr.values(), self._published, self.rel_parts.__getitem__
            )
        return self._links

    def edge_arrays(
        self,
        types: Iterable[RelationType] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        asked: AsOf | None = None,
        columns: LinkColumns | None = None,
    ) -> EdgeArrays:
        """The links of :meth:`links` (or, with ``asked``, of
        :func:`qkg.graph.reading.links_as_of`) of ``types`` (all if None) inside the window,
        as columns over the sorted id table of :meth:`link_columns` (or ``columns``, the same
        read from a file), without a :class:`Link` object per relation; self-links are left
        out. In no particular order. As of a date or with a minimum support, the co-party
        links are those of the agreements as the known documents give them (a pass over the
        agreements: their parties depend on which documents are known)."""
        cols = self.link_columns() if columns is None else columns
        found = cols.select(types, since, until, asked)
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        if asked is None or (wanted is not None and _PARTY not in wanted):
            return found
        import numpy as np

        views = [
            a
            for parts in self.agr_parts.values()
            if (a := agreement_view(parts, self._published, asked)) is not None
        ]
        party = merged_links((), views, self._published, frozenset({_PARTY}), since, until)
        party = [link for link in party if link.source != link.target]
        ids = found.ids
        position = {n: i for i, n in enumerate(ids)}
        extra = [n for link in party for n in (link.source, link.target) if n not in position]
        if extra:  # a party only an earlier document named: not in the table (kept sorted)
            ids = sorted({*ids, *extra})
            position = {n: i for i, n in enumerate(ids)}
            rank = np.asarray([position[n] for n in found.ids], dtype=np.int32)
            found = found._replace(ids=ids, source=rank[found.source], target=rank[found.target])
        count = len(party)
        return EdgeArrays(
            ids,
            np.concatenate([found.source, np.fromiter((position[x.source] for x in party), np.int32, count)]),
            np.concatenate([found.target, np.fromiter((position[x.target] for x in party), np.int32, count)]),
            np.concatenate([found.weight, np.fromiter((x.weight for x in party), np.float64, count)]),
            np.concatenate([found.both_ways, np.ones(count, dtype=bool)]),
        )

    def steps(self, nodes: Sequence[str], types: frozenset[RelationType] | None) -> dict[str, list[Step]]:
        """Neighbour expansion (see :meth:`qkg.graph.store.GraphStore.steps`). Hubs' sorted
        steps are cached (see :meth:`warm`); a write drops the cache of the nodes it touches."""
        out: dict[str, list[Step]] = {}
        for n in nodes:
            every = self._every_step(n)
            out[n] = list(every) if types is None else [s for s in every if s[1] in types]
        return out

    def _every_step(self, n: str) -> list[Step]:
        """Every step of ``n``, sorted (kept for hubs)."""
        every = self._steps_sorted.get(n)
        if every is None:
            every = self._all_steps(n)
            if len(every) > _HUB_STEPS:
                self._steps_sorted[n] = every
        return every

    def warm(self) -> None:
        """Sort every hub's steps now, at open, so that they are built once and frozen with the
        rest of the loaded graph (``qkg serve`` calls ``gc.freeze`` after opening) rather than built on a request and walked by
        every full garbage collection after it."""
        for n, keys in self.adj.items():
            if n not in self._steps_sorted:
                parties = sum(len(self.agr[a].parties) - 1 for a in self.party_agr.get(n, ()))
                if len(keys) + parties > _HUB_STEPS:
                    self._steps_sorted[n] = self._all_steps(n)

    def count_hubs(self) -> None:
        """Count the documents of every hub's facts now (what ``asOf`` and ``minSupport``
        walks read beside its steps: :meth:`_step_counts`), for the reason of :meth:`warm`:
        a server does it before it takes requests, a one-off command never needs it."""
        for n, steps in self._steps_sorted.items():
            self._step_counts(n, steps)

    def _all_steps(self, n: str) -> list[Step]:
        steps: list[Step] = []
        for s, ty, t in self.adj.get(n, ()):
            rtype = _RTYPE[ty]
            if s == n:
                steps.append((t, rtype, None, False))
            else:
                steps.append((s, rtype, None, rtype not in SYMMETRIC_TYPES))
        for aid in self.party_agr.get(n, ()):
            steps.extend((p, _PARTY, aid, False) for p in self.agr[aid].parties if p != n)
        steps.sort(key=step_order)
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
        for r in self.rel.values():
            rel_by_type[r.type.value] = rel_by_type.get(r.type.value, 0) + 1
            evidence += len(r.evidence)
        evidence += sum(len(a.evidence) for a in self.agr.values())
        evidence += sum(len(g.evidence) for g in self.goal.values())
        return Stats(
            documents=len(self.docs),
            entities=len(self.ent),
            relations=len(self.rel),
            agreements=len(self.agr),
            goals=len(self.goal),
            evidence=evidence,
            entities_by_type=dict(sorted(by_type.items())),
            relations_by_type=dict(sorted(rel_by_type.items())),
        )


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
