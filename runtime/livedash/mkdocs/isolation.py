"""Run authors' code away from the build: each call in a fresh child process of its own, with a time limit.

An example can do anything its Python can: exit, loop for ever, replace functions of livedash. Run in the
build's own process, that ended the build without a word, hung it, or changed every page built after it.
Here each call runs in a child forked from multiprocessing's fork server, which has livedash imported
(so a child is cheap) and never runs authors' code itself (so every child starts clean). The answer comes
back as JSON, never as a pickle, which could run code in the build. A call that exits, crashes or does not
finish in time is reported as an error of the author's code, with the line it was running.
"""

import faulthandler
import json
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import time
import traceback
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from ..errors import describe

# What the fork server imports once, so that each child has it already.
PRELOAD = [
    "livedash.mkdocs.isolation",
    "livedash.mkdocs.examples",
    "livedash.exercises",
    "livedash.dash",
    "livedash.markdown",
]

# How long the build waits beyond the time limit for a child whose own alarm did not stop it.
GRACE = 5


@dataclass
class Call:
    """``task(*args)`` to run in a child. ``task`` is a module-level function (the child imports it by
    name) returning JSON data. ``sources`` maps the file names in the code's frames to the names to
    report, to say which line of the author's code was running when it stopped."""

    task: object
    args: tuple
    sources: dict = field(default_factory=dict)


def run(calls, timeout, workers=None, paths=()):
    """Run each call in a child of its own, a few at once: one outcome per call, in order, each
    ``{"value": data}`` or ``{"error": ERROR}`` (protocol.py's error: kind, message, traceback, filename,
    line). ``paths`` go first on each child's sys.path (the wheels of the plugin's `packages:`, which import
    as zip files)."""
    if not calls:
        return []
    workers = max(1, workers or _cpus())
    outcomes = [None] * len(calls)
    waiting = list(reversed(list(enumerate(calls))))
    running = {}  # result connection -> _Child
    with tempfile.TemporaryDirectory(prefix="livedash-") as folder:
        try:
            while waiting or running:
                while waiting and len(running) < workers:
                    index, call = waiting.pop()
                    child = _Child(index, call, timeout, folder, list(paths))
                    running[child.connection] = child
                deadline = min(child.deadline for child in running.values())
                for connection in wait(list(running), timeout=max(0, deadline - time.monotonic())):
                    child = running.pop(connection)
                    outcomes[child.index] = child.outcome()
                for connection, child in list(running.items()):
                    if time.monotonic() >= child.deadline:  # its own alarm failed: stop it from here
                        del running[connection]
                        child.stop(now=True)
                        outcomes[child.index] = {"error": child.ended_error(killed=True)}
        finally:
            for child in running.values():  # the build was interrupted: leave no child behind
                child.stop(now=True)
    return outcomes


def _cpus():
    # The cores this process may use (a container may have fewer than the machine).
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def warm_up():
    """Start the fork server now: it imports livedash while the build does other work."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context():
    # forkserver: fresh children without forking the build (which may have threads, as `mkdocs serve` has).
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return context


@contextmanager
def _main_hidden():
    """multiprocessing runs the parent's main script again in each child, unless it was started with -m
    (`mkdocs` is a script): that costs an import of MkDocs per example, and runs any script that builds
    without an `if __name__ == "__main__"` guard again. The child needs nothing from it: hide it."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class _Child:
    def __init__(self, index, call, timeout, folder, paths=()):
        self.index, self.call, self.timeout = index, call, timeout
        self.dump = os.path.join(folder, f"{index}.stack")
        context = _context()
        self.connection, writer = context.Pipe(duplex=False)
        self.process = context.Process(target=_child_main, args=(call, timeout, self.dump, writer, paths), daemon=True)
        with _main_hidden():
            self.process.start()
        writer.close()
        self.deadline = time.monotonic() + timeout + GRACE

    def outcome(self):
        """The child's answer, once its connection is ready (an answer, or its end)."""
        try:
            data = self.connection.recv_bytes()
        except (EOFError, OSError):  # the child ended without answering
            data = None
        self.stop()
        if data is not None:
            try:
                answer = json.loads(data)
            except ValueError:
                answer = None
            if isinstance(answer, dict) and ("value" in answer or "error" in answer):
                return answer
        return {"error": self.ended_error()}

    def stop(self, now=False):
        if not now:
            self.process.join(GRACE)  # it has answered or ended: it is exiting
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()

    def ended_error(self, killed=False):
        """Why the child ended without an answer, from its exit code and the stack faulthandler wrote."""
        try:
            with open(self.dump, encoding="utf-8", errors="replace") as file:
                stack = file.read()
        except OSError:
            stack = ""
        frames = _stack_frames(stack, self.call.sources)
        filename, line = frames[-1][:2] if frames else (next(iter(self.call.sources.values()), "?"), None)
        shown = (
            (
                "Traceback (most recent call last):\n"
                + "".join(f'  File "{f}", line {n}, in {name}\n' for f, n, name in frames)
            )
            if frames
            else ""
        )
        if stack.startswith("Timeout") or killed:
            kind, message = (
                "TimeoutError",
                (f"the code did not finish within {self.timeout:g} s (the plugin's timeout option)"),
            )
        elif "Fatal Python error" in stack:
            crash = re.search(r"Fatal Python error: (.*)", stack)
            kind, message = "Crash", f"the code crashed Python ({crash[1].strip() if crash else 'fatal error'})"
        else:
            code = self.process.exitcode
            how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
            kind, message = "SystemExit", f"the code ended its Python process ({how}) before it finished"
        return {
            "kind": kind,
            "message": message,
            "traceback": shown + f"{kind}: {message}\n",
            "filename": filename,
            "line": line,
        }


def _stack_frames(stack, sources):
    """[(file, line, function)] of the author's code in a faulthandler dump, outermost first. The dump
    lists each thread's most recent call first, threads apart by a blank line; the thread that ran the
    code is the one in _child_main (the code may have started threads of its own)."""
    threads = [re.findall(r'^\s*File "(.*)", line (\d+) in (.*)$', block, re.M) for block in stack.split("\n\n")]
    threads = [frames for frames in threads if frames]
    main = next(
        (frames for frames in threads if any(name == "_child_main" for _, _, name in frames)),
        threads[0] if threads else [],
    )
    return [(sources[file], int(line), name) for file, line, name in reversed(main) if file in sources]


class _Exited(SystemExit):
    """os._exit called by the author's code: raised where it was called, so the line is known."""


def _refuse_exit(status=0):
    raise _Exited(status)


def _child_main(call, timeout, dump_path, connection, paths=()):
    """In the child: run the call with a time limit and send back its outcome as JSON."""
    sys.path[:0] = paths
    real_exit = os._exit
    exit_modules = [module for module in (os, sys.modules.get(os.name)) if module is not None]
    with open(dump_path, "w", encoding="utf-8") as dump:
        faulthandler.enable(dump)  # a crash (segfault, abort) writes the stack too
        # At the limit, the stack goes to the dump and the process ends, even inside a C loop.
        faulthandler.dump_traceback_later(timeout, exit=True, file=dump)
        for module in exit_modules:
            module._exit = _refuse_exit
        try:
            outcome = {"value": call.task(*call.args)}
        except BaseException as exc:  # SystemExit and KeyboardInterrupt too: they are the author's errors
            outcome = {"error": _described(exc, call.sources)}
        finally:
            for module in exit_modules:
                module._exit = real_exit
        try:
            data = json.dumps(outcome)
        except (TypeError, ValueError) as exc:
            data = json.dumps(
                {
                    "error": _error(
                        "TypeError",
                        f"the result cannot be written as JSON: {exc}",
                        next(iter(call.sources.values()), "?"),
                    )
                }
            )
        connection.send_bytes(data.encode("utf-8"))
        connection.close()
        faulthandler.cancel_dump_traceback_later()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # what the code printed
        except BaseException:  # the code may have replaced the stream: its answer is sent already
            pass
    real_exit(0)  # not multiprocessing's exit, which would wait for threads the code left running


def _error(kind, message, filename, line=None):
    return {"kind": kind, "message": message, "traceback": f"{kind}: {message}\n", "filename": filename, "line": line}


def _described(exc, sources):
    """The ERROR of an exception, located at the innermost frame of the author's files."""
    try:
        frames = [f.filename for f in traceback.extract_tb(exc.__traceback__) if f.filename in sources]
        filename = frames[-1] if frames else next(iter(sources), "?")
        error = describe(exc, filename)
        error["filename"] = sources.get(filename, filename)
        if isinstance(exc, SystemExit):
            how = f"os._exit({exc.code!r})" if isinstance(exc, _Exited) else f"sys.exit({exc.code!r})"
            error.update(
                kind="SystemExit", message=f"the code called {how}: an example must not end its Python process"
            )
        elif isinstance(exc, KeyboardInterrupt):
            error["message"] = "the code raised KeyboardInterrupt"
        return error
    except BaseException:  # an exception whose text cannot even be made
        return _error(type(exc).__name__, "(the exception could not be described)", next(iter(sources.values()), "?"))
