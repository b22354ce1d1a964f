"""Exercises in the browser: Check runs the hidden checks in the worker, says which fail and why, offers the
solution after an attempt; passing is remembered (localStorage) and shown in the navigation."""

from playwright.sync_api import expect

from tests.e2e.conftest import set_code, wait_ready
from tests.exercise_fixture import NAV, SOLUTION, exercise_pages
from tests.server import SiteServer
from tests.sites import build, make_site


def test_check_solution_and_progress(page, tmp_path):
    root = make_site(tmp_path, exercise_pages(), nav=NAV)
    assert build(root, strict=True).returncode == 0
    with SiteServer(root / "site") as server:
        page.goto(server.url)
        widget = page.locator(".livedash").first
        wait_ready(widget)
        panel = widget.locator(".livedash-exercise")
        solution_button = panel.locator(".livedash-show-solution")
        assert solution_button.is_hidden(), "the solution is offered only after an attempt"
        solution = panel.locator(".livedash-solution")
        assert solution.is_hidden() and solution.evaluate("(s) => s.offsetHeight") == 0, "no empty bar"
        expect(page.locator(".livedash-progress"), "only the page's own link is marked").to_have_count(1)
        nav_mark = page.locator("nav a.md-nav__link--active .livedash-progress")
        expect(nav_mark).to_have_text("0/1")
        expect(nav_mark).to_have_attribute("aria-label", "0 of 1 exercise done on this page")
        expect(nav_mark).to_have_attribute("title", "0 of 1 exercise done on this page")

        widget.locator(".livedash-check").click()
        page.wait_for_function(
            "(p) => p.querySelectorAll('.livedash-checks li').length === 2", arg=panel.element_handle(), timeout=30_000
        )
        results = panel.locator(".livedash-checks li")
        expect(results.nth(0)).to_have_attribute("data-passed", "true")
        expect(results.nth(1)).to_have_attribute("data-passed", "false")
        expect(results.nth(1)).to_contain_text("Each click adds one.")
        expect(results.nth(1)).to_contain_text("after two clicks the text is 'Count: 0', not 'Count: 2'")
        expect(panel).to_contain_text("1 of 2 checks pass")
        solution_button.click()
        expect(solution).to_be_visible()
        assert solution.inner_text().strip() == SOLUTION.strip()
        assert solution.locator("span.k, span.nf").count() >= 2, "the solution is highlighted"
        solution_button.click()
        expect(solution).to_be_hidden()
        expect(solution_button).to_have_text("Show solution")

        set_code(widget, SOLUTION)
        widget.locator(".livedash-check").click()
        page.wait_for_function("(p) => p.dataset.passed === 'true'", arg=panel.element_handle(), timeout=30_000)
        expect(panel).to_contain_text("All 2 checks pass")
        expect(nav_mark).to_have_text("✓")
        expect(nav_mark).to_have_attribute("title", "1 of 1 exercise done on this page")
        # Check also ran the reader's code in the app itself.
        widget.locator("#btn").click()
        page.wait_for_function("() => document.querySelector('#count').textContent === 'Count: 1'")

        page.reload()
        wait_ready(page.locator(".livedash").first)
        expect(page.locator(".livedash-exercise")).to_contain_text("passed this exercise before")
        expect(page.locator("nav a.md-nav__link--active .livedash-progress")).to_have_text("✓")
        assert page.errors == []
