"""The span type every detector family produces: where the text names something."""

from __future__ import annotations

from dataclasses import dataclass, field

from qkg.schemas import EntityType

from ..gazetteer import Entry, norm

__all__ = ["Mention"]


@dataclass
class Mention:
    """A span of the document that names something."""

    start: int
    end: int
    text: str
    type: EntityType
    name: str
    rule: str
    entry: Entry | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    #: for anaphors: the entity type looked for backwards ("the city government" -> City)
    anaphor: EntityType | None = None

    @property
    def key(self) -> str:
        return norm(self.name)
