"""Groups named by a description ("the consortium", "the alliance", "the winning companies") and
the members listed against them.

A group is named once ("Quantix Alliance was launched on Monday") and then described ("Founding
members of the consortium include Sanko and Hanbit", "The first members are: • A • B", "Led by
A, the new Hub ...", "NORDQ brings together nine organisations. ... the consortium includes
..."). :func:`referred_group_facts` reads a document's sentences in order, keeps the group in
focus (the latest cluster or programme named, or an organisation said to bring others
together) and gives the listed members, leaders and funders to it. Split from
:mod:`.membership`, which reads what one sentence states with the group named in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from qkg.schemas import EntityType, RelationType

from ..context import GROUPS, LIST, ORGS, UNFOLDED, Fact, SentView, ids_in
from . import fastre as re
from .literals import compile_gated
from .member_lists import MEMBERS
from .rule import gate

__all__ = ["BRINGS_TOGETHER", "brought_together", "referred_group_facts"]

E = EntityType
R = RelationType

#: What can be a member, and what can have members.
_MEMBER_TYPES = frozenset(ORGS | {E.PROGRAM})


#: A group named by a description instead of its name: "the consortium", "this group", "the network".
_GROUP_WORD = (
    r"(?:the|this|that|its)\s+(?:new\s+|same\s+)?"
    r"(group|consortium|alliance|network|hub|coalition|association|council|exchange|initiative|programme|program|"
    r"mission|partnership|cluster|competition|challenge)"
)
#: The description's head gives the type of the group it may stand for.
_PROGRAM_WORDS = frozenset({"initiative", "programme", "program", "mission", "competition", "challenge"})
#: Descriptions that may stand for a group of members or for the project (named so) they carry out.
_EITHER_GROUP = frozenset({"consortium", "partnership", "group"})
#: Members of a group met earlier, listed against its description: "Founding members of the
#: consortium include §a§, §b§", "§a§ and §b§ are also the group's members", "The first members of
#: the network are: §a§ ...", "The winning companies are: §a§, §b§".
_REFERRED_MEMBERS = re.compile(
    rf"\b(?i:(?:founding|first|initial|new|current|other|core)\s+)?(?i:members|partners|participants)\s+of\s+{_GROUP_WORD}\s+"
    rf"(?:(?:also|now)\s+)?(?:include|includes|included|are|were|comprise)\s*:?\s+({MEMBERS})"
    rf"|({LIST})\s+(?:are|were|have\s+become|became|will\s+be)\s+(?:(?:now|also|all|both)\s+)*(?:among\s+)?"
    rf"(?:{_GROUP_WORD}['’]s\s+(?:[\w-]+\s+)?(?:members|partners|participants)"
    rf"|(?:the\s+)?(?:[\w-]+\s+)?(?:members|partners|participants)\s+of\s+{_GROUP_WORD})\b"
    rf"|\b(?i:the\s+)(?i:winning|successful|selected)\s+(?:companies|teams|firms|projects|applicants|bids)\s+"
    rf"(?:are|were|include|included)\s*:?\s+({LIST})"
    # "The partnership, which includes §a§, §b§ and the city of §c§, ...": the description heads the list
    r"|\b(?i:the|this|that)\s+(?:new\s+)?(group|consortium|alliance|network|hub|coalition|association|partnership|"
    r"cluster|initiative|programme|program|platform|federation)(?:,\s+(?:which|that)|\s+(?:now|also|currently))?\s+"
    r"(?:includes|included|comprises|comprised|counts|unites|gathers|consists\s+of|is\s+(?:made\s+up|composed)\s+of|brings\s+together)\s+"
    # "... consists of nine partners: §a§, §b§", "... includes members such as §a§"
    r"(?:(?:members|partners)\s+(?:such\s+as|like|including)\s+"
    r"|(?:[\w-]+\s+){0,2}?(?:members|partners|participants|institutions|organi[sz]ations|universities|companies)\s*:\s*)?"
    rf"({MEMBERS})"
    # "The new members include §a§, §b§", "The other original participants include ...": of the group in focus
    # "These new industry partners are ...", "The three other new partners include ..."
    # "Other partners include §a§ and §b§" (no determiner before "other")
    r"|^\s*(?:(?i:the|its|these|those|their)\s+|(?=(?i:other|additional|further)\s))(?:(?i:new|founding|first|initial|"
    r"other|original|current|latest|additional|further|"
    r"industry|industrial|corporate|academic|research|international|government|key|core|full|associate|\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|remaining|consortium|project|alliance|network|programme|program|hub)\s+)*"
    rf"(?i:members|partners|participants)\s+(?:include|includes|included|are|were)\s*:?\s+({MEMBERS})"
)
_REFERRED_GATE = (
    "members",
    "partners",
    "participants",
    "winning",
    "successful",
    "selected",
    "includes",
    "included",
    "compris",
    "counts",
    "unites",
    "gathers",
    "consists",
    "made up",
    "composed of",
    "brings together",
)
#: "The first members who are setting up offices in this building are §a§, §b§": a group's first
#: members, the group itself left to the context.
_FIRST_MEMBERS = compile_gated(
    r"\b(?i:the\s+)(?i:first|founding|initial|inaugural)\s+(?:members|partners|tenants|residents)\s+"
    rf"(?:(?:who|that)\s+[^§.;]{{0,80}}?\s+)?(?:are|were|include|included)\s*:?\s+(?:[^§.;,]{{1,20}},\s+)?({LIST})"
)
#: The same introductions closing a sentence before a bulleted list: "The winning companies are:".
_LIST_FOLLOWS = compile_gated(
    r"\b(?i:the\s+)(?:(winning|successful|selected)\s+(?:companies|teams|firms|projects|applicants)"
    r"|(?:first|founding|initial|new)\s+(?:members|partners))\s+(?:are|were|include)\s*:\s*$"
    # "Its members are:", "The consortium members include:", "The consortium comprises:"
    r"|^\s*(?i:its|their|the)\s+(?:(?:current|other|core|full|consortium|alliance|network|hub|cluster)\s+)?"
    r"(?:members|partners|participants)\s+(?:are|were|include|includes)\s*:\s*$"
    r"|^\s*(?i:the|this)\s+(?:consortium|alliance|network|hub|cluster|coalition)\s+(?:comprises|includes|consists\s+of|brings\s+together)\s*:\s*$"
    # "The new schools joining the alliance are:", "The companies taking part in the network include:"
    r"|^\s*(?i:the|its|our)\s+(?:[\w-]+\s+){0,2}?(?:schools|universities|institutions|companies|organi[sz]ations|firms|"
    r"start-?ups|members|partners)\s+(?:joining|in|of|taking\s+part\s+in|participating\s+in)\s+(?:the|this|our)\s+"
    r"(?:[\w-]+\s+)?(?:alliance|consortium|network|hub|cluster|coalition|association)\s+(?:are|were|include|includes)\s*:\s*$"
)
#: "Members of the §G§ include:", "§G§'s founding partners are:" closing a sentence before a bulleted list.
_NAMED_LIST_FOLLOWS = re.compile(
    r"\b(?i:members|partners|participants)\s+of\s+(?:the\s+)?§(\d+)§\s+(?:include|includes|are|were)\s*:\s*$"
    r"|§(\d+)§['’]s?\s+(?:(?:[\w-]+\s+)?(?:members|partners|participants))\s+(?:include|includes|are|were)\s*:\s*$"
)
#: A line opening with a bullet mark.
_BULLET_MARK = re.compile(r"^\s*[•·*▪◦‣–-]\s*\S")
#: A bulleted or one-item line: "• Orbion, Lyon".
_BULLET = re.compile(r"^\s*(?:[•·*▪◦‣–-]\s*)?§(\d+)§(?:,\s+(?:§\d+§|[^§,;.]{1,40}))?\s*[.;,]?\s*$")
#: Names of contests: what "the winning companies" won.
_CONTEST = re.compile(r"(?i:competition|challenge|prize|contest|call|award)")
#: "§G§ (or: the new Hub) brings together the expertise of 12 universities (§a§, §b§), two
#: laboratories – §c§ and §d§ – and 40 partners to ...": every organisation named before the
#: purpose clause is a member.
BRINGS_TOGETHER = re.compile(
    r"(?:§(\d+)§|\b(?i:the\s+(?:new\s+)?(hub|consortium|network|alliance|cluster|centre|center|project|programme|"
    r"initiative|partnership)))\s+(?:brings|brought|will\s+bring|bring)\s+together\s+([^.;]*?)"
    r"(?=\s+to\s+(?!§)[a-z]+\b|[.;]|$)"
)


def brought_together(v: SentView, x: re.Match[str]) -> list[int]:
    """The organisations a "brings together" phrase names (no places, people or technologies)."""
    return [i for i in ids_in(x.group(3)) if v.type(i) in ORGS and v.type(i) is not E.CLUSTER]


#: "Led by §a§ and supported by £42M of §b§ funding, the new Hub ...": a leader and a funder of
#: the group the description stands for.
_LED_FRONT_DESCRIBED = re.compile(
    rf"^\s*(?:Led|Headed|Coordinated|Chaired)\s+by\s+({LIST})(?:\s+and\s+(?:supported|funded|backed)\s+by\s+"
    r"([^,;]{0,120}?))?,\s+the\s+(?:new\s+)?(hub|consortium|network|alliance|cluster|centre|center|project|"
    r"programme|initiative|partnership)\b",
    re.I,
)


#: "The alliance is led by §a§", "This consortium will be coordinated by §a§ and §b§".
_DESCRIBED_LED_BY = re.compile(
    r"^\s*(?:The|This|Its)\s+(?:new\s+)?(alliance|consortium|hub|network|coalition|cluster|partnership|association|"
    r"initiative|programme|program|mission)\s+(?:(?:is|was|will|be|has|have|been|are|currently|jointly|also)\s+)+"
    rf"(?:led|headed|chaired|co-chaired|co-led|coordinated|steered|run|managed)\s+by\s+(?:the\s+)?({LIST})"
)
#: A sentence naming a group by its description keeps that group in focus.
_REFERS_TO_GROUP = compile_gated(
    r"\b(?i:the|this|that|its)\s+(?:new\s+)?(alliance|consortium|network|coalition|cluster|association|organi[sz]ation|"
    r"group|initiative|programme|program)\b"
)


def _unfolded(v: SentView) -> str:
    """The masked sentence before appositions folded: a member list keeps every member
    ("the consortium includes §a§ (§b§), the chipmaker §c§, ...")."""
    text = v.memo.get(UNFOLDED)
    return text if isinstance(text, str) else v.masked


#: How many sentences back the group may have been named.
_GROUP_WINDOW = 4

#: "hosted by the project partners §a§ and §b§", "with consortium members §a§, §b§ and §c§": members
#: named by their role in the group in focus (named before them in the sentence, or just before).
_CLUSTER_WORDS = frozenset({"consortium", "alliance", "network", "hub"})
_ROLE_IN_GROUP = re.compile(
    r"(?:\b(?i:the\s+|its\s+|fellow\s+|other\s+)?(?i:(project|consortium|alliance|network|programme|program|hub|initiative))"
    # "the project" may already stand for the group it refers to
    r"|§(\d+)§)\s+(?i:partners?|members?|participants?)\s+(?:(?:such\s+as|including|like)\s+)?"
    rf"({LIST})"
)


def referred_group_facts(views: Sequence[SentView]) -> list[tuple[int, Fact]]:
    """PART_OF for members listed against a group's description, to the group named last.

    "Quantix Alliance was launched on Monday. Founding members of the consortium include Sanko
    and Hanbit." gives ``Sanko PART_OF Quantix Alliance``: the group is the latest cluster or
    programme named in the last few sentences (a programme for "the winning companies").
    When none is, or the listed members are the only candidates, nothing is produced.
    """
    out: list[tuple[int, Fact]] = []
    recent: dict[EntityType, tuple[int, str]] = {}
    contest: tuple[int, str] | None = None  # the latest programme named as a competition
    described: tuple[int, str] | None = None  # the latest organisation said to bring others together

    def group_of(k: int, kinds: tuple[EntityType, ...]) -> str | None:
        named = [recent[t] for t in kinds if t in recent and k - recent[t][0] <= _GROUP_WINDOW]
        return max(named)[1] if named else None

    def add(k: int, v: SentView, listed: list[int], group: str) -> None:
        for a in listed:
            if v.type(a) in _MEMBER_TYPES and v.id(a) != group:
                out.append((k, Fact(v.id(a), R.PART_OF, group, "referred-group-members", 0.7)))

    for k, v in enumerate(views):
        m = v.masked
        intro = _LIST_FOLLOWS.search(v.sent.text) if ":" in m else None
        named_intro = _NAMED_LIST_FOLLOWS.search(m) if intro is None and ":" in m else None
        if intro is not None or named_intro is not None:
            if named_intro is not None:
                g = int(named_intro.group(1) or named_intro.group(2))
                group = v.id(g) if v.type(g) in GROUPS else None
            elif intro is not None:
                group = group_of(k, (E.PROGRAM,) if intro.group(1) else (E.CLUSTER,))
                if intro.group(1) and contest is not None and k - contest[0] <= 2 * _GROUP_WINDOW:
                    group = contest[1]
            for j in range(k + 1, min(len(views), k + 41)):
                item = _BULLET.match(views[j].masked)
                if item is None:
                    if _BULLET_MARK.match(views[j].sent.text):
                        continue  # "• The Coding School": a listed name the mentions did not catch
                    break
                if group is not None:
                    add(j, views[j], [int(item.group(1))], group)
        for x in _LED_FRONT_DESCRIBED.finditer(m) if "§" in m else ():
            named = group_of(k, (E.PROGRAM,) if x.group(3).lower() in _PROGRAM_WORDS else (E.CLUSTER,))
            if named is None:
                continue
            for a in ids_in(x.group(1)):
                if v.type(a) in ORGS | {E.PERSON} and v.id(a) != named:
                    out.append((k, Fact(v.id(a), R.LEADS, named, "led-by-front-described", 0.7)))
            for a in (
                ids_in(x.group(2) or "")
                if re.search(r"\b(?:funding|grant|investment)", x.group(2) or "")
                else ()
            ):
                if v.type(a) in ORGS and v.id(a) != named:
                    out.append((k, Fact(v.id(a), R.INVESTS_IN, named, "supported-by-funding", 0.7)))
        for x in BRINGS_TOGETHER.finditer(m) if "together" in m else ():
            if x.group(1) is not None:
                host = v.id(x.group(1)) if v.type(x.group(1)) in GROUPS else None
            else:
                host = group_of(k, (E.PROGRAM,) if x.group(2).lower() in _PROGRAM_WORDS else (E.CLUSTER,))
            if host is not None:
                add(k, v, brought_together(v, x), host)
        for x in _FIRST_MEMBERS.finditer(m) if "§" in m else ():
            group = group_of(k, (E.CLUSTER,))
            if group is not None:
                add(k, v, ids_in(x.group(1)), group)
        for x in BRINGS_TOGETHER.finditer(m) if "together" in m else ():
            # "§QUORUM§ brings together eight organisations": whatever its type, the group in focus
            # (a project too: "§NORDQ§, a project funded by ..., brings together ...")
            if x.group(1) is not None and v.type(x.group(1)) in (ORGS - {E.CLUSTER}) | {E.PROGRAM}:
                described = (k, v.id(x.group(1)))
        for x in _ROLE_IN_GROUP.finditer(m) if "§" in m and ("partner" in m or "member" in m) else ():
            if x.group(2) is not None:  # the group named (or referred to) right before the role
                g = int(x.group(2))
                group = v.id(g) if v.type(g) in GROUPS else None
            else:
                wanted = E.CLUSTER if x.group(1).lower() in _CLUSTER_WORDS else E.PROGRAM
                before = [i for i in v.indices() if v.type(i) is wanted and m.find(f"§{i}§") < x.start()]
                group = v.id(before[-1]) if before else group_of(k, (wanted,))
            if group is not None:
                add(k, v, ids_in(x.group(3)), group)
        whole = _unfolded(v)
        if "§" in m and gate(whole.lower(), _REFERRED_GATE):
            for x in _REFERRED_MEMBERS.finditer(whole):
                listed = ids_in(x.group(2) or x.group(3) or x.group(6) or x.group(8) or x.group(9))
                head = x.group(1) or x.group(4) or x.group(5) or x.group(7)
                kinds: tuple[EntityType, ...] = (
                    (E.PROGRAM,) if head is None or head.lower() in _PROGRAM_WORDS else (E.CLUSTER,)
                )
                if x.group(9) is not None:
                    kinds = (E.CLUSTER, E.PROGRAM)  # no head word: the latest group of either kind
                group = group_of(k, kinds)
                if group is None and described is not None and k - described[0] <= 1 and E.CLUSTER in kinds:
                    group = described[1]  # "the consortium" right after "§G§ brings together ..."
                if group is None and (head or "").lower() in _EITHER_GROUP:
                    # a consortium carries out a project (not a whole programme): "the consortium is made up of"
                    project = group_of(k, (E.PROGRAM,))
                    group = project if project is not None and "project" in project else None
                if group is not None:
                    add(k, v, listed, group)
        for x in _DESCRIBED_LED_BY.finditer(m) if "§" in m and " by " in m else ():
            # "The alliance is led by §a§": the leader of the group the description stands for
            led = group_of(k, (E.PROGRAM,) if x.group(1).lower() in _PROGRAM_WORDS else (E.CLUSTER,))
            if led is None:
                continue
            for a in ids_in(x.group(2)):
                if v.type(a) in ORGS and v.id(a) != led:
                    out.append((k, Fact(v.id(a), R.LEADS, led, "described-group-led-by", 0.7)))
        for x in _REFERS_TO_GROUP.finditer(m) if recent else ():
            # "This organization has grown ...", "the alliance": the group stays in focus
            kind = E.PROGRAM if x.group(1).lower() in _PROGRAM_WORDS else E.CLUSTER
            if kind in recent and k - recent[kind][0] <= _GROUP_WINDOW:
                recent[kind] = (k, recent[kind][1])
        for i in v.indices(lambda t: t in GROUPS):
            recent[v.type(i)] = (k, v.id(i))
            if v.type(i) is E.PROGRAM and _CONTEST.search(v.mentions[i].text):
                contest = (k, v.id(i))
    return out
