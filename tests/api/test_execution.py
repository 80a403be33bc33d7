"""The lean execution context answers exactly as strawberry's own, errors included."""

from __future__ import annotations

import enum
from typing import Any

import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from qkg.api.context import Context
from qkg.api.execution import LeanExecutionContext
from qkg.api.schema import build_schema
from qkg.api.settings import Settings
from qkg.graph.store import GraphStore

from .graphs import daejeon

BROAD = """{ actors(first: 50) { totalCount nodes { id name type country aliases
  relations { nodes { type direction confidence firstSeen counterpart { name }
    evidence { sentence start end rule confidence documentId document { title url publishedAt } } } }
  collaborators(depth: 2) { distance linkCount actor { id } links { type reversed agreement { kind date } } }
  agreements { id kind title date status topics } goals { metric value unit targetYear } } }
  stats { documents entities relations agreements } }"""


def _run(schema: strawberry.Schema, query: str, context: Any = None) -> tuple[Any, list[str]]:
    result = schema.execute_sync(query, context_value=context)
    return result.data, [f"{e.path}: {e.message}" for e in result.errors or []]


def test_qkg_answers_match_the_stock_context(store: GraphStore) -> None:
    for delta in daejeon():
        store.upsert(delta)
    settings = Settings(response_cache_size=0)
    lean = build_schema(settings)
    assert lean.execution_context_class is LeanExecutionContext
    stock = build_schema(settings)
    stock.execution_context_class = StrawberryGraphQLCoreExecutionContext
    got = _run(lean, BROAD, Context(store, settings, authenticated=False))
    assert got == _run(stock, BROAD, Context(store, settings, authenticated=False))
    assert got[0]["actors"]["totalCount"] > 5


class Colour(enum.Enum):
    RED = "red"


@strawberry.type
class Thing:
    name: str
    nick: str | None
    colour: Colour
    score: int


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing | None]:
        return [
            Thing(name="ok", nick=None, colour=Colour.RED, score=1),
            Thing(name=None, nick="x", colour=Colour.RED, score=2),  # type: ignore[arg-type]
            Thing(name="bad enum", nick=None, colour="green", score=3),  # type: ignore[arg-type]
            Thing(name="bad int", nick=None, colour=Colour.RED, score="many"),  # type: ignore[arg-type]
        ]


def test_null_and_uncoercible_values_fail_as_the_spec_says() -> None:
    q = "{ things { name nick colour score } }"
    lean = strawberry.Schema(query=Query, execution_context_class=LeanExecutionContext)
    stock = strawberry.Schema(query=Query)
    data, errors = _run(lean, q)
    assert (data, errors) == _run(stock, q)
    assert data == {"things": [{"name": "ok", "nick": None, "colour": "RED", "score": 1}, None, None, None]}
    assert len(errors) == 3
