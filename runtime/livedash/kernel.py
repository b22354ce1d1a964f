"""The worker's Python side: one Kernel holds the apps of a tab and answers protocol messages."""

from __future__ import annotations

import json

from .children_props import children_props_table
from .diagram import session_diagram
from .errors import describe
from .protocol import check_request, id_key
from .session import start_session

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Literal, TypeAlias, TypeVar

    from .jobs import JobRunner
    from .jsontypes import JSON
    from .protocol import (
        Answer,
        Change,
        Checked,
        CheckRequest,
        ClientsideAnswer,
        ClientsideCall,
        ClientsideResultRequest,
        Interim,
        JobAnswer,
        JobDone,
        JobDoneRequest,
        JobProgressRequest,
        JobRequest,
        Loaded,
        LoadingOutput,
        LoadRequest,
        Unloaded,
        UnloadRequest,
        Update,
        Updated,
        UpdateRequest,
    )
    from .scheduler import Notify
    from .session import Session, Step

    # What waits behind a run that waits for the page: a reader's change (with its update's seq), a job's
    # progress or a job's answer.
    Work: TypeAlias = (
        tuple[Literal["change"], Change, int | None]
        | tuple[Literal["job-progress"], int, JSON]
        | tuple[Literal["job-done"], int, JobAnswer]
    )
    # An answer that may carry background jobs to start or stop.
    WithJobs = TypeVar("WithJobs", Loaded, Updated)


class Kernel:
    def __init__(self, notify: Callable[[str], None] | None = None) -> None:
        self.sessions: dict[str, Session] = {}
        # app key -> (work still to do, seq) while a run waits for the page to answer a clientside request:
        # the reader's changes and the jobs' reports that arrived meanwhile, run after it in order (seq: the
        # update whose changes the waiting run belongs to)
        self.waiting: dict[str, tuple[list[Work], int | None]] = {}
        self.notify = notify  # posts a message at once (interim updates, a background job's progress), as JSON text
        self.jobs: JobRunner | None = None  # in a background worker: the apps whose jobs it runs

    def handle(self, message_json: str) -> str:
        """Answer one message (a JSON string, see protocol.py) with a JSON string."""
        message: Mapping[str, JSON] = {}  # the request, once it is one (a failed answer names its app and type)
        try:
            request = check_request(json.loads(message_json))
            message = request
            answer: Answer = getattr(self, "_on_" + request["type"].replace("-", "_"))(request)
        except Exception as exc:  # a bad request must never take the kernel down
            answer = {
                "type": "failed",
                "app": message.get("app"),
                "request": message.get("type"),
                "error": describe(exc, "<request>"),
            }
        return json.dumps(answer)

    def _on_load(self, message: LoadRequest) -> Loaded:
        key = message["app"]
        self.sessions.pop(key, None)
        self.waiting.pop(key, None)
        notify: Notify | None = None
        post = self.notify
        if post is not None:

            def interim(updates: list[Update], loading: list[LoadingOutput] | None = None) -> None:
                message: Interim = {"type": "interim", "app": key, "updates": updates}
                if loading is not None:
                    message["loading"] = loading
                post(json.dumps(message))

            notify = interim

        session, step, error = start_session(message["code"], message.get("filename", "app.py"), notify)
        if session is None or step is None:  # (both or neither: the code gave no working app)
            return {"type": "loaded", "app": key, "layout": None, "trace": [], "error": error, "problems": []}
        self.sessions[key] = session
        answer: Loaded = {
            "type": "loaded",
            "app": key,
            "layout": session.layout_json(),
            "trace": step.runs,
            "error": None,
            "problems": session.problems,
            "children_props": children_props_table(),
            "loading": session.scheduler.loading(),
            "stylesheets": session.app.stylesheets(),
            "background": any(spec.background for spec in session.app.callbacks),
        }
        if message.get("diagram"):  # the widget draws the graph of the code it now runs
            answer["diagram"] = session_diagram(session).to_json()
        if step.ask is not None:
            self.waiting[key] = ([], None)
            answer["clientside"] = step.ask
        return _with_jobs(answer, [step])

    def _on_update(self, message: UpdateRequest) -> Updated:
        work: list[Work] = [("change", change, message.get("seq")) for change in message["changes"]]
        return self._enqueue(message["app"], work, message.get("seq"))

    def _on_clientside_result(self, message: ClientsideResultRequest) -> Updated:
        if message["app"] not in self.waiting:
            raise RuntimeError("no run of this app is waiting for a clientside answer")
        work, seq = self.waiting.pop(message["app"])
        return self._continue(message["app"], message.get("answer") or {}, work, seq)

    def _enqueue(self, key: str, work: list[Work], seq: int | None) -> Updated:
        """Run ``work`` now, or, while a run of the app waits for the page (a clientside callback), after
        it: a reader's change or a job's report is never refused nor reordered. A queued request is
        answered at once with an empty ``updated`` marked ``queued``; its effects come in the answer to the
        ``clientside-result`` that lets the run go on."""
        session = self.sessions[key]
        if key in self.waiting:
            self.waiting[key][0].extend(work)
            return {"type": "updated", "app": key, "seq": seq, "updates": [], "trace": [], "queued": True}
        return self._continue(key, None, work, seq, session)

    def _continue(
        self,
        key: str,
        answer: ClientsideAnswer | None,
        work: list[Work],
        seq: int | None,
        session: Session | None = None,
    ) -> Updated:
        """Resume a waiting run (with the page's clientside answer) and do the remaining work in order,
        until done or until a clientside callback needs the page again. The answer's ``seq`` is the
        update of the last change applied (the page keeps a prop the reader changed after that one)."""
        session = session or self.sessions[key]
        steps = [session.resume(answer)] if answer is not None else []
        while True:
            if steps and steps[-1].ask is not None:
                self.waiting[key] = (work, seq)
                return _updated(key, seq, steps, session, clientside=steps[-1].ask)
            if not work:
                return _updated(key, seq, steps, session)
            match work.pop(0):
                case ("change", change, seq):
                    _superseded(steps, change)
                    steps.append(session.change(change["id"], change["props"]))
                case ("job-progress", number, value):
                    steps.append(session.job_progress(number, value))
                case ("job-done", number, job_answer):
                    steps.append(session.job_done(number, job_answer))

    def _on_job_progress(self, message: JobProgressRequest) -> Updated:
        return self._enqueue(message["app"], [("job-progress", message["job"], message["value"])], None)

    def _on_job_done(self, message: JobDoneRequest) -> Updated:
        return self._enqueue(message["app"], [("job-done", message["job"], message["answer"])], None)

    def _on_job(self, message: JobRequest) -> JobDone:
        """In a background worker: run one job of an app (see jobs.py); progress goes out through notify."""
        from .jobs import JobRunner

        self.jobs = self.jobs or JobRunner()
        return self.jobs.run(message, lambda m: self.notify(json.dumps(m)) if self.notify else None)

    def _on_check(self, message: CheckRequest) -> Checked:
        """Run an exercise's checks on the reader's code (each on a fresh app of its own)."""
        from .exercises import run_checks

        results = run_checks(message["code"], message["checks"], message.get("filename", "app.py"))
        return {"type": "checked", "app": message["app"], "results": results}

    def _on_unload(self, message: UnloadRequest) -> Unloaded:
        self.sessions.pop(message["app"], None)
        self.waiting.pop(message["app"], None)
        return {"type": "unloaded", "app": message["app"]}


# A small app run once before a Python memory snapshot is taken (web/snapshot.js), so that the imports and
# first-use work of loading an app, drawing its diagram and running a callback are in the snapshot.
_WARM_UP_APP = """
from dash import Dash, html, dcc, callback, Input, Output, State
app = Dash()
app.layout = html.Div([html.Button("go", id="b"), dcc.Input(id="i", value="x"), dcc.Store(id="s"), html.P(id="o")])

@callback(Output("s", "data"), Input("b", "n_clicks"), State("i", "value"))
def keep(n, value):
    return {"n": n, "value": value}

@callback(Output("o", "children"), Input("s", "data"))
def show(data):
    return str(data)
"""


def warm_up() -> None:
    """Load, click and unload the warm-up app in a kernel of its own (nothing of it is left behind)."""
    kernel = Kernel()
    for message in (
        {"type": "load", "app": "warm-up", "code": _WARM_UP_APP, "diagram": True},
        {"type": "update", "app": "warm-up", "seq": 1, "changes": [{"id": "b", "props": {"n_clicks": 1}}]},
        {"type": "unload", "app": "warm-up"},
    ):
        answer = json.loads(kernel.handle(json.dumps(message)))
        if answer["type"] == "failed" or answer.get("error"):
            raise RuntimeError(f"the warm-up app failed: {answer}")


def _superseded(steps: list[Step], change: Change) -> None:
    """Leave out of an answer's earlier updates the props a later change of the reader sets: the page
    shows the reader's value, and so does the store once the change is applied."""
    if change["id"] is None:
        return
    key = id_key(change["id"])
    for step in steps:
        kept: list[Update] = []
        for update in step.updates:
            if id_key(update["id"]) == key and set(update["props"]) & set(change["props"]):
                props = {p: v for p, v in update["props"].items() if p not in change["props"]}
                if not props:
                    continue
                update = {**update, "props": props}
            kept.append(update)
        step.updates = kept


def _updated(
    key: str, seq: int | None, steps: list[Step], session: Session, clientside: ClientsideCall | None = None
) -> Updated:
    answer: Updated = {
        "type": "updated",
        "app": key,
        "seq": seq,
        "updates": [p for step in steps for p in step.updates],
        "trace": [r for step in steps for r in step.runs],
        "loading": session.scheduler.loading(),
    }
    if clientside is not None:
        answer["clientside"] = clientside
    return _with_jobs(answer, steps)


def _with_jobs(answer: WithJobs, steps: list[Step]) -> WithJobs:
    """Add the background jobs the page must start or stop, when there are any."""
    jobs = [job for step in steps for job in step.jobs]
    cancel = [number for step in steps for number in step.cancel]
    if jobs:
        answer["jobs"] = jobs
    if cancel:
        answer["cancel"] = cancel
    return answer
