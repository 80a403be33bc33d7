"""Speed of the delta <-> RDF mapping (qkg.schemas.rdf) against pyoxigraph's raw parser.

Prints figures (CPU time of this process, so a busy machine skews them less), asserts nothing. Run::

    .venv/bin/python -m bench.rdf_mapping --actors 10000 --relations 100000
"""

from __future__ import annotations

import argparse
import time

import pyoxigraph as ox

from bench.synthetic import generate_deltas
from qkg.schemas.rdf import delta_from_nquads, delta_to_dataset, delta_to_nquads


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    t = time.process_time()
    deltas = list(generate_deltas(args.actors, args.relations, seed=args.seed))
    gen = time.process_time() - t
    n_rel = sum(len(d.relations) for d in deltas)
    n_agr = sum(len(d.agreements) for d in deltas)
    print(
        f"corpus: {len(deltas)} documents, {n_rel} relations, {n_agr} agreements (generated in {gen:.1f} s)"
    )

    t = time.process_time()
    texts = [delta_to_nquads(d) for d in deltas]
    write = time.process_time() - t
    n_quads = sum(x.count(" .\n") for x in texts)
    print(
        f"delta_to_nquads:   {write:6.2f} s  {n_rel / write:10,.0f} relations/s  {n_quads / write:10,.0f} quads/s"
    )

    data = [x.encode("utf-8") for x in texts]
    t = time.process_time()
    for x in data:
        for _ in ox.parse(x, ox.RdfFormat.N_QUADS):
            pass
    raw = time.process_time() - t
    print(f"pyoxigraph.parse:  {raw:6.2f} s  {n_quads / raw:10,.0f} quads/s (raw parser, for scale)")

    t = time.process_time()
    for x in data:
        delta_from_nquads(x)
    read = time.process_time() - t
    print(
        f"delta_from_nquads: {read:6.2f} s  {n_rel / read:10,.0f} relations/s  ({read / raw:.1f}x the raw parse)"
    )

    sample = deltas[: max(1, len(deltas) // 20)]
    t = time.process_time()
    for d in sample:
        delta_to_dataset(d)
    ds = time.process_time() - t
    n_sample = sum(len(d.relations) for d in sample)
    print(
        f"delta_to_dataset:  {ds:6.2f} s  {n_sample / ds:10,.0f} relations/s (rdflib, {len(sample)} documents)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
