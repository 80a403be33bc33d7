"""The facts file's relation reads and walks: an actor's relations, a frontier's, hubs kept.

:class:`FactColumns` is the whole reader of the facts file (:mod:`qkg.graph.embedded.facts`):
the relations of an actor or of a frontier read in one batch, filtered on the arrays, the
largest hubs' relations built once and kept (:data:`_PINNED`), and :meth:`FactColumns.warm`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from typing import TYPE_CHECKING, Any

import numpy as np

from qkg.schemas import (
    Direction,
    EntityType,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
)

from .columns import _CODE as _TYPE_CODE
from .columns import _TYPES
from .fact_dated import DatedFacts
from .fact_table import _ENTITY_CODE, _HUB_STEPS, _NO_ENTITY, _SYMMETRIC, _gather, _starts

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["FactColumns"]

#: Actors with more relations than this keep their built relations (a hub's relations are in
#: most 2-hop answers), up to :data:`_PINNED` relations so kept in all, the largest hubs first
#: (:meth:`FactColumns.warm`).
_HUB_RELATIONS = 64
_PINNED = 300_000


def _by_documents(f: RelationFilter | None) -> bool:
    """Whether ``f`` reads each relation's documents (a document, a window, ``asOf``,
    ``minSupport``), which the merged relations alone do not answer."""
    return f is not None and (
        f.document_id is not None or f.since is not None or f.until is not None or f.timed
    )


class FactColumns(DatedFacts):
    """The merged graph of one graph version as columns (see :mod:`.facts`). Answers
    equal the object index's (:class:`~qkg.graph.embedded.index.GraphIndex`) for the same
    graph; models are built per answer, relations and hubs' steps kept once built."""

    # -- relations ------------------------------------------------------------------------
    def relations(
        self, entity_id: str | None, f: RelationFilter | None, limit: int | None, offset: int
    ) -> list[Relation]:
        """:meth:`GraphIndex.relations`."""
        arrays = self.arrays
        if entity_id is None:
            me = None
            rows: NDArray[Any] = np.arange(len(arrays["r_src"]), dtype=np.int32)
        else:
            me = self._entity_row(entity_id)
            if me is None:
                raise NotFound("entity", entity_id)
            a, b = self._range("adj_end", me)
            rows = arrays["adj_rel"][a:b]
            hub = None if _by_documents(f) else self._hub(me, a, b)
            if hub is not None:
                kept = hub if f is None else list(compress(hub, self._matching(rows, me, f).tolist()))
                return kept[offset:] if limit is None else kept[offset : offset + limit]
        if f is not None:
            rows = rows[self._matching(rows, me, f)]
            if _by_documents(f):
                return self._documented(rows, f, limit, offset)
        rows = rows[offset:] if limit is None else rows[offset : offset + limit]
        return self.relations_at(rows.tolist())

    def _hub(self, me: int, a: int, b: int) -> list[Relation] | None:
        """Actor ``me``'s relations (rows ``adj_rel[a:b]``), built and kept, if it is a hub
        and :data:`_PINNED` leaves room; None otherwise. Never handed out: answers copy it."""
        found = self._hub_relations.get(me)
        if found is None and b - a > _HUB_RELATIONS and self._pinned + (b - a) <= _PINNED:
            found = self._hub_relations[me] = self.relations_at(self.arrays["adj_rel"][a:b].tolist())
            self._pinned += b - a
        return found

    def relations_of(self, entity_ids: Sequence[str], f: RelationFilter | None) -> dict[str, list[Relation]]:
        """:meth:`GraphIndex.relations_of`: the relations of every entity of ``entity_ids``
        (the others left out), the rows of those that are no hub read and built in one batch."""
        arrays = self.arrays
        if _by_documents(f):
            known = [i for i in dict.fromkeys(entity_ids) if self._entity_row(i) is not None]
            return {i: self.relations(i, f, None, 0) for i in known}
        self.position("")
        assert self._position is not None
        found = self._position.get
        named = [(i, p) for i in dict.fromkeys(entity_ids) if (p := found(i)) is not None]
        places = np.fromiter((p for _, p in named), dtype=np.int64, count=len(named))
        ends = arrays["adj_end"][places].tolist()
        starts = _starts(arrays["adj_end"], places).tolist()
        entity = (arrays["ent_type"][places] != _NO_ENTITY).tolist()
        out: dict[str, list[Relation]] = {}
        cold: list[tuple[str, int]] = []
        for (i, me), is_entity, a, b in zip(named, entity, starts, ends, strict=True):
            if not is_entity:
                continue
            if b - a > _HUB_RELATIONS and self._hub(me, a, b) is not None:
                out[i] = self.relations(i, f, None, 0)
            else:
                out[i] = []  # its place in the answer's order
                cold.append((i, me))
        if not cold:
            return out
        me_rows = np.fromiter((me for _, me in cold), dtype=np.int64, count=len(cold))
        at, counts = _gather(arrays["adj_end"], me_rows)
        rows = arrays["adj_rel"][at]
        if f is not None:
            owner = np.repeat(np.arange(len(cold)), counts)
            keep = self._matching(rows, me_rows[owner], f)
            rows, counts = rows[keep], np.bincount(owner[keep], minlength=len(cold))
        built = self.relations_at(rows.tolist())
        taken = 0
        for (i, _), n in zip(cold, counts.tolist(), strict=True):
            out[i] = built[taken : taken + n]
            taken += n
        return out

    def _matching(
        self, rows: NDArray[Any], me: int | NDArray[np.int64] | None, f: RelationFilter
    ) -> NDArray[np.bool_]:
        """Which of ``rows`` pass ``f`` (see :meth:`GraphIndex._rel_matches`), ``me`` being the
        row of the actor asked about (or each row's actor, an array as long as ``rows``)."""
        arrays = self.arrays
        rtype = arrays["r_type"][rows]
        src, tgt = arrays["r_src"][rows], arrays["r_tgt"][rows]
        keep = np.ones(len(rows), dtype=bool)
        if f.types is not None:
            wanted = np.zeros(len(_TYPES), dtype=bool)
            wanted[[_TYPE_CODE[RelationType(t)] for t in f.types]] = True
            keep &= wanted[rtype]
        if me is not None and f.direction is not Direction.BOTH:
            mine = src if f.direction is Direction.OUT else tgt
            keep &= _SYMMETRIC[rtype] | (mine == me)
        if f.entity_types is not None:
            kinds = np.zeros(256, dtype=bool)
            kinds[[_ENTITY_CODE[EntityType(t)] for t in f.entity_types]] = True
            ent_type = arrays["ent_type"]
            if me is None:
                keep &= kinds[ent_type[src]] | kinds[ent_type[tgt]]
            else:
                keep &= kinds[ent_type[np.where(src == me, tgt, src)]]
        return keep

    def warm(self) -> None:
        """Build every hub's steps, the largest hubs' relations (:data:`_PINNED`) and the
        look-up tables now (what a server does before it takes requests, so that no request
        pays for them)."""
        self.position("")
        self.documents_by_id(())
        self.agreements_by_id(())
        self.goals(None)
        sizes = np.diff(self.arrays["st_end"], prepend=0)
        for i in np.flatnonzero(sizes > _HUB_STEPS).tolist():
            self._every_step(i)
        ends = self.arrays["adj_end"]
        degree = np.diff(ends, prepend=0)
        hubs = np.flatnonzero(degree > _HUB_RELATIONS)
        for i in hubs[np.argsort(-degree[hubs], kind="stable")].tolist():
            if self._pinned + int(degree[i]) <= _PINNED and int(self.arrays["ent_type"][i]) != _NO_ENTITY:
                self._hub(i, int(ends[i]) - int(degree[i]), int(ends[i]))
