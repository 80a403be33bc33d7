"""Extraction throughput on generated, realistic ~1,000-word news articles (one core).

Documents are generated from sentence templates filled with real gazetteer names
(companies, universities, institutes, cities, countries, technologies), invented people
and amounts, so every rule family (agreements, funding, locations, affiliations, goals)
fires; context sentences with one name or none keep the density of names close to that
of the development corpus (the script prints both). Prints documents/s and MB/s for
reading + extraction in one process, by CPU time of the process (what one core does,
unaffected by other load on the machine) and by wall clock.

    .venv/bin/python bench/extract_throughput.py            # 1,000 documents
    .venv/bin/python bench/extract_throughput.py --docs 3000 --words 1000

With ``--old``, a git worktree of an earlier commit, the same documents are extracted by the
old and the new code in fresh processes, alternately (``--rounds`` times each), so both see the
same machine load; each round prints both and the last line the medians::

    git worktree add --detach /tmp/xbench/old <commit>
    python -m bench.extract_throughput --docs 300 --old /tmp/xbench/old --rounds 3
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qkg.loaders.extract import RuleExtractor, young_collections_only
from qkg.loaders.gazetteer import default_gazetteer
from qkg.loaders.read import read_bytes
from qkg.schemas import EntityType

TEMPLATES = [
    "{org1} and {org2} have signed a memorandum of understanding to cooperate on {tech1} and {tech2}.",
    "The agreement was signed in {city} on {day} {month} {year}, according to a statement from {org1}.",
    "{company}, a {city}-based start-up, raised {money} from {company2} and {company3} to expand its {tech1} business.",
    "{country_adj} government invested {money} in {company} to build a new facility in {city}.",
    "{person}, chief executive officer of {company}, said the partnership with {org2} would accelerate {tech1}.",
    "Professor {person2} from the {univ} leads the joint programme, which focuses on {tech2}.",
    "{univ} is located in {city}, {country}, and has worked with {company} since {year0}.",
    "The national strategy aims for {pct}% of global market share and {count} quantum professionals by {year2}.",
    "Analysts expect the sector to reach a ${bn} billion market by {year2}.",
    "{company} competes with {company2} in {tech1}, while {company3} is a member of the {cluster}.",
    "A consortium among {org1}, {org2}, and {univ} will establish the {cluster} in {city}.",
    "Researchers at {inst} in {city} are developing {tech2} with support from {org2}.",
    "{org1} is headquartered in {city} and employs more than {count} people.",
    "Local officials said the project would create jobs and attract investors to the region.",
    "The company did not disclose further financial details, but said more announcements would follow later this year.",
    "Industry observers noted that demand for skilled engineers continues to outpace supply across Europe and Asia.",
    "In a separate announcement, {company} unveiled a roadmap toward fault-tolerant machines within the decade.",
    "{person}, {role} at {org1}, told reporters that collaboration with universities is essential.",
    # context sentences with one name or none, as news articles have between the facts
    "The move reflects a broader push to turn laboratory prototypes into commercial products.",
    "Experts caution that practical applications may still be several years away.",
    "According to {org1}, the first results are expected before the end of {year2}.",
    "The initiative builds on more than a decade of public research funding in {country}.",
    "Competition for talent has intensified as governments and investors pour money into the field.",
    "Officials declined to comment on the timeline, citing ongoing negotiations with suppliers.",
    "{city} has become one of the most active hubs for {tech1} in recent years.",
    "Several pilot projects in logistics, finance and materials science are already under way.",
]
FIRST = [
    "Anna",
    "Jonas",
    "Mei",
    "Hiroshi",
    "Laura",
    "Diego",
    "Aisha",
    "Pierre",
    "Ingrid",
    "Tomasz",
    "Chen",
    "Olga",
    "Rahul",
    "Sofia",
]
LAST = [
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Okafor",
    "Schmidt",
    "Kowalski",
    "Haddad",
    "Rossi",
    "Novak",
    "Fernandes",
    "Park",
    "Ivanova",
]
ROLES = ["chief technology officer", "director", "vice president", "head of research", "president"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _pools() -> dict[str, list[str]]:
    gaz = default_gazetteer()
    by: dict[EntityType, list[str]] = {}
    for e in gaz.entries:
        by.setdefault(e.type, []).append(e.name)
    demonyms = [f"The {e.demonym}" for e in gaz.entries if e.demonym]
    return {
        "company": by[EntityType.COMPANY],
        "univ": by[EntityType.UNIVERSITY],
        "inst": by[EntityType.RESEARCH_INSTITUTE],
        "city": by[EntityType.CITY],
        "country": by[EntityType.COUNTRY],
        "tech": by[EntityType.TECHNOLOGY],
        "cluster": by[EntityType.CLUSTER],
        "country_adj": demonyms,
    }


def make_document(rng: random.Random, pools: dict[str, list[str]], words: int) -> str:
    out: list[str] = []
    n = 0
    para: list[str] = []
    while n < words:
        t = rng.choice(TEMPLATES)
        orgs = pools["company"] + pools["univ"] + pools["inst"]
        s = t.format(
            org1=rng.choice(orgs),
            org2=rng.choice(orgs),
            company=rng.choice(pools["company"]),
            company2=rng.choice(pools["company"]),
            company3=rng.choice(pools["company"]),
            univ=rng.choice(pools["univ"]),
            inst=rng.choice(pools["inst"]),
            city=rng.choice(pools["city"]),
            country=rng.choice(pools["country"]),
            country_adj=rng.choice(pools["country_adj"]),
            tech1=rng.choice(pools["tech"]),
            tech2=rng.choice(pools["tech"]),
            cluster=rng.choice(pools["cluster"]),
            person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            person2=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            role=rng.choice(ROLES),
            money=f"${rng.randint(2, 900)} million",
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
            year=rng.randint(2018, 2025),
            year0=rng.randint(2005, 2017),
            year2=rng.randint(2028, 2040),
            pct=rng.randint(2, 30),
            count=f"{rng.randint(1, 9)},{rng.randint(100, 999)}",
            bn=f"{rng.randint(1, 90)}.{rng.randint(0, 9)}",
        )
        para.append(s)
        n += len(s.split())
        if len(para) >= rng.randint(3, 6):
            out.append(" ".join(para))
            para = []
    if para:
        out.append(" ".join(para))
    return "\n".join(out)


def _compare(args: argparse.Namespace) -> None:
    """Old and new code alternately, each round in two fresh processes: CPU documents/s."""
    from bench.cli_startup import _old_path

    cmd = [sys.executable, "-m", "bench.extract_throughput", "--docs", str(args.docs)]
    cmd += ["--words", str(args.words), "--seed", str(args.seed)]
    rates: dict[str, list[float]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory() as tmp:
        shim = _old_path(args.old.resolve(), Path(tmp) / "shim")
        root = str(Path(__file__).resolve().parent.parent)
        for r in range(args.rounds):
            for label, path in (("old", f"{shim}{os.pathsep}{root}"), ("new", root)):
                env = {**os.environ, "PYTHONPATH": path}
                out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
                line = next(x for x in out.splitlines() if x.startswith("cpu time:"))
                rates[label].append(float(line.split("->")[1].split()[0]))
                print(f"round {r + 1} {label}: {line}", flush=True)
    old, new = statistics.median(rates["old"]), statistics.median(rates["new"])
    print(f"median CPU docs/s: old {old:.1f}, new {new:.1f} ({(new / old - 1) * 100:+.1f} %)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--old", type=Path, help="a git worktree of the commit to compare with")
    ap.add_argument("--rounds", type=int, default=3, help="with --old: runs of each, alternating")
    args = ap.parse_args()
    if args.old is not None:
        _compare(args)
        return
    rng = random.Random(args.seed)
    pools = _pools()
    docs = [make_document(rng, pools, args.words).encode() for _ in range(args.docs)]
    ex = RuleExtractor()
    ex.extract(read_bytes(docs[0], "warmup.txt").document)  # build the gazetteer index once
    per: list[float] = []
    facts = mentions = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for i, data in enumerate(docs):
        s = time.process_time()
        with young_collections_only():  # as the qkg commands extract
            kg = ex.extract(read_bytes(data, f"doc{i}.txt").document)
        per.append(time.process_time() - s)
        facts += len(kg.relations) + len(kg.agreements) + len(kg.goals)
        mentions += len(kg.entities)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    mb = sum(len(d) for d in docs) / 1e6
    words = sum(len(d.split()) for d in docs)
    print(f"documents: {len(docs)} (mean {words / len(docs):.0f} words, {mb:.1f} MB in total)")
    print(f"entities per 1,000 words: {mentions / words * 1000:.0f} (distinct per document)")
    print(f"cpu time: {cpu:.2f} s -> {len(docs) / cpu:.1f} docs/s, {mb / cpu:.2f} MB/s on one core")
    print(f"wall time: {wall:.2f} s -> {len(docs) / wall:.1f} docs/s, {mb / wall:.2f} MB/s")
    print(
        f"per document (cpu): median {statistics.median(per) * 1000:.1f} ms, p95 {sorted(per)[int(0.95 * len(per))] * 1000:.1f} ms"
    )
    print(f"facts extracted: {facts} ({facts / len(docs):.1f} per document)")


if __name__ == "__main__":
    main()
