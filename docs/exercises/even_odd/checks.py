"""Checks for the lesson 3 exercise: the number, its colour and its parity from one callback."""


def _colour(app):
    return (app.prop("number", "style") or {}).get("color")


def check_start(app):
    """At start-up: 0, even, blue."""
    assert app.text("number") == "0", f"at start the number should be '0', not {app.text('number')!r}"
    assert app.text("parity") == "even", f"at start 'parity' should read 'even', not {app.text('parity')!r}"
    assert _colour(app) == "blue", f"at start the number's colour should be 'blue', not {_colour(app)!r}"


def check_odd(app):
    """After one +: 1, odd, orange."""
    app.click("up")
    assert app.text("number") == "1", f"after one + the number should be '1', not {app.text('number')!r}"
    assert app.text("parity") == "odd", f"at 1 'parity' should read 'odd', not {app.text('parity')!r}"
    assert _colour(app) == "orange", f"at 1 the number's colour should be 'orange', not {_colour(app)!r}"


def check_negative(app):
    """Below zero it still works: -1 is odd, -2 is even."""
    app.click("down")
    assert app.text("parity") == "odd", f"at -1 'parity' should read 'odd', not {app.text('parity')!r}"
    app.click("down")
    assert app.text("parity") == "even" and _colour(app) == "blue", (
        f"at -2 'parity' should read 'even' in blue, not {app.text('parity')!r} in {_colour(app)!r}"
    )
