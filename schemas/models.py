"""The canonical model: strict pydantic models every stage consumes and produces.

All models are frozen and forbid unknown fields. RDF, Cypher, networkx and GraphQL are
projections of these models and never feed back into them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .ids import agreement_id, content_hash, goal_id
from .ontology import (
    SIGNATURES,
    SYMMETRIC_TYPES,
    AgreementKind,
    AgreementStatus,
    EntityType,
    RelationType,
    allows,
)

__all__ = [
    "Agreement",
    "AgreementEvent",
    "Document",
    "Entity",
    "Evidence",
    "Goal",
    "KnowledgeGraph",
    "PartialDate",
    "Relation",
]

_STRICT = ConfigDict(extra="forbid", frozen=True, strict=True, str_strip_whitespace=False)
_ISO_PARTIAL = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

#: An ISO date that may be partial: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
PartialDate = Annotated[str, StringConstraints(pattern=_ISO_PARTIAL.pattern)]
NodeId = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r"^\S+$")]
DocumentId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
#: Lax on containers, enums and dates (lists become tuples, "2024-05-01" becomes a date);
#: scalars stay strict (no int -> str, no "0.5" -> float).
_LAX = Field(strict=False)


class _Model(BaseModel):
    model_config = _STRICT


class Evidence(_Model):
    """The sentence of a document that supports a fact, and how it was found."""

    document_id: DocumentId
    sentence: NonEmpty
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(gt=0)]
    rule: NonEmpty
    confidence: Confidence = 1.0

    @model_validator(mode="after")
    def _span(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        if self.end - self.start != len(self.sentence):
            raise ValueError(
                f"span {self.start}..{self.end} has length {self.end - self.start} "
                f"but sentence has length {len(self.sentence)}"
            )
        return self


class Document(_Model):
    """A source document. Its id is the SHA-256 of its text, so identical texts are one document."""

    id: DocumentId
    title: str = ""
    source: str | None = None
    published: Annotated[dt.date | None, _LAX] = None
    media_type: str = "text/plain"
    text: str

    @model_validator(mode="after")
    def _hash(self) -> Self:
        expected = content_hash(self.text)
        if self.id != expected:
            raise ValueError(f"id {self.id!r} is not the SHA-256 of the text (expected {expected!r})")
        return self

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str = "",
        source: str | None = None,
        published: Annotated[dt.date | None, _LAX] = None,
        media_type: str = "text/plain",
    ) -> Document:
        """Build a document, computing its content-hash id.

        >>> doc = Document.from_text("KAIST partners with PASQAL.")
        >>> doc.id == content_hash(doc.text)
        True
        """
        return cls(
            id=content_hash(text),
            title=title,
            source=source,
            published=published,
            media_type=media_type,
            text=text,
        )


class Entity(_Model):
    """An actor or thing: organisation, place, programme, technology or person."""

    id: NodeId
    type: Annotated[EntityType, _LAX]
    name: NonEmpty
    aliases: Annotated[tuple[str, ...], _LAX] = ()
    external_ids: Annotated[dict[str, str], _LAX] = Field(default_factory=dict)
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    description: str | None = None

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(a for a in v if a.strip())))


class Relation(_Model):
    """A typed edge between two entities with the evidence that supports it.

    Symmetric relations are stored with ``source < target`` so that one fact has one form.
    """

    source: NodeId
    type: Annotated[RelationType, _LAX]
    target: NodeId
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1, strict=False)]
    confidence: Confidence = 1.0
    valid_from: Annotated[dt.date | None, _LAX] = None
    valid_to: Annotated[dt.date | None, _LAX] = None

    @model_validator(mode="before")
    @classmethod
    def _canonical(cls, data: Any) -> Any:
        if isinstance(data, dict):
            t = data.get("type")
            try:
                rtype = RelationType(t) if isinstance(t, str) else t
            except ValueError:
                return data
            data = {**data, "type": rtype}
            s, o = data.get("source"), data.get("target")
            if rtype in SYMMETRIC_TYPES and isinstance(s, str) and isinstance(o, str) and o < s:
                data["source"], data["target"] = o, s
        return data

    @model_validator(mode="after")
    def _check(self) -> Self:
        if SIGNATURES[self.type].structural:
            raise ValueError(f"type {self.type.value!r} is structural: express it with an Agreement or Goal")
        if self.source == self.target:
            raise ValueError(f"relation {self.type.value} from {self.source!r} to itself")
        return self

    @property
    def key(self) -> tuple[str, str, str]:
        """(source, type, target): the identity of the fact."""
        # the member's value as stored (``.value`` goes through a descriptor: twice the time)
        return (self.source, self.type._value_, self.target)


class AgreementEvent(_Model):
    """One moment of an agreement's life as one sentence tells it.

    ``status`` is the stage the sentence reports (never ``UNKNOWN``), ``date`` when it
    happened (the date stated, else the document's date, else ``None``), and ``ends`` the
    last period the agreement is in force if the sentence says so ("until 2030", "a
    three-year MOU signed in 2022" -> ``"2025"``), inclusive at its precision.
    """

    status: Annotated[AgreementStatus, _LAX]
    date: PartialDate | None = None
    ends: PartialDate | None = None
    evidence: Annotated[Evidence, _LAX]

    @field_validator("status")
    @classmethod
    def _known(cls, v: AgreementStatus) -> AgreementStatus:
        if v is AgreementStatus.UNKNOWN:
            raise ValueError("an event reports a stage of the agreement's life, not 'unknown'")
        return v


class Agreement(_Model):
    """An n-ary agreement (MOU, partnership, joint statement, ...) between two or more parties.

    ``events`` is its life as the documents tell it; ``status`` is the latest event's and
    ``ends`` the end the events give (see :func:`qkg.schemas.life.life`): both stay
    ``UNKNOWN``/``None`` when no document says anything.
    """

    id: NodeId
    kind: Annotated[AgreementKind, _LAX]
    title: str = ""
    parties: Annotated[tuple[NodeId, ...], Field(min_length=2, strict=False)]
    date: PartialDate | None = None
    place: NodeId | None = None
    topics: Annotated[tuple[str, ...], _LAX] = ()
    status: Annotated[AgreementStatus, _LAX] = AgreementStatus.UNKNOWN
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1, strict=False)]
    events: Annotated[tuple[AgreementEvent, ...], _LAX] = ()
    ends: PartialDate | None = None

    @field_validator("parties")
    @classmethod
    def _parties(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        unique = tuple(sorted(set(v)))
        if len(unique) < 2:
            raise ValueError(f"an agreement needs at least two distinct parties, got {list(v)}")
        return unique

    @classmethod
    def build(cls, kind: AgreementKind, parties: tuple[str, ...] | list[str], **fields: Any) -> Agreement:
        """Build an agreement with its deterministic id."""
        return cls(
            id=agreement_id(kind, parties, fields.get("date")), kind=kind, parties=tuple(parties), **fields
        )


class Goal(_Model):
    """A quantified target: metric, value, unit, target year, owner."""

    id: NodeId
    metric: NonEmpty
    value: float
    unit: str
    target_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    owner: NodeId | None = None
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1, strict=False)]

    @classmethod
    def build(cls, metric: str, value: float, unit: str, **fields: Any) -> Goal:
        """Build a goal with its deterministic id."""
        gid = goal_id(metric, value, unit, fields.get("target_year"), fields.get("owner"))
        return cls(id=gid, metric=metric, value=value, unit=unit, **fields)


class KnowledgeGraph(_Model):
    """One document's contribution: a self-contained delta the stores upsert all or nothing.

    Every relation, agreement party, place and goal owner refers to an entity of the delta;
    every piece of evidence points at the delta's document and quotes it exactly.
    """

    document: Annotated[Document, _LAX]
    entities: Annotated[tuple[Entity, ...], _LAX] = ()
    relations: Annotated[tuple[Relation, ...], _LAX] = ()
    agreements: Annotated[tuple[Agreement, ...], _LAX] = ()
    goals: Annotated[tuple[Goal, ...], _LAX] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        types: dict[str, EntityType] = {}
        for e in self.entities:
            if e.id in types:
                raise ValueError(f"entity id {e.id!r} appears twice")
            types[e.id] = e.type

        def known(ref: str, where: str) -> EntityType:
            if ref not in types:
                raise ValueError(f"{where} refers to {ref!r}, which is not among the entities")
            return types[ref]

        doc = self.document
        evidences: list[tuple[str, Evidence]] = []
        seen_rel: set[tuple[str, str, str]] = set()
        for r in self.relations:
            where = f"relation {r.source} {r.type.value} {r.target}"
            s, t = known(r.source, where), known(r.target, where)
            if not allows(r.type, s, t):
                raise ValueError(f"{where}: {r.type.value} does not allow {s.value} -> {t.value}")
            if r.key in seen_rel:
                raise ValueError(f"{where} appears twice; merge its evidence")
            seen_rel.add(r.key)
            evidences += [(where, ev) for ev in r.evidence]
        ids = set(types)
        for a in self.agreements:
            where = f"agreement {a.id}"
            for p in a.parties:
                known(p, where)
            if a.place is not None:
                known(a.place, where)
            if a.id in ids:
                raise ValueError(f"id {a.id!r} appears twice")
            ids.add(a.id)
            evidences += [(where, ev) for ev in a.evidence]
            evidences += [(f"{where} event {e.status.value}", e.evidence) for e in a.events]
        for g in self.goals:
            where = f"goal {g.id}"
            if g.owner is not None:
                known(g.owner, where)
            if g.id in ids:
                raise ValueError(f"id {g.id!r} appears twice")
            ids.add(g.id)
            evidences += [(where, ev) for ev in g.evidence]
        for where, ev in evidences:
            if ev.document_id != doc.id:
                raise ValueError(f"{where}: evidence names document {ev.document_id!r}, not {doc.id!r}")
            if doc.text[ev.start : ev.end] != ev.sentence:
                raise ValueError(
                    f"{where}: evidence span {ev.start}..{ev.end} does not quote the document "
                    f"(sentence {ev.sentence[:60]!r})"
                )
        return self
