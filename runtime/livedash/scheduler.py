"""Which callbacks run, when, and in which order: dash-renderer's scheduling rules, run to completion.

Dash's renderer sends ready callbacks to the server concurrently; here they run one after the other,
which gives the same store. The scheduler takes the reader's changes and the initial load, queues and
merges the callbacks they fire, runs the ready ones (pausing for clientside callbacks the page runs and
for background jobs), writes what they return into the store and fires what those writes trigger. It
asks ``layout_queries`` what the layout holds and ``returns`` what a call writes.

Rules of livedash/SEMANTICS.md it implements: 7 and 11-15 (initial calls, prevent_initial_call, new
components), 17-23 (triggering, merging, waiting, pruning, loops), 25 and 27-29 (errors, PreventUpdate),
34 and 46 (clientside calls), 43-45 (running= and background jobs), 50 (props components set themselves). A
request is a callback plus, for pattern-matching callbacks, the MATCH values it runs for (its *binding*).

A run is a generator (:data:`SchedulerRun`): it pauses while a clientside callback runs in the page, and the
session sends it the page's answer.
"""

from __future__ import annotations

import time

from .components.base import walk_children
from .context import CallContext
from .errors import describe
from .exceptions import PreventUpdate
from .graph import dep_key
from .layout_queries import LayoutQueries, key_matches
from .patterns import is_multi
from .protocol import id_key
from .returns import (
    RemoteError,
    as_returned,
    call_function,
    job_error,
    output_writes,
    resolve_patches,
    write_progress_default,
    write_running,
)
from .store import revive, to_json

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Generator, Iterable, Iterator
    from typing import Any, Protocol, TypeAlias, TypedDict

    from .callbacks import Background, CallbackSpec
    from .graph import CallbackGraph
    from .jsontypes import JSON, ComponentId
    from .protocol import ClientsideAnswer, ClientsideCall, JobAnswer, JobStart, LoadingOutput, Run, Update
    from .store import Store

    Binding: TypeAlias = tuple[tuple[str, JSON], ...]  # the MATCH values a request runs for, frozen
    Identity: TypeAlias = tuple[str, Binding]  # (callback id, binding): one request, merged by it (rule 19)
    Write: TypeAlias = tuple[ComponentId, str, Any]  # (id, prop, value) to store
    # What a request's call is sent (argument values, outputs_list, its context), or what reading it raised.
    Prepared: TypeAlias = tuple[list[JSON], JSON, CallContext] | Exception

    class Notify(Protocol):
        """Shows updates at once, while a callback runs (its running= values), or the outputs that a
        callback now starting computes (``loading``): an ``interim`` message."""

        def __call__(self, updates: list[Update], loading: list[LoadingOutput] | None = None) -> None: ...

    class Pause(TypedDict):
        """What a run yields when a clientside callback must run in the page: that call, and the updates and
        trace records since the run started or last paused."""

        clientside: ClientsideCall
        updates: list[Update]
        trace: list[Run]

    # A run: yields a Pause, is sent the page's answer (None to start it), returns the updates and trace
    # records since the last pause.
    SchedulerRun: TypeAlias = Generator[Pause, ClientsideAnswer | None, tuple[list[Update], list[Run]]]
    # One request's call: yields the clientside call it waits for, is sent the page's answer.
    Execution: TypeAlias = Generator[ClientsideCall, ClientsideAnswer | None, None]

# A request's changed props as dash-renderer's changedPropIds: "id.prop" -> DIRECT for a setProps (the reader's,
# or a component's own), INDIRECT for a callback's output (rule 19). Only the props, in order, are read here.
DIRECT, INDIRECT = 2, 1


class Request:
    """A callback waiting to run, with the props that triggered it (Dash's changedPropIds)."""

    def __init__(
        self, spec: CallbackSpec, binding: Binding, changed: dict[str, int], predecessors: Iterable[Identity] = ()
    ) -> None:
        self.spec = spec
        self.binding = binding  # frozen ((key, value), ...) of MATCH values
        self.changed = dict(changed)  # "id.prop" -> DIRECT or INDIRECT, in trigger order
        self.predecessors = set(predecessors)  # the requests whose outputs led to this one (rule 23)

    @property
    def identity(self) -> Identity:
        return (self.spec.id, self.binding)


class Scheduler:
    def __init__(self, graph: CallbackGraph, store: Store, filename: str, notify: Notify | None = None) -> None:
        self.graph = graph
        self.store = store
        self.filename = filename
        self.notify = notify  # shows updates (running=) or loading outputs at once, or None
        # Tell the page which outputs a callback is computing (dash-renderer's loading state: dcc.Loading's
        # spinner) before it runs; only apps that show it pay for the extra message.
        self.show_loading = any(getattr(c, "_type", "") == "Loading" for c in walk_children(store.layout))
        self.layout = LayoutQueries(graph, store)
        # Background callbacks (rule 45): jobs running in a worker of their own, the jobs the page must
        # start or stop, and requests that wait for a job's outputs.
        self.jobs: dict[int, Job] = {}
        self.started: list[JobStart] = []
        self.cancelled: list[int] = []
        self.parked: list[Request] = []
        self._job_numbers: Iterator[int] = iter(range(1, 1 << 62))

    # -- entry points ---------------------------------------------------------------------------
    def initial(self) -> SchedulerRun:
        """The run of the initial callbacks (rules 11-14, 22): a generator, see :meth:`_run`."""
        pending = self._initial_requests(self.graph.specs, within=None)
        self._reported(pending, None)  # what components set as they were first drawn (the layout has it)
        return self._run(pending, group=True)

    def _initial_requests(self, specs: Iterable[CallbackSpec], within: set[str] | None) -> list[Request]:
        """Initial calls of ``specs`` (rules 11 and 12); ``within``: only outputs among these id keys."""
        candidates = []
        for spec in specs:
            if spec.skips_initial_call:  # rule 7: only prevent_initial_call=True itself
                continue
            for binding in self.layout.bindings(spec):
                outputs = self.layout.keys(spec.outputs, binding)
                if within is not None:
                    outputs = [k for k in outputs if k.rsplit(".", 1)[0] in within]
                if spec.outputs and not outputs:
                    continue
                if not spec.outputs and spec.inputs and not self.layout.keys(spec.inputs, binding):
                    continue
                candidates.append(Request(spec, binding, {}))
        # Rule 12: drop callbacks whose single inputs are all absent or written only by dropped ones.
        excluded: set[Identity | str] = set()  # requests left out, and the outputs they would have written
        changed = True
        while changed:
            changed = False
            for request in candidates:
                spec = request.spec
                if request.identity in excluded or not spec.inputs or any(is_multi(d) for d in spec.inputs):
                    continue
                present = self.layout.keys(spec.inputs, request.binding)
                if all(key in excluded for key in present):
                    excluded.add(request.identity)
                    excluded.update(self.layout.keys(spec.outputs, request.binding))
                    changed = True
        kept = [r for r in candidates if r.identity not in excluded]
        # Dash requests initial calls in layout order, by the first output component it meets (no-output
        # callbacks last); the order decides where a loop of initial calls is entered (rule 23).
        place = {key: number for number, key in enumerate(self.store.index)}

        def first_output(request: Request) -> int:
            keys = self.layout.keys(request.spec.outputs, request.binding)
            return min((place.get(k.rsplit(".", 1)[0], len(place)) for k in keys), default=len(place))

        return sorted(kept, key=first_output)

    def change(self, component_id: ComponentId | None, props: dict[str, JSON]) -> SchedulerRun:
        """A reader's edit (one setProps): store the props that differ now, and return the run of what
        they trigger (a generator, see :meth:`_run`). A component without an id (``None``) cannot be an
        Input: nothing fires, as in Dash, and the page keeps the value it shows."""
        if component_id is None:
            return self._run([], group=False)
        key = id_key(component_id)
        if not self.store.has(key):
            raise KeyError(f"no component with id {key!r} in the layout")
        changed: list[str] = []
        for prop, value in props.items():
            if self.store.get(key, prop) != value or not self.store.has_prop(key, prop):  # rule 17
                self.store.set(key, prop, value)
                changed.append(prop)
        pending: list[Request] = []
        updates: list[Update] = []
        changed_keys = {f"{key}.{prop}" for prop in changed}
        for number, job in list(self.jobs.items()):
            if any(dep_key(d) in changed_keys for d in job.background["cancel"]):
                self._stop_job(number, updates)  # the job ends; its outputs stay as they were
        for prop in changed:
            for spec, binding in self.layout.triggered_by(component_id, prop):
                self._request(pending, spec, binding, {f"{key}.{prop}": DIRECT}, ())
        self._reported(pending, updates)
        return self._run(pending, group=False, updates=updates)

    def _reported(self, pending: list[Request], updates: list[Update] | None) -> None:
        """Props that components set themselves after a change (a dcc.Store's modified_timestamp when its
        data changed, or when it was first drawn with data): Dash's renderer takes such a setProps as any
        other, so their callbacks fire, merged with those already queued (rule 19). ``updates``: where the
        page learns them (None when the page gets the whole layout)."""
        while self.store.reported:
            component_id, props = self.store.reported.pop(0)
            key = id_key(component_id)
            if not self.store.has(key):
                continue
            if updates is not None:
                updates.append({"id": component_id, "props": {p: to_json(v) for p, v in props.items()}})
            for prop in props:
                for spec, binding in self.layout.triggered_by(component_id, prop):
                    self._request(pending, spec, binding, {f"{key}.{prop}": DIRECT}, ())

    # -- background jobs ------------------------------------------------------------------------
    def loading(self) -> list[LoadingOutput]:
        """The outputs that running background jobs are computing ({"id", "property"} each)."""
        return [output for job in self.jobs.values() for output in flat_outputs(job.outputs_list)]

    def take_jobs(self) -> tuple[list[JobStart], list[int]]:
        """(jobs the page must start, job numbers it must stop) since the last call."""
        started, cancelled = self.started, self.cancelled
        self.started, self.cancelled = [], []
        return started, cancelled

    def _start_job(
        self,
        request: Request,
        background: Background,
        call: CallContext,
        outputs_list: JSON,
        values: list[JSON],
        run: Run,
        updates: list[Update],
    ) -> None:
        spec = request.spec
        for number, job in list(self.jobs.items()):
            if job.request.identity == request.identity:
                self._stop_job(number, [])  # re-triggered: Dash drops the old job's result
        number = next(self._job_numbers)
        self.jobs[number] = Job(request, background, call, outputs_list)
        self.started.append(
            {
                "job": number,
                "callback": spec.id,
                "args": to_json(values),
                "context": call.facts(),
                "progress": bool(background["progress"]),
            }
        )
        run["status"], run["job"] = "running", number
        write_running(self.store, spec, 1, updates, self.notify)

    def _stop_job(self, number: int, updates: list[Update]) -> None:
        job = self.jobs.pop(number)
        self.cancelled.append(number)
        write_running(self.store, job.spec, 2, updates)
        write_progress_default(self.store, job.spec, updates)

    def job_progress(self, number: int, value: JSON) -> SchedulerRun:
        """The run that a job's set_progress(value) starts (a generator, see :meth:`_run`)."""
        job = self.jobs.get(number)
        pending: list[Request] = []
        updates: list[Update] = []
        if job is not None:
            progress = job.background["progress"]
            values = value if job.background["multi_progress"] else [value]
            # (the author's set_progress may give more or fewer values than there are progress outputs: the
            # extra ones are dropped, the missing ones left as they are)
            writes = [(d.component_id, d.component_property, v) for d, v in zip(progress, values, strict=False)]
            self._write(writes, job.request, pending, updates, {})
        return self._run(pending, group=False, updates=updates)

    def job_done(self, number: int, answer: JobAnswer) -> SchedulerRun:
        """The run that a finished job starts: its outputs are written (a generator, see :meth:`_run`)."""
        job = self.jobs.pop(number, None)
        pending = list(self.parked)
        updates: list[Update] = []
        self.parked = []
        if job is None:  # stopped or replaced meanwhile: its result is dropped
            return self._run(pending, group=False)
        spec = job.request.spec
        run: Run = {
            "callback": spec.id,
            "function": spec.name,
            "triggered": list(job.request.changed),
            "inputs": {**job.call._flat(job.call.inputs_list), **job.call._flat(job.call.states_list)},
            "outputs": {},
            "status": "ok",
            "ms": answer.get("ms", 0.0),
            "job": number,
        }
        write_running(self.store, spec, 2, updates)
        write_progress_default(self.store, spec, updates)
        try:
            if answer.get("prevented"):
                raise PreventUpdate
            for component_id, props in answer.get("set_props") or []:
                job.call.side_updates[id_key(component_id)] = (component_id, props)
            if answer.get("error"):
                value = job_error(spec, job.call, answer["error"])
            else:
                value = as_returned(spec, answer.get("value"))
            writes = [
                (cid, prop, value) for cid, props in job.call.side_updates.values() for prop, value in props.items()
            ]
            writes += output_writes(spec, job.outputs_list, value)
            writes = resolve_patches(self.store, writes)
        except PreventUpdate:
            run["status"] = "prevented"
        except Exception as exc:
            run["status"], run["error"] = "error", describe(exc, self.filename)
            if isinstance(exc, RemoteError) and answer.get("error", {}).get("traceback"):
                run["error"]["traceback"] = answer["error"]["traceback"]
                run["error"]["line"] = answer["error"].get("line")
        else:
            self._write(writes, job.request, pending, updates, run["outputs"])
        return self._run(pending, group=False, updates=updates, runs=[run])

    # -- the loop -------------------------------------------------------------------------------
    def _run(
        self, pending: list[Request], group: bool, updates: list[Update] | None = None, runs: list[Run] | None = None
    ) -> SchedulerRun:
        """Run ``pending`` to completion. A generator: it yields when a clientside callback must run in the
        page ({"clientside": ..., "updates": [...], "trace": [...]} with what happened since the last yield),
        takes the page's answer via ``send``, and finally returns (updates, runs) not yet handed out."""
        updates = [] if updates is None else updates
        runs = [] if runs is None else runs
        sent_updates = sent_runs = 0
        finished_outputs: set[str] = set()  # props that callbacks of this group, now finished, could have written
        while pending:
            # Rule 20: ready = no Input is a (transitively) pending output; an output that is also
            # an input of the same callback does not block it. State is not waited for.
            blocked: set[str] = set()
            for request in pending:
                blocked |= self.layout.subsequent_outputs(request.spec, request.binding)
            by_jobs: set[str] = set()  # what running background jobs will write
            for job in self.jobs.values():
                by_jobs |= self.layout.subsequent_outputs(job.request.spec, job.request.binding)
            ready: list[Request] = []
            waiting_for_jobs: list[Request] = []
            for request in pending:
                inputs = set(self.layout.keys(request.spec.inputs, request.binding))
                inputs -= set(self.layout.keys(request.spec.outputs, request.binding))
                if not inputs & blocked:
                    (waiting_for_jobs if inputs & by_jobs else ready).append(request)
            if not ready and waiting_for_jobs:  # the rest waits for background jobs to finish
                self.parked += pending
                break
            if not ready:  # rule 23: a runtime cycle
                ready = self._loop_entries(pending)
            # Dash sends every ready callback at once: each reads the store as it is now (a State
            # written by another callback of the same batch is read before that write).
            batch: list[tuple[Request, Prepared]] = []
            for request in ready:
                pending.remove(request)
                inputs = self.layout.keys(request.spec.inputs, request.binding)
                # Rule 22: in an initial group, skip a callback fed only by outputs of finished group
                # callbacks none of which were written (they prevented the update).
                if group and not request.changed and inputs and all(k in finished_outputs for k in inputs):
                    continue
                batch.append((request, self._prepare(request)))
            for request, prepared in batch:
                execution = self._execute(request, prepared, pending, updates, runs)
                answer: ClientsideAnswer | None = None
                while True:
                    try:
                        ask = execution.send(answer)
                    except StopIteration:
                        break
                    # The clientside run itself (the last record) is handed out once it has its outcome.
                    answer = yield {"clientside": ask, "updates": updates[sent_updates:], "trace": runs[sent_runs:-1]}
                    sent_updates, sent_runs = len(updates), len(runs) - 1
                if group:
                    finished_outputs.update(self.layout.keys(request.spec.outputs, request.binding))
        return updates[sent_updates:], runs[sent_runs:]

    def _loop_entries(self, pending: list[Request]) -> list[Request]:
        """Rule 23, as dash-renderer breaks a loop: assume the first request is ready, then each next one
        whose Inputs no assumed-ready request writes directly (not transitively) is ready too."""
        ready: list[Request] = []
        candidates = list(pending)
        while candidates:
            ready.append(candidates.pop(0))
            written = set(self.layout.keys(ready[-1].spec.outputs, ready[-1].binding))
            candidates = [
                r
                for r in candidates
                if not (
                    set(self.layout.keys(r.spec.inputs, r.binding)) - set(self.layout.keys(r.spec.outputs, r.binding))
                )
                & written
            ]
        return ready

    def _request(
        self,
        pending: list[Request],
        spec: CallbackSpec,
        binding: Binding,
        changed: dict[str, int],
        predecessors: Iterable[Identity],
    ) -> None:
        if (spec.id, binding) in predecessors:
            return  # rule 23: each callback of a loop runs once
        for request in pending:
            if request.identity == (spec.id, binding):  # rule 19: merge into the queued request
                request.changed.update(changed)
                request.predecessors |= set(predecessors)
                return
        pending.append(Request(spec, binding, changed, predecessors))

    def _prepare(self, request: Request) -> Prepared:
        """What a callback is sent: its argument values and context, read from the store now; or the
        error that reading them raised."""
        spec, binding = request.spec, request.binding
        try:
            values, inputs_list, states_list = self.layout.read_args(spec, binding)
            outputs_list = self.layout.outputs_list(spec, binding)
        except Exception as exc:
            return exc
        call = CallContext.of(
            spec,
            {
                "triggered": list(request.changed),
                "inputs_list": inputs_list,
                "states_list": states_list,
                "outputs_list": outputs_list,
            },
            self.store.key_of,
        )
        return values, outputs_list, call

    def _execute(
        self, request: Request, prepared: Prepared, pending: list[Request], updates: list[Update], runs: list[Run]
    ) -> Execution:
        """Call one request's function with what :meth:`_prepare` read (yielding to the page for a clientside
        one), record the call in ``runs`` and write its outputs; a background callback's call starts its job."""
        spec, binding = request.spec, request.binding
        run: Run = {
            "callback": spec.id,
            "function": spec.name,
            "triggered": list(request.changed),
            "inputs": {},
            "outputs": {},
            "status": "ok",
            "ms": 0.0,
        }
        if binding:
            run["match"] = dict(binding)
        runs.append(run)
        try:
            if isinstance(prepared, Exception):
                raise prepared
            values, outputs_list, call = prepared
            # The trace keeps a copy: the function gets these objects and may change them in place (children.append).
            run["inputs"] = to_json({**call._flat(call.inputs_list), **call._flat(call.states_list)})
            if spec.background is not None:
                self._start_job(request, spec.background, call, outputs_list, values, run, updates)
                return
            write_running(self.store, spec, 1, updates, self.notify)
            if self.show_loading and self.notify is not None:
                self.notify([], loading=flat_outputs(outputs_list))
            start = time.perf_counter()
            try:
                if spec.clientside is not None:
                    result = yield from self._clientside(spec, spec.clientside, call, values, request)
                else:
                    result = call_function(spec, call, values)
            finally:
                run["ms"] = round((time.perf_counter() - start) * 1000, 3)
                write_running(self.store, spec, 2, updates)
            writes = [(cid, prop, value) for cid, props in call.side_updates.values() for prop, value in props.items()]
            writes += output_writes(spec, outputs_list, result)
            if not spec.outputs and not call.side_updates and result is None:
                raise PreventUpdate  # rule 29: a no-output callback that set nothing
            for cid, _, _ in writes:
                if not self.store.has(id_key(cid)):
                    raise ReferenceError(f"ID running component not found in layout: {id_key(cid)}")
            writes = resolve_patches(self.store, writes)
        except PreventUpdate:
            run["status"] = "prevented"
            return
        except Exception as exc:  # any error: the outputs stay as they were (rule 25)
            run["status"] = "error"
            run["error"] = describe(exc, self.filename)
            return
        self._write(writes, request, pending, updates, run["outputs"])

    def _clientside(
        self, spec: CallbackSpec, function: dict[str, JSON], call: CallContext, values: list[JSON], request: Request
    ) -> Generator[ClientsideCall, ClientsideAnswer | None, Any]:
        """Ask the page to run a clientside callback's ``function`` (rules 34, 46); its answer is
        {"value": ...} | {"prevented": true} | {"error": {...}}, with "set_props": [[id, props], ...]. Returns
        the value as the function would have returned it."""
        answer = yield {
            "function": function,
            "args": to_json(values),
            "context": {
                "triggered": [
                    {"prop_id": p, "value": v}
                    for p, v in (
                        (p, {**call._flat(call.inputs_list), **call._flat(call.states_list)}.get(p))
                        for p in request.changed
                    )
                ],
                "triggered_id": call.triggered_props[0].rsplit(".", 1)[0] if call.triggered_props else None,
                "inputs": call._flat(call.inputs_list),
                "inputs_list": call.inputs_list,
                "states": call._flat(call.states_list),
                "states_list": call.states_list,
                "outputs_list": call.outputs_list,
            },
            "multi": spec.multi,
            "name": spec.name,
        }
        answer = answer or {}
        if answer.get("prevented"):
            raise PreventUpdate
        if answer.get("error"):
            raise RemoteError(answer["error"])
        for component_id, props in answer.get("set_props") or []:
            key = id_key(component_id)
            _, existing = call.side_updates.get(key, (component_id, {}))
            call.side_updates[key] = (component_id, {**existing, **props})
        return as_returned(spec, answer.get("value"))

    def _write(
        self,
        writes: list[Write],
        request: Request,
        pending: list[Request],
        updates: list[Update],
        outputs: dict[str, JSON],
    ) -> None:
        """Store ``writes`` (a call's outputs and set_props), tell the page (``updates``) and the trace
        (``outputs``: "id.prop" -> value), and request what they trigger."""
        added: list[str] = []
        removed: list[str] = []
        for cid, prop, value in writes:
            key = id_key(cid)
            value = revive(value)  # components a callback returned in their JSON form (read from a State)
            new, gone = self.store.set(key, prop, value)
            added += new
            removed += gone
            json_value = to_json(value)
            outputs[f"{key}.{prop}"] = json_value
            updates.append({"id": cid, "props": {prop: json_value}})
            # Rule 18: written outputs trigger their dependents even when the value is unchanged.
            for spec, binding in self.layout.triggered_by(cid, prop):
                self._request(
                    pending, spec, binding, {f"{key}.{prop}": INDIRECT}, request.predecessors | {request.identity}
                )
        if added or removed:
            self._components_changed(added, removed, request, pending)
        self._reported(pending, updates)

    def _components_changed(
        self, added: list[str], removed: list[str], request: Request, pending: list[Request]
    ) -> None:
        """Rule 15: components a callback put in (or took out of) the layout start their callbacks."""
        added_keys = set(added)
        predecessors = request.predecessors | {request.identity}
        for new in self._initial_requests(self.graph.specs, within=added_keys):
            self._request(pending, new.spec, new.binding, {}, predecessors)
        for spec in self.graph.specs:
            for binding in self.layout.bindings(spec):
                inputs = [k for k in self.layout.keys(spec.inputs, binding) if k.rsplit(".", 1)[0] in added_keys]
                outputs = self.layout.keys(spec.outputs, binding)
                if inputs and outputs and not all(k.rsplit(".", 1)[0] in added_keys for k in outputs):
                    self._request(pending, spec, binding, {k: INDIRECT for k in inputs}, predecessors)
            # ALL/ALLSMALLER inputs see their list change when matching components come or go.
            multi = [d for d in spec.inputs if is_multi(d)]
            touched = [k for k in list(added) + list(removed) if any(key_matches(d, k) for d in multi)]
            if touched:
                for binding in self.layout.bindings(spec):
                    self._request(pending, spec, binding, {}, predecessors)


class Job:
    """A background callback running in a worker of its own."""

    def __init__(self, request: Request, background: Background, call: CallContext, outputs_list: JSON) -> None:
        self.request, self.call, self.outputs_list = request, call, outputs_list
        self.background = background  # its callback's background options

    @property
    def spec(self) -> CallbackSpec:
        return self.request.spec


def flat_outputs(outputs_list: JSON) -> list[LoadingOutput]:
    """Dash's outputs_list (a dict per output, a list of them for a wildcard) as {"id", "property"} dicts."""
    out: list[LoadingOutput] = []
    for item in outputs_list if isinstance(outputs_list, list) else [outputs_list]:
        for output in item if isinstance(item, list) else [item]:
            if isinstance(output, dict) and "id" in output:
                out.append({"id": output["id"], "property": output["property"]})
    return out
