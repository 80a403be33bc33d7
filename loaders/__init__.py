"""qkg's loaders: documents in, evidence-backed knowledge-graph deltas out.

>>> from qkg.loaders import extract
>>> from qkg.schemas import Document
>>> kg = extract(Document.from_text("KAIST and Pasqal signed an MOU in Daejeon."))
>>> [a.kind.value for a in kg.agreements]
['MOU']

The names load on first use (PEP 562): ``import qkg.loaders.read`` does not import the
extractor, the gazetteer or the evaluation code.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from qkg.schemas._lazy import lazy_exports

if TYPE_CHECKING:
    from .evaluate import evaluate_corpus, score_document
    from .extract import Extractor, RuleExtractor, extract
    from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
    from .output import extraction_json, extraction_turtle
    from .pipeline import LoadSummary, deltas_from, expand_paths, load_paths
    from .read import Read, ReadOptions, read_bytes, read_path, read_stdin
    from .sandbox import Limits, run_bounded
    from .seed import load_seed
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
    "extraction_json",
    "extraction_turtle",
    "load_gazetteer",
    "load_paths",
    "load_seed",
    "read_bytes",
    "read_path",
    "read_stdin",
    "read_structured",
    "run_bounded",
    "score_document",
]

_LAZY = {
    "evaluate_corpus": "evaluate",
    "score_document": "evaluate",
    "Extractor": "extract",
    "RuleExtractor": "extract",
    "extract": "extract",
    "Gazetteer": "gazetteer",
    "default_gazetteer": "gazetteer",
    "load_gazetteer": "gazetteer",
    "LoadSummary": "pipeline",
    "deltas_from": "pipeline",
    "expand_paths": "pipeline",
    "load_paths": "pipeline",
    "extraction_json": "output",
    "extraction_turtle": "output",
    "Read": "read",
    "ReadOptions": "read",
    "read_bytes": "read",
    "read_path": "read",
    "read_stdin": "read",
    "Limits": "sandbox",
    "run_bounded": "sandbox",
    "load_seed": "seed",
    "read_structured": "structured",
}


class _Package(types.ModuleType):
    """Keeps the name ``extract`` for the function when the submodule of that name loads.

    Importing ``qkg.loaders.extract`` sets the package attribute ``extract`` to the module;
    the eager package did the opposite, so ``from qkg.loaders import extract`` is kept the
    function it always was.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__)
