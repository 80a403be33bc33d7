"""OpenTelemetry traces, an optional extra (``pip install 'qkg[otel]'``); off unless configured.

With tracing on (``QKG_OTEL=true``, a standard ``OTEL_*`` exporter variable, or a
``tracer_provider`` given to :func:`qkg.api.create_app` / :func:`qkg.api.graphql_router`)
qkg opens spans for

- the HTTP request (``qkg serve``; under a mounted router, the GraphQL request), carrying the
  caller's ``traceparent``;
- the GraphQL execution: strawberry's OpenTelemetry extension (operation, parsing,
  validation and each resolver with its own code); the ``text`` and ``file`` arguments of
  ``ingestDocument`` are kept out of span attributes;
- every graph store call (``qkg.store.<method>``) and analytics run.

Library code only asks a tracer provider for spans; the global provider is set up by the
entry point, :func:`configure_tracing` (``qkg serve``), never by the library.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from qkg.schemas import ConfigurationError

if TYPE_CHECKING:
    from opentelemetry.trace import Tracer, TracerProvider
    from strawberry.extensions import SchemaExtension

__all__ = ["configure_tracing", "extract_context", "graphql_tracing_extension", "tracer_from"]

#: Resolver arguments never copied into span attributes (a whole document, an upload).
_PRIVATE_ARGUMENTS = frozenset({"text", "file"})


def _require_otel() -> None:
    try:
        import opentelemetry.trace  # noqa: F401
    except ImportError:
        raise ConfigurationError("QKG_OTEL: tracing needs the otel extra (pip install 'qkg[otel]')") from None


def tracer_from(provider: TracerProvider | None) -> Tracer:
    """qkg's tracer from ``provider`` (the global provider when None)."""
    _require_otel()
    from opentelemetry import trace

    from .metrics import _qkg_version

    return trace.get_tracer("qkg", _qkg_version(), tracer_provider=provider)


def _public_arguments(args: dict[str, Any], info: Any) -> dict[str, Any]:
    return {k: v for k, v in args.items() if k not in _PRIVATE_ARGUMENTS}


def graphql_tracing_extension(provider: TracerProvider | None) -> Callable[[], SchemaExtension]:
    """strawberry's OpenTelemetry extension (the sync flavour: qkg executes synchronously), as a
    factory, with document contents filtered out of resolver arguments."""
    _require_otel()
    from strawberry.extensions.tracing import OpenTelemetryExtensionSync

    return functools.partial(
        OpenTelemetryExtensionSync, arg_filter=_public_arguments, tracer_provider=provider
    )


def extract_context(headers: Mapping[str, str]) -> Any:
    """The caller's trace context from W3C ``traceparent``/``tracestate`` headers."""
    from opentelemetry.propagate import extract

    return extract(headers)


def configure_tracing(*, service_version: str) -> Callable[[], None]:
    """Entry points only: install an SDK tracer provider exporting as the ``OTEL_*`` variables say.

    ``OTEL_TRACES_EXPORTER``: ``otlp`` (default; OTLP over HTTP/protobuf, endpoint from
    ``OTEL_EXPORTER_OTLP_ENDPOINT`` / ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``), ``console`` or
    ``none``, comma-separated. ``OTEL_SERVICE_NAME`` (default ``qkg``) and
    ``OTEL_RESOURCE_ATTRIBUTES`` name the service. A provider installed before (for example by
    ``opentelemetry-instrument``) is kept. Returns the function that flushes and stops it.
    """
    try:
        from opentelemetry import trace
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
    except ImportError:
        raise ConfigurationError("QKG_OTEL: tracing needs the otel extra (pip install 'qkg[otel]')") from None
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        return lambda: None
    names = [
        n.strip().lower() for n in os.environ.get("OTEL_TRACES_EXPORTER", "otlp").split(",") if n.strip()
    ]
    exporters: list[SpanExporter] = []
    for name in names:
        if name == "otlp":
            protocol = os.environ.get(
                "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
                os.environ.get("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            )
            if protocol != "http/protobuf":
                raise ConfigurationError(
                    f"OTEL_EXPORTER_OTLP_PROTOCOL: qkg[otel] exports over http/protobuf, not {protocol!r}"
                )
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            exporters.append(OTLPSpanExporter())
        elif name == "console":
            exporters.append(ConsoleSpanExporter())
        elif name != "none":
            raise ConfigurationError(
                f"OTEL_TRACES_EXPORTER: unknown exporter {name!r} (use otlp, console or none)"
            )
    resource = Resource.create(
        {"service.name": os.environ.get("OTEL_SERVICE_NAME", "qkg"), "service.version": service_version}
    )
    provider = TracerProvider(resource=resource)
    for exporter in exporters:
        provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    return provider.shutdown
