"""The ``Extractor`` protocol and the default deterministic, offline rule extractor.

``RuleExtractor().extract(document)`` runs segmentation, mention detection, resolution,
relation, agreement and goal rules, and returns a :class:`qkg.schemas.KnowledgeGraph`
delta whose every relation, agreement and goal quotes its sentence exactly. A statistical
or LLM extractor can replace it by implementing the same one-method protocol.
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from qkg.schemas import (
    SIGNATURES,
    SYMMETRIC_TYPES,
    Agreement,
    AgreementKind,
    Document,
    Entity,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    Relation,
    RelationType,
    allows,
)

from .context import ORGS, PLACES, Fact, SentView, build_views
from .dates import dateline
from .deadline import DEFAULT_TIME_LIMIT, check, time_limit
from .gazetteer import Gazetteer, default_gazetteer
from .goals import find_goals
from .mentions import find_mentions
from .relations import fallback_pass, relation_facts
from .resolve import resolve
from .rules.agreement_life import agreement_life
from .rules.agreements import AgreementDraft, find_agreements, representatives, without_echoes
from .rules.deals import deal_agreements
from .rules.develops import described_then_named_facts, owner_named_facts
from .rules.group_agreements import consortium_agreements, listed_group_members
from .rules.group_founders import group_founder_facts
from .rules.group_joiners import counted_partners, pact_joiners
from .rules.human_verbs import focus_join_facts
from .rules.investments import investment_agreements, joint_funding_facts, round_facts
from .rules.later_parties import later_party_agreements
from .rules.leadership import meeting_chair_facts
from .rules.membership import referred_group_facts
from .rules.negation import negated, negated_parties
from .rules.offices import minister_ministry_facts, prefixed_unit_facts
from .rules.references import ANTECEDENT_RULE, antecedent_sentences
from .rules.tech_clauses import pact_work_facts
from .rules.tech_lists import (
    examples_after_focus_facts,
    its_fields_facts,
    listed_technologies,
    these_kinds_facts,
)
from .rules.technologies import specific_technology
from .segment import Sentence, split_sentences

__all__ = ["Extractor", "RuleExtractor", "extract", "young_collections_only"]

E = EntityType
R = RelationType


@runtime_checkable
class Extractor(Protocol):
    """Anything that turns a document into a knowledge-graph delta."""

    name: str

    def extract(self, document: Document) -> KnowledgeGraph: ...


_GC_LOCK = threading.Lock()
_gc_users = 0
_gc_thresholds: tuple[int, int, int] = (0, 0, 0)


@contextmanager
def young_collections_only() -> Iterator[None]:
    """While any extraction runs, the cyclic collector visits only its youngest generation.

    For process entry points (the ``qkg`` commands, benchmarks) to wrap each document's
    extraction in: the library never changes the collector itself, since an application
    embedding qkg owns its process's collector settings.

    Extraction makes many objects that live until the document is done (mentions, views,
    facts); full collections kept walking them, and the process's gazetteer, again and again:
    a sixth of a long document's time. Young cycles are still collected; the older generations
    wait until the last running extraction ends (a counter, so concurrent extractions in
    threads restore the thresholds once).
    """
    global _gc_users, _gc_thresholds
    with _GC_LOCK:
        if _gc_users == 0:
            _gc_thresholds = gc.get_threshold()
            gc.set_threshold(_gc_thresholds[0], 1 << 30, 1 << 30)
        _gc_users += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_thresholds)


#: Subjects the extractor does not read for a relation type although the ontology allows them
#: (curated data may still state them): a government body or a region "working on" a technology
#: in news text funds, promotes or organises it (the funding and programme rules read that), it
#: does not research or build it; none of 140 annotated WORKS_ON facts has such a subject, and
#: every one read was wrong ("the ministry organised conferences on A, B and C").
_NOT_READ_AS_SUBJECT: dict[RelationType, frozenset[EntityType]] = {
    RelationType.WORKS_ON: frozenset({E.GOVERNMENT_BODY, E.REGION}),
}


#: The relation types a word of possibility hedges ("A could partner with / invest in / join B"); a
#: rivalry is told in such words ("could prove competitive with"), a place or a technology is often
#: said with them about something else ("plans to open an office in P", "potential uses of T").
_HEDGED_TYPES = frozenset({R.PARTNERS_WITH, R.INVESTS_IN, R.PART_OF})


@dataclass
class _Acc:
    """Evidence accumulated per fact key before models are built."""

    rel: dict[tuple[str, RelationType, str], list[tuple[int, str, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: per sentence, entities it names only through a reference -> the sentence naming them
    via: dict[int, dict[str, int]] = field(default_factory=dict)
    #: per fact, the sentences naming the antecedents of the references it was read through
    ante: dict[tuple[str, RelationType, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    #: the sentences' views, for the negation guard ("A did not partner with B")
    views: Sequence[SentView] = ()

    def add(self, k: int, f: Fact, types: dict[str, EntityType]) -> None:
        s, t = f.source, f.target
        if s == t or s not in types or t not in types:
            return
        if k < len(self.views) and negated(
            self.views[k], s, t, hedges=f.type in _HEDGED_TYPES, wishes=f.type is R.PARTNERS_WITH
        ):
            return
        if SIGNATURES[f.type].structural or not allows(f.type, types[s], types[t]):
            return
        if types[s] in _NOT_READ_AS_SUBJECT.get(f.type, ()):
            return
        if f.type in SYMMETRIC_TYPES and t < s:
            s, t = t, s
        elif f.type not in SYMMETRIC_TYPES and not (
            types[s] in SIGNATURES[f.type].domain and types[t] in SIGNATURES[f.type].range
        ):
            return
        self.rel[(s, f.type, t)].append((k, f.rule, f.confidence))
        refs = self.via.get(k)
        if refs:
            self.ante[(s, f.type, t)].update(refs[e] for e in (s, t) if e in refs)


def _members_are_no_partners(acc: _Acc, drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """Drop partnerships a sentence reads between a group and its own members.

    "A joined the G consortium alongside B and C" makes B and C members of G; the collaboration
    cue "alongside" also read G as partnering B and C (and a Partnership of G, B and C). A
    sentence that states X PART_OF G states no partnership of G and X.
    """
    members: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for (s, t, o), evs in acc.rel.items():
        if t is R.PART_OF:
            for k, _, _ in evs:
                members[k].add((s, o))
    if not members:
        return drafts
    for key in [key for key in acc.rel if key[1] is R.PARTNERS_WITH]:
        a, _, b = key
        kept = [e for e in acc.rel[key] if (a, b) not in members[e[0]] and (b, a) not in members[e[0]]]
        if not kept:
            del acc.rel[key]
        elif len(kept) < len(acc.rel[key]):
            acc.rel[key] = kept

    def of_a_group(d: AgreementDraft) -> bool:
        if d.kind is not AgreementKind.PARTNERSHIP or not d.sentences:
            return False
        pairs = members.get(d.sentences[0], set())
        return any(all(p == g or (p, g) in pairs for p in d.parties) for g in d.parties)

    return [d for d in drafts if not of_a_group(d)]


class RuleExtractor:
    """The default extractor: gazetteer + patterns + phrasing rules, no model, no network."""

    name = "rules"

    def __init__(
        self, gazetteer: Gazetteer | None = None, *, time_limit: float | None = DEFAULT_TIME_LIMIT
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        #: seconds one document may take (``None``: no limit); past it extraction raises LimitExceeded
        self.time_limit = time_limit

    def extract(self, document: Document) -> KnowledgeGraph:
        """Extract one document's delta (raises :class:`qkg.schemas.LimitExceeded` past the time limit)."""
        with time_limit(self.time_limit):
            return self._extract(document)

    def _extract(self, document: Document) -> KnowledgeGraph:
        text = document.text
        sents = split_sentences(text)
        check()
        mentions = find_mentions(text, sents, self.gazetteer)
        res = resolve(mentions, self.gazetteer, sents)
        types = {eid: d.type for eid, d in res.drafts.items()}
        views = build_views(sents, res.mentions, types)
        doc_date = dateline([s.text for s in sents[:6]]) or (
            document.published.isoformat() if document.published else None
        )

        acc = _Acc(via=antecedent_sentences(res.mentions, sents), views=views)
        programs = [
            (m.start, eid)
            for m, eid in sorted(res.mentions, key=lambda x: x[0].start)
            if types[eid] is E.PROGRAM
        ]
        j, recent = 0, None
        for k, v in enumerate(views):
            check()
            while j < len(programs) and programs[j][0] < v.sent.start:
                recent = programs[j][1]
                j += 1
            for f in relation_facts(v, recent):
                acc.add(k, f, types)
        self._nested(res.mentions, sents, acc, types)
        for k, f in (
            joint_funding_facts(views)
            + round_facts(views)
            + referred_group_facts(views)
            + minister_ministry_facts(views)
            + prefixed_unit_facts(views)
            + owner_named_facts(views)
            + focus_join_facts(views)
            + examples_after_focus_facts(views)
            + described_then_named_facts(views)
            + these_kinds_facts(views)
            + its_fields_facts(views)
            + counted_partners(views)
            + meeting_chair_facts(views)
        ):
            acc.add(k, f, types)
        reps = representatives(acc.rel, types)
        drafts, _, keyed = find_agreements(views, doc_date, reps)
        later, later_facts, pacts = later_party_agreements(views, drafts, doc_date, reps)
        # "the X Initiative – a partnership with A and B": the initiative is the pact, no party to it
        drafts = [d for d in drafts if not pacts.intersection(d.parties)] + later
        keyed = [
            (k, f) for k, f in keyed if f.type is not R.PARTNERS_WITH or not pacts & {f.source, f.target}
        ] + later_facts
        deals, deal_facts = deal_agreements(views)
        drafts += deals
        # the one group a member list names before its members holds them
        deal_facts += listed_group_members(drafts, views)
        # "A and B signed an MOU. The partnership will focus on T": the parties work on T
        deal_facts += pact_work_facts(views, drafts)
        # "A signed an MOU with B. The MOU also involves C": C is a party too
        joined, drafts = pact_joiners(views, drafts)
        deal_facts += joined
        for k, f in keyed + deal_facts:
            acc.add(k, f, types)
        # a verb-only partnership retelling a funding round is that round
        drafts = without_echoes(drafts + investment_agreements(acc.rel, types, views))
        # cue-word rules for what no phrasing rule related
        late, more = fallback_pass(views, acc.rel.items(), types, drafts)
        for k, f in late:
            acc.add(k, f, types)
        drafts += more
        names = {eid: d.name for eid, d in res.drafts.items()}
        # founders of an alliance are its members; members that formed a group founded it
        for k, f in group_founder_facts(views, acc.rel, types, names):
            acc.add(k, f, types)
        # a consortium whose members the membership rules found is one agreement among them
        drafts = consortium_agreements(acc.rel, types, names, views, drafts)
        # "A joined the G consortium alongside B": members of G, not G's partners
        drafts = _members_are_no_partners(acc, drafts)
        # "A denied it had signed an MOU with B": no agreement either; a takeover a buyer announced
        # it plans ("A plans to acquire B") is a deal told, not a wish
        drafts = [
            d
            for d in drafts
            if not (
                d.sentences
                and negated_parties(views[d.sentences[0]], d.parties, wishes=d.rule != "acquisition")
            )
        ]

        relations = self._relations(document, sents, acc)
        agreements = self._agreements(document, sents, drafts, types, res, acc.via, doc_date)
        goals = self._goals(document, sents, views, types)
        used = {r.source for r in relations} | {r.target for r in relations}
        for a in agreements:
            used |= set(a.parties) | ({a.place} if a.place else set())
        used |= {g.owner for g in goals if g.owner}
        topic_names = {t for a in agreements for t in a.topics}
        used |= listed_technologies(views)
        entities: list[Entity] = []
        for eid in sorted(res.drafts):
            d = res.drafts[eid]
            # a technology stays when related, an agreement's topic, listed with others, or named
            # specifically enough to be a fact of its own (:func:`.rules.technologies.specific_technology`)
            if (
                d.type is E.TECHNOLOGY
                and eid not in used
                and d.name not in topic_names
                and not specific_technology(d.name)
            ):
                continue
            entities.append(res.entity(eid))
        return KnowledgeGraph(
            document=document,
            entities=tuple(entities),
            relations=tuple(relations),
            agreements=tuple(agreements),
            goals=tuple(goals),
        )

    # -- pieces ----------------------------------------------------------------------------
    @staticmethod
    def _nested(
        resolved: Iterable[tuple[object, str]], sents: list[Sentence], acc: _Acc, types: dict[str, EntityType]
    ) -> None:
        pairs = list(resolved)
        for m, eid in pairs:
            if getattr(m, "rule", "") != "org-nested":
                continue
            for p, pid in pairs:
                if p is m or getattr(p, "rule", "") == "org-nested":
                    continue
                # "the Quantum Programme of the Research Agency" is the agency's programme, no part of it
                if types.get(pid) is E.PROGRAM:
                    continue
                if p.start <= m.start and m.end <= p.end and pid != eid:  # type: ignore[attr-defined]
                    k = next(i for i, s in enumerate(sents) if s.start <= m.start < s.end)  # type: ignore[attr-defined]
                    acc.add(k, Fact(pid, R.PART_OF, eid, "nested-of-the", 0.8), types)

    @staticmethod
    def _evidence(doc: Document, s: Sentence, rule: str, conf: float) -> Evidence:
        return Evidence(
            document_id=doc.id, sentence=s.text, start=s.start, end=s.end, rule=rule, confidence=conf
        )

    def _span_evidence(
        self,
        doc: Document,
        sents: list[Sentence],
        ks: list[int],
        rule: str,
        conf: float,
        antecedents: Iterable[int] = (),
    ) -> list[Evidence]:
        ks = sorted(set(ks))
        # a party read through a reference ("the company") is named in another sentence: quote it too
        extra = [
            self._evidence(doc, sents[a], ANTECEDENT_RULE, conf) for a in sorted(set(antecedents) - set(ks))
        ]
        # consecutive sentences read together are quoted as one span
        if len(ks) == 2 and ks[1] == ks[0] + 1 and rule in {"definite-reference", "consortium-members"}:
            a, b = sents[ks[0]], sents[ks[1]]
            return [
                Evidence(
                    document_id=doc.id,
                    sentence=doc.text[a.start : b.end],
                    start=a.start,
                    end=b.end,
                    rule=rule,
                    confidence=conf,
                ),
                *extra,
            ]
        return [self._evidence(doc, sents[k], rule, conf) for k in ks] + extra

    def _relations(self, doc: Document, sents: list[Sentence], acc: _Acc) -> list[Relation]:
        out = []
        for (s, t, o), evs in sorted(acc.rel.items(), key=lambda x: (x[0][0], x[0][1].value, x[0][2])):
            seen: dict[int, tuple[str, float]] = {}
            for k, rule, conf in evs:
                if k not in seen or conf > seen[k][1]:
                    seen[k] = (rule, conf)
            ev = tuple(self._evidence(doc, sents[k], rule, conf) for k, (rule, conf) in sorted(seen.items()))
            # the stating sentence says "It"/"the company": the sentence naming the actor is a second span
            top = max(c for _, c in seen.values())
            ev += tuple(
                self._evidence(doc, sents[a], ANTECEDENT_RULE, top)
                for a in sorted(acc.ante.get((s, t, o), ()))
                if a not in seen
            )
            out.append(
                Relation(source=s, type=t, target=o, evidence=ev, confidence=max(c for _, c in seen.values()))
            )
        return out

    def _agreements(
        self,
        doc: Document,
        sents: list[Sentence],
        drafts: list[AgreementDraft],
        types: dict[str, EntityType],
        res: object,
        via: dict[int, dict[str, int]] | None = None,
        doc_date: str | None = None,
    ) -> list[Agreement]:
        from .resolve import Resolved

        assert isinstance(res, Resolved)
        merged: dict[tuple[AgreementKind, frozenset[str]], AgreementDraft] = {}
        for d in drafts:
            parties = [p for p in dict.fromkeys(d.parties) if p in types]
            if len(parties) < 2:
                continue
            key = (d.kind, frozenset(parties))
            if key in merged:
                cur = merged[key]
                cur.sentences = sorted(set(cur.sentences) | set(d.sentences))
                cur.topics += [t for t in d.topics if t not in cur.topics]
                cur.date = cur.date or d.date
                cur.place = cur.place or d.place
            else:
                d.parties = parties
                merged[key] = d
        out: dict[str, Agreement] = {}
        for d in merged.values():
            topics = tuple(dict.fromkeys(res.drafts[t].name for t in d.topics if t in res.drafts))
            refs = via or {}
            ante = {refs[k][p] for k in d.sentences if k in refs for p in d.parties if p in refs[k]}
            ev = tuple(self._span_evidence(doc, sents, d.sentences, d.rule, d.confidence, ante))
            life = agreement_life(ev, doc_date=doc_date)
            a = Agreement.build(
                d.kind,
                tuple(d.parties),
                date=d.date,
                place=d.place,
                topics=topics,
                status=life.status,
                events=life.events,
                ends=life.ends,
                evidence=ev,
                title=_title(d, res),
            )
            if a.id in out:
                continue
            out[a.id] = a
        return [out[k] for k in sorted(out)]

    def _goals(
        self, doc: Document, sents: list[Sentence], views: Sequence[object], types: dict[str, EntityType]
    ) -> list[Goal]:
        from .context import SentView

        vs = [v for v in views if isinstance(v, SentView)]
        out: dict[str, Goal] = {}
        last_owner: str | None = None
        drafts = find_goals([s.text for s in sents])
        by_k = defaultdict(list)
        for g in drafts:
            by_k[g.sentence].append(g)
        for k, v in enumerate(vs):
            # the country in focus is followed through every sentence; owners are read only where goals are
            countries = v.indices(lambda t: t is E.COUNTRY) if E.COUNTRY in v.types else []
            goals = by_k.get(k)
            if goals:
                actors = v.indices(lambda t: t in ORGS | PLACES | {E.PROGRAM})
                owner = v.id(countries[0]) if countries else v.id(actors[0]) if actors else last_owner
                for g in goals:
                    ev = (self._evidence(doc, sents[k], g.rule, 0.7),)
                    goal = Goal.build(g.metric, g.value, g.unit, target_year=g.year, owner=owner, evidence=ev)
                    out.setdefault(goal.id, goal)
            if countries:
                last_owner = v.id(countries[0])
        return [out[k] for k in sorted(out)]


def _title(d: AgreementDraft, res: object) -> str:
    from .resolve import Resolved

    assert isinstance(res, Resolved)
    names = [res.drafts[p].name for p in d.parties if p in res.drafts]
    return f"{d.kind.value}: " + ", ".join(names)


def extract(document: Document, gazetteer: Gazetteer | None = None) -> KnowledgeGraph:
    """Extract ``document`` with the default rule extractor."""
    return RuleExtractor(gazetteer).extract(document)
