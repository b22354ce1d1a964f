"""Exercise (lesson 2): say which button was pressed last."""
from dash import Dash, html, callback, Input, Output, ctx

app = Dash()

app.layout = html.Div([
    html.Button("Red", id="red"),
    html.Button("Blue", id="blue"),
    html.P(id="choice"),
])


@callback(Output("choice", "children"), Input("red", "n_clicks"), Input("blue", "n_clicks"))
def choose(red_clicks, blue_clicks):
    # The click counts do not matter here: only which button caused this call.
    if ctx.triggered_id is None:
        return "Pick a colour"
    return f"You chose {ctx.triggered_id}"


if __name__ == "__main__":
    app.run(debug=True)
