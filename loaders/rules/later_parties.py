"""Parties named after the agreement: an agreement told in one sentence, its parties in the next.

News often names the pact first and its signatories after it, so the one-sentence rules of
:mod:`.agreements` see an agreement without parties and a list without an agreement:

- "A memorandum of understanding was signed on Monday. It brings together A, B and C."
- "The signatories of the agreement are A, B and C." (the sentence names both)
- "Orbion announced a strategic partnership today. The partnership with B and C will ..."
  (the announcer is a party too)
- "The ministry announced a partnership with three universities. U1, U2 and U3 will jointly ..."
  (the count says how many of the next sentence's names are the parties)

An opener is a sentence whose agreement cue (``SentView.memo["kind"]``, set by
:func:`.agreements.find_agreements`) got no agreement with two parties or more; its parties
come from the next two sentences. MOUs, partnerships and joint statements also give
PARTNERS_WITH between every two parties (six at most), as in :mod:`.agreements`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from qkg.schemas import AgreementKind, EntityType, RelationType

from ..context import LIST, ORGS, PLACES, Fact, SentView, ids_in
from ..dates import resolve_date
from .agreements import AgreementDraft

__all__ = ["later_party_agreements"]

E = EntityType
R = RelationType
K = AgreementKind
_PARTY_TYPES = ORGS | PLACES
#: Kinds whose parties are partners of each other (as in :mod:`.agreements`).
_PARTNERING = frozenset({K.MOU, K.PARTNERSHIP, K.JOINT_STATEMENT})
#: How many sentences after the opener may name its parties.
_WINDOW = 2
_PACT = (
    r"(?:agreement|partnership|MO[Uu]|memorandum(?:\s+of\s+understanding)?|alliance|consortium|collaboration|"
    r"pact|letter\s+of\s+intent|joint\s+statement|declaration|accord)"
)
#: "It brings together A, B and C", "The agreement was signed by A, B and C", "The new alliance unites A and B".
_IT_NAMES = re.compile(
    rf"^\s*(?:It|This|The\s+(?:[\w-]+\s+){{0,2}}?{_PACT})\s+(?:also\s+|now\s+)?"
    r"(?:brings\s+together|brought\s+together|unites|united|involves|involved|links|gathers|groups|"
    r"(?:was|is|has\s+been|had\s+been|were)\s+(?:jointly\s+)?(?:signed|concluded|agreed|inked)\s+by)\s+"
    rf"({LIST})"
)
#: "The signatories (of the agreement) are A, B and C", "The three partners are A, B and C",
#: "Partners in the alliance include A and B".
_NAMED_AS = re.compile(
    r"^\s*(?:The\s+|Its\s+|Their\s+)?(?:(?:two|three|four|five|six|seven|eight|\d+|founding|other)\s+)?"
    r"(?:signatories|signers|signing\s+parties|parties|partners)"
    rf"(?:\s+(?:of|to|in)\s+the\s+(?:[\w-]+\s+){{0,2}}?{_PACT})?"
    rf"\s+(?:are|were|include|included)\s*:?\s*({LIST})",
    re.I,
)
#: "The partnership with B and C will ...": a definite pact with its counterparts, the opener's
#: one actor as the other side.
_THE_PACT_WITH = re.compile(rf"^\s*The\s+(?:[\w-]+\s+){{0,2}}?{_PACT}\s+with\s+({LIST})")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
#: "a partnership with three universities": how many counterparts the next sentence will name.
_COUNTED = re.compile(
    r"\bwith\s+(two|three|four|five|six|seven|eight|[2-8])\s+(?:[\w-]+\s+){0,2}?"
    r"(?:universities|companies|firms|partners|organi[sz]ations|institutions|institutes|countries|governments|"
    r"cities|states|regions|agencies|start-?ups|laboratories|labs|banks|operators|members)\b"
)
_LIST_RX = re.compile(LIST)


def _actors(v: SentView, text: str) -> list[str]:
    return list(dict.fromkeys(v.id(i) for i in ids_in(text) if v.type(i) in _PARTY_TYPES))


def _openers(views: Sequence[SentView], drafts: Sequence[AgreementDraft]) -> list[int]:
    """Sentences with an agreement cue that no agreement of two parties or more was read from."""
    told = {k for d in drafts if len(d.parties) >= 2 for k in d.sentences}
    return [
        k
        for k, v in enumerate(views)
        if v.memo.get("kind") is not None and v.memo["kind"] is not K.INVESTMENT and k not in told
    ]


def _counted(opener: SentView, later: SentView) -> list[str] | None:
    """The opener's one actor plus exactly the counted counterparts named first in ``later``."""
    x = _COUNTED.search(opener.masked)
    if x is None:
        return None
    before = _actors(opener, opener.masked[: x.start()])
    if len(before) != 1 or _actors(opener, opener.masked[x.end() :]):
        return None
    n = _COUNTS.get(x.group(1)) or int(x.group(1))
    first = _LIST_RX.search(later.masked)
    named = _actors(later, first.group()) if first else []
    if len(named) != n or before[0] in named:
        return None
    return before + named


def _later_parties(opener: SentView, later: SentView) -> tuple[list[str], str] | None:
    m = later.masked
    for rx, rule in ((_IT_NAMES, "parties-named-next"), (_NAMED_AS, "signatories-named-next")):
        x = rx.match(m)
        if x is not None:
            return _actors(later, x.group(1)), rule
    x = _THE_PACT_WITH.match(m)
    if x is not None:
        own = _actors(opener, opener.masked)
        if len(own) == 1:
            return own + _actors(later, x.group(1)), "pact-with-named-next"
    counted = _counted(opener, later)
    if counted is not None:
        return counted, "counted-parties-next"
    return None


def later_party_agreements(
    views: Sequence[SentView], drafts: Sequence[AgreementDraft], doc_date: str | None
) -> tuple[list[AgreementDraft], list[tuple[int, Fact]]]:
    """Agreements whose parties the sentences after their cue name, with their PARTNERS_WITH facts.

    >>> from qkg.loaders.extract import extract
    >>> from qkg.schemas import Document
    >>> kg = extract(Document.from_text(
    ...     "A memorandum of understanding was signed on Monday. "
    ...     "It brings together Kvantra Labs, Orbion Systems and the University of Varno."))
    >>> [(a.kind.value, len(a.parties)) for a in kg.agreements]
    [('MOU', 3)]
    """
    out: list[AgreementDraft] = []
    facts: list[tuple[int, Fact]] = []
    done: set[int] = set()
    for k in _openers(views, drafts):
        kind = views[k].memo["kind"]
        assert isinstance(kind, AgreementKind)
        # "The signatories of the agreement are A, B and C": the opener names its own parties
        own = _NAMED_AS.match(views[k].masked)
        found = (
            [(k, (_actors(views[k], own.group(1)), "signatories-named"))]
            if own is not None and re.search(_PACT, own.group(0), re.I)
            else []
        )
        found += [
            (j, got)
            for j in range(k + 1, min(k + 1 + _WINDOW, len(views)))
            if j not in done and (got := _later_parties(views[k], views[j])) is not None
        ]
        for j, (parties, rule) in found[:1]:
            if len(parties) < 2:
                continue
            done.add(j)
            d = AgreementDraft(kind, parties, sorted({k, j}), rule, 0.7)
            d.date = resolve_date(views[k].sent.text, doc_date)
            d.topics = [views[k].id(i) for i in views[k].indices(lambda t: t is E.TECHNOLOGY)]
            out.append(d)
            if kind in _PARTNERING and len(parties) <= 6:
                # "A's partnership with B and C": A partners with each; B and C are not said to
                pairs = (
                    [(parties[0], b) for b in parties[1:]]
                    if rule == "pact-with-named-next"
                    else list(combinations(parties, 2))
                )
                facts += [(j, Fact(a, R.PARTNERS_WITH, b, rule, 0.7)) for a, b in pairs]
    return out, facts
