"""Resolution: mentions -> canonical entities of one document.

Rules, in order:

1. A gazetteer mention resolves to its entry (id from canonical name, type and country).
2. References ("It", "the French start-up", "the two companies", "the city") resolve, after
   the names, to the entity that type, nationality and recency single out
   (:mod:`qkg.loaders.rules.references`); without one they are dropped.
3. A company name with a legal suffix whose bare name is a gazetteer company ("Microsoft
   Corp.") is that company.
4. A pattern mention that is a word-aligned prefix or suffix of exactly one longer
   organisation name of the same document ("Innovation Authority" in a text that names
   the "Israeli Innovation Authority") is that organisation.
5. A pattern mention whose name is close to a gazetteer name of the same type
   (``difflib`` ratio >= :data:`FUZZY_THRESHOLD`, same first word) is that entry; below the
   threshold nothing is merged.
6. Otherwise mentions with the same normalised name and type are one entity. Two
   mentions of the same name but different type or country are never merged.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from qkg.schemas import Entity, EntityType, entity_id

from .deadline import check
from .gazetteer import Entry, Gazetteer, norm
from .mentions import Mention
from .rules import fastre as re
from .rules.references import modifiers_of_unresolved, resolve_references
from .segment import Sentence

__all__ = ["FUZZY_THRESHOLD", "Resolved", "resolve"]

#: Minimum similarity for a fuzzy merge with a gazetteer name (documented in docs/extraction.md).
FUZZY_THRESHOLD = 0.92
E = EntityType
_WEAK = frozenset({"shape", "list", "descriptor", "kind"})
_ORGLIKE = {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM}


@dataclass
class _Draft:
    name: str
    type: EntityType
    country: str | None
    entry: Entry | None
    aliases: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return self.entry.id if self.entry else _entity_id(self.name, self.type, self.country)


@dataclass
class Resolved:
    """The entities of a document and, for each mention, the entity it names."""

    mentions: list[tuple[Mention, str]]
    drafts: dict[str, _Draft]

    def entity(self, eid: str) -> Entity:
        d = self.drafts[eid]
        ext = {"wikidata": d.entry.wikidata} if d.entry and d.entry.wikidata else {}
        aliases = {a for a in d.aliases if norm(a) != norm(d.name)}
        return Entity(
            id=eid, type=d.type, name=d.name, aliases=tuple(aliases), external_ids=ext, country=d.country
        )

    def type_of(self, eid: str) -> EntityType:
        return self.drafts[eid].type


_entity_id = lru_cache(maxsize=100_000)(entity_id)


def _fuzzy(m: Mention, gaz: Gazetteer) -> Entry | None:
    key = norm(m.name)
    best: tuple[float, Entry | None] = (0.0, None)
    # the names of the type sharing the first word, in the gazetteer's order (the first best wins)
    for n, entry in gaz.named_from(m.type, key.split()[0]):
        r = difflib.SequenceMatcher(None, key, n).ratio()
        if r > best[0]:
            best = (r, entry)
    return best[1] if best[0] >= FUZZY_THRESHOLD else None


_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc|Ltd|LLC|plc|PLC|Corp|Corporation|Co|GmbH|AG|SA|SAS|SE|NV|N\.V|BV|B\.V|Oy|Oyj|AB|Limited|K\.K)\.?$"
)


def _without_legal_suffix(m: Mention, gaz: Gazetteer) -> Entry | None:
    """The gazetteer company a name with a legal suffix stands for ("Microsoft Corp.", "Orbion AG")."""
    if m.type is not E.COMPANY or m.entry is not None:
        return None
    short = m.name
    while (cut := _LEGAL_SUFFIX.search(short)) is not None and cut.start() > 0:
        short = short[: cut.start()]
        hit = next((x for x in gaz.lookup(short) if x.type is E.COMPANY), None)
        if hit is not None:
            return hit
    return None


_COMMAS = re.compile(r"[,.]")


def _affix_owner(m: Mention, longer: Sequence[_Draft], *, suffix: bool = True) -> _Draft | None:
    # commas and full stops do not part words: "Orbion Photonics" is a prefix of "Orbion Photonics, Inc."
    key = _COMMAS.sub("", norm(m.name))
    hits = []
    for d in longer:
        names = [_COMMAS.sub("", norm(n)) for n in (d.name, *d.aliases)]
        for n in names:
            if n != key and ((suffix and n.endswith(" " + key)) or n.startswith(key + " ")):
                hits.append(d)
                break
    uniq = {id(h): h for h in hits}
    return next(iter(uniq.values())) if len(uniq) == 1 else None


_PERSON_OR_PLACE = frozenset({E.PERSON, E.CITY, E.REGION, E.COUNTRY})


def _person_or_place(name: str, gaz: Gazetteer, by_key: dict[tuple[str, EntityType], str]) -> bool:
    """``name`` also names a person or a place (known, or read as a person in this text)."""
    return (norm(name), E.PERSON) in by_key or any(x.type in _PERSON_OR_PLACE for x in gaz.lookup(name))


def resolve(mentions: Sequence[Mention], gaz: Gazetteer, sentences: Sequence[Sentence] = ()) -> Resolved:
    """Resolve ``mentions`` (in document order) to entities (``sentences`` let references
    read the text around names: nationality, subjects)."""
    drafts: dict[str, _Draft] = {}
    out: list[tuple[Mention, str]] = []
    by_key: dict[tuple[str, EntityType], str] = {}
    by_name: dict[str, dict[EntityType, str]] = {}  # by_key grouped by name, for lookups of any type

    keyed_aliases: dict[str, int] = {}  # per entity, how many of its aliases are keyed already

    def add(d: _Draft, m: Mention) -> str:
        eid = d.id
        cur = drafts.setdefault(eid, d)
        cur.aliases.update(a for a in m.aliases)
        if m.rule not in {"anaphor"} and norm(m.text) != norm(cur.name):
            cur.aliases.add(m.text)
        n = norm(cur.name)
        by_key[(n, cur.type)] = eid
        by_name.setdefault(n, {})[cur.type] = eid
        # aliases only grow and keys are never taken back: the same aliases key nothing new
        if keyed_aliases.get(eid) != len(cur.aliases):
            for a in cur.aliases:
                by_name.setdefault(norm(a), {}).setdefault(
                    cur.type, by_key.setdefault((norm(a), cur.type), eid)
                )
            keyed_aliases[eid] = len(cur.aliases)
        return eid

    # pass 1: gazetteer and long names first so that shorter references can find them
    pattern: list[Mention] = []
    for m in mentions:
        if m.entry is not None:
            e = m.entry
            d = _Draft(e.name, e.type, e.country, e, set(e.aliases))
            out.append((m, add(d, m)))
        elif m.rule != "anaphor":
            pattern.append(m)
    for m in sorted(pattern, key=lambda x: -len(x.name)):
        check()  # the document's time limit, once per name
        key = (norm(m.name), m.type)
        if key in by_key:
            out.append((m, add(drafts[by_key[key]], m)))
            continue
        if m.rule in _WEAK:
            # a name found by its shape or position takes the type of a known entity of that name
            same = set(by_name.get(key[0], {}).values())
            if len(same) == 1:
                out.append((m, add(drafts[same.pop()], m)))
                continue
        entry = _without_legal_suffix(m, gaz)
        if entry is not None:
            # "Microsoft Corp." is Microsoft
            d = _Draft(entry.name, entry.type, entry.country, entry, set(entry.aliases))
            out.append((m, add(d, m)))
            continue
        strong = m.rule in {"org", "list", "acronym", "quoted"}
        if m.type in _ORGLIKE and (strong or not (m.name.isupper() or _person_or_place(m.name, gaz, by_key))):
            # "Bessemer" after "Bessemer Venture Partners": a leading short form, whatever read it;
            # not an acronym ("AUKUS" before "AUKUS Undersea Systems" names the parent)
            owner = _affix_owner(m, [d for d in drafts.values() if d.type in _ORGLIKE], suffix=strong)
            if owner is not None:
                out.append((m, add(owner, m)))
                continue
        if m.type in _ORGLIKE and m.rule in {"org", "list", "acronym", "quoted"}:
            entry = _fuzzy(m, gaz) if m.type in _ORGLIKE else None
            if entry is not None:
                d = _Draft(entry.name, entry.type, entry.country, entry, set(entry.aliases))
                out.append((m, add(d, m)))
                continue
        out.append((m, add(_Draft(m.name, m.type, m.country, None, set(m.aliases)), m)))
    # pass 2: references point back to an entity named earlier
    refs = resolve_references(
        mentions,
        out,
        {eid: d.type for eid, d in drafts.items()},
        sentences=sentences,
        countries={eid: d.country for eid, d in drafts.items()},
        gaz=gaz,
    )
    lone = modifiers_of_unresolved(mentions, refs)
    if lone:
        out = [(m, eid) for m, eid in out if (m.start, m.end) not in lone]
    out += refs
    out.sort(key=lambda x: (x[0].start, -x[0].end))
    return Resolved(out, drafts)
