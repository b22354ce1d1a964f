"""Groupings: the nested tuples, lists and dicts of dependencies that flexible callback signatures use,
and the same shapes for the values a callback receives or returns (Dash's ``_grouping``)."""

from .exceptions import InvalidCallbackReturnValue


def flatten(grouping):
    """The leaves of a grouping, in order (dict values in insertion order)."""
    if isinstance(grouping, (list, tuple)):
        return [leaf for item in grouping for leaf in flatten(item)]
    if isinstance(grouping, dict):
        return [leaf for item in grouping.values() for leaf in flatten(item)]
    return [grouping]


class AttributeDict(dict):
    """Dash's ``dash._utils.AttributeDict``: a dict whose keys are also attributes (``g.first.value``);
    ``first(*names)`` is its method, as in Dash (so a key named ``first`` is read as ``g["first"]``)."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            pass
        raise AttributeError(key)

    def __setattr__(self, key, value):
        self[key] = value

    def first(self, *names):
        for name in names:
            value = self.get(name)
            if value:
                return value
        if not names:
            return next(iter(self), {})
        return None


def map_grouping(fn, grouping):
    """Dash's ``map_grouping``: ``fn`` applied to each leaf; lists and tuples become lists, dicts
    AttributeDicts (what a callback receives for a grouped argument, and ``ctx.args_grouping``)."""
    if isinstance(grouping, (list, tuple)):
        return [map_grouping(fn, item) for item in grouping]
    if isinstance(grouping, dict):
        return AttributeDict({key: map_grouping(fn, item) for key, item in grouping.items()})
    return fn(grouping)


def make_like(schema, values):
    """A grouping shaped like ``schema`` whose leaves are ``values`` (in flatten order)."""
    values = iter(values)

    def build(node):
        if isinstance(node, (list, tuple)):
            return [build(item) for item in node]
        if isinstance(node, dict):
            return {key: build(item) for key, item in node.items()}
        return next(values)

    return build(schema)


class SchemaTypeValidationError(InvalidCallbackReturnValue):
    pass


class SchemaLengthValidationError(InvalidCallbackReturnValue):
    pass


class SchemaKeysValidationError(InvalidCallbackReturnValue):
    pass


def validate(value, schema, full_schema=None, path=()):
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
        for index, (item, sub) in enumerate(zip(value, schema)):
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


def flatten_like(value, schema):
    """The leaves of ``value`` taken in the order of ``schema`` (after :func:`validate`)."""
    if isinstance(schema, (list, tuple)):
        return [leaf for item, sub in zip(value, schema) for leaf in flatten_like(item, sub)]
    if isinstance(schema, dict):
        return [leaf for key, sub in schema.items() for leaf in flatten_like(value[key], sub)]
    return [value]


for _cls in (SchemaTypeValidationError, SchemaLengthValidationError, SchemaKeysValidationError):
    _cls.__module__ = "dash._grouping"  # tracebacks name them as Dash does
