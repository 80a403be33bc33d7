"""Gold annotations of an evaluation corpus (``docs/*.txt`` + ``gold/*.json``): format, checks, reading.

The format is that of ``../shared/corpus/dev/ANNOTATION.md``. A gold file is checked when it
is read (entity and relation types from the ontology, relation ends and agreement parties
that are entity ids of the file), so a typo stops an evaluation before any extraction
instead of silently lowering a score.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticValidationError

from qkg.schemas import AgreementKind, Document, DocumentRejected, EntityType, RelationType

__all__ = [
    "Corpus",
    "GoldAgreement",
    "GoldDocument",
    "GoldEntity",
    "GoldRelation",
    "read_annotated",
    "read_corpora",
    "read_corpus",
    "read_gold",
]


class _Gold(BaseModel):
    # fields the scoring does not read (date, place, topics) are allowed and ignored
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldEntity(_Gold):
    """A named actor or thing of the text."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    type: EntityType
    aliases: tuple[str, ...] = ()


class GoldRelation(_Gold):
    """A typed relation between two entity ids, with the sentence that states it."""

    source: str
    type: RelationType
    target: str
    evidence: str = ""


class GoldAgreement(_Gold):
    """An agreement and its parties (entity ids); scored on the parties alone."""

    id: str = ""
    kind: AgreementKind | None = None
    parties: tuple[str, ...] = Field(min_length=2)
    evidence: str = ""


class GoldDocument(_Gold):
    """One ``gold/*.json`` file, checked: types from the ontology, ids that resolve."""

    doc: str = ""
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()

    @model_validator(mode="after")
    def _ids_resolve(self) -> GoldDocument:
        ids = [e.id for e in self.entities]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"entity id {dup[0]!r} is used twice")
        known = set(ids)
        refs = [
            (f"relation {r.type.value} {w}", x)
            for r in self.relations
            for w, x in (("source", r.source), ("target", r.target))
        ]
        refs += [(f"agreement {a.id or '?'} party", p) for a in self.agreements for p in a.parties]
        for where, x in refs:
            if x not in known:
                raise ValueError(f"{where} {x!r} is not an entity id")
        return self

    def name_of(self, entity_id: str) -> str:
        return next(e.name for e in self.entities if e.id == entity_id)

    def pairs(self) -> set[frozenset[str]]:
        """Collaboration pairs: PARTNERS_WITH ends, and every two parties of one agreement."""
        out = {
            frozenset((r.source, r.target)) for r in self.relations if r.type is RelationType.PARTNERS_WITH
        }
        for a in self.agreements:
            out |= {frozenset(p) for p in combinations(sorted(set(a.parties)), 2)}
        return out


def read_gold(path: Path) -> GoldDocument:
    """A gold file, or :class:`DocumentRejected` naming it and saying what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DocumentRejected(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentRejected(str(path), f"cannot be read ({exc})") from None
    try:
        return GoldDocument.model_validate(data)
    except PydanticValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise DocumentRejected(
            str(path), f"bad gold annotation: {where + ': ' if where else ''}{err['msg']}{more}"
        ) from None


def read_annotated(path: Path) -> Document:
    """A corpus document: ``source:`` and ``title:`` header lines, a blank line, the text."""
    raw = path.read_text(encoding="utf-8")
    source, title, body = str(path), "", raw
    head, sep, rest = raw.partition("\n\n")
    if sep and head.startswith("source:"):
        for line in head.splitlines():
            if line.startswith("source:"):
                source = line[7:].strip()
            elif line.startswith("title:"):
                title = line[6:].strip()
        body = rest
    return Document.from_text(body, title=title, source=source)


@dataclass(frozen=True)
class Corpus:
    """An annotated corpus, its gold files read and checked: ``(stem, text path, gold)``."""

    name: str
    items: tuple[tuple[str, Path, GoldDocument], ...]


def read_corpus(path: Path, name: str | None = None) -> Corpus:
    """Every ``docs/X.txt`` that has a ``gold/X.json``, the gold checked before any extraction."""
    docs_dir, gold_dir = path / "docs", path / "gold"
    if not docs_dir.is_dir() or not gold_dir.is_dir():
        raise DocumentRejected(str(path), "not an annotated corpus (expected docs/ and gold/ folders)")
    items = tuple(
        (g.stem, docs_dir / f"{g.stem}.txt", read_gold(g))
        for g in sorted(gold_dir.glob("*.json"))
        if (docs_dir / f"{g.stem}.txt").is_file()
    )
    if not items:
        raise DocumentRejected(str(path), "no document has a gold annotation")
    return Corpus(name or path.resolve().name, items)


def read_corpora(paths: Sequence[Path]) -> list[Corpus]:
    """:func:`read_corpus` on each folder, named by the folder, or by the path when two share a name."""
    names = [p.resolve().name for p in paths]
    return [read_corpus(p, n if names.count(n) == 1 else str(p)) for p, n in zip(paths, names, strict=True)]
