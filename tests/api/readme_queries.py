"""The three example queries the README shows (KAIST's collaborators with evidence; the path
between AWS and PASQAL; agreements signed in 2024 or later), read from ``docs/queries.md``
with their documented output, so the docs and the tests that run them never drift apart."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

__all__ = ["DOC", "EXPECTED", "QUERIES"]

DOC = Path(__file__).resolve().parents[2] / "docs" / "queries.md"
_NAMES = ("kaist", "path", "agreements")
_PAIR = re.compile(r"```graphql\n(.*?)```\s*\n.*?```json\n(.*?)```", re.S)


def _pairs() -> list[tuple[str, Any]]:
    text = DOC.read_text(encoding="utf-8").split("<!-- end of seed examples -->")[0]
    return [(q.strip(), json.loads(a)) for q, a in _PAIR.findall(text)]


QUERIES: dict[str, str] = {name: q for name, (q, _) in zip(_NAMES, _pairs(), strict=True)}
EXPECTED: dict[str, Any] = {name: a for name, (_, a) in zip(_NAMES, _pairs(), strict=True)}
