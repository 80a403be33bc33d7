"""Log formats (``QKG_LOG_FORMAT=text|json``) and the entry points' logging set-up.

Library code only logs (``logging.getLogger("qkg...")``); :func:`configure_logging` is for
entry points (``qkg serve``, the ``qkg`` command), which own the process's root logger.
Both formats add the current request's id (:data:`REQUEST_ID`) to every record logged while
a request is served, so a resolver's error line can be matched with its request line.

A JSON line holds ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, the request
id when there is one, the fields a record carries in ``extra`` (the request log's
``method``, ``path``, ``status``, ``operation``, ``outcome``, ``duration_ms``, ``client``;
the loader's ``document``, ``source``, ``outcome``, ...) and ``exception`` with a traceback.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from contextvars import ContextVar
from typing import Any, TextIO

import orjson

__all__ = ["REQUEST_ID", "JsonFormatter", "TextFormatter", "configure_logging"]

#: The id of the request being served in this context (None outside requests).
REQUEST_ID: ContextVar[str | None] = ContextVar("qkg_request_id", default=None)

# Attributes every LogRecord has; anything else on a record came from ``extra``.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = REQUEST_ID.get()
        if request_id is not None:
            out["request_id"] = request_id
        out.update(_extras(record))
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(out, default=str).decode()


class TextFormatter(logging.Formatter):
    """``2026-01-02 03:04:05,678 INFO qkg.request: message [request id]``."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = REQUEST_ID.get()
        if request_id is not None and "request_id" not in vars(record):
            line += f" [{request_id}]"
        return line


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time (tests swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


def configure_logging(log_format: str = "text", level: str = "info") -> logging.Handler:
    """Entry points only: one handler on the root logger writing ``log_format`` lines to
    standard error; qkg's loggers at ``level``, other libraries' at ``warning`` or above.
    Calling it again replaces qkg's handler, never another's."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _StderrHandler):
            root.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    root.addHandler(handler)
    numeric = logging.getLevelName(level.upper())
    root.setLevel(max(numeric, logging.WARNING))
    logging.getLogger("qkg").setLevel(numeric)
    return handler
