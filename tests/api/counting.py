"""``CountingStore``: a ``GraphStore`` that implements the real Protocol around a real store
and counts each call, so tests see exactly what the API asks the store."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from qkg.graph.store import GraphStore, RelKey, Step
from qkg.schemas import (
    Agreement,
    Document,
    DocumentInfo,
    Entity,
    EntityFilter,
    Goal,
    KnowledgeGraph,
    Link,
    Path,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
    UpsertResult,
)

__all__ = ["CountingStore"]


class CountingStore:
    """A ``GraphStore`` that forwards to ``inner`` and counts every call by method name."""

    def __init__(self, inner: GraphStore) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()

    def _n(self, name: str) -> None:
        self.calls[name] += 1

    @property
    def kind(self) -> str:
        return self.inner.kind

    @property
    def version(self) -> str:
        return self.inner.version

    def close(self) -> None:
        self.inner.close()

    def health(self) -> Mapping[str, object]:
        return self.inner.health()

    def upsert(self, delta: KnowledgeGraph) -> UpsertResult:
        self._n("upsert")
        return self.inner.upsert(delta)

    def remove_document(self, document_id: str) -> None:
        self._n("remove_document")
        self.inner.remove_document(document_id)

    def clear(self) -> None:
        self.inner.clear()

    def entity(self, entity_id: str) -> Entity:
        self._n("entity")
        return self.inner.entity(entity_id)

    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        self._n("entities_by_id")
        return self.inner.entities_by_id(ids)

    def find_entities(self, name: str) -> list[Entity]:
        self._n("find_entities")
        return self.inner.find_entities(name)

    def entities(
        self, filter: EntityFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Entity]:
        self._n("entities")
        return self.inner.entities(filter, limit=limit, offset=offset)

    def count_entities(self, filter: EntityFilter | None = None) -> int:
        self._n("count_entities")
        return self.inner.count_entities(filter)

    def relations(
        self,
        entity_id: str | None = None,
        filter: RelationFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Relation]:
        self._n("relations")
        return self.inner.relations(entity_id, filter, limit=limit, offset=offset)

    def relations_of(
        self, entity_ids: Sequence[str], filter: RelationFilter | None = None
    ) -> dict[str, list[Relation]]:
        self._n("relations_of")
        return self.inner.relations_of(entity_ids, filter)

    def relations_by_key(self, keys: Iterable[RelKey]) -> dict[RelKey, Relation]:
        self._n("relations_by_key")
        return self.inner.relations_by_key(keys)

    def agreement(self, agreement_id: str) -> Agreement:
        self._n("agreement")
        return self.inner.agreement(agreement_id)

    def agreements(self, **kw: Any) -> list[Agreement]:
        self._n("agreements")
        return self.inner.agreements(**kw)

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        self._n("agreements_of")
        return self.inner.agreements_of(party_ids)

    def agreements_by_id(self, ids: Sequence[str]) -> dict[str, Agreement]:
        self._n("agreements_by_id")
        return self.inner.agreements_by_id(ids)

    def goals(self, owner: str | None = None) -> list[Goal]:
        self._n("goals")
        return self.inner.goals(owner)

    def documents(self) -> list[DocumentInfo]:
        self._n("documents")
        return self.inner.documents()

    def document(self, document_id: str) -> Document:
        self._n("document")
        return self.inner.document(document_id)

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]:
        self._n("documents_by_id")
        return self.inner.documents_by_id(ids)

    def delta(self, document_id: str) -> KnowledgeGraph:
        self._n("delta")
        return self.inner.delta(document_id)

    def deltas(self) -> Iterator[KnowledgeGraph]:
        self._n("deltas")
        return self.inner.deltas()

    def links(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Link]:
        self._n("links")
        return self.inner.links(types, since=since, until=until)

    def steps(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None = None
    ) -> dict[str, list[Step]]:
        self._n("steps")
        return self.inner.steps(nodes, types)

    def paths(self, source: str, target: str, **kw: Any) -> list[Path]:
        self._n("paths")
        return self.inner.paths(source, target, **kw)

    def to_networkx(self, types: Iterable[RelationType] | None = None, **kw: Any) -> Any:
        self._n("to_networkx")
        return self.inner.to_networkx(types, **kw)

    def stats(self) -> Stats:
        self._n("stats")
        return self.inner.stats()
