"""Lesson 2: two buttons drive one output; ctx.triggered_id says which button fired."""
from dash import Dash, html, callback, Input, Output, ctx

app = Dash()

app.layout = html.Div([
    html.Button("+", id="plus"),
    html.Button("−", id="minus"),
    html.P(id="value"),
])


@callback(
    Output("value", "children"),
    Input("plus", "n_clicks"),
    Input("minus", "n_clicks"),
)
def update(plus_clicks, minus_clicks):
    # Both click counts arrive on every call; each is None until its button is first clicked.
    value = (plus_clicks or 0) - (minus_clicks or 0)
    # The id of the component that caused this call: "plus", "minus", or None at start-up.
    pressed = ctx.triggered_id
    if pressed is None:
        return f"Value: {value}"
    return f"Value: {value} (last pressed: {pressed})"


if __name__ == "__main__":
    app.run(debug=True)
