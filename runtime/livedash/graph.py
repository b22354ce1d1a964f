"""The callback graph: which callbacks read and write which ``id.prop``."""

from .protocol import prop_key


def dep_key(dep):
    return prop_key(dep.component_id, dep.component_property)


class CallbackGraph:
    def __init__(self, specs):
        self.specs = list(specs)
        self.by_input = {}    # "id.prop" -> [spec] that have it as Input
        self.by_output = {}   # "id.prop" -> [spec] that write it
        for spec in self.specs:
            for dep in spec.inputs:
                self.by_input.setdefault(dep_key(dep), []).append(spec)
            for dep in spec.outputs:
                self.by_output.setdefault(dep_key(dep), []).append(spec)
        self._subsequent = {}

    def input_keys(self, spec):
        return [dep_key(d) for d in spec.inputs]

    def output_keys(self, spec):
        return [dep_key(d) for d in spec.outputs]

    def subsequent_outputs(self, spec):
        """Every prop written by ``spec`` or, transitively, by callbacks it feeds (Dash's
        getAllSubsequentOutputsForCallback)."""
        if spec.id not in self._subsequent:
            seen, outputs = {spec.id}, set()
            frontier = [spec]
            while frontier:
                current = frontier.pop()
                for key in self.output_keys(current):
                    outputs.add(key)
                    for nxt in self.by_input.get(key, ()):
                        if nxt.id not in seen:
                            seen.add(nxt.id)
                            frontier.append(nxt)
            self._subsequent[spec.id] = outputs
        return self._subsequent[spec.id]
