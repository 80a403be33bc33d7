"""What the API keeps between requests about each store it serves, owned by the app.

:class:`AppState` is created with the GraphQL router (so by :func:`qkg.api.app.create_app`
and by :func:`qkg.api.graphql_router`) and reaches the resolvers through the request
:class:`~qkg.api.context.Context` as ``context.caches``: a :class:`StoreCaches` holding the
analytics results (:class:`~qkg.graph.analytics.AnalyticsCache`), the search's title index
(:class:`~qkg.api.search.TitleIndex`) and the analytics worker processes of one store. No
module-level table refers to a store: two apps over two stores share nothing, and a store's
caches go when the app closes the store (:meth:`AppState.close`) or when the store object
is freed (the state holds stores by weak reference).
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qkg.graph.analytics import AnalyticsCache
    from qkg.graph.store import GraphStore
    from qkg.graph.worker import Workers

    from .search import TitleIndex

__all__ = ["AppState", "StoreCaches"]


class StoreCaches:
    """The caches and worker processes the API keeps for one store."""

    def __init__(self) -> None:
        from qkg.graph.analytics import AnalyticsCache

        from .search import TitleIndex

        self.analytics: AnalyticsCache = AnalyticsCache()
        self.titles: TitleIndex = TitleIndex()
        self._workers: Workers | None = None
        self._lock = threading.Lock()

    def workers(self, processes: int) -> Workers:
        """The worker processes computing this store's analytics (``processes`` of them,
        started on first use)."""
        from qkg.graph.worker import Workers

        with self._lock:
            if self._workers is None:
                self._workers = Workers(processes, preload=("qkg.graph.analytics",))
                weakref.finalize(self, self._workers.close)  # these caches freed: workers stop
            return self._workers

    def close(self) -> None:
        """Drop every cached result and stop the worker processes. Idempotent."""
        self.analytics.clear()
        self.titles.clear()
        with self._lock:
            workers, self._workers = self._workers, None
        if workers is not None:
            workers.close()


class AppState:
    """One app's :class:`StoreCaches`, per store object (held weakly)."""

    def __init__(self) -> None:
        self._stores: weakref.WeakKeyDictionary[GraphStore, StoreCaches] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def caches(self, store: GraphStore) -> StoreCaches:
        """``store``'s caches, made on first use; freed (workers stopped) with the store."""
        with self._lock:
            found = self._stores.get(store)
            if found is None:
                found = self._stores[store] = StoreCaches()
            return found

    def __len__(self) -> int:
        return len(self._stores)

    def close(self, store: GraphStore) -> None:
        """Forget ``store`` (it is closing): its results dropped, its workers stopped."""
        with self._lock:
            found = self._stores.pop(store, None)
        if found is not None:
            found.close()
