"""Exercise (lesson 3): one callback, three outputs."""
from dash import Dash, html, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("+", id="up"),
    html.Button("−", id="down"),
    html.P(id="number"),
    html.P(id="parity"),
])


@callback(
    Output("number", "children"),
    Output("number", "style"),
    Output("parity", "children"),
    Input("up", "n_clicks"),
    Input("down", "n_clicks"),
)
def update(up_clicks, down_clicks):
    value = (up_clicks or 0) - (down_clicks or 0)
    even = value % 2 == 0
    # One value per Output, in the same order as the Outputs.
    return str(value), {"color": "blue" if even else "orange"}, "even" if even else "odd"


if __name__ == "__main__":
    app.run(debug=True)
