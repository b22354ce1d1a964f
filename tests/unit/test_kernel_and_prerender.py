import json
import pathlib

from livedash.kernel import Kernel
from livedash.prerender import render, style_text
from livedash.store import to_json
from livedash.components import dcc, html

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
    assert updated["patches"][-1] == {"id": "count", "props": {"children": "Count: 3"}}
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


def test_prerender_escapes_text_and_maps_props_to_attributes():
    tree = html.Div([
        html.Label("<i>", htmlFor="x", className="c", hidden=True, title=None),
        html.Span(3.0, id={"type": "t", "index": 2}, style={"marginTop": 5, "zIndex": 2, "color": "red"}),
        html.Br(), dcc.Store(id="s", data=1), dcc.Input(id="i", value="v", type="text", debounce=True),
    ])
    assert render(to_json(tree)) == (
        '<div><label for="x" class="c" hidden="">&lt;i&gt;</label>'
        '<span id="{&quot;index&quot;:2,&quot;type&quot;:&quot;t&quot;}" style="margin-top: 5px; z-index: 2; color: red">3</span>'
        '<br><input class="dash-input" id="i" value="v" type="text"></div>')
    assert style_text({"--accent": 1, "width": 0}) == "--accent: 1; width: 0"
