"""Lesson 3: one callback, several outputs: the number, its colour, and a note kept with no_update."""
from dash import Dash, html, callback, Input, Output, no_update

app = Dash()

app.layout = html.Div([
    html.Button("+1", id="up"),
    html.Button("−1", id="down"),
    html.P("0", id="number", style={"fontSize": 32, "color": "grey"}),
    html.P("Below zero for the first time: not yet", id="note"),
])

COLOURS = {1: "green", 0: "grey", -1: "red"}


@callback(
    Output("number", "children"),
    Output("number", "style"),
    Output("note", "children"),
    Input("up", "n_clicks"),
    Input("down", "n_clicks"),
    prevent_initial_call=True,
)
def update(up, down):
    value = (up or 0) - (down or 0)
    sign = (value > 0) - (value < 0)
    style = {"fontSize": 32, "color": COLOURS[sign]}
    # Leave the note alone unless the value has just gone below zero.
    note = "Below zero for the first time: now!" if value == -1 and not up else no_update
    return str(value), style, note


if __name__ == "__main__":
    app.run(debug=True)
