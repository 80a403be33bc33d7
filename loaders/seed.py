"""The seed document shipped inside the package: a first graph after a plain ``pip install``.

``qkg demo`` and the tests that want a small real graph load it through the default
(deterministic, offline) extractor, exactly as ``qkg load`` would load the same text.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from typing import TYPE_CHECKING

from qkg.schemas import Document

if TYPE_CHECKING:
    from qkg.graph.store import GraphStore

__all__ = ["SEED_PUBLISHED", "SEED_SOURCE", "SEED_TITLE", "load_seed", "seed_document"]

SEED_TITLE = "Daejeon's quantum ecosystem"
SEED_SOURCE = "qkg:seed/daejeon.txt"
#: The seed text carries no publication date; it stays undated rather than invented.
SEED_PUBLISHED: dt.date | None = None


def seed_document() -> Document:
    """The shipped seed text as a document (its id is the hash of the text)."""
    text = files("qkg.loaders").joinpath("data/seed_daejeon.txt").read_text(encoding="utf-8")
    return Document.from_text(text, title=SEED_TITLE, source=SEED_SOURCE, published=SEED_PUBLISHED)


def load_seed(store: GraphStore) -> str:
    """Extract the seed document and upsert it into ``store``; return its id.

    Loading it twice changes nothing (the store's writes are idempotent).
    """
    from .extract import RuleExtractor

    return store.upsert(RuleExtractor().extract(seed_document())).document_id
