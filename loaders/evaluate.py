"""Scoring an extractor against gold-annotated corpora (``docs/*.txt`` + ``gold/*.json``).

Implements the rules of the corpora's ANNOTATION.md (dev) and README.md (dev2) exactly:

- **Entities**: a predicted entity matches a gold one when one of its normalised names
  (name or alias; casefold, punctuation removed, whitespace collapsed, a leading "the"
  dropped) equals one of the gold entity's. Precision = matched predicted / predicted;
  recall = matched gold / gold.
- **Collaboration pairs**: unordered pairs from PARTNERS_WITH relations plus every pair of
  parties of one agreement, mapped onto gold ids through the entity matching.
- **Typed relations**: (source, type, target) triples, PARTNERS_WITH and COMPETES_WITH
  unordered, after the same mapping; also grouped by relation type.
- **Agreements**: a predicted agreement matches a gold one when their party sets, mapped
  the same way, overlap with Jaccard >= 0.5 (kind ignored); each gold agreement and each
  predicted one is matched at most once (a maximum matching, so the count does not depend
  on the order agreements are listed in).

Scores are reported per document and micro-averaged over a corpus or several; the gold
files are read and checked by :mod:`qkg.loaders.gold`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from qkg.schemas import KnowledgeGraph, RelationType

from .extract import Extractor, RuleExtractor
from .gold import Corpus, GoldDocument, read_annotated, read_corpus

__all__ = [
    "MEASURES",
    "AgreementItem",
    "CorpusScore",
    "DocScore",
    "Items",
    "RelationItem",
    "Score",
    "evaluate_corpus",
    "jaccard",
    "match_agreements",
    "names_of",
    "norm",
    "read_annotated",
    "render",
    "report",
    "score_corpus",
    "score_document",
    "type_table",
]

#: The four measures of a document, in the order they are printed.
MEASURES = ("entities", "pairs", "relations", "agreements")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_UNORDERED = {"PARTNERS_WITH", "COMPETES_WITH"}
_AGREEMENT_JACCARD = 0.5


def norm(name: str) -> str:
    """The matching key of ANNOTATION.md.

    >>> norm("The  Hebrew University of Jerusalem"), norm("Jeremy O’Brien")
    ('hebrew university of jerusalem', 'jeremy obrien')
    """
    s = _PUNCT.sub("", name.casefold())
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def names_of(name: str, aliases: Iterable[str] = ()) -> set[str]:
    """The non-empty matching keys of a name and its aliases."""
    return {k for k in map(norm, [name, *aliases]) if k}


# -- scores -------------------------------------------------------------------------------
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


@dataclass(frozen=True)
class RelationItem:
    """A missed or spurious relation in readable names, with the sentence behind it."""

    source: str
    type: str
    target: str
    evidence: str


@dataclass(frozen=True)
class AgreementItem:
    """A missed or spurious agreement: its kind, its parties' names, its sentence."""

    kind: str
    parties: tuple[str, ...]
    evidence: str


@dataclass
class Items:
    """What a document's extraction missed (gold names), or added (predicted names)."""

    entities: list[tuple[str, str]] = field(default_factory=list)
    relations: list[RelationItem] = field(default_factory=list)
    agreements: list[AgreementItem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": [{"name": n, "type": t} for n, t in self.entities],
            "relations": [asdict(r) for r in self.relations],
            "agreements": [asdict(a) for a in self.agreements],
        }


@dataclass
class DocScore:
    """The four measures and the per-type scores of one document, with its misses and extras."""

    doc: str
    entities: Score
    pairs: Score
    relations: Score
    agreements: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    missed: Items = field(default_factory=Items)
    spurious: Items = field(default_factory=Items)

    def measure(self, name: str) -> Score:
        score: Score = getattr(self, name)
        return score


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (1.0 for two empty sets)."""
    return len(a & b) / len(a | b) if a | b else 1.0


def match_agreements(
    predicted: Sequence[frozenset[str]], gold: Sequence[frozenset[str]], threshold: float = _AGREEMENT_JACCARD
) -> dict[int, int]:
    """A maximum matching of predicted to gold party sets with Jaccard >= ``threshold``.

    Each set is matched at most once. The number of matches is the largest possible (an
    augmenting-path matching); among equally large matchings, predicted sets are placed in
    order of their best overlap and each tries its candidates best overlap first, so an
    exact match is kept and a weaker duplicate is the one left spurious.

    >>> match_agreements([frozenset("ab"), frozenset("abc")], [frozenset("abc")])
    {1: 0}
    """
    cands = [
        sorted(
            (j for j, g in enumerate(gold) if jaccard(p, g) >= threshold),
            key=lambda j: (-jaccard(p, gold[j]), j),
        )
        for p in predicted
    ]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(i: int, seen: set[int]) -> bool:
        for j in cands[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    def best(i: int) -> float:
        return jaccard(predicted[i], gold[cands[i][0]]) if cands[i] else 0.0

    for i in sorted(range(len(predicted)), key=lambda i: (-best(i), i)):
        augment(i, set())
    return {i: j for j, i in sorted(owner.items(), key=lambda x: x[1])}


def _key(s: str, t: str, o: str) -> tuple[str, str, str]:
    """(type, source, target), the ends sorted for the symmetric types."""
    if t in _UNORDERED and o < s:
        s, o = o, s
    return (t, s, o)


def _match_entities(kg: KnowledgeGraph, gold: GoldDocument) -> dict[str, str]:
    """Predicted entity id -> gold id: a gold entity whose names hold ours, else any overlap."""
    gnames = [(g.id, names_of(g.name, g.aliases)) for g in gold.entities]
    mapping: dict[str, str] = {}
    for e in kg.entities:
        names = names_of(e.name, e.aliases)
        hit = next((gid for gid, gn in gnames if norm(e.name) in gn), None) or next(
            (gid for gid, gn in gnames if names & gn), None
        )
        if hit:
            mapping[e.id] = hit
    return mapping


def score_document(kg: KnowledgeGraph, gold: GoldDocument | Mapping[str, Any]) -> DocScore:
    """Score one extraction against one gold annotation."""
    g = gold if isinstance(gold, GoldDocument) else GoldDocument.model_validate(gold)
    mapping = _match_entities(kg, g)
    pred_name = {e.id: e.name for e in kg.entities}

    def m(x: str) -> str:
        return mapping.get(x, "?" + x)

    def shown(x: str) -> str:  # a mapped id as its gold name, else the predicted name
        return g.name_of(x) if not x.startswith("?") else pred_name.get(x[1:], x[1:])

    matched_gold = set(mapping.values())
    ent = Score(len(mapping), len(kg.entities), len(matched_gold), len(g.entities))
    missed, spurious = Items(), Items()
    missed.entities = [(e.name, e.type.value) for e in g.entities if e.id not in matched_gold]
    spurious.entities = [(e.name, e.type.value) for e in kg.entities if e.id not in mapping]

    gpairs = g.pairs()
    ppairs = {
        frozenset((m(r.source), m(r.target))) for r in kg.relations if r.type is RelationType.PARTNERS_WITH
    }
    for ag in kg.agreements:
        ppairs |= {frozenset((m(x), m(y))) for x, y in combinations(ag.parties, 2)}
    ppairs = {p for p in ppairs if len(p) == 2}
    pairs = Score(len(ppairs & gpairs), len(ppairs), len(ppairs & gpairs), len(gpairs))

    grels: dict[tuple[str, str, str], RelationItem] = {}
    for r in g.relations:
        item = RelationItem(g.name_of(r.source), r.type.value, g.name_of(r.target), r.evidence)
        grels.setdefault(_key(r.source, r.type.value, r.target), item)
    prels: dict[tuple[str, str, str], RelationItem] = {}
    for pr in kg.relations:
        s, o = m(pr.source), m(pr.target)
        item = RelationItem(shown(s), pr.type.value, shown(o), pr.evidence[0].sentence)
        prels.setdefault(_key(s, pr.type.value, o), item)
    hits = grels.keys() & prels.keys()
    rels = Score(len(hits), len(prels), len(hits), len(grels))
    missed.relations = [grels[k] for k in sorted(grels.keys() - hits)]
    spurious.relations = [prels[k] for k in sorted(prels.keys() - hits)]
    by_type: dict[str, Score] = {}
    for t in sorted({k[0] for k in grels.keys() | prels.keys()}):
        gt, pt = {k for k in grels if k[0] == t}, {k for k in prels if k[0] == t}
        by_type[t] = Score(len(gt & pt), len(pt), len(gt & pt), len(gt))

    gsets = [frozenset(a.parties) for a in g.agreements]
    psets = [frozenset(m(x) for x in ag.parties) for ag in kg.agreements]
    matched = match_agreements(psets, gsets)
    agreements = Score(len(matched), len(psets), len(matched), len(gsets))
    missed.agreements = [
        AgreementItem(a.kind.value if a.kind else "", tuple(g.name_of(p) for p in a.parties), a.evidence)
        for j, a in enumerate(g.agreements)
        if j not in matched.values()
    ]
    spurious.agreements = [
        AgreementItem(ag.kind.value, tuple(shown(m(p)) for p in ag.parties), ag.evidence[0].sentence)
        for i, ag in enumerate(kg.agreements)
        if i not in matched
    ]
    return DocScore(g.doc, ent, pairs, rels, agreements, by_type, missed, spurious)


@dataclass
class CorpusScore:
    """The documents of one corpus (or several, combined) with their micro-averaged scores."""

    name: str
    documents: list[DocScore]

    @property
    def overall(self) -> dict[str, Score]:
        """Micro-averaged scores, one per measure of :data:`MEASURES`."""
        total = {k: Score() for k in MEASURES}
        for d in self.documents:
            for k in MEASURES:
                total[k] += d.measure(k)
        return total

    @property
    def by_type(self) -> dict[str, Score]:
        """Micro-averaged typed-relation scores per relation type, in type order."""
        total: dict[str, Score] = {}
        for d in self.documents:
            for t, s in d.by_type.items():
                total.setdefault(t, Score())
                total[t] += s
        return dict(sorted(total.items()))

    @classmethod
    def combine(cls, parts: Sequence[CorpusScore], name: str | None = None) -> CorpusScore:
        return cls(name or " + ".join(p.name for p in parts), [d for p in parts for d in p.documents])


def score_corpus(corpus: Corpus, extractor: Extractor | None = None) -> CorpusScore:
    """Extract every document of ``corpus`` and score it against its gold."""
    ex = extractor or RuleExtractor()
    docs = []
    for stem, path, gold in corpus.items:
        s = score_document(ex.extract(read_annotated(path)), gold)
        s.doc = stem
        docs.append(s)
    return CorpusScore(corpus.name, docs)


def evaluate_corpus(corpus: Path, extractor: Extractor | None = None) -> CorpusScore:
    """Read and score one corpus folder: ``score_corpus(read_corpus(corpus), extractor)``."""
    return score_corpus(read_corpus(corpus), extractor)


# -- reports ------------------------------------------------------------------------------
def _scores(s: Mapping[str, Score]) -> dict[str, Any]:
    return {k: v.as_dict() for k, v in s.items()}


def report(parts: Sequence[CorpusScore]) -> dict[str, Any]:
    """A JSON-ready report: each corpus's documents (with misses) and totals, then all together."""
    every = CorpusScore.combine(parts)
    return {
        "corpora": [
            {
                "name": p.name,
                "documents": [
                    {
                        "doc": d.doc,
                        **{k: d.measure(k).as_dict() for k in MEASURES},
                        "relation_types": _scores(d.by_type),
                        "missed": d.missed.as_dict(),
                        "spurious": d.spurious.as_dict(),
                    }
                    for d in p.documents
                ],
                "overall": _scores(p.overall),
                "relation_types": _scores(p.by_type),
            }
            for p in parts
        ],
        "overall": _scores(every.overall),
        "relation_types": _scores(every.by_type),
    }


def _prf(s: Score) -> str:
    return f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"


def _row(label: str, scores: Callable[[str], Score]) -> str:
    return f"{label[:40]:40}" + "".join(f" {_prf(scores(k)):>17}" for k in MEASURES)


def _miss_lines(d: DocScore) -> list[str]:
    out = []
    for what, items in (("missed", d.missed), ("spurious", d.spurious)):
        out += [f"    {what} entity: {n} ({t})" for n, t in items.entities]
        for r in items.relations:
            said = f'  "{r.evidence}"' if what == "missed" and r.evidence else ""
            out.append(f"    {what} relation: {r.source} {r.type} {r.target}{said}")
        out += [f"    {what} agreement: {a.kind or '?'} of {', '.join(a.parties)}" for a in items.agreements]
    return out


def type_table(by_type: Mapping[str, Score]) -> list[str]:
    """Rows of gold count, predicted count and P/R/F1 per relation type."""
    out = [f"{'relation type':20} {'gold':>5} {'predicted':>9} {'P':>5} {'R':>5} {'F1':>5}"]
    for t, s in by_type.items():
        out.append(f"{t:20} {s.gold:>5} {s.pred:>9} {s.precision:>5.2f} {s.recall:>5.2f} {s.f1:>5.2f}")
    return out


def _count(p: CorpusScore) -> str:
    return f"{len(p.documents)} document{'' if len(p.documents) == 1 else 's'}"


def render(parts: Sequence[CorpusScore], *, misses: bool = False, types_per_corpus: bool = False) -> str:
    """The report as text: per-document rows per corpus, totals, per-type tables."""
    head = f"{'document':40}" + "".join(f" {k + ' P/R/F1':>17}" for k in MEASURES)
    lines: list[str] = []
    for p in parts:
        lines += [f"== {p.name} ({_count(p)})", head]
        for d in p.documents:
            lines.append(_row(d.doc, d.measure))
            if misses:
                lines += _miss_lines(d)
        lines.append(_row(f"overall {p.name} (micro)", p.overall.__getitem__))
        if types_per_corpus:
            lines += ["", *type_table(p.by_type)]
        lines.append("")
    if len(parts) > 1:
        every = CorpusScore.combine(parts)
        lines += [f"== {every.name} ({_count(every)})", head]
        lines.append(_row("overall (micro)", every.overall.__getitem__))
        lines.append("")
    if not types_per_corpus or len(parts) > 1:
        lines += type_table(CorpusScore.combine(parts).by_type)
    return "\n".join(lines)
