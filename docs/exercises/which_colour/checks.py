"""Checks for the lesson 2 exercise: ctx.triggered_id names the button pressed last."""


def check_start(app):
    """At start-up the text asks for a colour."""
    assert app.text("choice") == "Pick a colour", (
        f"at start the text should be 'Pick a colour', not {app.text('choice')!r}"
    )


def check_red(app):
    """Pressing Red says red."""
    app.click("red")
    assert app.text("choice") == "You chose red", (
        f"after Red the text should be 'You chose red', not {app.text('choice')!r}"
    )


def check_last_press_wins(app):
    """The last button pressed wins, whatever the click counts."""
    app.click("red")
    app.click("red")
    app.click("blue")
    assert app.text("choice") == "You chose blue", (
        f"after Red, Red, Blue the text should be 'You chose blue', not {app.text('choice')!r}: "
        "use ctx.triggered_id, not the number of clicks"
    )
    app.click("red")
    assert app.text("choice") == "You chose red", (
        f"after another Red the text should be 'You chose red', not {app.text('choice')!r}"
    )
