"""Exercises: checks run on a reader's code with the test client, and every exercise of the course holds
together (the solution passes every check, the starter fails one)."""

from pathlib import Path

import pytest

from livedash.exercises import load_checks, run_checks

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = sorted((ROOT / "docs" / "exercises").glob("*/checks.py"))

APP = """
from dash import Dash, html, callback, Input, Output
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P(id="out")])

@callback(Output("out", "children"), Input("b", "n_clicks"))
def show(n):
    if n == 2:
        raise ValueError("two")
    return f"clicked {n or 0}"
"""

CHECKS = """
def check_starts_at_zero(app):
    "The text starts at zero."
    assert app.text("out") == "clicked 0", f"it says {app.text('out')!r}"

def check_counts_to_three(app):
    app.click("b"); app.click("b"); app.click("b")
    assert app.text("out") == "clicked 3"

def helper(app):
    raise RuntimeError("not a check")
"""


def test_checks_run_in_order_with_titles_and_reasons():
    results = run_checks(APP, CHECKS)
    assert [(r["name"], r["title"], r["passed"]) for r in results] == [
        ("check_starts_at_zero", "The text starts at zero.", True),
        ("check_counts_to_three", "counts to three", False),
    ]
    assert results[1]["message"] == "your callback show raised ValueError (line 9): two"


def test_an_app_that_does_not_start_fails_every_check_with_the_reason():
    results = run_checks("from dash import Dash\napp = Dash(\n", CHECKS)
    assert [r["passed"] for r in results] == [False, False]
    assert results[0]["message"].startswith("the app did not start: SyntaxError")


def test_a_checks_file_without_checks_is_refused():
    with pytest.raises(ValueError, match="defines no check_"):
        load_checks("def helper(app):\n    pass\n")


@pytest.mark.parametrize("checks", EXERCISES, ids=[p.parent.name for p in EXERCISES])
def test_each_course_exercise_solution_passes_and_starter_fails(checks):
    folder = checks.parent
    source = checks.read_text(encoding="utf-8")
    solved = run_checks((folder / "solution.py").read_text(encoding="utf-8"), source, "solution.py")
    assert all(r["passed"] for r in solved), [r for r in solved if not r["passed"]]
    started = run_checks((folder / "starter.py").read_text(encoding="utf-8"), source, "starter.py")
    assert not all(r["passed"] for r in started), "the starter code already passes every check"
