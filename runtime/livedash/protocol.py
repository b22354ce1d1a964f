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

``{"type": "job-progress", "app": KEY, "job": N, "value": V}`` / ``{"type": "job-done", "app": KEY, "job": N, "answer": {...}}``
    A background job (see ``jobs`` below) reported progress, or finished (answer as for clientside, plus
    ``ms``). Answer ``updated``.

``{"type": "check", "app": KEY, "code": SOURCE, "checks": CHECKS_SOURCE, "filename": ...}``
    Run an exercise's checks (see exercises.py) on SOURCE, each on a fresh app; the widget's own app is
    untouched. Answer ``{"type": "checked", "app": KEY, "results": [{"name", "title", "passed", "message"}]}``.

``{"type": "unload", "app": KEY}``
    Forget the app (its widget left the page). Answer ``unloaded``.

In a background worker (one per job): ``{"type": "job", "job": N, "code": SOURCE, "filename": ..., "callback":
CALLBACK_ID, "args": [...], "context": {...}, "progress": bool}`` runs the callback's function (``ctx`` made
from ``context``: the ``triggered`` prop ids and the ``inputs_list``/``states_list``/``outputs_list`` of the call,
as Dash gives its job the request's context); the worker posts
``{"type": "job-progress", "job": N, "value": V}`` on each set_progress and answers ``{"type": "job-done", "job": N,
"answer": {...}}``.

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
    Prop values to apply, in order. A value may contain components (``children``). ``seq`` is that of the last ``update`` whose changes this answer applied (``null``
    when none did); a prop that a change of this answer sets is left out of the updates that came before it.
    With ``"queued": true`` (and nothing else to apply): the request came while a run of the app waits for a
    clientside answer; its work is queued behind that run, in order, and its effects come in the answers to
    the ``clientside-result`` requests.

A ``loaded`` or ``updated`` may also carry ``"jobs": [{"job": N, "callback": ID, "args": [...], "context": {...}, "progress": bool}]``
(background jobs for the page to start) and ``"cancel": [N, ...]`` (jobs to stop), and
``"clientside": {"function": {"source": JS} | {"namespace", "name"},
"args": [...], "context": {...}, "multi": bool, "name": ...}``: the run is waiting for the page to run that
clientside callback and answer ``clientside-result``. An ``update`` or a job's report that comes meanwhile
(it may have been sent before the page heard of the wait) is queued in the worker and runs after the waiting
run, in the order received; the page may also hold its updates back until it has answered.

``{"type": "interim", "app": KEY, "updates": [...]}``
    Sent on its own, before the answer, while a slow callback runs: its ``running=`` values.

``{"type": "unloaded", "app": KEY}``

``{"type": "failed", "app": KEY | null, "request": TYPE, "error": ERROR}``
    The request itself was malformed or named an unknown app.

RUN (one callback execution, for the trace panel)::

    {"callback": "out.children", "function": "update_count", "triggered": ["btn.n_clicks"],
     "inputs": {"btn.n_clicks": 3}, "outputs": {"out.children": "Count: 3"},
     "status": "ok" | "prevented" | "error", "ms": 0.12, "error": ERROR | absent}

ERROR::

    {"kind": "SyntaxError", "message": "...", "traceback": "...", "filename": "counter.py", "line": 7 | null}
"""

PROTOCOL_VERSION = 4

from .dependencies import stringify_id as id_key  # noqa: E402  (one definition of the id string)


class ProtocolError(ValueError):
    """A request that does not fit the protocol (answered with ``failed``)."""


# Page -> worker: each request's required fields and their types (more fields may follow, as documented).
_REQUESTS = {
    "load": {"app": str, "code": str},
    "update": {"app": str, "changes": list},
    "clientside-result": {"app": str, "answer": dict},
    "job-progress": {"app": str, "job": int},
    "job-done": {"app": str, "job": int, "answer": dict},
    "check": {"app": str, "code": str, "checks": str},
    "unload": {"app": str},
    "job": {"job": int, "code": str, "callback": str, "args": list, "context": dict},
}


def check_request(message):
    """Raise ProtocolError unless ``message`` is a request of a known type with its fields (see above)."""
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
    return message


def prop_key(component_id, prop):
    """``"id.prop"`` as Dash names a property in callbacks and in ``ctx``."""
    return f"{id_key(component_id)}.{prop}"
