"""``qkg`` subcommands: serve, demo, schema.

``serve`` runs the GraphQL service (uvicorn) over the configured store; ``demo`` first loads
the seed document shipped inside the package (:mod:`qkg.loaders.seed`, so it works after a
plain ``pip install``); ``schema`` prints or writes the SDL embedders generate clients from.

On SIGTERM ``serve`` stops accepting connections, lets the requests in flight finish (for
at most :data:`SHUTDOWN_GRACE_SECONDS`, then they are cancelled: uvicorn's graceful
shutdown), closes the store, flushes traces and exits with code 0.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated, NoReturn

import typer

__all__ = ["SHUTDOWN_GRACE_SECONDS", "register"]

#: How long a stopping server waits for requests in flight before cancelling them.
SHUTDOWN_GRACE_SECONDS = 30


class _Terminated(Exception):
    """SIGTERM, handed back by uvicorn once its graceful shutdown is done."""


def _terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise _Terminated


@contextmanager
def _sigterm_ends_cleanly() -> Iterator[None]:
    """Turn the SIGTERM that uvicorn re-raises after its graceful shutdown into a normal return.

    uvicorn handles SIGTERM itself while it serves (stop accepting, finish the requests in
    flight), then restores the previous handler and raises the signal again. With the default
    handler that kills the process (exit -15) before the store is closed and traces are
    flushed; with this one the signal becomes an exception caught here, so the caller's
    ``finally`` runs and the command exits 0.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only; an embedding caller handles them
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    except _Terminated:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve(host: str | None, port: int | None, *, seed: bool) -> None:
    import uvicorn

    from qkg.loaders.seed import load_seed

    from ..app import create_app, open_store
    from ..settings import load_settings

    overrides: dict[str, object] = {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    settings = load_settings(**overrides)
    stop_tracing = _configure_tracing(settings.otel)
    store = open_store(settings)
    try:
        if seed:
            doc = load_seed(store)
            stats = store.stats()
            typer.echo(
                f"qkg: seed document {doc[:12]} loaded ({stats.entities} entities, "
                f"{stats.relations} relations, {stats.agreements} agreements) into the {store.kind} store",
                err=True,
            )
        app = create_app(settings, store=store)
        metrics = (
            f", metrics: http://{settings.host}:{settings.metrics_port}/metrics"
            if settings.metrics_port is not None
            else ", metrics: /metrics"
            if settings.metrics
            else ""
        )
        typer.echo(
            f"qkg: serving http://{settings.host}:{settings.port}/graphql "
            f"(health: /health, explorer: /explore{metrics})",
            err=True,
        )
        # uvicorn's own lines go through the root logger qkg configured (QKG_LOG_FORMAT);
        # qkg's request log replaces its access log
        with _sigterm_ends_cleanly():
            uvicorn.run(
                app,
                host=settings.host,
                port=settings.port,
                log_level="warning",
                log_config=None,
                access_log=False,
                lifespan="on",
                timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
            )
    finally:
        store.close()
        stop_tracing()


def _configure_tracing(enabled: bool | None) -> Callable[[], None]:
    """Install the OpenTelemetry SDK's tracer provider when tracing is on (qkg[otel])."""
    if not enabled:
        return lambda: None
    from importlib.metadata import version

    from ..tracing import configure_tracing

    return configure_tracing(service_version=version("qkg"))


Host = Annotated[str | None, typer.Option(help="Interface to listen on (default QKG_HOST, 127.0.0.1).")]
Port = Annotated[int | None, typer.Option(help="Port (default QKG_PORT, 8000).")]


def register(app: typer.Typer) -> None:
    """Add this module's subcommands to ``app``."""

    @app.command()
    def serve(host: Host = None, port: Port = None) -> None:
        """Serve the GraphQL API (/graphql), /health and /explore over the configured store."""
        _serve(host, port, seed=False)

    @app.command()
    def demo(host: Host = None, port: Port = None) -> None:
        """Load the shipped seed document (Daejeon's quantum ecosystem), then serve."""
        _serve(host, port, seed=True)

    @app.command()
    def schema(
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write the SDL to this file.")
        ] = None,
        check: Annotated[
            bool, typer.Option(help="Exit 1 if --output (or the shipped file) differs from the code.")
        ] = False,
    ) -> None:
        """Print the GraphQL schema (SDL), or write it to a file, for client generators."""
        from ..schema import SDL_PATH, sdl

        text = sdl()
        if check:
            target = output or SDL_PATH
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                typer.echo(f"qkg: {target} is out of date; run `qkg schema -o {target}`", err=True)
                raise typer.Exit(1)
            typer.echo(f"qkg: {target} is up to date", err=True)
            return
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
            typer.echo(f"qkg: wrote {output}", err=True)
