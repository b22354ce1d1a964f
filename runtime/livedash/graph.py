"""The callback graph: an app's callbacks, with their Inputs indexed by property (plain ids and patterns alike),
so that the callbacks a prop change may fire are found without a pass over them all."""

from __future__ import annotations

from .protocol import prop_key

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .callbacks import CallbackSpec
    from .dependencies import DashDependency, Input


def dep_key(dep: DashDependency) -> str:
    """A dependency's prop key, "<id key>.<prop>" (protocol.prop_key)."""
    return prop_key(dep.component_id, dep.component_property)


class CallbackGraph:
    def __init__(self, specs: Iterable[CallbackSpec]) -> None:
        self.specs = list(specs)
        # prop name -> [(spec, Input)], for patterns and plain ids alike
        self._inputs_by_prop: dict[str, list[tuple[CallbackSpec, Input]]] = {}
        for spec in self.specs:
            for dep in spec.inputs:
                self._inputs_by_prop.setdefault(dep.component_property, []).append((spec, dep))

    def inputs_on(self, prop: str) -> Sequence[tuple[CallbackSpec, Input]]:
        """Every (callback, Input) whose property is ``prop``."""
        return self._inputs_by_prop.get(prop, ())
