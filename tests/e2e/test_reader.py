"""The reader's side of a widget: the editor, saved edits, Reset with undo, share links (and the
confirmation before a link's JavaScript runs), the error line, the palette, and plain MkDocs themes."""

import re
from contextlib import contextmanager

from playwright.sync_api import expect

from tests.e2e.conftest import code_of, drawn_diagram, eventually, set_code, type_in_editor, wait_ready
from tests.server import SiteServer
from tests.sites import COUNTER, build, make_site

LESSON_1 = "lessons/01-first-callback/"
LESSON_2 = "lessons/02-several-inputs/"


def open_first(page, url):
    page.goto(url)
    widget = page.locator(".livedash").first
    wait_ready(widget)
    return widget


def test_the_editor_replaces_the_view_in_place_and_runs_with_ctrl_enter(page, course):
    widget = open_first(page, course + LESSON_1)
    assert widget.locator(".livedash-view .k").count() > 0, "the code is highlighted before any editor loads"
    pane = widget.locator(".livedash-code")
    before = pane.bounding_box()["height"]
    type_in_editor(page, widget, "")
    after = pane.bounding_box()["height"]
    assert abs(after - before) < 12, (before, after)  # less than a line: no jump
    page.keyboard.type("\n# a comment")
    page.keyboard.press("Control+End")
    for _ in range(len("# a comment")):
        page.keyboard.press("Backspace")
    page.keyboard.type('app.title = "typed"')
    page.keyboard.press("Control+Enter")
    page.wait_for_function(
        "(w) => w.livedash.idle() && w.livedash.code().includes('typed')", arg=widget.element_handle()
    )
    expect(widget.locator(".livedash-edited")).to_have_text("edited")
    assert page.errors == []


def test_edits_survive_reload_and_instant_navigation_and_reset_can_be_undone(page, course):
    widget = open_first(page, course + LESSON_1)
    type_in_editor(page, widget, "\n# my note")
    page.wait_for_timeout(300)
    page.reload()
    widget = page.locator(".livedash").first
    wait_ready(widget)
    assert code_of(widget).endswith("# my note")
    expect(widget.locator(".livedash-edited")).to_contain_text("edited, not running")
    assert widget.locator("#count").inner_text() == "Count: 0", "the lesson's app runs until the reader presses Run"
    page.locator(f'a[href$="{LESSON_2[len("lessons/") :]}"]').first.click()
    page.wait_for_url(re.compile(re.escape(LESSON_2) + "$"))
    page.go_back()
    page.wait_for_url(re.compile(re.escape(LESSON_1) + "$"))
    widget = page.locator(".livedash[data-livedash-key^='lessons/01']").first
    wait_ready(widget)
    assert code_of(widget).endswith("# my note")

    widget.locator(".livedash-reset").click()
    eventually(lambda: code_of(widget), lambda code: not code.endswith("# my note"), "the code after Reset")
    expect(widget.locator(".livedash-edited")).to_be_hidden()
    widget.locator(".livedash-undo").click()
    eventually(lambda: code_of(widget), lambda code: code.endswith("# my note"), "the code after Undo")
    page.reload()
    reloaded = page.locator(".livedash").first
    eventually(lambda: code_of(reloaded), lambda code: code.endswith("# my note"), "the code after a reload")


def test_an_error_line_is_marked_in_the_editor(page, course):
    widget = open_first(page, course + LESSON_1)
    line = 'return f"Count: {n_clicks or 0}"'
    code = code_of(widget)
    set_code(widget, code.replace(line, 'return f"Count: {n_clicks + 1}"'))
    widget.locator(".livedash-run").click()
    widget.locator(".livedash-ace .livedash-error-line").wait_for(timeout=15_000)
    number = code.split("\n").index("    " + line) + 1
    gutter = widget.locator(".ace_gutter-cell.livedash-error-gutter")
    expect(gutter).to_have_text(str(number))
    expect(widget.locator(".livedash-error")).to_contain_text(f"line {number}")


def test_the_editor_follows_the_palette_toggle(page, course):
    widget = open_first(page, course + LESSON_1)
    type_in_editor(page, widget, "")
    # Ace fetches its theme file on first use: the light theme arrives a moment after the editor.
    page.wait_for_function(
        "(w) => w.querySelector('.livedash-ace').classList.contains('ace-github-light-default')",
        arg=widget.element_handle(),
    )
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(
        "(w) => w.querySelector('.livedash-ace').classList.contains('ace-github-dark')", arg=widget.element_handle()
    )


CLIENTSIDE = COUNTER.replace(
    '@callback(Output("count", "children"), Input("btn", "n_clicks"))\ndef update(n):\n    return f"Count: {n or 0}"\n',
    'clientside_callback("function(n) { return \'JS says \' + (n || 0); }", Output("count", "children"), '
    'Input("btn", "n_clicks"))\n',
).replace("callback, Input", "clientside_callback, Input")


@contextmanager
def shared_link(browser, tmp_path, code):
    """A site with one example; the reader puts ``code`` in it and presses Share. Gives (context, page, link)."""
    root = make_site(tmp_path, {"index.md": '```dash file="examples/counter.py"\n```\n'}, {"counter.py": COUNTER})
    assert build(root).returncode == 0
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    with SiteServer(root / "site") as server:
        page = context.new_page()
        widget = open_first(page, server.url)
        set_code(widget, code)
        widget.locator(".livedash-share").click()
        page.wait_for_function("() => document.querySelector('.livedash-status').textContent.startsWith('Link copied')")
        link = page.evaluate("navigator.clipboard.readText()")
        assert link.startswith(server.url) and "#livedash=" in link and len(link) < 600
        yield context, link
    context.close()


def test_a_share_link_opens_the_page_with_the_code_and_asks_before_running_its_javascript(browser, tmp_path):
    assert "clientside_callback(" in CLIENTSIDE
    with shared_link(browser, tmp_path, CLIENTSIDE) as (context, link):
        other = context.new_page()  # someone opens the link
        other.goto(link)
        shared = other.locator(".livedash").first
        other.locator(".livedash-confirm").wait_for(timeout=60_000)
        expect(shared.locator(".livedash-from-link")).to_be_visible()
        eventually(lambda: code_of(shared), CLIENTSIDE, "the shared code")
        assert shared.locator("#count").inner_text() != "JS says 0", "no JavaScript before the reader agrees"
        shared.locator(".livedash-confirm button", has_text="Run this JavaScript").click()
        other.wait_for_function("() => document.querySelector('#count').textContent === 'JS says 0'")
        shared.locator("#btn").click()
        other.wait_for_function("() => document.querySelector('#count').textContent === 'JS says 1'")


def test_a_declined_link_runs_no_javascript_and_says_so(browser, tmp_path):
    with shared_link(browser, tmp_path, CLIENTSIDE) as (context, link):
        other = context.new_page()
        other.goto(link)
        other.locator(".livedash-confirm button", has_text="Don't run it").click()
        error = other.locator(".livedash-error")
        expect(error).to_be_visible()
        expect(error).to_contain_text("JavaScript from a shared link was not run")


def test_the_plain_mkdocs_theme_runs_widgets(page, tmp_path):
    root = make_site(
        tmp_path,
        {"index.md": '# Plain\n\n```dash file="examples/counter.py"\n```\n'},
        {"counter.py": COUNTER},
        theme="mkdocs",
    )
    result = build(root, strict=True)
    assert result.returncode == 0, result.stderr[-2000:]
    with SiteServer(root / "site") as server:
        widget = open_first(page, server.url)
        widget.locator("#btn").click()
        page.wait_for_function("() => document.querySelector('#count').textContent === 'Count: 1'")
        drawn_diagram(widget)
        type_in_editor(page, widget, "\n# edited in the mkdocs theme")
        eventually(lambda: code_of(widget), lambda code: code.endswith("# edited in the mkdocs theme"), "the code")
        # The theme's own scripts come from CDNs (highlight.js, Bootstrap's), unreachable here: their
        # errors are the theme's. None may come from livedash.
        assert [e for e in page.errors if "hljs" not in e and "backdrop" not in e] == [], page.errors


ERRORS_APP = """from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"){initial})
def update_output(n):
    return 10 / ((n or 0) - 1)
"""
ERRORS_PAGE = (
    "# Errors\n\nSome prose, so that the code's lines\nare not the page's lines.\n\n"
    "```dash expect_error=true\n"
    + ERRORS_APP.replace("{initial}", "").replace("- 1", "")
    + "```\n\nMore prose.\n\n```dash\n"
    + ERRORS_APP.replace("{initial}", ", prevent_initial_call=True")
    + "```\n"
)


def error_gutter(widget):
    return widget.locator(".ace_gutter-cell.livedash-error-gutter")


def test_errors_give_the_editor_line_and_the_status_says_error_until_a_clean_run(page, tmp_path):
    root = make_site(tmp_path, {"index.md": ERRORS_PAGE})
    result = build(root, strict=True)
    assert result.returncode == 0, result.stderr[-2000:]
    with SiteServer(root / "site") as server:
        page.goto(server.url)
        initial, clicked = page.locator(".livedash").nth(0), page.locator(".livedash").nth(1)
        # The page gives the editor's line (line 9 of the code, line 15 of the Markdown file), with its text,
        # before and after the worker runs the code.
        status = initial.locator(".livedash-status")
        assert status.get_attribute("data-state") == "error"
        box = initial.locator(".livedash-error")
        assert "ZeroDivisionError (line 9)" in box.inner_text() and "index.md" not in box.inner_text()
        assert 'File "app.py", line 9, in update_output\n    return 10 / ((n or 0) )' in box.inner_text()
        error_gutter(initial).wait_for(timeout=15_000)
        expect(error_gutter(initial)).to_have_text("9")
        page.wait_for_function(
            "(s) => s.textContent === 'Error in update_output (line 9)'", arg=status.element_handle(), timeout=60_000
        )
        expect(status).to_have_attribute("data-state", "error")
        expect(box).to_contain_text("update_output: ZeroDivisionError (line 9)")
        initial.locator(".livedash-run").click()
        page.wait_for_function("(w) => w.livedash.idle()", arg=initial.element_handle())
        expect(status).to_have_text("Error in update_output (line 9)")
        expect(error_gutter(initial)).to_have_text("9")

        # A callback's error: the status is not "Ready" while the error shows, and is after a clean run.
        wait_ready(clicked)
        clicked.locator("#go").click()
        clicked_status = clicked.locator(".livedash-status")
        clicked.locator('.livedash-status[data-state="error"]').wait_for(timeout=15_000)
        expect(clicked_status).to_have_text("Error in update_output (line 9)")
        expect(clicked.locator(".livedash-error")).to_contain_text("return 10 / ((n or 0) - 1)")
        set_code(clicked, code_of(clicked).replace("- 1)", "+ 1)"))
        clicked.locator(".livedash-run").click()
        wait_ready(clicked, timeout=15_000)
        expect(clicked.locator(".livedash-error")).to_be_hidden()
        expect(clicked_status).to_have_text("Ready")
        clicked.locator("#go").click()
        page.wait_for_function("(w) => w.querySelector('#out').textContent === '5'", arg=clicked.element_handle())
        expect(clicked_status).to_have_attribute("data-state", "ready")
        assert page.errors == []
