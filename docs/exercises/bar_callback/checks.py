"""Checks for the lesson 4 exercise: a second callback on the same button drives the bar."""


def _width(app):
    style = app.prop("bar", "style") or {}
    return style.get("width")


def check_text_still_counts(app):
    """The text still counts the steps."""
    app.click("step")
    app.click("step")
    assert app.text("count") == "Step 2 of 5", (
        f"after two clicks the text should read 'Step 2 of 5', not {app.text('count')!r}"
    )


def check_bar_grows(app):
    """Each click makes the bar 20% wider."""
    app.click("step")
    assert _width(app) == "20%", f"after one click the bar's width should be '20%', not {_width(app)!r}"
    app.click("step")
    app.click("step")
    assert _width(app) == "60%", f"after three clicks the bar's width should be '60%', not {_width(app)!r}"


def check_bar_stops_at_full(app):
    """The bar stops at 100%."""
    for _ in range(7):
        app.click("step")
    assert _width(app) == "100%", f"after seven clicks the bar should be full ('100%'), not {_width(app)!r}"


def check_bar_keeps_its_look(app):
    """The bar keeps its height and colour."""
    app.click("step")
    style = app.prop("bar", "style") or {}
    assert style.get("height") == "100%" and style.get("background") == "seagreen", (
        "the returned style replaces the whole old one: keep 'height' and 'background' in it"
    )
