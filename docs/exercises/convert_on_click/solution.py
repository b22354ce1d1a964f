"""Exercise (lesson 5): convert only when the button is pressed, and show the result."""
from dash import Dash, html, dcc, callback, Input, Output, State

app = Dash()

RATE = 1.5  # dollars per euro, in this made-up world

app.layout = html.Div([
    dcc.Input(id="euros", placeholder="Euros"),
    html.Button("Convert", id="convert"),
    dcc.Store(id="dollars"),
    html.P(id="out"),
])


# The amount is State: typing no longer runs this, a click on Convert does.
@callback(
    Output("dollars", "data"),
    Input("convert", "n_clicks"),
    State("euros", "value"),
    prevent_initial_call=True,
)
def convert(n_clicks, euros):
    return float(euros or 0) * RATE


# The second link of the chain: runs whenever the Store is written.
@callback(Output("out", "children"), Input("dollars", "data"))
def show(dollars):
    if dollars is None:
        return "Nothing converted yet."
    return f"{dollars:.2f} dollars"


if __name__ == "__main__":
    app.run(debug=True)
