"""One running app: its code executed, its store, and its scheduler. Used by the worker's kernel,
the build's prerender and the headless test client alike."""

from .errors import SOURCE_KEY, describe
from .graph import CallbackGraph
from .runmode import RunMode, read_run_call
from .sandbox import execute
from .scheduler import Scheduler
from .store import Store
from .validation import validate


class Session:
    def __init__(self, source, filename="app.py", notify=None):
        self.filename = filename
        self.app, self.namespace = execute(source, filename)
        self.namespace[SOURCE_KEY] = source  # the line texts of its callbacks' tracebacks (errors.py)
        self.store = Store(self.app.build_layout())
        # Dash's load-time checks, as the app's own app.run(debug=...) sets them; a problem with the
        # callbacks' dependencies leaves no callback to run, as in Dash.
        self.run_mode = run_mode_of(self.app, self.namespace, source)
        self.problems, usable = validate(
            self.app, self.app.callbacks, self.store, checks=self.run_mode.validate, shown=self.run_mode.ui
        )
        if self.run_mode.called == "run_server":
            self.problems.insert(0, run_server_problem(self.run_mode))
        self.graph = CallbackGraph(usable)
        self.scheduler = Scheduler(self.graph, self.store, filename, notify)
        self.suspended = None

    # A run goes on until it is finished or a clientside callback needs the page; then it waits in
    # ``suspended`` for :meth:`resume` with the page's answer. Each returns a Step.
    def start(self):
        """Run the initial callbacks."""
        return self._drive(self.scheduler.initial(), None)

    def change(self, component_id, props):
        """A reader's edit (one setProps) and the callbacks it triggers."""
        if self.suspended is not None:
            raise RuntimeError("a run is waiting for a clientside callback; resume it first")
        return self._drive(self.scheduler.change(component_id, props), None)

    def resume(self, answer):
        """Continue the waiting run with the page's answer to its clientside request."""
        run, self.suspended = self.suspended, None
        if run is None:
            raise RuntimeError("no run is waiting for a clientside answer")
        return self._drive(run, answer)

    def job_progress(self, number, value):
        """A background job called set_progress(value)."""
        return self._drive(self.scheduler.job_progress(number, value), None)

    def job_done(self, number, answer):
        """A background job finished (answer as run_job gives it)."""
        return self._drive(self.scheduler.job_done(number, answer), None)

    def _drive(self, run, answer):
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

    def layout_json(self):
        return self.store.layout_json()


def run_mode_of(app, namespace, source):
    """How the program runs its app: a top-level ``app.run(...)`` it made (recorded by Dash.run), else the
    one in its ``if __name__ == "__main__":`` block (read, not run), else debug on (runmode.py)."""
    if app._run_mode is not None:
        return app._run_mode
    names = {name for name, value in namespace.items() if value is app}
    return read_run_call(source, namespace, names or None) or RunMode(True)


def run_server_problem(mode):
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

    def __init__(self, updates, runs, ask):
        self.updates, self.runs, self.ask = updates, runs, ask
        self.jobs, self.cancel = [], []  # background jobs to start, and to stop


def start_session(source, filename, notify=None):
    """``(session, Step, None)`` or ``(None, None, ERROR)`` when the code does not give a working app.
    ``notify(updates)`` shows updates at once, while a callback runs (running=)."""
    try:
        session = Session(source, filename, notify)
        step = session.start()
    except Exception as exc:
        return None, None, describe(exc, filename, source)
    return session, step, None
