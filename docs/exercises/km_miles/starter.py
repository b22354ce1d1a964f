"""Exercise (lesson 6): two boxes that convert into each other, without a loop."""
from dash import Dash, html, dcc, callback, Input, Output, ctx, no_update

app = Dash()

app.layout = html.Div([
    html.Label(["Kilometres ", dcc.Input(id="km", value="10")]),
    html.Label([" Miles ", dcc.Input(id="miles", value="6.21")]),
])

KM_PER_MILE = 1.609344


# TODO: these two callbacks feed each other: a circular dependency.
# Replace them with ONE callback that has both boxes as Inputs and as Outputs,
# and uses ctx.triggered_id to write only the box the reader did not type in.
@callback(Output("miles", "value"), Input("km", "value"))
def to_miles(km):
    return f"{float(km) / KM_PER_MILE:.2f}"


@callback(Output("km", "value"), Input("miles", "value"))
def to_km(miles):
    return f"{float(miles) * KM_PER_MILE:.2f}"


if __name__ == "__main__":
    app.run(debug=True)
