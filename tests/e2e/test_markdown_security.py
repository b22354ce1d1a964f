"""dcc.Markdown runs no script on the course's origin (issues 10 and 12): it is drawn by Dash's own component
(react-markdown, in the page and in the build's server render), which never draws raw HTML unless the app asks
with dangerously_allow_html=True, and code from a share link cannot ask (the untrusted host turns it off).

Attacks in the text do nothing (in the first view, in the page's render and after a callback). After each test
``window.__pwned`` is undefined and ``localStorage`` has no "pwned"."""

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
    root = make_site(
        tmp_path_factory.mktemp("markdown-security"),
        {"index.md": '# Markdown\n\n```dash file="examples/app.py"\n```\n'},
        {"app.py": EXAMPLE},
        plugin={"diagram": False},
    )
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    with SiteServer(root / "site") as server:
        yield server.url, root / "site"


def assert_no_script_ran(page):
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => localStorage.getItem('pwned')") is None


HANDLERS = "(el) => [...el.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()).filter((n) => /^on/i.test(n))"


def assert_attacks_do_nothing(page, widget):
    attacks = widget.locator("#attacks")
    attacks.wait_for()
    assert attacks.locator("script, img").count() == 0
    assert attacks.evaluate(HANDLERS) == []
    # (react-markdown, in Dash as here, writes an unsafe link as the harmless "javascript:void(0)")
    for href in attacks.locator("a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))"):
        assert "pwned" not in (href or "") and not (
            (href or "").lower().lstrip().startswith("javascript:") and href != "javascript:void(0)"
        ), href
    attacks.locator("code").first.hover()
    attacks.get_by_text("click me", exact=False).click()
    page.wait_for_timeout(300)
    assert_no_script_ran(page)


def test_attacks_in_the_text_do_nothing_and_rich_text_is_drawn(page, site):
    url, folder = site
    page.goto(url)
    widget = page.locator(".livedash").first
    wait_ready(widget)
    assert_attacks_do_nothing(page, widget)
    assert widget.locator("#rich h2").inner_text() == "Rich\u00a0text"
    assert widget.locator("#rich a").first.evaluate("(a) => a.href") == "https://example.org/?a=1&b=2"
    assert "<now>" in widget.locator("#rich a").first.evaluate("(a) => a.title")  # text, as Dash's Markdown keeps it
    assert "image" in widget.locator("#rich img").get_attribute("alt")
    assert widget.locator("#raw b").inner_text() == "bold"  # the course's own code may ask for HTML
    # A callback's new text goes through the same component.
    page.goto(url)
    widget = page.locator(".livedash").first
    wait_ready(widget)
    widget.locator("#again").click()
    page.wait_for_function("() => document.querySelector('#attacks').innerText.includes('round 1')")
    assert_attacks_do_nothing(page, widget)


def test_untrusted_code_gets_no_raw_html_from_markdown(page, site):
    """Code from a share link asking for raw HTML gets Dash's escaped Markdown, even with a handler in it."""
    page.goto(site[0])
    drawn = page.evaluate(
        """async ([pwned]) => {
        const { Host } = await import(new URL("assets/livedash/host.js", document.baseURI).href);
        const root = document.createElement("div");
        document.body.append(root);
        const text = `raw <b>bold</b> <img src="x" onerror="${pwned}"> <script>${pwned}</script>`;
        const host = new Host(root, () => {}, { key: "forged", trusted: false });
        await host.mount({ namespace: "dash_core_components", type: "Markdown",
          props: { id: "forged", children: text, dangerously_allow_html: true } });
        for (let i = 0; i < 50 && !root.querySelector("#forged *"); i += 1) {
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        return [root.querySelectorAll("#forged b, #forged img, #forged script").length, root.innerText];
    }""",
        [PWNED],
    )
    assert drawn[0] == 0 and "raw" in drawn[1]
    assert_no_script_ran(page)
