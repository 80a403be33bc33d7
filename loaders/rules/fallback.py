"""Fallback rules: cue words and clause structure where no phrasing rule matched.

The phrasing families read exact word orders; new articles say the same things in orders
nobody wrote a rule for. These rules run after every family, once per document, and add
a relation only for a pair no other rule related: a membership cue with a group and a
list of organisations in one clause, a collaboration cue between a subject and the
organisations after it, a purchase or supply verb between a buyer and a supplier. Their
facts carry a ``fallback.`` rule name and a confidence below every phrasing rule's.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from functools import cache
from itertools import pairwise

from qkg.schemas import AgreementKind, EntityType, RelationType

from ..context import ENT, GROUPS, LIST, ORGS, Fact, SentView, ids_in
from ..deadline import check
from ..patterns import ROLE_WORDS
from . import fastre as re
from .agreements import SPEAKER, AgreementDraft
from .literals import Gated, compile_gated
from .member_lists import MEMBERS_OWNER
from .money import MONEY, RECIPIENTS
from .rule import gate
from .words import alternation, may_hold

__all__ = ["CONFIDENCE", "fallback_agreements", "fallback_facts"]

E = EntityType
R = RelationType
K = AgreementKind

#: Below every phrasing rule's confidence (they use 0.6 to 0.9).
CONFIDENCE = 0.5
_ORGS = frozenset(ORGS)
#: Clause boundaries: a semicolon, a dash aside, a contrast.
_CLAUSE = re.compile(r";|\s[–—]\s|,\s+(?:while|whereas|but)\s")
_LIST_RX = re.compile(LIST)
#: A clause about money or customers: its lists are investors or buyers, never members or partners.
_NOT_MEMBERS = compile_gated(
    r"\b(?:invest\w*|funding\s+round|round|raised?|raising|series\s+[a-e]|stake|"
    r"customers?|clients?|acquir\w*|acquisition|bought|grants?)\b",
    re.I,
)
#: What may not come right before a member list: it is someone's funder, partner or rival.
_LIST_AFTER = re.compile(
    r"\b(?:by|from|with|to|than|against|versus|vs\.?|between|among)\s+(?:the\s+)?$", re.I
)
_KEEP_BY = re.compile(r"\b(?:formed|made\s+up|comprised|composed|joined)\s+(?:by|of)\s+(?:the\s+)?$", re.I)
#: "the consortium", "its founding members": the group named in the sentence before.
_GROUP_REF = re.compile(
    r"\b(?:the|this|its|their)\s+(?:new\s+|newly\s+formed\s+|founding\s+)?(?:[\w-]+\s+)?"
    r"(?:members|partners|participants|line-?up)\b",
    re.I,
)
#: Sentences that say who did NOT join, or might.
#: (case-sensitive: "May" is a month)
_NEGATED = re.compile(
    r"\b(?:[Nn]ot|[Nn]ever|[Nn]o\s+longer|left|quit|withdr[ae]w\w*|exit\w*|[Cc]ould|may|[Mm]ight|[Ww]ould)\b"
)


@cache
def _words(name: str) -> Gated:
    """The list as a pattern, behind the gate of its words (searched only where one occurs)."""
    return compile_gated(rf"\b(?:{alternation(name)})\b", re.I)


@cache
def _gate(name: str) -> Gated:
    """The list as a case-sensitive pattern for lower-cased text (an ignore-case alternation is slow),
    behind the gate of its words (an alternation of 45 cues walks every position of a text)."""
    return compile_gated(rf"\b(?:{alternation(name)})\b")


_ROLE_GATE = re.compile(rf"\b(?:{ROLE_WORDS})\b")
_MONEY_GATE = (
    "fund",
    "grant",
    "invest",
    "financ",
    "loan",
    "equity",
    "subsid",
    "backing",
    "backed",
    "$",
    "€",
    "£",
    "¥",
    "₩",
    "million",
    "billion",
)


def _clauses(m: str) -> Iterator[tuple[int, str]]:
    start = 0
    for x in _CLAUSE.finditer(m):
        yield start, m[start : x.start()]
        start = x.end()
    yield start, m[start:]


def _member_lists(v: SentView, clause: str) -> list[int]:
    """Organisations of the clause's coordinated lists of two or more, outside funder/partner phrases."""
    out: list[int] = []
    for x in _LIST_RX.finditer(clause):
        ids = [i for i in ids_in(x.group(0)) if v.type(i) in _ORGS]
        if len(ids) < 2:
            continue
        before = clause[max(0, x.start() - 30) : x.start()]
        if _LIST_AFTER.search(before) and not _KEEP_BY.search(before):
            continue
        out += ids
    return list(dict.fromkeys(out))


def _group_in(v: SentView, text: str, members: list[int]) -> int | None:
    groups = {i for i in ids_in(text) if v.type(i) in GROUPS and i not in members}
    return groups.pop() if len(groups) == 1 else None


def _previous_group(views: list[SentView], k: int) -> tuple[SentView, int] | None:
    if k == 0:
        return None
    p = views[k - 1]
    groups = {p.id(i) for i in p.indices(lambda t: t in GROUPS)}
    if len(groups) != 1:
        return None
    i = next(i for i in p.indices(lambda t: t in GROUPS))
    return p, i


def _membership(views: list[SentView], k: int) -> Iterator[tuple[str, list[str], bool]]:
    """(group id, member ids, whether the group is a consortium or alliance) per cued clause."""
    v = views[k]
    cue, nouns = _words("fallback_member_cues"), _words("fallback_group_nouns")
    for _, clause in _clauses(v.masked):
        if not _member_cue(cue, clause) or _NOT_MEMBERS.search(clause) or _NEGATED.search(clause):
            continue
        members = _member_lists(v, clause)
        if len(members) < 2:
            continue
        # "§g§'s founding partners include A, B": the possessor holds them, whatever type it was read as
        first = clause.find(f"§{members[0]}§")
        owner = MEMBERS_OWNER.search(clause, 0, first) if first > 0 else None
        g = int(owner.group(1)) if owner is not None else _group_in(v, clause, members)
        if g is not None:
            gid, gname = v.id(g), v.mentions[g].text
        else:
            kinds = {x.lower().replace("programme", "program") for x in nouns.findall(clause)}
            prev = _previous_group(views, k) if _GROUP_REF.search(clause) or kinds else None
            if prev is None or prev[0].id(prev[1]) in {v.id(i) for i in members}:
                continue
            gid, gname = prev[0].id(prev[1]), prev[0].mentions[prev[1]].text
            # "the consortium" refers to a consortium only
            if kinds and not any(kind in gname.lower().replace("programme", "program") for kind in kinds):
                continue
        consortium = re.search(r"consorti|alliance|coalition", f"{gname} {clause}", re.I) is not None
        yield gid, [v.id(i) for i in members], consortium


#: "joined forces", "join hands": an idiom of collaboration, not of joining a group
_JOIN_IDIOM = re.compile(r"\s+(?:forces|hands)\b", re.I)


def _member_cue(cue: re.Pattern[str] | Gated, clause: str) -> bool:
    """Whether the clause holds a membership cue other than the 'join' of 'joined forces'."""
    return any(
        not (x.group(0).lower().startswith("join") and _JOIN_IDIOM.match(clause, x.end()))
        for x in cue.finditer(clause)
    )


def _bulleted(views: list[SentView], k: int) -> tuple[str, list[tuple[int, str]]] | None:
    """A line naming a group and a membership cue, ending with ':', then one organisation per line."""
    v = views[k]
    if not v.sent.text.rstrip().endswith(":") or not _words("fallback_member_cues").search(v.masked):
        return None
    g = _group_in(v, v.masked, [])
    if g is None:
        return None
    items: list[tuple[int, str]] = []
    for j in range(k + 1, len(views)):
        w = views[j]
        first = re.match(r"^\W*?§(\d+)§", w.masked)
        if first is None or w.type(first.group(1)) not in _ORGS:
            break
        items.append((j, w.id(first.group(1))))
    return (v.id(g), items) if len(items) >= 2 else None


_OWN_PARTIES = re.compile(r"\s+(?:between|among|amongst|of)\b")
_JOINT_WITH = re.compile(r"\s+(?:[\w-]+\s+){0,3}?with\b")
_RELATIVE = re.compile(r",?\s+(?:which|who|that|whose)\b")
_TAIL_END = re.compile(
    r"\b(?:such\s+as|including|like|e\.g\.)\b|,?\s+(?:which|that|who|whose|where)\b|,\s+and\b"
    # the partners' phrase ends at the next verb: "... with A and B are part of a round announced by C"
    r"|\b(?:is|are|was|were|has|have|had|will|would|said|says|announced)\b"
    r"|,\s+(?:along\s+with|alongside|in\s+addition\s+to|next\s+to|close\s+to)\b"
    # "... at an event hosted by C", "in the presence of C": who hosts or watches signs nothing
    r"|\b(?:hosted|organi[sz]ed|attended|witnessed|chaired)\s+by\b|\bin\s+the\s+presence\s+of\b"
    # a purpose clause names what the partners make or support, not a partner: "sign an MoU to
    # support the establishment of a §centre§" (but "an MoU to work with B" names one)
    r"|\bto\s+(?!(?:partner|collaborat|cooperat|co-operat|work|team|join)\w*\b)[a-z]+\b"
)


#: A possessor of other actors: "§A§'s rivals §B§ and §C§" (A is not what they do).
_OTHERS_OF = re.compile(
    r"'s?\s+(?:[\w-]+\s+){0,2}?(?:rivals?|competitors?|customers?|clients?|investors?|backers?|peers|suppliers?)\b"
)


def _end_of(text: str, i: int) -> int:
    """Where the mention ``i`` ends in ``text``."""
    return text.index(f"§{i}§") + len(f"§{i}§")


def _partners(v: SentView) -> Iterator[tuple[str, str]]:
    """(subject, partner) pairs: the clause's first organisation before a collaboration cue and those after it."""
    cue = _words("fallback_collab_cues")
    for _, clause in _clauses(v.masked):
        x = cue.search(clause)
        if x is None or _NOT_MEMBERS.search(clause) or _NEGATED.search(clause):
            continue
        # "a joint programme with B", not "A's and B's joint facility C"
        if x.group(0).lower() == "joint" and not _JOINT_WITH.match(clause, x.end()):
            continue
        # "A's CEO praised the collaboration between B and C": the pact names its own parties
        if _OWN_PARTIES.match(clause, x.end()):
            continue
        head = clause[: x.start()]
        # "experts at A and B, with whom it has collaborations": the partners came before the cue
        if re.search(r"\b(?:according\s+to|said|says|told|with\s+whom|with\s+which)\b", head, re.I):
            continue
        # in "A ..., B, which partners with C" the relative clause is B's
        rel = list(_RELATIVE.finditer(head))
        if rel:
            inner = [i for i in ids_in(head[rel[-1].end() :]) if v.type(i) in _ORGS]
            outer = [i for i in ids_in(head[: rel[-1].start()]) if v.type(i) in _ORGS]
            before = inner or outer[-1:]
        else:
            # "A's rivals B and C have partnered with D": the possessor is no subject
            before = [
                i for i in ids_in(head) if v.type(i) in _ORGS and not _OTHERS_OF.match(head, _end_of(head, i))
            ]
        # partners end where a list of examples or a relative clause starts
        rest = clause[x.end() :]
        # "..., Ada Lin of C said": the speaker's organisation is no partner
        speaker = SPEAKER.search(rest)
        tail = _TAIL_END.split(rest[: speaker.start()] if speaker else rest, maxsplit=1)[0]
        after = [i for i in ids_in(tail) if v.type(i) in _ORGS]
        if not before or not after:
            continue
        a = v.id(before[0])
        for b in after:
            if v.id(b) != a:
                yield a, v.id(b)


#: What a purchase of a machine names (a licence or a stake bought is no supply contract).
_GOODS = (
    r"(?:computers?|supercomputers?|systems?|machines?|processors?|chips?|QPUs?|devices?|sensors?|"
    r"refrigerators?|cryostats?|hardware|platforms?|lasers?)\b"
)
_BUY = re.compile(
    r"§(\d+)§[^§;]{0,60}?\b(?:bought|buys|buy|procured|procures|procure|ordered|orders|purchased|purchases|purchase|leased|leases|lease|"
    r"acquired|acquires|acquire)\s+(?:a|an|its|their|two|three|four|\d+|the|first)\s+"
    rf"(?:[^§;]|§\d+§){{0,60}}?(?:§\d+§|\b{_GOODS})[^§;]{{0,40}}?\bfrom\s+(?:the\s+)?"
    rf"({LIST})"
)
_SUPPLY = re.compile(
    r"§(\d+)§\s+(?:(?:will|would|is\s+to|are\s+to|has\s+agreed\s+to|have\s+agreed\s+to|is\s+set\s+to|also)\s+)*"
    r"(?:supply|supplies|supplied|deliver|delivers|delivered|provide|provides|provided|install|installs|installed)\s+"
    r"[^§;]{0,80}?\bto\s+(?:the\s+)?§(\d+)§"
)
_SELECTED_BY = re.compile(
    r"§(\d+)§\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)(?:selected|chosen|picked|contracted|commissioned)\s+"
    r"(?:to\s+(?:supply|deliver|build|provide|install)\b[^§;]{0,80}?|as\s+[^§;]{0,40}?)?\bby\s+(?:the\s+)?§(\d+)§"
)


_SUPPLY_GATE = (
    "bought",
    "buy",
    "procur",
    "order",
    "purchas",
    "lease",
    "acquir",
    "suppl",
    "deliver",
    "provid",
    "install",
    "select",
    "chosen",
    "picked",
    "contracted",
    "commissioned",
)


def _supplies(v: SentView) -> Iterator[tuple[str, str]]:
    """(buyer, supplier) pairs of a purchase or supply stated in the sentence."""
    m = v.masked
    for x in _BUY.finditer(m):
        for s in ids_in(x.group(2)):
            yield v.id(x.group(1)), v.id(s)
    for x in _SUPPLY.finditer(m):
        yield v.id(x.group(2)), v.id(x.group(1))
    for x in _SELECTED_BY.finditer(m):
        yield v.id(x.group(2)), v.id(x.group(1))


_ROLE = re.compile(rf"\b(?:{ROLE_WORDS})\b", re.I)
_MENTION = re.compile(ENT)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or|&|as\s+well\s+as|with|plus)\b", re.I)
_OWN_ROLE = re.compile(r"['’]s?(?:\s+[\w-]+){1,5}")
#: Public offices, held in governments and places, never in companies or universities.
_PUBLIC_OFFICE = re.compile(
    r"\b(?:minister|senator|governor|mayor|premier|ambassador|councillor|congress(?:man|woman)|secretary\s+of\s+state)\b",
    re.I,
)
_NOT_GOVERNED = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE})
#: A role in apposition right after a person: "§p§, Principal Investigator, §q§", "§p§, the CEO of".
_OWN_APPOSED_ROLE = re.compile(rf",\s+(?:(?:the|a|an)\s+)?(?:[\w.-]+\s+){{0,3}}?(?i:{ROLE_WORDS})\b")
#: Words between a person and an organisation that make the role someone else's or no role at all.
_NOT_ROLE = re.compile(
    r"\b(?:said|says|told|tells|praised|thanked|met|meets|visited|visits|replac\w*|succeed\w*|compet\w*|rivals?|"
    r"than|versus|vs|against|according|partner(?:s|ed|ing)?\s+with|partnership|collaborat\w*|invest\w*|acquir\w*|"
    r"sold|sells|bought|buys|hired|hires|appointed|appoints|named|names|welcomed|welcomes|thanks|congratulat\w*|"
    r"customers?|clients?|former\s+rival|not|under|alongside|"
    # chairs, heads and leaders lead (the leadership rules' call), they are not staff
    r"chair\w*|co-chair\w*|head|heads|headed|heading|leads?|led|leader|leading)\b|[;:()\"“”]|,\s*and\b",
    re.I,
)


#: A role someone else holds: a definite role after a verb or a preposition ("P joined the
#: president of O", "P wrote to the CEO of O", "P, with the minister of O"): P is not its holder.
_OTHERS_ROLE = re.compile(
    rf"\b(?:joined|joins|joining|with|to|by|from|and)\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?i:{ROLE_WORDS})\b",
    re.I,
)


def _roles(v: SentView) -> Iterator[tuple[str, str]]:
    """(person, organisation) pairs next to each other in a clause with a role word between them."""
    for _, clause in _clauses(v.masked):
        # a technology in a title ("Vice President of Quantum Software") separates nobody
        spots = [
            (x.start(), x.end(), int(x.group(1)))
            for x in _MENTION.finditer(clause)
            if v.type(x.group(1)) is not E.TECHNOLOGY
        ]
        for (_, e1, a), (s2, e2, b) in pairwise(spots):
            ta, tb = v.type(a), v.type(b)
            if ta is E.PERSON and tb in _ORGS:
                person, org = a, b
                # "P, O's chief scientist": the role follows the organisation
                between = clause[e1:s2] + (x.group(0) if (x := _OWN_ROLE.match(clause, e2)) else "")
            elif tb is E.PERSON and ta in _ORGS:
                person, org, between = b, a, clause[e1:s2]
                if _COORDINATED.match(between):  # "... from O and Prof. P": P is the next item
                    continue
                if _OWN_APPOSED_ROLE.match(clause, e2):
                    continue  # "..., O, Prof. P, Director of Q": P's role and organisation follow P
            else:
                continue
            if v.type(org) in _NOT_GOVERNED and _PUBLIC_OFFICE.search(between):
                continue  # "at Orbion on Monday, Industry minister P": a minister holds no company office
            if (
                len(between.split()) <= 8
                and _ROLE.search(between)
                and not _NOT_ROLE.search(between)
                and not (person < org and _OTHERS_ROLE.search(between))
            ):
                yield v.id(person), v.id(org)


#: Money in a clause: an amount or a funding word.
_FUNDING_WORD = (
    r"\b(?:fund(?:s|ed|ing)?|grants?|granted|invest\w*|financ\w*|loans?|equity|subsid\w*|backing|backed)\b"
)
_FUNDING = re.compile(rf"{MONEY}|{_FUNDING_WORD}", re.I)
#: The same without the amounts (a case-insensitive amount costs ~1 us a character: every
#: position tries the currency alternatives), and its cue words for :func:`.words.may_hold`.
_FUNDING_WORD_RX = re.compile(_FUNDING_WORD, re.I)
_FUNDING_WORDS = frozenset(
    {
        "fund",
        "funds",
        "funded",
        "funding",
        "grant",
        "grants",
        "granted",
        "loan",
        "loans",
        "equity",
        "backing",
        "backed",
    }
)
_FUNDING_STEMS = ("invest", "financ", "subsid")
#: Every amount holds a digit that no mention tag's § stands right before (an amount's first digit
#: follows a currency sign, a currency code, a space or an R, or starts a run that a § cannot end).
_TAG = re.compile(r"§\d+§")
_DIGIT = re.compile(r"\d")


def _funding_cue(clause: str) -> re.Match[str] | None:
    """``_FUNDING.search(clause)``, faster: without a digit outside the mention tags no amount can
    match, and then the leftmost match is the funding word's, found only where its words occur."""
    if _DIGIT.search(_TAG.sub("", clause)) is not None:
        return _FUNDING.search(clause)
    if not may_hold(clause, _FUNDING_WORDS, _FUNDING_STEMS):
        return None
    return _FUNDING_WORD_RX.search(clause)


#: A funder by name: a bank, a fund, an investor.
_FUNDER_NAME = re.compile(r"\b(?:Bank|Fund|Funds|Capital|Ventures?|Investments?|Investors?|Finance|VC)\b")
#: A clause where the money goes elsewhere, is not given, or is the subject's own spending.
_NOT_FUNDING = compile_gated(
    r"\b(?:revenue|sales|valuation|valued|worth|market|contract|customers?|clients?|acquir\w*|acquisition|bought|"
    r"buys?|sold|sells|loss|losses|costs?|price|spent|spend|spends|paid|pays|fined|patents?|licen[cs]es?|permits?|"
    r"permission|approval|rights|status|visas?|deals?|suppl(?:y|ies)|deliver\w*)\b",
    re.I,
)


#: Money asked for, needed or hoped for is not given.
_HEDGED = compile_gated(
    r"\b(?:need|needs|needed|should|must|urg\w*|call(?:s|ed)?\s+(?:for|out)|asks?|asked|seek\w*|hop\w*)\b",
    re.I,
)


#: A list introduced as investors: "existing investors A and B", "other investors included A and B".
_INVESTORS_BEFORE = re.compile(r"\b(?:investors|backers|co-investors)\b[^§]{0,30}$", re.I)


def _funder(v: SentView, i: int) -> bool:
    return v.type(i) is E.GOVERNMENT_BODY or (
        v.type(i) in _ORGS and _FUNDER_NAME.search(v.mentions[i].text) is not None
    )


def _funding(v: SentView) -> Iterator[tuple[str, str]]:
    """(funder, recipient): a clause with money, funders, and exactly one organisation that is none."""
    for _, clause in _clauses(v.masked):
        if not _funding_cue(clause) or _NOT_FUNDING.search(clause) or _NEGATED.search(clause):
            continue
        if _HEDGED.search(clause):
            continue
        ids = ids_in(clause)
        funders = [i for i in ids if _funder(v, i)]
        others = [i for i in ids if v.type(i) in RECIPIENTS and not _funder(v, i)]
        if not funders or len(others) != 1 or len({v.id(i) for i in funders}) > 3:
            continue
        b = others[0]
        # "PsiQuantum's endeavour" is what the money is for, not who gets it
        if re.search(rf"§{b}§['’]", clause):
            continue
        # "the fund and the centre have invested", "joined by A Ventures, B Partners and C Capital",
        # "existing investors A Ventures and B Partners": a co-funder listed with the funders or as an investor
        cue = _funding_cue(clause)
        if any(
            b in ids_in(x.group(0))
            and len(ids_in(x.group(0))) > 1
            and (
                (cue and x.end() <= cue.start())
                or any(f in ids_in(x.group(0)) for f in funders)
                or _INVESTORS_BEFORE.search(clause, max(0, x.start() - 40), x.start())
            )
            for x in _LIST_RX.finditer(clause)
        ):
            continue
        for a in funders:
            yield v.id(a), v.id(b)


def _org_pair(types: dict[str, EntityType], a: str, b: str) -> bool:
    return a != b and types.get(a) in _ORGS and types.get(b) in _ORGS


def fallback_facts(
    views: list[SentView],
    related: Set[frozenset[str]],
    types: dict[str, EntityType],
    funded: Set[int] = frozenset(),
) -> list[tuple[int, Fact]]:
    """Facts, keyed by sentence, for pairs no phrasing rule related (``funded``: sentences with an investment)."""
    out: list[tuple[int, Fact]] = []
    seen = set(related)

    def add(k: int, a: str, rtype: RelationType, b: str, rule: str) -> None:
        pair = frozenset((a, b))
        if a != b and pair not in seen:
            seen.add(pair)
            out.append((k, Fact(a, rtype, b, rule, CONFIDENCE)))

    member_gate, collab_gate = _gate("fallback_member_cues"), _gate("fallback_collab_cues")
    for k, v in enumerate(views):
        check()  # the document's time limit, once per sentence
        if v.masked.count("§") < 2:
            continue
        low = v.masked.lower()
        if member_gate.search(low):
            bullets = _bulleted(views, k)
            if bullets is not None:
                gid, items = bullets
                for j, a in items:
                    add(j, a, R.PART_OF, gid, "fallback.member-lines")
            if v.masked.count("§") >= 4:
                for gid, members, _ in _membership(views, k):
                    for a in members:
                        add(k, a, R.PART_OF, gid, "fallback.members")
        if E.PERSON in v.types and _ROLE_GATE.search(low):
            for p, o in _roles(v):
                add(k, p, R.AFFILIATED_WITH, o, "fallback.role")
        if k not in funded and gate(low, _MONEY_GATE) and _funding_cue(v.masked):
            for a, b in _funding(v):
                add(k, a, R.INVESTS_IN, b, "fallback.funding")
        if collab_gate.search(low):
            for a, b in _partners(v):
                if _org_pair(types, a, b):
                    add(k, a, R.PARTNERS_WITH, b, "fallback.partners")
    return out


def fallback_agreements(
    views: list[SentView], drafts: list[AgreementDraft], types: dict[str, EntityType]
) -> list[AgreementDraft]:
    """Consortia of members listed with their alliance, and contracts of a buyer and its supplier."""
    known = [frozenset(d.parties) for d in drafts]
    out: list[AgreementDraft] = []

    def new(kind: AgreementKind, parties: list[str], k: int, rule: str) -> None:
        ps = frozenset(parties)
        if len(ps) >= 2 and not any(ps <= p for p in known):
            known.append(ps)
            out.append(AgreementDraft(kind, list(dict.fromkeys(parties)), [k], rule, CONFIDENCE))

    member_gate = _gate("fallback_member_cues")
    for k, v in enumerate(views):
        check()  # the document's time limit, once per sentence
        if v.masked.count("§") < 4:
            continue
        low = v.masked.lower()
        if member_gate.search(low):
            for _, members, consortium in _membership(views, k):
                if consortium:
                    new(K.CONSORTIUM, members, k, "fallback.consortium")
        if gate(low, _SUPPLY_GATE):
            for a, b in _supplies(v):
                if _org_pair(types, a, b):
                    new(K.CONTRACT, [a, b], k, "fallback.supply")
    return out
