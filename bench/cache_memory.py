"""Memory of the GraphQL caches under comment-padded requests (issue 13), old code beside new.

``qkg serve`` runs as a child process over the sample corpus; the bench sends ``--requests``
(150) anonymous requests, each ``{ stats { documents } }`` behind a distinct comment of
``--comment-bytes`` (0.9 MB), and prints the server's resident memory (``VmRSS``) after a
warm-up and after the requests, and the answer-cache hits from ``/metrics``. With
``--baseline REV`` it first does the same with the code of git revision ``REV`` (extracted
with ``git archive`` into the work folder and put first on ``PYTHONPATH``), so old and new
are measured in one run on one machine.

Usage::

    python -m bench.cache_memory --baseline 1deb341^ --workdir /tmp/qkg-cache-bench
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "docs" / "sample-corpus" / "docs"
QUERY = "{ stats { documents } }"


def _code_of(rev: str, workdir: Path) -> Path:
    """A folder to put first on ``PYTHONPATH`` so ``qkg.*`` imports revision ``rev``'s code."""
    out = workdir / f"code-{rev.replace('^', '_').replace('~', '_')}"
    if out.exists():
        shutil.rmtree(out)
    src, path = out / "src", out / "path" / "qkg"
    path.mkdir(parents=True)
    packages = ["api", "graph", "schemas", "loaders"]
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, *packages], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(src, filter="data")
    for p in packages:
        (path / p).symlink_to(src / p)
    return out / "path"


def _env(data: Path, port: int, code: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QKG_")}
    env |= {
        "QKG_DATA_DIR": str(data),
        "QKG_PORT": str(port),
        "QKG_METRICS": "true",
        "QKG_LOG_LEVEL": "warning",
    }
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _hits(base: str) -> float:
    for family in text_string_to_metric_families(httpx.get(base + "/metrics").text):
        for sample in family.samples:
            if sample.name == "qkg_answer_cache_hits_total":
                return sample.value
    return 0.0


@contextmanager
def _server(workdir: Path, name: str, code: Path | None) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    data = workdir / f"data-{name}"
    if data.exists():
        shutil.rmtree(data)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    cli = [sys.executable, "-m", "qkg.api.cli"]
    subprocess.run([*cli, "load", str(CORPUS)], env=_env(data, port, code), check=True, capture_output=True)
    proc = subprocess.Popen([*cli, "serve"], env=_env(data, port, code))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"{name}: qkg serve did not start")
        yield proc, base
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def measure(
    workdir: Path, name: str, code: Path | None, requests: int, comment_bytes: int
) -> dict[str, float]:
    with _server(workdir, name, code) as (proc, base), httpx.Client(timeout=120) as client:
        for _ in range(20):  # warm-up: imports, first parse, allocator arenas
            client.post(base + "/graphql", json={"query": QUERY}).raise_for_status()
        before = _rss_mb(proc.pid)
        hits_before = _hits(base)
        started = time.perf_counter()
        for i in range(requests):
            padded = f"# request {i} " + "x" * comment_bytes + "\n" + QUERY
            r = client.post(base + "/graphql", json={"query": padded})
            r.raise_for_status()
            assert "errors" not in r.json(), r.text
        seconds = time.perf_counter() - started
        return {
            "rss_before_mb": before,
            "rss_after_mb": _rss_mb(proc.pid),
            "growth_mb": _rss_mb(proc.pid) - before,
            "answer_cache_hits": _hits(base) - hits_before,
            "seconds_per_request": seconds / requests,
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=150)
    ap.add_argument("--comment-bytes", type=int, default=900_000)
    ap.add_argument("--baseline", help="git revision to measure first (old code), e.g. 1deb341^")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/qkg-cache-bench"))
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    runs: list[tuple[str, Path | None]] = []
    if args.baseline:
        runs.append((f"baseline {args.baseline}", _code_of(args.baseline, args.workdir)))
    runs.append(("this tree", None))
    print(f"{args.requests} requests, each {QUERY} behind a distinct {args.comment_bytes:,}-byte comment")
    print(
        f"{'code':<22} {'RSS before':>11} {'RSS after':>10} {'growth':>9} {'cache hits':>11} {'s/request':>10}"
    )
    for i, (label, code) in enumerate(runs):
        m = measure(args.workdir, f"run{i}", code, args.requests, args.comment_bytes)
        print(
            f"{label:<22} {m['rss_before_mb']:>8.1f} MB {m['rss_after_mb']:>7.1f} MB {m['growth_mb']:>6.1f} MB "
            f"{m['answer_cache_hits']:>11.0f} {m['seconds_per_request']:>10.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
