"""Partnership phrasings the agreement finder does not read (PARTNERS_WITH only).

:mod:`.agreements` reads partnerships as agreements ("signed", "partner with", "a partnership
between"). A few common shapes name a partner without an agreement noun or a "with" after
the verb, and are read here:

* a fronted companion: "Together with Orbion, Veltra will build a testbed";
* an idiom: "Veltra is joining hands with Orbion";
* a partner chosen or described: "Veltra has selected Orbion as its technology partner",
  "Orbion is a long-standing partner of Veltra";
* joint work: "Veltra co-developed the chip with Orbion";
* two places joined by a dash before a pact noun: "UK-Canada partnerships", "Japan–Germany
  cooperation", "the US-Korea joint statement" (their governments work together);
* parties introduced by a description, which the agreement finder's plain name lists stop at:
  "The University of Kestrel and the global photonics firm Orbion have established a strategic
  partnership", "a joint venture between US quantum company Veltra and Lyon investment firm Alder";
* partners named before a relative: "two labs, Kessler and Brandt, with whom Veltra has long-standing
  collaborations" (Veltra's partners, not each other's);
* a partnership referred to around a clause of two organisations: "Through the partnership, Orbion
  will give Veltra access to its machines", "Orbion will supply Veltra as part of the collaboration";
* partners counted or ranked: "Orbion is one of Veltra's closest partners", "Veltra counts Orbion and
  Kessler among its partners", and "Its partners include Orbion" opening a sentence (its: the actor
  the reference step resolved);
* work done jointly by a list: "The research was carried out jointly by Veltra and Kessler", "joint
  research by Veltra and Kessler".

Members of a consortium are not partners here ("a partner of the consortium" is membership,
see :mod:`.membership`), so the partner named after "of" must be an organisation that is
not a group or a programme.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import LIST, ORG_NOUN, ORGS, PARTNER_TYPES, PLACES, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .rule import gate
from .words import may_hold

__all__ = ["GATE", "described_groups", "partner_facts"]

E = EntityType
R = RelationType

#: The cue words without which no rule here can match.
GATE = (
    "whom",
    "co-",
    "joined",
    "their",
    "together",
    "together with",
    "hands with",
    "partner",
    "co-develop",
    "co-design",
    "co-creat",
    "co-buil",
    "jointly",
    "joint ",
    "collaboration",
    "alliance",
    "memorandum",
    "mou",
    "agreement",
    "cooperation",
    "consortium",
)
#: The agreement nouns of :data:`_PACT`: the described-party rules run only when one occurs.
_PACT_WORDS = (
    "joint venture",
    "partnership",
    "collaboration",
    "cooperation",
    "co-operation",
    "alliance",
    "agreement",
    "memorandum",
    "mou",
    "consortium",
    "letter of intent",
)

#: Who can partner: organisations and places acting as governments.
_PARTIES = frozenset(ORGS | PLACES)
#: Who can be "a partner of" someone without that being membership of a group.
_PARTNER_OF = PARTNER_TYPES
_AUX = r"(?:(?:has|have|had|is|are|was|were|will|would|also|now|recently|officially|been|be)\s+)*"

#: "Together with §A§ (and §B§), §C§ will build ...": the fronted companions partner the subject.
_TOGETHER = re.compile(
    rf"^\s*(?:[^.;]{{0,40}}?,\s+)?[Tt]ogether\s+with\s+(?:the\s+)?({LIST}),\s+(?:the\s+)?({LIST})\s+(?=[a-z])"
)
#: "§A§ is joining hands with §B§", "§A§ and §B§ joined hands to ...".
_HANDS_WITH = re.compile(
    rf"({LIST})\s+{_AUX}(?:join|joins|joined|joining)\s+hands\s+with\s+(?:the\s+)?({LIST})"
)
#: "§A§ partners §B§ on ...", "§A§ and §B§ partner to ...": the verb without "with" (headlines,
#: British usage), at the start of a clause; "the Hub's partners §A§ and §B§" is a noun, not this.
_PARTNERS_VERB = re.compile(
    rf"(?:^\s*|[-–—:;]\s+)(?:The\s+)?({LIST})\s+(?:(?:has|have|had|will|to|now|also)\s+)?partner(?:s|ed)?\s+"
    rf"(?:the\s+)?({LIST})(?=\s+(?:on|to|in|for|over|at|across)\b|\s*[,.;]|\s*$)"
)
#: "§A§ has selected §B§ as its technology partner", "§A§ named §B§ a strategic partner".
_CHOSEN = compile_gated(
    rf"({LIST})\s+{_AUX}(?:selected|selects|select|chose|chosen|chooses|picked|picks|named|names|tapped|taps)\s+"
    # "as its partner": "its" may stand marked as the mention it refers to (checked to be a pronoun)
    rf"(?:the\s+)?({LIST})\s+(?:as\s+)?(?:its|their|a|an|the|§(\d+)§)\s+(?:[\w-]+\s+){{0,3}}?partners?\b"
)
#: "§A§ has selected §B§ to co-develop its next processor": chosen for joint work.
_CHOSEN_TO = re.compile(
    rf"({LIST})\s+{_AUX}(?:selected|selects|select|chose|chosen|chooses|picked|picks|tapped|taps|enlisted|enlists)\s+"
    rf"(?:the\s+)?({LIST})\s+to\s+(?:help\s+)?(?:co-develop|co-design|co-create|co-build|jointly\s+(?:develop|design|build)|"
    rf"collaborate|partner|work\s+(?:with|together|jointly))\b"
)
#: "§A§ and its long-time partner §B§ will ...": "its" (marked or not) stands for the name right before "and".
_AND_ITS_PARTNER = re.compile(
    rf"§(\d+)§\s+(?:and|&)\s+(?:its|their|§(\d+)§)\s+(?:(?:key|main|strategic|industry|industrial|technology|research|"
    rf"academic|long-?time|long-?standing|current|new|founding|close|exclusive|local|global)\s+){{0,2}}partners?\s+"
    rf"(?:the\s+)?({LIST})"
)
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
#: "§B§ is a long-standing partner of §A§", "§B§, a key partner of §A§": a partner described.
_PARTNER_OF_RX = re.compile(
    rf"({LIST})(?:,\s+|\s+(?:is|was|are|were|has\s+been|have\s+been|became|becomes|remains|remain)\s+)"
    rf"(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+){{0,3}}?partners?\s+(?:of|to)\s+(?:the\s+)?§(\d+)§(?!'s?\s)"
)
#: "§A§'s partners include §B§ and §C§", "§A§ said its partners are §B§ and §C§", "§A§ and its partners §B§
#: and §C§ will ...": the possessor partners each listed name (the listed with each other, not).
_POSSESSED_PARTNERS = re.compile(
    rf"§(\d+)§(?:['’]s?)?\s+(?:(?:key|main|strategic|industry|industrial|technology|research|academic|long-time|"
    rf"longstanding|long-standing|current|other|new|founding)\s+){{0,2}}partners\s+"
    rf"(?:(?:include[sd]?|including|are|were|such\s+as|like|among\s+them)\s*:?\s+|(?=(?:the\s+)?§))(?:the\s+)?({LIST})"
    # "§A§ and its long-time partner §B§ will ...": one partner named right after the role word
    rf"|§(\d+)§(?:['’]s?)?\s+(?:(?:key|main|strategic|industry|industrial|technology|research|academic|long-time|"
    rf"longstanding|long-standing|current|new|founding|close|exclusive)\s+){{0,2}}partner\s+(?:the\s+)?(§\d+§)(?!\s*(?:,|and)\s*§)"
)
#: "§A§ co-developed the chip with §B§", "§A§ jointly designed ... with §B§".
_CO_WORK = re.compile(
    rf"({LIST})\s+{_AUX}(?:co-developed|co-develops|co-develop|co-developing|co-designed|co-designs|co-design|"
    rf"co-created|co-creates|co-create|co-built|co-builds|co-build|jointly\s+(?:developed|develops|develop|designed|built|created))"
    rf"\s+[^§.;]{{0,60}}?\bwith\s+(?:the\s+)?({LIST})"
)

#: "§A§ and §B§ have completed a joint experiment in ...", "§A§ and §B§ launched a joint pilot":
#: the subjects of joint work, at the start of a clause, work together.
_JOINT_WORK = re.compile(
    rf"(?:^\s*|^(?:[A-Z][a-z]+\s+){{1,2}}[a-z]+,\s+|[-–—:;]\s+|\bthat\s+)(?:The\s+)?({LIST})\s+{_AUX}(?:completed|conducted|"
    rf"conduct|conducting|carried\s+out|carry\s+out|carrying\s+out|pursue|pursued|pursuing|launched|began|"
    rf"started|ran|run|performed|undertook|undertaken|undertake|announced|concluded)\s+"
    # "§A§ and §B§ will conduct joint research and development on ...": a mass noun needs no article
    rf"(?:(?:an?|the|their)\s+|(?=joint\s+(?:research|development|work)\b))"
    rf"(?:(?:first|new|successful|groundbreaking|pioneering|two-year|year-long)\s+)*joint\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:experiments?|trials?|stud(?:y|ies)|projects?|research|pilots?|demonstrations?|tests?)\b"
    # "§A§ and §B§ will establish a joint laboratory", "... have a joint research programme": what they run together
    rf"|(?:^\s*|[-–—:;]\s+|\bthat\s+)(?:The\s+)?({LIST})\s+{_AUX}(?:establish|established|establishing|set\s+up|"
    rf"setting\s+up|open|opened|opening|launch|launched|launching|build|built|building|create|created|run|runs|operate|"
    rf"operates|operated|have|has|had|form|formed)\s+(?:an?|the|their|two|three|several)\s+(?:(?:first|new|dedicated)\s+)*"
    rf"joint\s+(?:[\w-]+\s+){{0,2}}?(?:lab|labs|laborator(?:y|ies)|cent(?:re|er)s?|institutes?|programmes?|programs?|"
    rf"facilit(?:y|ies)|teams?|research\s+groups?|venture)\b"
)
#: "§A§ and §B§ will pool their expertise", "§A§ and §B§ said they would combine their technologies":
#: coordinated subjects that put together what each has.
_POOL = re.compile(
    rf"(?:^\s*|[-–—:;]\s+|\bthat\s+)(?:The\s+)?(§\d+§(?:\s*,\s*§\d+§)*,?\s+(?:and|&)\s+(?:the\s+)?§\d+§)\s+"
    rf"(?:(?:said|say|says|announced)\s+(?:that\s+)?they\s+)?{_AUX}(?:(?:would|will|to|plan\s+to)\s+)?"
    rf"(?:pool|pools|pooled|pooling|combine|combines|combined|combining|share|shares|shared|sharing|join|joined|joining)\s+"
    rf"(?:their|its)\s+(?:(?:[\w-]+|§\d+§)\s+){{0,2}}?(?:expertise|resources|technolog(?:y|ies)|strengths|efforts|know-how|"
    rf"capabilities|knowledge|facilities|forces|research)\b"
)
#: "§A§ and §B§ built the network together": coordinated subjects of one verb that did it together
#: ("brought together" and "put together" gather others).
_TOGETHER_AFTER = re.compile(
    rf"(?:^\s*|[-–—:;]\s+|\bthat\s+)(?:The\s+)?(§\d+§(?:\s*,\s*§\d+§)*,?\s+(?:and|&)\s+(?:the\s+)?§\d+§)\s+"
    rf"{_AUX}(?:(?:will|would|to|plan\s+to)\s+)?(?:build|builds|built|building|develop|develops|developed|developing|design|"
    rf"designs|designed|create|creates|created|demonstrate|demonstrates|demonstrated|launch|launches|launched|establish|"
    rf"established|found|founded|co-founded|set\s+up|run|ran|operate|operates|operated|wrote|write|published|publish|test|"
    rf"tested|organi[sz]e|organi[sz]ed|host|hosted|conduct|conducted|perform|performed|deploy|deployed|research|researched|"
    rf"stud(?:y|ied)|tackle|tackled|explore|explored|achieve|achieved|work|works|worked|working)\s+"
    rf"(?:[^§.;,]{{0,60}}?\s)?together\b(?!\s+with)"
)

#: "§A§ and §B§ have developed a superconducting quantum computer": coordinated subjects of one
#: thing made ("a"/"an": one object) made it together; "§A§ and §B§ have developed superconducting
#: qubits", "... have built the largest machines" (each their own) or "... each built a ..." are not this.
_MADE_ONE = re.compile(
    r"(?:^\s*(?:(?:In|Last|This|Earlier|On|Since)\b[^§,;]{0,30}?,?\s+)?|[-–—:;]\s+|\bthat\s+)"
    r"(?:The\s+)?(§\d+§(?:\s*,\s*§\d+§)?(?:\s*,)?\s+(?:and|&)\s+(?:the\s+)?§\d+§)\s+"
    r"(?:(?:have|has|had|recently|now|today|also|successfully|officially)\s+)*"
    r"(?:developed|built|created|designed|constructed|unveiled|demonstrated|completed|deployed|launched|established)\s+"
    r"(?:a|an)\s+"
)
_MADE_VERBS = frozenset(
    {"developed", "built", "created", "designed", "constructed", "unveiled", "demonstrated", "completed"}
    | {"deployed", "launched", "established"}
)
#: A word that makes coordinated subjects act each on their own.
_EACH = re.compile(r"\b(?:each|respectively|separately|independently|both\s+have|own)\b")
#: A description before a party's name: "the global §photonics§ firm", "US quantum computing company",
#: "privately held Lyon investment firm", "the nation's oil giant," (words or mentions, then an
#: organisation noun, maybe set off by a comma).
_DESCRIPTION = rf"(?:(?:the|a|an)\s+)?(?:(?:[\w'’-]+|§\d+§)\s+){{0,5}}?{ORG_NOUN},?\s+"
_DITEM = rf"(?:{_DESCRIPTION})?(?:the\s+)?§\d+§(?:\s*\(§\d+§\))?"
#: Parties, each maybe described: "§A§ (§a§) and the global §t§ firm §B§".
_DLIST = rf"{_DITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_DITEM})*"
_PACT = (
    r"(?:partnership|collaboration|alliance|agreement|memorandum|MoU|MOU|joint\s+venture|cooperation|co-operation|"
    r"consortium|letter\s+of\s+intent)"
)
#: "§A§ and the global firm §B§ have established a strategic partnership": described subjects sign.
_DESCRIBED_SUBJECTS = re.compile(
    rf"(?:^\s*|[-–—:]\s+|\bthat\s+)(?:The\s+|the\s+)?({_DLIST})\s+{_AUX}"
    rf"(?:established|formed|signed|launched|announced|entered\s+into|inked|struck|agreed|sealed|unveiled|created)\s+"
    rf"(?:an?|the|their|a\s+new)\s+(?:[\w-]+\s+){{0,3}}?{_PACT}\b"
)
#: Its verbs, each a whole run of letters between spaces (for :func:`.words.may_hold`).
_SIGN_VERBS = frozenset(
    {"established", "formed", "signed", "launched", "announced", "entered", "inked", "struck", "agreed"}
    | {"sealed", "unveiled", "created"}
)
#: "a joint venture between §c§ §t§ company §A§ and privately held investment firm §B§".
_DESCRIBED_BETWEEN = re.compile(rf"\b{_PACT}\s+between\s+({_DLIST})")
#: The name positions of a described list: a mention ending an item, not one inside a description.
_NAME_END = re.compile(r"§(\d+)§(?=\s*(?:,|\band\b|\(|$))")


def _named(group: str) -> list[int]:
    """The parties of a described list: the mention that ends each item ("the global §t§ firm §B§" -> B)."""
    return [int(x.group(1)) for x in _NAME_END.finditer(group)]


#: "§UK§-§Canada§ partnerships", "§Japan§–§Germany§ cooperation": countries or regions joined by a dash.
_DASHED_PLACES = re.compile(
    r"§(\d+)§\s?[-–—/]\s?§(\d+)§\s+(?:[a-z][\w-]*\s+){0,2}?(?:partnerships?|collaborations?|cooperation|co-operation|"
    r"alliances?|ties|relations|relationship|joint\s+statements?|dialogues?|agreements?|accords?|pacts?|summits?|"
    r"programmes?|programs?|projects?|initiatives?|research\s+(?:projects?|programmes?|calls?))\b"
)
_STATES = frozenset({E.COUNTRY, E.REGION})


#: "two labs, §A§ and §B§, with whom §X§ has long-standing collaborations", "§A§ and §B§, with which
#: §X§ has worked for years": the antecedents are the subject's partners (not each other's). The
#: subject is the mention after the pronoun, or a bare "it"/"they" standing for the one organisation
#: named before the antecedents in the sentence.
_WITH_WHOM = re.compile(
    rf"({LIST})\s*(?:[,—–]\s*|\s-\s)?(?:both\s+of\s+)?with\s+(?:whom|which)\s+(?:the\s+)?(?:(§\d+§)|(?:it|they|the\s+it))\s+"
    rf"{_AUX}(?:(?:has|have|had|maintains?|maintained|enjoys?|enjoyed)\s+(?:(?:a|an|long-?standing|long-?term|long|close|"
    rf"existing|ongoing|active|established|strong|many|several|deep|numerous|research|strategic|joint)\s+)*"
    rf"(?:collaborations?|partnerships?|ties|relationships?|cooperation|co-operation|alliances?)\b"
    rf"|(?:(?:long|closely|jointly)\s+)?(?:collaborated|collaborates|collaborating|collaborate|cooperated|cooperates|"
    rf"cooperating|cooperate|partnered|partners|partnering|partner|worked|works|working|work|teamed\s+up|teams\s+up)\b)"
)
#: A partnership referred to by a fronted or closing frame: "Through the partnership, §A§ will give §B§
#: ...", "Under the collaboration, §A§ and §B§ will share ...", "§A§ will supply §B§ as part of the
#: alliance". A bare "agreement" or "deal" is no frame here (it may be a sale or an investment).
_FRAME_NOUN = (
    r"(?:partnership|collaboration|cooperation|co-operation|alliance|joint\s+venture|memorandum|MoU|MOU)"
)
_FRAMED = re.compile(
    rf"^\s*(?:(?:Through|Under|Via|With|In|As\s+part\s+of)\s+(?:the|this|their|its|that)\s+(?:new\s+|expanded\s+|"
    rf"strategic\s+|multi-?year\s+)?{_FRAME_NOUN},\s+)"
    rf"|\s(?:as\s+part\s+of|under|through)\s+(?:the|this|their)\s+(?:new\s+|expanded\s+)?{_FRAME_NOUN}\s*[.,;]?\s*$"
)
#: "§B§ is one of §A§'s closest partners", "§B§, one of §A§'s key partners,".
_ONE_OF_PARTNERS = re.compile(
    rf"({LIST})(?:,\s+|\s+(?:is|was|are|were|has\s+been|have\s+been|remains|remain)\s+)(?:also\s+)?(?:one|some|two|three)\s+"
    rf"of\s+§(\d+)§['’]s?\s+(?:(?:closest|main|key|largest|biggest|oldest|longest-standing|strategic|most\s+important|"
    rf"important|principal|major|leading|first)\s+)?partners\b"
)
#: "§A§ counts §B§ and §C§ among its partners" ("its": marked as the subject it refers to).
_COUNTS_AMONG = re.compile(
    rf"§(\d+)§\s+{_AUX}(?:counts|counted|count|lists|listed|includes|included|numbers|numbered)\s+(?:the\s+)?({LIST})\s+"
    rf"(?:among|as)\s+(?:§\d+§|its|their)\s+(?:[\w-]+\s+){{0,2}}?partners\b"
)
#: "Its partners include §B§ and §C§" opening a sentence: "Its" marked as the actor it refers to.
_ITS_PARTNERS = re.compile(
    rf"^\s*§(\d+)§\s+(?:(?:key|main|strategic|industry|industrial|technology|research|academic|current|other|new)\s+){{0,2}}"
    rf"partners\s+(?:include[sd]?|are|were|comprise[sd]?)\s*:?\s+(?:the\s+)?({LIST})"
)
#: "The research was carried out jointly by §A§ and §B§", "joint research by §A§ and §B§", "a study
#: conducted jointly by §A§, §B§ and §C§": the agents of joint work work together.
_JOINTLY_BY = re.compile(
    rf"\b(?:(?:carried\s+out|conducted|developed|designed|built|performed|led|run|undertaken|written|published|"
    rf"organi[sz]ed|funded|created|operated|managed)\s+jointly|jointly\s+(?:carried\s+out|conducted|developed|designed|"
    rf"built|performed|led|run|undertaken|written|published|organi[sz]ed|created|operated|managed)|[Jj]oint\s+(?:research|"
    rf"work|study|project|experiment|effort|development|venture))\s+by\s+(?:the\s+)?({LIST})"
)

#: "A and B have joined the university's §P§ as innovation partners": partners of the programme's owner.
_JOINED_AS_PARTNERS = re.compile(
    r"\b(?:join|joins|joined|joining)\s+(?:the\s+)?§(\d+)§['’]s?\s+(?:[\w-]+\s+){0,3}?(?:§\d+§\s+)?as\s+"
    r"(?:an?\s+|its\s+|their\s+)?(?:(?:[\w-]+\s+){0,3}?partners?\b|§(\d+)§)"
)
#: Where the clause of the joiners opens: the sentence's start or a reported clause.
_CLAUSE_OPEN = re.compile(r"\b(?:that|said|says|announced)\s+")


def described_groups(v: SentView, m: str, low: str) -> list[tuple[list[int], str, tuple[int, int]]]:
    """Parties introduced by descriptions, with the shape ("subjects" or "between") and the span:
    "§A§ and the global photonics firm §B§ have established a partnership"."""
    out: list[tuple[list[int], str, tuple[int, int]]] = []
    if not gate(low, _PACT_WORDS):
        return out
    for rx, rule in ((_DESCRIBED_SUBJECTS, "subjects"), (_DESCRIBED_BETWEEN, "between")):
        for x in (
            rx.finditer(m)
            if (may_hold(m, _SIGN_VERBS) if rx is _DESCRIBED_SUBJECTS else "between" in m)
            else ()
        ):
            names = [i for i in _named(x.group(1)) if v.type(i) in _PARTIES]
            if len(names) >= 2:
                out.append((names, rule, x.span(1)))
    return out


def partner_facts(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """PARTNERS_WITH between the parties of the shapes above."""
    for x in _DASHED_PLACES.finditer(m) if "§-§" in m or "§–§" in m or "§—§" in m or "§/§" in m else ():
        a, b = int(x.group(1)), int(x.group(2))
        if v.type(a) in _STATES and v.type(b) in _STATES and v.id(a) != v.id(b):
            yield Fact(v.id(a), R.PARTNERS_WITH, v.id(b), "partners-dashed-places", 0.8)
    for x in _MADE_ONE.finditer(m) if may_hold(m, _MADE_VERBS) and not _EACH.search(m) else ():
        names = [i for i in ids_in(x.group(1)) if v.type(i) in _PARTIES]
        for k, a in enumerate(names):
            yield from _pairs(v, [a], names[k + 1 :], "partners-made-one", _PARTIES)
    if not gate(low, GATE):
        return
    for rx, rule in ((_TOGETHER, "partners-together-with"), (_HANDS_WITH, "partners-join-hands")):
        for x in rx.finditer(m) if ("ogether" if rx is _TOGETHER else "hands") in low else ():
            yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), rule, _PARTIES)
    for x in _PARTNERS_VERB.finditer(m) if "partner" in low else ():
        yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), "partners-verb", _PARTNER_OF)
    for x in _CHOSEN.finditer(m) if "partner" in low else ():
        if x.group(3) is not None and v.mentions[int(x.group(3))].text.lower() not in _POSSESSIVE_PRONOUNS:
            continue  # "selected B as C's partner": C's, not the subject's
        yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), "partners-chosen-as", _PARTIES)
    for x in _AND_ITS_PARTNER.finditer(m) if "partner" in low else ():
        if x.group(2) is not None and v.mentions[int(x.group(2))].text.lower() not in _POSSESSIVE_PRONOUNS:
            continue  # "A and B's partner C": B's
        # "its" right after "A and" is A's, whatever the reference step resolved it to
        yield from _pairs(v, [int(x.group(1))], ids_in(x.group(3)), "partners-and-its-partner", _PARTNER_OF)
    for x in _CHOSEN_TO.finditer(m) if " to " in low else ():
        yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), "partners-chosen-to", _PARTIES)
    for x in _POSSESSED_PARTNERS.finditer(m) if "partner" in low else ():
        # the plural list in groups 1-2, the singular partner in groups 3-4
        a, partners = (int(x.group(1)), x.group(2)) if x.group(1) else (int(x.group(3)), x.group(4))
        owner = x.group(0).startswith(f"§{a}§'") or x.group(0).startswith(f"§{a}§’")
        # the possessor: a name with "'s", or "its"/"their" marked as the organisation it refers to,
        # when that is the organisation named last before it ("praised B and its partners": B's, not
        # the subject's, whatever the pronoun was resolved to)
        before = [i for i in ids_in(m[: x.start()]) if v.type(i) in ORGS]
        if owner or (
            v.mentions[a].text.lower() in _POSSESSIVE_PRONOUNS and before and v.id(before[-1]) == v.id(a)
        ):
            yield from _pairs(v, [a], ids_in(partners), "partners-possessed", _PARTNER_OF)
    for x in _PARTNER_OF_RX.finditer(m) if "partner" in low else ():
        yield from _pairs(v, ids_in(x.group(1)), [int(x.group(2))], "partners-partner-of", _PARTNER_OF)
    for names, rule, _ in described_groups(v, m, low):
        for k, a in enumerate(names):
            yield from _pairs(v, [a], names[k + 1 :], f"partners-described-{rule}", _PARTIES)
    for x in _JOINT_WORK.finditer(m) if "joint " in low else ():
        names = [i for i in ids_in(x.group(1) or x.group(2)) if v.type(i) in _PARTIES]
        for k, a in enumerate(names):
            yield from _pairs(v, [a], names[k + 1 :], "partners-joint-work", _PARTIES)
    for x in _CO_WORK.finditer(m) if "co-" in low or "jointly" in low else ():
        yield from _pairs(v, ids_in(x.group(1)), ids_in(x.group(2)), "partners-co-developed", _PARTIES)
    yield from _counted_partners(v, m, low)
    for x in _JOINTLY_BY.finditer(m) if "joint" in low else ():
        names = [i for i in ids_in(x.group(1)) if v.type(i) in _PARTIES]
        for k, a in enumerate(names):
            yield from _pairs(v, [a], names[k + 1 :], "partners-jointly-by", _PARTIES)
    for rx, word, rule in (
        (_POOL, "their", "partners-pool"),
        (_TOGETHER_AFTER, "together", "partners-together"),
    ):
        for x in rx.finditer(m) if word in low and not _EACH.search(m) else ():
            names = [i for i in ids_in(x.group(1)) if v.type(i) in _PARTIES]
            for k, a in enumerate(names):
                yield from _pairs(v, [a], names[k + 1 :], rule, _PARTIES)
    yield from _joined_as_partners(v, m, low)
    yield from _with_whom(v, m, low)
    yield from _framed(v, m)


def _counted_partners(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """ "§B§ is one of §A§'s partners", "§A§ counts §B§ among its partners", "Its partners include §B§"."""
    if "partners" not in low:
        return
    for x in _ONE_OF_PARTNERS.finditer(m):
        yield from _pairs(v, [int(x.group(2))], ids_in(x.group(1)), "partners-one-of", _PARTNER_OF)
    for x in _COUNTS_AMONG.finditer(m):
        yield from _pairs(v, [int(x.group(1))], ids_in(x.group(2)), "partners-counted-among", _PARTNER_OF)
    its = _ITS_PARTNERS.match(m)
    if its is not None and v.mentions[int(its.group(1))].text.lower() in _POSSESSIVE_PRONOUNS:
        yield from _pairs(v, [int(its.group(1))], ids_in(its.group(2)), "partners-its-partners", _PARTNER_OF)


def _joined_as_partners(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """ "§CU§ announced that A, B and C have joined its §P§ as innovation partners": each joiner named
    in the joining clause partners the owner of what it joined."""
    if "join" not in low or " as " not in low:
        return
    for x in _JOINED_AS_PARTNERS.finditer(m):
        if x.group(2) is not None and not re.search(r"[Pp]artners?$", v.mentions[int(x.group(2))].text):
            continue
        owner = int(x.group(1))
        opens = [y.end() for y in _CLAUSE_OPEN.finditer(m, 0, x.start())]
        joiners = [i for i in ids_in(m[opens[-1] if opens else 0 : x.start()]) if v.id(i) != v.id(owner)]
        yield from _pairs(v, [owner], joiners, "partners-joined-as", _PARTNER_OF)


def _with_whom(v: SentView, m: str, low: str) -> Iterator[Fact]:
    """Partners named before "with whom": the relative clause's subject partners each of them."""
    if "whom" not in low and "with which" not in low:
        return
    for x in _WITH_WHOM.finditer(m):
        if x.group(2) is not None:
            subject = [int(x.group(2).strip("§"))]
        else:
            # a bare pronoun: the one organisation named before the antecedents
            before = {v.id(i): i for i in ids_in(m[: x.start()]) if v.type(i) in ORGS}
            if len(before) != 1:
                continue
            subject = list(before.values())
        yield from _pairs(v, subject, ids_in(x.group(1)), "partners-with-whom", _PARTIES)


def _framed(v: SentView, m: str) -> Iterator[Fact]:
    """A clause of exactly two organisations inside a frame that refers to a partnership."""
    if _FRAMED.search(m) is None:
        return
    named = {v.id(i): i for i in ids_in(m) if v.type(i) in ORGS}
    if len(named) != 2:
        return
    a, b = named.values()
    yield from _pairs(v, [a], [b], "partners-framed", _PARTIES)


def _pairs(
    v: SentView, left: list[int], right: list[int], rule: str, right_types: frozenset[EntityType]
) -> Iterator[Fact]:
    for a in left:
        if v.type(a) not in _PARTIES:
            continue
        for b in right:
            if b != a and v.type(b) in right_types and v.id(a) != v.id(b):
                yield Fact(v.id(a), R.PARTNERS_WITH, v.id(b), rule, 0.8)
