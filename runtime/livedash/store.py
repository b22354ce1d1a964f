"""The app's state, as dash-renderer's store holds it: the component tree and the props given so far."""

from __future__ import annotations

from .components.base import Component, walk_children
from .exceptions import DuplicateIdError
from .protocol import id_key

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from typing import Any

    from .app import LayoutTree
    from .jsontypes import JSON, ComponentId


def to_json(value: Any) -> JSON:
    """A prop value as JSON data (components become their JSON form, tuples become lists); a new object,
    never ``value`` itself."""
    if isinstance(value, Component):
        return {
            "props": {k: to_json(v) for k, v in value._props.items()},
            "type": value._type,
            "namespace": value._namespace,
        }
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "to_plotly_json"):
        return to_json(value.to_plotly_json())
    raise TypeError(f"{value!r} (type {type(value).__name__}) is not JSON serializable")


_classes: dict[tuple[str, str], type[Component]] = {}  # (namespace, type) -> class, found when first asked


def _component_class(namespace: str, type_name: str) -> type[Component] | None:
    """The component class of a JSON component: Dash's own (html, dcc, dash_table) or a library's that the
    app imported."""
    key = (namespace, type_name)
    if key not in _classes:
        stack = [Component]
        while stack:
            for sub in stack.pop().__subclasses__():
                stack.append(sub)
                found = (sub._namespace, sub._type)  # (Component's class attributes: every subclass has them)
                if not (found[0] and found[1]) or sub.__name__.startswith("_"):
                    continue
                # A class is found before its subclasses: livedash's own subclass of a generated class
                # (dcc.Slider, RangeSlider, Store, which keep drag_value and modified_timestamp) takes its place.
                known = _classes.get(found)
                if known is None or (issubclass(sub, known) and sub.__module__.startswith("livedash.")):
                    _classes[found] = sub
    return _classes.get(key)


def _children_roots(cls: type[Component]) -> set[str]:
    """The props of a class that may hold components: children and the first step of each children prop."""
    specs = getattr(cls, "_children_props", None) or ()
    return {"children"} | {str(spec).split(".")[0].replace("[]", "").replace("{}", "") for spec in specs}


def revive(value: Any, deep: bool = False) -> Any:
    """``value`` with the components it holds in their JSON form (as a callback reads them from a State,
    ``{"props", "type", "namespace"}``) made components again, so that the store indexes their ids and
    draws them as it draws any component. Dash's renderer takes both forms alike. ``deep``: also inside plain
    dicts (a children prop such as options[].label)."""
    if isinstance(value, (list, tuple)):
        return [revive(v, deep) for v in value]
    if isinstance(value, dict) and isinstance(value.get("props"), dict) and set(value) >= {"type", "namespace"}:
        cls = _component_class(value["namespace"], value["type"])
        if cls is not None:
            props = dict(value["props"])
            for name in _children_roots(cls) & set(props):
                props[name] = revive(props[name], deep=name != "children")
            try:
                return cls(**props)
            except (TypeError, ValueError):
                return value
    elif deep and isinstance(value, dict):
        return {k: revive(v, deep) for k, v in value.items()}
    return value


def has_components(value: Any) -> bool:
    if isinstance(value, Component):
        return True
    if isinstance(value, (list, tuple)):
        return any(has_components(v) for v in value)
    return isinstance(value, dict) and any(has_components(v) for v in value.values())


class Store:
    def __init__(self, layout: LayoutTree) -> None:
        self.layout = layout
        self.index: dict[str, Component] = {}  # id key -> component, in layout order
        self.version = 0  # bumped whenever components come or go
        self._dict_keys: dict[
            int, tuple[dict[str, Any], str]
        ] = {}  # id() of a dict id in the layout -> (that dict, its key): see key_of
        # (id, {prop: value}) that components set themselves (Dash's setProps from a component, e.g. a
        # dcc.Store's modified_timestamp), already stored: the scheduler fires their callbacks.
        self.reported: list[tuple[ComponentId, dict[str, Any]]] = []
        self._index(layout, initial=True)

    def _index(self, tree: Any, initial: bool = False) -> None:
        for component in walk_children(tree):
            self._report(component, component._on_mount())
            if "id" in component._props:
                cid = component._props["id"]
                key = id_key(cid)
                if initial and key in self.index:
                    raise DuplicateIdError(f"Duplicate component id found in the initial layout: `{key}`")
                self.index[key] = component
                if isinstance(cid, dict):
                    self._dict_keys[id(cid)] = (cid, key)

    def key_of(self, cid: ComponentId) -> str:
        """``id_key(cid)``, remembered for the dict ids of the layout: an ALL over many components keys
        every one of them several times per call. (The entry holds the dict, so its id() stays its own.)"""
        known = self._dict_keys.get(id(cid))
        return known[1] if known is not None and known[0] is cid else id_key(cid)

    def has(self, key: str) -> bool:
        return key in self.index

    def get(self, key: str, prop: str) -> Any:
        return self.index[key]._props.get(prop)

    def has_prop(self, key: str, prop: str) -> bool:
        return prop in self.index[key]._props

    def set(self, key: str, prop: str, value: Any) -> tuple[list[str], list[str]]:
        """Store a prop value. Returns (ids of the components it brought in, ids of those it took out):
        every id inside new components counts as brought in, even one that was there before."""
        component = self.index[key]
        old = component._props.get(prop)
        component._props[prop] = value
        self._report(component, component._on_set(prop))
        if has_components(value) or has_components(old):
            before = set(self.index)
            self.index, self._dict_keys = {}, {}
            self._index(self.layout)
            self.version += 1
            added = [id_key(c._props["id"]) for c in walk_children(value) if "id" in c._props]
            return added, [k for k in before if k not in self.index]
        return [], []

    def _report(self, component: Component, props: dict[str, Any] | None) -> None:
        if props and "id" in component._props:
            component._props.update(props)
            self.reported.append((component._props["id"], props))

    def ids(self) -> list[ComponentId]:
        """Component ids (string or dict), in layout order."""
        return [c._props["id"] for c in self.index.values()]

    def layout_json(self) -> JSON:
        return to_json(self.layout)
