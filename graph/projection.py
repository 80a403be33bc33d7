"""Project the graph to networkx for analytics: pure, shared by both stores.

Nodes are entity ids carrying ``type``, ``name`` and ``country``; edges are
:class:`~qkg.schemas.Link` rows, keyed by the relation type (or by the agreement id for
co-party links, so two agreements between the same parties stay two edges), with every
link field as an attribute. Insertion order follows the inputs, which the stores give in
their fixed orders, so the graph (and anything seeded computed on it) is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from qkg.schemas import Entity, Link

__all__ = ["project"]


def project(entities: Iterable[Entity], links: Iterable[Link]) -> nx.MultiDiGraph:
    """Build the analytics graph from entities and links.

    >>> from qkg.schemas import EntityType, RelationType
    >>> a = Entity(id="company:a", type=EntityType.COMPANY, name="A")
    >>> b = Entity(id="company:b", type=EntityType.COMPANY, name="B")
    >>> g = project([a, b], [Link(source=a.id, target=b.id, type=RelationType.PARTNERS_WITH)])
    >>> list(g.edges(keys=True, data="weight"))
    [('company:a', 'company:b', 'PARTNERS_WITH', 1)]
    """
    graph = nx.MultiDiGraph()
    for e in entities:
        graph.add_node(e.id, type=e.type.value, name=e.name, country=e.country)
    for link in links:
        graph.add_edge(
            link.source,
            link.target,
            key=link.agreement or link.type.value,
            type=link.type.value,
            agreement=link.agreement,
            weight=link.weight,
            first_seen=link.first_seen,
            last_seen=link.last_seen,
        )
    return graph
