"""Finding an actor under the names people use, when the name as asked is not in the store.

Articles and analysts name the same actor in several ways the store's exact (case- and
accent-insensitive) lookup does not equate: "the City of Columbus" for the city of
Columbus, "Government of Ruritania" for the "Ruritanian Government", "UK Research &
Innovation" for "UK Research and Innovation", "U.S." for "US", "Orbion Inc." for "Orbion",
"Ruritania's Ministry of Energy" for the "Ministry of Energy", "Max-Planck Society" for the
"Max Planck Society", "Orbion Quantum" for "Orbion" and the other way round.

:func:`find_actor` tries, in order, the name itself (several actors of exactly that name:
the first in the store's order, as ever), then each other spelling of
:func:`name_variants`, then the name without a generic tail ("Orbion Quantum" -> "Orbion"),
then the names that are the asked one plus a generic tail ("Orbion" -> "Orbion Quantum
Technologies Ltd"). Past the exact name nothing is guessed: a spelling that fits several
different actors finds none of them and gives them as candidates.

>>> name_variants("the City of Columbus")[:2]
['City of Columbus', 'Columbus']
>>> "UK Research and Innovation" in name_variants("UK Research & Innovation")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qkg.graph.store import GraphStore, NameFinder
from qkg.schemas import Entity, EntityFilter, EntityType, normalise_name

__all__ = ["Lookup", "find_actor", "generic_tail", "legal_forms", "name_variants", "same_actor", "spellings"]

E = EntityType
_THE = re.compile(r"^the\s+", re.I)
#: "City of X", "Free State of X": the place itself (the extractor's convention).
_LEVEL_OF = re.compile(
    r"^(?:(?:free\s+)?state|city|town|province|region|commonwealth|prefecture|canton|municipality|county)\s+of\s+(.+)$",
    re.I,
)
_GOV_OF = re.compile(r"^(?:government|gouvernement)\s+(?:of|du|de)\s+(?:the\s+)?(.+)$", re.I)
_X_GOV = re.compile(
    r"^(.+?)\s+(?:(?:federal|state|provincial|national|city|metropolitan)\s+)?government$", re.I
)
#: "the Daejeon city government", "Hefei's municipal government": the city; "the Ohio state
#: government", "Franklin County government": the state, the county (the extractor's convention).
_CITY_GOV = re.compile(r"^(.+?)(?:['’]s)?\s+(?:city|municipal|metropolitan)\s+government$", re.I)
_REGION_GOV = re.compile(
    r"^(.+?)(?:['’]s)?\s+(?:state|provincial|prefectural|regional)\s+government$|^(.+?\s+county)\s+government$",
    re.I,
)
#: "the Lakeport City Council": the city; "Franklin County Council": the county; "the Lombardy
#: Region": the region (the extractor's convention, as for "the City of X").
_PLACE_BODY = re.compile(
    r"^(.+?)(?:\s+(city|town|municipal)\s+council|\s+(county)\s+council|\s+(region))$", re.I
)
#: "Metropolitan Government of Nashville" <-> "Nashville Metropolitan Government".
_LEVEL_GOV_OF = re.compile(
    r"^(metropolitan|city|state|provincial|prefectural)\s+government\s+of\s+(.+)$", re.I
)
#: "Ruritania's Ministry of Energy", "the Ruritanian Ministry of Energy": the ministry.
_OWNED_BODY = re.compile(
    r"^(?:[\w.-]+(?:\s+[\w.-]+)?['’]s|[A-Z][\w-]+(?:an|ian|ese|ish|ch|i))\s+"
    r"((?i:(?:federal\s+)?(?:ministry|department|office|agency)\s+(?:of|for))\s+.+)$"
)
_LEGAL = re.compile(
    r",?\s+(?:inc|ltd|llc|plc|corp|corporation|co|gmbh|ag|sa|s\.a\.s|sas|se|nv|bv|oy|ab|pty|limited|k\.?k|e\.v)\.?$",
    re.I,
)
#: Words a company's name may end with that make it no other actor: "IBM Quantum" is IBM
#: when the store knows no "IBM Quantum" (a fund, an arm or a unit with its own name is not
#: generic: "Orbion Ventures" is not Orbion).
GENERIC = frozenset(
    [
        "and",
        "&",
        "quantum",
        "technologies",
        "technology",
        "tech",
        "group",
        "holdings",
        "holding",
        "labs",
        "lab",
        "laboratories",
        "computing",
        "computers",
        "systems",
        "solutions",
        "company",
        "corporation",
        "incorporated",
        "limited",
        "international",
        "global",
        "inc",
        "ltd",
        "llc",
        "plc",
        "corp",
        "co",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "se",
        "nv",
        "bv",
        "oy",
        "oyj",
        "ab",
        "kk",
        "pty",
        "ev",
    ]
)
#: Actors a loose match may find (never a place, person or technology).
_ORGLIKE = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM})
#: How many actors a loose match looks at.
_LOOSE = 50
Hint = frozenset[EntityType] | None
_CITY: Hint = frozenset({E.CITY})
_REGION: Hint = frozenset({E.REGION})
_PLACE: Hint = frozenset({E.CITY, E.REGION})


def spellings(name: str) -> list[tuple[str, Hint]]:
    """Spellings to try after ``name`` itself, most specific first, without repeats, each
    with the types it can mean when the spelling says (``None``: any): "City of Lakeport"
    -> ("Lakeport", city)."""
    out: dict[str, Hint] = {}

    def add(v: str, hint: Hint = None) -> None:
        v = " ".join(v.split())
        if v and v.casefold() != name.casefold() and v not in out:
            out[v] = hint

    base = _THE.sub("", name.strip())
    add(base)
    for a, b in (("’", "'"), ("'", "’")):
        if a in base:
            add(base.replace(a, b))
    if "&" in base:
        add(base.replace("&", "and"))
    if re.search(r"\sand\s", base):
        add(re.sub(r"\sand\s", " & ", base))
    if "." in base:
        add(base.replace(".", ""))
    if re.search(r"\w-\w", base):  # "Max-Planck Society", "Q-Lab"
        add(re.sub(r"(?<=\w)-(?=\w)", " ", base))
        add(re.sub(r"(?<=\w)-(?=\w)", "", base))
    if m := _LEVEL_OF.match(base):
        add(m.group(1), _CITY if base.lower().startswith(("city", "town")) else None)
    if m := _GOV_OF.match(base):
        add(f"{m.group(1)} Government")
    elif m := _LEVEL_GOV_OF.match(base):
        add(f"{m.group(2)} {m.group(1)} Government")
        add(m.group(2), _CITY if m.group(1).lower() in {"metropolitan", "city"} else _PLACE)
    elif m := _X_GOV.match(base):
        add(f"Government of {m.group(1)}")
        add(f"{m.group(1)} Government")
    if m := _PLACE_BODY.match(base):
        if m.group(2):
            add(m.group(1), _CITY)
        else:
            add(f"{m.group(1)} County" if m.group(3) else m.group(1), _REGION)
    if m := _CITY_GOV.match(base):
        add(m.group(1), _CITY)
    elif m := _REGION_GOV.match(base):
        add(m.group(1) or m.group(2), _REGION)
    words = base.split()
    if 1 < len(words) <= 3:  # "Psi Quantum" -> "PsiQuantum", "Q CTRL" -> "Q-CTRL"
        add("".join(words))
        add("-".join(words))
    if m := _OWNED_BODY.match(base):
        add(m.group(1))
    short = base
    while m := _LEGAL.search(short):  # "Sanko Electric Co., Ltd." -> "Sanko Electric"
        short = short[: m.start()]
        add(short)
    return list(out.items())


def name_variants(name: str) -> list[str]:
    """The spellings of :func:`spellings`, without their types."""
    return [v for v, _ in spellings(name)]


def _words(key: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", key.replace(".", "")) if w]


def _core(name: str) -> list[str]:
    """The words of ``name`` before its generic tail; none when every word is generic."""
    words = name.split()
    while words and (w := _words(normalise_name(words[-1]))) and all(x in GENERIC for x in w):
        words.pop()
    return words


def generic_tail(short: str, long: str) -> bool:
    """``long`` is ``short`` and then only generic words ("Orbion" / "Orbion Quantum Ltd.")."""
    s, lw = _words(normalise_name(short)), _words(normalise_name(long))
    return len(lw) > len(s) >= 1 and lw[: len(s)] == s and all(w in GENERIC for w in lw[len(s) :])


@dataclass(frozen=True)
class Lookup:
    """What a name finds: the actor, or, when the name fits several actors only loosely,
    none and those candidates."""

    found: Entity | None
    candidates: tuple[Entity, ...] = ()


def _one_actor(hits: list[Entity]) -> bool:
    """The hits are one actor (split across documents): one type, and one country or none."""
    return len({e.type for e in hits}) == 1 and len({e.country for e in hits} - {None}) <= 1


def _decide(hits: list[Entity]) -> Lookup | None:
    hits = list({e.id: e for e in hits}.values())
    if not hits:
        return None
    if _one_actor(hits):
        return Lookup(hits[0])
    return Lookup(None, tuple(hits))


def _named(store: GraphStore, names: list[str]) -> dict[str, list[Entity]]:
    """What :meth:`~qkg.graph.store.GraphReader.find_entities` answers for each name, in one
    call where the store can (:class:`~qkg.graph.store.NameFinder`)."""
    if isinstance(store, NameFinder):
        return store.find_entities_named(names)
    return {n: store.find_entities(n) for n in names}


def find_actor(store: GraphStore, name: str) -> Lookup:
    """The actor ``name`` means (see the module): exact name, other spellings, then loose matches."""
    found = store.find_entities(name)
    if found:  # the actor of that name before one that has it as an alias, else the store's order
        key = normalise_name(name)
        return Lookup(next((e for e in found if normalise_name(e.name) == key), found[0]))
    tried = spellings(name)
    base = _THE.sub("", name.strip())
    core, words = _core(base), base.split()
    shorter = [" ".join(words[:n]) for n in range(len(words) - 1, len(core) - 1, -1)] if core else []
    hits_of = _named(store, [v for v, _ in tried] + shorter)  # one call for every spelling
    for variant, hint in tried:
        hits = hits_of[variant]
        if hint is not None:
            hits = [e for e in hits if e.type in hint] or hits
        if (got := _decide(hits)) is not None:
            return got
    for n in shorter:  # "Orbion Quantum Technologies" -> "Orbion"
        if (got := _decide([e for e in hits_of[n] if e.type in _ORGLIKE])) is not None:
            return got
    if not core:
        return Lookup(None)
    short = " ".join(core)  # "Orbion Quantum" -> "Orbion Systems Ltd."
    longer = store.entities(EntityFilter(name_prefix=short + " "), limit=_LOOSE)
    hits = [
        e for e in longer if e.type in _ORGLIKE and any(generic_tail(short, n) for n in (e.name, *e.aliases))
    ]
    return _decide(hits) or Lookup(None)


#: The legal forms a company's name is written with in one document and without in another.
_FORMS = (
    "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "LLC", "GmbH", "AG", "SA", "S.A.", "SAS", "Corp", "Corp.",
    "Corporation", "plc", "PLC", "Co., Ltd.", "Co. Ltd", "B.V.", "BV", "N.V.", "Oy", "AB", "Pty Ltd", "K.K.",
)  # fmt: skip


def legal_forms(name: str) -> list[str]:
    """The other forms of a company's name as to its legal form: without it ("Orbion Inc." ->
    "Orbion"), or, for a bare name, with each common one ("Orbion" -> "Orbion Inc", ...); none
    when the bare name would be generic words only."""
    bare = name
    while (cut := _LEGAL.search(bare)) is not None and cut.start() > 0:
        bare = bare[: cut.start()]
    if not _core(bare):
        return []
    return [bare] if bare != name else [f"{name} {f}" for f in _FORMS]


def same_actor(store: GraphStore, e: Entity) -> tuple[Entity, ...]:
    """The other actors of the store that are ``e`` named differently by other documents: an
    organisation sharing one of its names or aliases, of its type, of its country or of none
    ("OQT" defined as "Orbion Quantum Technologies" in one document and named bare in
    another; one university under its English and its own name, both with the acronym); a
    company named with its legal form in one document and without in another ("Orbion Inc.").
    Never across types, two countries, places, people or technologies."""
    if e.type not in _ORGLIKE:
        return ()
    names = list(dict.fromkeys((e.name, *e.aliases)))
    if e.type is E.COMPANY:
        names += [f for n in names for f in legal_forms(n)]
    out: dict[str, Entity] = {}
    for hits in _named(store, list(dict.fromkeys(names))).values():
        for x in hits:
            same_place = x.country == e.country or None in (x.country, e.country)
            if x.id != e.id and x.type is e.type and same_place:
                out.setdefault(x.id, x)
    return tuple(out.values())
