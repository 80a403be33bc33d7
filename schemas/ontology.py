"""The ontology: closed vocabularies of entity types, relation types and agreement kinds.

This module is the single source of truth. Neo4j labels and relationship types, RDF
classes and properties, SHACL shapes and GraphQL enums are all derived from these enums;
no label or type name is ever taken from document text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ACTOR_TYPES",
    "COLLABORATION_TYPES",
    "ORGANISATION_TYPES",
    "PLACE_TYPES",
    "SIGNATURES",
    "STRUCTURAL_TYPES",
    "SYMMETRIC_TYPES",
    "AgreementKind",
    "AgreementStatus",
    "EntityType",
    "RelationType",
    "Signature",
    "allows",
]


class EntityType(StrEnum):
    """Kinds of actor and thing an analyst queries. Values are Neo4j labels and RDF class names."""

    COMPANY = "Company"
    UNIVERSITY = "University"
    RESEARCH_INSTITUTE = "ResearchInstitute"
    GOVERNMENT_BODY = "GovernmentBody"
    CITY = "City"
    REGION = "Region"
    COUNTRY = "Country"
    CLUSTER = "Cluster"
    PROGRAM = "Program"
    TECHNOLOGY = "Technology"
    PERSON = "Person"


class RelationType(StrEnum):
    """Relationship types. Values are Neo4j relationship types and RDF property local names."""

    PARTNERS_WITH = "PARTNERS_WITH"
    PARTY_TO = "PARTY_TO"
    INVESTS_IN = "INVESTS_IN"
    PART_OF = "PART_OF"
    LOCATED_IN = "LOCATED_IN"
    DEVELOPS = "DEVELOPS"
    WORKS_ON = "WORKS_ON"
    COMPETES_WITH = "COMPETES_WITH"
    LEADS = "LEADS"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    HAS_GOAL = "HAS_GOAL"


class AgreementKind(StrEnum):
    """Kinds of n-ary agreement node."""

    MOU = "MOU"
    PARTNERSHIP = "Partnership"
    JOINT_STATEMENT = "JointStatement"
    CONTRACT = "Contract"
    INVESTMENT = "Investment"
    CONSORTIUM = "Consortium"


class AgreementStatus(StrEnum):
    """Life-cycle of an agreement as far as the sources say, in life-cycle order.

    ``UNKNOWN`` means no source said anything about it; the other five are the stages an
    :class:`~qkg.schemas.AgreementEvent` records (announced, signed, in force, extended,
    ended). An agreement's status is that of its latest event.
    """

    ANNOUNCED = "announced"
    SIGNED = "signed"
    ACTIVE = "active"
    EXTENDED = "extended"
    ENDED = "ended"
    UNKNOWN = "unknown"


E = EntityType
PLACE_TYPES: frozenset[EntityType] = frozenset({E.CITY, E.REGION, E.COUNTRY})
ORGANISATION_TYPES: frozenset[EntityType] = frozenset(
    {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER}
)
#: Everything that can act: organisations, people, and places standing for their governments.
ACTOR_TYPES: frozenset[EntityType] = ORGANISATION_TYPES | PLACE_TYPES | {E.PERSON, E.PROGRAM}
_ALL: frozenset[EntityType] = frozenset(EntityType)


@dataclass(frozen=True, slots=True)
class Signature:
    """Allowed (domain, range) of a relation type.

    ``range`` is empty for structural relations, whose target is an Agreement or Goal
    node rather than an entity.
    """

    domain: frozenset[EntityType]
    range: frozenset[EntityType]
    symmetric: bool = False
    structural: bool = False


SIGNATURES: Mapping[RelationType, Signature] = {
    RelationType.PARTNERS_WITH: Signature(ACTOR_TYPES, ACTOR_TYPES, symmetric=True),
    RelationType.COMPETES_WITH: Signature(ACTOR_TYPES, ACTOR_TYPES, symmetric=True),
    RelationType.PARTY_TO: Signature(ACTOR_TYPES, frozenset(), structural=True),
    RelationType.HAS_GOAL: Signature(ACTOR_TYPES, frozenset(), structural=True),
    RelationType.INVESTS_IN: Signature(ACTOR_TYPES, ORGANISATION_TYPES | {E.PROGRAM, E.TECHNOLOGY}),
    RelationType.PART_OF: Signature(
        ACTOR_TYPES - {E.COUNTRY}, ORGANISATION_TYPES | {E.PROGRAM} | PLACE_TYPES
    ),
    RelationType.LOCATED_IN: Signature(_ALL - {E.TECHNOLOGY, E.PROGRAM}, PLACE_TYPES | {E.CLUSTER}),
    RelationType.DEVELOPS: Signature(ACTOR_TYPES, _ALL - {E.PERSON, E.COUNTRY, E.REGION, E.CITY}),
    RelationType.WORKS_ON: Signature(ACTOR_TYPES, frozenset({E.TECHNOLOGY, E.PROGRAM})),
    RelationType.LEADS: Signature(ACTOR_TYPES, ACTOR_TYPES | {E.PROGRAM}),
    RelationType.AFFILIATED_WITH: Signature(
        frozenset({E.PERSON}), ORGANISATION_TYPES | PLACE_TYPES | {E.PROGRAM}
    ),
}

SYMMETRIC_TYPES: frozenset[RelationType] = frozenset(t for t, s in SIGNATURES.items() if s.symmetric)
STRUCTURAL_TYPES: frozenset[RelationType] = frozenset(t for t, s in SIGNATURES.items() if s.structural)
#: Relation types that make a collaboration link (plus co-parties of one agreement).
COLLABORATION_TYPES: frozenset[RelationType] = frozenset({RelationType.PARTNERS_WITH})


def allows(rtype: RelationType, source: EntityType, target: EntityType) -> bool:
    """Whether ``source -[rtype]-> target`` fits the ontology.

    >>> allows(RelationType.WORKS_ON, EntityType.COMPANY, EntityType.TECHNOLOGY)
    True
    >>> allows(RelationType.LOCATED_IN, EntityType.COMPANY, EntityType.TECHNOLOGY)
    False
    """
    sig = SIGNATURES[rtype]
    if sig.structural:
        return False
    if source in sig.domain and target in sig.range:
        return True
    return sig.symmetric and target in sig.domain and source in sig.range
