"""Props are rendered as Dash renders them, and none runs script on the course's origin (issue 10).

A course on GitHub Pages shares its origin (user.github.io) with every site of that user, and code from a
share link is untrusted. Each test puts one attack in an app, loads it (the build's pre-render first, then
the page's renderer, then Python), does what would set it off (a click, a submit, instant navigation) and
checks that no script ran: ``window.__pwned`` stays undefined and ``localStorage`` has no "pwned", and the
app still works. The untrusted host (``new Host(root, onChange, {trusted: false})``, used for share-link code)
is driven directly in the page with component JSON."""

import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.e2e.conftest import wait_ready
from tests.server import SiteServer
from tests.sites import build, make_site

PWNED = "window.__pwned=1;localStorage.setItem('pwned','1')"
JS_URL = f"javascript:{PWNED};void 0"


def app(attack, setup=""):
    """An app holding ``attack`` (Python expressions for components) beside a working counter."""
    return f"""\
from dash import Dash, html, callback, Input, Output

app = Dash()
{setup}
app.layout = html.Div([{attack}, html.Button("Count", id="btn"), html.P(id="count")])


@callback(Output("count", "children"), Input("btn", "n_clicks"))
def update(n):
    return f"Count: {{n or 0}}"
"""


BAD_NAMES = (
    '''\
div = html.Div("names", id="names")
div._props["data-a b"] = "1"
div._props['data-x"><img src=x onerror="'''
    + PWNED.replace("'", "\\'")
    + """">'] = "1"
div._props["data-ok"] = "fine"
"""
)

HANDLERS = f'''\
img = html.Img(src="x", id="img", alt="broken")
img._props["onerror"] = "{PWNED}"
img._props["onclick"] = "{PWNED}"
img._props["onLoad"] = "{PWNED}"
'''

APPS = {
    "script": app(f'html.Script("{PWNED}", id="script")'),
    "srcdoc": app('html.Iframe(id="frame", srcDoc="<script>parent.window.__srcdoc=1</script>")'),
    "iframe-js": app(f'html.Iframe(id="frame", src="{JS_URL}")'),
    "a-js": app(f'html.A("go", id="link", href="{JS_URL}")'),
    "a-tricky": app(
        'html.A("go", id="link", href="\\x01 JaVa\\tScRiPt:' + PWNED + ';void 0"), '
        'html.A("go2", id="link2", href="&#106;avascript:' + PWNED + '")'
    ),
    "form": app(f'html.Form([html.Button("Send", id="send")], id="form", action="{JS_URL}")'),
    "formaction": app(f'html.Form([html.Button("Send", id="send", formAction="{JS_URL}")], id="form")'),
    "embed": app(f'html.Embed(id="embed", src="{JS_URL}"), html.ObjectEl(id="object", data="{JS_URL}")'),
    "base": app('html.Base(id="base", href="https://example.invalid/"), html.A("rel", id="rel", href="page/")'),
    "handlers": app("img", HANDLERS),
    "names": app("div", BAD_NAMES),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("props-security")
    pages = {"index.md": "# Attacks\n\n" + "".join(f"- [{name}]({name}.md)\n" for name in APPS)}
    pages.update({f"{name}.md": f'# {name}\n\n```dash file="examples/{name}.py"\n```\n' for name in APPS})
    make_site(root, pages, {f"{name}.py": code for name, code in APPS.items()}, plugin={"diagram": False})
    server = SiteServer(root / "site")
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["site_url"] = server.url  # Material's instant navigation takes over only the site's own links
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    result = build(root, strict=False)  # (the refused props are build warnings, which --strict fails)
    assert result.returncode == 0, result.stderr[-3000:]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING") and "livedash:" in line]
    assert any(line.endswith("invalid attribute name `data-a b` dropped (on <div>)") for line in warnings), warnings
    assert any(line.endswith(f"Dangerous link detected: {JS_URL}") for line in warnings), warnings
    with server:
        yield server.url, root / "site"


def open_app(page, site, name):
    url, _ = site
    page.console = []
    page.on("console", lambda message: page.console.append(f"{message.type}: {message.text}"))
    page.goto(f"{url}{name}/")
    widget = page.locator(".livedash").first
    wait_ready(widget)
    return widget


def assert_no_script_ran(page, site):
    """Nothing set window.__pwned here, and nothing wrote to the course origin's localStorage (checked on a
    page of the site, since a click may have left it for about:blank as in Dash)."""
    assert page.evaluate("() => window.__pwned") is None
    if not page.url.startswith(site[0]):
        page.goto(site[0])
    assert page.evaluate("() => localStorage.getItem('pwned')") is None


def assert_app_works(page, site, name):
    if not page.url.startswith(f"{site[0]}{name}/"):
        widget = open_app(page, site, name)
    else:
        widget = page.locator(".livedash").first
    widget.locator("#btn").click()
    page.wait_for_function("() => document.querySelector('.livedash #count').textContent === 'Count: 1'")
    assert page.errors == []


def test_script_is_inert_on_load_and_after_instant_navigation(page, site):
    widget = open_app(page, site, "script")
    assert_no_script_ran(page, site)
    template = widget.locator('template[data-dash-type="Script"]#script')
    assert template.count() == 1 and widget.locator("script").count() == 0
    # Material's instant navigation re-creates every <script> of the new page's content as a running one.
    page.goto(site[0])
    page.evaluate("window.__sameDocument = true")
    page.locator('.md-content a[href$="script/"]').first.click()
    page.wait_for_url(re.compile(r"/script/$"))
    widget = page.locator(".livedash").first
    wait_ready(widget)
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not swapped"
    expect(widget.locator('template[data-dash-type="Script"]#script')).to_have_count(1)
    expect(widget.locator("script")).to_have_count(0)
    assert_no_script_ran(page, site)
    assert_app_works(page, site, "script")


def test_iframe_srcdoc_of_the_lessons_own_code_runs_as_in_dash(page, site):
    """Trusted code (the lesson's, or the reader's own) is drawn as Dash draws it: a srcDoc iframe runs its
    script with the page's origin, like any script the course author writes."""
    widget = open_app(page, site, "srcdoc")
    assert widget.locator("iframe#frame").get_attribute("sandbox") is None
    page.wait_for_function("() => window.__srcdoc === 1")
    assert_app_works(page, site, "srcdoc")


def test_iframe_javascript_src_is_blank(page, site):
    widget = open_app(page, site, "iframe-js")
    page.wait_for_timeout(500)
    assert_no_script_ran(page, site)
    assert widget.locator("iframe#frame").get_attribute("src") == "about:blank"
    assert_app_works(page, site, "iframe-js")


@pytest.mark.parametrize("name, links", [("a-js", ["#link"]), ("a-tricky", ["#link", "#link2"])])
def test_javascript_links_become_about_blank(page, site, name, links):
    for link in links:
        widget = open_app(page, site, name)
        href = widget.locator(link).get_attribute("href")
        widget.locator(link).click()
        page.wait_for_timeout(500)
        assert_no_script_ran(page, site)
        assert href == "about:blank"
    assert_app_works(page, site, name)


@pytest.mark.parametrize("name", ["form", "formaction"])
def test_javascript_form_actions_become_about_blank(page, site, name):
    widget = open_app(page, site, name)
    attribute = "action" if name == "form" else "formaction"
    target = "#form" if name == "form" else "#send"
    url = widget.locator(target).get_attribute(attribute)
    widget.locator("#send").click()
    page.wait_for_timeout(500)
    assert_no_script_ran(page, site)
    assert url == "about:blank"
    assert_app_works(page, site, name)


def test_embed_and_object_javascript_urls_become_about_blank(page, site):
    widget = open_app(page, site, "embed")
    assert widget.locator("embed#embed").get_attribute("src") == "about:blank"
    # html.ObjectEl is an <object>, as in Dash.
    assert widget.locator("object#object").get_attribute("data") == "about:blank"
    page.wait_for_timeout(500)
    assert_no_script_ran(page, site)
    assert_app_works(page, site, "embed")


def test_base_is_inert(page, site):
    widget = open_app(page, site, "base")
    assert page.evaluate("() => document.baseURI") == page.url
    assert widget.locator('template[data-dash-type="Base"]#base').count() == 1
    assert widget.locator("#rel").evaluate("(a) => a.href") == page.url + "page/"
    assert_no_script_ran(page, site)
    assert_app_works(page, site, "base")


def test_event_handler_props_are_not_attributes(page, site):
    widget = open_app(page, site, "handlers")
    img = widget.locator("img#img")
    img.click()
    page.wait_for_timeout(300)
    assert_no_script_ran(page, site)
    assert img.evaluate("(e) => e.getAttributeNames().sort()") == ["alt", "id", "src"]
    assert_app_works(page, site, "handlers")


def test_attribute_names_react_refuses_are_dropped_and_the_app_works(page, site):
    widget = open_app(page, site, "names")
    div = widget.locator("#names")
    assert div.evaluate("(e) => e.getAttributeNames()") == ["id", "data-ok"]
    assert widget.locator("img").count() == 0
    assert any("invalid attribute name" in line for line in page.console), page.console
    assert_no_script_ran(page, site)
    assert_app_works(page, site, "names")


# ---- the untrusted renderer (code from a share link), driven with component JSON ----


def html_component(kind, children=None, **props):
    return {"namespace": "dash_html_components", "type": kind, "props": {"children": children, **props}}


def mount_untrusted(page, site, layout, wait=1000):
    """Mount ``layout`` with an untrusted Host (Dash's own components) in a fresh element of a page of the site;
    gives the problems it reported. ``layout`` may name "BLOB": a same-origin blob: URL of an HTML page that sets
    window.__pwned in its parent (as Python could make with js.URL.createObjectURL in the worker)."""
    if not page.url.startswith(site[0]):
        page.goto(site[0])
    return page.evaluate(
        """async ([layout, wait]) => {
        const { Host } = await import(new URL("assets/livedash/host.js", document.baseURI).href);
        const blob = URL.createObjectURL(new Blob(
            ["<script>parent.window.__pwned=1;parent.localStorage.setItem('pwned','1')</script>"],
            { type: "text/html" }));
        const root = document.createElement("div");
        root.id = "untrusted";
        document.body.append(root);
        const problems = [];
        window.__messages = [];
        window.addEventListener("message", (event) => window.__messages.push(event.data));
        const renderer = new Host(root, () => {}, { key: "untrusted", trusted: false,
          onProblem: (m) => problems.push(m) });
        await renderer.mount(JSON.parse(JSON.stringify(layout).replaceAll("BLOB", blob)));
        Object.assign(window, { __renderer: renderer, __problems: problems, __blob: blob });
        await new Promise((resolve) => setTimeout(resolve, wait));
        return problems.map((p) => p.replace(blob, "BLOB"));
    }""",
        [layout, wait],
    )


SRCDOC = (
    "<script>try { parent.window.__pwned = 1; parent.localStorage.setItem('pwned', '1') }"
    " catch (e) { parent.postMessage('isolated', '*') }</script>"
)


@pytest.mark.parametrize("sandbox", [None, "allow-scripts allow-same-origin allow-top-navigation"])
def test_untrusted_iframe_srcdoc_runs_only_in_an_opaque_origin(page, site, sandbox):
    props = {"id": "frame", "srcDoc": SRCDOC, **({"sandbox": sandbox} if sandbox else {})}
    mount_untrusted(page, site, html_component("Iframe", **props))
    assert page.evaluate("() => window.__pwned") is None
    tokens = page.locator("#untrusted iframe").get_attribute("sandbox").split()
    assert "allow-same-origin" not in tokens and not any(t.startswith("allow-top-navigation") for t in tokens)
    assert "allow-scripts" in tokens
    page.wait_for_function("() => window.__messages.includes('isolated')")  # it ran, sandboxed
    assert_no_script_ran(page, site)


@pytest.mark.parametrize(
    "kind, prop, tag, attribute",
    [
        ("Iframe", "src", "iframe", "src"),
        ("Embed", "src", "embed", "src"),
        ("ObjectEl", "data", "object", "data"),
    ],
)
def test_untrusted_same_origin_blob_documents_are_refused(page, site, kind, prop, tag, attribute):
    problems = mount_untrusted(page, site, html_component(kind, id="x", **{prop: "BLOB"}))
    assert_no_script_ran(page, site)
    assert page.locator(f"#untrusted {tag}").get_attribute(attribute) == "about:blank"
    assert problems == ["Dangerous link detected: BLOB"]


@pytest.mark.parametrize("url", ["BLOB", "data:text/html,<script>alert(1)</script>", JS_URL])
def test_untrusted_links_to_blob_data_or_javascript_are_refused(page, site, url):
    problems = mount_untrusted(page, site, html_component("A", "go", id="link", href=url), wait=100)
    href = page.locator("#untrusted a").get_attribute("href")
    page.locator("#untrusted a").click()
    page.wait_for_timeout(500)
    assert_no_script_ran(page, site)
    assert href == "about:blank"
    assert problems == [f"Dangerous link detected: {url}"]


def test_untrusted_script_handlers_and_names(page, site):
    img = html_component("Img", src="x", id="img", onerror=PWNED, onClick=PWNED)
    div = html_component("Div", "names", id="names", **{"data-a b": "1", 'data-x"><img src=x onerror=alert(1)>': "1"})
    layout = html_component("Div", [html_component("Script", PWNED, id="script"), img, div])
    mount_untrusted(page, site, layout)
    assert page.locator("#untrusted script").count() == 0
    assert page.locator("#untrusted img").evaluate("(e) => e.getAttributeNames().sort()") == ["id", "src"]
    assert page.locator("#untrusted #names").evaluate("(e) => e.getAttributeNames()") == ["id"]
    page.locator("#untrusted img").click()
    assert_no_script_ran(page, site)


def test_untrusted_elements_cannot_hide_the_documents_own_properties(page, site):
    """DOM clobbering: a named <img>/<form>/… is a property of the document, over its built-in ones, so
    `<form name="querySelectorAll">` would break every script of the page."""
    layout = html_component(
        "Div",
        [
            html_component("Img", src="x.png", name="querySelectorAll", id="createElement"),
            html_component("Form", name="baseURI", id="form"),
            html_component("Img", src="x.png", name="fine", id="img"),
        ],
    )
    mount_untrusted(page, site, layout, wait=100)
    assert page.evaluate("() => typeof document.querySelectorAll") == "function"
    assert page.evaluate("() => typeof document.createElement") == "function"
    assert page.evaluate("() => typeof document.baseURI") == "string"
    assert page.evaluate("() => document.fine.id") == "img"  # other names are kept


def test_untrusted_updates_go_through_the_same_rules(page, site):
    """A callback's output is checked as the first drawing was: a link set to a blob: URL, an iframe whose
    sandbox a callback removes, a Script whose text a callback sets."""
    layout = html_component(
        "Div",
        [
            html_component("A", "go", id="link", href="https://example.org/"),
            html_component("Iframe", id="frame", sandbox="allow-scripts"),
            html_component("Script", "", id="script"),
        ],
    )
    mount_untrusted(page, site, layout, wait=100)
    page.evaluate(
        """async (srcdoc) => {
        window.__renderer.update([{ id: "link", props: { href: window.__blob, onclick: "window.__pwned = 1" } },
          { id: "frame", props: { sandbox: null, srcDoc: srcdoc } },
          { id: "script", props: { children: "window.__pwned = 1" } }]);
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }""",
        SRCDOC,
    )
    link = page.locator("#untrusted a")
    assert link.evaluate("(a) => a.getAttributeNames()") == ["id", "href"]
    assert link.get_attribute("href") == "about:blank"
    assert page.evaluate("() => window.__problems.length") == 1
    assert page.locator("#untrusted iframe").get_attribute("sandbox") == "allow-scripts allow-forms allow-popups"
    page.wait_for_function("() => window.__messages.includes('isolated')")
    assert page.locator("#untrusted script").count() == 0
    assert (
        page.locator("#untrusted template").evaluate("(t) => t.textContent + t.content.textContent")
        == "window.__pwned = 1"
    )
    link.click()
    page.wait_for_timeout(500)
    assert_no_script_ran(page, site)
