"""Exercises in the browser: Check runs the hidden checks in the worker, says which fail and why, offers the
solution after an attempt; passing is remembered (localStorage) and shown in the navigation."""

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
        assert page.locator(".livedash-progress").count() == 1, "only the page's own link is marked"
        nav_mark = page.locator("nav a.md-nav__link--active .livedash-progress")
        assert nav_mark.inner_text() == "0/1"
        assert (
            nav_mark.get_attribute("aria-label")
            == nav_mark.get_attribute("title")
            == "0 of 1 exercise done on this page"
        )

        widget.locator(".livedash-check").click()
        page.wait_for_function(
            "(p) => p.querySelectorAll('.livedash-checks li').length === 2", arg=panel.element_handle(), timeout=30_000
        )
        results = panel.locator(".livedash-checks li")
        assert results.nth(0).get_attribute("data-passed") == "true"
        assert results.nth(1).get_attribute("data-passed") == "false"
        assert "Each click adds one." in results.nth(1).inner_text()
        assert "after two clicks the text is 'Count: 0', not 'Count: 2'" in results.nth(1).inner_text()
        assert "1 of 2 checks pass" in panel.inner_text()
        solution_button.click()
        assert solution.is_visible() and solution.inner_text().strip() == SOLUTION.strip()
        assert solution.locator("span.k, span.nf").count() >= 2, "the solution is highlighted"
        solution_button.click()
        assert solution.is_hidden() and solution_button.inner_text() == "Show solution"

        set_code(widget, SOLUTION)
        widget.locator(".livedash-check").click()
        page.wait_for_function("(p) => p.dataset.passed === 'true'", arg=panel.element_handle(), timeout=30_000)
        assert "All 2 checks pass" in panel.inner_text()
        assert nav_mark.inner_text() == "✓" and nav_mark.get_attribute("title") == "1 of 1 exercise done on this page"
        # Check also ran the reader's code in the app itself.
        widget.locator("#btn").click()
        page.wait_for_function("() => document.querySelector('#count').textContent === 'Count: 1'")

        page.reload()
        wait_ready(page.locator(".livedash").first)
        assert "passed this exercise before" in page.locator(".livedash-exercise").inner_text()
        assert page.locator("nav a.md-nav__link--active .livedash-progress").inner_text() == "✓"
        assert page.errors == []
