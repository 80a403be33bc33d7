"""The analyst's measure: what ``actor(name:) { collaborators }`` answers after loading a corpus.

Every document of the corpora goes into one fresh embedded store (the same texts the
scores read: header lines dropped), the app runs in process, and for every gold actor that
the gold links to a partner the API is asked, by real GraphQL requests, for the actor's
collaborators at depth 1. Gold actors are merged across documents when a normalised name
or alias coincides (ANNOTATION.md's key), and so are their partner links (PARTNERS_WITH
ends and every two parties of one agreement).

- **actors found**: share of those gold actors the API finds, asking the gold name, then
  each alias, until one is found.
- **links answered**: share of (actor, gold partner) questions whose partner is among the
  collaborators returned; a link counts from each of its two ends, and an actor not found
  answers none of its links.
- **precision**: share of returned collaborators that are gold partners of the asked actor,
  counting only returned actors whose name or an alias matches some gold actor of the
  corpora; the others are reported apart as ``unknown`` (actors gold does not annotate,
  or names the extractor got wrong).
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qkg.loaders.evaluate import names_of
from qkg.loaders.extract import Extractor, RuleExtractor
from qkg.loaders.gold import Corpus, GoldDocument, read_annotated
from qkg.schemas import DocumentRejected

__all__ = [
    "AnalystScore",
    "GoldActor",
    "analyst_measure",
    "ask_api",
    "gold_network",
    "partners",
    "score_answers",
]

QUERY = """query Collaborators($name: String!) {
  actor(name: $name) {
    __typename
    ... on Actor { collaborators(depth: 1, first: 200) { actor { name aliases } } }
  }
}"""

#: A returned collaborator: its name and aliases.
Collaborator = tuple[str, tuple[str, ...]]
#: What the API answered about each gold actor asked: its collaborators, or None if not found.
Answers = Mapping[int, list[Collaborator] | None]


@dataclass(frozen=True)
class GoldActor:
    """One actor of the gold, merged across documents: its matching keys and names to ask."""

    keys: frozenset[str]
    names: tuple[str, ...]


def gold_network(golds: Iterable[GoldDocument]) -> tuple[list[GoldActor], set[frozenset[int]]]:
    """Gold actors merged by shared normalised names, and their partner links (actor indices)."""
    nodes: list[tuple[str, ...]] = []  # names as written, gold name first
    at: dict[tuple[int, str], int] = {}  # (document, gold id) -> node
    parent: list[int] = []
    owner: dict[str, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    docs = list(golds)
    for d, gold in enumerate(docs):
        for e in gold.entities:
            n = len(nodes)
            nodes.append((e.name, *e.aliases))
            parent.append(n)
            at[(d, e.id)] = n
            for k in names_of(e.name, e.aliases):
                if k in owner:
                    a, b = find(owner[k]), find(n)
                    parent[max(a, b)] = min(a, b)
                else:
                    owner[k] = n
    groups: dict[int, list[int]] = {}
    for n in range(len(nodes)):
        groups.setdefault(find(n), []).append(n)
    index = {root: i for i, root in enumerate(groups)}
    actors = []
    for members in groups.values():
        written = [nodes[n][0] for n in members] + [a for n in members for a in nodes[n][1:]]
        names = tuple(dict.fromkeys(written))
        actors.append(GoldActor(frozenset(k for w in names for k in names_of(w)), names))
    links = {
        frozenset(index[find(at[(d, x)])] for x in pair)
        for d, gold in enumerate(docs)
        for pair in gold.pairs()
    }
    return actors, {link for link in links if len(link) == 2}


@dataclass
class AnalystScore:
    """Counts of the analyst's measure; the three shares derived."""

    actors: int = 0
    found: int = 0
    links: int = 0
    answered: int = 0
    returned: int = 0
    correct: int = 0
    unknown: int = 0
    not_found: list[str] = field(default_factory=list)

    @property
    def found_share(self) -> float:
        return self.found / self.actors if self.actors else 1.0

    @property
    def answered_share(self) -> float:
        return self.answered / self.links if self.links else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.returned if self.returned else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "actors_found": round(self.found_share, 4),
            "links_answered": round(self.answered_share, 4),
            "precision": round(self.precision, 4),
            "actors": self.actors,
            "found": self.found,
            "links": self.links,
            "answered": self.answered,
            "returned": self.returned,
            "correct": self.correct,
            "unknown": self.unknown,
            "not_found": self.not_found,
        }


def partners(links: set[frozenset[int]]) -> dict[int, set[int]]:
    """Each linked gold actor's partners."""
    out: dict[int, set[int]] = {}
    for link in links:
        a, b = sorted(link)
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def score_answers(actors: Sequence[GoldActor], links: set[frozenset[int]], answers: Answers) -> AnalystScore:
    """Count, over every gold actor with a partner, what the API answered about it."""
    by_key = {k: i for i, a in enumerate(actors) for k in a.keys}
    s = AnalystScore()
    for i, mine in sorted(partners(links).items(), key=lambda x: actors[x[0]].names):
        s.actors += 1
        s.links += len(mine)
        answer = answers.get(i)
        if answer is None:
            s.not_found.append(actors[i].names[0])
            continue
        s.found += 1
        answered: set[int] = set()
        for name, aliases in answer:
            hit = {by_key[k] for k in names_of(name, aliases) if k in by_key}
            if not hit:
                s.unknown += 1
                continue
            s.returned += 1
            s.correct += bool(hit & mine)
            answered |= hit & mine
        s.answered += len(answered)
    return s


async def ask_api(
    app: Any, actors: Sequence[GoldActor], asked: Iterable[int]
) -> dict[int, list[Collaborator] | None]:
    """Ask ``app`` (an ASGI app) about each actor: its gold name, then its aliases, until found."""
    import httpx

    out: dict[int, list[Collaborator] | None] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://analyst") as client:
        for i in asked:
            out[i] = None
            for name in actors[i].names:
                r = await client.post("/graphql", json={"query": QUERY, "variables": {"name": name}})
                body = r.json()
                if r.status_code != 200 or body.get("errors"):
                    raise RuntimeError(f"the API refused actor(name: {name!r}): {body}")
                node = body["data"]["actor"]
                if node["__typename"] == "Actor":
                    out[i] = [
                        (c["actor"]["name"], tuple(c["actor"]["aliases"])) for c in node["collaborators"]
                    ]
                    break
    return out


def analyst_measure(corpora: Sequence[Corpus], *, extractor: Extractor | None = None) -> AnalystScore:
    """Load ``corpora`` into one fresh embedded store and ask the in-process API (see the module)."""
    from qkg.api.app import create_app
    from qkg.api.settings import Settings
    from qkg.graph.open import open_store

    ex = extractor or RuleExtractor()
    actors, links = gold_network(gold for c in corpora for _, _, gold in c.items)
    with tempfile.TemporaryDirectory(prefix="qkg-analyst-") as tmp:
        store = open_store(kind="embedded", data_dir=Path(tmp))
        try:
            for c in corpora:
                for _, path, _ in c.items:
                    if store.upsert(ex.extract(read_annotated(path))).replaced:
                        raise DocumentRejected(
                            str(path),
                            "has the source of another document loaded before, which it would replace",
                        )
            app = create_app(Settings(store="embedded", data_dir=Path(tmp)), store=store, extras=[])
            answers = asyncio.run(ask_api(app, actors, sorted(partners(links))))
        finally:
            store.close()
    return score_answers(actors, links, answers)
