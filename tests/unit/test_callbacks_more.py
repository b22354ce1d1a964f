"""The rest of the callback surface: pattern matching, set_props, Patch, running=, ctx, flexible
signatures, no-output callbacks and components added by callbacks (runtime/livedash/SEMANTICS.md rules)."""

import pytest

from livedash.grouping import SchemaKeysValidationError

from .helpers import client

PATTERNS = """
from dash import MATCH, ALL, ALLSMALLER, Patch, set_props
"""


def test_match_runs_once_per_item_and_all_aggregates_in_layout_order():
    c = client(
        extra=PATTERNS,
        body="""
        app = Dash()
        app.layout = html.Div([
            html.Div([dcc.Input(id={"type": "qty", "index": i}, value=i) for i in (3, 1, 2)]),
            html.Div([html.Span(id={"type": "double", "index": i}) for i in (3, 1, 2)]),
            html.P(id="total"),
        ])

        @callback(Output({"type": "double", "index": MATCH}, "children"),
                  Input({"type": "qty", "index": MATCH}, "value"))
        def double(v):
            return f"{ctx.triggered_id['index'] if ctx.triggered_id else '-'}:{2 * int(v or 0)}"

        @callback(Output("total", "children"), Input({"type": "qty", "index": ALL}, "value"))
        def total(values):
            return f"{values} = {sum(int(v or 0) for v in values)}"
    """,
    )
    assert [c.text({"type": "double", "index": i}) for i in (3, 1, 2)] == ["-:6", "-:2", "-:4"]
    assert c.text("total") == "[3, 1, 2] = 6"
    c.runs.clear()
    c.set({"type": "qty", "index": 1}, value=10)
    assert c.text({"type": "double", "index": 1}) == "1:20"
    assert c.text({"type": "double", "index": 3}) == "-:6"  # other items do not run
    assert c.text("total") == "[3, 10, 2] = 15"
    assert sorted(r["function"] for r in c.runs) == ["double", "total"]


def test_all_reads_the_new_components_after_a_callback_replaces_them_with_equal_ids():
    # Ids equal in value but new as objects: what the store remembers of the old ones must not leak.
    c = client(
        extra=PATTERNS,
        body="""
        app = Dash()
        app.layout = html.Div([
            html.Button(id="swap"),
            html.Div([dcc.Input(id={"type": "n", "i": i}, value=i) for i in range(3)], id="box"),
            html.P(id="total"),
        ])

        @callback(Output("box", "children"), Input("swap", "n_clicks"), prevent_initial_call=True)
        def swap(n):
            return [dcc.Input(id={"type": "n", "i": i}, value=10 * n + i) for i in range(3)]

        @callback(Output("total", "children"), Input({"type": "n", "i": ALL}, "value"))
        def total(values):
            return f"{[p['id']['i'] for p in ctx.inputs_list[0]]} {values} {list(ctx.inputs)[0]}"
    """,
    )
    assert c.text("total") == '[0, 1, 2] [0, 1, 2] {"i":0,"type":"n"}.value'
    c.click("swap")
    assert c.text("total") == '[0, 1, 2] [10, 11, 12] {"i":0,"type":"n"}.value'
    c.set({"type": "n", "i": 2}, value=7)
    assert c.text("total") == '[0, 1, 2] [10, 11, 7] {"i":0,"type":"n"}.value'


def test_dict_ids_are_keyed_as_dash_keys_them():
    import json

    from livedash.dependencies import ALL, stringify_id

    for cid in (
        {"b": 1, "a": "x"},
        {"é": 'ü"\n', "z": True, "f": 1.5, "n": None, "i": -3, "t": "<b>"},
        {"type": "item", "index": ALL},
    ):
        dash_form = {k: ["ALL"] if v is ALL else v for k, v in cid.items()}
        assert stringify_id(cid) == json.dumps(dash_form, sort_keys=True, separators=(",", ":"))


def test_allsmaller_gives_running_sums():
    c = client(
        extra=PATTERNS,
        body="""
        app = Dash()
        app.layout = html.Div([dcc.Input(id={"type": "num", "i": n}, value=n) for n in range(4)] +
                              [html.Span(id={"type": "sum", "i": n}) for n in range(4)])

        @callback(Output({"type": "sum", "i": MATCH}, "children"), Input({"type": "num", "i": MATCH}, "value"),
                  Input({"type": "num", "i": ALLSMALLER}, "value"))
        def running(mine, before):
            return sum(before) + mine
    """,
    )

    def sums():
        return [c.text({"type": "sum", "i": n}) for n in range(4)]

    assert sums() == ["0", "1", "3", "6"]
    c.runs.clear()
    c.set({"type": "num", "i": 1}, value=100)
    assert sums() == ["0", "100", "102", "105"]
    assert sorted(r["match"]["i"] for r in c.runs) == [1, 2, 3]  # item 0 is not after item 1


def test_a_todo_list_adds_items_whose_match_callbacks_start():
    c = client(
        extra=PATTERNS,
        body="""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="new", value=""), html.Button("Add", id="add"),
                               html.Div(id="list", children=[]), html.P(id="left")])

        @callback(Output("list", "children"), Input("add", "n_clicks"), State("new", "value"),
                  prevent_initial_call=True)
        def add(n, text):
            items = Patch()
            items.append(html.Div([dcc.Input(id={"type": "done", "i": n}, value="no"),
                                   html.Span(text, id={"type": "label", "i": n}),
                                   html.Span(id={"type": "state", "i": n})]))
            return items

        @callback(Output({"type": "state", "i": MATCH}, "children"), Input({"type": "done", "i": MATCH}, "value"),
                  State({"type": "label", "i": MATCH}, "children"))
        def show(done, label):
            return f"{label}: {done}"

        @callback(Output("left", "children"), Input({"type": "done", "i": ALL}, "value"))
        def left(values):
            return f"{values.count('no')} left"
    """,
    )
    assert c.text("left") == "0 left"
    c.type("new", "milk")
    c.click("add")
    c.set("new", value="eggs")
    c.click("add")

    def state(i):
        return c.text({"type": "state", "i": i})

    assert (state(1), state(2)) == ("milk: no", "eggs: no")
    assert c.text("left") == "2 left"
    c.set({"type": "done", "i": 1}, value="yes")
    assert (state(1), state(2)) == ("milk: yes", "eggs: no") and c.text("left") == "1 left"


def test_set_props_applies_before_outputs_triggers_dependents_and_is_dropped_on_prevent_update():
    c = client(
        extra=PATTERNS,
        body="""
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
    )
    c.click("b")
    assert (c.text("side"), c.text("echo"), c.text("out")) == ("side 1", "echo side 1", "out 1")
    c.click("b")
    assert (c.text("side"), c.text("out")) == ("side 1", "out 1")


def test_no_output_callback_with_set_props():
    c = client(
        extra=PATTERNS,
        body="""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.P("x", id="p")])

        @callback(Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            set_props("p", {"children": f"set {n}"})
    """,
    )
    c.click("b")
    assert c.text("p") == "set 1"


def test_no_output_callback_must_return_none():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([html.Button(id="b")])

        @callback(Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            return 1
    """,
        raise_errors=False,
    )
    c.click("b")
    assert "No-output callback received return value: 1" in c.runs[-1]["error"]["message"]


def test_patch_operations_on_the_current_value():
    c = client(
        extra=PATTERNS,
        body="""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), dcc.Store(id="s", data={"items": [1, 2], "n": 1}), html.P(id="p")])

        @callback(Output("s", "data"), Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            p = Patch()
            p["items"].append(n * 10)
            p["n"] += 1
            p.update({"last": n})
            return p

        @callback(Output("p", "children"), Input("s", "data"))
        def show(d):
            return str(d)
    """,
    )
    c.click("b")
    c.click("b")
    assert c.prop("s", "data") == {"items": [1, 2, 10, 20], "n": 3, "last": 2}
    assert c.text("p") == str({"items": [1, 2, 10, 20], "n": 3, "last": 2})


def test_patch_is_write_only():
    from livedash.patch import Patch

    p = Patch()
    with pytest.raises(TypeError, match="write-only"):
        list(p)
    with pytest.raises(TypeError):
        p[1:2] = 3


def test_running_sets_values_during_the_call_and_after():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button("Go", id="b"), html.P(id="out")])
        seen = []

        @callback(Output("out", "children"), Input("b", "n_clicks"), prevent_initial_call=True,
                  running=[(Output("b", "disabled"), True, False)])
        def slow(n):
            return "done"
    """)
    step = c.session.change("b", {"n_clicks": 1})
    assert c.prop("b", "disabled") is False and c.text("out") == "done"
    writes = [u["props"] for u in step.updates if u["id"] == "b"]
    assert writes == [{"disabled": True}, {"disabled": False}]


def test_ctx_lists_and_triggered_prop_ids():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="a"), dcc.Input(id="t", value="v"), html.P(id="out")])

        @callback(Output("out", "children"), Input("a", "n_clicks"), State("t", "value"))
        def f(n, t):
            return repr((ctx.inputs_list, ctx.states_list, ctx.outputs_list, dict(ctx.triggered_prop_ids),
                         ctx.inputs, ctx.states))
    """)
    assert eval(c.text("out")) == (
        [{"id": "a", "property": "n_clicks"}],
        [{"id": "t", "property": "value", "value": "v"}],
        {"id": "out", "property": "children"},
        {},
        {"a.n_clicks": None},
        {"t.value": "v"},
    )
    c.click("a")
    inputs_list, _, _, triggered, inputs, _ = eval(c.text("out"))
    assert inputs_list[0]["value"] == 1 and triggered == {"a.n_clicks": "a"} and inputs == {"a.n_clicks": 1}


def test_dict_signatures_call_with_keywords_and_return_dicts():
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="x", value=2), dcc.Input(id="y", value=3), html.P(id="sum"),
                               html.P(id="prod")])

        @callback(output=dict(s=Output("sum", "children"), p=Output("prod", "children")),
                  inputs=dict(a=Input("x", "value"), b=Input("y", "value")))
        def f(b, a):
            return dict(s=a + b, p=a * b)
    """)
    assert (c.text("sum"), c.text("prod")) == ("5", "6")


def test_dict_return_with_wrong_keys_is_a_schema_error():
    c = client(
        """
        app = Dash()
        app.layout = html.Div([dcc.Input(id="x", value=2), html.P(id="sum")])

        @callback(output=dict(s=Output("sum", "children")), inputs=dict(a=Input("x", "value")))
        def f(a):
            return dict(wrong=a)
    """,
        raise_errors=False,
    )
    assert c.runs[0]["error"]["kind"] == SchemaKeysValidationError.__name__


def test_tuple_grouped_inputs_in_keyword_form():
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Input(id="x", value=1), dcc.Input(id="y", value=2), html.P(id="out")])

        @callback(Output("out", "children"), inputs=[(Input("x", "value"), Input("y", "value"))])
        def f(pair):
            return repr(pair)
    """)
    assert c.text("out") == "[1, 2]"


def test_inputs_dict_with_state_list_is_refused():
    with pytest.raises(
        ValueError, match="The input argument to app.callback was a dict, but the state argument was not."
    ):
        client("""
            app = Dash()
            @callback(Output("o", "children"), inputs=dict(a=Input("x", "value")), state=[State("y", "value")])
            def f(a, y):
                return a
        """)


def test_components_added_by_a_callback_get_their_initial_calls():
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.Div(id="slot")])

        @callback(Output("slot", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def fill(n):
            return html.Div([dcc.Input(id="inner", value="hi"), html.P(id="shown")])

        @callback(Output("shown", "children"), Input("inner", "value"))
        def show(v):
            return v.upper()
    """)
    assert c.runs == []
    c.click("b")
    assert c.text("shown") == "HI"
    c.set("inner", value="yo")
    assert c.text("shown") == "YO"


CLIENTSIDE = """
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P(id="js"), html.P(id="after")])

clientside_callback("function(n) { return 'js ' + n; }", Output("js", "children"), Input("b", "n_clicks"))

@callback(Output("after", "children"), Input("js", "children"))
def after(js):
    return f"python saw {js}"
"""


def test_clientside_callbacks_pause_the_run_for_the_page_and_the_chain_goes_on():
    asked = []

    def page(ask):  # stands in for the browser: checks what it is asked, answers like the JS would
        asked.append(ask)
        return {"value": f"js {ask['args'][0]}"}

    c = client(CLIENTSIDE, extra="from dash import clientside_callback", clientside=page)
    assert asked[0]["function"] == {"source": "function(n) { return 'js ' + n; }"}
    assert asked[0]["context"]["triggered"] == [] and asked[0]["args"] == [None]
    assert c.text("after") == "python saw js None"
    c.click("b")
    assert asked[-1]["context"]["triggered_id"] == "b" and c.text("after") == "python saw js 1"


def test_clientside_prevent_update_and_errors():
    answers = iter(
        [{"value": "first"}, {"prevented": True}, {"error": {"kind": "TypeError", "message": "x is undefined"}}]
    )
    c = client(
        CLIENTSIDE,
        extra="from dash import clientside_callback",
        clientside=lambda ask: next(answers),
        raise_errors=False,
    )
    c.click("b")
    assert c.text("js") == "first" and c.runs[-1]["status"] == "prevented"
    c.click("b")
    assert c.runs[-1]["status"] == "error" and c.runs[-1]["error"]["kind"] == "TypeError"


def test_the_test_client_says_when_a_clientside_callback_needs_a_browser():
    from livedash.exceptions import LivedashUnsupported

    with pytest.raises(LivedashUnsupported, match="runs only in a browser"):
        client(CLIENTSIDE, extra="from dash import clientside_callback")


BACKGROUND = """
import time
import diskcache
from dash import DiskcacheManager

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([html.Button("Run", id="run"), html.Button("Cancel", id="cancel"),
                       html.P("idle", id="progress"), html.P("no result", id="result")])

@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          running=[(Output("run", "disabled"), True, False)], progress=Output("progress", "children"),
          progress_default="idle", cancel=Input("cancel", "n_clicks"))
def slow(set_progress, n):
    for step in range(3):
        set_progress(f"{step + 1}/3")
    return f"done {n}"
"""


def test_background_callback_runs_as_a_job_with_progress_and_running():
    c = client(BACKGROUND, hold_jobs=True)
    c.click("run")
    assert c.prop("run", "disabled") is True and c.text("result") == "no result"
    assert [job["callback"] for job in c.jobs] == ["result.children"]
    c.run_jobs()
    assert (c.text("result"), c.text("progress"), c.prop("run", "disabled")) == ("done 1", "idle", False)


def test_progress_is_written_while_the_job_runs():
    c = client(BACKGROUND, hold_jobs=True)
    c.click("run")
    seen = []
    c.run_jobs(each_progress=lambda: seen.append(c.text("progress")))
    assert seen == ["1/3", "2/3", "3/3"]


def test_cancel_stops_the_job_and_restores_running_and_progress():
    c = client(BACKGROUND, hold_jobs=True)
    c.click("run")
    number = c.jobs[0]["job"]
    c.click("cancel")
    assert c.jobs == [] and c.prop("run", "disabled") is False and c.text("progress") == "idle"
    step = c.session.job_done(number, {"value": "too late"})  # a late answer is dropped
    assert step.updates == [] and c.text("result") == "no result"


@pytest.mark.parametrize("default", ["", '""', "None", "0"])
def test_without_a_truthy_progress_default_the_last_progress_stays(default):
    """dash-renderer resets the progress outputs only when the job carries a progressDefault, which Dash
    sends only for a truthy progress_default."""
    source = BACKGROUND.replace('progress_default="idle", ', "" if not default else f"progress_default={default}, ")
    c = client(source, hold_jobs=True)
    c.click("run")
    c.run_jobs()
    assert (c.text("result"), c.text("progress")) == ("done 1", "3/3")
    c.click("run")
    c.click("cancel")
    assert c.text("progress") == "3/3" and c.prop("run", "disabled") is False


def test_a_progress_default_of_the_wrong_length_is_refused():
    with pytest.raises(Exception, match="Progress and progress default needs to be of same length"):
        client(BACKGROUND.replace('progress_default="idle"', 'progress_default=["a", "b"]'))


def test_background_callbacks_run_inline_in_the_test_client_by_default():
    c = client(BACKGROUND)
    c.click("run")
    assert c.text("result") == "done 1"


def test_the_test_client_runs_a_job_without_its_sleeps():
    """Jobs run inline in the client, so sleeping in them would only make checks and builds wait."""
    c = client(
        BACKGROUND.replace(
            'return f"done {n}"',
            'start = time.monotonic()\n    time.sleep(30)\n    return f"slept {time.monotonic() - start:.0f} s"',
        )
    )
    c.click("run")
    assert c.text("result") == "slept 0 s"
    import time

    assert time.sleep.__name__ == "sleep" and not hasattr(time.sleep, "__code__")  # the real one is back


def test_a_background_job_sees_the_context_of_its_call():
    """Dash hands a job the request's context, so ``ctx`` in a background callback says what triggered it;
    the job runs elsewhere (its own worker), from the facts sent with it."""
    c = client(
        BACKGROUND.replace(
            'return f"done {n}"', "return f'{ctx.triggered_id} {ctx.inputs} {ctx.outputs_list[\"property\"]}'"
        ),
        extra="from dash import ctx",
        hold_jobs=True,
    )
    c.click("run")
    assert c.jobs[0]["context"]["triggered"] == ["run.n_clicks"]
    c.run_jobs()
    assert c.text("result") == "run {'run.n_clicks': 1} children"


def test_a_clientside_run_is_reported_once_with_its_outcome():
    """The run of a clientside callback reaches the page's trace after the page answered, with its result."""
    from livedash.session import Session

    session = Session("""from dash import Dash, html, clientside_callback, Input, Output
app = Dash()
app.layout = html.Div([html.Button(id="b"), html.P(id="out")])
clientside_callback("function(n) { return n; }", Output("out", "children"), Input("b", "n_clicks"))
""")
    step = session.start()
    assert step.ask is not None and step.runs == []
    done = session.resume({"error": {"kind": "TypeError", "message": "boom"}})
    [run] = done.runs
    assert run["status"] == "error" and run["error"]["message"] == "boom"
