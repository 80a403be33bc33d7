"""A small in-memory ``GraphStore`` over a list of deltas: the test double for API tests that
must count or observe store calls without depending on a particular store's internals.

It implements the real Protocol (merge and ordering rules included) by recomputing the merged
graph from the loaded deltas, which is slow but obviously right for small fixtures.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import networkx as nx

from qkg.graph.store import MAX_PATH_HOPS, MAX_PATHS
from qkg.schemas import (
    Agreement,
    AgreementKind,
    Direction,
    Document,
    DocumentInfo,
    Entity,
    EntityFilter,
    Goal,
    Hop,
    KnowledgeGraph,
    LimitExceeded,
    Link,
    NotFound,
    Path,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
    UpsertResult,
    normalise_name,
)

__all__ = ["MemoryStore"]


class MemoryStore:
    """A ``GraphStore`` kept in a dict of deltas keyed by document id."""

    def __init__(self) -> None:
        self._deltas: dict[str, KnowledgeGraph] = {}
        self._version = 0

    # -- lifecycle
    @property
    def kind(self) -> str:
        return "memory"

    @property
    def version(self) -> str:
        return str(self._version)

    def close(self) -> None:
        pass

    def health(self) -> Mapping[str, object]:
        return {"ok": True, "kind": "memory", "documents": len(self._deltas)}

    # -- writes
    def upsert(self, delta: KnowledgeGraph) -> UpsertResult:
        did = delta.document.id
        if did in self._deltas:
            return UpsertResult(document_id=did, changed=False)
        replaced = tuple(
            sorted(
                k
                for k, d in self._deltas.items()
                if delta.document.source is not None and d.document.source == delta.document.source
            )
        )
        for k in replaced:
            del self._deltas[k]
        self._deltas[did] = delta
        self._version += 1
        return UpsertResult(document_id=did, changed=True, replaced=replaced)

    def remove_document(self, document_id: str) -> None:
        if document_id not in self._deltas:
            raise NotFound("document", document_id)
        del self._deltas[document_id]
        self._version += 1

    def clear(self) -> None:
        self._deltas.clear()
        self._version += 1

    # -- merged views
    def _ordered(self) -> list[KnowledgeGraph]:
        return [self._deltas[k] for k in sorted(self._deltas)]

    def _entities(self) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for d in self._ordered():
            for e in d.entities:
                if e.id not in out:
                    out[e.id] = e
                else:
                    first = out[e.id]
                    ext = {**e.external_ids, **first.external_ids}
                    out[e.id] = first.model_copy(
                        update={
                            "aliases": tuple(sorted(set(first.aliases) | set(e.aliases))),
                            "external_ids": ext,
                        }
                    )
        return out

    def _relations(self) -> list[Relation]:
        merged: dict[tuple[str, str, str], Relation] = {}
        for d in self._ordered():
            for r in d.relations:
                if r.key in merged:
                    m = merged[r.key]
                    ev = tuple(sorted({*m.evidence, *r.evidence}, key=_ev_key))
                    merged[r.key] = m.model_copy(
                        update={"evidence": ev, "confidence": max(m.confidence, r.confidence)}
                    )
                else:
                    merged[r.key] = r.model_copy(update={"evidence": tuple(sorted(r.evidence, key=_ev_key))})
        return [merged[k] for k in sorted(merged)]

    def _agreements(self) -> list[Agreement]:
        merged: dict[str, Agreement] = {}
        for d in self._ordered():
            for a in d.agreements:
                if a.id in merged:
                    m = merged[a.id]
                    merged[a.id] = m.model_copy(
                        update={
                            "evidence": tuple(sorted({*m.evidence, *a.evidence}, key=_ev_key)),
                            "topics": tuple(sorted(set(m.topics) | set(a.topics))),
                        }
                    )
                else:
                    merged[a.id] = a.model_copy(update={"evidence": tuple(sorted(a.evidence, key=_ev_key))})
        return sorted(merged.values(), key=lambda a: (a.date is None, a.date or "", a.id))

    def _published(self) -> dict[str, dt.date | None]:
        return {k: d.document.published for k, d in self._deltas.items()}

    # -- entities
    def entity(self, entity_id: str) -> Entity:
        try:
            return self._entities()[entity_id]
        except KeyError:
            raise NotFound("entity", entity_id) from None

    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        ents = self._entities()
        return {i: ents[i] for i in ids if i in ents}

    def find_entities(self, name: str) -> list[Entity]:
        key = normalise_name(name)
        return _sort_entities(
            e for e in self._entities().values() if key in {normalise_name(n) for n in (e.name, *e.aliases)}
        )

    def _filtered(self, f: EntityFilter | None) -> list[Entity]:
        ents = _sort_entities(self._entities().values())
        if f is None:
            return ents
        rels = self._relations()
        out = []
        for e in ents:
            names = [normalise_name(n) for n in (e.name, *e.aliases)]
            if f.types and e.type not in f.types:
                continue
            if f.country and e.country != f.country:
                continue
            if f.name_prefix and not any(n.startswith(normalise_name(f.name_prefix)) for n in names):
                continue
            if f.name_contains and not any(normalise_name(f.name_contains) in n for n in names):
                continue
            if f.technology and not any(
                r.source == e.id
                and r.target == f.technology
                and r.type in (RelationType.WORKS_ON, RelationType.DEVELOPS)
                for r in rels
            ):
                continue
            out.append(e)
        return out

    def entities(
        self, filter: EntityFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Entity]:
        ents = self._filtered(filter)[offset:]
        return ents if limit is None else ents[:limit]

    def count_entities(self, filter: EntityFilter | None = None) -> int:
        return len(self._filtered(filter))

    # -- relations
    def _match(self, r: Relation, eid: str | None, f: RelationFilter | None, ents: dict[str, Entity]) -> bool:
        if eid is not None and eid not in (r.source, r.target):
            return False
        if f is None:
            return True
        if f.types and r.type not in f.types:
            return False
        if eid is not None and f.direction is not Direction.BOTH and r.type.value not in _SYM:
            if f.direction is Direction.OUT and r.source != eid:
                return False
            if f.direction is Direction.IN and r.target != eid:
                return False
        if eid is not None and f.entity_types:
            other = r.target if r.source == eid else r.source
            if other not in ents or ents[other].type not in f.entity_types:
                return False
        if f.document_id and not any(ev.document_id == f.document_id for ev in r.evidence):
            return False
        if f.since or f.until:
            pub = self._published()
            dates = [pub.get(ev.document_id) for ev in r.evidence]
            if not any(
                d is not None and (f.since is None or d >= f.since) and (f.until is None or d <= f.until)
                for d in dates
            ):
                return False
        return True

    def relations(
        self,
        entity_id: str | None = None,
        filter: RelationFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Relation]:
        ents = self._entities()
        out = [r for r in self._relations() if self._match(r, entity_id, filter, ents)][offset:]
        return out if limit is None else out[:limit]

    def relations_of(
        self, entity_ids: Sequence[str], filter: RelationFilter | None = None
    ) -> dict[str, list[Relation]]:
        ents = self._entities()
        rels = self._relations()
        return {i: [r for r in rels if self._match(r, i, filter, ents)] for i in entity_ids if i in ents}

    # -- agreements and goals
    def agreement(self, agreement_id: str) -> Agreement:
        for a in self._agreements():
            if a.id == agreement_id:
                return a
        raise NotFound("agreement", agreement_id)

    def agreements(
        self,
        *,
        party: str | None = None,
        kind: AgreementKind | None = None,
        since: str | None = None,
        until: str | None = None,
        document_id: str | None = None,
    ) -> list[Agreement]:
        out = []
        for a in self._agreements():
            if party and party not in a.parties:
                continue
            if kind and a.kind != kind:
                continue
            if (since or until) and a.date is None:
                continue
            if since and (a.date or "") < since:
                continue
            if until and (a.date or "")[: len(until)] > until:
                continue
            if document_id and not any(ev.document_id == document_id for ev in a.evidence):
                continue
            out.append(a)
        return out

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        ags = self._agreements()
        ents = self._entities()
        return {p: [a for a in ags if p in a.parties] for p in party_ids if p in ents}

    def goals(self, owner: str | None = None) -> list[Goal]:
        merged: dict[str, Goal] = {}
        for d in self._ordered():
            for g in d.goals:
                if g.id in merged:
                    m = merged[g.id]
                    ev = tuple(sorted({*m.evidence, *g.evidence}, key=_ev_key))
                    merged[g.id] = m.model_copy(update={"evidence": ev})
                else:
                    merged[g.id] = g
        out = [g for g in merged.values() if owner is None or g.owner == owner]
        return sorted(out, key=lambda g: (g.target_year is None, g.target_year or 0, g.id))

    # -- documents
    def _info(self, d: KnowledgeGraph) -> DocumentInfo:
        doc = d.document
        return DocumentInfo(
            id=doc.id,
            title=doc.title,
            source=doc.source,
            published=doc.published,
            media_type=doc.media_type,
            entities=len(d.entities),
            relations=len(d.relations),
            agreements=len(d.agreements),
            goals=len(d.goals),
        )

    def documents(self) -> list[DocumentInfo]:
        infos = [self._info(d) for d in self._deltas.values()]
        return sorted(infos, key=lambda i: (i.published is None, i.published or dt.date.min, i.id))

    def document(self, document_id: str) -> Document:
        if document_id not in self._deltas:
            raise NotFound("document", document_id)
        return self._deltas[document_id].document

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]:
        return {i: self._info(self._deltas[i]) for i in ids if i in self._deltas}

    def delta(self, document_id: str) -> KnowledgeGraph:
        if document_id not in self._deltas:
            raise NotFound("document", document_id)
        return self._deltas[document_id]

    def deltas(self) -> Iterator[KnowledgeGraph]:
        yield from self._ordered()

    # -- traversal
    def links(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Link]:
        wanted = set(types) if types is not None else None
        pub = self._published()
        out: list[Link] = []

        def dates(evs: Iterable[Any]) -> list[dt.date]:
            return sorted(d for ev in evs if (d := pub.get(ev.document_id)) is not None)

        def inside(ds: list[dt.date]) -> bool:
            if since is None and until is None:
                return True
            return any((since is None or d >= since) and (until is None or d <= until) for d in ds)

        for r in self._relations():
            if wanted is not None and r.type not in wanted:
                continue
            ds = dates(r.evidence)
            if inside(ds):
                out.append(
                    Link(
                        source=r.source,
                        target=r.target,
                        type=r.type,
                        weight=len(r.evidence),
                        first_seen=ds[0] if ds else None,
                        last_seen=ds[-1] if ds else None,
                    )
                )
        if wanted is None or RelationType.PARTY_TO in wanted:
            for a in self._agreements():
                ds = dates(a.evidence)
                if not inside(ds):
                    continue
                for s, t in itertools.combinations(a.parties, 2):
                    out.append(
                        Link(
                            source=s,
                            target=t,
                            type=RelationType.PARTY_TO,
                            agreement=a.id,
                            weight=len(a.evidence),
                            first_seen=ds[0] if ds else None,
                            last_seen=ds[-1] if ds else None,
                        )
                    )
        yield from sorted(out, key=lambda lk: (lk.source, lk.type.value, lk.target, lk.agreement or ""))

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        types: Iterable[RelationType] | None = None,
        k: int = 10,
    ) -> list[Path]:
        if max_hops > MAX_PATH_HOPS:
            raise LimitExceeded(f"max_hops {max_hops} is above the limit of {MAX_PATH_HOPS}")
        if k > MAX_PATHS:
            raise LimitExceeded(f"k {k} is above the limit of {MAX_PATHS}")
        ents = self._entities()
        for node in (source, target):
            if node not in ents:
                raise NotFound("entity", node)
        adj: dict[str, list[tuple[str, Hop]]] = {}
        for lk in self.links(types):
            fwd = Hop(source=lk.source, target=lk.target, type=lk.type, agreement=lk.agreement)
            sym = lk.type.value in _SYM or lk.agreement is not None
            back = Hop(
                source=lk.target, target=lk.source, type=lk.type, agreement=lk.agreement, reversed=not sym
            )
            adj.setdefault(lk.source, []).append((lk.target, fwd))
            adj.setdefault(lk.target, []).append((lk.source, back))
        found: list[Path] = []

        def walk(node: str, nodes: list[str], hops: list[Hop]) -> None:
            if node == target and hops:
                found.append(Path(nodes=tuple(nodes), hops=tuple(hops)))
                return
            if len(hops) >= max_hops:
                return
            for nxt, hop in adj.get(node, []):
                if nxt not in nodes:
                    walk(nxt, [*nodes, nxt], [*hops, hop])

        if source != target:
            walk(source, [source], [])
        found.sort(
            key=lambda p: (p.length, p.nodes, tuple((h.type.value, h.agreement or "") for h in p.hops))
        )
        return found[:k]

    def to_networkx(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        for e in self._entities().values():
            g.add_node(e.id, type=e.type.value, name=e.name, country=e.country)
        for lk in self.links(types, since=since, until=until):
            g.add_edge(lk.source, lk.target, key=lk.agreement or lk.type.value, **lk.model_dump())
        return g

    def stats(self) -> Stats:
        ents = self._entities()
        rels = self._relations()
        ags = self._agreements()
        goals = self.goals()
        by_type: dict[str, int] = {}
        for e in ents.values():
            by_type[e.type.value] = by_type.get(e.type.value, 0) + 1
        rel_type: dict[str, int] = {}
        for r in rels:
            rel_type[r.type.value] = rel_type.get(r.type.value, 0) + 1
        evidence = sum(len(r.evidence) for r in rels) + sum(len(a.evidence) for a in ags)
        evidence += sum(len(g.evidence) for g in goals)
        return Stats(
            documents=len(self._deltas),
            entities=len(ents),
            relations=len(rels),
            agreements=len(ags),
            goals=len(goals),
            evidence=evidence,
            entities_by_type=dict(sorted(by_type.items())),
            relations_by_type=dict(sorted(rel_type.items())),
        )


_SYM = {"PARTNERS_WITH", "COMPETES_WITH"}


def _ev_key(ev: Any) -> tuple[str, int, int, str]:
    return (ev.document_id, ev.start, ev.end, ev.rule)


def _sort_entities(ents: Iterable[Entity]) -> list[Entity]:
    return sorted(ents, key=lambda e: (normalise_name(e.name), e.id))
