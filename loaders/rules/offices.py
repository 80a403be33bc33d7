"""Ministers and their ministries across a document: "§p§, Minister of Science and ICT" and
"Science Minister §p§" are affiliated with the "Ministry of Science and ICT" the document
names elsewhere.

Government news names an office by its holder's title ("Minister of Economic Affairs") and
the body by its own name ("the Ministry of Economic Affairs and Employment"), often in
different sentences; no sentence rule sees both. A ministry's field that begins with the
minister's field (its words, in order) is that minister's ministry, whatever the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, Fact, SentView
from . import fastre as re

__all__ = ["minister_ministry_facts", "prefixed_unit_facts"]

E = EntityType
R = RelationType

#: A ministry's own name: "Ministry of Science and ICT", "Federal Ministry for Economic Affairs".
_MINISTRY = re.compile(r"^(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}?Ministry\s+(?:of|for)\s+(?:the\s+)?(.+)$")
#: A field written in capitals: "Science and ICT", "Higher Education and Science", "Economy, Trade and Industry".
_FIELD = r"((?:[A-Z][\w-]*|&)(?:(?:\s+|,\s+)(?:and\s+|&\s+)?(?:[A-Z][\w-]*))*)"
#: "§p§, Minister of F", "§p§, the Minister for F" and "Minister of F, §p§" / "Minister of F §p§".
_MINISTER_AFTER = re.compile(
    rf"§(\d+)§,\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){{0,2}}?Minister\s+(?:of|for)\s+(?:the\s+)?{_FIELD}"
)
_MINISTER_BEFORE = re.compile(
    rf"\bMinister\s+(?:of|for)\s+(?:the\s+)?{_FIELD},?\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|Professor\s+)?§(\d+)§"
)
#: "Science Minister §p§", "Foreign Minister Dr §p§": the field written before the title.
_FIELD_MINISTER = re.compile(
    r"\b([A-Z][a-z]+(?:\s+and\s+[A-Z][\w-]*)?)\s+[Mm]inister\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?§(\d+)§"
)
_WORD = re.compile(r"[a-z0-9]+")


def _words(field: str) -> list[str]:
    """A field's words, lower case, without connectives: "Science & ICT" -> ["science", "ict"]."""
    return [w for w in _WORD.findall(field.lower().replace("&", " and ")) if w not in {"and", "the"}]


def minister_ministry_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """AFFILIATED_WITH from a minister, titled by a field, to the ministry of that field named in
    the document (only when one ministry fits)."""
    ministries: dict[str, list[str]] = {}
    for v in views:
        for m, eid, t in zip(v.mentions, v.ids, v.types, strict=True):
            if t is E.GOVERNMENT_BODY and "Ministry" in m.name:
                x = _MINISTRY.match(m.name)
                if x is not None:
                    ministries.setdefault(eid, _words(x.group(1)))
    if not ministries:
        return []
    out: list[tuple[int, Fact]] = []
    for k, v in enumerate(views):
        if "Minister" not in v.masked or E.PERSON not in v.types:
            continue
        found = [(int(x.group(1)), x.group(2)) for x in _MINISTER_AFTER.finditer(v.masked)]
        found += [(int(x.group(2)), x.group(1)) for x in _MINISTER_BEFORE.finditer(v.masked)]
        found += [(int(x.group(2)), x.group(1)) for x in _FIELD_MINISTER.finditer(v.masked)]
        for p, field in found:
            if v.type(p) is not E.PERSON:
                continue
            want = _words(field)
            fits = [eid for eid, words in ministries.items() if want and words[: len(want)] == want]
            if len(fits) == 1:
                out.append((k, Fact(v.id(p), R.AFFILIATED_WITH, fits[0], "minister-of-ministry", 0.7)))
    return out


#: The head word of a unit's name: "UCL Quantum Science Institute", "Orbion College of Engineering".
_UNIT_HEAD = re.compile(
    r"\b(?:Institute|School|College|Faculty|Department|Centre|Center|Laboratory|Lab|Division|Unit)\b"
)
#: What a unit so named may be, and what it may be a unit of.
_UNIT_TYPES = frozenset({E.RESEARCH_INSTITUTE, E.UNIVERSITY, E.GOVERNMENT_BODY})
_OWNER_TYPES = ORGS - {E.CLUSTER}


def prefixed_unit_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """A unit named by its owner's one-word name and a unit's head word ("KU Quantum Science
    Institute", "KU School of Physics") is a part of that owner, when the document names the
    owner on its own too: the first word is a pre-modifier naming whose unit it is. (A name
    joining two units with "and" is left alone: it may be two names run together.)"""
    owners: dict[str, str] = {}
    for v in views:
        for m, i, t in zip(v.mentions, v.ids, v.types, strict=True):
            if t in _OWNER_TYPES and m.rule != "anaphor" and " " not in m.text.strip():
                owners.setdefault(m.text.strip(), i)
    out: list[tuple[int, Fact]] = []
    if not owners:
        return out
    for k, v in enumerate(views):
        for m, i, t in zip(v.mentions, v.ids, v.types, strict=True):
            first, _, rest = m.text.strip().partition(" ")
            owner = owners.get(first)
            if (
                t in _UNIT_TYPES
                and owner is not None
                and owner != i
                and _UNIT_HEAD.search(rest)
                and f" and {first} " not in m.text
            ):
                out.append((k, Fact(i, R.PART_OF, owner, "prefixed-unit", 0.8)))
    return out
