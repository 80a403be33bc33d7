"""SHACL shapes derived from the ontology; the seed's key actors round-trip through Turtle and pass;
broken graphs fail with readable reports."""

from __future__ import annotations

from importlib.resources import files

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SKOS, XSD
from rdflib.term import Node

from qkg.schemas import (
    SIGNATURES,
    Agreement,
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    Document,
    Entity,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    Relation,
    RelationType,
    entity_id,
    iri,
)
from qkg.schemas.rdf import QKG, delta_to_dataset, relation_property
from qkg.schemas.shacl import shapes_graph, shapes_turtle, validate, validate_delta
from tests import factories as f

from .rdf_strategies import deltas

E = EntityType
SEED = files("qkg.loaders").joinpath("data/seed_daejeon.txt").read_text(encoding="utf-8")
KAIST, PASQAL, AWS, DAEJEON = f.KAIST, f.PASQAL, f.AWS, f.DAEJEON
CLUSTER = entity_id("Daedeok Quantum Cluster", E.CLUSTER, "KR")
KOREA = entity_id("South Korea", E.COUNTRY, "KR")
USA = entity_id("United States", E.COUNTRY, "US")
WASHINGTON = entity_id("Washington, DC", E.CITY, "US")


def _ev(doc: Document, fragment: str, rule: str) -> Evidence:
    return f.evidence(doc, fragment, rule=rule)


def seed_model() -> KnowledgeGraph:
    """The seed's key actors: KAIST, PASQAL, AWS, Daejeon, Daedeok Quantum Cluster and the
    US–Korea joint statement as an Agreement."""
    doc = Document.from_text(SEED, title="Daejeon's quantum ambitions", source="seed/daejeon.txt")
    mou = _ev(
        doc, "its recent memorandum of understanding (MOU) with Amazon Web Services (AWS)", "pattern:mou"
    )
    tri = _ev(
        doc,
        "strategic tripartite partnership among PASQAL, KAIST, and the city government itself",
        "pattern:partnership",
    )
    cluster = _ev(doc, "Together, they’re building the Daedeok Quantum Cluster", "pattern:develops")
    joint = _ev(
        doc,
        "The joint statement signed in Washington, DC, on quantum information science",
        "pattern:joint-statement",
    )
    parity = _ev(doc, "85% parity with global quantum leaders by 2035", "pattern:goal")
    entities = (
        Entity(
            id=KAIST,
            type=E.UNIVERSITY,
            name="KAIST",
            aliases=("한국과학기술원",),
            external_ids={"wikidata": "Q1307012"},
            country="KR",
        ),
        Entity(id=PASQAL, type=E.COMPANY, name="PASQAL", country="FR"),
        Entity(id=AWS, type=E.COMPANY, name="Amazon Web Services", aliases=("AWS",), country="US"),
        Entity(id=DAEJEON, type=E.CITY, name="Daejeon", aliases=("대전",), country="KR"),
        Entity(id=CLUSTER, type=E.CLUSTER, name="Daedeok Quantum Cluster", country="KR"),
        Entity(id=KOREA, type=E.COUNTRY, name="South Korea", aliases=("대한민국",), country="KR"),
        Entity(id=USA, type=E.COUNTRY, name="United States", country="US"),
        Entity(id=WASHINGTON, type=E.CITY, name="Washington, DC", country="US"),
    )
    return KnowledgeGraph(
        document=doc,
        entities=entities,
        relations=(
            Relation(source=PASQAL, type=RelationType.PARTNERS_WITH, target=KAIST, evidence=(tri,)),
            Relation(
                source=KAIST, type=RelationType.DEVELOPS, target=CLUSTER, evidence=(cluster,), confidence=0.7
            ),
            Relation(source=CLUSTER, type=RelationType.LOCATED_IN, target=DAEJEON, evidence=(cluster,)),
        ),
        agreements=(
            Agreement.build(
                AgreementKind.MOU, [DAEJEON, AWS], evidence=(mou,), status=AgreementStatus.SIGNED
            ),
            Agreement.build(AgreementKind.PARTNERSHIP, [PASQAL, KAIST, DAEJEON], evidence=(tri,)),
            Agreement.build(
                AgreementKind.JOINT_STATEMENT,
                [KOREA, USA],
                title="Joint statement on quantum information science",
                place=WASHINGTON,
                topics=("quantum information science",),
                status=AgreementStatus.SIGNED,
                evidence=(joint,),
                events=(
                    AgreementEvent(
                        status=AgreementStatus.SIGNED, date="2023-04", ends="2026", evidence=joint
                    ),
                ),
                ends="2026",
            ),
        ),
        goals=(
            Goal.build(
                "parity with global quantum leaders",
                85,
                "%",
                target_year=2035,
                owner=KOREA,
                evidence=(parity,),
            ),
        ),
    )


def _merged(delta: KnowledgeGraph) -> Graph:
    g = Graph()
    for prefix, ns in delta_to_dataset(delta).namespaces():
        g.bind(prefix, ns)
    for s, p, o, _ in delta_to_dataset(delta).quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _from_oxigraph(data: str, fmt: ox.RdfFormat) -> Graph:
    g = Graph()
    for q in ox.parse(data, fmt):
        terms = []
        for t in (q.subject, q.predicate, q.object):
            if isinstance(t, ox.NamedNode):
                terms.append(URIRef(t.value))
            elif isinstance(t, ox.BlankNode):
                terms.append(BNode(t.value))
            elif t.datatype == ox.NamedNode(str(XSD.string)):
                terms.append(Literal(t.value))
            elif t.language:
                terms.append(Literal(t.value, lang=t.language))
            else:
                terms.append(Literal(t.value, datatype=URIRef(t.datatype.value)))
        g.add((terms[0], terms[1], terms[2]))
    return g


# -- the shapes file is generated from the ontology ----------------------------------------


def test_shapes_file_matches_the_ontology() -> None:
    shipped = Graph().parse(
        data=files("qkg.schemas").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    assert isomorphic(shipped, shapes_graph()), "shapes.ttl is stale: run `python -m qkg.schemas.shacl`"
    assert shapes_turtle() == files("qkg.schemas").joinpath("shapes.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("rtype", [t for t, s in SIGNATURES.items() if not s.structural])
def test_every_relation_type_has_a_domain_and_range_shape(rtype: RelationType) -> None:
    g = shapes_graph()
    shapes = set(g.subjects(URIRef("http://www.w3.org/ns/shacl#targetSubjectsOf"), relation_property(rtype)))
    assert len(shapes) == 1


def _vocab() -> Graph:
    return Graph().parse(
        data=files("qkg.schemas").joinpath("vocab.ttl").read_text(encoding="utf-8"), format="turtle"
    )


def test_vocabulary_declares_exactly_the_closed_namespace() -> None:
    vocab = _vocab()
    declared = {
        s
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme)
        for s in vocab.subjects(RDF.type, kind)
        if str(s).startswith(str(QKG._NS))
    }
    assert declared == {getattr(QKG, name) for name in QKG.__annotations__}
    symmetric = set(vocab.subjects(RDF.type, OWL.SymmetricProperty))
    assert symmetric == {relation_property(t) for t, s in SIGNATURES.items() if s.symmetric}
    for term in declared:  # every term says what it is and aligns or explains itself
        assert (term, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in vocab


def test_status_vocabulary_is_the_enum() -> None:
    vocab = _vocab()
    concepts = set(vocab.objects(QKG.AgreementStatusScheme, SKOS.hasTopConcept))
    notations = {str(vocab.value(c, SKOS.notation)) for c in concepts}
    assert notations == {s.value for s in AgreementStatus}
    assert len(concepts) == len(AgreementStatus)
    assert all((c, SKOS.inScheme, QKG.AgreementStatusScheme) in vocab for c in concepts)


def test_shapes_use_only_declared_terms() -> None:
    used = {
        t
        for triple in shapes_graph()
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(QKG._NS))
    }
    assert used <= {getattr(QKG, name) for name in QKG.__annotations__}


# -- the seed's key actors -----------------------------------------------------------------


def test_seed_model_round_trips_through_turtle_and_passes_shacl() -> None:
    graph = _merged(seed_model())
    turtle = graph.serialize(format="turtle")
    assert "Daedeok Quantum Cluster" in turtle
    assert "한국과학기술원" in turtle
    back = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(back, graph)
    report = validate(back)
    assert report.conforms, report.text
    assert set(_from_oxigraph(turtle, ox.RdfFormat.TURTLE)) == set(back)  # both parsers read the same graph
    assert isomorphic(_from_oxigraph(turtle, ox.RdfFormat.TURTLE), back)


def test_seed_model_validates_as_a_delta() -> None:
    report = validate_delta(seed_model())
    assert report.conforms, report.text
    assert report.results == ()
    assert report.text.startswith("Conforms")


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(deltas(max_entities=4))
def test_any_valid_delta_passes(d: KnowledgeGraph) -> None:
    report = validate_delta(d)
    assert report.conforms, report.text


def test_union_of_documents_passes() -> None:
    seed = seed_model()
    other_doc = Document.from_text(
        "KAIST (Korea Advanced Institute of Science and Technology) partners with PASQAL."
    )
    ev = _ev(
        other_doc,
        "KAIST (Korea Advanced Institute of Science and Technology) partners with PASQAL.",
        "pattern:partner",
    )
    other = KnowledgeGraph(
        document=other_doc,
        entities=(
            Entity(
                id=KAIST,
                type=E.UNIVERSITY,
                name="Korea Advanced Institute of Science and Technology",
                country="KR",
            ),
            Entity(id=PASQAL, type=E.COMPANY, name="Pasqal SAS", country="FR"),
        ),
        relations=(
            Relation(
                source=KAIST, type=RelationType.PARTNERS_WITH, target=PASQAL, evidence=(ev,), confidence=0.5
            ),
        ),
    )
    union = _merged(seed) + _merged(other)
    report = validate(union)
    assert report.conforms, report.text


# -- broken variants fail with readable reports ----------------------------------------------


def test_relation_outside_its_domain_and_range_fails() -> None:
    g = _merged(seed_model())
    # Daejeon (a City) "works on" KAIST (a University): WORKS_ON wants an actor -> Technology/Program.
    g.add((URIRef(iri(DAEJEON)), QKG.worksOn, URIRef(iri(KAIST))))
    # AFFILIATED_WITH needs a Person as subject.
    g.add((URIRef(iri(PASQAL)), QKG.affiliatedWith, URIRef(iri(KAIST))))
    report = validate(g)
    assert not report.conforms
    text = report.text
    assert "qkg:worksOn (WORKS_ON): the object must be one of Program, Technology" in text
    assert "qkg:affiliatedWith (AFFILIATED_WITH): the subject must be one of Person" in text
    focus = {(r.focus, r.path) for r in report.results}
    assert {(f"<{iri(DAEJEON)}>", "qkg:worksOn"), (f"<{iri(PASQAL)}>", "")} <= focus


def test_agreement_with_fewer_than_two_parties_fails() -> None:
    delta = seed_model()
    joint = next(a for a in delta.agreements if a.kind is AgreementKind.JOINT_STATEMENT)
    g = _merged(delta)
    g.remove((URIRef(iri(USA)), QKG.partyTo, URIRef(iri(joint.id))))
    report = validate(g)
    assert not report.conforms
    (result,) = report.results
    assert result.focus == f"<{iri(joint.id)}>"
    assert result.path == "^qkg:partyTo"
    assert "an agreement needs at least two parties" in report.text


def test_evidence_without_a_document_fails() -> None:
    g = _merged(seed_model())
    ev = next(g.subjects(RDF.type, QKG.Evidence))
    g.remove((ev, QKG.document, None))
    report = validate(g)
    assert not report.conforms
    (result,) = report.results
    assert result.path == "qkg:document"
    assert result.focus == f"<{ev}>"
    assert "evidence must name exactly one document" in str(result)


def test_evidence_pointing_at_an_unknown_node_fails() -> None:
    g = _merged(seed_model())
    ev = next(g.subjects(RDF.type, QKG.Evidence))
    g.set((ev, QKG.document, URIRef("https://example.org/not-a-document")))
    report = validate(g)
    assert not report.conforms
    assert "<https://example.org/not-a-document>" in report.text


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda g, a: g.set((a, QKG.kind, Literal("Handshake"))), "an agreement needs a kind, one of MOU"),
        (lambda g, a: g.remove((a, QKG.evidence, None)), "needs at least one piece of evidence"),
        (lambda g, a: g.add((a, QKG.topic, Literal(3))), "topics are strings"),
    ],
)
def test_other_agreement_breakages(edit: object, message: str) -> None:
    g = _merged(seed_model())
    agreement = next(g.subjects(RDF.type, QKG.Agreement))
    edit(g, agreement)  # type: ignore[operator]
    report = validate(g)
    assert not report.conforms
    assert message in report.text


def _event_of(g: Graph) -> Node:
    return next(g.subjects(RDF.type, QKG.AgreementEvent))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda g, e: g.set((e, QKG.status, Literal("unknown"))),
            "an agreement event needs exactly one status, one of announced, signed, active, extended, ended",
        ),
        (lambda g, e: g.add((e, QKG.status, Literal("ended"))), "needs exactly one status"),
        (
            lambda g, e: g.remove((e, QKG.evidence, None)),
            "an agreement event needs exactly one piece of evidence",
        ),
        (
            lambda g, e: g.add((e, URIRef("https://schema.org/endDate"), Literal("soon"))),
            "an event states at most one end",
        ),
        (
            lambda g, e: g.remove((None, QKG.event, e)),
            "an agreement event belongs to exactly one agreement",
        ),
    ],
)
def test_agreement_event_breakages(edit: object, message: str) -> None:
    g = _merged(seed_model())
    edit(g, _event_of(g))  # type: ignore[operator]
    report = validate(g)
    assert not report.conforms
    assert message in report.text


@pytest.mark.parametrize("fmt", ["ttl", "nq", "jsonld"])
def test_validate_serialised_rdf_offline(fmt: str) -> None:
    from qkg.schemas.rdf import delta_to_nquads
    from qkg.schemas.shacl import validate_rdf

    quads = list(ox.parse(delta_to_nquads(seed_model()), ox.RdfFormat.N_QUADS))
    if fmt == "nq":
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    else:
        triples = list(dict.fromkeys(q.triple for q in quads))
        data = ox.serialize(triples, format=ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.JSON_LD)
    assert validate_rdf(data, fmt).conforms


def test_validate_rdf_refuses_remote_jsonld_contexts() -> None:
    from qkg.schemas import ValidationError
    from qkg.schemas.shacl import validate_rdf

    doc = b'{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://a", "name": "x"}'
    with pytest.raises(ValidationError, match="cannot parse"):
        validate_rdf(doc, "jsonld")
    with pytest.raises(ValidationError, match="cannot validate format 'rdfxml'"):
        validate_rdf(b"", "rdfxml")


def test_every_edge_needs_an_evidenced_assertion_and_every_assertion_its_edge() -> None:
    g = _merged(seed_model())
    g.add((URIRef(iri(PASQAL)), QKG.partnersWith, URIRef(iri(AWS))))  # an edge with no evidence
    assertion = next(g.subjects(RDF.type, QKG.RelationAssertion))
    edge = (
        g.value(assertion, QKG.subject),
        g.value(assertion, QKG.predicate),
        g.value(assertion, QKG.object),
    )
    g.remove(edge)  # an assertion whose direct triple is gone
    report = validate(g)
    assert not report.conforms
    text = report.text
    assert f"the edge from {iri(PASQAL)} to {iri(AWS)} has no qkg:RelationAssertion with evidence" in text
    assert f"the relation assertion {assertion} has no direct triple" in text
    assert {r.focus for r in report.results} == {"qkg:partnersWith", "qkg:RelationAssertion"}
