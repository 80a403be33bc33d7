"""API latency and throughput over HTTP, beside a plain FastAPI JSON endpoint (prints figures).

On the synthetic ecosystem (:func:`bench.synthetic.generate_deltas`) in the embedded store
(or, with ``--store neo4j``, in :class:`qkg.graph.neo4j.Neo4jStore` on a local Neo4j 5.26
from :mod:`tests.neo4j.server`, its data kept under ``--workdir``), one uvicorn worker (a
child process) serves both qkg's GraphQL endpoint and a plain FastAPI route that computes
the *same data* with the same store calls (the same batched loader and collaborator walk)
and returns it with orjson: the ceiling for this stack. A bounded local
load generator measures, for each query, p50/p99 latency one request at a time, then
requests/s and p50/p99 with ``--connections`` concurrent keep-alive connections
(``--requests`` requests each run):

- ``collaborators``: ``actor(id) { collaborators(depth: 2) { distance linkCount actor, links {
  agreement, evidence { sentence, document } } } }`` on random actors (the defaults: 50
  collaborators, 5 links each);
- ``paths``: ``paths(from, to, maxHops: 4, first: 10) { hops { evidence } }`` on random pairs.

Three modes: ``graphql`` (default settings: answers cached per query, variables and graph
version; after the warm-up every request is a repeat question), ``graphql-nocache`` (every
request executes: the cost of a new question), and the ``plain`` route.

Usage::

    python -m bench.api_latency --actors 10000 --relations 100000 --workdir /tmp/qkg-api-bench
    python -m bench.api_latency --store neo4j --page-cache-mib 512 --workdir /tmp/qkg-api-bench
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson

__all__ = ["main"]

COLLAB = """query($id: ID!) { actor(id: $id) { ... on Actor { id name collaborators(depth: 2) {
  distance linkCount actor { id name type }
  links { type source { id } target { id } agreement { id kind date }
    evidence { sentence confidence document { title url publishedAt } } } } } } }"""
PATHS = """query($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 4, first: 10) {
  ... on Paths { found paths { length nodes { id name }
    hops { type reversed agreement { id kind } evidence { sentence document { title } } } } } } }"""


# -- the server (child process) -----------------------------------------------------------
def _plain_routes(app: Any, store: Any) -> None:
    """Routes that return the GraphQL answers' data without GraphQL: the stack's ceiling."""
    import orjson
    from fastapi import Response

    from qkg.api.collaborators import collaborators, links_of, load_links
    from qkg.api.context import Group, Loader
    from qkg.api.types import DEFAULT_VIA

    def evidence(loader: Loader, evs: Any) -> list[dict[str, Any]]:
        out = []
        for ev in evs:
            d = loader.document(ev.document_id)
            out.append(
                {
                    "sentence": ev.sentence,
                    "confidence": ev.confidence,
                    "document": None
                    if d is None
                    else {
                        "title": d.title,
                        "url": d.source,
                        "publishedAt": d.published and d.published.isoformat(),
                    },
                }
            )
        return out

    @app.get("/plain/collaborators")
    def plain_collaborators(id: str) -> Response:
        loader = Loader(store)
        e = loader.entity(id)
        if e is None:
            return Response(orjson.dumps({"actor": None}), media_type="application/json")
        rows = []
        # the GraphQL defaults: 50 collaborators, 5 links each, loaded in one batch
        found = collaborators(loader, Group.of([id]), id, 2, tuple(sorted(DEFAULT_VIA)), 50)
        load_links(loader, (h for c in found for h in c.hops[:5]))
        for c in found:
            rows.append(
                {
                    "distance": c.distance,
                    "linkCount": c.link_count,
                    "actor": {
                        "id": c.actor.model.id,
                        "name": c.actor.model.name,
                        "type": c.actor.model.type.name,
                    },
                    "links": [
                        {
                            "type": lk.type.name,
                            "source": {"id": lk.source_id},
                            "target": {"id": lk.target_id},
                            "agreement": None
                            if lk.agreement_model is None
                            else {
                                "id": lk.agreement_model.id,
                                "kind": lk.agreement_model.kind.name,
                                "date": lk.agreement_model.date,
                            },
                            "evidence": evidence(
                                loader,
                                lk.relation.evidence if lk.relation else lk.agreement_model.evidence,  # type: ignore[union-attr]
                            ),
                        }
                        for lk in links_of(loader, c.hops[:5], c.batch.group)
                    ],
                }
            )
        body = {"data": {"actor": {"id": e.id, "name": e.name, "collaborators": rows}}}
        return Response(orjson.dumps(body), media_type="application/json")

    @app.get("/plain/paths")
    def plain_paths(source: str, target: str) -> Response:
        loader = Loader(store)
        found = store.paths(source, target, max_hops=4, k=10)
        nodes = list(dict.fromkeys(n for p in found for n in p.nodes))
        ents = {e.id: e for e in loader.entities(nodes)}
        links = iter(links_of(loader, [h for p in found for h in p.hops], Group.of(nodes)))
        out = []
        for p in found:
            hops = []
            for lk in (next(links) for _ in p.hops):
                ag = lk.agreement_model
                evs = lk.relation.evidence if lk.relation else (ag.evidence if ag else ())
                hops.append(
                    {
                        "type": lk.type.name,
                        "reversed": lk.reversed,
                        "agreement": {"id": ag.id, "kind": ag.kind.name} if ag else None,
                        "evidence": [
                            {
                                "sentence": ev.sentence,
                                "document": {"title": d.title}
                                if (d := loader.document(ev.document_id))
                                else None,
                            }
                            for ev in evs
                        ],
                    }
                )
            out.append(
                {
                    "length": p.length,
                    "nodes": [{"id": n, "name": ents[n].name} for n in p.nodes],
                    "hops": hops,
                }
            )
        body = {"data": {"paths": {"found": bool(out), "paths": out}}}
        return Response(orjson.dumps(body), media_type="application/json")


def open_store(kind: str, where: str) -> Any:
    """The store under test: ``where`` is an embedded store folder, or a Neo4j server's Bolt URI."""
    from qkg.graph.open import open_store as open_graph

    return open_graph(kind=kind, data_dir=Path(where), neo4j_uri=where if kind == "neo4j" else None)


def serve(kind: str, where: str, port: int, cache: int) -> None:
    """Child process: open the store read-only-ish and serve qkg + plain routes."""
    import gc

    import uvicorn

    from qkg.api.app import create_app
    from qkg.api.settings import Settings

    store = open_store(kind, where)
    app = create_app(Settings(response_cache_size=cache, max_query_depth=12), store=store, extras=[])
    _plain_routes(app, store)
    gc.collect()
    gc.freeze()
    print("READY", flush=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    store.close()


# -- building the store -------------------------------------------------------------------
def build(kind: str, where: str, data_dir: Path, actors: int, relations: int) -> dict[str, Any]:
    """Load the synthetic graph once; ``data_dir/.built`` marks it done (and holds its size)."""
    from bench.synthetic import generate_deltas

    if (data_dir / ".built").exists():
        return json.loads((data_dir / ".built").read_text())
    t0 = time.perf_counter()
    store = open_store(kind, where)
    deltas = generate_deltas(actors, relations)
    # Neo4j: 100 documents a transaction (fewer, larger commits); embedded: its bulk default
    store.upsert_many(deltas, **({"batch_size": 100} if kind == "neo4j" else {}))
    stats = store.stats()
    store.close()
    info = {
        "load_s": round(time.perf_counter() - t0, 1),
        "entities": stats.entities,
        "relations": stats.relations,
        "agreements": stats.agreements,
        "documents": stats.documents,
    }
    (data_dir / ".built").write_text(json.dumps(info))
    return info


def sample(kind: str, where: str, n: int, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    """Random actors that have collaborators, and random pairs of them."""
    from qkg.schemas import RelationType

    store = open_store(kind, where)
    try:
        ids = sorted({lk.source for lk in store.links([RelationType.PARTNERS_WITH, RelationType.PARTY_TO])})
    finally:
        store.close()
    rng = random.Random(seed)
    actors = rng.sample(ids, min(n, len(ids)))
    pairs = [(rng.choice(actors), rng.choice(actors)) for _ in range(n)]
    return actors, [(a, b) for a, b in pairs if a != b]


# -- the load generator -------------------------------------------------------------------
async def _load(
    url: str, make: Any, requests: int, connections: int, timeout: float
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client:

        async def worker() -> None:
            nonlocal errors
            for i in counter:
                method, path, kw = make(i)
                t = time.perf_counter()
                r = await client.request(method, path, **kw)
                dt_ = time.perf_counter() - t
                # orjson: parsing the answer pauses the other connections' clocks least
                if r.status_code != 200 or "errors" in orjson.loads(r.content):
                    errors += 1
                latencies.append(dt_)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        wall = time.perf_counter() - t0
    return latencies, errors, wall


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _start(kind: str, where: str, cache: int) -> tuple[subprocess.Popen[str], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [
        sys.executable,
        "-m",
        "bench.api_latency",
        "--store",
        kind,
        "--serve",
        where,
        "--port",
        str(port),
        "--cache",
        str(cache),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    proc.stdout.readline()
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/health").status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


LIMIT_PROBES: dict[str, Any] = {
    "depth": {
        "query": '{ actor(name: "x") { ... on Actor { '
        + "relations { nodes { counterpart { " * 5
        + "name"
        + " } } }" * 5
        + " } } }"
    },
    "aliases": {"query": "{ " + " ".join(f"a{i}: stats {{ documents }}" for i in range(20)) + " }"},
    "tokens": {"query": "{ stats { " + " ".join(["goals"] * 3000) + " } }"},
    "body": {"query": "{ stats { documents } }", "pad": "x" * 1_200_000},
}


def limits(base: str, rounds: int = 50) -> dict[str, Any]:
    """Median and worst time for each limit to reject a request, over HTTP."""
    out: dict[str, Any] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, body in LIMIT_PROBES.items():
            times = []
            for _ in range(rounds):
                t = time.perf_counter()
                r = client.post("/graphql", json=body)
                times.append(time.perf_counter() - t)
                assert r.status_code == 413 or r.json().get("errors"), (name, r.text[:200])
            out[name] = {"p50_ms": round(_pct(times, 0.5) * 1000, 2), "max_ms": round(max(times) * 1000, 2)}
    return out


@contextmanager
def backend(args: argparse.Namespace) -> Iterator[tuple[str, Path]]:
    """``(where, data_dir)`` of the store under test: an embedded store folder, or a local
    Neo4j server on a data folder kept between runs (stopped on exit, Ctrl-C included)."""
    prefix = "store" if args.store == "embedded" else "neo4j"
    data_dir = Path(args.workdir) / f"{prefix}-{args.actors}-{args.relations}"
    if args.store == "embedded":
        yield str(data_dir), data_dir
        return
    from tests.neo4j.server import NEO4J_VERSION, running_server

    with running_server(data_dir, page_cache_mib=args.page_cache_mib) as server:
        print(
            f"neo4j {NEO4J_VERSION} at {server.uri}: page cache {args.page_cache_mib} MiB, data in {data_dir}",
            flush=True,
        )
        yield server.uri, data_dir


def run(args: argparse.Namespace) -> dict[str, Any]:
    Path(args.workdir).mkdir(parents=True, exist_ok=True)
    with backend(args) as (where, data_dir):
        return measure(args, where, data_dir)


def measure(args: argparse.Namespace, where: str, data_dir: Path) -> dict[str, Any]:
    built = build(args.store, where, data_dir, args.actors, args.relations)
    print(f"store: {built}", flush=True)
    actors, pairs = sample(args.store, where, args.sample, args.seed)

    def collab_gql(i: int) -> tuple[str, str, dict[str, Any]]:
        return "POST", "/graphql", {"json": {"query": COLLAB, "variables": {"id": actors[i % len(actors)]}}}

    def collab_plain(i: int) -> tuple[str, str, dict[str, Any]]:
        return "GET", "/plain/collaborators", {"params": {"id": actors[i % len(actors)]}}

    def paths_gql(i: int) -> tuple[str, str, dict[str, Any]]:
        a, b = pairs[i % len(pairs)]
        return "POST", "/graphql", {"json": {"query": PATHS, "variables": {"from": a, "to": b}}}

    def paths_plain(i: int) -> tuple[str, str, dict[str, Any]]:
        a, b = pairs[i % len(pairs)]
        return "GET", "/plain/paths", {"params": {"source": a, "target": b}}

    results: dict[str, Any] = {
        "store": {"kind": args.store, **built}
        | ({"page_cache_mib": args.page_cache_mib} if args.store == "neo4j" else {}),
        "connections": args.connections,
        "requests": args.requests,
        "distinct": len(actors),
    }
    for mode, cache in (("graphql", 1024), ("graphql-nocache", 0)):
        proc, base = _start(args.store, where, cache)
        try:
            if mode == "graphql":
                results["limits"] = limits(base)
                print(f"limits {results['limits']}", flush=True)
            for name, gql, plain in (
                ("collaborators", collab_gql, collab_plain),
                ("paths", paths_gql, paths_plain),
            ):
                runs = [(mode, gql)] + ([("plain", plain)] if mode == "graphql-nocache" else [])
                for label, make in runs:
                    # warm-up: every distinct request once (fills caches the way a live service would)
                    asyncio.run(_load(base, make, len(actors), 1, 120))
                    # latency: one request at a time; throughput: --connections at once
                    lat, errors, _ = asyncio.run(_load(base, make, args.requests, 1, 120))
                    busy, errors2, wall = asyncio.run(_load(base, make, args.requests, args.connections, 120))
                    row = {
                        "p50_ms": round(_pct(lat, 0.5) * 1000, 2),
                        "p99_ms": round(_pct(lat, 0.99) * 1000, 2),
                        "req_s": round(len(busy) / wall, 1),
                        f"p50_ms_at_{args.connections}": round(_pct(busy, 0.5) * 1000, 2),
                        f"p99_ms_at_{args.connections}": round(_pct(busy, 0.99) * 1000, 2),
                        "errors": errors + errors2,
                    }
                    results[f"{name}/{label}"] = row
                    print(f"{name:14s} {label:16s} {row}", flush=True)
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
    for name in ("collaborators", "paths"):
        plain = results[f"{name}/plain"]["req_s"]
        for mode in ("graphql", "graphql-nocache"):
            results[f"{name}/{mode}"]["ratio_to_plain"] = round(results[f"{name}/{mode}"]["req_s"] / plain, 2)
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--actors", type=int, default=10_000)
    p.add_argument("--relations", type=int, default=100_000)
    p.add_argument("--workdir", default="/tmp/qkg-api-bench")
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--sample", type=int, default=200, help="distinct actors / pairs cycled through")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--store", choices=("embedded", "neo4j"), default="embedded", help="the store behind the API"
    )
    p.add_argument(
        "--page-cache-mib", type=int, default=512, help="--store neo4j: the server's page cache (MiB)"
    )
    p.add_argument("--serve", help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, help=argparse.SUPPRESS)
    p.add_argument("--cache", type=int, default=1024, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.serve:
        serve(args.store, args.serve, args.port, args.cache)
        return 0
    results = run(args)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
