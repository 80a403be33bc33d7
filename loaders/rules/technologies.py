"""Technologies and what actors build: technology phrases as mentions, WORKS_ON and DEVELOPS.

Mentions: a technology is a noun phrase whose head is a technology noun ("computing",
"sensors", "key distribution", "qubits") and which holds a quantum word ("trapped-ion quantum
computers", "quantum imaging and timing", "hybrid HPC-quantum computing") or names a way of
building quantum devices (``data/words/technology_modalities.txt``: "trapped-ion computing",
"superconducting processors", "error correction"). Its name is the
phrase in lower case with the head in its canonical form ("quantum computers" -> "quantum
computing"), or the gazetteer's entry when one has that name; the words as written stay an
alias. Capitalised words other than the sentence's first end a phrase, so a company such as
"Quantum Computing Inc" is never read as a technology.
Relations: WORKS_ON (focus, specialism, a developer of, "quantum sensing start-up X") and
DEVELOPS (builds, launches).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORG_NOUN, ORGS, UNFOLDED, Fact, SentView, ids_in
from ..gazetteer import Entry, Gazetteer
from ..segment import Sentence
from .mention import Mention
from .rule import ACTORS as _ACTORS
from .rule import Rule, apply, members
from .rule import f as _f
from .rule import ok as _ok
from .words import may_hold, word_list, word_table

__all__ = ["DEVELOP_GATE", "develops_facts", "technology_mentions", "works_on_facts"]

E = EntityType
R = RelationType


#: Heads of technology phrases and their canonical form ("computers" -> "computing").
_HEADS = word_table("technology_heads")
#: Words that may qualify a head inside a technology phrase.
_MODS = word_list("technology_modifiers")
#: Heads that add nothing after another head: "quantum computing technology" is quantum computing.
_GENERIC = frozenset({"technology", "technologies", "tech", "systems", "hardware", "devices"})
#: A word, with its hyphenated parts ("neutral-atom", "HPC-quantum", "atom-based").
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-‐‑][A-Za-z0-9]+)*")
_ANCHOR_STEMS = ("quantum", "qubit")
_ANCHOR = re.compile("|".join(_ANCHOR_STEMS), re.IGNORECASE)
#: A cheap, case-free test for the modalities' words (literal middles of the words), run first.
_MODALITY_GATE = re.compile(
    r"rapped|on.trap|eutral|old.atom|ydberg|uperconduct|opolog|pin.qubit|tomic.clock|ptical.clock|itrogen|"
    r"rror.correct|ntanglement"
)
#: Ways of building quantum devices that make a technology phrase on their own ("trapped-ion
#: computing", "superconducting processors", "error correction").
_MODALITY = re.compile(
    "|".join(
        r"\b" + r"[\s‐‑-]".join(map(re.escape, m.split())) for m in sorted(word_list("technology_modalities"))
    ),
    re.IGNORECASE,
)
#: The counted unit of a machine's size ("a 64 qubit quantum computer"): it never opens a name.
_COUNTED = frozenset({"qubit", "qubits", "qbit", "qbits"})
#: Machines, and the qualities a machine is promised ("a scalable, fault-tolerant quantum computer"):
#: a quality of one machine names no technology of its own.
_MACHINES = frozenset({"computer", "computers", "processor", "processors"})
_QUALITIES = frozenset(
    {"error-corrected", "fault-tolerant", "scalable", "universal", "large-scale", "practical"}
)


@lru_cache(maxsize=50_000)
def _lower_ok(w: str, first: bool) -> bool:
    """Lower case, an acronym from the list, or the sentence's first word capitalised."""
    if w[:1].islower() or w[:1].isdigit():
        return True
    if w in _MODS or w.split("-")[0] in _MODS:
        return True
    return first and w[1:] == w[1:].lower()


@lru_cache(maxsize=50_000)
def _techy(w: str) -> bool:
    """A word that can stand inside a technology phrase."""
    low = w.lower()
    if low in _MODS or low in _HEADS or w in _MODS or _ANCHOR.search(low):
        return True
    parts = re.split(r"[-‐‑]", w)
    return len(parts) > 1 and all(
        p in _MODS or p in _HEADS or p.lower() in _MODS or (p == "based" and k) for k, p in enumerate(parts)
    )


@lru_cache(maxsize=50_000)
def _head(w: str) -> str | None:
    """The canonical head of ``w`` ("computers" -> "computing"; "quantum-computing" too)."""
    low = w.lower()
    if low in _HEADS:
        return _HEADS[low]
    pre, sep, last = low.rpartition("-")
    if sep and pre == "quantum" and last in _HEADS:
        return _HEADS[last]
    return None


def _canonical(words: list[str], tail: list[str]) -> str:
    """The phrase in lower case (acronyms kept), its head canonical: "quantum sensors" -> "quantum sensing"."""
    out = [w if any(c.isupper() for c in w[1:]) or w in _MODS else w.lower() for w in words]
    last = out[-1].lower()
    head = _HEADS.get(last)
    if head is None:
        out[-1] = "quantum " + _HEADS[last.rpartition("-")[2]]
    else:
        out[-1] = head
    return " ".join([*out, *tail])


def _entry(gaz: Gazetteer, *names: str) -> Entry | None:
    for n in names:
        for e in gaz.lookup(n):
            if e.type is E.TECHNOLOGY:
                return e
    return None


def technology_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Technology noun phrases of a sentence (only where a quantum word occurs: a cheap gate)."""
    t = sent.text
    if not (may_hold(t, frozenset(), _ANCHOR_STEMS) and _ANCHOR.search(t)) and not (
        _MODALITY_GATE.search(t) and _MODALITY.search(t)
    ):
        return []
    words = list(_WORD.finditer(t))
    lead = len(t) - len(t.lstrip(" \t\"'“‘(")) if t else 0
    out: list[Mention] = []
    i, n = 0, len(words)
    while i < n:
        # a run of adjacent phrase words, one space apart
        j = i
        while j < n and _techy(words[j].group()) and _lower_ok(words[j].group(), words[j].start() == lead):
            if j > i and t[words[j - 1].end() : words[j].start()] != " ":
                break
            j += 1
        if j == i:
            i += 1
            continue
        run = words[i:j]
        i = j
        m = _phrase(t, run, words, j)
        if m is not None:
            out.append(_mention(sent, gaz, *m))
    return out


def _phrase(
    t: str, run: list[re.Match[str]], words: list[re.Match[str]], j: int
) -> tuple[int, int, list[str], list[str]] | None:
    """The technology phrase of a run: up to its last real head, with "and <head>" kept."""
    end = len(run)
    while end and _head(run[end - 1].group()) is None:
        end -= 1
    while end > 1 and run[end - 1].group().lower() in _GENERIC and _head(run[end - 2].group()) is not None:
        end -= 1
    start = max(0, end - 6)
    while start < end - 1 and (run[start].group()[:1].isdigit() or run[start].group().lower() in _COUNTED):
        start += 1  # "a 256-qubit computer", "a 64 qubit quantum computer" name no technology of their own
    if run[end - 1].group().lower() in _MACHINES:
        while start < end - 2 and run[start].group().lower() in _QUALITIES:
            start += 1  # "an error-corrected quantum computer" is a machine of quantum computing
    if end - start < 2 and "-" not in run[end - 1].group():
        return None
    if not end:
        return None
    if not any(_ANCHOR.search(w.group()) for w in run[start:end]) and not _MODALITY.search(
        t[run[start].start() : run[end - 1].end()]
    ):
        return None
    body = [w.group() for w in run[start:end]]
    tail: list[str] = []
    stop = run[end - 1].end()
    if end == len(run) and j + 1 < len(words) and words[j].group() == "and":
        nxt = words[j + 1].group()
        gap_ok = t[stop : words[j].start()] == " " and t[words[j].end() : words[j + 1].start()] == " "
        # "quantum imaging and timing"; "quantum information sciences and technologies" is one field
        science = run[end - 1].group().lower() in {"science", "sciences"}
        if gap_ok and nxt in _HEADS and (nxt.lower() not in _GENERIC or science):
            tail = ["and", nxt]
            stop = words[j + 1].end()
    return run[start].start(), stop, body, tail


def _mention(sent: Sentence, gaz: Gazetteer, s: int, e: int, body: list[str], tail: list[str]) -> Mention:
    text = sent.text[s:e]
    name = _canonical(body, tail)
    entry = _entry(gaz, text, name)
    return Mention(
        sent.start + s,
        sent.start + e,
        text,
        E.TECHNOLOGY,
        entry.name if entry else name,
        "technology",
        entry=entry,
    )


_DEVELOP = (
    r"(?:build|builds|building|built|establish|establishes|establishing|established|create|creates|creating|"
    r"created|launch|launches|launching|launched|develop|develops|developing|developed|set\s+up|sets\s+up|"
    r"setting\s+up|construct|constructs|constructing|constructed|found|founded|open|opens|opened|opening|"
    r"deploy|deploys|deployed|deploying|host|hosts|hosting|release|releases|released|unveil|unveils|unveiled|"
    r"publish|publishes|published|adopt|adopts|adopted|introduce|introduces|introduced|roll\s+out|rolls\s+out|"
    r"rolled\s+out|inaugurat\w+|initiat\w+|start|starts|started|starting|kick\w*\s+off|kicked\s+off)"
)
#: Passive making: "§X§ is created in partnership with §A§ and §B§", "§X§, established by §A§".
_MADE_BY = (
    r"(?:built|established|created|launched|developed|set\s+up|founded|constructed|opened|initiated|inaugurated|"
    r"co-founded|co-created|co-developed|unveiled|started|kicked\s+off|rolled\s+out)"
)


_WORK = (
    r"(?:focus|focuses|focused|focusing|focussed|specializ\w+|specialis\w+|work|works|working|worked|research\w*|"
    r"expertise|finesse|strength|strengths|efforts?|pioneer\w*|leader|excel\w*|experience|know-how|capabilit\w+|"
    r"activit\w+|programme|program|bets?|betting|knowledge|skills?|competenc\w+)"
)


DEVELOP_GATE = (
    "build",
    "built",
    "establish",
    "creat",
    "launch",
    "develop",
    "set",
    "construct",
    "found",
    "open",
    "deploy",
    "host",
    "releas",
    "unveil",
    "publish",
    "adopt",
    "introduc",
    "roll",
    "inaugurat",
    "initiat",
    "start",
    "kick",
    "contract",
    "formation",
)


_TECH_LIST = r"((?:§\d+§)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)§\d+§)*)"


_TECH = frozenset({E.TECHNOLOGY})


#: The technology does not merely qualify a name or a project ("§X§'s §AI§ and Cyber Week",
#: "§X§'s first §quantum computer§ adoption project").
_NOT_A_MODIFIER = (
    r"(?!\s+(?:and\s+)?[A-Z][a-z])(?!\s+(?:[\w-]+\s+){0,2}?(?:projects?|programmes?|programs?|initiatives?|"
    r"events?|conferences?|summits?|weeks?|centers?|centres?)\b)"
)


#: The actor is not the funder of another's development ("§K§ funds the development of its ...").
_NOT_FUNDER = (
    r"(?!\s+(?:[a-z]+\s+)?(?:funds|funded|invests|invested|backs|backed|awards|awarded|grants|granted|finances|"
    r"financed)\b)"
)
#: A word that may qualify a possessed technology ("§X§'s first §quantum computer§"), never a
#: preposition or a verb opening a clause ("§X§'s goal of deploying §quantum sensors§").
_MODIFIER = (
    r"(?!(?:of|for|to|in|on|at|by|with|from|into|and|or|but|is|are|was|were|has|have|had|will|would|can|could|"
    r"involves?|uses?|using|includes?|including|said|says)\b)[\w-]+"
)


#: A list of focus areas whose items may be qualified mentions or plain words ("specialises in
#: §trapped ion quantum technologies§, entanglement-based networking, high-performance §quantum
#: clocks§ and inertial sensors"): its mentions are the technologies.
_FOCUS_ITEM = r"(?:(?:[a-z][\w-]*\s+){0,2}?§\d+§|(?!and\b)[a-z][\w-]*(?:\s+(?!and\b)[a-z][\w-]*)?)"
_FOCUS_LIST = rf"§\d+§(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_FOCUS_ITEM}){{0,8}}"


#: Focus on a technology; actors (or organisations, for the weaker phrasings) work on it.
_WORKS_ON_RULES = (
    Rule(
        re.compile(
            rf"{ENT}(?:'s?)?(?:\s+[—–])?\s+(?:(?!to\s)[\w-]+\s+){{0,4}}?{_WORK}\s+(?:[\w-]+\s+){{0,3}}?(?:on|in|into|to)\s+(?:the\s+field\s+of\s+)?(?:[\w-]+\s+){{0,2}}?(?:(?:both\s+)?quantum\s+and\s+)?{_TECH_LIST}"
        ),
        1,
        2,
        "works-on",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    Rule(
        re.compile(rf"{ENT}'s?\s+(?:{_MODIFIER}\s+){{0,3}}?{_TECH_LIST}{_NOT_A_MODIFIER}"),
        1,
        2,
        "possessive-technology",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    Rule(
        re.compile(
            rf"{ENT}[^§]{{0,60}}?\bits\s+{_TECH_LIST}\s+(?:efforts|research|programme|program|business|capabilit\w+|hardware|roadmap|ambitions|activities|work|expertise|portfolio)"
        ),
        1,
        2,
        "its-technology",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    Rule(
        re.compile(
            rf"{ENT}(?:,\s+(?:(?:which|that|who)\s+)?(?=[a-z])|\s+)(?:[\w-]+\s+){{0,3}}?(?:focus(?:es|ed|ing)?\s+on|specializ\w+\s+in|"
            rf"specialis\w+\s+in|works?\s+on|working\s+on|researche?s?)\s+(?:(?:both|mainly|primarily|chiefly)\s+)?({_FOCUS_LIST})"
        ),
        1,
        2,
        "focus-on",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
)


#: A list whose items may be plain words ("§quantum sensors§, devices, §cryogenics§ and laser control").
_LOOSE_ITEM = r"(?:§\d+§|(?!and\b)[a-z][\w-]*(?:\s+(?!and\b)[a-z][\w-]*)?)"
_LOOSE_LIST = rf"{_LOOSE_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LOOSE_ITEM}){{0,8}}"
#: Words between a subject and its verb: auxiliaries, adverbs, relative pronouns.
_AUX = (
    r"(?:,?\s+(?:has|have|had|is|are|was|were|will|would|can|could|to|be|been|being|also|now|already|jointly|"
    r"successfully|together|currently|recently|further|still|which|that|who|plans?|planning|aims?|aiming|"
    r"seeks?|continues?|set|and|co-?)|,\s+(?:for\s+(?:example|instance)|meanwhile|however|in\s+turn|too),"
    r"|\s*\((?:formerly|previously|now|also\s+known\s+as)\s+§\d+§\))*"
)
#: Verbs that say an actor makes or advances a technology (not merely uses or funds it).
_MAKES = (
    r"(?:co-?)?(?:develop|develops|developing|developed|build|builds|building|built|make|makes|making|made|produce|produces|"
    r"producing|produced|manufactur\w+|design|designs|designing|designed|commerciali[sz]\w+|offer|offers|offering|"
    r"offered|provide|provides|providing|provided|deliver|delivers|delivering|delivered|demonstrat\w+|pursu\w+|"
    r"explor\w+|advanc\w+|exploit\w*|pioneer\w*|sell|sells|selling|sold|research\w*|stud\w+|assembl\w+|"
    r"create|creates|creating|created|(?:take|takes|taking|took)\s+(?:[a-z]+\s+){0,2}?approach(?:es)?\s+to)"
)
#: A collection of made things before the technology: "develops a suite of §quantum sensor§ products".
_COLLECTION = r"(?:(?:suite|range|portfolio|family|line|series|set|variety|generation)\s+of\s+(?:[a-z][\w-]*\s+){0,2}?)?"
#: A word qualifying the technology ("a", "state-of-the-art", "its own"), never a preposition.
_QUAL = (
    r"(?!(?:to|for|with|on|in|of|by|from|at|into|and|or|but|as|than|funding|money|access|services?|support|"
    r"grants?|investment|capital|customers?|users?|clients?)\b)[a-z][\w-]*"
)
#: A maker's description: "a developer of", "the leading provider of", "a pioneer in".
_MAKER = (
    r"(?:developers?|providers?|makers?|manufacturers?|suppliers?|pioneers?|leaders?|specialists?|vendors?|"
    r"designers?|builders?|innovators?|hubs?|centres?|centers?|powerhouses?)"
)
_ITS = r"(?:its|their|§\d+§)"

#: A made thing's use of a technology: "a processor that exploits §spin qubits§".
_USES = r"(?:that|which)\s+(?:uses|exploits|harnesses|leverages|relies\s+on|is\s+based\s+on)"
#: Wordings where the technology is what an actor builds, is described by, or is known for.
_MAKES_RULES = (
    # "§Fujitsu§ and §RIKEN§ have developed a §superconducting quantum computer§",
    # "§QuantX§, which produces state-of-the-art §quantum optical atomic clocks§"
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+{_MAKES}\s+(?:{_QUAL}\s+){{0,3}}?{_COLLECTION}(?:(?:based\s+on|built\s+on|using|with|{_USES})\s+(?:\d+\s+)?)?"
            rf"{_TECH_LIST}"
        ),
        1,
        2,
        "makes-technology",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§Honeywell§ launched its first §quantum computer§ using §trapped ions§": the way a made
    # machine works is the maker's technology
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+(?:launch\w*|unveil\w*|introduc\w+|debut\w*|releas\w+|{_MAKES})\s+(?:{_QUAL}\s+){{0,3}}?"
            rf"§\d+§\s+(?:using|based\s+on|built\s+on|that\s+uses|which\s+uses|with)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "made-using",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§BT§ and §Toshiba§ have been working together on §quantum encryption§"
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+(?:work|works|working|worked|collaborat\w+|cooperat\w+)\s+"
            rf"(?:(?:together|jointly|closely)\s+)?on\s+(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "work-together-on",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§the city§ will explore different technologies, including §quantum sensors§, devices and §cryogenics§"
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+{_MAKES}\s+(?:{_QUAL}\s+){{0,2}}?(?:technologies|areas|fields|domains)\s*,?\s+"
            rf"(?:including|such\s+as|like|notably)\s*:?\s+({_LOOSE_LIST})"
        ),
        1,
        2,
        "technologies-including",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§TuringQ§ is a developer of §optical quantum chips§", "§Orbion§, a pioneer in §quantum sensing§"
    Rule(
        re.compile(
            rf"({LIST})(?:,|\s+[—–])?\s+(?:is|was|are|were|has\s+been|remains|becomes|became)?\s*(?:a|an|the|one\s+of\s+the)\s+"
            rf"(?:{_QUAL}\s+){{0,3}}?{_MAKER}\s+(?:of|in|for)\s+(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
            rf"(?!\s+[a-z]+-[a-z]+){_NOT_A_MODIFIER}"
        ),
        1,
        2,
        "maker-of-technology",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "§quantum computing§ start-up §IonQ§", "the §neutral-atom quantum computing§ company §QuEra§"
    Rule(
        re.compile(rf"{_TECH_LIST}\s+(?:[a-z][\w-]*\s+)?{ORG_NOUN},?\s+({LIST})"),
        2,
        1,
        "technology-descriptor",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "§DeteQt§, §Australia§'s newest §quantum sensing§ start-up"
    Rule(
        re.compile(
            rf"{ENT},\s+(?:§\d+§'s?|the|a|an)\s+(?:{_QUAL}\s+){{0,3}}?{_TECH_LIST}\s+(?:[a-z][\w-]*\s+)?{ORG_NOUN}\b"
        ),
        1,
        2,
        "apposition-technology-descriptor",
        0.8,
        frozenset(ORGS),
        _TECH,
    ),
    # "§Stanford§, which is renowned for its development of §neutral atom-based quantum computing§"
    Rule(
        re.compile(
            rf"{ENT},?\s+(?:which|that|who)?\s*(?:is|are|was|were|has\s+been|have\s+been)?\s*(?:best\s+|well\s+|widely\s+)?"
            rf"(?:known|renowned|famous|recogni[sz]ed|noted|celebrated|acclaimed)\s+for\s+(?:{_ITS}\s+)?"
            rf"(?:{_QUAL}\s+){{0,3}}?(?:(?:of|in|on)\s+)?{_TECH_LIST}"
        ),
        1,
        2,
        "known-for-technology",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "the §Veltra Institute§, dedicated to accelerating the development of §quantum computing§",
    # "§Orbion§, which is committed to advancing §quantum cryptography§"
    Rule(
        re.compile(
            rf"({LIST}),?\s+(?:(?:which|that)\s+)?(?:(?:is|are|was|were|remains)\s+)?(?:(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?)?"
            rf"(?:dedicated|devoted|committed)\s+to\s+(?:(?:advancing|accelerating|furthering|promoting|driving|the)\s+)?"
            rf"(?:(?:the\s+)?(?:development|research|study|commerciali[sz]ation|advancement)\s+(?:of|on|in|into)\s+)?"
            rf"{_TECH_LIST}"
        ),
        1,
        2,
        "dedicated-to",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "the development of §superconducting quantum systems§ by §Fujitsu§"
    Rule(
        re.compile(
            rf"(?:development|commerciali[sz]ation|production|manufactur\w+|design|research)\s+(?:of|on|into)\s+"
            rf"{_TECH_LIST}\s+by\s+({LIST})"
        ),
        2,
        1,
        "development-by",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
    # "§superconducting qubits§, an approach also being pursued by tech giants like §IBM§ and §Google§"
    Rule(
        re.compile(
            rf"{_TECH_LIST}(?:\s+by\s+§\d+§)?,?\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:method|approach|technology|"
            rf"technique|platform|modality|path|route)\s+)?(?:(?:(?:that|which)\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
            rf"(?:also\s+|already\s+|now\s+)?(?:being\s+)?(?:pursued|developed|explored|studied|researched|"
            rf"commerciali[sz]ed|built|favou?red|championed)\s+by\s+"
            rf"(?:(?:§\d+§\s+)?[^§.;]{{0,30}}?\b(?:like|such\s+as|including)\s+)?({LIST})"
        ),
        2,
        1,
        "pursued-by",
        0.8,
        frozenset(_ACTORS),
        _TECH,
    ),
)


#: Verbs of emphasis: "§Q§ emphasises integration with §T§", "the §programme§ is centred on §T§".
_EMPHASIS = r"(?:emphasi[sz]\w*|prioriti[sz]\w*|concentrat\w+\s+on|cent(?:er|re)(?:s|d)?\s+(?:on|around)|revolves?\s+around)"
#: Advancing a field: "to accelerate collaboration on §T§", "to hasten the development of §T§".
_ADVANCE = (
    r"(?:accelerat\w+|advanc\w+|hasten\w*|boost\w*|promot\w+|foster\w*|strengthen\w*|deepen\w*|spur\w*|"
    r"speed\s+up)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:collaboration|cooperation|research|development|"
    r"commerciali[sz]ation|adoption|innovation|progress)\s+(?:on|in|of|into|around)"
)
_FOCUSED = frozenset(ORGS | {E.PROGRAM})
#: Wordings where an organisation or programme states its focus without a verb of making.
_FOCUS_RULES = (
    # "the §initiative§ emphasises integration with §quantum machine learning§"
    Rule(
        re.compile(
            rf"({LIST}){_AUX}\s+{_EMPHASIS}\s+(?:(?:the\s+)?(?:integration|development|use|application|adoption|"
            rf"study)\s+(?:with|of|on|in|into)\s+)?(?:{_QUAL}\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "emphasises",
        0.8,
        _FOCUSED,
        _TECH,
    ),
    # "the ministers launched the §Alliance§ to accelerate collaboration on §AI§": the nearest
    # organisation or programme before the purpose clause is what advances the field
    Rule(
        re.compile(
            rf"{ENT}(?:\s+[^§.;:]{{0,50}}?)?\s+to\s+(?:help\s+)?{_ADVANCE}\s+(?:[\w-]+\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "to-advance",
        0.7,
        _FOCUSED,
        _TECH,
    ),
    # "backing §X§ to fund its ongoing quest to build the world's first scalable §quantum computer§":
    # the mission is the nearest organisation's
    Rule(
        re.compile(
            rf"{ENT}[^§.;]{{0,60}}?\b(?:its|their)\s+(?:[a-z]+\s+)?(?:quest|mission|bid|drive|ambition|race|push|"
            rf"efforts?)\s+to\s+{_MAKES}\s+(?:[\w'-]+,?\s+){{0,6}}?{_TECH_LIST}"
        ),
        1,
        2,
        "its-quest",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§'s technique involves building quantum computers using §silicon spin qubits§": the way an
    # actor builds is its technology
    Rule(
        re.compile(
            rf"{ENT}'s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:technique|approach|method|technology|platform|architecture|"
            rf"design|hardware|processors?|chips?|devices?|systems?|machines?)\s+(?:involves?|uses?|used|rel(?:y|ies)\s+on|"
            rf"(?:is|are)\s+based\s+on|leverages|harnesses|exploits|employs|combines)\s+"
            rf"(?:(?:[a-z][\w-]*\s+|§\d+§\s+){{0,5}}?(?:using|with|on)\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "technique-uses",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ has raised £42 million to help fund development of its §silicon-based quantum chips§"
    Rule(
        re.compile(
            rf"{ENT}{_NOT_FUNDER}"
            rf"(?:[^§.;]|\.(?=\d)){{0,80}}?\b(?:development|commerciali[sz]ation|production|manufactur\w+|"
            rf"scale-up|scaling)\s+of\s+(?:its|their)\s+(?:own\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "develops-its-own",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ said it will use the funds to accelerate the development of an on-chip §quantum repeater§":
    # money raised or spent on developing a technology is the raiser's
    Rule(
        re.compile(
            rf"{ENT}{_NOT_FUNDER}(?:[^§.;]|\.(?=\d)){{0,80}}?\b(?:funds|funding|money|proceeds|capital|financing|raised?|"
            rf"raises|raising)\b[^§.;]{{0,60}}?\b(?:development|commerciali[sz]ation|production|manufactur\w+|scale-up|"
            rf"scaling)\s+of\s+(?:(?:its|their|an?|the)\s+)?(?:own\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "funds-development",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
    # "§X§ has raised $4.5 million in order to build its very own §quantum computer§"
    Rule(
        re.compile(
            rf"{ENT}(?:[^§.;]|\.(?=\d)){{0,60}}?\bto\s+{_MAKES}\s+(?:its|their)\s+(?:very\s+)?own\s+(?:[a-z][\w-]*\s+){{0,2}}?{_TECH_LIST}"
        ),
        1,
        2,
        "builds-its-own",
        0.7,
        frozenset(ORGS),
        _TECH,
    ),
)


def _subjects(group: str) -> list[int]:
    """The subjects of a verb: a list needs its "and" ("§A§, §B§ and §C§"); without one, the
    commas close a fronted phrase ("Founded at §CAS§, §Orbion§ develops ...") and the last is it."""
    if group.isdigit():
        return [int(group)]
    ids = ids_in(group)
    return ids if "," not in group or re.search(r"\b(?:and|&)\s", group) else ids[-1:]


#: "§A§ is teaming up with §B§ (or "with a §Toronto§-based company") to develop and commercialise
#: §quantum computing§ technology": partners joined for a technology both work on it.
_PARTNERS_TO_MAKE = re.compile(
    rf"({LIST})[^§.;]{{0,40}}?\b(?:team\w*\s+up|partner\w*|collaborat\w+|join\w*\s+forces|work\w*\s+together|"
    rf"cooperat\w+)\s+with\s+(?:({LIST})|(?:a|an|the)\s+[^.;]{{0,50}}?)\s+to\s+(?:jointly\s+)?{_MAKES}(?:\s+and\s+{_MAKES})?\s+(?:{_QUAL}\s+){{0,3}}?"
    rf"{_TECH_LIST}"
)


#: A machine rather than a field: "§IBM§'s fourth §quantum computer§", "§X§'s §quantum hardware§".
_INSTANCE = re.compile(r"(?i)quantum\s+(?:computer|hardware|systems?|devices?|processors?|chips?)")


#: The sentence's subject and, later, its pronoun's efforts: "§A§ and §B§ announced ..., extending
#: their joint efforts in §T§"; "its" needs one subject, "their" several.
_OWN_EFFORTS = re.compile(
    rf"^(?:the\s+)?({LIST})\s+[^.;]{{0,160}}?\b(its|their)\s+(?:(?:joint|shared|ongoing|own|continued)\s+)?"
    rf"(?:efforts?|work|research|collaboration|cooperation|activities)\s+(?:in|on|into)\s+"
    rf"(?:the\s+(?:fields?|areas?)\s+of\s+)?{_TECH_LIST}"
)


def _own_efforts(v: SentView, m: str) -> Iterator[Fact]:
    x = _OWN_EFFORTS.search(m)
    if x is None:
        return
    subjects = _subjects(x.group(1))
    if (len(subjects) > 1) != (x.group(2) == "their"):
        return  # the pronoun is someone else's
    for a in subjects:
        if v.type(a) not in _FOCUSED:
            continue
        for b in members(x.group(3)):
            if _ok(v, a, b, _TECH):
                yield _f(v, a, R.WORKS_ON, b, "own-efforts", 0.7)


#: Gapped focus lists: "§A§ focuses on §t§, §B§ with §C§ on §u§, and §D§ on §w§": the verb is said once.
_GAPPED_FOCUS = re.compile(
    r"(?:focus(?:es|ed)?|concentrates?|concentrated|specialis\w+|specializ\w+)\s+(?:on|in)\s+§\d+§"
    r"((?:[^§,;.]{0,20},\s+(?:and\s+)?(?:the\s+)?§\d+§(?:\s+(?:with|and)\s+(?:the\s+)?(?:§\d+§|[A-Z][\w-]*))?"
    r"\s+(?:on|in)\s+§\d+§)+)"
)
_GAPPED_ITEM = re.compile(
    r"§(\d+)§(?:\s+(?:with|and)\s+(?:the\s+)?(?:§(\d+)§|[A-Z][\w-]*))?\s+(?:on|in)\s+§(\d+)§"
)


def _gapped_focus(v: SentView, m: str) -> Iterator[Fact]:
    for x in _GAPPED_FOCUS.finditer(m) if "," in m else ():
        for it in _GAPPED_ITEM.finditer(x.group(1)):
            t = int(it.group(3))
            for a in (int(it.group(1)), int(it.group(2) or it.group(1))):
                if v.type(a) in ORGS and _ok(v, a, t, _TECH):
                    yield _f(v, a, R.WORKS_ON, t, "gapped-focus", 0.7)


def works_on_facts(v: SentView, m: str) -> Iterator[Fact]:
    yield from _gapped_focus(v, m)
    for fact in apply(v, m, _WORKS_ON_RULES, R.WORKS_ON):
        if fact.rule == "possessive-technology" and any(
            _INSTANCE.fullmatch(v.mentions[i].text) for i in range(len(v.ids)) if v.ids[i] == fact.target
        ):
            continue  # owning a machine is not a stated focus
        yield fact
    for x in _PARTNERS_TO_MAKE.finditer(m):
        for a in _subjects(x.group(1)) + ids_in(x.group(2) or ""):
            if v.type(a) not in _ACTORS:
                continue
            for b in ids_in(x.group(3)):
                if _ok(v, a, b, _TECH):
                    yield _f(v, a, R.WORKS_ON, b, "partners-to-make", 0.8)
    yield from _own_efforts(v, m)
    for rule in _MAKES_RULES + _FOCUS_RULES:
        for x in rule.pattern.finditer(m):
            for a in _subjects(x.group(rule.source)):
                if rule.source_types is not None and v.type(a) not in rule.source_types:
                    continue
                for b in members(x.group(rule.target)):
                    if _ok(v, a, b, rule.target_types):
                        yield _f(v, a, R.WORKS_ON, b, rule.name, rule.confidence)


_YEAR = r"(?:(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?"
#: Further wordings of making, each with whether a new body may be read as a company or agency.
_DEVELOPS_MORE: tuple[tuple[re.Pattern[str], bool, str], ...] = (
    # "the §Y§, founded by §X§ in 2019", "the §Y§ initiative, which was launched in 2021 by §X§"
    (
        re.compile(
            rf"(?P<made>§\d+§)(?:,\s+(?:which\s+|that\s+)?|\s+(?:which|that)\s+)(?:(?:is|was|were|has\s+been|had\s+been)\s+)?"
            rf"(?:(?:first|originally|jointly|recently|officially|initially)\s+)?{_YEAR}{_MADE_BY}\s+{_YEAR}(?:jointly\s+)?"
            rf"(?:by|in\s+(?:partnership|collaboration|cooperation)\s+with)\s+(?P<maker>{LIST})"
        ),
        True,
        "apposed-made-by",
    ),
    # "Founded by §X§ in 2019, the §Y§ ..."
    (
        re.compile(
            rf"(?:^|[.;:]\s+|\s-\s)(?:(?:First|Originally|Jointly|Recently)\s+)?(?i:{_MADE_BY})\s+{_YEAR}(?:jointly\s+)?by\s+"
            rf"(?P<maker>{LIST})(?:\s+(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?\d{{4}})?,\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        True,
        "fronted-made-by",
    ),
    # "§X§ is creating a quantum hub called the §Y§", "§X§ launched a new programme named §Y§"
    (
        re.compile(
            rf"(?P<maker>{LIST})\s+(?:[^§.;]{{0,40}}?\s)?(?:to\s+)?{_DEVELOP}\s+(?:a|an|the|its|their)\s+"
            rf"(?:[a-z][\w-]*\s+){{0,4}}?(?:called|named|dubbed|known\s+as|branded)\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        True,
        "makes-named",
    ),
    # "§Y§ is an initiative by the §X§", "§Y§ was a flagship programme of §X§"
    (
        re.compile(
            rf"(?P<made>§\d+§)(?:,\s+|\s+(?:is|was|remains)\s+)(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:initiative|programme|"
            rf"program|project|scheme|mission|effort)\s+(?:launched\s+|led\s+|run\s+)?(?:by|of)\s+(?P<maker>{LIST})"
        ),
        False,
        "initiative-of",
    ),
    # "§X§ and §Z§ have been confirmed as the final contractor for the §Y§ project",
    # "§X§ won the contract to build the §Y§"
    (
        re.compile(
            rf"(?P<maker>{LIST})\s+[^§.;]{{0,60}}?\b(?:contractors?|developers?|builders?|contract)\s+"
            rf"(?:for|to\s+(?:build|develop|deliver|construct|run|operate)|of)\s+(?:the\s+)?(?P<made>§\d+§)"
        ),
        False,
        "contractor-for",
    ),
)


#: A list's last member known only by its acronym, its long name unrecognised: "with §A§ and
#: Agence de Recherche Nouvelle (§ARN§)".
_ACRONYM_LAST = r"(?:,?\s+and\s+[A-Z][^§.;()]{0,80}?\s\((§\d+§)\))?"


#: How many were made: "launched five §research centres§".
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3})"


#: Making named by its noun after a verb of saying or agreeing: "A and B on Monday announced
#: establishment of an §Y§", "A celebrated the launch of the §Y§".
_ANNOUNCED_MAKING = re.compile(
    rf"({LIST})\s+(?:[^§.;]{{0,60}}?\s)?(?:announc\w+|unveil\w+|agreed\s+(?:on|to)|approv\w+|celebrat\w+|"
    rf"marked|welcom\w+|complet\w+|finaliz\w+|finalis\w+)\s+(?:the\s+)?(?:establishment|creation|launch|founding|"
    rf"opening|inauguration|formation|setting\s+up|start)\s+of\s+(?:(?:a|an|the|its|their|new|joint)\s+)*{ENT}"
)
_BEGIN_BUILDING = re.compile(
    rf"({LIST})\s+[^§.;]{{0,120}}?\b(?:and|to)\s+(?:begin|start|commence)\s+"
    rf"(?:building|constructing|developing|deploying)\s+(?:the\s+|a\s+|an\s+)?{ENT}"
)


def develops_facts(v: SentView, m: str) -> Iterator[Fact]:
    targets = {E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE}
    #: a new body or hub may be read as a company or an agency: founding it is still making it
    founded = targets | {E.COMPANY, E.GOVERNMENT_BODY}
    for x in re.finditer(
        rf"({LIST})\s+(?:[^§.;]{{0,60}}?\s|[^§.;]{{0,40}}?\(§\d+§\)\s+)?(?:to\s+)?(?:[a-z]+ly\s+)?{_DEVELOP}\s+"
        rf"(?:(?:a|an|the|its|their|new|first|national|updated|revised|{_COUNT})\s+|(§\d+§)\s+(?=§))*{ENT}",
        m,
    ):
        b = int(x.group(3))
        if re.search(r"\b(?:developer|in\s+the\s+field)\b", x.group(0)):
            continue
        subjects = ids_in(x.group(1))
        # "released its §strategy§": the pronoun must be the subject's own
        if x.group(2) and v.id(ids_in(x.group(2))[0]) not in {v.id(a) for a in subjects}:
            continue
        made = (
            founded if re.search(r"\b(?:establish\w*|creat\w+|set\s+up|found\w*)\s", x.group(0)) else targets
        )
        for a in subjects:
            if _ok(v, a, b, made) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "develops", 0.8)
    # "A and B announced the establishment of a §Y§": making said by its noun
    for x in _ANNOUNCED_MAKING.finditer(m) if " of " in m else ():
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, founded) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "announced-making", 0.8)
    # "A and B have entered into an agreement to set up a partnership and begin building §b§": the
    # second of two coordinated aims, far from the subject
    for x in _BEGIN_BUILDING.finditer(m):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, targets) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "begin-building", 0.7)
    for x in re.finditer(
        rf"{ENT},?\s+(?:is|was|were|are|has\s+been|have\s+been|had\s+been|will\s+be|being)\s+(?:[a-z]+ly\s+)?"
        rf"{_MADE_BY}\s+(?:jointly\s+)?(?:by|in\s+(?:partnership|collaboration|cooperation)\s+with)\s+({LIST}){_ACRONYM_LAST}",
        m,
    ):
        b = int(x.group(1))
        for a in ids_in(x.group(2)) + ids_in(x.group(3) or ""):
            if _ok(v, a, b, founded) and v.type(a) in _ACTORS - {E.PROGRAM}:
                yield _f(v, a, R.DEVELOPS, b, "made-by", 0.8)
    unfolded = v.memo.get(UNFOLDED)
    for rx, new_body, name in _DEVELOPS_MORE:
        # "Founded by §X§, the §Y§ ...": the apposition fold would hide the made thing
        text = unfolded if name == "fronted-made-by" and isinstance(unfolded, str) else m
        for x in rx.finditer(text):
            b = ids_in(x.group("made"))[0]
            for a in ids_in(x.group("maker")):
                if _ok(v, a, b, founded if new_body else targets) and v.type(a) in _ACTORS - {E.PROGRAM}:
                    yield _f(v, a, R.DEVELOPS, b, name, 0.8)
