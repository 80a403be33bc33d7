"""Benchmarks and the shared synthetic ecosystem generator (``bench.synthetic``)."""

from __future__ import annotations

__all__: list[str] = []
