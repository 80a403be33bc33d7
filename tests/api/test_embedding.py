"""The embedding example of docs/embedding.md (and the README), run verbatim over real HTTP."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import httpx
import pytest

from .graphs import daejeon
from .server import serving

DOC = Path(__file__).resolve().parents[2] / "docs" / "embedding.md"


def example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert blocks, f"no python example in {DOC}"
    return str(blocks[0])


def test_embedding_example_runs_verbatim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = example()
    assert len([line for line in code.splitlines() if line.strip()]) <= 14
    module_file = tmp_path / "myservice.py"
    module_file.write_text(code, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    spec = importlib.util.spec_from_file_location("myservice", module_file)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "myservice", module)
    spec.loader.exec_module(module)
    assert (tmp_path / "qkg-data").is_dir()
    for delta in daejeon():
        module.store.upsert(delta)
    with serving(module.app) as base:
        r = httpx.post(
            base + "/kg/graphql",
            json={"query": '{ stats { documents } actor(name: "KAIST") { ... on Actor { name } } }'},
        )
        assert r.status_code == 200
        assert r.json() == {"data": {"stats": {"documents": 2}, "actor": {"name": "KAIST"}}}
        assert httpx.post(base + "/graphql", json={"query": "{ stats { documents } }"}).status_code == 404
    # the example's lifespan closed the store: the folder can be opened again
    from qkg.graph.embedded import EmbeddedStore

    EmbeddedStore(tmp_path / "qkg-data").close()
