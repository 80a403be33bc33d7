"""Benchmark of the embedded store on the synthetic ecosystem (prints figures, asserts nothing).

Phases, each in a fresh process so peak memory and start-up are honest:

1. ``generate``: the synthetic corpus (:func:`bench.synthetic.generate_deltas`) to JSON lines,
   and the same corpus as N-Quads (:func:`qkg.schemas.rdf.delta_to_nquads`), cached in the
   work folder;
2. ``load``: ``EmbeddedStore.upsert`` of every delta (only the upserts are timed; reading the
   JSON lines is not), then ``close`` (which writes the index snapshot);
3. ``raw``: pyoxigraph's own bulk loader (``Store.bulk_load``) on the same N-Quads into an
   empty on-disk store: the library's ceiling for the same quads;
4. ``stats``: open, ``stats()``, close, as ``qkg stats`` does;
5. ``open``: start-up from the snapshot (the constructor, then the first 1-hop answer:
   what it costs to be ready for it, and the memory then), then 1-hop (relations with
   evidence) and 2-hop (the neighbours' relations, one batch call, as the API does)
   latencies and paths on random actors with a link (drawn once by the ``ids`` phase from
   the columns file, so that choosing them decodes nothing), then every link;
6. ``rebuild``: start-up with the snapshot removed (index rebuilt from RDF);
7. ``serve`` (run alone: ``--phase serve <workdir> 0 0 <samples>``): what ``qkg serve`` does
   before it takes requests (:func:`qkg.api.app.open_store`: the constructor and ``warm``, the
   collector paused, then frozen), then GraphQL questions in process on the drawn actors, by
   name: the actor, its collaborators at depth 1 and 2 with evidence and documents, a path, the
   stats; the process's CPU time per question (the app answers on another thread).

Usage::

    python -m bench.store_embedded --actors 100000 --relations 1000000 --workdir /tmp/qkg-bench
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["main"]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _du_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _corpus_paths(workdir: Path, actors: int, relations: int) -> tuple[Path, Path]:
    stem = f"synthetic-{actors}-{relations}"
    return workdir / f"{stem}.jsonl", workdir / f"{stem}.nq"


def phase_generate(workdir: Path, actors: int, relations: int) -> dict[str, Any]:
    from bench.synthetic import generate_deltas
    from qkg.schemas.rdf import canonical_delta, delta_to_nquads

    jsonl, nq = _corpus_paths(workdir, actors, relations)
    if jsonl.exists() and nq.exists():
        return {"cached": True}
    started = time.perf_counter()
    docs = rels = 0
    with (
        open(jsonl.with_suffix(".tmp"), "w", encoding="utf-8") as fj,
        open(nq.with_suffix(".nqtmp"), "w", encoding="utf-8") as fq,
    ):
        for delta in generate_deltas(actors, relations, seed=0):
            fj.write(delta.model_dump_json())
            fj.write("\n")
            fq.write(delta_to_nquads(canonical_delta(delta)))
            docs += 1
            rels += len(delta.relations)
    jsonl.with_suffix(".tmp").replace(jsonl)
    nq.with_suffix(".nqtmp").replace(nq)
    return {
        "cached": False,
        "documents": docs,
        "relation_rows": rels,
        "seconds": time.perf_counter() - started,
    }


def phase_load(workdir: Path, actors: int, relations: int, prefix: int = 200) -> dict[str, Any]:
    from qkg.graph.embedded import EmbeddedStore
    from qkg.schemas import KnowledgeGraph

    jsonl, _ = _corpus_paths(workdir, actors, relations)
    folder = workdir / "store"
    shutil.rmtree(folder, ignore_errors=True)
    docs = rel_rows = evidence = 0
    # one by one (what a loader does per document) on a prefix of the corpus
    single = workdir / "store-single"
    shutil.rmtree(single, ignore_errors=True)
    one_by_one = EmbeddedStore(single)
    single_seconds = 0.0
    single_rows = 0
    with open(jsonl, encoding="utf-8") as f:
        for line, _ in zip(f, range(prefix), strict=False):
            delta = KnowledgeGraph.model_validate_json(line)
            single_rows += len(delta.relations)
            t = time.perf_counter()
            one_by_one.upsert(delta)
            single_seconds += time.perf_counter() - t
    one_by_one.close()
    shutil.rmtree(single, ignore_errors=True)

    # the whole corpus through upsert_many (bulk batches), timing only the store's work
    parse_seconds = 0.0

    def stream() -> Iterator[KnowledgeGraph]:
        nonlocal docs, rel_rows, evidence, parse_seconds
        with open(jsonl, encoding="utf-8") as f:
            for line in f:
                t = time.perf_counter()
                delta = KnowledgeGraph.model_validate_json(line)
                parse_seconds += time.perf_counter() - t
                docs += 1
                rel_rows += len(delta.relations)
                evidence += sum(len(r.evidence) for r in delta.relations)
                yield delta

    store = EmbeddedStore(folder)
    t = time.perf_counter()
    store.upsert_many(stream())
    upsert = time.perf_counter() - t - parse_seconds
    stats = store.stats()
    t = time.perf_counter()
    store.close()
    close = time.perf_counter() - t
    return {
        "documents": docs,
        "relation_rows": rel_rows,
        "relations": stats.relations,
        "entities": stats.entities,
        "agreements": stats.agreements,
        "evidence": stats.evidence,
        "upsert_seconds": upsert,
        "relations_per_second": rel_rows / upsert,
        "single_documents": prefix,
        "single_relations_per_second": single_rows / single_seconds,
        "close_seconds": close,
        "peak_rss_mib": _rss_mib(),
        "disk_mib": _du_mib(folder),
        "rdf_disk_mib": _du_mib(folder / "oxigraph"),
    }


def phase_raw(workdir: Path, actors: int, relations: int) -> dict[str, Any]:
    import pyoxigraph as ox

    _, nq = _corpus_paths(workdir, actors, relations)
    folder = workdir / "raw"
    shutil.rmtree(folder, ignore_errors=True)
    store = ox.Store(str(folder))
    t = time.perf_counter()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - t
    quads = len(store)
    return {"seconds": seconds, "quads": quads, "peak_rss_mib": _rss_mib(), "disk_mib": _du_mib(folder)}


def phase_ids(workdir: Path, samples: int) -> dict[str, Any]:
    """Draw the actors the open phase asks about (actors with a link, uniformly, seed 0) and
    save them, so that the open phase needs no whole-graph answer to choose them."""
    from qkg.graph.embedded import EmbeddedStore

    with EmbeddedStore(workdir / "store") as store:
        ids = store.edge_arrays().ids  # the columns file saved beside the snapshot
    rng = random.Random(0)
    chosen = [rng.choice(ids) for _ in range(samples)]
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(50)]
    (workdir / f"sample-{samples}.json").write_text(json.dumps({"actors": chosen, "pairs": pairs}))
    return {"ids": len(ids)}


def phase_open(workdir: Path, samples: int, rebuild: bool) -> dict[str, Any]:
    from qkg.graph.embedded import EmbeddedStore
    from qkg.schemas import LimitExceeded

    folder = workdir / "store"
    if rebuild:
        (folder / "index.json").unlink(missing_ok=True)
    sample = workdir / f"sample-{samples}.json"
    if not rebuild and not sample.exists():
        _child(["ids", str(workdir), "0", "0", str(samples)])
    drawn = json.loads(sample.read_text()) if not rebuild else {"actors": [], "pairs": []}
    chosen: list[str] = drawn["actors"]
    cpu = time.process_time()
    t = time.perf_counter()
    store = EmbeddedStore(folder)
    opened = time.perf_counter() - t
    out: dict[str, Any] = {
        "open_seconds": opened,
        "open_cpu_seconds": time.process_time() - cpu,
        "rebuilt_from": store.rebuilt_from,
        "rss_mib": _rss_mib(),
    }
    if not rebuild:
        store.relations(chosen[0])  # the first answer: what it costs to be ready for it
        out["ready_seconds"] = time.perf_counter() - t
        out["ready_cpu_seconds"] = time.process_time() - cpu
        out["ready_rss_mib"] = _rss_mib()
        one: list[float] = []
        two: list[float] = []
        one_cpu: list[float] = []  # CPU time of the thread: what a loaded machine disturbs least
        two_cpu: list[float] = []
        sizes1: list[int] = []
        sizes2: list[int] = []
        for eid in chosen:
            c0, t0 = time.thread_time(), time.perf_counter()
            rels = store.relations(eid)
            c1, t1 = time.thread_time(), time.perf_counter()
            neighbours = sorted({r.target if r.source == eid else r.source for r in rels})
            second = store.relations_of(neighbours)
            c2, t2 = time.thread_time(), time.perf_counter()
            one.append((t1 - t0) * 1000)
            two.append((t2 - t0) * 1000)
            one_cpu.append((c1 - c0) * 1000)
            two_cpu.append((c2 - c0) * 1000)
            sizes1.append(sum(len(r.evidence) for r in rels))
            sizes2.append(sum(len(v) for v in second.values()))
        out.update(
            {
                "one_hop_ms": {"p50": _pct(one, 0.5), "p99": _pct(one, 0.99), "max": max(one)},
                "two_hop_ms": {"p50": _pct(two, 0.5), "p99": _pct(two, 0.99), "max": max(two)},
                "one_hop_cpu_ms": {"p50": _pct(one_cpu, 0.5), "p99": _pct(one_cpu, 0.99)},
                "two_hop_cpu_ms": {"p50": _pct(two_cpu, 0.5), "p99": _pct(two_cpu, 0.99)},
                "one_hop_evidence": {"p50": _pct(sizes1, 0.5), "p99": _pct(sizes1, 0.99), "max": max(sizes1)},
                "two_hop_relations": {
                    "p50": _pct(sizes2, 0.5),
                    "p99": _pct(sizes2, 0.99),
                    "max": max(sizes2),
                },
                "samples": samples,
            }
        )
        times: list[float] = []
        times_cpu: list[float] = []
        found = limited = 0
        for a, b in drawn["pairs"]:
            c, t = time.thread_time(), time.perf_counter()
            try:
                found += bool(store.paths(a, b, max_hops=4, k=10))
            except LimitExceeded:
                limited += 1
            times.append((time.perf_counter() - t) * 1000)
            times_cpu.append((time.thread_time() - c) * 1000)
        out["paths_ms"] = {
            "p50": _pct(times, 0.5),
            "p99": _pct(times, 0.99),
            "cpu_p50": _pct(times_cpu, 0.5),
            "cpu_p99": _pct(times_cpu, 0.99),
            "with_path": found,
            "limited": limited,
            "pairs": len(times),
        }
        out["queried_rss_mib"] = _rss_mib()
        t = time.perf_counter()
        links = sum(1 for _ in store.links())
        out["links"] = links
        out["links_seconds"] = time.perf_counter() - t
    t = time.perf_counter()
    store.close()
    out["close_seconds"] = time.perf_counter() - t
    return out


def phase_serve(workdir: Path, samples: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from qkg.api.app import create_app, open_store
    from qkg.api.settings import Settings

    sample = workdir / f"sample-{samples}.json"
    if not sample.exists():
        _child(["ids", str(workdir), "0", "0", str(samples)])
    drawn = json.loads(sample.read_text())
    settings = Settings(data_dir=workdir / "store", response_cache_size=0)
    cpu = time.process_time()
    store = open_store(settings)  # as `qkg serve` opens it: warmed, the collector paused,
    gc.enable()  # then on, and what is loaded frozen
    gc.collect()
    gc.freeze()
    out: dict[str, Any] = {"ready_cpu_seconds": time.process_time() - cpu, "ready_rss_mib": _rss_mib()}
    described = store.entities_by_id(drawn["actors"])
    names = [json.dumps(described[a].name) for a in drawn["actors"] if a in described]
    actor = "{ actor(name: %s) { ... on Actor { id name type } } }"
    collaborators = (
        "{ actor(name: %s) { ... on Actor { collaborators(depth: %d) { actor { name type } "
        "links { type agreement { kind } evidence { sentence document { title } } } } } } }"
    )
    path = (
        "{ paths(from: %s, to: %s, maxHops: 4, first: 1) { ... on Paths { found paths { length "
        "hops { source { name } target { name } type evidence { sentence } } } } } }"
    )
    asked: dict[str, list[float]] = {"name": [], "depth_1": [], "depth_2": [], "path": [], "stats": []}
    rng = random.Random(0)
    with TestClient(create_app(settings, store=store, extras=[])) as client:

        def timed(query: str) -> float:
            started = time.process_time()
            answer = client.post("/graphql", json={"query": query})
            assert answer.status_code == 200, answer.text[:300]
            assert "errors" not in answer.json(), answer.text[:300]
            return (time.process_time() - started) * 1000

        out["first_answer_ms"] = timed(actor % names[0])
        out["first_answer_cpu_seconds"] = time.process_time() - cpu
        for i, name in enumerate(names):
            asked["name"].append(timed(actor % name))
            asked["depth_1"].append(timed(collaborators % (name, 1)))
            if i % 4 == 0:
                asked["depth_2"].append(timed(collaborators % (name, 2)))
                asked["path"].append(timed(path % (name, rng.choice(names))))
                asked["stats"].append(timed("{ stats { documents entities relations } }"))
    for what, times in asked.items():
        out[f"{what}_cpu_ms"] = {"p50": _pct(times, 0.5), "p99": _pct(times, 0.99), "n": len(times)}
    out["peak_rss_mib"] = _rss_mib()
    out["index_decoded"] = getattr(store, "_idx", None) is not None
    store.close()
    return out


def phase_stats(workdir: Path) -> dict[str, Any]:
    """What ``qkg stats`` costs: open the store, count, close (a fresh process)."""
    from qkg.graph.embedded import EmbeddedStore

    t = time.perf_counter()
    with EmbeddedStore(workdir / "store") as store:
        documents = store.stats().documents
    return {"seconds": time.perf_counter() - t, "peak_rss_mib": _rss_mib(), "documents": documents}


def _child(args: list[str]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.store_embedded", "--phase", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    if proc.returncode != 0:
        raise SystemExit(f"phase {args[0]} failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=Path("build/bench-store-embedded"))
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument(
        "--skip-rebuild", action="store_true", help="skip the start-up from RDF (slow on big graphs)"
    )
    parser.add_argument("--phase", nargs="*", help=argparse.SUPPRESS)
    ns = parser.parse_args(argv)
    if ns.phase:
        # Each phase is a one-shot process, run as the qkg CLI runs its commands: without the
        # cyclic garbage collector (the store leaves that choice to the entry point).
        gc.disable()
        name, *rest = ns.phase
        workdir, actors, relations = Path(rest[0]), int(rest[1]), int(rest[2])
        if name == "generate":
            result = phase_generate(workdir, actors, relations)
        elif name == "load":
            result = phase_load(workdir, actors, relations)
        elif name == "raw":
            result = phase_raw(workdir, actors, relations)
        elif name == "stats":
            result = phase_stats(workdir)
        elif name == "ids":
            result = phase_ids(workdir, int(rest[3]))
        elif name == "serve":
            result = phase_serve(workdir, int(rest[3]))
        else:
            result = phase_open(workdir, int(rest[3]), rebuild=name == "rebuild")
        print(json.dumps(result))
        return 0

    ns.workdir.mkdir(parents=True, exist_ok=True)
    common = [str(ns.workdir), str(ns.actors), str(ns.relations)]
    print(
        f"embedded store benchmark: {ns.actors:,} actors, {ns.relations:,} relations, {os.cpu_count()} cores"
    )
    gen = _child(["generate", *common])
    print(f"corpus: {gen}")
    load = _child(["load", *common])
    raw = _child(["raw", *common])
    counted = _child(["stats", *common])
    opened = _child(["open", *common, str(ns.samples)])
    rebuilt = None if ns.skip_rebuild else _child(["rebuild", *common, "0"])
    (ns.workdir / "results.json").write_text(
        json.dumps(
            {"generate": gen, "load": load, "raw": raw, "stats": counted, "open": opened, "rebuild": rebuilt},
            indent=2,
        )
    )
    raw_rate = load["relation_rows"] / raw["seconds"]
    rows = [
        (
            "documents / relation rows / distinct relations",
            f"{load['documents']:,} / {load['relation_rows']:,} / {load['relations']:,}",
        ),
        (
            "entities / agreements / evidence",
            f"{load['entities']:,} / {load['agreements']:,} / {load['evidence']:,}",
        ),
        ("quads (raw store)", f"{raw['quads']:,}"),
        (
            "load: EmbeddedStore.upsert_many",
            f"{load['upsert_seconds']:.1f} s, {load['relations_per_second']:,.0f} relations/s",
        ),
        (
            f"load: EmbeddedStore.upsert one by one (first {load['single_documents']} documents)",
            f"{load['single_relations_per_second']:,.0f} relations/s",
        ),
        ("load: pyoxigraph bulk_load, same N-Quads", f"{raw['seconds']:.1f} s, {raw_rate:,.0f} relations/s"),
        ("ratio upsert_many / raw bulk_load (time)", f"{load['upsert_seconds'] / raw['seconds']:.2f}x"),
        ("close (snapshot write)", f"{load['close_seconds']:.1f} s"),
        (
            "peak memory: load / raw / opened",
            f"{load['peak_rss_mib']:,.0f} / {raw['peak_rss_mib']:,.0f} / {opened['rss_mib']:,.0f} MiB",
        ),
        (
            "disk: store (RDF + snapshot) / RDF only / raw",
            f"{load['disk_mib']:,.0f} / {load['rdf_disk_mib']:,.0f} / {raw['disk_mib']:,.0f} MiB",
        ),
        (
            "open + stats + close (`qkg stats`)",
            f"{counted['seconds']:.2f} s, {counted['peak_rss_mib']:,.0f} MiB",
        ),
        ("start-up from snapshot (constructor)", f"{opened['open_seconds']:.2f} s"),
        (
            "start-up from snapshot to the first 1-hop answer",
            f"{opened['ready_seconds']:.2f} s ({opened['ready_cpu_seconds']:.2f} s CPU), "
            f"{opened['ready_rss_mib']:,.0f} MiB",
        ),
        ("peak memory after the 1-hop, 2-hop and path questions", f"{opened['queried_rss_mib']:,.0f} MiB"),
        ("start-up rebuilt from RDF", "skipped" if rebuilt is None else f"{rebuilt['open_seconds']:.1f} s"),
        (
            "1-hop with evidence p50 / p99 / max",
            "{p50:.3f} / {p99:.3f} / {max:.1f} ms".format(**opened["one_hop_ms"]),
        ),
        (
            "1-hop evidence pieces p50 / p99 / max",
            "{p50} / {p99} / {max}".format(**opened["one_hop_evidence"]),
        ),
        ("2-hop p50 / p99 / max", "{p50:.3f} / {p99:.2f} / {max:.1f} ms".format(**opened["two_hop_ms"])),
        ("1-hop CPU p50 / p99", "{p50:.3f} / {p99:.3f} ms".format(**opened["one_hop_cpu_ms"])),
        ("2-hop CPU p50 / p99", "{p50:.3f} / {p99:.2f} ms".format(**opened["two_hop_cpu_ms"])),
        ("2-hop relations p50 / p99 / max", "{p50} / {p99} / {max}".format(**opened["two_hop_relations"])),
        ("all links (analytics projection input)", f"{opened['links']:,} in {opened['links_seconds']:.1f} s"),
        (
            "paths (max_hops 4, k 10) p50 / p99",
            "{p50:.1f} / {p99:.1f} ms ({with_path}/{pairs} pairs connected, {limited} over the work limit)".format(
                **opened["paths_ms"]
            ),
        ),
    ]
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
