"""qkg beside a peer, ``@neo4j/graphql``, on the same questions and the same data (prints figures).

One Neo4j 5.26 (started here from :mod:`tests.neo4j.server`, stopped at the end) holds the
synthetic ecosystem (:func:`bench.synthetic.generate_deltas`), written by qkg's own
:class:`~qkg.graph.neo4j.Neo4jStore`, so the peer reads qkg's layout (``graph/neo4j/cypher.py``);
an embedded store holds the same corpus. Three GraphQL endpoints on 127.0.0.1, each its own
process:

- ``peer``: ``@neo4j/graphql`` (``bench/peer/``: type definitions in ``typeDefs.graphql``,
  served by graphql-yoga; installed with ``npm ci``) on the Neo4j;
- ``qkg-neo4j``: ``qkg serve`` with ``QKG_STORE=neo4j`` on the same Neo4j;
- ``qkg-embedded``: ``qkg serve`` on the embedded store.

qkg runs with its answer cache off (``QKG_RESPONSE_CACHE_SIZE=0``: the peer has none, so every
request does the work) and its request log at ``warning`` (the peer logs nothing).

The two questions, asked the way each API asks them:

- ``collaborators``: an actor's collaborators to depth 2 over ``PARTNERS_WITH`` with the
  evidence of every link from the previous hop. qkg: ``collaborators(depth: 2, via:
  [PARTNERS_WITH])`` with no page cut (``first`` and ``links(first)`` past any answer). Peer:
  the nested ``partnersConnection`` two levels deep (``@relationship``, undirected), each
  edge with its ``evidence`` property; its tree also carries the edges back to the root and
  between first-hop actors, which qkg's answer leaves out (the check prints both counts).
- ``path``: one shortest ``PARTNERS_WITH`` path of at most 4 hops between two actors, each
  hop with its evidence. qkg: ``paths(first: 1, maxHops: 4, via: [PARTNERS_WITH])``. Peer:
  a ``@cypher`` field over Cypher's ``shortestPath``.

Before timing, a check asks every endpoint the same questions for ``--check`` actors and
pairs and prints whether the answers agree: the same collaborators at the same distances,
the same evidence sentences on the same links, and paths of the same length (several
shortest paths may exist; each side picks one).

Then, per question and per concurrency in ``--connections``, each endpoint in turn: a
warm-up of ``--warmup`` requests, then ``--requests`` requests over that many keep-alive
connections (httpx): p50/p99 latency and requests/s. ``--rounds`` repeats the whole
sequence (endpoints interleaved) and keeps the median of each figure, which damps the
noise of a shared machine.

``--old REV`` adds a fourth endpoint, ``qkg-neo4j-old``: ``qkg serve`` on the same Neo4j from
git revision ``REV`` (``git archive`` into the work folder, importable as ``qkg`` first on
``PYTHONPATH``), so old and new code are checked and timed in the same run.

Usage::

    python -m bench.peer_graphql --actors 5000 --relations 50000 --workdir /tmp/qkg-peer-bench
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.api_latency import _load, _pct, build

__all__ = ["main"]

REPO = Path(__file__).resolve().parents[1]
PEER = Path(__file__).resolve().parent / "peer"
#: Past any answer at these sizes: qkg returns every collaborator and every link.
ALL = 100_000
ALL_LINKS = 10_000

QKG_COLLAB = """query($id: ID!, $first: Int!, $links: Int!) { actor(id: $id) { ... on Actor { id name
  collaborators(depth: 2, via: [PARTNERS_WITH], first: $first) { distance linkCount actor { id name }
    links(first: $links) { source { id } target { id } evidence { sentence documentId } } } } } }"""
PEER_COLLAB = """query($id: ID!) { actors(where: { id: { eq: $id } }) { id name
  partnersConnection { edges { properties { evidence } node { id name
    partnersConnection { edges { properties { evidence } node { id name } } } } } } } }"""
QKG_PATH = """query($from: String!, $to: String!) {
  paths(from: $from, to: $to, maxHops: 4, first: 1, via: [PARTNERS_WITH]) { ... on Paths { found
    paths { length nodes { id name } hops { source { id } target { id } evidence { sentence documentId } } } } } }"""
PEER_PATH = """query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) {
  length nodes { id name } hops { source target evidence } } }"""

ENDPOINTS = ("peer", "qkg-neo4j", "qkg-embedded")
#: The endpoint of ``--old REV``: qkg on the same Neo4j from an older revision's code.
OLD = "qkg-neo4j-old"
QUESTIONS = {"collaborators": (QKG_COLLAB, PEER_COLLAB), "path": (QKG_PATH, PEER_PATH)}


class BenchError(RuntimeError):
    """A prerequisite is missing or a server did not start; the message says what to do."""


# -- the peer's Node project ------------------------------------------------------------------
def install_peer(*, ci: bool = True) -> None:
    """``npm ci`` in ``bench/peer`` (the locked versions; skipped with ``ci=False``), then
    build the peer's schema once."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        raise BenchError(
            "bench/peer_graphql.py needs Node.js 20+ and npm for the @neo4j/graphql peer, and "
            f"{'npm' if npm is None else 'node'} is not on PATH: install them (Debian: apt-get install nodejs npm)"
        )
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    major = re.match(r"v?(\d+)\.", version)
    if major is None or int(major[1]) < 20:
        raise BenchError(f"@neo4j/graphql 7 needs Node.js 20 or newer; {node} is {version or 'unknown'}")
    steps = (
        [([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], "npm ci in bench/peer")] if ci else []
    )
    steps.append(
        ([node, "server.mjs", "--check"], "building the peer's schema from bench/peer/typeDefs.graphql")
    )
    for cmd, what in steps:
        proc = subprocess.run(cmd, cwd=PEER, capture_output=True, text=True, check=False, timeout=600)
        if proc.returncode != 0:
            raise BenchError(
                f"{what} failed (exit {proc.returncode}):\n{(proc.stdout + proc.stderr)[-2000:]}"
            )


# -- data -------------------------------------------------------------------------------------
def sample(data_dir: Path, n: int, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    """``n`` random actors with at least one partner, and ``n`` random pairs of them."""
    from qkg.graph import open_store
    from qkg.schemas import RelationType

    store = open_store(kind="embedded", data_dir=data_dir)
    try:
        ids = sorted({x for lk in store.links([RelationType.PARTNERS_WITH]) for x in (lk.source, lk.target)})
    finally:
        store.close()
    rng = random.Random(seed)
    actors = rng.sample(ids, min(n, len(ids)))
    pairs: list[tuple[str, str]] = []
    while len(pairs) < n:
        a, b = rng.choice(actors), rng.choice(actors)
        if a != b:
            pairs.append((a, b))
    return actors, pairs


# -- servers ----------------------------------------------------------------------------------
def _wait_http(proc: subprocess.Popen[str], url: str, what: str, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"{what} exited with code {proc.returncode} before answering on {url}")
        try:
            r = httpx.post(url, json={"query": "{ __typename }"}, timeout=5)
            if r.status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise BenchError(f"{what} did not answer on {url} within {timeout:.0f} s")


def _stop(proc: subprocess.Popen[str]) -> None:
    """SIGTERM, and SIGKILL if it is still there a minute later."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)


@contextmanager
def _process(cmd: list[str], env: dict[str, str], cwd: Path, url: str, what: str) -> Iterator[str]:
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=None, text=True
    )
    try:
        _wait_http(proc, url, what)
        yield url
    finally:
        _stop(proc)


def peer_server(neo4j_uri: str, port: int) -> Any:
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "PORT": str(port), "NODE_ENV": "production"}
    node = shutil.which("node") or "node"
    return _process([node, "server.mjs"], env, PEER, f"http://127.0.0.1:{port}/graphql", "the peer (node)")


def old_code(rev: str, work: Path) -> Path:
    """The package tree of git revision ``rev`` (``git archive``), importable as ``qkg`` from
    the returned folder (put first on ``PYTHONPATH``): the same run serves old and new code."""
    sha = subprocess.run(
        ["git", "rev-parse", "--verify", f"{rev}^{{commit}}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if not sha:
        raise BenchError(f"--old {rev}: not a commit of {REPO}")
    dest = work / f"old-{sha[:12]}"
    if not (dest / "qkg" / "__init__.py").exists():
        src = dest / "src"
        src.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha], cwd=REPO, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
        (dest / "qkg").mkdir(exist_ok=True)
        for sub in ("schemas", "graph", "loaders", "api"):  # pyproject's package-dir
            (dest / "qkg" / sub).symlink_to(src / sub)
        (dest / "qkg" / "__init__.py").write_text("")
    return dest


def qkg_server(kind: str, where: str, port: int, code: Path | None = None) -> Any:
    """``qkg serve`` on one store: no answer cache, no per-request log, no page cut.
    ``code``: serve the package found there (:func:`old_code`), not the installed one."""
    env = {
        **os.environ,
        "QKG_STORE": kind,
        "QKG_HOST": "127.0.0.1",
        "QKG_PORT": str(port),
        "QKG_RESPONSE_CACHE_SIZE": "0",
        "QKG_LOG_LEVEL": "warning",
        "QKG_MAX_COLLABORATORS": str(ALL),
        "QKG_MAX_PAGE_SIZE": str(ALL_LINKS),
    }
    env |= {"QKG_NEO4J_URI": where} if kind == "neo4j" else {"QKG_DATA_DIR": where}
    script = Path(sys.executable).with_name("qkg")
    cmd = [str(script), "serve"] if script.exists() else [sys.executable, "-m", "qkg.api.cli", "serve"]
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
        cmd = [sys.executable, "-m", "qkg.api.cli", "serve"]
    return _process(
        cmd, env, REPO, f"http://127.0.0.1:{port}/graphql", f"qkg serve ({kind}, {code or 'installed'})"
    )


# -- answers, normalised for the check -------------------------------------------------------
Link = tuple[str, str, tuple[str, ...]]  # (nearer actor, collaborator, sorted evidence sentences)


@dataclass(frozen=True)
class Collaborators:
    at: frozenset[tuple[str, int]]  # (collaborator, distance)
    links: frozenset[Link]
    answer_links: int  # links the answer carries (the peer's tree has more than qkg's)


def _sentences(evidence: list[Any]) -> tuple[str, ...]:
    """Sentences of qkg's evidence objects or of the peer's JSON strings, sorted."""
    return tuple(
        sorted(e["sentence"] if isinstance(e, dict) else json.loads(e)["sentence"] for e in evidence)
    )


def qkg_collaborators(data: dict[str, Any]) -> Collaborators:
    rows = data["actor"]["collaborators"]
    links = frozenset(
        (lk["source"]["id"], lk["target"]["id"], _sentences(lk["evidence"]))
        for c in rows
        for lk in c["links"]
    )
    return Collaborators(frozenset((c["actor"]["id"], c["distance"]) for c in rows), links, len(links))


def peer_collaborators(data: dict[str, Any]) -> Collaborators:
    (root,) = data["actors"]
    first = root["partnersConnection"]["edges"]
    level1 = {e["node"]["id"] for e in first}
    links: set[Link] = {(root["id"], e["node"]["id"], _sentences(e["properties"]["evidence"])) for e in first}
    level2: set[str] = set()
    carried = len(first)
    for e in first:
        u = e["node"]["id"]
        for e2 in e["node"]["partnersConnection"]["edges"]:
            carried += 1
            v = e2["node"]["id"]
            if v != root["id"] and v not in level1:  # the edges qkg calls links of v
                level2.add(v)
                links.add((u, v, _sentences(e2["properties"]["evidence"])))
    at = {(v, 1) for v in level1} | {(v, 2) for v in level2}
    return Collaborators(frozenset(at), frozenset(links), carried)


def path_length(data: dict[str, Any], peer: bool) -> int | None:
    """The answer's path length (``None``: no path), after checking the path is a chain."""
    if peer:
        p = data["shortestPath"]
    else:
        found = data["paths"]["paths"]
        p = found[0] if found else None
    if p is None:
        return None
    ids = [n["id"] for n in p["nodes"]]
    for k, h in enumerate(p["hops"]):
        ends = {h["source"], h["target"]} if peer else {h["source"]["id"], h["target"]["id"]}
        if ends != {ids[k], ids[k + 1]} or not h["evidence"]:
            raise BenchError(f"{'peer' if peer else 'qkg'} path hop {k} is not a link of {ids}: {h}")
    return int(p["length"])


def collab_variables(actor: str, *, peer: bool) -> dict[str, Any]:
    return {"id": actor} if peer else {"id": actor, "first": ALL, "links": ALL_LINKS}


def _ask(client: httpx.Client, url: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    r = client.post(url, json={"query": query, "variables": variables})
    body = r.json()
    if r.status_code != 200 or body.get("errors"):
        raise BenchError(f"{url} answered {r.status_code}: {str(body.get('errors'))[:500]}")
    return dict(body["data"])


def check(urls: dict[str, str], actors: list[str], pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Ask every endpoint the same questions; count agreements with the peer."""
    same_sets = same_links = same_paths = 0
    sizes = {"collaborators": 0, "peer_links_carried": 0, "qkg_links": 0}
    bytes_: dict[str, list[int]] = {name: [] for name in urls}
    mismatches: list[str] = []
    with httpx.Client(timeout=300) as client:
        for a in actors:
            got: dict[str, Collaborators] = {}
            for name, url in urls.items():
                q = PEER_COLLAB if name == "peer" else QKG_COLLAB
                data = _ask(client, url, q, collab_variables(a, peer=name == "peer"))
                bytes_[name].append(len(json.dumps(data)))
                got[name] = peer_collaborators(data) if name == "peer" else qkg_collaborators(data)
            peer = got["peer"]
            sizes["collaborators"] += len(peer.at)
            sizes["peer_links_carried"] += peer.answer_links
            sizes["qkg_links"] += got["qkg-neo4j"].answer_links
            if all(c.at == peer.at for c in got.values()):
                same_sets += 1
            else:
                mismatches.append(f"collaborators of {a}")
            if all(c.links == peer.links for c in got.values()):
                same_links += 1
            else:
                mismatches.append(f"links of {a}")
        for a, b in pairs:
            lengths = {
                name: path_length(
                    _ask(client, url, PEER_PATH if name == "peer" else QKG_PATH, {"from": a, "to": b}),
                    name == "peer",
                )
                for name, url in urls.items()
            }
            if len(set(lengths.values())) == 1:
                same_paths += 1
            else:
                mismatches.append(f"path {a} -> {b}: {lengths}")
    return {
        "actors": len(actors),
        "same_collaborators": same_sets,
        "same_links_and_evidence": same_links,
        **sizes,
        "mean_answer_bytes": {k: round(statistics.mean(v)) for k, v in bytes_.items()},
        "pairs": len(pairs),
        "same_path_length": same_paths,
        "mismatches": mismatches[:10],
    }


# -- timing -----------------------------------------------------------------------------------
def _maker(query: str, variables: list[dict[str, Any]]) -> Callable[[int], tuple[str, str, dict[str, Any]]]:
    def make(i: int) -> tuple[str, str, dict[str, Any]]:
        return "POST", "/graphql", {"json": {"query": query, "variables": variables[i % len(variables)]}}

    return make


def measure(
    urls: dict[str, str], actors: list[str], pairs: list[tuple[str, str]], args: argparse.Namespace
) -> dict[str, dict[str, Any]]:
    """Median over rounds of p50/p99 (ms) and requests/s per question, concurrency and endpoint."""
    paths = [{"from": a, "to": b} for a, b in pairs]
    runs: dict[str, list[dict[str, float]]] = {}
    for rnd in range(args.rounds):
        for question, (qkg_q, peer_q) in QUESTIONS.items():
            for conns in args.connections:
                for name, url in urls.items():
                    base = url.removesuffix("/graphql")
                    peer = name == "peer"
                    inputs = (
                        [collab_variables(a, peer=peer) for a in actors]
                        if question == "collaborators"
                        else paths
                    )
                    make = _maker(peer_q if peer else qkg_q, inputs)
                    asyncio.run(_load(base, make, args.warmup, conns, 300))
                    lat, errors, wall = asyncio.run(_load(base, make, args.requests, conns, 300))
                    row = {
                        "p50_ms": _pct(lat, 0.5) * 1000,
                        "p99_ms": _pct(lat, 0.99) * 1000,
                        "req_s": len(lat) / wall,
                        "errors": float(errors),
                    }
                    runs.setdefault(f"{question} c={conns} {name}", []).append(row)
                    print(
                        f"round {rnd + 1} {question:13s} c={conns:<3d} {name:13s} p50 {row['p50_ms']:8.2f} ms"
                        f"  p99 {row['p99_ms']:8.2f} ms  {row['req_s']:8.1f} req/s  errors {errors}",
                        flush=True,
                    )
    return {
        key: {k: round(statistics.median(r[k] for r in rows), 2) for k in rows[0]}
        for key, rows in runs.items()
    }


def _table(results: dict[str, dict[str, Any]], connections: list[int]) -> str:
    lines = [
        "| question | conns | endpoint | p50 ms | p99 ms | req/s | vs peer (req/s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for question in QUESTIONS:
        for conns in connections:
            peer = results[f"{question} c={conns} peer"]["req_s"]
            for name in (*ENDPOINTS, OLD):
                if f"{question} c={conns} {name}" not in results:
                    continue
                r = results[f"{question} c={conns} {name}"]
                ratio = r["req_s"] / peer if peer else float("nan")
                lines.append(
                    f"| {question} | {conns} | {name} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                    f"{r['req_s']:.1f} | {ratio:.2f}x |"
                )
    return "\n".join(lines)


@contextmanager
def _neo4j(data_dir: Path, page_cache_mib: int) -> Iterator[str]:
    sys.path.insert(0, str(REPO))
    from tests.neo4j.server import NEO4J_VERSION, Neo4jServer, Neo4jStartError

    server = Neo4jServer(data_dir, page_cache_mib=page_cache_mib)
    try:
        server.start()
    except Neo4jStartError as exc:
        raise BenchError(f"could not start Neo4j {NEO4J_VERSION}: {exc}") from None
    print(
        f"neo4j {NEO4J_VERSION} at {server.uri} (pid {server.pid}), page cache {page_cache_mib} MiB",
        flush=True,
    )
    try:
        yield server.uri
    finally:
        server.stop()


def run(args: argparse.Namespace) -> dict[str, Any]:
    from tests.neo4j.server import free_port

    install_peer(ci=not args.skip_npm_ci)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    size = f"{args.actors}-{args.relations}"
    out: dict[str, Any] = {
        "actors": args.actors,
        "relations": args.relations,
        "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    embedded_dir = work / f"embedded-{size}"
    out["embedded"] = build("embedded", str(embedded_dir), embedded_dir, args.actors, args.relations)
    print(f"embedded store: {out['embedded']}", flush=True)
    actors, pairs = sample(embedded_dir, args.sample, args.seed)
    with ExitStack() as stack:
        uri = stack.enter_context(_neo4j(work / f"neo4j-{size}", args.page_cache_mib))
        out["neo4j"] = build("neo4j", uri, work / f"neo4j-{size}", args.actors, args.relations)
        print(f"neo4j store: {out['neo4j']}", flush=True)
        urls = {
            "peer": stack.enter_context(peer_server(uri, free_port())),
            "qkg-neo4j": stack.enter_context(qkg_server("neo4j", uri, free_port())),
            "qkg-embedded": stack.enter_context(qkg_server("embedded", str(embedded_dir), free_port())),
        }
        if args.old:
            code = old_code(args.old, work)
            urls[OLD] = stack.enter_context(qkg_server("neo4j", uri, free_port(), code))
            out["old"] = {"rev": args.old, "code": str(code)}
        print(f"endpoints: {urls}", flush=True)
        out["check"] = check(urls, actors[: args.check], pairs[: args.check])
        print(f"check: {json.dumps(out['check'])}", flush=True)
        if out["check"]["mismatches"]:
            print("WARNING: the endpoints disagree on some answers (see mismatches)", flush=True)
        out["settings"] = {
            "requests": args.requests,
            "warmup": args.warmup,
            "connections": args.connections,
            "rounds": args.rounds,
            "distinct_inputs": len(actors),
        }
        out["results"] = measure(urls, actors, pairs, args)
    out["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--actors", type=int, default=5_000)
    p.add_argument("--relations", type=int, default=50_000)
    p.add_argument("--workdir", default="/tmp/qkg-peer-bench", help="stores kept here between runs")
    p.add_argument("--requests", type=int, default=500, help="timed requests per endpoint and run")
    p.add_argument("--warmup", type=int, default=100, help="untimed requests before each timed run")
    p.add_argument(
        "--connections",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[1, 8],
        help="concurrent connections, comma-separated (one run each)",
    )
    p.add_argument("--rounds", type=int, default=1, help="repeat everything, keep the median")
    p.add_argument("--sample", type=int, default=200, help="distinct actors / pairs cycled through")
    p.add_argument("--check", type=int, default=30, help="actors and pairs whose answers are compared")
    p.add_argument("--page-cache-mib", type=int, default=512)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--old",
        metavar="REV",
        help=f"also serve qkg on Neo4j from this git revision (endpoint {OLD}): old and new code in one run",
    )
    p.add_argument("--skip-npm-ci", action="store_true", help="bench/peer/node_modules is already installed")
    args = p.parse_args(argv)
    try:
        out = run(args)
    except BenchError as exc:
        print(f"peer_graphql: {exc}", file=sys.stderr)
        return 1
    print(_table(out["results"], args.connections))
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
