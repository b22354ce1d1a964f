"""The messages between a page and its worker: the one place they are defined.

Every message is a JSON object with a ``type``. The page's ``worker.js`` forwards each
message it receives to :func:`livedash.kernel.Kernel.handle` as a JSON string and posts the
JSON string it returns back to the page, so the shapes below are all the worker knows.

Version ``PROTOCOL_VERSION``; bump it on any incompatible change. The page's copy is ``web/protocol.js``: the
worker says its version when it has booted (``{"type": "booted", "ms", "python", "protocol"}``) and the page
refuses a worker that speaks another. A worker may run Python that is not the site's (code from a share
link can ``import js`` and post anything), so the page checks every message a worker sends against the shapes
below (``checkWorkerMessage`` in protocol.js) and drops what does not fit; this side checks each request
the page sends with :func:`check_request`.

Component JSON (the same shape as Dash's ``to_plotly_json``)::

    {"type": "Div", "namespace": "dash_html_components", "props": {"id": "x", "children": [...]}}

Children are a string, a number, ``null``, a component, or a list of those. Only the props that
were given (in the layout or by a callback/user) are present: React defaults never appear, so
``n_clicks`` is absent until the first click, as in Dash.

An id is a string or a dict (pattern-matching id). Where ids are used as keys, dict ids are
written as Dash writes them in the DOM: JSON with sorted keys and no spaces (:func:`id_key`).

Page -> worker

``{"type": "load", "app": KEY, "code": SOURCE, "filename": "counter.py", "diagram": bool}``
    Execute SOURCE as a fresh app under KEY (replacing any app loaded under that key), run its
    initial callbacks and answer ``loaded``. With ``diagram``, the answer carries the callback graph.

``{"type": "update", "app": KEY, "seq": N, "changes": [{"id": ID, "props": {...}}, ...]}``
    The reader changed props (a click sets ``n_clicks`` and ``n_clicks_timestamp``; typing sets
    ``value``). The changes are applied together, as one ``setProps`` each, in order, and the
    callbacks they trigger run to completion. Answer ``updated``. A change of a component without an id
    (a dcc.Tabs or a dcc.Graph given none) has no ``id`` (or ``null``): nothing can fire on it, as in Dash,
    and the page keeps its value.

``{"type": "clientside-result", "app": KEY, "answer": {"value": V} | {"prevented": true} | {"error": ERROR}}``
    (the answer also carries ``"set_props": [[ID, {...}], ...]`` for the function's ``set_props`` calls)
    The page ran the clientside callback that a ``loaded`` or ``updated`` asked for (see below); the run goes
    on. Answer ``updated`` (its ``seq``: the last update whose changes the run and the work queued behind it
    applied).

``{"type": "job-progress", "app": KEY, "job": N, "value": V}``
    A background job (see ``jobs`` below) reported progress. Answer ``updated``.

``{"type": "job-done", "app": KEY, "job": N, "answer": {...}}``
    A background job finished (answer as for clientside, plus ``ms``). Answer ``updated``.

``{"type": "check", "app": KEY, "code": SOURCE, "checks": CHECKS_SOURCE, "filename": ...}``
    Run an exercise's checks (see exercises.py) on SOURCE, each on a fresh app; the widget's own app is
    untouched. Answer ``{"type": "checked", "app": KEY, "results": [{"name", "title", "passed", "message"}]}``.

``{"type": "unload", "app": KEY}``
    Forget the app (its widget left the page). Answer ``unloaded``.

In a background worker (one per job):
``{"type": "job", "job": N, "code": SOURCE, "filename": ..., "callback": CALLBACK_ID, "args": [...],
"context": {...}, "progress": bool}`` runs the callback's function (``ctx`` made from ``context``: the
``triggered`` prop ids and the ``inputs_list``/``states_list``/``outputs_list`` of the call, as Dash gives its
job the request's context); the worker posts ``{"type": "job-progress", "job": N, "value": V}`` on each
set_progress and answers ``{"type": "job-done", "job": N, "answer": {...}}``.

Worker -> page

``{"type": "loaded", "app": KEY, "layout": COMPONENT | null, "trace": [RUN...], "error": ERROR | null,
"problems": [{"title": ..., "message": ...}], "background": bool, "children_props": {NAMESPACE: {TYPE: [SPEC]}}}``
    ``layout`` is the whole component tree after the initial callbacks. With ``error`` set
    (the code did not run, or has no app) ``layout`` is ``null``. ``background``: the app has background
    callbacks (the page boots a worker for their jobs ahead of the first one). ``problems`` are what Dash's dev
    tools report at load (duplicate outputs, circular dependencies, missing ids), with Dash's titles.
    When the load asked for it, ``"diagram": {"text": MERMAID, "callbacks": {CALLBACK_ID: {"node": NAME,
    "outputs": [[NODE, ID_KEY, PROP, is_pattern], ...]}}}`` (see diagram.py). ``children_props``: for each
    component type imported so far that can hold components in a prop other than ``children``, those props
    (Dash's ``_children_props``: "label", "options[].label"); the page draws components found there.
    ``loading`` (also in ``updated``): the outputs still being computed, by background jobs, as
    ``[{"id": ID, "property": PROP}]``; the page shows them loading (dcc.Loading) until an answer leaves them out.
    ``stylesheets``: the app's ``external_stylesheets`` (hrefs); the page applies them to this app alone.
    An ``interim`` may carry ``loading`` too: the outputs of the callback that is starting (apps with a
    dcc.Loading only).

``{"type": "updated", "app": KEY, "seq": N, "updates": [{"id": ID, "props": {...}}, ...], "trace": [RUN...]}``
    Prop values to apply, in order. A value may contain components (``children``). ``seq`` is that of the last
    ``update`` whose changes this answer applied (``null`` when none did); a prop that a change of this answer
    sets is left out of the updates that came before it.
    With ``"queued": true`` (and nothing else to apply): the request came while a run of the app waits for a
    clientside answer; its work is queued behind that run, in order, and its effects come in the answers to
    the ``clientside-result`` requests.

A ``loaded`` or ``updated`` may also carry
``"jobs": [{"job": N, "callback": ID, "args": [...], "context": {...}, "progress": bool}]`` (background jobs
for the page to start) and ``"cancel": [N, ...]`` (jobs to stop), and
``"clientside": {"function": {"source": JS} | {"namespace", "name"}, "args": [...], "context": {...},
"multi": bool, "name": ...}``: the run is waiting for the page to run that clientside callback and answer
``clientside-result``. An ``update`` or a job's report that comes meanwhile (it may have been sent before the
page heard of the wait) is queued in the worker and runs after the waiting run, in the order received; the page
may also hold its updates back until it has answered.

``{"type": "interim", "app": KEY, "updates": [...]}``
    Sent on its own, before the answer, while a slow callback runs: its ``running=`` values.

``{"type": "unloaded", "app": KEY}``

``{"type": "failed", "app": KEY | null, "request": TYPE | null, "error": ERROR}``
    The request itself was malformed, or could not be answered (it named an unknown app, or answered a
    clientside callback no run waits for).

RUN (one callback execution, for the trace panel)::

    {"callback": "out.children", "function": "update_count", "triggered": ["btn.n_clicks"],
     "inputs": {"btn.n_clicks": 3}, "outputs": {"out.children": "Count: 3"},
     "status": "ok" | "prevented" | "error" | "running", "ms": 0.12, "error": ERROR | absent}

(``"match": {KEY: VALUE}``: the MATCH values of a pattern-matching callback's run. ``"job": N``: the background
job the run started, its status ``running``, or whose answer it writes.)

ERROR::

    {"kind": "SyntaxError", "message": "...", "traceback": "...", "filename": "counter.py", "line": 7 | null}
"""

from __future__ import annotations

from .dependencies import stringify_id as id_key  # (one definition of the id string)

PROTOCOL_VERSION = 4

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from typing import Literal, NotRequired, TypeAlias, TypedDict

    from .jsontypes import JSON, ComponentId

    # The messages above as types, for mypy (nothing here exists at run time). Field by field as documented;
    # NotRequired: a field the message may leave out.

    class Error(TypedDict):
        """ERROR: an exception described for the reader (errors.describe)."""

        kind: str
        message: str
        traceback: str
        filename: str
        line: int | None

    class Run(TypedDict):
        """RUN: one callback execution, for the trace panel."""

        callback: str
        function: str
        triggered: list[str]
        inputs: dict[str, JSON]
        outputs: dict[str, JSON]
        status: Literal["ok", "prevented", "error", "running"]
        ms: float
        error: NotRequired[Error]
        match: NotRequired[dict[str, JSON]]
        job: NotRequired[int]

    class Problem(TypedDict):
        """What Dash's dev tools report at load, with Dash's title."""

        title: str
        message: str

    class Change(TypedDict):
        """A reader's change in an ``update``: one setProps (``id`` None: a component without one)."""

        id: ComponentId | None
        props: dict[str, JSON]

    class Update(TypedDict):
        """Prop values the page applies (``updates`` of ``updated`` and ``interim``)."""

        id: ComponentId
        props: dict[str, JSON]

    class LoadingOutput(TypedDict):
        """An output still being computed (``loading``)."""

        id: ComponentId
        property: str

    class ClientsideCall(TypedDict):
        """``clientside``: the clientside callback a run waits for the page to run."""

        function: dict[str, JSON]  # {"source": JS} or {"namespace", "name"} (CallbackSpec.clientside)
        args: list[JSON]
        context: dict[str, JSON]
        multi: bool
        name: str

    class ClientsideAnswer(TypedDict, total=False):
        """The page's ``answer`` to a clientside call: one of value, prevented or error, and set_props."""

        value: JSON
        prevented: bool
        error: Error
        set_props: list[list[JSON]]  # [[ID, {prop: value}], ...]

    class JobAnswer(ClientsideAnswer, total=False):
        """A background job's ``answer`` (jobs.run_job): as a clientside one, and how long the call took."""

        ms: float

    class JobStart(TypedDict):
        """A background job the page must start (``jobs``)."""

        job: int
        callback: str
        args: list[JSON]
        context: dict[str, JSON]  # the call's facts (context.CallContext.facts)
        progress: bool

    class CheckResult(TypedDict):
        """One exercise check's outcome (``checked``)."""

        name: str
        title: str
        passed: bool
        message: str

    # Page -> worker

    class LoadRequest(TypedDict):
        type: Literal["load"]
        app: str
        code: str
        filename: NotRequired[str]
        diagram: NotRequired[bool]

    class UpdateRequest(TypedDict):
        type: Literal["update"]
        app: str
        seq: NotRequired[int | None]
        changes: list[Change]

    class ClientsideResultRequest(TypedDict):
        type: Literal["clientside-result"]
        app: str
        answer: ClientsideAnswer

    class JobProgressRequest(TypedDict):
        type: Literal["job-progress"]
        app: str
        job: int
        value: JSON

    class JobDoneRequest(TypedDict):
        type: Literal["job-done"]
        app: str
        job: int
        answer: JobAnswer

    class CheckRequest(TypedDict):
        type: Literal["check"]
        app: str
        code: str
        checks: str
        filename: NotRequired[str]

    class UnloadRequest(TypedDict):
        type: Literal["unload"]
        app: str

    class JobRequest(TypedDict):
        """In a background worker: run one job."""

        type: Literal["job"]
        job: int
        code: str
        filename: NotRequired[str]
        callback: str
        args: list[JSON]
        context: dict[str, JSON]
        progress: NotRequired[bool]

    Request: TypeAlias = (
        LoadRequest
        | UpdateRequest
        | ClientsideResultRequest
        | JobProgressRequest
        | JobDoneRequest
        | CheckRequest
        | UnloadRequest
        | JobRequest
    )

    # Worker -> page

    class RunAnswer(TypedDict):
        """What a ``loaded`` or ``updated`` may carry about the run that made it."""

        loading: NotRequired[list[LoadingOutput]]
        clientside: NotRequired[ClientsideCall]
        jobs: NotRequired[list[JobStart]]
        cancel: NotRequired[list[int]]

    class Loaded(RunAnswer):
        type: Literal["loaded"]
        app: str
        layout: JSON  # component JSON, or None when the code gave no app
        trace: list[Run]
        error: Error | None
        problems: list[Problem]
        children_props: NotRequired[dict[str, dict[str, list[str]]]]
        stylesheets: NotRequired[list[str]]
        background: NotRequired[bool]
        diagram: NotRequired[dict[str, JSON]]

    class Updated(RunAnswer):
        type: Literal["updated"]
        app: str
        seq: int | None
        updates: list[Update]
        trace: list[Run]
        queued: NotRequired[bool]

    class Interim(TypedDict):
        type: Literal["interim"]
        app: str
        updates: list[Update]
        loading: NotRequired[list[LoadingOutput]]

    class Unloaded(TypedDict):
        type: Literal["unloaded"]
        app: str

    class Failed(TypedDict):
        type: Literal["failed"]
        app: str | None
        request: str | None
        error: Error

    class Checked(TypedDict):
        type: Literal["checked"]
        app: str
        results: list[CheckResult]

    class JobProgress(TypedDict):
        """In a background worker, posted at once on each set_progress (without ``app``: the page adds it)."""

        type: Literal["job-progress"]
        job: int
        value: JSON

    class JobDone(TypedDict):
        """In a background worker: the answer to ``job``."""

        type: Literal["job-done"]
        job: int
        answer: JobAnswer

    # What Kernel.handle answers (``interim`` and a job's progress go out on their own, through notify).
    Answer: TypeAlias = Loaded | Updated | Unloaded | Failed | Checked | JobDone


class ProtocolError(ValueError):
    """A request that does not fit the protocol (answered with ``failed``)."""


# Page -> worker: each request's required fields and their types (more fields may follow, as documented), the
# run-time check of the request types above.
_REQUESTS: dict[str, dict[str, type]] = {
    "load": {"app": str, "code": str},
    "update": {"app": str, "changes": list},
    "clientside-result": {"app": str, "answer": dict},
    "job-progress": {"app": str, "job": int},
    "job-done": {"app": str, "job": int, "answer": dict},
    "check": {"app": str, "code": str, "checks": str},
    "unload": {"app": str},
    "job": {"job": int, "code": str, "callback": str, "args": list, "context": dict},
}


def check_request(message: JSON) -> Request:
    """Raise ProtocolError unless ``message`` (JSON as the page sent it) is a request of a known type with its
    fields (see above); return it as that request."""
    _check(message)
    return message


def _check(message: JSON) -> None:
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError("a request is a JSON object with a type")
    fields = _REQUESTS.get(message["type"])
    if fields is None:
        raise ProtocolError(f"unknown request type {message['type']!r}")
    for name, kind in fields.items():
        if not isinstance(message.get(name), kind) or (kind is int and isinstance(message.get(name), bool)):
            raise ProtocolError(f"{message['type']}.{name}: expected {kind.__name__}")
    if message["type"] == "update":
        if not all(isinstance(c, dict) and isinstance(c.get("props"), dict) for c in message["changes"]):
            raise ProtocolError("update.changes: expected [{id, props}, ...]")
        for change in message["changes"]:
            change.setdefault("id", None)  # a component without an id (JSON drops an undefined id)


def prop_key(component_id: ComponentId, prop: str) -> str:
    """``"id.prop"`` as Dash names a property in callbacks and in ``ctx``."""
    return f"{id_key(component_id)}.{prop}"
