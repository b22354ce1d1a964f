"""Lesson 1: a button and a counter, joined by one callback."""
from dash import Dash, html, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("Click", id="btn"),
    html.P(id="count"),
])


@callback(Output("count", "children"), Input("btn", "n_clicks"))
def show_count(n_clicks):
    # n_clicks is None until the first click
    return f"Count: {n_clicks or 0}"


if __name__ == "__main__":
    app.run(debug=True)
