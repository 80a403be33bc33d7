"""Places: where an organisation is (LOCATED_IN) from stated location wording."""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import APPOSED_MEMBER, ENT, LIST, ORG_NOUN, ORGS, PLACES, Fact, SentView, ids_in, modifiers_ok
from ..gazetteer import Gazetteer
from ..patterns import KEYWORDS, LEADING_NOISE
from ..segment import Sentence
from . import fastre as re
from .bare_names import COMMON_WORDS, is_given_name
from .literals import compile_gated
from .membership import membership_facts
from .mention import Mention
from .rule import f as _f
from .rule import gate
from .rule import ok as _ok
from .words import may_hold, word_table

__all__ = [
    "GATE",
    "called_facts",
    "clause_facts",
    "demonym_based_mentions",
    "fronted_facts",
    "location_facts",
    "own_site_facts",
    "place_modifier_facts",
    "pronoun_site_facts",
    "sets_up_facts",
    "such_as_facts",
]

E = EntityType
R = RelationType


GATE = (
    "based",
    "host",
    "expand",
    "presence",
    "home",
    "from",
    "across",
    "span",
    "cover",
    "headquarter",
    "located",
    "situated",
    "registered",
    "anchored",
    "housed",
    "factory",
    "plant",
    "campus",
    "facilit",
    "site",
    "office",
    "premises",
    "hq",
    " in ",
    " to ",
    "out of",
    "like",
    "such as",
    "including",
    # organisation nouns a place may qualify ("the UK company")
    "compan",
    "firm",
    "start",
    "maker",
    "giant",
    "provider",
    "developer",
    "group",
    "lab",
    "institut",
    "operator",
    "specialist",
    "supplier",
    "vendor",
    "player",
    "spin",
    "unicorn",
    "incubator",
    "business",
    "venture",
    "pioneer",
)


#: "§X§ is based in §P§", "§X§, which is based in §P§", "§X§, based out of §P§", "§X§ (headquartered in §P§)"
_BASED_IN = compile_gated(
    rf"({LIST})(?:,\s+(?:which|that|who)\s+|,\s+|\s*\(|\s+)(?:(?:is|are|was|were|will|be|been|has|have|now|also|currently)\s+)*"
    # (a former seat is not where it is: "formerly based in")
    r"(?!(?:formerly|previously|once|originally|not|never)\s)(?:\w+\s+)?"
    rf"(?:based|headquartered|located|situated|registered|anchored|housed)\s+(?:in|at|out\s+of)\s+(?:the\s+)?{ENT}"
)
#: "§X§ is a §Lyon§ company", "§X§ was a §Boston§-based start-up": a place qualifying what the subject is.
_IS_A_PLACE_NOUN = compile_gated(
    rf"{ENT}\s+(?:is|was|remains|has\s+been)\s+(?:an?|the)\s+(?:(?:[a-z][\w-]*|§\d+§)\s+){{0,2}}?§(\d+)§(?:-based)?\s+"
    rf"((?:(?:[a-z][\w-]*|§\d+§)\s+){{0,3}}?){ORG_NOUN}\b"
)
#: "§X§ is a start-up from §Lyon§", "§X§ was a spin-off in §Delft§": the predicate's noun says where
#: the subject comes from (as the apposition "§X§, a start-up from §Lyon§," does).
_IS_A_NOUN_FROM = compile_gated(
    # "§X§ is a nonprofit, independent R&D center headquartered in §P§": a few describing words, set
    # off by commas too, and any participle of location
    rf"{ENT}\s+(?:is|was|remains)\s+(?:an?|the|one\s+of\s+(?:the|several|many|a\s+few|a\s+handful\s+of))\s+"
    rf"(?:(?!(?:of|to|for|with|at|by|and|or|from|in)\b)(?:[\w&-]+|§\d+§),?\s+){{0,4}}?"
    rf"(?:{ORG_NOUN}|cent(?:re|er)s?|institutes?|universit(?:y|ies)|organi[sz]ations?|non-?profits?|agenc(?:y|ies)|"
    rf"foundations?|associations?)\s+(?:from|in|out\s+of|(?:based|headquartered|located|situated)\s+in)\s+"
    r"(?:the\s+)?§(\d+)§(?!['’]s?\s)(?!-)"
)
_FACILITY_OF = re.compile(
    rf"{ENT}'s?\s+(?:[\w-]+\s+){{0,2}}(?:headquarters|HQ|head\s+office|offices?|factory|plant|campus|facility|site|premises)\s+"
    # "§X§'s headquarters are (located) in §P§"
    rf"(?:(?:is|are|was|were|remains?|will\s+be)\s+(?:(?:now|still|also)\s+)?(?:located\s+|based\s+|situated\s+)?)?(?:in|at)\s+(?:the\s+)?{ENT}"
)
#: "§X§'s §Lyon§ headquarters", "§X§'s new §Munich§ office": the possessor's site named by its place.
_OWN_NAMED_SITE = re.compile(
    rf"{ENT}'s?\s+(?:new\s+|main\s+|global\s+|European\s+|US\s+)?§(\d+)§\s+"
    r"(?:headquarters|head\s+office|HQ|offices?|factory|plant|campus|facility|site|lab|laboratory)\b"
)
_FACILITY_IN = re.compile(
    rf"{ENT}\s+(?:factor(?:y|ies)|plants?|headquarters|HQ|campus|facilit(?:y|ies)|sites?)\s+(?:in|at)\s+(?:the\s+)?{ENT}"
)
_HQ_TO = compile_gated(
    rf"{ENT}\s+to\s+(?:establish|open|build|set\s+up|move|relocate)\s+its\s+(?:[\w§-]+\s+){{0,3}}(?:headquarters|HQ|head\s+office)\s+in\s+(?:the\s+)?{ENT}"
)
_FROM_THE_IN = re.compile(rf"{ENT}\s+(?:from|of)\s+the\s+{ENT}\s+in\s+(?:the\s+)?{ENT}")


#: "the §Hub§ across §A§, §B§ and §C§", "§X§ Tech Hub, which spans §A§ and §B§": where a hub or
#: consortium is, when it spreads over several places.
_SPANS = re.compile(
    rf"{ENT}(?:\s+(?:tech\s+)?(?:hub|consortium|cluster|network|corridor|region))?,?\s+(?:(?:which|that)\s+)?"
    r"(?:(?:spans|span|spanned|spanning|covers|covering|stretches\s+across|stretching\s+across)|(?<!\w)across)\s+"
    rf"(?:the\s+)?(?:(?:states|provinces|regions|countries|cities)\s+of\s+)?({LIST})"
)


#: A demonym written as a location ("Canadian-headquartered", "French-based"): the country.
_DEMONYM_BASED = re.compile(r"\b([A-Z][a-z]+)-(?:based|headquartered)\b")


#: "founded in Kelmar, Norway", "held in Tavira, Portugal": a capitalised word (or two) after a
#: preposition of place and before a comma and a known country or region is a town of it.
_TOWN_OF = re.compile(
    r"(?<![\w-])(?:in|near|at|from|outside)\s+((?:[A-Z][a-zà-öø-ÿ'’]+)(?:[ -](?:[A-Z][a-zà-öø-ÿ]+|sur|upon|am|an|de|del))?"
    r"(?:[ -][A-Z][a-zà-öø-ÿ]+)?),\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?=[\s,.;:)]|$)"
)
_TOWN_OF_WORDS = ("in ", "near ", "at ", "from ", "outside ")
#: The next town of a list the first shape opened: "offices in Boulder, Colorado, and Harwich, UK".
_TOWN_AND = re.compile(r",?\s+and\s+" + _TOWN_OF.pattern.split(r"\s+", 1)[1])
#: What must stand before such a town: a preposition of place and a place with its country or region.
_TOWN_LIST_BEFORE = re.compile(
    r"(?<![\w-])(?:in|near|at)\s+(?:the\s+)?[A-Z][\w.'’ -]{0,30},\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2},?$"
)
#: US states by postal code ("based in Lowell, MA"), upper case only.
_POSTAL = word_table("state_postal_codes")
#: Location wording right before "in": "based in Lowell, Massachusetts" names a town even when
#: its name is also a given name.
_LOCATION_WORD = re.compile(
    r"\b(?:based|headquartered|located|situated|offices?|labs?|laboratory|facility|site|campus)\s+$"
)


#: US states as the Associated Press abbreviates them ("Colo."), read before "-based" here.
_AP_STATES = word_table("state_abbreviations")
#: "a Broomfield, CO-based company", "the Boulder, Colo.-based start-up": a town and its state's
#: postal code or abbreviation written as one "-based" modifier (no preposition before the town).
_TOWN_STATE_BASED = re.compile(
    r"(?<![\w-])([A-Z][a-zà-öø-ÿ'’]+(?:[ -][A-Z][a-zà-öø-ÿ]+)?),\s+([A-Z]{2}|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)-based\b"
)


def _state_based_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """The town and the state of "Broomfield, CO-based" / "Boulder, Colo.-based": the state a Region,
    the town the gazetteer's city or else a City of that state (the words filtered as for towns)."""
    out: list[Mention] = []
    for x in _TOWN_STATE_BASED.finditer(sent.text):
        code = x.group(2)
        state = _POSTAL.get(code) or _AP_STATES.get(code.lower())
        hits = gaz.lookup(state) if state else gaz.lookup(code) or gaz.lookup(code.rstrip("."))
        where = next((e for e in hits if e.type is E.REGION), None)
        if where is None:
            continue
        name, words = x.group(1), x.group(1).split()
        known = [e for e in gaz.lookup(name) if e.type is not E.PERSON]
        if not known and (
            any(
                w.lower() in KEYWORDS or w.lower() in COMMON_WORDS or w.lower() in LEADING_NOISE
                for w in words
            )
            or is_given_name(words[0])
        ):
            continue
        if not known:
            st = sent.start + x.start(1)
            out.append(Mention(st, st + len(name), name, E.CITY, name, "town", country=where.country))
        st = sent.start + x.start(2)
        out.append(
            Mention(st, st + len(code), code, E.REGION, where.name, "gazetteer", entry=where, country="US")
        )
    return out


def town_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Towns the place lists do not hold, named with their country or region ("in Kelmar, Norway"):
    a City of that country. A word any list knows (an actor, a place, an organisation's keyword,
    a given name, a common word) is none: "in Acme Labs, Norway" is no town, nor "in May, Norway"."""
    t = sent.text
    out: list[Mention] = _area_mentions(sent, gaz) if " region" in t or " area" in t else []
    if "-based" in t:
        out += _state_based_mentions(sent, gaz)
    if ", " not in t or not gate(t, _TOWN_OF_WORDS):
        return out
    towns = [
        *_TOWN_OF.finditer(t),
        *(y for y in _TOWN_AND.finditer(t) if _TOWN_LIST_BEFORE.search(t, max(0, y.start() - 60), y.start())),
    ]
    for x in towns:
        said = x.group(2)  # "Ont." is a region's abbreviation, "Norway." a sentence's end
        said = _POSTAL.get(said.rstrip("."), said)  # "MA": Massachusetts
        hits = gaz.lookup(said) or (gaz.lookup(said[:-1]) if said.endswith(".") else [])
        where = next((e for e in hits if e.type in {E.COUNTRY, E.REGION}), None)
        name = x.group(1)
        if where is None or any(e.type is not E.PERSON for e in gaz.lookup(name)):
            continue
        words = name.split()
        if any(
            w.lower() in KEYWORDS or w.lower() in COMMON_WORDS or w.lower() in LEADING_NOISE for w in words
        ) or (is_given_name(words[0]) and not _LOCATION_WORD.search(t, max(0, x.start() - 20), x.start())):
            continue
        st = sent.start + x.start(1)
        out.append(Mention(st, st + len(name), name, E.CITY, name, "town", country=where.country))
        if said != x.group(2):  # the state a postal code stands for is a place the text names
            st = sent.start + x.start(2)
            code = x.group(2).rstrip(".")
            out.append(
                Mention(
                    st, st + len(code), code, E.REGION, where.name, "gazetteer", entry=where, country="US"
                )
            )
    return out


#: "the Chicago region", "the greater Boston area": the region around a city, named by the city.
_AREA = re.compile(
    r"\bthe\s+(?:greater\s+|wider\s+)?([A-Z][a-zà-öø-ÿ]+(?:[ -][A-Z][a-zà-öø-ÿ]+)?)\s+(region|area|metropolitan\s+area|metro\s+area)\b"
)


def _area_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """The region around a city the gazetteer knows, a Region named "<city> region" (or "area")
    as the annotators name it: actors "in the Chicago region" are located there, not in the city."""
    out: list[Mention] = []
    for x in _AREA.finditer(sent.text):
        city = next((e for e in gaz.lookup(x.group(1)) if e.type is E.CITY), None)
        if city is None:
            continue
        name = f"{x.group(1)} {' '.join(x.group(2).split())}"
        st = sent.start + x.start(1)
        out.append(Mention(st, sent.start + x.end(2), name, E.REGION, name, "town", country=city.country))
    return out


def demonym_based_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """The country a demonym names where it states a location ("Canadian-headquartered firms"):
    annotators read "<nationality>-based" as location wording, unlike a bare nationality."""
    t = sent.text
    out: list[Mention] = []
    for x in _DEMONYM_BASED.finditer(t) if "-based" in t or "-headquartered" in t else ():
        entry = gaz.by_demonym(x.group(1))
        if entry is None:
            continue
        st = sent.start + x.start(1)
        out.append(
            Mention(
                st,
                st + len(x.group(1)),
                entry.name,
                entry.type,
                entry.name,
                "demonym",
                entry=entry,
                country=entry.country,
            )
        )
    return out


def location_facts(v: SentView, m: str) -> Iterator[Fact]:
    yield from place_modifier_facts(v, m)
    for x in _SPANS.finditer(m) if "span" in m or "across" in m or "cover" in m else ():
        a = int(x.group(1))
        if v.type(a) is not E.CLUSTER:
            continue  # "§X§ across §A§" of a company says where it sells or works
        for b in ids_in(x.group(2)):
            if _ok(v, a, b, PLACES):
                yield _f(v, a, R.LOCATED_IN, b, "spans-places", 0.8)
    yield from sets_up_facts(v, m)
    yield from fronted_facts(v, m)
    yield from seat_facts(v, m)
    yield from called_facts(v, m)
    yield from such_as_facts(v, m)
    yield from pronoun_site_facts(v, m)
    yield from own_site_facts(v, m)
    pl = PLACES | {E.CLUSTER}
    for x in _BASED_IN.finditer(m):
        b = int(x.group(2))
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, pl) and v.type(a) not in {E.TECHNOLOGY, E.PROGRAM}:
                yield _f(v, a, R.LOCATED_IN, b, "based-in", 0.9)
    for x in _IS_A_PLACE_NOUN.finditer(m):
        a, p = int(x.group(1)), x.group(2)
        if _modifier_place(v, p, x.group(3)) and _ok(v, a, int(p), PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, int(p), "is-a-place-noun", 0.8)
    for x in _IS_A_NOUN_FROM.finditer(m) if " is " in m or " was " in m else ():
        a, b = int(x.group(1)), int(x.group(2))
        # (a continent is where it works, not where it is: "the largest company in Europe")
        if (
            _ok(v, a, b, PLACES)
            and v.type(a) in ORGS
            and not (v.type(b) is E.REGION and v.mentions[b].country is None)
        ):
            yield _f(v, a, R.LOCATED_IN, b, "is-a-noun-from", 0.8)
    for x in _FACILITY_OF.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "facility-in", 0.8)
    for x in _OWN_NAMED_SITE.finditer(m) if "'" in m else ():
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS and _places_a_site(v, b):
            yield _f(v, a, R.LOCATED_IN, b, "own-site-place", 0.8)
    for x in _FACILITY_IN.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "facility-in", 0.8)
    for x in _HQ_TO.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, pl) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "headquarters-in", 0.9)
    yield from _second_site_facts(v, m)
    for x in _SITE_OF_IN.finditer(m) if " of " in m else ():
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "site-of-in", 0.8)
    for x in _MOVED_TO.finditer(m) if " to " in m or " in " in m else ():
        a, b = int(x.group(1)), int(x.group(2))
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "moved-to", 0.7)
    for x in _FROM_THE_IN.finditer(m):
        a, b = int(x.group(2)), int(x.group(3))
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "x-in-place", 0.7)


#: "§a§ and §b§, both based in §p§", "§a§, §b§ and §c§, all in §p§": a distributive apposition
#: after a coordination says the same of each conjunct.
_DISTRIBUTED = compile_gated(
    rf"({LIST}),\s+(?:both|all|each)\s+(?:of\s+(?:them|which)\s+)?((?:[^§;,.]|§\d+§){{3,120}})"
)
#: "§o§, which was founded in §p§ in 2019,": a relative clause about the organisation just named.
_WHICH = compile_gated(r"§(\d+)§,\s+(?:which|that)\s+((?:[^§;,.]|§\d+§){3,160})")
_SINGULAR = {
    "subsidiaries": "a subsidiary",
    "units": "a unit",
    "divisions": "a division",
    "arms": "an arm",
    "affiliates": "an affiliate",
    "members": "a member",
    "parts": "part",
}
_PLURAL_KIND = re.compile(r"\b(?:subsidiaries|units|divisions|arms|affiliates|members|parts)\b")
#: "§a§ is a unit of §o§", "§a§ became the research arm of §o§": the subject and its predicate noun phrase.
_PREDICATE = compile_gated(
    r"§(\d+)§\s+(?:is|was|remains|became|has\s+become)\s+(?:(?:now|also|effectively)\s+)?"
    r"((?:an?|the)\s+(?:[^§;,.]|§\d+§){3,120})"
)
#: A clause body that opens with its verb ("was founded in", "are based in", "has offices in").
_FINITE = re.compile(r"(?:is|are|was|were|will|has|have|had|remains|remain|now|also|currently)\b")
_PLURAL_VERB = {"are": "is", "were": "was", "have": "has", "remain": "remains"}


def clause_facts(v: SentView, m: str) -> Iterator[Fact]:
    """Where an organisation is and what it is part of, said in a relative clause or a distributive
    apposition: each is read as a clause of its own whose subject is the organisation ("§o§ was
    founded in §p§", "§a§ is based in §p§", "§a§ is a subsidiary of §o§"), so every location and
    membership rule reads it as it reads a sentence."""
    for x in _DISTRIBUTED.finditer(m) if "both" in m or "all " in m or "each" in m else ():
        for a in ids_in(x.group(1)):
            yield from _read_as_clause(v, a, x.group(2))
    for x in _WHICH.finditer(m) if "which" in m or "that" in m else ():
        yield from _read_as_clause(v, int(x.group(1)), x.group(2))
    # "§a§ is an investment platform under §o§": a predicate noun phrase is an apposition told
    for x in _PREDICATE.finditer(m) if " is " in m or " was " in m or "became" in m or "remains" in m else ():
        a = int(x.group(1))
        if v.type(a) in ORGS:
            for y in APPOSED_MEMBER.finditer(f"§{a}§, {x.group(2)}"):
                b, word = int(y.group(4) or y.group(6)), y.group(2) or y.group(3) or y.group(7)
                # a partner or member of a company is its partner, not a part of it
                groups = (
                    {E.CLUSTER, E.PROGRAM} if word.startswith(("member", "partner", "particip")) else ORGS
                )
                if b != a and v.type(b) in groups and modifiers_ok(v, y.group(0), a, b):
                    yield _f(v, a, R.PART_OF, b, "predicate-member", 0.8)


def _read_as_clause(v: SentView, a: int, body: str) -> Iterator[Fact]:
    if v.type(a) not in ORGS:
        return
    body = body.strip()
    first = body.split(" ", 1)[0]
    if first in _PLURAL_VERB:
        body = _PLURAL_VERB[first] + body[len(first) :]
    elif first == "in":
        body = "based " + body  # "both in §p§": where they are
    if not _FINITE.match(body):
        body = "is " + body
    aid = v.id(a)
    clause = f"§{a}§ {body}."
    for f in location_facts(v, clause):
        if f.source == aid and f.type is R.LOCATED_IN:
            yield f
    # "both subsidiaries of §o§": the kind noun in the singular, as a clause of one subject says it
    clause = _PLURAL_KIND.sub(lambda k: _SINGULAR[k.group(0)], clause, count=1)
    for f in membership_facts(v, clause) if " of " in clause or " within " in clause else ():
        if f.source == aid and f.type is R.PART_OF:
            yield f


#: "opened an office in", "will set up a facility in", "moving its headquarters to".
_SETS_UP = (
    r"(?:open|opens|opened|opening|set\s+up|sets\s+up|setting\s+up|establish\w*|launch\w*|build|builds|building|"
    r"built|develop|develops|developed|developing|relocat\w+|mov\w+|expand\w*|plans?|planning|has|have|had|"
    r"operat\w+|maintain\w*|runs?|running|with)"
)
_SITE = (
    r"(?:offices?|headquarters|HQ|head\s+office|entity|facilit(?:y|ies)|factor(?:y|ies)|plants?|sites?|labs?|laborator(?:y|ies)|"
    r"cent(?:re|er)s?|hubs?|subsidiar(?:y|ies)|operations|presence|campus|base|branch(?:es)?|premises|locations?)"
)
#: The words of ``_SITE``, each a whole run of letters between spaces where the site rules match
#: (for :func:`.words.may_hold`).
_SITE_WORDS = frozenset(
    [
        "office",
        "offices",
        "headquarters",
        "hq",
        "head",
        "entity",
        "facility",
        "facilities",
        "factory",
        "factories",
        "plant",
        "plants",
        "site",
        "sites",
        "lab",
        "labs",
        "laboratory",
        "laboratories",
        "centre",
        "center",
        "centres",
        "centers",
        "hub",
        "hubs",
        "subsidiary",
        "subsidiaries",
        "operations",
        "presence",
        "campus",
        "base",
        "branch",
        "branches",
        "premises",
        "location",
        "locations",
    ]
)
#: "the second location of the §House§ will be inaugurated in §Delft§", "a new office of §X§ opened in §P§".
_SITE_OF_IN = compile_gated(
    rf"\b(?:{_SITE}|building)\s+of\s+(?:the\s+)?§(\d+)§\s+(?:(?:will|has|have|had|is|was|be|been|being|to|now|officially|also)\s+)*"
    r"(?:opened|opens|open|inaugurated|located|based|built|situated|launched|set\s+up)\s+in\s+(?:the\s+)?§(\d+)§"
)
#: A word before the site ("a", "its new European"), never a preposition or a mention.
_SITE_QUAL = r"(?!(?:in|at|to|for|with|of|on|by|from|and)\b)(?:R\s?&\s?D\b|[\w-]+)"


def _modifier_place(v: SentView, p: str, gap: str) -> bool:
    """A place standing as a modifier ("the UK company"), with only technologies between."""
    return v.type(p) in PLACES and all(v.type(i) is E.TECHNOLOGY for i in ids_in(gap))


_PLACE_MODIFIER = compile_gated(
    rf"(?<![§\w'])(?:§(\d+)§[-–])?§(\d+)§\s+((?:(?:[a-z][\w-]*|§\d+§)\s+){{0,3}}?){ORG_NOUN},?\s+"
    rf"(?:(?:like|such\s+as|including)\s+)?({LIST})"
)


def place_modifier_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "the §UK§ company §X§", "§US§ quantum firms §A§ and §B§", "§US§ tech giants like §A§ and §B§",
    "the §Sydney§-§Boston§ software company §X§" (both places).

    A place name used as a modifier of an organisation noun locates it; a nationality adjective
    is not a place mention, and a possessive ("§Japan§'s §RIKEN§") is not this shape.
    """
    at = 0
    while (x := _PLACE_MODIFIER.search(m, at)) is not None:
        at = x.end()
        listed = ids_in(x.group(4))
        # "§US§ firm §a§ and the §UK§ company §b§": the list ends at the next place, which opens
        # a description of its own
        cut = next((k for k, a in enumerate(listed) if v.type(a) in PLACES), len(listed))
        if cut < len(listed):
            at = m.index(f"§{listed[cut]}§", x.start(4))
        for p in filter(None, (x.group(1), x.group(2))):
            if not _modifier_place(v, p, x.group(3)):
                continue
            for a in listed[:cut]:
                if _ok(v, a, int(p), PLACES) and v.type(a) in ORGS:
                    yield _f(v, a, R.LOCATED_IN, int(p), "place-modifier", 0.8)


#: The verbs that name a site set off after it: "a lab, called §Q§, in §P§".
_SITE_NAMED = r"(?:called|named|dubbed|known\s+as)"
_SITE_NAME = re.compile(rf",\s+{_SITE_NAMED}\s+(?:the\s+)?§(\d+)§,")
_SETS_UP_IN = re.compile(
    rf"({LIST})[^§.;]{{0,40}}?\b{_SETS_UP}\s+(?:to\s+(?:open|set\s+up|establish|build|launch)\s+)?"
    rf"(?:(?:{_SITE_QUAL}|§\d+§)\s+){{0,4}}?(?:research\s+and\s+development\s+)?{_SITE}"
    # "a quantum center of excellence (CoE), called §QNxT§, in", "quantum centers at home, in"
    rf"(?:\s+of\s+excellence)?(?:\s+\([A-Za-z&]{{2,8}}\))?(?:,\s+{_SITE_NAMED}\s+(?:the\s+)?§\d+§,|,\s+at\s+home,)?"
    # "a new lab and offices in", "offices spread across A, B and C"
    rf"(?:\s+(?:and|&)\s+(?:new\s+)?{_SITE})?"
    # "a European entity with headquarters in", "a subsidiary headquartered in"
    r"(?:\s+with\s+(?:its\s+)?(?:headquarters|HQ|head\s+office|offices?))?"
    rf"(?:,?\s+(?:spread|located|situated|headquartered|based|housed))?\s+(?:in|at|across)\s+(?:both\s+)?({LIST})"
)


#: "§IQM§ is setting up a §Seoul§ office", "§X§ opened its first §Lyon§ lab": the site named by its place.
_SETS_UP_NAMED = re.compile(
    rf"({LIST})[^§.;]{{0,40}}?\b(?:open|opens|opened|opening|set\s+up|sets\s+up|setting\s+up|establish\w*|launch\w*|"
    rf"inaugurat\w+|build|builds|building|built)\s+(?:an?|its|their)\s+(?:(?:new|first|second|own)\s+)?§(\d+)§\s+{_SITE}\b"
)


#: The verbs of :data:`_SETS_UP_NAMED` (a cheap gate before the regex).
_SETTING_UP = (
    "open",
    "set up",
    "sets up",
    "setting up",
    "establish",
    "launch",
    "inaugurat",
    "build",
    "built",
)


#: "§X§ has chosen §P§ as the site of its new factory", "§X§ picked §P§ for its European headquarters",
#: "§X§ set up shop in §P§", "§X§, from §P§, builds ...": where an organisation is, said otherwise.
_CHOSE_SITE = compile_gated(
    rf"§(\d+)§\s+(?:(?:has|have|had|also|now|recently|finally)\s+)*(?:chose|chosen|chooses|picked|picks|selected|selects)\s+"
    rf"(?:the\s+)?§(\d+)§\s+(?:as\s+(?:the\s+)?(?:site|location|home|base)\s+(?:of|for)|for)\s+(?:its|their)\s+"
    rf"(?:(?:[\w-]+|§\d+§)\s+){{0,3}}?{_SITE}\b"
    rf"|§(\d+)§\s+(?:(?:has|have|had|also|now|recently)\s+)*(?:set|sets|setting)\s+up\s+shop\s+in\s+(?:the\s+)?§(\d+)§"
    rf"|§(\d+)§,\s+from\s+(?:the\s+)?§(\d+)§,"
)
#: What may qualify a site between its owner and its place: "its §quantum§ lab", "its §US§ headquarters".
_SITE_QUALIFIERS = frozenset({E.TECHNOLOGY} | PLACES)


def sets_up_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "§X§ opened an office in §Tokyo§", "§X§ will set up a facility in §Lyon§", "§X§ is planning to open ..."."""
    for x in _SETS_UP_IN.finditer(m) if may_hold(m, _SITE_WORDS) else ():
        named = _SITE_NAME.search(m, x.end(1), x.start(2))
        site = [int(named.group(1))] if named is not None and v.type(named.group(1)) in ORGS else []
        if any(v.type(i) not in _SITE_QUALIFIERS and i not in site for i in ids_in(m[x.end(1) : x.start(2)])):
            continue  # "§X§ opened §Y§'s office in": only technologies and places ("its §US§ headquarters") qualify the site
        places = ids_in(x.group(2))
        if not re.search(r"\s(?:and|&)\s", x.group(2)):
            places = places[:1]  # "in §Dublin§, §Ireland§": the city, then where it is
        for b in places:
            if v.type(b) is E.REGION and v.mentions[b].country is None:
                continue  # "a second lab in Africa" says where it works, not where it is
            for a in [*ids_in(x.group(1)), *site]:
                if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
                    yield _f(v, a, R.LOCATED_IN, b, "sets-up-in", 0.8)
    for x in _CHOSE_SITE.finditer(m):
        a, b = (int(g) for g in x.groups() if g is not None)
        rule = "chose-site" if x.group(1) else "set-up-shop" if x.group(3) else "apposition-from"
        if v.type(a) in ORGS and _ok(v, a, b, PLACES):
            yield _f(v, a, R.LOCATED_IN, b, rule, 0.8)
    for x in _SETS_UP_NAMED.finditer(m) if gate(m.lower(), _SETTING_UP) else ():
        b = int(x.group(2))
        if any(v.type(i) is not E.TECHNOLOGY for i in ids_in(m[x.end(1) : x.start(2)])):
            continue  # "§X§ opened §Y§'s ...": another organisation between the subject and the site
        for a in ids_in(x.group(1)):
            if _ok(v, a, b, PLACES) and v.type(a) in ORGS and _places_a_site(v, b):
                yield _f(v, a, R.LOCATED_IN, b, "sets-up-named-site", 0.8)
    yield from _more_sites(v, m)


#: The organisation a sentence opens with ("§X§ is headquartered in ...", "The §X§ has ...").
_OPENING_SUBJECT = re.compile(r"^\s*(?:The\s+)?§(\d+)§\s+(?=[a-z])")
#: A further site of the subject: "..., and has an office in §P§", "... and a factory in §Q§".
_FURTHER_SITE = re.compile(
    # "headquartered in §P§ with offices in §Q§ and §R§": a plural site needs no determiner after "with"
    rf"\b(?:and|with|plus|along\s+with)\s+(?:(?:(?:also\s+)?(?:has|have|operates|runs|maintains|opened|a|an|its|their|one|two|three)\s+)+"
    rf"|(?<=with\s)(?=(?:(?:research|development|sales|regional|satellite)\s+)?(?:offices|labs|sites|facilities|subsidiaries)\b))"
    rf"(?:(?:{_SITE_QUAL})\s+){{0,2}}?{_SITE}(?:\s+(?:apiece|each))?\s+(?:in|at)\s+(?:both\s+)?(?:the\s+)?({LIST})"
)
_ALONG_WITH_SITES = re.compile(
    rf"§(\d+)§[^.;§]{{0,160}}?\b{_SITE}\s+in\s+[^.;]{{0,80}}?\balong\s+with\s+(?:(?:one|two|three|a|an)\s+)?(?:[\w-]+\s+)?"
    rf"{_SITE}(?:\s+(?:apiece|each))?\s+in\s+(?:both\s+)?({LIST})"
)
#: "§X§ is expanding into §P§", "§X§ plans to expand in §P§", "§X§ will expand its operations in §P§",
#: "By broadening its presence into §P§, §X§ will ...".
_EXPANDS_INTO = re.compile(
    r"§(\d+)§\s+(?:(?:is|are|has|have|will|now|also|recently|further|(?:plans?|planning|intends?|aims?|is\s+set|are\s+set)\s+to)\s+)*"
    r"(?:expanding|expands|expanded|expand)\s+"
    r"(?:its\s+(?:presence|operations|footprint|business)\s+)?(?:in|into|to)\s+(?:the\s+)?§(\d+)§"
    r"|^\s*(?:By\s+)?(?:broadening|expanding|extending|growing)\s+its\s+(?:presence|operations|footprint|business)\s+"
    r"(?:in|into|to)\s+(?:the\s+)?§(\d+)§[^.;§]{0,40},\s+(?:the\s+)?§(\d+)§"
)
#: "§X§ calls §P§ home", "§X§ operates from §P§", "§P§ is home to §X§".
_HOME = compile_gated(
    r"^\s*(?:The\s+)?§(\d+)§\s+(?:(?:now|still|also)\s+)?(?:calls|called)\s+(?:the\s+)?§(\d+)§\s+(?:its\s+)?home\b"
    r"|^\s*(?:The\s+)?§(\d+)§\s+(?:(?:now|still|also|mainly)\s+)?(?:operates|operated|works)\s+(?:out\s+of|from)\s+(?:the\s+)?§(\d+)§"
    # "§Waterloo§ is home to the §Perimeter Institute§ and the §IQC§": every organisation listed;
    # "§Lyon§, home to §A§ and §B§,", "§Lyon§ hosts §A§, §B§ and §C§" too
    rf"|(?:^\s*(?:The\s+)?§(\d+)§\s+(?:(?:is|was|has\s+become)\s+(?:also\s+)?(?:the\s+)?home\s+to|(?:now\s+|also\s+)?"
    rf"(?:hosts|hosted|is\s+hosting))|(?<![§\w])§(\d+)§,\s+(?:also\s+|now\s+)?(?:the\s+)?home\s+to)"
    rf"\s+(?:the\s+)?(?:(?:several|many|numerous|some|dozens\s+of|a\s+number\s+of|leading|\w+)\s+)?"
    rf"(?:(?:quantum|tech|technology|deep-?tech|research)\s+)?(?:(?:companies|firms|start-?ups|players|organi[sz]ations|"
    rf"institutions|labs|laboratories)(?:,?\s+(?:including|such\s+as|like))?\s+(?:the\s+)?)?({LIST})"
)
#: "Companies based in §P§ include §A§ and §B§": each listed is there.
_BASED_THERE_INCLUDE = compile_gated(
    r"\b(?:[Cc]ompanies|[Ff]irms|[Ss]tart-?ups|[Oo]rgani[sz]ations|[Ii]nstitutions|[Pp]layers|[Ll]abs)\s+"
    r"(?:(?:that\s+are|which\s+are)\s+)?(?:based|headquartered|located)\s+in\s+(?:the\s+)?§(\d+)§,?\s+"
    rf"(?:include|includes|included|are|were|such\s+as|like|including)\s+(?:the\s+)?({LIST})"
)


def _more_sites(v: SentView, m: str) -> Iterator[Fact]:
    """A sentence about its opening organisation naming more sites ("§X§ is headquartered in §Lyon§ and
    has an office in §Boston§", "§X§ has a lab in §A§ and a factory in §B§"), and "§X§ calls §P§ home"."""
    s = _OPENING_SUBJECT.match(m)
    if s is not None and v.type(s.group(1)) in ORGS:
        a = int(s.group(1))
        for x in _FURTHER_SITE.finditer(m, s.end()):
            if any(v.type(i) in ORGS and v.id(i) != v.id(a) for i in ids_in(m[s.end() : x.start()])):
                continue  # "§X§ signed with §Y§, with offices in §P§": another's sites
            for b in ids_in(x.group(1)):
                if _ok(v, a, b, PLACES) and not (v.type(b) is E.REGION and v.mentions[b].country is None):
                    yield _f(v, a, R.LOCATED_IN, b, "further-site-in", 0.7)
    # "§X§'s business, which has three sites in ... along with one location apiece in §A§ and §B§"
    for x in _ALONG_WITH_SITES.finditer(m) if "along with" in m else ():
        a = int(x.group(1))
        for b in ids_in(x.group(2)):
            if v.type(a) in ORGS and _ok(v, a, b, PLACES):
                yield _f(v, a, R.LOCATED_IN, b, "further-site-in", 0.7)
    for x in _EXPANDS_INTO.finditer(m) if "expand" in m or "presence" in m else ():
        org, place = (x.group(1), x.group(2)) if x.group(1) else (x.group(4), x.group(3))
        if v.type(org) in ORGS and _ok(v, int(org), int(place), PLACES):
            yield _f(v, int(org), R.LOCATED_IN, int(place), "expands-into", 0.7)
    for x in _HOME.finditer(m) if "home" in m or "from" in m or "out of" in m or "host" in m else ():
        g = x.groups()
        pairs = (
            [(g[0], g[1])]
            if g[0]
            else [(g[2], g[3])]
            if g[2]
            else [(str(i), g[4] or g[5]) for i in ids_in(g[6] or "")]
        )
        # a hub or a campus is home to its tenants as a place is
        where = PLACES | {E.CLUSTER} if g[4] or g[5] else PLACES
        for org, place in pairs:
            if (
                org is not None
                and place is not None
                and v.type(org) in ORGS
                and _ok(v, int(org), int(place), where)
            ):
                yield _f(v, int(org), R.LOCATED_IN, int(place), "home-in", 0.8)
    for x in _BASED_THERE_INCLUDE.finditer(m) if "include" in m or " are " in m or "such as" in m else ():
        for a in ids_in(x.group(2)):
            if v.type(a) in ORGS and _ok(v, a, int(x.group(1)), PLACES):
                yield _f(v, a, R.LOCATED_IN, int(x.group(1)), "based-there-include", 0.8)


#: "in §P§", ", located in §P§", "based at §P§": where a site named just before stands.
_SITE_AT = r"(?:,?\s+(?:located|based|situated|housed))?\s+(?:in|at)\s+(?:the\s+)?"
_PRONOUN_SITE = re.compile(rf"{ENT}\s+(?:[\w-]+\s+){{0,2}}?{_SITE}{_SITE_AT}{ENT}")
_PRONOUN_SITE_NEAR = compile_gated(
    rf"{ENT}[^§.;]{{0,40}}?\b(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?{_SITE}{_SITE_AT}{ENT}"
)


def pronoun_site_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "§its§ new factory in §Lyon§": the pronoun (resolved to its organisation) owns the site."""
    for x in _PRONOUN_SITE.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if v.mentions[a].text.lower() not in {"its", "their"}:
            continue
        if v.type(b) is E.REGION and v.mentions[b].country is None:
            continue
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "pronoun-site-in", 0.8)
    # "§Orbion§ said its new factory in §Lyon§ ...": the nearest organisation before the pronoun
    for x in _PRONOUN_SITE_NEAR.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(b) is E.REGION and v.mentions[b].country is None:
            continue
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "pronoun-site-in", 0.8)


_SUCH_AS_BASED = compile_gated(
    rf"\b{ORG_NOUN}\b[^§.;]{{0,40}}?\b(?:based|headquartered|located)\s+in\s+(?:the\s+)?{ENT},?\s+"
    rf"(?:such\s+as|including|like|notably|namely)\s+({LIST})"
)


#: Plural nouns of actors a list may elaborate ("five other partners in the §P§ region: §A§, §B§").
_ACTORS_NOUN = (
    r"(?i:partners|members|companies|firms|start-?ups|universities|institutions|institutes|labs|laboratories|"
    r"organi[sz]ations|players|centres|centers|businesses|participants)"
)
#: "partners in the §P§: §A§, §B§ and §C§", "universities in §P§, including §A§ and §B§": the members
#: of a list that elaborates actors in a place are there; so is an actor named before "and other
#: partners in §P§".
_LISTED_IN_PLACE = compile_gated(
    rf"(?:§(\d+)§\s+and\s+(?:[\w-]+\s+)?other\s+)?(?:[a-z][\w-]*\s+){{0,5}}?{_ACTORS_NOUN}\s+"
    rf"(?:(?:based|located|headquartered)\s+)?in\s+(?:the\s+)?{ENT}(?::|,?\s+(?:such\s+as|including|like|namely))\s+({LIST})"
)


def such_as_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "start-ups mainly based in §US§, such as §A§ ... and §B§": the examples share the location."""
    for x in _SUCH_AS_BASED.finditer(m):
        b = int(x.group(1))
        for a in ids_in(x.group(2)):
            if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
                yield _f(v, a, R.LOCATED_IN, b, "such-as-based-in", 0.8)
    for x in _LISTED_IN_PLACE.finditer(m) if " in " in m else ():
        b = int(x.group(2))
        named = ([int(x.group(1))] if x.group(1) else []) + ids_in(x.group(3))
        for a in named:
            if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
                yield _f(v, a, R.LOCATED_IN, b, "listed-in-place", 0.8)


_OWN_SITE = re.compile(
    rf"{ENT}[^§.;]{{0,40}}?\b(?:its|their|§\d+§)\s+§(\d+)§(?:,\s+§\d+§)?\s+(?:new\s+)?"
    rf"(?:headquarters|head\s+office|HQ|offices?|factory|plant|campus|facility|site|lab|laboratory|R&D\s+centre)\b"
)


def _places_a_site(v: SentView, b: int) -> bool:
    """Whether place ``b`` can be where a site is: not a bare area such as "Asia-Pacific" (a region
    of no country names the market a site serves)."""
    return not (v.type(b) is E.REGION and v.mentions[b].country is None)


def own_site_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "§D-Wave§, which is moving its §Burnaby§ head office", "§X§ opened its §Lyon§ plant"."""
    for x in _OWN_SITE.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(b) is E.REGION and v.mentions[b].country is None:
            continue  # "its Asia-Pacific headquarters" names the area it serves
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "own-site-place", 0.8)


_CALLED_IN = re.compile(
    rf"\b{ORG_NOUN}\s+(?:(?:based|headquartered|located)\s+)?in\s+(?:the\s+)?{ENT}(?:,\s+§\d+§)?,?\s+"
    rf"(?:called|named|dubbed|known\s+as)\s+{ENT}"
)
#: Its naming verbs, each a whole run of letters between spaces (for :func:`.words.may_hold`).
_CALLED_WORDS = frozenset({"called", "named", "dubbed", "known"})


def called_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "a start-up in §Boulder§, §Colorado§, called §Mesa§", "a Lyon company named §Orbion§"."""
    for x in _CALLED_IN.finditer(m) if may_hold(m, _CALLED_WORDS) else ():
        a, b = int(x.group(2)), int(x.group(1))
        if _ok(v, a, b, PLACES) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "called-in-place", 0.8)


_FRONTED = re.compile(
    # "Founded in 2019 and based in §Lyon§, §Orbion§ ...": a participle of the past before the place's
    rf"\s*(?:(?:Founded|Established|Incorporated|Started|Launched|Spun\s+out)\s+(?:only\s+)?(?:in\s+)?(?:\d{{4}}|[A-Z][a-z]+\s+\d{{4}})"
    rf",?\s+and\s+(?:now\s+)?(?=[a-z]))?"
    rf"(?:[Bb]ased|[Hh]eadquartered|[Ll]ocated|[Ss]ituated|(?:Founded|Established|Incorporated|Started)(?:\s+in\s+\d{{4}})?"
    # "From its base in §Munich§, §Orbion§ sells ...": the subject's own seat, told before it
    rf"|From\s+its\s+(?:(?:new|main|own|European|global)\s+)?(?:base|headquarters|home|HQ|head\s+office))"
    # "based within the expanding §Discovery District§ of ..., §IonQ§ went public"
    rf"\s+(?:in|within)\s+(?:the\s+)?(?:(?!of\b)[a-z]+\s+)?{ENT}[^.;]{{0,160}}?,\s+(?:the\s+)?{ENT}(?=\s+[a-z])"
)


def fronted_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "Based in §Boston§ and built on ..., §QuEra§ said", "Headquartered in §Lyon§, §Orbion§ ...",
    "Founded in §Lyon§ in 2020, §Orbion§ ..." (where it was founded is where it is, as "was founded in")."""
    x = _FRONTED.match(m)
    if x:
        a, b = int(x.group(2)), int(x.group(1))
        if _ok(v, a, b, PLACES | {E.CLUSTER}) and v.type(a) in ORGS:
            yield _f(v, a, R.LOCATED_IN, b, "fronted-based-in", 0.9)


#: "§X§, whose headquarters are in §P§": the seat said with a possessive relative.
_SEAT = compile_gated(
    r"§(\d+)§,\s+whose\s+(?:[\w-]+\s+)?(?:headquarters|head\s+office|HQ|main\s+office|base|offices|campus)\s+"
    r"(?:is|are|was|were|remains?|sits?|lies|lie)\s+(?:(?:now|still)\s+)?(?:(?:located|based|situated)\s+)?in\s+(?:the\s+)?§(\d+)§"
)


def seat_facts(v: SentView, m: str) -> Iterator[Fact]:
    """ "§X§, whose headquarters are in §P§" (a place only)."""
    for x in _SEAT.finditer(m):
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(a) in ORGS and _ok(v, a, b, PLACES):
            yield _f(v, a, R.LOCATED_IN, b, "seat-in", 0.8)


#: "§a§, which has dual headquarters in §p§, §c§, and §q§, §d§": the second place of a located pair.
_SECOND_SITE = compile_gated(
    rf"{ENT}[^§.;]{{0,60}}?\b(?:headquarters|offices|sites|campuses|based|located|headquartered)\s+in\s+(?:the\s+)?"
    rf"§(\d+)§(?:,\s+§\d+§)?,?\s+and\s+(?:in\s+)?(?:the\s+)?{ENT}(?:,\s+{ENT})?"
)


def _second_site_facts(v: SentView, m: str) -> Iterator[Fact]:
    """The organisation is also where the second place of "in P, C, and Q, D" is (and Q in D)."""
    for x in _SECOND_SITE.finditer(m):
        a, p, q = int(x.group(1)), int(x.group(2)), int(x.group(3))
        if v.type(p) not in PLACES or v.type(a) not in ORGS:
            continue
        if _ok(v, a, q, PLACES):
            yield _f(v, a, R.LOCATED_IN, q, "second-site-in", 0.8)
        d = x.group(4)
        if d is not None and _ok(v, q, int(d), PLACES) and v.type(q) in PLACES:
            yield _f(v, q, R.LOCATED_IN, int(d), "second-site-in", 0.8)


#: "§X§ came to §Broomfield§ in 2016", "§X§ moved its headquarters to §P§", "§X§, established in §P§
#: in 2017,": where an organisation settled.
_MOVED_TO = compile_gated(
    r"§(\d+)§,?\s+(?:(?:has|have|had|later|then|first|recently|also)\s+)*"
    # "relocated (its headquarters) from §Munich§ to §Lyon§": the place it went to
    r"(?:came\s+to|(?:moved|relocated)\s+(?:its\s+[\w\s]{0,30}?)?(?:from\s+(?:the\s+)?§\d+§\s+)?to|"
    r"(?:was\s+)?(?:established|founded|incorporated|set\s+up)\s+(?:in\s+\d{4}\s+)?in|opened\s+in)\s+(?:the\s+)?§(\d+)§"
)
