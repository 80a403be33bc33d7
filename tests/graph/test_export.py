"""Exports: RDF that passes SHACL and reads back the same with two parsers, GraphML/GEXF that
networkx reads, CSV defused against formula injection, filters."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from qkg.graph.embedded import EmbeddedStore
from qkg.graph.export import escape_cell, export, filter_delta
from qkg.graph.store import GraphStore
from qkg.schemas import (
    AgreementKind,
    EntityType,
    KnowledgeGraph,
    NotFound,
    RelationType,
    ValidationError,
    iri,
)
from qkg.schemas.rdf import canonical_delta, deltas_from_nquads, deltas_to_dataset
from qkg.schemas.shacl import validate
from tests import factories as f

E, R = EntityType, RelationType

NASTY_TEXT = (
    '=HYPERLINK("http://evil") Ltd partners with @Risk Labs in Daejeon. '
    "-2 Quantum and +Plus Corp signed an MOU. "
    'The "tab"\tand\rCR\\ case.'
)


def nasty() -> KnowledgeGraph:
    """A document whose names would run as spreadsheet formulas, plus quotes and controls."""
    doc = f.document(NASTY_TEXT, title="=cmd|' /C calc'!A0", published="2025-02-01")
    evil = f.entity('=HYPERLINK("http://evil") Ltd', E.COMPANY, "US", aliases=("\tTabbed",))
    risk = f.entity("@Risk Labs", E.COMPANY, "US", description="-2+3")
    minus = f.entity("-2 Quantum", E.COMPANY, "KR")
    plus = f.entity("+Plus Corp", E.COMPANY, "KR", external_ids={"wikidata": "Q42", "=x": "+1"})
    return f.delta(
        doc,
        [evil, risk, minus, plus],
        [
            f.relation(
                evil.id,
                R.PARTNERS_WITH,
                risk.id,
                doc,
                '=HYPERLINK("http://evil") Ltd partners with @Risk Labs in Daejeon.',
            )
        ],
        [
            f.agreement(
                AgreementKind.MOU,
                [minus.id, plus.id],
                doc,
                "-2 Quantum and +Plus Corp signed an MOU.",
                topics=("\rCR",),
            )
        ],
    )


@pytest.fixture
def deltas() -> list[KnowledgeGraph]:
    return [*f.corpus(), nasty()]


@pytest.fixture
def embedded(tmp_path: Path, deltas: list[KnowledgeGraph]) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(tmp_path / "store")
    for d in deltas:
        s.upsert(d)
    try:
        yield s
    finally:
        s.close()


def _rdflib(term: object) -> URIRef | BNode | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == ox.NamedNode(str(XSD.string)):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _expected(deltas: list[KnowledgeGraph]) -> Dataset:
    return deltas_to_dataset(deltas)


def _merged(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


# -- RDF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "ox_format", "rdflib_format"),
    [("ttl", ox.RdfFormat.TURTLE, "turtle"), ("jsonld", ox.RdfFormat.JSON_LD, "json-ld")],
)
def test_merged_rdf_exports_pass_shacl_and_both_parsers_agree(
    embedded: EmbeddedStore,
    deltas: list[KnowledgeGraph],
    tmp_path: Path,
    fmt: str,
    ox_format: ox.RdfFormat,
    rdflib_format: str,
) -> None:
    out = tmp_path / f"graph.{fmt}"
    summary = export(embedded, fmt, out)
    data = out.read_bytes()
    oxi = Graph()
    for q in ox.parse(data, ox_format):
        oxi.add((_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)))
    rdf = Graph().parse(data=data, format=rdflib_format)
    assert isomorphic(oxi, rdf)
    assert set(oxi) == set(rdf)  # no blank nodes: the same triples, not just an isomorphism
    assert isomorphic(rdf, _merged(_expected(deltas)))
    assert summary.items["triples"] == len(rdf)
    report = validate(rdf)
    assert report.conforms, report.text


@pytest.mark.parametrize(
    ("fmt", "ox_format", "rdflib_format"),
    [("trig", ox.RdfFormat.TRIG, "trig"), ("nq", ox.RdfFormat.N_QUADS, "nquads")],
)
def test_quad_exports_keep_one_graph_per_document(
    embedded: EmbeddedStore,
    deltas: list[KnowledgeGraph],
    tmp_path: Path,
    fmt: str,
    ox_format: ox.RdfFormat,
    rdflib_format: str,
) -> None:
    out = tmp_path / f"graph.{fmt}"
    export(embedded, fmt, out)
    data = out.read_bytes()
    oxi = {
        tuple(_rdflib(t) for t in (q.subject, q.predicate, q.object, q.graph_name))
        for q in ox.parse(data, ox_format)
    }
    ds = Dataset()
    ds.parse(data=data, format=rdflib_format)
    theirs = set(ds.quads((None, None, None, None)))
    assert oxi == theirs
    assert theirs == set(_expected(deltas).quads((None, None, None, None)))
    assert {g for *_, g in theirs} == {URIRef(iri(d.document.id)) for d in deltas}
    report = validate(ds)
    assert report.conforms, report.text
    # The per-document graphs give back exactly what each document contributed.
    nq = ox.serialize(ox.parse(data, ox_format), format=ox.RdfFormat.N_QUADS)
    assert deltas_from_nquads(nq) == sorted((canonical_delta(d) for d in deltas), key=lambda d: d.document.id)


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld", "graphml", "gexf"])
def test_exports_are_deterministic(embedded: EmbeddedStore, fmt: str) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    export(embedded, fmt, first)
    export(embedded, fmt, second)
    assert first.getvalue() == second.getvalue()
    assert first.getvalue()


def test_export_of_one_document(embedded: EmbeddedStore, tmp_path: Path) -> None:
    only = f.aws_pasqal()
    out = io.BytesIO()
    summary = export(embedded, "nq", out, document_ids=[only.document.id])
    assert summary.documents == 1
    assert deltas_from_nquads(out.getvalue()) == [canonical_delta(only)]
    with pytest.raises(NotFound, match="0" * 64):
        export(embedded, "nq", io.BytesIO(), document_ids=["0" * 64])


def test_relation_and_entity_type_filters(embedded: EmbeddedStore) -> None:
    out = io.BytesIO()
    export(embedded, "nq", out, relation_types=[R.PARTNERS_WITH], entity_types=[E.COMPANY, E.UNIVERSITY])
    got = deltas_from_nquads(out.getvalue())
    assert all(r.type is R.PARTNERS_WITH for d in got for r in d.relations)
    assert not any(d.agreements or d.goals for d in got)
    assert {e.type for d in got for e in d.entities} <= {E.COMPANY, E.UNIVERSITY}
    assert any(d.relations for d in got)


def test_filter_delta_drops_parties_outside_the_kept_types() -> None:
    d = f.kaist_pasqal()
    kept = filter_delta(d, None, frozenset({E.UNIVERSITY, E.COMPANY}))
    assert all(e.type in {E.UNIVERSITY, E.COMPANY} for e in kept.entities)
    for a in kept.agreements:
        assert a.place is None or a.place in {e.id for e in kept.entities}
    assert filter_delta(d) is d


# -- GraphML / GEXF -----------------------------------------------------------------------------------


def test_graphml_loads_with_networkx_and_carries_scores(embedded: EmbeddedStore, tmp_path: Path) -> None:
    projected = embedded.to_networkx()
    scores = {"pagerank": nx.pagerank(nx.DiGraph(projected)), "betweenness": {f.KAIST: 0.5}}
    out = tmp_path / "graph.graphml"
    summary = export(embedded, "graphml", out, scores=scores)
    g = nx.read_graphml(out, force_multigraph=True)
    assert set(g.nodes) == set(projected.nodes)
    assert g.number_of_edges() == projected.number_of_edges() == summary.items["edges"]
    kaist = g.nodes[f.KAIST]
    assert (kaist["type"], kaist["name"], kaist["country"], kaist["label"]) == (
        "University",
        "KAIST",
        "KR",
        "KAIST",
    )
    assert kaist["pagerank"] == pytest.approx(scores["pagerank"][f.KAIST])
    assert kaist["betweenness"] == 0.5
    assert "betweenness" not in g.nodes[f.PASQAL]
    edge_types = {d["type"] for *_, d in g.edges(data=True)}
    assert {"PARTNERS_WITH", "PARTY_TO", "DEVELOPS"} <= edge_types
    develops = [
        d for u, v, d in g.edges(data=True) if (u, v, d["type"]) == (f.PASQAL, f.NEUTRAL_ATOMS, "DEVELOPS")
    ]
    assert [d["evidence"] for d in develops] == [2]  # evidence from two documents
    party = next(d for *_, d in g.edges(data=True) if d["type"] == "PARTY_TO")
    assert party["agreement"].startswith("agreement:")


def test_gexf_loads_with_networkx(embedded: EmbeddedStore, tmp_path: Path) -> None:
    out = tmp_path / "graph.gexf"
    export(
        embedded, "gexf", out, scores={"degree": {n: float(d) for n, d in embedded.to_networkx().degree()}}
    )
    g = nx.read_gexf(out)
    assert set(g.nodes) == set(embedded.to_networkx().nodes)
    node = g.nodes[f.PASQAL]
    assert (node["label"], node["type"], node["country"]) == ("PASQAL", "Company", "FR")
    assert isinstance(node["degree"], float)
    relations = {d["relation"] for *_, d in g.edges(data=True)}
    assert "PARTNERS_WITH" in relations
    assert all(d["weight"] >= 1 for *_, d in g.edges(data=True))


def test_graph_export_filters(embedded: EmbeddedStore) -> None:
    out = io.BytesIO()
    export(embedded, "graphml", out, relation_types=["PARTY_TO"], entity_types=["University", "Company"])
    g = nx.read_graphml(io.BytesIO(out.getvalue()), force_multigraph=True)
    assert {d["type"] for *_, d in g.nodes(data=True)} <= {"University", "Company"}
    assert {d["type"] for *_, d in g.edges(data=True)} == {"PARTY_TO"}


def test_bad_score_names_are_rejected(embedded: EmbeddedStore) -> None:
    with pytest.raises(ValidationError, match="'name'"):
        export(embedded, "graphml", io.BytesIO(), scores={"name": {}})


def test_unknown_format_is_rejected(embedded: EmbeddedStore) -> None:
    with pytest.raises(ValidationError, match="'xlsx'"):
        export(embedded, "xlsx", io.BytesIO())


# -- CSV -----------------------------------------------------------------------------------------------


def _read(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_escape_cell_defuses_formulas(cell: str) -> None:
    assert escape_cell(cell) == "'" + cell
    assert escape_cell("KAIST") == "KAIST"
    assert escape_cell(-0.5) == -0.5


def test_csv_folder(embedded: EmbeddedStore, tmp_path: Path) -> None:
    summary = export(embedded, "csv", tmp_path / "csv", scores={"pagerank": {f.KAIST: 0.25}})
    files = {p.name for p in (tmp_path / "csv").iterdir()}
    assert files == {"nodes.csv", "edges.csv", "agreements.csv", "goals.csv", "evidence.csv"}
    nodes = _read((tmp_path / "csv" / "nodes.csv").read_bytes())
    assert len(nodes) == summary.items["nodes"] == embedded.stats().entities
    kaist = next(n for n in nodes if n["id"] == f.KAIST)
    assert kaist["pagerank"] == "0.25"
    assert kaist["type"] == "University"


def test_csv_zip_defuses_formula_injection(embedded: EmbeddedStore, tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    export(embedded, "csv", out)
    with zipfile.ZipFile(out) as archive:
        tables = {name: _read(archive.read(name)) for name in archive.namelist()}
    for name, rows in tables.items():
        for row in rows:
            for column, cell in row.items():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, column, cell)
    names = {n["name"] for n in tables["nodes.csv"]}
    assert {'\'=HYPERLINK("http://evil") Ltd', "'@Risk Labs", "'-2 Quantum", "'+Plus Corp"} <= names
    plus = next(n for n in tables["nodes.csv"] if n["name"] == "'+Plus Corp")
    assert json.loads(plus["external_ids"]) == {"=x": "+1", "wikidata": "Q42"}
    risk = next(n for n in tables["nodes.csv"] if n["name"] == "'@Risk Labs")
    assert risk["description"] == "'-2+3"
    mou = next(a for a in tables["agreements.csv"] if "2-quantum" in a["parties"])
    assert mou["topics"] == "'\rCR"
    party_edges = [e for e in tables["edges.csv"] if e["type"] == "PARTY_TO"]
    assert {e["agreement"] for e in party_edges} == {a["id"] for a in tables["agreements.csv"]} - {
        ""
    } or party_edges
    sentences = {e["sentence"] for e in tables["evidence.csv"]}
    assert "'-2 Quantum and +Plus Corp signed an MOU." in sentences


def test_csv_to_a_stream_is_a_zip(embedded: EmbeddedStore) -> None:
    out = io.BytesIO()
    export(embedded, "csv", out)
    assert zipfile.ZipFile(io.BytesIO(out.getvalue())).namelist() == [
        "nodes.csv",
        "edges.csv",
        "agreements.csv",
        "goals.csv",
        "evidence.csv",
    ]


def test_failed_export_leaves_no_file(embedded: EmbeddedStore, tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    with pytest.raises(NotFound):
        export(embedded, "nq", out, document_ids=[f.aws_pasqal().document.id, "0" * 64])
    assert list(tmp_path.iterdir()) == [tmp_path / "store"]


# -- the same exports from every embedded (Neo4j runs against the real server) ------------------------------


@pytest.fixture
def any_store(store: GraphStore, deltas: list[KnowledgeGraph]) -> GraphStore:
    """The conftest ``store`` (embedded and Neo4j), loaded with the corpus."""
    for d in deltas:
        store.upsert(d)
    return store


def test_every_store_exports_the_same(
    any_store: GraphStore, deltas: list[KnowledgeGraph], tmp_path: Path
) -> None:
    nq = io.BytesIO()
    export(any_store, "nq", nq)
    assert deltas_from_nquads(nq.getvalue()) == sorted(
        (canonical_delta(d) for d in deltas), key=lambda d: d.document.id
    )
    ttl = io.BytesIO()
    export(any_store, "ttl", ttl)
    assert validate(Graph().parse(data=ttl.getvalue(), format="turtle")).conforms
    graphml = io.BytesIO()
    export(any_store, "graphml", graphml)
    g = nx.read_graphml(io.BytesIO(graphml.getvalue()), force_multigraph=True)
    assert g.number_of_nodes() == any_store.stats().entities
    export(any_store, "csv", tmp_path / "csv")
    assert len(_read((tmp_path / "csv" / "nodes.csv").read_bytes())) == any_store.stats().entities
