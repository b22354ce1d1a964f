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
    assert problems(c) == [
        ("Circular Dependencies", "Error: Dependency Cycle Found: a.children -> b.children -> a.children")
    ]
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
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.Ul(id="items"), html.P("kept", id="note")])

        @callback(Output("items", "style"), Output("note", "children"), Input("b", "n_clicks"),
                  prevent_initial_call=True)
        def add(n):
            style = Patch()
            style["color"] = "red"
            return style, "changed"
    """,
        extra="from dash import Patch\n",
        raise_errors=False,
    )
    c.click("b")
    [run] = c.runs
    assert run["status"] == "error" and run["error"]["message"] == "Cannot patch undefined"
    assert c.text("note") == "kept"


def test_a_patch_appends_to_children_that_are_none():
    """html components carry children=None when given none (as Dash sends them): a Patch takes None as empty,
    as dash-renderer's ramda does."""
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.Ul(id="items")])

        @callback(Output("items", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def add(n):
            items = Patch()
            items.append(html.Li(f"item {n}"))
            return items
    """,
        extra="from dash import Patch\n",
    )
    c.click("b")
    c.click("b")
    assert c.text("items") == "item 1item 2"


# -- issue 11: dash-renderer's validateDependencies, rule by rule (each stops every callback) --------------

WILDCARDS = "from dash import MATCH, ALL, ALLSMALLER\n"


def stopped(body, extra=WILDCARDS):
    """The problems of an app whose checks stop every callback: none ran at load (its outputs keep the
    layout's text), and a click on "b" runs none either."""
    c = client(body, extra)
    assert c.runs == [], c.runs
    if c.session.store.has("b"):
        c.click("b")
        assert c.runs == []
    return problems(c)


def test_allsmaller_in_an_output_is_a_wildcard_id_error():
    [(title, message)] = stopped("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("p", id={"i": 0}), html.P("q", id={"i": 1})])

        @callback(Output({"i": ALLSMALLER}, "children"), Input("b", "n_clicks"))
        def f(n):
            return ["x"]
    """)
    assert title == "Callback wildcard ID error"
    assert message == (
        'In the callback for output(s):\n  {"i":["ALLSMALLER"]}.children\n'
        'Output[0].id["i"] = ALLSMALLER\nAllowed wildcards for Outputs are:\nALL, MATCH'
    )


def test_a_match_the_output_lacks_is_an_error_when_the_output_has_match():
    [(title, message)] = stopped("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("p", id={"i": 0, "k": "a"}),
                               dcc.Input(id={"i": 0, "j": 0}, value="v")])

        @callback(Output({"i": MATCH, "k": "a"}, "children"), Input({"i": MATCH, "j": MATCH}, "value"))
        def f(v):
            return v
    """)
    assert title == "`Input` / `State` wildcards not in `Output`s"
    assert message.splitlines()[2:4] == [
        'Input 0 ({"i":["MATCH"],"j":["MATCH"]}.value)',
        "has MATCH or ALLSMALLER on key(s) j",
    ]


def test_allsmaller_without_a_match_in_the_outputs_is_an_error():
    [(title, message)] = stopped("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("p", id="out"), dcc.Input(id={"i": 0}, value="v")])

        @callback(Output("out", "children"), Input("b", "n_clicks"), State({"i": ALLSMALLER}, "value"))
        def f(n, values):
            return str(values)
    """)
    assert title == "`Input` / `State` wildcards not in `Output`s"
    assert 'State 0 ({"i":["ALLSMALLER"]}.value)' in message and "where Output 0 (out.children)" in message


def test_match_inputs_with_a_fixed_output_are_allowed():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.P("p", id="out"), dcc.Input(id={"i": 0}, value="v")])

        @callback(Output("out", "children"), Input({"i": MATCH}, "value"))
        def f(v):
            return v
    """,
        WILDCARDS,
    )
    assert problems(c) == [] and c.text("out") == "v"


def test_mismatched_match_across_outputs():
    [(title, _)] = stopped("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id={"i": 0}), html.P(id={"j": 0})])

        @callback(Output({"i": MATCH}, "children"), Output({"j": MATCH}, "children"), Input({"i": MATCH}, "title"))
        def f(t):
            return t, t
    """)
    assert title == "Mismatched `MATCH` wildcards across `Output`s"


def test_overlapping_wildcard_outputs():
    found = stopped("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P(id={"i": 0})])

        @callback(Output({"i": ALL}, "children"), Input("b", "n_clicks"))
        def f(n):
            return ["f"]

        @callback(Output({"i": 0}, "children"), Input("b", "title"))
        def g(t):
            return "g"

        @callback(Output({"i": MATCH}, "children"), Input({"i": MATCH}, "title"))
        def h(t):
            return "h"
    """)
    assert [t for t, _ in found] == ["Overlapping wildcard callback outputs"] * 2
    assert found[0][1].endswith(
        'Output 0 ({"i":0}.children)\noverlaps another output ({"i":["ALL"]}.children)\nused in a different callback.'
    )


def test_no_inputs_and_prevent_initial_call():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.P("p", id="out"), html.P("q", id="other"), html.Button(id="b")])

        @callback(Output("out", "children"), prevent_initial_call=True)
        def f():
            return "f"

        @callback(Output("other", "children"), Input("b", "n_clicks"))
        def g(n):
            return "g"
    """)
    [(title, _)] = problems(c)
    assert title == "A callback is missing Inputs"
    assert c.text("other") == "q"  # the graph is empty: g does not run either


def test_empty_ids_keys_properties_and_values():
    found = stopped("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("p", id="out")])

        @callback(Output("out", "children"), Input("", "value"), Input({}, "value"), Input({"": 1}, "value"),
                  Input("b", ""), Input({"i": [1]}, "value"))
        def f(*args):
            return "f"
    """)
    assert [t for t, _ in found] == [
        "Callback item missing ID",
        "Callback item missing ID",
        "Callback wildcard ID error",
        "Callback property error",
        "Callback wildcard ID error",
    ]
    assert found[4][1].splitlines()[2] == 'Input[4].id["i"] = [1]'


def test_optional_ids_may_be_missing():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.P("p", id="out")])

        @callback(Output("out", "children"), Input("ghost", "value", allow_optional=True))
        def f(v):
            return "f"

        @callback(Output("out", "title"), Input("ghost2", "value"), optional=True)
        def g(v):
            return "g"

        @callback(Output("out", "style"), Input("ghost3", "value"))
        def h(v):
            return {}
    """)
    assert [m.splitlines()[1] for _, m in problems(c)] == ['  "ghost3"']
