"""Names of what a sentence says is being created: "the university will create the Quantum
Startup Foundry", "the state will set up the Nordic Qubit Forge", "A and B formed the Kelmar
Photonics Alliance".

A programme, hub or body is often named for the first time as the object of a verb of creation,
and its name need not end in a word the keyword list knows ("Foundry", "Forge", "Exchange",
"Bridge"). The verb and the definite article make it a proper name: "create the Quantum Startup
Foundry" names one thing, while "create quantum jobs" or "create a new Quantum Lab" (a
description) name none; a year after "in" ends the name ("formed the X Exchange in 2022"). Products are launched and unveiled rather than created or established,
so those verbs stay out; so do people ("set up the Ada Lin Fund" still reads as a fund: the
keyword wins) and places. The type is the one the name's head says, else a programme; the
DEVELOPS rules read the creator from the sentence's own verb.
"""

from __future__ import annotations

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer
from ..patterns import LEADING_NOISE, head_type
from ..segment import Sentence
from . import fastre as re
from .bare_names import is_given_name
from .mention import Mention
from .org_cues import plausible
from .rule import gate

__all__ = ["created_name_mentions"]

E = EntityType

#: Verbs of creation, in every form, that cheaply gate the pattern.
_CREATE_WORDS = (
    "creat",
    "establish",
    "set up",
    "sets up",
    "setting up",
    "founded",
    "founding",
    "formed",
    "forming",
    "form the",  # not "form" alone: "information", "platform" would open the gate everywhere
    "forms the",
    "inaugurat",
)
_WORD = r"(?:[A-Z][\w'’&.-]*|[0-9][\w.-]*)"
_CAP = r"[A-Z][\w'’&.-]*"
_JOIN = r"(?:of|for|and|&|de|du|des|der|für)"
_CREATED = re.compile(
    r"\b(?:create[sd]?|creating|establish(?:es|ed|ing)?|set(?:s|ting)?\s+up|"
    r"form(?:s|ed|ing)?|founded|founding|inaugurat(?:es?|ed|ing))\s+the\s+"
    rf"({_WORD}(?:\s+(?:{_JOIN}\s+(?:the\s+)?{_CAP}|{_WORD})){{1,6}})"
)


def created_name_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Capitalised names of two or more words after a verb of creation and "the"."""
    t = sent.text
    out: list[Mention] = []
    if not gate(t.lower(), _CREATE_WORDS):
        return out
    for m in _CREATED.finditer(t):
        name = m.group(1).rstrip(".")
        words = name.split()
        if len(words) < 2 or words[0].lower() in LEADING_NOISE or gaz.lookup(name):
            continue
        if not plausible(name, gaz, trusted=True) or (is_given_name(words[0]) and not head_type(name)):
            continue  # "set up the Ada Lin ...": a person's name is no creation
        etype = head_type(name) or E.PROGRAM
        if etype in {E.PERSON, E.CITY, E.REGION, E.COUNTRY, E.TECHNOLOGY}:
            continue
        st = sent.start + m.start(1)
        out.append(Mention(st, st + len(name), name, etype, name, "org"))
    return out
