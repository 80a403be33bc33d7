"""Acronyms a document uses without defining them: "the 24 members of MQA" after "the
Mid-Atlantic Quantum Alliance", "NQCC's testbeds" after "the National Quantum Computing Centre".

Articles often give an actor's full name once and its acronym later without the bracketed
definition that :func:`.names.definitions` reads. An upper-case word that no list knows and
that spells by its initials exactly one organisation (or programme) the document names in full
is a later mention of it; one that spells none, or two, stays what the other rules make of it.
"""

from __future__ import annotations

from dataclasses import replace

from qkg.schemas import EntityType

from ..gazetteer import Gazetteer
from . import fastre as re
from .mention import Mention
from .names import ALLCAPS, initials_match

__all__ = ["initial_acronyms"]

E = EntityType

#: The actors an undefined acronym may stand for.
_NAMED = frozenset({E.COMPANY, E.UNIVERSITY, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM})
#: The words of a name; a hyphenated word gives one initial ("Mid-Atlantic Quantum Alliance": MQA).
_SPLIT = re.compile(r"\s+")


def initial_acronyms(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Mentions of undefined acronyms that spell exactly one full name of the document."""
    if not any(c.isupper() for c in text):
        return mentions
    names: dict[str, Mention] = {}
    for m in mentions:
        if m.type in _NAMED and " " in m.name.strip():
            names.setdefault(m.name, m)
    if not names:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    known_alias = {a for m in mentions for a in m.aliases}
    extra: list[Mention] = []
    spelled: dict[str, Mention | None] = {}
    for x in ALLCAPS.finditer(text):  # an upper-case word of two to six characters, whole
        acr = x.group()
        if taken[x.start()] or acr in known_alias or gaz.lookup(acr):
            continue
        if acr not in spelled:
            owners = {
                m.name: m
                for m in names.values()
                if (words := [w for w in _SPLIT.split(m.name) if w])
                and initials_match(acr, words) == len(words)
                and m.start < x.start()
            }
            spelled[acr] = next(iter(owners.values())) if len(owners) == 1 else None
        owner = spelled[acr]
        if owner is None:
            continue
        if acr not in owner.aliases:
            owner.aliases.append(acr)
        extra.append(
            replace(owner, start=x.start(), end=x.end(), text=acr, rule="alias", aliases=list(owner.aliases))
        )
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: (m.start, -m.end))
