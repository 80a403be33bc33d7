"""Names of groups told by the noun that governs them, whatever words the name holds.

A programme or a hub is often named with a word that says what it is rather than with a head
word inside its name: "a programme called Q-Leap", "a new hub, dubbed Qubit Harbour", "the
'Photon Bridge' initiative", "initiatives such as "Quantum Ready" and "Qubits for Schools"".
A name set right beside a group noun is governed the same way: "the national programme
Q-Vetra", "the EU project QVETRA" (the noun before), "the QuVetra consortium" (after),
"QVETRA, an EU project on quantum sensing" (in apposition); there only the nouns that never
describe a company count (``data/words/group_appositive_nouns.txt``: not "platform" or "fund",
which companies call themselves), and a name with a company's last word ("Orbion
Technologies") or a name the gazetteer knows keeps its own type. Once a name is read as a
group, its other occurrences in the document are that group too.

The governing noun (``data/words/group_name_nouns.txt``) gives the type: a programme,
initiative or strategy is a Program, a hub, consortium or alliance a Cluster; a head word of
the name itself wins ("a project called the Nordic Quantum Alliance" is a Cluster). Names the
gazetteer knows, places and people are left to their own detectors.
"""

from __future__ import annotations

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer
from ..patterns import CURRENCY_CODE, LEADING_NOISE, head_type
from ..segment import Sentence
from . import fastre as re
from .mention import Mention
from .words import word_list, word_table

__all__ = ["group_name_mentions", "recurring_group_names"]

E = EntityType

_NOUN_TYPES = {k: EntityType(v) for k, v in word_table("group_name_nouns").items()}
_NOUN = "|".join(sorted(_NOUN_TYPES, key=lambda w: (-len(w), w)))
#: A name in quotes, opening with a capital or a digit ("'Photon Bridge'", "“Make in India”").
_QUOTED = r"(?:\"([A-Z0-9][^\"\n]{1,60}?)\"|“([A-Z0-9][^“”\n]{1,60}?)”|‘([A-Z0-9][^‘’\n]{1,60}?)’|(?<!\w)'([A-Z0-9][^'\n]{1,60}?)'(?!\w))"
#: A capitalised name: "Q-Leap Tarnow", "Centre for Quantum Skills", "Quantum 2030".
_CAP = r"(?:[A-Z][\w&'’.-]*|[0-9][\w.-]*)"
_CAPNAME = rf"({_CAP}(?:\s+(?:(?:of|for|and|&|on|in|de|du|der|für)\s+(?:the\s+)?)?{_CAP}){{0,6}})"
_CALLED = r"(?:called|named|dubbed|known\s+as|titled|branded(?:\s+as)?|christened)"
#: "a programme called Q-Leap", "a new hub, dubbed 'Qubit Harbour'", "the consortium known as LumiNet"
_NOUN_CALLED = re.compile(
    rf"\b({_NOUN})s?,?\s+(?:(?:which|that)\s+is\s+|(?:is|was|will\s+be)\s+)?{_CALLED}\s+(?:the\s+)?(?:{_QUOTED}|{_CAPNAME})"
)
#: "the 'Photon Bridge' initiative", "its "Quantum Ready" programme"
_QUOTED_NOUN = re.compile(rf"\b(?:the|its|their|a|an|our|his|her)\s+(?:new\s+)?{_QUOTED}\s+({_NOUN})\b")
#: "initiatives such as "A" and "B"", "projects like 'A', 'B' or 'C'"
_NOUNS_SUCH_AS = re.compile(
    rf"\b({_NOUN})(?:s|es)?,?\s+(?:such\s+as|like|including|namely|called|named)\s+"
    rf"({_QUOTED}(?:\s*(?:,|and|or|as\s+well\s+as|,\s+and)\s*{_QUOTED})*)"
)
_ANY_QUOTED = re.compile(_QUOTED)

_CLOSE = word_list("group_appositive_nouns")
_CLOSE_NOUN = "|".join(sorted(_CLOSE, key=lambda w: (-len(w), w)))
#: A word a name ends on that makes it a company's ("Orbion Technologies", "Qubeon Labs Ltd").
_COMPANY_FINALS = word_list("company_finals")
_AMOUNT = re.compile(rf"{CURRENCY_CODE}\b")
_COMMON = word_list("common_words")
#: A short capitalised name set beside the noun: "Q-Vetra", "QuVetra", "Horizon Vetra", "QV 2030".
_NEAR = r"((?:[A-Z][\w&'’.-]*[A-Za-z0-9]|[A-Z])(?:\s+(?:[A-Z][\w&'’-]*|[0-9]{1,4}))?)"
#: What may follow a name the noun before it governs: punctuation, a preposition, "and", a
#: form of "be" or "have" -- not another verb ("the consortium Orbion leads").
_AFTER_NEAR = r"(?=\s*(?:[,.;:()](?!\d)|$)|\s+(?:and|or|in|on|at|for|to|with|from|by|under|which|that|was|is|will|has|had|have|are|were|would|also)\b)"
#: "the national programme Q-Vetra", "the EU project QVETRA": the noun (after at most three
#: lower-case or country words) right before the name.
_NOUN_BEFORE = re.compile(
    rf"\b(?:the|its|their|a|an|our)\s+(?:(?:[a-z][\w-]*|EU|US|UK|[A-Z][a-z]+-funded)\s+){{0,3}}?({_CLOSE_NOUN})\s+{_NEAR}{_AFTER_NEAR}"
)
#: "the QuVetra consortium", "its K-Photon initiative": the noun right after the name.
_NOUN_AFTER = re.compile(rf"\b(?:the|its|their|our)\s+{_NEAR}\s+({_CLOSE_NOUN})\b(?!\s+(?:of|for)\s)")
#: "QVETRA, an EU project on quantum sensing", "QuVetra, the national quantum alliance"
_APPOSED = re.compile(
    rf"{_NEAR},\s+(?:a|an|the)\s+(?:(?:[a-z][\w-]*|EU|US|UK|[A-Z][a-z]+-(?:funded|based|led|wide))\s+){{0,4}}?({_CLOSE_NOUN})\b"
)
#: Cheap gate: a governing noun and either quotes or a naming verb.
_GATE_WORDS = ("called", "named", "dubbed", "known as", "titled", "branded", "christened")
_QUOTES = ('"', "“", "‘", " '")


def _type(noun: str, name: str) -> EntityType | None:
    """The name's own head type if it is a group's, none if it is another actor's ("a fund
    called Harper Lane Ventures" is a firm), else the governing noun's."""
    own = head_type(name)
    if own in {E.PROGRAM, E.CLUSTER}:
        return own
    if own is not None or name.split()[-1].lower().strip(".") in _COMPANY_FINALS:
        return None
    return _NOUN_TYPES[noun.lower()]


def _mention(sent: Sentence, gaz: Gazetteer, start: int, name: str, noun: str, rule: str) -> Mention | None:
    name = name.strip().rstrip(".,")
    words = name.split()
    if not words or len(name) < 2 or words[0].lower() in LEADING_NOISE or len(words) > 8:
        return None
    if gaz.lookup(name):
        return None  # a known name: the gazetteer's hit
    etype = _type(noun, name)
    if etype is None:
        return None
    st = sent.start + start
    return Mention(st, st + len(name), name, etype, name, rule)


def _near(sent: Sentence, gaz: Gazetteer, start: int, name: str, noun: str) -> Mention | None:
    """A name set beside a group noun, unless it is a company's, a known one or a common word."""
    words = name.split()
    if (len(words) == 1 and len(name) <= 2) or _AMOUNT.match(name):
        return None  # "granted the project EUR 20.7 million": an amount, no name
    if len(words) == 1 and (name.lower() in _COMMON or name.endswith("ly")):
        return None  # "Currently, the mission is ...": a sentence's first word, no name
    return _mention(sent, gaz, start, name, noun, "quoted")


def group_name_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Names governed by a group noun: after a naming verb, in quotes before the noun, quoted
    examples after the plural noun, or a name set right beside the noun."""
    t = sent.text
    low = t.lower()
    out: list[Mention] = []
    if any(n in low for n in _CLOSE):
        for rx, name_at, noun_at in ((_NOUN_BEFORE, 2, 1), (_NOUN_AFTER, 1, 2), (_APPOSED, 1, 2)):
            for x in rx.finditer(t):
                m = _near(sent, gaz, x.start(name_at), x.group(name_at), x.group(noun_at))
                if m is not None:
                    out.append(m)
    quoted = any(q in t for q in _QUOTES)
    if not quoted and not any(w in low for w in _GATE_WORDS):
        return out
    for x in _NOUN_CALLED.finditer(t) if any(w in low for w in _GATE_WORDS) else ():
        g = next(i for i in range(2, 7) if x.group(i) is not None)
        m = _mention(sent, gaz, x.start(g), x.group(g), x.group(1), "quoted" if g < 6 else "org")
        if m is not None:
            out.append(m)
    if not quoted:
        return out
    for x in _QUOTED_NOUN.finditer(t):
        g = next(i for i in range(1, 5) if x.group(i) is not None)
        m = _mention(sent, gaz, x.start(g), x.group(g), x.group(5), "quoted")
        if m is not None:
            out.append(m)
    for x in _NOUNS_SUCH_AS.finditer(t):
        base = x.start(2)
        for q in _ANY_QUOTED.finditer(x.group(2)):
            g = next(i for i in range(1, 5) if q.group(i) is not None)
            m = _mention(sent, gaz, base + q.start(g), q.group(g), x.group(1), "quoted")
            if m is not None:
                out.append(m)
    return out


def recurring_group_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name read as a group once is that group wherever the document repeats it: a mention of
    the same words that a weaker rule typed otherwise takes the group's type."""
    groups = {m.name: m.type for m in mentions if m.rule == "quoted" and m.type in {E.PROGRAM, E.CLUSTER}}
    if not groups:
        return mentions
    out = []
    for m in mentions:
        etype = groups.get(m.text)
        if (
            etype is not None
            and m.type is not etype
            and m.rule not in {"gazetteer", "person"}
            and m.type in _RETYPE
        ):
            m = Mention(m.start, m.end, m.text, etype, m.text, "quoted", aliases=list(m.aliases))
        out.append(m)
    return out


#: Types a group name may have been read as by a weaker rule.
_RETYPE = frozenset({E.COMPANY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.PROGRAM, E.CLUSTER})


#: A number or quantifier right before a name: "four Thematic Hubs", "31 Designated Tech Hubs".
_COUNT_BEFORE = re.compile(
    r"(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|multiple|\d{1,4})"
    r"(?:\s+(?:new|more|other|regional|national|quantum))?\s+)$",
    re.I,
)


def counted_group_classes(text: str, mentions: list[Mention]) -> list[Mention]:
    """A plural capitalised group counted in the text is a class of groups, not one group:
    "established four Thematic Hubs", "12 Tech Hubs designees", "across 17 Project Teams" name
    no single programme or hub; every mention of that name goes. "one of 12 Regional Technology
    Hubs" names the designation a member was given: that one stays."""
    counted = {
        m.name
        for m in mentions
        if m.type in {E.PROGRAM, E.CLUSTER}
        and m.rule != "gazetteer"
        and _PLURAL.search(m.text)
        and (c := _COUNT_BEFORE.search(text, max(0, m.start - 40), m.start)) is not None
        and not _ONE_OF.search(text, max(0, c.start() - 12), c.start())
    }
    if not counted:
        return mentions
    return [m for m in mentions if m.name not in counted or m.rule == "gazetteer"]


_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+|only\s+)?$", re.I)
#: A plural last word ("Hubs", "Teams", "Consortia"), not a name ending in "ss" or "us".
_PLURAL = re.compile(r"(?:[a-z][^su\s]s|ia)$")
