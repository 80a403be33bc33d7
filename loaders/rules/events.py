"""Events: trade fairs, conferences, summits, expos, weeks and forums (and news outlets told
something: "told Fierce Photonics via email").

Annotators do not count events as entities, yet their names look like organisations
("Quantum.Tech Expo", "the Quantum World Congress 2025", "Q2B Tokyo", "the Davos forum").
Declarations, charters, treaties and laws are kept out the same way: a signed or enacted text
is no actor ("the European Declaration on Quantum Technologies", "the CHIPS and Science Act").
This family finds their spans so that mention detection can drop the organisation (or
programme) readings inside them; the actors around an event ("at Quantum Expo, Orbion and
Veltra signed ...") are untouched.

Four phrasings:

- a capitalised name ending in an event word: "Quantum World Congress 2025",
  "International Conference on Quantum Technologies", "G7 Leaders' Summit";
- a capitalised modifier before a lower-case event word: "the Davos forum", "the G7 summit"
  (the modifier is usually a place, which stays a place);
- a known event series, optionally with its place or year: "Q2B Tokyo", "Quantum Korea 2025";
- a name with a year in an event context: "at Quantum Days 2024", "the “Orbion Live 2025”
  event".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer
from ..patterns import LEADING_NOISE, head_type
from ..segment import Sentence
from . import fastre as re
from .bare_names import opens_with_given
from .literals import compile_gated
from .mention import Mention
from .words import alternation, letter_words, word_list

__all__ = ["GATE", "Event", "event_spans", "outside_events"]

E = EntityType

#: Words one of which a sentence must hold (lower case), or a year, before any event pattern runs.
GATE = frozenset(
    [h.split()[-1] for h in word_list("event_heads")]
    + [re.split(r"[^A-Za-z0-9]", s)[0].lower() for s in word_list("event_series")]
    + ["act", "acts", "bill", "law", "told"]
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
#: The letters each GATE word opens with: a token in GATE opens with one of these as a whole run of
#: letters, so a sentence whose shared word set holds none of them needs no tokens of its own.
_GATE_LETTERS = frozenset(m.group() for g in GATE if (m := re.match("[a-z]+", g)))
#: (The boundary is checked after the first characters, so the engine can skip to them.)
_YEAR_ANY = re.compile(r"(?:19|20)(?<!\w\d\d)\d\d\b")

#: The head words of event names, longest first (escaped, as in a pattern), and their alternation.
_HEAD_WORDS = [re.escape(w) for w in sorted(word_list("event_heads"), key=lambda w: (-len(w), w))]
_HEADS = alternation("event_heads")
#: One word of an event name: "Quantum.Tech", "Q2B", "G7", "Leaders'", "World".
_WORD = r"(?:[A-Z0-9][\w.&-]*[\w&](?:['’]s?)?|[A-Z](?:['’]s)?)"
#: Small words inside an event name ("Festival of Quantum", "Science & Tech Expo"); not "and",
#: which would join a preceding actor to the event ("Orbion and the Quantum Expo").
_LINK = r"(?:of|on|for|&|de|des|du)"
_YEAR = r"(?:19|20)\d\d"
_TITLE_HEAD = "|".join(" ".join(p.capitalize() for p in h.split()) for h in _HEAD_WORDS)

_LOWER_GATE = frozenset(h.split()[-1] for h in _HEAD_WORDS)
_SERIES_GATE = frozenset(re.split(r"[^A-Za-z0-9]", s)[0] for s in word_list("event_series"))
#: Words of an event context ("at", "held", "attended", "the ... event"), gating the named-year pattern.
_CONTEXT_GATE = frozenset(word_list("event_context"))
_TITLE_GATE = frozenset(h.split()[-1] for h in _TITLE_HEAD.split("|"))
_NAMED = re.compile(
    rf"(?:\b{_YEAR}\s+)?((?:{_WORD}\s+(?:{_LINK}\s+){{0,2}}){{1,6}}?(?:{_TITLE_HEAD})\b"
    rf"(?:\s+(?:on|of|for)\s+(?:the\s+)?{_WORD}(?:\s+(?:and\s+)?{_WORD}){{0,4}})?)"
    rf"(?:\s+({_YEAR})\b)?(?!\s*[-–]?\s*[A-Z][a-z])"
)
_LOWER = re.compile(rf"\b[Tt]he\s+((?:{_WORD}\s+){{1,3}}(?:{_HEADS}))\b")
_SERIES = compile_gated(
    rf"(?<![\w.])(?:{alternation('event_series')})(?![\w-])((?:\s+[A-Z][\w-]+){{0,2}})((?:\s*[-–]?\s*{_YEAR})?)\b"
)
_CONTEXT_YEAR = re.compile(
    rf"(?:\b(?:at|during|attend(?:ed|ing|s)?|host(?:ed|ing|s)?(?:\s+of)?|held|exhibit(?:ed|ing|s)?\s+at)\s+"
    rf"(?:the\s+)?[“\"]?((?:{_WORD}\s+){{1,4}}{_YEAR})\b)"
    rf"|(?:[“\"]((?:{_WORD}\s+){{1,4}}{_YEAR})[”\"]\s+(?:event|conference|exhibition|expo|fair|summit|forum|show))"
)
#: Laws: capitalised words, "and" among them, ending in "Act", "Bill" or "Law" ("the CHIPS and
#: Science Act", "the Quantum Computing Cybersecurity Preparedness Act of 2022"); not a person
#: ("Bill Gates") nor a programme named after a law ("the Beyond Moore's Law project").
_LAW = compile_gated(
    rf"((?:{_WORD}\s+(?:(?:of|on|for|and|&|the|to)\s+){{0,2}}){{1,8}}?(?:Act|Acts|Bill|Law))\b"
    rf"(?:\s+of\s+{_YEAR}|\s+\({_YEAR}\))?(?!\s+(?:[A-Z0-9]|project|programme|program|initiative|fund)\b)"
)
_LAW_GATE = frozenset(["Act", "Acts", "Bill", "Law"])
#: A news outlet, read by what a source does to it: "Orbion's CEO told Fierce Photonics via
#: email", "a spokesperson told Lakeport Daily that ..." (media are no actors; a person told
#: something keeps her name: "told Ada Lin").
_TOLD = compile_gated(
    rf"\btold\s+((?:{_WORD}\s+){{0,3}}{_WORD})(?=\s*[,.;:]|\s+(?:that|via|in|on|last|this|during|when|after)\b)"
)
#: Bodies, not events, though their last word is an event word ("US Congress", "the Diet").
_NOT_EVENT_HEAD = frozenset({"congress"})


@dataclass(frozen=True, slots=True)
class Event:
    """Where the text names an event; ``keep_known``: gazetteer names inside stay ("the Davos
    forum", "the Korea-US summit")."""

    start: int
    end: int
    name: str
    keep_known: bool = False


def event_spans(sent: Sentence, gaz: Gazetteer) -> list[Event]:
    """The events named in ``sent`` (document offsets)."""
    t = sent.text
    year = _YEAR_ANY.search(t) is not None
    if not year and (found := letter_words(t)) is not None and found.isdisjoint(_GATE_LETTERS):
        return []
    words = frozenset(_TOKEN.findall(t))
    if not year and GATE.isdisjoint({w.lower() for w in words}):
        return []
    out: list[Event] = []
    for m in _NAMED.finditer(t) if not words.isdisjoint(_TITLE_GATE) else ():
        s = _skip_noise(t, m.start(1), m.end(1))
        if s is None or _is_body(t[s : m.end(1)], gaz):
            continue
        out.append(_event(sent, s, m.end(), t))
    for m in _LOWER.finditer(t) if not words.isdisjoint(_LOWER_GATE) else ():
        modifier = m.group(1).rsplit(" ", 1)[0]
        if _noise(modifier) or head_type(modifier) or _is_body(modifier, gaz):
            continue  # "the European Commission meeting", "the Orbion Institute workshop"
        out.append(_event(sent, m.start(1), m.end(1), t, keep_known=True))
    for m in _SERIES.finditer(t) if not words.isdisjoint(_SERIES_GATE) else ():
        end = m.end()
        if not m.group(2) and m.group(1) and not _places(m.group(1).strip(), gaz):
            # "at CES Orbion unveiled": the next words are not the event's
            first = re.match(r"\s+[\w-]+", m.group(1))
            ok = first is not None and _places(first.group().strip(), gaz)
            end = m.start(1) + first.end() if ok and first else m.start(1)
        out.append(_event(sent, m.start(), end, t))
    for m in _LAW.finditer(t) if not words.isdisjoint(_LAW_GATE) else ():
        s = _skip_noise(t, m.start(1), m.end(1))
        if s is not None and not _is_body(t[s : m.end(1)], gaz):
            out.append(_event(sent, s, m.end(), t))
    for m in _TOLD.finditer(t) if "told" in words else ():
        name = m.group(1)
        if not _noise(name) and not _is_body(name, gaz) and not opens_with_given(name):
            out.append(_event(sent, m.start(1), m.end(1), t))
    for m in _CONTEXT_YEAR.finditer(t) if year and not words.isdisjoint(_CONTEXT_GATE) else ():
        g = 1 if m.group(1) else 2
        if not _noise(m.group(g)) and not _is_body(m.group(g), gaz):
            out.append(_event(sent, m.start(g), m.end(g), t))
    return out


def _event(sent: Sentence, s: int, e: int, t: str, *, keep_known: bool = False) -> Event:
    return Event(sent.start + s, sent.start + e, t[s:e], keep_known)


#: Capitalised words that are not names: quarters, fiscal years, roles, abbreviations.
_NOT_NAME_CAPS = word_list("not_org_caps")


def _noise(name: str) -> bool:
    first = name.split(" ", 1)[0]
    return first.lower().strip('“"') in LEADING_NOISE or first.upper() in _NOT_NAME_CAPS


def _skip_noise(t: str, s: int, e: int) -> int | None:
    """The start of the name once leading noise ("Today", "The", "At") is skipped."""
    for w in re.finditer(r"\S+", t[s:e]):
        if w.group().lower() not in LEADING_NOISE:
            return s + w.start() if s + w.end() < e else None
    return None


def _places(words: str, gaz: Gazetteer) -> bool:
    return any(x.type in {E.CITY, E.REGION, E.COUNTRY} for x in gaz.lookup(words))


def _is_body(name: str, gaz: Gazetteer) -> bool:
    """A known organisation, or a legislature named after its country ("the US Congress")."""
    name = re.sub(rf"\s+{_YEAR}$", "", name)
    if any(x.type not in {E.CITY, E.REGION, E.COUNTRY, E.TECHNOLOGY} for x in gaz.lookup(name)):
        return True
    head = name.rsplit(" ", 1)
    if len(head) == 2 and head[1].lower() in _NOT_EVENT_HEAD:
        return bool(_places(head[0], gaz) or gaz.by_demonym(head[0]))
    return False


def outside_events(cands: list[Mention], events: Sequence[Event]) -> list[Mention]:
    """``cands`` without the readings an event name holds ("Quantum.Tech Expo" is no company).

    A mention overlapping an event goes, except a gazetteer name that reaches outside the
    event or that sits in an event named after it ("the Davos forum": Davos stays).
    """
    if not events:
        return cands
    # a name read as an event once is an event wherever else the text uses it ("the Quantum
    # Effects exhibition ... the Quantum Effects organisers")
    named = {n for n in map(_bare_name, events) if " " in n}
    size = max(max(e.end for e in events), max((c.end for c in cands), default=0))
    strict = bytearray(size)
    loose = bytearray(size)
    for ev in events:
        span = loose if ev.keep_known else strict
        span[ev.start : ev.end] = b"\x01" * (ev.end - ev.start)
    out = []
    for c in cands:
        known = c.rule == "gazetteer"
        inside_strict = any(strict[c.start : c.end])
        if inside_strict and known and not all(strict[c.start : c.end]):
            inside_strict = False  # "Samsung" in "CES Samsung": the name goes beyond the event
        if inside_strict or (not known and any(loose[c.start : c.end])):
            continue
        if not known and c.type in _NAMEABLE and c.name.lower() in named:
            continue
        out.append(c)
    return out


#: Readings an event's name may take elsewhere in the text.
_NAMEABLE = frozenset(
    {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM, E.PERSON}
)
_TRAILING = re.compile(rf"(?:\s+(?:{_YEAR}|[a-z][\w-]*))+$")


def _bare_name(ev: Event) -> str:
    """The event's name without its year and lower-case kind ("Quantum Effects exhibition" ->
    "quantum effects"), lower case."""
    return _TRAILING.sub("", ev.name).lower()
