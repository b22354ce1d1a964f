"""Accessibility and small screens: axe-core (pinned, from npm) finds no serious or critical problem on the
lesson pages, and at 360 px a widget stacks and stays usable."""

import pytest

from livedash.mkdocs.npm_cache import AXE, ensure
from tests.e2e.conftest import wait_ready
from tests.e2e.test_course import course_pages

# The page's content: the lessons and their widgets. Material's own chrome (search dialog, progress bar,
# footer links) has findings of its own that are the theme's, not the course's.
# The apps' own markup is left out: it is Dash 4.4.1's components' (the same in Dash: its Slider thumbs and
# RadioItems/Checklist groups have no accessible name unless the app gives one, its DatePicker's wrapper carries
# aria-expanded), which a course cannot change; the page, the widgets' own controls and panes are checked.
AXE_RUN = """async () => {
  const context = { include: [".md-content"], exclude: [".livedash-app"] };
  const result = await axe.run(context, { resultTypes: ["violations"] });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + n.failureSummary) }));
}"""


def test_lesson_pages_have_no_serious_accessibility_violations(page, course):
    script = (ensure(AXE) / "axe.min.js").read_text(encoding="utf-8")
    found = {}
    for path in course_pages(course):
        page.goto(course + path)
        page.wait_for_function(
            """() => [...document.querySelectorAll('.livedash-status')]
            .every((s) => !['loading', 'starting'].includes(s.dataset.state))""",
            timeout=60_000,
        )
        page.add_script_tag(content=script)
        violations = page.evaluate(AXE_RUN)
        if violations:
            found[path] = violations
    assert found == {}, found


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_widget_stacks_and_works_at_360_px(browser, course, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(course + "lessons/02-several-inputs/")
    page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    widget = page.locator(".livedash").first
    wait_ready(widget)
    box = widget.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
    for selector in (".livedash-run", ".livedash-reset", ".livedash-stop", "#plus"):
        control = widget.locator(selector).bounding_box()
        assert control["x"] >= 0 and control["x"] + control["width"] <= 360, (selector, control)
    widget.locator("#plus").tap()
    page.wait_for_function(
        "(w) => w.querySelector('#value').textContent.startsWith('Value: 1')", arg=widget.element_handle()
    )
    app, code = widget.locator(".livedash-app").bounding_box(), widget.locator(".livedash-code").bounding_box()
    assert app["y"] < code["y"], "app above its code"
    context.close()
