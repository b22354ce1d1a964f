"""Lesson 9: the lesson 1 counter, with its callback written in JavaScript and run in the browser."""
from dash import Dash, html, clientside_callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("Click", id="btn"),
    html.P(id="count"),
])

# The same decorator arguments as in Python, but the function is a JavaScript string.
# It runs in the reader's browser: no trip to the server.
clientside_callback(
    """
    function(n_clicks) {
        // Before the first click n_clicks is undefined, so "|| 0" turns it into 0.
        return "Count: " + (n_clicks || 0);
    }
    """,
    Output("count", "children"),
    Input("btn", "n_clicks"),
)


if __name__ == "__main__":
    app.run(debug=True)
