"""Callback rules of issue 2, each checked through the headless client (rule numbers: runtime/livedash/SEMANTICS.md)."""

import pytest

from livedash.exceptions import DuplicateCallback, DuplicateIdError, IncorrectTypeException, InvalidComponentIdError
from livedash.testing import CallbackError

from .helpers import client

COUNTER = """
app = Dash()
app.layout = html.Div([html.Button("Click", id="btn"), html.P(id="count")])

@callback(Output("count", "children"), Input("btn", "n_clicks"))
def update(n):
    return f"Count: {n or 0}"
"""


def test_initial_call_sees_none_then_clicks_count():
    c = client(COUNTER)
    assert c.text("count") == "Count: 0"
    assert c.runs[0]["inputs"] == {"btn.n_clicks": None}
    for _ in range(3):
        c.click("btn")
    assert c.text("count") == "Count: 3"


def test_several_inputs_one_output_and_triggered_id():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button("+", id="plus"), html.Button("-", id="minus"), html.P(id="out")])

        @callback(Output("out", "children"), Input("plus", "n_clicks"), Input("minus", "n_clicks"))
        def total(p, m):
            return f"{(p or 0) - (m or 0)} via {ctx.triggered_id}"
    """)
    assert c.text("out") == "0 via None"
    c.click("plus")
    c.click("plus")
    c.click("minus")
    assert c.text("out") == "1 via minus"


def test_triggered_is_a_falsy_dummy_on_the_initial_call():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id="o")])

        @callback(Output("o", "children"), Input("b", "n_clicks"))
        def f(n):
            return f"{bool(ctx.triggered)} {ctx.triggered[0]['prop_id']} {ctx.triggered_id}"
    """)
    assert c.text("o") == "False . None"
    c.click("b")
    assert c.text("o") == "True b.n_clicks b"


def test_several_outputs_and_no_update_per_output():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id="text"), html.P("kept", id="other")])

        @callback(Output("text", "children"), Output("other", "children"), Input("b", "n_clicks"))
        def f(n):
            return (f"n={n}", no_update if not n else "changed")
    """)
    assert (c.text("text"), c.text("other")) == ("n=None", "kept")
    c.click("b")
    assert (c.text("text"), c.text("other")) == ("n=1", "changed")


def test_single_no_update_skips_every_output_of_a_multi_output_callback():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("a", id="x"), html.P("b", id="y")])

        @callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"))
        def f(n):
            return no_update
    """)
    assert (c.text("x"), c.text("y")) == ("a", "b")


def test_wrong_number_of_outputs_is_dashs_error_and_the_app_keeps_working():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id="x"), html.P(id="y")])

        @callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"))
        def f(n):
            if n == 1:
                return ["only one"]
            return "x", "y"
    """)
    assert c.text("x") == "x"
    with pytest.raises(CallbackError) as err:
        c.click("b")
    assert err.value.run["error"]["kind"] == "SchemaLengthValidationError"  # as Dash 4.4.1 raises it
    assert "Expected length: 2\nReceived value of length 1:\n    ['only one']" in err.value.run["error"]["message"]
    c.click("b")
    assert c.text("x") == "x"


def test_multi_output_needs_a_list_or_tuple():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id="x")])

        @callback([Output("x", "children")], Input("b", "n_clicks"))
        def f(n):
            return "not a list"
    """,
        raise_errors=False,
    )
    error = c.runs[0]["error"]
    assert error["kind"] == "SchemaTypeValidationError"
    assert "Expected type: (<class 'tuple'>, <class 'list'>)\nReceived value of type <class 'str'>" in error["message"]


def test_prevent_update_leaves_outputs_and_stops_the_chain():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("start", id="x"), html.P("down", id="y")])

        @callback(Output("x", "children"), Input("b", "n_clicks"))
        def f(n):
            if not n or n % 2:
                raise PreventUpdate
            return f"even {n}"

        @callback(Output("y", "children"), Input("x", "children"))
        def g(x):
            return f"saw {x}"
    """)
    # Rule 22: g is fed only by f, whose initial call prevented, so g does not run at load.
    assert (c.text("x"), c.text("y")) == ("start", "down")
    c.click("b")
    assert (c.text("x"), c.text("y")) == ("start", "down")
    assert c.runs[-1]["status"] == "prevented"
    c.click("b")
    assert (c.text("x"), c.text("y")) == ("even 2", "saw even 2")


def test_prevent_initial_call_on_the_callback():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("layout", id="x")])

        @callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            return f"clicked {n}"
    """)
    assert c.text("x") == "layout" and c.runs == []
    c.click("b")
    assert c.text("x") == "clicked 1"


def test_app_level_prevent_initial_callbacks_applies_to_app_callback_not_dash_callback():
    c = client("""
        app = Dash(prevent_initial_callbacks=True)
        app.layout = html.Div([html.Button(id="b"), html.P("a", id="x"), html.P("b", id="y")])

        @app.callback(Output("x", "children"), Input("b", "n_clicks"))
        def via_app(n):
            return "app ran"

        @callback(Output("y", "children"), Input("b", "n_clicks"))
        def via_dash(n):
            return "dash ran"
    """)
    assert (c.text("x"), c.text("y")) == ("a", "dash ran")


def test_prevent_initial_call_runs_when_an_initial_callback_writes_its_input():
    # SEMANTICS.md rule 14 (test_cbpi001's shape): B is prevented initially but A writes its input.
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Div("A", id="a"), html.Div("B", id="b"), html.Div("C", id="c")])

        @callback(Output("b", "children"), Input("a", "children"))
        def f(a):
            return a + "!"

        @callback(Output("c", "children"), Input("b", "children"), prevent_initial_call=True)
        def g(b):
            return b + "?"
    """)
    assert (c.text("b"), c.text("c")) == ("A!", "A!?")


def test_chain_runs_in_dash_order_and_a_diamond_bottom_runs_once():
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="inp", value="x"), html.P(id="left"), html.P(id="right"),
                               html.P(id="bottom")])

        @callback(Output("bottom", "children"), Input("left", "children"), Input("right", "children"))
        def bottom(l, r):
            return f"{l}|{r}"

        @callback(Output("left", "children"), Input("inp", "value"))
        def left(v):
            return "L" + v

        @callback(Output("right", "children"), Input("inp", "value"))
        def right(v):
            return "R" + v
    """)
    assert c.text("bottom") == "Lx|Rx"
    assert [r["function"] for r in c.runs] == ["left", "right", "bottom"]
    c.runs.clear()
    c.type("inp", "y")
    assert c.text("bottom") == "Lxy|Rxy"
    assert [r["function"] for r in c.runs] == ["left", "right", "bottom"]
    assert c.runs[-1]["triggered"] == ["left.children", "right.children"]


def test_state_is_read_not_waited_for_and_does_not_trigger():
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.Button(id="go"), html.P(id="out")])

        @callback(Output("out", "children"), Input("go", "n_clicks"), State("name", "value"))
        def greet(n, name):
            return f"{n} {name}"
    """)
    assert c.text("out") == "None Ada"
    c.runs.clear()
    c.type("name", "!")
    assert c.runs == [] and c.text("out") == "None Ada"
    c.click("go")
    assert c.text("out") == "1 Ada!"


def test_chained_store_with_slider():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), dcc.Slider(1, 5, 1, value=2, id="k"),
                               dcc.Store(id="store"), html.P(id="out")])

        @callback(Output("store", "data"), Input("b", "n_clicks"), Input("k", "value"))
        def compute(n, k):
            return {"total": (n or 0) * k}

        @callback(Output("out", "children"), Input("store", "data"))
        def show(data):
            return f"total {data['total']}"
    """)
    assert c.text("out") == "total 0"
    c.click("b")
    c.set("k", value=4)
    assert c.prop("store", "data") == {"total": 4}
    assert c.text("out") == "total 4"


def test_outputs_trigger_dependents_even_when_unchanged_but_reader_edits_must_change():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id="x"), html.P(id="count")])
        calls = []

        @callback(Output("x", "children"), Input("b", "n_clicks"))
        def same(n):
            return "same"

        @callback(Output("count", "children"), Input("x", "children"))
        def count(x):
            calls.append(x)
            return len(calls)
    """)
    c.click("b")
    assert c.text("count") == "2"
    runs = c.set("b", n_clicks=1)  # the value it already has: nothing runs
    assert runs == []


def test_an_exception_in_a_callback_is_reported_with_the_readers_line_and_the_app_keeps_working():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("ok", id="x")])

        @callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            if n == 1:
                return 1 / 0
            return f"n={n}"
    """,
        raise_errors=False,
    )
    run = c.click("b")[0]
    assert run["status"] == "error"
    assert run["error"]["kind"] == "ZeroDivisionError" and run["error"]["line"] == 11
    assert 'File "app.py", line 11, in f' in run["error"]["traceback"]
    assert "livedash" not in run["error"]["traceback"]
    assert c.text("x") == "ok"
    c.click("b")
    assert c.text("x") == "n=2"


def test_apps_are_isolated_from_each_other():
    first = client(COUNTER)
    second = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="btn"), html.P(id="other")])

        @callback(Output("other", "children"), Input("btn", "n_clicks"))
        def g(n):
            return "second"
    """)
    assert [s.name for s in first.session.app.callbacks] == ["update"]
    assert [s.name for s in second.session.app.callbacks] == ["g"]
    first.click("btn")
    assert first.text("count") == "Count: 1" and second.text("other") == "second"


def test_registration_errors_use_dashs_texts():
    with pytest.raises(IncorrectTypeException, match="you must provide all Outputs first,\nthen all Inputs"):
        client("""
            app = Dash()
            @callback(Input("a", "value"), Output("b", "children"))
            def f(a):
                return a
        """)
    with pytest.raises(InvalidComponentIdError, match="The element `a.b` contains `.` in its ID."):
        client("""
            app = Dash()
            @callback(Output("a.b", "children"), Input("c", "value"))
            def f(a):
                return a
        """)
    with pytest.raises(DuplicateCallback, match="allow_duplicate requires prevent_initial_call to be True"):
        client("""
            app = Dash()
            @callback(Output("a", "children", allow_duplicate=True), Input("c", "value"))
            def f(a):
                return a
        """)


def test_duplicate_ids_in_the_layout():
    with pytest.raises(DuplicateIdError, match="Duplicate component id found in the initial layout: `x`"):
        client("""
            app = Dash()
            app.layout = html.Div([html.P(id="x"), html.P(id="x")])
        """)


def test_missing_input_component_is_a_runtime_error_naming_the_id():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id="x")])

        @callback(Output("x", "children"), Input("b", "n_clicks"), Input("ghost", "value"))
        def f(n, g):
            return "never"
    """,
        raise_errors=False,
    )
    message = c.runs[0]["error"]["message"]
    assert "A nonexistent object was used in an `Input` of a Dash callback. The id of this object is `ghost`" in message


def test_callback_whose_inputs_are_all_missing_is_not_called_initially():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.P("x", id="x")])

        @callback(Output("x", "children"), Input("ghost", "value"))
        def f(g):
            return "never"
    """)
    assert c.runs == [] and c.text("x") == "x"


def test_layout_may_be_a_function():
    c = client("""
        app = Dash()
        def layout():
            return html.Div([html.P("fresh", id="x")])
        app.layout = layout
    """)
    assert c.text("x") == "fresh"
