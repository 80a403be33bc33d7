"""The root ``Query`` and ``Mutation`` types: what analysts and programs can ask and change.

Resolvers are synchronous (the whole operation runs in a worker thread, see
:mod:`qkg.api.router`) and go through the request's loader so sibling objects load together.
Expected failures are union members (``ActorNotFound``, ``Unauthorized``, ...); requests beyond
a limit raise :class:`~qkg.schemas.LimitExceeded`, whose message names the limit.
"""

from __future__ import annotations

import datetime as dt
import time
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from qkg.graph.merge import AsOf
from qkg.graph.reading import paths as find_paths
from qkg.graph.store import MAX_PATH_HOPS, MAX_PATHS
from qkg.schemas import (
    AgreementKind,
    AgreementStatus,
    Entity,
    EntityFilter,
    EntityType,
    LimitExceeded,
    NotFound,
    QkgError,
    RelationType,
    ValidationError,
    normalise_name,
)

from .changes import Change, changes
from .context import Group
from .names import Lookup, find_actor, same_actor
from .scores import CentralityMetric, Scores
from .search import search_graph
from .types import (
    DEFAULT_VIA,
    Actor,
    ActorNotFound,
    ActorResult,
    Agreement,
    AgreementNotFound,
    AgreementResult,
    Connection,
    Document,
    DocumentNotFound,
    DocumentResult,
    Info,
    Link,
    PathType,
    actors_of,
    agreements_of,
    as_of_asked,
    check_first,
    check_min_support,
    decode_cursor,
    links_of,
    paginate,
)

__all__ = ["Mutation", "Query"]


# -- inputs ---------------------------------------------------------------------------------
@strawberry.input(description="Which actors to list; all conditions must hold.")
class ActorFilter:
    types: list[EntityType] | None = None
    country: str | None = strawberry.field(default=None, description="ISO 3166 alpha-2 code, e.g. KR.")
    name_contains: str | None = strawberry.field(
        default=None, description="Case- and accent-insensitive match on the name or an alias."
    )
    technology: strawberry.ID | None = strawberry.field(
        default=None, description="Keep actors that work on or develop this technology (its id)."
    )


@strawberry.input(description="Which agreements to list; dates are (partial) ISO dates, inclusive.")
class AgreementFilter:
    kind: AgreementKind | None = None
    party: strawberry.ID | None = strawberry.field(default=None, description="An actor id or name.")
    from_: str | None = strawberry.field(default=None, name="from", description="Earliest date, e.g. 2024.")
    to: str | None = strawberry.field(default=None, description="Latest date, e.g. 2025-06.")
    status: AgreementStatus | None = strawberry.field(
        default=None, description="Keep agreements whose status (their latest event's) is this one."
    )
    as_of: dt.date | None = strawberry.field(
        default=None,
        description="Keep agreements in force on this date, each as the documents published by then "
        "tell it (its events, status and end as of that date; ended ones are left out).",
    )
    known_at: dt.datetime | None = strawberry.field(
        default=None,
        description="The agreements the graph held at this moment (record time: documents removed or "
        "replaced since still count, with their evidence; documents recorded later do not).",
    )


@strawberry.enum(description="How the paths found are ordered.")
class PathRank(Enum):
    LENGTH = "length"
    WEAKEST_SUPPORT = "weakest_support"


def _documents(link: Link) -> int:
    """The distinct documents behind a link's evidence (its support's ``documents``)."""
    return len({e.model.document_id for e in link.evidence})


# -- result types ---------------------------------------------------------------------------
@strawberry.type(description="The paths found between two actors; `found` is false when there is none.")
class Paths:
    from_: Actor = strawberry.field(name="from")
    to: Actor
    found: bool
    max_hops: int
    message: str
    paths: list[PathType]


PathsResult = Annotated[Paths | ActorNotFound, strawberry.union("PathsResult")]
SearchNode = Annotated[Actor | Agreement | Document, strawberry.union("SearchNode")]


@strawberry.type(description="One search result with its relevance score (higher is better).")
class SearchHit:
    score: float
    node: SearchNode


@strawberry.type
class CentralityScore:
    rank: int
    score: float
    actor: Actor


@strawberry.type(description="A community of the collaboration network (Louvain, seeded).")
class Community:
    id: int
    size: int
    modularity: float = strawberry.field(description="Modularity of the whole partition.")
    member_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Members, most connected inside the projection first.")
    def members(self, info: Info, first: int = 100) -> list[Actor]:
        check_first(first, info.context.settings.max_page_size)
        return actors_of(info.context.loader, self.member_ids[:first])


@strawberry.type
class TypeCount:
    type: str
    count: int


@strawberry.type(description="Counts of what the graph holds.")
class Stats:
    documents: int
    entities: int
    relations: int
    agreements: int
    goals: int
    evidence: int
    entities_by_type: list[TypeCount]
    relations_by_type: list[TypeCount]
    graph_version: str
    store: str


# -- helpers --------------------------------------------------------------------------------
def _resolve_actor(info: Info, key: str) -> Entity | None:
    """An entity by id, else by name or alias (:func:`_find_by_name`)."""
    loader = info.context.loader
    e = loader.entity(key)
    if e is not None:
        return e
    found = _find_by_name(info, key).found
    if found is not None:
        loader.prime([found])
    return found


def _find_by_name(info: Info, name: str) -> Lookup:
    """The actor named ``name`` (the first in the store's order when several have exactly
    that name), else under the first of its other spellings the store knows ("the City of
    Columbus" -> "Columbus", "Orbion Quantum" -> "Orbion"); a spelling that fits several
    actors finds none and gives them as candidates (:func:`qkg.api.names.find_actor`)."""
    return find_actor(info.context.store, name)


def _not_found(
    id: str | None = None, name: str | None = None, candidates: tuple[Entity, ...] = ()
) -> ActorNotFound:
    what = f"id {id!r}" if id is not None else f"id or name {name!r}"
    if candidates:
        names = ", ".join(repr(e.name) for e in candidates[:5])
        message = f"The name {name!r} could mean {len(candidates)} actors ({names}); ask one of them"
    else:
        message = f"No actor with {what} is in the graph"
    group = Group.of(e.id for e in candidates)
    return ActorNotFound(
        message=message,
        requested=id or name or "",
        candidates=[Actor(model=e, group=group) for e in candidates],
    )


def _paths(
    info: Info,
    src: Entity,
    dst: Entity,
    max_hops: int,
    via: list[RelationType] | None,
    first: int,
    asked: AsOf | None = None,
    rank: PathRank = PathRank.LENGTH,
    known_at: dt.datetime | None = None,
) -> Paths:
    loader = info.context.loader_at(known_at)
    types = sorted(set(via)) if via else None
    try:
        store = info.context.store
        found = (
            store.paths(src.id, dst.id, max_hops=max_hops, types=types, k=first, asked=asked)
            if loader.store is store
            else find_paths(
                loader.store, src.id, dst.id, max_hops=max_hops, types=types, k=first, asked=asked
            )
        )
    except NotFound:  # an end the graph did not hold yet at `knownAt`
        found = []
    nodes = list(dict.fromkeys(n for p in found for n in p.nodes))
    loader.want_entities(nodes)
    group = Group.of(nodes)
    links = iter(
        links_of(loader, [h for p in found for h in p.hops], group, asked)
    )  # one batch for every path
    out = []
    for p in found:
        hops = [next(links) for _ in p.hops]
        out.append(PathType(length=p.length, nodes=actors_of(loader, list(p.nodes), group), hops=hops))
    if rank is PathRank.WEAKEST_SUPPORT:  # strongest weakest hop first; the search's order breaks ties
        out.sort(key=lambda path: -min((_documents(h) for h in path.hops), default=0))
    if out:
        message = f"{len(out)} path(s) of at most {max_hops} hops"
    else:
        message = f"No path between {src.name!r} and {dst.name!r} within {max_hops} hops"
    return Paths(
        from_=Actor(model=src, group=Group.of([src.id])),
        to=Actor(model=dst, group=Group.of([dst.id])),
        found=bool(out),
        max_hops=max_hops,
        message=message,
        paths=out,
    )


# -- queries --------------------------------------------------------------------------------
@strawberry.type(description="What analysts and programs can ask qkg.")
class Query:
    @strawberry.field(description="One actor by id, or by name or alias (case- and accent-insensitive).")
    def actor(self, info: Info, id: strawberry.ID | None = None, name: str | None = None) -> ActorResult:
        if (id is None) == (name is None):
            raise ValidationError("actor needs exactly one of `id` or `name`")
        loader = info.context.loader
        if id is not None:
            e = loader.entity(str(id))
            return Actor(model=e, group=Group.of([e.id])) if e else _not_found(id=str(id))
        assert name is not None
        got = _find_by_name(info, name)
        if got.found is None:
            loader.prime(got.candidates)
            return _not_found(name=name, candidates=got.candidates)
        merged = same_actor(info.context.store, got.found)
        loader.prime([got.found, *merged])
        return Actor(model=got.found, group=Group.of([got.found.id]), merged=merged)

    @strawberry.field(description="Actors, filtered, in name order, as a Relay connection.")
    def actors(
        self, info: Info, filter: ActorFilter | None = None, first: int = 20, after: str | None = None
    ) -> Connection[Actor]:
        check_first(first, info.context.settings.max_page_size)
        flt = None
        if filter is not None:
            flt = EntityFilter(
                types=frozenset(filter.types) if filter.types else None,
                country=filter.country.upper() if filter.country else None,
                name_contains=filter.name_contains,
                technology=str(filter.technology) if filter.technology else None,
            )
        store = info.context.store
        offset = decode_cursor(after)
        ents = store.entities(flt, limit=first, offset=offset)
        total = store.count_entities(flt)
        info.context.loader.prime(ents)
        group = Group.of(e.id for e in ents)
        return paginate([Actor(model=e, group=group) for e in ents], offset, total)

    @strawberry.field(description="Agreements, filtered, oldest first (undated last), as a Relay connection.")
    def agreements(
        self, info: Info, filter: AgreementFilter | None = None, first: int = 50, after: str | None = None
    ) -> Connection[Agreement]:
        check_first(first, info.context.settings.max_page_size)
        f = filter or AgreementFilter()
        party = None
        if f.party is not None:
            e = _resolve_actor(info, str(f.party))
            if e is None:
                return paginate([], 0, 0)
            party = e.id
        ags = info.context.loader_at(f.known_at).store.agreements(
            party=party, kind=f.kind, since=f.from_, until=f.to, as_of=f.as_of
        )
        if f.status is not None:
            ags = [a for a in ags if a.status is f.status]
        offset = decode_cursor(after)
        return paginate(agreements_of(info.context.loader, ags[offset : offset + first]), offset, len(ags))

    @strawberry.field(
        description="One agreement by id. `asOf`: as the documents published by then tell it (its "
        "events, status, end, evidence and support as of that date), or `AgreementNotFound` when it "
        "is not in force on that date, as `agreements(filter: {asOf})` leaves it out. `knownAt`: as "
        "the graph held it at that moment (record time), or `AgreementNotFound` when it held none."
    )
    def agreement(
        self,
        info: Info,
        id: strawberry.ID,
        as_of: dt.date | None = None,
        known_at: dt.datetime | None = None,
    ) -> AgreementResult:
        key = str(id)
        loader = info.context.loader_at(known_at)
        graph = "the graph" if known_at is None else f"the graph held at {known_at.isoformat()}"
        found = loader.agreements_by_id([key], None if as_of is None else AsOf(as_of))
        if key in found:
            return agreements_of(info.context.loader, [found[key]])[0]
        if as_of is not None and loader.agreements_by_id([key]):
            return AgreementNotFound(
                message=f"Agreement {key!r} is not in force on {as_of.isoformat()}", requested=key
            )
        return AgreementNotFound(message=f"No agreement with id {key!r} is in {graph}", requested=key)

    @strawberry.field(
        description=f"Up to `first` (<= {MAX_PATHS}) shortest paths of at most `maxHops` (<= {MAX_PATH_HOPS}) "
        "hops between two actors (ids or names), over relations and shared agreements, each hop "
        "with its evidence. `asOf`: only over relations and agreements in force on that date, as the "
        "documents published by then give them; `minSupport`: only over those backed by at least that "
        "many distinct documents; `rankBy: WEAKEST_SUPPORT` orders the paths found by the support of "
        "their weakest hop, strongest first; `knownAt`: over what the graph held at that moment "
        "(record time), each hop with the evidence it had then."
    )
    def paths(
        self,
        info: Info,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
        max_hops: int = 4,
        via: list[RelationType] | None = None,
        first: int = 10,
        as_of: dt.date | None = None,
        min_support: int | None = None,
        rank_by: PathRank = PathRank.LENGTH,
        known_at: dt.datetime | None = None,
    ) -> PathsResult:
        if not 1 <= max_hops <= MAX_PATH_HOPS:
            raise LimitExceeded(
                f"maxHops must be between 1 and {MAX_PATH_HOPS} (path hop limit), got {max_hops}"
            )
        if not 1 <= first <= MAX_PATHS:
            raise LimitExceeded(f"first must be between 1 and {MAX_PATHS} (path count limit), got {first}")
        asked = as_of_asked(as_of, min_support)
        info.context.loader.want_entities([from_, to])  # both ends in one lookup
        src = _resolve_actor(info, from_)
        if src is None:
            return _not_found(name=from_)
        dst = _resolve_actor(info, to)
        if dst is None:
            return _not_found(name=to)
        return _paths(info, src, dst, max_hops, via, first, asked, rank_by, known_at)

    @strawberry.field(
        description="Actors, agreements and documents matching `text` by name, alias or title, best first."
    )
    def search(self, info: Info, text: str, first: int = 20) -> list[SearchHit]:
        check_first(first, info.context.settings.max_page_size)
        if len(text) > 200:
            raise LimitExceeded(f"search text of {len(text)} characters is above the limit of 200")
        if not normalise_name(text):
            return []
        loader = info.context.loader
        hits = search_graph(info.context.store, text, first, titles=info.context.caches.titles)
        loader.prime(h.entity for h in hits if h.entity is not None)
        group = Group.of(h.entity.id for h in hits if h.entity is not None)
        ags = [h.agreement for h in hits if h.agreement is not None]
        ag_objs = {a.model.id: a for a in agreements_of(loader, ags)}
        out = []
        for h in hits:
            node: Actor | Agreement | Document
            if h.entity is not None:
                node = Actor(model=h.entity, group=group)
            elif h.agreement is not None:
                node = ag_objs[h.agreement.id]
            else:
                assert h.document is not None
                node = Document(model=h.document)
            out.append(SearchHit(score=h.score, node=node))
        return out

    @strawberry.field(
        description="The top actors by a centrality measure on a projection of the graph: `via` "
        "relation types (default: partnerships and co-parties of agreements), entity `types`, "
        "a time window `from`/`to` (years or ISO dates) on the evidence's publication dates, `asOf` "
        "(only relations and agreements in force on that date, as the documents published by then "
        "give them) and `minSupport` (only those backed by at least that many distinct documents)."
    )
    def centrality(
        self,
        info: Info,
        metric: CentralityMetric = CentralityMetric.DEGREE,
        types: list[EntityType] | None = None,
        via: list[RelationType] | None = None,
        from_: Annotated[str | None, strawberry.argument(name="from")] = None,
        to: str | None = None,
        top: int = 10,
        as_of: dt.date | None = None,
        min_support: int | None = None,
    ) -> list[CentralityScore]:
        check_first(top, info.context.settings.max_page_size, "top")
        check_min_support(min_support)
        scores = Scores.for_request(info.context)
        when: dict[str, Any] = {"since": from_, "until": to, "as_of": as_of, "min_support": min_support}
        ranking = scores.ranking(metric, via=via or DEFAULT_VIA, types=types, top=top, **when)
        actors = {a.model.id: a for a in actors_of(info.context.loader, [i for i, _ in ranking])}
        return [
            CentralityScore(rank=n, score=s, actor=actors[i])
            for n, (i, s) in enumerate(ranking, start=1)
            if i in actors
        ]

    @strawberry.field(
        description="Communities (Louvain, seeded) of a projection of the graph, largest first "
        "(`asOf` and `minSupport` as on `centrality`)."
    )
    def communities(
        self,
        info: Info,
        via: list[RelationType] | None = None,
        types: list[EntityType] | None = None,
        from_: Annotated[str | None, strawberry.argument(name="from")] = None,
        to: str | None = None,
        top: int = 20,
        as_of: dt.date | None = None,
        min_support: int | None = None,
    ) -> list[Community]:
        check_first(top, info.context.settings.max_page_size, "top")
        check_min_support(min_support)
        result = Scores.for_request(info.context).communities(
            via=via or DEFAULT_VIA, types=types, since=from_, until=to, as_of=as_of, min_support=min_support
        )
        return [
            Community(id=c.index, size=c.size, modularity=result.modularity, member_ids=list(c.members))
            for c in result.communities[:top]
        ]

    @strawberry.field(description="Loaded documents, oldest first (undated last), as a Relay connection.")
    def documents(self, info: Info, first: int = 50, after: str | None = None) -> Connection[Document]:
        check_first(first, info.context.settings.max_page_size)
        docs = info.context.store.documents()
        info.context.loader.prime_documents(docs)
        offset = decode_cursor(after)
        return paginate([Document(model=d) for d in docs[offset : offset + first]], offset, len(docs))

    @strawberry.field(description="One document by id (its SHA-256), with what it contributed.")
    def document(self, info: Info, id: strawberry.ID) -> DocumentResult:
        d = info.context.loader.document(str(id))
        if d is None:
            return DocumentNotFound(
                message=f"No document with id {str(id)!r} is in the graph", requested=str(id)
            )
        return Document(model=d)

    @strawberry.field(
        description="Facts added and retracted since `since`, oldest first: `since` is a "
        "`stats { graphVersion }` value (the changes after the write that left the graph at it) or an "
        "ISO date-time (the changes recorded after it; without a zone, UTC). Each change names the "
        "document whose recording or removal caused it, when, and the graph version after it."
    )
    def changes(
        self, info: Info, since: str, first: int = 50, after: str | None = None
    ) -> Connection[Change]:
        return changes(info, since, first, after)

    @strawberry.field(
        description="Counts of what the graph holds; `asOf`: as of that date (the documents published "
        "by then, the relations and agreements in force then, the goals those documents state, and "
        "the actors these involve)."
    )
    def stats(self, info: Info, as_of: dt.date | None = None) -> Stats:
        store = info.context.store
        s = store.stats() if as_of is None else store.stats_as_of(as_of)
        return Stats(
            documents=s.documents,
            entities=s.entities,
            relations=s.relations,
            agreements=s.agreements,
            goals=s.goals,
            evidence=s.evidence,
            entities_by_type=[TypeCount(type=k, count=v) for k, v in sorted(s.entities_by_type.items())],
            relations_by_type=[TypeCount(type=k, count=v) for k, v in sorted(s.relations_by_type.items())],
            graph_version=store.version,
            store=store.kind,
        )


# -- mutations ------------------------------------------------------------------------------
@strawberry.type(description="Mutations are off because no API key is configured (QKG_API_KEYS).")
class MutationsDisabled:
    message: str


@strawberry.type(description="The request carried no valid API key.")
class Unauthorized:
    message: str


@strawberry.type(description="The document could not be ingested; `message` says why.")
class IngestRejected:
    message: str


@strawberry.type(description="What ingesting a document did.")
class IngestSuccess:
    document: Document
    changed: bool = strawberry.field(description="False when this exact document was already loaded.")
    replaced: list[strawberry.ID] = strawberry.field(description="Older versions (same source) it replaced.")
    entities: int
    relations: int
    agreements: int
    goals: int


@strawberry.type
class RemoveSuccess:
    id: strawberry.ID
    message: str


IngestResult = Annotated[
    IngestSuccess | IngestRejected | MutationsDisabled | Unauthorized, strawberry.union("IngestResult")
]
RemoveResult = Annotated[
    RemoveSuccess | DocumentNotFound | MutationsDisabled | Unauthorized, strawberry.union("RemoveResult")
]


def _denied(info: Info) -> MutationsDisabled | Unauthorized | None:
    info.context.mutated = True
    if not info.context.settings.api_keys:
        info.context.denied = True
        return MutationsDisabled(
            message="Mutations are disabled: no API key is configured (set QKG_API_KEYS)"
        )
    if not info.context.authenticated:
        info.context.denied = True
        return Unauthorized(
            message="Missing or invalid API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
        )
    return None


def _caller_key(info: Info) -> str | None:
    """The API key the (authenticated) request presented: a document it ingests can be
    replaced only with the same key (see :mod:`qkg.api.ingest`)."""
    from .limits import api_key_from_headers

    request = info.context.request
    return None if request is None else api_key_from_headers(request.scope.get("headers", []))


def _owned_by_another_key(info: Info, document_id: str) -> Unauthorized | None:
    """A document ingested through the API belongs to the key that ingested it while that key
    is configured: another key may not remove it (as it may not replace it). Documents loaded
    with ``qkg load``, and those whose key is no longer configured, any key may remove."""
    from .ingest import key_fingerprint, owner_of

    stored = info.context.loader.document(document_id)
    owner = None if stored is None else owner_of(stored.source)
    if owner is None or owner == key_fingerprint(_caller_key(info) or ""):
        return None
    if owner not in {key_fingerprint(k.get_secret_value()) for k in info.context.settings.api_keys}:
        return None
    info.context.denied = True
    return Unauthorized(
        message=f"Document {document_id!r} was ingested with another API key; only that key may remove it"
    )


def _ingest_time_limit(info: Info) -> float:
    """Extraction through the API stops within what is left of the request's deadline: past
    ``QKG_REQUEST_TIMEOUT`` the client has its timeout answer, and a document extracted and
    stored after that would change the graph behind an answer that said it failed."""
    settings = info.context.settings
    left = info.context.deadline - time.monotonic()  # inf outside a request: the extraction limit
    # a fifth of the request's time (at least half a second) is left for the last stretch of
    # extraction between two clock checks, storing the document and answering
    margin = max(0.5, settings.request_timeout / 5)
    return min(settings.extract_time_limit, max(0.001, left - margin))


def _count_document(info: Info, outcome: str) -> None:
    if info.context.telemetry is not None:
        info.context.telemetry.document(outcome)


@strawberry.type(description="Changes to the graph; each needs an API key.")
class Mutation:
    @strawberry.mutation(
        description="Extract a document's facts and add them to the graph. Give exactly one of "
        "`text` (plain text) or `file` (an upload per the GraphQL multipart request spec: text, "
        "Markdown, HTML or PDF, read as `qkg load` reads that file)."
    )
    def ingest_document(
        self,
        info: Info,
        text: str | None = None,
        file: Upload | None = None,
        title: str = "",
        source: str | None = None,
        published_at: dt.date | None = None,
    ) -> IngestResult:
        denied = _denied(info)
        if denied is not None:
            return denied
        if (text is None) == (file is None):
            raise ValidationError("ingestDocument needs exactly one of `text` or `file`")
        limit = info.context.settings.max_ingest_bytes
        from .ingest import check_size, document_from_text, document_from_upload, ingest

        try:
            if text is not None:
                check_size(len(text.encode()), limit)
                doc = document_from_text(text, title=title, source=source, published=published_at)
            else:
                doc = document_from_upload(
                    file, limit=limit, title=title, source=source, published=published_at
                )
            delta, result = ingest(
                info.context.store,
                doc,
                time_limit=_ingest_time_limit(info),
                key=_caller_key(info),
                before_write=info.context.check_deadline,
            )
        except (QkgError, ValueError) as exc:
            _count_document(info, "rejected")
            message = str(exc)
            if isinstance(exc, LimitExceeded):
                message += (
                    f"; through the API, extraction also stops within the request time limit of "
                    f"{info.context.settings.request_timeout:g} s (QKG_REQUEST_TIMEOUT)"
                )
            return IngestRejected(message=message)
        _count_document(info, "loaded" if result.changed else "unchanged")
        stored = info.context.loader.document(result.document_id)
        assert stored is not None
        return IngestSuccess(
            document=Document(model=stored),
            changed=result.changed,
            replaced=[strawberry.ID(r) for r in result.replaced],
            entities=len(delta.entities),
            relations=len(delta.relations),
            agreements=len(delta.agreements),
            goals=len(delta.goals),
        )

    @strawberry.mutation(description="Remove a document and every fact only it supported.")
    def remove_document(self, info: Info, id: strawberry.ID) -> RemoveResult:
        denied = _denied(info)
        if denied is not None:
            return denied
        foreign = _owned_by_another_key(info, str(id))
        if foreign is not None:
            return foreign
        try:
            info.context.store.remove_document(str(id))
        except NotFound:
            return DocumentNotFound(
                message=f"No document with id {str(id)!r} is in the graph", requested=str(id)
            )
        return RemoveSuccess(id=id, message=f"Removed document {str(id)!r}")
