"""Bounded parsing of untrusted input in a child process.

Parsers of HTML, PDF and RDF are large C or Rust libraries; a hostile file can make them
allocate gigabytes or spin for minutes, and some failures abort the whole process rather
than raise. :func:`run_bounded` runs a parse function in a forked child with an address
space limit (``RLIMIT_AS``), a CPU-time limit (``RLIMIT_CPU``) and a wall-clock timeout;
whatever happens in the child, the parent gets a value or a :class:`DocumentRejected`
naming the source and the reason.

The memory limit counts from the child's own address space at start: a forked child begins
as big as its parent (a server holding a large graph), so an absolute limit used to refuse
ordinary pages before parsing a byte. :attr:`Limits.memory_bytes` is what one parse may
add. (A fork server would give smaller children, but it re-runs the caller's main script in
every child, which a library cannot impose on its callers.)
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from qkg.schemas import DocumentRejected

__all__ = ["Limits", "run_bounded"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits for one untrusted parse."""

    #: Address space one parse may add to the child's size at start.
    memory_bytes: int = 1024 * 1024 * 1024
    cpu_seconds: int = 30
    wall_seconds: float = 30.0


def _address_space() -> int:
    """This process's current virtual size in bytes (0 where ``/proc`` does not exist)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return 0


def _child(conn: Connection, func: Callable[..., Any], args: tuple[Any, ...], limits: Limits) -> None:
    try:
        cap = _address_space() + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
        conn.send(("ok", func(*args)))
    except DocumentRejected as exc:
        conn.send(("rejected", exc.reason))
    except MemoryError:
        conn.send(("rejected", f"parsing needs more than {limits.memory_bytes // 2**20} MiB of memory"))
    except RecursionError:
        conn.send(("rejected", "input is nested too deeply"))
    except Exception as exc:
        conn.send(("rejected", f"cannot be parsed ({type(exc).__name__}: {str(exc)[:200]})"))
    except BaseException:  # pragma: no cover - last resort, the parent reports the exit code
        traceback.print_exc()
    finally:
        conn.close()


def run_bounded(source: str, func: Callable[..., Any], *args: Any, limits: Limits | None = None) -> Any:
    """``func(*args)`` in a child process under ``limits``; its return value must pickle.

    Falls back to an in-process call only where ``fork`` does not exist (not on Linux/macOS).
    """
    lim = limits or Limits()
    if "fork" not in mp.get_all_start_methods():  # pragma: no cover
        return func(*args)
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, func, args, lim), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(lim.wall_seconds):
            raise DocumentRejected(source, f"parsing took longer than {lim.wall_seconds:g} s and was stopped")
        try:
            status, value = parent.recv()
        except (EOFError, OSError):
            proc.join(1)
            code = proc.exitcode
            raise DocumentRejected(
                source, f"the parser died (exit code {code}; memory or CPU limit reached)"
            ) from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status == "rejected":
        raise DocumentRejected(source, str(value))
    return value


def _pid() -> int:  # used by tests to check the parse ran elsewhere
    return os.getpid()
