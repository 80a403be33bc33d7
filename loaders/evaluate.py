"""Scoring an extractor against a gold-annotated corpus (``docs/*.txt`` + ``gold/*.json``).

Implements the rules of the corpus's ANNOTATION.md exactly:

- **Entities**: a predicted entity matches a gold one when one of its normalised names
  (name or alias; casefold, punctuation removed, whitespace collapsed, a leading "the"
  dropped) equals one of the gold entity's. Precision = matched predicted / predicted;
  recall = matched gold / gold.
- **Collaboration pairs**: unordered pairs from PARTNERS_WITH relations plus every pair of
  parties of one agreement, mapped onto gold ids through the entity matching.
- **Typed relations**: (source, type, target) triples, PARTNERS_WITH and COMPETES_WITH
  unordered, after the same mapping.

Scores are reported per document and micro-averaged over the corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from qkg.schemas import Document, KnowledgeGraph, QkgError

from .extract import Extractor, RuleExtractor

__all__ = ["DocScore", "Score", "evaluate_corpus", "norm", "read_annotated", "score_document"]

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_UNORDERED = {"PARTNERS_WITH", "COMPETES_WITH"}


def norm(name: str) -> str:
    """The matching key of ANNOTATION.md.

    >>> norm("The  Hebrew University of Jerusalem"), norm("Jeremy O’Brien")
    ('hebrew university of jerusalem', 'jeremy obrien')
    """
    s = _PUNCT.sub("", name.casefold())
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


@dataclass
class Score:
    """Counts for one measure; precision, recall and F1 derived."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.pred,
            "gold": self.gold,
            "matched_predicted": self.tp_pred,
            "matched_gold": self.tp_gold,
        }


@dataclass
class DocScore:
    """The three measures for one document, with what was missed and what was extra."""

    doc: str
    entities: Score
    pairs: Score
    relations: Score
    missed: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)


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


def _names(e: Mapping[str, Any]) -> set[str]:
    return {norm(n) for n in [e["name"], *(e.get("aliases") or [])] if norm(n)}


def score_document(kg: KnowledgeGraph, gold: Mapping[str, Any]) -> DocScore:
    """Score one extraction against one gold annotation."""
    gold_ents = list(gold["entities"])
    gnames = [(g["id"], _names(g)) for g in gold_ents]
    mapping: dict[str, str] = {}
    matched_gold: set[str] = set()
    ent = Score(pred=len(kg.entities), gold=len(gold_ents))
    extra_e = []
    for e in kg.entities:
        names = _names({"name": e.name, "aliases": list(e.aliases)})
        # prefer a gold entity whose name equals ours, then any alias overlap
        hit = next((gid for gid, gn in gnames if norm(e.name) in gn), None) or next(
            (gid for gid, gn in gnames if names & gn), None
        )
        if hit:
            ent.tp_pred += 1
            mapping[e.id] = hit
            matched_gold.add(hit)
        else:
            extra_e.append(f"{e.name} ({e.type.value})")
    ent.tp_gold = len(matched_gold)

    def m(x: str) -> str:
        return mapping.get(x, "?" + x)

    gpairs = {
        frozenset((r["source"], r["target"])) for r in gold["relations"] if r["type"] == "PARTNERS_WITH"
    }
    for a in gold.get("agreements", []):
        gpairs |= {frozenset(p) for p in combinations(sorted(set(a["parties"])), 2)}
    ppairs = {frozenset((m(r.source), m(r.target))) for r in kg.relations if r.type.value == "PARTNERS_WITH"}
    for ag in kg.agreements:
        ppairs |= {frozenset((m(x), m(y))) for x, y in combinations(ag.parties, 2)}
    ppairs = {p for p in ppairs if len(p) == 2}
    pairs = Score(len(ppairs & gpairs), len(ppairs), len(ppairs & gpairs), len(gpairs))

    def key(s: str, t: str, o: str) -> tuple[str, ...]:
        return (t, *sorted((s, o))) if t in _UNORDERED else (s, t, o)

    grels = {key(r["source"], r["type"], r["target"]) for r in gold["relations"]}
    prels = {key(m(r.source), r.type.value, m(r.target)) for r in kg.relations}
    rels = Score(len(prels & grels), len(prels), len(prels & grels), len(grels))
    return DocScore(
        str(gold.get("doc", "")),
        ent,
        pairs,
        rels,
        missed={
            "entities": [g["name"] for g in gold_ents if g["id"] not in matched_gold],
            "pairs": sorted("–".join(sorted(p)) for p in gpairs - ppairs),
            "relations": sorted(" ".join(r) for r in grels - prels),
        },
        extra={
            "entities": extra_e,
            "pairs": sorted("–".join(sorted(p)) for p in ppairs - gpairs),
            "relations": sorted(" ".join(r) for r in prels - grels),
        },
    )


def evaluate_corpus(
    corpus: Path, extractor: Extractor | None = None
) -> tuple[list[DocScore], dict[str, Score]]:
    """Score every ``docs/X.txt`` that has a ``gold/X.json``; return per-document and micro scores."""
    docs_dir, gold_dir = corpus / "docs", corpus / "gold"
    if not docs_dir.is_dir() or not gold_dir.is_dir():
        raise QkgError(f"{corpus}: not an annotated corpus (expected docs/ and gold/ folders)")
    ex = extractor or RuleExtractor()
    scores: list[DocScore] = []
    total = {"entities": Score(), "pairs": Score(), "relations": Score()}
    for gold_path in sorted(gold_dir.glob("*.json")):
        doc_path = docs_dir / (gold_path.stem + ".txt")
        if not doc_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        kg = ex.extract(read_annotated(doc_path))
        s = score_document(kg, gold)
        s.doc = gold_path.stem
        scores.append(s)
        total["entities"] += s.entities
        total["pairs"] += s.pairs
        total["relations"] += s.relations
    if not scores:
        raise QkgError(f"{corpus}: no document has a gold annotation")
    return scores, total


def report(scores: Iterable[DocScore], total: Mapping[str, Score]) -> dict[str, Any]:
    """A JSON-ready report."""
    return {
        "documents": [
            {
                "doc": s.doc,
                "entities": s.entities.as_dict(),
                "pairs": s.pairs.as_dict(),
                "relations": s.relations.as_dict(),
            }
            for s in scores
        ],
        "overall": {k: v.as_dict() for k, v in total.items()},
    }
