"""Affiliation and leadership of people: what a person named in a sentence is to an organisation.

AFFILIATED_WITH for job roles ("§p§, director of §org§", "§org§'s CEO §p§", "§p§ was appointed
CTO of §org§", "§org§ hired §p§ as ...", "§p§ stepped down as CEO of §org§"); LEADS for chairs and
heads ("§p§, the chair of §body§", "§p§, who heads §org§", "minister responsible for §body§"),
following the annotation conventions of the development corpora. Rules read the masked sentence
(:mod:`qkg.loaders.context`); each pattern is compiled once.
"""

from __future__ import annotations

from collections.abc import Iterator

from qkg.schemas import EntityType, RelationType

from ..context import ENT, LIST, ORGS, PLACES, Fact, SentView, ids_in
from ..patterns import HONORIFIC, ROLE_LETTERS
from . import fastre as re
from .affiliation_shapes import shape_facts
from .leadership import elide_person_appositions
from .literals import Gated, compile_gated
from .people import PERSON_ROLES, ROLE, SERVED_VERB, has_plural_role
from .person_roles import role_first_facts
from .rule import f as _f
from .rule import gate
from .words import may_hold

__all__ = ["affiliation_facts", "charge_facts", "co_holder_facts", "leads_examples"]

E = EntityType
R = RelationType
_ROLE = ROLE


_LEADER_ROLE = r"(?i:leader|chair|chairman|chairwoman|chairperson|head|director|coordinator|lead|principal\s+investigator)"


#: An apposed role that makes the person the organisation's leader: "the chair of", "Chair of the
#: Board for", "the minister responsible for" (README convention: chairs and heads LEAD).
_CHAIR_GAP = re.compile(
    r"^\s*(?:(?:co-?|board\s+|executive\s+)?(?:chair|chairman|chairwoman|chairperson|head|leader|chief)"
    r"(?:\s+of\s+the\s+(?:board|council|committee|steering\s+committee)(?:\s+of\s+directors)?)?"
    # "§p§, Co-Chair, §o§": the role and its body written as a caption, a comma between
    r"|[^§]*\bminister\s+responsible)[\s,]*$",
    re.I,
)


#: "§p§, director general of the §org§" / "§p§, CEO, §org§" / "§p§, §org§ deputy vice-chancellor".
_APPOSED_ROLE = re.compile(
    rf"§(\d+)§,\s+(?:(?:a|an|the)\s+)?([^§;:]{{0,70}}?)(?:\b(?:at|of|for|from|with|in)\s+)?(?:the\s+)?{ENT}([^§]{{0,40}})"
)
_GAP_ROLE = re.compile(rf"\b{_ROLE}\b")
_IN_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
_ENT_TAG = re.compile(r"§(\d+)§")
_NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")
_PLACE_ROLE_OF = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}\s+(?:of|at|for)\s+(?:the\s+)?§(\d+)§")
_SECOND_ROLE = re.compile(
    rf"\s+and\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,3}}?({_ROLE})(?:\s+(?:at|of|for|with)|,)\s+(?:the\s+)?§(\d+)§"
)
#: "§p§, §O§ Professor of optics at the §U§": the role named by its organisation, held at another
_OWNED_ROLE_AT = re.compile(
    rf"\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}(?:\s+(?:of|for)\s+[a-z][a-z\s-]{{0,40}}?)?\s+at\s+(?:the\s+)?§(\d+)§"
)
#: "..., professor at §b§ & the §c§,": an organisation coordinated with the role's own, ending
#: the apposition or followed by the next role ("and former president of ...")
_COORDINATED_ORG = re.compile(
    r"\s*(?:&|and)\s+(?:the\s+)?§(\d+)§(?:\s+\(§\d+§\))?(?=\s*(?:[,.;:]|$|and\s+(?:a|an|the|former|[a-z]+\s+of)\b))"
)
#: "head of §org§'s quantum laboratory": the head of a part of the organisation works there
_OWN_PART = re.compile(r"^'s?\s+[a-z]")
#: The same after a role's organisation, or a capitalised unit name going on ("§Airbus§ Blue Sky").
_PART_AFTER = re.compile(r"['’]s?\s+[a-z]|\s+[A-Z][a-z]")
_AFTER_ROLE = re.compile(rf"^\s*(?:'s?\s+)?(?:[\w-]+\s+){{0,3}}{_ROLE}s?\b")
_LEADER_WORD = re.compile(rf"\b{_LEADER_ROLE}\b")
#: Who leads a hub or a consortium: "the project lead for", "coordinator of" (a director of a
#: hub is staff, as of any organisation).
_GROUP_LEADER = re.compile(r"(?i)\b(?:lead|leader|coordinator)\b")
#: A chair's role written after the body's name: "§p§, §o§ chair," (not "chair of ...", "chairman's").
_CHAIR_AFTER = re.compile(
    r"(?i)^\s*(?:co-?)?(?:chair|chairman|chairwoman|chairperson|head)\b(?![\s-]+of\b|['’])"
)
#: A leader's word after fields joined by "and" names a staff job: "strategy and outreach coordinator
#: for §programme§" (whoever holds it does not lead the programme).
_FIELD_BEFORE_LEADER = re.compile(rf"^\s*[a-z][\w-]*\s+and\s+[a-z][\w-]*\s+{_LEADER_ROLE}\b")
_CHAIN_LEADER = compile_gated(rf"\b{_LEADER_ROLE}\b,?\s+(?:of\s+)?(?:the\s+)?{ENT}")
#: The person a role written before a name belongs to: "Chair of the §prog§ Board, Dr §q§".
_HELD_BY_NEXT = re.compile(r"[^§,;]{0,60},\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|Professor\s+)?§(\d+)§")
_NEXT_PERSON = re.compile(r"[^§]{0,20}?,\s+§(\d+)§")
_COORDINATED = re.compile(r"(?:and|or|as\s+well\s+as)\b")
#: "§p§ from the §org§" / "§p§ at §org§".
#: "§p§, from the §org§, said", "Professor §p§, of §org§'s physics department", "§p§, formerly of
#: §org§": the same in commas (former roles count).
_FROM_ORG = re.compile(
    rf"§(\d+)§(?:\s+(?:from|at|of)|,\s+(?:(?:formerly|previously|most\s+recently|until\s+recently)\s+(?:of|at|with)|from|of))"
    rf"\s+(?:the\s+)?{ENT}"
)
#: A speaker with the organisation alone in apposition: "..., said §p§, §o§.", "§p§, §o§, said ...",
#: "according to §p§, §o§," (press releases and captions; a list goes on with "and", never here).
_SPEAKER_ORG = re.compile(
    r"(?:\b(?:said|says|added|adds|explained|noted|[Aa]ccording\s+to)\s+"
    + HONORIFIC
    + r"§(\d+)§,\s+(?:the\s+)?§(\d+)§"
    r"(?=\s*(?:[.;:]|$|,\s+(?!and\b)[a-z]))"
    r"|§(\d+)§,\s+(?:the\s+)?§(\d+)§,\s+(?:said|says|added|adds|explained|noted|told)\b)"
)
#: A person a member of a body, or of its board: "§p§, a member of the §o§", "§p§, Member of
#: §o§", "§p§ is a founding member of the board of §o§", "§p§, who advises §o§".
_PERSON_MEMBER = re.compile(
    r"§(\d+)§(?:,\s+(?:who\s+)?|\s+)(?:(?:is|was|has\s+been|had\s+been|became|remains|also|now|currently)\s+)*"
    # "§p§, Member of §o§": a member named by the role alone, without an article
    r"(?:(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}?|(?<=,\s)(?:[Ff]ounding\s+|[Bb]oard\s+)?)[Mm]ember\s+of\s+(?:the\s+)?"
    r"(?:(?:board|council|faculty|staff|governing\s+board)"
    r"\s+(?:of|at)\s+(?:the\s+)?)?|advises\s+(?:the\s+)?|advised\s+(?:the\s+)?)§(\d+)§"
)
#: Two people coordinated before the organisation they come from: "Dr §p§ and researcher Dr §q§
#: of the §o§", "§p§ and §q§, both of §o§", "§p§ and §q§ from §o§": each comes from it.
_PAIR_FROM_ORG = re.compile(
    rf"§(\d+)§\s+and\s+(?:[a-z][\w-]*\s+){{0,2}}?{HONORIFIC}§(\d+)§"
    r"(?:,\s+both\s+(?:of|from|at|with)|,?\s+(?:of|from|at))\s+(?:the\s+)?§(\d+)§"
)
#: Before the first of them, a role or an organisation of its own ("§o§ CEO §p§ and §q§ of §u§",
#: "Mayor §p§ and ..."): then only the second comes from the organisation named after them.
_OWN_ROLE_BEFORE = re.compile(rf"(?:§\d+§|\b{_ROLE})[\s,]*{HONORIFIC}$")
#: "Ambassador of §Germany§ to §Finland§, §p§" / "Chair of the ... for §prog§ program, §p§".
_ROLE_OF_COMMA = re.compile(
    rf"\b({_ROLE})\b\s+(?:of|at|for)\s+(?:the\s+)?([^,;]{{0,60}}?),\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|Professor\s+)?§(\d+)§"
)
#: What every match of it holds: a comma, maybe a title, and the holder's tag.
_COMMA_TAG = re.compile(r",\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|Professor\s+)?§")
#: A person right before a role, in apposition: "§p§, CEO of ...".
_HELD_BY_BEFORE = re.compile(r"§(\d+)§,\s+(?:[\w-]+\s+){0,2}$")
#: "..., said CEO §p§".
_SAID_ROLE = compile_gated(
    rf"\b(?:said|says|according\s+to|states|stated)\s+{_ROLE}\s+(?:{_ROLE}\s+)?§(\d+)§"
)


_PERSON_TAG = re.compile(r"§(\d+)§")
_AFF_TYPES = frozenset(ORGS | PLACES | {E.PROGRAM})


def _match_at(rx: re.Pattern[str] | Gated, m: str, p: int) -> re.Match[str] | None:
    """``rx`` matched where mention ``p`` stands (its first place that matches)."""
    tag = f"§{p}§"
    at = m.find(tag)
    while at >= 0:
        x = rx.match(m, at)
        if x:
            return x
        at = m.find(tag, at + 1)
    return None


#: A place glued to the word after it qualifies that word: "§Boulder§-born firm", "§Paris§-based fund".
_GLUED = re.compile(r"-[a-z]")
#: One more place of a role's scope: "..., §Europe§ and §Africa§", "§Europe§, §Asia§".
_MORE_SCOPE = re.compile(r"(?:,\s+|,?\s+and\s+)§(\d+)§")


def _scope_end(v: SentView, m: str, at: int) -> int:
    """Where the places of a role's scope that begin at ``at`` end."""
    while (y := _MORE_SCOPE.match(m, at)) is not None and v.type(int(y.group(1))) in PLACES:
        at = y.end()
    return at


#: A representative's seat: the place after it is whom they represent, not where they work.
_CONSTITUENCY = re.compile(r"(?i:member\s+of\s+parliament|\bMP|\bMLA|\bMPP)\s*$")
_FOR_BEFORE = re.compile(r"\bfor\s*$")


def _apposed_facts(v: SentView, m: str, p: int) -> tuple[list[Fact], bool]:
    """Facts of "§p§, <role> of §org§" and whether the person had such an apposed role."""
    x = _match_at(_APPOSED_ROLE, m, p)
    if x is None:
        return [], False
    out: list[Fact] = []
    apposed = False
    gap, b, after = x.group(2), int(x.group(3)), x.group(4)
    # "§p§, US Director of the §OSTP§": the office the role is of, not the place before the role
    office = _PLACE_ROLE_OF.match(m, x.end(3) + 1) if v.type(b) in PLACES and not gap.strip() else None
    if office is not None and v.type(int(office.group(1))) in ORGS:
        b, after = int(office.group(1)), m[office.end(1) + 1 : office.end(1) + 41]
        gap = office.group(0)
    nxt = _NEXT_PERSON.match(m, x.end(3) + 1)
    owned_by_next = nxt is not None and v.type(nxt.group(1)) is E.PERSON
    # "vice president of the §Korea§ Institute for Advanced Study": the place begins a longer name
    in_name = _begins_name(v, m, b, x.end(3))
    # "who started the §Paris§-based fund", "director of two initiatives in §The Netherlands§":
    # a place qualifying what follows, or where the thing is, is not where the person works
    if v.type(b) in PLACES and _GLUED.match(after):
        # the organisation the place qualifies may follow: "CEO of §Boulder§-born firm §o§"
        return _apposed_facts(v, f"{m[: x.start(3) - 1]}place{m[x.end(3) + 1 :]}", p)
    if v.type(b) in PLACES and _IN_BEFORE.search(m, 0, x.start(3) - 1):
        return [], False
    if v.type(b) in PLACES and _CONSTITUENCY.search(gap) and _FOR_BEFORE.search(m, 0, x.start(3) - 1):
        return [], False  # "Member of Parliament for §Waterloo§": the seat, no organisation
    # "§p§, vice president, §Europe§ and §Africa§ and director at §o§": the places are the role's
    # scope; the person works at the organisation of the next role
    scope_end = _scope_end(v, m, x.end(3) + 1) if v.type(b) in PLACES and gap.rstrip().endswith(",") else 0
    if (
        v.type(b) in _AFF_TYPES
        and not in_name
        and not owned_by_next
        and not _COORDINATED.match(gap)
        and all(not part.strip() or _GAP_ROLE.search(part) for part in gap.split(",")[1:])
        and (_GAP_ROLE.search(gap) or _AFTER_ROLE.match(after))
    ):
        apposed = True
        if scope_end:
            pass
        elif v.type(b) is E.PROGRAM and _LEADER_WORD.search(gap) and not _FIELD_BEFORE_LEADER.match(gap):
            out.append(_f(v, p, R.LEADS, b, "person-leads", 0.8))
        elif _CHAIR_GAP.match(gap) and not _OWN_PART.match(after):
            out.append(_f(v, p, R.LEADS, b, "person-chair", 0.8))
        elif v.type(b) is E.CLUSTER and _GROUP_LEADER.search(gap) and not _FIELD_BEFORE_LEADER.match(gap):
            # "§p§, the project lead for the §hub§": a hub or consortium has a lead
            out.append(_f(v, p, R.LEADS, b, "person-leads", 0.8))
        elif not gap.strip(" ,") and _CHAIR_AFTER.match(after) and v.type(b) in ORGS:
            # "§p§, §council§ chair, said": the role after the body's name
            out.append(_f(v, p, R.LEADS, b, "person-chair", 0.8))
        elif v.type(b) is not E.PROGRAM:
            out.append(_f(v, p, R.AFFILIATED_WITH, b, "person-apposition", 0.8))
    owned_at = _OWNED_ROLE_AT.match(m, x.end(3) + 1) if apposed and not gap.strip() else None
    if owned_at is not None and v.type(int(owned_at.group(1))) in ORGS and int(owned_at.group(1)) != b:
        out.append(_f(v, p, R.AFFILIATED_WITH, int(owned_at.group(1)), "person-apposition", 0.7))
    # "§p§, professor at §b§ & the §c§": organisations coordinated with the role's own
    cursor = scope_end or x.end(3) + 1
    while apposed and not scope_end and (co := _COORDINATED_ORG.match(m, cursor)) is not None:
        c = int(co.group(1))
        if v.type(c) not in ORGS or c == b:
            break
        out.append(_f(v, p, R.AFFILIATED_WITH, c, "person-apposition", 0.7))
        cursor = co.end()
    # "§p§, president of §b§ and research project director at §c§": a second role in the apposition
    second = _SECOND_ROLE.match(m, cursor)
    if apposed and second is not None and v.type(int(second.group(2))) in ORGS:
        c = int(second.group(2))
        if c != b and not _begins_name(v, m, c, second.end(2)):
            # "... and chair of §c§", "... and Co-Chair, §c§": the second role leads its body
            lead = _CHAIR_GAP.match(second.group(1)) is not None and not _OWN_PART.match(m, second.end(2) + 1)
            out.append(_f(v, p, R.LEADS if lead else R.AFFILIATED_WITH, c, "person-apposition", 0.7))
    # further "Leader, §prog§" in the same apposition chain
    # (a semicolon or another person's name ends the chain: "§p§, principal at §a§; §q§, director of §b§")
    chain = m[x.start() : x.start() + 300].split(".")[0].split(";")[0]
    for y in _CHAIN_LEADER.finditer(chain):
        c = int(y.group(1))
        if any(int(o) != p and v.type(o) is E.PERSON for o in _PERSON_TAG.findall(chain, 0, y.start())):
            break
        holder = _HELD_BY_NEXT.match(chain, y.end())
        if holder is not None and v.type(holder.group(1)) is E.PERSON:
            continue  # "..., and Chair of the §prog§ Board, Dr §q§": the chair is the next person's
        if v.type(c) is E.PROGRAM and c != p:
            out.append(_f(v, p, R.LEADS, c, "person-leads", 0.7))
    return out, apposed


#: "Both §o§ founders, doctor §p§ and doctor §q§, ...": the founders named after their organisation.
_FOUNDERS_OF = re.compile(
    r"§(\d+)§['’]?s?\s+(?:co-?)?founders?,?\s+(?:(?:doctor|professor|Dr\.?|Prof\.?)\s+)?§(\d+)§"
    r"(?:,?\s+and\s+(?:(?:doctor|professor|Dr\.?|Prof\.?)\s+)?§(\d+)§)?"
)
#: "Founded in 2016 and headed up by co-founder and chief executive §p§, §o§ is ...": a fronted
#: participle whose agent runs the subject.
_HEADED_FRONT = compile_gated(
    r"^\s*(?:[^§;]{0,60}?\band\s+)?(?:headed|led|run)(?:\s+up)?\s+by\s+[^§;]{0,80}?§(\d+)§,\s+§(\d+)§\s+"
    r"(?:is|was|has|had|will|[a-z]+s)\b"
)


#: "§Maryland§ Gov. §p§": a governor of the place.
_GOVERNOR = re.compile(r"§(\d+)§(?:'s?)?\s+(?:Gov\.|Governor)\s+§(\d+)§")


#: "§p§, Senior Director at §u§, is on the board of §o§": a board seat is an affiliation.
_ON_BOARD = re.compile(
    r"§(\d+)§(?:,[^;]{0,100}?,)?\s+(?:is|was|sits|sat|serves|served|has\s+served|has\s+been)\s+"
    r"(?:also\s+)?on\s+the\s+(?:[\w-]+\s+){0,2}?board\s+(?:of\s+(?:directors\s+of\s+)?|at\s+)(?:the\s+)?§(\d+)§"
)


def _founders_and_heads(v: SentView, m: str) -> Iterator[Fact]:
    for x in _ON_BOARD.finditer(m) if "board" in m else ():
        p, o = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(o) in ORGS:
            yield _f(v, p, R.AFFILIATED_WITH, o, "on-the-board", 0.8)
    for x in _GOVERNOR.finditer(m) if "Gov" in m else ():
        place, p = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(place) in {E.REGION, E.CITY, E.COUNTRY}:
            yield _f(v, p, R.AFFILIATED_WITH, place, "governor-of", 0.8)
    for x in _FOUNDERS_OF.finditer(m) if "founder" in m else ():
        o = int(x.group(1))
        for p in (int(x.group(2)), int(x.group(3) or x.group(2))):
            if v.type(p) is E.PERSON and v.type(o) in ORGS:
                yield _f(v, p, R.AFFILIATED_WITH, o, "founders-of", 0.8)
    for x in _HEADED_FRONT.finditer(m):
        p, o = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(o) in ORGS:
            yield _f(v, p, R.LEADS, o, "headed-by-front", 0.7)
            yield _f(v, p, R.AFFILIATED_WITH, o, "headed-by-front", 0.7)


_TITLE = r"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?|Professor|Sir|Dame)"
#: "§hub§ (§alias§), led by: Professor §p§, §u§ and Professor §q§, §w§": each leader with the
#: organisation written after their name.
_LED_BY_PAIRS = re.compile(
    r"§(\d+)§(?:\s*\(§\d+§\))?,?\s+(?:(?:is|was|are|were|will|be|been|jointly)\s+)*(?:co-)?(?:led|headed|directed)\s+by:?\s+"
    rf"((?:{_TITLE}\s+)?§\d+§(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?(?:{_TITLE}\s+)?§\d+§)*)"
)
#: what a person leads when the text names them with their organisation
_PERSON_LED = frozenset({E.CLUSTER, E.PROGRAM, E.RESEARCH_INSTITUTE, E.GOVERNMENT_BODY})
#: capitalised words before a name that make a title: each a role word or a qualifier of one
#: ("Chief Cabinet Secretary"), at least one of them a role word
_CAPITAL_ROLES = re.compile(rf"(?:(?:[A-Z][\w-]*\s+)*?{_ROLE}\s+(?:[A-Z][\w-]*\s+)*)?")


def _led_by_pairs(v: SentView, m: str) -> Iterator[Fact]:
    for x in _LED_BY_PAIRS.finditer(m):
        b = int(x.group(1))
        if v.type(b) not in _PERSON_LED:
            continue
        leader: int | None = None
        for y in re.finditer(r"(,\s+)?(?:the\s+)?(?:\S+\s+)?§(\d+)§", x.group(2)):
            i = int(y.group(2))
            if v.type(i) is E.PERSON:
                leader = i
                yield _f(v, i, R.LEADS, b, "led-by-person-org", 0.8)
            elif leader is not None and y.group(1) and v.type(i) in ORGS:
                yield _f(v, leader, R.AFFILIATED_WITH, i, "led-by-person-org", 0.7)
                leader = None
            else:
                leader = None


#: "§a§, §b§ and §c§, academicians at the §o§": people listed before a plural role and its place.
_LISTED_ROLES = re.compile(
    r"((?:§\d+§,\s+)*§\d+§,?\s+and\s+§\d+§),\s+(?:(?:all|both|the|two|three|four)\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?i:{PERSON_ROLES})(?:\s+(?:of|in|for)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)??\s+(?:at|of|from|with|in)\s+(?:the\s+)?§(\d+)§"
)


def _listed_roles(v: SentView, m: str) -> Iterator[Fact]:
    for x in _LISTED_ROLES.finditer(m):
        o = int(x.group(2))
        people = ids_in(x.group(1))
        if v.type(o) in ORGS and all(v.type(p) is E.PERSON for p in people):
            for p in people:
                yield _f(v, p, R.AFFILIATED_WITH, o, "listed-roles", 0.7)


#: "§a§ also leads initiatives like the §b§": bodies led, named as examples of a kind.
_LEADS_EXAMPLES = compile_gated(
    r"§(\d+)§\s+(?:(?:also|currently|now|already|jointly)\s+)*(?:leads|led|heads|headed|runs|ran|coordinates|coordinated|"
    r"chairs|chaired|hosts\s+and\s+leads)\s+(?:several\s+|many\s+|other\s+|national\s+|major\s+)*"
    r"(?:initiatives|programmes|programs|projects|efforts|centres|centers|consortia|hubs|institutes|networks)\s+"
    rf"(?:such\s+as|like|including)\s+({LIST})"
)
_LED_BODIES = frozenset({E.PROGRAM, E.CLUSTER, E.RESEARCH_INSTITUTE})


#: "§a§, §b§ and §c§ run the §d§": several organisations running a body together (a plural verb).
_LIST_RUNS = compile_gated(
    rf"({LIST})\s+(?:(?:jointly|together|also|currently|now)\s+)*(?:run|lead|co-lead|manage|operate|oversee|"
    r"coordinate|govern)\s+(?:the\s+|this\s+)?§(\d+)§(?!['’])"
)


#: "the §hub§ across §A§, §B§ and §C§ will be led by the §X§": passive leadership after a place phrase.
_LED_ACROSS = re.compile(
    r"§(\d+)§\s+(?:across|in|at|for|based\s+in|spanning|covering)\s+(?:the\s+)?§\d+§(?:(?:,\s+|,?\s+and\s+)§\d+§)*,?\s+"
    r"(?:will\s+be|is|was|are|were|has\s+been|have\s+been)\s+(?:jointly\s+)?(?:led|headed|coordinated|run|chaired|"
    rf"co-led|managed)\s+by\s+(?:the\s+)?({LIST})"
)
#: "§p§ has been selected to lead the §b§": a person chosen to lead.
_CHOSEN_TO_LEAD = re.compile(
    r"§(\d+)§\s+(?:(?:has|have|had|will)\s+)?(?:been\s+|was\s+|is\s+|be\s+)(?:selected|chosen|picked|tapped|named|"
    r"appointed|asked|invited)\s+to\s+(?:lead|head|chair|direct|run|co-lead|co-chair)\s+(?:the\s+)?(?:new\s+)?§(\d+)§"
)


def leads_examples(v: SentView, m: str) -> Iterator[Fact]:
    """LEADS from "§a§ leads initiatives like §b§ and §c§" (an organisation leading the examples) and
    from "§a§, §b§ and §c§ run the §d§"."""
    for x in _LED_ACROSS.finditer(m) if " by " in m else ():
        b = int(x.group(1))
        if v.type(b) in _PERSON_LED:
            for a in ids_in(x.group(2)):
                if a != b and v.type(a) in ORGS | {E.PERSON}:
                    yield _f(v, a, R.LEADS, b, "led-across", 0.8)
    for x in _CHOSEN_TO_LEAD.finditer(m) if " to " in m else ():
        p, b = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(b) in _PERSON_LED | ORGS:
            yield _f(v, p, R.LEADS, b, "chosen-to-lead", 0.8)
    for x in _LIST_RUNS.finditer(m) if " and " in m else ():
        b, leaders = int(x.group(2)), ids_in(x.group(1))
        if len(leaders) >= 2 and v.type(b) in _LED_BODIES and all(v.type(a) in ORGS for a in leaders):
            for a in leaders:
                if a != b:
                    yield _f(v, a, R.LEADS, b, "list-runs", 0.8)
    for x in _LEADS_EXAMPLES.finditer(m):
        a = int(x.group(1))
        if v.type(a) not in ORGS:
            continue
        for b in ids_in(x.group(2)):
            if v.type(b) in _LED_BODIES and b != a:
                yield _f(v, a, R.LEADS, b, "leads-examples", 0.8)


def _fields(v: SentView, m: str) -> str:
    """The masked sentence with technologies as plain words: a technology in a role or a team is its
    field ("§p§, innovation lead for §quantum tech§ at §o§", "two §quantum computing§ scientists")."""
    return _ENT_TAG.sub(lambda x: "field" if v.type(x.group(1)) is E.TECHNOLOGY else x.group(0), m)


#: A person's apposition set off by dashes: "§p§ – CEO of §o§ – said", "said §p§ – CEO of §o§."
_DASHED = re.compile(r"§(\d+)§\s+[–—]\s+([^–—;]{1,120}?)(\s+[–—]\s+|(?=\.?\s*$))")


def affiliation_facts(v: SentView, m: str) -> Iterator[Fact]:
    """Roles and affiliations of the people of a sentence; a person's apposition between dashes is
    read as between commas."""
    yield from _affiliation_facts(v, m)
    if " – " in m or " — " in m:

        def comma(x: re.Match[str]) -> str:
            if v.type(int(x.group(1))) is not E.PERSON:
                return x.group(0)
            return f"§{x.group(1)}§, {x.group(2)}" + (", " if x.group(3) else "")

        dashed = _DASHED.sub(comma, m)
        if dashed != m:
            yield from _affiliation_facts(v, dashed)


def _affiliation_facts(v: SentView, m: str) -> Iterator[Fact]:
    yield from _founders_and_heads(v, m)
    if " and " in m:
        yield from _listed_roles(v, m)
    if "led by" in m or "headed by" in m or "directed by" in m:
        yield from _led_by_pairs(v, m)
    persons = v.indices(lambda t: t is E.PERSON)
    quoted = {int(x.group(1)) for x in _SAID_ROLE.finditer(m)}
    fields = _fields(v, m)
    for p in persons:
        facts, apposed = _apposed_facts(v, fields, p)
        yield from facts
        if not apposed and p in quoted:
            # "..., said CEO §p§": the organisation the sentence is about
            orgs = v.indices(lambda t: t in ORGS)
            if orgs:
                yield _f(v, p, R.AFFILIATED_WITH, orgs[0], "quoted-role", 0.6)
    for y in _FROM_ORG.finditer(m):
        p, b = int(y.group(1)), int(y.group(2))
        if v.type(p) is E.PERSON and v.type(b) in ORGS:
            yield _f(v, p, R.AFFILIATED_WITH, b, "person-from", 0.7)
    for y in _PERSON_MEMBER.finditer(m) if "ember" in m or "advise" in m else ():
        p, b = int(y.group(1)), int(y.group(2))
        if v.type(p) is E.PERSON and v.type(b) in ORGS:
            yield _f(v, p, R.AFFILIATED_WITH, b, "person-member", 0.7)
    for y in _SPEAKER_ORG.finditer(m) if "§, " in m else ():
        p, b = int(y.group(1) or y.group(3)), int(y.group(2) or y.group(4))
        if v.type(p) is E.PERSON and v.type(b) in ORGS:
            yield _f(v, p, R.AFFILIATED_WITH, b, "speaker-org", 0.7)
    for y in _PAIR_FROM_ORG.finditer(m) if " and " in m else ():
        p, q, b = int(y.group(1)), int(y.group(2)), int(y.group(3))
        if v.type(p) is E.PERSON and v.type(q) is E.PERSON and v.type(b) in ORGS:
            if not _OWN_ROLE_BEFORE.search(m, max(0, y.start() - 60), y.start()):
                yield _f(v, p, R.AFFILIATED_WITH, b, "pair-from", 0.7)
            yield _f(v, q, R.AFFILIATED_WITH, b, "pair-from", 0.7)
    role_first: set[int] = set()  # persons named after their role ("Chair of §o§, §p§")
    for y in _ROLE_OF_COMMA.finditer(m) if may_hold(m, ROLE_LETTERS) and _COMMA_TAG.search(m) else ():
        p, inner = int(y.group(3)), ids_in(y.group(2))
        if not inner or v.type(p) is not E.PERSON:
            continue
        held = _HELD_BY_BEFORE.search(m, 0, y.start())
        if held and v.type(int(held.group(1))) is E.PERSON and int(held.group(1)) not in role_first:
            continue  # "§a§, CEO of §o§, §b§, Director of §q§": the role is §a§'s, not §b§'s
        role_first.add(p)
        b = inner[-1] if v.type(inner[-1]) is E.PROGRAM else inner[0]
        if v.type(b) is E.PROGRAM and re.fullmatch(_LEADER_ROLE, y.group(1).split()[0]):
            yield _f(v, p, R.LEADS, b, "role-person-leads", 0.7)
        elif (
            v.type(b) in ORGS
            and _CHAIR_GAP.match(y.group(1))
            and re.fullmatch(r"(?:the\s+)?§\d+§", y.group(2))
        ):
            # "The head of the §network§, §p§, said": a chair or head named first leads it
            yield _f(v, p, R.LEADS, b, "role-chair-person", 0.7)
        elif v.type(b) in ORGS | PLACES:
            yield _f(v, p, R.AFFILIATED_WITH, b, "role-of-person", 0.7)
    yield from shape_facts(v, m, _role_fact)
    if " who " in m:
        yield from _relative_clause_facts(v, m)
    yield from _predicate_facts(v, m)


#: "§p§, who BODY", "§p§, a physicist who BODY", "§p§, a former CTO of §q§ who BODY": a relative
#: clause about the person just named (up to its comma, semicolon or full stop).
_RELATIVE = re.compile(
    r"§(\d+)§(?:,\s+(?:an?|the)\s+[^§;,]{1,60}?(?:§\d+§[^§;,]{0,30}?)?)?,?\s+who\s+((?:[^§;,.]|§\d+§){3,200})"
)


def _relative_clause_facts(v: SentView, m: str) -> Iterator[Fact]:
    """A relative clause is read as a clause of its own whose subject is the person it follows:
    "§p§, who previously worked at §o§, joined §q§" holds the clause "§p§ previously worked at
    §o§", so every rule for a person's job reads it as it reads a sentence. Only facts about
    that person count, and a clause naming another person is left alone."""
    for x in _RELATIVE.finditer(m):
        p, body = int(x.group(1)), x.group(2)
        if v.type(p) is not E.PERSON or any(v.type(i) is E.PERSON for i in ids_in(body)):
            continue
        pid = v.id(p)
        # "who was formerly the director of §o§ and is a §q§ board member": each verb its clause
        for part in _NEXT_VERB.split(body):
            clause = f"§{p}§ {part}."
            for f in (*affiliation_facts(v, clause), *charge_facts(v, clause), *_predicate_facts(v, clause)):
                if f.source == pid:
                    yield f


#: "... and is a ...", "... and was ...": a second verb phrase of the same subject.
_NEXT_VERB = re.compile(r"\s+and\s+(?=(?:is|was|has|had|remains|also|now|currently|later)\b)")
#: "§p§ is a longtime §o§ board member", "§p§ was previously the director of §o§": a person's
#: predicate noun phrase, read as the apposition it would be ("§p§, a longtime §o§ board member").
_PREDICATE = compile_gated(
    r"§(\d+)§\s+(?:is|was|remains|has\s+been|had\s+been)\s+"
    r"(?:(?:now|also|formerly|previously|still|currently|once|longtime)\s+)*((?:an?|the)\s+(?:[^§;,.]|§\d+§){3,120})"
)


def _predicate_facts(v: SentView, m: str) -> Iterator[Fact]:
    for x in _PREDICATE.finditer(m) if " is " in m or " was " in m or " been " in m or "remains" in m else ():
        p = int(x.group(1))
        if v.type(p) is E.PERSON:
            facts, _ = _apposed_facts(v, _fields(v, f"§{p}§, {x.group(2)}."), p)
            yield from facts


#: Verbs of running something: "who heads", "has run", "chairs".
_RUN = (
    r"(?:heads|headed|head|leads|led|lead|chairs|chaired|chair|runs|ran|run|directs|directed|oversees|oversaw|"
    r"manages|managed|steers|steered|co-(?:directs|directed|direct|leads|led|lead|chairs|chaired|chair|heads|headed|head)|"
    # "took the helm of §o§", "is at the helm of §o§", "helms §o§"
    r"(?:took|takes|take|taking|taken)\s+(?:over\s+)?the\s+(?:helm|reins)\s+(?:of|at)|"
    r"(?:is|was|be|been|remains|remained)\s+at\s+the\s+helm\s+of|helms|helmed)"
)
_A_ROLE = rf"(?:(?:its|the|a|an|our|their|new|former|interim|acting|§\d+§)\s+)*(?:[\w-]+\s+){{0,3}}?(?:(?:interim|acting|deputy)-)?({_ROLE})\b"


#: "is leading", "will be heading": the progressive of a verb of running something.
_RUNNING = (
    r"(?:be|been|is|was|are)\s+(?:leading|heading|chairing|running|directing|overseeing|steering|managing)"
)
_WHO_RUNS = compile_gated(
    r"§(\d+)§(?:,\s+([^;§]{0,80}?(?:§\d+§[^;§]{0,40}?)?),)?,?\s+(?:who\s+)?(?:(?:has|had|have|also|currently|now|will|previously|formerly|once|later|then)\s+)*"
    rf"(?:{_RUN}|{_RUNNING})\s+(?:the\s+)?§(\d+)§('s?\s+)?"
)
#: An apposition between a person and the verb of a role: "§p§, quantum lead at §o§, has been
#: appointed ...", "§p§, who previously served as ..., was named ..." (checked in :func:`_plain_gap`).
_APPOS = r"(?:,\s+([^;]{1,200}?),)?"
#: A body described as new before its name: "director of the new §b§", "head of the newly formed §b§".
_NEW = r"(?:(?:new|newly\s+[a-z]+|recently\s+[a-z]+)\s+)?"
#: Adverbs between an auxiliary and the verb of a role: "has been virtually appointed".
_ADV = r"(?:(?:now|also|officially|formally|virtually|recently|just|today|previously|formerly|once|currently)\s+)?"
#: "§p§ was appointed chief technology officer of §b§", "§p§ has been named chair of the §b§".
_APPOINTED_VERB = (
    r"(?:appointed|named|elected|promoted|hired|recruited|tapped|confirmed|nominated|re-elected)"
)
_APPOINTED_AT = re.compile(
    rf"§(\d+)§{_APPOS}\s+(?:(?:has|have|had|will|now)\s+)*(?:was|is|were|been|be|being)\s+{_ADV}"
    rf"{_APPOINTED_VERB}\s+(?:to\s+|as\s+)?{_A_ROLE}[^§;]{{0,40}}?\s(?:of|at|for|with)\s+(?:the\s+)?§(\d+)§"
)
#: "§p§ will be §b§'s new Director of Research", "§p§, a physicist, was named §b§'s deputy director".
_OWN_ROLE = re.compile(
    rf"§(\d+)§{_APPOS}\s+(?:(?:will|has|have|had|now|also|currently|previously|formerly)\s+)*"
    rf"(?:(?:was|is|were|been|be|being)\s+{_ADV}{_APPOINTED_VERB}(?:\s+as)?|be|been|is|was|becomes|became|become|"
    rf"remains|remained|remain|stays|stayed|stay)\s+(?:the\s+)?§(\d+)§['’]s?\s+{_A_ROLE}"
)
#: "§b§ has appointed §p§ as its chief executive", "§b§ named §p§ chair".
#: "§b§ appointed §p§, a professor at §u§, as the head of §c§": the role's own organisation.
#: "... to head §c§" names it right after the role.
_ROLE_OWNER = (
    r"(?:(?:\s+(?:the\s+)?|[^§;,]{0,40}?\s(?:of|at|for)\s+(?:the\s+)?(?:newly\s+[a-z]+\s+|new\s+)?)§(\d+)§)?"
)
_APPOINTS = re.compile(
    r"§(\d+)§\s+(?:(?:has|have|had|will|today|recently|also)\s+)*"
    r"(?:(?:announced|said|confirmed)\s+(?:[^§;,]{0,30}?\s)?(?:that\s+)?(?:it|they|§\d+§)\s+(?:(?:has|have|had|will|would)\s+)?)?"
    r"(?:appoint|appoints|appointed|name|names|named|hire|hires|hired|recruited|recruits|welcomes|welcomed|"
    r"promoted|promotes|elected|elects|taps|tapped|"
    # the same choice in other words, always with "as": "§o§ adds §p§ as CTO", "brought on §p§ as"
    r"(?:adds|added|add|enlists|enlisted|picks|picked|chose|chooses|selected|selects|onboards|onboarded|"
    # "§o§ announced §p§ as its new chair", "§o§ unveiled §p§ as CEO"
    r"announces|announced|unveils|unveiled|introduces|introduced|"
    r"(?:brings|brought|bringing)\s+(?:on|in|aboard)|(?:signs|signed)\s+(?:on|up))(?=\s+§\d+§[^§;]{0,200}?\bas\b))\s+"
    rf"§(\d+)§{_APPOS}\s*,?\s+(?:as\s+|to\s+)?{_A_ROLE}{_ROLE_OWNER}"
)
#: "§p§ stepped down as CEO of the §b§", "§p§ is the chief scientist at §b§", "§p§ served as director of §b§".
_SERVED_AT = re.compile(
    rf"§(\d+)§{_APPOS}\s+(?:(?:has|had|will|previously|also|formerly|currently|recently)\s+)*{SERVED_VERB}\s+{_ADV}"
    rf"{_A_ROLE}[^§;]{{0,40}}?\s(?:of|at|for|with|(?<!according\s)(?<!due\s)to)\s+(?:the\s+)?{_NEW}§(\d+)§"
)
#: "§b§ announced the appointment of §p§ as its new Director".
_APPOINTMENT_OF = re.compile(
    r"§(\d+)§(?:\s*\(§\d+§\))?\s+(?:(?:has|have|had|is|was|today|also)\s+)*[^§;]{0,40}?"
    r"(?:announced|announces|announce|confirmed|confirms|welcomed|welcomes|approved|approves)\s+"
    r"(?:the\s+)?appointment\s+of\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|Professor\s+)?"
    rf"§(\d+)§{_APPOS}\s+as\s+{_A_ROLE}{_ROLE_OWNER}"
)
#: "... from the §b§, where §p§ is a full professor of physics": the role is held at the place named.
_WHERE_ROLE = re.compile(
    rf"§(\d+)§,?\s+where\s+§(\d+)§\s+(?:(?:has|had|will|previously|also|formerly|currently|recently)\s+)*"
    rf"{SERVED_VERB}\s+{_ADV}{_A_ROLE}"
)
#: "§p§ has been heading a research group at §b§": a team of the organisation, so affiliation.
_TEAM_AT = re.compile(
    r"§(\d+)§,?\s+(?:who\s+)?(?:(?:has|had|have|also|currently|now|will|previously|formerly)\s+)*(?:(?:been|is|was)\s+)?"
    r"(?:heads|headed|head|heading|leads|led|lead|leading|runs|ran|running|directs|directed|directing)\s+"
    r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:group|team|lab|laboratory|unit|division|department|"
    r"research|work|efforts?|project|programme|program|initiative|centre|center|office|operations|business)\s+"
    r"(?:at|of|in|within)\s+(?:the\s+)?§(\d+)§"
)
#: Its unit words, each a whole run of letters between spaces (for :func:`.words.may_hold`).
_TEAM_WORDS = frozenset(
    {
        "group",
        "team",
        "lab",
        "laboratory",
        "unit",
        "division",
        "department",
        "research",
        "work",
        "effort",
        "efforts",
    }
    | {
        "project",
        "programme",
        "program",
        "initiative",
        "centre",
        "center",
        "office",
        "operations",
        "business",
    }
)
#: "§p§ joins §b§ as chief financial officer".
#: A description before the organisation joined: "joins Danish quantum start-up §o§" (plain
#: words only, none a preposition or conjunction: "joined forces with §o§" is no career move).
_JOINED_KIND = r"(?:(?!(?:as|from|with|in|at|on|to|for|by|and|or|forces|hands)\b)[A-Za-z][\w-]*\s+){0,4}?"
_JOINS_AS = re.compile(
    rf"§(\d+)§{_APPOS}\s+(?:(?:has|have|had|will|is|now|also|officially|recently|later|then|eventually)\s+)*"
    rf"(?:joins|joined|join|joining|rejoins|rejoined)\s+(?:the\s+)?{_JOINED_KIND}§(\d+)§\s+as\s+{_A_ROLE}"
)
#: "§p§, a veteran who was previously Vice President for Research at §b§": a role in a relative clause.
_WHO_SERVED = re.compile(
    r"§(\d+)§(?:,\s+(?:[^,;§]{0,60}?\s)?|\s+)who\s+(?:(?:most\s+recently|previously|formerly|also|currently|once|until\s+\w+)\s+)*"
    rf"(?:was|is|has\s+been|had\s+been|served\s+as|serves\s+as|worked\s+as)\s+{_ADV}{_A_ROLE}"
    rf"[^§;]{{0,40}}?\s(?:of|at|for|with|(?<!according\s)(?<!due\s)to)\s+(?:the\s+)?{_NEW}§(\d+)§"
)
#: "the §b§ chaired by Chief Cabinet Secretary §p§": a reduced relative naming the person in charge.
_CHAIRED_BY = re.compile(
    r"§(\d+)§,?\s+(?:chaired|co-chaired|headed|led|directed)\s+by\s+(?:(?:the|its|their)\s+)?"
    r"((?:[A-Z][\w-]*\s+){0,4}?)(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|Professor\s+)?§(\d+)§"
)
#: "CTO of §Ericsson§ §p§" (no comma between the organisation and the name).
_ROLE_OF_NAME = re.compile(rf"\b({_ROLE})\s+(?:of|at)\s+(?:the\s+)?§(\d+)§\s+§(\d+)§")
#: What every match of it holds: two tags with only spaces between (found in C from the "§"; the
#: pattern itself tries the role alternation at every word, ~240 us a sentence).
_TAG_SPACE_TAG = re.compile(r"§\s+§")
#: "§Denmark§'s Minister for Higher Education and Science, §p§".
_POSS_ROLE_COMMA = re.compile(rf"§(\d+)§'s?\s+(?:[\w-]+\s+){{0,3}}?({_ROLE})\b[^§;]{{0,80}}?,\s+§(\d+)§")
#: "§p§, Minister of ... and Minister responsible for the §b§".
_RESPONSIBLE = compile_gated(
    r"§(\d+)§,\s+([^;]{0,160}?)\bminister\s+responsible\s+for\s+(?:the\s+)?§(\d+)§", re.I
)
_CHARGE_GATE = (
    "appoint",
    "named",
    "names",
    "name ",
    "hire",
    "join",
    "elect",
    "promot",
    "recruit",
    "welcom",
    "tap",
    "add",
    "enlist",
    "pick",
    "chose",
    "choose",
    "select",
    "onboard",
    "brought",
    "bring",
    "sign",
    "announc",
    "unveil",
    "introduc",
)


def _begins_name(v: SentView, m: str, b: int, end: int) -> bool:
    """Whether place ``b`` (its tag ending at ``end``) only begins a longer name: "vice president
    of the §Korea§ Institute for Advanced Study" (but "§UK§ Minister for Science" is a role there)."""
    after = m[end + 1 : end + 41]  # past the tag's closing mark
    return v.type(b) in PLACES and _NAME_GOES_ON.match(after) is not None and not _AFTER_ROLE.match(after)


#: "the §Denmark§ Minister for Higher Education and Science, §p§", "§India§'s Science and Technology
#: Minister §p§": an office of a place with a capitalised title and field.
#: a capitalised field of an office: "for Science, Research and Innovation", "of State for Science"
_OFFICE_FIELD = r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+(?:of|for)\s+|\s+)[A-Z][\w-]*){0,8})?"
_PLACE_OFFICE = re.compile(
    r"§(\d+)§(?:['’]s?)?\s+(?:[A-Z][\w-]*\s+(?:and\s+|&\s+)?){0,4}?"
    rf"{_ROLE}{_OFFICE_FIELD},?\s+(?:{_TITLE}\s+)?§(\d+)§"
)
#: The next office holder of a place's list: ", and Senior Minister and Minister for Security, Ms §q§".
_NEXT_OFFICE = re.compile(
    r",?\s+and\s+(?:[A-Z][\w-]*\s+(?:and\s+|&\s+)?){0,4}?"
    r"(?:Minister|Secretary|Ambassador|Governor|Mayor|President|Premier|Chancellor|Commissioner|Senator)"
    rf"{_OFFICE_FIELD},?\s+(?:{_TITLE}\s+)?§(\d+)§"
)


#: "§o§ has world-renowned researchers in the field, including Professor §p§": staff named as examples.
_STAFF_INCLUDING = re.compile(
    r"§(\d+)§(?:['’]s?\s+|\s+(?:has|have|had|employs|employed|boasts|counts)\s+[^§;]{0,80}?)"
    r"\b(?:researchers|scientists|professors|faculty|experts|engineers|staff|physicists|academics)\b"
    r"(?:[^§;.]{0,60}?,)?\s+(?:including|such\s+as|like|among\s+them|notably)\s+"
    r"((?:(?:Professor|Prof\.?|Dr\.?)\s+)?§\d+§(?:(?:,\s+|,?\s+and\s+)(?:(?:Professor|Prof\.?|Dr\.?)\s+)?§\d+§)*)"
)


#: "§o§'s research and development operations are led by two scientists, §p§ and §q§": they head a
#: part of the organisation, so they are affiliated with it.
_PART_LED_BY = re.compile(
    r"§(\d+)§['’]s?\s+(?:[\w&-]+\s+){0,5}?(?:operations|team|teams|unit|division|research|efforts|lab|laboratory|"
    r"laboratories|programme|program|group)\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+"
    r"(?:jointly\s+)?(?:led|headed|run|directed)\s+by\s+[^§;]{0,80}?"
    r"((?:(?:Professor|Prof\.?|Dr\.?)\s+)?§\d+§(?:(?:,\s+|,?\s+and\s+)(?:(?:Professor|Prof\.?|Dr\.?)\s+)?§\d+§)*)"
)


#: Founders: "§o§ was founded in 2019 by §p§ and §q§", "Founded by §p§, §o§ ...", "§p§ co-founded §o§".
_FOUNDED_AT = r"(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?(?:(?:in|at)\s+§\d+§\s+)?"
_FOUNDED_BY = re.compile(
    r"§(\d+)§(?:,\s+(?:which|that)\s+|\s+(?:which|that)\s+|,\s+|\s+)(?:(?:is|was|were|has\s+been|had\s+been)\s+)?"
    rf"(?:(?:first|originally|jointly|recently)\s+)?(?:co-?)?founded\s+{_FOUNDED_AT}(?:{_FOUNDED_AT})?by\s+"
    rf"(?:[a-z][\w-]*\s+){{0,3}}?({LIST})"
    rf"|^\s*(?:Co-?f|F)ounded\s+{_FOUNDED_AT}by\s+(?:[a-z][\w-]*\s+){{0,3}}?({LIST})(?:\s+in\s+\d{{4}})?,\s+(?:the\s+)?§(\d+)§"
    # "§p§, who co-founded in 2015 quantum-computing firm §o§": a date and a description between
    r"|§(\d+)§,?\s+(?:who\s+)?(?:(?:also|has|had|have|previously)\s+)*(?:co-?)?founded\s+"
    r"(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?(?:the\s+)?(?:(?!with\b|and\b|for\b|by\b)[a-z][\w-]*\s+){0,3}?§(\d+)§"
)


#: "§p§, a physicist at §u§, who co-founded in 2015 quantum-computing firm §o§": the founder named
#: before an apposition (no other person in it) and "who".
_WHO_FOUNDED = re.compile(
    r"§(\d+)§(,\s+[^;§]{0,80}?(?:§\d+§[^;§]{0,30}?){0,2})?,?\s+who\s+(?:(?:also|has|had|previously)\s+)*"
    r"(?:co-?)?founded\s+(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?(?:the\s+)?"
    r"(?:(?!with\b|and\b|for\b|by\b)[a-z][\w-]*\s+){0,3}?§(\d+)§"
)


def _founders(v: SentView, m: str) -> Iterator[Fact]:
    for x in _WHO_FOUNDED.finditer(m) if "who" in m else ():
        p, o = int(x.group(1)), int(x.group(3))
        if v.type(p) is E.PERSON and v.type(o) in ORGS and _plain_gap(v, x.group(2)):
            yield _f(v, p, R.AFFILIATED_WITH, o, "founded-by", 0.8)
    for x in _FOUNDED_BY.finditer(m):
        if x.group(1):
            o, people = int(x.group(1)), ids_in(x.group(2))
        elif x.group(3):
            o, people = int(x.group(4)), ids_in(x.group(3))
        else:
            o, people = int(x.group(6)), [int(x.group(5))]
        if v.type(o) not in ORGS:
            continue
        for p in people:
            if v.type(p) is E.PERSON:
                yield _f(v, p, R.AFFILIATED_WITH, o, "founded-by", 0.8)


#: "§o§'s former co-directors, §p§ and §q§, ...": people named after a plural role of the organisation.
_ORG_ROLES_NAMES = re.compile(
    r"§(\d+)§(?:['’]s?)?\s+(?:(?:former|current|new|founding|two|three)\s+)*(?:(?!and\b|or\b)[\w-]+\s+){0,2}?"
    rf"(?i:{PERSON_ROLES}),?\s+(§\d+§(?:(?:,\s+|,?\s+and\s+)§\d+§)+)"
)


#: "§a§, §b§ and §c§, ..., work at §o§", "§p§ works for §o§".
_WORKS_AT = re.compile(
    r"((?:§\d+§,\s+)*§\d+§(?:,?\s+and\s+§\d+§)?)(?:,\s+[^;]{1,160}?,)?,?\s+"
    r"(?:(?:also|currently|now|still|previously|formerly|once)\s+)?"
    r"(?:(?:works|work|worked|working|has\s+worked|have\s+worked|had\s+worked)"
    # "teaches physics at §o§": teaching a field there is a job there too
    r"|(?:teaches|taught|teaching|lectures|lectured)(?:\s+(?!at\b|for\b)[a-z][\w-]*){0,3})"
    r"\s+(?:at|for)\s+(?:the\s+)?§(\d+)§"
)
#: Careers: "§p§, who joined §o§ in 2020", "Before joining §o§, §p§ ...", "§p§ spent ten years at §o§",
#: "§p§ succeeds §q§ as CEO of §o§" (both were or will be there).
_CAREER = (
    re.compile(
        # "§p§ has joined §o§" (not "§p§ joined §o§ CEO §q§ on stage": the next person is who was joined)
        # "§p§, former CTO of §q§, joined §o§": an apposition of one role between
        r"§(\d+)§(?:,\s+[^§;,]{1,60}?(?:§\d+§)?,)?,?\s+(?:who\s+)?(?:(?:has|had|have|recently|also|first|originally|will|officially|now|later|then|"
        r"eventually|subsequently)\s+)*"
        rf"(?:joined|rejoined|joins|rejoins|join)\s+(?:the\s+)?{_JOINED_KIND}"
        rf"§(\d+)§(?!['’]|\s+(?!as\b)(?:[\w-]+\s+){{0,2}}?{_ROLE}\s+§)"
    ),
    re.compile(
        r"^\s*(?:Before|After|Since|Prior\s+to)\s+joining\s+(?:the\s+)?§(\d+)§,\s+"
        r"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|Professor\s+)?§(\d+)§"
    ),
    re.compile(
        r"§(\d+)§\s+(?:(?:has|had|also|previously)\s+)*spent\s+(?:[\w-]+\s+){1,3}?(?:years?|decades?|months?)\s+"
        r"(?:at|with|in)\s+(?:the\s+)?§(\d+)§"
    ),
)
#: "§p§ has joined §o§ from §q§", "§p§ joins §o§ from the §q§": the organisation left behind.
_JOINED_FROM = re.compile(
    r"§(\d+)§,?\s+(?:who\s+)?(?:(?:has|had|have|recently|also|will|officially|now)\s+)*"
    r"(?:joined|rejoined|joins|rejoins|join)\s+(?:the\s+)?§\d+§(?:\s+as\s+[^§;,]{1,60}?)?\s+from\s+(?:the\s+)?§(\d+)§"
)
_SUCCEEDS = re.compile(
    r"§(\d+)§\s+(?:(?:will|has|had)\s+)?(?:succeeds?|succeeded|succeeding|replaces?|replaced|replacing)\s+§(\d+)§\s+as\s+"
    rf"{_A_ROLE}[^§;]{{0,40}}?\s(?:of|at|for|with)\s+(?:the\s+)?§(\d+)§"
)


#: "§p§ replaces §q§ at the helm of §o§": both lead it (the former leader too).
_SUCCEEDS_AT_HELM = re.compile(
    r"§(\d+)§\s+(?:(?:will|has|had)\s+)?(?:succeeds?|succeeded|succeeding|replaces?|replaced|replacing)\s+"
    r"§(\d+)§\s+at\s+the\s+helm\s+of\s+(?:the\s+)?§(\d+)§"
)


def _role_holder_after(v: SentView, o: int) -> bool:
    """Whether a person with a role of ``o`` follows it ("joined §o§ CEO §q§ on stage": §q§ was
    joined, not §o§); read in the sentence, since the masked text folds the role into §o§."""
    q = o + 1
    if q >= len(v.mentions) or v.type(q) is not E.PERSON:
        return False
    base = v.sent.start
    gap = v.sent.text[v.mentions[o].end - base : v.mentions[q].start - base]
    return len(gap) <= 40 and _GAP_ROLE.search(gap) is not None


def _role_fact(v: SentView, p: int, role: str, b: int, rule: str) -> Fact | None:
    if v.type(p) is not E.PERSON or v.type(b) not in _AFF_TYPES or p == b:
        return None
    if v.type(b) is E.PROGRAM:
        # a programme has leaders ("faculty director of the X Initiative"), no staff
        return _f(v, p, R.LEADS, b, rule, 0.8) if _LEADER_WORD.search(role) else None
    if _CHAIR_GAP.match(role) and rule != "where-role":
        # "..., where he was deputy-head of central research": a role held there, not the lead
        return _f(v, p, R.LEADS, b, rule, 0.8)
    return _f(v, p, R.AFFILIATED_WITH, b, rule, 0.8)


#: Role phrasings as (pattern, person group, role group, organisation group, apposition group (0:
#: none), the group of the role's own organisation when it differs from the appointer (0: none),
#: rule name, behind the appointment gate).
_ROLE_RULES: tuple[tuple[re.Pattern[str], int, int, int, int, int, str, bool], ...] = (
    (_APPOINTED_AT, 1, 3, 4, 2, 0, "appointed-role", True),
    (_APPOINTS, 2, 4, 1, 3, 5, "appoints-role", True),
    (_JOINS_AS, 1, 4, 3, 2, 0, "joins-as-role", True),
    (_WHO_SERVED, 1, 2, 3, 0, 0, "who-served-role", False),
    (_APPOINTMENT_OF, 2, 4, 1, 3, 5, "appointment-of", True),
    (_SERVED_AT, 1, 3, 4, 2, 0, "served-role", False),
    (_OWN_ROLE, 1, 4, 3, 2, 0, "own-role", False),
    (_WHERE_ROLE, 2, 3, 1, 0, 0, "where-role", False),
    (_ROLE_OF_NAME, 3, 1, 2, 0, 0, "role-of-org-name", False),
    (_POSS_ROLE_COMMA, 3, 2, 1, 0, 0, "possessive-role", False),
)


_SPEECH = re.compile(r"\b(?:said|says|told|added|noted|according)\b")


def _plain_gap(v: SentView, gap: str | None) -> bool:
    """Whether an apposition between a person and a role verb only describes that person (no
    other person in it, no reported speech)."""
    return not gap or (not _SPEECH.search(gap) and all(v.type(i) is not E.PERSON for i in ids_in(gap)))


def charge_facts(v: SentView, m: str) -> Iterator[Fact]:
    """Roles taken or held by verbs: appointments, hires, "who heads", "who has run X's unit";
    read again with the people's appositions left out, where there are any."""
    yield from _charge_facts(v, m)
    bare = elide_person_appositions(v, m)
    if bare != m:
        yield from _charge_facts(v, bare)


def _charge_facts(v: SentView, m: str) -> Iterator[Fact]:
    for x in _WHO_RUNS.finditer(m):
        p, b = int(x.group(1)), int(x.group(3))
        if v.type(p) is not E.PERSON or v.type(b) not in _AFF_TYPES or not _plain_gap(v, x.group(2)):
            continue
        # "who has run §Orbion§'s quantum unit": a part of the organisation, so affiliation only;
        # "leads §China§'s quantum mission" says nothing of whom the person works for
        if x.group(4) and v.type(b) in PLACES:
            continue
        rtype = R.AFFILIATED_WITH if x.group(4) else R.LEADS
        yield _f(v, p, rtype, b, "person-runs", 0.8)
    for x in (
        _STAFF_INCLUDING.finditer(_fields(v, m)) if "includ" in m or " like " in m or "such as" in m else ()
    ):
        o = int(x.group(1))
        if v.type(o) in ORGS:
            for p in ids_in(x.group(2)):
                if v.type(p) is E.PERSON:
                    yield _f(v, p, R.AFFILIATED_WITH, o, "staff-including", 0.7)
    for x in _PART_LED_BY.finditer(_fields(v, m)) if " by " in m else ():
        o = int(x.group(1))
        if v.type(o) in ORGS:
            for p in ids_in(x.group(2)):
                if v.type(p) is E.PERSON:
                    yield _f(v, p, R.AFFILIATED_WITH, o, "part-led-by", 0.8)
    if "ounded" in m:
        yield from _founders(v, _fields(v, m))
    for x in _ORG_ROLES_NAMES.finditer(m) if " and " in m else ():
        o, people = int(x.group(1)), ids_in(x.group(2))
        if v.type(o) in ORGS and all(v.type(p) is E.PERSON for p in people):
            for p in people:
                yield _f(v, p, R.AFFILIATED_WITH, o, "org-roles-names", 0.8)
    for x in _JOINED_FROM.finditer(m) if " from " in m else ():
        p, o = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(o) in ORGS:
            yield _f(v, p, R.AFFILIATED_WITH, o, "career", 0.8)
    for k, rx in enumerate(_CAREER) if "join" in m or "spent" in m else ():
        for x in rx.finditer(_fields(v, m) if E.TECHNOLOGY in v.types else m):
            p, o = (int(x.group(2)), int(x.group(1))) if k == 1 else (int(x.group(1)), int(x.group(2)))
            if v.type(p) is E.PERSON and v.type(o) in ORGS and not (k == 0 and _role_holder_after(v, o)):
                yield _f(v, p, R.AFFILIATED_WITH, o, "career", 0.8)
    for x in _SUCCEEDS_AT_HELM.finditer(m) if " helm " in m else ():
        o = int(x.group(3))
        for p in (int(x.group(1)), int(x.group(2))):
            if v.type(p) is E.PERSON and v.type(o) in ORGS | {E.PROGRAM}:
                yield _f(v, p, R.LEADS, o, "succeeds-at-helm", 0.8)
    for x in _SUCCEEDS.finditer(m) if "ucceed" in m or "eplac" in m else ():
        for p in (int(x.group(1)), int(x.group(2))):
            fact = _role_fact(v, p, x.group(3), int(x.group(4)), "succeeds-as")
            if fact is not None and v.type(p) is E.PERSON:
                yield fact
    for x in _PLACE_OFFICE.finditer(m):
        place, p = int(x.group(1)), int(x.group(2))
        if v.type(p) is E.PERSON and v.type(place) in PLACES:
            yield _f(v, p, R.AFFILIATED_WITH, place, "office-of-place", 0.8)
            # "..., Mr §p§ and Senior Minister and Minister for Security, Ms §q§": the same place's
            at = x.end()
            while (nxt := _NEXT_OFFICE.match(m, at)) is not None and v.type(nxt.group(1)) is E.PERSON:
                yield _f(v, int(nxt.group(1)), R.AFFILIATED_WITH, place, "office-of-place", 0.7)
                at = nxt.end()
    for x in _WORKS_AT.finditer(m) if "work" in m or "teach" in m or "taught" in m or "lectur" in m else ():
        o, people = int(x.group(2)), ids_in(x.group(1))
        if v.type(o) in ORGS and all(v.type(p) is E.PERSON for p in people):
            for p in people:
                yield _f(v, p, R.AFFILIATED_WITH, o, "works-at", 0.8)
    for x in _CHAIRED_BY.finditer(m) if " by " in m else ():
        b, p = int(x.group(1)), int(x.group(3))
        if v.type(p) is E.PERSON and v.type(b) in _PERSON_LED and _CAPITAL_ROLES.fullmatch(x.group(2)):
            yield _f(v, p, R.LEADS, b, "chaired-by-title", 0.8)
    if "§" in m:
        # "heads the §photonics§ group at §o§": a technology names the group (as plain words)
        for x in (
            _TEAM_AT.finditer(_fields(v, m) if E.TECHNOLOGY in v.types else m)
            if may_hold(m, _TEAM_WORDS)
            else ()
        ):
            p, b = int(x.group(1)), int(x.group(2))
            if v.type(p) is E.PERSON and v.type(b) in ORGS:
                yield _f(v, p, R.AFFILIATED_WITH, b, "heads-team-at", 0.8)
    gated = gate(m.lower(), _CHARGE_GATE)
    # technologies as plain words: "joins Finnish §quantum computing§ company §o§ as its CTO"
    fm = _fields(v, m) if E.TECHNOLOGY in v.types else m
    for rx, person, role, org, gap, owner, rule, needs_gate in _ROLE_RULES:
        if needs_gate and not gated:
            continue
        if rx is _ROLE_OF_NAME and not _TAG_SPACE_TAG.search(fm):
            continue
        for x in rx.finditer(fm):
            if gap and not _plain_gap(v, x.group(gap)):
                continue
            g = owner if owner and x.group(owner) else org
            b = int(x.group(g))
            if _begins_name(v, fm, b, x.end(g)):
                continue
            fact = _role_fact(v, int(x.group(person)), x.group(role), b, rule)
            if (
                fact
                and fact.type is R.LEADS
                and v.type(b) is not E.PROGRAM
                and x.end() == x.end(g) + 1
                and _PART_AFTER.match(fm, x.end())
            ):
                # "head of §Airbus§ Blue Sky", "director of §o§'s quantum lab": the head of a part
                # of the organisation (named after it) works there, and leads the part only
                fact = Fact(fact.source, R.AFFILIATED_WITH, fact.target, fact.rule, fact.confidence)
            if fact:
                yield fact
    if may_hold(m, ROLE_LETTERS) or has_plural_role(m):
        yield from role_first_facts(v, m, _role_fact)
    for p in v.indices(lambda t: t is E.PERSON):
        r = _match_at(_RESPONSIBLE, m, p)
        if r is None:
            continue
        b, between = int(r.group(3)), ids_in(r.group(2))
        if v.type(b) in _AFF_TYPES and all(v.type(i) is not E.PERSON for i in between):
            yield _f(v, p, R.LEADS, b, "minister-responsible", 0.8)


_CO_ROLE = r"(?i:co-?(?:ceo|chief\s+executive|chair|chairman|chairwoman|director|lead|head|president)s?)"
#: "promoted §p§ to co-CEO with §q§", "§p§ shares the role of co-chair alongside §q§".
_CO_WITH = re.compile(rf"§(\d+)§[^§;]{{0,40}}?\b{_CO_ROLE}\s+(?:alongside|with|beside)\s+§(\d+)§")
#: "§p§ would join §q§ as co-CEO".
_JOIN_AS_CO = re.compile(
    rf"§(\d+)§\s+(?:(?:would|will|to|has|have|had|is\s+to)\s+)?(?:join|joins|joined|joining)\s+§(\d+)§\s+"
    rf"as\s+(?:a\s+|the\s+)?{_CO_ROLE}\b"
)
#: "§o§ announced that ...": the organisation a sentence's news comes from.
_ANNOUNCER = re.compile(
    r"^[^§]{0,80}?§(\d+)§\s+(?:(?:has|had|also|today)\s+)*(?:announced|announces|said|says|confirmed|confirms)\b"
)


def co_holder_facts(v: SentView, m: str, held: list[Fact]) -> Iterator[Fact]:
    """People sharing one role ("co-CEO with §q§", "join §q§ as co-CEO"): each holds it where the
    other does, and at the organisation announcing it when the sentence names no other."""
    if "co" not in m.lower():
        return
    pairs = [(int(x.group(1)), int(x.group(2))) for rx in (_CO_WITH, _JOIN_AS_CO) for x in rx.finditer(m)]
    if not pairs:
        return
    said = _ANNOUNCER.match(m)
    announcer = int(said.group(1)) if said is not None and v.type(int(said.group(1))) in ORGS else None
    for a, b in pairs:
        if v.type(a) is not E.PERSON or v.type(b) is not E.PERSON:
            continue
        pair = (v.id(a), v.id(b))
        roles = {(f.type, f.target) for f in held if f.source in pair}
        if not roles and announcer is not None:
            roles = {(R.AFFILIATED_WITH, v.id(announcer))}
        for rtype, target in sorted(roles):
            for who in pair:
                yield Fact(who, rtype, target, "co-role", 0.7)
