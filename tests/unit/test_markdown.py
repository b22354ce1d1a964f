"""dcc.Markdown's renderer: the Markdown a lesson uses, and never the reader's HTML."""

from livedash.markdown import to_html

from .helpers import client


def test_blocks_and_inline_marks():
    html = to_html("""
        # Title
        Some **bold**, *italic* and `code`.

        - one
        - [two](https://example.org/x?a=1&b=2)

        1. first
        2. second

        > quoted

        ---
        ```
        a < b
        ```
    """)
    assert html == ('<h1>Title</h1><p>Some <strong>bold</strong>, <em>italic</em> and <code>code</code>.</p>'
                    '<ul><li>one</li><li><a href="https://example.org/x?a=1&amp;b=2">two</a></li></ul>'
                    '<ol><li>first</li><li>second</li></ol><blockquote><p>quoted</p></blockquote><hr>'
                    '<pre><code>a &lt; b</code></pre>')


def test_html_and_script_links_stay_text():
    html = to_html('<img src=x onerror="alert(1)"> [go](javascript:alert(1)) `<b>`')
    assert "<img" not in html and "&lt;img" in html
    assert 'href="javascript' not in html
    assert "<code>&lt;b&gt;</code>" in html


def test_link_target_and_a_markdown_written_by_a_callback():
    assert to_html("[a](/b)", link_target="_blank") == '<p><a href="/b" target="_blank">a</a></p>'
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), dcc.Markdown("*start*", id="md")])

        @callback(Output("md", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            return f"**{n} clicks**"
    """)
    c.click("b")
    [patch] = [p for p in c.session.last_patches if p["id"] == "md"]
    assert patch["component"] == {"html": "<p><strong>1 clicks</strong></p>"}
    assert c.session.layout_json()["props"]["children"][1]["html"] == "<p><strong>1 clicks</strong></p>"
