"""A small exercise for the build and browser tests: make the button count."""

STARTER = """\
from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Click", id="btn"), html.P("Count: 0", id="count")])


@callback(Output("count", "children"), Input("btn", "n_clicks"))
def update(n):
    return "Count: 0"
"""

SOLUTION = STARTER.replace('return "Count: 0"', 'return f"Count: {n or 0}"')

CHECKS = """\
def check_starts_at_zero(app):
    "The count starts at 0."
    assert app.text("count") == "Count: 0", f"at the start the text is {app.text('count')!r}"


def check_counts_clicks(app):
    "Each click adds one."
    app.click("btn")
    app.click("btn")
    assert app.text("count") == "Count: 2", f"after two clicks the text is {app.text('count')!r}, not 'Count: 2'"
"""


def exercise_pages(starter=STARTER, solution=SOLUTION, checks=CHECKS):
    """Pages for make_site: a page with the exercise, a second page, and the exercise's files."""
    return {
        "index.md": '# Exercise\n\n```dash exercise="exercises/count"\n```\n',
        "other.md": "# Other\n\nNo exercise here.\n",
        "exercises/count/starter.py": starter,
        "exercises/count/solution.py": solution,
        "exercises/count/checks.py": checks,
    }


NAV = ["index.md", "other.md"]
