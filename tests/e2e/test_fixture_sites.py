"""Browser checks on small sites: a broken example in a non-strict build, and the default mkdocs theme."""

from playwright.sync_api import expect

from tests.e2e.conftest import one_example, wait_ready
from tests.server import SiteServer
from tests.sites import COUNTER, build, make_site

BROKEN = "from dash import Dash, html\napp = Dash()\napp.layout = html.Div(colour='red')\n"


def test_broken_example_shows_its_error_and_the_rest_of_the_page_works(page, tmp_path):
    root = make_site(
        tmp_path,
        {
            "index.md": '# Page\n\n```dash file="examples/broken.py"\n```\n\n'
            'After.\n\n```dash file="examples/counter.py"\n```\n'
        },
        {"broken.py": BROKEN, "counter.py": COUNTER},
    )
    assert build(root, strict=False).returncode == 0
    with SiteServer(root / "site") as server:
        page.goto(server.url)
        broken, working = page.locator(".livedash").nth(0), page.locator(".livedash").nth(1)
        expect(broken.locator(".livedash-error")).to_contain_text("unexpected keyword argument: `colour`")
        expect(broken.locator(".livedash-status")).to_have_attribute("data-state", "error")
        wait_ready(working)
        working.locator("#btn").click()
        page.wait_for_function(
            "() => document.querySelectorAll('.livedash')[1].querySelector('#count').textContent === 'Count: 1'"
        )
        assert page.errors == []


BACKGROUND = """\
import time
import diskcache
from dash import Dash, DiskcacheManager, html, callback, Input, Output

app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache()))
app.layout = html.Div([
    html.Button("Run", id="run"), html.Button("Cancel", id="cancel"), html.Button("Other", id="other"),
    html.P("idle", id="progress"), html.P("no result", id="result"), html.P(id="count"),
])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          running=[(Output("run", "disabled"), True, False)], progress=Output("progress", "children"),
          progress_default="idle", cancel=Input("cancel", "n_clicks"))
def slow(set_progress, n):
    for step in range(100):
        set_progress(f"step {step}")
        time.sleep(0.1)
    return "finished"


@callback(Output("count", "children"), Input("other", "n_clicks"))
def count(n):
    return f"other {n or 0}"
"""


def test_background_job_keeps_the_app_responsive_and_cancel_ends_it(page, tmp_path):
    with one_example(page, tmp_path, BACKGROUND) as widget:
        widget.locator("#run").click()
        page.wait_for_function(
            "() => document.querySelector('#progress').textContent.startsWith('step')", timeout=30_000
        )
        expect(widget.locator("#run")).to_be_disabled()
        widget.locator("#other").click()  # the app answers while the job runs
        page.wait_for_function("() => document.querySelector('#count').textContent === 'other 1'", timeout=2_000)
        widget.locator("#cancel").click()
        page.wait_for_function("() => document.querySelector('#progress').textContent === 'idle'", timeout=5_000)
        expect(widget.locator("#run")).to_be_enabled()
        page.wait_for_timeout(500)
        assert widget.locator("#result").inner_text() == "no result"
        assert page.errors == []


CLIENTSIDE_FUNCTION = """\
from dash import Dash, html, clientside_callback, ClientsideFunction, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Click", id="b"), html.P(id="out")])

clientside_callback(ClientsideFunction(namespace="lesson", function_name="count"),
                    Output("out", "children"), Input("b", "n_clicks"))
"""

ASSET = """\
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  lesson: { count: function (n) { return "JS counted " + (n || 0); } },
});
"""


def test_clientside_function_from_the_examples_assets_folder(page, tmp_path):
    root = make_site(
        tmp_path, {"lesson/index.md": '```dash file="examples/app.py"\n```\n'}, {"app.py": CLIENTSIDE_FUNCTION}
    )
    (root / "docs" / "examples" / "assets").mkdir()
    (root / "docs" / "examples" / "assets" / "functions.js").write_text(ASSET)
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    with SiteServer(root / "site") as server:
        page.goto(server.url + "lesson/")
        widget = page.locator(".livedash").first
        wait_ready(widget)
        page.wait_for_function("() => document.querySelector('#out').textContent === 'JS counted 0'")
        widget.locator("#b").click()
        page.wait_for_function("() => document.querySelector('#out').textContent === 'JS counted 1'")
        assert page.errors == []


SLOW = """\
import time
from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True,
          running=[(Output("go", "disabled"), True, False), (Output("go", "children"), "Working…", "Go")])
def slow(n):
    time.sleep(1.5)
    return f"done {n}"
"""


def test_running_values_show_while_a_slow_callback_runs(page, tmp_path):
    with one_example(page, tmp_path, SLOW) as widget:
        widget.locator("#go").click()
        page.wait_for_function("() => document.querySelector('#go').textContent === 'Working…'", timeout=1_000)
        expect(widget.locator("#go")).to_be_disabled()
        page.wait_for_function("() => document.querySelector('#out').textContent === 'done 1'", timeout=10_000)
        expect(widget.locator("#go")).to_have_text("Go")
        expect(widget.locator("#go")).to_be_enabled()


GRAPH = """\
from dash import Dash, dcc, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("More", id="more"), dcc.Graph(id="g"), html.P(id="clicked")])


@callback(Output("g", "figure"), Input("more", "n_clicks"))
def figure(n):
    k = (n or 0) + 3
    return {"data": [{"type": "bar", "x": list(range(k)), "y": [i * i for i in range(k)]}], "layout": {"height": 300}}


@callback(Output("clicked", "children"), Input("g", "clickData"), prevent_initial_call=True)
def clicked(data):
    return f"bar {data['points'][0]['x']}"
"""


def test_graph_draws_with_plotly_only_on_pages_that_need_it(page, tmp_path):
    root = make_site(
        tmp_path, {"index.md": '```dash file="examples/graph.py"\n```\n', "plain.md": "# Text\n"}, {"graph.py": GRAPH}
    )
    assert build(root).returncode == 0
    plotly_requests = []
    page.on("request", lambda r: plotly_requests.append(r.url) if "plotly.min.js" in r.url else None)
    with SiteServer(root / "site") as server:
        page.goto(server.url + "plain/")
        assert plotly_requests == []
        page.goto(server.url)
        widget = page.locator(".livedash").first
        wait_ready(widget)
        widget.locator(".dash-graph .main-svg").first.wait_for(timeout=20_000)
        expect(widget.locator(".dash-graph .point")).to_have_count(3)
        widget.locator("#more").click()
        page.wait_for_function("() => document.querySelectorAll('.dash-graph .point').length === 4")
        assert len(plotly_requests) == 1 and page.errors == []


USES_A_PACKAGE = """\
import markdown
from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Render", id="b"), html.P(id="out")])


@callback(Output("out", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
def render(n):
    return markdown.markdown(f"**{n}**")
"""


def test_packages_option_serves_pure_python_wheels_to_the_browser(page, tmp_path):
    with one_example(page, tmp_path, USES_A_PACKAGE, plugin={"packages": ["markdown"]}) as widget:
        wheels = list((tmp_path / "site" / "assets" / "livedash" / "packages").glob("*.whl"))
        assert [w.name.split("-")[0].lower() for w in wheels] == ["markdown"]
        widget.locator("#b").click()
        page.wait_for_function("() => document.querySelector('#out').textContent === '<p><strong>1</strong></p>'")
        assert page.errors == []


DROPDOWN = """\
from dash import Dash, dcc, html, callback, Input, Output

app = Dash()
app.layout = html.Div([dcc.Dropdown(["Amsterdam", "Berlin", "Bern", "Paris"], id="city"), html.P(id="out")])


@callback(Output("out", "children"), Input("city", "value"))
def show(city):
    return f"city: {city}"
"""


def test_dropdown_search_filters_and_choosing_runs_the_callback(page, tmp_path):
    """Dash 4's own Dropdown: its search box filters the options, a choice runs the callback."""
    with one_example(page, tmp_path, DROPDOWN) as widget:
        expect(widget.locator("#out")).to_have_text("city: None")
        widget.locator("button#city.dash-dropdown").click()
        page.locator(".dash-dropdown-content input.dash-dropdown-search").fill("ber")
        options = page.locator(".dash-dropdown-options [role=option]")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.dash-dropdown-options [role=option]')]"
            ".map((o) => o.textContent).join() === 'Berlin,Bern'"
        )
        options.filter(has_text="Bern").last.click()
        page.wait_for_function("() => document.querySelector('#out').textContent === 'city: Bern'")
        assert page.errors == []


GRAPH_OBJECTS = """\
import plotly.graph_objects as go
from dash import Dash, dcc, html, callback, Input, Output

app = Dash()
app.layout = html.Div([dcc.Slider(1, 5, 1, value=3, id="n"), dcc.Graph(id="g")])


@callback(Output("g", "figure"), Input("n", "value"))
def figure(n):
    return go.Figure(go.Bar(x=list(range(n)), y=[i * i for i in range(n)]), layout={"height": 300})
"""


def test_plotly_graph_objects_run_in_the_browser_when_the_site_ships_plotly(page, tmp_path):
    with one_example(page, tmp_path, GRAPH_OBJECTS, plugin={"packages": ["plotly"]}, timeout=120_000) as widget:
        widget.locator(".dash-graph .point").first.wait_for(state="attached", timeout=20_000)
        expect(widget.locator(".dash-graph .point")).to_have_count(3)
        widget.evaluate("w => w.livedash.setProps('n', {value: 5})")
        page.wait_for_function("() => document.querySelectorAll('.dash-graph .point').length === 5", timeout=20_000)
        assert page.errors == []
