"""The build's first paint: each example's layout server-rendered by React with Dash's own components
(runtime/livedash/mkdocs/ssr.mjs, driven by prerender.py), which the page's React hydrates without moving it."""

import json
import re
import time

import pytest

from tests.server import SiteServer
from tests.sites import build, make_site

WIDGETS = """\
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()
app.layout = html.Div([
    html.H2("Controls", id="title"),
    dcc.Slider(0, 10, 1, value=3, id="slider"),
    dcc.Dropdown(["red", "green", "blue"], "green", id="colour"),
    dcc.Input(id="name", value="Ada"),
    html.P(id="out"),
])


@callback(Output("out", "children"), Input("slider", "value"), Input("colour", "value"), Input("name", "value"))
def show(value, colour, name):
    return f"{name}: {value} in {colour}"
"""

SCRIPT = """\
from dash import Dash, html

app = Dash()
app.layout = html.Div([html.P("before"), html.Script("window.__ran = 1 </script><b>x</b>", id="s"),
                       html.P("after", id="after")])
"""

LOADING = """\
from dash import Dash, html, dcc

app = Dash()
app.layout = html.Div([dcc.Loading(html.Div("inside", id="inside")), html.P("below", id="below")])
"""

PAGES = {
    "index.md": """\
        # Server render

        ```dash file="examples/widgets.py"
        ```
        """,
    "script.md": """\
        # Script

        ```dash file="examples/script.py"
        ```
        """,
    "loading.md": """\
        # Loading

        ```dash file="examples/loading.py"
        ```
        """,
}


def app_panes(html):
    """[(attributes, markup)] of each widget's app pane."""
    return re.findall(r'<div class="livedash-app"([^>]*)>(.*?)</div><div class="livedash-error"', html, re.S)


def widget_data(html, index=0):
    raw = re.findall(r'<template class="livedash-data">(.*?)</template>', html, re.S)[index]
    return json.loads(raw)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(
        tmp_path_factory.mktemp("ssr"),
        PAGES,
        {"widgets.py": WIDGETS, "script.py": SCRIPT, "loading.py": LOADING},
        nav=list(PAGES),
    )
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_the_app_pane_holds_react_markup_of_dash_components(site):
    ((attributes, widgets),) = app_panes((site / "index.html").read_text(encoding="utf-8"))
    ((script_attributes, script),) = app_panes((site / "script" / "index.html").read_text(encoding="utf-8"))
    assert 'data-livedash-rendered="1"' in attributes and 'data-livedash-rendered="1"' in script_attributes
    # Dash 4's own markup, drawn by its bundles (the lazy Slider and Dropdown fully, not their fallbacks)
    assert widgets.startswith('<div><h2 id="title">Controls</h2>')
    assert 'id="slider" class="dash-slider-container"' in widgets and 'class="dash-slider-root' in widgets
    assert widgets.count('class="dash-slider-mark') == 11
    assert 'class="dash-dropdown-wrapper"' in widgets and '<button id="colour"' in widgets
    assert '<span class="dash-dropdown-value-item"><span>green</span></span>' in widgets
    assert '<input id="name" class="dash-input-element" type="text"' in widgets and 'value="Ada"' in widgets
    assert '<p id="out">Ada: 3 in green</p>' in widgets  # (after the initial callbacks)
    assert "<!--$-->" in widgets and "<!--$?-->" not in widgets and "<!--$!-->" not in widgets  # all resolved
    assert "<script" not in widgets and "\n" not in widgets  # React's markup alone
    # html.Script stays inert, its text escaped
    assert script == (
        '<div><p>before</p><template data-dash-type="Script" id="s">window.__ran = 1 '
        '&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</template><p id="after">after</p></div>'
    )


def test_the_components_css_comes_with_the_page_before_the_app(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    styles = re.findall(r'<style data-livedash-ssr="([0-9a-f]+)">(.*?)</style>', html, re.S)
    assert styles and len({name for name, _ in styles}) == len(styles)
    css = "\n".join(text for _, text in styles)
    for rule in (".dash-slider-root", ".dash-dropdown", ".dash-input-container"):
        assert rule in css, rule
    # before the first widget (its first paint is styled), never inside an app pane
    assert html.index("data-livedash-ssr") < html.index('<div class="livedash"')
    assert all("<style data-livedash-ssr" not in markup for _, markup in app_panes(html))


def test_a_dcc_loading_style_text_is_the_raw_text_react_draws(site):
    """React 18 writes a <style>'s text escaped (`&gt;`), which a browser does not decode: the page's React would
    find other text and throw the server's markup away. It is written raw."""
    html = (site / "loading" / "index.html").read_text(encoding="utf-8")
    ((_attributes, markup),) = app_panes(html)
    inner = re.search(r"<style>(.*?)</style>", markup, re.S).group(1)
    assert ".dash-default-spinner > div" in inner and "&gt;" not in inner


def test_the_widget_data_carries_the_children_props_table(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    data = widget_data(html)
    assert data["children_props"]["dash_core_components"]["Tab"] == ["label"]
    assert data["layout"]["props"]["children"][1]["type"] == "Slider"


def test_a_dangerous_link_is_a_build_warning_and_drawn_as_about_blank(tmp_path):
    code = 'from dash import Dash, html\napp = Dash()\napp.layout = html.A("x", id="a", href="javascript:alert(1)")\n'
    root = make_site(tmp_path, {"index.md": '```dash file="examples/app.py"\n```\n'}, {"app.py": code})
    result = build(root, strict=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (
        "in an example's layout (docs/examples/app.py): Dangerous link detected: javascript:alert(1)" in result.stderr
    )
    ((_attributes, markup),) = app_panes((root / "site" / "index.html").read_text(encoding="utf-8"))
    assert markup == '<a id="a" href="about:blank">x</a>'


# ---- in the browser: the page's React takes the first paint over, and nothing moves ----

SHIFTS = """
window.__appShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const sources = (entry.sources || [])
      .filter((s) => s.node && s.node.nodeType === 1 && s.node.closest('.livedash-app'));
    if (sources.length) {
      window.__appShifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: sources.map((s) =>
        `${s.node.tagName}.${s.node.getAttribute('class') || ''} ${JSON.stringify(s.previousRect)} -> `
        + JSON.stringify(s.currentRect)) });
    }
  }
}).observe({ type: 'layout-shift', buffered: true });
"""

# Boxes of the app's elements that have one before any script (the slider's thumb appears once measured, as in
# Dash: it is absolutely placed and moves nothing).
BOXES = """(selectors) => Object.fromEntries(selectors.map((selector) => {
  const el = document.querySelector(selector);
  if (!el) return [selector, null];
  const r = el.getBoundingClientRect();
  return [selector, [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10)];
}))"""
MEASURED = [
    "#title",
    "#slider",
    ".dash-slider-root",
    ".dash-slider-track",
    ".dash-slider-range",
    "div.dash-slider-mark:last-of-type",
    ".dash-dropdown-wrapper",
    "#colour",
    ".dash-dropdown-value",
    "#name",
    "#out",
]


def first_paint(page, url):
    """Open ``url`` with livedash's scripts held back (host.js, and so every module importing it), wait until the
    page is painted with its stylesheets; returns the function that lets the scripts go."""
    held, state = [], {"go": False}
    page.route("**/assets/livedash/host.js", lambda route: route.continue_() if state["go"] else held.append(route))
    page.goto(url, wait_until="commit")
    page.wait_for_selector('.livedash-app[data-livedash-rendered="1"]', state="attached")
    page.wait_for_function(
        "() => document.readyState !== 'loading' && "
        "[...document.querySelectorAll('link[rel=stylesheet]')].every((link) => link.sheet)"
    )
    page.evaluate(
        "() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => "
        "requestAnimationFrame(r))))"
    )
    assert page.evaluate("() => document.querySelector('.livedash').livedash === undefined"), "a widget is mounted"

    def go():
        page.evaluate("() => { window.__appShifts.length = 0; }")  # (the page's own loading before)
        state["go"] = True
        for route in held:
            route.continue_()

    return go


HYDRATED = """(selectors) => selectors.every((selector) => {
  const el = document.querySelector(selector);
  return el && Object.keys(el).some((key) => key.startsWith('__reactProps$'));   // (React's own mark)
})"""


def opened(browser, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.logs, page.errors = [], []
    page.on("console", lambda message: page.logs.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.add_init_script(SHIFTS)
    return context, page


# Python's answers (a worker's messages) wait until window.__releasePython() (the worker's own requests cannot
# be held from the test).
HOLD_PYTHON = """
window.__pythonHeld = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  set onmessage(handler) {
    super.onmessage = (event) => (window.__pythonHeld ? window.__pythonHeld.push(() => handler(event))
      : handler(event));
  }
  get onmessage() { return super.onmessage; }
};
window.__releasePython = () => {
  const held = window.__pythonHeld;
  window.__pythonHeld = null;
  held.forEach((f) => f());
};
"""


def held_back(context, pattern):
    """Requests matching ``pattern`` (the page's and its workers') wait until the returned function is called."""
    held, state = [], {"go": False}
    context.route(pattern, lambda route: route.continue_() if state["go"] else held.append(route))

    def go():
        state["go"] = True
        for route in held:
            route.continue_()

    return go


def ready(page):
    """Interactive: Python has run the app, and the page's React drives the components."""
    page.locator('.livedash-status[data-state="ready"]').first.wait_for(timeout=90_000)


def differences(page):
    return [text.split("\n")[0] for text in page.logs if "server render differs" in text]


@pytest.mark.browser
def test_the_page_hydrates_the_first_paint_without_moving_it(site, browser):
    with SiteServer(site) as server:
        context, page = opened(browser)
        page.add_init_script(HOLD_PYTHON)  # (Python is heard once the page's React has hydrated)
        go = first_paint(page, server.url)
        first = page.evaluate(BOXES, MEASURED)
        assert all(first.values()), first
        assert first["#colour"][3] > 20 and first[".dash-slider-track"][2] > 100  # styled by Dash's CSS already
        go()
        page.wait_for_function(
            HYDRATED, arg=["#title", "#slider .dash-slider-thumb", "#colour", "#name"], timeout=30_000
        )
        page.locator(".dash-slider-thumb").first.wait_for(state="visible", timeout=20_000)
        hydrated = page.evaluate(BOXES, MEASURED)
        assert page.locator('.livedash-status[data-state="ready"]').count() == 0
        page.evaluate("() => window.__releasePython()")
        ready(page)
        time.sleep(1.0)
        after = page.evaluate(BOXES, MEASURED)
        shifts = page.evaluate("window.__appShifts")
        # The page's React took this very markup over: typing changes the app through Python.
        page.locator("#name").fill("Grace")
        page.locator("#out", has_text="Grace: 3 in green").wait_for(timeout=20_000)
        context.close()
    assert not page.errors, page.errors
    assert differences(page) == []
    assert hydrated == first
    assert after == first
    assert sum(shift["value"] for shift in shifts) < 0.001, json.dumps(shifts)


@pytest.mark.browser
def test_python_ready_before_the_chunks_moves_nothing(site, browser):
    with SiteServer(site) as server:
        context, page = opened(browser)
        chunks = held_back(context, "**/dash/dcc/async-*.js")
        go = first_paint(page, server.url)
        first = page.evaluate(BOXES, MEASURED)
        go()
        ready(page)
        chunks()
        page.locator(".dash-slider-thumb").first.wait_for(state="visible", timeout=20_000)
        time.sleep(1.0)
        after = page.evaluate(BOXES, MEASURED)
        shifts = page.evaluate("window.__appShifts")
        context.close()
    assert differences(page) == []
    assert after == first
    assert sum(shift["value"] for shift in shifts) < 0.001, json.dumps(shifts)


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "loading/",
        "script/",
    ],
)
def test_other_first_paints_are_taken_over_as_they_are(site, browser, path):
    with SiteServer(site) as server:
        context, page = opened(browser)
        go = first_paint(page, server.url + path)
        go()
        ready(page)
        time.sleep(1.0)
        context.close()
    assert not page.errors, page.errors
    assert differences(page) == []


# The first widget's status, its bar's height and its app pane's top at each change of the page, once the
# page's stylesheets apply (before that nothing is painted: a layout read while the parser still waits for
# them measures an unstyled bar).
BAR_HEIGHTS = """
window.__barHeights = [];
new MutationObserver(() => {
  const status = document.querySelector('.livedash-status');
  const bar = document.querySelector('.livedash-bar');
  const pane = document.querySelector('.livedash-app');
  const styled = [...document.querySelectorAll('link[rel=stylesheet]')].every((link) => link.sheet);
  if (status && bar && pane && styled) {
    window.__barHeights.push([status.dataset.state, bar.getBoundingClientRect().height,
      pane.getBoundingClientRect().top + window.scrollY]);
  }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"""
SLOW_BOOT_NOTE = "Still loading Python… (a slow connection? reloading the page may help)"  # (kernel.js's)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_the_widget_bar_keeps_its_height_until_the_app_is_ready(site, browser, width):
    """Loading, the slow-boot note, starting, ready: nobody has done anything yet, so nothing may move (on a
    narrow page "Loading Python…" used to push the buttons to a row of their own until "Ready")."""
    with SiteServer(site) as server:
        context, page = opened(browser, width)
        page.add_init_script(HOLD_PYTHON)
        page.add_init_script(BAR_HEIGHTS)
        page.goto(server.url)
        page.locator('.livedash-status[data-state="loading"]').first.wait_for(timeout=30_000)
        page.evaluate(
            "(note) => { const s = document.querySelector('.livedash-status'); s.textContent = note; }",
            SLOW_BOOT_NOTE,
        )
        page.evaluate("() => window.__releasePython()")
        ready(page)
        time.sleep(0.5)
        seen = page.evaluate("window.__barHeights")
        context.close()
    # (The app's own first layout, a slider placing its inputs once measured, is the hydration tests' matter.)
    assert {state for state, _, _ in seen} >= {"loading", "ready"}, seen
    assert len({height for _, height, _ in seen}) == 1, seen
    assert len({top for _, _, top in seen}) == 1, seen
