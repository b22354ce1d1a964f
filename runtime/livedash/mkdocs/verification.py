"""Verify an exercise at build time: its solution must pass every check and its starter fail one.

Both runs are the author's code, so each runs isolated and time-limited like an example (isolation.py)."""

from pathlib import PurePosixPath

from ..exercises import CHECKS_FILE, run_checks
from .examples import error_location
from .isolation import Call


def check_calls(example):
    """The two runs of the exercise's checks: on solution.py, then on starter.py."""
    folder = PurePosixPath(example.source).parent
    checks = example.exercise["checks"]
    sources = {CHECKS_FILE: str(folder / CHECKS_FILE)}  # load_checks compiles checks.py under that name
    calls = []
    for name, code in (("solution.py", example.exercise["solution"]), ("starter.py", example.code)):
        path = str(folder / name)
        calls.append(Call(run_checks, (code, checks, path), {path: path, **sources}))
    return calls


def problem(solved, started):
    """What is wrong with the exercise, or "", from the outcomes of its two runs (see check_calls)."""
    for outcome, name in ((solved, "solution.py"), (started, "starter.py")):
        if "error" in outcome:  # checks.py is broken, or the code ended, crashed or ran too long
            error = outcome["error"]
            return f"the checks could not run on {name}: {error['kind']} at {error_location(error)}: {error['message']}"
    failed = [f"{r['name']} ({r['message']})" for r in solved["value"] if not r["passed"]]
    if failed:
        return "the solution fails " + "; ".join(failed)
    if all(r["passed"] for r in started["value"]):
        return "the starter code already passes every check"
    return ""
