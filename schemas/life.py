"""The life of an agreement: the order of its events, its status and its end.

One rule, used by extraction (one document's events), the stores' merge (the union of every
document's events) and the read side's "as of" answers (the events known by a date):

- events are ordered by date (partial dates by their first day; undated events first, since
  they cannot be placed after a dated one), then by life-cycle stage
  (announced < signed < active < extended < ended), then by what they say;
- the **status** is the last event's (``UNKNOWN`` without events);
- the **end** is the one the latest event stating an end gives, walking the events in order;
  an extension stated without a new end clears an earlier end ("a three-year MOU signed in
  2022" ends in 2025 unless an extension is stated).

>>> import datetime as dt
>>> bounds("2024-02")
(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
>>> add_years("2022-05", 3)
'2025-05'
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .ontology import AgreementStatus

if TYPE_CHECKING:
    from .models import AgreementEvent

__all__ = ["STAGES", "add_years", "bounds", "event_key", "life", "ordered_events"]

#: The stages an event reports, in life-cycle order (``UNKNOWN`` is no stage).
STAGES: tuple[AgreementStatus, ...] = tuple(s for s in AgreementStatus if s is not AgreementStatus.UNKNOWN)
_RANK = {s: i for i, s in enumerate(STAGES)}


def bounds(date: str) -> tuple[dt.date, dt.date]:
    """First and last day of a (partial) ISO date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> bounds("2030")
    (datetime.date(2030, 1, 1), datetime.date(2030, 12, 31))
    """
    year = int(date[:4])
    if len(date) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(date[5:7])
    if len(date) == 7:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date.fromisoformat(date)
    return day, day


def add_years(date: str, years: int) -> str:
    """``date`` moved by whole years, at its own precision (29 February becomes the 28th).

    >>> add_years("2024-02-29", 1), add_years("2022", 3)
    ('2025-02-28', '2025')
    """
    year = int(date[:4]) + years
    if len(date) < 10:
        return f"{year:04d}{date[4:]}"
    month, day = int(date[5:7]), int(date[8:10])
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1])).isoformat()


def event_key(event: AgreementEvent) -> tuple[bool, dt.date, int, int, str, tuple[str, int, int, str, float]]:
    """The order of events (see the module docstring); total, so the order never depends on input order."""
    ev = event.evidence
    first = bounds(event.date)[0] if event.date is not None else dt.date.min
    return (
        event.date is not None,
        first,
        _RANK[event.status],
        len(event.date or ""),
        event.ends or "",
        (ev.document_id, ev.start, ev.end, ev.rule, ev.confidence),
    )


def ordered_events(events: Iterable[AgreementEvent]) -> tuple[AgreementEvent, ...]:
    """``events`` once each, in :func:`event_key` order."""
    return tuple(sorted(set(events), key=event_key))


def life(events: Iterable[AgreementEvent]) -> tuple[AgreementStatus, str | None]:
    """``(status, ends)`` of an agreement with these events (see the module docstring)."""
    status, ends = AgreementStatus.UNKNOWN, None
    for e in ordered_events(events):
        status = e.status
        if e.ends is not None:
            ends = e.ends
        elif e.status is AgreementStatus.EXTENDED:
            ends = None
    return status, ends
