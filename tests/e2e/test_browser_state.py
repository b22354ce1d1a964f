"""What a Dash app keeps and shows in the browser, inside a course page (issue 12): dcc.Store local storage and
`persistence=` kept per site, page and app (two apps with the same ids on one page never share); an app's
assets/*.css and the course theme apply only where they belong; dcc.Location/dcc.Link move the app's own URL,
never the course page's."""

import pytest

from tests.e2e.conftest import wait_ready
from tests.server import SiteServer
from tests.sites import build, make_site

COUNTER = """\
from dash import Dash, html, dcc, callback, Input, Output, State

app = Dash()
app.layout = html.Div([
    dcc.Input(id="name", value="Ada", persistence=True),
    html.P(id="hello"),
    html.Button("Visit", id="visit"),
    dcc.Store(id="visits", storage_type="local"),
    html.P(id="count"),
])


@callback(Output("hello", "children"), Input("name", "value"))
def hello(name):
    return f"Hello {name}"


@callback(Output("visits", "data"), Input("visit", "n_clicks"), State("visits", "data"), prevent_initial_call=True)
def visit(n, data):
    return (data or 0) + 1


@callback(Output("count", "children"), Input("visits", "data"))
def count(data):
    return f"visits: {data or 0}"
"""

PAGES_APP = """\
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()
app.layout = html.Div([
    dcc.Location(id="url"),
    dcc.Link("Go to the report", href="/report", id="to-report"),
    html.P(id="where"),
])


@callback(Output("where", "children"), Input("url", "pathname"))
def where(pathname):
    return f"page: {pathname}"
"""

STYLED = """\
from dash import Dash, html

app = Dash()
app.layout = html.Div([html.Button("Styled", id="styled"), html.P("text", id="text")])
"""

CSS = "button { background-color: rgb(200, 0, 0); }\nbody { color: rgb(0, 0, 200); }\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser-state")
    page = (
        '# State\n\n```dash file="examples/one/counter.py"\n```\n\n'
        '```dash file="examples/two/counter.py"\n```\n\n'
        '```dash file="examples/pages.py"\n```\n\n'
        '```dash file="examples/styled/app.py"\n```\n\n<button id="page-button">The page\'s own</button>\n'
    )
    make_site(
        root,
        {"index.md": page},
        {
            "one/counter.py": COUNTER,
            "two/counter.py": COUNTER,
            "pages.py": PAGES_APP,
            "styled/app.py": STYLED,
            "styled/assets/style.css": CSS,
        },
        plugin={"diagram": False},
    )
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    with SiteServer(root / "site") as server:
        yield server.url


def widgets(page, url):
    page.goto(url)
    found = page.locator(".livedash")
    for i in range(found.count()):
        wait_ready(found.nth(i))
    return [found.nth(i) for i in range(found.count())]


def test_local_store_and_persistence_survive_a_reload_per_app(page, site):
    one, two, *_ = widgets(page, site)
    one.locator("#visit").click()
    one.locator("#visit").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.livedash')[0].querySelector('#count').textContent === 'visits: 2'"
    )
    one.locator("#name").fill("Grace")
    page.wait_for_function(
        "() => document.querySelectorAll('.livedash')[0].querySelector('#hello').textContent === 'Hello Grace'"
    )
    assert two.locator("#count").inner_text() == "visits: 0"  # same ids, another app: its own store
    one, two, *_ = widgets(page, site)
    page.wait_for_function(
        "() => document.querySelectorAll('.livedash')[0].querySelector('#count').textContent === 'visits: 2'"
    )
    page.wait_for_function(
        "() => document.querySelectorAll('.livedash')[0].querySelector('#hello').textContent === 'Hello Grace'"
    )
    assert one.locator("#name").input_value() == "Grace"
    assert two.locator("#count").inner_text() == "visits: 0"
    assert two.locator("#name").input_value() == "Ada"
    # Dash's own keys never appear bare: everything is under this site's, page's and app's scope.
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert keys and not any(key in ("visits", "_dash_persistence.name.value.true") for key in keys), keys


def test_location_and_link_move_the_apps_url_not_the_page(page, site):
    *_, pages, _ = widgets(page, site)
    start = page.url
    page.wait_for_function(
        "() => document.querySelectorAll('.livedash')[2].querySelector('#where').textContent === 'page: /'"
    )
    pages.locator("#to-report").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.livedash')[2].querySelector('#where').textContent === 'page: /report'"
    )
    assert page.url == start


def test_assets_css_applies_to_its_app_alone_and_the_theme_to_none(page, site):
    one, *_, styled = widgets(page, site)

    def colour(locator):
        return locator.evaluate("(e) => getComputedStyle(e).backgroundColor")

    styled.locator("#styled").wait_for()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('#styled')).backgroundColor === 'rgb(200, 0, 0)'"
    )
    assert styled.locator("#text").evaluate("(e) => getComputedStyle(e).color") == "rgb(0, 0, 200)"  # body -> the app
    assert colour(one.locator("#visit")) != "rgb(200, 0, 0)"
    assert colour(page.locator("#page-button")) != "rgb(200, 0, 0)"
    assert page.locator("article p").first.evaluate("(e) => getComputedStyle(e).color") != "rgb(0, 0, 200)"
    # The course theme does not restyle the apps: a Dash button looks as the browser draws it on a Dash page.
    plain = page.evaluate("""() => { const b = document.createElement('button'); document.body.append(b);
        b.style.all = 'revert'; const c = getComputedStyle(b).backgroundColor; b.remove(); return c; }""")
    assert colour(one.locator("#visit")) == plain
