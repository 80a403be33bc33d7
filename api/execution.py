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

Each field first checks the request's deadline (:meth:`qkg.api.context.Context.check_deadline`,
one clock read): a request the router has already answered with a timeout stops working at
its next field instead of finishing an answer nobody reads.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graphql import (
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

if TYPE_CHECKING:
    from graphql.execution.collect_fields import FieldDetailsList
    from graphql.pyutils import Path

__all__ = ["PLANS_KEY", "LeanExecutionContext"]

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


class LeanExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context with a direct path for plain scalar attributes."""

    #: This operation's plans (the schema's, shared), or None when middleware wraps every
    #: resolver; looked up once per operation, on its first field.
    _plans: dict[tuple[str, str], _Plan] | None = None
    _planned = False
    _deadline = float("inf")

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
