"""Checks for the lesson 10 exercise: MATCH per item, ALL for the summary."""


def _colour(app, index):
    return (app.prop({"type": "name", "index": index}, "style") or {}).get("color")


def check_item_greys_out(app):
    """Ticking an item greys out its name, and only its name."""
    app.set({"type": "got", "index": 1}, value=["got"])
    assert _colour(app, 1) == "grey", f"after ticking milk its name's colour should be 'grey', not {_colour(app, 1)!r}"
    assert _colour(app, 0) != "grey" and _colour(app, 2) != "grey", (
        "ticking milk greyed out another item too: use MATCH in both the Output and the Input"
    )


def check_untick(app):
    """Unticking makes the name black again."""
    app.set({"type": "got", "index": 2}, value=["got"])
    app.set({"type": "got", "index": 2}, value=[])
    assert _colour(app, 2) == "black", f"after unticking apples the colour should be 'black', not {_colour(app, 2)!r}"


def check_summary_at_start(app):
    """At start the summary reads 0 of 3 in the basket."""
    assert app.text("summary") == "0 of 3 in the basket", (
        f"at start 'summary' should read '0 of 3 in the basket', not {app.text('summary')!r}"
    )


def check_summary_counts(app):
    """The summary counts the ticked items."""
    app.set({"type": "got", "index": 0}, value=["got"])
    app.set({"type": "got", "index": 2}, value=["got"])
    assert app.text("summary") == "2 of 3 in the basket", (
        f"with two items ticked 'summary' should read '2 of 3 in the basket', not {app.text('summary')!r}"
    )
