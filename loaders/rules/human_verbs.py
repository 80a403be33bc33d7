"""People named by what only people do: "Scott Faris departed", "Ada Lin resigned in May",
"Tom Berg retired and Eva Holm took over", "the firm hired Ada Lin", "Kim succeeds Tom Berg".

A capitalised name of two to five parts with none of an organisation's words, right before a
verb of a person's career or life (or right after a verb whose object is always a person),
is a person even with no title or role. What is named there is never read as an
organisation.

>>> from qkg.loaders.segment import split_sentences
>>> s = split_sentences("Matthew Kerr stepped in after Scott Fell departed in April.")[0]
>>> [m.name for m in human_verb_mentions(s)]
['Matthew Kerr', 'Scott Fell']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, Fact, SentView
from ..segment import Sentence
from .mention import Mention
from .people import NAME, bare_personal_name
from .words import may_hold

__all__ = ["hire_facts", "human_verb_mentions"]

E = EntityType

#: verbs of a person's career or life, after the name ("Ada Lin resigned", "... has stepped down")
_AFTER = (
    r"(?:has\s+|had\s+|have\s+|will\s+|was\s+|is\s+)?(?:also\s+|since\s+|later\s+|then\s+)?"
    r"(?:resigned|retired|departed|stepped\s+(?:down|in|aside|up)|steps\s+(?:down|in|aside)|took\s+over|takes\s+over|"
    r"took\s+the\s+(?:helm|reins)|picked\s+up\s+the|earned\s+(?:his|her|a)|received\s+(?:his|her)|graduated|"
    r"studied|was\s+born|died|passed\s+away|returned\s+as|returns\s+as|will\s+succeed|succeeded|succeeds|replaces|"
    r"replaced|was\s+hired|has\s+been\s+hired|was\s+promoted|has\s+been\s+promoted|was\s+elected|was\s+re-elected)\b"
)
#: verbs whose object is always a person ("hired Ada Lin", "succeeds Tom Berg", "from Rob Hayes"
#: after "the reins")
_BEFORE = (
    r"\b(?:hired|hires|recruited|recruits|poached|succeeds|succeeded|succeeding|replaces|replaced|replacing|"
    r"reins\s+(?:again\s+)?from|took\s+over\s+from|takes\s+over\s+from|taking\s+over\s+from)\s+"
)
_NAME_AFTER = re.compile(
    rf"(?:^\W*|[,;:(]\s+|\b(?:and|but|after|before|when|while|since|as|until)\s+)({NAME}),?\s+{_AFTER}"
)
_NAME_BEFORE = re.compile(rf"{_BEFORE}({NAME})")
_WORDS = frozenset(
    {
        "resigned",
        "retired",
        "departed",
        "stepped",
        "steps",
        "took",
        "takes",
        "picked",
        "earned",
        "received",
        "graduated",
        "studied",
        "born",
        "died",
        "passed",
        "returned",
        "returns",
        "succeed",
        "succeeded",
        "succeeds",
        "replaces",
        "replaced",
        "hired",
        "promoted",
        "elected",
        "re-elected",
        "hires",
        "recruited",
        "recruits",
        "poached",
        "succeeding",
        "replacing",
        "reins",
        "taking",
    }
)


def human_verb_mentions(sent: Sentence) -> list[Mention]:
    """The people of ``sent`` named beside a verb only people are the subject or object of."""
    t = sent.text
    if not may_hold(t, _WORDS):
        return []
    out: list[Mention] = []
    for rx in (_NAME_AFTER, _NAME_BEFORE):
        for m in rx.finditer(t):
            name, at = m.group(1), m.start(1)
            title = _LEADING_TITLE.match(name)
            if title:  # "Dr Ada Lin succeeds ...": the title is no part of the name
                name, at = name[title.end() :], at + title.end()
            if " " not in name or not bare_personal_name(name):
                continue
            st = sent.start + at
            out.append(Mention(st, st + len(name), name, E.PERSON, name, "person"))
    return out


_LEADING_TITLE = re.compile(
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame|President|Minister|Senator|Governor|Mayor|Chairman|CEO)\.?\s+)+"
)


#: masked: "§org§ (has) hired / recruited / poached (its new CTO) §p§"
_HIRED = re.compile(
    r"§(\d+)§\s+(?:has\s+|have\s+|had\s+|also\s+|recently\s+)*(?:hired|hires|recruited|recruits|poached)\s+"
    r"(?:(?:its|a|an|the)\s+)?(?:(?:[a-z][\w-]*\s+){0,3})?§(\d+)§"
)


def hire_facts(v: SentView, m: str) -> Iterator[Fact]:
    """AFFILIATED_WITH from a person an organisation hired to the organisation."""
    if "hire" not in m and "recruit" not in m and "poached" not in m:
        return
    for x in _HIRED.finditer(m):
        org, p = int(x.group(1)), int(x.group(2))
        if v.type(org) in ORGS and v.type(p) is E.PERSON:
            yield Fact(v.id(p), RelationType.AFFILIATED_WITH, v.id(org), "hired", 0.8)
