"""Checks for the lesson 5 exercise: State for the amount, and a second link that shows the Store."""


def check_typing_alone_converts_nothing(app):
    """Typing an amount does not convert it yet."""
    app.type("euros", "10")
    assert app.prop("dollars", "data") is None, (
        "the Store changed while typing: the amount should be a State, so that only Convert runs the callback"
    )


def check_click_converts(app):
    """Convert puts the amount in dollars into the Store."""
    app.type("euros", "10")
    app.click("convert")
    data = app.prop("dollars", "data")
    assert data == 15, f"after typing 10 and pressing Convert the Store should hold 15.0, not {data!r}"


def check_result_is_shown(app):
    """The Store's data is shown as text."""
    app.type("euros", "10")
    app.click("convert")
    assert app.text("out") == "15.00 dollars", (
        f"'out' should read '15.00 dollars' (a callback with the Store's data as Input), not {app.text('out')!r}"
    )


def check_later_typing_keeps_the_result(app):
    """Typing a new amount keeps the last result until the next click."""
    app.type("euros", "10")
    app.click("convert")
    before = app.text("out")
    app.type("euros", "0")
    assert app.text("out") == before, "typing changed the result: only a click should convert"
    app.click("convert")
    assert app.text("out") == "150.00 dollars", (
        f"after 100 and Convert, 'out' should read '150.00 dollars', not {app.text('out')!r}"
    )
