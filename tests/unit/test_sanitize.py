"""Props reach Dash's components as Dash renders them (issues 10, 12): Dash's URL cleaning, React's attribute-name
rule, no event handlers, untrusted apps kept off the course's origin. sanitize.js is the one place these rules
live (the page and the build's server render both use it); it is checked here under Node, and its clean_url
against Dash's own, cut from Dash's renderer bundle."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SANITIZE_JS = ROOT / "runtime/livedash/web/sanitize.js"
DASH_RENDERER = ROOT / ".venv-dash/lib/python3.11/site-packages/dash/dash-renderer/build/dash_renderer.dev.js"
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")

# URL -> what Dash 4.4.1's clean_url makes of it.
URLS = {
    "javascript:alert(1)": "about:blank",
    " javascript:alert(1)": "about:blank",
    "java\tscript:alert(1)": "about:blank",
    "java\nscript:alert(1)": "about:blank",
    "\x01 JaVa\tScRiPt:alert(1)": "about:blank",
    "&#106;avascript:alert(1)": "about:blank",
    "&#106avascript:alert(1)": "&#106avascript:alert(1)",  # (\w+ takes "106avascript": NaN, "\0")
    "&#0x6A;avascript:alert(1)": "about:blank",
    "jav&tab;ascript:alert(1)": "about:blank",
    "jav&NewLine;ascript:alert(1)": "about:blank",
    "JAVASCRIPT:alert(1)": "about:blank",
    "\u200bjavascript:alert(1)": "about:blank",
    "\ufeffjavascript:alert(1)": "about:blank",
    "https://x.org/\u2028javascript:alert(1)": "about:blank",  # JavaScript's /m: a line starts after U+2028
    "https://x.org/&#10;javascript:alert(1)": "about:blank",
    "vbscript:msgbox(1)": "about:blank",
    "javascript-tutorial.html": "about:blank",  # (Dash's rule needs no colon)
    "data:text/html,<script>alert(1)</script>": "data:text/html,<script>alert(1)</script>",
    "https://ok": "https://ok",
    "/relative": "/relative",
    "#frag": "#frag",
    "": "",
    "&#1e400;": "&#1e400;",
    "javajavascript": "javajavascript",
    "java\u017fcript:alert(1)": "java\u017fcript:alert(1)",  # no ASCII case folding of ſ, as in JavaScript
    "mailto:a@b.org": "mailto:a@b.org",
}


def node(script, data):
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


READ_STDIN = "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
IMPORT = f"const js = await import({json.dumps(SANITIZE_JS.as_uri())});"
STDIN = "import { readFileSync } from 'fs'; const data = JSON.parse(readFileSync(0, 'utf8'));"


def test_clean_url_is_dashs_rule():
    got = node(IMPORT + STDIN + "console.log(JSON.stringify(data.map((u) => js.cleanUrl(u))));", list(URLS))
    assert dict(zip(URLS, got, strict=True)) == URLS


def test_clean_url_agrees_with_dash_renderer():
    """Dash's own clean_url (cut from its renderer bundle) and sanitize.js's give the same."""
    if not DASH_RENDERER.exists():
        pytest.skip("needs .venv-dash (real Dash)")
    bundle = DASH_RENDERER.read_text(encoding="utf-8")
    start = bundle.index("var invalidProtocols = ")
    dash_code = bundle[start : bundle.index("var dc = window.dash_clientside", start)]
    urls = list(URLS) + [
        "&#x6A;avascript:x",
        "&#0b1101010;avascript:x",
        "&#65642;avascript:x",
        "&#Infinity;x",
        "&#1_0;javascript:x",
        "\u3000javascript:x",
        "\u00a0\u2029 vbscript:x",
        "a\rjavascript:x",
    ]
    script = (
        "import { createRequire } from 'module'; const require = createRequire(import.meta.url);"
        + READ_STDIN
        + dash_code
        + IMPORT
        + "console.log(JSON.stringify(data.map((u) => [clean_url(u), js.cleanUrl(u)])));"
    )
    for url, (dash, ours) in zip(urls, node(script, urls), strict=True):
        assert ours == dash, repr(url)


NAMES = {
    "data-ok": True,
    "aria-label": True,
    "href": True,
    "xlink:href": True,
    ":x": True,
    "data-é": True,
    "data-a b": False,
    'data-x"><img src=x onerror=alert(1)>': False,
    "onclick": False,
    "onError": False,
    "ONLOAD": False,
    "on": False,
    "1a": False,
    "": False,
    "a=b": False,
    "a/b": False,
    "data-x>": False,
    "a\u0000b": False,
}


def test_attribute_names_follow_react():
    got = node(IMPORT + STDIN + "console.log(JSON.stringify(data.map((n) => js.attributeAllowed(n))));", list(NAMES))
    assert dict(zip(NAMES, got, strict=True)) == NAMES


def safe_attribute(cases):
    """sanitize.js's safeAttribute for each (tag, prop, value, trusted): [attribute or None, problems]."""
    script = (
        IMPORT + STDIN + "console.log(JSON.stringify(data.map(([tag, prop, value, trusted]) => {"
        "  const problems = [];"
        "  const attribute = js.safeAttribute(tag, prop, value, { trusted, report: (m) => problems.push(m),"
        "    warn: (m) => problems.push(m) });"
        "  return [attribute, problems]; })));"
    )
    return node(script, cases)


# (tag, prop, value, trusted) cases; both implementations must give the same attribute and problems.
CASES = [
    ("a", "href", "javascript:alert(1)", True),
    ("a", "href", "https://ok", True),
    ("a", "href", "javascript-tutorial.html", True),
    ("area", "href", "javascript-tutorial.html", True),
    ("area", "href", "javascript:x", True),
    ("img", "src", "javascript-logo.png", True),
    ("img", "src", " javascript:x", True),
    ("a", "href", "blob:https://x/1", True),
    ("a", "href", "blob:https://x/1", False),
    ("a", "href", "data:text/html,x", False),
    ("a", "href", "data/file.csv", False),
    ("a", "href", " FileSystem:x", False),
    ("iframe", "src", "data:text/html,x", False),
    ("iframe", "src", "data:text/html,x", True),
    ("embed", "src", "https://ok/x.pdf", False),
    ("embed", "src", "x.pdf", False),
    ("embed", "src", "ftp://x/y", False),
    ("object", "data", "blob:x", False),
    ("object", "data", "blob:x", True),
    ("img", "src", "data:image/png;base64,AAAA", False),
    ("img", "src", "blob:x", False),
    ("form", "action", "javascript:x", True),
    ("button", "formAction", "&#106;avascript:x", True),
    ("input", "formAction", "data:x", False),
    ("video", "poster", "javascript:x", True),
    ("iframe", "sandbox", None, False),
    ("iframe", "sandbox", "allow-scripts ALLOW-SAME-ORIGIN allow-modals", False),
    ("iframe", "sandbox", "allow-same-origin", True),
    ("iframe", "sandbox", True, False),
    ("iframe", "srcDoc", "<script>x</script>", True),
    ("meta", "httpEquiv", "refresh", True),
    ("meta", "http-equiv", "refresh", False),
    ("div", "onClick", "x", True),
    ("img", "onerror", "x", False),
    ("div", "data-a b", "1", True),
    ("div", "className", "c", True),
    ("label", "htmlFor", "x", True),
    ("div", "id", {"b": 1, "a": "x"}, True),
    ("div", "style", {"fontSize": 12, "opacity": 0.5}, True),
    ("div", "style", "color: red", True),
    ("div", "hidden", True, True),
    ("div", "hidden", False, True),
    ("div", "tabIndex", 3.0, True),
    ("div", "data-Up", "U", True),
    ("div", "href", None, True),
]


@pytest.mark.parametrize("tag, prop, value, trusted", CASES)
def test_safe_attribute(tag, prop, value, trusted):
    [[attribute, problems]] = safe_attribute([[tag, prop, value, trusted]])
    if prop.lower().startswith("on"):
        assert attribute is None and problems == []
    if prop in ("href", "src", "action", "formAction", "data", "poster") and value:
        refused = attribute[1] == "about:blank"
        assert problems == ([f"Dangerous link detected: {value}"] if refused else [])
    if tag == "iframe" and prop == "sandbox" and not trusted:
        assert "allow-same-origin" not in attribute[1].lower()


def test_the_rules_that_matter():
    expected = [
        (("area", "href", "javascript-tutorial.html", True), [["href", "javascript-tutorial.html"], []]),
        (("a", "href", "blob:https://x/1", True), [["href", "blob:https://x/1"], []]),
        (("a", "href", "data/file.csv", False), [["href", "data/file.csv"], []]),
        (("embed", "src", "x.pdf", False), [["src", "x.pdf"], []]),
        (("img", "src", "data:image/png;base64,AAAA", False), [["src", "data:image/png;base64,AAAA"], []]),
        (("iframe", "sandbox", None, False), [["sandbox", "allow-scripts allow-forms allow-popups"], []]),
        (("iframe", "srcDoc", "<script>x</script>", True), [["srcdoc", "<script>x</script>"], []]),
        (("meta", "http-equiv", "refresh", False), [None, ["<meta http-equiv> dropped in an untrusted app"]]),
        (("div", "data-a b", "1", True), [None, ["invalid attribute name `data-a b` dropped (on <div>)"]]),
        (("div", "id", {"b": 1, "a": "x"}, True), [["id", '{"a":"x","b":1}'], []]),
        (("div", "hidden", False, True), [["hidden", None], []]),
    ]
    got = safe_attribute([list(case) for case, _ in expected])
    for (case, want), answer in zip(expected, got, strict=True):
        assert answer == want, case
    refused = safe_attribute(
        [
            ["a", "href", "javascript-tutorial.html", True],
            ["a", "href", "blob:https://x/1", False],
            ["embed", "src", "ftp://x/y", False],
        ]
    )
    assert [attribute[1] for attribute, _ in refused] == ["about:blank"] * 3  # as Dash, and link code's rules
    tokens = node(
        IMPORT + STDIN + "console.log(JSON.stringify(js.sandboxTokens(data)));",
        "allow-scripts allow-top-navigation-by-user-activation allow-popups-to-escape-sandbox",
    )
    assert tokens == "allow-scripts"


def test_props_reach_components_without_handlers_or_script_urls():
    """safeProps: what tree.js hands to Dash's components (an html element, a dcc component, untrusted)."""
    cases = [
        ["dash_html_components", "A", {"href": " JaVaScRiPt:alert(1)", "onClick": "x()", "children": "a"}, True],
        ["dash_html_components", "Img", {"src": "x", "onerror": "x()", "data-a b": "1", "data-ok": "1"}, True],
        ["dash_html_components", "ObjectEl", {"data": "blob:x"}, False],
        ["dash_core_components", "Markdown", {"children": "x", "dangerously_allow_html": True}, False],
        ["dash_core_components", "Input", {"value": "v", "dangerouslySetInnerHTML": {"__html": "<b>"}}, True],
    ]
    script = (
        IMPORT + STDIN + "console.log(JSON.stringify(data.map(([ns, type, props, trusted]) => {"
        "  const problems = [];"
        "  const out = js.safeProps(ns, type, props, { trusted, report: (m) => problems.push(m) });"
        "  return [out, problems]; })));"
    )
    got = node(script, cases)
    assert got[0] == [{"href": "about:blank", "children": "a"}, ["Dangerous link detected:  JaVaScRiPt:alert(1)"]]
    assert got[1][0] == {"src": "x", "data-ok": "1"}
    assert got[2][0] == {"data": "about:blank"}
    assert got[3][0] == {"children": "x", "dangerously_allow_html": False}
    assert got[4][0] == {"value": "v"}
