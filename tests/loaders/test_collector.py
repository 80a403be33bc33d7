"""The collector policy the qkg commands wrap extraction in, and the library leaving the
collector alone (an embedding application owns its process's settings)."""

from __future__ import annotations

import gc
import threading

import pytest

from qkg.loaders.extract import RuleExtractor, young_collections_only
from qkg.schemas import Document

TEXT = "Orbion Quantum and the University of Lyon signed a memorandum of understanding in Lyon."


def test_library_extraction_leaves_the_collector_alone() -> None:
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []

    class Watching(RuleExtractor):
        def _extract(self, document: Document):  # type: ignore[no-untyped-def]
            seen.append(gc.get_threshold())
            return super()._extract(document)

    Watching().extract(Document.from_text(TEXT))
    assert seen == [before]
    assert gc.get_threshold() == before


def test_only_young_collections_inside_and_thresholds_restored_after_an_error() -> None:
    before = gc.get_threshold()
    inside: list[tuple[int, int, int]] = []

    def failing_extraction() -> None:
        with young_collections_only():
            inside.append(gc.get_threshold())
            raise RuntimeError("a document failed")

    with pytest.raises(RuntimeError):
        failing_extraction()
    assert inside[0][0] == before[0]  # the youngest generation is still collected
    assert inside[0][1] > before[1]
    assert inside[0][2] > before[2]
    assert gc.get_threshold() == before


def test_overlapping_extractions_in_threads_restore_the_thresholds_once_all_end() -> None:
    before = gc.get_threshold()
    first_in, second_done = threading.Event(), threading.Event()
    during: list[tuple[int, int, int]] = []

    def first() -> None:
        with young_collections_only():
            first_in.set()
            second_done.wait(5)
            during.append(gc.get_threshold())  # still restricted: this one is still running

    t = threading.Thread(target=first)
    t.start()
    first_in.wait(5)
    with young_collections_only():
        pass
    second_done.set()
    t.join(5)
    assert during
    assert during[0] != before
    assert gc.get_threshold() == before
