"""Export the graph (whole or filtered) as RDF, GraphML, GEXF or CSV.

- RDF (``ttl``, ``trig``, ``nq``, ``jsonld``): each document's delta through
  :func:`qkg.schemas.rdf.delta_to_nquads`, then pyoxigraph's serialisers. TriG and N-Quads
  keep one named graph per document (provenance); Turtle and JSON-LD (expanded form, no
  remote context) merge them into one graph without duplicate triples. Every export passes
  the SHACL shapes and parses back to the same graph with pyoxigraph and rdflib.
- ``graphml`` / ``gexf`` for Gephi, Cytoscape and yEd: the analytics projection
  (:meth:`GraphStore.to_networkx`) with nodes carrying ``label``, ``type``, ``name``,
  ``country`` and any ``scores`` (e.g. centralities) as numbers, and edges carrying the
  relation type, the agreement (for co-party links) and the evidence count (``weight``).
- ``csv``: ``nodes.csv``, ``edges.csv``, ``agreements.csv``, ``goals.csv`` and
  ``evidence.csv`` in a folder or a ``.zip``; text cells that a spreadsheet would run as
  a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) are prefixed with ``'``.

Filters: ``document_ids`` keeps what those documents say (merged as the store merges),
``relation_types`` keeps relations of those types (``PARTY_TO`` keeps agreements and
their co-party links, ``HAS_GOAL`` keeps goals), ``entity_types`` keeps entities of those
types and only the facts among them. Output is deterministic.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from qkg.schemas import (
    Agreement,
    Entity,
    EntityFilter,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    ValidationError,
    iri,
)

from .merge import agreement_order, entity_order, goal_order, links, merge_deltas
from .store import GraphStore

if TYPE_CHECKING:  # networkx and rdflib load where used: `qkg stats` imports this module
    import networkx as nx

__all__ = ["ExportFormat", "ExportSummary", "escape_cell", "export", "filter_delta"]


class ExportFormat(StrEnum):
    """Formats ``qkg export`` writes."""

    TURTLE = "ttl"
    TRIG = "trig"
    NQUADS = "nq"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"

    @property
    def single_file(self) -> bool:
        """Whether the format is one stream (so it can go to standard output)."""
        return self is not ExportFormat.CSV


_RDF_FORMATS = {
    ExportFormat.TURTLE: ox.RdfFormat.TURTLE,
    ExportFormat.TRIG: ox.RdfFormat.TRIG,
    ExportFormat.NQUADS: ox.RdfFormat.N_QUADS,
    ExportFormat.JSONLD: ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: ``items`` counts quads/triples (RDF), nodes and edges, or CSV rows."""

    format: ExportFormat
    documents: int
    items: Mapping[str, int]

    def __str__(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.items.items())
        return f"{self.format.value}: {counts} from {self.documents} document(s)"


Out = Path | str | IO[bytes]


def export(
    store: GraphStore,
    fmt: ExportFormat | str,
    out: Out,
    *,
    document_ids: Collection[str] | None = None,
    relation_types: Iterable[RelationType | str] | None = None,
    entity_types: Iterable[EntityType | str] | None = None,
    scores: Mapping[str, Mapping[str, float]] | None = None,
) -> ExportSummary:
    """Write the graph (or the filtered part) to ``out`` (a path or a binary stream).

    CSV goes to a folder, or to a zip archive when ``out`` ends in ``.zip`` or is a stream.
    ``scores`` maps a measure name (``"pagerank"``) to ``{entity id: value}``; GraphML, GEXF
    and CSV nodes carry it as a numeric attribute. Unknown document ids raise
    :class:`~qkg.schemas.NotFound`.
    """
    try:
        fmt = ExportFormat(fmt)
    except ValueError:
        choices = ", ".join(f.value for f in ExportFormat)
        raise ValidationError(f"unknown export format {fmt!r} (choose one of {choices})") from None
    rtypes = None if relation_types is None else frozenset(RelationType(t) for t in relation_types)
    etypes = None if entity_types is None else frozenset(EntityType(t) for t in entity_types)
    _check_scores(scores)
    if document_ids is not None:
        _check_documents(store, document_ids)
    if fmt in _RDF_FORMATS:
        deltas = (filter_delta(d, rtypes, etypes) for d in _selected_deltas(store, document_ids))
        return _export_rdf(deltas, fmt, out)
    if document_ids is not None:
        subset = _Subset(_selected_deltas(store, document_ids))
        return _export_graph(subset, subset.documents, fmt, out, rtypes, etypes, scores)
    return _export_graph(store, store.stats().documents, fmt, out, rtypes, etypes, scores)


def _export_graph(
    store: _Source,
    documents: int,
    fmt: ExportFormat,
    out: Out,
    rtypes: frozenset[RelationType] | None,
    etypes: frozenset[EntityType] | None,
    scores: Mapping[str, Mapping[str, float]] | None,
) -> ExportSummary:
    import networkx as nx

    if fmt is ExportFormat.CSV:
        return ExportSummary(fmt, documents, _export_csv(store, out, rtypes, etypes, scores))
    graph = _network(store, rtypes, etypes, scores, gexf=fmt is ExportFormat.GEXF)
    with _binary(out) as stream:
        if fmt is ExportFormat.GRAPHML:
            nx.write_graphml(graph, stream, encoding="utf-8", prettyprint=True, named_key_ids=True)
        else:
            nx.write_gexf(graph, stream, encoding="utf-8", prettyprint=True)
    return ExportSummary(fmt, documents, {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()})


# -- filtering ---------------------------------------------------------------------------------


def _selected_deltas(store: GraphStore, document_ids: Collection[str] | None) -> Iterator[KnowledgeGraph]:
    if document_ids is None:
        yield from store.deltas()
        return
    for doc_id in sorted(set(document_ids)):
        yield store.delta(doc_id)


def _check_documents(store: GraphStore, document_ids: Collection[str]) -> None:
    """Fail before writing anything when a document id is unknown."""
    wanted = sorted(set(document_ids))
    known = store.documents_by_id(wanted)
    for doc_id in wanted:
        if doc_id not in known:
            raise NotFound("document", doc_id)


class _Source(Protocol):
    """What the GraphML, GEXF and CSV exports read: a store, or :class:`_Subset`."""

    def entities(self, filter: EntityFilter | None = None) -> list[Entity]: ...

    def relations(self, entity_id: None, filter: RelationFilter | None = None) -> list[Relation]: ...

    def agreements(self) -> list[Agreement]: ...

    def goals(self) -> list[Goal]: ...

    def to_networkx(self, types: frozenset[RelationType] | None = None) -> nx.MultiDiGraph: ...


class _Subset:
    """Some documents merged in memory (:func:`qkg.graph.merge.merge_deltas`), answering the
    reads of :class:`_Source` as a store holding only them would."""

    def __init__(self, deltas: Iterable[KnowledgeGraph]) -> None:
        self._m = merge_deltas(deltas)
        self.documents = len(self._m.published)

    def entities(self, filter: EntityFilter | None = None) -> list[Entity]:
        types = None if filter is None else filter.types
        kept = (e for e in self._m.entities.values() if types is None or e.type in types)
        return sorted(kept, key=entity_order)

    def relations(self, entity_id: None, filter: RelationFilter | None = None) -> list[Relation]:
        types = None if filter is None else filter.types
        return [self._m.relations[k] for k in sorted(self._m.relations) if types is None or k[1] in types]

    def agreements(self) -> list[Agreement]:
        return sorted(self._m.agreements.values(), key=agreement_order)

    def goals(self) -> list[Goal]:
        return sorted(self._m.goals.values(), key=goal_order)

    def to_networkx(self, types: frozenset[RelationType] | None = None) -> nx.MultiDiGraph:
        from .projection import project

        m = self._m
        return project(
            self.entities(), links(m.relations.values(), m.agreements.values(), m.published.get, types)
        )


def filter_delta(
    delta: KnowledgeGraph,
    relation_types: frozenset[RelationType] | None = None,
    entity_types: frozenset[EntityType] | None = None,
) -> KnowledgeGraph:
    """The part of a delta an export keeps (see the module docstring); still a valid delta."""
    if relation_types is None and entity_types is None:
        return delta
    entities = tuple(e for e in delta.entities if entity_types is None or e.type in entity_types)
    kept = {e.id for e in entities}
    relations = tuple(
        r
        for r in delta.relations
        if (relation_types is None or r.type in relation_types) and r.source in kept and r.target in kept
    )
    agreements: list[Agreement] = []
    if relation_types is None or RelationType.PARTY_TO in relation_types:
        for a in delta.agreements:
            parties = tuple(p for p in a.parties if p in kept)
            if len(parties) >= 2:
                place = a.place if a.place in kept else None
                agreements.append(a.model_copy(update={"parties": parties, "place": place}))
    goals: list[Goal] = []
    if relation_types is None or RelationType.HAS_GOAL in relation_types:
        goals = [g for g in delta.goals if g.owner is None or g.owner in kept]
    return KnowledgeGraph(
        document=delta.document,
        entities=entities,
        relations=relations,
        agreements=tuple(agreements),
        goals=tuple(goals),
    )


# -- RDF -------------------------------------------------------------------------------------------


def _export_rdf(deltas: Iterable[KnowledgeGraph], fmt: ExportFormat, out: Out) -> ExportSummary:
    """RDF without a Python object per quad: N-Quads text streams out as the mapping writes it;
    the other formats load that text into an in-memory pyoxigraph store (parsed in Rust), which
    also drops duplicate triples and groups them by subject, and serialise from there."""
    from qkg.schemas.rdf import NAMESPACES, delta_to_nquads

    documents = 0
    with _binary(out) as stream:
        if fmt is ExportFormat.NQUADS:
            count = 0
            for d in deltas:
                text = delta_to_nquads(d)
                documents += 1
                count += text.count("\n")
                stream.write(text.encode("utf-8"))
            return ExportSummary(fmt, documents, {"quads": count})
        memory = ox.Store()
        for d in deltas:
            documents += 1
            text = delta_to_nquads(d)
            if fmt is ExportFormat.TRIG:
                memory.load(text.encode("utf-8"), ox.RdfFormat.N_QUADS)
            else:
                # Every line ends " <graph> .\n" and literals never hold a raw newline, so
                # dropping the graph term there gives the N-Triples of the same statements.
                suffix = f" <{iri(d.document.id)}> .\n"
                triples = text.replace(suffix, " .\n")
                memory.load(triples.encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        if fmt is ExportFormat.TRIG:
            memory.dump(stream, ox.RdfFormat.TRIG, prefixes=NAMESPACES)
            return ExportSummary(fmt, documents, {"quads": len(memory)})
        memory.dump(stream, _RDF_FORMATS[fmt], from_graph=ox.DefaultGraph(), prefixes=NAMESPACES)
        return ExportSummary(fmt, documents, {"triples": len(memory)})


# -- GraphML / GEXF ---------------------------------------------------------------------------------

_NODE_ATTRS = {"label", "type", "name", "country"}


def _check_scores(scores: Mapping[str, Mapping[str, float]] | None) -> None:
    for name in scores or {}:
        if not name or name in _NODE_ATTRS or name == "id" or not name.replace("_", "").isalnum():
            raise ValidationError(
                f"score name {name!r} must be a word other than {', '.join(sorted(_NODE_ATTRS | {'id'}))}"
            )


def _network(
    store: _Source,
    rtypes: frozenset[RelationType] | None,
    etypes: frozenset[EntityType] | None,
    scores: Mapping[str, Mapping[str, float]] | None,
    *,
    gexf: bool,
) -> nx.MultiDiGraph:
    """A clean copy of the projection: only str/int/float attributes, stable order, no None."""
    import networkx as nx

    projected = store.to_networkx(rtypes)
    graph = nx.MultiDiGraph()
    keep = sorted(n for n, t in projected.nodes(data="type") if etypes is None or EntityType(t) in etypes)
    for node in keep:
        data = projected.nodes[node]
        attrs: dict[str, Any] = {
            "label": data["name"],
            "type": data["type"],
            "name": data["name"],
            "country": data.get("country") or "",
        }
        for measure, values in sorted((scores or {}).items()):
            if node in values:
                attrs[measure] = float(values[node])
        graph.add_node(node, **attrs)
    kept = set(keep)
    edges = sorted(
        (u, v, k, d) for u, v, k, d in projected.edges(keys=True, data=True) if u in kept and v in kept
    )
    for i, (u, v, _key, data) in enumerate(edges):
        attrs = {
            "label": data["type"],
            "agreement": data.get("agreement") or "",
            "evidence": int(data.get("weight") or 1),
            "weight": float(data.get("weight") or 1),
            "first_seen": _iso(data.get("first_seen")),
            "last_seen": _iso(data.get("last_seen")),
        }
        # GEXF reserves an edge's "type" for directed/undirected.
        attrs["relation" if gexf else "type"] = data["type"]
        graph.add_edge(u, v, key=f"e{i}", **attrs)  # unique edge ids for GraphML/GEXF readers
    return graph


def _iso(value: object) -> str:
    return "" if value is None else str(getattr(value, "isoformat", lambda: value)())


# -- CSV --------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> object:
    """Defuse a text cell a spreadsheet would evaluate as a formula; numbers pass unchanged.

    >>> escape_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> escape_cell(-1.5)
    -1.5
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _join(values: Iterable[str]) -> str:
    return ";".join(values)


def _ev_row(ev: Evidence, kind: str, key: str) -> list[object]:
    return [kind, key, ev.document_id, ev.start, ev.end, ev.rule, ev.confidence, ev.sentence]


def _export_csv(
    store: _Source,
    out: Out,
    rtypes: frozenset[RelationType] | None,
    etypes: frozenset[EntityType] | None,
    scores: Mapping[str, Mapping[str, float]] | None,
) -> dict[str, int]:
    measures = sorted(scores or {})
    entities = store.entities(EntityFilter(types=etypes) if etypes else None)
    kept = {e.id for e in entities}
    nodes: list[list[object]] = [
        [
            "id",
            "type",
            "name",
            "country",
            "aliases",
            "wikidata",
            "external_ids",
            "description",
            *measures,
        ]
    ]
    for e in entities:
        nodes.append(
            [
                e.id,
                e.type.value,
                e.name,
                e.country or "",
                _join(e.aliases),
                e.external_ids.get("wikidata", ""),
                json.dumps(e.external_ids, ensure_ascii=False, sort_keys=True) if e.external_ids else "",
                e.description or "",
                *(float(scores[m][e.id]) if scores and e.id in scores[m] else "" for m in measures),
            ]
        )

    structural = {RelationType.PARTY_TO, RelationType.HAS_GOAL}
    wanted = None if rtypes is None else frozenset(rtypes - structural)
    relations: list[Relation] = []
    if wanted is None or wanted:
        relations = [
            r
            for r in store.relations(None, RelationFilter(types=wanted) if wanted else None)
            if r.source in kept and r.target in kept
        ]
    agreements = [] if rtypes is not None and RelationType.PARTY_TO not in rtypes else store.agreements()
    agreements = [
        a.model_copy(update={"parties": tuple(p for p in a.parties if p in kept)}) for a in agreements
    ]
    agreements = [a for a in agreements if len(a.parties) >= 2]
    goals = [] if rtypes is not None and RelationType.HAS_GOAL not in rtypes else store.goals()
    goals = [g for g in goals if g.owner is None or g.owner in kept]

    edges: list[list[object]] = [
        [
            "source",
            "target",
            "type",
            "agreement",
            "confidence",
            "evidence",
            "documents",
            "valid_from",
            "valid_to",
        ]
    ]
    evidence: list[list[object]] = [
        ["supports", "key", "document_id", "start", "end", "rule", "confidence", "sentence"]
    ]
    for r in relations:
        docs = sorted({ev.document_id for ev in r.evidence})
        edges.append(
            [
                r.source,
                r.target,
                r.type.value,
                "",
                r.confidence,
                len(r.evidence),
                _join(docs),
                _iso(r.valid_from),
                _iso(r.valid_to),
            ]
        )
        key = f"{r.source} {r.type.value} {r.target}"
        evidence += [_ev_row(ev, "relation", key) for ev in r.evidence]
    rows: list[list[object]] = [
        ["id", "kind", "title", "date", "place", "status", "parties", "topics", "evidence", "documents"]
    ]
    for a in agreements:
        docs = sorted({ev.document_id for ev in a.evidence})
        rows.append(
            [
                a.id,
                a.kind.value,
                a.title,
                a.date or "",
                a.place if a.place in kept else "",
                a.status.value,
                _join(a.parties),
                _join(a.topics),
                len(a.evidence),
                _join(docs),
            ]
        )
        for i, s in enumerate(a.parties):  # co-party collaboration links, as in the projection
            for t in a.parties[i + 1 :]:
                edges.append(
                    [s, t, RelationType.PARTY_TO.value, a.id, "", len(a.evidence), _join(docs), "", ""]
                )
        evidence += [_ev_row(ev, "agreement", a.id) for ev in a.evidence]
    goal_rows: list[list[object]] = [["id", "owner", "metric", "value", "unit", "target_year", "evidence"]]
    for g in goals:
        goal_rows.append(
            [
                g.id,
                g.owner or "",
                g.metric,
                g.value,
                g.unit,
                "" if g.target_year is None else g.target_year,
                len(g.evidence),
            ]
        )
        evidence += [_ev_row(ev, "goal", g.id) for ev in g.evidence]

    tables = {
        "nodes.csv": nodes,
        "edges.csv": edges,
        "agreements.csv": rows,
        "goals.csv": goal_rows,
        "evidence.csv": evidence,
    }
    files = {name: _csv_bytes(table) for name, table in tables.items()}
    if isinstance(out, str | Path) and not str(out).endswith(".zip"):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
    else:
        with _binary(out) as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # reproducible archive
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    return {name.removesuffix(".csv"): len(table) - 1 for name, table in tables.items()}


def _csv_bytes(table: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    header, *body = table
    writer.writerow(header)
    writer.writerows([escape_cell(c) for c in row] for row in body)
    return buffer.getvalue().encode("utf-8")


# -- output -------------------------------------------------------------------------------------------


@contextmanager
def _binary(out: Out) -> Iterator[IO[bytes]]:
    """A binary stream for ``out``; a file appears (atomically) only once fully written."""
    if isinstance(out, str | Path):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.part")
        try:
            with partial.open("wb") as stream:
                yield stream
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
    else:
        yield out
