import sys

import pytest

from livedash.exceptions import ObsoleteAttributeException
from livedash.sandbox import NoApp, execute

from .helpers import livedash_run, real_dash


def run(source):
    return execute(source, "app.py")


def test_dash_names_resolve_to_livedash_only_inside_the_example():
    before = sys.modules.get("dash")
    app, namespace = run(
        "import dash\nimport dash.html\nfrom dash import Dash, html, dcc, no_update, ctx\n"
        "from dash.dependencies import Input\nfrom dash.exceptions import PreventUpdate\n"
        "app = Dash()\napp.layout = html.Div()\n"
    )
    assert namespace["dash"].__name__ == "livedash.dash"
    assert namespace["dash"].html is namespace["html"]
    assert namespace["PreventUpdate"].__module__ == "dash.exceptions"  # tracebacks read as in Dash
    assert sys.modules.get("dash") is before


def test_prevent_update_is_not_importable_from_dash():
    with pytest.raises(ImportError, match="cannot import name 'PreventUpdate' from 'dash'"):
        run("from dash import PreventUpdate\n")


def test_no_output_does_not_exist():
    with pytest.raises(AttributeError, match="module 'dash' has no attribute 'no_output'"):
        run("import dash\ndash.no_output\n")


def test_run_server_is_obsolete_and_run_does_nothing():
    with pytest.raises(ObsoleteAttributeException, match="app.run_server has been replaced by app.run"):
        run("from dash import Dash, html\napp = Dash()\napp.layout = html.Div()\napp.run_server(debug=True)\n")
    app, _ = run("from dash import Dash, html\napp = Dash()\napp.layout = html.Div()\napp.run(debug=True)\n")
    assert app.layout is not None


def test_code_without_an_app_is_a_clear_error():
    with pytest.raises(NoApp, match="creates no app"):
        run("x = 1\n")


def test_unknown_dash_arguments_are_refused():
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        run("from dash import Dash\napp = Dash(colour=1)\n")


APP = """
from dash import Dash, Input, Output, Patch, callback, html

app = Dash()
app.layout = html.Div([html.Button(id="b"), html.Div(id="o")])


@callback(Output("o", "children"), Input("b", "n_clicks"))
def show(n):
    return str(n)
"""


def test_an_app_runs_without_importing_typing():
    """The runtime's type hints are for mypy only (its typing imports sit behind ``TYPE_CHECKING = False``):
    importing it and running an app never imports typing, which every app start in Pyodide would pay for."""
    import subprocess
    from pathlib import Path

    code = (
        "import sys\n"
        "from livedash.testing import Client\n"
        f"client = Client({APP!r})\n"
        "client.click('b')\n"
        "assert client.text('o') == '1'\n"
        "print('typing' in sys.modules)\n"
    )
    runtime = Path(__file__).resolve().parents[2] / "runtime"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(runtime)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


DEPENDENCY_DICTS = """
from dash import Input, Output, State, ALL, MATCH
RESULT = [d.to_dict() for d in (
    Input("a", "value"), Input("a", "value", allow_optional=True), State({"t": "x", "i": ALL}, "value"),
    State("s", "data", allow_optional=True), Output({"t": "y", "i": MATCH}, "children"),
    Output("o", "children", allow_duplicate=True),
)]
"""


def test_dependencies_describe_themselves_as_dashs_do():
    assert livedash_run(DEPENDENCY_DICTS) == real_dash(DEPENDENCY_DICTS)
