"""A leaner graphql-core execution context for answers with thousands of scalar fields.

A collaborator answer holds thousands of leaf values (ids, names, sentences, dates). For
each one graphql-core builds a ``ResolveInfo``, reads the arguments, checks for awaitables
and dispatches ``complete_value``; strawberry adds its wrapper. For a field that is a plain
attribute (strawberry's "basic field": no resolver, no arguments, no permissions or
extensions) of a scalar or enum type, none of that can change the answer, so
:class:`LeanExecutionContext` reads the attribute and coerces it directly. Anything else,
including a value that fails coercion or is null where the schema says non-null, takes
graphql-core's own path, which raises the spec's errors. Answers are identical;
``tests/api/test_execution.py`` compares them with the stock context. The plans (which
fields take the direct path) are kept in the schema's own ``extensions``, so they go with it.

Off the event loop, under the request's deadline: strawberry's HTTP view awaits
``Schema.execute`` on the event loop, and graphql-core's executor may return an awaitable
from :meth:`~graphql.Executor.execute_operation` (documented: "a possible coroutine object").
For an HTTP request (its context carries the request and a deadline) served from the event
loop's thread, :class:`LeanExecutionContext` returns one that runs the whole operation, every
resolver with its store calls, in a worker thread, so the loop keeps serving other requests.
Past the deadline the request is answered with a GraphQL error whose ``extensions.code`` is
``REQUEST_TIMEOUT`` (HTTP 200, as every other limit error of a well-formed request), and the
thread stops at its next field: each field first checks the deadline
(:meth:`qkg.api.context.Context.check_deadline`, one clock read). Run without a loop
(``execute_sync``), an operation runs where it is called, as graphql-core's does.
"""

from __future__ import annotations

import asyncio
import operator
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import anyio
from graphql import (
    ExecutionResult,
    GraphQLError,
    GraphQLField,
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    get_nullable_type,
    is_leaf_type,
    is_non_null_type,
)
from strawberry.resolvers import is_default_resolver
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from qkg.schemas import LimitExceeded

if TYPE_CHECKING:
    from graphql.execution.collect_fields import FieldDetailsList
    from graphql.pyutils import Path

__all__ = ["PLANS_KEY", "TIMEOUT_CODE", "LeanExecutionContext", "timeout_error"]

#: ``extensions.code`` of the error answering a request past its deadline (clients may retry).
TIMEOUT_CODE = "REQUEST_TIMEOUT"

_Plan = tuple[Callable[..., Any], GraphQLLeafType, bool] | None
#: The key of a schema's ``extensions`` (graphql-core's slot for data of the schema's users)
#: holding its plans: per (type name, field name), (value getter, leaf type, nullable), or
#: None for the full path. They live and die with the schema.
PLANS_KEY = "qkg.field_plans"


def _plans_of(schema: GraphQLSchema) -> dict[tuple[str, str], _Plan]:
    plans: dict[tuple[str, str], _Plan] = schema.extensions.setdefault(PLANS_KEY, {})
    return plans


def _plan(field_def: GraphQLField) -> _Plan:
    resolve = field_def.resolve
    if resolve is None or not is_default_resolver(resolve) or field_def.args:
        return None
    inner = get_nullable_type(field_def.type)
    if not is_leaf_type(inner):
        return None
    nullable = not is_non_null_type(field_def.type)
    # strawberry's basic field reads the attribute with its default resolver (``getattr``):
    # read it directly when that is so
    definition = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if (
        isinstance(definition, StrawberryField)
        and definition.default_resolver is getattr
        and definition.is_basic_field
    ):
        return (operator.attrgetter(definition.python_name), inner, nullable)
    return (lambda source: resolve(source, None), inner, nullable)


def timeout_error(seconds: float) -> GraphQLError:
    """The error answering a request that ran past its ``seconds`` (``QKG_REQUEST_TIMEOUT``)."""
    message = (
        f"the request took longer than the request time limit of {seconds:g} s (QKG_REQUEST_TIMEOUT); "
        "ask for less (a smaller `first`, depth or page) or retry later"
    )
    return GraphQLError(message, extensions={"code": TIMEOUT_CODE}, original_error=LimitExceeded(message))


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class LeanExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context with a direct path for plain scalar attributes, run off
    the event loop under the request's deadline (see the module docstring)."""

    #: This operation's plans (the schema's, shared), or None when middleware wraps every
    #: resolver; looked up once per operation, on its first field.
    _plans: dict[tuple[str, str], _Plan] | None = None
    _planned = False
    _deadline = float("inf")

    def execute_operation(self, serially: bool | None = None) -> Any:
        context = self.context_value
        deadline = getattr(context, "deadline", None)
        if deadline is None or getattr(context, "request", None) is None or not _on_event_loop():
            return super().execute_operation(serially)
        return self._in_thread(super().execute_operation, serially, deadline)

    async def _in_thread(
        self, execute: Callable[[bool | None], Any], serially: bool | None, deadline: float
    ) -> Any:
        context = self.context_value

        def run() -> Any:
            try:
                return execute(serially)
            finally:
                context.release()  # the answer is built: drop what the request loaded

        try:
            with anyio.fail_after(max(0.0, deadline - time.monotonic())):
                # abandoned at the deadline; the thread stops at its next field
                result = await anyio.to_thread.run_sync(run, abandon_on_cancel=True)
        except TimeoutError:
            return ExecutionResult(data=None, errors=[timeout_error(context.settings.request_timeout)])
        if self.is_awaitable(result):  # an async resolver: finish it here, on the loop
            result = await result
        return result

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        if not self._planned:
            self._planned = True
            mm = self.middleware_manager  # strawberry passes a manager, often an empty one
            if mm is None or not mm.middlewares:
                self._plans = _plans_of(self.schema)
            self._deadline = getattr(self.context_value, "deadline", self._deadline)
        if time.monotonic() > self._deadline:
            self.context_value.check_deadline()  # raises: the field's error, the rest skipped fast
        plans = self._plans
        if plans is not None:
            node = field_details_list[0].node
            key = (parent_type.name, node.name.value)
            if key in plans:
                plan = plans[key]
            else:
                field_def = self.schema.get_field(parent_type, node.name.value)
                plan = plans[key] = _plan(field_def) if field_def is not None else None
            if plan is not None and not node.arguments:
                resolve, leaf, nullable = plan
                try:
                    value = resolve(source)
                except Exception:  # the full path below reports it properly
                    value = Undefined
                if value is None and nullable:
                    return None
                if value is not None and value is not Undefined:
                    try:
                        coerced = leaf.coerce_output_value(value)
                    except Exception:  # the full path below reports it properly
                        coerced = None
                    if coerced is not None and coerced is not Undefined:
                        return coerced
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
