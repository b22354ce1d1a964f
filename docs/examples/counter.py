"""Lesson 1: one button, one line of text, and the callback that joins them."""
from dash import Dash, html, callback, Input, Output

app = Dash()

# The page: a button and an empty paragraph. The ids are how callbacks find them.
app.layout = html.Div([
    html.Button("Click", id="btn"),
    html.P(id="count"),
])


# Whenever btn's n_clicks changes, call show_count and put its result into count's children.
@callback(Output("count", "children"), Input("btn", "n_clicks"))
def show_count(n_clicks):
    # Before the first click n_clicks is None, so "or 0" turns it into 0.
    return f"Count: {n_clicks or 0}"


if __name__ == "__main__":
    app.run(debug=True)
