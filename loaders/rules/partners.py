"""Partnership phrasings the agreement finder does not read (PARTNERS_WITH only).

:mod:`.agreements` reads partnerships as agreements ("signed", "partner with", "a partnership
between"). A few common shapes name a partner without an agreement noun or a "with" after
the verb, and are read here:

* a fronted companion: "Together with Orbion, Veltra will build a testbed";
* an idiom: "Veltra is joining hands with Orbion";
* a partner chosen or described: "Veltra has selected Orbion as its technology partner",
  "Orbion is a long-standing partner of Veltra";
* joint work: "Veltra co-developed the chip with Orbion";
* two places joined by a dash before a pact noun: "UK-Canada partnerships", "Japan–Germany
  cooperation", "the US-Korea joint statement" (their governments work together);
* parties introduced by a description, which the agreement finder's plain name lists stop at:
  "The University of Kestrel and the global photonics firm Orbion have established a strategic
  partnership", "a joint venture between US quantum company Veltra and Lyon investment firm Alder".

Members of a consortium are not partners here ("a partner of the consortium" is membership,
see :mod:`.membership`), so the partner named after "of" must be an organisation that is
not a group or a programme.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import LIST, ORG_NOUN, ORGS, PARTNER_TYPES, PLACES, Fact, SentView, ids_in
from .literals import compile_gated
from .rule import gate
from .words import may_hold

__all__ = ["GATE", "described_groups", "partner_facts"]

E = EntityType
R = RelationType

#: The cue words without which no rule here can match.
GATE = (
    "together with",
    "hands with",
    "partner",
    "co-develop",
    "co-design",
    "co-creat",
    "co-buil",
    "jointly",
    "joint ",
    "collaboration",
    "alliance",
    "memorandum",
    "mou",
    "agreement",
    "cooperation",
    "consortium",
)
#: The agreement nouns of :data:`_PACT`: the described-party rules run only when one occurs.
_PACT_WORDS = (
    "joint venture",
    "partnership",
    "collaboration",
    "cooperation",
    "co-operation",
    "alliance",
    "agreement",
    "memorandum",
    "mou",
    "consortium",
    "letter of intent",
)

#: Who can partner: organisations and places acting as governments.
_PARTIES = frozenset(ORGS | PLACES)
#: Who can be "a partner of" someone without that being membership of a group.
_PARTNER_OF = PARTNER_TYPES
_AUX = r"(?:(?:has|have|had|is|are|was|were|will|would|also|now|recently|officially|been|be)\s+)*"

#: "Together with §A§ (and §B§), §C§ will build ...": the fronted companions partner the subject.
_TOGETHER = re.compile(
    rf"^\s*(?:[^.;]{{0,40}}?,\s+)?[Tt]ogether\s+with\s+(?:the\s+)?({LIST}),\s+(?:the\s+)?({LIST})\s+(?=[a-z])"
)
#: "§A§ is joining hands with §B§", "§A§ and §B§ joined hands to ...".
_HANDS_WITH = re.compile(
    rf"({LIST})\s+{_AUX}(?:join|joins|joined|joining)\s+hands\s+with\s+(?:the\s+)?({LIST})"
)
#: "§A§ partners §B§ on ...", "§A§ and §B§ partner to ...": the verb without "with" (headlines,
#: British usage), at the start of a clause; "the Hub's partners §A§ and §B§" is a noun, not this.
_PARTNERS_VERB = re.compile(
    rf"(?:^\s*|[-–—:;]\s+)(?:The\s+)?({LIST})\s+(?:(?:has|have|had|will|to|now|also)\s+)?partner(?:s|ed)?\s+"
    rf"(?:the\s+)?({LIST})(?=\s+(?:on|to|in|for|over|at|across)\b|\s*[,.;]|\s*$)"
)
#: "§A§ has selected §B§ as its technology partner", "§A§ named §B§ a strategic partner".
_CHOSEN = compile_gated(
    rf"({LIST})\s+{_AUX}(?:selected|selects|select|chose|chosen|chooses|picked|picks|named|names|tapped|taps)\s+"
    # "as its partner": "its" may stand marked as the mention it refers to (checked to be a pronoun)
    rf"(?:the\s+)?({LIST})\s+(?:as\s+)?(?:its|their|a|an|the|§(\d+)§)\s+(?:[\w-]+\s+){{0,3}}?partners?\b"
)
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
#: "§B§ is a long-standing partner of §A§", "§B§, a key partner of §A§": a partner described.
_PARTNER_OF_RX = re.compile(
    rf"({LIST})(?:,\s+|\s+(?:is|was|are|were|has\s+been|have\s+been|became|becomes|remains|remain)\s+)"
    rf"(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+){{0,3}}?partners?\s+(?:of|to)\s+(?:the\s+)?§(\d+)§(?!'s?\s)"
)
#: "§A§'s partners include §B§ and §C§", "§A§ said its partners are §B§ and §C§", "§A§ and its partners §B§
#: and §C§ will ...": the possessor partners each listed name (the listed with each other, not).
_POSSESSED_PARTNERS = re.compile(
    rf"§(\d+)§(?:['’]s?)?\s+(?:(?:key|main|strategic|industry|industrial|technology|research|academic|long-time|"
    rf"longstanding|long-standing|current|other|new|founding)\s+){{0,2}}partners\s+"
    rf"(?:(?:include[sd]?|including|are|were|such\s+as|like|among\s+them)\s*:?\s+|(?=(?:the\s+)?§))(?:the\s+)?({LIST})"
)
#: "§A§ co-developed the chip with §B§", "§A§ jointly designed ... with §B§".
_CO_WORK = re.compile(
    rf"({LIST})\s+{_AUX}(?:co-developed|co-develops|co-develop|co-developing|co-designed|co-designs|co-design|"
    rf"co-created|co-creates|co-create|co-built|co-builds|co-build|jointly\s+(?:developed|develops|develop|designed|built|created))"
    rf"\s+[^§.;]{{0,60}}?\bwith\s+(?:the\s+)?({LIST})"
)

#: "§A§ and §B§ have completed a joint experiment in ...", "§A§ and §B§ launched a joint pilot":
#: the subjects of joint work, at the start of a clause, work together.
_JOINT_WORK = re.compile(
    rf"(?:^\s*|[-–—:;]\s+|\bthat\s+)(?:The\s+)?({LIST})\s+{_AUX}(?:completed|conducted|carried\s+out|launched|began|"
    rf"started|ran|run|performed|undertook|undertaken|announced|concluded)\s+(?:an?|the|their)\s+"
    rf"(?:(?:first|new|successful|groundbreaking|pioneering|two-year|year-long)\s+)*joint\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:experiments?|trials?|stud(?:y|ies)|projects?|research|pilots?|demonstrations?|tests?)\b"
)

#: "§A§ and §B§ have developed a superconducting quantum computer": coordinated subjects of one
#: thing made ("a"/"an": one object) made it together; "§A§ and §B§ have developed superconducting
#: qubits", "... have built the largest machines" (each their own) or "... each built a ..." are not this.
_MADE_ONE = re.compile(
    r"(?:^\s*(?:(?:In|Last|This|Earlier|On|Since)\b[^§,;]{0,30}?,?\s+)?|[-–—:;]\s+|\bthat\s+)"
    r"(?:The\s+)?(§\d+§(?:\s*,\s*§\d+§)?(?:\s*,)?\s+(?:and|&)\s+(?:the\s+)?§\d+§)\s+"
    r"(?:(?:have|has|had|recently|now|today|also|successfully|officially)\s+)*"
    r"(?:developed|built|created|designed|constructed|unveiled|demonstrated|completed|deployed|launched|established)\s+"
    r"(?:a|an)\s+"
)
_MADE_VERBS = frozenset(
    {"developed", "built", "created", "designed", "constructed", "unveiled", "demonstrated", "completed"}
    | {"deployed", "launched", "established"}
)
#: A word that makes coordinated subjects act each on their own.
_EACH = re.compile(r"\b(?:each|respectively|separately|independently|both\s+have|own)\b")
#: A description before a party's name: "the global §photonics§ firm", "US quantum computing company",
#: "privately held Lyon investment firm", "the nation's oil giant," (words or mentions, then an
#: organisation noun, maybe set off by a comma).
_DESCRIPTION = rf"(?:(?:the|a|an)\s+)?(?:(?:[\w'’-]+|§\d+§)\s+){{0,5}}?{ORG_NOUN},?\s+"
_DITEM = rf"(?:{_DESCRIPTION})?(?:the\s+)?§\d+§(?:\s*\(§\d+§\))?"
#: Parties, each maybe described: "§A§ (§a§) and the global §t§ firm §B§".
_DLIST = rf"{_DITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_DITEM})*"
_PACT = (
    r"(?:partnership|collaboration|alliance|agreement|memorandum|MoU|MOU|joint\s+venture|cooperation|co-operation|"
    r"consortium|letter\s+of\s+intent)"
)
#: "§A§ and the global firm §B§ have established a strategic partnership": described subjects sign.
_DESCRIBED_SUBJECTS = re.compile(
    rf"(?:^\s*|[-–—:]\s+|\bthat\s+)(?:The\s+|the\s+)?({_DLIST})\s+{_AUX}"
    rf"(?:established|formed|signed|launched|announced|entered\s+into|inked|struck|agreed|sealed|unveiled|created)\s+"
    rf"(?:an?|the|their|a\s+new)\s+(?:[\w-]+\s+){{0,3}}?{_PACT}\b"
)
#: Its verbs, each a whole run of letters between spaces (for :func:`.words.may_hold`).
_SIGN_VERBS = frozenset(
    {"established", "formed", "signed", "launched", "announced", "entered", "inked", "struck", "agreed"}
    | {"sealed", "unveiled", "created"}
)
#: "a joint venture between §c§ §t§ company §A§ and privately held investment firm §B§".
_DESCRIBED_BETWEEN = re.compile(rf"\b{_PACT}\s+between\s+({_DLIST})")
#: The name positions of a described list: a mention ending an item, not one inside a description.
_NAME_END = re.compile(r"§(\d+)§(?=\s*(?:,|\band\b|\(|$))")


def _named(group: str) -> list[int]:
    """The parties of a described list: the mention that ends each item ("the global §t§ firm §B§" -> B)."""
    return [int(x.group(1)) for x in _NAME_END.finditer(group)]


#: "§UK§-§Canada§ partnerships", "§Japan§–§Germany§ cooperation": countries or regions joined by a dash.
_DASHED_PLACES = re.compile(
    r"§(\d+)§\s?[-–—/]\s?§(\d+)§\s+(?:[a-z][\w-]*\s+){0,2}?(?:partnerships?|collaborations?|cooperation|co-operation|"
    r"alliances?|ties|relations|relationship|joint\s+statements?|dialogues?|agreements?|accords?|pacts?|summits?|"
    r"programmes?|programs?|projects?|initiatives?|research\s+(?:projects?|programmes?|calls?))\b"
)
_STATES = frozenset({E.COUNTRY, E.REGION})


def described_groups(v: SentView, m: str, low: str) -> list[tuple[list[int], str, tuple[int, int]]]:
    """Parties introduced by descriptions, with the shape ("subjects" or "between") and the span:
    "§A§ and the global photonics firm §B§ have established a partnership"."""
    out: list[tuple[list[int], str, tuple[int, int]]] = []
    if not gate(low, _PACT_WORDS):
        return out
    for rx, rule in ((_DESCRIBED_SUBJECTS, "subjects"), (_DESCRIBED_BETWEEN, "between")):
        for x in (
            rx.finditer(m)
            if (may_hold(m, _SIGN_VERBS) if rx is _DESCRIBED_SUBJECTS else "between" in m)
            else ()
        ):
            names = [i for i in _named(x.group(1)) if v.type(i) in _PARTIES]
            if len(names) >= 2:
                out.append((names, rule, x.span(1)))
    return out


def partner_facts(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """PARTNERS_WITH between the parties of the shapes above."""
    for x in _DASHED_PLACES.finditer(m) if "§-§" in m or "§–§" in m or "§—§" in m or "§/§" in m else ():
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(a) in _STATES and v.type(b) in _STATES and v.id(a) != v.id(b):
            yield Fact(v.id(a), R.PARTNERS_WITH, v.id(b), "partners-dashed-places", 0.8)
    for x in _MADE_ONE.finditer(m) if may_hold(m, _MADE_VERBS) and not _EACH.search(m) else ():
        names = [i for i in ids_in(x.group(1)) if v.type(i) in _PARTIES]
        for k, a in enumerate(names):
            yield from _pairs(v, [a], names[k + 1 :], "partners-made-one", _PARTIES)
    if not gate(low, GATE):
        return
    for rx, rule in ((_TOGETHER, "partners-together-with"), (_HANDS_WITH, "partners-join-hands")):
        for x in rx.finditer(m) if ("ogether" if rx is _TOGETHER else "hands") in low else ():
            yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), rule, _PARTIES)
    for x in _PARTNERS_VERB.finditer(m) if "partner" in low else ():
        yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), "partners-verb", _PARTNER_OF)
    for x in _CHOSEN.finditer(m) if "partner" in low else ():
        if x.group(3) is not None and v.mentions[int(x.group(3))].text.lower() not in _POSSESSIVE_PRONOUNS:
            continue  # "selected B as C's partner": C's, not the subject's
        yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), "partners-chosen-as", _PARTIES)
    for x in _POSSESSED_PARTNERS.finditer(m) if "partners" in low else ():
        a = int(x.group(1))
        owner = x.group(0).startswith(f"§{a}§'") or x.group(0).startswith(f"§{a}§’")
        # the possessor: a name with "'s", or "its"/"their" marked as the organisation it refers to,
        # when that is the organisation named last before it ("praised B and its partners": B's, not
        # the subject's, whatever the pronoun was resolved to)
        before = [i for i in ids_in(m[: x.start()]) if v.type(i) in ORGS]
        if owner or (
            v.mentions[a].text.lower() in _POSSESSIVE_PRONOUNS and before and v.id(before[-1]) == v.id(a)
        ):
            yield from _pairs(v, [a], ids_in(x.group(2)), "partners-possessed", _PARTNER_OF)
    for x in _PARTNER_OF_RX.finditer(m) if "partner" in low else ():
        yield from _pairs(v, ids_in(x.group(1)), [int(x.group(2))], "partners-partner-of", _PARTNER_OF)
    for names, rule, _ in described_groups(v, m, low):
        for k, a in enumerate(names):
            yield from _pairs(v, [a], names[k + 1 :], f"partners-described-{rule}", _PARTIES)
    for x in _JOINT_WORK.finditer(m) if "joint " in low else ():
        names = [i for i in ids_in(x.group(1)) if v.type(i) in _PARTIES]
        for k, a in enumerate(names):
            yield from _pairs(v, [a], names[k + 1 :], "partners-joint-work", _PARTIES)
    for x in _CO_WORK.finditer(m) if "co-" in low or "jointly" in low else ():
        yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), "partners-co-developed", _PARTIES)


def _pairs(
    v: SentView, left: list[int], right: list[int], rule: str, right_types: frozenset[EntityType]
) -> Iterator[Fact]:
    for a in left:
        if v.type(a) not in _PARTIES:
            continue
        for b in right:
            if b != a and v.type(b) in right_types and v.id(a) != v.id(b):
                yield Fact(v.id(a), R.PARTNERS_WITH, v.id(b), rule, 0.8)
