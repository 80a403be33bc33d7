"""The RDF mapping of a delta: closed vocabulary, N-Quads round trip, escaping, two parsers agree."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD

from qkg.schemas import (
    Agreement,
    AgreementKind,
    Document,
    Entity,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    Relation,
    RelationType,
    ValidationError,
    entity_id,
    iri,
)
from qkg.schemas.rdf import (
    QKG,
    RELATION_PROPERTIES,
    canonical_delta,
    delta_from_nquads,
    delta_nquads_chunks,
    delta_to_dataset,
    delta_to_nquads,
    deltas_from_nquads,
    deltas_to_dataset,
    relation_property,
    relation_type_of,
)
from tests import factories as f

from .rdf_strategies import deltas

_SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])

TEXT = (
    "KAIST (한국과학기술원) and PASQAL signed an MOU in Daejeon.\n"
    'The "Quantum \\ Initiative"\tplans 2,500 professionals by 2035.'
)


def _sentence(text: str, fragment: str, doc: Document, rule: str = "test") -> Evidence:
    return f.evidence(doc, fragment, rule=rule, confidence=0.8)


@pytest.fixture
def delta() -> KnowledgeGraph:
    doc = Document.from_text(
        TEXT, title='Quantum "news"', source="https://example.org/a?b=1", published="2024-06-30"
    )
    kaist = Entity(
        id=entity_id("KAIST", EntityType.UNIVERSITY, "KR"),
        type=EntityType.UNIVERSITY,
        name="KAIST",
        aliases=("한국과학기술원", "Korea Advanced Institute of Science and Technology"),
        external_ids={"wikidata": "Q1307012", "ror": "05apxxy63"},
        country="KR",
    )
    pasqal = Entity(
        id=entity_id("PASQAL", EntityType.COMPANY, "FR"), type=EntityType.COMPANY, name="PASQAL", country="FR"
    )
    daejeon = Entity(
        id=entity_id("Daejeon", EntityType.CITY, "KR"), type=EntityType.CITY, name="Daejeon", country="KR"
    )
    ev1 = _sentence(TEXT, "KAIST (한국과학기술원) and PASQAL signed an MOU in Daejeon.", doc)
    ev2 = _sentence(TEXT, 'The "Quantum \\ Initiative"\tplans 2,500 professionals by 2035.', doc, "goal")
    return KnowledgeGraph(
        document=doc,
        entities=(pasqal, kaist, daejeon),
        relations=(
            Relation(
                source=pasqal.id, type="PARTNERS_WITH", target=kaist.id, evidence=(ev1,), confidence=0.9
            ),
            Relation(source=kaist.id, type="LOCATED_IN", target=daejeon.id, evidence=(ev1,)),
        ),
        agreements=(
            Agreement.build(
                AgreementKind.MOU, [kaist.id, pasqal.id], date="2024-06", place=daejeon.id, evidence=(ev1,)
            ),
        ),
        goals=(
            Goal.build(
                "quantum professionals", 2500, "people", target_year=2035, owner=kaist.id, evidence=(ev2,)
            ),
        ),
    )


def test_namespace_is_closed() -> None:
    assert str(QKG.partnersWith) == "https://w3id.org/qkg/ontology#partnersWith"
    with pytest.raises(AttributeError):
        QKG.partnerWith  # noqa: B018


@pytest.mark.parametrize("rtype", list(RelationType))
def test_every_relation_type_has_a_property(rtype: RelationType) -> None:
    assert relation_type_of(relation_property(rtype)) is rtype
    assert RELATION_PROPERTIES[rtype] in QKG


def test_unknown_relation_property_is_rejected() -> None:
    with pytest.raises(ValidationError, match="knows"):
        relation_type_of("http://xmlns.com/foaf/0.1/knows")


def test_round_trip_of_a_hand_written_delta(delta: KnowledgeGraph) -> None:
    back = delta_from_nquads(delta_to_nquads(delta))
    assert back == canonical_delta(delta)
    pieces = list(delta_nquads_chunks(delta, lines=2))  # the bulk loader's input, in pieces
    assert len(pieces) > 1
    assert all(p.endswith(" .\n") for p in pieces)
    assert "".join(pieces) == delta_to_nquads(delta)
    assert back.entities[-1].aliases == (
        "Korea Advanced Institute of Science and Technology",
        "한국과학기술원",
    )
    assert back.goals[0].value == 2500.0


def test_every_quad_is_in_the_document_graph_and_no_blank_nodes(delta: KnowledgeGraph) -> None:
    quads = list(ox.parse(delta_to_nquads(delta), ox.RdfFormat.N_QUADS))
    assert {q.graph_name for q in quads} == {ox.NamedNode(iri(delta.document.id))}
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))


def test_direct_edge_and_assertion_node(delta: KnowledgeGraph) -> None:
    ds = delta_to_dataset(delta)
    kaist, pasqal = URIRef(iri("university:kaist:kr")), URIRef(iri("company:pasqal:fr"))
    g = URIRef(iri(delta.document.id))
    assert set(ds.quads((None, QKG.partnersWith, None, None))) == {(pasqal, QKG.partnersWith, kaist, g)}
    rows = list(
        ds.query(
            """SELECT ?sentence ?conf WHERE { GRAPH ?g {
                 ?a a qkg:RelationAssertion ; qkg:predicate qkg:partnersWith ; qkg:confidence ?conf ;
                    qkg:evidence [ qkg:sentence ?sentence ; qkg:document ?g ] } }""",
            initNs={"qkg": QKG._NS},
        )
    )
    assert [(str(r[0]), float(r[1])) for r in rows] == [
        ("KAIST (한국과학기술원) and PASQAL signed an MOU in Daejeon.", 0.9)
    ]


def test_output_is_deterministic_and_order_free(delta: KnowledgeGraph) -> None:
    shuffled = delta.model_copy(update={"entities": delta.entities[::-1], "relations": delta.relations[::-1]})
    assert delta_to_nquads(shuffled) == delta_to_nquads(delta)


@_SETTINGS
@given(deltas())
def test_round_trip_of_any_valid_delta(d: KnowledgeGraph) -> None:
    canon = canonical_delta(d)
    assert canonical_delta(canon) == canon
    text = delta_to_nquads(d)
    assert delta_from_nquads(text) == canon
    assert delta_from_nquads(text.encode("utf-8")) == canon
    assert delta_to_nquads(canon) == text


def _rdflib_term(term: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.datatype == ox.NamedNode(str(XSD.string)):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


@_SETTINGS
@given(deltas(max_entities=4))
def test_pyoxigraph_and_rdflib_read_the_same_quads(d: KnowledgeGraph) -> None:
    text = delta_to_nquads(d)
    ours = {
        (
            _rdflib_term(q.subject),
            _rdflib_term(q.predicate),
            _rdflib_term(q.object),
            _rdflib_term(q.graph_name),
        )
        for q in ox.parse(text, ox.RdfFormat.N_QUADS)
    }
    ds = Dataset()
    ds.parse(data=text, format="nquads")
    theirs = {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}
    assert ours == theirs
    assert not any(isinstance(t, BNode) for q in theirs for t in q)


def test_several_documents_group_by_graph(delta: KnowledgeGraph) -> None:
    other = KnowledgeGraph(document=Document.from_text("Another document."))
    text = delta_to_nquads(delta) + delta_to_nquads(other)
    got = deltas_from_nquads(text)
    assert [g.document.id for g in got] == sorted([delta.document.id, other.document.id])
    assert canonical_delta(delta) in got
    assert other in got
    with pytest.raises(ValidationError, match="exactly one document, found 2"):
        delta_from_nquads(text)


def test_dataset_of_several_deltas_is_the_union(delta: KnowledgeGraph) -> None:
    other = KnowledgeGraph(document=Document.from_text("Another document."))
    union = deltas_to_dataset([delta, other])
    a, b = delta_to_dataset(delta), delta_to_dataset(other)
    assert len(union) == len(a) + len(b)
    assert set(union.quads()) == set(a.quads()) | set(b.quads())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('<http://a> <http://b> "c" .\n', "named graph"),
        ('_:x <http://b> "c" <http://g> .\n', "blank-node subject"),
        ("<http://a> <http://b> _:y <http://g> .\n", "blank-node"),
        ("<http://a> <http://b> <http://c> <http://g>\n", "invalid N-Quads"),
    ],
)
def test_malformed_input_is_rejected(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        deltas_from_nquads(text)


def test_a_graph_that_breaks_the_model_is_rejected(delta: KnowledgeGraph) -> None:
    broken = delta_to_nquads(delta).replace('"KR"', '"Korea"', 1)
    with pytest.raises(ValidationError, match="does not map to a valid delta"):
        delta_from_nquads(broken)


def test_deltas_from_store_quads(delta: KnowledgeGraph) -> None:
    from qkg.schemas.rdf import delta_from_quads, deltas_from_quads

    other = KnowledgeGraph(document=Document.from_text("Another document."))
    store = ox.Store()
    store.load((delta_to_nquads(delta) + delta_to_nquads(other)).encode(), ox.RdfFormat.N_QUADS)
    graph = ox.NamedNode(iri(delta.document.id))
    assert delta_from_quads(store.quads_for_pattern(None, None, None, graph)) == canonical_delta(delta)
    assert deltas_from_quads(store) == sorted([canonical_delta(delta), other], key=lambda d: d.document.id)
