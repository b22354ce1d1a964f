"""Gallery: dcc.Tabs and dcc.Tab, and dcc.Loading showing a spinner while a slow callback runs."""
import time

from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

app.layout = html.Div([
    dcc.Tabs(id="season", value="spring", children=[
        dcc.Tab(label="Spring", value="spring"),
        dcc.Tab(label="Summer", value="summer"),
        dcc.Tab(label="Autumn", value="autumn"),
    ]),
    # Loading shows a spinner in place of its children while a callback that writes them runs.
    dcc.Loading(html.P(id="season-text"), type="circle"),
])

SEASONS = {"spring": "Blossom and rain.", "summer": "Long days.", "autumn": "Leaves and apples."}


@callback(Output("season-text", "children"), Input("season", "value"))
def describe(season):
    time.sleep(1)   # pretend this takes a while, so that the spinner has time to show
    return f"{season.title()}: {SEASONS[season]}"


if __name__ == "__main__":
    app.run(debug=True)
