"""Which callbacks run, in which order, and what they write: dash-renderer's rules, run to completion.

Dash's renderer sends ready callbacks to the server concurrently; here they run one after the other,
which gives the same store for the rules below. Rule numbers refer to
livedash/SEMANTICS.md. A request is a callback plus, for pattern-matching callbacks,
the MATCH values it runs for (its *binding*).
"""

import time

from .context import CallContext, calling
from .dependencies import ALLSMALLER
from .errors import describe
from .exceptions import BackgroundCallbackError, InvalidCallbackReturnValue, PreventUpdate
from .graph import dep_key
from .grouping import flatten_like, validate
from .nothing import is_no_update, no_update
from .patch import apply as apply_patch
from .patch import is_patch
from .patterns import binding_of, freeze, id_sort_key, is_multi, is_pattern, match_keys, matches
from .protocol import id_key
from .store import revive, to_json

DIRECT, INDIRECT = 2, 1


class Request:
    """A callback waiting to run, with the props that triggered it (Dash's changedPropIds)."""

    def __init__(self, spec, binding, changed, predecessors=()):
        self.spec = spec
        self.binding = binding            # frozen ((key, value), ...) of MATCH values
        self.changed = dict(changed)
        self.predecessors = set(predecessors)

    @property
    def identity(self):
        return (self.spec.id, self.binding)


class Scheduler:
    def __init__(self, graph, store, filename, notify=None):
        self.graph = graph
        self.store = store
        self.filename = filename
        self.notify = notify              # called with patches to show at once (running=), or None
        self._resolved = {}               # (pattern, binding) -> ids, valid while no component comes or goes
        self._resolved_version = None
        # Background callbacks (rule 45): jobs running in a worker of their own, the jobs the page must
        # start or stop, and requests that wait for a job's outputs.
        self.jobs = {}
        self.started, self.cancelled, self.parked = [], [], []
        self._job_numbers = iter(range(1, 1 << 62))

    # -- resolving dependencies against the layout ------------------------------------------------
    def resolve(self, dep, binding):
        """A concrete id for a single dependency (None when absent), a list of ids for ALL/ALLSMALLER."""
        pattern = dep.component_id
        if not is_pattern(pattern):
            return pattern if self.store.has(id_key(pattern)) else None
        if self._resolved_version != self.store.version:
            self._resolved, self._resolved_version = {}, self.store.version
        cache_key = (dep.component_id_str(), binding)
        found = self._resolved.get(cache_key)
        if found is None:
            bound = dict(binding)
            found = self._resolved[cache_key] = [cid for cid in self.store.ids() if matches(pattern, cid, bound)]
        if is_multi(dep):
            return found
        return found[0] if found else None

    def _match_source(self, spec):
        """The dependency whose components give a pattern callback its bindings."""
        for dep in spec.outputs + spec.inputs + spec.states:
            if match_keys(dep.component_id):
                return dep
        return None

    def bindings(self, spec):
        """Every binding a callback can run for in the current layout ([()] without MATCH)."""
        source = self._match_source(spec)
        if source is None:
            return [()]
        seen = []
        for cid in self.store.ids():
            if matches(source.component_id, cid):
                frozen = freeze(binding_of(source.component_id, cid))
                if frozen not in seen:
                    seen.append(frozen)
        return seen

    def _keys(self, deps, binding):
        keys = []
        for dep in deps:
            resolved = self.resolve(dep, binding)
            for cid in resolved if isinstance(resolved, list) else [resolved] if resolved is not None else []:
                keys.append(f"{self.store.key_of(cid)}.{dep.component_property}")
        return keys

    def triggered_by(self, component_id, prop):
        """[(spec, binding)] of the callbacks that a change of ``component_id.prop`` fires."""
        found = []
        for spec, dep in self.graph.inputs_on(prop):
            if not matches(dep.component_id, component_id):
                continue
            own = binding_of(dep.component_id, component_id)
            source = self._match_source(spec)
            wanted = set(match_keys(source.component_id)) if source is not None else set()
            if wanted <= set(own):
                candidates = [freeze({k: own[k] for k in wanted})]
            else:   # e.g. an ALL or plain Input feeding MATCH outputs: every instance runs
                candidates = [b for b in self.bindings(spec) if all(dict(b).get(k, v) == v for k, v in own.items())]
            smaller = [k for k, v in (dep.component_id.items() if isinstance(dep.component_id, dict) else ())
                       if v is ALLSMALLER]
            for binding in candidates:
                if all(id_sort_key(component_id[k]) < id_sort_key(dict(binding)[k]) for k in smaller):
                    found.append((spec, binding))
        return found

    # -- entry points ---------------------------------------------------------------------------
    def initial(self):
        """The run of the initial callbacks (rules 11-14, 22): a generator, see :meth:`_run`."""
        pending = self._initial_requests(self.graph.specs, within=None)
        self._reported(pending, None)    # what components set as they were first drawn (the layout has it)
        return self._run(pending, group=True)

    def _initial_requests(self, specs, within):
        """Initial calls of ``specs`` (rules 11 and 12); ``within``: only outputs among these id keys."""
        candidates = []
        for spec in specs:
            if spec.prevent_initial_call and spec.prevent_initial_call != "initial_duplicate":  # rule 7
                continue
            for binding in self.bindings(spec):
                outputs = self._keys(spec.outputs, binding)
                if within is not None:
                    outputs = [k for k in outputs if k.rsplit(".", 1)[0] in within]
                if spec.outputs and not outputs:
                    continue
                if not spec.outputs and spec.inputs and not self._keys(spec.inputs, binding):
                    continue
                candidates.append(Request(spec, binding, {}))
        # Rule 12: drop callbacks whose single inputs are all absent or written only by dropped ones.
        excluded, changed = set(), True
        while changed:
            changed = False
            for request in candidates:
                spec = request.spec
                if request.identity in excluded or not spec.inputs or any(is_multi(d) for d in spec.inputs):
                    continue
                present = self._keys(spec.inputs, request.binding)
                if all(key in excluded for key in present):
                    excluded.add(request.identity)
                    excluded.update(self._keys(spec.outputs, request.binding))
                    changed = True
        kept = [r for r in candidates if r.identity not in excluded]
        # Dash requests initial calls in layout order, by the first output component it meets (no-output
        # callbacks last); the order decides where a loop of initial calls is entered (rule 23).
        place = {key: number for number, key in enumerate(self.store.index)}

        def first_output(request):
            keys = self._keys(request.spec.outputs, request.binding)
            return min((place.get(k.rsplit(".", 1)[0], len(place)) for k in keys), default=len(place))
        return sorted(kept, key=first_output)

    def change(self, component_id, props):
        """A reader's edit (one setProps): store the props that differ now, and return the run of what
        they trigger (a generator, see :meth:`_run`). A component without an id (``None``) cannot be an
        Input: nothing fires, as in Dash, and the page keeps the value it shows."""
        if component_id is None:
            return self._run([], group=False)
        key = id_key(component_id)
        if not self.store.has(key):
            raise KeyError(f"no component with id {key!r} in the layout")
        changed = []
        for prop, value in props.items():
            if self.store.get(key, prop) != value or not self.store.has_prop(key, prop):   # rule 17
                self.store.set(key, prop, value)
                changed.append(prop)
        pending, patches, runs = [], [], []
        changed_keys = {f"{key}.{prop}" for prop in changed}
        for number, job in list(self.jobs.items()):
            if any(dep_key(d) in changed_keys for d in job.spec.background["cancel"]):
                self._stop_job(number, patches)       # the job ends; its outputs stay as they were
        for prop in changed:
            for spec, binding in self.triggered_by(component_id, prop):
                self._request(pending, spec, binding, {f"{key}.{prop}": DIRECT}, ())
        self._reported(pending, patches)
        return self._run(pending, group=False, patches=patches, runs=runs)

    def _reported(self, pending, patches):
        """Props that components set themselves after a change (a dcc.Store's modified_timestamp when its
        data changed, or when it was first drawn with data): Dash's renderer takes such a setProps as any
        other, so their callbacks fire, merged with those already queued (rule 19). ``patches``: where the
        page learns them (None when the page gets the whole layout)."""
        while self.store.reported:
            component_id, props = self.store.reported.pop(0)
            key = id_key(component_id)
            if not self.store.has(key):
                continue
            if patches is not None:
                patches.append({"id": component_id, "props": {p: to_json(v) for p, v in props.items()}})
            for prop in props:
                for spec, binding in self.triggered_by(component_id, prop):
                    self._request(pending, spec, binding, {f"{key}.{prop}": DIRECT}, ())

    # -- background jobs ------------------------------------------------------------------------
    def take_jobs(self):
        """(jobs the page must start, job numbers it must stop) since the last call."""
        started, cancelled = self.started, self.cancelled
        self.started, self.cancelled = [], []
        return started, cancelled

    def _start_job(self, request, call, outputs_list, values, run, patches):
        spec = request.spec
        for number, job in list(self.jobs.items()):
            if job.request.identity == request.identity:
                self._stop_job(number, [])   # re-triggered: Dash drops the old job's result
        number = next(self._job_numbers)
        self.jobs[number] = Job(request, call, outputs_list)
        self.started.append({"job": number, "callback": spec.id, "args": to_json(values), "context": call.facts(),
                             "progress": bool(spec.background["progress"])})
        run["status"], run["job"] = "running", number
        self._write_running(spec, 1, patches)

    def _stop_job(self, number, patches):
        job = self.jobs.pop(number)
        self.cancelled.append(number)
        self._write_running(job.spec, 2, patches)
        self._write_progress_default(job.spec, patches)

    def _write_progress_default(self, spec, patches):
        progress, default = spec.background["progress"], spec.background["progress_default"]
        if progress and default is not None:
            for dep, value in zip(progress, default):
                if self.store.has(id_key(dep.component_id)):
                    self.store.set(id_key(dep.component_id), dep.component_property, value)
                    patches.append({"id": dep.component_id, "props": {dep.component_property: to_json(value)}})

    def job_progress(self, number, value):
        """The run that a job's set_progress(value) starts (a generator, see :meth:`_run`)."""
        job, pending, patches = self.jobs.get(number), [], []
        if job is not None:
            progress = job.spec.background["progress"]
            values = value if job.spec.background["multi_progress"] else [value]
            writes = [(d.component_id, d.component_property, v) for d, v in zip(progress, values)]
            self._write(writes, job.request, pending, patches, {"outputs": {}})
        return self._run(pending, group=False, patches=patches)

    def job_done(self, number, answer):
        """The run that a finished job starts: its outputs are written (a generator, see :meth:`_run`)."""
        job = self.jobs.pop(number, None)
        pending, patches, runs = list(self.parked), [], []
        self.parked = []
        if job is None:          # stopped or replaced meanwhile: its result is dropped
            return self._run(pending, group=False)
        spec = job.request.spec
        run = {"callback": spec.id, "function": spec.name, "triggered": list(job.request.changed),
               "inputs": {**job.call._flat(job.call.inputs_list), **job.call._flat(job.call.states_list)},
               "outputs": {}, "status": "ok", "ms": answer.get("ms", 0.0), "job": number}
        runs.append(run)
        self._write_running(spec, 2, patches)
        self._write_progress_default(spec, patches)
        try:
            if answer.get("prevented"):
                raise PreventUpdate
            for component_id, props in answer.get("set_props") or []:
                job.call.side_updates[id_key(component_id)] = (component_id, props)
            if answer.get("error"):
                value = _job_error(spec, job.call, answer["error"])
            else:
                value = _as_returned(spec, answer.get("value"))
            writes = [(cid, prop, value) for cid, props in job.call.side_updates.values() for prop, value in props.items()]
            writes += self._outputs(spec, job.outputs_list, value)
            writes = self._resolve_patches(writes)
        except PreventUpdate:
            run["status"] = "prevented"
        except Exception as exc:
            run["status"], run["error"] = "error", describe(exc, self.filename)
            if isinstance(exc, RemoteError) and answer.get("error", {}).get("traceback"):
                run["error"]["traceback"] = answer["error"]["traceback"]
                run["error"]["line"] = answer["error"].get("line")
        else:
            self._write(writes, job.request, pending, patches, run)
        return self._run(pending, group=False, patches=patches, runs=runs)

    # -- the loop -------------------------------------------------------------------------------
    def _run(self, pending, group, patches=None, runs=None):
        """Run ``pending`` to completion. A generator: it yields when a clientside callback must run in the
        page ({"clientside": ..., "patches": [...], "trace": [...]} with what happened since the last yield),
        takes the page's answer via ``send``, and finally returns (patches, runs) not yet handed out."""
        patches = [] if patches is None else patches
        runs = [] if runs is None else runs
        sent_patches = sent_runs = 0
        finished_outputs = set()   # props that callbacks of this group, now finished, could have written
        while pending:
            # Rule 20: ready = no Input is a (transitively) pending output; an output that is also
            # an input of the same callback does not block it. State is not waited for.
            blocked = set()
            for request in pending:
                blocked |= self._subsequent_outputs(request)
            by_jobs = set()     # what running background jobs will write
            for job in self.jobs.values():
                by_jobs |= self._subsequent_outputs(job.request)
            ready, waiting_for_jobs = [], []
            for request in pending:
                inputs = set(self._keys(request.spec.inputs, request.binding))
                inputs -= set(self._keys(request.spec.outputs, request.binding))
                if not inputs & blocked:
                    (waiting_for_jobs if inputs & by_jobs else ready).append(request)
            if not ready and waiting_for_jobs:   # the rest waits for background jobs to finish
                self.parked += pending
                break
            if not ready:       # rule 23: a runtime cycle
                ready = self._loop_entries(pending)
            # Dash sends every ready callback at once: each reads the store as it is now (a State
            # written by another callback of the same batch is read before that write).
            batch = []
            for request in ready:
                pending.remove(request)
                inputs = self._keys(request.spec.inputs, request.binding)
                # Rule 22: in an initial group, skip a callback fed only by outputs of finished group
                # callbacks none of which were written (they prevented the update).
                if group and not request.changed and inputs and all(k in finished_outputs for k in inputs):
                    continue
                batch.append((request, self._prepare(request)))
            for request, prepared in batch:
                steps, answer = self._execute(request, prepared, pending, patches, runs), None
                while True:
                    try:
                        ask = steps.send(answer)
                    except StopIteration:
                        break
                    # The clientside run itself (the last record) is handed out once it has its outcome.
                    answer = yield {"clientside": ask, "patches": patches[sent_patches:], "trace": runs[sent_runs:-1]}
                    sent_patches, sent_runs = len(patches), len(runs) - 1
                if group:
                    finished_outputs.update(self._keys(request.spec.outputs, request.binding))
        return patches[sent_patches:], runs[sent_runs:]

    def _loop_entries(self, pending):
        """Rule 23, as dash-renderer breaks a loop: assume the first request is ready, then each next one
        whose Inputs no assumed-ready request writes directly (not transitively) is ready too."""
        ready, candidates = [], list(pending)
        while candidates:
            ready.append(candidates.pop(0))
            written = set(self._keys(ready[-1].spec.outputs, ready[-1].binding))
            candidates = [r for r in candidates if not (set(self._keys(r.spec.inputs, r.binding))
                                                        - set(self._keys(r.spec.outputs, r.binding))) & written]
        return ready

    def _subsequent_outputs(self, request):
        """Props ``request`` may write, directly or through the callbacks it would fire."""
        outputs, seen = set(), {request.identity}
        frontier = [(request.spec, request.binding)]
        while frontier:
            spec, binding = frontier.pop()
            for dep in spec.outputs:
                resolved = self.resolve(dep, binding)
                for cid in resolved if isinstance(resolved, list) else [resolved] if resolved is not None else []:
                    outputs.add(f"{id_key(cid)}.{dep.component_property}")
                    for nxt in self.triggered_by(cid, dep.component_property):
                        if (nxt[0].id, nxt[1]) not in seen:
                            seen.add((nxt[0].id, nxt[1]))
                            frontier.append(nxt)
        return outputs

    def _request(self, pending, spec, binding, changed, predecessors):
        if (spec.id, binding) in predecessors:
            return                              # rule 23: each callback of a loop runs once
        for request in pending:
            if request.identity == (spec.id, binding):   # rule 19: merge into the queued request
                request.changed.update(changed)
                request.predecessors |= set(predecessors)
                return
        pending.append(Request(spec, binding, changed, predecessors))

    def _prepare(self, request):
        """What a callback is sent: its argument values and context, read from the store now; or the
        error that reading them raised."""
        spec, binding = request.spec, request.binding
        try:
            values, inputs_list, states_list = self._read_args(spec, binding)
            outputs_list = self._outputs_list(spec, binding)
        except Exception as exc:
            return exc
        call = CallContext.of(spec, {"triggered": list(request.changed), "inputs_list": inputs_list,
                                     "states_list": states_list, "outputs_list": outputs_list},
                              self.store.key_of)
        return values, outputs_list, call

    def _execute(self, request, prepared, pending, patches, runs):
        spec, binding = request.spec, request.binding
        run = {"callback": spec.id, "function": spec.name, "triggered": list(request.changed),
               "inputs": {}, "outputs": {}, "status": "ok", "ms": 0.0}
        if binding:
            run["match"] = dict(binding)
        runs.append(run)
        try:
            if isinstance(prepared, Exception):
                raise prepared
            values, outputs_list, call = prepared
            # A copy: the function gets the same objects and may change them in place (children.append(x)).
            run["inputs"] = to_json({**call._flat(call.inputs_list), **call._flat(call.states_list)})
            if spec.background is not None:
                self._start_job(request, call, outputs_list, values, run, patches)
                return
            self._write_running(spec, 1, patches)
            start = time.perf_counter()
            try:
                if spec.clientside is not None:
                    result = yield from self._clientside(spec, call, values, request)
                else:
                    result = _call(spec, call, values)
            finally:
                run["ms"] = round((time.perf_counter() - start) * 1000, 3)
                self._write_running(spec, 2, patches)
            writes = [(cid, prop, value) for cid, props in call.side_updates.values() for prop, value in props.items()]
            writes += self._outputs(spec, outputs_list, result)
            if not spec.outputs and not call.side_updates and result is None:
                raise PreventUpdate   # rule 29: a no-output callback that set nothing
            for cid, _, _ in writes:
                if not self.store.has(id_key(cid)):
                    raise ReferenceError(f"ID running component not found in layout: {id_key(cid)}")
            writes = self._resolve_patches(writes)
        except PreventUpdate:
            run["status"] = "prevented"
            return
        except Exception as exc:  # any error: the outputs stay as they were (rule 25)
            run["status"] = "error"
            run["error"] = describe(exc, self.filename)
            return
        self._write(writes, request, pending, patches, run)

    def _clientside(self, spec, call, values, request):
        """Ask the page to run a clientside callback (rules 34, 46); its answer is
        {"value": ...} | {"prevented": true} | {"error": {...}}, with "set_props": [[id, props], ...]."""
        answer = yield {
            "function": spec.clientside, "args": to_json(values),
            "context": {"triggered": [{"prop_id": p, "value": v} for p, v in
                                      ((p, {**call._flat(call.inputs_list), **call._flat(call.states_list)}.get(p))
                                       for p in request.changed)],
                        "triggered_id": call.triggered_props[0].rsplit(".", 1)[0] if call.triggered_props else None,
                        "inputs": call._flat(call.inputs_list), "inputs_list": call.inputs_list,
                        "states": call._flat(call.states_list), "states_list": call.states_list,
                        "outputs_list": call.outputs_list},
            "multi": spec.multi, "name": spec.name}
        answer = answer or {}
        if answer.get("prevented"):
            raise PreventUpdate
        if answer.get("error"):
            raise RemoteError(answer["error"])
        for component_id, props in answer.get("set_props") or []:
            key = id_key(component_id)
            _, existing = call.side_updates.get(key, (component_id, {}))
            call.side_updates[key] = (component_id, {**existing, **props})
        return _as_returned(spec, answer.get("value"))

    def _resolve_patches(self, writes):
        """Writes with each Patch applied to the prop's current value; a Patch that cannot apply (on a prop
        that was never set) raises here, so the callback fails as a whole and nothing is written."""
        return [(cid, prop, apply_patch(self.store.get(id_key(cid), prop), value) if is_patch(value) else value)
                for cid, prop, value in writes]

    def _write(self, writes, request, pending, patches, run):
        added, removed = [], []
        for cid, prop, value in writes:
            key = id_key(cid)
            value = revive(value)     # components a callback returned in their JSON form (read from a State)
            new, gone = self.store.set(key, prop, value)
            added += new
            removed += gone
            json_value = to_json(value)
            run["outputs"][f"{key}.{prop}"] = json_value
            patch = {"id": cid, "props": {prop: json_value}}
            extra = self.store.index[key]._json_extra() if self.store.has(key) else {}
            if extra:
                patch["component"] = extra      # e.g. a Markdown's new HTML
            patches.append(patch)
            # Rule 18: written outputs trigger their dependents even when the value is unchanged.
            for spec, binding in self.triggered_by(cid, prop):
                self._request(pending, spec, binding, {f"{key}.{prop}": INDIRECT},
                              request.predecessors | {request.identity})
        if added or removed:
            self._components_changed(added, removed, request, pending)
        self._reported(pending, patches)

    def _components_changed(self, added, removed, request, pending):
        """Rule 15: components a callback put in (or took out of) the layout start their callbacks."""
        added_keys = set(added)
        predecessors = request.predecessors | {request.identity}
        for new in self._initial_requests(self.graph.specs, within=added_keys):
            self._request(pending, new.spec, new.binding, {}, predecessors)
        for spec in self.graph.specs:
            for binding in self.bindings(spec):
                inputs = [k for k in self._keys(spec.inputs, binding) if k.rsplit(".", 1)[0] in added_keys]
                outputs = self._keys(spec.outputs, binding)
                if inputs and outputs and not all(k.rsplit(".", 1)[0] in added_keys for k in outputs):
                    self._request(pending, spec, binding, {k: INDIRECT for k in inputs}, predecessors)
            # ALL/ALLSMALLER inputs see their list change when matching components come or go.
            multi = [d for d in spec.inputs if is_multi(d)]
            touched = [k for k in list(added) + list(removed)
                       if any(_key_matches(d, k) for d in multi)]
            if touched:
                for binding in self.bindings(spec):
                    self._request(pending, spec, binding, {}, predecessors)

    # -- reading and checking -------------------------------------------------------------------
    def _entry(self, cid, prop):
        entry = {"id": cid, "property": prop}
        key = self.store.key_of(cid)
        if self.store.has_prop(key, prop):
            # As Dash's server gets it: JSON data decoded afresh (components as their JSON dicts), never the
            # store's own object, which a callback could change in place (children.append(...)).
            entry["value"] = to_json(self.store.get(key, prop), extra=False)
        return entry

    def _read_args(self, spec, binding):
        values, lists = [], {"Input": [], "State": []}
        for deps, kind in ((spec.inputs, "Input"), (spec.states, "State")):
            for dep in deps:
                resolved = self.resolve(dep, binding)
                if isinstance(resolved, list):
                    entries = [self._entry(cid, dep.component_property) for cid in resolved]
                    values.append([e.get("value") for e in entries])
                    lists[kind].append(entries)
                    continue
                if resolved is None:
                    raise ReferenceError(_nonexistent(kind, dep, self.store.ids()))
                entry = self._entry(resolved, dep.component_property)
                values.append(entry.get("value"))
                lists[kind].append(entry)
        return values, lists["Input"], lists["State"]

    def _outputs_list(self, spec, binding):
        out = []
        for dep in spec.outputs:
            resolved = self.resolve(dep, binding)
            if isinstance(resolved, list):
                out.append([{"id": cid, "property": dep.component_property} for cid in resolved])
            elif resolved is None:
                raise ReferenceError(_nonexistent("Output", dep, self.store.ids()))
            else:
                out.append({"id": resolved, "property": dep.component_property})
        return out if spec.multi else (out[0] if out else [])

    def _write_running(self, spec, phase, patches):
        """running=[(Output, on, off)]: `on` shows while the callback runs, `off` after (rule 43)."""
        if not spec.running:
            return
        shown = []
        for dep, *values in spec.running:
            key = id_key(dep.component_id)
            if self.store.has(key):
                self.store.set(key, dep.component_property, values[phase - 1])
                shown.append({"id": dep.component_id, "props": {dep.component_property: to_json(values[phase - 1])}})
        patches.extend(shown)
        if phase == 1 and self.notify is not None and shown:
            self.notify(shown)

    def _outputs(self, spec, outputs_list, result):
        """[(id, prop, value)] to write, after Dash's checks of the returned value (rules 24, 26, 28)."""
        if not spec.outputs:
            if result is not None:
                raise InvalidCallbackReturnValue(f"No-output callback received return value: {result!r}")
            return []
        if spec.multi:
            if is_no_update(result):
                return []
            # Dash 4.4.1 checks the returned grouping first (dash/_callback.py _prepare_response), so a
            # wrong shape is a Schema*ValidationError, whatever the outputs' form.
            validate(result, spec.output_grouping)
            values = flatten_like(result, spec.output_grouping)
            targets = outputs_list
        else:
            values, targets = [result], [outputs_list]
        writes = []
        for index, (target, value) in enumerate(zip(targets, values)):
            if is_no_update(value):
                continue
            if isinstance(target, list):    # an ALL output: one value per matching component
                if not isinstance(value, (list, tuple)) or len(value) != len(target):
                    raise InvalidCallbackReturnValue(
                        f"The callback {spec.id} output {index} is a wildcard multi-output.\n"
                        f"Expected the output type to be a list or tuple of {len(target)} values but got:\n{value!r}.")
                pairs = list(zip(target, value))
            else:
                pairs = [(target, value)]
            for item, item_value in pairs:
                if is_no_update(item_value):
                    continue
                if not is_patch(item_value):
                    try:
                        to_json(item_value)
                    except TypeError as exc:
                        raise InvalidCallbackReturnValue(
                            f"The callback for property `{item['property']}` of component "
                            f"`{id_key(item['id'])}` returned a value {exc}.") from None
                writes.append((item["id"], item["property"], item_value))
        return writes


class Job:
    """A background callback running in a worker of its own."""

    def __init__(self, request, call, outputs_list):
        self.request, self.call, self.outputs_list = request, call, outputs_list

    @property
    def spec(self):
        return self.request.spec


def _call(spec, call, values):
    """Call a Python callback's function. When it raises (PreventUpdate aside) and the callback or the app has
    an ``on_error`` handler, Dash calls the handler with the exception, in the same callback context (its
    set_props count, as do the function's own before it raised), and takes what it returns for what the
    function would have returned; None means no_update (dash/_callback.py, add_context)."""
    with calling(call):
        try:
            return spec.call(values)
        except PreventUpdate:
            raise
        except Exception as exc:
            if spec.error_handler is None:
                raise
            result = spec.error_handler(exc)
            return no_update if result is None and spec.outputs else result


def _job_error(spec, call, error):
    """A background job failed: without ``on_error`` the callback fails; with it Dash hands the handler a
    BackgroundCallbackError naming the job's error and its traceback (_handle_rest_background_callback)."""
    if spec.error_handler is None:
        raise RemoteError(error)
    with calling(call):
        result = spec.error_handler(BackgroundCallbackError(
            f"An error occurred inside a background callback: {error.get('message', '')}\n{error.get('traceback', '')}"))
    return no_update if result is None else result


def _as_returned(spec, value):
    """A value that came back as JSON, shaped as the function returned it (lists stand for tuples)."""
    return tuple(value) if spec.multi and isinstance(value, list) else value


class RemoteError(Exception):
    """A callback failed outside this interpreter: clientside JavaScript, or a background job."""

    def __init__(self, error):
        super().__init__(error.get("message", "the clientside function failed"))
        self.kind = error.get("kind", "Error")


def _key_matches(dep, key):
    component_id = key
    if isinstance(key, str) and key.startswith("{"):
        import json
        component_id = json.loads(key)
    return matches(dep.component_id, component_id)


def _nonexistent(kind, dep, ids):
    return (f"A nonexistent object was used in an `{kind}` of a Dash callback. The id of this object is "
            f"`{dep.component_id_str()}` and the property is `{dep.component_property}`. The string ids in "
            f"the current layout are: [{', '.join(i for i in ids if isinstance(i, str))}]")
