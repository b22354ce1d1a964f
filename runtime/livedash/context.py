"""``dash.ctx`` / ``dash.callback_context`` and ``dash.set_props``: what the running callback may know
and do beyond its arguments."""

import json

from .exceptions import MissingCallbackContextException
from .grouping import AttributeDict, map_grouping
from .protocol import id_key


class FalsyList(list):
    """Dash's ``triggered`` on an initial call: one dummy entry, yet false in ``if ctx.triggered``."""

    def __bool__(self):
        return False


def _parse_id(id_str):
    return AttributeDict(json.loads(id_str)) if id_str.startswith("{") else id_str


class CallContext:
    """The facts of one callback call, set by the scheduler around the call."""

    def __init__(self, triggered, inputs_list, states_list, outputs_list, args_grouping, key_of=id_key):
        self.key_of = key_of  # id -> id key (the scheduler passes its store's, which remembers them)
        self.triggered_props = triggered  # ["id.prop", ...] in trigger order
        self.inputs_list = inputs_list  # as in Dash's request: dicts, or lists of them for ALL
        self.states_list = states_list
        self.outputs_list = outputs_list
        self.args_grouping = args_grouping
        self.side_updates = {}  # id key -> (id, {prop: value}) from set_props

    @classmethod
    def of(cls, spec, facts, key_of=id_key):
        """The context of a call of ``spec`` from its ``facts`` (see :meth:`facts`), with the argument
        grouping built from them."""
        triggered = list(facts["triggered"])
        entries, fired = facts["inputs_list"] + facts["states_list"], set(triggered)
        leaves = [_grouping_leaf(entry, fired, key_of) for entry in entries]
        # As Dash (dash.py _prepare_grouping): each argument's leaf taken by its index into inputs + states.
        grouping = map_grouping(lambda index: leaves[index], spec.arg_grouping) if leaves else []
        return cls(triggered, facts["inputs_list"], facts["states_list"], facts["outputs_list"], grouping, key_of)

    def facts(self):
        """What this context is made of, as JSON: a background job gets it, to rebuild ``ctx`` there."""
        return {
            "triggered": self.triggered_props,
            "inputs_list": self.inputs_list,
            "states_list": self.states_list,
            "outputs_list": self.outputs_list,
        }

    def _flat(self, entries):
        values = {}
        for entry in entries:
            for item in entry if isinstance(entry, list) else [entry]:
                values[f"{self.key_of(item['id'])}.{item['property']}"] = item.get("value")
        return values


def _grouping_leaf(entry, triggered, key_of):
    """One argument of ``ctx.args_grouping``: its id, property, value and whether it triggered the call."""
    if isinstance(entry, list):
        return [_grouping_leaf(item, triggered, key_of) for item in entry]
    str_id = key_of(entry["id"])
    cid = AttributeDict(entry["id"]) if isinstance(entry["id"], dict) else entry["id"]
    return AttributeDict(
        id=cid,
        property=entry["property"],
        value=entry.get("value"),
        str_id=str_id,
        triggered=f"{str_id}.{entry['property']}" in triggered,
    )


_stack = []


class CallbackContext:
    def _current(self, what):
        if not _stack:
            raise MissingCallbackContextException(f"dash.callback_context.{what} is only available from a callback!")
        return _stack[-1]

    @property
    def triggered(self):
        call = self._current("triggered")
        if not call.triggered_props:
            return FalsyList([{"prop_id": ".", "value": None}])
        values = {**call._flat(call.inputs_list), **call._flat(call.states_list)}
        return [{"prop_id": p, "value": values.get(p)} for p in call.triggered_props]

    @property
    def triggered_prop_ids(self):
        call = self._current("triggered_prop_ids")
        return AttributeDict({p: _parse_id(p.rsplit(".", 1)[0]) for p in call.triggered_props})

    @property
    def triggered_id(self):
        call = self._current("triggered_id")
        return _parse_id(call.triggered_props[0].rsplit(".", 1)[0]) if call.triggered_props else None

    @property
    def inputs(self):
        call = self._current("inputs")
        return AttributeDict(call._flat(call.inputs_list))

    @property
    def states(self):
        call = self._current("states")
        return AttributeDict(call._flat(call.states_list))

    @property
    def inputs_list(self):
        return self._current("inputs_list").inputs_list

    @property
    def states_list(self):
        return self._current("states_list").states_list

    @property
    def outputs_list(self):
        return self._current("outputs_list").outputs_list

    @property
    def args_grouping(self):
        return self._current("args_grouping").args_grouping

    @staticmethod
    def set_props(component_id, props):
        set_props(component_id, props)


callback_context = CallbackContext()


def set_props(component_id, props):
    """Set props of any component from inside a callback (applied before the callback's outputs)."""
    call = callback_context._current("set_props")
    key = id_key(component_id)
    _, existing = call.side_updates.get(key, (component_id, {}))
    call.side_updates[key] = (component_id, {**existing, **props})


class calling:
    """``with calling(call):`` makes ``call`` the context seen by ``dash.ctx``."""

    def __init__(self, call):
        self.call = call

    def __enter__(self):
        _stack.append(self.call)

    def __exit__(self, *exc):
        _stack.pop()
