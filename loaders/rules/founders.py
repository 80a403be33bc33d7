"""Founders: the people who founded an organisation, named as a list after "founded by".

"Founded in 2019 by Ada Lin, Tom Berg and Eva Holm, Orbion Quantum builds sensors",
"Orbion Quantum, co-founded by Ada Lin and Tom Berg in 2020, ...", "Orbion Quantum was
founded by Ada Lin, Tom Berg and Eva Holm", "Ada Lin and Tom Berg founded Orbion Quantum".
The "by" list names people even without a title or role (the verb is the cue), and every
founder is affiliated with what they founded (a founder's role, in the annotation rules).

>>> from qkg.loaders.segment import split_sentences
>>> s = split_sentences("Founded in 2019 by Ada Lin, Tom Berg and Eva Holm, Orbion builds sensors.")[0]
>>> [m.name for m in founder_mentions(s)]
['Ada Lin', 'Tom Berg', 'Eva Holm']
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, ORGS, Fact, SentView, ids_in
from ..patterns import HONORIFIC, PERSON_RE
from ..segment import Sentence
from . import fastre as re
from .mention import Mention
from .people import bare_personal_name

__all__ = ["founder_facts", "founder_mentions"]

E = EntityType
R = RelationType

_WHEN = r"(?:\s+(?:in|during)\s+(?:\d{4}|[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)?))*"
#: "founded in 2019 by A, B and C": the list after "by"
_ONE_NAME = rf"{HONORIFIC}{PERSON_RE}"
#: "A", "A and B", "A, B and C" (the list ends at its "and")
_NAMES = rf"(?:{_ONE_NAME}(?:,\s+{_ONE_NAME})*,?\s+and\s+{_ONE_NAME}|{_ONE_NAME})"
_FOUNDED_BY = re.compile(rf"\b(?:[Cc]o-?)?[Ff]ounded{_WHEN}\s+by\s+({_NAMES})")
#: "A and B (co-)founded X": the list before the verb, opening the sentence or a clause
_THEY_FOUNDED = re.compile(rf"(?:^|[,;:]\s+)({_NAMES})\s+(?:also\s+|jointly\s+)?(?:co-?)?founded\b")
_ONE = re.compile(rf"{HONORIFIC}({PERSON_RE})")

#: a list of mentions in the masked text, titles allowed ("Dr. §a§, Dr. §b§ and §c§")
_MLIST = rf"(?:{HONORIFIC}§\d+§(?:,\s+|,?\s+and\s+)?)+"
#: masked: "Founded (in 2019) by §a§, §b§ and §c§, (the) §org§ ..."
_FRONTED = re.compile(rf"^\s*(?:Co-?)?[Ff]ounded[^§,;]{{0,40}}?\bby\s+({_MLIST}),\s+(?:the\s+)?{ENT}")
#: an aside between a subject and its verb: "§org§ – whose motto is “...” – was founded", "§org§, whose
#: first lab is in Lyon, was founded"
_ASIDE = r"(?:\s+[–—]\s+[^–—]{1,120}?\s+[–—]|,\s+(?:whose|which|that)\s+[^,;]{1,120}?,)?"
#: masked: "§org§(,) (which was) (co-)founded (in 2019) by §a§, §b§ and §c§"
_PASSIVE = re.compile(
    rf"{ENT}{_ASIDE},?\s+(?:(?:which|that|was|were|is|has\s+been|had\s+been|originally|jointly)\s+)*(?:co-?)?founded"
    rf"[^§,;]{{0,40}}?\bby\s+({_MLIST})"
)
#: masked: "§a§ and §b§ (co-)founded (the) §org§", "§a§ founded and leads §org§"
_ACTIVE = re.compile(
    rf"({_MLIST})\s+(?:also\s+|jointly\s+)?(?:co-?)?founded\s+(?:and\s+(?:leads|heads|runs|directs|chairs)\s+)?(?:the\s+)?{ENT}"
)


def founder_mentions(sent: Sentence) -> list[Mention]:
    """The people a "founded by" list names (with or without titles)."""
    t = sent.text
    if "ounded" not in t:
        return []
    out: list[Mention] = []
    for rx in (_FOUNDED_BY, _THEY_FOUNDED):
        for m in rx.finditer(t):
            names = [(one.start(1), one.group(1)) for one in _ONE.finditer(m.group(1))]
            if not all(bare_personal_name(n) for _, n in names):
                continue  # "founded by Orbion Quantum and Veltra Labs": organisations founded it
            for at, name in names:
                st = sent.start + m.start(1) + at
                out.append(Mention(st, st + len(name), name, E.PERSON, name, "person"))
    return out


def founder_facts(v: SentView, m: str) -> Iterator[Fact]:
    """AFFILIATED_WITH from every founder to what they founded."""
    if "ounded" not in m:
        return
    found: list[tuple[str, int]] = []
    for x in _FRONTED.finditer(m):
        found.append((x.group(1), int(x.group(2))))
    for x in _PASSIVE.finditer(m):
        found.append((x.group(2), int(x.group(1))))
    for x in _ACTIVE.finditer(m):
        found.append((x.group(1), int(x.group(2))))
    for people, org in found:
        if v.type(org) not in ORGS:
            continue
        for p in ids_in(people):
            if v.type(p) is E.PERSON:
                yield Fact(v.id(p), R.AFFILIATED_WITH, v.id(org), "founded-by", 0.8)
