"""Parties named apart from the agreement: an agreement told in one sentence, its parties in the next
(or, through "They" or "the three countries", in the one before).

News often names the pact first and its signatories after it, so the one-sentence rules of
:mod:`.agreements` see an agreement without parties and a list without an agreement:

- "A memorandum of understanding was signed on Monday. It brings together A, B and C."
- "The signatories of the agreement are A, B and C." (the sentence names both)
- "Orbion announced a strategic partnership today. The partnership with B and C will ..."
  (the announcer is a party too)
- "The ministry announced a partnership with three universities. U1, U2 and U3 will jointly ..."
  (the count says how many of the next sentence's names are the parties)
- "G announced the X Initiative – a public-private partnership with A and B" (X is the pact, no
  party: G, or whom its announcer signs for, and A and B are)
- "Leaders from R, E and N met in Telmar. The three countries signed a joint declaration." and
  "A and B reported losses. They also signed an MOU." (the signers one list before; the count,
  when given, must match)

An opener is a sentence whose agreement cue (``SentView.memo["kind"]``, set by
:func:`.agreements.find_agreements`) got no agreement with two parties or more; its parties
come from the next two sentences (or the one before). MOUs, partnerships and joint statements also give
PARTNERS_WITH between every two parties (six at most), as in :mod:`.agreements`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from qkg.schemas import AgreementKind, EntityType, RelationType

from ..context import LIST, ORGS, PLACES, UNFOLDED, Fact, SentView, ids_in
from ..dates import resolve_date
from .agreements import PARTNERING_KINDS, AgreementDraft

__all__ = ["later_party_agreements"]

E = EntityType
R = RelationType
K = AgreementKind
_PARTY_TYPES = ORGS | PLACES
#: Kinds whose parties are partners of each other (as in :mod:`.agreements`).
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
#: "They signed a memorandum ...", "The three countries signed a joint declaration ...": the
#: signers are the actors the sentence before named.
_THEY_SIGNED = re.compile(
    r"^\s*(?:They|(?:The|These|Those|All|Both)\s+(?:(two|three|four|five|six|[2-6])\s+)?"
    r"(?:countries|nations|governments|organi[sz]ations|companies|firms|partners|parties|universities|institutions|"
    r"institutes|sides|cities|states|agencies|ministries|groups|start-?ups))\s+"
    r"(?:(?:have|had|will|also|then|today|jointly|formally|officially|later|subsequently|each)\s+)*"
    r"(?:signed|inked|concluded|agreed|issued|adopted|released|announced|formed|launched|established|entered\s+into|"
    r"struck|sealed|unveiled)\b"
)
#: Nouns of the description that may stand for places (countries sign as their governments).
_PLACE_NOUNS = re.compile(r"\b(?:They|countries|nations|governments|cities|states|sides|parties)\b")


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


def _earlier_parties(before: SentView, opener: SentView) -> list[str] | None:
    """The actors of ``before`` that the opener's plural subject stands for, or None."""
    x = _THEY_SIGNED.match(opener.masked)
    if x is None or opener.indices(lambda t: t in _PARTY_TYPES):
        return None
    places_ok = _PLACE_NOUNS.search(x.group(0)) is not None
    named = list(
        dict.fromkeys(
            before.id(i) for i in before.indices(lambda t: t in ORGS or (places_ok and t in PLACES))
        )
    )
    # the names must be one coordinated list ("A, B and C met ..."), not actors of several roles
    # ("A hired P from B. They signed ...")
    if not any(set(_actors(before, g.group())) >= set(named) for g in _LIST_RX.finditer(before.masked)):
        return None
    want = _COUNTS.get(x.group(1) or "") or (int(x.group(1)) if x.group(1) else None)
    if not 2 <= len(named) <= 6 or (want is not None and len(named) != want):
        return None
    return named


def _later_parties(opener: SentView, later: SentView) -> tuple[list[str], str] | None:
    m = later.masked
    for rx, rule in ((_IT_NAMES, "parties-named-next"), (_NAMED_AS, "signatories-named-next")):
        x = rx.match(m)
        if x is not None:
            named = _actors(later, x.group(1))
            # "The other signatories are B and C": the opener's one actor signed too
            own = _actors(opener, opener.masked)
            if re.search(r"\bother\b", x.group(0), re.I) and len(own) == 1 and own[0] not in named:
                named = own + named
            return named, rule
    x = _THE_PACT_WITH.match(m)
    if x is not None:
        own = _actors(opener, opener.masked)
        if len(own) == 1:
            return own + _actors(later, x.group(1)), "pact-with-named-next"
    counted = _counted(opener, later)
    if counted is not None:
        return counted, "counted-parties-next"
    return None


#: "the §P§ Initiative in January – a public-private partnership with §A§ and §B§": a named programme
#: set in apposition to the partnership it is; its counterparts are named after "with".
_NAMED_PACT = re.compile(
    r"§(\d+)§[^§.;]{0,30}?\s*[–—-]\s+an?\s+(?:[\w-]+\s+){0,3}?(?:partnership|alliance|collaboration|joint\s+venture)\s+"
    rf"(?:between|with|of)\s+({LIST})"
)
#: Last words of a programme's or a pact's own name.
_PACT_NAMES = frozenset(
    {"initiative", "programme", "program", "partnership", "alliance", "project", "mission"}
)
#: The subject that announced or launched it: "§p§ announced the §P§ ..." (a person signs for their organisation).
_ANNOUNCER = re.compile(
    r"^\s*(?:[^§]{0,40}?\s)?§(\d+)§\s+(?:(?:has|have|had|also|today|jointly|formally|officially)\s+)*"
    r"(?:announced|launched|unveiled|signed|set\s+up|established|created|formed|introduced)\b"
)


def _named_pacts(
    views: Sequence[SentView], represents: dict[str, str], doc_date: str | None
) -> tuple[list[AgreementDraft], list[tuple[int, Fact]], set[str]]:
    """Partnerships named as programmes: "X announced the §P§ – a public-private partnership with A
    and B"; also the programmes so named (no party of their own partnership)."""
    out: list[AgreementDraft] = []
    facts: list[tuple[int, Fact]] = []
    pacts: set[str] = set()
    for k, v in enumerate(views):
        # the apposition may have been folded into the programme's name: read the text before the fold
        unfolded = v.memo.get(UNFOLDED)
        m = unfolded if isinstance(unfolded, str) else v.masked
        if "partnership" not in m and "alliance" not in m and "collaboration" not in m:
            continue
        for x in _NAMED_PACT.finditer(m):
            named = v.mentions[int(x.group(1))].text.split()
            if v.type(x.group(1)) not in {E.PROGRAM, E.CLUSTER} and named[-1].lower() not in _PACT_NAMES:
                continue  # "the Capital of Quantum Initiative" names a programme whatever type it got
            counterparts = _actors(v, x.group(2))
            if not counterparts:
                continue
            a = _ANNOUNCER.match(m[: x.start()])
            lead: list[str] = []
            if a is not None:
                who = v.id(a.group(1))
                who = represents.get(who, who) if v.type(a.group(1)) is E.PERSON else who
                if who not in counterparts and (
                    v.type(a.group(1)) in _PARTY_TYPES or who in represents.values()
                ):
                    lead = [who]
            parties = lead + counterparts
            if len(parties) < 2:
                continue
            pacts.add(v.id(x.group(1)))
            d = AgreementDraft(K.PARTNERSHIP, parties, [k], "named-pact-with", 0.7)
            d.date = resolve_date(v.sent.text, doc_date)
            out.append(d)
            pairs = [(lead[0], b) for b in counterparts] if lead else list(combinations(counterparts, 2))
            facts += [(k, Fact(p, R.PARTNERS_WITH, q, "named-pact-with", 0.7)) for p, q in pairs]
    return out, facts, pacts


def later_party_agreements(
    views: Sequence[SentView],
    drafts: Sequence[AgreementDraft],
    doc_date: str | None,
    represents: dict[str, str] | None = None,
) -> tuple[list[AgreementDraft], list[tuple[int, Fact]], set[str]]:
    """Agreements whose parties the sentences after their cue name, with their PARTNERS_WITH facts,
    and the programmes named as partnerships (``pacts``: no party of their own partnership).

    >>> from qkg.loaders.extract import extract
    >>> from qkg.schemas import Document
    >>> kg = extract(Document.from_text(
    ...     "A memorandum of understanding was signed on Monday. "
    ...     "It brings together Kvantra Labs, Orbion Systems and the University of Varno."))
    >>> [(a.kind.value, len(a.parties)) for a in kg.agreements]
    [('MOU', 3)]
    """
    out, facts, pacts = _named_pacts(views, represents or {}, doc_date)
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
        earlier = _earlier_parties(views[k - 1], views[k]) if k > 0 else None
        if earlier is not None:
            found.append((k - 1, (earlier, "parties-named-before")))
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
            if kind in PARTNERING_KINDS and len(parties) <= 6:
                # "A's partnership with B and C": A partners with each; B and C are not said to
                pairs = (
                    [(parties[0], b) for b in parties[1:]]
                    if rule == "pact-with-named-next"
                    else list(combinations(parties, 2))
                )
                # the evidence is the sentence that says who signed: the later one, or the opener
                # when its subject stands for the names before it
                said = max(j, k)
                facts += [(said, Fact(a, R.PARTNERS_WITH, b, rule, 0.7)) for a, b in pairs]
    return out, facts, pacts
