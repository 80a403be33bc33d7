"""qkg's canonical model: the ontology, strict models, ids, and their RDF vocabulary.

The errors, ids and ontology are plain Python and load with the package; the pydantic
models load on first use (PEP 562), so ``qkg --help`` does not build them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from .errors import (
    ConfigurationError,
    DocumentRejected,
    LimitExceeded,
    NotFound,
    QkgError,
    StoreError,
    StoreLocked,
    StoreUnavailable,
    ValidationError,
)
from .ids import agreement_id, content_hash, entity_id, goal_id, id_from_iri, iri, normalise_name, slug
from .ontology import (
    ACTOR_TYPES,
    COLLABORATION_TYPES,
    ORGANISATION_TYPES,
    PLACE_TYPES,
    SIGNATURES,
    STRUCTURAL_TYPES,
    SYMMETRIC_TYPES,
    AgreementKind,
    AgreementStatus,
    EntityType,
    RelationType,
    Signature,
    allows,
)

if TYPE_CHECKING:
    from .models import (
        Agreement,
        AgreementEvent,
        Document,
        Entity,
        Evidence,
        Goal,
        KnowledgeGraph,
        PartialDate,
        Relation,
    )
    from .query import (
        Direction,
        DocumentInfo,
        EntityFilter,
        Hop,
        Link,
        Path,
        RelationFilter,
        Stats,
        UpsertResult,
        step_relation_key,
    )

__all__ = [
    "ACTOR_TYPES",
    "COLLABORATION_TYPES",
    "ORGANISATION_TYPES",
    "PLACE_TYPES",
    "SIGNATURES",
    "STRUCTURAL_TYPES",
    "SYMMETRIC_TYPES",
    "Agreement",
    "AgreementEvent",
    "AgreementKind",
    "AgreementStatus",
    "ConfigurationError",
    "Direction",
    "Document",
    "DocumentInfo",
    "DocumentRejected",
    "Entity",
    "EntityFilter",
    "EntityType",
    "Evidence",
    "Goal",
    "Hop",
    "KnowledgeGraph",
    "LimitExceeded",
    "Link",
    "NotFound",
    "PartialDate",
    "Path",
    "QkgError",
    "Relation",
    "RelationFilter",
    "RelationType",
    "Signature",
    "Stats",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
    "UpsertResult",
    "ValidationError",
    "agreement_id",
    "allows",
    "content_hash",
    "entity_id",
    "goal_id",
    "id_from_iri",
    "iri",
    "normalise_name",
    "slug",
    "step_relation_key",
]

_LAZY = {
    "Agreement": "models",
    "AgreementEvent": "models",
    "Document": "models",
    "Entity": "models",
    "Evidence": "models",
    "Goal": "models",
    "KnowledgeGraph": "models",
    "PartialDate": "models",
    "Relation": "models",
    "Direction": "query",
    "DocumentInfo": "query",
    "EntityFilter": "query",
    "Hop": "query",
    "Link": "query",
    "Path": "query",
    "RelationFilter": "query",
    "Stats": "query",
    "UpsertResult": "query",
    "step_relation_key": "query",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__)
