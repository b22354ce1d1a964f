"""Exercise (lesson 3): one callback, three outputs."""
from dash import Dash, html, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("+", id="up"),
    html.Button("−", id="down"),
    html.P(id="number"),
    html.P(id="parity"),
])


# TODO: also write "even" or "odd" into parity's children, and colour the number
# (number's style): {"color": "blue"} when it is even, {"color": "orange"} when it is odd.
@callback(
    Output("number", "children"),
    Input("up", "n_clicks"),
    Input("down", "n_clicks"),
)
def update(up_clicks, down_clicks):
    value = (up_clicks or 0) - (down_clicks or 0)
    return str(value)


if __name__ == "__main__":
    app.run(debug=True)
