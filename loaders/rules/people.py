"""People: personal names in a role, title, appointment or quotation context.

Mentions: "Professor Ada Lin", "CEO Ada Lin", "Ada Lin, director of ...", "said Ada Lin",
"R K Menon", "Kim Min-jae", "chaired by Ada Lin", "Ada Lin was appointed ...", the country of
an office ("Australian Prime Minister X"), and later mentions by surname alone. What people are
to organisations (AFFILIATED_WITH, LEADS) is read in :mod:`.affiliation`.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from qkg.schemas import EntityType, RelationType

from ..gazetteer import Gazetteer
from ..patterns import CAPW, KEYWORDS, LEADING_NOISE, NAMEPART, ROLE_WORDS, TITLES
from ..patterns import PARTICLE as _NAME_PARTICLE
from ..segment import Sentence
from . import fastre as re
from .bare_names import COMMON_WORDS, EAST_ASIAN_SURNAMES, family_name_first, is_given_name, opens_with_given
from .literals import compile_gated
from .mention import Mention
from .name_scan import bounded_names
from .words import may_hold, word_list

__all__ = [
    "NAME",
    "PERSON_ROLES",
    "ROLE",
    "SERVED_VERB",
    "bare_personal_name",
    "demonym_mentions",
    "has_plural_role",
    "person_mentions",
    "surname_mentions",
]

E = EntityType
R = RelationType

#: Particles inside a name: the shared list and the Dutch "'t" ("Ton van 't Hoog").
PARTICLE = rf"(?:{_NAME_PARTICLE}|['’]t)"


_ROLE_ANY = rf"(?:{ROLE_WORDS})"
_ROLE = rf"(?i:{ROLE_WORDS})"
#: A role word, case-insensitive (shared with :mod:`.affiliation`).
ROLE = _ROLE


#: One part of a personal name: "Ferreira", "O'Brien", "Tanaka-Mori", and Korean given names
#: written with a lower-case second syllable ("Min-jae", "Seok-yeol").
#: Surnames with an inner capital after a common prefix ("McKendry", "DiVincenzo", "JoAnne") are
#: read whole; other inner capitals ("IonQ") are company shapes.
_PART = rf"(?:[A-Z][a-z]+-[a-z]+\b|(?:Mc|Mac|Di|De|Da|Du|La|Le|Jo)[A-Z][a-z]+\b|{NAMEPART})"
#: Initials before a surname: "R K Menon", "R. K. Menon", "J.-P. Laurent" (one bare capital is
#: too often an article or a list letter, so a single initial needs its full stop).
_INITIALS = r"(?:[A-Z]\.(?:\s*-?[A-Z]\.)*\s*|[A-Z]\s+[A-Z]\s+(?:[A-Z]\s+)?)"
#: Middle initials: "Walter G. Copan", "Samir K Kamat".
_MIDDLE = r"(?:[A-Z]\.?\s+){1,2}"
#: A personal name: two to five parts (particles allowed inside), or initials and a surname.
NAME = rf"(?:{_INITIALS}{_PART}|{_PART}\s+{_MIDDLE}{_PART}|{_PART}(?:\s+(?:{PARTICLE}\s+)*{_PART}){{1,4}})"


#: Titles written in lower case in running text: "founders, doctor Ada Lin and doctor Tom Berg".
_LOWER_TITLE = re.compile(
    rf"\b(?:doctor|professor)\s+((?:{PARTICLE}\s+)?{_INITIALS}?{_PART}(?:\s+(?:{PARTICLE}\s+)*{_PART}){{1,3}})"
)
#: Abbreviated offices before a name: "Maryland Gov. Wes Moore", "Sen. Ada Lin".
_OFFICE_TITLE = re.compile(
    rf"\b(?:Gov|Sen|Rep)\.\s+((?:{PARTICLE}\s+)?{_INITIALS}?{_PART}(?:\s+(?:{PARTICLE}\s+)*{_PART}){{1,3}})"
)
_PERSON_TITLE = re.compile(
    rf"\b{TITLES}\s+((?:{PARTICLE}\s+)?{_INITIALS}?{_PART}(?:\s+(?:{PARTICLE}\s+)*{_PART}){{0,4}})"
)


#: One lower-case word of a role's field: no preposition or article, which would begin the
#: role's organisation ("professor of physics at ...") rather than go on with the field.
_FIELD_WORD = r"(?!(?:at|in|from|with|the|a|an|to|on|by|of|for)\b)[a-z][\w-]*"
#: "professor of physics", "vice president for research", "professor of electrical and computer
#: engineering": a role with its field (up to five lower-case words).
_FIELD = rf"(?:\s+(?:of|for)\s+{_FIELD_WORD}(?:\s+(?:and\s+|&\s+)?{_FIELD_WORD}){{0,4}})?"
#: "Senator the Hon. Ada Lin": an honorific between an office and the name.
_HONORIFIC = r"(?:(?:the\s+)?(?:Hon\.|Honourable|Honorable)\s+)?"
_PERSON_ROLE_BEFORE = re.compile(rf"(?i:{_ROLE_ANY}){_FIELD}\s+{_HONORIFIC}({NAME})")


#: Degrees and honours between a name and its role: "Ana Berg, Ph.D., CEO of ...".
_POSTNOMINAL = r"(?:,?\s+MP|,\s+(?:Ph\.\s?D\.|PhD|M\.D\.|MD|Jr\.|Sr\.|OBE|CBE|MBE|FRS))?"
#: (a clause opened by "which"/"that" after a name says what a thing is, not a person's role)
_PERSON_APPOS = re.compile(
    rf"({NAME}){_POSTNOMINAL},\s+(?!which\b|that\b|when\b|where\b)(?:a|an|the)?\s*[^,]{{0,40}}?\b(?i:{_ROLE_ANY})\b"
)


_PERSON_AFTER_ROLE = re.compile(
    rf"(?i:{_ROLE_ANY})\b[^.;]{{0,90}}?,\s+({NAME})(?=\s*(?:[,.;:”\"]|\s+who\b|\s+and\b|$))"
)


_PERSON_SAID = compile_gated(
    rf"(?:\b(?:said|says|according to|explains|explained|noted|added|stated|states)\s+({NAME})(?!\s+(?i:{_ROLE_ANY})\b))|(?:({NAME}),?\s+(?:said|says|explained|explains|noted|added|told)\b)"
)


#: "CTO of Ericsson Erik Lind," / "CEO of IonQ Ana Ferreira said": the last two capitalised words
#: after the organisation's name (a gazetteer organisation overlapping them still wins).
_PERSON_ROLE_OF = re.compile(
    rf"(?i:{_ROLE_ANY})\s+(?:of|at)\s+(?:the\s+)?(?:{CAPW}\s+){{1,4}}?({_PART}\s+{_PART})"
    r"(?=\s*[,.;:]|\s+(?:and|who|said|says|told|has|have|had|is|was|will)\b)"
)


#: Plural roles only people hold ("partners", "leaders" and "members" may be organisations).
PERSON_ROLES = (
    r"(?:professors|academicians|researchers|scientists|physicists|engineers|founders|co-founders|cofounders|"
    r"directors|co-directors|fellows|lecturers|ministers|deans|principal\s+investigators|mathematicians|chemists|"
    r"economists|astronomers|astrophysicists|technologists|entrepreneurs|laureates|postdocs)"
)
#: "Guo Wei, Du Lan and Pan Jie, academicians at ...": people listed before a plural role.
_LISTED_BEFORE_ROLES = compile_gated(
    rf"((?:{NAME},\s+)*{NAME},?\s+and\s+{NAME}),\s+(?:(?:all|both|the|two|three|four)\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"{PERSON_ROLES}\b"
)
_LIST_NAME = re.compile(rf"(?:^|,\s+|\s+and\s+)({NAME})")
#: "two top quantum computing scientists, Guo Wei and Pan Jie": names after a plural role.
_ROLES_THEN_NAMES = re.compile(
    rf"(?i:{PERSON_ROLES}),\s+((?:{NAME},\s+)*{NAME},?\s+and\s+{NAME})(?=\s*[.,;:]|\s+(?:who|will|have|are)\b)"
)


#: "co-founders Ana Berg, Tom Lind and Eva Roe", "materials scientists Ana Berg and Tom Lind": a plural
#: role, maybe with its field, then the list of its holders (the comma after the role optional).
_ROLE_NAME_LIST = re.compile(rf"(?i:{PERSON_ROLES}){_FIELD},?\s+((?:{NAME},\s+)*{NAME},?\s+and\s+{NAME})")


#: Capitalised organisation keywords ("Council", "Bank", "University"), longest first.
_KEYWORD_ALT = "|".join(
    sorted((re.escape(k.title()) for k in KEYWORDS if k.isalpha() and len(k) > 3), key=len, reverse=True)
)


#: "Prime Ministers Ana Berg and Tomas Lind", "Professors A and B": a plural title before two names.
_PLURAL_TITLE = re.compile(
    rf"\b(?:(?:Prime\s+)?Ministers|Presidents|Professors|Chancellors|Governors|Mayors|Drs\.?)\s+({NAME})\s+and\s+({NAME})"
)
_PLURAL_TITLE_WORDS = (
    "Ministers ",
    "Presidents ",
    "Professors ",
    "Chancellors ",
    "Governors ",
    "Mayors ",
    "Drs",
)
#: "Ana Berg from the European Innovation Council": a plain name from an organisation named by
#: its keyword (a name with an organisation word is itself no person: checked in _add_person).
_FROM_THE_ORG = re.compile(rf"({NAME})\s+from\s+the\s+(?:[A-Z][\w-]*\s+){{0,5}}?({_KEYWORD_ALT})\b")


#: "Ana Berg, formerly of Orbion, ...": an earlier employer in commas after a personal name (an
#: organisation's earlier name follows without "of": "Veltra, formerly Orbion").
_FORMERLY_OF = re.compile(rf"({NAME}),\s+(?:formerly|previously)\s+(?:of|at|with)\s+(?:the\s+)?[A-Z]")


#: "Blue Sky, a research team dedicated to ...": a name described as a group is not a person's.
_DESCRIBED_AS_GROUP = re.compile(
    r",\s+(?:a|an|the|its|their)\s+(?:[a-z][\w-]*\s+){0,2}?(?:team|group|unit|lab|laboratory|division|department|"
    r"programme|program|initiative|project|company|firm|start-?up|organi[sz]ation|fund|network|consortium|"
    r"subsidiary|venture|platform|centre|center)"
    r"(?=\s*[,.;]|\s+(?:dedicated|that|which|of|in|at|for|focused|focusing|working|based|devoted|created|set|"
    r"launched|within|whose)\b)"
)


#: "founders Chris Berg and Tom Lind", "co-founders A and B".
_FOUNDERS = re.compile(rf"\b(?i:founders|co-founders|cofounders)\s+({NAME})\s+and\s+({NAME})")


#: Verbs whose passive names a person in charge: "chaired by", "headed by Ana Ferreira".
_CHARGE_BY = r"(?:chaired|headed|co-chaired|directed|co-founded|founded)"


#: "chaired by Ana Ferreira", "led by Professor X", "headed by its chief executive Tomas Berg".
#: Bare "led by" also opens funding rounds ("led by Alpha Partners"), so it needs a role or title.
_PERSON_BY = re.compile(
    rf"\b(?:{_CHARGE_BY}\s+by\s+(?:(?:its|the|their)\s+)?(?:(?i:{_ROLE_ANY})\s+)*"
    rf"|(?:led|run|coordinated|managed)\s+by\s+(?:(?:its|the|their)\s+)?(?:(?i:{_ROLE_ANY})\s+)+)({NAME})"
)


#: Bodies that people lead, as a description after a fronted "Led by ...," (a round or a deal
#: is led by investors, so it is not among them).
_LED_BODY = (
    r"(?:institute|centre|center|hub|lab|laboratory|programme|program|project|initiative|consortium|team|"
    r"group|network|council|committee|board|mission|taskforce|task\s+force|school|department|facility|effort|study)"
)
#: "Led by Ada Lin and Tom Berg, the institute is ...": plain names leading a body named next.
_LED_BY_FRONT = re.compile(
    rf"^\s*(?:Led|Co-led|Headed|Directed|Chaired|Co-chaired|Run)\s+(?:jointly\s+)?by\s+(?:{TITLES}\s+)?({NAME})"
    rf"(?:,?\s+and\s+(?:{TITLES}\s+)?({NAME}))?,\s+(?:the|this|our|its)\s+(?:new\s+|newly\s+\w+\s+)?{_LED_BODY}\b"
)


#: "founded in 2019 by Ada Lin and Tom Berg", "co-founded by physicists A and B", "Ada Lin founded X".
_FOUNDED_BY_PEOPLE = re.compile(
    rf"\b(?:[Cc]o-?founded|[Ff]ounded)\s+(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?\d{{4}}\s+)?"
    rf"(?:(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)?by\s+"
    rf"(?:(?:its|the|their|two|three)\s+)?(?:(?:[a-z][\w-]*\s+){{0,2}}?(?:(?i:{PERSON_ROLES})|(?i:{_ROLE_ANY}))\s+)?"
    rf"(?:{TITLES}\s+)?({NAME})(?:,?\s+and\s+(?:{TITLES}\s+)?({NAME}))?"
    rf"|({NAME})\s+(?:co-?founded|founded)\s+(?:the\s+)?[A-Z]"
)


#: "Ana Ferreira, who heads ...", "Tomas Berg, who has run ... since 2019".
_PERSON_WHO = re.compile(
    rf"({NAME}),\s+who\s+(?:(?:has|had|have|also|currently|previously|now|will)\s+)*"
    r"(?:heads|headed|head|leads|led|lead|chairs|chaired|chair|runs|ran|run|directs|directed|founded|co-founded|"
    r"joined|joins|serves|served|oversees|oversaw|overseen|manages|managed|steers|steered)\b"
    # "Ana Ferreira, who received her PhD from ...": organisations take "which"; a personal name
    # before "who" and a verb in the past is a person whatever the verb
    rf"|({NAME}),\s+who\s+(?:(?:also|previously|later|first|then|once)\s+)?[a-z]{{3,}}ed\b"
)


#: Verbs that state a role held, held before or given up: "served as", "stepped down as", "is the".
SERVED_VERB = (
    r"(?:stepped\s+down\s+as|steps\s+down\s+as|step\s+down\s+as|resigned\s+as|resigns\s+as|retired\s+as|retires\s+as|"
    r"served\s+as|serves\s+as|serve\s+as|serving\s+as|worked\s+as|works\s+as|take\s+over\s+as|takes\s+over\s+as|"
    r"took\s+over\s+as|taking\s+over\s+as|steps\s+in\s+as|stepped\s+in\s+as|step\s+in\s+as|stays\s+on\s+as|"
    # "§p§ became chair of the §b§"
    r"remains|remained|was|is|will\s+be|had\s+been|has\s+been|became|becomes|has\s+become|will\s+become)"
)


#: "Ana Ferreira chairs the council", "Tomas Berg heads ...": organisations seldom chair or head.
_PERSON_CHAIRS = re.compile(
    rf"({NAME})\s+(?:(?:also|currently|now|will|has|had)\s+)*(?:chairs|co-chairs|chaired|co-chaired|heads|headed|chair|head)\s+(?:the|a|an|its)\b"
)


#: "Tomas Berg was appointed ...", "Ana Ferreira has been named ...", "Tomas Berg joins X as CFO".
#: "Ada Lin succeeds Tom Berg as CEO": the predecessor named before "as".
_SUCCEEDED = re.compile(
    rf"\b(?:succeeds?|succeeded|succeeding|replaces?|replaced|replacing)\s+(?:{TITLES}\s+)?({NAME})\s+as\s"
)
#: "the appointment of Ada Lin as its director", "the appointment of Ada Lin to Head of ...".
_APPOINTMENT_OF = re.compile(rf"\bappointment\s+of\s+(?:{TITLES}\s+)?({NAME})\s+(?:as|to)\s")


_PERSON_APPOINTED = re.compile(
    rf"({NAME})\s+(?:(?:has|have|had|will|now)\s+)*(?:was|is|were|been|be|being)\s+(?:now\s+)?"
    r"(?:appointed|named|elected|promoted|hired|recruited|tapped|confirmed|nominated|re-elected)\b"
    rf"|({NAME})\s+(?:(?:has|have|had|will|is)\s+)?(?:joins|joined|join|joining|rejoins|rejoined)\s+[^.;]{{0,60}}?\bas\s+(?:(?:its|the|a|an|our|their|new)\s+)*(?:[\w-]+\s+){{0,2}}?(?i:{_ROLE_ANY})\b"
    # "Tom Lind has joined Veltra from Orbion": a career move (organisations join groups, not "from")
    rf"|({NAME})\s+(?:(?:has|have|had|will|recently|officially)\s+)*(?:joins|joined|join|rejoins|rejoined)\s+"
    r"(?:the\s+)?[A-Z][^.;,]{0,60}?\s+from\s+(?:the\s+)?[A-Z]"
)


#: "Ilana Berg stepped down as CEO", "Tomas Berg served as chief scientist", "Ana Ferreira is the CEO of".
_PERSON_SERVED = re.compile(
    rf"({NAME})\s+(?:(?:has|had|will|previously|also|formerly|currently|recently)\s+)*{SERVED_VERB}\s+"
    rf"(?:(?:its|the|a|an|their|interim|acting|former)\s+)*(?:[\w-]+\s+){{0,2}}?(?:(?:interim|acting|deputy)-)?(?i:{_ROLE_ANY})\b"
)


#: "of Orbion Quantum" / "(Orbion Quantum)" between an officer's name and the role
_OF_ORG = (
    r"(?:\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,4}?[A-Z][\w&.-]*|\s+\([A-Z][^()]{0,60}\))?"
)
#: "X appointed Ana Ferreira as its chief executive", "X named Ana Ferreira chair",
#: "elected Ana Ferreira of Orbion as President".
_APPOINTS_PERSON = re.compile(
    r"\b(?:appoint|appoints|appointed|appointing|name|names|named|naming|hire|hires|hired|hiring|recruited|recruits|"
    r"welcomes|welcomed|promoted|promotes|elected|elects|taps|tapped)\s+"
    rf"(?:{TITLES}\s+)?({NAME}){_OF_ORG}\s*,?\s+(?:as\s+|to\s+)?(?:(?:its|the|a|an|our|their|new|former)\s+)*(?:[\w-]+\s+){{0,2}}?(?:(?:interim|acting|deputy)-)?(?i:{_ROLE_ANY})\b"
)
#: the next officer of the same list: "elected A of X as President and B of Y as Treasurer"
_AND_OFFICER = re.compile(
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:{TITLES}\s+)?({NAME}){_OF_ORG}\s+as\s+(?:(?:its|the|a|an|new)\s+)*(?:[\w-]+\s+){{0,2}}?(?i:{_ROLE_ANY})"
)


#: A name right after these is what a role belongs to ("CEO of Veltra Quantum, told"), not a person.
_OWNER_BEFORE = re.compile(r"\b(?:of|at|from|for|with|by)\s+(?:the\s+)?$", re.I)


#: Words before a name that are not part of it: honorifics, and roles with their qualifiers.
_ROLE_TOKENS = frozenset(w for w in word_list("role_words") if " " not in w)
_NOT_NAME = re.compile(
    r"(?:(?:The\s+)?(?:Right\s+|Rt\.?\s+)?(?:Honourable|Honorable|Hon\.?|His|Her|Majesty|Excellency|H\.E\.|Sen\.|Rep\.|Shri|Smt\.?|Sri|Shrimati)\s+)+"
    r"|(?:\S+\s+){0,3}(?:"
    + "|".join(sorted((re.escape(w.capitalize()) for w in _ROLE_TOKENS), key=len, reverse=True))
    + r")\s+"
)


#: One-word roles that never open a personal name ("Dean" and "Chancellor" may).
_ROLE_CAPITALS = frozenset(
    w.capitalize()
    for w in [
        "physicist",
        "scientist",
        "professor",
        "minister",
        "researcher",
        "engineer",
        "mathematician",
        "chemist",
        "economist",
        "astronomer",
        "director",
        "president",
        "chairman",
        "chairwoman",
        "secretary",
        "ambassador",
        "governor",
        "mayor",
        "senator",
        "premier",
        "commissioner",
        "founder",
        "co-founder",
    ]
)


#: Words that are never part of a personal name: honorifics ("Chief Scientist Dr. Ada Lin" is not a
#: person "Scientist Dr") and the words of boards and academic names ("Chair of the Management Board").
_NOT_NAME_WORDS = frozenset(
    {
        "Dr",
        "Prof",
        "Mr",
        "Mrs",
        "Ms",
        "Board",
        "Management",
        "Executive",
        "Advisory",
        "Steering",
        "Study",
        "Studies",
        "Quantum",
        # the texts bodies sign: "the Joint Statement of the Partnership Council" is no person
        "Statement",
        "Declaration",
        "Memorandum",
        "Agreement",
        "Communiqué",
    }
)


#: "A K Sood": a capital followed by another capital or a full stop is an initial, not "A".
_INITIAL = re.compile(r"[A-Z](?:\.|\s+[A-Z]\b)")
#: Capitalised words that open a title-case phrase but never a personal name ("Member Niti Aayog").
_NOT_FIRST = frozenset({"Member", "Members", "Board", "Council", "Committee", "Secretary", "Minister"})


#: Words of the names of an organisation's units, never of a person's.
_UNIT_WORDS = frozenset(
    {
        "division",
        "unit",
        "office",
        "bureau",
        "branch",
        "section",
        "directorate",
        "secretariat",
        "department",
        "organisation",
        "organization",
        "summit",
        "forum",
    }
)
_COMPANY_FINALS = frozenset(word_list("company_finals"))
_ORG_WORDS = _COMPANY_FINALS | {"quantum"}


def bare_personal_name(name: str) -> bool:
    """A name read as a person's only from the verb beside it ("founded by", "resigned") holds
    no word of an organisation's name ("Quantum", "Labs", "Ltd", "University")."""
    return not any(
        w.lower().strip(".,") in KEYWORDS or w.lower().strip(".,") in _ORG_WORDS for w in name.split()
    )


def looks_personal(words: list[str]) -> bool:
    """A name a cue found is a person's unless none of its words opens like a personal name
    (a given name, an East Asian family name, an initial) and one of them is a common English
    word: "Digital Economy", "South African" after a role are the role's field or a nationality."""
    return (
        opens_with_given(words[0])
        or len(words[0].strip(".")) == 1  # an initial: "A K Sood", "R. Menon"
        or not any(w.lower().strip(".,") in COMMON_WORDS for w in words)
    )


def _company_like(name: str) -> bool:
    """ "Alpha Partners", "Orbion Capital": a last word that makes a name a company."""
    return name.split()[-1].lower().strip(".,") in _COMPANY_FINALS


def _add_listed(out: list[Mention], sent: Sentence, offset: int, name: str) -> None:
    """One name of a list (its offset in the sentence), checked like any other."""
    m = re.compile(re.escape(name)).match(sent.text, offset)
    if m is not None:
        _add_person(out, sent, m, 0)


def _add_person(
    out: list[Mention], sent: Sentence, m: re.Match[str], group: int, rule: str = "person"
) -> None:
    name = m.group(group)
    if not name:
        return
    if rule == "person-owner-checked" and _OWNER_BEFORE.search(sent.text, 0, m.start(group)):
        return
    rule = "person"
    first = name.split()[0]
    # "The Rt Hon Ana Berg MP"; "the Honourable Ana Berg, Member of Parliament for ..."
    honoured = name.startswith(("The Rt", "The Right", "The Hon", "Honourable ", "Honorable ", "Hon. "))
    if (first.lower() in LEADING_NOISE and not _INITIAL.match(name) and not honoured) or first in _NOT_FIRST:
        return
    offset = m.start(group)
    # "Honourable Evan Solomon", "Australian Prime Minister Scott Morrison": the name is after them
    lead = _NOT_NAME.match(name)
    if lead and len(name[lead.end() :].split()) >= 2:
        offset += lead.end()
        name = name[lead.end() :]
    elif lead and (len(lead.group().split()) >= 2 or lead.group().strip() in _ROLE_CAPITALS):
        # "Vice Minister Lee", "Physicist Kim": a surname alone after a role is too little to name a
        # person (a one-word role that is also a given name stays: "Dean Smith")
        return
    words = name.split()
    if any(w.lower() in _UNIT_WORDS for w in words):
        return  # "Director of the R&D Policy Division, ...": a unit's name, not a person's
    if (
        not words
        or (words[0].lower() in LEADING_NOISE and not _INITIAL.match(name))
        or any(w.lower().strip(".,") in KEYWORDS or w.strip(".,") in _NOT_NAME_WORDS for w in words)
        or words[-1].lower() in _ROLE_TOKENS
        or _company_like(name)
    ):
        return  # "Deputy Director", "Chief Quantum Officer": a title, not a name
    if not looks_personal(words):
        return  # "Minister for Artificial Intelligence, Digital Economy and ...": a field, not a name
    start = sent.start + offset
    out.append(Mention(start, start + len(name), name, E.PERSON, name, rule))


_TITLE_ABBREVIATIONS = ("Prof", "Dr", "Mr", "Mrs", "Ms", "Sir", "Dame", "Dean")
_HAS_TITLE = re.compile(rf"\b(?:{'|'.join(_TITLE_ABBREVIATIONS)})\b")
#: The same words in lower case, for the sentence's word set (:func:`.words.may_hold`) first.
_TITLE_WORDS = frozenset(w.lower() for w in _TITLE_ABBREVIATIONS)


_ROLE_FIRST = frozenset(w.split()[0].split("-")[0] for w in word_list("role_words"))


_WORDS = re.compile(r"[A-Za-z]+")


_SAID_STEMS = ("said", "says", "according", "explain", "noted", "added", "stated", "states", "told")
_HAS_SAID = re.compile(rf"\b(?:{'|'.join(_SAID_STEMS)})", re.I)


_HAS_NAME = re.compile(rf"{NAMEPART}\s+(?:{PARTICLE}\s+)*{NAMEPART}|\b[A-Z]\.?\s*[A-Z]?\.?\s+{NAMEPART}")


@lru_cache(maxsize=8)
def _has_name(t: str) -> bool:
    """Whether the sentence may name a person (asked by the person and the demonym rules in turn)."""
    return _HAS_NAME.search(t) is not None


#: The words and stems of appointments (a stem opens a word): the gate before the appointment
#: cues, first asked of the sentence's word set (:func:`.words.may_hold`), then searched.
_APPOINT_WORDS = (
    frozenset(
        [
            "named",
            "names",
            "name",
            "hired",
            "hires",
            "hire",
            "elected",
            "elects",
            "tapped",
            "taps",
            "joins",
            "joined",
            "join",
            "joining",
        ]
    ),
    ("appoint", "promot", "recruit", "welcom", "rejoin"),
)
_APPOINT_GATE = re.compile(
    r"\b(?:" + "|".join([*sorted(_APPOINT_WORDS[0]), *(rf"{s}\w*" for s in _APPOINT_WORDS[1])]) + r")\b", re.I
)
#: Cue patterns that open with the name, each run only where its cheap verb gate occurs:
#: (gate, pattern, whether a role word must occur in the sentence, the words and stems one of
#: which the gate needs, tested on the sentence's word set before the gate's own search).
_CHAIRS_WORDS = ("chairs", "chaired", "heads", "headed", "chair", "head")
_SERVED_AS = (
    "stepped",
    "steps",
    "step",
    "resigned",
    "resigns",
    "retired",
    "retires",
    "served",
    "serves",
    "serve",
    "serving",
    "worked",
    "works",
)
_COPULAS = ("is", "was", "be", "been")
_CUES: tuple[tuple[re.Pattern[str], re.Pattern[str], bool, tuple[frozenset[str], tuple[str, ...]]], ...] = (
    (
        re.compile(r"\b(?:chaired|headed|directed|founded|led|run|coordinated|managed)\s+by\b", re.I),
        _PERSON_BY,
        False,
        (frozenset({"by"}), ()),
    ),
    (re.compile(r",\s+who\s"), _PERSON_WHO, False, (frozenset({"who"}), ())),
    (_APPOINT_GATE, _APPOINTS_PERSON, True, _APPOINT_WORDS),
    (
        re.compile(rf"\b(?:co-)?(?:{'|'.join(_CHAIRS_WORDS)})\s+(?:the|a|an|its)\b"),
        _PERSON_CHAIRS,
        False,
        (frozenset(_CHAIRS_WORDS), ()),
    ),
    (
        re.compile(
            rf"\b(?:{'|'.join(_SERVED_AS)})(?:\s+down)?\s+as\b"
            rf"|\b(?:{'|'.join(_COPULAS)})\s+(?:the|a|an|its|their|interim|acting|former)\s"
        ),
        _PERSON_SERVED,
        True,
        (frozenset(_SERVED_AS + _COPULAS), ()),
    ),
)


_PLURAL_ROLE = compile_gated(rf"{PERSON_ROLES}\b")


def _has_plural_role(t: str) -> bool:
    """Whether a role only people hold occurs in the plural ("academicians", "professors"): the
    lower-cased text against a case-sensitive pattern, cheaper than an ignore-case one."""
    return "s" in t and _PLURAL_ROLE.search(t.lower()) is not None


#: (for the affiliation rules' gates)
has_plural_role = _has_plural_role


def _role_positions(t: str) -> list[int]:
    return [w.start() for w in _WORDS.finditer(t) if w.group().lower() in _ROLE_FIRST]


#: A role with a capitalised portfolio, then its holder: "Minister of Science and ICT Bae Kyung-hun",
#: "Minister for Trade Ana Berg" (where the portfolio ends and the name begins is read by
#: :func:`_portfolio_holder`).
_PORTFOLIO = re.compile(
    rf"(?i:{_ROLE_ANY})\s+(?:of|for)\s+([A-Z][\w&-]*(?:(?:\s+(?:and|&|of|for)\s+|,\s+|\s+)[A-Z][\w&-]*){{2,8}})"
)
_CAP_TOKEN = re.compile(r"[A-Z][\w&-]*")
_HOLDER = re.compile(r"(.+)")


def _portfolio_holder(out: list[Mention], sent: Sentence, x: re.Match[str]) -> None:
    """The longest tail of a portfolio's capitalised run that is a personal name: two to four words
    opening with a given name, or an East Asian name written family name first."""
    t = sent.text
    tokens = list(_CAP_TOKEN.finditer(t, x.start(1), x.end(1)))
    for k in range(1, len(tokens) - 1):
        tail = tokens[k:]
        if len(tail) > 4 or any(t[a.end() : b.start()] != " " for a, b in itertools.pairwise(tail)):
            continue
        words = [w.group() for w in tail]
        name = " ".join(words)
        middle = words[1] if len(words) == 3 else None
        east = len(words) in (2, 3) and family_name_first(words[0], words[-1], middle)
        if east or opens_with_given(name):
            hit = _HOLDER.match(t, tail[0].start(), tail[-1].end())
            if hit is not None:
                _add_person(out, sent, hit, 1)
            return


def person_mentions(sent: Sentence) -> list[Mention]:
    out: list[Mention] = []
    t = sent.text
    if not _has_name(t):
        return out
    if may_hold(t, _TITLE_WORDS) and _HAS_TITLE.search(t):
        for m in _PERSON_TITLE.finditer(t):
            _add_person(out, sent, m, 1)
    if "doctor " in t or "professor " in t:
        for m in _LOWER_TITLE.finditer(t):
            _add_person(out, sent, m, 1)
    if "Gov. " in t or "Sen. " in t or "Rep. " in t:
        for m in _OFFICE_TITLE.finditer(t):
            _add_person(out, sent, m, 1)
    role_at = _role_positions(t) if may_hold(t, _ROLE_FIRST) else []
    for pos in role_at:
        for rx in (_PERSON_ROLE_BEFORE, _PERSON_AFTER_ROLE, _PERSON_ROLE_OF):
            hit = rx.match(t, pos)
            if hit:
                _add_person(out, sent, hit, 1)
        portfolio = _PORTFOLIO.match(t, pos)
        if portfolio is not None:
            _portfolio_holder(out, sent, portfolio)
    if role_at:
        for m in _PERSON_APPOS.finditer(t):
            _add_person(out, sent, m, 1)
    if may_hold(t, frozenset(), _SAID_STEMS) and _HAS_SAID.search(t):
        for m in _PERSON_SAID.finditer(t):
            if m.group(1):
                _add_person(out, sent, m, 1)
            else:
                _add_person(out, sent, m, 2, "person-owner-checked")
    for cue, rx, needs_role, cue_words in _CUES:
        if (role_at or not needs_role) and may_hold(t, *cue_words) and cue.search(t):
            for m in rx.finditer(t):
                _add_person(out, sent, m, 1 if m.group(1) or rx is not _PERSON_WHO else 2)
                if rx is _APPOINTS_PERSON:
                    end = m.end()
                    while (nxt := _AND_OFFICER.match(t, end)) is not None:
                        _add_person(out, sent, nxt, 1)
                        end = nxt.end()
    if t.lstrip().startswith(("Led ", "Co-led ", "Headed ", "Directed ", "Chaired ", "Co-chaired ", "Run ")):
        for m in _LED_BY_FRONT.finditer(t):
            for g in (1, 2):
                _add_person(out, sent, m, g)
    if " and " in t and _has_plural_role(t):
        for listed in (_LISTED_BEFORE_ROLES, _ROLES_THEN_NAMES, _ROLE_NAME_LIST):
            for m in listed.finditer(t):
                for y in _LIST_NAME.finditer(m.group(1)):
                    _add_listed(out, sent, m.start(1) + y.start(1), y.group(1))
    if any(w in t for w in _PLURAL_TITLE_WORDS):
        for m in _PLURAL_TITLE.finditer(t):
            _add_person(out, sent, m, 1)
            _add_person(out, sent, m, 2)
    if "merly " in t or "viously " in t:
        for m in _FORMERLY_OF.finditer(t):
            _add_person(out, sent, m, 1)
    if " from the " in t:
        for m in _FROM_THE_ORG.finditer(t):
            if not _company_like(m.group(1)):
                _add_person(out, sent, m, 1)
    if "ounded " in t:
        for m in _FOUNDED_BY_PEOPLE.finditer(t):
            for g in (1, 2, 3):
                if m.group(g):
                    _add_person(out, sent, m, g, "person-owner-checked" if g == 3 else "person")
    if "ounders" in t:
        for m in _FOUNDERS.finditer(t):
            _add_person(out, sent, m, 1)
            _add_person(out, sent, m, 2)
    if "ucceed" in t or "eplac" in t:
        for m in _SUCCEEDED.finditer(t):
            _add_person(out, sent, m, 1)
    if "appointment of" in t:
        for m in _APPOINTMENT_OF.finditer(t):
            _add_person(out, sent, m, 1)
    if may_hold(t, *_APPOINT_WORDS) and _APPOINT_GATE.search(t):
        for m in _PERSON_APPOINTED.finditer(t):
            _add_person(out, sent, m, next(g for g in (1, 2, 3) if m.group(g)), "person-owner-checked")
    kept = [
        p
        for p in out
        if (len(p.name.split()) >= 2 or p.name.split()[0].lower() in PARTICLE)
        and not _DESCRIBED_AS_GROUP.match(t, p.end - sent.start)
    ]
    if any(w in t for w in _SINGLE_TITLE_WORDS):
        kept += _titled_surnames(sent)
    return kept


#: A title before a surname alone: "President Alivisatos said", "Minister Yoo announced".
_SINGLE_TITLE_WORDS = (
    "President ",
    "Professor ",
    "Prof",
    "Dr",
    "Mr",
    "Mrs ",
    "Ms",
    "Minister ",
    "Chancellor ",
    "PM ",
)
_TITLED_SURNAME = re.compile(
    # "PM Ardent", "DPM Heng": prime ministers' abbreviated titles (not after a clock time)
    r"(?:\b(?:President|Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Minister|Chancellor)|(?<![\d:]\s)(?<!\w)D?PM)\s+"
    r"([A-Z][a-z]{1,}(?:-[A-Z][a-z]+)?)(?![\w'’&-])(?!\s+(?:[A-Z]|of\b|for\b|and\b))"
)
#: Endings of common nouns, no surnames ("Partnerships", "Relations", "Affairs").
_NOUN_ENDINGS = (
    "ship",
    "ships",
    "tion",
    "tions",
    "ment",
    "ments",
    "ness",
    "ity",
    "ities",
    "ance",
    "ence",
    "airs",
)
#: The rule of a one-word person: kept only where no full name of the document has it as its
#: surname (then it is a later mention of that person: :func:`surname_mentions`).
SINGLE = "person-single"


def _titled_surnames(sent: Sentence) -> list[Mention]:
    """People named by a title and a surname alone; the word no common, organisation, role or
    given-name word ("Professor John", "President Partnerships" are none)."""
    out = []
    for m in _TITLED_SURNAME.finditer(sent.text):
        word = m.group(1)
        low = word.lower()
        if (
            low in KEYWORDS
            or low in COMMON_WORDS
            or low[:-1] in COMMON_WORDS  # a plural: "President Partnerships"
            or low.endswith(_NOUN_ENDINGS)
            or low in _ROLE_TOKENS
            or low in LEADING_NOISE
            or (is_given_name(word) and word not in _EAST_ASIAN_FAMILY)
            or (len(word) < 3 and word not in _SHORT_FAMILY)
        ):
            continue
        start = sent.start + m.start(1)
        out.append(Mention(start, start + len(word), word, E.PERSON, word, SINGLE))
    return out


#: "Australian Prime Minister Scott Morrison", "German Chancellor Ana Berg": the nationality
#: stands for the country the office belongs to (nationality alone gives no location).
_DEMONYM_ROLE = re.compile(
    rf"\b([A-Z][a-z]+)\s+(?=(?:[A-Z][\w-]*\s+(?:and\s+|&\s+)?){{0,4}}?(?i:{_ROLE_ANY})"
    rf"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+(?:of|for)\s+|\s+)[A-Z][\w-]*){{0,8}})?"
    rf",?\s+(?:{TITLES}\s+)?{NAME})"
)


def demonym_mentions(sent: Sentence, gaz: Gazetteer) -> list[Mention]:
    """Countries named by their demonym in front of an office holder's role and name."""
    out: list[Mention] = []
    t = sent.text
    if not _has_name(t):
        return out
    for x in _DEMONYM_ROLE.finditer(t) if may_hold(t, _ROLE_FIRST) else ():
        entry = gaz.by_demonym(x.group(1))
        if entry is None:
            continue
        start = sent.start + x.start(1)
        # the entry's name as text, so the demonym does not become an alias of the country
        out.append(
            Mention(
                start,
                start + len(x.group(1)),
                entry.name,
                entry.type,
                entry.name,
                "demonym",
                entry=entry,
                country=entry.country,
            )
        )
    return out


#: Surnames too common as ordinary capitalised words to stand alone for a person.
_NOT_SURNAME = frozenset(
    {"The", "This", "That", "New", "Quantum", "King", "Park", "Lee", "Young", "Long", "Hall", "Bay"}
)


#: A Korean given name written with a hyphen and a lower-case second syllable ("Ki-hwan").
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


_EAST_ASIAN_FAMILY = EAST_ASIAN_SURNAMES
#: Two-letter family names frequent enough, and no English words, to stand alone ("Li said").
_SHORT_FAMILY = frozenset({"Li", "Wu", "Xu", "Hu", "Ma", "Yu", "Lu", "Du", "Yi", "Ko", "Jo", "Ryu"})


def _surname(name: str) -> str:
    """The family name: the last part, or the first of an East Asian name written family name
    first ("Kim Ki-hwan", "Li Wenjun", "Tanaka Hiroshi", "Yoo Sang-im" -> the first)."""
    parts = name.split()
    if len(parts) == 2 and _KOREAN_GIVEN.fullmatch(parts[1]) and not _KOREAN_GIVEN.fullmatch(parts[0]):
        return parts[0]
    if len(parts) in (2, 3) and family_name_first(parts[0], parts[-1], parts[1] if len(parts) == 3 else None):
        return parts[0]
    return parts[-1]


#: The types a one-word name read from its context alone may wrongly take for a person's surname.
_ORG_TYPES = frozenset(
    {E.COMPANY, E.RESEARCH_INSTITUTE, E.UNIVERSITY, E.GOVERNMENT_BODY, E.CLUSTER, E.PROGRAM}
)


def _without_surname_organisations(
    mentions: list[Mention], names: dict[str, tuple[int, str]]
) -> list[Mention]:
    """Drop one-word organisations that are the surname of a person named in full before them
    ("Ada Lin founded Kvantra. Lin develops ...": Lin is her, not a company the verb made), unless
    the gazetteer knows the name or a longer organisation's name holds the word ("Lin Quantum")."""
    org_words = {w for m in mentions if m.type in _ORG_TYPES and " " in m.name for w in m.name.split()}
    return [
        m
        for m in mentions
        if not (
            m.type in _ORG_TYPES
            and m.rule != "gazetteer"
            and not m.aliases
            and m.name in names
            and " " not in m.name
            and m.start >= names[m.name][0]
            and m.name not in org_words
        )
    ]


def surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later mentions of a person by surname alone ("Ferreira said"), for people named in full
    earlier in the document. A surname shared by two people, or inside another mention, names
    no one. One pass over the text with one compiled alternation."""
    first: dict[str, tuple[int, str]] = {}
    clash: set[str] = set()
    for m in mentions:
        if m.type is not E.PERSON or len(m.name.split()) < 2:
            continue
        # the full name again, without the cue that found it first ("the appointment of Ana Lin")
        first.setdefault(m.name, (m.end, m.name))
        last = _surname(m.name)
        if (len(last) < 3 and last not in _SHORT_FAMILY) or last in _NOT_SURNAME or not last[0].isupper():
            continue
        if last in first and first[last][1] != m.name:
            clash.add(last)
        first.setdefault(last, (m.end, m.name))
    names = {k: v for k, v in first.items() if k not in clash}
    # "President Alivisatos" where the document names "Paul Alivisatos": a later mention of him
    # (or, when the name is ambiguous, of no one)
    named = {w for m in mentions if m.type is E.PERSON and " " in m.name for w in m.name.split()}
    mentions = [m for m in mentions if m.rule != SINGLE or m.name not in named]
    if not names:
        return mentions
    mentions = _without_surname_organisations(mentions, names)
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    out = list(mentions)
    # the longest name first where two start at one place (a pattern compiled per document cost more)
    for start, end, name in bounded_names(text, sorted(names, key=len, reverse=True), "-"):
        after, full = names[name]
        if start < after or covered.find(1, start, end) >= 0:
            continue
        out.append(Mention(start, end, name, E.PERSON, full, "person"))
    return sorted(out, key=lambda m: (m.start, -m.end))
