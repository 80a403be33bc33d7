"""What metrics and the request log cost on the answer-cache path (prints figures).

On :mod:`bench.api_latency`'s synthetic store (built once under ``--workdir``), three apps
over the same store answer the collaborator query of ``bench.api_latency``:

- ``off``: no metrics, the request log's level disabled (an embedder who turned nothing on);
- ``metrics``: ``QKG_METRICS=true`` (request, cache and store-call metrics on every request);
- ``metrics+log``: metrics and the JSON request log at INFO, as ``qkg serve`` writes it, to
  ``/dev/null`` (the terminal is not measured).

After a warm-up pass every request is a repeat question answered from the answer cache, the
cheapest path, where a fixed cost per request shows most. Requests go through the whole ASGI
stack in this process (``httpx.ASGITransport``: middleware, router, cache, encoding; no
sockets), and the figure is the **process CPU time per request**, which other processes on a
shared machine disturb far less than wall-clock latency. The apps take turns in rounds of
``--requests`` requests; the medians of the rounds are printed, with each app's cost over
``off``. ``bench.api_latency`` gives the over-the-network latency of the same path.

Usage::

    python -m bench.observability --actors 10000 --relations 100000 --workdir /tmp/qkg-api-bench
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import time
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

from bench.api_latency import COLLAB, build, sample

__all__ = ["main"]


async def _measure(
    apps: dict[str, Any], actors: list[str], rounds: int, requests: int
) -> dict[str, list[float]]:
    import httpx

    from qkg.api.logs import configure_logging

    clients = {
        name: httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench")
        for name, app in apps.items()
    }

    async def ask(client: httpx.AsyncClient, i: int) -> None:
        r = await client.post(
            "/graphql", json={"query": COLLAB, "variables": {"id": actors[i % len(actors)]}}
        )
        assert r.status_code == 200, r.text

    for client in clients.values():  # warm-up: fills each app's answer cache
        for i in range(len(actors)):
            await ask(client, i)
    cpu: dict[str, list[float]] = {name: [] for name in apps}
    with open(os.devnull, "w") as devnull, redirect_stderr(devnull):
        for _ in range(rounds):
            for name, client in clients.items():
                if name == "metrics+log":
                    configure_logging("json", "info")
                else:
                    logging.getLogger("qkg").setLevel(logging.WARNING)
                t0 = time.process_time()
                for i in range(requests):
                    await ask(client, i)
                cpu[name].append((time.process_time() - t0) / requests * 1e6)
    for client in clients.values():
        await client.aclose()
    return cpu


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--actors", type=int, default=10_000)
    p.add_argument("--relations", type=int, default=100_000)
    p.add_argument("--workdir", default="/tmp/qkg-api-bench")
    p.add_argument("--requests", type=int, default=500, help="requests per app and round")
    p.add_argument("--rounds", type=int, default=12)
    p.add_argument("--sample", type=int, default=200)
    args = p.parse_args(argv)

    from qkg.api.app import create_app
    from qkg.api.settings import Settings
    from qkg.graph.embedded import EmbeddedStore

    Path(args.workdir).mkdir(parents=True, exist_ok=True)
    where = Path(args.workdir) / f"store-{args.actors}-{args.relations}"
    print(f"store: {build('embedded', str(where), where, args.actors, args.relations)}", flush=True)
    actors, _ = sample("embedded", str(where), args.sample, 0)
    store = EmbeddedStore(where)
    try:
        apps = {
            "off": create_app(Settings(), store=store, extras=[]),
            "metrics": create_app(Settings(metrics=True), store=store, extras=[]),
            "metrics+log": create_app(Settings(metrics=True), store=store, extras=[]),
        }
        cpu = asyncio.run(_measure(apps, actors, args.rounds, args.requests))
    finally:
        store.close()
    base = statistics.median(cpu["off"])
    summary = {
        name: {
            "cpu_us_per_request": round(statistics.median(rows), 1),
            "added_us": round(statistics.median(rows) - base, 1),
            "added_percent": round((statistics.median(rows) / base - 1) * 100, 1),
            "rounds": " ".join(str(round(x)) for x in rows),
        }
        for name, rows in cpu.items()
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
