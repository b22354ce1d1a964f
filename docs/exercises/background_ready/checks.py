"""Checks for the lesson 8 exercise: the button while the job runs, its progress, and the status line
put back when it ends."""


def check_result(app):
    """The job's result appears."""
    app.click("go")
    assert app.text("result") == "Counted to 3 (1 times so far).", (
        f"after one click 'result' should read 'Counted to 3 (1 times so far).', not {app.text('result')!r}"
    )


def check_button_disabled_while_running(app):
    """The button is disabled while the job runs."""
    app.hold_jobs = True  # the job waits until run_jobs(), so we can look at the app meanwhile
    app.click("go")
    assert app.prop("go", "disabled") is True, (
        "while the job runs the button should be disabled: "
        'give the callback running=[(Output("go", "disabled"), True, False)]'
    )


def check_progress_steps(app):
    """The status line counts the steps while the job runs."""
    app.hold_jobs = True
    app.click("go")
    seen = []
    app.run_jobs(each_progress=lambda: seen.append(app.text("status")))
    assert seen == ["Step 1 of 3", "Step 2 of 3", "Step 3 of 3"], (
        f"while the job ran, 'status' showed {seen}, not Step 1 of 3 ... Step 3 of 3: "
        'call set_progress(f"Step {step} of 3") in the loop'
    )


def check_status_ready_again(app):
    """When the job is over, the status line reads Ready again."""
    app.click("go")
    assert app.text("status") == "Ready", (
        f"after the job 'status' reads {app.text('status')!r}: give the callback progress_default=\"Ready\""
    )


def check_button_enabled_after(app):
    """The button can be pressed again when the job is over."""
    app.click("go")
    assert not app.prop("go", "disabled"), (
        "the button stays disabled after the job: running= needs the value for after the job too (False)"
    )
    app.click("go")
    assert app.text("result") == "Counted to 3 (2 times so far).", (
        f"a second click should give 'Counted to 3 (2 times so far).', not {app.text('result')!r}"
    )
