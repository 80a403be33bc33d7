"""Ranked search across actors, agreements and documents.

Actors are found through the store's own name and alias indexes; agreement and document
titles (and agreement parties' names) through a small title index built once per graph
version. Scores: exact name or alias 1.0, name starting with the text 0.8, a word starting
with it 0.7, containing it 0.5; actors first among equals, then by name.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qkg.schemas import Agreement, DocumentInfo, Entity, EntityFilter, normalise_name

if TYPE_CHECKING:
    from qkg.graph.store import GraphStore

__all__ = ["Hit", "search_graph"]


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


class _TitleIndex:
    def __init__(self, version: str, agreements: list[Agreement], documents: list[DocumentInfo]) -> None:
        self.version = version
        self.agreements = [(normalise_name(a.title), a) for a in agreements]
        self.documents = [(normalise_name(d.title), d) for d in documents]


_indexes: weakref.WeakKeyDictionary[Any, _TitleIndex] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _index(store: GraphStore) -> _TitleIndex:
    version = store.version
    with _lock:
        try:
            idx = _indexes.get(store)
        except TypeError:
            idx = None
        if idx is None or idx.version != version:
            idx = _TitleIndex(version, store.agreements(), store.documents())
            with contextlib.suppress(TypeError):
                _indexes[store] = idx
        return idx


def search_graph(store: GraphStore, text: str, first: int) -> list[Hit]:
    """The ``first`` best hits for ``text`` across actors, agreements and documents."""
    needle = normalise_name(text)
    hits: dict[tuple[str, str], Hit] = {}
    for e in store.find_entities(text):
        hits[("e", e.id)] = Hit(1.0, entity=e)
    for e in store.entities(EntityFilter(name_contains=text), limit=max(first * 5, 50)):
        if ("e", e.id) not in hits:
            s = _score(needle, [normalise_name(n) for n in (e.name, *e.aliases)])
            hits[("e", e.id)] = Hit(s or 0.5, entity=e)
    idx = _index(store)
    for title, a in idx.agreements:
        if title and needle in title:
            hits[("a", a.id)] = Hit(_score(needle, [title]), agreement=a)
    for title, d in idx.documents:
        if title and needle in title:
            hits[("d", d.id)] = Hit(_score(needle, [title]), document=d)
    return sorted(hits.values(), key=lambda h: h.sort_key)[:first]
