"""Benchmark of the Neo4j store on the synthetic ecosystem (prints figures, asserts nothing).

Phases, on one Neo4j 5.26 (started here from ``tests/neo4j`` unless ``--uri`` is given):

1. ``warm``: the JVM (JIT) and the query plans, on throwaway documents, with every writer;
2. ``load``: the whole corpus with :meth:`Neo4jStore.upsert_many` (relations/s, documents/s);
3. ``query``: 1-hop (``relations(actor)``, evidence included) and 2-hop (the neighbours'
   relations in one ``relations_of`` call, as the API batches them) on random actors: p50/p99;
4. ``ratio``: on the same prefix of the corpus, each into an emptied database, median of
   ``--repeats`` runs: a naive writer (one auto-commit statement per entity and per relation),
   :meth:`Neo4jStore.upsert` (one transaction per document, batched ``UNWIND ... MERGE``) and
   :meth:`Neo4jStore.upsert_many` (``--batch-docs`` whole documents per transaction); the
   ratios to the naive writer are the speed-ups on the same data;
5. ``qkg load``: ``--load-docs`` small synthetic documents (``--load-relations-per-doc``
   relations each, written as one N-Quads file) loaded by the loader pipeline ``qkg load``
   runs, once one transaction per document (the store seen through ``upsert`` only: the
   path before bulk writes) and once through the bulk writer; then the real ``qkg load``
   command on the same file (wall clock, interpreter start included); the time spent inside
   the store's write calls is reported apart (reading the file is the same work on both
   paths), and so are the writes' CPU seconds, this process's and the server JVM's (``/proc``;
   the server started here, or ``--server-pid`` with ``--uri``), which the machine's load
   does not inflate as it does wall time. Each into an emptied database, median of
   ``--load-repeats`` runs.

Usage::

    python -m bench.store_neo4j --actors 10000 --relations 100000 --naive-docs 20
    python -m bench.store_neo4j --actors 2000 --relations 10000 --naive-docs 0 --samples 0 --load-docs 1000
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["main", "naive_load", "qkg_load_ratio", "write_nquads"]

REPO = Path(__file__).resolve().parents[1]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextmanager
def _server(uri: str | None, pid: list[int] | None = None) -> Iterator[str]:
    """The Neo4j at ``uri``, or one started here; ``pid`` receives the started JVM's process id."""
    if uri:
        yield uri
        return
    sys.path.insert(0, str(REPO))
    from tests.neo4j.server import running_server

    with running_server(page_cache_mib=512) as server:
        if pid is not None and server.pid is not None:
            pid.append(server.pid)
        yield server.uri


def jvm_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) a process has used so far, from ``/proc`` (0.0 without one):
    the server's share of a write, which wall time on a shared machine hides."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def naive_load(driver: Any, deltas: list[Any]) -> int:
    """One auto-commit statement per entity and per relation: the baseline a batched writer
    is measured against. Returns the number of relation statements."""
    from qkg.graph.neo4j.merge import evidence_to_json

    n = 0
    for d in deltas:
        for e in d.entities:
            driver.execute_query(
                f"MERGE (n:Actor {{id: $id}}) SET n:{e.type.value}, n.name = $name, n.type = $type",
                {"id": e.id, "name": e.name, "type": e.type.value},
            )
        for r in d.relations:
            driver.execute_query(
                "MATCH (a:Actor {id: $s}) MATCH (b:Actor {id: $t}) "
                f"MERGE (a)-[r:{r.type.value}]->(b) "
                "SET r.evidence = coalesce(r.evidence, []) + $evidence, r.confidence = $confidence",
                {
                    "s": r.source,
                    "t": r.target,
                    "evidence": [evidence_to_json(ev) for ev in r.evidence],
                    "confidence": r.confidence,
                },
            )
            n += 1
    return n


def write_nquads(deltas: list[Any], path: Path) -> int:
    """All ``deltas`` as one N-Quads file (one named graph per document, what ``qkg export``
    writes), which ``qkg load`` reads as that many documents; returns its size in bytes."""
    from qkg.schemas.rdf import delta_to_nquads

    with path.open("w", encoding="utf-8") as f:
        for d in deltas:
            f.write(delta_to_nquads(d))
    return path.stat().st_size


class _Timed:
    """The store as ``qkg load`` sees it, timing the writes: with ``bulk=False`` only
    ``upsert`` is there (one transaction per document, the path before bulk writes)."""

    def __init__(self, store: Any, *, bulk: bool, server_pid: int | None = None) -> None:
        self._store = store
        self.seconds = 0.0
        self.client_cpu = 0.0
        self.server_cpu = 0.0
        self._bulk = bulk
        self._pid = server_pid

    def _timed(self, call: Any, arg: Any) -> Any:
        t, c, j = time.perf_counter(), time.process_time(), jvm_cpu(self._pid)
        try:
            return call(arg)
        finally:
            self.seconds += time.perf_counter() - t
            self.client_cpu += time.process_time() - c
            self.server_cpu += jvm_cpu(self._pid) - j

    def upsert(self, delta: Any) -> Any:
        return self._timed(self._store.upsert, delta)

    def upsert_many(self, deltas: Any) -> Any:
        if self._bulk:
            return self._timed(self._store.upsert_many, deltas)
        return [self.upsert(d) for d in deltas]  # the writer protocol's default: the loop


def qkg_load_ratio(
    uri: str, store: Any, deltas: list[Any], repeats: int, server_pid: int | None = None
) -> dict[str, Any]:
    """``qkg load`` of ``deltas`` (as one N-Quads file): one transaction per document vs the bulk
    writer, through the same loader pipeline, then the real command. With the server's process
    id, the writes' CPU seconds too (this process's and the server's), which the machine's load
    does not inflate as it does wall time."""
    from qkg.loaders.pipeline import load_paths
    from qkg.loaders.read import ReadOptions

    times: dict[str, list[float]] = {"one_by_one": [], "bulk": [], "qkg_load_command": []}
    writes: dict[str, list[float]] = {"one_by_one": [], "bulk": []}
    cpu: dict[str, list[float]] = {"one_by_one": [], "bulk": []}
    with tempfile.TemporaryDirectory(prefix="qkg-load-bench-") as tmp:
        corpus = Path(tmp) / "synthetic.nq"
        size = write_nquads(deltas, corpus)
        cap = str(size + 1)  # over the default document cap (10 MB) when large
        env = {
            **os.environ,
            "QKG_STORE": "neo4j",
            "QKG_NEO4J_URI": uri,
            "QKG_DATA_DIR": str(Path(tmp) / "data"),
        }
        for _ in range(repeats):
            for name in ("one_by_one", "bulk"):
                target = _Timed(store, bulk=name == "bulk", server_pid=server_pid)
                store.clear()
                t = time.perf_counter()
                gc.disable()  # as `qkg load` runs (the CLI's entry point turns the collector off)
                try:
                    summary = load_paths(
                        [str(corpus)], target, options=ReadOptions(max_bytes=size + 1), progress=False
                    )
                finally:
                    gc.enable()
                times[name].append(time.perf_counter() - t)
                writes[name].append(target.seconds)
                cpu[name].append(target.client_cpu + target.server_cpu)
                print(
                    f"  {name}: writes {target.seconds:.1f} s, CPU client {target.client_cpu:.2f} s"
                    + (f" + server {target.server_cpu:.2f} s" if server_pid else ""),
                    file=sys.stderr,
                )
                if summary.rejected or summary.documents != len(deltas):
                    raise SystemExit(f"{name}: {summary.documents} loaded, rejected {summary.rejected[:3]}")
            store.clear()
            t = time.perf_counter()
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "qkg.api.cli",
                    "load",
                    str(corpus),
                    "--no-progress",
                    "--max-bytes",
                    cap,
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            times["qkg_load_command"].append(time.perf_counter() - t)
            if run.returncode != 0 or f"loaded {len(deltas)} document(s)" not in run.stdout:
                raise SystemExit(
                    f"qkg load failed ({run.returncode}): {run.stdout[-500:]} {run.stderr[-1500:]}"
                )
    one, bulk, cli = (statistics.median(times[k]) for k in ("one_by_one", "bulk", "qkg_load_command"))
    one_w, bulk_w = (statistics.median(writes[k]) for k in ("one_by_one", "bulk"))
    return {
        "documents": len(deltas),
        "relation_rows": sum(len(d.relations) for d in deltas),
        "nquads_mb": round(size / 1e6, 1),
        "repeats": repeats,
        "one_by_one_s": round(one, 2),
        "bulk_s": round(bulk, 2),
        "qkg_load_command_s": round(cli, 2),
        "one_by_one_documents_per_s": round(len(deltas) / one, 1),
        "bulk_documents_per_s": round(len(deltas) / bulk, 1),
        "one_by_one_writes_s": round(one_w, 2),
        "bulk_writes_s": round(bulk_w, 2),
        "speedup_writes": round(one_w / bulk_w, 1),
        "one_by_one_writes_cpu_s": round(statistics.median(cpu["one_by_one"]), 2),
        "bulk_writes_cpu_s": round(statistics.median(cpu["bulk"]), 2),
        "speedup_writes_cpu": round(statistics.median(cpu["one_by_one"]) / statistics.median(cpu["bulk"]), 1),
        "speedup_bulk": round(one / bulk, 1),
        "speedup_command_vs_one_by_one": round(one / cli, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--relations", type=int, default=50_000)
    parser.add_argument("--relations-per-doc", type=int, default=100)
    parser.add_argument(
        "--naive-docs", type=int, default=30, help="prefix of documents for the naive/batched ratio"
    )
    parser.add_argument("--batch-docs", type=int, default=20, help="documents per transaction in bulk loads")
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each writer in the comparison")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--uri", help="use this Neo4j (emptied!) instead of starting one")
    parser.add_argument(
        "--server-pid", type=int, help="with --uri: the server's process id, to count its CPU seconds"
    )
    parser.add_argument(
        "--load-docs", type=int, default=1000, help="documents for the qkg load phase (0: skip)"
    )
    parser.add_argument("--load-relations-per-doc", type=int, default=10)
    parser.add_argument("--load-repeats", type=int, default=1)
    parser.add_argument(
        "--only-load", action="store_true", help="only the qkg load phase (with its own warm-up)"
    )
    args = parser.parse_args(argv)

    import neo4j

    from bench.synthetic import generate_deltas
    from qkg.graph.neo4j import Neo4jStore

    t0 = time.perf_counter()
    deltas = (
        []
        if args.only_load
        else list(
            generate_deltas(
                args.actors, args.relations, seed=args.seed, relations_per_doc=args.relations_per_doc
            )
        )
    )
    gen_s = time.perf_counter() - t0
    rel_rows = sum(len(d.relations) for d in deltas)
    out: dict[str, Any] = {
        "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
        "actors": args.actors,
        "relations": args.relations,
        "documents": len(deltas),
        "relation_rows": rel_rows,
        "generate_s": round(gen_s, 1),
    }
    prefix = deltas[: args.naive_docs]
    prefix_rows = sum(len(d.relations) for d in prefix)

    started: list[int] = []
    with _server(args.uri, started) as uri:
        server_pid = args.server_pid or (started[0] if started else None)
        store = Neo4jStore(uri)
        driver = neo4j.GraphDatabase.driver(uri, notifications_min_severity="OFF")
        try:
            if not args.only_load:
                # Warm the JVM (JIT) and the query plans on throwaway documents from the end.
                warm = deltas[-args.naive_docs :]
                for _ in range(2):
                    store.clear()
                    store.upsert_many(warm, batch_size=args.batch_docs)
                    store.clear()
                    for d in warm:
                        store.upsert(d)
                    store.clear()
                    naive_load(driver, warm)
                store.clear()

                t = time.perf_counter()
                store.upsert_many(deltas, batch_size=args.batch_docs)
                load_s = time.perf_counter() - t
                stats = store.stats()
                out["load"] = {
                    "seconds": round(load_s, 1),
                    "documents_per_s": round(len(deltas) / load_s, 1),
                    "relations_per_s": round(rel_rows / load_s),
                    "stored_relations": stats.relations,
                    "stored_entities": stats.entities,
                    "evidence": stats.evidence,
                }
                print(json.dumps({"load": out["load"]}), flush=True)

                rng = random.Random(args.seed)
                ids = [e.id for e in store.entities()]
                one, two = [], []
                for _ in range(args.samples):
                    actor = rng.choice(ids)
                    t = time.perf_counter()
                    rels = store.relations(actor)
                    one.append((time.perf_counter() - t) * 1000)
                    neighbours = sorted({r.target if r.source == actor else r.source for r in rels})
                    t = time.perf_counter()
                    store.relations(actor)
                    store.relations_of(neighbours)
                    two.append((time.perf_counter() - t) * 1000)
                out["query_ms"] = {
                    "one_hop_p50": round(_pct(one, 0.5), 2),
                    "one_hop_p99": round(_pct(one, 0.99), 2),
                    "two_hop_p50": round(_pct(two, 0.5), 2),
                    "two_hop_p99": round(_pct(two, 0.99), 2),
                    "samples": args.samples,
                }

                # The writers compared on the same prefix, after all of the above warmed the JVM;
                # each measured --repeats times into an emptied database, median kept.
                times: dict[str, list[float]] = {"naive": [], "batched": [], "bulk": []}
                for _ in range(args.repeats):
                    store.clear()
                    t = time.perf_counter()
                    naive_load(driver, prefix)
                    times["naive"].append(time.perf_counter() - t)
                    store.clear()
                    t = time.perf_counter()
                    for d in prefix:
                        store.upsert(d)
                    times["batched"].append(time.perf_counter() - t)
                    store.clear()
                    t = time.perf_counter()
                    store.upsert_many(prefix, batch_size=args.batch_docs)
                    times["bulk"].append(time.perf_counter() - t)
                naive_s, batched_s, bulk_s = (
                    statistics.median(times[k]) for k in ("naive", "batched", "bulk")
                )
                out["ratio"] = {
                    "documents": len(prefix),
                    "relation_rows": prefix_rows,
                    "repeats": args.repeats,
                    "naive_relations_per_s": round(prefix_rows / naive_s),
                    "batched_relations_per_s": round(prefix_rows / batched_s),
                    "bulk_relations_per_s": round(prefix_rows / bulk_s),
                    "speedup_per_document_tx": round(naive_s / batched_s, 1),
                    "speedup_bulk": round(naive_s / bulk_s, 1),
                }
            if args.load_docs:
                small = list(
                    generate_deltas(
                        max(500, args.load_docs // 2),
                        args.load_docs * args.load_relations_per_doc,
                        seed=args.seed,
                        relations_per_doc=args.load_relations_per_doc,
                    )
                )
                if args.only_load:  # warm the JVM and both writers' plans on throwaway documents
                    qkg_load_ratio(uri, store, small[-100:], 1, server_pid)
                out["qkg_load"] = qkg_load_ratio(
                    uri, store, small[: args.load_docs], args.load_repeats, server_pid
                )
                print(json.dumps({"qkg_load": out["qkg_load"]}), flush=True)
            out["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
        finally:
            driver.close()
            store.close()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
