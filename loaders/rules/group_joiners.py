"""Parties who join a partnership told in a sentence before.

A partnership is often announced between two parties and a third named a sentence later:
"Orbion signed an MOU with Veltra. The MOU also involves the University of Kessler", "Orbion is
working with Veltra. Kessler Labs will also take part in the collaboration". The later party is
a party of the same agreement, so a partner of each party told before; the agreement gains it.

The agreement is the latest partnership, MOU or joint statement told in the two sentences before
(two to five parties, not one known only from a definite reference); the sentence must refer to
it by a definite noun ("the partnership", "this collaboration", "the MOU") with a verb of joining
or including. Consortia, contracts and investments are not joined this way (their members are
no partners of each other).

A lede may count the partners before naming them: "Two Canadian quantum firms are joining forces
to build a network. Orbion and Veltra will ..." (:func:`counted_partners`): the first list of
exactly that many organisations opening a clause in the next two sentences are the partners.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qkg.schemas import RelationType

from ..context import LIST, ORGS, Fact, SentView, ids_in
from .agreements import PARTNERING_KINDS, AgreementDraft

__all__ = ["counted_partners", "pact_joiners"]

R = RelationType

#: How many sentences back the agreement may have been told.
_WINDOW = 2
_PACT = (
    r"(?:partnership|collaboration|cooperation|co-operation|alliance|agreement|MOU|MoU|memorandum(?:\s+of\s+understanding)?|"
    r"joint\s+statement|joint\s+declaration)"
)
_THE = r"(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+(?:(?:new|latest|three-way|tripartite|wider|expanded|broader)\s+)?"
_AUX = r"(?:(?:has|have|had|is|are|was|were|will|would|also|since|now|later|subsequently|officially|formally|been|be)\s+)*"
#: "The MOU also involves §C§", "The partnership now includes §C§ and §D§".
_INCLUDES = re.compile(
    rf"^\s*(?:[A-Z][\w ,]{{0,30}},\s+)?{_THE}{_PACT}\s+{_AUX}(?:involves|involved|includes|included|brings\s+in|brought\s+in|"
    rf"extends\s+to|extended\s+to|was\s+extended\s+to|counts)\s+(?:the\s+)?({LIST})"
)
#: "§C§ will also take part in the partnership", "§C§ has since joined the collaboration",
#: "§C§ is also a party to the agreement", "§C§ also signed the MOU".
_JOINS = re.compile(
    rf"(?:^\s*|[,;]\s+)(?:[Tt]he\s+)?({LIST})\s+{_AUX}(?:join|joins|joined|joining|sign|signs|signed|co-signed|"
    rf"(?:take|takes|took|taking)\s+part\s+in|participates?\s+in|participated\s+in|(?:a\s+)?part\s+of|"
    rf"an?\s+(?:third\s+|fourth\s+|new\s+)?(?:party|partner|signatory)\s+(?:to|in|of))\s+{_THE}{_PACT}\b"
)


def pact_joiners(
    views: Sequence[SentView], drafts: list[AgreementDraft]
) -> tuple[list[tuple[int, Fact]], list[AgreementDraft]]:
    """PARTNERS_WITH from each later party to the parties told before, and the drafts with it added."""
    out: list[tuple[int, Fact]] = []
    told = sorted(
        (
            (d.sentences[0], n)
            for n, d in enumerate(drafts)
            if d.kind in PARTNERING_KINDS
            and d.sentences
            and 2 <= len(d.parties) <= 5
            and d.rule != "definite-reference"
        ),
        key=lambda x: x[0],
    )
    if not told:
        return out, drafts
    drafts = list(drafts)
    for k, v in enumerate(views):
        m = v.masked
        if "§" not in m or not re.search(_PACT, m):
            continue
        before = [n for s, n in told if k - _WINDOW <= s < k]
        if not before:
            continue
        x = _INCLUDES.match(m) or _JOINS.search(m)
        if x is None:
            continue
        n = before[-1]
        d = drafts[n]
        joiners = [i for i in ids_in(x.group(1)) if v.type(i) in ORGS and v.id(i) not in d.parties]
        if not joiners:
            continue
        for i in joiners:
            for p in d.parties:
                out.append((k, Fact(v.id(i), R.PARTNERS_WITH, p, "pact-joiner", 0.7)))
        added = list(dict.fromkeys(v.id(i) for i in joiners))
        drafts[n] = replace(d, parties=[*d.parties, *added], sentences=[*d.sentences, k])
    return out, drafts


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
#: "Two Canadian quantum firms are joining forces", "Three universities have teamed up": partners
#: counted by a description with no name (places and technologies may qualify it).
_COUNTED = re.compile(
    r"^\s*(?:[A-Z][\w ,]{0,30},\s+)?(?:[Tt]he\s+)?(?P<n>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[2-5])\s+(?:(?:[\w-]+|§\d+§)\s+){0,4}?"
    r"(?:companies|firms|start-?ups|universities|institutes|institutions|organi[sz]ations|clusters|labs|laboratories|"
    r"groups|players|giants|operators|makers|developers|research\s+centres|research\s+centers|agencies|banks)\s+"
    rf"{_AUX}(?:joining\s+forces|join\s+forces|joined\s+forces|teaming\s+up|team\s+up|teamed\s+up|partnering|partnered|"
    r"collaborating|collaborate|collaborated|cooperating|cooperate|cooperated|working\s+together|work\s+together|"
    r"worked\s+together|joining\s+hands|joined\s+hands|signed\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:partnership|agreement|MOU|MoU|memorandum))\b"
)
#: A list opening a clause: the sentence's start (after "The" or a short fronted phrase) or after "that".
_OPENING_LIST = re.compile(
    rf"(?:^\s*(?:[A-Z][\w ,]{{0,30}},\s+)?(?:[Tt]he\s+)?|\bthat\s+(?:the\s+)?)({LIST})"
)


def counted_partners(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """Partners a lede counts and the next sentences name: each pair of the first list of that many."""
    out: list[tuple[int, Fact]] = []
    for k, v in enumerate(views):
        x = _COUNTED.match(v.masked)
        if x is None or any(v.type(i) in ORGS for i in ids_in(v.masked[: x.end()])):
            continue
        n = _COUNTS[x.group("n").lower()]
        for j in range(k + 1, min(k + 3, len(views))):
            w = views[j]
            y = _OPENING_LIST.search(w.masked)
            if y is None:
                continue
            names = list(dict.fromkeys(w.id(i) for i in ids_in(y.group(1)) if w.type(i) in ORGS))
            if len(names) != n or len(ids_in(y.group(1))) != n:
                continue
            for a_, a in enumerate(names):
                for b in names[a_ + 1 :]:
                    # (the lede states the partnership; the names may stand in a sentence of plans)
                    out.append((k, Fact(a, R.PARTNERS_WITH, b, "partners-counted-lede", 0.7)))
            break
    return out
