"""dcc.Markdown: CommonMark (markdown-it-py) parsed into a tree of allowed tags, never the reader's HTML."""

import re
from pathlib import Path

import pytest

from livedash import markdown
from livedash.markdown import to_tree, tree_html

from .helpers import client

MARKDOWN_JS = Path(markdown.__file__).with_name("web") / "markdown.js"


def test_blocks_and_inline_marks():
    tree = to_tree("""
        # Title
        Some **bold**, *italic* and `code`.

        - one
        - [two](https://example.org/x?a=1&b=2 "the title")

        3. first
        4. second

        > quoted

        ---
        ```python
        a < b
        ```
        ![an *image*](pic.png) and a break\\
        here
    """)
    assert tree == [
        ["h1", {}, "Title"],
        ["p", {}, "Some ", ["strong", {}, "bold"], ", ", ["em", {}, "italic"], " and ", ["code", {}, "code"], "."],
        ["ul", {}, ["li", {}, "one"],
         ["li", {}, ["a", {"href": "https://example.org/x?a=1&b=2", "title": "the title"}, "two"]]],
        ["ol", {"start": "3"}, ["li", {}, "first"], ["li", {}, "second"]],
        ["blockquote", {}, ["p", {}, "quoted"]],
        ["hr", {}],
        ["pre", {}, ["code", {"class": "language-python"}, "a < b\n"]],
        ["p", {}, ["img", {"src": "pic.png", "alt": "an image"}], " and a break", ["br", {}], "\nhere"],
    ]
    assert tree_html(tree) == (
        '<h1>Title</h1><p>Some <strong>bold</strong>, <em>italic</em> and <code>code</code>.</p>'
        '<ul><li>one</li><li><a href="https://example.org/x?a=1&amp;b=2" title="the title">two</a></li></ul>'
        '<ol start="3"><li>first</li><li>second</li></ol><blockquote><p>quoted</p></blockquote><hr>'
        '<pre><code class="language-python">a &lt; b\n</code></pre>'
        '<p><img src="pic.png" alt="an image"> and a break<br>\nhere</p>')


def test_children_as_a_list_and_dedent_as_dash_reads_them():
    # Dash joins a list of strings with line breaks, and dedents unless dedent=False.
    assert to_tree(["# a", "- b"]) == [["h1", {}, "a"], ["ul", {}, ["li", {}, "b"]]]
    assert to_tree("    indented") == [["p", {}, "indented"]]
    assert to_tree("    indented", dedent_source=False) == [["pre", {}, ["code", {}, "indented\n"]]]
    assert to_tree(None) == [] and to_tree("") == []


def test_a_code_span_in_a_link_target_is_no_attribute():
    # The hand-written renderer put the code span back after escaping quotes: onmouseover became an attribute.
    tree = to_tree('[x](`" onmouseover="alert(1)`)')
    assert tree == [["p", {}, "[x](", ["code", {}, '" onmouseover="alert(1)'], ")"]]
    assert tree_html(tree) == '<p>[x](<code>" onmouseover="alert(1)</code>)</p>'


def test_nul_markers_in_the_text_are_text():
    # The hand-written renderer used "\x00N\x00" as its own markers: such text raised IndexError.
    assert to_tree("a \x000\x00 `b` \x005\x00") == [["p", {}, "a \ufffd0\ufffd ", ["code", {}, "b"], " \ufffd5\ufffd"]]


@pytest.mark.parametrize("source", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">',
                                    'text <img src=x onerror="alert(1)"> inline', "<b>bold?</b>"])
def test_html_in_the_text_is_shown_as_text(source):
    tree = to_tree(source)
    assert tree == [["p", {}, source]]
    html = tree_html(tree)
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "&lt;" in html


@pytest.mark.parametrize("source", ["[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](vbscript:x)",
                                    "[x](file:///etc/passwd)", "[x](<data:text/html,<script>alert(1)</script>>)",
                                    "[x](&#106;avascript:alert(1))", "<javascript:alert(1)>", "[x]: javascript:y\n\n[x]"])
def test_script_links_are_no_links(source):
    html = tree_html(to_tree(source))
    assert "<a" not in html, html


def test_a_forged_tree_keeps_to_its_tags_and_attributes():
    # What a worker could send (code from a share link can post anything): prerender's twin of markdown.js.
    forged = [["img", {"src": "x", "onerror": "alert(1)"}], ["script", {}, "alert(1)"],
              ["a", {"href": "javascript:alert(1)", "style": "x"}, "go"], ["p", {"onclick": "x"}, ["b", {}, "t"]]]
    assert tree_html(forged) == '<img src="x">alert(1)<a href="about:blank">go</a><p>t</p>'


def test_raw_html_only_when_allowed_and_as_html_only_when_trusted():
    source = 'a <b>bold</b>\n\n<img src=x onerror="alert(1)">'
    assert to_tree(source) == to_tree(source, allow_html=False)
    assert "#html" not in repr(to_tree(source))
    tree = to_tree(source, allow_html=True)
    assert tree == [["p", {}, "a ", ["#html", {}, "<b>"], "bold", ["#html", {}, "</b>"]],
                    ["#html", {}, '<img src=x onerror="alert(1)">']]
    assert tree_html(tree) == '<p>a <b>bold</b></p><img src=x onerror="alert(1)">'          # the author's code
    assert tree_html(tree, trusted=False) == ('<p>a &lt;b&gt;bold&lt;/b&gt;</p>'           # a share link's
                                              '&lt;img src=x onerror="alert(1)"&gt;')


def test_text_and_attributes_are_escaped_as_browsers_write_them():
    # innerHTML writes a no-break space as &nbsp; and leaves quotes alone in text: the build must too.
    tree = to_tree('a&nbsp;"b" & <c> [l](/x "t&nbsp;\'q\' <>")')
    assert tree_html(tree) == ('<p>a&nbsp;"b" &amp; &lt;c&gt; '
                               '<a href="/x" title="t&nbsp;\'q\' &lt;&gt;">l</a></p>')


def test_the_page_allows_the_same_tags_and_attributes():
    # web/markdown.js holds its own copy of the lists (it cannot import Python's).
    text = MARKDOWN_JS.read_text(encoding="utf-8")
    tags = re.search(r"TAGS = new Set\(\[(.*?)\]\)", text, re.S).group(1)
    assert set(re.findall(r'"(\w+)"', tags)) == markdown.TAGS
    attributes = re.search(r"ATTRIBUTES = \{(.*?)\};", text, re.S).group(1)
    assert {tag: tuple(re.findall(r'"(\w+)"', names)) for tag, names in
            re.findall(r"(\w+): \[(.*?)\]", attributes)} == markdown.ATTRIBUTES


def test_link_target_and_a_markdown_written_by_a_callback():
    assert to_tree("[a](/b)", link_target="_blank") == [["p", {}, ["a", {"href": "/b", "target": "_blank"}, "a"]]]
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), dcc.Markdown("*start*", id="md")])

        @callback(Output("md", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def f(n):
            return f"**{n} clicks**"
    """)
    c.click("b")
    [patch] = [p for p in c.session.last_patches if p["id"] == "md"]
    assert patch["component"] == {"markdown": [["p", {}, ["strong", {}, "1 clicks"]]]}
    assert c.session.layout_json()["props"]["children"][1]["markdown"] == [["p", {}, ["strong", {}, "1 clicks"]]]
    assert "html" not in c.session.layout_json()["props"]["children"][1]


def test_the_component_honours_dangerously_allow_html_dedent_and_link_target():
    c = client("""
        app = Dash()
        app.layout = html.Div([dcc.Markdown("  <i>x</i> [a](/b)", id="raw", dangerously_allow_html=True,
                                            link_target="_top", dedent=False),
                               dcc.Markdown("<i>x</i>", id="text")])
    """)
    raw, text = c.session.layout_json()["props"]["children"]
    assert raw["markdown"] == [["p", {}, ["#html", {}, "<i>"], "x", ["#html", {}, "</i>"], " ",
                                ["a", {"href": "/b", "target": "_top"}, "a"]]]
    assert text["markdown"] == [["p", {}, "<i>x</i>"]]


def test_the_runtime_imports_markdown_it_only_for_a_markdown():
    import subprocess
    import sys
    code = ("import sys; from livedash.kernel import Kernel; from livedash.testing import Client; "
            "print('markdown_it' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
