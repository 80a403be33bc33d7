"""What a ``qkg`` command costs before it does its work: wall time, peak RSS, imports.

Runs ``qkg stats``, ``qkg --help`` and ``qkg documents`` on one store, each in a fresh
interpreter, for the installed code ("new") and, with ``--old``, for a git worktree of an
earlier commit ("old"), alternating the two so both see the same machine load. Then runs
``python -X importtime`` on ``qkg stats`` for each and prints the heaviest top-level
packages by import time (self time summed over each package's modules)::

    git worktree add --detach /tmp/clistart/old <commit>
    python -m bench.cli_startup --data-dir /tmp/clistart/store --old /tmp/clistart/old

Bytecode is cached as for an installed package: the children write it under a temporary
``PYTHONPYCACHEPREFIX`` (not into the repository, and even when ``PYTHONDONTWRITEBYTECODE``
is set) and each command runs once untimed first. ``--cold`` compiles every module from
source on each run instead, as a checkout with ``PYTHONDONTWRITEBYTECODE=1`` does.

Issue 14's target: ``qkg stats`` on the 20k-actor / 100k-relation curated CSV store in
≤ 0.6 s and ≤ 200 MB. Figures move with machine load; compare old and new of one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

COMMANDS: dict[str, list[str]] = {
    "qkg stats": ["stats"],
    "qkg --help": ["--help"],
    "qkg documents": ["documents"],
}
_PACKAGES = ("api", "graph", "loaders", "schemas")


def _old_path(worktree: Path, shim: Path) -> str:
    """A folder whose ``qkg`` namespace maps to the worktree's package folders (as the
    editable install maps the repository's), to put first on ``PYTHONPATH``."""
    (shim / "qkg").mkdir(parents=True, exist_ok=True)
    for name in _PACKAGES:
        link = shim / "qkg" / name
        if not link.exists():
            link.symlink_to(worktree / name, target_is_directory=True)
    return str(shim)


def _env(data_dir: Path, pythonpath: str | None, pycache: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QKG_", "OTEL_", "PYTHON"))}
    env["QKG_DATA_DIR"] = str(data_dir)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    if pycache is None:  # as a checkout run with PYTHONDONTWRITEBYTECODE: qkg from source
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of
    ``python -m qkg.api.cli ARGS`` (what the ``qkg`` script runs). CPU time moves less
    than wall time when other processes share the cores."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "qkg.api.cli", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else b""
    if proc.returncode != 0:
        raise SystemExit(f"qkg {' '.join(args)} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _imports(env: dict[str, str], top: int) -> tuple[int, float, list[tuple[str, float]]]:
    """Module count, total import seconds and the heaviest top-level packages of ``qkg stats``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "qkg.api.cli", "stats"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    by_package: dict[str, float] = defaultdict(float)
    modules = 0
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue  # the header line, or the command's own output
        modules += 1
        parts = fields[2].strip().split(".")
        root = ".".join(parts[:2]) if parts[0] == "qkg" else parts[0]
        by_package[root] += int(fields[0]) / 1e6
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])
    return modules, sum(by_package.values()), ranked[:top]


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True, help="an embedded store (QKG_DATA_DIR)")
    parser.add_argument("--old", type=Path, help="a git worktree of the commit to compare with")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command per variant")
    parser.add_argument("--top", type=int, default=10, help="heaviest packages to list")
    parser.add_argument(
        "--cold", action="store_true", help="no bytecode cache: compile every module each run"
    )
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        parser.error(f"--data-dir {args.data_dir} is not a folder")
    if args.old is not None and not (args.old / "api" / "cli.py").is_file():
        parser.error(f"--old {args.old} is not a qkg worktree (no api/cli.py)")

    with tempfile.TemporaryDirectory(prefix="qkg-cli-startup-") as tmp:
        pycache = None if args.cold else Path(tmp) / "pycache"
        variants = {"new": _env(args.data_dir, None, pycache)}
        if args.old is not None:
            old = _env(args.data_dir, _old_path(args.old.resolve(), Path(tmp) / "old"), pycache)
            variants = {"old": old, **variants}
        if not args.cold:
            for env in variants.values():
                for cmd in COMMANDS.values():
                    _run(cmd, env)  # writes the bytecode cache
        cache = "no bytecode cache" if args.cold else "bytecode cached"
        print(
            f"store {args.data_dir}; {cache}; {args.repeat} runs each, old and new alternating; median (min-max)"
        )
        print(f"{'command':<16}{'variant':<9}{'wall s':>20}{'CPU s':>20}{'peak RSS MiB':>14}")
        for label, cmd in COMMANDS.items():
            runs: dict[str, list[tuple[float, float, float]]] = {v: [] for v in variants}
            for _ in range(args.repeat):
                for variant, env in variants.items():
                    runs[variant].append(_run(cmd, env))
            for variant, got in runs.items():
                wall, cpu = _spread([w for w, _, _ in got]), _spread([c for _, c, _ in got])
                rss = statistics.median(m for _, _, m in got)
                print(f"{label:<16}{variant:<9}{wall:>20}{cpu:>20}{rss:>14.0f}")
        for variant, env in variants.items():
            modules, total, ranked = _imports(env, args.top)
            print(
                f"\nqkg stats, {variant}: {modules} modules imported, {total:.2f} s of import time; heaviest:"
            )
            for name, secs in ranked:
                print(f"  {name:<28}{secs:>7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
