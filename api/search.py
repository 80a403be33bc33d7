"""Ranked search across actors, agreements and documents.

Actors are found through the store's own name and alias indexes; agreement and document
titles through a small :class:`TitleIndex` built once per graph version and kept by its
owner (the app's per-store caches, :mod:`qkg.api.state`). Scores: exact name or alias 1.0, name starting with the text 0.8, a word starting
with it 0.7, containing it 0.5; actors first among equals, then by name.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qkg.schemas import Agreement, DocumentInfo, Entity, EntityFilter, normalise_name

if TYPE_CHECKING:
    from qkg.graph.store import GraphStore

__all__ = ["Hit", "TitleIndex", "search_graph"]


@dataclass(frozen=True, slots=True)
class Hit:
    score: float
    entity: Entity | None = None
    agreement: Agreement | None = None
    document: DocumentInfo | None = None

    @property
    def sort_key(self) -> tuple[float, int, str, str]:
        if self.entity is not None:
            return (-self.score, 0, normalise_name(self.entity.name), self.entity.id)
        if self.agreement is not None:
            return (-self.score, 1, normalise_name(self.agreement.title), self.agreement.id)
        assert self.document is not None
        return (-self.score, 2, normalise_name(self.document.title), self.document.id)


def _score(needle: str, names: list[str]) -> float:
    best = 0.0
    for n in names:
        if n == needle:
            return 1.0
        if n.startswith(needle):
            best = max(best, 0.8)
        elif any(w.startswith(needle) for w in n.split()):
            best = max(best, 0.7)
        elif needle in n:
            best = max(best, 0.5)
    return best


class _Titles:
    def __init__(self, version: str, agreements: list[Agreement], documents: list[DocumentInfo]) -> None:
        self.version = version
        self.agreements = [(normalise_name(a.title), a) for a in agreements]
        self.documents = [(normalise_name(d.title), d) for d in documents]


class TitleIndex:
    """Normalised agreement and document titles of one store, rebuilt when its version changes."""

    def __init__(self) -> None:
        self._titles: _Titles | None = None
        self._lock = threading.Lock()

    def of(self, store: GraphStore) -> _Titles:
        version = store.version
        with self._lock:
            titles = self._titles
            if titles is None or titles.version != version:
                titles = self._titles = _Titles(version, store.agreements(), store.documents())
            return titles

    def clear(self) -> None:
        with self._lock:
            self._titles = None


def search_graph(store: GraphStore, text: str, first: int, *, titles: TitleIndex | None = None) -> list[Hit]:
    """The ``first`` best hits for ``text`` across actors, agreements and documents.

    ``titles``: the store's title index kept between calls (without one, it is built for
    this call).
    """
    needle = normalise_name(text)
    hits: dict[tuple[str, str], Hit] = {}
    for e in store.find_entities(text):
        hits[("e", e.id)] = Hit(1.0, entity=e)
    for e in store.entities(EntityFilter(name_contains=text), limit=max(first * 5, 50)):
        if ("e", e.id) not in hits:
            s = _score(needle, [normalise_name(n) for n in (e.name, *e.aliases)])
            hits[("e", e.id)] = Hit(s or 0.5, entity=e)
    idx = (titles if titles is not None else TitleIndex()).of(store)
    for title, a in idx.agreements:
        if title and needle in title:
            hits[("a", a.id)] = Hit(_score(needle, [title]), agreement=a)
    for title, d in idx.documents:
        if title and needle in title:
            hits[("d", d.id)] = Hit(_score(needle, [title]), document=d)
    return sorted(hits.values(), key=lambda h: h.sort_key)[:first]
