"""Lesson 9: a clientside callback whose JavaScript lives in assets/course.js."""
from dash import Dash, html, dcc, clientside_callback, ClientsideFunction, Input, Output

app = Dash()

app.layout = html.Div([
    html.Label(["Percent done", dcc.Slider(id="percent", min=0, max=100, step=10, value=30)]),
    html.Div(
        html.Div(id="bar", style={"width": "0%", "height": "100%", "background": "steelblue"}),
        style={"width": "300px", "height": "16px", "background": "#ddd"},
    ),
    html.P(id="label"),
])

# window.dash_clientside.course.bar, defined in assets/course.js, does the work.
clientside_callback(
    ClientsideFunction(namespace="course", function_name="bar"),
    Output("bar", "style"),
    Output("label", "children"),
    Input("percent", "value"),
)


if __name__ == "__main__":
    app.run(debug=True)
