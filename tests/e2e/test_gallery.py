"""The component gallery (docs/gallery.md) in the browser: every dcc component of Dash 4.4.1 and a
DataTable, drawn by Dash's own React components in the course page, used as a reader uses them (typing,
clicking, dragging, the calendar, files, the browser's dialogs, permissions, a reload), and what the app's
callbacks report afterwards. The expected texts are what the same apps show in real Dash 4.4.1 after the
same actions; the selectors are Dash 4.4.1's own markup (class names, roles) as Chromium shows it."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_ready

GALLERY = "gallery/"
DOCS = Path(__file__).resolve().parents[2] / "docs"
TEXT_TIMEOUT = 15_000  # ms for a callback's answer to reach the page


@pytest.fixture
def gallery(page, course):
    """The gallery page, opened; ``gallery(name)`` gives the widget of examples/gallery/<name> once ready."""
    page.goto(course + GALLERY)

    def widget(filename):
        found = page.locator(f".livedash:has(.livedash-title:text-is('{filename}'))")
        expect(found).to_have_count(1)
        found.scroll_into_view_if_needed()
        wait_ready(found)
        return found

    return widget


def shows(locator, text, timeout=TEXT_TIMEOUT):
    """Wait until ``locator``'s text is ``text`` (a str: exactly, a compiled pattern: matching)."""
    expect(locator).to_have_text(text, timeout=timeout)


def test_every_dcc_component_is_in_a_gallery_app():
    """The page's promise: each component of dash.dcc 4.4.1, and a DataTable, appears in an app."""
    folder = DOCS / "examples" / "gallery"
    code = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.py")))
    dcc_4_4_1 = [
        "Button",
        "Checklist",
        "Clipboard",
        "ConfirmDialog",
        "ConfirmDialogProvider",
        "DatePickerRange",
        "DatePickerSingle",
        "Download",
        "Dropdown",
        "Geolocation",
        "Graph",
        "Input",
        "Interval",
        "Link",
        "Loading",
        "Location",
        "Markdown",
        "RadioItems",
        "RangeSlider",
        "Slider",
        "Store",
        "Tab",
        "Tabs",
        "Textarea",
        "Tooltip",
        "Upload",
    ]
    missing = [name for name in dcc_4_4_1 if f"dcc.{name}(" not in code]
    assert missing == [], missing
    assert "dash_table.DataTable(" in code
    page_text = (DOCS / "gallery.md").read_text(encoding="utf-8")
    shown = {path.name for path in folder.glob("*.py")}
    assert shown == set(re.findall(r'file="examples/gallery/([a-z_]+\.py)"', page_text))


def test_input_number_input_textarea_and_button(page, gallery):
    app = gallery("inputs.py")
    name, cups = app.locator("input#name"), app.locator("input#cups")
    name.click()
    name.press_sequentially("Ada")
    shows(app.locator("#live"), "Ada: 4 cups")
    # Dash 4's number box draws its own + and − buttons; + moves by the step, 2.
    app.locator(".dash-input-container:has(#cups) .dash-stepper-increment").click()
    shows(app.locator("#live"), "Ada: 6 cups")
    expect(cups).to_have_value("6")
    cups.press("ArrowUp")
    shows(app.locator("#live"), "Ada: 8 cups")
    cups.fill("3")  # not a multiple of the step: the value is None
    shows(app.locator("#live"), "Ada: not an allowed number of cups")
    cups.fill("10")
    shows(app.locator("#live"), "Ada: 10 cups")
    note = app.locator("textarea#note")
    note.click()
    note.press_sequentially("two words")
    assert app.locator("#sent").inner_text() == "Nothing sent yet.", "the State boxes do not call the callback"
    send = app.locator("button#send")
    assert "dash-button" in send.get_attribute("class")  # dcc.Button, not a plain html button
    send.click()
    shows(app.locator("#sent"), "Sent #1: Ada, 10 cups, a note of 9 characters.")
    assert page.errors == []


def test_dropdown_single_and_multi_checklist_and_radioitems(page, gallery):
    app = gallery("choices.py")
    order = app.locator("#order")
    shows(order, "A medium bowl of apple, with cherry on the side, honey.")
    options = page.locator(".dash-dropdown-options [role=option]")  # the open drop-down's options

    main = app.locator("button#main-fruit.dash-dropdown")
    main.click()
    expect(main).to_have_attribute("aria-expanded", "true")
    expect(options).to_have_text(["apple", "banana", "cherry", "damson", "elderberry"])
    options.filter(has_text="banana").click()
    shows(order, "A medium bowl of banana, with cherry on the side, honey.")
    expect(main).to_have_attribute("aria-expanded", "false")
    shows(main.locator(".dash-dropdown-value"), "banana")

    main.click()  # the search box filters the options
    page.locator(".dash-dropdown-content input.dash-dropdown-search").fill("eld")
    expect(options).to_have_text(["elderberry"])
    options.first.click()
    shows(order, "A medium bowl of elderberry, with cherry on the side, honey.")

    side = app.locator("button#side-fruit.dash-dropdown")
    side.click()
    options.filter(has_text="damson").click()
    shows(order, "A medium bowl of elderberry, with cherry, damson on the side, honey.")
    page.keyboard.press("Escape")
    expect(side).to_have_attribute("aria-expanded", "false")

    app.locator("#toppings [role=option]", has_text="nuts").click()
    shows(order, "A medium bowl of elderberry, with cherry, damson on the side, honey and nuts.")
    expect(app.locator("#toppings input[value=nuts]")).to_be_checked()
    app.locator("#size [role=option]", has_text="large").click()
    shows(order, "A large bowl of elderberry, with cherry, damson on the side, honey and nuts.")
    expect(app.locator("#size input[value=L]")).to_be_checked()
    expect(app.locator("#size input[value=M]")).not_to_be_checked()
    assert page.errors == []


def test_slider_by_keyboard_and_drag_and_rangeslider(page, gallery):
    app = gallery("sliders.py")
    volume = app.locator("#volume [role=slider]")
    expect(app.locator("#volume .dash-slider-mark")).to_have_text(["silent", "half", "loud"])
    volume.focus()
    volume.press("ArrowRight")
    volume.press("ArrowRight")
    shows(app.locator("#volume-text"), "Volume 5 of 10")
    expect(volume).to_have_attribute("aria-valuenow", "5")

    track = app.locator("#volume .dash-slider-track").bounding_box()
    thumb = volume.bounding_box()
    y = thumb["y"] + thumb["height"] / 2
    page.mouse.move(thumb["x"] + thumb["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(track["x"] + track["width"] * 0.8, y, steps=8)
    page.mouse.up()
    shows(app.locator("#volume-text"), "Volume 8 of 10")

    low, high = app.locator("#hours [role=slider]").nth(0), app.locator("#hours [role=slider]").nth(1)
    shows(app.locator("#hours-text"), "Open 9:00 to 17:00, 8 hours")
    high.focus()
    high.press("ArrowLeft")
    shows(app.locator("#hours-text"), "Open 9:00 to 16:00, 7 hours")
    low.focus()
    low.press("Home")
    shows(app.locator("#hours-text"), "Open 0:00 to 16:00, 16 hours")
    expect(low).to_have_attribute("aria-valuenow", "0")
    assert page.errors == []


def day_cell(page, day):
    """A selectable day of the open calendar (the first month shown when two are)."""
    return (
        page.locator(".dash-datepicker-content td.dash-datepicker-calendar-date-inside")
        .filter(has_text=re.compile(rf"^{day}$"))
        .first
    )


def test_datepickersingle_and_datepickerrange_in_the_calendar(page, gallery):
    app = gallery("dates.py")
    shows(app.locator("#day-text"), "Friday 14 March 2025")
    app.locator("input#day").click()
    calendar = page.locator(".dash-datepicker-content")
    expect(calendar).to_be_visible()
    # The allowed dates start on 1 March 2025: the calendar cannot go back, February's days are disabled.
    expect(calendar.locator("button[aria-label='Previous month']")).to_be_disabled()
    february = calendar.locator("td.dash-datepicker-calendar-date-outside").first
    expect(february).to_have_attribute("aria-disabled", "true")
    day_cell(page, 20).click()
    shows(app.locator("#day-text"), "Thursday 20 March 2025")
    expect(app.locator("input#day")).to_have_value("2025-03-20")
    expect(calendar).to_have_count(0)

    shows(app.locator("#stay-text"), "3 nights, from 10 March to 13 March")
    app.locator("input#stay").click()
    expect(calendar).to_be_visible()
    day_cell(page, 17).click()
    shows(app.locator("#stay-text"), "Pick both dates.")  # the arrival alone: the departure is cleared
    day_cell(page, 21).click()
    shows(app.locator("#stay-text"), "4 nights, from 17 March to 21 March")
    expect(app.locator("input#stay")).to_have_value("2025-03-17")
    expect(app.locator("input#stay-end-date")).to_have_value("2025-03-21")
    assert page.errors == []


def test_tabs_and_loading_spinner(page, gallery):
    app = gallery("tabs.py")
    text = app.locator("#season-text")
    shows(text, "Spring: Blossom and rain.")
    expect(app.locator("#season .tab--selected")).to_have_text("Spring")
    app.locator("#season .tab", has_text="Autumn").click()
    expect(app.locator("#season .tab--selected")).to_have_text("Autumn")
    # The callback sleeps a second: dcc.Loading shows its spinner meanwhile, then the new text. (The page's
    # apps share one Python: the click may wait for the apps below this one to start.)
    spinner = app.locator(".dash-spinner")
    expect(spinner).to_be_visible(timeout=TEXT_TIMEOUT)
    shows(text, "Autumn: Leaves and apples.")
    expect(spinner).to_have_count(0)
    expect(text).to_be_visible()
    assert page.errors == []


def test_markdown_from_a_textarea_and_clipboard(page, gallery):
    app = gallery("text.py")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page.evaluate("location.origin"))
    preview = app.locator("#preview")
    expect(preview.locator("h2")).to_have_text("Shopping")
    expect(preview.locator("table th")).to_have_text(["item", "how many"])
    expect(preview.locator("table td")).to_have_text(["eggs", "6", "flour", "1 kg"])
    expect(preview.locator("code")).to_have_text("whisk(eggs, flour)")
    link = preview.locator("a", has_text="Dash's documentation")
    expect(link).to_have_attribute("href", "https://dash.plotly.com/")
    expect(link).to_have_attribute("target", "_blank")

    source = app.locator("textarea#source")
    source.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\nNow *typed* here.")
    expect(preview.locator("em")).to_have_text("typed")

    copy = app.locator("#copy")
    copy.click()
    shows(app.locator("#copy-text"), "Copied 1 time.")
    expect(copy.locator("svg")).to_have_attribute("data-icon", "check-circle")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == source.input_value()
    assert copied.endswith("Now *typed* here.")
    assert page.errors == []


def test_graph_click_and_hover_and_tooltip(page, gallery):
    app = gallery("graph.py")
    bars = app.locator("#rain .bars .point")
    expect(bars).to_have_count(6, timeout=30_000)  # plotly.js drew the figure dict
    tip = app.locator("#rain-tip")
    expect(tip).to_be_hidden()
    bar = bars.nth(2)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(tip).to_be_visible(timeout=TEXT_TIMEOUT)
    shows(tip, "Mar 61 mm")
    # Shown beside the hovered bar (Dash draws it to the right of hoverData's bbox, at its top). Both measured
    # now: the page above may have moved meanwhile (a widget's status line unwrapping once its Python is ready).
    at, box = tip.bounding_box(), bar.bounding_box()
    assert abs(at["x"] - (box["x"] + box["width"])) < 40, (at, box)
    assert abs(at["y"] + at["height"] / 2 - box["y"]) < 40, (at, box)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    shows(app.locator("#clicked"), "You clicked Mar: 61 mm")
    page.mouse.move(1, 1)  # leave the bars: hoverData clears, the tip hides
    expect(tip).to_be_hidden(timeout=TEXT_TIMEOUT)
    assert page.errors == []


def test_upload_and_download(page, gallery):
    app = gallery("files.py")
    shows(app.locator("#upload-text"), "No file yet.")
    app.locator("#upload input[type=file]").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello, world\n"}]
    )
    shows(app.locator("#upload-text"), "notes.txt: 13 bytes")
    # A click on the box opens the file chooser, as in Dash.
    with page.expect_file_chooser() as chooser:
        app.locator("#upload").click()
    chooser.value.set_files(files=[{"name": "data.csv", "mimeType": "text/csv", "buffer": b"a,b\n1,2\n3,4\n"}])
    shows(app.locator("#upload-text"), "data.csv: 12 bytes")

    box = app.locator("input#to-save")
    box.fill("")
    box.press_sequentially("Saved by a test")
    with page.expect_download() as info:
        app.locator("button#save").click()
    download = info.value
    assert download.suggested_filename == "note.txt"
    with open(download.path(), encoding="utf-8") as saved:
        assert saved.read() == "Saved by a test"
    assert page.errors == []


def test_confirmdialog_and_confirmdialogprovider(page, gallery):
    app = gallery("dialogs.py")
    dialogs, answers = [], []

    def answer(dialog):
        dialogs.append((dialog.type, dialog.message))
        dialog.accept() if answers.pop(0) else dialog.dismiss()

    page.on("dialog", answer)

    answers.append(True)
    app.locator("button#empty").click()
    shows(app.locator("#empty-text"), "Emptied 1 time(s), kept 0 time(s).")
    assert dialogs == [("confirm", "Empty the bin? (Nothing is really deleted.)")]
    answers.append(False)
    app.locator("button#empty").click()
    shows(app.locator("#empty-text"), "Emptied 1 time(s), kept 1 time(s).")

    answers.append(False)
    app.locator("#publish button", has_text="Publish").click()
    shows(app.locator("#publish-text"), "Published 0 time(s), cancelled 1 time(s).")
    answers.append(True)
    app.locator("#publish button", has_text="Publish").click()
    shows(app.locator("#publish-text"), "Published 1 time(s), cancelled 1 time(s).")
    assert dialogs[2:] == [("confirm", "Publish the page now?")] * 2
    assert answers == []
    assert page.errors == []


def test_location_and_link_route_inside_the_app_and_the_page_stays(page, gallery):
    app = gallery("pages.py")
    here = page.url
    page.evaluate("window.__galleryDocument = true")
    shows(app.locator("#address"), "This app's path: /")
    expect(app.locator("#page h3")).to_have_text("Home")
    app.locator("a#to-recipes").click()
    shows(app.locator("#address"), "This app's path: /recipes")
    expect(app.locator("#page h3")).to_have_text("Recipes")
    assert page.url == here, "a dcc.Link moves the app's own URL, not the course page's"
    assert page.evaluate("window.__galleryDocument") is True, "the page was not reloaded"
    app.locator("a#to-home").click()
    shows(app.locator("#address"), "This app's path: /")
    expect(app.locator("#page h3")).to_have_text("Home")
    assert page.url == here
    assert page.errors == []


def test_store_in_local_storage_survives_a_reload(page, gallery):
    app = gallery("storage.py")
    text = app.locator("#visits-text")
    shows(text, "You pressed the button 0 time(s), over all your visits.")
    app.locator("button#here").click()
    shows(text, "You pressed the button 1 time(s), over all your visits.")
    app.locator("button#here").click()
    shows(text, "You pressed the button 2 time(s), over all your visits.")
    keys = page.evaluate("Object.keys(localStorage)")
    assert any("visits" in key for key in keys), keys
    assert "visits" not in keys, "kept under a name of this site, page and app, not Dash's bare id"

    page.reload()
    app = gallery("storage.py")
    shows(app.locator("#visits-text"), "You pressed the button 2 time(s), over all your visits.")
    app.locator("button#here").click()
    shows(app.locator("#visits-text"), "You pressed the button 3 time(s), over all your visits.")
    app.locator("button#forget").click()
    shows(app.locator("#visits-text"), "You pressed the button 0 time(s), over all your visits.")
    assert page.errors == []


def test_interval_ticks_up_to_max_intervals_and_restarts(page, gallery):
    app = gallery("storage.py")
    tick = app.locator("#tick-text")
    shows(tick, "Tick 5 of 5", timeout=20_000)
    # max_intervals=5: it stops there. (A thing that does not happen cannot be waited for: watch 2.5 intervals.)
    page.wait_for_timeout(2_500)
    assert tick.inner_text() == "Tick 5 of 5"
    app.locator("button#again").click()
    shows(tick, re.compile(r"Tick [0-2] of 5"))
    shows(tick, "Tick 5 of 5", timeout=20_000)
    assert page.errors == []


def test_geolocation_granted(page, gallery):
    app = gallery("storage.py")
    page.context.grant_permissions(["geolocation"], origin=page.evaluate("location.origin"))
    page.context.set_geolocation({"latitude": 51.5074, "longitude": -0.1278, "accuracy": 20})
    shows(app.locator("#geo-text"), "Position not asked for yet.")
    app.locator("button#locate").click()
    shows(app.locator("#geo-text"), "Latitude 51.507, longitude -0.128 (within 20 m)")
    page.context.set_geolocation({"latitude": 48.8566, "longitude": 2.3522, "accuracy": 5})
    app.locator("button#locate").click()  # update_now=True asks again
    shows(app.locator("#geo-text"), "Latitude 48.857, longitude 2.352 (within 5 m)")
    assert page.errors == []


def test_geolocation_denied(page, gallery):
    app = gallery("storage.py")  # no permission granted: headless Chromium refuses, as a reader saying no
    app.locator("button#locate").click()
    shows(app.locator("#geo-text"), re.compile(r"^No position: error 1 \("))
    assert page.errors == []


def test_datatable_edit_sort_active_cell_and_selection(page, gallery):
    app = gallery("table.py")
    table = app.locator("#basket")
    shows(app.locator("#total"), "Total: £13.50")

    def cell(column, row):
        return table.locator(f'td[data-dash-column="{column}"][data-dash-row="{row}"]')

    cell("qty", 1).click()
    shows(app.locator("#cell"), "Cell: row 1, column qty, value 1")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    shows(app.locator("#total"), "Total: £17.50")  # 4×0.5 + 3×2 + 2×3.5 + 10×0.25
    expect(cell("qty", 1)).to_have_text("3")

    table.locator('th[data-dash-column="qty"] .column-header--sort').click()
    expect(table.locator('td[data-dash-column="item"]')).to_have_text(["cheese", "bread", "apples", "dates"])
    sort_icon = table.locator('th[data-dash-column="qty"] .column-header--sort svg')
    expect(sort_icon).to_have_attribute("data-icon", "sort-up")
    cell("item", 0).click()
    shows(app.locator("#cell"), "Cell: row 0, column item, value cheese")

    table.locator("td.dash-select-cell input[type=radio]").nth(3).check()  # the row shown last: dates
    shows(app.locator("#selected"), "Selected: dates")
    shows(app.locator("#total"), "Total: £17.50")
    assert page.errors == []
