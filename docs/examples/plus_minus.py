"""Lesson 2: two buttons drive one number; ctx.triggered_id tells which was pressed."""
from dash import Dash, html, callback, Input, Output, ctx

app = Dash()

app.layout = html.Div([
    html.Button("+1", id="plus"),
    html.Button("−1", id="minus"),
    html.P(id="value"),
    html.P(id="last"),
])


@callback(
    Output("value", "children"),
    Output("last", "children"),
    Input("plus", "n_clicks"),
    Input("minus", "n_clicks"),
)
def update(plus_clicks, minus_clicks):
    value = (plus_clicks or 0) - (minus_clicks or 0)
    pressed = ctx.triggered_id  # "plus", "minus", or None on the first call
    last = "Nothing pressed yet" if pressed is None else f"Last pressed: {pressed}"
    return f"Value: {value}", last


if __name__ == "__main__":
    app.run(debug=True)
