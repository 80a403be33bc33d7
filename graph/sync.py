"""Copy a graph from one store to another, document by document, without re-extracting.

Every document's delta is read from the source (:meth:`GraphStore.deltas`) and upserted
into the target, which keeps the target's all-or-nothing, idempotent writes: an unchanged
document is skipped, and a newer version of a document with the same ``source`` replaces the
older one. With ``prune``, the target also loses the documents the source does not have, so
both stores end up answering identically. ``qkg sync`` is the command over this function.

Examples
--------
>>> from qkg.graph.sync import sync_stores
>>> sync_stores(embedded, neo4j, prune=True)  # doctest: +SKIP
SyncSummary(documents=12, changed=12, unchanged=0, pruned=0)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import GraphStore

__all__ = ["SYNC_BATCH", "SyncSummary", "sync_stores"]

#: Documents read from the source and written to the target per call of its bulk writer.
SYNC_BATCH = 20


@dataclass(frozen=True)
class SyncSummary:
    """What a sync did."""

    documents: int
    changed: int
    unchanged: int
    pruned: int

    def __str__(self) -> str:
        return (
            f"{self.documents} documents: {self.changed} copied, {self.unchanged} already there, "
            f"{self.pruned} pruned"
        )


def sync_stores(
    source: GraphStore,
    target: GraphStore,
    *,
    prune: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> SyncSummary:
    """Upsert every document delta of ``source`` into ``target`` (one transaction per batch).

    With ``prune``, documents of ``target`` that ``source`` lacks are removed afterwards, so
    the two stores answer identically. ``progress(done, total)`` is called after each batch.
    """
    infos = source.documents()
    wanted = {d.id for d in infos}
    changed = unchanged = 0
    deltas = source.deltas()
    while batch := list(islice(deltas, SYNC_BATCH)):
        for result in target.upsert_many(batch):  # several whole documents per transaction
            changed += result.changed
            unchanged += not result.changed
        if progress is not None:
            progress(changed + unchanged, len(infos))
    pruned = 0
    if prune:
        for info in target.documents():
            if info.id not in wanted:
                target.remove_document(info.id)
                pruned += 1
    return SyncSummary(documents=changed + unchanged, changed=changed, unchanged=unchanged, pruned=pruned)
