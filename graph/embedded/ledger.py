"""The embedded store's ledger (record time) in RDF, in PROV-O terms.

Every recorded version of a document is one node of the ledger graph
``<https://w3id.org/qkg/store/ledger>``: a ``prov:Entity`` with the document
(``qkgs:document``, the IRI of its named graph), its digest, its event number, the facts it
states (:func:`qkg.graph.merge.fact_keys`, one per line), the graph version after it, and
``prov:generatedAtTime``, the store's clock when it was written. Removing or replacing the
document does not erase it: its named graph is *moved* to a graph named by the ledger node
itself (``MOVE GRAPH``, in the transaction of the removal) and the node gains
``prov:invalidatedAtTime`` with the retraction's event number and version. So the quads a
document contributed, and when the graph held them, stay in the same RDF store::

    GRAPH <https://w3id.org/qkg/store/ledger> {
      <https://w3id.org/qkg/store/ledger/7> a prov:Entity ;
          qkgs:document <https://w3id.org/qkg/document/...> ; qkgs:digest "..." ;
          qkgs:seq 7 ; qkgs:version "3-..." ; qkgs:facts "R\\tkaist\\tPARTNERS_WITH\\tibm" ;
          prov:generatedAtTime "2026-12-07T06:00:00.000000+00:00"^^xsd:dateTime ;
          prov:invalidatedAtTime "..."^^xsd:dateTime ; qkgs:retractedSeq 9 ; qkgs:retractedVersion "2-..." .
    }
    GRAPH <https://w3id.org/qkg/store/ledger/7> { ...the retracted version's quads... }

The rule (what is held when, what changed) is :mod:`qkg.graph.merge`'s; this module only
lays rows out as quads and reads them back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pyoxigraph as ox

from qkg.schemas import iri

from ..merge import LedgerRow, record_text, record_time

__all__ = [
    "LEDGER",
    "PREFIX",
    "archive_graph",
    "is_ledger_graph",
    "retraction_quads",
    "row_quads",
    "rows_from_quads",
]

LEDGER = ox.NamedNode("https://w3id.org/qkg/store/ledger")
PREFIX = "https://w3id.org/qkg/store/ledger/"
_S = "https://w3id.org/qkg/store#"
_PROV = "http://www.w3.org/ns/prov#"
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_ENTITY = ox.NamedNode(_PROV + "Entity")
_GENERATED = ox.NamedNode(_PROV + "generatedAtTime")
_INVALIDATED = ox.NamedNode(_PROV + "invalidatedAtTime")
_DOCUMENT = ox.NamedNode(_S + "document")
_DIGEST = ox.NamedNode(_S + "digest")
_SEQ = ox.NamedNode(_S + "seq")
_VERSION = ox.NamedNode(_S + "version")
_FACTS = ox.NamedNode(_S + "facts")
_RSEQ = ox.NamedNode(_S + "retractedSeq")
_RVERSION = ox.NamedNode(_S + "retractedVersion")
_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
_DOC_PREFIX = iri("x")[:-1]


def archive_graph(row: LedgerRow) -> ox.NamedNode:
    """The ledger node of ``row``, which also names the graph its retracted quads move to."""
    return ox.NamedNode(f"{PREFIX}{row.seq}")


def is_ledger_graph(name: str) -> bool:
    """Whether a named graph is the ledger or a retracted version's (never a loaded document)."""
    return name == LEDGER.value or name.startswith(PREFIX)


def _time(moment: dt.datetime) -> ox.Literal:
    return ox.Literal(record_text(moment), datatype=_DATETIME)


def row_quads(row: LedgerRow) -> list[ox.Quad]:
    """The quads of a row as recorded (its retraction's: :func:`retraction_quads`)."""
    node = archive_graph(row)
    quads = [
        ox.Quad(node, _TYPE, _ENTITY, LEDGER),
        ox.Quad(node, _DOCUMENT, ox.NamedNode(iri(row.document_id)), LEDGER),
        ox.Quad(node, _DIGEST, ox.Literal(row.digest), LEDGER),
        ox.Quad(node, _SEQ, ox.Literal(row.seq), LEDGER),
        ox.Quad(node, _VERSION, ox.Literal(row.version), LEDGER),
        ox.Quad(node, _FACTS, ox.Literal("\n".join(row.facts)), LEDGER),
        ox.Quad(node, _GENERATED, _time(row.recorded), LEDGER),
    ]
    return quads + retraction_quads(row)


def retraction_quads(row: LedgerRow) -> list[ox.Quad]:
    """The quads a retraction adds to its row's node (none while the row is held)."""
    if row.retracted is None or row.retracted_seq is None or row.retracted_version is None:
        return []
    node = archive_graph(row)
    return [
        ox.Quad(node, _INVALIDATED, _time(row.retracted), LEDGER),
        ox.Quad(node, _RSEQ, ox.Literal(row.retracted_seq), LEDGER),
        ox.Quad(node, _RVERSION, ox.Literal(row.retracted_version), LEDGER),
    ]


def rows_from_quads(quads: Iterable[ox.Quad]) -> list[LedgerRow]:
    """The rows of the ledger graph's quads, by event number."""
    nodes: dict[str, dict[str, str]] = {}
    for q in quads:
        if isinstance(q.subject, ox.NamedNode) and q.predicate != _TYPE:
            obj = q.object
            nodes.setdefault(q.subject.value, {})[q.predicate.value] = (
                obj.value if isinstance(obj, ox.NamedNode | ox.Literal) else str(obj)
            )
    out = []
    for p in nodes.values():
        facts = p.get(_FACTS.value, "")
        retracted = p.get(_INVALIDATED.value)
        out.append(
            LedgerRow(
                document_id=p[_DOCUMENT.value].removeprefix(_DOC_PREFIX),
                digest=p[_DIGEST.value],
                seq=int(p[_SEQ.value]),
                recorded=record_time(dt.datetime.fromisoformat(p[_GENERATED.value])),
                version=p[_VERSION.value],
                facts=tuple(facts.split("\n")) if facts else (),
                retracted_seq=int(p[_RSEQ.value]) if _RSEQ.value in p else None,
                retracted=None if retracted is None else record_time(dt.datetime.fromisoformat(retracted)),
                retracted_version=p.get(_RVERSION.value),
            )
        )
    out.sort(key=lambda r: r.seq)
    return out
