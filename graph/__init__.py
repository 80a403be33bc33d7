"""qkg's graph stores, queries and analytics."""

from __future__ import annotations

from .embedded import EmbeddedStore
from .open import StoreSettings, open_store, open_store_from_settings
from .paths import k_shortest_paths
from .projection import project
from .store import MAX_PATH_HOPS, MAX_PATHS, GraphStore

__all__ = [
    "MAX_PATHS",
    "MAX_PATH_HOPS",
    "EmbeddedStore",
    "GraphStore",
    "StoreSettings",
    "k_shortest_paths",
    "open_store",
    "open_store_from_settings",
    "project",
]
