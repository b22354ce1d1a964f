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


# TODO 1: this runs at every keystroke. Make it run only when Convert is pressed.
@callback(
    Output("dollars", "data"),
    Input("convert", "n_clicks"),
    Input("euros", "value"),
    prevent_initial_call=True,
)
def convert(n_clicks, euros):
    return float(euros or 0) * RATE


# TODO 2: a second callback that shows the Store's data in "out", like "15.00 dollars".


if __name__ == "__main__":
    app.run(debug=True)
