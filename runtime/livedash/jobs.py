"""Running a background callback's function, in a worker of its own (or inline, in the test client).

The function gets ``set_progress`` first when the callback has ``progress=``; what it returns, raises or
sets with ``set_props`` becomes the job's answer, the same shape as a clientside answer."""

from __future__ import annotations

import time

from .context import CallContext, calling
from .errors import describe
from .exceptions import PreventUpdate
from .store import to_json

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Callable

    from .callbacks import CallbackSpec
    from .jsontypes import JSON
    from .protocol import JobAnswer, JobDone, JobProgress, JobRequest


def run_job(
    spec: CallbackSpec, args: list[JSON], context: dict[str, JSON], on_progress: Callable[[JSON], None], filename: str
) -> JobAnswer:
    """Call ``spec``'s function with ``args`` (input then state values) under ``ctx`` made from ``context``
    (the facts of the call, as Dash hands its job the request's context); returns the answer dict."""
    call = CallContext.of(spec, context)
    start = time.perf_counter()
    answer: JobAnswer
    try:
        with calling(call):
            if spec.background is None:  # (a job names a background callback; a forged request may not)
                raise TypeError(f"{spec.id} is not a background callback")
            if spec.background["progress"]:

                def set_progress(value: JSON) -> None:
                    on_progress(to_json(value))

                result = spec.call(list(args), leading=(set_progress,))
            else:
                result = spec.call(list(args))
        answer = {"value": to_json(result)}
    except PreventUpdate:
        answer = {"prevented": True}
    except Exception as exc:
        answer = {"error": describe(exc, filename)}
    answer["set_props"] = [[cid, props] for cid, props in call.side_updates.values()]
    answer["ms"] = round((time.perf_counter() - start) * 1000, 3)
    return answer


class JobRunner:
    """The background worker's side: keeps each app's code executed once, runs its jobs."""

    def __init__(self) -> None:
        self._apps: dict[tuple[str, str], dict[str, CallbackSpec]] = {}  # (code, filename) -> its callbacks by id

    def run(self, message: JobRequest, notify: Callable[[JobProgress], None]) -> JobDone:
        """Answer a ``job`` request (protocol.py); each set_progress is handed to ``notify`` at once."""
        from .sandbox import execute

        key = (message["code"], message.get("filename", "app.py"))
        if key not in self._apps:
            app, _ = execute(*key)
            self._apps[key] = {spec.id: spec for spec in app.callbacks}
        spec = self._apps[key][message["callback"]]
        number = message["job"]
        answer = run_job(
            spec,
            message["args"],
            message["context"],
            lambda value: notify({"type": "job-progress", "job": number, "value": value}),
            key[1],
        )
        return {"type": "job-done", "job": number, "answer": answer}
