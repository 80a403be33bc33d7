"""Investments: funding verbs and nouns, rounds, stakes and grants (INVESTS_IN).

Three layers. Sentence rules (:func:`investment_facts`) read one sentence that names both
ends ("Kessler Ventures invested in Orbion", "a grant from X to Y", "Y is backed by X").
Funding rounds (:func:`round_facts`) are read across sentences, because news spreads one
round over several: "Orbion raised EUR 40m in a Series B round led by X" opens a round
whose recipient is Orbion; "The round was led by X", "Existing investors Y and Z also took
part", "Investors include ..." later add investors to the latest round of the document.
Finally :func:`investment_agreements` turns everyone investing in one recipient into one
Investment agreement (recipient plus every investor), as the annotation conventions ask.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from qkg.schemas import AgreementKind, EntityType, RelationType

from ..context import ENT, LIST, ORGS, PLACES, UNFOLDED, Fact, SentView, ids_in
from . import backers, grants
from . import fastre as re
from .agreements import AgreementDraft
from .literals import compile_gated
from .money import FUNDED, INVESTORS, MONEY, RECIPIENTS
from .rule import ACTORS, Rule, apply, gate

__all__ = [
    "GATE",
    "MONEY",
    "folded_facts",
    "investment_agreements",
    "investment_facts",
    "joint_funding_facts",
    "round_facts",
]

E = EntityType
R = RelationType


_INVEST_NOUN = r"(?:investment|funding|grant|financing|contribution|injection|backing|capital|loan)s?"


_INVEST_VERB = (
    r"(?:invested|invests|investing|invest|injected|injects|funded|funds|funding|backed|backs|"
    r"financed|finances|backing)"
)
#: Verbs that fund only with money said: "granted Orbion a patent", "awarded Orbion a contract",
#: "provided Orbion with ion traps", "committed to Orbion" (time, support) are no funding.
_MONEY_VERB = (
    r"(?:granted|grants|provided|providing|provides|provide|awarded|awards|allocated|allocates|contributed|contributes|"
    r"committed|commits|pledged|pledges|earmarked|earmarks|set\s+aside|sets\s+aside)"
)


# cheap gates: a rule family runs only when its vocabulary occurs in the sentence
GATE = (
    "invest",
    "fund",
    "grant",
    "financ",
    "rais",
    "receiv",
    "secur",
    "stake",
    "shares",
    "earmark",
    "set aside",
    "sets aside",
    "portfolio",
    "pour",
    "pump",
    "plough",
    "plow",
    "paid",
    "pay",
    "provid",
    "inject",
    "back",
    "pledg",
    "alloc",
    "award",
    "contribut",
    "commit",
    "capital",
    "loan",
    "round",
    "series",
    "seed",
    "landed",
    "package",
)


#: A list that ends at its "and" item: in "funded by A, B and C, D is supporting ...", D starts a clause.
_CLOSED_LIST = (
    r"(?:the\s+)?§\d+§(?:\s*,\s*(?:the\s+)?§\d+§)*(?:\s*,?\s*(?:and|&)\s+(?:the\s+)?§\d+§)?"
    r"(?:\s*\(§\d+§\))?"
)
#: "a stake in (the US) quantum computing company §X§", "a majority stake in §networking§ provider §X§":
#: a description before the name.
_DESCRIBED_COMPANY = (
    r"(?:the\s+)?(?:§\d+§\s+)?(?:[\w-]+\s+){0,2}?(?:company|firm|start-?up|developer|maker|specialist|provider|supplier|"
    r"vendor|manufacturer|operator|spin-?(?:out|off))\s+"
)
#: "... a 5 percent equity stake in (the company) §b§": the stake and its holder
_STAKE_HELD = (
    r"\s+(?:(?:about|around|roughly|nearly|almost|approximately|some|over|up\s+to)\s+)?"
    rf"an?\s+(?:[\w%.-]+\s+){{0,3}}?stake\s+in\s+(?:{_DESCRIBED_COMPANY})?{ENT}"
)
#: "from the federal government under the §Strategic Innovation Fund§": the named programme pays.
_GOVERNMENT_UNDER = (
    r"(?:the\s+(?:federal|state|provincial|national|regional|local|central)\s+government\s+"
    r"(?:under|through|via|from)\s+)?"
)
#: A description before a funder's name: "from the government Export Fund", "from investment firm
#: Kessler", "from the state-owned bank Nordlys" (never "from the sale of §X§").
_FUNDER_DESCRIPTION = r"(?:(?:the|its|their)\s+)?(?:(?!(?:of|in|to|for|and|the)\b)[a-z][\w-]*\s+){0,3}?"
#: A description between a recipient and its verb: "§R§, a consortium of ... (A, B and C), has won".
_RECIPIENT_APPOSITION = (
    r"(?:,\s+(?:an?|the|which|who|now)\s+[^;]{0,140}?(?:,|\)(?=\s+(?:has|have|had|was|is|will)\b)))?"
)


#: Text between a verb and its funder, decimal points of amounts included ("a $26.7 million grant").
_AMOUNT_GAP = r"(?:[^§.;]|\.(?=\d))"

#: Funding phrasings; sources invest in targets.
_INVEST_RULES = (
    Rule(
        re.compile(
            rf"{_INVEST_NOUN}\s+(?:of\s+(?:{MONEY})\s+)?(?:from|by)\s+({LIST})\s+(?:to|in|into|for)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-noun",
        0.8,
    ),
    Rule(
        re.compile(
            rf"({LIST})(?:,\s+(?:known|best\s+known|founded|based|headquartered|itself)\b[^§,.;]{{0,50}},)?\s+(?:(?:has|have|had|will|is|are|was|were|also|jointly|recently|today|already|been|be|first|initially|"
            rf"originally|previously|later|subsequently|again|reportedly)\s+)*"
            rf"(?:{_INVEST_VERB}\s+(?:(?:an?\s+)?(?:additional\s+|further\s+|nearly\s+|about\s+|around\s+|some\s+)?(?:{MONEY})\s*(?:in\s+\w+\s+)?(?:{_INVEST_NOUN}\s+)?)?"
            rf"|{_MONEY_VERB}\s+(?:an?\s+)?(?:additional\s+|further\s+|nearly\s+|about\s+|around\s+|some\s+)?(?:{MONEY})\s*(?:in\s+\w+\s+)?(?:{_INVEST_NOUN}\s+)?)"
            rf"(?:(?:to|in|into|for|toward|towards)\s+)?(?:the\s+|an?\s+(?=§))?{ENT}"
        ),
        1,
        2,
        "funding-verb",
        0.8,
        frozenset(EntityType) - {E.PERSON},
        # "Acme will provide QKD hardware": providing a technology is supplying, not funding
        frozenset(EntityType) - {E.PERSON, E.TECHNOLOGY},
    ),
    Rule(
        re.compile(
            rf"{ENT}{_RECIPIENT_APPOSITION}\s+(?:(?:has|have|had|also|just|recently|previously|already|now|will|today)\s+)*"
            r"(?:raised|received|receive|receives|secured|secure|secures|obtained|won|closed|landed|attracted|gained|"
            r"(?:is|was|are|were)\s+(?:the|a|an|one\s+of\s+the)\s+(?:[\w-]+\s+)?(?:recipients?|beneficiar(?:y|ies))\s+of|"
            # "§R§ is the sole start-up receiving direct support from §F§"
            r"(?:is|was|are|were)\s+(?:§\d+§|(?:the|a|an|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:start-?ups?|compan(?:y|ies)|firms?|"
            r"organi[sz]ations?|institutions?|universit(?:y|ies)))\s+(?:receiving|securing|getting|obtaining)|"
            rf"earned|got|gets|collected)\b"
            # "received a $4 million order / contract from §B§": paid work, a Contract (deals), no funding
            r"(?![^§.;]{0,40}?\b(?:orders?|contracts?|tenders?|deals?|purchases?)\b)"
            rf"(?=[^§]{{0,80}}?(?:{MONEY}|\b(?:grant|funding|funds|investment|financing|round|capital|loan|"
            r"(?:financial|direct|public|government|state)\s+support|\d)))"
            rf"[^§]{{0,80}}?"
            rf"\b(?:from|by|led\s+by|with\s+participation\s+from|backed\s+by)\s+{_GOVERNMENT_UNDER}{_FUNDER_DESCRIPTION}({LIST})"
        ),
        2,
        1,
        "funding-raised",
        0.8,
    ),
    # "§R§ received $20m from §A§ and $5m from §B§": each further amount from its own funder
    Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:has|have|had|also|just|recently|now|will)\s+)*"
            r"(?:raised|received|receive|receives|secured|secure|secures|obtained|won|landed|attracted|got|gets)\b"
            rf"[^§]{{0,80}}?\bfrom\s+(?:the\s+)?§\d+§((?:[^§]{{0,60}}?(?:,\s+|\s+and\s+)(?:another\s+|a\s+further\s+)?"
            rf"(?:{MONEY})[^§]{{0,20}}?\bfrom\s+(?:the\s+)?{LIST})+)"
        ),
        2,
        1,
        "funding-raised-more",
        0.8,
    ),
    # "The $40m round in §R§ was led by §A§ (with participation from §B§)": a round named by its recipient
    Rule(
        re.compile(
            r"\b(?:round|investment|funding|financing|Series\s+[A-F]|seed)\s+(?:in|into|for)\s+(?:the\s+)?§(\d+)§,?\s+"
            r"(?:(?:was|is|has\s+been|were|had\s+been)\s+)?(?:co-)?led\s+by\s+(?:the\s+)?"
            rf"({LIST}(?:,?\s+(?:with|and)\s+(?:participation|support)\s+from\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{LIST})?)"
        ),
        2,
        1,
        "funding-round-in-led-by",
        0.8,
    ),
    # "§A§ has led a $40m investment in §R§, alongside §B§ and §C§": the leaders and co-investors of a round
    Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:has|have|had|also|recently|just)\s+)*(?:co-)?led\s+(?:a|an|the|its)\s+[^§;]{{0,40}}?"
            r"\b(?:round|investment|funding|financing|raise)\s+(?:in|into|for)\s+(?:the\s+)?§(\d+)§"
        ),
        1,
        2,
        "funding-led-investment-in",
        0.8,
    ),
    Rule(
        re.compile(
            r"§\d+§\s+(?:(?:has|have|had|also|recently|just)\s+)*(?:co-)?led\s+(?:a|an|the|its)\s+[^§;]{0,40}?"
            r"\b(?:round|investment|funding|financing|raise)\s+(?:in|into|for)\s+(?:the\s+)?§(\d+)§,?\s+"
            rf"(?:alongside|with|together\s+with|joined\s+by)\s+(?:the\s+)?(?:(?:[a-z][\w-]*|§\d+§)\s+){{0,3}}?({LIST})"
        ),
        2,
        1,
        "funding-led-alongside",
        0.8,
    ),
    Rule(
        re.compile(
            rf"(?:paid|provided|invested|funded|financed|injected|backed|led|contributed)\s+by\s+(?:the\s+)?{ENT}'s?\s+[^§:]{{0,50}}?"
            rf"(?:shareholders|investors|backers|funders)\s*:?\s*({LIST})"
        ),
        2,
        1,
        "funding-shareholders",
        0.8,
    ),
    Rule(
        re.compile(
            rf"{ENT}\s+[^§]{{0,50}}?\b(?:acquire|acquired|acquires|acquiring|take|took|takes|taking|taken|buy|bought|buys|buying|"
            rf"purchased|purchases|holds|held|hold|holding|owns|owned|own)" + _STAKE_HELD
        ),
        1,
        2,
        "funding-stake",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "Ada Lin personally holds an 11 percent equity stake in the company": a person's holding
    # (told in passing: no deal of its own, see HOLDING_RULES)
    Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:personally|still|also|now|reportedly)\s+)?(?:holds|held|owns|owned)"
            + _STAKE_HELD
        ),
        1,
        2,
        "funding-person-stake",
        0.8,
        frozenset({E.PERSON}),
        frozenset(ACTORS),
    ),
    Rule(
        re.compile(
            rf"(?:through|via)\s+the\s+{ENT}[^§]{{0,60}}?\b(?:contribution|funding|investment)[^§]{{0,40}}?{ENT}"
        ),
        1,
        2,
        "funding-through",
        0.6,
    ),
    Rule(
        re.compile(
            rf"{ENT}'s?\s+(?:[\w$€£¥.,-]+\s+){{0,3}}?{_INVEST_NOUN}\s+(?:of\s+(?:{MONEY})\s+)?(?:in|into|to|for)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-possessive",
        0.8,
    ),
    Rule(
        re.compile(
            rf"(?:{MONEY})\s+(?:{_INVEST_NOUN}\s+)?(?:is\s+|was\s+|will\s+be\s+)?(?:injected|invested|provided)?\s*(?:in|into|to)\s+(?:the\s+)?{ENT}"
            rf"\s+(?:from|by)\s+({LIST})"
        ),
        2,
        1,
        "funding-amount",
        0.8,
    ),
    Rule(
        re.compile(
            rf"\bfrom\s+the\s+{ENT}[^.;]{{0,90}}?\b(?:will|to|would|shall)\s+(?:pay\s+for|fund|finance|help\s+(?:fund|finance|build))\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-pays-for",
        0.7,
        frozenset(ACTORS),
    ),
    Rule(
        re.compile(rf"(?:investments?|funding)\s+(?:in|into)\s+(?:the\s+)?{ENT}\s+(?:from|by)\s+({LIST})"),
        2,
        1,
        "funding-in-from",
        0.8,
    ),
    # "the project will receive EUR 4 million in EU support"
    Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:will|has|have|had|also|is\s+to|would)\s+)*(?:receive[sd]?|receiving|get|gets|got|secured?|won|wins)\s+"
            rf"(?:an?\s+)?(?:(?:additional|further|some|about|around|nearly)\s+)?(?:{MONEY})\s+(?:in|of)\s+(?:the\s+)?{ENT}\s+"
            rf"(?:support|funding|financing|grants?|money|backing|investment|subsid(?:y|ies))\b"
        ),
        2,
        1,
        "funding-in-support",
        0.8,
    ),
    # "Orbion, a firm setting up in Lyon thanks to an investment by X, ...": the subject is funded
    Rule(
        re.compile(
            rf"^\s*{ENT},?\s+[^.;]{{0,120}}?\b(?:thanks\s+to|with\s+the\s+help\s+of|with\s+the\s+support\s+of)\s+"
            rf"(?:an?\s+|the\s+)?(?:[\w$€£.,-]+\s+){{0,3}}?(?:investment|funding|grant|financing|backing)\s+(?:by|from)\s+({LIST})"
        ),
        2,
        1,
        "funding-thanks-to",
        0.7,
        frozenset(ACTORS),
        RECIPIENTS,
    ),
    # "the machine unveiled by Orbion in 2023 with funding from the Ministry": the nearest actor is funded
    Rule(
        re.compile(
            rf"{ENT}[^§.;]{{0,60}}?\bwith\s+(?:the\s+)?(?:financial\s+|additional\s+|public\s+)?(?:funding|financing|backing|grants?|an?\s+grant|"
            rf"investments?|an?\s+investment|money|financial\s+support)\s+(?:from|of|by)\s+(?:the\s+)?({LIST})"
        ),
        2,
        1,
        "funding-with-funding-from",
        0.7,
        frozenset(ACTORS),
        RECIPIENTS,
    ),
    # "Kessler co-led a $450 million round for Orbion", "X joined the Series B of Y"
    Rule(
        re.compile(
            rf"({LIST})(?:,\s+(?:for\s+example|for\s+instance|in\s+turn|meanwhile|too),)?\s+(?:(?:has|have|had|also|recently|jointly)\s+)*"
            r"(?:co-led|led|headed|anchored|joined|participated\s+in|took\s+part\s+in|backed|supported|co-financed|co-funded)\s+"
            rf"(?:an?|the|its)\s+(?:[^§.;]|\.(?=\d)){{0,40}}?\b(?:round|raise|financing|Series\s+[A-H]\d?)"
            # "a $33m series B round in May 2022 for Classiq"
            r"(?:\s+(?:in|on)\s+(?:early\s+|late\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\s+in\s+\d{4})?"
            rf"\s+(?:for|in|of|into)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-led-round-for",
        0.8,
        frozenset(ACTORS),
        RECIPIENTS,
    ),
    # "other investors in Orbion include X and Y", "Orbion's backers include X and Y"
    Rule(
        re.compile(
            rf"\b(?:investors?|backers?|shareholders?|funders?)\s+(?:in|of)\s+(?:the\s+)?{ENT},?\s+"
            rf"(?:include[sd]?|including|such\s+as|are|were|like)\s*:?\s+(?:The\s+)?({LIST})"
        ),
        2,
        1,
        "funding-investors-of",
        0.8,
        frozenset(ACTORS),
    ),
    # "In addition to X, other previous investors in Orbion include ...": X is an investor too
    Rule(
        re.compile(
            rf"\b(?:[Ii]n\s+addition\s+to|[Bb]esides|[Aa]part\s+from|[Aa]longside|[Aa]s\s+well\s+as)\s+({LIST}),\s+"
            rf"(?:the\s+)?other\s+(?:[\w-]+\s+){{0,2}}?(?:investors?|backers?|shareholders?|funders?)\s+(?:in|of)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-investors-of",
        0.8,
        frozenset(ACTORS),
    ),
    Rule(
        re.compile(
            rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}?(?:investors|backers|shareholders|funders)\s+"
            rf"(?:include[sd]?|including|such\s+as|are|were)\s*:?\s+(?:The\s+)?({LIST})"
        ),
        2,
        1,
        "funding-investors-of",
        0.8,
        frozenset(ACTORS),
    ),
    # "Orbion is backed by X and Y", "the centre, funded by the Innovation Authority, ..."
    Rule(
        re.compile(
            rf"{ENT}(?:,\s+(?:which\s+is\s+|which\s+was\s+|(?:an?|the)\s+(?:[\w-]+\s+){{1,4}}?)?|\s+(?:(?:is|are|was|were|has|have|been|being|also|now|jointly|largely|partly)\s+)+)"
            rf"(?:(?:also|jointly|largely|partly|mainly)\s+)?(?:backed|funded|financed|bankrolled|co-funded)\s+(?:by|through|via)\s+({_CLOSED_LIST})"
        ),
        2,
        1,
        "funding-passive",
        0.8,
        frozenset(ACTORS) - {E.PERSON},
    ),
    # "the Fund, a $1bn initiative supported by $500m from state-owned banks (like A, B and C)",
    # "Orbion is funded by $5m from Kessler Ventures": the money's source is the funder
    Rule(
        re.compile(
            rf"{ENT}(?:,\s+(?:an?|the)\s+[^§;]{{0,60}}?\s|\s+(?:(?:is|are|was|were|has|have|been|being|also|now|jointly|largely|partly)\s+)+)"
            # "... supported by a $10 million grant from X", "backed by $5m in seed funding from X"
            rf"(?:supported|funded|backed|financed|co-funded)\s+(?:by|with)\s+(?:an?\s+)?(?:{MONEY})\s+"
            r"(?:in\s+[\w-]+\s+(?:[\w-]+\s+)?|(?:[\w-]+\s+)?(?:grant|investment|loan|award|contribution)s?\s+)?from\s+(?:the\s+)?"
            rf"(?:[a-z][\w-]*\s+){{0,3}}?\(?(?:(?:like|such\s+as|including)\s+)?({LIST})"
        ),
        2,
        1,
        "funding-passive-amount",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "a EUR 2 million grant was awarded to Orbion by the Nordic Fund"
    Rule(
        re.compile(
            rf"{_INVEST_NOUN}[^§.;]{{0,30}}?\b(?:was|were|has\s+been|have\s+been|is|are|will\s+be)\s+(?:awarded|granted|given|provided|made\s+available)"
            rf"\s+to\s+(?:the\s+)?{ENT}\s+by\s+({LIST})"
        ),
        2,
        1,
        "funding-awarded-to",
        0.8,
    ),
    # "Orbion was awarded EUR 2m by the Nordic Fund", "Orbion has been granted a loan from X"
    Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:has|have|had|also|just|recently)\s+)*(?:was|were|been)\s+(?:awarded|granted|given|offered)\b"
            rf"(?!{_AMOUNT_GAP}{{0,60}}?\b(?:contracts?|deals?|orders?|tenders?)\b){_AMOUNT_GAP}{{0,60}}?"  # a contract is no funding
            rf"\b(?:by|from)\s+({LIST})"
        ),
        2,
        1,
        "funding-awarded-by",
        0.8,
    ),
    # "a $50 million funding package secured by Orbion, located in Lyon, from the Nordic Fund and X"
    Rule(
        re.compile(
            rf"\b(?:{_INVEST_NOUN}|package|round|raise|award)\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?"
            rf"(?:secured|raised|received|won|landed|obtained|collected)\s+by\s+(?:the\s+)?{ENT}"
            rf"(?:,\s+[^§;]{{0,40}}?§\d+§(?:,\s+§\d+§)?,)?\s+(?:from|with)\s+{_GOVERNMENT_UNDER}(?:the\s+)?({LIST})"
        ),
        2,
        1,
        "funding-secured-by",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "Orbion is supported with a Nordic Fund award", "the centre is funded by an NSF grant"
    Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:is|are|was|were|has|have|been|will|be|also|partly|largely|jointly|now)\s+)+"
            rf"(?:supported|funded|financed|backed)\s+(?:with|by|through|via)\s+(?:an?|the)\s+{ENT}\s+(?:[\w-]+\s+){{0,4}}?"
            rf"(?:grant|award|funding|loan|investment|subsidy|contract)s?\b"
        ),
        2,
        1,
        "funding-supported-with",
        0.8,
        frozenset(ORGS | PLACES | {E.PROGRAM}),
        frozenset(ACTORS),
    ),
    # "Kessler led Orbion's $10 million Series A", "X participated in Orbion's seed round"
    Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:has|have|had|also|recently|jointly|will)\s+)*(?:co-led|led|headed|anchored|joined|participated\s+in|"
            rf"took\s+part\s+in|invested\s+in|backed)\s+{ENT}'s?\s+(?:[\w$€£¥.,-]+\s+){{0,4}}?"
            r"(?:round|raise|financing|Series\s+[A-H]\d?|seed)\b"
        ),
        1,
        2,
        "funding-led-round-for",
        0.8,
        frozenset(ACTORS),
        RECIPIENTS,
    ),
    # a round-up item headed by its investor: "- DCVC: Invested in Atom Computing, ...",
    # "Kessler (KV): Led $50 million in Orbion", "Tarvel Capital: Backed Veltra, a spinout of ..."
    Rule(
        re.compile(
            r"^\s*(?:[-–•*]\s*)?§(\d+)§(?:\s*\((?:[^()§]{1,20}|§\d+§)\))?\s*:\s+"
            r"(?:(?:[Ii]nvested|[Bb]acked|[Ff]unded|[Ff]inanced)\s+(?:[^§.;:]{0,40}?\s)?(?:(?:in|into)\s+)?"
            # "Led $50 million in §R§", "Co-led the Series A round for §R§" (not "Led the market in sales to")
            r"|(?:[Ll]ed|[Cc]o-led)\s+[^§.;:]{0,30}?(?:round|Series\s+[A-E]|funding|investment|million|billion|[$€£]\S*)"
            r"\s+(?:in|into|for|of)\s+)(?:the\s+)?§(\d+)§"
        ),
        1,
        2,
        "funding-roundup-item",
        0.8,
        frozenset(ORGS),
        RECIPIENTS,
    ),
    # "Tarvel, an early investor in Orbion, ...", "Kessler is an investor in Orbion"
    Rule(
        re.compile(
            rf"{ENT}(?:,\s+|\s+(?:is|was|are|were|has\s+been|had\s+been|became|remains|is\s+also)\s+)"
            r"(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:investors?|backers?|shareholders?|funders?|financiers?)\s+"
            rf"(?:in|of|behind)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-investor-in",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "Orbion is a portfolio company of Tarvel"
    Rule(
        re.compile(
            rf"{ENT}(?:,\s+|\s+(?:is|was|has\s+been|became|remains)\s+)(?:an?|one\s+of)\s+(?:the\s+)?(?:[\w-]+\s+)?"
            rf"portfolio\s+compan(?:y|ies)\s+of\s+(?:the\s+)?{ENT}"
        ),
        2,
        1,
        "funding-portfolio-of",
        0.8,
        frozenset(ACTORS),
        RECIPIENTS,
    ),
    # "Orbion counts Kessler and Tarvel among its investors"
    Rule(
        re.compile(
            rf"{ENT}\s+(?:(?:also|now)\s+)?(?:counts|counted|lists|listed|includes|included)\s+({LIST})\s+(?:among|as)\s+"
            r"(?:its|their)\s+(?:[\w-]+\s+)?(?:investors|backers|shareholders|funders)\b"
        ),
        2,
        1,
        "funding-investors-of",
        0.8,
        frozenset(ACTORS),
    ),
    # "Tarvel made a $5 million investment in Orbion", "Kessler has poured $40m into Orbion"
    Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:has|have|had|also|recently|will|jointly)\s+)*(?:made|makes|make|completed|completes|closed)\s+"
            rf"(?:an?|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:(?:{MONEY})\s+)?(?:[\w-]+\s+)?(?:investment|injection)s?\s+(?:in|into)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-made-investment",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:has|have|had|also|recently|will|jointly)\s+)*(?:poured|pours|pumped|pumps|sunk|sank|ploughed|plowed)\s+"
            rf"(?:an?\s+)?(?:(?:additional|further|another)\s+)?(?:{MONEY})\s+into\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-made-investment",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "A $2 million grant from the F will support R", "Funding for R comes from F"
    Rule(
        re.compile(
            rf"\b{_INVEST_NOUN}\s+(?:of\s+(?:{MONEY})\s+)?from\s+(?:the\s+)?({LIST})\s+(?:(?:will|would|is\s+to|is\s+set\s+to|to|also)\s+)*"
            r"(?:support|supports|fund|funds|help|helps|enable|enables|allow|allows|finance|finances|go\s+to|goes\s+to|benefit|benefits)\s+"
            rf"(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-noun-supports",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    Rule(
        re.compile(
            rf"\b(?i:funding|financing|money|support|backing|capital)\s+for\s+(?:the\s+)?{ENT}\s+(?:(?:also|largely|mainly|partly)\s+)?"
            rf"(?:comes|came|will\s+come|is\s+coming|is\s+provided|was\s+provided)\s+(?:from|by)\s+(?:the\s+)?({LIST})"
        ),
        2,
        1,
        "funding-comes-from",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "F is supporting R with a $2 million grant", "F selected R for a $2 million grant"
    Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:has|have|had|is|are|was|were|will|also|recently)\s+)*(?:supporting|supports|supported|support|"
            r"selected|selects|chose|chosen|picked)\s+(?:the\s+)?§(\d+)§\s+(?:with|for|to\s+receive)\s+(?:an?\s+|the\s+)?"
            rf"(?:[\w$€£¥.,-]+\s+){{0,4}}?(?:grants?|funding|awards?|investments?|loans?|financing)\b"
        ),
        1,
        2,
        "funding-supports-with",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "Sanko is also committing to significant research funding at Kessler University"
    Rule(
        re.compile(
            rf"({LIST})\s+(?:(?:is|are|was|were|has|have|had|will|also|now)\s+)*(?:committing|committed|commits|commit|pledging|pledged|pledges)\s+"
            rf"(?:to\s+)?(?:[\w$€£¥.,-]+\s+){{0,4}}?(?:funding|investments?|financing|grants?|money)\s+(?:at|for|to|in|into)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-committed-at",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "the Sanko-backed Orbion", "Orbion, a Sanko-backed start-up": a backer named as a modifier
    Rule(
        re.compile(r"§(\d+)§-(?:backed|funded|financed|co-funded)\s+(?:[a-z][\w-]*\s+){0,3}?§(\d+)§"),
        1,
        2,
        "funding-hyphen-backed",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    Rule(
        re.compile(
            r"§(\d+)§,\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,2}?§(\d+)§-(?:backed|funded|financed|co-funded)\b"
        ),
        2,
        1,
        "funding-hyphen-backed",
        0.8,
        frozenset(ACTORS),
        frozenset(ACTORS),
    ),
    # "Orbion has issued 24 million shares to Kessler Group": the buyer of new shares invests
    Rule(
        re.compile(
            rf"{ENT}(?:,[^;]{{0,120}}?,)?\s+(?:(?:has|have|had|will|would|also|is\s+to)\s+)*(?:issued|issues|issue|allotted|allots|sold|sells)\s+"
            r"(?:about\s+|some\s+|nearly\s+)?(?:[\d.,]+\s+(?:million\s+|billion\s+)?)?(?:new\s+|ordinary\s+|common\s+)?(?:shares|stock)\b"
            rf"[^§.;]{{0,30}}?\bto\s+(?:the\s+)?{ENT}"
        ),
        2,
        1,
        "funding-shares-issued-to",
        0.8,
        frozenset(ACTORS),
        RECIPIENTS,
    ),
    # "the government would invest $8.7 million from the Nordic Fund in Orbion": the fund pays
    Rule(
        re.compile(
            rf"\b(?:invest|invests|invested|investing|provide|provides|provided|inject|injects|injected|commit|commits|committed)\s+"
            rf"(?:an?\s+)?(?:(?:additional|further|another)\s+)?(?:{MONEY})\s+from\s+(?:the\s+|its\s+)?{ENT}\s+(?:in|into|to)\s+(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-from-fund",
        0.8,
        frozenset({E.PROGRAM, E.GOVERNMENT_BODY, E.COMPANY}),
        frozenset(ACTORS),
    ),
    # "Orbion, a firm in which Kessler holds a majority stake": the owner of the stake invests
    Rule(
        re.compile(
            rf"{ENT},\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:company|firm|start-?up|business|venture|group)\s+"
            rf"(?:in\s+which|of\s+which)\s+(?:the\s+)?{ENT}\s+(?:(?:now|still|also|already)\s+)?"
            r"(?:holds|held|owns|owned|has|had|took|acquired)\s+an?\s+(?:[\w-]+\s+){0,2}?stake\b"
        ),
        2,
        1,
        "funding-stake",
        0.8,
        frozenset(ACTORS),
    ),
    # "Samsung's venture arm invested in Orbion": the parent stands for its investment arm
    Rule(
        re.compile(
            rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}?(?:arm|unit|fund|division)\s+(?:(?:has|have|had|also|recently|today)\s+)*"
            rf"{_INVEST_VERB}\s+(?:[^§.;]{{0,40}}?\b(?:in|into|to)\s+)?(?:the\s+)?{ENT}"
        ),
        1,
        2,
        "funding-arm",
        0.7,
    ),
)


def folded_facts(v: SentView) -> Iterator[Fact]:
    """What an apposition said of money before it was folded into its head: "§X§, a firm setting up
    in §Lyon§ thanks to an investment by §Y§, scored ...", "§X§, a consortium of ... (§A§, §B§) has won
    a grant of $40m from §F§"."""
    unfolded = v.memo.get(UNFOLDED)
    if not isinstance(unfolded, str) or len(unfolded) == len(v.masked) or unfolded.count("§") < 4:
        return
    if gate(unfolded.lower(), GATE):
        yield from apply(v, unfolded, _APPOSITION_RULES, R.INVESTS_IN)


#: "A and B signed an investment agreement with (quantum firm) C".
_INVESTMENT_AGREEMENT = re.compile(
    rf"({LIST})\s+(?:(?:have|has|had|also|today|jointly|formally)\s+)*(?:signed|celebrated|concluded|entered\s+into|struck|inked|"
    r"closed|announced|agreed|marked|sign|signs)\s+(?:(?:an?|the|their)\s+)?(?:[\w$€£¥.,-]+\s+){0,3}?(?:investment|financing|funding|loan|equity|venture\s+debt)\s+"
    rf"(?:agreement|deal|contract)\s+with\s+(?:the\s+)?(?:(?:[A-Za-z][\w-]*|§\d+§)\s+){{0,4}}?{ENT}"
    # "with French §quantum computing§ firm §Pasqal§": the name is the last of the description
    r"(?!\s+(?:[a-z][\w-]*\s+){0,2}§)"
)
#: Who an investment agreement names as the money's source: public funders, programmes and funds.
_PUBLIC_MONEY = frozenset({E.PROGRAM, E.GOVERNMENT_BODY, E.COUNTRY, E.REGION, E.CITY})
_MONEY_NAME = re.compile(r"\b(?:Bank|Fund|Funds|Capital|Ventures?|Investments?|Finance|Financial|Investor)\b")


def _money_side(v: SentView, i: int) -> bool:
    """Whether mention ``i`` is a funder by kind (a government, a programme) or by name (a bank, a fund)."""
    return v.type(i) in _PUBLIC_MONEY or _MONEY_NAME.search(v.mentions[i].text) is not None


#: A list item that may be described before its name: "the space company §B§", "§C§'s start-up §D§".
_DESCRIBED_ITEM = (
    r"(?:(?!\b(?:which|who|whose|that|has|have|had|is|was|were|are|to|from|with|by|for|in)\b)[^.;,]){0,70}?"
    r"§\d+§(?=\s*(?:,|\band\b|[.;]|$))"
)
#: "§K§ was one of the first financiers of the §German§ AI hope §A§, the space company §B§ and §C§'s
#: start-up §D§": an investor of a list whose items are described (each item's last name).
_BACKER_OF_DESCRIBED = compile_gated(
    rf"{ENT}(?:,\s+|\s+(?:is|was|are|were|has\s+been|had\s+been|became|remains)\s+)(?:an?|the|one\s+of\s+the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:investors?|backers?|shareholders?|funders?|financiers?)\s+(?:in|of|behind)\s+"
    rf"({_DESCRIBED_ITEM}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_DESCRIBED_ITEM}){{1,8}})"
)
_ITEM_END = re.compile(r"§(\d+)§(?=\s*(?:,|\band\b|$))")


def investment_facts(v: SentView, m: str) -> Iterator[Fact]:
    yield from apply(v, m, _INVEST_RULES, R.INVESTS_IN)
    yield from backers.backer_facts(v, m, m.lower())
    for x in _BACKER_OF_DESCRIBED.finditer(m):
        a = int(x.group(1))
        if v.type(a) not in INVESTORS:
            continue
        for t in (int(i) for i in _ITEM_END.findall(x.group(2))):
            if v.type(t) in RECIPIENTS and v.id(t) != v.id(a):
                yield Fact(v.id(a), R.INVESTS_IN, v.id(t), "funding-backer-of-list", 0.8)
    for x in _INVESTMENT_AGREEMENT.finditer(m) if "agreement" in m or "deal" in m or "contract" in m else ():
        signers, other = ids_in(x.group(1)), int(x.group(2))
        # the money's side is the public funders, programmes, funds and banks; two firms are unclear
        if (
            v.type(other) in RECIPIENTS
            and not _money_side(v, other)
            and all(_money_side(v, a) for a in signers)
        ):
            for a in signers:
                yield Fact(v.id(a), R.INVESTS_IN, v.id(other), "funding-investment-agreement", 0.8)
        elif _money_side(v, other) and all(
            v.type(a) in RECIPIENTS and not _money_side(v, a) for a in signers
        ):
            for a in signers:
                yield Fact(v.id(other), R.INVESTS_IN, v.id(a), "funding-investment-agreement", 0.8)


#: The rules that read an apposition before the fold (its funders, or its head's verb after it).
_APPOSITION_RULE_NAMES = frozenset(
    {
        "funding-thanks-to",
        "funding-with-funding-from",
        "funding-passive",
        "funding-passive-amount",
        "funding-raised",
        "funding-investor-in",
        "funding-portfolio-of",
        "funding-hyphen-backed",
    }
)
_APPOSITION_RULES = tuple(r for r in _INVEST_RULES if r.name in _APPOSITION_RULE_NAMES)


# -- funding rounds, read across sentences ------------------------------------------------

#: A sentence mentions a round (or its money) when one of these occurs; the rest need it.
ROUND_GATE = (
    "round",
    "series",
    "seed",
    "raise",
    "raising",
    "funding",
    "financing",
    "invest",
    "backer",
    "backed",
    "capital",
    "money",
    "proceeds",
    "committed",
    "contributed",
    "pledged",
    "inject",
    "grant",
    "providing",
    "chip",
    "stake",
)

_ROUND_WORD = rf"(?:\b(?:pre-)?seed\b|\bSeries\s+[A-H]\d?\b|\bround\b|\bfunding\b|\bfinancing\b|\bcapital\b|\braise\b|{MONEY})"
#: "§R§ (...), a Chinese photonics startup, completed ...": a bracket and an appositive may sit between
_APPOSITION = (
    r"(?:\s*\([^()§]{0,40}\))?(?:,\s+(?:an?|the|which|who|that)\s+[^§,.;()]{0,60}?(?:§\d+§[^§,.;()]{0,40}?)?,?)?"
    r"(?:\s+(?:was|is|has\s+been)\s+[^§,.;()]{0,40}?\s+and)?"
)
#: "§R§ on Sept. 9 announced ...", "§R§ on Tuesday closed ...": a date between the recipient and its verb.
_WHEN = (
    r"(?:\s+(?:on|in|earlier\s+in|late\s+in|early\s+in)\s+(?:[A-Z][a-z]+\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}\s+[A-Z][a-z]+)"
    r"(?:,?\s+\d{4})?,?)?"
)
#: "§R§ has raised ... (a round / $N)": the sentence opens a round whose recipient is R.
_ANNOUNCE = compile_gated(
    rf"{ENT}{_APPOSITION}{_WHEN}(?:,\s+(?:which|that|who))?\s+(?:(?:has|have|had|also|just|recently|now|today|officially|successfully|finally|"
    rf"this\s+(?:week|month|year)|last\s+(?:week|month))\s+)*"
    rf"(?:raised|raises|closed|closes|completed|completes|secured|secures|picked\s+up|picks\s+up|landed|lands|"
    rf"announced\s+(?:today\s+)?(?=an?\s|its\s|new\s|fresh\s)|"
    rf"bagged|bags|nabbed|attracted|attracts|obtained|received|receives|won|wins|banked|collected|collects|"
    rf"pulled\s+in|pulls\s+in|brought\s+in|brings\s+in|took\s+in|netted|nets|garnered|garners|snagged|scored|scores)\b"
    rf"[^§.;]{{0,60}}?{_ROUND_WORD}"
)
#: "§R§'s Series B round", "§R§'s $40m raise"
_POSSESSIVE_ROUND = re.compile(
    rf"{ENT}'s?\s+(?:[^§.;]{{0,30}}?\s)?(?:(?:(?:pre-)?seed|Series\s+[A-H]\d?|funding|financing)?\s*(?:round|raise|financing)\b"
    r"|Series\s+[A-H]\d?\b)"
)
#: "the round", "this Series B", "the funding", "the investment": a round already on stage.
_REFERS = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:(?:new|latest|recent|current|same|whole|entire|total|oversubscribed|"
    r"first|second|third|final|initial|additional|extended|remaining|funding|financing|investment|equity|seed|pre-seed|growth|"
    rf"venture|Series\s+[A-H]\d?|{MONEY}|[\d.,]+\s*(?:million|billion|m|bn))\s+){{0,4}}?"
    r"(?:round|Series\s+[A-H]\d?|funding|financing|investment|raise|seed|capital|money|proceeds|grant|award)\b",
    re.I,
)
#: "... have also invested in the business": the recipient of the round on stage, by description
_INVESTED_IN_IT = re.compile(
    r"\b(?:invested|invests|investing|participated|participates)\s+in\s+(?:the|this)\s+"
    r"(?:company|business|start-?up|firm|spin-?out|spin-?off|round|raise)\b",
    re.I,
)
_INVESTOR_NOUN = r"(?:investors?|backers?|shareholders?|funders?|financiers?|participants?|participating|LPs)"
_LOWER_GAP = r"(?:[a-z][\w.-]*[,:]?\s+){0,8}?"
#: a fund named with its manager: "the RCM Fund managed by Rokos Capital" (the manager is not an investor)
_MANAGED = r"\s+(?:advised|managed|owned|run|operated|controlled)\s+by\s+(?:the\s+)?§\d+§"
#: (an owner before a lower-case noun is no item: "§T§, the §SG§'s investment firm" names §T§ only;
#: "former §p§": a person who held a role, named with it)
_ITEM = (
    rf"(?:the\s+|former\s+)?(?:§\d+§'s?\s+)?§\d+§(?![’']s?\s+[a-z])(?:{_MANAGED})?(?:\s*\([^()§]{{0,60}}\))?"
)
#: a long roster of investors: a list whose items may carry their manager; two names side by side
#: are two items when an apposition between them was folded away ("A, the B fund, C" -> "A C")
#: a described item no name marks, between two named ones: "A, funds and accounts advised by T. Rowe
#: Price, B and C" (the roster goes on past it; what it describes is no investor of its own)
#: (an aside is no item: "A, according to a filing, B said", "A, which ..., B")
_UNNAMED_ITEM = (
    r"(?:\s*,\s*(?!(?:according|which|who|whose|while|as|but|in|on|at|for|with|after|before|when|where|including)\b)"
    r"(?![^§,;]{0,80}\b(?:said|says|told|reported|noted)\b)"
    r"[a-z](?:[^§,;.]|\.(?=\s?[A-Z])){0,80}(?=,\s*(?:and\s+)?(?:the\s+)?§))"
)
_ROSTER = rf"{_ITEM}(?:{_UNNAMED_ITEM}?(?:\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+|,?\s+as\s+well\s+as\s+|\s+(?=§)){_ITEM})*"
_RW = r"(?:round|series\s+[a-h]\d?|funding|financing|investment|raise|seed|tranche)"
#: cue words that introduce a list of investors in a round context
_BEFORE = re.compile(
    rf"(?:\b{_RW}\b[^§.;]{{0,40}}?\b(?:(?:co-)?led|anchored|headed|joined|followed|supported|backed)\s+by|"
    rf"\bbacked\s+by|\bparticipation\s+(?:from|of|by)|\balong\s+with|"
    # "X led the round alongside A, B and C"
    rf"\b(?:co-)?led\s+(?:the|this|its)\s+(?:[\w$€£.-]+\s+){{0,3}}?{_RW}\s+alongside|"
    # "the series D was led by X and involved A, B and C"
    rf"\b{_RW}\b[^§.;]{{0,80}}?\b(?:involved|involves|included|includes|include)|"
    rf"(?:{MONEY}|\bround|\bfunding|\bfinancing|\binvestments?|\bcapital|\bmoney|\bcommitments?|\bcontributions?|\bbacking|"
    rf"\bcame|\bcomes|\bcoming|\braised|\bsecured|\bclosed|\bcompleted)[^§.;]{{0,40}}?\bfrom|"
    rf"\b{_INVESTOR_NOUN},?\s+(?:[\w-]+,?\s+){{0,6}}?(?:include[sd]?|including|such\s+as|like|namely|are|were)|"
    # "existing investors from earlier rounds have also taken part, including A and B"
    rf"\b{_INVESTOR_NOUN}\s+(?:[\w-]+\s+){{1,8}}?(?:taken|took|take|taking)\s+part,\s+including|"
    # "The grant, awarded by the X Agency": the giver of a grant or award on stage
    rf"\b(?:grant|award)s?,?\s+(?:(?:was|were|has\s+been|had\s+been|which\s+was)\s+)?(?:awarded|made|given|provided)\s+by)"
    rf"\s*:?\s+{_LOWER_GAP}({_ROSTER})",
    re.I,
)
#: "The round was led by X with A and B", "Investors include X, alongside A and B": the
#: co-investors after a lead or a listed investor (a list ends at "with"/"alongside").
_LEAD_WITH = re.compile(
    rf"(?:\b{_RW}\b[^§.;]{{0,20}}?\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:co-)?led\s+by|\b{_INVESTOR_NOUN}\b[^§.;]{{0,40}}?\b(?:include[sd]?|including))"
    rf"\s+{_ROSTER},?\s+(?:alongside|along\s+with|together\s+with|with(?!\s+participation)|including)\s+({_ROSTER})"
    r"(?!\s+(?:in|on)\s)",
    re.I,
)
#: "the round was led by X, joined by A and B": the followers after the lead (apart from
#: :data:`_BEFORE`, whose match of "round was led by X" would hide this one).
_JOINED_BY = re.compile(
    rf"\b(?:co-)?led\s+by\s+[^.;]{{0,80}}?,\s+(?:and\s+)?(?:(?:also|later)\s+)?(?:joined|followed)\s+by\s+({_ROSTER})"
)
#: "The Growth Bank committed GBP 100 million, nearly 40 percent of the total": money put into the round on stage
_PUT_IN = re.compile(
    rf"({LIST}),?\s+(?:[^§.;]{{0,60}}?,\s+)?(?:(?:has|have|had|also|alone|itself|will)\s+)*"
    rf"(?:(?:is|are)\s+(?:also\s+)?providing\s+|(?:will\s+)?(?:chip|chips)\s+in\s+)?"
    rf"(?:committed|contributed|invested|pledged|put\s+in|put\s+up|provided|provides|(?<=providing\s)|(?<=in\s))\s*"
    rf"(?:(?:funding|financing|grants?|support)\s+(?:of|worth)\s+)?(?:an?\s+)?(?:additional\s+|further\s+|another\s+)?(?:{MONEY})"
    r"(?![^§.;]{0,30}\b(?:in|into|to)\s+(?:the\s+)?§)"
)
#: "Investments of $435m have been confirmed for the §zone§": a pool of money for a hub or programme
_POOL_OPEN = compile_gated(
    r"\b(?:investments?|funding|financing|grants?|commitments?|contributions?)\b(?:[^§.;]|\.(?=\d)){0,60}?"
    rf"\b(?:confirmed|committed|announced|pledged|secured|earmarked|allocated|raised)\s+(?:for|to)\s+(?:the\s+)?{ENT}"
)
#: "$131 million is injected by X", "companies that have confirmed investments include X, Y": money into the pool
_POOL_IN = compile_gated(
    rf"(?:(?:{MONEY})(?:[^§.;]|\.(?=\d)){{0,30}}?\b(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+"
    rf"(?:injected|provided|contributed|invested|committed|put\s+up|pledged)\s+by"
    rf"|\b(?:confirmed|committed|pledged|announced)\s+(?:investments?|funding|contributions?)\s+include[sd]?)"
    rf"\s+(?:the\s+)?({LIST})",
    re.I,
)
#: "Existing investors X and Y also took part": the list right after the investor noun
#: "Investors X and Y", "Investors (most of them public funds): X, Y and Z".
_NOUN_LIST = compile_gated(rf"\b{_INVESTOR_NOUN}\s*(?:\([^()§]{{0,80}}\)\s*)?:?\s+(?:the\s+)?({LIST})", re.I)
#: "X led the round", "X and Y also participated", "with Y and Z also participating"
_AFTER = compile_gated(
    rf"({LIST})(?:\s+and\s+others|,?\s+among\s+others,?)?\s+(?:(?:have|has|had|also|all|both|each|will|would|again|too|as\s+well)\s+)*"
    rf"(?:(?:co-)?led|co-led|headed|anchored|participated|participating|took\s+part|taking\s+part|joined|joining|"
    rf"returned|returning|invested|investing|contributed|contributing|chipped\s+in|followed\s+on)\b"
    r"(?!\s+(?:in|into)\s+(?:the\s+)?§)"
)


#: "..., with §X§ (unit) among the participants", "to include §X§ as an investor in the round"
_AMONG_INVESTORS = re.compile(
    rf"\b(?:with|include|includes|included|including|adding|added)\s+({LIST})(?:\s+(?:unit|arm|fund))?\s+"
    r"(?:among|as)\s+(?:(?:one\s+of\s+)?the\s+|an?\s+)?(?:new\s+|other\s+|key\s+|strategic\s+|lead\s+)?"
    rf"{_INVESTOR_NOUN}\b"
)
#: "led by §X§ and involved §A§, §B§ and §C§": the round's further investors after its lead.
_AND_INVOLVED = re.compile(rf"\bled\s+by\s+{_ROSTER}\s+and\s+(?:also\s+)?(?:involved|included)\s+({_ROSTER})")
#: "§M§ joined §A§, §B§ and §C§ in a $215m series C round": the joined are investors of the round too.
_JOINED_OTHERS = re.compile(
    rf"\b(?:joined|joins|joining)\s+({_ROSTER})\s+in\s+(?:an?|the|its|their)\s+(?:[^§.;]|\.(?=\d)){{0,40}}?"
    r"\b(?:round|raise|financing|Series\s+[A-H]\d?)\b",
    re.I,
)
#: "the $450m series D round for §R§", "a seed round in §R§": a round named with its recipient.
_ROUND_FOR = compile_gated(
    rf"\b(?:round|Series\s+[A-H]\d?|raise|financing)\s+(?:for|of|in|into)\s+(?:the\s+)?{ENT}(?!'s?\s)"
)
_STAKE_IN = re.compile(rf"\bstake\s+in\s+(?:{_DESCRIBED_COMPANY})?{ENT}")
_ANNOUNCED_FOR = re.compile(rf"[^§.;]{{0,60}}?\bfor\s+(?:the\s+)?{ENT}")
_GRANT_WORD = re.compile(r"\b(?:grants?|award|funding)\b")


def _round_recipient(v: SentView) -> tuple[str, int] | None:
    """The recipient this sentence opens a round for, and where its phrase ends."""
    for rx in (_ANNOUNCE, _POSSESSIVE_ROUND):
        # several rounds in one sentence: the last is the one the next sentences talk about
        found = [
            x
            for x in rx.finditer(v.masked)
            if v.type(x.group(1)) in RECIPIENTS
            # "§hub§ has won a grant of $40m from §F§": a hub or consortium opens a grant, not a round
            or (v.type(x.group(1)) is E.CLUSTER and _GRANT_WORD.search(x.group(0)))
        ]
        if found:
            x = found[-1]
            # "§Owner§ announced a $600m equity raising for §R§": the announcer speaks for the recipient
            other = _ANNOUNCED_FOR.match(v.masked, x.end()) if "announced" in x.group(0) else None
            if other is not None and v.type(other.group(1)) in RECIPIENTS:
                return v.id(other.group(1)), other.end()
            return v.id(x.group(1)), x.end()
    for x in _ROUND_FOR.finditer(v.masked):
        if v.type(x.group(1)) in RECIPIENTS:
            return v.id(x.group(1)), x.end()
    for x in _STAKE_IN.finditer(v.masked) if "stake" in v.masked else ():
        # "X is taking a stake in Y": the money that follows is Y's
        if v.type(x.group(1)) in RECIPIENTS:
            return v.id(x.group(1)), x.end()
    for x in _POOL_OPEN.finditer(v.masked):
        i = int(x.group(1))
        if v.type(i) in FUNDED | {E.PROGRAM}:
            return v.id(i), x.end()
    return None


#: ", which has invested in several companies," between two investors of a list: not a list item.
_RELATIVE = re.compile(r",\s+(?:which|who)\s+[^§,;.]{1,80}(?=,\s)")


def _investor_lists(m: str) -> Iterator[str]:
    m = _RELATIVE.sub("", m) if "which" in m or "who" in m else m
    for x in _BEFORE.finditer(m):
        yield re.sub(_MANAGED, "", x.group(1))
    for x in _NOUN_LIST.finditer(m):
        yield x.group(1)
    for x in _AFTER.finditer(m):
        yield x.group(1)
    for x in _PUT_IN.finditer(m):
        yield x.group(1)
    for x in _POOL_IN.finditer(m):
        yield x.group(1)
    for x in _AMONG_INVESTORS.finditer(m):
        yield x.group(1)
    for x in _JOINED_OTHERS.finditer(m) if "join" in m else ():
        yield x.group(1)
    for x in _AND_INVOLVED.finditer(m) if "involved" in m or "included" in m else ():
        yield x.group(1)
    for x in _JOINED_BY.finditer(m) if "by" in m else ():
        yield x.group(1)
    for x in _LEAD_WITH.finditer(m) if "with" in m or "includ" in m else ():
        yield x.group(1)


def _modifiers(v: SentView, group: str) -> set[int]:
    """Places used as modifiers right before a name ("the §US§ §Air Force Lab§"): not investors."""
    return {int(a) for a, _ in re.findall(r"§(\d+)§\s+(?=§(\d+)§)", group) if v.type(a) in PLACES}


#: A round opened by a description instead of a name: "An Aussie-led quantum startup in Silicon
#: Valley has closed a US$450 million Series D" (the name comes in the next sentences).
_DESCRIBED_OPENER = re.compile(
    r"^\s*(?:An?|The)\s+[^.;]{0,60}?(?:start-?up|company|firm|developer|maker|scale-?up)\b[^.;]{0,60}?\s"
    r"(?:has\s+|had\s+)?(?:closed|raised|secured|landed|completed|announced)\s+(?:an?\s+|its\s+)?[^.;]{0,60}?"
    r"\b(?:round|raise|Series\s+[A-F]|funding|financing)\b"
)
#: The company named next as a subject: "Founded in 2016 ..., §PsiQuantum§ is working on ...".
_NEXT_SUBJECT = re.compile(r"§(\d+)§\s+(?:is|was|has|had|will|[a-z]+s)\b")


def _described_recipient(views: Sequence[SentView], k: int) -> str | None:
    """The company a described round opener stands for: the first company subject of the next two sentences."""
    if not _DESCRIBED_OPENER.search(views[k].masked):
        return None
    for w in views[k + 1 : k + 3]:
        for x in _NEXT_SUBJECT.finditer(w.masked):
            if w.type(x.group(1)) is E.COMPANY:
                return w.id(x.group(1))
    return None


#: "§A§ led the new funding", "The round was co-led by §A§", "Investors in the round include §A§":
#: a round on stage whose recipient this sentence does not name.
_ROUND_NAMED_BY_REFERENCE = re.compile(
    r"\b(?:[Tt]he|[Tt]his)\s+(?:(?:new|latest|recent|fresh|current|oversubscribed|funding|financing|equity|seed|pre-seed|"
    r"growth|venture|Series\s+[A-H]\d?)\s+){0,3}(?:round|funding|financing|raise|Series\s+[A-H]\d?)\b"
)


def _focus_recipient(views: Sequence[SentView], k: int, window: int) -> str | None:
    """The organisation a round named only by reference belongs to: the one the document names most.

    "PsiQuantum ... formed PsiQuantum ... invested in PsiQuantum. Atomico led the new funding,
    joined by BlackRock" -- the new funding is the round of the organisation the article is about.
    It must be named at least twice, more often than any other organisation that can take money,
    within ``window`` sentences of this one (before or after), and not in this sentence's investor
    lists; a sentence that names an organisation of its own after the round ("the round for X")
    is read by the other rules.
    """
    v = views[k]
    if not _ROUND_NAMED_BY_REFERENCE.search(v.masked):
        return None
    listed = {v.id(i) for group in _investor_lists(v.masked) for i in ids_in(group)}
    if not listed:
        return None
    counts: dict[str, int] = defaultdict(int)
    near: set[str] = set()
    for j, w in enumerate(views):
        for eid, t in zip(w.ids, w.types, strict=True):
            if t in RECIPIENTS:
                counts[eid] += 1
                if abs(j - k) <= window:
                    near.add(eid)
    ranked = sorted(counts.items(), key=lambda c: -c[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    top = ranked[0][0]
    return top if top in near and top not in listed else None


#: A bulleted item long enough to be a sentence ("• §X§ announced ..."), not a one-name line.
_NEWS_BULLET = re.compile(r"^\s*[•·▪◦‣]\s*[^\n]{80}")
#: "§X§ contributed for the first time, along with §Y§": a verb of putting money into the round on stage.
_JOINED_ROUND = re.compile(
    r"§\d+§\s+(?:also\s+)?(?:contributed|chipped\s+in|co-invested)\b"
    # "§A§, §B§ and §C§ took part.": joining with nothing after the verb, so it can only be the round
    r"|§\d+§\s+(?:(?:have|has|had|also|all|both|each)\s+)*(?:took\s+part|participated|joined|invested|co-invested)"
    r"(?:\s+(?:too|as\s+well|again))?\s*(?:[.;]|$)"
)


def round_facts(views: Sequence[SentView], window: int = 5) -> list[tuple[int, Fact]]:
    """INVESTS_IN from every named investor of a funding round to its recipient.

    The latest round of the document stays on stage for ``window`` sentences after it was
    last mentioned, so "The round was led by X" reaches back to the round's recipient.

    A round opened in one sentence and completed in the next:
    "Veltra Quantum raised $30m in a Series A. Kessler Ventures led the round."
    gives ``Kessler Ventures INVESTS_IN Veltra Quantum`` (evidence: the second sentence).
    """
    out: list[tuple[int, Fact]] = []
    recipient: str | None = None
    last = -(10**9)
    #: the sentence where each recipient last opened a round
    opened_at: dict[str, int] = {}
    for k, v in enumerate(views):
        m = v.masked
        low = m.lower()
        if recipient is not None and _NEWS_BULLET.match(m):
            recipient = None  # a bulleted news item is a story of its own: no round carries into it
        if "§" not in m and not (recipient is None and _DESCRIBED_OPENER.search(m)):
            continue
        if not gate(low, ROUND_GATE) and not gate(
            low,
            (
                "led the",
                "participat",
                "participant",
                "took part",
                "taking part",
                "joined",
                "contribut",
                "along with",
                "invested",
            ),
        ):
            continue
        opened = _round_recipient(v)
        described = _described_recipient(views, k) if opened is None and recipient is None else None
        focus = (
            _focus_recipient(views, k, window)
            if opened is None and described is None and (recipient is None or k - last > window)
            else None
        )
        if opened is not None:
            recipient, last = opened[0], k
            opened_at[recipient] = k
        elif described is not None:
            recipient, last = described, k
        elif focus is not None:
            recipient, last = focus, k
        elif recipient is None or k - last > window:
            continue
        elif (
            _REFERS.search(m)
            or _INVESTED_IN_IT.search(m)
            or _PUT_IN.search(m)
            or _POOL_IN.search(m)
            or re.search(rf"\b{_INVESTOR_NOUN}\b", m, re.I)
            or _JOINED_ROUND.search(m)
            or (_JOINED_OTHERS.search(m) if "join" in m else None)
        ):
            if any(r != recipient and k - j <= window for r, j in opened_at.items()):
                continue  # two rounds of two recipients in focus: "the round" could be either
            last = k
        else:
            continue
        for group in _investor_lists(m):
            skip = _modifiers(v, group)
            people = _angels(v, m, group)
            for i in ids_in(group):
                if (v.type(i) in INVESTORS or i in people) and v.id(i) != recipient and i not in skip:
                    out.append((k, Fact(v.id(i), R.INVESTS_IN, recipient, "funding-round", 0.8)))
    return out


#: A sentence that calls its list investors: "Those participating in the round include ...".
_ROSTER_NOUN = re.compile(r"\b(?:participat\w*|investors?|backers?|angels?)\b", re.I)


def _angels(v: SentView, m: str, group: str) -> set[int]:
    """People in an investor roster that names funds too: "Those participating in the round include
    Breyer Capital, former Google CEO Eric Schmidt, Thomas Tull, ..." (angel investors). A person
    owned by a name before them ("§O§'s §P§", "§O§ partner §P§") speaks for that investor instead."""
    if E.PERSON not in v.types or not _ROSTER_NOUN.search(m):
        return set()
    ids = ids_in(group)
    if not any(v.type(i) in INVESTORS for i in ids):
        return set()
    return {
        i
        for i in ids
        if v.type(i) is E.PERSON
        and not re.search(rf"§\d+§(?:['’]s?)?\s+(?:(?!and\b|or\b)[\w-]+\s+)?§{i}§", group)
    }


# -- "A and B announced an investment ... The joint funding will allow C to ..." ---------------


_JOINT_FUNDING_OPENS = re.compile(
    r"^\s*The\s+(?:joint\s+|new\s+)?(?:funding|investment|grant|package|financing)\b"
)
_JOINT_FUNDING_ANNOUNCED = re.compile(
    rf"^\s*(?:The\s+)?({LIST})\s+(?:have|has|had|will|jointly|today|\s)*(?:announced|committed|pledged|unveiled|approved|agreed)\b[^.]*\b(?:investment|funding|grant|package)"
)
_JOINT_FUNDING_ALLOWS = re.compile(
    rf"\b(?:allow|allows|enable|enables|help|helps|support|supports|fund|funds)\s+(?:[\w-]+\s+){{0,3}}?{ENT}"
)


def joint_funding_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """'A and B announced an investment ...' then 'The joint funding will allow C to ...'; and a
    funder's money for a counted group whose members the next sentences list."""
    out: list[tuple[int, Fact]] = list(grants.counted_recipient_facts(views)) + list(
        grants.grant_share_facts(views)
    )
    for k in range(1, len(views)):
        prev, v = views[k - 1], views[k]
        if not _JOINT_FUNDING_OPENS.match(v.masked):
            continue
        x = _JOINT_FUNDING_ANNOUNCED.search(prev.masked)
        y = _JOINT_FUNDING_ALLOWS.search(v.masked)
        if not x or not y:
            continue
        b = int(y.group(1))
        if v.type(b) not in RECIPIENTS:
            continue
        for a in ids_in(x.group(1)):
            out.append((k, Fact(prev.id(a), R.INVESTS_IN, v.id(b), "joint-funding", 0.7)))
    return out


# -- one Investment agreement per recipient -----------------------------------------------

#: Rules that tell what an investor holds, not a deal: "§K§'s portfolio includes §A§", "§K§ backed
#: start-ups such as §A§", "§A§ is in the portfolio of §K§", "§K§ was one of the first financiers of
#: §A§, §B§ and §C§", a round-up item "- §K§: Invested in §A§". Their INVESTS_IN stand alone; annotators
#: give such holdings no Investment agreement.
HOLDING_RULES = frozenset(
    {
        "funding-portfolio-includes",
        "funding-in-portfolio",
        "funding-backed-examples",
        "funding-holder-of",
        "funding-backer-of-list",
        "funding-roundup-item",
        "funding-person-stake",
    }
)


#: A sentence recalling an earlier round: "In the past, §R§ raised funds in an angel round from
#: §A§", "Other previous investors in §R§ include §B§" -- a deal of its own, apart from the one
#: the article reports (unless the sentence says they joined this one).
_EARLIER_ROUND = re.compile(
    r"\b(?:[Ii]n\s+the\s+past|[Pp]reviously|[Ee]arlier\s+(?:rounds?|funding|investors|backers)|"
    r"(?:an?|its|their)\s+(?:earlier|previous|prior|first)\s+(?:funding\s+)?(?:round|raise)|"
    r"(?:[Pp]revious|[Pp]rior|[Ee]arly|[Ee]arlier)\s+(?:investors|backers|shareholders)\s+(?:in\s+§\d+§\s+)?include)"
)
_THIS_ROUND = re.compile(
    r"\b(?:participat\w*|joined|join|took\s+part|taken\s+part|returned|returning|this\s+round|the\s+new|the\s+latest|"
    r"the\s+current|also\s+invested)\b"
)


def _earlier(views: Sequence[SentView] | None, k: int) -> bool:
    if views is None or not 0 <= k < len(views):
        return False
    m = views[k].masked
    return bool(_EARLIER_ROUND.search(m)) and not _THIS_ROUND.search(m)


def investment_agreements(
    rel: Mapping[tuple[str, RelationType, str], Sequence[tuple[int, str, float]]],
    types: Mapping[str, EntityType],
    views: Sequence[SentView] | None = None,
) -> list[AgreementDraft]:
    """One Investment agreement per recipient: the recipient and everyone investing in it.

    A funding round is one agreement however many sentences name its investors, so the
    INVESTS_IN edges already found (keyed ``(source, type, target)`` with their sentence
    indices) are grouped by target. Investors named only in sentences that recall an earlier
    round ("In the past, R raised funds from A", "previous investors in R include B") make a
    second agreement with the recipient, so the co-investors of two deals are not one syndicate.
    """
    by_target: dict[str, list[tuple[str, list[int]]]] = defaultdict(list)
    for (s, t, o), evs in rel.items():
        if all(rule in HOLDING_RULES for _, rule, _ in evs):
            continue  # a holding told in passing ("its portfolio includes Y") is no deal of its own
        if t is R.INVESTS_IN and types[o] in FUNDED:
            by_target[o].append((s, [k for k, _, _ in evs]))
    out = []
    for target, investors in sorted(by_target.items()):
        if types[target] not in RECIPIENTS and len(investors) > 1:
            continue  # many backers of a hub commit side by side; that is no single deal
        earlier = [(s, ks) for s, ks in investors if all(_earlier(views, k) for k in ks)]
        current = [(s, ks) for s, ks in investors if (s, ks) not in earlier]
        for group in (current, earlier) if current else (earlier,):
            if not group:
                continue
            parties = [target] + [s for s, _ in group]
            sentences = sorted({k for _, ks in group for k in ks})
            out.append(
                AgreementDraft(AgreementKind.INVESTMENT, parties, sentences, "investment-aggregate", 0.7)
            )
    return out
