"""The Neo4j store: the :class:`~qkg.graph.store.GraphStore` contract over Bolt.

Writes: one managed transaction per document (``session.execute_write``, which the driver
retries on transient errors), made of batched ``UNWIND $rows ... MERGE`` statements on ids
backed by uniqueness constraints (a relationship is created once both its actors are locked
and it was read absent, else updated by element id), with the document node (the "loaded"
marker) written in the same transaction, so a document is in the graph entirely or not at
all and a retried or repeated write changes nothing. Each transaction first write-locks
every node it will touch (in id order), so concurrent loaders never lose each other's merges.

Reads: parameterised Cypher through the driver's ``execute_query`` with its bookmark manager,
which the write sessions share, so a read always sees the writes before it. Relations,
agreements and goals carry their evidence as properties, so they come back in one round
trip. Paths and the networkx projection reuse :mod:`qkg.graph.paths` and
:mod:`qkg.graph.projection`, so both stores answer identically.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import combinations
from typing import TYPE_CHECKING, Any, TypeVar

import neo4j
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from qkg.schemas import (
    Agreement,
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    DocumentInfo,
    Entity,
    EntityFilter,
    EntityType,
    Goal,
    KnowledgeGraph,
    Link,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
    StoreError,
    StoreUnavailable,
    UpsertResult,
    normalise_name,
)

from ..merge import (
    AsOf,
    Change,
    EntityState,
    Ledger,
    LedgerRow,
    Version,
    agreement_order,
    agreement_view,
    canonical_json,
    date_prefix_match,
    event_changes,
    fact_keys,
    in_window,
    is_version,
    ledger_cut,
    link_order,
    link_window,
    merge_states,
    record_text,
    record_time,
    relation_view,
    whole_agreement_view,
)
from ..reading import ReaderOperations, steps_within, timed_steps
from ..store import COLLABORATION, RelKey, Step, Vias, Walked, health_report, step_order
from . import cypher as q
from .merge import (
    agreement_life,
    agreement_props,
    entity_props,
    entity_state_from_row,
    evidence_from_json,
    goal_props,
    parts_from_props,
    published,
    relation_base,
    relation_bounds,
    relation_props,
    relation_props_added,
    relation_span,
)

if TYPE_CHECKING:
    pass

__all__ = ["Neo4jStore"]

_log = logging.getLogger(__name__)
_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
_T = TypeVar("_T")


def _one_line(message: object) -> str:
    """The driver's message on one line (its connection errors span two)."""
    return " ".join(str(message).split())


def _run(tx: neo4j.ManagedTransaction, query: q.Query) -> list[neo4j.Record]:
    text, params = query
    return list(tx.run(text, params))


#: Stored type names to enum members: a dict lookup, where calling the enum costs a few
#: microseconds a row (thousands of rows a collaborator answer).
_ENTITY_TYPES: dict[str, EntityType] = {t.value: t for t in EntityType}
_RELATION_TYPES: dict[str, RelationType] = {t.value: t for t in RelationType}


def _entity(row: Mapping[str, Any]) -> Entity:
    return Entity.model_construct(
        id=row["id"],
        type=_ENTITY_TYPES[row["type"]],
        name=row["name"],
        aliases=tuple(row["aliases"] or ()),
        external_ids=json.loads(row["external_ids"] or "{}"),
        country=row["country"],
        description=row["description"],
    )


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _relation(row: Mapping[str, Any]) -> Relation:
    return Relation.model_construct(
        source=row["source"],
        type=_RELATION_TYPES[row["type"]],
        target=row["target"],
        evidence=evidence_from_json(row["evidence"]),
        confidence=row["confidence"],
        valid_from=_day(row["valid_from"]),
        valid_to=_day(row["valid_to"]),
    )


def _published_of(parts: Mapping[str, tuple[str, Any]]) -> Callable[[str], dt.date | None]:
    """A document's publication date from stored bookkeeping (``""``: none)."""
    days = {d: _day(day) for d, (day, _) in parts.items()}
    return days.__getitem__


def _timed_relation(row: Mapping[str, Any], f: RelationFilter) -> Relation | None:
    """The relation of ``row`` as of ``f.as_of`` with at least ``f.min_support`` documents
    (:func:`qkg.graph.merge.relation_view`) from its per-document bookkeeping, if it still
    passes the filter's document conditions over those documents."""
    parts = parts_from_props(Relation, row, relation_base(row["source"], row["type"], row["target"]))
    published = _published_of(parts)
    view = relation_view({d: p for d, (_, p) in parts.items()}, published, AsOf(f.as_of, f.min_support))
    if view is None:
        return None
    docs = {e.document_id for e in view.evidence}
    if f.document_id is not None and f.document_id not in docs:
        return None
    if (f.since is not None or f.until is not None) and not any(
        in_window(published(d), f.since, f.until) for d in docs
    ):
        return None
    return view


def _agreement_view(g: Mapping[str, Any], asked: AsOf) -> tuple[Agreement | None, dict[str, Agreement]]:
    """The agreement of row ``g`` as ``asked`` (:func:`qkg.graph.merge.agreement_view`) from its
    per-document bookkeeping, and the parts it was made of."""
    parts = parts_from_props(Agreement, g)
    published = _published_of(parts)
    known = asked.known({d: p for d, (_, p) in parts.items()}, published)
    return agreement_view(known, published, asked), known


def _agreement(g: Mapping[str, Any]) -> Agreement:
    return Agreement.model_construct(
        id=g["id"],
        kind=AgreementKind(g["kind"]),
        title=g["title"],
        parties=tuple(g["parties"]),
        date=g["date"],
        place=g["place"],
        topics=tuple(g["topics"] or ()),
        status=AgreementStatus(g["status"]),
        events=tuple(AgreementEvent.model_validate_json(e) for e in g.get("events") or ()),
        ends=g.get("ends"),
        evidence=evidence_from_json(g["evidence"]),
    )


def _goal(g: Mapping[str, Any]) -> Goal:
    return Goal.model_construct(
        id=g["id"],
        metric=g["metric"],
        value=float(g["value"]),
        unit=g["unit"],
        target_year=g["target_year"],
        owner=g["owner"],
        evidence=evidence_from_json(g["evidence"]),
    )


def _info(d: Mapping[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        id=d["id"],
        title=d["title"],
        source=d["source"],
        published=_day(d["published"]),
        media_type=d["media_type"],
        entities=d["entities"],
        relations=d["relations"],
        agreements=d["agreements"],
        goals=d["goals"],
    )


def _moment(text: str) -> dt.datetime:
    """A moment as the ledger stores it (:func:`qkg.graph.merge.record_text`)."""
    return record_time(dt.datetime.fromisoformat(text))


def _ledger_row(r: Mapping[str, Any]) -> LedgerRow:
    """A ledger row as :func:`qkg.graph.neo4j.cypher.ledger_query` returns it."""

    def moment(text: str | None) -> dt.datetime | None:
        return None if text is None else _moment(text)

    recorded = moment(r["recorded"])
    assert recorded is not None
    return LedgerRow(
        document_id=r["document"],
        digest=r["digest"],
        seq=int(r["seq"]),
        recorded=recorded,
        version=r["version"],
        facts=tuple(r["facts"] or ()),
        retracted_seq=None if r.get("retracted_seq") is None else int(r["retracted_seq"]),
        retracted=moment(r.get("retracted")),
        retracted_version=r.get("retracted_version"),
    )


def _placed(since: str) -> tuple[str | None, str | None]:
    """``since`` as the change feed's statements take it, ``(version, moment)``: a graph
    version, or a moment as the ledger stores them; ValueError for text that is neither
    (:func:`qkg.graph.merge.ledger_cut`)."""
    text = since.strip()
    if is_version(text):
        return text, None
    try:
        moment = record_time(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        ledger_cut([], since)  # raises, saying what `since` may be
        raise
    return None, record_text(moment)


def _ledger_props(row: LedgerRow) -> dict[str, Any]:
    """A recorded row's properties (a retraction's: seq and the retraction's three)."""
    if row.retracted is not None:
        return {
            "seq": row.seq,
            "retracted_seq": row.retracted_seq,
            "retracted": record_text(row.retracted),
            "retracted_version": row.retracted_version,
        }
    return {
        "document": row.document_id,
        "digest": row.digest,
        "seq": row.seq,
        "recorded": record_text(row.recorded),
        "version": row.version,
        "facts": list(row.facts),
    }


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _window(
    dates: Sequence[str], counts: Sequence[int], since: dt.date | None, until: dt.date | None
) -> tuple[int, dt.date | None, dt.date | None] | None:
    """A link's window (:func:`qkg.graph.merge.link_window`) from the stored bookkeeping."""
    return link_window(zip(map(_day, dates), counts, strict=True), since, until)


#: What Neo4j answers when a concurrent client created the same schema rule first.
_SCHEMA_EXISTS = frozenset(
    {
        "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
        "Neo.ClientError.Schema.ConstraintAlreadyExists",
        "Neo.ClientError.Schema.IndexAlreadyExists",
    }
)


def _consume(tx: neo4j.ManagedTransaction, statement: str) -> None:
    tx.run(statement).consume()  # schema text from cypher.py: labels from the ontology, no values


class Neo4jStore(ReaderOperations):
    """A :class:`~qkg.graph.store.GraphStore` on a Neo4j 5 server (bolt://, neo4j://, +s).

    ``max_retry_time`` bounds how long a write is retried on transient errors (the driver's
    managed-transaction retry); ``connection_timeout`` how long connecting may take.

    >>> store = Neo4jStore("bolt://127.0.0.1:7687")  # doctest: +SKIP
    """

    def __init__(
        self,
        uri: str,
        *,
        auth: tuple[str, str] | None = None,
        database: str = "neo4j",
        connection_timeout: float = 10.0,
        max_retry_time: float = 30.0,
    ) -> None:
        if not uri.startswith(_SCHEMES):
            raise StoreError(f"{uri!r} is not a Bolt URI (use one of {', '.join(_SCHEMES)})")
        self._uri = uri
        self._database = database
        self._closed = False
        #: The store's clock: when a write is recorded (record time); tests inject their own.
        self.clock: Callable[[], dt.datetime] = _now
        self._ledger_complete = False
        #: Read statements sent so far (each one Bolt query): what an answer costs in round trips.
        self.reads = 0
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=auth,
                connection_timeout=connection_timeout,
                max_transaction_retry_time=max_retry_time,
                notifications_min_severity="OFF",
            )
        except (ValueError, DriverError) as exc:
            raise StoreError(f"cannot use Neo4j URI {uri!r}: {exc}") from None
        self._bookmarks = self._driver.execute_query_bookmark_manager
        try:
            self._guard(self._driver.verify_connectivity)
            self._guard(self._create_schema)
            self._migrate_on_open()
        except StoreError:
            self._driver.close()
            self._closed = True
            raise

    def _create_schema(self) -> None:
        """Uniqueness constraints and indexes, idempotently (``IF NOT EXISTS``).

        Two clients opening a fresh database at once (``qkg serve`` and ``qkg load``) race:
        their schema transactions can deadlock (a transient error the managed transaction
        retries), or both pass the ``IF NOT EXISTS`` check and the later commit is refused as
        an equivalent rule; the rule then exists, which is all this asks.
        """
        with self._driver.session(database=self._database, bookmark_manager=self._bookmarks) as s:
            for statement in q.schema_statements():
                try:
                    s.execute_write(_consume, statement)
                except Neo4jError as exc:
                    if exc.code not in _SCHEMA_EXISTS:
                        raise

    # -- plumbing ----------------------------------------------------------------------
    def _session(self) -> neo4j.Session:
        return self._guard(
            lambda: self._driver.session(database=self._database, bookmark_manager=self._bookmarks)
        )

    def _guard(self, fn: Callable[[], _T]) -> _T:
        if self._closed:
            raise StoreError(f"the Neo4j store at {self._uri} is closed")
        try:
            return fn()
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreUnavailable(f"Neo4j at {self._uri} is unavailable: {_one_line(exc)}") from exc
        except Neo4jError as exc:
            raise StoreError(
                f"Neo4j at {self._uri} refused a query: {exc.code}: {_one_line(exc.message)}"
            ) from exc
        except DriverError as exc:
            raise StoreUnavailable(f"Neo4j at {self._uri}: {_one_line(exc)}") from exc

    def _read(self, query: q.Query) -> list[neo4j.Record]:
        text, params = query
        self.reads += 1
        return self._guard(
            lambda: (
                self._driver.execute_query(
                    text, params, database_=self._database, routing_=neo4j.RoutingControl.READ
                ).records
            )
        )

    def _write(self, work: Callable[[neo4j.ManagedTransaction], _T]) -> _T:
        def go() -> _T:
            with self._driver.session(database=self._database, bookmark_manager=self._bookmarks) as s:
                return s.execute_write(work)

        return self._guard(go)

    # -- lifecycle ---------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return "neo4j"

    @property
    def uri(self) -> str:
        return self._uri

    @property
    def version(self) -> str:
        rows = self._read(q.version_query())
        return str(rows[0]["version"] or "0-0") if rows else "0-0"

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def health(self) -> Mapping[str, object]:
        try:
            info = self._guard(self._driver.get_server_info)
            version = self.version
        except StoreError as exc:
            return health_report(self.kind, self._uri, error=str(exc), details={"database": self._database})
        return health_report(
            self.kind,
            self._uri,
            documents=Version.parse(version).count,
            version=version,
            details={
                "database": self._database,
                "server": info.agent,
                "protocol": ".".join(map(str, info.protocol_version)),
            },
        )

    def warm(self) -> None:
        """Have the server plan the collaborator statements now (:meth:`collaborator_walk`,
        depth 1 and 2 over the API's default ``via``, plain and timed by a day, a minimum
        support or both): Neo4j plans a statement on its first run, 1-5 s each for these
        (measured on 10k/100k), and keys its plan cache by the statement and its parameters'
        types, so each shape is run once, on an id no actor has. The plans stay in the
        server's cache: a later ``warm`` against the same server costs a few milliseconds."""
        for depth in (1, 2):
            for timed in (None, ("0001-01-01", None), (None, 1), ("0001-01-01", 1)):
                self._read(q.collaborators_query([""], depth, COLLABORATION, 1, 1, timed=timed))

    def _migrate_on_open(self) -> None:
        """:meth:`migrate`; a server that refuses the writes (a read-only user) is still
        opened: its older data is then walked the slower way, as before."""
        try:
            self.migrate()
        except StoreUnavailable:
            raise
        except StoreError as exc:
            _log.warning("could not fill in the bookkeeping of older data: %s", exc)

    def migrate(self) -> tuple[int, int]:
        """Fill in the bookkeeping that data written by an older qkg lacks, so that the timed
        statements decide its steps instead of leaving them to the full rule (the slower
        walk): each document's validity bounds on relations and their ``span``
        (:func:`.merge.relation_span`), the life steps of agreements with events, rebuilt
        from what each document contributed. Run on opening; once
        the graph is marked (:data:`.cypher.BOOKKEEPING`), opening only reads the mark.
        Returns how many relations and agreements were filled in."""
        (row,) = self._read(q.bookkeeping_query())
        if (row["bookkeeping"] or 0) >= q.BOOKKEEPING:
            return 0, 0
        text, params = q.stale_relations()

        def stale() -> list[dict[str, Any]]:
            # streamed: only each relation's new bounds are kept, not its contributions
            out = []
            with self._driver.session(database=self._database, bookmark_manager=self._bookmarks) as s:
                for r in s.run(text, params):
                    vfrom = vto = None
                    if r["contrib"] is not None and len(r["contrib"]) == len(r["docs"]):
                        vfrom, vto = relation_bounds(r["contrib"])
                    span = relation_span(r["dates"] or (), r["valid_from"], r["valid_to"])
                    if vfrom is not None or span is not None:
                        out.append(
                            {"id": r["id"], "docs": r["docs"], "vfrom": vfrom, "vto": vto, "span": span}
                        )
            return out

        bounds = self._guard(stale)
        lives = []
        for r in self._read(q.stale_agreements()):
            steps = agreement_life(r["g"])
            if steps is not None:
                lives.append(
                    {"id": r["g"]["id"], "docs": r["g"]["docs"], "life_from": steps[0], "life_on": steps[1]}
                )
        batches = [bounds[i : i + 5_000] for i in range(0, len(bounds), 5_000)] or ([[]] if lives else [])
        for n, rows in enumerate(batches):
            self._write(partial(_run, query=q.set_bookkeeping(rows, [] if n else lives)))
        self._write(partial(_run, query=q.mark_bookkeeping()))
        return len(bounds), len(lives)

    # -- writes ------------------------------------------------------------------------
    def upsert(self, delta: KnowledgeGraph) -> UpsertResult:
        return self._upsert_batch([delta])[0]

    def upsert_many(
        self, deltas: Iterable[KnowledgeGraph], *, batch_size: int = 100, batch_rows: int = 20_000
    ) -> list[UpsertResult]:
        """Upsert many documents, several whole documents per transaction (``qkg load``, sync).

        Each transaction holds up to ``batch_size`` complete documents with their loaded
        markers, and stops growing once its documents hold ``batch_rows`` entities and
        relations, so every document is still all or nothing (and so is each batch); the
        result is the same as calling :meth:`upsert` on each in order. A document whose id or
        ``source`` repeats one already in the batch starts a new batch. On 1,000 small
        documents this is more than ten times faster than one transaction per document
        (``bench/store_neo4j.py``).
        """
        results: list[UpsertResult] = []
        batch: list[KnowledgeGraph] = []
        keys: set[str] = set()
        rows = 0
        for delta in deltas:
            mine = {delta.document.id, *([delta.document.source] if delta.document.source else [])}
            if batch and (len(batch) >= batch_size or rows >= batch_rows or keys & mine):
                results += self._upsert_batch(batch)
                batch, keys, rows = [], set(), 0
            batch.append(delta)
            keys |= mine
            rows += len(delta.entities) + len(delta.relations)
        if batch:
            results += self._upsert_batch(batch)
        return results

    def _upsert_batch(self, batch: Sequence[KnowledgeGraph]) -> list[UpsertResult]:
        """One transaction for documents with distinct ids and sources."""
        canonical = [canonical_json(d) for d in batch]  # (digest, the canonical delta's JSON)

        def work(tx: neo4j.ManagedTransaction) -> list[UpsertResult]:
            ids = [d.document.id for d in batch]
            claimed = _run(tx, q.claim_documents(ids))
            stored = {r["id"]: r["digest"] for r in claimed if r["digest"] is not None}
            sources = [d.document.source for d in batch if d.document.source is not None]
            by_source: dict[str, list[str]] = defaultdict(list)
            for r in _run(tx, q.documents_with_source(sources)):
                by_source[r["source"]].append(r["id"])
            results: list[UpsertResult] = []
            adds: list[tuple[KnowledgeGraph, str, str]] = []
            remove: set[str] = set()
            for delta, (digest, text) in zip(batch, canonical, strict=True):
                doc = delta.document
                if stored.get(doc.id) == digest:
                    results.append(UpsertResult(document_id=doc.id, changed=False, replaced=()))
                    continue
                replaced = sorted(i for i in by_source.get(doc.source or "", ()) if i != doc.id)
                remove.update(replaced)
                if doc.id in stored:
                    remove.add(doc.id)
                adds.append((delta, digest, text))
                results.append(UpsertResult(document_id=doc.id, changed=True, replaced=tuple(replaced)))
            if adds:
                self._apply(tx, sorted(remove), adds)
            return results

        return self._write(work)

    def remove_document(self, document_id: str) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            self._apply(tx, [document_id], [])

        self._write(work)

    def clear(self) -> None:
        def batch(tx: neo4j.ManagedTransaction) -> int:
            return int(_run(tx, q.clear_batch())[0]["deleted"])

        while self._write(batch):
            pass

    def _apply(
        self,
        tx: neo4j.ManagedTransaction,
        remove_ids: Sequence[str],
        adds: Sequence[tuple[KnowledgeGraph, str, str]],
    ) -> None:
        """Remove some documents' contributions and add some deltas (with their digests and
        canonical JSON), in the caller's transaction."""
        locked = {r["id"]: r for r in _run(tx, q.lock_documents(remove_ids))}
        for doc_id in remove_ids:
            if doc_id not in locked:
                raise NotFound("document", doc_id)
        removed = [KnowledgeGraph.model_validate_json(locked[i]["delta"]) for i in remove_ids]
        gone = set(remove_ids)
        days = {d.document.id: published(d.document.published) for d, _, _ in adds}

        # Entities: lock all, re-merge those a removed document described, fold in the new ones.
        rm_entities = {e.id for d in removed for e in d.entities}
        add_entities = [(d.document.id, e) for d, _, _ in adds for e in d.entities]
        before = {
            r["id"]: entity_state_from_row(r)
            for r in _run(tx, q.lock_entities([*rm_entities, *(e.id for _, e in add_entities)]))
        }
        states: dict[str, EntityState | None] = dict(before)
        if rm_entities:
            remaining: dict[str, list[EntityState]] = defaultdict(list)
            for r in _run(tx, q.entity_mentions(sorted(rm_entities), list(gone))):
                remaining[r["id"]].append(EntityState.of(r["doc"], Entity.model_validate_json(r["entity"])))
            for eid in rm_entities:
                states[eid] = merge_states(remaining.get(eid, ()))
        for doc_id, e in add_entities:
            states[e.id] = EntityState.of(doc_id, e).combine(states.get(e.id))

        # Relations: a key no removed document gave takes the new documents' entries into its
        # stored lists (relation_props_added); the others are merged again from their parts
        # (stored bookkeeping, minus removed, plus new). New keys are created, stored ones
        # updated by element id, those left without a part deleted.
        rel_keys = {r.key for d in removed for r in d.relations}
        new_rels: dict[tuple[str, str, str], dict[str, tuple[str, Relation]]] = defaultdict(dict)
        for kg, _, _ in adds:
            for rel in kg.relations:
                new_rels[rel.key][kg.document.id] = (days[kg.document.id], rel)
        keys = rel_keys | set(new_rels)
        stored_rels = {(r["source"], r["type"], r["target"]): r for r in _run(tx, q.read_relations(keys))}
        created: list[tuple[tuple[str, str, str], dict[str, Any]]] = []
        updated: list[tuple[str, dict[str, Any]]] = []
        dead_rels: list[tuple[str, str, str]] = []
        for key in sorted(keys):
            row, new = stored_rels.get(key), new_rels.get(key, {})
            if row is None:
                if new:
                    created.append((key, relation_props(new)))
                continue
            props = None if key in rel_keys else relation_props_added(row, new)
            if props is None:
                parts = parts_from_props(Relation, row, relation_base(*key))
                kept = {d: p for d, p in parts.items() if d not in gone} | new
                if not kept:
                    dead_rels.append(key)
                    continue
                props = relation_props(kept)
            updated.append((row["eid"], props))

        agr = self._node_parts(
            tx, q.AGREEMENT, Agreement, [a.id for d in removed for a in d.agreements],
            [(d.document.id, a) for d, _, _ in adds for a in d.agreements], gone, days,
        )  # fmt: skip
        goals = self._node_parts(
            tx, q.GOAL, Goal, [g.id for d in removed for g in d.goals],
            [(d.document.id, g) for d, _, _ in adds for g in d.goals], gone, days,
        )  # fmt: skip

        # Deletions first, then the merged state, then the documents and their markers.
        for query in q.delete_relations(dead_rels):
            _run(tx, query)
        dead = {
            "agreements": [i for i, p in agr.items() if not p],
            "goals": [i for i, p in goals.items() if not p],
            "documents": sorted(gone),
            "actors": [i for i, st in states.items() if st is None],
        }
        if any(dead.values()):
            _run(tx, q.delete_nodes(**dead))
        changed = [
            (st.base.type, entity_props(st))
            for i, st in sorted(states.items())
            if st is not None and (i not in before or before[i] != st)
        ]
        if changed:
            _run(tx, q.write_entities(changed))
        if created:
            _run(tx, q.write_relations(created))
        if updated:
            _run(tx, q.update_relations(updated))
        if any(agr.values()):
            _run(tx, q.write_agreements([agreement_props(p) for _, p in sorted(agr.items()) if p]))
        if any(goals.values()):
            _run(tx, q.write_goals([goal_props(p) for _, p in sorted(goals.items()) if p]))

        # Version: count and XOR of (document, digest) tokens, so equal contents, equal versions;
        # read under the meta node's lock, else two writers bump the same version (lost update).
        meta = _run(tx, q.lock_version())
        version = Version.parse(str(meta[0]["version"]) if meta and meta[0]["version"] else None)

        # Record time: retract the removed versions (their deltas kept), record the new ones.
        state = _run(tx, q.ledger_state(list(remove_ids)))[0]
        ledger = Ledger(_ledger_row(h) for h in state["held"])
        ledger.next_seq = max(ledger.next_seq, int(state["next"]))
        rows = ledger.write(
            self.clock(),
            str(version),
            [(d, locked[d]["digest"]) for d in remove_ids],
            [(d.document.id, digest, fact_keys(d)) for d, digest, _ in adds],
        )
        ledger.commit(rows)
        for query in q.write_ledger(
            [_ledger_props(r) for r in rows if r.retracted is None],
            [
                {**_ledger_props(r), "delta": locked[r.document_id]["delta"]}
                for r in rows
                if r.retracted is not None
            ],
            ledger.next_seq,
        ):
            _run(tx, query)
        for doc_id in remove_ids:
            version.remove(doc_id, locked[doc_id]["digest"])
        docs = []
        for delta, digest, text in adds:
            d = delta.document
            props = {
                "id": d.id,
                "title": d.title,
                "source": d.source,
                "published": d.published.isoformat() if d.published else None,
                "media_type": d.media_type,
                "delta": text,
                "digest": digest,
                "entities": len(delta.entities),
                "relations": len(delta.relations),
                "agreements": len(delta.agreements),
                "goals": len(delta.goals),
            }
            mentions = [{"id": e.id, "entity": e.model_dump_json()} for e in delta.entities]
            docs.append((props, mentions))
            version.add(d.id, digest)
        if docs:
            _run(tx, q.write_documents(docs))
        _run(tx, q.bump_version(str(version)))

    @staticmethod
    def _node_parts(
        tx: neo4j.ManagedTransaction,
        label: str,
        kind: type[Any],
        removed_ids: Iterable[str],
        new: Sequence[tuple[str, Any]],
        gone: set[str],
        days: Mapping[str, str],
    ) -> dict[str, dict[str, tuple[str, Any]]]:
        ids = sorted({*removed_ids, *(m.id for _, m in new)})
        if not ids:
            return {}
        out: dict[str, dict[str, tuple[str, Any]]] = {}
        for r in _run(tx, q.lock_nodes(label, ids)):
            parts = parts_from_props(kind, r)
            out[r["id"]] = {d: p for d, p in parts.items() if d not in gone}
        for doc_id, model in new:
            out[model.id][doc_id] = (days[doc_id], model)
        return out

    # -- entities ----------------------------------------------------------------------
    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        if not ids:
            return {}
        return {r["n"]["id"]: _entity(r["n"]) for r in self._read(q.entities_by_id_query(ids))}

    def find_entities(self, name: str) -> list[Entity]:
        return [_entity(r["n"]) for r in self._read(q.find_entities_query(normalise_name(name)))]

    def find_entities_named(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        keys = {n: normalise_name(n) for n in names}
        by_key: dict[str, list[Entity]] = {k: [] for k in keys.values()}
        if keys:
            for r in self._read(q.find_named_query(list(by_key))):
                e = _entity(r["n"])
                for k in r["hit"]:
                    by_key[k].append(e)
        return {n: list(by_key[k]) for n, k in keys.items()}

    def entities(
        self, filter: EntityFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Entity]:
        query = q.entities_query(filter, normalise_name, limit=limit, offset=offset)
        return [_entity(r["n"]) for r in self._read(query)]

    def count_entities(self, filter: EntityFilter | None = None) -> int:
        return int(self._read(q.count_entities_query(filter, normalise_name))[0]["n"])

    # -- relations ---------------------------------------------------------------------
    def relations(
        self,
        entity_id: str | None = None,
        filter: RelationFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Relation]:
        ids = None if entity_id is None else [entity_id]
        rows = self._read(q.relations_query(ids, filter, limit=limit, offset=offset))
        if not rows and entity_id is not None:
            self.entity(entity_id)  # an unknown id raises NotFound; a known one has no match
        if filter is not None and filter.timed:
            found = [v for r in rows if (v := _timed_relation(r, filter)) is not None]
            return found[offset:] if limit is None else found[offset : offset + limit]
        return [_relation(r) for r in rows]

    def relations_of(
        self, entity_ids: Sequence[str], filter: RelationFilter | None = None
    ) -> dict[str, list[Relation]]:
        asked = list(dict.fromkeys(entity_ids))
        found: dict[str, list[Relation]] = {}
        if asked:
            timed = filter is not None and filter.timed
            for r in self._read(q.relations_query(asked, filter)):
                rel = _timed_relation(r, filter) if timed and filter is not None else _relation(r)
                found.setdefault(r["anchor"], [])
                if rel is not None:
                    found[r["anchor"]].append(rel)
        missing = [i for i in asked if i not in found]
        known = self.entities_by_id(missing) if missing else {}
        return {i: found.get(i, []) for i in asked if i in found or i in known}

    def relations_by_key(
        self, keys: Iterable[RelKey], *, asked: AsOf | None = None
    ) -> dict[RelKey, Relation]:
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return {}
        rows = self._read(q.relations_by_key_query(wanted, book=asked is not None))
        if asked is None:
            found = {r.key: r for r in map(_relation, rows)}
        else:
            flt = RelationFilter(as_of=asked.day, min_support=asked.min_support)
            found = {v.key: v for r in rows if (v := _timed_relation(r, flt)) is not None}
        return {k: found[k] for k in wanted if k in found}

    def relations_and_entities(
        self, keys: Iterable[RelKey], ids: Sequence[str]
    ) -> tuple[dict[RelKey, Relation], dict[str, Entity]]:
        """:meth:`relations_by_key` and :meth:`entities_by_id` in one round trip."""
        wanted = list(dict.fromkeys(keys))
        asked = list(dict.fromkeys(ids))
        if not wanted and not asked:
            return {}, {}
        (row,) = self._read(q.relations_and_entities_query(wanted, asked))
        found = {r.key: r for r in map(_relation, row["rels"])}
        ents = {e["id"]: _entity(e) for e in row["ents"]}
        return {k: found[k] for k in wanted if k in found}, ents

    # -- agreements and goals ----------------------------------------------------------
    def agreements(
        self,
        *,
        party: str | None = None,
        kind: AgreementKind | None = None,
        since: str | None = None,
        until: str | None = None,
        document_id: str | None = None,
        as_of: dt.date | None = None,
    ) -> list[Agreement]:
        if as_of is None:
            query = q.agreements_query(
                party=party, kind=kind, since=since, until=until, document_id=document_id
            )
            return [_agreement(r["g"]) for r in self._read(query)]
        # as of a date: each agreement's view from its bookkeeping (same read), then the filters
        asked = AsOf(as_of)
        out = []
        for r in self._read(q.agreements_query(party=party, as_of=as_of.isoformat())):
            found, known = _agreement_view(r["g"], asked)
            if (
                found is not None
                and (party is None or any(party in p.parties for p in known.values()))
                and (kind is None or found.kind == kind)
                and date_prefix_match(found.date, since, until)
                and (document_id is None or document_id in known)
            ):
                out.append(found)
        return sorted(out, key=agreement_order)

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        known = self.entities_by_id(party_ids)
        out: dict[str, list[Agreement]] = {i: [] for i in dict.fromkeys(party_ids) if i in known}
        if out:
            for r in self._read(q.agreements_query(parties=list(out))):
                out[r["anchor"]].append(_agreement(r["g"]))
        return out

    def agreements_by_id(self, ids: Sequence[str], *, asked: AsOf | None = None) -> dict[str, Agreement]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self._read(q.agreements_query(ids=wanted, book=asked is not None))
        if asked is None:
            found = {a.id: a for a in (_agreement(r["g"]) for r in rows)}
        else:
            found = {a.id: a for r in rows if (a := _agreement_view(r["g"], asked)[0]) is not None}
        return {i: found[i] for i in wanted if i in found}

    def goals(self, owner: str | None = None) -> list[Goal]:
        return [_goal(r["g"]) for r in self._read(q.goals_query(owner))]

    # -- documents ---------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        return [_info(r["d"]) for r in self._read(q.documents_query())]

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]:
        if not ids:
            return {}
        return {r["d"]["id"]: _info(r["d"]) for r in self._read(q.documents_query(ids))}

    def delta(self, document_id: str) -> KnowledgeGraph:
        rows = self._read(q.deltas_query([document_id]))
        if not rows:
            raise NotFound("document", document_id)
        return KnowledgeGraph.model_validate_json(rows[0]["delta"])

    def deltas(self) -> Iterator[KnowledgeGraph]:
        ids = [d.id for d in self.documents()]
        for start in range(0, len(ids), 100):
            batch = ids[start : start + 100]
            found = {r["id"]: r["delta"] for r in self._read(q.deltas_query(batch))}
            for i in batch:
                if i in found:
                    yield KnowledgeGraph.model_validate_json(found[i])

    # -- record time -------------------------------------------------------------------
    def _complete_ledger(self) -> None:
        """Record, once, the documents loaded before the store kept a ledger (at the store's
        clock), and retract held rows whose document version is gone. Checked once per store
        object (a round trip less on every ``changes``)."""
        if self._ledger_complete:
            return
        rows = self._read(q.ledger_state([]))
        if rows and rows[0]["complete"]:
            self._ledger_complete = True
            return

        def work(tx: neo4j.ManagedTransaction) -> None:
            todo = _run(tx, q.unrecorded_documents())
            if todo:
                ledger = Ledger(_ledger_row(r) for r in _run(tx, q.ledger_query()))
                before = str(
                    Version.of((r.document_id, r.digest) for r in ledger.all() if r.retracted is None)
                )
                state = _run(tx, q.ledger_state([]))[0]
                ledger.next_seq = max(ledger.next_seq, int(state["next"]))
                made = ledger.write(
                    self.clock(),
                    before,
                    [(r["id"], r["digest"]) for r in todo if r["stale"]],
                    [
                        (r["id"], r["digest"], fact_keys(KnowledgeGraph.model_validate_json(r["delta"])))
                        for r in todo
                        if not r["stale"]
                    ],
                )
                ledger.commit(made)
                for query in q.write_ledger(
                    [_ledger_props(r) for r in made if r.retracted is None],
                    [{**_ledger_props(r), "delta": None} for r in made if r.retracted is not None],
                    ledger.next_seq,
                ):
                    _run(tx, query)
            _run(tx, q.mark_ledger_complete())

        self._write(work)
        self._ledger_complete = True

    def ledger(self) -> list[LedgerRow]:
        """Every row of the ledger (:class:`qkg.graph.merge.LedgerRow`), by event."""
        self._complete_ledger()
        return [_ledger_row(r) for r in self._read(q.ledger_query())]

    def changes(self, since: str) -> list[Change]:
        """The change feed since a graph version or an ISO moment
        (:func:`qkg.graph.merge.ledger_changes`), in one round trip: the cut and every event
        after it, ordered by the server (:func:`qkg.graph.neo4j.cypher.ledger_since`); ValueError
        for a ``since`` it cannot place (:func:`qkg.graph.merge.ledger_cut`)."""
        self._complete_ledger()
        (found,) = self._read(q.ledger_since(*_placed(since)))
        if found["cut"] is None:  # no event left the graph at this version
            cut = ledger_cut([], since)  # the empty graph's: before every event; else raises
            (found,) = self._read(q.ledger_since(cut=cut))
        return event_changes(
            (int(s), _moment(at), gone, facts, document, digest, version)
            for s, gone, at, version, document, digest, facts in found["rows"]
        )

    def changes_page(self, since: str, offset: int, first: int) -> tuple[int, list[Change]]:
        """How many changes :meth:`changes` gives and the ``first`` of them from ``offset``,
        in one round trip (:func:`.cypher.ledger_page`): the server counts and cuts the
        feed, only the page's changes travel and become models."""
        self._complete_ledger()
        (found,) = self._read(q.ledger_page(*_placed(since), offset=offset, first=first))
        if found["cut"] is None:  # no event left the graph at this version
            cut = ledger_cut([], since)  # the empty graph's: before every event; else raises
            (found,) = self._read(q.ledger_page(cut=cut, offset=offset, first=first))
        page = [
            Change(int(s), _moment(at), "RETRACTED" if gone else "ADDED", fact, doc, digest, version)
            for s, gone, fact, doc, digest, version, at in found["rows"]
        ]
        return int(found["total"] or 0), page

    def ledger_deltas(self, rows: Sequence[LedgerRow]) -> dict[int, KnowledgeGraph]:
        """The deltas of these ledger rows, by event: a held row's from its document, a
        retracted one's from the row (a row without one omitted)."""
        held = {r.document_id: r.seq for r in rows if r.retracted is None}
        gone = [r.seq for r in rows if r.retracted is not None]
        out: dict[int, KnowledgeGraph] = {}
        if held:
            for r in self._read(q.deltas_query(sorted(held))):
                out[held[r["id"]]] = KnowledgeGraph.model_validate_json(r["delta"])
        if gone:
            for r in self._read(q.retracted_deltas(gone)):
                if r["delta"] is not None:
                    out[int(r["seq"])] = KnowledgeGraph.model_validate_json(r["delta"])
        return out

    # -- traversal and analytics -------------------------------------------------------
    def links(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Link]:
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        out: list[Link] = []
        rel_query = q.relation_links_query(wanted)
        for r in self._read(rel_query) if rel_query is not None else ():
            seen = _window(r["dates"], r["counts"], since, until)
            if seen is not None:
                out.append(
                    Link.model_construct(
                        source=r["source"], target=r["target"], type=RelationType(r["type"]), agreement=None,
                        weight=seen[0], first_seen=seen[1], last_seen=seen[2],
                    )
                )  # fmt: skip
        if wanted is None or RelationType.PARTY_TO in wanted:
            for r in self._read(q.agreement_links_query()):
                seen = _window(r["dates"], r["counts"], since, until)
                if seen is None:
                    continue
                for a, b in combinations(sorted(r["parties"]), 2):
                    out.append(
                        Link.model_construct(
                            source=a, target=b, type=RelationType.PARTY_TO, agreement=r["id"],
                            weight=seen[0], first_seen=seen[1], last_seen=seen[2],
                        )
                    )  # fmt: skip
        out.sort(key=link_order)
        return iter(out)

    def steps(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None = None
    ) -> dict[str, list[Step]]:
        """Neighbour expansion of a whole frontier in one round trip."""
        return self.steps_within(nodes, 0, types)

    def steps_as_of(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None, asked: AsOf | None
    ) -> dict[str, list[Step]]:
        """:meth:`steps` that hold as ``asked`` in one round trip where the stored bookkeeping
        decides (:func:`.cypher.timed_steps_query`: most relations, and every step whose
        documents by the day are too few), and by the full rule
        (:func:`qkg.graph.reading.timed_steps`: keyed reads of the parts) only for the rest."""
        if asked is None:
            return self.steps(nodes, types)
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        out: dict[str, list[Step]] = {n: [] for n in nodes}
        if not out:
            return out
        day = asked.day.isoformat() if asked.day is not None else None
        undecided: dict[str, list[Step]] = {}
        for r in self._read(q.timed_steps_query(list(out), wanted, day, asked.min_support)):
            step = (r["next"], _RELATION_TYPES[r["type"]], r["agreement"], bool(r["against"]))
            holds = r["holds"]
            if holds is None:
                undecided.setdefault(r["node"], []).append(step)
            elif holds:
                out.setdefault(r["node"], []).append(step)
        if undecided:
            for n, steps in timed_steps(self, undecided, asked).items():
                out.setdefault(n, []).extend(steps)
        for steps in out.values():
            steps.sort(key=step_order)
        return out

    def steps_within(
        self,
        nodes: Sequence[str],
        hops: int,
        types: Iterable[RelationType] | None = None,
        *,
        asked: AsOf | None = None,
    ) -> dict[str, list[Step]]:
        """The steps of every actor within ``hops`` hops of ``nodes`` (see
        :func:`qkg.graph.reading.steps_within`), in one round trip: the frontiers are found
        by the statement itself. ``asked`` decides which steps hold level by level (two
        keyed reads a level), as the shared walk does."""
        if asked is not None:
            return steps_within(self, nodes, hops, types, asked=asked)
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        out: dict[str, list[Step]] = {n: [] for n in nodes}
        if out:
            for r in self._read(q.steps_query(list(out), wanted, hops)):
                out.setdefault(r["node"], []).append(
                    (r["next"], _RELATION_TYPES[r["type"]], r["agreement"], bool(r["against"]))
                )
            for steps in out.values():
                steps.sort(key=step_order)
        return out

    def collaborator_walk(
        self, roots: Sequence[str], depth: int, types: Vias, first: int, links: int, asked: AsOf | None
    ) -> Walked:
        """The whole collaborator walk in one round trip (:func:`.cypher.collaborators_query`):
        the walk, the order and the cut are the statement's; here the rows become models.
        ``asked``: the statement walks the steps that hold as of its day with its support
        where the stored bookkeeping decides them, and a root with a step it cannot decide
        is left open (walked by the caller over :meth:`steps_as_of`). The facts shown are the
        views as of the day: a relation whose documents are all published by then is its
        stored merge, one known by only some of them is merged from those (its bookkeeping
        comes with the row); an agreement the statement decides is its stored merge (every
        document published by the day, no events, no end passed)."""
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        out = Walked({}, {}, {}, {})
        if not roots:
            return out
        timed, day = None, None if asked is None else asked.day
        if asked is not None:
            timed = (asked.day.isoformat() if asked.day is not None else None, asked.min_support)
            flt = RelationFilter(as_of=asked.day, min_support=asked.min_support)
        rtype = _RELATION_TYPES
        still: set[str] = set()
        for rec in self._read(q.collaborators_query(roots, depth, wanted, first, links, timed=timed)):
            if rec["open"]:
                still.add(rec["root"])
                continue
            near, reached = int(rec["near"]), int(rec["reached"])
            rows = []
            for row in rec["rows"]:
                b = row["b"]
                out.entities[b["id"]] = _entity(b)
                steps = [(u, rtype[t], g, bool(x)) for u, t, g, x in row["steps"]]
                rows.append((b["id"], int(row["d"]), int(row["n"]), steps))
                for r in row["rels"]:
                    rel = _relation(r) if timed is None or r["whole"] else _timed_relation(r, flt)
                    if rel is not None:
                        out.relations[rel.key] = rel
                for g in row["ags"]:
                    ag = _agreement(g)
                    out.agreements[g["id"]] = ag if day is None else whole_agreement_view(ag, day)
            for e in rec["ends"]:
                if e["id"] not in out.entities:
                    out.entities[e["id"]] = _entity(e)
            out.found[rec["root"]] = ([near, reached - near][:depth], rows)
        return out._replace(open=frozenset(still)) if still else out

    def stats(self) -> Stats:
        r = self._read(q.stats_query())[0]
        entities = {str(t): int(c) for t, c in r["entities"] if t is not None}
        relations = {str(t): int(c) for t, c in r["relations"]}
        return Stats(
            documents=r["documents"],
            entities=sum(entities.values()),
            relations=sum(relations.values()),
            agreements=r["agreements"],
            goals=r["goals"],
            evidence=int(r["relation_evidence"] or 0)
            + int(r["agreement_evidence"] or 0)
            + int(r["goal_evidence"] or 0),
            entities_by_type=dict(sorted(entities.items())),
            relations_by_type=dict(sorted(relations.items())),
        )
