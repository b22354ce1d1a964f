"""Exercises: a reader's code, checked by small functions written with the headless test client.

An exercise is a folder with ``starter.py`` (what the reader starts from), ``solution.py`` and ``checks.py``::

    def check_bar_grows(app):
        "Each click makes the bar 20% wider."          # the title the reader sees
        app.click("step")
        assert app.prop("bar", "style")["width"] == "20%", "after one click the bar should be 20% wide"

Each check gets a fresh :class:`~livedash.testing.Client` on the reader's code, in file order. The same
code runs at build time (the solution must pass every check, the starter must fail one) and in the
reader's worker when they press Check."""

from .testing import CallbackError, Client

CHECKS_FILE = "checks.py"


def load_checks(source, filename=CHECKS_FILE):
    """The ``check_*`` functions of a checks file, in the order they are written: [(name, title, function)]."""
    namespace = {"__name__": "livedash_checks"}
    exec(compile(source, filename, "exec"), namespace)
    checks = [
        (name, (value.__doc__ or name[len("check_") :].replace("_", " ")).strip().splitlines()[0], value)
        for name, value in namespace.items()
        if name.startswith("check_") and callable(value)
    ]
    if not checks:
        raise ValueError(f"{filename} defines no check_* function")
    return checks


def _reason(exc):
    """Why a check failed, in the reader's terms."""
    if isinstance(exc, CallbackError):
        error = exc.run["error"]
        line = f" (line {error['line']})" if error.get("line") else ""
        return f"your callback {exc.run['function']} raised {error['kind']}{line}: {error['message']}"
    if isinstance(exc, AssertionError):
        return str(exc) or "the check's condition was not met"
    return f"{type(exc).__name__}: {exc}"


def run_checks(code, checks_source, filename="app.py"):
    """Run every check on ``code``: [{"name", "title", "passed", "message"}]. An app that does not start
    fails every check with the reason."""
    results = []
    for name, title, check in load_checks(checks_source):
        message = ""
        try:
            client = Client(code, filename)
        except Exception as exc:  # the reader's code may raise anything: a failed check, never a crash
            message = f"the app did not start: {_reason(exc)}"
        else:
            try:
                check(client)
            except Exception as exc:
                message = _reason(exc)
        results.append({"name": name, "title": title, "passed": not message, "message": message})
    return results
