"""Names of groups told by the noun that governs them, whatever words the name holds.

A programme or a hub is often named with a word that says what it is rather than with a head
word inside its name: "a programme called Q-Leap", "a new hub, dubbed Qubit Harbour", "the
'Photon Bridge' initiative", "initiatives such as "Quantum Ready" and "Qubits for Schools"".
The governing noun (``data/words/group_name_nouns.txt``) gives the type: a programme,
initiative or strategy is a Program, a hub, consortium or alliance a Cluster; a head word of
the name itself wins ("a project called the Nordic Quantum Alliance" is a Cluster). Names the
gazetteer knows, places and people are left to their own detectors.
"""

from __future__ import annotations

import re

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer
from ..patterns import LEADING_NOISE, head_type
from ..segment import Sentence
from .mention import Mention
from .words import word_table

__all__ = ["group_name_mentions"]

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
#: Cheap gate: a governing noun and either quotes or a naming verb.
_GATE_WORDS = ("called", "named", "dubbed", "known as", "titled", "branded", "christened")
_QUOTES = ('"', "“", "‘", " '")


def _type(noun: str, name: str) -> EntityType:
    own = head_type(name)
    if own in {E.PROGRAM, E.CLUSTER}:
        return own
    return _NOUN_TYPES[noun.lower()]


def _mention(sent: Sentence, gaz: Gazetteer, start: int, name: str, noun: str, rule: str) -> Mention | None:
    name = name.strip().rstrip(".,")
    words = name.split()
    if not words or len(name) < 2 or words[0].lower() in LEADING_NOISE or len(words) > 8:
        return None
    if gaz.lookup(name):
        return None  # a known name: the gazetteer's hit
    etype = _type(noun, name)
    st = sent.start + start
    return Mention(st, st + len(name), name, etype, name, rule)


def group_name_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Names governed by a group noun: after a naming verb, in quotes before the noun, or
    quoted examples after the plural noun."""
    t = sent.text
    low = t.lower()
    quoted = any(q in t for q in _QUOTES)
    if not quoted and not any(w in low for w in _GATE_WORDS):
        return []
    out: list[Mention] = []
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
