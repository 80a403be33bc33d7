"""The Neo4j store: the store contract on a Neo4j 5 server over Bolt.

- :mod:`.store`: :class:`Neo4jStore`, the driver, transactions and reads;
- :mod:`.cypher`: every query, built by pure functions as ``(text, parameters)``;
- :mod:`.merge`: the merged facts and their per-document bookkeeping as node and
  relationship properties (the rules themselves are :mod:`qkg.graph.merge`'s).
"""

from __future__ import annotations

from .store import Neo4jStore

__all__ = ["Neo4jStore"]
