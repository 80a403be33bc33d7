"""Shared vocabulary of the extraction rules: regex fragments and keyword tables.

Kept in one place so mention detection and relation rules agree on what a capitalised
name, an organisation keyword or a personal title is. Nothing here names a document.
"""

from __future__ import annotations

import re

from qkg.schemas import EntityType

__all__ = [
    "ACADEMIC_FIELDS",
    "CAPW",
    "KEYWORDS",
    "LEADING_NOISE",
    "NAMEPART",
    "PARTICLE",
    "PERSON_RE",
    "ROLE_WORDS",
    "TITLES",
    "head_type",
]

E = EntityType
#: A capitalised word: "Bar-Ilan", "O’Brien", "1QBit", "R&D", "Sub-Systems", "4.0".
CAPW = r"(?:[A-ZÀ-ÖØ-Þ][\w&]*(?:['’][A-Z][\w]*)?(?:-[A-ZÀ-Þ0-9][\w&]*)*|\d+[A-Za-z]\w*|\d+\.\d+)"
PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|la|le|bin|al|ter|dos)"
NAMEPART = r"(?:[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]+|['’][A-Z][a-zß-öø-ÿ]+)(?:-[A-ZÀ-Þ][a-zß-öø-ÿ]+)*)"
#: A personal name of two to five parts, particles allowed inside ("Konrad Helmut Arz von Straussenburg").
PERSON_RE = rf"{NAMEPART}(?:\s+(?:{PARTICLE}\s+)*{NAMEPART}){{1,4}}"
TITLES = r"(?:Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Dean)"

ROLE_WORDS = (
    "ceo|cto|cfo|coo|cso|chief executive officer|chief technology officer|chief executive|chief scientist|"
    "founder|co-founder|cofounder|president|vice-president|vice president|vice-chancellor|vice chancellor|"
    "deputy vice-chancellor|chancellor|director general|director-general|director|chair|chairman|chairwoman|"
    "chairperson|professor|minister|secretary|ambassador|head|leader|manager|managing director|country manager|"
    "vp|svp|evp|researcher|scientist|physicist|engineer|dean|provost|rector|spokesperson|spokesman|executive|"
    "officer|governor|mayor|general manager|partner|fellow|lead|principal investigator|senior director|"
    "commissioner|premier|prime minister"
)

#: Head words of organisation names and the type they imply (first match wins, longest first).
KEYWORDS: dict[str, EntityType] = {
    "institute of technology": E.UNIVERSITY,
    "science city": E.CLUSTER,
    "science park": E.CLUSTER,
    "innovation zone": E.CLUSTER,
    "university": E.UNIVERSITY,
    "université": E.UNIVERSITY,
    "universität": E.UNIVERSITY,
    "universidad": E.UNIVERSITY,
    "università": E.UNIVERSITY,
    "universiteit": E.UNIVERSITY,
    "polytechnic": E.UNIVERSITY,
    "institute": E.RESEARCH_INSTITUTE,
    "institut": E.RESEARCH_INSTITUTE,
    "laboratory": E.RESEARCH_INSTITUTE,
    "laboratories": E.RESEARCH_INSTITUTE,
    "lab": E.RESEARCH_INSTITUTE,
    "centre": E.RESEARCH_INSTITUTE,
    "center": E.RESEARCH_INSTITUTE,
    "academy": E.RESEARCH_INSTITUTE,
    "observatory": E.RESEARCH_INSTITUTE,
    "research": E.RESEARCH_INSTITUTE,
    "ministry": E.GOVERNMENT_BODY,
    "department": E.GOVERNMENT_BODY,
    "agency": E.GOVERNMENT_BODY,
    "authority": E.GOVERNMENT_BODY,
    "council": E.GOVERNMENT_BODY,
    "committee": E.GOVERNMENT_BODY,
    "commission": E.GOVERNMENT_BODY,
    "office": E.GOVERNMENT_BODY,
    "administration": E.GOVERNMENT_BODY,
    "bureau": E.GOVERNMENT_BODY,
    "parliament": E.GOVERNMENT_BODY,
    "fonds": E.GOVERNMENT_BODY,
    "directorate": E.GOVERNMENT_BODY,
    "inc": E.COMPANY,
    "ltd": E.COMPANY,
    "llc": E.COMPANY,
    "plc": E.COMPANY,
    "corp": E.COMPANY,
    "corporation": E.COMPANY,
    "gmbh": E.COMPANY,
    "ag": E.COMPANY,
    "oy": E.COMPANY,
    "oyj": E.COMPANY,
    "ab": E.COMPANY,
    "sas": E.COMPANY,
    "bv": E.COMPANY,
    "company": E.COMPANY,
    "technologies": E.COMPANY,
    "systems": E.COMPANY,
    "industries": E.COMPANY,
    "computing": E.COMPANY,
    "computers": E.COMPANY,
    "group": E.COMPANY,
    "capital": E.COMPANY,
    "ventures": E.COMPANY,
    "semiconductor": E.COMPANY,
    "electronics": E.COMPANY,
    "instruments": E.COMPANY,
    "solutions": E.COMPANY,
    "foundation": E.COMPANY,
    "cluster": E.CLUSTER,
    "hub": E.CLUSTER,
    "zone": E.CLUSTER,
    "district": E.CLUSTER,
    "valley": E.CLUSTER,
    "network": E.CLUSTER,
    "alliance": E.CLUSTER,
    "consortium": E.CLUSTER,
    "precinct": E.CLUSTER,
    "exchange": E.CLUSTER,
    "corridor": E.CLUSTER,
    "programme": E.PROGRAM,
    "program": E.PROGRAM,
    "strategy": E.PROGRAM,
    "initiative": E.PROGRAM,
    "project": E.PROGRAM,
    "plan": E.PROGRAM,
    "fund": E.PROGRAM,
    "challenge": E.PROGRAM,
    "mission": E.PROGRAM,
    "flagship": E.PROGRAM,
    "roadmap": E.PROGRAM,
}
_MULTI = sorted((k for k in KEYWORDS if " " in k), key=len, reverse=True)

#: Words that start a capitalised run without being part of a name.
LEADING_NOISE = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "under",
        "as",
        "of",
        "and",
        "its",
        "our",
        "their",
        "his",
        "her",
        "other",
        "both",
        "each",
        "together",
        "also",
        "meanwhile",
        "furthermore",
        "lastly",
        "named",
        "photo",
        "professor",
        "prof",
        "dr",
        "mr",
        "ms",
        "mrs",
        "ceo",
        "president",
        "minister",
        "director",
        "chair",
        "leader",
        "according",
        "while",
        "when",
        "after",
        "before",
        "since",
        "during",
        "following",
        "through",
        "via",
        "new",
        "said",
        "says",
        "however",
        "moreover",
        "finally",
        "first",
        "second",
        "today",
        "yesterday",
        "recent",
        "recently",
        "last",
        "next",
        "former",
        "current",
        "another",
        "all",
        "some",
        "many",
        "most",
        "several",
        "any",
        "every",
        "such",
        "then",
        "thus",
        "here",
        "there",
        "where",
        "which",
        "who",
        "what",
        "how",
        "why",
        "yes",
        "no",
        "not",
        "but",
        "or",
        "so",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "building",
        "setting",
        "steering",
        "amplifying",
        "sharing",
    ]
)

#: Academic disciplines: "Department of Physics" is a university department, not an actor.
ACADEMIC_FIELDS = frozenset(
    [
        "physics",
        "chemistry",
        "mathematics",
        "engineering",
        "biology",
        "computer",
        "electrical",
        "mechanical",
        "materials",
        "economics",
        "informatics",
        "astronomy",
        "medicine",
        "applied",
    ]
)

_WORD = re.compile(r"[\w&]+")


def head_type(phrase: str) -> EntityType | None:
    """The entity type implied by an organisation name's head word, or ``None``.

    The head is the last keyword before the first ``of``/``for`` ("Institute of Physics of
    the Academia Sinica" -> Institute), else the last keyword ("Novo Nordisk Foundation
    Quantum Computing Programme" -> Programme).

    >>> head_type("Max Plank Institute of Quantum Optics").value
    'ResearchInstitute'
    >>> head_type("Quantum Computer Sub-Systems R&D Platform Planning Project").value
    'Program'
    >>> head_type("Seth Lloyd") is None
    True
    """
    low = phrase.lower()
    for k in _MULTI:
        if k in low:
            return KEYWORDS[k]
    words = _WORD.findall(low)
    cut = next((i for i, w in enumerate(words) if w in {"of", "for", "du", "de"} and i > 0), len(words))
    for w in reversed(words[:cut]):
        if w in KEYWORDS:
            return KEYWORDS[w]
    for w in reversed(words[cut:]):
        if w in KEYWORDS and KEYWORDS[w] in {E.PROGRAM}:
            return KEYWORDS[w]
    return None
