"""Extraction quality on the development corpus (``../shared/corpus/dev``), per document and overall.

Runs the scoring of ``qkg eval`` (ANNOTATION.md rules) twice: with the bundled gazetteer,
and with an ablated gazetteer holding only places and technologies (no organisation
entries), which shows how much the pattern rules find on their own, i.e. what to expect
from articles about actors the gazetteer does not know.

    .venv/bin/python bench/eval_dev.py [CORPUS_DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from qkg.loaders.evaluate import evaluate_corpus, report
from qkg.loaders.extract import RuleExtractor
from qkg.loaders.gazetteer import Gazetteer, default_gazetteer
from qkg.schemas import EntityType

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"
_KEEP = {EntityType.CITY, EntityType.REGION, EntityType.COUNTRY, EntityType.TECHNOLOGY}


def _places_and_technologies() -> Gazetteer:
    gaz = Gazetteer()
    for e in default_gazetteer().entries:
        if e.type in _KEEP:
            gaz.add(e)
    return gaz


def _fmt(sc: object) -> str:
    return f"{sc.precision:.2f}/{sc.recall:.2f}/{sc.f1:.2f}"  # type: ignore[attr-defined]


def run(corpus: Path, label: str, ex: RuleExtractor) -> dict[str, object]:
    scores, total = evaluate_corpus(corpus, ex)
    print(f"\n== {label}")
    print(f"{'document':36} {'entities P/R/F1':>16} {'pairs P/R/F1':>16} {'relations P/R/F1':>16}")
    for s in scores:
        print(f"{s.doc[:36]:36} {_fmt(s.entities):>16} {_fmt(s.pairs):>16} {_fmt(s.relations):>16}")
    print(
        f"{'overall (micro-averaged)':36} {_fmt(total['entities']):>16} {_fmt(total['pairs']):>16} {_fmt(total['relations']):>16}"
    )
    return report(scores, total)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--json", type=Path, help="Also write both reports to this file.")
    args = ap.parse_args()
    out = {
        "bundled_gazetteer": run(args.corpus, "bundled gazetteer", RuleExtractor()),
        "places_and_technologies_only": run(
            args.corpus,
            "ablation: gazetteer without organisations (patterns only for actors)",
            RuleExtractor(_places_and_technologies()),
        ),
    }
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
