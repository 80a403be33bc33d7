"""Fixtures for a real Neo4j server (placeholder until the launcher lands)."""

from __future__ import annotations
