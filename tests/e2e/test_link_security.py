"""Code from a share link is a stranger's: tried as an attacker would, it runs no script in the course's page.

Each test opens a link to a small site with two widgets (``index/0``, ``index/1``) and ends by checking that
no script of the attacker's ran in the page: the flag ``window.__pwned`` and the localStorage key ``pwned``
(what an attacker on a shared ``user.github.io`` origin is after) stay unset, and the page still works.
"""

import base64
import json
import zlib

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import code_of, eventually, set_code, wait_ready
from tests.server import SiteServer
from tests.sites import COUNTER, build, make_site

PAYLOAD = "window.__pwned = 1; localStorage.setItem('pwned', '1');"
CLIENTSIDE = COUNTER.replace(
    '@callback(Output("count", "children"), Input("btn", "n_clicks"))\ndef update(n):\n    return f"Count: {n or 0}"\n',
    'clientside_callback("function(n) { return \'JS says \' + (n || 0); }", Output("count", "children"), '
    'Input("btn", "n_clicks"))\n',
).replace("callback, Input", "clientside_callback, Input")


def packed(code):
    """The code as a share link carries it: raw deflate, base64url without padding (as codepane.js packs)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = deflate.compress(code.encode()) + deflate.flush()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(
        tmp_path_factory.mktemp("links"),
        {"index.md": '```dash file="examples/first.py"\n```\n\n```dash file="examples/second.py"\n```\n'},
        {"first.py": COUNTER, "second.py": COUNTER},
    )
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    with SiteServer(root / "site") as server:
        yield server.url


def widgets(page):
    return page.locator(".livedash[data-livedash-key='index/0']"), page.locator(
        ".livedash[data-livedash-key='index/1']"
    )


def assert_no_script_ran(page):
    assert page.evaluate("() => [window.__pwned ?? null, localStorage.getItem('pwned')]") == [None, None]


def assert_still_works(page, widget):
    """The widget's own app answers a click (the page was not broken by the link)."""
    wait_ready(widget)
    before = widget.locator("#count").inner_text()
    widget.locator("#btn").click()
    page.wait_for_function(
        "([w, before]) => w.querySelector('#count').textContent !== before", arg=[widget.element_handle(), before]
    )


def open_link(page, site, fragment):
    page.goto(f"{site}#{fragment}")
    return widgets(page)


def test_forged_worker_messages_reach_no_other_widget_and_run_no_script(page, site):
    evil = f"function() {{ {PAYLOAD} return 'x'; }}"
    forged = [
        # An answer for the site's own widget, asking it to run a clientside function.
        {
            "type": "updated",
            "app": "index/0",
            "seq": None,
            "updates": [],
            "trace": [],
            "clientside": {"function": {"source": evil}, "args": [], "context": {}},
        },
        # A layout whose Markdown carries ready-made HTML (a field the protocol does not have).
        {
            "type": "loaded",
            "app": "index/1",
            "trace": [],
            "error": None,
            "problems": [],
            "layout": {
                "namespace": "dash_html_components",
                "type": "Div",
                "props": {
                    "children": [
                        {
                            "namespace": "dash_core_components",
                            "type": "Markdown",
                            "props": {"id": "md", "children": "hi"},
                            "html": f'<img src="x" onerror="{PAYLOAD}">',
                        },
                        {
                            "namespace": "dash_html_components",
                            "type": "Img",
                            "props": {"id": "img", "src": "x", "onerror": PAYLOAD},
                        },
                    ]
                },
            },
        },
        # The same message shape a job's worker uses, sent by the app's worker.
        {"type": "job-done", "job": 1, "answer": {}},
        # Not the protocol at all.
        {"type": "updated", "app": "index/1", "updates": "<b>x</b>"},
    ]
    code = COUNTER.replace(
        "app = Dash()",
        "import js\n"
        f"for text in {[json.dumps(m) for m in forged]!r}:\n"
        "    js.postMessage(js.JSON.parse(text))\n"
        "app = Dash()",
    )
    own, linked = open_link(page, site, f"livedash=index/1~{packed(code)}")
    wait_ready(linked)
    assert linked.evaluate("(w) => w.livedash.trusted()") is False
    # The forged answer for this widget's own app was dropped as not fitting, or asks before anything runs.
    page.wait_for_timeout(500)
    assert_no_script_ran(page)
    assert page.locator(".livedash-confirm").count() == 0, "a message for another widget never reaches it"
    assert_still_works(page, own)
    assert_still_works(page, linked)
    assert_no_script_ran(page)


def test_link_code_asks_before_its_own_clientside_request_and_the_question_is_not_focused(page, site):
    own, linked = open_link(page, site, f"livedash=index/1~{packed(CLIENTSIDE)}")
    question = linked.page.locator(".livedash-confirm")
    question.wait_for(timeout=60_000)
    expect(question.locator(".livedash-confirm-code"), "the question shows the code").to_contain_text("JS says")
    assert page.evaluate("() => document.activeElement.closest('.livedash-confirm') === null"), (
        "nothing of the question is focused"
    )
    # A reader typing in the page (space, Enter) does not answer it.
    linked.locator("#btn").focus()
    page.keyboard.press(" ")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert question.is_visible()
    assert not linked.locator("#count").inner_text().startswith("JS says")
    question.locator("button", has_text="Run this JavaScript").click()
    page.wait_for_function(
        "() => document.querySelector('[data-livedash-key=\"index/1\"] #count').textContent.startsWith('JS says')"
    )
    assert_no_script_ran(page)


def test_a_forged_clientside_request_shows_its_code_and_runs_nothing_until_allowed(page, site):
    evil = f"function() {{ {PAYLOAD} return 'x'; }}"
    code = COUNTER.replace(
        "app = Dash()",
        "import js, json\n"
        "js.postMessage(js.JSON.parse(json.dumps({'type': 'updated', 'app': 'index/1', 'seq': None,"
        " 'updates': [], 'trace': [], 'clientside': {'function': {'source': "
        f"{evil!r}"
        "}, 'args': [], 'context': {}}})))\napp = Dash()",
    )
    own, linked = open_link(page, site, f"livedash=index/1~{packed(code)}")
    question = page.locator(".livedash-confirm")
    question.wait_for(timeout=60_000)
    expect(question).to_contain_text("__pwned")
    question.locator("button", has_text="Don't run it").click()
    page.wait_for_timeout(300)
    assert_no_script_ran(page)
    assert_still_works(page, own)


def test_link_code_never_replaces_the_readers_own_edit_and_keeps_its_mark(page, site):
    own, second = widgets(page)
    page.goto(site)
    wait_ready(second)
    mine = COUNTER + "# my own edit\n"
    set_code(second, mine)
    storage = "() => Object.entries(localStorage).filter(([k]) => k.startsWith('livedash-edit:'))"

    def saved():
        return [text for _key, text in page.evaluate(storage)]

    eventually(saved, [mine], "the saved edits")

    # The link opens; the reader changes its code: their own edit is still theirs.
    page.goto("about:blank")
    own, linked = open_link(page, site, f"livedash=index/1~{packed(CLIENTSIDE)}")
    page.locator(".livedash-confirm").wait_for(timeout=60_000)
    set_code(linked, CLIENTSIDE + "# a keystroke\n")
    assert saved() == [mine]
    expect(linked.locator(".livedash-edited")).to_contain_text("from a link")

    # Reopened, the link shows its code as the reader left it, still marked, still asking before JavaScript.
    page.reload()
    page.locator(".livedash-confirm").wait_for(timeout=60_000)
    eventually(lambda: code_of(linked), CLIENTSIDE + "# a keystroke\n", "the link's code")
    expect(linked.locator(".livedash-edited")).to_contain_text("from a link")
    assert linked.evaluate("(w) => w.livedash.trusted()") is False

    # Without the link, the page shows the reader's own edit.
    page.goto("about:blank")
    page.goto(site)
    wait_ready(widgets(page)[1])
    eventually(lambda: code_of(widgets(page)[1]), mine, "the reader's code")

    # Keeping the link's code asks first when it replaces an edit, then makes it the reader's own.
    page.goto("about:blank")
    own, linked = open_link(page, site, f"livedash=index/1~{packed(CLIENTSIDE)}")
    page.locator(".livedash-confirm").wait_for(timeout=60_000)
    linked.locator(".livedash-link-keep").click()
    linked.locator("button", has_text="Replace my edit").click()
    page.wait_for_function("(w) => w.livedash.trusted()", arg=linked.element_handle())
    eventually(saved, [CLIENTSIDE + "# a keystroke\n"], "the saved edits")
    expect(linked.locator(".livedash-link-bar")).to_have_count(0)
    assert_no_script_ran(page)


@pytest.mark.parametrize(
    "fragment, broken",
    [
        ("100%", False),  # someone else's fragment with a stray %
        ("livedash=%E0%A4%A~abc", True),  # a key that is not valid percent-encoding
        ("livedash=index/1~%%%", True),  # code that is not base64url
        ("livedash=index/1~" + "A" * 40, True),  # base64url that does not inflate
        ("livedash=index/1", True),  # cut short
        ("livedash=nowhere/7~" + packed(COUNTER), True),  # a widget that is not on the page
    ],
)
def test_a_damaged_link_leaves_the_page_working_and_says_so(page, site, fragment, broken):
    own, second = open_link(page, site, fragment)
    assert_still_works(page, own)
    assert_still_works(page, second)
    notes = page.locator(".livedash-error:visible", has_text="This link could not be opened")
    expect(notes).to_have_count(1 if broken else 0)
    assert_no_script_ran(page)


def test_a_link_that_inflates_to_200_mb_is_refused_with_a_clear_message(page, site):
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"#" * (1 << 20)
    data = b"".join(deflate.compress(chunk) for _ in range(200)) + deflate.flush()
    bomb = base64.urlsafe_b64encode(data).decode().rstrip("=")
    own, second = open_link(page, site, f"livedash=index/1~{bomb}")
    note = second.locator(".livedash-error", has_text="larger than 512 KB")
    note.wait_for(timeout=60_000)
    assert_still_works(page, second)
    assert code_of(second) == COUNTER, "the example keeps its own code"
