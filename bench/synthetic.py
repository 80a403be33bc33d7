"""A synthetic quantum-technology ecosystem, for benchmarks of every store and of analytics.

The ecosystem mixes entity types like the real corpus (companies, universities, institutes,
government bodies, places, clusters, programmes, technologies, people) and grows by
preferential attachment, so a few hubs collect most links, as real ecosystems do. Actors
join over time; documents are dated over the years in order, so time windows select a
growing graph. Every relation type respects :func:`qkg.schemas.allows`; agreements have
two to four parties; every fact quotes a sentence of its document exactly.

Two views of one ecosystem, drawn from the same random plan:

- :func:`generate_deltas` yields one valid :class:`qkg.schemas.KnowledgeGraph` per
  document, ready for ``store.upsert``;
- :func:`generate_networkx` builds the collaboration graph (``PARTNERS_WITH`` plus agreement
  co-parties, weights = pieces of evidence) directly, for analytics benchmarks without a
  store.

``n_relations`` is the number of distinct relations (``(source, type, target)`` keys) in
the whole corpus; on top of them a share of sentences repeat an earlier relation (more
evidence, same key) and a share are agreements.

Command line::

    python -m bench.synthetic --actors 100000 --relations 1000000 --out synthetic.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from bisect import bisect
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from qkg.schemas import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Document,
    Entity,
    EntityType,
    Evidence,
    KnowledgeGraph,
    Relation,
    RelationType,
    agreement_id,
    entity_id,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["POPULATION", "RELATION_MIX", "RELATION_SIDES", "generate_deltas", "generate_networkx", "main"]

E = EntityType
R = RelationType

#: Share of each entity type among the actors.
POPULATION: dict[EntityType, float] = {
    E.COMPANY: 0.30,
    E.UNIVERSITY: 0.10,
    E.RESEARCH_INSTITUTE: 0.10,
    E.GOVERNMENT_BODY: 0.06,
    E.CITY: 0.04,
    E.REGION: 0.015,
    E.COUNTRY: 0.005,
    E.CLUSTER: 0.03,
    E.PROGRAM: 0.07,
    E.TECHNOLOGY: 0.05,
    E.PERSON: 0.23,
}

#: Share of each relation type among the distinct relations.
RELATION_MIX: dict[RelationType, float] = {
    R.PARTNERS_WITH: 0.40,
    R.WORKS_ON: 0.12,
    R.LOCATED_IN: 0.10,
    R.AFFILIATED_WITH: 0.08,
    R.PART_OF: 0.07,
    R.COMPETES_WITH: 0.07,
    R.DEVELOPS: 0.06,
    R.INVESTS_IN: 0.06,
    R.LEADS: 0.04,
}

_ORGS = (E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER)
_RESEARCH = (E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE)

#: The (source types, target types) each relation type draws from: a realistic subset of
#: what the ontology allows (checked against :func:`qkg.schemas.allows` in the tests).
RELATION_SIDES: dict[RelationType, tuple[tuple[EntityType, ...], tuple[EntityType, ...]]] = {
    R.PARTNERS_WITH: ((*_ORGS, E.CITY, E.PROGRAM), (*_ORGS, E.CITY, E.PROGRAM)),
    R.COMPETES_WITH: ((E.COMPANY,), (E.COMPANY,)),
    R.WORKS_ON: ((*_RESEARCH, E.PERSON), (E.TECHNOLOGY, E.PROGRAM)),
    R.DEVELOPS: (_RESEARCH, (E.TECHNOLOGY,)),
    R.INVESTS_IN: ((E.GOVERNMENT_BODY, E.COMPANY, E.COUNTRY, E.CITY), (*_RESEARCH, E.PROGRAM, E.TECHNOLOGY)),
    R.PART_OF: (_RESEARCH, (E.CLUSTER, E.PROGRAM)),
    R.LOCATED_IN: (_ORGS, (E.CITY, E.REGION, E.COUNTRY)),
    R.AFFILIATED_WITH: ((E.PERSON,), (E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY)),
    R.LEADS: ((E.PERSON, E.GOVERNMENT_BODY, E.UNIVERSITY), (E.PROGRAM,)),
}

_PARTY_TYPES = (*_ORGS, E.CITY)
_PARTY_COUNTS = (2, 2, 2, 2, 2, 2, 3, 3, 3, 4)
_KINDS = (
    *[AgreementKind.MOU] * 4,
    *[AgreementKind.PARTNERSHIP] * 3,
    AgreementKind.JOINT_STATEMENT,
    AgreementKind.CONTRACT,
    AgreementKind.INVESTMENT,
    AgreementKind.CONSORTIUM,
)
_STATUSES = (
    AgreementStatus.SIGNED,
    AgreementStatus.SIGNED,
    AgreementStatus.ANNOUNCED,
    AgreementStatus.ACTIVE,
)
_TOPICS = (
    "quantum computing",
    "quantum sensing",
    "quantum networks",
    "quantum cryptography",
    "post-quantum security",
    "quantum software",
    "superconducting qubits",
    "trapped ions",
    "photonic chips",
    "neutral atoms",
    "quantum talent",
    "cryogenics",
)
_COUNTRIES = (
    "KR",
    "KR",
    "KR",
    "US",
    "US",
    "US",
    "DE",
    "FR",
    "GB",
    "JP",
    "CN",
    "CA",
    "NL",
    "FI",
    "AU",
    "SG",
    "IN",
)
_SYLLABLES = (
    "ka", "ri", "no", "ve", "ta", "lu", "mi", "so", "de", "qua", "zen", "ho", "bra", "cel", "dor",
    "fi", "gan", "is", "jor", "kel", "lan", "mor", "nes", "or", "pel", "ran", "sil", "tor", "ul", "var",
    "wen", "xi", "yan", "zo", "ae", "bel", "cor", "dan", "el", "fen",
)  # fmt: skip
_FIRST_NAMES = (
    "Mira",
    "Jin",
    "Ana",
    "Tomas",
    "Seo-yeon",
    "Ravi",
    "Lena",
    "Omar",
    "Yuki",
    "Pierre",
    "Ines",
    "Kai",
)
_SUFFIXES: dict[EntityType, tuple[str, ...]] = {
    E.COMPANY: ("Quantum", "Qubits", "Photonics", "Systems", "Labs", "Technologies", "Cryo"),
    E.UNIVERSITY: ("University", "Institute of Technology", "National University"),
    E.RESEARCH_INSTITUTE: ("Research Institute", "Centre for Quantum Science", "Laboratory"),
    E.GOVERNMENT_BODY: ("Ministry of Science", "Innovation Agency", "Research Council"),
    E.CITY: ("",),
    E.REGION: ("Province", "Region"),
    E.COUNTRY: ("",),
    E.CLUSTER: ("Quantum Cluster", "Quantum Valley", "Innovation Hub"),
    E.PROGRAM: ("Quantum Programme", "Flagship", "Initiative"),
    E.TECHNOLOGY: ("qubit", "sensing", "networking", "annealing"),
    E.PERSON: ("",),
}
_TEMPLATES: dict[RelationType, tuple[str, ...]] = {
    R.PARTNERS_WITH: (
        "{s} and {t} announced a partnership on {topic}.",
        "{s} partners with {t} to advance {topic}.",
        "Researchers from {s} work with {t} on {topic}.",
    ),
    R.COMPETES_WITH: ("{s} competes with {t} in {topic}.", "{s} and {t} are rivals in {topic}."),
    R.WORKS_ON: ("{s} works on {t}.", "{s} is pursuing research on {t} for {topic}."),
    R.DEVELOPS: ("{s} develops {t}.", "{s} unveiled a new {t} platform for {topic}."),
    R.INVESTS_IN: ("{s} invests in {t}.", "{s} announced funding for {t} in {topic}."),
    R.PART_OF: ("{s} is part of {t}.", "{s} joined {t} to strengthen {topic}."),
    R.LOCATED_IN: ("{s} is based in {t}.", "{s} opened its headquarters in {t}."),
    R.AFFILIATED_WITH: ("{s} is a researcher at {t}.", "{s} joined {t} to lead work on {topic}."),
    R.LEADS: ("{s} leads {t}.", "{s} heads {t}, which focuses on {topic}."),
}
_DEAL_TEMPLATES = (
    "{parties} signed a {kind} on {topic}.",
    "A {kind} on {topic} brings together {parties}.",
)
_KIND_WORDS: dict[AgreementKind, str] = {
    AgreementKind.MOU: "memorandum of understanding",
    AgreementKind.PARTNERSHIP: "partnership agreement",
    AgreementKind.JOINT_STATEMENT: "joint statement",
    AgreementKind.CONTRACT: "contract",
    AgreementKind.INVESTMENT: "investment agreement",
    AgreementKind.CONSORTIUM: "consortium agreement",
}
_MIN_ACTORS = 20
_EPOCH = dt.date(2012, 1, 1)
_SPAN_DAYS = (dt.date(2025, 12, 31) - _EPOCH).days
_RTYPES = tuple(RELATION_MIX)
_RTYPE_INDEX = {t: i for i, t in enumerate(_RTYPES)}
_RTYPE_CUM = list(accumulate(RELATION_MIX.values()))


def _word(i: int) -> str:
    """A pronounceable word unique to ``i`` (its base-40 digits as syllables, at least two)."""
    n = len(_SYLLABLES)
    parts = [_SYLLABLES[i % n]]
    i //= n
    while i or len(parts) < 2:
        parts.append(_SYLLABLES[i % n])
        i //= n
    return "".join(parts).capitalize()


@dataclass(frozen=True, slots=True)
class _Actor:
    id: str
    type: EntityType
    name: str
    country: str | None


@dataclass(slots=True)
class _Fact:
    """One relation sentence: endpoints as actor indices, canonical for symmetric types."""

    source: int
    rtype: RelationType
    target: int
    template: int
    topic: int
    confidence: float


@dataclass(slots=True)
class _Deal:
    kind: AgreementKind
    parties: tuple[int, ...]
    place: int | None
    status: AgreementStatus
    topic: int
    template: int
    confidence: float
    year_only: bool


@dataclass(slots=True)
class _Doc:
    number: int
    published: dt.date
    facts: list[_Fact] = field(default_factory=list)
    deals: list[_Deal] = field(default_factory=list)


def _actors(n: int, rng: random.Random) -> list[_Actor]:
    """``n`` actors with the population mix, types interleaved in a seeded random order."""
    counts = {t: max(1, math.floor(share * n)) for t, share in POPULATION.items()}
    types: list[EntityType] = [t for t, c in counts.items() for _ in range(c)]
    while len(types) < n:  # fill the rounding gap with the commonest types
        types.append(E.COMPANY if len(types) % 2 else E.PERSON)
    del types[n:]
    rng.shuffle(types)
    out = []
    seen: set[str] = set()
    for i, t in enumerate(types):
        word = _word(i)
        suffixes = _SUFFIXES[t]
        suffix = suffixes[i % len(suffixes)]
        if t is E.PERSON:
            name = f"{_FIRST_NAMES[i % len(_FIRST_NAMES)]} {word}"
        else:
            name = f"{word} {suffix}".strip()
        country = None if t in (E.COUNTRY, E.TECHNOLOGY) else _COUNTRIES[rng.randrange(len(_COUNTRIES))]
        eid = entity_id(name, t, country)
        if eid in seen:  # two syllable sequences that spell the same word
            name = f"{name} {i}"
            eid = entity_id(name, t, country)
        seen.add(eid)
        out.append(_Actor(eid, t, name, country))
    return out


class _Planner:
    """Draws the random plan of the corpus: which documents say what about whom.

    Preferential attachment per entity type: an urn holds each active actor once plus once
    per link it has, so drawing from it picks actors in proportion to degree + 1. Actors
    join in order over the first 80% of the corpus; a newly joined actor is used by the
    next fact that can take its type, so every actor appears in the graph.
    """

    def __init__(
        self,
        n_actors: int,
        n_relations: int,
        *,
        seed: int,
        relations_per_doc: int,
        agreement_share: float,
        repeat_share: float,
        uniform_share: float,
    ) -> None:
        if n_actors < _MIN_ACTORS:
            raise ValueError(f"n_actors must be at least {_MIN_ACTORS} (one per entity type), got {n_actors}")
        if n_relations < 1:
            raise ValueError(f"n_relations must be at least 1, got {n_relations}")
        if relations_per_doc < 1:
            raise ValueError(f"relations_per_doc must be at least 1, got {relations_per_doc}")
        self.rng = random.Random(seed)
        self.actors = _actors(n_actors, self.rng)
        self.n_relations = n_relations
        self.relations_per_doc = relations_per_doc
        self.agreement_share = agreement_share
        self.repeat_share = repeat_share
        self.uniform_share = uniform_share
        self.by_type: dict[EntityType, list[int]] = {t: [] for t in EntityType}
        for i, a in enumerate(self.actors):
            self.by_type[a.type].append(i)
        self.active: dict[EntityType, list[int]] = {t: [] for t in EntityType}
        self.urn: dict[EntityType, list[int]] = {t: [] for t in EntityType}
        self.pending: dict[EntityType, deque[int]] = {t: deque() for t in EntityType}
        self.next_of_type: dict[EntityType, int] = dict.fromkeys(EntityType, 0)
        self.joined = bytearray(n_actors)
        self.prefix = 0
        self.keys: set[int] = set()
        self.past: list[_Fact] = []
        # Per (relation type, side): the types it draws from, weighted by population.
        self.sides: dict[tuple[RelationType, int], tuple[list[EntityType], list[float]]] = {}
        for rtype, sides in RELATION_SIDES.items():
            for side, allowed in enumerate(sides):
                present = [t for t in allowed if self.by_type[t]]
                self.sides[rtype, side] = (present, list(accumulate(POPULATION[t] for t in present)))
        self.party_types = [t for t in _PARTY_TYPES if self.by_type[t]]
        self.party_cum = list(accumulate(POPULATION[t] for t in self.party_types))

    # -- actors joining ----------------------------------------------------------------
    def _join(self, i: int) -> None:
        if self.joined[i]:
            return
        self.joined[i] = 1
        t = self.actors[i].type
        self.active[t].append(i)
        self.urn[t].append(i)
        self.pending[t].append(i)

    def _join_next_of(self, t: EntityType) -> None:
        """Let the next actor of type ``t`` join early (its type was needed before its turn)."""
        pool = self.by_type[t]
        k = self.next_of_type[t]
        while k < len(pool) and self.joined[pool[k]]:
            k += 1
        self.next_of_type[t] = k
        if k < len(pool):
            self._join(pool[k])

    def _grow_to(self, count: int) -> None:
        while self.prefix < min(count, len(self.actors)):
            self._join(self.prefix)
            self.prefix += 1

    # -- drawing -----------------------------------------------------------------------
    def _pick_type(self, types: list[EntityType], cum: list[float]) -> EntityType:
        return types[bisect(cum, self.rng.random() * cum[-1]) if len(types) > 1 else 0]

    def _pick(self, t: EntityType) -> int:
        if not self.active[t]:
            self._join_next_of(t)
        pending = self.pending[t]
        if pending:
            return pending.popleft()
        rng = self.rng
        pool = self.active[t] if rng.random() < self.uniform_share else self.urn[t]
        return pool[int(rng.random() * len(pool))]

    def _new_fact(self) -> _Fact:
        rng = self.rng
        for attempt in range(200):
            if attempt < 20:
                rtype = _RTYPES[bisect(_RTYPE_CUM, rng.random() * _RTYPE_CUM[-1])]
            else:  # a dense small graph: any type that still has room
                rtype = _RTYPES[rng.randrange(len(_RTYPES))]
            s = self._pick(self._pick_type(*self.sides[rtype, 0]))
            t = self._pick(self._pick_type(*self.sides[rtype, 1]))
            if s == t:
                continue
            if rtype in (R.PARTNERS_WITH, R.COMPETES_WITH) and self.actors[t].id < self.actors[s].id:
                s, t = t, s
            key = (s * len(self.actors) + t) * 16 + _RTYPE_INDEX[rtype]
            if key in self.keys:
                continue
            self.keys.add(key)
            self.urn[self.actors[s].type].append(s)
            self.urn[self.actors[t].type].append(t)
            templates = _TEMPLATES[rtype]
            return _Fact(
                s,
                rtype,
                t,
                rng.randrange(len(templates)),
                rng.randrange(len(_TOPICS)),
                round(0.6 + 0.4 * rng.random(), 2),
            )
        raise ValueError(
            f"cannot place {self.n_relations} distinct relations among {len(self.actors)} actors: "
            "use more actors or fewer relations"
        )

    def _deal(self) -> _Deal:
        rng = self.rng
        k = _PARTY_COUNTS[rng.randrange(len(_PARTY_COUNTS))]
        parties: set[int] = set()
        for _ in range(4 * k):
            parties.add(self._pick(self._pick_type(self.party_types, self.party_cum)))
            if len(parties) == k:
                break
        if len(parties) < 2:  # a graph too small to find two parties by chance
            pool = [i for t in self.party_types for i in self.active[t]] or list(range(len(self.actors)))
            parties.update(pool[:2] if len(pool) >= 2 else [0, 1])
        for p in parties:
            self.urn[self.actors[p].type].append(p)
        cities = self.active[E.CITY]
        place = cities[rng.randrange(len(cities))] if cities and rng.random() < 0.5 else None
        return _Deal(
            _KINDS[rng.randrange(len(_KINDS))],
            tuple(sorted(parties, key=lambda i: self.actors[i].id)),
            place,
            _STATUSES[rng.randrange(len(_STATUSES))],
            rng.randrange(len(_TOPICS)),
            rng.randrange(len(_DEAL_TEMPLATES)),
            round(0.6 + 0.4 * rng.random(), 2),
            rng.random() < 0.2,
        )

    def documents(self) -> Iterator[_Doc]:
        """The plan, one document at a time."""
        rng = self.rng
        n = len(self.actors)
        new_per_doc = max(1.0, self.relations_per_doc * (1 - self.repeat_share))
        n_docs = max(1, math.ceil(self.n_relations / new_per_doc))
        # Seed every type with up to two actors so early facts have counterparts.
        for t in EntityType:
            for _ in range(2):
                self._join_next_of(t)
        made = 0
        deal_credit = 0.0
        number = 0
        horizon = 0.8 * self.n_relations
        while made < self.n_relations:
            day = min(_SPAN_DAYS, number * _SPAN_DAYS // n_docs + rng.randrange(7))
            doc = _Doc(number, _EPOCH + dt.timedelta(days=day))
            in_doc: set[tuple[int, RelationType, int]] = set()
            new_in_doc = 0
            for _ in range(self.relations_per_doc):
                if made >= self.n_relations:
                    break
                if self.past and rng.random() < self.repeat_share:
                    old = self.past[int(rng.random() * len(self.past))]
                    key3 = (old.source, old.rtype, old.target)
                    if key3 not in in_doc:
                        in_doc.add(key3)
                        templates = _TEMPLATES[old.rtype]
                        doc.facts.append(
                            _Fact(
                                old.source,
                                old.rtype,
                                old.target,
                                rng.randrange(len(templates)),
                                rng.randrange(len(_TOPICS)),
                                round(0.6 + 0.4 * rng.random(), 2),
                            )
                        )
                    continue
                self._grow_to(math.ceil(n * min(1.0, (made + 1) / horizon)))
                fact = self._new_fact()
                in_doc.add((fact.source, fact.rtype, fact.target))
                doc.facts.append(fact)
                self.past.append(fact)
                made += 1
                new_in_doc += 1
            deal_credit += new_in_doc * self.agreement_share
            while deal_credit >= 1.0:
                deal_credit -= 1.0
                doc.deals.append(self._deal())
            yield doc
            number += 1


def _plan(
    n_actors: int,
    n_relations: int,
    seed: int,
    relations_per_doc: int,
    agreement_share: float,
    repeat_share: float,
) -> _Planner:
    return _Planner(
        n_actors,
        n_relations,
        seed=seed,
        relations_per_doc=relations_per_doc,
        agreement_share=agreement_share,
        repeat_share=repeat_share,
        uniform_share=0.25,
    )


def _join_names(names: Sequence[str]) -> str:
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + f" and {names[-1]}"


class _Writer:
    """Renders one planned document to text and models, computing spans while concatenating."""

    def __init__(self, actors: list[_Actor], seed: int) -> None:
        self.actors = actors
        self.seed = seed
        self.entities: dict[int, Entity] = {}

    def entity(self, i: int) -> Entity:
        e = self.entities.get(i)
        if e is None:
            a = self.actors[i]
            e = Entity(id=a.id, type=a.type, name=a.name, country=a.country)
            self.entities[i] = e
        return e

    def delta(self, doc: _Doc) -> KnowledgeGraph:
        actors = self.actors
        header = f"Quantum ecosystem bulletin {self.seed}-{doc.number}, {doc.published.isoformat()}."
        parts = [header]
        pos = len(header)
        spans: list[tuple[int, int, str]] = []
        for k, fact in enumerate(doc.facts):
            sentence = _TEMPLATES[fact.rtype][fact.template].format(
                s=actors[fact.source].name, t=actors[fact.target].name, topic=_TOPICS[fact.topic]
            )
            sep = "\n" if k % 8 == 0 else " "
            start = pos + len(sep)
            parts += (sep, sentence)
            pos = start + len(sentence)
            spans.append((start, pos, sentence))
        deal_spans: list[tuple[int, int, str]] = []
        for deal in doc.deals:
            sentence = _DEAL_TEMPLATES[deal.template].format(
                parties=_join_names([actors[p].name for p in deal.parties]),
                kind=_KIND_WORDS[deal.kind],
                topic=_TOPICS[deal.topic],
            )
            start = pos + 1
            parts += ("\n", sentence)
            pos = start + len(sentence)
            deal_spans.append((start, pos, sentence))
        text = "".join(parts)
        document = Document.from_text(
            text,
            title=f"Synthetic ecosystem bulletin {doc.number}",
            source=f"synthetic://qkg/{self.seed}/{doc.number}",
            published=doc.published,
        )
        did = document.id
        used: dict[int, None] = {}
        relations = []
        for fact, (start, end, sentence) in zip(doc.facts, spans, strict=True):
            used[fact.source] = used[fact.target] = None
            ev = Evidence(
                document_id=did,
                sentence=sentence,
                start=start,
                end=end,
                rule=f"synthetic:{fact.rtype.value.lower()}:{fact.template}",
                confidence=fact.confidence,
            )
            relations.append(
                Relation(
                    source=actors[fact.source].id,
                    type=fact.rtype,
                    target=actors[fact.target].id,
                    evidence=(ev,),
                    confidence=fact.confidence,
                )
            )
        agreements: dict[str, Agreement] = {}
        for deal, (start, end, sentence) in zip(doc.deals, deal_spans, strict=True):
            date = str(doc.published.year) if deal.year_only else doc.published.isoformat()
            parties = tuple(actors[p].id for p in deal.parties)
            aid = agreement_id(deal.kind, parties, date)
            if aid in agreements:  # the same parties signed the same kind twice that day
                continue
            for p in deal.parties:
                used[p] = None
            if deal.place is not None:
                used[deal.place] = None
            agreements[aid] = Agreement(
                id=aid,
                kind=deal.kind,
                title=f"{_KIND_WORDS[deal.kind].capitalize()} on {_TOPICS[deal.topic]}",
                parties=parties,
                date=date,
                place=actors[deal.place].id if deal.place is not None else None,
                topics=(_TOPICS[deal.topic],),
                status=deal.status,
                evidence=(
                    Evidence(
                        document_id=did,
                        sentence=sentence,
                        start=start,
                        end=end,
                        rule=f"synthetic:agreement:{deal.template}",
                        confidence=deal.confidence,
                    ),
                ),
            )
        return KnowledgeGraph(
            document=document,
            entities=tuple(self.entity(i) for i in used),
            relations=tuple(relations),
            agreements=tuple(agreements.values()),
        )


def generate_deltas(
    n_actors: int,
    n_relations: int,
    *,
    seed: int = 0,
    relations_per_doc: int = 100,
    agreement_share: float = 0.05,
    repeat_share: float = 0.1,
) -> Iterator[KnowledgeGraph]:
    """Yield the synthetic corpus, one validated document delta at a time.

    ``n_relations`` distinct relations over ``n_actors`` actors, ``relations_per_doc``
    relation sentences per document (a ``repeat_share`` of them repeat an earlier relation
    as new evidence), and about ``agreement_share * n_relations`` agreements. The same
    arguments always give the same corpus.

    Examples
    --------
    >>> deltas = list(generate_deltas(50, 200, seed=1, relations_per_doc=40))
    >>> sum(len({r.key for r in d.relations}) for d in deltas) >= 200
    True
    >>> all(d.document.text[r.evidence[0].start : r.evidence[0].end] == r.evidence[0].sentence
    ...     for d in deltas for r in d.relations)
    True
    """
    planner = _plan(n_actors, n_relations, seed, relations_per_doc, agreement_share, repeat_share)
    writer = _Writer(planner.actors, seed)
    for doc in planner.documents():
        yield writer.delta(doc)


def generate_networkx(
    n_actors: int,
    n_relations: int,
    *,
    seed: int = 0,
    relations_per_doc: int = 100,
    agreement_share: float = 0.05,
    repeat_share: float = 0.1,
    types: Iterable[RelationType] | None = None,
) -> nx.Graph:
    """The same ecosystem as :func:`generate_deltas`, built directly as an undirected graph.

    Edges are the links of ``types`` (default: the collaboration links, ``PARTNERS_WITH``
    plus ``PARTY_TO`` = co-parties of an agreement); parallel links between one pair merge
    into one edge whose ``weight`` is their total number of pieces of evidence. Nodes carry
    ``type``, ``name`` and ``country`` like ``GraphStore.to_networkx``; every actor of the
    corpus is a node, linked or not.

    Examples
    --------
    >>> g = generate_networkx(50, 200, seed=1, relations_per_doc=40)
    >>> g.number_of_nodes()
    50
    >>> all(d["weight"] >= 1 for _, _, d in g.edges(data=True))
    True
    """
    import networkx as nx

    wanted = frozenset(types) if types is not None else frozenset({R.PARTNERS_WITH, R.PARTY_TO})
    planner = _plan(n_actors, n_relations, seed, relations_per_doc, agreement_share, repeat_share)
    actors = planner.actors
    weights: dict[tuple[int, int], int] = {}
    for doc in planner.documents():
        for fact in doc.facts:
            if fact.rtype in wanted:
                a, b = fact.source, fact.target
                pair = (a, b) if a < b else (b, a)
                weights[pair] = weights.get(pair, 0) + 1
        if R.PARTY_TO in wanted:
            seen: set[str] = set()
            for deal in doc.deals:
                date = str(doc.published.year) if deal.year_only else doc.published.isoformat()
                aid = agreement_id(deal.kind, [actors[p].id for p in deal.parties], date)
                if aid in seen:
                    continue
                seen.add(aid)
                ps = sorted(deal.parties)
                for x in range(len(ps)):
                    for y in range(x + 1, len(ps)):
                        pair = (ps[x], ps[y])
                        weights[pair] = weights.get(pair, 0) + 1
    g = nx.Graph()
    g.add_nodes_from(
        (a.id, {"type": a.type.value, "name": a.name, "country": a.country})
        for a in sorted(actors, key=lambda a: a.id)
    )
    g.add_edges_from((actors[a].id, actors[b].id, {"weight": w}) for (a, b), w in weights.items())
    return g


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.synthetic``: write the corpus as JSON Lines, one delta a line."""
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=main.__doc__)
    parser.add_argument("--actors", type=int, required=True, help="number of actors")
    parser.add_argument("--relations", type=int, required=True, help="number of distinct relations")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--relations-per-doc", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True, help="output file (.jsonl); '-' for stdout")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = relations = agreements = 0
    out = sys.stdout if str(args.out) == "-" else args.out.open("w", encoding="utf-8")
    try:
        for delta in generate_deltas(
            args.actors, args.relations, seed=args.seed, relations_per_doc=args.relations_per_doc
        ):
            out.write(delta.model_dump_json())
            out.write("\n")
            docs += 1
            relations += len(delta.relations)
            agreements += len(delta.agreements)
    finally:
        if out is not sys.stdout:
            out.close()
    took = time.perf_counter() - started
    print(
        f"{docs} documents, {relations} relation sentences, {agreements} agreements in {took:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
