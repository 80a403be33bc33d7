"""Lazy package exports (PEP 562), shared by qkg's package ``__init__`` modules.

A package lists ``name -> submodule`` and gets a module ``__getattr__`` that imports the
submodule on first use, so ``import qkg.graph.open`` does not import the embedded store and
a ``qkg`` command imports only what it runs. Type checkers see the names through the
package's ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, names: Mapping[str, str], public: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``, whose ``names`` live in its submodules.

    >>> getattr_, dir_ = lazy_exports("qkg.schemas", {"Stats": "query"}, ["Stats"])
    >>> getattr_("Stats").__module__
    'qkg.schemas.query'
    """

    def __getattr__(name: str) -> Any:
        if name in names:
            # __import__ rather than importlib.import_module: `python -X importtime` logs it
            module = __import__(f"{package}.{names[name]}", fromlist=[name])
            return getattr(module, name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *public})

    return __getattr__, __dir__
