"""Thin strawberry types mapped from ``qkg.schemas`` models.

Each type wraps a canonical model (a ``Private`` field) and exposes it field by field;
enums are the ontology's own enums, registered with strawberry, never retyped. Fields that
reach other objects go through the request's :class:`~qkg.api.context.Loader`, passing the
:class:`~qkg.api.context.Group` the object was created in, so siblings load together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import PureWindowsPath
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Private
from strawberry.types.nodes import SelectedField

from qkg.graph.merge import AsOf
from qkg.graph.store import COLLABORATION
from qkg.graph.timeline import published_by
from qkg.schemas import (
    Agreement as AgreementModel,
)
from qkg.schemas import (
    AgreementEvent as AgreementEventModel,
)
from qkg.schemas import (
    AgreementKind,
    AgreementStatus,
    Direction,
    EntityType,
    Hop,
    LimitExceeded,
    RelationFilter,
    RelationType,
    ValidationError,
    iri,
)
from qkg.schemas import (
    DocumentInfo as DocumentModel,
)
from qkg.schemas import (
    Entity as EntityModel,
)
from qkg.schemas import (
    Evidence as EvidenceModel,
)
from qkg.schemas import (
    Goal as GoalModel,
)
from qkg.schemas import (
    Relation as RelationModel,
)

from .context import Context, Group
from .ingest import cited_source
from .pages import Connection, Edge, PageInfo, check_first, decode_cursor, encode_cursor, paginate
from .scores import CentralityMetric, Scores
from .support import Support, support_of
from .walk import LinkBatch, Row, load_links, merge_rows, walk

if TYPE_CHECKING:
    from .context import Loader

__all__ = [
    "DEFAULT_VIA",
    "Actor",
    "ActorNotFound",
    "ActorResult",
    "Agreement",
    "AgreementEvent",
    "AgreementNotFound",
    "AgreementResult",
    "CentralityMetricEnum",
    "Collaborator",
    "Connection",
    "Document",
    "DocumentNotFound",
    "DocumentResult",
    "Edge",
    "Evidence",
    "Goal",
    "Info",
    "Link",
    "PageInfo",
    "PathType",
    "Relation",
    "actors_of",
    "agreements_of",
    "as_of_asked",
    "check_first",
    "check_min_support",
    "collaborators_of",
    "decode_cursor",
    "encode_cursor",
    "links_of",
    "paginate",
    "public_source",
]

Info = strawberry.Info[Context, None]

EntityTypeEnum = strawberry.enum(EntityType, name="EntityType", description="Kinds of actor and thing.")
RelationTypeEnum = strawberry.enum(RelationType, name="RelationType", description="Relationship types.")
AgreementKindEnum = strawberry.enum(AgreementKind, name="AgreementKind", description="Kinds of agreement.")
AgreementStatusEnum = strawberry.enum(
    AgreementStatus,
    name="AgreementStatus",
    description="Life-cycle of an agreement as far as the sources say (UNKNOWN: nothing said).",
)
DirectionEnum = strawberry.enum(Direction, name="Direction", description="Direction seen from an actor.")
CentralityMetricEnum = strawberry.enum(CentralityMetric, name="CentralityMetric")

#: Default collaboration projection: partnerships plus co-parties of agreements.
DEFAULT_VIA: tuple[RelationType, ...] = COLLABORATION


#: Schemes whose sources are shown as they are; any other source is a file, shown by its name.
_URL_SCHEMES = ("http://", "https://")


def public_source(source: str | None) -> str | None:
    """What an answer may show of a document's source: a web URL as it is, a file by its name
    only (its folders name the server's layout and users), nothing for standard input; never
    the ingesting API key's fingerprint (:func:`qkg.api.ingest.cited_source`).

    >>> public_source("/srv/qkg/news/2024/kaist-mou.html"), public_source("https://example.org/a")
    ('kaist-mou.html', 'https://example.org/a')
    """
    source = cited_source(source)
    if source is None or source.lower().startswith(_URL_SCHEMES):
        return source
    name = PureWindowsPath(source.removeprefix("file://")).name  # splits on / and \\ alike
    return name if name not in ("", "-") else None


# -- documents and evidence ----------------------------------------------------------------
@strawberry.type(description="What a document contributed to the graph.")
class Contribution:
    entities: int
    relations: int
    agreements: int
    goals: int


@strawberry.type(description="A loaded source document (its text via `text`).")
class Document:
    model: Private[DocumentModel]

    id: strawberry.ID = strawberry.field(default=None)

    title: str = strawberry.field(default=None)

    url: str | None = strawberry.field(
        default=None,
        description="Where the document came from: its URL, or for a file only the file's name "
        "(never a path on the server).",
    )

    published_at: dt.date | None = strawberry.field(default=None)

    media_type: str = strawberry.field(default=None)

    def __post_init__(self) -> None:
        self.id = strawberry.ID(self.model.id)
        self.title = self.model.title
        self.url = public_source(self.model.source)
        self.published_at = self.model.published
        self.media_type = self.model.media_type

    @strawberry.field(description="Counts of what this document contributed.")
    def contributed(self) -> Contribution:
        m = self.model
        return Contribution(
            entities=m.entities, relations=m.relations, agreements=m.agreements, goals=m.goals
        )

    @strawberry.field(description="The full text (one store call per document).")
    def text(self, info: Info) -> str:
        return info.context.store.document(self.model.id).text

    @strawberry.field(description="The entities this document mentions (one store call per document).")
    def entities(self, info: Info) -> list[Actor]:
        delta = info.context.store.delta(self.model.id)
        loader = info.context.loader
        return actors_of(loader, [e.id for e in delta.entities])

    @strawberry.field(description="The agreements this document gives evidence for.")
    def agreements(self, info: Info) -> list[Agreement]:
        delta = info.context.store.delta(self.model.id)
        return agreements_of(info.context.loader, delta.agreements)

    @strawberry.field(description="The relations this document gives evidence for.")
    def relations(self, info: Info) -> list[Relation]:
        delta = info.context.store.delta(self.model.id)
        info.context.loader.prime_relations(delta.relations)
        group = Group.of(i for r in delta.relations for i in (r.source, r.target))
        return [Relation(model=r, viewpoint=None, group=group) for r in delta.relations]


@strawberry.type(description="A sentence of a document that supports a fact.")
class Evidence:
    model: Private[EvidenceModel]

    sentence: str = strawberry.field(default=None)

    start: int = strawberry.field(
        default=None, description="Character offset of the sentence's start in the document text."
    )

    end: int = strawberry.field(default=None, description="Character offset just after the sentence's end.")

    rule: str = strawberry.field(default=None, description="The extraction rule that found the fact.")

    confidence: float = strawberry.field(default=None)

    document_id: strawberry.ID = strawberry.field(default=None)

    def __post_init__(self) -> None:
        self.sentence = self.model.sentence
        self.start = self.model.start
        self.end = self.model.end
        self.rule = self.model.rule
        self.confidence = self.model.confidence
        self.document_id = strawberry.ID(self.model.document_id)

    @strawberry.field
    def document(self, info: Info) -> Document | None:
        # resolved only when asked (an answer with `documentId` alone reads no document); the
        # loader holds every evidence document of the batch as wanted, so the first lookup
        # fetches them all
        doc = info.context.loader.document(self.model.document_id)
        return Document(model=doc) if doc is not None else None


def evidence_of(loader: Loader, evs: Iterable[EvidenceModel]) -> list[Evidence]:
    """GraphQL evidence (its document is looked up in the request's batch when asked)."""
    return [Evidence(model=e) for e in evs]


def _seen(loader: Loader, evs: Iterable[EvidenceModel]) -> list[dt.date]:
    dates = []
    for ev in evs:
        d = loader.document(ev.document_id)
        if d is not None and d.published is not None:
            dates.append(d.published)
    return sorted(dates)


# -- actors --------------------------------------------------------------------------------
@strawberry.type(
    description="An actor or thing of the ecosystem: organisation, place, programme, person, technology."
)
class Actor:
    model: Private[EntityModel]
    group: Private[Group]
    #: Found by name: the other actors of the store that are this one named differently
    #: (:func:`qkg.api.names.same_actor`); its collaborators are theirs too.
    merged: Private[tuple[EntityModel, ...]] = ()

    id: strawberry.ID = strawberry.field(default=None)

    type: EntityType = strawberry.field(default=None)

    name: str = strawberry.field(default=None)

    aliases: list[str] = strawberry.field(default=None)

    country: str | None = strawberry.field(
        default=None, description="ISO 3166 alpha-2 country code, when known."
    )

    description: str | None = strawberry.field(default=None)

    def __post_init__(self) -> None:
        self.id = strawberry.ID(self.model.id)
        self.type = self.model.type
        self.name = self.model.name
        self.aliases = list(self.model.aliases)
        self.country = self.model.country
        self.description = self.model.description

    @strawberry.field(description="The actor's IRI in the RDF graph.")
    def iri(self) -> str:
        return iri(self.model.id)

    @strawberry.field(description="Identifiers in other registries (e.g. wikidata, ror).")
    def external_ids(self) -> list[ExternalId]:
        return [ExternalId(scheme=k, value=v) for k, v in sorted(self.model.external_ids.items())]

    @strawberry.field(
        description="Relations touching this actor, each with its evidence. `asOf`: only those in "
        "force on that date, as the documents published by then give them (evidence, validity, "
        "support); `minSupport`: only those backed by at least that many distinct documents; "
        "`knownAt`: as the graph held them at that moment (record time: documents removed or "
        "replaced since still count, with their evidence; documents recorded later do not)."
    )
    def relations(
        self,
        info: Info,
        types: list[RelationType] | None = None,
        direction: Direction = Direction.BOTH,
        first: int = 50,
        after: str | None = None,
        as_of: dt.date | None = None,
        min_support: int | None = None,
        known_at: dt.datetime | None = None,
    ) -> Connection[Relation]:
        check_first(first, info.context.settings.max_page_size)
        check_min_support(min_support)
        flt = RelationFilter(
            types=frozenset(types) if types else None,
            direction=direction,
            as_of=as_of,
            min_support=min_support,
        )
        loader = info.context.loader_at(known_at)
        rels = loader.relations(self.group, self.model.id, flt)
        child = self.group.child(
            ("relations", flt, known_at),
            lambda: [
                r.target if r.source == i else r.source
                for i in self.group.ids
                for r in loader.relations(self.group, i, flt)
            ],
        )
        offset = decode_cursor(after)
        page = rels[offset : offset + first]
        return paginate(
            [Relation(model=r, viewpoint=self.model.id, group=child) for r in page], offset, len(rels)
        )

    @strawberry.field(
        description="Actors linked to this one within `depth` hops (1 to 3) over `via` "
        "(default: partnerships and co-parties of agreements), nearest first, then the most strongly linked (most links), then id, with the links "
        "(relations or agreements, with evidence) from the previous hop. `asOf`: only over relations and "
        "agreements in force on that date, as the documents published by then give them; `minSupport`: "
        "only over those backed by at least that many distinct documents; `knownAt`: over what the "
        "graph held at that moment (record time)."
    )
    def collaborators(
        self,
        info: Info,
        depth: int = 1,
        via: list[RelationType] | None = None,
        first: int = 50,
        as_of: dt.date | None = None,
        min_support: int | None = None,
        known_at: dt.datetime | None = None,
    ) -> list[Collaborator]:
        if not 1 <= depth <= 3:
            raise LimitExceeded(f"depth must be between 1 and 3 (collaborator depth limit), got {depth}")
        check_first(first, info.context.settings.max_collaborators, "first (collaborators)")
        asked = as_of_asked(as_of, min_support)
        vias = tuple(sorted(set(via or DEFAULT_VIA)))
        budget = info.context.walk_budget
        links = min(links_asked(info), info.context.settings.max_page_size)
        loader = info.context.loader_at(known_at)
        roots = [self.model.id, *(m.id for m in self.merged)]
        batch, rows = walk(
            loader, self.group, roots[0], depth, vias, first, budget=budget, asked=asked, links=links
        )
        if len(roots) > 1:  # one actor its documents name differently: every part's collaborators
            for r in roots[1:]:
                rows += walk(
                    loader, self.group, r, depth, vias, first, budget=budget, asked=asked, links=links
                )[1]
            rows = merge_rows(rows, roots, first)
        return collaborators_of(batch, rows)

    @strawberry.field(
        description="When this actor was found by name (`actor(name:)`): the other actors of the "
        "graph that are it named differently by other documents (an organisation sharing one of its "
        "names or aliases, of its type, of its country or of none); its `collaborators` include "
        "theirs. Empty otherwise."
    )
    def merged_with(self) -> list[Actor]:
        group = Group.of(m.id for m in self.merged)
        return [Actor(model=m, group=group) for m in self.merged]

    @strawberry.field(
        description="Agreements this actor is a party to, oldest first. `asOf`: only those in force "
        "on that date, each as the documents published by then tell it (its events, status, end, "
        "evidence and support as of that date), as `agreements(filter: {party, asOf})` answers. "
        "`knownAt`: as the graph held them at that moment (record time), as "
        "`agreements(filter: {party, knownAt})` answers."
    )
    def agreements(
        self,
        info: Info,
        kind: AgreementKind | None = None,
        as_of: dt.date | None = None,
        known_at: dt.datetime | None = None,
    ) -> list[Agreement]:
        loader = info.context.loader_at(known_at)
        ags = loader.agreements_as_of(self.group, self.model.id, as_of)
        if kind is not None:
            ags = [a for a in ags if a.kind == kind]
        child = self.group.child(
            ("agreements", as_of, known_at),
            lambda: [
                p
                for i in self.group.ids
                for a in loader.agreements_as_of(self.group, i, as_of)
                for p in a.parties
            ],
        )
        return [Agreement(model=a, group=child) for a in ags]

    @strawberry.field(
        description="Quantified goals this actor owns. `asOf`: those a document published by then "
        "states, each with the evidence of those documents only (as `stats(asOf)` counts them). "
        "`knownAt`: those the graph held at that moment (record time), with the evidence it had then."
    )
    def goals(
        self, info: Info, as_of: dt.date | None = None, known_at: dt.datetime | None = None
    ) -> list[Goal]:
        loader = info.context.loader_at(known_at)
        goals = loader.goals(self.group, self.model.id)
        if as_of is not None:
            goals = [v for g in goals if (v := _goal_as_of(loader, g, as_of)) is not None]
        return [Goal(model=g) for g in goals]

    @strawberry.field(
        description="Documents with evidence about this actor's relations and agreements, oldest "
        "first. `asOf`: the documents published by then that support its relations and agreements "
        "in force on that date (a document about a tie ended by then is left out; undated documents "
        "never count). `knownAt`: those of the relations and agreements the graph held at that "
        "moment (record time: a document removed or replaced since is listed)."
    )
    def documents(
        self, info: Info, as_of: dt.date | None = None, known_at: dt.datetime | None = None
    ) -> list[Document]:
        loader = info.context.loader_at(known_at)
        ids: dict[str, None] = {}
        for r in loader.relations(self.group, self.model.id, RelationFilter(as_of=as_of)):
            ids.update((ev.document_id, None) for ev in r.evidence)
        for a in loader.agreements_as_of(self.group, self.model.id, as_of):
            ids.update((ev.document_id, None) for ev in a.evidence)
        loader.want_documents(ids)
        docs = [d for i in ids if (d := loader.document(i)) is not None]
        docs.sort(key=lambda d: (d.published is None, d.published or dt.date.min, d.id))
        return [Document(model=d) for d in docs]

    @strawberry.field(
        description="This actor's score under a centrality measure, computed by qkg's analytics "
        "on the collaboration projection (`via`), or null when the actor is not in it. `asOf`: on "
        "the projection of the relations and agreements in force on that date, as the documents "
        "published by then give them; `minSupport`: over those backed by at least that many distinct "
        "documents (the score `centrality(asOf, minSupport)` ranks by)."
    )
    def centrality(
        self,
        info: Info,
        metric: CentralityMetric = CentralityMetric.DEGREE,
        via: list[RelationType] | None = None,
        as_of: dt.date | None = None,
        min_support: int | None = None,
    ) -> float | None:
        check_min_support(min_support)
        scores = Scores.for_request(info.context)
        vias = tuple(sorted(set(via or DEFAULT_VIA)))
        return scores.score(metric, self.model.id, via=vias, as_of=as_of, min_support=min_support)


@strawberry.type
class ExternalId:
    scheme: str
    value: str


def _goal_as_of(loader: Loader, goal: GoalModel, day: dt.date) -> GoalModel | None:
    """A goal as the documents published by ``day`` state it (their evidence only), or None
    when none of them does (:func:`qkg.graph.timeline.published_by`, as ``stats(asOf)``)."""
    docs = {i: d for ev in goal.evidence if (d := loader.document(i := ev.document_id)) is not None}
    evidence = tuple(ev for ev in goal.evidence if published_by(docs, ev.document_id, day))
    if not evidence:
        return None
    return goal if len(evidence) == len(goal.evidence) else goal.model_copy(update={"evidence": evidence})


def check_min_support(min_support: int | None) -> None:
    """``minSupport`` counts documents: at least 1 when given."""
    if min_support is not None and min_support < 1:
        raise ValidationError(f"minSupport must be at least 1, got {min_support}")


def as_of_asked(as_of: dt.date | None, min_support: int | None) -> AsOf | None:
    """What ``asOf`` and ``minSupport`` ask of the stores (None: neither)."""
    check_min_support(min_support)
    return None if as_of is None and min_support is None else AsOf(as_of, min_support)


def actors_of(loader: Loader, ids: Sequence[str], group: Group | None = None) -> list[Actor]:
    """Actor objects for ``ids`` (unknown ids skipped), siblings of one group."""
    g = group if group is not None else Group.of(ids)
    return [Actor(model=e, group=g) for e in loader.entities(ids)]


# -- relations -----------------------------------------------------------------------------
@strawberry.type(description="A typed relation between two actors with the evidence that supports it.")
class Relation:
    model: Private[RelationModel]
    viewpoint: Private[str | None]
    group: Private[Group]

    type: RelationType = strawberry.field(default=None)

    def __post_init__(self) -> None:
        self.type = self.model.type
        self.confidence = self.model.confidence
        self.valid_from = self.model.valid_from
        self.valid_to = self.model.valid_to

    @strawberry.field
    def source(self, info: Info) -> Actor | None:
        e = info.context.loader.entity(self.model.source)
        return Actor(model=e, group=self.group) if e else None

    @strawberry.field
    def target(self, info: Info) -> Actor | None:
        e = info.context.loader.entity(self.model.target)
        return Actor(model=e, group=self.group) if e else None

    @strawberry.field(description="The other actor, seen from the actor this relation was asked on.")
    def counterpart(self, info: Info) -> Actor | None:
        if self.viewpoint is None:
            return None
        other = self.model.target if self.model.source == self.viewpoint else self.model.source
        e = info.context.loader.entity(other)
        return Actor(model=e, group=self.group) if e else None

    @strawberry.field(description="OUT or IN seen from the asking actor; BOTH for symmetric relations.")
    def direction(self) -> Direction | None:
        if self.viewpoint is None:
            return None
        if self.model.type in _SYMMETRIC:
            return Direction.BOTH
        return Direction.OUT if self.model.source == self.viewpoint else Direction.IN

    confidence: float = strawberry.field(default=None)

    @strawberry.field
    def evidence(self, info: Info) -> list[Evidence]:
        return evidence_of(info.context.loader, self.model.evidence)

    @strawberry.field(description="Publication date of the earliest document supporting this relation.")
    def first_seen(self, info: Info) -> dt.date | None:
        dates = _seen(info.context.loader, self.model.evidence)
        return dates[0] if dates else None

    @strawberry.field(description="Publication date of the latest document supporting this relation.")
    def last_seen(self, info: Info) -> dt.date | None:
        dates = _seen(info.context.loader, self.model.evidence)
        return dates[-1] if dates else None

    valid_from: dt.date | None = strawberry.field(default=None)

    valid_to: dt.date | None = strawberry.field(default=None)

    @strawberry.field(description="How many documents and independent publishers support this relation.")
    def support(self, info: Info) -> Support:
        return support_of(info.context.loader, self.model.evidence)


_SYMMETRIC = frozenset({RelationType.PARTNERS_WITH, RelationType.COMPETES_WITH})


# -- agreements and goals ------------------------------------------------------------------
@strawberry.type(description="One stage of an agreement's life as one sentence of a document tells it.")
class AgreementEvent:
    model: Private[AgreementEventModel]

    status: AgreementStatus = strawberry.field(default=None)

    date: str | None = strawberry.field(
        default=None,
        description="When it happened: the date the sentence states, else its document's (ISO, possibly partial).",
    )

    ends: str | None = strawberry.field(
        default=None, description="The end the sentence states or implies (ISO, possibly partial), inclusive."
    )

    def __post_init__(self) -> None:
        self.status = self.model.status
        self.date = self.model.date
        self.ends = self.model.ends

    @strawberry.field
    def evidence(self, info: Info) -> Evidence:
        (ev,) = evidence_of(info.context.loader, [self.model.evidence])
        return ev


@strawberry.type(description="An n-ary agreement (MOU, partnership, joint statement, ...) between parties.")
class Agreement:
    model: Private[AgreementModel]
    group: Private[Group]

    id: strawberry.ID = strawberry.field(default=None)

    kind: AgreementKind = strawberry.field(default=None)

    title: str = strawberry.field(default=None)

    def __post_init__(self) -> None:
        self.id = strawberry.ID(self.model.id)
        self.kind = self.model.kind
        self.title = self.model.title
        self.date = self.model.date
        self.topics = list(self.model.topics)
        self.status = self.model.status
        self.ends = self.model.ends

    @strawberry.field
    def parties(self, info: Info) -> list[Actor]:
        return actors_of(info.context.loader, self.model.parties, self.group)

    date: str | None = strawberry.field(
        default=None, description="ISO date, possibly partial (YYYY or YYYY-MM)."
    )

    @strawberry.field
    def place(self, info: Info) -> Actor | None:
        if self.model.place is None:
            return None
        e = info.context.loader.entity(self.model.place)
        return Actor(model=e, group=Group.of([e.id])) if e else None

    topics: list[str] = strawberry.field(default=None)

    status: AgreementStatus = strawberry.field(
        default=None, description="The stage of its latest event (UNKNOWN when no document says)."
    )

    ends: str | None = strawberry.field(
        default=None,
        description="The last period it is in force as its events say (ISO, possibly partial, inclusive); "
        "null when no end is stated or an extension left it open.",
    )

    @strawberry.field(description="Its life as the documents tell it, in order (oldest first).")
    def events(self) -> list[AgreementEvent]:
        return [AgreementEvent(model=e) for e in self.model.events]

    @strawberry.field
    def evidence(self, info: Info) -> list[Evidence]:
        return evidence_of(info.context.loader, self.model.evidence)

    @strawberry.field(description="How many documents and independent publishers support this agreement.")
    def support(self, info: Info) -> Support:
        return support_of(info.context.loader, self.model.evidence)


def agreements_of(loader: Loader, ags: Sequence[AgreementModel]) -> list[Agreement]:
    """Agreement objects whose parties form one group."""
    loader.prime_agreements(ags)
    group = Group.of(p for a in ags for p in a.parties)
    return [Agreement(model=a, group=group) for a in ags]


@strawberry.type(description="A quantified target: metric, value, unit, target year, owner.")
class Goal:
    model: Private[GoalModel]

    id: strawberry.ID = strawberry.field(default=None)

    metric: str = strawberry.field(default=None)

    value: float = strawberry.field(default=None)

    unit: str = strawberry.field(default=None)

    target_year: int | None = strawberry.field(default=None)

    def __post_init__(self) -> None:
        self.id = strawberry.ID(self.model.id)
        self.metric = self.model.metric
        self.value = self.model.value
        self.unit = self.model.unit
        self.target_year = self.model.target_year

    @strawberry.field
    def owner(self, info: Info) -> Actor | None:
        if self.model.owner is None:
            return None
        e = info.context.loader.entity(self.model.owner)
        return Actor(model=e, group=Group.of([e.id])) if e else None

    @strawberry.field
    def evidence(self, info: Info) -> list[Evidence]:
        return evidence_of(info.context.loader, self.model.evidence)


# -- links, collaborators, paths -----------------------------------------------------------
@strawberry.type(
    description="One edge between two actors: a relation, or co-party membership of an agreement "
    "(type PARTY_TO, with `agreement` set), with its evidence."
)
class Link:
    type: RelationType
    reversed: bool = strawberry.field(
        description="True when the step walks a directed relation against its direction."
    )
    # plain values, filled by :func:`links_of` from one batch: a link is
    # the most repeated object of collaborator and path answers, and resolver fields cost
    # several times a plain attribute in strawberry
    source: Actor | None
    target: Actor | None
    agreement: Agreement | None
    evidence: list[Evidence]
    source_id: Private[str]
    target_id: Private[str]
    relation: Private[RelationModel | None]
    agreement_model: Private[AgreementModel | None]

    @strawberry.field(description="How many documents and independent publishers support this link.")
    def support(self, info: Info) -> Support:
        fact = self.relation or self.agreement_model
        return support_of(info.context.loader, fact.evidence if fact is not None else ())


@strawberry.type(
    description="An actor reached from another within a number of hops, with the links that reach it."
)
class Collaborator:
    actor: Actor
    distance: int
    link_count: int = strawberry.field(
        description="How many links reach this actor from actors one hop nearer (on shortest routes): "
        "its strength in the order of `collaborators`."
    )
    hops: Private[list[Hop]]
    batch: Private[LinkBatch]

    @strawberry.field(
        description="Links from actors one hop nearer (on a shortest route) to this one, by the nearer "
        "actor's id, each with its relation or agreement and evidence; `linkCount` says how many there are."
    )
    def links(self, info: Info, first: int = 5) -> list[Link]:
        check_first(first, info.context.settings.max_page_size, "first (links)")
        loader = self.batch.loader or info.context.loader
        self.batch.load(loader, first)
        return links_of(loader, self.hops[:first], self.batch.group, self.batch.asked)


def links_of(loader: Loader, hops: Sequence[Hop], group: Group, asked: AsOf | None = None) -> list[Link]:
    """GraphQL links for ``hops`` (of paths or walks), each with its ends and the relation
    or agreement behind it (as ``asked`` when given), all loaded in one batch (one call per kind)."""
    rels, ags = load_links(loader, hops, asked)
    ents = {
        e.id: Actor(model=e, group=group)
        for e in loader.entities([x for h in hops for x in (h.source, h.target)])
    }
    out = []
    for h in hops:
        rel = rels.get(k) if (k := h.relation_key) is not None else None
        ag = ags.get(h.agreement) if h.agreement is not None else None
        evidence = rel.evidence if rel is not None else ag.evidence if ag is not None else ()
        out.append(
            Link(
                type=h.type,
                reversed=h.reversed,
                source=ents.get(h.source),
                target=ents.get(h.target),
                agreement=Agreement(model=ag, group=group) if ag is not None else None,
                evidence=evidence_of(loader, evidence),
                source_id=h.source,
                target_id=h.target,
                relation=rel,
                agreement_model=ag,
            )
        )
    return out


def links_asked(info: Info) -> int:
    """The most links per collaborator this ``collaborators`` field asks for (the largest
    ``links(first)`` among its selections, fragments included; 0 when it asks none): a store
    that walks in one call returns their facts with the walk."""
    most = 0
    todo: list[Any] = [s for f in info.selected_fields for s in f.selections]
    while todo:
        sel = todo.pop()
        if isinstance(sel, SelectedField):
            if sel.name == "links":
                most = max(most, int(sel.arguments.get("first", 5)))
        else:  # an inline fragment or a fragment spread
            todo.extend(sel.selections)
    return most


def collaborators_of(batch: LinkBatch, rows: Iterable[Row]) -> list[Collaborator]:
    """GraphQL collaborators for the rows of a walk (:func:`qkg.api.walk.walk`: its order,
    and the batch their links load in)."""
    return [
        Collaborator(
            actor=Actor(model=entity, group=batch.group),
            distance=distance,
            link_count=count,
            hops=hops,
            batch=batch,
        )
        for entity, distance, count, hops in rows
    ]


@strawberry.type(description="A path between two actors: the actors visited and each hop with its evidence.")
class PathType:
    length: int
    nodes: list[Actor]
    hops: list[Link]


# -- expected failures ---------------------------------------------------------------------
@strawberry.type(
    description="No actor with that id or name is in the graph, or the name fits several actors only "
    "loosely (another spelling, a shorter or longer form): then they are the candidates."
)
class ActorNotFound:
    message: str
    requested: str = strawberry.field(description="The id or name that was asked for.")
    candidates: list[Actor] = strawberry.field(
        default_factory=list,
        description="Actors the name could mean when it fits several loosely (none is chosen); "
        "empty when nothing fits.",
    )


@strawberry.type(description="No agreement with that id is in the graph.")
class AgreementNotFound:
    message: str
    requested: str = strawberry.field(description="The id that was asked for.")


@strawberry.type(description="No document with that id is in the graph.")
class DocumentNotFound:
    message: str
    requested: str = strawberry.field(description="The id that was asked for.")


ActorResult = Annotated[Actor | ActorNotFound, strawberry.union("ActorResult")]
AgreementResult = Annotated[Agreement | AgreementNotFound, strawberry.union("AgreementResult")]
DocumentResult = Annotated[Document | DocumentNotFound, strawberry.union("DocumentResult")]
