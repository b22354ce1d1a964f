"""Component libraries in the course (docs/libraries.md, the plugin's `packages:` in mkdocs.yml): the page
draws dash-bootstrap-components and dash-daq with their own bundles, the reader's actions run the apps'
callbacks, Bootstrap's stylesheet styles the dbc app and nothing else (not the course page, not the other
app, not a lesson's app after instant navigation), and pages whose apps import no library never fetch a
wheel. The expected texts are what the same apps show in real Dash 4.4.1 with the same actions."""

import json
import re
import urllib.request

from playwright.sync_api import expect

from tests.e2e.conftest import eventually, set_code, wait_ready

LIBRARIES = "libraries/"
LESSON_1 = "lessons/01-first-callback/"
BOOTSTRAP_URL = "https://cdn.jsdelivr.net/npm/bootstrap@5.3.6/dist/css/bootstrap.min.css"
WHEELS = {"dash_bootstrap_components-2.0.4-py3-none-any.whl", "dash_daq-0.6.0-py3-none-any.whl"}
BOOTSTRAP_PRIMARY = "rgb(13, 110, 253)"  # #0d6efd, Bootstrap 5.3's --bs-primary
TEXT_TIMEOUT = 15_000
# What the page's own text and a plain html.Button look like: Bootstrap's reboot would change each of them.
LOOKS = [
    "fontFamily",
    "fontSize",
    "lineHeight",
    "color",
    "backgroundColor",
    "borderRadius",
    "paddingTop",
    "paddingLeft",
    "borderTopWidth",
    "boxSizing",
]
LOOK = "(el, names) => Object.fromEntries(names.map((n) => [n, getComputedStyle(el)[n]]))"
# How many segments of dash-daq's LED display are lit (drawn in the display's colour).
LIT = "(el) => [...el.querySelectorAll('path')].filter((p) => p.getAttribute('fill') === '#ff5722').length"


def get(url):
    with urllib.request.urlopen(url) as response:
        return response.read()


def widget_of(page, filename):
    widget = page.locator(f".livedash:has(.livedash-title:text-is('{filename}'))")
    expect(widget).to_have_count(1)
    widget.scroll_into_view_if_needed()
    wait_ready(widget)
    return widget


def wheels_requested(page):
    """The wheel file names the page (its worker included) fetches from the site's packages/, as a list."""
    seen = []
    page.on("request", lambda r: seen.append(r.url.rsplit("/", 1)[1]) if "/packages/" in r.url else None)
    return seen


def bootstrap_applied(widget):
    """Wait until the dbc button has Bootstrap's primary colour (the app's stylesheet is in place)."""
    expect(widget.locator("button#sign")).to_have_css("background-color", BOOTSTRAP_PRIMARY, timeout=TEXT_TIMEOUT)


def test_the_site_serves_both_libraries(course):
    """components.json names both namespaces with bundles the site serves, Bootstrap's CDN URL maps to the
    site's copy, and config.js lists both wheels (without dash: livedash provides it)."""
    base = course + "assets/livedash/"
    manifest = json.loads(get(base + "components.json"))
    dbc, daq = manifest["namespaces"]["dash_bootstrap_components"], manifest["namespaces"]["dash_daq"]
    assert dbc["scripts"] == ["libraries/dash_bootstrap_components/_components/dash_bootstrap_components.min.js"]
    assert daq["scripts"] == ["libraries/dash_daq/dash_daq.min.js"]
    assert daq["async"] == [
        "libraries/dash_daq/async-colorpicker.js"
    ]  # (its _js_dist's async-slider.js is not in its wheel)
    for path in dbc["scripts"] + daq["scripts"] + daq["async"]:
        assert len(get(base + path)) > 100_000, path
    assert manifest["stylesheets"][BOOTSTRAP_URL] == "libraries/bootstrap/bootstrap.min.css"
    assert b"Bootstrap  v5.3.6" in get(base + "libraries/bootstrap/bootstrap.min.css")[:200]
    config = get(base + "config.js").decode()
    wheels = set(re.findall(r"packages/([\w.-]+\.whl)", config))
    assert wheels == WHEELS, wheels
    for name in wheels:
        assert get(base + "packages/" + name)[:2] == b"PK"


def test_the_bootstrap_app_is_drawn_by_dbc_and_answers_the_reader(page, course):
    wheels = wheels_requested(page)
    page.goto(course + LIBRARIES)
    app = widget_of(page, "bootstrap.py")
    # Drawn by dbc's bundle: Bootstrap's markup, and Bootstrap's looks from its stylesheet.
    bootstrap_applied(app)
    sign = app.locator("button#sign")
    assert {"btn", "btn-primary"} <= set(sign.get_attribute("class").split())
    expect(app.locator("input#name")).to_have_class(re.compile(r"\bform-control\b"))
    expect(app.locator(".card .card-header .badge")).to_have_text("0 signed")
    assert app.locator("#thanks").count() == 0  # a closed dbc.Alert is not in the page

    sign.click()  # no name yet: a warning
    expect(app.locator("#thanks")).to_have_text("Type your name first.", timeout=TEXT_TIMEOUT)
    expect(app.locator("#thanks")).to_have_class(re.compile(r"\balert-warning\b"))
    name = app.locator("input#name")
    name.click()
    name.press_sequentially("Ada")
    sign.click()
    expect(app.locator("#thanks")).to_have_text("Thank you, Ada!", timeout=TEXT_TIMEOUT)
    expect(app.locator("#thanks")).to_have_class(re.compile(r"\balert-success\b"))
    expect(app.locator("#signed")).to_have_text("1 signed")
    expect(app.locator("#names .list-group-item")).to_have_text(["Ada"])  # the Patch's new item
    widget_of(page, "daq.py")  # (the page's other app has loaded its wheel too)
    assert sorted(wheels) == sorted(WHEELS), wheels  # each once, fetched by the worker
    assert page.errors == []


def test_the_daq_app_is_drawn_by_dash_daq_and_answers_the_reader(page, course):
    page.goto(course + LIBRARIES)
    app = widget_of(page, "daq.py")
    gauge, led, lamp = app.locator("#speed"), app.locator("#rpm"), app.locator("#lamp [class*=indicator]")
    # dash-daq's own markup: svg instruments, rc-slider, its class names; the initial call's values in them.
    expect(gauge.locator("svg").first).to_be_attached()
    expect(app.locator("#throttle svg").first).to_be_attached()
    expect(app.locator("#gear .rc-slider.daq-slider--light__slider")).to_be_attached()
    expect(gauge).to_contain_text("12.0")  # throttle 4, gear 1: 2400 rpm, 12 km/h
    eventually(lambda: led.evaluate(LIT), 5 + 4 + 6 + 6, "lit segments")  # "2400" in seven-segment digits
    expect(lamp).to_have_css("background-color", "rgb(46, 125, 50)")

    app.locator("#gear .rc-slider-mark-text", has_text="3").click()  # third gear
    expect(gauge).to_contain_text("36.0", timeout=TEXT_TIMEOUT)
    eventually(lambda: led.evaluate(LIT), 5 + 4 + 6 + 6, "lit segments")
    runs = app.locator(".ld-trace-run")
    expect(runs.last).to_contain_text("by gear.value")
    assert page.errors == []


def test_the_daq_knob_turns_and_the_instruments_are_painted(page, course):
    """As in real Dash: the knob's circles have their radius (a reader can grab and turn it), the LED's lit
    segments their colour (the app reset leaves an svg's presentation attributes alone)."""
    page.goto(course + LIBRARIES)
    app = widget_of(page, "daq.py")
    segment = app.locator("#rpm path[fill='#ff5722']").first
    assert segment.evaluate("(p) => getComputedStyle(p).fill") == "rgb(255, 87, 34)"
    circle = app.locator("#throttle circle[r]").first
    assert circle.evaluate("(c) => getComputedStyle(c).r") == circle.get_attribute("r") + "px"
    knob = app.locator("#throttle svg").first
    knob.scroll_into_view_if_needed()
    box = knob.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y - 30)
    page.mouse.down()
    page.mouse.move(x + 45, y - 10, steps=10)  # clockwise: more throttle
    page.mouse.up()
    expect(app.locator(".ld-trace-run").last).to_contain_text("by throttle.value", timeout=TEXT_TIMEOUT)
    expect(app.locator("#speed")).not_to_contain_text("12.0")


TABS = """\
from dash import Dash, html
import dash_bootstrap_components as dbc

app = Dash(external_stylesheets=[dbc.themes.BOOTSTRAP])
app.layout = dbc.Tabs([dbc.Tab(html.P("first"), label="One"), dbc.Tab(html.P("second"), label="Two")])
"""


def test_a_dbc_tab_link_switches_the_tab_and_stays_on_the_page(page, course):
    """In real Dash 4.4.1 a click on a dbc.Tabs tab shows that tab and the address does not change."""
    with page.expect_response(re.compile(r"sitemap\.xml$")):  # Material's instant navigation is on from here
        page.goto(course + LIBRARIES)
    app = widget_of(page, "bootstrap.py")
    set_code(app, TABS)
    app.locator(".livedash-run").click()
    tab = app.locator(".nav-tabs .nav-link", has_text="Two")
    tab.wait_for(timeout=TEXT_TIMEOUT)
    app.evaluate("(w) => { w.__sameWidget = true; }")
    address = page.url
    tab.click()
    expect(app.locator(".nav-tabs .nav-link.active")).to_have_text("Two", timeout=TEXT_TIMEOUT)
    page.wait_for_timeout(1_000)
    assert page.url == address
    expect(app.locator(".nav-tabs .nav-link.active")).to_have_text("Two")
    assert app.evaluate("(w) => w.__sameWidget === true"), "the page was loaded again: the app started over"


def test_bootstrap_styles_the_dbc_app_only(page, course):
    """Bootstrap's stylesheet (the app's external_stylesheets) reaches the dbc app's elements and nothing else:
    the course page's text, the daq app beside it, and a lesson's html.Button after instant navigation look
    as they do without it."""
    held = []  # Bootstrap's stylesheet is held back until the page has been seen without it
    page.route(
        "**/libraries/bootstrap/bootstrap.min.css",
        lambda route: held.append(route) if held is not None else route.continue_(),
    )
    page.goto(course + LIBRARIES)
    text = page.locator(".md-content .md-typeset > p").first
    heading = page.locator(".md-content h1")
    dbc = widget_of(page, "bootstrap.py")
    assert dbc.locator("button#sign").evaluate("(el) => getComputedStyle(el).backgroundColor") != BOOTSTRAP_PRIMARY
    before = [text.evaluate(LOOK, LOOKS), heading.evaluate(LOOK, LOOKS)]
    waiting, held = held, None
    for route in waiting:
        route.continue_()
    bootstrap_applied(dbc)
    daq = widget_of(page, "daq.py")
    assert [text.evaluate(LOOK, LOOKS), heading.evaluate(LOOK, LOOKS)] == before
    # Bootstrap's variables live on the dbc app's root (its `:root` rules are scoped there), not the page's.
    root = dbc.locator(".livedash-app")
    assert root.evaluate("(el) => getComputedStyle(el).getPropertyValue('--bs-primary').trim()") == "#0d6efd"
    for element in ("document.documentElement", "document.body", "document.querySelector('.md-content')"):
        assert page.evaluate(f"() => getComputedStyle({element}).getPropertyValue('--bs-primary')") == "", element
    assert "system-ui" in dbc.locator("#signed").evaluate("(el) => getComputedStyle(el).fontFamily")
    label = daq.locator("#throttle label")
    assert "system-ui" not in label.evaluate("(el) => getComputedStyle(el).fontFamily")
    assert label.evaluate("(el) => getComputedStyle(el).boxSizing") == "content-box"  # reboot: border-box

    # A lesson's plain html.Button, reached by instant navigation from this page, looks as on a fresh visit.
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-content a[href*='01-first-callback']").first.click()
    page.wait_for_url(re.compile(re.escape(LESSON_1) + "$"))
    lesson = page.locator(".livedash").first
    wait_ready(lesson)
    assert page.evaluate("window.__sameDocument === true"), "not an instant navigation"
    navigated = lesson.locator("button#btn").evaluate(LOOK, LOOKS)
    navigated_text = page.locator(".md-content .md-typeset > p").first.evaluate(LOOK, LOOKS)
    fresh_page = page.context.new_page()
    fresh_page.goto(course + LESSON_1)
    fresh = fresh_page.locator(".livedash").first
    wait_ready(fresh)
    assert navigated == fresh.locator("button#btn").evaluate(LOOK, LOOKS)
    assert navigated_text == fresh_page.locator(".md-content .md-typeset > p").first.evaluate(LOOK, LOOKS)
    assert page.errors == []


def test_a_lesson_page_never_fetches_a_wheel(page, course):
    """Lesson apps import no library, so the worker loads none of the site's wheels, not even on a click."""
    wheels = wheels_requested(page)
    page.goto(course + LESSON_1)
    widget = page.locator(".livedash").first
    wait_ready(widget)
    widget.locator("#btn").click()
    expect(widget.locator("#count")).to_have_text("Count: 1", timeout=TEXT_TIMEOUT)
    page.wait_for_timeout(1_000)
    assert wheels == []
    assert page.errors == []
