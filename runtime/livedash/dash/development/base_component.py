"""``dash.development.base_component``: the Component base class that component libraries' generated
classes subclass, with Dash's ``_explicitize_args`` and typing names."""

import typing

from ...components.base import Component, _explicitize_args  # noqa: F401

ComponentSingleType = typing.Union[str, int, float, Component, None]
ComponentType = typing.Union[ComponentSingleType, typing.Sequence[ComponentSingleType]]
ComponentTemplate = typing.TypeVar("ComponentTemplate")
