"""``dash.Patch``: record changes to a prop's value; the store applies them to the value it holds.

The proxy is write-only, as in Dash: item/attribute assignment and deletion, ``append``, ``prepend``,
``insert``, ``extend``/``+=`` a list, ``+= -= *= /=`` a number, ``update``/``|=`` a dict, ``clear``,
``reverse`` and ``remove``. Reading, iterating or slicing raise.
"""

from __future__ import annotations

import copy

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any, NoReturn, TypeAlias

    from .jsontypes import JSON

    Key: TypeAlias = str | int  # a step of a location: a dict key or a list index (negative from the end)
    Operation: TypeAlias = dict[str, Any]  # {"operation": name, "location": [Key], "params": {...}}


class _Recorded:
    """What augmented assignment on an item returns: the operation is already recorded, so the item
    assignment that follows (``patch["n"] += 1`` is ``patch["n"] = patch["n"].__iadd__(1)``) records nothing."""


_NOOP = _Recorded()


def _check_key(key: object) -> None:
    if isinstance(key, slice):
        raise TypeError("a slice is not supported by Patch, use an index instead")


class Patch:
    _location: list[Key]
    _operations: list[Operation]  # shared by a Patch and the items taken from it

    def __init__(self, location: Iterable[Key] | None = None, parent: Patch | None = None) -> None:
        object.__setattr__(self, "_location", list(location or (parent._location if parent else [])))
        object.__setattr__(self, "_operations", parent._operations if parent is not None else [])

    def _record(self, name: str, location: list[Key] | None = None, **params: Any) -> None:
        self._operations.append(
            {"operation": name, "location": list(self._location if location is None else location), "params": params}
        )

    def __getitem__(self, key: Key) -> Patch:
        _check_key(key)
        return Patch(self._location + [key], self)

    def __getattr__(self, name: str) -> Patch:
        if name.startswith("__") or name == "tolist":
            raise AttributeError(name)
        return self[name]

    def __setitem__(self, key: Key, value: Any) -> None:
        _check_key(key)
        if value is not _NOOP:
            self._record("Assign", self._location + [key], value=value)

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delitem__(self, key: Key) -> None:
        _check_key(key)
        self._record("Delete", self._location + [key])

    __delattr__ = __delitem__

    def _augmented(self, name: str, value: Any) -> Patch | _Recorded:
        self._record(name, value=value)
        return self if not self._location else _NOOP

    def __iadd__(self, other: Any) -> Patch | _Recorded:
        if isinstance(other, (list, tuple)):
            self.extend(other)
            return self if not self._location else _NOOP
        return self._augmented("Add", other)

    def __isub__(self, other: Any) -> Patch | _Recorded:
        return self._augmented("Sub", other)

    def __imul__(self, other: Any) -> Patch | _Recorded:
        return self._augmented("Mul", other)

    def __itruediv__(self, other: Any) -> Patch | _Recorded:
        return self._augmented("Div", other)

    def __ior__(self, other: Mapping[str, Any]) -> Patch | _Recorded:
        self.update(other)
        return self if not self._location else _NOOP

    def __iter__(self) -> NoReturn:
        raise TypeError("Patch objects are write-only, you cannot iterate them.")

    def __repr__(self) -> str:
        return f"<write-only dash.Patch object at {self._location}>"

    def append(self, item: Any) -> None:
        self._record("Append", value=item)

    def prepend(self, item: Any) -> None:
        self._record("Prepend", value=item)

    def insert(self, index: int, item: Any) -> None:
        self._record("Insert", value=item, index=index)

    def extend(self, items: list[Any] | tuple[Any, ...]) -> None:
        if not isinstance(items, (list, tuple)):
            raise TypeError(f"{items} should be a list or tuple")
        self._record("Extend", value=list(items))

    def clear(self) -> None:
        self._record("Clear")

    def reverse(self) -> None:
        self._record("Reverse")

    def remove(self, item: Any) -> None:
        self._record("Remove", value=item)

    def update(self, E: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None, **F: Any) -> None:
        value = dict(E or {})
        value.update(F)
        self._record("Merge", value=value)

    def sort(self) -> NoReturn:
        raise KeyError("sort is reserved for future use, use brackets to access this key on your object")

    def to_plotly_json(self) -> dict[str, Any]:
        return {"__dash_patch_update": "__dash_patch_update", "operations": self._operations}


def is_patch(value: Any) -> bool:
    return isinstance(value, Patch) or (
        isinstance(value, dict) and value.get("__dash_patch_update") == "__dash_patch_update"
    )


class PatchError(ValueError):
    pass


def apply(current: JSON, patch: Patch | dict[str, Any], present: bool = True) -> JSON:
    """The new prop value: ``patch``'s operations applied to a copy of ``current`` (dash-renderer's rules).
    ``present``: the prop has a value (None counts: dash-renderer refuses only a prop that is undefined)."""
    operations = patch.to_plotly_json()["operations"] if isinstance(patch, Patch) else patch["operations"]
    if not present:
        raise PatchError("Cannot patch undefined")
    value = copy.deepcopy(current)
    for op in operations:
        value = _apply_one(value, op["operation"], list(op["location"]), op["params"])
    return value


def _resolve(container: JSON, key: Key) -> Key:
    if isinstance(container, list) and isinstance(key, int) and key < 0:
        return len(container) + key
    return key


def _apply_one(value: JSON, name: str, location: list[Key], params: dict[str, Any]) -> JSON:
    if name == "Delete":
        return _delete(value, location)
    if name == "Assign":
        *path, last = location
        target = _walk(value, path)
        last = _resolve(target, last)
        if isinstance(target, list) and last == len(target):
            target.append(params["value"])
        else:
            target[last] = params["value"]
        return value
    if not location:
        return _change(value, name, params)
    *path, last = location
    parent = _walk(value, path)
    last = _resolve(parent, last)
    parent[last] = _change(parent[last], name, params)
    return value


def _delete(value: JSON, location: list[Key]) -> JSON:
    """``del patch[...]`` as dash-renderer applies it (ramda's dissocPath): a key or index that is not
    there, or a path through a missing or null value, changes nothing."""
    target = value
    *path, last = location
    for key in path:
        key = _resolve(target, key)
        if isinstance(target, dict):
            target = target.get(key)
        elif isinstance(target, list) and isinstance(key, int) and 0 <= key < len(target):
            target = target[key]
        else:
            target = None
        if target is None:
            return value
    last = _resolve(target, last)
    if isinstance(target, dict):
        target.pop(last, None)
    elif isinstance(target, list) and isinstance(last, int) and 0 <= last < len(target):
        del target[last]
    return value


def _walk(value: JSON, path: list[Key]) -> JSON:
    for key in path:
        value = value[_resolve(value, key)]
    return value


def _change(target: JSON, name: str, params: dict[str, Any]) -> JSON:
    v: JSON = params.get("value")
    if target is None:  # (ramda's list and merge operations take null as empty, as on a children=None)
        target = {} if name == "Merge" else [] if name in ("Append", "Prepend", "Insert", "Extend") else target
    if name == "Append":
        return target + [v]
    if name == "Prepend":
        return [v] + target
    if name == "Insert":
        index = _resolve(target, params["index"])
        return target[:index] + [v] + target[index:]
    if name == "Extend":
        return target + list(v)
    if name == "Merge":
        return {**target, **v}
    if name == "Clear":
        return type(target)()
    if name == "Reverse":
        return list(reversed(target))
    if name == "Remove":
        return [item for item in target if item != v]
    if name == "Add":
        return target + v
    if name == "Sub":
        return target - v
    if name == "Mul":
        return target * v
    if name == "Div":
        return target / v
    raise PatchError(f"unknown Patch operation {name}")
