"""People named bare, with no title, role or verb beside them: a given name of the shipped
lexicon (``data/words/given_names.txt``, written by ``tools/given_names.py`` from faker's
MIT-licensed first-name lists) followed by one to three capitalised surname words.

A third of the people the rules missed in articles nobody had tuned on were such names
("Nadia Karsten (CEO of ...)", "with Mark Berg and Nvidia's Ada Lin"), in captions, lists and
quotations where no cue stands. The shape decides, not the sentence: given name, then the
surname with its particles ("van 't", "de la", "bin", "Al"), hyphens and middle initials
("Walter G. Copan"); or two initials and a surname ("V K Saraswat", "R.K. Menon"); or a
romanised East Asian family name (``data/words/east_asian_surnames.txt``) with a given name of
hyphenated syllables, pinyin or the lexicon's, either order ("Li Wenjun", "Kim Min-jae",
"Jianwei Pan", "Tanaka Hiroshi"), or of Japanese sound shape ("Takashi Yamamoto", "KITAGAWA
Masahiro"); or the names after a royal title ("King Carl Gustav XVI"). Given names that are also common words or places ("Mark",
"Grace", "Chad": ``given_names_common.txt``) count only inside a sentence after a lower-case
word, before surname words that are no common words ("with Mark Berg", not "Grace Period"). A name
is no person's when a word of it is an organisation's or a role's ("Niels Bohr Institute",
"Paul Scherrer Institut"), when it goes on with a fourth capitalised word (a longer proper
name), or when "the" or an organisation word stands right before it ("the Alan Turing
Institute", "Fondazione Bruno Kessler"). A gazetteer name inside it still wins
(:func:`qkg.loaders.mentions._drop_person_conflicts`).

>>> from qkg.loaders.segment import split_sentences
>>> s = split_sentences("They join advisors Nadia Karsten and Hans van 't Berg of Orbion.")[0]
>>> [m.name for m in bare_name_mentions(s)]
['Nadia Karsten', "Hans van 't Berg"]
"""

from __future__ import annotations

from qkg.schemas import EntityType

from ..patterns import KEYWORDS, LOWER, ROLE_WORDS, UPPER
from ..segment import Sentence
from . import fastre as re
from .mention import Mention
from .words import word_list

__all__ = [
    "COMMON_WORDS",
    "EAST_ASIAN_SURNAMES",
    "GIVEN_NAMES",
    "bare_name_mentions",
    "bracketed_affiliations",
    "family_name_first",
    "is_given_name",
    "opens_with_given",
]

E = EntityType

#: The given-name lexicon (title case, one word, maybe hyphenated: "Jean-Pierre").
GIVEN_NAMES = word_list("given_names")

#: A capitalised word (the candidate given name), not glued to a word, an apostrophe or a dot
#: before it ("O'Neil", "e.Nadia").
#: (the look-behind is checked after the capital, "[A-Z](?<![\w'’.&-].)": the same spans as a look-behind
#: in front, but the engine can skip to the capitals in C, 2x faster on a sentence)
_CAP = re.compile(rf"[{UPPER}](?<![\w'’.&-].)[{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?(?![\w'’&])")
#: One surname word: "Karsten", "O'Brien", "McKendry", "Garcia-Lopez", "Min-jae" (Korean given
#: names with a lower-case second syllable), "DiVincenzo".
_SURNAME = (
    rf"(?:[{UPPER}](?:[{LOWER}]+|['’][{UPPER}][{LOWER}]+)(?:-[{UPPER}{LOWER}][{LOWER}]+)*"
    rf"|(?:Mc|Mac|Di|De|Da|Du|La|Le|O['’])[{UPPER}][{LOWER}]+)"
)
#: Particles inside a name, lower case ("van 't", "de la", "dos") or capitalised Arabic
#: ("Al", "El"); "bin"/"ibn"/"bint" chains are read apart (they may run long).
_PARTICLE = (
    r"(?:van|von|de|der|den|da|di|du|del|della|des|dos|das|do|la|le|ter|ten|zu|y|e|'t|’t|al|el|Al|El|Abu|Abd)"
)
_ARABIC_LINK = r"(?:bin|ibn|bint|ben)"
_MIDDLE = rf"(?:[{UPPER}]\.?\s+){{1,2}}"
#: The rest of a name after its given name.
_REST = re.compile(
    rf"\s+((?:{_MIDDLE})?(?:(?:{_ARABIC_LINK}\s+{_SURNAME}\s+){{1,5}}(?:(?:Al|El)[\s-])?"
    rf"|(?:{_PARTICLE}\s+){{0,3}}){_SURNAME}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_SURNAME}){{0,2}})"
)
#: Two initials and a surname: "V K Saraswat", "R. K. Menon", "R.K. Menon" (one initial is too
#: often a list letter or an abbreviation's).
_INITIALS_NAME = re.compile(
    rf"(?=[{UPPER}])(?<![\w.&-])(?:[{UPPER}]\.\s*[{UPPER}]\.\s*|[{UPPER}]\s+[{UPPER}]\s+)(?:[{UPPER}]\.?\s+)?"
    rf"[{UPPER}][{LOWER}]{{2,}}(?:-[{UPPER}][{LOWER}]+)?(?![\w'’&-])"
)
#: What may not follow a name: another capitalised word (a longer proper name: "Ada Lin Quantum
#: Labs"), "&" ("Alice & Bob"), or the word of a chair named after someone ("the Ada Lin
#: professor of physics").
_GOES_ON = re.compile(rf"(?:\s*&|\s+[{UPPER}][\w-]|-[{UPPER}]|,?\s+(?:Jr\.?\s+)?(?:professor|chair)\b)")
#: What may not stand right before a name: an article ("the Alan Turing Institute").
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|The|a|an|An)\s+)$")
_WORD_BEFORE = re.compile(r"([\w'’.-]+)\s+$")
#: "H E" / "H.E." (His or Her Excellency) before a name are no initials of it.
_EXCELLENCY = re.compile(r"H\.?\s*E\.?\s")
#: An Arabic name by its chain of "bin"/"ibn" (son of) links, whatever its first word:
#: "Saoud bin Abdulrahman bin Hassan Al Thani".
_NASAB = re.compile(rf"(?<![\w'’.-])[{UPPER}][{LOWER}]+(?=\s+(?:bin|ibn|bint)\s+[{UPPER}])")

_ROLE_TOKENS = frozenset(w for w in word_list("role_words") if " " not in w)
#: Words that are never part of a personal name: organisation keywords, company finals,
#: role words, the rules' capitalised words that are not names, and the words of things named
#: after people ("School", "Hall", "Prize").
_NOT_NAME = (
    frozenset(k for k in KEYWORDS if " " not in k)
    | frozenset(w.lower() for w in word_list("company_finals"))
    | _ROLE_TOKENS
    | frozenset(w.lower() for w in word_list("not_org_caps"))
    | frozenset(w.lower() for w in word_list("leading_noise"))
    | word_list("not_surname")
    | frozenset({"quantum"})
)


#: A name's inner link or particle right before a word: that word goes on a name, not opens one.
_LINK_BEFORE = re.compile(rf"\b(?:{_ARABIC_LINK}|{_PARTICLE})\s+$")


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of the lexicon; a hyphenated one whose parts all are
    ("Anne-Sophie") counts too."""
    return word in GIVEN_NAMES or ("-" in word and all(p in GIVEN_NAMES for p in word.split("-")))


def _word_ok(w: str) -> bool:
    return w.lower().strip(".,") not in _NOT_NAME


#: Who wrote or photographed the article is no entity (annotation rules: bylines, reporters):
#: "By Ada Lin", "7 May 2025, by Ada Lin", "(photo credit: Ada Lin)", "(photo: Ada Lin/Agency)".
_CREDIT_BEFORE = re.compile(
    r"(?:(?:^|[\n,|(]|\d)\s*(?:[Bb]y|BY)|\b(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|[Cc]redits|[Ss]ource|"
    r"[Ww]ords|[Tt]ext|[Ii]llustration)(?:\s+(?:credit|by))?:?|\b(?:[Pp]hoto(?:graph)?|[Ii]mage)\s+by|"
    r"\b[Cc]ourtesy(?:\s+of)?)\s*$"
)
#: "Ada Lin is a tech reporter for ...", "Ada Lin, Washington correspondent", "Ada Lin reports
#: for the Daily Planet".
_REPORTER_AFTER = re.compile(
    r"(?:,?\s+(?:is\s+(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?|[A-Z][\w ]{0,30}?)"
    r"(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|photographer)\b"
    r"|\s+(?:reports|reported|writes|wrote|is\s+reporting|is\s+writing)\s+(?:for|from|on|about)\b"
)
#: Royal and princely titles, which name a person whatever the names after them: "King Carl
#: Gustav XVI", "Princess Maha Chakri Sirindhorn" (the regnal number is part of the name).
_ROYAL_WORDS = ("King ", "Queen ", "Prince", "Emperor ", "Empress ", "Sultan ", "Emir ", "Grand Duke")
_ROYAL = re.compile(
    r"\b(?:King|Queen|Prince|Princess|Crown\s+Prince|Crown\s+Princess|Emperor|Empress|Sultan|Emir|Grand\s+Duke)\s+"
    rf"((?:[{UPPER}][{LOWER}]+\s+){{0,3}}[{UPPER}][{LOWER}]+(?:\s+[IVX]{{1,5}}\b)?)"
)
#: Capitalised words that may stand right before a name: courtesy, honorific and royal titles
#: (role words are checked apart).
_TITLE_WORDS = frozenset(
    {
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Emperor",
        "Empress",
        "Sultan",
        "Emir",
        "Duke",
        "HRH",
        "Dr",
        "Prof",
        "Mr",
        "Mrs",
        "Ms",
        "Mx",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Sheikh",
        "Shaikh",
        "Shri",
        "Smt",
        "Sri",
        "Hon",
        "Rt",
        "Excellency",
        "Highness",
        "Majesty",
        "Rev",
        "Fr",
        "Emeritus",
    }
)


def _before_ok(t: str, start: int) -> bool:
    """No article, credit, nor capitalised word of a longer name right before the name: "the
    Alan Turing Institute", "Fondazione Bruno Kessler", "World Knowledge Forum Sejong"; a title,
    a role word, a possessive ("Nvidia's"), an initial ("H E") or the sentence's first word may."""
    head = t[max(0, start - 40) : start]
    if _ARTICLE_BEFORE.search(head) or _CREDIT_BEFORE.search(head):
        return False
    prev = _WORD_BEFORE.search(head)
    if prev is None:
        return True
    word = prev.group(1).strip(".’'")
    if not word[:1].isupper() or prev.group(1).endswith(("'s", "’s", "s'", "s’")) or len(word) == 1:
        return True
    first = start - len(prev.group(0)) <= len(t) - len(t.lstrip()) + 1
    return first or word in _TITLE_WORDS or word.lower() in _ROLE_TOKENS or _role_of_before(t, start)


#: "Mayor of Delft Frank van Vliet", "CTO of Orbion Quantum Ada Lin": a role of a named
#: organisation or place, then its holder (the capitalised words before are the owner's name).
_ROLE_OF_BEFORE = re.compile(
    rf"\b(?i:{ROLE_WORDS})\s+(?:of|for|at)\s+(?:the\s+)?(?:[A-Z][\w&.’'-]*\s+){{1,4}}$"
)


def _role_of_before(t: str, start: int) -> bool:
    return _ROLE_OF_BEFORE.search(t, max(0, start - 80), start) is not None


#: The words a line of names may hold beside them: "By Ada Lin and Tom Berg", "Ada Lin, Tom
#: Berg | 4 min read" (an author line).
_NAMES_LINE_WORDS = frozenset(
    {
        "by",
        "and",
        "&",
        ",",
        "|",
        "·",
        "-",
        "min",
        "mins",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "ago",
        "read",
    }
)


def _names_line(t: str) -> bool:
    """Whether ``t`` is a short line of capitalised names and nothing else said."""
    if len(t) > 120:
        return False
    words = t.replace(",", " , ").split()
    return all(
        w[:1].isupper()
        or w[:1].isdigit()
        or w.lower() in _NAMES_LINE_WORDS
        or w in {"van", "von", "de", "bin"}
        for w in words
    )


def _is_byline(t: str, start: int, end: int) -> bool:
    """A name alone on its line or in a line of names only (an author's), or one the text calls
    its reporter."""
    return (
        (not t[:start].strip(" \t\"“”'") and not t[end:].strip(" \t.\"“”'"))
        or bool(_REPORTER_AFTER.match(t, end, min(len(t), end + 50)))
        or _names_line(t)
    )


#: The list items on either side of a name: "D-Wave, [Eli Lilly], Infleqtion".
_ITEM_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\s)((?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}),\s+$")
_ITEM_AFTER = re.compile(
    r",?\s+(?:and\s+|&\s+)?(?:the\s+)?([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})\s*(?:[,;.)]|\band\b|$)"
)


def _among_orgs(t: str, start: int, end: int) -> bool:
    """A name between two list items that are no people's names ("partners including D-Wave,
    Eli Lilly, Infleqtion and ...") is one more organisation of the list."""
    before = _ITEM_BEFORE.search(t, max(0, start - 60), start)
    if before is None or not t.startswith(",", end):
        return False
    after = _ITEM_AFTER.match(t, end)
    if after is None:
        return False
    return not any(opens_with_given(item) for item in (before.group(1), after.group(1)))


def opens_with_given(item: str) -> bool:
    """Whether ``item`` opens with a given name (of either lexicon) or an East Asian family name."""
    first = item.removeprefix("the ").split()[0]
    return is_given_name(first) or first in _COMMON_GIVEN or first in _EAST_ASIAN_SURNAMES


def _add(out: list[Mention], sent: Sentence, start: int, end: int) -> None:
    t = sent.text
    name = t[start:end]
    words = name.split()
    if not all(_word_ok(w) for w in words if not w.islower() and w not in {"Al", "El"}):
        return
    if (
        _GOES_ON.match(t, end)
        or not _before_ok(t, start)
        or _is_byline(t, start, end)
        or _among_orgs(t, start, end)
    ):
        return
    s = sent.start + start
    out.append(Mention(s, s + len(name), name, E.PERSON, name, "person"))


#: Given names that are also common words or places ("Mark", "Grace", "Chad") and the common
#: English words that are then no surname ("Grace Period", "Mark Down").
_COMMON_GIVEN = word_list("given_names_common")
_COMMON_WORDS = word_list("common_words")
#: (for the cue rules of :mod:`.people`)
COMMON_WORDS = _COMMON_WORDS
_LOWER_BEFORE = re.compile(r"(?:^|[\s(“\"])(?:[a-z][\w-]*|[A-Z][\w.-]*['’]s?|[,;:—–])\s+$")


def _common_given_ok(t: str, start: int, rest: str) -> bool:
    """A given name that is also a common word names a person only inside the sentence, right
    after a lower-case word, a possessive or a comma ("with Mark Berg", "Orbion's Grace Lin"),
    and before surname words none of which is a common word."""
    return (
        _LOWER_BEFORE.search(t, max(0, start - 40), start) is not None or _role_of_before(t, start)
    ) and not any(w.lower() in _COMMON_WORDS for w in rest.split() if w[:1].isupper())


#: Romanised East Asian family names ("Li", "Tanaka", "Kim"); a name written family name first
#: opens with one ("Li Wenjun", "Tanaka Hiroshi", "Kim Min-jae", "Lee Jae Myung").
#: Southeast Asian romanisations (Hokkien, Cantonese, Vietnamese: "Goh", "Wong", "Nguyen") are
#: family names too; the given names after them are read by syllable shape (:data:`_SEA_SYLLABLE`).
_SEA_SURNAMES = word_list("sea_surnames")
#: Such family names that are also English words ("Low Teck Seng", "Le Van Thanh", "Do Thi Hoa")
#: open a name only before two given syllables ("Low Earth Orbit", "Le Mans" are none).
_SEA_COMMON = frozenset({"Low", "Le", "Do"})
_EAST_ASIAN_SURNAMES = word_list("east_asian_surnames") | _SEA_SURNAMES
EAST_ASIAN_SURNAMES = _EAST_ASIAN_SURNAMES
#: One syllable of Hanyu Pinyin without tones; a Chinese given name is one or two of them.
_PINYIN = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|a|o|e|i|u|v)"
)
_PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN}){{1,2}}")
#: A given name in two hyphenated syllables: "Min-jae", "Chia-Hao", "Jae-in".
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,6}-[A-Za-z][a-z]{1,6}")
#: The given name after a family name: one hyphenated or pinyin word ("Loh Huanqian"), or two
#: short syllables ("Lee Jae Myung", "Tan Wei Ming").
_GIVEN_AFTER = re.compile(
    r"\s+([A-Z][a-z]{1,10}(?:-[A-Za-z][a-z]{1,6})?)(?:\s+([A-Z][a-z]{1,5})(?![\w-]))?(?![\w'’-])"
)
#: Western order: a two-syllable given name, then the family name ("Jianwei Pan", "Chia-Hao Chen").
_WESTERN_ORDER = re.compile(
    r"(?=[A-Z])(?<![\w'’.&-])([A-Z][a-z]{3,9}|[A-Z][a-z]{1,6}-[A-Za-z][a-z]{1,6})\s+([A-Z][a-z]{1,9})(?![\w'’&-])"
)


#: Romanised Japanese (Hepburn) is a run of morae: a consonant (maybe palatalised) and a vowel,
#: or a syllable-final "n" ("Ki-ta-ga-wa", "Ma-sa-hi-ro", "Ke-n-ji").
_HEPBURN = re.compile(r"(?:(?:sh|ch|ts|[kgnhbpmr]y|[kgsztdnhbpmrjfwy])?[aeiou]|n(?![aeiouy]))+")
#: A family name in capitals before the given name, as Japanese institutions write it.
_CAPITAL_FAMILY_FIRST = re.compile(r"(?<![\w'’.&-])([A-Z]{3,12})\s+([A-Z][a-z]{2,11})(?![\w'’&-])")
_CAPITALS = re.compile(r"[A-Z]{3}")
_JAPANESE_SURNAMES = frozenset(
    n for n in _EAST_ASIAN_SURNAMES if len(n) >= 4 and _HEPBURN.fullmatch(n.lower())
)


def _japanese_pair(a: str, b: str, *, capital_family: bool = False) -> bool:
    """Two words of Japanese sound shape, no common or rule words, making a name: one a known
    Japanese family name or given name ("Takashi Yamamoto", "Tanaka Yuki"), or any two when the
    family name is written in capitals ("KITAGAWA Masahiro"), as Japanese institutions write
    it (two unknown words alike may be a firm: "Sumitomo Mitsui")."""
    la, lb = a.lower(), b.lower()
    if len(la) < 3 or len(lb) < 3 or not (_HEPBURN.fullmatch(la) and _HEPBURN.fullmatch(lb)):
        return False
    if {la, lb} & (_COMMON_WORDS | _NOT_NAME):
        return False
    known = a in _JAPANESE_SURNAMES or b in _JAPANESE_SURNAMES or a in GIVEN_NAMES or b in GIVEN_NAMES
    return known or (capital_family and len(la) >= 4)


def family_name_first(first: str, last: str, middle: str | None = None) -> bool:
    """Whether a name of these first and last words is East Asian and written family name
    first: "Li Wenjun", "Tanaka Hiroshi", "Yoo Sang-im" (not "Lee Smith", "Jianwei Pan")."""
    if first not in _EAST_ASIAN_SURNAMES or last in _EAST_ASIAN_SURNAMES:
        return False
    if middle is not None:  # "Lee Jae Myung", "Tan Wei Ming": two short syllables after the family name
        return 2 <= len(middle) <= 5 and 2 <= len(last) <= 5 and last.lower() not in _COMMON_WORDS
    low = last.lower()
    return bool(
        _HYPHENATED_GIVEN.fullmatch(last)
        or (_PINYIN_GIVEN.fullmatch(low) and low not in _COMMON_WORDS)
        or (_HEPBURN.fullmatch(first.lower()) and _HEPBURN.fullmatch(low) and last in GIVEN_NAMES)
    )


#: One syllable of Hokkien, Cantonese or Vietnamese romanised without tone marks ("Teck", "Swee",
#: "Keat", "Van", "Minh", "Thanh"): an onset, one to three vowels, a final consonant or two.
_SEA_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|kh|ph|th|tr|gi|qu|sh|sw|kw|hw|ts|[bcdfghjklmnpqrstvwxy])?[aeiou]{1,3}(?:ng|nh|ch|ck|[kmnpth])?"
)


def _romanised_given(word: str, family: str = "") -> bool:
    """A given name of romanised Chinese, Korean or Japanese shape, no common or rule word: two
    hyphenated syllables, one or two pinyin syllables, or a given name of the lexicon; after a
    Southeast Asian family name also one syllable of its romanisation ("Goh Teck Seng")."""
    low = word.lower()
    if low in _NOT_NAME:
        return False
    if (
        (family in _SEA_SURNAMES or family in _SEA_COMMON)
        and len(low) <= 5
        and _SEA_SYLLABLE.fullmatch(low)
        and low != "the"
    ):
        return True
    if low in _COMMON_WORDS:
        return False
    return bool(_HYPHENATED_GIVEN.fullmatch(word) or _PINYIN_GIVEN.fullmatch(low) or word in GIVEN_NAMES)


#: Japanese names end in a vowel or "n" ("Tanaka Hiroshi", "Sato Ken"): a family name and a
#: given name of the lexicon both so shaped are a name written family name first.
_JAPANESE_END = ("a", "e", "i", "o", "u", "n")


def _family_name_first(t: str, family: str, end: int) -> int:
    """Where a name that opened with ``family`` (ending at ``end``) ends (0: no given name follows)."""
    x = _GIVEN_AFTER.match(t, end)
    if x is None or not _romanised_given(x.group(1), family):
        return 0
    given = x.group(1)
    if (
        given in GIVEN_NAMES
        and not _HYPHENATED_GIVEN.fullmatch(given)
        and not _PINYIN_GIVEN.fullmatch(given.lower())
        and not (family.endswith(_JAPANESE_END) and given.endswith(_JAPANESE_END))
    ):
        return 0  # "Ma Bell": a western given name after a short family name
    second = x.group(2)
    if family in _SEA_COMMON:
        strict = (
            second is not None and _romanised_given(second, family) and second.lower() not in _COMMON_WORDS
        )
        return x.end(2) if strict and given.lower() not in _COMMON_WORDS else 0
    if second is None:
        return x.end(1)
    # "Lee Jae Myung", "Tan Wei Ming": two short syllables, neither a common word
    return (
        x.end(2)
        if _romanised_given(second, family) or second.lower() not in _COMMON_WORDS | _NOT_NAME
        else x.end(1)
    )


def bare_name_mentions(sent: Sentence) -> list[Mention]:
    """The people of ``sent`` named by a given name and surname, or by initials and a surname."""
    t = sent.text
    out: list[Mention] = []
    caps = list(_CAP.finditer(t))  # the capitalised words, read by two rules below
    for w in caps:
        given = w.group()
        common = given not in GIVEN_NAMES and given in _COMMON_GIVEN
        if (not common and not is_given_name(given)) or _LINK_BEFORE.search(
            t, max(0, w.start() - 6), w.start()
        ):
            continue
        rest = _REST.match(t, w.end())
        if rest is None or (common and not _common_given_ok(t, w.start(), rest.group(1))):
            continue
        _add(out, sent, w.start(), rest.end(1))
    if " bin " in t or " ibn " in t or " bint " in t:
        for w in _NASAB.finditer(t):
            rest = _REST.match(t, w.end())
            if rest is not None and not _LINK_BEFORE.search(t, max(0, w.start() - 6), w.start()):
                _add(out, sent, w.start(), rest.end(1))
    for w in caps:
        if w.group() in _EAST_ASIAN_SURNAMES or w.group() in _SEA_COMMON:
            end = _family_name_first(t, w.group(), w.end())
            if end:
                _add(out, sent, w.start(), end)
    for w in _WESTERN_ORDER.finditer(t):
        family_last = w.group(2) in _EAST_ASIAN_SURNAMES and _romanised_given(w.group(1))
        if family_last or _japanese_pair(w.group(1), w.group(2)):
            _add(out, sent, w.start(), w.end())
    if _CAPITALS.search(t):
        for w in _CAPITAL_FAMILY_FIRST.finditer(t):  # "KITAGAWA Masahiro"
            if _japanese_pair(w.group(1).capitalize(), w.group(2), capital_family=True):
                _add(out, sent, w.start(), w.end())
    if any(r in t for r in _ROYAL_WORDS):
        for m in _ROYAL.finditer(t):
            # "Prince Charles": one name goes with its title
            _add(out, sent, m.start(1) if " " in m.group(1) else m.start(), m.end(1))
    if " " in t:
        for m in _INITIALS_NAME.finditer(t):
            if not _EXCELLENCY.match(m.group()):
                _add(out, sent, m.start(), m.end())
    return out


#: "Ada Lin (IF-USP)", "Tom Berg (UFABC)": an unknown short name in capitals in brackets right
#: after a person's name is the organisation the person comes from (captions, speaker lists),
#: not an alias of the person. Party labels ("R-TX", "D-Calif.") and degrees stay out.
_BRACKET_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9]*(?:[-/&][A-Z][A-Z0-9]*){0,3})\)")
_PARTY = re.compile(r"[DRI](?:-[A-Z]{2})?")
_NOT_ORG_CAPS = frozenset(w.upper() for w in word_list("not_org_caps"))


def bracketed_affiliations(sent: Sentence, people: list[Mention]) -> list[Mention]:
    """Organisations named by an acronym in brackets after a person's name."""
    if "(" not in sent.text:
        return []
    out: list[Mention] = []
    for p in people:
        if p.type is not E.PERSON:
            continue
        x = _BRACKET_ACRONYM.match(sent.text, p.end - sent.start)
        if x is None:
            continue
        acr = x.group(1)
        if len(acr) < 2 or _PARTY.fullmatch(acr) or acr in _NOT_ORG_CAPS:
            continue
        s = sent.start + x.start(1)
        out.append(Mention(s, s + len(acr), acr, E.COMPANY, acr, "org"))
    return out
