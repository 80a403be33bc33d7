"""``qkg load`` of a curated CSV (one large document) on the embedded store, then ``qkg stats``.

A made-up CSV of ``--actors`` companies and ``--relations`` PARTNERS_WITH rows (seeded) is
loaded into a fresh store by ``python -m qkg.api.cli load``, for the installed code ("new")
and, with ``--old``, a git worktree of an earlier commit ("old"), alternating so both see the
same machine load. Prints wall and CPU seconds and peak RSS of the load and of ``qkg stats``
afterwards, and the store's size on disk::

    git worktree add --detach /tmp/csvbench/old <commit>
    python -m bench.curated_csv --actors 5000 --relations 25000 --old /tmp/csvbench/old

Issue 14's target, for 20,000 actors and 100,000 relations: load <= 30 s with peak memory
<= 1.5 GB, <= 800 MB on disk, ``qkg stats`` afterwards <= 0.6 s and <= 200 MB.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from pathlib import Path

from bench.cli_startup import _env, _old_path, _run

__all__ = ["main", "write_csv"]


def write_csv(path: Path, actors: int, relations: int, *, seed: int = 7) -> None:
    """A curated relations CSV: distinct unordered pairs of made-up companies."""
    rng = random.Random(seed)
    names = [f"Qubitworks {i:06d}" for i in range(actors)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < relations:
        a, b = rng.randrange(actors), rng.randrange(actors)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    lines = ["source,source_type,type,target,target_type"]
    lines += [f"{names[a]},Company,PARTNERS_WITH,{names[b]},Company" for a, b in sorted(pairs)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _disk(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--relations", type=int, default=25_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--old", type=Path, help="a git worktree of the commit to compare with")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="qkg-csvbench-") as tmp:
        root = Path(tmp)
        csv = root / "partners.csv"
        write_csv(csv, args.actors, args.relations)
        paths = (
            {"new": None}
            if args.old is None
            else {"old": _old_path(args.old.resolve(), root / "shim"), "new": None}
        )
        print(
            f"curated CSV: {args.actors:,} actors, {args.relations:,} relations, {csv.stat().st_size / 2**20:.1f} MiB"
        )
        print("| code | load wall / CPU s | load peak MiB | disk MiB | stats wall s | stats peak MiB |")
        print("|---|---|---|---|---|---|")
        for _ in range(args.rounds):
            for name, pythonpath in paths.items():
                data = root / f"store-{name}"
                shutil.rmtree(data, ignore_errors=True)
                env = _env(data, pythonpath, root / "pycache")
                env["QKG_MAX_DOCUMENT_BYTES"] = str(64 * 2**20)
                load = _run(["load", str(csv)], env)
                stats = _run(["stats"], env)
                print(
                    f"| {name} | {load[0]:.1f} / {load[1]:.1f} | {load[2]:.0f} | {_disk(data):.0f} "
                    f"| {stats[0]:.2f} | {stats[2]:.0f} |"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
