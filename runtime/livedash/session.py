"""One running app: its code executed, its store, and its scheduler. Used by the worker's kernel,
the build's prerender and the headless test client alike."""

from .errors import describe
from .graph import CallbackGraph
from .sandbox import execute
from .scheduler import Scheduler
from .store import Store
from .validation import validate


class Session:
    def __init__(self, source, filename="app.py"):
        self.filename = filename
        self.app, self.namespace = execute(source, filename)
        self.store = Store(self.app.build_layout())
        # Dash's debug-mode checks; duplicate outputs leave no callback to run, as in Dash.
        self.problems, usable = validate(self.app, self.app.callbacks, self.store)
        self.graph = CallbackGraph(usable)
        self.scheduler = Scheduler(self.graph, self.store, filename)
        self.trace = []
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

    def _drive(self, run, answer):
        try:
            ask = run.send(answer)
        except StopIteration as done:
            patches, runs = done.value
            step = Step(patches, runs, None)
        else:
            self.suspended = run
            step = Step(ask["patches"], ask["trace"], ask["clientside"])
        self.trace.extend(step.runs)
        self.last_patches = step.patches
        return step

    def layout_json(self):
        return self.store.layout_json()


class Step:
    """What a run did since it started or last waited: patches, callback runs, and the clientside
    request it now waits on (None when the run is finished)."""

    def __init__(self, patches, runs, ask):
        self.patches, self.runs, self.ask = patches, runs, ask


def start_session(source, filename):
    """``(session, Step, None)`` or ``(None, None, ERROR)`` when the code does not give a working app."""
    try:
        session = Session(source, filename)
        step = session.start()
    except Exception as exc:
        return None, None, describe(exc, filename)
    return session, step, None
