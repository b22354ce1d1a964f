"""The app's state, as dash-renderer's store holds it: the component tree and the props given so far."""

from .components.base import Component, walk_children
from .exceptions import DuplicateIdError
from .protocol import id_key


def to_json(value):
    """A prop value as JSON data (components become their JSON form, tuples become lists)."""
    if isinstance(value, Component):
        return {"props": {k: to_json(v) for k, v in value._props.items()},
                "type": value._type, "namespace": value._namespace}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "to_plotly_json"):
        return to_json(value.to_plotly_json())
    raise TypeError(f"{value!r} (type {type(value).__name__}) is not JSON serializable")


class Store:
    def __init__(self, layout):
        self.layout = layout
        self.index = {}
        self._index(layout, initial=True)

    def _index(self, tree, initial=False):
        for component in walk_children(tree):
            if "id" in component._props:
                key = id_key(component._props["id"])
                if initial and key in self.index:
                    raise DuplicateIdError(f"Duplicate component id found in the initial layout: `{key}`")
                self.index[key] = component

    def has(self, key):
        return key in self.index

    def get(self, key, prop):
        return self.index[key]._props.get(prop)

    def set(self, key, prop, value):
        component = self.index[key]
        old = component._props.get(prop)
        component._props[prop] = value
        if prop == "children" or isinstance(old, (Component, list, tuple)):
            self._reindex()

    def _reindex(self):
        self.index = {}
        self._index(self.layout)

    def ids(self):
        return list(self.index)

    def layout_json(self):
        return to_json(self.layout)
