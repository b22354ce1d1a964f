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

    def start(self):
        """Run the initial callbacks; returns their trace."""
        _, runs = self.scheduler.initial()
        self.trace.extend(runs)
        return runs

    def change(self, component_id, props):
        patches, runs = self.scheduler.change(component_id, props)
        self.trace.extend(runs)
        self.last_patches = patches
        return patches, runs

    def layout_json(self):
        return self.store.layout_json()


def start_session(source, filename):
    """``(session, runs, None)`` or ``(None, [], ERROR)`` when the code does not give a working app."""
    try:
        session = Session(source, filename)
        runs = session.start()
    except Exception as exc:
        return None, [], describe(exc, filename)
    return session, runs, None
