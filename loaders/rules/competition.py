"""Competition: stated rivalry between actors (COMPETES_WITH).

Rivalry is stated five ways: a match-up ("§A§ vs §B§"), a verb of contest ("competes with",
"vying with", "in a race with", "to catch up with", "challenging", "take on heavyweights
like", "competitive with those of"), a rival noun after
its owner ("§A§'s key rivals are §B§ and §C§", "§A§, which bought British rival §B§",
"§A§, a rival to §B§", "§A§'s main rival is §B§", "§B§ is §A§'s biggest rival", "Unlike rivals §B§
and §C§, §A§ ..."), a symmetric statement about a list ("§A§ and §B§ are rivals",
"the rivalry between §A§ and §B§"), and "one of §B§'s main competitors". A contest or prize
("the competition", "won the challenge") names no rival and is never read as one. Between a
subject and its verb or rival noun only technology mentions may stand: another actor there
may be the real subject. Rivals are of one kind: places with places, organisations with
organisations. Gaps are bounded and the family is gated by its vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .rule import ACTORS as _ACTORS
from .rule import f as _f
from .rule import ok as _ok

__all__ = ["GATE", "competition_facts"]

E = EntityType
R = RelationType


GATE = (
    "compet",
    "up against",
    "racing",
    "on par",
    "at par",
    "rival",
    "vie",
    "vying",
    "race",
    "catch",
    "caught",
    "challeng",
    "take on",
    "taking on",
    "took on",
    "head-to-head",
    "pace",
    "own against",
    "battle",
    "contest",
    "struggle",
    "fight",
    "outpac",
    "outcompet",
    "overt",
    "vs",
    "versus",
)

#: Words that may qualify a rival noun: "main", "British", "U.S. tech", "former".
_QUAL = r"(?:(?:[A-Za-z][\w.-]*)\s+){0,3}?"
#: Nouns for a group of rivals before their names: "heavyweights like", "giants such as".
_GROUP = (
    r"(?:(?:[A-Za-z][\w.-]*\s+){0,2}?(?:heavyweights|giants|incumbents|leaders|players|rivals|competitors|companies|firms|"
    r"the\s+likes)\s+(?:like|such\s+as|including|of)\s+)?"
)
#: Verbs of contest, each with the word that introduces the rival.
_CONTEST = (
    r"(?:compet(?:e|es|ed|ing)\s+(?:(?:directly|head-to-head|globally|internationally)\s+)?(?:with|against)|"
    r"vi(?:e|es|ed)\s+with|vying\s+with|rival(?:s|led|ling|ed|ing)?|"
    r"(?:a|the|in)\s+(?:[\w-]+\s+){0,2}?(?:race|battle|contest|struggle|fight|competition|rivalry)\s+(?:with|against)|"
    r"(?:outpac|outcompet|overtak)(?:e|es|ed|ing)|overtook|"
    r"(?:catch|catches|catching|caught)\s+up\s+(?:with|to|on)|"
    r"(?:keep|keeps|keeping|kept)\s+pace\s+with|"
    r"(?:challenge|challenges|challenging|challenged)|"
    r"(?:take|takes|taking|took)\s+on|"
    r"(?:hold|holds|held|holding)\s+(?:its|their|our)\s+own\s+against|"
    r"(?:go|goes|going|went|gone)\s+head-to-head\s+(?:with|against)|head-to-head\s+(?:with|against)|"
    r"(?:competitive|on\s+par|at\s+par)\s+with(?:\s+(?:those|that|the\s+\w+)\s+(?:of|from|made\s+by|built\s+by))?|"
    # "is racing against", "faces stiff competition from", "goes up against"
    r"rac(?:e|es|ed|ing)\s+against|"
    r"(?:face|faces|faced|facing)\s+(?:(?:stiff|fierce|growing|tough|strong|intense|direct|increasing)\s+)?competition\s+from|"
    r"(?:go|goes|went|going|gone)\s+up\s+against)"
)
#: Rivals of a verb of contest, alternatives too ("competitive with those of §A§ or §B§").
_RIVALS = rf"{LIST}(?:\s+or\s+(?:the\s+)?§\d+§)?"
_VERB = re.compile(rf"\b{_CONTEST}\s+{_GROUP}(?:the\s+)?({_RIVALS})(?!\s*'s?\s)(?!\s+as\b)")
#: A rival noun and its rivals ("key rivals are §B§, §C§", "British rival §B§", "a rival to §B§");
#: the owner is the actor before it.
_NOUN = compile_gated(
    rf"\b(?:rivals?|competitors?|challengers?)\s*,?\s+"
    rf"(?:(?:are|were|is|was|remains|include|includes|included|such\s+as|like|including|namely|to|of|among\s+them)\s+)?"
    rf"(?:the\s+)?({LIST})(?!\s*'s?\s)"
)
#: "§A§, one of §B§'s main competitors"
_ONE_OF = re.compile(
    rf"{ENT},?\s+(?:is\s+|was\s+)?one\s+of\s+{ENT}'s?\s+{_QUAL}(?:rivals|competitors|challengers)\b"
)
#: "§B§ is §A§'s biggest rival", "§B§, §A§'s main competitor,": a rival named by its owner's possessive.
_POSSESSED = re.compile(
    rf"{ENT}(?:,\s+|\s+(?:is|was|remains|has\s+become|became)\s+(?:now\s+|also\s+)?){ENT}['’]s?\s+{_QUAL}"
    r"(?:rival|competitor|challenger)\b"
)
#: "§A§ and §B§ are fierce rivals", "the rivalry between §A§ and §B§", "§A§ and §B§ compete for".
_MUTUAL = re.compile(
    r"(§\d+§(?:(?:\s*,\s*|\s+and\s+)§\d+§)+)\s+(?:(?:are|were|have\s+been|remain|became|become)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:rivals|competitors)\b|compete\s+(?:for|in|on)\b|(?:are|were)\s+competing\b|"
    r"(?:are|were)\s+vying\s+for\b|vie\s+for\b)"
    r"|(?:rivalry|competition|race|battle)\s+between\s+(?:the\s+)?(§\d+§(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?§\d+§)+)"
)
#: "Unlike rivals §A§ and §B§, §X§ uses ...": rivals named before the subject they are set against.
_UNLIKE = re.compile(
    rf"^\s*(?:Unlike|Like|As\s+with)\s+(?:its\s+|their\s+)?(?:(?:[\w-]+|§\d+§)\s+){{0,2}}?(?:rivals|competitors)\s+(?:the\s+)?({LIST}),\s+"
    rf"(?:the\s+)?§(\d+)§"
)
#: "§A§ vs §B§ vs startups", "§A§ versus §B§": a match-up of rivals (headlines, comparisons).
_VERSUS = re.compile(r"§(\d+)§\s+(?:vs\.?|versus)\s+(?=§(\d+)§)")
#: A gap naming a contest rather than a rival ("won the competition", "a prize challenge").
_CONTEST_NOT_RIVAL = re.compile(r"\b(?:won|win|wins|winning|prize|award|judg\w+|enter\w*|submit\w*)\b")


_CLAUSE_END = re.compile(r"[.;:!?]")


def _subject(v: SentView, m: str, at: int, span: int) -> tuple[int, str] | None:
    """The nearest mention before ``at`` in the same clause, at most ``span`` characters back,
    with the text between: technologies may stand between, any other mention is the subject."""
    window = m[max(0, at - span) : at]
    cut = [c.end() for c in _CLAUSE_END.finditer(window)]
    if cut:
        window = window[cut[-1] :]
    for x in reversed(list(re.finditer(ENT, window))):
        i = int(x.group(1))
        if v.type(i) is not E.TECHNOLOGY:
            return i, window[x.end() :]
    return None


#: Rivals are of one kind: places compete with places, organisations with organisations ("Orbion
#: is in a race with US and Chinese tech giants" names no rival of Orbion's in "US").
_PLACES = frozenset({E.CITY, E.REGION, E.COUNTRY})


def _pairs(v: SentView, a: int, group: str, rule: str) -> Iterator[Fact]:
    if v.type(a) not in _ACTORS:
        return
    place = v.type(a) in _PLACES
    for b in ids_in(group):
        if _ok(v, a, b, _ACTORS) and v.id(a) != v.id(b) and (v.type(b) in _PLACES) == place:
            yield _f(v, a, R.COMPETES_WITH, b, rule, 0.8)


def competition_facts(v: SentView, m: str) -> Iterator[Fact]:
    for rx, span, rule in ((_VERB, 200, "competes-with"), (_NOUN, 100, "rival-of")):
        for x in rx.finditer(m):
            sub = _subject(v, m, x.start(), span)
            if sub is not None and not _CONTEST_NOT_RIVAL.search(sub[1]):
                yield from _pairs(v, sub[0], x.group(1), rule)
    for x in _ONE_OF.finditer(m):
        yield from _pairs(v, int(x.group(1)), f"§{x.group(2)}§", "one-of-rivals")
    for x in _POSSESSED.finditer(m):
        yield from _pairs(v, int(x.group(1)), f"§{x.group(2)}§", "possessed-rival")
    for x in _UNLIKE.finditer(m):
        yield from _pairs(v, int(x.group(2)), x.group(1), "unlike-rivals")
    for x in _VERSUS.finditer(m):
        yield from _pairs(v, int(x.group(1)), f"§{x.group(2)}§", "versus")
    for x in _MUTUAL.finditer(m):
        ids = ids_in(x.group(1) or x.group(2))
        for k, a in enumerate(ids):
            yield from _pairs(v, a, "".join(f"§{b}§" for b in ids[k + 1 :]), "mutual-rivals")
