"""Browser tests: the course is built once per session with the real plugin and served over HTTP, at the
root and under a sub-path as GitHub Pages serves a project site; Debian's Chromium drives it."""

import time
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.server import SiteServer
from tests.sites import build, build_course, make_site

# Playwright's expectations retry until the page's state is right: after a click or a navigation it may still be
# settling (a worker's answer, a React render, a swapped page). 10 s: the machines running these share their cores.
expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def serve_course(tmp_path_factory, prefix):
    site = tmp_path_factory.mktemp("course") / "site"
    server = SiteServer(site, prefix=prefix)
    result = build_course(site, server.url)
    assert result.returncode == 0, result.stderr[-3000:]
    return server


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    with serve_course(tmp_path_factory, "/") as server:
        yield server.url


@pytest.fixture(scope="session")
def course_under_subpath(tmp_path_factory):
    with serve_course(tmp_path_factory, "/livedash/") as server:
        yield server.url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def eventually(read, expected, message="", timeout=10.0):
    """``read()`` again until its value is ``expected`` (or passes ``expected`` when that is a function), for
    page state that Playwright's ``expect`` cannot see (``page.evaluate``, a widget's code); fails with the last
    value after ``timeout`` seconds. Returns the value."""
    check = expected if callable(expected) else (lambda value: value == expected)
    deadline = time.monotonic() + timeout
    while not check(value := read()):
        if time.monotonic() > deadline:
            wanted = "" if callable(expected) else f", not {expected!r}"
            raise AssertionError(f"{message + ': ' if message else ''}still {value!r}{wanted} after {timeout} s")
        time.sleep(0.1)
    return value


def wait_ready(widget, timeout=60_000):
    """Wait until the widget's status says ready (Python booted and the app loaded)."""
    widget.locator('.livedash-status[data-state="ready"]').wait_for(timeout=timeout)


def drawn_diagram(scope, timeout=20_000):
    """The callback diagram's svg in ``scope`` (a widget or figure), once mermaid has finished drawing it
    (while it draws, a temporary svg without its labels sits in the same place)."""
    svg = scope.locator(".livedash-mermaid[data-drawn] svg")
    svg.first.wait_for(timeout=timeout)
    return svg


@contextmanager
def one_example(page, tmp_path, code, plugin=None, timeout=60_000, options=""):
    """Build a site whose page holds one example with ``code`` (and fence ``options``), serve it, open it and
    wait until the widget is ready; gives the widget."""
    root = make_site(
        tmp_path, {"index.md": f'```dash file="examples/app.py" {options}\n```\n'}, {"app.py": code}, plugin=plugin
    )
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    with SiteServer(root / "site") as server:
        page.goto(server.url)
        widget = page.locator(".livedash").first
        wait_ready(widget, timeout=timeout)
        yield widget


def code_of(widget):
    """The code in the widget's editor (view, Ace or fallback textarea alike)."""
    return widget.evaluate("(w) => w.livedash.code()")


def set_code(widget, text):
    """Replace the code in the widget's editor, as pasting it would (the edit is saved, not run)."""
    widget.evaluate("(w, text) => w.livedash.setCode(text)", text)


def type_in_editor(page, widget, text):
    """Open the editor as a reader does (click the code: Ace loads) and type at the end."""
    widget.locator(".livedash-view").click()
    widget.locator(".livedash-ace .ace_content").wait_for()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)
