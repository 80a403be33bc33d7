"""qkg's loaders: documents in, evidence-backed knowledge-graph deltas out.

>>> from qkg.loaders import extract
>>> from qkg.schemas import Document
>>> kg = extract(Document.from_text("KAIST and Pasqal signed an MOU in Daejeon."))
>>> [a.kind.value for a in kg.agreements]
['MOU']
"""

from __future__ import annotations

from .evaluate import evaluate_corpus, score_document
from .extract import Extractor, RuleExtractor, extract
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .pipeline import LoadSummary, deltas_from, expand_paths, load_paths
from .read import Read, ReadOptions, read_bytes, read_path, read_stdin
from .sandbox import Limits, run_bounded
from .structured import read_structured

__all__ = [
    "Extractor",
    "Gazetteer",
    "Limits",
    "LoadSummary",
    "Read",
    "ReadOptions",
    "RuleExtractor",
    "default_gazetteer",
    "deltas_from",
    "evaluate_corpus",
    "expand_paths",
    "extract",
    "load_gazetteer",
    "load_paths",
    "read_bytes",
    "read_path",
    "read_stdin",
    "read_structured",
    "run_bounded",
    "score_document",
]
