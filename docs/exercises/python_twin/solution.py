"""Exercise (lesson 9): write the Python twin of a clientside callback."""
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Label(["Temperature (°C)", dcc.Slider(id="temp", min=-10, max=40, step=5, value=20)]),
    html.P(id="word"),
])

# The clientside version, for reference (it is not registered, so it does not run):
JS_VERSION = """
function(temp) {
    if (temp < 10) {
        return ["cold", {color: "steelblue"}];
    }
    if (temp < 25) {
        return ["mild", {color: "seagreen"}];
    }
    return ["hot", {color: "firebrick"}];
}
"""


# Two values in the JavaScript array -> two Outputs; a JS object -> a Python dict.
@callback(Output("word", "children"), Output("word", "style"), Input("temp", "value"))
def describe(temp):
    if temp < 10:
        return "cold", {"color": "steelblue"}
    if temp < 25:
        return "mild", {"color": "seagreen"}
    return "hot", {"color": "firebrick"}


if __name__ == "__main__":
    app.run(debug=True)
