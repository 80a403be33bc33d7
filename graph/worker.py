"""Analytics in separate worker processes, each computation under a deadline.

python-igraph holds the interpreter lock for the whole of a measure, so a server computing
betweenness in one of its threads stops answering anything else (``/health`` included)
until it ends. :class:`Workers` runs such computations in other processes: the calling
thread only waits on a pipe, without the lock.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: it cannot stop a running task
(Python 3.11 has no ``kill_workers``), and a computation past its deadline must stop, not
keep a core busy for minutes. So each worker is one long-lived process (started by the
``forkserver`` method where there is one, else ``spawn``: never a fork of a threaded
server) serving tasks from a pipe; a task past its deadline gets its worker killed, and a
fresh one starts on the next task. Warm workers keep their imports (igraph, scipy).

What crosses the pipe is compact: a task is a module-level function and its arguments
(for analytics, a :class:`~qkg.graph.projection.Network`: sorted ids and edge arrays,
about 20 bytes a link), the answer a numpy array. The workers never open the store: the
embedded store's folder is locked by the server, and opening it again would cost seconds
and a second copy of the index; the server already holds the links.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, TypeVar

from qkg.schemas import LimitExceeded, QkgError, ValidationError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

__all__ = ["Workers"]

_T = TypeVar("_T")
#: Errors a task may raise on purpose; they are raised again as themselves in the caller.
_EXPECTED: dict[str, type[QkgError]] = {"LimitExceeded": LimitExceeded, "ValidationError": ValidationError}


def _serve(conn: Connection, preload: tuple[str, ...]) -> None:
    """A worker's loop: import ``preload``, then for each task received say it started and
    send back ``("ok", value)`` or the error."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server's Ctrl-C is for the server
    for module in preload:
        importlib.import_module(module)
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(("started", None))
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except Exception as exc:
            reply = ("error", (type(exc).__name__, str(exc)))
        conn.send(reply)


class _Worker:
    def __init__(self, ctx: BaseContext, preload: tuple[str, ...]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, preload), name="qkg-analytics", daemon=True
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Workers:
    """Up to ``processes`` worker processes, started on first use.

    >>> import operator
    >>> with Workers(1) as workers:
    ...     workers.run(operator.add, 2, 3, timeout=60)
    5
    """

    def __init__(
        self, processes: int = 1, *, preload: tuple[str, ...] = (), start_timeout: float = 120.0
    ) -> None:
        if processes < 1:
            raise ValidationError(f"processes={processes} must be at least 1")
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self._ctx = mp.get_context(method)
        self._slots = threading.BoundedSemaphore(processes)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self._preload = preload
        self._start_timeout = start_timeout
        #: Tasks run so far, finished or not (tests and metrics read it).
        self.started = 0

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, fn: Callable[..., _T], *args: Any, timeout: float) -> _T:
        """``fn(*args)`` in a worker; :class:`LimitExceeded` when no worker is free within
        ``timeout`` seconds, or when the task runs longer (then its worker is stopped; a
        fresh one starts on the next task)."""
        if not self._slots.acquire(timeout=max(0.0, timeout)):
            raise LimitExceeded(
                f"every analytics worker stayed busy for the {timeout:g} s limit: try again later"
            )
        try:
            with self._lock:
                if self._closed:
                    raise QkgError("the analytics workers are closed")
                self.started += 1
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                worker = _Worker(self._ctx, self._preload)
            return self._ask(worker, fn, args, timeout)
        finally:
            self._slots.release()

    def _ask(self, worker: _Worker, fn: Callable[..., _T], args: Any, timeout: float) -> _T:
        try:
            worker.conn.send((fn, args))
            # A worker just started imports its modules first: the deadline is the task's.
            if not worker.conn.poll(self._start_timeout):
                worker.stop()
                raise QkgError(f"the analytics worker did not start within {self._start_timeout:g} s")
            worker.conn.recv()
            if not worker.conn.poll(timeout):
                worker.stop()
                raise LimitExceeded(
                    f"the computation took longer than the {timeout:g} s limit and was stopped: "
                    "narrow the projection (entity types, time window) or ask for a cheaper measure"
                )
            status, value = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            worker.stop()
            raise QkgError(f"the analytics worker stopped (exit code {worker.process.exitcode})") from None
        with self._lock:
            if self._closed:
                worker.stop()
            else:
                self._idle.append(worker)
        if status == "ok":
            result: _T = value
            return result
        name, message = value
        raise _EXPECTED.get(name, QkgError)(message if name in _EXPECTED else f"{name}: {message}")

    def close(self) -> None:
        """Stop every idle worker; busy ones stop when their task ends. Idempotent."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()
