"""Helpers for the loader tests: extract a small text and look facts up by name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.extract import extract
from qkg.schemas import Document, KnowledgeGraph


class Facts:
    """A delta with name-based lookups, so tests read like the sentences they check."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.names = {e.id: e.name for e in kg.entities}

    def entity(self, name: str) -> str:
        for e in self.kg.entities:
            if e.name == name or name in e.aliases:
                return e.id
        raise AssertionError(f"{name!r} not among {sorted(self.names.values())}")

    def has_entity(self, name: str) -> bool:
        return any(e.name == name or name in e.aliases for e in self.kg.entities)

    def triples(self) -> set[tuple[str, str, str]]:
        return {(self.names[r.source], r.type.value, self.names[r.target]) for r in self.kg.relations}

    def has(self, s: str, t: str, o: str) -> bool:
        trip = self.triples()
        return (s, t, o) in trip or (t in {"PARTNERS_WITH", "COMPETES_WITH"} and (o, t, s) in trip)

    def agreements(self) -> list[tuple[str, frozenset[str]]]:
        return [(a.kind.value, frozenset(self.names[p] for p in a.parties)) for a in self.kg.agreements]


@pytest.fixture
def facts() -> Callable[[str], Facts]:
    def run(text: str) -> Facts:
        return Facts(extract(Document.from_text(text)))

    return run
