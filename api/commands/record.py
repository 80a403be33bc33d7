"""``qkg`` subcommands on record time: ``changes`` and ``history``.

``qkg changes --since V`` prints the facts added and retracted since a graph version (as
``qkg changes`` itself ends with, or GraphQL's ``stats { graphVersion }``) or an ISO
date-time; ``qkg history ACTOR`` prints when each fact involving an actor was added and
retracted. Both read the store's ledger (:mod:`qkg.graph.merge`), the same rows GraphQL's
``changes`` reads, so they print what it answers.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from qkg.schemas import NotFound

from . import configured_store

if TYPE_CHECKING:
    from qkg.graph.merge import Change

__all__ = ["register"]


def _when(change: Change) -> str:
    return change.at.strftime("%Y-%m-%dT%H:%M:%S.%fZ").replace(".000000Z", "Z")


def _line(change: Change) -> str:
    from qkg.graph.known import describe

    sign = "+" if change.kind == "ADDED" else "-"
    return f"{_when(change)}  #{change.seq:<5} {sign} {change.kind:<9}  {describe(change.fact)}  (document {change.document_id[:12]})"


def _json(change: Change) -> dict[str, object]:
    from qkg.graph.merge import fact_of

    source, kind, target, agreement = fact_of(change.fact)
    return {
        "at": change.at.isoformat(),
        "event": change.seq,
        "kind": change.kind,
        "type": kind,
        "source": source or None,
        "target": target or None,
        "agreement": agreement,
        "document": change.document_id,
        "graphVersion": change.version,
    }


def register(app: typer.Typer) -> None:
    """Add ``changes`` and ``history`` to the ``qkg`` command."""

    @app.command("changes")
    def changes_command(
        since: Annotated[
            str,
            typer.Option(
                "--since",
                help="A graph version (printed at the end of `qkg changes`; GraphQL stats { graphVersion }) "
                "or an ISO date-time (UTC when it has no zone): the changes made after it.",
            ),
        ],
        limit: Annotated[
            int, typer.Option("--limit", min=0, help="Print at most this many changes (0: all).")
        ] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON.")] = False,
    ) -> None:
        """Print the facts added and retracted since a graph version or a moment, oldest first."""
        with configured_store() as store:
            try:
                if limit:  # only the changes printed leave the store (Neo4j cuts the feed)
                    total, shown = store.changes_page(since, 0, limit)
                else:
                    shown = store.changes(since)
                    total = len(shown)
            except ValueError as exc:
                raise typer.BadParameter(str(exc), param_hint="--since") from None
            version = store.version
        if as_json:
            body = {
                "since": since,
                "graphVersion": version,
                "totalCount": total,
                "changes": [_json(c) for c in shown],
            }
            typer.echo(json.dumps(body, indent=2))
            return
        lines = [_line(c) for c in shown]
        more = total - len(shown)
        lines.append(
            f"{total} change(s) since {since}"
            + (f" ({more} not shown)" if more else "")
            + f"; graph version now {version}"
        )
        typer.echo("\n".join(lines))

    @app.command("history")
    def history_command(
        actor: Annotated[str, typer.Argument(help="An actor's id or name.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON.")] = False,
    ) -> None:
        """Print when each fact involving an actor was added and retracted, fact by fact."""
        from qkg.graph.known import describe, history

        with configured_store() as store:
            entity = store.entities_by_id([actor]).get(actor)
            if entity is None:
                found = store.find_entities(actor)
                if not found:
                    raise NotFound("actor", actor)
                entity = found[0]
            changes = history(store, entity.id)
        if as_json:
            typer.echo(json.dumps({"actor": entity.id, "changes": [_json(c) for c in changes]}, indent=2))
            return
        by_fact: dict[str, list[Change]] = {}
        for c in changes:
            by_fact.setdefault(c.fact, []).append(c)
        lines = [f"{entity.name} ({entity.id}): {len(by_fact)} fact(s), {len(changes)} change(s)"]
        for fact, cs in by_fact.items():
            lines.append(describe(fact))
            lines += [
                f"  {'added    ' if c.kind == 'ADDED' else 'retracted'} {_when(c)}  by document {c.document_id[:12]}  (event {c.seq})"
                for c in cs
            ]
        typer.echo("\n".join(lines))
