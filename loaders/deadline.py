"""A time limit on the extraction of one document, checked cooperatively.

Every stage of extraction works sentence by sentence, and each sentence's work is bounded
(patterns skip over-long "sentences", rules bound their gaps), so checking the clock once per
sentence bounds the whole document without a child process or a signal (neither of which
an embedding server's worker thread can use). Past the limit the stage raises
:class:`qkg.schemas.LimitExceeded`, which the loaders turn into that document's rejection.

>>> with time_limit(None):
...     check()  # no limit: never raises
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from qkg.schemas import LimitExceeded

__all__ = ["DEFAULT_TIME_LIMIT", "check", "time_limit"]

#: Seconds one document's extraction may take (``QKG_EXTRACT_TIME_LIMIT`` in the settings).
DEFAULT_TIME_LIMIT = 60.0

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("qkg_extract_deadline", default=None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block under a limit of ``seconds`` (``None``: no limit)."""
    token = _deadline.set(None if seconds is None else (time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise :class:`LimitExceeded` when the current limit has passed."""
    d = _deadline.get()
    if d is not None and time.monotonic() > d[0]:
        raise LimitExceeded(
            f"extraction took longer than its time limit of {d[1]:g} s "
            "(raise it with QKG_EXTRACT_TIME_LIMIT or --time-limit)"
        )
