"""``CountingStore``: a ``GraphStore`` that implements the real Protocol around a real store
and counts each call, so tests see exactly what the API asks the store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from qkg.graph.store import GraphStore, protocol_methods

__all__ = ["CountingStore"]


class CountingStore:
    """A ``GraphStore`` that forwards to ``inner`` and counts every method call by name.

    Its methods are made from the Protocol's own, so it keeps up with the contract; a
    subclass may override one (to break it on purpose, say)."""

    def __init__(self, inner: GraphStore) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()

    @property
    def kind(self) -> str:
        return self.inner.kind

    @property
    def version(self) -> str:
        return self.inner.version


def _counted(name: str) -> Callable[..., Any]:
    def method(self: CountingStore, *args: Any, **kwargs: Any) -> Any:
        self.calls[name] += 1
        return getattr(self.inner, name)(*args, **kwargs)

    method.__name__ = method.__qualname__ = name
    return method


for _name in protocol_methods(GraphStore):
    setattr(CountingStore, _name, _counted(_name))
