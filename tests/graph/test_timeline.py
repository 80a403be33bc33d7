"""Time and trust over plain inputs: as-of answers, support counts and an agreement's life
merged across documents dated years apart (made-up actors and documents)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.graph.merge import AsOf, agreement_view, life_steps, merge_agreement, whole_agreement_view
from qkg.graph.timeline import agreement_as_of, in_force, life_as_of, merged_life, publisher, support
from qkg.schemas import (
    Agreement,
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    Document,
    Evidence,
    Relation,
    RelationType,
)
from qkg.schemas.life import STAGES

S = AgreementStatus
D = dt.date
ORVANE, TELMAR, BRISK = "company:orvane-labs", "university:telmar", "company:brisk-photonics"


def _doc(text: str, published: dt.date | None, source: str | None = None) -> Document:
    return Document.from_text(text, published=published, source=source)


def _ev(doc: Document) -> Evidence:
    return Evidence(document_id=doc.id, sentence=doc.text, start=0, end=len(doc.text), rule="test")


def _partners(doc: Document, other: str, **validity: dt.date) -> Relation:
    return Relation(
        source=ORVANE, type=RelationType.PARTNERS_WITH, target=other, evidence=[_ev(doc)], **validity
    )


def _mou(doc: Document, *events: tuple[AgreementStatus, str | None, str | None]) -> Agreement:
    return Agreement.build(
        AgreementKind.MOU,
        [ORVANE, TELMAR],
        date="2022",
        evidence=[_ev(doc)],
        events=[AgreementEvent(status=s, date=d, ends=e, evidence=_ev(doc)) for s, d, e in events],
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://www.Orvane-News.example/2024/mou", "orvane-news.example"),
        ("http://orvane-news.example:8080/other", "orvane-news.example"),
        ("https://wire.orvane-news.example/x", "wire.orvane-news.example"),
        ("/data/press/telmar.txt", "file:/data/press/telmar.txt"),
        ("-", "document:d1"),
        (None, "document:d1"),
    ],
)
def test_publisher(source: str | None, expected: str) -> None:
    assert publisher(source, "d1") == expected


def test_support_counts_documents_and_independent_publishers() -> None:
    a = _doc("Orvane Labs partners with Telmar (wire).", D(2021, 3, 1), "https://www.orvane-news.example/a")
    b = _doc("Orvane Labs partners with Telmar (web).", D(2023, 9, 9), "https://ORVANE-NEWS.example/b")
    c = _doc("Orvane Labs partners with Telmar (file).", D(2022, 1, 5), "/data/telmar.txt")
    stdin = _doc("Orvane Labs partners with Telmar (stdin).", None)
    docs = {d.id: d for d in (a, b, c, stdin)}
    evidence = [_ev(a), _ev(b), _ev(b), _ev(c), _ev(stdin)]
    got = support(evidence, docs)
    assert (got.documents, got.sources) == (4, 3)
    assert (got.first_seen, got.last_seen) == (D(2021, 3, 1), D(2023, 9, 9))
    as_of = support(evidence, docs, as_of=D(2022, 6, 1))
    assert (as_of.documents, as_of.sources, as_of.last_seen) == (2, 2, D(2022, 1, 5))
    assert support([], docs).documents == 0


def test_a_partner_announced_in_2021_holds_as_of_2022_and_one_from_2024_does_not() -> None:
    early = _doc("Orvane Labs announced a partnership with Telmar.", D(2021, 5, 4))
    late = _doc("Orvane Labs announced a partnership with Brisk Photonics.", D(2024, 2, 1))
    docs = {early.id: early, late.id: late}
    as_of = D(2022, 1, 1)
    assert in_force({early.id: _partners(early, TELMAR)}, as_of, docs)
    assert not in_force({late.id: _partners(late, BRISK)}, as_of, docs)
    assert in_force({late.id: _partners(late, BRISK)}, D(2024, 2, 1), docs)


def test_a_relation_ends_on_its_valid_to_unless_a_later_document_extends_it() -> None:
    first = _doc("Orvane Labs and Telmar partner until mid-2023.", D(2021, 1, 1))
    later = _doc("Orvane Labs and Telmar partner until 2026.", D(2023, 9, 1))
    docs = {first.id: first, later.id: later}
    parts = {
        first.id: _partners(first, TELMAR, valid_to=D(2023, 6, 30)),
        later.id: _partners(later, TELMAR, valid_from=D(2023, 9, 1), valid_to=D(2026, 12, 31)),
    }
    assert in_force(parts, D(2023, 6, 30), docs)
    assert not in_force(parts, D(2023, 7, 15), docs)  # ended, and the extension is not published yet
    assert in_force(parts, D(2024, 1, 1), docs)
    assert not in_force(parts, D(2027, 1, 1), docs)


def test_an_undated_document_counts_only_when_no_date_is_asked() -> None:
    undated = _doc("Orvane Labs partners with Telmar.", None)
    docs = {undated.id: undated}
    parts = {undated.id: _partners(undated, TELMAR)}
    assert not in_force(parts, D(2100, 1, 1), docs)
    assert support([_ev(undated)], docs).documents == 1
    assert support([_ev(undated)], docs, as_of=D(2100, 1, 1)).documents == 0


def test_the_life_of_an_mou_across_documents() -> None:
    signed = _doc("Orvane Labs and Telmar signed a three-year MOU.", D(2022, 3, 10))
    extended = _doc("Orvane Labs and Telmar extended their MOU.", D(2025, 2, 1))
    docs = {signed.id: signed, extended.id: extended}
    parts = {
        signed.id: _mou(signed, (S.SIGNED, "2022-03-10", "2025-03-10")),
        extended.id: _mou(extended, (S.EXTENDED, "2025-02-01", None)),
    }
    assert agreement_as_of(parts, docs, D(2021, 12, 31)) is None
    mid = agreement_as_of(parts, docs, D(2024, 6, 1))
    assert mid is not None
    assert (mid.status, mid.ends, mid.in_force) == (S.SIGNED, "2025-03-10", True)
    # without the extension the MOU would have run out; with it, its end is open
    only_signed = agreement_as_of({signed.id: parts[signed.id]}, docs, D(2026, 1, 1))
    assert only_signed is not None
    assert (only_signed.status, only_signed.in_force) == (S.ENDED, False)
    assert not in_force({signed.id: parts[signed.id]}, D(2026, 1, 1), docs)
    late = agreement_as_of(parts, docs, D(2026, 1, 1))
    assert late is not None
    assert (late.status, late.ends, late.in_force) == (S.EXTENDED, None, True)
    assert [e.status for e in late.events] == [S.SIGNED, S.EXTENDED]
    assert merged_life(parts)[1:] == (S.EXTENDED, None)


def test_without_events_the_smallest_document_gives_status_and_end() -> None:
    a = _doc("Orvane Labs and Telmar: an MOU (a curated row).", D(2020, 1, 1))
    b = _doc("Orvane Labs and Telmar: an MOU (another row).", D(2021, 1, 1))
    docs = {a.id: a, b.id: b}
    parts = {
        a.id: _mou(a).model_copy(update={"status": S.SIGNED, "ends": "2023"}),
        b.id: _mou(b).model_copy(update={"status": S.ACTIVE, "ends": "2024"}),
    }
    first = parts[min(parts)]
    assert merged_life(parts) == ((), first.status, first.ends)
    late = agreement_as_of(parts, docs, D(2025, 1, 1))
    assert late is not None
    assert (late.status, late.in_force) == (S.ENDED, False)  # either end has passed


def test_an_agreement_a_party_pulled_out_of_is_no_longer_in_force() -> None:
    signed = _doc("Orvane Labs and Telmar signed an MOU.", D(2022, 3, 10))
    ended = _doc("Telmar pulled out of the MOU with Orvane Labs.", D(2024, 4, 2))
    docs = {signed.id: signed, ended.id: ended}
    parts = {
        signed.id: _mou(signed, (S.SIGNED, "2022-03-10", None)),
        ended.id: _mou(ended, (S.ENDED, "2024-04", None)),
    }
    # the end is known from the day its document is published, not from the month it names
    assert in_force(parts, D(2024, 4, 1), docs)
    assert not in_force(parts, D(2024, 4, 2), docs)
    # an event dated after the day asked has not happened yet, even in a document published before
    planned = _mou(signed, (S.ANNOUNCED, "2021", None), (S.ACTIVE, "2023", None))
    early = agreement_as_of({signed.id: planned}, docs, D(2022, 12, 31))
    assert early is not None
    assert early.status is S.ANNOUNCED


# -- property: the answer as of a date is the answer over the documents published by then ------

_SOURCES = st.sampled_from(
    [
        None,
        "-",
        "https://www.orvane-news.example/a",
        "http://Orvane-News.example/b",
        "https://wire.example/c",
        "/data/x.txt",
    ]
)
_DAYS = st.dates(D(2018, 1, 1), D(2029, 12, 31))
_PARTIAL = st.one_of(
    st.none(), st.builds(lambda d, cut: d.isoformat()[:cut], _DAYS, st.sampled_from([4, 7, 10]))
)


@st.composite
def _history(draw: st.DrawFn) -> tuple[dict[str, Document], dict[str, Relation], dict[str, Agreement]]:
    docs = [
        _doc(f"Orvane Labs and Telmar, report {i}.", draw(st.one_of(st.none(), _DAYS)), draw(_SOURCES))
        for i in range(draw(st.integers(1, 6)))
    ]
    relations, agreements = {}, {}
    for doc in docs:
        if draw(st.booleans()):
            relations[doc.id] = _partners(
                doc,
                TELMAR,
                **{
                    k: v
                    for k in ("valid_from", "valid_to")
                    if (v := draw(st.one_of(st.none(), _DAYS))) is not None
                },
            )
        if draw(st.booleans()):
            events = draw(st.lists(st.tuples(st.sampled_from(STAGES), _PARTIAL, _PARTIAL), max_size=3))
            agreements[doc.id] = _mou(doc, *events)
    return {d.id: d for d in docs}, relations, agreements


def _published_by(docs: dict[str, Document], as_of: dt.date) -> dict[str, Document]:
    return {k: d for k, d in docs.items() if d.published is not None and d.published <= as_of}


@settings(max_examples=300, deadline=None)
@given(_history(), _DAYS)
def test_as_of_equals_the_answer_over_the_documents_published_by_then(
    history: tuple[dict[str, Document], dict[str, Relation], dict[str, Agreement]], as_of: dt.date
) -> None:
    docs, relations, agreements = history
    then = _published_by(docs, as_of)
    rel_then = {k: r for k, r in relations.items() if k in then}
    agr_then = {k: a for k, a in agreements.items() if k in then}
    assert in_force(relations, as_of, docs) == in_force(rel_then, as_of, then)
    assert agreement_as_of(agreements, docs, as_of) == agreement_as_of(agr_then, then, as_of)
    assert in_force(agreements, as_of, docs) == in_force(agr_then, as_of, then)
    evidence = [e for r in relations.values() for e in r.evidence]
    assert support(evidence, docs, as_of=as_of) == support(
        [e for e in evidence if e.document_id in then], then
    )


@given(_history(), _DAYS, _DAYS)
def test_support_only_grows_with_time(
    history: tuple[dict[str, Document], dict[str, Relation], dict[str, Agreement]], a: dt.date, b: dt.date
) -> None:
    docs, relations, _ = history
    early, late = sorted((a, b))
    evidence = [e for r in relations.values() for e in r.evidence]
    before, after, ever = (support(evidence, docs, as_of=d) for d in (early, late, None))
    assert before.documents <= after.documents <= ever.documents
    assert before.sources <= after.sources <= ever.sources
    assert ever.documents == len(relations)


@settings(max_examples=300, deadline=None)
@given(_history(), _DAYS)
def test_stored_life_steps_and_the_whole_view_follow_the_rule(
    history: tuple[dict[str, Document], dict[str, Relation], dict[str, Agreement]], day: dt.date
) -> None:
    """What Neo4j stores to judge an agreement with events as of a day in its statements
    (:func:`life_steps`: in force from each day on) says what the rule says on every day, and
    the view made from the merge alone (:func:`whole_agreement_view`) is the rule's view of
    all the parts, when every document is published by the day."""
    _, _, agreements = history
    steps = life_steps(agreements)
    if not any(a.events for a in agreements.values()):
        assert steps is None
        return
    assert steps is not None
    days, flags = steps
    held = flags[bisect_right(days, day.isoformat()) - 1]
    assert held == life_as_of(agreements, day).in_force
    if held:
        view = agreement_view(agreements, lambda _: day, AsOf(day))
        assert whole_agreement_view(merge_agreement(agreements), day) == view
