"""Checks for the lesson 6 exercise: one callback converts both ways and leaves the typed box alone."""


def check_start(app):
    """At start the miles box shows 10 km in miles."""
    assert app.prop("miles", "value") == "6.21", (
        f"at start 'miles' should hold '6.21', not {app.prop('miles', 'value')!r}"
    )


def check_km_to_miles(app):
    """Typing kilometres fills in the miles and leaves the kilometres as typed."""
    app.set("km", value="100")
    assert app.prop("miles", "value") == "62.14", (
        f"after typing 100 km, 'miles' should hold '62.14', not {app.prop('miles', 'value')!r}"
    )
    assert app.prop("km", "value") == "100", (
        f"the km box was rewritten to {app.prop('km', 'value')!r} while the reader typed '100': "
        "the callback should return no_update for the box that triggered it"
    )


def check_miles_to_km(app):
    """Typing miles fills in the kilometres and leaves the miles as typed."""
    app.set("miles", value="1")
    assert app.prop("km", "value") == "1.61", (
        f"after typing 1 mile, 'km' should hold '1.61', not {app.prop('km', 'value')!r}"
    )
    assert app.prop("miles", "value") == "1", (
        f"the miles box was rewritten to {app.prop('miles', 'value')!r} while the reader typed '1'"
    )
