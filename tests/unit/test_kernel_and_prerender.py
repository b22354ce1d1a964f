import json
import pathlib

import pytest

from livedash import prerender
from livedash.components import dcc, html
from livedash.kernel import Kernel
from livedash.mkdocs.examples import once_per_page, styles_html
from livedash.prerender import render, render_app
from livedash.store import to_json
from tests.sites import COUNTER


def ask(kernel, **message):
    return json.loads(kernel.handle(json.dumps(message)))


def test_load_update_unload_round_trip():
    kernel = Kernel()
    loaded = ask(kernel, type="load", app="p/0", code=COUNTER, filename="counter.py")
    assert loaded["type"] == "loaded" and loaded["error"] is None
    assert loaded["layout"]["props"]["children"][1]["props"]["children"] == "Count: 0"
    clicks = [{"id": "btn", "props": {"n_clicks": n, "n_clicks_timestamp": n}} for n in (1, 2, 3)]
    updated = ask(kernel, type="update", app="p/0", seq=7, changes=clicks)
    assert updated["seq"] == 7
    assert updated["updates"][-1] == {"id": "count", "props": {"children": "Count: 3"}}
    assert [r["triggered"] for r in updated["trace"]][0] == ["btn.n_clicks"]
    assert ask(kernel, type="unload", app="p/0") == {"type": "unloaded", "app": "p/0"}
    failed = ask(kernel, type="update", app="p/0", changes=[])
    assert failed["type"] == "failed" and failed["request"] == "update"


def test_loaded_says_whether_the_app_has_background_callbacks():
    """The page boots a worker for background jobs ahead of the first one, only for apps that have them."""
    kernel = Kernel()
    assert ask(kernel, type="load", app="a", code=COUNTER, filename="counter.py")["background"] is False
    job_app = (pathlib.Path(__file__).parents[2] / "docs/examples/background_job.py").read_text(encoding="utf-8")
    assert ask(kernel, type="load", app="b", code=job_app, filename="background_job.py")["background"] is True


def test_load_errors_carry_kind_and_line_and_bad_json_is_answered():
    kernel = Kernel()
    loaded = ask(kernel, type="load", app="k", code="from dash import Dash\n\nx = (", filename="app.py")
    assert loaded["layout"] is None
    assert loaded["error"]["kind"] == "SyntaxError" and loaded["error"]["line"] == 3
    assert json.loads(kernel.handle("{not json"))["type"] == "failed"


def test_prerender_is_reacts_markup_of_dashs_components():
    """The first view is React's server render (mkdocs/ssr.mjs) with Dash's own bundles: text escaped, props as
    React writes them, dict ids as Dash writes them, a Store drawn as nothing, dcc.Input as Dash 4 draws it."""
    tree = html.Div(
        [
            html.Label("<i>", htmlFor="x", className="c", hidden=True, title=None),
            html.Span(3.0, id={"type": "t", "index": 2}, style={"marginTop": 5, "zIndex": 2, "color": "red"}),
            html.Br(),
            dcc.Store(id="s", data=1),
            dcc.Input(id="i", value="v", type="text", debounce=True),
        ]
    )
    assert render(to_json(tree)) == (
        '<div><label for="x" class="c" hidden="">&lt;i&gt;</label>'
        '<span id="{&quot;index&quot;:2,&quot;type&quot;:&quot;t&quot;}" '
        'style="margin-top:5px;z-index:2;color:red">3</span>'
        '<br/><div class="dash-input-container dash-input"><input id="i" class="dash-input-element" type="text" '
        'inputMode="verbatim" autoComplete="off" step="any" value="v"/></div></div>'
    )


def test_prerender_waits_for_lazy_components_and_names_their_css():
    rendered = render_app(
        "k", to_json(html.Div([dcc.Slider(0, 4, 1, value=2, id="s"), dcc.Dropdown(["a"], "a", id="d")]))
    )
    assert rendered.error is None and rendered.skipped is None
    assert '<div id="s" class="dash-slider-container">' in rendered.html and '<button id="d"' in rendered.html
    css = "\n".join(rendered.css)
    assert ".dash-slider-root" in css and ".dash-dropdown" in css
    # an app of html components alone needs none of dcc's CSS
    assert render_app("k", to_json(html.P("plain"))).css == []


def test_an_apps_error_is_answered_and_the_process_goes_on():
    broken = {"type": "Div", "namespace": "dash_html_components", "props": {"style": "color: red"}}
    rendered = render_app("k", broken)
    assert rendered.html == "" and "`style` prop expects a mapping" in rendered.error
    unknown = render_app("k", {"type": "Gauge", "namespace": "not_a_library", "props": {}})
    assert unknown.html == "" and unknown.error is None and "not_a_library" in unknown.skipped
    assert render(to_json(html.B("still here"))) == "<b>still here</b>"


def test_without_node_the_build_says_what_to_install(monkeypatch):
    monkeypatch.setattr(prerender.shutil, "which", lambda name: None)
    with pytest.raises(
        prerender.ServerRenderError,
        match="livedash needs Node.js to draw the first view of each example at build time; install Node.js 18",
    ):
        prerender.node_command()


def test_a_page_keeps_each_server_render_style_once():
    first, second = styles_html([".a { color: red }", ".b > i { x: 1 }"]), styles_html([".a { color: red }"])
    assert first.count("<style data-livedash-ssr=") == 2 and ".b > i" in first
    page = once_per_page(f"{first}<p>one</p>{second}<p>two</p>")
    assert page == f"{first}<p>one</p><p>two</p>"
    assert "</style>" not in styles_html(["x { content: '</style>' }"]).replace("</style>", "", 1)


CLIENTSIDE_AND_PYTHON = """
from dash import Dash, html, dcc, callback, clientside_callback, Input, Output
app = Dash()
app.layout = html.Div([dcc.Input(id="i", value=""), html.P(id="py"), html.P(id="js")])

@callback(Output("py", "children"), Input("i", "value"))
def py(v):
    return v.upper()

clientside_callback("function(v) { return v; }", Output("js", "children"), Input("py", "children"))
"""


def test_changes_that_come_while_a_run_waits_for_the_page_are_queued_and_run_in_order():
    """An update sent before the page heard that a run waits for a clientside answer is not refused: it is
    answered at once as queued and runs after the waiting run, in order (issue 11)."""
    kernel = Kernel()
    loaded = ask(kernel, type="load", app="q", code=CLIENTSIDE_AND_PYTHON, filename="app.py")
    assert loaded["clientside"]["args"] == [""]
    first = ask(kernel, type="update", app="q", seq=1, changes=[{"id": "i", "props": {"value": "a"}}])
    assert first["type"] == "updated" and first["queued"] is True and first["updates"] == []
    second = ask(kernel, type="update", app="q", seq=2, changes=[{"id": "i", "props": {"value": "ab"}}])
    assert second["queued"] is True
    # The initial run goes on; then the queued changes run, each up to its own clientside call.
    resumed = ask(kernel, type="clientside-result", app="q", answer={"value": ""})
    assert resumed["seq"] == 1 and resumed["clientside"]["args"] == ["A"]
    assert [p["props"] for p in resumed["updates"]] == [{"children": ""}, {"children": "A"}]
    resumed = ask(kernel, type="clientside-result", app="q", answer={"value": "A"})
    assert resumed["seq"] == 2 and resumed["clientside"]["args"] == ["AB"]
    done = ask(kernel, type="clientside-result", app="q", answer={"value": "AB"})
    assert done["seq"] == 2 and "clientside" not in done and "queued" not in done
    assert done["updates"] == [{"id": "js", "props": {"children": "AB"}}]
    assert ask(kernel, type="clientside-result", app="q", answer={"value": "x"})["type"] == "failed"


def test_a_prop_the_reader_changes_later_in_the_same_answer_is_not_set_back():
    """The page already shows the reader's value: an earlier callback's write to that prop in the same
    answer would put an older value on screen while the app holds the reader's."""
    kernel = Kernel()
    ask(
        kernel,
        type="load",
        app="w",
        filename="app.py",
        code="""
from dash import Dash, html, dcc, callback, Input, Output
app = Dash()
app.layout = html.Div([dcc.Input(id="i", value="x"), html.P(id="o")])

@callback(Output("i", "value"), Output("o", "children"), Input("i", "value"), prevent_initial_call=True)
def f(v):
    return v.strip(), v
""",
    )
    updated = ask(
        kernel,
        type="update",
        app="w",
        seq=3,
        changes=[{"id": "i", "props": {"value": "a "}}, {"id": "i", "props": {"value": "a b"}}],
    )
    assert updated["updates"] == [
        {"id": "o", "props": {"children": "a "}},
        {"id": "i", "props": {"value": "a b"}},
        {"id": "o", "props": {"children": "a b"}},
    ]
