"""Exercise (lesson 4): give the bar a callback of its own."""
from dash import Dash, html, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("Step", id="step"),
    html.P(id="count"),
    html.Div(
        html.Div(id="bar", style={"width": "0%", "height": "100%", "background": "seagreen"}),
        style={"width": "300px", "height": "16px", "background": "#ddd"},
    ),
])


@callback(Output("count", "children"), Input("step", "n_clicks"))
def show_count(n_clicks):
    steps = min(n_clicks or 0, 5)
    return f"Step {steps} of 5"


# TODO: a second callback on the same input that sets the bar's width:
# 20% per step, and never more than 100%.


if __name__ == "__main__":
    app.run(debug=True)
