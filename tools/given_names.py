"""Regenerate ``loaders/data/words/given_names.txt``: the given names that make a bare
capitalised name ("Nadia Karsten", "Dan Charash") a person's without a title or role.

Source: the first-name lists of the `faker` package's person providers (MIT licence, about
80 locales). faker is used here at build time only, never by qkg at run time::

    pip download faker==40.63.0 --no-deps -d /tmp/fk && unzip -q /tmp/fk/faker-*.whl -d /tmp/fk/x
    .venv/bin/python tools/given_names.py --faker /tmp/fk/x

It writes four lists into ``loaders/data/words``: ``given_names.txt``, ``given_names_common.txt``
(given names that are also common words or places, read only mid-sentence),
``east_asian_surnames.txt`` and ``common_words.txt``.

Kept: Latin-script single words (a hyphenated "Jean-Pierre" is one word) of three letters or
more. Dropped, because a capitalised word of running text is then as likely something else:
common English words (faker's own en_US lorem word list, also MIT: "Will", "May", "Mark",
"Hall"), place names and demonyms of the bundled gazetteer and faker's English country and
US state names ("Georgia", "Victoria", "Paris"), organisation and role words of the rules'
own lists ("Institute", "Director"), and the project's short list below of words that are
names and ordinary capitalised words in news text alike (months, virtues, gems, titles,
words of the quantum field).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDS = ROOT / "loaders" / "data" / "words"

#: Latin letters (with their accented forms), one word, maybe hyphenated: "José", "Jean-Pierre".
_LATIN = re.compile(
    r"[A-ZÀ-ÖØ-Þ\u0100-\u024f][a-zß-öø-ÿ\u0100-\u024f'’]+(?:-[A-ZÀ-ÖØ-Þ\u0100-\u024f][a-zß-öø-ÿ\u0100-\u024f]+)?"
)

#: Names that are also ordinary capitalised words of news text, beyond the top-1000 English words.
PROJECT_EXCLUDED = """
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Summer Autumn Winter Spring
Grace Rose Faith Hope Joy Charity Patience Prudence Honor Honour Mercy Trinity Destiny Liberty
Amber Ruby Pearl Crystal Jade Jasmine Ivy Holly Hazel Iris Lily Violet Daisy Heather Olive Willow
Dawn Sky Star Angel Royal Major General Prince Princess King Queen Duke Earl Baron Marshal Bishop
Sterling Frank Rich Sunny Bill Will Mark Hall Ray Bud Cash Chance Chase Miles Lance Gene Doc Page
Nova Alpha Delta Echo Atlas Orion Phoenix Aurora Vega Luna Sol Terra Zen Ion Atom Photon Laser Nano
Glen Glenn Lane Dale Brook Brooks Forest River Stone Clay Wood Hill Field Rock Ford Bank Banks
Santa San Saint Los Las Del Mont Van Von Den Der Ter Dos Bin Ibn Abu
Victor Young Long Park Bay Price Rice Cook Case Gray Grey Green Brown White Black Gold Silver
Hunter Parker Porter Baker Carter Cooper Taylor Tucker Mason Fisher Walker Turner Marshall
Independence Unity Justice Harmony Serenity Genesis Eden Haven Legend Journey Story Spirit
Apple Amazon Oracle Meta Tesla Mercedes Ferrari Lincoln Jaguar Nokia Siemens
Bright Sharp Strong Swift Noble Loyal Able Best Early Happy Lucky Merry
Skip Forum Summit Ace Jack Jock Kid Boy Man Sonny Buddy Champ Sport Tank Trip Tiger Bear Wolf Fox Hawk Robin Jay Finch
Cyber Digital Data Net Tech Smart Micro Mega Giga Macro Nexus Vector Matrix Pixel Qubit Quantum
"""


def _provider_lists(prefixes: tuple[str, ...], locales: frozenset[str] | None = None) -> set[str]:
    """Every string of the person providers' lists whose names open with ``prefixes``, in
    ``locales`` (all when ``None``)."""
    import faker.providers.person as person

    out: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        if locales is not None and mod.name not in locales:
            continue
        provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        for attr in dir(provider):
            if not attr.startswith(prefixes) or attr.endswith("pairs"):
                continue
            value: Any = getattr(provider, attr)
            if isinstance(value, (list, tuple, dict)):
                out |= {x for x in value if isinstance(x, str)}
    return out


def _lorem_words() -> set[str]:
    from faker.providers.lorem.en_US import Provider

    return {w.lower() for w in Provider.word_list}


def _places() -> set[str]:
    from faker.providers.address.en import Provider as En
    from faker.providers.address.en_US import Provider as Us

    # whole names only: "Saint Lucia" and "San Jose" take no given name out of the lexicon
    out = {name.lower() for name in (*En.countries, *Us.states)}
    gaz = yaml.safe_load((ROOT / "loaders" / "data" / "gazetteer.yaml").read_text(encoding="utf-8"))
    for etype, entries in gaz.items():
        for e in entries or ():
            names = [e.get("name", ""), *(e.get("aliases") or ()), e.get("demonym") or ""]
            for n in names:
                if etype in {"Country", "Region", "City"} or " " not in n:
                    out.add(str(n).lower())
    return out


def _rule_words() -> set[str]:
    out: set[str] = set()
    for name in ("keywords", "company_finals", "role_words", "not_org_caps", "leading_noise", "org_kinds"):
        for raw in (WORDS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].split("=", 1)[0].strip().lower()
            out |= set(line.split())
    return out


#: The commonest Korean family names in their usual romanisation (faker's ko_KR lists are in
#: Hangul only); project-written, as facts of public record.
KOREAN_SURNAMES = """
Kim Lee Yi Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo Suh
Shin Sin Kwon Hwang Ahn An Song Yoo Yu Hong Jeon Jun Ko Koh Moon Mun Yang Son Bae Baek Heo Huh Nam
Noh Roh Ha Kwak Sung Seong Cha Joo Ju Woo Min Ryu Yoo Jin Na Ji Eom Chae Won Cheon Bang Gong Hyun
"""


#: The locales whose first names are English-language names ("Mark", "Grace", "Chad").
ENGLISH_LOCALES = frozenset({"en_US", "en_GB", "en_IE", "en_NZ"})


def _title(name: str) -> str:
    """ "CHIA-HAO" -> "Chia-Hao" (zh_TW's lists are in capitals); other names as they are."""
    return "-".join(p.capitalize() for p in name.split("-")) if name.isupper() else name


def build() -> tuple[list[str], list[str], int]:
    """The kept names, the names dropped only as common words or places (sorted), and how many
    the source held."""
    names = {_title(n) for n in _provider_lists(("first_name", "first_romanized_name"))}
    latin = {n for n in names if _LATIN.fullmatch(n) and len(n) >= 3}
    rule_words = _rule_words()
    common = _lorem_words() | _places() | {w.lower() for w in PROJECT_EXCLUDED.split()}
    kept = {n for n in latin if n.lower() not in common | rule_words}
    # the second tier only from English-speaking locales: "Mark", "Grace", "Chad", not the
    # common words that are names elsewhere ("Can", "Else", "Per")
    english = {_title(n) for n in _provider_lists(("first_name",), locales=ENGLISH_LOCALES)}
    ambiguous = {n for n in latin & english if n.lower() not in rule_words and n not in kept}
    return sorted(kept), sorted(ambiguous), len(names)


def east_asian_surnames() -> list[str]:
    """Romanised Chinese, Taiwanese and Japanese family names (faker's zh_CN, zh_TW, ja_JP
    last_romanized_names) and the Korean list above, less common English words ("He", "Sun")."""
    from faker.providers.person.ja_JP import Provider as Ja
    from faker.providers.person.zh_CN import Provider as Cn
    from faker.providers.person.zh_TW import Provider as Tw

    names = {_title(n) for p in (Cn, Tw, Ja) for n in p.last_romanized_names} | set(KOREAN_SURNAMES.split())
    common = _lorem_words()
    return sorted(n for n in names if n.lower() not in common)


def _write(path: Path, header: list[str], lines: list[str]) -> None:
    path.write_text("".join(f"# {h}\n" for h in header) + "".join(f"{x}\n" for x in lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faker", type=Path, help="folder holding the unpacked faker package")
    ap.add_argument("--out", type=Path, default=WORDS, help="folder to write the lists to")
    args = ap.parse_args()
    if args.faker:
        sys.path.insert(0, str(args.faker))
    import faker
    from faker.providers.lorem.en_US import Provider as Lorem

    kept, ambiguous, total = build()
    source = f"faker {faker.VERSION} (MIT licence)"
    again = "Regenerate: .venv/bin/python tools/given_names.py --faker DIR (writes the four lists)."
    _write(
        args.out / "given_names.txt",
        [
            "Given names: a capitalised word among these, followed by one to three capitalised",
            "surname words, names a person even without a title (loaders/rules/bare_names.py).",
            f"Source: {source}, faker/providers/person/*: first_name* and",
            f"first_romanized_name* lists, {total} names over all locales; {len(kept)} kept.",
            "Kept: Latin script, one word, three letters or more; dropped: common English words,",
            "place names, organisation and role words (see tools/given_names.py, which wrote this).",
            again,
        ],
        kept,
    )
    _write(
        args.out / "given_names_common.txt",
        [
            "Given names that are also common English words or place names (Mark, Grace, Chad,",
            "Georgia): names only mid-sentence, after a lower-case word, before a surname that is",
            f"no common word (loaders/rules/bare_names.py). Source: {source}, as given_names.txt;",
            f"{len(ambiguous)} names.",
            again,
        ],
        ambiguous,
    )
    surnames = east_asian_surnames()
    _write(
        args.out / "east_asian_surnames.txt",
        [
            "Romanised Chinese, Taiwanese, Japanese and Korean family names, which open a name",
            "written family name first ('Li Wenjun', 'Tanaka Hiroshi', 'Kim Min-jae'):",
            f"loaders/rules/east_asian_names.py. Source: {source}, zh_CN, zh_TW and ja_JP",
            "last_romanized_names, and tools/given_names.py's list of Korean family names;",
            f"common English words dropped; {len(surnames)} names.",
            again,
        ],
        surnames,
    )
    words = sorted({w.lower() for w in Lorem.word_list if w.isalpha()})
    _write(
        args.out / "common_words.txt",
        [
            "Common English words: a capitalised one is no surname after an ambiguous given name",
            f"('Grace Period'). Source: {source}, faker/providers/lorem/en_US word_list; {len(words)} words.",
            again,
        ],
        words,
    )


if __name__ == "__main__":
    main()
