"""Negated statements: "A did not partner with B" states no partnership.

Every phrasing rule reads a relation from the words between or around two names; none of them
reads a negation, so "A has never collaborated with B", "A is not a member of G" and "A denied it
had signed an MOU with B" came out as facts. This guard runs once over every fact and agreement a
sentence yields: a fact is dropped when the text between the nearest mentions of its two ends
negates (``not``, ``n't``, ``never``, ``no longer``, ``denied``), with asides set off by commas,
brackets or dashes left out ("A, which has not disclosed the amount, partnered with B" still
states the partnership), only the last clause of the text between them read, and the
non-negating idioms "not only", "not just", "not to mention" left alone.

A hedged statement states no fact either: "A could partner with B", "A may invest in B", "A is
in talks to partner with B", "A is considering a partnership with B", "B, a potential partner of
A" say what might be, and are read like negations (a modal or a word of possibility between the
two names). When the two names are coordinated subjects ("A and B could sign an agreement",
"A and B did not sign ..."), the text between them says nothing: the start of the predicate
after the list is read instead, up to its first verb after the auxiliaries, so "A and B signed
an MoU that may lead to ..." is no hedge.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..context import SentView
from . import fastre as re
from .literals import Gated, compile_gated

__all__ = ["negated", "negated_parties"]

_NEGATOR = compile_gated(
    r"\bnot\b(?!\s+(?:only|just|merely|simply|least|to\s+mention)\b)"
    r"|\bnever\b|\bno\s+longer\b|\bdeni(?:ed|es)\b|\bdeny(?:ing)?\b"
    # a tie ended: "A ended / terminated / scrapped its partnership with B", "A pulled out of ..."
    r"|\bend(?:s|ed|ing)\s+(?:its|their|the)\b|\bterminat\w*|\bscrapp\w*|\bcancell?\w*|\bdissolv\w*|"
    r"\bwithdr[ae]w\w*|\bpull(?:s|ed|ing)?\s+out\b|\bsever(?:s|ed|ing)\b|\bsuspend\w*",
    re.IGNORECASE,
)
#: "isn't", "didn’t": apart from the other negators, which each need a word of three letters or
#: more (the gate of their literals, asked once per sentence).
_CONTRACTED = re.compile(r"n[’']t\b", re.IGNORECASE)
#: Modality and possibility: what might be, not what is ("may" in lower case: "May" is a month).
_HEDGE = compile_gated(
    r"\b(?i:could|might|in\s+(?:talks|discussions|negotiations?)|negotiating|considering|mulling|"
    r"potential(?:ly)?|possible|possibly|rumou?red)\b|\bmay\b"
)
#: Wishes, plans, calls and talks: "A hopes / wants / plans / aims / seeks to partner with B", "A is open
#: to cooperation with B", "called for closer ties with B", "discussed / is exploring cooperation".
#: They hedge a partnership; a planned office is still told ("plans to open an office in P"), and a
#: technology explored is worked on.
_WISH = compile_gated(
    r"\b(?:hop(?:es|ed|ing)?\s+to|wants?\s+to|wanted\s+to|wish(?:es|ed)?\s+to|seek(?:s|ing)?\s+to|"
    r"plan(?:s|ned|ning)?\s+to|aim(?:s|ed|ing)?\s+to|intend(?:s|ed)?\s+to|expected\s+to|looking\s+to|keen\s+to|"
    r"open\s+to|interested\s+in|call(?:s|ed|ing)?\s+for|would\s+like|discuss\w*|explor(?:es|ing))\b",
    re.IGNORECASE,
)
#: The auxiliaries and adverbs that may open a predicate before its negation or modality.
_AUX = re.compile(
    r"\s*(?:(?:have|has|had|are|is|were|was|will|would|do|does|did|also|both|now|still|yet|reportedly|"
    r"currently|already|so\s+far)\s+)*",
    re.IGNORECASE,
)
#: Between two coordinated names: only a comma or a conjunction.
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|&)\s+)?(?:the\s+)?", re.IGNORECASE)
#: Asides that say something else about a name: ", which/who ... ,", "( ... )", " – ... – ".
_ASIDE = re.compile(r",\s*(?:which|who|whose|where|when)\b[^,]*,|\([^()]*\)|\s[–—]\s[^–—]*\s[–—]\s")
#: Where a new clause opens: only the last clause of the gap states the link ("while A has not
#: bought as many, it has bought B": the negation is another clause's).
_CLAUSE = re.compile(
    r"[;:]|,\s*(?:but|and|while|whereas|having|after|before|as|since|although|though|it|they)\b",
    re.IGNORECASE,
)


def _spans(v: SentView, eid: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m, i in zip(v.mentions, v.ids, strict=False) if i == eid]


def negated(v: SentView, a: str, b: str, *, hedges: bool = True, wishes: bool = False) -> bool:
    """Whether the sentence negates (or, with ``hedges``, hedges; with ``wishes``, only wishes or
    plans) what links ``a`` and ``b`` (False when either is not named in it).

    The text between the closest pair of their mentions is read, asides left out. Callers read
    hedges only where a word of possibility is about the link itself (partnerships, investments,
    memberships): a rivalry is told in such words ("a chip that could prove competitive with B's"),
    and so are places and technologies ("plans to open an office in P", "potential uses of T").
    """
    sa, sb = _spans(v, a), _spans(v, b)
    if not sa or not sb:
        return False
    best: tuple[int, int] | None = None
    for x in sa:
        for y in sb:
            lo, hi = (x[1], y[0]) if x[0] <= y[0] else (y[1], x[0])
            if hi >= lo and (best is None or hi - lo < best[1] - best[0]):
                best = (lo, hi)
    if best is None:
        return False
    off = v.sent.start
    text = v.sent.text
    rxs = _readers(text, hedges=hedges, wishes=wishes)
    if not rxs:
        return False
    between = text[best[0] - off : best[1] - off]
    if "," in between or "(" in between or "–" in between or "—" in between:  # every aside holds one
        between = _ASIDE.sub(" ", between)
    if _COORDINATION.fullmatch(between):
        return _predicate_denies(v, best[1], rxs)
    start = (
        max((m.end() for m in _CLAUSE.finditer(between)), default=0)
        if ("," in between or ";" in between or ":" in between)  # every clause opener holds one
        else 0
    )
    return any(rx.search(between, start) is not None for rx in rxs)


def _readers(text: str, *, hedges: bool, wishes: bool) -> list[re.Pattern[str]]:
    """The guard's patterns that can match in some piece of the sentence ``text``: each gated one
    is asked of the whole sentence (its scan answer is remembered), not of each piece searched."""
    gated: list[Gated] = [_NEGATOR, *([_HEDGE] if hedges else []), *([_WISH] if wishes else [])]
    out = [rx.compiled for rx in gated if rx.may_match_within(text)]
    if "'" in text or "’" in text:
        out.append(_CONTRACTED)
    return out


def _predicate_denies(v: SentView, at: int, rxs: list[re.Pattern[str]]) -> bool:
    """Whether the predicate after the coordinated names starting at ``at`` opens negated or hedged.

    The rest of the list is skipped ("A, B and C could sign": after C), then only the predicate's
    auxiliaries and its first word are read ("did not sign", "could sign", "are in talks")."""
    off, text = v.sent.start, v.sent.text
    starts = sorted((m.start, m.end) for m in v.mentions)
    end = next((e for s, e in starts if s == at), at)
    moved = True
    while moved:
        moved = False
        for s, e in starts:
            if s > end and _COORDINATION.fullmatch(text[end - off : s - off]):
                end, moved = e, True
                break
    rest = text[end - off :]
    aux = _AUX.match(rest)
    opening = rest[: (aux.end() if aux else 0) + 24]
    at = aux.end() if aux else 0
    return any(rx.match(opening, at) is not None for rx in rxs)


def negated_parties(v: SentView, parties: Iterable[str], *, wishes: bool = True) -> bool:
    """Whether every pair of the parties the sentence names is negated (and there is a pair); with
    ``wishes`` False a plan still states the agreement ("A announced plans to acquire B": a deal)."""
    named = [p for p in dict.fromkeys(parties) if _spans(v, p)]
    pairs = [(a, b) for i, a in enumerate(named) for b in named[i + 1 :]]
    return bool(pairs) and all(negated(v, a, b, wishes=wishes) for a, b in pairs)
