"""Consortia from membership: a named consortium or alliance with its members found is one
Consortium agreement among them.

The membership rules (``membership``, ``member_lists``, ``member_shapes``, ``group_refs``) read
who belongs to a group in many shapes ("the other universities involved in G are A, B and C",
"participation agreements signed by A, B and C", "G's members include ..."), but only a few of
those shapes also wrote the agreement the annotation asks for: "a Consortium agreement with all
members as parties". Deciding it from the facts instead of from each phrasing makes every
membership shape, present and future, give the agreement too. The group decides, not the
phrasing: its name is a consortium's ("... Consortium", "... Alliance", "... Coalition",
"... Association"), or a sentence that lists its members calls it one ("the consortium
includes ..."). A hub, an exchange or a programme with members is no consortium ("the House of
Quantum", "the Quantum Champions Program"), and places in an alliance of countries sign
statements, not consortium agreements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from qkg.schemas import AgreementKind, EntityType, RelationType

from ..context import GROUPS, ORGS, Fact, SentView
from . import fastre as re
from .agreements import AgreementDraft
from .literals import compile_gated
from .member_lists import MEMBERS_OWNER, readings

__all__ = ["consortium_agreements", "listed_group_members"]

E = EntityType
R = RelationType

#: A group that can be a consortium: named groups and programmes run by one ("the QX project").
#: Who signs a consortium agreement: organisations, not places or people.
_MEMBERS = frozenset(ORGS - {E.CLUSTER}) | {E.CLUSTER}
#: A consortium's own name: "Quantum Economic Development Consortium", "Nordic Quantum Alliance".
_CONSORTIUM_NAME = re.compile(r"(?i)\b(?:consorti(?:um|a|ums)|alliance|coalition|associations?)\b")
#: A sentence calling the group a consortium while it lists members: "the consortium includes".
_CONSORTIUM_WORD = re.compile(r"(?i)\b(?:consorti(?:um|a)|alliance|coalition)\b")
#: "a consortium", "the Wits-led consortium": a consortium the article does not name.
_UNNAMED = compile_gated(r"\b(?:a|the|this|its|led|[\w-]+-led)\s+(?:[a-z][\w-]*\s+)?consorti(?:um|a)\b")
_SAMPLE = compile_gated(r"\b(?:such\s+as|like|for\s+example|e\.g\.)\s")
#: Membership facts that are no consortium membership: a body taken over, a unit of a host.
_NOT_MEMBERSHIP = frozenset(
    {
        "acquired",
        "acquired-by",
        "acquisition",
        "owned-by",
        "possessive-org",
        "possessive-unit",
        "nested-of-the",
    }
)


def _overlaps(parties: set[str], drafts: Sequence[AgreementDraft]) -> bool:
    """Whether an agreement already found holds most of these parties (the list was read)."""
    for d in drafts:
        shared = parties & set(d.parties)
        if len(shared) >= 2 and len(shared) * 2 >= len(parties):
            return True
    return False


def _leaders(
    rel: Mapping[tuple[str, RelationType, str], object], types: Mapping[str, EntityType]
) -> dict[str, set[str]]:
    """Organisations leading each group: "the Wits-led consortium", "Wits will manage SA QuTI"."""
    out: dict[str, set[str]] = defaultdict(set)
    for s, t, o in rel:
        if t is R.LEADS and types.get(s) in _MEMBERS and types.get(o) in GROUPS:
            out[o].add(s)
    return out


def consortium_agreements(
    rel: Mapping[tuple[str, RelationType, str], Sequence[tuple[int, str, float]]],
    types: Mapping[str, EntityType],
    names: Mapping[str, str],
    views: Sequence[SentView],
    drafts: Sequence[AgreementDraft],
) -> list[AgreementDraft]:
    """``drafts`` with one Consortium more per consortium whose members were found (its leaders
    among them), unless an agreement holds them already; a Consortium found by cue words that
    holds only some of them gives way.

    ``rel`` maps ``(source, type, target)`` to the sentences and rules that found it; the
    consortium is a party of none (the annotators list the members). A group is a consortium
    by its name, by a sentence listing its members ("the consortium includes"), or as the one
    group with members in an article that speaks of "a consortium" without naming it ("A
    Wits-led consortium has been awarded ...").
    """
    members: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for (s, t, o), evs in rel.items():
        if t is not R.PART_OF or types.get(o) not in GROUPS or types.get(s) not in _MEMBERS:
            continue
        ks = [k for k, rule, _ in evs if rule not in _NOT_MEMBERSHIP]
        if ks:
            members[o][s] = ks
    # members given as examples ("partners such as A and B") are a sample of the membership
    used = {k for found in members.values() for ks in found.values() for k in ks if k < len(views)}
    sample = {k for k in used if _SAMPLE.search(views[k].sent.text)}
    members = {g: {m: ks for m, ks in found.items() if set(ks) - sample} for g, found in members.items()}
    groups = {g: found for g, found in members.items() if len(found) >= 2}
    if not groups:
        return list(drafts)
    unnamed = len(groups) == 1 and any(_UNNAMED.search(v.sent.text) for v in views)
    leaders = _leaders(rel, types)
    out: list[AgreementDraft] = []
    for group, found in sorted(groups.items()):
        ks = sorted({k for v in found.values() for k in v})
        called = (
            unnamed
            or _CONSORTIUM_NAME.search(names.get(group, "")) is not None
            or any(_CONSORTIUM_WORD.search(views[k].sent.text) for k in ks if k < len(views))
        )
        if not called:
            continue
        parties = set(found) | (leaders.get(group, set()) - {group})
        if _overlaps(parties, [*drafts, *out]):
            continue
        out.append(
            AgreementDraft(AgreementKind.CONSORTIUM, sorted(parties), ks, "consortium-of-members", 0.7)
        )
    kept = [
        d
        for d in drafts
        if not (d.rule.startswith("fallback") and any(set(d.parties) < set(n.parties) for n in out))
    ]
    return kept + out


#: Consortium drafts whose members a list or bullets named (not those read from PART_OF facts).
_LISTED = ("consortium-list", "consortium-bullets", "consortium-brought-together", "consortium-members")


def listed_group_members(
    drafts: Sequence[AgreementDraft], views: Sequence[SentView]
) -> list[tuple[int, Fact]]:
    """PART_OF from each listed member to the one group its list sentence names before them.

    The converse of :func:`consortium_agreements`: "The Baltic Quantum Hub has four partners:"
    and four bulleted lines, or "The QLINK consortium comprises A, B and C", make a Consortium;
    when the sentence opening the list names one group (a cluster or a programme) before the
    members, each member is part of it.
    """
    out: list[tuple[int, Fact]] = []
    for d in drafts:
        if d.kind is not AgreementKind.CONSORTIUM or d.rule not in _LISTED or not d.sentences:
            continue
        k = d.sentences[0]
        if k >= len(views):
            continue
        v = views[k]
        parties = set(d.parties)
        m = readings(v)[-1]  # (before appositions folded, where every mention stands)
        at = {i: m.find(f"§{i}§") for i in range(len(v.mentions))}
        # (a list on the lines after the sentence follows all of it)
        first = min((p for i, p in at.items() if p >= 0 and v.id(i) in parties), default=len(m))
        # "§g§'s founding partners include A, B": the possessor of the members holds them, whatever
        # type its name was read as
        owner = MEMBERS_OWNER.search(m, 0, max(0, m.find("§", first)) if first < len(m) else len(m))
        groups = (
            {v.id(owner.group(1))}
            if owner is not None and v.id(owner.group(1)) not in parties
            else {
                v.id(i)
                for i in v.indices(lambda t: t in GROUPS)
                if v.id(i) not in parties and 0 <= at[i] < first
            }
        )
        if len(groups) != 1:
            continue
        g = groups.pop()
        out += [(k, Fact(p, R.PART_OF, g, "listed-group-member", 0.7)) for p in d.parties if p != g]
    return out
