"""References: pronouns and definite descriptions that stand for an actor named earlier.

News text names an actor once and then refers to it: "Orbion was founded in Lyon. *It* has
now teamed up with *the American chipmaker*", "*the French start-up*", "*its* CEO", "*the two
companies*". This module finds such references in a sentence (:func:`reference_mentions`)
and, once the named mentions of the document are resolved, decides which entity each one
stands for (:func:`resolve_references`). A resolved reference is an ordinary mention of that
entity, so every relation rule reads it like a name; an unresolved one produces nothing.

A reference resolves only when type, nationality and recency agree on exactly one
candidate:

* descriptions ("the French start-up", "the Lyon-based firm", "the ministry") take the
  entities of their head's type, keep those whose country agrees with the modifier, and
  prefer the one mentioned most recently, then the most salient; a tie resolves nothing;
  the kind a description names narrows them first ("the chip giant" is the company the text
  called a chipmaker, "the start-up" no investor, "the company" after a funding sentence the
  company funded rather than the fund that led the round: see :func:`_kind_fit`);
* "It" opening a sentence is the previous sentence's subject; "it"/"its" inside a sentence
  is the one organisation named before it in that sentence (the previous subject when
  there is none, nothing when there are several);
* "the two companies", "both firms" are the last two entities of the type, "the companies", "the
  partners" (no number) the two or three named in the last few sentences when no others were,
  "they"/"their" the coordinated subjects of the previous sentence;
* places ("the city", "the country") take the closest preceding place of their type.

Nationality comes from the gazetteer (an entity's ``country``) or from the text around a
name: "French start-up Orbion", "Orbion, a Lyon-based company", "Japan's SBI", "Orbion,
headquartered in Lyon"; adjectives are read through the gazetteer's demonyms.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from qkg.schemas import EntityType

from ..context import GROUPS
from ..gazetteer import Gazetteer
from ..segment import Sentence
from . import fastre as re
from .mention import Mention
from .nationality import nationalities, place_country
from .words import alternation, leading_letters, may_hold, prefix_tree, word_list, word_table

__all__ = [
    "ANTECEDENT_RULE",
    "Reference",
    "antecedent_sentences",
    "modifiers_of_unresolved",
    "outside_names",
    "reference_mentions",
    "resolve_references",
]

E = EntityType
#: The rule name of the evidence that quotes the sentence naming a reference's antecedent.
ANTECEDENT_RULE = "reference-antecedent"

_ORGLIKE = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM})
_PLACES = frozenset({E.CITY, E.REGION, E.COUNTRY})
#: how far back (in sentences) a description or a plural looks for its antecedent
_WINDOW = 3
#: how far back (in sentences) candidates are gathered at all (beyond it: only the most mentioned)
_REACH = 12
_NUMBERS = {"two": 2, "three": 3, "four": 4}


@dataclass
class Reference(Mention):
    """A mention that stands for an earlier entity (``rule`` is always ``"anaphor"``)."""

    #: "description", "pronoun" (it), "possessive" (its), "plural", "they" or "place"
    kind: str = "description"
    #: the entity types the reference may stand for
    types: frozenset[EntityType] = frozenset()
    #: the country (ISO code) a modifier requires ("the French start-up" -> FR)
    nationality: str | None = None
    #: how many entities it stands for ("the two companies" -> 2)
    count: int = 1
    #: filled by resolution: for each entity it stands for, where that entity was last named
    antecedents: dict[str, int] = field(default_factory=dict)
    #: the span of a place named as its modifier ("the *Boston* company"), kept as a mention
    #: of its own; unresolved, the description takes the place with it (see :func:`modifiers_of_unresolved`)
    modifier: tuple[int, int] | None = None
    #: "the new institute": an actor the text introduced as new, so only one it already called by
    #: that head ("the institute", "Varno Quantum Institute"), never "the new company" two firms form
    fresh: bool = False
    #: "its investors", "its parent company": masked as the possessor's name with "'s", so the
    #: rules written for "Orbion's investors include ..." read it
    genitive: bool = False


# -- detection ---------------------------------------------------------------------------------


def _heads() -> dict[str, frozenset[EntityType]]:
    return {h: frozenset(E(t) for t in ts.split("|")) for h, ts in word_table("reference_heads").items()}


_HEADS = _heads()
#: press releases capitalise the head of a description of their own organisation ("the Centre's
#: founding Director", "the Company"): a head matches with its first letter in either case
_HEAD_ALT = "|".join(
    f"[{h[0]}{h[0].upper()}]{re.escape(h[1:])}" for h in sorted(_HEADS, key=lambda h: (-len(h), h))
)
#: A head opens after a space, so a sentence holding none of these runs of letters has no description.
_HEAD_LETTERS = leading_letters(_HEADS)
_BLOCKERS = word_list("reference_blockers")
_FUNCTION = r"(?:of|the|a|an|this|that|these|its|their|and|or|in|on|at|by|for|with|from|to|as|is|was)"
#: (an amount is a modifier too: "the £30m programme", "the $1.2 billion fund")
_MOD = rf"(?:U\.S\.|U\.K\.|[A-Z][\w]*(?:-based)?|(?!{_FUNCTION}\s)[a-z][\w]*(?:-[\w]+)*|[£$€¥][\d.,]+(?:m|bn|k)?)"
_DESC = re.compile(
    rf"(?=[TtBb])(?<![\w-])(?P<det>[Tt]he|[Bb]oth|[Tt]his|[Tt]hese)\s+(?P<mods>(?:{_MOD}\s+){{0,3}}?)"
    rf"(?P<head>{_HEAD_ALT})(?![\w-])"
    # "the quantum group at Kessler University" is a unit of the name after it, no reference back
    r"(?!\s+(?:of|for|that|which|who|whose|behind|[A-Z\d])|,?\s+(?:called|named|known)\b"
    r"|\s+(?:at|within|inside)\s+(?:the\s+)?[A-Z])"
)
_CITY_GOV = re.compile(
    r"\b[Tt]he\s+(?:city|metropolitan|municipal)(?:\s+government)?\b(?![-\s]+(?:of|state)\b|-)"
)
_COUNTRY_ANA = re.compile(r"\b[Tt]he\s+country\b(?!['’]s\s+(?:first|largest))")
#: "Microsoft will partner with the state and ...": a level of government named before ("Maryland")
_REGION_ANA = re.compile(
    r"\b[Tt]he\s+(?:state|province)(?:\s+government)?\b(?![-\s]+(?:of|art|owned|run|level|budget)\b|-|['’])"
)
#: (The boundary is checked after the first characters, so the engine can skip to them.)
_PRONOUN = re.compile(r"([Ii](?<![\w-][Ii])ts?)(?![\w'’-])")
#: "its" is a mention only before a role ("its CEO, Jane Doe"): elsewhere rules read "its" as a word
_ROLE_AFTER = re.compile(
    rf"^\s+(?:(?:new|former|current|then|interim|founding)\s+)?(?i:{alternation('role_words')})s?\b"
)
#: ... or before a unit's name ("its Thematic Center for Quantum Computing", "its Centre for
#: Photonics"): the owner of the unit (see ``context``: the unit is a part of it)
_UNIT_AFTER = re.compile(
    r"^\s+(?:(?:own|new|flagship|dedicated|national)\s+)?(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:Centre|Center|Institute|Laboratory|Laboratories|Lab|Labs|School|Division|Unit|Office|Secretariat)\b"
)
#: ... or before the members of a group ("X is one of its founding members", "its member companies
#: include X"): the group, never the member named before it
_MEMBERS_AFTER = re.compile(
    r"^\s+(?:(?:founding|new|newest|latest|current|first|other|full|associate|corporate|industrial|industry|"
    r"academic|international|\d+|\w+teen|twenty|thirty|forty|fifty)\s+){0,2}"
    r"(?:members|member\s+(?:companies|firms|organi[sz]ations|institutions|universities|states|countries)|participants)\b"
)
#: ... or before its backers or owner ("its investors include X", "its parent company, X,"): the
#: organisation they hold a part of
_HOLDERS_AFTER = re.compile(
    r"^\s+(?:(?:existing|current|early|new|other|lead|main|major|key|historic|historical|largest|biggest|"
    r"institutional|strategic|former)\s+){0,2}(?:investors|backers|shareholders|funders|parent(?:\s+(?:company|group))?"
    r"|owners?|subsidiary|subsidiaries|affiliate|spin-?off)\b"
)
#: where the rules read such holders after a possessor's name: "its backers include X", "its parent, X"
_GENITIVE_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:investors|backers|shareholders|funders)\s+(?:include[sd]?|including|such\s+as)\b"
    r"|parent\b|(?:subsidiary|affiliate|spin-?off),?\s+(?:the\s+)?[A-Z])"
)
_EXPLETIVE = re.compile(
    r"^\s+(?:is|was|'s|’s|will\s+be|would\s+be|has\s+been|had\s+been|remains|seems|seemed|appears|appeared)"
    r"\s+(?:(?:not|also|still|now|very|more|most|too|so|highly|quite|increasingly)\s+)*"
    rf"(?:{alternation('expletive_it')})\b"
    r"|^\s+(?:remains\s+to\s+be|takes|took|will\s+take|comes\s+to|came\s+to)\b"
)
#: a lower-case "it" refers back only as a clause subject ("Orbion said it would ...")
_IT_SUBJECT = re.compile(
    r"(?:\b(?:said|says|stated|announced|added|noted|explained|confirmed|and|but|that|as|because|while|"
    r"when|after|before|since|so|where|if)\s+|,\s+)(?:(?:now|then|also|later|today|recently|finally|thus)\s+)?$"
)


def reference_mentions(sent: Sentence, gaz: Gazetteer | None = None) -> list[Mention]:
    """The references of one sentence (not yet resolved)."""
    out: list[Mention] = []
    t = sent.text
    low = t.lower()
    if gaz is not None:
        out += _descriptions(sent, gaz)
    if "it" in low or "the" in low:
        out += _pronouns(sent)
    if low.startswith("they "):
        out += _they(sent)
    if " he " in low or " she " in low or low.startswith(("he ", "she ")):
        out += _person_pronouns(sent)
    if (
        "the city" in low
        or "the country" in low
        or "metropolitan" in t
        or "municipal" in t
        or "the state" in low
        or "the province" in low
    ):
        for rx, typ in ((_CITY_GOV, E.CITY), (_COUNTRY_ANA, E.COUNTRY), (_REGION_ANA, E.REGION)):
            for m in rx.finditer(t):
                st = sent.start + m.start()
                out.append(_ref(st, m.group(), typ, "place", frozenset({typ})))
    return out


def outside_names(cands: list[Mention]) -> list[Mention]:
    """Candidates without the references that overlap a name: "the national quantum strategy"
    is the programme's name, not a description of an earlier one."""
    covered = bytearray(max((c.end for c in cands), default=0))
    for c in cands:
        if c.rule != "anaphor":
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    return [c for c in cands if c.rule != "anaphor" or covered.find(1, c.start, c.end) < 0]


def _ref(
    start: int,
    text: str,
    typ: EntityType,
    kind: str,
    types: frozenset[EntityType],
    nationality: str | None = None,
    count: int = 1,
) -> Reference:
    return Reference(
        start,
        start + len(text),
        text,
        typ,
        text,
        "anaphor",
        anaphor=typ,
        kind=kind,
        types=types,
        nationality=nationality,
        count=count,
    )


#: A fronted participle or prepositional phrase closed by a comma: what follows it is the
#: subject ("Led by Ada Lin and Tom Berg, the institute will ..."), not an apposition.
_REL_PRONOUN = re.compile(r"(?:^|[^\w])(?:which|who)$")
#: what an apposition follows: a name and a comma, a bracket or a spaced dash (searched in a short window)
_AFTER_NAME = re.compile(r"(?:[A-Z0-9)][\w.&’'-]*(?:[,(]|\s+[–—])|\()\s*$")
#: A name set off after a description and closed as an apposition: "the company, Orbion Inc. where",
#: "the start-up, Veltra Quantum,".
_NAME_APPOSED = re.compile(
    r",\s+(?:[A-Z][\w&'’-]*\.?\s+){0,3}[A-Z][\w&'’-]*\.?(?=\s*[,;)]|\s+(?:which|where|that|who)\b|\s*$)"
)
_FRONTED = re.compile(
    r"^\s*(?:[A-Z][a-z]+ed|Co-led|Led|Run|Built|Set\s+up|Founded|Based|Launched|Since|In|With|After|Following|Under|As|At|For|Through|Within|Amid|Despite|Alongside|"
    r"Besides|Beyond|During|Before|Across|Among|Over|Via|By|On|Unlike|Like|Thanks\s+to)\b"
    r"[^,;]*,\s*$"
)


def _joined_places(mods: list[tuple[str, int]], gaz: Gazetteer) -> list[tuple[str, int]]:
    """Modifiers with a place written in two capitalised words joined ("Silicon Valley", "New
    York"), so "the Silicon Valley company" is a description whose modifier is a place."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(mods):
        w, end = mods[i]
        if i + 1 < len(mods) and w[:1].isupper() and mods[i + 1][0][:1].isupper():
            pair = f"{w} {mods[i + 1][0]}"
            if place_country(pair, gaz) is not None and gaz.lookup(pair.removesuffix("-based")):
                out.append((pair, mods[i + 1][1]))
                i += 2
                continue
        out.append((w, end))
        i += 1
    return out


def _descriptions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """'the French start-up', 'the Lyon-based firm', 'the two companies', 'both firms'."""
    out: list[Mention] = []
    t = sent.text
    if not may_hold(t, _HEAD_LETTERS):
        return out
    for m in _DESC.finditer(t):
        head = m.group("head")
        if (
            # after a name and a comma or bracket ("Orbion, the French start-up"), not after a
            # fronted phrase ending in a common word ("Rather than building chips, the company")
            _AFTER_NAME.search(t, max(0, m.start() - 80), m.start())
            and not _FRONTED.match(t, 0, m.start())
            and not t.startswith(("'", "’"), m.end())
        ):
            continue  # an apposition ("Orbion, the French start-up,") restates the name beside it
        if _NAME_APPOSED.match(t, m.end()):
            continue  # "founded the company, Orbion Inc. where ...": the name it introduces follows
        mods = _joined_places(
            [(x.group(), m.start("mods") + x.end()) for x in re.finditer(r"\S+", m.group("mods"))], gaz
        )
        nationality: str | None = None
        fresh = False
        count = 2 if m.group("det").lower() == "both" else 1
        span_start = m.start()
        modifier: tuple[int, int] | None = None
        ok = True
        for w, w_end in mods:
            lw = w.lower()
            if lw in _NUMBERS:
                count = _NUMBERS[lw]
            elif lw == "new" and m.group("det") == "The" and not t[: m.start()].strip():
                fresh = True  # (only as the sentence's subject: "Led by A, the new Hub ..." is read whole)
            elif lw in _BLOCKERS:
                ok = False
            elif w[0].isupper():
                country = place_country(w, gaz)
                if country is None:
                    ok = False  # a capitalised word that is no place: part of a name
                    continue
                nationality = country
                if not gaz.by_demonym(w.removesuffix("-based")):
                    # a place name ("US", "Lyon-based") stays a mention of its own for the place rules
                    span_start = w_end + len(t[w_end:]) - len(t[w_end:].lstrip())
                    place_end = w_end - len("-based") if w.endswith("-based") else w_end
                    modifier = (sent.start + w_end - len(w), sent.start + place_end)
        head = head.lower()
        plural = head.endswith("s") and head not in {"hub", "bus"} and not head.endswith("ss")
        lower_mods = sum(1 for w, _ in mods if w[0].islower() and w.lower() not in _NUMBERS)
        if lower_mods > 2:
            ok = False  # "the multinational professional services firm" says more than we can check
        if m.group("det").lower() == "these" and not plural:
            continue  # (a singular head after "these" is no noun phrase we read)
        if plural and count == 1 and m.group("det").lower() in {"the", "these"}:
            count = 0  # "the companies", "the partners": as many as were just named (:func:`_plural`)
        if not ok or (plural != (count != 1)) or (m.group("det").lower() == "this" and count > 1):
            continue
        types = _HEADS[head.lower()]
        kind = "plural" if count != 1 else "description"
        st = sent.start + span_start
        typ = next(iter(sorted(types, key=lambda x: x.value)))
        ref = _ref(st, t[span_start : m.end()], typ, kind, types, nationality=nationality, count=count)
        ref.modifier = modifier
        ref.fresh = fresh
        out.append(ref)
    return out


def modifiers_of_unresolved(
    mentions: Sequence[Mention], resolved: Sequence[tuple[Mention, str]]
) -> set[tuple[int, int]]:
    """The spans of places that only modify a description nobody was found for: in "the Boston
    company is working with Nvidia", with no company to stand for, Boston is not the partner."""
    found = {id(m) for m, _ in resolved}
    return {
        m.modifier
        for m in mentions
        if isinstance(m, Reference) and m.modifier is not None and id(m) not in found
    }


def _pronouns(sent: Sentence) -> list[Mention]:
    out: list[Mention] = []
    t = sent.text
    for m in _PRONOUN.finditer(t):
        w = m.group(1)
        lw = w.lower()
        before = t[: m.start()]
        if lw == "it" and _EXPLETIVE.match(t[m.end() :]):
            continue
        if lw == "it" and before.strip() and not _IT_SUBJECT.search(before):
            continue
        group = lw == "its" and _MEMBERS_AFTER.match(t[m.end() :]) is not None
        # ("X counts A among its investors" is read by the rules with "its" as a word)
        holders = (
            lw == "its"
            and _HOLDERS_AFTER.match(t[m.end() :]) is not None
            and _GENITIVE_AFTER.match(t[m.end() :]) is not None
            and _PREP_END.search(before) is None
        )
        if lw == "its" and not (
            _ROLE_AFTER.match(t[m.end() :]) or _UNIT_AFTER.match(t[m.end() :]) or group or holders
        ):
            continue
        kind = "possessive" if lw == "its" else "pronoun"
        if group:
            out.append(_ref(sent.start + m.start(), w, E.CLUSTER, kind, GROUPS))
            continue
        # a unit's owner is an organisation, never the place named beside it
        unit = lw == "its" and (holders or _UNIT_AFTER.match(t[m.end() :]) is not None)
        ref = _ref(sent.start + m.start(), w, E.COMPANY, kind, _ORGLIKE if unit else _ORGLIKE | _PLACES)
        ref.genitive = holders
        out.append(ref)
    return out


#: "They will build a lab": the organisations a sentence before coordinated as its subject
_THEY = re.compile(
    r"(?<![\w-])(They|they)(?=\s+(?:will|would|have|had|also|are|were|plan|now|then|jointly|together|signed|agreed|said)\b)"
)


def _they(sent: Sentence) -> list[Mention]:
    """'They' opening a sentence ("A and B said they would ..." is read whole by the rules)."""
    return [
        m
        for m in _clause_subjects(sent, _THEY, E.COMPANY, "they", _ORGLIKE, count=0)
        if m.start == sent.start
    ]


def _clause_subjects(
    sent: Sentence,
    rx: re.Pattern[str],
    typ: EntityType,
    kind: str,
    types: frozenset[EntityType],
    count: int = 1,
) -> list[Mention]:
    """The pronouns ``rx`` finds that open the sentence or a clause after a reporting verb or conjunction."""
    out: list[Mention] = []
    t = sent.text
    for m in rx.finditer(t):
        before = t[: m.start()]
        if before.strip() and not _IT_SUBJECT.search(before):
            continue
        out.append(_ref(sent.start + m.start(), m.group(1), typ, kind, types, count=count))
    return out


#: "He joined ...", "where she is a professor": a person named just before
_PERSON_PRONOUN = re.compile(r"(?<![\w-])(He|She|he|she)(?![\w'’-])")
_PERSONS = frozenset({E.PERSON})
#: how far back (in sentences) a personal pronoun looks for the one person it stands for
_PERSON_WINDOW = 2


def _person_pronouns(sent: Sentence) -> list[Mention]:
    """'He'/'She' opening a sentence, 'he'/'she' opening a clause ("where he is ...")."""
    return _clause_subjects(sent, _PERSON_PRONOUN, E.PERSON, "person", _PERSONS)


# -- resolution --------------------------------------------------------------------------------


@dataclass
class _Seen:
    """One mention of an entity, named or referred to, as resolution walks the document."""

    pos: int
    end: int
    sent: int
    eid: str
    named_at: int


@dataclass
class _State:
    """What resolution knows so far: mentions in order, per sentence, and nationalities."""

    text_of: list[Sentence]
    types: dict[str, EntityType]
    countries: dict[str, str]
    seen: list[_Seen] = field(default_factory=list)
    by_sent: dict[int, list[_Seen]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    last: dict[str, _Seen] = field(default_factory=dict)
    last_named: dict[str, int] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    #: ISO code -> the Country entity of the document with that code
    country_entity: dict[str, str] = field(default_factory=dict)
    #: per type, entities in order of their latest mention (latest last)
    order: dict[EntityType, dict[str, None]] = field(default_factory=dict)
    #: per type, the most mentioned entity so far (ties: the latest)
    top: dict[EntityType, str] = field(default_factory=dict)
    #: per sentence, each entity it names and where it names it last
    named_in: dict[int, dict[str, int]] = field(default_factory=dict)
    #: entities typed only by the shape of their name ("NexQT", "uOttawa", an acronym used twice):
    #: their type (Company) is a guess a description of another type may correct
    weak: frozenset[str] = frozenset()
    #: per entity, the head nouns of the descriptions that stood for it ("institute")
    heads: dict[str, set[str]] = field(default_factory=dict)
    #: the kinds descriptions have given such entities so far
    guessed: dict[str, frozenset[EntityType]] = field(default_factory=dict)
    #: per entity, the kinds its name or the words beside it tell ("chip", "investor", "bank")
    kinds: dict[str, set[str]] = field(default_factory=dict)
    #: (sentence, entity): read as an investor in a funding sentence ("Kessler led a round in Orbion")
    invested: set[tuple[int, str]] = field(default_factory=set)

    def add(self, s: _Seen, named: bool) -> None:
        self.seen.append(s)
        self.by_sent.setdefault(s.sent, []).append(s)
        self.counts[s.eid] = self.counts.get(s.eid, 0) + 1
        self.last[s.eid] = s
        t = self.types[s.eid]
        order = self.order.setdefault(t, {})
        order.pop(s.eid, None)
        order[s.eid] = None
        cur = self.top.get(t)
        if cur is None or self.counts[s.eid] >= self.counts[cur]:
            self.top[t] = s.eid
        if named:
            self.last_named[s.eid] = s.pos

    def subject(self, k: int) -> list[_Seen]:
        """The subject of sentence ``k``: its first mention that opens a clause (not inside a
        prepositional phrase, not a possessor or modifier), with the mentions coordinated
        with it ("Orbion and Veltra signed")."""
        ms = self.in_sentence(k)
        if k >= len(self.text_of):
            return []
        sent = self.text_of[k]
        for i, s in enumerate(ms):
            before = sent.text[: s.pos - sent.start]
            if len(before.split()) > 12 or _CLAUSE.search(re.sub(r"[,()]", " ", before)):
                return []  # past the main clause's opening
            group = self.opens_clause(k, ms, i)
            if group:
                return group
        return []

    def in_sentence(self, k: int) -> list[_Seen]:
        return sorted(self.by_sent.get(k, []), key=lambda s: s.pos)

    def opens_clause(self, k: int, ms: list[_Seen], i: int) -> list[_Seen]:
        """``[ms[i], coordinated...]`` when ``ms[i]`` is the subject of its clause, else []."""
        if k >= len(self.text_of):
            return []
        sent = self.text_of[k]
        t = sent.text
        s = ms[i]
        a, b = s.pos - sent.start, s.end - sent.start
        if a < 0 or b > len(t):
            return []
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        follow = t[b : nxt.pos - sent.start] if nxt is not None else t[b:]
        if t[b : b + 1] in {"'", "’"} or (nxt is not None and _MODIFIER.fullmatch(follow)):
            return []  # "Veltra's partner", "US firm Orbion", "Lyon-based Orbion": a modifier
        prefix = re.sub(r"[\"“”‘’'(\[]", "", t[_clause_start(t, a) : a])
        if _PREP_END.search(prefix) or len(prefix.split()) > 3:
            return []
        group = [s]
        for nxt in ms[i + 1 :]:
            gap = t[group[-1].end - sent.start : nxt.pos - sent.start]
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?", gap):
                break
            group.append(nxt)
        return group


#: what separates a place used as a modifier from the name it qualifies ("US-based computing giant")
_MODIFIER = re.compile(
    r"(?:-based)?\s?|(?:-based)?\s+(?:[a-z][\w-]*\s+){0,2}(?:company|firm|start-?up|giant|group|chipmaker)\s+"
)

#: where a clause starts: after a comma, a dash, a reporting verb or a conjunction
_CLAUSE = re.compile(
    r"[,;:()]|\s[–—]\s|\b(?:said|says|stated|announced|added|noted|explained|confirmed|that|which|who|while|whereas|"
    r"when|since|because|after|before|as|so|but|if|where)\b"
)


def _clause_start(t: str, pos: int) -> int:
    """The offset in ``t`` where the clause holding ``pos`` starts."""
    start = 0
    for x in _CLAUSE.finditer(t, 0, pos):
        start = x.end()
    return start


_PREP_END = re.compile(
    r"\b(?:in|at|of|by|from|with|for|to|on|under|into|between|among|across|via|through|after|before|near|"
    r"including|like|than|about|against|over|within|beyond|behind|alongside|without)\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)


_NAME_WORDS = re.compile(r"[\w-]+")


def resolve_references(
    mentions: Sequence[Mention],
    named: Sequence[tuple[Mention, str]],
    types: dict[str, EntityType],
    *,
    sentences: Sequence[Sentence] = (),
    countries: dict[str, str | None] | None = None,
    gaz: Gazetteer | None = None,
) -> list[tuple[Mention, str]]:
    """The entity (or entities) each reference stands for; unresolved references are dropped.

    One pass in document order over names and references (a reference sees only what
    precedes it); each resolved reference then counts as a mention of its entity, so "It"
    can stand for what "the company" stood for one sentence earlier.
    """
    refs = [m for m in mentions if m.rule == "anaphor"]
    if not refs:
        return []
    sents = list(sentences)
    if not sents:
        end = max(m.end for m in mentions)
        sents = [Sentence(0, 0, end, " " * end, 0)]
    starts = [s.start for s in sents]
    nat = nationalities(named, sents, types, countries or {}, gaz) if gaz is not None else {}
    st = _State(sents, types, nat)
    strong = {eid for pm, eid in named if pm.rule != "shape" or pm.entry is not None}
    st.weak = frozenset(eid for _, eid in named if eid not in strong and types.get(eid) is E.COMPANY)
    st.country_entity = {c: e for e, c in nat.items() if types.get(e) is E.COUNTRY}
    for pm, eid in named:
        k = max(0, bisect.bisect_right(starts, pm.start) - 1)
        st.named_in.setdefault(k, {})[eid] = max(pm.start, st.named_in.get(k, {}).get(eid, -1))
    events = sorted(
        [(pm.start, 1, i) for i, (pm, _) in enumerate(named)] + [(m.start, 0, i) for i, m in enumerate(refs)]
    )
    out: list[tuple[Mention, str]] = []
    for pos, is_name, i in events:
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        if is_name:
            pm, eid = named[i]
            if eid not in st.last:
                st.names[eid] = set(_NAME_WORDS.findall(f"{pm.name} {pm.text}".lower()))
            if k < len(sents) and types.get(eid) is E.COMPANY:
                _read_kinds(pm, eid, k, st)
            st.add(_Seen(pm.start, pm.end, k, eid, pm.start), named=True)
            continue
        m = refs[i]
        for eid in _choose(m, k, st):
            if isinstance(m, Reference):
                m.antecedents[eid] = st.last_named.get(eid, st.last[eid].named_at)
                if m.kind == "description":
                    st.heads.setdefault(eid, set()).add(_head(m))
            out.append((m, eid))
            st.add(_Seen(m.start, m.end, k, eid, st.last[eid].named_at), named=False)
    return out


_KINDS = word_table("reference_kinds")
_NAME_KINDS = word_table("reference_kind_names")
_KIND_ALT = prefix_tree(sorted(_KINDS, key=lambda w: (-len(w), w)))
#: "chipmaker Orbion", "chip giant Orbion", "chips from Orbion"
_KIND_BEFORE = re.compile(
    rf"(?<![\w-])(?P<k>{_KIND_ALT})(?:\s+(?:giant|maker|firm|company|group))?"
    r"\s+(?:(?:from|made\s+by|built\s+by|supplied\s+by|by)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
#: "Orbion, a chipmaker", "Orbion, the US chip giant", "Orbion's chips"
_KIND_AFTER = re.compile(
    rf"^(?:,\s+(?:a|an|the)\s+(?:[\w.-]+\s+){{0,3}}?|['’]s\s+(?:[\w-]+\s+)?)(?P<k>{_KIND_ALT})(?![\w-])",
    re.IGNORECASE,
)
#: a sentence about money raised or invested, where the actors' roles are read
_FUNDING = re.compile(
    r"\b(?:round|raised?|raises|raising|funding|financing|invest(?:s|ed|ing|ment|ments|ors?)?|seed|Series\s+[A-F])\b"
)
_INVESTOR_AFTER = re.compile(
    r"^\s+(?:(?:has|have|had|also|which|that)\s+)?(?:led|co-led|invested|participated|joined|backed|funded)\b"
)
_INVESTOR_BEFORE = re.compile(
    r"(?:\b(?:led|co-led|backed|funded|joined)\s+by|\b(?:participation|investment|investments|funding|money|capital"
    r"|backing|financing)\s+from|\b(?:investors|backers)\s+(?:including|such\s+as|like|include[sd]?|were|are))"
    r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)
_COORD = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?")


def _read_kinds(pm: Mention, eid: str, k: int, st: _State) -> None:
    """What the name and the words beside this mention say of a company's kind, and whether
    its sentence reads it as an investor."""
    sent = st.text_of[k]
    t, a, b = sent.text, pm.start - sent.start, pm.end - sent.start
    if a < 0 or b > len(t):
        return
    kinds = st.kinds.setdefault(eid, set())
    kinds.update(_NAME_KINDS[w] for w in st.names.get(eid, ()) if w in _NAME_KINDS)
    for x in (_KIND_BEFORE.search(t, max(0, a - 40), a), _KIND_AFTER.match(t[b : b + 80])):
        if x is not None:
            kinds.add(_KINDS[x.group("k").lower()])
    if not _FUNDING.search(t):
        return
    prev = [s for s in st.by_sent.get(k, []) if s.end <= pm.start]
    if (
        _INVESTOR_AFTER.match(t[b : b + 40])
        or _INVESTOR_BEFORE.search(t, max(0, a - 60), a)
        or (prev and (k, prev[-1].eid) in st.invested and _COORD.fullmatch(t, prev[-1].end - sent.start, a))
    ):
        st.invested.add((k, eid))


def _investor(e: str, st: _State) -> bool:
    """Read as an investor where it was last mentioned, or named as one ("Kessler Ventures")."""
    return (st.last[e].sent, e) in st.invested


def _kind_fit(m: Reference, cands: dict[str, _Seen], st: _State) -> dict[str, _Seen]:
    """The candidates of the kind the description names: "the chip giant" is the one the text
    called a chipmaker, "the start-up" no investor; "the company" after a funding sentence is
    the recipient, not the fund that led the round. Unchanged when the kinds do not tell."""
    want = {
        _KINDS[w]
        for w in _NAME_WORDS.findall(m.text.lower().replace("’s", "").replace("'s", ""))
        if w in _KINDS
    }
    out = cands
    if "investor" in want:
        fit = {e: s for e, s in out.items() if _investor(e, st) or "investor" in st.kinds.get(e, ())}
        return fit or out
    positive = want - {"operating"}
    if positive:
        fit = {e: s for e, s in out.items() if positive & st.kinds.get(e, set())}
        if fit:
            out = fit
    if want:
        rest = {
            e: s for e, s in out.items() if not _investor(e, st) and "investor" not in st.kinds.get(e, ())
        }
        return rest or out
    # "the company": not the fund of the sentence before when the company it funded is there
    rest = {e: s for e, s in out.items() if not _investor(e, st)}
    if (
        rest
        and len(rest) < len(out)
        and any(st.last[e].sent == st.last[i].sent for e in rest for i in out if i not in rest)
    ):
        return rest
    return out


def _choose(m: Mention, k: int, st: _State) -> list[str]:
    if not isinstance(m, Reference):
        # a reference of the old shape: the closest preceding entity of its type
        return [s.eid for s in reversed(st.seen) if st.types[s.eid] is m.anaphor][:1]
    if m.kind == "place":
        return _place(m, st)
    if m.kind in {"pronoun", "possessive"}:
        return _pronoun(m, k, st)
    if m.kind == "person":
        return _person(m, k, st)
    if m.kind == "they":
        return _they_group(m, k, st)
    if m.kind == "plural":
        return _plural(m, k, st)
    if m.fresh:
        return _fresh(m, k, st)
    return _description(m, k, st)


def _place(m: Reference, st: _State) -> list[str]:
    """'the city' is the latest city; 'the country' the latest country, unless a place of
    another country was named since ("Daejeon ... the country's leading city")."""
    for s in itertools.islice(reversed(st.seen), 300):
        t = st.types[s.eid]
        if t in m.types:
            return [s.eid]
        if E.COUNTRY in m.types and t in {E.CITY, E.REGION}:
            code = st.countries.get(s.eid)
            if code is None:
                continue
            same = st.country_entity.get(code)
            return [same] if same is not None and same in st.last else []
    return []


def _fits(m: Reference, eid: str, st: _State) -> bool:
    return st.types[eid] in m.types and (m.nationality is None or st.countries.get(eid) == m.nationality)


#: A fronted concessive or contrastive clause closed by a comma, up to its subject's name.
_FRONTED_CLAUSE = re.compile(
    r"^\s*(?:While|Although|Though|Even\s+though|Whereas)\s+(?:the\s+)?(?=[^,]*,\s*$)"
)
#: "Headquartered in Lyon, France, it is ...": a fronted participle of place before "it" names where
#: the subject is, never the subject (which is the previous sentence's).
_FRONTED_PLACE = re.compile(
    r"^\s*(?:Based|Headquartered|Located|Situated)\s+(?:in|at|out\s+of)\s+[^;:]{1,80},\s*$"
)


def _pronoun(m: Reference, k: int, st: _State) -> list[str]:
    """'It' opening a sentence is the previous sentence's subject; 'it'/'its' inside one is
    the one actor of its clause, else the subject of one of the two clauses before it."""
    sent = st.text_of[k] if k < len(st.text_of) else None
    if sent is None:
        return []
    t, rel = sent.text, m.start - sent.start
    if t[:rel].strip() and not _FRONTED_PLACE.match(t[:rel]):
        ms = [s for s in st.in_sentence(k) if st.types[s.eid] in m.types]
        fronted = _FRONTED_CLAUSE.match(t[:rel])
        if fronted is not None:
            # "While Orbion has bought fewer firms than Kessler, it is ...": the fronted clause's subject
            first = [s for s in ms if s.pos - sent.start == fronted.end()]
            if first:
                return [first[0].eid]
        cut = rel
        for step in range(3):
            begin = _clause_start(t, cut)
            here = [i for i, s in enumerate(ms) if begin <= s.pos - sent.start < cut]
            ids = list(dict.fromkeys(ms[i].eid for i in here))
            if step == 0 and len(ids) == 1:
                return ids
            if step == 1 and len(ids) == 1 and _announced_that(t, ms[here[-1]], sent.start, cut + 1):
                return ids
            rel_pronoun = _REL_PRONOUN.search(t, max(0, begin - 7), begin)
            if rel_pronoun and not ids:
                # "the OVHcloud group, which can rent out its capacity": the noun before "which"
                before = [
                    s
                    for s in ms
                    if s.end - sent.start <= begin
                    and re.fullmatch(r"[\s,]*(?:which|who)", t[s.end - sent.start : begin])
                ]
                return [before[-1].eid] if before else []
            if ids:
                group = st.opens_clause(k, ms, here[0])
                return [group[0].eid] if len(group) == 1 else []
            if begin == 0:
                break
            cut = begin - 1
        if any(s.pos - sent.start < rel for s in ms):
            return []
    subj = st.subject(k - 1)
    if len(subj) != 1:
        return []
    eid = subj[0].eid
    return [eid] if st.types[eid] in m.types else []


#: what an announcement says its author will do: "the announcement by Orbion that it would ...",
#: "news from Orbion that it will ...", "Orbion's announcement that it ..."
_NEWS_NOUN = r"(?:announcement|statement|news|confirmation|decision|word|pledge|commitment|plan|plans)"
_NEWS_BY = re.compile(rf"\b{_NEWS_NOUN}\s+(?:by|from)\s+(?:the\s+)?$")
_NEWS_OF = re.compile(rf"(?:['’]s?\s+(?:[\w-]+\s+){{0,2}}{_NEWS_NOUN}\s+|\s+)that\s*")


def _announced_that(t: str, s: _Seen, base: int, end: int) -> bool:
    """Whether the organisation ``s`` is the author of the announcement whose "that" clause
    holds the pronoun (the clause opens at ``end``)."""
    a, b = s.pos - base, s.end - base
    gap = _NEWS_OF.fullmatch(t, b, end)
    if gap is None:
        return False
    return not t[b:end].strip().startswith("that") or _NEWS_BY.search(t, max(0, a - 40), a) is not None


def _they_group(m: Reference, k: int, st: _State) -> list[str]:
    """'They': the two or more organisations coordinated as the subject of the sentence before
    ("A and B signed a deal. They will ..."); a single subject, or one that is no
    organisation, is nothing."""
    group = st.subject(k - 1) if k > 0 else []
    ids = list(dict.fromkeys(s.eid for s in group))
    if len(ids) < 2 or any(st.types[e] not in m.types for e in ids):
        return []
    return ids


def _person(m: Reference, k: int, st: _State) -> list[str]:
    """'He'/'she' is the one person named in its sentence before it or, when none is, in the two
    sentences before; with two people there, nothing (gender is not read)."""
    here = {s.eid for s in st.in_sentence(k) if s.pos < m.start and st.types[s.eid] is E.PERSON}
    if len(here) == 1:
        return list(here)
    if here:
        return []
    near = {
        s.eid
        for j in range(max(0, k - _PERSON_WINDOW), k)
        for s in st.in_sentence(j)
        if st.types[s.eid] is E.PERSON
    }
    # with two people near, the subject is no safe guess: gender is not read
    return list(near) if len(near) == 1 else []


def _candidates(m: Reference, k: int, st: _State) -> dict[str, _Seen]:
    """The latest mention of each entity that fits ``m`` (type and nationality)."""
    out: dict[str, _Seen] = {}
    for t in m.types:
        # the entities of the last few sentences, latest first, and the most mentioned one:
        # bounded work per reference, whatever the document's length
        order = st.order.get(t, {})
        for eid in reversed(order):
            s = st.last[eid]
            if s.sent < k - _REACH:
                break
            if _fits(m, eid, st):
                out[eid] = s
        top = st.top.get(t)
        if top is not None and _fits(m, top, st):
            out[top] = st.last[top]
    return out


def _head(m: Reference) -> str:
    return m.text.split()[-1].lower().removesuffix("'s").removesuffix("’s")


def _fresh(m: Reference, k: int, st: _State) -> list[str]:
    """'The new institute': the one recent candidate whose name carries the head ("Varno Quantum
    Institute") or that a description with that head already stood for."""
    head = _head(m)
    later = {e for e, pos in st.named_in.get(k, {}).items() if pos > m.start}
    pool = set(_candidates(m, k, st)) | {e for e in st.guessed if st.guessed[e] == m.types}
    fit = [
        e
        for e in pool
        if e not in later
        and e in st.last
        and st.last[e].sent >= k - _WINDOW
        and (head in st.names.get(e, ()) or head in st.heads.get(e, ()))
    ]
    return fit if len(fit) == 1 else []


def _description(m: Reference, k: int, st: _State) -> list[str]:
    """The one entity a description fits best: type and nationality, then recency, then a
    name that carries the head noun ("the council" -> "International Council of ..."), then
    salience (mentions so far), then the subject of the latest sentence. An entity its own
    sentence names after it is another party ("the Boston company is working with Nvidia"
    is not Nvidia)."""
    later = {e for e, pos in st.named_in.get(k, {}).items() if pos > m.start}
    cands = {e: s for e, s in _candidates(m, k, st).items() if e not in later}
    if not cands:
        return _guessed(m, k, st, later)
    if len(cands) > 1 and E.COMPANY in m.types:
        cands = _kind_fit(m, cands, st)
    if len(cands) == 1:
        ((eid, s),) = cands.items()
        return [eid] if E.PROGRAM not in m.types or s.sent >= k - _WINDOW else []
    # a full description next to a name in the same sentence usually means another actor
    earlier = {e: s for e, s in cands.items() if s.sent < k}
    here = [e for e, s in cands.items() if s.sent == k]
    if not earlier:
        return here if len(here) == 1 else []
    head = m.text.split()[-1].lower().removesuffix("'s").removesuffix("’s")
    named = [e for e in earlier if head in st.names.get(e, ())]
    if len(named) == 1:
        return named
    if named:
        earlier = {e: earlier[e] for e in named}
    # the subject of the sentence just before, when it fits ("Orbion raised $5 million. The
    # Lyon company will hire ..."), before salience counted over the whole text
    prev = st.subject(k - 1) if k > 0 else []
    if len(prev) == 1 and prev[0].eid in earlier:
        return [prev[0].eid]
    # the actor the text is about: mentioned at least twice as often as any other candidate
    ranked = sorted(set(earlier) | set(here), key=lambda e: (-st.counts[e], e))
    if len(ranked) == 1:
        return ranked
    top, second = st.counts[ranked[0]], st.counts[ranked[1]]
    if ranked[0] in earlier and top >= 2 and top >= 2 * second:
        return ranked[:1]
    if here:
        return []  # "Quanta will invest in Rigetti and take a stake in the company": which one?
    recent = {e: s for e, s in earlier.items() if s.sent >= k - _WINDOW}
    if not recent:
        return []
    top = max(st.counts[e] for e in recent)
    best = [e for e in recent if st.counts[e] == top]
    if len(best) == 1:
        return best
    latest = max(recent[e].sent for e in best)
    subj = st.subject(latest)
    if len(subj) == 1 and subj[0].eid in best:
        return [subj[0].eid]
    last = [e for e in best if recent[e].sent == latest]
    return last if len(last) == 1 else []


#: "a university in Seoul", "a new institute": an actor introduced unnamed, what a later "the
#: university" may well stand for
#: the kinds a name typed by its shape alone may turn out to be
_GUESSABLE = frozenset({E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER})
_INDEFINITE = r"(?<![\w-])(?:an?|one|another)\s+(?:[\w-]+\s+){0,3}?"


def _guessed(m: Reference, k: int, st: _State, later: set[str]) -> list[str]:
    """A description of a kind no entity of the text has ("the university", "the institute")
    stands for the one actor of the last few sentences whose type was only guessed from the
    shape of its name ("uOttawa", "NexQT"), when the text introduced no such actor unnamed
    ("a university in Seoul ... the university" is that one) and gives no nationality."""
    if not m.types <= _GUESSABLE or m.nationality is not None or m.count != 1 or not st.weak:
        return []
    near: dict[str, int] = {}
    for s in itertools.islice(reversed(st.seen), 60):
        if s.eid in st.weak and s.sent >= k - _WINDOW and s.eid not in later:
            near.setdefault(s.eid, s.sent)
    # one kind per guessed actor: what "the institute" stood for is no university, and what
    # "the company" stood for is none of these
    near = {
        e: j
        for e, j in near.items()
        if st.guessed.get(e, m.types) == m.types
        and not any(E.COMPANY in _HEADS.get(h, ()) for h in st.heads.get(e, ()))
    }
    if len(near) > 1:
        latest = max(near.values())
        near = {e: j for e, j in near.items() if j == latest}
    if len(near) != 1:
        return []
    head = re.escape(m.text.split()[-1].lower())
    for j in range(max(0, k - _WINDOW), k + 1):
        if j < len(st.text_of):
            t = st.text_of[j].text if j < k else st.text_of[j].text[: m.start - st.text_of[j].start]
            if re.search(_INDEFINITE + head + r"\b", t, re.IGNORECASE):
                return []
    ((eid, _),) = near.items()
    st.guessed[eid] = m.types
    return [eid]


def _plural(m: Reference, k: int, st: _State) -> list[str]:
    if m.count == 0:
        return _open_plural(m, k, st)
    cands = sorted(_candidates(m, k, st).items(), key=lambda x: -x[1].pos)
    if len(cands) < m.count:
        return []
    chosen = cands[: m.count]
    if chosen[-1][1].sent < k - _WINDOW:
        return []
    if len(cands) > m.count and cands[m.count][1].sent == chosen[-1][1].sent:
        return []  # a third candidate as recent as the second: which two is unclear
    return sorted((e for e, _ in chosen), key=lambda e: st.last[e].pos)


def _open_plural(m: Reference, k: int, st: _State) -> list[str]:
    """'The companies', 'the partners' with no number: the two or three entities of the type named
    in the last few sentences before it, when no others were ("Orbion and Quantix announced a
    partnership. ... the companies will focus on ..."); with one, or four and more, or with one
    named in its own sentence ("A and B are among the startups to win"), nothing."""
    later = {e for e, pos in st.named_in.get(k, {}).items() if pos > m.start}
    if m.text[:5].lower() == "these" and any(st.types[e] in m.types for e in later):
        return []  # "these universities include A and B": the names follow it
    near = {e: s for e, s in _candidates(m, k, st).items() if s.sent >= k - _WINDOW and e not in later}
    if not 2 <= len(near) <= 3 or any(s.sent == k for s in near.values()):
        return []  # (names of its own sentence are a class it describes: "A and B are among the startups")
    return sorted(near, key=lambda e: st.last[e].pos)


def antecedent_sentences(
    resolved: Sequence[tuple[Mention, str]], sentences: Sequence[Sentence]
) -> dict[int, dict[str, int]]:
    """Per sentence, the entities it names only through a reference, each with the index of
    the sentence that names it: a fact read there quotes that sentence as a second span."""
    starts = [s.start for s in sentences]
    named: dict[int, set[str]] = {}
    refs: list[tuple[int, str, int]] = []
    for m, eid in resolved:
        k = bisect.bisect_right(starts, m.start) - 1
        if isinstance(m, Reference):
            pos = m.antecedents.get(eid)
            if pos is not None:
                refs.append((k, eid, bisect.bisect_right(starts, pos) - 1))
        else:
            named.setdefault(k, set()).add(eid)
    out: dict[int, dict[str, int]] = {}
    for k, eid, ka in refs:
        if 0 <= ka != k and eid not in named.get(k, ()):
            out.setdefault(k, {})[eid] = ka
    return out
