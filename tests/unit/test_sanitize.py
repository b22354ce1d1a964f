"""Props become attributes as Dash renders them (issue 10): Dash's URL cleaning, React's attribute-name rule,
no event handlers, inert Script and Base, untrusted apps kept off the course's origin; the same rules in
the build's pre-render (sanitize.py) and the page's renderer (sanitize.js), checked against each other and
against Dash's own clean_url under Node."""

import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from livedash.components import dcc, html
from livedash.prerender import render
from livedash.sanitize import attribute_allowed, clean_url, safe_attribute, sandbox_tokens
from livedash.store import to_json

ROOT = Path(__file__).resolve().parents[2]
SANITIZE_JS = ROOT / "runtime/livedash/web/sanitize.js"
DASH_RENDERER = ROOT / ".venv-dash/lib/python3.11/site-packages/dash/dash-renderer/build/dash_renderer.dev.js"
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")

# URL -> what Dash 4.4.1's clean_url makes of it.
URLS = {
    "javascript:alert(1)": "about:blank",
    " javascript:alert(1)": "about:blank",
    "java\tscript:alert(1)": "about:blank",
    "java\nscript:alert(1)": "about:blank",
    "\x01 JaVa\tScRiPt:alert(1)": "about:blank",
    "&#106;avascript:alert(1)": "about:blank",
    "&#106avascript:alert(1)": "&#106avascript:alert(1)",       # (\w+ takes "106avascript": NaN, "\0")
    "&#0x6A;avascript:alert(1)": "about:blank",
    "jav&tab;ascript:alert(1)": "about:blank",
    "jav&NewLine;ascript:alert(1)": "about:blank",
    "JAVASCRIPT:alert(1)": "about:blank",
    "\u200bjavascript:alert(1)": "about:blank",
    "\ufeffjavascript:alert(1)": "about:blank",
    "https://x.org/\u2028javascript:alert(1)": "about:blank",   # JavaScript's /m: a line starts after U+2028
    "https://x.org/&#10;javascript:alert(1)": "about:blank",
    "vbscript:msgbox(1)": "about:blank",
    "javascript-tutorial.html": "about:blank",                 # (Dash's rule needs no colon)
    "data:text/html,<script>alert(1)</script>": "data:text/html,<script>alert(1)</script>",
    "https://ok": "https://ok",
    "/relative": "/relative",
    "#frag": "#frag",
    "": "",
    "&#1e400;": "&#1e400;",
    "javajavascript": "javajavascript",
    "java\u017fcript:alert(1)": "java\u017fcript:alert(1)",      # no ASCII case folding of ſ, as in JavaScript
    "mailto:a@b.org": "mailto:a@b.org",
}


@pytest.mark.parametrize("url", URLS)
def test_clean_url_is_dashs_rule(url):
    assert clean_url(url) == URLS[url]


def node(script, data):
    result = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(data),
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


READ_STDIN = "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"


@needs_node
def test_clean_url_agrees_with_dash_renderer_and_sanitize_js():
    """Dash's own clean_url (cut from its renderer bundle), sanitize.js's and sanitize.py's give the same."""
    if not DASH_RENDERER.exists():
        pytest.skip("needs .venv-dash (real Dash)")
    bundle = DASH_RENDERER.read_text(encoding="utf-8")
    start = bundle.index("var invalidProtocols = ")
    dash_code = bundle[start:bundle.index("var dc = window.dash_clientside", start)]
    urls = list(URLS) + ["&#x6A;avascript:x", "&#0b1101010;avascript:x", "&#65642;avascript:x", "&#Infinity;x",
                         "&#1_0;javascript:x", "\u3000javascript:x", "\u00a0\u2029 vbscript:x", "a\rjavascript:x"]
    script = ("import { createRequire } from 'module'; const require = createRequire(import.meta.url);"
              + READ_STDIN + dash_code
              + f"const {{ cleanUrl }} = await import({json.dumps(SANITIZE_JS.as_uri())});"
              + "console.log(JSON.stringify(data.map((u) => [clean_url(u), cleanUrl(u)])));")
    for url, (dash, ours) in zip(urls, node(script, urls)):
        assert ours == dash, repr(url)
        assert clean_url(url) == dash, repr(url)


NAMES = {"data-ok": True, "aria-label": True, "href": True, "xlink:href": True, ":x": True, "data-é": True,
         "data-a b": False, 'data-x"><img src=x onerror=alert(1)>': False, "onclick": False, "onError": False,
         "ONLOAD": False, "on": False, "1a": False, "": False, "a=b": False, "a/b": False, "data-x>": False,
         "a\u0000b": False}


@pytest.mark.parametrize("name", NAMES)
def test_attribute_names_follow_react(name):
    assert attribute_allowed(name) is NAMES[name]


# (tag, prop, value, trusted) cases; both implementations must give the same attribute and problems.
CASES = [
    ("a", "href", "javascript:alert(1)", True), ("a", "href", "https://ok", True),
    ("a", "href", "javascript-tutorial.html", True), ("area", "href", "javascript-tutorial.html", True),
    ("area", "href", "javascript:x", True), ("img", "src", "javascript-logo.png", True),
    ("img", "src", " javascript:x", True), ("a", "href", "blob:https://x/1", True),
    ("a", "href", "blob:https://x/1", False), ("a", "href", "data:text/html,x", False),
    ("a", "href", "data/file.csv", False), ("a", "href", " FileSystem:x", False),
    ("iframe", "src", "data:text/html,x", False), ("iframe", "src", "data:text/html,x", True),
    ("embed", "src", "https://ok/x.pdf", False), ("embed", "src", "x.pdf", False),
    ("embed", "src", "ftp://x/y", False), ("object", "data", "blob:x", False), ("object", "data", "blob:x", True),
    ("img", "src", "data:image/png;base64,AAAA", False), ("img", "src", "blob:x", False),
    ("form", "action", "javascript:x", True), ("button", "formAction", "&#106;avascript:x", True),
    ("input", "formAction", "data:x", False), ("video", "poster", "javascript:x", True),
    ("iframe", "sandbox", None, False), ("iframe", "sandbox", "allow-scripts ALLOW-SAME-ORIGIN allow-modals", False),
    ("iframe", "sandbox", "allow-same-origin", True), ("iframe", "sandbox", True, False),
    ("iframe", "srcDoc", "<script>x</script>", True), ("meta", "httpEquiv", "refresh", True),
    ("meta", "http-equiv", "refresh", False), ("div", "onClick", "x", True), ("img", "onerror", "x", False),
    ("div", "data-a b", "1", True), ("div", "className", "c", True), ("label", "htmlFor", "x", True),
    ("div", "id", {"b": 1, "a": "x"}, True), ("div", "style", {"fontSize": 12, "opacity": 0.5}, True),
    ("div", "style", "color: red", True), ("div", "hidden", True, True), ("div", "hidden", False, True),
    ("div", "tabIndex", 3.0, True), ("div", "data-Up", "U", True), ("div", "href", None, True),
]


def python_side(tag, prop, value, trusted):
    problems = []
    attribute = safe_attribute(tag, prop, value, trusted=trusted, report=problems.append, warn=problems.append)
    return [list(attribute) if attribute else None, problems]


@pytest.mark.parametrize("tag, prop, value, trusted", CASES)
def test_safe_attribute(tag, prop, value, trusted):
    attribute, problems = python_side(tag, prop, value, trusted)
    if prop.lower().startswith("on"):
        assert attribute is None and problems == []
    if prop in ("href", "src", "action", "formAction", "data", "poster") and value:
        refused = attribute[1] == "about:blank"
        assert problems == ([f"Dangerous link detected: {value}"] if refused else [])
    if tag == "iframe" and prop == "sandbox" and not trusted:
        assert "allow-same-origin" not in attribute[1].lower()


def test_the_rules_that_matter():
    assert python_side("area", "href", "javascript-tutorial.html", True)[0] == ["href", "javascript-tutorial.html"]
    assert python_side("a", "href", "javascript-tutorial.html", True)[0] == ["href", "about:blank"]   # as Dash
    assert python_side("a", "href", "blob:https://x/1", True)[0] == ["href", "blob:https://x/1"]
    assert python_side("a", "href", "blob:https://x/1", False)[0] == ["href", "about:blank"]
    assert python_side("a", "href", "data/file.csv", False)[0] == ["href", "data/file.csv"]
    assert python_side("embed", "src", "ftp://x/y", False)[0] == ["src", "about:blank"]
    assert python_side("embed", "src", "x.pdf", False)[0] == ["src", "x.pdf"]
    assert python_side("img", "src", "data:image/png;base64,AAAA", False)[0] == ["src", "data:image/png;base64,AAAA"]
    assert python_side("iframe", "sandbox", None, False)[0] == ["sandbox", "allow-scripts allow-forms allow-popups"]
    assert python_side("iframe", "srcDoc", "<script>x</script>", True)[0] == ["srcdoc", "<script>x</script>"]
    assert python_side("meta", "http-equiv", "refresh", False) == [None, ["<meta http-equiv> dropped in an untrusted app"]]
    assert python_side("div", "data-a b", "1", True) == [None, ["invalid attribute name `data-a b` dropped (on <div>)"]]
    assert python_side("div", "id", {"b": 1, "a": "x"}, True)[0] == ["id", '{"a":"x","b":1}']
    assert python_side("div", "hidden", False, True)[0] == ["hidden", None]
    assert sandbox_tokens("allow-scripts allow-top-navigation-by-user-activation allow-popups-to-escape-sandbox") \
        == "allow-scripts"


@needs_node
def test_sanitize_js_is_the_twin_of_sanitize_py():
    script = (f"const {{ safeAttribute }} = await import({json.dumps(SANITIZE_JS.as_uri())});"
              "import { readFileSync } from 'fs'; const data = JSON.parse(readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(data.map(([tag, prop, value, trusted]) => {"
              "  const problems = [];"
              "  const attribute = safeAttribute(tag, prop, value, { trusted, report: (m) => problems.push(m),"
              "    warn: (m) => problems.push(m) });"
              "  return [attribute, problems]; })));")
    for case, js in zip(CASES, node(script, CASES)):
        assert js == python_side(*case), case


# ---- the pre-render ----

def prerendered(*components):
    return render(to_json(html.Div(list(components))))


def test_script_and_base_are_inert_templates():
    out = prerendered(html.Script("window.__pwned = 1 </script><b>", id="s", src="javascript:x"),
                      html.Base(href="https://example.invalid/", id="b"))
    assert "<script" not in out and "<base" not in out
    assert out == ('<div><template data-dash-type="Script" id="s" src="about:blank">window.__pwned = 1 '
                   '&lt;/script&gt;&lt;b&gt;</template>'
                   '<template data-dash-type="Base" href="https://example.invalid/" id="b"></template></div>')


def test_event_handlers_and_bad_names_never_reach_the_html(caplog):
    img = html.Img(src="x", id="img")
    img._props["onerror"] = "alert(1)"
    img._props["onClick"] = "alert(1)"
    div = html.Div("names", id="d")
    div._props["data-a b"] = "1"
    div._props['data-x"><img src=x onerror=alert(1)>'] = "1"
    div._props["data-ok"] = "fine"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.livedash"):
        out = prerendered(img, div)
    assert out == '<div><img src="x" id="img"><div id="d" data-ok="fine">names</div></div>'
    warnings = [r.getMessage() for r in caplog.records]
    assert warnings == ["livedash: invalid attribute name `data-a b` dropped (on <div>)",
                        'livedash: invalid attribute name `data-x"><img src=x onerror=alert(1)>` dropped (on <div>)']


def test_urls_are_cleaned_and_reported(caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.livedash"):
        out = prerendered(html.A("a", href=" JaVaScRiPt:alert(1)"), html.Form(action="javascript:x"),
                          html.Button("b", formAction="vbscript:x"), html.Iframe(src="javascript:x"),
                          html.Embed(src="javascript:x"), html.ObjectEl(data="javascript:x"),
                          html.A("ok", href="https://ok/?a=1&b=2"))
    assert out == ('<div><a href="about:blank">a</a><form action="about:blank"></form>'
                   '<button formaction="about:blank">b</button><iframe src="about:blank"></iframe>'
                   '<embed src="about:blank"><object data="about:blank"></object>'
                   '<a href="https://ok/?a=1&amp;b=2">ok</a></div>')
    assert [r.getMessage() for r in caplog.records][0] == \
        "livedash: in an example's layout: Dangerous link detected:  JaVaScRiPt:alert(1)"
    assert len(caplog.records) == 6


def test_objectel_and_mapel_are_object_and_map_as_in_dash():
    assert prerendered(html.ObjectEl(data="x.svg"), html.MapEl(name="m")) == \
        '<div><object data="x.svg"></object><map name="m"></map></div>'


def test_a_name_set_twice_is_written_once_as_the_dom_keeps_it():
    div = html.Div(id="d", className="a")
    div._props["class"] = "b"           # set after className: the DOM keeps the first place, the last value
    div._props["data-Up"] = "U"         # the DOM lower-cases ASCII letters of names
    div._props["data-up"] = None        # and a later None removes it
    div._props["HIDDEN"] = True
    assert prerendered(div) == '<div><div id="d" class="b" hidden=""></div></div>'


def test_dcc_inputs_go_through_the_same_rules():
    field = dcc.Input(id="i", value="v")
    field._props["formAction"] = "javascript:x"
    field._props["onfocus"] = "alert(1)"
    out = prerendered(field)
    assert out == '<div><input class="dash-input" id="i" value="v" formaction="about:blank"></div>'
    assert not re.search(r"\son\w+=", out)
