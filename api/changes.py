"""Record time in GraphQL: the change feed (``changes``) and ``knownAt``.

Both read the store's ledger (:mod:`qkg.graph.merge`, :mod:`qkg.graph.known`), so every store
answers them alike. Their answers are never put in the answer cache: the cache is keyed by the
graph version, which says what the graph holds, not what happened to it (adding a document
and removing it again restores the version, not the history).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING

import strawberry

from qkg.graph.merge import Change as ChangeModel
from qkg.graph.merge import fact_of
from qkg.schemas import RelationType, ValidationError

from .pages import Connection, check_first, decode_cursor, paginate
from .types import RelationTypeEnum  # noqa: F401 - registers RelationType with strawberry first

if TYPE_CHECKING:
    from .context import Context

    Info = strawberry.Info[Context, None]

__all__ = ["Change", "ChangeKind", "changes"]


@strawberry.enum(description="What happened to a fact.")
class ChangeKind(Enum):
    ADDED = "ADDED"
    RETRACTED = "RETRACTED"


@strawberry.type(
    description="One fact added or retracted: a document version stating it was recorded (ADDED) or "
    "removed or replaced (RETRACTED), when the store did it, and the graph version right after."
)
class Change:
    model: strawberry.Private[ChangeModel]

    at: dt.datetime = strawberry.field(default=None, description="When the store recorded the change (UTC).")
    kind: ChangeKind = strawberry.field(default=None)
    event: int = strawberry.field(
        default=None, description="The store's write event that made it (events are numbered in order)."
    )
    graph_version: str = strawberry.field(
        default=None, description="`stats { graphVersion }` right after the event: a `since` for later."
    )
    document_id: strawberry.ID = strawberry.field(default=None, description="The document that caused it.")
    fact: str = strawberry.field(
        default=None,
        description="The fact, as the ledger keys it: `R<TAB>source<TAB>TYPE<TAB>target` for a relation, "
        "`A<TAB>agreement<TAB>party...` for an agreement.",
    )
    type: RelationType = strawberry.field(
        default=None, description="The relation's type; PARTY_TO for an agreement."
    )
    source: strawberry.ID | None = strawberry.field(default=None, description="A relation's source actor id.")
    target: strawberry.ID | None = strawberry.field(default=None, description="A relation's target actor id.")
    agreement: strawberry.ID | None = strawberry.field(default=None, description="An agreement's id.")

    def __post_init__(self) -> None:
        m = self.model
        source, kind, target, agreement = fact_of(m.fact)
        self.at = m.at
        self.kind = ChangeKind(m.kind)
        self.event = m.seq
        self.graph_version = m.version
        self.document_id = strawberry.ID(m.document_id)
        self.fact = m.fact
        self.type = RelationType(kind)
        self.source = strawberry.ID(source) if source else None
        self.target = strawberry.ID(target) if target else None
        self.agreement = strawberry.ID(agreement) if agreement is not None else None


def changes(info: Info, since: str, first: int, after: str | None) -> Connection[Change]:
    """The page of the change feed since ``since`` (a graph version or an ISO date-time)."""
    check_first(first, info.context.settings.max_page_size)
    info.context.volatile = True
    offset = decode_cursor(after)
    try:
        total, page = info.context.store.changes_page(since, offset, first)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    return paginate([Change(model=c) for c in page], offset, total)
