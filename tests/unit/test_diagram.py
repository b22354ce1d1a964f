"""Callback diagrams: the Mermaid text of five reviewed graphs, and its rules: what Dash sets around a run
(running=, progress=, cancel=), clientside names, and the height the page reserves for a drawing."""

from pathlib import Path
from textwrap import dedent

import pytest

from livedash.diagram import LINE, MARGIN, PAD, SCALE, Diagram, _layers, heights, session_diagram
from livedash.session import Session

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).with_name("snapshots")

HEADER = "from dash import Dash, html, dcc, callback, clientside_callback, Input, Output, State, MATCH, ALL\n"

APPS = {
    "counter": (ROOT / "docs/examples/counter.py").read_text(),
    "plus_minus": (ROOT / "docs/examples/plus_minus.py").read_text(),
    "sign_colour": (ROOT / "docs/examples/sign_colour.py").read_text(),
    "two_callbacks_same_inputs": HEADER
    + dedent("""
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
    "store_chain_with_state": HEADER
    + dedent("""
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
    text = session_diagram(
        Session(
            HEADER
            + dedent("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id={"type": "item", "index": i}) for i in range(3)] + [html.P(id="total")])

        @callback(Output("total", "children"), Input({"type": "item", "index": ALL}, "value"))
        def total(values):
            return len(values)

        clientside_callback("function(v) { return v; }", Output("total", "title"), Input("total", "children"))
    """),
            "p.py",
        )
    ).text
    assert text.count("{index: ALL, type: 'item'}") == 1
    # A function given as text has no name: its node says its kind, once.
    assert '(["clientside"]):::clientside' in text and "clientside function" not in text


def test_cycle_edges_are_drawn_red_and_no_other():
    diagram = session_diagram(
        Session(
            HEADER
            + dedent("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="a", value="1"), dcc.Input(id="b"), html.P(id="note")])

        @callback(Output("b", "value"), Input("a", "value"))
        def a_to_b(a):
            return a

        @callback(Output("a", "value"), Output("note", "children"), Input("b", "value"))
        def b_to_a(b):
            return b, "synced"
    """),
            "cycle.py",
        )
    )
    lines = diagram.text.splitlines()
    edges = [line for line in lines if "--" in line or "-." in line]
    red = [edges[int(i)] for i in lines[-1].split()[1].split(",")]
    assert lines[-1].startswith("    linkStyle ") and "stroke:#d1242f" in lines[-1]
    assert sorted(red) == sorted(
        [
            '    c0 -- "value (Input)" --> f0',
            '    f0 -- "value (Output)" --> c1',
            '    c1 -- "value (Input)" --> f1',
            '    f1 -- "value (Output)" --> c0',
        ]
    )
    assert "linkStyle" not in session_diagram(Session(APPS["store_chain_with_state"], "a.py")).text


def test_callbacks_map_to_their_node_and_outputs():
    diagram = session_diagram(Session(APPS["store_chain_with_state"], "a.py"))
    by_name = {entry["node"]: entry["outputs"] for entry in diagram.callbacks.values()}
    assert by_name == {
        "f0": [["c2", "total", "data", False]],
        "f1": [["c3", "shown", "children", False]],
        "f2": [["c4", "doubled", "children", False]],
    }


def test_background_callbacks_draw_running_progress_and_cancel():
    diagram = session_diagram(Session((ROOT / "docs/examples/background_job.py").read_text(), "background_job.py"))
    text = diagram.text
    nodes = {
        line.split('["')[1].split('"]')[0].replace("<br/>", " "): line.split("[")[0].strip()
        for line in text.splitlines()
        if line.startswith("    c") and ":::" in line
    }
    job = next(line.split("(")[0].strip() for line in text.splitlines() if ":::background" in line)
    start, cancel, progress = nodes["Button start"], nodes["Button cancel"], nodes["P progress"]
    assert f'    {cancel} -- "n_clicks (cancel)" --> {job}' in text  # an input of the job: into it
    assert f'    {job} -- "children (progress)" --> {progress}' in text  # written by set_progress: out
    for button in (start, cancel):  # set by Dash around the run: dashed
        assert f'    {job} -. "disabled (running)" .-> {button}' in text
    assert text.count("(progress)") == 1 and text.count("(cancel)") == 1 and text.count("(running)") == 2
    entry = diagram.callbacks["result.children"]
    assert entry["progress"] == [[progress, "progress", "children", False]]
    assert entry["outputs"] == [[nodes["P result"], "result", "children", False]]


def test_running_is_drawn_on_a_plain_callback_and_progress_only_with_background():
    text = session_diagram(
        Session(
            HEADER
            + dedent("""
        app = Dash()
        app.layout = html.Div([html.Button("Go", id="go"), html.P(id="out"), html.P(id="bar")])

        @callback(Output("out", "children"), Input("go", "n_clicks"),
                  running=[(Output("go", "disabled"), True, False)], progress=Output("bar", "children"))
        def slow(n):
            return n
    """),
            "r.py",
        )
    ).text
    assert '    f0 -. "disabled (running)" .-> c0' in text
    assert "(progress)" not in text and "bar" not in text  # without background=True Dash ignores progress=


def test_a_clientside_function_is_named_by_namespace_and_function():
    text = session_diagram(Session((ROOT / "docs/examples/clientside_function.py").read_text(), "f.py")).text
    assert '(["course.bar<br/>clientside"]):::clientside' in text
    assert text.count("clientside") == 2  # the name's line and the kind's line (and the class)


def _chain(length):
    """Mermaid text of a chain: c0 -> f0 -> c1 -> f1 -> ... -> c<length>."""
    lines = ["flowchart LR"] + [f'    c{i}["P<br/>x{i}"]:::component' for i in range(length + 1)]
    lines += [f'    f{i}(["f{i}"]):::callback' for i in range(length)]
    for i in range(length):
        lines += [f'    c{i} -- "v (Input)" --> f{i}', f'    f{i} -- "v (Output)" --> c{i + 1}']
    return "\n".join(lines) + "\n"


def _fan(width):
    """One button whose callback writes ``width`` outputs."""
    lines = [
        "flowchart LR",
        '    c0["Button<br/>b"]:::component',
        '    f0(["f"]):::callback',
        '    c0 -- "n_clicks (Input)" --> f0',
    ]
    for i in range(1, width + 1):
        lines += [f'    c{i}["P<br/>p{i}"]:::component', f'    f0 -- "children (Output)" --> c{i}']
    return "\n".join(lines) + "\n"


def test_heights_follow_the_ranks():
    # A chain grows top down, not left to right; a fan grows left to right, not top down.
    assert heights(_chain(1))[0] == heights(_chain(4))[0] and heights(_chain(1))[1] < heights(_chain(4))[1]
    assert heights(_fan(1))[1] == heights(_fan(5))[1] and heights(_fan(1))[0] < heights(_fan(5))[0]
    # Left to right, one two-line node per rank: the drawing is that node and the margins, scaled.
    assert heights(_chain(3))[0] == round((2 * LINE + 2 * PAD + 2 * MARGIN) * SCALE)
    # Each further output of a fan adds one node and the gap between two nodes, the same step each time.
    steps = {heights(_fan(n + 1))[0] - heights(_fan(n))[0] for n in range(2, 6)}
    assert max(steps) - min(steps) <= 1 and min(steps) > (2 * LINE + 2 * PAD) * SCALE
    assert heights("") == (0, 0)
    # mermaid wraps a long id (a pattern's dict) onto a further line: the node is one line taller.
    short, long = (_chain(1).replace('x0"]', f'{name}"]') for name in ("x0", "{index: ALLSMALLER, type: 'amount'}"))
    assert abs(heights(long)[0] - heights(short)[0] - LINE * SCALE) <= 1


def test_heights_come_from_the_text_alone_so_a_cached_diagram_has_them():
    diagram = session_diagram(Session(APPS["store_chain_with_state"], "a.py"))
    cached = Diagram(**diagram.to_json())
    assert heights(cached.text) == heights(diagram.text) and all(h > 0 for h in heights(diagram.text))


def test_ranks_as_dagre_gives_them_sources_next_to_their_callback_and_cycles_end():
    names = ["c0", "c1", "f0", "c2", "f1", "c3"]
    edges = [("c0", "f0"), ("f0", "c2"), ("c2", "f1"), ("c1", "f1"), ("f1", "c3")]  # c1: a State of f1
    rank = _layers(names, edges)
    assert [rank[n] for n in ["c0", "f0", "c2", "f1", "c3"]] == [0, 1, 2, 3, 4]
    assert rank["c1"] == rank["f1"] - 1
    cyclic = _layers(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert sorted(cyclic.values()) == [0, 1, 2]
