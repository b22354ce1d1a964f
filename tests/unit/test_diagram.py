"""Callback diagrams: the Mermaid text of five reviewed graphs, and its rules."""

from pathlib import Path
from textwrap import dedent

import pytest

from livedash.diagram import session_diagram
from livedash.session import Session

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).with_name("snapshots")

HEADER = "from dash import Dash, html, dcc, callback, clientside_callback, Input, Output, State, MATCH, ALL\n"

APPS = {
    "counter": (ROOT / "docs/examples/counter.py").read_text(),
    "plus_minus": (ROOT / "docs/examples/plus_minus.py").read_text(),
    "sign_colour": (ROOT / "docs/examples/sign_colour.py").read_text(),
    "two_callbacks_same_inputs": HEADER + dedent("""
        app = Dash()
        app.layout = html.Div([html.Button("Go", id="b"), dcc.Input(id="n", value="1"), html.P(id="count"),
                               html.Div(id="bar")])

        @callback(Output("count", "children"), Input("b", "n_clicks"), Input("n", "value"))
        def count(clicks, n):
            return clicks

        @callback(Output("bar", "style"), Input("b", "n_clicks"), Input("n", "value"))
        def progress(clicks, n):
            return {}
    """),
    "store_chain_with_state": HEADER + dedent("""
        app = Dash()
        app.layout = html.Div([html.Button("Add", id="add"), dcc.Slider(1, 5, 1, value=2, id="times"),
                               dcc.Store(id="total"), html.P(id="shown"), html.P(id="doubled")])

        @callback(Output("total", "data"), Input("add", "n_clicks"), State("times", "value"))
        def add(n, times):
            return (n or 0) * times

        @callback(Output("shown", "children"), Input("total", "data"))
        def show(total):
            return total

        @callback(Output("doubled", "children"), Input("total", "data"))
        def double(total):
            return 2 * total
    """),
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_diagram_matches_its_reviewed_snapshot(name):
    text = session_diagram(Session(APPS[name], f"{name}.py")).text
    snapshot = SNAPSHOTS / f"{name}.mmd"
    assert snapshot.exists(), f"review this diagram and save it as {snapshot}:\n{text}"
    assert text == snapshot.read_text(encoding="utf-8")


def test_same_app_same_text_and_states_are_dashed():
    first = session_diagram(Session(APPS["store_chain_with_state"], "a.py")).text
    assert first == session_diagram(Session(APPS["store_chain_with_state"], "a.py")).text
    assert '-. "value (State)" .->' in first
    assert ":::store" in first


def test_pattern_ids_are_one_node_per_pattern_and_clientside_is_marked():
    text = session_diagram(Session(HEADER + dedent("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id={"type": "item", "index": i}) for i in range(3)] + [html.P(id="total")])

        @callback(Output("total", "children"), Input({"type": "item", "index": ALL}, "value"))
        def total(values):
            return len(values)

        clientside_callback("function(v) { return v; }", Output("total", "title"), Input("total", "children"))
    """), "p.py")).text
    assert text.count("{index: ALL, type: 'item'}") == 1
    assert '(["clientside function<br/>clientside"]):::clientside' in text


def test_cycle_edges_are_drawn_red_and_no_other():
    diagram = session_diagram(Session(HEADER + dedent("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="a", value="1"), dcc.Input(id="b"), html.P(id="note")])

        @callback(Output("b", "value"), Input("a", "value"))
        def a_to_b(a):
            return a

        @callback(Output("a", "value"), Output("note", "children"), Input("b", "value"))
        def b_to_a(b):
            return b, "synced"
    """), "cycle.py"))
    lines = diagram.text.splitlines()
    edges = [line for line in lines if "--" in line or "-." in line]
    red = [edges[int(i)] for i in lines[-1].split()[1].split(",")]
    assert lines[-1].startswith("    linkStyle ") and "stroke:#d1242f" in lines[-1]
    assert sorted(red) == sorted([
        '    c0 -- "value (Input)" --> f0', '    f0 -- "value (Output)" --> c1',
        '    c1 -- "value (Input)" --> f1', '    f1 -- "value (Output)" --> c0'])
    assert "linkStyle" not in session_diagram(Session(APPS["store_chain_with_state"], "a.py")).text


def test_callbacks_map_to_their_node_and_outputs():
    diagram = session_diagram(Session(APPS["store_chain_with_state"], "a.py"))
    by_name = {entry["node"]: entry["outputs"] for entry in diagram.callbacks.values()}
    assert by_name == {"f0": [["c2", "total", "data", False]], "f1": [["c3", "shown", "children", False]],
                       "f2": [["c4", "doubled", "children", False]]}
