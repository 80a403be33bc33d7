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

``python -m bench.analytics --end-to-end --actors 10000 --relations 100000`` measures
instead what ``qkg centrality --metric pagerank`` costs from the store on disk: the path
now (the store's link columns straight to arrays) and igraph's own PageRank on the same
edge list, each in a fresh process, with the store opening counted apart (figures in
``docs/benchmarks.md``); ``--old WORKTREE`` adds the same path run by the code of a git
worktree (an earlier commit, on the same store), ``--networkx`` the path before issue 14
(networkx multigraph, ``simple_graph``).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

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


# -- end to end: from the store on disk to a ranking --------------------------------------
def _store_dir(workdir: Path, actors: int, relations: int) -> Path:
    return workdir / f"store-{actors}-{relations}"


def build_store(workdir: Path, actors: int, relations: int, say: Callable[[str], None]) -> Path:
    """The synthetic ecosystem loaded into an embedded store (kept in ``workdir``)."""
    from bench.synthetic import generate_deltas
    from qkg.graph.embedded import EmbeddedStore

    path = _store_dir(workdir, actors, relations)
    done = path / "loaded"
    if not done.exists():
        say(f"loading the {_size(actors, relations)} ecosystem into {path}")
        shutil.rmtree(path, ignore_errors=True)
        t, _ = timed(lambda: _load(path, generate_deltas(actors, relations, seed=0)))
        say(f"loaded in {t:.0f} s")
        done.write_text("ok\n")
    say("opening once, so that the index snapshot is current")
    with EmbeddedStore(path / "data"):
        pass
    return path


def _load(path: Path, deltas: Any) -> None:
    from qkg.graph.embedded import EmbeddedStore

    with EmbeddedStore(path / "data") as store:
        store.upsert_many(deltas)


def phase(name: str, path: Path) -> dict[str, float]:
    """One end-to-end run in this (fresh) process: open the store, project, PageRank, top 10.

    ``networkx`` is the path before issue 14: the store's networkx multigraph, reduced by
    ``simple_graph``, then the same PageRank engine; ``new`` is the analytics service (the
    store's link columns straight to arrays), ``old`` the same calls made by whatever code
    ``PYTHONPATH`` puts first, ``lazy`` the new path without decoding the index first (as
    the ``qkg centrality`` command runs); ``igraph`` times igraph's own PageRank on the new
    edge list.
    """
    started = time.perf_counter()
    from qkg.graph import centrality
    from qkg.graph.analytics import Analytics
    from qkg.graph.embedded import EmbeddedStore
    from qkg.graph.reduction import COLLABORATION, simple_graph

    out = {"import": time.perf_counter() - started}
    t = time.perf_counter()
    store = EmbeddedStore(path / "data")
    if name != "lazy":
        store.entities(limit=1)  # the index is decoded on first use: count it in the opening
    out["open"] = time.perf_counter() - t
    via = sorted(COLLABORATION)
    t = time.perf_counter()
    if name == "networkx":
        G = simple_graph(store.to_networkx(via), via=via)
        out["project"] = time.perf_counter() - t
        t = time.perf_counter()
        scores = centrality.pagerank(G, weight=None)
        top = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        out["measure"] = time.perf_counter() - t
    elif name in ("new", "old", "lazy"):  # "old": run by an earlier commit's code; "lazy": no index decoded
        service = Analytics(store)
        arrays = service.arrays()
        out["project"] = time.perf_counter() - t
        t = time.perf_counter()
        top = [(s.id, s.score) for s in service.centrality("pagerank", top=10).ranking]
        out["measure"] = time.perf_counter() - t
    else:
        import igraph

        arrays = Analytics(store).arrays()
        edges = np.column_stack([arrays.source, arrays.target])
        out["project"] = time.perf_counter() - t
        t = time.perf_counter()
        g = igraph.Graph(n=len(arrays), edges=edges)
        out["build"] = time.perf_counter() - t
        t = time.perf_counter()
        values = g.pagerank(directed=False)
        out["measure"] = time.perf_counter() - t
        again = []
        for _ in range(3):  # the first call pays igraph's own set-up: keep the best later one too
            t = time.perf_counter()
            g.pagerank(directed=False)
            again.append(time.perf_counter() - t)
        out["steady"] = min(again)
        top = sorted(zip(arrays.ids, values, strict=True), key=lambda kv: (-kv[1], kv[0]))[:10]
    out["total"] = time.perf_counter() - started
    out["leader"] = top[0][1]
    store.close()
    return out


def end_to_end(args: argparse.Namespace) -> int:
    def say(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    from bench.cli_startup import _old_path

    workdir = Path(args.workdir)
    path = build_store(workdir, args.actors, args.relations, say)
    names = [
        *(["networkx"] if args.networkx else []),
        *(["old"] if args.old else []),
        "new",
        "lazy",
        "igraph",
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    old_env = (
        None if args.old is None else {**env, "PYTHONPATH": _old_path(args.old.resolve(), workdir / "shim")}
    )
    rows: dict[str, list[dict[str, float]]] = {}
    for _ in range(args.repeat):
        for name in names:
            say(f"{name}: a fresh process")
            proc = subprocess.run(
                [sys.executable, "-m", "bench.analytics", "--phase", name, str(path)],
                capture_output=True,
                text=True,
                check=True,
                env=old_env if name == "old" and old_env is not None else env,
            )
            rows.setdefault(name, []).append(json.loads(proc.stdout.strip().splitlines()[-1]))
    best = {name: min(runs, key=lambda r: r["total"]) for name, runs in rows.items()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nPageRank end to end, {_size(args.actors, args.relations)}, best of {args.repeat}; "
          f"{os.cpu_count()} cores, load average {load:.1f}\n")  # fmt: skip
    print("| path | import s | open s (index decoded) | projection s | PageRank s | end to end s |")
    print("|---|---:|---:|---:|---:|---:|")
    labels = {
        "networkx": "before issue 14 (networkx multigraph, simple_graph)",
        "old": f"old code ({args.old.name if args.old else ''}: links to arrays)",
        "new": "new code (stored link columns)",
        "lazy": "new code, index not decoded (as `qkg centrality`)",
        "igraph": "igraph on the same edge list",
    }
    for name in names:
        r, label = best[name], labels[name]
        measure = r["measure"]
        print(f"| {label} | {r['import']:.2f} | {r['open']:.2f} | {r['project']:.2f} | {measure:.3f} | "
              f"{r['total']:.2f} |")  # fmt: skip
    ig = best["igraph"]["steady"]
    print(f"\nigraph's PageRank: first call {best['igraph']['measure']:.3f} s, later calls {ig:.3f} s "
          f"(graph built in {best['igraph']['build']:.3f} s)")  # fmt: skip
    for name in names[:-1]:
        after_open = best[name]["total"] - best[name]["open"] - best[name]["import"]
        print(f"{name}, after opening: {after_open:.3f} s; target (2x igraph's later PageRank): {2 * ig:.3f} s; "
              f"{'met' if after_open <= 2 * ig else 'not met'}")  # fmt: skip
        if not math.isclose(best[name]["leader"], best["new"]["leader"], rel_tol=1e-6):
            print(f"WARNING: {name} and new leaders' scores differ", file=sys.stderr)
    return 0


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
    parser.add_argument(
        "--end-to-end",
        action="store_true",
        help="PageRank from the embedded store on disk, old path vs new, each in a fresh process",
    )
    parser.add_argument("--workdir", default="/tmp/qkg-bench-analytics", help="where the store is kept")
    parser.add_argument("--old", type=Path, help="end to end: also run a git worktree's code (same store)")
    parser.add_argument("--networkx", action="store_true", help="end to end: also the path before issue 14")
    parser.add_argument("--repeat", type=int, default=2, help="end-to-end runs per path (best kept)")
    parser.add_argument("--phase", nargs=2, metavar=("NAME", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(phase(args.phase[0], Path(args.phase[1]))))
        return 0
    if args.end_to_end:
        return end_to_end(args)
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
