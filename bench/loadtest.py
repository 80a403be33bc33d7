"""Load test: locust users against a real ``qkg serve`` on 127.0.0.1 (prints figures, asserts nothing).

1. builds the synthetic ecosystem (:mod:`bench.synthetic`, default 10k actors / 100k
   relations) once into an embedded store under ``--workdir`` (reused by later runs);
2. starts ``qkg serve`` on that folder as a child process, on a free port of 127.0.0.1, with
   default settings (answer cache on, as shipped), and asks each question once so the store
   is open and the analytics worker started before the clock runs;
3. runs locust headless (``bench/locustfile.py``): ``--users`` analysts (default 50) for
   ``--duration`` (default 5 minutes), mixing actor lookups, depth-2 collaborators, paths,
   search and centrality;
4. samples the server's resident memory (the process and its children) every
   ``--sample-every`` seconds;
5. stops the server with SIGTERM and prints p50/p95/p99 per operation, errors, requests/s
   and RSS over time, with the targets (reads p95 < 200 ms, no errors, RSS growth after
   warm-up < 20%).

Nothing leaves the machine: the server listens on 127.0.0.1 and the locustfile refuses any
other host. The machine's load average is printed at start and end: other jobs on the same
cores change the figures.

Usage::

    python -m bench.loadtest                                   # 50 users, 5 minutes, 10k / 100k
    python -m bench.loadtest --duration 30s --users 10         # a short check
    python -m bench.loadtest --actors 2000 --relations 20000 --duration 1m --json /tmp/lt.json
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.api_latency import COLLAB, PATHS, build, open_store, sample
from tests.api.server import free_port

__all__ = [
    "ACTOR",
    "CENTRALITY",
    "CENTRALITY_ASKS",
    "COLLAB",
    "PATHS",
    "SEARCH",
    "main",
    "parse_duration",
    "rss_mib",
]

HERE = Path(__file__).resolve().parent
LOCUSTFILE = HERE / "locustfile.py"
READS = ("actor", "collaborators", "paths", "search")
TARGET_P95_MS = 200.0
TARGET_RSS_GROWTH = 0.20

# The questions (collaborators and paths are the API benchmark's, bench/api_latency.py).
ACTOR = """query($id: ID!) { actor(id: $id) { ... on Actor { id name type country aliases
  relations(first: 10) { totalCount nodes { type confidence counterpart { id name } } } } } }"""
SEARCH = """query($text: String!) { search(text: $text, first: 10) { score node {
  ... on Actor { id name } ... on Agreement { id title } ... on Document { id title } } } }"""
CENTRALITY = """query($metric: CentralityMetric!, $from: String, $to: String) {
  centrality(metric: $metric, from: $from, to: $to, top: 10) { rank score actor { id name } } }"""
#: (metric, from, to): a handful of distinct analytics questions, as a dashboard would ask.
CENTRALITY_ASKS = [
    ("PAGERANK", None, None),
    ("DEGREE", None, None),
    ("PAGERANK", "2018", "2022"),
    ("DEGREE", "2020", None),
]


def parse_duration(text: str) -> float:
    """Seconds from ``300``, ``300s``, ``5m`` or ``1h``.

    >>> parse_duration("5m"), parse_duration("90"), parse_duration("30s")
    (300.0, 90.0, 30.0)
    """
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration (e.g. 300, 30s, 5m)")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids = (task / "children").read_text().split()
            out += [int(k) for k in kids]
    except OSError:
        pass
    return out


def rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MiB (Linux ``/proc``)."""
    total_kib, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        total_kib += int(m.group(1)) if m else 0
        todo += _children(p)
    return total_kib / 1024


@contextmanager
def _qkg_serve(data: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    port = free_port()
    env = {**os.environ, "QKG_DATA_DIR": str(data), "QKG_STORE": "embedded", "QKG_HOST": "127.0.0.1"}
    env["QKG_PORT"] = str(port)
    env.pop("QKG_API_KEYS", None)
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qkg.api.cli", "serve"], env=env, stdout=log, stderr=log, text=True
        )
        try:
            yield _healthy(proc, f"http://127.0.0.1:{port}", log)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def _healthy(proc: subprocess.Popen[str], base: str, log: Any) -> tuple[subprocess.Popen[str], str]:
    """Wait until ``/health`` answers 200; the server's log if it dies first."""
    deadline = time.monotonic() + 300
    while proc.poll() is None:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit("qkg serve was not healthy after 300 s")
        time.sleep(0.2)
    log.seek(0)
    raise SystemExit(f"qkg serve exited with {proc.returncode}:\n{log.read()[-2000:]}")


class _Sampler(threading.Thread):
    """RSS of the server every ``every`` seconds, as (seconds since start, MiB)."""

    def __init__(self, pid: int, every: float) -> None:
        super().__init__(name="rss-sampler", daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, float]] = []
        self.stop = threading.Event()
        self.t0 = time.monotonic()

    def run(self) -> None:
        while True:
            self.samples.append((round(time.monotonic() - self.t0, 1), round(rss_mib(self.pid), 1)))
            if self.stop.wait(self.every):
                self.samples.append((round(time.monotonic() - self.t0, 1), round(rss_mib(self.pid), 1)))
                return


def _stats(prefix: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with open(f"{prefix}_stats.csv", newline="") as f:
        for row in csv.DictReader(f):
            out[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p50_ms": float(row["50%"] or 0),
                "p95_ms": float(row["95%"] or 0),
                "p99_ms": float(row["99%"] or 0),
                "max_ms": round(float(row["Max Response Time"] or 0), 1),
                "requests_per_s": round(float(row["Requests/s"] or 0), 1),
            }
    return out


def _failures(prefix: Path) -> list[dict[str, str]]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with path.open(newline="") as f:
        return [
            {"name": r["Name"], "error": r["Error"][:300], "occurrences": r["Occurrences"]}
            for r in csv.DictReader(f)
        ]


def _first_answers(base: str, ids: list[str], pairs: list[tuple[str, str]], names: list[str]) -> float:
    """Ask each kind of question once (opening the store, starting workers); seconds taken."""
    asks = [
        (ACTOR, {"id": ids[0]}),
        (COLLAB, {"id": ids[0]}),
        (PATHS, {"from": pairs[0][0], "to": pairs[0][1]}),
        (SEARCH, {"text": names[0]}),
        (CENTRALITY, {"metric": "DEGREE"}),
    ]
    t = time.perf_counter()
    for query, variables in asks:
        r = httpx.post(base + "/graphql", json={"query": query, "variables": variables}, timeout=300)
        if r.status_code != 200 or "errors" in r.json():
            raise SystemExit(f"warm-up question failed: {r.status_code} {r.text[:500]}")
    return time.perf_counter() - t


def _names(where: Path, ids: list[str]) -> list[str]:
    store = open_store("embedded", str(where))
    try:
        found = store.entities_by_id(ids)
    finally:
        store.close()
    return sorted({found[i].name for i in ids if i in found})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.loadtest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10.0, help="users started per second")
    parser.add_argument("--duration", type=parse_duration, default=300.0, help="e.g. 300, 30s, 5m")
    parser.add_argument(
        "--warmup",
        type=parse_duration,
        help="RSS growth is measured from here (default: a fifth, at most 60 s)",
    )
    parser.add_argument("--sample-every", type=float, default=5.0, help="seconds between RSS samples")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "qkg-loadtest")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    warmup = args.warmup if args.warmup is not None else min(60.0, args.duration / 5)

    data = args.workdir / f"embedded-{args.actors}-{args.relations}"
    data.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    built = build("embedded", str(data), data, args.actors, args.relations)
    sample_file = args.workdir / f"sample-{args.actors}-{args.relations}-{args.seed}.json"
    if not sample_file.exists():  # actors with collaborators, pairs of them, names to search
        ids, pairs = sample("embedded", str(data), 500, args.seed)
        names = _names(data, ids)
        # search by a whole name or by its first word, as people type
        rng = random.Random(args.seed)
        terms = [n if rng.random() < 0.5 else n.split()[0] for n in names]
        sample_file.write_text(json.dumps({"ids": ids, "pairs": pairs, "names": terms}))
    asked = json.loads(sample_file.read_text())
    report: dict[str, Any] = {
        "graph": built,
        "prepare_s": round(time.perf_counter() - t0, 1),
        "users": args.users,
        "duration_s": args.duration,
        "warmup_s": warmup,
        "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
    }
    print(json.dumps({"prepared": report}), flush=True)

    prefix = args.workdir / "locust"
    with _qkg_serve(data) as (proc, base):
        report["first_answers_s"] = round(
            _first_answers(base, asked["ids"], asked["pairs"], asked["names"]), 1
        )
        sampler = _Sampler(proc.pid, args.sample_every)
        sampler.start()
        started = time.monotonic()
        locust = subprocess.run(
            [
                sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
                "--host", base, "--users", str(args.users), "--spawn-rate", str(args.spawn_rate),
                "--run-time", f"{int(args.duration)}s", "--stop-timeout", "30",
                "--csv", str(prefix), "--only-summary", "--exit-code-on-error", "0",
                "--loglevel", "WARNING",
            ],
            env={**os.environ, "QKG_LOADTEST_SAMPLE": str(sample_file)},
            capture_output=True,
            text=True,
            timeout=args.duration + 300,
            check=False,
        )  # fmt: skip
        report["locust_wall_s"] = round(time.monotonic() - started, 1)
        sampler.stop.set()
        sampler.join()
        alive = proc.poll() is None
    if locust.returncode != 0:
        print(locust.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"locust exited with {locust.returncode}")

    ops = _stats(prefix)
    samples = sampler.samples
    after = [mib for t, mib in samples if t >= warmup]
    base_rss = after[0] if after else samples[0][1]
    growth = (samples[-1][1] - base_rss) / base_rss if base_rss else 0.0
    total = ops.get("Aggregated", {})
    report.update(
        {
            "load_average_at_end": [round(x, 1) for x in os.getloadavg()],
            "server_alive_at_end": alive,
            "operations": {k: v for k, v in ops.items() if k != "Aggregated"},
            "total": total,
            "failures": _failures(prefix),
            "rss_mib": {
                "start": samples[0][1],
                "after_warmup": base_rss,
                "end": samples[-1][1],
                "max": max(m for _, m in samples),
                "growth_after_warmup": round(growth, 3),
                "series": samples,
            },
        }
    )
    worst_read = max((ops[k]["p95_ms"] for k in READS if k in ops), default=0.0)
    report["targets"] = {
        f"reads p95 < {TARGET_P95_MS:.0f} ms": f"{worst_read:.0f} ms: {'met' if worst_read < TARGET_P95_MS else 'NOT met'}",
        "no errors": f"{total.get('failures', 0)} errors: {'met' if total.get('failures', 0) == 0 else 'NOT met'}",
        "RSS growth after warm-up < 20%": f"{growth:+.1%}: {'met' if growth < TARGET_RSS_GROWTH else 'NOT met'}",
    }
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    _print(report)
    return 0


def _print(report: dict[str, Any]) -> None:
    print(
        f"\n{report['users']} users for {report['duration_s']:.0f} s against qkg serve; graph {report['graph']}"
    )
    print(f"load average {report['load_average_at_start']} -> {report['load_average_at_end']}")
    print("\n| operation | requests | failures | req/s | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|---|")
    for name, s in [*report["operations"].items(), ("all", report["total"])]:
        print(
            f"| {name} | {s['requests']} | {s['failures']} | {s['requests_per_s']} | {s['p50_ms']:.0f} "
            f"| {s['p95_ms']:.0f} | {s['p99_ms']:.0f} | {s['max_ms']:.0f} |"
        )
    rss = report["rss_mib"]
    series = rss["series"]
    step = max(1, len(series) // 12)
    print("\nserver RSS (MiB) over time: " + ", ".join(f"{t:.0f}s {m:.0f}" for t, m in series[::step]))
    print(
        f"RSS start {rss['start']:.0f}, after warm-up ({report['warmup_s']:.0f} s) {rss['after_warmup']:.0f}, "
        f"end {rss['end']:.0f}, max {rss['max']:.0f} MiB"
    )
    for f in report["failures"][:10]:
        print(f"failure: {f['name']}: {f['error']} x{f['occurrences']}")
    print("\ntargets:")
    for k, v in report["targets"].items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    sys.exit(main())
