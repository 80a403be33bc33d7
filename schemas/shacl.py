"""SHACL shapes derived from the ontology, and validation of qkg RDF with readable reports.

The shapes are generated from :data:`qkg.schemas.ontology.SIGNATURES` and the enums by
:func:`shapes_graph`; ``shapes.ttl`` (shipped as package data for users of other SHACL
engines) is that graph serialised, and a test checks the two agree, so the ontology stays
the one source of truth. Regenerate the file with ``python -m qkg.schemas.shacl``.

The shapes accept the RDF form of any valid delta and the union of several documents'
graphs (one entity may carry a different name in each document), and reject among others a
relation whose subject or object type is outside the relation's domain/range, an agreement
with fewer than two parties, and evidence without a document.

Validation never touches the network: the shapes are local, there are no ``owl:imports``,
and the data graph is handed to pyshacl in memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.graph import Dataset
from rdflib.namespace import DCTERMS, RDF, SH, XSD
from rdflib.term import Node

from .errors import ValidationError
from .life import STAGES
from .models import KnowledgeGraph
from .ontology import SIGNATURES, AgreementKind, AgreementStatus, EntityType
from .rdf import (
    ALIAS,
    DATE,
    DESCRIPTION,
    ENDS,
    MEDIA_TYPE,
    NAME,
    NAMESPACES,
    PUBLISHED,
    QKG,
    TEXT,
    TITLE,
    delta_to_dataset,
    entity_class,
    relation_property,
)

__all__ = [
    "SHAPES",
    "ShaclReport",
    "ShaclResult",
    "shapes_graph",
    "shapes_turtle",
    "validate",
    "validate_delta",
    "validate_rdf",
]

#: Namespace of the generated shapes.
SHAPES = Namespace("https://w3id.org/qkg/shapes#")
_SHAPES_FILE = "shapes.ttl"
_HEADER = (
    "# SHACL shapes of the qkg vocabulary. GENERATED from qkg.schemas.ontology by\n"
    "# `python -m qkg.schemas.shacl`; do not edit by hand (tests/schemas/test_shacl.py checks it).\n"
)


def _names(types: Iterable[EntityType]) -> str:
    return ", ".join(sorted(t.value for t in types))


class _Builder:
    """Small helper writing shapes into a graph (blank nodes are fine in a shapes graph)."""

    def __init__(self) -> None:
        self.g = Graph()
        for prefix, ns in NAMESPACES.items():
            self.g.bind(prefix, ns)
        self.g.bind("sh", SH)
        self.g.bind("qkgsh", SHAPES)

    def list(self, items: Sequence[Node]) -> BNode:
        head = BNode()
        Collection(self.g, head, list(items))
        return head

    def classes(self, types: Iterable[EntityType]) -> BNode:
        """``sh:or ( [sh:class qkg:A] [sh:class qkg:B] ... )`` over sorted entity types."""
        alternatives: list[Node] = []
        for t in sorted(types, key=lambda t: t.value):
            b = BNode()
            self.g.add((b, SH["class"], entity_class(t)))
            alternatives.append(b)
        return self.list(alternatives)

    def node(self, name: str, *targets: tuple[URIRef, URIRef]) -> URIRef:
        shape = SHAPES[name]
        self.g.add((shape, RDF.type, SH.NodeShape))
        for pred, obj in targets:
            self.g.add((shape, pred, obj))
        return shape

    def prop(
        self,
        shape: URIRef,
        path: Node,
        message: str,
        *,
        min_count: int | None = None,
        max_count: int | None = None,
        datatype: URIRef | None = None,
        iri: bool = False,
        cls: URIRef | None = None,
        name: str | None = None,
        in_: Node | None = None,
        **extra: Node,
    ) -> URIRef:
        if name is None:
            assert isinstance(path, URIRef)
            name = path.split("#")[-1].split("/")[-1]
        p = URIRef(f"{shape}-{name}")
        self.g.add((p, RDF.type, SH.PropertyShape))
        self.g.add((shape, SH.property, p))
        self.g.add((p, SH.path, path))
        self.g.add((p, SH.message, Literal(message, lang="en")))
        if min_count is not None:
            self.g.add((p, SH.minCount, Literal(min_count)))
        if max_count is not None:
            self.g.add((p, SH.maxCount, Literal(max_count)))
        if datatype is not None:
            self.g.add((p, SH.datatype, datatype))
        if iri:
            self.g.add((p, SH.nodeKind, SH.IRI))
        if cls is not None:
            self.g.add((p, SH["class"], cls))
        if in_ is not None:
            self.g.add((p, SH["in"], in_))
        for key, value in extra.items():
            self.g.add((p, SH[key], value))
        return p

    def inverse(self, path: URIRef) -> BNode:
        b = BNode()
        self.g.add((b, SH.inversePath, path))
        return b


def shapes_graph() -> Graph:
    """The SHACL shapes, built from the ontology (the one source of truth)."""
    b = _Builder()
    g = b.g
    string, double, integer = XSD.string, XSD.double, XSD.integer

    # Relations: domain and range from SIGNATURES, on the direct, SPARQL-friendly triple.
    for rtype, sig in SIGNATURES.items():
        if sig.structural:
            continue
        prop = relation_property(rtype)
        local = prop.removeprefix(str(QKG._NS))
        shape = b.node(f"{local}Shape", (SH.targetSubjectsOf, prop))
        g.add((shape, SH["or"], b.classes(sig.domain)))
        g.add(
            (
                shape,
                SH.message,
                Literal(
                    f"qkg:{local} ({rtype.value}): the subject must be one of {_names(sig.domain)}", lang="en"
                ),
            )
        )
        ranged = b.prop(
            shape,
            prop,
            f"qkg:{local} ({rtype.value}): the object must be one of {_names(sig.range)}",
            name="range",
            iri=True,
        )
        g.add((ranged, SH["or"], b.classes(sig.range)))

    relation_properties = [relation_property(t) for t, s in SIGNATURES.items() if not s.structural]
    _evidence_completeness(b, relation_properties)
    shape = b.node("RelationAssertionShape", (SH.targetClass, QKG.RelationAssertion))
    b.prop(
        shape,
        QKG.subject,
        "a relation assertion needs exactly one subject IRI",
        min_count=1,
        max_count=1,
        iri=True,
    )
    b.prop(
        shape,
        QKG.predicate,
        "a relation assertion needs exactly one predicate, a non-structural qkg relation property",
        min_count=1,
        max_count=1,
        in_=b.list(sorted(relation_properties)),
    )
    b.prop(
        shape,
        QKG.object,
        "a relation assertion needs exactly one object IRI",
        min_count=1,
        max_count=1,
        iri=True,
    )
    _confidence(b, shape)
    for path in (QKG.validFrom, QKG.validTo):
        b.prop(
            shape,
            path,
            f"at most one {path.n3(g.namespace_manager)}, an xsd:date",
            max_count=1,
            datatype=XSD.date,
        )
    _evidence_link(b, shape, "a relation assertion")

    # Entities.
    shape = b.node("EntityShape", *((SH.targetClass, entity_class(t)) for t in sorted(EntityType)))
    b.prop(
        shape,
        NAME,
        "an entity needs a name (schema:name), a string",
        min_count=1,
        datatype=string,
        minLength=Literal(1),
    )
    b.prop(shape, ALIAS, "aliases (skos:altLabel) are strings", datatype=string)
    b.prop(shape, DESCRIPTION, "a description is a string", datatype=string)
    b.prop(
        shape,
        QKG.country,
        "a country is an ISO 3166-1 alpha-2 code such as 'KR'",
        datatype=string,
        pattern=Literal("^[A-Z]{2}$"),
    )
    for path in (QKG.wikidata, QKG.ror):
        b.prop(shape, path, f"{path.n3(g.namespace_manager)} values are strings", datatype=string)
    b.prop(
        shape,
        QKG.externalId,
        "external ids are strings written 'scheme=value'",
        datatype=string,
        pattern=Literal("^[^=]+="),
    )

    # Agreements: n-ary nodes with at least two parties.
    shape = b.node("AgreementShape", (SH.targetClass, QKG.Agreement))
    b.prop(
        shape,
        b.inverse(QKG.partyTo),
        "an agreement needs at least two parties (qkg:partyTo from each party)",
        name="parties",
        min_count=2,
        iri=True,
    )
    b.prop(
        shape,
        QKG.kind,
        f"an agreement needs a kind, one of {', '.join(k.value for k in AgreementKind)}",
        min_count=1,
        in_=b.list([Literal(k.value) for k in AgreementKind]),
    )
    b.prop(
        shape,
        QKG.status,
        f"an agreement status is one of {', '.join(s.value for s in AgreementStatus)}",
        in_=b.list([Literal(s.value) for s in AgreementStatus]),
    )
    _partial_date(b, shape, DATE, "an agreement date is an xsd:gYear, xsd:gYearMonth or xsd:date")
    # no maxCount: the union of several documents' graphs may give an agreement several ends
    _partial_date(
        b, shape, ENDS, "an agreement's end (schema:endDate) is an xsd:gYear, xsd:gYearMonth or xsd:date"
    )
    b.prop(shape, QKG.place, "an agreement's place is an entity IRI", iri=True)
    b.prop(shape, QKG.topic, "topics are strings", datatype=string)
    b.prop(shape, TITLE, "a title is a string", datatype=string)
    b.prop(
        shape,
        QKG.event,
        "an agreement's events (qkg:event) are qkg:AgreementEvent IRIs",
        iri=True,
        cls=QKG.AgreementEvent,
    )
    _evidence_link(b, shape, "an agreement")

    # Agreement events: one stage of an agreement's life, told by one piece of evidence.
    shape = b.node("AgreementEventShape", (SH.targetClass, QKG.AgreementEvent))
    b.prop(
        shape,
        QKG.status,
        f"an agreement event needs exactly one status, one of {', '.join(s.value for s in STAGES)}",
        min_count=1,
        max_count=1,
        in_=b.list([Literal(s.value) for s in STAGES]),
    )
    _partial_date(
        b, shape, DATE, "an event has at most one date, an xsd:gYear, xsd:gYearMonth or xsd:date", max_count=1
    )
    _partial_date(
        b,
        shape,
        ENDS,
        "an event states at most one end (schema:endDate), an xsd:gYear, xsd:gYearMonth or xsd:date",
        max_count=1,
    )
    b.prop(
        shape,
        QKG.evidence,
        "an agreement event needs exactly one piece of evidence (qkg:evidence, a qkg:Evidence)",
        min_count=1,
        max_count=1,
        cls=QKG.Evidence,
    )
    b.prop(
        shape,
        b.inverse(QKG.event),
        "an agreement event belongs to exactly one agreement (qkg:event)",
        name="agreement",
        min_count=1,
        max_count=1,
        cls=QKG.Agreement,
    )

    # Goals.
    shape = b.node("GoalShape", (SH.targetClass, QKG.Goal))
    b.prop(
        shape,
        QKG.metric,
        "a goal needs a metric, a non-empty string",
        min_count=1,
        datatype=string,
        minLength=Literal(1),
    )
    b.prop(shape, QKG.value, "a goal needs a value, an xsd:double", min_count=1, datatype=double)
    b.prop(shape, QKG.unit, "a goal needs a unit, a string", min_count=1, datatype=string)
    b.prop(
        shape,
        QKG.targetYear,
        "a goal's target year is an xsd:integer between 1900 and 2200",
        datatype=integer,
        minInclusive=Literal(1900),
        maxInclusive=Literal(2200),
    )
    b.prop(
        shape,
        b.inverse(QKG.hasGoal),
        "a goal has at most one owner (qkg:hasGoal)",
        name="owner",
        max_count=1,
        iri=True,
    )
    _evidence_link(b, shape, "a goal")

    # Evidence: a sentence quoted from exactly one document.
    shape = b.node("EvidenceShape", (SH.targetClass, QKG.Evidence))
    b.prop(
        shape,
        QKG.document,
        "evidence must name exactly one document it quotes (qkg:document, a qkg:Document)",
        min_count=1,
        max_count=1,
        cls=QKG.Document,
    )
    b.prop(
        shape,
        QKG.sentence,
        "evidence needs exactly one sentence, a non-empty string",
        min_count=1,
        max_count=1,
        datatype=string,
        minLength=Literal(1),
    )
    b.prop(
        shape,
        QKG.start,
        "evidence needs exactly one start offset, an xsd:integer >= 0, before its end",
        min_count=1,
        max_count=1,
        datatype=integer,
        minInclusive=Literal(0),
        lessThan=QKG.end,
    )
    b.prop(
        shape,
        QKG.end,
        "evidence needs exactly one end offset, an xsd:integer > 0",
        min_count=1,
        max_count=1,
        datatype=integer,
        minExclusive=Literal(0),
    )
    b.prop(
        shape,
        QKG.rule,
        "evidence needs exactly one extraction rule, a non-empty string",
        min_count=1,
        max_count=1,
        datatype=string,
        minLength=Literal(1),
    )
    _confidence(b, shape)

    # Documents.
    shape = b.node("DocumentShape", (SH.targetClass, QKG.Document))
    b.prop(
        shape,
        TEXT,
        "a document needs exactly one text (schema:text), a string",
        min_count=1,
        max_count=1,
        datatype=string,
    )
    b.prop(
        shape,
        MEDIA_TYPE,
        "a document needs exactly one media type (dcterms:format)",
        min_count=1,
        max_count=1,
        datatype=string,
    )
    b.prop(shape, TITLE, "a document has at most one title, a string", max_count=1, datatype=string)
    b.prop(shape, DCTERMS.source, "a document has at most one source, a string", max_count=1, datatype=string)
    b.prop(
        shape,
        PUBLISHED,
        "a document's publication date (dcterms:issued) is one xsd:date",
        max_count=1,
        datatype=XSD.date,
    )
    return g


_EDGE_WITHOUT_ASSERTION = """
SELECT $this ?value ?subject WHERE {
    ?subject $this ?value .
    FILTER NOT EXISTS {
        ?assertion <%(subject)s> ?subject ; <%(predicate)s> $this ; <%(object)s> ?value ;
                   <%(evidence)s> ?evidence .
    }
}"""
_ASSERTION_WITHOUT_EDGE = """
SELECT $this ?value WHERE {
    ?value a $this ; <%(subject)s> ?s ; <%(predicate)s> ?p ; <%(object)s> ?o .
    FILTER NOT EXISTS { ?s ?p ?o }
}"""


def _evidence_completeness(b: _Builder, relation_properties: Sequence[URIRef]) -> None:
    """Every direct relation triple has an assertion with evidence, and every assertion its
    direct triple. SHACL-SPARQL, run once per relation property (the focus node), not per edge."""
    terms = {
        "subject": QKG.subject,
        "predicate": QKG.predicate,
        "object": QKG.object,
        "evidence": QKG.evidence,
    }
    edge = b.node("EvidencedEdgeShape", *((SH.targetNode, p) for p in sorted(relation_properties)))
    _sparql_constraint(
        b,
        edge,
        "EvidencedEdgeShape-assertion",
        _EDGE_WITHOUT_ASSERTION % terms,
        "the edge from {?subject} to {?value} has no qkg:RelationAssertion with evidence",
    )
    assertion = b.node("AssertedEdgeShape", (SH.targetNode, QKG.RelationAssertion))
    _sparql_constraint(
        b,
        assertion,
        "AssertedEdgeShape-edge",
        _ASSERTION_WITHOUT_EDGE % terms,
        "the relation assertion {?value} has no direct triple (subject, predicate, object)",
    )


def _sparql_constraint(b: _Builder, shape: URIRef, name: str, select: str, message: str) -> None:
    """Attach the SHACL-SPARQL constraint ``name`` (a SELECT reporting ``$this ?value``) to ``shape``."""
    sparql = SHAPES[name]
    b.g.add((shape, SH.sparql, sparql))
    b.g.add((sparql, RDF.type, SH.SPARQLConstraint))
    b.g.add((sparql, SH.select, Literal(select)))
    b.g.add((sparql, SH.message, Literal(message, lang="en")))


def _partial_date(
    b: _Builder, shape: URIRef, path: URIRef, message: str, max_count: int | None = None
) -> None:
    """A property whose values are partial dates: ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date``."""
    dated = b.prop(shape, path, message, max_count=max_count)
    alternatives: list[Node] = []
    for dtype in (XSD.gYear, XSD.gYearMonth, XSD.date):
        alt = BNode()
        b.g.add((alt, SH.datatype, dtype))
        alternatives.append(alt)
    b.g.add((dated, SH["or"], b.list(alternatives)))


def _confidence(b: _Builder, shape: URIRef) -> None:
    b.prop(
        shape,
        QKG.confidence,
        "exactly one confidence, an xsd:double in [0, 1]",
        min_count=1,
        max_count=1,
        datatype=XSD.double,
        minInclusive=Literal(0.0),
        maxInclusive=Literal(1.0),
    )


def _evidence_link(b: _Builder, shape: URIRef, what: str) -> None:
    b.prop(
        shape,
        QKG.evidence,
        f"{what} needs at least one piece of evidence (qkg:evidence, a qkg:Evidence)",
        min_count=1,
        cls=QKG.Evidence,
    )


def shapes_turtle() -> str:
    """The generated shapes as the Turtle text of ``shapes.ttl``."""
    return _HEADER + shapes_graph().serialize(format="turtle")


@cache
def _shapes() -> Graph:
    g = Graph()
    g.parse(data=files("qkg.schemas").joinpath(_SHAPES_FILE).read_text(encoding="utf-8"), format="turtle")
    return g


# -- validation -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShaclResult:
    """One violation: the node, the property path, the message and the offending value."""

    focus: str
    path: str
    message: str
    value: str | None
    severity: str
    shape: str

    def __str__(self) -> str:
        value = f" (value: {self.value})" if self.value is not None else ""
        path = f" {self.path}" if self.path else ""
        return f"{self.severity}: {self.focus}{path}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ShaclReport:
    """Outcome of a SHACL validation: ``conforms`` and the violations, sorted."""

    conforms: bool
    results: tuple[ShaclResult, ...]

    @property
    def text(self) -> str:
        """A readable report, one violation per line."""
        if self.conforms:
            return "Conforms: the graph passes the qkg SHACL shapes."
        lines = [f"Does not conform: {len(self.results)} violation(s)"]
        lines += [f"- {r}" for r in self.results]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text


def _merge(graph: Graph | Dataset) -> Graph:
    if isinstance(graph, Dataset):
        merged = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return graph


def validate(graph: Graph | Dataset) -> ShaclReport:
    """Validate qkg RDF against the shapes. A ``Dataset`` is validated as the union of its graphs.

    >>> from qkg.schemas import Document, KnowledgeGraph
    >>> validate_delta(KnowledgeGraph(document=Document.from_text("Hi"))).conforms
    True
    """
    import pyshacl

    data = _merge(graph)
    conforms, results_graph, _ = pyshacl.validate(
        data,
        shacl_graph=_shapes(),
        inference="none",
        advanced=False,
        abort_on_first=False,
        allow_warnings=False,
        do_owl_imports=False,
    )
    return ShaclReport(conforms=bool(conforms), results=_results(results_graph))


_RDF_FORMATS = {
    "ttl": "TURTLE",
    "turtle": "TURTLE",
    "trig": "TRIG",
    "nq": "N_QUADS",
    "nquads": "N_QUADS",
    "nt": "N_TRIPLES",
    "jsonld": "JSON_LD",
    "json-ld": "JSON_LD",
}


def validate_rdf(data: str | bytes, fmt: str) -> ShaclReport:
    """Validate serialised RDF (``ttl``, ``trig``, ``nq``, ``nt`` or ``jsonld``), offline.

    Parsed by pyoxigraph, which never fetches anything (a JSON-LD remote ``@context`` is
    refused), then validated as one merged graph.
    """
    import pyoxigraph as ox

    name = _RDF_FORMATS.get(fmt.lower())
    if name is None:
        raise ValidationError(
            f"cannot validate format {fmt!r} (use one of {', '.join(sorted(_RDF_FORMATS))})"
        )
    graph = Graph()
    try:
        for q in ox.parse(data, getattr(ox.RdfFormat, name)):
            graph.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    except (SyntaxError, ValueError) as exc:
        raise ValidationError(f"cannot parse the {fmt} input: {exc}") from None
    return validate(graph)


def _term(t: object) -> Node:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == str(XSD.string):
            return Literal(t.value)
        return Literal(t.value, datatype=URIRef(t.datatype.value))
    raise ValidationError(f"unsupported RDF term {t!r} (quoted triples are not qkg data)")


def validate_delta(delta: KnowledgeGraph) -> ShaclReport:
    """Validate the RDF form of one delta."""
    return validate(delta_to_dataset(delta))


def _results(report: Graph) -> tuple[ShaclResult, ...]:
    nm = _Builder().g.namespace_manager

    def show(node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            return node.n3(nm)
        if isinstance(node, Literal):
            return node.n3(nm)
        if isinstance(node, BNode):  # a path such as [sh:inversePath qkg:partyTo]
            inverse = report.value(node, SH.inversePath)
            return f"^{show(inverse)}" if inverse is not None else "[]"
        return str(node)

    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        message = report.value(r, SH.resultMessage)
        out.append(
            ShaclResult(
                focus=show(report.value(r, SH.focusNode)),
                path=show(report.value(r, SH.resultPath)),
                message=str(message) if message is not None else "",
                value=show(v) if (v := report.value(r, SH.value)) is not None else None,
                severity=show(report.value(r, SH.resultSeverity)).removeprefix("sh:"),
                shape=show(report.value(r, SH.sourceShape)),
            )
        )
    return tuple(sorted(out, key=lambda r: (r.focus, r.path, r.message, r.value or "")))


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``shapes.ttl`` next to this module (or to the path given)."""
    from pathlib import Path

    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(args[0]) if args else Path(__file__).with_name(_SHAPES_FILE)
    target.write_text(shapes_turtle(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
