"""Extraction time against document size: one long document, growing, must cost linear time.

Builds one plain-text document of N sentences from the same realistic generator as
``extract_throughput.py`` (real gazetteer names, invented people, every rule family firing),
for several N, and extracts each once in process. Prints size, seconds (CPU time of the
process) and microseconds per sentence: flat per-sentence cost means linear time. The
issue's target: a 1.3 MB text of 10,000 sentences in under 4 s.

    .venv/bin/python -m bench.extract_scaling                       # 2,500 / 5,000 / 10,000 sentences
    .venv/bin/python -m bench.extract_scaling --sentences 10000 40000
"""

from __future__ import annotations

import argparse
import random
import time

from bench.extract_throughput import _pools, make_document
from qkg.loaders.extract import RuleExtractor, young_collections_only
from qkg.loaders.segment import split_sentences
from qkg.schemas import Document


def long_text(sentences: int, seed: int = 7) -> str:
    """Paragraphs of generated articles, cut to exactly ``sentences`` sentences."""
    rng = random.Random(seed)
    pools = _pools()
    parts: list[str] = []
    count = 0
    while count < sentences:
        doc = make_document(rng, pools, 1000)
        n = len(split_sentences(doc))
        parts.append(doc)
        count += n
    text = "\n\n".join(parts)
    sents = split_sentences(text)
    return text[: sents[sentences - 1].end] if len(sents) > sentences else text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, nargs="+", default=[2500, 5000, 10000])
    args = ap.parse_args()
    # no per-document limit: this measures the time, and a loaded machine must not abort the run
    ex = RuleExtractor(time_limit=None)
    ex.extract(Document.from_text("KAIST and Pasqal signed an MOU in Daejeon."))  # warm caches
    print(f"{'sentences':>10} {'MB':>6} {'seconds (CPU)':>14} {'us/sentence':>12} {'facts':>7}")
    for n in args.sentences:
        text = long_text(n)
        doc = Document.from_text(text, title=f"{n} sentences")
        t0 = time.process_time()
        with young_collections_only():  # as the qkg commands extract
            kg = ex.extract(doc)
        dt = time.process_time() - t0
        facts = len(kg.relations) + len(kg.agreements) + len(kg.goals)
        mb = len(text.encode()) / 1e6
        print(f"{n:>10} {mb:>6.2f} {dt:>14.2f} {dt / n * 1e6:>12.0f} {facts:>7}")


if __name__ == "__main__":
    main()
