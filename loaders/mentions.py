"""Mention detection: where the text names an actor, place, programme or technology.

The detector families live in :mod:`qkg.loaders.rules` (organisations, people, references);
this module runs them over a document, adds the gazetteer's hits (known entities) and
settles overlaps: the longer span first, then the more trusted source. References ("the
city government", "the company") become mentions that point at an earlier entity; the
reference step (:mod:`qkg.loaders.rules.references`) decides which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from qkg.schemas import EntityType

from .deadline import check
from .gazetteer import Gazetteer
from .rules import fastre as re
from .rules.bare_names import bare_name_mentions, bracketed_affiliations
from .rules.created_names import created_name_mentions
from .rules.datelines import credit_spans, dateline_mentions, media_names
from .rules.events import Event, event_spans, outside_events
from .rules.founders import founder_mentions
from .rules.governments import government_mentions
from .rules.group_names import counted_group_classes, group_name_mentions, recurring_group_names
from .rules.human_verbs import human_verb_mentions
from .rules.initials import initial_acronyms
from .rules.mention import Mention
from .rules.names import (
    acronym_campuses,
    bracketed_universities,
    coordinated_names,
    definitions,
    list_members,
    shaped_names,
    unit_names,
)
from .rules.organisations import (
    MAX_NAME,
    MAX_PATTERN_SENTENCE,
    extend_program,
    headline_subjects,
    is_headline,
    org_mentions,
    recurring_names,
)
from .rules.people import demonym_mentions, person_mentions, surname_mentions
from .rules.places import demonym_based_mentions, town_mentions
from .rules.references import outside_names, reference_mentions
from .rules.technologies import technology_mentions, with_platform_alias
from .segment import Sentence

__all__ = ["Mention", "find_mentions"]

E = EntityType


_PRIORITY = {
    "shape": 0,
    "descriptor": 2,
    "kind": 5,
    "gazetteer": 6,
    "government": 5,
    "person": 4,
    "quoted": 4,
    "org": 3,
    "acronym": 3,
    "alias": 3,
    "list": 1,
    # a technology named in title case ("a Quantum Computer") over an unknown name of the same span
    "technology-titled": 4,
}


#: A place name glued to a word before it ("Indo-Pacific") is part of that word.
_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-$")
#: ... and one glued to a capitalised word after it ("Jian-Wei", "Paris-Saclay") opens a longer one.
_HYPHEN_NAME_AFTER = re.compile(r"-[A-Z][a-z]")


def _select(cands: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: longer spans first, then the more trusted rule."""
    chosen: list[Mention] = []
    nested = [m for m in cands if m.rule == "org-nested"]
    size = max((c.end for c in cands), default=0)
    covered = bytearray(size)
    for m in sorted(
        (c for c in cands if c.rule != "org-nested"),
        key=lambda m: (-(m.end - m.start), -_PRIORITY.get(m.rule, 0), m.start),
    ):
        if covered.find(1, m.start, m.end) >= 0:
            # equal spans: the more trusted one already won
            continue
        chosen.append(m)
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    chosen += nested
    return sorted(chosen, key=lambda m: (m.start, -m.end))


def find_mentions(text: str, sentences: Sequence[Sentence], gaz: Gazetteer) -> list[Mention]:
    """Every mention in ``text``, in document order (nested organisation tails included)."""
    cands: list[Mention] = []
    known: set[tuple[int, int]] = set()
    place_end = -1  # where the last place named ends: "UK-Canada", "Sydney-Boston" name two places
    found = list(gaz.find(text))
    # where each place begins: "Sydney-Boston" is two cities, "Jian-Wei" no city
    place_starts = {g.start for g in found if g.entry.type in {E.CITY, E.REGION, E.COUNTRY}}
    for g in found:
        en = g.entry
        if (
            en.type in {E.CITY, E.REGION, E.COUNTRY}
            and _HYPHEN_BEFORE.search(text[max(0, g.start - 2) : g.start])
            and place_end != g.start - 1
        ):
            continue
        if en.type is E.CITY and _HYPHEN_NAME_AFTER.match(text, g.end) and g.end + 1 not in place_starts:
            continue  # "Jian-Wei Pan": a city's name glued to a capitalised word opens a longer name
        if en.type in {E.CITY, E.REGION, E.COUNTRY}:
            place_end = g.end
        known.add((g.start, g.end))
        cands.append(
            Mention(
                g.start,
                g.end,
                text[g.start : g.end],
                en.type,
                en.name,
                "gazetteer",
                entry=en,
                country=en.country,
            )
        )
    check()  # the gazetteer's scan covers the whole text
    frozen_known = frozenset(known)
    events: list[Event] = []
    for s in sentences:
        check()  # the document's time limit, once per sentence
        events += event_spans(s, gaz)
        if s.text[:1].isupper():
            cands += dateline_mentions(s, gaz)
        cands += government_mentions(s, gaz)
        cands += technology_mentions(s, gaz)
        cands += reference_mentions(s, gaz)
        if len(s.text) > MAX_PATTERN_SENTENCE:
            continue
        if is_headline(s.text):
            cands += headline_subjects(s, gaz)
            continue
        people = person_mentions(s) + founder_mentions(s) + human_verb_mentions(s) + bare_name_mentions(s)
        cands += people
        cands += bracketed_affiliations(s, people)
        cands += demonym_mentions(s, gaz)
        cands += demonym_based_mentions(s, gaz)
        cands += town_mentions(s, gaz)
        cands += created_name_mentions(s, gaz)
        cands += group_name_mentions(s, gaz)
        cands += org_mentions(s, gaz, frozen_known)
    check()  # and between the passes over the whole document
    cands += shaped_names(text, gaz)
    # events ("Quantum.Tech Expo", "Q2B Tokyo") are not actors, nor wire services ("/PRNewswire/")
    cands = outside_events(cands, events)
    # "President Lin", "Minister Berg": a surname after a personal title is no organisation
    cands = [c for c in cands if not _titled_surname(text, c)]
    credits = credit_spans(text)
    urls = _url_spans(text)
    if credits or urls:
        # names inside a web address ("…/govt-to-promote-quantum-technology") are no mentions
        cands = [
            c
            for c in cands
            if not any(a <= c.start and c.end <= b for a, b in urls)
            and (c.rule == "gazetteer" or not any(a < c.end and c.start < b for a, b in credits))
        ]
    # no actor's name is a paragraph: runaway phrases are not names
    cands = [
        c for c in cands if c.rule == "gazetteer" or (len(c.name) <= MAX_NAME and c.name.count(" ") < 16)
    ]
    check()
    # a gazetteer hit inside a person-name span wins over the person reading
    mentions = _select(outside_names(_drop_person_conflicts(cands)))
    mentions = _without_media(text, mentions)
    mentions = counted_group_classes(text, recurring_group_names(text, mentions))
    check()
    mentions = [extend_program(text, m) for m in mentions]
    mentions = [with_platform_alias(text, m) for m in mentions]
    check()
    mentions = definitions(text, mentions, gaz)
    mentions = initial_acronyms(text, mentions, gaz)
    check()
    mentions = list_members(text, sentences, mentions)
    mentions = coordinated_names(text, sentences, mentions, gaz)
    check()
    mentions = bracketed_universities(text, mentions)
    mentions = acronym_campuses(text, mentions)
    mentions = unit_names(mentions, gaz)
    check()
    mentions = _without_leading_demonym(text, mentions, gaz)
    check()
    mentions = recurring_names(text, mentions)
    check()
    return surname_mentions(text, mentions)


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds web addresses."""
    if "http" not in text and "www." not in text:
        return []
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


_TITLE_BEFORE = re.compile(
    r"(?:\b(?:President|Minister|Professor|Prof\.|Dr\.|Mr\.?|Mrs\.?|Ms\.?|Chancellor|Governor|Mayor|"
    r"Senator|Ambassador|Secretary|Chairman|Chairwoman|CEO|Director)\s+)$"
)
_ORG_TYPES = frozenset(
    {E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM}
)


def _titled_surname(text: str, c: Mention) -> bool:
    """A one-word name found by a weak rule right after a personal title ("President Lin")."""
    return (
        c.rule != "gazetteer"
        and c.type in _ORG_TYPES
        and " " not in c.text
        and c.text[:1].isupper()
        and c.text[1:].islower()
        and _TITLE_BEFORE.search(text, max(0, c.start - 14), c.start) is not None
    )


def _without_media(text: str, mentions: list[Mention]) -> list[Mention]:
    """Unknown names used only as publications ("told TechCrunch", "CTech reported") are no actors."""
    unknown = [(m.start, m.end, m.name) for m in mentions if m.rule != "gazetteer" and m.type in _MEDIA_TYPES]
    media = media_names(text, unknown) if unknown else set()
    return [m for m in mentions if m.name not in media or m.rule == "gazetteer" or m.type not in _MEDIA_TYPES]


_MEDIA_TYPES = frozenset({E.COMPANY, E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE})


def _drop_person_conflicts(cands: list[Mention]) -> list[Mention]:
    """A gazetteer organisation or country inside a person-name span wins over the person
    reading ("Yahoo Japan"); a known city or region wins only where it opens the name ("Berlin
    Partner"): a surname may be a town's name ("Senator Ana Birmingham")."""
    covered = bytearray(max((c.end for c in cands), default=0))
    place_at: set[int] = set()
    for o in cands:
        if o.rule != "gazetteer" or o.type is E.TECHNOLOGY:
            continue
        if o.type in _PLACES:
            place_at.add(o.start)
        else:
            covered[o.start : o.end] = b"\x01" * (o.end - o.start)
    return [
        c
        for c in cands
        if c.type is not E.PERSON or (covered.find(1, c.start, c.end) < 0 and c.start not in place_at)
    ]


_PLACES = frozenset({E.CITY, E.REGION})


def _without_leading_demonym(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """ "the American Atom Computing": a nationality before a name the text also uses alone is
    no part of it ("Atom Computing" elsewhere); "American Express" alone keeps its word."""
    out = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        if (
            m.rule != "gazetteer"
            and m.type in _ORGS
            and len(rest.split()) >= 2
            and gaz.by_demonym(first) is not None
            and _used_alone(text, rest)
        ):
            start = m.start + len(first) + 1
            m = replace(m, start=start, text=rest, name=rest)
        out.append(m)
    return out


_ORGS = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER})
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+$")


def _used_alone(text: str, name: str) -> bool:
    """``name`` occurs with no capitalised word right before it ("Atom Computing will ...", not
    "the American Atom Computing" nor "the European Space Agency")."""
    return any(
        not _CAPITAL_BEFORE.search(text, max(0, x.start() - 40), x.start())
        for x in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    )
