"""The course in a real browser: pre-rendered apps, clicks before Python, instant navigation, edit/run/reset."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import code_of, drawn_diagram, eventually, set_code, type_in_editor, wait_ready

LESSON_1 = "lessons/01-first-callback/"
LESSON_2 = "lessons/02-several-inputs/"


def first_widget(page):
    return page.locator(".livedash").first


def open_lesson(page, url):
    """Open a lesson and wait until its first widget is ready; returns that widget."""
    page.goto(url)
    widget = first_widget(page)
    wait_ready(widget)
    return widget


def count_is(page, text):
    page.wait_for_function("(text) => document.querySelector('.livedash #count').textContent === text", arg=text)


def run_edited(widget, edit):
    """Change the widget's code with ``edit(code)`` and press Run; returns the original code."""
    original = code_of(widget)
    set_code(widget, edit(original))
    widget.locator(".livedash-run").click()
    return original


def test_app_is_drawn_before_python_and_early_clicks_are_kept(page, course):
    held = []
    # Hold Pyodide's wasm so Python cannot be ready while we click.
    page.route(re.compile(r".*pyodide\.asm\.wasm$"), lambda route: held.append(route))
    page.goto(course + LESSON_1)
    widget = first_widget(page)
    count = widget.locator("#count")
    assert count.inner_text() == "Count: 0"
    for _ in range(3):
        widget.locator("#btn").click()
    assert widget.locator(".livedash-status").get_attribute("data-state") == "loading"
    assert count.inner_text() == "Count: 0"
    page.wait_for_function("() => true")  # let the route handler record the request
    assert held, "the wasm request was not seen"
    held[0].continue_()
    wait_ready(widget)
    page.wait_for_function("() => document.querySelector('.livedash #count').textContent === 'Count: 3'")
    assert page.errors == []


def test_python_that_cannot_load_is_said_and_the_app_stays_drawn(page, course):
    page.route(re.compile(r".*pyodide\.asm\.wasm$"), lambda route: route.abort())
    page.goto(course + LESSON_1)
    widget = first_widget(page)
    status = widget.locator(".livedash-status")
    widget.locator('.livedash-status[data-state="error"]').wait_for(timeout=30_000)
    expect(status).to_have_text("Python failed to load")
    error = widget.locator(".livedash-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Python failed to load: its WebAssembly could not be loaded")
    expect(error).to_contain_text("reload the page")
    expect(widget.locator("#count")).to_have_text("Count: 0")  # the pre-rendered app is still there


def test_a_stalled_python_download_is_said_to_be_slow(page, course):
    page.clock.install()  # the page's timers: the 20 s of a stalled boot pass at once
    page.route(re.compile(r".*pyodide\.asm\.wasm$"), lambda route: None)  # never answered
    page.goto(course + LESSON_1)
    status = first_widget(page).locator(".livedash-status")
    page.clock.run_for(5_000)
    expect(status).to_have_text("Loading Python…")
    page.clock.run_for(16_000)
    expect(status).to_have_attribute("data-state", "loading")
    expect(status).to_have_text(re.compile(r"^Still loading Python"))


def test_instant_navigation_keeps_the_worker(page, course):
    wasm_requests = []
    page.on("request", lambda r: wasm_requests.append(r.url) if r.url.endswith("pyodide.asm.wasm") else None)
    page.goto(course + LESSON_1)
    wait_ready(first_widget(page))
    first_widget(page).locator("#btn").click()
    page.wait_for_function("() => document.querySelector('.livedash #count').textContent === 'Count: 1'")
    # The app's worker only: nothing is booted ahead for Stop (its replacement comes from the snapshot).
    page.wait_for_timeout(4_000)
    assert len(wasm_requests) == 1, wasm_requests
    page.evaluate("window.__stillTheSameDocument = true")
    page.locator(f'a[href$="{LESSON_2[len("lessons/") :]}"], a[href$="../02-several-inputs/"]').first.click()
    page.wait_for_url(re.compile(re.escape(LESSON_2) + "$"))
    widget = first_widget(page)
    # (the URL changes before the content is swapped: lesson 1's widget is ready too)
    expect(widget.locator(".livedash-title")).to_have_text("plus_minus.py")
    wait_ready(widget, timeout=15_000)
    assert page.evaluate("window.__stillTheSameDocument") is True, "the page was reloaded, not swapped"
    assert len(wasm_requests) == 1, "instant navigation booted Python again"
    buttons = widget.locator("button[id]")
    before = widget.locator(".livedash-app").inner_text()
    buttons.first.click()
    page.wait_for_function(
        "(before) => document.querySelector('.livedash .livedash-app').innerText !== before", arg=before
    )
    assert page.errors == []


def test_course_works_under_a_sub_path(page, course_under_subpath):
    widget = open_lesson(page, course_under_subpath + LESSON_1)
    widget.locator("#btn").click()
    count_is(page, "Count: 1")
    assert page.errors == []


def test_edit_run_and_reset(page, course):
    widget = open_lesson(page, course + LESSON_1)
    original = run_edited(widget, lambda code: code.replace("Count: ", "Clicks so far: "))
    count_is(page, "Clicks so far: 0")
    widget.locator("#btn").click()
    count_is(page, "Clicks so far: 1")
    widget.locator(".livedash-reset").click()
    count_is(page, "Count: 0")
    eventually(lambda: code_of(widget), original)
    assert page.errors == []


def test_callback_values_containing_html_are_shown_as_text(page, course):
    widget = open_lesson(page, course + LESSON_1)
    run_edited(widget, lambda code: code.replace('f"Count: {', 'f"<b>bold</b> {'))
    count_is(page, "<b>bold</b> 0")
    expect(widget.locator("#count b")).to_have_count(0)


def test_javascript_render_matches_the_prerendered_html(page, course):
    import urllib.request

    raw = urllib.request.urlopen(course + LESSON_1).read().decode()
    prerendered = re.search(r'<div class="livedash-app"[^>]*>(.*?)</div><div class="livedash-error"', raw, re.S).group(
        1
    )
    page.goto(course + LESSON_1)
    wait_ready(first_widget(page))
    rendered = first_widget(page).locator(".livedash-app").evaluate("el => el.innerHTML")
    assert rendered == prerendered.replace("&#x27;", "'")  # browsers write ' unescaped


def test_a_callback_error_is_shown_and_the_app_keeps_working(page, course):
    widget = open_lesson(page, course + LESSON_1)
    line = 'return f"Count: {n_clicks or 0}"'

    def add_error(code):
        assert line in code
        return code.replace(line, f'if n_clicks == 1:\n        raise ValueError("first click")\n    {line}')

    run_edited(widget, add_error)
    count_is(page, "Count: 0")
    widget.locator("#btn").click()
    error = widget.locator(".livedash-error")
    expect(error).to_contain_text("ValueError")
    expect(error).to_contain_text("first click")
    widget.locator("#btn").click()
    count_is(page, "Count: 2")


def test_callback_diagrams_are_drawn_also_after_instant_navigation(page, course):
    widget = open_lesson(page, course + LESSON_1)
    expect(drawn_diagram(widget).first).to_contain_text("show_count")
    page.locator('a[href$="02-several-inputs/"]').first.click()
    page.wait_for_url(re.compile(re.escape(LESSON_2) + "$"))
    # (the URL changes before the page's content is swapped: the locator finds the new diagram once it is drawn)
    expect(drawn_diagram(first_widget(page)).first).to_contain_text("update")
    assert page.errors == []


def test_the_app_works_when_mermaid_cannot_load(page, course):
    page.route(re.compile(r".*mermaid.*\.mjs$"), lambda route: route.abort())
    widget = open_lesson(page, course + LESSON_1)
    widget.locator("#btn").click()
    count_is(page, "Count: 1")
    expect(widget.locator(".livedash-diagram")).to_contain_text("could not be drawn")
    trace = widget.locator(".livedash-trace")
    trace.locator("summary").click()
    expect(trace.locator(".ld-trace-run").last).to_contain_text("by btn.n_clicks")


def course_pages(course):
    """Every page of the built course, from its sitemap."""
    import urllib.request

    sitemap = urllib.request.urlopen(course + "sitemap.xml").read().decode()
    paths = [re.sub(r"^https?://[^/]+/(livedash/)?", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    assert len(paths) >= 4, paths
    return paths


def test_mermaid_draws_every_diagram_of_the_course(page, course):
    drawn = 0
    for path in course_pages(course):
        page.goto(course + path)
        figures = page.locator(".livedash-diagram:has(.livedash-mermaid:not(:empty))")
        for number in range(figures.count()):
            figure = figures.nth(number)
            drawn_diagram(figure)
            assert figure.locator(".livedash-diagram-error").count() == 0, path
            assert "Syntax error" not in figure.inner_text(), path
            assert figure.locator("g.node").count() >= 2, path
            drawn += 1
    assert drawn >= 4 and page.errors == []


def reset_and_undo(page, widget):
    """Reset (the lesson's code back, "Undo reset" offered), then Undo: the edit is back."""
    edit = code_of(widget)
    widget.locator(".livedash-reset").click()
    eventually(lambda: code_of(widget), lambda code: code != edit)
    undo = widget.locator(".livedash-undo")
    expect(undo, "Reset with the editor loaded offers no way back").to_be_visible()
    undo.click()
    eventually(lambda: code_of(widget), edit)
    expect(undo).to_be_hidden()


def test_reset_can_be_undone_with_the_editor_loaded_also_after_a_reload(page, course):
    widget = open_lesson(page, course + LESSON_1)
    type_in_editor(page, widget, "\n# my note")
    reset_and_undo(page, widget)
    assert code_of(widget).endswith("# my note")
    page.wait_for_timeout(300)
    widget = open_lesson(page, course + LESSON_1)
    assert code_of(widget).endswith("# my note"), "the undone edit is saved again"
    type_in_editor(page, widget, " again")  # the reader's saved edit, in Ace this time
    reset_and_undo(page, widget)
    assert code_of(widget).endswith("# my note again")
    expect(widget.locator(".livedash-edited")).to_be_visible()
    assert page.errors == []


def overflowing_lines(widget):
    """How far the code's text runs past the right edge of its box (the view's, or Ace's text area):
    0 or less when every line is seen."""
    return widget.evaluate("""(w) => {
      const box = w.querySelector('.livedash-view code') || w.querySelector('.livedash-ace .ace_scroller');
      let right = -Infinity;
      for (const line of box.querySelectorAll('.ld-line, .ace_line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
          const end = node.data.trimEnd().length;   // (a space at a row's end may hang past it, as in Ace)
          if (!end) continue;
          const range = document.createRange();
          range.setStart(node, 0);
          range.setEnd(node, end);
          for (const rect of range.getClientRects()) right = Math.max(right, rect.right);
        }
      }
      const edge = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight);
      const scrolled = box.classList.contains('ace_scroller') ? 0 : box.scrollWidth - box.clientWidth;
      return Math.max(scrolled, right - edge); }""")


def test_every_code_line_is_seen_on_a_phone_and_copy_keeps_off_the_first_line(browser, course):
    context = browser.new_context(
        viewport={"width": 360, "height": 800}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    try:
        widget = open_lesson(page, course + LESSON_1)
        view = widget.locator(".livedash-view")
        assert overflowing_lines(widget) <= 0
        # A long line wraps: its line (one block) is more than one row high.
        rows = view.evaluate(
            "(v) => Math.max(...[...v.querySelectorAll('.ld-line')].map((l) => l.offsetHeight))"
            " / parseFloat(getComputedStyle(v.querySelector('code')).lineHeight)"
        )
        assert rows >= 2
        # Material's copy button is not on the view (its first line); the widget's own Copy is in the tools row.
        assert view.locator(".md-code__nav, .md-clipboard").count() == 0
        copy = widget.locator(".livedash-copy")
        first_line = view.locator(".ld-line").first.bounding_box()
        button = copy.bounding_box()
        assert button["y"] + button["height"] <= first_line["y"], (button, first_line)
        copy.click()
        page.wait_for_function("(b) => b.textContent === 'Copied'", arg=copy.element_handle())
        assert page.evaluate("navigator.clipboard.readText()") == code_of(widget)

        height = widget.bounding_box()["height"]
        type_in_editor(page, widget, "")
        assert abs(widget.bounding_box()["height"] - height) < 2, "the swap to the editor moved what follows"
        assert overflowing_lines(widget) <= 0
        assert page.errors == []
    finally:
        context.close()


def test_download_is_a_py_file_without_assets_and_a_zip_with_the_assets_it_uses(page, course):
    import io
    import zipfile

    widget = open_lesson(page, course + LESSON_1)
    with page.expect_download() as info:
        widget.locator(".livedash-download").click()
    assert info.value.suggested_filename == "counter.py"
    with open(info.value.path(), encoding="utf-8") as saved:
        assert saved.read().endswith(code_of(widget))

    page.goto(course + "lessons/09-clientside-callbacks/")
    widget = page.locator(".livedash:has(.livedash-title:text-is('clientside_function.py'))")
    with page.expect_download() as info:
        widget.locator(".livedash-download").click()
    assert info.value.suggested_filename == "clientside_function.zip"
    with zipfile.ZipFile(io.BytesIO(open(info.value.path(), "rb").read())) as archive:
        assert archive.namelist() == [
            "clientside_function/clientside_function.py",
            "clientside_function/assets/course.js",
        ]
