"""The reads of the facts file by documents: a document, a window, ``asOf`` and ``minSupport``.

What each fact's documents say apart (the evidence's parts, each document's publication day,
each agreement's documents and parts, :mod:`qkg.graph.embedded.facts`) answers these here
too: a fact the count of its published documents decides is decided for a whole frontier at
once with numpy; the others by the rules of :mod:`qkg.graph.merge` over their parts, built
for them only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from qkg.schemas import (
    Agreement,
    AgreementKind,
    Relation,
    RelationFilter,
    RelationType,
)

from ..merge import (
    AsOf,
    agreement_order,
    agreement_view,
    date_prefix_match,
    relation_view,
)
from ..store import RelKey, Step
from .columns import _TYPES
from .fact_table import _UNDATED, FactTable, _gather, _relation_of

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["DatedFacts"]


class DatedFacts(FactTable):
    """:class:`~.fact_table.FactTable` with the reads that weigh each fact's documents."""

    def agreements_by_id(self, ids: Sequence[str], asked: AsOf | None = None) -> dict[str, Agreement]:
        """:meth:`GraphIndex.agreements_by_id`; with ``asked``, :meth:`agreement_view`."""
        if self._agreement_position is None:
            self._agreement_position = {n: i for i, n in enumerate(self.agreement_ids)}
        out: dict[str, Agreement] = {}
        for i in ids:
            row = None if i in out else self._agreement_position.get(i)
            if row is not None:
                found = self._agreement_at(row) if asked is None else self.agreement_view(row, asked)
                if found is not None:
                    out[i] = found
        return out

    def agreements(
        self,
        party: str | None,
        kind: AgreementKind | None,
        since: str | None,
        until: str | None,
        document_id: str | None,
        as_of: dt.date | None,
    ) -> list[Agreement] | None:
        """:meth:`GraphIndex.agreements`: the agreements (of ``party``) of ``kind``, dated
        within ``since``/``until``, given by ``document_id``, as of a day (each as the
        documents published by then give it, ``party`` named by one of them), in agreement
        order; None for a party the graph does not describe (the index answers it)."""
        arrays = self.arrays
        if party is None:
            rows: list[int] = list(range(len(self.agreement_ids)))
        else:
            me = self._entity_row(party)
            if me is None:
                return None
            a, b = self._range("party_end", me)
            rows = arrays["party_agr"][a:b].tolist()
        asked = None if as_of is None else AsOf(as_of)
        wanted = None if document_id is None else self._document_row(document_id)
        if document_id is not None and wanted is None:
            return []
        day = _UNDATED if as_of is None else as_of.toordinal()
        ends, docs, published = arrays["ag_doc_end"], arrays["ag_doc"], arrays["doc_pub"]
        out = []
        for g in rows:
            start = 0 if g == 0 else int(ends[g - 1])
            known = docs[start : int(ends[g])]
            if asked is not None:
                on = published[known]
                known = known[(on != _UNDATED) & (on <= day)]
                if not len(known):
                    continue
            if wanted is not None and wanted not in known.tolist():
                continue
            found = self._agreement_at(g) if asked is None else self.agreement_view(g, asked)
            if found is None or (kind is not None and found.kind != kind):
                continue
            if not date_prefix_match(found.date, since, until):
                continue
            if asked is not None and party is not None and not self._named_by(g, party, known):
                continue
            out.append(found)
        return sorted(out, key=agreement_order)

    def _named_by(self, g: int, party: str, known: NDArray[Any]) -> bool:
        """Whether one of agreement row ``g``'s documents ``known`` names ``party`` a party."""
        if self.arrays["agr_counted"][g]:  # every part names the parties of the merge
            return party in self._agreement_at(g).parties
        parts = self._agreement_parts(g)
        return any(party in parts[self.document_ids[d]].parties for d in known.tolist())

    def relations_by_key(self, keys: Iterable[RelKey], asked: AsOf | None = None) -> dict[RelKey, Relation]:
        """:meth:`GraphIndex.relations_by_key`; with ``asked``, each as the documents
        published by then give it (:meth:`_views`), those not in force then left out."""
        found = self._rows_of_keys(keys)
        if asked is None:
            return dict(zip(found, self.relations_at(list(found.values())), strict=True))
        rows = np.fromiter(found.values(), dtype=np.int64, count=len(found))
        views = self._views(rows, asked, np.ones(len(rows), dtype=bool))
        return {k: r for k, r in zip(found, views, strict=True) if r is not None}

    def _first_of_document(self) -> NDArray[np.bool_]:
        """Whether each evidence row is its relation's first of its document (a relation's
        evidence is in :func:`~qkg.graph.merge.evidence_key` order, so by document)."""
        if self._ev_first is None:
            doc, ends = self.arrays["e_doc"], self.arrays["ev_end"]
            first = np.ones(len(doc), dtype=bool)
            first[1:] = doc[1:] != doc[:-1]
            first[ends[:-1][ends[:-1] < len(doc)]] = True
            self._ev_first = first
        return self._ev_first

    def _support(
        self, rows: NDArray[Any], day: dt.date | None
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
        """For relation ``rows``: how many documents give each, how many of them are
        published by ``day`` (all when None), and their evidence (rows, how many a relation
        has, whether each one's document is published by ``day``)."""
        ev, counts = _gather(self.arrays["ev_end"], rows)
        first = self._first_of_document()[ev]
        owner = np.repeat(np.arange(len(rows)), counts)
        total = np.bincount(owner[first], minlength=len(rows))
        if day is None:
            return total, total, ev, counts, np.ones(len(ev), dtype=bool)
        on = self.arrays["doc_pub"][self.arrays["e_doc"][ev]]
        known_ev = (on != _UNDATED) & (on <= day.toordinal())
        return total, np.bincount(owner[first & known_ev], minlength=len(rows)), ev, counts, known_ev

    def _views(self, rows: NDArray[Any], asked: AsOf, wanted: NDArray[np.bool_]) -> list[Relation | None]:
        """Each relation of ``rows`` that ``wanted`` marks as ``asked`` gives it (None when it
        does not hold then, and for the rows not wanted): the stored merge where every one of
        its documents counts and the count decides (no validity, as :meth:`GraphIndex._rel_counted`),
        else :func:`qkg.graph.merge.relation_view` of its parts."""
        total, known, ev, counts, _ = self._support(rows, asked.day)
        need = max(asked.min_support or 1, 1)
        arrays = self.arrays
        counted = (arrays["r_from"][rows] == _UNDATED) & (arrays["r_to"][rows] == _UNDATED)
        if asked.day is None:
            counted[:] = True
        whole = wanted & (known >= need) & (known == total) & counted
        ruled = wanted & (known >= need) & ~(counted & (known == total))
        out: list[Relation | None] = [None] * len(rows)
        at = np.flatnonzero(whole)
        for j, r in zip(at.tolist(), self.relations_at(rows[at].tolist()), strict=True):
            out[j] = r
        if ruled.any():
            starts = (np.cumsum(counts) - counts).tolist()
            for j in np.flatnonzero(ruled).tolist():
                out[j] = relation_view(
                    self._parts(int(rows[j]), ev[starts[j] : starts[j] + int(counts[j])]),
                    self._published_on().get,
                    asked,
                )
        return out

    def _parts(self, row: int, ev: NDArray[np.int64]) -> dict[str, Relation]:
        """Relation ``row`` as each of its documents gives it (its evidence rows ``ev``)."""
        arrays, ids = self.arrays, self.ids
        pieces = self._evidence(ev)
        source, kind, target = (
            ids[int(arrays["r_src"][row])],
            _TYPES[int(arrays["r_type"][row])],
            ids[int(arrays["r_tgt"][row])],
        )
        out: dict[str, Relation] = {}
        for j, e in enumerate(pieces):
            if e.document_id not in out:
                mine = tuple(p for p in pieces if p.document_id == e.document_id)
                at = int(ev[j])
                out[e.document_id] = _relation_of(
                    source,
                    kind,
                    target,
                    mine,
                    float(arrays["e_pconf"][at]),
                    int(arrays["e_pfrom"][at]),
                    int(arrays["e_pto"][at]),
                )
        return out

    def _documented(
        self, rows: NDArray[Any], f: RelationFilter, limit: int | None, offset: int
    ) -> list[Relation]:
        """:meth:`relations` of ``rows`` (which pass ``f``'s other conditions) for a filter
        that reads their documents: a document, a window (any of the documents that count
        published inside it), ``asOf`` and ``minSupport`` (:meth:`_views`)."""
        asked = AsOf(f.as_of, f.min_support) if f.timed else None
        _, _, ev, counts, known_ev = self._support(rows, None if asked is None else asked.day)
        keep = np.ones(len(rows), dtype=bool)
        owner = np.repeat(np.arange(len(rows)), counts)
        arrays = self.arrays
        if f.document_id is not None:  # one of the documents that count is it
            found = self._document_row(f.document_id)
            cites = known_ev & (arrays["e_doc"][ev] == (-1 if found is None else found))
            keep &= np.bincount(owner[cites], minlength=len(rows)) > 0
        if f.since is not None or f.until is not None:  # one of them is published inside
            on = arrays["doc_pub"][arrays["e_doc"][ev]]
            inside = known_ev & (on != _UNDATED)
            if f.since is not None:
                inside &= on >= f.since.toordinal()
            if f.until is not None:
                inside &= on <= f.until.toordinal()
            keep &= np.bincount(owner[inside], minlength=len(rows)) > 0
        if asked is None:
            kept = rows[keep]
            kept = kept[offset:] if limit is None else kept[offset : offset + limit]
            return self.relations_at(kept.tolist())
        views = [r for r in self._views(rows, asked, keep) if r is not None]
        return views[offset:] if limit is None else views[offset : offset + limit]

    def steps_as_of(
        self, nodes: Sequence[str], types: frozenset[RelationType] | None, asked: AsOf
    ) -> dict[str, list[Step]]:
        """:meth:`GraphIndex.steps_as_of`: the steps that hold as ``asked``, a frontier's facts
        decided at once by counting their published documents (by the rule of their parts
        where the count does not decide, :meth:`_views`, :meth:`agreement_view`)."""
        arrays = self.arrays
        places = [self.position(n) for n in nodes]
        at, counts = _gather(
            arrays["st_end"], np.asarray([i for i in places if i is not None], dtype=np.int64)
        )
        rel, agr = arrays["st_rel"][at], arrays["st_agr"][at]
        holds = np.zeros(len(at), dtype=bool)
        of_rel = rel >= 0
        if of_rel.any():
            rows, where = np.unique(rel[of_rel], return_inverse=True)
            holds[of_rel] = self._holding(rows, asked)[where]
        parties: dict[int, tuple[str, ...] | None] = {}
        if (~of_rel).any():
            groups, where = np.unique(agr[~of_rel], return_inverse=True)
            _, known = self._agreement_support(groups, asked.day)
            need = max(asked.min_support or 1, 1)
            # an agreement whose parts name other parties holds for the parties of its view
            counted = arrays["agr_counted"][groups].astype(bool)
            holds[~of_rel] = (counted & (known >= need))[where]
            for g in groups[~counted].tolist():  # the rule decides, with the parties it gives
                view = self.agreement_view(g, asked)
                parties[g] = None if view is None else view.parties
        out: dict[str, list[Step]] = {}
        taken = 0
        sizes = iter(counts.tolist())
        for n, i in zip(nodes, places, strict=True):
            if i is None:
                out[n] = []
                continue
            size = next(sizes)
            every = self._every_step(i)
            kept = []
            for j, s in enumerate(every):
                if types is not None and s[1] not in types:
                    continue
                g = int(agr[taken + j]) if s[2] is not None else -1
                if g in parties:
                    held_by = parties[g]
                    if held_by is not None and n in held_by and s[0] in held_by:
                        kept.append(s)
                elif holds[taken + j]:
                    kept.append(s)
            out[n] = kept
            taken += size
        return out

    def _holding(self, rows: NDArray[Any], asked: AsOf) -> NDArray[np.bool_]:
        """Whether each relation of ``rows`` holds as ``asked`` (:meth:`_views`), decided by
        counting where the count decides, without building the relation."""
        _, known, _, _, _ = self._support(rows, asked.day)
        arrays = self.arrays
        counted = (arrays["r_from"][rows] == _UNDATED) & (arrays["r_to"][rows] == _UNDATED)
        if asked.day is None:
            counted[:] = True
        enough = known >= max(asked.min_support or 1, 1)
        holds: NDArray[np.bool_] = counted & enough
        rest = np.flatnonzero(~counted & enough)
        if len(rest):
            views = self._views(rows[rest], asked, np.ones(len(rest), dtype=bool))
            holds[rest] = [v is not None for v in views]
        return holds

    def _agreement_support(
        self, groups: NDArray[Any], day: dt.date | None
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """How many documents give each agreement of ``groups`` (rows), and how many of them
        are published by ``day`` (all when None)."""
        at, counts = _gather(self.arrays["ag_doc_end"], groups)
        if day is None:
            return counts, counts
        on = self.arrays["doc_pub"][self.arrays["ag_doc"][at]]
        owner = np.repeat(np.arange(len(groups)), counts)
        fits = (on != _UNDATED) & (on <= day.toordinal())
        return counts, np.bincount(owner[fits], minlength=len(groups))

    def agreement_view(self, g: int, asked: AsOf) -> Agreement | None:
        """Agreement row ``g`` as ``asked`` (:meth:`GraphIndex._agreement_view`): its merge
        when it is counted (``agr_counted``) and all its documents count, else
        :func:`qkg.graph.merge.agreement_view` of its parts."""
        total, known = self._agreement_support(np.asarray([g]), asked.day)
        need = max(asked.min_support or 1, 1)
        if self.arrays["agr_counted"][g] or asked.day is None:
            if int(known[0]) < need:
                return None
            if int(known[0]) == int(total[0]):
                return self._agreement_at(g)
        return agreement_view(self._agreement_parts(g), self._published_on().get, asked)

    def _agreement_parts(self, g: int) -> dict[str, Agreement]:
        """Agreement row ``g`` as each of its documents gives it (stored for the agreements
        whose merge alone does not answer every day: several documents, or not counted)."""
        a, b = self._range("ag_doc_end", g)
        docs, ends = self.arrays["ag_doc"], self.arrays["ap_end"]
        out: dict[str, Agreement] = {}
        for j in range(a, b):
            start = 0 if j == 0 else int(ends[j - 1])
            out[self.document_ids[int(docs[j])]] = Agreement.model_validate_json(
                self._blob("agreement_parts", start, int(ends[j]))
            )
        return out
