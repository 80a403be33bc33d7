"""Sentence views: a sentence with its mentions replaced by placeholders.

Relation rules are regular expressions over a *masked* sentence where each mention is
``§i§`` (``i`` indexes the view's mentions), so a rule reads like the phrasing it
captures ("§0§ and §1§ signed an MOU") and never depends on how a name is spelled.
Before the rules run, a few local constructions are folded into their head mention and
recorded as facts of their own: "Finland-based §IQM§", "§IAI§’s §ELTA§", "§SNU§ President
§Yoo§", "§Bar-Ilan§ in §Ramat Gan§", "§Espoo§, §Finland§". What is folded is exactly
what the sentence states; nothing is inferred across sentences here.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from qkg.schemas import EntityType, RelationType

from .deadline import check
from .patterns import KEYWORDS, ROLE_WORDS
from .rules import fastre as re
from .rules.literals import compile_gated
from .rules.mention import Mention
from .segment import Sentence

__all__ = [
    "APPOSED_MEMBER",
    "ENT",
    "GROUPS",
    "LIST",
    "MAX_RULE_CHARS",
    "MAX_RULE_MENTIONS",
    "MODIFIER",
    "ORG_NOUN",
    "PARTNER_TYPES",
    "UNFOLDED",
    "Fact",
    "SentView",
    "build_view",
    "build_views",
    "ids_in",
    "modifiers_ok",
]

E = EntityType
R = RelationType
ENT = r"§(\d+)§"
_ENT_RX = re.compile(ENT)
#: Sentences beyond these sizes get no phrasing rules (their mentions still become entities).
MAX_RULE_MENTIONS = 60
MAX_RULE_CHARS = 3000
#: ``SentView.memo`` key of the masked text before appositions fold into their heads.
UNFOLDED = "unfolded"
SEP = r"(?:\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)"
#: A coordinated list of mentions: "§0§, §1§, and the §2§".
LIST = rf"(?:the\s+§|§)\d+§(?:{SEP}(?:the\s+§|former\s+§|§)\d+§(?!['’]s?\s+[a-z]))*"
PLACES = {E.CITY, E.REGION, E.COUNTRY}
ORGS = {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER}
#: Groups: what members join and leaders lead (clusters, consortia, programmes).
GROUPS = frozenset({E.CLUSTER, E.PROGRAM})
#: A modifier before a kind noun: a word, or a mention of a technology or a place ("its §quantum
#: computing§ arm", "the §Lyon§ unit of"); check the mentions with :func:`modifiers_ok`.
MODIFIER = r"(?:[\w-]+|§\d+§)"
_ROLE_CAP = rf"(?i:{ROLE_WORDS})(?:(?:\s+|\s+and\s+|\s*&\s*)(?i:{ROLE_WORDS}))*"
_TITLE = r"(?:Professor|Prof\.?|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)"
#: A word qualifying a role ("Science Minister", "quantum software head"), never a function word.
_ROLE_MOD = (
    r"(?!(?:and|or|with|to|by|at|in|on|the|a|an|its|their|his|her|our|said|says|from|of|for|as|is|was|"
    r"has|have|will|who|that|which|new|former|under|among|between|after|before|during|via|like|including|"
    r"alongside|against|than|over)\b)[A-Za-z][\w-]*"
)
#: "§a§, a unit of §b§", "§a§, one of the founding members of the §b§" (a spin-off from §b§ is no part of it).
_APPOSED_MEMBER = re.compile(
    # "§a§ (one of the three governing bodies of §b§)": set off by a bracket as well as a comma
    # ("the parent company of §b§" is the owner of §b§, not its part: :mod:`.rules.units`)
    r"§(\d+)§(?:,\s+|\s*\(\s*)(?:(?:a|an|the|now\s+a|now\s+part\s+of\s+the)\s+(?:(?!parent\b|holding\b)"
    + MODIFIER
    + r"\s+){0,3}?"
    # "§a§, a vertical of §b§", "§a§, a constituent unit of §b§", "§a§, the research wing of §b§"
    r"(unit|subsidiary|division|arm|affiliate|member|part|partner|participant|company|platform|vehicle|vertical|wing|"
    r"branch|constituent)"
    r"|one\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(members|partners|participants|subsidiaries|units|bodies|"
    r"centres|centers|institutes|hubs|pillars|labs|laboratories|divisions))"
    r"\s+(?:of|from|in|to|within|under)\s+(?:the\s+)?"
    # "a vertical of the recently founded research institute §b§": lower-case words describe §b§
    r"(?:(?!(?:that|which|who|whose|at|of|in|on|and|or|with|for|by|from|to|its|their|his|her)\b)[a-z][\w-]*\s+){0,4}?§(\d+)§"
    # "§IDQ§, an §IonQ§ company": the owner named as a modifier of the kind
    r"|§(\d+)§,\s+(?:a|an|now\s+an?)\s+§(\d+)§\s+(company|subsidiary|unit|division|business)\b"
)
#: The same shapes read in a predicate ("§a§ is a unit of §b§"), by :mod:`.rules.places`.
APPOSED_MEMBER = _APPOSED_MEMBER
#: "..., who": a relative clause about the person just named.
_WHO_FOLLOWS = re.compile(
    r",?\s+who\b"
    # "§Australia§'s Chief Scientist §p§ will be the chair of ...": the person leads what follows
    r"|\s+(?:(?:will|also|now|has|had|have|is|was|been|be)\s+){0,3}(?:the\s+|a\s+)?"
    r"(?:chair|head|leader|chairs|heads|leads|chaired|headed|led|appointed|named|elected)\b"
    # "former §Orbion§ software head §p§ is joining as ...": the person joins
    r"|\s+(?:(?:is|was|will|has|have|had|be)\s+){0,2}(?:joining|joins|joined|join|coming|comes|came)\s+"
    r"(?:onboard\s+|on\s+board\s+|aboard\s+)?as\b"
)
#: A leading verb's agent right before a role phrase: "is chaired by §Orbion§ co-founder §p§".
_LED_BY_BEFORE = re.compile(r"\b(?:chaired|co-chaired|headed|led|co-led)\s+by\s+(?:former\s+)?$")
#: Nouns that describe an organisation by what it is ("the Lyon-based quantum start-up").
ORG_NOUN = (
    r"(?:compan(?:y|ies)|firms?|start-?ups?|developers?|makers?|manufacturers?|specialists?|providers?|"
    r"suppliers?|vendors?|pioneers?|players?|unicorns?|spin-?outs?|spin-?offs?|groups?|giants?|chipmakers?|"
    r"incubators?|labs?|laboratory|laboratories|institutes?|operators?|businesses|business|venture|outfits?|banks?|investors?|conglomerates?|multinationals?)"
)
#: "§a§, the §b§'s economic development bank", "§a§, §b§'s research arm".
_APPOSED_ARM = compile_gated(
    r"§(\d+)§,\s+(?:the\s+)?§(\d+)§'s?\s+(?:" + MODIFIER + r"\s+){0,3}?"
    r"(?:bank|agency|arm|unit|subsidiary|division|lab|laboratory|institute|fund|venture\s+arm|investment\s+arm|"
    # "§a§, §b§'s interdisciplinary hub for ...", "§a§, §b§'s quantum research group"
    r"centre|center|school|department|faculty|college|office|branch|campus|hub|vertical|wing|group|team)\b"
)
#: Academic posts: their holder is the actor of what follows, not the university.
_ACADEMIC_POSTS = frozenset({"professor", "lecturer", "postdoc", "student", "researcher"})
#: Roles that make their holder the leader of the organisation named with them.
_CHAIR_ROLES = frozenset(
    {"chair", "chairman", "chairwoman", "chairperson", "co-chair", "head", "leader", "chief"}
)
#: Titles of public office and academic rank written before a name ("and Professor §q§", "and
#: Minister §q§"): no role of the organisation named before.
_OFFICE_TITLES = frozenset(
    {
        "professor",
        "prof",
        "minister",
        "senator",
        "mayor",
        "governor",
        "premier",
        "prime",
        "ambassador",
        "commissioner",
        "councillor",
        "president",
        "secretary",
        "academician",
    }
)


@dataclass(frozen=True, slots=True)
class Fact:
    """A relation found while building a view (or by a rule): ids, type, rule, confidence."""

    source: str
    type: RelationType
    target: str
    rule: str
    confidence: float


@dataclass
class SentView:
    """A sentence, its top-level mentions (resolved) and its masked text."""

    sent: Sentence
    mentions: list[Mention]
    ids: list[str]
    types: list[EntityType]
    masked: str
    facts: list[Fact] = field(default_factory=list)
    #: per-view memo for rules that several passes ask about (agreement party groups)
    memo: dict[str, object] = field(default_factory=dict)

    def id(self, i: str | int) -> str:
        return self.ids[int(i)]

    def type(self, i: str | int) -> EntityType:
        return self.types[int(i)]

    def indices(self, pred: Callable[[EntityType], bool] | None = None) -> list[int]:
        """Indices of mentions still visible in the masked text, in order."""
        seen = [int(x) for x in _ENT_RX.findall(self.masked)]
        return seen if pred is None else [i for i in seen if pred(self.types[i])]


def modifiers_ok(v: SentView, text: str, *keep: str | int) -> bool:
    """Whether every mention of ``text`` but those in ``keep`` is a technology or a place: a
    modifier, not another actor ("the §quantum computing§ unit of §b§", not "the §c§ unit of §b§")."""
    kept = {int(k) for k in keep}
    return all(v.type(i) in PLACES or v.type(i) is E.TECHNOLOGY for i in ids_in(text) if i not in kept)


def ids_in(text: str) -> list[int]:
    """Mention indices in a fragment of masked text, in order, without repeats."""
    return list(dict.fromkeys(int(x) for x in _ENT_RX.findall(text)))


def _fold(
    v: SentView, rx: re.Pattern[str], keep: int, fact: Callable[[re.Match[str]], None] | None = None
) -> None:
    def sub(m: re.Match[str]) -> str:
        if fact is not None:
            fact(m)
        return f"§{m.group(keep)}§"

    v.masked = rx.sub(sub, v.masked)


@functools.lru_cache(maxsize=64)
def _pair_rx(connector: str, tail: str) -> re.Pattern[str]:
    return re.compile(rf"§(\d+)§(?={connector}§(\d+)§{tail})")


def _fold_pairs(v: SentView, connector: str, decide: Callable[[int, int], bool], tail: str = "") -> None:
    """Fold "§a§<connector>§b§" into "§a§" wherever ``decide(a, b)`` holds (overlaps allowed)."""
    rx = _pair_rx(connector, tail)
    start = 0
    while True:
        for m in rx.finditer(v.masked, start):
            a, b = int(m.group(1)), int(m.group(2))
            if decide(a, b):
                whole = re.compile(rf"§{a}§{connector}§{b}§")
                w = whole.match(v.masked, m.start())
                if w is None:
                    continue
                v.masked = v.masked[: m.start()] + f"§{a}§" + v.masked[w.end() :]
                start = m.start()
                break
        else:
            return


def _add(v: SentView, s: str, rtype: RelationType, t: str, rule: str, conf: float) -> None:
    v.facts.append(Fact(v.id(s), rtype, v.id(t), rule, conf))


def build_views(
    sents: list[Sentence], resolved: list[tuple[Mention, str]], types: dict[str, EntityType]
) -> list[SentView]:
    """One view per sentence (mentions bucketed by sentence in one pass)."""
    import bisect

    starts = [s.start for s in sents]
    buckets: list[list[tuple[Mention, str]]] = [[] for _ in sents]
    for m, eid in resolved:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0:
            buckets[k].append((m, eid))
    views = []
    for s, b in zip(sents, buckets, strict=True):
        check()  # the document's time limit, once per sentence
        views.append(build_view(s, b, types))
    return views


#: The word of a first-level unit written after its name, when the name alone is the mention
#: ("§Sichuan§ Province, and §Shenzhen§" reads as "§Sichuan§, and §Shenzhen§"); not when a name
#: goes on ("Ohio State University").
_ADMIN_UNIT = re.compile(r"\s+(?:Province|Prefecture|Oblast|Governorate|State|County)\b(?!\s+[A-Z])(?!-)")


def build_view(sent: Sentence, resolved: list[tuple[Mention, str]], types: dict[str, EntityType]) -> SentView:
    """Mask ``sent`` and fold local constructions, recording the facts they state."""
    mine = [
        (m, eid)
        for m, eid in resolved
        if sent.start <= m.start and m.end <= sent.end and m.rule != "org-nested"
    ]
    text = sent.text
    parts: list[str] = []
    last = 0
    ments: list[Mention] = []
    ids: list[str] = []
    for m, eid in mine:
        s, e = m.start - sent.start, m.end - sent.start
        if s < last:
            if ments and m is ments[-1]:
                # a plural reference ("the two companies") stands for several entities: "§0§ and §1§"
                parts.append(f" and §{len(ments)}§")
                ments.append(m)
                ids.append(eid)
            continue
        # a literal § in the text would read as a placeholder
        parts.append(text[last:s].replace("§", " "))
        parts.append(f"§{len(ments)}§'s" if getattr(m, "genitive", False) else f"§{len(ments)}§")
        ments.append(m)
        ids.append(eid)
        last = e
        if types[eid] is E.REGION and (unit := _ADMIN_UNIT.match(text, e)) is not None:
            last = unit.end()  # "Sichuan Province", "Saitama Prefecture": the unit's word is its name's
    parts.append(text[last:].replace("§", " "))
    masked = "".join(parts).replace("“", "").replace("”", "").replace('"', "").replace("’", "'")
    if len(ments) > MAX_RULE_MENTIONS or len(masked) > MAX_RULE_CHARS:
        # not a sentence but a list or run-on text: phrasing rules would be quadratic and meaningless
        return SentView(sent, ments, ids, [types[i] for i in ids], "")
    v = SentView(sent, ments, ids, [types[i] for i in ids], masked)
    _normalise(v)
    return v


#: The folds of :func:`_normalise`, compiled once ("-based" takes the technologies of each view).
_PARTNER_FOLD = re.compile(rf"{ENT}-(?:partner|member)\s+{ENT}")
_ROLE_FOLD = re.compile(
    rf"{ENT}(?:'s?)?\s+((?:(?:{_ROLE_MOD}|§\d+§)\s+){{0,3}}?)({_ROLE_CAP})"
    rf"(?:\s+(?:of|for)\s+[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*)?)?,?\s+(?:{_TITLE}\s+)?{ENT}"
)
_POSS_FOLD = re.compile(rf"{ENT}'s?\s+{ENT}")
_PLACE_POSS_FOLD = re.compile(rf"(?<=,\sin\s){ENT}'s?\s+{ENT}")
_RANK = {E.CITY: 0, E.REGION: 1, E.COUNTRY: 2}


def _wider(a: EntityType, b: EntityType) -> bool:
    """Whether places of type ``a`` hold places of type ``b`` (a country its regions)."""
    return a in _RANK and b in _RANK and _RANK[a] > _RANK[b]


#: A part of the organisation named after a role: "head of research", "chair for strategy".
_PART_OF_ROLE = re.compile(r"\s+(?:of|for)\s+[a-z]")
#: More holders of roles of the same organisation right after the first: "§o§'s CEO §p§ and CTO
#: §q§", "§o§ chair §p§, CEO §q§ and CFO §r§" (each with a role of their own; a bare "and §q§" is
#: no role of §o§).
_MORE_HOLDERS = re.compile(rf"(?:,\s+|,?\s+and\s+)({_ROLE_CAP}),?\s+(?:{_TITLE}\s+)?{ENT}")
#: The same after a place's office: "§Australia§ Prime Minister §p§ and Science Minister §q§"
#: (an office of the same place, its portfolio before it).
_MORE_OFFICE_HOLDERS = re.compile(
    rf",?\s+and\s+((?:[A-Z][\w-]*\s+){{0,2}}(?:Minister|Secretary|Ambassador|Governor|Mayor)),?\s+(?:{_TITLE}\s+)?{ENT}"
)
#: A phrase standing as an item of a list: after a comma or a list's opening word, before a comma,
#: "and" or the end.
_LIST_ITEM_BEFORE = re.compile(
    r"(?:§,|\b(?:include|includes|included|including|and|from|by))\s+(?:former\s+)?$"
)
_LIST_ITEM_AFTER = re.compile(r"\s*(?:,|and\b|&|\.?\s*$)")
_FUNDING_WORD = re.compile(r"\b(?:invest|round|funding|backers?\b|participat)")
_ALIAS_FOLD = re.compile(r"§(\d+)§\s*\((?:the\s+)?§(\d+)§\)")
_LINE = re.compile(r"\s*(?:[•·*–-]\s*)?§(\d+)§\s*,\s*§(\d+)§(?:\s*,\s*§(\d+)§)?\s*[.;]?\s*")
_OF_PLACE_FOLD = re.compile(rf"{ENT},\s+of\s+{ENT}(?:,\s+§\d+§)?,")
_PAREN_PLACE_FOLD = re.compile(rf"{ENT}\s*\(((?:in\s+)?(?:the\s+)?{ENT}(?:,\s*{ENT})*)\)")
_PARTICIPLE_FOLD = re.compile(
    rf"{ENT},\s+(?:which\s+is\s+|that\s+is\s+)?(?:headquartered|based|located|situated|founded|started|established|incorporated|registered)"
    rf"\s+in\s+(?:the\s+)?{ENT}(?:,\s+§\d+§)?,"
)
_CAP_WORD = re.compile(r"\b[A-Z][\w-]+")
#: A region's name that says it is a part of a city ("Haidian District", "Gangnam-gu").
_DISTRICT = re.compile(r"(?:\s(?:District|Ward|Borough)|-(?:gu|ku|qu|dong))$")
#: "§a§ (the quantum zone of §b§)": an apposition in brackets, read as one set off by commas.
_BRACKET_APPOS = re.compile(rf"{ENT}\s*\(((?:the|a|an|one\s+of)\s+[^()]{{3,120}}?)\)()")
_ITS_UNIT_FOLD = re.compile(r"§(\d+)§\s+(?:(?:own|new|flagship|dedicated|national)\s+)?§(\d+)§")
#: What a unit named "§a§ at §b§" can be (key) and what it is then a part of (value).
_HOSTS: dict[EntityType, frozenset[EntityType]] = {
    E.RESEARCH_INSTITUTE: frozenset({E.UNIVERSITY, E.COMPANY, E.GOVERNMENT_BODY, E.RESEARCH_INSTITUTE}),
    E.CLUSTER: frozenset({E.UNIVERSITY, E.COMPANY}),
    E.GOVERNMENT_BODY: frozenset({E.GOVERNMENT_BODY, E.UNIVERSITY}),
}
#: (also "§centre§ (Director: §p§) at §host§", a bracket between; "§centre§ in the §institute§", a
#: research centre inside a university or an institute)
_HOSTED_FOLD = re.compile(rf"{ENT}(\s*\([^()]{{1,60}}\))?\s+(at|in)\s+(?:the\s+)?{ENT}(?!-)")
#: What a research centre may sit "in" (not a company: "the lab in §Orbion§'s building" says where).
_HOSTS_IN = frozenset({E.UNIVERSITY, E.RESEARCH_INSTITUTE})
#: (a bracket in the apposition is read whole: "§a§, the hub (§b§, §c§ and §d§), will")
_APPOS_FOLD = re.compile(
    rf"{ENT}\)?,\s+((?:(?:the|a|an|another)\s+(?!§\d+§\s*(?:,|;|and\b|$))|one\s+of\s+)(?:[^,;:(]|\([^()]{{0,120}}\)){{3,120}}?)(,|\s+(?=today|have|has|announced|signed)|(?=\.?\s*$))"
)
_DASH_APPOS = re.compile(rf"{ENT}\s+[–—]\s+((?:the|a|an|another)\s+[^–—;:()]{{3,120}}?)(\s+)[–—]\s+")
#: A bare description ("the government", "the French ministry"): after a comma and before a verb
#: it is the subject of a new clause.
_BARE_DESCRIPTION = re.compile(r"^(?:the|a|an)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*$")
#: A description that a name completes ("a new quantum initiative, §k§", "a start-up called §k§").
_DESCRIBED_KINDS = (
    r"(?:initiative|programme|program|project|mission|start-?up|company|firm|spin-?off|spin-?out|fund|"
    r"consortium|alliance|hub|cluster|centre|center|institute|lab|laboratory)"
)
_DESCRIBED_GATE = compile_gated(rf"\b{_DESCRIBED_KINDS}(?:,?\s+(?:called|named|dubbed|known\s+as)|,)\s+§")
_DESCRIBED_FOLD = re.compile(
    rf"\b(?:an?|the|its|their)\s+(?:[a-z][\w-]*\s+){{0,4}}?{_DESCRIBED_KINDS}"
    rf"(?:,?\s+(?:called|named|dubbed|known\s+as)\s+|,\s+){ENT}(?!\s*(?:and|,)\s*§)"
)
#: A short parenthetical without mentions after a name inside a list (followed by a comma, "and"
#: or the end): "§a§ (芯光量子基金), §b§", "§a§ ($3m) and §b§".
_LIST_GLOSS = re.compile(r"§(\d+)§\s*\([^()§]{1,40}\)(?=\s*(?:,\s*(?:and\s+)?§|and\s+§|;|\.?\s*$))")
_COMMA_PLACE_TAIL = r"(?=\s*[,;.)–—]|\s+-\s|\s+(?:at|on|in|and|where|has|is|was|will|head|headquarters|offices?|plant|factory|campus|site)\b|$)"


#: A plural organisation noun ("firms", "start-ups"), and the rest of a list after its first name.
_PLURAL_ORG = re.compile(
    r"\b(?:companies|firms|start-?ups|businesses|groups|developers|makers|manufacturers|providers)\b"
)
_LIST_AFTER = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?§\d+§)*")
_PLACE_DESCRIPTION = re.compile(rf"{ENT}\s+{ENT}")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s+(?:the\s+)?$")
#: A place, a few lower-case words ending in an organisation noun, and one name (no list after it).
_PLACE_KIND_NAME = re.compile(
    rf"(?<![§\w'’–-])§(\d+)§\s+((?:(?:[a-z][\w-]*|§\d+§)\s+){{0,2}}?{ORG_NOUN}\s+)§(\d+)§"
    r"(?![-–'’§]|\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?§)"
)


@functools.lru_cache(maxsize=1024)
def _based_fold(tech: str) -> re.Pattern[str]:
    """ "§p§-based ... §a§" where ``a`` is none of the view's technologies (``tech``: their indices)."""
    return re.compile(
        rf"{ENT}-(?:based|headquartered)\s+((?:(?:[a-z][\w-]*|§\d+§)\s+){{0,3}}?(?:[a-z][\w-]*,\s+)?)§((?!(?:{tech})§)\d+)§"
    )


def _normalise(v: SentView) -> None:
    # every fold but the apposition's relates two mentions: a sentence naming fewer skips them
    if v.masked.count("§") >= 4:
        _topic_header(v)
        _fold_pairs_of_mentions(v)
    _fold_appositions(v)


#: an item of a round-up opening with its topic: "- §Orbion§: ...", "• §Orbion§ (§ORB§): ..."
_HEADER = re.compile(rf"^\s*(?:[-–•*·]\s*)?{ENT}(?:\s*\({ENT}\))?:\s+")
#: a role beside a person, no organisation named with it ("Former CEO and co-founder §p§",
#: "§p§ was named CEO", "§p§ stepped down as CEO of the company")
_ROLE_BESIDE = re.compile(
    rf"(?:\b{_ROLE_CAP}\s+{ENT}(?!\s*(?:of|at)\s+§)"
    rf"|{ENT}(?:,)?\s+(?:was|is|has\s+been|had\s+been)?\s*(?:named|appointed|promoted\s+to|became|remains|"
    rf"stepped\s+down\s+as|steps\s+down\s+as|returns\s+as|returned\s+as|took\s+over\s+as|serves\s+as)\s+"
    rf"(?:the\s+)?(?:company'?s\s+)?(?:(?:new|interim|acting|permanent|former)[\s-]+)?{_ROLE_CAP}\b(?!\s+(?:of|at)\s+§))"
)


def _topic_header(v: SentView) -> None:
    """A round-up item headed by an organisation ("- §Orbion§: Former CEO §p§ returned"): a
    role the item gives a person without naming an organisation is a role there."""
    h = _HEADER.match(v.masked)
    if h is None or v.type(h.group(1)) not in ORGS - {E.PROGRAM}:
        return
    org = h.group(1)
    body = v.masked[h.end() :]
    if any(v.type(i) in ORGS and i != int(org) for i in ids_in(body)):
        return  # the item names other organisations: whose role it is, the rules decide
    for x in _ROLE_BESIDE.finditer(body):
        p = x.group(1) or x.group(2)
        if v.type(p) is E.PERSON:
            _add(v, p, R.AFFILIATED_WITH, org, "topic-header-role", 0.7)


def _fold_pairs_of_mentions(v: SentView) -> None:
    ty = v.type

    # "§Berkeley§, §California§-based": the city is in the region, and the city is what locates
    def place_chain(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if not _wider(ty(b), ty(a)):
            return m.group(0)  # "In §Canada§, §Waterloo§-based ...": no smaller place first
        _add(v, a, R.LOCATED_IN, b, "place-chain-based", 0.9)
        return f"§{a}§-based"

    v.masked = re.sub(rf"{ENT},\s+{ENT}-based\b", place_chain, v.masked)

    # "§Lyon§-based Orbion", "§Lyon§-based §quantum sensing§ start-up, §Orbion§": the place locates
    # the organisation, and a technology named in the description is what it works on
    def based(m: re.Match[str]) -> str:
        p, gap, a = m.group(1), m.group(2), m.group(3)
        if re.search(r"\b(?:has|have|had|is|are|was|were|will|would|said|says|chose|chosen|named)\b", gap):
            return m.group(
                0
            )  # "the §California§-based company has chosen §Denmark§": a verb ends the description
        inner = ids_in(gap)
        if any(ty(i) is not E.TECHNOLOGY for i in inner) or (
            "," in gap and not re.search(rf"{ORG_NOUN},", gap)
        ):
            return m.group(0)
        if ty(p) in PLACES and ty(a) not in PLACES:  # "the §Broomfield§-based company pick §New Mexico§"
            _add(v, a, R.LOCATED_IN, p, "x-based", 0.9)
            if _PLURAL_ORG.search(gap):  # "§p§-headquartered firms §a§, §b§ and §c§": each is there
                for i in ids_in(_LIST_AFTER.match(m.string, m.end()).group()):  # type: ignore[union-attr]
                    if ty(i) in ORGS:
                        _add(v, str(i), R.LOCATED_IN, p, "x-based-list", 0.8)
        if ty(a) in ORGS and re.search(rf"\b{ORG_NOUN},?\s*$", gap):
            for i in inner:
                _add(v, a, R.WORKS_ON, str(i), "x-based-technology", 0.8)
        return f"§{a}§"

    # "the §Boston§ §company§" (a description standing for a company named before): the place
    # that qualifies it locates that company, and the description stands for the phrase
    # "the §U.S.§ §Air Force§", "the §US§ bank §Kessler Group§": a place before a name qualifies it
    def place_description(m: re.Match[str]) -> str:
        p, a = m.group(1), m.group(2)
        if ty(p) not in PLACES or ty(a) not in ORGS:
            return m.group(0)
        if v.mentions[int(a)].rule == "anaphor":
            _add(v, a, R.LOCATED_IN, p, "place-description", 0.8)
        elif m.string[max(0, m.start() - 4) : m.start()].lower() != "the ":
            return m.group(0)
        return f"§{a}§"

    # "with §U.S.§ semiconductor giant §Intel§": a place qualifying the kind noun before one name
    # locates it, and the phrase stands for the name (the partner is the firm, not its country)
    def place_kind_name(m: re.Match[str]) -> str:
        p, a, techs = m.group(1), m.group(3), ids_in(m.group(2))
        if ty(p) not in PLACES or ty(a) not in ORGS or any(ty(i) is not E.TECHNOLOGY for i in techs):
            return m.group(0)
        if _LIST_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
            # "§US§ firm §A§ and the §UK§ company §B§": each description stays for its place
            return m.group(0)
        _add(v, a, R.LOCATED_IN, p, "place-modifier", 0.8)
        for t in techs:  # "§US§ §quantum computing§ firm §IonQ§" describes what it works on
            _add(v, a, R.WORKS_ON, str(t), "technology-descriptor", 0.8)
        return f"§{a}§"

    if E.CITY in v.types or E.REGION in v.types or E.COUNTRY in v.types:
        v.masked = _PLACE_DESCRIPTION.sub(place_description, v.masked)
        v.masked = _PLACE_KIND_NAME.sub(place_kind_name, v.masked)

    tech = "|".join(str(i) for i, t in enumerate(v.types) if t is E.TECHNOLOGY) or "x"
    # each fold below runs only where the text it needs occurs (a substring test in C)
    if "§-based" in v.masked or "§-headquartered" in v.masked:
        v.masked = _based_fold(tech).sub(based, v.masked)

    def partner(m: re.Match[str]) -> None:
        _add(v, m.group(2), R.PART_OF, m.group(1), "x-partner", 0.8)

    if "§-partner" in v.masked or "§-member" in v.masked:
        _fold(v, _PARTNER_FOLD, 2, partner)

    # "§Veltra§ CEO §p§", "§Veltra§'s chief executive §p§", "§Portugal§'s Science Minister §p§",
    # "former §Orbion§ quantum software head §p§", "§Veltra§ chair, §p§": the person holds a role
    # there; a bare chair/head of the organisation itself leads it, a head of a part is affiliated.
    def role(m: re.Match[str]) -> str:
        a, mods, title, p = m.group(1), m.group(2), m.group(3), m.group(4)
        if ty(p) is not E.PERSON or ty(a) not in ORGS | PLACES:
            return m.group(0)
        if any(ty(i) is not E.TECHNOLOGY for i in ids_in(mods)):
            return m.group(0)
        # "§Orbion§ chairman and CEO §p§": coordinated roles, a chair's leads and a job's affiliates
        roles = [r.strip() for r in re.split(r"\s+and\s+|\s*&\s*", title.lower())]
        # "§Orbion§'s head of research §p§": the head of a part of the organisation works there
        of_part = _PART_OF_ROLE.match(m.string, m.end(3)) is not None
        leads = not mods.strip() and not of_part and any(r in _CHAIR_ROLES for r in roles)
        _add(v, p, R.LEADS if leads else R.AFFILIATED_WITH, a, "org-role-person", 0.9)
        if leads and any(r not in _CHAIR_ROLES for r in roles):
            _add(v, p, R.AFFILIATED_WITH, a, "org-role-person", 0.9)
        at = m.end()
        while (
            (more := _MORE_HOLDERS.match(m.string, at)) is not None
            and ty(more.group(2)) is E.PERSON
            and more.group(1).split()[0].lower() not in _OFFICE_TITLES
        ):
            chair = not mods.strip() and more.group(1).lower() in _CHAIR_ROLES
            _add(v, more.group(2), R.LEADS if chair else R.AFFILIATED_WITH, a, "org-role-person", 0.8)
            at = more.end()
        while ty(a) in PLACES and (office := _MORE_OFFICE_HOLDERS.match(m.string, at)) is not None:
            if ty(office.group(2)) is not E.PERSON:
                break
            _add(v, office.group(2), R.AFFILIATED_WITH, a, "org-role-person", 0.8)
            at = office.end()
        # "§UMD§ officer §p§, who leads ...": the person is the subject of what follows
        # "chaired by §Orbion§ co-founder §p§": the agent of a leading verb is the person
        if _WHO_FOLLOWS.match(m.string, m.end()) or _LED_BY_BEFORE.search(
            m.string, max(0, m.start() - 30), m.start()
        ):
            return f"§{p}§"
        # "investors include §a§, former §Veltra§ CEO §p§ and §b§": an investor of a list is the person
        if (
            _LIST_ITEM_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
            and _LIST_ITEM_AFTER.match(m.string, m.end())
            and _FUNDING_WORD.search(m.string)
        ):
            return f"§{p}§"
        # "§KTU§ physics professor §p§ founded ...": an academic acts for themselves, not the university
        if title.lower() in _ACADEMIC_POSTS and ty(a) in {E.UNIVERSITY, E.RESEARCH_INSTITUTE}:
            return f"§{p}§"
        return f"§{a}§"

    if E.PERSON in v.types:  # without a person every match is left as it is
        v.masked = _ROLE_FOLD.sub(role, v.masked)

    def poss(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if ty(a) in ORGS - {E.CLUSTER} and ty(b) in ORGS:
            _add(v, b, R.PART_OF, a, "possessive-org", 0.7)
            return f"§{b}§"
        return m.group(0)

    if "§'" in v.masked:
        v.masked = _POSS_FOLD.sub(poss, v.masked)

    # "§a§ (§a§)": an alias in brackets right after the name
    if "(" in v.masked:
        v.masked = _ALIAS_FOLD.sub(
            lambda m: f"§{m.group(1)}§" if v.id(m.group(1)) == v.id(m.group(2)) else m.group(0), v.masked
        )

    # "the §Center for Quantum Information§ at §Osaka University§": a centre of its host, which
    # names no second party of what the centre does; "the §Coordination Office§ at the §White
    # House§", "the §Lab§ at §NASA§": an office or a lab of a public body too
    def hosted(m: re.Match[str]) -> str:
        a, bracket, word, b = m.group(1), m.group(2), m.group(3), m.group(4)
        if a == b or ty(b) not in _HOSTS.get(ty(a), ()):
            return m.group(0)
        if word == "in" and (ty(a) is not E.RESEARCH_INSTITUTE or ty(b) not in _HOSTS_IN):
            return m.group(0)
        _add(v, a, R.PART_OF, b, "centre-at-host", 0.8)
        return f"§{a}§{bracket or ''}"

    v.masked = _HOSTED_FOLD.sub(hosted, v.masked)

    # "its §Thematic Center§" ("its" a reference to §a§): a unit of what "its" stands for
    def its_unit(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        ref = v.mentions[int(a)]
        if ref.rule != "anaphor" or ref.text.lower() != "its" or a == b or ty(a) not in ORGS - {E.CLUSTER}:
            return m.group(0)
        if ty(b) is not E.RESEARCH_INSTITUTE and not (
            ty(b) is E.GOVERNMENT_BODY and ty(a) is E.GOVERNMENT_BODY
        ):
            return m.group(0)
        if all(
            w.lower() in KEYWORDS or w == "Excellence" for w in _CAP_WORD.findall(v.mentions[int(b)].text)
        ):
            return m.group(0)  # "its Centre of Excellence": a kind of unit, named by no name of its own
        _add(v, b, R.PART_OF, a, "its-unit", 0.8)
        return f"§{b}§"

    if "anaphor" in {x.rule for x in v.mentions}:
        v.masked = _ITS_UNIT_FOLD.sub(its_unit, v.masked)

    # "the §UK§'s §NQCC§": the organisation stands in for the phrase (no fact: ownership is not location)
    if "§'" in v.masked:
        v.masked = _POSS_FOLD.sub(
            lambda m: (
                f"§{m.group(2)}§" if ty(m.group(1)) in PLACES and ty(m.group(2)) in ORGS else m.group(0)
            ),
            v.masked,
        )

    # a line "§Orbion§, §Lyon§" (lists of winners, partners) and "§Orbion§, of §Lyon§,"
    line = _LINE.fullmatch(v.masked)
    if line and ty(line.group(1)) in ORGS and ty(line.group(2)) in {E.CITY, E.REGION}:
        _add(v, line.group(1), R.LOCATED_IN, line.group(2), "line-org-place", 0.7)

    def of_place(m: re.Match[str]) -> str:
        if ty(m.group(1)) in ORGS and ty(m.group(2)) in PLACES:
            _add(v, m.group(1), R.LOCATED_IN, m.group(2), "x-of-place", 0.8)
            return f"§{m.group(1)}§,"
        return m.group(0)

    if "§," in v.masked:
        v.masked = _OF_PLACE_FOLD.sub(of_place, v.masked)

    def comma_place(a: int, b: int) -> bool:
        ta, tb = ty(a), ty(b)
        ok = (ta is E.CITY and tb in {E.REGION, E.COUNTRY}) or (ta is E.REGION and tb is E.COUNTRY)
        # "§Haidian District§, §Beijing§": a district is a part of the city after it
        ok = ok or (ta is E.REGION and tb is E.CITY and _DISTRICT.search(v.mentions[a].text) is not None)
        ok = ok and not (tb is E.REGION and _DISTRICT.search(v.mentions[b].text) is not None)
        ok = ok or (ta in {E.UNIVERSITY, E.RESEARCH_INSTITUTE} and tb is E.CITY)
        # "Hong Kong, Macao and ...": two places of different known countries are a list
        ok = ok and not _other_countries(v.id(a), v.id(b))
        if ok:
            _add(v, str(a), R.LOCATED_IN, str(b), "x-comma-place", 0.7)
        return ok

    if "§," in v.masked:
        _fold_pairs(v, r",\s+(?:the\s+)?", comma_place, _COMMA_PLACE_TAIL)  # "§Delft§, the §Netherlands§"
        # "§Hefei§, in §China§'s §Anhui§ Province,": the country's region stands for the phrase
        v.masked = _PLACE_POSS_FOLD.sub(
            lambda m: f"§{m.group(2)}§" if _wider(ty(m.group(1)), ty(m.group(2))) else m.group(0), v.masked
        )
        _fold_pairs(v, r",\s+in\s+", comma_place, _COMMA_PLACE_TAIL)

    def org_in(a: int, b: int) -> bool:
        if ty(a) in ORGS and ty(b) in PLACES:
            _add(v, str(a), R.LOCATED_IN, str(b), "x-in-place", 0.8)
            return True
        return False

    _fold_pairs(v, r"\s+in\s+(?:the\s+)?", org_in)

    # "the §National Quantum Office§ (NQO) of §Norway§" (the defined acronym is folded by
    # now): a place after "of" qualifies the organisation before it and is no actor of the
    # sentence; no fact either, "of" states no location
    def org_of_place(a: int, b: int) -> bool:
        return ty(a) in ORGS and ty(b) in PLACES

    if "§ of §" in v.masked:
        _fold_pairs(v, r"\s+of\s+", org_of_place)

    # "the §University of Maryland§ §College Park§", "§IBM§ §Zurich§": a town or region written
    # right after an organisation names its campus or site, not a second actor (no fact: which
    # site, not where the organisation is)
    def org_site(a: int, b: int) -> bool:
        return ty(a) in ORGS and ty(b) in (E.CITY, E.REGION)

    if "§ §" in v.masked:
        _fold_pairs(v, " ", org_site)

    def paren_place(m: re.Match[str]) -> str:
        a = m.group(1)
        inner = [int(x) for x in re.findall(ENT, m.group(2))]
        chain = [int(a), *inner]
        if ty(a) is E.PERSON and len(inner) == 1 and ty(inner[0]) in ORGS:
            # "Ana Berg (Orbion) and Tom Lind (Veltra)": a person's organisation in brackets
            _add(v, a, R.AFFILIATED_WITH, str(inner[0]), "person-paren-org", 0.7)
        for x, y in itertools.pairwise(chain):
            if ty(x) in PLACES | ORGS and ty(y) in PLACES:
                _add(v, str(x), R.LOCATED_IN, str(y), "x-paren-place", 0.7)
        return f"§{a}§"

    if "(" in v.masked:
        v.masked = _PAREN_PLACE_FOLD.sub(paren_place, v.masked)

    # "§IQM§, headquartered in §Espoo§, §Finland§, competes ...": a participle apposition
    def participle(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if ty(a) in ORGS and ty(b) in PLACES | {E.CLUSTER}:
            _add(v, a, R.LOCATED_IN, b, "apposition-based-in", 0.9)
            return f"§{a}§"
        return m.group(0)

    # the appositions below all open with a comma right after a mention
    if "§," in v.masked:
        v.masked = _PARTICIPLE_FOLD.sub(participle, v.masked)

    # "§a§, a unit of §b§," / "§a§, one of the five partners of the §b§,": membership said in passing
    # "§a§, the §b§'s economic development bank": an arm of the owner
    for x in _APPOSED_ARM.finditer(v.masked) if "§," in v.masked else ():
        a, b = x.group(1), x.group(2)
        if ty(a) in ORGS | {E.PROGRAM} and ty(b) in ORGS and a != b and modifiers_ok(v, x.group(0), a, b):
            _add(v, a, R.PART_OF, b, "apposed-arm", 0.8)
    # (a partner or member of a company is its partner, not a part of it)
    for x in _APPOSED_MEMBER.finditer(v.masked) if "§," in v.masked or "§ (" in v.masked else ():
        if x.group(1) is not None:
            a, word, b = x.group(1), x.group(2) or x.group(3), x.group(4)
        else:
            a, b, word = x.group(5), x.group(6), x.group(7)
        groups = (
            {E.CLUSTER, E.PROGRAM}
            if word.startswith(("member", "partner", "particip"))
            else ORGS | {E.PROGRAM}
        )
        if ty(a) in ORGS | {E.PROGRAM} and ty(b) in groups and a != b and modifiers_ok(v, x.group(0), a, b):
            _add(v, a, R.PART_OF, b, "apposed-member", 0.8)


def _other_countries(a: str, b: str) -> bool:
    """Whether two gazetteer ids ("city:hong-kong:hk", "region:macao:mo") carry different countries."""
    ca, cb = a.rsplit(":", 1)[-1], b.rsplit(":", 1)[-1]
    return a.count(":") >= 2 and b.count(":") >= 2 and len(ca) == len(cb) == 2 and ca != cb


_APPOSED_PARTNER = re.compile(
    r"^(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?partners?\s+(?:of|to)\s+(?:the\s+)?§(\d+)§(?!['’])"
)
#: Who can be "a partner of" someone without that being membership of a group.
PARTNER_TYPES = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY})
#: An apposition that describes its name by a role toward makers of a technology ("X, an investor in
#: §quantum computing§ companies,", "X, a customer of §QKD§ firms,"): the name makes nothing there.
_OTHER_ROLE = re.compile(
    r"\b(?:investors?|backers?|funders?|customers?|clients?|users?|buyers?|shareholders?|owners?|acquirers?|"
    r"advis[eo]rs?|consultants?|distributors?|resellers?)\b"
)


def _fold_appositions(v: SentView) -> None:
    ty = v.type

    # appositives: "§0§, a bustling metropolitan city in §1§," / "§0§, the leading developer of §2§ devices,"
    def appos(m: re.Match[str]) -> str:
        a = m.group(1)
        body = m.group(2)
        inner = ids_in(body)
        if ty(a) is E.PERSON:
            return m.group(0)
        based = re.match(r"^(?:the|a|an|another)\s+§(\d+)§-based\b", body)
        if based and ty(based.group(1)) in PLACES and ty(a) in ORGS:
            _add(v, a, R.LOCATED_IN, based.group(1), "apposition-based", 0.8)
        # "§X§, a start-up from §Lyon§,", "§X§, a photonics firm in §Munich§,": where it comes from
        origin = re.match(
            rf"^(?:an?|another)\s+(?:[\w-]+\s+){{0,3}}?{ORG_NOUN}\s+(?:from|in)\s+§(\d+)§", body
        )
        if origin and ty(origin.group(1)) in PLACES and ty(a) in ORGS:
            _add(v, a, R.LOCATED_IN, origin.group(1), "apposition-noun-from", 0.8)
        # "§OQC§, the §UK§ superconducting hardware company spun out of ...": the place as a modifier
        modifier = re.match(
            rf"^(?:the|a|an)\s+§(\d+)§\s+((?:(?:[a-z][\w-]*|§\d+§)\s+){{0,3}}?){ORG_NOUN}\b", body
        )
        if (
            modifier
            and ty(modifier.group(1)) in PLACES
            and ty(a) in ORGS
            and all(ty(i) is E.TECHNOLOGY for i in ids_in(modifier.group(2)))
        ):
            _add(v, a, R.LOCATED_IN, modifier.group(1), "apposition-place-modifier", 0.8)
        # "§B§, a long-standing partner of §A§,": a partner of an organisation (of a group: a member)
        partner = _APPOSED_PARTNER.match(body)
        if partner and ty(a) in PARTNER_TYPES and ty(partner.group(1)) in PARTNER_TYPES:
            _add(v, a, R.PARTNERS_WITH, partner.group(1), "apposition-partner", 0.8)
        if re.search(r"\b(?:competitors?|rivals?)\b", body):
            for i in inner:
                if ty(i) in ORGS and ty(a) in ORGS:
                    _add(v, a, R.COMPETES_WITH, str(i), "apposition-competitor", 0.8)
        for i in inner:
            if (
                ty(i) in PLACES
                and re.search(rf"\b(?:in|of)\s+(?:the\s+)?§{i}§", body)
                and ty(a) is not E.TECHNOLOGY
                and re.search(
                    r"\b(?:city|town|capital|region|province|state|district|company|firm|start-?up|spin-?off|spin-?out|"
                    r"university|institute|programme|program|organi[sz]ation|hub|cluster|centre|center|lab|laboratory|"
                    r"agency|zone|park|campus|site|facility|headquartered|based|located|situated)\b",
                    body,
                )
            ):
                _add(v, a, R.LOCATED_IN, str(i), "apposition-place", 0.7)
            if (
                ty(i) is E.TECHNOLOGY
                and not _OTHER_ROLE.search(body)
                and re.search(
                    r"\b(?:developer|provider|maker|manufacturer|supplier|vendor|designer|builder|innovator|leader|pioneer|"
                    r"specialist|institution|compan(?:y|ie)|firm|"
                    # (not a possessed noun: "..., the §quantum computing§ firm's subsidiary" is another actor)
                    r"start-?up|powerhouse|player|expert|champion)s?\b(?!['’])",
                    body,
                )
            ):
                _add(v, a, R.WORKS_ON, str(i), "apposition-technology", 0.7)
        if not m.group(3):
            return m.group(0)  # closing the sentence: its facts are read, its mentions stay for the rules
        if m.group(3) != "," and _BARE_DESCRIPTION.match(body):
            return m.group(0)  # "As part of §p§, the government has signed": a new subject, no apposition
        # "(§ACET§), a tech incubator based in ...": the bracket closed before the apposition stays
        close = ")" if m.group(0).startswith(f"§{a}§)") else ""
        return f"§{a}§{close}" + ("" if m.group(3) == "," else m.group(3))

    # "§a§ (芯光量子基金), §b§ (Paris) and ...": a short gloss after a listed name is no part of the list
    if "§ (" in v.masked or "§(" in v.masked:
        v.masked = _LIST_GLOSS.sub(lambda m: f"§{m.group(1)}§", v.masked)
    # "a new quantum initiative, §k§" / "a start-up called §k§": the description names the mention
    if "§" in v.masked and _DESCRIBED_GATE.search(v.masked):
        v.masked = _DESCRIBED_FOLD.sub(lambda m: f"§{m.group(1)}§", v.masked)
    # "§a§ (a start-up in §b§)": what a bracketed apposition says is read; the text stays as it is
    if "§ (" in v.masked or "§(" in v.masked:
        v.masked = _BRACKET_APPOS.sub(appos, v.masked)
    # what an apposition says about its head ("the §fund§ managed by §a§,") is read before the fold
    v.memo[UNFOLDED] = v.masked
    if "§," in v.masked or "§)," in v.masked:  # "§a§, the ...", "(§ACET§), a ..."
        v.masked = _APPOS_FOLD.sub(appos, v.masked)
    # "§a§ — a §Lyon§-based firm — builds ...": an apposition set off by dashes
    # (one naming a technology stays for the technology rules: "— a hub for §T§ research —")
    if "§ –" in v.masked or "§ —" in v.masked:
        v.masked = _DASH_APPOS.sub(
            lambda m: m.group(0) if any(ty(i) is E.TECHNOLOGY for i in ids_in(m.group(2))) else appos(m),
            v.masked,
        )
