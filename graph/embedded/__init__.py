"""The embedded store (the default): an on-disk RDF quad store (pyoxigraph) and the
in-memory index that answers queries.

- :mod:`.store`: :class:`EmbeddedStore`, the record on disk, its lock and its writes;
- :mod:`.index`: :class:`~qkg.graph.embedded.index.GraphIndex`, the merged view in memory;
- :mod:`.snapshot`: the index saved as plain data, checked against the record at open.
- :mod:`.facts`: the merged graph as numpy columns, saved with the snapshot and mapped at
  open, which answers relations, steps and look-ups by id until the index is needed; its
  reader is built in layers: :mod:`.fact_table` (rows made into models, look-ups),
  :mod:`.fact_dated` (the reads by documents: ``asOf``, ``minSupport``, a document, a
  window) and :mod:`.fact_walks` (relations of actors and frontiers, hubs kept).
"""

from __future__ import annotations

from .store import EmbeddedStore

__all__ = ["EmbeddedStore"]
