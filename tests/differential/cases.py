"""Differential cases: small apps and what a reader does with them. Each runs in real Dash 4.4.1 and in
livedash, and the pages must agree (see runner.py). Sections follow runtime/livedash/SEMANTICS.md."""

import re
from pathlib import Path

from .runner import Case  # noqa: I001

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def click(component_id, times=1):
    return [("click", component_id)] * times


CASES = [
    # -- C. initial calls and prevent_initial_call ------------------------------------------------
    Case(
        "counter",
        section="C",
        app="""
app = Dash()
app.layout = html.Div([html.Button("Click", id="btn"), html.P(id="count")])

@callback(Output("count", "children"), Input("btn", "n_clicks"))
def f(n):
    return f"Count: {n or 0}"
""",
        steps=click("btn", 3),
    ),
    Case(
        "n_clicks_starts_as_none",
        section="C/N",
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P(id="out")])

@callback(Output("out", "children"), Input("b", "n_clicks"))
def f(n):
    return repr(n)
""",
        steps=click("b"),
    ),
    Case(
        "n_clicks_given_in_layout",
        section="N",
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b", n_clicks=5), html.P(id="out")])

@callback(Output("out", "children"), Input("b", "n_clicks"))
def f(n):
    return f"n={n}"
""",
        steps=click("b", 2),
    ),
    Case(
        "prevent_initial_call_true",
        section="C",
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("layout text", id="out")])

@callback(Output("out", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return f"clicked {n}"
""",
        steps=click("b"),
    ),
    Case(
        "app_level_prevent_initial_callbacks",
        section="C13",
        app="""
app = Dash(prevent_initial_callbacks=True)
app.layout = html.Div([html.Button("b", id="b"), html.P("a", id="x"), html.P("b", id="y")])

@app.callback(Output("x", "children"), Input("b", "n_clicks"))
def via_app(n):
    return f"app {n}"

@callback(Output("y", "children"), Input("b", "n_clicks"))
def via_dash(n):
    return f"dash {n}"
""",
        steps=click("b"),
    ),
    Case(
        "prevented_callback_runs_when_its_input_is_written_at_load",
        section="C14",
        app="""
app = Dash()
app.layout = html.Div([html.Div("A", id="a"), html.Div("B", id="b"), html.Div("C", id="c")])

@callback(Output("b", "children"), Input("a", "children"))
def f(a):
    return a + "!"

@callback(Output("c", "children"), Input("b", "children"), prevent_initial_call=True)
def g(b):
    return b + "?"
""",
    ),
    Case(
        "missing_inputs_are_not_called_at_load",
        section="C12",
        app="""
app = Dash(suppress_callback_exceptions=True)
app.layout = html.Div([html.P("kept", id="x")])

@callback(Output("x", "children"), Input("ghost", "value"))
def f(v):
    return "changed"
""",
    ),
    Case(
        "layout_function",
        section="C",
        app="""
app = Dash()
def layout():
    return html.Div([html.Button(id="b"), html.P(id="p")])
app.layout = layout

@callback(Output("p", "children"), Input("b", "n_clicks"))
def f(n):
    return f"{n}"
""",
        steps=click("b"),
    ),
    # -- several inputs and outputs -------------------------------------------------------------
    Case(
        "two_inputs_one_output",
        section="D",
        app="""
app = Dash()
app.layout = html.Div([html.Button("+", id="plus"), html.Button("-", id="minus"), html.P(id="out")])

@callback(Output("out", "children"), Input("plus", "n_clicks"), Input("minus", "n_clicks"))
def f(p, m):
    return f"{(p or 0) - (m or 0)} by {ctx.triggered_id}"
""",
        steps=click("plus", 2) + click("minus"),
    ),
    Case(
        "several_outputs_with_style",
        section="E24",
        app="""
app = Dash()
app.layout = html.Div([html.Button("-", id="down"), html.P("0", id="n", style={"color": "grey"})])

@callback(Output("n", "children"), Output("n", "style"), Input("down", "n_clicks"), prevent_initial_call=True)
def f(d):
    return str(-d), {"color": "red", "fontSize": 20}
""",
        steps=click("down"),
    ),
    Case(
        "outputs_in_a_list",
        section="E24",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P(id="x"), html.P(id="y")])

@callback([Output("x", "children"), Output("y", "children")], [Input("b", "n_clicks")])
def f(n):
    return [f"x{n}", f"y{n}"]
""",
        steps=click("b"),
    ),
    Case(
        "single_output_in_a_list_returns_a_list",
        section="B10",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P(id="x")])

@callback([Output("x", "children")], Input("b", "n_clicks"))
def f(n):
    return [f"got {n}"]
""",
        steps=click("b"),
    ),
    Case(
        "several_callbacks_on_one_input",
        section="D",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P(id="count"), html.P(id="bar")])

@callback(Output("count", "children"), Input("b", "n_clicks"))
def count(n):
    return f"{n or 0} clicks"

@callback(Output("bar", "children"), Input("b", "n_clicks"))
def bar(n):
    return "#" * (n or 0)
""",
        steps=click("b", 3),
    ),
    Case(
        "state_is_read_not_a_trigger",
        section="D20",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.Button("Go", id="go"), html.P(id="out")])

@callback(Output("out", "children"), Input("go", "n_clicks"), State("name", "value"))
def f(n, name):
    return f"{n} {name}"
""",
        steps=[("type", "name", "x")] + click("go"),
    ),
    # -- chains -----------------------------------------------------------------------------------
    Case(
        "chain_through_a_store",
        section="D",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Slider(1, 5, 1, value=2, id="k"), dcc.Store(id="s"), html.P(id="out")])

@callback(Output("s", "data"), Input("b", "n_clicks"), Input("k", "value"))
def compute(n, k):
    return {"total": (n or 0) * k}

@callback(Output("out", "children"), Input("s", "data"))
def show(d):
    return f"total {d['total']}"
""",
        steps=click("b", 2) + [("set", "k", {"value": 4})],
    ),
    Case(
        "diamond_bottom_runs_once",
        section="D20",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="i", value="a"), html.P(id="l"), html.P(id="r"), html.P(id="bottom"),
                       html.P(id="calls")])
calls = []

@callback(Output("l", "children"), Input("i", "value"))
def left(v):
    return "L" + v

@callback(Output("r", "children"), Input("i", "value"))
def right(v):
    return "R" + v

@callback(Output("bottom", "children"), Output("calls", "children"), Input("l", "children"), Input("r", "children"))
def bottom(l, r):
    calls.append(1)
    return f"{l}|{r}", f"{len(calls)} calls, triggered {sorted(ctx.triggered_prop_ids)}"
""",
        steps=[("type", "i", "b"), ("type", "i", "c")],
    ),  # one key per step: see README, deliberate differences
    Case(
        "chain_with_prevent_update_stops",
        section="F27",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("x0", id="x"), html.P("y0", id="y")])

@callback(Output("x", "children"), Input("b", "n_clicks"))
def f(n):
    if not n or n % 2:
        raise PreventUpdate
    return f"even {n}"

@callback(Output("y", "children"), Input("x", "children"))
def g(x):
    return f"saw {x}"
""",
        steps=click("b", 3),
    ),
    Case(
        "pruned_initial_chain_but_other_input_runs",
        section="D22",
        app="""
app = Dash()
app.layout = html.Div([html.P("a", id="a"), dcc.Input(id="other", value="o"), html.P("b", id="b"), html.P("c", id="c")])

@callback(Output("b", "children"), Input("a", "children"))
def f(a):
    raise PreventUpdate

@callback(Output("c", "children"), Input("b", "children"), Input("other", "value"))
def g(b, o):
    return b + o
""",
    ),
    Case(
        "outputs_trigger_even_if_unchanged",
        section="D18",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P(id="same"), html.P(id="count")])
seen = []

@callback(Output("same", "children"), Input("b", "n_clicks"))
def same(n):
    return "same"

@callback(Output("count", "children"), Input("same", "children"))
def count(s):
    seen.append(s)
    return len(seen)
""",
        steps=click("b", 2),
    ),
    Case(
        "circular_pair_runs_each_once",
        section="I40",
        app="""
app = Dash()
app.layout = html.Div([html.Div("A", id="a"), html.Div("B", id="b")])

@callback(Output("a", "children"), Input("b", "children"))
def to_a(b):
    return b

@callback(Output("b", "children"), Input("a", "children"))
def to_b(a):
    return a + "!"
""",
    ),
    Case(
        "input_and_output_of_the_same_callback",
        section="I40",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="t", value="abc"), html.Button("upper", id="u")])

@callback(Output("t", "value"), Input("u", "n_clicks"), Input("t", "value"), prevent_initial_call=True)
def f(n, v):
    return v.upper() if ctx.triggered_id == "u" else v
""",
        steps=[("type", "t", "d")] + click("u"),
    ),
    # -- F. PreventUpdate and no_update -----------------------------------------------------------
    Case(
        "no_update_for_one_output",
        section="F28",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("first", id="x"), html.P("second", id="y")])

@callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"))
def f(n):
    return f"x {n}", (no_update if not n or n < 2 else f"y {n}")
""",
        steps=click("b", 2),
    ),
    Case(
        "single_no_update_for_all_outputs",
        section="F28",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("first", id="x"), html.P("second", id="y")])

@callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"))
def f(n):
    return no_update
""",
        steps=click("b"),
    ),
    Case(
        "no_update_does_not_trigger_downstream",
        section="F28",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("x0", id="x"), html.P("y0", id="y")])

@callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return no_update

@callback(Output("y", "children"), Input("x", "children"), prevent_initial_call=True)
def g(x):
    return "triggered"
""",
        steps=click("b"),
    ),
    # -- E. errors --------------------------------------------------------------------------------
    Case(
        "exception_leaves_outputs_and_app_keeps_working",
        section="E25",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("start", id="x")])

@callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    if n == 1:
        raise ValueError("first click")
    return f"n={n}"
""",
        steps=click("b", 2),
    ),
    Case(
        "wrong_number_of_outputs_is_refused",
        section="E24",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("x", id="x"), html.P("y", id="y")])

@callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return ["only one"] if n == 1 else ["x", "y"]
""",
        steps=click("b", 2),
    ),
    # -- G. ctx -----------------------------------------------------------------------------------
    Case(
        "ctx_triggered_on_initial_call_and_click",
        section="G31",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P(id="o")])

@callback(Output("o", "children"), Input("b", "n_clicks"))
def f(n):
    return f"{bool(ctx.triggered)} {ctx.triggered} {ctx.triggered_id}"
""",
        steps=click("b"),
    ),
    Case(
        "ctx_inputs_and_states",
        section="G32",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Input(id="t", value="v"), html.P(id="o")])

@callback(Output("o", "children"), Input("b", "n_clicks"), State("t", "value"))
def f(n, t):
    return f"{ctx.inputs} {ctx.states} {ctx.inputs_list} {ctx.outputs_list}"
""",
        steps=click("b"),
    ),
    # -- B. flexible signatures -----------------------------------------------------------------
    Case(
        "dict_signature",
        section="B10",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="x", value="2"), dcc.Input(id="y", value="3"), html.P(id="sum"), html.P(id="prod")])

@callback(output=dict(s=Output("sum", "children"), p=Output("prod", "children")),
          inputs=dict(a=Input("x", "value"), b=Input("y", "value")))
def f(b, a):
    return dict(s=int(a) + int(b), p=int(a) * int(b))
""",
        steps=[("type", "x", "1")],
    ),
    Case(
        "tuple_grouped_inputs",
        section="B10",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="x", value="1"), dcc.Input(id="y", value="2"), html.P(id="out")])

@callback(Output("out", "children"), inputs=[(Input("x", "value"), Input("y", "value"))])
def f(pair):
    return repr(pair)
""",
        steps=[("type", "y", "0")],
    ),
    # -- H. pattern matching --------------------------------------------------------------------
    Case(
        "match_and_all",
        section="H36",
        app="""
app = Dash()
app.layout = html.Div([
    html.Div([dcc.Input(id={"type": "qty", "index": i}, value=str(i)) for i in (3, 1, 2)]),
    html.Div([html.Span(id={"type": "double", "index": i}) for i in (3, 1, 2)]),
    html.P(id="total"),
])

@callback(Output({"type": "double", "index": MATCH}, "children"), Input({"type": "qty", "index": MATCH}, "value"))
def double(v):
    return 2 * int(v or 0)

@callback(Output("total", "children"), Input({"type": "qty", "index": ALL}, "value"))
def total(values):
    return f"{values} {sum(int(v or 0) for v in values)}"
""",
        steps=[("type", {"type": "qty", "index": 1}, "0")],
    ),
    Case(
        "allsmaller_running_sums",
        section="H36",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id={"type": "n", "i": k}, value=str(k)) for k in range(4)] +
                      [html.Span(id={"type": "sum", "i": k}) for k in range(4)])

@callback(Output({"type": "sum", "i": MATCH}, "children"), Input({"type": "n", "i": MATCH}, "value"),
          Input({"type": "n", "i": ALLSMALLER}, "value"))
def running(mine, before):
    return sum(int(v) for v in before) + int(mine)
""",
        steps=[("type", {"type": "n", "i": 1}, "0")],
    ),
    Case(
        "todo_list_with_patch",
        section="H/J",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="new", value=""), html.Button("Add", id="add"),
                       html.Div(id="list", children=[]), html.P(id="left")])

@callback(Output("list", "children"), Input("add", "n_clicks"), State("new", "value"), prevent_initial_call=True)
def add(n, text):
    items = Patch()
    items.append(html.Div([html.Button("done", id={"type": "done", "i": n}),
                           html.Span(text, id={"type": "label", "i": n}), html.Span(id={"type": "state", "i": n})]))
    return items

@callback(Output({"type": "state", "i": MATCH}, "children"), Input({"type": "done", "i": MATCH}, "n_clicks"),
          State({"type": "label", "i": MATCH}, "children"))
def show(clicks, label):
    return f"{label}: {'done' if clicks else 'open'}"

@callback(Output("left", "children"), Input({"type": "done", "i": ALL}, "n_clicks"))
def left(clicks):
    return f"{sum(1 for c in clicks if not c)} open of {len(clicks)}"
""",
        steps=[("type", "new", "m")]
        + click("add")
        + [("type", "new", "s")]
        + click("add")
        + click({"type": "done", "i": 1}),
    ),
    Case(
        "all_with_no_match_gets_an_empty_list",
        section="H36",
        app="""
app = Dash()
app.layout = html.Div([html.Div(id="items", children=[]), html.P(id="count")])

@callback(Output("count", "children"), Input({"type": "item", "i": ALL}, "n_clicks"))
def count(clicks):
    return f"{len(clicks)} items: {clicks}"
""",
    ),
    Case(
        "match_triggered_id_is_a_dict",
        section="G32",
        app="""
app = Dash()
app.layout = html.Div([html.Button(str(i), id={"type": "b", "i": i}) for i in range(3)] + [html.P(id="o")])

@callback(Output("o", "children"), Input({"type": "b", "i": ALL}, "n_clicks"), prevent_initial_call=True)
def f(clicks):
    return f"{ctx.triggered_id} {ctx.triggered_id.i} {clicks}"
""",
        steps=click({"type": "b", "i": 2}) + click({"type": "b", "i": 0}),
    ),
    # -- C15. components added by callbacks --------------------------------------------------------
    Case(
        "new_components_get_initial_calls",
        section="C15",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.Div(id="slot")])

@callback(Output("slot", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def fill(n):
    return html.Div([dcc.Input(id="inner", value=f"v{n}"), html.P(id="shown")])

@callback(Output("shown", "children"), Input("inner", "value"))
def show(v):
    return v.upper()
""",
        steps=click("b") + [("type", "inner", "x")] + click("b"),
    ),
    Case(
        "new_input_feeding_an_outside_output_fires_even_if_prevented",
        section="C15",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.Div(id="slot"), html.P("outside", id="out")])

@callback(Output("slot", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def fill(n):
    return dcc.Input(id="inner", value=f"v{n}")

@callback(Output("out", "children"), Input("inner", "value"), prevent_initial_call=True)
def show(v):
    return f"saw {v}"
""",
        steps=click("b"),
    ),
    # -- K. set_props, J. Patch, L. running -------------------------------------------------------------------
    Case(
        "set_props_and_outputs",
        section="K42",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("-", id="side"), html.P(id="echo"), html.P(id="out")])

@callback(Output("out", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    set_props("side", {"children": f"side {n}"})
    if n == 2:
        raise PreventUpdate
    return f"out {n}"

@callback(Output("echo", "children"), Input("side", "children"), prevent_initial_call=True)
def g(side):
    return f"echo {side}"
""",
        steps=click("b", 3),
    ),
    Case(
        "no_output_callback_with_set_props",
        section="K42",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("x", id="p")])

@callback(Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    set_props("p", {"children": f"set {n}", "title": "t"})
""",
        steps=click("b", 2),
    ),
    Case(
        "patch_a_store",
        section="J41",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Store(id="s", data={"items": [1, 2], "n": 1}), html.P(id="p")])

@callback(Output("s", "data"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    p = Patch()
    p["items"].append(n * 10)
    p["items"].prepend(0)
    p["n"] += 1
    p.update({"last": n})
    del p["items"][1]
    return p

@callback(Output("p", "children"), Input("s", "data"))
def show(d):
    return str(d)
""",
        steps=click("b", 2),
    ),
    Case(
        "running_disables_the_button",
        section="L43",
        app="""
app = Dash()
app.layout = html.Div([html.Button("Go", id="b"), html.P(id="out")])

@callback(Output("out", "children"), Input("b", "n_clicks"), prevent_initial_call=True,
          running=[(Output("b", "disabled"), True, False), (Output("b", "children"), "Working", "Go")])
def f(n):
    return f"done {n}"
""",
        steps=click("b"),
    ),
    # -- I. load-time checks and duplicates -----------------------------------------------------
    Case(
        "duplicate_outputs_stop_every_callback",
        section="I38/B5",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("start", id="x"), html.P("other", id="y")])

@callback(Output("x", "children"), Input("b", "n_clicks"))
def one(n):
    return f"one {n}"

@callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"), allow_duplicate_output=True)
def two(n):
    return f"two {n}", "y"
""",
        steps=click("b"),
    ),
    Case(
        "allow_duplicate_with_prevent_initial_call",
        section="B7",
        app="""
app = Dash()
app.layout = html.Div([html.Button("a", id="a"), html.Button("b", id="b"), html.P(id="x")])

@callback(Output("x", "children"), Input("a", "n_clicks"))
def one(n):
    return f"a {n}"

@callback(Output("x", "children", allow_duplicate=True), Input("b", "n_clicks"), prevent_initial_call=True)
def two(n):
    return f"b {n}"
""",
        steps=click("b") + click("a") + click("b"),
    ),
    Case(
        "initial_duplicate_runs_at_load",
        section="B7",
        app="""
app = Dash()
app.layout = html.Div([html.Button("a", id="a"), dcc.Store(id="s", data=[]), html.P(id="p1"), html.P(id="p2")])

# Both run at load. Which write of s lands last is not fixed in Dash (it says so), so both write the same
# value there and each marks its own paragraph.
@callback(Output("s", "data"), Output("p1", "children"), Input("a", "n_clicks"))
def one(n):
    return ["ran", n], "one ran"

@callback(Output("s", "data", allow_duplicate=True), Output("p2", "children"), Input("a", "n_clicks"),
          prevent_initial_call="initial_duplicate")
def two(n):
    return ["ran", n], "two ran"
""",
    ),
    Case(
        "cycle_through_three_callbacks",
        section="I40",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="c", value="1"), dcc.Input(id="f", value="2"), html.P(id="log")])

@callback(Output("f", "value"), Input("c", "value"), prevent_initial_call=True)
def c_to_f(c):
    return str(int(c or 0) * 2)

@callback(Output("c", "value"), Input("f", "value"), prevent_initial_call=True)
def f_to_c(f):
    return str(int(f or 0) // 2)

@callback(Output("log", "children"), Input("c", "value"), Input("f", "value"))
def log(c, f):
    return f"c={c} f={f}"
""",
        steps=[("type", "c", "5")],
    ),
    Case(
        "cycle_of_two_initial_calls",
        section="I40/D23",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="c", value="x"), dcc.Input(id="f", value="y")])

@callback(Output("f", "value"), Input("c", "value"))
def c_to_f(c):
    return c + "F"

@callback(Output("c", "value"), Input("f", "value"))
def f_to_c(f):
    return f + "C"
""",
        steps=[("type", "c", "z")],
    ),
    # No case for a loop of three initial calls: real Dash's outcome there depends on which of the requests
    # it sends together comes back first (CI saw c = "c312" in one run and "b2312" in another), so there is
    # no single answer to compare with. The two-callback loop above is decided by layout order alone.
    # -- dcc components -----------------------------------------------------------------------------
    Case(
        "checklist_appends_in_click_order",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Checklist(["New York", "Paris", "Tokyo"], ["Paris"], id="c"), html.P(id="o")])

@callback(Output("o", "children"), Input("c", "value"))
def f(v):
    return f"{v}"
""",
        steps=[("set", "c", {"value": ["Paris", "Tokyo"]}), ("set", "c", {"value": ["Tokyo"]})],
    ),
    Case(
        "radioitems_with_dict_options",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.RadioItems({"s": "Small", "l": "Large"}, "s", id="r"), html.P(id="o")])

@callback(Output("o", "children"), Input("r", "value"))
def f(v):
    return f"size {v}"
""",
        steps=[("set", "r", {"value": "l"})],
    ),
    Case(
        "dropdown_single_and_multi",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Dropdown(["red", "green", "blue"], "red", id="d"),
                       dcc.Dropdown([{"label": "One", "value": 1}, {"label": "Two", "value": 2}], [1], multi=True,
                                    id="m"),
                       html.P(id="o")])

@callback(Output("o", "children"), Input("d", "value"), Input("m", "value"))
def f(d, m):
    return f"{d} {m}"
""",
        steps=[("set", "d", {"value": "blue"}), ("set", "m", {"value": [1, 2]}), ("set", "d", {"value": None})],
    ),
    Case(
        "options_written_by_a_callback",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.RadioItems(["fruit", "veg"], "fruit", id="kind"), dcc.Dropdown(id="item"), html.P(id="o")])

@callback(Output("item", "options"), Output("item", "value"), Input("kind", "value"))
def options(kind):
    items = {"fruit": ["apple", "pear"], "veg": ["leek", "kale"]}[kind]
    return items, items[0]

@callback(Output("o", "children"), Input("item", "value"))
def show(v):
    return f"chosen {v}"
""",
        steps=[("set", "kind", {"value": "veg"}), ("set", "item", {"value": "kale"})],
    ),
    Case(
        "textarea_and_rangeslider",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Textarea(id="t", value="hello"), dcc.RangeSlider(0, 10, 1, value=[2, 5], id="rs"),
                       html.P(id="o")])

@callback(Output("o", "children"), Input("t", "value"), Input("rs", "value"))
def f(t, rs):
    return f"{t.upper()} {rs}"
""",
        steps=[("type", "t", "!"), ("set", "rs", {"value": [1, 9]})],
    ),
    Case(
        "slider_set_by_a_callback",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([html.Button("max", id="b"), dcc.Slider(0, 10, 1, value=3, id="s"), html.P(id="o")])

@callback(Output("s", "value"), Input("b", "n_clicks"), prevent_initial_call=True)
def to_max(n):
    return 10

@callback(Output("o", "children"), Input("s", "value"))
def show(v):
    return f"at {v}"
""",
        steps=click("b"),
    ),
    # -- M. clientside callbacks ------------------------------------------------------------------
    Case(
        "clientside_counter",
        section="M46",
        app='''
app = Dash()
app.layout = html.Div([html.Button("Click", id="b"), html.P(id="out")])

clientside_callback(
    """function(n) { return "Count: " + (n || 0); }""",
    Output("out", "children"), Input("b", "n_clicks"))
''',
        steps=click("b", 2),
    ),
    Case(
        "clientside_no_update_and_prevent_update",
        section="M46/F",
        app='''
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("x0", id="x"), html.P("y0", id="y")])

clientside_callback(
    """function(n) {
        if (!n) { throw window.dash_clientside.PreventUpdate; }
        return [n % 2 ? "odd " + n : window.dash_clientside.no_update, "y " + n];
    }""",
    Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"))
''',
        steps=click("b", 3),
    ),
    Case(
        "clientside_context_and_promise",
        section="M34",
        app='''
app = Dash()
app.layout = html.Div([html.Button("a", id="a"), html.Button("b", id="b"), html.P(id="out")])

clientside_callback(
    """async function(a, b) {
        const ctx = window.dash_clientside.callback_context;
        const who = ctx.triggered.length ? ctx.triggered_id : "nobody";
        const inputs = JSON.stringify(ctx.inputs);
        await new Promise((r) => setTimeout(r, 5));
        return who + " " + inputs;
    }""",
    Output("out", "children"), Input("a", "n_clicks"), Input("b", "n_clicks"))
''',
        steps=click("a") + click("b"),
    ),
    Case(
        "mixed_chain_python_clientside_python",
        section="M46",
        app='''
app = Dash()
app.layout = html.Div([dcc.Input(id="i", value="ab"), html.P(id="upper"), html.P(id="js"), html.P(id="final")])

@callback(Output("upper", "children"), Input("i", "value"))
def upper(v):
    return v.upper()

clientside_callback(
    """function(u) { return u.split("").reverse().join(""); }""",
    Output("js", "children"), Input("upper", "children"))

@callback(Output("final", "children"), Input("js", "children"), State("i", "value"))
def final(js, i):
    return f"{js} from {i}"
''',
        steps=[("type", "i", "c")],
    ),
    Case(
        "clientside_set_props",
        section="M/K42",
        app='''
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("-", id="side"), html.P(id="echo")])

clientside_callback(
    """function(n) { window.dash_clientside.set_props("side", {children: "from js " + n}); }""",
    Input("b", "n_clicks"), prevent_initial_call=True)

@callback(Output("echo", "children"), Input("side", "children"))
def echo(s):
    return f"echo {s}"
''',
        steps=click("b", 2),
    ),
    Case(
        "clientside_error_leaves_outputs",
        section="M46/E25",
        app='''
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("start", id="x")])

clientside_callback(
    """function(n) { if (n === 1) { throw new Error("first"); } return "n=" + n; }""",
    Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
''',
        steps=click("b", 2),
    ),
    # -- L. background callbacks (real Dash needs a manager; livedash accepts and ignores it) ---------
    Case(
        "background_with_progress_and_running",
        section="L45",
        app="""
import time
import diskcache
from dash import DiskcacheManager

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([html.Button("Run", id="run"), html.P("idle", id="progress"), html.P("no result", id="result")])

@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          running=[(Output("run", "disabled"), True, False)], progress=Output("progress", "children"),
          progress_default="idle", interval=100)
def slow(set_progress, n):
    for step in range(3):
        set_progress(f"{step + 1}/3")
        time.sleep(0.1)
    return f"done {n}"
""",
        steps=click("run"),
    ),
    Case(
        "background_progress_without_default_keeps_the_last",
        section="L45",
        app="""
import time
import diskcache
from dash import DiskcacheManager

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([html.Button("Run", id="run"), html.Button("Cancel", id="cancel"),
                       html.P("idle", id="progress"), html.P("no result", id="result")])

@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("progress", "children"), cancel=Input("cancel", "n_clicks"), interval=100)
def slow(set_progress, n):
    if n > 1:
        time.sleep(10)    # the second run is cancelled before it reports anything
    for step in range(3):
        set_progress(f"{step + 1}/3")
        time.sleep(0.1)
    return f"done {n}"
""",
        steps=click("run") + [("start", "run"), ("click", "cancel")],
    ),
    Case(
        "background_result_feeds_a_chain",
        section="L45",
        app="""
import diskcache
from dash import DiskcacheManager

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([dcc.Input(id="n", value="3"), html.Button("Go", id="go"), dcc.Store(id="s"), html.P(id="out")])

@callback(Output("s", "data"), Input("go", "n_clicks"), State("n", "value"), background=True, interval=100)
def compute(clicks, n):
    return {"squares": [i * i for i in range(int(n))], "clicks": clicks}

@callback(Output("out", "children"), Input("s", "data"))
def show(data):
    return f"{data}"
""",
        steps=[("type", "n", "1")] + click("go"),
    ),
    Case(
        "background_callback_sees_its_context",
        section="L45",
        app="""
import diskcache
from dash import DiskcacheManager, ctx

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([html.Button("A", id="a"), html.Button("B", id="b"), dcc.Input(id="n", value="7"),
                       html.P(id="out")])

@callback(Output("out", "children"), Input("a", "n_clicks"), Input("b", "n_clicks"), State("n", "value"),
          background=True, prevent_initial_call=True, interval=100)
def which(a, b, n):
    return (f"{ctx.triggered_id} {[t['prop_id'] for t in ctx.triggered]} {ctx.inputs} {ctx.states} "
            f"{ctx.outputs_list} {ctx.args_grouping[0]['triggered']} {ctx.args_grouping[1]['triggered']}")
""",
        steps=click("a") + click("b") + click("b"),
    ),
    Case(
        "background_job_cancelled_while_running",
        section="L45",
        app="""
import time
import diskcache
from dash import DiskcacheManager

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([html.Button("Run", id="run"), html.Button("Cancel", id="cancel"),
                       html.P("no result", id="result")])

@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          running=[(Output("run", "disabled"), True, False), (Output("cancel", "disabled"), False, True)],
          cancel=Input("cancel", "n_clicks"), interval=100)
def slow(n):
    time.sleep(10)
    return f"finished {n}"
""",
        steps=[("start", "run"), ("click", "cancel")],
    ),
    Case(
        "choice_labels_keep_their_spaces",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([
    html.Div([dcc.Checklist([{"label": " done", "value": "d"}, {"label": "two  spaces ", "value": "t"}], ["t"],
                            id="c", inline=True)], id="inline"),
    html.Div([dcc.Checklist([" a", "b "], id="c2"), dcc.RadioItems([" left", "right "], " left", id="r")], id="block"),
    html.P(id="o")])

@callback(Output("o", "children"), Input("c", "value"), Input("r", "value"))
def f(c, r):
    return f"{c!r} {r!r}"
""",
    ),
    # -- more of the same sections ------------------------------------------------------------------
    Case(
        "any_html_element_counts_clicks",
        section="N47",
        app="""
app = Dash()
app.layout = html.Div([html.Div("press me", id="d"), html.Span(id="o")])

@callback(Output("o", "children"), Input("d", "n_clicks"))
def f(n):
    return f"div clicked {n}"
""",
        steps=click("d", 2),
    ),
    Case(
        "one_setprops_with_two_inputs_runs_once",
        section="D19",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="a", value="1"), html.P(id="o")])
calls = []

@callback(Output("o", "children"), Input("a", "value"), Input("a", "placeholder"))
def f(v, p):
    calls.append(1)
    return f"{v} {p} {len(calls)} {sorted(ctx.triggered_prop_ids)}"
""",
        steps=[("set", "a", {"value": "2", "placeholder": "type"})],
    ),
    Case(
        "keyword_inputs_and_state_lists",
        section="B10",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Input(id="t", value="x"), html.P(id="o")])

@callback(output=[Output("o", "children")], inputs=[Input("b", "n_clicks")], state=[State("t", "value")])
def f(n, t):
    return [f"{n}:{t}"]
""",
        steps=[("type", "t", "y")] + click("b"),
    ),
    Case(
        "match_with_match_state",
        section="H36",
        app="""
app = Dash()
app.layout = html.Div([html.Div([html.Button("go", id={"t": "b", "i": i}),
                                 dcc.Input(id={"t": "in", "i": i}, value=f"v{i}"),
                                 html.Span(id={"t": "o", "i": i})]) for i in range(3)])

@callback(Output({"t": "o", "i": MATCH}, "children"), Input({"t": "b", "i": MATCH}, "n_clicks"),
          State({"t": "in", "i": MATCH}, "value"), prevent_initial_call=True)
def f(n, v):
    return f"{v} x{n}"
""",
        steps=click({"t": "b", "i": 1}) + [("type", {"t": "in", "i": 2}, "!")] + click({"t": "b", "i": 2}),
    ),
    Case(
        "all_output_writes_every_item",
        section="H36",
        app="""
app = Dash()
app.layout = html.Div([html.Button("mark", id="b")] + [html.Span(f"item {i}", id={"t": "s", "i": i}) for i in range(3)])

@callback(Output({"t": "s", "i": ALL}, "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return [f"marked {i} ({n})" for i in range(3)]
""",
        steps=click("b", 2),
    ),
    Case(
        "all_input_shrinks_when_items_are_removed",
        section="C15/H36",
        app="""
app = Dash()
app.layout = html.Div([html.Button("drop", id="drop"),
                       html.Div([html.Button(str(i), id={"t": "x", "i": i}) for i in range(3)], id="box"),
                       html.P(id="o")])

@callback(Output("box", "children"), Input("drop", "n_clicks"), prevent_initial_call=True)
def drop(n):
    return [html.Button(str(i), id={"t": "x", "i": i}) for i in range(3 - n)]

@callback(Output("o", "children"), Input({"t": "x", "i": ALL}, "n_clicks"))
def count(clicks):
    return f"{len(clicks)} buttons"
""",
        steps=click("drop", 2),
    ),
    Case(
        "patch_removes_and_inserts_children",
        section="J41",
        app="""
app = Dash()
app.layout = html.Div([html.Button("edit", id="b"), html.Div([html.P("a"), html.P("b"), html.P("c")], id="box")])

@callback(Output("box", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    p = Patch()
    del p[0]
    p.insert(1, html.P(f"new {n}"))
    return p
""",
        steps=click("b", 2),
    ),
    Case(
        "debounced_input_updates_on_enter",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="i", value="", debounce=True), html.P(id="o")])

@callback(Output("o", "children"), Input("i", "value"), Input("i", "n_submit"))
def f(v, n):
    return f"value {v!r} submitted {n}"
""",
        steps=[("type", "i", "a"), ("press", "i", "Enter")],
    ),  # one key: Dash's debounced input can reorder fast keys
    Case(
        "n_submit_counts_enter",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="i", value="q"), html.P(id="o")])

@callback(Output("o", "children"), Input("i", "n_submit"), State("i", "value"), prevent_initial_call=True)
def f(n, v):
    return f"search {v} #{n}"
""",
        steps=[("press", "i", "Enter"), ("type", "i", "z"), ("press", "i", "Enter")],
    ),
    Case(
        "set_props_on_a_pattern_id",
        section="K42",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b")] + [html.Span(id={"t": "s", "i": i}) for i in range(2)])

@callback(Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    set_props({"t": "s", "i": 1}, {"children": f"second {n}"})
""",
        steps=click("b"),
    ),
    Case(
        "no_input_callback_runs_at_load",
        section="C11",
        app="""
app = Dash()
app.layout = html.Div([html.P(id="o")])

@callback(Output("o", "children"))
def f():
    return "set at load"
""",
    ),
    Case(
        "callback_sets_disabled_and_numbers",
        section="quality",
        app="""
app = Dash()
app.layout = html.Div([html.Button("lock", id="b"), dcc.Input(id="i", value="x"), html.P(id="n")])

@callback(Output("i", "disabled"), Output("n", "children"), Input("b", "n_clicks"))
def f(n):
    return bool(n), (n or 0) / 4
""",
        steps=click("b", 2),
    ),
    Case(
        "checklist_with_number_values_and_disabled_option",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Checklist([{"label": "one", "value": 1}, {"label": "two", "value": 2, "disabled": True},
                                      {"label": "three", "value": 3}], [1], inline=True, id="c"), html.P(id="o")])

@callback(Output("o", "children"), Input("c", "value"))
def f(v):
    return f"sum {sum(v)}"
""",
        steps=[("set", "c", {"value": [1, 3]})],
    ),
    Case(
        "state_of_a_chained_output_is_read_after_the_chain",
        section="D20",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("0", id="mid"), html.P(id="o")])

@callback(Output("mid", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return str(n * 10)

@callback(Output("o", "children"), Input("b", "n_clicks"), State("mid", "children"), prevent_initial_call=True)
def g(n, mid):
    return f"state saw {mid}"
""",
        steps=click("b", 2),
    ),
    Case(
        "dropdown_options_with_labels_and_placeholder",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Dropdown({"nyc": "New York", "par": "Paris"}, id="d", placeholder="Pick a city"),
                       html.P(id="o")])

@callback(Output("o", "children"), Input("d", "value"))
def f(v):
    return f"city {v}"
""",
        steps=[("set", "d", {"value": "par"})],
    ),
    Case(
        "interval_is_drawn_as_nothing_and_counts_when_set",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Interval(id="t", interval=1000, n_intervals=0, disabled=True), html.P(id="o")])

@callback(Output("o", "children"), Input("t", "n_intervals"))
def f(n):
    return f"tick {n}"
""",
        steps=[("set", "t", {"n_intervals": 5})],
    ),
    Case(
        "prevent_update_in_one_of_two_callbacks_on_one_input",
        section="F27",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("a0", id="a"), html.P("b0", id="c")])

@callback(Output("a", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    raise PreventUpdate

@callback(Output("c", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def g(n):
    return f"g {n}"
""",
        steps=click("b"),
    ),
    Case(
        "callback_returns_a_list_of_components_with_ids_that_callbacks_use",
        section="C15",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="n", value="2"), html.Div(id="rows"), html.P(id="total")])

@callback(Output("rows", "children"), Input("n", "value"))
def rows(n):
    return [dcc.Input(id={"t": "cell", "i": i}, value=str(i)) for i in range(int(n or 0))]

@callback(Output("total", "children"), Input({"t": "cell", "i": ALL}, "value"))
def total(values):
    return f"{len(values)} cells, sum {sum(int(v or 0) for v in values)}"
""",
        steps=[("type", "n", "1")],
    ),
    Case(
        "ctx_args_grouping",
        section="G33",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="x"), html.Button(id="y"), html.P(id="o")])

@callback(Output("o", "children"), Input("x", "n_clicks"), Input("y", "n_clicks"), prevent_initial_call=True)
def f(x, y):
    g = ctx.args_grouping
    return f"{[(a['id'], a['triggered'], a['value']) for a in g]}"
""",
        steps=click("y") + click("x"),
    ),
    Case(
        "several_outputs_on_one_component_and_a_chain_from_one_of_them",
        section="E24/D",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("t", id="p", title="start"), html.P(id="o")])

@callback(Output("p", "children"), Output("p", "title"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return f"text {n}", f"title {n}"

@callback(Output("o", "children"), Input("p", "title"))
def g(t):
    return f"saw {t}"
""",
        steps=click("b", 2),
    ),
    Case(
        "tabs_switch_content",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([
    dcc.Tabs(id="tabs", value="b", children=[
        dcc.Tab(label="Alpha", value="a", children=html.P("first pane", id="pa")),
        dcc.Tab(label="Beta", value="b", children=html.P("second pane", id="pb")),
    ]),
    html.P(id="o"),
])

@callback(Output("o", "children"), Input("tabs", "value"))
def f(v):
    return f"showing {v}"
""",
        steps=[("set", "tabs", {"value": "a"})],
    ),
    Case(
        "loading_wraps_its_children",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Loading(html.P(id="o"), id="load")])

@callback(Output("o", "children"), Input("b", "n_clicks"))
def f(n):
    return f"loaded {n}"
""",
        steps=click("b"),
    ),
    Case(
        "graph_figure_from_a_callback",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Dropdown(["bar", "line"], "bar", id="kind"), dcc.Graph(id="g"), html.P(id="o")])

@callback(Output("g", "figure"), Input("kind", "value"))
def figure(kind):
    trace = {"type": "bar" if kind == "bar" else "scatter", "x": ["a", "b", "c"], "y": [3, 1, 2]}
    return {"data": [trace], "layout": {"title": {"text": f"A {kind} chart"}, "height": 300}}

@callback(Output("o", "children"), Input("g", "figure"))
def show(fig):
    return f"{fig['data'][0]['type']} with {len(fig['data'][0]['x'])} points"
""",
        steps=[("set", "kind", {"value": "line"})],
    ),
    Case(
        "graph_reports_its_first_autosize",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Graph(id="g", figure={"data": [{"type": "bar", "x": [1, 2], "y": [3, 4]}]}),
                       html.P(id="o")])

@callback(Output("o", "children"), Input("g", "relayoutData"))
def f(relayout):
    return f"relayout {relayout}"
""",
    ),
    Case(
        "markdown_written_by_a_callback",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Markdown("*Nothing yet*", id="md")])

@callback(Output("md", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return f"## Clicked\\n\\n**{n}** times, see [the docs](https://dash.plotly.com)"
""",
        steps=click("b", 2),
    ),
    # -- misc -------------------------------------------------------------------------------------
    Case(
        "text_that_looks_like_html",
        section="quality",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P("<b>not bold</b>", id="p")])

@callback(Output("p", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    return "<i>still text</i> & more"
""",
        steps=click("b"),
    ),
    Case(
        "children_list_of_components_and_numbers",
        section="quality",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.Div(id="box")])

@callback(Output("box", "children"), Input("b", "n_clicks"))
def f(n):
    return [html.Span(n or 0, id="num"), " items ", html.B("bold", id="bold"), 3.5]
""",
        steps=click("b", 2),
    ),
    Case(
        "number_input",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="n", type="number", value=3), html.P(id="sq")])

@callback(Output("sq", "children"), Input("n", "value"))
def f(v):
    return f"{v!r} squared is {v * v if v is not None else '-'}"
""",
        steps=[("type", "n", "4")],
    ),
]


# What a reader does with each lesson example (every docs/examples/*.py must be here).
EXAMPLE_STEPS = {
    "counter": click("btn", 3),
    "plus_minus": click("plus", 2) + click("minus"),
    "sign_colour": click("down", 2) + click("up", 8),  # reaches 5 (milestone shown) and 6 (kept)
    "progress_bar": click("step", 11),  # goes past 10: text and bar stop there
    "fill_empty": click("empty") + click("fill") + click("empty"),
    "chain_store": click("add", 2) + [("set", "factor", {"value": 4})] + click("add"),
    "state_greeting": [("type", "name", "A"), ("type", "name", "l")] + click("greet") + [("type", "name", "i")],
    "temperature_ctx": [
        ("type", "celsius", "5"),
        ("press", "celsius", "Backspace"),
        ("press", "celsius", "Backspace"),
        ("press", "celsius", "Backspace"),
        ("type", "fahrenheit", "-"),
    ]
    + [("press", "fahrenheit", "Backspace")] * 4
    + [("type", "fahrenheit", "5")],
    "temperature_state": [("type", "celsius", "0")]
    + [("press", "fahrenheit", "Backspace")] * 5
    + [("type", "fahrenheit", "5")]
    + click("back"),
    "stop_update": [
        ("press", "number", "Backspace"),
        ("press", "number", "Backspace"),
        ("type", "number", "-"),
        ("type", "number", "9"),
        ("press", "number", "Backspace"),
        ("press", "number", "Backspace"),
        ("type", "number", "2"),
    ],
    "background_job": click("start"),
    "clientside_counter": click("btn", 3),
    "clientside_function": [("set", "percent", {"value": 60}), ("set", "percent", {"value": 100})],
    "todo_list": [("type", "new-item", "a")]
    + click("add")
    + [("type", "new-item", "b")]
    + click("add")
    + click("add")
    + [
        ("set", {"type": "done", "index": 1}, {"value": ["done"]}),
        ("set", {"type": "done", "index": 3}, {"value": ["done"]}),
        ("set", {"type": "done", "index": 1}, {"value": []}),
    ],
    "running_sum": [
        ("type", {"type": "amount", "index": 1}, "0"),
        ("press", {"type": "amount", "index": 0}, "Backspace"),
        ("type", {"type": "amount", "index": 3}, "x"),
    ],
}

CASES += [Case.from_example(path, EXAMPLE_STEPS.get(path.stem, [])) for path in sorted(EXAMPLES.glob("*.py"))]

# The lessons' "Try it" edits: an example changed as a lesson tells the reader to change it must behave as
# in real Dash too. Each edit is (text in the example, its replacement); a missing text fails loudly. Names
# in FAILING_TRY_IT fail at start-up on purpose.
TRY_IT = {
    "l1_double_without_a_guard": (
        "counter",
        [('return f"Count: {n_clicks or 0}"', "return n_clicks * 2")],
        click("btn", 2),
    ),
    "l2_raw_triggered": (
        "plus_minus",
        [("    # Both click counts", "    return str(ctx.triggered)\n    # Both click counts")],
        click("plus") + click("minus"),
    ),
    "l3_two_values_for_three_outputs": (
        "sign_colour",
        [("return str(value), style, note", "return str(value), style")],
        click("up"),
    ),
    "l4_shared_output_unmarked": (
        "fill_empty",
        [('Output("bar", "style", allow_duplicate=True)', 'Output("bar", "style")')],
        click("fill") + click("empty"),
    ),
    "l5_factor_as_state": (
        "chain_store",
        [
            ('Input("factor", "value")', 'State("factor", "value")'),
            (
                "import Dash, html, dcc, callback, Input, Output",
                "import Dash, html, dcc, callback, Input, Output, State",
            ),
        ],
        click("add") + [("set", "factor", {"value": 4})] + click("add"),
    ),
    "l6_celsius_written_back": (
        "temperature_ctx",
        [
            (
                "return no_update, (no_update if c is None",
                'return (no_update if c is None else f"{c:.1f}"), (no_update if c is None',
            )
        ],
        [("type", "celsius", "2"), ("type", "celsius", "5")],
    ),
    "l7_no_guard": (
        "stop_update",
        [
            (
                """    try:
        x = float(text)
    except (TypeError, ValueError):
        # Empty box or half-typed: nothing sensible to show, so change nothing at all.
        raise PreventUpdate
""",
                "    x = float(text)\n",
            )
        ],
        [("press", "number", "Backspace"), ("press", "number", "Backspace")],
    ),
    "l8_no_progress_default": ("background_job", [('    progress_default="Idle",\n', "")], click("start")),
    "l9_prevent_at_start": (
        "clientside_counter",
        [
            (
                'return "Count: "',
                'if (n_clicks === undefined) { throw window.dash_clientside.PreventUpdate; }\n        return "Count: "',
            )
        ],
        click("btn"),
    ),
    "l10_allsmaller_as_all": (
        "running_sum",
        [
            (
                'Input({"type": "amount", "index": ALLSMALLER}, "value")',
                'Input({"type": "amount", "index": ALL}, "value")',
            ),
            ("MATCH, ALLSMALLER", "MATCH, ALLSMALLER, ALL"),
        ],
        [("type", {"type": "amount", "index": 1}, "0")],
    ),
}


FAILING_TRY_IT = {"l1_double_without_a_guard", "l3_two_values_for_three_outputs"}


def _try_it_case(name, example, edits, steps):
    case = Case.from_example(EXAMPLES / f"{example}.py", steps)
    source = case.app
    for old, new in edits:
        assert old in source, f"try-it {name}: {example}.py no longer contains {old!r}"
        source = source.replace(old, new, 1)
    return Case(
        f"try_{name}", source, steps, "lessons", whole=True, assets=case.assets, expect_error=name in FAILING_TRY_IT
    )


CASES += [_try_it_case(name, *spec) for name, spec in TRY_IT.items()]

# Inline lesson examples that real Dash runs too (complete programs shown in a lesson's fence), by
# (lesson file, fence title), with what a reader does with them.
LESSONS = EXAMPLES.parent / "lessons"
INLINE_STEPS = {
    ("06-circular-dependencies.md", "Two callbacks that feed each other"): [("type", "celsius", "5")],
}


def _inline_case(lesson, title, steps):
    from livedash.mkdocs.fences import find_dash_fences  # (tests/conftest.py puts runtime/ on the path)

    fences = [
        f for f in find_dash_fences((LESSONS / lesson).read_text(encoding="utf-8")) if f.options.get("title") == title
    ]
    assert len(fences) == 1, f"{lesson}: no single dash fence titled {title!r}"
    name = "inline_" + re.sub(r"\W+", "_", title.lower()).strip("_")
    return Case(name, fences[0].body + "\n", steps, "lessons", whole=True)


CASES += [_inline_case(lesson, title, steps) for (lesson, title), steps in INLINE_STEPS.items()]

# Every exercise's reference solution is a Dash program too: it must load and draw the same in real Dash.
CASES += [
    Case(f"exercise_{path.parent.name}", path.read_text(encoding="utf-8"), [], "exercises", whole=True)
    for path in sorted((EXAMPLES.parent / "exercises").glob("*/solution.py"))
]


# -- issue 11: argument order, args_grouping, dcc.Store's modified_timestamp, Patch deletes, in-place State ----
CASES += [
    Case(
        "issue11_args_in_the_order_written",
        section="B",
        app="""
app = Dash()
app.layout = html.Div([dcc.Input(id="a", value="A"), dcc.Input(id="b", value="1"), dcc.Input(id="c", value="C"),
                       html.P(id="o1"), html.P(id="o2"), html.P(id="o3"), html.P(id="o4"), html.P(id="o5"),
                       html.P(id="o6")])

@callback(Output("o1", "children"), State("a", "value"), Input("b", "value"), State("c", "value"))
def positional(*args):
    return repr(args)

@callback(Output("o2", "children"), [State("a", "value"), Input("b", "value")], [State("c", "value")])
def lists(*args):
    return repr(args) + " " + repr([g["str_id"] for g in ctx.args_grouping])

@callback(output=[Output("o3", "children")], inputs=[State("c", "value"), Input("b", "value"), State("a", "value")])
def keywords(*args):
    return [repr(args)]

@callback(Output("o4", "children"), inputs=dict(x=Input("b", "value")),
          state=dict(y=State("a", "value"), z=State("c", "value")))
def keyword_dicts(**kwargs):
    return repr(kwargs) + " " + repr(list(ctx.args_grouping))

@callback(Output("o5", "children"),
          inputs=[(State("a", "value"), Input("b", "value")), dict(k=State("c", "value"), i=Input("a", "value"))])
def nested(pair, named):
    return repr(pair) + " " + repr(named) + " " + repr(named.k)

@callback(Output("o6", "children"), State("c", "value"), State("a", "value"), Input("b", "value"), Input("c", "value"))
def states_first(*args):
    return repr(args) + " " + repr([(g.id, g.triggered) for g in ctx.args_grouping])
""",
        steps=[("type", "b", "2"), ("type", "a", "Z")],
    ),
    Case(
        "issue11_args_grouping_attributes",
        section="G33",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="x"), html.Button(id={"kind": "btn", "n": 2}), dcc.Input(id="t", value="v"),
                       html.P(id="o")])

@callback(Output("o", "children"),
          inputs=dict(first=Input("x", "n_clicks"), second=Input({"kind": "btn", "n": 2}, "n_clicks")),
          state=dict(text=State("t", "value")), prevent_initial_call=True)
def f(first, second, text):
    g = ctx.args_grouping
    return (f"{type(g).__name__} {g.second.triggered} {g.second.id.kind} {g.second.value} {g.second.property} "
            f"{g.second.str_id} {g.text.value} {g.text.triggered} {callable(g.first)} {g['first'].triggered} "
            f"{hasattr(g.second, 'component_id')} {list(g.second)}")
""",
        steps=click({"kind": "btn", "n": 2}) + click("x"),
    ),
    Case(
        "issue11_store_modified_timestamp",
        section="dcc",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.Button(id="clear"), html.Button(id="c"),
                       dcc.Store(id="s", data={"n": 0}),
                       dcc.Store(id="empty", data=None), dcc.Store(id="unset"), html.Div(id="box"),
                       html.P(id="log", children=""), html.P(id="late", children=""), html.P(id="nolog", children=""),
                       html.P(id="unsetlog", children=""), html.P(id="addedlog", children="")])

@callback(Output("s", "data"), Input("b", "n_clicks"), State("s", "data"), prevent_initial_call=True)
def bump(n, data):
    return {"n": data["n"] + 1} if n != 2 else data

@callback(Output("s", "clear_data"), Input("clear", "n_clicks"), prevent_initial_call=True)
def clear(n):
    return True

@callback(Output("log", "children"), Input("s", "modified_timestamp"), State("s", "data"), State("log", "children"))
def seen(ts, data, log):
    return log + f"[{type(ts).__name__} {ts > 0} {data} {ctx.triggered_id}]"

@callback(Output("late", "children"), Input("s", "modified_timestamp"), State("late", "children"),
          prevent_initial_call=True)
def late(ts, log):
    return log + f"[{ts > 0} {ctx.triggered_id}]"

@callback(Output("nolog", "children"), Input("empty", "modified_timestamp"), Input("empty", "data"),
          State("nolog", "children"))
def empty(ts, data, log):
    return log + f"[{ts} {data} {ctx.triggered_prop_ids and sorted(ctx.triggered_prop_ids)}]"

@callback(Output("unsetlog", "children"), Input("unset", "modified_timestamp"), State("unsetlog", "children"))
def unset(ts, log):
    return log + f"[{ts} {ctx.triggered_id}]"

@callback(Output("box", "children"), Input("c", "n_clicks"), prevent_initial_call=True)
def add(n):
    return dcc.Store(id="t", data=[n])

@callback(Output("addedlog", "children"), Input("t", "modified_timestamp"), State("t", "data"),
          State("addedlog", "children"))
def added(ts, data, log):
    return log + f"[{ts > 0} {ctx.triggered_id} {data}]"
""",
        steps=click("b", 2) + click("clear") + click("c", 2),
    ),
    Case(
        "issue11_patch_delete_of_what_is_not_there",
        section="J41",
        app="""
app = Dash()
app.layout = html.Div([html.Button(id="b"), dcc.Store(id="s", data={"a": {"x": 1}, "l": [1, 2, 3], "k": 0}),
                       html.P(id="o")])

@callback(Output("s", "data"), Input("b", "n_clicks"), prevent_initial_call=True)
def f(n):
    p = Patch()
    del p["missing"]
    del p["a"]["zz"]
    del p["nothing"]["deeper"]
    del p["l"][10]
    del p["k"]
    del p["l"][-1]
    p["added"] = n
    return p

@callback(Output("o", "children"), Input("s", "data"))
def show(data):
    return repr(data)
""",
        steps=click("b", 2),
    ),
    Case(
        "issue11_state_changed_in_place",
        section="quality",
        app="""
app = Dash()
app.layout = html.Div([html.Button("Add", id="add"), html.Button("Touch", id="touch"), html.Button("Show", id="show"),
                       html.Div([html.P("first", id="p0")], id="box"), dcc.Store(id="s", data={"n": 0, "items": []}),
                       html.P(id="o")])

@callback(Output("box", "children"), Input("add", "n_clicks"), State("box", "children"), prevent_initial_call=True)
def add(n, children):
    children.append(html.P(f"paragraph {n}", id=f"p{n}"))
    return children

@callback(Output("s", "data"), Input("touch", "n_clicks"), State("s", "data"), prevent_initial_call=True)
def touch(n, data):
    data["n"] += 1
    data["items"].append(n)
    raise PreventUpdate

@callback(Output("o", "children"), Input("show", "n_clicks"), State("s", "data"), State("box", "children"))
def show(n, data, children):
    return f"{data} {len(children)} {[c['props']['children'] for c in children]} {type(children[0]).__name__}"
""",
        steps=click("add", 2) + click("touch") + click("show"),
    ),
]


# -- issue 11: debug (the app's own app.run(debug=...) in its main block; `problems` compares the load-time
# errors each page shows) and Dash's dependency checks (dash-renderer's validateDependencies) ------------------
# (DUPLICATE_OUTPUTS_APP and CYCLE_AND_GHOST_APP are also the apps of tests/unit/test_debug_and_on_error.py.)
DUPLICATE_OUTPUTS_APP = """
app = Dash()
app.layout = html.Div([html.Button("a", id="a"), html.Button("b", id="b"), html.P("start", id="x")])

@callback(Output("x", "children"), Input("a", "n_clicks"), prevent_initial_call=True)
def one(n):
    return f"one {n}"

@callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def two(n):
    return f"two {n}"
"""
CYCLE_AND_GHOST_APP = """
app = Dash()
app.layout = html.Div([html.Div("A", id="a"), html.Div("B", id="b")])

@callback(Output("a", "children"), Input("b", "children"))
def to_a(b):
    return b

@callback(Output("b", "children"), Input("a", "children"))
def to_b(a):
    return a + "!"

@callback(Output("a", "title"), Input("ghost", "value"))
def from_ghost(g):
    return g
"""


def _main(call):
    return f'\nif __name__ == "__main__":\n    {call}\n'


CASES += [
    Case(
        "debug_duplicate_outputs_are_shown_and_stop_every_callback",
        section="I38/debug",
        app=DUPLICATE_OUTPUTS_APP + _main("app.run(debug=True)"),
        steps=click("a") + click("b"),
        problems=True,
    ),
    Case(
        "no_debug_duplicate_outputs_run_the_last_function",
        section="I38/debug",
        app=DUPLICATE_OUTPUTS_APP + _main("app.run(debug=False)"),
        steps=click("a") + click("b"),
        problems=True,
    ),
    Case(
        "no_debug_by_default_when_app_run_is_called",
        section="I38/debug",
        app=DUPLICATE_OUTPUTS_APP + _main("app.run()"),
        steps=click("b"),
        problems=True,
    ),
    Case(
        "no_run_call_means_debug_here", section="I38/debug", app=DUPLICATE_OUTPUTS_APP, steps=click("a"), problems=True
    ),
    Case(
        "debug_checks_without_the_pop_up",
        section="I38/debug",
        app=DUPLICATE_OUTPUTS_APP + _main("app.run(debug=True, dev_tools_ui=False)"),
        steps=click("a"),
        problems=True,
    ),
    Case(
        "debug_cycle_and_missing_id_are_shown",
        section="I39-40/debug",
        app=CYCLE_AND_GHOST_APP + _main("app.run(debug=True)"),
        problems=True,
    ),
    Case(
        "no_debug_cycle_and_missing_id_are_not_shown",
        section="I39-40/debug",
        app=CYCLE_AND_GHOST_APP + _main("app.run(debug=False)"),
        problems=True,
    ),
    Case(
        "allsmaller_in_an_output_is_a_wildcard_id_error",
        section="H37/I38",
        problems=True,
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("p0", id={"i": 0}), html.P("p1", id={"i": 1}),
                       html.P("untouched", id="other")])

@callback(Output({"i": ALLSMALLER}, "children"), Input("b", "n_clicks"))
def f(n):
    return ["x"]

@callback(Output("other", "children"), Input("b", "n_clicks"))
def g(n):
    return f"g ran {n}"
""",
        steps=click("b"),
    ),
    Case(
        "match_on_a_key_the_output_lacks_is_an_error",
        section="H37/I38",
        problems=True,
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("p", id={"i": 0, "k": "a"}),
                       dcc.Input(id={"i": 0, "j": 0}, value="v"), html.P("untouched", id="other")])

@callback(Output({"i": MATCH, "k": "a"}, "children"), Input({"i": MATCH, "j": MATCH}, "value"))
def f(v):
    return v

@callback(Output("other", "children"), Input("b", "n_clicks"))
def g(n):
    return f"g ran {n}"
""",
        steps=click("b") + [("type", {"i": 0, "j": 0}, "w")],
    ),
    Case(
        "allsmaller_without_a_match_output_is_an_error",
        section="H37/I38",
        problems=True,
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("untouched", id="out"), dcc.Input(id={"i": 0}, value="v")])

@callback(Output("out", "children"), Input("b", "n_clicks"), State({"i": ALLSMALLER}, "value"))
def f(n, values):
    return str(values)
""",
        steps=click("b"),
    ),
    Case(
        "mismatched_match_across_outputs_and_overlapping_outputs",
        section="H37/I38",
        problems=True,
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("p", id={"i": 0}), html.P("q", id={"j": 0}),
                       html.P("untouched", id="other")])

@callback(Output({"i": MATCH}, "children"), Output({"j": MATCH}, "children"), Input({"i": MATCH}, "n_clicks"))
def f(n):
    return "f", "f"

@callback(Output({"i": ALL}, "children"), Input("b", "n_clicks"))
def g(n):
    return ["g"]

@callback(Output("other", "children"), Input("b", "n_clicks"))
def h(n):
    return f"h ran {n}"
""",
        steps=click("b"),
    ),
    Case(
        "no_inputs_with_prevent_initial_call_and_empty_ids",
        section="I38",
        problems=True,
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("untouched", id="out"), html.P("untouched", id="other")])

@callback(Output("out", "children"), prevent_initial_call=True)
def f():
    return "f"

@callback(Output("other", "children"), Input("b", "n_clicks"), State("", "value"), State("b", ""))
def g(n, a, b):
    return f"g ran {n}"
""",
        steps=click("b"),
    ),
    Case(
        "optional_ids_may_be_missing",
        section="I39",
        problems=True,
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("untouched", id="out")])

@callback(Output("out", "children"), Input("ghost", "value", allow_optional=True))
def f(g):
    return f"f {g}"

@callback(Output("out", "title"), Input("ghost2", "value"), optional=True)
def g(g):
    return "g"

@callback(Output("out", "style"), Input("ghost3", "value"))
def h(g):
    return {}
""",
        steps=click("b"),
    ),
    # -- on_error (Dash(on_error=) and @callback(on_error=)) --
    Case(
        "on_error_value_replaces_the_output_and_set_props_count",
        section="E25",
        problems=True,
        app="""
def handler(err):
    set_props("log", {"children": f"handled for {ctx.triggered_id}"})
    return f"error: {err}"

app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("start", id="x"), html.P("side", id="y"),
                       html.P("-", id="log")])

@callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True, on_error=handler)
def f(n):
    set_props("y", {"children": f"set before raising {n}"})
    if n == 2:
        return "fine"
    raise ValueError(f"boom {n}")
""",
        steps=click("b", 3),
    ),
    Case(
        "on_error_none_leaves_outputs_and_the_callbacks_own_handler_wins",
        section="E25",
        app="""
app = Dash(on_error=lambda err: f"app: {err}")
app.layout = html.Div([html.Button("b", id="b"), html.P("start", id="x"), html.P("start", id="y"),
                       html.P("a", id="z1"), html.P("b", id="z2")])

@callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def uses_the_apps(n):
    raise KeyError(n)

@callback(Output("y", "children"), Input("b", "n_clicks"), prevent_initial_call=True, on_error=lambda err: None)
def own_none(n):
    raise KeyError(n)

@callback(Output("z1", "children"), Output("z2", "children"), Input("b", "n_clicks"), prevent_initial_call=True,
          on_error=lambda err: ["one", "two"])
def own_two(n):
    1 / 0
""",
        steps=click("b", 2),
    ),
    Case(
        "on_error_of_a_background_job",
        section="E25/L45",
        app="""
import diskcache
from dash import DiskcacheManager

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([html.Button("Run", id="run"), html.P("no result", id="result")])

@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          interval=100, on_error=lambda err: f"{type(err).__name__}: {str(err).splitlines()[0]}")
def job(n):
    raise ValueError(f"in job {n}")
""",
        steps=click("run"),
    ),
]


# -- issue 11: clientside (window.dash_clientside as dash-renderer 4.4.1 fills it) ---------------------------
CASES += [
    Case(
        "clientside_api_triggered_id_of_a_dict_id",
        section="M34/H",
        app='''
app = Dash()
app.layout = html.Div([html.Button(f"b{i}", id={"type": "b", "index": i}) for i in range(2)] + [html.P(id="out")])

clientside_callback(
    """function(clicks) {
        const ctx = window.dash_clientside.callback_context;
        const id = ctx.triggered_id;
        return typeof id + " " + JSON.stringify(id) + " " + (id && id.index) + " " + JSON.stringify(ctx.triggered);
    }""",
    Output("out", "children"), Input({"type": "b", "index": ALL}, "n_clicks"))
''',
        steps=[("click", {"type": "b", "index": 1}), ("click", {"type": "b", "index": 0})],
    ),
    Case(
        "clientside_api_context_lists_and_arguments",
        section="M34/M46",
        app='''
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), dcc.Input(id="i", value=None), html.Div(id={"k": "s"}, title="t"),
                       html.P(id="with_state"), html.P(id="without_state")])

clientside_callback(
    """function(n, v, title) {
        const ctx = window.dash_clientside.callback_context;
        return [typeof n, typeof v, title, JSON.stringify(ctx.inputs), JSON.stringify(ctx.states),
                JSON.stringify(ctx.inputs_list), Object.keys(ctx.inputs_list[0]).join(","),
                JSON.stringify(ctx.states_list), JSON.stringify(ctx.outputs_list)].join(" | ");
    }""",
    Output("with_state", "children"), Input("b", "n_clicks"), Input("i", "value"), State({"k": "s"}, "title"))

clientside_callback(
    """function(n) {
        const ctx = window.dash_clientside.callback_context;
        return [String(ctx.states_list), JSON.stringify(ctx.states), JSON.stringify(ctx.outputs_list),
                Object.keys(ctx).sort().join(",")].join(" | ");
    }""",
    Output("without_state", "children"), Input("b", "n_clicks"))
''',
        steps=click("b"),
    ),
    Case(
        "clientside_api_patch_output",
        section="M/J41",
        app='''
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), dcc.Store(id="s", data={"items": [1, 2, 3], "n": 10, "gone": 1}),
                       html.Ul(["first"], id="list"), html.P(id="shown")])

clientside_callback(
    """function(n) {
        const P = window.dash_clientside.Patch;
        return [
            new P().append(["items"], n).add(["n"], 5).assign(["last"], n).delete(["gone"]).insert(["items"], -1, 0)
                .remove(["items"], 2).build(),
            new P().prepend([], "item " + n).build(),
        ];
    }""",
    Output("s", "data"), Output("list", "children"), Input("b", "n_clicks"), prevent_initial_call=True)

@callback(Output("shown", "children"), Input("s", "data"))
def show(data):
    return repr(data)
''',
        steps=click("b", 2),
    ),
    Case(
        "clientside_api_patch_and_dict_ids_in_set_props",
        section="M/K42/J41",
        app='''
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), dcc.Store(id="s", data={"a": 1}),
                       html.P("-", id={"type": "out", "index": 1}), html.P(id="shown")])

clientside_callback(
    """function(n) {
        const dc = window.dash_clientside;
        dc.set_props("s", {data: new dc.Patch().merge([], {["k" + n]: n}).mul(["a"], 2).build()});
        dc.set_props({index: 1, type: "out"}, {children: "set " + n});
        return dc.no_update;
    }""",
    Output("shown", "title"), Input("b", "n_clicks"), prevent_initial_call=True)

@callback(Output("shown", "children"), Input("s", "data"), Input({"type": "out", "index": 1}, "children"))
def show(data, text):
    return f"{data} {text}"
''',
        steps=click("b", 2),
    ),
    Case(
        "clientside_api_set_props_after_the_call",
        section="M/K42",
        app='''
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P("-", id="late"), html.P(id="echo"), html.P(id="out")])

clientside_callback(
    """function(n) {
        setTimeout(() => window.dash_clientside.set_props("late", {children: "late " + n}), 0);
        return "returned " + n;
    }""",
    Output("out", "children"), Input("b", "n_clicks"), prevent_initial_call=True)

@callback(Output("echo", "children"), Input("late", "children"))
def echo(s):
    return f"echo {s}"
''',
        steps=click("b", 2),
    ),
    Case(
        "clientside_api_clean_url",
        section="M",
        app='''
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.P(id="out")])

clientside_callback(
    """function(n) {
        const clean = window.dash_clientside.clean_url;
        return [typeof clean, clean("javascript:alert(1)"), clean(" java\\tscript:x"), clean("https://x.org/?a=javascript"),
                clean("vbscript:x", "#"), JSON.stringify(clean("")), clean("/page")].join(" ");
    }""",
    Output("out", "children"), Input("b", "n_clicks"))
''',
        steps=click("b"),
    ),
    Case(
        "clientside_api_no_update_in_every_place",
        section="M46/F",
        app='''
app = Dash()
app.layout = html.Div([html.Button("b", id="b")] + [html.P(f"p{i}", id={"type": "p", "index": i}) for i in range(3)]
                      + [html.P("x", id="x"), html.P("y", id="y"), html.P("z", id="z")])

clientside_callback(
    """function(n) {
        const nu = window.dash_clientside.no_update;
        return [["a" + n, nu, "c" + n], nu, "z" + n];
    }""",
    Output({"type": "p", "index": ALL}, "children"), Output("x", "children"), Output("z", "children"),
    Input("b", "n_clicks"), prevent_initial_call=True)

clientside_callback(
    """function(n) { return n === 1 ? window.dash_clientside.no_update : ["y" + n]; }""",
    Output("y", "children"), Output("x", "title"), Input("b", "n_clicks"), prevent_initial_call=True)
''',
        steps=click("b", 2),
    ),
]


# -- issue 11: small differences (prevent_initial_call is True or nothing; allow_duplicate under the app's
# prevent_initial_callbacks; progress= and cancel= without background=True) -------------------------------------
CASES += [
    Case(
        "issue11_only_prevent_initial_call_true_skips",
        section="B7/C13",
        app="""
app = Dash(prevent_initial_callbacks=1)
app.layout = html.Div([html.Button("b", id="b"), html.P("-", id="one"), html.P("-", id="yes"), html.P("-", id="app"),
                       html.P("-", id="true")])

@app.callback(Output("one", "children"), Input("b", "n_clicks"), prevent_initial_call=1)
def one(n):
    return f"one {n}"

@app.callback(Output("yes", "children"), Input("b", "n_clicks"), prevent_initial_call="yes")
def yes(n):
    return f"yes {n}"

@app.callback(Output("app", "children"), Input("b", "n_clicks"))
def by_app(n):
    return f"app {n}"

@app.callback(Output("true", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def true(n):
    return f"true {n}"
""",
        steps=click("b"),
    ),
    Case(
        "issue11_allow_duplicate_under_the_apps_prevent_initial_callbacks",
        section="B7",
        app="""
app = Dash(prevent_initial_callbacks=True)
app.layout = html.Div([html.Button("b", id="b"), html.P("-", id="x"), html.P("-", id="y")])

@app.callback(Output("x", "children"), Input("b", "n_clicks"))
def clicked(n):
    return f"clicked {n}"

@app.callback(Output("x", "children", allow_duplicate=True), Output("y", "children"), Input("b", "id"),
              prevent_initial_call=False)
def loaded(i):
    return f"loaded {i}", "ran at load"
""",
        steps=click("b"),
    ),
    Case(
        "issue11_progress_and_cancel_without_background",
        section="L45",
        app="""
app = Dash()
app.layout = html.Div([html.Button("b", id="b"), html.Button("stop", id="stop"), html.P("-", id="x"),
                       html.P("-", id="p")])

@callback(Output("x", "children"), Input("b", "n_clicks"), progress=Output("p", "children"), progress_default="idle",
          cancel=[Input("stop", "n_clicks")], prevent_initial_call=True)
def f(*args):
    return f"args {args}"
""",
        steps=click("b") + click("stop") + click("b"),
    ),
]
