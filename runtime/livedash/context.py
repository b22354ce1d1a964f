"""``dash.ctx`` / ``dash.callback_context``: what triggered the running callback, and its values."""

import json

from .exceptions import MissingCallbackContextException


class FalsyList(list):
    """Dash's ``triggered`` on an initial call: one dummy entry, yet false in ``if ctx.triggered``."""

    def __bool__(self):
        return False


class AttributeDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _parse_id(id_str):
    if id_str.startswith("{"):
        return AttributeDict(json.loads(id_str))
    return id_str


class CallContext:
    """The facts of one callback call, set by the scheduler around the call."""

    def __init__(self, triggered, inputs, states, outputs):
        self.triggered_props = triggered   # ["id.prop", ...] in trigger order
        self.input_values = inputs         # {"id.prop": value}
        self.state_values = states
        self.output_specs = outputs        # [(id, prop)]


_stack = []


class CallbackContext:
    def _current(self, what):
        if not _stack:
            raise MissingCallbackContextException(
                f"dash.callback_context.{what} is only available from a callback!")
        return _stack[-1]

    @property
    def triggered(self):
        call = self._current("triggered")
        if not call.triggered_props:
            return FalsyList([{"prop_id": ".", "value": None}])
        values = {**call.input_values, **call.state_values}
        return [{"prop_id": p, "value": values.get(p)} for p in call.triggered_props]

    @property
    def triggered_prop_ids(self):
        call = self._current("triggered_prop_ids")
        return AttributeDict({p: _parse_id(p.rsplit(".", 1)[0]) for p in call.triggered_props})

    @property
    def triggered_id(self):
        call = self._current("triggered_id")
        if not call.triggered_props:
            return None
        return _parse_id(call.triggered_props[0].rsplit(".", 1)[0])

    @property
    def inputs(self):
        return AttributeDict(self._current("inputs").input_values)

    @property
    def states(self):
        return AttributeDict(self._current("states").state_values)


callback_context = CallbackContext()


class calling:
    """``with calling(call):`` makes ``call`` the context seen by ``dash.ctx``."""

    def __init__(self, call):
        self.call = call

    def __enter__(self):
        _stack.append(self.call)

    def __exit__(self, *exc):
        _stack.pop()
