"""Lesson 5: a chain of two callbacks with a dcc.Store in the middle."""
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("Add", id="add"),
    html.Label(["Points per click:", dcc.Slider(id="factor", min=1, max=5, step=1, value=2)]),
    # A Store is invisible: it only holds data for other callbacks to read.
    dcc.Store(id="total"),
    html.P(id="result"),
])


# Link 1: compute the number and keep it in the Store.
@callback(Output("total", "data"), Input("add", "n_clicks"), Input("factor", "value"))
def compute(n_clicks, factor):
    return (n_clicks or 0) * factor


# Link 2: the Store's data is an input here, so this runs whenever link 1 writes it.
@callback(Output("result", "children"), Input("total", "data"))
def show(total):
    return f"Total: {total} points"


if __name__ == "__main__":
    app.run(debug=True)
