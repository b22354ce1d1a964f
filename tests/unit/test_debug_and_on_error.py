"""Issue 11: the app's own app.run(debug=...) as Dash reads it, and on_error= (Dash 4.4.1, dash/_callback.py)."""

from textwrap import dedent

import pytest

from livedash.runmode import read_run_call
from tests.differential.cases import CYCLE_AND_GHOST_APP
from tests.differential.cases import DUPLICATE_OUTPUTS_APP as DUPLICATE

from .helpers import client

MAIN = '\nif __name__ == "__main__":\n    {}\n'


def with_main(body, call):
    return dedent(body) + MAIN.format(call)


def problems(c):
    return [p["title"] for p in c.session.problems]


@pytest.mark.parametrize(
    "call, debug, validate, ui",
    [
        ("app.run(debug=True)", True, True, True),
        ("app.run()", False, False, False),  # Dash's default: debug=False
        ("app.run(debug=False)", False, False, False),
        ("app.run('127.0.0.1', 8050, None, True)", True, True, True),  # debug is the fourth positional
        ("app.run(debug=1, dev_tools_ui=False)", True, True, False),
        ("app.run(dev_tools_validate_callbacks=True)", False, True, False),
        ("app.run(debug=DEBUG)", False, False, False),  # a name the program defined
        ("app.run(debug=os.environ.get('X') == '1')", True, True, True),  # unknown without running: on
    ],
)
def test_the_main_blocks_run_call(call, debug, validate, ui):
    mode = read_run_call("import os\nDEBUG = False\n" + MAIN.format(call), {"DEBUG": False})
    assert (mode.debug, mode.validate, mode.ui, mode.called) == (debug, validate, ui, "run")


def test_no_run_call_no_main_block_and_other_receivers():
    assert read_run_call("app = 1\n") is None
    assert read_run_call(MAIN.format("print('hi')")) is None
    assert read_run_call(MAIN.format("server.run(debug=False)"), app_names={"app"}) is None
    assert read_run_call("if __name__ != '__main__':\n    app.run(debug=False)\n") is None
    assert read_run_call(MAIN.format("app.run_server(debug=False)")).called == "run_server"


def test_debug_duplicate_outputs_stop_everything():
    c = client(with_main(DUPLICATE, "app.run(debug=True)"))
    assert problems(c) == ["Duplicate callback outputs"]
    c.click("a")
    assert c.text("x") == "start"


def test_without_debug_a_duplicate_runs_and_the_last_function_wins():
    c = client(with_main(DUPLICATE, "app.run(debug=False)"))
    assert problems(c) == []
    c.click("a")
    assert c.text("x") == "two 1"  # Dash's callback map keeps the last function for the id x.children
    c.click("b")
    assert c.text("x") == "two 1"


def test_without_a_run_call_debug_is_on():
    c = client(DUPLICATE)
    assert problems(c) == ["Duplicate callback outputs"] and c.session.run_mode.debug


def test_a_top_level_run_call_counts():
    c = client(dedent(DUPLICATE) + "\napp.run(debug=False)\n")
    assert problems(c) == [] and not c.session.run_mode.debug


def test_without_the_ui_nothing_is_shown_but_the_checks_still_stop_callbacks():
    c = client(with_main(DUPLICATE, "app.run(debug=True, dev_tools_ui=False)"))
    assert problems(c) == []
    c.click("a")
    assert c.text("x") == "start"


def test_without_debug_no_cycle_or_missing_id_is_shown():
    c = client(with_main(CYCLE_AND_GHOST_APP, "app.run()"))
    assert problems(c) == []
    assert c.text("a") == "B"


def test_run_server_in_the_main_block_is_reported():
    c = client(
        with_main(
            """
        app = Dash()
        app.layout = html.Div([html.P("p", id="x")])
    """,
            "app.run_server(debug=True)",
        )
    )
    assert problems(c) == ["ObsoleteAttributeException"]
    assert c.session.problems[0]["message"].startswith("app.run_server has been replaced by app.run\n(line 9:")


# -- on_error -------------------------------------------------------------------------------------------

ERRORS = """
    def app_handler(err):
        return f"app handler: {{err}}"

    app = Dash({app_options})
    app.layout = html.Div([html.Button(id="b"), html.P("start", id="x"), html.P("side", id="y")])

    @callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True{options})
    def f(n):
        set_props("y", {{"children": f"set before raising {{n}}"}})
        raise ValueError(f"boom {{n}}")
"""


def errors(app_options="", options=""):
    return client(
        ERRORS.format(app_options=app_options, options=options), "from dash import set_props\n", raise_errors=False
    )


def test_without_on_error_the_callback_fails_and_writes_nothing():
    c = errors()
    c.click("b")
    assert c.runs[-1]["status"] == "error" and c.text("x") == "start" and c.text("y") == "side"


def test_the_handlers_value_is_the_output_and_set_props_before_the_raise_count():
    c = errors(options=", on_error=lambda e: f'handled {type(e).__name__}: {e}'")
    c.click("b")
    assert c.text("x") == "handled ValueError: boom 1"
    assert c.text("y") == "set before raising 1"


def test_the_app_handler_is_used_and_the_callbacks_own_one_wins():
    c = errors(app_options="on_error=app_handler")
    c.click("b")
    assert c.text("x") == "app handler: boom 1"
    c = errors(app_options="on_error=app_handler", options=", on_error=lambda e: 'own'")
    c.click("b")
    assert c.text("x") == "own"


def test_a_handler_returning_none_leaves_the_outputs_and_its_set_props_and_ctx_work():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("start", id="x"), html.P("side", id="y")])

        def handler(err):
            set_props("y", {"children": f"{ctx.triggered_id} failed: {err}"})

        @callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True, on_error=handler)
        def f(n):
            raise KeyError("k")
    """,
        "from dash import set_props\n",
        raise_errors=False,
    )
    c.click("b")
    assert c.runs[-1]["status"] == "ok"
    assert c.text("x") == "start" and c.text("y") == "b failed: 'k'"


def test_prevent_update_does_not_reach_the_handler_and_a_failing_handler_fails_the_callback():
    c = client(
        """
        app = Dash(on_error=lambda e: "handled")
        app.layout = html.Div([html.Button(id="b"), html.P("start", id="x")])

        @callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            if n == 1:
                raise PreventUpdate
            return 1 / 0
    """,
        raise_errors=False,
    )
    c.click("b")
    assert c.runs[-1]["status"] == "prevented" and c.text("x") == "start"
    c.click("b")
    assert c.text("x") == "handled"


def test_a_wrong_return_of_the_handler_is_checked_like_the_functions():
    c = errors(options=", on_error=lambda e: ['a', 'b']")
    c.click("b")
    assert c.prop("x", "children") == ["a", "b"]  # a single Output takes the list as it is
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("1", id="x"), html.P("2", id="y")])

        @callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"),
                  prevent_initial_call=True, on_error=lambda e: "one value")
        def f(n):
            raise ValueError
    """,
        raise_errors=False,
    )
    c.click("b")
    assert c.runs[-1]["status"] == "error" and c.text("x") == "1"


def test_a_background_jobs_error_goes_to_the_handler_as_a_background_callback_error():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("start", id="x")])

        @callback(Output("x", "children"), Input("b", "n_clicks"), background=True, prevent_initial_call=True,
                  on_error=lambda e: f"{type(e).__name__}: {str(e).splitlines()[0]}")
        def f(n):
            raise ValueError("in the job")
    """,
        raise_errors=False,
    )
    c.click("b")
    c.run_jobs()
    assert c.text("x") == "BackgroundCallbackError: An error occurred inside a background callback: in the job"


def test_clientside_callbacks_ignore_the_app_handler():
    from livedash.app import Dash
    from livedash.callbacks import clientside_spec
    from livedash.dependencies import Input, Output

    app = Dash(on_error=lambda e: "x")
    app.clientside_callback("function(n) { return n; }", Output("x", "children"), Input("b", "n_clicks"))
    assert app.callbacks[0].error_handler is None and clientside_spec  # the error happens in the page
