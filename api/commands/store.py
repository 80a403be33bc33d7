"""``qkg`` subcommands on the configured store: ``export`` and ``stats``.

``qkg export`` writes the whole graph or a filtered part as Turtle, TriG, N-Quads, JSON-LD,
GraphML, GEXF or CSV (see :mod:`qkg.graph.export`); single-file formats go to standard
output unless ``--output`` is given. ``qkg stats`` prints what the store holds.
"""

from __future__ import annotations

import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, TypeVar

import typer

from qkg.graph.export import ExportFormat, ExportSummary
from qkg.schemas import EntityType, RelationType, ValidationError

from . import configured_store

__all__ = ["register"]

_E = TypeVar("_E", bound=StrEnum)


def _enum_list(value: str | None, enum: type[_E], option: str) -> list[_E] | None:
    if value is None:
        return None
    out = []
    for item in (p.strip() for p in value.split(",")):
        if not item:
            continue
        try:
            out.append(enum(item))
        except ValueError:
            choices = ", ".join(e.value for e in enum)
            raise typer.BadParameter(
                f"unknown value {item!r} (choose from {choices})", param_hint=option
            ) from None
    return out


def _validate_rdf(data: bytes, fmt: str) -> None:
    """Run the SHACL shapes over an RDF export (offline); raise :class:`ValidationError` with the report."""
    from qkg.schemas.shacl import validate_rdf

    report = validate_rdf(data, fmt)
    if not report.conforms:
        raise ValidationError(f"the export does not pass the SHACL shapes:\n{report.text}")


_FORMAT_HELP = "ttl, trig, nq (per-document named graphs), jsonld, graphml, gexf, or csv (folder or .zip)."


def register(app: typer.Typer) -> None:
    """Add this module's subcommands to ``app``."""

    @app.command("export")
    def export_command(
        format: Annotated[ExportFormat, typer.Option("--format", "-f", help=_FORMAT_HELP)],
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="File (or folder / .zip for csv). Default: standard output."),
        ] = None,
        document: Annotated[
            list[str] | None,
            typer.Option(
                "--document", "-d", metavar="ID", help="Only what this document id says (repeatable)."
            ),
        ] = None,
        relation_types: Annotated[
            str | None,
            typer.Option(
                "--relation-types",
                help="Comma-separated relation types to keep, e.g. PARTNERS_WITH,PARTY_TO "
                "(PARTY_TO keeps agreements, HAS_GOAL keeps goals).",
            ),
        ] = None,
        entity_types: Annotated[
            str | None,
            typer.Option(
                "--entity-types", help="Comma-separated entity types to keep, e.g. Company,University."
            ),
        ] = None,
        validate: Annotated[
            bool,
            typer.Option(
                "--validate", help="Check an RDF export against the SHACL shapes before writing it."
            ),
        ] = False,
    ) -> None:
        """Export the graph, or a filtered part of it, for linked-data tools, Gephi or spreadsheets."""
        from qkg.graph.export import export

        rtypes = _enum_list(relation_types, RelationType, "--relation-types")
        etypes = _enum_list(entity_types, EntityType, "--entity-types")
        if output is None and not format.single_file:
            raise typer.BadParameter(
                "csv needs --output (a folder, or a file ending in .zip)", param_hint="--output"
            )
        rdf = format.value in {"ttl", "trig", "nq", "jsonld"}
        if validate and not rdf:
            raise typer.BadParameter(
                "--validate applies to RDF formats (ttl, trig, nq, jsonld)", param_hint="--validate"
            )
        with configured_store() as store:

            def run(out: Path | IO[bytes]) -> ExportSummary:
                return export(
                    store,
                    format,
                    out,
                    document_ids=document or None,
                    relation_types=rtypes,
                    entity_types=etypes,
                )

            if validate:
                buffer = io.BytesIO()
                summary = run(buffer)
                _validate_rdf(buffer.getvalue(), format.value)
                if output is None:
                    sys.stdout.buffer.write(buffer.getvalue())
                else:
                    output.parent.mkdir(parents=True, exist_ok=True)
                    output.write_bytes(buffer.getvalue())
            else:
                summary = run(sys.stdout.buffer if output is None else output)
        sys.stdout.flush()
        where = "standard output" if output is None else str(output)
        checked = " (SHACL: conforms)" if validate else ""
        typer.echo(f"qkg: exported {summary} to {where}{checked}", err=True)

    @app.command("stats")
    def stats_command(
        as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of",
                help="Count what holds on this date (YYYY[-MM[-DD]]; a year or month means its last day): "
                "documents published by then, relations and agreements in force, their goals and actors.",
            ),
        ] = None,
    ) -> None:
        """Print how many documents, entities, relations, agreements, goals and evidence the store holds."""
        from qkg.graph.results import parse_when

        day = parse_when(as_of, end=True) if as_of is not None else None
        with configured_store() as store:
            stats = store.stats() if day is None else store.stats_as_of(day)
            kind = store.kind
        if as_json:
            typer.echo(json.dumps({"store": kind, **stats.model_dump(mode="json")}, indent=2, sort_keys=True))
            return
        lines = [f"store: {kind}" + (f" (as of {day.isoformat()})" if day is not None else "")]
        for field in ("documents", "entities", "relations", "agreements", "goals", "evidence"):
            lines.append(f"{field + ':':<12}{getattr(stats, field):>9,}")
        for title, counts in (
            ("entities by type", stats.entities_by_type),
            ("relations by type", stats.relations_by_type),
        ):
            if counts:
                lines.append(f"{title}:")
                lines += [
                    f"  {name:<20}{n:>9,}"
                    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                ]
        typer.echo("\n".join(lines))
