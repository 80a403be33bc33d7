"""Analytics benchmark: every measure, qkg beside plain networkx on the same graph.

Run ``python -m bench.analytics`` (defaults: the synthetic 100k-actor / 1M-relation
ecosystem, all relation types plus agreement co-parties, and a 10k / 100k graph for the
exact path-based measures). It prints a Markdown table for ``docs/bench-analytics.md``.

Slow networkx baselines are measured on a part of the work and scaled, and every such row
says so: betweenness, closeness and harmonic centrality cost exactly one single-source
search per source node, so timing ``s`` sources and multiplying by ``n / s`` is a faithful
estimate. networkx's constraint and effective size are pure Python and take hours on a
million edges; their row compares both on a smaller graph and gives qkg's time on the big
one. The issue's reference figures for networkx and igraph on a 2-core machine are
printed beside ours for comparison.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from bench.synthetic import generate_networkx
from qkg.graph import brokerage, centrality, communities
from qkg.graph.engines import to_igraph
from qkg.schemas import RelationType

__all__ = ["main"]

ALL_LINKS = [t for t in RelationType if t is not RelationType.HAS_GOAL]

#: The issue's reference figures (2-core machine): (networkx s, igraph s) or None.
REFERENCE: dict[str, tuple[float | None, float | None]] = {
    "pagerank": (2.3, 0.13),
    "betweenness (sampled, k=256)": (370.0, 9.1),
    "betweenness (exact, 10k)": (413.0, 8.7),
    "louvain": (22.9, 3.5),
    "closeness (exact, 10k)": (51.0, 3.3),
    "eigenvector": (2.6, 0.26),
}


@dataclass
class Row:
    measure: str
    graph: str
    qkg: float
    networkx: float | None
    note: str = ""

    def line(self) -> str:
        ref_nx, ref_ig = REFERENCE.get(self.measure, (None, None))
        ratio = f"{self.networkx / self.qkg:,.1f}x" if self.networkx and self.qkg > 0 else "-"
        return (
            f"| {self.measure} | {self.graph} | {self.qkg:,.2f} | "
            f"{'-' if self.networkx is None else f'{self.networkx:,.2f}'} | {ratio} | "
            f"{'-' if ref_ig is None else ref_ig} | {'-' if ref_nx is None else ref_nx} | {self.note} |"
        )


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def sources_scaled(G: nx.Graph, per_source: Callable[[list[Any]], Any], sample: int, seed: int = 0) -> float:
    """Time ``per_source`` on ``sample`` source nodes and scale to all nodes."""
    nodes = random.Random(seed).sample(list(G), min(sample, len(G)))
    t, _ = timed(lambda: per_source(nodes))
    return t * len(G) / len(nodes)


def _closeness_of(G: nx.Graph, nodes: list[Any]) -> None:
    for u in nodes:
        nx.closeness_centrality(G, u=u)


def _betweenness_sources(G: nx.Graph, nodes: list[Any]) -> None:
    # networkx's own inner loop (the same one betweenness_centrality runs per source).
    from networkx.algorithms.centrality.betweenness import (
        _accumulate_basic,
        _single_source_shortest_path_basic,
    )

    b = dict.fromkeys(G, 0.0)
    for s in nodes:
        S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
        b, _ = _accumulate_basic(b, S, P, sigma, s)


def _size(actors: int, relations: int) -> str:
    def short(x: int) -> str:
        return f"{x // 1000}k" if x >= 1000 and x % 1000 == 0 else str(x)

    return f"{short(actors)}/{short(relations)}"


def run(args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    w = args.workers

    def want(measure: str) -> bool:
        return not args.only or any(o in measure for o in args.only)

    def say(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    big_name = _size(args.actors, args.relations)
    say(f"generating the {big_name} ecosystem")
    t, G = timed(lambda: generate_networkx(args.actors, args.relations, seed=args.seed, types=ALL_LINKS))
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    say(f"{G.number_of_nodes()} actors, {G.number_of_edges()} links in {t:.1f} s")
    t_conv, _ = timed(lambda: to_igraph(G))
    rows.append(
        Row("conversion to igraph (once per graph version)", big_name, t_conv, None, "shared by all measures")
    )

    def both(
        measure: str,
        ours: Callable[[], Any],
        theirs: Callable[[], Any] | None,
        note: str = "",
        graph: str = big_name,
    ) -> Any:
        if not want(measure):
            return None
        say(f"{measure}: qkg")
        t_q, value = timed(ours)
        t_n = None
        if theirs is not None:
            say(f"{measure}: networkx")
            t_n, _ = timed(theirs)
        rows.append(Row(measure, graph, t_q, t_n, note))
        say(f"{measure}: qkg {t_q:.2f} s, networkx {t_n if t_n is None else round(t_n, 2)} s")
        return value

    both("degree", lambda: centrality.degree(G), lambda: dict(G.degree()))
    both("pagerank", lambda: centrality.pagerank(G), lambda: nx.pagerank(G))
    both(
        "eigenvector",
        lambda: centrality.eigenvector(G),
        None if args.quick else lambda: nx.eigenvector_centrality(G),
    )
    both("katz", lambda: centrality.katz(G), None, "networkx: see the 10k row")
    k = args.sample
    nx_k = max(1, k // 32)
    if want(f"betweenness (sampled, k={k})"):
        t_1, _ = timed(lambda: centrality.betweenness(G, k=k, seed=0))
        t_q, _ = timed(lambda: centrality.betweenness(G, k=k, seed=0, workers=w))
        say(f"sampled betweenness qkg {t_q:.2f} s ({t_1:.2f} s on 1 worker); networkx on {nx_k} sources")
        t_n = sources_scaled(G, lambda ns: _betweenness_sources(G, ns), nx_k) * k / len(G)
        note = f"{w} workers (1 worker: {t_1:.2f} s); networkx: {nx_k} sources x {k // nx_k}"
        rows.append(Row(f"betweenness (sampled, k={k})", big_name, t_q, t_n, note))
    both(
        "louvain",
        lambda: communities.louvain(G, weight=None),
        None if args.quick else lambda: nx.community.louvain_communities(G, seed=0),
    )
    both("leiden", lambda: communities.leiden(G, weight=None), None, "no networkx implementation")
    both("k-core", lambda: communities.core_number(G), lambda: nx.core_number(G))
    both("components", lambda: communities.components(G), lambda: list(nx.connected_components(G)))
    both("constraint", lambda: brokerage.constraint(G), None, "networkx: see the small-graph row")
    both("effective size", lambda: brokerage.effective_size(G), None, "networkx: see the small-graph row")

    small_name = _size(args.exact_actors, args.exact_relations)
    say(f"generating the {small_name} ecosystem")
    H = generate_networkx(args.exact_actors, args.exact_relations, seed=args.seed, types=ALL_LINKS)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    to_igraph(H)
    s = args.nx_sources
    exact: list[tuple[str, Callable[..., Any], Callable[[list[Any]], Any], str]] = [
        (
            "betweenness (exact, 10k)",
            centrality.betweenness,
            lambda ns: _betweenness_sources(H, ns),
            "sources",
        ),
        ("closeness (exact, 10k)", centrality.closeness, lambda ns: _closeness_of(H, ns), "nodes"),
        (
            "harmonic (exact, 10k)",
            centrality.harmonic,
            lambda ns: nx.harmonic_centrality(H, sources=ns),
            "sources",
        ),
    ]
    for measure, fn, baseline, unit in exact:
        if not want(measure):
            continue
        t_1, _ = timed(lambda fn=fn: fn(H))
        t_q, _ = timed(lambda fn=fn: fn(H, workers=w))
        t_n = sources_scaled(H, baseline, s)
        note = f"{w} workers (1 worker: {t_1:.2f} s); networkx: {s} {unit}, scaled"
        rows.append(Row(measure, small_name, t_q, t_n, note))
        say(f"{measure}: qkg {t_q:.2f} s ({t_1:.2f} s on 1 worker), networkx ~{t_n:.1f} s")
    both("katz", lambda: centrality.katz(H), lambda: centrality.katz(H, engine="networkx"), graph=small_name)
    B = generate_networkx(args.brokerage_actors, args.brokerage_actors * 10, seed=args.seed, types=ALL_LINKS)
    B.remove_nodes_from([n for n in list(B) if B.degree(n) == 0])
    b_name = _size(args.brokerage_actors, args.brokerage_actors * 10)
    both("constraint", lambda: brokerage.constraint(B), lambda: nx.constraint(B), graph=b_name)
    both(
        "effective size",
        lambda: brokerage.effective_size(B),
        lambda: nx.effective_size(B, nodes=list(B)),
        "networkx's per-node loop (its definition)",
        graph=b_name,
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.analytics", description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--exact-actors", type=int, default=10_000)
    parser.add_argument("--exact-relations", type=int, default=100_000)
    parser.add_argument("--brokerage-actors", type=int, default=2_000)
    parser.add_argument("--sample", type=int, default=256, help="sources of sampled betweenness")
    parser.add_argument(
        "--nx-sources", type=int, default=300, help="sources networkx is timed on, then scaled"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="skip the slowest full networkx baselines")
    parser.add_argument(
        "--only",
        type=lambda v: [p.strip() for p in v.split(",") if p.strip()],
        default=[],
        help="measures to run",
    )
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes for path measures"
    )
    args = parser.parse_args(argv)
    rows = run(args)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{os.cpu_count()} cores, load average {load:.1f} at the end of the run\n")
    print("| measure | graph | qkg s | networkx s | speed-up | igraph ref s | networkx ref s | note |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(row.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
