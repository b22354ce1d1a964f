"""Checks for the lesson 7 exercise: PreventUpdate for half-typed input, no_update for division by zero."""


def check_divides(app):
    """10 ÷ 4 shows = 2.5."""
    assert app.text("result") == "= 2.5", f"'result' should read '= 2.5' at start, not {app.text('result')!r}"


def check_empty_box_changes_nothing(app):
    """An empty box changes nothing."""
    try:
        app.set("b", value="")
    except AssertionError as error:
        raise AssertionError(
            "emptying 'b' made the callback fail: raise PreventUpdate when a box is not a number"
        ) from error
    assert app.text("result") == "= 2.5", f"emptying 'b' changed the result to {app.text('result')!r}"
    assert app.text("note") == "", f"emptying 'b' changed the note to {app.text('note')!r}: change nothing at all"


def check_zero_keeps_result(app):
    """Dividing by zero keeps the last result and explains."""
    try:
        app.set("b", value="0")
    except AssertionError as error:
        raise AssertionError("b = 0 made the callback fail: check for zero before dividing") from error
    assert app.text("result") == "= 2.5", (
        f"with b = 0 'result' should keep '= 2.5' (no_update), not {app.text('result')!r}"
    )
    assert app.text("note") == "Cannot divide by zero.", (
        f"with b = 0 'note' should read 'Cannot divide by zero.', not {app.text('note')!r}"
    )


def check_recovers(app):
    """A valid number afterwards divides again and clears the note."""
    try:
        app.set("b", value="0")
    except AssertionError:
        pass
    app.set("b", value="5")
    assert app.text("result") == "= 2", f"10 ÷ 5 should show '= 2', not {app.text('result')!r}"
    assert app.text("note") == "", f"the note should be empty again, not {app.text('note')!r}"
