"""``qkg sync``: copy the graph between the embedded store and Neo4j, document by document
(the command over :func:`qkg.graph.sync.sync_stores`).

A user can start on the embedded store and move to Neo4j (``--to neo4j``), or take a Neo4j
graph home (``--from neo4j``), without reloading or re-extracting any document: every
document's delta is read from one store and upserted into the other, which keeps its
all-or-nothing, idempotent writes (unchanged documents are skipped; a newer version of a
document with the same ``source`` replaces the older one). ``--prune`` also removes from the
target the documents the source does not have, so both end up identical.

The embedded store is ``QKG_DATA_DIR``; Neo4j is ``QKG_NEO4J_URI`` (+ ``QKG_NEO4J_USER``,
``QKG_NEO4J_PASSWORD``, ``QKG_NEO4J_DATABASE``), whatever ``QKG_STORE`` says.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from qkg.schemas import ConfigurationError

if TYPE_CHECKING:
    from qkg.graph.store import GraphStore
    from qkg.graph.sync import SyncSummary

__all__ = ["register"]


class StoreKind(StrEnum):
    """The server store sync copies to or from (the other side is the embedded store)."""

    NEO4J = "neo4j"


def register(app: typer.Typer) -> None:
    """Add ``qkg sync`` to ``app``."""

    @app.command("sync")
    def sync_command(
        to: Annotated[
            StoreKind | None, typer.Option("--to", help="Copy the embedded store into this store (neo4j).")
        ] = None,
        from_: Annotated[
            StoreKind | None,
            typer.Option("--from", help="Copy this store (neo4j) into the embedded store."),
        ] = None,
        prune: Annotated[
            bool,
            typer.Option("--prune", help="Also remove target documents the source does not have."),
        ] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    ) -> None:
        """Copy every document's delta between the embedded store and Neo4j (no reloading).

        qkg sync --to neo4j copies the embedded store into Neo4j; qkg sync --from neo4j --prune
        makes the embedded store identical to Neo4j.
        """
        if (to is None) == (from_ is None):
            raise typer.BadParameter(
                "give exactly one of --to neo4j or --from neo4j", param_hint="--to/--from"
            )

        from qkg.graph.open import open_store

        from ..settings import load_settings

        settings = load_settings()
        if not settings.neo4j_uri:
            raise ConfigurationError("qkg sync needs QKG_NEO4J_URI (for example bolt://127.0.0.1:7687)")
        password = settings.neo4j_password
        auth = None if password is None else (settings.neo4j_user, password.get_secret_value())
        embedded = open_store(kind="embedded", data_dir=settings.data_dir)
        try:
            neo = open_store(
                kind="neo4j",
                data_dir=settings.data_dir,
                neo4j_uri=settings.neo4j_uri,
                neo4j_auth=auth,
                neo4j_database=settings.neo4j_database,
            )
            try:
                source, target = (embedded, neo) if to is not None else (neo, embedded)
                summary = _run(source, target, prune=prune, quiet=quiet)
            finally:
                neo.close()
        finally:
            embedded.close()
        where = f"embedded ({settings.data_dir}) -> neo4j ({settings.neo4j_uri})"
        if from_ is not None:
            where = f"neo4j ({settings.neo4j_uri}) -> embedded ({settings.data_dir})"
        typer.echo(f"synced {where}: {summary}")


def _run(source: GraphStore, target: GraphStore, *, prune: bool, quiet: bool) -> SyncSummary:
    from qkg.graph.sync import sync_stores

    if quiet:
        return sync_stores(source, target, prune=prune)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("syncing documents", total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return sync_stores(source, target, prune=prune, progress=tick)
