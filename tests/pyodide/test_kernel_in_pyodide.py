"""The runtime in real Pyodide 314.0.7 (Python 3.14, wasm) under Node answers exactly as in CPython."""

import json
import shutil
import subprocess

import pytest

from livedash.kernel import Kernel
from livedash.mkdocs.assets import runtime_zip
from livedash.mkdocs.npm_cache import PYODIDE, ensure
from tests.sites import COUNTER

CHAIN = """
from dash import Dash, html, dcc, callback, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate
app = Dash()
app.layout = html.Div([html.Button("go", id="b"), dcc.Slider(1, 5, 1, value=2, id="k"),
                       dcc.Store(id="s"), html.P(id="out"), html.P("x", id="x")])

@callback(Output("s", "data"), Input("b", "n_clicks"), Input("k", "value"))
def store(n, k):
    if n == 2:
        raise PreventUpdate
    return {"n": (n or 0) * k, "by": ctx.triggered_id}

@callback(Output("out", "children"), Output("x", "children"), Input("s", "data"))
def show(d):
    return f"{d['n']} by {d['by']}", no_update

@callback(Output("x", "title"), Input("b", "n_clicks"), prevent_initial_call=True)
def oops(n):
    return {1, 2} if n == 3 else "fine"
"""

# dcc.Markdown is drawn by Dash's own component in the page: the worker keeps its text as a prop like any other.
MARKDOWN = '''
from dash import Dash, html, dcc, callback, Input, Output
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Markdown("""
    # Title
    Some **bold** and [a link](https://example.org/?a=1&b=2).
    <script>alert(1)</script>
""", id="md", link_target="_blank")])

@callback(Output("md", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return ["- one", f"- `{n}` clicks"]
'''

MESSAGES = [
    {"type": "load", "app": "a", "code": COUNTER, "filename": "counter.py"},
    {"type": "update", "app": "a", "seq": 1, "changes": [{"id": "btn", "props": {"n_clicks": n}} for n in (1, 2, 3)]},
    {"type": "load", "app": "b", "code": CHAIN, "filename": "chain.py"},
    {"type": "update", "app": "b", "seq": 2, "changes": [{"id": "b", "props": {"n_clicks": n}} for n in (1, 2, 3)]},
    {"type": "update", "app": "b", "seq": 3, "changes": [{"id": "k", "props": {"value": 5}}]},
    {"type": "load", "app": "c", "code": "from dash import Dash\napp = Dash(\n", "filename": "bad.py"},
    {"type": "update", "app": "nope", "changes": []},
    {"type": "load", "app": "md", "code": MARKDOWN, "filename": "markdown.py"},
    {"type": "update", "app": "md", "seq": 4, "changes": [{"id": "b", "props": {"n_clicks": 1}}]},
]


# Run times, a dcc.Store's clock time when its data changed, and the children-prop table (which covers every
# component class the process has imported: this test's CPython process holds other tests' classes too).
TIMINGS = {"ms", "modified_timestamp", "children_props"}


def without_timings(value):
    if isinstance(value, dict):
        return {k: without_timings(v) for k, v in value.items() if k not in TIMINGS}
    if isinstance(value, list):
        return [without_timings(v) for v in value]
    return value


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_kernel_answers_the_same_in_pyodide_as_in_cpython(tmp_path):
    folder = ensure(PYODIDE)
    (tmp_path / "runtime.zip").write_bytes(runtime_zip())
    lines = "\n".join(json.dumps(m) for m in MESSAGES)
    result = subprocess.run(
        [
            "node",
            str(__import__("pathlib").Path(__file__).with_name("kernel_in_node.mjs")),
            str(folder),
            str(tmp_path / "runtime.zip"),
        ],
        input=lines,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    *in_pyodide, version = json.loads(result.stdout)
    assert version["python"].startswith("3.14")
    kernel = Kernel()
    in_cpython = [json.loads(kernel.handle(json.dumps(m))) for m in MESSAGES]
    assert without_timings(in_pyodide) == without_timings(in_cpython)
    # and the answers are the ones the rules say (so equality is not equality of two wrong things)
    assert in_pyodide[1]["updates"][-1]["props"]["children"] == "Count: 3"
    assert [(r["function"], r["status"]) for r in in_pyodide[3]["trace"]] == [
        ("store", "ok"),
        ("oops", "ok"),
        ("show", "ok"),  # click 1
        ("store", "prevented"),
        ("oops", "ok"),  # click 2: PreventUpdate stops the chain
        ("store", "ok"),
        ("oops", "error"),
        ("show", "ok"),
    ]  # click 3: a set is not JSON
    assert "is not JSON serializable" in in_pyodide[3]["trace"][6]["error"]["message"]
    assert in_pyodide[4]["updates"][-1]["props"] == {"children": "15 by k"}
    assert in_pyodide[5]["error"]["kind"] == "SyntaxError" and in_pyodide[6]["type"] == "failed"
    assert in_pyodide[7]["layout"]["props"]["children"][1]["props"]["children"].strip().startswith("# Title")
    assert in_pyodide[8]["updates"][0]["props"]["children"] == ["- one", "- `1` clicks"]
