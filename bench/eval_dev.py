"""Extraction quality on the development corpora (``../shared/corpus/dev`` and ``dev2``), against the targets.

Runs the scoring of ``qkg eval`` (ANNOTATION.md and dev2's README) twice: with the bundled
gazetteer, and with an ablated gazetteer holding only places and technologies (no
organisation entries), which shows how much the pattern rules find on their own, i.e. what
to expect from articles about actors the gazetteer does not know. Each prints per-corpus
tables (documents, overall, relation types) and the corpora together, with the targets of
issue 12 checked on the corpora together. Then the analyst's measure (``bench/analyst.py``):
the corpora loaded into one fresh store, each gold actor's collaborators asked of the API.

    .venv/bin/python bench/eval_dev.py [CORPUS_DIR ...] [--json FILE] [--misses] [--no-analyst]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from qkg.loaders.evaluate import CorpusScore, render, report, score_corpus
from qkg.loaders.extract import Extractor, RuleExtractor
from qkg.loaders.gazetteer import Gazetteer, default_gazetteer
from qkg.loaders.gold import Corpus, read_corpora
from qkg.schemas import DocumentRejected, EntityType

try:
    from bench.analyst import AnalystScore, analyst_measure
except ImportError:  # run as a script: bench/ is on the path, not the repository
    from analyst import AnalystScore, analyst_measure  # type: ignore[no-redef,import-not-found,unused-ignore]

_CORPORA = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
DEFAULT = [_CORPORA / "dev", _CORPORA / "dev2"]
_KEEP = {EntityType.CITY, EntityType.REGION, EntityType.COUNTRY, EntityType.TECHNOLOGY}

#: F1 targets on the corpora together (issue 12), with the bundled gazetteer and in the ablation.
TARGETS = {"entities": 0.90, "pairs": 0.85, "relations": 0.75, "agreements": 0.80}
ABLATION_TARGETS = {"entities": 0.85, "pairs": 0.75, "relations": 0.65}
#: Every relation type of the gold: recall at least this, at precision at least that.
TYPE_RECALL, TYPE_PRECISION = 0.60, 0.80
#: The goal for the analyst's question on unseen articles, printed beside the figures here.
ANALYST_GOAL = {"actors_found": 0.95, "links_answered": 0.75}


def _places_and_technologies() -> Gazetteer:
    gaz = Gazetteer()
    for e in default_gazetteer().entries:
        if e.type in _KEEP:
            gaz.add(e)
    return gaz


def check_targets(
    every: CorpusScore, targets: Mapping[str, float], *, per_type: bool
) -> list[dict[str, Any]]:
    """One row per target: what is measured, the figure, the target and whether it holds."""
    overall = every.overall
    rows = [
        {"target": f"{k} F1 >= {t:.2f}", "figure": f"{overall[k].f1:.2f}", "holds": overall[k].f1 >= t}
        for k, t in targets.items()
    ]
    if per_type:
        for name, s in every.by_type.items():
            if s.gold:
                rows.append(
                    {
                        "target": f"{name} R >= {TYPE_RECALL:.2f} at P >= {TYPE_PRECISION:.2f}",
                        "figure": f"R {s.recall:.2f}, P {s.precision:.2f}",
                        "holds": s.recall >= TYPE_RECALL and s.precision >= TYPE_PRECISION,
                    }
                )
    return rows


def _target_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    held = sum(bool(r["holds"]) for r in rows)
    out = [f"targets ({held} of {len(rows)} hold)"]
    out += [f"  {'holds' if r['holds'] else 'MISSED':6} {r['target']:44} {r['figure']}" for r in rows]
    return out


def run(
    corpora: Sequence[Corpus],
    label: str,
    ex: Extractor,
    targets: Mapping[str, float],
    *,
    per_type: bool,
    misses: bool,
) -> dict[str, Any]:
    parts = [score_corpus(c, ex) for c in corpora]
    every = CorpusScore.combine(parts)
    rows = check_targets(every, targets, per_type=per_type)
    print(f"\n######## {label}\n")
    print(render(parts, misses=misses, types_per_corpus=True))
    print("\n" + "\n".join(_target_lines(rows)))
    return {**report(parts), "targets": rows}


def analyst_lines(results: Mapping[str, AnalystScore]) -> list[str]:
    """The analyst's figures per corpus, with the goal for unseen articles beside them."""
    out = [f"{'corpora':16} {'actors found':>16} {'links answered':>16} {'precision':>16} {'unknown':>8}"]
    for name, s in results.items():
        cells = [
            f"{s.found}/{s.actors} {s.found_share:.2f}",
            f"{s.answered}/{s.links} {s.answered_share:.2f}",
            f"{s.correct}/{s.returned} {s.precision:.2f}",
        ]
        out.append(f"{name:16}" + "".join(f" {c:>16}" for c in cells) + f" {s.unknown:>8}")
    goal = ANALYST_GOAL
    out.append(
        f"goal on unseen articles: actors found >= {goal['actors_found']:.2f},"
        f" links answered >= {goal['links_answered']:.2f}"
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument(
        "corpora", nargs="*", type=Path, default=DEFAULT, help="annotated corpus folders (default: dev, dev2)"
    )
    ap.add_argument("--json", type=Path, help="Also write every report to this file.")
    ap.add_argument("--misses", action="store_true", help="List missed and spurious items per document.")
    ap.add_argument("--no-analyst", action="store_true", help="Skip the analyst's measure (loads a store).")
    args = ap.parse_args()
    try:
        corpora = read_corpora(args.corpora)
    except DocumentRejected as exc:
        ap.error(str(exc))
    out: dict[str, Any] = {
        "bundled_gazetteer": run(
            corpora, "bundled gazetteer", RuleExtractor(), TARGETS, per_type=True, misses=args.misses
        ),
        "places_and_technologies_only": run(
            corpora,
            "ablation: gazetteer without organisations (patterns only for actors)",
            RuleExtractor(_places_and_technologies()),
            ABLATION_TARGETS,
            per_type=False,
            misses=args.misses,
        ),
    }
    if not args.no_analyst:
        selections = [[c] for c in corpora] + ([list(corpora)] if len(corpora) > 1 else [])
        results = {" + ".join(c.name for c in sel): analyst_measure(sel) for sel in selections}
        print(
            "\n######## the analyst's measure: actor(name:) { collaborators(depth: 1) }, bundled gazetteer\n"
        )
        print("\n".join(analyst_lines(results)))
        out["analyst"] = {k: v.as_dict() for k, v in results.items()}
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
