"""One running app: its code executed, its store, and its scheduler. Used by the worker's kernel,
the build's prerender and the headless test client alike."""

from __future__ import annotations

from .errors import SOURCE_KEY, describe
from .graph import CallbackGraph
from .runmode import RunMode, read_run_call
from .sandbox import execute
from .scheduler import Scheduler
from .store import Store
from .validation import validate

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from typing import Any

    from .app import Dash
    from .jsontypes import JSON, ComponentId
    from .protocol import ClientsideAnswer, ClientsideCall, Error, JobAnswer, JobStart, Problem, Run, Update
    from .scheduler import Notify, SchedulerRun


class Session:
    def __init__(self, source: str, filename: str = "app.py", notify: Notify | None = None) -> None:
        self.filename = filename
        self.app, namespace = execute(source, filename)
        namespace[SOURCE_KEY] = source  # the line texts of its callbacks' tracebacks (errors.py)
        self.store = Store(self.app.build_layout())
        # Dash's load-time checks, as the app's own app.run(debug=...) sets them; a problem with the
        # callbacks' dependencies leaves no callback to run, as in Dash.
        self.run_mode = run_mode_of(self.app, namespace, source)
        problems, usable = validate(
            self.app, self.app.callbacks, self.store, checks=self.run_mode.validate, shown=self.run_mode.ui
        )
        self.problems: list[Problem] = problems
        if self.run_mode.called == "run_server":
            self.problems.insert(0, run_server_problem(self.run_mode))
        self.scheduler = Scheduler(CallbackGraph(usable), self.store, filename, notify)
        self.suspended: SchedulerRun | None = None

    # A run goes on until it is finished or a clientside callback needs the page; then it waits in
    # ``suspended`` for :meth:`resume` with the page's answer. Each returns a Step.
    def start(self) -> Step:
        """Run the initial callbacks."""
        return self._drive(self.scheduler.initial(), None)

    def change(self, component_id: ComponentId | None, props: dict[str, JSON]) -> Step:
        """A reader's edit (one setProps) and the callbacks it triggers."""
        if self.suspended is not None:
            raise RuntimeError("a run is waiting for a clientside callback; resume it first")
        return self._drive(self.scheduler.change(component_id, props), None)

    def resume(self, answer: ClientsideAnswer) -> Step:
        """Continue the waiting run with the page's answer to its clientside request."""
        run, self.suspended = self.suspended, None
        if run is None:
            raise RuntimeError("no run is waiting for a clientside answer")
        return self._drive(run, answer)

    def job_progress(self, number: int, value: JSON) -> Step:
        """A background job called set_progress(value)."""
        return self._drive(self.scheduler.job_progress(number, value), None)

    def job_done(self, number: int, answer: JobAnswer) -> Step:
        """A background job finished (answer as run_job gives it)."""
        return self._drive(self.scheduler.job_done(number, answer), None)

    def _drive(self, run: SchedulerRun, answer: ClientsideAnswer | None) -> Step:
        try:
            ask = run.send(answer)
        except StopIteration as done:
            updates, runs = done.value
            step = Step(updates, runs, None)
        else:
            self.suspended = run
            step = Step(ask["updates"], ask["trace"], ask["clientside"])
        step.jobs, step.cancel = self.scheduler.take_jobs()
        return step

    def layout_json(self) -> JSON:
        return self.store.layout_json()


def run_mode_of(app: Dash, namespace: dict[str, Any], source: str) -> RunMode:
    """How the program runs its app: a top-level ``app.run(...)`` it made (recorded by Dash.run), else the
    one in its ``if __name__ == "__main__":`` block (read, not run), else debug on (runmode.py)."""
    if app._run_mode is not None:
        return app._run_mode
    names = {name for name, value in namespace.items() if value is app}
    return read_run_call(source, namespace, names or None) or RunMode(True)


def run_server_problem(mode: RunMode) -> Problem:
    """``app.run_server`` in the main block: real Dash 4.4.1 raises there when the file is run, so the app is
    never served; livedash, which does not run that block, says so."""
    return {
        "title": "ObsoleteAttributeException",
        "message": f"app.run_server has been replaced by app.run\n(line {mode.line}: running this file with "
        "Dash raises this error there, before the app is served. Write `app.run(debug=True)`.)",
    }


class Step:
    """What a run did since it started or last waited: updates, callback runs, the clientside request it
    now waits on (None when the run is finished), and the background jobs to start or stop."""

    def __init__(self, updates: list[Update], runs: list[Run], ask: ClientsideCall | None) -> None:
        self.updates, self.runs, self.ask = updates, runs, ask
        self.jobs: list[JobStart] = []  # background jobs to start
        self.cancel: list[int] = []  # and the numbers of those to stop


def start_session(
    source: str, filename: str, notify: Notify | None = None
) -> tuple[Session, Step, None] | tuple[None, None, Error]:
    """``(session, Step, None)`` or ``(None, None, ERROR)`` when the code does not give a working app.
    ``notify(updates)`` shows updates at once, while a callback runs (running=)."""
    try:
        session = Session(source, filename, notify)
        step = session.start()
    except Exception as exc:
        return None, None, describe(exc, filename, source)
    return session, step, None
