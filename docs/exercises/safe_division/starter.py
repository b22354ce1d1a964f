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


# TODO: an empty box (or one that is not a number) should change nothing at all,
# and a zero in "b" should keep the last result and say "Cannot divide by zero." in "note".
@callback(Output("result", "children"), Output("note", "children"), Input("a", "value"), Input("b", "value"))
def divide(a, b):
    return f"= {float(a) / float(b):g}", ""


if __name__ == "__main__":
    app.run(debug=True)
