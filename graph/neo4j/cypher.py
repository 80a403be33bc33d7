"""Cypher for the Neo4j store, as pure builders returning ``(query, params)``.

Labels and relationship types are only ever formatted in from the ontology enums (checked
here by :func:`_label` and :func:`_rel_type`) or from the fixed names below; every value,
including every id, name and piece of text, travels as a parameter. Keeping the Cypher here,
apart from the driver, lets ``tests/graph/test_cypher.py`` check it without a server.

The property-graph layout (see ``docs/neo4j.md``):

- ``(:Actor:<EntityType> {id, type, name, aliases, external_ids, country, description,
  name_key, keys, primary, ext_src})``; ``keys`` are the normalised name and aliases.
- ``(a:Actor)-[:<RelationType> {evidence, docs, dates, contrib, confidence, valid_from,
  valid_to}]->(b:Actor)``: ``evidence`` is the merged evidence as JSON strings, ``docs`` the
  supporting document ids (sorted) with their publication ``dates`` and per-document
  ``contrib`` (JSON) in parallel lists; ``span`` one string that decides most ``asOf`` steps
  (:func:`qkg.graph.neo4j.merge.relation_span`).
- ``(:Agreement)`` and ``(:Goal)`` nodes likewise carry ``evidence``, ``docs``, ``dates`` and
  ``contrib``; ``(:Actor)-[:PARTY_TO]->(:Agreement)``, ``(:Actor)-[:HAS_GOAL]->(:Goal)``.
- ``(:Document {id, ..., delta, digest, loaded})-[:MENTIONS {entity}]->(:Actor)``: the
  document's canonical delta and, per entity, the entity as that document described it.
- One ``(:QkgMeta {id: "graph", version, ledger_seq, ledger_complete})`` node holds the graph
  version and the ledger's next event number.
- ``(:QkgLedger {seq, document, digest, recorded, version, facts, retracted_seq, retracted,
  retracted_version, delta})``: one per recorded document version (record time, see
  :mod:`qkg.graph.merge`); ``recorded``/``retracted`` are fixed-width ISO UTC text, ``delta``
  the canonical delta of a retracted version, kept when its document is removed or replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from qkg.schemas import (
    SYMMETRIC_TYPES,
    AgreementKind,
    AgreementStatus,
    Direction,
    EntityFilter,
    EntityType,
    RelationFilter,
    RelationType,
)

__all__ = [
    "ACTOR",
    "AGREEMENT",
    "BOOKKEEPING",
    "CHANGE_FIELDS",
    "DOCUMENT",
    "EVENT_FIELDS",
    "GOAL",
    "LEDGER",
    "MENTIONS",
    "META",
    "Query",
    "agreement_links_query",
    "agreements_query",
    "bookkeeping_query",
    "bump_version",
    "claim_documents",
    "clear_batch",
    "collaborators_query",
    "count_entities_query",
    "delete_nodes",
    "delete_relations",
    "deltas_query",
    "documents_query",
    "documents_with_source",
    "entities_by_id_query",
    "entities_query",
    "entity_mentions",
    "find_entities_query",
    "find_named_query",
    "goals_query",
    "ledger_page",
    "ledger_query",
    "ledger_since",
    "ledger_state",
    "lock_documents",
    "lock_entities",
    "lock_nodes",
    "mark_bookkeeping",
    "mark_ledger_complete",
    "read_relations",
    "relation_links_query",
    "relations_and_entities_query",
    "relations_by_key_query",
    "relations_query",
    "retracted_deltas",
    "schema_statements",
    "set_bookkeeping",
    "stale_agreements",
    "stale_relations",
    "stats_query",
    "steps_query",
    "timed_steps_query",
    "unrecorded_documents",
    "update_relations",
    "version_query",
    "write_agreements",
    "write_documents",
    "write_entities",
    "write_goals",
    "write_ledger",
    "write_relations",
]

Query = tuple[str, dict[str, Any]]

ACTOR = "Actor"
AGREEMENT = "Agreement"
GOAL = "Goal"
DOCUMENT = "Document"
META = "QkgMeta"
LEDGER = "QkgLedger"
MENTIONS = "MENTIONS"
_PARTY_TO = RelationType.PARTY_TO.value
_HAS_GOAL = RelationType.HAS_GOAL.value
_NODE_LABELS = frozenset({ACTOR, AGREEMENT, GOAL, DOCUMENT, META, LEDGER})
#: Relation types stored as relationships between two actors.
ACTOR_REL_TYPES: tuple[RelationType, ...] = tuple(
    t for t in RelationType if t not in (RelationType.PARTY_TO, RelationType.HAS_GOAL)
)
_ACTOR_REL_VALUES = tuple(_t.value for _t in ACTOR_REL_TYPES)
_ENTITY_PROPS = "id: n.id, type: n.type, name: n.name, aliases: n.aliases, external_ids: n.external_ids, country: n.country, description: n.description"
_REL_RETURN = (
    "startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, r.evidence AS evidence, "
    "r.confidence AS confidence, r.valid_from AS valid_from, r.valid_to AS valid_to"
)

#: A relation's (or agreement's) per-document bookkeeping, for answers as of a date.
_BOOK_RETURN = "r.docs AS docs, r.dates AS dates, r.contrib AS contrib"


def _label(value: str | EntityType) -> str:
    """A node label, only from the ontology or the store's fixed labels."""
    if isinstance(value, EntityType):
        return value.value
    if value in _NODE_LABELS:
        return value
    return EntityType(value).value  # raises ValueError for anything else


def _rel_type(value: str | RelationType) -> str:
    """A relationship type, only from the ontology (or the store's MENTIONS)."""
    if value == MENTIONS:
        return MENTIONS
    return RelationType(value).value


def schema_statements() -> list[str]:
    """Uniqueness constraints on every id plus lookup indexes, all idempotent."""
    out = [
        f"CREATE CONSTRAINT qkg_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in (ACTOR, AGREEMENT, GOAL, DOCUMENT, META)
    ]
    out += [
        f"CREATE INDEX qkg_document_source IF NOT EXISTS FOR (n:{DOCUMENT}) ON (n.source)",
        f"CREATE INDEX qkg_actor_name_key IF NOT EXISTS FOR (n:{ACTOR}) ON (n.name_key)",
        f"CREATE INDEX qkg_goal_owner IF NOT EXISTS FOR (n:{GOAL}) ON (n.owner)",
        f"CREATE CONSTRAINT qkg_ledger_seq IF NOT EXISTS FOR (n:{LEDGER}) REQUIRE n.seq IS UNIQUE",
    ]
    out += [
        f"CREATE INDEX qkg_ledger_{prop} IF NOT EXISTS FOR (n:{LEDGER}) ON (n.{prop})"
        for prop in ("document", "retracted_seq", "version", "retracted_version", "recorded", "retracted")
    ]
    return out


# -- write path: lock, read, write (all inside one transaction per document) -----------------


def lock_documents(ids: Sequence[str]) -> Query:
    """Lock and read loaded documents (their canonical delta and digest)."""
    return (
        f"MATCH (d:{DOCUMENT}) WHERE d.id IN $ids SET d._lock = true REMOVE d._lock "
        "RETURN d.id AS id, d.delta AS delta, d.digest AS digest",
        {"ids": list(ids)},
    )


def claim_documents(ids: Sequence[str]) -> Query:
    """Write-lock these documents, MERGE-ing a placeholder for an id not loaded yet, and read
    their digests (null for a placeholder): a second writer of the same new document waits
    for the first to commit and then finds it loaded, where a read of nothing locked nothing.
    The caller writes every placeholder in the same transaction (:func:`write_documents`)."""
    return (
        f"UNWIND $ids AS id MERGE (d:{DOCUMENT} {{id: id}}) SET d._lock = true REMOVE d._lock "
        "RETURN id, d.digest AS digest",
        {"ids": sorted(set(ids))},
    )


def documents_with_source(sources: Sequence[str]) -> Query:
    """Loaded documents with one of these ``source`` values (candidates for replacement)."""
    return (
        f"UNWIND $sources AS s MATCH (d:{DOCUMENT} {{source: s}}) RETURN s AS source, d.id AS id ORDER BY id",
        {"sources": sorted(set(sources))},
    )


def lock_entities(ids: Sequence[str]) -> Query:
    """MERGE (and so write-lock) entity nodes in id order; return their merged state.

    New ids come back with ``primary = null``; they are filled or deleted later in the
    same transaction, so nobody ever sees the placeholder.
    """
    return (
        f"UNWIND $ids AS id MERGE (n:{ACTOR} {{id: id}}) SET n._lock = true REMOVE n._lock "
        "RETURN id, n.primary AS primary, n.ext_src AS ext_src, n.type AS type, n.name AS name, "
        "n.aliases AS aliases, n.external_ids AS external_ids, n.country AS country, "
        "n.description AS description",
        {"ids": sorted(set(ids))},
    )


def entity_mentions(ids: Sequence[str], exclude_docs: Sequence[str]) -> Query:
    """Every remaining document's description of these entities (for a full re-merge)."""
    return (
        f"UNWIND $ids AS id MATCH (d:{DOCUMENT})-[m:{MENTIONS}]->(n:{ACTOR} {{id: id}}) "
        "WHERE NOT d.id IN $exclude RETURN id, d.id AS doc, m.entity AS entity",
        {"ids": sorted(set(ids)), "exclude": list(exclude_docs)},
    )


def _actor_rows(
    rows: Iterable[tuple[tuple[str, str, str], Mapping[str, Any] | None]],
) -> list[dict[str, Any]]:
    """One list of ``{type, s, t[, props]}`` rows for a statement with one branch per type of
    :data:`ACTOR_REL_TYPES`, each branch taking its type's rows from the list. One parameter,
    always a list of maps: Neo4j keys its plan cache by the text *and* the parameters' types,
    so one list per type (empty for some batches, not for others) made every new mix of
    types plan the whole statement again (0.3 s each here)."""
    out: list[dict[str, Any]] = []
    for (s, t, o), props in sorted(rows, key=lambda row: row[0]):
        rtype = _rel_type(t)
        if rtype not in _ACTOR_REL_VALUES:
            raise ValueError(f"{rtype} is not a relationship between two actors")
        row: dict[str, Any] = {"type": rtype, "s": s, "t": o}
        if props is not None:
            row["props"] = dict(props)
        out.append(row)
    return out


def read_relations(keys: Iterable[tuple[str, str, str]]) -> Query:
    """The stored per-document bookkeeping and merged values of these relations (missing ones
    are absent), with each relationship's ``eid`` (its element id, for :func:`update_relations`
    in the same transaction). One ``UNION ALL`` branch per relationship type, written into the
    pattern from the enum: a typed expand between two known nodes reads only that type's
    relationships of a hub, where ``-[r]->`` with ``WHERE type(r) = ...`` walked all of them."""
    branches = [
        f"UNWIND [x IN $rows WHERE x.type = '{t}'] AS row "
        f"MATCH (:{ACTOR} {{id: row.s}})-[r:{t}]->(:{ACTOR} {{id: row.t}}) "
        "RETURN row.s AS source, row.type AS type, row.t AS target, r"
        for t in _ACTOR_REL_VALUES
    ]
    return (
        "CALL () { "
        + " UNION ALL ".join(branches)
        + " } RETURN source, type, target, elementId(r) AS eid, r.docs AS docs, r.contrib AS contrib, "
        "r.evidence AS evidence, r.dates AS dates, r.counts AS counts, r.confidence AS confidence, "
        "r.valid_from AS valid_from, r.valid_to AS valid_to",
        {"rows": _actor_rows((k, None) for k in set(keys))},
    )


def lock_nodes(label: str, ids: Sequence[str]) -> Query:
    """MERGE (and lock) agreement or goal nodes; return their bookkeeping."""
    lab = _label(label)
    return (
        f"UNWIND $ids AS id MERGE (n:{lab} {{id: id}}) SET n._lock = true REMOVE n._lock "
        "RETURN id, n.docs AS docs, n.contrib AS contrib, n.evidence AS evidence, n.dates AS dates",
        {"ids": sorted(set(ids))},
    )


def write_entities(rows: Sequence[tuple[EntityType, Mapping[str, Any]]]) -> Query:
    """Set merged entity properties and make the entity's type label its only type label.

    Labels are set with Neo4j 5.26 dynamic labels from values checked against the enum here."""
    return (
        f"UNWIND $rows AS row MATCH (n:{ACTOR} {{id: row.props.id}}) "
        "SET n = row.props SET n:$(row.label) REMOVE n:$(row.others)",
        {
            "rows": [
                {
                    "label": _label(t),
                    "others": [o.value for o in EntityType if o is not t],
                    "props": dict(props),
                }
                for t, props in rows
            ]
        },
    )


def delete_nodes(
    *,
    agreements: Sequence[str] = (),
    goals: Sequence[str] = (),
    documents: Sequence[str] = (),
    actors: Sequence[str] = (),
) -> Query:
    """Delete nodes (and their relationships) of each kind, in one statement."""
    return (
        f"CALL () {{ UNWIND $agreements AS id MATCH (n:{AGREEMENT} {{id: id}}) DETACH DELETE n }} "
        f"CALL () {{ UNWIND $goals AS id MATCH (n:{GOAL} {{id: id}}) DETACH DELETE n }} "
        f"CALL () {{ UNWIND $documents AS id MATCH (n:{DOCUMENT} {{id: id}}) DETACH DELETE n }} "
        f"CALL () {{ UNWIND $actors AS id MATCH (n:{ACTOR} {{id: id}}) DETACH DELETE n }}",
        {
            "agreements": sorted(set(agreements)),
            "goals": sorted(set(goals)),
            "documents": sorted(set(documents)),
            "actors": sorted(set(actors)),
        },
    )


def _by_type(
    rows: Iterable[tuple[tuple[str, str, str], Mapping[str, Any] | None]],
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for (s, t, o), props in rows:
        row: dict[str, Any] = {"s": s, "t": o}
        if props is not None:
            row["props"] = dict(props)
        out.setdefault(_rel_type(t), []).append(row)
    return dict(sorted(out.items()))


def write_relations(rows: Sequence[tuple[tuple[str, str, str], Mapping[str, Any]]]) -> Query:
    """Create relationships that do not exist yet between existing actors, with their
    properties, in one statement of one fixed text (one branch per type, the type from the
    enum; Neo4j plans it once). ``CREATE``, not ``MERGE``: the writer read these keys after
    write-locking both ends of each (every relation's actors are locked first), so none can
    appear meanwhile, and ``MERGE`` would scan a hub's relationships of that type per row."""
    branches = [
        f"CALL () {{ UNWIND [x IN $rows WHERE x.type = '{t}'] AS row "
        f"MATCH (a:{ACTOR} {{id: row.s}}) MATCH (b:{ACTOR} {{id: row.t}}) "
        f"CREATE (a)-[r:{t}]->(b) SET r = row.props }}"
        for t in _ACTOR_REL_VALUES
    ]
    return (" ".join(branches), {"rows": _actor_rows(rows)})


def update_relations(rows: Sequence[tuple[str, Mapping[str, Any]]]) -> Query:
    """Set the properties of relationships found by :func:`read_relations` in the same
    transaction, by their element id (``(eid, props)`` rows): a direct seek, whatever the type."""
    return (
        "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props",
        {"rows": [{"eid": eid, "props": dict(props)} for eid, props in rows]},
    )


def delete_relations(keys: Iterable[tuple[str, str, str]]) -> list[Query]:
    return [
        (
            f"UNWIND $rows AS row MATCH (:{ACTOR} {{id: row.s}})-[r:{t}]->(:{ACTOR} {{id: row.t}}) DELETE r",
            {"rows": group},
        )
        for t, group in _by_type((k, None) for k in keys).items()
    ]


def write_agreements(rows: Sequence[Mapping[str, Any]]) -> Query:
    """Set agreement properties and make PARTY_TO edges exactly the parties."""
    return (
        f"UNWIND $rows AS row MATCH (g:{AGREEMENT} {{id: row.id}}) SET g = row "
        f"WITH g CALL (g) {{ MATCH (g)<-[p:{_PARTY_TO}]-(x) WHERE NOT x.id IN g.parties DELETE p }} "
        f"WITH g UNWIND g.parties AS pid MATCH (a:{ACTOR} {{id: pid}}) MERGE (a)-[:{_PARTY_TO}]->(g)",
        {"rows": list(rows)},
    )


def write_goals(rows: Sequence[Mapping[str, Any]]) -> Query:
    """Set goal properties and make the HAS_GOAL edge come from the owner only."""
    return (
        f"UNWIND $rows AS row MATCH (g:{GOAL} {{id: row.id}}) SET g = row "
        f"WITH g CALL (g) {{ MATCH (g)<-[h:{_HAS_GOAL}]-(x) WHERE x.id <> g.owner OR g.owner IS NULL DELETE h }} "
        f"WITH g MATCH (a:{ACTOR} {{id: g.owner}}) MERGE (a)-[:{_HAS_GOAL}]->(g)",
        {"rows": list(rows)},
    )


def write_documents(docs: Sequence[tuple[Mapping[str, Any], Sequence[Mapping[str, Any]]]]) -> Query:
    """Document nodes (their ``loaded`` marker) and one MENTIONS edge per entity they describe.

    ``docs`` are ``(properties, mentions)`` with mentions ``{id, entity}`` (one per entity: a
    delta's entity ids are distinct). Each document is a placeholder :func:`claim_documents`
    made or a node made here (a stored version it replaces was deleted first in the same
    transaction), so it has no edges yet and its MENTIONS are created, not merged."""
    return (
        f"UNWIND $docs AS doc MERGE (d:{DOCUMENT} {{id: doc.props.id}}) SET d = doc.props, d.loaded = true "
        f"WITH d, doc UNWIND doc.mentions AS m MATCH (n:{ACTOR} {{id: m.id}}) "
        f"CREATE (d)-[:{MENTIONS} {{entity: m.entity}}]->(n)",
        {"docs": [{"props": dict(p), "mentions": list(m)} for p, m in docs]},
    )


def version_query() -> Query:
    return (f"OPTIONAL MATCH (m:{META} {{id: 'graph'}}) RETURN m.version AS version", {})


def lock_version() -> Query:
    """Write-lock the graph's meta node (made on first use) and read the version: writers
    then read and bump it (and the ledger's next event number) one at a time."""
    return (
        f"MERGE (m:{META} {{id: 'graph'}}) SET m._lock = true REMOVE m._lock RETURN m.version AS version",
        {},
    )


def bump_version(version: str) -> Query:
    return (f"MERGE (m:{META} {{id: 'graph'}}) SET m.version = $version", {"version": version})


def clear_batch(batch: int = 5_000) -> Query:
    """Delete up to ``batch`` relationships of the store's nodes, or when none are left, up to
    ``batch`` of its nodes; run until it returns 0. Bounded batches keep each transaction
    small whatever the graph's size (hubs have thousands of relationships)."""
    labels = " OR ".join(f"n:{lab}" for lab in (ACTOR, AGREEMENT, GOAL, DOCUMENT, META, LEDGER))
    return (
        f"CALL () {{ MATCH (n)-[r]-() WHERE {labels} WITH DISTINCT r LIMIT $batch DELETE r RETURN count(*) AS rels }} "
        f"CALL (rels) {{ MATCH (n) WHERE rels = 0 AND ({labels}) WITH n LIMIT $batch DETACH DELETE n "
        "RETURN count(*) AS nodes } "
        "RETURN rels + nodes AS deleted",
        {"batch": batch},
    )


# -- reads ------------------------------------------------------------------------------------


def entities_by_id_query(ids: Sequence[str]) -> Query:
    return (
        f"UNWIND $ids AS id MATCH (n:{ACTOR} {{id: id}}) RETURN {{{_ENTITY_PROPS}}} AS n",
        {"ids": list(dict.fromkeys(ids))},
    )


def find_entities_query(key: str) -> Query:
    return (
        f"MATCH (n:{ACTOR}) WHERE $key IN n.keys WITH n ORDER BY n.name_key, n.id RETURN {{{_ENTITY_PROPS}}} AS n",
        {"key": key},
    )


def find_named_query(keys: Sequence[str]) -> Query:
    """The actors with any of ``keys`` among their name keys, with the keys they have, in
    :func:`find_entities_query`'s order."""
    return (
        f"MATCH (n:{ACTOR}) WHERE any(k IN n.keys WHERE k IN $keys) WITH n ORDER BY n.name_key, n.id "
        f"RETURN {{{_ENTITY_PROPS}}} AS n, [k IN n.keys WHERE k IN $keys] AS hit",
        {"keys": list(dict.fromkeys(keys))},
    )


def _entity_where(f: EntityFilter | None, normalise: Any) -> tuple[str, dict[str, Any]]:
    if f is None:
        return "", {}
    conds: list[str] = []
    params: dict[str, Any] = {}
    if f.types is not None:
        conds.append("n.type IN $types")
        params["types"] = sorted(t.value for t in f.types)
    if f.country is not None:
        conds.append("n.country = $country")
        params["country"] = f.country.upper()
    if f.name_prefix is not None:
        conds.append("any(k IN n.keys WHERE k STARTS WITH $prefix)")
        params["prefix"] = normalise(f.name_prefix)
    if f.name_contains is not None:
        conds.append("any(k IN n.keys WHERE k CONTAINS $contains)")
        params["contains"] = normalise(f.name_contains)
    if f.technology is not None:
        conds.append(
            f"EXISTS {{ MATCH (n)-[:{RelationType.WORKS_ON.value}|{RelationType.DEVELOPS.value}]->"
            f"(:{ACTOR} {{id: $technology}}) }}"
        )
        params["technology"] = f.technology
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


def entities_query(f: EntityFilter | None, normalise: Any, *, limit: int | None, offset: int) -> Query:
    where, params = _entity_where(f, normalise)
    page = " SKIP $offset" + (" LIMIT $limit" if limit is not None else "")
    params.update(offset=offset, limit=limit)
    return (
        f"MATCH (n:{ACTOR}){where} WITH n ORDER BY n.name_key, n.id{page} RETURN {{{_ENTITY_PROPS}}} AS n",
        params,
    )


def count_entities_query(f: EntityFilter | None, normalise: Any) -> Query:
    where, params = _entity_where(f, normalise)
    return (f"MATCH (n:{ACTOR}){where} RETURN count(n) AS n", params)


def _types_pattern(types: Iterable[RelationType] | None) -> str:
    chosen = ACTOR_REL_TYPES if types is None else tuple(t for t in ACTOR_REL_TYPES if t in set(types))
    return "|".join(_rel_type(t) for t in chosen)


def _relation_where(f: RelationFilter | None, anchored: bool) -> tuple[list[str], dict[str, Any]]:
    conds: list[str] = []
    params: dict[str, Any] = {}
    if f is None:
        return conds, params
    if anchored and f.direction is not Direction.BOTH:
        end = "startNode(r)" if f.direction is Direction.OUT else "endNode(r)"
        conds.append(f"({end} = a OR type(r) IN $symmetric)")
        params["symmetric"] = sorted(t.value for t in SYMMETRIC_TYPES)
    if f.entity_types is not None:
        params["etypes"] = sorted(t.value for t in f.entity_types)
        conds.append("b.type IN $etypes" if anchored else "(a.type IN $etypes OR b.type IN $etypes)")
    if f.document_id is not None:
        conds.append("$document IN r.docs")
        params["document"] = f.document_id
    if f.since is not None or f.until is not None:
        conds.append(
            "any(d IN r.dates WHERE d <> '' AND ($since IS NULL OR d >= $since) AND ($until IS NULL OR d <= $until))"
        )
        params["since"] = f.since.isoformat() if f.since else None
        params["until"] = f.until.isoformat() if f.until else None
    if f.as_of is not None:  # a document published by then; validity is decided per document in Python
        conds.append("any(d IN r.dates WHERE d <> '' AND d <= $as_of)")
        params["as_of"] = f.as_of.isoformat()
    if f.min_support is not None:
        conds.append("size(r.docs) >= $min_support")
        params["min_support"] = f.min_support
    return conds, params


def relations_query(
    entity_ids: Sequence[str] | None,
    f: RelationFilter | None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Query:
    """Relations touching each of ``entity_ids`` (one row per anchor and relation, with the
    anchor as ``anchor``), or all relations when ``None``; ordered by (source, type, target)."""
    types = _types_pattern(f.types if f is not None else None)
    if not types:
        return ("RETURN 1 AS none LIMIT 0", {})
    anchored = entity_ids is not None
    conds, params = _relation_where(f, anchored)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    page = (" SKIP $offset" if offset else "") + (" LIMIT $limit" if limit is not None else "")
    params.update(offset=offset, limit=limit)
    ret = _REL_RETURN
    if f is not None and f.timed:
        # each relation's view as of a date is decided from its per-document bookkeeping, in
        # the same round trip; the caller pages what is left
        ret += f", {_BOOK_RETURN}"
        page = ""
    if anchored:
        params["ids"] = list(dict.fromkeys(entity_ids or ()))
        return (
            f"UNWIND $ids AS anchor MATCH (a:{ACTOR} {{id: anchor}})-[r:{types}]-(b:{ACTOR}){where} "
            f"RETURN anchor, {ret} ORDER BY anchor, source, type, target{page}",
            params,
        )
    return (
        f"MATCH (a:{ACTOR})-[r:{types}]->(b:{ACTOR}){where} RETURN {ret} ORDER BY source, type, target{page}",
        params,
    )


def relations_by_key_query(keys: Iterable[tuple[str, str, str]], *, book: bool = False) -> Query:
    """The merged relations with these ``(source, type, target)`` keys (missing ones absent),
    with their per-document bookkeeping when ``book``."""
    by_type: dict[str, list[dict[str, str]]] = {}
    for s, t, o in sorted(set(keys)):
        by_type.setdefault(_rel_type(t), []).append({"s": s, "t": o})
    if not by_type:
        return "RETURN 1 AS nothing LIMIT 0", {}
    # one branch per relationship type, written into the pattern (types come only from the
    # ontology): a typed expand between two known nodes reads only that type's relationships,
    # where '-[r]-> WHERE type(r) = ...' walked every relationship of a hub for every row
    branches = [
        f"UNWIND $rows{i} AS row MATCH (:{ACTOR} {{id: row.s}})-[r:{rtype}]->(:{ACTOR} {{id: row.t}}) RETURN r"
        for i, rtype in enumerate(by_type)
    ]
    return (
        "CALL { "
        + " UNION ALL ".join(branches)
        + f" }} RETURN {_REL_RETURN}"
        + (f", {_BOOK_RETURN}" if book else ""),
        {f"rows{i}": rows for i, rows in enumerate(by_type.values())},
    )


def relations_and_entities_query(keys: Iterable[tuple[str, str, str]], ids: Sequence[str]) -> Query:
    """:func:`relations_by_key_query` and :func:`entities_by_id_query` in one statement (one
    row: ``rels``, ``ents``): a path's hops and the actors on it in one round trip."""
    by_type: dict[str, list[dict[str, str]]] = {}
    for s, t, o in sorted(set(keys)):
        by_type.setdefault(_rel_type(t), []).append({"s": s, "t": o})
    rel_map = (
        "{source: startNode(r).id, type: type(r), target: endNode(r).id, evidence: r.evidence, "
        "confidence: r.confidence, valid_from: r.valid_from, valid_to: r.valid_to}"
    )
    if by_type:
        branches = [
            f"UNWIND $rows{i} AS row MATCH (:{ACTOR} {{id: row.s}})-[r:{rtype}]->(:{ACTOR} {{id: row.t}}) RETURN r"
            for i, rtype in enumerate(by_type)
        ]
        rels = (
            "CALL () { CALL () { "
            + " UNION ALL ".join(branches)
            + f" }} RETURN collect({rel_map}) AS rels }} "
        )
    else:
        rels = "WITH [] AS rels "
    return (
        f"{rels}CALL () {{ UNWIND $ids AS id MATCH (n:{ACTOR} {{id: id}}) RETURN collect({{{_ENTITY_PROPS}}}) AS ents }} "
        "RETURN rels, ents",
        {"ids": list(dict.fromkeys(ids)), **{f"rows{i}": rows for i, rows in enumerate(by_type.values())}},
    )


def agreements_query(
    *,
    party: str | None = None,
    parties: Sequence[str] | None = None,
    kind: AgreementKind | None = None,
    since: str | None = None,
    until: str | None = None,
    document_id: str | None = None,
    ids: Sequence[str] | None = None,
    as_of: str | None = None,
    book: bool = False,
) -> Query:
    """Agreements filtered; with ``parties``, one row per (party, agreement) as ``anchor``.
    With ``as_of`` (an ISO date), only agreements a document published by then supports, with
    their per-document bookkeeping (``docs``, ``dates``, ``contrib``): the caller decides each
    one's view as of that date, and applies the other conditions to it."""
    conds: list[str] = []
    params: dict[str, Any] = {}
    if as_of is not None:
        conds.append("any(d IN g.dates WHERE d <> '' AND d <= $as_of)")
        params["as_of"] = as_of
        kind = since = until = document_id = None
    if kind is not None:
        conds.append("g.kind = $kind")
        params["kind"] = AgreementKind(kind).value
    if since is not None:
        conds.append("g.date IS NOT NULL AND left(g.date, size($since)) >= $since")
        params["since"] = since
    if until is not None:
        conds.append("g.date IS NOT NULL AND left(g.date, size($until)) <= $until")
        params["until"] = until
    if document_id is not None:
        conds.append("$document IN g.docs")
        params["document"] = document_id
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    book_props = ", .docs, .dates, .contrib" if as_of is not None or book else ""
    ret = f"g {{.id, .kind, .title, .parties, .date, .place, .topics, .status, .events, .ends, .evidence{book_props}}} AS g"
    order = "ORDER BY g.date IS NULL, g.date, g.id"
    if parties is not None:
        params["parties"] = list(dict.fromkeys(parties))
        return (
            f"UNWIND $parties AS anchor MATCH (:{ACTOR} {{id: anchor}})-[:{_PARTY_TO}]->(g:{AGREEMENT}){where} "
            f"WITH anchor, g {order} RETURN anchor, {ret}",
            params,
        )
    if party is not None:
        params["party"] = party
        match = f"MATCH (:{ACTOR} {{id: $party}})-[:{_PARTY_TO}]->(g:{AGREEMENT})"
    elif ids is not None:
        params["ids"] = list(ids)
        match = f"MATCH (g:{AGREEMENT}) WHERE g.id IN $ids"
        where = where.replace(" WHERE ", " AND ", 1)
    else:
        match = f"MATCH (g:{AGREEMENT})"
    return (f"{match}{where} WITH g {order} RETURN {ret}", params)


def goals_query(owner: str | None) -> Query:
    where = " WHERE g.owner = $owner" if owner is not None else ""
    return (
        f"MATCH (g:{GOAL}){where} WITH g ORDER BY g.target_year IS NULL, g.target_year, g.id "
        "RETURN g {.id, .metric, .value, .unit, .target_year, .owner, .evidence} AS g",
        {"owner": owner} if owner is not None else {},
    )


def _step_branches(
    types: Iterable[RelationType] | None, *, timed: bool = False
) -> tuple[list[str], dict[str, Any]]:
    """The parts of one hop of neighbour expansion from an actor id bound to ``id``: relations
    (either direction) and co-parties of shared agreements, each returning ``next, type,
    agreement, against`` (and ``holds`` when ``timed``: see :func:`timed_steps_query`); and
    the parameters they use."""
    wanted = None if types is None else set(types)
    rel_types = _types_pattern(wanted)
    parts: list[str] = []
    params: dict[str, Any] = {}
    if rel_types:
        parts.append(
            f"MATCH (a:{ACTOR} {{id: id}})-[r:{rel_types}]-(b:{ACTOR}) "
            + (_RELATION_KNOWN.format(x="a") if timed else "")
            + "RETURN b.id AS next, type(r) AS type, null AS agreement, "
            "(endNode(r) = a AND NOT type(r) IN $symmetric) AS against" + (_RELATION_HOLDS if timed else "")
        )
        params["symmetric"] = sorted(t.value for t in SYMMETRIC_TYPES)
    if wanted is None or RelationType.PARTY_TO in wanted:
        parts.append(
            f"MATCH (a:{ACTOR} {{id: id}})-[:{_PARTY_TO}]->(g:{AGREEMENT})<-[:{_PARTY_TO}]-(b:{ACTOR}) "
            + (_KNOWN.format(x="a", v="g") if timed else "")
            + f"RETURN b.id AS next, '{_PARTY_TO}' AS type, g.id AS agreement, false AS against"
            + (_PARTY_HOLDS.format(x="a") if timed else "")
        )
    return parts, params


def steps_query(nodes: Sequence[str], types: Iterable[RelationType] | None, hops: int = 0) -> Query:
    """Neighbour expansion for path search and the collaborator walk, in one statement:
    every step leaving each actor within ``hops`` hops of ``nodes`` (``hops=0``: the nodes
    themselves, one frontier), over relations (either direction) and co-parties of shared
    agreements. Each level's frontier is found server-side (``UNWIND`` and ``collect``), so
    a depth-2 walk costs one round trip instead of one per level."""
    parts, params = _step_branches(types)
    if not parts:
        return ("RETURN 1 AS none LIMIT 0", {})
    expand = "CALL (id) { " + " UNION ALL ".join(parts) + " }"
    grow = (
        f" {expand} WITH collect(DISTINCT id) AS ids, collect(DISTINCT next) AS nexts"
        " UNWIND ids + nexts AS id WITH DISTINCT id"
    )
    text = f"UNWIND $nodes AS id{grow * hops} {expand} RETURN id AS node, next, type, agreement, against"
    return (text, {**params, "nodes": list(dict.fromkeys(nodes))})


def timed_steps_query(
    nodes: Sequence[str], types: Iterable[RelationType] | None, day: str | None, min_support: int | None
) -> Query:
    """:func:`steps_query` (one frontier) with, per step, whether it holds as of ``day`` (ISO
    date, or None: every document) with at least ``min_support`` supporting documents, where
    the stored bookkeeping decides it without the parts (:func:`qkg.graph.merge.relation_view`'s
    rule): ``holds`` false when fewer than ``min_support`` (or no) documents are published by
    the day; true for a relation when, besides, no day is asked, or no document gives it a
    validity (the merged bounds are the earliest and latest of the parts'), or every document
    is published by the day and the merged validity contains it; for a co-party step without
    a day, or with every document published by the day and no events, whether both ends are
    among the agreement's parties and it has not ended. Otherwise ``holds`` is null: the
    caller decides by the full rule (events as of a day, an end still to pass, a fact known
    by only some of its documents)."""
    parts, params = _step_branches(types, timed=True)
    if not parts:
        return ("RETURN 1 AS none LIMIT 0", {})
    text = (
        "UNWIND $nodes AS id CALL (id) { " + " UNION ALL ".join(parts) + " } "
        "RETURN id AS node, next, type, agreement, against, holds"
    )
    return (
        text,
        {
            **params,
            "day": day,
            "min": min_support,
            "ended": AgreementStatus.ENDED.value,
            "nodes": list(dict.fromkeys(nodes)),
        },
    )


# How many of a fact's documents (bound to ``k``; ``n``: all of them) are published by $day (all
# when null), from its per-document dates, written beside its documents (``docs``) by one
# function: the statement reads only the dates. Null without them (the full rule decides then).
# ``{x}``: the actor the step leaves, ``{v}``: the relationship or agreement behind it.
_KNOWN = (
    "WITH {x}, {v}, b, {keep}{ds} AS ds "
    "WITH {x}, {v}, b, {keep}size(ds) AS n, CASE WHEN ds IS NULL THEN null "
    "ELSE size([x IN ds WHERE $day IS NULL OR (x <> '' AND x <= $day)]) END AS k "
)
# a relation's steps as of a day without minSupport, decided by its one stored ``span``
# (:func:`qkg.graph.neo4j.merge.relation_span`: earliest document date, day every document is
# published by, merged validity start and end) where it can (``quick``; then ``k`` is null and
# the lists are not read): false before the earliest date, the validity once all are published.
_RELATION_KNOWN = (
    "WITH {x}, r, b, CASE WHEN $day IS NULL OR $min IS NOT NULL THEN null ELSE r.span END AS s "
    "WITH {x}, r, b, CASE WHEN s IS NULL THEN null WHEN $day < substring(s, 0, 10) THEN false "
    "WHEN $day >= substring(s, 10, 10) THEN substring(s, 20, 10) <= $day AND $day <= substring(s, 30, 10) "
    "END AS quick "
    + _KNOWN.replace("{keep}", "quick, ")
    .replace("{ds}", "CASE WHEN quick IS NULL THEN r.dates END")
    .replace("{v}", "r")
)
_KNOWN = _KNOWN.replace("{keep}", "").replace("{ds}", "{v}.dates")
_FEW = "WHEN k IS NULL THEN null WHEN k = 0 OR k < coalesce($min, 0) THEN false"
# a relation's verdict (:func:`timed_steps_query`): known by some of its documents only, the
# validity those give (each document's bounds, ``vfrom``/``vto``: the earliest start and the
# latest end contain the day when some start is on or before it, some end on or after it)
_RELATION_HOLDS = (
    f", CASE WHEN quick IS NOT NULL THEN quick {_FEW} WHEN $day IS NULL THEN true WHEN r.valid_from IS NULL AND r.valid_to IS NULL THEN true "
    "WHEN k = n THEN (r.valid_from IS NULL OR r.valid_from <= $day) "
    "AND (r.valid_to IS NULL OR r.valid_to >= $day) "
    "WHEN r.vfrom IS NULL OR r.vto IS NULL OR size(r.vfrom) <> n OR size(r.vto) <> n THEN null "
    "ELSE (none(i IN range(0, n - 1) WHERE {known} AND r.vfrom[i] <> '') "
    "OR any(i IN range(0, n - 1) WHERE {known} AND r.vfrom[i] <> '' AND r.vfrom[i] <= $day)) "
    "AND (none(i IN range(0, n - 1) WHERE {known} AND r.vto[i] <> '') "
    "OR any(i IN range(0, n - 1) WHERE {known} AND r.vto[i] <> '' AND r.vto[i] >= $day)) END AS holds"
).replace("{known}", "r.dates[i] <> '' AND r.dates[i] <= $day")
# a co-party step's verdict: with no day, or every document published by it, both ends among
# the parties if it is in force then: with events, as its stored life steps say
# (:func:`qkg.graph.merge.life_steps`; none stored: the full rule); without, unless ended (its
# status and end are then the merged ones: those of the smallest document) or its end
# (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the last day of that year, month or day) has passed
# by the day: the end as a string is before the day cut to the end's precision. An end of
# another shape is left to the full rule.
_PARTY_HOLDS = (
    f", CASE {_FEW} WHEN $day IS NOT NULL AND k < n THEN null "
    "WHEN $day IS NOT NULL AND size(coalesce(g.events, [])) > 0 THEN CASE "
    "WHEN g.life_from IS NULL OR g.life_on IS NULL OR size(g.life_from) <> size(g.life_on) THEN null "
    "WHEN g.life_on[size([x IN g.life_from WHERE x <= $day]) - 1] "
    "THEN ({x}.id IN g.parties AND b.id IN g.parties) ELSE false END "
    "WHEN $day IS NOT NULL AND g.status = $ended THEN false "
    "WHEN $day IS NOT NULL AND g.ends IS NOT NULL AND NOT size(g.ends) IN [4, 7, 10] THEN null "
    "WHEN $day IS NOT NULL AND g.ends IS NOT NULL AND g.ends < substring($day, 0, size(g.ends)) THEN false "
    "ELSE ({x}.id IN g.parties AND b.id IN g.parties) END AS holds"
)


def _node_step_branches(
    x: str, types: Iterable[RelationType] | None, *, timed: bool = False
) -> tuple[list[str], dict[str, Any]]:
    """:func:`_step_branches` from the actor node bound to ``x``, returning the nodes and the
    relationship or agreement behind each step: ``b, r, g, type, against`` (and, when
    ``timed``, ``k, holds``: see :func:`timed_steps_query`)."""
    wanted = None if types is None else set(types)
    rel_types = _types_pattern(wanted)
    parts: list[str] = []
    params: dict[str, Any] = {}
    if rel_types:
        parts.append(
            f"MATCH ({x})-[r:{rel_types}]-(b:{ACTOR}) "
            + (_RELATION_KNOWN.format(x=x) if timed else "")
            + "RETURN b, r, null AS g, type(r) AS type, "
            f"(endNode(r) = {x} AND NOT type(r) IN $symmetric) AS against"
            + (", k" + _RELATION_HOLDS if timed else "")
        )
        params["symmetric"] = sorted(t.value for t in SYMMETRIC_TYPES)
    if wanted is None or RelationType.PARTY_TO in wanted:
        parts.append(
            f"MATCH ({x})-[:{_PARTY_TO}]->(g:{AGREEMENT})<-[:{_PARTY_TO}]-(b:{ACTOR}) "
            + (_KNOWN.format(x=x, v="g") if timed else "")
            + f"RETURN b, null AS r, g, '{_PARTY_TO}' AS type, false AS against"
            + (", k" + _PARTY_HOLDS.format(x=x) if timed else "")
        )
    return parts, params


def _props_map(expr: str, names: str) -> str:
    """A map of ``expr``'s properties ``names`` (comma-separated), for an expression that is no
    plain variable (a map projection needs one)."""
    return "{" + ", ".join(f"{n}: {expr}.{n}" for n in (x.strip() for x in names.split(","))) + "}"


_ENTITY_KEYS = "id, type, name, aliases, external_ids, country, description"
_AGREEMENT_KEYS = "id, kind, title, parties, date, place, topics, status, events, ends, evidence"


def collaborators_query(
    roots: Sequence[str],
    depth: int,
    types: Iterable[RelationType] | None,
    first: int,
    links: int,
    *,
    timed: tuple[str | None, int | None] | None = None,
) -> Query:
    """A whole collaborator answer (see :func:`qkg.api.walk.walk`) in one statement, for
    ``depth`` 1 or 2: per root, the actors within ``depth`` hops (the nearest distance, and how
    many steps reach each from actors one hop nearer), ordered nearest first, then most
    linked, then id, the first ``first`` of them with their properties and every step that
    reaches them from a nearer actor (by nearer actor, type, agreement, reversed), and for the
    first ``links`` of those steps the relation or agreement behind it (with its evidence)
    and the nearer actor's properties. ``near``/``reached``: the actors found at distance 1
    and in all (the walk budget). One row per known root.

    ``timed``: ``(day, min_support)`` (ISO date or None, int or None): the walk only over the
    steps that hold as of the day with that support, as :func:`timed_steps_query` decides
    them; ``open`` counts the steps it left undecided (the caller walks that root by the full
    rule instead). Each relation shown says whether every document of it is published by the
    day (``whole``: the view is the stored merge); one known by only some of them carries its
    bookkeeping (``docs``, ``dates``, ``contrib``) for the caller's view as of the day."""
    if depth not in (1, 2):
        raise ValueError(f"collaborators_query walks 1 or 2 hops, not {depth}")
    on = timed is not None
    parts_a, params = _node_step_branches("a", types, timed=on)
    if not parts_a:
        return (
            "UNWIND $roots AS root RETURN root, 0 AS near, 0 AS reached, 0 AS open, [] AS ends, [] AS rows LIMIT 0",
            {"roots": []},
        )
    parts_m, _ = _node_step_branches("m", types, timed=on)
    cols = "b, r, g, type, against" + (", k, holds" if on else "")
    from_a = "CALL (a) { " + " UNION ALL ".join(parts_a) + " }"
    levels = f"{from_a} RETURN a AS u, {cols}, 1 AS lvl"
    if depth == 2:
        levels += (
            f" UNION ALL {from_a} WITH a, b AS m"
            + (", holds WHERE m <> a AND holds" if on else " WHERE m <> a")
            + " WITH DISTINCT a, m CALL (m) { "
            + " UNION ALL ".join(parts_m)
            + f" }} RETURN m AS u, {cols}, 2 AS lvl"
        )
    rel = (
        "{evidence: e.r.evidence, confidence: e.r.confidence, valid_from: e.r.valid_from, "
        "valid_to: e.r.valid_to, source: startNode(e.r).id, type: type(e.r), target: endNode(e.r).id"
        + (
            ", whole: coalesce(e.k = size(e.r.docs), true), docs: CASE WHEN e.k < size(e.r.docs) THEN e.r.docs END, "
            "dates: CASE WHEN e.k < size(e.r.docs) THEN e.r.dates END, "
            "contrib: CASE WHEN e.k < size(e.r.docs) THEN e.r.contrib END}"
            if on
            else "}"
        )
    )
    if on:  # the steps that hold; those left undecided counted, per actor reached
        group = (
            "WITH a, u, b, r, g, type, against, lvl, k, holds WHERE b <> a AND (holds IS NULL OR holds) "
            "WITH b, min(CASE WHEN holds THEN lvl END) AS d, count(CASE WHEN holds IS NULL THEN 1 END) AS open, "
            "collect(CASE WHEN holds THEN {u: u, r: r, g: g, t: type, x: against, l: lvl, k: k} END) AS es "
            "WITH b, d, open, [e IN es WHERE e.l = d] AS es "
            "WITH b, d, open, es, size(es) AS n ORDER BY d, n DESC, b.id "
            "WITH collect(CASE WHEN d IS NOT NULL THEN {b: b, d: d, n: n, es: es} END) AS found, sum(open) AS open "
            "RETURN size([x IN found WHERE x.d = 1]) AS near, size(found) AS reached, open, found[..$first] AS shown } "
        )
    else:
        group = (
            "WITH a, u, b, r, g, type, against, lvl WHERE b <> a "
            "WITH b, min(lvl) AS d, collect({u: u, r: r, g: g, t: type, x: against, l: lvl}) AS es "
            "WITH b, d, [e IN es WHERE e.l = d] AS es "
            "WITH b, d, es, size(es) AS n ORDER BY d, n DESC, b.id "
            "WITH collect({b: b, d: d, n: n, es: es}) AS found "
            "RETURN size([x IN found WHERE x.d = 1]) AS near, size(found) AS reached, 0 AS open, "
            "found[..$first] AS shown } "
        )
    text = (
        "UNWIND $roots AS root CALL (root) { "
        f"MATCH (a:{ACTOR} {{id: root}}) CALL (a) {{ {levels} }} "
        + group
        + "CALL (shown) { UNWIND shown AS x "
        "CALL (x) { UNWIND x.es AS e WITH e ORDER BY e.u.id, e.t, coalesce(e.g.id, ''), e.x RETURN collect(e) AS es } "
        "RETURN collect({x: x, es: es}) AS sorted } "
        "CALL (sorted) { UNWIND sorted AS s UNWIND s.es[..$links] AS e WITH DISTINCT e.u AS u "
        f"RETURN collect({_props_map('u', _ENTITY_KEYS)}) AS ends }} "
        "RETURN root, near, reached, open, ends, [s IN sorted | {"
        f"b: {_props_map('s.x.b', _ENTITY_KEYS)}, d: s.x.d, n: s.x.n, "
        "steps: [e IN s.es | [e.u.id, e.t, e.g.id, e.x]], "
        f"rels: [e IN s.es[..$links] WHERE e.r IS NOT NULL | {rel}], "
        f"ags: [e IN s.es[..$links] WHERE e.g IS NOT NULL | {_props_map('e.g', _AGREEMENT_KEYS)}]"
        "}] AS rows"
    )
    params = {**params, "roots": list(dict.fromkeys(roots)), "first": first, "links": links}
    if timed is not None:
        params.update(day=timed[0], min=timed[1], ended=AgreementStatus.ENDED.value)
    return (text, params)


def documents_query(ids: Sequence[str] | None = None) -> Query:
    where = " WHERE d.id IN $ids" if ids is not None else ""
    return (
        f"MATCH (d:{DOCUMENT}){where} WITH d ORDER BY d.published IS NULL, d.published, d.id "
        "RETURN d {.id, .title, .source, .published, .media_type, .entities, .relations, .agreements, .goals} AS d",
        {"ids": list(ids)} if ids is not None else {},
    )


def deltas_query(ids: Sequence[str]) -> Query:
    return (
        f"MATCH (d:{DOCUMENT}) WHERE d.id IN $ids RETURN d.id AS id, d.delta AS delta",
        {"ids": list(ids)},
    )


def relation_links_query(types: Iterable[RelationType] | None) -> Query | None:
    """Every actor-to-actor relation with the dates and evidence counts of its documents."""
    pattern = _types_pattern(types)
    if not pattern:
        return None
    return (
        f"MATCH (a:{ACTOR})-[r:{pattern}]->(b:{ACTOR}) "
        "RETURN a.id AS source, type(r) AS type, b.id AS target, r.dates AS dates, r.counts AS counts",
        {},
    )


def agreement_links_query() -> Query:
    return (
        f"MATCH (g:{AGREEMENT}) RETURN g.id AS id, g.parties AS parties, g.dates AS dates, g.counts AS counts",
        {},
    )


def stats_query() -> Query:
    """All counts in one round trip (per-type counts as ``[type, count]`` pairs)."""
    return (
        f"CALL () {{ MATCH (d:{DOCUMENT}) RETURN count(d) AS documents }} "
        f"CALL () {{ MATCH (n:{ACTOR}) WITH n.type AS t, count(*) AS c RETURN collect([t, c]) AS entities }} "
        f"CALL () {{ MATCH (:{ACTOR})-[r]->(:{ACTOR}) WITH type(r) AS t, count(*) AS c, sum(size(r.evidence)) AS e "
        "RETURN collect([t, c]) AS relations, sum(e) AS relation_evidence } "
        f"CALL () {{ MATCH (g:{AGREEMENT}) RETURN count(g) AS agreements, sum(size(g.evidence)) AS agreement_evidence }} "
        f"CALL () {{ MATCH (g:{GOAL}) RETURN count(g) AS goals, sum(size(g.evidence)) AS goal_evidence }} "
        "RETURN documents, entities, relations, relation_evidence, agreements, agreement_evidence, goals, goal_evidence",
        {},
    )


# -- record time: the ledger ---------------------------------------------------------------------

_LEDGER_RETURN = (
    "l.document AS document, l.digest AS digest, l.seq AS seq, l.recorded AS recorded, "
    "l.version AS version, l.facts AS facts, l.retracted_seq AS retracted_seq, "
    "l.retracted AS retracted, l.retracted_version AS retracted_version"
)


def ledger_state(ids: Sequence[str]) -> Query:
    """The held ledger rows of these documents and the ledger's next event number (write path)."""
    return (
        f"OPTIONAL MATCH (m:{META} {{id: 'graph'}}) "
        f"CALL (m) {{ OPTIONAL MATCH (l:{LEDGER}) WHERE l.document IN $ids AND l.retracted_seq IS NULL "
        f"RETURN collect(l {{.*, delta: null}}) AS held }} "
        "RETURN coalesce(m.ledger_seq, 1) AS next, coalesce(m.ledger_complete, false) AS complete, held",
        {"ids": list(ids)},
    )


def write_ledger(
    recorded: Sequence[Mapping[str, Any]], retracted: Sequence[Mapping[str, Any]], next_seq: int
) -> list[Query]:
    """Create the rows of new recordings, add retractions (with the retracted delta) to held
    rows, and move the next event number on."""
    out: list[Query] = []
    if recorded:
        out.append((f"UNWIND $rows AS r CREATE (l:{LEDGER}) SET l = r", {"rows": list(recorded)}))
    if retracted:
        out.append(
            (
                f"UNWIND $rows AS r MATCH (l:{LEDGER} {{seq: r.seq}}) SET l.retracted_seq = r.retracted_seq, "
                "l.retracted = r.retracted, l.retracted_version = r.retracted_version, l.delta = r.delta",
                {"rows": list(retracted)},
            )
        )
    out.append((f"MERGE (m:{META} {{id: 'graph'}}) SET m.ledger_seq = $next", {"next": next_seq}))
    return out


def ledger_query() -> Query:
    """Every ledger row, by event."""
    return (f"MATCH (l:{LEDGER}) RETURN {_LEDGER_RETURN} ORDER BY l.seq", {})


def _feed_cut(version: str | None, moment: str | None, cut: int | None) -> Query:
    """The head of a change-feed statement: ``cut``, the event after which changes are asked
    (the last event that left the graph at ``version``, or the last event at or before
    ``moment``, null for a version no event left; or ``cut`` itself)."""
    if cut is not None:
        return "WITH $cut AS cut ", {"cut": cut}
    if version is not None:
        return (
            f"CALL () {{ MATCH (l:{LEDGER}) WHERE l.version = $v RETURN l.seq AS s "
            f"UNION MATCH (l:{LEDGER}) WHERE l.retracted_version = $v RETURN l.retracted_seq AS s }} "
            "WITH max(s) AS cut "
        ), {"v": version}
    return (
        f"CALL () {{ MATCH (l:{LEDGER}) WHERE l.recorded <= $t RETURN l.seq AS s ORDER BY s DESC LIMIT 1 "
        f"UNION MATCH (l:{LEDGER}) WHERE l.retracted <= $t "
        "RETURN l.retracted_seq AS s ORDER BY s DESC LIMIT 1 } "
        "WITH coalesce(max(s), 0) AS cut "
    ), {"t": moment}


#: The events after ``cut``: a recording per row recorded after it, a retraction per row
#: retracted after it (``s`` the event, ``gone`` whether a retraction, ``v`` and ``at`` the graph
#: version and moment right after it, ``l`` the row).
_EVENTS = (
    f"CALL (cut) {{ MATCH (l:{LEDGER}) WHERE l.seq > cut "
    "RETURN l.seq AS s, false AS gone, l.version AS v, l.recorded AS at, l "
    f"UNION ALL MATCH (l:{LEDGER}) WHERE l.retracted_seq > cut "
    "RETURN l.retracted_seq AS s, true AS gone, l.retracted_version AS v, l.retracted AS at, l }"
)

#: An event of the feed as :func:`ledger_since` returns it, a list of these (not a map, so a
#: thousand events do not carry seven keys each over Bolt).
EVENT_FIELDS = ("seq", "gone", "at", "version", "document", "digest", "facts")


def ledger_since(version: str | None = None, moment: str | None = None, cut: int | None = None) -> Query:
    """The change feed in one round trip: ``cut`` (:func:`_feed_cut`) and ``rows``, every event
    after it in event order, each a list of :data:`EVENT_FIELDS` (the server orders the events
    and reads each row's retraction as its own event, so the client makes no ledger rows)."""
    head, params = _feed_cut(version, moment, cut)
    return (
        head + f"CALL (cut) {{ {_EVENTS} WITH s, gone, at, v, l ORDER BY s "
        "RETURN collect([s, gone, at, v, l.document, l.digest, l.facts]) AS rows } RETURN cut, rows",
        params,
    )


#: A change of a page (:func:`ledger_page`): its event, whether a retraction, the fact, the
#: document version, the graph version and moment right after the event.
CHANGE_FIELDS = ("seq", "gone", "fact", "document", "digest", "version", "at")


def ledger_page(
    version: str | None = None, moment: str | None = None, cut: int | None = None, *, offset: int, first: int
) -> Query:
    """One page of the change feed in one round trip (:func:`ledger_since`'s cut, or ``cut``
    itself): ``total``, how many changes follow the cut (each event's facts), and ``rows``, the
    changes ``offset`` to ``offset + first`` in event order, then each event's facts in their
    stored order (:func:`qkg.graph.merge.fact_keys` writes them sorted), each a list of
    :data:`CHANGE_FIELDS`. Only the page's changes leave the server."""
    head, params = _feed_cut(version, moment, cut)
    return (
        head + f"CALL (cut) {{ {_EVENTS} RETURN sum(size(l.facts)) AS total }} "
        f"CALL (cut) {{ {_EVENTS} UNWIND range(0, size(l.facts) - 1) AS i WITH s, gone, v, at, l, i "
        "ORDER BY s, i SKIP $offset LIMIT $first "
        "RETURN collect([s, gone, l.facts[i], l.document, l.digest, v, at]) AS rows } "
        "RETURN cut, total, rows",
        {**params, "offset": offset, "first": first},
    )


def retracted_deltas(seqs: Sequence[int]) -> Query:
    """The deltas kept on retracted ledger rows."""
    return (
        f"MATCH (l:{LEDGER}) WHERE l.seq IN $seqs RETURN l.seq AS seq, l.delta AS delta",
        {"seqs": list(seqs)},
    )


def unrecorded_documents() -> Query:
    """Documents without a held ledger row of their digest (loaded before the ledger), and
    held rows whose document version is gone: what recording the ledger on first use fixes."""
    return (
        f"CALL () {{ MATCH (d:{DOCUMENT}) WHERE NOT EXISTS {{ MATCH (l:{LEDGER} {{document: d.id, digest: d.digest}}) "
        "WHERE l.retracted_seq IS NULL } RETURN d.id AS id, d.digest AS digest, d.delta AS delta, false AS stale "
        f"UNION MATCH (l:{LEDGER}) WHERE l.retracted_seq IS NULL AND NOT EXISTS "
        f"{{ MATCH (d:{DOCUMENT} {{id: l.document, digest: l.digest}}) }} "
        "RETURN l.document AS id, l.digest AS digest, null AS delta, true AS stale } "
        "RETURN id, digest, delta, stale ORDER BY id",
        {},
    )


def mark_ledger_complete() -> Query:
    return (f"MERGE (m:{META} {{id: 'graph'}}) SET m.ledger_complete = true", {})


# -- migration: bookkeeping an older qkg did not write -------------------------------------------

#: What the stored bookkeeping holds, as this code writes it: 1 = relations keep each document's
#: validity bounds (``vfrom``/``vto``) and agreements with events their life steps
#: (``life_from``/``life_on``), which the timed step statements read.
BOOKKEEPING = 2


def bookkeeping_query() -> Query:
    """The bookkeeping version the graph is marked with (null: unmarked, maybe older data)."""
    return (f"OPTIONAL MATCH (m:{META} {{id: 'graph'}}) RETURN m.bookkeeping AS bookkeeping", {})


def mark_bookkeeping() -> Query:
    return (f"MERGE (m:{META} {{id: 'graph'}}) SET m.bookkeeping = $v", {"v": BOOKKEEPING})


def stale_relations() -> Query:
    """Relations whose per-document validity bounds are missing or do not line up with their
    documents, with what rebuilds them (each document's contribution), and relations without
    a ``span`` (:func:`qkg.graph.neo4j.merge.relation_span`), with what it is made of."""
    bounds = (
        "r.vfrom IS NULL OR r.vto IS NULL OR size(r.vfrom) <> size(r.docs) OR size(r.vto) <> size(r.docs)"
    )
    return (
        f"MATCH (:{ACTOR})-[r]->(:{ACTOR}) WHERE r.docs IS NOT NULL AND (r.span IS NULL OR {bounds}) "
        f"RETURN elementId(r) AS id, r.docs AS docs, CASE WHEN {bounds} THEN r.contrib END AS contrib, "
        "r.dates AS dates, r.valid_from AS valid_from, r.valid_to AS valid_to",
        {},
    )


def stale_agreements() -> Query:
    """Agreements with events whose life steps are missing or do not line up."""
    return (
        f"MATCH (g:{AGREEMENT}) WHERE size(coalesce(g.events, [])) > 0 AND g.docs IS NOT NULL "
        "AND (g.life_from IS NULL OR g.life_on IS NULL OR size(g.life_from) <> size(g.life_on)) "
        "RETURN g {.*} AS g",
        {},
    )


def set_bookkeeping(relations: Sequence[Mapping[str, Any]], agreements: Sequence[Mapping[str, Any]]) -> Query:
    """Each document's validity bounds and the ``span`` on ``relations`` (``{id, docs, vfrom,
    vto, span}``, by element id; null bounds: those stored are kept) and the life steps of
    ``agreements`` (``{id, docs, life_from, life_on}``); a fact whose documents changed
    meanwhile is left as it is."""
    return (
        "CALL () { UNWIND $rels AS row MATCH ()-[r]->() WHERE elementId(r) = row.id AND r.docs = row.docs "
        "SET r.vfrom = coalesce(row.vfrom, r.vfrom), r.vto = coalesce(row.vto, r.vto), r.span = row.span } "
        f"CALL () {{ UNWIND $ags AS row MATCH (g:{AGREEMENT} {{id: row.id}}) WHERE g.docs = row.docs "
        "SET g.life_from = row.life_from, g.life_on = row.life_on }",
        {"rels": list(relations), "ags": list(agreements)},
    )
