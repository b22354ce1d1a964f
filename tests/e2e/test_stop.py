"""Stop: a runaway callback (an endless loop, a long sleep) or a runaway app is ended, the page's apps start
again with their current code, and the other widgets keep working."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import code_of, set_code, wait_ready
from tests.server import SiteServer
from tests.sites import COUNTER, build, make_site

RUNAWAY = """\
import time
from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Loop", id="loop"), html.Button("Sleep", id="sleep"), html.P("idle", id="state")])


@callback(Output("state", "children"), Input("loop", "n_clicks"), prevent_initial_call=True)
def spin(n):
    while True:
        pass


@callback(Output("state", "title"), Input("sleep", "n_clicks"), prevent_initial_call=True)
def nap(n):
    time.sleep(60)
"""


@pytest.fixture
def two_widgets(page, tmp_path):
    root = make_site(
        tmp_path,
        {"index.md": '```dash file="examples/runaway.py"\n```\n\n```dash file="examples/counter.py"\n```\n'},
        {"runaway.py": RUNAWAY, "counter.py": COUNTER},
    )
    assert build(root).returncode == 0
    with SiteServer(root / "site") as server:
        page.goto(server.url)
        runaway, counter = page.locator(".livedash").nth(0), page.locator(".livedash").nth(1)
        wait_ready(runaway)
        wait_ready(counter)
        yield runaway, counter


def counter_works(page, counter, expected):
    counter.locator("#btn").click()
    page.wait_for_function(
        "(text) => document.querySelectorAll('.livedash')[1].querySelector('#count').textContent === text",
        arg=expected,
        timeout=10_000,
    )


@pytest.mark.parametrize("button", ["#loop", "#sleep"])
def test_stop_ends_a_runaway_callback_and_every_app_works_again(page, two_widgets, button):
    runaway, counter = two_widgets
    counter_works(page, counter, "Count: 1")
    stop = runaway.locator(".livedash-stop")
    assert stop.is_disabled(), "nothing to stop while idle"
    runaway.locator(button).click()
    status = runaway.locator(".livedash-status")
    page.wait_for_timeout(600)  # it really is stuck
    expect(status).to_have_attribute("data-state", "running")
    expect(stop).to_be_enabled()
    stop.click()
    runaway.locator('.livedash-status[data-state="ready"]').wait_for(timeout=10_000)
    expect(status).to_contain_text("Stopped")
    # Every app started again from its code: the counter is back at 0 and counts again.
    counter_works(page, counter, "Count: 1")
    expect(runaway.locator("#state")).to_have_text("idle")
    assert page.errors == []


def test_stop_on_code_that_never_finishes_starting_keeps_the_code_and_waits_for_a_change(page, two_widgets):
    runaway, counter = two_widgets
    looping = code_of(runaway).replace("app = Dash()", "app = Dash()\nwhile True:\n    pass")
    set_code(runaway, looping)
    runaway.locator(".livedash-run").click()
    page.wait_for_timeout(600)
    runaway.locator(".livedash-stop").click()
    status = runaway.locator(".livedash-status")
    runaway.locator('.livedash-status[data-state="error"]').wait_for(timeout=10_000)
    expect(status).to_contain_text("did not finish starting")
    assert code_of(runaway) == looping, "nothing the reader typed is lost"
    wait_ready(counter, timeout=10_000)
    counter_works(page, counter, "Count: 1")
    set_code(runaway, looping.replace("while True:\n    pass", ""))
    runaway.locator(".livedash-run").click()
    wait_ready(runaway, timeout=10_000)
    assert page.errors == []


def test_on_a_cross_origin_isolated_page_stop_interrupts_python_and_keeps_the_other_apps(page, tmp_path):
    """With COOP/COEP headers the page can interrupt Python (KeyboardInterrupt): no new worker, and the
    other apps keep their state."""
    root = make_site(
        tmp_path,
        {"index.md": '```dash file="examples/runaway.py"\n```\n\n```dash file="examples/counter.py"\n```\n'},
        {"runaway.py": RUNAWAY, "counter.py": COUNTER},
    )
    assert build(root).returncode == 0
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    with SiteServer(root / "site", headers=SiteServer.ISOLATED) as server:
        page.goto(server.url)
        assert page.evaluate("crossOriginIsolated") is True
        runaway, counter = page.locator(".livedash").nth(0), page.locator(".livedash").nth(1)
        wait_ready(runaway)
        wait_ready(counter)
        counter_works(page, counter, "Count: 1")
        runaway.locator("#loop").click()
        page.wait_for_timeout(600)
        runaway.locator(".livedash-stop").click()
        runaway.locator('.livedash-status[data-state="ready"]').wait_for(timeout=10_000)
        expect(runaway.locator(".livedash-status")).to_contain_text("Stopped")
        counter_works(page, counter, "Count: 2")  # the counter kept its state: the worker lived on
        assert len(workers) == 1, workers
        assert page.errors == []
