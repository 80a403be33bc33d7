"""``qkg`` subcommands for documents: ``extract``, ``load``, ``documents``, ``remove``, ``eval``.

``qkg extract FILE --format json`` prints exactly one JSON object (shape documented in
``docs/extraction.md``) and nothing else on standard output; ``--format ttl`` prints the
same extraction as Turtle and ``--format table`` as readable tables. ``qkg load`` extracts
and upserts into the configured store with a progress bar and a summary; rejected inputs
are listed with their reason (exit code 1 when any was rejected).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import configured_store

if TYPE_CHECKING:
    from qkg.loaders.extract import Extractor
    from qkg.schemas import Document, KnowledgeGraph

__all__ = ["register"]


class OutputFormat(StrEnum):
    JSON = "json"
    TTL = "ttl"
    TABLE = "table"


def _extractor(gazetteer: list[Path] | None, time_limit: float | None = None) -> Extractor:
    """The command's rule extractor, made on the first document that needs one (a load of
    structured files never imports the rules)."""
    from qkg.loaders.pipeline import OnFirstUse

    def make() -> Extractor:
        from qkg.loaders.extract import RuleExtractor, young_collections_only
        from qkg.loaders.gazetteer import load_gazetteer

        from ..settings import load_settings

        class CommandExtractor(RuleExtractor):
            """The rule extractor, with the collector visiting only young objects while a
            document is extracted (a command is its process's entry point; the library
            leaves the collector alone)."""

            def extract(self, document: Document) -> KnowledgeGraph:
                with young_collections_only():
                    return super().extract(document)

        return CommandExtractor(
            load_gazetteer(*gazetteer) if gazetteer else None,
            time_limit=time_limit or load_settings().extract_time_limit,
        )

    return OnFirstUse(make)


def _options(max_bytes: int | None) -> Any:
    from qkg.loaders.read import ReadOptions

    from ..settings import load_settings

    return ReadOptions(max_bytes=max_bytes or load_settings().max_document_bytes)


def _table(kg: KnowledgeGraph) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    names = {e.id: e.name for e in kg.entities}
    t = Table(title=f"Entities ({len(kg.entities)})")
    for c in ("name", "type", "country", "aliases"):
        t.add_column(c)
    for e in kg.entities:
        t.add_row(e.name, e.type.value, e.country or "", ", ".join(e.aliases[:4]))
    con.print(t)
    t = Table(title=f"Relations ({len(kg.relations)})")
    for c in ("source", "type", "target", "evidence"):
        t.add_column(c, overflow="fold")
    for r in kg.relations:
        t.add_row(names[r.source], r.type.value, names[r.target], r.evidence[0].sentence[:120])
    con.print(t)
    t = Table(title=f"Agreements ({len(kg.agreements)})")
    for c in ("kind", "parties", "date", "place", "topics"):
        t.add_column(c, overflow="fold")
    for a in kg.agreements:
        t.add_row(
            a.kind.value,
            ", ".join(names[p] for p in a.parties),
            a.date or "",
            names.get(a.place or "", ""),
            ", ".join(a.topics),
        )
    con.print(t)
    t = Table(title=f"Goals ({len(kg.goals)})")
    for c in ("owner", "metric", "value", "unit", "year"):
        t.add_column(c)
    for g in kg.goals:
        t.add_row(names.get(g.owner or "", ""), g.metric, f"{g.value:,g}", g.unit, str(g.target_year or ""))
    con.print(t)


GazetteerOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--gazetteer", help="A user gazetteer YAML file (same shape as the bundled one); repeatable."
    ),
]
TimeLimitOpt = Annotated[
    float | None,
    typer.Option(
        "--time-limit",
        min=1e-9,
        help="Seconds one document's extraction may take before it is rejected (default QKG_EXTRACT_TIME_LIMIT, 60).",
    ),
]
MaxBytesOpt = Annotated[
    int | None,
    typer.Option(
        "--max-bytes", help="Reject files larger than this (default QKG_MAX_DOCUMENT_BYTES, 10 MB)."
    ),
]


def register(app: typer.Typer) -> None:
    """Add this module's subcommands to ``app``."""

    @app.command("extract")
    def extract_command(
        file: Annotated[
            str,
            typer.Argument(help="A document (text, Markdown, HTML, PDF, CSV/JSON/YAML, RDF) or - for stdin."),
        ],
        format: Annotated[
            OutputFormat, typer.Option("--format", "-f", help="json (one object), ttl or table.")
        ] = OutputFormat.JSON,
        gazetteer: GazetteerOpt = None,
        max_bytes: MaxBytesOpt = None,
        time_limit: TimeLimitOpt = None,
    ) -> None:
        """Extract one document and print the result; nothing is stored."""
        from qkg.loaders.output import extraction_json, extraction_turtle
        from qkg.loaders.pipeline import deltas_from
        from qkg.schemas import DocumentRejected, QkgError

        try:
            deltas, _, _ = deltas_from(file, _extractor(gazetteer, time_limit), _options(max_bytes))
        except DocumentRejected as exc:
            raise QkgError(f"rejected {exc.source}: {exc.reason}") from None
        kg = deltas[0]
        if format is OutputFormat.JSON:
            typer.echo(json.dumps(extraction_json(kg), ensure_ascii=False, indent=2))
        elif format is OutputFormat.TTL:
            typer.echo(extraction_turtle(kg), nl=False)
        else:
            _table(kg)

    @app.command("load")
    def load_command(
        paths: Annotated[list[str], typer.Argument(help="Files, folders, glob patterns, or - for stdin.")],
        gazetteer: GazetteerOpt = None,
        max_bytes: MaxBytesOpt = None,
        time_limit: TimeLimitOpt = None,
        progress: Annotated[
            bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")
        ] = True,
    ) -> None:
        """Extract documents and upsert them into the configured store (the same document twice changes nothing)."""
        from qkg.loaders.pipeline import load_paths
        from qkg.schemas import StoreUnavailable

        with configured_store() as store:
            try:
                s = load_paths(
                    paths,
                    store,
                    extractor=_extractor(gazetteer, time_limit),
                    options=_options(max_bytes),
                    progress=None if progress else False,
                )
            except StoreUnavailable as exc:
                raise StoreUnavailable(
                    f"{exc}. The load stopped; every document written before it is complete: run the same "
                    "`qkg load` again once the store is back: it writes the rest (loaded documents are unchanged)."
                ) from exc
        typer.echo(
            f"loaded {s.documents} document(s) ({s.unchanged} unchanged, {s.replaced} replaced older versions): "
            f"{s.entities} entities, {s.relations} relations, {s.agreements} agreements, {s.goals} goals "
            f"in {s.seconds:.2f} s ({s.docs_per_second:.1f} docs/s)"
        )
        for src, note in s.notes:
            if "decoded as" in note:
                typer.echo(f"note: {src}: {note}", err=True)
        if s.rejected:
            typer.echo(f"rejected {len(s.rejected)} document(s):", err=True)
            for src, reason in s.rejected:
                typer.echo(f"  {src}: {reason}", err=True)
            raise typer.Exit(1)

    @app.command("documents")
    def documents_command(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")] = False,
    ) -> None:
        """List the loaded documents with what each contributed."""
        with configured_store() as store:
            docs = store.documents()
        if as_json:
            for d in docs:
                typer.echo(d.model_dump_json())
            return
        from rich.console import Console
        from rich.table import Table

        t = Table(title=f"{len(docs)} document(s)")
        for c in ("id", "title", "source", "published", "entities", "relations", "agreements", "goals"):
            t.add_column(c, overflow="fold")
        for d in docs:
            t.add_row(
                d.id[:12],
                d.title[:60],
                d.source or "",
                str(d.published or ""),
                str(d.entities),
                str(d.relations),
                str(d.agreements),
                str(d.goals),
            )
        Console().print(t)

    @app.command("remove")
    def remove_command(
        document_id: Annotated[
            str, typer.Argument(help="The document id (the SHA-256 shown by `qkg documents --json`).")
        ],
    ) -> None:
        """Remove a document and every fact only it supported."""
        with configured_store() as store:
            store.remove_document(document_id)
        typer.echo(f"removed {document_id}")

    @app.command("eval")
    def eval_command(
        corpora: Annotated[
            list[Path],
            typer.Argument(
                metavar="DIR...",
                help="Folders with docs/*.txt and gold/*.json (see ANNOTATION.md); several are scored together.",
            ),
        ],
        misses: Annotated[
            bool,
            typer.Option(
                "--misses",
                "--verbose",
                "-v",
                help="List each document's missed and spurious entities, relations and agreements.",
            ),
        ] = False,
        json_file: Annotated[
            str | None,
            typer.Option(
                "--json",
                metavar="FILE",
                help="Also write the whole report as JSON to FILE; `--json -` prints only the JSON.",
            ),
        ] = None,
        gazetteer: GazetteerOpt = None,
    ) -> None:
        """Score the extractor against gold-annotated corpora: entities, collaboration pairs, typed relations
        (also per type) and agreements, P/R/F1 per document and micro-averaged."""
        from qkg.loaders.evaluate import render, report, score_corpus
        from qkg.loaders.gold import read_corpora
        from qkg.schemas import DocumentRejected

        try:
            read = read_corpora(corpora)
        except DocumentRejected as exc:
            raise typer.BadParameter(str(exc), param_hint="DIR") from None
        ex = _extractor(gazetteer)
        parts = [score_corpus(c, ex) for c in read]
        if json_file == "-":
            typer.echo(json.dumps(report(parts), indent=2))
            return
        if json_file is not None:
            Path(json_file).write_text(json.dumps(report(parts), indent=2) + "\n", encoding="utf-8")
        typer.echo(render(parts, misses=misses))
