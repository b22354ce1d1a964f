"""Issue 11, second pass: argument order, args_grouping, dcc.Store's modified_timestamp, Patch deletes,
callbacks that change their State in place, and changes of components without an id. Each was checked
against real Dash 4.4.1 (see tests/differential/cases.py, the "issue 11" block)."""

import json

import pytest

from livedash.kernel import Kernel
from livedash.session import Session

from .helpers import client


def test_arguments_come_in_the_order_the_dependencies_are_written():
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="a", value="A"), dcc.Input(id="b", value="1"),
                               dcc.Input(id="c", value="C"), html.P(id="o"), html.P(id="k")])

        @callback(Output("o", "children"), State("a", "value"), Input("b", "value"), State("c", "value"))
        def f(a, b, c):
            return f"{a} {b} {c}"

        @callback(Output("k", "children"), inputs=[State("c", "value"), (State("a", "value"), Input("b", "value"))])
        def g(c, pair):
            return f"{c} {pair}"
    """)
    assert c.text("o") == "A 1 C"
    assert c.text("k") == "C ['A', '1']"
    c.type("b", "2")
    assert c.text("o") == "A 12 C"


def test_dict_grouped_arguments_and_args_grouping_are_attribute_dicts():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="x"), html.Button(id="y"), html.P(id="o")])

        @callback(Output("o", "children"), inputs=dict(pair=dict(p=Input("x", "n_clicks"), q=Input("y", "n_clicks"))),
                  prevent_initial_call=True)
        def f(pair):
            g = ctx.args_grouping
            return f"{pair.q} {g.pair.q.triggered} {g.pair.p.triggered} {g.pair.q.str_id} {g.pair.q.property}"
    """)
    c.click("y")
    assert c.text("o") == "1 True False y n_clicks"


def test_args_grouping_follows_the_written_order_and_gives_dict_ids_as_attribute_dicts():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id={"t": "b"}), dcc.Input(id="s", value="v"), html.P(id="o")])

        @callback(Output("o", "children"), State("s", "value"), Input({"t": "b"}, "n_clicks"),
                  prevent_initial_call=True)
        def f(s, n):
            g = ctx.args_grouping
            return f"{g[0].id} {g[0].value} {g[1].id.t} {g[1].triggered}"
    """)
    c.click({"t": "b"})
    assert c.text("o") == "s v b True"


def test_a_store_reports_modified_timestamp_when_drawn_with_data_and_when_its_data_changes():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), dcc.Store(id="s", data=1), dcc.Store(id="none"),
                               html.P(id="log", children="")])

        @callback(Output("s", "data"), Input("b", "n_clicks"), prevent_initial_call=True)
        def w(n):
            return 1 if n == 1 else n

        @callback(Output("log", "children"), Input("s", "modified_timestamp"), State("log", "children"))
        def r(ts, log):
            return log + f"[{ts > 0} {ctx.triggered_id}]"
    """)
    first = c.prop("s", "modified_timestamp")
    assert isinstance(first, int) and first > 0
    assert c.prop("none", "modified_timestamp") is None  # no data: the Store reports nothing
    assert c.text("log") == "[True s]"  # one call at load, triggered by the Store
    c.click("b")  # the same data: no new timestamp
    assert c.prop("s", "modified_timestamp") == first and c.text("log") == "[True s]"
    c.click("b")
    assert c.prop("s", "modified_timestamp") > first
    assert c.text("log") == "[True s][True s]"


def test_clear_data_empties_the_store_and_resets_itself():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), dcc.Store(id="s", data=[1])])

        @callback(Output("s", "clear_data"), Input("b", "n_clicks"), prevent_initial_call=True)
        def w(n):
            return True
    """)
    before = c.prop("s", "modified_timestamp")
    c.click("b")
    assert c.prop("s", "data") is None and c.prop("s", "clear_data") is False
    assert c.prop("s", "modified_timestamp") > before


def test_deleting_what_a_patch_does_not_find_changes_nothing():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), dcc.Store(id="s", data={"a": {"x": 1}, "l": [1, 2]})])

        @callback(Output("s", "data"), Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            p = Patch()
            del p["missing"]
            del p["a"]["zz"]
            del p["gone"]["deeper"]
            del p["l"][5]
            del p["a"]["x"]
            return p
    """,
        extra="from dash import Patch\n",
    )
    c.click("b")
    assert c.prop("s", "data") == {"a": {}, "l": [1, 2]}


def test_a_callback_that_appends_to_its_state_in_place_works_and_the_trace_keeps_what_it_was_given():
    source = """
from dash import Dash, html, callback, Input, Output, State
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.Div([html.P("first", id="p0")], id="box")])

@callback(Output("box", "children"), Input("b", "n_clicks"), State("box", "children"), prevent_initial_call=True)
def add(n, children):
    children.append(html.P(f"p{n}", id=f"p{n}"))
    return children
"""
    kernel = Kernel()
    loaded = json.loads(kernel.handle(json.dumps({"type": "load", "app": "a", "code": source})))
    assert loaded["error"] is None
    answer = json.loads(
        kernel.handle(
            json.dumps({"type": "update", "app": "a", "seq": 1, "changes": [{"id": "b", "props": {"n_clicks": 1}}]})
        )
    )
    assert answer["type"] == "updated", answer
    [run] = answer["trace"]
    assert run["status"] == "ok" and len(run["inputs"]["box.children"]) == 1  # as it was when called
    assert len(answer["updates"][0]["props"]["children"]) == 2
    session = kernel.sessions["a"]
    assert session.store.has("p1")  # the new paragraph's id is known: it can be an Input


def test_a_callback_gets_a_copy_of_its_state_as_dash_does():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="t"), html.Button(id="s"), dcc.Store(id="d", data={"n": 0}),
                               html.Div(html.B("x"), id="box"), html.P(id="o")])

        @callback(Output("d", "data"), Input("t", "n_clicks"), State("d", "data"), prevent_initial_call=True)
        def touch(n, data):
            data["n"] += 1            # changes the callback's copy only
            raise PreventUpdate

        @callback(Output("o", "children"), Input("s", "n_clicks"), State("d", "data"), State("box", "children"))
        def show(n, data, box):
            return f"{data} {box['type']} {box['props']['children']}"
    """)
    c.click("t")
    c.click("s")
    assert c.text("o") == "{'n': 0} B x"


def test_changes_of_a_component_without_an_id_fire_nothing_and_break_nothing():
    source = """
from dash import Dash, html, dcc, callback, Input, Output
app = Dash()
app.layout = html.Div([dcc.Tabs([dcc.Tab(label="A", value="a"), dcc.Tab(label="B", value="b")], value="a"),
                       html.Button(id="b"), html.P(id="o")])

@callback(Output("o", "children"), Input("b", "n_clicks"))
def f(n):
    return f"n={n}"
"""
    kernel = Kernel()
    json.loads(kernel.handle(json.dumps({"type": "load", "app": "t", "code": source})))
    # The page sends the change of a component without an id with no id at all (JSON drops undefined).
    answer = json.loads(
        kernel.handle(
            json.dumps(
                {
                    "type": "update",
                    "app": "t",
                    "seq": 1,
                    "changes": [
                        {"props": {"value": "b"}},
                        {"id": None, "props": {"relayoutData": {"autosize": True}}},
                        {"id": "b", "props": {"n_clicks": 1}},
                    ],
                }
            )
        )
    )
    assert answer["type"] == "updated", answer
    assert answer["updates"] == [{"id": "o", "props": {"children": "n=1"}}]


def test_the_session_keeps_no_growing_trace():
    session = Session("""
from dash import Dash, html, dcc, callback, Input, Output
app = Dash()
app.layout = html.Div([dcc.Interval(id="i"), html.P(id="o")])

@callback(Output("o", "children"), Input("i", "n_intervals"))
def f(n):
    return n
""")
    session.start()
    for n in range(1, 50):
        step = session.change("i", {"n_intervals": n})
    assert not hasattr(session, "trace")
    assert len(step.updates) == 1


@pytest.mark.parametrize("form", ["positional", "lists"])
def test_background_jobs_get_their_arguments_in_the_written_order(form):
    deps = (
        'State("a", "value"), Input("b", "n_clicks")'
        if form == "positional"
        else '[State("a", "value")], [Input("b", "n_clicks")]'
    )
    c = client(f"""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="a", value="A"), html.Button(id="b"), html.P(id="o")])

        @callback(Output("o", "children"), {deps}, background=True, prevent_initial_call=True)
        def f(a, n):
            return f"{{a}} {{n}}"
    """)
    c.click("b")
    assert c.text("o") == "A 1"


def test_a_clientside_callback_takes_its_states_after_its_inputs_only_as_dash_does():
    from livedash.exceptions import IncorrectTypeException

    with pytest.raises(IncorrectTypeException, match="then all Inputs, then all States"):
        client("""
            from dash import clientside_callback
            app = Dash()
            app.layout = html.Div([dcc.Input(id="a"), dcc.Input(id="b"), html.P(id="o")])
            clientside_callback("function(b, a) { return a + b; }", Output("o", "children"),
                                State("a", "value"), Input("b", "value"))
        """)
