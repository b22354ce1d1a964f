"""dcc.Markdown runs no script on the course's origin (issue 10): its text is parsed in Python (markdown-it-py)
into a tree, and the page builds the DOM from that tree itself, keeping to CommonMark's tags.

Attacks in the text stay text (in the build's pre-render, in the page's render and after a callback), and a
forged message (Python in the worker can post anything) cannot add a tag, a handler or HTML. After each test
``window.__pwned`` is undefined and ``localStorage`` has no "pwned"."""

import re

import pytest

from tests.e2e.conftest import wait_ready
from tests.server import SiteServer
from tests.sites import build, make_site

PWNED = "window.__pwned=1;localStorage.setItem('pwned','1')"

EXAMPLE = f'''\
from dash import Dash, html, dcc, callback, Input, Output

ATTACKS = """
# Attacks

<script>{PWNED}</script>

<img src="x" onerror="{PWNED}">

[hover me](`" onmouseover="{PWNED}`) and [click me](javascript:{PWNED}) and
a \\x000\\x00 marker, text <img src=x onerror="{PWNED}"> inline.
"""

RICH = """
## Rich&nbsp;text

Some **bold**, *em*, `code <b>`, a [link](https://example.org/?a=1&b=2 "say \\\\"hi\\\\" <now>") and
![an *image*](data:image/gif;base64,R0lGODlhAQABAAAAACw= "pic")\\\\
a hard break above; "quotes" & 'apostrophes' stay.

3. three
4. four

> quoted

```python
x = "<y>"
```
---
"""

app = Dash()
app.layout = html.Div([
    html.Button("again", id="again"),
    dcc.Markdown(ATTACKS, id="attacks"),
    dcc.Markdown(RICH, id="rich", link_target="_blank"),
    dcc.Markdown("raw <b>bold</b> by the author", id="raw", dangerously_allow_html=True),
])


@callback(Output("attacks", "children"), Input("again", "n_clicks"), prevent_initial_call=True)
def again(n):
    return ATTACKS + f"\\n\\nround {{n}}"
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("markdown-security"),
                     {"index.md": '# Markdown\n\n```dash file="examples/app.py"\n```\n'}, {"app.py": EXAMPLE},
                     plugin={"diagram": False})
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    with SiteServer(root / "site") as server:
        yield server.url, root / "site"


def assert_no_script_ran(page):
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => localStorage.getItem('pwned')") is None


def assert_attacks_are_text(widget):
    attacks = widget.locator("#attacks")
    assert attacks.locator("script, img, a").count() == 0
    assert attacks.evaluate("(el) => [...el.querySelectorAll('*')].flatMap((e) => e.getAttributeNames())") == []
    text = attacks.inner_text()
    assert f"<script>{PWNED}</script>" in text and f'<img src="x" onerror="{PWNED}">' in text
    assert f"[click me](javascript:{PWNED})" in text and "a \ufffd0\ufffd marker" in text
    attacks.locator("code").hover()                   # where the hand-written renderer put onmouseover
    attacks.get_by_text("click me", exact=False).click()


def test_attacks_in_the_text_stay_text_and_the_page_draws_what_the_build_did(page, site):
    url, folder = site
    built = re.search(r'<div class="livedash-app"[^>]*>(.*?)</div><div class="livedash-error"',
                      (folder / "index.html").read_text(encoding="utf-8"), re.S).group(1)
    page.goto(url)
    widget = page.locator(".livedash").first
    wait_ready(widget)
    # The tree Python made in Pyodide, drawn by markdown.js, is byte for byte the build's pre-render.
    assert widget.locator(".livedash-app").evaluate("(el) => el.innerHTML") == built.replace("&#x27;", "'")
    assert widget.locator("#rich h2").inner_text() == "Rich\u00a0text"
    assert widget.locator("#rich a").evaluate("(a) => [a.href, a.title, a.target]") == [
        "https://example.org/?a=1&b=2", 'say "hi" <now>', "_blank"]
    assert widget.locator("#rich img").get_attribute("alt") == "an image"
    assert widget.locator("#raw b").inner_text() == "bold"     # the course's own code may ask for HTML
    assert_attacks_are_text(widget)
    widget.locator("#again").click()                           # the same text, written by a callback
    page.wait_for_function("() => document.querySelector('#attacks').textContent.includes('round 1')")
    assert_attacks_are_text(widget)
    page.wait_for_timeout(300)
    assert_no_script_ran(page)
    assert page.errors == []


FORGED = [
    ["img", {"src": "x", "onerror": PWNED}],
    ["script", {}, PWNED],
    ["#html", {}, f'<img src="x" onerror="{PWNED}">'],
    ["a", {"href": f"javascript:{PWNED}", "onclick": PWNED}, "click me"],
    ["p", {"style": "background: url(x)"}, ["iframe", {"srcdoc": f"<script>parent.{PWNED}</script>"}, "frame"]],
]


def mount(page, tree, trusted, html=None):
    """Mount a Markdown whose JSON holds ``tree`` (and an old-style ``html``) with a Renderer of that trust,
    wait for its images to fail, and give the markup drawn (its links are not clicked: about:blank would
    leave the page)."""
    return page.evaluate("""async ([tree, trusted, html]) => {
        const { Renderer } = await import(new URL('assets/livedash/renderer.js', location).href);
        const root = document.createElement("div");
        document.body.append(root);
        const renderer = new Renderer(root, () => {}, { trusted });
        const markdown = { namespace: "dash_core_components", type: "Markdown", props: { id: "forged" }, markdown: tree };
        if (html !== null) markdown.html = html;
        renderer.mount(markdown);
        await Promise.all([...root.querySelectorAll("img")].map((img) => img.decode().catch(() => {})));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const drawn = root.innerHTML;
        root.remove();
        return drawn;
    }""", [tree, trusted, html])


def test_a_forged_tree_draws_no_script_in_an_untrusted_renderer(page, site):
    page.goto(site[0])
    drawn = mount(page, FORGED, False, html=f'<img src="x" onerror="{PWNED}">')
    assert drawn == ('<div class="dash-markdown" id="forged"><img src="x">' + PWNED
                     + '&lt;img src="x" onerror="' + PWNED + '"&gt;<a href="about:blank">click me</a><p>frame</p></div>')
    assert_no_script_ran(page)


def test_raw_html_is_html_only_in_a_trusted_renderer(page, site):
    page.goto(site[0])
    tree = [["p", {}, "a ", ["#html", {}, "<b>"], "bold", ["#html", {}, "</b>"], " word"]]
    assert mount(page, tree, True) == '<div class="dash-markdown" id="forged"><p>a <b>bold</b> word</p></div>'
    assert mount(page, tree, False) == '<div class="dash-markdown" id="forged"><p>a &lt;b&gt;bold&lt;/b&gt; word</p></div>'
    assert_no_script_ran(page)
