"""Which callbacks run, in which order, and what they write: dash-renderer's rules, run to completion.

Dash's renderer sends ready callbacks to the server concurrently; here they run one after the other,
which gives the same store for every rule below. References are to ../shared/reference/dash-semantics.md.
"""

import time

from .context import CallContext, calling
from .errors import describe
from .exceptions import InvalidCallbackReturnValue, PreventUpdate
from .graph import dep_key
from .nothing import is_no_update
from .protocol import id_key
from .store import to_json

DIRECT, INDIRECT = 2, 1


class Request:
    """A callback waiting to run, with the props that triggered it (Dash's changedPropIds)."""

    def __init__(self, spec, changed, predecessors=()):
        self.spec = spec
        self.changed = dict(changed)
        self.predecessors = set(predecessors)


class Scheduler:
    def __init__(self, graph, store, filename):
        self.graph = graph
        self.store = store
        self.filename = filename

    # -- entry points ---------------------------------------------------------------------------
    def initial(self):
        """Run the initial callbacks (rules 11-14, 22) and return (patches, runs)."""
        excluded, requests = set(), []
        candidates = [s for s in self.graph.specs if not s.prevent_initial_call and
                      any(self.store.has(id_key(o.component_id)) for o in s.outputs)]
        # Rule 12: drop callbacks whose inputs are all absent or written only by dropped callbacks.
        changed = True
        while changed:
            changed = False
            for spec in candidates:
                if spec.id in excluded or not spec.inputs:
                    continue
                if all(not self.store.has(id_key(d.component_id)) or dep_key(d) in excluded
                       for d in spec.inputs):
                    excluded.add(spec.id)
                    excluded.update(self.graph.output_keys(spec))
                    changed = True
        requests = [Request(s, {}) for s in candidates if s.id not in excluded]
        return self._run(requests, group=True)

    def change(self, component_id, props):
        """A reader's edit (one setProps): store the props that differ, run what they trigger."""
        key = id_key(component_id)
        if not self.store.has(key):
            raise KeyError(f"no component with id {key!r} in the layout")
        changed = []
        for prop, value in props.items():
            if self.store.get(key, prop) != value:   # rule 17: unchanged props do not trigger
                self.store.set(key, prop, value)
                changed.append(f"{key}.{prop}")
        pending = []
        for prop in changed:
            for spec in self.graph.by_input.get(prop, ()):
                self._request(pending, spec, {prop: DIRECT}, ())
        return self._run(pending, group=False)

    # -- the loop -------------------------------------------------------------------------------
    def _run(self, pending, group):
        patches, runs = [], []
        group_outputs = set()
        for request in pending:
            group_outputs.update(self.graph.output_keys(request.spec))
        while pending:
            # Rule 20: ready = no Input is a (transitively) pending output; an output that is also
            # an input of the same callback does not block it. State is not waited for.
            blocked = set()
            for request in pending:
                blocked |= self.graph.subsequent_outputs(request.spec)
            ready = [r for r in pending
                     if not (set(self.graph.input_keys(r.spec)) - set(self.graph.output_keys(r.spec))) & blocked]
            if not ready:       # rule 23: a runtime cycle; take the first and let predecessors prune
                ready = [pending[0]]
            for request in ready:
                pending.remove(request)
                inputs = self.graph.input_keys(request.spec)
                # Rule 22: in an initial group, skip a callback fed only by group outputs none of
                # which were written (their callbacks prevented the update).
                if group and not request.changed and inputs and all(k in group_outputs for k in inputs):
                    continue
                self._execute(request, pending, patches, runs)
        return patches, runs

    def _request(self, pending, spec, changed, predecessors):
        if spec.id in predecessors:
            return                              # rule 23: each callback of a loop runs once
        for request in pending:
            if request.spec.id == spec.id:      # rule 19: merge into the queued request
                request.changed.update(changed)
                request.predecessors |= set(predecessors)
                return
        pending.append(Request(spec, changed, predecessors))

    def _execute(self, request, pending, patches, runs):
        spec = request.spec
        run = {"callback": spec.id, "function": spec.name, "triggered": list(request.changed),
               "inputs": {}, "outputs": {}, "status": "ok", "ms": 0.0}
        runs.append(run)
        try:
            args, inputs, states = self._read_args(spec)
            run["inputs"] = {**inputs, **states}
            call = CallContext(list(request.changed), inputs, states,
                               [(o.component_id, o.component_property) for o in spec.outputs])
            start = time.perf_counter()
            try:
                with calling(call):
                    result = spec.func(*args)
            finally:
                run["ms"] = round((time.perf_counter() - start) * 1000, 3)
            writes = self._outputs(spec, result)
        except PreventUpdate:
            run["status"] = "prevented"
            return
        except Exception as exc:  # any error: the outputs stay as they were (rule 25)
            run["status"] = "error"
            run["error"] = describe(exc, self.filename)
            return
        for dep, value in writes:
            key = id_key(dep.component_id)
            prop_id = dep_key(dep)
            self.store.set(key, dep.component_property, value)
            json_value = to_json(value)
            run["outputs"][prop_id] = json_value
            patches.append({"id": dep.component_id, "props": {dep.component_property: json_value}})
            # Rule 18: written outputs trigger their dependents even when the value is unchanged.
            for nxt in self.graph.by_input.get(prop_id, ()):
                self._request(pending, nxt, {prop_id: INDIRECT}, request.predecessors | {spec.id})

    def _read_args(self, spec):
        values, inputs, states = [], {}, {}
        for deps, into, kind in ((spec.inputs, inputs, "Input"), (spec.states, states, "State")):
            for dep in deps:
                key = id_key(dep.component_id)
                if not self.store.has(key):
                    raise ReferenceError(_nonexistent(kind, dep, self.store.ids()))
                value = self.store.get(key, dep.component_property)
                into[dep_key(dep)] = value
                values.append(value)
        return values, inputs, states

    def _outputs(self, spec, result):
        """[(Output, value)] to write, after Dash's checks of the returned value (rules 24, 26, 28)."""
        if not spec.outputs:
            if result is not None:
                raise InvalidCallbackReturnValue(f"No-output callback received return value: {result!r}")
            return []
        if spec.multi:
            if is_no_update(result):
                return []
            if not isinstance(result, (list, tuple)):
                raise InvalidCallbackReturnValue(
                    f"The callback {spec.id} is a multi-output.\n"
                    f"Expected the output type to be a list or tuple but got:\n{result!r}.")
            if len(result) != len(spec.outputs):
                raise InvalidCallbackReturnValue(
                    f"Invalid number of output values for {spec.id}.\n"
                    f"Expected {len(spec.outputs)}, got {len(result)}")
            values = list(result)
        else:
            values = [result]
        writes = []
        for dep, value in zip(spec.outputs, values):
            if is_no_update(value):
                continue
            try:
                to_json(value)
            except TypeError as exc:
                raise InvalidCallbackReturnValue(
                    f"The callback for `{dep}` returned a value {exc}.") from None
            if not self.store.has(id_key(dep.component_id)):
                raise ReferenceError(_nonexistent("Output", dep, self.store.ids()))
            writes.append((dep, value))
        return writes


def _nonexistent(kind, dep, ids):
    return (f"A nonexistent object was used in an `{kind}` of a Dash callback. The id of this object is "
            f"`{dep.component_id_str()}` and the property is `{dep.component_property}`. The string ids in "
            f"the current layout are: [{', '.join(i for i in ids if not i.startswith('{'))}]")
