"""The callback graph: which callbacks read and write which properties (ids may be patterns)."""

from .patterns import is_pattern
from .protocol import prop_key


def dep_key(dep):
    return prop_key(dep.component_id, dep.component_property)


class CallbackGraph:
    def __init__(self, specs):
        self.specs = list(specs)
        self._inputs_by_prop = {}  # prop name -> [(spec, Input)], for patterns and plain ids alike
        for spec in self.specs:
            for dep in spec.inputs:
                self._inputs_by_prop.setdefault(dep.component_property, []).append((spec, dep))

    def inputs_on(self, prop):
        """Every (callback, Input) whose property is ``prop``."""
        return self._inputs_by_prop.get(prop, ())

    @staticmethod
    def uses_patterns(spec):
        return any(is_pattern(d.component_id) for d in spec.outputs + spec.inputs + spec.states)
