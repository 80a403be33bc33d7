"""qkg's loaders: documents in, evidence-backed knowledge-graph deltas out."""

from __future__ import annotations

__all__: list[str] = []
