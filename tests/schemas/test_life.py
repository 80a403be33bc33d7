"""The life of an agreement: event order, status and end, the one rule extraction, merge and
the "as of" answers share."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qkg.schemas import AgreementEvent, AgreementStatus, Document
from qkg.schemas.life import STAGES, add_years, bounds, event_key, life, ordered_events
from tests import factories as f

from .rdf_strategies import partial_dates

S = AgreementStatus
TEXT = (
    "Orvane Labs and Telmar University signed a three-year MOU. "
    "The two extended the MOU. "
    "The MOU runs through 2031. "
    "The MOU expired."
)
DOC = Document.from_text(TEXT)
SIGNED, EXTENDED, RUNS, EXPIRED = (
    f.evidence(DOC, s)
    for s in (
        "Orvane Labs and Telmar University signed a three-year MOU.",
        "The two extended the MOU.",
        "The MOU runs through 2031.",
        "The MOU expired.",
    )
)


def _event(
    status: AgreementStatus, date: str | None, ends: str | None = None, ev: object = SIGNED
) -> AgreementEvent:
    return AgreementEvent(status=status, date=date, ends=ends, evidence=ev)


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024-07-14", dt.date(2024, 7, 14), dt.date(2024, 7, 14)),
    ],
)
def test_bounds_of_partial_dates(date: str, first: dt.date, last: dt.date) -> None:
    assert bounds(date) == (first, last)


@given(partial_dates().filter(lambda d: d is not None and d < "9000"), st.integers(0, 50))
def test_add_years_keeps_the_precision_and_moves_the_year(date: str, years: int) -> None:
    moved = add_years(date, years)
    assert len(moved) == len(date)
    assert int(moved[:4]) == int(date[:4]) + years
    assert bounds(moved)[0] >= bounds(date)[0]


def test_no_events_say_nothing() -> None:
    assert life(()) == (S.UNKNOWN, None)


def test_status_is_the_latest_event_and_a_stated_duration_ends_it() -> None:
    events = [_event(S.ANNOUNCED, "2021-11"), _event(S.SIGNED, "2022", "2025")]
    assert life(events) == (S.SIGNED, "2025")


def test_an_extension_without_a_new_end_leaves_the_end_open() -> None:
    events = [_event(S.SIGNED, "2022", "2025"), _event(S.EXTENDED, "2025-03", ev=EXTENDED)]
    assert life(events) == (S.EXTENDED, None)


def test_a_later_stated_end_replaces_an_earlier_one() -> None:
    events = [
        _event(S.SIGNED, "2022", "2025"),
        _event(S.EXTENDED, "2025-03", ev=EXTENDED),
        _event(S.ACTIVE, "2026", "2031", ev=RUNS),
    ]
    assert life(events) == (S.ACTIVE, "2031")


def test_same_day_events_follow_the_life_cycle() -> None:
    # one document's date for all: "signed ... and pulled out" reads signed, then ended
    events = [_event(S.ENDED, "2024-06-01", ev=EXPIRED), _event(S.SIGNED, "2024-06-01")]
    assert life(events)[0] is S.ENDED
    assert [e.status for e in ordered_events(events)] == [S.SIGNED, S.ENDED]


def test_undated_events_come_before_dated_ones() -> None:
    events = [_event(S.ENDED, None, ev=EXPIRED), _event(S.SIGNED, "2020")]
    assert [e.status for e in ordered_events(events)] == [S.ENDED, S.SIGNED]


def test_a_month_is_later_than_its_year_started() -> None:
    events = [_event(S.ACTIVE, "2023-05", ev=RUNS), _event(S.SIGNED, "2023")]
    assert [e.status for e in ordered_events(events)] == [S.SIGNED, S.ACTIVE]


_EVENTS = st.lists(
    st.builds(
        AgreementEvent,
        status=st.sampled_from(STAGES),
        date=partial_dates(),
        ends=partial_dates(),
        evidence=st.sampled_from([SIGNED, EXTENDED, RUNS, EXPIRED]),
    ),
    max_size=6,
)


@given(_EVENTS, st.randoms(use_true_random=False))
def test_life_does_not_depend_on_the_order_or_repetition_of_events(
    events: list[AgreementEvent], rnd: object
) -> None:
    shuffled = events + events[:2]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert life(shuffled) == life(events)
    assert ordered_events(shuffled) == ordered_events(events)
    assert [event_key(e) for e in ordered_events(events)] == sorted(event_key(e) for e in set(events))


@given(_EVENTS)
def test_the_status_is_a_stage_of_the_last_event(events: list[AgreementEvent]) -> None:
    status, ends = life(events)
    if not events:
        assert (status, ends) == (S.UNKNOWN, None)
    else:
        last = ordered_events(events)[-1]
        assert status is last.status
        assert ends is None or ends in {e.ends for e in events}
