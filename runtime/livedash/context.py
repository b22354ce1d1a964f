"""``dash.ctx`` / ``dash.callback_context`` and ``dash.set_props``: what the running callback may know
and do beyond its arguments."""

from __future__ import annotations

import json

from .exceptions import MissingCallbackContextException
from .grouping import AttributeDict, map_grouping
from .protocol import id_key

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeAlias

    from .callbacks import CallbackSpec
    from .jsontypes import JSON, ComponentId

    KeyOf: TypeAlias = Callable[[ComponentId], str]  # an id -> its id key (stringify_id)


class FalsyList(list):
    """Dash's ``triggered`` on an initial call: one dummy entry, yet false in ``if ctx.triggered``."""

    def __bool__(self) -> bool:
        return False


def _parse_id(id_str: str) -> str | AttributeDict:
    return AttributeDict(json.loads(id_str)) if id_str.startswith("{") else id_str


class CallContext:
    """The facts of one callback call, set by the scheduler around the call."""

    def __init__(
        self,
        triggered: list[str],
        inputs_list: list[JSON],
        states_list: list[JSON],
        outputs_list: JSON,
        args_grouping: Any,
        key_of: KeyOf = id_key,
    ) -> None:
        self.key_of = key_of  # id -> id key (the scheduler passes its store's, which remembers them)
        self.triggered_props = triggered  # ["id.prop", ...] in trigger order
        self.inputs_list = inputs_list  # as in Dash's request: dicts, or lists of them for ALL
        self.states_list = states_list
        self.outputs_list = outputs_list
        self.args_grouping = args_grouping
        self.side_updates: dict[str, tuple[ComponentId, dict[str, Any]]] = {}  # id key -> (id, {prop: value})

    @classmethod
    def of(cls, spec: CallbackSpec, facts: dict[str, Any], key_of: KeyOf = id_key) -> CallContext:
        """The context of a call of ``spec`` from its ``facts`` (see :meth:`facts`), with the argument
        grouping built from them."""
        triggered = list(facts["triggered"])
        entries, fired = facts["inputs_list"] + facts["states_list"], set(triggered)
        leaves = [_grouping_leaf(entry, fired, key_of) for entry in entries]
        # As Dash (dash.py _prepare_grouping): each argument's leaf taken by its index into inputs + states.
        grouping = map_grouping(lambda index: leaves[index], spec.arg_grouping) if leaves else []
        return cls(triggered, facts["inputs_list"], facts["states_list"], facts["outputs_list"], grouping, key_of)

    def facts(self) -> dict[str, JSON]:
        """What this context is made of, as JSON: a background job gets it, to rebuild ``ctx`` there."""
        return {
            "triggered": self.triggered_props,
            "inputs_list": self.inputs_list,
            "states_list": self.states_list,
            "outputs_list": self.outputs_list,
        }

    def _flat(self, entries: list[JSON]) -> dict[str, JSON]:
        values = {}
        for entry in entries:
            for item in entry if isinstance(entry, list) else [entry]:
                values[f"{self.key_of(item['id'])}.{item['property']}"] = item.get("value")
        return values


def _grouping_leaf(entry: JSON, triggered: set[str], key_of: KeyOf) -> AttributeDict | list[Any]:
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


_stack: list[CallContext] = []  # the calls running, innermost last


class CallbackContext:
    def _current(self, what: str) -> CallContext:
        if not _stack:
            raise MissingCallbackContextException(f"dash.callback_context.{what} is only available from a callback!")
        return _stack[-1]

    @property
    def triggered(self) -> list[dict[str, JSON]]:
        call = self._current("triggered")
        if not call.triggered_props:
            return FalsyList([{"prop_id": ".", "value": None}])
        values = {**call._flat(call.inputs_list), **call._flat(call.states_list)}
        return [{"prop_id": p, "value": values.get(p)} for p in call.triggered_props]

    @property
    def triggered_prop_ids(self) -> AttributeDict:
        call = self._current("triggered_prop_ids")
        return AttributeDict({p: _parse_id(p.rsplit(".", 1)[0]) for p in call.triggered_props})

    @property
    def triggered_id(self) -> str | AttributeDict | None:
        call = self._current("triggered_id")
        return _parse_id(call.triggered_props[0].rsplit(".", 1)[0]) if call.triggered_props else None

    @property
    def inputs(self) -> AttributeDict:
        call = self._current("inputs")
        return AttributeDict(call._flat(call.inputs_list))

    @property
    def states(self) -> AttributeDict:
        call = self._current("states")
        return AttributeDict(call._flat(call.states_list))

    @property
    def inputs_list(self) -> list[JSON]:
        return self._current("inputs_list").inputs_list

    @property
    def states_list(self) -> list[JSON]:
        return self._current("states_list").states_list

    @property
    def outputs_list(self) -> JSON:
        return self._current("outputs_list").outputs_list

    @property
    def args_grouping(self) -> Any:
        return self._current("args_grouping").args_grouping

    @staticmethod
    def set_props(component_id: ComponentId, props: dict[str, Any]) -> None:
        set_props(component_id, props)


callback_context = CallbackContext()


def set_props(component_id: ComponentId, props: dict[str, Any]) -> None:
    """Set props of any component from inside a callback (applied before the callback's outputs)."""
    call = callback_context._current("set_props")
    key = id_key(component_id)
    _, existing = call.side_updates.get(key, (component_id, {}))
    call.side_updates[key] = (component_id, {**existing, **props})


class calling:
    """``with calling(call):`` makes ``call`` the context seen by ``dash.ctx``."""

    def __init__(self, call: CallContext) -> None:
        self.call = call

    def __enter__(self) -> None:
        _stack.append(self.call)

    def __exit__(self, *exc: object) -> None:
        _stack.pop()
