"""The clause reader: one mechanism relating the entities of a clause through its verb.

Phrasing rules read exact word orders; this reader reads clause structure instead, for every
relation type that a verb or a noun states between organisations. In a masked clause it finds
a verb of a known class (``data/words/clause_verbs.txt``: partnering, joining, investing,
developing, leading, competing, with every inflection made here from the lemma), then

- its **subject**: the mention or coordinated list of mentions heading the verb, across
  auxiliaries and adverbs ("A and B have now teamed up with C") and past an aside ("A, which
  was founded in 2020, joined C"); a list after a preposition is nobody's subject;
- its **objects**: the coordinated list right after the verb or after one of the prepositions
  of its class ("invested €5m in B", "partnered with the Lyon start-up B, C and D");
- the **passive** and reduced participles of the classes of ``clause_passive.txt``: "X is led
  by Y", "X, backed by Y and Z,", "the Y-led X";
- **nouns** of ``clause_nouns.txt``: "a partnership between X and Y", "X's collaboration with Y";
- a **subject list with no object** of a partnering verb: "A, B and C are partnering to ...".

The ontology's signatures and each class's own types decide which pairs may relate: a company
joining a consortium is part of it, a person "joining" a company is not; a company leads a
programme or a consortium, not another company (that is a round it led). The reader runs after
every phrasing rule and adds a fact only for a pair none of them related, at a confidence
below theirs (rule names ``clause.*``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from qkg.schemas import EntityType, RelationType

from ..context import ENT, GROUPS, LIST, ORGS, PLACES, Fact, SentView, ids_in
from ..deadline import check
from . import fastre as re
from .leadership import possessed_person
from .words import alternation, leading_letters, may_hold, word_list, word_table

__all__ = ["CONFIDENCE", "clause_facts", "inflections"]

E = EntityType
R = RelationType

#: Below every phrasing rule's confidence (0.6 to 0.9), above the cue-word fallback's 0.5.
CONFIDENCE = 0.55

#: What each class relates: (subject types, object types), beyond the ontology's signatures.
_ACTING = frozenset(ORGS | PLACES)
_CLASS_TYPES: dict[RelationType, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    R.PARTNERS_WITH: (_ACTING, _ACTING),
    # a company joining a company was bought or hired someone: members join groups
    R.PART_OF: (frozenset(ORGS), GROUPS),
    # a fund is often a programme ("the Discovery Fund")
    R.INVESTS_IN: (_ACTING | {E.PERSON, E.PROGRAM}, frozenset(ORGS | {E.PROGRAM}) - {E.GOVERNMENT_BODY}),
    # what is built or launched: a programme, a hub, a centre (a technology is the works-on rules')
    R.DEVELOPS: (_ACTING | {E.PERSON}, frozenset({E.PROGRAM, E.CLUSTER, E.RESEARCH_INSTITUTE})),
    # a company leading a company led its round: programmes, consortia and projects are led
    R.LEADS: (_ACTING | {E.PERSON}, GROUPS),
    R.COMPETES_WITH: (frozenset(ORGS), frozenset(ORGS)),
}
#: Lists that a preposition or a possessive opens are no subject.
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:of|with|by|from|to|for|at|in|into|on|between|among|than|like|as|including|include|includes|"
    r"via|through|under|against|versus|alongside|and|or|such)|'s?|§)\s*$",
    re.I,
)
#: Words that may stand between a subject and its verb: auxiliaries, modals, adverbs, a
#: reporting frame ("said on Tuesday it", "announced today that").
_GAP = rf"(?:(?:{alternation('clause_gap_words')})\s+){{0,6}}"
_SUBJECT = re.compile(rf"({LIST})(,?\s+{_GAP}|\s+)$", re.I)
#: Asides between a subject and its verb: "A, which was founded in 2020," / "A (Paris)".
_ASIDE = re.compile(
    r",\s+(?:which|who|whose|that|founded|established|created|based|headquartered)\b[^,;]*,|\s*\([^()]*\)"
)
#: Modifiers between a verb (or its preposition) and its first object: "the", "US chipmaker",
#: "fellow French start-up", a place or technology mention; never a function word or a verb.
_FILLER_WORD = (
    r"(?!(?:and|or|with|to|by|at|in|on|of|from|for|as|is|was|are|were|has|have|will|who|that|which|said|says|"
    r"under|among|between|after|before|during|via|like|including|than|over|into|through|its\s+own)\b)"
    r"(?:[\w.-]+|§\d+§(?:-[\w-]+)?)"
)
_FILLER = rf"(?:{_FILLER_WORD}\s+){{0,4}}?"
#: Where a clause ends for the objects of its verb: a relative clause, examples, another verb.
_OBJECTS_END = re.compile(
    r",?\s+(?:which|who|whose|where|while|whereas|but)\b|\b(?:such\s+as|including|said|says|according)\b|[;:()]"
)
#: After a made or led object: a noun it modifies ("the §X§ call"), or the agent who made it ("by §Y§").
_MODIFIER_OF = re.compile(
    r"\s+(?:by\b|(?!(?:and|or|to|in|on|at|for|with|from|of|as|last|this|next|since|after|before|during|which|"
    r"that|who|where|while|when|is|are|was|were|has|have|had|will|would|its|their|a|an|the|together|jointly|"
    r"consortium|alliance|programme|program|project|network|hub|initiative|centre|center|institute|lab)\b)[a-z][\w-]*)"
)
#: A round after a verb of leading: "led the $5m Series A round in §B§", "co-led §B§'s seed round".
_LED_ROUND = re.compile(
    rf"\s+(?:(?:the|a|an|its|their)\s+)?(?:[^§,;]{{0,30}}?\s)??(?:round|series\s+[a-e]|financing|funding|investment)"
    rf"\s+(?:in|of|for|into)\s+(?:the\s+)?{_FILLER}({LIST})"
)
#: Verbs of founding: organisations that found or form a group are its (founding) members.
_FOUNDING = frozenset({"found", "co-found", "form", "establish"})


def _founders(v: SentView, verb: _Verb, s: int, t: int) -> Iterator[tuple[int, RelationType, int, str]]:
    if verb.lemma in _FOUNDING and v.type(t) is E.CLUSTER and v.type(s) in ORGS:
        yield s, R.PART_OF, t, "clause.founding-member"


#: Verbs whose subject an infinitive takes from the verb before it ("A partnered with B to launch C").
_CONTROLLED = frozenset({R.DEVELOPS, R.LEADS, R.INVESTS_IN})
_INFINITIVE = re.compile(r"\bto\s+(?:(?:jointly|further|help|together)\s+)?$")
#: A finite verb right after a list: its last item is the subject of a new clause.
_NEW_CLAUSE = re.compile(
    r"\s+(?:has|have|had|is|are|was|were|will|would|said|says|[a-z]+ed\s+(?:a|an|the|its|their|new|§))\b"
    # "... and C raised $5 million": money after a past verb
    r"|\s+[a-z]+ed\s+(?:[$€£¥₩]|US\$|\d)"
)
#: Sentences that say what did not happen, or might.
#: (case-sensitive: "May" is a month)
_HEDGED = re.compile(
    r"\b(?:[Nn]ot|[Nn]ever|[Nn]o\s+longer|[Cc]ould|may|[Mm]ight|[Ww]ould|[Ii]f|[Ww]hether|[Uu]nless|plans?\s+to|"
    r"hopes?\s+to|aims?\s+to|talks|considering|rumou?red|reportedly|denied|left|quit|withdr[ae]w\w*|exit\w*|"
    r"end(?:s|ed)?\s+its)\b"
)
#: A contract, a licence or a prize is no investment; a customer is no partner.
_NOT_INVESTMENT = re.compile(
    r"\b(?:contracts?|licen[cs]es?|prizes?|awards?|orders?|tenders?|patents?|permits?|permission|approval|rights|"
    r"status|visas?|access|advice|certificat\w*|accreditation|designation|title|medals?)\b",
    re.I,
)
_CLAUSE = re.compile(r";|\s[–—]\s|,\s+(?:while|whereas|but)\s|\.\s")


@dataclass(frozen=True, slots=True)
class _Verb:
    lemma: str
    type: RelationType
    #: "" for a direct object, else the prepositions that introduce the objects
    preps: tuple[str, ...]


def _third(w: str) -> str:
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def _past(w: str) -> set[str]:
    if w.endswith("e"):
        return {w + "d"}
    if len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        return {w[:-1] + "ied"}
    return {w + "ed", w + w[-1] + "ed"} if _doubles(w) else {w + "ed"}


_VOWELS = re.compile(r"[aeiou]+")


def _doubles(w: str) -> bool:
    """Whether a final consonant doubles before -ed and -ing: one syllable ending in one vowel and
    one consonant ("plan", "ship"); longer words are left alone ("partnered", "developed")."""
    return (
        len(w) > 2
        and w[-1] not in "aeiouwxy"
        and w[-2] in "aeiou"
        and w[-3] not in "aeiou"
        and len(_VOWELS.findall(w)) == 1
    )


def _gerund(w: str) -> set[str]:
    if w.endswith("e") and not w.endswith("ee"):
        return {w[:-1] + "ing"}
    return {w + "ing", w + w[-1] + "ing"} if _doubles(w) else {w + "ing"}


def inflections(lemma: str) -> frozenset[str]:
    """Every form of a verb lemma, a multi-word lemma inflecting its first word.

    >>> sorted(inflections("team up"))
    ['team up', 'teamed up', 'teaming up', 'teams up']
    >>> sorted(inflections("partner"))
    ['partner', 'partnered', 'partnering', 'partners']
    >>> sorted(inflections("lead"))
    ['lead', 'leading', 'leads', 'led']
    """
    head, _, rest = lemma.partition(" ")
    irregular = word_table("clause_irregular")
    forms = (
        {head, *irregular[head].split()}
        if head in irregular
        else {head, _third(head), *_past(head), *_gerund(head)}
    )
    return frozenset(f"{f} {rest}".strip() for f in forms)


def _participles(lemma: str) -> frozenset[str]:
    """The past participles of a lemma (its forms in -ed, or the irregular ones that are no other form)."""
    head, _, rest = lemma.partition(" ")
    irregular = word_table("clause_irregular")
    if head in irregular:
        forms = {f for f in irregular[head].split() if not f.endswith(("s", "ing")) and f != head}
        forms = forms or {head}
    else:
        forms = _past(head)
    return frozenset(f"{f} {rest}".strip() for f in forms)


#: Adverbs that may stand inside a multi-word verb form ("is now part of", "has formally joined").
_INNER_ADVERB = r"(?:\s+(?:now|also|already|still|officially|formally|recently|jointly|newly))?"
_ADVERB_WORDS = frozenset(
    {"now", "also", "already", "still", "officially", "formally", "recently", "jointly", "newly"}
)


def _verb_alt(forms: set[str]) -> str:
    """An alternation of verb forms, longest first, an adverb allowed after a form's first word."""
    out = []
    for form in sorted(forms, key=lambda w: (-len(w), w)):
        first, _, rest = form.partition(" ")
        out.append(
            re.escape(first)
            + (_INNER_ADVERB + r"\s+" + r"\s+".join(map(re.escape, rest.split())) if rest else "")
        )
    return "|".join(out)


def _form(text: str) -> str:
    """The verb form a match of the verb pattern spells (without its inner adverb)."""
    words = text.split()
    return " ".join(w for i, w in enumerate(words) if not (i == 1 and len(words) > 2 and w in _ADVERB_WORDS))


def _alt(words: set[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, _Verb]  # every form -> its verb
    verb_rx: re.Pattern[str]
    #: the longest word of each form -> how many words come before it in the forms it keys
    keys: dict[str, tuple[int, ...]]
    passive: dict[str, _Verb]  # every participle -> its verb
    passive_rx: re.Pattern[str]
    compound_rx: re.Pattern[str]
    nouns: dict[str, RelationType]
    between_rx: re.Pattern[str]
    with_rx: re.Pattern[str]
    noun_rx: re.Pattern[str]
    gate_words: frozenset[str] | None


def _keys(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    out: dict[str, set[int]] = {}
    for form in forms:
        words = form.split()
        key = max(words, key=len)
        out.setdefault(key, set()).add(words.index(key))
    return {k: tuple(sorted(v)) for k, v in out.items()}


@cache
def _lexicon() -> _Lexicon:
    verbs: dict[str, _Verb] = {}
    lemmas: dict[str, _Verb] = {}
    for lemma, value in word_table("clause_verbs").items():
        rtype, *preps = value.split()
        verb = lemmas[lemma] = _Verb(lemma, RelationType[rtype], tuple(preps))
        for form in inflections(lemma):
            verbs.setdefault(form, verb)
    passive: dict[str, _Verb] = {}
    for lemma in word_list("clause_passive"):
        verb = lemmas[lemma]
        for form in _participles(lemma):
            passive.setdefault(form, verb)
    nouns: dict[str, RelationType] = {}
    for noun, rtype in word_table("clause_nouns").items():
        plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
        nouns[noun] = nouns[plural] = RelationType[rtype]
    # an adverb may stand inside a multi-word form: "is now part of", "teamed up", "has formally joined"
    verb_rx = re.compile(rf"(?<![\w-])(?:{_verb_alt(set(verbs))})(?![\w-])")
    passive_rx = re.compile(
        rf"(?<![\w-])({_alt(set(passive))})(?:\s+(?:in|since)\s+\d{{4}}|\s+(?:jointly|originally|initially|mainly|also))?"
        rf"\s+by\s+(?:the\s+)?{_FILLER}({LIST})"
    )
    compound = {f.partition(" ")[0] for f in passive if " " not in f}
    compound_rx = re.compile(rf"§(\d+)§-({_alt(compound)})\s+{_FILLER}§(\d+)§")
    between_rx = re.compile(
        rf"(?<![\w-])({_alt(set(nouns))})\s+(?:between|among|amongst)\s+(?:the\s+)?{_FILLER}({LIST})"
    )
    with_rx = re.compile(
        rf"§(\d+)§'s?\s+(?:(?:new|latest|first|existing|long-?standing|strategic|joint)\s+)*({_alt(set(nouns))})"
        rf"\s+(?:with|against)\s+(?:the\s+)?{_FILLER}({LIST})"
    )
    # "A has struck up a strategic partnership with B": the noun's subject is the clause's
    noun_rx = re.compile(
        rf"(?:(?:a|an|the|its|their)\s+)?(?:(?:new|first|further|long-?term|multi-?year|strategic|joint|research|"
        rf"formal)\s+)*({_alt(set(nouns))})\s+(?:with|against)\s+(?:the\s+)?{_FILLER}({LIST})"
    )
    words = {w for form in [*verbs, *nouns, *_FROM_NOUNS] for w in form.split()[:1]}
    return _Lexicon(
        verbs,
        verb_rx,
        _keys(verbs),
        passive,
        passive_rx,
        compound_rx,
        nouns,
        between_rx,
        with_rx,
        noun_rx,
        leading_letters(words),
    )


def _actors(v: SentView, m: re.Match[str], group: int, last: bool = False) -> list[int]:
    """The mentions of the coordinated list in group ``group`` of ``m``: a subject is its last
    run (see :func:`_runs`), objects its first."""
    runs = _runs(v, m, group)
    return runs[-1] if last else runs[0]


def _runs(v: SentView, m: re.Match[str], group: int) -> list[list[int]]:
    """The runs of mentions of a coordinated list: a list closes at its item after "and", so
    "A and B, C said" holds two runs. A place written after an organisation is its site ("the
    government of §Binhu§, §Wuxi§"), and "§Lyon§-based" is no item."""
    listed = m.string[m.start(group) : m.end(group) + 1]
    runs: list[list[int]] = [[]]
    closed, prev = False, 0
    for x in _ITEM.finditer(listed):
        joined = re.search(r"\b(?:and|&)\s", listed[prev : x.start()] + " ") is not None
        bare = listed[prev : x.start()].strip() == ","
        if closed and not joined:
            runs.append([])  # "A and B, C": the list closed at B
            closed = False
        closed = closed or joined
        prev = x.end()
        i = int(x.group(1))
        if listed.startswith("-", x.end()):
            continue
        if bare and runs[-1] and v.type(runs[-1][-1]) in ORGS and v.type(i) in PLACES:
            continue  # "§Orbion§, §Lyon§": the site of the organisation before it
        if v.type(i) in PLACES and _NAME_BEFORE.search(m.string, 0, m.start(group) + x.start()):
            continue  # "Quantum Industry §Canada§": the end of a name nobody found
        runs[-1].append(i)
    return runs


_ITEM = re.compile(ENT)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w-]*\s+$")


def _fits(v: SentView, rtype: RelationType, source: int, target: int) -> bool:
    subj, obj = _CLASS_TYPES[rtype]
    a, b = v.type(source), v.type(target)
    if rtype in (R.PARTNERS_WITH, R.COMPETES_WITH):
        return v.id(source) != v.id(target) and {a, b} <= subj | obj
    return v.id(source) != v.id(target) and a in subj and b in obj


def _subject(v: SentView, before: str) -> list[int]:
    """The mentions heading a verb whose clause text before it is ``before``."""
    before = _ASIDE.sub("", before[-400:])  # a subject is near its verb (and a long search costs)
    m = _SUBJECT.search(before)
    if m is not None:
        return _heading(v, m, before)
    # a relative pronoun stands for the list right before it, whatever opens that list
    r = _RELATIVE_SUBJECT.search(before)
    return _actors(v, r, 1, last=True) if r is not None else []


#: A relative clause's verb has its antecedent for subject: "A, which joined G in 2021, ...",
#: "A and B, who have since teamed up with C".
_RELATIVE_SUBJECT = re.compile(rf"({LIST}),?\s+(?:which|who|having)\s+{_GAP}$", re.I)
#: An object relative: "the G, which A joined in 2021," (the antecedent is the verb's object).
_RELATIVE_OBJECT = re.compile(
    rf"{ENT},?\s+(?:(of|in|to|into|within|under|with)\s+)?(?:which|that)\s+(?:the\s+)?$"
)


def _heading(v: SentView, m: re.Match[str], before: str) -> list[int]:
    """The last list of group 1 of ``m`` (a match ending ``before``), unless a preposition opens it."""
    ids = _actors(v, m, 1, last=True)
    first = ids_in(m.group(1))[:1]
    if ids and ids[:1] == first and _OBJECT_BEFORE.search(before, 0, m.start()):
        return []
    return ids


@cache
def _objects_rx(preps: tuple[str, ...]) -> re.Pattern[str]:
    ways = []
    if "-" in preps:
        # "§EU§-funded §P§": a name written as a modifier is no object
        ways.append(rf"\s+(?:the\s+|a\s+|an\s+)?{_FILLER}({LIST})(?!-)")
    if [p for p in preps if p != "-"]:
        # "invested €5 million in B", "partnered closely with B": a short stretch without mentions before it
        words = "|".join(p for p in preps if p != "-")
        ways.append(rf"\s+(?:[^§,;]{{0,40}}?\s)??(?:{words})\s+(?:the\s+)?{_FILLER}({LIST})(?!-)")
    return re.compile("|".join(f"(?:{w})" for w in ways))


#: A relative clause the verb stands in: ", which has invested in ...", ", who invests in ...".
_IN_RELATIVE = re.compile(r",\s+(?:which|who|that)\s+[^§,;]*$")
#: What announces a list plainly (a colon, "including", "namely", "such as", a count: "two
#: start-ups, §A§ and §B§"), unlike a bare comma after "several companies".
_ANNOUNCING = re.compile(
    r":|\b(?:including|namely|such\s+as|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
)
#: Numbers and determiners that open a plural kind noun announcing its list.
_COUNT = r"(?:the|its|their|his|her|a|an|several|two|three|four|five|six|seven|eight|nine|ten|\d+)"


@cache
def _announced_rx(preps: tuple[str, ...]) -> re.Pattern[str]:
    """Objects named after a plural kind noun that announces them: "set up three new research hubs:
    §A§, §B§ and §C§", "invested in two start-ups, §A§ and §B§", "partnered with universities
    including §A§ and §B§". The noun phrase is lower-case words only (no mention, no clause break)."""
    words = "|".join(p for p in preps if p != "-")
    lead = [r"\s+"] if "-" in preps else []
    if words:
        lead.append(rf"\s+(?:[^§,;:]{{0,40}}?\s)??(?:{words})\s+")
    return re.compile(
        rf"(?:{'|'.join(lead)})(?:{_COUNT}\s+)?(?:{_FILLER_WORD}\s+){{0,3}}?(?:{alternation('clause_kind_nouns')})\b"
        rf"(?:\s*:|,?\s+(?:including|namely|such\s+as)|,)\s+(?:the\s+)?({LIST})"
    )


def _fillers_ok(v: SentView, text: str) -> bool:
    """Mentions in a modifier stretch may only be places or technologies ("the §US§ chipmaker")."""
    return all(v.type(i) in PLACES or v.type(i) is E.TECHNOLOGY for i in ids_in(text))


_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]*")


def _verbs_in(lex: _Lexicon, low: str) -> Iterator[re.Match[str]]:
    """The verb forms of ``low``, left to right. Each form is keyed by its longest word ("part" of
    "was part of": "was" is everywhere), and the pattern is tried only where a key occurs, at the
    words before it that the form needs (the alternation tried at every position cost 5x more)."""
    end = 0
    for w in _WORD.finditer(low):
        found = None
        # the longer form first: "is funded under" before "funded"
        for back in reversed(lex.keys.get(w.group(), ())):
            # a form's words before its key, and one more for an adverb inside it
            for n in (back, back + 1) if back else (0,):
                x = _BACK[n].search(low, 0, w.start()) if n else None
                start = x.start() if x is not None else w.start()
                if (n and x is None) or start < end:
                    continue
                found = lex.verb_rx.match(low, start)
                if found is not None:
                    break
            if found is not None:
                end = found.end()
                yield found
                break


#: The start of the n words before a position.
_BACK = {n: re.compile(rf"(?<![\w-])(?:[a-z][a-z-]*\s+){{{n}}}$") for n in range(1, 5)}


def _active(v: SentView, clause: str, low: str) -> Iterator[tuple[int, RelationType, int, str]]:
    lex = _lexicon()
    governing: list[int] = []  # the subject of the clause's last verb of a class
    for x in _verbs_in(lex, low):
        verb = lex.verbs.get(_form(x.group(0)))
        if verb is None:
            continue
        # a participle with "by" is passive, read below; "-led" is a compound
        after = clause[x.end() :]
        if re.match(r"\s+by\b", after) or clause[max(0, x.start() - 1) : x.start()] == "-":
            continue
        subjects = [i for i in _subject(v, clause[: x.start()]) if v.type(i) is not E.TECHNOLOGY]
        if subjects:
            governing = subjects
        elif governing and verb.type in _CONTROLLED and _INFINITIVE.search(clause, 0, x.start()):
            # "A will collaborate with B to set up C": the infinitive's subject is the verb's before it
            subjects = governing
        elif _COORDINATED.search(clause, 0, x.start()) and (
            heads := governing or _opening_subject(v, clause, x.start())
        ):
            # "A was founded in 2019 and joined G in 2021", "A and B will establish and operate G":
            # a verb phrase coordinated after the first takes the clause's subject
            subjects = heads
        else:
            continue
        tail = _OBJECTS_END.split(after, maxsplit=1)[0]
        o = _objects_rx(verb.preps).match(tail)
        g = (o.lastindex or 1) if o is not None else 1
        if o is not None and not _fillers_ok(v, tail[: o.start(g)]):
            o = None
        if o is None and (o := _announced_rx(verb.preps).match(after)) is not None:
            if _IN_RELATIVE.search(clause, 0, x.start()) and not _ANNOUNCING.search(after, 0, o.start(1)):
                # "led by §A§, which has invested in several companies, §B§ and §C§": the relative
                # clause ends at its comma; the names after it go on the outer list
                o = None
            else:
                tail, g = after, 1  # the list runs past the colon or "including" that ends a plain object
        objects = _actors(v, o, g) if o is not None else []
        if len(objects) > 1 and _NEW_CLAUSE.match(tail, o.end(g)):  # type: ignore[union-attr]
            objects = objects[:-1]  # "A invested in B and C announced ...": C heads a new clause
        # what is granted or awarded may follow its recipient: "granted B a patent"
        if verb.type is R.INVESTS_IN and _NOT_INVESTMENT.search(tail):
            continue
        if objects and verb.type in (R.DEVELOPS, R.LEADS) and _MODIFIER_OF.match(tail, o.end(g)):  # type: ignore[union-attr]
            objects = []  # "announced the §X§ call for proposals", "presented the §X§ by §Y§": not X made
        if not objects and (ante := _relative_object(clause, verb, x.start())) is not None:
            objects = [ante]  # "the G, which A joined in 2021": A joined G
        rtype = verb.type
        if rtype is R.LEADS and not objects and (r := _LED_ROUND.match(tail)) is not None:
            # "A led the $5m round in B": a round's leader invests
            rtype, objects = R.INVESTS_IN, _actors(v, r, 1)
        if objects:
            for s in subjects:
                for t in objects:
                    yield s, rtype, t, "clause.verb"
                    yield from _founders(v, verb, s, t)
        elif verb.type is R.PARTNERS_WITH and len(subjects) > 1 and not re.match(r"\s+with\b", after):
            # "A, B and C are partnering to build ...": the subjects partner one another
            for s, t in combinations(subjects, 2):
                yield s, verb.type, t, "clause.joint-subject"


#: A verb phrase coordinated after another: "and" (a comma before it, auxiliaries and adverbs after it).
_COORDINATED = re.compile(
    r"\S\s*,?\s+and\s+(?:(?:has|have|had|is|are|was|were|will|also|later|then|since|now|recently|subsequently|"
    r"jointly|officially|formally)\s+)*$"
)
#: The list opening a clause before its first verb: "(In 2019,) the §A§ and §B§ were founded ...".
_OPENING = re.compile(
    rf"^\s*(?:[A-Z][\w ]{{0,30}},\s+)?(?:[Tt]he\s+)?({LIST})\s+(?:[a-z]+\s+){{0,3}}?[a-z]+(?:ed|s)\b"
)


def _opening_subject(v: SentView, clause: str, verb_at: int) -> list[int]:
    """The organisations opening a clause as the subject of its first verb, unless a clause of
    its own opens before the verb at ``verb_at`` ("A announced that the ministry had ... and
    launched G": the ministry's)."""
    m = _OPENING.match(clause)
    if m is None or _SUBORDINATE.search(clause, m.end(1), verb_at):
        return []
    return [i for i in _actors(v, m, 1) if v.type(i) in ORGS]


_SUBORDINATE = re.compile(
    r"\b(?:that|said|says|announced|announces|stated|noted|reported|confirmed|told|while|when|after|before|because|"
    r"since|as|if|who|which|whose|where)\b"
)


def _relative_object(clause: str, verb: _Verb, verb_at: int) -> int | None:
    """The antecedent of an object relative whose subject (one list) heads the verb at ``verb_at``:
    "the G, which A joined", or with the verb's preposition before the pronoun ("the G, in which A
    participates", "the G, with which A partnered")."""
    head = _SUBJECT.search(clause, 0, verb_at)
    if head is None:
        return None
    r = _RELATIVE_OBJECT.search(clause, 0, head.start())
    if r is None or (r.group(2) or "-") not in verb.preps:
        return None
    return int(r.group(1))


def _passive(v: SentView, clause: str, low: str) -> Iterator[tuple[int, RelationType, int, str]]:
    lex = _lexicon()
    previous: list[int] = []  # the head of the passive before: "X is run by A and funded by B"
    for x in lex.passive_rx.finditer(low) if " by " in low else ():
        verb = lex.passive.get(" ".join(x.group(1).split()))
        if verb is None or not _fillers_ok(v, clause[x.end(1) : x.start(2)]):
            continue
        agents = _actors(v, x, 2)
        if verb.type is R.LEADS:
            # "led by §o§'s §p§": the person leads; the possessive makes them the organisation's
            agents = [possessed_person(v, clause, a, x.start(2)) for a in agents]
        before = _ASIDE.sub("", clause[: x.start()])
        # "X is led by Y", "X, backed by Y", "X, which is funded by Y"
        m = re.search(
            rf"({LIST})(?:,?\s+(?:which|that)\s+|,\s*|\s+)?(?:(?:is|are|was|were|has|have|had|been|will|be|being|"
            rf"now|also|jointly|newly|to)\s+){{0,4}}$",
            before,
        )
        if m is None and verb.type is R.INVESTS_IN and _ROUND_BEFORE.search(before):
            # "it raised $5m in a round led by A, backed by B": the round's is the raiser's
            for s in agents:
                for t in _raisers(v, before):
                    yield s, verb.type, t, "clause.passive-round"
            continue
        if m is None and not ids_in(before) and len(before.split()) <= 3:
            # "Founded in 2017 by A, B and C, the X Alliance is ...": the head follows the agents
            runs = _runs(v, x, 2)
            if len(runs) > 1 and runs[1]:
                for s in agents:
                    yield s, verb.type, runs[1][0], "clause.fronted-participle"
                    yield from _founders(v, verb, s, runs[1][0])
            continue
        if previous and _AND_AFTER_AGENT.search(before):
            heads = previous
        elif m is not None:
            heads = _heading(v, m, before)
        else:
            continue
        previous = heads
        for t in heads:
            for s in agents:
                yield s, verb.type, t, "clause.passive"
                yield from _founders(v, verb, s, t)


_AND_AFTER_AGENT = re.compile(rf"\bby\s+(?:the\s+)?{LIST},?\s+and\s+(?:(?:is|are|was|were|also)\s+)*$")
#: A funding round right before a participle: "a round (that was) led by", "a Series A, backed by".
_ROUND_BEFORE = re.compile(
    r"\b(?:round|funding|financing|investment|series\s+[a-e]|seed)\b[^§;]{0,60}?(?:,\s*|\s+)$", re.I
)
#: A raiser: the subject of a verb of raising or receiving money.
_RAISE = re.compile(
    r"\b(?:raised|raises|raising|secured|secures|closed|closes|received|receives|attracted|attracts|"
    r"completed|completes|landed|lands|won|wins|gets|got|obtained|obtains)\b"
)
#: Nouns of money that name who gives it after "from": "with the investments from A and B".
_FROM_NOUNS = ("investment", "investments", "funding", "backing", "financing", "grants", "grant")
_FROM = re.compile(rf"\b(?:{'|'.join(_FROM_NOUNS)})\s+from\s+(?:the\s+)?{_FILLER}({LIST})")


def _raisers(v: SentView, text: str) -> list[int]:
    """The subject heading the first verb of raising in ``text`` (an organisation)."""
    x = _RAISE.search(text)
    if x is None:
        return []
    return [i for i in _subject(v, text[: x.start()]) if v.type(i) in ORGS]


def _funds_from(v: SentView, clause: str) -> Iterator[tuple[int, RelationType, int, str]]:
    """ "With the investments from A and B, X said its total funds raised ...": the one
    organisation outside the list that raised or received the money."""
    for x in _FROM.finditer(clause):
        funders = _actors(v, x, 1)
        if not _RAISE.search(clause, x.end(1)) and not _RAISE.search(clause, 0, x.start()):
            continue
        others = {
            v.id(i): i
            for i in ids_in(clause)
            if v.type(i) in ORGS and v.id(i) not in {v.id(f) for f in funders}
        }
        if len(others) != 1:
            continue
        (t,) = others.values()
        for s in funders:
            yield s, R.INVESTS_IN, t, "clause.funds-from"


def _compound(v: SentView, clause: str) -> Iterator[tuple[int, RelationType, int, str]]:
    lex = _lexicon()
    if "§-" not in clause:
        return
    for x in lex.compound_rx.finditer(clause):
        verb = lex.passive.get(x.group(2).lower())
        if verb is not None and _fillers_ok(v, clause[x.end(2) : x.end()].rsplit("§", 2)[0]):
            yield int(x.group(1)), verb.type, int(x.group(3)), "clause.compound"


def _nominal(v: SentView, clause: str, low: str) -> Iterator[tuple[int, RelationType, int, str]]:
    lex = _lexicon()
    for x in lex.between_rx.finditer(low) if "betwee" in low or "among" in low else ():
        rtype = lex.nouns[" ".join(x.group(1).split())]
        for s, t in combinations(_actors(v, x, 2), 2):
            yield s, rtype, t, "clause.noun-between"
    owned = set()
    with_ = " with " in low or " against " in low
    for x in lex.with_rx.finditer(low) if with_ and "§'" in low else ():
        rtype = lex.nouns[" ".join(x.group(2).split())]
        owned.add(x.start(2))
        for t in _actors(v, x, 3):
            yield int(x.group(1)), rtype, t, "clause.noun-with"
    for x in _IN_NOUN_WITH.finditer(low) if with_ else ():
        # "organised by A, in partnership with B", "A, in collaboration with B, launched"
        owned.add(x.start(1))
        before = clause[: x.start()]
        by = _BY_BEFORE.search(before)
        heads = _actors(v, by, 1, last=True) if by else []
        if not heads:
            m = _LIST_BEFORE.search(before)
            # only a list opening the clause: "A, in partnership with B, launched ..."
            heads = _heading(v, m, before) if m and before[: m.start()].strip().lower() in ("", "the") else []
        partners = _actors(v, x, 2)
        said = _SAID_AFTER.search(clause, x.start(2))
        if not heads and said is not None and v.type(said.group(1)) in ORGS:
            # "The chip was developed in collaboration with B, A said": the speaker's partner
            heads = [int(said.group(1))]
            partners = [t for t in partners if t != heads[0]]
        for s in heads:
            for t in partners:
                yield s, R.PARTNERS_WITH, t, "clause.in-partnership"
    for x in _MADE_OF.finditer(low) if " of " in low else ():
        # "A announced the creation of B", "A's launch of B"; "the launch of B by C" is C's
        if re.match(r"\s+by\b", low[x.end() :]) or _REACTION.search(clause, 0, x.start()):
            continue
        own = _POSSESSOR.search(clause[: x.start()])
        heads = [int(own.group(1))] if own else _subject_of_phrase(v, clause[: x.start()])
        for s in heads:
            for t in _actors(v, x, 1):
                yield s, R.DEVELOPS, t, "clause.noun-of"
    for x in lex.noun_rx.finditer(low) if with_ else ():
        if x.start(1) in owned:
            continue
        rtype = lex.nouns[" ".join(x.group(1).split())]
        for s in _subject_of_phrase(v, clause[: x.start()]):
            for t in _actors(v, x, 2):
                yield s, rtype, t, "clause.noun-with"


_IN_NOUN_WITH = re.compile(
    rf"\bin\s+(?:close\s+|strategic\s+)?(partnership|collaboration|cooperation|co-operation|association)\s+with\s+"
    rf"(?:the\s+)?{_FILLER}({LIST})"
)
#: The organisation reporting a clause, after it: ", §A§ said", ", §A§ announced on Monday".
_SAID_AFTER = re.compile(
    r",\s+(?:the\s+)?§(\d+)§\s+(?:said|says|announced|announces|added|adds|stated|states|explained|noted|confirmed)\b"
)
_BY_BEFORE = re.compile(rf"\bby\s+(?:the\s+)?({LIST}),?\s*$")
_LIST_BEFORE = re.compile(rf"({LIST}),?\s*$")
#: Nouns of making: "the creation of its new institute §B§", "the launch of §B§".
_MADE_OF = re.compile(
    rf"\b(?:creation|launch|establishment|formation|founding|opening|inauguration|unveiling|set-?up)\s+of\s+"
    rf"(?:the\s+|its\s+|their\s+|a\s+)?{_FILLER}({LIST})"
)
#: Who welcomes, attends or praises a launch made nothing.
_REACTION = re.compile(
    r"\b(?:welcom\w*|prais\w*|attend\w*|celebrat\w*|applaud\w*|hail\w*|congratulat\w*|comment\w*|react\w*|"
    r"witness\w*|mark\w*|report\w*)\b",
    re.I,
)
_POSSESSOR = re.compile(r"§(\d+)§'s?\s+(?:(?:new|recent|planned|official)\s+)?$")
#: A subject and the verb phrase before a noun: "§A§ has struck up", "§A§ announced".
_PHRASE_SUBJECT = re.compile(rf"({LIST})\s+((?:[a-z][\w-]*\s+){{1,5}})$")


def _subject_of_phrase(v: SentView, before: str) -> list[int]:
    before = _ASIDE.sub("", before)
    m = _PHRASE_SUBJECT.search(before)
    if m is None:
        return []
    # the words between are a verb phrase: none of them a preposition that would make the noun another's
    if re.search(
        r"\b(?:of|for|in|at|by|from|with|on|under|after|through|via|and|or|than|like)\b", m.group(2)
    ):
        return []
    return _heading(v, m, before)


def _clauses(masked: str) -> Iterator[str]:
    start = 0
    for x in _CLAUSE.finditer(masked):
        yield masked[start : x.start()]
        start = x.end()
    yield masked[start:]


def clause_facts(
    views: list[SentView], related: Set[frozenset[str]], types: dict[str, EntityType]
) -> list[tuple[int, Fact]]:
    """Facts, keyed by sentence, that the clauses state for pairs no phrasing rule related."""
    lex = _lexicon()
    out: list[tuple[int, Fact]] = []
    mine: set[tuple[str, str, RelationType]] = set()
    for k, v in enumerate(views):
        check()  # the document's time limit, once per sentence
        m = v.masked
        if m.count("§") < 4 or not may_hold(m, lex.gate_words):
            continue
        for clause in _clauses(m):
            if clause.count("§") < 4 or _HEDGED.search(clause):
                continue
            low = clause.lower()
            if len(low) != len(clause):
                continue  # a character whose lower case is longer: positions would shift
            found = [
                *_active(v, clause, low),
                *_passive(v, clause, low),
                *_compound(v, clause),
                *_nominal(v, clause, low),
            ]
            if "from" in low:
                found += _funds_from(v, clause)
            for s, rtype, t, rule in found:
                if not _fits(v, rtype, s, t):
                    continue
                a, b = v.id(s), v.id(t)
                # a pair a phrasing rule related is theirs; the reader may state two types of one pair
                if frozenset((a, b)) in related or (a, b, rtype) in mine or a not in types or b not in types:
                    continue
                mine.add((a, b, rtype))
                out.append((k, Fact(a, rtype, b, rule, CONFIDENCE)))
    return out
