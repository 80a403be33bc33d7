"""Relay-style pagination: opaque cursors, page-size checks and connections with totals.

Lists of the public API are bounded (``first:`` with a default and a limit); a cursor names a
position in a deterministic ordering and is refused, with the reason, when this API did not
issue it.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Generic, TypeVar

import strawberry

from qkg.schemas import LimitExceeded

__all__ = ["Connection", "Edge", "PageInfo", "check_first", "decode_cursor", "encode_cursor", "paginate"]

T = TypeVar("T")

_CURSOR_PREFIX = "qkg:v1:"


def encode_cursor(offset: int) -> str:
    """An opaque cursor for a position in a deterministic ordering."""
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The offset *after* ``cursor`` (0 for none); a malformed cursor, or one whose position is
    not a plain non-negative integer (``-5`` would count from the end), raises LimitExceeded.

    >>> decode_cursor(encode_cursor(4))
    5
    """
    if cursor is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (ValueError, UnicodeDecodeError):
        raw = ""
    position = raw.removeprefix(_CURSOR_PREFIX)
    if not raw.startswith(_CURSOR_PREFIX) or not (position.isascii() and position.isdigit()):
        raise LimitExceeded(
            f"cursor {cursor[:40]!r} is not a cursor this API issued (its position must be a whole "
            "number from 0; use a cursor from `edges` or `pageInfo`)"
        )
    return int(position) + 1


def check_first(first: int, limit: int, name: str = "first") -> int:
    """``first`` itself when ``0 <= first <= limit``, else LimitExceeded naming the limit."""
    if first < 0 or first > limit:
        raise LimitExceeded(f"{name} must be between 0 and {limit} (page size limit), got {first}")
    return first


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A Relay-style page with the total count of matching items.")
class Connection(Generic[T]):
    total_count: int
    edges: list[Edge[T]]
    page_info: PageInfo

    # strawberry's `field(description=...)` overload is untyped (pyproject's mypy override lists
    # qkg.api.types and qkg.api.resolvers for it)
    @strawberry.field(description="The nodes of `edges`, for clients that do not need cursors.")  # type: ignore[untyped-decorator, unused-ignore]
    def nodes(self) -> list[T]:
        return [e.node for e in self.edges]


def paginate(items: Sequence[T], offset: int, total: int) -> Connection[T]:
    """A connection over ``items`` (already sliced) that start at ``offset`` of ``total``."""
    edges = [Edge(cursor=encode_cursor(offset + i), node=n) for i, n in enumerate(items)]
    return Connection(
        total_count=total,
        edges=edges,
        page_info=PageInfo(
            has_next_page=offset + len(items) < total,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
