"""Collaborators to depth N, and the links (with evidence) behind walks and paths.

The entry points, for code that builds answers without GraphQL (``bench/api_latency.py``'s
plain routes): the walk itself is :mod:`qkg.api.walk`, which knows no GraphQL type, and the
GraphQL objects are built by :mod:`qkg.api.types`; neither imports this module, so no two
modules of the package import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .types import collaborators_of, links_of
from .walk import load_links, walk

if TYPE_CHECKING:
    from .types import Collaborator

__all__ = ["collaborators", "links_of", "load_links"]


def collaborators(*args: Any, **kw: Any) -> list[Collaborator]:
    """The collaborators :func:`qkg.api.walk.walk` finds (same arguments), as the GraphQL
    objects ``Actor.collaborators`` answers with."""
    return collaborators_of(*walk(*args, **kw))
