"""qkg's graph stores, queries and analytics.

The names below load on first use (PEP 562), so ``import qkg.graph.open`` or
``qkg.graph.store`` does not import the embedded store, numpy or rdflib: a ``qkg``
command imports only what it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qkg.schemas._lazy import lazy_exports

if TYPE_CHECKING:
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

_LAZY = {
    "MAX_PATHS": "store",
    "MAX_PATH_HOPS": "store",
    "EmbeddedStore": "embedded",
    "GraphStore": "store",
    "StoreSettings": "open",
    "k_shortest_paths": "paths",
    "open_store": "open",
    "open_store_from_settings": "open",
    "project": "projection",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__)
