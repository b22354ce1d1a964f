"""The app's state, as dash-renderer's store holds it: the component tree and the props given so far."""

from .components.base import Component, walk_children
from .exceptions import DuplicateIdError
from .protocol import id_key


def to_json(value):
    """A prop value as JSON data (components become their JSON form, tuples become lists)."""
    if isinstance(value, Component):
        return {"props": {k: to_json(v) for k, v in value._props.items()},
                "type": value._type, "namespace": value._namespace, **value._json_extra()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "to_plotly_json"):
        return to_json(value.to_plotly_json())
    raise TypeError(f"{value!r} (type {type(value).__name__}) is not JSON serializable")


def has_components(value):
    return isinstance(value, Component) or (
        isinstance(value, (list, tuple)) and any(has_components(v) for v in value))


class Store:
    def __init__(self, layout):
        self.layout = layout
        self.index = {}      # id key -> component, in layout order
        self.version = 0     # bumped whenever components come or go
        self._dict_keys = {}  # id() of a dict id in the layout -> (that dict, its key): see key_of
        self._index(layout, initial=True)

    def _index(self, tree, initial=False):
        for component in walk_children(tree):
            component._on_mount()
            if "id" in component._props:
                cid = component._props["id"]
                key = id_key(cid)
                if initial and key in self.index:
                    raise DuplicateIdError(f"Duplicate component id found in the initial layout: `{key}`")
                self.index[key] = component
                if isinstance(cid, dict):
                    self._dict_keys[id(cid)] = (cid, key)

    def key_of(self, cid):
        """``id_key(cid)``, remembered for the dict ids of the layout: an ALL over many components keys
        every one of them several times per call. (The entry holds the dict, so its id() stays its own.)"""
        known = self._dict_keys.get(id(cid))
        return known[1] if known is not None and known[0] is cid else id_key(cid)

    def has(self, key):
        return key in self.index

    def get(self, key, prop):
        return self.index[key]._props.get(prop)

    def has_prop(self, key, prop):
        return prop in self.index[key]._props

    def set(self, key, prop, value):
        """Store a prop value. Returns (ids of the components it brought in, ids of those it took out):
        every id inside new components counts as brought in, even one that was there before."""
        component = self.index[key]
        old = component._props.get(prop)
        component._props[prop] = value
        component._on_set(prop)
        if has_components(value) or has_components(old):
            before = set(self.index)
            self.index, self._dict_keys = {}, {}
            self._index(self.layout)
            self.version += 1
            added = [id_key(c._props["id"]) for c in walk_children(value) if "id" in c._props]
            return added, [k for k in before if k not in self.index]
        return [], []

    def ids(self):
        """Component ids (string or dict), in layout order."""
        return [c._props["id"] for c in self.index.values()]

    def layout_json(self):
        return to_json(self.layout)
