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
The relations over these mentions live beside it: WORKS_ON in :mod:`.works_on`, DEVELOPS in
:mod:`.develops`.
"""

from __future__ import annotations

from functools import lru_cache

from qkg.schemas import EntityType

from ..gazetteer import Entry, Gazetteer
from ..segment import Sentence
from . import fastre as re
from .literals import compile_gated
from .mention import Mention
from .words import any_in, letter_words, may_hold, word_list, word_table

__all__ = ["specific_technology", "technology_mentions", "with_platform_alias"]

E = EntityType


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
_MODALITY_GATE = compile_gated(
    r"rapped|on.trap|eutral|old.atom|ydberg|uperconduct|opolog|pin.qubit|tomic.clock|ptical.clock|itrogen|"
    r"rror.correct|ntanglement|tom.interferomet|tom.chip|ingle.photon|tomic.magnetomet|iamond.magnetomet|ptically.pumped|"
    r"ptical.lattice|V.diamond|v.diamond|ryo.CMOS|ryo.cmos|ryogenic.CMOS|ryogenic.cmos"
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
#: Machines, and the qualities a machine is promised ("a scalable, error-corrected quantum computer"):
#: a quality of one machine names no technology of its own. Fault tolerance is kept: it names a
#: class of machines ("fault-tolerant quantum computing"), as annotators name it.
_MACHINES = frozenset({"computer", "computers", "processor", "processors"})
_QUALITIES = frozenset({"error-corrected", "scalable", "universal", "large-scale", "practical"})


#: Words that say which kind of quantum technology a phrase names (``data/words/technology_kinds.txt``).
_KINDS = word_list("technology_kinds")
_PARTS = re.compile(r"[\s‐‑-]+")
#: Heads naming a whole domain: "quantum key technology" says no more than "quantum technology".
_DOMAINS = frozenset({"technology", "technologies", "tech", "science", "sciences"})


@lru_cache(maxsize=10_000)
def specific_technology(name: str) -> bool:
    """Whether a technology's name says which technology it is, so that naming it is a fact worth
    keeping although no relation uses it: one of its words (hyphenated parts read apart) says how
    it is built or which method it is ("trapped-ion quantum computing", "superconducting qubits",
    "neutral-atom processors", "silicon spin qubits", "quantum key distribution", "post-quantum
    cryptography"). The field's common nouns ("quantum computing", "quantum processors", "quantum
    software", "quantum technology") and qualities of machines ("fault-tolerant quantum
    computing"), and domains ("quantum key technology") are not: annotators name them only where the text says something about them, and
    a relation, an agreement's topic or a list of fields keeps them then."""
    words = _PARTS.split(name.lower())
    return words[-1] not in _DOMAINS and any(w in _KINDS for w in words)


#: Numbers spelled out before a counted unit ("a five-qubit machine", "a twenty-qubit chip").
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "fifty",
        "hundred",
        "thousand",
    ]
)


def _counted(w: str) -> bool:
    """A machine's size spelled as one word: "five-qubit", "twenty-qubit" (not "spin-qubit")."""
    pre, _, unit = w.lower().rpartition("-")
    return unit in _COUNTED and pre.rpartition("-")[2] in _NUMBER_WORDS


#: What may stand between two words of a phrase: a space, or a space and an opening quote around
#: the head ("superconducting “qubits”", a scare quote that does not end the phrase).
_GAPS = frozenset({" ", " “", ' "', " ‘"})


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
            if j > i and t[words[j - 1].end() : words[j].start()] not in _GAPS:
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
            if not m[3] and m[2][-1].lower() not in _GENERIC:
                out += _elided(sent, words, j, m[2])
    if "," in t and _field_cue(t):
        out += _field_items(sent, gaz, out)
    if " & " in t:
        out += _titled_pairs(sent, out)
    if _TITLED_GATE.search(t):
        out += _titled_phrases(sent, gaz, out)
    return out


#: The separators of a coordination of heads, and whether each ends it ("and", "or").
_ELIDED_SEP = {", ": False, " and ": True, " or ": True, ", and ": True, ", or ": True}


def _elided(sent: Sentence, words: list[re.Match[str]], j: int, body: list[str]) -> list[Mention]:
    """Heads coordinated after a technology phrase share its qualifiers: "quantum sensing, computing
    and communication" names quantum computing and quantum communication too, "trapped-ion quantum
    computing and networking" trapped-ion quantum networking. Each item is one lower-case head
    word; the list must close with "and" or "or" ("quantum sensing, computing, ..." alone is no list)."""
    t = sent.text
    items: list[re.Match[str]] = []
    closed = 0
    pos = words[j - 1].end() if j else 0
    k = j
    while k < len(words):
        if words[k].group() in {"and", "or"} and k + 1 < len(words):
            k += 1  # "and"/"or" are words of their own: the separator runs to the next
        sep = t[pos : words[k].start()]
        if sep not in _ELIDED_SEP:
            break
        w = words[k].group()
        if not w[:1].islower() or w not in _HEADS or w in _GENERIC or _head(w) is None:
            break
        if (
            k + 1 < len(words)
            and words[k + 1].group().lower() not in _GENERIC
            and _head(words[k + 1].group())
        ):
            break  # "quantum sensing and sensor networks": the item is a phrase of its own
        items.append(words[k])
        if _ELIDED_SEP[sep]:
            closed = len(items)
        pos = words[k].end()
        k += 1
    prefix = _prefix(body)
    out = []
    for x in items[:closed]:
        name = _canonical([*prefix, x.group()], [])
        out.append(
            Mention(sent.start + x.start(), sent.start + x.end(), x.group(), E.TECHNOLOGY, name, "technology")
        )
    return out


def _prefix(body: list[str]) -> list[str]:
    """The qualifiers a phrase lends to heads coordinated after it: up to its last quantum or
    modality word before the head ("trapped-ion quantum" of "trapped-ion quantum computing",
    "quantum" of "quantum key distribution"), else every word before the head."""
    for k in range(len(body) - 2, -1, -1):
        w = body[k]
        if _ANCHOR.search(w) or _MODALITY.search(w.replace("-", " ")):
            return body[: k + 1]
    return body[:-1]


#: A technology named in title case ("the field of Quantum Sensing", "a Quantum Random Number
#: Generator"): two to five capitalised technology words, the last a head, alone between words
#: that are not capitalised (else it is part of a longer name: "Acme Quantum Sensing Ltd", "the
#: Quantum Sensing Hub"); a lower-case word comes right before it (not a sentence's start).
_TITLED_GATE = re.compile(r"Quantum [A-Z]|[a-z]-[A-Za-z]+ [A-Z]|Qubit")
_TITLED = re.compile(r"(?<![\w’'.&-])((?:[A-Z][a-z]+(?:-[A-Za-z]+)*\s){1,4}[A-Z][a-z]+)\b(?![-’'&])")
_CAP_BEFORE = re.compile(r"([A-Za-z][\w.-]*)[\s\-–—]*$")
_CAP_AFTER = re.compile(r"\s*([A-Za-z&][\w.-]*)")


def _titled_phrases(sent: Sentence, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    t = sent.text
    taken = [(m.start - sent.start, m.end - sent.start) for m in found]
    out: list[Mention] = []
    for x in _TITLED.finditer(t):
        s, e = x.span(1)
        words = x.group(1).split()
        if any(a < e and s < b for a, b in taken):
            continue
        if not all(_techy(w) for w in words) or _head(words[-1]) is None or words[-1].lower() in _GENERIC:
            continue
        if not _ANCHOR.search(x.group(1)) and not _MODALITY.search(x.group(1).replace("-", " ")):
            continue
        before = _CAP_BEFORE.search(t, max(0, s - 30), s)
        if (before is None and not t[:s].rstrip().endswith((")", "“", '"'))) or (
            before is not None and not before.group(1)[:1].islower()
        ):
            continue  # at a sentence's start title case names a company as often ("Analog Quantum Circuits, ...")
        after = _CAP_AFTER.match(t, e)
        if after is not None and (after.group(1)[:1].isupper() or after.group(1) == "&"):
            continue
        name = _canonical(words, [])
        entry = _entry(gaz, x.group(1), name)
        out.append(
            Mention(
                sent.start + s,
                sent.start + e,
                x.group(1),
                E.TECHNOLOGY,
                entry.name if entry else name,
                "technology-titled",
                entry=entry,
            )
        )
    return out


#: A field named in title case with an ampersand, as programmes name their verticals ("Quantum
#: Sensing & Metrology", "Quantum Materials & Devices"); a capitalised word before or after makes it
#: part of a longer name ("Acme Quantum Sensing & Metrology Ltd"), which it then is not.
_TITLED_PAIR = re.compile(
    r"(?<![A-Za-z])((?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+\s+&\s+[A-Z][a-z]+)\b(?!\s+[A-Z])"
)
_DETERMINERS = frozenset({"The", "A", "An", "Its", "Their", "This", "Our"})
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.-]*)[ -]$")


def _titled_pairs(sent: Sentence, found: list[Mention]) -> list[Mention]:
    t = sent.text
    out: list[Mention] = []
    for x in _TITLED_PAIR.finditer(t):
        start, text = x.start(1), x.group(1)
        if text.split()[0] in _DETERMINERS:  # "The Quantum Sensing & Metrology hub"
            first = text.split()[0]
            start, text = start + len(first) + 1, text[len(first) + 1 :]
        words = text.replace("&", " ").split()
        if len(words) < 3 or not _ANCHOR.search(text) or not all(_techy(w.lower()) for w in words):
            continue
        before = _WORD_BEFORE.search(t, max(0, start - 40), start)
        if before is not None and before.group(1)[:1].isupper() and before.group(1) not in _DETERMINERS:
            continue
        if _head(words[-1].lower()) is None or _head(words[-2].lower()) is None:
            continue
        s, e = sent.start + start, sent.start + start + len(text)
        out.append(Mention(s, e, text, E.TECHNOLOGY, " ".join(text.lower().split()), "technology"))
    if out:
        # the title-case pair replaces the shorter mention inside it ("Quantum Sensing")
        spans = [(m.start, m.end) for m in out]
        found[:] = [m for m in found if not any(a <= m.start and m.end <= b for a, b in spans)]
    return out


#: Heads of fields that a list names beside a quantum one (``data/words/technology_fields.txt``).
_FIELD_HEADS = word_table("technology_fields")
_FIELD_CUE_GATE = re.compile(
    r"such as|including|includes|areas|fields|domains|spans|covers|ranging", re.IGNORECASE
)
_FIELD_CUES = ("such as", "including", "includes", "areas", "fields", "domains", "spans", "covers", "ranging")


def _field_cue(t: str) -> bool:
    """``_FIELD_CUE_GATE.search(t)``: a case-insensitive alternation cannot skip ahead (~85 us a
    sentence); the lower-cased text's substrings answer the same wherever no character folds to an
    ASCII letter (:func:`.words.letter_words` is ``None`` where one does)."""
    if letter_words(t) is None:
        return _FIELD_CUE_GATE.search(t) is not None
    return any_in(t.lower(), _FIELD_CUES)


#: A list of fields after its cue: "areas such as quantum, autonomous robotics, cryptography and
#: advanced materials"; items are one to four lower-case words, the list ends where an item
#: does not fit (a clause goes on, a name or a bracket comes).
_FIELD_ITEM = r"(?:[a-z][\w-]*(?:\s+(?:&\s+)?[a-z][\w-]*){0,3}|[A-Z0-9]{2,4})"
_FIELD_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_FIELD_LIST = re.compile(
    r"\b(?:such\s+as|including|includes|(?:areas|fields|domains)\s+of|spans?|spanning|covers?|covering)\s*:?\s+"
    rf"((?:{_FIELD_ITEM}{_FIELD_JOIN})+{_FIELD_ITEM})(?=\s*[.;:)(]|\s*$|,\s+(?:[a-z]+ing|which|as|to)\b)"
)
_FIELD_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _field_items(sent: Sentence, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """Fields listed beside a quantum field: each item ending in a field head ("autonomous
    robotics", "cryptography", "advanced materials") is a technology although it holds no
    quantum word, when the list (two or more items after "such as", "including", "areas of",
    "covers") names a quantum field too. Items the main pass found stay as they are."""
    t = sent.text
    taken = [(m.start - sent.start, m.end - sent.start) for m in found]
    out: list[Mention] = []
    for x in _FIELD_LIST.finditer(t):
        body = x.group(1)
        parts = [p for p in _FIELD_SPLIT.split(body) if p]
        if len(parts) < 3 or not any(_ANCHOR.search(p) for p in parts):
            continue
        pos = x.start(1)
        for p in parts:
            s = t.index(p, pos)
            e = s + len(p)
            pos = e
            words = p.split()
            kind = _FIELD_HEADS.get(words[-1].lower())
            if _ANCHOR.search(p) or kind is None or len(words) > 3 or (len(words) == 1 and kind != "alone"):
                continue
            if any(a < e and s < b for a, b in taken):
                continue
            out.append(
                Mention(sent.start + s, sent.start + e, p, E.TECHNOLOGY, p.lower(), "technology-field")
            )
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
    while start < end - 1 and (
        run[start].group()[:1].isdigit()
        or run[start].group().lower() in _COUNTED
        or _counted(run[start].group())
    ):
        start += 1  # "a 256-qubit computer", "a 64 qubit quantum computer", "a five-qubit quantum computer"
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
        # a pair naming one field or offering ("quantum science and technology", "quantum hardware
        # and software") stays one; other heads after "and" are technologies of their own (:func:`_elided`)
        pair = science or run[end - 1].group().lower() in _GENERIC
        if gap_ok and pair and nxt in _HEADS and (nxt.lower() not in _GENERIC or science):
            tail = ["and", nxt]
            stop = words[j + 1].end()
    elif end == len(run) and j < len(words) and t[stop : words[j].start()] == " & ":
        # "quantum sensing & metrology", "quantum materials & devices": one field as programmes name it
        nxt = words[j].group()
        if nxt.lower() in _HEADS and nxt.lower() not in _GENERIC - {"devices"} and _lower_ok(nxt, False):
            tail = ["&", nxt]
            stop = words[j].end()
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


#: A noun after a technology that names the technology as a whole, not a thing of it: "its neutral
#: atom platform", "QKD technology", "photonic networking solutions", "a trapped-ion approach".
_PLATFORM = re.compile(
    r"[ ‐‑-]+(platforms?|technolog(?:y|ies)|systems?|solutions?|approach(?:es)?|architectures?|modalit(?:y|ies)|"
    r"hardware|devices?)\b"
)


_SINGULAR_ENDS = {"ies": "y", "ches": "ch", "s": ""}
_SINGULAR = re.compile(r"(?:ies|ches|(?<!s)s)$")


def with_platform_alias(text: str, m: Mention) -> Mention:
    """A technology mention followed by a noun naming the technology as a whole ("neutral atom
    platform", "quantum key distribution technology") keeps the longer wording as an alias, so that
    the entity answers to the name the article gave it, in the singular too ("platforms" ->
    "platform"). The mention's span, name and relations are unchanged."""
    if m.type is not E.TECHNOLOGY:
        return m
    x = _PLATFORM.match(text, m.end)
    if x is None:
        return m
    noun = x.group(1)
    single = _SINGULAR.sub(lambda y: _SINGULAR_ENDS[y.group()], noun)
    forms = dict.fromkeys([f"{m.text} {noun}", f"{m.text} {single}"])
    m.aliases = [*m.aliases, *forms]
    return m
