"""Funding told in sentence shapes rather than funding phrases (INVESTS_IN).

These shapes name the funder and the funded without the "X invested in Y" order:

- **two objects**: the funder gives the funded money, "the Ministry will grant Kvantor
  €500 million", "Orbion was not ...", "the agency awarded Telmar University a $2m grant";
- **a fronted participle**: "Funded by the National Research Agency under its 2030 plan, the
  strategy will ..." (the main clause's subject is funded);
- **agreements with money**: a public funder (a government, its agency, a programme, a fund)
  "signed agreements with firms A, B and C for up to $20 million each": each firm is funded;
- **a funding list**: "X, a S$300 million plan funding four initiatives: A, B and C";
- **money in a relative clause**: "the $1bn the federal and state governments have committed to Y";
- **joining investors**: "the Fund joins investors in Y including several pension funds, A and B"
  (the newcomer and each named one).

Kept apart from :mod:`.investments` (already long); each shape has its own cheap gate.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .money import FUNDED, INVESTORS, MONEY, RECIPIENTS, funding_facts

__all__ = ["GATE", "money_agreement_spans", "shape_facts"]

E = EntityType
R = RelationType

_AUX = r"(?:(?:has|have|had|will|would|shall|also|today|now|recently|further|jointly|to)\s+)*"
_ABOUT = (
    r"(?:(?:up\s+to|about|around|some|nearly|almost|over|more\s+than|a\s+total\s+of|an\s+additional)\s+)?"
)
_MONEY_NOUN = r"(?:grant|funding|investment|loan|subsidy|award)"

#: "§F§ will grant §R§ 500 million euros", "§F§ awarded §R§ a $2m grant", "§F§ gave §R§ €3m in funding".
_TWO_OBJECTS = re.compile(
    rf"({LIST})\s+{_AUX}(?:grant(?:s|ed)?|award(?:s|ed)?|g[ai]ve[sn]?|giving|provid(?:es|ed|e)|allocat(?:es|ed|e)|"
    rf"hand(?:s|ed)?|offer(?:s|ed)?)\s+(?:the\s+)?{ENT}\s+"
    rf"(?:an?\s+)?{_ABOUT}(?:{MONEY}|(?:[\w$€£.,-]+\s+){{0,3}}?{_MONEY_NOUN}s?\b)"
    # "awarded §R§ a $3 million contract": the money pays for work ordered, a Contract (deals), no funding
    r"(?!(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:contracts?|orders?|deals?|tenders?|purchases?)\b)"
)
_TWO_OBJECTS_GATE = ("grant", "award", "gave", "give", "giving", "provid", "allocat", "hand", "offer")

#: "Funded by §F§ (under its plan), §R§ will ...", "Backed by §A§ and §B§, §R§ has ...".
_FRONTED = re.compile(
    rf"^\s*(?:(?:Jointly|Partly|Largely|Mainly|Primarily|Fully)\s+)?(?:[Ff]unded|[Bb]acked|[Ff]inanced|[Cc]o-funded|[Bb]ankrolled)\s+"
    rf"(?:by|through)\s+({LIST})"
    # "Funded by §NRF§ under §Singapore§'s Research, Innovation and Enterprise 2025 plan, §NQS§ will ...":
    # the plan the money comes under may hold names and commas of its own
    r"(?:[^§,;]{0,80}?|\s+(?:under|through|via|as\s+part\s+of|from)\s+[^;]{0,120}?)"
    rf",\s+(?:the\s+)?{ENT}\s+(?!and\b|,)"
)
_FRONTED_GATE = ("funded by", "backed by", "financed by", "co-funded by", "bankrolled by", "funded through")

#: "§G§ has signed agreements with (Canadian) firms §A§, §B§ and §C§ for up to $23 million each".
_AGREEMENTS_FOR_MONEY = re.compile(
    rf"({LIST})\s+{_AUX}(?:signed|concluded|struck|reached|entered\s+into)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:agreements?|contracts?|deals?)\s+with\s+(?:(?:[A-Za-z][\w-]*)\s+){{0,3}}?({LIST})\s+"
    rf"(?:worth|for|totalling|totaling|valued\s+at|of)\s+{_ABOUT}(?:{MONEY})"
)
#: "§X§, a S$300 million plan funding four main initiatives: §A§, §B§ and §C§" (a colon opens the list).
_FUNDING_LIST = re.compile(
    rf"{ENT}(?:,\s+(?:an?|the)\s+[^§;:]{{0,60}}?)?\s+(?:funding|financing|backing|(?:which|that)\s+(?:funds|finances|backs))\s+"
    r"(?:[\w$€£.,-]+\s+){0,4}?(?:initiatives|programmes|programs|projects|companies|start-?ups|centres|centers|institutes|"
    rf"universities|hubs|schemes|efforts)\s*:\s*({LIST})"
)
#: "the $1bn (that) §A§ and §B§ have committed to §R§": money in a relative clause names its giver.
_MONEY_RELATIVE = re.compile(
    rf"(?:{MONEY})\s+(?:that\s+|which\s+)?(?:the\s+)?({LIST})\s+(?:(?:have|has|had|will|would|already)\s+)*"
    rf"(?:committed|pledged|invested|provided|given|allocated|granted|contributed)\s+(?:to|in|into|for)\s+(?:the\s+)?{ENT}"
)
#: "§F§ joins (other, existing) investors in §R§": the newcomer invests too.
_JOINS_INVESTORS = re.compile(
    rf"{ENT}\s+(?:(?:has|have|also|now)\s+)*(?:joins|joined|joining)\s+(?:(?:other|existing|fellow|earlier|previous)\s+)?"
    rf"(?:investors|backers|shareholders)\s+in\s+(?:the\s+)?{ENT}"
)
#: "investors in §R§ including several super funds, §A§ and §B§": lower-case items before the names.
_INVESTORS_IN_INCLUDING = re.compile(
    rf"\b(?:investors|backers|shareholders)\s+in\s+(?:the\s+)?{ENT},?\s+(?:including|include|such\s+as)\s+"
    rf"(?:[a-z][\w-]*\s+){{1,4}}?[a-z][\w-]*,\s+({LIST})"
)
_ROUND_NOUN = r"(?:round|raise|investment|financing|funding|fundraise|fundraising)"
#: "§R§ raised $5m in a §a§-led round", "§R§ closed a §a§- and §b§-led Series A": the round's leaders.
_HYPHEN_LED_ROUND = re.compile(
    rf"{ENT}\s+(?:(?:has|have|had|also|today|now|recently|just)\s+)*"
    r"(?:raised|raises|closed|closes|secured|secures|completed|completes|announced|announces|landed|bagged)\b"
    rf"[^§.;]{{0,60}}?\b(?:an?|the|its)\s+(?:[\w$€£.,-]+\s+){{0,3}}?((?:§\d+§-?(?:,\s+|\s+and\s+))*§\d+§)-(?:co-)?led\s+"
    rf"(?:[\w$€£.,-]+\s+){{0,3}}?{_ROUND_NOUN}\b"
)
#: "the §a§-led investment in §R§", "a §a§-led $5m round for §R§".
_HYPHEN_LED_INTO = re.compile(
    rf"((?:§\d+§-?(?:,\s+|\s+and\s+))*§\d+§)-(?:co-)?led\s+(?:[\w$€£.,-]+\s+){{0,3}}?{_ROUND_NOUN}\s+(?:in|into|for|of)\s+"
    rf"(?:the\s+)?{ENT}"
)
_FROM_WHOM = (
    r"\s+(?:(?:is|was|are|were|has\s+been|have\s+been|will\s+be|is\s+being|will|also|mainly|largely|mostly|partly)\s+)*"
    r"(?:provided|supplied|given|put\s+up|comes?|came|coming)\s+(?:by|from)\s+(?:the\s+)?"
)
#: "§R§'s core funding is provided by §F§", "Funding for the §R§ comes from §A§ and §B§": the money
#: named by its owner, then its source.
_FUNDING_OF_FROM = re.compile(
    rf"{ENT}['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:funding|financing|money|budget|investment|backing)"
    rf"{_FROM_WHOM}({LIST})"
    rf"|\b(?:[Ff]unding|[Ff]inancing|[Mm]oney|[Ii]nvestment|[Ss]upport)\s+for\s+(?:the\s+)?{ENT}{_FROM_WHOM}({LIST})"
)
#: "The $34m Series B, co-led by §A§ and §B§, brings §R§'s total funding to $50m": the round's
#: recipient named by what the round adds to.
_TOTAL_FUNDING = re.compile(
    rf"\b(?:round|raise|financing|investment|Series\s+[A-H]\d?)\b[^.;§]{{0,30}}?,?\s+(?:co-)?led\s+by\s+({LIST})"
    rf"(?:['’]s?\s+§\d+§)?,?\s+(?:brings|brought|takes|took|lifts|lifted|pushes|pushed|raises|boosts|boosted|"
    rf"increases|increased)\s+(?:the\s+)?§(\d+)§['’]s?\s+(?:total|overall|cumulative)\s+"
    r"(?:funding|financing|capital|investment|raised|amount\s+raised)"
)
#: "§A§ and §B§ are investing €80m in a new Nordic quantum initiative, §R§": the funded named after its kind.
_INVEST_IN_DESCRIBED = compile_gated(
    rf"({LIST})\s+{_AUX}(?:(?:are|is|were|was)\s+)?(?:invest|invests|investing|invested|committing|commit|commits|committed)\s+"
    rf"{_ABOUT}(?:{MONEY})\s+(?:in|into|to)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,5}}?"
    r"(?:initiative|programme|program|project|fund|company|start-?up|consortium|centre|center|hub|venture|platform)"
    rf",?\s+(?:called\s+|named\s+|dubbed\s+)?{ENT}"
)
#: "§R§ won the §Challenge§, securing ₹25 crore": a prize programme funds its winner.
_WON_WITH_MONEY = re.compile(
    rf"{ENT}(?:,\s+[^§;]{{0,80}}?,)?\s+(?:(?:has|have|had|recently|also|just)\s+)*(?:won|wins|bagged|clinched)\s+"
    rf"(?:the\s+|a\s+)?{ENT},?\s+(?:securing|receiving|bagging|earning|winning|taking\s+home|worth|and\s+(?:with\s+)?(?:it\s+)?)"
    rf"[^§.;]{{0,30}}?(?:{MONEY})"
)
#: "§A§ and §B§ are among the backers of §R§", "§A§ is one of the investors in §R§".
_AMONG_BACKERS = compile_gated(
    rf"({LIST})\s+(?:(?:is|are|was|were|has\s+been|have\s+been|remains|remain)\s+)(?:also\s+)?(?:among|one\s+of)\s+"
    rf"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?(?:investors|backers|shareholders|funders)\s+(?:of|in|behind)\s+(?:the\s+)?{ENT}"
)
#: "§A§ put $5m into §R§", "§A§ has poured €20m into §R§": money moved into the funded.
_PUT_MONEY_INTO = re.compile(
    rf"({LIST})\s+{_AUX}(?:put|puts|putting|poured|pours|pumped|pumps|ploughed|plowed|sank|sunk|injected|injects)\s+"
    rf"(?:another\s+|a\s+further\s+|an\s+additional\s+)?{_ABOUT}(?:{MONEY})\s+(?:[a-z]+\s+){{0,4}}?into\s+(?:the\s+)?{ENT}"
)
#: "§A§ and §B§ will each contribute $10m to §R§", "§A§ committed €40m towards §R§": money given to the funded.
_CONTRIBUTE_TO = re.compile(
    rf"({LIST})\s+{_AUX}(?:(?:each|jointly|together|collectively)\s+)?"
    r"(?:contribute|contributes|contributed|contributing|pledge|pledges|pledged|pledging|commit|commits|committed|"
    r"committing|allocate|allocates|allocated|allocating|earmark|earmarks|earmarked|provide|provides|provided|providing)\s+"
    rf"(?:another\s+|a\s+further\s+|an\s+additional\s+)?{_ABOUT}(?:{MONEY})(?:\s+(?:each|apiece))?\s+"
    rf"(?:[a-z]+\s+){{0,3}}?(?:to|towards|toward|for)\s+(?:the\s+)?{ENT}(?!['’]s?\s)"
)
#: "§R§ is supported by €20m from §A§", "§R§ will be backed by $5m in funding from §A§ and §B§".
_MONEY_FROM_BY = re.compile(
    rf"{ENT}\s+(?:(?:is|are|was|were|will\s+be|has\s+been|have\s+been|had\s+been|also|now)\s+)+"
    r"(?:supported|funded|backed|financed|boosted)\s+(?:by|with)\s+"
    rf"(?:an?\s+)?{_ABOUT}(?:{MONEY})\s+(?:(?:in|of)\s+(?:[a-z]+\s+){{0,2}}?)?from\s+(?:the\s+)?({LIST})"
)
#: "With funding from §A§, §R§ will build ...": a fronted source of money for the clause's subject
#: (bare "support" may be advice; the money words say it is money).
_WITH_MONEY_FROM = re.compile(
    r"^\s*(?:With|Thanks\s+to)\s+(?:(?:the|a|an|new|fresh)\s+)?(?:[\w$€£.,-]+\s+){0,3}?"
    r"(?:funding|financing|financial\s+support|grants?|investment|backing|loans?|subsid(?:y|ies))\s+"
    rf"(?:of\s+[^§,;]{{1,40}}?\s+)?from\s+(?:the\s+)?({LIST}),\s+(?:the\s+)?{ENT}\s+(?!and\b|,)"
)
#: "§R§ is one of 12 companies to receive funding from §F§": the funded counted among others.
_ONE_OF_FUNDED = re.compile(
    rf"({LIST})\s+(?:is|are|was|were)\s+(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?"
    r"(?:to\s+|that\s+(?:will\s+)?)(?:receive|received|receives|get|gets|got|win|won|share|shares)\s+"
    rf"(?:[\w$€£.,-]+\s+){{0,4}}?(?:funding|grants?|investment|financing|support|money|loans?)\s+"
    rf"(?:from|by|through|under)\s+(?:the\s+)?{ENT}"
)
_HOLDER_NOUN = r"(?:shareholders?|investors?|backers?|funders?|owners?)"
#: "§A§ is §R§'s largest shareholder", "§R§ counts §A§ and §B§ as investors": a holding, no deal.
_HOLDER_OF = re.compile(
    rf"({LIST})\s+(?:is|are|was|were|has\s+been|remains|remain|became|becomes)\s+(?:also\s+|now\s+|still\s+)*"
    rf"(?:the\s+)?§(\d+)§['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?{_HOLDER_NOUN}\b"
    rf"|§(\d+)§\s+{_AUX}(?:counts|counted|lists|listed)\s+(?:the\s+)?({LIST})\s+(?:as|among)\s+"
    rf"(?:an?\s+|its\s+)?(?:[a-z][\w-]*\s+)?{_HOLDER_NOUN}\b"
)
_LIST_GATE = ("funding", "financing", "backing", "funds", "finances", "backs")
_RELATIVE_GATE = (
    "committed",
    "pledged",
    "invested",
    "provided",
    "given",
    "allocated",
    "granted",
    "contributed",
)
_AGREEMENT_GATE = ("agreement", "contract", "deal")
_CONTRIBUTE_GATE = ("contribut", "pledg", "commit", "allocat", "earmark", "provid")
_OF_FROM_GATE = ("provided", "supplied", "given", "put up", "come", "came")
#: Every shape's cue words: no shape can match a sentence without one of them.
GATE = (
    _TWO_OBJECTS_GATE
    + _FRONTED_GATE
    + _AGREEMENT_GATE
    + _LIST_GATE
    + _RELATIVE_GATE
    + _OF_FROM_GATE
    + _CONTRIBUTE_GATE
    + (
        " from ",
        "investors",
        "backers",
        "-led",
        "holder",
        "investor",
        "backer",
        "funder",
        "owner",
        "among",
        "one of",
        " into ",
        " total ",
        " overall ",
        " cumulative ",
        "invest",
        "commit",
        "won",
        "wins",
    )
)
_PUBLIC_FUNDERS = frozenset({E.GOVERNMENT_BODY, E.COUNTRY, E.REGION, E.CITY, E.PROGRAM})


def shape_facts(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """INVESTS_IN from the three shapes of the module docstring."""
    if any(g in low for g in _TWO_OBJECTS_GATE):
        for x in _TWO_OBJECTS.finditer(m):
            yield from _funds(
                v, ids_in(x.group(1)), [int(x.group(2))], RECIPIENTS | {E.PROGRAM}, "funding-two-objects"
            )
    if any(g in low for g in _FRONTED_GATE):
        for x in _FRONTED.finditer(m):
            yield from _funds(
                v, ids_in(x.group(1)), [int(x.group(2))], FUNDED | {E.PROGRAM}, "funding-fronted-participle"
            )
    if ":" in m and any(g in low for g in _LIST_GATE):
        for x in _FUNDING_LIST.finditer(m):
            yield from _funds(v, [int(x.group(1))], ids_in(x.group(2)), FUNDED | {E.PROGRAM}, "funding-list")
    if any(g in low for g in _RELATIVE_GATE):
        for x in _MONEY_RELATIVE.finditer(m):
            yield from _funds(
                v, ids_in(x.group(1)), [int(x.group(2))], FUNDED | {E.PROGRAM}, "funding-money-relative"
            )
    if "investors" in low or "backers" in low or "shareholders" in low:
        for x in _JOINS_INVESTORS.finditer(m):
            yield from _funds(v, [int(x.group(1))], [int(x.group(2))], FUNDED, "funding-joins-investors")
        for x in _INVESTORS_IN_INCLUDING.finditer(m):
            yield from _funds(v, ids_in(x.group(2)), [int(x.group(1))], FUNDED, "funding-investors-including")
    if (" by " in low or " from " in low) and any(g in low for g in _OF_FROM_GATE):
        for x in _FUNDING_OF_FROM.finditer(m):
            funded = int(x.group(1) or x.group(3))
            yield from _funds(
                v, ids_in(x.group(2) or x.group(4)), [funded], FUNDED | {E.PROGRAM}, "funding-of-from"
            )
    if " total " in low or " overall " in low or " cumulative " in low:
        for x in _TOTAL_FUNDING.finditer(m):
            yield from _funds(v, ids_in(x.group(1)), [int(x.group(2))], FUNDED, "funding-total-of")
    if "invest" in low or "commit" in low:
        for x in _INVEST_IN_DESCRIBED.finditer(m):
            yield from _funds(
                v, ids_in(x.group(1)), [int(x.group(2))], FUNDED | {E.PROGRAM}, "funding-in-described"
            )
    if "won" in low or "wins" in low or "bagged" in low or "clinched" in low:
        for x in _WON_WITH_MONEY.finditer(m):
            if v.type(x.group(2)) is E.PROGRAM:
                yield from _funds(v, [int(x.group(2))], [int(x.group(1))], RECIPIENTS, "funding-prize-won")
    if "among" in low or "one of" in low:
        for x in _AMONG_BACKERS.finditer(m):
            yield from _funds(
                v, ids_in(x.group(1)), [int(x.group(2))], FUNDED | {E.PROGRAM}, "funding-among-backers"
            )
    if " into " in low:
        for x in _PUT_MONEY_INTO.finditer(m):
            yield from _funds(
                v, ids_in(x.group(1)), [int(x.group(2))], FUNDED | {E.PROGRAM}, "funding-put-into"
            )
    if any(g in low for g in ("holder", "investor", "backer", "funder", "owner")):
        for x in _HOLDER_OF.finditer(m):
            holders, held = (x.group(1), x.group(2)) if x.group(1) else (x.group(4), x.group(3))
            yield from _funds(v, ids_in(holders), [int(held)], FUNDED | {E.PROGRAM}, "funding-holder-of")
    if any(g in low for g in _CONTRIBUTE_GATE):
        for x in _CONTRIBUTE_TO.finditer(m):
            yield from _funds(
                v, _subjects(x.group(1)), [int(x.group(2))], FUNDED | {E.PROGRAM}, "funding-contribute-to"
            )
    if " from " in low:
        for x in _MONEY_FROM_BY.finditer(m):
            yield from _funds(
                v, ids_in(x.group(2)), [int(x.group(1))], FUNDED | {E.PROGRAM}, "funding-money-from"
            )
        for x in _WITH_MONEY_FROM.finditer(m):
            yield from _funds(
                v, ids_in(x.group(1)), [int(x.group(2))], FUNDED | {E.PROGRAM}, "funding-with-from"
            )
        for x in _ONE_OF_FUNDED.finditer(m):
            yield from _funds(v, [int(x.group(2))], ids_in(x.group(1)), FUNDED, "funding-one-of-funded")
    if "-led" in low:
        for x in _HYPHEN_LED_ROUND.finditer(m):
            yield from _funds(v, ids_in(x.group(2)), [int(x.group(1))], FUNDED, "funding-hyphen-led")
        for x in _HYPHEN_LED_INTO.finditer(m):
            yield from _funds(v, ids_in(x.group(1)), [int(x.group(2))], FUNDED, "funding-hyphen-led")
    if "with" in low and any(g in low for g in _AGREEMENT_GATE):
        for x in _AGREEMENTS_FOR_MONEY.finditer(m):
            funders = [a for a in _subjects(x.group(1)) if v.type(a) in _PUBLIC_FUNDERS]
            yield from _funds(v, funders, ids_in(x.group(2)), RECIPIENTS, "funding-agreements-for-money")


def money_agreement_spans(v: SentView, m: str) -> list[tuple[int, int]]:
    """Where a public funder's agreements carry money ("§G§ signed agreements with §A§ and §B§ for
    $20m each"): the agreement finder reads these as investments, not as one partnership."""
    low = m.lower()
    if "with" not in low or not any(g in low for g in _AGREEMENT_GATE):
        return []
    return [
        x.span()
        for x in _AGREEMENTS_FOR_MONEY.finditer(m)
        if any(v.type(a) in _PUBLIC_FUNDERS for a in _subjects(x.group(1)))
    ]


def _subjects(group: str) -> list[int]:
    """The subjects a list before a verb names: a list without "and" ("As part of §p§, §g§ has
    signed") is a fronted phrase and the subject, so only its last name is the subject."""
    ids = ids_in(group)
    return ids if re.search(r"\band\b|&", group) else ids[-1:]


def _funds(
    v: SentView, funders: list[int], funded: list[int], funded_types: frozenset[EntityType], rule: str
) -> Iterator[Fact]:
    return funding_facts(v, funders, funded, INVESTORS, funded_types, rule)
