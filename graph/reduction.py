"""From the store's multigraph of links to the simple graph an analysis runs on.

``GraphStore.to_networkx`` gives every link (relations, and agreement co-party links as
``PARTY_TO``) as a parallel edge. Centrality and community algorithms want one edge per
pair of actors: this module keeps the chosen relation types and entity types, merges
parallel links into one edge whose ``weight`` is their total number of pieces of evidence
and whose ``distance`` is ``1 / weight`` (well-attested ties are short), and drops actors
left without a link.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from qkg.schemas import SYMMETRIC_TYPES, EntityType, RelationType

from .engines import adopt

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["COLLABORATION", "simple_graph"]

#: The default projection: partnerships plus co-parties of one agreement.
COLLABORATION: frozenset[RelationType] = frozenset({RelationType.PARTNERS_WITH, RelationType.PARTY_TO})


def simple_graph(
    links: nx.MultiDiGraph,
    *,
    via: Iterable[RelationType] | None = None,
    types: Iterable[EntityType] | None = None,
    directed: bool = False,
    keep_isolated: bool = False,
) -> nx.Graph:
    """Reduce the link multigraph to a simple graph over ``via`` links between ``types``.

    Directed: each relation keeps its direction; symmetric relations and co-party links
    become two arcs. Node attributes (``type``, ``name``, ``country``) are kept.

    Examples
    --------
    >>> import networkx as nx
    >>> M = nx.MultiDiGraph()
    >>> M.add_node("a", type="Company"); M.add_node("b", type="University")
    >>> _ = M.add_edge("a", "b", key="PARTNERS_WITH", type=RelationType.PARTNERS_WITH, weight=2)
    >>> _ = M.add_edge("a", "b", key="agreement:mou:1", type=RelationType.PARTY_TO, weight=1)
    >>> G = simple_graph(M)
    >>> G.edges["a", "b"]["weight"], G.edges["a", "b"]["links"]
    (3, 2)
    """
    import networkx as nx

    wanted = COLLABORATION if via is None else frozenset(RelationType(t) for t in via)
    kinds = None if types is None else frozenset(EntityType(t).value for t in types)
    G: nx.Graph = nx.DiGraph() if directed else nx.Graph()

    def keep(node: str) -> bool:
        return kinds is None or str(links.nodes[node].get("type")) in kinds

    merged: dict[tuple[str, str], list[int]] = {}
    for u, v, data in links.edges(data=True):
        rtype = RelationType(data.get("type"))
        if rtype not in wanted or u == v or not (keep(u) and keep(v)):
            continue
        w = int(data.get("weight", 1))
        if directed:
            arcs = (
                [(u, v), (v, u)] if rtype in SYMMETRIC_TYPES or rtype is RelationType.PARTY_TO else [(u, v)]
            )
        else:
            arcs = [(u, v) if u < v else (v, u)]
        for arc in arcs:
            slot = merged.setdefault(arc, [0, 0])
            slot[0] += w
            slot[1] += 1
    # Sorted nodes and edges: the same graph always iterates the same way, so seeded
    # algorithms give the same answer whichever store the links came from.
    nodes = {n for arc in merged for n in arc}
    if keep_isolated:
        nodes.update(n for n in links if keep(n))
    ordered_nodes = sorted(nodes)
    G.add_nodes_from((n, dict(links.nodes[n])) for n in ordered_nodes)
    arcs = sorted(merged.items())
    G.add_edges_from((a, b, {"weight": w, "links": k, "distance": 1.0 / w}) for (a, b), (w, k) in arcs)
    # Hand the fast engines the same graph as arrays, sparing them a conversion.
    index = {n: i for i, n in enumerate(ordered_nodes)}
    weights = [float(w) for _, (w, _) in arcs]
    adopt(
        G,
        [(index[a], index[b]) for (a, b), _ in arcs],
        {
            "distance": [1.0 / w for w in weights],
            "links": [float(k) for _, (_, k) in arcs],
            "weight": weights,
        },
    )
    return G
