"""What ``asOf`` and ``minSupport`` add to the collaborator query (issue 15; prints figures).

The synthetic ecosystem (:func:`bench.synthetic.generate_deltas`, seed 0: documents dated
2012 to 2025, a tenth of the relation sentences repeating an earlier relation, so some
relations have two documents or more) is loaded into a store, and the collaborator query of
``bench/api_latency.py`` (``actor(id) { collaborators(depth: 2) { distance linkCount actor
links { agreement evidence { document } } } }``) is executed through qkg's GraphQL schema,
in process, with the answer cache off (every request a new question), four ways on the same
random actors, interleaved so the machine's load falls on all four alike:

- ``plain``: no time argument;
- ``asOf``: ``asOf: --as-of`` (default 2019-01-01, about half-way through the documents);
- ``minSupport``: ``minSupport: --min-support`` (default 2);
- ``both``: the two together.

It prints p50, p99 and max per variant, each variant's p99 over the plain one (the target of
issue 15: at most 1.20), and the average number of collaborators and links each answers
with (so that the filters are seen to filter). As ``qkg serve`` does, the loaded graph is
frozen for the garbage collector before timing.

The embedded store is kept in ``--workdir`` (``store-<actors>-<relations>``) and reused by
later runs of the same size; ``--index-only`` builds only its in-memory index from the
deltas (what the queries read; no RDF store is written, nothing is kept: the way to run
100k/1M on a shared machine); ``--store neo4j`` starts a Neo4j 5.26 (``tests/neo4j``) and
loads it through qkg (``Neo4jStore.upsert_many``), or uses ``--uri``.

Usage::

    python -m bench.time_queries --actors 10000 --relations 100000 --workdir /tmp/qkg-time
    python -m bench.time_queries --actors 100000 --relations 1000000 --index-only
    python -m bench.time_queries --store neo4j --actors 10000 --relations 100000
    python -m bench.time_queries --store neo4j --actors 5000 --relations 50000 --old --questions 40

``--old`` asks first with every timed step decided by keyed reads of its parts (the reading
before Neo4j decided most of them in its step statement), then as the code does now.
``--keep`` with ``--uri``: load the server only when it is empty and leave it loaded, so that
two checkouts (old and new code) can take turns on one load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["QUERY", "VARIANTS", "main"]

QUERY = """query($id: ID!, $asOf: Date, $minSupport: Int) { actor(id: $id) { ... on Actor {
  id name collaborators(depth: 2, asOf: $asOf, minSupport: $minSupport) {
  distance linkCount actor { id name type }
  links { type source { id } target { id } agreement { id kind date }
    evidence { sentence confidence document { title url publishedAt } } } } } } }"""

#: The four ways a question is asked: (label, with asOf, with minSupport).
VARIANTS = (("plain", False, False), ("asOf", True, False), ("minSupport", False, True), ("both", True, True))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _deltas(actors: int, relations: int) -> Iterator[Any]:
    from bench.synthetic import generate_deltas

    return generate_deltas(actors, relations, seed=0)


@contextmanager
def _embedded(workdir: Path, actors: int, relations: int, fresh: bool) -> Iterator[Any]:
    from qkg.graph.embedded import EmbeddedStore

    folder = workdir / f"store-{actors}-{relations}"
    done = folder / "loaded"
    if fresh or not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        t0 = time.perf_counter()
        store = EmbeddedStore(folder / "store")
        store.upsert_many(_deltas(actors, relations))
        store.close()
        done.write_text(f"{actors} {relations}\n", encoding="utf-8")
        print(f"  generated and loaded in {time.perf_counter() - t0:.0f} s", flush=True)
    t0 = time.perf_counter()
    store = EmbeddedStore(folder / "store")
    store.warm()
    print(f"  opened (index decoded) in {time.perf_counter() - t0:.1f} s", flush=True)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _index_only(actors: int, relations: int) -> Iterator[Any]:
    """An embedded store whose in-memory index is built straight from the deltas, no RDF
    written: the queries read only the index, and at 100k/1M writing the RDF store takes
    half an hour of a shared machine. The store's folder is a temporary one, closed
    without its snapshot."""
    import tempfile

    from qkg.graph.embedded import EmbeddedStore
    from qkg.graph.embedded.index import GraphIndex
    from qkg.graph.merge import canonical_digest
    from qkg.schemas.rdf import canonical_delta

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        index = GraphIndex()
        for delta in _deltas(actors, relations):
            canon = canonical_delta(delta)
            index.add(canon, canonical_digest(canon))
        store = EmbeddedStore(Path(tmp) / "store")
        store._idx, store._deferred = index, None
        index.warm()
        store.warm()
        print(f"  generated and indexed (no RDF) in {time.perf_counter() - t0:.0f} s", flush=True)
        try:
            yield store
        finally:
            store._snapshot_fresh = True  # nothing to save: the index is not the RDF store's
            store.close()


@contextmanager
def _neo4j(uri: str | None, actors: int, relations: int, keep: bool) -> Iterator[Any]:
    from bench.store_neo4j import _server
    from qkg.graph.neo4j import Neo4jStore

    with _server(uri) as where:
        store = Neo4jStore(where)
        if keep and store.stats().documents > 0:
            print(f"  kept: {store.stats().documents} documents already loaded", flush=True)
        else:
            store.clear()
            t0 = time.perf_counter()
            store.upsert_many(_deltas(actors, relations), batch_size=100)
            print(f"  generated and loaded in {time.perf_counter() - t0:.0f} s", flush=True)
        try:
            yield store
        finally:
            if not keep:
                store.clear()
            store.close()


@contextmanager
def _old_timed_steps(store: Any) -> Iterator[None]:
    """The store's timed steps as :func:`qkg.graph.reading.steps_as_of` decides them (plain
    steps, then keyed reads of every step's relation or agreement), for the ``--old`` run."""
    from functools import partial

    from qkg.graph import reading

    store.steps_as_of = partial(reading.steps_as_of, store)
    try:
        yield
    finally:
        del store.steps_as_of


def _questions(store: Any, n: int, seed: int) -> list[str]:
    """``n`` random actors with at least one partner or co-party (the collaborator query's
    default ``via``), the same for every variant."""
    from qkg.api.types import DEFAULT_VIA

    ids = sorted(e.id for e in store.entities())
    rng = random.Random(seed)
    rng.shuffle(ids)
    out: list[str] = []
    for i in range(0, len(ids), 256):
        chunk = ids[i : i + 256]
        found = store.steps(chunk, DEFAULT_VIA)
        out.extend(a for a in chunk if found.get(a))
        if len(out) >= n:
            break
    return out[:n]


def _run(store: Any, questions: list[str], as_of: dt.date, min_support: int, rounds: int) -> None:
    from qkg.api.context import Context
    from qkg.api.schema import build_schema
    from qkg.api.settings import Settings

    settings = Settings(response_cache_size=0)
    schema = build_schema(settings)

    def ask(actor: str, with_as_of: bool, with_support: bool) -> tuple[float, int, int]:
        variables = {
            "id": actor,
            "asOf": as_of.isoformat() if with_as_of else None,
            "minSupport": min_support if with_support else None,
        }
        context = Context(store, settings, authenticated=False)
        t0 = time.perf_counter()
        result = schema.execute_sync(QUERY, variable_values=variables, context_value=context)
        ms = (time.perf_counter() - t0) * 1000
        if result.errors:
            raise SystemExit(f"{actor} {variables}: {result.errors[0].message}")
        rows = result.data["actor"]["collaborators"]  # type: ignore[index]
        return ms, len(rows), sum(len(r["links"]) for r in rows)

    for a in questions[:5]:  # warm-up, not timed: imports, the schema's first resolutions
        for _, x, y in VARIANTS:
            ask(a, x, y)
    gc.collect()
    gc.freeze()  # what `qkg serve` does once the graph is loaded
    times: dict[str, list[float]] = {v[0]: [] for v in VARIANTS}
    found: dict[str, list[tuple[int, int]]] = {v[0]: [] for v in VARIANTS}
    t_all = time.perf_counter()
    for r in range(rounds):
        for i, actor in enumerate(questions):
            order = VARIANTS[(i + r) % 4 :] + VARIANTS[: (i + r) % 4]  # rotate who goes first
            for label, x, y in order:
                ms, n, links = ask(actor, x, y)
                times[label].append(ms)
                found[label].append((n, links))
    print(
        f"  {len(questions)} actors x {rounds} rounds x 4 variants in {time.perf_counter() - t_all:.0f} s"
        f" (asOf {as_of}, minSupport {min_support})"
    )
    base = _pct(times["plain"], 0.99)
    print(
        f"  {'variant':<11} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'p99/plain':>10} {'collabs':>8} {'links':>7}"
    )
    for label, _, _ in VARIANTS:
        t = times[label]
        n = sum(c for c, _ in found[label]) / len(found[label])
        k = sum(c for _, c in found[label]) / len(found[label])
        print(
            f"  {label:<11} {_pct(t, 0.5):8.1f} {_pct(t, 0.99):8.1f} {max(t):8.1f}"
            f" {_pct(t, 0.99) / base:9.2f}x {n:8.1f} {k:7.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=("embedded", "neo4j"), default="embedded")
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/qkg-time-queries"))
    parser.add_argument("--fresh", action="store_true", help="reload the embedded store even if kept")
    parser.add_argument(
        "--index-only",
        action="store_true",
        help="embedded: build only the in-memory index (no RDF, not kept)",
    )
    parser.add_argument("--uri", help="a running Neo4j (else one is started from tests/neo4j)")
    parser.add_argument("--questions", type=int, default=100, help="random actors asked")
    parser.add_argument("--rounds", type=int, default=2, help="times each actor is asked each way")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2019, 1, 1))
    parser.add_argument("--min-support", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument(
        "--old",
        action="store_true",
        help="first ask with every timed step decided by keyed reads of its parts (the reading "
        "before Neo4j decided them in its statement), then as the code does now",
    )
    parser.add_argument("--load-only", action="store_true", help="load (or reuse) the store, ask nothing")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="neo4j with --uri: reuse what the server holds (load only an empty one) and leave it loaded",
    )
    args = parser.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    print(f"time queries: {args.store}, {args.actors} actors / {args.relations} relations", flush=True)
    if args.store == "neo4j":
        opened = _neo4j(args.uri, args.actors, args.relations, args.keep)
    elif args.index_only:
        opened = _index_only(args.actors, args.relations)
    else:
        opened = _embedded(args.workdir, args.actors, args.relations, args.fresh)
    with opened as store:
        if args.load_only:
            return 0
        questions = _questions(store, args.questions, args.seed)
        if args.old:
            print("  old: timed steps by the full rule (keyed reads of every step's parts)")
            with _old_timed_steps(store):
                _run(store, questions, args.as_of, args.min_support, args.rounds)
            print("  new:")
        _run(store, questions, args.as_of, args.min_support, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
