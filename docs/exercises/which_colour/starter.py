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
    # TODO: "Pick a colour" at start-up, then "You chose red" or "You chose blue"
    # after each click, depending on the button pressed last.
    return "Pick a colour"


if __name__ == "__main__":
    app.run(debug=True)
