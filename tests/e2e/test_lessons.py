"""Every lesson of the course in the browser: open it, wait for its example, do what the lesson asks the
reader to do, and see what the same actions give in the headless client (the expected page)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from livedash.testing import Client
from tests.e2e.conftest import eventually, set_code, wait_ready

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

# lesson page, example file, reader actions, what to read afterwards: ("text" | "value", id)
LESSONS = [
    ("01-first-callback", "counter.py", [("click", "btn")] * 3, ("text", "count")),
    ("02-several-inputs", "plus_minus.py", [("click", "plus")] * 2 + [("click", "minus")], ("text", "value")),
    ("03-several-outputs", "sign_colour.py", [("click", "down")] * 2, ("text", "number")),
    ("04-same-inputs", "progress_bar.py", [("click", "step")] * 3, ("text", "count")),
    ("05-chained-callbacks", "chain_store.py", [("click", "add")] * 2, ("text", "result")),
    ("06-circular-dependencies", "temperature_ctx.py", [("type", "celsius", "5")], ("value", "fahrenheit")),
    ("07-stopping-a-callback", "stop_update.py", [("type", "number", "9")], ("text", "root")),
    ("08-background-callbacks", "background_job.py", [("click", "start")], ("text", "result")),
    ("10-pattern-matching", "todo_list.py", [("type", "new-item", "milk"), ("click", "add")], ("text", "summary")),
]


def expected(example, actions, read):
    client = Client.from_file(EXAMPLES / example)
    before = client.prop(read[1], "value") if read[0] == "value" else client.text(read[1])
    for action in actions:
        if action[0] == "click":
            client.click(action[1])
        else:
            client.type(action[1], action[2])
    after = client.prop(read[1], "value") if read[0] == "value" else client.text(read[1])
    assert after != before, "the lesson's interaction should change what the reader sees"
    return after


def widget_of(page, filename):
    widget = page.locator(f".livedash:has(.livedash-title:text-is('{filename}'))")
    wait_ready(widget)
    return widget


def act(widget, action):
    if action[0] == "click":
        widget.locator(f"#{action[1]}").click()
    else:
        field = widget.locator(f"#{action[1]}")
        field.click()
        field.press("End")
        for key in action[2]:
            field.press(key)


@pytest.mark.parametrize("lesson, example, actions, read", LESSONS, ids=[row[0] for row in LESSONS])
def test_the_lessons_main_interaction(page, course, lesson, example, actions, read):
    want = expected(example, actions, read)
    page.goto(f"{course}lessons/{lesson}/")
    widget = widget_of(page, example)
    for action in actions:
        act(widget, action)
    target = widget.locator(f"#{read[1]}")
    if read[0] == "value":
        page.wait_for_function("([el, want]) => el.value === want", arg=[target.element_handle(), want], timeout=15_000)
    else:
        page.wait_for_function(
            "([el, want]) => el.textContent === want", arg=[target.element_handle(), want], timeout=15_000
        )
    assert page.errors == []


def test_lesson_5_trace_shows_the_chain_in_order(page, course):
    page.goto(f"{course}lessons/05-chained-callbacks/")
    widget = widget_of(page, "chain_store.py")
    widget.locator("#add").click()
    page.wait_for_function(
        "(w) => w.livedash.idle() && w.querySelectorAll('.ld-trace-run').length >= 4", arg=widget.element_handle()
    )
    # (the trace follows the app's update in a task of its own)
    names = widget.locator(".ld-trace-run .ld-trace-fn")
    # the Store's callback first, then the one reading it
    eventually(lambda: names.all_inner_texts()[-2:], ["compute", "show"], "the last two runs")
    expect(widget.locator(".ld-trace-run").nth(-2)).to_contain_text("by add.n_clicks")
    expect(widget.locator(".ld-trace-run").nth(-1)).to_contain_text("by total.data")


def test_lesson_9_clientside_counter_counts_in_the_page(page, course):
    page.goto(f"{course}lessons/09-clientside-callbacks/")
    widget = widget_of(page, "clientside_counter.py")
    for _ in range(3):
        widget.locator("#btn").click()
    page.wait_for_function("(w) => w.querySelector('#count').textContent === 'Count: 3'", arg=widget.element_handle())


def test_lesson_11_shows_each_mistakes_real_error(page, course):
    page.goto(f"{course}lessons/11-common-mistakes/")
    boxes = page.locator(".livedash .livedash-error")
    errors = ("ImportError", "AttributeError", "Duplicate callback outputs", "ID not found in layout")
    wrong_outputs = r"Schema(Length|Type)ValidationError|Invalid number of output values"
    # (the build's error boxes, shown again by each widget once its Python has run the code)
    eventually(
        lambda: "\n".join(boxes.all_inner_texts()),
        lambda joined: all(error in joined for error in errors) and re.search(wrong_outputs, joined),
        "every mistake's error",
    )


DOCS = EXAMPLES.parent
# Each course exercise and the lesson page that holds it.
COURSE_EXERCISES = sorted(
    (folder.name, lesson.stem)
    for folder in (DOCS / "exercises").iterdir()
    for lesson in (DOCS / "lessons").glob("*.md")
    if f'exercise="exercises/{folder.name}"' in lesson.read_text(encoding="utf-8")
)


def test_every_course_exercise_is_in_a_lesson():
    assert {name for name, _ in COURSE_EXERCISES} == {p.name for p in (DOCS / "exercises").iterdir()}


@pytest.mark.parametrize("exercise, lesson", COURSE_EXERCISES, ids=[name for name, _ in COURSE_EXERCISES])
def test_check_fails_the_starter_and_passes_the_solution_in_the_readers_python(page, course, exercise, lesson):
    """What the build verified in CPython holds in Pyodide, where the reader presses Check."""
    page.goto(f"{course}lessons/{lesson}/")
    widget = page.locator(".livedash:has(.livedash-exercise)")
    wait_ready(widget)
    panel = widget.locator(".livedash-exercise")
    widget.locator(".livedash-check").click()
    page.wait_for_function("(p) => p.dataset.passed !== undefined", arg=panel.element_handle(), timeout=30_000)
    assert panel.get_attribute("data-passed") == "false", panel.inner_text()
    set_code(widget, (DOCS / "exercises" / exercise / "solution.py").read_text(encoding="utf-8"))
    widget.locator(".livedash-check").click()
    page.wait_for_function("(p) => p.dataset.passed === 'true'", arg=panel.element_handle(), timeout=30_000)
    assert page.errors == []


def wait_until(page, condition, timeout_ms=30_000):
    for _ in range(timeout_ms // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("timed out")


def test_a_worker_waits_for_background_jobs_only_while_the_page_has_them(page, course):
    """Lesson 8's app has background callbacks: a worker is booted ahead for its next job (a job then
    starts at once), and let go on a page without them (an interpreter holds about 100 MB)."""
    started, closed = [], []
    page.on(
        "worker",
        lambda w: "livedash/worker.js" in w.url and (started.append(w), w.on("close", lambda _: closed.append(w))),
    )  # (not Material's search)
    page.goto(f"{course}lessons/08-background-callbacks/")
    widget = widget_of(page, "background_job.py")

    def live():
        return len(started) - len(closed)

    wait_until(page, lambda: live() == 2)  # the app's worker and the one for jobs (no spare for Stop)
    booted_ahead = list(started)
    widget.locator("#start").click()
    page.wait_for_function(
        "(w) => w.querySelector('#result').textContent.startsWith('Run 1')", arg=widget.element_handle(), timeout=30_000
    )
    wait_until(page, lambda: len(closed) == 1 and live() == 2)  # its worker ended, the next one is booted
    assert closed[0] in booted_ahead, "the job ran in the worker booted ahead for it"
    page.locator('a[href$="09-clientside-callbacks/"]').first.click()
    page.wait_for_url(re.compile(r"09-clientside-callbacks/$"))
    wait_ready(page.locator(".livedash").first)
    wait_until(page, lambda: live() == 1)
    page.wait_for_timeout(1000)
    assert live() == 1 and started[0] not in closed, "only the job worker was let go"
