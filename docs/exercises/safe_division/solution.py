"""Exercise (lesson 7): a division that never fails."""
from dash import Dash, html, dcc, callback, Input, Output, no_update
from dash.exceptions import PreventUpdate

app = Dash()

app.layout = html.Div([
    html.Label(["Divide ", dcc.Input(id="a", value="10")]),
    html.Label([" by ", dcc.Input(id="b", value="4")]),
    html.P(id="result"),
    html.P(id="note"),
])


@callback(Output("result", "children"), Output("note", "children"), Input("a", "value"), Input("b", "value"))
def divide(a, b):
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        raise PreventUpdate  # half-typed: leave everything as it is
    if y == 0:
        return no_update, "Cannot divide by zero."  # keep the last result, explain why
    return f"= {x / y:g}", ""


if __name__ == "__main__":
    app.run(debug=True)
