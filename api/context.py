"""The per-request GraphQL context and its batching loader.

Why not async DataLoaders: on the embedded store a store call is an in-process lookup, and
async DataLoaders cost about 2.5x in field execution (PERF-NOTES.md). The :class:`Loader`
batches synchronously instead. graphql-core resolves a list depth first, item by item, so
batching works by *registering ahead*: when a batch of relations (or agreements, or
collaborators) is loaded for every actor at one level of the query, every entity and
document those results refer to is registered as wanted, and the first miss at the next
level fetches all of them in one call. Relations and agreements are fetched per
:class:`Group`: the actors that appear at the same place in the answer (the items of one
list, or every counterpart of one batch of relations), so a query for 50 actors with their
relations, counterparts and evidence makes one store call per level, whatever the 50.
"""

from __future__ import annotations

import datetime as dt
import hmac
import math
import time
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from strawberry.fastapi import BaseContext

from qkg.graph.store import LinkReader
from qkg.schemas import (
    Agreement,
    DocumentInfo,
    Entity,
    Goal,
    LimitExceeded,
    Relation,
    RelationFilter,
)

from .state import StoreCaches

if TYPE_CHECKING:
    from qkg.graph.merge import AsOf
    from qkg.graph.store import GraphReader, GraphStore, RelKey, Step
    from qkg.schemas import RelationType

    from .settings import Settings
    from .telemetry import Telemetry

__all__ = ["Context", "Group", "Loader", "WalkBudget", "check_api_key"]

_K = TypeVar("_K")
_V = TypeVar("_V")


@dataclass(eq=False)
class Group:
    """Actors that appear at one place of an answer; relation-like fields load for all of
    them at once. ``children`` memoises the group of what a field of these actors returns."""

    ids: list[str] = field(default_factory=list)
    children: dict[Hashable, Group] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    def add(self, ids: Iterable[str]) -> None:
        for i in ids:
            if i not in self._seen:
                self._seen.add(i)
                self.ids.append(i)

    def child(self, key: Hashable, fill: Callable[[], Iterable[str]] | None = None) -> Group:
        """The group of what field ``key`` returns for these actors; ``fill`` lists its ids
        (called once, after the field's batch has loaded for the whole group)."""
        if key not in self.children:
            g = Group()
            if fill is not None:
                g.add(fill())
            self.children[key] = g
        return self.children[key]

    @classmethod
    def of(cls, ids: Iterable[str]) -> Group:
        g = cls()
        g.add(ids)
        return g


class Loader:
    """Request-scoped caches over one store, filled in batches (see the module docstring)."""

    def __init__(self, store: GraphReader) -> None:
        self.store = store
        self._entities: dict[str, Entity | None] = {}
        self._wanted_entities: dict[str, None] = {}
        self._documents: dict[str, DocumentInfo | None] = {}
        self._wanted_documents: dict[str, None] = {}
        self._relations: dict[tuple[RelationFilter | None, str], list[Relation]] = {}
        self._agreements: dict[str, list[Agreement]] = {}
        self._goals: dict[str, list[Goal]] = {}
        self._all_goals: dict[str | None, list[Goal]] | None = None
        self._steps: dict[tuple[tuple[RelationType, ...] | None, AsOf | None, str], list[Step]] = {}
        self._by_key: dict[AsOf | None, dict[RelKey, Relation | None]] = {}
        self._by_id: dict[AsOf | None, dict[str, Agreement | None]] = {}
        #: Per-request results of composite fields (collaborators), keyed by the field's arguments.
        self.memo: dict[Hashable, Any] = {}
        #: Readers asked for an entity or a document the store no longer holds: the views of
        #: the past a ``knownAt`` field of the request answered from.
        self.fallbacks: list[GraphReader] = []

    # -- entities and documents: one global wanted-set each
    def prime(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            self._entities[e.id] = e

    def want_entities(self, ids: Iterable[str]) -> None:
        for i in ids:
            if i not in self._entities:
                self._wanted_entities[i] = None

    def want_documents(self, ids: Iterable[str]) -> None:
        for i in ids:
            if i not in self._documents:
                self._wanted_documents[i] = None

    def entity(self, entity_id: str) -> Entity | None:
        if entity_id not in self._entities:
            self.want_entities([entity_id])
            wanted = list(self._wanted_entities)
            self._wanted_entities.clear()
            found = self.store.entities_by_id(wanted)
            for past in self.fallbacks:
                if missing := [i for i in wanted if i not in found]:
                    found.update(past.entities_by_id(missing))
            for i in wanted:
                self._entities[i] = found.get(i)
        return self._entities[entity_id]

    def entities(self, ids: Sequence[str]) -> list[Entity]:
        self.want_entities(ids)
        return [e for i in ids if (e := self.entity(i)) is not None]

    def document(self, document_id: str) -> DocumentInfo | None:
        if document_id not in self._documents:
            self.want_documents([document_id])
            wanted = list(self._wanted_documents)
            self._wanted_documents.clear()
            found = self.store.documents_by_id(wanted)
            for past in self.fallbacks:
                if missing := [i for i in wanted if i not in found]:
                    found.update(past.documents_by_id(missing))
            for i in wanted:
                self._documents[i] = found.get(i)
        return self._documents[document_id]

    def prime_documents(self, infos: Iterable[DocumentInfo]) -> None:
        for d in infos:
            self._documents[d.id] = d

    # -- relations and agreements: one call per group
    def relations(self, group: Group, entity_id: str, flt: RelationFilter | None) -> list[Relation]:
        """Relations of ``entity_id``, loaded with the whole group's; their counterparts and
        evidence documents are registered as wanted for the next level's batch."""
        key = (flt, entity_id)
        if key not in self._relations:
            missing = [i for i in dict.fromkeys([*group.ids, entity_id]) if (flt, i) not in self._relations]
            found = self.store.relations_of(missing, flt)
            for i in missing:
                rels = found.get(i, [])
                self._relations[(flt, i)] = rels
                self.want_entities(r.target if r.source == i else r.source for r in rels)
                self.want_documents(ev.document_id for r in rels for ev in r.evidence)
        return self._relations[key]

    def agreements(self, group: Group, entity_id: str) -> list[Agreement]:
        if entity_id not in self._agreements:
            missing = [i for i in dict.fromkeys([*group.ids, entity_id]) if i not in self._agreements]
            found = self.store.agreements_of(missing)
            for i in missing:
                ags = found.get(i, [])
                self._agreements[i] = ags
                self.prime_agreements(ags)
        return self._agreements[entity_id]

    def agreements_as_of(self, group: Group, entity_id: str, day: dt.date | None) -> list[Agreement]:
        """Agreements of ``entity_id`` in force on ``day``, each as the documents published by
        then give it (:func:`qkg.graph.merge.agreement_view`), oldest first; every one as
        stored when ``day`` is None. The whole group's views load in one keyed call."""
        ags = self.agreements(group, entity_id)
        if day is None:
            return ags
        from qkg.graph.merge import AsOf, agreement_order

        asked = AsOf(day)
        if ("agreements-as-of", asked, entity_id) not in self.memo:
            ids = [a.id for i in dict.fromkeys([*group.ids, entity_id]) for a in self.agreements(group, i)]
            views = self.agreements_by_id(ids, asked)
            self.prime_agreements(views.values())
            for i in dict.fromkeys([*group.ids, entity_id]):
                self.memo[("agreements-as-of", asked, i)] = sorted(
                    (views[a.id] for a in self.agreements(group, i) if a.id in views), key=agreement_order
                )
        result: list[Agreement] = self.memo[("agreements-as-of", asked, entity_id)]
        return result

    def prime_agreements(self, agreements: Iterable[Agreement]) -> None:
        """Register what already-loaded agreements refer to, for the next level's batch."""
        for a in agreements:
            self.want_entities((*a.parties, *([a.place] if a.place else [])))
            self.want_documents(ev.document_id for ev in a.evidence)

    def prime_relations(self, relations: Iterable[Relation]) -> None:
        for r in relations:
            self.want_entities((r.source, r.target))
            self.want_documents(ev.document_id for ev in r.evidence)

    # -- light traversal and keyed lookups: one call per batch asked
    def steps(
        self, ids: Sequence[str], types: tuple[RelationType, ...] | None, asked: AsOf | None = None
    ) -> dict[str, list[Step]]:
        """Steps (see :meth:`GraphStore.steps`) leaving each of ``ids``, fetching the uncached
        ones in one call: a walk's frontier costs one store call per level. ``asked``: only
        the steps that hold as of its day, with its support (:meth:`GraphStore.steps_as_of`)."""
        missing = [i for i in dict.fromkeys(ids) if (types, asked, i) not in self._steps]
        if missing:
            found = (
                self.store.steps(missing, types)
                if asked is None
                else self.store.steps_as_of(missing, types, asked)
            )
            for i in missing:
                self._steps[(types, asked, i)] = found.get(i, [])
        return {i: self._steps[(types, asked, i)] for i in ids}

    def steps_within(
        self, ids: Sequence[str], hops: int, types: tuple[RelationType, ...] | None, asked: AsOf | None = None
    ) -> None:
        """Cache the steps of ``ids`` and of every actor within ``hops`` hops of them in one
        store call (:meth:`GraphStore.steps_within`), so a walk to depth ``hops + 1`` then
        reads every level from here."""
        missing = [i for i in dict.fromkeys(ids) if (types, asked, i) not in self._steps]
        if missing:
            for i, found in self.store.steps_within(missing, hops, types, asked=asked).items():
                self._steps.setdefault((types, asked, i), found)

    def relations_by_key(self, keys: Iterable[RelKey], asked: AsOf | None = None) -> dict[RelKey, Relation]:
        """The relations with these keys (as ``asked`` when given), the uncached in one call;
        on a store that reads both at once (:class:`~qkg.graph.store.LinkReader`), with the
        actors wanted so far (a path's hops and the actors on it: one round trip)."""
        store = self.store
        if asked is None and self._wanted_entities and not self.fallbacks and isinstance(store, LinkReader):

            def fetch(ks: list[RelKey]) -> dict[RelKey, Relation]:
                wanted = list(self._wanted_entities)
                self._wanted_entities.clear()
                rels, ents = store.relations_and_entities(ks, wanted)
                for i in wanted:
                    self._entities[i] = ents.get(i)
                return rels

            return _keyed(self._by_key.setdefault(None, {}), keys, fetch)
        return _keyed(
            self._by_key.setdefault(asked, {}), keys, lambda ks: self.store.relations_by_key(ks, asked=asked)
        )

    def prime_keyed(
        self,
        relations: Mapping[RelKey, Relation],
        agreements: Mapping[str, Agreement],
        asked: AsOf | None = None,
    ) -> None:
        """Keep relations and agreements a store returned with another answer (its own
        collaborator walk; as ``asked`` when given) for :meth:`relations_by_key` and
        :meth:`agreements_by_id`."""
        self._by_key.setdefault(asked, {}).update(relations)
        self._by_id.setdefault(asked, {}).update(agreements)

    def agreements_by_id(self, ids: Iterable[str], asked: AsOf | None = None) -> dict[str, Agreement]:
        """The agreements with these ids (as ``asked`` when given), the uncached in one call."""
        return _keyed(
            self._by_id.setdefault(asked, {}), ids, lambda ks: self.store.agreements_by_id(ks, asked=asked)
        )

    def goals(self, group: Group, owner: str) -> list[Goal]:
        """Goals of one owner. A lone actor asks the store for its own goals; an actor with
        siblings loads every goal once (goals are few next to entities), indexed by owner."""
        if self._all_goals is None and owner not in self._goals:
            if len(group.ids) <= 1:
                self._goals[owner] = self.store.goals(owner=owner)
            else:
                by_owner: dict[str | None, list[Goal]] = {}
                for g in self.store.goals():
                    by_owner.setdefault(g.owner, []).append(g)
                self._all_goals = by_owner
        goals = self._all_goals.get(owner, []) if self._all_goals is not None else self._goals[owner]
        self.want_documents(ev.document_id for g in goals for ev in g.evidence)
        return goals


def _keyed(
    cache: dict[_K, _V | None], keys: Iterable[_K], fetch: Callable[[list[_K]], dict[_K, _V]]
) -> dict[_K, _V]:
    """``keys`` looked up through ``cache``, the uncached ones fetched in one call; absent
    keys are remembered as absent and omitted from the answer."""
    asked = list(dict.fromkeys(keys))
    missing = [k for k in asked if k not in cache]
    if missing:
        found = fetch(missing)
        for k in missing:
            cache[k] = found.get(k)
    return {k: v for k in asked if (v := cache[k]) is not None}


def check_api_key(presented: str | None, keys: Sequence[str]) -> bool:
    """Whether ``presented`` equals one of ``keys``, compared in constant time.

    Every key is compared (no early exit), so timing says nothing about which one matched.
    """
    if presented is None:
        return False
    given = presented.encode()
    ok = False
    for key in keys:
        ok |= hmac.compare_digest(given, key.encode())
    return ok


class WalkBudget:
    """The actors one request's collaborator walks may still reach, all fields together: 15
    aliases of ``collaborators(depth: 3)`` share one budget (``QKG_MAX_WALK_NODES``), not one
    each. :class:`~qkg.api.context.Context` holds the request's."""

    __slots__ = ("left", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self.left = size

    def spend(self, n: int, depth: int) -> None:
        self.left -= n
        if self.left < 0:
            raise LimitExceeded(
                f"collaborators(depth: {depth}) reached more than {self.size} actors in this request "
                "(walk limit, QKG_MAX_WALK_NODES): lower the depth, narrow `via` or ask fewer fields"
            )


class Context(BaseContext):
    """What every resolver sees: the store and the app's caches of it, the settings, a fresh
    loader, the caller's rights, and the request's budgets (its deadline, the actors its
    collaborator walks may reach)."""

    def __init__(
        self,
        store: GraphStore,
        settings: Settings,
        *,
        authenticated: bool,
        telemetry: Telemetry | None = None,
        deadline: float = math.inf,
        caches: StoreCaches | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        #: What the app keeps about this store between requests (analytics results, the
        #: search's title index, analytics workers); without an app, this request's own.
        self.caches = caches if caches is not None else StoreCaches()
        self.settings = settings
        self.loader = Loader(store)
        self.authenticated = authenticated
        #: ``time.monotonic()`` past which the request is answered with a timeout error.
        self.deadline = deadline
        #: Actors the request's collaborator walks may still reach, all fields together
        #: (``QKG_MAX_WALK_NODES``).
        self.walk_budget = WalkBudget(settings.max_walk_nodes)
        #: The normalised document's key, set by the router for the parsed-document cache
        #: (``b""``: do not cache; None: not computed).
        self.document_key: bytes | None = None
        #: Metrics and tracer of the router (analytics timings, ingested documents), if any.
        self.telemetry = telemetry
        #: Set by mutation resolvers, so the answer is never cached.
        self.mutated = False
        #: Set when a mutation was refused for want of a valid key (the ``unauthorized`` outcome).
        self.denied = False
        #: Set by record-time fields (``changes``, ``knownAt``), so the answer is never cached:
        #: the graph version the cache is keyed by says what the graph holds, not its history.
        self.volatile = False
        #: The request's loaders over what the store held at a moment (``knownAt``).
        self._known: dict[dt.datetime, Loader] = {}

    def loader_at(self, known_at: dt.datetime | None) -> Loader:
        """The loader to answer a field with ``knownAt`` (the request's own without it); the
        answer is then never cached (:attr:`volatile`)."""
        if known_at is None:
            return self.loader
        self.volatile = True
        return self.known(known_at)

    def known(self, moment: dt.datetime) -> Loader:
        """A loader over what the store held at ``moment`` (one per moment per request); the
        request's own loader then finds there the actors and documents the store no longer
        holds (a retracted document's evidence)."""
        from qkg.graph.merge import record_time

        at = record_time(moment)
        if at not in self._known:
            view = self.store.known_at(at, max_documents=self.settings.max_known_at_documents)
            if view is self.store or view is getattr(
                self.store, "inner", None
            ):  # it holds now what it held then
                return self.loader
            self._known[at] = Loader(view)
            self.loader.fallbacks.append(view)
        return self._known[at]

    def check_deadline(self) -> None:
        """Raise LimitExceeded once the request is past its deadline (the client has had its
        timeout answer; this stops the worker thread's remaining fields)."""
        if time.monotonic() > self.deadline:
            raise LimitExceeded(
                f"the request took longer than the request time limit of "
                f"{self.settings.request_timeout:g} s (QKG_REQUEST_TIMEOUT)"
            )

    def release(self) -> None:
        """Drop the request's loaded data once the answer is complete. graphql-core's
        executor refers to itself (bound methods), so it and this context are freed only by
        a cyclic collection; without this, every answer's loaded graph would wait for one
        and lengthen the next full collection."""
        self.loader = Loader(self.store)
        self._known = {}
