"""Dash's load-time checks (debug mode): their titles, texts, and what they stop."""

from .helpers import client


def problems(c):
    return [(p["title"], p["message"]) for p in c.session.problems]


def test_duplicate_outputs_are_reported_and_no_callback_runs():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("start", id="x")])

        @callback(Output("x", "children"), Input("b", "n_clicks"))
        def one(n):
            return "one"

        @callback(Output("x", "children"), Input("b", "n_clicks"), allow_duplicate_output=True)
        def two(n):
            return "two"
    """)
    [(title, message)] = problems(c)
    assert title == "Duplicate callback outputs"
    assert message.startswith("In the callback for output(s):\n  x.children\nOutput 0 (x.children) is already in use.")
    assert "given `allow_duplicate_output=`, which Dash accepts and ignores without a word" in message
    assert c.runs == [] and c.text("x") == "start"
    c.click("b")
    assert c.text("x") == "start"


def test_allow_duplicate_is_not_a_duplicate():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="a"), html.Button(id="b"), html.P(id="x")])

        @callback(Output("x", "children"), Input("a", "n_clicks"))
        def one(n):
            return "a"

        @callback(Output("x", "children", allow_duplicate=True), Input("b", "n_clicks"), prevent_initial_call=True)
        def two(n):
            return "b"
    """)
    assert problems(c) == []
    c.click("b")
    assert c.text("x") == "b"


def test_a_cycle_is_named_like_dash_and_callbacks_still_run():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Div("A", id="a"), html.Div("B", id="b")])

        @callback(Output("a", "children"), Input("b", "children"))
        def to_a(b):
            return b

        @callback(Output("b", "children"), Input("a", "children"))
        def to_b(a):
            return a + "!"
    """)
    assert problems(c) == [("Circular Dependencies", "Error: Dependency Cycle Found: a.children -> b.children -> a.children")]
    assert (c.text("a"), c.text("b")) == ("B", "B!")


def test_an_input_that_is_also_the_output_is_no_cycle():
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="t", value="x")])

        @callback(Output("t", "value"), Input("t", "value"))
        def f(v):
            return v
    """)
    assert problems(c) == []


def test_missing_ids_are_reported_unless_suppressed():
    body = """
        app = Dash({})
        app.layout = html.Div([html.P("x", id="x")])

        @callback(Output("x", "children"), Input("ghost", "value"))
        def f(v):
            return "never"
    """
    [(title, message)] = problems(client(body.format("")))
    assert title == "ID not found in layout"
    assert 'Attempting to connect a callback Input item to component:\n  "ghost"\n' in message
    assert message.endswith("This ID was used in the callback(s) for Output(s):\n  x.children")
    assert problems(client(body.format("suppress_callback_exceptions=True"))) == []


def test_one_callback_keeping_two_props_in_sync_is_no_cycle():
    """Dash leaves out of its cycle check every input that is also an output of the same callback."""
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="c", value="0"), dcc.Input(id="f", value="32")])

        @callback(Output("c", "value"), Output("f", "value"), Input("c", "value"), Input("f", "value"))
        def sync(c, f):
            return c, f
    """)
    assert problems(c) == []


def test_a_patch_on_a_prop_never_set_fails_that_callback_and_writes_nothing():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.Ul(id="items"), html.P("kept", id="note")])

        @callback(Output("items", "children"), Output("note", "children"), Input("b", "n_clicks"),
                  prevent_initial_call=True)
        def add(n):
            items = Patch()
            items.append(html.Li("one"))
            return items, "changed"
    """, extra="from dash import Patch\n", raise_errors=False)
    c.click("b")
    [run] = c.runs
    assert run["status"] == "error" and run["error"]["message"] == "Cannot patch undefined"
    assert c.text("note") == "kept"
