"""Lesson 6: one callback converts both ways; ctx.triggered_id says which box was typed in."""
from dash import Dash, html, dcc, callback, Input, Output, ctx, no_update

app = Dash()

app.layout = html.Div([
    html.Label(["Celsius ", dcc.Input(id="celsius", value="20")]),
    html.Label([" Fahrenheit ", dcc.Input(id="fahrenheit")]),
])


def number(text):
    """The text as a float, or None when it is not a number (yet)."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


@callback(
    Output("celsius", "value"),
    Output("fahrenheit", "value"),
    Input("celsius", "value"),
    Input("fahrenheit", "value"),
)
def convert(celsius, fahrenheit):
    if ctx.triggered_id == "fahrenheit":
        f = number(fahrenheit)
        # Leave the box being typed in alone; write only the other one.
        return (no_update if f is None else f"{(f - 32) * 5 / 9:.1f}"), no_update
    # Typed in celsius, or the start-up call: compute fahrenheit from celsius.
    c = number(celsius)
    return no_update, (no_update if c is None else f"{c * 9 / 5 + 32:.1f}")


if __name__ == "__main__":
    app.run(debug=True)
