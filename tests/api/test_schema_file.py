"""The SDL shipped in ``api/schema.graphql`` is exactly what the code serves, and the enums
the schema exposes are the ontology's and the analytics service's own."""

from __future__ import annotations

import subprocess
import sys

from graphql import build_schema as parse_sdl

from qkg.api.schema import SDL_PATH, build_schema, sdl
from qkg.api.scores import CentralityMetric
from qkg.api.settings import Settings
from qkg.graph.analytics import METRICS
from qkg.schemas import AgreementKind, EntityType, RelationType


def test_shipped_sdl_matches_the_code() -> None:
    assert SDL_PATH.read_text(encoding="utf-8") == sdl(), (
        "api/schema.graphql is stale: run `qkg schema -o api/schema.graphql`"
    )


def test_sdl_parses_and_does_not_depend_on_settings() -> None:
    parse_sdl(SDL_PATH.read_text(encoding="utf-8"))
    dev = build_schema(Settings(environment="development", introspection=False)).as_str().rstrip() + "\n"
    assert dev == sdl()


def test_enums_come_from_the_ontology_and_analytics() -> None:
    schema = parse_sdl(sdl())
    for name, enum in (
        ("EntityType", EntityType),
        ("RelationType", RelationType),
        ("AgreementKind", AgreementKind),
    ):
        assert set(schema.type_map[name].values) == {m.name for m in enum}  # type: ignore[attr-defined]
    assert [m.value for m in CentralityMetric] == list(METRICS)


def test_qkg_schema_check_command() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "qkg.api.cli", "schema", "--check"], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "qkg.api.cli", "schema"], capture_output=True, text=True)
    assert r.stdout == sdl()


def _take(arg: str, kind: str, fields: dict[str, tuple[str, ...]]) -> None:
    """Each of ``fields`` (by type name) takes ``arg`` of type ``kind``, as does ``AgreementFilter``."""
    schema = parse_sdl(sdl())
    for type_name, names in fields.items():
        for name in names:
            got = schema.type_map[type_name].fields[name].args.get(arg)  # type: ignore[attr-defined]
            assert got is not None, f"{type_name}.{name} has no {arg}"
            assert str(got.type) == kind, f"{type_name}.{name}'s {arg} is a {got.type}"
    assert str(schema.type_map["AgreementFilter"].fields[arg].type) == kind  # type: ignore[attr-defined]


def test_fields_about_facts_over_time_take_as_of() -> None:
    """Every field that answers about facts over time takes ``asOf: Date`` (issue 15 item 1,
    and the explorer's three: ``Actor.centrality``, ``Actor.documents``, ``agreement``)."""
    _take(
        "asOf",
        "Date",
        {
            "Actor": ("relations", "collaborators", "agreements", "goals", "documents", "centrality"),
            "Query": ("paths", "centrality", "communities", "stats", "agreement"),
        },
    )


def test_fields_about_facts_held_take_known_at() -> None:
    """The fields that answer about facts take ``knownAt: DateTime`` (record time, issue 15
    item 2), the actor's agreements, goals and documents and ``agreement(id)`` included."""
    _take(
        "knownAt",
        "DateTime",
        {
            "Actor": ("relations", "collaborators", "agreements", "goals", "documents"),
            "Query": ("paths", "agreement"),
        },
    )
