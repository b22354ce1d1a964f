"""Input, Output, State and the pattern-matching wildcards (``dash.dependencies``)."""

from __future__ import annotations

import json
from enum import Enum

from .components.base import Component

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from typing import Any

    from .jsontypes import ComponentId


class Wildcard(Enum):
    MATCH = "MATCH"
    ALL = "ALL"
    ALLSMALLER = "ALLSMALLER"

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"<{self.value}>"


MATCH = Wildcard.MATCH
ALL = Wildcard.ALL
ALLSMALLER = Wildcard.ALLSMALLER


def stringify_id(component_id: ComponentId) -> str:
    """An id as Dash writes it: strings as they are, dicts as sorted compact JSON (wildcards as ["ALL"])."""
    if not isinstance(component_id, dict):
        return component_id
    return "{" + ",".join(f"{_json(k)}:{_json(component_id[k])}" for k in sorted(component_id)) + "}"


def _json(value: Any) -> str:
    """``json.dumps(value)`` with fast paths for the strings and integers that ids are made of: an ALL
    over many components stringifies every id at each click."""
    kind = type(value)
    if kind is str:
        return _quote(value)
    if kind is int:
        return str(value)
    if kind is Wildcard:
        return f'["{value.value}"]'
    return json.dumps(value)


_quote = json.encoder.encode_basestring_ascii  # json.dumps's own (C) quoting of str, ensure_ascii included


class DashDependency:
    kind = "Dependency"

    def __init__(self, component_id: ComponentId | Component, component_property: str) -> None:
        if isinstance(component_id, Component):
            if "id" not in component_id._props:
                raise LookupError("livedash needs an explicit `id` on components passed to Input/Output/State")
            self.component_id: ComponentId = component_id.id
        else:
            self.component_id = component_id
        self.component_property = component_property
        self.allow_duplicate = False
        self.allow_optional = False

    def component_id_str(self) -> str:
        return stringify_id(self.component_id)

    def __str__(self) -> str:
        return f"{self.component_id_str()}.{self.component_property}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} `{self}`>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DashDependency) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def has_wildcard(self) -> bool:
        return isinstance(self.component_id, dict) and any(isinstance(v, Wildcard) for v in self.component_id.values())

    def to_dict(self) -> dict[str, str | bool]:
        specs: dict[str, str | bool] = {"id": self.component_id_str(), "property": self.component_property}
        if self.allow_optional:  # as Dash writes it: only when set
            specs["allow_optional"] = True
        return specs


class Output(DashDependency):
    def __init__(
        self, component_id: ComponentId | Component, component_property: str, allow_duplicate: bool = False
    ) -> None:
        super().__init__(component_id, component_property)
        self.allow_duplicate = allow_duplicate


class Input(DashDependency):
    def __init__(
        self, component_id: ComponentId | Component, component_property: str, allow_optional: bool = False
    ) -> None:
        super().__init__(component_id, component_property)
        self.allow_optional = allow_optional


class State(DashDependency):
    def __init__(
        self, component_id: ComponentId | Component, component_property: str, allow_optional: bool = False
    ) -> None:
        super().__init__(component_id, component_property)
        self.allow_optional = allow_optional


class ClientsideFunction:
    def __init__(self, namespace: str | None = None, function_name: str | None = None) -> None:
        if namespace and (namespace.startswith("_dashprivate_") or namespace in ("PreventUpdate", "no_update")):
            raise ValueError(f"Invalid namespace: {namespace}")
        self.namespace = namespace
        self.function_name = function_name

    def __repr__(self) -> str:
        return f"ClientsideFunction({self.namespace}, {self.function_name})"
