"""RDF projection of the canonical model: the ``qkg:`` vocabulary and the delta <-> N-Quads mapping.

One document's delta becomes one named graph, ``<iri(document.id)>``, so the provenance of
every statement is the graph it sits in. Every node has a deterministic IRI (never a blank
node) so that graphs compare, merge and diff by plain set operations.

What a delta looks like in RDF (standard terms are reused where they fit; ``vocab.ttl``
aligns the ``qkg:`` terms with schema.org, W3C ORG, PROV-O, SKOS and Dublin Core)::

    <doc>  a qkg:Document ; dcterms:title "..." ; dcterms:source "..." ;
           dcterms:issued "2024-05-01"^^xsd:date ; dcterms:format "text/plain" ; schema:text "..." .
    <ent>  a qkg:University ; schema:name "KAIST" ; skos:altLabel "한국과학기술원" ;
           qkg:country "KR" ; qkg:wikidata "Q1307012" ; owl:sameAs wd:Q1307012 ;
           qkg:externalId "<percent-encoded scheme>=<value>" ; schema:description "..." .
    <s>    qkg:partnersWith <o> .                                    # the direct, SPARQL-friendly edge
    <rel>  a qkg:RelationAssertion ; qkg:subject <s> ; qkg:predicate qkg:partnersWith ;
           qkg:object <o> ; qkg:confidence 0.9 ; qkg:validFrom "..."^^xsd:date ;
           qkg:validTo "..."^^xsd:date ; qkg:evidence <ev> .
    <agr>  a qkg:Agreement ; qkg:kind "MOU" ; dcterms:title "..." ; dcterms:date "2024-05"^^xsd:gYearMonth ;
           qkg:place <city> ; qkg:topic "..." ; qkg:status "signed" ; schema:endDate "2027"^^xsd:gYear ;
           qkg:event <event> ; qkg:evidence <ev> .
    <event> a qkg:AgreementEvent ; qkg:status "signed" ; dcterms:date "2024-05"^^xsd:gYearMonth ;
           schema:endDate "2027"^^xsd:gYear ; qkg:evidence <ev> .       # one stage of its life
    <party> qkg:partyTo <agr> .
    <goal> a qkg:Goal ; qkg:metric "..." ; qkg:value 2500.0 ; qkg:unit "..." ;
           qkg:targetYear 2035 ; qkg:evidence <ev> .
    <owner> qkg:hasGoal <goal> .
    <ev>   a qkg:Evidence ; qkg:document <doc> ; qkg:sentence "..." ; qkg:start 10 ; qkg:end 42 ;
           qkg:rule "..." ; qkg:confidence 0.8 .

Relation assertion IRIs are per document (``iri("assertion:<digest>")`` of document, source,
type, target), so the union of several documents' graphs never gives one node two
confidences; evidence IRIs are digests of all the evidence's fields, and event IRIs
(``iri("event:<digest>")``) digests of the agreement's id and all the event's fields.
Status values are the ``skos:notation`` of the ``qkg:AgreementStatusScheme`` concepts.

RDF is unordered, so the inverse returns the delta in canonical order
(:func:`canonical_delta`): entities, agreements and goals by id, relations by
``(source, type, target)``, evidence by ``(document_id, start, end, rule, confidence)``
without duplicates, topics sorted without duplicates, events in life order
(:func:`qkg.schemas.life.event_key`) without duplicates. For a canonical delta,
``delta_from_nquads(delta_to_nquads(d)) == d`` exactly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from urllib.parse import quote, unquote

import pyoxigraph as ox
from rdflib import Dataset, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

from .errors import ValidationError
from .ids import id_from_iri, iri
from .life import ordered_events
from .models import Agreement, AgreementEvent, Document, Entity, Evidence, Goal, KnowledgeGraph, Relation
from .ontology import AgreementKind, AgreementStatus, EntityType, RelationType

__all__ = [
    "ALIAS",
    "DATE",
    "DESCRIPTION",
    "ENDS",
    "MEDIA_TYPE",
    "NAME",
    "NAMESPACES",
    "PUBLISHED",
    "QKG",
    "QKG_NS",
    "RELATION_PROPERTIES",
    "SOURCE",
    "TEXT",
    "TITLE",
    "WIKIDATA_ENTITY",
    "assertion_iri",
    "canonical_delta",
    "delta_from_nquads",
    "delta_from_quads",
    "delta_nquads_chunks",
    "delta_to_dataset",
    "delta_to_nquads",
    "deltas_from_nquads",
    "deltas_from_quads",
    "deltas_to_dataset",
    "entity_class",
    "event_iri",
    "evidence_iri",
    "relation_property",
    "relation_type_of",
]

QKG_NS = "https://w3id.org/qkg/ontology#"
WIKIDATA_ENTITY = Namespace("http://www.wikidata.org/entity/")


class QKG(DefinedNamespace):
    """The closed ``qkg:`` vocabulary: a typo (``QKG.partnerWith``) raises ``AttributeError``."""

    _NS = Namespace(QKG_NS)
    _fail = True

    # classes: entity types
    Company: URIRef
    University: URIRef
    ResearchInstitute: URIRef
    GovernmentBody: URIRef
    City: URIRef
    Region: URIRef
    Country: URIRef
    Cluster: URIRef
    Program: URIRef
    Technology: URIRef
    Person: URIRef
    # classes: groupings and structure
    Actor: URIRef
    Organisation: URIRef
    Place: URIRef
    Agreement: URIRef
    Goal: URIRef
    Evidence: URIRef
    Document: URIRef
    RelationAssertion: URIRef
    AgreementEvent: URIRef
    # the status vocabulary (concepts whose skos:notation is an AgreementStatus value)
    AgreementStatusScheme: URIRef
    StatusAnnounced: URIRef
    StatusSigned: URIRef
    StatusActive: URIRef
    StatusExtended: URIRef
    StatusEnded: URIRef
    StatusUnknown: URIRef
    # relation properties (lowerCamelCase of RelationType)
    partnersWith: URIRef
    competesWith: URIRef
    investsIn: URIRef
    partOf: URIRef
    locatedIn: URIRef
    develops: URIRef
    worksOn: URIRef
    leads: URIRef
    affiliatedWith: URIRef
    partyTo: URIRef
    hasGoal: URIRef
    # data and structure properties
    country: URIRef
    externalId: URIRef
    wikidata: URIRef
    ror: URIRef
    evidence: URIRef
    document: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    rule: URIRef
    confidence: URIRef
    kind: URIRef
    place: URIRef
    topic: URIRef
    status: URIRef
    event: URIRef
    metric: URIRef
    value: URIRef
    unit: URIRef
    targetYear: URIRef
    owner: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    validFrom: URIRef
    validTo: URIRef


#: Standard terms reused directly (so plain schema.org / Dublin Core / SKOS users read them).
NAME = SDO.name
ALIAS = SKOS.altLabel
DESCRIPTION = SDO.description
TITLE = DCTERMS.title
SOURCE = DCTERMS.source
PUBLISHED = DCTERMS.issued
MEDIA_TYPE = DCTERMS.format
TEXT = SDO.text
DATE = DCTERMS.date
#: The last period an agreement (or what an event says of it) is in force, inclusive.
ENDS = SDO.endDate

#: Prefixes bound in every serialisation.
NAMESPACES: dict[str, str] = {
    "qkg": QKG_NS,
    "qkgid": "https://w3id.org/qkg/id/",
    "schema": str(SDO),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "prov": str(PROV),
    "org": "http://www.w3.org/ns/org#",
    "owl": str(OWL),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WIKIDATA_ENTITY),
}


def _camel(rtype: RelationType) -> str:
    head, *rest = rtype.name.lower().split("_")
    return head + "".join(p.capitalize() for p in rest)


#: The RDF property of every relation type (structural ones included: ``partyTo``, ``hasGoal``).
RELATION_PROPERTIES: dict[RelationType, URIRef] = {t: getattr(QKG, _camel(t)) for t in RelationType}
_TYPE_OF_PROPERTY: dict[str, RelationType] = {str(p): t for t, p in RELATION_PROPERTIES.items()}
_ENTITY_CLASSES: dict[EntityType, URIRef] = {t: getattr(QKG, t.value) for t in EntityType}
_ENTITY_TYPE_OF_CLASS: dict[str, EntityType] = {str(c): t for t, c in _ENTITY_CLASSES.items()}


def relation_property(rtype: RelationType) -> URIRef:
    """The ``qkg:`` property of a relation type.

    >>> str(relation_property(RelationType.PARTNERS_WITH))
    'https://w3id.org/qkg/ontology#partnersWith'
    """
    return RELATION_PROPERTIES[rtype]


def relation_type_of(prop: str) -> RelationType:
    """Inverse of :func:`relation_property`; raises :class:`ValidationError` for other IRIs."""
    try:
        return _TYPE_OF_PROPERTY[str(prop)]
    except KeyError:
        raise ValidationError(f"{prop!s} is not a qkg relation property") from None


def entity_class(etype: EntityType) -> URIRef:
    """The ``qkg:`` class of an entity type (``qkg:University`` ...)."""
    return _ENTITY_CLASSES[etype]


_EVIDENCE_BASE = iri("evidence:")
_ASSERTION_BASE = iri("assertion:")
_EVENT_BASE = iri("event:")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def evidence_iri(ev: Evidence) -> str:
    """Deterministic IRI of a piece of evidence (a digest of all its fields)."""
    return _EVIDENCE_BASE + _digest(ev.document_id, str(ev.start), str(ev.end), ev.rule, repr(ev.confidence))


def event_iri(agreement_id: str, event: AgreementEvent) -> str:
    """Deterministic IRI of one event of an agreement (a digest of the agreement id and every field)."""
    return _EVENT_BASE + _digest(
        agreement_id, event.status.value, event.date or "", event.ends or "", evidence_iri(event.evidence)
    )


def assertion_iri(document_id: str, rel: Relation) -> str:
    """Deterministic IRI of one document's assertion of a relation."""
    return _ASSERTION_BASE + _digest(document_id, rel.source, rel.type.value, rel.target)


# -- canonical order -----------------------------------------------------------------------


def _ev_key(ev: Evidence) -> tuple[str, int, int, str, float]:
    return (ev.document_id, ev.start, ev.end, ev.rule, ev.confidence)


def _evs(evs: Iterable[Evidence]) -> tuple[Evidence, ...]:
    unique = {_ev_key(e): e for e in evs}
    return tuple(unique[k] for k in sorted(unique))


def _by_id(item: Entity | Agreement | Goal) -> str:
    return item.id


def _by_key(rel: Relation) -> tuple[str, str, str]:
    return rel.key


def canonical_delta(delta: KnowledgeGraph) -> KnowledgeGraph:
    """The same delta in the canonical order RDF round-trips to (see the module docstring).

    Pure reordering and de-duplication of evidence and topics; no fact changes.
    """
    return delta.model_copy(
        update={
            "entities": tuple(sorted(delta.entities, key=_by_id)),
            "relations": tuple(
                r.model_copy(update={"evidence": _evs(r.evidence)})
                for r in sorted(delta.relations, key=_by_key)
            ),
            "agreements": tuple(
                a.model_copy(
                    update={
                        "evidence": _evs(a.evidence),
                        "topics": tuple(sorted(set(a.topics))),
                        "events": ordered_events(a.events),
                    }
                )
                for a in sorted(delta.agreements, key=_by_id)
            ),
            "goals": tuple(
                g.model_copy(update={"evidence": _evs(g.evidence)}) for g in sorted(delta.goals, key=_by_id)
            ),
        }
    )


# -- writing N-Quads (hot path: string operations only) -------------------------------------

_CONTROL_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}
_IRI_SAFE = re.compile(r"^[^\x00-\x20<>\"{}|^`\\]*$")
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _lit(value: str) -> str:
    # str.replace runs at memchr speed; the per-character table only for rare controls.
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if '"' in value:
        value = value.replace('"', '\\"')
    if "\n" in value:
        value = value.replace("\n", "\\n")
    if "\r" in value:
        value = value.replace("\r", "\\r")
    if "\t" in value:
        value = value.replace("\t", "\\t")
    if _OTHER_CONTROLS.search(value):
        value = value.translate(_CONTROL_ESCAPES)
    return '"' + value + '"'


_SAFE_ID = re.compile(r"^[A-Za-z0-9_.~-]+(?::[A-Za-z0-9_.~-]*)+$")
_ID_BASE = iri("x:y")[: -len("x/y")]


def _fast_iri(node_id: str) -> str:
    """:func:`qkg.schemas.iri` without percent-encoding when no part needs it (the usual case)."""
    if _SAFE_ID.match(node_id):
        return _ID_BASE + node_id.replace(":", "/")
    return iri(node_id)


def _ref(value: str) -> str:
    if not _IRI_SAFE.match(value):
        raise ValidationError(f"{value!r} cannot be written as an IRI")
    return "<" + value + ">"


def _t(term: URIRef) -> str:
    return "<" + str(term) + ">"


_X_DOUBLE = _t(XSD.double)
_X_INTEGER = _t(XSD.integer)
_X_DATE = _t(XSD.date)
_PARTIAL_DATE_TYPE = {4: _t(XSD.gYear), 7: _t(XSD.gYearMonth), 10: _X_DATE}


def _double(value: float) -> str:
    if math.isnan(value):
        lex = "NaN"
    elif math.isinf(value):
        lex = "INF" if value > 0 else "-INF"
    else:
        lex = repr(float(value))
    return f'"{lex}"^^{_X_DOUBLE}'


def _date(value: dt.date) -> str:
    return f'"{value.isoformat()}"^^{_X_DATE}'


def _partial(value: str) -> str:
    return f'"{value}"^^{_PARTIAL_DATE_TYPE[len(value)]}'


_A = _t(RDF.type)
_P = {name: _t(getattr(QKG, name)) for name in QKG.__annotations__}
_NAME, _ALIAS, _DESCRIPTION = _t(NAME), _t(ALIAS), _t(DESCRIPTION)
_TITLE, _SOURCE, _PUBLISHED, _MEDIA, _TEXT, _DATE, _ENDS = (
    _t(TITLE),
    _t(SOURCE),
    _t(PUBLISHED),
    _t(MEDIA_TYPE),
    _t(TEXT),
    _t(DATE),
    _t(ENDS),
)
_SAME_AS = _t(OWL.sameAs)
_REL = {t: _t(p) for t, p in RELATION_PROPERTIES.items()}
_CLS = {t: _t(c) for t, c in _ENTITY_CLASSES.items()}
_QID = re.compile(r"^Q[1-9][0-9]*$")
#: External-id schemes with a property of their own; others go to ``qkg:externalId "scheme=value"``.
_SCHEMES = {"wikidata": _P["wikidata"], "ror": _P["ror"]}


def delta_to_nquads(delta: KnowledgeGraph) -> str:
    """One document's delta as N-Quads text, every quad in the graph ``<iri(document.id)>``.

    Built with string operations only (no rdflib): this is the bulk-load path. Output is
    deterministic: equal canonical deltas give identical text.

    >>> from qkg.schemas import Document, KnowledgeGraph
    >>> text = delta_to_nquads(KnowledgeGraph(document=Document.from_text("Hi")))
    >>> text.count(" .\\n")
    3
    """
    return "".join(delta_nquads_chunks(delta))


def delta_nquads_chunks(delta: KnowledgeGraph, lines: int = 4096) -> Iterator[str]:
    """:func:`delta_to_nquads` in pieces of about ``lines`` whole quads each, so a large
    document (a curated file of 100,000 relations gives 400 MB of N-Quads) is never one string
    beside its list of lines."""
    # Canonical order without copying models (see canonical_delta).
    doc = delta.document
    g = " " + _ref(iri(doc.id)) + " .\n"
    out: list[str] = []
    add = out.append
    refs: dict[str, str] = {}

    def ref(node_id: str) -> str:
        r = refs.get(node_id)
        if r is None:
            r = refs[node_id] = _ref(_fast_iri(node_id))
        return r

    d = _ref(iri(doc.id))
    add(f"{d} {_A} {_P['Document']}{g}")
    if doc.title:
        add(f"{d} {_TITLE} {_lit(doc.title)}{g}")
    if doc.source is not None:
        add(f"{d} {_SOURCE} {_lit(doc.source)}{g}")
    if doc.published is not None:
        add(f"{d} {_PUBLISHED} {_date(doc.published)}{g}")
    add(f"{d} {_MEDIA} {_lit(doc.media_type)}{g}")
    add(f"{d} {_TEXT} {_lit(doc.text)}{g}")

    for e in sorted(delta.entities, key=_by_id):
        s = ref(e.id)
        add(f"{s} {_A} {_CLS[e.type]}{g}")
        add(f"{s} {_NAME} {_lit(e.name)}{g}")
        for alias in e.aliases:
            add(f"{s} {_ALIAS} {_lit(alias)}{g}")
        for scheme, value in sorted(e.external_ids.items()):
            prop = _SCHEMES.get(scheme)
            if prop is not None:
                add(f"{s} {prop} {_lit(value)}{g}")
                if scheme == "wikidata" and _QID.match(value):
                    add(f"{s} {_SAME_AS} <{WIKIDATA_ENTITY}{value}>{g}")
            else:
                add(f"{s} {_P['externalId']} {_lit(quote(scheme, safe='') + '=' + value)}{g}")
        if e.country is not None:
            add(f"{s} {_P['country']} {_lit(e.country)}{g}")
        if e.description is not None:
            add(f"{s} {_DESCRIPTION} {_lit(e.description)}{g}")
        if len(out) >= lines:
            yield "".join(out)
            out.clear()

    evidence: dict[str, str] = {}

    def ev_ref(ev: Evidence) -> str:
        key = evidence_iri(ev)
        r = evidence.get(key)
        if r is None:
            r = evidence[key] = "<" + key + ">"  # hex digest: always a safe IRI
            add(f"{r} {_A} {_P['Evidence']}{g}")
            add(f"{r} {_P['document']} {d}{g}")
            add(f"{r} {_P['sentence']} {_lit(ev.sentence)}{g}")
            add(f'{r} {_P["start"]} "{ev.start}"^^{_X_INTEGER}{g}')
            add(f'{r} {_P["end"]} "{ev.end}"^^{_X_INTEGER}{g}')
            add(f"{r} {_P['rule']} {_lit(ev.rule)}{g}")
            add(f"{r} {_P['confidence']} {_double(ev.confidence)}{g}")
        return r

    for rel in sorted(delta.relations, key=_by_key):
        s, o, p = ref(rel.source), ref(rel.target), _REL[rel.type]
        add(f"{s} {p} {o}{g}")
        a = "<" + assertion_iri(doc.id, rel) + ">"  # hex digest: always a safe IRI
        add(f"{a} {_A} {_P['RelationAssertion']}{g}")
        add(f"{a} {_P['subject']} {s}{g}")
        add(f"{a} {_P['predicate']} {p}{g}")
        add(f"{a} {_P['object']} {o}{g}")
        add(f"{a} {_P['confidence']} {_double(rel.confidence)}{g}")
        if rel.valid_from is not None:
            add(f"{a} {_P['validFrom']} {_date(rel.valid_from)}{g}")
        if rel.valid_to is not None:
            add(f"{a} {_P['validTo']} {_date(rel.valid_to)}{g}")
        for ev in _evs(rel.evidence):
            add(f"{a} {_P['evidence']} {ev_ref(ev)}{g}")
        if len(out) >= lines:
            yield "".join(out)
            out.clear()

    for agr in sorted(delta.agreements, key=_by_id):
        a = ref(agr.id)
        add(f"{a} {_A} {_P['Agreement']}{g}")
        add(f"{a} {_P['kind']} {_lit(agr.kind.value)}{g}")
        if agr.title:
            add(f"{a} {_TITLE} {_lit(agr.title)}{g}")
        for party in agr.parties:
            add(f"{ref(party)} {_REL[RelationType.PARTY_TO]} {a}{g}")
        if agr.date is not None:
            add(f"{a} {_DATE} {_partial(agr.date)}{g}")
        if agr.place is not None:
            add(f"{a} {_P['place']} {ref(agr.place)}{g}")
        for topic in sorted(set(agr.topics)):
            add(f"{a} {_P['topic']} {_lit(topic)}{g}")
        add(f"{a} {_P['status']} {_lit(agr.status.value)}{g}")
        if agr.ends is not None:
            add(f"{a} {_ENDS} {_partial(agr.ends)}{g}")
        for ev in _evs(agr.evidence):
            add(f"{a} {_P['evidence']} {ev_ref(ev)}{g}")
        for event in ordered_events(agr.events):
            n = "<" + event_iri(agr.id, event) + ">"  # hex digest: always a safe IRI
            add(f"{a} {_P['event']} {n}{g}")
            add(f"{n} {_A} {_P['AgreementEvent']}{g}")
            add(f"{n} {_P['status']} {_lit(event.status.value)}{g}")
            if event.date is not None:
                add(f"{n} {_DATE} {_partial(event.date)}{g}")
            if event.ends is not None:
                add(f"{n} {_ENDS} {_partial(event.ends)}{g}")
            add(f"{n} {_P['evidence']} {ev_ref(event.evidence)}{g}")
        if len(out) >= lines:
            yield "".join(out)
            out.clear()

    for goal in sorted(delta.goals, key=_by_id):
        a = ref(goal.id)
        add(f"{a} {_A} {_P['Goal']}{g}")
        add(f"{a} {_P['metric']} {_lit(goal.metric)}{g}")
        add(f"{a} {_P['value']} {_double(goal.value)}{g}")
        add(f"{a} {_P['unit']} {_lit(goal.unit)}{g}")
        if goal.target_year is not None:
            add(f'{a} {_P["targetYear"]} "{goal.target_year}"^^{_X_INTEGER}{g}')
        if goal.owner is not None:
            add(f"{ref(goal.owner)} {_REL[RelationType.HAS_GOAL]} {a}{g}")
        for ev in _evs(goal.evidence):
            add(f"{a} {_P['evidence']} {ev_ref(ev)}{g}")
    yield "".join(out)


# -- reading N-Quads ---------------------------------------------------------------------------

_Props = dict[str, list[str]]
_S_TYPE = str(RDF.type)
_S = {name: str(getattr(QKG, name)) for name in QKG.__annotations__}
_S_NAME, _S_ALIAS, _S_DESCRIPTION = str(NAME), str(ALIAS), str(DESCRIPTION)
_S_TITLE, _S_SOURCE, _S_PUBLISHED, _S_MEDIA, _S_TEXT, _S_DATE, _S_ENDS = map(
    str, (TITLE, SOURCE, PUBLISHED, MEDIA_TYPE, TEXT, DATE, ENDS)
)
_SCHEME_OF = {str(QKG.wikidata): "wikidata", str(QKG.ror): "ror"}


def _parse(text: str | bytes) -> Iterator[ox.Quad]:
    try:
        yield from ox.parse(text.encode("utf-8") if isinstance(text, str) else text, ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise ValidationError(f"invalid N-Quads: {exc}") from None


def deltas_from_nquads(text: str | bytes) -> list[KnowledgeGraph]:
    """Every document graph in ``text`` as a delta, sorted by document id."""
    return deltas_from_quads(_parse(text))


def deltas_from_quads(quads: Iterable[ox.Quad]) -> list[KnowledgeGraph]:
    """Like :func:`deltas_from_nquads` from pyoxigraph quads (e.g. ``store.quads_for_pattern``),
    skipping a serialise/parse round trip."""
    graphs: dict[str, dict[str, _Props]] = {}
    named, literal = ox.NamedNode, ox.Literal
    last_graph: str | None = None
    subjects: dict[str, _Props] = {}
    for q in quads:
        gname, subject, obj = q.graph_name, q.subject, q.object
        if type(gname) is not named:
            raise ValidationError(f"quad {q} is not in a document's named graph")
        if type(subject) is not named:
            raise ValidationError(f"quad {q} has a blank-node subject; qkg graphs use IRIs only")
        if type(obj) is not named and type(obj) is not literal:
            raise ValidationError(
                f"quad {q} has a blank-node or quoted-triple object; qkg graphs use IRIs only"
            )
        g = gname.value
        if g != last_graph:
            subjects = graphs.setdefault(g, {})
            last_graph = g
        s = subject.value
        props = subjects.get(s)
        if props is None:
            props = subjects[s] = {}
        p = q.predicate.value
        values = props.get(p)
        if values is None:
            props[p] = [obj.value]
        else:
            values.append(obj.value)
    return [_delta(graphs[g], g) for g in sorted(graphs, key=id_from_iri)]


def delta_from_quads(quads: Iterable[ox.Quad]) -> KnowledgeGraph:
    """Like :func:`delta_from_nquads` from pyoxigraph quads of one document's graph."""
    return _exactly_one(deltas_from_quads(quads))


def delta_from_nquads(text: str | bytes) -> KnowledgeGraph:
    """Exact inverse of :func:`delta_to_nquads` for one document's graph (canonical order)."""
    return _exactly_one(deltas_from_nquads(text))


def _exactly_one(deltas: list[KnowledgeGraph]) -> KnowledgeGraph:
    if len(deltas) != 1:
        raise ValidationError(f"expected the graph of exactly one document, found {len(deltas)}")
    return deltas[0]


def _one(props: _Props, pred: str, where: str) -> str:
    values = props.get(pred)
    if not values or len(values) != 1:
        raise ValidationError(f"{where} needs exactly one <{pred}>, found {len(values or [])}")
    return values[0]


def _opt(props: _Props, pred: str, where: str) -> str | None:
    return _one(props, pred, where) if pred in props else None


def _all(props: _Props, pred: str) -> list[str]:
    return list(props.get(pred, ()))


_SAFE_IRI_TAIL = re.compile(r"^[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~-]*)+$")
_DOCUMENT_TAIL = re.compile(r"^document/[0-9a-f]{64}$")


def _node_id(value: str, where: str) -> str:
    """:func:`qkg.schemas.id_from_iri`, with a fast path for IRIs without percent-escapes."""
    if value.startswith(_ID_BASE):
        tail = value[len(_ID_BASE) :]
        if tail.startswith("document/"):
            if _DOCUMENT_TAIL.match(tail):
                return tail[len("document/") :]
        elif _SAFE_IRI_TAIL.match(tail):
            return tail.replace("/", ":")
    try:
        return id_from_iri(value)
    except ValueError as exc:
        raise ValidationError(f"{where}: {exc}") from None


def _delta(subjects: dict[str, _Props], graph: str) -> KnowledgeGraph:
    try:
        return _build(subjects, graph)
    except ValidationError:
        raise
    except ValueError as exc:  # pydantic errors and bad literals
        raise ValidationError(f"graph <{graph}> does not map to a valid delta: {exc}") from None


def _build(subjects: dict[str, _Props], graph: str) -> KnowledgeGraph:
    by_type: dict[str, list[str]] = defaultdict(list)
    for s, props in subjects.items():
        for t in props.get(_S_TYPE, ()):
            by_type[t].append(s)

    dp = subjects.get(graph)
    if dp is None:
        raise ValidationError(f"graph <{graph}> has no document node")
    where = f"document <{graph}>"
    published = _opt(dp, _S_PUBLISHED, where)
    document = Document(
        id=_node_id(graph, where),
        title=_opt(dp, _S_TITLE, where) or "",
        source=_opt(dp, _S_SOURCE, where),
        published=dt.date.fromisoformat(published) if published is not None else None,
        media_type=_one(dp, _S_MEDIA, where),
        text=_one(dp, _S_TEXT, where),
    )

    evidence: dict[str, Evidence] = {}

    def one_ev(key: str) -> Evidence:
        ev = evidence.get(key)
        if ev is None:
            ep = subjects.get(key)
            if ep is None:
                raise ValidationError(f"evidence <{key}> is not described in graph <{graph}>")
            w = f"evidence <{key}>"
            ev = evidence[key] = Evidence(
                document_id=_node_id(_one(ep, _S["document"], w), w),
                sentence=_one(ep, _S["sentence"], w),
                start=int(_one(ep, _S["start"], w)),
                end=int(_one(ep, _S["end"], w)),
                rule=_one(ep, _S["rule"], w),
                confidence=float(_one(ep, _S["confidence"], w)),
            )
        return ev

    def evs(props: _Props) -> tuple[Evidence, ...]:
        return _evs(one_ev(v) for v in props.get(_S["evidence"], ()))

    def events(props: _Props) -> tuple[AgreementEvent, ...]:
        out = []
        for v in props.get(_S["event"], ()):
            ep = subjects.get(v)
            if ep is None:
                raise ValidationError(f"event <{v}> is not described in graph <{graph}>")
            w = f"event <{v}>"
            out.append(
                AgreementEvent(
                    status=AgreementStatus(_one(ep, _S["status"], w)),
                    date=_opt(ep, _S_DATE, w),
                    ends=_opt(ep, _S_ENDS, w),
                    evidence=one_ev(_one(ep, _S["evidence"], w)),
                )
            )
        return ordered_events(out)

    entities = []
    for cls, etype in _ENTITY_TYPE_OF_CLASS.items():
        for s in by_type.get(cls, ()):
            props, w = subjects[s], f"entity <{s}>"
            external: dict[str, str] = {}
            for pred, scheme in _SCHEME_OF.items():
                value = _opt(props, pred, w)
                if value is not None:
                    external[scheme] = value
            for item in _all(props, _S["externalId"]):
                scheme, sep, value = item.partition("=")
                if not sep:
                    raise ValidationError(f"{w}: external id {item!r} is not 'scheme=value'")
                external[unquote(scheme)] = value
            entities.append(
                Entity(
                    id=_node_id(s, w),
                    type=etype,
                    name=_one(props, _S_NAME, w),
                    aliases=tuple(_all(props, _S_ALIAS)),
                    external_ids=external,
                    country=_opt(props, _S["country"], w),
                    description=_opt(props, _S_DESCRIPTION, w),
                )
            )

    relations = []
    for s in by_type.get(_S["RelationAssertion"], ()):
        props, w = subjects[s], f"relation assertion <{s}>"
        valid_from, valid_to = _opt(props, _S["validFrom"], w), _opt(props, _S["validTo"], w)
        relations.append(
            Relation(
                source=_node_id(_one(props, _S["subject"], w), w),
                type=relation_type_of(_one(props, _S["predicate"], w)),
                target=_node_id(_one(props, _S["object"], w), w),
                evidence=evs(props),
                confidence=float(_one(props, _S["confidence"], w)),
                valid_from=dt.date.fromisoformat(valid_from) if valid_from else None,
                valid_to=dt.date.fromisoformat(valid_to) if valid_to else None,
            )
        )

    parties: dict[str, list[str]] = defaultdict(list)
    owners: dict[str, list[str]] = defaultdict(list)
    for s, props in subjects.items():
        for v in props.get(_S["partyTo"], ()):
            parties[v].append(s)
        for v in props.get(_S["hasGoal"], ()):
            owners[v].append(s)

    agreements = []
    for s in by_type.get(_S["Agreement"], ()):
        props, w = subjects[s], f"agreement <{s}>"
        place = _opt(props, _S["place"], w)
        agreements.append(
            Agreement(
                id=_node_id(s, w),
                kind=AgreementKind(_one(props, _S["kind"], w)),
                title=_opt(props, _S_TITLE, w) or "",
                parties=tuple(_node_id(p, w) for p in parties.get(s, ())),
                date=_opt(props, _S_DATE, w),
                place=_node_id(place, w) if place is not None else None,
                topics=tuple(sorted(set(_all(props, _S["topic"])))),
                status=AgreementStatus(_one(props, _S["status"], w)),
                evidence=evs(props),
                events=events(props),
                ends=_opt(props, _S_ENDS, w),
            )
        )

    goals = []
    for s in by_type.get(_S["Goal"], ()):
        props, w = subjects[s], f"goal <{s}>"
        year = _opt(props, _S["targetYear"], w)
        owner = owners.get(s, [])
        if len(owner) > 1:
            raise ValidationError(f"{w} has {len(owner)} owners")
        goals.append(
            Goal(
                id=_node_id(s, w),
                metric=_one(props, _S["metric"], w),
                value=float(_one(props, _S["value"], w)),
                unit=_one(props, _S["unit"], w),
                target_year=int(year) if year is not None else None,
                owner=_node_id(owner[0], w) if owner else None,
                evidence=evs(props),
            )
        )

    return KnowledgeGraph(
        document=document,
        entities=tuple(sorted(entities, key=_by_id)),
        relations=tuple(sorted(relations, key=_by_key)),
        agreements=tuple(sorted(agreements, key=_by_id)),
        goals=tuple(sorted(goals, key=_by_id)),
    )


# -- rdflib datasets -----------------------------------------------------------------------------


def deltas_to_dataset(deltas: Iterable[KnowledgeGraph]) -> Dataset:
    """Several deltas as an rdflib ``Dataset`` (one named graph each), prefixes bound."""
    ds = Dataset()
    for prefix, ns in NAMESPACES.items():
        ds.bind(prefix, ns)
    data = "".join(delta_to_nquads(d) for d in deltas)
    if data:
        ds.parse(data=data, format="nquads")
    return ds


def delta_to_dataset(delta: KnowledgeGraph) -> Dataset:
    """One delta as an rdflib ``Dataset`` with its named graph, for serialisation and validation."""
    return deltas_to_dataset([delta])
