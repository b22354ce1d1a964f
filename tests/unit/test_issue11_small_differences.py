"""Issue 11, small differences from Dash 4.4.1 found after the scheduler split: prevent_initial_call is
`True` or nothing, allow_duplicate under the app's prevent_initial_callbacks, and progress=/cancel= without
background=True. Each was checked against real Dash 4.4.1 (.venv-dash, dash/_callback.py insert_callback and
callback, dash/_validate.py validate_duplicate_output) and has a twin in tests/differential/cases.py, the
"issue 11: small differences" block."""

import pytest

from .helpers import case_app, client


def test_only_prevent_initial_call_true_itself_skips_the_initial_call():
    # Dash tells the renderer `prevent_initial_call is True`: 1, "yes" or the app's 1 let the initial call run.
    c = client(case_app("issue11_only_prevent_initial_call_true_skips"))
    assert [c.text(i) for i in ("one", "yes", "app", "true")] == ["one None", "yes None", "app None", "-"]
    c.click("b")
    assert [c.text(i) for i in ("one", "yes", "app", "true")] == ["one 1", "yes 1", "app 1", "true 1"]


@pytest.mark.parametrize("app_setting", ["True", "1", "'initial_duplicate'"])
def test_allow_duplicate_with_prevent_initial_call_false_under_the_apps_setting(app_setting):
    # Dash's validate_duplicate_output passes when the app's setting is truthy or "initial_duplicate", even
    # when the callback says False; the callback then runs on load.
    c = client(f"""
        app = Dash(prevent_initial_callbacks={app_setting})
        app.layout = html.Div([html.Button(id="b"), html.P("-", id="x")])

        @app.callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def clicked(n):
            return f"clicked {{n}}"

        @app.callback(Output("x", "children", allow_duplicate=True), Input("b", "id"), prevent_initial_call=False)
        def loaded(i):
            return f"loaded {{i}}"
    """)
    assert c.text("x") == "loaded b"
    c.click("b")
    assert c.text("x") == "clicked 1"


def test_allow_duplicate_with_prevent_initial_call_false_is_still_refused_without_the_apps_setting():
    from livedash.exceptions import DuplicateCallback

    with pytest.raises(DuplicateCallback, match="allow_duplicate requires prevent_initial_call to be True"):
        client("""
            app = Dash()
            app.layout = html.Div([html.Button(id="b"), html.P("-", id="x")])

            @app.callback(Output("x", "children", allow_duplicate=True), Input("b", "id"), prevent_initial_call=False)
            def loaded(i):
                return i
        """)


def test_progress_and_cancel_without_background_are_ignored():
    # Dash reads progress=, progress_default= and cancel= only under background=True: an ordinary callback,
    # whose function gets no set_progress and which a cancel input does not stop.
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.Button(id="stop"), html.P("-", id="x"), html.P("-", id="p")])

        @callback(Output("x", "children"), Input("b", "n_clicks"), progress=Output("p", "children"),
                  progress_default="idle", cancel=[Input("stop", "n_clicks")], prevent_initial_call=True)
        def f(*args):
            return f"args {args}"
    """)
    c.click("b")
    assert (c.text("x"), c.text("p")) == ("args (1,)", "-")
    c.click("stop")
    c.click("b")
    assert (c.text("x"), c.text("p")) == ("args (2,)", "-")
