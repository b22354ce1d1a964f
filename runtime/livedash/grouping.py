"""Groupings: the nested tuples, lists and dicts of dependencies that flexible callback signatures use,
and the same shapes for the values a callback receives or returns (Dash's ``_grouping``)."""

from __future__ import annotations

from .exceptions import InvalidCallbackReturnValue

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, TypeAlias

    # A grouping: a leaf, or a list, tuple or dict of groupings (a callback's dependencies as written, or values
    # shaped like them). Any to mypy: what a leaf is depends on the grouping, and shapes are checked at run time.
    Grouping: TypeAlias = Any


def flatten(grouping: Grouping) -> list[Any]:
    """The leaves of a grouping, in order (dict values in insertion order)."""
    if isinstance(grouping, (list, tuple)):
        return [leaf for item in grouping for leaf in flatten(item)]
    if isinstance(grouping, dict):
        return [leaf for item in grouping.values() for leaf in flatten(item)]
    return [grouping]


class AttributeDict(dict):
    """Dash's ``dash._utils.AttributeDict``: a dict whose keys are also attributes (``g.first.value``);
    ``first(*names)`` is its method, as in Dash (so a key named ``first`` is read as ``g["first"]``)."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            pass
        raise AttributeError(key)

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def first(self, *names: str) -> Any:
        for name in names:
            value = self.get(name)
            if value:
                return value
        if not names:
            return next(iter(self), {})
        return None


def map_grouping(fn: Callable[[Any], Any], grouping: Grouping) -> Grouping:
    """Dash's ``map_grouping``: ``fn`` applied to each leaf; lists and tuples become lists, dicts
    AttributeDicts (what a callback receives for a grouped argument, and ``ctx.args_grouping``)."""
    if isinstance(grouping, (list, tuple)):
        return [map_grouping(fn, item) for item in grouping]
    if isinstance(grouping, dict):
        return AttributeDict({key: map_grouping(fn, item) for key, item in grouping.items()})
    return fn(grouping)


def make_like(schema: Grouping, values: Iterable[Any]) -> Grouping:
    """A grouping shaped like ``schema`` whose leaves are ``values`` (in flatten order)."""
    leaves = iter(values)

    def build(node: Grouping) -> Grouping:
        if isinstance(node, (list, tuple)):
            return [build(item) for item in node]
        if isinstance(node, dict):
            return {key: build(item) for key, item in node.items()}
        return next(leaves)

    return build(schema)


class SchemaTypeValidationError(InvalidCallbackReturnValue):
    pass


class SchemaLengthValidationError(InvalidCallbackReturnValue):
    pass


class SchemaKeysValidationError(InvalidCallbackReturnValue):
    pass


def validate(
    value: Any, schema: Grouping, full_schema: Grouping | None = None, path: tuple[int | str, ...] = ()
) -> None:
    """Check a returned value against the output grouping, with Dash's error classes."""
    full_schema = schema if full_schema is None else full_schema
    if isinstance(schema, (list, tuple)):
        if not isinstance(value, (list, tuple)):
            raise SchemaTypeValidationError(
                f"Schema: {full_schema}\nPath: {path!r}\nExpected type: {(tuple, list)}\n"
                f"Received value of type {type(value)}:\n    {value!r}"
            )
        if len(value) != len(schema):
            raise SchemaLengthValidationError(
                f"Schema: {full_schema}\nPath: {path!r}\nExpected length: {len(schema)}\n"
                f"Received value of length {len(value)}:\n    {value!r}"
            )
        for index, (item, sub) in enumerate(zip(value, schema, strict=True)):
            validate(item, sub, full_schema, path + (index,))
    elif isinstance(schema, dict):
        if not isinstance(value, dict):
            raise SchemaTypeValidationError(
                f"Schema: {full_schema}\nPath: {path!r}\nExpected type: {dict}\n"
                f"Received value of type {type(value)}:\n    {value!r}"
            )
        if set(value) != set(schema):
            raise SchemaKeysValidationError(
                f"Schema: {full_schema}\nPath: {path!r}\nExpected keys: {set(schema)}\n"
                f"Received value with keys {set(value)}:\n    {value!r}"
            )
        for key, sub in schema.items():
            validate(value[key], sub, full_schema, path + (key,))


def flatten_like(value: Grouping, schema: Grouping) -> list[Any]:
    """The leaves of ``value`` taken in the order of ``schema`` (after :func:`validate`)."""
    if isinstance(schema, (list, tuple)):
        return [leaf for item, sub in zip(value, schema, strict=True) for leaf in flatten_like(item, sub)]
    if isinstance(schema, dict):
        return [leaf for key, sub in schema.items() for leaf in flatten_like(value[key], sub)]
    return [value]


for _cls in (SchemaTypeValidationError, SchemaLengthValidationError, SchemaKeysValidationError):
    _cls.__module__ = "dash._grouping"  # tracebacks name them as Dash does
