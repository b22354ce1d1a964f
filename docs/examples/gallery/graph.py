"""Gallery: dcc.Graph with a figure written as a plain dict, its clickData, and a dcc.Tooltip that
follows hoverData."""
from dash import Dash, html, dcc, callback, Input, Output, no_update

app = Dash()

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
RAIN = [79, 58, 61, 52, 55, 48]   # mm of rain in each month

# A figure is a dict of "data" (the traces) and "layout": no plotly import needed.
FIGURE = {
    "data": [{"type": "bar", "x": MONTHS, "y": RAIN, "name": "rain", "hoverinfo": "none"}],
    "layout": {"title": {"text": "Rain per month (mm)"}, "height": 300,
               "margin": {"l": 40, "r": 10, "t": 40, "b": 30}},
}

app.layout = html.Div([
    # clear_on_unhover: hoverData goes back to None when the pointer leaves the bars.
    dcc.Graph(id="rain", figure=FIGURE, clear_on_unhover=True),
    dcc.Tooltip(id="rain-tip"),
    html.P("Click a bar.", id="clicked"),
])


@callback(Output("clicked", "children"), Input("rain", "clickData"), prevent_initial_call=True)
def show_click(click):
    point = click["points"][0]
    return f"You clicked {point['x']}: {point['y']} mm"


# Dash's tooltip pattern: each hovered point carries its bounding box ("bbox"), and the Tooltip is
# shown at that box with whatever children the callback gives it.
@callback(Output("rain-tip", "show"), Output("rain-tip", "bbox"), Output("rain-tip", "children"),
          Input("rain", "hoverData"))
def tip(hover):
    if hover is None:
        return False, no_update, no_update
    point = hover["points"][0]
    return True, point["bbox"], html.Div([html.B(point["x"]), f" {point['y']} mm"], id="tip-text")


if __name__ == "__main__":
    app.run(debug=True)
