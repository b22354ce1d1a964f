"""``dash.development.base_component``: the Component base class that component libraries' generated
classes subclass, with Dash's ``_explicitize_args`` and typing names."""

import typing

from ...components.base import Component, _explicitize_args  # noqa: F401

ComponentSingleType = str | int | float | Component | None
ComponentType = ComponentSingleType | typing.Sequence[ComponentSingleType]
ComponentTemplate = typing.TypeVar("ComponentTemplate")
