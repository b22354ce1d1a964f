"""Lesson 4: two callbacks write the same output, which needs allow_duplicate=True."""
from dash import Dash, html, callback, Input, Output

app = Dash()

BAR = {"height": "100%", "background": "seagreen"}

app.layout = html.Div([
    html.Button("Fill", id="fill"),
    html.Button("Empty", id="empty"),
    html.Div(
        html.Div(id="bar", style={**BAR, "width": "50%"}),
        style={"width": "300px", "height": "16px", "background": "#ddd"},
    ),
    html.P("Half full", id="label"),
])


# The first callback to write bar.style and label.children: nothing special needed.
@callback(
    Output("bar", "style"),
    Output("label", "children"),
    Input("fill", "n_clicks"),
    prevent_initial_call=True,
)
def fill(n_clicks):
    return {**BAR, "width": "100%"}, "Full"


# A second writer of the same properties must say so with allow_duplicate=True,
# and Dash then insists on prevent_initial_call=True (see the lesson for why).
@callback(
    Output("bar", "style", allow_duplicate=True),
    Output("label", "children", allow_duplicate=True),
    Input("empty", "n_clicks"),
    prevent_initial_call=True,
)
def empty(n_clicks):
    return {**BAR, "width": "0%"}, "Empty"


if __name__ == "__main__":
    app.run(debug=True)
