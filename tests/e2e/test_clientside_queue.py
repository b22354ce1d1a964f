"""Every reader action is run, in order, even while a run waits for a clientside callback in the page.

The page sends each keystroke as an update. While the worker runs a slow Python callback, the keystrokes
that follow are already on their way; when the run then pauses for a clientside callback (a Promise that
settles later), those updates reach a worker whose app waits for the page. They must be queued behind the
waiting run, not refused ("a run is waiting for a clientside callback; resume it first"), or the
callbacks of those keystrokes never run and characters are lost.
"""

from playwright.sync_api import expect

from tests.e2e.conftest import eventually, one_example

APP = '''\
import time
from dash import Dash, html, dcc, callback, clientside_callback, Input, Output, State

app = Dash()
app.layout = html.Div([
    dcc.Input(id="text", value=""),
    html.P(id="python"),
    html.P(id="js"),
    dcc.Store(id="seen", data=[]),
])


@callback(Output("python", "children"), Output("seen", "data"), Input("text", "value"), State("seen", "data"))
def slow_python(value, seen):
    start = time.perf_counter()
    while time.perf_counter() - start < 0.04:   # busy: the next keystrokes arrive meanwhile
        pass
    return value.upper(), seen + [value]


clientside_callback(
    """function(value) {
        return new Promise((resolve) => setTimeout(() => resolve(value.split("").reverse().join("")), 30));
    }""",
    Output("js", "children"), Input("python", "children"))
'''

SETTLED = "(w) => w.livedash.idle()"


def test_fast_typing_into_an_input_feeding_python_and_clientside_loses_nothing(page, tmp_path):
    with one_example(page, tmp_path, APP) as widget:
        handle = widget.element_handle()
        box = widget.locator("#text")
        typed = ""
        for chunk in ["hello world", " again", " and once more"]:
            box.click()
            page.keyboard.press("End")
            page.keyboard.type(chunk, delay=0)
            typed += chunk
            page.wait_for_function(SETTLED, arg=handle, timeout=30_000)
            assert widget.locator(".livedash-error").is_hidden(), widget.locator(".livedash-error").inner_text()
            expect(box).to_have_value(typed)
            expect(widget.locator("#python")).to_have_text(typed.upper())
            expect(widget.locator("#js")).to_have_text(typed.upper()[::-1])
            # The Python callback ran for the initial value, then once for every keystroke, in order.
            eventually(
                lambda: handle.evaluate("(w) => w.livedash.props('seen').data"),
                [""] + [typed[:n] for n in range(1, len(typed) + 1)],
                "the Python callback's values",
            )
        expect(widget.locator(".livedash-status")).to_have_attribute("data-state", "ready")
        assert not page.errors
