"""Small hand-written knowledge graphs for API tests (not the shared corpus).

``daejeon()`` mirrors the seed's key facts in two short documents; ``ring(n)`` builds ``n``
companies each partnering with the next two, every edge with its own evidence sentence.
"""

from __future__ import annotations

import datetime as dt

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

__all__ = ["AWS", "DAEJEON", "IBM", "KAIST", "PASQAL", "daejeon", "ring"]

KAIST = entity_id("KAIST", EntityType.UNIVERSITY, "KR")
PASQAL = entity_id("PASQAL", EntityType.COMPANY, "FR")
AWS = entity_id("Amazon Web Services", EntityType.COMPANY, "US")
DAEJEON = entity_id("Daejeon", EntityType.CITY, "KR")
IBM = entity_id("IBM", EntityType.COMPANY, "US")
NEUTRAL = entity_id("neutral-atom quantum computing", EntityType.TECHNOLOGY)

_ENTITIES = {
    KAIST: Entity(
        id=KAIST,
        type=EntityType.UNIVERSITY,
        name="KAIST",
        aliases=("Korea Advanced Institute of Science and Technology", "한국과학기술원"),
        external_ids={"wikidata": "Q359463"},
        country="KR",
    ),
    PASQAL: Entity(id=PASQAL, type=EntityType.COMPANY, name="PASQAL", country="FR"),
    AWS: Entity(id=AWS, type=EntityType.COMPANY, name="Amazon Web Services", aliases=("AWS",), country="US"),
    DAEJEON: Entity(id=DAEJEON, type=EntityType.CITY, name="Daejeon", country="KR"),
    IBM: Entity(id=IBM, type=EntityType.COMPANY, name="IBM", country="US"),
    NEUTRAL: Entity(id=NEUTRAL, type=EntityType.TECHNOLOGY, name="neutral-atom quantum computing"),
}


def _ev(doc: Document, sentence: str, rule: str = "test", confidence: float = 0.9) -> Evidence:
    start = doc.text.index(sentence)
    return Evidence(
        document_id=doc.id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        rule=rule,
        confidence=confidence,
    )


def daejeon() -> list[KnowledgeGraph]:
    """Two documents: the 2024 Daejeon partnerships and a 2023 note on IBM and KAIST."""
    s1 = "KAIST, PASQAL and Daejeon signed a tripartite partnership in Daejeon."
    s2 = "Daejeon signed an MOU with Amazon Web Services (AWS)."
    s3 = "KAIST partners with PASQAL on neutral-atom quantum computing."
    s4 = "PASQAL develops neutral-atom quantum computing."
    s5 = "KAIST is located in Daejeon."
    s6 = "Daejeon aims to train 2,500 quantum professionals by 2030."
    doc1 = Document.from_text(
        " ".join([s1, s2, s3, s4, s5, s6]),
        title="Daejeon's quantum alliances",
        source="https://example.org/daejeon",
        published=dt.date(2024, 5, 10),
    )
    delta1 = KnowledgeGraph(
        document=doc1,
        entities=tuple(_ENTITIES[i] for i in (KAIST, PASQAL, AWS, DAEJEON, NEUTRAL)),
        relations=(
            Relation(source=KAIST, type=RelationType.PARTNERS_WITH, target=PASQAL, evidence=(_ev(doc1, s3),)),
            Relation(source=PASQAL, type=RelationType.DEVELOPS, target=NEUTRAL, evidence=(_ev(doc1, s4),)),
            Relation(source=KAIST, type=RelationType.LOCATED_IN, target=DAEJEON, evidence=(_ev(doc1, s5),)),
        ),
        agreements=(
            Agreement.build(
                AgreementKind.PARTNERSHIP,
                [KAIST, PASQAL, DAEJEON],
                date="2024-05",
                title="Tripartite partnership on quantum computing",
                place=DAEJEON,
                topics=("quantum computing",),
                status=AgreementStatus.SIGNED,
                evidence=(_ev(doc1, s1),),
            ),
            Agreement.build(
                AgreementKind.MOU,
                [DAEJEON, AWS],
                date="2024-04-02",
                title="Daejeon-AWS quantum MOU",
                status=AgreementStatus.SIGNED,
                evidence=(_ev(doc1, s2),),
            ),
        ),
        goals=(
            Goal.build(
                "quantum professionals",
                2500,
                "people",
                target_year=2030,
                owner=DAEJEON,
                evidence=(_ev(doc1, s6),),
            ),
        ),
    )
    t1 = "IBM partners with KAIST on quantum education."
    t2 = "IBM and KAIST signed an MOU in 2021."
    doc2 = Document.from_text(
        f"{t1} {t2}",
        title="IBM and KAIST",
        source="https://example.org/ibm",
        published=dt.date(2023, 1, 15),
    )
    delta2 = KnowledgeGraph(
        document=doc2,
        entities=(_ENTITIES[IBM], _ENTITIES[KAIST]),
        relations=(
            Relation(source=IBM, type=RelationType.PARTNERS_WITH, target=KAIST, evidence=(_ev(doc2, t1),)),
        ),
        agreements=(
            Agreement.build(
                AgreementKind.MOU,
                [IBM, KAIST],
                date="2021",
                title="IBM-KAIST MOU",
                evidence=(_ev(doc2, t2),),
            ),
        ),
    )
    return [delta1, delta2]


def ring(n: int) -> KnowledgeGraph:
    """``n`` companies, company ``i`` partnering with ``i+1`` and ``i+2`` (mod ``n``), one
    sentence of evidence per edge, all in one document."""
    names = [f"Qubit Works {i:03d}" for i in range(n)]
    ids = [entity_id(name, EntityType.COMPANY, "KR") for name in names]
    sentences: list[tuple[int, int, str]] = []
    for i in range(n):
        for step in (1, 2):
            j = (i + step) % n
            sentences.append((i, j, f"{names[i]} partners with {names[j]}."))
    doc = Document.from_text(
        " ".join(s for _, _, s in sentences), title="Ring", published=dt.date(2025, 1, 1)
    )
    relations: dict[tuple[str, str], Relation] = {}
    for i, j, s in sentences:
        a, b = sorted((ids[i], ids[j]))
        if (a, b) in relations:
            continue
        relations[(a, b)] = Relation(
            source=a, type=RelationType.PARTNERS_WITH, target=b, evidence=(_ev(doc, s),)
        )
    return KnowledgeGraph(
        document=doc,
        entities=tuple(
            Entity(id=i, type=EntityType.COMPANY, name=name, country="KR")
            for i, name in zip(ids, names, strict=True)
        ),
        relations=tuple(relations.values()),
    )
