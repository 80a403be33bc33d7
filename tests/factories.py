"""Small, realistic, hand-written deltas shared by every test folder.

Builders (:func:`document`, :func:`evidence`, :func:`entity`, :func:`relation`,
:func:`agreement`, :func:`goal`, :func:`delta`) keep tests short and always produce valid
models: evidence is located in the document text, so its span quotes the text exactly.

The named deltas form a tiny ecosystem with every feature the stores must handle:

- :func:`kaist_pasqal` (2024-06-12): KAIST and PASQAL sign an MOU in Daejeon; PASQAL develops
  neutral atoms; KAIST is located in Daejeon; a goal owned by Daejeon.
- :func:`aws_pasqal` (2023-03-01): AWS partners with PASQAL; PASQAL develops neutral atoms
  again (shared fact: evidence from two documents); AWS works on neutral atoms.
- :func:`sherbrooke_consortium` (undated): a consortium of Université de Sherbrooke, IBM and
  Institut quantique; KAIST partners with Sherbrooke (KAIST's Korean alias arrives here);
  Daejeon the *region*, a homonym of Daejeon the city.
- :func:`ionq_kaist` (2025-01-20): IonQ and KAIST partner; IonQ develops trapped ions;
  a conflicting Wikidata id for KAIST (merge rule: the smallest document id wins).
- :func:`kaist_pasqal_v2`: a corrected version of :func:`kaist_pasqal` with the same
  ``source`` (replacement).

:func:`canonical_dump` turns a whole store into plain JSON-able data in a fixed order, so
two stores (or one store before and after an operation) compare with ``==``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from qkg.schemas import (
    Agreement,
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
)
from qkg.schemas.rdf import canonical_delta

__all__ = [
    "AWS",
    "DAEJEON",
    "DAEJEON_REGION",
    "IBM",
    "INSTITUT_QUANTIQUE",
    "IONQ",
    "KAIST",
    "NEUTRAL_ATOMS",
    "PASQAL",
    "SHERBROOKE",
    "TRAPPED_IONS",
    "agreement",
    "aws_pasqal",
    "canonical_dump",
    "corpus",
    "delta",
    "document",
    "entity",
    "evidence",
    "goal",
    "ionq_kaist",
    "kaist_pasqal",
    "kaist_pasqal_v2",
    "relation",
    "sherbrooke_consortium",
]

E = EntityType
R = RelationType

KAIST = entity_id("KAIST", E.UNIVERSITY, "KR")
PASQAL = entity_id("PASQAL", E.COMPANY, "FR")
AWS = entity_id("Amazon Web Services", E.COMPANY, "US")
DAEJEON = entity_id("Daejeon", E.CITY, "KR")
DAEJEON_REGION = entity_id("Daejeon", E.REGION, "KR")
IBM = entity_id("IBM", E.COMPANY, "US")
SHERBROOKE = entity_id("Université de Sherbrooke", E.UNIVERSITY, "CA")
INSTITUT_QUANTIQUE = entity_id("Institut quantique", E.RESEARCH_INSTITUTE, "CA")
IONQ = entity_id("IonQ", E.COMPANY, "US")
NEUTRAL_ATOMS = entity_id("neutral atoms", E.TECHNOLOGY)
TRAPPED_IONS = entity_id("trapped ions", E.TECHNOLOGY)


# -- builders --------------------------------------------------------------------------------
def document(
    text: str, *, title: str = "", source: str | None = None, published: dt.date | str | None = None
) -> Document:
    """A document with its content-hash id."""
    date = dt.date.fromisoformat(published) if isinstance(published, str) else published
    return Document.from_text(text, title=title, source=source, published=date)


def evidence(
    doc: Document, sentence: str, *, rule: str = "pattern:test", confidence: float = 0.9
) -> Evidence:
    """Evidence quoting ``sentence``, which must occur in ``doc.text`` (first occurrence)."""
    start = doc.text.find(sentence)
    if start < 0:
        raise AssertionError(f"{sentence!r} is not in the document text")
    return Evidence(
        document_id=doc.id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        rule=rule,
        confidence=confidence,
    )


def entity(
    name: str,
    type_: EntityType,
    country: str | None = None,
    *,
    aliases: Iterable[str] = (),
    external_ids: dict[str, str] | None = None,
    description: str | None = None,
) -> Entity:
    """An entity with its deterministic id."""
    return Entity(
        id=entity_id(name, type_, country),
        type=type_,
        name=name,
        aliases=tuple(aliases),
        external_ids=dict(external_ids or {}),
        country=country,
        description=description,
    )


def relation(
    source: str,
    type_: RelationType,
    target: str,
    doc: Document,
    *sentences: str,
    confidence: float = 0.9,
    **fields: Any,
) -> Relation:
    """A relation with one piece of evidence per sentence."""
    return Relation(
        source=source,
        type=type_,
        target=target,
        evidence=tuple(evidence(doc, s, confidence=confidence) for s in sentences),
        confidence=confidence,
        **fields,
    )


def agreement(
    kind: AgreementKind, parties: Iterable[str], doc: Document, sentence: str, **fields: Any
) -> Agreement:
    """An agreement with its deterministic id and one piece of evidence."""
    return Agreement.build(kind, list(parties), evidence=(evidence(doc, sentence),), **fields)


def goal(metric: str, value: float, unit: str, doc: Document, sentence: str, **fields: Any) -> Goal:
    """A goal with its deterministic id and one piece of evidence."""
    return Goal.build(metric, value, unit, evidence=(evidence(doc, sentence),), **fields)


def delta(
    doc: Document,
    entities: Iterable[Entity],
    relations: Iterable[Relation] = (),
    agreements: Iterable[Agreement] = (),
    goals: Iterable[Goal] = (),
) -> KnowledgeGraph:
    """One document's delta."""
    return KnowledgeGraph(
        document=doc,
        entities=tuple(entities),
        relations=tuple(relations),
        agreements=tuple(agreements),
        goals=tuple(goals),
    )


# -- the named corpus -----------------------------------------------------------------------
_KAIST_PASQAL_TEXT = (
    "KAIST and PASQAL signed a memorandum of understanding in Daejeon on 12 June 2024. "
    "The partnership between KAIST and PASQAL covers neutral-atom quantum computing. "
    "PASQAL develops neutral-atom quantum processors. "
    "KAIST is located in Daejeon. "
    "Daejeon aims to train 2,500 quantum professionals by 2030."
)


def _kaist_pasqal(text: str, *, title: str, full: bool) -> KnowledgeGraph:
    doc = document(
        text, title=title, source="https://example.org/news/kaist-pasqal-mou", published="2024-06-12"
    )
    relations = [
        relation(
            KAIST,
            R.PARTNERS_WITH,
            PASQAL,
            doc,
            "The partnership between KAIST and PASQAL covers neutral-atom quantum computing.",
            confidence=0.8,
        )
    ]
    if full:
        relations += [
            relation(
                PASQAL, R.DEVELOPS, NEUTRAL_ATOMS, doc, "PASQAL develops neutral-atom quantum processors."
            ),
            relation(KAIST, R.LOCATED_IN, DAEJEON, doc, "KAIST is located in Daejeon.", confidence=1.0),
        ]
    return delta(
        doc,
        [
            entity(
                "KAIST",
                E.UNIVERSITY,
                "KR",
                aliases=["Korea Advanced Institute of Science and Technology"],
                external_ids={"ror": "05apxxy63"},
                description="Korea Advanced Institute of Science and Technology, a research university in Daejeon.",
            ),
            entity("PASQAL", E.COMPANY, "FR", external_ids={"wikidata": "Q106525587"}),
            entity("Daejeon", E.CITY, "KR", aliases=["대전"]),
            *([entity("neutral atoms", E.TECHNOLOGY)] if full else []),
        ],
        relations,
        [
            agreement(
                AgreementKind.MOU,
                [KAIST, PASQAL],
                doc,
                "KAIST and PASQAL signed a memorandum of understanding in Daejeon on 12 June 2024.",
                date="2024-06-12",
                place=DAEJEON,
                topics=("neutral atoms",),
                status=AgreementStatus.SIGNED,
                title="KAIST-PASQAL memorandum of understanding",
            )
        ],
        [
            goal(
                "quantum professionals trained",
                2500,
                "people",
                doc,
                "Daejeon aims to train 2,500 quantum professionals by 2030.",
                target_year=2030,
                owner=DAEJEON,
            )
        ],
    )


def kaist_pasqal() -> KnowledgeGraph:
    """KAIST and PASQAL sign an MOU in Daejeon (2024-06-12)."""
    return _kaist_pasqal(_KAIST_PASQAL_TEXT, title="KAIST and PASQAL sign MOU", full=True)


def kaist_pasqal_v2() -> KnowledgeGraph:
    """A corrected version of :func:`kaist_pasqal` at the same ``source`` (a new document id).

    It drops the DEVELOPS and LOCATED_IN sentences (and the neutral-atoms entity); the MOU,
    the partnership and the goal stay, now with evidence from the new version.
    """
    text = (
        "KAIST and PASQAL signed a memorandum of understanding in Daejeon on 12 June 2024. "
        "The partnership between KAIST and PASQAL covers neutral-atom quantum computing. "
        "Daejeon aims to train 2,500 quantum professionals by 2030. "
        "(Updated on 13 June 2024.)"
    )
    return _kaist_pasqal(text, title="KAIST and PASQAL sign MOU (updated)", full=False)


def aws_pasqal() -> KnowledgeGraph:
    """AWS partners with PASQAL (2023-03-01); PASQAL develops neutral atoms (shared fact)."""
    doc = document(
        "Amazon Web Services (AWS) partners with PASQAL to offer neutral-atom devices on Amazon Braket. "
        "PASQAL develops neutral-atom quantum processors in Massy. "
        "AWS works on neutral-atom quantum computing through Amazon Braket.",
        title="AWS and PASQAL partner on Amazon Braket",
        source="https://example.org/news/aws-pasqal",
        published="2023-03-01",
    )
    return delta(
        doc,
        [
            entity(
                "Amazon Web Services", E.COMPANY, "US", aliases=["AWS"], external_ids={"wikidata": "Q456157"}
            ),
            entity(
                "PASQAL",
                E.COMPANY,
                "FR",
                aliases=["Pasqal SAS"],
                external_ids={"wikidata": "Q106525587", "lei": "969500ZPASQAL0000001"},
                description="French company building neutral-atom quantum computers.",
            ),
            entity("neutral atoms", E.TECHNOLOGY, aliases=["neutral-atom quantum computing"]),
        ],
        [
            relation(
                PASQAL,
                R.PARTNERS_WITH,
                AWS,
                doc,
                "Amazon Web Services (AWS) partners with PASQAL to offer neutral-atom devices on Amazon Braket.",
            ),
            relation(
                PASQAL,
                R.DEVELOPS,
                NEUTRAL_ATOMS,
                doc,
                "PASQAL develops neutral-atom quantum processors in Massy.",
                confidence=0.95,
                valid_from=dt.date(2019, 1, 1),
            ),
            relation(
                AWS,
                R.WORKS_ON,
                NEUTRAL_ATOMS,
                doc,
                "AWS works on neutral-atom quantum computing through Amazon Braket.",
            ),
        ],
    )


def sherbrooke_consortium() -> KnowledgeGraph:
    """An undated consortium in Sherbrooke; KAIST partners with Sherbrooke."""
    doc = document(
        "Université de Sherbrooke, IBM and Institut quantique formed a quantum consortium. "
        "Institut quantique is part of Université de Sherbrooke. "
        "IBM partners with Université de Sherbrooke on quantum software. "
        "KAIST (한국과학기술원) partners with Université de Sherbrooke on superconducting qubits. "
        "A delegation from Daejeon visited the consortium.",
        title="Sherbrooke quantum consortium",
        source="https://example.org/news/sherbrooke-consortium",
    )
    return delta(
        doc,
        [
            entity("Université de Sherbrooke", E.UNIVERSITY, "CA", aliases=["UdeS"]),
            entity("IBM", E.COMPANY, "US", aliases=["International Business Machines"]),
            entity("Institut quantique", E.RESEARCH_INSTITUTE, "CA"),
            entity(
                "KAIST", E.UNIVERSITY, "KR", aliases=["한국과학기술원"], external_ids={"ror": "05apxxy63"}
            ),
            entity("Daejeon", E.REGION, "KR", description="Daejeon Metropolitan City as a region."),
        ],
        [
            relation(
                INSTITUT_QUANTIQUE,
                R.PART_OF,
                SHERBROOKE,
                doc,
                "Institut quantique is part of Université de Sherbrooke.",
            ),
            relation(
                IBM,
                R.PARTNERS_WITH,
                SHERBROOKE,
                doc,
                "IBM partners with Université de Sherbrooke on quantum software.",
            ),
            relation(
                KAIST,
                R.PARTNERS_WITH,
                SHERBROOKE,
                doc,
                "KAIST (한국과학기술원) partners with Université de Sherbrooke on superconducting qubits.",
            ),
        ],
        [
            agreement(
                AgreementKind.CONSORTIUM,
                [SHERBROOKE, IBM, INSTITUT_QUANTIQUE],
                doc,
                "Université de Sherbrooke, IBM and Institut quantique formed a quantum consortium.",
                topics=("quantum software", "error correction"),
                title="Sherbrooke quantum consortium",
            )
        ],
    )


def ionq_kaist() -> KnowledgeGraph:
    """IonQ and KAIST partner (2025-01-20); a conflicting Wikidata id for KAIST."""
    doc = document(
        "IonQ and KAIST signed a partnership agreement in January 2025. "
        "IonQ develops trapped-ion quantum computers. "
        "KAIST is located in Daejeon.",
        title="IonQ and KAIST partner",
        source="https://example.org/news/ionq-kaist",
        published="2025-01-20",
    )
    return delta(
        doc,
        [
            entity("IonQ", E.COMPANY, "US"),
            entity(
                "KAIST",
                E.UNIVERSITY,
                "KR",
                aliases=["KAIST University"],
                external_ids={"wikidata": "Q1133498", "ror": "0000conflict"},
            ),
            entity("trapped ions", E.TECHNOLOGY),
            entity("Daejeon", E.CITY, "KR"),
        ],
        [
            relation(
                IONQ,
                R.PARTNERS_WITH,
                KAIST,
                doc,
                "IonQ and KAIST signed a partnership agreement in January 2025.",
            ),
            relation(IONQ, R.DEVELOPS, TRAPPED_IONS, doc, "IonQ develops trapped-ion quantum computers."),
            relation(KAIST, R.LOCATED_IN, DAEJEON, doc, "KAIST is located in Daejeon.", confidence=0.7),
        ],
        [
            agreement(
                AgreementKind.PARTNERSHIP,
                [IONQ, KAIST],
                doc,
                "IonQ and KAIST signed a partnership agreement in January 2025.",
                date="2025-01",
                status=AgreementStatus.SIGNED,
            )
        ],
    )


def corpus() -> list[KnowledgeGraph]:
    """The four documents of the tiny ecosystem (not the replacement version)."""
    return [kaist_pasqal(), aws_pasqal(), sherbrooke_consortium(), ionq_kaist()]


# -- comparing stores ------------------------------------------------------------------------
def canonical_dump(store: Any) -> dict[str, Any]:
    """Everything a store answers, as plain data in a fixed order (``==`` compares two stores)."""
    entities = store.entities()
    return {
        "documents": [d.model_dump(mode="json") for d in store.documents()],
        "entities": [e.model_dump(mode="json") for e in entities],
        "relations": [r.model_dump(mode="json") for r in store.relations()],
        "agreements": [a.model_dump(mode="json") for a in store.agreements()],
        "goals": [g.model_dump(mode="json") for g in store.goals()],
        "links": [link.model_dump(mode="json") for link in store.links()],
        "stats": store.stats().model_dump(mode="json"),
        "deltas": [canonical_delta(d).model_dump(mode="json") for d in store.deltas()],
    }


def hub(spokes: int = 70) -> KnowledgeGraph:
    """One company partnering with ``spokes`` universities (a hub, for per-node caches)."""
    center = entity("Hub Quantum", EntityType.COMPANY, "KR")
    ends = [entity(f"Spoke {i:02d}", EntityType.UNIVERSITY, "KR") for i in range(spokes)]
    doc = document(" ".join(f"Hub Quantum partners with {e.name}." for e in ends), title="hub")
    rels = [
        relation(center.id, RelationType.PARTNERS_WITH, e.id, doc, f"Hub Quantum partners with {e.name}.")
        for e in ends
    ]
    return delta(doc, [center, *ends], rels)
