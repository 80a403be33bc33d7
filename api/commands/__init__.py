"""The ``qkg`` command's subcommands, one module per concern; each exposes ``register(app)``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qkg.graph.store import GraphStore

__all__ = ["configured_store"]


@contextmanager
def configured_store() -> Iterator[GraphStore]:
    """The store the ``QKG_*`` settings configure, closed when the command ends."""
    from qkg.graph.open import open_store_from_settings

    from ..settings import load_settings

    store = open_store_from_settings(load_settings())
    try:
        yield store
    finally:
        store.close()
