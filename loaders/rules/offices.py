"""Ministers and their ministries across a document: "§p§, Minister of Science and ICT" and
"Science Minister §p§" are affiliated with the "Ministry of Science and ICT" the document
names elsewhere.

Government news names an office by its holder's title ("Minister of Economic Affairs") and
the body by its own name ("the Ministry of Economic Affairs and Employment"), often in
different sentences; no sentence rule sees both. A ministry's field that begins with the
minister's field (its words, in order) is that minister's ministry, whatever the field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qkg.schemas import EntityType, RelationType

from ..context import Fact, SentView

__all__ = ["minister_ministry_facts"]

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
