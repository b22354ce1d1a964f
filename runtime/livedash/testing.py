"""A headless test client: drive an app as a reader would, with no browser.

    client = Client.from_file("docs/examples/counter.py")
    client.click("btn")
    assert client.text("count") == "Count: 1"

The same client serves our pytest suite and the exercises' checks (exercises.py), which run at build time
and in the reader's worker on Check.
"""

import time
from contextlib import contextmanager
from pathlib import Path

from .components.base import Component
from .exceptions import LivedashUnsupported
from .protocol import id_key
from .session import Session


class CallbackError(AssertionError):
    """A callback raised while the client drove the app; carries the reader-facing ERROR."""

    def __init__(self, run):
        self.run = run
        error = run["error"]
        super().__init__(
            f"callback {run['function']} ({run['callback']}) raised {error['kind']}: "
            f"{error['message']}\n{error['traceback']}"
        )


class Client:
    def __init__(self, source, filename="app.py", raise_errors=True, clientside=None, hold_jobs=False):
        """``clientside``: a function that answers a clientside request as the page would (see
        Scheduler._clientside); without one, an app whose clientside callbacks run fails clearly.
        ``hold_jobs``: keep background jobs waiting until :meth:`run_jobs` (to see running= or cancel)."""
        self.session = Session(source, filename)
        self.raise_errors = raise_errors
        self.clientside = clientside
        self.hold_jobs = hold_jobs
        self.jobs = []  # background jobs started and not yet run
        self.runs = []
        self._finish(self.session.start())

    @classmethod
    def from_file(cls, path, **kwargs):
        path = Path(path)
        return cls(path.read_text(encoding="utf-8"), str(path), **kwargs)

    def _finish(self, step):
        """Answer clientside requests until the run is done, then run the background jobs it started
        (unless held); returns the callback runs."""
        runs = list(step.runs)
        while True:
            self.jobs = [j for j in self.jobs if j["job"] not in step.cancel] + step.jobs
            if step.ask is None:
                break
            if self.clientside is None:
                raise LivedashUnsupported(
                    f"the clientside callback {step.ask['name']} runs only in a browser; "
                    "give the test client a clientside= function to stand in for it"
                )
            step = self.session.resume(self.clientside(step.ask))
            runs += step.runs
        self._record(runs)
        if not self.hold_jobs:
            runs += self.run_jobs()
        return runs

    def run_jobs(self, each_progress=None):
        """Run the waiting background jobs here, one after the other, as their worker would.
        ``each_progress()`` is called after each ``set_progress`` reached the app, so a check can read
        the app as it is while the job runs (with ``hold_jobs = True`` it can also look before)."""
        from .jobs import run_job

        runs = []
        specs = {spec.id: spec for spec in self.session.app.callbacks}
        while self.jobs:
            job = self.jobs.pop(0)
            progress_steps = []
            with _instant_sleep():
                answer = run_job(
                    specs[job["callback"]],
                    job["args"],
                    job["context"],
                    progress_steps.append,
                    self.session.filename,
                )
            for value in progress_steps:
                runs += self._finish(self.session.job_progress(job["job"], value))
                if each_progress is not None:
                    each_progress()
            runs += self._finish(self.session.job_done(job["job"], answer))
        return runs

    def _record(self, runs):
        self.runs.extend(runs)
        if self.raise_errors:
            for run in runs:
                if run["status"] == "error":
                    raise CallbackError(run)
        return runs

    # -- reading ----------------------------------------------------------------------------------
    def component(self, component_id):
        return self.session.store.index[id_key(component_id)]

    def prop(self, component_id, prop):
        return self.session.store.get(id_key(component_id), prop)

    def text(self, component_id):
        """The text a reader sees in the component (its children, flattened)."""
        return _text(self.component(component_id)._props.get("children"))

    # -- acting -----------------------------------------------------------------------------------
    def set(self, component_id, **props):
        """Change props as a reader's action would (one setProps); returns the callback runs."""
        return self._finish(self.session.change(component_id, props))

    def click(self, component_id):
        clicks = (self.prop(component_id, "n_clicks") or 0) + 1
        return self.set(component_id, n_clicks=clicks, n_clicks_timestamp=int(time.time() * 1000))

    def type(self, component_id, text):
        """Type ``text`` into an input, one keystroke at a time (as a non-debounced dcc.Input reports)."""
        value = self.prop(component_id, "value") or ""
        runs = []
        for char in text:
            value += char
            runs += self.set(component_id, value=value)
        return runs


@contextmanager
def _instant_sleep():
    """A job runs here inline, start to end, so its waiting shows nothing a check could see: its
    ``time.sleep`` returns at once (a lesson's slow job would otherwise make Check, and the build that
    verifies exercises, wait for nothing; in Pyodide, sleeping even keeps the CPU busy)."""
    sleep, time.sleep = time.sleep, lambda seconds: None
    try:
        yield
    finally:
        time.sleep = sleep


def _text(node):
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(_text(n) for n in node)
    if isinstance(node, Component):
        return _text(node._props.get("children"))
    if isinstance(node, float) and node.is_integer():
        return str(int(node))
    return str(node)
