"""Agreements and partnerships: n-ary agreement nodes and PARTNERS_WITH links.

A sentence with an agreement cue (MOU, letter of intent, joint statement, consortium,
contract, partnership, agreement) and two or more named parties gives an Agreement;
every pair of its parties also gets a PARTNERS_WITH link for MOUs, partnerships and joint
statements. Collaboration verbs without an agreement noun ("cooperate", "partner with",
"work together") give PARTNERS_WITH links only. Parties are read from the phrasing:
"between/among A, B and C", "A and B signed ...", "A signed ... with B", "A's
collaboration with B", "organised by A, B and C", "A and B's joint ...".

Discourse, kept short and explicit: a definite reference ("The joint statement signed in
Washington, DC ...") with no parties of its own takes the actors of the previous
sentence; "they"/"together" right after an agreement means its parties; technologies in
the next sentences that mention "the partnership/agreement/consortium" become topics.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

from qkg.schemas import AgreementKind, EntityType, RelationType

from ..context import ENT, LIST, ORGS, PLACES, Fact, SentView, ids_in
from ..dates import find_date, resolve_date
from ..deadline import check
from . import fastre as re
from .funding_shapes import money_agreement_spans
from .literals import compile_gated
from .money import MONEY as _MONEY_RX
from .partners import described_groups
from .words import any_in, may_hold

__all__ = ["PARTNERING_KINDS", "PLACE_MODIFIER", "AgreementDraft", "find_agreements", "without_echoes"]

E = EntityType
R = RelationType
K = AgreementKind
#: The kinds whose parties partner each other (dev2 README): an MOU, a partnership, a joint statement;
#: a contract, an investment or a consortium does not make its parties partners.
PARTNERING_KINDS = frozenset({K.MOU, K.PARTNERSHIP, K.JOINT_STATEMENT})
_PARTY_TYPES = ORGS | PLACES
_CUES: list[tuple[K, re.Pattern[str]]] = [
    (
        K.MOU,
        re.compile(
            # "a memorandum of intent / of cooperation (MoC)": the memoranda governments sign
            r"memorand(?:ums?|a)\s+of\s+(?:understanding|intent|co-?operation|collaboration|agreement)|\bMO[Uu]s?\b|"
            r"(?-i:\bMo[ICA]s?\b|\bMOIs?\b)|letters?\s+of\s+intent|\bLo[Ii]\b",
            re.I,
        ),
    ),
    (K.JOINT_STATEMENT, re.compile(r"\bjoint\s+(?:statement|declaration|communiqu[ée])", re.I)),
    (K.CONSORTIUM, re.compile(r"\bconsortium\b", re.I)),
    (
        K.CONTRACT,
        re.compile(
            r"\bcontract\b|\bpurchase\s+agreement\b|\bprocurement\s+deal\b|"
            r"\b(?i:licen[cs]ing|licen[cs]e|supply|sales?|procurement|purchase)\s+(?:deals?|agreements?)\b"
        ),
    ),
    # "an investment agreement", "a financing deal": money, not a partnership (before the plain agreement cue)
    (
        K.INVESTMENT,
        re.compile(
            r"\b(?:investment|financing|funding|loan|equity|venture\s+debt)\s+(?:agreement|deal|contract)s?\b",
            re.I,
        ),
    ),
    (
        K.PARTNERSHIP,
        re.compile(
            r"\bpartnerships?\b|\bagreements?\b|\balliances?\b|\bco-innovation\b|\bpacts?\b|\bjoint\s+ventures?\b|"
            r"\btie-ups?\b",
            re.I,
        ),
    ),
]
#: A deal: a contract when money is said, else a partnership ("a deal struck with A and B");
#: not "a great deal of", nor the verb ("to deal with").
_DEAL = re.compile(r"(?<!\bgreat\s)(?<!\bgood\s)(?<!\bto\s)\bdeals?\b(?!\s+of\b)")
MONEY = re.compile(_MONEY_RX)
_COLLAB = re.compile(
    r"\b(?:partner(?:s|ed|ing)?\s+with|collaborat\w*|cooperat\w*|co-operat\w*|team(?:s|ed|ing)?\s+up|team(?:s|ed|ing)\s+with|join(?:s|ed|ing)?\s+forces|"
    r"work(?:s|ed|ing)?\s+(?:together|jointly|with)|together\s+with|alongside|co-develop\w*|co-design\w*|co-creat\w*|"
    r"jointly|joint|partnership|alliance|agreement|MO[Uu]|memorandum|letter\s+of\s+intent|(?:relationships?|ties)\s+with|"
    r"deals?|pacts?|tie(?:s|d)?\s+up|tying\s+up|tie-ups?)\b",
    re.I,
)
_SIGN = (
    r"(?:signed|sign|signs|inked|inks|ink|seals|seal|strikes|strike|forged|forges|forge|entered\s+into|enter\s+into|concluded|struck|sealed|announced|announce|formed|"
    r"launched|agreed|established|unveiled|created|renewed|extended|issued|released|adopted|published|formali[sz]ed)"
)
#: Verbs whose plural subject names the collaborating parties ("A and B will co-develop ...").
_CO_VERB = (
    r"(?:co-develop\w*|co-design\w*|co-creat\w*|jointly\s+(?:develop|build|research|design|creat|launch)\w*|"
    r"collaborat\w*|cooperat\w*|co-operat\w*|partner(?:ed|ing)?\b|team(?:s|ed|ing)?\s+up|join(?:s|ed|ing)?\s+forces|"
    r"tie(?:s|d)?\s+up|tying\s+up|"
    r"work(?:s|ed|ing)?\s+(?:together|jointly|closely\s+together)|"
    # "A and B agreed to build ...", not a takeover or a payment ("agreed to merge", "agreed to pay")
    r"agreed\s+(?:to|on|upon)\b(?!\s+(?:merge|combine|acquire|buy|purchase|take\s+over|sell|pay)\b))"
)
#: "with a US-based security firm, Orbion": a description in apposition before the party's name
_DESCRIBED = (
    r"(?:(?:an?|the)\s+(?:[^§,.;]{0,40}?§\d+§)?[^§,.;]{0,30}?\b(?:firm|company|start-?up|university|institute|"
    r"lab|laboratory|agency|ministry|government|developer|maker|chipmaker|provider|supplier|giant|operator|group),\s+"
    r"|an?\s+(?=§))?"
)
#: "with major corporations such as A and B": a generic head before the named examples
_EXAMPLES = r"(?:(?:[a-z][\w-]*,?\s+){1,4}(?:such\s+as|including|like),?\s+)?"
#: a plural definite description of the parties of the agreement just named
_PLURAL_REF = re.compile(
    r"\b(?:the|both|all)\s+(?:(?:two|three|four|five|six|\d+|participating|member|partner|founding)\s+)?"
    r"(?:consortia|countries|nations|governments|partners|organi[sz]ations|parties|sides|associations|institutions|signatories)\b",
    re.I,
)
#: a passive making verb right before "in partnership with": "X was set up in partnership with A and B"
_MADE_WITH = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:jointly|officially|now)\s+)?"
    r"(?:created|launched|set\s+up|established|founded|built|developed|formed|run|operated|organi[sz]ed)\s+in\s*$"
)
_CO_RX = re.compile(rf"\b{_CO_VERB}")
#: "the Orland–Veltria Digital Partnership", "the A-B Joint Statement on ...": a named bilateral agreement
_HYPHENATED = compile_gated(
    r"(§\d+§\s?[-–—/]\s?§\d+§)(?:\s+[A-Z][\w-]*){0,4}?\s+"
    r"(?:Partnership|Agreement|Alliance|Joint\s+(?:Statement|Declaration)|Memorandum|MoU|MOU)\b"
)
_DEFINITE = re.compile(
    r"^\s*(?:The|This|That|Their|Its)\s+(?:[\w-]+\s+){0,2}(?:joint\s+statement|agreement|partnership|MO[Uu]|memorandum|"
    r"collaboration|alliance|consortium|deal|letter\s+of\s+intent|declaration)\b"
)
_REFERS = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}(?:partnership|agreement|MO[Uu]|memorandum|collaboration|alliance|consortium|deal|joint\s+statement|cooperation)\b",
    re.I,
)
_MEMBERS = re.compile(
    r"^\s*(?:They|These|Members|The\s+members|Its\s+members|Partners)\s+(?:are|include)\s*:?\s*"
)
#: "The signatories are A, B and C": the parties of an agreement named just before without them
_SIGNATORIES = re.compile(
    r"^\s*(?:The\s+|Its\s+|Their\s+)?(?:signatories|signers|signing\s+parties|parties\s+to\s+the\s+\w+)"
    r"\s+(?:are|were|include|included)\s*:?\s*",
    re.I,
)


@dataclass
class AgreementDraft:
    """An agreement before ids: kind, party entity ids, and where it was said."""

    kind: AgreementKind
    parties: list[str]
    sentences: list[int]
    rule: str
    confidence: float
    date: str | None = None
    place: str | None = None
    topics: list[str] = field(default_factory=list)


#: Substrings one of which every agreement cue or collaboration verb contains (a cheap gate).
_CUE_WORDS = (
    "partner",
    "collaborat",
    "cooperat",
    "co-operat",
    "team",
    "alongside",
    "together",
    "co-d",
    "co-creat",
    "join",
    "work",
    "joint",
    "alliance",
    "agreement",
    "mou",
    "memorand",
    "letter",
    "loi",
    "moc",
    "moi",
    "moa",
    "consortium",
    "contract",
    "procure",
    "co-innovation",
    "declaration",
    "statement",
    "relationship",
    "ties",
    "deal",
    "pact",
    "tie",
    "tying",
    "venture",
    # "Spain, Portugal and Italy have agreed to build ...": a plural subject agreeing together
    "agreed to",
    "agreed on",
)


def _kind(text: str) -> AgreementKind | None:
    for kind, rx in _CUES:
        if rx.search(text):
            return kind
    if _DEAL.search(text):
        return K.CONTRACT if MONEY.search(text) else K.PARTNERSHIP
    return None


def _groups(v: SentView) -> list[tuple[list[int], str, int]]:
    """Party groups stated in the sentence: (mention indices, rule, position in the masked text)."""
    cached = v.memo.get("groups")
    if cached is None:
        cached = v.memo["groups"] = _find_groups(v)
    return cached  # type: ignore[return-value]


_BETWEEN = compile_gated(
    rf"\b(?:between|among|amongst)\s+(?:[a-z][\w-]*\s+){{0,4}}?(?:of\s+the\s+[\w\s]{{0,30}}?:\s*)?({LIST})"
    # "a collaboration of A, B and C", "a joint venture of A and B": the pact's noun names its parties
    rf"|\b(?:collaboration|partnership|joint\s+venture|cooperation|co-operation)\s+(?:of|by)\s+({LIST})"
)
_SIGNED_WITH = compile_gated(rf"({LIST})\s+[^§]{{0,40}}?\b{_SIGN}\b[^§]{{0,60}}?\bwith\s+({LIST})")
_TO_TAKE_OVER = re.compile(r"\bto\s+(?:merge|combine|acquire|buy|purchase|take\s+over)\b")
#: "§X§ (§X§)—a joint venture between §A§ and §B§—entered into an agreement with §Y§": the signer
#: before an aside set off by dashes (the aside's names sign nothing here).
_DASHED_SIGNER_WITH = compile_gated(
    rf"({LIST})(?:\s*\(§\d+§\))?\s*[—–]\s*(?:[^.;—–]|\.(?=\s[A-Z])){{1,200}}?\s*[—–]\s*(?:(?:has|have|had|will|today|recently|also)\s+)*"
    rf"{_SIGN}\b[^§]{{0,60}}?\bwith\s+(?:the\s+)?({LIST})"
)
#: Agreements in the plural: one with each party named after "with".
_SEPARATE = re.compile(
    r"\b(?:(?i:agreements|contracts|deals|memoranda|memorandums|partnerships)|MoUs|MOUs)\b"
)
_SUBJECTS_SIGNED = compile_gated(
    rf"({LIST})"
    # "A and B, led by U, today announce the signing of ...": an aside on the last party signs nothing
    r"(?:,\s+(?:led|run|chaired|headed|hosted|based|headquartered)\s+(?:by|in|at)\s+(?:the\s+)?§\d+§(?:\s+\(§\d+§\))?,)?"
    rf"\s+(?:(?:have|has|had|will|today|recently|officially|formally|jointly|also|both|now|just|yesterday)\s+)*{_SIGN}\b"
)
#: "A and B held a ceremony where the two organisations entered into an agreement": the signers named
#: first, then referred to by a plural description in a clause of their own sentence.
_REFERRED_SIGNERS = compile_gated(
    rf"({LIST})\s+((?:[^§.;]|§\d+§){{0,160}}?)\b(?:where|in\s+which|during\s+which|at\s+which|and|as|when|after)\s+"
    r"(?:the|both)\s+(?:(two|three|four)\s+)?(?:organi[sz]ations|parties|partners|sides|institutions|companies|firms|"
    r"universities|laboratories|labs|agencies|countries|governments|nations)\s+"
    rf"(?:(?:have|has|had|will|today|formally|officially|jointly|also|both|now)\s+)*{_SIGN}\b"
)
_COUNT = {"two": 2, "three": 3, "four": 4}
_THEIR_PARTNERSHIP = compile_gated(
    rf"({LIST}),?\s+(?:[^§.;]{{0,40}}?\s)?their\s+(?:[a-z][\w-]*\s+)?(?:partnership|collaboration|cooperation|co-operation|alliance|ties)\b"
)
_SIGNED_BY = compile_gated(
    rf"\b(?:signed|released|issued|adopted|agreed|published|endorsed|concluded|inked)\s+(?:jointly\s+)?by\s+(?:the\s+)?"
    rf"(?:(?:[Gg]overnments?|[Ll]eaders|[Mm]inisters|(?:senior\s+)?[Oo]fficials|[Rr]epresentatives|[Dd]elegations|[Hh]eads)"
    rf"\s+(?:of|from)\s+(?:the\s+)?|(?:two|three|four)\s+[a-z]+\s*,?\s+)?({LIST})"
)
_WITH_PARTNER = compile_gated(
    rf"\b(?:(?:partner(?:s|ed|ing|ship)?|collaborat\w*|cooperat\w*|co-operat\w*|MO[Uu]|agreement|memorandum[^§]{{0,40}}?|letter\s+of\s+intent|Lo[Ii]|"
    # "a deal struck with A and B", "has tied up with B", "its tie-up with B"
    rf"(?<!great\s)(?<!good\s)(?<!to\s)deals?(?:\s+(?:struck|signed|inked|agreed|sealed))?|tie(?:s|d)?\s+up|tying\s+up|tie-ups?|pacts?|"
    rf"work(?:s|ed|ing)?(?:\s+together|\s+closely|\s+jointly)?|together|team(?:s|ed|ing)(?:\s+up)?|team\s+up|join(?:s|ed|ing)?\s+forces|"
    # "has long-standing relationships with A and B"
    rf"(?:(?:close|long-standing|longstanding|strong|established|existing|working|research|strategic)\s+)+(?:relationships?|ties)|"
    # "plans for joint research and staff exchanges, not only with A": joint work names its partner
    rf"joint\s+(?:research|projects?|development|studies|work)\b[^§.;]{{0,50}}?)\s+with|"
    rf"alongside(?:\s+[a-z][\w-]*){{0,3}}?)\s+{_DESCRIBED}{_EXAMPLES}({LIST})"
)
_ITS_THEIR = re.compile(r"\b(?:its|their)\b")
#: A sentence opening with a prepositional phrase ("Through a partnership with", "As part of its
#: collaboration with", "Under the agreement with").
_FRONTED = re.compile(
    r"^\s*(?:Through|Under|Via|As\s+part\s+of|In|With|Following|After|Thanks\s+to|Building\s+on)\s+"
    r"(?:(?:a|an|the|its|their|this|new|strategic|long-standing|recent)\s+)*[\w-]*\s*$"
)
#: The last item of a list set off by a comma alone ("§A§, §B§", not "§A§ and §B§").
_LAST_AFTER_COMMA = re.compile(r"§,\s+(?:the\s+)?§(\d+)§$")
#: A verb right after a name: the name was a subject.
_VERB_NEXT = re.compile(
    r"\s+(?:(?:will|has|have|had|is|are|was|were|also|now|can|plans|aims)\b|[a-z]+(?:ed|s)\b)"
)
#: Money put in just before a companion phrase: its companions invest side by side.
_CO_INVESTING = re.compile(r"\b(?:invest\w*|round|funding|financing|raised?|raising)\b[^;]{0,40}$", re.I)
_SIDE_BY_SIDE = re.compile(r"(?:alongside|together\s+with|work\w*\s+with)\b|with\b", re.I)
#: A cue naming a signed pact (what a signatory signs for an organisation).
_PACT_CUE = re.compile(
    r"\b(?:MO[Uu]|agreement|memorandum|letter\s+of\s+intent|Lo[Ii]|partnership|deal|pact)\b", re.I
)
#: "§U§ and works with": a verb coordinated to the clause's first predicate.
_COORDINATED_PREDICATE = re.compile(
    r"^§\d+§\s+and\s+(?:(?:also|now|still|has|have|had|will|is|are|was|were)\s+)*$"
)
#: Who is worked with as a buyer or a user, not a partner.
_NOT_PARTNERS = re.compile(r"\b(?:customers?|clients?|users?|buyers?)\b")
#: A collaboration verb's partners named by a generic noun: "partnering with universities".
_WITH_OTHERS = re.compile(
    r"\s+with\s+(?!(?:each\s+other|one\s+another)\b)(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*)(?=[\s,.;]|$)(?!\s*§)"
)
_EXAMPLES_BEFORE = re.compile(r"\b(?:such\s+as|including|like)\s+(?:the\s+)?$")
#: A list after "with" or "alongside" names someone's counterparts ("X's separate partnerships with A
#: and B", "work alongside A and B"), never a subject that cooperates within itself.
_COUNTERPARTS_BEFORE = re.compile(r"\b(?:with|alongside)\s+(?:both\s+)?(?:the\s+)?$")
#: A list item after ", and" that opens a clause of its own ("with §A§, and §B§ raised ...").
_NEW_CLAUSE_ITEM = re.compile(r"§,\s+and\s+(?:the\s+)?§(\d+)§$")


def _clause_items(m: str, group: str, end: int) -> list[int]:
    """The mentions of a list, without a last item that is the subject of a new clause."""
    items = ids_in(group)
    last = _NEW_CLAUSE_ITEM.search(group)
    if last and _VERB_NEXT.match(m, end) and len(items) > 1:
        return items[:-1]
    return items


_CLAUSE_WORD = re.compile(r"\b(?:that|told|said|says|after|when|while)\b")
_SUBJECTS_COLLABORATE = re.compile(
    rf"({LIST})\s+(?:(?:have|has|had|will|would|today|also|now|are|is|were|was|been|plan\s+to|agreed\s+to|are\s+to)\s+)*{_CO_VERB}"
)
#: The runs of letters (and stems) one of its verbs opens with, for :func:`.words.may_hold`.
_CO_VERB_WORDS = frozenset(
    {"co", "jointly", "partner", "partnered", "partnering", "team", "teams", "teamed", "teaming"}
    | {"join", "joins", "joined", "joining", "work", "works", "worked", "working", "agreed"}
)
_CO_VERB_STEMS = ("collaborat", "cooperat")
_JOINT_POSSESSIVE = compile_gated(r"((?:§\d+§'s?(?:\s*,\s*|\s+and\s+))+§\d+§'s?)\s+joint\b")
_ORGANISED_BY = compile_gated(rf"(?:organi[sz]ed|arranged|hosted|co-hosted|convened|run)\s+by\s+({LIST})")
_IN_COOPERATION_WITH = re.compile(
    rf"\bin\s+(?:cooperation|collaboration|partnership|association)\s+with\s+(?:[a-z][\w-]*\s+){{0,3}}({LIST})"
)
_ANY_LIST = re.compile(rf"({LIST})")
_COORDINATED = re.compile(r"\b(?:cooperat\w*|collaborat\w*|partner\w*|jointly|together)\b", re.I)
_GROUPED = re.compile(r"\b(?:alliance|consorti\w+|coalition|members|comprises|consists)\b", re.I)
#: People or organisations sharing a stage are no partners: "Speakers included A of X and B of Y",
#: "panellists from X, Y and Z discussed how collaboration ...".
_ROSTER = re.compile(
    r"\b(?:speakers?|panel(?:l)?ists?|panels?|keynotes?|attendees|delegates|moderators?|presenters|exhibitors|"
    r"representatives\s+(?:from|of))\b",
    re.I,
)


#: who a person signs for: the organisations (or governments' places) a role ties them to
_SIGNS_FOR = frozenset(
    {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.COUNTRY, E.REGION, E.CITY}
)


def representatives(
    related: Iterable[tuple[str, RelationType, str]], types: Mapping[str, EntityType]
) -> dict[str, str]:
    """Each person the document ties by a role to exactly one organisation (or place), with it:
    "President Lin signed a letter of intent with President Berg of Orbion University" is an
    agreement of the organisations the two sign for."""
    orgs: dict[str, set[str]] = {}
    for s, rtype, t in related:
        if rtype in {R.AFFILIATED_WITH, R.LEADS} and types.get(s) is E.PERSON and types.get(t) in _SIGNS_FOR:
            orgs.setdefault(s, set()).add(t)
    return {p: next(iter(o)) for p, o in orgs.items() if len(o) == 1}


def _party(v: SentView, i: int) -> str:
    """The entity mention ``i`` brings to an agreement: a signatory's organisation, else itself."""
    eid = v.id(i)
    reps: dict[str, str] = v.memo.get("reps", {})  # type: ignore[assignment]
    return reps.get(eid, eid)


#: a personal title right before a mention ("President §3§"): a signatory's title, not a party
_TITLE = compile_gated(
    r"\b(?:President|Minister|Secretary|Chancellor|Vice-Chancellor|Governor|Mayor|Ambassador|Chairman|"
    r"Chairwoman|Chair|CEO|Director|Dean|Professor|Prof\.|Dr\.)\s+(?=§(\d+)§)"
)


#: A signing told of an agreement already named: "the MoU was signed by ...".
_DEFINITE_SIGNED = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:MO[Uu]|memorandum|agreement|partnership|joint\s+statement|"
    r"declaration|letter\s+of\s+intent|deal|pact)\s+(?:was|were|is|has\s+been|had\s+been)\s+(?:jointly\s+)?signed\b",
    re.I,
)
#: A role in apposition after a person: "§p§, CEO of §o§," / "§p§, president of the §u§ and".
_ROLE_APPOSED = re.compile(r"§(\d+)§,\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?(?:of|at)\s+(?:the\s+)?§(\d+)§(,?)")


def _drop_role(v: SentView, x: re.Match[str]) -> str:
    """The signatory alone when the role names the organisation they sign for."""
    reps: dict[str, str] = v.memo.get("reps", {})  # type: ignore[assignment]
    p, o = int(x.group(1)), int(x.group(2))
    if v.type(p) is E.PERSON and reps.get(v.id(p)) == v.id(o):
        return f"§{p}§"
    return x.group(0)


def agreement_text(v: SentView) -> str:
    """The masked sentence as the party rules read it: with signatories' organisations known,
    the title before a person is dropped, so "President §0§ signed ... with President §1§"
    lists its signatories like names (the same positions are used throughout)."""
    cached = v.memo.get("agreement_text")
    if cached is None:
        m = v.masked
        if v.memo.get("reps") and "§" in m:
            m = _TITLE.sub(lambda x: "" if v.type(int(x.group(1))) is E.PERSON else x.group(0), m)
            # "signed by §p§, CEO of §o§, and §q§, president of §u§": a signatory's role stands aside
            m = _ROLE_APPOSED.sub(lambda x: _drop_role(v, x), m)
        cached = v.memo["agreement_text"] = m
    return cached  # type: ignore[return-value]


_LOCATIVE = re.compile(r"\b(?i:in|at|near)\s+(?:the\s+)?$")
#: A reporting clause set off by a comma after the statement: "..., §p§ of §C§ said."
SPEAKER = re.compile(
    r",\s+§(\d+)§(?:,?\s+(?:[\w-]+\s+){0,4}?(?:of|at|from)\s+(?:the\s+)?§\d+§)?,?\s+"
    r"(?:said|says|added|adds|noted|notes|stated|states|explained|told)\b"
)
#: A relative clause closed by a comma before the verb: "§A§, whose customers include §B§ and §C§,"
#: (the names inside are no subject of the verb after it).
_CLOSED_RELATIVE = re.compile(r",\s+(?:whose|which|who)\b[^,;]*(?:,\s+(?:and\s+)?[^,;]*)*?,\s+(?=[a-z])")


#: a place used as a modifier of the organisation named next: "§US§ firm §b§", "§UK§ quantum start-up §b§"
PLACE_MODIFIER = re.compile(
    r"§(\d+)§\s+(?:(?!(?:to|and|or|on|for|in|at|of|with|by|from|as|over|under|the|a|an)\b)[a-z][\w-]*\s+){1,3}§(\d+)§"
)


def _find_groups(v: SentView) -> list[tuple[list[int], str, int]]:
    m = agreement_text(v)
    reps: dict[str, str] = v.memo.get("reps", {})  # type: ignore[assignment]
    ok = {i for i in v.indices() if v.type(i) in _PARTY_TYPES or (v.type(i) is E.PERSON and v.id(i) in reps)}
    # "at the summit in §Japan§, A formalised agreements with B": a place after "in" is where, not who
    ok -= {i for i in ok if v.type(i) in PLACES and _LOCATIVE.search(m, 0, max(0, m.find(f"§{i}§")))}
    # "signed a contract with US firm §b§": a place that modifies the organisation after it signs nothing
    ok -= (
        {
            int(x.group(1))
            for x in PLACE_MODIFIER.finditer(m)
            if v.type(int(x.group(1))) in PLACES and v.type(int(x.group(2))) in ORGS
        }
        if "§ " in m
        else set()
    )
    # "A partnered with B, Ada Lin of C said": the speaker of a reporting clause signs nothing
    ok -= {int(x.group(1)) for x in SPEAKER.finditer(m)} if "§, " in m else set()
    out: list[tuple[list[int], str, int]] = []
    used: list[tuple[int, int]] = []

    def keep(xs: list[int]) -> list[int]:
        return [x for x in xs if x in ok]

    def add(ps: list[int], rule: str, span: tuple[int, int]) -> None:
        ps = list(dict.fromkeys(ps))
        if any(v.type(p) is E.PERSON for p in ps):
            # signatories sign for organisations; a place beside them locates the signing
            # ("in Davos, Switzerland, President Lin signed ...")
            ps = [p for p in ps if v.type(p) not in PLACES]
        if len(ps) >= 2 and not any(span[0] < e and s < span[1] for s, e in used):
            out.append((ps, rule, span[0]))
            used.append(span)

    for x in _BETWEEN.finditer(m):
        g = 1 if x.group(1) else 2
        add(keep(ids_in(x.group(g))), "between", x.span(g))
    # a public funder's agreements with money are investments: no partnership among the funded
    used += money_agreement_spans(v, m)
    # "A and B signed a trilateral agreement with C": one group of three, read before its parts;
    # "A signed agreements with B and C": one agreement with each
    matches = list(_SIGNED_WITH.finditer(m))
    while matches:
        x = matches.pop(0)
        if _TO_TAKE_OVER.search(m, x.start(), x.end() + 30):
            continue  # "signed a letter of intent to merge with B": a takeover, read as a Contract
        signers, withs = keep(ids_in(x.group(1))), keep(ids_in(x.group(2)))
        if ";" in x.group(2) and re.match(r"\s+[a-z]", m[x.end() :]):
            # "... partnerships with A and B; C announced partnerships with D": C opens a clause of
            # its own, read again from there
            cut = x.start(2) + x.group(2).rindex(";")
            withs = keep(ids_in(m[x.start(2) : cut]))
            again = _SIGNED_WITH.search(m, cut + 1)
            if again is not None and all(again.start() != y.start() for y in matches):
                matches = sorted([again, *matches], key=lambda y: y.start())
        if _SEPARATE.search(m, x.end(1), x.start(2)) and len(withs) > 1:
            for w in withs:
                at = m.index(f"§{w}§", x.start(2))
                add([*signers, w], "signed-with", (at, at + len(f"§{w}§")))
            continue
        add(signers + withs, "signed-with", x.span())
    for x in _DASHED_SIGNER_WITH.finditer(m) if "—" in m or "–" in m else ():
        add(keep(ids_in(x.group(1))) + keep(ids_in(x.group(2))), "signed-with", x.span(2))
    for x in _SUBJECTS_SIGNED.finditer(m):
        add(keep(ids_in(x.group(1))), "subjects-signed", x.span(1))
    for x in _REFERRED_SIGNERS.finditer(m):
        ps = keep(ids_in(x.group(1)))
        if re.search(r"§,?\s+(?:and\s+)?(?:the\s+)?$", m[: x.start(1)]) or any(
            v.type(i) not in PLACES for i in ids_in(x.group(2))
        ):
            continue  # "A and B met C, and the two sides signed": only where they met may stand between
        if x.group(3) is None or _COUNT[x.group(3)] == len(ps):  # "the two" names exactly two
            add(ps, "subjects-signed", x.span(1))
    # "§A§ and the global photonics firm §B§ have established a partnership": described parties
    for names, shape, span in described_groups(v, m, m.lower()):
        add(keep(names), "between" if shape == "between" else "subjects-signed", span)
    # "A and B deepen their collaboration", "for A and B to advance their partnership"
    for x in _THEIR_PARTNERSHIP.finditer(m):
        add(keep(ids_in(x.group(1))), "their-partnership", x.span(1))
    # "the joint statement was released by the Governments of A and B"
    for x in _SIGNED_BY.finditer(m):
        add(keep(ids_in(x.group(1))), "signed-by", x.span(1))
    for x in _WITH_PARTNER.finditer(m):
        # "with a Toronto-based company": the place only describes the partner
        tail = m[x.start(1) : x.end(1) + 14]
        if _CO_INVESTING.search(m, max(0, x.start() - 80), x.start()) and _SIDE_BY_SIDE.match(x.group(0)):
            continue  # "A led a $40m investment in R, alongside B and C": co-investors (rules/investments.py)
        # "has worked with customers such as A and B", "alongside their first customer C": buyers
        # are a contract's parties, not partners
        rule = "customer" if _NOT_PARTNERS.search(m, x.start(), x.start(1)) else "with"
        withs = [
            i
            for i in keep(_clause_items(m, x.group(1), x.end(1)))
            if not re.search(rf"§{i}§-(?:based|headquartered)", tail) and not _located_apposition(v, m, i)
        ]
        also = _also_with(m, x.end())
        also_ids = [i for i in keep(ids_in(also.group(1))) if i not in withs] if also else []
        head = m[: x.start()]
        inner = {i for y in _CLOSED_RELATIVE.finditer(head) for i in ids_in(y.group())}
        before = [i for i in keep(ids_in(head)) if i not in withs and i not in inner]
        subj: list[int] = []
        if _MADE_WITH.search(head):
            # "the hub is created in partnership with A and B": the hub is what they make, not a partner
            add(withs, "with", x.span())
            continue
        if before:
            orgs_before = [i for i in before if v.type(i) in ORGS]
            if _ITS_THEIR.search(head):
                # "its cooperation with B" points back to the subject, not to a possessive
                # in between ("X, the hub of Korea's industry thanks to its ties with B")
                before = (orgs_before or before)[:1]
            gap = _CLOSED_RELATIVE.sub(" ", head[head.rfind(f"§{before[-1]}§") :])
            opening = _NAMED_SUBJECT.match(m)
            if _COORDINATED_PREDICATE.match(gap):
                # "A is a spin-off of U and works with B": the verb is the clause subject's, not U's
                if opening and int(opening.group(1)) in ok and int(opening.group(1)) not in withs:
                    subj = [int(opening.group(1))]
            elif _ITS_THEIR.search(gap) or (len(gap.split()) <= 8 and not _CLAUSE_WORD.search(gap)):
                subj = before[-1:]
        else:
            # "Through a partnership with §A§, §B§ will build ...": the fronted phrase ends at the
            # comma, and the name after it is the clause's subject, not a partner listed
            last = _LAST_AFTER_COMMA.search(x.group(1)) if len(withs) >= 2 and _FRONTED.match(head) else None
            if (
                last
                and _VERB_NEXT.match(m, x.end(1))
                and int(last.group(1)) == withs[-1]
                and v.type(withs[-1]) in ORGS
            ):
                subj, withs = withs[-1:], withs[:-1]
            elif not ids_in(head):
                # "In partnership with B, A will ...": the subject follows (not when a person
                # opens the sentence: "Ada Lin, who worked with B, joined A")
                subj = [i for i in keep(ids_in(m[x.end() :])) if i not in withs and v.type(i) in ORGS][:1]
            if not subj and withs and _PRONOUN_SUBJECT.match(m):
                v.memo["orphan-with"] = (
                    withs  # "It also began working with B": B's partner is in a sentence before
                )
        if subj and v.type(subj[0]) is E.PERSON and not _PACT_CUE.search(x.group(0)):
            subj = []  # "Ada Lin, who worked with B, joined A": a person's work is no signature for A
        add(subj + withs if withs and subj else [], rule, x.span())
        if also and also_ids:
            # "not only with A ... but also with B": two separate ties of the same subject
            add(subj + also_ids if subj else [], "with", also.span(1))
    # "A and B will co-develop ...", "A, B and C agreed to cooperate", "A and B teamed up"
    for x in _SUBJECTS_COLLABORATE.finditer(m) if may_hold(m, _CO_VERB_WORDS, _CO_VERB_STEMS) else ():
        if _WITH_OTHERS.match(m, x.end()) or _EXAMPLES_BEFORE.search(m, max(0, x.start() - 14), x.start()):
            continue  # "Companies such as A and B are partnering with universities": each with others
        add(keep(ids_in(x.group(1))), "subjects-collaborate", x.span(1))
    for x in _JOINT_POSSESSIVE.finditer(m):
        add(keep(ids_in(x.group(1))), "joint-possessive", x.span())
    for x in _HYPHENATED.finditer(m):
        add(keep(ids_in(x.group(1))), "hyphenated-name", x.span())
    org = _ORGANISED_BY.search(m)
    if org and len(keep(ids_in(org.group(1)))) >= 2:
        ps = keep(ids_in(org.group(1)))
        y = _IN_COOPERATION_WITH.search(m)
        if y:
            ps += keep(ids_in(y.group(1)))
        add(ps, "organised-by", org.span())
    if not out:
        lists = [(keep(ids_in(y.group(1))), y.span()) for y in _ANY_LIST.finditer(m)]
        lists = [(lst, sp) for lst, sp in lists if len(lst) >= 2]
        if (
            len(lists) == 1
            # the list says what collaborates: its cooperation word comes after it ("A and B will work
            # together"), not before ("partnerships in both the UK and US", "jointly named A and B as ..."),
            # in the list's own clause and as what the list does (see _their_cooperation)
            and _their_cooperation(m, lists[0][1][1])
            # members of a consortium are listed, not said to partner (see rules/deals.py)
            and not _GROUPED.search(m)
            and not _ROSTER.search(m)
            # "Companies such as A, B and C are partnering with universities": examples, each with others
            and not _EXAMPLES_BEFORE.search(m, max(0, lists[0][1][0] - 14), lists[0][1][0])
            # "X's separate partnerships with A and B are part of ...": each is X's partner, not the other's
            and not _COUNTERPARTS_BEFORE.search(m, max(0, lists[0][1][0] - 20), lists[0][1][0])
        ):
            add(lists[0][0], "coordinated", lists[0][1])
    return out


#: Where the clause of a subject list ends: another clause or a relative clause opens.
_LIST_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:but|while|whereas|although|though)\b|\b(?:that|which|who|whom|whose)\b"
)
#: A cooperation word that is not what the list does: a noun others encourage or rank ("strategies that
#: encourage international collaboration"), or done rarely.
_NOT_DONE = re.compile(
    r"(?:\b(?:the|a|an|international|global|research|closer|more|for|encourag\w*|foster\w*|promot\w*|"
    r"rarely|seldom|hardly)\s+)$",
    re.I,
)


def _their_cooperation(m: str, end: int) -> bool:
    """Whether the clause after a subject list ending at ``end`` says the list cooperates."""
    cut = _LIST_CLAUSE_END.search(m, end)
    tail_end = cut.start() if cut else len(m)
    x = _COORDINATED.search(m, end, tail_end)
    if x is None or _NOT_DONE.search(m, max(end, x.start() - 30), x.start()):
        return False
    # "both partner with universities": each with others, not with each other
    return _WITH_OTHERS.match(m, x.end()) is None


#: "not only with A, a hub for T, but also with B": the second partner of a paired 'with'
_ALSO_WITH = re.compile(rf"[^.;]{{0,100}}?\bbut\s+also\s+with\s+{_DESCRIBED}(?:the\s+)?({LIST})")


def _also_with(m: str, end: int) -> re.Match[str] | None:
    """Partners named after 'but also with' when the first 'with' said 'not only'."""
    if "not only" not in m[max(0, end - 60) : end]:
        return None
    return _ALSO_WITH.match(m, end)


def _located_apposition(v: SentView, m: str, i: int) -> bool:
    """'the government of Binhu District, Wuxi, ...': a city right after an organisation says where it is."""
    if v.type(i) is not E.CITY:
        return False
    x = re.search(rf"§(\d+)§,\s+§{i}§", m)
    return x is not None and v.type(x.group(1)) in ORGS


def _parties(v: SentView) -> tuple[list[int], str]:
    g = _groups(v)
    return (g[0][0], g[0][1]) if g else ([], "")


def _kind_near(m: str, pos: int) -> AgreementKind | None:
    best: tuple[int, AgreementKind] | None = None
    # a bare "deal" counts only where no other cue names the agreement ("a funding deal with B")
    deal = (
        []
        if any(rx.search(m) for _, rx in _CUES)
        else [(K.CONTRACT if MONEY.search(m) else K.PARTNERSHIP, _DEAL)]
    )
    for kind, rx in (*_CUES, *deal):
        for x in rx.finditer(m):
            # a cue's nearer end counts: "an investment agreement with B" is as near as its "agreement"
            d = min(abs(x.start() - pos), abs(x.end() - pos))
            if best is None or d < best[0]:
                best = (d, kind)
    return best[1] if best else None


#: (The boundary is checked after the first characters, so the engine can skip to them.)
_TO_CREATE = compile_gated(
    r"to(?<!\wto)\s+(?:create|build|establish|launch|develop|set\s+up|found|open)\s+(?:a\s+|an\s+|the\s+|new\s+)*"
    + ENT
)


_TIES_WITH = re.compile(r"\b(?:relationships?|ties)\s+with\b")


def find_agreements(
    views: list[SentView], doc_date: str | None, represents: Mapping[str, str] | None = None
) -> tuple[list[AgreementDraft], list[Fact], list[tuple[int, Fact]]]:
    """Agreements, plus PARTNERS_WITH/DEVELOPS facts keyed by the sentence that states them.

    ``represents``: who each signatory signs for (:func:`representatives`); a person named
    as a party stands for that organisation."""
    drafts: list[AgreementDraft] = []
    facts: list[tuple[int, Fact]] = []
    if represents:
        for v in views:
            if E.PERSON in v.types:
                v.memo["reps"] = dict(represents)
    pending_consortium: int | None = None
    pending_signed: tuple[int, AgreementKind] | None = None
    for k, v in enumerate(views):
        check()  # the document's time limit, once per sentence
        m = v.masked
        low = m.lower()
        cued = any_in(low, _CUE_WORDS)
        kind = _kind(m) if cued else None
        v.memo["kind"] = kind
        collab = cued and (_COLLAB.search(m) is not None or _CO_RX.search(m) is not None)
        parties: list[int] = []
        if kind or collab:
            parties, _ = _parties(v)
        # "The consortium comprises ... They are: A, B, C"
        if (
            kind is K.CONSORTIUM
            and re.search(
                r"\b(?:comprises|comprising|includes|including|consists\s+of|made\s+up\s+of|brings\s+together|members)\b",
                m,
            )
            and len(set(parties)) < 2
        ):
            pending_consortium = k
        if kind is not None and kind is not K.CONSORTIUM and len(set(parties)) < 2:
            pending_signed = (k, kind)
        signatories = _SIGNATORIES.match(m)
        if signatories and pending_signed is not None and k - pending_signed[0] <= 2:
            lst = [i for i in ids_in(m[signatories.end() :]) if v.type(i) in _PARTY_TYPES]
            if len(lst) >= 2:
                ids = list(dict.fromkeys(v.id(i) for i in lst))
                d = AgreementDraft(pending_signed[1], ids, [pending_signed[0], k], "signatories", 0.8)
                _details(d, v, doc_date)
                drafts.append(d)
                _pairs(facts, k, ids, pending_signed[1], "signatories", 0.8)
                pending_signed = None
                continue
        members = _MEMBERS.match(m)
        if members and pending_consortium is not None and k - pending_consortium <= 2:
            lst = [i for i in ids_in(m[members.end() :]) if v.type(i) in _PARTY_TYPES]
            if len(lst) >= 2:
                drafts.append(
                    AgreementDraft(
                        K.CONSORTIUM,
                        [v.id(i) for i in lst],
                        [pending_consortium, k],
                        "consortium-members",
                        0.8,
                    )
                )
                pending_consortium = None
                continue
        groups = _groups(v) if (kind or collab) else []
        if not groups and v.memo.get("orphan-with"):
            _pronoun_partner(views, k, facts, drafts, doc_date)
        if not groups and kind is not None and _DEFINITE.match(m) and k > 0:
            prev = views[k - 1]
            pids = list(dict.fromkeys(prev.id(i) for i in prev.indices(lambda t: t in _PARTY_TYPES)))
            # "The partnership also extends to ..." after one was named: that one, not the
            # actors of the sentence before (a definite description refers to what was told)
            told = any(d.kind is kind for d in drafts) or (drafts and (k - 1) in drafts[-1].sentences)
            if 2 <= len(pids) <= 4 and not told:
                d = AgreementDraft(kind, pids, [k - 1, k], "definite-reference", 0.6)
                _details(d, v, doc_date)
                drafts.append(d)
                _pairs(facts, k, pids, kind, "definite-reference", 0.6)
            continue
        # "the consortia released a joint statement", "joint statements by both governments"
        if (
            not groups
            and kind is not None
            and drafts
            and k - max(drafts[-1].sentences) <= 5
            and _PLURAL_REF.search(m)
            and not v.indices(lambda t: t in _PARTY_TYPES)
        ):
            d = AgreementDraft(kind, list(drafts[-1].parties), [k], "plural-reference", 0.6)
            _details(d, v, doc_date)
            drafts.append(d)
            continue
        all_ids: list[str] = []
        for parties, rule, pos in groups:
            ids = list(dict.fromkeys(_party(v, i) for i in parties))
            if len(ids) < 2:
                continue
            all_ids += ids
            gkind = _kind_near(agreement_text(v), pos) if kind is not None else None
            if rule == "customer":
                gkind = K.CONTRACT
            if (
                any(v.type(i) is E.PERSON for i in parties)
                and _DEFINITE_SIGNED.search(m)
                and any(d.kind is gkind for d in drafts)
            ):
                continue  # "... and the MoU was signed by P, deputy mayor of C, and Q, CEO of A": the one told
            conf = 0.9 if rule in {"between", "subjects-signed", "signed-with"} else 0.7
            if gkind is None and (
                rule in {"with", "subjects-collaborate", "their-partnership"}
                or (rule == "subjects-signed" and _co_verb_follows(m, pos))
                # "A has established close ties with B": the ties are the partnership
                or (rule == "signed-with" and _TIES_WITH.search(m) is not None)
            ):
                gkind = K.PARTNERSHIP  # "A teamed up with B": a partnership without the noun
                rule = f"{rule}-verb"
            if gkind is not None and rule != "coordinated":
                d = AgreementDraft(gkind, ids, [k], rule, conf)
                _details(d, v, doc_date)
                drafts.append(d)
            _pairs(facts, k, ids, gkind, rule, conf)
        # "a partnership to create the §X§"
        for x in _TO_CREATE.finditer(m):
            b = int(x.group(1))
            if v.type(b) in {E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE}:
                for p in dict.fromkeys(all_ids):
                    if p != v.id(b):
                        facts.append((k, Fact(p, R.DEVELOPS, v.id(b), "agreement-to-develop", 0.7)))
    _discourse(views, drafts, facts)
    drafts = without_echoes(drafts)
    return drafts, [f for _, f in facts], facts


#: a sentence whose subject is a pronoun or a bare definite description of an actor
_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:It|The\s+(?:company|firm|start-?up|city|university|institute|government|ministry|agency))\s+"
    r"(?:also\s+|has\s+|had\s+|will\s+|is\s+|was\s+)?[a-z]"
)
#: a sentence that opens with a named actor as its subject
#: (one actor only: after "A and B met", "the company" could be either)
_NAMED_SUBJECT = re.compile(r"^\s*(?:The\s+)?§(\d+)§(?!'s?\s)(?!\s*[-–])(?!\s*(?:,|and|&|or)\s+(?:the\s+)?§)")


def _pronoun_partner(
    views: list[SentView],
    k: int,
    facts: list[tuple[int, Fact]],
    drafts: list[AgreementDraft],
    doc_date: str | None,
) -> None:
    """'X began its quantum diplomacy ... It also began a collaboration with B': X partners with B.

    The pronoun is read as the subject of the latest of the two sentences before that opens
    with a named actor; a sentence opening with anything else in between is skipped, one
    opening with another actor stops the search.
    """
    v = views[k]
    withs = [v.id(i) for i in v.memo["orphan-with"]]  # type: ignore[attr-defined]
    for j in (k - 1, k - 2):
        if j < 0:
            return
        x = _NAMED_SUBJECT.match(views[j].masked)
        if x is None:
            continue
        if views[j].type(x.group(1)) not in _PARTY_TYPES:
            return
        subj = views[j].id(x.group(1))
        ids = [subj, *(w for w in withs if w != subj)]
        if len(ids) < 2:
            return
        d = AgreementDraft(K.PARTNERSHIP, ids, [j, k], "with-pronoun-verb", 0.6)
        _details(d, v, doc_date)
        drafts.append(d)
        _pairs(facts, k, ids, K.PARTNERSHIP, "with", 0.6)
        return


def _co_verb_follows(m: str, pos: int) -> bool:
    """Whether the clause whose subjects start at ``pos`` says they collaborate ("agreed to cooperate")."""
    subjects = re.match(LIST, m[pos:])
    start = pos + (subjects.end() if subjects else 0)
    clause = re.split(
        r"[,;]|\b(?:while|whereas|but|after|before|when)\b", m[start : start + 120], maxsplit=1
    )[0]
    return _CO_RX.search(clause) is not None


def without_echoes(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """Drop a verb-only partnership ("A teamed up with B") that restates a named agreement.

    News names a deal once and then retells it with verbs; the retelling is the same
    agreement, so it is kept only when no agreement with (mostly) the same parties exists.
    """
    named = [frozenset(d.parties) for d in drafts if not d.rule.endswith("-verb")]
    # only agreements sharing a party can overlap by half: look those up (linear in the drafts)
    by_party: dict[str, list[frozenset[str]]] = {}
    for n in named:
        for p in n:
            by_party.setdefault(p, []).append(n)
    empty_named = any(not n for n in named)
    # "A and B signed an MOU ... A is also committing funding at B": the money is part of their agreement
    agreed = {
        frozenset(d.parties) for d in drafts if d.kind is not K.INVESTMENT and not d.rule.endswith("-verb")
    }
    # "A and B signed an investment agreement with C": the signed agreement is the round
    invested = {
        frozenset(d.parties) for d in drafts if d.kind is K.INVESTMENT and d.rule != "investment-aggregate"
    }
    investments = [frozenset(d.parties) for d in drafts if d.kind is K.INVESTMENT]
    out = []
    for d in drafts:
        ps = frozenset(d.parties)
        if d.rule == "investment-aggregate" and ((len(ps) == 2 and ps in agreed) or ps in invested):
            continue
        if d.kind is K.INVESTMENT and any(ps < n for n in investments):
            continue  # the same deal named with fewer of its parties (a programme is no party of a signing)
        if d.rule.endswith("-verb"):
            near = [n for p in ps for n in by_party.get(p, ())] if ps else []
            if any(len(ps & n) * 2 >= len(ps | n) for n in near) or (not ps and empty_named):
                continue
        out.append(d)
    return out


def _pairs(
    facts: list[tuple[int, Fact]], k: int, ids: list[str], kind: AgreementKind | None, rule: str, conf: float
) -> None:
    if kind in {K.CONSORTIUM, K.CONTRACT, K.INVESTMENT}:
        return
    if len(ids) > 6:
        return
    # "A will partner with B and C": A partners with each; B and C are not said to partner each other
    pairs = [(ids[0], b) for b in ids[1:]] if rule in {"with", "with-verb"} else combinations(ids, 2)
    for a, b in pairs:
        if a != b:
            facts.append((k, Fact(a, R.PARTNERS_WITH, b, f"partners-{rule}", conf)))


def _details(d: AgreementDraft, v: SentView, doc_date: str | None) -> None:
    m = v.masked
    d.date = resolve_date(v.sent.text, doc_date)
    x = re.search(
        rf"\b(?:signed|held|inked|concluded|announced|agreed|made|sealed)\b[^§.;]{{0,60}}?\bin\s+(?:the\s+)?{ENT}",
        m,
    )
    if x and v.type(x.group(1)) in PLACES and v.id(x.group(1)) not in d.parties:
        d.place = v.id(x.group(1))
    d.topics = [v.id(i) for i in v.indices(lambda t: t is E.TECHNOLOGY)]


def _discourse(views: list[SentView], drafts: list[AgreementDraft], facts: list[tuple[int, Fact]]) -> None:
    for d in drafts:
        last = max(d.sentences)
        for k in range(last + 1, min(len(views), last + 5)):
            v = views[k]
            if v.memo.get("kind") and _parties(v)[0]:
                break  # another agreement takes over
            if _DEFINITE.match(v.masked) and d.date is None and k - last <= 2:
                d.date = find_date(v.sent.text)  # "The deal, announced on 14 March 2024, ..."
            if _REFERS.search(v.masked):
                for i in v.indices(lambda t: t is E.TECHNOLOGY):
                    if v.id(i) not in d.topics:
                        d.topics.append(v.id(i))
            x = re.match(
                rf"^\s*(?:Together,?\s+)?(?:they|they['’]re|they\s+are|they\s+will|the\s+partners|the\s+three|the\s+two)\s+(?:[\w-]+\s+){{0,2}}?(?:build\w*|establish\w*|creat\w*|launch\w*|develop\w*|set\w*\s+up|construct\w*)\s+(?:a\s+|an\s+|the\s+|new\s+)*{ENT}",
                v.masked.replace("'re", " are"),
                re.I,
            )
            if x and k - last <= 2 and v.type(x.group(1)) in {E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE}:
                for p in d.parties:
                    facts.append((k, Fact(p, R.DEVELOPS, v.id(x.group(1)), "they-develop", 0.6)))
