"""The synthetic ecosystem generator: valid deltas, deterministic, realistic shape."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from bench.synthetic import RELATION_SIDES, generate_deltas, generate_networkx, main
from qkg.schemas import KnowledgeGraph, RelationType, allows

N_ACTORS, N_RELATIONS = 300, 2_000


@pytest.fixture(scope="module")
def deltas() -> list[KnowledgeGraph]:
    return list(generate_deltas(N_ACTORS, N_RELATIONS, seed=7, relations_per_doc=50))


def test_sides_fit_the_ontology() -> None:
    for rtype, (sources, targets) in RELATION_SIDES.items():
        for s in sources:
            for t in targets:
                assert allows(rtype, s, t), (rtype, s, t)


def test_every_delta_is_valid_after_a_json_round_trip(deltas: list[KnowledgeGraph]) -> None:
    for d in deltas:
        again = KnowledgeGraph.model_validate_json(d.model_dump_json())
        assert again == d
        for r in d.relations:
            for ev in r.evidence:
                assert d.document.text[ev.start : ev.end] == ev.sentence


def test_counts_and_shape(deltas: list[KnowledgeGraph]) -> None:
    keys = {r.key for d in deltas for r in d.relations}
    assert len(keys) == N_RELATIONS
    sentences = sum(len(d.relations) for d in deltas)
    assert sentences > N_RELATIONS  # some relations are repeated as further evidence
    agreements = [a for d in deltas for a in d.agreements]
    assert 0.03 * N_RELATIONS <= len(agreements) <= 0.07 * N_RELATIONS
    assert {len(a.parties) for a in agreements} <= {2, 3, 4}
    assert {len(a.parties) for a in agreements} >= {2, 3}
    types = Counter(e.type for d in deltas for e in d.entities)
    assert len(types) == 11
    rtypes = Counter(r.type for d in deltas for r in d.relations)
    assert rtypes.most_common(1)[0][0] is RelationType.PARTNERS_WITH
    entity_ids = {e.id for d in deltas for e in d.entities}
    assert len(entity_ids) == N_ACTORS  # every actor is used
    dates = [d.document.published for d in deltas]
    assert dates == sorted(dates)
    assert dates[-1].year - dates[0].year >= 10


def test_same_seed_same_corpus_other_seed_other_corpus(deltas: list[KnowledgeGraph]) -> None:
    again = list(generate_deltas(N_ACTORS, N_RELATIONS, seed=7, relations_per_doc=50))
    assert again == deltas
    other = next(iter(generate_deltas(N_ACTORS, N_RELATIONS, seed=8, relations_per_doc=50)))
    assert other.document.id != deltas[0].document.id


def test_degrees_are_skewed(deltas: list[KnowledgeGraph]) -> None:
    degree: Counter[str] = Counter()
    for d in deltas:
        for r in d.relations:
            degree[r.source] += 1
            degree[r.target] += 1
    values = sorted(degree.values(), reverse=True)
    assert values[0] >= 5 * statistics.median(values)
    top = values[: len(values) // 20]  # the top 5% of actors
    assert sum(top) >= 0.2 * sum(values)


def test_networkx_view_is_the_collaboration_graph_of_the_deltas(deltas: list[KnowledgeGraph]) -> None:
    expected: Counter[tuple[str, str]] = Counter()
    agreements: dict[str, int] = {}
    parties: dict[str, tuple[str, ...]] = {}
    for d in deltas:
        for r in d.relations:
            if r.type is RelationType.PARTNERS_WITH:
                expected[r.source, r.target] += len(r.evidence)
        for a in d.agreements:
            agreements[a.id] = agreements.get(a.id, 0) + len(a.evidence)
            parties[a.id] = a.parties
    for aid, n in agreements.items():
        ps = parties[aid]
        for i, x in enumerate(ps):
            for y in ps[i + 1 :]:
                expected[x, y] += n
    g = generate_networkx(N_ACTORS, N_RELATIONS, seed=7, relations_per_doc=50)
    assert g.number_of_nodes() == N_ACTORS
    got = {tuple(sorted((u, v))): w for u, v, w in g.edges(data="weight")}
    assert got == dict(expected)
    node = next(iter(g.nodes(data=True)))
    assert set(node[1]) == {"type", "name", "country"}


def test_networkx_view_of_other_types() -> None:
    g = generate_networkx(100, 500, seed=1, types=[RelationType.WORKS_ON])
    assert isinstance(g, nx.Graph)
    assert all(
        "technology" in (u.split(":")[0], v.split(":")[0]) or "program" in (u.split(":")[0], v.split(":")[0])
        for u, v in g.edges
    )


def test_too_dense_is_refused() -> None:
    with pytest.raises(ValueError, match="distinct relations"):
        list(generate_deltas(20, 5_000))


def test_cli_writes_json_lines(tmp_path: Path) -> None:
    out = tmp_path / "synthetic.jsonl"
    assert main(["--actors", "40", "--relations", "120", "--out", str(out), "--relations-per-doc", "30"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 4
    first = KnowledgeGraph.model_validate(json.loads(lines[0]))
    assert first.relations
