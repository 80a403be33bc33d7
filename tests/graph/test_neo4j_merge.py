"""The Neo4j writer's bookkeeping (:mod:`qkg.graph.neo4j.merge`), without a server: adding
documents to a stored relation's lists gives exactly the properties a merge of every part gives."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.graph.neo4j.merge import relation_props, relation_props_added, relation_span
from qkg.schemas import Evidence, Relation, RelationType, content_hash

_TEXT = "Brindle Quantum works with Osk Labs."
D = sorted(content_hash(f"{_TEXT} ({tag})") for tag in "abcdefgh")
_SPANS = ((0, 7), (8, 15), (0, 15))


def _part(doc: str, spans: list[int], rules: list[str], conf: float, start: int | None, end: int | None):
    evidence = [
        Evidence(document_id=doc, sentence=_TEXT[a:b], start=a, end=b, rule=rule)
        for (a, b), rule in zip((_SPANS[i] for i in spans), rules, strict=False)
    ]
    return Relation(
        source="brindle",
        type=RelationType.PARTNERS_WITH,
        target="osk",
        evidence=evidence or [Evidence(document_id=doc, sentence=_TEXT[:7], start=0, end=7, rule="r")],
        confidence=conf,
        valid_from=None if start is None else dt.date(2020, 1, start),
        valid_to=None if end is None else dt.date(2026, 1, end),
    )


_parts = st.dictionaries(
    st.sampled_from(D),
    st.tuples(
        st.sampled_from(["", "2024-01-02", "2023-05-06"]),
        st.lists(st.integers(0, 2), min_size=1, max_size=3),
        st.lists(st.sampled_from(["r", "s"]), min_size=3, max_size=3),
        st.sampled_from([0.3, 0.6, 0.9]),
        st.none() | st.integers(1, 28),
        st.none() | st.integers(1, 28),
    ),
    min_size=2,
    max_size=6,
)


@settings(max_examples=80, deadline=None)
@given(_parts, st.integers(1, 5))
def test_adding_documents_to_the_stored_lists_is_the_merge_of_all_parts(raw: dict, cut: int) -> None:
    parts = {d: (day, _part(d, *fields)) for d, (day, *fields) in raw.items()}
    order = list(parts)  # any split of the documents into stored and new
    cut = min(cut, len(order) - 1)
    stored = relation_props({d: parts[d] for d in order[:cut]})
    new = {d: parts[d] for d in order[cut:]}
    assert relation_props_added(stored, new) == relation_props(parts)


def test_a_document_already_stored_or_lists_that_do_not_line_up_take_the_full_merge() -> None:
    one = _part(D[0], [0], ["r", "r", "r"], 0.5, None, None)
    stored = relation_props({D[0]: ("", one)})
    assert relation_props_added(stored, {D[0]: ("", one)}) is None
    assert relation_props_added({**stored, "counts": []}, {D[1]: ("", one)}) is None
    assert relation_props_added({}, {D[1]: ("", one)}) is None


def test_a_relations_span_is_its_first_date_the_day_all_are_published_and_its_validity() -> None:
    two = {
        D[0]: ("2023-05-06", _part(D[0], [0], ["r"], 0.5, 3, None)),
        D[1]: ("2024-01-02", _part(D[1], [1], ["r"], 0.5, None, 9)),
    }
    assert relation_props(two)["span"] == "2023-05-062024-01-022020-01-032026-01-09"
    undated = {**two, D[2]: ("", _part(D[2], [2], ["r"], 0.5, None, None))}
    assert relation_props(undated)["span"] == "2023-05-069999-99-992020-01-032026-01-09"
    assert relation_span([""], None, None) == "9999-99-999999-99-990000-00-009999-99-99"
    assert relation_span(["2024-01-02T10:00:00"], None, None) is None  # no ISO date: the lists decide
