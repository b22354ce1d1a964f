"""Checks for the lesson 8 exercise: the job's result, and the status line put back when it ends."""


def check_result(app):
    """The job's result appears."""
    app.click("go")
    assert app.text("result") == "Counted to 3 (1 times so far).", \
        f"after one click 'result' should read 'Counted to 3 (1 times so far).', not {app.text('result')!r}"


def check_status_ready_again(app):
    """When the job is over, the status line reads Ready again."""
    app.click("go")
    assert app.text("status") == "Ready", \
        f"after the job 'status' reads {app.text('status')!r}: give the callback progress_default=\"Ready\""


def check_button_enabled_after(app):
    """The button can be pressed again when the job is over."""
    app.click("go")
    assert not app.prop("go", "disabled"), \
        "the button stays disabled after the job: running= needs the value for after the job too (False)"
    app.click("go")
    assert app.text("result") == "Counted to 3 (2 times so far).", \
        f"a second click should give 'Counted to 3 (2 times so far).', not {app.text('result')!r}"
