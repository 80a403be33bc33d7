"""No two modules of ``qkg.api`` import each other, directly or around a longer cycle.

The import graph is read from the source with :mod:`ast` (every ``import`` and ``from ...
import`` of a module, at module level or inside a function, except under ``if TYPE_CHECKING:``,
which runs no code), so a new module or a new import is checked without a list to update.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

import qkg.api

PACKAGE = "qkg.api"
ROOT = Path(qkg.api.__file__).parent


def _module_name(path: Path, root: Path, package: str) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imported(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Every module name ``module`` imports at run time (candidates: ``from a import b`` names
    both ``a`` and ``a.b``, since ``b`` may be a submodule)."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    out: set[str] = set()
    todo: list[ast.AST] = [n for n in tree.body if not _is_type_checking(n)]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            name = ".".join([*base, *([node.module] if node.module else [])])
            out.add(name)
            out.update(f"{name}.{a.name}" for a in node.names)
        todo.extend(
            child
            for child in ast.iter_child_nodes(node)
            if not (isinstance(child, ast.stmt) and _is_type_checking(child))
        )
    return out


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports at run time."""
    files = {_module_name(p, root, package): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        imported = _imported(tree, module, path.name == "__init__.py")
        graph[module] = {m for m in imported if m in files and m != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as e:
        return list(e.args[1])
    return None


def test_the_api_package_has_no_import_cycle() -> None:
    graph = import_graph(ROOT, PACKAGE)
    assert {f"{PACKAGE}.types", f"{PACKAGE}.router"} <= graph.keys()  # the walk found the package
    cycle = find_cycle(graph)
    assert cycle is None, "modules of qkg.api import each other: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    ("sources", "cycle"),
    [
        # a function-level import closes a cycle as surely as a module-level one
        ({"a": "from .b import x\n", "b": "def f():\n    from .a import y\n"}, True),
        ({"a": "from . import b\n", "b": "import qkg_fake.c\n", "c": "from .a import z\n"}, True),
        # type-only imports run no code
        ({"a": "from .b import x\n", "b": "if TYPE_CHECKING:\n    from .a import y\n"}, False),
        ({"a": "from .b import x\n", "b": "from .c import y\n", "c": "import os\n"}, False),
    ],
)
def test_the_check_finds_cycles(tmp_path: Path, sources: dict[str, str], cycle: bool) -> None:
    for name, text in sources.items():
        (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    found = find_cycle(import_graph(tmp_path, "qkg_fake"))
    assert (found is not None) == cycle, found
