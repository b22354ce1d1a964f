"""The error a reader sees gives the line as their editor shows it, with that line's text: in the worker
(tracebacks of exec'd code have no file to read the line from) and in the built page of an inline example
(which the build runs where it stands in the Markdown file, so that build warnings point there)."""

import json
import re

from livedash.errors import error_status, in_editor, line_note
from livedash.kernel import Kernel
from livedash.mkdocs.examples import Example, build, widget_html

APP = """from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"))
def update_output(n):
    return f"{n} clicks" + {marker}
"""


def ask(kernel, **message):
    return json.loads(kernel.handle(json.dumps(message)))


def callback_error(kernel, app, code):
    loaded = ask(kernel, type="load", app=app, code=code, filename="app.py")
    assert loaded["error"] is None, loaded["error"]
    (run,) = [run for run in loaded["trace"] if run["status"] == "error"]
    return run["error"]


def test_a_callback_traceback_shows_the_line_and_its_text():
    error = callback_error(Kernel(), "a", APP.replace("{marker}", "1"))
    assert (error["kind"], error["filename"], error["line"]) == ("TypeError", "app.py", 9)
    assert 'File "app.py", line 9, in update_output\n    return f"{n} clicks" + 1\n' in error["traceback"]


def test_two_apps_of_one_file_name_each_show_their_own_line():
    """Every inline example is "app.py" in the page's one worker: a line is never taken from another app."""
    kernel = Kernel()
    first = APP.replace("{marker}", "1")
    second = "\n\n" + APP.replace("{marker}", "None")
    ask(kernel, type="load", app="one", code=first, filename="app.py")
    assert callback_error(kernel, "two", second)["line"] == 11
    answer = ask(kernel, type="update", app="one", seq=1, changes=[{"id": "go", "props": {"n_clicks": 1}}])
    (run,) = answer["trace"]
    assert run["error"]["line"] == 9 and "+ 1\n" in run["error"]["traceback"]
    assert "None" not in run["error"]["traceback"]


def test_an_error_while_the_code_runs_shows_its_line_text():
    loaded = ask(Kernel(), type="load", app="k", code="from dash import Dash\nvalue = 1 / 0\n", filename="app.py")
    assert loaded["error"]["line"] == 2
    assert 'File "app.py", line 2, in <module>\n    value = 1 / 0\n' in loaded["error"]["traceback"]


def inline(code, first_line):
    return Example(key="index/0", code=code, filename="app.py", source="docs/index.md", first_line=first_line)


def test_an_inline_examples_page_error_says_the_editor_line_as_the_worker_does():
    code = "from dash import Dash\napp = Dash()\nraise ValueError('boom')\n"
    example = inline(code, first_line=6)
    built = build(example)
    assert built.location == "docs/index.md:8"  # the build log: the Markdown file's line
    page = widget_html(example, built)
    data = json.loads(re.search(r'<template class="livedash-data">(.*?)</template>', page, re.S).group(1))
    worker = ask(Kernel(), type="load", app="index/0", code=code, filename="app.py")["error"]
    assert data["error"] == worker
    assert (data["error"]["filename"], data["error"]["line"]) == ("app.py", 3)
    assert "File &quot;app.py&quot;, line 3, in &lt;module&gt;\n    raise ValueError(&#x27;boom&#x27;)" in page
    assert "<strong>ValueError</strong> (line 3): boom" in page
    assert 'data-state="error">Error: ValueError (line 3)</span>' in page
    assert "index.md" not in page


def test_an_initial_call_error_of_an_inline_example_is_moved_to_the_editor_line():
    example = inline(APP.replace("{marker}", "1"), first_line=12)
    built = build(example)
    assert (built.error["filename"], built.error["line"]) == ("docs/index.md", 20)
    shown = in_editor(built.error, example.source, example.filename, example.first_line)
    worker = callback_error(Kernel(), "index/0", example.code)
    assert (shown["filename"], shown["line"], shown["traceback"]) == ("app.py", 9, worker["traceback"])


def test_a_syntax_error_of_an_inline_example_is_moved_too():
    example = inline("from dash import Dash\n\nx = (\n", first_line=4)
    shown = in_editor(build(example).error, example.source, example.filename, example.first_line)
    worker = ask(Kernel(), type="load", app="k", code=example.code, filename="app.py")["error"]
    assert shown == worker and shown["line"] == 3 and 'File "app.py", line 3' in shown["traceback"]


def test_the_status_words_are_the_pages():
    """web/errors.js writes the same (tests/js/errors.test.mjs)."""
    error = {"kind": "ValueError", "line": 7}
    assert error_status(error, "update_output") == "Error in update_output (line 7)"
    assert error_status(error) == "Error: ValueError (line 7)"
    assert error_status({"kind": "NoApp", "line": None}) == "Error: NoApp" and line_note({}) == ""
