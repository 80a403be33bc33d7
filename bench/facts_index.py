"""The embedded index layer alone at a size whose RDF store takes too long to write here: the
object index decoded from the snapshot against the facts file (prints figures, asserts nothing).

Phases, each a fresh process (the cyclic garbage collector off, as in the CLI):

1. ``build``: the synthetic corpus (``bench.store_embedded``'s JSON lines) indexed in memory
   (``GraphIndex.add``, no RDF store), then the snapshot and the facts file written as
   ``EmbeddedStore.close`` writes them, and 2,000 actors with a link and 50 pairs drawn (seed 0);
2. ``old`` / ``new``: what opening does with them (the snapshot hashed; then the object index
   decoded and its hubs sorted, or the facts file mapped and checked), the first 1-hop answer,
   then what a server does before it takes requests (``warm``: the object index's hubs'
   documents counted, or the facts file's tables, hubs' steps and largest hubs' relations
   built), then 1-hop (relations with evidence) and 2-hop (the neighbours' relations, in one
   call as the store answers a level) on the drawn actors and paths (``k_shortest_paths``
   over ``steps``, max_hops 4, k 10) on the pairs, with the thread's CPU time per question;
   look-ups by name of the drawn actors, and entity listings (``name_contains``).

Usage::

    python -m bench.store_embedded --phase generate /tmp/q1m 100000 1000000
    python -m bench.facts_index build /tmp/q1m/index /tmp/q1m/synthetic-100000-1000000.jsonl
    python -m bench.facts_index old /tmp/q1m/index
    python -m bench.facts_index new /tmp/q1m/index
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import random
import resource
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def build(folder: Path, corpus: Path) -> dict[str, Any]:
    from qkg.graph.embedded import facts, snapshot
    from qkg.graph.embedded.index import GraphIndex
    from qkg.graph.merge import canonical_digest
    from qkg.schemas import KnowledgeGraph
    from qkg.schemas.rdf import canonical_delta

    folder.mkdir(parents=True, exist_ok=True)
    cpu = time.process_time()
    index = GraphIndex()
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            canon = canonical_delta(KnowledgeGraph.model_validate_json(line))
            index.add(canon, canonical_digest(canon))
    indexed = time.process_time() - cpu
    cpu = time.process_time()
    data = facts.encode(index)
    facts_cpu = time.process_time() - cpu
    sha = snapshot.write_file(folder / "facts.columns", data)
    del data
    cpu = time.process_time()
    snap = snapshot.encode(index, None, sha)
    snapshot_cpu = time.process_time() - cpu
    snapshot.write_file(folder / "index.json", snap)
    rng = random.Random(0)
    ids = sorted(index.adj)
    drawn = {
        "actors": [rng.choice(ids) for _ in range(2000)],
        "pairs": [(rng.choice(ids), rng.choice(ids)) for _ in range(50)],
        "facts_sha": sha,
        "version": index.version,
    }
    (folder / "sample.json").write_text(json.dumps(drawn))
    return {
        "index_cpu_seconds": indexed,
        "facts_encode_cpu_seconds": facts_cpu,
        "snapshot_encode_cpu_seconds": snapshot_cpu,
        "relations": len(index.rel),
        "facts_mib": (folder / "facts.columns").stat().st_size / 2**20,
        "snapshot_mib": len(snap) / 2**20,
        "peak_rss_mib": _rss_mib(),
    }


def ask(folder: Path, way: str) -> dict[str, Any]:
    from qkg.graph.embedded import facts, snapshot
    from qkg.graph.paths import k_shortest_paths
    from qkg.schemas import EntityFilter, LimitExceeded, Relation

    drawn = json.loads((folder / "sample.json").read_text())
    chosen: list[str] = drawn["actors"]
    cpu, wall = time.process_time(), time.perf_counter()
    found = snapshot.digest_and_header(folder / "index.json")  # what every open does
    assert found is not None
    relations_of: Callable[[Sequence[str]], Mapping[str, list[Relation]]]
    if way == "old":
        data = snapshot.read_file(folder / "index.json")
        assert data is not None
        assert hashlib.sha256(data).hexdigest() == found[0]
        index = snapshot.decode(data)
        del data
        assert index is not None
        index.warm()  # what the store does once it has decoded its index
        reader: Any = index

        def relations_of(ids: Sequence[str]) -> Mapping[str, list[Relation]]:
            return index.relations_of(ids, None)
    else:
        columns = facts.load(folder / "facts.columns", drawn["facts_sha"], drawn["version"])
        reader = columns

        def relations_of(ids: Sequence[str]) -> Mapping[str, list[Relation]]:
            if hasattr(columns, "relations_of"):  # what the store calls
                return columns.relations_of(ids, None)
            # what the store did before the facts file read a frontier in one batch
            return {i: columns.relations(i, None, None, 0) for i in columns.entities_known(ids)}

    reader.relations(chosen[0], None, None, 0)
    out: dict[str, Any] = {
        "way": way,
        "ready_seconds": time.perf_counter() - wall,
        "ready_cpu_seconds": time.process_time() - cpu,
        "ready_rss_mib": _rss_mib(),
    }
    cpu_warm = time.process_time()
    if way == "old":
        reader.count_hubs()  # what the store's warm() does with its index
    else:
        reader.warm()
    warm_cpu = time.process_time() - cpu_warm
    out["warm_rss_mib"] = _rss_mib()
    one: list[float] = []
    two: list[float] = []
    sizes: list[int] = []
    for actor in chosen:
        c0 = time.thread_time()
        rels = reader.relations(actor, None, None, 0)
        c1 = time.thread_time()
        far = relations_of(sorted({r.target if r.source == actor else r.source for r in rels}))
        c2 = time.thread_time()
        sizes.append(sum(map(len, far.values())))
        one.append((c1 - c0) * 1000)
        two.append((c2 - c0) * 1000)
    times: list[float] = []
    connected = 0
    for a, b in drawn["pairs"]:
        c0 = time.thread_time()
        with contextlib.suppress(LimitExceeded):  # past the work bound: timed all the same
            connected += bool(k_shortest_paths(lambda ns: reader.steps(ns, None), a, b, max_hops=4, k=10))
        times.append((time.thread_time() - c0) * 1000)
    named = reader.entities_by_id(chosen)
    names = [named[a].name for a in chosen if a in named]
    look: list[float] = []
    for name in names:
        c0 = time.thread_time()
        assert reader.find_entities(name)
        look.append((time.thread_time() - c0) * 1000)
    listing: list[float] = []
    for part in ("qu", "lab", "a", "zz"):
        c0 = time.thread_time()
        reader.entities(EntityFilter(name_contains=part), 20, 0)
        reader.count_entities(EntityFilter(name_contains=part))
        listing.append((time.thread_time() - c0) * 1000)
    out.update(_timed(reader, chosen[:200]))
    out.update(
        {
            "warm_cpu_seconds": warm_cpu,
            "name_cpu_ms": [_pct(look, 0.5), _pct(look, 0.99)],
            "listing_cpu_ms": listing,
            "one_hop_cpu_ms": [_pct(one, 0.5), _pct(one, 0.99)],
            "two_hop_cpu_ms": [_pct(two, 0.5), _pct(two, 0.99)],
            "two_hop_relations": [_pct(sizes, 0.5), _pct(sizes, 0.99), max(sizes)],
            "paths_cpu_ms": [_pct(times, 0.5), _pct(times, 0.99)],
            "connected": connected,
            "peak_rss_mib": _rss_mib(),
            "cpu_seconds": time.process_time() - cpu,
        }
    )
    return out


def _timed(reader: Any, chosen: list[str]) -> dict[str, Any]:
    """Questions that read each fact's documents, on ``chosen``: a depth-2 walk as of a day,
    with support, both (``steps_as_of`` per level, then the relations shown by key, as the
    collaborator query asks them), and 1-hop relations as of the day. Skipped where the
    reader has no such reads (the facts file before it answered them)."""
    import datetime as dt

    from qkg.graph.merge import AsOf
    from qkg.schemas import RelationFilter, step_relation_key

    if not hasattr(reader, "steps_as_of"):
        return {}
    out: dict[str, Any] = {}
    day = dt.date(2019, 1, 1)
    for name, asked in (("as_of", AsOf(day)), ("min_support", AsOf(None, 2)), ("both", AsOf(day, 2))):
        walk: list[float] = []
        for actor in chosen:
            c0 = time.thread_time()
            first = reader.steps_as_of([actor], None, asked)[actor]
            near = sorted({s[0] for s in first})
            second = reader.steps_as_of(near, None, asked)
            keys = [
                step_relation_key(n, s[1], s[0], s[3])
                for n, steps in [(actor, first), *second.items()]
                for s in steps[:5]
                if s[2] is None
            ]
            reader.relations_by_key(keys, asked)
            walk.append((time.thread_time() - c0) * 1000)
        out[f"walk_{name}_cpu_ms"] = [_pct(walk, 0.5), _pct(walk, 0.99)]
    one: list[float] = []
    f = RelationFilter(as_of=day)
    for actor in chosen:
        c0 = time.thread_time()
        reader.relations(actor, f, None, 0)
        one.append((time.thread_time() - c0) * 1000)
    out["one_hop_as_of_cpu_ms"] = [_pct(one, 0.5), _pct(one, 0.99)]
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2 or args[0] not in ("build", "old", "new") or (args[0] == "build") != (len(args) == 3):
        print(__doc__)
        return 2
    gc.disable()
    result = build(Path(args[1]), Path(args[2])) if args[0] == "build" else ask(Path(args[1]), args[0])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
