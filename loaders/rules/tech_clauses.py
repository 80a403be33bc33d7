"""WORKS_ON from a clause whose objects hold a technology, whatever the verb or noun that governs it.

The phrasing rules of :mod:`.works_on` and :mod:`.tech_lists` each need their wording ("X
specialises in §T§", "X, a developer of §T§", "aims to develop §T§"); fresh articles keep finding
others ("§X§ ... will focus on the expanses of §T§", "§X§ has received a grant to accelerate
fundamental and applied research in §T§", "§X§'s foray into §T§"). This module reads the clause
instead:

1. the *objects*: each list of technology mentions, reached from a *work word* (a verb or noun of
   focus, making or research, ``data/words/technology_work_words.txt``) through at most six
   lower-case words and joiners, none of which opens a clause of its own, names a purpose or a
   means, or is a verb of using or funding ("uses", "funds", "for", "to", "which");
2. the *subject*: the possessor of the work word ("§X§'s foray into"), else the antecedent of the
   relative clause it stands in ("§X§, which was acquired in 2021 and has developed"), else the
   name opening the clause the work word stands in, when nothing between them opens another clause or says that
   the subject funds, invests in or backs someone else (a subject that *received* a grant, won or
   secured funding is still the one at work); a clause reported after its speaker opens there ("§K§
   said that §it§ is trying to develop §T§"), and an aside the commas close between the subject and
   its verb is skipped ("§X§, funded by §K§ in 2021, develops §T§", "§X§, which acquired §K§ last
   year, focuses on §T§"): it describes the subject and names no other worker; companions named
   after the subject do what it does ("§X§ along with its partners at §A§ and §B§ have received a
   grant to research §T§", "§X§, together with §A§, will develop §T§");
3. the subject must be an organisation (no government body: it funds or promotes) or a programme;
   places and people work on nothing here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from qkg.schemas import EntityType, RelationType

from ..context import ENT, ORGS, Fact, SentView, ids_in
from . import fastre as re
from .agreements import PARTNERING_KINDS
from .tech_lists import _CLAUSE, _FRONTED, _JOINED, _PREP, _SUBJECT, _listed
from .words import word_list
from .works_on import MAKERS_AND_DEALS

if TYPE_CHECKING:
    from .agreements import AgreementDraft

__all__ = ["clause_object_facts", "pact_work_facts"]

E = EntityType
R = RelationType

_WORK = word_list("technology_work_words")
#: Who works on a technology reached this way.
_SOURCES = frozenset((ORGS - {E.GOVERNMENT_BODY}) | {E.PROGRAM})
#: A word of the gap after the work word (lower case, hyphens inside).
_TOKEN = re.compile(r"[a-z][a-z-]*|,")
#: Words that end the reach of a work word (clause openers, purposes, verbs of using and funding).
_STOP = word_list("technology_work_stops")
#: How many words a gap may hold.
_MAX_GAP = 6
#: The text between a subject and its work word says the subject acts for another.
_OTHER_CLAUSE = re.compile(
    r"\b(?:said|says|where|when|if|because|after|before|while|who|whom)\b"
    r"|\b(?:invest\w*|fund\w*|back(?:s|ed|ing)|grant\w*|award\w*|financ\w*|support\w*)\b"
)
#: ... unless the subject is the one who received the money ("has received a grant of $5 million").
_RECEIVED = re.compile(
    r"\b(?:receiv\w+|won|wins|win|secur\w+|obtain\w*|land\w*|got|gets|raised|raises|rais\w+|was\s+awarded|"
    r"has\s+been\s+awarded|have\s+been\s+awarded|were\s+awarded|is\s+awarded|awarded\s+(?:a|an|the))\b"
)
#: Money words that a recipient's clause may hold without acting for another.
_MONEY_WORDS = re.compile(r"\b(?:grant\w*|fund\w*|financ\w*|award\w*|back\w*|support\w*|invest\w*)\b")
_MENTION = re.compile(ENT)
#: The owner of a work noun: "§X§'s foray into", "§X§'s own research in" (a few qualifiers between).
_OWNER = re.compile(r"§(\d+)§['’]s?\s+(?:(?:own|long|early|first|new|recent|ongoing|joint)\s+)?$")
_POSSESSIVE = re.compile(r"['’]s?\s")
_COMPOUND = re.compile(r"\s+[a-z]+-[a-z]+")
_THEIR_MAKERS = re.compile(rf"\s+{MAKERS_AND_DEALS}")
_ASIDE = re.compile(r"\([^()§]{0,40}\)")
#: A name and the auxiliaries and adverbs between it and its verb.
_DIRECT = re.compile(
    r"§(\d+)§\s+(?:(?:has|have|had|will|would|can|could|also|now|is|are|was|were|been|being|currently|already|"
    r"recently|successfully|jointly|further|since|first)\s+)*$"
)
#: An opening phrase of time or place before a clause's subject: "In 2017 ", "Last year ".
_OPENING = re.compile(
    r"\s*(?:(?:In|Since|By|Last|This|Early|Later|Back)\s+(?:[a-z]+\s+)?(?:\d{4}|year|month|week|[A-Z][a-z]+)\s*,?\s*)?"
)
_RELATIVE = re.compile(r",\s+(?:which|that|who)\b")
#: A relative clause's antecedent: "§X§, which".
_ANTECEDENT = re.compile(r"§(\d+)§\s*,\s+(?:which|that|who)\b")
#: A sum, or a purpose of only furthering a field, between the subject and the work word: a
#: round's or a partnership's purpose names no field of the funder's or partner's own (a purpose of
#: making or working does: "§A§ and §B§ entered a collaboration to accelerate the development of §T§").
_PURPOSE = re.compile(
    r"\bto\s+(?:help\s+)?(?:advance|promote|foster|support|boost|encourage|spur)\b|[$€£¥₹]|"
    r"\b(?:million|billion|crore)\b"
)


#: What may stand right before a work word that is a participle ("is exploring", "to develop"):
#: never a noun it would qualify ("companies building §T§").
_BEFORE_PARTICIPLE = word_list("technology_work_participle_before")
#: A possessive pronoun's work noun is read by the rules that agree it with its antecedent.
_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _participle(w: str) -> bool:
    return w.endswith(("ing", "ed")) or w in {"built", "made"}


def _reach(m: str, start: int) -> int | None:
    """Where the work word governing the mention at ``start`` begins, or ``None``."""
    # a bracketed aside is no part of the reach ("developed the smallest (5x5 mm) §T§")
    left = _ASIDE.sub(lambda y: " " * len(y.group()), m[max(0, start - 80) : start])
    cut = max(left.rfind("§"), left.rfind(";"), left.rfind(":"), left.rfind("."), left.rfind("("))
    at_name = cut < 0 or left[cut] == "§"
    left = left[cut + 1 :]
    base = start - len(left)
    tokens = list(_TOKEN.finditer(left))
    gap = 0
    for k in range(len(tokens) - 1, -1, -1):
        w = tokens[k].group()
        if w in _WORK:
            prev = tokens[k - 1].group() if k else None
            if prev in _PRONOUNS:
                return None
            after_name = prev is None and at_name
            if _participle(w) and not (prev in _BEFORE_PARTICIPLE or after_name):
                return None  # "a partner of companies building §T§"; "§X§, focusing on": the nearest's
            return base + tokens[k].start()
        if w in _STOP or gap >= _MAX_GAP:
            return None
        gap += w != ","
    return None


def _subjects(v: SentView, m: str, cue: int) -> list[int]:
    """The possessor of the work word, else the names opening its clause (see the module docstring)."""
    owner = _OWNER.search(m, 0, cue)
    if owner is not None:
        return [int(owner.group(1))]
    begin = 0
    for cl in _CLAUSE.finditer(m, 0, cue):
        begin = cl.end()
    for cl in _REPORTED.finditer(m, begin, cue):
        begin = cl.end()  # "§K§ said that §it§ is trying to develop §T§": the reported clause's subject
    rel = next(reversed(list(_ANTECEDENT.finditer(m, begin, cue))), None)
    if rel is not None:
        # the work word stands in a relative clause, or in the main clause after one: its antecedent
        # is the subject either way ("§Orbion§, which was acquired by §K§ in 2021 and has since
        # developed §T§", "§Orbion§, which acquired §K§ last year, focuses on §T§")
        return [int(rel.group(1))] if _free(v, _after_aside(m[rel.end() : cue])) else []
    f = _FRONTED.match(m, begin)
    x = _SUBJECT.match(m, f.end() if f else begin)
    if x is None:
        # a name right before the verb, after an opening phrase ("In 2017 §it§ developed ...")
        near = _DIRECT.search(m, begin, cue)
        return (
            [int(near.group(1))] if near is not None and _OPENING.fullmatch(m[begin : near.start()]) else []
        )
    companions = _COMPANIONS.match(m, x.end(), cue)
    if companions is not None:
        # "§X§ along with its partners at §A§ and §B§ have received a grant to research §T§"
        between = m[companions.end() : cue]
        return ids_in(x.group()) + ids_in(companions.group(1)) if _free(v, between) else []
    between = _without_aside(m[x.end() : cue])
    if _POSSESSIVE.match(between) or _RELATIVE.search(between):
        return []  # "§X§'s factory will produce"; "§K§ partnered with Orbion, which develops": another's
    return ids_in(x.group()) if _free(v, between) else []


#: A clause reported after its speaker: "§K§ said that", "§K§ says", "§K§ added that" (a name follows).
_REPORTED = re.compile(
    r"\b(?:said|says|added|adds|noted|notes|stated|states|announced|explained|confirmed)\s+(?:that\s+)?(?=§)"
)
#: A phrase set off by two commas right after a clause's subject ("§X§, backed by §K§, develops",
#: "§X§, a spin-out of §U§ founded in 2019, builds"): it describes the subject, whose verb follows.
_ASIDE_AFTER_SUBJECT = re.compile(r"\s*,\s+(?!§|and\b|but\b|or\b)[^,;:()]{1,100}?,\s+(?=[a-z]|$)")
#: The end of a relative clause closed by a comma before the main verb: "..., which acquired §K§ last year, ".
_CLOSED_RELATIVE = re.compile(r"^[^,;:()]{1,100}?,\s+(?=[a-z]|$)")


#: Companions of a subject, who do what it does: "§X§, together with §A§ and §B§,", "§X§ along with its
#: partners at §A§, §B§ and §C§", "§X§, alongside §A§,".
_COMPANIONS = re.compile(
    r",?\s+(?:along\s+with|together\s+with|alongside|jointly\s+with)\s+"
    r"(?:(?:§\d+§|its|their)\s+(?:[a-z]+\s+)?partners?\s+(?:at|from|in)\s+)?"
    r"((?:[Tt]he\s+)?§\d+§(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[Tt]he\s+)?§\d+§)*),?\s+(?=[a-z])"
)


def _without_aside(between: str) -> str:
    """The text between a subject and its verb without an aside the commas close."""
    x = _ASIDE_AFTER_SUBJECT.match(between)
    return between[x.end() :] if x is not None else between


def _after_aside(between: str) -> str:
    """The text between a relative clause's opening and the work word, after the relative clause
    when a comma closes it before the main verb."""
    x = _CLOSED_RELATIVE.match(between)
    return between[x.end() :] if x is not None else between


def _free(v: SentView, between: str) -> bool:
    """Whether the text between a subject and its work word lets the subject be the one at work."""
    blocker = _OTHER_CLAUSE.search(between) or _PURPOSE.search(between)
    if blocker is not None:
        # a recipient's purpose is its own work; a funder's, a partnership's or a round's is not
        # ("§K§ partnered with §O§ to advance research in §T§", "§V§ led $50 million in §O§, ...")
        received = _RECEIVED.search(between)
        rest = _OTHER_CLAUSE.sub(lambda y: "" if _MONEY_WORDS.fullmatch(y.group()) else y.group(), between)
        if received is None or received.start() > blocker.start() or _OTHER_CLAUSE.search(rest):
            return False
    inside = False
    for y in _MENTION.finditer(between):
        before = between[: y.start()]
        inside = _PREP.search(before) is not None or (inside and _JOINED.search(before) is not None)
        if v.type(y.group(1)) in _SOURCES and not inside:
            return False  # another name opens a clause of its own before the work word
    return True


def clause_object_facts(v: SentView, m: str) -> Iterator[Fact]:
    """WORKS_ON from each list of technologies a work word reaches (see the module docstring)."""
    done: set[int] = set()
    for x in _MENTION.finditer(m):
        i = int(x.group(1))
        if i in done or v.type(i) is not E.TECHNOLOGY:
            continue
        cue = _reach(m, x.start())
        if cue is None:
            continue
        listed = _listed(v, m, x.start())
        done.update(listed)
        last = f"§{listed[-1]}§"
        end = m.find(last) + len(last)
        if _COMPOUND.match(m, end) or _THEIR_MAKERS.match(m, end):
            continue  # the technologies qualify a compound ("a maker of §semiconductor§ wafer-processing tools")
            # or makers and deals ("expertise in §T§ investments", "focus on §T§ start-ups")
        for a in dict.fromkeys(v.id(s) for s in _subjects(v, m, cue) if v.type(s) in _SOURCES):
            for b in listed:
                if v.id(b) != a:
                    yield Fact(a, R.WORKS_ON, v.id(b), "clause-object", 0.7)


#: A sentence whose subject is an agreement just made: "The partnership will focus on", "The new
#: collaboration aims to develop", "Under the MOU, ..." is not one (a fronted phrase; its subject follows).
_PACT_SUBJECT = re.compile(
    r"\s*(?:[Tt]he|[Tt]his|[Tt]heir)\s+(?:(?:new|joint|strategic|research|five-year|three-year|multi-year)\s+){0,2}"
    r"(?:partnership|collaboration|agreement|memorandum(?:\s+of\s+understanding)?|MOU|MoU|alliance|cooperation|"
    r"co-operation|joint\s+venture)\b"
)
#: Skills an agreement pools, which the parties bring rather than do together.
_COMPETENCE = re.compile(
    r"(?:expertise|knowledge|skills?|experience|know-how|capabilit(?:y|ies)|competences?|strengths?|talents?)\b"
)
#: Agreements whose parties work together (a round's or a contract's do not).
#: How many sentences back the agreement may have been told.
_PACT_WINDOW = 2


def pact_work_facts(views: Sequence[SentView], drafts: Sequence[AgreementDraft]) -> list[tuple[int, Fact]]:
    """WORKS_ON of an agreement's parties from a sentence that makes the agreement the subject of
    work on a technology ("A and B signed an MOU. The partnership will focus on §T§", "The
    collaboration aims to develop §T§"): the agreement is the latest partnership, MOU or joint
    statement told in that sentence or the two before, of two to six parties; the work word must
    reach the technology with no actor named between the agreement and it."""
    out: list[tuple[int, Fact]] = []
    joint = sorted(
        (d.sentences[0], d.parties)
        for d in drafts
        # (an agreement known only from the reference itself, "The agreement ...", is no told one)
        if d.kind in PARTNERING_KINDS
        and d.sentences
        and 2 <= len(d.parties) <= 6
        and d.rule != "definite-reference"
    )
    if not joint:
        return out
    for k, v in enumerate(views):
        if E.TECHNOLOGY not in v.types:
            continue
        m = v.masked
        x = _PACT_SUBJECT.match(m)
        if x is None:
            continue
        told = [parties for s, parties in joint if k - _PACT_WINDOW <= s <= k]
        if not told:
            continue
        done: set[int] = set()
        for y in _MENTION.finditer(m, x.end()):
            i = int(y.group(1))
            if i in done or v.type(i) is not E.TECHNOLOGY:
                continue
            cue = _reach(m, y.start())
            if (
                cue is None
                or cue < x.end()
                or _MENTION.search(m, x.end(), cue)
                or not _free(v, m[x.end() : cue])
                # "The cooperation will bring together expertise in §T§": skills pooled, no work together
                or _COMPETENCE.match(m, cue)
            ):
                continue
            listed = _listed(v, m, y.start())
            done.update(listed)
            for a in told[-1]:
                for b in listed:
                    out.append((k, Fact(a, R.WORKS_ON, v.id(b), "pact-work", 0.7)))
    return out
