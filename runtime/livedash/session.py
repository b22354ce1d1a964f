"""One running app: its code executed, its store, and its scheduler. Used by the worker's kernel,
the build's prerender and the headless test client alike."""

from .errors import describe
from .graph import CallbackGraph
from .sandbox import execute
from .scheduler import Scheduler
from .store import Store
from .validation import validate


class Session:
    def __init__(self, source, filename="app.py", notify=None):
        self.filename = filename
        self.app, self.namespace = execute(source, filename)
        self.store = Store(self.app.build_layout())
        # Dash's debug-mode checks; duplicate outputs leave no callback to run, as in Dash.
        self.problems, usable = validate(self.app, self.app.callbacks, self.store)
        self.graph = CallbackGraph(usable)
        self.scheduler = Scheduler(self.graph, self.store, filename, notify)
        self.last_patches = []
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
            patches, runs = done.value
            step = Step(patches, runs, None)
        else:
            self.suspended = run
            step = Step(ask["patches"], ask["trace"], ask["clientside"])
        step.jobs, step.cancel = self.scheduler.take_jobs()
        self.last_patches = step.patches
        return step

    def layout_json(self):
        return self.store.layout_json()


class Step:
    """What a run did since it started or last waited: patches, callback runs, the clientside request it
    now waits on (None when the run is finished), and the background jobs to start or stop."""

    def __init__(self, patches, runs, ask):
        self.patches, self.runs, self.ask = patches, runs, ask
        self.jobs, self.cancel = [], []    # background jobs to start, and to stop


def start_session(source, filename, notify=None):
    """``(session, Step, None)`` or ``(None, None, ERROR)`` when the code does not give a working app.
    ``notify(patches)`` shows patches at once, while a callback runs (running=)."""
    try:
        session = Session(source, filename, notify)
        step = session.start()
    except Exception as exc:
        return None, None, describe(exc, filename)
    return session, step, None
