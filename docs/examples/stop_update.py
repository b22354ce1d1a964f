"""Lesson 7: PreventUpdate cancels the whole update; no_update skips one output."""
import math

from dash import Dash, html, dcc, callback, Input, Output, no_update
from dash.exceptions import PreventUpdate

app = Dash()

app.layout = html.Div([
    html.Label(["Number: ", dcc.Input(id="number", value="16")]),
    html.P(id="root"),
    html.P(id="note", style={"color": "firebrick"}),
])


@callback(Output("root", "children"), Output("note", "children"), Input("number", "value"))
def square_root(text):
    try:
        x = float(text)
    except (TypeError, ValueError):
        # Empty box or half-typed: nothing sensible to show, so change nothing at all.
        raise PreventUpdate
    if x < 0:
        # Keep the last answer on screen, but explain why it did not change.
        return no_update, "Negative numbers have no real square root."
    return f"√{x:g} = {math.sqrt(x):.3f}", ""


if __name__ == "__main__":
    app.run(debug=True)
