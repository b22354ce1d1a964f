"""Lesson 4: two callbacks listen to the same button, one for the text and one for the bar."""
from dash import Dash, html, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("Step", id="step"),
    html.P(id="count"),
    # The bar is a grey box with a green box inside; the inner box's width shows the progress.
    html.Div(
        html.Div(id="bar", style={"width": "0%", "height": "100%", "background": "seagreen"}),
        style={"width": "300px", "height": "16px", "background": "#ddd"},
    ),
])


# Callback 1 owns the text.
@callback(Output("count", "children"), Input("step", "n_clicks"))
def show_count(n_clicks):
    steps = min(n_clicks or 0, 10)
    return f"Step {steps} of 10"


# Callback 2 owns the bar. Same input, different output: Dash runs both on every click.
@callback(Output("bar", "style"), Input("step", "n_clicks"))
def show_bar(n_clicks):
    steps = min(n_clicks or 0, 10)
    return {"width": f"{steps * 10}%", "height": "100%", "background": "seagreen"}


if __name__ == "__main__":
    app.run(debug=True)
