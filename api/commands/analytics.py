"""``qkg`` subcommands: analytics (centrality, communities, brokers, plot).

Each command projects the configured store (``--via`` relation types, ``--types`` entity
types, ``--from``/``--to`` years or dates, ``--directed``, ``--weighted``), computes with
:class:`qkg.graph.analytics.Analytics`, and prints a table, JSON or CSV. A spinner on
standard error shows progress for long computations.
"""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from qkg.schemas import RelationType, ValidationError

from . import configured_store

__all__ = ["register"]


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


_VIA_HELP = (
    "Comma-separated relation types linking actors (default: PARTNERS_WITH,PARTY_TO = "
    "partnerships and co-parties of agreements; 'all' for every type)."
)
_TYPES_HELP = "Comma-separated entity types to keep (e.g. Company,University)."


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [p.strip() for p in value.split(",") if p.strip()]


def _via(value: str | None) -> list[str] | None:
    parts = _split(value)
    if parts == ["all"]:
        return [t.value for t in RelationType if t is not RelationType.HAS_GOAL]
    return parts


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    from qkg.graph.export import escape_cell  # cells a spreadsheet would run as formulas

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[escape_cell(c) for c in row] for row in rows])
    return buf.getvalue()


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]], caption: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=caption, show_lines=False)
    for h in header:
        table.add_column(h, justify="right" if h in ("#", "score", "size", "degree") else "left")
    for row in rows:
        table.add_row(*(f"{c:.6g}" if isinstance(c, float) else str(c) for c in row))
    Console(soft_wrap=False).print(table)


@contextmanager
def _progress() -> Iterator[Callable[[str], None]]:
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda _msg: None
        return
    with console.status("qkg: working") as status:
        yield lambda msg: status.update(f"qkg: {msg}")


@contextmanager
def _collector_off(workers: int) -> Iterator[None]:
    """With ``workers`` > 1, keep the garbage collector off while the command computes.

    The path-based measures fork their workers (:func:`qkg.graph.engines.in_chunks`) and
    share the parent's graph copy-on-write; a collection in a worker would touch every
    object and copy those pages. Forked workers inherit the collector's state, so the
    command, the process's entry point, turns it off here (the library never does).
    """
    if workers <= 1 or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def _service(workers: int = 1) -> Iterator[Any]:
    """The analytics service over the configured store, closed when the command ends."""
    from qkg.graph.analytics import Analytics

    with configured_store() as store, _collector_off(workers):
        yield Analytics(store, workers=workers)


def _emit(
    fmt: Format, result: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    if fmt is Format.JSON:
        typer.echo(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    elif fmt is Format.CSV:
        typer.echo(_csv(header, rows), nl=False)
    else:
        stamp = result.stamp
        sampled = f", sampled from {stamp.sampled} sources" if stamp.sampled else ""
        caption = (
            f"{stamp.nodes} actors, {stamp.edges} links; graph version {stamp.graph_version}; "
            f"engine {stamp.engine}{sampled}"
        )
        _table(title, header, rows, caption)


def _projection(
    via: str | None,
    types: str | None,
    since: str | None,
    until: str | None,
    weighted: bool,
    as_of: str | None = None,
    min_support: int | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "via": _via(via),
        "types": _split(types),
        "since": since,
        "until": until,
        "weighted": weighted,
    }
    if as_of is not None or min_support is not None:
        out.update(as_of=as_of, min_support=min_support)
    return out


Via = Annotated[str | None, typer.Option("--via", help=_VIA_HELP)]
Types = Annotated[str | None, typer.Option("--types", help=_TYPES_HELP)]
Since = Annotated[str | None, typer.Option("--from", help="Start of the time window (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, typer.Option("--to", help="End of the time window (YYYY[-MM[-DD]]).")]
Weighted = Annotated[bool, typer.Option("--weighted", help="Weight ties by evidence count.")]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Only relations and agreements in force on this date (YYYY[-MM[-DD]]; a year or month "
        "means its last day), as the documents published by then give them.",
    ),
]
MinSupport = Annotated[
    int | None,
    typer.Option("--min-support", min=1, help="Only relations and agreements backed by this many documents."),
]
Seed = Annotated[int, typer.Option("--seed", help="Seed of sampling, communities and layout.")]
Fmt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Top = Annotated[int, typer.Option("--top", "-n", min=1, help="How many to list.")]
_METRIC_HELP = (
    "degree, in_degree, out_degree, betweenness, closeness, harmonic, eigenvector, pagerank, katz, "
    "constraint, effective_size or kcore."
)
Metric = Annotated[str, typer.Option("--metric", "-m", help=_METRIC_HELP)]


def register(app: typer.Typer) -> None:
    """Add this module's subcommands to ``app``."""

    @app.command()
    def centrality(
        metric: Metric = "betweenness",
        top: Top = 10,
        via: Via = None,
        types: Types = None,
        since: Since = None,
        until: Until = None,
        directed: Annotated[bool, typer.Option("--directed", help="Keep relation directions.")] = False,
        weighted: Weighted = False,
        seed: Seed = 0,
        fmt: Fmt = Format.TABLE,
        workers: Annotated[
            int, typer.Option("--workers", min=1, help="Processes for betweenness, closeness and harmonic.")
        ] = 1,
        as_of: AsOfOption = None,
        min_support: MinSupport = None,
    ) -> None:
        """Rank actors by a centrality measure (hubs, brokers, well-connected actors)."""
        with _service(workers) as service, _progress() as progress:
            result = service.centrality(
                metric,
                top=top,
                directed=directed,
                seed=seed,
                progress=progress,
                **_projection(via, types, since, until, weighted, as_of, min_support),
            )
        if fmt is Format.JSON:
            result = result.model_copy(update={"scores": {s.id: s.score for s in result.ranking}})
        rows = [(s.rank, s.id, s.name, s.type, s.score) for s in result.ranking]
        _emit(fmt, result, f"{metric} centrality", ("#", "id", "name", "type", "score"), rows)

    @app.command()
    def communities(
        method: Annotated[str, typer.Option("--method", help="louvain, leiden or components.")] = "louvain",
        top: Top = 10,
        members: Annotated[int, typer.Option("--members", min=1, help="Members shown per community.")] = 5,
        resolution: Annotated[
            float, typer.Option("--resolution", help="Higher: more, smaller communities.")
        ] = 1.0,
        via: Via = None,
        types: Types = None,
        since: Since = None,
        until: Until = None,
        weighted: Weighted = False,
        seed: Seed = 0,
        fmt: Fmt = Format.TABLE,
        as_of: AsOfOption = None,
        min_support: MinSupport = None,
    ) -> None:
        """Find communities of actors that collaborate among themselves (with modularity)."""
        with _service() as service, _progress() as progress:
            result = service.communities(
                method=method,
                resolution=resolution,
                seed=seed,
                top=top,
                progress=progress,
                **_projection(via, types, since, until, weighted, as_of, min_support),
            )
            shown = [m for c in result.communities for m in c.members[:members]]
            names = {i: e.name for i, e in service.store.entities_by_id(shown).items()}
        if fmt is Format.CSV:
            rows: list[tuple[object, ...]] = [
                (c.index, c.size, m) for c in result.communities for m in c.members
            ]
            typer.echo(_csv(("community", "size", "member"), rows), nl=False)
            return
        rows = [
            (c.index, c.size, ", ".join(names.get(m) or m for m in c.members[:members]))
            for c in result.communities
        ]
        title = f"{method} communities: {result.count}, modularity {result.modularity:.4f}"
        _emit(fmt, result, title, ("#", "size", "leading members"), rows)

    @app.command()
    def brokers(
        top: Top = 10,
        min_degree: Annotated[
            int, typer.Option("--min-degree", min=1, help="Ignore actors with fewer partners.")
        ] = 2,
        via: Via = None,
        types: Types = None,
        since: Since = None,
        until: Until = None,
        weighted: Weighted = False,
        fmt: Fmt = Format.TABLE,
    ) -> None:
        """Rank brokers: actors spanning structural holes (low Burt constraint)."""
        with _service() as service, _progress() as progress:
            result = service.brokers(
                top=top,
                min_degree=min_degree,
                progress=progress,
                **_projection(via, types, since, until, weighted),
            )
        rows = [
            (b.rank, b.id, b.name, b.type, b.degree, b.constraint, b.effective_size) for b in result.brokers
        ]
        header = ("#", "id", "name", "type", "degree", "constraint", "effective size")
        _emit(fmt, result, "brokers (Burt's constraint)", header, rows)

    @app.command()
    def plot(
        out: Annotated[Path, typer.Option("--out", "-o", help="Image file: .png or .svg.")],
        metric: Metric = "pagerank",
        colour: Annotated[str, typer.Option("--colour", "--color", help="community or type.")] = "community",
        ego: Annotated[str | None, typer.Option("--ego", help="Draw this actor's ego network (id).")] = None,
        radius: Annotated[int, typer.Option("--radius", min=1, max=3, help="Hops around --ego.")] = 1,
        labels: Annotated[int, typer.Option("--labels", min=0, help="Label this many top actors.")] = 15,
        max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Draw at most this many.")] = 300,
        via: Via = None,
        types: Types = None,
        since: Since = None,
        until: Until = None,
        seed: Seed = 0,
    ) -> None:
        """Draw the collaboration network (or an actor's ego network) to PNG or SVG."""
        from qkg.graph import plot as plotting

        if colour not in ("community", "type"):
            raise ValidationError(f"--colour {colour!r} must be community or type")
        if out.suffix.lower().lstrip(".") not in plotting.FORMATS:
            raise ValidationError(f"{out.name!r}: the file must end in .png or .svg")
        proj = _projection(via, types, since, until, False)
        with _service() as service, _progress() as progress:
            scores = service.centrality(metric, progress=progress, **proj).scores
            G = service.network(service.projection(**proj))
            if colour == "community":
                groups: dict[str, Any] = service.communities(
                    seed=seed, progress=progress, **proj
                ).membership()
            else:
                groups = {n: G.nodes[n].get("type") for n in G}
            title = f"Collaboration network: size by {metric}, colour by {colour}"
            if ego is not None:
                G = plotting.ego_network(G, ego, radius=radius)
                title = f"Ego network of {G.nodes[ego].get('name') or ego} ({radius} hop{'s' * (radius > 1)})"
            fig = plotting.draw(
                G,
                sizes=scores,
                groups=groups,
                labels=labels,
                max_nodes=max_nodes,
                title=title,
                seed=seed,
                highlight=ego,
            )
            written = plotting.save(fig, out)
        typer.echo(f"wrote {written}")
