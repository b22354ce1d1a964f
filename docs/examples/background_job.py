"""Lesson 8: a slow job as a background callback, with progress, a disabled button and Cancel."""
import time

import diskcache
from dash import Dash, html, callback, Input, Output, DiskcacheManager

# Real Dash keeps background jobs in a cache on disk: pip install "dash[diskcache]".
manager = DiskcacheManager(diskcache.Cache())

app = Dash()

app.layout = html.Div([
    html.Button("Start", id="start"),
    html.Button("Cancel", id="cancel", disabled=True),
    html.P("Idle", id="progress"),
    html.P("No result yet.", id="result"),
])


@callback(
    Output("result", "children"),
    Input("start", "n_clicks"),
    background=True,
    manager=manager,
    # While the job runs: Start is disabled and Cancel enabled; afterwards, the other way round.
    running=[(Output("start", "disabled"), True, False), (Output("cancel", "disabled"), False, True)],
    progress=Output("progress", "children"),
    progress_default="Idle",
    cancel=Input("cancel", "n_clicks"),
    interval=200,
    prevent_initial_call=True,
)
def slow_sum(set_progress, n_clicks):
    total = 0
    for step in range(1, 6):
        time.sleep(0.3)  # stands in for real work
        total += step
        set_progress(f"Working: step {step} of 5")
    return f"Run {n_clicks}: the sum of 1 to 5 is {total}."


if __name__ == "__main__":
    app.run(debug=True)
