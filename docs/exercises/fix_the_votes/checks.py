"""Checks for the lesson 11 exercise: a misspelt option and a missing return value."""


def check_dislike(app):
    """Dislike writes its message."""
    app.click("dislike")
    assert app.text("message") == "Sorry to hear that.", (
        f"after Dislike 'message' should read 'Sorry to hear that.', not {app.text('message')!r}: "
        "no callback runs while Dash reports duplicate outputs (look at the option of the second callback)"
    )


def check_like(app):
    """Like counts and thanks."""
    try:
        app.click("like")
    except AssertionError as error:
        raise AssertionError("the like callback failed: it has two Outputs, so it must return two values") from error
    assert app.text("likes") == "Likes: 1", f"after one Like 'likes' should read 'Likes: 1', not {app.text('likes')!r}"
    assert app.text("message") == "Thanks!", f"after Like 'message' should read 'Thanks!', not {app.text('message')!r}"


def check_both_in_turn(app):
    """Like and Dislike both keep working, in any order."""
    app.click("dislike")
    app.click("like")
    assert app.text("message") == "Thanks!", (
        f"after Dislike then Like 'message' should read 'Thanks!', not {app.text('message')!r}"
    )
    app.click("dislike")
    assert app.text("message") == "Sorry to hear that.", (
        f"after another Dislike 'message' should read 'Sorry to hear that.', not {app.text('message')!r}"
    )
    assert app.text("likes") == "Likes: 1", f"'likes' should still read 'Likes: 1', not {app.text('likes')!r}"
