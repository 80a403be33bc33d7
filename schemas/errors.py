"""The one exception tree of qkg.

Every package raises subclasses of :class:`QkgError`; messages name the offending value.

::

    QkgError
    ├── ValidationError          a model or graph that breaks the ontology
    ├── DocumentRejected         a document that cannot be read or extracted (names file + reason)
    ├── StoreError               a graph store that cannot do what was asked
    │   ├── StoreLocked          the embedded store is open in another process
    │   ├── StoreUnavailable     the store (e.g. Neo4j) cannot be reached
    │   └── NotFound             an entity, agreement or document id that is not in the graph
    ├── LimitExceeded            a request beyond a configured limit (hops, page size, graph size)
    └── ConfigurationError       bad settings; the message says what to fix
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "DocumentRejected",
    "LimitExceeded",
    "NotFound",
    "QkgError",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
    "ValidationError",
]


class QkgError(Exception):
    """Root of every error qkg raises on purpose."""


class ValidationError(QkgError, ValueError):
    """A model, delta or RDF graph that breaks the ontology."""


class DocumentRejected(QkgError):
    """A document that cannot be read or extracted.

    ``source`` names the file (or ``-`` for standard input) and ``reason`` says why.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(QkgError):
    """A graph store that cannot do what was asked."""


class StoreLocked(StoreError):
    """The embedded store's folder is already open in another process."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (for example Neo4j is down)."""


class NotFound(StoreError, KeyError):
    """An id that is not in the graph."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"{kind} {key!r} is not in the graph")
        self.kind = kind
        self.key = key

    def __str__(self) -> str:  # KeyError would quote the message again
        return str(self.args[0])


class LimitExceeded(QkgError):
    """A request beyond a configured limit (hops, page size, graph size, body size)."""


class ConfigurationError(QkgError):
    """Bad settings; the message says which setting and what to fix."""
