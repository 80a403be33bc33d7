"""``k_shortest_paths`` against brute force on random multigraphs, plus its bounds."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from itertools import pairwise, product

import networkx as nx
import pytest

from qkg.graph import paths as paths_mod
from qkg.graph.paths import Step, k_shortest_paths
from qkg.schemas import LimitExceeded, Path, RelationType

R = RelationType
TYPES = [R.PARTNERS_WITH, R.LEADS, R.PART_OF, R.PARTY_TO]


def random_steps(seed: int, n: int, m: int) -> dict[str, list[Step]]:
    """A random undirected multigraph as a step table (with both directions of every edge)."""
    rng = random.Random(seed)
    nodes = [f"n{i:02d}" for i in range(n)]
    table: dict[str, list[Step]] = {v: [] for v in nodes}
    for i in range(m):
        a, b = rng.sample(nodes, 2)
        t = rng.choice(TYPES)
        if t is R.PARTY_TO:
            agreement = f"agreement:{i}"
            table[a].append((b, t, agreement, False))
            table[b].append((a, t, agreement, False))
        elif t is R.PARTNERS_WITH:
            table[a].append((b, t, None, False))
            table[b].append((a, t, None, False))
        else:
            table[a].append((b, t, None, False))
            table[b].append((a, t, None, True))
    for v in nodes:
        table[v] = sorted(set(table[v]), key=lambda s: (s[0], s[1].value, s[2] or "", s[3]))
    return table


def brute_force(
    table: Mapping[str, Sequence[Step]], s: str, t: str, max_hops: int, k: int
) -> list[tuple[object, ...]]:
    g = nx.Graph()
    for v, steps in table.items():
        g.add_node(v)
        for step in steps:
            g.add_edge(v, step[0])
    out = []
    for nodes in nx.all_simple_paths(g, s, t, cutoff=max_hops):
        choices = [[st for st in table[a] if st[0] == b] for a, b in pairwise(nodes)]
        for combo in product(*choices):
            out.append(
                (
                    len(combo),
                    tuple(nodes),
                    tuple(c[1].value for c in combo),
                    tuple(c[2] or "" for c in combo),
                    tuple(c[3] for c in combo),
                )
            )
    return sorted(out)[:k]


def as_keys(paths: list[Path]) -> list[tuple[object, ...]]:
    return [
        (
            p.length,
            p.nodes,
            tuple(h.type.value for h in p.hops),
            tuple(h.agreement or "" for h in p.hops),
            tuple(h.reversed for h in p.hops),
        )
        for p in paths
    ]


@pytest.mark.parametrize("seed", range(40))
def test_matches_brute_force_on_random_multigraphs(seed: int) -> None:
    rng = random.Random(1000 + seed)
    n = rng.randint(4, 14)
    table = random_steps(seed, n, rng.randint(n, 3 * n))
    calls: list[int] = []

    def expand(nodes: Sequence[str]) -> dict[str, Sequence[Step]]:
        calls.append(len(nodes))
        return {v: table.get(v, []) for v in nodes}

    nodes = sorted(table)
    for _ in range(6):
        s, t = rng.sample(nodes, 2)
        max_hops = rng.randint(1, 6)
        k = rng.choice([1, 3, 10, 100])
        got = k_shortest_paths(expand, s, t, max_hops=max_hops, k=k)
        assert as_keys(got) == brute_force(table, s, t, max_hops, k)
        for p in got:
            assert [(h.source, h.target) for h in p.hops] == list(zip(p.nodes, p.nodes[1:], strict=False))


def test_same_node_and_isolated_ends() -> None:
    table: dict[str, list[Step]] = {"a": [], "b": []}
    expand = lambda nodes: {v: table[v] for v in nodes}  # noqa: E731
    assert k_shortest_paths(expand, "a", "b") == []
    (p,) = k_shortest_paths(expand, "a", "a")
    assert p.nodes == ("a",)


def test_hub_search_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A star of stars: every 4-hop route goes through hubs; the work bound stops it."""
    table: dict[str, list[Step]] = {}

    def link(a: str, b: str) -> None:
        table.setdefault(a, []).append((b, R.PARTNERS_WITH, None, False))
        table.setdefault(b, []).append((a, R.PARTNERS_WITH, None, False))

    for h in range(30):
        link("center", f"hub{h:02d}")
        for leaf in range(30):
            link(f"hub{h:02d}", f"leaf{h:02d}-{leaf:02d}")
    expand = lambda nodes: {v: table.get(v, []) for v in nodes}  # noqa: E731
    (short,) = k_shortest_paths(expand, "leaf00-00", "leaf01-00", max_hops=4, k=1)
    assert short.nodes == ("leaf00-00", "hub00", "center", "hub01", "leaf01-00")
    monkeypatch.setattr(paths_mod, "MAX_EXPANDED", 50)
    with pytest.raises(LimitExceeded, match="work limit"):
        k_shortest_paths(expand, "leaf00-00", "leaf01-00", max_hops=6, k=5)


@pytest.mark.parametrize(("max_hops", "k"), [(0, 1), (7, 1), (3, 0), (3, 101)])
def test_caps(max_hops: int, k: int) -> None:
    with pytest.raises(LimitExceeded):
        k_shortest_paths(lambda nodes: {}, "a", "b", max_hops=max_hops, k=k)
