"""Member lists as news writes them, and the membership shapes built on them.

A strict list ("§a§, §b§ and the §c§") misses most member lists of real articles: members
come with what they are ("the start-ups §a§ and §b§, the chipmaker §c§"), where they are
("§a§ (France)", "§b§ in §Germany§"), whose they are ("§Europe§'s leading start-ups §a§")
and with other joiners ("as well as", "plus", semicolons between kinds). :data:`MEMBERS`
reads such a list after a membership cue; a descriptor is a run of lower-case words that
are no clause word (no verb of the sentence, no preposition that starts a new phrase), so
the list stops where the sentence goes on ("..., and plans to add §d§", "... to build").

The shapes here are the ones whose group is named or in focus and whose list follows a
cue: "§G§ is anchored by ...", "the §G§ project involves ...", "§G§ (consortium) brings
together ..." with a group that the mention types did not make a cluster ("the §QLink§
consortium comprises ..."), "§a§ joined §G§ alongside §b§ and §c§", "§a§ and §b§ are taking
part in §G§", "set up under §N§'s §P§", and the founders of a group as one consortium.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qkg.schemas import EntityType, RelationType

from ..context import ENT, GROUPS, LIST, ORGS, UNFOLDED, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .rule import f as _f
from .rule import gate

__all__ = [
    "MEMBERS",
    "MEMBERS_OWNER",
    "MEMBER_LIST_GATE",
    "PARENT_GATE",
    "QUALIFIES_SUBJECT",
    "founded_group",
    "list_members",
    "member_facts",
    "named_group_facts",
    "parent_facts",
    "readings",
    "subject_lists",
    "unqualified",
]

E = EntityType
R = RelationType

#: A lower-case word that may describe a listed member ("start-ups", "chipmaker", "leading"),
#: never a word that opens a new clause or phrase.
_DESC_WORD = (
    r"(?!(?:and|or|but|nor|with|to|which|who|whom|that|this|these|those|will|would|can|could|shall|should|may|might|"
    r"must|is|are|was|were|be|been|being|has|have|had|do|does|did|for|by|on|at|as|in|into|onto|from|its|their|his|her|"
    r"our|while|whose|where|when|under|over|after|before|during|through|across|between|among|against|via|per|than|"
    r"said|says|say|also|not|each|both|all|other|more|further|plus)\b)[a-z][\w'’-]*"
)
#: One listed member: "§a§", "the §a§", "the start-ups §a§", "§Europe§'s leading start-up §a§",
#: "research centres such as §a§", "§a§ (France)", "§a§ in §Germany§".
_ITEM = (
    r"(?:§\d+§['’]s?\s+)?(?:(?:the|a|an)\s+)?(?:\d+\s+)?"
    # "the Japanese multinational §a§", "Canadian-headquartered firms §b§": a nationality before the kind
    r"(?:[A-Z][a-z]+(?:-[a-z]+)?\s+(?=[a-z]))?"
    rf"(?:{_DESC_WORD}\s+){{0,4}}?(?:(?:such\s+as|like|including|namely)\s+)?(?:the\s+)?"
    # "First §Quantum§": a name the mention caught only the end of
    r"(?:[A-Z][\w&'’-]*\s+){0,2}?§\d+§"
    # "§Infineon§ Technologies": a name the mention cut short
    r"(?:\s+[A-Z][\w&'’-]*){0,3}"
    # "§a§ (France)", "§a§ (a §b§ and §c§ joint venture)": what the bracket says only qualifies it
    r"(?:\s*\([^()]{0,80}\))?"
    r"(?:,?\s+(?:in|of|from)\s+(?:the\s+)?§\d+§(?:\s*\([^()§]{0,40}\))?)?"
)
#: A listed name the mentions did not catch ("Orbion" among known names): it keeps the list going.
_BARE = r"(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4}(?:\s*\([^()]{0,80}\))?"
#: What joins two members: commas, semicolons, "and", "as well as", "plus", "along with".
_JOIN = (
    r"(?:\s*[,;]\s*(?:and\s+|as\s+well\s+as\s+|plus\s+|along\s+with\s+)?"
    r"|\s+(?:and|&|as\s+well\s+as|plus|along\s+with|together\s+with)\s+)"
)
#: A member list as articles write it (see the module docstring).
#: (Case-sensitive inside patterns compiled with re.I: a bare name starts with a capital.)
MEMBERS = rf"(?-i:(?:{_ITEM}|{_BARE}(?={_JOIN}))(?:{_JOIN}(?:{_ITEM}|{_BARE}))*)"

#: Groups by what they are; a named thing before one of these words is a group whatever its type.
_GROUP_NOUN = (
    r"(?:consortium|consortia|alliance|coalition|network|cluster|hub|project|programme|program|initiative|"
    r"partnership|platform|federation|association|exchange|centre|center|valley)"
)
#: A member of a group: organisations and sub-programmes.
_MEMBER_TYPES = frozenset(ORGS | {E.PROGRAM})

#: Substrings one of which every shape here needs.
MEMBER_LIST_GATE = (
    "anchored",
    "involv",
    "compris",
    "consist",
    "together",
    "unite",
    "gather",
    "made up",
    "composed of",
    "alongside",
    "taking part",
    "take part",
    "took part",
    "particip",
    "under",
    "include",
    "members",
    "partners",
)

#: "§G§ (consortium) comprises / brings together / involves / is anchored by / links ...":
#: the list right after the group (and its kind noun). Group 2 is the kind noun, if any.
_NAMED_GROUP_CUE = compile_gated(
    # "the §QLink§ consortium, which is led by §a§, also includes ...": a clause may come between
    rf"{ENT}(?:\s+({_GROUP_NOUN}))?(?:,\s+(?:which|that)|,\s+[^,;:§]{{0,60}}(?:§\d+§[^,;:§]{{0,30}})?,)?"
    # "§G§ will also include ...", "§G§ now comprises ..."
    r"(?:\s+(?:will|now|also|currently|already))*\s+"
    r"(?:(?:is|are|was|were|has\s+been)\s+)?"
    r"(?:comprises|comprised|comprise|consists\s+of|consisted\s+of|consist\s+of|is\s+(?:made\s+up|composed)\s+of|"
    r"(?:be\s+)?(?:made\s+up|composed)\s+of|brings\s+together|brought\s+together|bring\s+together|"
    r"unites|united|unite|gathers|gathered|gather|involves|involved|involve|includes|included|include|"
    r"(?:is|was|are)\s+anchored\s+by|anchored\s+by|links|connects)\s+"
    # "... brings together 12 partners: §a§, ..." / "... includes members such as §a§"
    r"(?:(?:[\w-]+\s+){0,3}?(?:members|partners|participants|institutions|organi[sz]ations|universities|companies|"
    r"firms|start-?ups|groups)\s*(?::|,?\s+(?:such\s+as|like|including|namely))\s*"
    # "The §Board§ comprises key secretaries from §a§, §b§ and §c§": the bodies its people come from
    r"|(?:[\w-]+\s+){0,2}?(?:representatives|secretaries|officials|delegates|heads|leaders|executives)\s+"
    r"(?:from|of)\s+(?:the\s+)?)?"
    rf"({MEMBERS})"
)
#: "Investors in the §G§ include", "Speakers at the §G§ are": a plural head the group only qualifies
#: (members and partners of a group are read by :data:`_MEMBERS_OF_NAMED`).
#: The possessor of a list's members, right before the list: "§g§'s (founding) members include".
MEMBERS_OWNER = re.compile(
    r"§(\d+)§'s?\s+(?:[\w-]+\s+){0,2}?(?:members|partners|participants)\s+(?:(?:also|now)\s+)?"
    r"(?:include|includes|included|are|were|comprise)\s*:?\s+(?:the\s+)?$"
)
QUALIFIES_SUBJECT = re.compile(r"\b[A-Za-z][a-z]+s\s+(?:in|of|at|for|from|to|with|behind)\s+(?:the\s+)?$")
#: "Members of the §G§ project include ...", "The partners of §G§ are ...": Group 2 is the kind noun.
_MEMBERS_OF_NAMED = compile_gated(
    r"\b(?i:members|partners|participants)\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    rf"{ENT}(?:\s+({_GROUP_NOUN}))?\s+(?:include|includes|included|are|were|comprise)\s*:?\s+({MEMBERS})"
)
#: "§a§ joined §G§ alongside §b§ and §c§": the others joined too.
_JOINED_ALONGSIDE = re.compile(
    rf"({LIST})\s+(?:(?:has|have|had|will|also|now)\s+)*(?:joined|joins|join|signed\s+up\s+to)\s+(?:the\s+)?{ENT}"
    rf"(?:\s+{_GROUP_NOUN})?\s+(?:as\s+[^§,.;]{{0,40}}?\s+)?(?:alongside|along\s+with|together\s+with)\s+({MEMBERS})"
)
#: "§a§, §b§ and §c§ are taking part in the §G§ project": every listed subject takes part.
_TAKING_PART = compile_gated(
    rf"({LIST})\s+(?:(?:is|are|was|were|will|have|has|had|been|also|all|now|[a-z]+ly)\s+)*"
    r"(?:taking\s+part|take\s+part|took\s+part|participating|participate|participated|involved)\s+in\s+"
    rf"(?:the\s+|a\s+)?{ENT}"
    # "... in §QUORUM§, a project funded by ...": the apposition says it is a group whatever its type
    rf"(?:,\s+(?:a|an|the)\s+(?:[\w-]+\s+)?({_GROUP_NOUN})\b)?"
)
#: "§a§ was established in 2022 under §N§'s §P§ programme": a possessive before the programme.
_SET_UP_UNDER_POSS = re.compile(
    rf"{ENT}\s+(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?(?:set\s+up|established|created|founded|launched|formed)\s+"
    rf"(?:in\s+\d{{4}}\s+)?(?:as\s+part\s+of|under)\s+(?:the\s+)?§\d+§['’]s?\s+(?:[\w-]+\s+){{0,2}}?{ENT}"
)


#: What only qualifies a listed member: "§Europe§'s leading ...", "... in §Germany§", "(§France§)",
#: "(a §b§ and §c§ joint venture)".
_QUALIFIERS = re.compile(r"§\d+§['’]s?\s+(?=[a-z])|,?\s+(?:in|of|from)\s+(?:the\s+)?§\d+§|\([^()]*\)")


def unqualified(text: str) -> str:
    """A :data:`MEMBERS` match without the mentions that only qualify its members."""
    return _QUALIFIERS.sub(" ", text) if "§" in text else text


def list_members(v: SentView, text: str) -> list[int]:
    """The members a :data:`MEMBERS` match names: organisations and programmes, no places or people."""
    return [i for i in ids_in(unqualified(text)) if v.type(i) in _MEMBER_TYPES]


#: Cues that say membership whatever the group's type: a company does not "comprise" its partners.
_STRONG_CUE = re.compile(
    r"(?i)\b(?:members|compris|consist|made\s+up|brings?\s+together|brought\s+together|unite)"
)


def _group(v: SentView, g: int, noun: str | None, cue: str = "") -> bool:
    """A named group: typed as one, a named thing followed by a group noun ("the §QLink§
    consortium"), or an organisation said to have members ("§QuantaBay§ brings together ...")."""
    if v.type(g) in GROUPS or (noun is not None and v.type(g) in ORGS):
        return True
    # "The §Council§ comprises key secretaries from ...": a public body made up of others
    return (
        v.type(g) in {E.COMPANY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY}
        and _STRONG_CUE.search(cue) is not None
    )


def readings(v: SentView) -> list[str]:
    """The masked sentence, and its text before appositions folded when that differs: in a list,
    "§a§, the chipmaker §b§, §c§" names three members, which the fold would have made two."""
    unfolded = v.memo.get(UNFOLDED)
    if isinstance(unfolded, str) and unfolded != v.masked:
        return [v.masked, unfolded]
    return [v.masked]


def member_facts(v: SentView) -> Iterator[Fact]:
    """Every fact of this module, read on the masked sentence and on its unfolded twin (an
    apposition folded away may hold the list or the parent: "§a§, a §b§ spin-off, ...")."""
    for text in readings(v):
        if text.count("§") < 4:
            continue  # every shape relates two mentions
        low = text.lower()
        if gate(low, MEMBER_LIST_GATE):
            yield from named_group_facts(v, text)
        if gate(low, PARENT_GATE):
            yield from parent_facts(v, text)


def named_group_facts(v: SentView, m: str) -> Iterator[Fact]:
    """PART_OF from a group named with its member list (see the module docstring)."""
    for x in _NAMED_GROUP_CUE.finditer(m):
        g = int(x.group(1))
        if not _group(v, g, x.group(2), x.group(0)[: x.start(3) - x.start()]):
            continue
        if QUALIFIES_SUBJECT.search(m, max(0, x.start() - 40), x.start()):
            continue  # "Investors in the §Fund§ include ...": the group only qualifies the subject
        for a in list_members(v, x.group(3)):
            if a != g and v.id(a) != v.id(g):
                yield _f(v, a, R.PART_OF, g, "named-group-members", 0.8)
    for x in _MEMBERS_OF_NAMED.finditer(m):
        g = int(x.group(1))
        if not _group(v, g, x.group(2), x.group(0)[:7]):
            continue
        for a in list_members(v, x.group(3)):
            if a != g and v.id(a) != v.id(g):
                yield _f(v, a, R.PART_OF, g, "members-of-named", 0.8)
    for x in _JOINED_ALONGSIDE.finditer(m) if "along" in m or "together" in m else ():
        g = int(x.group(2))
        if v.type(g) not in GROUPS | {E.RESEARCH_INSTITUTE}:
            continue
        for a in ids_in(x.group(1)) + list_members(v, x.group(3)):
            if a != g and v.type(a) in ORGS:
                yield _f(v, a, R.PART_OF, g, "joined-alongside", 0.8)
    for x in _TAKING_PART.finditer(m):
        g = int(x.group(2))
        if v.type(g) not in GROUPS and (x.group(3) is None or v.type(g) not in ORGS):
            continue
        for a in ids_in(x.group(1)):
            if a != g and v.type(a) in ORGS:
                yield _f(v, a, R.PART_OF, g, "taking-part-in", 0.8)
    for x in _SET_UP_UNDER_POSS.finditer(m) if "under" in m or "part of" in m else ():
        a, g = int(x.group(1)), int(x.group(2))
        if v.type(g) is E.PROGRAM and v.type(a) in _MEMBER_TYPES and a != g:
            yield _f(v, a, R.PART_OF, g, "set-up-under", 0.8)


#: "§a§, §b§ and §c§ have launched / formed / set up the §G§": founders named right before the
#: verb (no other clause between them), the group right after it.
_FOUNDERS = compile_gated(
    rf"({LIST})\s+(?:(?:have|has|had|will|also|jointly|formally|officially|together|recently|today|now)\s+)*"
    r"(?:(?:come\s+together|joined\s+forces|teamed\s+up)\s+to\s+)?"
    r"(?:launched|launch|formed|form|founded|found|co-founded|set\s+up|established|establish|created|create)\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?:new\s+)?{ENT}(?:\s+({_GROUP_NOUN}))?"
)


#: Kind nouns of a joint undertaking rather than a group of members.
_SCHEMES = frozenset({"project", "programme", "program", "initiative"})


def founded_group(v: SentView, m: str) -> list[list[int]]:
    """The founders (two or more organisations) of each group a sentence says they launched."""
    out: list[list[int]] = []
    for x in _FOUNDERS.finditer(m) if "§" in m else ():
        g = int(x.group(2))
        if v.type(g) is E.PROGRAM or (x.group(3) or "").lower() in _SCHEMES or not _group(v, g, x.group(3)):
            continue  # "A and B launched the §Q-Pilot§ programme" is a joint programme, no consortium
        founders = [a for a in ids_in(x.group(1)) if v.type(a) in ORGS and a != g]
        if len(founders) >= 2:
            out.append(founders)
    return out


#: "§a§ is a §b§ company", "§a§, a §b§ subsidiary, ...": the owner or parent named as a modifier
#: (a "§b§ spin-out" only comes from §b§: no part of it).
_PARENT_MODIFIER = re.compile(
    rf"{ENT}(?:,\s+|\s+(?:is|was|has\s+been|had\s+been|became|remains)\s+(?:now\s+|also\s+)?)(?:a|an)\s+"
    r"§(\d+)§\s+(company|subsidiary|unit|division|affiliate|member)\b"
)
#: "As a member of the §G§, §a§ will ...": membership fronted before the subject.
_AS_MEMBER_FRONT = re.compile(
    r"^\s*As\s+(?:a|an|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:member|partner|participant)s?\s+(?:of|in)\s+"
    rf"(?:the\s+)?{ENT},\s+(?:the\s+)?{ENT}"
)
#: "§G§, with partners §a§, §b§ and §c§, ...", "§k§ coordinates §G§, with partners §a§ and §b§".
_WITH_PARTNERS = re.compile(
    rf"{ENT}(?:\s+{_GROUP_NOUN})?,?\s+(?:together\s+)?with\s+(?:(?:its|the)\s+)?(?:[\w-]+\s+)?"
    rf"(?:partners|members)\s+(?:(?:including|such\s+as|like)\s+)?({MEMBERS})"
)
#: "§G§ is led by §a§ and §b§, with founding partners ...": the partners after a passive of
#: leadership are the subject's, not those of its last leader.
_LED_SUBJECT = re.compile(
    rf"^\s*(?:[Tt]he\s+)?{ENT}(?:\s+{_GROUP_NOUN})?\s+(?:is|was|will\s+be|has\s+been|are|were)\s+(?:jointly\s+|co-?)?"
    r"(?:led|coordinated|run|headed|managed|hosted|chaired|operated|steered)\s+by\s+(?:[^§.;:]|§\d+§)*$"
)
#: "We are proud to be a founding member of §G§ ...," said §p§, CEO of §O§ / said §O§'s CEO §p§:
#: a speaker's first-person membership is their organisation's. Group 1 is the group; the
#: organisation is group 2 (after the speaker's role), 3 (possessive before the role) or 4 or 5 (it speaks).
_WE_ARE_MEMBERS = re.compile(
    r"\b[Ww]e\s+(?:(?:are|were|have\s+been|became|have\s+become)\s+(?:(?:now|also|proud|delighted|pleased|excited|honou?red|"
    r"thrilled|happy)\s+)*(?:to\s+(?:be|have\s+been|become)\s+)?(?:an?|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:member|partner|members|partners|participant|participants)\s+(?:of|in)"
    r"|(?:have\s+|are\s+)?(?:(?:proud|delighted|pleased|excited|thrilled|happy)\s+to\s+(?:have\s+)?)?(?:joined|join|be\s+joining))\s+"
    rf"(?:the\s+)?{ENT}(?:[^§\"”]|§\d+§){{0,200}}?[,.]?[\"”’]?\s*"
    r"(?:(?:said|says|added|explained|noted)\s+"
    r"(?:§\d+§,\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?(?:of|at)\s+(?:the\s+)?§(\d+)§|§(\d+)§['’]s?\s+(?:[\w-]+\s+){1,3}?§\d+§"
    r"|§(\d+)§\s*[.,]?\s*$)"
    r"|§(\d+)§\s+(?:said|says|added))"
)
#: Substrings one of which :func:`parent_facts` needs.
PARENT_GATE = ("company", "subsidiar", "unit", "division", "spin", "affiliate", "member", "partner", "join")


def parent_facts(v: SentView, m: str) -> Iterator[Fact]:
    """PART_OF said through a modifier, a fronted "As a member of" or "with partners"."""
    for x in _PARENT_MODIFIER.finditer(m):
        a, b, kind = int(x.group(1)), int(x.group(2)), x.group(3)
        to = GROUPS if kind == "member" else ORGS - {E.CLUSTER}
        if a != b and v.type(a) in ORGS and v.type(b) in to:
            yield _f(v, a, R.PART_OF, b, "parent-modifier", 0.8)
    for x in _AS_MEMBER_FRONT.finditer(m) if m.lstrip().startswith("As ") else ():
        g, a = int(x.group(1)), int(x.group(2))
        if a != g and v.type(g) in GROUPS and v.type(a) in ORGS:
            yield _f(v, a, R.PART_OF, g, "as-member-of", 0.8)
    for x in (
        _WE_ARE_MEMBERS.finditer(m) if "e " in m and ("said" in m or "says" in m or "added" in m) else ()
    ):
        g, o = int(x.group(1)), int(x.group(2) or x.group(3) or x.group(4) or x.group(5))
        if v.type(g) in GROUPS and v.type(o) in ORGS and o != g and v.id(o) != v.id(g):
            yield _f(v, o, R.PART_OF, g, "we-are-members", 0.7)
    for x in _WITH_PARTNERS.finditer(m) if " with " in m else ():
        g = int(x.group(1))
        led = _LED_SUBJECT.match(m, 0, x.start())
        if led is not None:
            g = int(led.group(1))  # "§G§ is led by §a§ and §b§, with partners §c§": §c§ is §G§'s
        if v.type(g) not in GROUPS:
            continue  # "§IBM§, with partners §a§ and §b§": a company's partners are not its parts
        for a in list_members(v, x.group(2)):
            if a != g:
                yield _f(v, a, R.PART_OF, g, "with-partners", 0.8)


#: A group by description: "the alliance", "this consortium".
_GROUP_WORDS = r"(?:alliance|consortium|coalition|network|cluster|hub|project|partnership|association|initiative|programme|program)"
#: "32 companies such as §a§, §b§ and §c§ participated in the alliance", "§a§ (France), §b§ and
#: §c§ are taking part in the §G§ project", "the start-ups §a§ and §b§ have joined the consortium":
#: a member list as the subject of taking part. Group 2 is a named group, group 3 a description.
_SUBJECT_LIST = re.compile(
    rf"({MEMBERS}),?\s+(?:(?:have|has|had|also|all|will|now|are|were|is|was|jointly|officially)\s+)*"
    r"(participated|participate|participating|took\s+part|take\s+part|taking\s+part|joined|join|joining)\s+"
    rf"(?:in\s+)?(?:the\s+|this\s+)?(?:(?:new|same)\s+)?(?:{ENT}|({_GROUP_WORDS})\b)"
)
#: The verb and its group, looked for before the (costlier) list before them.
_TAKE_PART = re.compile(
    r"(?:participated|participate|participating|took\s+part|take\s+part|taking\s+part|joined|join|joining)\s+"
    rf"(?:in\s+)?(?:the\s+|this\s+)?(?:(?:new|same)\s+)?(?:§|{_GROUP_WORDS}\b)"
)
#: Substrings one of which :func:`subject_lists` needs in a sentence.
_SUBJECT_GATE = ("particip", "part in", "join")
#: How many sentences back a described group may have been named.
_WINDOW = 4


def subject_lists(views: Sequence[SentView]) -> tuple[list[tuple[list[str], int]], list[tuple[int, Fact]]]:
    """Members listed as the subject of taking part in a group (named, or described and named in
    the last few sentences): PART_OF for each member, and the lists of two or more members that
    took part (not those that joined, nor examples: "such as") as ``(member ids, sentence)``,
    one consortium each."""
    facts: list[tuple[int, Fact]] = []
    lists: list[tuple[list[str], int]] = []
    recent: tuple[int, str] | None = None  # the latest group named: (sentence, id)
    for k, v in enumerate(views):
        m = v.masked
        if m.count("§") >= 2 and gate(m.lower(), _SUBJECT_GATE) and _TAKE_PART.search(m):
            for x in _SUBJECT_LIST.finditer(m):
                listed, verb = x.group(1), x.group(2)
                if x.group(4) is not None:
                    if recent is None or k - recent[0] > _WINDOW:
                        continue
                    group = recent[1]
                else:
                    g = int(x.group(3))
                    if v.type(g) not in GROUPS:
                        continue  # "§a§ and §b§ joined §Orbion§" are hires or investors, not members
                    group = v.id(g)
                members = list(
                    dict.fromkeys(
                        v.id(a) for a in list_members(v, listed) if v.type(a) in ORGS and v.id(a) != group
                    )
                )
                facts += [(k, Fact(a, R.PART_OF, group, "subject-list-members", 0.7)) for a in members]
                if len(members) >= 2 and not verb.startswith("join") and not _SAMPLE.search(listed):
                    lists.append((members, k))
        named = v.indices(lambda t: t in GROUPS)
        if named:
            recent = (k, v.id(named[-1]))
    return lists, facts


#: A list given as examples ("companies such as §a§ and §b§") is a sample of the members.
_SAMPLE = re.compile(r"\b(?:such\s+as|like)\s")
