"""The ``qkg`` console command.

Wiring only: each concern's subcommands live in :mod:`qkg.api.commands`. Errors come out as
one line on standard error; bad arguments and bad configuration exit with code 2.

Start-up is paid by every command, so this module and the command modules import only
typer and the light parts of qkg at the top; each command imports what it runs (the
store, networkx, igraph, the extractor, FastAPI) inside its function.
``tests/api/test_cli_imports.py`` guards it and ``bench/cli_startup.py`` measures it.
"""

from __future__ import annotations

import gc
import sys

import typer

try:  # typer >= 0.29 vendors click
    from typer._click.exceptions import ClickException, UsageError
except ImportError:  # pragma: no cover - older typer on click
    from click.exceptions import ClickException, UsageError  # type: ignore[assignment]

from qkg.schemas import ConfigurationError, QkgError

from .commands import analytics, load, record, serve, store, sync

__all__ = ["app", "main"]

app = typer.Typer(
    name="qkg",
    help="qkg: a knowledge graph of quantum-technology ecosystem actors, with evidence for every edge.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"qkg {version('qkg')}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """qkg: documents about the quantum ecosystem in, an evidence-backed knowledge graph out."""
    serving = ctx.invoked_subcommand in ("serve", "demo")
    _configure_logging(serving=serving)
    if not serving:
        # A one-shot command builds long-lived objects (the store's index, the deltas it
        # loads) and exits: full collections would walk them over and over for nothing. The
        # entry point decides this; the server decides for itself (qkg.api.app).
        gc.disable()


def _configure_logging(*, serving: bool) -> None:
    """The entry point owns the root logger: ``QKG_LOG_FORMAT`` lines on standard error, at
    ``QKG_LOG_LEVEL`` (default ``info`` when serving, else ``warning``)."""
    from .logs import configure_logging
    from .settings import load_log_settings

    s = load_log_settings()
    configure_logging(s.log_format, s.log_level or ("info" if serving else "warning"))


for _module in (serve, load, store, record, analytics, sync):
    _module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 failure, 2 bad arguments or configuration).
    The garbage collector is as the caller had it afterwards (a command may pause it)."""
    collecting = gc.isenabled()
    try:
        return _run(argv)
    finally:
        if collecting:
            gc.enable()


def _run(argv: list[str] | None) -> int:
    try:
        result = app(args=argv, prog_name="qkg", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        typer.echo("qkg: aborted", err=True)
        return 1
    except UsageError as exc:
        path = exc.ctx.command_path if exc.ctx else ""
        where = f"{path.removeprefix('qkg').strip()}: " if path.removeprefix("qkg").strip() else ""
        typer.echo(f"qkg: error: {where}{exc.format_message()}", err=True)
        return 2
    except ClickException as exc:
        typer.echo(f"qkg: error: {exc.format_message()}", err=True)
        return int(exc.exit_code)
    except ConfigurationError as exc:
        typer.echo(f"qkg: configuration error: {exc}", err=True)
        return 2
    except QkgError as exc:
        typer.echo(f"qkg: error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
