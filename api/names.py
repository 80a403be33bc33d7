"""Other spellings of an actor's name, tried when the name as asked is not in the store.

Articles and analysts name the same actor in several ways the store's exact (case- and
accent-insensitive) lookup does not equate: "the City of Columbus" for the city of
Columbus, "Government of Ruritania" for the "Ruritanian Government", "UK Research &
Innovation" for "UK Research and Innovation", "U.S." for "US", "Orbion Inc." for
"Orbion". The variants are tried in order, so the exact name always wins.

>>> name_variants("the City of Columbus")[:2]
['City of Columbus', 'Columbus']
>>> "UK Research and Innovation" in name_variants("UK Research & Innovation")
True
"""

from __future__ import annotations

import re

__all__ = ["name_variants"]

_THE = re.compile(r"^the\s+", re.I)
#: "City of X", "Free State of X": the place itself (the extractor's convention).
_LEVEL_OF = re.compile(
    r"^(?:(?:free\s+)?state|city|town|province|commonwealth|prefecture|canton|municipality|county)\s+of\s+(.+)$",
    re.I,
)
_GOV_OF = re.compile(r"^(?:government|gouvernement)\s+(?:of|du|de)\s+(?:the\s+)?(.+)$", re.I)
_X_GOV = re.compile(
    r"^(.+?)\s+(?:(?:federal|state|provincial|national|city|metropolitan)\s+)?government$", re.I
)
_LEGAL = re.compile(
    r",?\s+(?:inc|ltd|llc|plc|corp|corporation|co|gmbh|ag|sa|sas|se|nv|bv|oy|ab|limited|k\.?k)\.?$", re.I
)


def name_variants(name: str) -> list[str]:
    """Spellings to try after ``name`` itself, most specific first, without repeats."""
    out: list[str] = []

    def add(v: str) -> None:
        v = " ".join(v.split())
        if v and v.casefold() != name.casefold() and v not in out:
            out.append(v)

    base = _THE.sub("", name.strip())
    add(base)
    if "&" in base:
        add(base.replace("&", "and"))
    if re.search(r"\sand\s", base):
        add(re.sub(r"\sand\s", " & ", base))
    if "." in base:
        add(base.replace(".", ""))
    if m := _LEVEL_OF.match(base):
        add(m.group(1))
    if m := _GOV_OF.match(base):
        add(f"{m.group(1)} Government")
    elif m := _X_GOV.match(base):
        add(f"Government of {m.group(1)}")
        add(f"{m.group(1)} Government")
    short = base
    while m := _LEGAL.search(short):  # "Sanko Electric Co., Ltd." -> "Sanko Electric"
        short = short[: m.start()]
        add(short)
    return out
