"""k shortest simple paths over an undirected multigraph, given only a neighbour expansion.

Both stores answer :meth:`~qkg.graph.store.GraphStore.paths` with this one function, so
they answer identically: the embedded store expands from its in-memory index, the Neo4j
store with one Cypher round trip per frontier. The graph is never materialised; the search
grows a ball around each end (level by level, always the smaller frontier first, one
``expand`` call per level) until the balls decide every path of the length asked, then
walks paths from the source in node-id order, pruned by the exact distance to the target.

Paths are simple (no node twice), undirected over relations (``reversed`` marks a hop that
walks a directed relation backwards) and over agreement co-party links (``PARTY_TO`` with
``agreement`` set). Order: length, then the node-id sequence, then the hop types, then the
hop agreements, then the ``reversed`` flags.

Work is bounded (hub nodes!): past :data:`MAX_EXPANDED` expanded steps or
:data:`MAX_WALK` walk steps the search stops. If the shorter lengths were complete it
returns those paths (a correct prefix of the full answer); otherwise it raises
:class:`qkg.schemas.LimitExceeded`.

>>> from qkg.schemas import RelationType
>>> g = {"a": [("b", RelationType.PARTNERS_WITH, None, False)],
...      "b": [("a", RelationType.PARTNERS_WITH, None, False), ("c", RelationType.LEADS, None, False)],
...      "c": [("b", RelationType.LEADS, None, True)]}
>>> [p.nodes for p in k_shortest_paths(lambda ns: {n: g.get(n, []) for n in ns}, "a", "c")]
[('a', 'b', 'c')]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import product

from qkg.schemas import SYMMETRIC_TYPES, Hop, LimitExceeded, Path

from .store import MAX_PATH_HOPS, MAX_PATHS, Step

__all__ = ["MAX_EXPANDED", "MAX_WALK", "Expand", "Step", "check_path_limits", "k_shortest_paths"]

#: For each node asked, every step leaving it (already filtered by relation type).
Expand = Callable[[Sequence[str]], Mapping[str, Sequence[Step]]]

#: Most steps the expansion may return in one search.
MAX_EXPANDED = 2_000_000
#: Most node visits the path walk may make in one search.
MAX_WALK = 1_000_000


def check_path_limits(max_hops: int, k: int) -> None:
    """Raise :class:`LimitExceeded` for a hop limit or path count outside the caps."""
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise LimitExceeded(f"max_hops={max_hops} is outside 1..{MAX_PATH_HOPS}")
    if not 1 <= k <= MAX_PATHS:
        raise LimitExceeded(f"k={k} is outside 1..{MAX_PATHS}")


def _mirror(node: str, step: Step) -> Step:
    """The same edge seen from the other end."""
    _, rtype, agreement, rev = step
    directed = agreement is None and rtype not in SYMMETRIC_TYPES
    return (node, rtype, agreement, (not rev) if directed else False)


def _step_key(step: Step) -> tuple[str, str, bool]:
    return (step[1].value, step[2] or "", step[3])


class _Search:
    """State of one search: the two balls and the adjacency seen so far."""

    def __init__(self, source: str, target: str, expand: Expand) -> None:
        self.expand = expand
        self.full: dict[str, Sequence[Step]] = {}
        self.partial: dict[str, list[Step]] = {}
        self.dist = ({source: 0}, {target: 0})
        self.frontier: tuple[list[str], list[str]] = ([source], [target])
        self.radius = [0, 0]
        self.best = 0 if source == target else MAX_PATH_HOPS + 1
        self.expanded = 0
        self.walked = 0
        self.groups: dict[str, list[tuple[str, list[Step]]]] = {}

    def exhausted(self, side: int) -> bool:
        return not self.frontier[side]

    def grow(self, side: int) -> None:
        """Expand one whole level of one side."""
        nodes = sorted(n for n in self.frontier[side] if n not in self.full)
        self.groups.clear()  # partial adjacency grows: regroup lazily
        answer = self.expand(nodes) if nodes else {}
        for n in nodes:
            self.full[n] = answer.get(n, ())
            self.expanded += len(self.full[n])
            for step in self.full[n]:
                self.partial.setdefault(step[0], []).append(_mirror(n, step))
        if self.expanded > MAX_EXPANDED:
            raise _Budget
        mine, other = self.dist[side], self.dist[1 - side]
        level = self.radius[side] + 1
        nxt: list[str] = []
        for n in self.frontier[side]:
            for step in self.full[n]:
                m = step[0]
                if m not in mine:
                    mine[m] = level
                    nxt.append(m)
                    if m in other:
                        self.best = min(self.best, level + other[m])
        self.frontier[side][:] = nxt
        self.radius[side] = level

    def neighbours(self, node: str) -> list[tuple[str, list[Step]]]:
        """Steps from ``node`` grouped by neighbour, in neighbour-id order."""
        cached = self.groups.get(node)
        if cached is None:
            steps = self.full.get(node)
            if steps is None:
                steps = self.partial.get(node, [])
            by: dict[str, list[Step]] = {}
            for step in steps:
                by.setdefault(step[0], []).append(step)
            cached = [(m, sorted(set(ss), key=_step_key)) for m, ss in sorted(by.items())]
            self.groups[node] = cached
        return cached

    def walk(self, source: str, target: str, length: int, need: int) -> list[Path]:
        """Paths of exactly ``length`` hops, in order, at least ``need`` if there are."""
        dt = self.dist[1]
        b = self.radius[1] if self.frontier[1] else MAX_PATH_HOPS + 1
        found: list[Path] = []
        nodes = [source]
        choices: list[list[Step]] = []
        on_path = {source}

        def visit(node: str, j: int) -> bool:
            for m, steps in self.neighbours(node):
                self.walked += 1
                if self.walked > MAX_WALK:
                    raise _Budget
                if m in on_path:
                    continue
                rest = length - j - 1
                if rest == 0:
                    if m != target:
                        continue
                elif m == target:
                    continue
                if rest <= b and dt.get(m, MAX_PATH_HOPS + 1) > rest:
                    continue
                nodes.append(m)
                choices.append(steps)
                if rest == 0:
                    found.extend(_combine(nodes, choices))
                else:
                    on_path.add(m)
                    stop = visit(m, j + 1)
                    on_path.discard(m)
                    if stop:
                        nodes.pop()
                        choices.pop()
                        return True
                nodes.pop()
                choices.pop()
                if len(found) >= need:
                    return True
            return False

        visit(source, 0)
        return found


class _Budget(Exception):
    """Internal: the work bound was reached."""


def _combine(nodes: list[str], choices: list[list[Step]]) -> list[Path]:
    """Every path over one node sequence (one per choice of parallel edge), in order."""
    combos = sorted(
        product(*choices),
        key=lambda c: (tuple(s[1].value for s in c), tuple(s[2] or "" for s in c), tuple(s[3] for s in c)),
    )
    node_tuple = tuple(nodes)
    return [
        Path(
            nodes=node_tuple,
            hops=tuple(
                Hop(source=nodes[i], target=s[0], type=s[1], agreement=s[2], reversed=s[3])
                for i, s in enumerate(combo)
            ),
        )
        for combo in combos
    ]


def k_shortest_paths(
    expand: Expand, source: str, target: str, *, max_hops: int = 4, k: int = 10
) -> list[Path]:
    """Up to ``k`` shortest simple paths from ``source`` to ``target`` of at most ``max_hops``.

    ``expand`` gives every step leaving each node asked (see :data:`Step`); the caller checks
    that both ends exist. The same node at both ends gives the one path of length 0.
    """
    check_path_limits(max_hops, k)
    if source == target:
        return [Path(nodes=(source,), hops=())]
    search = _Search(source, target, expand)
    out: list[Path] = []
    try:
        for length in range(1, max_hops + 1):
            while search.radius[0] + search.radius[1] < length and not (
                search.exhausted(0) and search.exhausted(1)
            ):
                if search.exhausted(0):
                    side = 1
                elif search.exhausted(1):
                    side = 0
                else:
                    side = 0 if len(search.frontier[0]) <= len(search.frontier[1]) else 1
                search.grow(side)
            if search.best > length:
                if (search.exhausted(0) or search.exhausted(1)) and search.best > max_hops:
                    break  # one side's component is fully known and the other end is not in it
                continue
            out.extend(search.walk(source, target, length, k - len(out)))
            if len(out) >= k:
                break
    except _Budget:
        if not out:
            raise LimitExceeded(
                f"path search from {source!r} to {target!r} exceeds the work limit "
                f"({MAX_EXPANDED} expanded steps or {MAX_WALK} walk steps); lower max_hops or restrict types"
            ) from None
    return out[:k]
