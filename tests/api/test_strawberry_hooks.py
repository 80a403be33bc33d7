"""The strawberry and graphql-core hooks the API relies on, pinned.

qkg uses documented hooks only: strawberry's ``encode_json``, ``decode_json``,
``context_getter`` and schema extensions (lifecycle hooks; a result set in ``on_execute``
skips execution), ``execution_context_class`` (graphql-core's executor, whose documented
``execute_operation`` may return an awaitable: qkg's runs the operation in a worker thread
under the request deadline), and FastAPI's ``route_class`` around strawberry. If a strawberry
or graphql-core release renames, re-signs or stops honouring one of them, qkg would silently
lose a limit (the request deadline, the answer cache, the upload checks), so these tests fail
first, naming what moved.
The behaviour itself is tested over HTTP (test_hardening_*.py, test_upload.py, test_execution.py).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
import strawberry
from graphql import Executor, GraphQLError, parse
from strawberry.extensions import SchemaExtension
from strawberry.fastapi import BaseContext, GraphQLRouter
from strawberry.http.async_base_view import AsyncBaseHTTPView
from strawberry.http.base import BaseView
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types import ExecutionResult

from qkg.api.execution import LeanExecutionContext
from qkg.api.router import QkgGraphQLRouter


def _params(fn: Callable[..., Any]) -> list[str]:
    return list(inspect.signature(fn).parameters)


# (class whose method strawberry defines, method, the parameters qkg's override takes)
OVERRIDES = [
    (BaseView, "decode_json", ["self", "data"]),
    (BaseView, "encode_json", ["self", "data"]),
]


@pytest.mark.parametrize(("owner", "name", "params"), OVERRIDES, ids=[o[1] for o in OVERRIDES])
def test_overridden_view_methods_keep_their_signature(owner: type, name: str, params: list[str]) -> None:
    assert name in vars(owner), f"strawberry's {owner.__name__} no longer defines {name}"
    assert _params(getattr(owner, name)) == params, f"strawberry changed {owner.__name__}.{name}'s parameters"
    assert _params(getattr(QkgGraphQLRouter, name)) == params
    # the FastAPI router inherits strawberry's, so qkg's override is the one called
    assert getattr(GraphQLRouter, name) is getattr(owner, name)


def test_the_router_overrides_only_these_view_methods() -> None:
    """Anything else of strawberry's view qkg changes goes through documented hooks: the
    request record is a FastAPI route class, not an override of ``run``; execution is the
    schema's own (its extensions and executor), not an override of ``execute_single``."""
    view = {n for c in GraphQLRouter.__mro__ for n in vars(c)}
    overridden = {n for n in vars(QkgGraphQLRouter) if n in view and not n.startswith(("__", "_abc"))}
    assert overridden == {name for _, name, _ in OVERRIDES}


@pytest.mark.parametrize(
    ("caller", "call"),
    [
        # every operation goes from run through execute_operation ...
        (AsyncBaseHTTPView.run, "self.execute_operation("),
        # ... to the schema's async execute, where qkg's extensions and executor run
        (AsyncBaseHTTPView.execute_single, "await self.schema.execute("),
        # decoding goes through the documented hook (orjson, 400 with the reason)
        (BaseView.parse_json, "self.decode_json("),
        # the router checks a multipart body with the same walk strawberry then applies
        (AsyncBaseHTTPView.parse_multipart, "replace_placeholders_with_files("),
    ],
)
def test_strawberry_still_calls_what_qkg_hooks_into(caller: Callable[..., Any], call: str) -> None:
    source = inspect.getsource(caller)
    assert call in source, f"strawberry's {caller.__qualname__} no longer calls {call}...)"


def test_the_fastapi_context_carries_the_request() -> None:
    """:class:`qkg.api.answers.RequestHooks` and the executor find the HTTP request (its
    record, method, content type) on the context strawberry's FastAPI router fills in."""
    assert "request" in vars(BaseContext())
    assert "custom_context.request = request" in inspect.getsource(inspect.getmodule(GraphQLRouter))


def test_executor_execute_operation_may_return_an_awaitable_that_strawberry_awaits() -> None:
    """qkg's executor returns a coroutine that runs the operation in a worker thread; graphql-core
    documents ``execute_operation`` as returning "a possible coroutine object", and strawberry's
    async ``Schema.execute`` must await it."""
    assert _params(Executor.execute_operation) == ["self", "serially"]
    assert _params(LeanExecutionContext.execute_operation) == ["self", "serially"]

    @strawberry.type
    class Query:
        a: int = 1

    ran_in: list[str] = []

    class Elsewhere(StrawberryGraphQLCoreExecutionContext):
        def execute_operation(self, serially: bool | None = None) -> Any:
            run = super().execute_operation

            async def later() -> Any:
                ran_in.append("awaited")
                return run(serially)

            return later()

    result = asyncio.run(
        strawberry.Schema(Query, execution_context_class=Elsewhere).execute("{ a }", root_value=Query())
    )
    assert result.data == {"a": 1}
    assert ran_in == ["awaited"]


def test_a_result_set_in_on_execute_skips_execution_and_an_error_in_on_parse_skips_parsing() -> None:
    """The answer cache sets ``execution_context.result`` in ``on_execute`` (strawberry's
    documented way to skip execution) from an async ``on_operation`` lookup, and the token
    limit raises in ``on_parse`` before the text is parsed."""
    calls: list[str] = []

    @strawberry.type
    class Query:
        @strawberry.field
        def a(self) -> int:
            calls.append("resolved")
            return 1

    class Answer(SchemaExtension):
        async def on_operation(self) -> AsyncIterator[None]:
            calls.append("looked up")
            yield

        def on_execute(self) -> Iterator[None]:
            self.execution_context.result = ExecutionResult(data={"a": 2}, errors=None)
            yield

    hit = asyncio.run(strawberry.Schema(Query, extensions=[Answer]).execute("{ a }", root_value=Query()))
    assert hit.data == {"a": 2}
    assert calls == ["looked up"]  # no resolver ran

    refusal = GraphQLError("too many tokens")

    class Refuse(SchemaExtension):
        def on_parse(self) -> Iterator[None]:
            raise refusal
            yield  # pragma: no cover - a generator hook

    refused = asyncio.run(strawberry.Schema(Query, extensions=[Refuse]).execute("{ a", root_value=Query()))
    assert refused.data is None
    assert [e.message for e in refused.errors or []] == ["too many tokens"]  # not the parser's error


def test_lean_execution_context_overrides_graphql_core_execute_field() -> None:
    assert issubclass(LeanExecutionContext, StrawberryGraphQLCoreExecutionContext)
    assert issubclass(StrawberryGraphQLCoreExecutionContext, Executor)
    expected = ["self", "parent_type", "source", "field_details_list", "path", "position_context"]
    assert _params(Executor.execute_field) == expected
    assert _params(LeanExecutionContext.execute_field) == expected
    # the strawberry field a graphql-core field was converted from is found under this key
    assert GraphQLCoreConverter.DEFINITION_BACKREF == "strawberry-definition"


def test_an_extension_can_supply_the_document_and_skip_validation() -> None:
    """:class:`qkg.api.caches.DocumentCache` sets ``graphql_document`` in ``on_parse`` and
    ``pre_execution_errors`` in ``on_validate`` (as strawberry's own ParserCache and
    ValidationCache do); strawberry must then neither parse the text nor validate."""

    @strawberry.type
    class Query:
        a: int = 1

    supplied = parse("{ a b }")  # `b` is no field: validation would refuse it

    class Supply(SchemaExtension):
        def on_parse(self) -> Iterator[None]:
            self.execution_context.graphql_document = supplied
            yield

        def on_validate(self) -> Iterator[None]:
            self.execution_context.pre_execution_errors = []
            yield

    result = strawberry.Schema(Query, extensions=[Supply]).execute_sync(
        "{ this does not parse", root_value=Query()
    )
    assert result.errors is None
    assert result.data == {"a": 1}
    plain = strawberry.Schema(Query).execute_sync("{ a b }", root_value=Query())
    assert plain.errors  # without the extension the same document is refused
