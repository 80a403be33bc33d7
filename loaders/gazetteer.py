"""The curated gazetteer: known ecosystem actors, places and technologies with their aliases.

Entries come from ``loaders/data/gazetteer.yaml`` (package data) and, optionally, from a
user file of the same shape, whose entries take precedence. Matching is token-based and
longest-first: a dictionary from normalised token tuples to entries, probed at each token,
so the cost is linear in the text and independent of the gazetteer's size.

Case rules keep common words from matching: acronyms (``AWS``, ``SA``) match only in the
same case, names of organisations and places must start with a capital (or a letter of a
script without case, such as Hangul), technologies match in any case.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from qkg.schemas import ConfigurationError, EntityType, entity_id, normalise_name

from .rules import fastre as re

__all__ = ["Entry", "Gazetteer", "Match", "Token", "default_gazetteer", "load_gazetteer", "norm", "tokenize"]

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
#: The same tokens as a capturing split: words at the odd places, what lies between at the even.
_TOKEN_SPLIT = re.compile(rf"({_TOKEN.pattern})", re.UNICODE)
#: Joiners ignored when matching, so "trapped-ion" = "trapped ion", "Technion – Israel" = "Technion Israel".
_SKIP = frozenset({"-", "‐", "‑", "–"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


class Token(NamedTuple):
    """A word or punctuation mark with its span; ``norm`` is its matching key (a tuple: cheap
    to build, and a long document has hundreds of thousands)."""

    start: int
    end: int
    raw: str
    norm: str


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """:func:`qkg.schemas.normalise_name`, memoised (names repeat across documents)."""
    return normalise_name(text.translate(_APOSTROPHES))


def tokenize(text: str) -> list[Token]:
    """Words and punctuation marks of ``text`` with character offsets.

    >>> [t.norm for t in tokenize("IQM’s Finland-based")]
    ['iqm', "'", 's', 'finland', '-', 'based']
    """
    return [Token(m.start(), m.end(), w, norm(w)) for m in _TOKEN.finditer(text) for w in (m.group(),)]


def _spellings(names: Sequence[str]) -> list[str]:
    """The names, each also with "&" for "and" and back ("UK Research & Innovation")."""
    out = list(names)
    for n in names:
        if " and " in n:
            out.append(n.replace(" and ", " & "))
        if " & " in n:
            out.append(n.replace(" & ", " and "))
    return out


@lru_cache(maxsize=100_000)
def _key(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text) if t.raw not in _SKIP)


_entity_id = lru_cache(maxsize=100_000)(entity_id)


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer entry: one real actor, place or technology."""

    name: str
    type: EntityType
    country: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    demonym: str | None = None

    @property
    def id(self) -> str:
        """The entity id this entry resolves to."""
        return _entity_id(self.name, self.type, self.country)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit: tokens ``[first, last]`` of a text name ``entry`` through ``alias``."""

    first: int
    last: int
    start: int
    end: int
    entry: Entry
    alias: str


def _needs_exact_case(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    if not letters:
        return True
    if len(letters) <= 3:
        return True
    upper = sum(c.isupper() for c in letters)
    return upper == len(letters) or (letters[0].islower() and upper > 0)


@dataclass
class Gazetteer:
    """An index of entries by normalised alias."""

    entries: list[Entry] = field(default_factory=list)
    _index: dict[tuple[str, ...], list[tuple[Entry, str, bool]]] = field(default_factory=dict, repr=False)
    _firsts: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _max: int = 1
    _short: dict[str, list[Match]] = field(default_factory=dict, repr=False)
    _demonyms: dict[str, Entry] = field(default_factory=dict, repr=False)
    _by_first: dict[tuple[EntityType, str], list[tuple[str, Entry]]] | None = field(default=None, repr=False)

    def add(self, entry: Entry) -> None:
        """Index ``entry``; an alias already taken by an entry of the same type keeps the first."""
        self.entries.append(entry)
        self._short.clear()
        self._by_first = None
        for alias in _spellings(entry.names):
            key = _key(alias)
            if not key:
                continue
            slot = self._index.setdefault(key, [])
            # lower-case brand names ("planqc", "eleQtron") match only as written
            brand = entry.type is not EntityType.TECHNOLOGY and alias[:1].islower()
            exact = _needs_exact_case(alias) or brand
            # the first entry of a type keeps the alias; the same entry may add a looser case
            # of it ("RIKEN" exact, then "Riken" as the press also writes it)
            if any(
                e.type == entry.type and e.country == entry.country and (e is not entry or not x or exact)
                for e, _, x in slot
            ):
                continue
            slot.append((entry, alias, exact))
            lengths = set(self._firsts.get(key[0], ())) | {len(key)}
            self._firsts[key[0]] = tuple(sorted(lengths, reverse=True))
            self._max = max(self._max, len(key))
        if entry.demonym:
            self._demonyms.setdefault(normalise_name(entry.demonym), entry)

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or an alias equals ``name`` (normalised)."""
        return [e for e, _, _ in self._index.get(_key(name), [])]

    def named_from(self, etype: EntityType, first: str) -> list[tuple[str, Entry]]:
        """The normalised names (and aliases) of the entries of type ``etype`` whose first word
        is ``first`` (normalised), in the entries' order, each with its entry: for near matches
        of a name, without normalising every name of the type per name asked about.

        >>> gaz = Gazetteer()
        >>> gaz.add(Entry("Orbion Labs", EntityType.COMPANY, aliases=("Orbion",)))
        >>> [n for n, _ in gaz.named_from(EntityType.COMPANY, "orbion")]
        ['orbion labs', 'orbion']
        """
        index = self._by_first
        if index is None:
            index = {}
            for entry in self.entries:
                for name in entry.names:
                    words = norm(name).split()
                    if words:
                        index.setdefault((entry.type, words[0]), []).append((norm(name), entry))
            self._by_first = index
        return index.get((etype, first), [])

    def by_demonym(self, word: str) -> Entry | None:
        """The country or region whose demonym is ``word`` ("Finnish" -> Finland)."""
        return self._demonyms.get(normalise_name(word))

    def _accept(self, alias: str, raw: str, entry: Entry, exact: bool) -> bool:
        if exact:
            return raw.replace(" ", "") == alias.replace(" ", "") or (
                raw.isupper() and alias.isupper() and raw.replace(" ", "") == alias.replace(" ", "")
            )
        if entry.type is EntityType.TECHNOLOGY:
            return True
        first = raw[0]
        return first.isupper() or not first.isalpha() or first.lower() == first.upper()

    def find(self, text: str) -> list[Match]:
        """Longest non-overlapping matches in ``text``, left to right (short texts memoised)."""
        if len(text) <= 200:
            hit = self._short.get(text)
            if hit is None:
                hit = self._short[text] = self._find(text)
                if len(self._short) > 50_000:
                    self._short.clear()
            return hit
        return self._find(text)

    def _find(self, text: str) -> list[Match]:
        # one split in C gives the words and, by the running sum of the pieces' lengths, every
        # word's offsets: piece 2k+1 is word k, so it starts at ends[2k] and ends at ends[2k+1]
        pieces = _TOKEN_SPLIT.split(text)
        every = pieces[1::2]
        ends = list(itertools.accumulate(map(len, pieces)))
        at: Sequence[int] = range(len(every))
        words = every
        if any(j in text for j in _SKIP):  # joiners are no words: keep the places of the others
            kept = list(map(operator.not_, map(_SKIP.__contains__, every)))
            at, words = list(itertools.compress(at, kept)), list(itertools.compress(every, kept))
        norms = list(map(norm, words))
        out: list[Match] = []
        n = len(norms)
        firsts, index = self._firsts, self._index
        free = 0  # the first word not inside an earlier hit
        # only words that begin some name are tried (chosen in C: most words begin none)
        for i in itertools.compress(range(n), map(firsts.__contains__, norms)):
            if i < free:
                continue
            lengths = firsts[norms[i]]
            hit: Match | None = None
            for ln in lengths:
                j = i + ln - 1
                if j >= n:
                    continue
                cands = index.get(tuple(norms[i : j + 1]))
                if not cands:
                    continue
                start, end = ends[2 * at[i]], ends[2 * at[j] + 1]
                raw = text[start:end]
                for entry, alias, exact in cands:
                    if self._accept(alias, _squash(raw) if exact else raw, entry, exact):
                        hit = Match(i, j, start, end, entry, alias)
                        break
                if hit:
                    break
            if hit:
                out.append(hit)
                free = hit.last + 1
        return out


_SPACES = re.compile(r"\s+")
_DASH = re.compile(r"\s*[-‐‑–]\s*")


@lru_cache(maxsize=100_000)
def _squash(raw: str) -> str:
    """``raw`` with runs of space as one space, spaces around a dash dropped and apostrophes
    straightened (memoised: the same names recur across documents)."""
    return _DASH.sub("-", _SPACES.sub(" ", raw)).translate(_APOSTROPHES)


def _entries(data: Any, origin: str) -> Iterable[Entry]:
    if not isinstance(data, Mapping):
        raise ConfigurationError(
            f"gazetteer {origin}: expected a mapping of entity type to a list of entries"
        )
    for tname, items in data.items():
        try:
            etype = EntityType(tname)
        except ValueError:
            raise ConfigurationError(
                f"gazetteer {origin}: unknown entity type {tname!r} (use one of {', '.join(EntityType)})"
            ) from None
        for item in items or []:
            if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
                raise ConfigurationError(f"gazetteer {origin}: entry {item!r} under {tname} has no name")
            country = item.get("country")
            if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
                raise ConfigurationError(
                    f"gazetteer {origin}: country {country!r} of {item['name']!r} is not ISO alpha-2"
                )
            yield Entry(
                name=item["name"],
                type=etype,
                country=country,
                wikidata=item.get("wikidata"),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                demonym=item.get("demonym"),
            )


def load_gazetteer(*paths: Path, include_default: bool = True) -> Gazetteer:
    """A gazetteer of the user's files (first, so they win) plus the bundled one."""
    gaz = Gazetteer()
    for p in paths:
        try:
            data = yaml.safe_load(Path(p).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigurationError(f"gazetteer {p}: cannot be read ({exc})") from None
        for e in _entries(data, str(p)):
            gaz.add(e)
    if include_default:
        for e in _default_entries():
            gaz.add(e)
    return gaz


@lru_cache(maxsize=1)
def _default_entries() -> tuple[Entry, ...]:
    """The curated entries, then the generated places (``places.yaml``: countries, first-level
    regions and large cities from GeoNames and ISO 3166-2), which a curated name outranks."""
    out: list[Entry] = []
    for name in ("gazetteer.yaml", "places.yaml"):
        text = resources.files("qkg.loaders").joinpath(f"data/{name}").read_text(encoding="utf-8")
        # libyaml's safe loader where the build has it (the places file is large)
        data = (
            yaml.load(text, Loader=yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else yaml.safe_load(text)
        )
        out += _entries(data, name)
    return tuple(out)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer (built once per process)."""
    return load_gazetteer()
