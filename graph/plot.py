"""Drawings of the collaboration network readable at a glance: PNG or SVG.

Node area follows a centrality score, colour a community or the entity type, and the top
actors are labelled by name. Large graphs are cut to the ``max_nodes`` highest-scoring
actors (an unreadable hairball helps nobody); an ego network shows one actor and its
partners up to ``radius`` hops. Drawing uses matplotlib's object API with the Agg canvas,
so it needs no display and touches no global pyplot state.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qkg.schemas import NotFound, ValidationError

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "draw", "ego_network", "save"]

FORMATS = ("png", "svg")
_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b",
)  # fmt: skip
_OTHER = "#d0d0d0"


def ego_network(G: nx.Graph, node: str, *, radius: int = 1) -> nx.Graph:
    """``node`` and everything within ``radius`` hops of it (links in either direction).

    >>> import networkx as nx
    >>> sorted(ego_network(nx.path_graph(["a", "b", "c", "d"]), "b"))
    ['a', 'b', 'c']
    """
    import networkx as nx

    if node not in G:
        raise NotFound("entity", node)
    if radius < 1:
        raise ValidationError(f"radius={radius} must be at least 1")
    ego: nx.Graph = nx.ego_graph(G, node, radius=radius, undirected=True)
    return ego


def _top(G: nx.Graph, sizes: Mapping[Any, float], count: int) -> list[Any]:
    def key(n: Any) -> tuple[float, str]:
        v = sizes.get(n, 0.0)
        return (-(v if not math.isnan(v) else 0.0), str(n))

    return sorted(G, key=key)[:count]


def draw(
    G: nx.Graph,
    *,
    sizes: Mapping[Any, float] | None = None,
    groups: Mapping[Any, Hashable] | None = None,
    labels: int = 15,
    max_nodes: int = 300,
    title: str = "",
    seed: int = 0,
    highlight: str | None = None,
) -> Figure:
    """Draw ``G``: area by ``sizes``, colour by ``groups`` (community index or type name).

    The twelve largest groups get their own colour and a legend entry; the rest are grey.

    Examples
    --------
    >>> import networkx as nx
    >>> fig = draw(nx.karate_club_graph(), sizes=dict(nx.degree(nx.karate_club_graph())))
    >>> len(fig.axes)
    1
    """
    import networkx as nx
    from matplotlib.figure import Figure

    if max_nodes < 1:
        raise ValidationError(f"max_nodes={max_nodes} must be positive")
    sizes = sizes if sizes is not None else {n: float(d) for n, d in G.degree()}
    keep = _top(G, sizes, max_nodes)
    if highlight is not None and highlight in G and highlight not in keep:
        keep[-1:] = [highlight]
    H = G.subgraph(keep)
    fig = Figure(figsize=(12, 9), dpi=110)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=13)
    if H.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no actors in this projection", ha="center", va="center", transform=ax.transAxes)
        return fig
    nodes = sorted(H, key=str)
    pos = nx.spring_layout(H.to_undirected(as_view=True), seed=seed, k=1.5 / math.sqrt(len(nodes)))
    values = [max(0.0, float(sizes.get(n, 0.0) or 0.0)) for n in nodes]
    top_value = max(values) or 1.0
    largest = 2500 if len(nodes) <= 30 else 900  # few actors: big, readable discs
    areas = [largest / 30 + largest * math.sqrt(v / top_value) for v in values]
    legend: dict[str, str] = {}
    colours = [_OTHER] * len(nodes)
    if groups is not None:
        counts: dict[Hashable, int] = {}
        for n in nodes:
            counts[groups.get(n)] = counts.get(groups.get(n), 0) + 1
        ranked = sorted((g for g in counts if g is not None), key=lambda g: (-counts[g], str(g)))
        palette = {g: _PALETTE[i] for i, g in enumerate(ranked[: len(_PALETTE)])}
        colours = [palette.get(groups.get(n), _OTHER) for n in nodes]
        legend = {(f"community {g}" if isinstance(g, int) else str(g)): c for g, c in palette.items()}
    small = len(nodes) <= 30
    nx.draw_networkx_edges(
        H,
        pos,
        ax=ax,
        alpha=0.5 if small else 0.25,
        width=1.4 if small else 0.6,
        edge_color="#777777",
        arrows=H.is_directed(),
    )
    nx.draw_networkx_nodes(
        H, pos, nodelist=nodes, node_size=areas, node_color=colours, ax=ax, linewidths=0.5, edgecolors="white"
    )
    named = {n: str(H.nodes[n].get("name") or n) for n in _top(H, sizes, labels)}
    if highlight is not None and highlight in H:
        named[highlight] = str(H.nodes[highlight].get("name") or highlight)
    nx.draw_networkx_labels(
        H,
        pos,
        labels=named,
        ax=ax,
        font_size=9 if small else 8,
        bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 0.6},
    )
    ax.margins(0.15)  # room for labels of actors at the rim
    if legend:
        from matplotlib.lines import Line2D

        handles = [
            Line2D([], [], marker="o", linestyle="", color=c, label=name, markersize=8)
            for name, c in legend.items()
        ]
        ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    shown = (
        f"{H.number_of_nodes()} of {G.number_of_nodes()} actors" if len(G) > len(H) else f"{len(G)} actors"
    )
    ax.text(0.99, 0.01, shown, ha="right", va="bottom", fontsize=8, color="#555555", transform=ax.transAxes)
    return fig


def save(fig: Figure, path: Path | str) -> Path:
    """Write ``fig`` as PNG or SVG, chosen by the file's suffix."""
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError(f"{out.name!r}: the file must end in .png or .svg")
    import matplotlib

    out.parent.mkdir(parents=True, exist_ok=True)
    # SVG keeps its labels as text (searchable, smaller) and carries no date (reproducible).
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "qkg"}):
        fig.savefig(out, format=fmt, bbox_inches="tight", metadata={"Date": None} if fmt == "svg" else None)
    return out
