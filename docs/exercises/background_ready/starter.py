"""Exercise (lesson 8): a background job that reports progress and tidies up after itself."""
import time

import diskcache
from dash import Dash, html, callback, Input, Output, DiskcacheManager

manager = DiskcacheManager(diskcache.Cache())

app = Dash()

app.layout = html.Div([
    html.Button("Count", id="go"),
    html.P("Ready", id="status"),
    html.P(id="result"),
])


# TODO: disable the button while the job runs, report "Step 1 of 3" ... "Step 3 of 3" in "status",
# and make "status" read "Ready" again when the job is over.
@callback(
    Output("result", "children"),
    Input("go", "n_clicks"),
    background=True,
    manager=manager,
    progress=Output("status", "children"),
    prevent_initial_call=True,
)
def count(set_progress, n_clicks):
    for step in range(1, 4):
        time.sleep(0.2)
    return f"Counted to 3 ({n_clicks} times so far)."


if __name__ == "__main__":
    app.run(debug=True)
