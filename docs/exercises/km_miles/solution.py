"""Exercise (lesson 6): two boxes that convert into each other, without a loop."""
from dash import Dash, html, dcc, callback, Input, Output, ctx, no_update

app = Dash()

app.layout = html.Div([
    html.Label(["Kilometres ", dcc.Input(id="km", value="10")]),
    html.Label([" Miles ", dcc.Input(id="miles")]),
])

KM_PER_MILE = 1.609344


# One callback for both directions: a callback may have the same property as Input and Output.
@callback(
    Output("km", "value"),
    Output("miles", "value"),
    Input("km", "value"),
    Input("miles", "value"),
)
def convert(km, miles):
    if ctx.triggered_id == "miles":
        return f"{float(miles) * KM_PER_MILE:.2f}", no_update
    # Typed in km, or the start-up call.
    return no_update, f"{float(km) / KM_PER_MILE:.2f}"


if __name__ == "__main__":
    app.run(debug=True)
