"""The strawberry and graphql-core internals the API still relies on, pinned.

qkg uses strawberry's documented hooks where they exist (``encode_json``, ``decode_json``,
``context_getter``, schema extensions, ``execution_context_class``; FastAPI's ``route_class``
around strawberry). Running each operation in a worker thread under a deadline, with a cached
answer before parsing, has none, so :class:`qkg.api.router.QkgGraphQLRouter` overrides the
undocumented ``execute_single`` of strawberry's HTTP view (see its module docstring), and
:mod:`qkg.api.execution` / :mod:`qkg.api.caches` read a few internals. If a strawberry or
graphql-core release renames, re-signs or stops calling one of them, qkg would silently lose
a limit (the request deadline, the answer cache, the upload checks), so these tests fail
first, naming what moved.
The behaviour itself is tested over HTTP (test_hardening_*.py, test_upload.py, test_execution.py).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import strawberry
from graphql import Executor, parse
from strawberry.extensions import SchemaExtension
from strawberry.fastapi import GraphQLRouter
from strawberry.http.async_base_view import AsyncBaseHTTPView
from strawberry.http.base import BaseView
from strawberry.schema.schema import Schema, StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

from qkg.api.execution import LeanExecutionContext
from qkg.api.router import QkgGraphQLRouter


def _params(fn: Callable[..., Any]) -> list[str]:
    return list(inspect.signature(fn).parameters)


# (class whose method strawberry defines, method, the parameters qkg's override takes)
OVERRIDES = [
    (
        AsyncBaseHTTPView,
        "execute_single",
        ["self", "request", "request_adapter", "sub_response", "context", "root_value", "request_data"],
    ),
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
    request record is a FastAPI route class, not an override of ``run``."""
    view = {n for c in GraphQLRouter.__mro__ for n in vars(c)}
    overridden = {n for n in vars(QkgGraphQLRouter) if n in view and not n.startswith(("__", "_abc"))}
    assert overridden == {name for _, name, _ in OVERRIDES}


@pytest.mark.parametrize(
    ("caller", "call"),
    [
        # every operation goes from run through execute_operation ...
        (AsyncBaseHTTPView.run, "self.execute_operation("),
        # ... and every non-streamed operation, batched or not, runs through execute_single
        (AsyncBaseHTTPView.execute_operation, "self.execute_single("),
        # decoding goes through the documented hook (orjson, 400 with the reason)
        (BaseView.parse_json, "self.decode_json("),
        # the router checks a multipart body with the same walk strawberry then applies
        (AsyncBaseHTTPView.parse_multipart, "replace_placeholders_with_files("),
    ],
)
def test_strawberry_still_calls_the_overridden_methods(caller: Callable[..., Any], call: str) -> None:
    source = inspect.getsource(caller)
    assert call in source, f"strawberry's {caller.__qualname__} no longer calls {call}...)"
    if call == "self.execute_single(":
        assert source.count(call) == 2, "execute_operation gained or lost a path around execute_single"


def test_execute_sync_takes_what_the_router_passes() -> None:
    params = set(_params(Schema.execute_sync))
    assert {"variable_values", "context_value", "root_value", "operation_name"} <= params
    assert {"allowed_operation_types", "operation_extensions"} <= params


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
