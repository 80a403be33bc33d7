"""Settings: one validated object, read once at start-up from ``QKG_*`` environment variables.

Bad configuration fails at start with a message that names the variable and what to fix.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from qkg.schemas import ConfigurationError

__all__ = [
    "LogSettings",
    "Settings",
    "default_data_dir",
    "load_log_settings",
    "load_settings",
    "otel_configured_by_environment",
]

#: The standard OpenTelemetry variables that switch tracing on when ``QKG_OTEL`` is unset.
_OTEL_VARIABLES = (
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    "OTEL_TRACES_EXPORTER",
)


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/qkg``, else ``~/.local/share/qkg``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "qkg"


def otel_configured_by_environment() -> bool:
    """Whether a standard ``OTEL_*`` variable asks for traces (``OTEL_TRACES_EXPORTER=none`` does not)."""
    exporter = os.environ.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if exporter == "none":
        return False
    return any(os.environ.get(v, "").strip() for v in _OTEL_VARIABLES)


class LogSettings(BaseSettings):
    """The logging settings, which every ``qkg`` command reads before anything else."""

    model_config = SettingsConfigDict(env_prefix="QKG_", extra="forbid", frozen=True)

    #: ``text`` (one readable line per event) or ``json`` (one JSON object per line).
    log_format: Literal["text", "json"] = "text"
    #: Level of the log; unset, ``info`` for ``qkg serve``/``demo`` and ``warning`` for other commands.
    log_level: Literal["debug", "info", "warning", "error"] | None = None


class Settings(LogSettings):
    """Everything configurable, with the environment variable that sets it (``QKG_`` + name)."""

    #: ``embedded`` (on-disk RDF store, no server) or ``neo4j``.
    store: Literal["embedded", "neo4j"] = "embedded"
    #: Folder of the embedded store; created on first use.
    data_dir: Path = Field(default_factory=default_data_dir)
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    #: ``development`` turns GraphiQL, field suggestions and introspection on; ``production`` turns them off.
    environment: Literal["development", "production"] = "production"
    #: Comma-separated API keys for mutations; none configured disables mutations.
    api_keys: Annotated[tuple[SecretStr, ...], NoDecode] = ()
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    #: GraphQL introspection; unset, on in development only (GraphiQL needs it).
    introspection: bool | None = Field(default=None, validate_default=True)
    max_query_depth: int = Field(default=10, ge=1)
    #: Depth of selections under ``__schema`` / ``__type`` (the standard introspection query is 14 deep).
    max_introspection_depth: int = Field(default=15, ge=1)
    max_aliases: int = Field(default=15, ge=1)
    max_tokens: int = Field(default=2000, ge=10)
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    max_ingest_bytes: int = Field(default=10_000_000, ge=1024)
    max_document_bytes: int = Field(default=10_000_000, ge=1)
    #: Seconds the extraction of one document may take before it is rejected.
    extract_time_limit: float = Field(default=60.0, gt=0)
    #: Largest page a connection or ranking returns (``first``/``top``).
    max_page_size: int = Field(default=100, ge=1, le=10_000)
    #: Most collaborators one actor's ``collaborators`` field returns.
    max_collaborators: int = Field(default=500, ge=1)
    #: Most actors one request's ``collaborators`` walk may reach (all roots together).
    max_walk_nodes: int = Field(default=100_000, ge=1)
    #: Most documents a ``knownAt`` field may rebuild the graph of a past moment from (a
    #: moment whose graph is already built, or that held what the store holds now, is free).
    max_known_at_documents: int = Field(default=20_000, ge=0)
    #: Seconds one analytics computation (centrality, communities) may run in its worker
    #: process before it is stopped and answered with a limit error.
    analytics_timeout: float = Field(default=25.0, gt=0)
    #: Worker processes computing analytics, per store; further requests wait for a free one.
    analytics_workers: int = Field(default=1, ge=1, le=64)
    #: Largest projection (actors) on which API-key holders get exact betweenness (sampled
    #: above), closeness and harmonic centrality (refused above).
    analytics_exact_nodes: int = Field(default=20_000, ge=1)
    #: The same limit for anonymous callers.
    analytics_exact_nodes_anonymous: int = Field(default=5_000, ge=1)
    #: Answers cached per (normalised query, variables, graph version); 0 turns the cache off.
    response_cache_size: int = Field(default=1024, ge=0)
    #: Bytes each GraphQL cache (answers, parsed documents, query keys) may hold; 0 turns them off.
    cache_bytes: int = Field(default=64_000_000, ge=0)
    #: Largest query (its parsed document) or answer (its JSON) a cache keeps, in bytes.
    cache_max_entry_bytes: int = Field(default=1_000_000, ge=0)
    #: Seconds one GraphQL request may take before it is answered with a limit error.
    request_timeout: float = Field(default=30.0, gt=0)
    #: Serve Prometheus metrics at ``/metrics`` on the API's port.
    metrics: bool = False
    #: Serve the metrics on this port instead (on ``host``), not on the API's port.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    #: OpenTelemetry traces (needs ``qkg[otel]``); unset, on when a standard ``OTEL_*`` variable
    #: names an exporter or endpoint.
    otel: bool | None = Field(default=None, validate_default=True)

    @property
    def metrics_enabled(self) -> bool:
        """Whether metrics are collected (``QKG_METRICS`` or ``QKG_METRICS_PORT``)."""
        return self.metrics or self.metrics_port is not None

    @field_validator("otel")
    @classmethod
    def _otel(cls, v: bool | None) -> bool:
        return otel_configured_by_environment() if v is None else v

    @field_validator("introspection")
    @classmethod
    def _introspection(cls, v: bool | None, info: ValidationInfo) -> bool:
        return info.data.get("environment") == "development" if v is None else v

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        if isinstance(v, str):
            return tuple(p.strip() for p in v.split(",") if p.strip())
        return v

    @field_validator("neo4j_uri")
    @classmethod
    def _uri(cls, v: str | None) -> str | None:
        schemes = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
        if v is not None and not v.startswith(schemes):
            raise ValueError(f"{v!r} is not a Bolt URI (use one of {', '.join(schemes)})")
        return v


_S = TypeVar("_S", bound=LogSettings)


def _read(cls: type[_S], **overrides: object) -> _S:
    try:
        return cls(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        raise ConfigurationError(
            f"QKG_{field.upper()}: {first['msg']} (got {first.get('input')!r})"
        ) from None


def load_log_settings() -> LogSettings:
    """Only the logging settings (every command reads them first, whatever else it needs)."""
    return _read(LogSettings)


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment; raise :class:`ConfigurationError` naming the variable."""
    settings = _read(Settings, **overrides)
    if settings.store == "neo4j" and not settings.neo4j_uri:
        raise ConfigurationError("QKG_STORE=neo4j needs QKG_NEO4J_URI (for example bolt://127.0.0.1:7687)")
    if settings.metrics_port is not None and settings.metrics_port == settings.port:
        raise ConfigurationError(
            f"QKG_METRICS_PORT: {settings.metrics_port} is the API's port (QKG_PORT); pick another, "
            "or unset it and set QKG_METRICS=true to serve /metrics on the API's port"
        )
    if settings.otel and importlib.util.find_spec("opentelemetry") is None:
        raise ConfigurationError(
            "QKG_OTEL: tracing needs the otel extra (pip install 'qkg[otel]'), "
            "or unset QKG_OTEL and the OTEL_* variables"
        )
    return settings
