"""Checks for the lesson 9 exercise: the Python callback returns what the JavaScript one does."""

CASES = [
    (-10, "cold", "steelblue"),
    (5, "cold", "steelblue"),
    (10, "mild", "seagreen"),
    (20, "mild", "seagreen"),
    (25, "hot", "firebrick"),
    (40, "hot", "firebrick"),
]


def check_words(app):
    """The word matches the JavaScript version at every temperature."""
    for temp, word, _ in CASES:
        app.set("temp", value=temp)
        assert app.text("word") == word, f"at {temp} degrees the word should be {word!r}, not {app.text('word')!r}"


def check_colours(app):
    """The colour matches the JavaScript version at every temperature."""
    for temp, _, colour in CASES:
        app.set("temp", value=temp)
        style = app.prop("word", "style") or {}
        assert style.get("color") == colour, (
            f"at {temp} degrees the word's style should be {{'color': {colour!r}}}, not {style!r}: "
            "the JavaScript returns two values, so the Python callback needs two Outputs"
        )
