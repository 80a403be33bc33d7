"""One extraction's stable output: the JSON object and the Turtle ``qkg extract`` prints.

The JSON shape is documented in ``docs/extraction.md``; fields are only ever added, never
renamed. The Turtle is the document's named graph as the RDF store holds it, which
:func:`qkg.loaders.structured.read_structured` reads back into the same delta.

>>> from qkg.loaders import extract
>>> from qkg.schemas import Document
>>> kg = extract(Document.from_text("Orvane Labs and the University of Telmar signed an MOU."))
>>> sorted(extraction_json(kg))
['agreements', 'document', 'entities', 'goals', 'relations']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qkg.schemas import Evidence, KnowledgeGraph

__all__ = ["extraction_json", "extraction_turtle"]


def _evidences(evs: Sequence[Evidence]) -> list[dict[str, Any]]:
    return [
        {
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "rule": ev.rule,
            "confidence": ev.confidence,
        }
        for ev in evs
    ]


def extraction_json(kg: KnowledgeGraph) -> dict[str, Any]:
    """The stable JSON shape of one extraction (see docs/extraction.md)."""
    d = kg.document
    return {
        "document": {
            "id": d.id,
            "title": d.title,
            "source": d.source,
            "published": d.published.isoformat() if d.published else None,
            "media_type": d.media_type,
            "text": d.text,
        },
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type.value,
                "aliases": list(e.aliases),
                "country": e.country,
                "external_ids": dict(e.external_ids),
            }
            for e in kg.entities
        ],
        "relations": [
            {
                "source": r.source,
                "type": r.type.value,
                "target": r.target,
                "evidence": r.evidence[0].sentence,
                "confidence": r.confidence,
                "evidences": _evidences(r.evidence),
            }
            for r in kg.relations
        ],
        "agreements": [
            {
                "id": a.id,
                "kind": a.kind.value,
                "parties": list(a.parties),
                "date": a.date,
                "place": a.place,
                "topics": list(a.topics),
                "status": a.status.value,
                "title": a.title,
                "evidence": a.evidence[0].sentence,
                "evidences": _evidences(a.evidence),
                "ends": a.ends,
                "events": [
                    {"status": e.status.value, "date": e.date, "ends": e.ends, **_evidences([e.evidence])[0]}
                    for e in a.events
                ],
            }
            for a in kg.agreements
        ],
        "goals": [
            {
                "id": g.id,
                "metric": g.metric,
                "value": g.value,
                "unit": g.unit,
                "year": g.target_year,
                "owner": g.owner,
                "evidence": g.evidence[0].sentence,
            }
            for g in kg.goals
        ],
    }


def extraction_turtle(kg: KnowledgeGraph) -> str:
    """The extraction as Turtle: the delta's RDF (:func:`qkg.schemas.rdf.delta_to_dataset`), its
    document's named graph with the vocabulary's prefixes."""
    from qkg.schemas import iri
    from qkg.schemas.rdf import delta_to_dataset

    ds = delta_to_dataset(kg)
    graph = ds.graph(iri(kg.document.id))
    for prefix, ns in ds.namespaces():
        graph.bind(prefix, ns)
    return graph.serialize(format="turtle")
