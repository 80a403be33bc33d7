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
   ratios to the naive writer are the speed-ups on the same data.

Usage::

    python -m bench.store_neo4j --actors 10000 --relations 100000 --naive-docs 20
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["main", "naive_load"]

REPO = Path(__file__).resolve().parents[1]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextmanager
def _server(uri: str | None) -> Iterator[str]:
    if uri:
        yield uri
        return
    sys.path.insert(0, str(REPO))
    from tests.neo4j.server import running_server

    with running_server(page_cache_mib=512) as server:
        yield server.uri


def naive_load(driver: Any, deltas: list[Any]) -> int:
    """One auto-commit statement per entity and per relation: the baseline a batched writer
    is measured against. Returns the number of relation statements."""
    from qkg.graph.neo4j_merge import evidence_to_json

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
    args = parser.parse_args(argv)

    import neo4j

    from bench.synthetic import generate_deltas
    from qkg.graph.neo4j import Neo4jStore

    t0 = time.perf_counter()
    deltas = list(
        generate_deltas(args.actors, args.relations, seed=args.seed, relations_per_doc=args.relations_per_doc)
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

    with _server(args.uri) as uri:
        store = Neo4jStore(uri)
        driver = neo4j.GraphDatabase.driver(uri, notifications_min_severity="OFF")
        try:
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
            naive_s, batched_s, bulk_s = (statistics.median(times[k]) for k in ("naive", "batched", "bulk"))
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
            out["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
        finally:
            driver.close()
            store.close()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
