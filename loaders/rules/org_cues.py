"""Organisations recognised by what the sentence says about an unknown name.

Names the gazetteer does not hold and that carry no keyword ("Orbion", "Kessler", "CEA")
are organisations when the sentence treats them as one:

- the subject of an organisation verb at a clause start: "Orbion announced", "Veltra
  Quantum has raised", "In May, Sanko Electric will supply";
- a role or shares of it: "Orbion's CEO", "Orbion CEO Ada Lin", "shares of Orbion";
- a stock ticker: "Orbion Inc. (NASDAQ: ORBN)";
- a kind noun right before it: "the French research agency CEA", "the investment bank
  Nordlys", "Germany's metrology institute PTB";
- a place's possessive before a short name: "Italy's CNR", "Japan's Sanko".

Precision comes from what the name is not: leading noise (months, pronouns, "Today"),
roles, places, demonyms, known gazetteer names (the gazetteer reports those itself),
abbreviations that are not organisations, and (for several plain words with no
organisation word in them) possible personal names.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from qkg.schemas import ORGANISATION_TYPES, EntityType

from ..gazetteer import Gazetteer
from ..patterns import (
    ACADEMIC_FIELDS,
    CAPW,
    KEYWORDS,
    LEADING_NOISE,
    NAMEPART,
    PERSON_RE,
    ROLE_WORDS,
    TITLES,
    head_type,
)
from ..segment import Sentence
from . import fastre as re
from .bare_names import is_given_name, opens_with_given
from .literals import compile_gated
from .mention import Mention
from .words import alternation, any_in, leading_letters, letter_words, word_list, word_table

__all__ = ["DOCUMENT_NOUNS", "PLURAL_ACRONYM", "cue_names", "plausible"]

E = EntityType

_NAME = rf"{CAPW}(?:\s+{CAPW}){{0,3}}?"
_LEGAL = r"(?:,?\s+(?:Inc|Ltd|Corp|Co|LLC|plc|PLC|AG|SE|NV|N\.V|SAS|GmbH|Limited|Corporation|K\.K)\.?(?:,?\s+Ltd\.?)?)"
_CLAUSE = r"(?:^|(?<=[.;:,(]\s)|(?<=[“\"])|(?<=\bthat\s)|(?<=\bwhile\s)|(?<=\bwhen\s)|(?<=\bas\s))"
_ADVERBS = r"(?:(?:has|have|had|today|recently|also|just|officially|formally|now|previously|earlier|reportedly)\s+){0,3}"

#: Legal forms written with full stops, which the capitalised-phrase chunker cannot see:
#: "HENNGE K.K.", "Orbion S.A.", "Veltra N.V.", "Kessler S.p.A.", "Nordlys A/S".
_DOTTED_LEGAL = re.compile(
    rf"(?<![\w-])({CAPW}(?:\s+{CAPW}){{0,3}}?),?\s+(?:K\.K\.|S\.A\.S?\.?|N\.V\.|B\.V\.|S\.p\.A\.|S\.L\.|A/S|S\.à\s?r\.l\.)"
)
_DOTTED_FORMS = ("K.K.", "S.A", "N.V.", "B.V.", "S.p.A.", "S.L.", "A/S", "S.à")
_VERB = compile_gated(rf"\s{_ADVERBS}(?:{alternation('org_verbs')})\b")
#: Joining a group of organisations, or being one of its members: the subject is one of them
#: ("Orbion joined the Lakeport Quantum Alliance", "A and B are members of the X consortium").
#: The group's head must come within a few words: a person joins a project or a company.
_JOINS_GROUP = compile_gated(
    rf"\s{_ADVERBS}(?:joined|joins|(?:is|are|became|become)\s+(?:also\s+)?(?:an?\s+|one\s+of\s+the\s+)?"
    r"(?:founding\s+|full\s+|new\s+)?members?\s+of)\s+(?:the\s+)?(?:[\w’'&.-]+\s+){0,5}?"
    r"(?i:alliance|association|coalition|consortium|federation|hub|cluster|ecosystem|valley|exchange)\b"
    # "A, B and C are among the partners", "A is one of the project's investors"
    r"|\s(?:is|are)\s+(?:also\s+)?(?:among|one\s+of)\s+the\s+(?:[\w’'&.-]+\s+){0,2}?(?:partners|investors|backers|"
    r"members|shareholders|customers|suppliers|signatories|participants|companies|firms|start-?ups)\b"
)
_JOINS_GATE = frozenset(["joined", "joins", "member", "members", "among", "one"])
#: The subject right before an organisation verb (searched in a short window ending at the verb).
_SUBJECT = re.compile(
    rf"{_CLAUSE}((?:{_NAME}{_LEGAL}?(?:,\s+(?:and\s+)?|\s+and\s+)){{0,5}}{_NAME}){_LEGAL}?(?:\s+\([^()]{{1,40}}\))?$"
)
#: One name of a list ("A, B and C"): what the separators leave.
_LIST_ITEM = re.compile(r"(?:(?!,\s|\s+and\s).)+")
#: Separators of a list of names: ", ", " and ", ", and ".
_LIST_SEP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
#: Names listed after a plural organisation noun: "investors such as A, B and C", "partners
#: including A and B", "startups like A".
#: "Fynveur advised by Invus": an investor qualified by its adviser or manager, both organisations.
_QUALIFIED = rf"(?:\s+(?:advised|managed|run|owned|backed)\s+by\s+(?:the\s+)?{_NAME})?"
#: A name written as a web domain: "Maki.vc", "Orbion.ai".
_DOMAIN_NAME = r"[A-Z][A-Za-z0-9-]*\.(?:vc|ai|io|co|com|net|capital|ventures|fund)(?![\w.])"
_LIST_NAME = rf"(?:{_DOMAIN_NAME}|{_NAME})"
#: A list member may carry its place: "companies such as UK-based Orbion and ...".
_BASED = r"(?:[A-Z][\w.]*-based\s+)?"
_EXAMPLES = compile_gated(
    r"(?:\b(?i:investors|backers|shareholders|companies|corporations|firms|start-?ups|partners|members|banks|funds|"
    r"groups|players|vendors|providers|suppliers|operators|institutions|universities|organi[sz]ations|giants|"
    r"manufacturers|developers|customers|roster|syndicate|line-?up|co-investors|financiers|funders|lenders|"
    # "with additional participants, including A and B" (of a round; bare "participants" may be people)
    r"(?:additional|other|new|existing|further)\s+participants)\b(?:[^.;:]{0,40}?\b(?:such\s+as|including|like|"
    r"namely|include|included)|:)"
    # "from such investors as A and B"
    r"|\bsuch\s+(?:(?:early|other|leading|strategic)\s+)?(?i:investors|backers|shareholders|funds|banks|firms|"
    r"companies|partners|corporations)\s+as)\s+"
    rf"((?:(?:the\s+)?{_BASED}{_LIST_NAME}{_QUALIFIED}(?:\s*\([^()]{{1,40}}\))?(?:,\s+(?:and\s+)?|\s+and\s+)){{0,12}}"
    rf"(?:the\s+)?{_BASED}(?:{_DOMAIN_NAME}|{CAPW}(?:\s+{CAPW}){{0,3}}){_QUALIFIED})"
    r"(?![\w.-]*\.\w)"
)
_QUALIFIER = re.compile(r"\s+(?:advised|managed|run|owned|backed)\s+by\s+(?:the\s+)?")
_EXAMPLES_GATE = frozenset(["such", "including", "like", "namely", "include", "included"])
#: "Aussie VC Blackbird", "the VC firm Nordlys": an upper-case kind noun before the name.
_VC_KIND = re.compile(rf"\b(?:VC|PE)(?:\s+(?:firm|fund|investor|arm))?\s+({_NAME})(?![\w-])")
#: "also includes existing investors Baillie Gifford and M12": names right after a qualified plural.
_QUALIFIED_INVESTORS = compile_gated(
    r"\b(?:existing|new|returning|other|fellow|previous|early|historical|historic)\s+(?:investors|backers|shareholders)\s+"
    rf"((?:(?:the\s+)?{_NAME}(?:,\s+(?:and\s+)?|\s+and\s+)){{0,8}}(?:the\s+)?{_NAME})"
)
#: Names listed before a plural kind noun: "the Kessler, Alder and Nordlys funds", "the
#: Ruritania and Veltra universities"; the kind gives the type.
_PLURAL_KINDS = {
    "funds": E.COMPANY,
    "banks": E.COMPANY,
    "firms": E.COMPANY,
    "companies": E.COMPANY,
    "groups": E.COMPANY,
    "universities": E.UNIVERSITY,
    "institutes": E.RESEARCH_INSTITUTE,
    "laboratories": E.RESEARCH_INSTITUTE,
    "agencies": E.GOVERNMENT_BODY,
}
_BEFORE_PLURAL_KIND = re.compile(
    rf"\bthe\s+((?:{_NAME}(?:,\s+(?:and\s+)?|\s+and\s+)){{1,8}}{_NAME})\s+({'|'.join(_PLURAL_KINDS)})\b"
)
#: A name set in apposition as one of another actor's peers: "Veltra, one of Orbion's
#: competitors, ...", "Kessler, one of its investors".
_ONE_OF = compile_gated(
    rf"(?<![\w-])({_NAME}),\s+one\s+of\s+(?:the\s+|its\s+|their\s+|{CAPW}(?:\s+{CAPW}){{0,2}}['’]s?\s+)"
    r"(?:\w+\s+)?(?:competitors|rivals|peers|investors|shareholders|backers|partners|customers|suppliers)\b"
)
#: The owner of an investing arm: "Tessaly, the venture arm of Brannick,", "the corporate venture
#: capital arm of Orbion" (a company; a person has no arm).
_ARM_OF = re.compile(
    r"\b(?:venture|investment|investing|financing|VC|corporate\s+venture(?:\s+capital)?|private\s+equity|"
    rf"capital|innovation|quantum)\s+arm\s+of\s+(?:the\s+)?({_NAME}){_LEGAL}?(?![\w-])"
)
_ROLE_OF = re.compile(
    rf"(?<![\w-])({_NAME})(?:['’]s?\s+(?:co-?founder|founder|CEO|CTO|CFO|COO|CIO|CSO|CMO|CRO|CQO|chief\s+(?:executive|technology|scientific|"
    rf"operating|financial|commercial|information|science|marketing|revenue|quantum)(?:\s+officer)?|chair(?:man|woman|person)?|president|board|shares|stock|"
    rf"spokes(?:person|man|woman)|managing\s+director)"
    rf"|\s+(?:CEO|CTO|CFO|COO|CIO|CSO|CQO|[Cc]o-?founder|[Ff]ounder|[Cc]hairman|[Cc]hairwoman|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?)\s+{NAMEPART})\b"
)
#: An unknown acronym before a role: "KVRA Professor of optics", "KVRA research director".
_ACRONYM_ROLE = re.compile(
    r"(?<![\w&.-])([A-Z][A-Z0-9&]{1,5})\s+(?:(?:senior|principal|chief|deputy|associate|assistant|research|former)\s+)?"
    rf"((?i:{ROLE_WORDS}))\b"
)
_CAPS_RUN = re.compile(r"[A-Z]{2}")
#: The holder named right after the role: "KVRA director Ana Berg", "KVRA chair Dr Tom Lind".
_HOLDER_NEXT = re.compile(rf"\s+(?:{TITLES}\s+)?{NAMEPART}\s+{NAMEPART}")
#: A name owning business relations or what only a business owns: "Orbion's four historical
#: shareholders", "Orbion's rivals", "Orbion's headquarters", "Orbion's new quantum processor",
#: "Orbion's revenue" (a person has a team, a lab or a technique, not these).
#: A name owning a role whose holder is named next: "Orbion's chief scientist, Ada Lin", "Kvorsa's
#: head of research Dr Tomas Reyes" (the holder is checked by :func:`_holder_follows`).
_OWNS_ROLE = re.compile(
    rf"(?<![\w-])({_NAME})['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:{ROLE_WORDS})(?:\s+of\s+[a-z][\w-]*)?,?\s+"
    rf"(?:{TITLES}\s+)?(?=[A-Z])"
)


#: The same role with its holder named before it: "Ada Lin, Kvorsa's head of quantum, said".
_OWNS_ROLE_APPOSED = re.compile(
    rf"(?<![\w-])({_NAME})['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:{ROLE_WORDS})(?:\s+(?:of|for)\s+[a-z][\w-]*)?\s*[,.;]"
)


def _holder_follows(t: str, at: int, titled: bool) -> bool:
    """Whether a person's name (after a title, or opening with a given name) begins at ``at``."""
    name = re.match(PERSON_RE, t[at:])
    return name is not None and (titled or opens_with_given(name.group()))


#: A name owning business relations: "Orbion's four historical shareholders", "Orbion's rivals".
_OWNS_PEERS = re.compile(
    rf"(?<![\w-])({_NAME})['’]s?\s+(?:[a-z]+\s+){{0,2}}(?:shareholders|investors|backers|competitors|rivals|"
    r"subsidiary|subsidiaries|customers|suppliers|spin-?offs?|spin-?outs?|headquarters|factory|fab|revenues?|"
    r"valuation|IPO|portfolio|roadmap|processors?|chips?|products?|(?:quantum\s+)?computers|facility|facilities|"
    r"plant|offices)\b"
)
_PEERS_GATE = frozenset(
    [
        "shareholders",
        "investors",
        "backers",
        "competitors",
        "rivals",
        "subsidiary",
        "subsidiaries",
        "customers",
        "suppliers",
        "spin-off",
        "spinoff",
        "spin-offs",
        "spin-out",
        "spinout",
        "spin-outs",
        "headquarters",
        "factory",
        "fab",
        "revenue",
        "revenues",
        "valuation",
        "IPO",
        "portfolio",
        "roadmap",
        "processor",
        "processors",
        "chip",
        "chips",
        "product",
        "products",
        "computers",
        "facility",
        "facilities",
        "plant",
        "offices",
    ]
)
#: "Founder and CEO of Quantum AI": the organisation a corporate role belongs to.
_CORPORATE_ROLE_OF = re.compile(
    rf"\b(?:CEO|CTO|CFO|COO|[Ff]ounder|[Cc]o-?founder|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?)\s+(?:of|at)\s+({_NAME})"
    # the name closes a clause ("..., which", "... said"); "CEO at EIFO Peder Lundquist." runs on into a person
    r"(?=\s*[,;:–—]|\s+(?:said|says|told|which|who)\b)"
)
#: A person's role, maybe with its field, then "at"/"with" and a name that closes the clause:
#: "head of research at Veltrix", "a senior engineer with Orbion,", "vice president of sales and
#: marketing at Kessler", "former leaders at Orbion and ...": the organisation the person works
#: for. (A role right before "of" + name is read by the corporate and apposed-role rules.) The
#: name after "at"/"with", then the role before it:
_AT_NAME = re.compile(
    rf"\s(?:at|with)\s+(?:the\s+)?({_NAME})"
    r"(?=\s*[,;:.)]|\s*$|\s+&\s|\s+(?:said|says|told|who|which|and|in|where|since|for|from|to|until|before)\b)"
)
#: (read on the few words before "at": a role alternation tried at every position of a sentence
#: costs ten times more)
_ROLE_BEFORE = re.compile(
    # ("Professor of Physics at X": a field may be capitalised)
    rf"\b(?i:{ROLE_WORDS})s?(?:\s+(?:of|for)\s+(?:[A-Za-z][\w-]*(?:,?\s+(?:and|&)\s+|\s+)){{0,3}}?[A-Za-z][\w-]*)?$"
)
#: A name after "of"/"at"/"from" whose capitalised run ends there ("Ada Lin of Orbion said",
#: "Tomas Reyes at Veltrix Labs, who", "president of Psirch."): the organisation a person named
#: right before it (or a role apposed to that person) comes from, read by :func:`_person_source`.
_OF_NAME = re.compile(
    rf"\s(?:of|at|from)\s+(?:the\s+)?({CAPW}(?:\s+{CAPW}){{0,3}})(?!\s+{CAPW}|\s+(?:of|for|&)\s+[A-Z]|[\w&-])"
    # "X and Y" may be one name, unless the next person of a list follows: "A of X and Dr B of Y"
    rf"(?!\s+and\s+(?!(?:{TITLES}\s+)?{PERSON_RE}(?:\s+(?:of|at|from)\b|,))[A-Z])"
)
#: What ends right before it: a person's name, with a courtesy title or not ("Dr Ada Lin"), or
#: such a name, a comma and a role a few words long ("Ada Lin, the former president").
_PERSON_BEFORE = re.compile(
    # "Dr V K Saraswat, Member of": initials before the surname
    rf"(?:(?<![\w-]){TITLES}\s+)?({PERSON_RE}|(?<![\w.-])(?:[A-Z]\.?\s+){{1,3}}{NAMEPART})"
    rf"(?:(?:,|\s+[–—])\s+(?:(?:a|an|the|its|former|then|now|interim|acting|deputy|senior|executive|co-?)\s+)*"
    # "Dr Ada Lin, Member of Kvorsa Varn": a member of a body comes from it too
    rf"(?:[\w-]+\s+){{0,2}}?(?i:{ROLE_WORDS}|member))?,?\s*$"
)


def _person_source(t: str, at: int, *, speaker: bool = False) -> bool:
    """Whether a person (or a role apposed to one) ends at ``at``: a name of two or more plain
    words after a courtesy title or before an apposed role, or opening with a given name, holding
    no organisation word or leading noise."""
    p = _PERSON_BEFORE.search(t, max(0, at - 90), at)
    if p is None:
        return False
    words = p.group(1).split()
    # a courtesy title, or a role apposed to the name ("Shai Torren, President of"), marks a person
    # "Oyelaran Adeyemi of Orbion said": a speaker named with a place of work is a person too
    titled = p.start(1) > p.start() or p.end(1) < p.end() - 1 or speaker
    while words and words[0].rstrip(".") in _TITLE_WORDS:
        words, titled = words[1:], True
    while not titled and len(words) > 2 and not opens_with_given(" ".join(words)):
        words = words[1:]
    return (
        len(words) >= 2
        and words[0].lower() not in LEADING_NOISE
        and (titled or opens_with_given(" ".join(words)))
        and not any(w.lower() in KEYWORDS or w.lower() in _GROUP_WORDS or _ROLE.fullmatch(w) for w in words)
    )


_TITLE_WORDS = frozenset({"Dr", "Prof", "Professor", "Mr", "Ms", "Mrs", "Sir", "Dame"})
#: Fields and areas of work a role names ("professor of Physics", "Minister of Finance", "vice
#: president of Engineering"): no organisation.
_ROLE_AREAS = word_list("role_areas") | word_list("collocated") | ACADEMIC_FIELDS


#: The source of money: a funding noun or an amount, a few words, then "from" or "by" and a
#: name that closes the clause: "a Series A round from Kessmark, ...", "£4m funding from
#: Velq for ...", "an investment by Tarnwood", "a €2m grant from Kessmark to ...". (Lists of
#: several sources are read by the party slots.)
_FUNDER = compile_gated(
    r"\b(?:funding|investments?|grants?|backing|financing|loans?|round|contracts?|subsid(?:y|ies)|"
    r"\d[\d.,]*\s*(?:million|billion|bn|m)\b)"
    r"(?:\s+(?!(?:from|by)\b)[\w$€£.,’'-]+){0,5}?\s+(?:from|by)\s+(?:the\s+)?"
    rf"({_NAME})"
    r"(?=\s*[,;:.)]|\s*$|\s+(?:to|for|along|with|as|in|and|which|who|that|under|through|at|on)\b)"
)

#: The other party of a partnership or the object of an acquisition, read by its place in the
#: clause: "partnered with Veltrix", "teamed up with A and B", "signed an MOU with Kessmark,",
#: "a collaboration with Tarnwood on ...", "acquired Veltrix for $20m", "was bought by Kessmark"
#: (what is bought is mostly a product: "buys QPUs").
#: The names must close the clause, so a description ("partnered with Ada Lin's team") or a
#: phrase ("acquired Series A funding") stops it.
_COUNTERPART = compile_gated(
    r"(?:\b(?:partner(?:ed|s|ing)?|team(?:ed|s|ing)?\s+up|collaborat(?:e|es|ed|ing)|co-?operat(?:e|es|ed|ing))"
    r"\s+(?:(?:closely|jointly|together)\s+)?with"
    r"|\b(?:is|are|was|were|been)\s+(?:also\s+)?working\s+(?:(?:closely|jointly|together)\s+)?with"
    r"|\b(?:partnership|collaboration|co-?operation|agreement|MOU|MoU|memorandum\s+of\s+understanding|contract|"
    r"alliance|(?<!\bto\s)deal)\s+with"
    r"|\b(?:acquired|bought|purchased)\s+by"
    r"|\b(?:acquired|acquires|acquire|acquiring|acquisition\s+of|takeover\s+of))\s+"
    rf"((?:(?:the\s+)?{_NAME}(?:,\s+(?:and\s+)?|\s+and\s+)){{0,6}}(?:the\s+)?{_NAME})"
    r"(?=\s*[,;:.)]|\s*$|\s+(?:to|for|on|in|and|which|who|that|as|at|under|through|from|since|last|this|"
    r"earlier|after|before|over|while|into|will|would|has|had|is|was)\b)"
)
#: Whose work or property a thing is, or whom people work for, read by the words before the
#: name: "developed by Veltrix", "owned by Tarnwood", "a spin-off of Kessmark", "researchers at
#: Kessmark". Verbs a person is the agent of as often ("founded", "led", "run") are not here.
_AGENT = compile_gated(
    r"(?:\b(?:developed|built|designed|manufactured|made|operated|owned|funded|financed|backed|supported|"
    r"sponsored|commissioned|hosted|coordinated|supplied|provided|acquired)\s+by"
    r"|\b(?:spin-?off|spin-?out|subsidiary|division|unit|affiliate)\s+of"
    r"|\b(?i:researchers|scientists|engineers|physicists|teams?)\s+(?:at|from))\s+"
    rf"((?:(?:the\s+)?{_NAME}(?:,\s+(?:and\s+)?|\s+and\s+)){{0,4}}(?:the\s+)?{_NAME})"
    r"(?=\s*[,;:.)]|\s*$|\s+(?:to|for|on|in|and|which|who|that|as|at|under|through|from|since|last|this|"
    r"earlier|after|before|over|while|into|will|would|has|had|is|was|were|have|"
    # what the researchers of a place did: "Researchers at KTB built the clock"
    r"built|developed|demonstrated|showed|found|created|designed|achieved|reported|published|used|made|"
    r"discovered|observed|measured|produced|unveiled|announced|said|say|says|believe|recorded|set|"
    r"performed|entangled|trapped|teleported)\b)"
)
_AGENT_GATE = frozenset(["by", "of", "at", "from"])
#: An aside between a subject and its verb: "Orbion, backed by Tarnwood, raised ...".
_ASIDE = re.compile(r",\s+(?:[a-z][\w-]*\s+)[^,;:()“”\"]{1,70},\s*$")
_COUNTERPART_GATE = frozenset(
    [
        "with",
        "acquired",
        "acquires",
        "acquire",
        "acquiring",
        "acquisition",
        "bought",
        "purchased",
        "takeover",
    ]
)


def _before_person(t: str, s: int, e: int) -> int:
    """Where a name ends before a person's name that follows it in the same run of capitalised
    words ("CEO at KVTX Tom Harrow": KVTX)."""
    words = list(re.finditer(r"\S+", t[s:e]))
    for w in words[1:]:
        if PLAIN_NAME.fullmatch(w.group()) and opens_with_given(w.group()):
            return s + w.start() - 1
    return e


#: Roles whose holder works at a university when the name says no other kind.
_ACADEMIC_ROLES = frozenset(
    {"professor", "lecturer", "dean", "provost", "rector", "chancellor", "vice-chancellor"}
)
#: A name before an academic post, maybe with its field: "SFU physics professor Ada Lin", "a
#: Kestrel Tech lecturer" (lower-case posts only: "Associate Professor" is a title): a university.
_ACADEMIC_POST = re.compile(
    rf"(?<![\w-])({_NAME})\s+(?:(?i:{'|'.join(sorted(ACADEMIC_FIELDS))})\s+)?"
    r"(?:professor|lecturer|postdoc|PhD\s+student|graduate\s+student|undergraduate|alumn(?:us|a|i))\b"
)
_ACADEMIC_GATE = ("professor", "lecturer", "postdoc", "student", "graduate", "alumn")
_SHARES = re.compile(
    rf"\b(?:[Ss]hares|[Ss]tock|stake|[Ii]nvestors|invest(?:s|ed|ing|ment)?)\s+(?:of|in)\s+({CAPW}(?:\s+{CAPW}){{0,3}})"
)
#: The recipient of money or backing: "the agency backed Kelvara and Brannick", "awarded Kelvara a
#: grant"; a round's owner: "led Kelvara's $5m seed round", "Brannick's Series B round".
_BACKED = re.compile(
    rf"\b(?:backed|backs|awarded|granted)\s+(?:the\s+)?(?!Series\b|Phase\b|Round\b)"
    rf"({_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?!Series\b){_NAME}){{0,4}})"
)
_BACKED_GATE = frozenset(["backed", "backs", "awarded", "granted"])
_ROUND_OWNER = re.compile(
    rf"(?<![\w-])({_NAME})['’]s?\s+(?:(?:[$€£¥₩][\d.,]+\s*(?:million|billion|mn|m|bn|M|B)?|latest|new|recent|"
    r"first|second|oversubscribed|\d+(?:\.\d+)?[- ](?:million|billion))\s+)*"
    r"(?:pre-seed|seed|Seed|Series\s+[A-H]\d?|funding|financing|growth|investment)\s+(?:round|extension)"
)
_ROUND_GATE = frozenset(["round", "extension"])
#: Awards, contracts and grants are named like organisations and are none.
_NOT_RECIPIENT = re.compile(r".*\b(?:Prize|Award|Medal|Fellowship|Grant|Contract|Scholarship)s?$")
_TICKER = re.compile(
    rf"({CAPW}(?:\s+{CAPW}){{0,3}}?){_LEGAL}?\s*\(\s*(?:NASDAQ|Nasdaq|NYSE(?:\s+American)?|TSX(?:V|-V)?|CSE|LSE|AIM|ASX|"
    r"KRX|KOSDAQ|TYO|TSE|JPX|XETRA|ETR|FRA|EPA|EURONEXT|Euronext(?:\s+[A-Z]\w+)?|SIX|HKEX|HKG|SGX|SSE|SZSE|"
    r"OTC(?:QB|QX)?|NSE|BSE)\s*:\s*[A-Z0-9.]{1,8}\s*\)"
)
#: "the House of Quantum": a house named after a field is a campus or hub; the houses of a
#: parliament are government bodies.
_HOUSE = re.compile(rf"(?<![\w-])House\s+of\s+(?:the\s+)?{CAPW}(?:\s+{CAPW}){{0,2}}")
_PARLIAMENT_HOUSES = frozenset({"Commons", "Lords", "Representatives", "Councillors", "Assembly", "Keys"})
#: A competition or challenge named by its description: "the £30m quantum computing testbed
#: competition", "the quantum sensing challenge" (a quantum word in it, lower case otherwise).
_DESCRIBED_CONTEST = compile_gated(
    r"\bthe\s+(?:[£$€]\s?\d[\d.,]*\s?(?:m|bn|k|million|billion)?\s+)?"
    r"((?:[a-z][\w-]*\s+){0,3}?quantum\s+(?:[a-z][\w-]*\s+){0,3}?(?:competition|challenge|prize))\b"
)
#: Programmes named by a specific description: "Finland's first quantum computer" (a place's
#: first machine or network, not a project named after one), "a joint call for proposals".
_FIRST_OF_A_PLACE = compile_gated(
    rf"(?<![\w-])({CAPW}(?:\s+{CAPW})?['’]s\s+first\s+(?:[\w-]+\s+){{0,2}}?quantum\s+"
    r"(?:computer|network|testbed|satellite|foundry))\b(?!\s+[a-z]+\s+(?:project|programme|program)\b)"
)
_JOINT_CALL = compile_gated(
    r"\b(?:a|the)\s+(joint\s+(?:[a-z]+\s+)?call\s+for\s+(?:proposals|projects|applications))\b"
)
_KINDS = word_table("org_kinds")
#: Plural kind nouns right before a list of names: "the technology centers Telmar and Kestra",
#: "deeptech VCs Bluefjord and Starhaven", "Estonian firms Qubix, Lumora and Vexel". The list
#: must be one (two names or more): a plural before one capitalised word is a heading, not a list.
_PLURAL_KIND_TYPES = {
    "firms": E.COMPANY,
    "companies": E.COMPANY,
    "startups": E.COMPANY,
    "start-ups": E.COMPANY,
    "multinationals": E.COMPANY,
    "VCs": E.COMPANY,
    "investors": E.COMPANY,
    "funds": E.COMPANY,
    "banks": E.COMPANY,
    "operators": E.COMPANY,
    "chipmakers": E.COMPANY,
    "universities": E.UNIVERSITY,
    "institutes": E.RESEARCH_INSTITUTE,
    "centres": E.RESEARCH_INSTITUTE,
    "centers": E.RESEARCH_INSTITUTE,
    "labs": E.RESEARCH_INSTITUTE,
    "laboratories": E.RESEARCH_INSTITUTE,
    "agencies": E.GOVERNMENT_BODY,
    "ministries": E.GOVERNMENT_BODY,
}
#: The list after a plural kind (two names or more, a bracket allowed after each), its last
#: name taken whole: "and Tessmark Optics", not "and Tessmark".
_KIND_LIST = (
    rf"((?:{_LIST_NAME}(?:\s*\([^()]{{1,40}}\))?(?:,\s+(?:and\s+)?|\s+and\s+)){{1,12}}{_LIST_NAME})"
    r"(?![\w-]|\s+[A-Z][a-z])"
)
_PLURAL_KIND_LIST = re.compile(rf"(?<![\w-])({'|'.join(_PLURAL_KIND_TYPES)})\s+{_KIND_LIST}")
#: A counted plural kind set off before its list: "three companies, Orbion, Veltra and Kessler,",
#: "two startups – Orbion and Veltra –", "four universities: A, B, C and D". The count says a
#: list follows, so the comma, colon or dash after the kind noun is an apposition, not a clause.
_COUNTED_KIND_LIST = re.compile(
    r"(?<![\w-])(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|[1-9]\d)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}({'|'.join(_PLURAL_KIND_TYPES)})\s*(?:,|:|[–—]|\s-)\s*{_KIND_LIST}"
)
#: A name given to a described thing: "a new quantum initiative, Kvantor," / "a start-up called
#: Orbion" / "the programme, dubbed Q-Next,": the description's last noun gives the type.
_NAMED_KIND_TYPES = {
    "initiative": E.PROGRAM,
    "programme": E.PROGRAM,
    "program": E.PROGRAM,
    "project": E.PROGRAM,
    "mission": E.PROGRAM,
    "strategy": E.PROGRAM,
    "start-up": E.COMPANY,
    "startup": E.COMPANY,
    "company": E.COMPANY,
    "firm": E.COMPANY,
    "spin-off": E.COMPANY,
    "spinout": E.COMPANY,
    "spin-out": E.COMPANY,
    "venture": E.COMPANY,
    "fund": E.COMPANY,
    "giant": E.COMPANY,
    "multinational": E.COMPANY,
    "conglomerate": E.COMPANY,
    "chipmaker": E.COMPANY,
    "carmaker": E.COMPANY,
    "automaker": E.COMPANY,
    "operator": E.COMPANY,
    "carrier": E.COMPANY,
    "bank": E.COMPANY,
    "lender": E.COMPANY,
    "university": E.UNIVERSITY,
    "agency": E.GOVERNMENT_BODY,
    "ministry": E.GOVERNMENT_BODY,
    "regulator": E.GOVERNMENT_BODY,
    "consortium": E.CLUSTER,
    "alliance": E.CLUSTER,
    "hub": E.CLUSTER,
    "cluster": E.CLUSTER,
    "centre": E.RESEARCH_INSTITUTE,
    "center": E.RESEARCH_INSTITUTE,
    "institute": E.RESEARCH_INSTITUTE,
    "lab": E.RESEARCH_INSTITUTE,
    "laboratory": E.RESEARCH_INSTITUTE,
}
_NAMED_KIND = re.compile(
    r"\b(?:an?|the|its|their)\s+(?:[a-z][\w'’-]*\s+){0,4}?"
    rf"({'|'.join(_NAMED_KIND_TYPES)})(?:,?\s+(?:called|named|dubbed|known\s+as)\s+|,\s+)"
    rf"({CAPW}(?:\s+{CAPW}){{0,3}})(?=\s*[,.;:)]|\s+(?:which|that|will|to|is|was|has|and|in|on|for|with)\b|$)"
)
_NAMED_KIND_GATE = frozenset(["called", "named", "dubbed", "known"])
#: A name followed by an apposition whose head is a kind noun: "EIFO, the export and investment
#: fund of Denmark, and ...", "Kestra, a Helsinki research institute, ..." (the words before the
#: kind are modifiers: no preposition, so "Ada Lin, a professor at the university" types nothing).
_APPOSED_KINDS = {**{k: E(v) for k, v in _KINDS.items() if " " not in k}, **_NAMED_KIND_TYPES}
_APPOSED_KIND = compile_gated(
    rf"(?<![\w-])({_NAME}),\s+(?:the|an?)\s+(?:(?!(?:of|at|in|for|with|from|by|on|to|who|which)\b)[\w-]+\s+){{0,5}}?"
    rf"({'|'.join(sorted(_APPOSED_KINDS, key=len, reverse=True))})(?=\s+(?:of|in|for|based|that|which)\b|\s*[,)])"
)
#: A lower-case word right before a capitalised one: where a kind noun may introduce a name.
_BEFORE_CAPITAL = re.compile(r"(?<![\w-])([a-z]+)\s+(?=[A-Z0-9])")
_NAME_AT = re.compile(rf"{CAPW}(?:\s+{CAPW}){{0,3}}")
_PREV_WORD = re.compile(r"([a-z]+)\s+$")
_KIND_LAST = frozenset(k.rsplit(" ", 1)[-1] for k in _KINDS)
#: "Italy's CNR": the possessive and the short name after it; the owner is read backwards.
_POSSESSED = re.compile(r"['’]s\s+([A-Z][A-Za-z0-9&-]+)(?![\w-])(?!\s+[A-Z])(?!\s+(?:said|says|told)\b)")
_OWNER = re.compile(rf"({CAPW}(?:\s+{CAPW}){{0,2}})$")
#: A project with a coined name: "the Q-NEKO project", "the QUANTIX programme".
_PROJECT = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)+|[A-Z]{3,}[0-9]*)\s+(?:project|programme|program|initiative)\b"
)
#: A programme or a group named by capitalised words before a lower-case kind: "the Advanced
#: Simulation and Computing program", "its Beyond Moore's Law project", "the Quantum Industry
#: Lakeport association" (named "... Program", "... Association", the words as written an alias).
_NAMED_PROGRAM = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+((?:[A-Z][\w&-]*(?:['’]s)?\s+(?:(?:and|of|for|&)\s+)?){1,6}[A-Z][\w&-]*)\s+"
    r"(project|programme|program|initiative|consortium|alliance|association|coalition|cluster)\b"
)
#: The kinds of :data:`_NAMED_PROGRAM` that name a group (the others name a programme).
_NAMED_KINDS = dict.fromkeys(("consortium", "alliance", "association", "coalition", "cluster"), E.CLUSTER)
#: An acronym used as a definite name, not as a modifier: "the CEA said", "with the PTB and",
#: "funded by the NQA." (an acronym before a noun, "the QKD network", names a kind of thing).
#: ("[Tt](?<!\w.)he" is "\b[Tt]he": opening with the letter lets a search skip to each T.)
_THE_ACRONYM = re.compile(
    r"[Tt](?<!\w.)he\s+([A-Z]{2,6})(?=\s*[,.;:)]|\s+(?:and|or|to|with|in|on|for|from|at|has|have|had|is|was|will|would|"
    r"said|says|announced|signed|launched|awarded|selected|funded|chose|is|are|were)\b)"
)
#: An owner's unit named before its kind: "Nvidia's NVentures unit", "Orbion's Kessler venture arm".
_OWNED_UNIT = re.compile(
    r"(?:['’]s|(?<=s)['’])\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)\s+(?:(?:venture|investment|corporate\s+venture|"
    r"venture\s+capital|research|quantum)\s+)?(?:unit|arm|subsidiary|division)\b"
)
_UNIT_GATE = re.compile(r"\b(?:unit|arm|subsidiary|division)\b")
#: An owner before a programme's name: "National Nuclear Security Administration's ".
_OWNED = re.compile(r"(.+?)['’]s\s+(?=[A-Z])")
_ROLE = re.compile(rf"(?i:{ROLE_WORDS})")
_NOT_ORG_CAPS = word_list("not_org_caps")
#: Fields that name a minister's or secretary's portfolio ("Science Minister", "Technology Secretary").
_PORTFOLIOS = word_list("collocated") | ACADEMIC_FIELDS
_PLACES = frozenset({E.CITY, E.REGION, E.COUNTRY})
#: Words of a sentence (its tokens), for cheap set-intersection gates before each phrasing.
_TOKEN = re.compile(r"[A-Za-z][\w-]*")


def _verb_key(phrase: str) -> str:
    words = phrase.split()
    return words[-1] if words[0] in {"has", "will"} else words[0]


_VERB_GATE = frozenset(_verb_key(v) for v in word_list("org_verbs"))
_ROLE_GATE = frozenset(
    [
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "CIO",
        "CSO",
        "CMO",
        "CRO",
        "CQO",
        "founder",
        "co-founder",
        "Founder",
        "Co-founder",
        "cofounder",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "president",
        "board",
        "shares",
        "stock",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chief",
        "managing",
        "Chairman",
        "Chief",
    ]
)
_SHARES_GATE = frozenset(
    [
        "investors",
        "Investors",
        "shares",
        "Shares",
        "stock",
        "Stock",
        "stake",
        "invest",
        "invests",
        "invested",
        "investing",
        "investment",
    ]
)
_TICKER_GATE = frozenset(
    [
        "NASDAQ",
        "Nasdaq",
        "NYSE",
        "TSX",
        "TSXV",
        "CSE",
        "LSE",
        "AIM",
        "ASX",
        "KRX",
        "KOSDAQ",
        "TYO",
        "TSE",
        "JPX",
        "XETRA",
        "ETR",
        "FRA",
        "EPA",
        "EURONEXT",
        "Euronext",
        "SIX",
        "HKEX",
        "HKG",
        "SGX",
        "SSE",
        "SZSE",
        "OTC",
        "OTCQB",
        "OTCQX",
        "NSE",
        "BSE",
    ]
)


#: The runs of letters the tokens of every gate of :func:`cue_names` open with (a token opens with
#: a letter that no letter precedes).
_TOKEN_GATE_LETTERS = leading_letters(
    _VERB_GATE
    | _EXAMPLES_GATE
    | frozenset(_PLURAL_KINDS)
    | _ROLE_GATE
    | _SHARES_GATE
    | _TICKER_GATE
    | _PEERS_GATE
    | _KIND_LAST
    | frozenset(_PLURAL_KIND_TYPES)
    | frozenset(_NAMED_KIND_TYPES)
    | _NAMED_KIND_GATE
    | _COUNTERPART_GATE
    | _JOINS_GATE
    | _AGENT_GATE
)


def cue_names(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Unknown names that the sentence treats as organisations (see the module docstring)."""
    t = sent.text
    out: list[Mention] = _projects(sent, gaz)
    found = letter_words(t)
    # no token of any gate below can occur where none of their opening letter runs does
    words = (
        frozenset(_TOKEN.findall(t))
        if _TOKEN_GATE_LETTERS is None or found is None or not found.isdisjoint(_TOKEN_GATE_LETTERS)
        else frozenset()
    )
    for v in itertools.chain(
        _VERB.finditer(t) if not words.isdisjoint(_VERB_GATE) else (),
        _JOINS_GROUP.finditer(t) if not words.isdisjoint(_JOINS_GATE) else (),
    ):
        lo = max(0, v.start() - 90)
        aside = _ASIDE.search(t, lo, v.start())
        m = _SUBJECT.search(t, max(0, lo - 80), aside.start()) if aside else _SUBJECT.search(t, lo, v.start())
        if m is not None:
            _add_list(out, sent, gaz, m.start(1), m.end(1))
    for m in _EXAMPLES.finditer(t) if ":" in t or not words.isdisjoint(_EXAMPLES_GATE) else ():
        listed = _PLURAL_KIND_TYPES.get(m.group().split(None, 1)[0].lower())  # "universities such as ..."
        _add_list(out, sent, gaz, m.start(1), m.end(1), solo_ok=True, etype=listed)
    for m in _VC_KIND.finditer(t) if "VC" in t or "PE" in t else ():
        _add(out, sent, gaz, m.start(1), m.end(1), E.COMPANY, solo_ok=True)
    for m in (
        _QUALIFIED_INVESTORS.finditer(t) if "investors" in t or "backers" in t or "shareholders" in t else ()
    ):
        _add_list(out, sent, gaz, m.start(1), m.end(1), solo_ok=True)
    for m in _BEFORE_PLURAL_KIND.finditer(t) if not words.isdisjoint(_PLURAL_KINDS) else ():
        ptype = _PLURAL_KINDS[m.group(2)]
        for name in _LIST_SEP.split(m.group(1)):
            at = m.start(1) + m.group(1).find(name)
            _add(out, sent, gaz, at, at + len(name), ptype, solo_ok=True)
    for m in _HOUSE.finditer(t) if "House of" in t else ():
        last = m.group().split()[-1]
        _add(
            out,
            sent,
            gaz,
            m.start(),
            m.end(),
            E.GOVERNMENT_BODY if last in _PARLIAMENT_HOUSES else E.CLUSTER,
            solo_ok=True,
        )
    for m in _DESCRIBED_CONTEST.finditer(t) if "quantum" in t else ():
        st = sent.start + m.start(1)
        out.append(Mention(st, st + len(m.group(1)), m.group(1), E.PROGRAM, m.group(1), "descriptor"))
    for m in _FIRST_OF_A_PLACE.finditer(t) if "first" in t else ():
        owner = m.group(1).split("'")[0].split("’")[0]
        if _is_place(owner, gaz) or gaz.by_demonym(owner.split()[0]):
            st = sent.start + m.start(1)
            out.append(Mention(st, st + len(m.group(1)), m.group(1), E.PROGRAM, m.group(1), "descriptor"))
    for m in _JOINT_CALL.finditer(t) if "joint" in t else ():
        st = sent.start + m.start(1)
        out.append(Mention(st, st + len(m.group(1)), m.group(1), E.PROGRAM, m.group(1), "descriptor"))
    for m in _ONE_OF.finditer(t) if "one of" in t else ():
        _add(out, sent, gaz, m.start(1), m.end(1), None, solo_ok=True)
    for m in _ARM_OF.finditer(t) if " arm of " in t else ():
        _add(out, sent, gaz, m.start(1), m.end(1), E.COMPANY, solo_ok=True)
    for m in _DOTTED_LEGAL.finditer(t) if any_in(t, _DOTTED_FORMS) else ():
        n = len(out)
        _add(out, sent, gaz, m.start(1), m.end(1), E.COMPANY, solo_ok=True, alias=m.group())
        if len(out) > n:  # the span takes the legal form in, so that lists and verbs around it stay whole
            out[-1] = replace(out[-1], end=sent.start + m.end(), text=m.group())
    for rx, gate in (
        (_ROLE_OF, _ROLE_GATE),
        (_SHARES, _SHARES_GATE),
        (_TICKER, _TICKER_GATE),
        (_OWNS_PEERS, _PEERS_GATE),
        (_CORPORATE_ROLE_OF, _ROLE_GATE),
    ):
        for m in rx.finditer(t) if not words.isdisjoint(gate) else ():
            _add(out, sent, gaz, m.start(1), m.end(1), None)
    for m in _ROUND_OWNER.finditer(t) if not words.isdisjoint(_ROUND_GATE) else ():
        _add(out, sent, gaz, m.start(1), m.end(1), E.COMPANY)
    for m in _BACKED.finditer(t) if not words.isdisjoint(_BACKED_GATE) else ():
        for item in _LIST_ITEM.finditer(t, m.start(1), m.end(1)):
            if not _NOT_RECIPIENT.match(item.group()):
                _add(out, sent, gaz, item.start(), item.end(), None)
    for m in _AT_NAME.finditer(t) if " at " in t or " with " in t else ():
        r = _ROLE_BEFORE.search(t, max(0, m.start() - 70), m.start())
        if r is None or opens_with_given(m.group(1)):
            continue  # no role before, or "an engineer with Ada Lin's team": a person
        role = r.group().split(None, 1)[0].lower()
        end = _before_person(t, m.start(1), m.end(1))
        _add(
            out,
            sent,
            gaz,
            m.start(1),
            end,
            E.UNIVERSITY if role in _ACADEMIC_ROLES else None,
            solo_ok=True,
        )
    for m in _ACRONYM_ROLE.finditer(t) if _CAPS_RUN.search(t) else ():
        # "Ana Berg, KVRA research director at ...", "KVRA director Ana Berg said": an unknown
        # acronym whose role a person holds is the organisation they work for
        if m.group(1) not in _NOT_ORG_CAPS and (
            _person_source(t, m.start(1)) or _HOLDER_NEXT.match(t, m.end()) is not None
        ):
            # "VKU lecturer Bo Chen": a lower-case academic post names a university
            post = E.UNIVERSITY if m.group(2) in _ACADEMIC_ROLES else None
            _add(out, sent, gaz, m.start(1), m.end(1), post, solo_ok=True)
    for m in _OWNS_ROLE_APPOSED.finditer(t) if "'" in t or "’" in t else ():
        # "Ada Lin, Kvorsa's head of quantum, said": the owner of an apposed person's role
        if (
            not opens_with_given(m.group(1))
            and t[max(0, m.start(1) - 2) : m.start(1)] == ", "
            and _person_source(t, m.start(1))
        ):
            _add(out, sent, gaz, m.start(1), m.end(1), None)
    for m in _OWNS_ROLE.finditer(t) if "'" in t or "’" in t else ():
        titled = re.search(rf"{TITLES}\s+$", m.group()) is not None
        if not opens_with_given(m.group(1)) and _holder_follows(t, m.end(), titled):
            _add(out, sent, gaz, m.start(1), m.end(1), None)
    for m in _OF_NAME.finditer(t) if " of " in t or " at " in t or " from " in t else ():
        if (
            not opens_with_given(m.group(1))
            and not _ROLE_AREAS.issuperset(m.group(1).lower().split())
            and _person_source(t, m.start(), speaker=_SPEECH_AFTER.match(t, m.end(1)) is not None)
        ):
            _add(out, sent, gaz, m.start(1), m.end(1), None, solo_ok=True)
    for m in _FUNDER.finditer(t) if " from " in t or " by " in t else ():
        if not opens_with_given(m.group(1)):
            _add(out, sent, gaz, m.start(1), m.end(1), None, solo_ok=True)
    for slot, gate in ((_COUNTERPART, _COUNTERPART_GATE), (_AGENT, _AGENT_GATE)):
        for m in slot.finditer(t) if not words.isdisjoint(gate) else ():
            if not opens_with_given(m.group(1).removeprefix("the ")):
                _add_list(out, sent, gaz, m.start(1), m.end(1))
    for m in _ACADEMIC_POST.finditer(t) if any_in(t, _ACADEMIC_GATE) else ():
        _add(out, sent, gaz, m.start(1), m.end(1), E.UNIVERSITY)
    for k in _BEFORE_CAPITAL.finditer(t) if not words.isdisjoint(_KIND_LAST) else ():
        kind = _kind_at(t, k)
        if kind is None:
            continue
        name = _NAME_AT.match(t, k.end())
        if name is not None:
            _add(out, sent, gaz, name.start(), name.end(), E(_KINDS[kind]), solo_ok=True)
    for m in _PLURAL_KIND_LIST.finditer(t) if not words.isdisjoint(_PLURAL_KIND_TYPES) else ():
        _add_list(out, sent, gaz, m.start(2), m.end(2), solo_ok=True, etype=_PLURAL_KIND_TYPES[m.group(1)])
    for m in _COUNTED_KIND_LIST.finditer(t) if not words.isdisjoint(_PLURAL_KIND_TYPES) else ():
        _add_list(out, sent, gaz, m.start(2), m.end(2), solo_ok=True, etype=_PLURAL_KIND_TYPES[m.group(1)])
    named = (
        _NAMED_KIND.finditer(t)
        if not words.isdisjoint(_NAMED_KIND_TYPES) and (", " in t or not words.isdisjoint(_NAMED_KIND_GATE))
        else iter(())
    )
    apposed = _APPOSED_KIND.finditer(t) if ", the " in t or ", a" in t else iter(())
    # "a new initiative, Kvantor" (kind, then name) and "Kestra, a research institute" (name, then kind)
    for m, at, ki in itertools.chain(((m, 2, 1) for m in named), ((m, 1, 2) for m in apposed)):
        etype = _NAMED_KIND_TYPES.get(m.group(ki)) or _APPOSED_KINDS[m.group(ki)]
        _add(out, sent, gaz, m.start(at), m.end(at), etype, solo_ok=True, rule=_kind_rule(m.group(at)))
    for m in _THE_ACRONYM.finditer(t) if "the " in t or "The " in t else ():
        name = m.group(1)
        if name not in _NOT_ORG_CAPS and not gaz.lookup(name):
            _add(out, sent, gaz, m.start(1), m.end(1), None, solo_ok=True)
    for m in _OWNED_UNIT.finditer(t) if ("'" in t or "’" in t) and _UNIT_GATE.search(t) else ():
        _add(out, sent, gaz, m.start(1), m.end(1), E.COMPANY, solo_ok=True)
    for m in _POSSESSED.finditer(t) if ("'s" in t or "’s" in t) else ():
        owner = _OWNER.search(t, max(0, m.start() - 40), m.start())
        if m.group(1).lower() in _PORTFOLIOS:
            continue  # "India's Science and Technology Minister": a portfolio
        if owner is not None and _is_place(owner.group(1), gaz):
            _add(out, sent, gaz, m.start(1), m.end(1), None, solo_ok=True)
    return out


def _add_list(
    out: list[Mention],
    sent: Sentence,
    gaz: Gazetteer,
    s: int,
    e: int,
    *,
    solo_ok: bool = False,
    etype: EntityType | None = None,
) -> None:
    """Each name of "A, B and C" (a single name too)."""
    t = sent.text
    start = s
    for sep in [*_LIST_SEP.finditer(t, s, e), None]:
        stop = e if sep is None else sep.start()
        end = t.find(" (", start, stop)  # "Alder Capital (the regional fund), and ..."
        stop = stop if end < 0 else end
        q = _QUALIFIER.search(t, start, stop)  # "Fynveur advised by Invus": two names
        if q is not None:
            _add(out, sent, gaz, q.end(), stop, None, solo_ok=solo_ok)
            stop = q.start()
        _add(out, sent, gaz, start, stop, etype, solo_ok=solo_ok)
        if sep is not None:
            start = sep.end()


def _kind_rule(name: str) -> str:
    """A name a kind noun describes outranks a personal reading of it ("the oil giant, Saudi
    Aramco,"), unless it opens with a given name ("the firm, Ada Lin, ...")."""
    return "descriptor" if is_given_name(name.split()[0]) else "kind"


def _kind_at(t: str, k: re.Match[str]) -> str | None:
    """The kind noun ending at ``k`` ("bank", "investment bank"), unless it names a media outlet."""
    word = k.group(1)
    if word not in _KIND_LAST:
        return None
    prev = _PREV_WORD.search(t, max(0, k.start() - 30), k.start())
    if prev is not None and prev.group(1) in {"news", "press", "media"}:
        return None  # "the news agency Nordlys" is a media outlet
    if prev is not None and f"{prev.group(1)} {word}" in _KINDS:
        return f"{prev.group(1)} {word}"
    return word if word in _KINDS else None


_PROJECT_WORDS = ("roject", "rogram", "nitiative", "onsortium", "lliance", "ssociation", "oalition", "luster")


def _projects(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Projects with a coined name: "the Q-NEKO project" is the programme "Q-NEKO"."""
    t = sent.text
    if not any_in(t, _PROJECT_WORDS):
        return []
    out = []
    for m in _PROJECT.finditer(t):
        name = m.group(1)
        if name.upper() in _NOT_ORG_CAPS or name.split("-")[0].upper() in _NOT_ORG_CAPS or gaz.lookup(name):
            continue
        st = sent.start + m.start(1)
        out.append(Mention(st, st + len(name), name, E.PROGRAM, name, "descriptor", aliases=[m.group()]))
    for m in _NAMED_PROGRAM.finditer(t):
        start, words = m.start(1), m.group(1)
        owner = _OWNED.match(words)
        if owner is not None and (head_type(owner.group(1)) or gaz.lookup(owner.group(1))):
            start, words = start + owner.end(), words[owner.end() :]  # "the Agency's Computing program"
        first = words.split()[0]
        kind = _NAMED_KINDS.get(m.group(2), E.PROGRAM)
        if (
            gaz.lookup(words)
            or _is_place(first, gaz)
            or gaz.by_demonym(first)
            or first.upper() in _NOT_ORG_CAPS
            or head_type(words) in {E.PROGRAM, kind}
        ):
            continue  # a known name (see "extend_program"), a place's or a nation's, one named as its kind
        st = sent.start + start
        surface = t[start : m.end(2)]
        name = f"{words} {m.group(2).capitalize()}"
        out.append(Mention(st, sent.start + m.end(2), surface, kind, name, "descriptor", aliases=[surface]))
    return out


def _is_place(name: str, gaz: Gazetteer) -> bool:
    return any(x.type in _PLACES for x in gaz.lookup(name))


def _add(
    out: list[Mention],
    sent: Sentence,
    gaz: Gazetteer,
    s: int,
    e: int,
    etype: EntityType | None,
    *,
    solo_ok: bool = False,
    alias: str | None = None,
    rule: str = "descriptor",
) -> None:
    span = _trim(sent.text, s, e)
    if span is None:
        return
    s, e = span
    name = sent.text[s:e]
    if sent.text[e : e + 1] == "." and sent.text[e + 1 : e + 2].isalnum():
        return  # "Zy.vc", "Orbion.ai": the name goes on after the full stop
    if not plausible(name, gaz, trusted=solo_ok):
        return
    st = sent.start + s
    aliases = [alias] if alias else []
    out.append(
        Mention(
            st,
            st + len(name),
            name,
            head_type(name) or etype or E.COMPANY,
            name,
            rule,
            aliases=aliases,
        )
    )


#: a role and "of"/"at" right before a name: "CEO at ", "Chief Scientist of the "
ROLE_OF_BEFORE = re.compile(rf"\b(?i:{ROLE_WORDS})\s+(?:of|at)\s+(?:the\s+)?$")
PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|explained|commented|stated)\b")


def speaker_runs_on(t: str, words: list[str], end: int) -> bool:
    """ "CEO of Orbion Quantum Ada Lin said": a name after a role ends in the plain two-word name
    of the speaker the verb that follows introduces."""
    return (
        _SPEECH_AFTER.match(t, end) is not None
        and all(PLAIN_NAME.fullmatch(w) for w in words[-2:])
        and head_type(" ".join(words[-2:])) is None
        and words[-3].lower() not in {"and", "of", "for", "the", "&"}
    )


def _trim(t: str, s: int, e: int) -> tuple[int, int] | None:
    """Drop leading noise ("The", "Today") and anything from a role word on ("Orbion CEO")."""
    words = list(re.finditer(r"\S+", t[s:e]))
    while words and (
        words[0].group().lower().strip('“"') in LEADING_NOISE or words[0].group().endswith("-based")
    ):
        words.pop(0)
    for i, w in enumerate(words):
        if _ROLE.fullmatch(w.group()):
            words = words[:i]
            if all(x.group().lower() in _PORTFOLIOS for x in words):
                return None  # "Science Minister Ada Lin announced": a portfolio, not an organisation
            break
    while words and words[-1].group().lower().strip(".,") in LEADING_NOISE:
        words.pop()
    if (
        len(words) >= 3
        and ROLE_OF_BEFORE.search(t, 0, s)
        and speaker_runs_on(t, [w.group() for w in words], s + words[-1].end())
    ):
        words = words[:-2]  # "CEO of Orbion Quantum Ada Lin said": the speaker is no part of the name
    if not words:
        return None
    return s + words[0].start(), s + words[-1].end()


#: words that make "X Y of Z" a body of Z rather than a person ("Management Board of ...")
_GROUP_WORDS = frozenset(
    {"board", "management", "team", "group", "unit", "division", "office", "staff", "panel"}
)


#: Texts a body issues or signs: "the Joint Statement of the Partnership Council" names no person.
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "declaration",
        "memorandum",
        "agreement",
        "communiqué",
        "letter",
        "charter",
        "report",
        "roadmap",
    }
)


def person_of(before: str, after: str, gaz: Gazetteer) -> bool:
    """ "Ada Lin of Kessler University": a plain personal name, then an organisation's name
    ("Founding Member of Kessler University" is a role)."""
    return (
        re.fullmatch(PERSON_RE, before) is not None
        and not any(
            w.lower() in KEYWORDS
            or w.lower() in _GROUP_WORDS
            or w.lower() in DOCUMENT_NOUNS
            or w.lower() == "member"
            or _ROLE.fullmatch(w)
            for w in before.split()
        )
        and not gaz.lookup(before)
        and (
            head_type(after) in ORGANISATION_TYPES
            or any(x.type in ORGANISATION_TYPES for x in gaz.lookup(after))
        )
    )


#: What a board does, before "Board": "the Governing Board", "an Advisory Board" name no body.
_BOARD_KINDS = frozenset(
    {"governing", "advisory", "executive", "supervisory", "scientific", "editorial", "management", "steering"}
)


def generic_board(name: str) -> bool:
    """ "Governing Board", "Advisory Board": a kind of board, no name ("Governing Board Chairman A")."""
    low = name.lower().split()
    return len(low) == 2 and low[1] == "board" and low[0] in _BOARD_KINDS


#: An acronym made plural ("QPUs", "GPUs", "SMEs"): things of a kind, not a name.
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


#: A personal title and the body or field it is of: no organisation's name.
_TITLE_OF = re.compile(
    r"(?:Members?|Secretary|Minister|President|Director|Head|Chair(?:man|woman|person)?|Governor|Mayor|Dean)"
    r"\s+(?:of|for)\s"
)


def plausible(name: str, gaz: Gazetteer, *, trusted: bool) -> bool:
    """Could ``name`` be an organisation the gazetteer does not already report?"""
    words = name.split()
    low = [w.lower().strip(".,") for w in words]
    if len(name) < 2 or name.isdigit() or name.upper() in _NOT_ORG_CAPS or PLURAL_ACRONYM.fullmatch(name):
        return False
    if gaz.lookup(name) or gaz.by_demonym(name):
        return False  # known (the gazetteer reports it) or a place, demonym, technology
    if all(w in KEYWORDS or w in {"of", "for", "and", "the"} for w in low):
        return False  # "the Institute", "Research Council": references, not names
    if generic_board(name) or _TITLE_OF.match(name):
        return False  # "Member of Parliament for Waterloo", "Head of Research": a title
    if len(words) == 1:
        return not name.lower().endswith("ly")  # "Separately, A and B announced"
    before, of, after = name.partition(" of ")
    if of and person_of(before, after.removeprefix("the "), gaz):
        return False  # "Ada Lin of Kessler University": a person and her organisation
    # several plain capitalised words with no organisation word may be a person's name
    looks_personal = all(re.fullmatch(NAMEPART, w) for w in words) and len(words) <= 3
    organisational = head_type(name) is not None or "quantum" in low
    return trusted or organisational or not looks_personal
