"""Public money shared out: a funder's grant programme and the recipients later sentences name.

Government funding reads over several sentences: "The Queensland Government has delivered a
$53 million boost ... UQ has scored $28.4 million, while Orbion netted $4.9 million"; "Today
the agency announced an investment to help 12 local companies. These 12 companies include A,
B ..."; "The UK government unveiled a £121m investment package ... The package assigns £21m to
the NQCC and £10.9m to the NPL". The funder opens a programme in one sentence and stays on
stage for a few sentences, during which each share of the money names a recipient.
(Split out of :mod:`.investments`, which holds the one-sentence rules and the rounds.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qkg.schemas import EntityType, RelationType

from ..context import LIST, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .money import FUNDED, INVESTORS, MONEY, RECIPIENTS

__all__ = ["counted_recipient_facts", "grant_share_facts"]

E = EntityType
R = RelationType


#: How a count is written before the recipients' noun ("12 local companies", "twelve start-ups").
_COUNT = (
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
)
_RECIPIENT_NOUN = (
    r"(?:companies|start-?ups|firms|businesses|universities|institutions|organi[sz]ations|projects|teams|consortia|"
    r"research\s+groups|SMEs)"
)
#: "Today, the §F§ announced a total investment of C$17 million to help 12 local companies ...":
#: a funder gives money to a counted group whose members the next sentences name.
_FUNDS_COUNTED = compile_gated(
    rf"^\s*(?:[^§.;]{{0,40}}?,\s+)?(?:the\s+)?§(\d+)§(?:\s*\(§\d+§\))?\s+(?:(?:has|have|will|today|also|is|are)\s+)*"
    r"(?:announced|awarded|awards|invested|invests|investing|invest|granted|grants|provided|provides|providing|provide|"
    r"committed|commits|allocated|allocates|funded|funds)\b"
    rf"(?:[^§.;]|\.(?=\d)){{0,120}}?\b(?:to|in|into|for|among|between)\s+(?:help\s+|support\s+|fund\s+)?"
    rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_RECIPIENT_NOUN}\b",
    re.I,
)
#: "These 12 companies include §A§, §B§ ...", "The recipients are §A§ and §B§".
_COUNTED_NAMED = re.compile(
    rf"^\s*(?:These|The|Those)\s+(?:(?:{_COUNT}|selected|successful|funded|winning|chosen)\s+)*"
    rf"(?:[\w-]+\s+)?(?:{_RECIPIENT_NOUN}|recipients|beneficiaries|awardees|grantees|winners)\s+"
    rf"(?:include|includes|included|are|were|comprise)\s*:?\s+({LIST})"
    # "Recipients include §A§ and §B§", "Among the recipients are §A§ and §B§" (of the grants on stage)
    rf"|^\s*(?:(?:Grant\s+)?(?:[Rr]ecipients|[Bb]eneficiaries|[Aa]wardees|[Gg]rantees)\s+(?:include|included|are|were)|"
    rf"[Aa]mong\s+the\s+(?:[\w-]+\s+)?(?:recipients|beneficiaries|awardees|grantees|winners)\s+(?:are|were))\s*:?\s+({LIST})"
    # "The funding will go to §A§, §B§ and §C§"
    rf"|^\s*(?:The|This|That|These|Those|Its|Their)\s+(?:[\w-]+\s+){{0,2}}?(?:funding|grants?|money|investment|support|"
    rf"package|awards?|loans?)\s+(?:will\s+go|goes|went|is\s+going|are\s+going)\s+to\s+(?:the\s+)?({LIST})",
    re.I,
)
_COUNTED_RULE = "funded-counted-list"


def _listed(x: re.Match[str]) -> str:
    """The recipients' list of a :data:`_COUNTED_NAMED` match, whichever of its shapes matched."""
    return next(g for g in x.groups() if g is not None)


_GRANT_SHARE_RULE = "grant-share"


def counted_recipient_facts(views: Sequence[SentView]) -> Iterator[tuple[int, Fact]]:
    """'F announced an investment to help 12 companies. These 12 companies include A, B, ...'."""
    for k, v in enumerate(views):
        x = _FUNDS_COUNTED.match(v.masked) if "§" in v.masked else None
        if x is None or v.type(x.group(1)) not in INVESTORS:
            continue
        funder = v.id(x.group(1))
        for j in range(k + 1, min(len(views), k + 3)):
            w = views[j]
            y = _COUNTED_NAMED.match(w.masked)
            if y is None:
                continue
            for b in ids_in(_listed(y)):
                if w.type(b) in FUNDED and w.id(b) != funder:
                    yield j, Fact(funder, R.INVESTS_IN, w.id(b), _COUNTED_RULE, 0.7)
            break


#: Public funders whose grant programme the next sentences share out.
_PUBLIC_FUNDERS = frozenset({E.GOVERNMENT_BODY, E.PROGRAM, E.REGION, E.COUNTRY, E.CITY})
#: "The §Queensland Government§ has delivered a $53 million boost ...", "§F§ announced $N in grants":
#: a public funder opens a grant programme.
_GRANTS_OPEN = compile_gated(
    # "The §US§ government is set to distribute ...": a place's government stands for the place
    r"^\s*(?:[^§.;]{0,40}?,\s+)?(?:the\s+)?§(\d+)§(?:\s+(?:government|administration))?\s+"
    r"(?:(?:has|have|had|will|today|also|is|are|just|(?:set|poised|due|expected|about|going)\s+to)\s+)*"
    r"(?:delivered|delivers|committed|commits|announced|announces|awarded|awards|allocated|allocates|unveiled|"
    r"unveils|launched|launches|handed\s+out|hands\s+out|dished\s+out|distributed|distributes?|award|allocate|"
    r"hand\s+out)\b"
    # "§F§ announced €10 million for quantum start-ups": the money itself opens it too
    rf"(?:[^§.;]|\.(?=\d)){{0,80}}?(?:\b(?:grants?|boost|funding|awards|package|investment\s+package)\b|{MONEY})"
    # "The investments, being made through §FedDev§ through the §Initiative§, ...": the body paying them out
    r"|^\s*(?:The|These)\s+(?:[\w-]+\s+)?(?:investments?|grants?|funding|awards|loans)\s*,?\s+(?:(?:are|is|were|was|being)\s+)*"
    r"(?:made|delivered|provided|awarded|distributed|administered)\s+(?:through|by|via)\s+(?:the\s+)?§(\d+)§",
    re.I,
)
#: "§UQ§, which ..., has scored $28.4 million", "while §R§ netted $4.9 million": a share of the programme.
_GRANT_SHARE = re.compile(
    rf"§(\d+)§(?:\s*\(§\d+§\))?(?:,\s+(?:which|where|who)\s+[^;]{{0,200}}?,)?\s+"
    r"(?:(?:has|have|had|also|will|each|both|now)\s+)*"
    r"(?:scored|secured|netted|received|receiving|receives|won|got|landed|bagged|picked\s+up|"
    r"(?:was|were|has\s+been|have\s+been)\s+awarded|(?:is|are)\s+(?:also\s+)?(?:receiving|getting)|"
    # "§R§ is scheduled to receive $375m", "§R§ is listed to receive $38m", "§R§ will receive $5m"
    r"(?:(?:is|are)\s+(?:also\s+)?(?:scheduled|set|expected|due|slated|listed|poised|going)\s+to\s+|will\s+)"
    r"(?:receive|get))\s+"
    rf"(?:an?\s+)?(?:(?:additional|further|another)\s+)?(?:{MONEY}|funding\b|grants?\b)"
    r"(?![^§.;]{0,60}\bfrom\b)"
)
#: "The package assigns £21m to the §NQCC§ and £10.9m to the §NPL§", "$5m for §Orbion§": a share of the
#: programme given by its amount and its recipient.
_GRANT_TO = re.compile(
    rf"(?:{MONEY})(?:\s*\([^()§]{{0,20}}\))?\s+"
    # "$1 billion of the $2 billion package will be awarded to §IBM§": a share said in the passive
    rf"(?:(?:of\s+the\s+(?:(?:{MONEY})\s+)?(?:[\w-]+\s+){{0,2}}?(?:package|programme|program|fund|funding|budget|total)\s+)?"
    r"(?:will\s+be|is|are|was|were|has\s+been|have\s+been)\s+(?:awarded|allocated|given|granted|paid|earmarked|assigned)\s+"
    r"|(?:is|was|will\s+go|goes|went|has\s+gone)\s+)?(?:to|for)\s+"
    r"(?:(?:further|help|directly|also)\s+)*(?:(?:support|fund|back|expand|strengthen)\s+)?(?:the\s+)?§(\d+)§"
)
#: Who a share of public money can go to: organisations, hubs and programmes.
_SHARE_TAKERS = FUNDED | {E.PROGRAM}
_GRANT_REFERS = re.compile(
    r"\b(?:the|this|these|that|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:investments?|funding|grants?|awards|loans)\b",
    re.I,
)
#: How many sentences a grant programme stays on stage after it was last spoken of.
_GRANT_WINDOW = 4


#: A mention that only channels or receives money before a share: "via §Innovate UK§", "to the §NQCC§".
_CHANNEL = re.compile(r"(?:\b(?:via|through|to|for|from|by|and)\s+(?:the\s+)?)?§(\d+)§")


def _other_payer(v: SentView, before: str, funder: str) -> bool:
    """Whether an actor other than the funder heads the clause before a share ("§Orbion§ paid $2m
    to §Kestrel§" is Orbion's money, not the programme's); channels and earlier recipients do not."""
    for x in _CHANNEL.finditer(before) if "§" in before else ():
        if not x.group(0).startswith("§"):
            continue  # introduced by via/through/to/for/from/by/and
        i = int(x.group(1))
        if v.id(i) != funder and v.type(i) is not E.TECHNOLOGY:
            return True
    return False


def grant_share_facts(views: Sequence[SentView]) -> Iterator[tuple[int, Fact]]:
    """'The §F§ has delivered a $53m boost ... §UQ§ has scored $28.4m, while §R§ netted $4.9m.'"""
    funder: str | None = None
    last = -(10**9)
    for k, v in enumerate(views):
        m = v.masked
        if "§" not in m and funder is None:
            continue
        x = _GRANTS_OPEN.match(m)
        if x is not None and v.type(x.group(1) or x.group(2)) in _PUBLIC_FUNDERS:
            funder, last = v.id(x.group(1) or x.group(2)), k
        if funder is None or k - last > _GRANT_WINDOW:
            continue
        if _GRANT_REFERS.search(m):
            last = (
                k  # "these latest investments", "The new funding for all 12 companies ...": still the topic
            )
        for y in _GRANT_SHARE.finditer(m):
            if v.type(y.group(1)) in RECIPIENTS and v.id(y.group(1)) != funder:
                last = k
                yield k, Fact(funder, R.INVESTS_IN, v.id(y.group(1)), _GRANT_SHARE_RULE, 0.7)
        # "Those firms include §A§, §B§ and §C§": the recipients of the programme on stage, named
        # (close to the money: two sentences at most since the programme was last spoken of)
        named = _COUNTED_NAMED.match(m) if "§" in m and k - last <= 2 else None
        for b in ids_in(_listed(named)) if named is not None else ():
            if v.type(b) in RECIPIENTS and v.id(b) != funder:
                last = k
                yield k, Fact(funder, R.INVESTS_IN, v.id(b), _GRANT_SHARE_RULE, 0.7)
        for y in _GRANT_TO.finditer(m) if " to " in m or " for " in m else ():
            if _other_payer(v, m[: y.start()], funder):
                continue
            if v.type(y.group(1)) in _SHARE_TAKERS and v.id(y.group(1)) != funder:
                last = k
                yield k, Fact(funder, R.INVESTS_IN, v.id(y.group(1)), _GRANT_SHARE_RULE, 0.7)
