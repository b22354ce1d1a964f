"""Lesson 6: State breaks the loop: fahrenheit -> celsius only runs on a button click."""
from dash import Dash, html, dcc, callback, Input, Output, State

app = Dash()

app.layout = html.Div([
    html.Label(["Celsius ", dcc.Input(id="celsius", value="20")]),
    html.Label([" Fahrenheit ", dcc.Input(id="fahrenheit")]),
    html.Button("Fahrenheit to Celsius", id="back"),
])


# Typing in celsius updates fahrenheit at once.
@callback(Output("fahrenheit", "value"), Input("celsius", "value"))
def to_fahrenheit(celsius):
    return f"{float(celsius) * 9 / 5 + 32:.1f}"


# The way back reads fahrenheit as State, so fahrenheit is no longer an Input: no loop.
@callback(
    Output("celsius", "value"),
    Input("back", "n_clicks"),
    State("fahrenheit", "value"),
    prevent_initial_call=True,
)
def to_celsius(n_clicks, fahrenheit):
    return f"{(float(fahrenheit) - 32) * 5 / 9:.1f}"


if __name__ == "__main__":
    app.run(debug=True)
