"""The merge rules of :mod:`qkg.graph.merge` on small hand-made facts, and the property that
merging does not depend on the order documents arrive in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.graph.merge import (
    EntityState,
    Version,
    delta_digest,
    link_window,
    links,
    merge_agreement,
    merge_deltas,
    merge_entity,
    merge_goal,
    merge_relation,
    merge_states,
)
from qkg.schemas import (
    Agreement,
    AgreementKind,
    Document,
    Entity,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    Relation,
    RelationType,
    content_hash,
)

_TEXT = "Brindle Quantum works with Osk Labs."
#: Made-up documents: the same sentence with a tag, so that each has its own id (its text's
#: SHA-256). ``D[0] < D[1] < ...``: the rules care which id is smallest, not the tags.
_TEXTS = {content_hash(f"{_TEXT} ({tag})"): f"{_TEXT} ({tag})" for tag in "abcdef"}
D = sorted(_TEXTS)


def _ev(doc: str, start: int = 0, end: int = 7, rule: str = "r") -> Evidence:
    return Evidence(document_id=doc, sentence=_TEXT[start:end], start=start, end=end, rule=rule)


def _rel(doc: str, **fields: object) -> Relation:
    return Relation.model_validate(
        {
            "source": "brindle",
            "type": RelationType.PARTNERS_WITH,
            "target": "osk",
            "evidence": [_ev(doc)],
            **fields,
        }
    )


def test_relation_takes_the_union_of_evidence_the_highest_confidence_and_the_widest_validity() -> None:
    parts = {
        D[1]: _rel(D[1], confidence=0.4, valid_from=dt.date(2021, 1, 1), valid_to=dt.date(2022, 1, 1)),
        D[0]: _rel(D[0], confidence=0.8, valid_from=dt.date(2023, 1, 1)),
        D[2]: _rel(D[2], confidence=0.6, valid_to=dt.date(2025, 6, 1)),
    }
    merged = merge_relation(parts)
    assert [e.document_id for e in merged.evidence] == D[:3]
    assert merged.confidence == 0.8
    assert (merged.valid_from, merged.valid_to) == (dt.date(2021, 1, 1), dt.date(2025, 6, 1))


def test_evidence_is_ordered_by_document_then_span_then_rule_and_kept_once() -> None:
    a, b, c = _ev(D[1], 8, 15, "z"), _ev(D[1], 0, 7, "z"), _ev(D[1], 0, 7, "a")
    merged = merge_relation({D[1]: _rel(D[1]).model_copy(update={"evidence": (a, b, c)}), D[0]: _rel(D[0])})
    assert merged.evidence == (_ev(D[0]), c, b, a)
    assert merge_relation({D[1]: _rel(D[1]), D[2]: _rel(D[1])}).evidence == (_ev(D[1]),)


def test_one_part_is_its_own_merge() -> None:
    only = _rel(D[0])
    assert merge_relation({D[0]: only}) is only


def test_entity_fields_come_from_the_smallest_document_aliases_and_ids_unite() -> None:
    later = Entity(
        id="brindle",
        type=EntityType.COMPANY,
        name="Brindle Quantum Inc.",
        aliases=("BQ",),
        external_ids={"wikidata": "Q2", "ror": "r9"},
        country="DE",
    )
    earlier = Entity(
        id="brindle",
        type=EntityType.COMPANY,
        name="Brindle Quantum",
        aliases=("Brindle",),
        external_ids={"wikidata": "Q1"},
    )
    merged = merge_entity({D[1]: later, D[0]: earlier})
    assert merged.name == "Brindle Quantum"
    assert merged.country is None  # the smallest document's, even when it has none
    assert merged.aliases == ("BQ", "Brindle")
    assert merged.external_ids == {"ror": "r9", "wikidata": "Q1"}


def test_entity_states_combine_in_any_order() -> None:
    a = EntityState.of(D[0], Entity(id="x", type=EntityType.COMPANY, name="X", external_ids={"k": "1"}))
    b = EntityState.of(
        D[1], Entity(id="x", type=EntityType.COMPANY, name="Y", aliases=("Z",), external_ids={"k": "2"})
    )
    assert (
        a.combine(b).entity()
        == b.combine(a).entity()
        == merge_entity({D[0]: a.base, D[1]: b.base}).model_copy(
            update={"aliases": ("Z",), "external_ids": {"k": "1"}}
        )
    )
    assert merge_states([]) is None


def test_agreement_topics_unite_and_goal_evidence_unites() -> None:
    def agr(doc: str, title: str, topics: tuple[str, ...]) -> Agreement:
        return Agreement(
            id="mou",
            kind=AgreementKind.MOU,
            title=title,
            parties=("osk", "brindle"),
            topics=topics,
            evidence=[_ev(doc)],
        )

    merged = merge_agreement(
        {D[1]: agr(D[1], "later", ("sensing", "qkd")), D[0]: agr(D[0], "first", ("qkd",))}
    )
    assert (merged.title, merged.topics) == ("first", ("qkd", "sensing"))
    assert len(merged.evidence) == 2

    def goal(doc: str, value: float) -> Goal:
        return Goal(id="g", metric="qubits", value=value, unit="qubits", evidence=[_ev(doc)])

    merged_goal = merge_goal({D[4]: goal(D[4], 5), D[2]: goal(D[2], 3)})
    assert merged_goal.value == 3
    assert [e.document_id for e in merged_goal.evidence] == [D[2], D[4]]


def test_link_window_counts_only_documents_inside_it() -> None:
    docs = [(dt.date(2020, 5, 1), 2), (dt.date(2023, 1, 1), 1), (None, 4)]
    assert link_window(docs, None, None) == (7, dt.date(2020, 5, 1), dt.date(2023, 1, 1))
    assert link_window(docs, dt.date(2021, 1, 1), None) == (1, dt.date(2023, 1, 1), dt.date(2023, 1, 1))
    assert link_window(docs, None, dt.date(2019, 1, 1)) is None


def test_links_of_relations_and_agreement_parties_in_order() -> None:
    agreement = Agreement(
        id="mou",
        kind=AgreementKind.MOU,
        parties=("osk", "brindle", "caro"),
        evidence=[_ev(D[0]), _ev(D[1], 8, 15)],
    )
    found = links([_rel(D[0])], [agreement], {D[0]: dt.date(2024, 1, 1), D[1]: None}.get)
    assert [(x.source, x.type, x.target, x.agreement, x.weight) for x in found] == [
        ("brindle", RelationType.PARTNERS_WITH, "osk", None, 1),
        ("brindle", RelationType.PARTY_TO, "caro", "mou", 2),
        ("brindle", RelationType.PARTY_TO, "osk", "mou", 2),
        ("caro", RelationType.PARTY_TO, "osk", "mou", 2),
    ]
    only_relations = links([_rel(D[0])], [agreement], {}.get, frozenset({RelationType.PARTNERS_WITH}))
    assert [x.type for x in only_relations] == [RelationType.PARTNERS_WITH]


def test_version_depends_on_the_set_of_documents_only() -> None:
    v = Version()
    v.add("d1", "aa")
    v.add("d2", "bb")
    v.remove("d1", "aa")
    assert str(v) == str(Version.of([("d2", "bb")]))
    assert str(Version.parse(str(v))) == str(v)
    assert str(Version.of([("d1", "aa"), ("d2", "bb")])) == str(Version.of([("d2", "bb"), ("d1", "aa")]))
    assert str(Version.of([("d1", "aa")])) != str(Version.of([("d1", "ab")]))


# -- merging does not depend on the order of documents ----------------------------------------

_NAMES = ("Brindle", "Osk", "Caro")


def _delta(
    doc: str, day: int | None, name: int, alias: int, ext: int, conf: float, span: int
) -> KnowledgeGraph:
    start = (0, 8)[span]
    end = start + 7
    ev = _ev(doc, start, end)
    ents = (
        Entity(
            id="brindle",
            type=EntityType.COMPANY,
            name=_NAMES[name],
            aliases=(_NAMES[alias],),
            external_ids={"wikidata": f"Q{ext}"},
        ),
        Entity(id="osk", type=EntityType.COMPANY, name="Osk Labs"),
    )
    return KnowledgeGraph(
        document=Document(id=doc, text=_TEXTS[doc], published=None if day is None else dt.date(2024, 1, day)),
        entities=ents,
        relations=(
            Relation(
                source="brindle",
                type=RelationType.PARTNERS_WITH,
                target="osk",
                evidence=[ev],
                confidence=conf,
                valid_from=None if day is None else dt.date(2020, 1, day),
            ),
        ),
        agreements=(
            Agreement(
                id="mou",
                kind=AgreementKind.MOU,
                parties=("brindle", "osk"),
                topics=(_NAMES[alias],),
                evidence=[ev],
            ),
        ),
    )


_deltas = st.lists(
    st.builds(
        _delta,
        st.sampled_from(D),
        st.none() | st.integers(1, 28),
        st.integers(0, 2),
        st.integers(0, 2),
        st.integers(1, 9),
        st.sampled_from([0.3, 0.6, 0.9]),
        st.integers(0, 1),
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda d: d.document.id,
)


@settings(max_examples=60, deadline=None)
@given(_deltas, st.randoms(use_true_random=False))
def test_merging_is_independent_of_document_order(deltas: list[KnowledgeGraph], rnd: object) -> None:
    shuffled = list(deltas)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a, b = merge_deltas(deltas), merge_deltas(shuffled)
    assert a == b
    published = a.published.get
    assert links(a.relations.values(), a.agreements.values(), published) == links(
        b.relations.values(), b.agreements.values(), b.published.get
    )
    states = [EntityState.of(d.document.id, d.entities[0]) for d in deltas]
    assert merge_states(states) == merge_states(reversed(states))
    assert str(Version.of((d.document.id, delta_digest(d)) for d in deltas)) == str(
        Version.of((d.document.id, delta_digest(d)) for d in shuffled)
    )


@pytest.mark.parametrize("doc_order", [("first", "second"), ("second", "first")])
def test_merge_deltas_answers_as_the_smallest_document_says(doc_order: tuple[str, str]) -> None:
    deltas = {"first": _delta(D[0], 3, 0, 1, 1, 0.3, 0), "second": _delta(D[1], None, 1, 2, 2, 0.9, 1)}
    merged = merge_deltas(deltas[d] for d in doc_order)
    brindle = merged.entities["brindle"]
    assert (brindle.name, brindle.aliases, brindle.external_ids) == (
        "Brindle",
        ("Caro", "Osk"),
        {"wikidata": "Q1"},
    )
    relation = merged.relations[("brindle", "PARTNERS_WITH", "osk")]
    assert (relation.confidence, relation.valid_from, len(relation.evidence)) == (0.9, dt.date(2020, 1, 3), 2)
    assert merged.agreements["mou"].topics == ("Caro", "Osk")
