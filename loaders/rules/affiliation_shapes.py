"""Affiliation shapes around a person's name that hold whatever the role word is.

The apposition and verb rules of :mod:`.affiliation` read a role after a name ("§p§, CEO of
§o§") and :mod:`.person_roles` one before it; news, event reports and captions also write:

- the organisation as the name's possessor: "§Nvidia§'s §p§", "§Orbion§' §p§";
- a title line: "Director, §centre§, §university§, Dr. §p§" (the role, then the organisation
  and its parent, then the holder);
- a role of an organisation whose short name follows in brackets, then a courtesy title:
  "Chairman of the §NRF§ (NRF) Mr §p§" (the bracket is folded into the tag);
- a job told as a noun: "§p§'s new job on the board of Israeli start-up §o§", "§p§'s stint at
  §o§";
- a role told as a position taken: "§p§ has assumed the position of Chief of the §o§";
- the holder of a role in brackets after the organisation, as press releases (and translations
  of Japanese and Korean ones) write: "the §centre§ (Director: Dr. §p§)", "§institute§ (OIST,
  President and CEO §p§)", "§centre§ (head: §p§)".

Each names the organisation the person works for (a chair or head of the organisation itself
leads it, as :func:`.affiliation._role_fact` decides). The masked sentence
(:mod:`qkg.loaders.context`) is read; nothing here looks at the role's wording beyond the
role-word list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ORGS, Fact, SentView, ids_in
from . import fastre as re
from .people import ROLE
from .rule import f as _f

__all__ = ["shape_facts"]

E = EntityType
R = RelationType

_TITLE = r"(?:(?:Dr|Prof|Mr|Ms|Mrs|Mx)\.?|Professor|Sir|Dame|Sheikh|Shri|Smt\.?|H\.?\s?E\.?)"

#: "§Nvidia§'s §p§", "§Orbion Technologies§' §p§", "§Orbion§'s Dr §p§".
_POSSESSOR = re.compile(rf"§(\d+)§['’]s?\s+(?:{_TITLE}\s+)?§(\d+)§")

#: "Director, §c§, §u§, Dr. §p§": a role (with its qualifiers), then one or more organisations,
#: then the holder, at the start of the sentence or of a clause after ";".
_ROLE_ORGS_PERSON = re.compile(
    rf"(?:^\W*|;\s+(?:and\s+)?)((?:[\w-]+\s+){{0,3}}?{ROLE}(?:\s+(?:of|for)\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w&-]*){{0,4}})?)"
    rf",+\s+(?:the\s+)?§(\d+)§((?:,+\s+(?:the\s+)?§\d+§)*),+\s+(?:{_TITLE}\s+)?§(\d+)§"
)

#: "Chairman of the §o§ Mr §p§", "CEO of §o§ Dr. §p§": a role of an organisation, a courtesy
#: title, the holder (no comma: the title shows where the name begins).
_ROLE_OF_TITLED = re.compile(rf"\b({ROLE})\s+(?:of|at)\s+(?:the\s+)?§(\d+)§\s+{_TITLE}\s+§(\d+)§")
#: What every match of it holds (a title between two tags); opening with "§", it is found in C at once,
#: where the pattern itself tries the role alternation at every word (~200 us a sentence).
_TITLED_TAGS = re.compile(rf"§\s+{_TITLE}\s+§")

#: "§p§'s new job on the board of Israeli start-up §o§", "§p§'s years at §o§".
_JOB_AT = re.compile(
    r"§(\d+)§['’]s?\s+(?:(?:new|current|former|previous|first|last|recent|long|\d+-year)\s+)*"
    r"(?:job|role|position|post|seat|appointment|tenure|stint|career|years|time|work)\s+"
    r"(?:on\s+the\s+(?:[\w-]+\s+)?board\s+(?:of(?:\s+directors\s+(?:of|at))?|at)|at|with)\s+"
    r"(?:the\s+)?(?:(?!and\b|or\b)[\w-]+\s+){0,3}?§(\d+)§"
)

#: "§p§, professor of physics, and §q§ will co-direct the §b§": people (each maybe with an
#: apposition that names no one) running a body together.
_APPOS = r"(?:,\s+[^§;]{1,100}?,)?"
_PEOPLE_RUN = re.compile(
    rf"((?:§\d+§{_APPOS},?\s+)*§\d+§{_APPOS},?\s+and\s+§\d+§{_APPOS})\s+"
    r"(?:(?:will|would|also|jointly|now|currently|together|have|had|has)\s+)*(?:been\s+)?"
    r"(?:co-)?(?:lead|led|head|headed|chair|chaired|run|ran|direct|directed|oversee|oversaw|steer|steered|"
    r"manage|managed|co-found|co-founded|found|founded)\s+(?:the\s+)?(?:new\s+)?§(\d+)§(?!['’])"
)
_FOUNDING = re.compile(r"found")
_LEADABLE = frozenset(
    {E.PROGRAM, E.CLUSTER, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY, E.COMPANY, E.UNIVERSITY}
)

#: A round-up item headed by an organisation: "- §o§: §p§ stepped in after §q§ departed", the
#: people of the item before any other organisation (whom the item's career words are about).
_HEADED_ITEM = re.compile(r"^[\W\d]{0,4}§(\d+)§\s*[:–—]\s+([^§]*(?:§\d+§[^§]*)*)$")
_CAREER_WORD = re.compile(
    rf"\b(?:{ROLE}|stepped|steps|departed|departs|left|leaves|resigned|resigns|retired|retires|joined|joins|"
    r"named|appointed|hired|promoted|succeeded|succeeds|replaced|replaces|reins|helm|took\s+over|takes\s+over)\b"
)
#: "§p§, CEO of §q§, ...": a person given an organisation of their own in apposition.
_OWN_APPOSITION = re.compile(r",\s+[^§,;]{0,60}§")
#: "§p§ departed in April to start §o§", "§p§ left §q§ to found §o§": what a person left to set up.
_LEFT_TO_FOUND = re.compile(
    r"§(\d+)§[^§;]{0,30}?\b(?:left|leaves|departed|departs|quit|quits|resigned|resigns|retired|stepped\s+(?:down|away))\b"
    r"[^;]{0,60}?\bto\s+(?:start|found|co-found|launch|set\s+up|create|form)\s+(?:(?:a|an|the|his|her|their)\s+)?"
    r"(?:new\s+)?(?:(?!and\b)[\w-]+\s+){0,3}?§(\d+)§"
)

#: "King §p§ of §Sweden§": a monarch belongs to the country (or region) of the title.
_ROYAL_OF = re.compile(
    r"\b(?:King|Queen|Prince|Princess|Emperor|Empress|Sultan|Emir|Grand\s+Duke|Crown\s+Prince(?:ss)?)\s+"
    r"§(\d+)§\s+of\s+(?:the\s+)?§(\d+)§"
)

#: "§o§ (Director: Dr. §p§)", "§o§ (§o§, President and CEO §p§)", "§o§ (OIST, President §p§)": a
#: role and its holder in brackets right after the organisation (a short name may come first).
_BRACKET_ROLE = re.compile(
    rf"§(\d+)§\s*\(\s*(?:(?:§\d+§|[A-Z][\w&-]*),\s+)?((?:(?:{ROLE})(?:\s+and\s+|\s*&\s*)?){{1,3}})\s*[:：]?\s+"
    rf"(?:{_TITLE}\s+)?§(\d+)§\s*\)"
)

#: "§p§ has assumed the position of Chief of the §o§", "§p§ took up the post of head of §o§": the
#: role told as a position taken (the subject before it, a few words such as a title between).
_POSITION_OF = re.compile(
    r"§(\d+)§[^§.;]{0,40}?\s(?:(?:has|have|had|will|also)\s+)*(?:been\s+)?"
    r"(?:assumed|assumes|assume|took\s+up|takes\s+up|take\s+up|taken\s+up|took\s+over|taken\s+over|holds|held|"
    r"appointed\s+to|named\s+to|elected\s+to)\s+the\s+(?:position|post|role|office|job|seat)\s+of\s+"
    rf"((?:[\w-]+\s+){{0,2}}?(?:{ROLE}))\s+(?:of|at|for)\s+(?:the\s+)?§(\d+)§"
)

RoleFact = Callable[[SentView, int, str, int, str], "Fact | None"]


def shape_facts(v: SentView, m: str, role_fact: RoleFact) -> Iterator[Fact]:
    """AFFILIATED_WITH (or LEADS, for a chair of the body itself) from the four shapes."""
    if "§'" in m or "§’" in m:
        for x in _POSSESSOR.finditer(m):
            o, p = int(x.group(1)), int(x.group(2))
            if v.type(o) in ORGS and v.type(p) is E.PERSON:
                yield _f(v, p, R.AFFILIATED_WITH, o, "org-possessive-person", 0.7)
        for x in _JOB_AT.finditer(m):
            p, o = int(x.group(1)), int(x.group(2))
            if v.type(p) is E.PERSON and v.type(o) in ORGS:
                yield _f(v, p, R.AFFILIATED_WITH, o, "job-at", 0.8)
    if ", " in m:
        for x in _ROLE_ORGS_PERSON.finditer(m):
            role, first, rest, p = x.group(1), int(x.group(2)), ids_in(x.group(3)), int(x.group(4))
            if v.type(p) is not E.PERSON:
                continue
            fact = role_fact(v, p, role, first, "role-orgs-person")
            if fact is not None:
                yield fact
                for o in rest:
                    if v.type(o) in ORGS and o != first:
                        yield _f(v, p, R.AFFILIATED_WITH, o, "role-orgs-person", 0.7)
    if ", " in m:
        yield from _pair_list_facts(v, m)
    for x in (
        _POSITION_OF.finditer(m)
        if " the position of " in m or " the post of " in m or " the role of " in m
        else ()
    ):
        p, role, o = int(x.group(1)), x.group(2).strip(), int(x.group(3))
        if v.type(p) is E.PERSON:
            fact = role_fact(v, p, role, o, "position-of")
            if fact is not None:
                yield fact
    for x in _BRACKET_ROLE.finditer(m) if "§ (" in m or "§(" in m else ():
        o, role, p = int(x.group(1)), x.group(2).strip(), int(x.group(3))
        if v.type(p) is not E.PERSON or v.type(o) not in ORGS:
            continue
        # "President and CEO": a chair's or head's role leads, every other role affiliates
        for part in re.split(r"\s+and\s+|\s*&\s*", role):
            fact = role_fact(v, p, part, o, "bracket-role")
            if fact is not None:
                yield fact
    if " and " in m:
        for x in _PEOPLE_RUN.finditer(m):
            b, people = int(x.group(2)), ids_in(x.group(1))
            if v.type(b) not in _LEADABLE or not all(v.type(p) is E.PERSON for p in people):
                continue
            founded = _FOUNDING.search(x.group(0)[-40:]) is not None
            for p in people:
                if founded:  # founders work at what they founded (they need not run it)
                    yield _f(v, p, R.AFFILIATED_WITH, b, "people-run", 0.8)
                else:
                    yield _f(v, p, R.LEADS, b, "people-run", 0.8)
    item = _HEADED_ITEM.match(m) if ":" in m or "–" in m or "—" in m else None
    if item is not None and v.type(int(item.group(1))) in ORGS and _CAREER_WORD.search(item.group(2)):
        o, body = int(item.group(1)), item.group(2)
        for i in ids_in(body):
            if v.type(i) in ORGS:
                break  # people after another organisation may be that one's
            if v.type(i) is E.PERSON and not _OWN_APPOSITION.match(body, body.find(f"§{i}§") + len(f"§{i}§")):
                yield _f(v, i, R.AFFILIATED_WITH, o, "item-header-org", 0.7)
    for x in _LEFT_TO_FOUND.finditer(m) if " to " in m else ():
        p, o = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(o) in ORGS:
            yield _f(v, p, R.AFFILIATED_WITH, o, "left-to-found", 0.8)
    for x in _ROYAL_OF.finditer(m) if " of " in m else ():
        p, c = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(c) in {E.COUNTRY, E.REGION}:
            yield _f(v, p, R.AFFILIATED_WITH, c, "royal-of", 0.8)
    for x in _ROLE_OF_TITLED.finditer(m) if _TITLED_TAGS.search(m) else ():
        fact = role_fact(v, int(x.group(3)), x.group(1), int(x.group(2)), "role-of-titled")
        if fact is not None:
            yield fact


#: One item of a list of people each with their organisation: "§p§, §o§", "Prof. §p§, the §o§".
_PAIR = rf"(?:{_TITLE}\s+)?§\d+§,\s+(?:the\s+)?§\d+§"
_PAIR_SEP = r"(?:\s*[;,]\s*(?:and\s+)?|\s+and\s+)"
#: Two or more such items in a row, the list ending where the sentence or a clause does.
_PAIR_LIST = re.compile(rf"{_PAIR}(?:{_PAIR_SEP}{_PAIR})+(?=\s*(?:[.;:,)–—-]|\s\(|$))")
_ONE_PAIR = re.compile(r"§(\d+)§,\s+(?:the\s+)?§(\d+)§")


def _pair_list_facts(v: SentView, m: str) -> Iterator[Fact]:
    """A list whose items alternate a person and an organisation ("Speakers included §p§, §o§,
    and §q§, §u§"; "led by Prof. §p§, §u§ and Prof. §q§, §w§"; "§p§, §o§; §q§, §u§") pairs each
    person with the organisation after them: the repeated shape, not any word, says so. A
    single "§p§, §o§" may be two items of a list of actors and is left alone."""
    for x in _PAIR_LIST.finditer(m):
        pairs = [(int(y.group(1)), int(y.group(2))) for y in _ONE_PAIR.finditer(x.group(0))]
        if all(v.type(p) is E.PERSON and v.type(o) in ORGS for p, o in pairs):
            for p, o in pairs:
                yield _f(v, p, R.AFFILIATED_WITH, o, "person-org-pairs", 0.7)
